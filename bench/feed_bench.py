"""Measure the all-events iCalendar feed of 1,000 events in-process with
Django's test client: cold (every cache empty), uncached (the feed-level
caches empty, the VEVENT fragments warm), cached, and the 304 revalidation,
each against a plain icalendar build + serialise of the same events in the
same run. Exits non-zero when the uncached feed takes more than 100 ms.

    .venv/bin/python bench/feed_bench.py            # locmem cache
    .venv/bin/python bench/feed_bench.py --cache file --runs 21

It builds a throwaway SQLite site (migrate + seed_demo) in a temporary folder,
like bench/serve_bench.py; adding 1,000 event pages takes a minute or two.
"""

import argparse
import datetime
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from demo_site import ROOT, build_demo_site
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache

LIMIT_MS = 100.0


class TrackingMixin:
    """Remembers the keys it stored, so that a run can drop the feed-level
    entries and keep the fragments."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stored: set[str] = set()

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.stored.add(key)
        return super().set(key, value, timeout=timeout, version=version)

    def drop(self, prefix: str) -> None:
        keys = [key for key in self.stored if key.startswith(prefix)]
        self.delete_many(keys)
        self.stored.difference_update(keys)


class TrackingLocMemCache(TrackingMixin, LocMemCache):
    pass


class TrackingFileCache(TrackingMixin, FileBasedCache):
    pass


def add_events(count: int):
    """The kk events index with `count` live events in the feed's window,
    added without publish signals (which would also make programme PDFs)."""
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Locale

    from branches.models import Branch, BranchKind
    from events.enums import Audience, EventStatus
    from events.models import EventIndexPage, EventKind, EventPage, Venue
    from home.models import HomePage

    locale = Locale.objects.get(language_code="kk")
    index = EventIndexPage.objects.filter(locale=locale).first()
    if index is None:
        index = EventIndexPage(title="Іс-шаралар", slug="events")
        HomePage.objects.get(locale=locale).add_child(instance=index)
        index.save_revision().publish()
    window_start = timezone.now() - datetime.timedelta(days=365)
    existing = index.events().filter(end__gte=window_start).count()
    venues = [
        Venue.objects.create(
            locale=locale,
            name=f"Оқу залы {number}",
            address="Шымкент қ., Оқырман көшесі, 12",
            step_free=number % 2 == 0,
            tactile_paths=True,
            escort_meeting_point="Кіреберісте, күзет бөлмесінің жанында",
            accessibility_notes="Жетекші итпен кіруге болады.",
        )
        for number in range(20)
    ]
    kinds = [
        EventKind.objects.get_or_create(locale=locale, slug=slug, defaults={"name": name})[0]
        for slug, name in (("reading", "Оқу кеші"), ("exhibition", "Көрме"), ("meeting", "Кездесу"))
    ]
    organiser = Branch.objects.get_or_create(
        locale=locale, kind=BranchKind.DEPARTMENT, defaults={"name": "Әдістемелік бөлім"}
    )[0]
    statuses = [EventStatus.SCHEDULED] * 8 + [EventStatus.POSTPONED, EventStatus.CANCELLED]
    audiences = list(Audience.values)
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    with transaction.atomic():
        for number in range(max(count - existing, 0)):
            start = now + datetime.timedelta(days=number - 300, hours=number % 9)
            page = EventPage(
                title=f"Мұқағали Мақатаев оқулары №{number}",
                slug=f"bench-event-{number}",
                start=start,
                end=start + datetime.timedelta(hours=2),
                all_day=number % 7 == 0,
                status=statuses[number % len(statuses)],
                status_note="Жаңа күні кейін хабарланады." if number % 10 >= 8 else "",
                audience=audiences[number % len(audiences)],
                summary="Мұқағали Мақатаев өлеңдерін Брайль кітаптарынан бірге оқимыз.",
                venue=venues[number % len(venues)],
                kind=kinds[number % len(kinds)],
                organiser=organiser,
                first_published_at=now,
                last_published_at=now,
            )
            index.add_child(instance=page)
    return index


def median_ms(action: Callable[[], object], runs: int, before: Callable[[], object] = tuple):
    timings = []
    for _ in range(runs):
        before()
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15, help="runs per measurement (median)")
    parser.add_argument("--cache", choices=["locmem", "file"], default="locmem")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="feed-bench-"))
    try:
        print("Building the demo site ...", flush=True)
        os.environ.update(build_demo_site(workdir, allowed_hosts="testserver"))
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.test.utils import override_settings

        backend, location = {
            "locmem": ("__main__.TrackingLocMemCache", "feed-bench"),
            "file": ("__main__.TrackingFileCache", str(workdir / "bench-cache")),
        }[args.cache]
        with override_settings(
            CACHES={"default": {"BACKEND": backend, "LOCATION": location}},
            # No collectstatic: pages that name static files render without a manifest.
            STORAGES={
                "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
                "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
            },
        ):
            ok = measure(args)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    sys.exit(0 if ok else 1)


def measure(args) -> bool:
    from django.core.cache import cache
    from django.test import Client, RequestFactory
    from django.utils import timezone
    from icalendar import Calendar, Timezone

    from events import calendar

    print(f"Adding events up to {args.events} ...", flush=True)
    started = time.perf_counter()
    index = add_events(args.events)
    print(f"  took {time.perf_counter() - started:.0f} s", flush=True)

    client = Client()
    url = f"{index.url}feed.ics"
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(
            f"GET {url} answered {response.status_code}: the URL map must serve the "
            "routable pages' file routes (feed.ics) first."
        )
    shown = response.content.count(b"BEGIN:VEVENT")

    rows = calendar._rows(index.events().filter(end__gte=calendar._window_start()))
    urls = calendar._event_urls(RequestFactory().get(url), rows, known_parents=[index])
    vtimezone = Timezone.from_ical(calendar._vtimezone())

    def baseline() -> bytes:
        """The feed without our caches: every event built and serialised by
        icalendar at once, from rows already fetched."""
        feed = Calendar()
        for name, value in (("prodid", calendar.PRODID), ("version", "2.0")):
            feed.add(name, value)
        feed.add_component(vtimezone)
        stamp = timezone.now()
        for row in rows:
            event = calendar._vevent(row, urls[row["pk"]], alarms=False)
            event.add("dtstamp", stamp)
            feed.add_component(event)
        return feed.to_ical()

    if baseline().count(b"BEGIN:VEVENT") != shown:
        raise SystemExit("The baseline and the feed do not hold the same events.")

    def get(**headers):
        return client.get(url, **headers)

    results = {
        "icalendar build + serialise": median_ms(baseline, args.runs),
        "cold (no cache at all)": median_ms(get, args.runs, before=cache.clear),
    }
    get()  # fill the fragments again
    results["uncached (fragments warm)"] = median_ms(
        get, args.runs, before=lambda: cache.drop(calendar.FEED_KEY_PREFIX)
    )
    get()
    results["cached"] = median_ms(get, args.runs)
    etag = get()["ETag"]
    if get(HTTP_IF_NONE_MATCH=etag).status_code != 304:
        raise SystemExit("A matching If-None-Match was not answered 304.")
    results["304 revalidation"] = median_ms(lambda: get(HTTP_IF_NONE_MATCH=etag), args.runs)

    base = results["icalendar build + serialise"]
    size = len(response.content) / 1024
    print(
        f"\n{shown} events in the feed ({size:.0f} KiB), {args.cache} cache, "
        f"median of {args.runs} runs"
    )
    print(f"{'path':<30}{'ms':>9}{'× baseline':>12}")
    for label, value in results.items():
        print(f"{label:<30}{value:>9.1f}{value / base:>12.3f}")
    uncached = results["uncached (fragments warm)"]
    ok = uncached <= LIMIT_MS
    print(
        f"\nuncached = {uncached:.1f} ms (target <= {LIMIT_MS:.0f} ms): {'ok' if ok else 'TOO SLOW'}"
    )
    return ok


if __name__ == "__main__":
    main()
