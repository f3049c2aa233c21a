"""The iCalendar feeds as a calendar app sees them: parsed back by two
independent parsers (icalendar and vobject), with stable UIDs, rising
SEQUENCEs, Asia/Almaty times, reminders, conditional GETs and no N+1."""

import datetime

import icalendar
import pytest
import vobject
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from events.models import EventKind, EventPage, PersonalCalendar

ALMATY = datetime.timezone(datetime.timedelta(hours=5))
pytestmark = pytest.mark.django_db


@pytest.fixture
def fetch(rf):
    """GET a route of a routable page (feed.ics, kind/<slug>.ics, calendar.ics).

    It routes inside the page: Wagtail's URL pattern does not serve names with
    a dot yet (see test_feeds_are_served_through_the_url_map)."""

    def get(page, route, **headers):
        request = rf.get(f"{page.url}{route}", **headers)
        view, args, kwargs = page.resolve_subpage(f"/{route}")
        return page.serve(request, view, args, kwargs)

    return get


@pytest.fixture
def personal():
    def create(*events, **fields):
        calendar = PersonalCalendar.objects.create(label="Әйгерім", **fields)
        calendar.events.add(*events)
        return calendar

    return create


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def events_by_uid(response) -> dict[str, icalendar.Event]:
    return {str(event["UID"]): event for event in parse(response).walk("VEVENT")}


def uid(page) -> str:
    return f"event-{page.translation_key}-{page.locale.language_code}@special-library"


def republish(page, **changes) -> EventPage:
    page = EventPage.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)


# Shape of the feeds -----------------------------------------------------------


def test_index_feed_parses_with_icalendar_and_vobject(fetch, make_event, events_index):
    first, second = make_event(), make_event(all_day=True)
    index = events_index("kk")
    response = fetch(index, "feed.ics")

    calendar = parse(response)
    assert [calendar[name] for name in ("VERSION", "CALSCALE", "METHOD")] == [
        "2.0",
        "GREGORIAN",
        "PUBLISH",
    ]
    assert calendar["PRODID"] == "-//Special library for blind and low-vision readers//Events//EN"
    assert calendar["X-WR-CALNAME"] == index.title
    assert calendar["X-WR-TIMEZONE"] == "Asia/Almaty"
    uids = [str(event["UID"]) for event in calendar.walk("VEVENT")]
    assert len(uids) == len(set(uids))
    assert {uid(first), uid(second)} <= set(uids)

    parsed = vobject.readOne(response.content.decode())
    assert sorted(event.uid.value for event in parsed.vevent_list) == sorted(uids)
    by_uid = {event.uid.value: event for event in parsed.vevent_list}
    assert by_uid[uid(first)].summary.value == first.title
    assert by_uid[uid(first)].url.value == f"http://testserver{first.url}"
    assert by_uid[uid(second)].dtstart.value == timezone.localdate(second.start)


@pytest.mark.parametrize("code", ["kk", "ru", "en"])
def test_lines_are_crlf_and_folded_at_75_octets(fetch, make_event, events_index, code):
    make_event(
        code, title="Мұқағали Мақатаев оқулары " * 6, status="postponed", status_note="Ә" * 200
    )
    body = fetch(events_index(code), "feed.ics").content
    assert body.endswith(b"END:VCALENDAR\r\n")
    lines = body.split(b"\r\n")[:-1]
    assert [line for line in lines if len(line) > 75 or b"\n" in line] == []
    body.decode()  # folding never splits a character


def test_response_headers(fetch, make_event, events_index):
    make_event()
    response = fetch(events_index("kk"), "feed.ics")
    assert response["Content-Disposition"] == 'inline; filename="events.ics"'
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"]


def test_vtimezone_is_asia_almaty_at_plus_five(fetch, make_event):
    event = make_event()
    calendar = parse(fetch(event, "calendar.ics"))
    (vtimezone,) = calendar.walk("VTIMEZONE")
    assert vtimezone["TZID"] == "Asia/Almaty"
    current = max(vtimezone.walk("STANDARD"), key=lambda part: part["DTSTART"].dt)
    assert current["DTSTART"].dt == datetime.datetime(2024, 3, 1)
    assert current["TZOFFSETTO"].td == datetime.timedelta(hours=5)
    assert b"TZOFFSETTO:+0500" in current.to_ical()


def test_event_time_is_in_almaty_and_converts_to_utc(fetch, make_event):
    event = make_event(start=datetime.datetime(2026, 12, 1, 10, 0, tzinfo=ALMATY), hours=2)
    response = fetch(event, "calendar.ics")
    assert b"\r\nDTSTART;TZID=Asia/Almaty:20261201T100000\r\n" in response.content
    (parsed,) = parse(response).walk("VEVENT")
    utc_start = datetime.datetime(2026, 12, 1, 5, 0, tzinfo=datetime.UTC)
    assert parsed["DTSTART"].dt.astimezone(datetime.UTC) == utc_start
    assert parsed["DTEND"].dt.astimezone(datetime.UTC) == utc_start + datetime.timedelta(hours=2)
    other = vobject.readOne(response.content.decode()).vevent
    assert other.dtstart.value.astimezone(datetime.UTC) == utc_start


def test_all_day_event_has_dates_and_an_exclusive_end(fetch, make_event):
    event = make_event(
        start=datetime.datetime(2026, 12, 1, 9, 0, tzinfo=ALMATY),
        end=datetime.datetime(2026, 12, 3, 18, 0, tzinfo=ALMATY),
        all_day=True,
    )
    response = fetch(event, "calendar.ics")
    assert b"\r\nDTSTART;VALUE=DATE:20261201\r\n" in response.content
    assert b"\r\nDTEND;VALUE=DATE:20261204\r\n" in response.content
    other = vobject.readOne(response.content.decode()).vevent
    assert (other.dtstart.value, other.dtend.value) == (
        datetime.date(2026, 12, 1),
        datetime.date(2026, 12, 4),
    )


def test_event_properties(fetch, make_event):
    event = make_event(title="Брайль күні", summary="Брайль жазуымен танысу.", audience="readers")
    response = fetch(event, "calendar.ics")
    (parsed,) = parse(response).walk("VEVENT")
    assert parsed["UID"] == uid(event)
    assert parsed["SEQUENCE"] == 0
    assert parsed["STATUS"] == "CONFIRMED"
    assert parsed["SUMMARY"] == "Брайль күні"
    assert parsed["SUMMARY"].params["LANGUAGE"] == "kk"
    assert parsed["URL"] == f"http://testserver{event.url}"
    assert parsed["CREATED"].dt == event.first_published_at.replace(microsecond=0)
    assert parsed["LAST-MODIFIED"].dt == event.last_published_at.replace(microsecond=0)
    assert parsed["DTSTAMP"].dt.utcoffset() == datetime.timedelta(0)
    assert b"\r\nDTSTAMP:" in response.content
    description = str(parsed["DESCRIPTION"])
    assert description.splitlines()[0] == "Брайль жазуымен танысу."
    assert f"http://testserver{event.url}" in description.splitlines()
    assert event.organiser.name in description
    location = str(parsed["LOCATION"])
    assert location.startswith(f"{event.venue.name}, Шымкент қ., Оқырман көшесі, 12.")
    assert "Кіреберісте" in location
    assert parsed["LOCATION"].params["LANGUAGE"] == "kk"


def test_russian_event_speaks_russian(fetch, make_event):
    event = make_event("ru", title="День Брайля")
    (parsed,) = parse(fetch(event, "calendar.ics")).walk("VEVENT")
    assert parsed["UID"] == f"event-{event.translation_key}-ru@special-library"
    assert parsed["SUMMARY"].params["LANGUAGE"] == "ru"


def test_index_feed_keeps_a_year_of_past_events(fetch, make_event, events_index):
    now = timezone.now()
    recent = make_event(start=now - datetime.timedelta(days=30))
    old = make_event(start=now - datetime.timedelta(days=400))
    uids = events_by_uid(fetch(events_index("kk"), "feed.ics"))
    assert uid(recent) in uids
    assert uid(old) not in uids


# Changes --------------------------------------------------------------------------


def test_uid_is_stable_across_an_edit(fetch, make_event):
    event = make_event()
    before = events_by_uid(fetch(event, "calendar.ics"))
    event = republish(event, title="Жаңа атауы")
    after = events_by_uid(fetch(event, "calendar.ics"))
    assert list(before) == list(after) == [uid(event)]
    assert after[uid(event)]["SUMMARY"] == "Жаңа атауы"


def test_sequence_rises_with_the_time_and_not_on_an_unchanged_publish(
    fetch, make_event, events_index
):
    event = make_event()
    index = events_index("kk")
    assert events_by_uid(fetch(index, "feed.ics"))[uid(event)]["SEQUENCE"] == 0

    hour = datetime.timedelta(hours=1)
    event = republish(event, start=event.start + hour, end=event.end + hour)
    assert events_by_uid(fetch(index, "feed.ics"))[uid(event)]["SEQUENCE"] == 1

    event = republish(event)
    assert events_by_uid(fetch(index, "feed.ics"))[uid(event)]["SEQUENCE"] == 1


def test_publishing_an_event_refreshes_the_cached_feed(fetch, make_event, events_index):
    first = make_event()
    index = events_index("kk")
    assert uid(first) in events_by_uid(fetch(index, "feed.ics"))
    second = make_event()
    assert {uid(first), uid(second)} <= set(events_by_uid(fetch(index, "feed.ics")))


def publish_unrelated_page() -> None:
    """Starts a new page-cache generation without touching any event."""
    Page.objects.get(depth=2, locale__language_code="ru").specific.save_revision().publish()


def test_unrelated_publish_keeps_the_etag(fetch, make_event, events_index):
    make_event()
    index = events_index("kk")
    etag = fetch(index, "feed.ics")["ETag"]
    publish_unrelated_page()
    assert fetch(index, "feed.ics")["ETag"] == etag


def test_venue_edit_shows_in_the_next_generation(fetch, make_event, events_index):
    event = make_event()
    index = events_index("kk")
    assert str(events_by_uid(fetch(index, "feed.ics"))[uid(event)]["LOCATION"]).startswith(
        event.venue.name
    )
    event.venue.name = "Үлкен зал"
    event.venue.save()
    publish_unrelated_page()
    location = str(events_by_uid(fetch(index, "feed.ics"))[uid(event)]["LOCATION"])
    assert location.startswith("Үлкен зал, ")


# Status ------------------------------------------------------------------------------


def test_cancelled_event_is_cancelled_in_every_feed(
    fetch, client, make_event, events_index, personal
):
    event = make_event(status="cancelled", status_note="Зал жөнделуде.")
    index = events_index("kk")
    calendar = personal(event)
    responses = {
        "all": fetch(index, "feed.ics"),
        "kind": fetch(index, f"kind/{event.kind.slug}.ics"),
        "event": fetch(event, "calendar.ics"),
        "personal": client.get(f"/calendar/{calendar.token}.ics"),
    }
    for name, response in responses.items():
        parsed = events_by_uid(response)[uid(event)]
        assert (name, parsed["STATUS"]) == (name, "CANCELLED")
        assert parsed["SUMMARY"] == f"Өтпейді: {event.title}"
        assert "Өтпейді. Зал жөнделуде." in str(parsed["DESCRIPTION"]).splitlines()


def test_postponed_event_is_tentative(fetch, make_event):
    event = make_event(status="postponed")
    (parsed,) = parse(fetch(event, "calendar.ics")).walk("VEVENT")
    assert parsed["STATUS"] == "TENTATIVE"
    assert parsed["SUMMARY"] == event.title
    assert "Ауыстырылды." in str(parsed["DESCRIPTION"]).splitlines()


# Kinds ---------------------------------------------------------------------------


def test_kind_feed_has_only_that_kind(fetch, make_event, events_index):
    kind = EventKind.objects.create(
        locale=events_index("kk").locale, slug="calendar-test-kind", name="Көрме"
    )
    reading, shown = make_event(), make_event(kind=kind)
    index = events_index("kk")
    response = fetch(index, "kind/calendar-test-kind.ics")
    assert list(events_by_uid(response)) == [uid(shown)]
    assert parse(response)["X-WR-CALNAME"] == f"{index.title}: Көрме"
    assert response["Content-Disposition"] == 'inline; filename="events-calendar-test-kind.ics"'
    assert uid(reading) in events_by_uid(fetch(index, "kind/reading.ics"))


def test_unknown_kind_is_404(fetch, events_index):
    response = fetch(events_index("kk"), "kind/no-such-kind.ics")
    assert response.status_code == 404
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == "Бұл тізімде мұндай іс-шара түрі жоқ."


# Conditional GET -------------------------------------------------------------------


def test_matching_etag_is_304_and_another_is_200(fetch, make_event, events_index):
    make_event()
    index = events_index("kk")
    first = fetch(index, "feed.ics")
    etag = first["ETag"]

    again = fetch(index, "feed.ics", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again["Cache-Control"] == "public, max-age=300"

    other = fetch(index, "feed.ics", HTTP_IF_NONE_MATCH='"something-else"')
    assert other.status_code == 200
    assert other.content == first.content


def test_if_modified_since_without_etag_is_304(fetch, make_event):
    event = make_event()
    last_modified = fetch(event, "calendar.ics")["Last-Modified"]
    assert fetch(event, "calendar.ics", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    earlier = "Thu, 01 Jan 2026 00:00:00 GMT"
    assert fetch(event, "calendar.ics", HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200


def test_file_name_is_ascii(fetch, make_event):
    assert (
        fetch(make_event(slug="calendar-test-day"), "calendar.ics")["Content-Disposition"]
        == 'inline; filename="calendar-test-day.ics"'
    )
    kazakh = make_event(slug="кітап-күні")
    assert fetch(kazakh, "calendar.ics")["Content-Disposition"] == (
        'inline; filename="calendar.ics"'
    )


def test_private_event_is_not_publicly_cacheable(fetch, make_event):
    event = make_event()
    PageViewRestriction.objects.create(page=event, restriction_type=PageViewRestriction.LOGIN)
    assert fetch(event, "calendar.ics")["Cache-Control"] == "private, max-age=300"


# Personal calendars --------------------------------------------------------------


def test_personal_feed_has_two_reminders_per_event(client, make_event, personal):
    events = [make_event(), make_event(all_day=True)]
    calendar = personal(*events)
    response = client.get(f"/calendar/{calendar.token}.ics")
    assert response["Cache-Control"] == "private, max-age=300"
    assert response["X-Robots-Tag"] == "noindex"
    parsed = events_by_uid(response)
    assert set(parsed) == {uid(event) for event in events}
    for event in events:
        alarms = parsed[uid(event)].walk("VALARM")
        assert [alarm["TRIGGER"].to_ical() for alarm in alarms] == [b"-P1D", b"-PT1H"]
        assert [alarm["ACTION"] for alarm in alarms] == ["DISPLAY", "DISPLAY"]
        assert all(event.title in str(alarm["DESCRIPTION"]) for alarm in alarms)
    other = vobject.readOne(response.content.decode())
    assert [len(event.valarm_list) for event in other.vevent_list] == [2, 2]


def test_personal_feed_spans_languages_and_skips_unpublished_events(client, make_event, personal):
    kazakh, russian = make_event(), make_event("ru")
    withdrawn = make_event()
    withdrawn.unpublish()
    calendar = personal(kazakh, russian, withdrawn, language="ru")
    response = client.get(f"/calendar/{calendar.token}.ics")
    assert parse(response)["X-WR-CALNAME"] == "Мероприятия библиотеки: Әйгерім"
    parsed = events_by_uid(response)
    assert set(parsed) == {uid(kazakh), uid(russian)}
    assert parsed[uid(russian)]["URL"] == f"http://testserver{russian.url}"
    assert parsed[uid(russian)]["URL"].startswith("http://testserver/ru/")
    assert parsed[uid(kazakh)]["URL"] == f"http://testserver{kazakh.url}"


def test_cancelled_event_has_no_reminders(client, make_event, personal):
    event = make_event(status="cancelled")
    response = client.get(f"/calendar/{personal(event).token}.ics")
    assert events_by_uid(response)[uid(event)].walk("VALARM") == []


def test_public_feeds_have_no_reminders(fetch, make_event):
    event = make_event()
    assert events_by_uid(fetch(event, "calendar.ics"))[uid(event)].walk("VALARM") == []


def test_personal_feed_answers_304(client, make_event, personal):
    calendar = personal(make_event())
    url = f"/calendar/{calendar.token}.ics"
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_unknown_token_is_404(client):
    response = client.get("/calendar/no-such-token.ics")
    assert response.status_code == 404
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().startswith("Бұл мекенжай бойынша күнтізбе жоқ.")


def test_revoked_calendar_is_410(client, make_event, personal):
    calendar = personal(make_event())
    calendar.revoke()
    response = client.get(f"/calendar/{calendar.token}.ics")
    assert response.status_code == 410
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert (
        response.content.decode()
        == "Бұл күнтізбенің мекенжайы өшірілген. Кітапханадан жаңасын сұраңыз."
    )


# Cost ----------------------------------------------------------------------------


def _queries(fetch, page, route) -> int:
    with CaptureQueriesContext(connection) as context:
        assert fetch(page, route).status_code == 200
    return len(context.captured_queries)


def test_query_count_does_not_grow_with_events(fetch, make_event, events_index):
    index = events_index("kk")
    for _ in range(2):
        make_event()
    cache.clear()
    with_two = _queries(fetch, index, "feed.ics")
    for _ in range(10):
        make_event()
    cache.clear()
    with_twelve = _queries(fetch, index, "feed.ics")
    assert with_twelve == with_two
    assert _queries(fetch, index, "feed.ics") == 0  # cached: no query at all


# Wiring --------------------------------------------------------------------------


def test_feeds_are_served_through_the_url_map(client, make_event, events_index):
    event = make_event()
    index = events_index("kk")
    for url in (f"{event.url}calendar.ics", f"{index.url}feed.ics", f"{index.url}kind/reading.ics"):
        response = client.get(url)
        assert (url, response["Content-Type"]) == (url, "text/calendar; charset=utf-8")
