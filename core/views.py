"""Views of the shared building blocks."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from .display import COOKIE_MAX_AGE, COOKIE_NAME, PANEL_ANCHOR, SETTINGS, preferences_for


@never_cache
def display_settings(request):
    """Store one low-vision setting (or reset all) and return to the page."""
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(f"{next_url.split('#')[0]}#{PANEL_ANCHOR}")
    response.status_code = 303  # "See Other": the browser fetches the page with GET
    if request.GET.get("reset"):
        response.delete_cookie(COOKIE_NAME, samesite="Lax")
        return response
    prefs = preferences_for(request)
    for name in SETTINGS:
        value = request.GET.get(name)
        if value in dict(SETTINGS[name][1]):
            prefs = prefs.with_value(name, value)
    if prefs.is_default:
        response.delete_cookie(COOKIE_NAME, samesite="Lax")
    else:
        response.set_cookie(
            COOKIE_NAME,
            prefs.to_cookie(),
            max_age=COOKIE_MAX_AGE,
            samesite="Lax",
            httponly=True,
            secure=getattr(settings, "SESSION_COOKIE_SECURE", False),
        )
    return response
