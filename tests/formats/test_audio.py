"""Audio: the programme read aloud, as an MP3 a phone or a DAISY-style
player plays, with its title, language and one chapter per section."""

import io
import shutil
import subprocess
import wave

import pytest
from mutagen.mp3 import MP3

from formats import audio, speech
from formats.document import Document, Heading, Paragraph
from tests.formats.conftest import PROGRAMMES

LANGUAGE_CODES = {"kk": "kaz", "ru": "rus", "en": "eng"}


@pytest.fixture(scope="module")
def spoken() -> dict[str, audio.AudioFile]:
    """Each programme's MP3, made once for the tests of this module."""
    return {}


def mp3_of(spoken, document: Document) -> audio.AudioFile:
    if document.language not in spoken:
        spoken[document.language] = audio.to_mp3(document)
    return spoken[document.language]


@pytest.mark.system_package("espeak-ng", "mpg123")
def test_the_audio_decodes_and_lasts_as_long_as_its_words_take(programme, spoken, tmp_path):
    made = mp3_of(spoken, programme)
    (tmp_path / "programme.mp3").write_bytes(made.data)

    subprocess.run(
        [
            shutil.which("mpg123"),
            "-q",
            "-w",
            str(tmp_path / "programme.wav"),
            str(tmp_path / "programme.mp3"),
        ],
        check=True,
        capture_output=True,
    )

    with wave.open(str(tmp_path / "programme.wav")) as decoded:
        seconds = decoded.getnframes() / decoded.getframerate()
    assert made.mime == "audio/mpeg"
    assert made.extension == "mp3"
    assert made.duration == pytest.approx(seconds, abs=0.2)
    word_count = programme.word_count()
    assert word_count / 15 < seconds < word_count  # > 1 s per 15 words, < 60 s per 60 words


@pytest.mark.system_package("espeak-ng")
def test_the_tags_name_the_title_and_language_and_a_chapter_per_section(programme, spoken):
    made = mp3_of(spoken, programme)

    tags = MP3(io.BytesIO(made.data)).tags

    assert tags["TIT2"].text == [programme.title]
    assert tags["TLAN"].text == [LANGUAGE_CODES[programme.language]]
    chapters = sorted(tags.getall("CHAP"), key=lambda frame: frame.start_time)
    titles = [title for title, _blocks in programme.sections()]
    assert [chapter.sub_frames["TIT2"].text[0] for chapter in chapters] == titles
    (toc,) = tags.getall("CTOC")
    assert toc.child_element_ids == [chapter.element_id for chapter in chapters]
    assert [(chapter.title, chapter.start_ms, chapter.end_ms) for chapter in made.chapters] == [
        (frame.sub_frames["TIT2"].text[0], frame.start_time, frame.end_time) for frame in chapters
    ]
    assert chapters[0].start_time == 0
    for before, after in zip(chapters, chapters[1:], strict=False):
        assert before.start_time < before.end_time < after.start_time
    assert chapters[-1].end_time == round(made.duration * 1000)


def test_a_table_is_spoken_row_by_row_with_its_headers():
    title, blocks = PROGRAMMES["kk"].sections()[1]

    said = audio.spoken_section(title, blocks).split("\n")

    assert said[:4] == [
        "Бағдарлама.",
        "Брайль қарпімен мәнерлеп оқу байқауы.",
        "Уақыты: 10:00–11:30, Тақырып: Байқаудың ашылуы, Орындаушы: Әйгерім Сапарова.",
        "Уақыты: 11:30, Тақырып: Қатысушылардың оқуы, Орындаушы: Ерлан Нұрғалиев.",
    ]
    assert said[4] == "Уақыты: 12:15, Тақырып: Шай үзілісі."


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("kk", "2026 жылғы 12 мамыр, 10:00–11:30"),
        ("ru", "12 мая 2026 года, 10:00–11:30"),
        ("en", "12 May 2026, 10 o'clock–11:30"),
    ],
)
def test_dates_and_hours_are_said_as_people_say_them(language, said):
    assert audio.speakable("12.05.2026, 10:00–11:30", language) == said
    assert audio.speakable("Room 31.13.2026", language) == "Room 31.13.2026"


def test_voices_are_not_given_letters_they_would_spell_out():
    title = "«Жанарым менің жүрегім»"

    assert audio.speakable(title, "kk") == title
    assert audio.speakable(title, "ru") == "«Жанарым менин журегим»"
    assert audio.speakable(title, "en") == "«Zhanarym mening zhuregim»"


class Beeper:
    """A stand-in speech engine: a tenth of a second of silence per word."""

    voices = {"kk": "beep", "ru": "beep", "en": "beep"}

    def synthesize(self, text: str, language: str) -> speech.Speech:
        return speech.Speech.silence(len(text.split()) / 10, 16000)


def test_another_speech_engine_is_chosen_by_the_setting(settings, no_tools):
    settings.FORMATS_SPEECH_ENGINE = "tests.formats.test_audio.Beeper"
    document = PROGRAMMES["en"]

    made = audio.to_mp3(document)

    sections = document.sections()
    first_words = len(audio.speakable(audio.spoken_section(*sections[0]), "en").split())
    assert made.chapters[0].end_ms == first_words * 100
    assert made.chapters[1].start_ms == first_words * 100 + 800  # the pause between sections
    assert len(made.chapters) == len(sections)
    assert MP3(io.BytesIO(made.data)).info.sample_rate == 16000


class Recorder(Beeper):
    """The stand-in engine that also keeps what it was given to say."""

    said: list[str] = []

    def synthesize(self, text: str, language: str) -> speech.Speech:
        self.said.append(text)
        return super().synthesize(text, language)


def test_the_title_is_spoken_first_when_a_heading_opens_the_document(settings, monkeypatch):
    settings.FORMATS_SPEECH_ENGINE = "tests.formats.test_audio.Recorder"
    monkeypatch.setattr(Recorder, "said", [])
    document = Document("Results", "en", (Heading("Winners"), Paragraph("Aigerim Saparova")))

    made = audio.to_mp3(document)

    assert Recorder.said == ["Results.\nWinners.\nAigerim Saparova."]
    assert [chapter.title for chapter in made.chapters] == ["Winners"]


def test_a_document_of_a_title_alone_is_one_chapter(settings):
    settings.FORMATS_SPEECH_ENGINE = "tests.formats.test_audio.Beeper"

    made = audio.to_mp3(Document("Results are coming", "kk"))

    assert made.chapters == [audio.Chapter("Results are coming", 0, 300)]


@pytest.mark.system_package("espeak-ng")
def test_the_speech_rate_is_an_option_of_the_engine(settings):
    text = "Жанарым менің жүрегім облыстық фестивалі басталды"
    settings.FORMATS_SPEECH_OPTIONS = {"words_per_minute": 120}
    slow = speech.engine().synthesize(text, "kk")
    settings.FORMATS_SPEECH_OPTIONS = {"words_per_minute": 240}
    fast = speech.engine().synthesize(text, "kk")

    assert fast.duration < slow.duration * 0.75
