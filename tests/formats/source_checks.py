"""What the tests of each source (competition results, a Day's minutes, a
certificate) check the same way: the stored files of an object, what they say
back-translated or decoded, and the links a page shows for them."""

import io

import mutagen.mp3
from django.template.defaultfilters import filesizeformat
from django.utils import translation

from formats import braille, services, tasks
from formats.models import AlternativeFormat
from tests.events.test_documents import body_of

KINDS = {"brf", "braille-text", "mp3"}


def rows_of(source_key: str, object_id: int) -> dict[str, AlternativeFormat]:
    return {row.kind: row for row in AlternativeFormat.objects.of(source_key, object_id)}


def make(source_key: str, object_id: int) -> dict[str, AlternativeFormat]:
    """Run the task as the worker would; the object's rows after it."""
    tasks.make_alternative_formats.call(source_key, object_id)
    return rows_of(source_key, object_id)


def words(text: str) -> str:
    """Lower case, one space between words (braille lines break anywhere a
    space is; Kazakh and Russian braille have no capitals)."""
    return " ".join(text.lower().split())


def served(client, row) -> tuple[int, bytes]:
    response = client.get(services.format_url(row))
    return response.status_code, body_of(response) if response.status_code == 200 else b""


def braille_says(client, rows, language: str) -> tuple[str, str]:
    """The BRF and the Unicode braille, as served, back-translated."""
    status, brf = served(client, rows["brf"])
    assert status == 200
    status, text = served(client, rows["braille-text"])
    assert status == 200
    return (
        words(braille.back_translate(brf, language)),
        words(braille.back_translate(text.decode("utf-8"), language)),
    )


def brf_fits(brf: bytes, width: int = 40, lines: int = 25) -> bool:
    pages = brf.decode("ascii").replace("\r\n", "\n").split("\f")
    return all(
        len(page.rstrip("\n").split("\n")) <= lines
        and all(len(line) <= width for line in page.split("\n"))
        for page in pages
    )


def audio_of(client, row) -> mutagen.mp3.MP3:
    """The served MP3, decoded by mutagen (its length and tags)."""
    status, data = served(client, row)
    assert status == 200
    return mutagen.mp3.MP3(io.BytesIO(data))


def link_name(code: str, label: str, row) -> str:
    """A link's words as the page shows them: "Results in braille (BRF, 4.1 KB)"."""
    with translation.override(code):
        parts = [services.KINDS[row.kind].short_name, str(filesizeformat(row.size))]
        if row.duration:
            parts.append(services.duration_text(row.duration))
        return f"{translation.gettext(label)} ({', '.join(parts)})".replace("\xa0", " ")


def page_links(html) -> dict[str, str]:
    """href → words of every link in the page's "In braille and audio" list."""
    return {
        a["href"]: a.get_text(" ", strip=True).replace("\xa0", " ")
        for a in html.select("section.alternative-formats a")
    }
