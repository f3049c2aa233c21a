"""Every colour scheme of the stylesheet meets AAA contrast (7:1) for each pair
of text and background colours that the stylesheet puts together."""

import re
from pathlib import Path

import pytest
from django.conf import settings

CSS = (Path(settings.BASE_DIR) / "site" / "static" / "css" / "site.css").read_text()
# (text, background) pairs used together in site.css.
PAIRS = [
    ("fg", "bg"),
    ("muted", "bg"),
    ("link", "bg"),
    ("link-visited", "bg"),
    ("fg", "surface"),
    ("link", "surface"),
    ("accent-fg", "accent-bg"),
    ("focus-fg", "focus-bg"),
    ("error", "bg"),
    ("current-fg", "current-bg"),
    ("fg", "bg"),
]


def _schemes():
    blocks = {"default": re.search(r":root\s*{([^}]*)}", CSS).group(1)}
    for name, body in re.findall(r"\.lv-scheme-(\w+)\s*{([^}]*)}", CSS):
        blocks[name] = body
    return {
        name: dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", body))
        for name, body in blocks.items()
    }


def _luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


SCHEMES = _schemes()


def test_all_five_schemes_are_defined():
    assert set(SCHEMES) == {"default", "bw", "wb", "blue", "brown"}


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
@pytest.mark.parametrize(("text", "background"), PAIRS)
def test_aaa_contrast(scheme, text, background):
    colours = SCHEMES[scheme]
    ratio = contrast(colours[text], colours[background])
    assert ratio >= 7, f"{scheme}: --{text} on --{background} is {ratio:.2f}:1"


def test_known_reference_values():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54
