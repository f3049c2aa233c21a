"""The public registration form of an event: one page, grouped in fieldsets
(about you, contact, needs, the event's own questions, consent), validated on
the server only, with messages that say what to do."""

import datetime
import re
import unicodedata

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from branches.models import Branch
from core.forms import add_honeypot, name_required_errors
from events.models import QuestionKind
from people.enums import MaterialFormat
from people.services import normalise_phone
from registrations.enums import DisabilityGroup

MAX_AGE_YEARS = 120
ADULT_AGE = 18
# Apostrophes (typed or "smart"), hyphens and dashes, full stops of initials.
NAME_PUNCTUATION = frozenset(" '’ʼ‘`-‐‑‒–.")
PHONE_CHARACTERS = re.compile(r"[0-9+()\-.\s]+")
KAZAKH_PHONE = re.compile(r"\+7\d{10}")
KEPT_CONTROLS = frozenset("\n\t")


def printable(text: str) -> str:
    """NFC, without control characters (invisible, and they break exports)."""
    text = unicodedata.normalize("NFC", text)
    return "".join(
        ch for ch in text if ch in KEPT_CONTROLS or unicodedata.category(ch) not in ("Cc", "Cs")
    )


class TextField(forms.CharField):
    """A CharField that drops control characters before it checks lengths."""

    def to_python(self, value):
        if isinstance(value, str):
            value = printable(value)
        return super().to_python(value)


def validate_name(value: str) -> None:
    letters = 0
    for ch in value:
        if unicodedata.category(ch).startswith("L"):
            letters += 1
        elif not (ch in NAME_PUNCTUATION or unicodedata.category(ch).startswith("M")):
            raise ValidationError(
                _(
                    "A name can have letters, spaces, apostrophes (’) and hyphens (-) only: no digits or other signs."
                ),
                code="name_characters",
            )
    if letters == 0:
        raise ValidationError(_("A name must have letters."), code="name_letters")


class NameField(TextField):
    default_validators = [validate_name]

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(**kwargs)

    def to_python(self, value):
        return " ".join(super().to_python(value).split())


class DateOfBirthWidget(forms.MultiWidget):
    """Day, month and year in three small boxes (the GOV.UK date input): each
    box has its own label; the group's legend is written by the template."""

    parts = (
        ("day", _("Day"), "bday-day", 2),
        ("month", _("Month"), "bday-month", 2),
        ("year", _("Year"), "bday-year", 4),
    )

    def __init__(self, attrs=None):
        widgets = {
            suffix: forms.TextInput(
                attrs={
                    "inputmode": "numeric",
                    "autocomplete": autocomplete,
                    "spellcheck": "false",
                    "class": f"date-input__input date-input__input--{width}",
                }
            )
            for suffix, _label, autocomplete, width in self.parts
        }
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if value:
            return [value.day, value.month, value.year]
        return [None, None, None]

    def id_for_label(self, id_):
        # The error summary links to the first box.
        return f"{id_}_day" if id_ else ""

    def render(self, name, value, attrs=None, renderer=None):
        if not isinstance(value, list | tuple):
            value = self.decompress(value)
        attrs = dict(attrs or {})
        id_ = attrs.pop("id", "")
        invalid = attrs.pop("aria-invalid", None)
        items = []
        for (suffix, label, _autocomplete, _width), widget, part in zip(
            self.parts, self.widgets, value, strict=True
        ):
            sub_attrs = {"id": f"{id_}_{suffix}"} if id_ else {}
            if invalid:
                sub_attrs["aria-invalid"] = invalid
            items.append(
                format_html(
                    '<div class="date-input__item"><label class="label" for="{}">{}</label>{}</div>',
                    sub_attrs.get("id", ""),
                    label,
                    widget.render(f"{name}_{suffix}", part, sub_attrs, renderer),
                )
            )
        return format_html('<div class="date-input">{}{}{}</div>', items[0], items[1], items[2])


class DateOfBirthField(forms.Field):
    widget = DateOfBirthWidget
    default_error_messages = {
        "incomplete": _("Date of birth must include a day, a month and a year."),
        "numbers": _("Enter the date of birth in numbers, for example 27 3 2007."),
        "year": _("Enter the year of birth with four digits, for example 2007."),
        "real": _("Date of birth must be a real date."),
        "future": _("Date of birth must be in the past."),
        "too_old": _("Date of birth must be after %(year)s: check the year."),
    }

    def to_python(self, value):
        if isinstance(value, datetime.date):
            return value
        parts = list(value) if isinstance(value, list | tuple) else [value]
        parts = [str(part).strip() if part is not None else "" for part in parts[:3]]
        parts += [""] * (3 - len(parts))
        if not any(parts):
            return None
        if not all(parts):
            raise ValidationError(self.error_messages["incomplete"], code="incomplete")
        if not all(re.fullmatch(r"[0-9]{1,4}", part) for part in parts):
            raise ValidationError(self.error_messages["numbers"], code="numbers")
        day, month, year = (int(part) for part in parts)
        if len(parts[2]) != 4:
            raise ValidationError(self.error_messages["year"], code="year")
        try:
            born = datetime.date(year, month, day)
        except ValueError:
            raise ValidationError(self.error_messages["real"], code="real") from None
        today = timezone.localdate()
        if born > today:
            raise ValidationError(self.error_messages["future"], code="future")
        earliest = today.replace(year=today.year - MAX_AGE_YEARS, day=min(today.day, 28))
        if born < earliest:
            raise ValidationError(
                self.error_messages["too_old"], code="too_old", params={"year": earliest.year}
            )
        return born


def age_on(born: datetime.date, day: datetime.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _language_choices():
    # Each language's name in that language, marked as such for screen readers.
    return [
        (code, format_html('<span lang="{}">{}</span>', code, name))
        for code, name in settings.LANGUAGES
    ]


YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def question_field(question) -> forms.Field:
    common = {"label": question.label, "help_text": question.hint, "required": question.required}
    kind = question.kind
    if kind == QuestionKind.LONG_TEXT:
        return TextField(max_length=1000, widget=forms.Textarea(attrs={"rows": 5}), **common)
    if kind == QuestionKind.SINGLE_CHOICE:
        choices = [(choice, choice) for choice in question.choice_list()]
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if kind == QuestionKind.MULTIPLE_CHOICE:
        choices = [(choice, choice) for choice in question.choice_list()]
        return forms.MultipleChoiceField(
            choices=choices, widget=forms.CheckboxSelectMultiple, **common
        )
    if kind == QuestionKind.YES_NO:
        return forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect, **common)
    if kind == QuestionKind.NUMBER:
        return forms.IntegerField(
            min_value=0,
            max_value=1_000_000,
            widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
            **common,
        )
    return TextField(max_length=200, **common)


class RegistrationChecks:
    """What every registration form checks and gives the engine the same way
    (the public form, a festival application, the staff's phone form); each
    form says it in its own voice, in the class attributes below.

    A form using this sets `self.questions` (the event's own questions, in
    order) and names their fields with `question_field_name`."""

    # Where the "give a contact" error goes, and the words of each error.
    contact_error_field = "email"
    contact_message = _(
        "Enter an e-mail address or a phone number, or both, so that we can tell you about changes."
    )
    phone_message = _(
        "Enter a phone number with 10 digits after +7 or 8, for example +7 701 234 56 78."
    )
    guardian_message = _(
        "You are under 18: enter the full name of a parent or guardian who agrees to your registration."
    )

    def add_questions(self, event) -> None:
        self.questions = list(event.questions.all())
        for number, question in enumerate(self.questions):
            self.fields[self.question_field_name(number, question)] = question_field(question)

    def question_field_name(self, number: int, question) -> str:
        return f"question_{number}"

    def question_fields(self):
        return [
            self[self.question_field_name(number, question)]
            for number, question in enumerate(self.questions)
        ]

    def clean_phone(self):
        text = self.cleaned_data["phone"]
        if not text:
            return ""
        phone = normalise_phone(text) if PHONE_CHARACTERS.fullmatch(text) else ""
        if not KAZAKH_PHONE.fullmatch(phone):
            raise ValidationError(self.phone_message, code="phone")
        return phone

    def check_contact_and_guardian(self, data: dict) -> None:
        """A way to reach the person (e-mail or phone), and a guardian's
        consent for someone under 18."""
        if not (data.get("email") or data.get("phone")) and not (
            "email" in self.errors or "phone" in self.errors
        ):
            self.add_error(
                self.contact_error_field, ValidationError(self.contact_message, code="contact")
            )
        born = data.get("date_of_birth")
        if (
            born
            and age_on(born, timezone.localdate()) < ADULT_AGE
            and not data.get("guardian_name")
            and "guardian_name" not in self.errors
        ):
            self.add_error("guardian_name", ValidationError(self.guardian_message, code="guardian"))

    def answers(self) -> dict:
        """Answers keyed by question key; unanswered questions are left out.
        Yes-no answers are true/false, numbers are numbers, several choices a list."""
        answers = {}
        for number, question in enumerate(self.questions):
            value = self.cleaned_data.get(self.question_field_name(number, question))
            if value in (None, "", []):
                continue
            if question.kind == QuestionKind.YES_NO:
                value = value == "yes"
            answers[question.key] = value
        return answers


class RegistrationForm(RegistrationChecks, forms.Form):
    """Built per event: its own questions become fields `question_<n>`."""

    PERSON_FIELDS = ("full_name", "date_of_birth", "district", "branch", "preferred_language")
    CONTACT_FIELDS = ("email", "phone")
    NEEDS_FIELDS = (
        "escort",
        "escort_name",
        "guide_dog",
        "material_format",
        "seating_needs",
        "other_needs",
        "disability_group",
    )
    CONSENT_FIELDS = ("consent", "guardian_name")

    full_name = NameField(
        label=_("Full name"),
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )
    date_of_birth = DateOfBirthField(
        label=_("Date of birth"),
        required=False,
        help_text=_("For example, 27 3 2007. Under 18s need a parent's or guardian's consent."),
    )
    district = TextField(
        label=_("Town or district"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    branch = forms.ModelChoiceField(
        label=_("Your library"),
        queryset=Branch.objects.none(),
        required=False,
        empty_label=_("Not chosen"),
        help_text=_(
            "The library or service point you usually go to, if any. "
            "Its librarians can help you with this registration."
        ),
    )
    preferred_language = forms.ChoiceField(
        label=_("Language we should use with you"),
        choices=_language_choices,
        widget=forms.RadioSelect,
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    phone = TextField(
        label=_("Phone number"),
        max_length=30,
        required=False,
        help_text=_("For example, +7 701 234 56 78 or 8 7252 00 00 00."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    escort = forms.BooleanField(
        label=_("I am coming with an escort"),
        required=False,
        help_text=_("The escort is registered too and takes a place."),
    )
    escort_name = NameField(
        label=_("Escort's full name"),
        required=False,
        help_text=_("Only if you are coming with an escort."),
    )
    guide_dog = forms.BooleanField(label=_("I am coming with a guide dog"), required=False)
    material_format = forms.ChoiceField(
        label=_("Format of materials"),
        choices=[("", _("No particular format")), *MaterialFormat.choices],
        required=False,
        widget=forms.RadioSelect,
        help_text=_("The format you would like the event's handouts in."),
    )
    seating_needs = TextField(
        label=_("Seating or mobility needs"),
        max_length=500,
        required=False,
        help_text=_("For example: a seat near the front, step-free access, a wheelchair space."),
    )
    other_needs = TextField(
        label=_("Anything else we should know"),
        max_length=1000,
        required=False,
        help_text=_("Up to 1000 characters."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    disability_group = forms.ChoiceField(
        label=_("Disability group"),
        choices=DisabilityGroup.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "So that we can plan help and report to the regional administration; it is optional and only staff who need it can see it."
        ),
    )
    consent = forms.BooleanField(
        label=_("I agree to the processing of my personal data as described in the privacy notice"),
    )
    guardian_name = NameField(
        label=_("Parent or guardian's full name, if you are under 18"),
        required=False,
        help_text=_("By writing their name you confirm that they agree to your registration."),
    )

    def __init__(self, *args, event, language: str = "kk", **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["preferred_language"].initial = language
        self.fields["material_format"].initial = ""
        self.fields["branch"].queryset = Branch.objects.filter(locale=event.locale_id).order_by(
            "name"
        )
        self.fields["consent"].help_text = format_html(
            '{} <a href="/{}/privacy/">{}</a>',
            _("We use your data only to organise the event and to help you at it."),
            language,
            _("Read the privacy notice"),
        )
        self.add_questions(event)
        name_required_errors(self)
        self.fields["email"].error_messages["invalid"] = _(
            "Enter an e-mail address like name@example.kz."
        )
        self.fields["full_name"].error_messages["max_length"] = _(
            "A name can be at most 200 characters long."
        )
        add_honeypot(self)

    # Groups of fields, one fieldset each in the template.
    def _bound(self, names):
        return [self[name] for name in names]

    def person_fields(self):
        return self._bound(self.PERSON_FIELDS)

    def contact_fields(self):
        return self._bound(self.CONTACT_FIELDS)

    def needs_fields(self):
        return self._bound(self.NEEDS_FIELDS)

    def consent_fields(self):
        return self._bound(self.CONSENT_FIELDS)

    def clean(self):
        data = super().clean()
        self.check_contact_and_guardian(data)
        if data.get("escort") and not data.get("escort_name") and "escort_name" not in self.errors:
            self.add_error(
                "escort_name",
                ValidationError(
                    _("Enter the escort's full name, or untick “I am coming with an escort”."),
                    code="escort_name",
                ),
            )
        if data.get("escort_name") and not data.get("escort"):
            self.add_error(
                "escort",
                ValidationError(
                    _("Tick “I am coming with an escort”, or leave the escort's name empty."),
                    code="escort",
                ),
            )
        return data

    # What the engine is given.
    def person_data(self) -> dict:
        data = self.cleaned_data
        return {
            "full_name": data["full_name"],
            "email": data.get("email") or "",
            "phone": data.get("phone") or "",
            "date_of_birth": data.get("date_of_birth"),
            "district": data.get("district") or "",
            "branch": data.get("branch"),
            "preferred_language": data["preferred_language"],
            "preferred_format": data.get("material_format") or "",
        }

    def registration_data(self) -> dict:
        data = self.cleaned_data
        return {
            "guardian_name": data.get("guardian_name") or "",
            "escort_name": (data.get("escort_name") or "") if data.get("escort") else "",
            "guide_dog": bool(data.get("guide_dog")),
            "material_format": data.get("material_format") or "",
            "seating_needs": data.get("seating_needs") or "",
            "other_needs": data.get("other_needs") or "",
            "disability_group": data.get("disability_group") or "",
            "answers": self.answers(),
        }
