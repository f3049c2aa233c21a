"""Forms of the training staff's screens: choosing colleagues to enrol, the
attendance of one session, issuing completion certificates, the year of the
hours table. They only check what is typed; the services do the rest."""

from django import forms
from django.utils.translation import gettext_lazy as _

from certificates.enums import CertificateLanguage
from trainings.enums import AttendanceMark


class BranchForm(forms.Form):
    """Which branch's staff to choose from (department staff only; GET)."""

    branch = forms.ChoiceField(label=_("Branch"))

    def __init__(self, *args, branches, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["branch"].choices = [(str(branch.pk), branch.name) for branch in branches]


class EnrolForm(forms.Form):
    """A checkbox per colleague of the branch (a fieldset with a legend)."""

    colleagues = forms.MultipleChoiceField(
        label=_("Colleagues to enrol"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one colleague."),
            "invalid_choice": _("Choose colleagues from the list of your branch's staff."),
        },
        help_text=_(
            "Those already enrolled are enrolled once; when the training is full, "
            "the others go to the waiting list."
        ),
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["colleagues"].choices = choices


MARK_CHOICES = AttendanceMark.choices


class AttendanceForm(forms.Form):
    """One radio group (a fieldset, the person's name its legend) and a note
    per enrolled person. A group left empty is not saved."""

    def __init__(self, *args, registrations, marks, **kwargs):
        initial = {}
        for registration in registrations:
            record = marks.get(registration.pk)
            if record is not None:
                initial[f"mark_{registration.pk}"] = record.mark
                initial[f"note_{registration.pk}"] = record.note
        super().__init__(*args, initial=initial, **kwargs)
        self.registrations = list(registrations)
        for registration in self.registrations:
            name = registration.person.full_name
            self.fields[f"mark_{registration.pk}"] = forms.ChoiceField(
                label=name,
                choices=MARK_CHOICES,
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields[f"note_{registration.pk}"] = forms.CharField(
                label=_("Note about %(name)s") % {"name": name},
                max_length=300,
                required=False,
            )

    def rows(self):
        """(registration, mark field, note field) for the template."""
        for registration in self.registrations:
            yield (
                registration,
                self[f"mark_{registration.pk}"],
                self[f"note_{registration.pk}"],
            )

    def marks(self, *, everyone_present: bool = False) -> list[tuple]:
        """(registration, mark, note) for the groups chosen; with
        `everyone_present`, those left empty are present."""
        chosen = []
        for registration in self.registrations:
            mark = self.cleaned_data.get(f"mark_{registration.pk}") or ""
            note = self.cleaned_data.get(f"note_{registration.pk}") or ""
            if not mark and everyone_present:
                mark = AttendanceMark.PRESENT
            if mark:
                chosen.append((registration, mark, note))
        return chosen


class CertificatesForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of the certificates"),
        choices=CertificateLanguage.choices,
        initial=CertificateLanguage.KAZAKH,
    )
    send_email = forms.BooleanField(
        label=_("Send each certificate by e-mail to its holder"), required=False
    )


class YearForm(forms.Form):
    """The year of the hours table (GET)."""

    year = forms.TypedChoiceField(label=_("Year"), coerce=int)

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, str(year)) for year in years]
