"""Background tasks of the event kernel: thin wrappers around services."""

from django_tasks import task


@task()
def generate_programme_documents(page_id: int) -> int:
    """Make the programme's PDF, large-print PDF and text files; returns how many."""
    from events import documents
    from events.models import EventPage

    page = EventPage.objects.filter(pk=page_id).first()
    if page is None or not page.live:
        return 0
    return len(documents.ensure_documents(page.specific))


@task()
def send_registration_email(registration_id: int, kind: str, attempt: int = 1) -> str:
    """Send a registration's e-mail (see notifications.TEMPLATES); on an SMTP
    or connection error the task queues itself again, five attempts in all."""
    from events import notifications

    return notifications.deliver_registration_email(registration_id, kind, attempt=attempt)
