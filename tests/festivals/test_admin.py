"""Editors can build the festival tree only the intended way, and its editor
screens open."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from competitions.models import CompetitionPage
from events.models import EventIndexPage
from festivals.models import FestivalEditionPage, FestivalIndexPage, FestivalPage
from home.models import HomePage


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
