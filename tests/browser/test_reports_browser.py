"""The plans and reports screens (issue 16) in Chromium with axe-core, in
both admin languages (Wagtail's admin has no Kazakh):

- a branch head's list of plans and reports, and the report form sent with
  a wrong number (the error summary takes the focus, the number is kept);
- the department's list, the branches that have not submitted, and the
  review screen (plan beside done), also with an error;
- a branch head filling in a report and submitting it with the keyboard
  alone (Tab, typing, Enter and Space).

The data is made on the live site as its staff would, through the services
(a shell on its database): branches, their heads and a department account,
each new for each test, so other browser tests are not affected."""

import json
import re
import uuid

import pytest

from tests.browser.conftest import assert_axe_clean
from tests.browser.test_accessibility import AXE_OPTIONS, assert_no_horizontal_scroll

pytestmark = pytest.mark.browser

ADMIN_LANGUAGES = ("ru", "en")
PASSWORD = "report-tests-password-1"

MAKE_DATA = """
import datetime, json
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from branches.models import Branch, BranchKind, StaffProfile
from reports import services
from reports.enums import PeriodKind, Unit
from reports.models import Indicator, ReportingPeriod

tag, language, password = {tag!r}, {language!r}, {password!r}
kk = Locale.objects.get(language_code="kk")
access = Permission.objects.get(codename="access_admin")
review = Permission.objects.get(codename="review_branchdocument")

def account(name, department=False, branch=None):
    user = get_user_model().objects.create_user(name, name + "@example.kz", password)
    user.first_name, user.last_name = "Тест", name
    user.save()
    user.user_permissions.add(access, *([review] if department else []))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    if branch is not None:
        StaffProfile.objects.create(user=user, branch=branch)
        branch.head = user
        branch.save()
    return user

indicators = []
for order, (code, kk_name, ru_name, en_name, unit) in enumerate([
    ("browser-readers", "Оқырмандар (сынақ)", "Читатели (тест)", "Readers (test)", Unit.PEOPLE),
    ("browser-visits", "Келушілер (сынақ)", "Посещения (тест)", "Visits (test)", Unit.VISITS),
    ("browser-events", "Іс-шаралар (сынақ)", "Мероприятия (тест)", "Events held (test)", Unit.EVENTS),
]):
    indicator, _ = Indicator.objects.get_or_create(code=code, defaults=dict(
        name_kk=kk_name, name_ru=ru_name, name_en=en_name, unit=unit,
        source="events-held" if code == "browser-events" else "", sort_order=900 + order))
    indicators.append(indicator)
# New documents ask only these (the demo's indicators stay in its reports).
Indicator.objects.exclude(code__startswith="browser-").update(active=False)
period, _ = ReportingPeriod.objects.get_or_create(year=2025, kind=PeriodKind.YEAR, number=1,
    defaults=dict(plan_deadline=datetime.date(2024, 12, 20), report_deadline=datetime.date(2026, 1, 20)))

own = Branch.objects.create(locale=kk, name="Браузер филиалы " + tag, kind=BranchKind.BRANCH)
other = Branch.objects.create(locale=kk, name="Тексерілетін филиал " + tag, kind=BranchKind.BRANCH)
head = account("head-" + tag, branch=own)
other_head = account("other-" + tag, branch=other)
department = account("dept-" + tag, department=True)

def filed(kind, values):
    document, _ = services.document_get_or_create(branch=other, period=period, kind=kind, by=other_head)
    services.document_save(document=document, by=other_head, narrative="Жыл бойы оқу кештері өтті.",
        values={{i.pk: v for i, v in zip(indicators, values)}})
    document.values.filter(value__isnull=True).update(value=0)
    services.document_submit(document=document, by=other_head)
    return document

filed("plan", [100, 900, 10])
report = filed("report", [120, 700, 12])
print(json.dumps({{"head": head.username, "department": department.username,
    "report": report.pk, "period": period.pk, "branch": own.name}}))
"""


@pytest.fixture
def report_data(live_manage):
    """make(language) → the new accounts and documents, as JSON from the live site."""

    def make(language):
        tag = uuid.uuid4().hex[:8]
        code = MAKE_DATA.format(tag=tag, language=language, password=PASSWORD)
        return json.loads(live_manage("shell", "-c", code).strip().splitlines()[-1])

    return make


def log_in(page, username):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")
    assert re.search(r"/admin/$", page.url), page.url


def goto_admin(page, path, code, status=200):
    response = page.goto(path)
    assert response.status == status, f"{path}: {response.status}"
    assert page.get_attribute("html", "lang") == code, path


def assert_no_violations(page, label):
    assert_axe_clean(page, label, AXE_OPTIONS)


def is_focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


@pytest.mark.parametrize("code", ADMIN_LANGUAGES)
def test_branch_screens_have_no_violations(new_page, report_data, code):
    data = report_data(code)
    page = new_page(locale="en-US" if code == "en" else "ru-RU")
    log_in(page, data["head"])

    goto_admin(page, "/admin/reports/branch/", code)
    table = page.locator("main table.report-table")
    assert data["branch"] in table.locator("caption").inner_text()
    assert table.locator("tbody tr").count() >= 2
    assert_no_violations(page, f"{code} a branch's plans and reports")

    # Start the 2025 report.
    start = table.locator(
        f"form.report-start:has(input[name=period][value='{data['period']}'])"
        ":has(input[name=kind][value=report]) button"
    )
    with page.expect_navigation():
        start.click()
    assert re.search(r"/admin/reports/documents/\d+/$", page.url), page.url
    assert_no_violations(page, f"{code} the report form")

    # A wrong number: said in the summary (focused) and at the field, kept.
    fields = page.locator(".report-row input[type=text]")
    assert fields.count() >= 3
    fields.nth(0).fill("много")
    fields.nth(1).fill("12,5")
    with page.expect_navigation():
        page.locator("button[value=save]").click()
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert is_focused(summary)
    assert fields.nth(0).input_value() == "много"
    assert fields.nth(1).input_value() == "12,5"
    assert fields.nth(0).get_attribute("aria-invalid") == "true"
    target = summary.locator("a").first.get_attribute("href")
    assert page.locator(target).count() == 1
    assert_no_violations(page, f"{code} the report form with an error")


@pytest.mark.parametrize("code", ADMIN_LANGUAGES)
def test_department_screens_have_no_violations(new_page, report_data, code):
    data = report_data(code)
    page = new_page(locale="en-US" if code == "en" else "ru-RU")
    log_in(page, data["department"])

    goto_admin(page, "/admin/reports/review/", code)
    assert page.locator("main table.report-table tbody tr").count() >= 2
    assert_no_violations(page, f"{code} the department's list")

    goto_admin(page, f"/admin/reports/review/?period={data['period']}&overdue=on", code)
    assert page.locator("#id_overdue").is_checked()
    assert_no_violations(page, f"{code} the department's list, overdue only")

    goto_admin(page, f"/admin/reports/review/overdue/?period={data['period']}", code)
    rows = page.locator("main table.report-table tbody tr", has_text=data["branch"])
    assert rows.count() == 2  # neither the plan nor the report of the new branch
    assert_no_violations(page, f"{code} the branches that have not submitted")

    review = f"/admin/reports/review/{data['report']}/"
    goto_admin(page, review, code)
    table = page.locator("main table.report-values-table")
    assert table.locator("thead th").count() == 4  # indicator, plan, done, counted
    first = table.locator("tbody tr").first.locator("td")
    assert [first.nth(0).inner_text(), first.nth(1).inner_text()] == ["100", "120"]
    assert_no_violations(page, f"{code} the review screen")

    # Accepting with a comment written: refused, said in the summary.
    page.locator("main textarea").first.fill("Неге аз?")
    with page.expect_navigation():
        page.locator("button[value=accept]").click()
    assert is_focused(page.locator("#error-summary"))
    assert page.locator("main textarea").first.input_value() == "Неге аз?"
    assert_no_violations(page, f"{code} the review screen with an error")


def test_a_branch_head_fills_in_and_submits_a_report_with_the_keyboard_alone(new_page, report_data):
    data = report_data("en")
    page = new_page(locale="en-US")
    log_in(page, data["head"])
    goto_admin(page, "/admin/reports/branch/", "en")

    # Tab to "Start the report for 2025", Space.
    start = page.get_by_role("button", name="Start the report for 2025", exact=True)
    for _ in range(120):
        if is_focused(start):
            break
        page.keyboard.press("Tab")
    assert is_focused(start)
    with page.expect_navigation():
        page.keyboard.press("Space")

    # Each number by its label, reached with Tab.
    for name, value in (("Readers (test), people", "130"), ("Visits (test), visits", "1 200")):
        field = page.get_by_label(name, exact=True)
        for _ in range(80):
            if is_focused(field):
                break
            page.keyboard.press("Tab")
        assert is_focused(field), name
        page.keyboard.type(value)
    page.keyboard.press("Tab")
    events = page.get_by_label("Events held (test), events", exact=True)
    assert is_focused(events)
    page.keyboard.type("0")
    page.keyboard.press("Tab")
    assert is_focused(page.get_by_label(re.compile(r"^\s*In words")))
    page.keyboard.type("Оқу кештері мен кітап көрмелері өтті.")

    submit = page.get_by_role("button", name="Submit to the department")
    for _ in range(20):
        if is_focused(submit):
            break
        page.keyboard.press("Tab")
    assert is_focused(submit)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.url.endswith("/admin/reports/branch/")
    # The year's row (the demo's quarters of 2025 are listed too).
    row = page.get_by_role("row", name=re.compile(r"^2025 Report"))
    assert "Submitted on" in row.inner_text()
    assert page.get_by_text("Submitted to the department: the report for 2025.").count() == 1


def test_the_report_form_and_the_review_fit_320_px_without_horizontal_scrolling(
    new_page, report_data
):
    data = report_data("ru")
    page = new_page(width=320, locale="ru-RU")
    log_in(page, data["department"])
    goto_admin(page, f"/admin/reports/review/{data['report']}/", "ru")
    assert_no_horizontal_scroll(page, "the review screen at 320 px")

    page = new_page(width=320, locale="ru-RU")
    log_in(page, data["head"])
    goto_admin(page, "/admin/reports/branch/", "ru")
    assert_no_horizontal_scroll(page, "a branch's list at 320 px")
    with page.expect_navigation():
        page.locator(
            f"form.report-start:has(input[name=period][value='{data['period']}'])"
            ":has(input[name=kind][value=report]) button"
        ).click()
    page.locator(".report-row input[type=text]").first.fill("-5")
    with page.expect_navigation():
        page.locator("button[value=submit]").click()
    assert page.locator("#error-summary").is_visible()
    assert_no_horizontal_scroll(page, "the report form with an error at 320 px")
