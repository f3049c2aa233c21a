"""The public results in three languages, from the seeded demo competitions,
and the competition page's link to them."""

import io

import pytest
from django.core.management import call_command

from branches.models import Branch
from competitions.models import CompetitionPage
from people.models import Person

from .conftest import in_language

pytestmark = pytest.mark.django_db


def rows(table):
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        for row in table.tbody.find_all("tr")
    ]


@pytest.mark.parametrize(
    ("code", "captions", "unit"),
    [
        ("kk", ["I топ", "II топ"], "ұпай"),
        ("ru", ["I группа", "II группа"], "очков"),
        ("en", ["Group I", "Group II"], "points"),
    ],
)
def test_chess_results_in_every_language(client, soup, code, captions, unit):
    shared = in_language(code, "(shared)")
    no_place = in_language(code, "no place")
    dns = in_language(code, "did not start")
    response = client.get(f"/{code}/events/chess-tournament/results/")
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == code
    tables = html.select("table.results-table")
    assert [t.caption.get_text(strip=True) for t in tables] == captions
    first = rows(tables[0])
    assert [(r[0], r[1], r[-1]) for r in first] == [
        ("1", "Бауыржан Сейітқали", f"5.5 {unit}"),
        (f"2 {shared}", "Виталий Цой", f"5 {unit}"),
        (f"2 {shared}", "Ермек Тұрсынбаев", f"5 {unit}"),
        (f"{no_place} —", "Айдос Қалиев", dns),
    ]
    # The branch is named in the page's language.
    branch = Person.objects.get(full_name="Виталий Цой").branch
    assert (
        first[1][2]
        == Branch.objects.get(
            translation_key=branch.translation_key, locale__language_code=code
        ).name
    )


def test_results_of_an_open_contest_are_not_found_in_any_language(client):
    for code in ("kk", "ru", "en"):
        assert client.get(f"/{code}/events/expressive-reading/results/").status_code == 404


def test_the_competition_page_links_to_published_results_only(client, soup):
    chess = soup(client.get("/en/events/chess-tournament/"))
    assert chess.find("a", string="Results")["href"] == "/en/events/chess-tournament/results/"
    reading = soup(client.get("/en/events/expressive-reading/"))
    assert reading.find("a", string="Results") is None
    assert "The results will be published here when the jury has finished." in reading.get_text()


def test_seeding_again_changes_no_result():
    before = {p.pk: (p.judging_state, p.entries.count()) for p in CompetitionPage.objects.all()}
    call_command("seed_demo", verbosity=0, stdout=io.StringIO())
    after = {p.pk: (p.judging_state, p.entries.count()) for p in CompetitionPage.objects.all()}
    assert after == before


@pytest.mark.parametrize("code", ["kk", "ru", "en"])
def test_grand_prix_and_special_prize_in_the_winners_summary(client, soup, code):
    html = soup(client.get(f"/{code}/events/dombra-contest/results/"))
    grand_prix, special = [
        # Kazakh names are spans of their own (lang="kk"): text as read.
        " ".join(li.get_text().split())
        for li in html.select("ul.winners--awards li")
    ]
    assert grand_prix.startswith(in_language(code, "Grand Prix: %(name)s", name="Мадина Әбенова"))
    assert special.startswith(in_language(code, "Special prize") + " «")
    assert "Дмитрий Волков" in special
    # The jury wrote the prize in Kazakh: marked as such on the other pages.
    prize = html.select("ul.winners--awards li")[1].find("span")
    assert prize.get_text() == "Дина Нұрпейісова күйін шебер орындағаны үшін"
    assert prize.get("lang") == (None if code == "kk" else "kk")


def in_brief(html) -> list[str]:
    section = html.select_one("section[aria-labelledby=in-brief-title]")
    return [" ".join(p.get_text().split()) for p in section.select(".announcement p")]


def test_the_winners_in_plain_sentences_for_an_announcement(client, soup):
    html = soup(client.get("/en/events/dombra-contest/results/"))
    assert html.find("h2", id="in-brief-title").get_text(strip=True) == "The winners in brief"
    assert in_brief(html) == [
        "Grand Prix: Мадина Әбенова (Regional special library for blind and low-vision people).",
        "Special prize «Дина Нұрпейісова күйін шебер орындағаны үшін»: "
        "Дмитрий Волков (Kentau branch).",
        "Open category. Place I: Мадина Әбенова (Regional special library for blind and "
        "low-vision people). Place II: Ержан Сапарбаев (Sayram branch), "
        "Алия Нұрланқызы (Tolebi branch).",
    ]
    # The jury's words stay marked as Kazakh inside the English sentences.
    prize = html.select_one("section[aria-labelledby=in-brief-title] span[lang]")
    assert prize["lang"] == "kk"


@pytest.mark.parametrize("code", ["kk", "ru", "en"])
def test_the_sentences_name_everyone_who_shares_a_place(client, soup, code):
    html = soup(client.get(f"/{code}/events/chess-tournament/results/"))
    tables = html.select("table.results-table")
    first_group = in_brief(html)[0]
    shared = [
        f"{row[1]} ({row[2]})" for row in rows(tables[0]) if row[0].startswith("2")
    ]  # two players share the second place
    assert len(shared) == 2
    expected_start = tables[0].caption.get_text(strip=True) + ". "
    assert first_group.startswith(expected_start)
    second = in_language(code, "Place %(prize)s: %(name)s", prize="II", name=", ".join(shared))
    assert first_group.endswith(second + ".")
