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
# The page, type and headings every printed document shares (not the
# certificates, which are designed pages): a document's own sheet comes after.
DOCUMENT_CSS = pdf_fonts.FONTS_CSS.with_name("document.css")


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
def stylesheet_text(text: str) -> Any:
    """A style sheet given as text (one a document's settings make, such as
    a certificate's design), parsed once per process."""
    tools = toolkit()
    return tools.css_class(string=text, font_config=tools.font_config)


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


class DocumentImages(dict):
    """WeasyPrint's cache of one document, over images kept for the life of
    the process: the drawings every document of a kind shares, SVG given as
    data: URLs (a certificate design's frame, bands and emblem), parsed once
    instead of once per document. Nothing else outlives the document (a
    certificate's own QR code, an uploaded picture, WeasyPrint's other
    entries), and at most MAX_SHARED_IMAGES drawings are kept."""

    def __contains__(self, key):
        return super().__contains__(key) or key in _shared_images

    def __getitem__(self, key):
        if super().__contains__(key):
            return super().__getitem__(key)
        return _shared_images[key]

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        if (
            isinstance(key, str)
            and key.startswith("data:image/svg+xml")
            and len(_shared_images) < MAX_SHARED_IMAGES
        ):
            _shared_images[key] = value


MAX_SHARED_IMAGES = 64
_shared_images: dict[str, Any] = {}

# One PDF at a time per process: the shared font configuration is not
# documented as thread-safe, and layout is Python code that holds the GIL.
_render_lock = threading.Lock()


def _document(html, *, base_url, user_agent_css, allowed_protocols):
    return html_class(user_agent_css)(
        string=html, base_url=str(base_url), url_fetcher=url_fetcher(allowed_protocols)
    )


def _sheets(stylesheets: Sequence[Path], css_texts: Sequence[str]) -> list[Any]:
    tools = toolkit()
    return [
        tools.fonts_css,
        *(stylesheet(path) for path in stylesheets),
        *(stylesheet_text(text) for text in css_texts),
    ]


def render_pdf(
    html: str,
    *,
    base_url: Path | str,
    stylesheets: Sequence[Path] = (),
    css_texts: Sequence[str] = (),
    user_agent_css: Path | None = None,
    allowed_protocols: tuple[str, ...] = (),
) -> bytes:
    """`html` as a tagged PDF/UA-1 in PT Sans, styled by the files
    `stylesheets` and then the sheets `css_texts` (after the fonts' sheet;
    each parsed once per process, so only a few different texts); the same
    input gives the same bytes. `PdfUnavailable` when WeasyPrint cannot run
    here or fails."""
    problem = renderer_problem()
    if problem:
        raise PdfUnavailable(problem)
    tools = toolkit()
    try:
        sheets = _sheets(stylesheets, css_texts)
        with _render_lock:
            document = _document(
                html,
                base_url=base_url,
                user_agent_css=user_agent_css,
                allowed_protocols=allowed_protocols,
            )
            return document.write_pdf(
                pdf_variant=PDF_VARIANT,
                font_config=tools.font_config,
                stylesheets=sheets,
                cache=DocumentImages(),
            )
    except Exception as error:
        raise PdfUnavailable(f"WeasyPrint could not make the PDF: {error}") from error


def page_counts(
    html: str,
    *,
    selector: str,
    base_url: Path | str,
    stylesheets: Sequence[Path] = (),
    css_texts: Sequence[str] = (),
    user_agent_css: Path | None = None,
    allowed_protocols: tuple[str, ...] = (),
) -> list[int]:
    """Lay `html` out as `render_pdf` would (no PDF written) and say on how
    many pages each element of `selector` (a child of <body>, as
    "section.part") lies, in document order: [1, 2] when the second one
    runs over onto a second page. `PdfUnavailable` as for `render_pdf`."""
    problem = renderer_problem()
    if problem:
        raise PdfUnavailable(problem)
    tools = toolkit()
    tag, _dot, class_name = selector.partition(".")
    try:
        sheets = _sheets(stylesheets, css_texts)
        with _render_lock:
            rendered = _document(
                html,
                base_url=base_url,
                user_agent_css=user_agent_css,
                allowed_protocols=allowed_protocols,
            ).render(font_config=tools.font_config, stylesheets=sheets, cache=DocumentImages())
    except Exception as error:
        raise PdfUnavailable(f"WeasyPrint could not lay out the document: {error}") from error
    counts: dict[Any, int] = {}  # element → pages, in document order
    for page in rendered.pages:
        for child in _page_children(page._page_box):
            element = child.element
            if (
                child.element_tag == tag
                and class_name in (element.get("class") or "").split()
                and element is not None
            ):
                counts[element] = counts.get(element, 0) + 1
    return list(counts.values())


def _page_children(page_box):
    """The boxes of the body on a page (html > body > its children)."""
    for html_box in page_box.children:
        for body_box in getattr(html_box, "children", ()):
            yield from getattr(body_box, "children", ())
