"""PT Sans ships with the project: the @font-face rules of the site and of the
PDFs point to its WOFF2 files, which have every Kazakh letter, and the
programme and certificate PDFs embed it whatever fonts the machine has."""

import io
import re
import string
from pathlib import Path

import pikepdf
import pypdf
import pytest
from django.conf import settings
from fontTools.ttLib import TTFont

from certificates import pdf
from core import pdf_fonts
from events import documents
from tests.certificates.conftest import certificate_template, issue  # noqa: F401 - shared fixtures
from tests.events.conftest import events_index, make_event  # noqa: F401 - shared fixtures

BASE_DIR = Path(settings.BASE_DIR)
FONTS_DIR = BASE_DIR / "site" / "static" / "fonts"
KAZAKH = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
RUSSIAN = "".join(chr(code) for code in range(ord("А"), ord("я") + 1)) + "Ёё"
LETTERS = KAZAKH + RUSSIAN + string.ascii_letters + string.digits


def font_faces(css_file: Path) -> list[tuple[str, str, Path]]:
    """(font-style, font-weight, file) of each @font-face rule of a style sheet."""
    faces = []
    for rule in re.findall(r"@font-face\s*{([^}]*)}", css_file.read_text()):
        assert re.search(r'font-family:\s*"PT Sans"', rule), rule
        style = re.search(r"font-style:\s*(\w+)", rule).group(1)
        weight = re.search(r"font-weight:\s*(\d+)", rule).group(1)
        (url,) = re.findall(r'url\("([^"]+)"\)\s*format\("woff2"\)', rule)
        faces.append((style, weight, (css_file.parent / url).resolve()))
    return faces


@pytest.mark.parametrize(
    "css_file",
    [BASE_DIR / "site" / "static" / "css" / "site.css", pdf_fonts.FONTS_CSS],
    ids=["site.css", "pdf/fonts.css"],
)
def test_font_faces_point_to_our_woff2_files_with_every_kazakh_letter(css_file):
    faces = font_faces(css_file)
    assert {(style, weight) for style, weight, _path in faces} == {
        ("normal", "400"),
        ("italic", "400"),
        ("normal", "700"),
        ("italic", "700"),
    }
    for _style, _weight, path in faces:
        assert path.parent == FONTS_DIR.resolve() and path.is_file(), path
        font = TTFont(path)
        assert font.flavor == "woff2", path
        assert font["name"].getDebugName(1) == "PT Sans"
        cmap = font.getBestCmap()
        assert [letter for letter in LETTERS if ord(letter) not in cmap] == [], path.name
    assert (FONTS_DIR / "LICENSE.txt").is_file()


def embedded_fonts(content: bytes) -> set[str]:
    """The /BaseFont of every font in the pages' resources."""
    with pikepdf.open(io.BytesIO(content)) as document:
        return {
            str(font.BaseFont)
            for page in document.pages
            for font in page.Resources.get("/Font", {}).values()
        }


@pytest.mark.django_db
@pytest.mark.system_package("libpango-1.0-0")
def test_programme_and_certificate_pdfs_embed_pt_sans(make_event, issue):  # noqa: F811 - fixtures
    title = "Мұқағали әлемі: өлең кеші"
    event = make_event(title=title, programme=[("10:00", "Ашылу: ғұмыр, құрмет, үміт, һәм")])
    programme = documents.render_pdf(documents.document_data(event), large_print=False)
    certificate = pdf.render_pdf(issue(event=event))

    for content in (programme, certificate):
        fonts = embedded_fonts(content)
        # A subset of PT Sans (ABCDEF+PT-Sans, -Bold ...), never the machine's fallback.
        assert fonts and all(re.fullmatch(r"/[A-Z]{6}\+PT-?Sans.*", font) for font in fonts), fonts
        text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)
        assert title in " ".join(text.split())
