"""Request middleware of our own."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation

# Addresses outside the language prefixes: a 404 there is a 404, not a
# redirect to /kk/admin/... (Wagtail's catch-all makes every prefixed path
# look valid to Django's LocaleMiddleware).
UNPREFIXED_PATHS = ("/admin/", "/documents/", "/display/", "/calendar/", "/static/", "/media/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, without the 404-to-prefixed-path redirect
    for the site's language-neutral addresses."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)


class AdminLanguageMiddleware:
    """Wagtail's admin has no Kazakh: a staff member whose browser or the site
    default asks for a language the admin lacks gets Russian instead."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.permitted = {code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES}

    def __call__(self, request):
        if request.path.startswith("/admin/") and translation.get_language() not in self.permitted:
            translation.activate(settings.ADMIN_DEFAULT_LANGUAGE)
            request.LANGUAGE_CODE = settings.ADMIN_DEFAULT_LANGUAGE
        return self.get_response(request)
