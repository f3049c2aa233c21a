"""The trainings index: upcoming or past trainings and Methodologists' Days,
filtered by a plain GET form that works without JavaScript."""

from collections import defaultdict

from django.core.paginator import Paginator

from trainings.forms import TrainingFilterForm, filtered
from trainings.models import MethodologistsDayPage, TrainingPage, TrainingSession

PAGE_SIZE = 20


def _items(events) -> list[dict]:
    """What a list shows of each event on one page of the list: its kind, and
    for a training its sessions, hours and places, in two queries."""
    events = list(events)
    trainings = {
        page.pk: page
        for page in TrainingPage.objects.filter(pk__in=[event.pk for event in events]).only(
            "training_format", "topic"
        )
    }
    days = {
        page.pk: page
        for page in MethodologistsDayPage.objects.filter(
            pk__in=[event.pk for event in events if event.pk not in trainings]
        ).only("year", "quarter")
    }
    sessions = defaultdict(list)
    for session in (
        TrainingSession.objects.filter(page_id__in=trainings.keys())
        .select_related("venue")
        .order_by("sort_order", "pk")
    ):
        sessions[session.page_id].append(session)
    items = []
    for event in events:
        own = sessions.get(event.pk, [])
        venues = []
        for session in own:
            if session.venue and session.venue.name not in venues:
                venues.append(session.venue.name)
        if not venues and event.venue:
            venues.append(event.venue.name)
        items.append(
            {
                "event": event,
                "training": trainings.get(event.pk),
                "day": days.get(event.pk),
                "session_count": len(own),
                "hours": sum(session.hours for session in own),
                "venues": venues,
                "online": any(session.online_url for session in own),
            }
        )
    return items


def training_index(request, index_page, *, past: bool):
    form = TrainingFilterForm(request.GET or None, index_page=index_page)
    valid = form.is_valid() if request.GET else True
    data = form.cleaned_data if request.GET and valid else {}
    status = 200
    events = index_page.trainings()
    if not valid:
        status = 400
        events = events.none()
    events = filtered(events, data)
    events = events.past() if past else events.upcoming()
    page_obj = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "filter_form": form,
        "past": past,
        "filters_active": any(data.get(name) for name in ("topic", "audience", "format")),
        "page_obj": page_obj,
        "items": _items(page_obj.object_list),
    }
    response = index_page.render(request, context_overrides=context)
    response.status_code = status
    return response
