"""URL map: language-prefixed public pages (/kk/, /ru/, /en/), plus the
language-neutral admin, documents, sitemap, robots.txt and display settings."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from certificates import urls as certificate_urls
from core import views as core_views
from events import calendar as event_calendar
from formats import urls as formats_urls
from home import views as home_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("display/", core_views.display_settings, name="display_settings"),
    path("sitemap.xml", home_views.sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path(
        "calendar/<str:token>.ics",
        event_calendar.personal_feed_response,
        name="personal_calendar",
    ),
    *certificate_urls.neutral_patterns,
    *formats_urls.urlpatterns,
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    *certificate_urls.language_patterns,
    # The file routes of event pages (calendar.ics, feed.ics, kind/<slug>.ics,
    # programme.pdf): Wagtail's own pattern serves no name with a dot. Only
    # these names, so that a 404 elsewhere (/calendar/<token>.ics) is not
    # redirected by LocaleMiddleware to a language-prefixed path.
    re_path(
        r"^((?:[\w\-]+/)+(?:calendar\.ics|feed\.ics|kind/[\w\-]+\.ics"
        r"|programme(?:-large-print)?\.(?:pdf|txt)|minutes\.(?:pdf|txt)))$",
        wagtail_views.serve,
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
