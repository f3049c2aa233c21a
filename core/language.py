"""The language of parts of a page (WCAG 3.1.2): Kazakh text shown on a
Russian or English page must say it is Kazakh, so that a screen reader
switches its voice. Kazakh is told from Russian by the letters Russian has
not (ә ғ қ ң ө ұ ү һ і).

A value whose language is known (a person's name, a page of the kk tree)
is marked where it is rendered (`in_language`).
Everything else — titles that quote the festival's Kazakh name, works and
names inside a sentence, content an editor did not mark — is marked by
`mark_kazakh_parts`, which every Russian and English page passes through
(`LanguageOfPartsMiddleware`) and the programme PDF's HTML too: each Kazakh phrase
not already inside an element in Kazakh is wrapped in <span lang="kk">."""

import re

from django.utils.html import format_html
from django.utils.safestring import SafeString

# The Kazakh Cyrillic letters that Russian has not.
KAZAKH_ONLY_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
KAZAKH = "kk"
# A quotation that holds no other: «Жанарым менің жүрегім».
INNERMOST_QUOTE = re.compile(r"«[^«»]*»")
# What ends a phrase inside a sentence: a name, a title in a list (not ";":
# it ends the character references of the text, &amp;).
PHRASE_BREAK = re.compile(r"[.,:!?()\[\]«»\"“”—–/|\n]")
# From the first Cyrillic letter to the last.
CYRILLIC_STRETCH = re.compile(r"[\u0400-\u04ff](?:.*[\u0400-\u04ff])?", re.S)
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
    """The phrase's Cyrillic stretch in a span: an English word or a number
    next to it (", for Әйгерім Сапарова 37-0") stays outside."""
    found = CYRILLIC_STRETCH.search(phrase)
    if found is None:
        return phrase
    return (
        f'{phrase[: found.start()]}<span lang="{KAZAKH}">{found.group()}</span>'
        f"{phrase[found.end() :]}"
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


# One token of a document: a comment, a tag (quoted values may hold ">"), text.
TOKEN = re.compile(
    r"(?P<comment><!--.*?-->)"
    r"|(?P<tag></?(?P<name>[a-zA-Z][^\s/>]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>)"
    r"|(?P<other><[!?][^>]*>)"
    r"|(?P<text>[^<]+|<)",
    re.S,
)
LANG_ATTRIBUTE = re.compile(r"""\slang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
# Elements whose content is raw text up to their end tag.
RAW_TEXT = frozenset({"script", "style", "textarea", "title"})


def mark_kazakh_parts(html: str, language: str = "") -> str:
    """The document (or fragment, in `language`) with every Kazakh phrase
    outside an element in Kazakh wrapped in <span lang="kk">."""
    if not has_kazakh_letters(html):
        return html
    out: list[str] = []
    # (tag, language) of each open element.
    stack: list[tuple[str, str]] = [("", language)]
    no_span = 0  # how many open elements cannot hold a <span>
    option_at = None  # where the start tag of an <option> without lang was written
    position, length = 0, len(html)
    while position < length:
        token = TOKEN.match(html, position)
        position = token.end()
        text = token.group("text")
        if text is not None:
            if has_kazakh_letters(text) and stack[-1][1].split("-")[0] != KAZAKH:
                if option_at is not None:
                    # An option holds text only: it carries the language itself.
                    out[option_at] = out[option_at][:-1] + f' lang="{KAZAKH}">'
                    option_at = None
                elif not no_span:
                    text = mark_kazakh_text(text)
            out.append(text)
            continue
        out.append(token.group())
        name = (token.group("name") or "").lower()
        if not name:
            continue
        if token.group().startswith("</"):
            option_at = None
            for index in range(len(stack) - 1, 0, -1):
                if stack[index][0] == name:
                    no_span -= sum(tag in NO_SPAN_INSIDE for tag, _l in stack[index:])
                    del stack[index:]
                    break
            continue
        attrs = token.group("attrs")
        if name in VOID_ELEMENTS or attrs.endswith("/"):
            continue
        found = LANG_ATTRIBUTE.search(attrs)
        own = next((g for g in found.groups() if g is not None), "") if found else None
        if name in RAW_TEXT:
            # Copied as it is up to the end tag (a title, a script).
            close = re.compile(f"</{name}\\s*>", re.I).search(html, position)
            end = close.start() if close else length
            out.append(html[position:end])
            position = end
            continue
        if name == "option" and own is None:
            option_at = len(out) - 1
        if name in NO_SPAN_INSIDE:
            no_span += 1
        stack.append((name, own.lower() if own is not None else stack[-1][1]))
    return "".join(out)


# The admin is left as it is for now: its Russian screens list Kazakh
# titles and names unmarked (docs/notes-lang.md says what switching it on
# takes).
STAFF_PATHS = ("/admin/",)


class LanguageOfPartsMiddleware:
    """Marks the Kazakh phrases of every public Russian and English HTML page
    (see the module's docstring). Kazakh pages, the admin and other
    responses pass as they are."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path.startswith(STAFF_PATHS)
            or response.streaming
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
