"""Venues and kinds of event: reusable, translated, managed by staff."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Venue(TranslatableMixin, index.Indexed, models.Model):
    """Where an event takes place, and how a blind guest gets there and in."""

    name = models.CharField(_("name"), max_length=200)
    address = models.TextField(_("address"))
    directions = models.TextField(
        _("how to get there"), blank=True, help_text=_("Public transport, stops, landmarks.")
    )
    step_free = models.BooleanField(_("step-free access"), default=False)
    tactile_paths = models.BooleanField(_("tactile paths"), default=False)
    escort_meeting_point = models.TextField(_("where an escort meets the guest"), blank=True)
    accessibility_notes = models.TextField(
        _("other accessibility notes"),
        blank=True,
        help_text=_("Lifts, toilets, guide dogs, seating, sound, lighting."),
    )
    contact = models.CharField(
        _("contact on the day"), max_length=200, blank=True, help_text=_("Name and phone.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldPanel("directions"),
        MultiFieldPanel(
            [
                FieldPanel("step_free"),
                FieldPanel("tactile_paths"),
                FieldPanel("escort_meeting_point"),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Accessibility"),
        ),
        FieldPanel("contact"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def accessibility_summary(self) -> list[str]:
        """The accessibility facts as sentences, for pages, PDFs and calendars."""
        facts = []
        facts.append(_("Step-free access.") if self.step_free else _("No step-free access."))
        if self.tactile_paths:
            facts.append(_("Tactile paths."))
        if self.escort_meeting_point:
            facts.append(
                _("Escort meeting point: %(place)s") % {"place": self.escort_meeting_point}
            )
        if self.accessibility_notes:
            facts.append(self.accessibility_notes)
        return [str(fact) for fact in facts]


class EventKind(TranslatableMixin, models.Model):
    """A kind of event (Bibliography Day, exhibition, reading...); staff add more."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("address part"), max_length=100, allow_unicode=False)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("kind of event")
        verbose_name_plural = _("kinds of event")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_event_kind_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name
