"""The one QR builder (core.qr): what a phone reads from the e-mail's picture
and from the certificate's one-pixel-per-module image."""

import io

import zxingcpp
from PIL import Image

from core import qr


def read(png: bytes, *, scale: int = 1) -> list[str]:
    image = Image.open(io.BytesIO(png))
    if scale != 1:
        image = image.resize((image.width * scale, image.height * scale), Image.Resampling.NEAREST)
    return [result.text for result in zxingcpp.read_barcodes(image.convert("L"))]


def test_a_registration_code_makes_a_232_pixel_picture_that_reads_back():
    png = qr.qr_png("7KQ2-M9XD")
    image = Image.open(io.BytesIO(png))
    assert (image.format, image.size, image.mode) == ("PNG", (232, 232), "1")
    assert read(png) == ["7KQ2-M9XD"]


def test_one_pixel_per_module_with_the_quiet_zone():
    address = "https://kitaphana.example/verify/7KQ2-M9XD-4/"
    png = qr.qr_png(address, box_size=1)
    matrix = qr.qr_matrix(address)
    image = Image.open(io.BytesIO(png))
    assert image.size == (len(matrix), len(matrix))
    assert [list(map(bool, row)) for row in matrix[: qr.BORDER]] == [[False] * len(matrix)] * 4
    assert read(png, scale=8) == [address]


def test_the_same_text_gives_the_same_bytes():
    assert qr.qr_png("ABCD-EFGH") == qr.qr_png("ABCD-EFGH")
