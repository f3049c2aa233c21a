"""The regional summary as files the department sends on: a workbook (XLSX)
and a tagged PDF (PDF/UA-1), in the admin's language, with the same numbers
as the statistics screen (both are made from reports.stats_tables).

The workbook has three sheets:
- "Statistics": one long table, a row per branch, district total and
  region total of every indicator (indicator code, name, unit, district,
  branch or total, kind of row, this period, a year earlier, change, change
  in %, plan, done as % of plan). One sheet rather than one per indicator,
  so it filters and pivots as it is; the header is frozen and filterable.
  Numbers are numbers; text is always text, never a formula.
- "Not reported": the branches without an accepted report for the period.
- "About": the title, the period, when it was made and what it counts.

The PDF has the title, the period, the date made, a table per indicator
and the branches that have not reported (core.pdf.render_pdf: tagged, with
the document's language and the Kazakh names marked as Kazakh)."""

import io
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core import pdf, xlsx
from reports.stats_tables import Summary

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_DIR = Path(settings.BASE_DIR) / "templates" / "reports" / "pdf"
PDF_TEMPLATE = "reports/pdf/statistics.html"
PDF_CSS = PDF_DIR / "statistics.css"


def filename(summary: Summary, extension: str) -> str:
    period = summary.statistics.period
    return f"statistics-{period.year}-{period.kind}-{period.number}.{extension}"


def made_at() -> str:
    return timezone.localtime().strftime("%d.%m.%Y %H:%M")


def title(summary: Summary) -> str:
    return _("Regional statistics: %(period)s") % {"period": summary.period_label}


def _number(value: Decimal | None):
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _row_kind(row, averaged: bool) -> str:
    if row.kind == "branch":
        return _("Branch")
    if row.kind == "district":
        return _("District average") if averaged else _("District total")
    return _("Region average") if averaged else _("Region total")


def _append(sheet, values, *, font=None) -> None:
    """A row of cells; a text that starts like a formula stays text."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"
        if font is not None:
            cell.font = font


def statistics_headings(summary: Summary) -> list[str]:
    return [
        _("Indicator code"),
        _("Indicator"),
        _("Unit"),
        _("District"),
        _("Branch or total"),
        _("Row"),
        summary.period_label,
        _("A year earlier: %(period)s") % {"period": summary.previous_label},
        pgettext("difference between two numbers", "Change"),
        _("Change, per cent"),
        _("Plan"),
        _("Done, per cent of the plan"),
    ]


def statistics_rows(summary: Summary):
    """The long table of the "Statistics" sheet, numbers as numbers."""
    for table in summary.tables:
        for district in table.districts:
            for row in [*district.rows, district.total]:
                label = f"{row.prefix} {row.label}" if row.prefix else row.label
                yield [
                    table.code,
                    table.name,
                    table.unit,
                    district.name,
                    label,
                    _row_kind(row, table.averaged),
                    _number(row.actual),
                    _number(row.previous),
                    _number(row.change),
                    _number(row.change_percent),
                    _number(row.plan),
                    _number(row.done_percent),
                ]
        region = table.region
        yield [
            table.code,
            table.name,
            table.unit,
            "",
            region.label,
            _row_kind(region, table.averaged),
            _number(region.actual),
            _number(region.previous),
            _number(region.change),
            _number(region.change_percent),
            _number(region.plan),
            _number(region.done_percent),
        ]


def workbook_bytes(summary: Summary) -> bytes:
    openpyxl = xlsx.openpyxl()
    Workbook, Font = openpyxl.Workbook, openpyxl.styles.Font
    get_column_letter = openpyxl.utils.get_column_letter

    bold = Font(bold=True)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Statistics")[:31]
    headings = statistics_headings(summary)
    _append(sheet, headings, font=bold)
    for values in statistics_rows(summary):
        _append(sheet, values)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headings))}{sheet.max_row}"
    widths = (16, 30, 12, 24, 36, 18, 12, 12, 12, 10, 12, 12)
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width

    missing = workbook.create_sheet(_("Not reported")[:31])
    _append(missing, [_("District"), _("Branch")], font=bold)
    for branch in summary.missing:
        _append(missing, [branch.district, branch.name])
    missing.column_dimensions["A"].width = 24
    missing.column_dimensions["B"].width = 40

    about = workbook.create_sheet(_("About")[:31])
    for values in (
        [title(summary)],
        [_("Reporting period"), summary.period_label],
        [_("Compared with"), summary.previous_label],
        [_("Made"), made_at()],
        [_("Counted from"), _("accepted reports only")],
        [_("Branches"), summary.branch_count],
        [_("Branches that have reported"), summary.reported_count],
        [_("Publisher"), _("Special Library for the Blind")],
    ):
        _append(about, values)
    about["A1"].font = Font(bold=True, size=14)
    about.column_dimensions["A"].width = 30
    about.column_dimensions["B"].width = 40

    workbook.properties.title = title(summary)
    workbook.properties.language = (translation.get_language() or "kk")[:2]
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(summary: Summary) -> HttpResponse:
    response = HttpResponse(workbook_bytes(summary), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename(summary, "xlsx")}"'
    response["Cache-Control"] = "private, no-store"
    return response


def statistics_html(summary: Summary) -> str:
    language = (translation.get_language() or "kk")[:2]
    return render_to_string(
        PDF_TEMPLATE,
        {
            "summary": summary,
            "language": language,
            "title": title(summary),
            "made_at": made_at(),
            "author": _("Special Library for the Blind"),
            "created": timezone.now().strftime("%Y-%m-%dT%H:%M:%SZ"),
        },
    )


def pdf_bytes(summary: Summary) -> bytes:
    """A tagged PDF/UA-1 of the summary; PdfUnavailable when it cannot be made."""
    return pdf.render_pdf(
        statistics_html(summary), base_url=PDF_DIR, stylesheets=(pdf.DOCUMENT_CSS, PDF_CSS)
    )


def pdf_response(summary: Summary) -> HttpResponse:
    response = HttpResponse(pdf_bytes(summary), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename(summary, "pdf")}"'
    response["Content-Language"] = (translation.get_language() or "kk")[:2]
    response["Cache-Control"] = "private, no-store"
    return response
