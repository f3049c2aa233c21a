"""How people plug into the admin: the staff screens of a person's data
(`people.admin_views`), their menu item, and the audit trail's words for the
personal-data lifecycle (`people.privacy`)."""

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from people import admin_views
from people.privacy import ERASE_ACTION, EXPORT_ACTION, PURGE_ACTION


@hooks.register("register_admin_urls")
def register_personal_data_urls():
    # The namespace is older than this app: other code and tests reverse it.
    return [path("personal-data/", include((admin_views.urlpatterns, "events_privacy")))]


@hooks.register("register_log_actions")
def register_personal_data_actions(actions):
    for action, label in (
        (PURGE_ACTION, _("Personal data: cleared after the retention period")),
        (EXPORT_ACTION, _("Personal data: downloaded")),
        (ERASE_ACTION, _("Personal data: erased on request")),
    ):
        actions.register_action(action, label, label)


@hooks.register("register_admin_menu_item")
def register_personal_data_menu_item():
    return admin_views.PersonalDataMenuItem(
        _("Personal data"),
        reverse_lazy("events_privacy:search"),
        name="personal-data",
        icon_name="user",
        order=950,
    )
