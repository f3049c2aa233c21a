"""Dates and times written out the way each language writes them.

Django's Kazakh formats capitalise month names and misspell a weekday; and a
date read aloud by a screen reader should be words, not 25.11.2026. These
helpers give "2026 жылғы 25 қараша", "25 ноября 2026", "25 November 2026".
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

WEEKDAYS = [
    gettext_lazy("Monday"),
    gettext_lazy("Tuesday"),
    gettext_lazy("Wednesday"),
    gettext_lazy("Thursday"),
    gettext_lazy("Friday"),
    gettext_lazy("Saturday"),
    gettext_lazy("Sunday"),
]
MONTHS = [
    gettext_lazy("January"),
    gettext_lazy("February"),
    gettext_lazy("March"),
    gettext_lazy("April"),
    gettext_lazy("May"),
    gettext_lazy("June"),
    gettext_lazy("July"),
    gettext_lazy("August"),
    gettext_lazy("September"),
    gettext_lazy("October"),
    gettext_lazy("November"),
    gettext_lazy("December"),
]
# The month as it stands in a date: "25 ноября", "25 қараша".
MONTHS_IN_DATE = [
    pgettext_lazy("month in a date", "January"),
    pgettext_lazy("month in a date", "February"),
    pgettext_lazy("month in a date", "March"),
    pgettext_lazy("month in a date", "April"),
    pgettext_lazy("month in a date", "May"),
    pgettext_lazy("month in a date", "June"),
    pgettext_lazy("month in a date", "July"),
    pgettext_lazy("month in a date", "August"),
    pgettext_lazy("month in a date", "September"),
    pgettext_lazy("month in a date", "October"),
    pgettext_lazy("month in a date", "November"),
    pgettext_lazy("month in a date", "December"),
]


def _local_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date()
    return value


def format_date(value) -> str:
    """25 November 2026 / 25 ноября 2026 / 2026 жылғы 25 қараша."""
    day = _local_date(value)
    return _("%(day)s %(month)s %(year)s") % {
        "day": day.day,
        "month": MONTHS_IN_DATE[day.month - 1],
        "year": day.year,
    }


def format_day_range(first, last) -> str:
    """1–14 December 2026, or 28 November – 3 December 2026."""
    first, last = _local_date(first), _local_date(last)
    if first == last:
        return format_date(first)
    if (first.year, first.month) == (last.year, last.month):
        return _("%(first)s–%(last)s %(month)s %(year)s") % {
            "first": first.day,
            "last": last.day,
            "month": MONTHS_IN_DATE[last.month - 1],
            "year": last.year,
        }
    return f"{format_date(first)} – {format_date(last)}"


def format_time(value: datetime.datetime) -> str:
    return timezone.localtime(value).strftime("%H:%M")


def month_name(month: int) -> str:
    return str(MONTHS[month - 1])


def weekday_name(day: datetime.date) -> str:
    return str(WEEKDAYS[day.weekday()])
