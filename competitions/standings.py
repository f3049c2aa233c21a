"""Standings of a competition from the database, per category, in a fixed
number of queries whatever the number of entries: the public results, the
chair's live view and the benchmark read them the same way."""

from dataclasses import dataclass, replace
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from branches.models import Branch
from competitions import scoring
from competitions.enums import ResultStatus, ResultType
from competitions.models import Category, CompetitionPage, Entry, Score


@dataclass(frozen=True)
class Row:
    place: int | None
    entry: Entry
    result: str  # the total or the measured result, written for people
    shared: bool
    complete: bool
    status: str

    @property
    def prize(self) -> str:
        return scoring.place_numeral(self.place)

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS.get(self.status, ""))

    where: str = ""  # the branch (in the reader's language) or the district

    @property
    def name(self) -> str:
        return self.entry.registration.person.full_name


@dataclass(frozen=True)
class Table:
    category: Category
    rows: list[Row]
    caption: str = ""

    def with_caption(self, caption: str) -> "Table":
        return replace(self, caption=caption)

    @property
    def winners(self) -> list[Row]:
        return [row for row in self.rows if row.place is not None and row.place <= 3]


def _criteria_specs(criteria):
    return [scoring.CriterionSpec(c.pk, c.weight) for c in criteria]


def format_result(competition: CompetitionPage, value: Decimal | None, unit=None) -> str:
    if value is None:
        return ""
    if competition.result_type == ResultType.TIME:
        return scoring.format_time(value)
    if competition.result_type == ResultType.SCORED:
        return str(scoring.as_decimal(value, 2))
    unit = competition.unit if unit is None else unit
    return f"{value.normalize():f} {unit}".strip()


def _branch_names(entries, locale) -> dict:
    """Branch names in the reader's language, by the branch's translation key
    (one query, however many entries)."""
    keys = {
        e.registration.person.branch.translation_key
        for e in entries
        if e.registration.person.branch_id
    }
    if locale is None or not keys:
        return {}
    return dict(
        Branch.objects.filter(translation_key__in=keys, locale=locale).values_list(
            "translation_key", "name"
        )
    )


def _where(entry, names) -> str:
    person = entry.registration.person
    if person.branch_id:
        return names.get(person.branch.translation_key, person.branch.name)
    return person.district


def competition_standings(
    competition: CompetitionPage, *, locale=None, unit: str | None = None
) -> list[Table]:
    """One table per category (those without entries too), best first.
    `locale` and `unit` write branches and units in another language than
    the judged competition's (for its translations)."""
    categories = list(competition.categories.all())
    entries = list(Entry.objects.filter(competition=competition).for_results())
    by_category: dict[int, list[Entry]] = {c.pk: [] for c in categories}
    for entry in entries:
        by_category.setdefault(entry.category_id, []).append(entry)
    entry_by_pk = {e.pk: e for e in entries}
    branch_names = _branch_names(entries, locale)

    if competition.is_measured:
        better = (
            scoring.Better.LOWER
            if competition.result_type == ResultType.TIME
            else scoring.Better.HIGHER
        )

        def rank(category_entries):
            results = {}
            for e in category_entries:
                measured = getattr(e, "measured_result", None)
                if measured is None:
                    continue
                results[e.pk] = scoring.Measured(
                    measured.value, scoring.ResultStatus(measured.status)
                )
            standings = scoring.rank_measured(results, better=better)
            missing = [e.pk for e in category_entries if e.pk not in results]
            standings += [
                scoring.Standing(entry=pk, place=None, total=None, complete=False) for pk in missing
            ]
            return standings

    else:
        criteria = list(competition.criteria.all())
        specs = _criteria_specs(criteria)
        tie_break = next((c.pk for c in criteria if c.breaks_ties), None)
        tie_rule = competition.tie_rule if tie_break is not None else scoring.TieRule.SHARED
        jury_size = competition.jury.count()
        # Like the entries (for_results), the scores leave withdrawn entries out.
        rows = Score.objects.filter(
            entry__competition=competition, entry__withdrawn_at__isnull=True
        ).values_list("entry_id", "criterion_id", "value")
        grouped = scoring.group_scores(rows, entries=entry_by_pk)

        def rank(category_entries):
            return scoring.rank_scored(
                {e.pk: grouped[e.pk] for e in category_entries},
                specs,
                method=competition.aggregation,
                tie_rule=tie_rule,
                tie_break=tie_break,
                expected_judges=jury_size,
            )

    tables = []
    for category in categories:
        rows = [
            Row(
                place=s.place,
                entry=entry_by_pk[s.entry],
                result=format_result(competition, s.total, unit),
                shared=s.shared,
                complete=s.complete,
                status=str(s.status),
                where=_where(entry_by_pk[s.entry], branch_names),
            )
            for s in rank(by_category[category.pk])
        ]
        tables.append(Table(category=category, rows=rows, caption=category.name))
    return tables


STATUS_LABELS = {
    ResultStatus.DNF: _("did not finish"),
    ResultStatus.DNS: _("did not start"),
    ResultStatus.DSQ: _("disqualified"),
}
