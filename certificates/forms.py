"""The public verification form: one field for the code."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import name_required_errors


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        help_text=_(
            "Printed under the QR code, for example 7KQ2-M9XD-4. Capital or small letters, "
            "spaces and dashes do not matter."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name_required_errors(self)
