"""E-mail the branches' heads whose plan or report is due soon or overdue.

    manage.py send_report_reminders            # due within REPORT_REMINDER_DAYS (7)
    manage.py send_report_reminders --days 3   # another window

Meant for a daily timer; each reminder goes at most once per document
(reports.reminders). The output is for the operator, in English like the
other management commands.
"""

from django.core.management.base import BaseCommand, CommandError

from reports.reminders import reminder_days, reminders_send


class Command(BaseCommand):
    help = "Remind the branches' heads of plans and reports due soon or overdue (once each)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"Remind of deadlines within this many days (default: REPORT_REMINDER_DAYS, now {reminder_days()}).",
        )

    def handle(self, *args, days=None, verbosity=1, **options):
        if days is not None and days < 0:
            raise CommandError("--days cannot be negative.")
        sent = reminders_send(days=days)
        self.stdout.write(f"Reminders sent: {len(sent)}")
        if verbosity > 1:
            for reminder in sent:
                document = reminder.document
                self.stdout.write(
                    f"  {reminder.reminder}: document {document.pk} ({document.kind}, "
                    f"period {document.period_id}) to {reminder.email}"
                )
