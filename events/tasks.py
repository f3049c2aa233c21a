"""Background tasks of the event kernel: thin wrappers around services."""

from django_tasks import task

from events import documents
from events.models import EventPage


@task()
def generate_programme_documents(page_id: int) -> int:
    """Make the programme's PDF, large-print PDF and text files; returns how many."""
    page = EventPage.objects.filter(pk=page_id).first()
    if page is None or not page.live:
        return 0
    return len(documents.ensure_documents(page.specific))
