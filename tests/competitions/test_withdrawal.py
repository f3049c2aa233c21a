"""A cancelled (or rejected) registration withdraws its entry: it leaves the
judges' screens, the standings and the published results, its scores stay
for the record, and it comes back when the person registers again while
judging is open."""

import datetime
from decimal import Decimal as D

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import PageLogEntry

from competitions.enums import JudgingState
from competitions.models import CompetitionPage, Entry, Score
from competitions.services import (
    JudgingError,
    judging_close,
    results_publish,
    scores_save,
)
from competitions.standings import competition_standings
from registrations.enums import RegistrationStatus
from registrations.services import registration_cancel, registration_create, registration_reject
from registrations.views import private_url

pytestmark = pytest.mark.django_db


def jury(page):
    return [seat.user for seat in page.jury.order_by("sort_order")]


def entries(page):
    return list(page.entries.order_by("running_order", "pk"))


def score_everyone(page, value="8"):
    criteria = list(page.criteria.all())
    for entry in Entry.objects.competing().filter(competition=page):
        for judge in jury(page):
            scores_save(entry=entry, judge=judge, values={c: D(value) for c in criteria})


def ranked_names(page) -> list[str]:
    return [row.name for table in competition_standings(page) for row in table.rows]


def overview_rows(client, soup, page) -> list[str]:
    html = soup(client.get(reverse("judging:competition", args=[page.pk])))
    return [th.get_text(strip=True) for th in html.select("#entries-title ~ table tbody th")]


def withdrawn_items(client, soup, page) -> list[str]:
    html = soup(client.get(reverse("judging:competition", args=[page.pk])))
    return [li.get_text(" ", strip=True) for li in html.select("ul.withdrawn-entries li")]


def results_names(client, soup, page) -> list[str]:
    response = client.get(page.url + "results/")
    assert response.status_code == 200
    return [
        th.get_text(strip=True) for th in soup(response).select("table.results-table th[scope=row]")
    ]


def cancel_as_participant(client, page, registration):
    response = client.post(private_url(page, registration), {"step": "confirm"})
    assert response.status_code == 303
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def cancel_as_staff(client, superuser, registration):
    client.force_login(superuser)
    response = client.post(reverse("event_registrations:cancel", args=[registration.pk]))
    assert response.status_code == 302
    client.logout()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def open_registration(page):
    CompetitionPage.objects.filter(pk=page.pk).update(
        registration_opens=timezone.now() - datetime.timedelta(days=1)
    )
    page.refresh_from_db()


def publish(page):
    chair = jury(page)[0]
    judging_close(competition=page, user=chair)
    results_publish(competition=page, user=chair)


@pytest.mark.parametrize("who", ["participant", "staff"])
def test_a_cancelled_registration_leaves_the_judging_the_standings_and_the_results(
    make_competition, client, soup, superuser, who
):
    page = make_competition(entries=3, categories=("Ашық",))
    first, gone, third = entries(page)
    if who == "participant":
        cancel_as_participant(client, page, gone.registration)
    else:
        cancel_as_staff(client, superuser, gone.registration)

    gone = Entry.objects.get(pk=gone.pk)
    assert gone.withdrawn_at is not None
    log = PageLogEntry.objects.get(page=page, action="competitions.entry.withdraw")
    assert log.data["entry"] == gone.pk
    assert log.user == (superuser if who == "staff" else None)

    # The judges' screen lists the others only; its own address leads back.
    chair = jury(page)[0]
    client.force_login(chair)
    assert overview_rows(client, soup, page) == [first.participant_name, third.participant_name]
    assert withdrawn_items(client, soup, page)[0].startswith(f"{gone.participant_name} (Ашық)")
    entry_page = client.get(reverse("judging:entry", args=[page.pk, gone.pk]))
    assert entry_page.status_code == 302
    assert entry_page["Location"] == reverse("judging:competition", args=[page.pk])

    score_everyone(page)
    assert ranked_names(page) == [first.participant_name, third.participant_name]
    publish(page)
    client.logout()
    assert results_names(client, soup, page) == [first.participant_name, third.participant_name]


def test_cancelling_after_publication_takes_the_entry_off_the_public_results(
    make_competition, client, soup, django_capture_on_commit_callbacks
):
    page = make_competition(entries=2, categories=("Ашық",))
    first, second = entries(page)
    score_everyone(page)
    publish(page)
    assert sorted(results_names(client, soup, page)) == sorted(
        [first.participant_name, second.participant_name]
    )
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=second.registration)
    # The page cache was emptied: the public page shows it at once.
    assert results_names(client, soup, page) == [first.participant_name]
    # The scores stay, for the record.
    assert Score.objects.filter(entry=second).count() == 3 * 3


def test_registering_again_brings_the_entry_back(make_competition, client, soup):
    page = make_competition(entries=2, categories=("Ашық",))
    first, second = entries(page)
    registration = second.registration
    registration_cancel(registration=registration)
    assert ranked_names(page) == [first.participant_name]

    open_registration(page)
    again, created = registration_create(
        event=page, person=registration.person, consent_version="test"
    )
    assert (again.pk, created, again.status) == (registration.pk, True, "confirmed")
    entry = Entry.objects.get(registration=registration)
    assert (entry.pk, entry.category, entry.work) == (second.pk, second.category, second.work)
    assert (
        PageLogEntry.objects.filter(page=page, action="competitions.entry.reinstate").count() == 1
    )

    client.force_login(jury(page)[0])
    assert overview_rows(client, soup, page) == [first.participant_name, second.participant_name]
    assert withdrawn_items(client, soup, page) == []


def test_cancelling_after_judging_closed_shows_the_chair_a_withdrawn_entry(
    make_competition, client, soup
):
    page = make_competition(entries=2, categories=("Ашық",))
    first, second = entries(page)
    score_everyone(page)
    judging_close(competition=page, user=jury(page)[0])
    registration_cancel(registration=second.registration)

    log = PageLogEntry.objects.get(page=page, action="competitions.entry.withdraw")
    assert (log.data["judging"], log.data["scores_kept"]) == (JudgingState.CLOSED, 9)
    client.force_login(jury(page)[0])
    response = client.get(reverse("judging:competition", args=[page.pk]))
    assert response.status_code == 200
    html = soup(response)
    withdrawn = html.select_one("section[aria-labelledby=withdrawn-title]")
    assert withdrawn.h2.get_text(strip=True) == "Withdrawn"
    assert withdrawn_items(client, soup, page)[0].startswith(
        f"{second.participant_name} (Ашық): withdrawn on "
    )
    standings = [th.get_text(strip=True) for th in html.select("#standings-title ~ * tbody th")]
    assert second.participant_name not in standings
    assert ranked_names(page) == [first.participant_name]

    # Registering again after the close: the entry stays withdrawn.
    open_registration(page)
    registration_create(event=page, person=second.registration.person, consent_version="test")
    assert Entry.objects.get(pk=second.pk).withdrawn_at is not None
    assert ranked_names(page) == [first.participant_name]


def test_a_withdrawn_entry_cannot_be_scored(make_competition, client):
    page = make_competition(entries=1, categories=("Ашық",))
    entry = page.entries.get()
    criterion = page.criteria.first()
    judge = jury(page)[1]
    registration_cancel(registration=entry.registration)
    with translation.override("en"), pytest.raises(JudgingError) as refused:
        scores_save(entry=entry, judge=judge, values={criterion: D(7)})
    assert "has withdrawn from the competition" in str(refused.value.message)
    # A judge who had the form open is sent back to the overview, told why.
    client.force_login(judge)
    response = client.post(
        reverse("judging:entry", args=[page.pk, entry.pk]), {f"criterion_{criterion.pk}": "7"}
    )
    assert response.status_code == 302
    overview = client.get(response["Location"])
    language = BeautifulSoup(overview.content, "html.parser").html["lang"]
    with translation.override(language):  # the admin's language, read as it is said
        told = _("%(name)s has withdrawn from the competition: the entry is no longer judged.") % {
            "name": entry.participant_name
        }
    assert language in {"ru", "en"}
    assert told in overview.content.decode()
    assert not Score.objects.filter(entry=entry).exists()


def test_a_rejected_registration_withdraws_its_entry_too(make_competition, superuser):
    page = make_competition(entries=1, categories=("Ашық",))
    entry = page.entries.get()
    registration = entry.registration
    registration.status = RegistrationStatus.PENDING
    registration.save()
    registration_reject(registration=registration, by=superuser, reason="Жас шегі сәйкес емес")
    assert Entry.objects.get(pk=entry.pk).withdrawn_at is not None
    assert ranked_names(page) == []


def test_the_entries_admin_lists_withdrawn_entries_and_refuses_a_cancelled_registration(
    make_competition, client, soup, superuser
):
    page = make_competition(entries=1, categories=("Ашық",))
    entry = page.entries.get()
    registration_cancel(registration=entry.registration)
    client.force_login(superuser)
    listing = soup(client.get(reverse("competition_entries:index") + f"?competition={page.pk}"))
    assert entry.participant_name in listing.select_one("table tbody").get_text(" ", strip=True)

    entry.delete()
    response = client.post(
        reverse("competition_entries:add"),
        {
            "competition": page.pk,
            "registration": entry.registration.pk,
            "category": page.categories.first().pk,
            "running_order": "1",
        },
    )
    assert response.status_code == 200
    assert "This registration is cancelled or was not accepted: it cannot be entered." in soup(
        response
    ).get_text(" ", strip=True)
    assert not Entry.objects.filter(registration=entry.registration).exists()


def test_other_transitions_cost_no_query_for_entries(make_competition, django_assert_num_queries):
    from competitions.entry_hooks import entry_follows_its_registration

    page = make_competition(entries=1)
    registration = page.entries.get().registration
    with django_assert_num_queries(0):
        entry_follows_its_registration(registration, previous_status=None, by=None)
        entry_follows_its_registration(
            registration, previous_status=RegistrationStatus.WAITLISTED, by=None
        )
