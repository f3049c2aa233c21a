"""Building blocks for our Wagtail admin screens."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.functional import Promise
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry


class PermissionFirstMixin:
    """Checks the user's permission before anything else runs, then lets the
    view find what its URL names (`prepare`), before the view itself.

    A refusal is Wagtail's own answer by default (a redirect to the dashboard
    with "Sorry, you do not have permission"). A view that sets
    `permission_denied_template` answers 403 with that page instead, which
    says in words what is missing (`permission_denied_message`) and leaves
    the browser on the address that was refused."""

    permission = "view"
    permission_denied_template: str | None = None
    permission_denied_message = ""

    def has_permission(self, user) -> bool:
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not self.has_permission(request.user):
            return self.permission_denied(request)
        response = self.prepare(request, **kwargs)
        if response is not None:
            return response
        return super().dispatch(request, *args, **kwargs)

    def permission_denied(self, request):
        if self.permission_denied_template is None:
            raise PermissionDenied
        return TemplateResponse(
            request,
            self.permission_denied_template,
            {"message": self.permission_denied_message},
            status=403,
        )

    def prepare(self, request, **kwargs):
        """Find what the URL names, once the permission is checked; a response
        returned here is sent instead of the view's."""
        return None


class PermissionMenuItem(MenuItem):
    """A menu item shown only to users with the permission
    ("app_label.codename"), or to those `shown(user)` lets see it."""

    def __init__(self, *args, permission: "str | Callable[[Any], bool]", **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        if callable(self.permission):
            return bool(self.permission(request.user))
        return request.user.has_perm(self.permission)


@dataclass(frozen=True)
class Entry:
    """One item of a staff submenu: who sees it is a permission
    ("app_label.codename") or a test of the user."""

    label: "str | Promise"
    url: str
    name: str
    icon_name: str
    shown: "str | Callable[[Any], bool]"


def staff_menu(label, *, name: str, icon_name: str, order: int, entries: list[Entry]):
    """A submenu of the admin's sidebar, its items in the order given; each
    is shown to whom its `shown` allows."""
    items = [
        PermissionMenuItem(
            entry.label,
            entry.url,
            name=entry.name,
            icon_name=entry.icon_name,
            order=number,
            permission=entry.shown,
        )
        for number, entry in enumerate(entries, start=1)
    ]
    return SubmenuMenuItem(label, Menu(items=items), name=name, icon_name=icon_name, order=order)


def register_log_actions(actions, labels) -> None:
    """Register audit actions from (action, label) pairs: the label names the
    action in the history and in the log's filter alike."""
    for action, label in labels:
        actions.register_action(action, label, label)


def log_entries(instance) -> list:
    """The instance's audit trail, oldest first: Wagtail's log entries with
    their users, each given `label`, its action in words (the action's code
    when no app registers it any more). The screens that show a history
    choose which details of `entry.data` to show."""
    entries = list(
        ModelLogEntry.objects.for_instance(instance)
        .select_related("user")
        .order_by("timestamp", "pk")
    )
    for entry in entries:
        try:
            entry.label = log_registry.get_action_label(entry.action)
        except KeyError:
            entry.label = entry.action
    return entries
