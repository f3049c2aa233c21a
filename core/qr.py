"""QR codes as PNG images: the one QR builder of the project.

Registration codes in e-mails and at check-in, and the verification address
on certificates. Error correction M survives a crease or a smudge on a
printed or photographed code; a fixed mask pattern skips the search for the
best of the eight masks, which costs most of the encoding time and matters
little for codes this short. The QR version (the size) is found once per
kind and length of text: the addresses of one site all have one length.

The module matrix is written straight into a Pillow image (qrcode's own
drawing costs twice as much): `qr_png(text, box_size=1)` is the tiny image of
one pixel per module that PDFs scale up without smoothing (`image-rendering:
pixelated`; WeasyPrint draws it far faster than an SVG path); the default
`BOX_SIZE` gives a picture for an e-mail.
"""

import functools
import io

import qrcode
from PIL import Image
from qrcode.constants import ERROR_CORRECT_M
from qrcode.util import QRData

ERROR_CORRECTION = ERROR_CORRECT_M
BOX_SIZE = 8  # pixels per module: a nine-character code makes a 232-pixel image
BORDER = 4  # modules of quiet zone, the minimum the standard asks for
MASK_PATTERN = 0


@functools.lru_cache(maxsize=32)
def _version(mode: int, length: int) -> int:
    """The smallest QR version for `length` bytes of text in `mode` (what
    `make(fit=True)` would search for each code)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECTION)
    code.add_data(QRData(b"0" * length, mode=mode, check_data=False), optimize=0)
    code.make(fit=True)
    return code.version


def qr_matrix(text: str) -> list[list[bool]]:
    """The modules of the QR code of `text`, quiet zone included; True is dark."""
    data = QRData(text)
    code = qrcode.QRCode(
        version=_version(data.mode, len(data)),
        error_correction=ERROR_CORRECTION,
        border=BORDER,
        mask_pattern=MASK_PATTERN,
    )
    code.add_data(data, optimize=0)
    code.make(fit=False)
    return code.get_matrix()


def qr_png(text: str, *, box_size: int = BOX_SIZE) -> bytes:
    """The QR code of `text` as a black-on-white PNG, `box_size` pixels per module."""
    matrix = qr_matrix(text)
    size = len(matrix)
    pixels = bytes(0 if dark else 255 for row in matrix for dark in row)
    image = Image.frombytes("L", (size, size), pixels).convert("1")
    if box_size != 1:
        image = image.resize((size * box_size, size * box_size), Image.Resampling.NEAREST)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
