"""The low-vision mode through its no-JavaScript path: plain links that store a
choice in a cookie and send the visitor back to the same page."""

from urllib.parse import urlencode

import pytest

from core.display import COOKIE_NAME, SETTINGS, DisplayPreferences
from home.models import AnnouncementPage


def choose(client, next_url, **params):
    return client.get(f"/display/?{urlencode({**params, 'next': next_url})}")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "value"),
    [(name, value) for name, (_l, options) in SETTINGS.items() for value, _ in options[1:]],
)
def test_each_setting_changes_the_next_page(client, soup, name, value):
    response = choose(client, "/en/", **{name: value})
    assert response.status_code == 303
    assert response["Location"] == "/en/#display-options"
    html = soup(client.get("/en/"))
    assert f"lv-{name}-{value}" in html.html["class"]
    current = html.select(f'.display-option--{name}-{value}[aria-current="true"]')
    assert len(current) == 1
    # The summary says in words what is chosen (for a screen reader too).
    status = html.find(class_="display-panel__status").get_text()
    assert str(dict(SETTINGS[name][1])[value]) in status


@pytest.mark.django_db
def test_settings_accumulate_and_reset_clears_them(client, soup):
    choose(client, "/kk/", text="xlarge")
    choose(client, "/kk/", scheme="wb")
    choose(client, "/kk/", spacing="wide")
    html = soup(client.get("/kk/"))
    assert sorted(html.html["class"]) == ["lv-scheme-wb", "lv-spacing-wide", "lv-text-xlarge"]
    response = choose(client, "/kk/", reset="1")
    assert response.status_code == 303
    assert response.cookies[COOKIE_NAME].value == ""
    html = soup(client.get("/kk/"))
    assert html.html.get("class") is None
    assert html.find(class_="display-panel__status") is None
    assert html.select('.display-option--text-normal[aria-current="true"]')


@pytest.mark.django_db
def test_images_off_shows_the_description_instead(client, soup):
    page = (
        AnnouncementPage.objects.live()
        .filter(locale__language_code="ru", image__isnull=False)
        .first()
    )
    html = soup(client.get(page.url))
    assert html.select_one("main figure img")["alt"] == page.image_alt
    choose(client, page.url, images="off")
    html = soup(client.get(page.url))
    assert html.select("main img") == []
    assert (
        html.select_one("main .image-alt").get_text(" ", strip=True)
        == f"Изображение: {page.image_alt}"
    )


@pytest.mark.django_db
def test_foreign_next_urls_and_unknown_values_are_ignored(client):
    response = choose(client, "https://evil.example/", text="huge")
    assert response.status_code == 303
    assert response["Location"] == "/#display-options"
    assert COOKIE_NAME not in response.cookies or response.cookies[COOKIE_NAME].value == ""


def test_cookie_round_trip_keeps_only_known_values():
    prefs = DisplayPreferences.from_cookie("text:large,scheme:nonsense,bogus:1,images:off")
    assert prefs.as_dict() == {
        "text": "large",
        "scheme": "default",
        "spacing": "normal",
        "images": "off",
    }
    assert prefs.to_cookie() == "text:large,images:off"
    assert DisplayPreferences.from_cookie(prefs.to_cookie()) == prefs
