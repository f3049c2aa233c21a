"""Time the standings of a large scored competition: 500 entries, 7 judges,
5 weighted criteria (17,500 scores), for each aggregation (mean, median,
trimmed mean), from flat (entry, criterion, score) rows as the database
returns them to the ranked table with shared places.

In the same run, a naive baseline does the same job the obvious way: for
every entry and criterion it scans all the score rows, in floats, with the
`statistics` module. Prints the median of N runs in milliseconds and the
ratio; exits non-zero when the target (<= 200 ms) is missed.

Then (unless --no-page) it builds a throw-away demo site, adds published
competitions of 50 and 500 entries with the same jury and criteria, and
renders their public results page in-process (page cache off): the time and
the number of queries, which must not grow with the entries.

    .venv/bin/python bench/standings_bench.py            # or: --runs 20 --no-page
"""

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from competitions.scoring import (  # noqa: E402 (the project root is added above)
    Aggregation,
    CriterionSpec,
    as_decimal,
    group_scores,
    rank_scored,
)

ENTRIES, JUDGES, CRITERIA = 500, 7, 5
TARGET_MS = 200.0


def make_rows(seed: int = 6):
    rnd = random.Random(seed)
    criteria = [
        CriterionSpec(f"c{i}", Decimal(rnd.choice(["1", "1.5", "2", "0.5"])))
        for i in range(CRITERIA)
    ]
    rows = [
        (entry, c.key, Decimal(rnd.randint(0, 40)) / 4)  # 0 .. 10 in quarters
        for entry in range(ENTRIES)
        for _judge in range(JUDGES)
        for c in criteria
    ]
    return criteria, rows


def ours(criteria, rows, method):
    return rank_scored(group_scores(rows), criteria, method=method)


def naive(criteria, rows, method):
    """Scan every row per entry and criterion; floats; no shared places."""
    entries = sorted({r[0] for r in rows})
    totals = {}
    for entry in entries:
        total = 0.0
        for c in criteria:
            values = sorted(float(v) for e, k, v in rows if e == entry and k == c.key)
            if method == Aggregation.TRIMMED_MEAN and len(values) >= 3:
                values = values[1:-1]
            agg = (
                statistics.median(values)
                if method == Aggregation.MEDIAN
                else statistics.mean(values)
            )
            total += float(c.weight) * agg
        totals[entry] = total
    return sorted(entries, key=lambda e: -totals[e])


def timed(function, runs):
    samples = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), result


def make_published_competition(entries: int, judges, seed: int):
    """A published scored competition of `entries` entries in 4 categories,
    every judge scoring every entry on 5 criteria (bulk inserts)."""
    import datetime

    from django.conf import settings
    from django.utils import timezone
    from wagtail.models import Locale

    from competitions.models import (
        Category,
        CompetitionPage,
        Criterion,
        Entry,
        JuryMember,
        Score,
    )
    from events.models import EventIndexPage
    from people.models import Person
    from registrations.models import Registration

    rnd = random.Random(seed)
    locale = Locale.objects.get(language_code="kk")
    start = timezone.now() - datetime.timedelta(days=1)
    page = CompetitionPage(
        title=f"Bench {entries}",
        slug=f"bench-{entries}",
        start=start,
        end=start + datetime.timedelta(hours=4),
        summary="Bench",
        competition_kind="creative",
        discipline="Bench",
        aggregation="trimmed_mean",
        judging_state="published",
    )
    for order in range(4):
        page.categories.add(Category(name=f"Category {order + 1}", sort_order=order))
    for order in range(CRITERIA):
        page.criteria.add(
            Criterion(name=f"Criterion {order + 1}", weight=Decimal("1.5"), sort_order=order)
        )
    for order, user in enumerate(judges):
        page.jury.add(JuryMember(user=user, is_chair=order == 0, sort_order=order))
    EventIndexPage.objects.filter(locale=locale).first().add_child(instance=page)
    page.save_revision().publish()
    people = Person.objects.bulk_create(
        Person(full_name=f"Қатысушы {seed}-{n}", name_key=f"қатысушы {seed}-{n}", district="Сайрам")
        for n in range(entries)
    )
    registrations = Registration.objects.bulk_create(
        Registration(
            event=page,
            person=person,
            status="confirmed",
            consent_version=settings.PRIVACY_NOTICE_VERSION,
            consented_at=timezone.now(),
        )
        for person in people
    )
    categories = list(page.categories.all())
    criteria = list(page.criteria.all())
    rows = Entry.objects.bulk_create(
        Entry(
            competition=page,
            registration=registration,
            category=categories[n % len(categories)],
            work_title=f"Өлең {n}",
            running_order=n,
        )
        for n, registration in enumerate(registrations)
    )
    Score.objects.bulk_create(
        Score(entry=entry, judge=judge, criterion=criterion, value=Decimal(rnd.randint(0, 40)) / 4)
        for entry in rows
        for judge in judges
        for criterion in criteria
    )
    return page


def page_bench(runs: int) -> list[tuple[int, float, int]]:
    """(entries, median ms, queries) of the results page at 50 and 500 entries."""
    from demo_site import build_demo_site

    workdir = Path(tempfile.mkdtemp(prefix="standings-bench-"))
    try:
        print("Building the demo site ...", flush=True)
        os.environ.update(build_demo_site(workdir, allowed_hosts="testserver", collectstatic=True))
        os.environ["PAGE_CACHE_SECONDS"] = "0"
        import django

        django.setup()
        from django.contrib.auth import get_user_model
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        judges = [
            get_user_model().objects.create_user(username=f"bench-judge-{j}", is_staff=True)
            for j in range(JUDGES)
        ]
        figures = []
        for seed, entries in enumerate((50, ENTRIES)):
            page = make_published_competition(entries, judges, seed)
            client = Client()
            address = page.url + "results/"
            if client.get(address).status_code != 200:
                raise SystemExit(f"{address} did not answer 200")
            with CaptureQueriesContext(connection) as queries:
                client.get(address + "?count")
            count = len(queries)  # now: the next request empties the connection's log
            ms, _response = timed(lambda a=address, c=client: c.get(a), runs)
            figures.append((entries, ms, count))
        return figures
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--naive-runs", type=int, default=3)
    parser.add_argument("--no-page", action="store_true", help="skip the results page")
    args = parser.parse_args()

    criteria, rows = make_rows()
    print(f"{ENTRIES} entries x {JUDGES} judges x {CRITERIA} criteria = {len(rows)} scores")
    print(f"{'aggregation':<14}{'ours ms':>10}{'naive ms':>11}{'naive/ours':>12}")
    failed = False
    for method in Aggregation:
        ours_ms, standings = timed(lambda m=method: ours(criteria, rows, m), args.runs)
        naive_ms, naive_order = timed(lambda m=method: naive(criteria, rows, m), args.naive_runs)
        # Same winner both ways (floats could only differ on near-ties).
        if standings[0].entry != naive_order[0]:
            print(f"different winners: {standings[0].entry} and {naive_order[0]}")
            return 2
        print(f"{method.value:<14}{ours_ms:>10.1f}{naive_ms:>11.1f}{naive_ms / ours_ms:>11.1f}x")
        failed |= ours_ms > TARGET_MS
    print(f"winner total (trimmed mean): {as_decimal(standings[0].total)}")
    print(f"target <= {TARGET_MS:.0f} ms: {'MISSED' if failed else 'met'}")
    if not args.no_page:
        figures = page_bench(args.runs)
        print(f"{'results page':<14}{'ms':>10}{'queries':>11}")
        for entries, ms, queries in figures:
            print(f"{entries:>5} entries {ms:>10.1f}{queries:>11}")
        if len({queries for _entries, _ms, queries in figures}) != 1:
            print("the number of queries grows with the entries")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
