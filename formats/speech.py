"""The voice that reads a text aloud, behind a small interface so that a
better engine can replace espeak-ng by configuration.

The setting `FORMATS_SPEECH_ENGINE` names the engine's class by its dotted
path (default `formats.speech.EspeakNg`), and `FORMATS_SPEECH_OPTIONS` the
keyword arguments it is made with. An engine has `voices` (the voice
it uses for each language: "kk", "ru", "en") and `synthesize(text,
language)`, which returns a `Speech`: 16-bit mono PCM samples and their rate.
An engine that cannot run raises `formats.tools.ToolMissing`.
"""

import functools
import struct
import subprocess
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

from formats import tools

DEFAULT_ENGINE = "formats.speech.EspeakNg"


@dataclass(frozen=True)
class Speech:
    samples: bytes  # signed 16-bit little-endian mono PCM
    sample_rate: int

    @property
    def duration(self) -> float:
        return len(self.samples) / 2 / self.sample_rate

    @classmethod
    def silence(cls, seconds: float, sample_rate: int) -> "Speech":
        return cls(b"\0\0" * round(seconds * sample_rate), sample_rate)


class SpeechEngine(Protocol):
    voices: dict[str, str]

    def synthesize(self, text: str, language: str) -> Speech: ...


class EspeakNg:
    """espeak-ng (Debian espeak-ng): small, fast, and the one offline voice
    for Kazakh here. The text goes in on stdin, never through a shell."""

    voices = {"kk": "kk", "ru": "ru", "en": "en-gb"}

    def __init__(self, *, words_per_minute: int = 175):
        self.words_per_minute = words_per_minute

    def synthesize(self, text: str, language: str) -> Speech:
        command = [
            tools.command("audio"),
            "-v",
            self.voices[language],
            "-s",
            str(self.words_per_minute),
            "-b",
            "1",  # the input is UTF-8
            "--stdout",
        ]
        try:
            done = subprocess.run(  # noqa: S603 - our fixed program and arguments
                command, input=text.encode(), capture_output=True, check=False, timeout=300
            )
        except FileNotFoundError as error:
            tools.forget()
            raise tools.ToolMissing("audio", tools.PACKAGES["audio"]) from error
        if done.returncode != 0:
            raise RuntimeError(f"espeak-ng failed: {done.stderr.decode(errors='replace')}")
        return read_wav(done.stdout)


def read_wav(data: bytes) -> Speech:
    """The samples of a 16-bit mono WAV. espeak-ng writes the header before
    it knows the length, so the sizes in it are not trusted: the samples are
    everything after the data chunk's header."""
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise ValueError("Not a WAV file.")
    position = 12
    sample_rate = None
    while position + 8 <= len(data):
        chunk, size = data[position : position + 4], struct.unpack_from("<I", data, position + 4)[0]
        if chunk == b"fmt ":
            channels, sample_rate, _, _, bits = struct.unpack_from("<HIIHH", data, position + 10)
            if channels != 1 or bits != 16:
                raise ValueError("Only 16-bit mono speech is supported.")
        elif chunk == b"data":
            if sample_rate is None:
                raise ValueError("A WAV data chunk before its format.")
            samples = data[position + 8 :]
            return Speech(samples[: len(samples) // 2 * 2], sample_rate)
        position += 8 + size
    raise ValueError("A WAV file without samples.")


@functools.cache
def _engine_class(path: str) -> type:
    return import_string(path)


def engine() -> SpeechEngine:
    """The configured speech engine, made with FORMATS_SPEECH_OPTIONS (a dict
    of keyword arguments, e.g. {"words_per_minute": 190} for espeak-ng)."""
    options = getattr(settings, "FORMATS_SPEECH_OPTIONS", {})
    return _engine_class(getattr(settings, "FORMATS_SPEECH_ENGINE", DEFAULT_ENGINE))(**options)
