"""The events index: upcoming or past events as a list, or one month as a
table; filtered by a plain GET form that works without JavaScript."""

import calendar as pycalendar
import datetime

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dates import WEEKDAYS
from events.forms import EventFilterForm, month_label

PAGE_SIZE = 20


def _filtered(queryset, data):
    if data.get("kind"):
        queryset = queryset.filter(kind__slug=data["kind"])
    if data.get("audience"):
        queryset = queryset.filter(audience=data["audience"])
    if data.get("organiser"):
        queryset = queryset.filter(organiser_id=int(data["organiser"]))
    return queryset


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def month_weeks(year: int, month: int, events) -> list[list[dict | None]]:
    """The month as weeks (Monday first) of day cells with their events."""
    today = timezone.localdate()
    by_day: dict[datetime.date, list] = {}
    last_day = pycalendar.monthrange(year, month)[1]
    for event in events:
        first = max(timezone.localdate(event.start), datetime.date(year, month, 1))
        last = min(timezone.localdate(event.end), datetime.date(year, month, last_day))
        day = first
        while day <= last:
            by_day.setdefault(day, []).append(event)
            day += datetime.timedelta(days=1)
    weeks = []
    for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        weeks.append(
            [
                {"date": day, "events": by_day.get(day, []), "today": day == today}
                if day.month == month
                else None
                for day in week
            ]
        )
    return weeks


def event_index(request, index_page, *, past: bool):
    form = EventFilterForm(request.GET or None, locale=index_page.locale)
    valid = form.is_valid() if request.GET else True
    data = form.cleaned_data if request.GET and valid else {}
    view = data.get("view") or "list"
    today = timezone.localdate()
    year, month = data.get("month") or (today.year, today.month)
    context = {
        "filter_form": form,
        "past": past,
        "view": view,
        "kind_feeds": [
            {"slug": slug, "name": name} for slug, name in form.fields["kind"].choices if slug
        ],
        "filters_active": any(
            data.get(name) for name in ("kind", "audience", "organiser", "month")
        ),
    }
    status = 200
    events = index_page.events()
    if not valid:
        status = 400
        events = events.none()
    events = _filtered(events, data)

    if view == "month":
        month_events = list(events.in_month(year, month))
        previous, following = _shift_month(year, month, -1), _shift_month(year, month, 1)
        context.update(
            {
                "breadcrumb_here": _("Month calendar"),
                "month_caption": month_label(year, month),
                "weekdays": WEEKDAYS,
                "weeks": month_weeks(year, month, month_events),
                "month_event_count": len(month_events),
                "previous_month": f"{previous[0]:04d}-{previous[1]:02d}",
                "previous_label": month_label(*previous),
                "next_month": f"{following[0]:04d}-{following[1]:02d}",
                "next_label": month_label(*following),
            }
        )
    else:
        if data.get("month"):
            events = events.in_month(year, month)
            events = events.past() if past else events.upcoming()
            context["month_caption"] = month_label(year, month)
        else:
            events = events.past() if past else events.upcoming()
        context["page_obj"] = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))

    response = index_page.render(request, context_overrides=context)
    response.status_code = status
    return response
