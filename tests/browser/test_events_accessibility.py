"""axe-core in Chromium on the events index (list and month), an event page and
a cancelled event, in kk, ru and en; the month table's structure as a screen
reader's table commands see it."""

import pytest

from demo.data import load
from tests.browser.test_accessibility import (
    LANGUAGES,
    SCHEMES,
    assert_no_horizontal_scroll,
    assert_no_violations,
)

pytestmark = pytest.mark.browser

EVENTS = load("events")
INDEX = EVENTS["index"]["slug"]


def event_paths(code):
    upcoming = next(
        e for e in EVENTS["events"] if e["days"] > 0 and e.get("status", "scheduled") == "scheduled"
    )
    cancelled = next(e for e in EVENTS["events"] if e.get("status") == "cancelled")
    return {
        "index": f"/{code}/{INDEX}/",
        "month": f"/{code}/{INDEX}/?view=month",
        "past": f"/{code}/{INDEX}/past/",
        "filtered-error": f"/{code}/{INDEX}/?month=2026-13",
        "event": f"/{code}/{INDEX}/{upcoming['slug']}/",
        "cancelled": f"/{code}/{INDEX}/{cancelled['slug']}/",
    }


@pytest.mark.parametrize("code", LANGUAGES)
def test_event_pages_in_every_language(new_page, code):
    page = new_page()
    for name, path in event_paths(code).items():
        response = page.goto(path)
        assert response.status in (200, 400), f"{path}: {response.status}"
        assert page.get_attribute("html", "lang") == code
        assert_no_violations(page, f"{code} {name}")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_event_pages_in_every_scheme_at_200_percent(new_page, scheme):
    page = new_page(display=f"text:xlarge,scheme:{scheme}")
    for name, path in event_paths("ru").items():
        page.goto(path)
        assert_no_violations(page, f"ru {name} scheme={scheme}")


@pytest.mark.parametrize("display", ["", "text:xlarge"])
def test_event_pages_reflow_at_320_px(new_page, display):
    page = new_page(width=320, display=display or None)
    for code in LANGUAGES:
        for name, path in event_paths(code).items():
            page.goto(path)
            assert_no_horizontal_scroll(page, f"{code} {name} {display}")


def test_month_table_as_a_screen_reader_sees_it(new_page):
    page = new_page()
    page.goto(event_paths("en")["month"])
    table = page.get_by_role("table")
    assert table.count() == 1
    # The caption is the table's accessible name; headers are column headers.
    caption = page.locator("table.month caption").inner_text()
    snapshot = page.locator("table.month").aria_snapshot()
    assert f'table "{caption}"' in snapshot
    assert snapshot.count("columnheader") == 7
    today = page.locator('td[aria-current="date"]')
    assert today.count() == 1
    assert "today" in today.text_content()


def test_filters_work_from_the_keyboard(new_page):
    page = new_page()
    page.goto(event_paths("en")["index"])
    page.locator("details.filters > summary").focus()
    page.keyboard.press("Enter")
    page.locator("#id_view_1").focus()
    page.keyboard.press("Space")
    assert page.locator("#id_view_1").is_checked()
    page.locator(".filter-form button[type=submit]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "view=month" in page.url
    assert page.locator("table.month").count() == 1
