from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import EventIndexPage, EventKind, Venue

UPCOMING_ON_HOME = 4


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
