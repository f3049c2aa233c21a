"""A text as braille and audio need it: a title, a language and blocks.

Every source of an alternative format (an event's programme, an
announcement, a competition's results, a Day's minutes, a certificate's text)
first becomes a `Document`; the braille layout (`formats.braille`) and the
speech (`formats.audio`) then work on this one shape, not on pages or HTML.

A section starts at each `Heading`: braille readers find it by its layout,
audio players by a chapter of its own.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2  # 1 is the document's title level


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class ListBlock:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """Read row by row, each cell with its column's header."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


Block = Heading | Paragraph | ListBlock | Table


@dataclass(frozen=True)
class Document:
    title: str
    language: str  # "kk", "ru" or "en"
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    def sections(self) -> list[tuple[str, tuple[Block, ...]]]:
        """The blocks split at each heading: (heading text, blocks after it).
        The blocks before the first heading belong to the title."""
        sections: list[tuple[str, list[Block]]] = [(self.title, [])]
        for block in self.blocks:
            if isinstance(block, Heading):
                sections.append((block.text, []))
            else:
                sections[-1][1].append(block)
        return [
            (title, tuple(blocks)) for title, blocks in sections if blocks or title != self.title
        ]

    def word_count(self) -> int:
        return len(plain_text(self).split())


def plain_text(document: Document) -> str:
    """The document as plain text, a blank line between blocks."""
    parts = [document.title]
    for block in document.blocks:
        if isinstance(block, Heading | Paragraph):
            parts.append(block.text)
        elif isinstance(block, ListBlock):
            parts.append("\n".join(block.items))
        else:
            if block.caption:
                parts.append(block.caption)
            for row in block.rows:
                parts.append(
                    "; ".join(f"{h}: {c}" for h, c in zip(block.headers, row, strict=False) if c)
                )
    return "\n\n".join(part for part in parts if part)
