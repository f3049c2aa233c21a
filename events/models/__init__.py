from .documents import ProgrammeDocument
from .feeds import PersonalCalendar
from .pages import EventIndexPage, EventPage, ProgrammeItem
from .registration import Person, Registration
from .snippets import EventKind, Venue

__all__ = [
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "Person",
    "PersonalCalendar",
    "ProgrammeDocument",
    "ProgrammeItem",
    "Registration",
    "Venue",
]
