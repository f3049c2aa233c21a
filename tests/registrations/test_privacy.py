"""Personal data, registrations' part (`registrations.privacy`, through
the hooks of `people.privacy`): old registrations lose their sensitive data
and keep what statistics need, the export holds every registration, and an
erasure cancels future registrations so the waiting list moves up."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from wagtail.models import ModelLogEntry

from people.models import Person
from people.privacy import ERASE_ACTION, person_erase, person_export
from registrations.enums import RegistrationStatus as Status
from registrations.models import Registration
from tests.people import conftest as shared
from tests.people.conftest import CONSENT, person, register

# The fixtures of the personal-data tests, shared with tests/people.
_retention, event_at, history = shared._retention, shared.event_at, shared.history


@pytest.mark.django_db
def test_export_holds_everything(history, event_at):
    bolat = history["bolat"]
    upcoming = register(
        event_at(20), bolat, escort_name="Арман Жақсылықов", material_format="braille"
    )
    data = person_export(bolat)
    assert json.loads(json.dumps(data)) == data  # plain JSON
    assert data["person"]["full_name"] == "Болат Жақсылықов"
    assert data["person"]["phone"] == "+77000009902"
    assert data["person"]["date_of_birth"] == "1980-01-02"
    by_code = {item["code"]: item for item in data["registrations"]}
    assert set(by_code) == {
        r.display_code for r in (history["bolat_old"], history["bolat_recent"], upcoming)
    }
    old = by_code[history["bolat_old"].display_code]
    assert old["needs"]["disability_group"] == "ii"
    assert old["needs"]["guide_dog"] is True
    assert old["answers"] == {"t-shirt-size": "M"}
    assert old["consent"]["privacy_notice_version"] == CONSENT
    assert old["consent"]["given_at"]
    assert old["consent"]["guardian_name"] == "Гүлмира Оспанова"
    assert old["event"]["title"] == history["old"].title
    assert [entry["action"] for entry in old["audit"]] == ["events.registration.create"]
    assert by_code[upcoming.display_code]["needs"]["escort_name"] == "Арман Жақсылықов"


@pytest.mark.django_db
def test_erase_cancels_future_registrations_and_leaves_an_audit_trail(history, event_at):
    staff = get_user_model().objects.create_user("erase-officer", password="x")
    bolat = history["bolat"]
    full = event_at(20, capacity=1)
    bolat_future = register(full, bolat)
    waiting = register(full, person("Сәуле Нұрланова", 5))
    assert (bolat_future.status, waiting.status) == (Status.CONFIRMED, Status.WAITLISTED)
    own = [history["bolat_old"], history["bolat_recent"], bolat_future]

    with translation.override("en"):
        report = person_erase(person=bolat, by=staff)

    assert not Person.objects.filter(pk=bolat.pk).exists()
    assert not Registration.objects.filter(pk__in=[r.pk for r in own]).exists()
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED  # moved up into the freed place
    # Staff are told what was deleted and whom to call.
    assert report.notes == [
        "The person's data was erased: 3 registrations deleted (1 of them cancelled first)."
    ]
    assert report.warnings == [
        "1 person moved up from the waiting list into the freed place; those without an "
        "e-mail address need a phone call."
    ]

    entry = ModelLogEntry.objects.get(action=ERASE_ACTION, object_id=str(bolat.pk))
    assert entry.user == staff
    assert entry.label == f"— №{bolat.pk}"
    assert entry.data["registrations_deleted"] == 3
    assert entry.data["future_cancelled"] == 1
    assert entry.data["promoted_from_waitlist"] == 1
    assert sorted(entry.data["registrations"]) == sorted(r.pk for r in own)
    cancel = ModelLogEntry.objects.get(
        action="events.registration.cancel", object_id=str(bolat_future.pk)
    )
    assert cancel.user == staff
    # The history stays, without the name.
    assert not ModelLogEntry.objects.filter(label__contains="Болат").exists()
    # Others are untouched.
    assert Person.objects.filter(pk=history["ainur"].pk).exists()
