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
# bottom edge at x = 6 and parting into two spirals that curl outwards.
HORN = (
    "M6,10 V6.4 C6,3.6 4.1,2.1 2.6,2.7 C1.2,3.3 1.3,5.3 2.6,5.6 "
    "C3.6,5.9 4.1,4.9 3.6,4.3 C3.2,3.9 2.6,4.2 2.7,4.7 "
    "M6,10 V6.4 C6,3.6 7.9,2.1 9.4,2.7 C10.8,3.3 10.7,5.3 9.4,5.6 "
    "C8.4,5.9 7.9,4.9 8.4,4.3 C8.8,3.9 9.4,4.2 9.3,4.7"
)
# The band's tile (24 × 10): a horn rising from the lower edge, then one
# hanging from the upper edge, the way the motif runs along a felt's border.
KOSHKAR_TILE = (
    f'<path d="{HORN}" transform="translate(0,0)"/>'
    f'<path d="{HORN}" transform="translate(12,10) scale(1,-1)"/>'
)
# «Тұмар»: a triangle standing on the lower edge with a small one inside,
# then one hanging from the upper edge (tile 12 × 10).
TUMAR_TILE = (
    '<path d="M0.6,9.4 L3,1.2 L5.4,9.4 Z M2.1,8.6 L3,5.6 L3.9,8.6 Z"/>'
    '<path d="M6.6,0.6 L9,8.8 L11.4,0.6 Z M8.1,1.4 L9,4.4 L9.9,1.4 Z"/>'
)
TILES = {Ornament.KOSHKAR: (KOSHKAR_TILE, 24.0), Ornament.TUMAR: (TUMAR_TILE, 12.0)}
TILE_HEIGHT = 10.0

# The corner: a rosette of four horns turned to the four sides, on a square
# of 12 × 12 units drawn into the 10 mm square where two bands meet.
ROSETTE = "".join(
    f'<path d="{HORN}" transform="rotate({angle} 6 6) translate(6,6) scale(0.62) translate(-6,-10)"/>'
    for angle in (0, 90, 180, 270)
)

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
# the palette's primary colour.
EMBLEM = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100">
<circle cx="50" cy="50" r="47" fill="none" stroke="{primary}" stroke-width="3"/>
<circle cx="50" cy="50" r="41" fill="none" stroke="{accent}" stroke-width="1.2"/>
<g fill="none" stroke="{primary}" stroke-width="2.4" stroke-linecap="round">
<circle cx="50" cy="33" r="12"/>
<path d="M38,33 H62 M50,21 V45 M41.5,24.5 L58.5,41.5 M58.5,24.5 L41.5,41.5"/>
<path d="M26,39 C34,35 42,39 50,45 C58,39 66,35 74,39"/>
<path d="M20,52 C32,46 42,50 50,57 C58,50 68,46 80,52 L80,74 C68,68 58,71 50,78 C42,71 32,68 20,74 Z"/>
<path d="M50,57 V78"/>
</g>
<g fill="{primary}">
<circle cx="60" cy="59" r="2.4"/><circle cx="68" cy="59" r="2.4"/>
<circle cx="60" cy="65.5" r="2.4"/><circle cx="68" cy="65.5" r="2.4"/>
<circle cx="60" cy="72" r="2.4"/><circle cx="68" cy="72" r="2.4"/>
</g>
</svg>"""


def svg_data_url(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def palette_colours(palette: str) -> Colours:
    return PALETTES.get(palette, PALETTES[DEFAULT_PALETTE])


def _band_pattern(pattern_id: str, tile: str, tile_width: float, length: float, *, turn: bool):
    """A pattern that repeats `tile` a whole number of times along `length`
    (mm), stretched by a few per cent to fit; `turn` runs it downwards."""
    count = max(1, round(length / (tile_width * TILE_HEIGHT / 10)))
    width = length / count
    turned = f' patternTransform="translate({TILE_HEIGHT},0) rotate(90)"' if turn else ""
    return (
        f'<pattern id="{pattern_id}" patternUnits="userSpaceOnUse" width="{width:.3f}" '
        f'height="{TILE_HEIGHT}" viewBox="0 0 {tile_width} {TILE_HEIGHT}" '
        f'preserveAspectRatio="none"{turned}>{tile}</pattern>'
    )


@functools.cache
def frame_svg(palette: str, ornament: str, orientation: str) -> str:
    """The frame of a page: lines, the ornament's band and its corners."""
    width, height = PAGE_SIZES.get(orientation, PAGE_SIZES["landscape"])
    colours = palette_colours(palette)
    band = BAND_END - BAND_START
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}mm" height="{height}mm" '
        f'viewBox="0 0 {width} {height}">'
    ]
    lines = (
        f'<rect x="{OUTER}" y="{OUTER}" width="{width - 2 * OUTER}" height="{height - 2 * OUTER}" '
        f'fill="none" stroke="{colours.primary}" stroke-width="0.9"/>'
        f'<rect x="{INNER}" y="{INNER}" width="{width - 2 * INNER}" height="{height - 2 * INNER}" '
        f'fill="none" stroke="{colours.accent}" stroke-width="0.5"/>'
    )
    if ornament in TILES:
        tile, tile_width = TILES[ornament]
        drawn = (
            f'<g fill="none" stroke="{colours.primary}" stroke-width="0.9" '
            f'stroke-linecap="round" stroke-linejoin="round">{tile}</g>'
            if ornament == Ornament.KOSHKAR
            else f'<g fill="{colours.primary}" fill-rule="evenodd">{tile}</g>'
        )
        across = width - 2 * BAND_END
        down = height - 2 * BAND_END
        parts.append(
            "<defs>"
            + _band_pattern("across", drawn, tile_width, across, turn=False)
            + _band_pattern("down", drawn, tile_width, down, turn=True)
            + "</defs>"
        )
        parts.append(
            f'<rect x="{BAND_END}" y="{BAND_START}" width="{across}" height="{band}" fill="url(#across)"/>'
            f'<rect x="{BAND_END}" y="{height - BAND_END}" width="{across}" height="{band}" fill="url(#across)"/>'
            f'<rect x="{BAND_START}" y="{BAND_END}" width="{band}" height="{down}" fill="url(#down)"/>'
            f'<rect x="{width - BAND_END}" y="{BAND_END}" width="{band}" height="{down}" fill="url(#down)"/>'
        )
        # The band's own edges and the corners' squares with their rosettes.
        parts.append(
            f'<rect x="{BAND_START}" y="{BAND_START}" width="{width - 2 * BAND_START}" '
            f'height="{height - 2 * BAND_START}" fill="none" stroke="{colours.accent}" stroke-width="0.35"/>'
            f'<rect x="{BAND_END}" y="{BAND_END}" width="{width - 2 * BAND_END}" '
            f'height="{height - 2 * BAND_END}" fill="none" stroke="{colours.accent}" stroke-width="0.35"/>'
        )
        for x, y in (
            (BAND_START, BAND_START),
            (width - BAND_END, BAND_START),
            (BAND_START, height - BAND_END),
            (width - BAND_END, height - BAND_END),
        ):
            parts.append(
                f'<g transform="translate({x},{y}) scale({band / 12})">'
                f'<rect width="12" height="12" fill="#fff" stroke="{colours.accent}" stroke-width="0.5"/>'
                f'<g fill="none" stroke="{colours.accent}" stroke-width="0.9" stroke-linecap="round">'
                f"{ROSETTE}</g></g>"
            )
    else:
        parts.append(
            f'<rect x="{BAND_START + 2}" y="{BAND_START + 2}" width="{width - 2 * BAND_START - 4}" '
            f'height="{height - 2 * BAND_START - 4}" fill="none" stroke="{colours.primary}" stroke-width="1.6"/>'
        )
    parts.append(lines)
    parts.append("</svg>")
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
    return "\n".join(rules)
