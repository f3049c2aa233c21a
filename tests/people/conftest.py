"""Shared fixtures of the personal-data tests (people's framework here,
registrations' part in tests/registrations): people known for a long time,
events in the past and the future, registrations made as the site makes them."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import ModelLogEntry

from people.models import Person
from people.services import person_find_or_create
from registrations.models import Registration
from registrations.services import registration_create
from tests.events import conftest as events_conftest

# The event factories, shared with the event tests.
events_index, make_event = events_conftest.events_index, events_conftest.make_event

CONSENT = "privacy-2026-11"
DAY = datetime.timedelta(days=1)
SENSITIVE = {
    "disability_group": "ii",
    "other_needs": "Көмекші жолда күтіп алсын.",
    "seating_needs": "Бірінші қатар",
    "guardian_name": "Гүлмира Оспанова",
    "answers": {"t-shirt-size": "M"},
}


@pytest.fixture(autouse=True)
def _retention(settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 365


@pytest.fixture
def event_at(make_event):
    """An event `days` from now (negative: in the past) that took registrations."""

    def make(days, capacity=None, **fields):
        start = (timezone.now() + days * DAY).replace(microsecond=0)
        return make_event(
            "en",
            start=start,
            capacity=capacity,
            registration_opens=start - 30 * DAY,
            registration_closes=start - DAY,
            **fields,
        )

    return make


def person(name, number, *, known_days=800, **fields):
    """A person first known `known_days` ago (the purge looks at that too)."""
    found = person_find_or_create(
        full_name=name,
        phone=f"+7 700 000 99 {number:02d}",
        email=f"reader{number}@example.org",
        date_of_birth=datetime.date(1980, 1, number),
        district="Сайрам ауданы",
        **fields,
    )
    Person.objects.filter(pk=found.pk).update(created_at=timezone.now() - known_days * DAY)
    found.refresh_from_db()
    return found


def register(event, who, **fields):
    """Register as the site does, at a moment when the event's window was open."""
    at = min(timezone.now(), event.registration_closes - DAY)
    registration, created = registration_create(
        event=event, person=who, consent_version=CONSENT, now=at, **fields
    )
    assert created
    return registration


def labels_of(*objects) -> list[str]:
    labels = []
    for obj in objects:
        labels += ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(type(obj)), object_id=str(obj.pk)
        ).values_list("label", flat=True)
    return labels


@pytest.fixture
def history(event_at):
    """Old = an event that ended 400 days ago; recent = 10 days ago; next = in 20 days.
    Ainur came only to the old one; Bolat to the old and the recent one;
    Daria to the recent one only."""
    old, recent = event_at(-400), event_at(-10)
    ainur = person("Айнұр Сейітова", 1)
    bolat = person("Болат Жақсылықов", 2)
    daria = person("Дарья Ким", 3)
    return {
        "old": old,
        "recent": recent,
        "ainur": ainur,
        "bolat": bolat,
        "daria": daria,
        "ainur_old": register(old, ainur, escort_name="Сәуле Сейітова", **SENSITIVE),
        "bolat_old": register(old, bolat, guide_dog=True, **SENSITIVE),
        "bolat_recent": register(recent, bolat, **SENSITIVE),
        "daria_recent": register(recent, daria, **SENSITIVE),
    }


def snapshot():
    return (
        list(Registration.objects.order_by("pk").values()),
        list(Person.objects.order_by("pk").values()),
        ModelLogEntry.objects.count(),
    )
