"""Wagtail's routing, remembered: which page serves a path.

Wagtail finds the page of a request by walking the tree from the site's root,
one query per level plus the site and the specific page (nine queries for
`/kk/events/<event>/register/`). This middleware remembers, per address,
which page handled it, and on the next request loads that one page and lets
it route the rest of the path itself (a routable page's sub-path such as
`register/`), which costs one query.

What is remembered is only *where* a path leads, never whether the visitor
may see it: Wagtail's view restrictions are checked on every request as
before. The entries live under the page cache's generation (core.cache), so
any publish, unpublish, move, slug change or deletion forgets them all.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import Http404
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from .cache import address_key, current_generation


class RouteCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve or settings.ROUTE_CACHE_SECONDS <= 0:
            return None
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        key = _key(request)
        entry = cache.get(key)
        if entry is not None:
            found, result = _route_from(entry, request, path)
            if found:
                request._wagtail_route_for_request = result
                return None
        result = Page.route_for_request(request, path)
        if result is not None:
            entry = _entry(request, result[0])
            if entry is not None:
                cache.set(key, entry, timeout=settings.ROUTE_CACHE_SECONDS)
        return None


def _key(request) -> str:
    return ":".join(("route", str(current_generation()), address_key(request, query=False)))


def _entry(request, page) -> tuple[int, int, int] | None:
    """(content type, page id, path components the page's own URL takes)."""
    site = Site.find_for_request(request)  # remembered on the request by the routing
    if site is None:
        return None
    return (page.content_type_id, page.pk, page.depth - site.root_page.depth)


def _route_from(entry, request, path):
    """(True, the route result) from the remembered page, or (False, None) if
    it is gone and the path must be routed from the root again."""
    content_type_id, page_id, consumed = entry
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return False, None
    page = model.objects.filter(pk=page_id, live=True).select_related("locale").first()
    if page is None:
        return False, None
    components = [component for component in path.split("/") if component]
    try:
        return True, page.route(request, components[consumed:])
    except Http404:
        return True, None
