"""The programme of an event as a `formats.document.Document`: the braille and
audio versions say what the programme documents say (`documents.document_data`),
in the page's language. Registered in `wagtail_hooks.py` as the source
"events.programme"."""

from django.utils.translation import gettext_lazy as _

from events.documents import document_data
from events.models import EventPage
from formats.document import Document, Heading, ListBlock, Paragraph, Table
from formats.sources import Source

SOURCE_KEY = "events.programme"


def _line(label: str, text: str) -> Paragraph | None:
    text = (text or "").strip()
    return Paragraph(f"{label}: {text}") if text else None


def programme_document(page: EventPage) -> Document:
    data = document_data(page)
    labels = data["labels"]
    blocks = [Paragraph(data["status_notice"]) if data["status_notice"] else None]
    if data["status_note"]:
        blocks.append(Paragraph(data["status_note"]))
    blocks.append(_line(labels["when"], data["when"]))
    venue = data["venue"]
    if venue:
        blocks += [
            _line(labels["where"], venue["name"]),
            _line(labels["address"], venue["address"]),
            _line(labels["directions"], venue["directions"]),
        ]
        if venue["accessibility"]:
            blocks += [
                Paragraph(f"{labels['accessibility']}:"),
                ListBlock(tuple(str(fact) for fact in venue["accessibility"])),
            ]
        blocks.append(_line(labels["contact"], venue["contact"]))
    blocks += [
        _line(labels["organiser"], data["organiser"]),
        _line(labels["audience"], data["audience"]),
    ]
    if data["summary"]:
        blocks.append(Paragraph(data["summary"]))
    blocks.append(Heading(labels["programme"], 2))
    if data["items"]:
        rows = []
        for item in data["items"]:
            title = item["title"]
            if item["description"]:
                title = f"{title}. {item['description']}"
            rows.append((item["time"], title, item["performer"], item["room"], item["notes"]))
        headers = tuple(labels[key] for key in ("time", "item", "performer", "room", "notes"))
        blocks.append(Table(headers=headers, rows=tuple(rows), caption=labels["caption"]))
    else:
        blocks.append(Paragraph(labels["no_programme"]))
    return Document(
        title=data["title"],
        language=data["language"],
        blocks=tuple(block for block in blocks if block is not None),
    )


def _live_event(pk: int) -> EventPage | None:
    page = EventPage.objects.live().public().filter(pk=pk).first()
    return page.specific if page is not None else None


def programme_source() -> Source:
    return Source(
        key=SOURCE_KEY,
        get=_live_event,
        document=programme_document,
        labels={
            "brf": _("Programme in braille"),
            "braille-text": _("Programme in Unicode braille for braille displays"),
            "mp3": _("Programme as audio"),
        },
        page_models=(EventPage,),
        filename=lambda page: f"{page.slug}-programme",
    )
