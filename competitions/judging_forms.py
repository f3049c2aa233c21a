"""Forms of the judges' screen: one entry's scores, one entry's measured
result, and the chair's decision when publishing with scores missing."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from competitions import scoring
from competitions.enums import ResultStatus, ResultType


def criterion_field_name(criterion) -> str:
    return f"criterion_{criterion.pk}"


class ScoreForm(forms.Form):
    """One number per criterion, each labelled with the criterion, its
    range and the entry, so a screen reader says all of it on focus.
    A field left empty is simply not scored yet."""

    def __init__(self, *args, entry, criteria, initial_scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.entry = entry
        self.criteria = list(criteria)
        initial_scores = initial_scores or {}
        for criterion in self.criteria:
            name = criterion_field_name(criterion)
            self.fields[name] = forms.CharField(
                label=_("%(criterion)s, from 0 to %(maximum)s, for %(entry)s")
                % {
                    "criterion": criterion.name,
                    "maximum": _number(criterion.maximum),
                    "entry": entry.participant_name,
                },
                required=False,
                max_length=10,
                widget=forms.TextInput(
                    attrs={"inputmode": "decimal", "autocomplete": "off", "size": "6"}
                ),
            )
            if criterion.pk in initial_scores:
                self.initial[name] = _number(initial_scores[criterion.pk])
        if self.criteria and not self.is_bound:
            # Entry after entry, the judge starts at the first score; after an
            # error the error summary has the focus instead.
            first = self.fields[criterion_field_name(self.criteria[0])]
            first.widget.attrs["autofocus"] = True

    def clean(self):
        cleaned = super().clean()
        for criterion in self.criteria:
            name = criterion_field_name(criterion)
            text = (cleaned.get(name) or "").strip().replace(",", ".")
            if not text:
                cleaned[name] = None
                continue
            try:
                value = Decimal(text)
            except InvalidOperation:
                value = None
            if value is None or not value.is_finite():
                self.add_error(
                    name,
                    _("Enter the score for “%(criterion)s” as a number, like 8.5.")
                    % {"criterion": criterion.name},
                )
                continue
            if value < 0 or value > criterion.maximum:
                self.add_error(
                    name,
                    _("The score for “%(criterion)s” must be from 0 to %(maximum)s.")
                    % {"criterion": criterion.name, "maximum": _number(criterion.maximum)},
                )
                continue
            if value != value.quantize(Decimal("0.01")):
                self.add_error(
                    name,
                    _("Give the score for “%(criterion)s” with at most two decimal places.")
                    % {"criterion": criterion.name},
                )
                continue
            cleaned[name] = value
        return cleaned

    def scores(self) -> dict:
        """{criterion: value} of the fields filled in."""
        return {
            c: self.cleaned_data[criterion_field_name(c)]
            for c in self.criteria
            if self.cleaned_data.get(criterion_field_name(c)) is not None
        }


def _number(value: Decimal) -> str:
    """8.50 → 8.5, 10.00 → 10."""
    value = Decimal(value)
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


TIME_ERRORS = {
    "empty": _("Enter the time, or choose why there is none."),
    "format": _("Enter the time like 1:02.35 (minutes:seconds.hundredths) or 59.90 (seconds)."),
    "seconds": _("The seconds of a time must be from 00 to 59, for example 1:15.00."),
    "minutes": _(
        "The minutes of a time must be from 00 to 59: write an hour or more as 1:05:00.00."
    ),
}
MEASURE_ERRORS = {
    "empty": _("Enter the result, or choose why there is none."),
    "format": _("Enter the result as a number, like 12.5."),
}


# MeasuredResult.value holds 12 digits, 3 of them after the point.
LARGEST_RESULT = Decimal(10) ** 9


class MeasuredResultForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Outcome"), choices=ResultStatus.choices, widget=forms.RadioSelect
    )
    result = forms.CharField(label=_("Result"), required=False, max_length=20)

    def __init__(self, *args, entry, competition, **kwargs):
        super().__init__(*args, **kwargs)
        self.competition = competition
        name = entry.participant_name
        self.fields["status"].label = _("Outcome for %(entry)s") % {"entry": name}
        if competition.result_type == ResultType.TIME:
            self.fields["result"].label = _("Time of %(entry)s") % {"entry": name}
            self.fields["result"].help_text = _(
                "Minutes:seconds.hundredths, like 1:02.35; or seconds, like 59.90."
            )
        else:
            self.fields["result"].label = _("Result of %(entry)s, in %(unit)s") % {
                "entry": name,
                "unit": competition.unit,
            }
        self.fields["result"].widget.attrs.update({"autocomplete": "off", "size": "12"})
        self.fields["status"].error_messages["required"] = _(
            "Choose the outcome for %(entry)s."
        ) % {"entry": name}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") != ResultStatus.FINISHED:
            cleaned["value"] = None
            return cleaned
        text = cleaned.get("result", "")
        try:
            if self.competition.result_type == ResultType.TIME:
                cleaned["value"] = scoring.parse_time(text)
            else:
                cleaned["value"] = scoring.parse_measure(text)
        except scoring.MeasureError as error:
            errors = (
                TIME_ERRORS if self.competition.result_type == ResultType.TIME else MEASURE_ERRORS
            )
            self.add_error("result", errors.get(error.code, errors["format"]))
            return cleaned
        if cleaned["value"] >= LARGEST_RESULT:
            self.add_error("result", _("This result is too large: check what was typed."))
        elif cleaned["value"] != cleaned["value"].quantize(Decimal("0.001")):
            self.add_error("result", _("Give the result with at most three decimal places."))
        return cleaned


class PublishForm(forms.Form):
    decision = forms.CharField(
        label=_("Decision of the jury"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Needed only when scores are missing: what the jury decided, for example "
            "to rank on the scores given. It is recorded and shown with the results."
        ),
    )

    def __init__(self, *args, missing=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.missing = missing

    def clean_decision(self):
        decision = self.cleaned_data["decision"].strip()
        if self.missing and not decision:
            raise forms.ValidationError(
                _("Scores are missing: write down the jury's decision to publish without them.")
            )
        return decision


class ConfirmForm(forms.Form):
    """A POST with nothing but the CSRF token (close, open again)."""
