"""Background tasks of reports: thin wrappers around its services."""

from django_tasks import task

from reports.reminders import reminders_send


@task()
def send_report_reminders() -> int:
    """Send the plan and report reminders due today; returns how many were sent."""
    return len(reminders_send())
