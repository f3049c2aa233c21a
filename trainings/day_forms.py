"""Forms of the Methodologists' Days' staff screens (day_views): the year of
a series and its four dates, a resolution, marking one done or open again,
and the filters of the list of resolutions."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Locale

from branches.models import Branch
from trainings import days
from trainings.enums import Quarter
from trainings.models import MethodologistsDayPage, Resolution


class NativeDateInput(forms.DateInput):
    """The browser's own date field (keyboard and screen reader friendly)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def in_admin_language(objects):
    """Translatable objects, each replaced by its translation in the admin's
    language where there is one (one query for the translations)."""
    objects = list(objects)
    locale = Locale.get_active()
    model = type(objects[0]) if objects else None
    if model is None:
        return []
    translated = {
        obj.translation_key: obj
        for obj in model.objects.filter(
            translation_key__in=[obj.translation_key for obj in objects], locale=locale
        ).select_related("locale")
    }
    return [translated.get(obj.translation_key, obj) for obj in objects]


def branch_label(branch) -> str:
    return in_admin_language([branch])[0].name


def user_label(user) -> str:
    name = user.get_full_name().strip()
    return f"{name} ({user.get_username()})" if name else user.get_username()


def staff_users():
    """People a resolution can be assigned to: active admin users."""
    access = Q(is_superuser=True) | Q(staff_profile__isnull=False)
    access |= Q(user_permissions__codename="access_admin")
    access |= Q(groups__permissions__codename="access_admin")
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(access)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class BranchChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return self.labels.get(obj.pk, obj.name)


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return user_label(obj)


def _default_locale_branches():
    return Branch.objects.filter(locale=Locale.get_default())


def _branch_field(**kwargs) -> BranchChoiceField:
    queryset = _default_locale_branches()
    field = BranchChoiceField(queryset=queryset, **kwargs)
    branches = list(queryset)
    field.labels = {
        branch.pk: shown.name
        for branch, shown in zip(branches, in_admin_language(branches), strict=True)
    }
    return field


# ---------------------------------------------------------------------------
# The series of a year


class SeriesYearForm(forms.Form):
    year = forms.IntegerField(
        label=_("Year"),
        min_value=2000,
        max_value=2100,
        help_text=_("The four Days of this year are proposed first; nothing is made yet."),
    )


class SeriesDatesForm(forms.Form):
    """The four dates, proposed by the rule; staff confirm or move each."""

    year = forms.IntegerField(widget=forms.HiddenInput, min_value=2000, max_value=2100)

    def __init__(self, *args, year: int, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "year": year,
                **{f"quarter_{q}": day for q, day in days.proposed_dates(year).items()},
            },
        )
        super().__init__(*args, **kwargs)
        self.year = year
        for quarter, label in Quarter.choices:
            first, last = days.quarter_months(quarter)
            self.fields[f"quarter_{quarter}"] = forms.DateField(
                label=label,
                widget=NativeDateInput,
                help_text=_("Proposed: %(date)s. Any day from %(first)s to %(last)s.")
                % {
                    "date": days.proposed_date(year, quarter).strftime("%d.%m.%Y"),
                    "first": datetime.date(year, first, 1).strftime("%d.%m.%Y"),
                    "last": (
                        datetime.date(year + (last == 12), last % 12 + 1, 1)
                        - datetime.timedelta(days=1)
                    ).strftime("%d.%m.%Y"),
                },
            )

    def clean_year(self):
        if self.cleaned_data["year"] != self.year:
            raise forms.ValidationError(_("The year changed: start again."))
        return self.year

    def clean(self):
        cleaned = super().clean()
        for quarter in Quarter.values:
            name = f"quarter_{quarter}"
            value = cleaned.get(name)
            if value is None:
                continue
            try:
                days.check_series_date(self.year, quarter, value)
            except days.DayError as error:
                self.add_error(name, error.message)
        if days.series_exists(self.year):
            raise forms.ValidationError(
                _("The Methodologists' Days of %(year)s exist already: nothing was made.")
                % {"year": self.year}
            )
        return cleaned

    def dates(self) -> dict[int, datetime.date]:
        return {quarter: self.cleaned_data[f"quarter_{quarter}"] for quarter in Quarter.values}


# ---------------------------------------------------------------------------
# Resolutions


class ResolutionForm(forms.Form):
    text = forms.CharField(
        label=_("Resolution"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        error_messages={"required": _("Write what was resolved.")},
    )
    is_public = forms.BooleanField(
        label=_("Shown on the public page and in the public minutes"),
        required=False,
        initial=True,
        help_text=_("Untick for a resolution about one person or an internal matter."),
    )
    due_date = forms.DateField(
        label=_("Due"),
        required=False,
        widget=NativeDateInput,
        help_text=_("Optional. After this date an open resolution is said to be overdue."),
    )

    def __init__(self, *args, resolution: Resolution | None = None, **kwargs):
        if resolution is not None:
            kwargs.setdefault(
                "initial",
                {
                    "text": resolution.text,
                    "is_public": resolution.is_public,
                    "assignee_branch": resolution.assignee_branch_id,
                    "assignee_user": resolution.assignee_user_id,
                    "due_date": resolution.due_date,
                },
            )
        super().__init__(*args, **kwargs)
        # Inserted before the due date, in the order they are read.
        fields = dict(self.fields)
        self.fields = {
            "text": fields["text"],
            "is_public": fields["is_public"],
            "assignee_branch": _branch_field(
                label=_("Assigned to the branch"),
                required=False,
                empty_label=_("No branch"),
                help_text=_("A branch, a person, or both: at least one."),
            ),
            "assignee_user": UserChoiceField(
                queryset=staff_users(),
                label=_("Assigned to the person"),
                required=False,
                empty_label=_("No person"),
            ),
            "due_date": fields["due_date"],
        }

    def clean(self):
        cleaned = super().clean()
        unassigned = not cleaned.get("assignee_branch") and not cleaned.get("assignee_user")
        if unassigned and "assignee_branch" not in self.errors:
            self.add_error("assignee_branch", days.assignee_missing())
        return cleaned


class DoneForm(forms.Form):
    note = forms.CharField(
        label=_("What was done"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        error_messages={"required": _("Say in a few words what was done.")},
        help_text=_("The department reads it; it is shown with the resolution."),
    )


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Why it is open again"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
    )


# ---------------------------------------------------------------------------
# The list of resolutions


STATUS_FILTERS = [
    ("", pgettext_lazy("resolutions filter", "All")),
    ("open", pgettext_lazy("resolutions filter", "Open")),
    ("overdue", pgettext_lazy("resolutions filter", "Overdue")),
    ("done", pgettext_lazy("resolutions filter", "Done")),
]


class ResolutionFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_FILTERS, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["branch"] = _branch_field(
            label=_("Branch"), required=False, empty_label=_("All branches")
        )
        day_pages = MethodologistsDayPage.objects.filter(locale=Locale.get_default()).order_by(
            "-start"
        )
        self.fields["day"] = forms.ModelChoiceField(
            queryset=day_pages,
            label=_("Methodologists' Day"),
            required=False,
            empty_label=_("All Days"),
        )
        shown = dict(zip(list(day_pages), in_admin_language(day_pages), strict=True))
        self.fields["day"].label_from_instance = lambda page: shown.get(page, page).title

    def filter(self, resolutions):
        if not self.is_valid():
            return resolutions
        data = self.cleaned_data
        today = timezone.localdate()
        if data["status"] == "open":
            resolutions = resolutions.open()
        elif data["status"] == "overdue":
            resolutions = resolutions.overdue(today)
        elif data["status"] == "done":
            resolutions = resolutions.filter(status="done")
        if data.get("branch"):
            resolutions = resolutions.filter(assignee_branch=data["branch"])
        if data.get("day"):
            resolutions = resolutions.filter(day=data["day"])
        return resolutions
