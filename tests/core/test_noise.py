"""What a screen reader should not say: decorative generated content, a
table's name twice, a dash after "no place", doubled quotes and words, a
group inside a group, a parent page called the current one."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from festivals.models import FestivalEditionPage

pytestmark = pytest.mark.django_db

CSS = Path(settings.BASE_DIR) / "site" / "static" / "css" / "site.css"


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


def test_generated_content_that_shows_a_sign_is_silent():
    """Each ::before / ::after that draws a sign gives it an empty
    alternative (content: "✓" / ""), so "✓ Қазақша" is read "Қазақша"."""
    css = re.sub(r"/\*.*?\*/", "", CSS.read_text(), flags=re.S)
    loud = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        if "::before" not in selector and "::after" not in selector:
            continue
        values = re.findall(r"content:\s*([^;]+)", body)
        drawn = [v for v in values if re.match(r'\s*"[^"]+"', v)]
        if drawn and not any(re.search(r'/\s*""\s*$', v.strip()) for v in values):
            loud.append(" ".join(selector.split()))
    assert loud == []


@pytest.fixture
def chess_results(client, soup):
    return soup(client.get("/ru/events/chess-tournament/results/"))


def test_a_results_table_is_named_once_by_its_caption(chess_results):
    tables = chess_results.select("table.results-table")
    assert tables
    for table in tables:
        assert table.caption is not None
        assert table.find_parent(attrs={"role": "region"}) is None
        assert table.find_parent(attrs={"aria-label": True}) is None


def test_a_blank_place_is_read_as_no_place_without_the_dash(chess_results):
    blank = [
        cell
        for table in chess_results.select("table.results-table")
        for cell in table.tbody.select("tr > td:first-child")
        if "—" in cell.get_text()
    ]
    assert blank
    for cell in blank:
        dash = cell.find(string=re.compile("—"))
        assert dash.parent.get("aria-hidden") == "true"
        heard = [
            s
            for s in cell.find_all(string=True)
            if not s.find_parent(attrs={"aria-hidden": "true"})
        ]
        assert "".join(heard).strip() == "без места"


def edition_paths():
    return [
        page.url for page in FestivalEditionPage.objects.live().filter(locale__language_code="ru")
    ]


def test_the_link_to_all_editions_does_not_double_quotes_or_words(client, soup):
    paths = edition_paths()
    assert paths
    for path in paths:
        html = soup(client.get(path))
        link = next(
            a
            for a in html.select("main a")
            if "Все выпуски" in a.get_text() or "All editions" in a.get_text()
        )
        text = words(link)
        assert "««" not in text and "»»" not in text and "“«" not in text, text
        assert text.lower().count("фестивал") <= 1, text


def test_the_festival_application_form_has_no_group_inside_a_group(client, soup):
    forms = 0
    for edition in FestivalEditionPage.objects.live().filter(locale__language_code="ru"):
        response = client.get(edition.url + "register/")
        html = soup(response)
        if html.select_one("main form[method=post]") is None:
            continue
        forms += 1
        assert html.select("fieldset fieldset") == [], edition.url
        # Each part of the form still has its heading.
        assert len(html.select("main form h2")) >= 3
    assert forms >= 1


def current_items(html):
    return html.select("nav.breadcrumbs [aria-current]")


@pytest.mark.parametrize(
    ("path", "here"),
    [
        ("/ru/events/chess-tournament/results/", "Результаты"),
        ("/ru/events/?view=month", "Календарь на месяц"),
    ],
)
def test_only_the_view_being_read_is_the_current_breadcrumb(client, soup, path, here):
    html = soup(client.get(path))
    current = current_items(html)
    assert [(c.name, c.get("aria-current"), words(c)) for c in current] == [("span", "page", here)]
    # The page above is an ordinary link.
    last_link = html.select("nav.breadcrumbs a")[-1]
    assert last_link.get("aria-current") is None


def test_the_registration_form_is_the_current_breadcrumb_not_its_festival(client, soup):
    edition = FestivalEditionPage.objects.live().filter(locale__language_code="ru").last()
    html = soup(client.get(edition.url + "register/"))
    assert [words(c) for c in current_items(html)] == ["Регистрация"]
    assert html.select("nav.breadcrumbs a")[-1]["href"] == edition.url


def test_a_page_itself_is_the_current_breadcrumb(client, soup):
    html = soup(client.get("/ru/events/chess-tournament/"))
    current = current_items(html)
    assert len(current) == 1
    assert current[0].name == "a" and current[0]["href"] == "/ru/events/chess-tournament/"
