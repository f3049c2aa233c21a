"""Questions of an event's own, asked on its registration form."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class QuestionKind(models.TextChoices):
    SHORT_TEXT = "short-text", _("Short text")
    LONG_TEXT = "long-text", _("Long text")
    SINGLE_CHOICE = "single-choice", _("One choice")
    MULTIPLE_CHOICE = "multiple-choice", _("Several choices")
    YES_NO = "yes-no", _("Yes or no")
    NUMBER = "number", _("Number")


class EventQuestion(Orderable):
    """A question of the event's own, asked on its registration form. Each
    language's page of the event has its questions in that language."""

    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(
        _("key"), max_length=50, help_text=_("Names the answer in exports, e.g. t-shirt-size.")
    )
    label = models.CharField(_("question"), max_length=255)
    hint = models.CharField(_("hint"), max_length=255, blank=True)
    kind = models.CharField(_("kind of answer"), max_length=20, choices=QuestionKind.choices)
    choices = models.TextField(_("choices"), blank=True, help_text=_("One per line."))
    required = models.BooleanField(_("required"), default=False)

    panels = [
        FieldPanel("label"),
        FieldPanel("key"),
        FieldPanel("hint"),
        FieldPanel("kind"),
        FieldPanel("choices"),
        FieldPanel("required"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")

    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]
