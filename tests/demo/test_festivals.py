"""The demo festival: its editions, the 2011 dedications and nominations with
results including a tie; a second seed_demo run creates nothing."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from competitions.enums import JudgingState
from competitions.models import CompetitionPage, Entry, Score
from festivals.models import FestivalEditionPage, FestivalPage
from people.models import Person
from registrations.models import Registration


@pytest.mark.django_db
def test_the_demo_festival_in_three_languages():
    this_year = timezone.localdate().year
    for code in ("kk", "ru", "en"):
        festival = FestivalPage.objects.get(locale__language_code=code)
        years = sorted(
            FestivalEditionPage.objects.child_of(festival).values_list("year", flat=True)
        )
        assert years == [2010, 2011, 2012, this_year]
        edition_2011 = FestivalEditionPage.objects.get(year=2011, locale__language_code=code)
        assert len(edition_2011.dedications) == 3
    current = FestivalEditionPage.objects.get(year=this_year, locale__language_code="kk")
    assert current.is_open_for_applications


@pytest.mark.django_db
def test_2011_has_four_judged_nominations_with_published_results():
    edition = FestivalEditionPage.objects.get(year=2011, locale__language_code="kk")
    nominations = list(CompetitionPage.objects.child_of(edition))
    assert len(nominations) >= 4
    for nomination in nominations:
        assert nomination.judging_state == JudgingState.PUBLISHED
        assert Entry.objects.filter(competition=nomination).count() >= 3
        assert Score.objects.filter(entry__competition=nomination).exists()


@pytest.mark.django_db
def test_seed_demo_twice_creates_nothing_twice():
    counts = (
        FestivalEditionPage.objects.count(),
        CompetitionPage.objects.count(),
        Entry.objects.count(),
        Score.objects.count(),
        Registration.objects.count(),
        Person.objects.count(),
    )
    call_command("seed_demo", stdout=io.StringIO())
    assert (
        FestivalEditionPage.objects.count(),
        CompetitionPage.objects.count(),
        Entry.objects.count(),
        Score.objects.count(),
        Registration.objects.count(),
        Person.objects.count(),
    ) == counts
