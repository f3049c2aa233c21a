"""A `Document` spoken: an MP3 with one chapter per section.

Each section (`Document.sections()`) is spoken by the configured speech
engine (`formats.speech`), the sections in parallel, with a short pause
between them; the whole is encoded in-process with LAME (`lameenc`, mono,
48 kbit/s: speech stays clear and an hour is about 21 MB) and tagged with
ID3v2.3 (`mutagen`): title, language, album, artist, length, and the
chapters as CHAP frames under one CTOC, which podcast and DAISY-style players
show as a table of contents. Tables are spoken row by row, each cell after
its column's header.
"""

import io
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import lameenc
from anyascii import anyascii
from django.conf import settings
from mutagen.id3 import CHAP, CTOC, ID3, TALB, TIT2, TLAN, TLEN, TPE1, CTOCFlags

from formats import speech as speech_engines
from formats import tools
from formats.document import Block, Document, ListBlock, Paragraph, Table

BIT_RATE = 48  # kbit/s
PAUSE = 0.8  # seconds of silence between sections
ISO_639_2 = {"kk": "kaz", "ru": "rus", "en": "eng"}
SENTENCE_ENDS = (".", "!", "?", "…", ":", ";")
NO_OFFSET = 0xFFFFFFFF  # a CHAP frame's byte offsets: not given, use the times

# Dates as people say them: a voice reads "12.05.2026" as numbers and points.
DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
MONTHS = {
    "kk": "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "en": "January February March April May June July August September October November December",
}
DATE_WORDS = {
    "kk": "{year} жылғы {day} {month}",
    "ru": "{day} {month} {year} года",
    "en": "{day} {month} {year}",
}
# The Russian voice spells out letters it does not know, and Kazakh names are
# common in Russian texts: it gets the nearest Russian letters. The English
# voice spells out Cyrillic: it gets a transliteration.
KAZAKH_FOR_RUSSIAN = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
# "10:00" is "ten zero zero" in English: "ten o'clock" is what is said.
FULL_HOUR = re.compile(r"\b(\d{1,2}):00\b")


@dataclass(frozen=True)
class Chapter:
    title: str
    start_ms: int
    end_ms: int


@dataclass(frozen=True)
class AudioFile:
    data: bytes
    duration: float  # seconds
    chapters: list[Chapter] = field(default_factory=list)
    mime: str = "audio/mpeg"
    extension: str = "mp3"


def to_mp3(document: Document, *, album: str = "", artist: str = "") -> AudioFile:
    """The document read aloud in its language, as a tagged MP3 with one
    chapter per section. ToolMissing when the speech engine cannot run."""
    engine = speech_engines.engine()
    if isinstance(engine, speech_engines.EspeakNg):
        tools.require("audio")
    if document.language not in ISO_639_2:
        raise ValueError(f"No voice for the language {document.language!r}.")
    # A document of a title alone is one chapter: its title.
    sections = document.sections() or [(document.title, ())]
    texts = [spoken_section(title, blocks) for title, blocks in sections]
    if texts and sections[0][0] != document.title:
        texts[0] = f"{sentence(document.title)}\n{texts[0]}"
    with ThreadPoolExecutor(max_workers=2) as pool:
        spoken = list(
            pool.map(
                lambda text: engine.synthesize(
                    speakable(text, document.language), document.language
                ),
                texts,
            )
        )

    sample_rate = spoken[0].sample_rate if spoken else 22050
    pause = speech_engines.Speech.silence(PAUSE, sample_rate)
    pcm = bytearray()
    chapters = []
    for number, ((title, _blocks), part) in enumerate(zip(sections, spoken, strict=True)):
        if part.sample_rate != sample_rate:
            raise ValueError("The speech engine changed its sample rate between sections.")
        if number:
            pcm += pause.samples
        start = _milliseconds(len(pcm), sample_rate)
        pcm += part.samples
        chapters.append(Chapter(title, start, _milliseconds(len(pcm), sample_rate)))

    duration = len(pcm) / 2 / sample_rate
    mp3 = _encode(bytes(pcm), sample_rate)
    tags = _tags(
        document,
        chapters,
        duration,
        album=album or document.title,
        artist=artist or getattr(settings, "WAGTAIL_SITE_NAME", ""),
    )
    return AudioFile(data=tags + mp3, duration=duration, chapters=chapters)


def spoken_section(title: str, blocks: tuple[Block, ...]) -> str:
    """What is said for one section: its title, then each block, each as
    sentences, so the voice pauses where a reader would."""
    lines = [sentence(title)]
    for block in blocks:
        if isinstance(block, Paragraph):
            lines.append(sentence(block.text))
        elif isinstance(block, ListBlock):
            lines.extend(sentence(item) for item in block.items)
        elif isinstance(block, Table):
            if block.caption:
                lines.append(sentence(block.caption))
            for row in block.rows:
                cells = [
                    f"{header}: {cell}" if header else cell
                    for header, cell in zip(block.headers, row, strict=False)
                    if cell.strip()
                ]
                lines.append(sentence(", ".join(cells)))
    return "\n".join(line for line in lines if line)


def sentence(text: str) -> str:
    text = " ".join(text.split())
    if text and not text.endswith(SENTENCE_ENDS):
        text += "."
    return text


def speakable(text: str, language: str) -> str:
    """The text as the voice should say it: dates in words (and full hours in
    English), letters the voice does not know replaced by ones it does."""
    months = MONTHS.get(language, MONTHS["en"]).split()

    def date(match: re.Match) -> str:
        day, month, year = (int(part) for part in match.groups())
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return match.group(0)
        words = DATE_WORDS.get(language, DATE_WORDS["en"])
        return words.format(day=day, month=months[month - 1], year=year)

    text = DATE.sub(date, text)
    if language == "ru":
        text = text.translate(KAZAKH_FOR_RUSSIAN)
    if language == "en":
        text = FULL_HOUR.sub(r"\1 o'clock", text)
        text = "".join(
            anyascii(character) if ord(character) > 0x24F and character.isalpha() else character
            for character in text
        )
    return text


def _milliseconds(byte_count: int, sample_rate: int) -> int:
    return round(byte_count / 2 / sample_rate * 1000)


def _encode(pcm: bytes, sample_rate: int) -> bytes:
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(BIT_RATE)
    encoder.set_in_sample_rate(sample_rate)
    encoder.set_channels(1)
    encoder.set_quality(5)  # 2 is best, 7 fastest; 5 is LAME's default speed
    return bytes(encoder.encode(pcm) + encoder.flush())


def _tags(
    document: Document, chapters: list[Chapter], duration: float, *, album: str, artist: str
) -> bytes:
    """The ID3v2.3 tag that goes before the MP3 frames."""
    tags = ID3()
    tags.add(TIT2(encoding=3, text=[document.title]))
    tags.add(TLAN(encoding=3, text=[ISO_639_2.get(document.language, document.language)]))
    tags.add(TALB(encoding=3, text=[album]))
    if artist:
        tags.add(TPE1(encoding=3, text=[str(artist)]))
    tags.add(TLEN(encoding=3, text=[str(round(duration * 1000))]))
    ids = [f"chp{number}" for number in range(len(chapters))]
    tags.add(
        CTOC(
            element_id="toc",
            flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
            child_element_ids=ids,
            sub_frames=[TIT2(encoding=3, text=[document.title])],
        )
    )
    for element_id, chapter in zip(ids, chapters, strict=True):
        tags.add(
            CHAP(
                element_id=element_id,
                start_time=chapter.start_ms,
                end_time=chapter.end_ms,
                start_offset=NO_OFFSET,
                end_offset=NO_OFFSET,
                sub_frames=[TIT2(encoding=3, text=[chapter.title])],
            )
        )
    buffer = io.BytesIO()
    tags.save(buffer, v2_version=3, padding=lambda info: 0)
    return buffer.getvalue()
