"""Building blocks for our Wagtail admin screens."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from wagtail.admin.menu import MenuItem


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
    ("app_label.codename")."""

    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)
