"""Programme documents of an event: a tagged PDF (PDF/UA-1), a large-print PDF
and a plain-text file.

Each document is made once per version of what it shows and stored as a
`ProgrammeDocument`. `source_hash` fingerprints that content (the event's own
words, the dates as written out, the venue's accessibility facts, the
programme, the labels in the page's language and the layout files); a stored
document whose hash differs is stale and is made again, on publish (the
`generate_programme_documents` task) or on the first request for it.

PDFs are made by the project's PDF toolkit (`core.pdf`: WeasyPrint, one font
configuration and parsed style sheets per process, PT Sans, PDF/UA-1 with
the language of each part); if WeasyPrint or its system libraries (Pango)
cannot run, a PDF request answers 503 with a link to the plain-text
programme instead of failing (`PdfUnavailable`).
"""

import datetime
import functools
import hashlib
import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    HttpResponseNotAllowed,
)
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.functional import Promise
from django.utils.text import wrap
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core import dates, language, pdf
from core.pdf import PdfUnavailable
from events.enums import DocumentFormat, EventStatus
from events.models import EventPage, ProgrammeDocument
from events.templatetags.event_tags import event_when

logger = logging.getLogger(__name__)

TEMPLATES_DIR = Path(settings.BASE_DIR) / "templates"
HTML_TEMPLATE = "pdf/programme.html"
TEXT_TEMPLATE = "text/programme.txt"
STANDARD_CSS = TEMPLATES_DIR / "pdf" / "programme.css"
LARGE_PRINT_CSS = TEMPLATES_DIR / "pdf" / "programme-large-print.css"
UNAVAILABLE_TEMPLATE = "pdf/unavailable.html"
# Everything that shapes a document besides its data: a change regenerates.
LAYOUT_FILES = (
    TEMPLATES_DIR / HTML_TEMPLATE,
    TEMPLATES_DIR / TEXT_TEMPLATE,
    pdf.DOCUMENT_CSS,
    STANDARD_CSS,
    LARGE_PRINT_CSS,
    *pdf.SHARED_FILES,
    # Which phrases are marked Kazakh: a new rule makes the documents again.
    Path(language.__file__),
)
TEXT_WIDTH = 80

STATUS_NOTICES = {
    EventStatus.CANCELLED: _("This event is cancelled."),
    EventStatus.POSTPONED: _("This event is postponed."),
}
# The words the documents are made of, in the page's language; they are part
# of the data (and so of source_hash) so that a better translation reaches
# the stored documents too.
LABELS = {
    "when": _("When"),
    "status": _("Status"),
    "where": _("Where"),
    "address": _("Address"),
    "directions": _("How to get there"),
    "accessibility": _("Accessibility"),
    "contact": _("Contact on the day"),
    "organiser": _("Organiser"),
    "audience": _("For whom"),
    "programme": _("Programme"),
    "caption": _("The programme in order of time"),
    "time": _("Time"),
    "item": _("Item"),
    "performer": _("Performer or speaker"),
    "room": _("Room"),
    "notes": _("Notes"),
    "no_programme": _("The programme will be published later."),
}


@dataclass(frozen=True)
class DocumentSpec:
    """One of the three documents: its stored format, address and labels."""

    format: DocumentFormat
    variant: str  # "" or "-large-print", as in the page's route
    extension: str
    content_type: str
    label: Promise
    short_name: str

    @property
    def filename(self) -> str:
        return f"programme{self.variant}.{self.extension}"


SPECS = (
    DocumentSpec(DocumentFormat.PDF, "", "pdf", "application/pdf", _("Programme"), "PDF"),
    DocumentSpec(
        DocumentFormat.LARGE_PRINT,
        "-large-print",
        "pdf",
        "application/pdf",
        _("Programme in large print"),
        "PDF",
    ),
    DocumentSpec(
        DocumentFormat.TEXT,
        "",
        "txt",
        "text/plain; charset=utf-8",
        _("Programme as plain text"),
        "TXT",
    ),
)
SPEC_BY_FORMAT = {spec.format: spec for spec in SPECS}
# The plain text first: it needs no WeasyPrint, so it is stored even when PDFs fail.
RENDER_ORDER = (DocumentFormat.TEXT, DocumentFormat.PDF, DocumentFormat.LARGE_PRINT)


# ---------------------------------------------------------------------------
# What the documents show


def _item_time(item, multi_day: bool) -> str:
    if not item.starts_at:
        return ""
    text = dates.format_time(item.starts_at)
    if item.ends_at:
        text = f"{text}–{dates.format_time(item.ends_at)}"
    if multi_day:
        text = f"{dates.format_date(item.starts_at)}, {text}"
    return text


def document_data(page: EventPage) -> dict[str, Any]:
    """Everything the documents show, as plain strings in the page's language
    and time zone. Reads the page's venue, organiser, locale and programme
    items through the instance, so prefetched relations cost no query."""
    language = page.locale.language_code
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        venue = page.venue
        multi_day = page.is_multi_day
        return {
            "language": language,
            "labels": {key: str(label) for key, label in LABELS.items()},
            "author": str(_("Special Library for the Blind")),
            "title": page.title,
            "when": event_when(page),
            "status_text": str(page.get_status_display()),
            "status_notice": str(STATUS_NOTICES.get(page.status, "")),
            "status_note": page.status_note,
            "venue": (
                {
                    "name": venue.name,
                    "address": venue.address,
                    "directions": venue.directions,
                    "accessibility": venue.accessibility_summary(),
                    "contact": venue.contact,
                }
                if venue
                else None
            ),
            "organiser": page.organiser.name if page.organiser else "",
            "audience": str(page.get_audience_display()),
            "summary": page.summary,
            "items": [
                {
                    "time": _item_time(item, multi_day),
                    "title": item.title,
                    "description": item.description,
                    "performer": item.performer,
                    "room": item.room,
                    "notes": item.notes,
                }
                for item in page.programme_items.all()
            ],
        }


@functools.cache
def _layout_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in LAYOUT_FILES:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _digest(data: dict[str, Any]) -> str:
    payload = json.dumps([_layout_fingerprint(), data], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()


def source_hash(page: EventPage) -> str:
    """A sha256 of everything the documents show; they are made again only
    when it changes."""
    return _digest(document_data(page))


# ---------------------------------------------------------------------------
# Rendering


def render_text(data: dict[str, Any]) -> bytes:
    """The plain-text programme: UTF-8, lines wrapped at 80 characters."""
    text = render_to_string(
        TEXT_TEMPLATE,
        {
            **data,
            "title_underline": "=" * min(len(data["title"]), TEXT_WIDTH),
            "programme_underline": "-" * len(data["labels"]["programme"]),
        },
    )
    lines = [line.rstrip() for line in wrap(text, TEXT_WIDTH).strip().splitlines()]
    return (re.sub(r"\n{3,}", "\n\n", "\n".join(lines)) + "\n").encode()


def programme_html(data: dict[str, Any], *, large_print: bool, created: str = "") -> str:
    """The HTML that WeasyPrint turns into the PDF; `created` is a W3C date.
    Kazakh phrases of a Russian or English programme (the festival's name,
    works, names) are marked as Kazakh, as on the web page."""
    html = render_to_string(HTML_TEMPLATE, {**data, "large_print": large_print, "created": created})
    return language.mark_kazakh_parts(html)


def render_pdf(data: dict[str, Any], *, large_print: bool, created: str = "") -> bytes:
    """A tagged PDF/UA-1 programme; the same data and `created` give the same bytes."""
    html = programme_html(data, large_print=large_print, created=created)
    return pdf.render_pdf(
        html,
        base_url=TEMPLATES_DIR / "pdf",
        stylesheets=(pdf.DOCUMENT_CSS, STANDARD_CSS, *((LARGE_PRINT_CSS,) if large_print else ())),
    )


def _render(spec: DocumentSpec, data: dict[str, Any]) -> bytes:
    if spec.format == DocumentFormat.TEXT:
        return render_text(data)
    created = timezone.now().astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return render_pdf(data, large_print=spec.format == DocumentFormat.LARGE_PRINT, created=created)


# ---------------------------------------------------------------------------
# Storing


def _file_exists(document: ProgrammeDocument) -> bool:
    return bool(document.file) and document.file.storage.exists(document.file.name)


def _ensure(
    page: EventPage, spec: DocumentSpec, data: dict[str, Any], digest: str
) -> ProgrammeDocument:
    """The stored document of one format, made first if missing or stale."""
    with transaction.atomic():
        # Requests for the same page wait for each other here, so a version is
        # rendered once even when many readers ask for it at the same moment.
        list(Page.objects.select_for_update().filter(pk=page.pk).values_list("pk"))
        document = ProgrammeDocument.objects.filter(page=page, format=spec.format).first()
        if document is not None and document.source_hash == digest and _file_exists(document):
            return document
        content = _render(spec, data)
        old_name = document.file.name if document is not None else ""
        document = document or ProgrammeDocument(page=page, format=spec.format)
        name = f"{page.pk}-{digest[:16]}{spec.variant}.{spec.extension}"
        document.file.save(name, ContentFile(content), save=False)
        document.source_hash = digest
        document.size = len(content)
        try:
            document.save()
        except Exception:
            document.file.delete(save=False)
            raise
    if old_name and old_name != document.file.name:
        storage = document.file.storage
        transaction.on_commit(lambda: storage.delete(old_name))
    return document


def ensure_documents(
    page: EventPage, formats: Iterable[DocumentFormat] | None = None
) -> list[ProgrammeDocument]:
    """Make and store each document (all three unless `formats` says which)
    that is missing or stale, in the page's own language; return them, the
    plain text first. `PdfUnavailable` when PDFs cannot be made here (the
    text is stored by then)."""
    wanted = set(DocumentFormat) if formats is None else set(formats)
    data = document_data(page)
    digest = _digest(data)
    return [
        _ensure(page, SPEC_BY_FORMAT[fmt], data, digest) for fmt in RENDER_ORDER if fmt in wanted
    ]


# ---------------------------------------------------------------------------
# The page's links and the documents' responses


def document_links(page: EventPage) -> list[dict[str, Any]]:
    """The three documents for the event page's template, rendering nothing.

    Each: url, label (translated), format ("PDF"/"TXT") and size in bytes, or
    size None when the document is not made yet or stale (its address then
    makes it on demand). One query for the documents; the page's venue,
    organiser, locale and programme items are read through the instance, so
    they cost nothing more when the page view has loaded them already."""
    base_url = page.url
    if base_url is None:
        return []
    digest = source_hash(page)
    stored = {
        document.format: document
        for document in ProgrammeDocument.objects.filter(page=page).only(
            "format", "source_hash", "size"
        )
    }
    links = []
    for spec in SPECS:
        document = stored.get(spec.format)
        fresh = document is not None and document.source_hash == digest
        links.append(
            {
                "url": base_url + spec.filename,
                "label": str(spec.label),
                "format": spec.short_name,
                "size": document.size if fresh else None,
            }
        )
    return links


def _spec_for(variant: str | None, extension: str) -> DocumentSpec:
    for spec in SPECS:
        if spec.variant == (variant or "") and spec.extension == extension:
            return spec
    raise Http404("No such programme document.")


def _content_disposition(page: EventPage, spec: DocumentSpec) -> str:
    """inline; an ASCII filename, plus RFC 5987 filename* for a non-ASCII slug."""
    filename = f"{page.slug}-{spec.filename}"
    if filename.isascii():
        return f'inline; filename="{filename}"'
    fallback = f"event-{page.pk}-{spec.filename}"
    return f"inline; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"


def _cache_headers(response: HttpResponseBase, page: EventPage, etag: str) -> HttpResponseBase:
    response["ETag"] = etag
    # Readers' browsers keep the file and ask again each time; the ETag makes
    # that a 304. A page behind a password or login is never stored by proxies.
    patch_cache_control(response, no_cache=True)
    if page.get_view_restrictions().exists():
        patch_cache_control(response, private=True)
    return response


def _unavailable_response(request: HttpRequest, page: EventPage) -> HttpResponse:
    response = TemplateResponse(
        request,
        UNAVAILABLE_TEMPLATE,
        {"page": page, "text_url": page.url + SPEC_BY_FORMAT[DocumentFormat.TEXT].filename},
        status=503,
    )
    response["Retry-After"] = "300"
    return response


def document_response(
    request: HttpRequest, page: EventPage, *, variant: str | None, extension: str
) -> HttpResponseBase:
    """Serve a programme document (routes programme.pdf,
    programme-large-print.pdf and programme.txt of an event page)."""
    spec = _spec_for(variant, extension)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    data = document_data(page)
    digest = _digest(data)
    etag = f'"{digest}"'
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        return _cache_headers(not_modified, page, etag)

    document = ProgrammeDocument.objects.filter(page=page, format=spec.format).first()
    if document is None or document.source_hash != digest or not _file_exists(document):
        try:
            document = _ensure(page, spec, data, digest)
        except PdfUnavailable:
            # A stale PDF is not served instead: it may say the event takes
            # place when it has been cancelled since.
            logger.exception("Programme PDF of page %s could not be made", page.pk)
            return _unavailable_response(request, page)

    response = FileResponse(
        document.file.storage.open(document.file.name, "rb"), content_type=spec.content_type
    )
    response["Content-Disposition"] = _content_disposition(page, spec)
    response["Content-Language"] = data["language"]
    return _cache_headers(response, page, etag)
