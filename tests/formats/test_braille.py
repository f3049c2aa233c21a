"""Braille: the BRF an embosser prints and the Unicode braille a display
shows, read back with liblouis."""

import re

import pytest

from formats import braille
from formats.document import Document, Heading, ListBlock, Paragraph, Table
from tests.formats.conftest import PROGRAMMES

pytestmark = pytest.mark.system_package("liblouis-bin", "liblouis-data")

# What each programme must read back as: its title, its date, and its table
# row by row, every cell after its column's header.
EXPECTED = {
    "kk": (
        "«жанарым менің жүрегім» облыстық фестивалі",
        "12.05.2026",
        [
            "уақыты: 10:00-11:30",
            "тақырып: байқаудың ашылуы",
            "орындаушы: әйгерім сапарова",
            "уақыты: 11:30",
            "тақырып: қатысушылардың оқуы",
            "уақыты: 12:15",
            "тақырып: шай үзілісі",
            "уақыты: 13:00",
            "орындаушы: гауһар әбдірахманова",
        ],
    ),
    "ru": (
        "областной фестиваль «жанарым менің жүрегім»",
        "12.05.2026",
        [
            "время: 10:00-11:30",
            "пункт: открытие конкурса",
            "ведущий: айгерим сапарова",
            "время: 11:30",
            "пункт: выступления участников",
            "время: 12:15",
            "пункт: чайный перерыв",
            "время: 13:00",
            "ведущий: гульнар абдрахманова",
        ],
    ),
    "en": (
        'the regional festival "zhanarym menin zhuregim"',  # braille has one kind of quotes
        "12.05.2026",
        [
            "time: 10:00—11:30",
            "item: opening of the contest",
            "host: aigerim saparova",
            "time: 11:30",
            "item: contestants read",
            "time: 12:15",
            "item: tea break",
            "time: 13:00",
            "host: gulnar abdrakhmanova",
        ],
    ),
}


def words(text: str) -> str:
    return " ".join(text.split()).lower()


def in_order(text: str, parts: list[str]) -> bool:
    position = 0
    for part in parts:
        position = text.find(part, position)
        if position < 0:
            return False
        position += len(part)
    return True


def long_programme(language: str) -> Document:
    """A programme of twelve items with long names, over several pages."""
    source = PROGRAMMES[language]
    table = next(block for block in source.blocks if isinstance(block, Table))
    rows = tuple(
        (f"{10 + number // 2}:{30 * (number % 2):02d}", f"{row[1]} {row[1]} {number + 1}", row[2])
        for number, row in enumerate(table.rows * 3)
    )
    return Document(
        title=source.title,
        language=language,
        blocks=(
            *source.blocks,
            Heading(f"{source.title} 2026"),
            Paragraph(" ".join([source.blocks[0].text] * 4)),
            Heading(table.caption),
            Table(headers=table.headers, rows=rows, caption=table.caption),
            Heading(source.title, level=3),
            ListBlock(items=tuple(f"{row[1]} — {row[0]}" for row in rows)),
        ),
    )


def brf_pages(brf: bytes) -> list[list[str]]:
    pages = brf.decode("ascii").split("\f")
    assert all(page.endswith("\r\n") for page in pages)
    return [page[: -len("\r\n")].split("\r\n") for page in pages]


@pytest.mark.parametrize(("width", "lines"), [(40, 25), (32, 20)])
def test_the_brf_reads_back_as_the_programme(programme, width, lines):
    title, date, rows = EXPECTED[programme.language]

    text = words(
        braille.back_translate(
            braille.to_brf(programme, width=width, lines=lines), programme.language
        )
    )

    assert text.startswith(title)
    assert date in text
    assert in_order(text, rows)


def test_the_unicode_braille_reads_back_as_the_programme(programme):
    title, date, rows = EXPECTED[programme.language]

    text = words(braille.back_translate(braille.to_unicode(programme), programme.language))

    assert text.startswith(title)
    assert date in text
    assert in_order(text, rows)


def test_kazakh_letters_survive_the_round_trip():
    text = braille.back_translate(braille.to_unicode(PROGRAMMES["kk"]), "kk")

    assert set("әғқңөұүһі") <= set(text)
    assert "\\" not in text  # liblouis's mark of a cell it could not read


@pytest.mark.parametrize("language", sorted(PROGRAMMES))
@pytest.mark.parametrize(("width", "lines"), [(40, 25), (32, 20)])
def test_brf_pages_keep_the_width_the_length_and_their_numbers(language, width, lines):
    brf = braille.to_brf(long_programme(language), width=width, lines=lines)

    assert set(brf.decode("ascii")) <= set(braille.BRAILLE_ASCII) | {"\r", "\n", "\f"}
    assert brf.count(b"\n") == brf.count(b"\r\n")
    pages = brf_pages(brf)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert len(page) == lines
        assert max(len(line) for line in page) <= width
        label = "#" + "".join("JABCDEFGHI"[int(digit)] for digit in str(number))
        assert page[-1] == label.rjust(width)


@pytest.mark.parametrize("language", sorted(PROGRAMMES))
def test_a_heading_is_never_the_last_line_of_a_page(language):
    document = long_programme(language)
    headings = {
        braille._ascii(cells)
        for cells in braille.translate(
            [block.text for block in document.blocks if isinstance(block, Heading)], language
        )
    }

    for page in brf_pages(braille.to_brf(document, width=32, lines=20)):
        text_lines = [line.strip() for line in page[:-1] if line.strip()]
        assert text_lines[-1] not in headings


@pytest.mark.parametrize("width", [40, 32])
def test_unicode_braille_lines_keep_the_width(programme, width):
    text = braille.to_unicode(long_programme(programme.language), width=width)

    lines = text.split("\n")
    assert all(re.fullmatch("[\u2800-\u283f]*", line) for line in lines)
    assert max(len(line) for line in lines) <= width
    assert "\f" not in text


def test_unicode_braille_lays_out_title_blocks_and_list_items():
    document = Document(
        title="Programme",
        language="en",
        blocks=(
            Paragraph("The festival supports the creative work of blind readers."),
            ListBlock(
                items=("Recitation of poems by Mukagali Makatayev and Zhambyl Zhabayev", "Singing")
            ),
        ),
    )

    lines = braille.to_unicode(document, width=32).rstrip("\n").split("\n")

    blank = "\u2800"
    title = "\u2820\u280f\u2817\u2815\u281b\u2817\u2801\u280d\u280d\u2811"  # ,programme
    assert lines[0] == blank * ((32 - len(title)) // 2) + title
    assert lines[1] == ""
    assert lines[2].startswith(blank * 2) and not lines[3].startswith(blank)  # a paragraph
    assert lines[4] == ""
    item_lines = lines[5:]
    assert not item_lines[0].startswith(blank)
    assert item_lines[1].startswith(blank * 2)  # the item runs over, indented
    assert not item_lines[-1].startswith(blank)  # the next item starts at the margin
    back = [words(braille.back_translate(line, "en")) for line in item_lines]
    assert back[-1] == "singing"
    assert words(" ".join(back[:-1])).startswith("recitation of poems by mukagali")


def test_a_word_longer_than_a_line_is_cut_only_where_it_must_be():
    document = Document(title="Ә" * 50, language="kk", blocks=(Paragraph("көз " * 20),))

    lines = braille.to_unicode(document, width=20).split("\n")

    assert max(len(line) for line in lines) <= 20
    title_lines = [line.strip("\u2800") for line in lines[:3]]
    assert title_lines == ["\u281c" * 18, "\u281c" * 18, "\u281c" * 14]  # ә is dots 345
    paragraph_words = {word for line in lines[4:] for word in line.split("\u2800") if word}
    assert paragraph_words == {"\u2805\u2823\u2835"}  # көз, never cut


def test_a_word_longer_than_a_line_runs_on_without_a_gap():
    document = Document(title="Көз", language="kk", blocks=(Paragraph("ә" * 45),))

    lines = braille.to_unicode(document, width=20).rstrip("\n").split("\n")

    assert lines[2:] == ["\u2800\u2800" + "\u281c" * 18, "\u281c" * 20, "\u281c" * 7]


@pytest.mark.parametrize(
    ("language", "text", "back"),
    [
        (
            "kk",
            "Тіркелу: 10:00–11:30; сұрақ бар ма? Иә! «Әнші», 1-орын, 25 %, 3,5 балл.",
            "тіркелу: 10:00-11:30; сұрақ бар ма? иә! «әнші», 1-орын, 25%, 3,5 балл.",
        ),
        (
            "ru",
            "Регистрация: 10:00–11:30; есть вопросы? Да! «Певец», 1-е место, 25 %, 3,5 балла.",
            "регистрация: 10:00-11:30;есть вопросы? да! «певец», 1-е место, 25%, 3,5 балла.",
        ),
        (
            "en",
            "Registration: 10:00–11:30; any questions? Yes! “Singer”, 1st place, 25%, 3.5 points.",
            'Registration: 10:00—11:30; any questions? Yes! "Singer", 1st place, 25%, 3.5 points.',
        ),
    ],
)
def test_digits_capitals_and_punctuation_come_back(language, text, back):
    """Capitals only in English: Kazakh and Russian braille do not mark them.
    (Russian back-translation drops the space after a semicolon.)"""
    (cells,) = braille.translate([text], language)

    assert braille.back_translate(cells, language) == back
