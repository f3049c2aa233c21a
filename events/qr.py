"""Kept while `events.notifications` still imports it: the QR builder is
`core.qr`. Remove this module once nothing imports `events.qr`."""

from core.qr import BORDER, BOX_SIZE, MASK_PATTERN, qr_png

__all__ = ["BORDER", "BOX_SIZE", "MASK_PATTERN", "qr_png"]
