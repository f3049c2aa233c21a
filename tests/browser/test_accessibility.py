"""axe-core in Chromium on every page type, in every language, in every colour
scheme and at 200% text; reflow at 320 px; keyboard paths."""

import pytest

from core.display import SETTINGS
from demo.data import load
from tests.browser.conftest import assert_axe_clean

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"],
    }
}
LANGUAGES = ("kk", "ru", "en")
SCHEMES = [value for value, _label in SETTINGS["scheme"][1]]
NEWS = load("announcements")
ANNOUNCEMENTS = NEWS["announcement_index"]["slug"]


def page_paths(code):
    """One address of each page type (and of each state worth checking)."""
    first = NEWS["announcements"][0]["slug"]
    return {
        "home": f"/{code}/",
        "standard": f"/{code}/about/",
        "announcement-list": f"/{code}/{ANNOUNCEMENTS}/",
        "announcement": f"/{code}/{ANNOUNCEMENTS}/{first}/",
        "survey": f"/{code}/{load('home')['survey']['slug']}/",
        "search": f"/{code}/search/?q=2011",
        "not-found": f"/{code}/no-such-page/",
    }


def with_image_path(code):
    spec = next(a for a in NEWS["announcements"] if a[code].get("image_alt"))
    return f"/{code}/{ANNOUNCEMENTS}/{spec['slug']}/"


def assert_no_violations(page, label):
    assert_axe_clean(page, label, AXE_OPTIONS)


def assert_no_horizontal_scroll(page, label):
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{label}: {overflow}px of horizontal scrolling"


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_type_in_every_language(new_page, code):
    page = new_page()
    paths = {**page_paths(code), "announcement-with-image": with_image_path(code)}
    for name, path in paths.items():
        response = page.goto(path)
        assert response.status in (200, 404), path
        assert page.get_attribute("html", "lang") == code
        assert_no_violations(page, f"{code} {name}")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_colour_scheme_at_200_percent_text(new_page, scheme):
    page = new_page(display=f"text:xlarge,scheme:{scheme}")
    for code in LANGUAGES:
        for name, path in page_paths(code).items():
            page.goto(path)
            assert (
                f"lv-scheme-{scheme}" in (page.get_attribute("html", "class") or "")
                or scheme == "default"
            )
            assert_no_violations(page, f"{code} {name} scheme={scheme} text=200%")


def test_error_state_of_the_form_in_every_language(new_page):
    page = new_page()
    for code in LANGUAGES:
        page.goto(page_paths(code)["survey"])
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
        # The summary takes focus, so a screen reader reads it first.
        assert page.evaluate("document.activeElement.id") == "error-summary"
        assert_no_violations(page, f"{code} survey with errors")
        # Each link of the summary moves focus to its field.
        links = page.locator("#error-summary a")
        for index in range(links.count()):
            target = links.nth(index).get_attribute("href")[1:]
            links.nth(index).click()
            assert page.evaluate("document.activeElement.id") == target


@pytest.mark.parametrize("display", ["", "text:large", "text:xlarge", "text:xlarge,spacing:wide"])
def test_no_horizontal_scrolling_at_320_px(new_page, display):
    page = new_page(width=320, display=display or None)
    for code in LANGUAGES:
        for name, path in page_paths(code).items():
            page.goto(path)
            assert_no_horizontal_scroll(page, f"{code} {name} {display or 'normal'}")
        # Open the low-vision panel too: its options must wrap, not overflow.
        page.goto(page_paths(code)["home"])
        page.locator("summary.display-panel__summary").click()
        assert_no_horizontal_scroll(page, f"{code} open display panel {display}")


def test_tab_reaches_the_skip_link_first_and_it_moves_focus_into_main(new_page):
    page = new_page()
    for code in LANGUAGES:
        page.goto(page_paths(code)["standard"])
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip-link"
        assert page.locator(".skip-link").is_visible()
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('main') !== null")


def test_display_panel_works_from_the_keyboard(new_page):
    page = new_page()
    page.goto("/ru/")
    page.locator("summary.display-panel__summary").focus()
    page.keyboard.press("Enter")
    option = page.locator(".display-option--text-xlarge")
    option.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/ru/#display-options")
    assert "lv-text-xlarge" in page.get_attribute("html", "class")
    assert page.locator(".display-option--text-xlarge").get_attribute("aria-current") == "true"
    assert page.locator("details.display-panel").get_attribute("open") is not None
    font_size = page.evaluate("getComputedStyle(document.body).fontSize")
    assert font_size == "36px"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_focus_is_visible_and_targets_are_large_enough(new_page, scheme):
    page = new_page(display=f"scheme:{scheme}")
    page.goto("/en/about/")
    for selector in (
        ".main-menu a",
        ".language-switcher a",
        ".site-search button",
        "summary.display-panel__summary",
    ):
        element = page.locator(selector).first
        element.focus()
        outline = page.evaluate(
            "el => { const s = getComputedStyle(el); return [s.outlineStyle, parseFloat(s.outlineWidth)]; }",
            element.element_handle(),
        )
        assert outline[0] != "none" and outline[1] >= 2, f"{scheme} {selector}: {outline}"
        box = element.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, f"{selector}: {box}"


def test_default_scheme_text_meets_aaa_contrast_and_sizes(new_page):
    page = new_page()
    for code in LANGUAGES:
        page.goto(page_paths(code)["standard"])
        assert_axe_clean(
            page,
            f"{code} standard page, AAA contrast",
            {"runOnly": {"type": "rule", "values": ["color-contrast-enhanced"]}},
        )
    assert page.evaluate("getComputedStyle(document.body).fontSize") == "18px"
    assert page.evaluate("parseFloat(getComputedStyle(document.body).lineHeight)") >= 27
    width = page.evaluate("document.querySelector('main p').getBoundingClientRect().width")
    char = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")
    # 40em of 18px text is about 80 average characters at most.
    assert width <= 40 * char + 1


def test_survey_thank_you_page_in_every_language(new_page):
    """Sent right, the survey answers with its thank-you page (announced)."""
    page = new_page()
    for code in LANGUAGES:
        page.goto(page_paths(code)["survey"])
        page.locator("main form input[autocomplete=address-level2]").fill("Шымкент")
        for group in page.locator("main form fieldset").all():
            group.locator("input").first.check()
        with page.expect_navigation():
            page.locator("main form button[type=submit]").click()
        assert page.url.endswith("?sent=1")
        assert page.get_by_role("status").locator("h1").count() == 1
        assert_no_violations(page, f"{code} survey thank-you page")


def test_the_axe_helper_reports_a_violation(new_page):
    """The shared check (violations only, axe injected once per document)
    still fails a page that breaks a rule, and names the rule."""
    page = new_page()
    page.set_content('<html lang="en"><title>t</title><main><img src="data:,"></main></html>')
    with pytest.raises(AssertionError, match=r"image-alt \(critical\)"):
        assert_no_violations(page, "an image without alt text")
