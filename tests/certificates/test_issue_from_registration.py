"""Issuing one certificate with its recipient taken from a registration: a
GET step chooses the event, the form offers its registrations by name (only
those the staff member may see), and the certificate is linked to the
registration, so the holder finds it on their registration's page."""

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from wagtail.models import Locale

from branches.models import Branch, BranchKind, StaffProfile
from certificates import batches
from certificates.enums import BatchKind
from certificates.models import Certificate
from people.models import Person
from registrations.enums import RegistrationStatus
from registrations.models import Registration
from registrations.views import private_url
from tests.certificates.test_admin import ADMIN, make_staff

pytestmark = pytest.mark.django_db

ISSUE = f"{ADMIN}issue/"


def registered(event, name, *, email="", status=RegistrationStatus.ATTENDED, branch=None):
    person = Person.objects.create(full_name=name, email=email, branch=branch)
    return Registration.objects.create(
        event=event,
        person=person,
        status=status,
        consent_version="test",
        consented_at=timezone.now(),
    )


def staff_client(
    client, username, *, events=("view_registration", "view_all_branches"), branch=None
):
    user = make_staff(username, "view_certificate", "add_certificate")
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="registrations", codename__in=events)
    )
    if branch is not None:
        StaffProfile.objects.create(user=user, branch=branch)
    client.force_login(user)
    return client


@pytest.fixture
def reading(make_event):
    event = make_event(title="Брайль күні", start=timezone.now() - timezone.timedelta(days=2))
    return {
        "event": event,
        "aigerim": registered(event, "Айгерім Сапарова", email="aigerim@example.org"),
        "bolat": registered(event, "Болат Нұрланов", status=RegistrationStatus.CONFIRMED),
        "cancelled": registered(event, "Бекзат Қайратов", status=RegistrationStatus.CANCELLED),
    }


def options(page):
    return [
        (option["value"], option.get_text(strip=True))
        for option in page.select("#id_registration option")
    ]


def post_data(template, event, **fields):
    return {
        "recipient_name": "",
        "recipient_email": "",
        "template": template.pk,
        "language": "kk",
        "event": event.pk,
        **fields,
    }


def test_choosing_the_event_offers_its_standing_registrations_by_name(client, soup, reading):
    client = staff_client(client, "picker")
    page = soup(client.get(ISSUE))
    assert page.select_one("#id_registration") is None
    step = page.select_one("form[method=get]")
    assert step.select_one("label[for=id_registrations_of]").get_text(strip=True) == "Event*"
    assert step.button.get_text(strip=True) == "Show its registrations"

    response = client.get(ISSUE, {"registrations_of": reading["event"].pk})
    assert response.status_code == 200
    page = soup(response)
    aigerim, bolat = reading["aigerim"], reading["bolat"]
    assert options(page) == [
        ("", "None: I type the name below"),
        (str(aigerim.pk), f"Айгерім Сапарова — Attended ({aigerim.display_code})"),
        (str(bolat.pk), f"Болат Нұрланов — Confirmed ({bolat.display_code})"),
    ]
    assert page.select_one("label[for=id_registration]").get_text(strip=True) == "Registration"
    assert page.select_one("#id_event option[selected]")["value"] == str(reading["event"].pk)
    # The registration comes first, then the name it fills, which is optional now.
    fields = [field["name"] for field in page.select("form[method=post] [name]")]
    assert fields[1:5] == ["event", "registration", "recipient_name", "recipient_email"]
    assert page.select_one("label[for=id_recipient_name] .w-required-mark") is None


def test_the_registration_fills_the_name_and_email_and_the_holder_sees_it(
    client, soup, reading, certificate_template
):
    client = staff_client(client, "picker")
    registration = reading["aigerim"]
    response = client.post(
        f"{ISSUE}?registrations_of={reading['event'].pk}",
        post_data(certificate_template(), reading["event"], registration=registration.pk),
    )
    certificate = Certificate.objects.get(registration=registration)
    assert response.status_code == 302
    assert response["Location"] == f"{ADMIN}{certificate.pk}/"
    assert certificate.recipient_name == "Айгерім Сапарова"
    assert certificate.recipient_email == "aigerim@example.org"

    page = soup(client.get(private_url(registration.event, registration)))
    links = {
        a["href"] for a in page.find("h2", string="Сіздің сертификатыңыз").find_next("ul")("a")
    }
    assert links == {
        f"/kk/certificate/{certificate.access_token}/",
        f"/certificate/{certificate.access_token}.pdf",
    }


def test_a_typed_name_is_printed_instead_of_the_registrations(
    client, reading, certificate_template
):
    client = staff_client(client, "picker")
    client.post(
        ISSUE,
        post_data(
            certificate_template(),
            reading["event"],
            registration=reading["bolat"].pk,
            recipient_name="Болат Нұрланұлы",
        ),
    )
    certificate = Certificate.objects.get(registration=reading["bolat"])
    assert certificate.recipient_name == "Болат Нұрланұлы"
    assert certificate.recipient_email == ""


def test_a_batch_later_gives_the_person_nothing_twice(client, reading, certificate_template):
    client = staff_client(client, "picker")
    template = certificate_template()
    data = post_data(template, reading["event"], registration=reading["aigerim"].pk)
    client.post(ISSUE, data)
    response = client.post(ISSUE, data, follow=True)
    assert "Nothing issued: Айгерім Сапарова already has this certificate" in (
        response.content.decode()
    )
    batch = batches.batch_create(
        kind=BatchKind.PARTICIPATION,
        event=reading["event"],
        template=template,
        language="kk",
        by=None,
    )
    batch = batches.batch_run(batch)
    assert batch.issued == 0
    assert Certificate.objects.filter(registration=reading["aigerim"]).count() == 1


def test_a_registration_of_another_event_or_none_at_all_is_an_error_in_words(
    client, soup, reading, make_event, certificate_template
):
    client = staff_client(client, "picker")
    other = registered(make_event(title="Басқа кеш"), "Мирас Сейітов")
    before = Certificate.objects.count()
    response = client.post(
        ISSUE, post_data(certificate_template(), reading["event"], registration=other.pk)
    )
    assert response.status_code == 200
    summary = soup(response).select_one(".staff-error-summary")
    assert [a.get_text(" ", strip=True) for a in summary("a")] == [
        "Registration: Choose one of the registrations of the chosen event."
    ]
    assert summary.a["href"] == "#id_registration"

    response = client.post(ISSUE, post_data(certificate_template(), reading["event"]))
    summary = soup(response).select_one(".staff-error-summary")
    assert [a.get_text(" ", strip=True) for a in summary("a")] == [
        "Recipient's full name: Type the recipient's full name, or choose a registration."
    ]
    assert Certificate.objects.count() == before


def test_an_unknown_event_in_the_first_step_is_an_error_in_words(client, soup):
    response = staff_client(client, "picker").get(ISSUE, {"registrations_of": "garbage"})
    assert response.status_code == 400
    summary = soup(response).select_one(".staff-error-summary")
    assert [a.get_text(" ", strip=True) for a in summary("a")] == [
        "Event: Choose one of the events listed."
    ]
    assert summary.a["href"] == "#id_registrations_of"


def test_only_staff_who_may_see_registrations_are_offered_them(
    client, soup, reading, certificate_template
):
    client = staff_client(client, "no-registrations", events=())
    page = soup(client.get(ISSUE, {"registrations_of": reading["event"].pk}))
    assert page.select_one("#id_registrations_of") is None
    assert page.select_one("#id_registration") is None
    response = client.post(
        ISSUE,
        post_data(
            certificate_template(),
            reading["event"],
            registration=reading["aigerim"].pk,
            recipient_name="Айгерім Сапарова",
        ),
    )
    assert "Choose one of the registrations of the chosen event." in response.content.decode()
    assert not Certificate.objects.filter(registration=reading["aigerim"]).exists()


def test_a_librarian_is_offered_only_the_people_of_their_branch(client, soup, make_event):
    ours, theirs = (
        Branch.objects.create(locale=Locale.get_default(), name=name, kind=BranchKind.BRANCH)
        for name in ("Branch A", "Branch B")
    )
    event = make_event(title="Брайль күні")
    mine = registered(event, "Айгерім Сапарова", branch=ours)
    registered(event, "Ерлан Омаров", branch=theirs)
    client = staff_client(client, "librarian", events=("view_registration",), branch=ours)
    page = soup(client.get(ISSUE, {"registrations_of": event.pk}))
    assert [value for value, _label in options(page)] == ["", str(mine.pk)]
