"""Issue certificates for an event from the command line, with a progress bar.

    manage.py issue_certificates --event <id|slug> --template <id|name>
        [--kind participation|completion|diplomas] [--language kk|ru|en|kk+ru]
        [--hours N] [--winners FILE] [--email]

The same batch as the admin's, run in this process: safe to run again (nobody
gets a certificate twice) and to interrupt (the next run completes it).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from certificates import batches, services, tasks
from certificates.enums import BatchKind, CertificateLanguage
from certificates.management.commands._shared import find_event
from certificates.models import CertificateTemplate

BAR_WIDTH = 30


class Command(BaseCommand):
    help = "Issue certificates for an event (attended registrations, or a list of winners)."

    def add_arguments(self, parser):
        parser.add_argument("--event", required=True, help="The event's id or slug.")
        parser.add_argument("--template", required=True, help="The template's id or name.")
        parser.add_argument("--kind", choices=BatchKind.values, default=BatchKind.PARTICIPATION)
        parser.add_argument("--language", choices=CertificateLanguage.values, default="kk")
        parser.add_argument("--hours", type=int, help="Hours, for completion certificates.")
        parser.add_argument(
            "--winners",
            type=Path,
            help="For diplomas: a UTF-8 file, one winner a line, “place; full name; nomination”.",
        )
        parser.add_argument("--email", action="store_true", help="E-mail each certificate.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, **options):
        event = find_event(options["event"])
        template = self.find_template(options["template"])
        winners = []
        if options["kind"] == BatchKind.DIPLOMAS:
            if options["winners"] is None:
                raise CommandError("Diplomas need --winners FILE.")
            winners, problems = batches.parse_winners(options["winners"].read_text("utf-8"))
            if problems:
                raise CommandError("\n".join(str(problem) for problem in problems))
        if options["kind"] == BatchKind.COMPLETION and not options["hours"]:
            raise CommandError("Completion certificates need --hours.")
        try:
            batch = batches.batch_create(
                kind=options["kind"],
                event=event,
                template=template,
                language=options["language"],
                by=None,
                winners=winners,
                hours=options["hours"],
                send_email=options["email"],
            )
        except services.CertificateError as error:
            raise CommandError(str(error.message)) from error
        progress = None if options["no_progress"] else self.progress_bar()
        batch = batches.batch_run(
            batch, progress=progress, queue_email=tasks.enqueue_certificate_email
        )
        if progress is not None:
            self.stderr.write("")
        for error in batch.errors:
            self.stderr.write(f"{error['name']}: {error['error']}")
        self.stdout.write(
            f"Batch {batch.pk}: {batch.done} of {batch.total} done, {batch.issued} newly issued, "
            f"{len(batch.errors)} errors."
        )

    def find_template(self, value: str) -> CertificateTemplate:
        templates = CertificateTemplate.objects.all()
        template = (
            templates.filter(pk=int(value)).first()
            if value.isdigit()
            else templates.filter(name=value).first()
        )
        if template is None:
            raise CommandError(f"No certificate template {value!r}.")
        return template

    def progress_bar(self):
        stream = self.stderr

        def show(done: int, total: int) -> None:
            filled = BAR_WIDTH * done // total if total else BAR_WIDTH
            stream.write(
                f"\r[{'#' * filled}{' ' * (BAR_WIDTH - filled)}] {done}/{total}", ending=""
            )
            stream.flush()

        return show
