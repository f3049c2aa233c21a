"""What a magnifier shows and a list of links says (issue 14, points 3, 4, 8):
every kind of public page at 320 px in every combination of the display
settings, the menu button with the keyboard and without JavaScript, the
month calendar as a list of dated links, and the staff screens' titles,
focus and announcements.

One page is loaded per page kind and layout setting (text size, spacing,
images); the colour schemes are then tried in place by switching the class
the server puts on <html> for each (checked against the server once), so the
whole matrix costs about one load per page and layout."""

import itertools
import re

import pytest
from django.utils import translation

from core.display import SETTINGS, DisplayPreferences
from demo.data import load
from tests.browser.test_accessibility import ANNOUNCEMENTS, NEWS
from tests.browser.test_checkin_browser import log_in
from tests.browser.test_competitions_browser import READING_CONTEST, open_grid
from tests.browser.test_events_accessibility import event_paths
from tests.browser.test_festivals_browser import FESTIVAL
from tests.browser.test_festivals_browser import paths as festival_paths
from tests.browser.test_registration_browser import find_register_url

pytestmark = pytest.mark.browser

# A phone held upright: 320 px wide (the tests' windows are 900 px high).
PHONE = {"width": 320}
EVENTS = load("events")["index"]["slug"]
SCHEMES = [value for value, _label in SETTINGS["scheme"][1]]
# Settings that change the layout; the colour scheme only changes colours.
LAYOUT = [name for name in SETTINGS if name != "scheme"]


def layouts():
    """Every text size with every spacing; very large text also with every
    value of the other layout settings (images shown or described)."""

    def values(name):
        return [value for value, _label in SETTINGS[name][1]]

    defaults = {name: values(name)[0] for name in LAYOUT}
    found = [
        {**defaults, "text": text, "spacing": spacing}
        for text, spacing in itertools.product(values("text"), values("spacing"))
    ]
    others = [name for name in LAYOUT if name != "text"]
    for combo in itertools.product(*(values(name) for name in others)):
        layout = {**defaults, "text": "xlarge", **dict(zip(others, combo, strict=True))}
        if layout not in found:
            found.append(layout)
    return found


@pytest.fixture(scope="module")
def sample(browser, live_site):
    """One address of each kind of public page (Russian, home in Kazakh)."""
    context = browser.new_context(viewport={"width": 320, "height": 900}, base_url=live_site)
    page = context.new_page()
    page.set_default_timeout(15000)
    register = find_register_url(page, "ru")
    context.close()
    events = event_paths("ru")
    return {
        "home": "/kk/",
        "event list": events["index"],
        "event page": events["event"],
        "month view": events["month"],
        "festival": FESTIVAL.format(code="ru"),
        # The deepest breadcrumbs of the site.
        "festival application": festival_paths("ru")["application form"],
        "results": "/ru/events/dombra-contest/results/",
        "registration form": register,
        "certificate verify": "/ru/verify/",
        "branches": "/ru/branches/",
        "trainings": "/ru/trainings/",
        "announcements": f"/ru/{ANNOUNCEMENTS}/",
        "announcement": f"/ru/{ANNOUNCEMENTS}/{NEWS['announcements'][0]['slug']}/",
        "search": "/ru/search/?q=2011",
    }


# Sideways scrolling and the heading's place, in each colour scheme: the
# scheme's class is put on <html> as the server would, and taken off again.
MEASURE = """(schemes) => {
    const html = document.documentElement;
    const own = [...html.classList].filter((c) => c.startsWith("lv-scheme-"));
    const found = [];
    for (const scheme of schemes) {
        html.classList.remove(...[...html.classList].filter((c) => c.startsWith("lv-scheme-")));
        if (scheme !== "default") html.classList.add("lv-scheme-" + scheme);
        const h1 = document.querySelector("h1");
        found.push({
            scheme,
            overflow: html.scrollWidth - innerWidth,
            h1: h1 ? h1.getBoundingClientRect().top + scrollY : null,
        });
    }
    html.classList.remove(...[...html.classList].filter((c) => c.startsWith("lv-scheme-")));
    html.classList.add(...own);
    return {innerHeight, found};
}"""


def test_the_server_applies_a_scheme_only_as_a_class_on_html(new_page):
    """The premise of switching schemes in place: the same page in two
    schemes differs only in the class of <html> (and the panel's ticks)."""
    page = new_page(**PHONE, display="text:xlarge,scheme:wb")
    page.goto("/ru/about/")
    assert page.get_attribute("html", "class").split() == ["lv-text-xlarge", "lv-scheme-wb"]
    wb = page.locator("main").inner_html()
    other = new_page(**PHONE, display="text:xlarge")
    other.goto("/ru/about/")
    assert other.locator("main").inner_html() == wb


@pytest.mark.parametrize(
    "layout", layouts(), ids=lambda layout: ",".join(f"{k}:{v}" for k, v in layout.items())
)
def test_no_page_scrolls_sideways_and_the_heading_is_near_the_top(new_page, sample, layout):
    cookie = DisplayPreferences(**layout).to_cookie()
    page = new_page(**PHONE, display=cookie or None, locale="ru-RU")
    problems = []
    for kind, path in sample.items():
        page.goto(path)
        measured = page.evaluate(MEASURE, SCHEMES)
        for each in measured["found"]:
            label = f"{kind} {path} {cookie or 'normal'} scheme:{each['scheme']}"
            if each["overflow"] > 0:
                problems.append(f"{label}: {each['overflow']}px of sideways scrolling")
            if each["h1"] is None or each["h1"] > 1.5 * measured["innerHeight"]:
                problems.append(f"{label}: the h1 starts at {each['h1']}px")
    assert not problems, "\n".join(problems)


# The words of the heading broken across lines though they would fit on one
# (a break without a hyphen reads as two words): a word longer than the line
# may break there, as the last resort.
BROKEN_WORDS = """() => {
    const broken = [];
    for (const h1 of document.querySelectorAll("h1")) {
        const walker = document.createTreeWalker(h1, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of node.data.matchAll(/\\S+/g)) {
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
                if (lines.size < 2) continue;
                const whole = document.createElement("span");
                whole.style.whiteSpace = "nowrap";
                whole.textContent = match[0];
                node.parentElement.append(whole);
                const width = whole.getBoundingClientRect().width;
                whole.remove();
                if (width <= h1.clientWidth) broken.push(match[0]);
            }
        }
    }
    return broken;
}"""


def test_headings_are_hyphenated_in_their_language_and_not_broken_at_very_large_text(
    new_page, sample
):
    page = new_page(**PHONE, display="text:xlarge,spacing:wide")
    for kind, path in sample.items():
        page.goto(path)
        h1 = page.locator("h1").first
        style = h1.evaluate(
            "el => [getComputedStyle(el).hyphens, getComputedStyle(el).overflowWrap]"
        )
        # Hyphens where the browser knows the language; a break inside a
        # word only where a word is longer than the line.
        assert style == ["auto", "break-word"], f"{kind}: {style}"
        assert h1.evaluate("el => el.closest('[lang]').lang") in ("kk", "ru"), kind
        assert page.evaluate(BROKEN_WORDS) == [], f"{kind} {path}"


def _menu(page):
    return page.locator("details.menu-disclosure"), page.locator("summary.menu-disclosure__button")


@pytest.mark.parametrize("display", [None, "text:xlarge"])
def test_the_menu_button_opens_the_menu_with_the_keyboard(new_page, display):
    page = new_page(**PHONE, display=display)
    page.goto("/ru/about/")
    details, button = _menu(page)
    assert page.locator(".main-menu--wide").is_hidden()
    assert button.is_visible()
    assert page.locator(".main-menu--narrow a").first.is_hidden()
    button.focus()
    page.keyboard.press("Enter")
    assert details.get_attribute("open") is not None
    links = page.locator(".main-menu--narrow a")
    assert links.count() >= 2 and all(link.is_visible() for link in links.all())
    # Its links follow the button in the tab order.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.main-menu--narrow') !== null")
    # One main menu for a screen reader: the row of links is not displayed.
    assert page.get_by_role("navigation", name=_ru("Main menu"), exact=True).count() == 1
    button.focus()
    page.keyboard.press("Space")
    assert details.get_attribute("open") is None
    assert links.first.is_hidden()


def test_the_menu_button_works_without_javascript(browser, live_site):
    context = browser.new_context(
        viewport={"width": 320, "height": 900}, base_url=live_site, java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.goto("/kk/")
        details, button = _menu(page)
        button.focus()
        page.keyboard.press("Enter")
        assert details.get_attribute("open") is not None
        assert page.locator(".main-menu--narrow a").first.is_visible()
        page.locator(".main-menu--narrow a").nth(1).click()
        page.wait_for_load_state()
        assert page.url.rstrip("/") != f"{live_site}/kk"
    finally:
        context.close()


def test_on_a_wide_screen_the_menu_is_a_row_of_links(new_page):
    page = new_page()
    page.goto("/ru/about/")
    assert page.locator(".main-menu--wide a").first.is_visible()
    assert page.locator("summary.menu-disclosure__button").is_hidden()
    assert page.get_by_role("navigation", name=_ru("Main menu"), exact=True).count() == 1


def _link_names(snapshot):
    # `- link "name"`, or `- 'link "name"':` when the name holds a colon.
    return [name.replace('\\"', '"') for name in re.findall(r'link "((?:[^"\\]|\\.)*)"', snapshot)]


@pytest.mark.parametrize("display", [None, "text:xlarge"])
def test_the_month_at_320_px_is_a_list_of_days_whose_links_name_their_date(new_page, display):
    page = new_page(**PHONE, display=display)
    page.goto(f"/ru/{EVENTS}/?view=month")
    assert page.locator("table.month").is_hidden()
    assert page.get_by_role("table").count() == 0
    days = page.locator(".month-list > li")
    assert days.count() >= 1
    for day in days.all():
        heading = day.locator("h3").inner_text()
        # "Воскресенье, 6 декабря 2026" (and "сегодня" on today).
        date = re.search(r"\d{1,2} \w+ \d{4}", heading).group(0)
        assert day.bounding_box()["width"] > 250, heading
        names = _link_names(day.locator("ul").aria_snapshot())
        assert names, heading
        for name in names:
            assert name.startswith(f"{date}, "), (heading, name)


def test_the_month_on_a_wide_screen_is_a_table_whose_links_name_their_date(new_page):
    page = new_page()
    page.goto(f"/en/{EVENTS}/?view=month")
    assert page.locator(".month-list").is_hidden()
    table = page.get_by_role("table")
    assert table.count() == 1
    names = _link_names(table.aria_snapshot())
    assert names
    for name in names:
        assert re.match(r"\d{1,2} [A-Z][a-z]+ \d{4}, ", name), name


# Staff screens: the admin of the demo speaks Russian.
def _ru(message):
    with translation.override("ru"):
        return translation.gettext(message)


def test_the_phone_registration_form_with_errors_focuses_its_summary(new_page):
    page = new_page()
    log_in(page)
    page.goto("/admin/registrations/add/")
    event = page.locator("select[name=event] option[value]:not([value=''])").first
    page.goto(f"/admin/registrations/add/?event={event.get_attribute('value')}")
    assert not page.title().startswith(_ru("Error:"))
    page.locator("form.staff-form button[type=submit]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.title().startswith(_ru("Error:") + " ")
    focused = page.evaluate("document.activeElement.className")
    assert "staff-error-summary" in focused, focused


def test_the_judging_grid_names_its_competition(new_page):
    page = new_page()
    log_in(page)
    open_grid(page)
    assert READING_CONTEST in page.title()
    assert READING_CONTEST in page.locator("h1").inner_text()


def test_the_check_in_desk_without_javascript_answers_in_the_title(browser, live_site):
    """Without checkin.js the form posts as before: the page that comes back
    names the answer in its title and shows it in the result region."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, base_url=live_site, java_script_enabled=False
    )
    try:
        page = context.new_page()
        log_in(page)
        page.goto("/admin/registrations/checkin/")
        page.locator("main a[href*='/admin/registrations/checkin/']").first.click()
        page.wait_for_url(re.compile(r"/checkin/\d+/$"))
        page.locator("input[name=query]").fill("ZZZZ-ZZZZ")
        with page.expect_navigation():
            page.locator("input[name=query]").press("Enter")
        result = page.locator("#checkin-result")
        assert result.get_attribute("role") == "alert"
        message = result.locator(".staff-result__message").inner_text().strip()
        assert message
        assert page.title().startswith(message)
    finally:
        context.close()
