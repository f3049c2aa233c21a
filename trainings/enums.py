"""Choices of trainings and Methodologists' Days, with readable stored values."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class TrainingFormat(models.TextChoices):
    COURSE = "course", pgettext_lazy("training format", "Course")
    SEMINAR = "seminar", pgettext_lazy("training format", "Seminar")
    WORKSHOP = "workshop", pgettext_lazy("training format", "Workshop")
    WEBINAR = "webinar", pgettext_lazy("training format", "Webinar")


class CompletionRule(models.TextChoices):
    HOURS_SHARE = "hours-share", _("At least a share of the hours")
    ALL_SESSIONS = "all-sessions", _("Every session")


class AttendanceMark(models.TextChoices):
    """What the trainer noted for one person at one session. Late and early
    leave are noted, and the session's hours still count (the completion
    rule decides); absent counts none."""

    PRESENT = "present", _("Present")
    LATE = "late", _("Came late")
    LEFT_EARLY = "left-early", _("Left early")
    ABSENT = "absent", _("Absent")

    @classmethod
    def counted(cls) -> set[str]:
        return {cls.PRESENT, cls.LATE, cls.LEFT_EARLY}


class ResolutionStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("resolution status", "Open")
    DONE = "done", pgettext_lazy("resolution status", "Done")


class Quarter(models.IntegerChoices):
    Q1 = 1, _("First quarter")
    Q2 = 2, _("Second quarter")
    Q3 = 3, _("Third quarter")
    Q4 = 4, _("Fourth quarter")
