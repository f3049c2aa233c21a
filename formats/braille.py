"""A `Document` as braille: a braille-ready file for embossers (BRF) and
Unicode braille for refreshable braille displays.

liblouis (`lou_translate`, Debian liblouis-bin) translates the text, the
whole document in one process; the layout (line width, indents, centred
headings, pages and page numbers) is then done here on the braille cells,
so that no line is longer than the width whatever the translation made of
the words. The tables:

- Kazakh: `kk.utb` (uncontracted Kazakh braille, on top of Russian literary
  braille) with the Russian display table, which gives 6-dot cells;
- Russian: Russian literary braille, grade 1 (`ru-litbrl.ctb`), with the
  Kazakh letters added (`tables/ru-kk.utb`): Russian texts name Kazakh
  people, places and titles;
- English: Unified English Braille, grade 1 (`en-ueb-g1.ctb`); letters of
  other scripts are transliterated first (UEB has no Cyrillic).

Russian and Kazakh braille mark no capitals, as readers of those codes expect.
"""

import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from anyascii import anyascii

from formats import tools
from formats.document import Document, Heading, ListBlock, Paragraph, Table

TABLES_DIR = Path(__file__).resolve().parent / "tables"

# (forward, backward) table lists for lou_translate, per language.
TABLES = {
    "kk": (
        "ru-unicode.dis,kk.utb",
        f"ru-unicode.dis,kk.utb,{TABLES_DIR / 'kk-back.uti'}",
    ),
    "ru": (
        f"ru-unicode.dis,{TABLES_DIR / 'ru-kk.utb'}",
        f"ru-unicode.dis,{TABLES_DIR / 'ru-kk.utb'},{TABLES_DIR / 'ru-back.uti'}",
    ),
    "en": ("unicode.dis,en-ueb-g1.ctb", "unicode.dis,en-ueb-g1.ctb"),
}

# North American braille ASCII: the character of each 6-dot cell, in the
# order of the cells' Unicode code points (U+2800 + dots as bits 1-6).
BRAILLE_ASCII = " A1B'K2L@CIF/MSP\"E3H9O6R^DJG>NTQ,*5<-U8V.%[$+X!&;:4\\0Z7(_?W]#Y)="
BLANK = "\u2800"
NUMBER_SIGN = "\u283c"
DIGIT_CELLS = "⠚⠁⠃⠉⠙⠑⠋⠛⠓⠊"  # 0-9 after the number sign, in every code here

# lou_translate splits an input line longer than its buffer into several
# output lines; we never give it a longer one, so that lines stay paired.
CHUNK = 250

# Characters a table does not know, written the way it does.
REPLACEMENTS = {
    "kk": {"₸": "тг"},
    "ru": {"₸": "тг"},
    "en": {"₸": "KZT", "№": "No.", "„": "“", "‚": "‘"},
}
# What liblouis writes for a character its table does not know: '\x20b8'.
UNKNOWN_CHARACTER = re.compile("\u2804\u2873\u282d[^\u2804]*\u2804")


class BrailleError(RuntimeError):
    """liblouis failed on a text (not a missing tool: see ToolMissing)."""


# Layout --------------------------------------------------------------------


@dataclass(frozen=True)
class _Piece:
    """A text laid out one way: its first line indented by `first` cells,
    the lines it runs over to by `rest`, or centred."""

    text: str
    first: int = 0
    rest: int = 0
    centred: bool = False
    keep: bool = False  # never the last line of a page: keep with what follows


def _pieces(document: Document) -> list[list[_Piece]]:
    """The document as groups of pieces; a blank line between groups."""
    groups = [[_Piece(document.title, centred=True, keep=True)]]
    for block in document.blocks:
        if isinstance(block, Heading):
            if block.level <= 1:
                groups.append([_Piece(block.text, centred=True, keep=True)])
            else:
                indent = 4 if block.level == 2 else 6
                groups.append([_Piece(block.text, first=indent, rest=indent, keep=True)])
        elif isinstance(block, Paragraph):
            groups.append([_Piece(block.text, first=2, rest=0)])
        elif isinstance(block, ListBlock):
            groups.append([_Piece(item, first=0, rest=2) for item in block.items])
        elif isinstance(block, Table):
            groups.append(_table_pieces(block))
    return [[piece for piece in group if piece.text.strip()] for group in groups]


def _table_pieces(table: Table) -> list[_Piece]:
    """A table read row by row: each cell on its own line after its column's
    header; a row starts at the margin, its other cells are indented."""
    pieces = []
    if table.caption:
        pieces.append(_Piece(table.caption, keep=True))
    for row in table.rows:
        cells = [
            f"{header}: {cell}" if header else cell
            for header, cell in zip(table.headers, row, strict=False)
            if cell.strip()
        ]
        for position, text in enumerate(cells):
            pieces.append(_Piece(text, first=0 if position == 0 else 2, rest=4))
    return pieces


def _wrap(cells: str, width: int, first_width: int | None = None) -> list[str]:
    """Braille words (cells between blank cells) in lines of at most `width`
    cells (`first_width` for the first line); only a word longer than a
    whole line is broken."""
    lines: list[str] = []
    line = ""

    def room() -> int:
        return first_width if first_width is not None and not lines else width

    for word in (word for word in cells.split(BLANK) if word):
        if line and len(line) + 1 + len(word) <= room():
            line = f"{line}{BLANK}{word}"
            continue
        if line:
            lines.append(line)
            line = ""
        while len(word) > room():
            lines.append(word[: room()])
            word = word[len(lines[-1]) :]
        line = word
    if line:
        lines.append(line)
    return lines


def _lay_out(piece: _Piece, cells: str, width: int) -> list[str]:
    if piece.centred:
        margin = 2 if width > 12 else 0
        return [BLANK * ((width - len(line)) // 2) + line for line in _wrap(cells, width - margin)]
    lines = _wrap(cells, width - piece.rest, first_width=width - piece.first)
    return [
        BLANK * (piece.first if number == 0 else piece.rest) + line
        for number, line in enumerate(lines)
    ]


@dataclass(frozen=True)
class _Line:
    cells: str
    keep: bool = False


def _lines(document: Document, width: int) -> list[_Line]:
    """The whole document laid out in lines of braille cells."""
    if width < 12:
        raise ValueError("A braille line needs at least 12 cells.")
    groups = _pieces(document)
    translated = iter(
        translate([piece.text for group in groups for piece in group], document.language)
    )
    lines: list[_Line] = []
    for group in groups:
        if not group:
            continue
        if lines:
            lines.append(_Line("", keep=lines[-1].keep))
        for piece in group:
            lines.extend(
                _Line(text, piece.keep) for text in _lay_out(piece, next(translated), width)
            )
    return lines


def _page_number(number: int) -> str:
    return NUMBER_SIGN + "".join(DIGIT_CELLS[int(digit)] for digit in str(number))


def _paginate(lines: list[_Line], capacity: int) -> list[list[str]]:
    """Lines in pages of at most `capacity` lines: no blank line at the top
    of a page, and a heading (with the blank line after it) always on the
    same page as the first line of what follows it."""
    pages: list[list[str]] = []
    page: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.cells and not page:
            index += 1
            continue
        end = index
        while end < len(lines) - 1 and lines[end].keep:
            end += 1
        together = end - index + 1
        if page and len(page) + together > capacity and together <= capacity:
            pages.append(page)
            page = []
            continue
        if len(page) == capacity:
            pages.append(page)
            page = []
            continue
        page.append(line.cells)
        index += 1
    if page:
        pages.append(page)
    for page in pages:
        while page and not page[-1]:
            page.pop()
    return pages or [[]]


# Public API ----------------------------------------------------------------


def to_unicode(document: Document, *, width: int = 40) -> str:
    """Unicode braille (U+2800-U+283F) for a refreshable braille display:
    lines of at most `width` cells, a blank line between blocks, no pages."""
    lines = [line.cells for line in _lines(document, width)]
    return "\n".join(lines) + "\n"


def to_brf(document: Document, *, width: int = 40, lines: int = 25) -> bytes:
    """A braille-ready file for an embosser: braille ASCII, pages of `lines`
    lines of at most `width` cells, the braille page number at the right of
    each page's last line, CR LF line ends, a form feed between pages."""
    if lines < 3:
        raise ValueError("A braille page needs at least 3 lines.")
    pages = _paginate(_lines(document, width), lines - 1)
    printed = []
    for number, page in enumerate(pages, start=1):
        label = _page_number(number)
        body = page + [""] * (lines - 1 - len(page)) + [BLANK * (width - len(label)) + label]
        printed.append("".join(_ascii(line).rstrip(" ") + "\r\n" for line in body))
    return "\f".join(printed).encode("ascii")


def back_translate(braille: str | bytes, language: str) -> str:
    """The text of braille (a BRF file's bytes or Unicode braille), back from
    liblouis with the tables it was made with: lower case in Kazakh and
    Russian, whose braille marks no capitals."""
    if isinstance(braille, bytes):
        braille = _unicode(braille.decode("ascii"))
    lines = braille.replace("\r\n", "\n").replace("\f", "\n").split("\n")
    return "\n".join(_run("--backward", TABLES[language][1], lines))


def translate(texts: list[str], language: str) -> list[str]:
    """Each text as one line of 6-dot Unicode braille cells, all in one run
    of lou_translate."""
    if language not in TABLES:
        raise ValueError(f"No braille table for the language {language!r}.")
    chunks: list[str] = []
    owners: list[int] = []
    for number, text in enumerate(texts):
        for chunk in _chunks(_prepare(text, language)):
            chunks.append(chunk)
            owners.append(number)
    translated = _run("--forward", TABLES[language][0], chunks)
    cells = [[] for _ in texts]
    for owner, line in zip(owners, translated, strict=True):
        cells[owner].append(_six_dots(line))
    return [BLANK.join(parts) for parts in cells]


# liblouis and characters ---------------------------------------------------


def _run(direction: str, tables: str, lines: list[str]) -> list[str]:
    if not lines:
        return []
    try:
        done = subprocess.run(  # noqa: S603 - our fixed program and table names
            [tools.command("braille"), direction, tables],
            input="\n".join(lines) + "\n",
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
            timeout=120,
        )
    except FileNotFoundError as error:
        tools.forget()
        raise tools.ToolMissing("braille", tools.PACKAGES["braille"]) from error
    if done.returncode != 0:
        raise BrailleError(f"lou_translate {direction} {tables}: {done.stderr.strip()}")
    output = done.stdout.split("\n")
    if output and output[-1] == "":
        output.pop()
    if len(output) != len(lines):
        raise BrailleError(
            f"lou_translate gave {len(output)} lines for {len(lines)}: {done.stderr.strip()}"
        )
    return output


def _prepare(text: str, language: str) -> str:
    """One line of text the language's table knows every character of."""
    replacements = REPLACEMENTS[language]
    characters = []
    for character in " ".join(text.split()):
        if character in replacements:
            characters.append(replacements[character])
        elif unicodedata.category(character) == "Cf":  # soft hyphens, zero-width joiners
            continue
        elif language == "en" and ord(character) > 0x24F and character.isalpha():
            characters.append(anyascii(character))
        else:
            characters.append(character)
    return "".join(characters)


def _chunks(text: str) -> list[str]:
    """The text in pieces of at most CHUNK characters, cut at spaces."""
    chunks = []
    while len(text) > CHUNK:
        cut = text.rfind(" ", 0, CHUNK)
        if cut <= 0:
            cut = CHUNK
        chunks.append(text[:cut])
        text = text[cut:].lstrip(" ")
    if text:
        chunks.append(text)
    return chunks


def _six_dots(cells: str) -> str:
    """Only 6-dot cells: what a table could not translate is left out."""
    cells = UNKNOWN_CHARACTER.sub("", cells)
    kept = []
    for character in cells:
        if "\u2800" <= character <= "\u28ff":
            kept.append(chr(0x2800 + ((ord(character) - 0x2800) & 0x3F)))
        elif character.isspace():
            kept.append(BLANK)
    return "".join(kept)


def _ascii(cells: str) -> str:
    return "".join(BRAILLE_ASCII[ord(cell) - 0x2800] for cell in cells)


def _unicode(text: str) -> str:
    converted = []
    for character in text:
        position = BRAILLE_ASCII.find(character.upper())
        if character in "\r\n\f":
            converted.append(character)
        elif position >= 0:
            converted.append(chr(0x2800 + position))
    return "".join(converted)
