"""The certificate as a tagged PDF (PDF/UA-1), with its QR code.

The HTML of the certificate (`templates/certificates/pdf/certificate.html`)
is the same text as the holder's HTML view. It is made into a PDF by the
project's PDF toolkit (`core.pdf`: one font configuration and parsed style
sheets per process, PT Sans, the language of each part) with a small
user-agent style sheet of our own (`user-agent.css`). The QR code is the
tiny PNG of one pixel per module from `core.qr` (an SVG path costs
WeasyPrint several times more); its alt text becomes the PDF's /Alt.
Nothing is fetched: images travel as data: URLs.
"""

import base64
import functools
import hashlib
import io
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from PIL import Image

from certificates import designs
from certificates.enums import Ornament
from core import pdf as core_pdf
from core import qr

TEMPLATES_DIR = Path(settings.BASE_DIR) / "templates" / "certificates" / "pdf"
HTML_TEMPLATE = "certificates/pdf/certificate.html"
CSS_FILE = TEMPLATES_DIR / "certificate.css"
USER_AGENT_CSS_FILE = TEMPLATES_DIR / "user-agent.css"
LARGE_PRINT_CSS_FILE = TEMPLATES_DIR / "large-print.css"
FIT_CHECK_CSS_FILE = TEMPLATES_DIR / "fit-check.css"
# Certificates issued before designs were chosen: as they looked then, a
# plain black page without a frame or an emblem.
UNDESIGNED = {"palette": "black", "ornament": "", "emblem": ""}


def verification_url(code: str) -> str:
    """<site>/verify/<CODE>/: language-neutral, the site answers in the reader's language."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return f"{base}{reverse('certificate_verify_any_language', args=[code])}"


def verification_address() -> str:
    """The address to type a code at, without the scheme: <host>/verify/."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/").split("://", 1)[-1]
    return f"{base}/verify/"


def qr_png(text: str) -> bytes:
    """The QR code of `text` as a tiny PNG, one pixel per module; the style
    sheet scales it up without smoothing (image-rendering: pixelated), so it
    prints sharp."""
    return qr.qr_png(text, box_size=1)


def data_url(content: bytes, content_type: str) -> str:
    return f"data:{content_type};base64,{base64.b64encode(content).decode()}"


def image_data_url(template, *, fresh: bool = False) -> str:
    """The template's image as a data: URL ("" without one). OSError or
    ValueError when the file cannot be read as an image. `fresh` reads the
    file again (a check of the template) instead of the copy in memory."""
    if template.image is None:
        return ""
    image = template.image
    reader = _image_data_url.__wrapped__ if fresh else _image_data_url
    return reader(image.file.storage, image.file.name, image.file_hash)


@functools.lru_cache(maxsize=16)
def _image_data_url(storage, file_name: str, file_hash: str) -> str:
    """Read, checked and encoded once per file (a batch uses one template);
    a new upload has a new file name and hash. Failures are not cached."""
    with storage.open(file_name, "rb") as handle:
        content = handle.read()
    with Image.open(io.BytesIO(content)) as picture:
        picture.verify()
        kind = (picture.format or "").lower()
    if kind not in {"png", "jpeg", "gif", "webp"}:
        raise ValueError(f"unsupported image format {kind!r}")
    return data_url(content, f"image/{kind}")


def design_of(certificate) -> dict[str, str]:
    return certificate.content.get("design") or UNDESIGNED


def certificate_context(certificate) -> dict[str, Any]:
    """What the PDF and the HTML view show."""
    content = certificate.content
    lead = content["parts"][0]["language"]
    with translation.override(lead):
        return {
            "certificate": certificate,
            "content": content,
            "parts": content["parts"],
            "lead_language": lead,
            "serial_number": certificate.serial_number,
            "display_code": certificate.display_code,
            "code_html": format_html('<strong class="code">{}</strong>', certificate.display_code),
            "verification_url": verification_url(certificate.display_code),
            "verification_address": verification_address(),
            "orientation": content.get("orientation", "landscape"),
        }


def render_html(
    certificate, *, image_url: str = "", qr_url: str = "", large_print: bool = False
) -> str:
    """The certificate's HTML for WeasyPrint. `image_url`: the template's
    uploaded image (an emblem or the page's background, as the content says)."""
    context = certificate_context(certificate)
    lead = context["lead_language"]
    design = design_of(certificate)
    emblem_url = ""
    if design.get("emblem") == "library":
        emblem_url = designs.emblem_url(design.get("palette", ""))
    elif image_url and certificate.content.get("image_use") == "logo":
        emblem_url = image_url
    page_background = ""
    if image_url and certificate.content.get("image_use") == "background" and not large_print:
        # The frame over the uploaded background (this rule replaces the
        # preset's, which draws the frame alone).
        layers = [f'url("{image_url}") center / cover no-repeat']
        if design.get("ornament") in Ornament.values:
            frame = designs.frame_url(design["palette"], design["ornament"], context["orientation"])
            layers.insert(0, f'url("{frame}") 0 0 / 100% 100% no-repeat')
        page_background = ", ".join(layers)
    with translation.override(lead):
        return render_to_string(
            HTML_TEMPLATE,
            {
                **context,
                "image_url": image_url,
                "emblem_url": emblem_url,
                "emblem_uploaded": bool(emblem_url) and emblem_url == image_url,
                "qr_url": qr_url,
                "page_background": page_background,
                "large_print": large_print,
            },
        )


def _document(certificate, *, large_print: bool, fit_check: bool = False) -> dict[str, Any]:
    """The arguments of `core.pdf.render_pdf` for the certificate."""
    qr_url = data_url(qr_png(verification_url(certificate.display_code)), "image/png")
    try:
        image_url = image_data_url(certificate.template)
    except (OSError, ValueError):
        image_url = ""  # checked at preview time; never a broken batch
    design = design_of(certificate)
    sheets = [CSS_FILE]
    if large_print:
        sheets.append(LARGE_PRINT_CSS_FILE)
    if fit_check:
        sheets.append(FIT_CHECK_CSS_FILE)
    return {
        "html": render_html(
            certificate, image_url=image_url, qr_url=qr_url, large_print=large_print
        ),
        "base_url": TEMPLATES_DIR,
        "stylesheets": tuple(sheets),
        "css_texts": (
            designs.frame_css(
                design.get("palette", ""),
                design.get("ornament", ""),
                certificate.content.get("orientation", "landscape"),
                large_print=large_print,
            ),
        ),
        "user_agent_css": USER_AGENT_CSS_FILE,
        "allowed_protocols": ("data",),
    }


def render_pdf(certificate, *, large_print: bool = False) -> bytes:
    """The certificate's PDF/UA-1; the same certificate gives the same bytes.
    `large_print`: the variant for a low-vision holder (20 pt and more, no
    frame). `core.pdf.PdfUnavailable` when WeasyPrint cannot make it."""
    return core_pdf.render_pdf(**_document(certificate, large_print=large_print))


def parts_not_fitting(certificate) -> list[str]:
    """The languages of the certificate whose text and foot (signatures,
    verification) do not fit together on the page: there the foot would
    cover the text. `core.pdf.PdfUnavailable` when WeasyPrint cannot run."""
    pages = core_pdf.page_counts(
        **_document(certificate, large_print=False, fit_check=True), selector="section.part"
    )
    parts = certificate.content["parts"]
    return [part["language"] for part, count in zip(parts, pages, strict=False) if count > 1]


def content_hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
