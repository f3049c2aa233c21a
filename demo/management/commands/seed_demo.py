"""Build the demo site in Kazakh, Russian and English from the data files in
demo/fixtures/. Idempotent: a page that exists already is left as it is.
Refuses to run with production settings unless forced."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from demo import certificates, competitions, events, festivals, home, reports, trainings
from demo.seeding import LANGUAGES, TreeBuilder


class Command(BaseCommand):
    help = "Create the demo site (kk, ru, en) and a local superuser; safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password-file",
            help="write the admin's generated password to this file (mode 600) instead of printing it",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="seed even with production settings (a throw-away site, e.g. for a benchmark)",
        )

    def handle(self, *args, password_file=None, force=False, **options):
        if not settings.SEED_DEMO_ALLOWED and not force:
            raise CommandError(
                "These are production settings: seed_demo would add made-up pages, people and "
                "a superuser to this site's database. Use --force to seed a throw-away site."
            )
        builder = TreeBuilder()
        with transaction.atomic():
            locales = {
                code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES
            }
            homes = home.seed_pages(builder, locales)
            # The superuser first: demo registrations "entered by a librarian" name it.
            home.ensure_superuser(self.stdout, self.style, password_file)
            events.seed(builder, locales, homes)
            certificates.seed()
            competitions.seed(builder, locales, homes)
            festivals.seed(builder, locales, homes)
            issued = festivals.seed_certificates()
            trainings.seed(builder, locales, homes)
            reports.seed()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {builder.created} pages created, "
                f"{issued} certificates issued."
            )
        )
