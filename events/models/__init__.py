from .documents import ProgrammeDocument
from .feeds import PersonalCalendar
from .pages import EventIndexPage, EventPage, ProgrammeItem
from .snippets import EventKind, Venue

__all__ = [
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "PersonalCalendar",
    "ProgrammeDocument",
    "ProgrammeItem",
    "Venue",
]
