"""The staff path in Chromium, with the keyboard: log in to the admin, register
someone by phone, and check them in at the desk by typing the code as a
scanner does (lower case, a dash, Enter). axe-core on each screen.

The demo admin works in Russian, and our strings are translated separately:
the assertions read structure (roles, ids, the name, the code, the time), not
wording, so a new translation does not break them."""

import re

import pytest

from tests.browser.conftest import assert_axe_clean
from tests.demo_site import ADMIN_PASSWORD

pytestmark = pytest.mark.browser

ADMIN_USERNAME = "admin"
NAME = "Браузер Тестов"

# WCAG A and AA: axe's best-practice rules would judge Wagtail's own admin
# chrome (sidebar, header), which is not ours to change.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}}


def assert_no_violations(page, label):
    assert_axe_clean(page, label, AXE_OPTIONS)


def focused_name(page):
    return page.evaluate("() => document.activeElement && document.activeElement.name")


def accessible_label(page, selector):
    """The text of the <label> of a control (it must have one)."""
    control_id = page.locator(selector).get_attribute("id")
    label = page.locator(f'label[for="{control_id}"]')
    assert label.count() == 1, selector
    return label.inner_text().strip()


def log_in(page):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(ADMIN_USERNAME)
    page.locator("#id_password").fill(ADMIN_PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(re.compile(r"/admin/$"))


ANSWERS = "() => document.querySelector('[data-checkin-desk]').dataset.checkinAnswers || '0'"


def submit_with_enter(page, field_selector, text):
    """Type into the field as a scanner does, then Enter, and wait for the
    answer: checkin.js writes it into the live region already on the page."""
    assert focused_name(page) == page.locator(field_selector).get_attribute("name")
    page.keyboard.type(text)
    before = int(page.evaluate(ANSWERS))
    page.keyboard.press("Enter")
    page.wait_for_function(f"({ANSWERS})() === '{before + 1}'")


def test_register_by_phone_then_check_in_with_the_keyboard(new_page):
    page = new_page(locale="en-US")
    log_in(page)

    # Register someone by phone: first the event, then the form.
    page.goto("/admin/registrations/add/")
    events = page.locator("select[name=event]")
    if events.count() == 0:
        pytest.fail("No demo event takes registrations: " + page.locator("main").inner_text())
    assert accessible_label(page, "select[name=event]")
    assert_no_violations(page, "choose the event")
    events.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.type") == "submit"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    event_id = re.search(r"[?&]event=(\d+)", page.url).group(1)
    assert focused_name(page) == "full_name"
    for selector in ("#id_full_name", "#id_phone", "#id_date_of_birth", "#id_consent"):
        assert accessible_label(page, selector), selector
    assert_no_violations(page, "register by phone")

    page.keyboard.type(NAME)
    page.locator("#id_phone").fill("8 701 000 00 99")
    page.locator("#id_date_of_birth").fill("01.02.1970")
    page.locator("input[name=material_format][value=braille]").check()
    page.locator("#id_consent").check()
    page.locator("form.staff-form button[type=submit]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"/admin/registrations/\d+/registered/", page.url), page.url
    code = page.locator(".staff-code").inner_text().strip()
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}", code), code
    assert NAME in page.title() and code in page.title()
    assert page.locator(".staff-spelled li").count() == 9
    assert page.get_by_role("status").filter(has_text=NAME).count() == 1
    assert_no_violations(page, "registered")

    # The large-print page: plain, the code big.
    page.locator('a[href$="/print/"]').first.click()
    page.wait_for_url(re.compile(r"/print/$"))
    assert page.locator(".lp-code").inner_text() == code
    assert_no_violations(page, "large print")

    # The event's registrations, with the needs summary as a captioned table.
    page.goto(f"/admin/registrations/event/{event_id}/")
    assert page.locator("table.staff-needs caption").inner_text().strip()
    assert page.locator("table.listing", has_text=code).count() == 1
    assert_no_violations(page, "event registrations")

    # The check-in desk: the field has the focus; a scanner types and presses Enter.
    page.goto(f"/admin/registrations/checkin/{event_id}/")
    assert accessible_label(page, "input[name=query]")
    assert focused_name(page) == "query"
    assert_no_violations(page, "check-in, empty")
    # The live region is on the page, empty, before any answer (a region
    # that appears with its text is not announced).
    result = page.locator("#checkin-result")
    assert result.get_attribute("role") == "status"
    assert result.inner_text().strip() == ""
    result.evaluate("el => { el.dataset.sinceLoad = 'yes'; }")

    submit_with_enter(page, "input[name=query]", code.lower())
    # The answer was written into that same element: no page load.
    assert result.get_attribute("data-since-load") == "yes"
    assert result.get_attribute("role") == "status"
    said = result.inner_text()
    assert NAME in said and re.search(r"\b\d\d:\d\d\b", said), said
    assert NAME in page.title()
    assert focused_name(page) == "query"
    assert page.locator("input[name=query]").input_value() == ""
    assert_no_violations(page, "check-in, checked in")

    # The same code again (dictated, with spaces): a problem, in an alert, said in words.
    submit_with_enter(page, "input[name=query]", code.replace("-", " "))
    result = page.locator("#checkin-result")
    assert result.get_attribute("role") == "alert"
    assert re.search(r"\b\d\d:\d\d\b", result.inner_text())
    assert focused_name(page) == "query"
    assert_no_violations(page, "check-in, already checked in")

    # By name: a list of matches; someone already checked in has no button.
    submit_with_enter(page, "input[name=query]", "тестов")
    match = page.locator(".staff-matches__item", has_text=NAME)
    assert match.count() == 1
    assert match.locator("button").count() == 0
    assert page.locator("#checkin-result").get_attribute("role") == "status"
    assert_no_violations(page, "check-in, found by name")
