"""Tagged PDFs (PDF/UA-1) from HTML: the one PDF toolkit of the project.

Every PDF we make (the programme documents, certificates, and whatever
comes next) goes through `render_pdf`, so each gets the same things:

- PDF/UA-1: a structure tree, the document's /Lang from `<html lang>`, its
  title, and /Alt from each image's alt text;
- the language of each part as /Lang in the structure tree (`core.pdf_tags`),
  so a screen reader switches voice in a bilingual document;
- PT Sans from the project's own font files (`core.pdf_fonts`), never the
  machine's fonts;
- nothing fetched but what the caller allows (no network, no local files;
  `data:` URLs where asked for).

WeasyPrint is loaded on the first PDF, not at start-up (it costs half a
second and needs Pango, which may be missing: `renderer_problem()` says so).
Its font configuration and every parsed style sheet are made once per
process and reused: 17–20 ms saved per document. A document may replace
WeasyPrint's HTML5 user-agent style sheet with a small one of its own that
covers its few elements (matching the full one against every element cost
≈ 9% of a certificate).
"""

import functools
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from core import pdf_fonts, pdf_tags

PDF_VARIANT = "pdf/ua-1"
# What shapes every PDF besides a document's own template and style sheets:
# part of a stored document's fingerprint, so a new font makes it again.
SHARED_FILES = (pdf_fonts.FONTS_CSS, *pdf_fonts.FONT_FILES)


class PdfUnavailable(RuntimeError):
    """WeasyPrint or its system libraries cannot make a PDF on this machine."""


class Toolkit(NamedTuple):
    """WeasyPrint's classes and the per-process objects every PDF shares."""

    html_class: type
    css_class: type
    url_fetcher_class: type
    font_config: Any
    fonts_css: Any  # PT Sans, loaded into font_config


@functools.cache
def toolkit() -> Toolkit:
    """WeasyPrint and one font configuration holding PT Sans, made once per
    process. ImportError or OSError when WeasyPrint or Pango cannot load."""
    # WeasyPrint is loaded on the first PDF: importing it costs half a second
    # and needs Pango, so neither start-up nor a machine without it pays.
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

    pdf_tags.install()  # the language of each part, in the structure tree
    font_config = FontConfiguration()
    return Toolkit(
        html_class=HTML,
        css_class=CSS,
        url_fetcher_class=URLFetcher,
        font_config=font_config,
        fonts_css=pdf_fonts.stylesheet(font_config),
    )


def renderer_problem() -> str | None:
    """None when PDFs can be made here; otherwise what is missing, in English
    for the log."""
    try:
        toolkit()
    except (ImportError, OSError) as error:
        return f"WeasyPrint or its system libraries (Pango) cannot be loaded: {error}"
    return None


@functools.cache
def stylesheet(path: Path) -> Any:
    """The style sheet in the file `path`, parsed once per process."""
    tools = toolkit()
    return tools.css_class(string=Path(path).read_text(), font_config=tools.font_config)


@functools.cache
def html_class(user_agent_css: Path | None = None) -> type:
    """WeasyPrint's HTML, or a subclass whose user-agent style sheet is the
    one in the file `user_agent_css` instead of WeasyPrint's HTML5 one."""
    base = toolkit().html_class
    if user_agent_css is None:
        return base
    sheet = stylesheet(user_agent_css)

    class SmallUserAgentHTML(base):
        """WeasyPrint's HTML with a small user-agent style sheet of our own."""

        def _ua_stylesheets(self, forms=False):
            return [sheet]

    return SmallUserAgentHTML


@functools.cache
def url_fetcher(allowed_protocols: tuple[str, ...] = ()) -> Any:
    """A fetcher that loads only URLs of these schemes (none by default:
    no network, no local files)."""
    return toolkit().url_fetcher_class(allowed_protocols=allowed_protocols)


# One PDF at a time per process: the shared font configuration is not
# documented as thread-safe, and layout is Python code that holds the GIL.
_render_lock = threading.Lock()


def render_pdf(
    html: str,
    *,
    base_url: Path | str,
    stylesheets: Sequence[Path] = (),
    user_agent_css: Path | None = None,
    allowed_protocols: tuple[str, ...] = (),
) -> bytes:
    """`html` as a tagged PDF/UA-1 in PT Sans, styled by the files
    `stylesheets` (after the fonts' sheet); the same input gives the same
    bytes. `PdfUnavailable` when WeasyPrint cannot run here or fails."""
    problem = renderer_problem()
    if problem:
        raise PdfUnavailable(problem)
    tools = toolkit()
    sheets = [tools.fonts_css, *(stylesheet(path) for path in stylesheets)]
    try:
        with _render_lock:
            document = html_class(user_agent_css)(
                string=html, base_url=str(base_url), url_fetcher=url_fetcher(allowed_protocols)
            )
            return document.write_pdf(
                pdf_variant=PDF_VARIANT, font_config=tools.font_config, stylesheets=sheets
            )
    except Exception as error:
        raise PdfUnavailable(f"WeasyPrint could not make the PDF: {error}") from error
