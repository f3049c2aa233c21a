"""Braille and audio versions stored per version of the text: made on
publish by the task, served by an unguessable token, stale (not offered,
404) once the text or the site's braille page changes, and made again."""

import datetime
import uuid

import pytest

from events.models import EventPage, ProgrammeItem
from formats import services, tasks
from formats.models import AlternativeFormat, BrailleSettings, FormatKind, FormatStatus
from tests.events import conftest as events_conftest
from tests.events.test_documents import body_of

pytestmark = pytest.mark.system_package("liblouis-bin", "liblouis-data", "espeak-ng")

PROGRAMME = [("10:00", "Ашылу: Мұқағали әлемі"), ("10:30", "Жамбыл Жабаев айтыстары")]
SOURCE = "events.programme"
ALMATY = events_conftest.ALMATY
events_index, make_event = events_conftest.events_index, events_conftest.make_event
START = datetime.datetime(2026, 12, 3, 10, 0, tzinfo=ALMATY)


@pytest.fixture
def on_publish(settings):
    settings.FORMATS_ON_PUBLISH = True


@pytest.fixture
def published(make_event, on_publish, django_capture_on_commit_callbacks):
    """An event published with its braille and audio made by the task."""
    with django_capture_on_commit_callbacks(execute=True):
        page = make_event(title="Мақатаев оқулары", start=START, programme=PROGRAMME)
    return page


def rows_of(page) -> dict[str, AlternativeFormat]:
    return {row.kind: row for row in AlternativeFormat.objects.of(SOURCE, page.pk)}


def get_file(client, row):
    response = client.get(services.format_url(row))
    return response, body_of(response) if response.status_code == 200 else b""


@pytest.mark.django_db
def test_publishing_an_event_makes_its_braille_and_audio(published):
    rows = rows_of(published)
    assert set(rows) == {FormatKind.BRF, FormatKind.BRAILLE_TEXT, FormatKind.MP3}
    for row in rows.values():
        assert row.status == FormatStatus.READY
        assert row.language == "kk"
        assert row.size == row.file.size > 0
    assert rows[FormatKind.MP3].duration > 1
    assert rows[FormatKind.BRF].duration is None
    assert len({row.token for row in rows.values()}) == 3


@pytest.mark.django_db
def test_a_stored_file_is_served_by_its_token(client, published):
    rows = rows_of(published)
    response, brf = get_file(client, rows[FormatKind.BRF])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-brf"
    assert (
        response["Content-Disposition"] == f'attachment; filename="{published.slug}-programme.brf"'
    )
    assert response["Content-Language"] == "kk"
    assert "no-cache" in response["Cache-Control"]
    with rows[FormatKind.BRF].file.open("rb") as stored:
        assert brf == stored.read()
    assert brf.isascii()

    response, text = get_file(client, rows[FormatKind.BRAILLE_TEXT])
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'inline; filename="{published.slug}-programme-braille.txt"'
    )
    assert any(0x2800 <= ord(ch) <= 0x28FF for ch in text.decode("utf-8"))

    response, mp3 = get_file(client, rows[FormatKind.MP3])
    assert response["Content-Type"] == "audio/mpeg"
    assert response["Content-Disposition"] == f'inline; filename="{published.slug}-programme.mp3"'
    assert len(mp3) == rows[FormatKind.MP3].size

    etag = response["ETag"]
    again = client.get(services.format_url(rows[FormatKind.MP3]), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304


@pytest.mark.django_db
def test_an_unknown_token_is_not_found(client, published):
    brf = rows_of(published)[FormatKind.BRF]
    assert services.format_url(brf) == f"/formats/{brf.token}.brf"
    assert client.get(f"/formats/{uuid.uuid4()}.brf").status_code == 404
    assert client.get("/formats/not-a-token.brf").status_code == 404
    assert client.get(f"/formats/{brf.token}.mp3").status_code == 404
    assert client.post(services.format_url(brf)).status_code == 405


@pytest.mark.django_db
def test_a_changed_programme_makes_the_old_files_stale_and_new_ones(
    client, published, django_capture_on_commit_callbacks
):
    old = rows_of(published)
    page = EventPage.objects.get(pk=published.pk)
    page.programme_items.add(
        ProgrammeItem(sort_order=9, starts_at=START.replace(hour=12), title="Абай әндері")
    )
    page.save_revision()  # a draft: the published programme is unchanged
    assert services.formats_offered(SOURCE, EventPage.objects.get(pk=page.pk))

    # Published, before the task has run (the worker is busy): the old files
    # no longer say what the page says; they are neither offered nor served.
    page = EventPage.objects.get(pk=published.pk)
    with django_capture_on_commit_callbacks(execute=False):
        page.get_latest_revision().publish()
    page = EventPage.objects.get(pk=published.pk)
    assert services.formats_offered(SOURCE, page) == []
    states = services.formats_states(SOURCE, page)
    assert {state.status for state in states.values()} == {"pending"}
    for row in old.values():
        assert get_file(client, row)[0].status_code == 404

    tasks.make_alternative_formats.call(SOURCE, page.pk)
    new = rows_of(page)
    assert {row.status for row in new.values()} == {FormatStatus.READY}
    for kind, row in new.items():
        assert row.source_hash != old[kind].source_hash
        assert row.token != old[kind].token
        assert get_file(client, row)[0].status_code == 200
        assert get_file(client, old[kind])[0].status_code == 404
    assert len(services.formats_offered(SOURCE, page)) == 3


@pytest.mark.django_db
def test_a_fresh_file_is_not_made_again(published):
    before = rows_of(published)
    assert tasks.make_alternative_formats.call(SOURCE, published.pk) == 3
    after = rows_of(published)
    for kind, row in after.items():
        assert (row.token, row.file.name) == (before[kind].token, before[kind].file.name)


@pytest.mark.django_db
def test_a_new_braille_page_size_makes_the_braille_stale(
    client, published, django_capture_on_commit_callbacks
):
    old = rows_of(published)
    site = published.get_site()
    with django_capture_on_commit_callbacks(execute=True):
        settings_row, _created = BrailleSettings.objects.get_or_create(site=site)
        settings_row.line_width = 32
        settings_row.lines_per_page = 20
        settings_row.save()
    new = rows_of(published)
    for kind in (FormatKind.BRF, FormatKind.BRAILLE_TEXT):
        assert new[kind].token != old[kind].token
        assert get_file(client, old[kind])[0].status_code == 404
    # The audio does not depend on the braille page: it is the same file.
    assert new[FormatKind.MP3].token == old[FormatKind.MP3].token
    _response, brf = get_file(client, new[FormatKind.BRF])
    lines = brf.decode("ascii").replace("\f", "\n").splitlines()
    assert max(len(line) for line in lines) <= 32


@pytest.mark.django_db
def test_an_unpublished_event_loses_its_files(
    client, published, django_capture_on_commit_callbacks
):
    rows = rows_of(published)
    page = EventPage.objects.get(pk=published.pk)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        page.unpublish()
    # Not served from the moment it is unpublished, before the task has run.
    assert get_file(client, rows[FormatKind.BRF])[0].status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        for callback in queued:
            callback()  # the task, which deletes the files after its commit
    assert not AlternativeFormat.objects.of(SOURCE, page.pk).exists()
    for row in rows.values():
        assert not row.file.storage.exists(row.file.name)


@pytest.mark.django_db
def test_the_links_cost_a_fixed_number_of_queries(published, django_assert_max_num_queries):
    page = EventPage.objects.get(pk=published.pk)
    services.formats_offered(SOURCE, page)  # warm the site root paths
    with django_assert_max_num_queries(8):
        offers = services.formats_offered(SOURCE, page)
    assert [offer.format for offer in offers] == ["BRF", "TXT", "MP3"]
