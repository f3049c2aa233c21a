"""Tagged PDFs say the language of each part whose language differs from the
language around it (core.pdf_tags, in place of what WeasyPrint 70 leaves out)."""

import io

import pikepdf
import pytest

pytestmark = pytest.mark.system_package("libpango-1.0-0")


def marked_languages(html: str) -> list[tuple[str, str]]:
    from weasyprint import HTML

    from core import pdf_tags

    pdf_tags.install()

    content = HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
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
        assert str(document.Root.Lang) == "kk"
        walk(document.Root.StructTreeRoot)
    return found


def test_only_a_change_of_language_is_marked():
    html = """<!DOCTYPE html><html lang="kk"><head><title>Құжат</title></head><body>
        <h1>Сертификат</h1>
        <p>Қазақ тіліндегі мәтін.</p>
        <section lang="ru"><h1>Сертификат</h1><p>Текст на русском, <span lang="en">English</span>.</p>
            <p lang="ru">Снова по-русски.</p></section>
        <p lang="kk">Қайтадан қазақша.</p>
        <div style="position: absolute; bottom: 0" lang="en"><p>Placed absolutely.</p></div>
    </body></html>"""
    assert marked_languages(html) == [("/Sect", "ru"), ("/Span", "en"), ("/Div", "en")]


def test_the_patch_is_in_place_once():
    import weasyprint.pdf.tags

    from core import pdf_tags

    pdf_tags.install()
    pdf_tags.install()
    assert weasyprint.pdf.tags._build_box_tree.marks_languages
    assert pdf_tags.patch(weasyprint.pdf.tags)
    assert weasyprint.pdf.tags._build_box_tree.__wrapped__.__module__ == "weasyprint.pdf.tags"
