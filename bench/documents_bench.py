"""Measure how long one programme document takes to make: the standard PDF,
the large-print PDF and the plain text of an event with a 12-item programme,
as `events.documents` makes them (one FontConfiguration and pre-parsed CSS per
process), against a baseline that renders the same HTML with fresh WeasyPrint
objects each time. Prints the median of N runs in milliseconds and the ratios.

Builds a throw-away SQLite site (migrate + seed_demo) in a temporary folder.

    .venv/bin/python bench/documents_bench.py            # or: --runs 20
"""

import argparse
import datetime
import os
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from demo_site import ROOT, build_demo_site

PROGRAMME = [
    ("10:00", "Ашылу сөзі", "Әдістемелік бөлімнің басшысы"),
    ("10:15", "Мұқағали Мақатаев өлеңдері", "Әйгерім Сапарова"),
    ("10:45", "Жамбыл Жабаев айтыстары", "Ерлан Нұрғалиев"),
    ("11:15", "Брайль кітаптарының көрмесі", "Гүлнар Әбдірахманова"),
    ("11:45", "Үзіліс: шай мен әңгіме", ""),
    ("12:00", "Дыбыстық кітаптар: жаңа жинақ", "Сәуле Жақыпова"),
    ("12:30", "Оқырмандар клубының есебі", "Қанат Төлеуов"),
    ("13:00", "Түскі ас", ""),
    ("14:00", "Әдіскерлер күні: тәжірибе алмасу", "Аудан кітапханашылары"),
    ("14:45", "Тифлокомментарий шеберханасы", "Динара Сейітова"),
    ("15:30", "Сұрақ-жауап", "Барлық баяндамашылар"),
    ("16:00", "Әдіскерлер күні: қорытынды", "Әдістемелік бөлімнің басшысы"),
]


def make_event():
    """A Kazakh event with a 12-item programme at an accessible venue."""
    from django.utils import timezone
    from wagtail.models import Locale

    from events.models import EventIndexPage, EventPage, ProgrammeItem, Venue
    from home.models import HomePage

    locale = Locale.objects.get(language_code="kk")
    index = EventIndexPage.objects.filter(locale=locale).first()
    if index is None:
        index = HomePage.objects.get(locale=locale).add_child(
            instance=EventIndexPage(title="Іс-шаралар", slug="events")
        )
    venue = Venue.objects.create(
        locale=locale,
        name="Оқу залы",
        address="Шымкент қ., Оқырман көшесі, 12",
        directions="№ 12 автобус, «Кітапхана» аялдамасы.",
        step_free=True,
        tactile_paths=True,
        escort_meeting_point="Кіреберісте, күзетшінің жанында",
        accessibility_notes="Жетекші иттерге рұқсат етіледі. Лифт бар.",
        contact="Әйгерім, +7 701 000 00 00",
    )
    start = timezone.localtime(timezone.now() + datetime.timedelta(days=30)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    page = EventPage(
        title="Әдіскерлер күні: бенчмарк",
        slug=f"documents-bench-{secrets.token_hex(3)}",
        start=start,
        end=start + datetime.timedelta(hours=7),
        summary="Кітапханашыларға арналған әдістемелік күн: өлеңдер, айтыстар, шеберханалар.",
        venue=venue,
    )
    for order, (clock, title, performer) in enumerate(PROGRAMME):
        hour, minute = (int(part) for part in clock.split(":"))
        page.programme_items.add(
            ProgrammeItem(
                sort_order=order,
                starts_at=start.replace(hour=hour, minute=minute),
                ends_at=start.replace(hour=hour, minute=minute) + datetime.timedelta(minutes=25),
                title=title,
                performer=performer,
                room="Оқу залы",
                notes="Брайль және үлкен әріппен таратпа бар." if order % 3 == 0 else "",
            )
        )
    index.add_child(instance=page)
    return EventPage.objects.get(pk=page.pk)


def median_ms(function: Callable[[], object], runs: int) -> float:
    function()  # warm up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="runs per measurement (median)")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="documents-bench-"))
    try:
        print("Building the demo site ...", flush=True)
        os.environ.update(build_demo_site(workdir, allowed_hosts="127.0.0.1"))
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()

        from django.db import connection
        from django.test.utils import CaptureQueriesContext
        from weasyprint import CSS, HTML
        from weasyprint.text.fonts import FontConfiguration

        from core import pdf, pdf_fonts
        from events import documents
        from events.models import EventPage, ProgrammeDocument

        page = make_event()
        data = documents.document_data(page)
        base_url = str(documents.TEMPLATES_DIR / "pdf")

        def fresh_pdf(large_print: bool) -> bytes:
            """The baseline: new FontConfiguration and CSS objects for each PDF."""
            font_config = FontConfiguration()
            paths = [pdf.DOCUMENT_CSS, documents.STANDARD_CSS]
            if large_print:
                paths.append(documents.LARGE_PRINT_CSS)
            stylesheets = [pdf_fonts.stylesheet(font_config)] + [
                CSS(string=path.read_text(), font_config=font_config) for path in paths
            ]
            html = documents.programme_html(data, large_print=large_print)
            return HTML(string=html, base_url=base_url).write_pdf(
                pdf_variant="pdf/ua-1", font_config=font_config, stylesheets=stylesheets
            )

        rows = []
        for label, large_print in (("PDF", False), ("large-print PDF", True)):
            size = len(documents.render_pdf(data, large_print=large_print))
            reused = median_ms(
                lambda large_print=large_print: documents.render_pdf(data, large_print=large_print),
                args.runs,
            )
            fresh = median_ms(lambda large_print=large_print: fresh_pdf(large_print), args.runs)
            rows.append((label, size, reused, fresh))
        text_size = len(documents.render_text(data))
        rows.append(
            (
                "plain text",
                text_size,
                median_ms(lambda: documents.render_text(data), args.runs),
                None,
            )
        )
        fresh_page = EventPage.objects.get(pk=page.pk)
        with CaptureQueriesContext(connection) as queries:
            documents.source_hash(fresh_page)
        hash_ms = median_ms(lambda: documents.source_hash(page), args.runs)

        def make_all_three() -> None:
            ProgrammeDocument.objects.filter(page=page).delete()
            documents.ensure_documents(page)

        ensure_ms = median_ms(make_all_three, args.runs)

        print(f"\n{len(PROGRAMME)} programme items, median of {args.runs} runs")
        print(f"{'document':<18}{'bytes':>9}{'reused ms':>11}{'fresh ms':>10}{'fresh/reused':>14}")
        for label, size, reused, fresh in rows:
            fresh_text = (
                f"{fresh:>10.1f}{fresh / reused:>14.2f}" if fresh else f"{'–':>10}{'–':>14}"
            )
            print(f"{label:<18}{size:>9}{reused:>11.1f}{fresh_text}")
        print(
            "reused = events.documents (one FontConfiguration, pre-parsed CSS); "
            "fresh = new WeasyPrint objects per document"
        )
        print(f"\nsource_hash: {hash_ms:.1f} ms ({len(queries)} queries for a freshly loaded page)")
        print(f"ensure_documents, all three made and stored: {ensure_ms:.1f} ms")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
