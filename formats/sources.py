"""The registry of texts that have braille and audio versions.

`formats` sits at the bottom of the layers and imports none of the apps that
have texts; each of them registers its texts here instead, with the Wagtail
hook `alternative_format_sources` (in its `wagtail_hooks.py`), a callable
returning one `Source` (or a list of them):

    from formats.sources import Source

    @hooks.register("alternative_format_sources")
    def announcement_formats():
        return Source(
            key="home.announcement",
            get=lambda pk: AnnouncementPage.objects.live().public().filter(pk=pk).first(),
            document=announcement_document,         # object -> formats.document.Document
            labels={"brf": _("Announcement in braille"), ...},
            page_models=(AnnouncementPage,),        # publishing one queues its versions
        )

That is all a source needs: `formats.services` makes, stores, offers and
serves the versions; `formats.tasks.enqueue_formats(key, pk)` queues them
for a text that is not a page (call it after the change that makes the text
public or changes it, from the owning app's service).

The version of a text is the fingerprint of its `Document` (or of
`fingerprint(obj)` when the source gives one, e.g. the same data the
programme PDFs hash), so any change to what the braille and audio say makes
the stored files stale.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from django.utils.functional import Promise
from wagtail import hooks

from formats.document import Block, Document, Heading, ListBlock, Paragraph

HOOK = "alternative_format_sources"


def _default_filename(obj: Any) -> str:
    slug = getattr(obj, "slug", "")
    return slug or str(obj.pk)


@dataclass(frozen=True)
class Source:
    """A kind of text with braille and audio versions.

    key: "<app>.<text>", stored with every file ("events.programme").
    get: the object by its primary key, or None when it is gone or not public
        (then nothing of it is made or served).
    document: the object as a `Document` in the object's own language.
    labels: the links' names per kind ("brf", "braille-text", "mp3"), each
        meaningful out of context ("Programme in braille"); a kind without
        a label is not made for this source.
    page_models: publishing a page of one of these models queues its versions.
    fingerprint: JSON-serialisable data that changes whenever the text does
        (default: the document itself).
    filename: the downloaded file's name without extension (default: slug).
    site: the Wagtail site whose braille settings apply (default: the page's
        site, or the default site).
    personal: the files hold one person's data (a certificate): served as
        private (no shared cache keeps them) and not to be indexed.
    """

    key: str
    get: Callable[[int], Any | None]
    document: Callable[[Any], Document]
    labels: Mapping[str, Promise | str]
    page_models: tuple[type, ...] = ()
    fingerprint: Callable[[Any], Any] | None = None
    filename: Callable[[Any], str] = _default_filename
    site: Callable[[Any], Any] | None = None
    personal: bool = False
    kinds: tuple[str, ...] = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "kinds", tuple(self.labels))


def _collect() -> Iterable[Source]:
    for hook in hooks.get_hooks(HOOK):
        found = hook()
        if isinstance(found, Source):
            yield found
        elif found:
            yield from found


def all_sources() -> dict[str, Source]:
    """Every registered source by key (a duplicate key is a programming error)."""
    sources: dict[str, Source] = {}
    for source in _collect():
        if source.key in sources:
            raise ValueError(f"Two alternative format sources are called {source.key!r}")
        sources[source.key] = source
    return sources


def get_source(key: str) -> Source | None:
    return all_sources().get(key)


def sources_for_page(page) -> list[Source]:
    """The sources whose texts are pages of this page's model."""
    return [
        source
        for source in all_sources().values()
        if source.page_models and isinstance(page, source.page_models)
    ]


# ---------------------------------------------------------------------------
# Helpers for sources whose text is HTML (rich text)


class _BlockParser(HTMLParser):
    """Paragraphs, list items and headings of rich text; inline tags are
    dropped (their text kept), line breaks become spaces."""

    BREAKS = {"p", "div", "blockquote", "h2", "h3", "h4", "h5", "h6"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list = []
        self.text: list[str] = []
        self.items: list[str] | None = None
        self.depth = 0  # nested lists are read as items of the outer one
        self.heading = 0

    def _flush(self):
        text = " ".join("".join(self.text).split())
        self.text = []
        if not text:
            return
        if self.items is not None:
            self.items.append(text)
        elif self.heading:
            self.blocks.append(Heading(text, self.heading))
        else:
            self.blocks.append(Paragraph(text))

    def handle_starttag(self, tag, attrs):
        if tag in ("ul", "ol"):
            self._flush()
            self.depth += 1
            if self.items is None:
                self.items = []
        elif tag == "li" or tag in self.BREAKS:
            self._flush()
            if tag[0] == "h" and tag[1:].isdigit():
                self.heading = int(tag[1:])
        elif tag == "br":
            self.text.append(" ")

    def handle_endtag(self, tag):
        if tag in ("ul", "ol"):
            self._flush()
            self.depth -= 1
            if self.depth == 0 and self.items is not None:
                if self.items:
                    self.blocks.append(ListBlock(tuple(self.items)))
                self.items = None
        elif tag == "li" or tag in self.BREAKS:
            self._flush()
            self.heading = 0

    def handle_data(self, data):
        self.text.append(data)

    def close(self):
        super().close()
        self._flush()


def blocks_from_html(html: str) -> list[Block]:
    """Rich text as document blocks: each paragraph a `Paragraph`, each list
    (nested ones flattened into it) a `ListBlock`, h2–h6 a `Heading`."""
    parser = _BlockParser()
    parser.feed(html or "")
    parser.close()
    return parser.blocks
