"""The trainings index filter: a plain GET form that works with JavaScript off
(the same pattern as events.forms.EventFilterForm)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from events.enums import Audience
from trainings.enums import TrainingFormat
from trainings.models import TrainingPage

# The format filter's value for the Methodologists' Days (not a TrainingFormat).
DAY_FORMAT = "methodologists-day"


class TrainingFilterForm(forms.Form):
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    audience = forms.ChoiceField(label=_("For whom"), required=False)
    format = forms.ChoiceField(label=_("Format"), required=False)

    def __init__(self, *args, index_page, **kwargs):
        super().__init__(*args, **kwargs)
        any_choice = [("", _("Any"))]
        topics = (
            TrainingPage.objects.live()
            .public()
            .descendant_of(index_page)
            .order_by("topic")
            .values_list("topic", flat=True)
            .distinct()
        )
        self.fields["topic"].choices = any_choice + [(topic, topic) for topic in topics]
        self.fields["audience"].choices = any_choice + list(Audience.choices)
        self.fields["format"].choices = (
            any_choice + list(TrainingFormat.choices) + [(DAY_FORMAT, _("Methodologists' Day"))]
        )
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = _(
                "There is no such choice; choose one from the list."
            )


def filtered(queryset, data):
    """The index's events narrowed to what the valid filter asks for."""
    if data.get("topic"):
        queryset = queryset.filter(trainingpage__topic=data["topic"])
    if data.get("audience"):
        queryset = queryset.filter(audience=data["audience"])
    if data.get("format") == DAY_FORMAT:
        queryset = queryset.filter(methodologistsdaypage__isnull=False)
    elif data.get("format"):
        queryset = queryset.filter(trainingpage__training_format=data["format"])
    return queryset
