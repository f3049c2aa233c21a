"""What the certificate commands share: finding an event by id or slug."""

from django.core.management.base import CommandError

from events.models import EventPage


def find_event(value: str) -> EventPage:
    events = (
        EventPage.objects.filter(pk=int(value))
        if value.isdigit()
        else EventPage.objects.filter(slug=value)
    )
    event = events.order_by("locale__language_code").first()
    if event is None:
        raise CommandError(f"No event with the id or slug {value!r}.")
    return event
