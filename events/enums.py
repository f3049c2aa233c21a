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


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")
    REJECTED = "rejected", _("Not accepted")
    ATTENDED = "attended", _("Attended")

    @classmethod
    def holding_a_place(cls) -> set[str]:
        """Registrations that take places of the event's capacity."""
        return {cls.CONFIRMED, cls.ATTENDED}

    @classmethod
    def active(cls) -> set[str]:
        """Registrations that still stand (a second one for the person is refused)."""
        return {cls.PENDING, cls.CONFIRMED, cls.WAITLISTED, cls.ATTENDED}


class MaterialFormat(models.TextChoices):
    BRAILLE = "braille", _("Braille")
    LARGE_PRINT = "large-print", _("Large print")
    AUDIO = "audio", _("Audio")
    ELECTRONIC = "electronic", _("Electronic text")
    REGULAR = "regular", _("Regular print")


class DisabilityGroup(models.TextChoices):
    GROUP_I = "i", _("Group I")
    GROUP_II = "ii", _("Group II")
    GROUP_III = "iii", _("Group III")
    NONE = "none", _("No disability group")
    NOT_SAID = "not-said", _("Prefer not to say")
