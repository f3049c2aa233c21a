"""Standings of a competition, computed from plain values.

Pure Python (no Django): the judges' screen, the public results, the
benchmark and the property tests all call the same functions. Every number
is a ``Decimal`` so that 8.5 + 9.25 is exactly 17.75 and two entries that a
person would call equal are equal here too.

Scored contests: each judge scores each entry on each criterion; per
criterion the judges' scores are aggregated (mean, median, or trimmed mean
without the highest and the lowest judge), then the criteria are summed
with their weights. Measured contests: one result per entry (a time, lower
is better; a distance or points, higher is better) or a status that puts the
entry at the end (did not finish, did not start, disqualified).
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, Inexact, InvalidOperation, localcontext
from enum import StrEnum
from fractions import Fraction

__all__ = [
    "Aggregation",
    "Better",
    "CriterionSpec",
    "MeasureError",
    "Measured",
    "ResultStatus",
    "Standing",
    "TieRule",
    "aggregate",
    "as_decimal",
    "format_time",
    "group_scores",
    "parse_measure",
    "parse_time",
    "place_numeral",
    "rank_measured",
    "rank_scored",
]

# Enough digits that a mean of a few hundred two-decimal scores never rounds
# in a way that could change an order.
PRECISION = 40


class Aggregation(StrEnum):
    MEAN = "mean"
    MEDIAN = "median"
    TRIMMED_MEAN = "trimmed_mean"


class TieRule(StrEnum):
    SHARED = "shared"  # equal totals share a place; the next place is skipped (1, 1, 3)
    CRITERION = "criterion"  # equal totals are told apart by one named criterion


class Better(StrEnum):
    LOWER = "lower"  # times
    HIGHER = "higher"  # distances, points


class ResultStatus(StrEnum):
    """How a measured entry ended. Anything but FINISHED is ranked at the end."""

    FINISHED = "finished"
    DNF = "dnf"
    DNS = "dns"
    DSQ = "dsq"


# Order of the unranked at the end of a table: those who started but did not
# finish, then those who did not start, then the disqualified.
STATUS_ORDER = {ResultStatus.DNF: 0, ResultStatus.DNS: 1, ResultStatus.DSQ: 2}


def aggregate(values: Iterable[Decimal], method: Aggregation | str) -> Fraction:
    """One criterion's score for one entry, from every judge's score, exactly.

    The trimmed mean drops one highest and one lowest score, so it needs at
    least three judges; with fewer it is the plain mean (nothing to trim).

    The result is a ``Fraction``: a mean of decimals is often not a finite
    decimal (25/3), and rounding it would put two entries whose totals are
    mathematically equal on different places. ``Fraction`` compares equal
    to the ``Decimal`` of the same value.
    """
    ordered = sorted(Decimal(v) for v in values)
    if not ordered:
        raise ValueError("no scores to aggregate")
    method = Aggregation(method)
    if method is Aggregation.MEDIAN:
        n = len(ordered)
        middle = n // 2
        if n % 2:
            return Fraction(ordered[middle])
        return Fraction(_exact_sum(ordered[middle - 1 : middle + 1])) / 2
    if method is Aggregation.TRIMMED_MEAN and len(ordered) >= 3:
        ordered = ordered[1:-1]
    return Fraction(_exact_sum(ordered)) / len(ordered)


def _exact_sum(values: Sequence[Decimal]) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = PRECISION
        ctx.traps[Inexact] = True  # a score with more digits than that is refused, not rounded
        return sum(values, Decimal(0))


def as_decimal(value: Fraction | Decimal | None, places: int = 2) -> Decimal | None:
    """A score or total rounded for people to read (half up, as judges count)."""
    if value is None:
        return None
    value = Fraction(value)
    quantum = Decimal(1).scaleb(-places)
    with localcontext() as ctx:
        ctx.prec = PRECISION
        exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(quantum, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class CriterionSpec:
    key: Hashable
    weight: Decimal = Decimal(1)


@dataclass(frozen=True)
class Standing:
    """One row of a category's table.

    ``place`` is None for an entry that cannot be ranked (no scores yet, or a
    measured entry that did not finish, did not start or was disqualified).
    ``shared`` says that another entry holds the same place.
    """

    entry: Hashable
    place: int | None
    total: Fraction | Decimal | None
    status: ResultStatus = ResultStatus.FINISHED
    shared: bool = False
    by_criterion: Mapping[Hashable, Fraction] = field(default_factory=dict)
    complete: bool = True


def _sort_key(entry: Hashable) -> tuple[str, str]:
    # Entries of one category are all ints or all strings in practice; the
    # type name keeps a mixed set sortable without raising.
    return (type(entry).__name__, f"{entry:>20}" if isinstance(entry, int) else str(entry))


def _assign_places(groups: Sequence[Sequence[Hashable]]) -> dict[Hashable, tuple[int, bool]]:
    """Competition ranking: a group of n equals takes one place, the next
    group starts n places further (1, 1, 3)."""
    places: dict[Hashable, tuple[int, bool]] = {}
    place = 1
    for group in groups:
        for entry in group:
            places[entry] = (place, len(group) > 1)
        place += len(group)
    return places


def _group_equal(ordered: Sequence[Hashable], key) -> list[list[Hashable]]:
    groups: list[list[Hashable]] = []
    previous = object()
    for entry in ordered:
        k = key(entry)
        if groups and k == previous:
            groups[-1].append(entry)
        else:
            groups.append([entry])
        previous = k
    return groups


def group_scores(
    rows: Iterable[tuple[Hashable, Hashable, Decimal]],
    entries: Iterable[Hashable] = (),
) -> dict[Hashable, dict[Hashable, list[Decimal]]]:
    """``{entry: {criterion: [scores]}}`` from flat ``(entry, criterion, score)``
    rows, as a database query returns them; ``entries`` adds those without
    any score yet, so that they are listed too."""
    grouped: dict[Hashable, dict[Hashable, list[Decimal]]] = {e: {} for e in entries}
    for entry, criterion, value in rows:
        per_entry = grouped.get(entry)
        if per_entry is None:
            per_entry = grouped[entry] = {}
        values = per_entry.get(criterion)
        if values is None:
            per_entry[criterion] = [value]
        else:
            values.append(value)
    return grouped


def rank_scored(
    scores: Mapping[Hashable, Mapping[Hashable, Sequence[Decimal]]],
    criteria: Sequence[CriterionSpec],
    *,
    method: Aggregation | str = Aggregation.MEAN,
    tie_rule: TieRule | str = TieRule.SHARED,
    tie_break: Hashable | None = None,
    expected_judges: int | None = None,
) -> list[Standing]:
    """Rank the entries of one category.

    ``scores[entry][criterion]`` is the list of the judges' scores (in any
    order). An entry with no score at all is listed at the end without a
    place. ``expected_judges`` marks entries with fewer scores on a criterion
    as incomplete (the chair's live standings say so).

    With ``TieRule.CRITERION`` equal totals are ordered by the aggregated
    score of ``tie_break`` (higher first); entries equal on that too share
    the place.
    """
    tie_rule = TieRule(tie_rule)
    if tie_rule is TieRule.CRITERION and tie_break not in {c.key for c in criteria}:
        raise ValueError("the tie-break criterion is not one of the criteria")
    method = Aggregation(method)

    weights = [(c.key, Fraction(Decimal(c.weight))) for c in criteria]
    ranked: dict[Hashable, tuple[Fraction, dict[Hashable, Fraction], bool]] = {}
    unranked: list[Hashable] = []
    for entry, per_criterion in scores.items():
        by_criterion: dict[Hashable, Fraction] = {}
        complete = True
        total = Fraction(0)
        for key, weight in weights:
            values = per_criterion.get(key) or ()
            if expected_judges is not None and len(values) < expected_judges:
                complete = False
            if not values:
                complete = False
                continue
            value = aggregate(values, method)
            by_criterion[key] = value
            total += weight * value
        if by_criterion:
            ranked[entry] = (total, by_criterion, complete)
        else:
            unranked.append(entry)

    def order_key(entry):
        total, by_criterion, _ = ranked[entry]
        if tie_rule is TieRule.CRITERION:
            return (-total, -by_criterion.get(tie_break, Fraction(0)))
        return (-total,)

    ordered = sorted(ranked, key=lambda e: (order_key(e), _sort_key(e)))
    places = _assign_places(_group_equal(ordered, order_key))
    standings = [
        Standing(
            entry=entry,
            place=places[entry][0],
            shared=places[entry][1],
            total=ranked[entry][0],
            by_criterion=ranked[entry][1],
            complete=ranked[entry][2],
        )
        for entry in ordered
    ]
    standings.extend(
        Standing(entry=entry, place=None, total=None, complete=False)
        for entry in sorted(unranked, key=_sort_key)
    )
    return standings


class MeasureError(ValueError):
    """A result that cannot be read. ``code`` names the problem so that the
    interface can say it in the reader's language."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


_FORMAT_HINT = "Enter a time like 1:02.35 (minutes:seconds.hundredths)."
_SECONDS = re.compile(r"(?P<whole>\d+)(?:[.,](?P<fraction>\d{1,3}))?", re.ASCII)


def parse_time(text: str) -> Decimal:
    """Seconds from ``ss.xx``, ``m:ss.xx`` or ``h:mm:ss.xx`` (a comma works as
    the decimal mark too). Strict: after a colon the seconds (and minutes)
    are two digits below 60, so ``1:75.00`` is an error, not 2:15."""
    text = (text or "").strip()
    if not text:
        raise MeasureError("empty", "Enter a time.")
    parts = text.split(":")
    if len(parts) > 3:
        raise MeasureError("format", _FORMAT_HINT)
    seconds_match = _SECONDS.fullmatch(parts[-1])
    leading = parts[:-1]
    if (
        not seconds_match
        or not all(p.isascii() and p.isdigit() for p in leading)
        or (leading and len(seconds_match["whole"]) != 2)
        or (len(leading) == 2 and len(leading[1]) != 2)
    ):
        raise MeasureError("format", _FORMAT_HINT)
    seconds = int(seconds_match["whole"])
    if leading and seconds >= 60:
        raise MeasureError("seconds", "The seconds must be from 00 to 59.")
    hours, minutes = (int(leading[0]), int(leading[1])) if len(leading) == 2 else (0, 0)
    if len(leading) == 1:
        minutes = int(leading[0])
        if minutes >= 60:
            raise MeasureError("minutes", "Write 60 minutes or more as hours: h:mm:ss.xx.")
    elif len(leading) == 2 and minutes >= 60:
        raise MeasureError("minutes", "The minutes must be from 00 to 59.")
    fraction = seconds_match["fraction"]
    return Decimal(hours * 3600 + minutes * 60 + seconds) + (
        Decimal(f"0.{fraction}") if fraction else Decimal(0)
    )


def format_time(seconds: Decimal) -> str:
    """The canonical way to write a time: ``9.87``, ``1:02.35``, ``1:02:03.40``."""
    seconds = Decimal(seconds).quantize(Decimal("0.01"))
    whole = int(seconds)
    hundredths = int((seconds - whole) * 100)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}.{hundredths:02d}"
    if minutes:
        return f"{minutes}:{secs:02d}.{hundredths:02d}"
    return f"{secs}.{hundredths:02d}"


def parse_measure(text: str) -> Decimal:
    """A distance or a number of points: a non-negative number, ``12.5`` or ``12,5``."""
    text = (text or "").strip().replace(",", ".")
    if not text:
        raise MeasureError("empty", "Enter a result.")
    if not re.fullmatch(r"\d+(?:\.\d+)?", text, re.ASCII):
        raise MeasureError("format", "Enter a number, like 12.5.")
    try:
        return Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only digits
        raise MeasureError("format", "Enter a number, like 12.5.") from exc


@dataclass(frozen=True)
class Measured:
    value: Decimal | None = None
    status: ResultStatus = ResultStatus.FINISHED


def rank_measured(results: Mapping[Hashable, Measured], *, better: Better | str) -> list[Standing]:
    """Rank measured results: the best value first, equal values share a
    place, and entries without a valid result come last (DNF, DNS, DSQ)."""
    better = Better(better)
    finished = {
        entry: Decimal(r.value)
        for entry, r in results.items()
        if r.status is ResultStatus.FINISHED and r.value is not None
    }

    def order_key(entry):
        return finished[entry] if better is Better.LOWER else -finished[entry]

    ordered = sorted(finished, key=lambda e: (order_key(e), _sort_key(e)))
    places = _assign_places(_group_equal(ordered, order_key))
    standings = [
        Standing(entry=e, place=places[e][0], shared=places[e][1], total=finished[e])
        for e in ordered
    ]
    rest = [e for e in results if e not in finished]
    rest.sort(key=lambda e: (STATUS_ORDER.get(results[e].status, -1), _sort_key(e)))
    standings.extend(
        Standing(entry=e, place=None, total=None, status=results[e].status, complete=False)
        for e in rest
    )
    return standings


_ROMAN = {1: "I", 2: "II", 3: "III"}


def place_numeral(place: int | None) -> str:
    """The prize a place earns, as diplomas write it: I, II, III (empty otherwise)."""
    return _ROMAN.get(place or 0, "")
