"""Programme-like documents in the three languages, with the demo's titles."""

import pytest

from formats import tools
from formats.document import Document, Heading, ListBlock, Paragraph, Table


def _programme(language, title, intro, heading, caption, headers, rows, list_heading, items):
    return Document(
        title=title,
        language=language,
        blocks=(
            Paragraph(intro),
            Heading(heading),
            Table(caption=caption, headers=headers, rows=rows),
            Heading(list_heading),
            ListBlock(items=items),
        ),
    )


PROGRAMMES = {
    "kk": _programme(
        "kk",
        "«Жанарым менің жүрегім» облыстық фестивалі",
        "Фестиваль I–II топтағы мүгедектігі бар зағип және әлсіз көретін азаматтардың "
        "шығармашылығын қолдауға арналған. Өтетін күні: 12.05.2026.",
        "Бағдарлама",
        "Брайль қарпімен мәнерлеп оқу байқауы",
        ("Уақыты", "Тақырып", "Орындаушы"),
        (
            ("10:00–11:30", "Байқаудың ашылуы", "Әйгерім Сапарова"),
            ("11:30", "Қатысушылардың оқуы", "Ерлан Нұрғалиев"),
            ("12:15", "Шай үзілісі", ""),
            ("13:00", "Қазылар алқасының шешімі және марапаттау", "Гауһар Әбдірахманова"),
        ),
        "Номинациялар",
        ("Көркемсөз оқу", "Ән орындау", "Домбырада күй орындау"),
    ),
    "ru": _programme(
        "ru",
        "Областной фестиваль «Жанарым менің жүрегім»",
        "Фестиваль поддерживает творчество незрячих и слабовидящих людей с инвалидностью "
        "I–II группы. Дата проведения: 12.05.2026.",
        "Программа",
        "Конкурс выразительного чтения по Брайлю",
        ("Время", "Пункт", "Ведущий"),
        (
            ("10:00–11:30", "Открытие конкурса", "Айгерим Сапарова"),
            ("11:30", "Выступления участников", "Ерлан Нургалиев"),
            ("12:15", "Чайный перерыв", ""),
            ("13:00", "Решение жюри и награждение", "Гульнар Абдрахманова"),
        ),
        "Номинации",
        ("Художественное чтение", "Вокал", "Исполнение кюев на домбре"),
    ),
    "en": _programme(
        "en",
        "The regional festival “Zhanarym menin zhuregim”",
        "The festival supports the creative work of blind and low-vision people with "
        "disability groups I–II. Date: 12.05.2026.",
        "Programme",
        "Braille reading contest",
        ("Time", "Item", "Host"),
        (
            ("10:00–11:30", "Opening of the contest", "Aigerim Saparova"),
            ("11:30", "Contestants read", "Yerlan Nurgaliyev"),
            ("12:15", "Tea break", ""),
            ("13:00", "Jury's decision and awards", "Gulnar Abdrakhmanova"),
        ),
        "Festival categories",
        ("Recitation", "Singing", "Playing kuis on the dombra"),
    ),
}


@pytest.fixture(params=sorted(PROGRAMMES))
def programme(request) -> Document:
    return PROGRAMMES[request.param]


@pytest.fixture
def no_tools(monkeypatch, tmp_path):
    """A machine without liblouis and espeak-ng: nothing on PATH."""
    monkeypatch.setenv("PATH", str(tmp_path))
    tools.forget()
    yield
    monkeypatch.undo()
    tools.forget()
