"""The staff's needs summary says, for braille and audio, how many of those
coming asked, and whether the programme's file is ready in each language of
the event: ready (with its format and size), not yet made, or why it cannot
be made."""

import pytest
from django.template.defaultfilters import filesizeformat
from django.utils import translation

from formats import tools
from formats.models import AlternativeFormat
from formats.services import duration_text, format_url
from tests.events import conftest as events_conftest
from tests.registrations import test_notifications
from tests.registrations.test_staff import make_branch, make_staff, register, url

pytestmark = pytest.mark.system_package("liblouis-bin", "liblouis-data", "espeak-ng")

events_index, make_event = events_conftest.events_index, events_conftest.make_event
open_event = test_notifications.open_event


def summary_items(client, event, soup) -> list[str]:
    page = soup(client.get(url("event", event.pk)))
    return [
        " ".join(item.get_text().replace("\xa0", " ").split())
        for item in page.select(".staff-format-needs > li")
    ]


@pytest.fixture
def branch(db):
    return make_branch("Formats branch")


@pytest.fixture
def staff_client(client, branch):
    client.force_login(make_staff("formats-librarian", branch))
    return client


@pytest.mark.django_db
def test_the_needs_summary_says_what_is_ready_per_format(
    staff_client, branch, open_event, soup, settings, django_capture_on_commit_callbacks
):
    event = open_event()
    for name in ("Reader One", "Reader Two", "Reader Three"):
        register(event, name, branch=branch, material_format="braille")
    register(event, "Listener One", branch=branch, material_format="audio")
    register(event, "Reader Four", branch=branch, material_format="large-print")

    # Published before the braille and audio were made (tests do not make
    # them on publish): not yet made.
    assert summary_items(staff_client, event, soup) == [
        "Braille: 3 asked — English: not yet made",
        "Audio: 1 asked — English: not yet made",
    ]

    settings.FORMATS_ON_PUBLISH = True
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    rows = {row.kind: row for row in AlternativeFormat.objects.of("events.programme", event.pk)}
    items = summary_items(staff_client, event, soup)
    brf, text, mp3 = rows["brf"], rows["braille-text"], rows["mp3"]

    def size(row):
        with translation.override("en"):
            return filesizeformat(row.size).replace("\xa0", " ")

    with translation.override("en"):
        seconds = duration_text(mp3.duration)
    assert items == [
        f"Braille: 3 asked — English: ready (BRF, {size(brf)}; TXT, {size(text)})",
        f"Audio: 1 asked — English: ready (MP3, {size(mp3)}, {seconds})",
    ]
    page = soup(staff_client.get(url("event", event.pk)))
    hrefs = [a["href"] for a in page.select(".staff-format-needs a")]
    assert hrefs == [format_url(brf), format_url(text), format_url(mp3)]


@pytest.mark.django_db
def test_the_needs_summary_says_why_a_format_cannot_be_made(
    staff_client, branch, open_event, soup, monkeypatch
):
    event = open_event()
    register(event, "Listener One", branch=branch, material_format="audio")
    real = tools._missing
    monkeypatch.setattr(
        tools, "_missing", lambda kind: ("espeak-ng",) if kind == "audio" else real(kind)
    )
    items = summary_items(staff_client, event, soup)
    assert items[0] == "Braille: 0 asked — English: not yet made"
    assert items[1].startswith("Audio: 1 asked — English: cannot be made: ")
    assert items[1].endswith("apt-get install espeak-ng")
