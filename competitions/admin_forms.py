"""Staff forms: placing a registration in a competition's category, and
the "Issue diplomas" action."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from certificates import services
from certificates.enums import CertificateKind, CertificateLanguage
from certificates.models import CertificateTemplate
from competitions.models import Category, CompetitionPage
from competitions.services import WITHDRAWING
from registrations.models import Registration


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


class DiplomasForm(forms.Form):
    """The "Issue diplomas" action: the language and the two templates; a
    template field is left out when nobody would get that kind."""

    language = forms.ChoiceField(
        label=_("Language of the certificates"), choices=CertificateLanguage.choices
    )
    diploma_template = forms.ModelChoiceField(
        label=_("Diploma template"),
        queryset=CertificateTemplate.objects.filter(kind=CertificateKind.DIPLOMA),
        help_text=_("For the Grand Prix, places I, II and III, and special prizes."),
        error_messages={"required": _("Choose the template of the diplomas.")},
    )
    participation_template = forms.ModelChoiceField(
        label=_("Participation certificate template"),
        queryset=CertificateTemplate.objects.filter(kind=CertificateKind.PARTICIPATION),
        help_text=_("For everyone who took part, the winners too."),
        error_messages={"required": _("Choose the template of the participation certificates.")},
    )
    send_email = forms.BooleanField(
        label=_("E-mail each certificate to its recipient"),
        required=False,
        help_text=_("Only to those who gave an e-mail address."),
    )

    def __init__(self, *args, diplomas=True, participation=True, **kwargs):
        super().__init__(*args, **kwargs)
        for name, needed in (
            ("diploma_template", diplomas),
            ("participation_template", participation),
        ):
            if not needed:
                del self.fields[name]
                continue
            templates = list(self.fields[name].queryset[:2])
            if len(templates) == 1:
                self.fields[name].initial = templates[0].pk

    def clean(self):
        cleaned = super().clean()
        language = cleaned.get("language")
        for name in ("diploma_template", "participation_template"):
            template = cleaned.get(name)
            if template is not None and language:
                for problem in services.template_problems(template, language):
                    self.add_error(name, problem)
        return cleaned
