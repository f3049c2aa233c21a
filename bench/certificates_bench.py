"""Issue and render N certificates with QR codes (default 1,000) as the
batch task does, against a naive baseline measured in the same run.

- batch, one process: `certificates.batches.batch_run` (the background
  task's work): issue (serial number, code, audit entry) and render and store
  each PDF, with one FontConfiguration and parsed style sheet per process and
  a one-pixel-per-module PNG QR code with a fixed mask.
- batch, two processes: two batches of half the recipients, each run by its
  own process at the same time (two task workers).
- naive baseline, one process: the same HTML rendered with a new
  FontConfiguration and freshly parsed CSS for each document and the QR code
  made with qrcode's default SVG settings (mask chosen per code). Measured on
  `--baseline-count` documents (default 100) and given per document, since it
  is some 3–5 times slower.
- one certificate on demand: the median time to render one PDF.
- memory: the process's peak RSS after the first 10% and at the end of the
  one-process batch (it must not grow with the number of documents).

Builds a throw-away SQLite site (migrate + seed_demo) in a temporary folder.

    .venv/bin/python bench/certificates_bench.py             # 1,000 certificates
    .venv/bin/python bench/certificates_bench.py --count 200 # a quick run
"""

import argparse
import datetime
import multiprocessing
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from demo_site import ROOT, build_demo_site

FIRST_NAMES = ["Айгерім", "Бауыржан", "Гүлнар", "Дәурен", "Жанар", "Нұрлан", "Өмір", "Сәуле"]
LAST_NAMES = ["Сапарова", "Өмірзақов", "Қасымова", "Ілиясов", "Үсенова", "Әбдіқадыров"]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_event_with_attendees(count: int, slug: str):
    from django.conf import settings
    from django.utils import timezone
    from wagtail.models import Locale

    from events.models import EventIndexPage, EventPage
    from people.models import Person
    from registrations.enums import RegistrationStatus
    from registrations.models import Registration

    locale = Locale.objects.get(language_code="kk")
    index = EventIndexPage.objects.filter(locale=locale).first()
    start = timezone.now() - datetime.timedelta(days=3)
    page = EventPage(
        title="«Жаңарым» фестивалі: бенчмарк",
        slug=slug,
        start=start,
        end=start + datetime.timedelta(hours=6),
        summary="Бенчмарк үшін.",
    )
    index.add_child(instance=page)
    people = Person.objects.bulk_create(
        Person(
            full_name=f"{FIRST_NAMES[n % 8]} {LAST_NAMES[n % 6]} {n:04d}",
            name_key=f"{FIRST_NAMES[n % 8]} {LAST_NAMES[n % 6]} {n:04d}".casefold(),
        )
        for n in range(count)
    )
    Registration.objects.bulk_create(
        Registration(
            event=page,
            person=person,
            status=RegistrationStatus.ATTENDED,
            consent_version=settings.PRIVACY_NOTICE_VERSION,
            consented_at=start,
        )
        for person in people
    )
    return EventPage.objects.get(pk=page.pk)


def demo_template():
    from certificates.models import CertificateTemplate

    return CertificateTemplate.objects.get(kind="participation")


def run_batch(batch_id: int) -> None:
    """A second task worker: its own process, database connection and fonts."""
    from django.db import connection

    from certificates import batches
    from certificates.models import CertificateBatch

    connection.close()
    batches.batch_run(CertificateBatch.objects.get(pk=batch_id))


def naive_render(certificate) -> bytes:
    """New WeasyPrint objects for each document and qrcode's default SVG."""
    import qrcode
    from qrcode.image.svg import SvgPathImage
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

    from certificates import pdf
    from core import pdf_fonts

    code = qrcode.QRCode(image_factory=SvgPathImage)
    code.add_data(pdf.verification_url(certificate.display_code))
    code.make(fit=True)
    svg = code.make_image().to_string()
    font_config = FontConfiguration()
    fonts_css = pdf_fonts.stylesheet(font_config)
    document = pdf._document(certificate, large_print=False)
    stylesheets = [
        fonts_css,
        *(
            CSS(string=path.read_text(), font_config=font_config)
            for path in document["stylesheets"]
        ),
        *(CSS(string=text, font_config=font_config) for text in document["css_texts"]),
    ]
    html = pdf.render_html(certificate, qr_url=pdf.data_url(svg, "image/svg+xml"))
    return HTML(
        string=html,
        base_url=str(pdf.TEMPLATES_DIR),
        url_fetcher=URLFetcher(allowed_protocols=("data",)),
    ).write_pdf(pdf_variant="pdf/ua-1", font_config=font_config, stylesheets=stylesheets)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="certificates per batch run")
    parser.add_argument(
        "--baseline-count", type=int, default=100, help="documents for the naive baseline"
    )
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="certificates-bench-"))
    try:
        print("Building the demo site ...", flush=True)
        os.environ.update(build_demo_site(workdir, allowed_hosts="127.0.0.1"))
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()

        from certificates import batches, pdf
        from certificates.enums import BatchKind
        from certificates.models import Certificate, CertificateBatch

        template = demo_template()

        def new_batch(slug: str, count: int) -> CertificateBatch:
            event = make_event_with_attendees(count, slug)
            return batches.batch_create(
                kind=BatchKind.PARTICIPATION, event=event, template=template, language="kk", by=None
            )

        # One process.
        batch = new_batch("bench-one-process", args.count)
        rss = {}

        def progress(done: int, total: int) -> None:
            if done == max(1, total // 10):
                rss["tenth"] = peak_rss_mb()

        started = time.perf_counter()
        batch = batches.batch_run(batch, progress=progress)
        one_process = time.perf_counter() - started
        rss["end"] = peak_rss_mb()
        if batch.issued != args.count or batch.errors:
            raise SystemExit(f"The batch did not issue {args.count}: {batch.errors}")

        # Two processes, half each.
        halves = [
            new_batch(f"bench-two-processes-{n}", args.count // 2 + n * (args.count % 2))
            for n in range(2)
        ]
        from django.db import connection

        connection.close()
        context = multiprocessing.get_context("fork")
        started = time.perf_counter()
        workers = [context.Process(target=run_batch, args=(half.pk,)) for half in halves]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        two_processes = time.perf_counter() - started
        issued_two = sum(CertificateBatch.objects.get(pk=half.pk).issued for half in halves)
        if issued_two != args.count:
            raise SystemExit(f"The two batches issued {issued_two}, not {args.count}")

        # The naive baseline and one certificate on demand.
        sample = list(Certificate.objects.filter(batch=batch).select_related("template")[:50])
        baseline_count = min(args.baseline_count, args.count)
        certificates = list(
            Certificate.objects.filter(batch=batch).select_related("template")[:baseline_count]
        )
        started = time.perf_counter()
        for certificate in certificates:
            naive_render(certificate)
        naive_per_document = (time.perf_counter() - started) / len(certificates)
        on_demand = []
        for certificate in sample:
            started = time.perf_counter()
            pdf.render_pdf(certificate)
            on_demand.append((time.perf_counter() - started) * 1000)

        naive_total = naive_per_document * args.count
        print(f"\n{args.count} certificates with QR codes (kk, landscape A4, PDF/UA-1)")
        print(f"{'run':<34}{'seconds':>9}{'per second':>12}{'ms each':>9}{'vs naive':>10}")
        for label, seconds in (
            ("batch, one process", one_process),
            ("batch, two processes", two_processes),
        ):
            print(
                f"{label:<34}{seconds:>9.1f}{args.count / seconds:>12.1f}"
                f"{1000 * seconds / args.count:>9.1f}{naive_total / seconds:>9.1f}×"
            )
        print(
            f"{'naive, one process (extrapolated)':<34}{naive_total:>9.1f}"
            f"{1 / naive_per_document:>12.1f}{1000 * naive_per_document:>9.1f}{1:>9.1f}×"
            f"   (measured on {len(certificates)} documents)"
        )
        print(
            f"\none certificate on demand: median {statistics.median(on_demand):.1f} ms "
            f"of {len(on_demand)}"
        )
        print(
            f"peak memory of the one-process batch: {rss.get('tenth', 0):.0f} MB after 10%, "
            f"{rss['end']:.0f} MB at the end"
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
