"""Form helpers shared by every public form: error messages that name their
question, and the honeypot that replaces a CAPTCHA."""

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


def name_required_errors(form: forms.BaseForm) -> None:
    """ "This field is required" read out five times in an error summary tells a
    screen-reader user nothing: each message names its question instead."""
    for field in form.fields.values():
        label = str(field.label or "")
        if isinstance(
            field.widget, forms.RadioSelect | forms.Select | forms.CheckboxSelectMultiple
        ):
            message = _("Choose an answer to “%(label)s”.") % {"label": label}
        elif isinstance(field.widget, forms.CheckboxInput):
            message = _("Tick “%(label)s” to continue.") % {"label": label}
        else:
            message = _("Fill in “%(label)s”.") % {"label": label}
        field.error_messages["required"] = message
