"""The department's table of training hours as an Excel workbook: the same
rows and totals as the screen (trainings.hours.branch_hours); text cells are
always text, never a formula."""

import io

from django.http import HttpResponse
from django.utils.translation import gettext as _

from core import xlsx
from registrations.exports import XLSX_CONTENT_TYPE


def hours_rows(groups) -> list[list]:
    """Headings, then each branch's people and the branch's total, then the total."""
    rows = [[_("Branch"), _("Full name"), _("Trainings"), _("Hours")]]
    for group in groups:
        for row in group.people:
            rows.append([group.name, row["person"].full_name, row["trainings"], row["hours"]])
        rows.append([group.name, _("Total for the branch"), None, group.total])
    rows.append([_("All branches"), _("Total"), None, sum(group.total for group in groups)])
    return rows


def hours_xlsx(year: int, groups) -> HttpResponse:
    openpyxl = xlsx.openpyxl()
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(title=(_("Hours %(year)s") % {"year": year})[:31])
    bold = openpyxl.styles.Font(bold=True)
    for number, row in enumerate(hours_rows(groups)):
        cells = []
        for value in row:
            cell = openpyxl.cell.WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # text, never a formula
            if number == 0 or (len(row) > 1 and row[2] is None):
                cell.font = bold
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="training-hours-{year}.xlsx"'
    response["Cache-Control"] = "private, no-store"
    return response
