"""Wagtail hooks of the Methodologists' Days (see wagtail_hooks.py): the staff
screens under /admin/methodologists-days/ (namespace "trainings_days"), their
menu and permissions, the audit trail's words, the "Your open assignments"
panel of the admin's home page, a button in a Day's editor, and the public
minutes routes of a Day's page.

    ""                                  all resolutions, with filters
    "mine/"                             the user's (and their branch's) assignments
    "series/"                           a year's four Days: dates proposed, then made
    "day/<pk>/"                         a Day's resolutions (record one), minutes
    "day/<pk>/minutes.pdf|txt"          its minutes for staff (?public=1: the public ones)
    "resolution/<pk>/edit|done|reopen/" one resolution
"""

from django.contrib.auth.models import Permission
from django.urls import include, path, re_path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets.button import Button

from core.admin_views import Entry, register_log_actions, staff_menu
from events.models.pages import EVENT_PAGE_ROUTES_HOOK
from formats.tasks import enqueue_changed
from registrations.enums import RegistrationStatus
from trainings import alternative_formats, minutes
from trainings import day_views as views
from trainings.models import METHODOLOGISTS_DAY_ROUTES_HOOK, MethodologistsDayPage

NS = views.NS
PANEL_SIZE = 10

urlpatterns = [
    path("", views.ResolutionIndexView.as_view(), name="index"),
    path("mine/", views.MyAssignmentsView.as_view(), name="mine"),
    path("series/", views.SeriesView.as_view(), name="series"),
    path("day/<int:pk>/", views.DayView.as_view(), name="day"),
    re_path(
        r"^day/(?P<pk>\d+)/minutes\.(?P<extension>pdf|txt)$",
        views.DayMinutesView.as_view(),
        name="minutes",
    ),
    path("resolution/<int:pk>/edit/", views.ResolutionEditView.as_view(), name="edit"),
    path("resolution/<int:pk>/done/", views.ResolutionDoneView.as_view(), name="done"),
    path("resolution/<int:pk>/reopen/", views.ResolutionReopenView.as_view(), name="reopen"),
]


@hooks.register("register_admin_urls")
def register_day_urls():
    return [path("methodologists-days/", include((urlpatterns, NS), namespace=NS))]


@hooks.register("register_admin_menu_item")
def days_menu():
    return staff_menu(
        _("Methodologists' Days"),
        name="methodologists-days",
        icon_name="clipboard-list",
        order=272,
        entries=[
            Entry(
                _("Resolutions"),
                reverse(f"{NS}:index"),
                "day-resolutions",
                "list-ul",
                "trainings.view_resolution",
            ),
            # Every admin user has assignments to look at (theirs or their branch's).
            Entry(
                _("Your assignments"),
                reverse(f"{NS}:mine"),
                "day-assignments",
                "tasks",
                lambda user: user.is_active,
            ),
            Entry(
                _("Plan a year's Days"),
                reverse(f"{NS}:series"),
                "day-series",
                "date",
                "trainings.change_resolution",
            ),
        ],
    )


@hooks.register("register_permissions")
def resolution_permissions():
    """Shown in Settings → Groups, so administrators can grant them."""
    return Permission.objects.filter(
        content_type__app_label="trainings",
        codename__in=["view_resolution", "add_resolution", "change_resolution"],
    )


@hooks.register("register_log_actions")
def register_day_actions(actions):
    register_log_actions(
        actions,
        [
            ("trainings.day_series.create", _("Methodologists' Days: a year's series made")),
            ("trainings.resolution.add", _("Resolution: recorded")),
            ("trainings.resolution.update", _("Resolution: corrected")),
            ("trainings.resolution.done", _("Resolution: marked done")),
            ("trainings.resolution.reopen", _("Resolution: opened again")),
        ],
    )


@hooks.register("register_page_header_buttons")
def day_resolutions_button(page, user, view_name, next_url=None):
    """ "Resolutions and minutes" in the header of a Day's editor."""
    if issubclass(page.specific_class or object, MethodologistsDayPage) and views.can(user, "view"):
        yield Button(
            _("Resolutions and minutes"),
            reverse(f"{NS}:day", args=[page.pk]),
            icon_name="clipboard-list",
            priority=46,
        )


# ---------------------------------------------------------------------------
# The admin's home page


class AssignmentsPanel(Component):
    """The open resolutions assigned to the user or their branch."""

    name = "day_assignments"
    template_name = "trainings/admin/day_assignments_panel.html"
    order = 90

    def __init__(self, rows, total):
        self.rows = rows
        self.total = total

    def get_context_data(self, parent_context):
        return {"rows": self.rows, "total": self.total, "all_url": reverse(f"{NS}:mine")}


@hooks.register("construct_homepage_panels")
def add_assignments_panel(request, panels):
    assignments = views.open_assignments(request.user)
    total = assignments.count()
    if total:
        rows = views.describe(assignments[:PANEL_SIZE], request.user)
        panels.append(AssignmentsPanel(rows, total))


# ---------------------------------------------------------------------------
# The public minutes of a Day's page (after the Day)


def _minutes(page, request, extension):
    return minutes.public_minutes(page, request, extension)


def minutes_routes():
    return [re_path(r"^minutes\.(?P<extension>pdf|txt)$", _minutes, name="minutes")]


# A Day's page takes its routes from its own hook, or (should it switch to it)
# from the event pages' hook; the view answers 404 on any other page.
hooks.register(METHODOLOGISTS_DAY_ROUTES_HOOK, minutes_routes)
hooks.register(EVENT_PAGE_ROUTES_HOOK, minutes_routes)


# ---------------------------------------------------------------------------
# The public minutes in braille and as audio (formats)


@hooks.register("alternative_format_sources")
def minutes_formats():
    return alternative_formats.minutes_source()


@hooks.register("registration_status_changed")
def attendance_changes_the_minutes(registration, *, previous_status, by):
    """The public minutes say how many attended: a check-in (or its undoing)
    at a Day that has taken place queues their braille and audio again."""
    attended = RegistrationStatus.ATTENDED
    if attended not in (registration.status, previous_status):
        return
    day = MethodologistsDayPage.objects.filter(pk=registration.event_id).first()
    if day is not None and day.has_taken_place:
        enqueue_changed(alternative_formats.SOURCE_KEY, alternative_formats.day_pages(day))
