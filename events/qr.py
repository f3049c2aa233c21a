"""QR codes as PNG images, for registration codes in e-mails and at check-in.

The image is made with `qrcode` and Pillow (already installed for Wagtail's
images). Error correction M survives a crease or a smudge on a printed or
photographed code; a fixed mask pattern skips the search for the best of the
eight masks, which costs most of the encoding time and matters little for a
code this short.
"""

from io import BytesIO

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from qrcode.image.pil import PilImage

BOX_SIZE = 8  # pixels per module: a nine-character code makes a 232-pixel image
BORDER = 4  # modules of quiet zone, the minimum the standard asks for
MASK_PATTERN = 0


def qr_png(text: str) -> bytes:
    """The QR code of `text` as PNG bytes, black on white."""
    code = qrcode.QRCode(
        error_correction=ERROR_CORRECT_M,
        box_size=BOX_SIZE,
        border=BORDER,
        image_factory=PilImage,
        mask_pattern=MASK_PATTERN,
    )
    code.add_data(text)
    code.make(fit=True)
    image = code.make_image()
    buffer = BytesIO()
    image.save(buffer, kind="PNG")
    return buffer.getvalue()
