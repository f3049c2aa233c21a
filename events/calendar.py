"""iCalendar feeds (RFC 5545): one event ("Add to calendar"), an events
index (all events or one kind) and a person's private calendar.

Readers put our events into the calendar of their phone, where the screen
reader announces them and alarms remind them, and calendar apps poll the
feeds they subscribe to again and again. Building and serialising 1,000
events with `icalendar` takes several hundred milliseconds, so a feed is made
in layers:

* each VEVENT is serialised by `icalendar` once and kept as bytes under a
  digest of everything it shows (the page, its venue, organiser and kind, the
  URL, the translated words), so any change makes a new key and never a
  stale entry; DTSTAMP is the only line added when the feed is assembled;
* a feed's VEVENTs are kept in one cache entry per feed (`FeedParts`) with
  the DTSTAMP of that content: a new version of the feed serialises only the
  events that changed, and unchanged content keeps its bytes and its ETag,
  so subscribers get `304 Not Modified`;
* public feeds are also cached whole per page-cache generation
  (`core.cache.current_generation()`): until the next publish a request
  is a cache read without a database query.
"""

import datetime
import functools
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import content_disposition_header, http_date
from django.utils.text import slugify
from django.utils.translation import gettext
from icalendar import Alarm, Calendar, Event, Timezone, vDuration
from wagtail.models import Page

from core.cache import current_generation
from events.enums import Audience, EventStatus
from events.models import EventIndexPage, EventKind, EventPage, PersonalCalendar, Venue

TZID = settings.TIME_ZONE  # Asia/Almaty: UTC+5 all year since 1 March 2024
LOCAL_TZ = ZoneInfo(TZID)
PRODID = "-//Special library for blind and low-vision readers//Events//EN"
# UIDs must be the same on every server and after a move to another domain.
UID_DOMAIN = "special-library"
# Bump when the layout of a fragment or a feed changes: old entries are ignored.
FORMAT_VERSION = "1"
# Whole feeds per generation: also the longest a venue, kind or organiser edit
# (which starts no new generation) waits to show, as with the page cache.
FEED_KEY_PREFIX = "ical-feed"
FEED_SECONDS = 600
# A feed's serialised VEVENTs and DTSTAMP, one entry per feed: the fragments
# are found by content, so this only bounds the life of an unused feed.
PARTS_KEY_PREFIX = "ical-parts"
PARTS_SECONDS = 24 * 60 * 60
CLIENT_MAX_AGE = 300
PAST_DAYS = 365
REFRESH_INTERVAL = datetime.timedelta(hours=1)
ALARMS = (("tomorrow", datetime.timedelta(days=-1)), ("in_an_hour", datetime.timedelta(hours=-1)))
ICAL_STATUS = {EventStatus.CANCELLED: "CANCELLED", EventStatus.POSTPONED: "TENTATIVE"}
CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"
TEXT_CONTENT_TYPE = "text/plain; charset=utf-8"

# Everything a VEVENT shows, in one query without per-row queries.
ROW_FIELDS = (
    "pk",
    "path",
    "url_path",
    "translation_key",
    "locale__language_code",
    "title",
    "start",
    "end",
    "all_day",
    "status",
    "status_note",
    "audience",
    "summary",
    "ical_sequence",
    "first_published_at",
    "last_published_at",
    "kind__name",
    "organiser__name",
    "venue__name",
    "venue__address",
    "venue__step_free",
    "venue__tactile_paths",
    "venue__escort_meeting_point",
    "venue__accessibility_notes",
)

Row = dict[str, Any]


@dataclass(frozen=True)
class FeedParts:
    """What a feed is assembled from; the same parts give the same bytes."""

    digest: str  # of the calendar's name and of every fragment's key
    stamp: bytes  # DTSTAMP: when this content was first assembled
    fragments: dict[str, bytes]  # fragment key -> VEVENT without its first line


@dataclass(frozen=True)
class Feed:
    """A feed body ready to send, with its validators."""

    body: bytes
    etag: str
    last_modified: int | None  # a POSIX timestamp, for Last-Modified


# Public views --------------------------------------------------------------


def event_feed_response(request: HttpRequest, page: EventPage) -> HttpResponse:
    """One event as a calendar file: the "Add to calendar" link of an event page."""
    identity = f"event:{page.pk}"

    def build() -> Feed:
        rows = _rows(EventPage.objects.filter(pk=page.pk))
        urls = {page.pk: request.build_absolute_uri(page.get_url(request))}
        return _feed(request, identity, rows, urls, calendar_name=page.title, alarms=False)

    restricted = page.get_view_restrictions().exists()
    feed = _public_feed(request, identity, build)
    return _calendar_response(request, feed, filename=_filename(page.slug), private=restricted)


def index_feed_response(
    request: HttpRequest, index_page: EventIndexPage, kind_slug: str | None = None
) -> HttpResponse:
    """The live public events of an index, all or of one kind: past ones of the
    last year and all future ones."""
    calendar_name = index_page.title
    kind = None
    if kind_slug is not None:
        kind = EventKind.objects.filter(locale_id=index_page.locale_id, slug=kind_slug).first()
        if kind is None:
            with translation.override(index_page.locale.language_code):
                message = gettext("There is no such kind of event in this list.")
            return HttpResponse(message, status=404, content_type=TEXT_CONTENT_TYPE)
        calendar_name = f"{index_page.title}: {kind.name}"
    # The index's pk fixes the language of the feed: its events are of its language.
    identity = f"index:{index_page.pk}:{kind_slug or '*'}"

    def build() -> Feed:
        events = index_page.events().filter(end__gte=_window_start())
        if kind is not None:
            events = events.filter(kind=kind)
        rows = _rows(events)
        urls = _event_urls(request, rows, known_parents=[index_page])
        return _feed(request, identity, rows, urls, calendar_name=calendar_name, alarms=False)

    feed = _public_feed(request, identity, build)
    filename = _filename(index_page.slug, kind_slug or "")
    return _calendar_response(request, feed, filename=filename, private=False)


def personal_feed_response(request: HttpRequest, token: str) -> HttpResponse:
    """A person's own events with reminders a day and an hour before; the
    address is the only key, so the answer is private and never indexed."""
    calendar = PersonalCalendar.objects.filter(token=token).only("label", "language", "revoked_at")
    calendar = calendar.first()
    if calendar is None:
        message = gettext(
            "There is no calendar at this address. Check the link or ask the library for a new one."
        )
        return _private_text(message, status=404)
    if calendar.revoked_at is not None:
        message = gettext(
            "This calendar address has been turned off. Ask the library for a new one."
        )
        return _private_text(message, status=410)
    rows = _rows(calendar.events.live().filter(end__gte=_window_start()))
    urls = _event_urls(request, rows)
    with translation.override(calendar.language):
        calendar_name = gettext("Library events of %(name)s") % {"name": calendar.label}
    identity = f"personal:{calendar.pk}"
    feed = _feed(request, identity, rows, urls, calendar_name=calendar_name, alarms=True)
    response = _calendar_response(request, feed, filename="my-events.ics", private=True)
    response["X-Robots-Tag"] = "noindex"
    return response


# Feeds ---------------------------------------------------------------------


def _public_feed(request: HttpRequest, identity: str, build: Callable[[], Feed]) -> Feed:
    """The feed of this generation, built once."""
    key = _cache_key(FEED_KEY_PREFIX, identity, request, str(current_generation()))
    feed = cache.get(key)
    if feed is None:
        feed = build()
        cache.set(key, feed, timeout=FEED_SECONDS)
    return feed


def _feed(
    request: HttpRequest,
    identity: str,
    rows: Sequence[Row],
    urls: dict[int, str],
    *,
    calendar_name: str,
    alarms: bool,
) -> Feed:
    """Assemble a feed from the VEVENTs serialised for its previous version,
    making only the new and changed ones; one cache entry per feed."""
    fragment_keys = [_fragment_key(row, urls[row["pk"]], alarms=alarms) for row in rows]
    digest = _digest(calendar_name, *fragment_keys)
    parts_key = _cache_key(PARTS_KEY_PREFIX, identity, request)
    parts = cache.get(parts_key)
    if parts is None or parts.digest != digest:
        known = parts.fragments if parts is not None else {}
        fragments = {
            key: known.get(key) or _fragment(row, urls[row["pk"]], alarms=alarms)
            for key, row in zip(fragment_keys, rows, strict=True)
        }
        parts = FeedParts(digest=digest, stamp=_stamp(), fragments=fragments)
        cache.set(parts_key, parts, timeout=PARTS_SECONDS)

    body = _assemble(calendar_name, parts.stamp, [parts.fragments[key] for key in fragment_keys])

    published = [row["last_published_at"] for row in rows if row["last_published_at"]]
    return Feed(
        body=body,
        etag=f'"{hashlib.sha256(body).hexdigest()[:40]}"',
        last_modified=int(max(published).timestamp()) if published else None,
    )


def _stamp() -> bytes:
    return timezone.now().astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ").encode()


def _assemble(calendar_name: str, stamp: bytes, fragments: Sequence[bytes]) -> bytes:
    """A VCALENDAR from serialised VEVENT bodies, all stamped with `stamp`."""
    event_start = b"BEGIN:VEVENT\r\nDTSTAMP:" + stamp + b"\r\n"
    chunks = [_header(calendar_name)]
    for fragment in fragments:
        chunks += (event_start, fragment)
    chunks.append(b"END:VCALENDAR\r\n")
    return b"".join(chunks)


def single_event_calendar(event: EventPage, url: str, *, alarms: bool) -> bytes:
    """One event as a calendar file (e.g. an e-mail attachment), made by the
    feeds' own builder: the same UID and content as in the feeds."""
    rows = _rows(EventPage.objects.filter(pk=event.pk))
    return _assemble(event.title, _stamp(), [_fragment(row, url, alarms=alarms) for row in rows])


def _cache_key(prefix: str, identity: str, request: HttpRequest, *extra: str) -> str:
    """Full URLs are in the feed, so the host is part of its identity."""
    host = request.get_host()
    return ":".join((prefix, FORMAT_VERSION, identity, request.scheme, host, *extra))


def _header(calendar_name: str) -> bytes:
    """BEGIN:VCALENDAR, the calendar's properties and the VTIMEZONE."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", calendar_name)
    calendar.add("x-wr-calname", calendar_name)
    calendar.add("x-wr-timezone", TZID)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    footer = b"END:VCALENDAR\r\n"
    return calendar.to_ical().removesuffix(footer) + _vtimezone()


@functools.cache
def _vtimezone() -> bytes:
    """Asia/Almaty from zoneinfo: UTC+6 from 2005 (no more summer time), UTC+5
    from 1 March 2024. Generating it is slow, so once per process."""
    vtimezone = Timezone.from_tzid(
        TZID, first_date=datetime.date(2005, 1, 1), last_date=datetime.date(2100, 1, 1)
    )
    return vtimezone.to_ical()


# Events --------------------------------------------------------------------


def _window_start() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=PAST_DAYS)


def _rows(events: QuerySet) -> list[Row]:
    return list(events.order_by("start", "pk").values(*ROW_FIELDS))


def _event_urls(
    request: HttpRequest, rows: Sequence[Row], known_parents: Sequence[Page] = ()
) -> dict[int, str]:
    """Full URLs of the events from their parents' URLs: a query for the
    parents not known yet, never one per event."""
    parents = {parent.path: parent for parent in known_parents}
    wanted = {row["path"][: -Page.steplen] for row in rows} - parents.keys()
    if wanted:
        parents |= {parent.path: parent for parent in Page.objects.filter(path__in=wanted)}
    bases = {
        path: (parent.url_path, request.build_absolute_uri(parent.get_url(request)))
        for path, parent in parents.items()
    }
    urls = {}
    for row in rows:
        parent_url_path, parent_url = bases[row["path"][: -Page.steplen]]
        urls[row["pk"]] = parent_url + row["url_path"].removeprefix(parent_url_path)
    return urls


def _fragment_key(row: Row, url: str, *, alarms: bool) -> str:
    """A digest of everything a VEVENT shows: a changed event gets a new key."""
    language = row["locale__language_code"]
    values = (str(row[field]) for field in ROW_FIELDS)
    return _digest(_labels_digest(language), str(alarms), url, *values)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _fragment(row: Row, url: str, *, alarms: bool) -> bytes:
    """One VEVENT serialised by icalendar, without its first line (BEGIN and
    DTSTAMP are added when the feed is assembled)."""
    return _vevent(row, url, alarms=alarms).to_ical().removeprefix(b"BEGIN:VEVENT\r\n")


def _vevent(row: Row, url: str, *, alarms: bool) -> Event:
    """A VEVENT without DTSTAMP, in the event's language."""
    language = row["locale__language_code"]
    labels = _labels(language)
    text = {"LANGUAGE": language}
    status = row["status"]
    title = row["title"]

    event = Event()
    event.add("uid", f"event-{row['translation_key']}-{language}@{UID_DOMAIN}")
    event.add("sequence", row["ical_sequence"])
    if row["first_published_at"]:
        event.add("created", row["first_published_at"].astimezone(datetime.UTC))
    if row["last_published_at"]:
        event.add("last-modified", row["last_published_at"].astimezone(datetime.UTC))
    if row["all_day"]:
        first_day = timezone.localdate(row["start"], LOCAL_TZ)
        last_day = max(timezone.localdate(row["end"], LOCAL_TZ), first_day)
        event.add("dtstart", first_day)
        event.add("dtend", last_day + datetime.timedelta(days=1))  # exclusive
    else:
        event.add("dtstart", row["start"].astimezone(LOCAL_TZ))
        event.add("dtend", row["end"].astimezone(LOCAL_TZ))
    event.add("status", ICAL_STATUS.get(status, "CONFIRMED"))
    if status == EventStatus.CANCELLED:
        title = f"{labels['cancelled']} {title}"
    event.add("summary", title, parameters=text)
    event.add("description", _description(row, url, labels), parameters=text)
    location = _location(row, language)
    if location:
        event.add("location", location, parameters=text)
    if row["kind__name"]:
        event.add("categories", [row["kind__name"]], parameters=text)
    event.add("url", url, parameters={"VALUE": "URI"})
    if alarms and status != EventStatus.CANCELLED:
        for name, trigger in ALARMS:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("trigger", trigger)
            alarm.add("description", labels[name] % {"title": row["title"]}, parameters=text)
            event.add_component(alarm)
    return event


def _description(row: Row, url: str, labels: dict[str, str]) -> str:
    lines = [row["summary"].strip()]
    if row["status"] != EventStatus.SCHEDULED:
        status = labels[f"status:{row['status']}"]
        lines.append(f"{status}. {row['status_note']}".strip())
    if row["organiser__name"]:
        lines.append(labels["organiser"] % {"name": row["organiser__name"]})
    audience = labels.get(f"audience:{row['audience']}")
    if audience:
        lines.append(labels["audience"] % {"audience": audience})
    lines.append(url)
    return "\n".join(line for line in lines if line)


def _location(row: Row, language: str) -> str:
    """Name, address and how accessible the venue is, in the event's language."""
    if not row["venue__name"]:
        return ""
    venue = Venue(
        name=row["venue__name"],
        address=row["venue__address"],
        step_free=row["venue__step_free"],
        tactile_paths=row["venue__tactile_paths"],
        escort_meeting_point=row["venue__escort_meeting_point"],
        accessibility_notes=row["venue__accessibility_notes"],
    )
    address = ", ".join(line.strip() for line in venue.address.splitlines() if line.strip())
    with translation.override(language):
        facts = " ".join(venue.accessibility_summary())
    return f"{venue.name}, {address}. {facts}"


@functools.cache
def _labels(language: str) -> dict[str, str]:
    """The words of a VEVENT in a language, translated once per process."""
    with translation.override(language):
        labels = {
            # The same words as on the month view of the events index.
            "cancelled": gettext("Cancelled:"),
            "organiser": gettext("Organiser: %(name)s"),
            "audience": gettext("For: %(audience)s"),
            "tomorrow": gettext("Tomorrow: %(title)s"),
            "in_an_hour": gettext("In an hour: %(title)s"),
        }
        labels |= {f"status:{value}": str(label) for value, label in EventStatus.choices}
        labels |= {f"audience:{value}": str(label) for value, label in Audience.choices}
    return labels


@functools.cache
def _labels_digest(language: str) -> str:
    """Changes when a translation of the words of a VEVENT changes, so that a
    new catalogue makes new fragment keys."""
    with translation.override(language):
        venue = Venue(step_free=True, tactile_paths=True, escort_meeting_point="%s")
        venue_words = venue.accessibility_summary() + Venue().accessibility_summary()
    labels = [f"{name}={words}" for name, words in sorted(_labels(language).items())]
    return _digest(*labels, *venue_words)


# Responses -----------------------------------------------------------------


def _filename(*parts: str) -> str:
    """An ASCII file name: Kazakh or Russian slugs lose their letters, so a
    name that comes out empty falls back to "calendar"."""
    name = "-".join(filter(None, (slugify(part) for part in parts)))
    return f"{name or 'calendar'}.ics"


def _calendar_response(
    request: HttpRequest, feed: Feed, *, filename: str, private: bool
) -> HttpResponse:
    response = HttpResponse(feed.body, content_type=CALENDAR_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(False, filename)
    response["ETag"] = feed.etag
    if feed.last_modified is not None:
        response["Last-Modified"] = http_date(feed.last_modified)
    if private:
        patch_cache_control(response, private=True, max_age=CLIENT_MAX_AGE)
    else:
        patch_cache_control(response, public=True, max_age=CLIENT_MAX_AGE)
    return get_conditional_response(
        request, etag=feed.etag, last_modified=feed.last_modified, response=response
    )


def _private_text(message: str, *, status: int) -> HttpResponse:
    response = HttpResponse(message, status=status, content_type=TEXT_CONTENT_TYPE)
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    return response
