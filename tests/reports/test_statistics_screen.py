"""The regional statistics screen of the department: the numbers are the
sums of the accepted reports (per branch, district, region; a year earlier;
the plans), the branches without an accepted report are named, the charts
say their data in words, and only the department may see it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.users.models import UserProfile

from branches.models import Branch
from reports.enums import DocumentKind, Unit
from reports.models import Indicator

pytestmark = pytest.mark.django_db

URL = reverse("reports_statistics:index")
# Years no demo data reaches, so the region's totals are ours alone.
YEAR, EARLIER = 2031, 2030
SAYRAM, TOLEBI = "Тест-Сайрам ауданы", "Тест-Төлеби ауданы"


def in_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def department(make_staff, client):
    def log_in(language="en"):
        client.force_login(in_language(make_staff(department=True), language))
        return client

    return log_in


@pytest.fixture
def network(make_branch, indicators, period, filed):
    """Four branches in two districts: three accepted reports, one only submitted."""
    visits = indicators["visits"]
    branches = {
        "first": make_branch("Бірінші филиал", district=SAYRAM),
        "second": make_branch("Екінші филиал", district=SAYRAM),
        "third": make_branch("Үшінші филиал", district=TOLEBI),
        "late": make_branch("Кешіккен филиал", district=TOLEBI),
    }
    year = period(YEAR)
    filed(branches["first"], year, {visits: 120})
    filed(branches["second"], year, {visits: 30})
    filed(branches["third"], year, {visits: 45})
    filed(branches["late"], year, {visits: 999}, state="submitted")  # not counted
    filed(branches["first"], period(EARLIER), {visits: 100})
    filed(branches["first"], year, {visits: 150}, kind=DocumentKind.PLAN)
    return {"branches": branches, "year": year, "visits": visits}


def cell_texts(row):
    return [" ".join(cell.get_text(" ", strip=True).split()) for cell in row.find_all(["th", "td"])]


def table_rows(soup, indicator):
    """{row header: [cells]} of the indicator's table."""
    section = soup.find("section", id=f"indicator-{indicator.pk}")
    assert section is not None, f"no section for {indicator.code}"
    rows = {}
    for row in section.find("table").find_all("tr"):
        texts = cell_texts(row)
        rows[texts[0]] = texts[1:]
    return rows


def test_the_numbers_are_the_sums_of_accepted_reports(department, network, soup):
    response = department().get(URL, {"period": network["year"].pk})

    assert response.status_code == 200
    rows = table_rows(soup(response), network["visits"])
    header = rows["Branch"]
    assert header == [
        "2031",
        "A year earlier: 2030",
        "Change",
        "Plan",
        "Done, per cent of the plan",
    ]
    # this period, a year earlier, change (with its sign), plan, done
    assert rows["Бірінші филиал"] == ["120", "100", "+20 (+20%)", "150", "80.0%"]
    assert rows["Екінші филиал"] == ["30", "— no data", "— no data", "— no data", "— no data"]
    assert rows["Үшінші филиал"] == ["45", "— no data", "— no data", "— no data", "— no data"]
    assert rows["Кешіккен филиал"][0] == "— no data"  # submitted, not accepted
    assert rows[f"Total for the district: {SAYRAM}"][:4] == ["150", "100", "+50 (+50%)", "150"]
    assert rows[f"Total for the district: {TOLEBI}"][0] == "45"
    assert rows["Total for the region"][0] == "195"
    assert rows["Total for the region"][3:] == ["150", "130.0%"]


def test_branches_are_grouped_by_district_with_row_and_column_headers(department, network, soup):
    page = soup(department().get(URL, {"period": network["year"].pk}))
    section = page.find("section", id=f"indicator-{network['visits'].pk}")
    table = section.find("table")
    assert table.find("caption").get_text(strip=True)
    assert len(table.find_all("th", scope="col")) == 6
    groups = [th.get_text(strip=True) for th in table.find_all("th", scope="rowgroup")]
    assert groups.index(SAYRAM) < groups.index(TOLEBI)
    # Kazakh names on an English page say so.
    first = table.find("th", scope="row", string="Бірінші филиал")
    assert first["lang"] == "kk"
    # The table scrolls in its own region, named by its caption, reachable by keyboard.
    region = table.find_parent("div", class_="stats-scroll")
    assert region["role"] == "region"
    assert region["tabindex"] == "0"
    assert region["aria-labelledby"] == table.find("caption")["id"]


def test_branches_that_have_not_reported_are_listed(department, network, soup):
    page = soup(department().get(URL, {"period": network["year"].pk}))
    heading = page.find(id="missing-heading")
    assert heading.get_text(strip=True) == "Branches that have not reported"
    listed = [
        " ".join(item.get_text(" ", strip=True).split())
        for item in heading.find_parent("section").find_all("li")
    ]
    assert f"Кешіккен филиал ( {TOLEBI} )" in listed
    names = " ".join(listed)
    for name in ("Бірінші филиал", "Екінші филиал", "Үшінші филиал"):
        assert name not in names


def test_the_chart_says_its_data_in_words(department, network, soup):
    page = soup(department().get(URL, {"period": network["year"].pk}))
    section = page.find("section", id=f"indicator-{network['visits'].pk}")
    svg = section.find("svg", class_="stats-chart")
    assert svg["role"] == "img"
    title, desc = svg.find("title"), svg.find("desc")
    assert svg["aria-labelledby"] == title["id"]
    assert svg["aria-describedby"] == desc["id"]
    assert title.get_text() == "Visits (visits), 2031: each branch against its plan"
    words = desc.get_text()
    assert "Highest: Бірінші филиал, 120." in words
    assert "Lowest: Екінші филиал, 30." in words
    assert "Total: 195." in words
    assert "Plan: 150." in words
    # The demo's own branches are in the network too.
    assert f"3 of {network_size()} branches have this number." in words
    # The values are written at the bars; the plan is an outline, the actual filled.
    texts = [text.get_text() for text in svg.find_all("text")]
    assert "120" in texts and "plan: 150" in texts
    assert svg.find("rect", class_="stats-chart__plan") is not None
    assert svg.find("rect", class_="stats-chart__actual") is not None
    assert not page.find(attrs={"style": True})


def network_size():
    return Branch.objects.in_directory().filter(locale__language_code="kk").count()


def test_a_branch_head_without_the_permission_is_refused(make_staff, make_branch, client, period):
    head = in_language(make_staff(make_branch()), "en")
    client.force_login(head)

    response = client.get(URL, {"period": period(YEAR).pk})

    assert response.status_code == 403
    assert "permission" in response.content.decode()
    export = client.get(reverse("reports_statistics:xlsx"), {"period": period(YEAR).pk})
    assert export.status_code == 403
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert URL not in home


@pytest.mark.parametrize("value", ["999999", "abc", ""])
def test_an_unknown_period_is_a_400_with_the_error_summary(department, network, soup, value):
    response = department().get(URL, {"period": value})

    assert response.status_code == 400
    page = soup(response)
    summary = page.find(class_="staff-error-summary")
    assert summary["role"] == "alert"
    assert "Reporting period" in summary.get_text()
    assert page.find("select", id="id_period") is not None
    assert page.find("table", class_="stats-table") is None


def test_without_a_period_the_last_ended_one_is_shown(department, network, soup, period):
    period(2025)
    page = soup(department().get(URL))
    selected = page.find("select", id="id_period").find("option", selected=True)
    assert selected.get_text(strip=True) == "2025"


def test_the_russian_admin_writes_numbers_and_names_in_russian(department, network, soup):
    page = soup(department("ru").get(URL, {"period": network["year"].pk}))
    heading = page.find(id=f"indicator-{network['visits'].pk}-heading")
    assert heading.get_text(" ", strip=True).startswith("Посещения")
    assert heading.find(attrs={"lang": True}) is None
    assert table_rows(page, network["visits"])["Бірінші филиал"][4] == "80,0%"


def test_an_indicator_in_per_cent_is_averaged_not_summed(
    department, make_branch, period, filed, soup
):
    share = Indicator.objects.create(
        code="braille-share",
        name_kk="Брайль үлесі",
        name_ru="Доля Брайля",
        name_en="",
        unit=Unit.PERCENT,
    )
    year = period(YEAR)
    filed(make_branch("Бірінші филиал", district=SAYRAM), year, {share: 40})
    filed(make_branch("Екінші филиал", district=SAYRAM), year, {share: 50})
    filed(make_branch("Үшінші филиал", district=TOLEBI), year, {share: 66})
    page = soup(department().get(URL, {"period": year.pk}))
    rows = table_rows(page, share)
    assert rows[f"Average for the district: {SAYRAM}"][0] == "45"
    assert rows[f"Average for the district: {TOLEBI}"][0] == "66"
    assert rows["Average for the region"][0] == "52"
    # No English name: the Kazakh one, marked as Kazakh.
    heading = page.find(id=f"indicator-{share.pk}-heading")
    assert heading.find("span")["lang"] == "kk"


def test_the_number_of_queries_does_not_grow_with_branches(
    department, make_branch, indicators, period, filed
):
    client = department()
    year = period(YEAR)
    filed(make_branch(district=SAYRAM), year, {indicators["visits"]: 1})
    client.get(URL, {"period": year.pk})
    with CaptureQueriesContext(connection) as few:
        client.get(URL, {"period": year.pk})
    for _ in range(5):
        filed(make_branch(district=TOLEBI), year, {indicators["visits"]: 2})
        filed(make_branch(), period(EARLIER), {indicators["visits"]: 1})
    with CaptureQueriesContext(connection) as many:
        client.get(URL, {"period": year.pk})
    assert len(many.captured_queries) == len(few.captured_queries)
