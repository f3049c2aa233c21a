"""Competitions in Chromium: the competition page and its published results
in kk, ru and en (axe-core, reflow at 320 px), and the judges' screen, where
the chair of the demo reading contest scores one entry with the keyboard
alone.

The admin speaks Russian and our strings are translated separately, so the
admin assertions read structure (names of fields, labels, addresses)."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_accessibility import (
    LANGUAGES,
    assert_no_horizontal_scroll,
    assert_no_violations,
)
from tests.browser.test_checkin_browser import log_in

pytestmark = pytest.mark.browser

# WCAG A and AA on admin screens: axe's best-practice rules would judge
# Wagtail's own admin chrome, which is not ours to change.
ADMIN_AXE = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}}
axe = Axe()


def assert_admin_screen_clean(page, label):
    results = axe.run(page, options=ADMIN_AXE)
    summary = [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]
    assert results.violations_count == 0, f"{label}: {summary}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_competition_and_results_pages_in_every_language(new_page, code):
    page = new_page()
    for path in (
        f"/{code}/events/chess-tournament/",
        f"/{code}/events/chess-tournament/results/",
        f"/{code}/events/dombra-contest/results/",
        f"/{code}/events/expressive-reading/",
    ):
        response = page.goto(path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == code
        assert_no_violations(page, path)
    narrow = new_page(width=320)
    narrow.goto(f"/{code}/events/dombra-contest/results/")
    assert_no_horizontal_scroll(narrow, f"{code} results at 320 px")
    captions = narrow.locator("table.results-table caption").all_inner_texts()
    assert len(captions) == 1


def focused_name(page):
    return page.evaluate("() => document.activeElement && document.activeElement.name")


def tab_to(page, name, limit=80):
    """Press Tab until the control called `name` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused_name(page) == name:
            return
    raise AssertionError(f"Tab never reached {name}")


def test_the_chair_scores_one_entry_with_the_keyboard_alone(new_page):
    page = new_page(locale="en-US")
    log_in(page)
    page.goto("/admin/judging/")
    assert_admin_screen_clean(page, "judging index")
    page.locator("a", has_text="Мәнерлеп оқу байқауы").first.click()
    page.wait_for_url(re.compile(r"/admin/judging/\d+/$"))
    assert_admin_screen_clean(page, "competition overview")
    first_entry = page.locator("table.staff-table tbody th a").first
    name = first_entry.inner_text().strip()
    first_entry.click()
    page.wait_for_url(re.compile(r"/admin/judging/\d+/entry/\d+/$"))
    entry_url = page.url
    assert_admin_screen_clean(page, "entry form")

    inputs = page.locator("form.staff-form input[type=text]")
    names = [inputs.nth(i).get_attribute("name") for i in range(inputs.count())]
    assert len(names) == 3
    for i in range(len(names)):
        label = page.locator(f'label[for="{inputs.nth(i).get_attribute("id")}"]').inner_text()
        assert name in label

    # The first score has the focus. A score above the maximum first: the
    # error summary takes the focus and names it; nothing is saved.
    assert focused_name(page) == names[0]
    page.keyboard.type("11")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == entry_url
    summary = page.locator(".staff-error-summary")
    assert summary.get_attribute("role") == "alert"
    assert page.evaluate("() => document.activeElement.classList.contains('staff-error-summary')")
    assert summary.locator("a").first.get_attribute("href") == f"#id_{names[0]}"
    assert page.locator(f'input[name="{names[0]}"]').input_value() == "11"
    assert_admin_screen_clean(page, "entry form with an error")

    # Then correct scores, from the keyboard alone.
    tab_to(page, names[0])
    page.keyboard.press("Control+A")
    page.keyboard.type("9.5")
    for field_name, value in zip(names[1:], ["8", "9,25"], strict=True):
        page.keyboard.press("Tab")
        assert focused_name(page) == field_name
        page.keyboard.type(value)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url != entry_url  # on to the next entry
    assert re.search(r"/admin/judging/\d+/entry/\d+/$", page.url)

    # Back on the first entry, the saved scores are there.
    page.goto(entry_url)
    assert [page.locator(f'input[name="{n}"]').input_value() for n in names] == [
        "9.5",
        "8",
        "9.25",
    ]

    # The chair's screens: closing asks first; publishing waits for the close.
    overview = re.sub(r"entry/\d+/$", "", entry_url)
    for action in ("close", "publish"):
        page.goto(f"{overview}{action}/")
        assert page.locator("main h2").first.is_visible()
        assert_admin_screen_clean(page, f"{action} screen")
