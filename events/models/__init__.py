from .documents import ProgrammeDocument
from .feeds import PersonalCalendar
from .pages import EventIndexPage, EventPage, ProgrammeItem
from .registration import EventQuestion, Person, Registration
from .snippets import EventKind, Venue

__all__ = [
    "EventIndexPage",
    "EventKind",
    "EventQuestion",
    "EventPage",
    "Person",
    "PersonalCalendar",
    "ProgrammeDocument",
    "ProgrammeItem",
    "Registration",
    "Venue",
]
