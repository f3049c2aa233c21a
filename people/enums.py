"""Choices that describe a person, with readable stored values."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MaterialFormat(models.TextChoices):
    BRAILLE = "braille", _("Braille")
    LARGE_PRINT = "large-print", _("Large print")
    AUDIO = "audio", _("Audio")
    ELECTRONIC = "electronic", _("Electronic text")
    REGULAR = "regular", _("Regular print")
