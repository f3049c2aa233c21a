"""Choices of the branches' plans and reports, with readable stored values."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PeriodKind(models.TextChoices):
    YEAR = "year", pgettext_lazy("reporting period", "Year")
    HALF = "half", pgettext_lazy("reporting period", "Half-year")
    QUARTER = "quarter", pgettext_lazy("reporting period", "Quarter")


class DocumentKind(models.TextChoices):
    PLAN = "plan", pgettext_lazy("branch document", "Work plan")
    REPORT = "report", pgettext_lazy("branch document", "Report")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("report status", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("report status", "Submitted")
    RETURNED = "returned", pgettext_lazy("report status", "Returned for changes")
    ACCEPTED = "accepted", pgettext_lazy("report status", "Accepted")

    @classmethod
    def editable(cls) -> set[str]:
        """The branch may change the values in these states."""
        return {cls.DRAFT, cls.RETURNED}


class Aggregation(models.TextChoices):
    SUM = "sum", _("Summed over the year")
    AVERAGE = "average", _("Averaged over the year")


class Unit(models.TextChoices):
    PEOPLE = "people", pgettext_lazy("unit", "people")
    VISITS = "visits", pgettext_lazy("unit", "visits")
    ITEMS = "items", pgettext_lazy("unit", "items")
    EVENTS = "events", pgettext_lazy("unit", "events")
    HOURS = "hours", pgettext_lazy("unit", "hours")
    PERCENT = "percent", pgettext_lazy("unit", "per cent")


class KnownSource(models.TextChoices):
    """What the system already knows for a branch and a period, used to
    pre-fill a report (reports/prefill.py)."""

    NONE = "", _("Typed by the branch")
    EVENTS_HELD = "events-held", _("Events the branch organised")
    REGISTRATIONS = "registrations", _("Registrations for the branch's events")
    ATTENDED = "attended", _("People who attended the branch's events")
    NEEDS_BRAILLE = "needs-braille", _("Participants who asked for braille")
    NEEDS_LARGE_PRINT = "needs-large-print", _("Participants who asked for large print")
    NEEDS_AUDIO = "needs-audio", _("Participants who asked for audio")
    NEEDS_ELECTRONIC = "needs-electronic", _("Participants who asked for electronic text")
