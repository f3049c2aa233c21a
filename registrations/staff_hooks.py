"""Staff screens for registrations and check-in (registered from wagtail_hooks).

URLs, under /admin/registrations/ (namespace "event_registrations"):
    ""                              all registrations the user may see (filters, search)
    "event/<event_id>/"             one event's registrations, needs summary, exports
    "event/<event_id>/export.csv"   ... as CSV (streamed); export.xlsx as a workbook
    "<pk>/"                         one registration, its history and actions
    "<pk>/confirm|reject|cancel|resend/"   the actions (GET asks, POST does)
    "add/?event=<event_id>"         registering someone by phone
    "<pk>/registered/"              the code to read aloud, after registering
    "<pk>/print/"                   the same, as a large-print page to print
    "checkin/", "checkin/<event_id>/"      the check-in desk
"""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from core.admin_views import Entry, staff_menu
from events.models import EventPage
from registrations import checkin_views, phone_views, staff_common, staff_views

NS = staff_common.NS

urlpatterns = [
    path("", staff_views.RegistrationIndexView.as_view(), name="index"),
    path(
        "results/",
        staff_views.RegistrationIndexView.as_view(results_only=True),
        name="index_results",
    ),
    path("event/<int:event_id>/", staff_views.EventRegistrationsView.as_view(), name="event"),
    path(
        "event/<int:event_id>/results/",
        staff_views.EventRegistrationsView.as_view(results_only=True),
        name="event_results",
    ),
    path(
        "event/<int:event_id>/export.csv",
        staff_views.ExportView.as_view(extension="csv"),
        name="export_csv",
    ),
    path(
        "event/<int:event_id>/export.xlsx",
        staff_views.ExportView.as_view(extension="xlsx"),
        name="export_xlsx",
    ),
    path("add/", phone_views.AssistedRegistrationView.as_view(), name="add"),
    path("checkin/", checkin_views.CheckinChooseView.as_view(), name="checkin_choose"),
    path("checkin/<int:event_id>/", checkin_views.CheckinView.as_view(), name="checkin"),
    path("<int:pk>/", staff_views.RegistrationDetailView.as_view(), name="detail"),
    path("<int:pk>/confirm/", staff_views.ConfirmView.as_view(), name="confirm"),
    path("<int:pk>/reject/", staff_views.RejectView.as_view(), name="reject"),
    path("<int:pk>/cancel/", staff_views.CancelView.as_view(), name="cancel"),
    path("<int:pk>/resend/", staff_views.ResendView.as_view(), name="resend"),
    path("<int:pk>/registered/", phone_views.RegistrationCreatedView.as_view(), name="created"),
    path("<int:pk>/print/", phone_views.LargePrintView.as_view(), name="print"),
]


@hooks.register("register_admin_urls")
def register_registration_urls():
    return [path("registrations/", include((urlpatterns, NS), namespace=NS))]


@hooks.register("register_admin_menu_item")
def registrations_menu():
    return staff_menu(
        _("Registrations"),
        name="registrations",
        icon_name="group",
        order=250,
        entries=[
            Entry(
                _("Registrations"),
                reverse(f"{NS}:index"),
                "registrations-list",
                "list-ul",
                "registrations.view_registration",
            ),
            Entry(
                _("Register by phone"),
                reverse(f"{NS}:add"),
                "registrations-add",
                "plus",
                "registrations.add_registration",
            ),
            Entry(
                _("Check-in"),
                reverse(f"{NS}:checkin_choose"),
                "registrations-checkin",
                "calendar-check",
                "registrations.change_registration",
            ),
        ],
    )


@hooks.register("register_permissions")
def registration_permissions():
    """Shown in Settings → Groups, so administrators can grant them."""
    return Permission.objects.filter(
        content_type__app_label="registrations",
        codename__in=[
            "view_registration",
            "add_registration",
            "change_registration",
            "view_disability_group",
            "view_all_branches",
        ],
    )


@hooks.register("register_page_header_buttons")
def event_registrations_button(page, user, view_name, next_url=None):
    """A "Registrations" button in the header of an event page's editor."""
    if issubclass(page.specific_class or object, EventPage) and staff_common.can(user, "view"):
        yield Button(
            _("Registrations"),
            reverse(f"{NS}:event", args=[page.pk]),
            icon_name="group",
            priority=45,
        )


@hooks.register("register_log_actions")
def register_resend_action(actions):
    """registrations.notifications logs this when staff send a confirmation again."""
    label = _("Registration: confirmation sent again")
    actions.register_action("events.registration.resend", label, label)
