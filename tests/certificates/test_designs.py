"""The designs of certificates, as printed and as heard: the demo's festival
diploma (its own template and the 2011 edition, as the demo issues it)
rendered to images in kk, ru and kk + ru shows the frame with its ornament,
the emblem, the signature lines and the place of the stamp; its tag tree
reads title → name → reason → signatories → date → verification, with the
frame an artifact and the emblem a Figure with its description; the
verification code is at least 14 pt bold; large print is 20 pt and more
without the ornament."""

import io
import re
import shutil
import subprocess
from xml.etree import ElementTree

import pikepdf
import pytest
from PIL import Image
from wagtail.users.models import UserProfile

from certificates import designs, pdf
from certificates.enums import Orientation, Ornament, Palette, Place
from certificates.models import Certificate, CertificateTemplate
from certificates.services import Recipient, certificate_issue
from festivals.models import FestivalEditionPage

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.system_package("libpango-1.0-0"),
    pytest.mark.system_package("poppler-utils"),
]

DEMO_DIPLOMA = "Фестиваль дипломы / Диплом фестиваля"
NAME = "Айгерім Сапарова"
NOMINATION = "Мұқағали Мақатаев өлеңдерін мәнерлеп оқу"
# What each language's part says where: the stamp's place, the second
# signatory's name as written in it, the city of the ceremony.
PARTS = {
    "kk": {"stamp": "М.О.", "jury": "Е. Тоқтаров", "city": "Шымкент қаласы", "title": "Диплом"},
    "ru": {"stamp": "М.П.", "jury": "Е. Токтаров", "city": "г. Шымкент", "title": "Диплом"},
}
MM = 72 / 25.4  # points in a millimetre


def tool(name: str) -> str:
    return shutil.which(name) or name


def run(*args) -> str:
    return subprocess.run(args, check=True, capture_output=True, timeout=60, text=True).stdout


@pytest.fixture
def edition():
    return FestivalEditionPage.objects.get(year=2011, locale__language_code="kk")


@pytest.fixture
def demo_diploma(edition):
    """The demo's festival diploma as a holder gets it: for each language, a
    Grand Prix with the 2011 edition's nomination and dedications."""

    def make(language: str) -> Certificate:
        certificate, _created = certificate_issue(
            template=CertificateTemplate.objects.get(name=DEMO_DIPLOMA),
            recipient=Recipient(name=NAME, nomination=NOMINATION, place=Place.GRAND_PRIX),
            language=language,
            event=edition,
        )
        return certificate

    return make


def write(tmp_path, content: bytes) -> str:
    path = tmp_path / "certificate.pdf"
    path.write_bytes(content)
    return str(path)


def page_images(path: str, tmp_path, dpi: int = 50) -> list[Image.Image]:
    run(tool("pdftoppm"), "-r", str(dpi), "-png", path, str(tmp_path / "page"))
    return [Image.open(file).convert("RGB") for file in sorted(tmp_path.glob("page-*.png"))]


def ink(image: Image.Image, box_mm: tuple[float, float, float, float], dpi: int = 50) -> float:
    """The share of pixels that are not white in the box (mm from the page's
    top left corner: left, top, right, bottom)."""
    scale = dpi / 25.4
    return share(
        image.crop(tuple(round(value * scale) for value in box_mm)), lambda p: min(p) < 200
    )


def pixels(image: Image.Image) -> list[tuple[int, int, int]]:
    data = image.tobytes()
    return [tuple(data[index : index + 3]) for index in range(0, len(data), 3)]


def share(image: Image.Image, predicate) -> float:
    found = pixels(image)
    return sum(1 for pixel in found if predicate(pixel)) / len(found)


def words(path: str, page: int) -> list[dict]:
    """The words of a page with their boxes (points) from pdftotext -bbox."""
    output = run(tool("pdftotext"), "-bbox", "-f", str(page), "-l", str(page), path, "-")
    tree = ElementTree.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", output))
    return [
        {
            "text": word.text,
            **{key: float(word.get(key)) for key in ("xMin", "yMin", "xMax", "yMax")},
        }
        for word in tree.iter("{http://www.w3.org/1999/xhtml}word")
    ]


def text_fonts(path: str) -> list[tuple[str, float, bool]]:
    """Every run of text with its font size (pt) and whether it is bold,
    from pdftohtml's XML at zoom 1."""
    output = run(tool("pdftohtml"), "-xml", "-i", "-stdout", "-zoom", "1", path)
    tree = ElementTree.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", output))
    sizes = {spec.get("id"): float(spec.get("size")) for spec in tree.iter("fontspec")}
    runs = []
    for text in tree.iter("text"):
        content = "".join(text.itertext()).strip()
        if content:
            runs.append((content, sizes[text.get("font")], text.find("b") is not None))
    return runs


def reading_order(path: str) -> list[str]:
    """The texts of the tag tree in its order (pdfinfo -struct-text)."""
    output = run(tool("pdfinfo"), "-struct-text", path)
    return [text for text in re.findall(r'^\s*"(.*)"\s*$', output, re.MULTILINE) if text]


def figures(content: bytes) -> list[str]:
    """The /Alt of every Figure of the tag tree."""
    found = []
    with pikepdf.open(io.BytesIO(content)) as document:

        def walk(node):
            if isinstance(node, pikepdf.Array):
                for kid in node:
                    walk(kid)
            elif isinstance(node, pikepdf.Dictionary):
                if node.get("/S") == "/Figure":
                    found.append(str(node.get("/Alt", "")))
                if "/K" in node:
                    walk(node.K)

        walk(document.Root.StructTreeRoot)
    return found


def painting(content: bytes, page: int = 0) -> list[tuple[str, tuple[str, ...]]]:
    """Each painting operator of a page's content (fill, stroke, XObject,
    text) with the marked-content tags it is inside."""
    painted, stack = [], []
    with pikepdf.open(io.BytesIO(content)) as document:
        for operands, operator in pikepdf.parse_content_stream(document.pages[page]):
            name = str(operator)
            if name in ("BMC", "BDC"):
                stack.append(str(operands[0]))
            elif name == "EMC":
                stack.pop()
            elif name in ("f", "f*", "F", "S", "s", "B", "B*", "b", "b*", "Do", "sh", "Tj", "TJ"):
                painted.append((name, tuple(stack)))
    return painted


@pytest.mark.parametrize("language", ["kk", "ru", "kk+ru"])
def test_the_demo_diploma_shows_frame_emblem_signatures_and_stamp(demo_diploma, tmp_path, language):
    certificate = demo_diploma(language)
    path = write(tmp_path, pdf.render_pdf(certificate))
    images = page_images(path, tmp_path)
    languages = language.split("+")
    assert len(images) == len(languages)
    width, height = designs.PAGE_SIZES["landscape"]
    for number, (image, part) in enumerate(zip(images, languages, strict=True), start=1):
        # The ornament's band along each side (9–19 mm from the edge) is drawn,
        # in the design's colour; the page inside the frame is mostly white.
        bands = {
            "top": (40, 9.5, width - 40, 18.5),
            "bottom": (40, height - 18.5, width - 40, height - 9.5),
            "left": (9.5, 40, 18.5, height - 40),
            "right": (width - 18.5, 40, width - 9.5, height - 40),
        }
        for side, box in bands.items():
            assert ink(image, box) > 0.08, (part, side)
        assert ink(image, (23, 40, 30, height - 40)) < 0.01  # white inside the frame
        red, green, blue = max(
            pixels(image.crop((100, 25, 480, 36))), key=lambda p: p[0] - p[1]
        )  # burgundy: the demo diploma's palette
        assert red - green > 60 and red - blue > 40

        # The emblem at the top, centred.
        assert ink(image, (width / 2 - 9, 28, width / 2 + 9, 45)) > 0.1

        page_words = words(path, number)
        text = " ".join(word["text"] for word in page_words)
        expected = PARTS[part]
        assert expected["stamp"] in text
        assert expected["jury"] in " ".join(text.split())
        assert "С. Бекова" in text
        assert expected["city"] in text

        # A signature line runs to the left of each signatory's name, and a
        # ring marks the stamp's place around its letters.
        surnames = [
            word for word in page_words if word["text"] in ("Бекова", "Тоқтаров", "Токтаров")
        ]
        assert len(surnames) == 2
        hi = page_images_at(path, tmp_path, number, dpi=100)
        for surname in surnames:
            initial = max(
                (
                    w
                    for w in page_words
                    if w["xMax"] < surname["xMin"] and abs(w["yMax"] - surname["yMax"]) < 3
                ),
                key=lambda w: w["xMax"],
            )
            assert longest_dark_run(hi, initial["xMin"], initial["yMin"], initial["yMax"]) > 40 * MM
        stamp = next(word for word in page_words if word["text"] == expected["stamp"])
        centre_x = (stamp["xMin"] + stamp["xMax"]) / 2 / MM
        centre_y = (stamp["yMin"] + stamp["yMax"]) / 2 / MM
        assert ink(hi, (centre_x - 13, centre_y - 13, centre_x - 10, centre_y + 13), dpi=100) > 0


def page_images_at(path, tmp_path, number, *, dpi):
    folder = tmp_path / f"page-{number}-{dpi}"
    folder.mkdir(exist_ok=True)
    run(
        tool("pdftoppm"),
        "-r",
        str(dpi),
        "-png",
        "-f",
        str(number),
        "-l",
        str(number),
        "-singlefile",
        path,
        str(folder / "page"),
    )
    return Image.open(folder / "page.png").convert("RGB")


def longest_dark_run(image, left_pt, top_pt, bottom_pt, dpi=100) -> float:
    """The longest horizontal run of dark pixels (in points) on the rows near
    a line of text, to the left of `left_pt`: the signature's line."""
    scale = dpi / 72
    best = 0
    for row in range(round(top_pt * scale) - 4, round(bottom_pt * scale) + 6):
        run_length = 0
        for column in range(0, round(left_pt * scale)):
            if min(image.getpixel((column, row))) < 100:
                run_length += 1
                best = max(best, run_length)
            else:
                run_length = 0
    return best / scale


def test_the_tag_tree_reads_in_order_and_the_frame_is_an_artifact(demo_diploma, tmp_path):
    certificate = demo_diploma("kk")
    content = pdf.render_pdf(certificate)
    order = reading_order(write(tmp_path, content))

    def first(predicate) -> int:
        return next(index for index, text in enumerate(order) if predicate(text))

    title = first(lambda text: text == "Диплом")
    name = first(lambda text: text == NAME)
    reason = first(lambda text: text.startswith("Гран-при"))
    signatories = first(lambda text: text == "С. Бекова")
    stamp = first(lambda text: text == "М.О.")
    date = first(lambda text: text.startswith("Шымкент қаласы, 2011 жылғы"))
    verification = first(lambda text: text == certificate.display_code)
    assert title < name < reason < signatories < stamp < date < verification

    # Two figures, each with its description: the emblem and the QR code.
    # The frame and its ornament are no figure of the tree...
    alts = figures(content)
    assert alts[0] == designs.EMBLEM_ALT["kk"]
    assert certificate.display_code in alts[1]
    assert len(alts) == 2
    # ... but artifacts: everything painted is marked content, and the first
    # thing painted, the page's background (the frame), is an artifact.
    painted = painting(content)
    assert all(tags for _operator, tags in painted)
    assert painted[0] == ("Do", ("/Artifact",))
    assert not any("/Figure" in tags for operator, tags in painted if operator in ("Tj", "TJ"))


def test_the_verification_code_is_at_least_14_pt_bold(demo_diploma, tmp_path):
    certificate = demo_diploma("kk+ru")
    runs = text_fonts(write(tmp_path, pdf.render_pdf(certificate)))
    codes = [(size, bold) for text, size, bold in runs if text == certificate.display_code]
    assert len(codes) == 2  # one on each language's page
    assert all(size >= 14 and bold for size, bold in codes), codes


def test_large_print_is_20_pt_and_more_without_the_ornament(demo_diploma, tmp_path):
    certificate = demo_diploma("kk+ru")
    content = pdf.render_pdf(certificate, large_print=True)
    path = write(tmp_path, content)
    runs = text_fonts(path)
    assert min(size for _text, size, _bold in runs) >= 20
    text = " ".join(text for text, _size, _bold in runs)
    # The same content as the printed diploma.
    for expected in ("Диплом", NAME, "Гран-при", "С. Бекова", "Е. Тоқтаров", "Е. Токтаров"):
        assert expected in text
    assert "М.О." in text and "М.П." in text
    assert certificate.display_code in text
    # No frame: nothing is drawn in the band where the ornament runs, and
    # no page has a background picture.
    for image in page_images(path, tmp_path):
        width, height = image.size
        assert ink(image, (0, 0, 19, height * 25.4 / 50)) == 0
    with pikepdf.open(io.BytesIO(content)) as document:
        pages = len(document.pages)
    for page in range(pages):
        assert ("Do", ("/Artifact",)) not in painting(content, page)
    assert designs.EMBLEM_ALT["kk"] in figures(content)


@pytest.mark.parametrize("orientation", [Orientation.LANDSCAPE, Orientation.PORTRAIT])
@pytest.mark.parametrize("ornament", [Ornament.KOSHKAR, Ornament.TUMAR, Ornament.NONE])
def test_every_preset_draws_its_frame_on_one_page(
    issue, certificate_template, tmp_path, orientation, ornament
):
    template = certificate_template(
        orientation=orientation, ornament=ornament, palette=Palette.BLUE
    )
    certificate = issue(template=template, language="ru")
    path = write(tmp_path, pdf.render_pdf(certificate))
    [image] = page_images(path, tmp_path)
    width, height = designs.PAGE_SIZES[orientation]
    band = ink(image, (40, 9.5, width - 40, 18.5))
    if ornament == Ornament.NONE:
        assert 0 < band < 0.2  # the double line only
    else:
        assert band > 0.08
    assert pdf.parts_not_fitting(certificate) == []


def test_a_certificate_issued_before_designs_keeps_its_plain_page(issue, tmp_path):
    certificate = issue()
    certificate.content.pop("design")
    content = pdf.render_pdf(certificate)
    [image] = page_images(write(tmp_path, content), tmp_path)
    assert ink(image, (0, 0, 297, 19)) == 0  # no frame
    [qr_code] = figures(content)  # no emblem
    assert certificate.display_code in qr_code


ADMIN = "/admin/certificates/"


def test_the_preview_warns_when_a_long_name_and_reason_do_not_fit(
    admin_client, admin_user, certificate_template
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"  # the admin speaks English to this user
    profile.save()
    template = certificate_template(
        text_kk="\n".join(["{nomination}"] * 7 + ["{event} іс-шарасына қатысқаны үшін беріледі."])
    )
    address = f"{ADMIN}templates/{template.pk}/preview/"
    response = admin_client.get(address, {"language": "kk"})
    assert response["Content-Type"] == "application/pdf"  # the sample fits

    long = {
        "language": "kk+ru",
        "sample_name": "Әйгерім Ұлықбекқызы Сәрсенбаева-Өтегенова",
        "sample_nomination": "Мұқағали Мақатаев пен Жамбыл Жабаевтың өлеңдерін мәнерлеп оқу, "
        "өз шығармаларын оқу және музыкалық сүйемелдеумен орындау",
    }
    response = admin_client.get(address, long)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "The text does not fit on the page" in page
    assert "In Kazakh, the name and the text" in page  # the Russian part fits
    assert "anyway=1" in page

    response = admin_client.get(address, {**long, "anyway": "1"})
    assert response["Content-Type"] == "application/pdf"


def test_the_preview_shows_large_print(admin_client, certificate_template, tmp_path):
    template = certificate_template()
    response = admin_client.get(
        f"{ADMIN}templates/{template.pk}/preview/", {"language": "ru", "large_print": "on"}
    )
    assert response["Content-Type"] == "application/pdf"
    runs = text_fonts(write(tmp_path, response.content))
    assert min(size for _text, size, _bold in runs) >= 20


def test_the_holder_page_offers_large_print(client, issue, tmp_path):
    certificate = issue(language="kk+ru")
    page = client.get(f"/kk/certificate/{certificate.access_token}/")
    large = f"/certificate/{certificate.access_token}/large-print.pdf"
    assert f'href="{large}"' in page.content.decode()
    response = client.get(large)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    runs = text_fonts(write(tmp_path, response.content))
    assert min(size for _text, size, _bold in runs) >= 20
    assert certificate.recipient_name in " ".join(text for text, _size, _bold in runs)
    assert client.get("/certificate/not-a-token/large-print.pdf").status_code == 404
