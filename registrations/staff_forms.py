"""Forms of the staff screens: the registrations filter, the reason to reject,
the assisted registration (a librarian registering a reader by phone) and the
check-in field."""

import datetime

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.models import Locale

from branches.models import Branch
from events.models import EventPage
from events.windows import registration_window
from people.enums import MaterialFormat
from registrations.enums import DisabilityGroup, RegistrationStatus
from registrations.forms import NameField, RegistrationChecks, TextField
from registrations.models import Registration

DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]


# ---------------------------------------------------------------------------
# Things shown in the admin's language: one event or branch per translation
# ---------------------------------------------------------------------------


def in_admin_language(objects):
    """One object per translation group (events and branches exist once per
    language): the one in the admin's language, else the first met."""
    active = Locale.get_active().pk
    chosen = {}
    for obj in objects:
        current = chosen.get(obj.translation_key)
        if current is None or (obj.locale_id == active and current.locale_id != active):
            chosen[obj.translation_key] = obj
    return list(chosen.values())


def localised(obj):
    """The object's translation in the admin's language, if there is one."""
    if obj is None:
        return None
    return obj.get_translation_or_none(Locale.get_active()) or obj


def event_label(event) -> str:
    start = timezone.localtime(event.start)
    return f"{event.title} — {start:%d.%m.%Y %H:%M}"


def event_choices(events) -> list[tuple[str, str]]:
    return [(str(event.pk), event_label(event)) for event in in_admin_language(events)]


def branch_choices() -> list[tuple[str, str]]:
    return [(str(branch.pk), branch.name) for branch in in_admin_language(Branch.objects.all())]


# ---------------------------------------------------------------------------
# The registrations listing filter
# ---------------------------------------------------------------------------


class RegistrationFilterSet(WagtailFilterSet):
    event = django_filters.ChoiceFilter(
        label=_("Event"), method="filter_event", empty_label=_("All events"), widget=forms.Select
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=RegistrationStatus.choices, empty_label=_("All")
    )
    branch = django_filters.ChoiceFilter(
        label=_("Branch of the person"),
        method="filter_branch",
        empty_label=_("All branches"),
        widget=forms.Select,
    )
    escort = django_filters.BooleanFilter(
        label=_("Comes with an escort"), method="filter_escort", widget=BooleanRadioSelect
    )
    guide_dog = django_filters.BooleanFilter(
        label=_("Comes with a guide dog"), widget=BooleanRadioSelect
    )
    material_format = django_filters.ChoiceFilter(
        label=_("Format of materials"), choices=MaterialFormat.choices, empty_label=_("All")
    )
    entered = django_filters.ChoiceFilter(
        label=_("Entered by"),
        method="filter_entered",
        choices=[("self", _("The person themself")), ("staff", _("Staff"))],
        empty_label=_("All"),
    )

    class Meta:
        model = Registration
        fields = ["event", "status", "branch", "escort", "guide_dog", "material_format"]

    def __init__(self, *args, fixed_event=None, **kwargs):
        super().__init__(*args, **kwargs)
        if fixed_event is not None:
            del self.filters["event"]
        else:
            self.filters["event"].extra["choices"] = event_choices(
                EventPage.objects.filter(
                    translation_key__in=Registration.objects.values("event__translation_key")
                ).order_by("-start")
            )
        self.filters["branch"].extra["choices"] = branch_choices()

    def filter_event(self, queryset, name, value):
        event = EventPage.objects.filter(pk=value).first()
        if event is None:
            return queryset.none()
        return queryset.for_event(event)

    def filter_branch(self, queryset, name, value):
        branch = Branch.objects.filter(pk=value).first()
        if branch is None:
            return queryset.none()
        return queryset.filter(person__branch__translation_key=branch.translation_key)

    def filter_escort(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.exclude(escort_name="") if value else queryset.filter(escort_name="")

    def filter_entered(self, queryset, name, value):
        if value == "self":
            return queryset.filter(entered_by__isnull=True)
        if value == "staff":
            return queryset.filter(entered_by__isnull=False)
        return queryset


# ---------------------------------------------------------------------------
# Actions
# ---------------------------------------------------------------------------


class ActionForm(forms.Form):
    """A confirmation with nothing to fill in: the CSRF token is the point."""


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Said to the person in the message about the decision."),
        error_messages={"required": _("Write the reason: the person will be told it.")},
    )


# ---------------------------------------------------------------------------
# Assisted registration
# ---------------------------------------------------------------------------


def open_events(now=None):
    """Events that take registrations now, soonest first, in the admin's language."""
    now = now or timezone.now()
    candidates = (
        EventPage.objects.live()
        .filter(end__gte=now, registration_opens__lte=now)
        .filter(Q(registration_closes__isnull=True) | Q(registration_closes__gte=now))
        .order_by("start", "pk")
    )
    return [event for event in in_admin_language(candidates) if registration_window(event).is_open]


class EventChoiceForm(forms.Form):
    event = forms.ChoiceField(label=_("Event"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].choices = [(str(e.pk), event_label(e)) for e in open_events()]


def assisted_registration_sections(event) -> list[dict]:
    """What other apps add to the phone form for this event, through the
    Wagtail hook `assisted_registration_sections`: a callable `(event) ->
    {"legend": str, "note": str, "fields": {name: form field}, "save":
    callable(*, registration, data, user)} | None`. `save` runs in the
    registration's transaction with the section's cleaned fields; a
    RegistrationError it raises undoes the registration and is shown on the
    form. (competitions enters the person in a competition.) events never
    imports those apps."""
    sections = []
    for hook in hooks.get_hooks("assisted_registration_sections"):
        section = hook(event)
        if section:
            sections.append(section)
    return sections


class AssistedRegistrationForm(RegistrationChecks, forms.Form):
    """What the public form asks, for a librarian to type while on the phone."""

    contact_error_field = "phone"
    contact_message = _("Write a phone number or an e-mail address, to tell the person news.")
    phone_message = _(
        "Write the phone number with 10 digits after +7 or 8, for example 8 701 234 56 78."
    )
    guardian_message = _("The person is under 18: write the parent or guardian who agreed.")

    full_name = NameField(label=_("Full name"))
    phone = TextField(
        label=_("Phone"),
        max_length=30,
        required=False,
        help_text=_("Spaces and brackets do not matter, for example 8 701 234 56 78."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
    )
    email = forms.EmailField(label=_("E-mail"), required=False)
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        help_text=_("Day, month and year, for example 23.04.1985."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    preferred_language = forms.ChoiceField(
        label=_("Language for messages"),
        choices=lambda: [
            (code, format_html('<span lang="{}">{}</span>', code, name))
            for code, name in settings.LANGUAGES
        ],
        widget=forms.RadioSelect,
        initial=settings.LANGUAGE_CODE,
    )
    branch = forms.ChoiceField(label=_("Library branch"), required=False)
    district = TextField(label=_("Town or district"), max_length=120, required=False)
    material_format = forms.ChoiceField(
        label=_("Format of materials"),
        choices=[("", _("None needed"))] + list(MaterialFormat.choices),
        required=False,
        initial="",
        widget=forms.RadioSelect,
    )
    escort_name = NameField(
        label=_("Escort's full name"),
        required=False,
        help_text=_("Leave empty if the person comes alone. The escort takes a place too."),
    )
    guide_dog = forms.BooleanField(label=_("Comes with a guide dog"), required=False)
    seating_needs = TextField(label=_("Seating or mobility needs"), max_length=500, required=False)
    other_needs = TextField(
        label=_("Anything else we should know"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    disability_group = forms.ChoiceField(
        label=_("Disability group"),
        choices=[("", _("Not asked"))] + list(DisabilityGroup.choices),
        required=False,
        initial="",
        widget=forms.RadioSelect,
    )
    guardian_name = NameField(
        label=_("Parent or guardian"),
        required=False,
        help_text=_("For someone under 18: the parent or guardian who agreed on their behalf."),
    )
    consent = forms.BooleanField(
        label=_("The person agreed on the phone to the privacy notice"),
        error_messages={
            "required": _(
                "Read the privacy notice to the person and tick this box when they agree; "
                "without their agreement they cannot be registered."
            )
        },
    )

    PERSON_FIELDS = ("full_name", "phone", "email", "date_of_birth", "preferred_language")
    NEEDS_FIELDS = ("material_format", "escort_name", "guide_dog", "seating_needs", "other_needs")

    def __init__(self, *args, event, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.show_disability_group = user.has_perm("registrations.view_disability_group")
        if not self.show_disability_group:
            del self.fields["disability_group"]
        self.fields["full_name"].widget.attrs["autocomplete"] = "off"
        if not self.is_bound:
            # A form sent back with errors gives the focus to its error summary.
            self.fields["full_name"].widget.attrs["autofocus"] = True
        self.fields["branch"].choices = [("", _("Not known"))] + branch_choices()
        profile = getattr(user, "staff_profile", None)
        if profile is not None:
            branch = localised(profile.branch)
            self.fields["branch"].initial = str(branch.pk)
        self.fields["consent"].help_text = _(
            "Privacy notice version %(version)s. Read it to the person if they ask."
        ) % {"version": settings.PRIVACY_NOTICE_VERSION}
        self.add_questions(event)
        self.sections = assisted_registration_sections(event)
        for section in self.sections:
            self.fields.update(section["fields"])
        # The sections are shown after the person: so are their errors in the summary.
        self.order_fields(
            [
                *self.PERSON_FIELDS,
                "branch",
                "district",
                *(name for section in self.sections for name in section["fields"]),
            ]
        )

    def question_field_name(self, number: int, question) -> str:
        return f"question_{question.key}"

    def person_fields(self):
        return [self[name] for name in (*self.PERSON_FIELDS, "branch", "district")]

    def needs_fields(self):
        names = list(self.NEEDS_FIELDS)
        if self.show_disability_group:
            names.append("disability_group")
        return [self[name] for name in names]

    def section_groups(self) -> list[dict]:
        """The sections other apps add, with their bound fields, for the template."""
        return [
            {
                "legend": section["legend"],
                "note": section.get("note", ""),
                "fields": [self[name] for name in section["fields"]],
            }
            for section in self.sections
        ]

    def section_data(self, section) -> dict:
        return {name: self.cleaned_data.get(name) for name in section["fields"]}

    def consent_fields(self):
        return [self["guardian_name"], self["consent"]]

    def clean_date_of_birth(self):
        value = self.cleaned_data["date_of_birth"]
        if value and not datetime.date(1900, 1, 1) <= value <= timezone.localdate():
            raise forms.ValidationError(_("This date of birth is not possible; check the year."))
        return value

    def clean_branch(self):
        value = self.cleaned_data["branch"]
        if not value:
            return None
        return Branch.objects.filter(pk=value).first()

    def clean(self):
        cleaned = super().clean()
        self.check_contact_and_guardian(cleaned)
        return cleaned

    def registration_fields(self) -> dict:
        data = self.cleaned_data
        fields = {name: data[name] for name in self.NEEDS_FIELDS}
        fields["guardian_name"] = data["guardian_name"]
        fields["answers"] = self.answers()
        if self.show_disability_group:
            fields["disability_group"] = data.get("disability_group", "")
        return fields


# ---------------------------------------------------------------------------
# Check-in
# ---------------------------------------------------------------------------


class CheckinForm(forms.Form):
    query = forms.CharField(
        label=_("Registration code or name"),
        max_length=200,
        help_text=_(
            "Scan the code or type it: capitals, spaces, dashes and the keyboard layout do "
            "not matter. Or type at least two letters of the name. Then press Enter."
        ),
        error_messages={"required": _("Type a registration code or a name.")},
        widget=forms.TextInput(
            attrs={
                "autofocus": True,
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
            }
        ),
    )
