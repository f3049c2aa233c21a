"""The registration engine: transitions with audit entries, capacity with
escorts, the waiting list, approval mode, duplicates, and simultaneous
registrations on the real database (PostgreSQL in CI, SQLite file by default)."""

import datetime
import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from events.windows import registration_window
from people.models import Person
from people.services import normalise_phone, person_find_or_create
from registrations.enums import RegistrationStatus as Status
from registrations.models import CODE_ALPHABET, Registration, normalise_code
from registrations.services import (
    RegistrationError,
    registration_attend,
    registration_cancel,
    registration_confirm,
    registration_create,
    registration_reject,
    registration_submit,
)

CONSENT = "privacy-2026-11"


@pytest.fixture
def open_event(make_event):
    def make(capacity=None, requires_approval=False, **fields):
        now = timezone.now()
        return make_event(
            "en",
            capacity=capacity,
            requires_approval=requires_approval,
            registration_opens=now - datetime.timedelta(days=1),
            registration_closes=now + datetime.timedelta(days=5),
            start=now + datetime.timedelta(days=6),
            **fields,
        )

    return make


def register(event, name, **fields):
    person = person_find_or_create(full_name=name, phone=fields.pop("phone", ""))
    return registration_create(event=event, person=person, consent_version=CONSENT, **fields)


def actions(registration):
    return list(
        ModelLogEntry.objects.for_instance(registration)
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


@pytest.mark.django_db
def test_capacity_counts_escorts_and_then_waitlists(open_event):
    event = open_event(capacity=3)
    first, _ = register(event, "Айгерім Сапарова", escort_name="Гүлнар Сапарова")
    second, _ = register(event, "Ерлан Омаров")
    third, _ = register(event, "Марат Ахметов")
    fourth, _ = register(event, "Анна Ким")
    assert [r.status for r in (first, second, third, fourth)] == [
        Status.CONFIRMED,
        Status.CONFIRMED,
        Status.WAITLISTED,
        Status.WAITLISTED,
    ]
    assert (third.waitlist_rank, fourth.waitlist_rank) == (1, 2)
    assert event.registrations.places_taken() == 3
    assert actions(first) == ["events.registration.create"]


@pytest.mark.django_db
def test_cancellation_promotes_the_first_waiting_who_fits(open_event):
    event = open_event(capacity=2)
    a, _ = register(event, "Айгерім")
    register(event, "Ерлан")
    c, _ = register(event, "Марат")
    d, _ = register(event, "Анна")
    promoted = registration_cancel(registration=a)
    assert [p.pk for p in promoted] == [c.pk]
    c.refresh_from_db()
    d.refresh_from_db()
    assert (c.status, c.waitlist_position) == (Status.CONFIRMED, None)
    assert (d.status, d.waitlist_rank) == (Status.WAITLISTED, 1)
    assert actions(a) == ["events.registration.create", "events.registration.cancel"]
    assert actions(c) == ["events.registration.create", "events.registration.promote"]


@pytest.mark.django_db
def test_approval_mode(open_event):
    staff = get_user_model().objects.get(username="admin")
    event = open_event(capacity=1, requires_approval=True)
    a, _ = register(event, "Айгерім")
    b, _ = register(event, "Ерлан")
    c, _ = register(event, "Марат")
    assert {a.status, b.status, c.status} == {Status.PENDING}
    registration_confirm(registration=a, by=staff)
    registration_confirm(registration=b, by=staff)
    registration_reject(registration=c, by=staff, reason="Бұл іс-шара кітапханашыларға арналған.")
    a.refresh_from_db(), b.refresh_from_db(), c.refresh_from_db()
    assert (a.status, b.status, c.status) == (Status.CONFIRMED, Status.WAITLISTED, Status.REJECTED)
    assert c.decision_reason == "Бұл іс-шара кітапханашыларға арналған."
    entry = ModelLogEntry.objects.filter(
        object_id=str(c.pk), action="events.registration.reject"
    ).get()
    assert entry.user == staff
    assert entry.data["reason"] == "Бұл іс-шара кітапханашыларға арналған."
    with pytest.raises(RegistrationError):
        registration_confirm(registration=c, by=staff)


@pytest.mark.django_db
def test_attendance_and_wrong_transitions(open_event):
    staff = get_user_model().objects.get(username="admin")
    event = open_event(capacity=1)
    a, _ = register(event, "Айгерім")
    b, _ = register(event, "Ерлан")
    registration_attend(registration=a, by=staff)
    a.refresh_from_db()
    assert a.status == Status.ATTENDED and a.checked_in_at is not None
    with pytest.raises(RegistrationError):
        registration_attend(registration=b, by=staff)  # waitlisted
    with pytest.raises(RegistrationError):
        registration_cancel(registration=a)  # already came


@pytest.mark.django_db
def test_the_same_person_gets_their_registration_back(open_event):
    event = open_event(capacity=5)
    first, created = register(event, "Айгерім Сапарова", phone="8 (7252) 00-00-01")
    again, created_again = register(event, "  айгерім   сапарова ", phone="+7 7252 000001")
    assert created and not created_again
    assert again.pk == first.pk
    assert Registration.objects.filter(event=event).count() == 1


@pytest.mark.django_db
def test_registration_window_in_words(open_event, make_event):
    with translation.override("en"):  # the messages are said in the active language
        _window_in_words(open_event, make_event)


def _window_in_words(open_event, make_event):
    event = open_event()
    assert registration_window(event).is_open
    closed = make_event("en", registration_opens=timezone.now() + datetime.timedelta(days=2))
    window = registration_window(closed)
    assert not window.is_open
    assert str(window.message) == "Registration has not opened yet."
    cancelled = open_event(status="cancelled")
    with pytest.raises(RegistrationError) as error:
        register(cancelled, "Айгерім")
    assert str(error.value.message) == "The event is cancelled: registration is closed."


def test_codes_are_dictatable_and_forgiving():
    assert not set(CODE_ALPHABET) & set("0O1IL5S2Z8B")
    assert normalise_code(" 7kqm-9xdh ") == "7KQM9XDH"
    assert normalise_phone("8 (7252) 00-00-00") == "+77252000000"
    assert normalise_phone("7252000000") == "+77252000000"


def _simultaneously(count, work):
    barrier = threading.Barrier(count)
    errors = []

    def run(number):
        try:
            barrier.wait()
            work(number)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []


@pytest.mark.django_db(transaction=True)
def test_forty_at_once_for_ten_places(open_event):
    """N=40 simultaneous registrations for C=10 places: exactly 10 confirmed,
    30 waiting with unique positions 1..30."""
    event = open_event(capacity=10)
    people = [
        person_find_or_create(full_name=f"Оқырман {n}", phone=f"+7700000{n:04d}") for n in range(40)
    ]
    _simultaneously(
        40, lambda n: registration_create(event=event, person=people[n], consent_version=CONSENT)
    )
    registrations = list(Registration.objects.filter(event=event))
    assert len(registrations) == 40
    assert sum(r.status == Status.CONFIRMED for r in registrations) == 10
    waiting = sorted(r.waitlist_position for r in registrations if r.status == Status.WAITLISTED)
    assert waiting == list(range(1, 31))
    assert connection.vendor in ("postgresql", "sqlite")


@pytest.mark.django_db(transaction=True)
def test_a_double_submit_makes_one_registration(open_event):
    event = open_event(capacity=10)
    person = person_find_or_create(full_name="Айгерім Сапарова", phone="+77000009999")
    results = []
    _simultaneously(
        8,
        lambda n: results.append(
            registration_create(event=event, person=person, consent_version=CONSENT)
        ),
    )
    assert Registration.objects.filter(event=event).count() == 1
    assert sum(created for _, created in results) == 1
    assert len({registration.pk for registration, _ in results}) == 1


@pytest.mark.django_db
def test_nobody_overtakes_the_waiting_list(open_event):
    event = open_event(capacity=2)
    a, _ = register(event, "Айгерім")
    b, _ = register(event, "Ерлан", escort_name="Гүлнар")  # needs 2, 1 free
    c, _ = register(event, "Марат")  # 1 would fit, but Ерлан waits first
    assert (a.status, b.status, c.status) == (
        Status.CONFIRMED,
        Status.WAITLISTED,
        Status.WAITLISTED,
    )
    assert (b.waitlist_rank, c.waitlist_rank) == (1, 2)
    promoted = registration_cancel(registration=a)
    assert [p.pk for p in promoted] == [b.pk]


@pytest.mark.django_db
def test_one_capacity_for_all_language_versions(open_event):
    from wagtail.models import Locale

    english = open_event(capacity=2)
    russian = english.copy_for_translation(Locale.objects.get(language_code="ru"))
    russian.save_revision().publish()
    a, _ = register(english, "Айгерім")
    b, _ = register(russian, "Ерлан")
    c, _ = register(russian, "Марат", phone="+77000001234")
    assert (a.status, b.status, c.status) == (Status.CONFIRMED, Status.CONFIRMED, Status.WAITLISTED)
    # The same person on the other language's page gets their registration back.
    again, created = register(english, "Марат", phone="8 700 000 12 34")
    assert (again.pk, created) == (c.pk, False)


@pytest.mark.django_db
def test_registering_again_after_cancelling_takes_the_page_used_now(open_event):
    """The cancelled registration is reused (same code and private link), on
    the language version the person registers on this time."""
    from wagtail.models import Locale

    english = open_event(capacity=5)
    russian = english.copy_for_translation(Locale.objects.get(language_code="ru"))
    russian.save_revision().publish()
    first, _ = register(english, "Марат", phone="+77000001234")
    registration_cancel(registration=first)
    again, created = register(russian, "Марат", phone="+77000001234")
    assert created and again.pk == first.pk and again.code == first.code
    again.refresh_from_db()
    assert (again.event_id, again.status) == (russian.pk, Status.CONFIRMED)


# One submit for every form ------------------------------------------------------


@pytest.mark.django_db
def test_a_refusal_after_registering_leaves_no_person_and_no_registration(
    open_event, mailoutbox, django_capture_on_commit_callbacks
):
    event = open_event()

    def refuse(registration):
        raise RegistrationError("The nomination is full.")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RegistrationError):
        registration_submit(
            event=event,
            person={"full_name": "Айгерім Сапарова", "email": "aigerim@example.kz"},
            consent_version=CONSENT,
            then=[refuse],
        )
    assert not Person.objects.filter(email="aigerim@example.kz").exists()
    assert not Registration.objects.filter(event=event).exists()
    assert mailoutbox == []


@pytest.mark.django_db
def test_the_public_form_never_changes_a_person_found_again_but_staff_fill_blanks(open_event):
    event, other = open_event(), open_event()
    known = person_find_or_create(full_name="Ерлан Омаров", email="erlan@example.kz")
    details = {
        "full_name": "ерлан  омаров",
        "email": "ERLAN@example.kz",
        "phone": "8 (7252) 53-10-20",
        "district": "Кентау",
    }

    registration, created = registration_submit(
        event=event, person=details, consent_version=CONSENT
    )
    assert created and registration.person_id == known.pk
    known.refresh_from_db()
    assert (known.phone, known.district) == ("", "")

    registration, created = registration_submit(
        event=other, person=details, consent_version=CONSENT, fill_blanks=True
    )
    assert created and registration.person_id == known.pk
    known.refresh_from_db()
    assert (known.full_name, known.phone, known.district) == (
        "Ерлан Омаров",
        "+77252531020",
        "Кентау",
    )
