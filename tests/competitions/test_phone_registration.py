"""Registering someone by phone (the registrations admin) for a competition or
a festival nomination enters them in it, in the first category, with the
work performed when the competition is judged on one."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from competitions.models import CompetitionPage, Entry
from events.models import EventPage
from registrations.models import Registration
from tests.registrations.test_staff import assisted_data

pytestmark = pytest.mark.django_db

ADD = reverse("event_registrations:add")


def open_for_registration(page):
    CompetitionPage.objects.filter(translation_key=page.translation_key).update(
        registration_opens=timezone.now() - datetime.timedelta(days=1)
    )
    page.refresh_from_db()
    return page


def section(html):
    """The phone form's fieldset for the competition entry."""
    legend = html.find("legend", string="Competition entry")
    return legend.find_parent("fieldset") if legend else None


def labels(html, group):
    return [
        html.find("label", attrs={"for": control["id"]}).get_text(strip=True)
        for control in group.select("input")
    ]


def test_the_phone_form_asks_for_the_work_and_enters_the_person(
    make_competition, client, soup, superuser
):
    page = open_for_registration(make_competition(entries=1))
    client.force_login(superuser)
    html = soup(client.get(ADD + f"?event={page.pk}"))
    group = section(html)
    assert labels(html, group) == ["Title of the work performed", "Author of the work"]
    assert group.select_one("p.help-info").get_text(" ", strip=True) == (
        "The person is entered in the competition, in the category “I топ”. "
        "Staff can move the entry to another category in “Competition entries”."
    )

    response = client.post(
        ADD,
        assisted_data(page, entry_work_title="Анама хат", entry_work_author="Мұқағали Мақатаев"),
    )
    registration = Registration.objects.get(event=page, person__full_name="Гүлнар Сапарова")
    assert response["Location"] == reverse("event_registrations:created", args=[registration.pk])
    entry = Entry.objects.get(registration=registration)
    assert (entry.competition_id, entry.category, entry.work) == (
        page.pk,
        page.categories.order_by("sort_order").first(),
        "«Анама хат» (Мұқағали Мақатаев)",
    )
    log = PageLogEntry.objects.get(page=page, action="competitions.entry.add", data__entry=entry.pk)
    assert log.user == superuser

    # The same person again: their registration and entry back, not a second one.
    client.post(ADD, assisted_data(page, entry_work_title="Анама хат"))
    assert Entry.objects.filter(registration__person__full_name="Гүлнар Сапарова").count() == 1


def test_a_measured_competition_asks_for_no_work(make_competition, client, soup, superuser):
    page = open_for_registration(
        make_competition(entries=0, result_type="points", unit="ұпай", categories=("Ерлер",))
    )
    client.force_login(superuser)
    html = soup(client.get(ADD + f"?event={page.pk}"))
    assert section(html) is None
    assert html.find("input", attrs={"name": "entry_work_title"}) is None
    note = html.find("p", string=lambda text: text and "in the category “Ерлер”" in text)
    assert note is not None

    client.post(ADD, assisted_data(page))
    entry = Entry.objects.get(registration__person__full_name="Гүлнар Сапарова")
    assert (entry.competition_id, entry.category.name, entry.work) == (page.pk, "Ерлер", "")


def test_a_festival_nomination_by_phone_enters_the_judged_competition(client, superuser):
    year = timezone.localdate().year
    reading = CompetitionPage.objects.get(
        slug="reading", locale__language_code="en", url_path__contains=f"/{year}/"
    )
    client.force_login(superuser)
    response = client.post(
        ADD, assisted_data(reading, entry_work_title="Сен менің", entry_work_author="Абай")
    )
    assert response.status_code == 302
    entry = Entry.objects.get(registration__person__full_name="Гүлнар Сапарова")
    assert entry.registration.event_id == reading.pk
    assert entry.competition_id == reading.judged.pk != reading.pk
    assert entry.category == reading.judged.categories.order_by("sort_order").first()
    assert entry.work == "«Сен менің» (Абай)"


def test_errors_of_the_entry_come_after_the_person_in_the_summary(
    make_competition, client, soup, superuser
):
    page = open_for_registration(make_competition(entries=0))
    client.force_login(superuser)
    response = client.post(
        ADD, assisted_data(page, full_name="", consent=None, entry_work_title="Ә" * 256)
    )
    assert response.status_code == 200
    html = soup(response)
    links = [a["href"] for a in html.select(".staff-error-summary a")]
    assert links == ["#id_full_name", "#id_entry_work_title", "#id_consent"]
    assert not Registration.objects.filter(event=page).exists()


def test_an_event_that_is_no_competition_has_no_entry_section(client, soup, superuser):
    event = (
        EventPage.objects.live()
        .filter(locale__language_code="en")
        .exclude(pk__in=CompetitionPage.objects.values("pk"))
        .first()
    )
    client.force_login(superuser)
    html = soup(client.get(ADD + f"?event={event.pk}"))
    assert html.find("form", class_="staff-form") is not None
    assert section(html) is None
    assert "Competition entries" not in html.get_text()
