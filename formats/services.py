"""Making, storing, offering and serving the braille and audio versions.

`formats_make` is the one state change (the task runs it): for each kind of
a source's object, it keeps a fresh file, or makes and stores the file of
the current version, or stores "failed" with the reason (a missing Debian
package, a translation error). Everything else here only reads:
`formats_offered` (the ready, fresh files for a page's links),
`formats_states` (ready / not yet made / cannot be made, for staff) and
`fresh_format` (the file behind a token, or None when stale or unknown).

The hash of a stored file covers the source's content, the kind, what
shapes that kind (the site's braille page size for BRF, the line width for
Unicode braille) and the engine's own code, so a change to any of them makes
the file stale: it is no longer offered or served and is made again.
"""

import dataclasses
import functools
import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Site

from core.cache import invalidate_page_cache
from formats import audio, braille, tools
from formats.document import Document
from formats.models import AlternativeFormat, BrailleSettings, FormatKind, FormatStatus
from formats.sources import Source, get_source

logger = logging.getLogger(__name__)

# Raise when the layout changes in a way the engine's files do not show.
FORMAT_VERSION = 1
ENGINE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class KindSpec:
    kind: str
    tool: str  # formats.tools kind: "braille" or "audio"
    extension: str
    content_type: str
    short_name: str  # what the link says the format is
    engine: tuple[str, ...]  # the engine's modules (files or packages) that make it


KINDS = {
    # BRF has no registered media type; embosser and braille software (Duxbury,
    # BrailleBlaster, notetakers) go by the .brf extension. An x- type makes
    # every browser save the file instead of showing braille ASCII as text.
    FormatKind.BRF: KindSpec(
        FormatKind.BRF,
        "braille",
        "brf",
        "application/x-brf",
        "BRF",
        ("document", "braille", "tables"),
    ),
    FormatKind.BRAILLE_TEXT: KindSpec(
        FormatKind.BRAILLE_TEXT,
        "braille",
        "txt",
        "text/plain; charset=utf-8",
        "TXT",
        ("document", "braille", "tables"),
    ),
    FormatKind.MP3: KindSpec(
        FormatKind.MP3, "audio", "mp3", "audio/mpeg", "MP3", ("document", "audio")
    ),
}
# Braille first: it takes milliseconds, so it is ready while the audio is made.
MAKE_ORDER = (FormatKind.BRF, FormatKind.BRAILLE_TEXT, FormatKind.MP3)

# ---------------------------------------------------------------------------
# Versions


@functools.cache
def _engine_fingerprint(modules: tuple[str, ...]) -> str:
    digest = hashlib.sha256(str(FORMAT_VERSION).encode())
    for name in modules:
        paths = [ENGINE_DIR / f"{name}.py", *sorted((ENGINE_DIR / name).rglob("*"))]
        for path in paths:
            if path.is_file():
                digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def braille_page(site) -> tuple[int, int]:
    """(cells per line, lines per page) of a site; the defaults without settings.
    Read without creating the row: pages call this on GET."""
    stored = BrailleSettings.objects.filter(site=site).first() if site is not None else None
    if stored is None:
        return 40, 25
    return stored.line_width, stored.lines_per_page


def _site_of(source: Source, obj: Any):
    if source.site is not None:
        return source.site(obj)
    get_site = getattr(obj, "get_site", None)
    return (get_site() if get_site else None) or Site.objects.filter(is_default_site=True).first()


class Version:
    """What one object's files are made from now: the hash of each kind,
    and the Document (built only when needed, if the source has a cheaper
    fingerprint)."""

    def __init__(self, source: Source, obj: Any):
        self.source = source
        self.obj = obj
        self.width, self.lines = braille_page(_site_of(source, obj))
        self.hashes: dict[str, str] = {}

    @functools.cached_property
    def document(self) -> Document:
        return self.source.document(self.obj)

    def content(self) -> Any:
        if self.source.fingerprint is not None:
            return self.source.fingerprint(self.obj)
        return dataclasses.asdict(self.document)


def current_version(source: Source, obj: Any) -> Version:
    version = Version(source, obj)
    width, lines = version.width, version.lines
    content = version.content()
    shape = {
        FormatKind.BRF: [width, lines],
        FormatKind.BRAILLE_TEXT: [width],
        # Another voice engine (FORMATS_SPEECH_ENGINE) makes the audio again.
        FormatKind.MP3: [
            getattr(settings, "FORMATS_SPEECH_ENGINE", ""),
            getattr(settings, "FORMATS_SPEECH_OPTIONS", {}),
        ],
    }
    for kind in source.kinds:
        spec = KINDS[kind]
        payload = json.dumps(
            [_engine_fingerprint(spec.engine), kind, shape[kind], content],
            ensure_ascii=False,
            sort_keys=True,
            default=str,
        )
        version.hashes[kind] = hashlib.sha256(payload.encode()).hexdigest()
    return version


# ---------------------------------------------------------------------------
# Making


def _render(kind: str, version: Version) -> tuple[bytes, float | None]:
    if kind == FormatKind.BRF:
        return braille.to_brf(version.document, width=version.width, lines=version.lines), None
    if kind == FormatKind.BRAILLE_TEXT:
        text = braille.to_unicode(version.document, width=version.width)
        return text.encode("utf-8"), None
    made = audio.to_mp3(version.document)
    return made.data, float(made.duration)


def _file_exists(row: AlternativeFormat) -> bool:
    return bool(row.file) and row.file.storage.exists(row.file.name)


def _store(
    source: Source,
    object_id: int,
    kind: str,
    version: Version,
    *,
    content: bytes | None = None,
    duration: float | None = None,
    reason: str = "",
) -> AlternativeFormat:
    """Save one kind's row: the new file (with a new token), or failed with the reason."""
    digest = version.hashes[kind]
    with transaction.atomic():
        row = (
            AlternativeFormat.objects.select_for_update()
            .filter(source=source.key, object_id=object_id, kind=kind)
            .first()
        )
        old_name = row.file.name if row is not None and row.file else ""
        row = row or AlternativeFormat(source=source.key, object_id=object_id, kind=kind)
        if row.source_hash != digest:
            row.token = AlternativeFormat._meta.get_field("token").get_default()
        row.language = version.document.language
        row.source_hash = digest
        if content is None:
            row.status = FormatStatus.FAILED
            row.reason = reason
            row.file = None
            row.size = 0
            row.duration = None
            row.save()
        else:
            name = f"{object_id}-{digest[:16]}.{KINDS[kind].extension}"
            row.file.save(name, ContentFile(content), save=False)
            row.status = FormatStatus.READY
            row.reason = ""
            row.size = len(content)
            row.duration = duration
            try:
                row.save()
            except Exception:
                row.file.delete(save=False)
                raise
        if old_name and old_name != (row.file.name if row.file else ""):
            storage = AlternativeFormat._meta.get_field("file").storage
            transaction.on_commit(lambda: storage.delete(old_name))
        transaction.on_commit(invalidate_page_cache)
    return row


def formats_make(*, source_key: str, object_id: int) -> list[AlternativeFormat]:
    """Make the braille and audio files of one object that are missing, stale
    or failed before, and store them; return the object's rows. An object that
    is gone or no longer public loses its files. Runs in the background."""
    source = get_source(source_key)
    if source is None:
        logger.warning("No alternative format source %r", source_key)
        return []
    obj = source.get(object_id)
    if obj is None:
        formats_discard(source_key=source_key, object_id=object_id)
        return []
    version = current_version(source, obj)
    stored = {row.kind: row for row in AlternativeFormat.objects.of(source.key, object_id)}
    rows = []
    for kind in MAKE_ORDER:
        if kind not in source.kinds:
            continue
        row = stored.get(kind)
        if (
            row is not None
            and row.status == FormatStatus.READY
            and row.source_hash == version.hashes[kind]
            and _file_exists(row)
        ):
            rows.append(row)
            continue
        tool = KINDS[kind].tool
        if not tools.available(tool):
            rows.append(_store(source, object_id, kind, version, reason=tools.missing_reason(tool)))
            continue
        try:
            content, duration = _render(kind, version)
        except tools.ToolMissing as error:
            rows.append(_store(source, object_id, kind, version, reason=str(error)))
            continue
        except Exception as error:
            logger.exception("%s of %s %s could not be made", kind, source.key, object_id)
            reason = f"{type(error).__name__}: {error}"[:500]
            rows.append(_store(source, object_id, kind, version, reason=reason))
            continue
        rows.append(_store(source, object_id, kind, version, content=content, duration=duration))
    return rows


def formats_discard(*, source_key: str, object_id: int) -> int:
    """Delete the stored files of an object (gone or no longer public)."""
    rows = list(AlternativeFormat.objects.of(source_key, object_id))
    names = [row.file.name for row in rows if row.file]
    AlternativeFormat.objects.filter(pk__in=[row.pk for row in rows]).delete()
    storage = AlternativeFormat._meta.get_field("file").storage
    transaction.on_commit(lambda: [storage.delete(name) for name in names])
    if rows:
        transaction.on_commit(invalidate_page_cache)
    return len(rows)


# ---------------------------------------------------------------------------
# Reading: links, states, serving


def duration_text(seconds: float | None) -> str:
    """ "3 min 20 s", "45 s"."""
    if seconds is None:
        return ""
    total = max(1, round(seconds))
    minutes, rest = divmod(total, 60)
    if not minutes:
        return _("%(seconds)d s") % {"seconds": rest}
    return _("%(minutes)d min %(seconds)d s") % {"minutes": minutes, "seconds": rest}


@dataclass(frozen=True)
class Offer:
    """A ready, fresh file, as a link shows it."""

    kind: str
    url: str
    label: str
    format: str
    size: int
    duration: str
    seconds: float | None

    def as_link(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def format_url(row: AlternativeFormat) -> str:
    return reverse("alternative_format", args=[row.token, KINDS[row.kind].extension])


def _offer(source: Source, row: AlternativeFormat) -> Offer:
    spec = KINDS[row.kind]
    return Offer(
        kind=row.kind,
        url=format_url(row),
        label=str(source.labels[row.kind]),
        format=spec.short_name,
        size=row.size,
        duration=duration_text(row.duration),
        seconds=row.duration,
    )


@dataclass(frozen=True)
class State:
    """One kind of one object, for staff: ready, not yet made, or cannot be made."""

    kind: str
    status: str  # "ready", "pending" or "failed"
    reason: str = ""
    offer: Offer | None = None


def formats_states(source_key: str, obj: Any) -> dict[str, State]:
    """Each kind's state for the object's current version."""
    source = get_source(source_key)
    if source is None or obj is None:
        return {}
    version = current_version(source, obj)
    stored = {row.kind: row for row in AlternativeFormat.objects.of(source.key, obj.pk)}
    states = {}
    for kind in MAKE_ORDER:
        if kind not in source.kinds:
            continue
        row = stored.get(kind)
        tool = KINDS[kind].tool
        fresh = row is not None and row.source_hash == version.hashes[kind]
        if fresh and row.status == FormatStatus.READY:
            states[kind] = State(kind, "ready", offer=_offer(source, row))
        elif not tools.available(tool):
            # Said now, in the reader's language (a stored reason is in the
            # worker's); a file made before the tool went away is still ready.
            states[kind] = State(kind, "failed", reason=tools.missing_reason(tool))
        elif fresh and row.status == FormatStatus.FAILED:
            states[kind] = State(kind, "failed", reason=row.reason)
        else:
            states[kind] = State(kind, "pending")
    return states


def formats_offered(source_key: str, obj: Any) -> list[Offer]:
    """The object's ready files of its current version, in the links' order."""
    return [
        state.offer for state in formats_states(source_key, obj).values() if state.offer is not None
    ]


def fresh_format(token) -> tuple[AlternativeFormat, Source, Any] | None:
    """The stored file behind a token, its source and object, when it is
    ready and still says what the object says now; otherwise None."""
    row = AlternativeFormat.objects.filter(token=token, status=FormatStatus.READY).first()
    if row is None:
        return None
    source = get_source(row.source)
    obj = source.get(row.object_id) if source is not None else None
    if obj is None or row.kind not in source.kinds:
        return None
    if current_version(source, obj).hashes[row.kind] != row.source_hash or not _file_exists(row):
        return None
    return row, source, obj


def missing_tools() -> list[str]:
    """Sentences for the admin: which versions cannot be made here, and why."""
    return [
        tools.missing_reason(tool) for tool in ("braille", "audio") if not tools.available(tool)
    ]


def braille_objects() -> list[tuple[str, int]]:
    """(source, object) of every stored braille file."""
    return list(
        AlternativeFormat.objects.filter(kind__in=[FormatKind.BRF, FormatKind.BRAILLE_TEXT])
        .values_list("source", "object_id")
        .distinct()
    )


def tool_is_available(kind: str) -> bool:
    return tools.available(KINDS[kind].tool)
