"""Form helpers shared by every public form: the honeypot that replaces a CAPTCHA."""

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website_url"


def add_honeypot(form: forms.BaseForm) -> None:
    """A field people never see (hidden by CSS, out of the tab order and the
    accessibility tree); bots that fill every field give themselves away."""
    form.fields[HONEYPOT_FIELD] = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form.fields[HONEYPOT_FIELD].is_honeypot = True


def honeypot_filled(form: forms.BaseForm) -> bool:
    return bool(form.cleaned_data.get(HONEYPOT_FIELD))
