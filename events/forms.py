"""The events index filter: a plain GET form that works with JavaScript off."""

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from branches.models import Branch
from core.dates import month_name
from events.enums import Audience
from events.models import EventKind

MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")
# How far the month view reaches from today, in years.
MONTH_RANGE_YEARS = 5


def parse_month(value: str) -> tuple[int, int] | None:
    match = MONTH_PATTERN.match(value or "")
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        return None
    return year, month


class EventFilterForm(forms.Form):
    view = forms.ChoiceField(
        label=_("Show as"),
        required=False,
        choices=[("list", _("List")), ("month", _("Month calendar"))],
        widget=forms.RadioSelect,
    )
    month = forms.CharField(
        label=_("Month"),
        required=False,
        help_text=_("Year and month, for example 2026-12."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": "8"}),
    )
    kind = forms.ChoiceField(label=_("Kind of event"), required=False)
    audience = forms.ChoiceField(label=_("For whom"), required=False)
    organiser = forms.ChoiceField(label=_("Organiser"), required=False)

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        any_choice = [("", _("Any"))]
        self.fields["kind"].choices = any_choice + [
            (kind.slug, kind.name) for kind in EventKind.objects.filter(locale=locale)
        ]
        self.fields["audience"].choices = any_choice + list(Audience.choices)
        self.fields["organiser"].choices = any_choice + [
            (str(branch.pk), branch.name) for branch in Branch.objects.filter(locale=locale)
        ]
        for name in ("kind", "audience", "organiser"):
            self.fields[name].error_messages["invalid_choice"] = _(
                "There is no such choice; choose one from the list."
            )

    def clean_month(self):
        value = self.cleaned_data["month"].strip()
        if not value:
            return None
        parsed = parse_month(value)
        if parsed is None:
            raise forms.ValidationError(
                _("Write the month as year and month, for example %(example)s.")
                % {"example": timezone.localdate().strftime("%Y-%m")}
            )
        today = timezone.localdate()
        if abs(parsed[0] - today.year) > MONTH_RANGE_YEARS:
            raise forms.ValidationError(
                _("Choose a month between %(first)s and %(last)s.")
                % {
                    "first": today.year - MONTH_RANGE_YEARS,
                    "last": today.year + MONTH_RANGE_YEARS,
                }
            )
        return parsed

    def clean_view(self):
        return self.cleaned_data["view"] or "list"


def month_label(year: int, month: int) -> str:
    return f"{month_name(month)} {year}"
