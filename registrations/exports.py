"""An event's registrations as CSV (streamed) or XLSX: every field, and the
answers to the event's own questions, one column per question key.

The disability group is a column only for staff with the
`registrations.view_disability_group` permission; which registrations are exported
is decided by the caller (the staff views scope them to the user's branch).
"""

import csv
import datetime
import io
import re

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import xlsx
from events.models import EventPage, EventQuestion

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# A cell a spreadsheet would run as a formula ("=HYPERLINK(...)" typed into a
# name field); a phone number such as +7 701 ... is left as it is.
FORMULA_START = re.compile(r"^[=@\t\r]|^[+-](?![\d\s()-]*$)")


def _text(value) -> str:
    return "" if value is None else str(value)


def _when(value):
    return timezone.localtime(value).replace(tzinfo=None) if value else None


def _user(user) -> str:
    if user is None:
        return gettext("The person themself")
    return user.get_full_name().strip() or user.get_username()


def _rank(registration) -> int | None:
    rank = getattr(registration, "waitlist_rank_value", None)
    return rank if rank is not None else registration.waitlist_rank


DISABILITY_GROUP = _("Disability group")

# (heading, value for a registration); the people and events are fetched with them.
FIELDS = [
    (_("Code"), lambda r: r.display_code),
    (_("Event"), lambda r: r.event.title),
    (_("Event page language"), lambda r: r.event.locale.language_code),
    (_("Status"), lambda r: r.get_status_display()),
    (_("Waiting-list position"), _rank),
    (_("Places"), lambda r: r.places),
    (_("Full name"), lambda r: r.person.full_name),
    (_("Date of birth"), lambda r: r.person.date_of_birth),
    (_("Phone"), lambda r: r.person.phone),
    (_("E-mail"), lambda r: r.person.email),
    (_("Town or district"), lambda r: r.person.district),
    (_("Library branch"), lambda r: r.person.branch.name if r.person.branch else ""),
    (_("Language for messages"), lambda r: r.person.get_preferred_language_display()),
    (_("Nomination or category"), lambda r: r.category),
    (_("Escort's name"), lambda r: r.escort_name),
    (_("Guide dog"), lambda r: gettext("yes") if r.guide_dog else gettext("no")),
    (_("Format of materials"), lambda r: r.get_material_format_display()),
    (_("Seating or mobility needs"), lambda r: r.seating_needs),
    (_("Anything else we should know"), lambda r: r.other_needs),
    (DISABILITY_GROUP, lambda r: r.get_disability_group_display()),
    (_("Parent or guardian"), lambda r: r.guardian_name),
    (_("Privacy notice version"), lambda r: r.consent_version),
    (_("Consent given"), lambda r: _when(r.consented_at)),
    (_("Guardian's consent given"), lambda r: _when(r.guardian_consented_at)),
    (_("Entered by"), lambda r: _user(r.entered_by)),
    (_("Reason"), lambda r: r.decision_reason),
    (_("Registered"), lambda r: _when(r.created_at)),
    (_("Status changed"), lambda r: _when(r.status_changed_at)),
    (_("Checked in"), lambda r: _when(r.checked_in_at)),
]


def question_keys(event: EventPage) -> list[str]:
    """The keys of the event's questions, in the order of the form; every
    language's page of the event adds the keys it alone has."""
    questions = EventQuestion.objects.filter(page__translation_key=event.translation_key).order_by(
        "sort_order", "pk"
    )
    keys = []
    for key in questions.values_list("key", flat=True):
        if key not in keys:
            keys.append(key)
    return keys


def answer_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, list | tuple):
        return "; ".join(answer_text(item) for item in value)
    return str(value)


class Export:
    """The headings and rows of one event's registrations, for one user."""

    def __init__(self, event: EventPage, registrations, *, with_disability_group: bool):
        self.event = event
        self.registrations = registrations.select_related(
            "person", "person__branch", "event", "event__locale", "entered_by"
        ).order_by("event_id", "created_at", "pk")
        self.fields = [
            (heading, value)
            for heading, value in FIELDS
            if heading is not DISABILITY_GROUP or with_disability_group
        ]
        self.keys = question_keys(event)

    def headings(self) -> list[str]:
        return [str(heading) for heading, _value in self.fields] + self.keys

    def rows(self):
        for registration in self.registrations.iterator(chunk_size=500):
            row = [value(registration) for _heading, value in self.fields]
            answers = registration.answers or {}
            row += [answer_text(answers.get(key)) for key in self.keys]
            yield row

    def filename(self, extension: str) -> str:
        today = timezone.localdate().isoformat()
        slug = re.sub(r"[^A-Za-z0-9-]+", "-", self.event.slug).strip("-") or "event"
        return f"registrations-{slug}-{today}.{extension}"


def safe_cell(value):
    """CSV text that a spreadsheet shows as text, never runs as a formula."""
    if isinstance(value, str) and FORMULA_START.match(value):
        return "'" + value
    return value


def _csv_value(value) -> str:
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return _text(safe_cell(value))


class _Echo:
    def write(self, value):
        return value


def csv_response(export: Export) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())
    # The rows are made after the view returns: in the user's language and time zone still.
    language = translation.get_language()
    zone = timezone.get_current_timezone()

    def lines():
        with translation.override(language), timezone.override(zone):
            # The byte-order mark makes Excel read the file as UTF-8 (Cyrillic names).
            yield "\ufeff"
            yield writer.writerow(export.headings())
            for row in export.rows():
                yield writer.writerow([_csv_value(value) for value in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{export.filename("csv")}"'
    response["Cache-Control"] = "private, no-store"
    return response


def xlsx_response(export: Export) -> HttpResponse:
    openpyxl = xlsx.openpyxl()
    Workbook, WriteOnlyCell = openpyxl.Workbook, openpyxl.cell.WriteOnlyCell
    Font = openpyxl.styles.Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=gettext("Registrations")[:31])
    bold = Font(bold=True)
    header = []
    for heading in export.headings():
        cell = WriteOnlyCell(sheet, value=heading)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in export.rows():
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text, never a formula
            elif isinstance(value, datetime.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{export.filename("xlsx")}"'
    response["Cache-Control"] = "private, no-store"
    return response
