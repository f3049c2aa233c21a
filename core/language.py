"""The language of parts of a page (WCAG 3.1.2): Kazakh text shown on a
Russian or English page must say it is Kazakh, so that a screen reader
switches its voice. Kazakh is told from Russian by the letters Russian has
not (ә ғ қ ң ө ұ ү һ і).

A value whose language is known (a person's name, a page of the kk tree)
is marked where it is rendered (`in_language`, the `in_language` filter).
Everything else — titles that quote the festival's Kazakh name, works and
names inside a sentence, content an editor did not mark — is marked by
`mark_kazakh_parts`, which every Russian and English page passes through
(`LanguageOfPartsMiddleware`) and the PDFs' HTML too: each Kazakh phrase
not already inside an element in Kazakh is wrapped in <span lang="kk">."""

import re
from html.parser import HTMLParser

from django.utils.html import format_html
from django.utils.safestring import SafeString

# The Kazakh Cyrillic letters that Russian has not.
KAZAKH_ONLY_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
KAZAKH = "kk"
# A quotation that holds no other: «Жанарым менің жүрегім».
INNERMOST_QUOTE = re.compile(r"«[^«»]*»")
# What ends a phrase inside a sentence: a name, a title in a list.
PHRASE_BREAK = re.compile(r"[.,;:!?()\[\]«»\"“”—–/|\n]")
KAZAKH_DOCUMENT = re.compile(r"<html[^>]*\slang=\"kk\"")
# Elements whose text cannot hold a <span> (or is not read as text).
NO_SPAN_INSIDE = frozenset(
    {"title", "script", "style", "template", "textarea", "option", "optgroup", "svg", "math"}
)
VOID_ELEMENTS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)


def has_kazakh_letters(text: str) -> bool:
    return not KAZAKH_ONLY_LETTERS.isdisjoint(text)


def language_of(text, known: str = "") -> str:
    """The language a value is written in: the one known for it, else
    Kazakh when it has Kazakh letters, else "" (the page's own)."""
    if known:
        return known
    return KAZAKH if has_kazakh_letters(str(text)) else ""


def in_language(value, page_language: str, known: str = "") -> SafeString:
    """The value, escaped, in a <span lang> when its language is not the
    page's; as it is otherwise."""
    language = language_of(value, known)
    if value in (None, "") or not language or language == page_language:
        return format_html("{}", "" if value is None else value)
    return format_html('<span lang="{}">{}</span>', language, value)


def _wrap(phrase: str) -> str:
    stripped = phrase.strip()
    if not stripped:
        return phrase
    start = phrase.index(stripped)
    return (
        f'{phrase[:start]}<span lang="{KAZAKH}">{stripped}</span>{phrase[start + len(stripped) :]}'
    )


def _mark_phrases(text: str) -> str:
    """Each phrase of the text with Kazakh letters wrapped: a quotation
    whole, otherwise the stretch between two punctuation marks."""
    marked = []
    for piece in re.split(f"({PHRASE_BREAK.pattern})", text):
        marked.append(_wrap(piece) if has_kazakh_letters(piece) else piece)
    return "".join(marked)


def mark_kazakh_text(text: str) -> str:
    """Raw HTML text (no tags) with its Kazakh phrases in <span lang="kk">."""
    if not has_kazakh_letters(text):
        return text
    out, position = [], 0
    for quote in INNERMOST_QUOTE.finditer(text):
        if not has_kazakh_letters(quote.group()):
            continue
        out.append(_mark_phrases(text[position : quote.start()]))
        out.append(f'<span lang="{KAZAKH}">{quote.group()}</span>')
        position = quote.end()
    out.append(_mark_phrases(text[position:]))
    return "".join(out)


class _Marker(HTMLParser):
    """Copies a document as it is, but for the Kazakh phrases of text that
    stands in an element of another language."""

    def __init__(self, language: str):
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        # (tag, language) of each open element.
        self.stack: list[tuple[str, str]] = [("", language)]
        # Where the start tag of an <option> without lang was written.
        self.option_at: int | None = None

    def _language(self) -> str:
        return self.stack[-1][1]

    def _inside_no_span(self) -> bool:
        return any(tag in NO_SPAN_INSIDE for tag, _lang in self.stack)

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag in VOID_ELEMENTS:
            return
        own = dict(attrs).get("lang")
        if tag == "option" and own is None:
            # An option holds text only: it carries the language itself.
            self.option_at = len(self.out) - 1
        self.stack.append((tag, own.lower() if own is not None else self._language()))

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        self.option_at = None
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if self.option_at is not None and has_kazakh_letters(data):
            if self._language().split("-")[0] != KAZAKH:
                start = self.out[self.option_at]
                self.out[self.option_at] = f'{start[:-1]} lang="{KAZAKH}">'
            self.option_at = None
        if (
            self._language().split("-")[0] != KAZAKH
            and has_kazakh_letters(data)
            and not self._inside_no_span()
        ):
            data = mark_kazakh_text(data)
        self.out.append(data)

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")


def mark_kazakh_parts(html: str, language: str = "") -> str:
    """The document (or fragment, in `language`) with every Kazakh phrase
    outside an element in Kazakh wrapped in <span lang="kk">."""
    if not has_kazakh_letters(html):
        return html
    marker = _Marker(language)
    marker.feed(html)
    marker.close()
    return "".join(marker.out)


class LanguageOfPartsMiddleware:
    """Marks the Kazakh phrases of every Russian and English HTML page (see
    the module's docstring). Kazakh pages and other responses pass as they
    are."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
            or not response.content
        ):
            return response
        html = response.content.decode(response.charset)
        if not has_kazakh_letters(html) or KAZAKH_DOCUMENT.search(html[:2000]):
            return response
        response.content = mark_kazakh_parts(html).encode(response.charset)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response
