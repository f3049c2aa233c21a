"""The festival page (its editions) and an edition page (its nominations and
their results links) cost the same number of queries with few and many."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from competitions.models import CompetitionPage
from festivals.models import FestivalEditionPage, FestivalPage
from registrations.models import Registration


def _queries(client, url):
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response


def _at(year):
    return datetime.datetime(year, 12, 3, 10, tzinfo=timezone.get_current_timezone())


@pytest.mark.django_db
def test_edition_page_queries_do_not_grow_with_nominations(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    edition = FestivalEditionPage.objects.get(slug="2010", locale__language_code="ru")
    one, response = _queries(client, edition.url)
    for number in range(5):
        page = CompetitionPage(
            title=f"Номинация {number}",
            slug=f"extra-{number}",
            start=_at(2010),
            end=_at(2010),
            summary="Кратко.",
            competition_kind="creative",
            discipline="Чтение",
        )
        edition.add_child(instance=page)
        page.save_revision().publish()
    six, response = _queries(client, edition.url)
    assert "Номинация 4" in response.content.decode()
    assert six == one


@pytest.mark.django_db
def test_festival_page_queries_do_not_grow_with_past_editions(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    festival = FestivalPage.objects.get(locale__language_code="en")
    before, _response = _queries(client, festival.url)
    for year in (2013, 2014, 2015):
        page = FestivalEditionPage(
            title=f"Edition {year}",
            slug=str(year),
            year=year,
            start=_at(year),
            end=_at(year),
            summary="In brief.",
        )
        festival.add_child(instance=page)
        page.save_revision().publish()
    after, response = _queries(client, festival.url)
    assert "Edition 2015" in response.content.decode()
    assert after == before


@pytest.mark.django_db
@pytest.mark.parametrize("code", ("kk", "ru", "en"))
def test_a_nominations_own_form_leads_to_the_application_form(client, soup, code):
    year = timezone.localdate().year
    song = CompetitionPage.objects.get(
        slug="song",
        locale__language_code=code,
        path__startswith=FestivalEditionPage.objects.get(
            slug=str(year), locale__language_code=code
        ).path,
    )
    response = client.get(song.url + "register/")
    assert response.status_code == 302
    assert response["Location"] == f"{song.get_parent().url}register/?nomination={song.pk}"
    html = soup(client.get(response["Location"]))
    checked = html.select("input[name=nomination][checked]")
    assert [radio["value"] for radio in checked] == [str(song.pk)]
    # A post to the nomination's own form registers nobody.
    response = client.post(song.url + "register/", {"full_name": "Ерлан Омаров"})
    assert response.status_code == 302
    assert not Registration.objects.filter(person__full_name="Ерлан Омаров").exists()
