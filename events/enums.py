"""States and choices of events, with readable stored values."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    READERS = "readers", _("Blind and low-vision readers")
    CHILDREN = "children", _("Children and pupils")
    DISABILITY_GROUPS = "disability-groups", _("People with disability groups I–II")
    LIBRARIANS = "librarians", _("Librarians")


class DocumentFormat(models.TextChoices):
    PDF = "pdf", _("PDF")
    LARGE_PRINT = "large-print", _("Large print PDF")
    TEXT = "text", _("Plain text")
