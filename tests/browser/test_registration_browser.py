"""Registration in a real Chromium: axe-core on the form, the form with
errors and the private page in kk, ru and en; a registration done with the
keyboard alone, fields found by their labels as a screen reader finds them.

The event is found as a person finds it: on the events index, the first
upcoming event whose page has a registration button."""

import itertools
import random

import pytest

from demo.data import load
from tests.browser.test_accessibility import (
    LANGUAGES,
    assert_no_horizontal_scroll,
    assert_no_violations,
)

pytestmark = pytest.mark.browser

INDEX = load("events")["index"]["slug"]
REGISTER_BUTTON = "section[aria-labelledby='registration-title'] a.button"
_phones = itertools.count(random.randint(0, 900_000))


def unique_phone() -> str:
    """A new person each time (phones of the 701 234 range, never the demo's 700)."""
    return f"+7 701 {next(_phones) % 10_000_000:07d}"


def find_register_url(page, code) -> str:
    """The registration form of the first upcoming event that takes registrations."""
    page.goto(f"/{code}/{INDEX}/")
    events = page.locator("main .card__title a")
    hrefs = [events.nth(i).get_attribute("href") for i in range(events.count())]
    for href in hrefs:
        page.goto(href)
        button = page.locator(REGISTER_BUTTON)
        if button.count():
            return button.first.get_attribute("href")
    pytest.fail(
        f"No upcoming demo event in {code!r} has open registration "
        "(see demo/fixtures/registrations.yaml)."
    )


def fill_required(page, name):
    page.fill("input[name=full_name]", name)
    page.fill("input[name=phone]", unique_phone())
    page.check("input[name=consent]")


@pytest.mark.parametrize("code", LANGUAGES)
def test_form_errors_and_private_page_have_no_violations(new_page, code):
    page = new_page()
    url = find_register_url(page, code)
    assert_no_violations(page, f"{code} event page with its registration button")
    response = page.goto(url)
    assert response.status == 200
    assert page.get_attribute("html", "lang") == code
    assert page.locator("main > h1").count() == 1
    assert_no_violations(page, f"{code} registration form")

    # Sent empty: the summary takes focus, each link reaches its field.
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    # The title starts with "Error:" in the page's language, as each message does.
    error_word = page.locator(".error-message .visually-hidden").first.text_content().strip()
    assert page.title().startswith(error_word)
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert_no_violations(page, f"{code} registration form with errors")
    links = page.locator("#error-summary a")
    assert links.count() >= 2
    for index in range(links.count()):
        target = links.nth(index).get_attribute("href")[1:]
        links.nth(index).click()
        assert page.evaluate("document.activeElement.id") == target

    # Sent right: the private page, announced, with the code.
    fill_required(page, "Ә'лия Сәрсенбай-Қызы")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert "/registration/" in page.url and page.url.endswith("?new=1")
    status = page.get_by_role("status")
    assert status.locator("h1").inner_text().strip()
    assert page.locator(".registration-code").inner_text().strip()
    assert_no_violations(page, f"{code} private registration page")

    # The question before cancelling, too.
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.locator("main form input[name=step]").get_attribute("value") == "confirm"
    assert_no_violations(page, f"{code} cancel question")

    # Cancelled: the private page says so.
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.locator(".registration-code").count() == 1
    assert page.locator("main form button[type=submit]").count() == 0
    assert_no_violations(page, f"{code} cancelled registration")


def test_registration_with_the_keyboard_alone(new_page):
    page = new_page(locale="en-GB")
    page.goto(find_register_url(page, "en"))

    def type_into(label, text, exact=False):
        field = page.get_by_label(label, exact=exact)
        field.focus()
        page.keyboard.type(text)
        return field

    type_into("Full name", "Nurlan O’Brien-Sadykov", exact=True)
    # Tab goes on to the day of the date of birth.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_date_of_birth_day"
    page.keyboard.type("7")
    page.keyboard.press("Tab")
    page.keyboard.type("3")
    page.keyboard.press("Tab")
    page.keyboard.type("1988")
    assert page.evaluate("document.activeElement.id") == "id_date_of_birth_year"

    type_into("Phone number", unique_phone())
    type_into("E-mail address", "nurlan@example.org")

    escort = page.get_by_label("I am coming with an escort")
    escort.focus()
    page.keyboard.press("Space")
    assert escort.is_checked()
    type_into("Escort's full name", "Saule Sadykova")

    large_print = page.get_by_label("Large print", exact=True)
    large_print.focus()
    page.keyboard.press("Space")
    assert large_print.is_checked()

    consent = page.get_by_label("I agree to the processing of my personal data")
    consent.focus()
    page.keyboard.press("Space")
    assert consent.is_checked()

    type_into("Seating or mobility needs", "A seat near the door")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "/registration/" in page.url
    # The result is the page's first heading, inside the status region.
    heading = page.get_by_role("status").get_by_role("heading", level=1)
    text = heading.inner_text().strip()
    assert text in {
        "You are registered",
        "Your registration is waiting for approval",
    } or text.startswith("You are on the waiting list: number"), text
    assert page.locator("main h1").first.inner_text().strip() == text
    assert "Saule Sadykova" in page.locator("main").inner_text()
    assert_no_violations(page, "en private page after a keyboard registration")


@pytest.mark.parametrize("display", ["", "text:xlarge,scheme:wb"])
def test_the_form_reflows_at_320_px(new_page, display):
    page = new_page(width=320, display=display or None)
    url = find_register_url(page, "kk")
    page.goto(url)
    assert_no_horizontal_scroll(page, f"registration form {display or 'normal'}")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert_no_horizontal_scroll(page, f"registration form with errors {display or 'normal'}")
    assert_no_violations(page, f"registration form with errors at 320 px {display or 'normal'}")
