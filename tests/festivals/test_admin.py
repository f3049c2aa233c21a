"""Editors can build the festival tree only the intended way, and its editor
screens open."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from competitions.models import CompetitionPage
from events.models import EventIndexPage
from festivals.models import FestivalEditionPage, FestivalIndexPage, FestivalPage
from home.models import HomePage
from tests.competitions.conftest import in_language
from tests.competitions.test_page_editor import form_data


@pytest.fixture
def editor(client):
    client.force_login(get_user_model().objects.filter(is_superuser=True).order_by("pk").first())
    return client


def test_the_tree_can_only_be_built_one_way():
    assert FestivalIndexPage.allowed_parent_page_models() == [HomePage]
    assert FestivalPage.allowed_parent_page_models() == [FestivalIndexPage]
    assert FestivalEditionPage.allowed_parent_page_models() == [FestivalPage]
    assert FestivalEditionPage.allowed_subpage_models() == [CompetitionPage]
    assert set(CompetitionPage.allowed_parent_page_models()) == {
        EventIndexPage,
        FestivalEditionPage,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("code", ("kk", "ru", "en"))
def test_editor_screens_open(editor, code):
    festival = FestivalPage.objects.get(locale__language_code=code)
    edition = FestivalEditionPage.objects.get(slug="2011", locale__language_code=code)
    for url in (
        reverse("wagtailadmin_pages:edit", args=[festival.pk]),
        reverse("wagtailadmin_pages:edit", args=[edition.pk]),
        reverse(
            "wagtailadmin_pages:add",
            args=["festivals", "festivaleditionpage", festival.pk],
        ),
        reverse("wagtailadmin_pages:add", args=["competitions", "competitionpage", edition.pk]),
    ):
        assert editor.get(url).status_code == 200, url


def new_edition_data(editor, soup, festival, year):
    """The editor's form for a new edition of `festival`, filled in."""
    template = FestivalEditionPage.objects.get(slug="2011", locale=festival.locale)
    url = reverse("wagtailadmin_pages:add", args=["festivals", "festivaleditionpage", festival.pk])
    data = form_data(soup(editor.get(url)))
    data.update(
        {
            "title": f"Фестиваль {year}",
            "slug": f"edition-{year}",
            "year": str(year),
            "start": f"{year}-12-03 10:00",
            "end": f"{year}-12-03 17:00",
            "summary": "Жыл сайынғы фестиваль.",
            "venue": str(template.venue_id or ""),
            "kind": str(template.kind_id or ""),
            "organiser": str(template.organiser_id or ""),
            # The editor's JavaScript writes the (empty) streams.
            **{
                f"{name}-count": "0"
                for name in ("dedications", "body", "stages", "partners", "gallery")
            },
        }
    )
    return url, data


@pytest.mark.django_db
@pytest.mark.parametrize("code", ("kk", "en"))
def test_a_second_edition_of_the_same_year_is_refused(editor, soup, code):
    festival = FestivalPage.objects.get(locale__language_code=code)
    url, data = new_edition_data(editor, soup, festival, 2011)
    response = editor.post(url, data)
    assert response.status_code == 200
    html = soup(response)
    existing = FestivalEditionPage.objects.get(slug="2011", locale__language_code=code)
    # The admin speaks Russian to this user.
    message = in_language(
        "ru",
        "This festival already has an edition of %(year)s: %(title)s. "
        "Choose another year, or edit that edition.",
        year=2011,
        title=existing.title,
    )
    error = html.select_one("[id$=-child-year-errors] .error-message")
    assert error.get_text(" ", strip=True) == message
    assert FestivalEditionPage.objects.child_of(festival).filter(year=2011).count() == 1

    url, data = new_edition_data(editor, soup, festival, 2013)
    assert editor.post(url, data).status_code == 302
    assert FestivalEditionPage.objects.child_of(festival).filter(year=2013).count() == 1


@pytest.mark.django_db
def test_translations_of_an_edition_share_its_year():
    for edition in FestivalEditionPage.objects.all():
        festival = edition.get_parent()
        assert not FestivalEditionPage.editions_of_year(
            festival, edition.year, exclude=edition
        ).exists()
    years = FestivalEditionPage.objects.filter(slug="2011").values_list("year", flat=True)
    assert list(years) == [2011, 2011, 2011]
