"""Wagtail's routing remembered (core.routing): the second request for an
address loads the one page that serves it; changes to the tree are seen at
once; view restrictions are still checked on every request."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, len(captured)


@pytest.fixture
def event(make_event):
    now = timezone.now()
    return make_event(
        "kk",
        registration_opens=now - datetime.timedelta(days=1),
        registration_closes=now + datetime.timedelta(days=5),
        start=now + datetime.timedelta(days=6),
    )


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["", "register/", "calendar.ics"])
def test_the_second_request_is_routed_from_memory(settings, event, suffix):
    settings.PAGE_CACHE_SECONDS = 0  # measure the routing, not the page cache
    url = event.url + suffix
    first, cold = queries(Client(), url)
    second, warm = queries(Client(), url)
    assert first.status_code == second.status_code == 200
    assert warm <= cold - 4, (cold, warm)
    if suffix != "register/":  # the form carries each visitor's own CSRF token
        assert first.content == second.content


@pytest.mark.django_db
def test_unpublishing_or_moving_is_seen_at_once(settings, event, make_event):
    settings.PAGE_CACHE_SECONDS = 0
    client = Client()
    old_url = event.url
    assert client.get(old_url).status_code == 200
    event.slug = "renamed"
    event.save_revision().publish()
    event.refresh_from_db()
    assert event.url.endswith("/renamed/")
    assert client.get(old_url).status_code == 404
    assert client.get(event.url).status_code == 200
    event.unpublish()
    assert client.get(event.url).status_code == 404
    assert client.get(event.url + "register/").status_code == 404


@pytest.mark.django_db
def test_a_restriction_added_later_is_still_enforced(settings, event):
    settings.PAGE_CACHE_SECONDS = 0
    client = Client()
    assert client.get(event.url).status_code == 200
    # A restriction is not a page change: the route stays remembered, and the
    # restriction is checked anyway.
    PageViewRestriction.objects.create(page=event, restriction_type="password", password="x1")
    response = client.get(event.url)
    assert response.status_code == 200
    assert "password" in response.content.decode().lower()
    assert event.title not in response.content.decode()


@pytest.mark.django_db
def test_the_same_path_in_each_language_is_its_own_page(settings, make_event):
    settings.PAGE_CACHE_SECONDS = 0
    kazakh, russian = make_event("kk"), make_event("ru")
    client = Client()
    for _ in range(2):
        assert kazakh.title in client.get(kazakh.url).content.decode()
        assert russian.title in client.get(russian.url).content.decode()
