"""The regional statistics as files: the workbook opens with openpyxl and its
cells are the screen's numbers (numbers as numbers, text never a formula);
the PDF is tagged, in the admin's language, and reads back with the same
numbers."""

import io
import re

import openpyxl
import pikepdf
import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from reports.enums import DocumentKind
from tests.events.test_documents import run_poppler, structure_tags
from tests.reports.test_statistics_screen import (
    EARLIER,
    SAYRAM,
    TOLEBI,
    URL,
    YEAR,
    in_language,
    table_rows,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def department(make_staff, client):
    def log_in(language="en"):
        client.force_login(in_language(make_staff(department=True), language))
        return client

    return log_in


@pytest.fixture
def network(make_branch, indicators, period, filed):
    visits = indicators["visits"]
    first = make_branch("Бірінші филиал", district=SAYRAM)
    tricky = make_branch('=HYPERLINK("http://example.org")', district=SAYRAM)
    third = make_branch("Үшінші филиал", district=TOLEBI)
    late = make_branch("Кешіккен филиал", district=TOLEBI)
    year = period(YEAR)
    filed(first, year, {visits: 120})
    filed(tricky, year, {visits: "12.5"})
    filed(third, year, {visits: 45})
    filed(late, year, {visits: 999}, state="returned")
    filed(first, period(EARLIER), {visits: 100})
    filed(first, year, {visits: 150}, kind=DocumentKind.PLAN)
    return {"year": year, "visits": visits, "tricky": tricky.name}


def test_the_workbook_has_the_screens_numbers(department, network, soup):
    client = department()
    period = network["year"].pk
    screen = table_rows(soup(client.get(URL, {"period": period})), network["visits"])
    response = client.get(reverse("reports_statistics:xlsx"), {"period": period})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert f'filename="statistics-{YEAR}-year-1.xlsx"' in response["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Statistics", "Not reported", "About"]
    sheet = book["Statistics"]
    header = [cell.value for cell in sheet[1]]
    assert header[:6] == [
        "Indicator code",
        "Indicator",
        "Unit",
        "District",
        "Branch or total",
        "Row",
    ]
    assert header[6:8] == ["2031", "A year earlier: 2030"]
    rows = {
        row[4]: row
        for row in sheet.iter_rows(min_row=2, values_only=True)
        if row[0] == network["visits"].code
    }
    first = rows["Бірінші филиал"]
    assert first[3] == SAYRAM
    assert first[6:] == (120, 100, 20, 20, 150, 80)
    assert screen["Бірінші филиал"] == ["120", "100", "+20 (+20%)", "150", "80.0%"]
    sayram = rows[f"Total for the district: {SAYRAM}"]
    assert sayram[5] == "District total"
    assert sayram[6] == 132.5 and screen[f"Total for the district: {SAYRAM}"][0] == "132.5"
    region = rows["Total for the region"]
    assert region[6] == 177.5 and screen["Total for the region"][0] == "177.5"
    assert rows["Кешіккен филиал"][6] is None  # returned for changes: not counted
    # A name that looks like a formula stays the text it is.
    cells = [c for c in sheet["E"] if c.value == network["tricky"]]
    assert cells and all(c.data_type == "s" for c in cells)
    assert rows[network["tricky"]][6] == 12.5

    missing = list(book["Not reported"].iter_rows(values_only=True))
    assert missing[0] == ("District", "Branch")
    assert (TOLEBI, "Кешіккен филиал") in missing
    assert "Бірінші филиал" not in [name for _district, name in missing]
    about = {row[0]: row[1] for row in book["About"].iter_rows(values_only=True)}
    assert about["Reporting period"] == "2031"
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4} \d\d:\d\d", about["Made"])


def test_a_wrong_period_gives_the_page_with_the_error_not_a_file(department, network):
    response = department().get(reverse("reports_statistics:xlsx"), {"period": "nope"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.system_package("libpango-1.0-0")
@pytest.mark.system_package("poppler-utils")
@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_pdf_is_tagged_in_the_admins_language_with_the_numbers(
    department, network, tmp_path, language
):
    response = department(language).get(
        reverse("reports_statistics:pdf"), {"period": network["year"].pk}
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Language"] == language
    content = response.content
    with pikepdf.open(io.BytesIO(content)) as pdf:
        assert str(pdf.Root.Lang) == language
        assert pdf.Root.MarkInfo.Marked is True
        title = str(pdf.docinfo["/Title"])
    with translation.override(language):
        period = network["year"].label  # "2031", "2031 год"
        assert title == gettext("Regional statistics: %(period)s") % {"period": period}
    info = run_poppler("pdfinfo", content, tmp_path)
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    text = " ".join(run_poppler("pdftotext", content, tmp_path, "-enc", "UTF-8").split())
    assert title in text
    assert "Бірінші филиал 120 100 +20 (+20%) 150" in text
    assert "132.5" in text.replace(",", ".")
    assert "177.5" in text.replace(",", ".")
    assert "Кешіккен филиал" in text.split(title)[-1]
    tags = structure_tags(content)
    assert tags["/H1"] == 1
    assert tags["/Table"] >= 1
    assert tags["/Caption"] >= 1 or tags["/TH"] >= 6
    # Kazakh names inside a Russian or English document are marked as Kazakh.
    with pikepdf.open(io.BytesIO(content)) as pdf:
        languages = set()
        stack = [pdf.Root.StructTreeRoot]
        while stack:
            node = stack.pop()
            if isinstance(node, pikepdf.Dictionary):
                if "/Lang" in node:
                    languages.add(str(node.Lang))
                kids = node.get("/K")
                if isinstance(kids, pikepdf.Array):
                    stack.extend(kids)
                elif kids is not None:
                    stack.append(kids)
    assert "kk" in languages
