"""An announcement as a `formats.document.Document` (title, date, lead, the
image's description and the body's headings, paragraphs, lists, tables and
quotes), for its braille and audio versions. Registered in `wagtail_hooks.py`
as the source "home.announcement"."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core import dates
from formats.document import Document, Heading, Paragraph, Table
from formats.sources import Source, blocks_from_html
from home.models import AnnouncementPage

SOURCE_KEY = "home.announcement"


def _image_text(value) -> str:
    """An image block's caption, else its description; nothing for a decorative one."""
    caption = (value.get("caption") or "").strip()
    image = value.get("image")
    alt = (getattr(image, "contextual_alt_text", "") or "").strip()
    if getattr(image, "decorative", False):
        return caption
    return caption or alt


def _table(value) -> Table | None:
    rows = [
        tuple("" if cell is None else str(cell).strip() for cell in row)
        for row in (value.get("data") or [])
    ]
    rows = [row for row in rows if any(row)]
    if not rows:
        return None
    return Table(headers=rows[0], rows=tuple(rows[1:]), caption=value.get("table_caption") or "")


def body_blocks(body) -> list:
    blocks = []
    for child in body:
        value = child.value
        if child.block_type == "heading":
            blocks.append(Heading(value["text"], int(value["level"][1])))
        elif child.block_type == "paragraph":
            blocks += blocks_from_html(value.source)
        elif child.block_type == "passage":
            blocks += blocks_from_html(value["text"].source)
        elif child.block_type == "quote":
            attribution = value.get("attribution") or ""
            text = f"«{value['quote'].strip()}»" + (f" — {attribution}" if attribution else "")
            blocks.append(Paragraph(text))
        elif child.block_type == "table":
            table = _table(value)
            if table is not None:
                blocks.append(table)
        elif child.block_type == "image":
            text = _image_text(value)
            if text:
                blocks.append(Paragraph(text))
        elif child.block_type == "document":
            title = value.get("title") or getattr(value.get("document"), "title", "")
            if title:
                blocks.append(Paragraph(title))
    return blocks


def announcement_document(page: AnnouncementPage) -> Document:
    language = page.locale.language_code
    with translation.override(language):
        blocks = [Paragraph(dates.format_date(page.date)), Paragraph(page.lead)]
    if page.image_id and page.image_alt.strip():
        blocks.append(Paragraph(page.image_alt.strip()))
    blocks += body_blocks(page.body)
    return Document(
        title=page.title,
        language=language,
        blocks=tuple(block for block in blocks if getattr(block, "text", True)),
    )


def _live_announcement(pk: int) -> AnnouncementPage | None:
    return AnnouncementPage.objects.live().public().filter(pk=pk).first()


def announcement_source() -> Source:
    return Source(
        key=SOURCE_KEY,
        get=_live_announcement,
        document=announcement_document,
        labels={
            "brf": _("Announcement in braille"),
            "braille-text": _("Announcement in Unicode braille for braille displays"),
            "mp3": _("Announcement as audio"),
        },
        page_models=(AnnouncementPage,),
    )
