"""The programs braille and audio are made with, found once per process.

Braille needs liblouis (`lou_translate`, Debian liblouis-bin, and its tables,
liblouis-data); audio needs espeak-ng (or the engine FORMATS_SPEECH_ENGINE
names, which checks for itself). Where one is missing, making that format
raises `ToolMissing` with a message that names the package to install, so the
admin can say it and a page can leave the format out, never a 500.
"""

import functools
import shutil

from django.utils.translation import gettext_lazy as _

from core import system_packages

# The Debian packages each kind of format needs, and the command it runs.
PACKAGES = {
    "braille": ("liblouis-bin", "liblouis-data"),
    "audio": ("espeak-ng",),
}
COMMANDS = {"braille": "lou_translate", "audio": "espeak-ng"}
KIND_NAMES = {"braille": _("Braille"), "audio": _("Audio")}


class ToolMissing(Exception):
    """A format cannot be made on this machine: a system package is missing."""

    def __init__(self, kind: str, packages: tuple[str, ...]):
        self.kind = kind
        self.packages = packages
        super().__init__(str(self.message))

    @property
    def message(self) -> str:
        names = " ".join(self.packages)
        return _(
            "%(format)s cannot be made: the Debian package(s) %(packages)s are missing "
            "on the server. Install them with: apt-get install %(packages)s"
        ) % {"format": KIND_NAMES.get(self.kind, self.kind), "packages": names}

    def __str__(self) -> str:
        return str(self.message)


@functools.cache
def _missing(kind: str) -> tuple[str, ...]:
    """The packages of `kind` that are not on this machine (looked up once)."""
    return tuple(name for name in PACKAGES[kind] if not system_packages.package(name).present())


@functools.cache
def command(kind: str) -> str:
    """The full path of the program for `kind`; ToolMissing when it is not there."""
    require(kind)
    found = shutil.which(COMMANDS[kind])
    if found is None:
        raise ToolMissing(kind, PACKAGES[kind][:1])
    return found


def available(kind: str) -> bool:
    return not _missing(kind)


def missing_reason(kind: str) -> str | None:
    """None when `kind` can be made here; otherwise the message to show staff."""
    missing = _missing(kind)
    return str(ToolMissing(kind, missing)) if missing else None


def require(kind: str) -> None:
    missing = _missing(kind)
    if missing:
        raise ToolMissing(kind, missing)


def forget() -> None:
    """Look the tools up again next time (after installing one, and in tests)."""
    _missing.cache_clear()
    command.cache_clear()
