"""Transitions of events: one function each."""

from django.db import transaction
from django.db.models import F

from events import tasks
from events.models import EventPage


def event_published(*, event: EventPage) -> None:
    """Raise the iCalendar SEQUENCE when what calendars show has changed, and
    queue the programme documents to be made again."""
    fingerprint = event.calendar_fingerprint()
    with transaction.atomic():
        if event.ical_fingerprint and event.ical_fingerprint != fingerprint:
            EventPage.objects.filter(pk=event.pk).update(
                ical_sequence=F("ical_sequence") + 1, ical_fingerprint=fingerprint
            )
        elif not event.ical_fingerprint:
            EventPage.objects.filter(pk=event.pk).update(ical_fingerprint=fingerprint)
    event.refresh_from_db(fields=["ical_sequence", "ical_fingerprint"])
    transaction.on_commit(lambda: tasks.generate_programme_documents.enqueue(event.pk))
