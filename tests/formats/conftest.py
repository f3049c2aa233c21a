"""Programme-like documents in the three languages, with the demo's titles."""

import pytest

from formats import tools
from formats.document import Document, Heading, ListBlock, Paragraph, Table

PROGRAMMES = {
    "kk": Document(
        title="«Жанарым менің жүрегім» облыстық фестивалі",
        language="kk",
        blocks=(
            Paragraph(
                "Фестиваль I–II топтағы мүгедектігі бар зағип және әлсіз көретін азаматтардың "
                "шығармашылығын қолдауға арналған. Өтетін күні: 12.05.2026."
            ),
            Heading("Бағдарлама"),
            Table(
                caption="Брайль қарпімен мәнерлеп оқу байқауы",
                headers=("Уақыты", "Тақырып", "Орындаушы"),
                rows=(
                    ("10:00–11:30", "Байқаудың ашылуы", "Әйгерім Сапарова"),
                    ("11:30", "Қатысушылардың оқуы", "Ерлан Нұрғалиев"),
                    ("12:15", "Шай үзілісі", ""),
                    ("13:00", "Қазылар алқасының шешімі және марапаттау", "Гауһар Әбдірахманова"),
                ),
            ),
            Heading("Номинациялар"),
            ListBlock(items=("Көркемсөз оқу", "Ән орындау", "Домбырада күй орындау")),
        ),
    ),
    "ru": Document(
        title="Областной фестиваль «Жанарым менің жүрегім»",
        language="ru",
        blocks=(
            Paragraph(
                "Фестиваль поддерживает творчество незрячих и слабовидящих людей с инвалидностью "
                "I–II группы. Дата проведения: 12.05.2026."
            ),
            Heading("Программа"),
            Table(
                caption="Конкурс выразительного чтения по Брайлю",
                headers=("Время", "Пункт", "Ведущий"),
                rows=(
                    ("10:00–11:30", "Открытие конкурса", "Айгерим Сапарова"),
                    ("11:30", "Выступления участников", "Ерлан Нургалиев"),
                    ("12:15", "Чайный перерыв", ""),
                    ("13:00", "Решение жюри и награждение", "Гульнар Абдрахманова"),
                ),
            ),
            Heading("Номинации"),
            ListBlock(items=("Художественное чтение", "Вокал", "Исполнение кюев на домбре")),
        ),
    ),
    "en": Document(
        title="The regional festival “Zhanarym menin zhuregim”",
        language="en",
        blocks=(
            Paragraph(
                "The festival supports the creative work of blind and low-vision people with "
                "disability groups I–II. Date: 12.05.2026."
            ),
            Heading("Programme"),
            Table(
                caption="Braille reading contest",
                headers=("Time", "Item", "Host"),
                rows=(
                    ("10:00–11:30", "Opening of the contest", "Aigerim Saparova"),
                    ("11:30", "Contestants read", "Yerlan Nurgaliyev"),
                    ("12:15", "Tea break", ""),
                    ("13:00", "Jury's decision and awards", "Gulnar Abdrakhmanova"),
                ),
            ),
            Heading("Festival categories"),
            ListBlock(items=("Recitation", "Singing", "Playing kuis on the dombra")),
        ),
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
