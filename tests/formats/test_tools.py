"""A machine without liblouis or espeak-ng: a clear message naming the
Debian package, never a crash."""

import pytest
from django.utils import translation

from formats import audio, braille, tools
from tests.formats.conftest import PROGRAMMES


def test_braille_without_liblouis_names_the_package(no_tools):
    for make in (braille.to_brf, braille.to_unicode):
        with pytest.raises(tools.ToolMissing) as missing:
            make(PROGRAMMES["kk"])

        assert "apt-get install liblouis-bin" in str(missing.value)
    assert tools.available("braille") is False
    assert "liblouis-bin" in tools.missing_reason("braille")


def test_audio_without_espeak_names_the_package(no_tools):
    with translation.override("en"):
        with pytest.raises(tools.ToolMissing) as missing:
            audio.to_mp3(PROGRAMMES["ru"])
        message = str(missing.value)

    assert message == (
        "Audio cannot be made: the Debian package(s) espeak-ng are missing on the server. "
        "Install them with: apt-get install espeak-ng"
    )
    assert tools.available("audio") is False


@pytest.mark.system_package("liblouis-bin", "liblouis-data", "espeak-ng")
def test_with_the_packages_every_format_is_available():
    tools.forget()

    assert tools.available("braille") and tools.available("audio")
    assert tools.missing_reason("braille") is None
    assert tools.missing_reason("audio") is None
