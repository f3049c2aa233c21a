"""Language-neutral addresses of the braille and audio files (config/urls.py)."""

from django.urls import path

from formats import views

urlpatterns = [
    # A name with a dot: Wagtail's page pattern never matches it, so that the
    # LocaleMiddleware does not redirect a 404 here to a /<lang>/ address.
    path(
        "formats/<uuid:token>.<slug:extension>",
        views.alternative_format,
        name="alternative_format",
    ),
]
