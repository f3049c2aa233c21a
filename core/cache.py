"""A full-page cache for anonymous visitors, emptied whenever content changes.

Each cached page is stored under a key that holds a *generation* number; any
publish, unpublish, move or delete of a page, or a change of site settings,
starts a new generation, so no visitor is ever served a page older than the
last change (menus, listings and the footer appear on many pages at once).

Form pages are personal only by their CSRF token: `form_page` keeps the
rendered page with a placeholder where the token goes and fills in each
visitor's own token, so an empty form costs a cache read, not a rendering.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import cc_delim_re
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from .display import preferences_for

GENERATION_KEY = "page-cache:generation"
SKIPPED_PREFIXES = ("/admin/", "/documents/", "/display/", "/static/", "/media/")
CACHED_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Content-Security-Policy",
    "Cross-Origin-Opener-Policy",
    "Referrer-Policy",
    "Strict-Transport-Security",
    "X-Content-Type-Options",
    "X-Frame-Options",
)
CACHED_CONTENT_TYPES = (
    "text/html",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
)
# Cookies that mean a personal response: a session (logged in, a message
# waiting) or a preview.
PERSONAL_COOKIES = ("sessionid", "messages")


def current_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = time.time_ns()
        cache.add(GENERATION_KEY, generation, timeout=None)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


def _new_generation() -> None:
    cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def invalidate_page_cache(**_kwargs) -> None:
    """Start a new generation: every page cached so far is no longer served.

    Once now, and once more when the change is committed: a request that ran
    between the two could have cached what the database held before."""
    _new_generation()
    transaction.on_commit(_new_generation)


def _request_is_cacheable(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.path.startswith(SKIPPED_PREFIXES)
        and len(request.META.get("QUERY_STRING", "")) <= 200
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
    )


def _response_is_cacheable(response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not response.get("Content-Type", "").startswith(CACHED_CONTENT_TYPES):
        return False
    vary = {v.lower() for v in cc_delim_re.split(response.get("Vary", "")) if v}
    if vary & {"cookie", "accept-language", "*"}:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in ("private", "no-cache", "no-store"))


# Stands in for the CSRF token in a stored form page: letters and digits only,
# so escaping leaves it as it is, and never a real token (those are 64 long).
CSRF_PLACEHOLDER = "csrfplaceholder7q2k9x"


def form_page(request, render, *, key: str):
    """The page of an empty form for an anonymous visitor, from the cache with
    the visitor's CSRF token filled in, or rendered and stored.

    `render(csrf_token)` returns the TemplateResponse of the page rendered
    with that token; `key` names what else the page depends on besides the
    address and the display preferences (for example the state of the event).
    Everything that changes content starts a new generation (see above).
    """
    if not _form_is_cacheable(request):
        return render(None)
    full_key = ":".join(
        (
            "form-cache",
            str(current_generation()),
            preferences_for(request).to_cookie() or "-",
            address_key(request),
            key,
        )
    )
    token = get_token(request)
    cached = cache.get(full_key)
    if cached is None:
        response = render(CSRF_PLACEHOLDER)
        response.render()
        if response.status_code != 200:
            return render(None)
        headers = {name: response[name] for name in CACHED_HEADERS if name in response}
        cached = (headers, response.content)
        cache.set(full_key, cached, timeout=settings.FORM_CACHE_SECONDS)
    headers, content = cached
    return HttpResponse(content.replace(CSRF_PLACEHOLDER.encode(), token.encode()), headers=headers)


def _form_is_cacheable(request) -> bool:
    return (
        settings.FORM_CACHE_SECONDS > 0
        and request.method == "GET"
        and len(request.META.get("QUERY_STRING", "")) <= 200
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
    )


def address_key(request, *, query: bool = True) -> str:
    """The host and path (with the query string) hashed: a long or odd path
    (a hostile /verify/ code) must still make a key every cache backend
    accepts (≤ 250 characters, no spaces or control characters)."""
    path = request.get_full_path() if query else request.path
    return hashlib.sha256(f"{request.get_host()} {path}".encode()).hexdigest()


def _key(request) -> str:
    address = address_key(request)
    return ":".join(
        (
            "page-cache",
            str(current_generation()),
            request.method == "HEAD" and "GET" or request.method,
            preferences_for(request).to_cookie() or "-",
            address,
        )
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _request_is_cacheable(request):
            return self.get_response(request)
        key = _key(request)
        cached = cache.get(key)
        if cached is not None:
            headers, content = cached
            response = HttpResponse(content, headers=headers)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _response_is_cacheable(response):
            headers = {name: response[name] for name in CACHED_HEADERS if name in response}
            cache.set(key, (headers, response.content), timeout=settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response


def connect_invalidation_signals() -> None:
    """Start a new generation on every change that shows on pages (called
    once, from `CoreConfig.ready`)."""
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(invalidate_page_cache, dispatch_uid=f"page-cache-{signal!r}")

    def on_model_change(sender, **kwargs):
        # Snippets (venues, kinds of event, branches...) show on many pages.
        if issubclass(sender, (BaseSiteSetting, BaseGenericSetting, Site, Page)) or (
            sender in get_snippet_models()
        ):
            invalidate_page_cache()

    post_save.connect(on_model_change, dispatch_uid="page-cache-settings-save", weak=False)
    post_delete.connect(on_model_change, dispatch_uid="page-cache-settings-delete", weak=False)
