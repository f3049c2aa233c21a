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
from PIL import Image

from core import pdf as core_pdf
from core import qr

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
    """The certificate's PDF/UA-1; the same certificate gives the same bytes.
    `core.pdf.PdfUnavailable` when WeasyPrint cannot make it."""
    qr_url = data_url(qr_png(verification_url(certificate.display_code)), "image/png")
    try:
        image_url = image_data_url(certificate.template)
    except (OSError, ValueError):
        image_url = ""  # checked at preview time; never a broken batch
    return core_pdf.render_pdf(
        render_html(certificate, image_url=image_url, qr_url=qr_url),
        base_url=TEMPLATES_DIR,
        stylesheets=(CSS_FILE,),
        user_agent_css=USER_AGENT_CSS_FILE,
        allowed_protocols=("data",),
    )


def content_hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
