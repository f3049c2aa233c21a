"""How registrations plug into events, people and the admin: the event
page's registration routes, the audit trail's words, the staff screens, and
the registrations' part in a person's data (`registrations.privacy`)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

# The staff screens and the personal-data lifecycle register their own hooks
# when Wagtail loads this module.
from registrations import privacy, staff_hooks, views  # noqa: F401, I001


def _register(page, request):
    return views.register(request, page)


def _registration(page, request, token):
    return views.registration_detail(request, page, token)


@hooks.register("event_page_routes")
def registration_routes():
    """Public registration on every event page: the form, and the person's
    private page (view, cancel)."""
    return [
        path("register/", _register, name="register"),
        path("registration/<str:token>/", _registration, name="registration"),
    ]


@hooks.register("register_log_actions")
def register_registration_actions(actions):
    # The actions keep the names they had before registrations left events/:
    # the audit trail already holds them.
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
