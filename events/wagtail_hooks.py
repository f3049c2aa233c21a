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


@hooks.register("register_log_actions")
def register_registration_actions(actions):
    for action, label in (
        ("create", _("Registration: created")),
        ("confirm", _("Registration: confirmed")),
        ("reject", _("Registration: rejected")),
        ("cancel", _("Registration: cancelled")),
        ("promote", _("Registration: moved from the waiting list to a place")),
        ("attend", _("Registration: checked in")),
        ("resend", _("Registration: confirmation e-mail sent again")),
    ):
        actions.register_action(f"events.registration.{action}", label, label)


# Screens of their own modules, registered when Wagtail loads the hooks.
from . import privacy_hooks, staff_hooks  # noqa: E402, F401
