"""The workbook library, loaded on first use: the XLSX exports of every app
get it from here, so no process pays for it at start-up."""

import functools


@functools.cache
def openpyxl():
    """The `openpyxl` module with `cell`, `styles` and `utils` loaded."""
    # Lazily: a heavy library that only the workbook exports need.
    import openpyxl.cell  # noqa: PLC0415
    import openpyxl.styles  # noqa: PLC0415
    import openpyxl.utils  # noqa: PLC0415

    return openpyxl
