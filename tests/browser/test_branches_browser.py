"""axe-core in Chromium on the branch directory (all, one district, a bad
district) and a branch's page, in kk, ru and en, in every colour scheme at
200%, and at 320 px with very large text."""

import pytest

from demo.data import load
from tests.browser.test_accessibility import (
    LANGUAGES,
    SCHEMES,
    assert_no_horizontal_scroll,
    assert_no_violations,
)

pytestmark = pytest.mark.browser

SAYRAM = next(spec for spec in load("branches")["branches"] if spec["key"] == "sayram")


def directory_paths(page, code):
    """The directory's addresses; the branch's own is read off its link."""
    index = f"/{code}/branches/"
    page.goto(index)
    branch = page.get_by_role("link", name=SAYRAM["name"][code], exact=True).get_attribute("href")
    district = SAYRAM["district"][code]
    return {
        "directory": index,
        "district": f"{index}?district={district}",
        "bad-district": f"{index}?district=Atlantis",
        "branch": branch,
    }


@pytest.mark.parametrize("code", LANGUAGES)
def test_directory_in_every_language(new_page, code):
    page = new_page()
    for name, path in directory_paths(page, code).items():
        response = page.goto(path)
        assert response.status == (400 if name == "bad-district" else 200), path
        assert page.get_attribute("html", "lang") == code
        assert_no_violations(page, f"{code} {name}")
    # The error summary takes the focus and links to the field.
    page.goto(directory_paths(page, code)["bad-district"])
    assert page.evaluate("document.activeElement.id") == "error-summary"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_directory_in_every_scheme_at_200_percent(new_page, scheme):
    page = new_page(display=f"text:xlarge,scheme:{scheme}")
    for name, path in directory_paths(page, "ru").items():
        page.goto(path)
        assert_no_violations(page, f"ru {name} scheme={scheme}")


def test_directory_reflows_at_320_px_with_very_large_text(new_page):
    page = new_page(width=320, display="text:xlarge")
    for code in LANGUAGES:
        for name, path in directory_paths(page, code).items():
            page.goto(path)
            assert_no_horizontal_scroll(page, f"{code} {name}")


def test_choosing_a_district_with_the_keyboard(new_page):
    page = new_page()
    page.goto("/en/branches/")
    page.get_by_label("District or town").focus()
    page.keyboard.press("End")  # the last district of the list
    chosen = page.get_by_label("District or town").input_value()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().endswith(chosen)
    assert page.locator("main section h2").all_inner_texts() == [chosen]
