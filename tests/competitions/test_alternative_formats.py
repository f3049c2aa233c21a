"""The published results in braille and as audio: what the Document says
(the demo's chess tournament and a festival's nomination, in kk, ru and en),
made in the background when the chair publishes, offered on the results
page with format, size and duration, stale and made again when a winner
withdraws."""

import pytest
from anyascii import anyascii
from django.utils import translation

from competitions import alternative_formats
from competitions.models import CompetitionPage, Entry
from competitions.services import entry_withdraw, judging_close, results_publish
from core import dates
from festivals.models import FestivalEditionPage
from formats.document import Heading, ListBlock, Paragraph, Table
from tests.formats import source_checks as check

from .conftest import in_language
from .test_judging import jury, score_all

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.system_package("liblouis-bin", "liblouis-data", "espeak-ng"),
]

SOURCE = alternative_formats.SOURCE_KEY
LABELS = {
    "brf": "Results in braille",
    "braille-text": "Results in Unicode braille for braille displays",
    "mp3": "Results as audio",
}
CHESS = {
    "kk": (["I топ", "II топ"], "ұпай"),
    "ru": (["I группа", "II группа"], "очков"),
    "en": (["Group I", "Group II"], "points"),
}


@pytest.fixture
def on_publish(settings):
    settings.FORMATS_ON_PUBLISH = True
    settings.PAGE_CACHE_SECONDS = 0


def demo(slug, code) -> CompetitionPage:
    """A demo competition of the events index (festivals have nominations of the same slug)."""
    return CompetitionPage.objects.get(
        url_path__endswith=f"/events/{slug}/", locale__language_code=code
    )


def chess(code) -> CompetitionPage:
    return demo("chess-tournament", code)


def said(name: str, code: str) -> str:
    """A name as the braille of `code` says it back: English braille spells
    Cyrillic in Latin letters."""
    return check.words(anyascii(name) if code == "en" else name)


def place_row(code: str, place: str, name: str) -> str:
    """The start of a table's row as braille reads it: each cell with its header."""
    return check.words(
        f"{in_language(code, 'Place')}: {place} {in_language(code, 'Name')}: {said(name, code)}"
    )


def tables(document) -> list[Table]:
    return [block for block in document.blocks if isinstance(block, Table)]


@pytest.mark.parametrize("code", ["kk", "ru", "en"])
def test_the_document_says_the_places_of_each_category(code):
    page = chess(code)
    captions, unit = CHESS[code]
    document = alternative_formats.results_document(page)
    assert document.language == code
    assert document.title == in_language(code, "Results: %(title)s", title=page.title)
    found = tables(document)
    assert len(found) == 2
    # Each category has its heading, so a player and the braille find it.
    headings = [block.text for block in document.blocks if isinstance(block, Heading)]
    assert headings[-2:] == captions
    assert document.blocks[document.blocks.index(Heading(captions[0])) + 1] == found[0]
    # As the page shows them: place, name, branch or district, result.
    assert found[0].headers == tuple(
        in_language(code, text) for text in ("Place", "Name", "Branch or district", "Result")
    )
    shared = in_language(code, "(shared)")
    assert [(row[0], row[1], row[3]) for row in found[0].rows] == [
        ("1", "Бауыржан Сейітқали", f"5.5 {unit}"),
        (f"2 {shared}", "Виталий Цой", f"5 {unit}"),
        (f"2 {shared}", "Ермек Тұрсынбаев", f"5 {unit}"),
        (in_language(code, "no place"), "Айдос Қалиев", in_language(code, "did not start")),
    ]
    with translation.override(code):
        when = f"{translation.gettext('When')}: {dates.format_date(page.start)}"
    assert Paragraph(when) in document.blocks


def test_a_festival_nomination_names_its_edition_and_the_work():
    nomination = next(
        page
        for page in CompetitionPage.objects.filter(locale__language_code="ru").live()
        if page.results_are_public and isinstance(page.get_parent().specific, FestivalEditionPage)
    )
    edition = nomination.get_parent().specific
    document = alternative_formats.results_document(nomination)
    assert Paragraph(edition.title) in document.blocks
    table = tables(document)[0]
    with translation.override("ru"):
        assert table.headers == tuple(
            translation.gettext(text)
            for text in ("Place", "Name", "Branch or district", "Work", "Score")
        )
    entry = Entry.objects.filter(competition=nomination.judged).for_results().first()
    assert any(row[1] == entry.participant_name and row[3] == entry.work for row in table.rows)
    awards = [block for block in document.blocks if isinstance(block, ListBlock)]
    assert all(item for block in awards for item in block.items)


def test_unpublished_results_have_no_versions():
    reading = demo("expressive-reading", "kk")
    assert alternative_formats._published_results(reading.pk) is None
    assert alternative_formats._published_results(chess("kk").pk) == chess("kk")


def test_publishing_the_results_makes_braille_and_audio_that_say_them(
    client, soup, make_competition, on_publish, django_capture_on_commit_callbacks
):
    page = make_competition(entries=2, judges=1, categories=("Ашық топ",))
    entries = score_all(page, [[(9, 9, 9)], [(5, 5, 5)]])
    winner, second = (entry.participant_name for entry in entries)
    chair = jury(page)[0]
    judging_close(competition=page, user=chair)
    assert check.rows_of(SOURCE, page.pk) == {}  # nothing before the results are public

    with django_capture_on_commit_callbacks(execute=True):
        results_publish(competition=page, user=chair)
    rows = check.rows_of(SOURCE, page.pk)
    assert set(rows) == check.KINDS
    assert {row.status for row in rows.values()} == {"ready"}

    brf, text = check.braille_says(client, rows, "kk")
    for braille in (brf, text):
        assert place_row("kk", "1", winner) in braille
        assert place_row("kk", "2", second) in braille
        assert "ашық топ" in braille
        assert "өлең 0" in braille
    status, data = check.served(client, rows["brf"])
    assert check.brf_fits(data)
    audio = check.audio_of(client, rows["mp3"])
    assert audio.info.length > 3
    assert str(audio.tags["TIT2"]) == in_language("kk", "Results: %(title)s", title=page.title)
    assert str(audio.tags["TLAN"]) == "kaz"

    # On the results page, in the page's words, with format, size and duration.
    html = soup(client.get(page.url + "results/"))
    links = check.page_links(html)
    for kind, row in rows.items():
        assert links[check.services.format_url(row)] == check.link_name("kk", LABELS[kind], row)


@pytest.mark.parametrize("code", ["kk", "ru", "en"])
def test_the_results_page_offers_them_in_every_language(client, soup, on_publish, code):
    page = chess(code)
    rows = check.make(SOURCE, page.pk)
    assert {row.language for row in rows.values()} == {code}
    html = soup(client.get(f"/{code}/events/chess-tournament/results/"))
    section = html.select_one("section.alternative-formats")
    assert section.h2.get_text(strip=True) == in_language(code, "In braille and audio")
    links = check.page_links(html)
    assert list(links.values()) == [
        check.link_name(code, LABELS[kind], rows[kind]) for kind in ("brf", "braille-text", "mp3")
    ]
    assert rows["mp3"].duration > 1
    brf, _text = check.braille_says(client, rows, code)
    assert place_row(code, "1", "Бауыржан Сейітқали") in brf
    assert said("Виталий Цой", code) in brf
    assert check.words(CHESS[code][0][0]) in brf


def test_a_withdrawn_winner_makes_the_files_stale_and_new_ones_leave_them_out(
    client, make_competition, on_publish, django_capture_on_commit_callbacks
):
    page = make_competition(entries=2, judges=1, categories=("Ашық топ",))
    entries = score_all(page, [[(9, 9, 9)], [(5, 5, 5)]])
    chair = jury(page)[0]
    judging_close(competition=page, user=chair)
    with django_capture_on_commit_callbacks(execute=True):
        results_publish(competition=page, user=chair)
    old = check.rows_of(SOURCE, page.pk)

    with django_capture_on_commit_callbacks(execute=False) as queued:
        entry_withdraw(entry=entries[0])
    # Before the worker has run: the old files no longer say the results.
    page = CompetitionPage.objects.get(pk=page.pk)
    assert check.services.formats_offered(SOURCE, page) == []
    for row in old.values():
        assert check.served(client, row)[0] == 404

    for callback in queued:
        callback()
    new = check.rows_of(SOURCE, page.pk)
    for kind, row in new.items():
        assert row.status == "ready"
        assert row.token != old[kind].token
    brf, _text = check.braille_says(client, new, "kk")
    assert check.words(entries[0].participant_name) not in brf
    assert place_row("kk", "1", entries[1].participant_name) in brf
