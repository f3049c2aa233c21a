"""How events are written out in templates: dates in words, times, status."""

from django import template
from django.utils import timezone

from core import dates

register = template.Library()


@register.filter
def human_date(value):
    return dates.format_date(value)


@register.filter
def weekday(value):
    return dates.weekday_name(timezone.localtime(value).date() if hasattr(value, "hour") else value)


@register.simple_tag
def event_when(event):
    """ "25 November 2026, 10:00–13:00" or "1–14 December 2026"."""
    if event.is_multi_day or event.all_day:
        text = dates.format_day_range(event.start, event.end)
        if not event.all_day:
            text = f"{text}, {dates.format_time(event.start)}–{dates.format_time(event.end)}"
        return text
    return f"{dates.format_date(event.start)}, {dates.format_time(event.start)}–{dates.format_time(event.end)}"


@register.filter
def clock(value):
    return dates.format_time(value) if value else ""


@register.filter
def iso_local(value):
    return timezone.localtime(value).isoformat(timespec="minutes")
