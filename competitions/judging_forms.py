"""Forms of the judges' screen: one entry's scores, one entry's measured
result, the grid of many entries at once (built of the same forms), and the
chair's decision when publishing with scores missing."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from competitions import scoring
from competitions.enums import JudgingState, ResultStatus, ResultType
from competitions.models import CompetitionPage, MeasuredResult, Score
from competitions.services import JudgingError, result_record, scores_save
from competitions.standings import format_result


def criterion_field_name(criterion) -> str:
    return f"criterion_{criterion.pk}"


class ScoreForm(forms.Form):
    """One number per criterion, each labelled with the criterion, its
    range and the entry, so a screen reader says all of it on focus.
    A field left empty is simply not scored yet."""

    def __init__(self, *args, entry, criteria, initial_scores=None, autofocus=True, **kwargs):
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
        if self.criteria and autofocus and not self.is_bound:
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


class MeasuredResultRowForm(MeasuredResultForm):
    """One row of the measured-results grid. The outcome is a list rather than
    radio buttons (a group of radios in every row would be a fieldset in a
    table cell), with "not recorded yet" first; a result typed without
    choosing an outcome counts as a finish, and an empty row records nothing."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        status = self.fields["status"]
        status.required = False
        status.widget = forms.Select()
        status.choices = [("", _("not recorded yet")), *ResultStatus.choices]
        # The format is said once, in the column header, not under every input.
        self.fields["result"].help_text = ""

    def clean(self):
        cleaned = self.cleaned_data
        if not cleaned.get("status") and "status" not in self.errors:
            if (cleaned.get("result") or "").strip():
                cleaned["status"] = ResultStatus.FINISHED
            else:
                cleaned["value"] = None
                return cleaned
        return super().clean()


# ---------------------------------------------------------------------------
# The grid: every entry of a competition (or of one category) in one form.
# ---------------------------------------------------------------------------

GRID_ROWS = "rows"


def was_name(form, name) -> str:
    """The hidden input that carries what the page showed in input `name`."""
    return f"{form.add_prefix(name)}-was"


def _canonical(text) -> str:
    """A number written one way (8.50 → 8.5), so that what the page showed and
    what is stored compare as text; anything else is ""."""
    try:
        value = Decimal(str(text).strip())
    except (InvalidOperation, ValueError):
        return ""
    return _number(value) if value.is_finite() else ""


@dataclass
class GridCell:
    """One input of the grid, the hidden input that carries what the page
    showed in it, and the stored value in words (when judging is closed)."""

    field: forms.BoundField
    was_name: str
    was: str
    shown: str


class GridRow:
    """One entry: its form (inputs prefixed "entry-<pk>-") and what the page
    showed in each input."""

    def __init__(self, entry, form, was: dict[str, str], shown: dict[str, str], bound: bool):
        self.entry = entry
        self.form = form
        self.was = was
        self.shown = shown
        self.bound = bound
        self.saved = False

    @property
    def cells(self) -> list[GridCell]:
        return [
            GridCell(
                field=self.form[name],
                was_name=was_name(self.form, name),
                was=self.was.get(name, ""),
                shown=self.shown.get(name, ""),
            )
            for name in self.form.fields
        ]

    @property
    def errors(self) -> list[tuple[forms.BoundField, list[str]]]:
        return [
            (self.form[n], self.form.errors[n]) for n in self.form.fields if n in self.form.errors
        ]


class JudgingGrid:
    """Many entries in one form: one row form per entry (the one-entry screen's
    form, its inputs prefixed with the entry), saved entry by entry with the
    same services, so the checks, the messages and the audit trail are those
    of the one-entry screen.

    Every input carries what the page showed in it (a hidden "…-was" input).
    A value stored meanwhile from another tab or window is never overwritten
    unseen: that input gets an error naming what is stored now, and saving
    again replaces it. A double submit changes nothing. Only the rows posted
    (named in "rows") are read, so the page of one category, or one row saved
    by the script as the judge leaves it, leaves the other rows alone.

    Subclasses say what a row form is, what is stored, and how a change is
    recorded; a "unit" is the inputs that are saved (or refused) together."""

    def __init__(self, *, competition, entries, judge, data=None):
        self.competition = competition
        self.judge = judge
        self.is_bound = data is not None
        self.non_field_errors: list[str] = []
        posted = set(data.getlist(GRID_ROWS)) if data is not None else set()
        stored = self.stored()
        self.rows = []
        for entry in entries:
            # The services read entry.competition: no query per row for it.
            entry.competition = competition
            now = stored.get(entry.pk, {})
            bound = str(entry.pk) in posted
            form = self.row_form(entry, data if bound else None, now)
            if bound:
                was = {
                    name: self.canonical(name, data.get(was_name(form, name), ""))
                    for name in form.fields
                }
            else:
                was = dict(now)
            self.rows.append(GridRow(entry, form, was, self.shown(now), bound))

    # What subclasses say.

    def stored(self) -> dict[int, dict[str, str]]:
        """{entry pk: {input name: what is stored, canonical}}."""
        raise NotImplementedError

    def row_form(self, entry, data, now) -> forms.Form:
        raise NotImplementedError

    def canonical(self, name, text) -> str:
        return _canonical(text)

    def shown(self, now) -> dict[str, str]:
        return dict(now)

    def units(self, form) -> list[tuple[str, ...]]:
        return [(name,) for name in form.fields]

    def typed(self, form, unit) -> dict[str, str]:
        raise NotImplementedError

    def record(self, row, units):
        raise NotImplementedError

    def cannot_remove(self, form, unit, was) -> str:
        raise NotImplementedError

    def changed_meanwhile(self, unit, now) -> str:
        raise NotImplementedError

    # Saving.

    @property
    def errors(self) -> list[tuple[forms.BoundField, list[str]]]:
        """Every input with an error, in the order of the table."""
        return [error for row in self.rows for error in row.errors]

    def save(self) -> list[GridRow]:
        """Save what changed in the posted rows, input by input; returns the
        rows saved. Inputs that cannot be saved keep what was typed and get
        an error (`errors`); the others are saved all the same."""
        rows = [row for row in self.rows if row.bound]
        for row in rows:
            row.form.is_valid()
        if not rows:
            return []
        with transaction.atomic():
            # Locked for the whole grid: a close, or a save from another tab,
            # cannot slip between a check below and the save.
            competition = CompetitionPage.objects.select_for_update().get(pk=self.competition.pk)
            is_open = competition.judging_state == JudgingState.OPEN
            stored = self.stored()
            for row in rows:
                self._save_row(row, stored.get(row.entry.pk, {}), is_open)
        if not is_open and self.errors:
            self.non_field_errors.append(
                _("Judging of this competition is closed: scores can no longer be changed.")
            )
        return [row for row in rows if row.saved]

    def _save_row(self, row, now, is_open):
        form = row.form
        changes = {}
        for unit in self.units(form):
            if any(name in form.errors for name in unit):
                continue
            target = unit[-1]
            typed = self.typed(form, unit)
            current = {name: now.get(name, "") for name in unit}
            was = {name: row.was.get(name, "") for name in unit}
            if typed == current:
                # Nothing to do (unchanged, or the same form sent twice).
                row.was.update(current)
            elif not is_open:
                form.add_error(target, _("Not saved: judging is closed."))
            elif not any(typed.values()):
                if any(was.values()):
                    form.add_error(target, self.cannot_remove(form, unit, was))
            elif current != was:
                form.add_error(target, self.changed_meanwhile(unit, current))
                # Sent again, what the judge typed replaces it.
                row.was.update(current)
            else:
                changes[unit] = typed
        if not changes:
            return
        try:
            self.record(row, list(changes))
        except JudgingError as error:
            for unit in changes:
                form.add_error(unit[-1], error.message)
            return
        for typed in changes.values():
            row.was.update(typed)
        row.saved = True


class ScoreGrid(JudgingGrid):
    """A judge's own scores: entries as rows, criteria as columns."""

    def __init__(self, *, competition, entries, judge, data=None):
        self.criteria = list(competition.criteria.all())
        self.by_name = {criterion_field_name(c): c for c in self.criteria}
        super().__init__(competition=competition, entries=entries, judge=judge, data=data)

    def stored(self):
        stored = {}
        for entry_id, criterion_id, value in Score.objects.filter(
            entry__competition=self.competition, judge=self.judge
        ).values_list("entry_id", "criterion_id", "value"):
            stored.setdefault(entry_id, {})[f"criterion_{criterion_id}"] = _number(value)
        return stored

    def row_form(self, entry, data, now):
        return ScoreForm(
            data,
            prefix=f"entry-{entry.pk}",
            entry=entry,
            criteria=self.criteria,
            initial=dict(now),
            autofocus=False,
        )

    def typed(self, form, unit):
        value = form.cleaned_data.get(unit[0])
        return {unit[0]: "" if value is None else _number(value)}

    def record(self, row, units):
        values = {self.by_name[name]: row.form.cleaned_data[name] for (name,) in units}
        scores_save(entry=row.entry, judge=self.judge, values=values)

    def cannot_remove(self, form, unit, was):
        criterion = self.by_name[unit[0]]
        return _(
            "A saved score cannot be removed: enter a score from 0 to %(maximum)s (it was %(was)s)."
        ) % {"maximum": _number(criterion.maximum), "was": was[unit[0]]}

    def changed_meanwhile(self, unit, now):
        return _(
            "Not saved: %(stored)s was saved here from another tab or window meanwhile. "
            "Save again to replace it with what you typed."
        ) % {"stored": now[unit[0]] or _("no score")}


class MeasuredResultGrid(JudgingGrid):
    """The measured results (time, distance, points, or why there is none):
    entries as rows, the outcome and the result as columns."""

    UNIT = ("status", "result")

    def stored(self):
        return {
            entry_id: {"status": status, "result": "" if value is None else _number(value)}
            for entry_id, status, value in MeasuredResult.objects.filter(
                entry__competition=self.competition
            ).values_list("entry_id", "status", "value")
        }

    def _written(self, value: str) -> str:
        """A stored result as the judge types it (a time as 1:02.35)."""
        if not value:
            return ""
        return format_result(self.competition, Decimal(value), unit="")

    def row_form(self, entry, data, now):
        initial = {}
        if now:
            initial = {"status": now["status"], "result": self._written(now["result"])}
        return MeasuredResultRowForm(
            data,
            prefix=f"entry-{entry.pk}",
            entry=entry,
            competition=self.competition,
            initial=initial,
        )

    def canonical(self, name, text):
        if name == "status":
            return text if text in ResultStatus.values else ""
        return _canonical(text)

    def shown(self, now):
        if not now:
            return {}
        return {
            "status": ResultStatus(now["status"]).label,
            "result": format_result(self.competition, Decimal(now["result"]))
            if now["result"]
            else "",
        }

    def units(self, form):
        return [self.UNIT]

    def typed(self, form, unit):
        status = form.cleaned_data.get("status") or ""
        value = form.cleaned_data.get("value")
        return {"status": status, "result": "" if value is None else _number(value)}

    def record(self, row, units):
        result_record(
            entry=row.entry,
            user=self.judge,
            status=row.form.cleaned_data["status"],
            value=row.form.cleaned_data["value"],
        )

    def cannot_remove(self, form, unit, was):
        return _("A recorded result cannot be removed: choose the outcome or enter the result.")

    def changed_meanwhile(self, unit, now):
        if not now["status"]:
            stored = _("no result")
        elif now["status"] == ResultStatus.FINISHED:
            stored = format_result(self.competition, Decimal(now["result"]))
        else:
            stored = ResultStatus(now["status"]).label
        return _(
            "Not saved: %(stored)s was recorded here from another tab or window meanwhile. "
            "Save again to replace it with what you typed."
        ) % {"stored": stored}
