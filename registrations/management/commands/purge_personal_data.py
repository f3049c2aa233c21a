"""Clear personal data held longer than the retention period after an event.

    manage.py purge_personal_data --dry-run        # what would change
    manage.py purge_personal_data                  # do it (one transaction)
    manage.py purge_personal_data --days 730 -v 2  # another period, each record

Meant for a nightly timer. The output is for the operator and the server log,
in English like the other management commands; it names records by number
and code, never by a person's name.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from registrations.privacy import PurgeReport, purge_personal_data


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


class Command(BaseCommand):
    help = (
        "Clear sensitive registration data and anonymise people once events are "
        "older than PERSONAL_DATA_RETENTION_DAYS."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would change and change nothing.",
        )
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=(
                "Retention period in days after an event's end "
                f"(default: PERSONAL_DATA_RETENTION_DAYS, now {settings.PERSONAL_DATA_RETENTION_DAYS})."
            ),
        )

    def handle(self, *args, dry_run=False, days=None, verbosity=1, **options):
        if days is not None and days < 0:
            raise CommandError("--days cannot be negative.")
        report = purge_personal_data(dry_run=dry_run, days=days)
        self.print_report(report, verbosity)

    def print_report(self, report: PurgeReport, verbosity: int) -> None:
        write = self.stdout.write
        verb = "would be" if report.dry_run else "were"
        write(
            f"Retention: {report.retention_days} days; events that ended before "
            f"{_local(report.cutoff)} are past it."
        )
        write(f"Registrations whose sensitive data {verb} cleared: {report.registrations_cleared}")
        write(f"People who {verb} anonymised: {report.people_anonymised}")
        if verbosity >= 2:
            for change in report.registrations:
                write(
                    f"  registration {change.pk} ({change.code}), event {change.event_id} "
                    f"“{change.event_title}” ended {_local(change.event_end)}: "
                    f"{', '.join(change.fields)}"
                )
            for change in report.people:
                if change.anonymise:
                    what = "anonymised as " + change.pseudonym
                    if len(change.fields) > 1:
                        what += "; cleared " + ", ".join(change.fields[1:])
                else:
                    what = "keeps name and contacts (a registration is within the period)"
                write(
                    f"  person {change.pk}: {what}; "
                    f"{change.registrations_cleared} registration(s) cleared"
                )
        if report.dry_run:
            write(self.style.WARNING("Dry run: nothing was changed."))
        elif report.changed:
            write(
                self.style.SUCCESS(
                    f"Done. Audit entries written: {report.audit_entries} (one per person)."
                )
            )
        else:
            write(self.style.SUCCESS("Nothing to purge."))
