"""Kinds, places, languages and batch states of certificates, with readable stored values."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CertificateKind(models.TextChoices):
    PARTICIPATION = "participation", _("Certificate of participation")
    DIPLOMA = "diploma", _("Diploma")
    COMPLETION = "completion", _("Certificate of completion")
    THANKS = "thanks", _("Letter of thanks")


class Place(models.TextChoices):
    GRAND_PRIX = "grand-prix", _("Grand Prix")
    FIRST = "1", _("1st place")
    SECOND = "2", _("2nd place")
    THIRD = "3", _("3rd place")
    SPECIAL = "special", _("Special prize")


class CertificateLanguage(models.TextChoices):
    KAZAKH = "kk", _("Kazakh")
    RUSSIAN = "ru", _("Russian")
    ENGLISH = "en", _("English")
    KAZAKH_RUSSIAN = "kk+ru", _("Kazakh and Russian")

    @classmethod
    def parts(cls, value: str) -> list[str]:
        """The languages a certificate is written in, the first one leading."""
        return value.split("+")


class Orientation(models.TextChoices):
    LANDSCAPE = "landscape", _("Landscape")
    PORTRAIT = "portrait", _("Portrait")


class ImageUse(models.TextChoices):
    LOGO = "logo", _("Emblem at the top, in place of the library's")
    BACKGROUND = "background", _("Background of the whole page")


class BatchKind(models.TextChoices):
    PARTICIPATION = "participation", _("Participation: everyone who attended")
    DIPLOMAS = "diplomas", _("Diplomas: a list of winners")
    COMPLETION = "completion", _("Completion: everyone who attended a training")


class BatchStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Issuing")
    DONE = "done", _("Finished")
    INTERRUPTED = "interrupted", _("Interrupted: can be resumed")


class Palette(models.TextChoices):
    """The colours of a certificate's design (certificates.designs)."""

    TURQUOISE = "turquoise", _("Turquoise and gold")
    BLUE = "blue", _("Deep blue and gold")
    BURGUNDY = "burgundy", _("Burgundy and gold")
    GREEN = "green", _("Steppe green and gold")
    BLACK = "black", _("Black and grey (for a black-and-white printer)")


class Ornament(models.TextChoices):
    """The ornament of a certificate's frame (certificates.designs)."""

    KOSHKAR = "koshkar", _("Ram's horn (қошқар мүйіз)")
    TUMAR = "tumar", _("Amulet triangles (тұмар)")
    NONE = "none", _("Double line, no ornament")
