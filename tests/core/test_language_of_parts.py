"""WCAG 3.1.2, language of parts: every page of the Russian and English
trees is fetched with the test client (the demo site, every address reached
by following links from the sitemap's pages), and no Kazakh text may stand
outside an element whose language is Kazakh. Kazakh text is recognised by
the letters Russian has not (ә ғ қ ң ө ұ ү һ і)."""

from collections import deque
from urllib.parse import urldefrag, urlsplit

import lxml.html
import pytest
from wagtail.models import Page

from core.language import has_kazakh_letters, in_language, mark_kazakh_parts

# Attributes a screen reader reads out as the element's name or description.
READ_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
# Where markup cannot mark a part (the document's <title> is one string)
# and what is never read.
UNMARKABLE = {"title", "script", "style", "template"}
# Addresses that are files or change settings, not pages to read.
SKIPPED_SUFFIXES = (".pdf", ".txt", ".ics", ".xml", ".rss", ".atom")
SKIPPED_PARTS = ("/feed/", "/display/")
# Enough for every address of the demo's ru and en trees (about 170) with
# room to grow; a crawl that reaches it is stopped so a link loop cannot
# hang the suite.
MAX_PAGES = 600


def language_of(element) -> str:
    for node in element.iterancestors() if element.get("lang") is None else ():
        if node.get("lang") is not None:
            return node.get("lang")
    return element.get("lang") or ""


def unmarked_kazakh(html: str) -> list[str]:
    """Each piece of Kazakh text (text, or a read attribute) whose element
    is not in Kazakh."""
    tree = lxml.html.document_fromstring(html)
    found = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in UNMARKABLE or any(a.tag in UNMARKABLE for a in element.iterancestors()):
            continue
        own = language_of(element)
        if element.text and has_kazakh_letters(element.text) and own != "kk":
            found.append(f"<{element.tag}> {element.text.strip()[:80]}")
        for name in READ_ATTRIBUTES:
            value = element.get(name)
            if value and has_kazakh_letters(value) and own != "kk":
                found.append(f"<{element.tag} {name}> {value[:80]}")
        parent = element.getparent()
        if (
            element.tail
            and parent is not None
            and has_kazakh_letters(element.tail)
            and language_of(parent) != "kk"
        ):
            found.append(f"<{parent.tag}> …{element.tail.strip()[:80]}")
    return found


def test_the_check_finds_unmarked_kazakh_and_accepts_marked():
    page = (
        '<html lang="ru"><head><title>Жанарым менің жүрегім</title></head><body>'
        '<p>Фестиваль <span lang="kk">«Жанарым менің жүрегім»</span> и <b>жүрегім</b> '
        'и после тега қала</p><img alt="Қазақша" src="x.png"><p lang="kk">Сәлем</p></body></html>'
    )
    assert unmarked_kazakh(page) == ["<b> жүрегім", "<p> …и после тега қала", "<img alt> Қазақша"]


def test_marking_wraps_each_kazakh_phrase_and_leaves_the_rest_as_it_was():
    page = (
        '<!DOCTYPE html><html lang="ru"><head><title>Жанарым менің</title>'
        '<script>var a = "<b>ә</b>";</script></head><body>'
        '<p data-x="a>b">Фестиваль «Жанарым менің жүрегім» &amp; концерт</p>'
        "<li>II место: Ерболат Тұрғынбеков (Сайрамский филиал), «Атамекен»</li>"
        '<a href="/kk/" lang="kk">Қазақша</a><select><option value="1">Әсем</option></select>'
        "<textarea>Сәлем</textarea><!-- қ --></body></html>"
    )
    assert mark_kazakh_parts(page) == (
        '<!DOCTYPE html><html lang="ru"><head><title>Жанарым менің</title>'
        '<script>var a = "<b>ә</b>";</script></head><body>'
        '<p data-x="a>b">Фестиваль <span lang="kk">«Жанарым менің жүрегім»</span> &amp; концерт</p>'
        '<li>II место: <span lang="kk">Ерболат Тұрғынбеков</span> (Сайрамский филиал), «Атамекен»</li>'
        '<a href="/kk/" lang="kk">Қазақша</a><select><option value="1" lang="kk">Әсем</option></select>'
        "<textarea>Сәлем</textarea><!-- қ --></body></html>"
    )
    # Marked once: a second pass changes nothing, nor does a Kazakh page.
    assert mark_kazakh_parts(mark_kazakh_parts(page)) == mark_kazakh_parts(page)
    kazakh = page.replace('lang="ru"', 'lang="kk"')
    assert mark_kazakh_parts(kazakh) == kazakh


def test_a_value_of_known_language_says_it_when_it_is_not_the_pages():
    assert in_language("Сәрсенов", "ru") == '<span lang="kk">Сәрсенов</span>'
    assert in_language("Абай", "en", known="kk") == '<span lang="kk">Абай</span>'
    assert in_language("Абай", "kk", known="kk") == "Абай"
    assert in_language("<Иван>", "ru") == "&lt;Иван&gt;"


def internal_links(html: str, code: str) -> set[str]:
    tree = lxml.html.document_fromstring(html)
    found = set()
    for href in tree.xpath("//a/@href"):
        address = urldefrag(href)[0]
        parts = urlsplit(address)
        if parts.scheme or parts.netloc or not parts.path.startswith(f"/{code}/"):
            continue
        if parts.path.endswith(SKIPPED_SUFFIXES) or any(p in parts.path for p in SKIPPED_PARTS):
            continue
        found.add(address)
    return found


def crawl(client, code: str) -> dict[str, str]:
    """The HTML of every page reached from the tree's live public pages."""
    start = [
        page.url
        for page in Page.objects.live()
        .public()
        .filter(locale__language_code=code, depth__gte=2)
        .specific()
    ]
    queue = deque(sorted(set(start)))
    seen = set(queue)
    pages = {}
    while queue:
        address = queue.popleft()
        response = client.get(address)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        pages[address] = html
        assert len(pages) < MAX_PAGES, "the crawl reached its limit: a link loop?"
        for link in internal_links(html, code) - seen:
            # Filters, months and page numbers are followed one step from a
            # page without them: "next month" links would never end.
            if "?" in address and "?" in link:
                continue
            seen.add(link)
            queue.append(link)
    return pages


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["ru", "en"])
def test_no_kazakh_text_without_lang_kk_on_any_page(client, code):
    pages = crawl(client, code)
    # The demo's tree is large: a crawl that found little is a broken crawl.
    assert len(pages) > 50
    problems = {
        address: found for address, html in pages.items() if (found := unmarked_kazakh(html))
    }
    report = "\n".join(
        f"{address}\n    " + "\n    ".join(found[:8]) for address, found in sorted(problems.items())
    )
    assert not problems, f"{len(problems)} of {len(pages)} pages:\n{report}"
