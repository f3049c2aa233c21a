"""The minutes of a Methodologists' Day as documents: a tagged PDF (PDF/UA-1)
and plain text, in the Day's language (its page's locale).

Two versions: the staff's, with the names of those who attended, the
internal notes and every resolution; and the public one (the page's
minutes.pdf and minutes.txt, after the Day), with the number of those who
attended only and the public resolutions only. Resolutions belong to the
Day's source page, so on a translation their words (in the source's
language) carry that language: a screen reader switches voice for them.

A few pages of text are made on request (well under a second), not stored.
"""

import datetime
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.text import wrap
from django.utils.translation import gettext_lazy as _
from wagtail.rich_text import expand_db_html

from core import dates, pdf
from core.pdf import PdfUnavailable
from events.templatetags.event_tags import event_when
from registrations.enums import RegistrationStatus
from registrations.models import Registration
from trainings.enums import ResolutionStatus
from trainings.models import MethodologistsDayPage, Resolution

TEMPLATES_DIR = Path(settings.BASE_DIR) / "templates"
HTML_TEMPLATE = "trainings/pdf/minutes.html"
TEXT_TEMPLATE = "trainings/text/minutes.txt"
STYLESHEET = TEMPLATES_DIR / "trainings" / "pdf" / "minutes.css"
UNAVAILABLE_TEMPLATE = "trainings/pdf/minutes_unavailable.html"
TEXT_WIDTH = 80
CONTENT_TYPES = {"pdf": "application/pdf", "txt": "text/plain; charset=utf-8"}

LABELS = {
    "minutes": _("Minutes"),
    "when": _("When"),
    "where": _("Where"),
    "attendance": _("Attendance"),
    "discussed": _("What was discussed"),
    "internal": _("Internal notes (for staff only)"),
    "resolutions": _("Resolutions"),
    "carried": _("Carried over from earlier Days"),
    "assignee": _("Assigned to"),
    "due": _("Due"),
    "status": _("Status"),
    "done_note": _("What was done"),
    "nothing_recorded": _("Nothing recorded yet."),
    "no_resolutions": _("No resolutions."),
    "no_carried": _("Nothing was carried over."),
    "from_day": _("From the Day"),
}


# ---------------------------------------------------------------------------
# What the minutes show


def _people_count(count: int) -> str:
    return str(_("People present: %(count)s.")) % {"count": count}


def _in_language(obj, locale):
    """The translation of `obj` in `locale`, or `obj` itself."""
    return obj.get_translation_or_none(locale) or obj


def _other_language(obj, language: str) -> str:
    """`obj`'s language code when it differs from the document's, else ""."""
    code = obj.locale.language_code
    return code if code != language else ""


def _user_name(user) -> str:
    return user.get_full_name().strip() or user.get_username()


def _assignees(resolution: Resolution, page: MethodologistsDayPage) -> list[dict[str, str]]:
    """Who the resolution is assigned to, each with its language if not the page's."""
    language = page.locale.language_code
    names = []
    if resolution.assignee_branch is not None:
        branch = _in_language(resolution.assignee_branch, page.locale)
        names.append({"name": branch.name, "lang": _other_language(branch, language)})
    if resolution.assignee_user is not None:
        names.append({"name": _user_name(resolution.assignee_user), "lang": ""})
    return names


def _status(resolution: Resolution, *, overdue: bool = True) -> str:
    if resolution.status == ResolutionStatus.DONE and resolution.done_at:
        return str(_("Done on %(date)s")) % {"date": dates.format_date(resolution.done_at)}
    if overdue and resolution.is_overdue:
        return str(_("Open, overdue: it was due on %(date)s")) % {
            "date": dates.format_date(resolution.due_date)
        }
    return str(resolution.get_status_display())


def _resolution(
    resolution: Resolution, page: MethodologistsDayPage, text_lang: str, *, overdue: bool = True
) -> dict:
    return {
        "number": resolution.number,
        "text": resolution.text,
        "lang": text_lang,
        "assignees": _assignees(resolution, page),
        "due": dates.format_date(resolution.due_date) if resolution.due_date else "",
        "status": _status(resolution, overdue=overdue),
        "done_note": resolution.done_note if resolution.status == ResolutionStatus.DONE else "",
    }


def attendees(page: MethodologistsDayPage):
    """The people checked in at the Day (in any of its languages)."""
    return (
        Registration.objects.filter(
            event__translation_key=page.translation_key, status=RegistrationStatus.ATTENDED
        )
        .select_related("person")
        .order_by("person__full_name", "pk")
    )


def minutes_data(
    page: MethodologistsDayPage, *, public: bool, overdue: bool = True
) -> dict[str, Any]:
    """Everything a minutes document shows, as strings in the page's language
    and the site's time zone. `overdue=False` leaves out "overdue", which
    changes with the date alone (the stored braille and audio, made when the
    minutes change, must not go stale overnight; the due date is in them)."""
    language = page.locale.language_code
    source = page.source
    source_lang = _other_language(source, language)
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        discussed, discussed_lang = page.minutes, ""
        if not discussed and source.minutes:
            discussed, discussed_lang = source.minutes, source_lang
        internal, internal_lang = page.minutes_internal, ""
        if not internal and source.minutes_internal:
            internal, internal_lang = source.minutes_internal, source_lang
        people = list(attendees(page))
        resolutions = source.resolutions.select_related("assignee_branch", "assignee_user")
        carried = page.carried_over()
        if public:
            resolutions = resolutions.filter(is_public=True)
            carried = carried.filter(is_public=True)
        carried_items = []
        for resolution in carried:
            day = _in_language(resolution.day, page.locale)
            item = _resolution(
                resolution, page, _other_language(resolution.day, language), overdue=overdue
            )
            item["day"] = {"title": day.title, "lang": _other_language(day, language)}
            carried_items.append(item)
        return {
            "language": language,
            "public": public,
            "labels": {key: str(label) for key, label in LABELS.items()},
            "author": str(_("Special Library for the Blind")),
            "title": page.title,
            "document_title": str(_("Minutes: %(title)s")) % {"title": page.title},
            "when": event_when(page),
            "venue": page.venue.name if page.venue_id else "",
            "attendance": _people_count(len(people)),
            "attendees": [] if public else [r.person.full_name for r in people],
            "discussed_html": _pdf_html(discussed),
            "discussed_text": html_to_text(expand_db_html(discussed)) if discussed else "",
            "discussed_lang": discussed_lang,
            "internal": "" if public else internal,
            "internal_lang": internal_lang,
            "resolutions": [
                _resolution(r, page, source_lang, overdue=overdue) for r in resolutions
            ],
            "carried": carried_items,
        }


def _pdf_html(rich_text: str) -> str:
    """The rich text as HTML inside the PDF, its headings one level below
    the document's sections (h2 → h3, h3 → h4)."""
    if not rich_text:
        return ""
    html = expand_db_html(rich_text)
    return re.sub(r"<(/?)h([2-5])\b", lambda match: f"<{match[1]}h{int(match[2]) + 1}", html)


class _TextParser(HTMLParser):
    """Rich text as plain lines: a blank line between blocks, list items
    with "-" or their number, a link's address after its words."""

    BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "div", "blockquote"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.lists: list[list] = []  # [ordered, counter] per open list
        self.href = ""

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.parts.append("\n")
        if tag in ("ul", "ol"):
            self.lists.append([tag == "ol", 0])
        elif tag == "li" and self.lists:
            current = self.lists[-1]
            current[1] += 1
            self.parts.append(f"{current[1]}. " if current[0] else "- ")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "a":
            self.href = dict(attrs).get("href") or ""

    def handle_endtag(self, tag):
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        if tag == "a" and self.href:
            self.parts.append(f" ({self.href})")
            self.href = ""
        if tag in self.BLOCKS and tag != "li":
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = [line.strip() for line in "".join(parser.parts).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# ---------------------------------------------------------------------------
# Rendering


def render_text(data: dict[str, Any]) -> bytes:
    text = render_to_string(
        TEXT_TEMPLATE,
        {**data, "title_underline": "=" * min(len(data["document_title"]), TEXT_WIDTH)},
    )
    lines = [line.rstrip() for line in wrap(text, TEXT_WIDTH).strip().splitlines()]
    return (re.sub(r"\n{3,}", "\n\n", "\n".join(lines)) + "\n").encode()


def minutes_html(data: dict[str, Any]) -> str:
    created = timezone.now().astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return render_to_string(HTML_TEMPLATE, {**data, "created": created})


def render_pdf(data: dict[str, Any]) -> bytes:
    """A tagged PDF/UA-1; `PdfUnavailable` when WeasyPrint cannot run here."""
    return pdf.render_pdf(
        minutes_html(data),
        base_url=TEMPLATES_DIR / "trainings" / "pdf",
        stylesheets=(pdf.DOCUMENT_CSS, STYLESHEET),
    )


def filename(page: MethodologistsDayPage, extension: str, *, public: bool) -> str:
    suffix = "" if public else "-staff"
    return f"{page.slug}-minutes{suffix}.{extension}"


def _content_disposition(page, extension: str, *, public: bool) -> str:
    name = filename(page, extension, public=public)
    if name.isascii():
        return f'inline; filename="{name}"'
    fallback = f"day-{page.pk}-minutes.{extension}"
    return f"inline; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}"


def minutes_response(
    request: HttpRequest, page: MethodologistsDayPage, *, extension: str, public: bool
) -> HttpResponse:
    """The minutes as PDF or text; a 503 naming the text when no PDF can be made."""
    if extension not in CONTENT_TYPES:
        raise Http404("No such minutes document.")
    data = minutes_data(page, public=public)
    etag = (
        f'"{hashlib.sha256(repr(sorted(data.items())).encode() + extension.encode()).hexdigest()}"'
    )
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        response = not_modified
    elif extension == "txt":
        response = HttpResponse(render_text(data), content_type=CONTENT_TYPES["txt"])
    else:
        try:
            content = render_pdf(data)
        except PdfUnavailable:
            response = TemplateResponse(
                request,
                UNAVAILABLE_TEMPLATE,
                {"page": page, "text_url": request.path.rsplit(".", 1)[0] + ".txt"},
                status=503,
            )
            response["Retry-After"] = "300"
            return response
        response = HttpResponse(content, content_type=CONTENT_TYPES["pdf"])
    response["ETag"] = etag
    response["Content-Language"] = data["language"]
    if response.status_code == 200:
        response["Content-Disposition"] = _content_disposition(page, extension, public=public)
    patch_cache_control(response, no_cache=True)
    if not public or page.get_view_restrictions().exists():
        patch_cache_control(response, private=True)
    return response


def public_minutes(page, request, extension):
    """The page's minutes.pdf and minutes.txt: the public minutes, after the Day."""
    if not isinstance(page, MethodologistsDayPage) or not page.has_taken_place:
        raise Http404("No minutes here.")
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    with translation.override(page.locale.language_code):
        return minutes_response(request, page, extension=extension, public=True)
