"""Time the department's regional statistics page over ten years of a large
network: 40 branches x 30 indicators x 10 years of accepted reports and
plans (12,000 report values and as many plan values), in a throw-away
database (a fresh SQLite file in a temporary folder, migrated; production
settings).

The page (reports.stats_views: period_statistics, the tables, 30 SVG
charts, the template) is fetched through Django's test client as a
department user, uncached, for the last year. In the same run, a naive
baseline builds the same summary the obvious way: one query per cell
(each branch's number, a year earlier and the plan, per indicator) and one
per district and region total; its totals must equal the page's. Prints the
median milliseconds of each, their ratio, and the page's number of queries
with 10 and with 40 branches (which must be the same). Exits non-zero when
the page misses its target (<= 200 ms) or its queries grow with the branches.

    .venv/bin/python bench/reports_bench.py            # or: --runs 5 --naive-runs 1
"""

import argparse
import datetime
import os
import random
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

YEARS, BRANCHES, INDICATORS, FEW_BRANCHES = 10, 40, 30, 10
LAST_YEAR = 2025
DISTRICTS = ["Сайрам ауданы", "Төлеби ауданы", "Қазығұрт ауданы", "Шымкент қаласы", "Түркістан"]
TARGET_MS = 200.0


def throwaway_database(workdir: Path) -> None:
    """A migrated, empty database in `workdir`, used by this process."""
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "CACHE_DIR": str(workdir / "cache"),
        "REDIS_URL": "",
        "LOG_LEVEL": "ERROR",
        "PAGE_CACHE_SECONDS": "0",
        "TASKS_BACKEND": "immediate",
    }
    os.environ.update(env)
    (workdir / "static").mkdir(exist_ok=True)
    for command in (["migrate", "--no-input", "-v0"], ["collectstatic", "--no-input", "-v0"]):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=os.environ,
            check=True,
            capture_output=True,
        )


def add_branches(start: int, count: int) -> list:
    from wagtail.models import Locale

    from branches.models import Branch, BranchKind

    locale, _created = Locale.objects.get_or_create(language_code="kk")
    return Branch.objects.bulk_create(
        Branch(
            locale=locale,
            name=f"№{number + 1} аудандық филиал",
            kind=BranchKind.BRANCH,
            district=DISTRICTS[number % len(DISTRICTS)],
        )
        for number in range(start, start + count)
    )


def add_network(branches, indicators, periods, seed: int) -> None:
    """An accepted report and an accepted plan per branch and year (bulk inserts)."""
    from django.utils import timezone

    from reports.enums import DocumentKind, ReportStatus
    from reports.models import BranchDocument, IndicatorValue

    rnd = random.Random(seed)
    now = timezone.now()
    documents = BranchDocument.objects.bulk_create(
        BranchDocument(
            branch=branch,
            period=period,
            kind=kind,
            status=ReportStatus.ACCEPTED,
            submitted_at=now,
            accepted_at=now,
        )
        for branch in branches
        for period in periods
        for kind in (DocumentKind.REPORT, DocumentKind.PLAN)
    )
    IndicatorValue.objects.bulk_create(
        (
            IndicatorValue(
                document=document,
                indicator=indicator,
                value=Decimal(rnd.randint(0, 5000)) / (2 if indicator.unit == "hours" else 1),
            )
            for document in documents
            for indicator in indicators
        ),
        batch_size=2000,
    )


def build_data():
    """30 indicators, 10 yearly periods, the first 10 branches' documents."""
    from reports.enums import PeriodKind, Unit
    from reports.models import Indicator, ReportingPeriod

    units = [Unit.PEOPLE, Unit.VISITS, Unit.ITEMS, Unit.EVENTS, Unit.HOURS]
    indicators = Indicator.objects.bulk_create(
        Indicator(
            code=f"indicator-{n + 1}",
            name_kk=f"Көрсеткіш {n + 1}",
            name_ru=f"Показатель {n + 1}",
            name_en=f"Indicator {n + 1}",
            unit=units[n % len(units)],
            sort_order=n,
        )
        for n in range(INDICATORS)
    )
    periods = ReportingPeriod.objects.bulk_create(
        ReportingPeriod(
            year=year,
            kind=PeriodKind.YEAR,
            number=1,
            report_deadline=datetime.date(year + 1, 1, 20),
            plan_deadline=datetime.date(year - 1, 12, 20),
        )
        for year in range(LAST_YEAR - YEARS + 1, LAST_YEAR + 1)
    )
    add_network(add_branches(0, FEW_BRANCHES), indicators, periods, seed=1)
    return indicators, periods


def naive_summary(period) -> dict:
    """The same summary, one query per cell and per total: {indicator: region actual}."""
    from django.db.models import Sum

    from branches.models import Branch
    from reports.enums import DocumentKind, ReportStatus
    from reports.models import Indicator, IndicatorValue

    def value(branch, kind, year, indicator):
        found = (
            IndicatorValue.objects.filter(
                document__branch=branch,
                document__kind=kind,
                document__period__year=year,
                document__period__kind=period.kind,
                document__period__number=period.number,
                document__status=ReportStatus.ACCEPTED,
                indicator=indicator,
            )
            .values_list("value", flat=True)
            .first()
        )
        return found

    def total(kind, year, indicator, **where):
        return IndicatorValue.objects.filter(
            document__kind=kind,
            document__period__year=year,
            document__period__kind=period.kind,
            document__period__number=period.number,
            document__status=ReportStatus.ACCEPTED,
            indicator=indicator,
            **where,
        ).aggregate(total=Sum("value"))["total"]

    branches = list(Branch.objects.in_directory().filter(locale__language_code="kk"))
    districts = sorted({branch.district for branch in branches})
    region = {}
    for indicator in Indicator.objects.all():
        for branch in branches:
            value(branch, DocumentKind.REPORT, period.year, indicator)
            value(branch, DocumentKind.REPORT, period.year - 1, indicator)
            value(branch, DocumentKind.PLAN, period.year, indicator)
        for district in districts:
            for kind, year in (
                (DocumentKind.REPORT, period.year),
                (DocumentKind.REPORT, period.year - 1),
                (DocumentKind.PLAN, period.year),
            ):
                total(kind, year, indicator, document__branch__district=district)
        region[indicator.code] = total(DocumentKind.REPORT, period.year, indicator)
        total(DocumentKind.REPORT, period.year - 1, indicator)
        total(DocumentKind.PLAN, period.year, indicator)
    return region


def timed(function, runs: int):
    samples, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--naive-runs", type=int, default=1)
    parser.add_argument("--profile", action="store_true", help="profile one page request")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="reports-bench-"))
    try:
        print("Migrating a throw-away database ...", flush=True)
        throwaway_database(workdir)
        import django

        django.setup()
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Permission
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext
        from django.urls import reverse
        from wagtail.users.models import UserProfile

        from reports.statistics import period_statistics
        from reports.stats_tables import build_summary

        indicators, periods = build_data()
        period = periods[-1]
        user = get_user_model().objects.create_user("bench-department", password=None)
        user.user_permissions.add(
            Permission.objects.get(codename="access_admin"),
            Permission.objects.get(codename="review_branchdocument"),
        )
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "ru"
        profile.save()
        client = Client()
        client.force_login(user)
        address = f"{reverse('reports_statistics:index')}?period={period.pk}"

        def page():
            response = client.get(address)
            if response.status_code != 200:
                raise SystemExit(f"{address} answered {response.status_code}")
            return response

        def count_queries() -> int:
            page()  # warm: templates loaded, session read once
            with CaptureQueriesContext(connection) as queries:
                page()
            return len(queries)

        few_queries = count_queries()
        add_network(add_branches(FEW_BRANCHES, BRANCHES - FEW_BRANCHES), indicators, periods, 2)
        many_queries = count_queries()
        values = value_count()
        print(
            f"{BRANCHES} branches x {INDICATORS} indicators x {YEARS} years: "
            f"{values} accepted values (reports and plans)"
        )

        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.runcall(page)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        page_ms, response = timed(page, args.runs)
        stats_ms, stats = timed(lambda: period_statistics(period, language="ru"), args.runs)
        naive_ms, naive = timed(lambda: naive_summary(period), args.naive_runs)
        for indicator in indicators:
            if naive[indicator.code] != stats.region.actual.get(indicator.pk):
                print(f"different totals for {indicator.code}")
                return 2
        summary_ms, _summary = timed(lambda: build_summary(stats), args.runs)

        print(f"{'':<44}{'ms':>9}{'queries':>9}")
        print(f"{'statistics page, 40 branches (uncached)':<44}{page_ms:>9.1f}{many_queries:>9}")
        print(f"{'statistics page, 10 branches: queries':<44}{'':>9}{few_queries:>9}")
        print(f"{'  of which period_statistics':<44}{stats_ms:>9.1f}")
        print(f"{'  of which the tables (stats_tables)':<44}{summary_ms:>9.1f}")
        print(f"{'naive: a query per cell (same totals)':<44}{naive_ms:>9.1f}")
        print(
            f"naive / page: {naive_ms / page_ms:.1f}x; page size {len(response.content) // 1024} KiB"
        )
        failed = False
        if page_ms > TARGET_MS:
            print(f"target <= {TARGET_MS:.0f} ms: MISSED")
            failed = True
        else:
            print(f"target <= {TARGET_MS:.0f} ms: met")
        if few_queries != many_queries:
            print("the number of queries grows with the branches")
            failed = True
        return 1 if failed else 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def value_count() -> int:
    from reports.models import IndicatorValue

    return IndicatorValue.objects.count()


if __name__ == "__main__":
    sys.exit(main())
