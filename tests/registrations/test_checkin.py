"""The check-in desk: one field for a scanned or typed code, or a name; the
answer in words, in a live region and in the page title; focus back in the field."""

# The fixtures come from test_staff; pytest passes them in by name (F811).
# ruff: noqa: F811

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from registrations.enums import RegistrationStatus as Status
from registrations.models import CODE_ALPHABET, Registration, new_registration_code
from registrations.services import registration_attend, registration_cancel
from tests.registrations.test_staff import (  # noqa: F401 - fixtures
    assert_not_found,
    branches,
    login,
    make_staff,
    open_event,
    register,
    url,
)


@pytest.fixture
def desk(login, branches):
    """check_in(event, text) → the parsed page after submitting the field."""
    user = make_staff("door", branches[0])
    client = login(user)

    def submit(event, text=None, registration=None, soup_of=None):
        data = {"query": text} if text is not None else {"registration": registration.pk}
        response = client.post(url("checkin", event.pk), data)
        assert response.status_code == 200
        return soup_of(response)

    submit.user = user
    submit.client = client
    return submit


def result_of(page):
    region = page.select_one("#checkin-result")
    return region["role"], region.get_text(" ", strip=True)


def unused_code():
    while True:
        code = new_registration_code()
        if not Registration.objects.filter(code=code).exists():
            return code


@pytest.mark.django_db
def test_the_desk_is_one_labelled_field_with_focus(desk, open_event, soup):
    event = open_event()
    page = soup(desk.client.get(url("checkin", event.pk)))
    field = page.select_one("input[name=query]")
    assert field.has_attr("autofocus")
    assert (
        page.select_one(f'label[for="{field["id"]}"]')
        .get_text(strip=True)
        .startswith("Registration code or name")
    )
    assert field["aria-describedby"] == f"{field['id']}_helptext"
    assert page.select_one(f"#{field['id']}_helptext")
    assert page.select_one("#checkin-result")["role"] == "status"
    assert page.select_one("form.staff-checkin__form input[name=csrfmiddlewaretoken]")


@pytest.mark.django_db
def test_check_in_by_the_exact_code(desk, open_event, branches, soup):
    event = open_event()
    registration = register(event, "Айгерім Сапарова", branch=branches[0], guide_dog=True)
    page = desk(event, registration.code, soup_of=soup)

    registration.refresh_from_db()
    assert registration.status == Status.ATTENDED
    time = timezone.localtime(registration.checked_in_at).strftime("%H:%M")
    role, text = result_of(page)
    assert role == "status"
    assert f"Checked in: Айгерім Сапарова, {time}" in text
    assert "guide dog" in text.lower()
    # Said in the title too (read first when the page loads), and the field is ready again.
    assert page.title.get_text().startswith(f"Checked in: Айгерім Сапарова, {time}")
    assert page.select_one("input[name=query]").has_attr("autofocus")
    assert not page.select_one("input[name=query]").get("value")
    entry = ModelLogEntry.objects.get(
        object_id=str(registration.pk), action="events.registration.attend"
    )
    assert entry.user_id == desk.user.pk


@pytest.mark.django_db
def test_check_in_by_a_scanner_typing_lower_case_with_a_dash(desk, open_event, branches, soup):
    event = open_event()
    registration = register(event, "Ерлан Омаров", branch=branches[0])
    typed = f" {registration.code[:4].lower()}-{registration.code[4:].lower()}\r\n"
    page = desk(event, typed, soup_of=soup)
    registration.refresh_from_db()
    assert registration.status == Status.ATTENDED
    assert "Checked in: Ерлан Омаров" in result_of(page)[1]
    # Spaces, as when a code is dictated, are forgiven too.
    other = register(event, "Анна Ким", branch=branches[0])
    desk(event, " ".join(other.code.lower()), soup_of=soup)
    other.refresh_from_db()
    assert other.status == Status.ATTENDED


@pytest.mark.django_db
def test_check_in_by_name(desk, open_event, branches, soup):
    event = open_event(capacity=1)
    first = register(event, "Айгерім Сапарова", branch=branches[0])
    waiting = register(event, "Гүлнар Сапарова", branch=branches[0])
    register(event, "Ерлан Омаров", branch=branches[0])

    page = desk(event, "  САПАРОВА ", soup_of=soup)
    role, text = result_of(page)
    assert role == "status"
    assert "2 registrations match" in text
    items = page.select(".staff-matches__item")
    assert [item.strong.get_text() for item in items] == ["Айгерім Сапарова", "Гүлнар Сапарова"]
    # Only a confirmed registration has a button, named with the person.
    buttons = page.select(".staff-matches__item button")
    assert len(buttons) == 1
    assert buttons[0].get_text(" ", strip=True) == "Check in Айгерім Сапарова"
    assert "On the waiting list" in items[1].get_text()
    first.refresh_from_db()
    assert first.status == Status.CONFIRMED  # a name only finds

    page = desk(event, registration=first, soup_of=soup)
    first.refresh_from_db()
    assert first.status == Status.ATTENDED
    assert "Checked in: Айгерім Сапарова" in result_of(page)[1]
    waiting.refresh_from_db()
    assert waiting.status == Status.WAITLISTED


@pytest.mark.django_db
def test_one_letter_is_not_enough(desk, open_event, soup):
    event = open_event()
    role, text = result_of(desk(event, "А", soup_of=soup))
    assert role == "alert"
    assert "at least two letters" in text


@pytest.mark.django_db
def test_already_checked_in(desk, open_event, branches, soup):
    event = open_event()
    registration = register(event, "Айгерім Сапарова", branch=branches[0])
    registration_attend(registration=registration, by=None)
    registration.refresh_from_db()
    time = timezone.localtime(registration.checked_in_at).strftime("%H:%M")
    page = desk(event, registration.display_code, soup_of=soup)
    role, text = result_of(page)
    assert role == "alert"
    assert f"Already checked in at {time}: Айгерім Сапарова" in text
    assert page.title.get_text().startswith("Already checked in")
    assert (
        ModelLogEntry.objects.filter(
            object_id=str(registration.pk), action="events.registration.attend"
        ).count()
        == 1
    )


@pytest.mark.django_db
def test_the_waiting_list_is_not_checked_in(desk, open_event, branches, soup):
    event = open_event(capacity=1)
    register(event, "Айгерім Сапарова", branch=branches[0])
    waiting = register(event, "Ерлан Омаров", branch=branches[0])
    role, text = result_of(desk(event, waiting.code, soup_of=soup))
    assert role == "alert"
    assert "On the waiting list — not checked in: Ерлан Омаров" in text
    waiting.refresh_from_db()
    assert waiting.status == Status.WAITLISTED


@pytest.mark.django_db
def test_a_cancelled_registration_is_not_checked_in(desk, open_event, branches, soup):
    event = open_event()
    registration = register(event, "Айгерім Сапарова", branch=branches[0])
    registration_cancel(registration=registration, by=None)
    role, text = result_of(desk(event, registration.code, soup_of=soup))
    assert role == "alert"
    assert "Cancelled registration — not checked in" in text


@pytest.mark.django_db
def test_an_unknown_code(desk, open_event, soup):
    event = open_event()
    code = unused_code()
    assert set(code) <= set(CODE_ALPHABET)
    page = desk(event, code.lower(), soup_of=soup)
    role, text = result_of(page)
    assert role == "alert"
    assert "No registration with this code for this event." in text
    assert page.title.get_text().startswith("No registration with this code")
    assert page.select_one("input[name=query]").has_attr("autofocus")


@pytest.mark.django_db
def test_another_events_code(desk, open_event, branches, soup):
    event, other_event = open_event(), open_event(title="Кітап көрмесі")
    registration = register(other_event, "Айгерім Сапарова", branch=branches[0])
    role, text = result_of(desk(event, registration.display_code, soup_of=soup))
    assert role == "alert"
    assert "No registration with this code for this event." in text
    assert "This code is for another event: Кітап көрмесі" in text
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


@pytest.mark.django_db
def test_the_desk_sees_only_the_branch(desk, open_event, branches, soup):
    event = open_event()
    theirs = register(event, "Ерлан Омаров", branch=branches[1])
    role, text = result_of(desk(event, theirs.code, soup_of=soup))
    assert (role, "No registration with this code for this event." in text) == ("alert", True)
    assert "Омаров" not in result_of(desk(event, "Омаров", soup_of=soup))[1].split("“")[0]
    # Nor by the button of another branch's registration.
    role, _text = result_of(desk(event, registration=theirs, soup_of=soup))
    assert role == "alert"
    theirs.refresh_from_db()
    assert theirs.status == Status.CONFIRMED


@pytest.mark.django_db
def test_checking_in_needs_the_change_permission(login, open_event, branches):
    event = open_event()
    registration = register(event, "Айгерім Сапарова", branch=branches[0])
    client = login(make_staff("viewer", branches[0], perms=("view_registration",)))
    response = client.post(url("checkin", event.pk), {"query": registration.code})
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


@pytest.mark.django_db
def test_the_choice_of_event_lists_todays_first(desk, open_event, soup):
    now = timezone.now()
    today = open_event(title="Бүгінгі кездесу", start=now)
    page = soup(desk.client.get(url("checkin_choose")))
    sections = page.select("section")
    assert sections[0].h3.get_text() == "Today"
    assert sections[0].find("a", href=url("checkin", today.pk))


LATIN_KEYS = "QWERTYUIOPASDFGHJKLZXCVBNM"
RUSSIAN_KEYS = "ЙЦУКЕНГШЩЗФЫВАПРОЛДЯЧСМИТЬ"


@pytest.mark.django_db
def test_a_scanner_on_a_russian_keyboard_layout(desk, open_event, branches, soup):
    """The scanner presses the keys of the code; with the Russian layout on,
    the letters come out Cyrillic (A → ф)."""
    event = open_event()
    registration = register(event, "Айгерім Сапарова", branch=branches[0])
    typed = registration.display_code.translate(str.maketrans(LATIN_KEYS, RUSSIAN_KEYS)).lower()
    assert typed != registration.display_code.lower()
    page = desk(event, typed, soup_of=soup)
    registration.refresh_from_db()
    assert registration.status == Status.ATTENDED
    assert "Checked in: Айгерім Сапарова" in result_of(page)[1]


@pytest.mark.django_db
def test_a_code_typed_with_cyrillic_look_alikes(desk, open_event, branches, soup):
    event = open_event()
    registration = register(event, "Ерлан Омаров", branch=branches[0])
    Registration.objects.filter(pk=registration.pk).update(code="ACEH3KMP")
    page = desk(event, "асен-3кмр", soup_of=soup)  # all Cyrillic, as read off paper
    registration.refresh_from_db()
    assert registration.status == Status.ATTENDED
    assert "Checked in: Ерлан Омаров" in result_of(page)[1]
