"""The look of certificates: a few presets of colours and ornament that
staff choose from (no designer needed), the frame with a Kazakh ornament and
the library's emblem, all vector drawings of our own.

- Ornaments are SVG paths written here: «қошқар мүйіз» (the ram's horn, a
  stem that parts into two spirals) and «тұмар» (the amulet's triangles),
  repeated along the four sides of a frame by SVG patterns, so a page draws
  a handful of elements however long its sides are.
- The frame is one SVG the size of the page, used as the page's CSS
  background: WeasyPrint draws backgrounds as /Artifact marked content, so
  a screen reader never meets the border (nor an uploaded background).
- The emblem is an <img> in the certificate with its description as alt
  text: a /Figure with /Alt in the PDF's structure tree.

Each drawing is made once per process for each preset and orientation
(`functools.cache`), and so is the style sheet that carries it
(`frame_css`), parsed once by `core.pdf.stylesheet_text`.
"""

import base64
import functools
from dataclasses import dataclass

from certificates.enums import Ornament, Palette

# A4 in millimetres.
PAGE_SIZES = {"landscape": (297, 210), "portrait": (210, 297)}
# The frame's geometry, from the edge of the page (mm): a thin outer line,
# the ornament's band, a thin inner line. Text keeps inside INNER + a gap.
OUTER, BAND_START, BAND_END, INNER = 7.0, 9.0, 19.0, 21.0


@dataclass(frozen=True)
class Colours:
    primary: str  # the ornament, the title, the emblem
    accent: str  # the frame's lines and corners, the rule under the name


# Every primary colour has a contrast of at least 7:1 on white (the title
# is in it); the accent draws lines only.
PALETTES = {
    Palette.TURQUOISE: Colours(primary="#0b4f57", accent="#a87f24"),
    Palette.BLUE: Colours(primary="#1c3a70", accent="#a87f24"),
    Palette.BURGUNDY: Colours(primary="#6e1826", accent="#a87f24"),
    Palette.GREEN: Colours(primary="#264d26", accent="#a87f24"),
    Palette.BLACK: Colours(primary="#1a1a1a", accent="#707070"),
}

DEFAULT_PALETTE = Palette.TURQUOISE
DEFAULT_ORNAMENT = Ornament.KOSHKAR

# One ram's horn on a tile 12 wide and 10 high, its stem rising from the
# bottom edge at x = 6 and parting into two spirals that curl outwards:
# (command, points) in absolute coordinates, M, L and C only, so that the
# frame can place copies of it by computing their points (see `_place`).
HORN = (
    ("M", (6, 10)),
    ("L", (6, 6.4)),
    ("C", (6, 3.6), (4.1, 2.1), (2.6, 2.7)),
    ("C", (1.2, 3.3), (1.3, 5.3), (2.6, 5.6)),
    ("C", (3.6, 5.9), (4.1, 4.9), (3.6, 4.3)),
    ("C", (3.2, 3.9), (2.6, 4.2), (2.7, 4.7)),
    ("M", (6, 10)),
    ("L", (6, 6.4)),
    ("C", (6, 3.6), (7.9, 2.1), (9.4, 2.7)),
    ("C", (10.8, 3.3), (10.7, 5.3), (9.4, 5.6)),
    ("C", (8.4, 5.9), (7.9, 4.9), (8.4, 4.3)),
    ("C", (8.8, 3.9), (9.4, 4.2), (9.3, 4.7)),
)
# «Тұмар»: a triangle standing on the lower edge with a small one inside
# (drawn filled, even-odd, so the small one is a hole), tile 6 × 10.
TRIANGLE = (
    ("M", (0.6, 9.4)),
    ("L", (3, 1.2)),
    ("L", (5.4, 9.4)),
    ("Z",),
    ("M", (2.1, 8.6)),
    ("L", (3, 5.6)),
    ("L", (3.9, 8.6)),
    ("Z",),
)
# Each ornament's motif, its width (the height is 10) and whether it is
# stroked (the horn) or filled (the triangles). Along a band the motif
# stands on the band's inner edge, then hangs from the outer one, in turn.
MOTIFS = {Ornament.KOSHKAR: (HORN, 12.0, True), Ornament.TUMAR: (TRIANGLE, 6.0, False)}
TILE_HEIGHT = 10.0

Matrix = tuple[float, float, float, float, float, float]  # a, b, c, d, e, f as in SVG


def _multiply(first: Matrix, then: Matrix) -> Matrix:
    """The transform that applies `first`, then `then`."""
    a1, b1, c1, d1, e1, f1 = first
    a2, b2, c2, d2, e2, f2 = then
    return (
        a2 * a1 + c2 * b1,
        b2 * a1 + d2 * b1,
        a2 * c1 + c2 * d1,
        b2 * c1 + d2 * d1,
        a2 * e1 + c2 * f1 + e2,
        b2 * e1 + d2 * f1 + f2,
    )


def _place(shape, matrix: Matrix) -> str:
    """The path data of `shape` moved by `matrix`."""
    a, b, c, d, e, f = matrix
    words = []
    for command, *points in shape:
        words.append(command)
        for x, y in points:
            words.append(f"{a * x + c * y + e:.2f},{b * x + d * y + f:.2f}")
    return " ".join(words)


def tile_svg(palette: str, ornament: str, *, down: bool) -> str:
    """One tile of a band (mm): the motif standing on the band's inner edge,
    then hanging from the outer one; `down` for the side bands. The page
    repeats it along each side as a CSS background, which WeasyPrint draws
    once into a PDF pattern: a band costs one small drawing however long."""
    shape, motif_width, stroked = MOTIFS[ornament]
    colours = palette_colours(palette)
    motifs = []
    for index in range(2):
        local = (1, 0, 0, -1, motif_width, TILE_HEIGHT) if index else (1, 0, 0, 1, 0, 0)
        to_tile = (0, 1, 1, 0, 0, 0) if down else (1, 0, 0, 1, 0, 0)
        motifs.append(_place(shape, _multiply(local, to_tile)))
    width, height = 2 * motif_width, TILE_HEIGHT
    if down:
        width, height = height, width
    style = (
        f'fill="none" stroke="{colours.primary}" stroke-width="0.9" '
        'stroke-linecap="round" stroke-linejoin="round"'
        if stroked
        else f'fill="{colours.primary}" fill-rule="evenodd"'
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}mm" height="{height}mm" '
        f'viewBox="0 0 {width} {height}"><path d="{" ".join(motifs)}" {style}/></svg>'
    )


def _rosette(x: float, y: float, size: float) -> str:
    """Four horns turned to the four sides, their stems meeting in the
    middle of the square of `size` at (x, y)."""
    scale = size / 12 * 0.62
    paths = []
    for angle in range(4):
        # The horn's stem foot (6, 10) to the origin, scaled, turned by a
        # quarter per horn, then to the square's middle.
        cos, sin = ((1, 0), (0, 1), (-1, 0), (0, -1))[angle]
        matrix = _multiply(
            (scale, 0, 0, scale, -6 * scale, -10 * scale),
            (cos, sin, -sin, cos, x + size / 2, y + size / 2),
        )
        paths.append(_place(HORN, matrix))
    return " ".join(paths)


# What the certificate prints in each of its languages (not the reader's
# interface: a Kazakh certificate says М.О. whoever issues it).
# The place of the stamp: мөр орны, место печати, locus sigilli.
STAMP_PLACE = {"kk": "М.О.", "ru": "М.П.", "en": "L.S."}
# The description of the library's emblem (its alt text in the PDF).
EMBLEM_ALT = {
    "kk": "Кітапхананың эмблемасы: шаңырақ астындағы ашық кітап, бетінде Брайль "
    "ұяшығының алты нүктесі",
    "ru": "Эмблема библиотеки: раскрытая книга с шестью точками ячейки Брайля под шаныраком юрты",
    "en": "The library's emblem: an open book with the six dots of a braille cell "
    "under the crown of a yurt (shanyrak)",
}
# The library's emblem: a ring, the crown of a yurt (шаңырақ) over an open
# book whose right page carries the six dots of a braille cell. Coloured by
# the palette's primary colour. Four paths: WeasyPrint draws each SVG
# element in Python, for every certificate.
EMBLEM = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100">'
    '<path d="M3,50 a47,47 0 1,0 94,0 a47,47 0 1,0 -94,0" fill="none" stroke="{primary}" stroke-width="3"/>'
    '<path d="M9,50 a41,41 0 1,0 82,0 a41,41 0 1,0 -82,0" fill="none" stroke="{accent}" stroke-width="1.2"/>'
    '<path d="M38,33 a12,12 0 1,0 24,0 a12,12 0 1,0 -24,0 M38,33 H62 M50,21 V45 M41.5,24.5 L58.5,41.5 M58.5,24.5 L41.5,41.5 M26,39 C34,35 42,39 50,45 C58,39 66,35 74,39 M20,52 C32,46 42,50 50,57 C58,50 68,46 80,52 L80,74 C68,68 58,71 50,78 C42,71 32,68 20,74 Z M50,57 V78" fill="none" stroke="{primary}" stroke-width="2.4" stroke-linecap="round"/>'
    '<path d="M57.6,59 a2.4,2.4 0 1,0 4.8,0 a2.4,2.4 0 1,0 -4.8,0 M65.6,59 a2.4,2.4 0 1,0 4.8,0 a2.4,2.4 0 1,0 -4.8,0 M57.6,65.5 a2.4,2.4 0 1,0 4.8,0 a2.4,2.4 0 1,0 -4.8,0 M65.6,65.5 a2.4,2.4 0 1,0 4.8,0 a2.4,2.4 0 1,0 -4.8,0 M57.6,72 a2.4,2.4 0 1,0 4.8,0 a2.4,2.4 0 1,0 -4.8,0 M65.6,72 a2.4,2.4 0 1,0 4.8,0 a2.4,2.4 0 1,0 -4.8,0" fill="{primary}"/>'
    "</svg>"
)


def svg_data_url(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def palette_colours(palette: str) -> Colours:
    return PALETTES.get(palette, PALETTES[DEFAULT_PALETTE])


def _rect(x: float, y: float, width: float, height: float) -> str:
    return f"M{x},{y} h{width} v{height} h{-width} Z"


@functools.cache
def frame_svg(palette: str, ornament: str, orientation: str) -> str:
    """The frame of a page: its lines and the corners of the ornament's band
    (the band's motifs are repeated by `frame_css`), as a handful of paths:
    WeasyPrint draws each SVG element in Python, once per page."""
    width, height = PAGE_SIZES.get(orientation, PAGE_SIZES["landscape"])
    colours = palette_colours(palette)
    band = BAND_END - BAND_START
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}mm" height="{height}mm" '
        f'viewBox="0 0 {width} {height}">'
    ]
    outer = _rect(OUTER, OUTER, width - 2 * OUTER, height - 2 * OUTER)
    inner = _rect(INNER, INNER, width - 2 * INNER, height - 2 * INNER)
    if ornament in MOTIFS:
        corners = [
            (BAND_START, BAND_START),
            (width - BAND_END, BAND_START),
            (BAND_START, height - BAND_END),
            (width - BAND_END, height - BAND_END),
        ]
        edges = " ".join(
            (
                _rect(BAND_START, BAND_START, width - 2 * BAND_START, height - 2 * BAND_START),
                _rect(BAND_END, BAND_END, width - 2 * BAND_END, height - 2 * BAND_END),
                *(_rect(x, y, band, band) for x, y in corners),
            )
        )
        parts.append(
            f'<path d="{edges}" fill="none" stroke="{colours.accent}" stroke-width="0.4"/>'
            f'<path d="{" ".join(_rosette(x, y, band) for x, y in corners)}" fill="none" '
            f'stroke="{colours.accent}" stroke-width="0.6" stroke-linecap="round"/>'
        )
    else:
        parts.append(
            f'<path d="{_rect(BAND_START + 2, BAND_START + 2, width - 2 * BAND_START - 4, height - 2 * BAND_START - 4)}" '
            f'fill="none" stroke="{colours.primary}" stroke-width="1.6"/>'
        )
    parts.append(
        f'<path d="{outer}" fill="none" stroke="{colours.primary}" stroke-width="0.9"/>'
        f'<path d="{inner}" fill="none" stroke="{colours.accent}" stroke-width="0.5"/>'
        "</svg>"
    )
    return "".join(parts)


@functools.cache
def frame_url(palette: str, ornament: str, orientation: str) -> str:
    return svg_data_url(frame_svg(palette, ornament, orientation))


@functools.cache
def emblem_url(palette: str) -> str:
    """The library's emblem in the palette's colours, as a data: URL."""
    colours = palette_colours(palette)
    return svg_data_url(EMBLEM.format(primary=colours.primary, accent=colours.accent))


@functools.cache
def frame_css(palette: str, ornament: str, orientation: str, *, large_print: bool = False) -> str:
    """The style sheet of one preset: its colours, and (but in large print)
    the frame as the background of every page. An ornament that is none of
    ours (a certificate issued before designs) has no frame at all."""
    colours = palette_colours(palette)
    rules = [
        f".title {{ color: {colours.primary}; }}",
        f".recipient {{ border-bottom-color: {colours.accent}; }}",
        f".issuer, .awarded {{ color: {colours.primary}; }}",
        f".stamp {{ border-color: {colours.accent}; }}",
    ]
    if not large_print and ornament in Ornament.values:
        frame = frame_url(palette, ornament, orientation)
        rules.append(f'@page {{ background: url("{frame}") 0 0 / 100% 100% no-repeat; }}')
    if not large_print and ornament in MOTIFS:
        # The bands: two boxes of the part (which fills its page), each with
        # the tile repeated along two opposite sides.
        _shape, motif_width, _stroked = MOTIFS[ornament]
        tile = 2 * motif_width
        across = svg_data_url(tile_svg(palette, ornament, down=False))
        down = svg_data_url(tile_svg(palette, ornament, down=True))
        rules.append(
            f'.part::before {{ content: ""; position: absolute; left: {BAND_END}mm; '
            f"right: {BAND_END}mm; top: {BAND_START}mm; bottom: {BAND_START}mm; "
            f'background: url("{across}") 0 0 / {tile}mm {TILE_HEIGHT}mm round no-repeat, '
            f'url("{across}") 0 100% / {tile}mm {TILE_HEIGHT}mm round no-repeat; }}'
        )
        rules.append(
            f'.part::after {{ content: ""; position: absolute; left: {BAND_START}mm; '
            f"right: {BAND_START}mm; top: {BAND_END}mm; bottom: {BAND_END}mm; "
            f'background: url("{down}") 0 0 / {TILE_HEIGHT}mm {tile}mm no-repeat round, '
            f'url("{down}") 100% 0 / {TILE_HEIGHT}mm {tile}mm no-repeat round; }}'
        )
    return "\n".join(rules)
