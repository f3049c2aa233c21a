"""PT Sans in every PDF, from the project's own font files.

WeasyPrint finds fonts through Fontconfig, so without this a PDF takes
whatever "PT Sans" the machine has, or, without one, "DejaVu Sans". The
@font-face rules of `templates/pdf/fonts.css` point to the WOFF2 files that
the site serves (`site/static/fonts/`). Parsing that sheet with a
FontConfiguration puts the four fonts into it: the PDF toolkit (`core.pdf`)
calls `stylesheet()` when it builds its one FontConfiguration per process,
and every document rendered with it embeds PT Sans. The sheet's fetcher
reads those four files and nothing else, and decompresses each once per
process (about 0.15 s a font, pure Python), however many FontConfigurations
load it. WeasyPrint copies the fonts into a temporary folder per
FontConfiguration; a configuration that lives as long as the process has
that folder removed at exit (WeasyPrint's own clean-up comes too late then,
after the interpreter has begun to tear down modules).
"""

import functools
import io
import logging
import shutil
import weakref
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.conf import settings

logger = logging.getLogger(__name__)

FONTS_DIR = Path(settings.BASE_DIR) / "site" / "static" / "fonts"
FONTS_CSS = Path(settings.BASE_DIR) / "templates" / "pdf" / "fonts.css"
FONT_FILES = tuple(
    FONTS_DIR / f"pt-sans-{style}.woff2" for style in ("regular", "italic", "bold", "bold-italic")
)


@functools.cache
def _font_bytes(path: Path) -> bytes:
    """The TrueType font inside a WOFF2 file (WeasyPrint takes it as it is)."""
    # fontTools (WeasyPrint's dependency) is loaded with the first PDF, not at start-up.
    from fontTools.ttLib import woff2

    output = io.BytesIO()
    with path.open("rb") as handle:
        woff2.decompress(handle, output)
    return output.getvalue()


def _own_fonts_fetcher() -> Any:
    """A WeasyPrint URL fetcher that reads only FONT_FILES (file: URLs)."""
    # WeasyPrint is loaded with the first PDF (half a second, needs Pango).
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    allowed = {path.resolve() for path in FONT_FILES}

    class OwnFontsFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            path = Path(url2pathname(parts.path)).resolve() if parts.scheme == "file" else None
            if path not in allowed:
                raise ValueError(f"not one of the project's fonts: {url}")
            try:
                content = _font_bytes(path)
            except Exception:
                # WeasyPrint would only log this at debug level and quietly
                # fall back to the machine's fonts.
                logger.exception("PDFs fall back to the machine's fonts: %s is unusable", path)
                raise
            return URLFetcherResponse(url, content, {"Content-Type": "font/ttf"})

    return OwnFontsFetcher(allowed_protocols=("file",))


def _remove_font_folder(folder, config_ref) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    config = config_ref()
    if config is not None:  # at exit: nothing left for its __del__ to do
        config._folder = None


def stylesheet(font_config) -> Any:
    """`templates/pdf/fonts.css` parsed with `font_config`, which then holds
    PT Sans; pass the sheet to `write_pdf` with the document's own ones."""
    # WeasyPrint is loaded with the first PDF (half a second, needs Pango).
    from weasyprint import CSS

    sheet = CSS(filename=FONTS_CSS, font_config=font_config, url_fetcher=_own_fonts_fetcher())
    folder = getattr(font_config, "_folder", None)  # WeasyPrint 70's temporary copies
    if folder is not None:
        weakref.finalize(font_config, _remove_font_folder, folder, weakref.ref(font_config))
    return sheet
