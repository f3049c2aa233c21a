"""The confirmation e-mail of someone who asked for braille or audio links
the programme's version when it is ready, and says it will be on the event's
page when it is not yet."""

import pytest
from django.core import mail
from django.utils import translation

from formats import services
from formats.models import AlternativeFormat
from tests.events import conftest as events_conftest
from tests.registrations.test_notifications import open_event, register  # noqa: F401

pytestmark = pytest.mark.system_package("liblouis-bin", "liblouis-data", "espeak-ng")

events_index, make_event = events_conftest.events_index, events_conftest.make_event
BASE = "http://testserver"


def html_and_text(message) -> tuple[str, str]:
    return message.alternatives[0][0], message.body


@pytest.fixture
def event_with_versions(open_event, settings, django_capture_on_commit_callbacks):  # noqa: F811
    settings.FORMATS_ON_PUBLISH = True
    with django_capture_on_commit_callbacks(execute=True):
        event = open_event(programme=[("11:00", "Opening"), ("11:30", "Poems of Abai")])
    settings.FORMATS_ON_PUBLISH = False
    return event


@pytest.mark.django_db
def test_someone_who_asked_for_braille_gets_its_links(event_with_versions, register):  # noqa: F811
    register(
        event_with_versions, "Reader One", email="reader@example.org", material_format="braille"
    )
    rows = {
        row.kind: row
        for row in AlternativeFormat.objects.of("events.programme", event_with_versions.pk)
    }
    html, text = html_and_text(mail.outbox[-1])
    for kind in ("brf", "braille-text"):
        link = BASE + services.format_url(rows[kind])
        assert f'href="{link}"' in html
        assert link in text
    assert "Programme in braille (BRF, " in text
    assert services.format_url(rows["mp3"]) not in html + text
    assert "The programme in your format" in text


@pytest.mark.django_db
def test_someone_who_asked_for_audio_gets_the_mp3(event_with_versions, register):  # noqa: F811
    register(event_with_versions, "Listener", email="listener@example.org", material_format="audio")
    mp3 = AlternativeFormat.objects.of("events.programme", event_with_versions.pk).get(kind="mp3")
    html, text = html_and_text(mail.outbox[-1])
    line = next(line for line in text.splitlines() if "Programme as audio" in line)
    assert line.endswith(BASE + services.format_url(mp3))
    with translation.override("en"):  # the registrant's (the page's) language
        assert services.duration_text(mp3.duration) in line
    assert "(MP3, " in line


@pytest.mark.django_db
def test_a_version_not_yet_made_is_promised_on_the_event_page(open_event, register):  # noqa: F811
    event = open_event()
    register(event, "Reader Two", email="reader2@example.org", material_format="braille")
    html, text = html_and_text(mail.outbox[-1])
    assert "The programme in braille is not ready yet; it will be on the event's page:" in text
    assert "/formats/" not in text + html


@pytest.mark.django_db
def test_no_versions_for_someone_who_asked_for_none(event_with_versions, register):  # noqa: F811
    register(
        event_with_versions, "Reader Three", email="r3@example.org", material_format="large-print"
    )
    html, text = html_and_text(mail.outbox[-1])
    assert "The programme in your format" not in text
    assert "/formats/" not in text + html
