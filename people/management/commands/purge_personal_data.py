"""Clear personal data held longer than the retention period after an event.

    manage.py purge_personal_data --dry-run        # what would change
    manage.py purge_personal_data                  # do it (one transaction)
    manage.py purge_personal_data --days 730 -v 2  # another period, each record

Meant for a nightly timer. The output is for the operator and the server log,
in English like the other management commands; it names records by number
and code, never by a person's name. What each app clears comes from its
`personal_data_purge` hook (`people.privacy`).
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from people.privacy import PurgeReport, purge_personal_data


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
        for clearing in report.clearings:
            write(f"{clearing.title} whose sensitive data {verb} cleared: {len(clearing.changes)}")
        write(f"People who {verb} anonymised: {report.people_anonymised}")
        if verbosity >= 2:
            for clearing in report.clearings:
                for change in clearing.changes:
                    write(f"  {change.description}: {', '.join(change.fields)}")
            units = {clearing.kind: clearing.unit for clearing in report.clearings}
            for change in report.people:
                if change.anonymise:
                    what = "anonymised as " + change.pseudonym
                    if len(change.fields) > 1:
                        what += "; cleared " + ", ".join(change.fields[1:])
                else:
                    what = "keeps name and contacts (a record is within the period)"
                cleared = "".join(
                    f"; {count} {units[kind]} cleared" for kind, count in change.cleared.items()
                )
                write(f"  person {change.pk}: {what}{cleared}")
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
