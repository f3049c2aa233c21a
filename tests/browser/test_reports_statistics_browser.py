"""The department's regional statistics screen in Chromium with axe-core, in
both admin languages (Russian and English; Wagtail's admin has no Kazakh):
a period with accepted reports from branches in two districts, a year
earlier and plans (made on the live site with the reports' own services),
its tables, charts and the branches that have not reported; the same page
at 320 px without sideways scrolling of the page (the tables and charts
scroll in their own regions); a wrong period's error summary."""

import json

import pytest

from tests.browser.test_accessibility import assert_no_horizontal_scroll
from tests.browser.test_staff_registrations import (
    admin_back_in_russian,  # noqa: F401 - the fixture: the demo admin back in Russian
    assert_no_violations,
    goto_admin,
    staff_page,  # noqa: F401 - the fixture
)

pytestmark = pytest.mark.browser

ADMIN_LANGUAGES = ("ru", "en")

# Accepted reports for 2031 (no demo data reaches it) and 2030, a plan, one
# branch that only submitted: through reports.services, as the screens do.
MAKE_STATISTICS = """
import datetime, json
from decimal import Decimal
from django.contrib.auth import get_user_model
from wagtail.models import Locale
from branches.models import Branch, BranchKind
from reports import services
from reports.enums import DocumentKind, ReportStatus, Unit
from reports.models import Indicator, ReportingPeriod

admin = get_user_model().objects.get(username="admin")
kk = Locale.objects.get(language_code="kk")
visits, _ = Indicator.objects.get_or_create(code="browser-visits", defaults=dict(
    name_kk="Келушілер (тест)", name_ru="Посещения (тест)", name_en="Visits (test)",
    unit=Unit.VISITS, sort_order=90))
share, _ = Indicator.objects.get_or_create(code="browser-share", defaults=dict(
    name_kk="Брайль үлесі (тест)", name_ru="Доля Брайля (тест)", name_en="",
    unit=Unit.PERCENT, sort_order=91))

def period(year):
    return ReportingPeriod.objects.get_or_create(year=year, kind="year", number=1, defaults=dict(
        report_deadline=datetime.date(year + 1, 1, 20), plan_deadline=datetime.date(year - 1, 12, 20)))[0]

def branch(name, district):
    return Branch.objects.get_or_create(locale=kk, name=name, defaults=dict(
        kind=BranchKind.BRANCH, district=district))[0]

def filed(where, when, values, kind=DocumentKind.REPORT, accept=True):
    document, _ = services.document_get_or_create(branch=where, period=when, kind=kind, by=admin)
    if document.status == ReportStatus.DRAFT:
        services.document_save(document=document, by=admin, narrative="Тест.",
            values={indicator.pk: Decimal(value) for indicator, value in values.items()})
        document.values.filter(value__isnull=True).update(value=0)
        services.document_submit(document=document, by=admin)
        if accept:
            services.document_accept(document=document, by=admin)

year, earlier = period(2031), period(2030)
first = branch("Тест: Бірінші кітапхана", "Тест: Сайрам ауданы")
second = branch("Тест: Екінші кітапхана", "Тест: Сайрам ауданы")
third = branch("Тест: Үшінші кітапхана", "Тест: Төлеби ауданы")
late = branch("Тест: Кешіккен кітапхана", "Тест: Төлеби ауданы")
filed(first, year, {visits: 1250, share: 40})
filed(second, year, {visits: 30, share: 55})
filed(third, year, {visits: "45.5", share: 61})
filed(late, year, {visits: 10}, accept=False)
filed(first, earlier, {visits: 1000, share: 35})
filed(first, year, {visits: 1500, share: 50}, kind=DocumentKind.PLAN)
print(json.dumps({"period": year.pk, "visits": visits.pk}))
"""


@pytest.fixture(scope="module")
def statistics(live_manage):
    return json.loads(live_manage("shell", "-c", MAKE_STATISTICS).strip().splitlines()[-1])


def statistics_path(statistics):
    return f"/admin/reports/statistics/?period={statistics['period']}"


@pytest.mark.parametrize("code", ADMIN_LANGUAGES)
def test_the_statistics_page_has_no_violations(staff_page, statistics, code):  # noqa: F811
    page = staff_page(code)
    goto_admin(page, statistics_path(statistics), code)

    section = page.locator(f"#indicator-{statistics['visits']}")
    table = section.locator("table.stats-table")
    assert table.locator("caption").inner_text().strip()
    first = table.locator("tr", has=page.locator("th", has_text="Тест: Бірінші кітапхана"))
    cells = [text.strip() for text in first.locator("td").all_inner_texts()]
    assert cells[0].replace("\u00a0", "").replace(",", "") in ("1250",)
    assert cells[2].startswith("+250")
    chart = section.locator("svg[role=img]")
    chart.scroll_into_view_if_needed()
    assert chart.bounding_box()["height"] > 200  # drawn, one row per branch
    assert "1250" in chart.locator("desc").text_content().replace("\u00a0", "").replace(",", "")
    missing = page.locator("#missing-heading").locator("xpath=..").locator("li")
    assert any("Тест: Кешіккен кітапхана" in text for text in missing.all_inner_texts())
    assert_no_violations(page, f"{code} statistics")

    # Keyboard users reach a table's scroll region and the chart's.
    region = section.locator(".stats-scroll").first
    region.focus()
    assert page.evaluate("document.activeElement.getAttribute('role')") == "region"


@pytest.mark.parametrize("code", ADMIN_LANGUAGES)
def test_the_statistics_page_reflows_at_320_px(staff_page, statistics, code):  # noqa: F811
    page = staff_page(code, width=320)
    goto_admin(page, statistics_path(statistics), code)
    assert_no_horizontal_scroll(page, f"{code} statistics at 320 px")
    assert_no_violations(page, f"{code} statistics at 320 px")


def test_a_wrong_period_says_so_without_violations(staff_page, statistics):  # noqa: F811
    page = staff_page("en")
    response = page.goto("/admin/reports/statistics/?period=nothing")
    assert response.status == 400
    summary = page.locator(".staff-error-summary")
    assert summary.get_attribute("role") == "alert"
    assert "Reporting period" in summary.inner_text()
    assert_no_violations(page, "en statistics, wrong period")
