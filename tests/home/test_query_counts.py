"""The home page and the announcement list cost the same number of queries
with 1 and with 20 announcements (no N+1)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import AnnouncementIndexPage, AnnouncementPage


def _keep_one_announcement(index):
    announcements = list(AnnouncementPage.objects.child_of(index))
    for page in announcements[1:]:
        page.delete()


def _add_announcements(index, count):
    for number in range(count):
        page = AnnouncementPage(
            title=f"Хабарландыру {number}",
            slug=f"extra-{number}",
            date=datetime.date(2026, 1, 1) + datetime.timedelta(days=number),
            lead="Қысқаша мәтін.",
        )
        index.add_child(instance=page)
        page.tags.add(f"тақырып-{number}")
        page.save_revision().publish()


def _queries(client, url):
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response


@pytest.mark.django_db
@pytest.mark.parametrize("which", ["home", "listing"])
def test_query_count_does_not_grow_with_announcements(client, settings, which):
    settings.PAGE_CACHE_SECONDS = 0
    index = AnnouncementIndexPage.objects.get(locale__language_code="kk")
    _keep_one_announcement(index)
    url = "/kk/" if which == "home" else index.url
    one, response = _queries(client, url)
    assert response.content.decode().count('class="card"') == 1

    _add_announcements(index, 19)
    twenty, response = _queries(client, url)
    shown = 4 if which == "home" else 10
    assert response.content.decode().count('class="card"') == shown
    assert twenty == one
