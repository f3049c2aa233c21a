"""The language of each part of a tagged PDF, which WeasyPrint 70 leaves out.

WeasyPrint writes the document's language (`<html lang>`) as the catalog's
/Lang, but not the `lang` of an element inside it, so a screen reader reads
the Russian half of a bilingual kk + ru certificate with its Kazakh voice.
This wraps WeasyPrint's structure-tree builder (`weasyprint.pdf.tags.
_build_box_tree`, a private function) so that the structure element of an
HTML element whose `lang` differs from the language around it gets that
language as /Lang (PDF 1.7, 14.9.2). Nothing else of the tree changes.

WeasyPrint is imported lazily (it costs half a second and needs Pango), so
the wrapper is put in place by `install()` where the PDF toolkit (`core.pdf`)
loads WeasyPrint, not at start-up. It is applied only to the WeasyPrint
version it was written for; `tests/certificates/test_pdf.py` fails if the
languages go missing.
Remove this module once WeasyPrint writes /Lang per element itself.
"""

import functools
import logging
import threading

logger = logging.getLogger(__name__)

TARGET = "weasyprint.pdf.tags"
SUPPORTED_MAJOR_VERSION = "70"

_state = threading.local()


def _languages() -> list[str | None]:
    if not hasattr(_state, "languages"):
        _state.languages = []
    return _state.languages


def _own_language(box, inherited: str | None) -> str | None:
    element = getattr(box, "element", None)
    if element is None:
        return inherited
    language = (element.get("lang") or "").strip()
    return language or inherited


def _with_languages(build, *, boxes, placeholder_class, string_class):
    """`build` (the original generator) with /Lang set on the element of
    each box whose language differs from its parent's."""

    @functools.wraps(build)
    def build_box_tree(box, parent, *args, **kwargs):
        real = box._box if isinstance(box, placeholder_class) else box
        languages = _languages()
        depth = len(languages)
        inherited = languages[-1] if languages else None
        language = _own_language(real, inherited)
        # Page, html and body boxes pass their children's elements through;
        # every other box yields its own element (once).
        passes_through = isinstance(real, boxes.PageBox | boxes.MarginBox) or (
            real.element is not None and real.element_tag in ("html", "body")
        )
        languages.append(language)
        try:
            for element in build(box, parent, *args, **kwargs):
                if not passes_through and language and language != inherited:
                    element["Lang"] = string_class(language)
                yield element
        finally:
            del languages[depth:]

    build_box_tree.marks_languages = True
    return build_box_tree


def patch(module) -> bool:
    """Wrap `module._build_box_tree` (module: weasyprint.pdf.tags). False,
    and nothing changed, for a WeasyPrint version this was not written for."""
    # WeasyPrint and its PDF library are loaded with the first PDF, not at start-up.
    import pydyf
    import weasyprint
    from weasyprint.formatting_structure import boxes
    from weasyprint.layout.absolute import AbsolutePlaceholder

    if getattr(module._build_box_tree, "marks_languages", False):
        return True
    if weasyprint.__version__.split(".")[0] != SUPPORTED_MAJOR_VERSION:
        logger.warning(
            "WeasyPrint %s: the languages of parts of PDFs are not marked (written for %s).",
            weasyprint.__version__,
            SUPPORTED_MAJOR_VERSION,
        )
        return False
    module._build_box_tree = _with_languages(
        module._build_box_tree,
        boxes=boxes,
        placeholder_class=AbsolutePlaceholder,
        string_class=pydyf.String,
    )
    return True


def install() -> None:
    """Mark languages in every tagged PDF this process makes. Called where
    our code imports WeasyPrint (its import costs half a second and needs
    Pango, so it is not done at start-up); once is enough, again is harmless."""
    # Loaded with the first PDF (half a second, needs Pango), not at start-up.
    import weasyprint.pdf.tags

    patch(weasyprint.pdf.tags)
