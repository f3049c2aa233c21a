"""The braille and audio versions on the pages: an event's programme
documents and an announcement offer each ready file with its format, size
and (audio) duration, in kk, ru and en; a format that cannot be made is left
out, the admin says why, and nothing answers 500."""

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.template.defaultfilters import filesizeformat
from django.utils import translation

from events.models import EventPage
from formats import braille, services, tools
from formats.models import AlternativeFormat, FormatKind, FormatStatus
from home.models import AnnouncementIndexPage, AnnouncementPage
from tests.events import conftest as events_conftest
from tests.events.test_documents import body_of

pytestmark = pytest.mark.system_package("liblouis-bin", "liblouis-data", "espeak-ng")

events_index, make_event = events_conftest.events_index, events_conftest.make_event
PROGRAMMES = {
    "kk": [("10:00", "Ашылу: Мұқағали әлемі"), ("10:30", "Жамбыл Жабаев айтыстары")],
    "ru": [("10:00", "Открытие чтений"), ("10:30", "Стихи Абая")],
    "en": [("10:00", "Opening of the readings"), ("10:30", "Poems of Abai")],
}
EVENT_LABELS = {
    "brf": "Programme in braille",
    "braille-text": "Programme in Unicode braille for braille displays",
    "mp3": "Programme as audio",
}


@pytest.fixture
def on_publish(settings):
    settings.FORMATS_ON_PUBLISH = True
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def publish(on_publish, django_capture_on_commit_callbacks):
    def run(make, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return make(*args, **kwargs)

    return run


@pytest.fixture
def without_audio(monkeypatch):
    """A server without espeak-ng (braille can still be made)."""
    real = tools._missing

    def missing(kind):
        return ("espeak-ng",) if kind == "audio" else real(kind)

    monkeypatch.setattr(tools, "_missing", missing)


def expected_name(code, label, row) -> str:
    with translation.override(code):
        parts = [services.KINDS[row.kind].short_name, str(filesizeformat(row.size))]
        if row.duration:
            parts.append(services.duration_text(row.duration))
        return f"{translation.gettext(label)} ({', '.join(parts)})".replace("\xa0", " ")


def download_links(soup, response) -> dict[str, str]:
    return {
        a["href"]: a.get_text(" ", strip=True).replace("\xa0", " ")
        for a in soup(response).select("ul.downloads a")
    }


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["kk", "ru", "en"])
def test_the_event_page_offers_braille_and_audio_with_format_size_and_duration(
    client, soup, publish, make_event, code
):
    page = publish(make_event, code, programme=PROGRAMMES[code])
    rows = {row.kind: row for row in AlternativeFormat.objects.of("events.programme", page.pk)}
    assert set(rows) == {"brf", "braille-text", "mp3"}

    response = client.get(page.url)
    assert response.status_code == 200
    links = download_links(soup, response)
    for kind, row in rows.items():
        url = services.format_url(row)
        assert links[url] == expected_name(code, EVENT_LABELS[kind], row)
    # The programme's PDF, large print and text come first, as before.
    assert list(links)[:3] == [
        page.url + "programme.pdf",
        page.url + "programme-large-print.pdf",
        page.url + "programme.txt",
    ]
    assert rows["mp3"].duration >= 1

    # The braille says the programme: back-translated, its titles and times.
    brf = body_of(client.get(services.format_url(rows["brf"])))
    text = braille.back_translate(brf, code).lower()
    for time_text, title in PROGRAMMES[code]:
        assert time_text in text
        assert title.split(":")[0].split()[0].lower() in text


@pytest.mark.django_db
def test_a_format_that_cannot_be_made_is_left_out(client, soup, publish, make_event, without_audio):
    page = publish(make_event, "kk", programme=PROGRAMMES["kk"])
    rows = {row.kind: row for row in AlternativeFormat.objects.of("events.programme", page.pk)}
    assert rows["mp3"].status == FormatStatus.FAILED
    assert "espeak-ng" in rows["mp3"].reason
    assert not rows["mp3"].file
    assert rows["brf"].status == rows["braille-text"].status == FormatStatus.READY

    response = client.get(page.url)
    assert response.status_code == 200
    formats_shown = [
        # The last parentheses say the format (a label may have its own).
        text.rsplit("(", 1)[1].split(",")[0]
        for text in download_links(soup, response).values()
    ]
    assert formats_shown == ["PDF", "PDF", "TXT", "BRF", "TXT"]
    assert client.get(f"/formats/{rows['mp3'].token}.mp3").status_code == 404


@pytest.mark.django_db
def test_the_admin_says_which_versions_cannot_be_made(client, publish, make_event, without_audio):
    page = publish(make_event, "en", programme=PROGRAMMES["en"])
    admin = get_user_model().objects.create_superuser("formats-admin", "a@example.org", "pw-12345")
    client.force_login(admin)
    with translation.override("ru"):  # the admin's language here
        reason = tools.missing_reason("audio")
    assert "apt-get install espeak-ng" in reason

    edit = client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200
    assert reason in edit.content.decode()

    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert reason in dashboard.content.decode()
    # Braille can be made: the dashboard does not claim otherwise.
    assert tools.missing_reason("braille") is None


@pytest.mark.django_db
def test_the_admin_is_quiet_when_everything_can_be_made(client, publish, make_event):
    page = publish(make_event, "en", programme=PROGRAMMES["en"])
    admin = get_user_model().objects.create_superuser("formats-admin", "a@example.org", "pw-12345")
    client.force_login(admin)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "cannot be made" not in html
    assert "alternative-formats-missing-tools" not in client.get("/admin/").content.decode()


def make_announcement(code, **fields):
    index = AnnouncementIndexPage.objects.filter(locale__language_code=code).first()
    body = [
        {"type": "heading", "value": {"text": fields.pop("heading"), "level": "h2"}},
        {
            "type": "paragraph",
            "value": "<p>Оқырмандарға <b>арналған</b> кеш.</p><ul><li>Бірінші</li><li>Екінші</li></ul>",
        },
    ]
    page = AnnouncementPage(
        title=fields.pop("title"),
        slug=f"formats-announcement-{code}",
        date=datetime.date(2026, 12, 3),
        lead=fields.pop("lead"),
        body=json.dumps(body),
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return AnnouncementPage.objects.get(pk=page.pk)


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["kk", "ru", "en"])
def test_an_announcement_offers_its_braille_and_audio(client, soup, publish, code):
    page = publish(
        make_announcement,
        code,
        title="Жаңа жыл кеші",
        lead="Кітапхана оқырмандарды шақырады.",
        heading="Бағдарлама",
    )
    document = services.current_version(services.get_source("home.announcement"), page).document
    assert document.title == "Жаңа жыл кеші"
    assert [type(block).__name__ for block in document.blocks] == [
        "Paragraph",
        "Paragraph",
        "Heading",
        "Paragraph",
        "ListBlock",
    ]
    assert document.blocks[3].text == "Оқырмандарға арналған кеш."
    assert document.blocks[4].items == ("Бірінші", "Екінші")

    rows = {row.kind: row for row in AlternativeFormat.objects.of("home.announcement", page.pk)}
    assert {row.status for row in rows.values()} == {FormatStatus.READY}
    response = client.get(page.url)
    links = download_links(soup, response)
    assert links == {
        services.format_url(rows[kind]): expected_name(code, label, rows[kind])
        for kind, label in (
            (FormatKind.BRF, "Announcement in braille"),
            (FormatKind.BRAILLE_TEXT, "Announcement in Unicode braille for braille displays"),
            (FormatKind.MP3, "Announcement as audio"),
        )
    }
    assert soup(response).select_one("#alternative-formats-title")


@pytest.mark.django_db
def test_an_event_without_published_versions_shows_the_documents_only(client, soup, make_event):
    page = make_event("kk", programme=PROGRAMMES["kk"])  # FORMATS_ON_PUBLISH is off in tests
    assert not AlternativeFormat.objects.of("events.programme", page.pk).exists()
    links = download_links(soup, client.get(EventPage.objects.get(pk=page.pk).url))
    assert len(links) == 3


@pytest.mark.django_db
def test_the_braille_page_size_is_a_site_setting_in_the_admin(client):
    admin = get_user_model().objects.create_superuser("formats-admin", "a@example.org", "pw-12345")
    client.force_login(admin)
    response = client.get("/admin/settings/formats/braillesettings/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith("/admin/settings/formats/braillesettings/")
    html = response.content.decode()
    assert 'name="line_width"' in html and 'value="40"' in html
    assert 'name="lines_per_page"' in html and 'value="25"' in html
