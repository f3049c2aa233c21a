"""The directory's district filter: a plain GET form that works without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _


class DistrictForm(forms.Form):
    district = forms.ChoiceField(label=_("District or town"), required=False)

    def __init__(self, *args, districts: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["district"]
        field.choices = [("", _("All districts"))] + [(name, name) for name in districts]
        field.error_messages["invalid_choice"] = _(
            "There is no such district in the list; choose one from the list."
        )
