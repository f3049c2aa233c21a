"""Forms of the staff screens: issue one certificate, a batch, revoke, reissue."""

from django import forms
from django.utils.translation import gettext_lazy as _

from certificates import services
from certificates.enums import BatchKind, CertificateLanguage, Place
from certificates.models import NAME_MAX_LENGTH, CertificateTemplate
from events.models import EventPage
from events.staff_forms import event_choices


def _event_field(required: bool) -> forms.ChoiceField:
    return forms.ChoiceField(label=_("Event"), required=required)


class TemplateLanguageMixin:
    """Checks that the template has every text the language needs."""

    def clean(self):
        cleaned = super().clean()
        template, language = cleaned.get("template"), cleaned.get("language")
        if template is not None and language:
            for problem in services.template_problems(template, language):
                self.add_error("template", problem)
        return cleaned

    def selected_event(self):
        value = self.cleaned_data.get("event")
        return EventPage.objects.filter(pk=value).first() if value else None

    def set_event_choices(self, required: bool):
        choices = event_choices(EventPage.objects.all().order_by("-start"))
        self.fields["event"].choices = ([] if required else [("", _("No event"))]) + choices


class IssueForm(TemplateLanguageMixin, forms.Form):
    recipient_name = forms.CharField(
        label=_("Recipient's full name"),
        max_length=200,
        help_text=_("Exactly as it is to be printed, at most %(max)s characters.")
        % {"max": NAME_MAX_LENGTH},
    )
    recipient_email = forms.EmailField(
        label=_("Recipient's e-mail"),
        required=False,
        help_text=_("To send the certificate; leave empty not to send it."),
    )
    template = forms.ModelChoiceField(
        label=_("Template"), queryset=CertificateTemplate.objects.all()
    )
    language = forms.ChoiceField(label=_("Language"), choices=CertificateLanguage.choices)
    event = _event_field(required=False)
    nomination = forms.CharField(label=_("Nomination"), max_length=200, required=False)
    place = forms.ChoiceField(
        label=_("Place"), choices=[("", _("No place"))] + Place.choices, required=False
    )
    special_prize = forms.CharField(
        label=_("Name of the special prize"), max_length=200, required=False
    )
    hours = forms.IntegerField(label=_("Hours"), min_value=1, max_value=10000, required=False)
    send_email = forms.BooleanField(label=_("Send it by e-mail now"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_event_choices(required=False)

    def clean_recipient_name(self):
        name = " ".join(self.cleaned_data["recipient_name"].split())
        problem = services.name_problem(name)
        if problem:
            raise forms.ValidationError(problem)
        return name

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("place") == Place.SPECIAL and not cleaned.get("special_prize"):
            self.add_error("special_prize", _("Name the special prize."))
        if cleaned.get("send_email") and not cleaned.get("recipient_email"):
            self.add_error("recipient_email", _("Give the e-mail address to send it to."))
        return cleaned


class BatchForm(TemplateLanguageMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("What to issue"), choices=BatchKind.choices, widget=forms.RadioSelect
    )
    event = _event_field(required=True)
    template = forms.ModelChoiceField(
        label=_("Template"), queryset=CertificateTemplate.objects.all()
    )
    language = forms.ChoiceField(label=_("Language"), choices=CertificateLanguage.choices)
    hours = forms.IntegerField(
        label=_("Hours"),
        min_value=1,
        max_value=10000,
        required=False,
        help_text=_("For completion certificates of a training."),
    )
    winners = forms.CharField(
        label=_("Winners"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "For diplomas: one winner a line, “place; full name; nomination”. Place: GP for "
            "the Grand Prix, 1, 2 or 3, or the name of a special prize."
        ),
    )
    send_email = forms.BooleanField(
        label=_("E-mail each certificate to its recipient"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_event_choices(required=True)
        self.winner_list = []

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == BatchKind.DIPLOMAS:
            self.winner_list, problems = services.parse_winners(cleaned.get("winners", ""))
            for problem in problems:
                self.add_error("winners", problem)
            if not self.winner_list and not problems:
                self.add_error("winners", _("List the winners, one a line."))
        if kind == BatchKind.COMPLETION and not cleaned.get("hours"):
            self.add_error("hours", _("Give the hours of the training."))
        return cleaned


class RevokeForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500)
    show_reason = forms.BooleanField(
        label=_("Show the reason to whoever checks the certificate"), required=False
    )


class ReissueForm(forms.Form):
    recipient_name = forms.CharField(
        label=_("Recipient's full name"),
        max_length=200,
        help_text=_("Correct it here if it was misspelt."),
    )
    reason = forms.CharField(label=_("Reason"), max_length=500)

    def clean_recipient_name(self):
        name = " ".join(self.cleaned_data["recipient_name"].split())
        problem = services.name_problem(name)
        if problem:
            raise forms.ValidationError(problem)
        return name


class PreviewForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=CertificateLanguage.choices)
