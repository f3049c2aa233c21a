from .judging import Entry, MeasuredResult, Score
from .pages import Category, CompetitionPage, Criterion, JuryMember

__all__ = [
    "Category",
    "CompetitionPage",
    "Criterion",
    "Entry",
    "JuryMember",
    "MeasuredResult",
    "Score",
]
