"""The view that answers a page's sub-address, found by the name of a hook.

A page's route (`@path`) is a method of its model, but the view it hands
over to lives with the app's other views, which import the models; the
model importing the views would close a cycle. So the app registers the view
as a Wagtail hook in its `wagtail_hooks.py`, and the page's route finds it
here by the hook's name (the way `home_page_sections` finds the home page's
sections): models never import views, and the hook is named where it is used.
"""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured
from wagtail import hooks


def page_view(hook_name: str) -> Callable:
    """The one view registered as the Wagtail hook `hook_name`, a callable
    `(request, page, ...) -> response`."""
    views = hooks.get_hooks(hook_name)
    if len(views) != 1:
        raise ImproperlyConfigured(
            f"One view must be registered as the Wagtail hook {hook_name!r}, not {len(views)}."
        )
    return views[0]
