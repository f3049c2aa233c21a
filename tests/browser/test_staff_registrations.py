"""The staff registration screens (issue 4) in Chromium with axe-core, in both
admin languages (Wagtail's admin has no Kazakh: staff work in Russian or
English, the user's admin language preference):

- the registrations list with a filter applied, one event's registrations with
  the needs summary, one registration, the confirm / reject / cancel questions
  and the reject form sent without a reason;
- registering someone by phone: the form empty, with errors, the "registered"
  page and its large-print page; no horizontal scrolling at 320 px;
- a librarian registering a reader by phone with the keyboard alone, fields
  found by their labels, the result announcing the code.
- the phone form of a festival nomination (its entry's fields), and a
  librarian entering a reader in it with the keyboard alone.

The screens are only looked at (GET) or sent with errors, so the demo's
registrations keep their statuses for the other browser tests; the people
registered here have phones of their own (+7 702 ...).

Assertions read what a user sees (names, codes, roles, the page's language),
and the few English words used are those of the English admin only."""

import itertools
import random
import re

import pytest

from tests.browser.conftest import assert_axe_clean
from tests.browser.test_accessibility import AXE_OPTIONS, assert_no_horizontal_scroll
from tests.browser.test_checkin_browser import ADMIN_PASSWORD, ADMIN_USERNAME

pytestmark = pytest.mark.browser

# Wagtail's admin is translated into Russian and English only
# (WAGTAILADMIN_PERMITTED_LANGUAGES); Kazakh is for the public site.
ADMIN_LANGUAGES = ("ru", "en")
# Demo people (demo/fixtures/registrations.yaml): awaiting approval on Methodologists' Day, and
# on the full computer lesson, one with a place and one on the waiting list.
PENDING = ("Жанар Төлеуова", "Марина Петренко", "Бауыржан Әлиев")
CONFIRMED_ELSEWHERE = "Ольга Ким"
ON_FULL_EVENT = "Сая Мұратова"
WAITLISTED_ON_FULL_EVENT = "Алексей Ни"
CODE = re.compile(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}\b")

_phones = itertools.count(random.randint(0, 900_000))


def unique_phone() -> str:
    """A new person each time (the demo's people have +7 700 ... phones)."""
    return f"8 702 {next(_phones) % 10_000_000:07d}"


# Wagtail's generic listing results (wagtailadmin/generic/listing_results.html,
# shared by every admin listing and refreshed by its filters) announce the
# number of matches in an <h2 role="alert">, which axe's best-practice rule
# aria-allowed-role flags (minor: a heading given another role). That template
# is Wagtail's own chrome, not ours; only that heading is left out, and only on
# the listings.
WAGTAIL_MATCH_COUNT = '#listing-results h2[role="alert"]'


def assert_no_violations(page, label, exclude=()):
    """axe-core with the site's rules (WCAG 2.2 A/AA and best practice)."""
    context = {"exclude": [[selector] for selector in exclude]} if exclude else None
    assert_axe_clean(page, label, AXE_OPTIONS, context=context)


# ---------------------------------------------------------------------------
# Staff session and admin language
# ---------------------------------------------------------------------------


def log_in(page):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(ADMIN_USERNAME)
    page.locator("#id_password").fill(ADMIN_PASSWORD)
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")
    assert re.search(r"/admin/$", page.url), page.url


def set_admin_language(page, code):
    """Choose the admin language in the account's preferences, as a user does.
    The account form also wants a name and an e-mail, which the demo superuser
    lacks: filled in once, if empty."""
    page.goto("/admin/account/")
    language = page.locator("#id_locale-preferred_language")
    form = page.locator("form", has=language)
    for selector, value in (
        ("#id_name_email-first_name", "Demo"),
        ("#id_name_email-last_name", "Librarian"),
        ("#id_name_email-email", "demo.librarian@example.org"),
    ):
        field = form.locator(selector)
        if field.count() and not field.input_value():
            field.fill(value)
    # The locale preferences are on another tab of the account.
    panel = language.locator("xpath=ancestor::section[@role='tabpanel']")
    form.locator(f'[aria-controls="{panel.get_attribute("id")}"]').click()
    language.select_option(code)
    with page.expect_navigation():
        form.locator("button[type=submit]").last.click()
    page.goto("/admin/")
    assert page.get_attribute("html", "lang") == code


@pytest.fixture(scope="module", autouse=True)
def admin_back_in_russian(browser, live_site):
    """The demo admin works in Russian (seed_demo); leave it so for other tests."""
    yield
    context = browser.new_context(base_url=live_site)
    try:
        page = context.new_page()
        log_in(page)
        set_admin_language(page, "ru")
    finally:
        context.close()


@pytest.fixture
def staff_page(new_page):
    """A logged-in staff page in the given admin language."""

    def open_page(code, width=1280):
        page = new_page(width=width, locale="en-US" if code == "en" else "ru-RU")
        log_in(page)
        set_admin_language(page, code)
        return page

    return open_page


def goto_admin(page, path, code):
    response = page.goto(path)
    assert response.status == 200, f"{path}: {response.status}"
    assert page.get_attribute("html", "lang") == code, path
    return response


def listing_row(page, text):
    return page.locator("table.listing tbody tr", has_text=text)


def registration_path(page, name, code):
    """The address of a demo person's registration, found by searching the list."""
    goto_admin(page, f"/admin/registrations/?q={name}", code)
    row = listing_row(page, name)
    assert row.count() == 1, name
    return row.locator('a[href*="/admin/registrations/"]').first.get_attribute("href")


def event_path(page, name, code):
    """The address of the registrations of the event a demo person registered for."""
    goto_admin(page, f"/admin/registrations/?q={name}", code)
    link = listing_row(page, name).locator('a[href*="/admin/registrations/event/"]')
    assert link.count() == 1, name
    return link.get_attribute("href")


def heading(page):
    """The page's title as Wagtail's header shows it."""
    return page.locator("h1").first.inner_text().strip()


# ---------------------------------------------------------------------------
# Lists, one registration, its actions
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("code", ADMIN_LANGUAGES)
def test_registration_lists_have_no_violations(staff_page, code):
    page = staff_page(code)

    # All registrations, filtered to those awaiting approval.
    goto_admin(page, "/admin/registrations/?status=pending", code)
    assert page.locator("#id_status").input_value() == "pending"
    table = page.locator("table.listing")
    assert table.locator("caption").inner_text().strip()
    for name in PENDING:
        assert listing_row(page, name).count() == 1, name
    assert listing_row(page, CONFIRMED_ELSEWHERE).count() == 0
    # Each row awaiting approval offers to confirm it, naming the person to a screen reader.
    confirm = listing_row(page, PENDING[1]).locator('a[href*="/confirm/"]')
    assert PENDING[1] in confirm.inner_text()
    assert_no_violations(
        page, f"{code} registrations, status filter", exclude=[WAGTAIL_MATCH_COUNT]
    )

    # One full event: its registrations, the needs summary, the waiting list.
    goto_admin(page, event_path(page, ON_FULL_EVENT, code), code)
    needs = page.locator("table.staff-needs")
    assert needs.locator("caption").inner_text().strip()
    assert needs.locator("th[scope=col]").count() == 3
    people_row = needs.locator("tbody tr").first.locator("td")
    coming, waiting = (int(people_row.nth(i).inner_text()) for i in (0, 1))
    assert coming >= 5 and waiting >= 1, (coming, waiting)
    for name in (ON_FULL_EVENT, WAITLISTED_ON_FULL_EVENT):
        assert listing_row(page, name).count() == 1, name
    assert_no_violations(
        page,
        f"{code} one event's registrations with the needs summary",
        exclude=[WAGTAIL_MATCH_COUNT],
    )


@pytest.mark.parametrize("code", ADMIN_LANGUAGES)
def test_registration_and_its_action_pages_have_no_violations(staff_page, code):
    page = staff_page(code)
    name = PENDING[1]
    detail = registration_path(page, name, code)
    assert re.fullmatch(r"/admin/registrations/\d+/", detail), detail

    goto_admin(page, detail, code)
    shown_code = page.locator(".staff-code-inline").inner_text().strip()
    assert CODE.fullmatch(shown_code), shown_code
    assert name in heading(page) and shown_code in heading(page)
    assert page.locator("main h2", has_text=name).count() == 1
    # Awaiting approval: confirm (a button), reject and cancel (links to a question).
    assert page.locator(f'form[action="{detail}confirm/"] button[type=submit]').count() == 1
    assert page.locator(f'a[href="{detail}reject/"]').count() == 1
    assert page.locator(f'a[href="{detail}cancel/"]').count() == 1
    assert_no_violations(page, f"{code} one registration")

    for action in ("confirm", "reject", "cancel"):
        goto_admin(page, f"{detail}{action}/", code)
        assert name in heading(page)
        assert shown_code in page.locator("main").inner_text()
        form = page.locator("main form[method=post]")
        assert form.locator("button[type=submit]").count() == 1
        # "Go back" leads to the registration, nothing done.
        assert form.locator(f'a[href="{detail}"]').count() == 1
        assert_no_violations(page, f"{code} {action} question")

    # The reason to reject is a labelled field; sent empty, it says what is missing.
    goto_admin(page, f"{detail}reject/", code)
    reason = page.locator("main textarea[name=reason]")
    label = page.locator(f'label[for="{reason.get_attribute("id")}"]').inner_text().strip()
    assert label and page.get_by_label(label, exact=True).count() == 1
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.url.endswith(f"{detail}reject/")
    error_id = f"{reason.get_attribute('id')}_error"
    error = page.locator(f"#{error_id}")
    assert error.is_visible() and error.inner_text().strip()
    assert error_id in (reason.get_attribute("aria-describedby") or "").split()
    assert reason.get_attribute("aria-invalid") == "true"
    assert_no_violations(page, f"{code} reject without a reason")

    # Nothing was done: the registration still awaits approval.
    goto_admin(page, detail, code)
    assert page.locator(f'a[href="{detail}reject/"]').count() == 1


# ---------------------------------------------------------------------------
# Registering someone by phone
# ---------------------------------------------------------------------------


def assisted_form_path(page, code):
    """The form for the big concert (plenty of places, no approval)."""
    event = event_path(page, "Айгүл Жұмабекова", code)
    event_id = re.search(r"/event/(\d+)/", event).group(1)
    return f"/admin/registrations/add/?event={event_id}"


def submit(page):
    with page.expect_navigation():
        page.locator("form.staff-form button[type=submit]").click()


@pytest.mark.parametrize("code", ADMIN_LANGUAGES)
def test_assisted_registration_has_no_violations(staff_page, code):
    page = staff_page(code)

    # First the event, chosen from those taking registrations.
    goto_admin(page, "/admin/registrations/add/", code)
    assert page.locator("main select[name=event] option").count() >= 1
    assert_no_violations(page, f"{code} register by phone: choose the event")

    form_path = assisted_form_path(page, code)
    goto_admin(page, form_path, code)
    assert page.locator("form.staff-form fieldset.staff-group legend").count() >= 3
    assert page.evaluate("document.activeElement.name") == "full_name"
    assert_no_violations(page, f"{code} register by phone, empty")

    # Sent empty: the summary (an alert) and a message at each field.
    submit(page)
    summary = page.get_by_role("alert").filter(has=page.locator(".staff-error-summary__title"))
    assert summary.count() == 1
    links = summary.locator("a")
    assert links.count() >= 3  # name, phone or e-mail, consent
    for index in range(links.count()):
        target = links.nth(index).get_attribute("href")[1:]
        assert page.locator(f"#{target}").count() == 1, target
    assert page.locator("#id_full_name").get_attribute("aria-invalid") == "true"
    assert_no_violations(page, f"{code} register by phone, sent empty")

    # Wrong values: each said at its field, everything typed kept.
    # Each language registers its own person (a person found again by name and
    # date of birth would get their existing registration back).
    name = {"ru": "Әсел О'Нил-Сәрсенова", "en": "Ғалия Д'Арк-Үсенова"}[code]
    page.locator("#id_full_name").fill(name)
    page.locator("#id_phone").fill("12345")
    page.locator("#id_date_of_birth").fill("31.02.2199")
    page.locator("#id_escort_name").fill("Сәуле Нұрланқызы")
    submit(page)
    assert page.locator("#id_full_name").input_value() == name
    assert page.locator("#id_phone").input_value() == "12345"
    assert page.locator("#id_escort_name").input_value() == "Сәуле Нұрланқызы"
    for field in ("phone", "date_of_birth", "consent"):
        assert page.locator(f"#id_{field}_error").inner_text().strip(), field
    assert page.locator("#id_full_name_error").count() == 0
    assert_no_violations(page, f"{code} register by phone, wrong values")

    # Right: the registered page says who and the code, announced.
    page.locator("#id_phone").fill(unique_phone())
    page.locator("#id_date_of_birth").fill("23.04.1985")
    page.locator("input[name=material_format][value=large-print]").check()
    page.locator("#id_consent").check()
    submit(page)
    assert re.search(r"/admin/registrations/\d+/registered/$", page.url), page.url
    shown_code = page.locator(".staff-code").inner_text().strip()
    assert CODE.fullmatch(shown_code), shown_code
    assert name in heading(page) and shown_code in heading(page)
    assert page.get_by_role("status").filter(has_text=name).count() == 1
    assert_no_violations(page, f"{code} registered by phone")

    # Its large-print page, in the person's language (Kazakh by default).
    with page.expect_navigation():
        page.locator('main a[href$="/print/"]').click()
    assert page.get_attribute("html", "lang") == "kk"
    assert page.locator(".lp-code").inner_text().strip() == shown_code
    assert page.locator("h1").count() == 1
    assert page.locator("main", has_text=name).count() == 1
    assert_no_violations(page, f"{code} large print after registering by phone")


@pytest.mark.parametrize("code", ADMIN_LANGUAGES)
def test_assisted_form_fits_320_px_without_horizontal_scrolling(staff_page, code):
    page = staff_page(code, width=320)
    goto_admin(page, assisted_form_path(page, code), code)
    assert page.locator("#id_full_name").is_visible()
    assert_no_horizontal_scroll(page, f"{code} register by phone at 320 px")
    submit(page)
    assert page.locator(".staff-error-summary").is_visible()
    assert_no_horizontal_scroll(page, f"{code} register by phone with errors at 320 px")


# ---------------------------------------------------------------------------
# With the keyboard alone
# ---------------------------------------------------------------------------


def is_focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def labelled(page, text):
    """The control whose label reads the text (a required field's label ends
    with a star that screen readers skip: aria-hidden)."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(text)}\s*\*?\s*$"))


def tab_to(page, target, limit=80):
    """Press Tab until the target has the focus, as a keyboard user does."""
    for _ in range(limit):
        if is_focused(target):
            return
        page.keyboard.press("Tab")
    pytest.fail(f"Tab never reached {target}")


def test_librarian_registers_a_reader_by_phone_with_the_keyboard_alone(staff_page):
    page = staff_page("en")
    name = "Dana O'Connor-Yermekova"
    goto_admin(page, "/admin/registrations/add/", "en")

    # The event: the first one offered; Tab to "Continue", Enter.
    tab_to(page, labelled(page, "Event"))
    page.keyboard.press("Tab")
    assert is_focused(page.get_by_role("button", name="Continue"))
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # The form opens with the name's field focused.
    full_name = labelled(page, "Full name")
    assert is_focused(full_name)
    page.keyboard.type(name)
    page.keyboard.press("Tab")
    phone = labelled(page, "Phone")
    assert is_focused(phone)
    page.keyboard.type(unique_phone())
    tab_to(page, labelled(page, "Date of birth"))
    page.keyboard.type("15.11.1979")

    # Braille: Tab into the group of formats, then the arrow key to the next choice.
    tab_to(page, labelled(page, "None needed"))
    page.keyboard.press("ArrowDown")
    assert labelled(page, "Braille").is_checked()

    guide_dog = labelled(page, "Comes with a guide dog")
    tab_to(page, guide_dog)
    page.keyboard.press("Space")
    assert guide_dog.is_checked()

    consent = labelled(page, "The person agreed on the phone to the privacy notice")
    tab_to(page, consent)
    page.keyboard.press("Space")
    assert consent.is_checked()

    tab_to(page, page.get_by_role("button", name="Register", exact=True))
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # The result: announced (a status region naming the person) and a heading with the code.
    assert re.search(r"/admin/registrations/\d+/registered/$", page.url), page.url
    status = page.get_by_role("status").filter(has_text=name)
    assert status.count() == 1
    assert status.get_by_role("heading").filter(has_text=name).count() == 1
    title = page.get_by_role("heading", level=1)
    match = CODE.search(title.inner_text())
    assert match and name in title.inner_text(), title.inner_text()
    code = match.group(0)
    region = page.get_by_role("region", name="Registration code")
    assert region.locator(".staff-code").inner_text().strip() == code
    assert code in page.title()
    # Read aloud one character at a time: eight characters and the dash.
    assert region.get_by_role("listitem").count() == 9
    assert_no_violations(page, "registered with the keyboard")

    # The registration shows what was typed.
    with page.expect_navigation():
        page.get_by_role("link", name="Open the registration").press("Enter")
    main = page.locator("main").inner_text()
    assert name in main and code in main and "Braille" in main


# ---------------------------------------------------------------------------
# By phone for a festival nomination: the entry's fields
# ---------------------------------------------------------------------------


def nomination_form_path(page, code, title):
    """The phone form for the current festival's nomination `title`."""
    goto_admin(page, "/admin/registrations/add/", code)
    option = page.locator("main select[name=event] option", has_text=re.compile(rf"^{title} — "))
    assert option.count() == 1, title
    return f"/admin/registrations/add/?event={option.get_attribute('value')}"


@pytest.mark.parametrize(("code", "title"), [("ru", "Песня"), ("en", "Song")])
def test_the_entry_fields_of_a_nomination_have_no_violations(staff_page, code, title):
    page = staff_page(code)
    goto_admin(page, nomination_form_path(page, code, title), code)
    # The entry's fieldset comes right after the person's.
    legends = page.locator("form.staff-form fieldset.staff-group > legend").all_inner_texts()
    assert len(legends) >= 4
    assert page.locator("#id_entry_work_title").count() == 1
    assert_no_violations(page, f"{code} register by phone for a nomination")
    submit(page)
    assert_no_violations(page, f"{code} register by phone for a nomination, sent empty")


def test_librarian_enters_a_reader_in_a_nomination_by_phone_with_the_keyboard_alone(staff_page):
    page = staff_page("en")
    # A name of letters only, new in each run.
    suffix = "".join("abdeghklmn"[int(digit)] for digit in str(next(_phones)))
    name = f"Aru Zhaksylyk-{suffix.capitalize()}"
    goto_admin(page, nomination_form_path(page, "en", "Song"), "en")
    assert is_focused(labelled(page, "Full name"))
    page.keyboard.type(name)
    page.keyboard.press("Tab")
    page.keyboard.type(unique_phone())
    work = labelled(page, "Title of the work performed")
    tab_to(page, work)
    page.keyboard.type("Сағындым")
    page.keyboard.press("Tab")
    assert is_focused(labelled(page, "Author of the work"))
    page.keyboard.type("Folk song")
    consent = labelled(page, "The person agreed on the phone to the privacy notice")
    tab_to(page, consent)
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Register", exact=True))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"/admin/registrations/\d+/registered/$", page.url), page.url

    # The person is in the competition's entries, with the work.
    goto_admin(page, f"/admin/competition_entries/?q={name}", "en")
    row = listing_row(page, name)
    assert row.count() == 1
    assert "Сағындым" in row.inner_text()
