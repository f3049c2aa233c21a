"""The full-page cache: anonymous visitors get a cached page, and publishing
any page, or changing the site's contacts, empties it."""

import pytest
from django.contrib.auth import get_user_model

from home.models import AnnouncementPage, ContactSettings, HomePage


@pytest.mark.django_db
def test_second_visit_is_served_from_the_cache(client):
    assert client.get("/en/")["X-Page-Cache"] == "miss"
    response = client.get("/en/")
    assert response["X-Page-Cache"] == "hit"
    # The cached copy keeps the security headers of the original.
    assert "default-src 'self'" in response["Content-Security-Policy"].split("; ")


@pytest.mark.django_db
def test_publishing_a_page_invalidates_the_cached_copy(client):
    page = (
        AnnouncementPage.objects.live().filter(locale__language_code="en").order_by("-date").first()
    )
    client.get(page.url)
    client.get("/en/")
    assert client.get(page.url)["X-Page-Cache"] == "hit"

    page.title = "Changed title for the cache test"
    page.save_revision().publish()

    response = client.get(page.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Changed title for the cache test" in response.content.decode()
    # The home page lists the announcement, and it is fresh too.
    assert "Changed title for the cache test" in client.get("/en/").content.decode()


@pytest.mark.django_db
def test_unpublishing_removes_the_page_from_cached_listings(client):
    page = (
        AnnouncementPage.objects.live().filter(locale__language_code="ru").order_by("-date").first()
    )
    index_url = page.get_parent().url
    assert page.title in client.get(index_url).content.decode()
    page.unpublish()
    assert page.title not in client.get(index_url).content.decode()
    assert client.get(page.url).status_code == 404


@pytest.mark.django_db
def test_changing_contacts_refreshes_every_footer(client):
    home = HomePage.objects.get(locale__language_code="kk")
    client.get("/kk/")
    contacts = ContactSettings.for_site(home.get_site())
    contacts.phone = "+7 7252 11-22-33"
    contacts.save()
    assert "+7 7252 11-22-33" in client.get("/kk/").content.decode()


@pytest.mark.django_db
def test_display_choices_and_logged_in_staff_get_their_own_page(client):
    client.get("/kk/")
    client.cookies["display"] = "scheme:wb"
    response = client.get("/kk/")
    assert response["X-Page-Cache"] == "miss"
    assert 'class="lv-scheme-wb"' in response.content.decode()

    user = get_user_model().objects.get(username="admin")
    client.force_login(user)
    assert "X-Page-Cache" not in client.get("/kk/")
