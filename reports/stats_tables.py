"""The regional summary (reports.statistics.period_statistics) laid out as
the tables the department reads: per indicator, the branches grouped by
district with a subtotal per district and the region's total, each row with
this period, the same period a year earlier, the change, the plan and the
share of the plan done. The statistics screen, its charts, the workbook and
the PDF all show these same tables, so their numbers agree.

Each number is kept as a Decimal (the workbook's cells) and written out once
in the reader's language (the screen and the PDF); a missing number is None
and its text empty (the templates say "no data").

Indicators measured in per cent are not added up across branches: their
district and region rows are the average of the branches that have the
number (period_statistics sums every indicator; a sum of percentages means
nothing)."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from html import escape

from django.utils import formats, translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from reports.enums import Unit
from reports.statistics import Statistics

TENTH = Decimal("0.1")
MINUS = "\u2212"  # read "minus" by screen readers, unlike a hyphen


class NumberFormat:
    """Numbers written as the reader's language writes them (decimal comma,
    grouped thousands), cheaply: the page writes thousands of them."""

    def __init__(self):
        self.decimal = formats.get_format("DECIMAL_SEPARATOR")
        self.thousands = formats.get_format("THOUSAND_SEPARATOR")
        self.grouping = bool(formats.get_format("NUMBER_GROUPING"))

    def __call__(self, value: Decimal | None, *, places: int | None = None) -> str:
        if value is None:
            return ""
        if places is None:
            whole = int(value)
            if whole == value:  # the usual case: a count, written without decimals
                text = f"{abs(whole):,}" if self.grouping else str(abs(whole))
                if self.grouping and self.thousands != ",":
                    text = text.replace(",", self.thousands)
                return f"{MINUS}{text}" if whole < 0 else text
            places = 1
        rounded = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        text = f"{abs(rounded):,.{places}f}" if self.grouping else f"{abs(rounded):.{places}f}"
        text = text.replace(",", "\0").replace(".", self.decimal).replace("\0", self.thousands)
        return f"{MINUS}{text}" if rounded < 0 else text

    def signed(self, value: Decimal) -> str:
        text = self(value)
        return text if text.startswith(MINUS) else f"+{text}"


def _percent_of(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    if part is None or not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(TENTH, rounding=ROUND_HALF_UP)


@dataclass
class Row:
    """A line of an indicator's table: a branch, a district's or the region's total."""

    label: str
    label_language: str  # the language of `label` (a branch's name may be Kazakh)
    label_html: str = ""  # `label` escaped, once per branch rather than per table
    prefix: str = ""  # "Total for the district:" before the label, in the reader's language
    kind: str = "branch"  # branch, district or region
    actual: Decimal | None = None
    previous: Decimal | None = None
    plan: Decimal | None = None
    # The same, written out (filled by write_out): by name, and as the
    # table's cells in order (HTML; a missing number says so in words)
    texts: dict[str, str] = field(default_factory=dict)
    cells: list[str] = field(default_factory=list)

    @property
    def change(self) -> Decimal | None:
        if self.actual is None or self.previous is None:
            return None
        return self.actual - self.previous

    @property
    def change_percent(self) -> Decimal | None:
        change = self.change
        if change is None or not self.previous:
            return None
        return (change * 100 / self.previous).quantize(TENTH, rounding=ROUND_HALF_UP)

    @property
    def done_percent(self) -> Decimal | None:
        return _percent_of(self.actual, self.plan)

    @property
    def is_total(self) -> bool:
        return self.kind != "branch"


@dataclass
class District:
    name: str
    language: str
    rows: list[Row]
    total: Row


@dataclass
class IndicatorTable:
    indicator: object
    code: str
    name: str
    name_language: str
    unit: str
    averaged: bool  # per-cent indicators: totals are averages of the branches
    districts: list[District]
    region: Row
    page_language: str = ""
    body: str = ""  # its rows as HTML (table_body), the same on the screen and in the PDF
    chart: str = ""  # its SVG, added by the screen (reports.charts)

    @property
    def branch_rows(self) -> list[Row]:
        return [row for district in self.districts for row in district.rows]

    @property
    def rows(self) -> list[Row]:
        """Every row in the order of the table."""
        rows = []
        for district in self.districts:
            rows.extend(district.rows)
            rows.append(district.total)
        rows.append(self.region)
        return rows

    @property
    def name_html(self) -> SafeString:
        """The name for HTML, marked with its language where it is not the page's."""
        lang = _lang(self.name_language, self.page_language)
        return mark_safe(f"<span{lang}>{escape(self.name)}</span>" if lang else escape(self.name))  # noqa: S308

    @property
    def anchor(self) -> str:
        return f"indicator-{self.indicator.pk}"

    @property
    def has_data(self) -> bool:
        return any(
            value is not None
            for row in self.branch_rows
            for value in (row.actual, row.previous, row.plan)
        )


@dataclass
class Missing:
    name: str
    language: str
    district: str


@dataclass
class Summary:
    """Everything the screen, the workbook and the PDF show for a period."""

    statistics: Statistics
    period_label: str
    previous_label: str
    tables: list[IndicatorTable]
    missing: list[Missing]
    branch_count: int

    @property
    def reported_count(self) -> int:
        return self.branch_count - len(self.missing)


def _mean(values: list[Decimal]) -> Decimal | None:
    if not values:
        return None
    return (sum(values) / len(values)).quantize(TENTH, rounding=ROUND_HALF_UP)


def _total_row(rows: list[Row], totals, indicator_id: int, averaged: bool, **labels) -> Row:
    row = Row(**labels)
    for name in ("actual", "previous", "plan"):
        if averaged:
            value = _mean([getattr(r, name) for r in rows if getattr(r, name) is not None])
        else:
            value = getattr(totals, name).get(indicator_id)
        setattr(row, name, value)
    return row


def _words() -> dict[str, str]:
    """The words of the tables, translated once per summary."""
    return {
        "no_district": _("District not given"),
        "district_average": _("Average for the district:"),
        "district_total": _("Total for the district:"),
        "region_average": _("Average for the region"),
        "region_total": _("Total for the region"),
        "no_change": escape(_("no change")),
        "no_data": format_html(
            '<span aria-hidden="true">—</span><span class="stats-sr-only">{}</span>', _("no data")
        ),
    }


def _district(statistics, indicator, averaged, name, name_language, rows, words) -> District:
    label = name or words["no_district"]
    total = _total_row(
        rows,
        statistics.districts.get(name),
        indicator.pk,
        averaged,
        label=label,
        label_language=name_language,
        prefix=words["district_average"] if averaged else words["district_total"],
        kind="district",
    )
    return District(name=label, language=name_language, rows=rows, total=total)


def build_summary(statistics: Statistics) -> Summary:
    """The tables of `statistics`, in the active language (labels and numbers)."""
    language = (translation.get_language() or "kk")[:2]
    number = NumberFormat()
    words = _words()
    units = {value: str(label) for value, label in Unit.choices}
    names = {branch.key: escape(branch.name) for branch in statistics.branches}
    tables = []
    for indicator in statistics.indicators:
        averaged = indicator.unit == Unit.PERCENT
        districts = []
        current: list[Row] = []
        current_name = current_language = None
        for branch in statistics.branches:
            if current and branch.district != current_name:
                districts.append(
                    _district(
                        statistics,
                        indicator,
                        averaged,
                        current_name,
                        current_language,
                        current,
                        words,
                    )
                )
                current = []
            current_name, current_language = branch.district, branch.name_language
            if not current_name:
                current_language = language
            current.append(
                Row(
                    label=branch.name,
                    label_language=branch.name_language,
                    label_html=names[branch.key],
                    actual=branch.actual.get(indicator.pk),
                    previous=branch.previous.get(indicator.pk),
                    plan=branch.plan.get(indicator.pk),
                )
            )
        if current:
            districts.append(
                _district(
                    statistics, indicator, averaged, current_name, current_language, current, words
                )
            )
        region = _total_row(
            [row for district in districts for row in district.rows],
            statistics.region,
            indicator.pk,
            averaged,
            label=words["region_average"] if averaged else words["region_total"],
            label_language=language,
            kind="region",
        )
        table = IndicatorTable(
            indicator=indicator,
            code=indicator.code,
            name=indicator.name_in(language),
            name_language=language if getattr(indicator, f"name_{language}", "") else "kk",
            unit=units.get(indicator.unit, indicator.unit),
            averaged=averaged,
            districts=districts,
            region=region,
            page_language=language,
        )
        if indicator.active or table.has_data:
            write_out(table, number, words)
            table.body = table_body(table, language)
            tables.append(table)
    missing = [
        Missing(name=row.name, language=row.name_language, district=row.district)
        for row in statistics.missing
    ]
    return Summary(
        statistics=statistics,
        period_label=str(statistics.period.label),
        previous_label=str(statistics.previous_label),
        tables=tables,
        missing=missing,
        branch_count=len(statistics.branches),
    )


COLUMNS = ("actual", "previous", "change", "plan", "done")


def write_out(table: IndicatorTable, number: NumberFormat, words: dict | None = None) -> None:
    """Each row's numbers as text in the reader's language."""
    words = words or _words()
    no_change = words["no_change"]
    # A dash to the eye, words to a screen reader (a lone dash is read as
    # nothing or as "dash").
    no_data = words["no_data"]
    for row in table.rows:
        actual, previous, plan = row.actual, row.previous, row.plan
        if actual is None or previous is None:
            change_text = ""
        elif actual == previous:
            change_text = no_change
        else:
            change_text = number.signed(actual - previous)
            if previous:
                percent = ((actual - previous) * 100 / previous).quantize(
                    TENTH, rounding=ROUND_HALF_UP
                )
                change_text = f"{change_text} ({number.signed(percent)}%)"
        done = _percent_of(actual, plan)
        row.texts = {
            "actual": number(actual),
            "previous": number(previous),
            "change": change_text,
            "plan": number(plan),
            "done": "" if done is None else f"{number(done, places=1)}%",
        }
        # Our numbers are digits, signs and separators: nothing to escape.
        row.cells = [row.texts[name] or no_data for name in COLUMNS]
        if not row.label_html:
            row.label_html = escape(row.label)


def _lang(language: str, page_language: str) -> str:
    return f' lang="{language}"' if language != page_language else ""


def _cells(row: Row) -> str:
    return "".join(f"<td>{cell}</td>" for cell in row.cells)


def table_body(table: IndicatorTable, page_language: str) -> SafeString:
    """The table's row groups as HTML: per district a group header, its
    branches and its total; the region's total in the footer. Written here
    rather than in a template loop: a large network has thousands of cells,
    which the template language renders ten times slower."""
    parts = []
    for district in table.districts:
        parts.append(
            f'<tbody><tr class="stats-table__district"><th scope="rowgroup" colspan="6"'
            f"{_lang(district.language, page_language)}>{escape(district.name)}</th></tr>"
        )
        for row in district.rows:
            parts.append(
                f'<tr><th scope="row"{_lang(row.label_language, page_language)}>'
                f"{row.label_html}</th>{_cells(row)}</tr>"
            )
        total = district.total
        parts.append(
            f'<tr class="stats-table__total"><th scope="row">{escape(total.prefix)} '
            f"<span{_lang(total.label_language, page_language)}>{total.label_html}</span>"
            f"</th>{_cells(total)}</tr></tbody>"
        )
    region = table.region
    parts.append(
        f'<tfoot><tr class="stats-table__region"><th scope="row">{region.label_html}</th>'
        f"{_cells(region)}</tr></tfoot>"
    )
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
