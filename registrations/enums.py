"""States and choices of registrations, with readable stored values."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from people.enums import MaterialFormat


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


class DisabilityGroup(models.TextChoices):
    GROUP_I = "i", _("Group I")
    GROUP_II = "ii", _("Group II")
    GROUP_III = "iii", _("Group III")
    NONE = "none", _("No disability group")
    NOT_SAID = "not-said", _("Prefer not to say")


# The versions of the programme (formats.models.FormatKind values) a person
# who asks for materials in braille or audio is offered.
PROGRAMME_VERSIONS = {
    MaterialFormat.BRAILLE: ("brf", "braille-text"),
    MaterialFormat.AUDIO: ("mp3",),
}
