"""The certificate PDF: tagged PDF/UA-1 with /Lang and a title, the name in
Kazakh letters exactly as written, and a QR code that a reader decodes to the
certificate's verification address."""

import io
import shutil
import subprocess

import pikepdf
import pypdf
import pytest
import zxingcpp
from PIL import Image

from certificates import pdf, services
from certificates.enums import CertificateKind, Place
from core import pdf as core_pdf
from tests.certificates.conftest import KAZAKH_NAME

pytestmark = [pytest.mark.django_db, pytest.mark.system_package("libpango-1.0-0")]
needs_poppler = pytest.mark.system_package("poppler-utils")


def tool(name: str) -> str:
    """A poppler tool; the tests that call it are marked needs_poppler."""
    return shutil.which(name) or name


def first_page_image(content: bytes, tmp_path) -> Image.Image:
    source = tmp_path / "certificate.pdf"
    source.write_bytes(content)
    subprocess.run(
        [
            tool("pdftoppm"),
            "-r",
            "150",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(source),
            str(tmp_path / "page"),
        ],
        check=True,
        timeout=60,
    )
    return Image.open(tmp_path / "page.png")


def test_pdf_is_tagged_with_language_title_and_the_name_in_kazakh_letters(issue, make_event):
    event = make_event(title="Мақатаев оқулары")
    certificate = issue(event=event)
    content = services.pdf_bytes(certificate)

    with pikepdf.open(io.BytesIO(content)) as document:
        root = document.Root
        assert str(root.Lang) == "kk"
        assert "/StructTreeRoot" in root
        assert bool(root.MarkInfo.Marked)
        assert "pdfuaid" in str(document.open_metadata())
        title = str(document.docinfo["/Title"])
    assert title == f"Сертификат: {KAZAKH_NAME}"

    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)
    assert KAZAKH_NAME in text
    assert "Мақатаев оқулары" in text
    assert certificate.display_code in text


def test_the_qr_code_image_has_alt_text_in_the_structure_tree(issue):
    certificate = issue()
    content = services.pdf_bytes(certificate)
    with pikepdf.open(io.BytesIO(content)) as document:
        alts = []

        def walk(node):
            if isinstance(node, pikepdf.Dictionary):
                if "/Alt" in node:
                    alts.append(str(node.Alt))
                kids = node.get("/K")
                if isinstance(kids, pikepdf.Array):
                    for kid in kids:
                        walk(kid)
                elif kids is not None:
                    walk(kids)

        walk(document.Root.StructTreeRoot)
    assert any(certificate.display_code in alt for alt in alts), alts


@needs_poppler
def test_the_qr_code_decodes_to_the_verification_address(issue, tmp_path):
    certificate = issue()
    image = first_page_image(services.pdf_bytes(certificate), tmp_path)
    results = zxingcpp.read_barcodes(image)
    assert [result.text for result in results] == [
        f"http://testserver/verify/{certificate.display_code}/"
    ]


def test_rendering_is_deterministic(issue):
    certificate = issue()
    assert pdf.render_pdf(certificate) == pdf.render_pdf(certificate)


def test_bilingual_certificate_has_both_languages(issue):
    certificate = issue(language="kk+ru")
    content = services.pdf_bytes(certificate)
    reader = pypdf.PdfReader(io.BytesIO(content))
    assert len(reader.pages) == 2
    assert "Мақатаев" not in reader.pages[0].extract_text()
    assert "участие" in reader.pages[1].extract_text()
    with pikepdf.open(io.BytesIO(content)) as document:
        assert str(document.Root.Lang) == "kk"


def structure_elements(node, found=None):
    """Every structure element under `node`, in document order."""
    found = [] if found is None else found
    if isinstance(node, pikepdf.Array):
        for kid in node:
            structure_elements(kid, found)
    elif isinstance(node, pikepdf.Dictionary):
        if "/S" in node:
            found.append(node)
        if "/K" in node:
            structure_elements(node.K, found)
    return found


def test_the_russian_part_of_a_bilingual_certificate_is_marked_russian(issue):
    """A screen reader switches to its Russian voice for the second part: the
    document is Kazakh (/Lang kk) and the Russian part's section says /Lang ru."""
    certificate = issue(language="kk+ru")
    with pikepdf.open(io.BytesIO(services.pdf_bytes(certificate))) as document:
        assert str(document.Root.Lang) == "kk"
        elements = structure_elements(document.Root.StructTreeRoot)
        marked = [
            (str(element.S), str(element.Lang), document.pages.index(pikepdf.Page(element.Pg)))
            for element in elements
            if "/Lang" in element
        ]
        sections = [element for element in elements if element.S == "/Sect"]
        assert len(sections) == 2
        # Only where the language changes: the Kazakh part speaks the document's language.
        assert marked == [("/Sect", "ru", 1)]
        assert "/Lang" not in sections[0]
        assert str(sections[1].Lang) == "ru"


def test_diploma_names_the_place_and_nomination(issue, certificate_template, make_event):
    template = certificate_template(
        kind=CertificateKind.DIPLOMA,
        text_en="{place} in the nomination “{nomination}” at {event}.",
    )
    certificate = issue(
        template=template,
        language="en",
        event=make_event(title="Song Festival"),
        place=Place.FIRST,
        nomination="Solo singing",
    )
    text = pypdf.PdfReader(io.BytesIO(services.pdf_bytes(certificate))).pages[0].extract_text()
    assert "1st place in the nomination “Solo singing” at Song Festival." in " ".join(text.split())


def test_stored_pdf_is_named_by_its_content(issue):
    certificate = issue()
    services.ensure_pdf(certificate)
    content = services.pdf_bytes(certificate)
    assert certificate.pdf.name.endswith(f"{certificate.code}-{pdf.content_hash(content)[:16]}.pdf")


def struct_types(content: bytes) -> list[str]:
    """The structure element types of the PDF, depth first."""
    types = []
    with pikepdf.open(io.BytesIO(content)) as document:

        def walk(node):
            if isinstance(node, pikepdf.Dictionary):
                if "/S" in node and node.get("/Type") != "/MCR":
                    types.append(str(node.S))
                if "/K" in node:
                    walk(node.K)
            elif isinstance(node, pikepdf.Array):
                for item in node:
                    walk(item)

        walk(document.Root.StructTreeRoot)
    return types


@needs_poppler
@pytest.mark.parametrize("language", ["kk", "kk+ru"])
def test_our_small_user_agent_style_sheet_gives_the_same_document(issue, tmp_path, language):
    """The certificate's own user-agent style sheet (faster) against
    WeasyPrint's full HTML5 one: the same pages, pixel for pixel, and the
    same structure tree."""
    from weasyprint import HTML

    certificate = issue(language=language, nomination="Мәнерлеп оқу", place=Place.FIRST)
    ours = pdf.render_pdf(certificate)

    document = pdf._document(certificate, large_print=False)
    full = HTML(
        string=document["html"],
        base_url=str(pdf.TEMPLATES_DIR),
        url_fetcher=core_pdf.url_fetcher(("data",)),
    ).write_pdf(
        pdf_variant="pdf/ua-1",
        font_config=core_pdf.toolkit().font_config,
        stylesheets=[
            core_pdf.toolkit().fonts_css,
            *(core_pdf.stylesheet(path) for path in document["stylesheets"]),
            *(core_pdf.stylesheet_text(text) for text in document["css_texts"]),
        ],
    )

    assert len(pypdf.PdfReader(io.BytesIO(ours)).pages) == len(
        pypdf.PdfReader(io.BytesIO(full)).pages
    )
    assert struct_types(ours) == struct_types(full)
    assert "/H1" in struct_types(ours) and "/Figure" in struct_types(ours)
    ours_dir, full_dir = tmp_path / "ours", tmp_path / "full"
    ours_dir.mkdir()
    full_dir.mkdir()
    assert first_page_image(ours, ours_dir).tobytes() == first_page_image(full, full_dir).tobytes()
