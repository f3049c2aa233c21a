"""The certificate as a tagged PDF (PDF/UA-1), with its QR code.

The HTML of the certificate (`templates/certificates/pdf/certificate.html`)
is the same text as the holder's HTML view. WeasyPrint's font configuration
and the parsed style sheet are made once per process; the QR code is a PNG
of one pixel per module with the fixed mask pattern and error correction of
`events.qr` (an SVG path costs WeasyPrint several times more), and the
user-agent style sheet is a small one of our own (`user-agent.css`). The QR
image carries its alt text, which becomes the PDF's /Alt. Nothing is
fetched: images travel as data: URLs, and the font, PT Sans, is loaded
from the project's own files into the font configuration (`core.pdf_fonts`).
"""

import base64
import functools
import hashlib
import io
import threading
from pathlib import Path
from typing import Any, NamedTuple

import qrcode
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from PIL import Image
from qrcode.constants import ERROR_CORRECT_M

from events.documents import PdfUnavailable
from events.qr import BORDER as QUIET_ZONE
from events.qr import MASK_PATTERN

TEMPLATES_DIR = Path(settings.BASE_DIR) / "templates" / "certificates" / "pdf"
HTML_TEMPLATE = "certificates/pdf/certificate.html"
CSS_FILE = TEMPLATES_DIR / "certificate.css"
USER_AGENT_CSS_FILE = TEMPLATES_DIR / "user-agent.css"


def verification_url(code: str) -> str:
    """<site>/verify/<CODE>/: language-neutral, the site answers in the reader's language."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return f"{base}{reverse('certificate_verify_any_language', args=[code])}"


def verification_address() -> str:
    """The address to type a code at, without the scheme: <host>/verify/."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/").split("://", 1)[-1]
    return f"{base}/verify/"


@functools.lru_cache(maxsize=8)
def _qr_version(length: int) -> int:
    """The smallest QR version for a text of `length` bytes (addresses of
    one site have one length, so the search is done once)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M)
    code.add_data("a" * length, optimize=0)
    code.make(fit=True)
    return code.version


def qr_png(text: str) -> bytes:
    """The QR code of `text` as a tiny PNG, one pixel per module; the style
    sheet scales it up without smoothing (image-rendering: pixelated), so it
    prints sharp. An image is far cheaper for WeasyPrint than an SVG path,
    and writing the module matrix straight into a Pillow image costs half
    of qrcode's drawing."""
    code = qrcode.QRCode(
        version=_qr_version(len(text.encode())),
        error_correction=ERROR_CORRECT_M,
        border=QUIET_ZONE,
        mask_pattern=MASK_PATTERN,
    )
    code.add_data(text, optimize=0)
    code.make(fit=False)
    matrix = code.get_matrix()
    size = len(matrix)
    pixels = bytes(0 if dark else 255 for row in matrix for dark in row)
    buffer = io.BytesIO()
    Image.frombytes("L", (size, size), pixels).convert("1").save(buffer, format="PNG")
    return buffer.getvalue()


def data_url(content: bytes, content_type: str) -> str:
    return f"data:{content_type};base64,{base64.b64encode(content).decode()}"


class _PdfTools(NamedTuple):
    html_class: type
    font_config: Any
    url_fetcher: Any
    fonts_css: Any
    stylesheet: Any


@functools.cache
def _pdf_tools() -> _PdfTools:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

    from core import pdf_fonts, pdf_tags

    pdf_tags.install()  # the language of each part, in the structure tree
    font_config = FontConfiguration()
    fonts_css = pdf_fonts.stylesheet(font_config)  # PT Sans, from our own files
    user_agent_sheet = CSS(string=USER_AGENT_CSS_FILE.read_text(), font_config=font_config)

    class CertificateHTML(HTML):
        """WeasyPrint's HTML with the certificate's small user-agent style sheet."""

        def _ua_stylesheets(self, forms=False):
            return [user_agent_sheet]

    return _PdfTools(
        html_class=CertificateHTML,
        font_config=font_config,
        url_fetcher=URLFetcher(allowed_protocols=("data",)),
        fonts_css=fonts_css,
        stylesheet=CSS(string=CSS_FILE.read_text(), font_config=font_config),
    )


_render_lock = threading.Lock()


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
            "verification_url": verification_url(certificate.display_code),
            "verification_address": verification_address(),
            "orientation": content.get("orientation", "landscape"),
        }


def render_html(certificate, *, image_url: str = "", qr_url: str = "") -> str:
    context = certificate_context(certificate)
    lead = context["lead_language"]
    with translation.override(lead):
        return render_to_string(
            HTML_TEMPLATE, {**context, "image_url": image_url, "qr_url": qr_url}
        )


def render_pdf(certificate) -> bytes:
    """The certificate's PDF/UA-1; the same certificate gives the same bytes."""
    tools = _pdf_tools()
    qr_url = data_url(qr_png(verification_url(certificate.display_code)), "image/png")
    try:
        image_url = image_data_url(certificate.template)
    except (OSError, ValueError):
        image_url = ""  # checked at preview time; never a broken batch
    html = render_html(certificate, image_url=image_url, qr_url=qr_url)
    try:
        with _render_lock:
            document = tools.html_class(
                string=html, base_url=str(TEMPLATES_DIR), url_fetcher=tools.url_fetcher
            )
            return document.write_pdf(
                pdf_variant="pdf/ua-1",
                font_config=tools.font_config,
                stylesheets=[tools.fonts_css, tools.stylesheet],
            )
    except Exception as error:
        raise PdfUnavailable(f"WeasyPrint could not make the certificate: {error}") from error


def content_hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
