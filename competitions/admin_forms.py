"""The staff form that places a registration in a competition's category."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from competitions.models import Category, CompetitionPage
from competitions.services import WITHDRAWING
from events.models import Registration


class EntryForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        competitions = CompetitionPage.objects.all()
        if "competition" in self.fields:
            self.fields["competition"].queryset = competitions.order_by("-start")
        if "registration" in self.fields:
            self.fields["registration"].queryset = (
                Registration.objects.filter(event__in=competitions)
                .select_related("person", "event")
                .order_by("event__title", "person__full_name")
            )
            self.fields["registration"].label_from_instance = lambda r: (
                f"{r.person.full_name} — {r.event.title}"
            )
        if "category" in self.fields:
            self.fields["category"].queryset = Category.objects.select_related(
                "competition"
            ).order_by("competition__title", "sort_order")
            self.fields["category"].label_from_instance = lambda c: (
                f"{c.name} — {c.competition.title}"
            )

    def clean(self):
        cleaned = super().clean()
        competition = cleaned.get("competition")
        registration = cleaned.get("registration")
        category = cleaned.get("category")
        if competition and registration and registration.event_id != competition.pk:
            self.add_error(
                "registration", _("This registration is for another event, not this competition.")
            )
        if (
            registration
            and registration.status in WITHDRAWING
            and (self.instance.pk is None or "registration" in self.changed_data)
        ):
            self.add_error(
                "registration",
                _("This registration is cancelled or was not accepted: it cannot be entered."),
            )
        if competition and category and category.competition_id != competition.pk:
            self.add_error("category", _("This category belongs to another competition."))
        if self.instance.pk and self.instance.scores.exists():
            for name in ("competition", "registration"):
                if name in self.changed_data:
                    self.add_error(
                        name,
                        forms.ValidationError(
                            _("The jury has scored this entry: this can no longer be changed.")
                        ),
                    )
        return cleaned
