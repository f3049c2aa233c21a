"""Programme documents, generated once per version of an event and stored."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from events.enums import DocumentFormat


class ProgrammeDocument(models.Model):
    """A stored programme file; `source_hash` says which content it was made from."""

    page = models.ForeignKey("events.EventPage", on_delete=models.CASCADE, related_name="documents")
    format = models.CharField(_("format"), max_length=20, choices=DocumentFormat.choices)
    source_hash = models.CharField(max_length=64)
    file = models.FileField(upload_to="programmes/")
    size = models.PositiveIntegerField(_("size in bytes"))
    generated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("programme document")
        verbose_name_plural = _("programme documents")
        constraints = [
            models.UniqueConstraint(fields=["page", "format"], name="one_document_per_format")
        ]

    def __str__(self):
        return f"{self.page} ({self.get_format_display()})"
