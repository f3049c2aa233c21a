"""The regional summary of a reporting period, from accepted reports only.

For each indicator: each branch's number, each district's and the region's
total, the same period a year earlier, and the accepted plans' targets.
A branch without an accepted report for the period itself but with accepted
reports for the periods inside it (the quarters of a year) is counted from
those, summed or averaged as the indicator says. Everything is read in a
fixed number of queries, whatever the number of branches, indicators and
years (bench/reports_bench.py holds it to that)."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.utils import translation

from branches.models import Branch
from reports.enums import Aggregation, DocumentKind, PeriodKind, ReportStatus
from reports.models import Indicator, IndicatorValue, ReportingPeriod

INSIDE = {
    PeriodKind.YEAR: {PeriodKind.HALF, PeriodKind.QUARTER},
    PeriodKind.HALF: {PeriodKind.QUARTER},
    PeriodKind.QUARTER: set(),
}
MONTHS = {PeriodKind.YEAR: 12, PeriodKind.HALF: 6, PeriodKind.QUARTER: 3}


def _contains(outer_kind, outer_number, kind, number) -> bool:
    """Whether period (kind, number) lies inside (outer_kind, outer_number) of the same year."""
    if kind not in INSIDE[outer_kind]:
        return False
    first = (number - 1) * MONTHS[kind]
    outer_first = (outer_number - 1) * MONTHS[outer_kind]
    return outer_first <= first < outer_first + MONTHS[outer_kind]


@dataclass
class BranchRow:
    key: str  # the branch's translation key
    name: str
    name_language: str
    district: str
    actual: dict[int, Decimal | None] = field(default_factory=dict)
    previous: dict[int, Decimal | None] = field(default_factory=dict)
    plan: dict[int, Decimal | None] = field(default_factory=dict)
    reported: bool = False


@dataclass
class Totals:
    actual: dict[int, Decimal] = field(default_factory=dict)
    previous: dict[int, Decimal] = field(default_factory=dict)
    plan: dict[int, Decimal] = field(default_factory=dict)


@dataclass
class Statistics:
    period: ReportingPeriod
    previous_label: str
    indicators: list[Indicator]
    branches: list[BranchRow]
    districts: dict[str, Totals]
    region: Totals

    @property
    def missing(self) -> list[BranchRow]:
        """Branches without an accepted report for the period."""
        return [row for row in self.branches if not row.reported]


def _combine(values: list[Decimal], aggregation: str) -> Decimal | None:
    if not values:
        return None
    if aggregation == Aggregation.AVERAGE:
        return (sum(values) / len(values)).quantize(Decimal("0.1"))
    return sum(values)


def _add(totals: dict[int, Decimal], indicator_id: int, value: Decimal | None) -> None:
    if value is not None:
        totals[indicator_id] = totals.get(indicator_id, Decimal(0)) + value


def period_statistics(period: ReportingPeriod, *, language: str | None = None) -> Statistics:
    language = (language or translation.get_language() or settings.LANGUAGE_CODE)[:2]
    indicators = list(Indicator.objects.all())
    by_id = {indicator.pk: indicator for indicator in indicators}
    years = [period.year, period.year - 1]
    # One query: every accepted value of both years, with its document's
    # branch, kind and period.
    rows = IndicatorValue.objects.filter(
        document__period__year__in=years,
        document__status=ReportStatus.ACCEPTED,
        value__isnull=False,
    ).values_list(
        "document__branch__translation_key",
        "document__kind",
        "document__period__year",
        "document__period__kind",
        "document__period__number",
        "indicator_id",
        "value",
    )
    # (branch, document kind, year) -> "own" values and "inside" values by indicator
    own: dict[tuple, dict[int, Decimal]] = defaultdict(dict)
    inside: dict[tuple, dict[str, dict[int, list[Decimal]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    for branch_key, kind, year, period_kind, number, indicator_id, value in rows.iterator():
        key = (branch_key, kind, year)
        if period_kind == period.kind and number == period.number:
            own[key][indicator_id] = value
        elif _contains(period.kind, period.number, period_kind, number):
            inside[key][period_kind][indicator_id].append(value)

    def figures(branch_key: str, kind: str, year: int) -> tuple[dict[int, Decimal | None], bool]:
        mine = own.get((branch_key, kind, year))
        if mine is not None:
            return dict(mine), True
        kinds = inside.get((branch_key, kind, year))
        if not kinds:
            return {}, False
        # Half-years if there are any, else quarters: never both (that would count twice).
        parts = kinds[max(kinds, key=lambda period_kind: MONTHS[period_kind])]
        return {
            indicator_id: _combine(values, by_id[indicator_id].aggregation)
            for indicator_id, values in parts.items()
        }, True

    # Two queries: the network in the default language (what is counted)
    # and its names in the reader's language.
    network = list(
        Branch.objects.in_directory()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .values_list("translation_key", "name", "district")
    )
    names = {
        key: (name, district)
        for key, name, district in Branch.objects.filter(
            locale__language_code=language
        ).values_list("translation_key", "name", "district")
    }
    # A district is the default language's; it is shown by the name a
    # translated branch of it gives, so a branch not yet translated is still
    # counted in the same district.
    district_names: dict[str, str] = {}
    for key, _name, district in network:
        local = names.get(key, ("", ""))[1]
        if district and local:
            district_names.setdefault(district, local)
    branches = []
    districts: dict[str, Totals] = defaultdict(Totals)
    region = Totals()
    for key, name, district in network:
        local_name = names[key][0] if key in names else name
        row = BranchRow(
            key=key,
            name=local_name,
            name_language=language if key in names else settings.LANGUAGE_CODE,
            district=district_names.get(district, district),
        )
        row.actual, row.reported = figures(key, DocumentKind.REPORT, period.year)
        row.previous, _reported = figures(key, DocumentKind.REPORT, period.year - 1)
        row.plan, _planned = figures(key, DocumentKind.PLAN, period.year)
        for indicator in indicators:
            for totals in (districts[row.district], region):
                _add(totals.actual, indicator.pk, row.actual.get(indicator.pk))
                _add(totals.previous, indicator.pk, row.previous.get(indicator.pk))
                _add(totals.plan, indicator.pk, row.plan.get(indicator.pk))
        branches.append(row)
    branches.sort(key=lambda row: (row.district, row.name))
    previous = ReportingPeriod(year=period.year - 1, kind=period.kind, number=period.number)
    return Statistics(
        period=period,
        previous_label=previous.label,
        indicators=indicators,
        branches=branches,
        districts=dict(sorted(districts.items())),
        region=region,
    )
