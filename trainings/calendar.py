"""A training's calendar file: one VEVENT per session, so a librarian's phone
reminds them of each sitting at its own time and place.

Built with the events feeds' own pieces (events/calendar.py): the same
calendar header and time zone, location words, labels, caching per page-cache
generation and conditional responses. A session's UID is its `key` (the same
in every translation) with the page's language, as an event's UID is its
translation key with its language."""

import datetime

from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext
from icalendar import Event

from events import calendar as event_calendar
from events.enums import EventStatus
from trainings.models import TrainingPage

_VENUE_FIELDS = (
    "name",
    "address",
    "step_free",
    "tactile_paths",
    "escort_meeting_point",
    "accessibility_notes",
)


def _venue_location(venue, language: str) -> str:
    """The venue in the words of the events feeds (name, address, access)."""
    if venue is None:
        return ""
    row = {f"venue__{name}": getattr(venue, name) for name in _VENUE_FIELDS}
    return event_calendar._location(row, language)


def session_vevent(page: TrainingPage, session, url: str, stamp: datetime.datetime) -> Event:
    language = page.locale.language_code
    labels = event_calendar._labels(language)
    text = {"LANGUAGE": language}
    title = f"{page.title}: {session.topic}"
    if page.status == EventStatus.CANCELLED:
        title = f"{labels['cancelled']} {title}"

    event = Event()
    event.add("uid", f"training-session-{session.key}-{language}@{event_calendar.UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("sequence", page.ical_sequence)
    event.add("dtstart", session.start.astimezone(event_calendar.LOCAL_TZ))
    event.add("dtend", session.end.astimezone(event_calendar.LOCAL_TZ))
    event.add("status", event_calendar.ICAL_STATUS.get(page.status, "CONFIRMED"))
    event.add("summary", title, parameters=text)
    with translation.override(language):
        lines = [page.summary.strip()]
        if session.trainer:
            lines.append(gettext("Trainer: %(name)s") % {"name": session.trainer})
        lines.append(gettext("Hours: %(hours)s") % {"hours": session.hours})
    if session.online_url:
        lines.append(session.online_url)
    lines.append(url)
    event.add("description", "\n".join(line for line in lines if line), parameters=text)
    location = _venue_location(session.venue, language) or session.online_url
    if location:
        event.add("location", location, parameters=text)
    event.add("url", url, parameters={"VALUE": "URI"})
    return event


def training_calendar(page: TrainingPage, url: str) -> bytes:
    """The training's sessions as one calendar file."""
    sessions = page.sessions.select_related("venue").order_by("start", "sort_order", "pk")
    stamp = (page.last_published_at or timezone.now()).astimezone(datetime.UTC)
    chunks = [event_calendar._header(page.title)]
    chunks += [session_vevent(page, session, url, stamp).to_ical() for session in sessions]
    chunks.append(b"END:VCALENDAR\r\n")
    return b"".join(chunks)


def training_feed_response(request: HttpRequest, page: TrainingPage) -> HttpResponse:
    """The "Add to calendar" file of a training page: every session."""
    identity = f"training:{page.pk}"

    def build() -> event_calendar.Feed:
        url = request.build_absolute_uri(page.get_url(request))
        body = training_calendar(page, url)
        published = page.last_published_at
        return event_calendar.Feed(
            body=body,
            etag=f'"{event_calendar._digest(body.decode())[:40]}"',
            last_modified=int(published.timestamp()) if published else None,
        )

    restricted = page.get_view_restrictions().exists()
    feed = event_calendar._public_feed(request, identity, build)
    return event_calendar._calendar_response(
        request, feed, filename=event_calendar._filename(page.slug), private=restricted
    )
