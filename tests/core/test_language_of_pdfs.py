"""The Russian programme PDF of a festival edition marks its Kazakh phrases
(the festival's name, works, names) as Kazakh in the structure tree, as the
web pages do (core.language, through core.pdf.render_pdf)."""

import io

import pikepdf
import pytest

from core.language import has_kazakh_letters
from events import documents
from festivals.models import FestivalEditionPage
from tests.core.test_language_of_parts import unmarked_kazakh

pytestmark = [pytest.mark.django_db, pytest.mark.system_package("libpango-1.0-0")]


def structure_languages(content: bytes) -> list[tuple[str, str]]:
    found = []

    def walk(node):
        if isinstance(node, pikepdf.Array):
            for kid in node:
                walk(kid)
        elif isinstance(node, pikepdf.Dictionary):
            if "/Lang" in node and "/S" in node:
                found.append((str(node.S), str(node.Lang)))
            if "/K" in node:
                walk(node.K)

    with pikepdf.open(io.BytesIO(content)) as document:
        assert str(document.Root.Lang) == "ru"
        walk(document.Root.StructTreeRoot)
    return found


@pytest.fixture
def russian_edition():
    return next(
        page
        for page in FestivalEditionPage.objects.live().filter(locale__language_code="ru")
        if has_kazakh_letters(
            documents.programme_html(documents.document_data(page), large_print=False)
        )
    )


@pytest.mark.parametrize("large_print", [False, True])
def test_the_russian_programme_marks_every_kazakh_phrase(russian_edition, large_print):
    data = documents.document_data(russian_edition)
    html = documents.programme_html(data, large_print=large_print)
    assert unmarked_kazakh(html) == []
    marked = html.count('<span lang="kk">')
    content = documents.render_pdf(data, large_print=large_print)
    spans = [kind for kind, lang in structure_languages(content) if lang == "kk"]
    # Each marked phrase is a part in Kazakh in the PDF's structure tree.
    assert len(spans) >= marked > 0
