"""Accessible SVG charts of the regional statistics, drawn on the server (no
JavaScript): per indicator, a horizontal bar per branch for what it did this
period (a filled bar) and for its plan (an outlined bar), each value written
beside its bar.

A chart is an image to assistive technology (`role="img"`) named by its
`<title>` and described by its `<desc>`, which says the data in words:
the highest and lowest branch, the region's total and plan. The table next
to it holds every number. Nothing is told by colour alone (filled against
outlined, and the words "plan" at the plan's value), and the colours come
from `currentColor` through CSS classes (reports/static/reports/statistics.css),
so a chart follows the admin's theme and Windows' forced colours; there is
no `style` attribute anywhere (strict CSP)."""

from decimal import Decimal
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from reports.stats_tables import IndicatorTable, NumberFormat

WIDTH = 640
BAR_SPACE = 470  # the longest bar; the rest is for the value written after it
ROW = 62  # a branch: its name, its actual bar, its plan bar, a gap
TOP = 4
NAME_BASELINE = 15
ACTUAL_Y, ACTUAL_HEIGHT = 21, 16
PLAN_Y, PLAN_HEIGHT = 41, 10
TEXT_GAP = 6


def _lang(language: str, page_language: str) -> str:
    return f' lang="{language}"' if language != page_language else ""


def _scale(table: IndicatorTable) -> Decimal:
    largest = max(
        (
            value
            for row in table.branch_rows
            for value in (row.actual, row.plan)
            if value is not None and value > 0
        ),
        default=Decimal(1),
    )
    return Decimal(BAR_SPACE) / largest


def _length(value: Decimal | None, scale: Decimal) -> int:
    if value is None or value <= 0:
        return 0
    return max(2, int(value * scale))


def description(table: IndicatorTable, period_label: str, number: NumberFormat) -> str:
    """The chart's data in words (its <desc>)."""
    reported = [row for row in table.branch_rows if row.actual is not None]
    parts = [
        _("Filled bars: %(period)s; outlined bars: the plan.") % {"period": period_label},
        _("%(reported)s of %(branches)s branches have this number.")
        % {"reported": len(reported), "branches": len(table.branch_rows)},
    ]
    if reported:
        highest = max(reported, key=lambda row: row.actual)
        lowest = min(reported, key=lambda row: row.actual)
        parts.append(
            _("Highest: %(branch)s, %(value)s.")
            % {"branch": highest.label, "value": number(highest.actual)}
        )
        parts.append(
            _("Lowest: %(branch)s, %(value)s.")
            % {"branch": lowest.label, "value": number(lowest.actual)}
        )
    region = table.region
    if region.actual is not None:
        parts.append(
            (_("Average for the region: %(value)s.") if table.averaged else _("Total: %(value)s."))
            % {"value": number(region.actual)}
        )
    if region.plan is not None:
        parts.append(_("Plan: %(value)s.") % {"value": number(region.plan)})
    if region.done_percent is not None:
        parts.append(
            _("Done: %(percent)s%% of the plan.")
            % {"percent": number(region.done_percent, places=1)}
        )
    return " ".join(parts)


def bar_chart(
    table: IndicatorTable, *, period_label: str, page_language: str, number: NumberFormat
) -> SafeString:
    """The SVG of one indicator's branches (actual against plan)."""
    ident = f"chart-{table.indicator.pk}"
    rows = table.branch_rows
    height = TOP + ROW * max(len(rows), 1)
    scale = _scale(table)
    title = _("%(indicator)s (%(unit)s), %(period)s: each branch against its plan") % {
        "indicator": table.name,
        "unit": table.unit,
        "period": period_label,
    }
    plan_word = escape(_("plan"))
    no_data = escape(_("no report"))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="stats-chart" viewBox="0 0 {WIDTH} '
        f'{height}" role="img" aria-labelledby="{ident}-title" aria-describedby="{ident}-desc" '
        f'focusable="false">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(description(table, period_label, number))}</desc>',
    ]
    for index, row in enumerate(rows):
        y = TOP + index * ROW
        lang = _lang(row.label_language, page_language)
        parts.append(
            f'<text class="stats-chart__name" x="0" y="{y + NAME_BASELINE}"{lang}>'
            f"{row.label_html}</text>"
        )
        actual = _length(row.actual, scale)
        if row.actual is None:
            parts.append(
                f'<text class="stats-chart__value" x="0" y="{y + ACTUAL_Y + 13}">{no_data}</text>'
            )
        else:
            if actual:
                parts.append(
                    f'<rect class="stats-chart__actual" x="0" y="{y + ACTUAL_Y}" '
                    f'width="{actual}" height="{ACTUAL_HEIGHT}"/>'
                )
            parts.append(
                f'<text class="stats-chart__value" x="{actual + TEXT_GAP}" '
                f'y="{y + ACTUAL_Y + 13}">{row.texts["actual"]}</text>'
            )
        if row.plan is not None:
            plan = _length(row.plan, scale)
            if plan:
                parts.append(
                    f'<rect class="stats-chart__plan" x="1" y="{y + PLAN_Y}" '
                    f'width="{max(plan - 1, 1)}" height="{PLAN_HEIGHT}"/>'
                )
            parts.append(
                f'<text class="stats-chart__plan-value" x="{plan + TEXT_GAP}" '
                f'y="{y + PLAN_Y + 9}">{plan_word}: {row.texts["plan"]}</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
