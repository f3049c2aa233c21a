"""The festival, its editions and its archive, as a visitor reads them in kk, ru and en."""

import pytest
from django.utils import timezone

from competitions.models import CompetitionPage
from festivals.models import FestivalEditionPage, FestivalIndexPage, FestivalPage

LANGUAGES = ("kk", "ru", "en")


def festival(code) -> FestivalPage:
    return FestivalPage.objects.get(slug="zhanarym-menin-zhuregim", locale__language_code=code)


def edition(code, year) -> FestivalEditionPage:
    return FestivalEditionPage.objects.get(slug=str(year), locale__language_code=code)


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_festival_page_lives_under_festivals_and_renders(client, soup, code):
    page = festival(code)
    assert page.url == f"/{code}/festivals/zhanarym-menin-zhuregim/"
    response = client.get(page.url)
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == code
    # Kazakh words are a span of their own (lang="kk"): compare the text as read.
    assert " ".join(html.select_one("main h1").get_text().split()) == page.title


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_editions_newest_first_with_the_open_one_first(client, soup, code):
    this_year = timezone.localdate().year
    html = soup(client.get(festival(code).url))
    links = [a["href"] for a in html.select("main .editions h3 a")]
    assert links == [edition(code, year).url for year in (this_year, 2012, 2011, 2010)]
    # The open edition is listed under its own heading, with the way to apply.
    current = html.select_one("section[aria-labelledby=current-title]")
    assert [a["href"] for a in current.select("h3 a")] == [edition(code, this_year).url]
    assert current.select_one("a.button")["href"] == edition(code, this_year).url + "register/"


@pytest.mark.django_db
def test_a_closed_edition_goes_back_to_the_archive_order():
    page = festival("en")
    current = edition("en", timezone.localdate().year)
    current.registration_closes = timezone.now() - timezone.timedelta(days=1)
    current.save()
    years = [e.year for e in page.editions()]
    assert years == sorted(years, reverse=True)


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_2011_edition_shows_dedications_nominations_and_results(client, soup, code):
    page = edition(code, 2011)
    response = client.get(page.url)
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == code
    dedications = [li.get_text(strip=True) for li in html.select("ul.dedications li")]
    assert dedications == [block.value for block in page.dedications]
    assert len(dedications) == 3
    nominations = list(CompetitionPage.objects.child_of(page).order_by("path"))
    assert len(nominations) == 4
    items = html.select("ul.nominations li")
    assert [li.select("a")[0]["href"] for li in items] == [n.url for n in nominations]
    assert [li.select("a")[1]["href"] for li in items] == [n.url + "results/" for n in nominations]
    # Its gallery photo carries its alt text.
    photo = html.select_one("ul.gallery img")
    assert photo["alt"] == page.gallery[0].value["alt_text"]
    assert photo["alt"]


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_the_results_linked_from_the_archive_are_public(client, soup, code):
    nomination = CompetitionPage.objects.get(slug="makatayev-poems", locale__language_code=code)
    response = client.get(nomination.url + "results/")
    assert response.status_code == 200
    html = soup(response)
    places = [row.select("td, th")[0].get_text(strip=True) for row in html.select("tbody tr")]
    # Two readers share the first place, and the table says so.
    assert places[0] == places[1]
    assert places[0].startswith("1 (")
    assert not places[2].startswith("1")


@pytest.mark.django_db
def test_the_current_edition_has_no_results_links(client, soup):
    page = edition("kk", timezone.localdate().year)
    html = soup(client.get(page.url))
    items = html.select("ul.nominations li")
    assert len(items) == 3
    assert all(len(li.select("a")) == 1 for li in items)


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_festival_index(client, soup, code):
    response = client.get(f"/{code}/festivals/")
    assert response.status_code == 200
    html = soup(response)
    assert [a["href"] for a in html.select("main h2 a")] == [festival(code).url]


def menu_links(html) -> dict[str, dict]:
    menu = html.find("nav", class_="main-menu")
    return {a.get_text(strip=True): a for a in menu.find_all("a")}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "label"), [("kk", "Фестивальдер"), ("ru", "Фестивали"), ("en", "Festivals")]
)
def test_the_main_menu_leads_to_the_festivals_in_each_language(client, soup, code, label):
    home = soup(client.get(f"/{code}/"))
    link = menu_links(home)[label]
    assert link["href"] == f"/{code}/festivals/"
    assert not link.has_attr("aria-current")
    # On the list itself the item is the current page; below it, its section.
    listing = menu_links(soup(client.get(f"/{code}/festivals/")))[label]
    assert listing["aria-current"] == "page"
    below = menu_links(soup(client.get(festival(code).url)))[label]
    assert below["class"] == ["is-ancestor"]
    assert not below.has_attr("aria-current")


@pytest.mark.django_db
def test_a_new_festival_list_is_in_the_menu_unless_the_editor_unticks_it():
    assert FestivalIndexPage(title="Festivals").show_in_menus is True
