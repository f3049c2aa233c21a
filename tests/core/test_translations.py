"""Every UI string of ours is translated into Kazakh and Russian."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

LOCALE = Path(settings.BASE_DIR) / "locale"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_po_file_is_complete(language):
    text = (LOCALE / language / "LC_MESSAGES" / "django.po").read_text()
    entries = text.split("\n\n")[1:]  # the first entry is the header
    assert len(entries) > 100
    untranslated = [
        entry for entry in entries if re.search(r'^msgstr(\[\d\])? ""$(?!\n")', entry, re.M)
    ]
    assert untranslated == []
    assert "#, fuzzy" not in text


@pytest.mark.parametrize(
    ("language", "expected"),
    [("kk", "Негізгі мазмұнға өту"), ("ru", "Перейти к основному содержанию")],
)
def test_compiled_messages_are_used(language, expected):
    with translation.override(language):
        assert translation.gettext("Skip to main content") == expected
