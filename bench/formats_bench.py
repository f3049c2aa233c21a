"""Measure braille and audio of a 12-item programme: the BRF, the Unicode
braille and the MP3 (formats.braille, formats.audio) against the plain text
of the same Document, in the same run, in Kazakh, Russian and English.
Prints the median of N runs in milliseconds, the ratio to the plain text, and
the audio's wall time against the target (ready within 30 s of publishing on
two cores); exits non-zero when the target is missed.

Needs liblouis-bin, liblouis-data and espeak-ng (`make bench` installs them);
no database.

    .venv/bin/python bench/formats_bench.py            # or: --runs 10
"""

import argparse
import os
import sys
import time

from demo_site import ROOT
from documents_bench import PROGRAMME, median_ms

AUDIO_TARGET_S = 30.0

# The programme's frame in each language (its items are Kazakh names and
# titles, transliterated for English).
INTRODUCTIONS = {
    "kk": "Кітапханашыларға арналған әдістемелік күн: өлеңдер, айтыстар, шеберханалар.",
    "ru": "Методический день для библиотекарей: стихи, айтысы, мастерские.",
    "en": "A methodology day for librarians: poems, aitys and workshops.",
}
TITLES = {
    "kk": (
        "«Жанарым менің жүрегім»: әдіскерлер күні",
        "Бағдарлама",
        "Уақыты",
        "Тақырып",
        "Орындаушы",
    ),
    "ru": ("«Жанарым менің жүрегім»: день методиста", "Программа", "Время", "Пункт", "Ведущий"),
    "en": ("“Zhanarym menin zhuregim”: Methodologists' Day", "Programme", "Time", "Item", "Host"),
}


def programme(language: str):
    from anyascii import anyascii

    from formats.document import Document, Heading, ListBlock, Paragraph, Table

    def words(text: str) -> str:
        return anyascii(text) if language == "en" else text

    title, heading, *headers = TITLES[language]
    rows = tuple(
        (f"{clock}–{clock[:3]}25", words(item), words(performer))
        for clock, item, performer in PROGRAMME
    )
    return Document(
        title=title,
        language=language,
        blocks=(
            Paragraph(f"{INTRODUCTIONS[language]} 12.05.2026."),
            Heading(heading),
            Table(headers=tuple(headers), rows=rows, caption=title),
            Heading(headers[1]),
            ListBlock(items=tuple(item for _clock, item, _performer in rows)),
        ),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()

    from formats import audio, braille, tools
    from formats.document import plain_text

    for kind in ("braille", "audio"):
        if not tools.available(kind):
            print(tools.missing_reason(kind), file=sys.stderr)
            return 1

    worst_audio = 0.0
    print(f"{len(PROGRAMME)} programme items, median of {args.runs} runs, {os.cpu_count()} cores")
    print(f"{'language':<9}{'format':<16}{'bytes':>9}{'ms':>10}{'× plain text':>14}")
    for language in ("kk", "ru", "en"):
        document = programme(language)
        plain = median_ms(lambda document=document: plain_text(document), args.runs)
        made = {
            "plain text": lambda document=document: plain_text(document).encode(),
            "BRF 40×25": lambda document=document: braille.to_brf(document),
            "Unicode braille": lambda document=document: braille.to_unicode(document).encode(),
            "MP3": lambda document=document: audio.to_mp3(document).data,
        }
        for label, make in made.items():
            size = len(make())
            ms = plain if label == "plain text" else median_ms(make, args.runs)
            print(f"{language:<9}{label:<16}{size:>9}{ms:>10.2f}{ms / plain:>14.0f}")
        started = time.perf_counter()
        spoken = audio.to_mp3(document)
        wall = time.perf_counter() - started
        worst_audio = max(worst_audio, wall)
        print(
            f"{language:<9}audio: {document.word_count()} words, {spoken.duration:.1f} s of speech, "
            f"{len(spoken.chapters)} chapters, made in {wall:.2f} s "
            f"({spoken.duration / wall:.0f}× real time)"
        )
    met = worst_audio <= AUDIO_TARGET_S
    print(
        f"\nAudio of a programme: {worst_audio:.2f} s at worst "
        f"(target ≤ {AUDIO_TARGET_S:.0f} s): {'met' if met else 'MISSED'}"
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
