"""Site-wide views: sitemap, robots.txt, search, feeds and the error pages."""

import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.test import RequestFactory
from wagtail.models import Page

from demo.data import load
from home.models import AnnouncementIndexPage, AnnouncementPage
from home.views import server_error

SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


@pytest.mark.django_db
def test_sitemap_lists_every_live_page_in_every_language(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    listed = {loc.text for loc in root.findall("s:url/s:loc", SITEMAP_NS)}
    expected = {
        page.get_full_url() for page in Page.objects.live().public().filter(depth__gte=2).specific()
    }
    assert listed == expected
    for code in ("kk", "ru", "en"):
        assert any(f"/{code}/" in url for url in listed)
    # Each entry names its translations.
    first = root.find("s:url", SITEMAP_NS)
    hreflangs = {link.get("hreflang") for link in first.findall("x:link", SITEMAP_NS)}
    assert hreflangs == {"kk", "ru", "en"}


@pytest.mark.django_db
def test_unpublished_pages_leave_the_sitemap(client):
    page = AnnouncementPage.objects.live().filter(locale__language_code="en").first()
    page.unpublish()
    listed = client.get("/sitemap.xml").content.decode()
    assert page.get_full_url() not in listed


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body.splitlines()
    assert "Disallow: /admin/" in body.splitlines()


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["kk", "ru", "en"])
def test_search_finds_a_seeded_announcement_in_each_language(client, soup, code):
    spec = next(
        a for a in load("announcements")["announcements"] if "makatayev" in a["key"].lower()
    )
    title = spec[code]["title"]
    # The poet's surname, as the title inflects it: many pages say "festival".
    word = next(w for w in title.split() if w.startswith(("Мақ", "Мак", "Mak")))
    html = soup(client.get(f"/{code}/search/", {"q": word}))
    assert html.html["lang"] == code
    found = [a.get_text(strip=True) for a in html.select("ol.search-results a")]
    assert title in found
    # Only pages of the visitor's language.
    page = AnnouncementPage.objects.get(slug=spec["slug"], locale__language_code=code)
    for link in html.select("ol.search-results a"):
        assert link["href"].startswith(f"/{code}/")
    assert page.url in [a["href"] for a in html.select("ol.search-results a")]


@pytest.mark.django_db
def test_search_says_when_nothing_is_found(client, soup):
    html = soup(client.get("/en/search/", {"q": "zzzqqq"}))
    assert html.find(attrs={"role": "status"}).get_text(strip=True) == "0 results for “zzzqqq”"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds_parse_back(client, kind):
    index = AnnouncementIndexPage.objects.get(locale__language_code="ru")
    response = client.get(f"{index.url}feed/{kind}/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    expected = list(index.announcements()[:20])
    assert [entry.title for entry in feed.entries] == [a.title for a in expected]
    assert feed.feed.title == index.title


@pytest.mark.django_db
def test_announcement_list_filters_by_tag_and_paginates(client, soup):
    index = AnnouncementIndexPage.objects.get(locale__language_code="en")
    tag = index.tags_in_use().first()
    html = soup(client.get(index.url, {"tag": tag.slug}))
    titles = [h.get_text(strip=True) for h in html.select("main .card__title")]
    expected = [a.title for a in index.announcements().filter(tags__slug=tag.slug)]
    assert titles == expected
    assert html.h1.get_text(strip=True) == f"{index.title}: {tag.name}"
    # An unknown tag is said in words, with an empty list.
    html = soup(client.get(index.url, {"tag": "no-such-topic"}))
    assert "There is no topic “no-such-topic”" in html.find(class_="notice").get_text()
    # A page number out of range shows the last page instead of failing.
    assert client.get(index.url, {"page": "999"}).status_code == 200
    assert client.get(index.url, {"page": "abc"}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "heading"),
    [("kk", "Бет табылмады"), ("ru", "Страница не найдена"), ("en", "Page not found")],
)
def test_404_is_translated(client, soup, code, heading):
    response = client.get(f"/{code}/no-such-page/")
    assert response.status_code == 404
    html = soup(response)
    assert html.html["lang"] == code
    assert html.h1.get_text(strip=True) == heading


@pytest.mark.parametrize(
    ("path", "code", "heading"),
    [
        ("/ru/x/", "ru", "Извините, что-то пошло не так"),
        ("/en/", "en", "Sorry, something went wrong"),
    ],
)
def test_500_page_needs_no_database_and_is_translated(path, code, heading):
    response = server_error(RequestFactory().get(path))
    assert response.status_code == 500
    body = response.content.decode()
    assert f'<html lang="{code}">' in body
    assert heading in body
