"""Staff place registrations in a competition's categories (admin screen)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from competitions.models import Entry
from people.models import Person
from registrations.models import Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def registration_for(page, name="Жанар Әлиева"):
    return Registration.objects.create(
        event=page,
        person=Person.objects.create(full_name=name),
        status="confirmed",
        consent_version="test",
        consented_at=timezone.now(),
    )


def test_staff_place_a_registration_in_a_category(make_competition, admin_client):
    page = make_competition(entries=0)
    registration = registration_for(page)
    category = page.categories.last()
    response = admin_client.post(
        reverse("competition_entries:add"),
        {
            "competition": page.pk,
            "registration": registration.pk,
            "category": category.pk,
            "work_title": "Анама хат",
            "work_author": "Мұқағали Мақатаев",
            "running_order": "3",
        },
    )
    assert response.status_code == 302
    entry = Entry.objects.get(registration=registration)
    assert (entry.competition_id, entry.category, entry.work) == (
        page.pk,
        category,
        "«Анама хат» (Мұқағали Мақатаев)",
    )


def test_a_category_or_registration_of_another_competition_is_refused(
    make_competition, admin_client, soup
):
    page = make_competition(entries=0)
    other = make_competition(entries=0)
    response = admin_client.post(
        reverse("competition_entries:add"),
        {
            "competition": page.pk,
            "registration": registration_for(other).pk,
            "category": other.categories.first().pk,
            "running_order": "1",
        },
    )
    assert response.status_code == 200
    text = soup(response).get_text(" ", strip=True)
    assert "This registration is for another event, not this competition." in text
    assert "This category belongs to another competition." in text
    assert not Entry.objects.filter(competition=page).exists()
