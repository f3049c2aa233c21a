"""The public minutes of a Methodologists' Day as a
`formats.document.Document`: the braille and audio versions say what the
page's minutes.pdf and minutes.txt say (`minutes.minutes_data(public=True)`),
in the page's language: when and where, how many attended, what was
discussed, the public resolutions with who and by when, and those carried
over from earlier Days. Registered in `day_hooks.py` as the source
"trainings.minutes"; queued when the Day's page is published, when a
resolution is recorded, corrected, done or reopened (`days.py`), and when
someone's attendance at a Day that has taken place changes.

Unlike the PDF, a resolution's status leaves out "overdue": it changes with
the date alone, and stored files must not go stale overnight (the due date
is said)."""

from django.utils.translation import gettext_lazy as _

from formats.document import Document, Heading, ListBlock, Paragraph
from formats.sources import Source, blocks_from_html
from trainings.minutes import minutes_data
from trainings.models import MethodologistsDayPage, Resolution

SOURCE_KEY = "trainings.minutes"


def _resolution_item(item: dict, labels: dict) -> str:
    parts = [f"{item['number']}. {item['text'].strip()}"]
    if item["assignees"]:
        names = ", ".join(who["name"] for who in item["assignees"])
        parts.append(f"{labels['assignee']}: {names}")
    if item["due"]:
        parts.append(f"{labels['due']}: {item['due']}")
    parts.append(f"{labels['status']}: {item['status']}")
    if item["done_note"]:
        parts.append(f"{labels['done_note']}: {item['done_note']}")
    return ". ".join(part.rstrip(".") for part in parts) + "."


def minutes_document(page: MethodologistsDayPage) -> Document:
    data = minutes_data(page, public=True, overdue=False)
    labels = data["labels"]
    blocks: list = [Paragraph(f"{labels['when']}: {data['when']}")]
    if data["venue"]:
        blocks.append(Paragraph(f"{labels['where']}: {data['venue']}"))
    blocks.append(Paragraph(data["attendance"]))

    blocks.append(Heading(labels["discussed"]))
    discussed = blocks_from_html(data["discussed_html"])
    blocks += discussed or [Paragraph(labels["nothing_recorded"])]

    blocks.append(Heading(labels["resolutions"]))
    if data["resolutions"]:
        blocks.append(
            ListBlock(tuple(_resolution_item(item, labels) for item in data["resolutions"]))
        )
    else:
        blocks.append(Paragraph(labels["no_resolutions"]))

    blocks.append(Heading(labels["carried"]))
    if data["carried"]:
        blocks.append(
            ListBlock(
                tuple(
                    f"{labels['from_day']}: {item['day']['title']}. "
                    + _resolution_item(item, labels)
                    for item in data["carried"]
                )
            )
        )
    else:
        blocks.append(Paragraph(labels["no_carried"]))
    return Document(title=data["document_title"], language=data["language"], blocks=tuple(blocks))


def _public_minutes(pk: int) -> MethodologistsDayPage | None:
    """A Day's live, public page after the Day, with its minutes written
    (the page shows the minutes' downloads only then)."""
    page = MethodologistsDayPage.objects.live().public().filter(pk=pk).first()
    if page is None or not page.has_taken_place:
        return None
    if not (page.minutes or page.source.minutes):
        return None
    return page


def day_pages(day: MethodologistsDayPage) -> list[int]:
    """The Day's pages in every language."""
    return list(
        MethodologistsDayPage.objects.filter(translation_key=day.translation_key).values_list(
            "pk", flat=True
        )
    )


def pages_showing(resolution: Resolution) -> list[int]:
    """The Days whose public minutes may say this resolution: its own Day,
    and the later Days that carry it over (in every language)."""
    day = resolution.day
    return list(
        MethodologistsDayPage.objects.filter(start__gte=day.start).values_list("pk", flat=True)
    )


def minutes_source() -> Source:
    return Source(
        key=SOURCE_KEY,
        get=_public_minutes,
        document=minutes_document,
        labels={
            "brf": _("Minutes in braille"),
            "braille-text": _("Minutes in Unicode braille for braille displays"),
            "mp3": _("Minutes as audio"),
        },
        page_models=(MethodologistsDayPage,),
        filename=lambda page: f"{page.slug}-minutes",
    )
