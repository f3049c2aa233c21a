"""Braille and audio versions, stored once per version of what they say, and
the braille page size of each site.

An `AlternativeFormat` is one file of one kind (BRF, Unicode braille, MP3)
made from one object of a registered source (`formats.sources`): which
source and object, the language, `source_hash` (the content it was made
from plus everything else that shapes the file), the file and its size and
duration, or `failed` with the reason. A row whose hash differs from the
current content's is stale: it is not offered, its address answers 404, and
the next run of the task makes it again (with a new token, so an old link
never serves the new content by chance, nor the old one once it is wrong).
"""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class FormatKind(models.TextChoices):
    BRF = "brf", _("Braille for embossers (BRF)")
    BRAILLE_TEXT = "braille-text", _("Unicode braille for braille displays")
    MP3 = "mp3", _("Audio (MP3)")


class FormatStatus(models.TextChoices):
    READY = "ready", pgettext_lazy("file", "Ready")
    FAILED = "failed", _("Could not be made")


class AlternativeFormatQuerySet(models.QuerySet):
    def of(self, source: str, object_id: int):
        return self.filter(source=source, object_id=object_id)

    def ready(self):
        return self.filter(status=FormatStatus.READY)


class AlternativeFormat(models.Model):
    """One braille or audio file of one object of a source."""

    source = models.CharField(_("source"), max_length=60)
    object_id = models.PositiveBigIntegerField(_("object"))
    language = models.CharField(_("language"), max_length=8)
    kind = models.CharField(_("kind"), max_length=20, choices=FormatKind.choices)
    source_hash = models.CharField(max_length=64)
    status = models.CharField(
        _("status"), max_length=10, choices=FormatStatus.choices, default=FormatStatus.READY
    )
    reason = models.TextField(_("why it could not be made"), blank=True)
    file = models.FileField(upload_to="formats/", blank=True)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    duration = models.FloatField(_("duration in seconds"), null=True, blank=True)
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    generated_at = models.DateTimeField(_("made at"), auto_now=True)

    objects = AlternativeFormatQuerySet.as_manager()

    class Meta:
        verbose_name = _("braille or audio version")
        verbose_name_plural = _("braille and audio versions")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "object_id", "kind"], name="one_alternative_format_per_kind"
            )
        ]

    def __str__(self):
        return f"{self.source} {self.object_id} ({self.get_kind_display()})"


@register_setting(icon="doc-full")
class BrailleSettings(BaseSiteSetting):
    """The braille page of this site's BRF files: what the library's embossers
    and paper take. A change makes every BRF of the site stale."""

    line_width = models.PositiveSmallIntegerField(
        _("cells per line"),
        default=40,
        validators=[MinValueValidator(20), MaxValueValidator(60)],
        help_text=_("How many braille cells fit on one line of the embosser's paper."),
    )
    lines_per_page = models.PositiveSmallIntegerField(
        _("lines per page"),
        default=25,
        validators=[MinValueValidator(10), MaxValueValidator(40)],
        help_text=_("How many lines fit on one braille page, the page number's line included."),
    )

    panels = [FieldPanel("line_width"), FieldPanel("lines_per_page")]

    class Meta:
        verbose_name = _("braille page size")
