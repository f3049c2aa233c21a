"""Forms of the plans and reports screens: a branch's document (a number per
indicator, the words, a file), the department's review (comments), the
reason to reopen, and the department's list filter. They only read and
check what was typed; the changes are reports.services'."""

import os
from decimal import Decimal, InvalidOperation

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from branches.models import Branch
from reports.enums import DocumentKind, ReportStatus
from reports.models import ReportingPeriod

# The files a branch may add, by their ending, and how each one begins.
ALLOWED_FILES = {
    "pdf": (b"%PDF",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}
ALLOWED_IN_WORDS = "PDF, DOCX, XLSX, JPG, PNG"


def attachment_max_bytes() -> int:
    return getattr(settings, "REPORT_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)


def indicator_label(indicator) -> str:
    return _("%(name)s, %(unit)s") % {
        "name": indicator.name,
        "unit": indicator.get_unit_display(),
    }


def number_text(value) -> str:
    """12.0 → "12", 12.5 → "12.5"; empty for None."""
    if value is None:
        return ""
    value = Decimal(value)
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return str(value.normalize())


class NumberField(forms.Field):
    """A number of at most 12 digits with one after the point, not below zero.
    A text input (inputmode decimal): "12,5" and "1 200" are read as meant, and
    the arrow keys never change a number by accident."""

    widget = forms.TextInput

    def __init__(self, *, name: str, **kwargs):
        self.name_in_errors = name
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "decimal", "autocomplete": "off"}

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return number_text(value)
        return value

    def to_python(self, value):
        text = "".join(str(value or "").split()).replace(",", ".")
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            raise forms.ValidationError(
                _("%(name)s: write a number, for example 120 or 12.5."),
                params={"name": self.name_in_errors},
            )
        if number < 0:
            raise forms.ValidationError(
                _("%(name)s: the number cannot be below zero."),
                params={"name": self.name_in_errors},
            )
        if number != number.quantize(Decimal("0.1")):
            raise forms.ValidationError(
                _("%(name)s: at most one digit after the point."),
                params={"name": self.name_in_errors},
            )
        if number >= Decimal("100000000000"):
            raise forms.ValidationError(
                _("%(name)s: the number is too large."), params={"name": self.name_in_errors}
            )
        return number.quantize(Decimal("0.1"))


class DocumentForm(forms.Form):
    """A branch's plan or report: one number per indicator (`value_<id>`), the
    words, and one file to add with its title."""

    narrative = forms.CharField(
        label=_("In words"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What the branch plans or did, what went well, what did not and why."),
    )
    attachment_title = forms.CharField(
        label=_("Title of the file"),
        required=False,
        max_length=200,
        help_text=_("For example: Photos of the reading evening."),
    )
    attachment_file = forms.FileField(
        label=_("File to add"),
        required=False,
        help_text=_("PDF, DOCX, XLSX, JPG or PNG, at most %(size)s."),
    )

    def __init__(self, *args, rows, **kwargs):
        """rows: the document's IndicatorValue rows with their indicators, in order."""
        super().__init__(*args, **kwargs)
        self.rows = rows
        self.fields["attachment_file"].help_text = self.fields["attachment_file"].help_text % {
            "size": filesizeformat(attachment_max_bytes())
        }
        indicator_fields = {}
        for row in rows:
            indicator = row.indicator
            indicator_fields[f"value_{indicator.pk}"] = NumberField(
                name=indicator.name, label=indicator_label(indicator), initial=row.value
            )
        # The numbers first: the error summary follows the page's order.
        self.fields = {**indicator_fields, **self.fields}

    def indicator_fields(self):
        return [self[f"value_{row.indicator.pk}"] for row in self.rows]

    def values(self) -> dict[int, Decimal | None]:
        return {
            row.indicator.pk: self.cleaned_data[f"value_{row.indicator.pk}"] for row in self.rows
        }

    def clean_attachment_file(self):
        upload = self.cleaned_data.get("attachment_file")
        if not upload:
            return upload
        extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
        if extension not in ALLOWED_FILES:
            raise forms.ValidationError(
                _(
                    "“%(name)s” cannot be added: only %(types)s files are taken. "
                    "Save it in one of these formats and add it again."
                ),
                params={"name": upload.name, "types": ALLOWED_IN_WORDS},
            )
        if upload.size > attachment_max_bytes():
            raise forms.ValidationError(
                _("“%(name)s” is %(size)s; a file can be at most %(limit)s."),
                params={
                    "name": upload.name,
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(attachment_max_bytes()),
                },
            )
        upload.seek(0)
        head = upload.read(8)
        upload.seek(0)
        if not head.startswith(ALLOWED_FILES[extension]):
            raise forms.ValidationError(
                _("“%(name)s” is not a real %(type)s file: it may be damaged or renamed."),
                params={"name": upload.name, "type": extension.upper()},
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        title = (cleaned.get("attachment_title") or "").strip()
        upload = cleaned.get("attachment_file")
        if upload and not title:
            self.add_error(
                "attachment_title", _("Give the file a title, so the department knows what it is.")
            )
        if title and not upload and "attachment_file" not in self.errors:
            self.add_error("attachment_file", _("Choose the file to add, or clear its title."))
        return cleaned


class ReviewForm(forms.Form):
    """The department's comments: one per indicator (`comment_<id>`) and overall."""

    overall = forms.CharField(
        label=_("Overall comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown at the top of the document when it is returned."),
    )

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        comment_fields = {}
        for row in rows:
            comment_fields[f"comment_{row.indicator.pk}"] = forms.CharField(
                label=_("Comment on “%(indicator)s”")
                % {"indicator": indicator_label(row.indicator)},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.fields = {**comment_fields, **self.fields}

    def comments(self) -> list:
        """[(indicator or None, text)] of the comments written."""
        written = [
            (row.indicator, self.cleaned_data.get(f"comment_{row.indicator.pk}", ""))
            for row in self.rows
        ]
        written.append((None, self.cleaned_data.get("overall", "")))
        return [(indicator, text.strip()) for indicator, text in written if text.strip()]

    def comment_fields(self):
        return [self[f"comment_{row.indicator.pk}"] for row in self.rows]


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it reopened?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The branch sees this at the top of its document."),
        error_messages={"required": _("Say why the accepted document is reopened.")},
    )


class ReviewFilterForm(forms.Form):
    """The department's list: which documents to show (a GET form)."""

    period = forms.TypedChoiceField(label=_("Period"), required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(label=_("Document"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    branch = forms.ChoiceField(label=_("Branch"), required=False)
    overdue = forms.BooleanField(label=_("Only those past their deadline"), required=False)

    def __init__(self, *args, branches, **kwargs):
        """branches: [(translation key, name)] of the branches that report."""
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [("", _("All periods"))] + [
            (period.pk, period.label) for period in ReportingPeriod.objects.all()
        ]
        self.fields["kind"].choices = [("", _("Plans and reports"))] + DocumentKind.choices
        self.fields["status"].choices = [("", _("Any status"))] + ReportStatus.choices
        self.fields["branch"].choices = [("", _("All branches"))] + [
            (str(key), name) for key, name in branches
        ]


class PeriodChoiceForm(forms.Form):
    period = forms.TypedChoiceField(label=_("Period"), coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [
            (period.pk, period.label) for period in ReportingPeriod.objects.all()
        ]


def reporting_branches():
    """The branches that plan and report (the department reviews, it does not
    report), in the site's default language: the rows documents belong to."""
    return Branch.objects.in_directory().filter(locale__language_code=settings.LANGUAGE_CODE)
