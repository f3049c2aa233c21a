"""What happens when an event is published: SEQUENCE and fresh documents."""

from wagtail.signals import page_published

from events import services
from events.models import EventPage


def on_event_published(sender, instance, **kwargs):
    if not isinstance(instance, EventPage):
        return
    services.event_published(event=instance)


page_published.connect(on_event_published, dispatch_uid="events-on-publish")
