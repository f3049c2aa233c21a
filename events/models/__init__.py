from .documents import ProgrammeDocument
from .feeds import PersonalCalendar
from .pages import EventIndexPage, EventPage, ProgrammeItem
from .questions import EventQuestion, QuestionKind
from .snippets import EventKind, Venue

__all__ = [
    "EventIndexPage",
    "EventKind",
    "EventQuestion",
    "EventPage",
    "PersonalCalendar",
    "ProgrammeDocument",
    "ProgrammeItem",
    "QuestionKind",
    "Venue",
]
