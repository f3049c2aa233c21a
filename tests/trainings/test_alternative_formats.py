"""The public minutes of a Methodologists' Day in braille and as audio: what
the Document says (and leaves out), made in the background when the Day's
page is published or a resolution changes, offered next to the minutes' PDF
and text in kk, ru and en, stale and made again after a change."""

import datetime

import pytest
from django.utils import timezone, translation

from core import dates
from formats.document import Heading, ListBlock, Paragraph
from registrations.enums import RegistrationStatus
from registrations.services import registration_attend
from tests.formats import source_checks as check
from tests.trainings import test_minutes
from tests.trainings.test_days import make_branch
from trainings import alternative_formats, days
from trainings.enums import ResolutionStatus
from trainings.models import MethodologistsDayPage

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.system_package("liblouis-bin", "liblouis-data", "espeak-ng"),
]

admin, day, came = test_minutes.admin, test_minutes.day, test_minutes.came
PUBLIC_TEXT, PRIVATE_TEXT, CARRIED_TEXT = (
    test_minutes.PUBLIC_TEXT,
    test_minutes.PRIVATE_TEXT,
    test_minutes.CARRIED_TEXT,
)
PRESENT, ABSENT, INTERNAL = test_minutes.PRESENT, test_minutes.ABSENT, test_minutes.INTERNAL
SOURCE = alternative_formats.SOURCE_KEY
LABELS = {
    "brf": "Minutes in braille",
    "braille-text": "Minutes in Unicode braille for braille displays",
    "mp3": "Minutes as audio",
}
TRANSLATIONS = {
    "ru": (
        "Методический день — 2026, IV квартал",
        "<p>Обсудили пополнение брайлевского фонда.</p>",
    ),
    "en": (
        "Methodologists' Day — 2026, 4th quarter",
        "<p>We discussed the braille collection.</p>",
    ),
}


def tr(code: str, message: str, **params) -> str:
    with translation.override(code):
        text = translation.gettext(message)
    return text % params if params else text


def status_open() -> str:
    with translation.override("kk"):
        return str(ResolutionStatus.OPEN.label)


@pytest.fixture
def on_publish(settings):
    settings.FORMATS_ON_PUBLISH = True
    settings.PAGE_CACHE_SECONDS = 0


def items(document, heading="Resolutions") -> list[str]:
    """The items of the list under a heading (of the document's language)."""
    blocks = document.blocks
    following = blocks[blocks.index(Heading(tr(document.language, heading))) + 1]
    return list(following.items) if isinstance(following, ListBlock) else []


def test_the_document_says_the_public_minutes(day):
    document = alternative_formats.minutes_document(day)
    assert document.language == "kk"
    assert document.title == tr("kk", "Minutes: %(title)s", title=day.title)
    assert Paragraph(tr("kk", "People present: %(count)s.", count=2)) in document.blocks
    # The rich text's heading, paragraph and list, as blocks.
    assert Heading("Баяндамалар", 3) in document.blocks
    assert Paragraph("Брайль қорын толықтыру туралы әңгіме болды.") in document.blocks
    assert ListBlock(("Аудиокітаптар", "Тактильді кітаптар")) in document.blocks
    headings = [block.text for block in document.blocks if isinstance(block, Heading)]
    assert headings == [
        tr("kk", "What was discussed"),
        "Баяндамалар",
        tr("kk", "Resolutions"),
        tr("kk", "Carried over from earlier Days"),
    ]
    said = items(document)
    assert said == [
        f"1. {PUBLIC_TEXT.rstrip('.')}. {tr('kk', 'Assigned to')}: Сайрам филиалы. "
        f"{tr('kk', 'Status')}: {status_open()}."
    ]
    carried = items(document, "Carried over from earlier Days")
    assert any(CARRIED_TEXT.rstrip(".") in item for item in carried)
    # Never the names of who came, the internal notes or a private resolution.
    text = " ".join(check.words(str(block)) for block in document.blocks)
    for secret in (*PRESENT, ABSENT, INTERNAL, PRIVATE_TEXT):
        assert check.words(secret) not in text


def test_a_resolution_says_who_and_by_when_but_not_overdue(day, admin):
    due = timezone.localdate() - datetime.timedelta(days=3)
    resolution = days.resolution_add(
        day=day, text="Каталогты жаңарту.", assignee_user=admin, due_date=due, by=admin
    )
    assert resolution.is_overdue
    document = alternative_formats.minutes_document(MethodologistsDayPage.objects.get(pk=day.pk))
    item = next(item for item in items(document) if "Каталогты жаңарту" in item)
    with translation.override("kk"):
        due_text = dates.format_date(due)
    assert f"{tr('kk', 'Due')}: {due_text}" in item
    assert item.endswith(f"{tr('kk', 'Status')}: {status_open()}.")


def test_no_versions_before_the_day_or_without_minutes(make_day, day):
    upcoming = make_day(days=20, minutes="<p>Жоспар.</p>")
    held_without_minutes = make_day(days=-5)
    assert alternative_formats._public_minutes(upcoming.pk) is None
    assert alternative_formats._public_minutes(held_without_minutes.pk) is None
    assert alternative_formats._public_minutes(day.pk) == day


def test_publishing_the_day_makes_braille_and_audio_that_say_the_minutes(
    client, soup, day, on_publish, django_capture_on_commit_callbacks
):
    assert check.rows_of(SOURCE, day.pk) == {}
    with django_capture_on_commit_callbacks(execute=True):
        day.save_revision().publish()
    rows = check.rows_of(SOURCE, day.pk)
    assert {row.status for row in rows.values()} == {"ready"}
    for braille in check.braille_says(client, rows, "kk"):
        assert check.words(PUBLIC_TEXT.rstrip(".")) in braille
        assert "сайрам филиалы" in braille
        assert check.words(CARRIED_TEXT.rstrip(".")) in braille
        assert "тактильді кітаптар" in braille
        assert check.words(PRIVATE_TEXT) not in braille
    assert check.brf_fits(check.served(client, rows["brf"])[1])
    audio = check.audio_of(client, rows["mp3"])
    assert audio.info.length > 3
    assert str(audio.tags["TLAN"]) == "kaz"
    assert str(audio.tags["TIT2"]) == tr("kk", "Minutes: %(title)s", title=day.title)


@pytest.mark.parametrize("code", ["kk", "ru", "en"])
def test_the_day_page_offers_them_after_the_pdf_and_text(
    client, soup, day, translate, on_publish, code
):
    page = day
    if code != "kk":
        title, minutes = TRANSLATIONS[code]
        page = translate(day, code, title=title, minutes=minutes)
    rows = check.make(SOURCE, page.pk)
    assert {row.language for row in rows.values()} == {code}
    html = soup(client.get(page.url))
    links = {
        a["href"]: a.get_text(" ", strip=True).replace("\xa0", " ")
        for a in html.select("section.minutes ul.downloads a")
    }
    assert list(links)[:2] == [page.url + "minutes.pdf", page.url + "minutes.txt"]
    assert list(links.values())[2:] == [
        check.link_name(code, LABELS[kind], rows[kind]) for kind in ("brf", "braille-text", "mp3")
    ]
    assert rows["mp3"].duration > 1
    brf, _text = check.braille_says(client, rows, code)
    assert check.words(tr(code, "Resolutions")) in brf
    if code == "ru":
        assert "пополнение брайлевского фонда" in brf


def test_a_resolution_done_makes_the_files_stale_and_new_ones_say_it(
    client, day, admin, on_publish, django_capture_on_commit_callbacks
):
    old = check.make(SOURCE, day.pk)
    resolution = day.resolutions.get(text=PUBLIC_TEXT)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        days.resolution_done(resolution=resolution, note="Бұрыштар ашылды.", by=admin)
    day = MethodologistsDayPage.objects.get(pk=day.pk)
    assert check.services.formats_offered(SOURCE, day) == []
    for row in old.values():
        assert check.served(client, row)[0] == 404

    for callback in queued:
        callback()
    new = check.rows_of(SOURCE, day.pk)
    for kind, row in new.items():
        assert row.status == "ready"
        assert row.token != old[kind].token
    # The Unicode braille: the BRF's page numbers may fall between the words.
    _brf, text = check.braille_says(client, new, "kk")
    assert "бұрыштар ашылды" in text


def test_a_later_check_in_queues_the_minutes_again(
    day, admin, on_publish, django_capture_on_commit_callbacks
):
    old = check.make(SOURCE, day.pk)
    late = came(day, "Әлия Жұмабаева", RegistrationStatus.CONFIRMED)
    with django_capture_on_commit_callbacks(execute=True):
        registration_attend(registration=late, by=admin)
    new = check.rows_of(SOURCE, day.pk)
    assert new["brf"].token != old["brf"].token
    document = alternative_formats.minutes_document(day)
    assert Paragraph(tr("kk", "People present: %(count)s.", count=3)) in document.blocks


def test_a_branch_is_named_on_every_days_minutes_that_carry_it(make_day, admin, on_publish):
    branch = make_branch("Төлеби филиалы")
    earlier = make_day(days=-60, minutes="<p>Бірінші.</p>")
    later = make_day(days=-2, minutes="<p>Екінші.</p>")
    resolution = days.resolution_add(
        day=earlier, text="Брайль кітаптарын тарату.", assignee_branch=branch, by=admin
    )
    assert set(alternative_formats.pages_showing(resolution)) >= {earlier.pk, later.pk}
    later_document = alternative_formats.minutes_document(later)
    later_text = " ".join(items(later_document, "Carried over from earlier Days"))
    assert "Брайль кітаптарын тарату" in later_text
