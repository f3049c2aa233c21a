"""Request middleware of our own."""

from django.conf import settings
from django.utils import translation


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
