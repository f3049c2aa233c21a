"""Forms of the staff screens: issue one certificate (with its recipient
taken from a registration, if wanted), a batch, revoke, reissue."""

from django import forms
from django.utils.translation import gettext_lazy as _

from certificates import batches, services
from certificates.enums import BatchKind, CertificateLanguage, Place
from certificates.models import NAME_MAX_LENGTH, CertificateTemplate
from events.models import EventPage
from registrations.enums import RegistrationStatus
from registrations.models import Registration
from registrations.staff_forms import event_choices


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


def may_pick_registrations(user) -> bool:
    """Names from registrations are shown to staff who may see registrations."""
    return user.has_perm("registrations.view_registration")


def registrations_to_pick(user, event: EventPage) -> list[Registration]:
    """The event's standing registrations (any language's page) that the user
    may see, by name."""
    return list(
        Registration.objects.visible_to(user)
        .for_event(event)
        .filter(status__in=RegistrationStatus.active())
        .select_related("person")
        .order_by("person__name_key", "pk")
    )


def registration_label(registration: Registration) -> str:
    person, status = registration.person, registration.get_status_display()
    return f"{person.full_name} — {status} ({registration.display_code})"


class RegistrationEventForm(forms.Form):
    """The first step of taking the recipient from a registration: which
    event's registrations to offer (a GET form, so it works without JavaScript)."""

    registrations_of = forms.ChoiceField(
        label=_("Event"),
        error_messages={"invalid_choice": _("Choose one of the events listed.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["registrations_of"].choices = [("", _("Choose an event"))] + event_choices(
            EventPage.objects.all().order_by("-start")
        )

    def clean_registrations_of(self):
        value = self.cleaned_data["registrations_of"]
        if not value:
            raise forms.ValidationError(_("Choose the event whose registrations to show."))
        return EventPage.objects.get(pk=value)


class IssueForm(TemplateLanguageMixin, forms.Form):
    """One certificate. With `user` and `registrations_of` (an event), or an
    event posted, it offers that event's registrations: choosing one fills
    the name and the e-mail left empty and links the certificate to the
    registration, so the holder finds it on their registration's page."""

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

    def __init__(self, *args, user=None, registrations_of: EventPage | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_event_choices(required=False)
        self.registrations = {}
        event = registrations_of
        if self.is_bound:
            posted = str(self.data.get("event", ""))
            event = EventPage.objects.filter(pk=posted).first() if posted.isdigit() else None
        if user is not None and event is not None and may_pick_registrations(user):
            self.registrations = {
                str(registration.pk): registration
                for registration in registrations_to_pick(user, event)
            }
        if self.registrations or (self.is_bound and self.data.get("registration")):
            self.add_registration_field()

    def add_registration_field(self):
        self.fields["registration"] = forms.ChoiceField(
            label=_("Registration"),
            required=False,
            choices=[("", _("None: I type the name below"))]
            + [(pk, registration_label(r)) for pk, r in self.registrations.items()],
            help_text=_(
                "The name and e-mail are taken from the registration unless you type "
                "them below; the person finds the certificate on their registration's page."
            ),
            error_messages={
                "invalid_choice": _("Choose one of the registrations of the chosen event.")
            },
        )
        name = self.fields["recipient_name"]
        name.required = False
        name.help_text = _(
            "Exactly as it is to be printed, at most %(max)s characters. Leave it empty "
            "to take the name from the registration."
        ) % {"max": NAME_MAX_LENGTH}
        self.order_fields(["event", "registration", "recipient_name", "recipient_email"])

    def clean_recipient_name(self):
        name = " ".join(self.cleaned_data["recipient_name"].split())
        if not name and "registration" in self.fields:
            return ""  # taken from the registration, or an error in clean()
        problem = services.name_problem(name)
        if problem:
            raise forms.ValidationError(problem)
        return name

    def clean_registration(self):
        value = self.cleaned_data.get("registration")
        return self.registrations.get(value) if value else None

    def clean(self):
        cleaned = super().clean()
        registration = cleaned.get("registration")
        if registration is not None:
            if not cleaned.get("recipient_name") and "recipient_name" not in self.errors:
                name = " ".join(registration.person.full_name.split())
                problem = services.name_problem(name)
                if problem:
                    self.add_error("recipient_name", problem)
                else:
                    cleaned["recipient_name"] = name
            if not cleaned.get("recipient_email") and "recipient_email" not in self.errors:
                cleaned["recipient_email"] = registration.person.email
        elif (
            "registration" in self.fields
            and not cleaned.get("recipient_name")
            and not {"recipient_name", "registration"} & set(self.errors)
        ):
            self.add_error(
                "recipient_name", _("Type the recipient's full name, or choose a registration.")
            )
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
            self.winner_list, problems = batches.parse_winners(cleaned.get("winners", ""))
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
    """The language of the preview, and the longest name and reason staff
    expect, to see whether they fit."""

    language = forms.ChoiceField(label=_("Language"), choices=CertificateLanguage.choices)
    sample_name = forms.CharField(
        label=_("Recipient's name for the preview"),
        required=False,
        max_length=NAME_MAX_LENGTH,
        help_text=_("Type the longest name you expect; a sample name is used otherwise."),
    )
    sample_nomination = forms.CharField(
        label=_("Nomination for the preview"),
        required=False,
        max_length=200,
        help_text=_("Type the longest nomination you expect; a sample one is used otherwise."),
    )
    large_print = forms.BooleanField(
        label=_("Large print (for low-vision recipients)"), required=False
    )
