"""The festival in Chromium: the festival page, the 2011 edition and the
current edition's application form (empty and with errors) in kk, ru and en,
checked by axe-core, and reflowed at 320 px without horizontal scrolling."""

import datetime

import pytest

from tests.browser.test_accessibility import (
    LANGUAGES,
    assert_no_horizontal_scroll,
    assert_no_violations,
)

pytestmark = pytest.mark.browser

FESTIVAL = "/{code}/festivals/zhanarym-menin-zhuregim/"


def paths(code):
    festival = FESTIVAL.format(code=code)
    # The demo's current edition is this year's (the live site is seeded today).
    this_year = datetime.date.today().year
    return {
        "festivals": f"/{code}/festivals/",
        "festival": festival,
        "edition 2011": f"{festival}2011/",
        "current edition": f"{festival}{this_year}/",
        "application form": f"{festival}{this_year}/register/",
    }


@pytest.mark.parametrize("code", LANGUAGES)
def test_festival_edition_and_application_form_have_no_violations(new_page, code):
    page = new_page()
    for name, path in paths(code).items():
        response = page.goto(path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == code
        assert_no_violations(page, f"{code} {name}")


@pytest.mark.parametrize("code", LANGUAGES)
def test_application_form_with_errors(new_page, code):
    page = new_page()
    page.goto(paths(code)["application form"])
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    # The summary takes focus, so a screen reader reads it first.
    assert page.evaluate("document.activeElement.id") == "error-summary"
    links = page.locator("#error-summary a")
    assert links.first.get_attribute("href") == "#id_nomination_0"
    assert_no_violations(page, f"{code} application form with errors")
    links.first.click()
    assert page.evaluate("document.activeElement.id") == "id_nomination_0"


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_horizontal_scrolling_at_320_px(new_page, code):
    page = new_page(width=320)
    for name, path in paths(code).items():
        page.goto(path)
        assert_no_horizontal_scroll(page, f"{code} {name} at 320 px")
