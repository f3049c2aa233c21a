from django.apps import AppConfig


class EventsConfig(AppConfig):
    """The event kernel every kind of event builds on: event pages, venues,
    programmes, calendars (HTML and iCalendar) and programme documents."""

    name = "events"
    verbose_name = "Events"

    def ready(self):
        # App loading: the signal handlers need the models, ready only now.
        from events import signals  # noqa: F401
