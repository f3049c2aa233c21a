"""Building blocks for our Wagtail admin screens."""

from django.core.exceptions import PermissionDenied
from wagtail.admin.menu import MenuItem


class PermissionFirstMixin:
    """Checks the user's permission before anything else runs, then lets the
    view find what its URL names (`prepare`), before the view itself."""

    permission = "view"

    def has_permission(self, user) -> bool:
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not self.has_permission(request.user):
            raise PermissionDenied
        response = self.prepare(request, **kwargs)
        if response is not None:
            return response
        return super().dispatch(request, *args, **kwargs)

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
