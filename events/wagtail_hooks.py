from django.urls import path, re_path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from branches.models import BRANCH_PAGE_SECTIONS_HOOK
from events import alternative_formats, calendar, documents, views
from events.models import EventIndexPage, EventKind, EventPage, Venue
from events.models.pages import EVENT_INDEX_ROUTES_HOOK, EVENT_PAGE_ROUTES_HOOK

UPCOMING_ON_HOME = 4
UPCOMING_ON_BRANCH_PAGE = 10


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    list_display = ["name", "address", "step_free"]
    list_filter = ["step_free", "tactile_paths", "locale"]
    search_fields = ["name"]


class EventKindViewSet(SnippetViewSet):
    model = EventKind
    icon = "tag"
    list_display = ["name", "slug"]
    list_filter = ["locale"]


class EventsGroup(SnippetViewSetGroup):
    menu_label = _("Events")
    menu_icon = "date"
    items = (VenueViewSet, EventKindViewSet)


register_snippet(EventsGroup)


@hooks.register("home_page_sections")
def upcoming_events_section(request, home_page):
    """The next events of the home page's language, for its "upcoming" slot."""
    index = EventIndexPage.objects.live().child_of(home_page).first()
    if index is None:
        return None
    return {
        "template": "events/includes/home_upcoming.html",
        "index": index,
        "events": list(index.events().upcoming()[:UPCOMING_ON_HOME]),
    }


@hooks.register(BRANCH_PAGE_SECTIONS_HOOK)
def branch_upcoming_events(request, branch):
    """A branch's page in the directory lists the events it organises."""
    events = (
        EventPage.objects.live()
        .public()
        .filter(organiser=branch)
        .with_related()
        .upcoming()[:UPCOMING_ON_BRANCH_PAGE]
    )
    return {
        "template": "events/includes/branch_upcoming.html",
        "branch": branch,
        "events": list(events),
    }


# Routes of the event pages (see events.models.pages.FileRoutesMixin). --------


def _event_ics(page, request):
    return calendar.event_feed_response(request, page)


def _programme(page, request, extension, variant=None):
    return documents.document_response(request, page, variant=variant, extension=extension)


@hooks.register(EVENT_PAGE_ROUTES_HOOK)
def event_page_routes():
    """An event's calendar entry and its programme documents."""
    return [
        path("calendar.ics", _event_ics, name="ics"),
        re_path(
            r"^programme(?P<variant>-large-print)?\.(?P<extension>pdf|txt)$",
            _programme,
            name="programme",
        ),
    ]


def _upcoming(page, request):
    return views.event_index(request, page, past=False)


def _past(page, request):
    return views.event_index(request, page, past=True)


def _feed(page, request):
    return calendar.index_feed_response(request, page)


def _kind_feed(page, request, kind):
    return calendar.index_feed_response(request, page, kind_slug=kind)


@hooks.register(EVENT_INDEX_ROUTES_HOOK)
def event_index_routes():
    """/<lang>/events/: upcoming (and the month view), past, and the feeds."""
    return [
        path("", _upcoming, name="upcoming"),
        path("past/", _past, name="past"),
        path("feed.ics", _feed, name="feed"),
        path("kind/<slug:kind>.ics", _kind_feed, name="kind_feed"),
    ]


@hooks.register("alternative_format_sources")
def programme_formats():
    return alternative_formats.programme_source()
