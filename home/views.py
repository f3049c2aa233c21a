"""Views of the site's top level that are not pages: search, sitemap, robots.txt
and the error pages."""

from django.conf import settings
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from core.search import stemmed_query

from .sitemap import MultilingualSitemap

SEARCH_PAGE_SIZE = 10
MAX_QUERY_LENGTH = 200


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    page_obj = None
    if query:
        locale = Locale.get_active()
        # Every word, in any of its forms (core.search); a query of no words
        # (punctuation only) is searched as typed.
        terms = stemmed_query(query, locale.language_code) or query
        results = (
            Page.objects.live()
            .public()
            .filter(locale=locale)
            .specific()
            .search(terms, operator="and")
        )
        page_obj = Paginator(results, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
    return TemplateResponse(request, "home/search.html", {"query": query, "page_obj": page_obj})


def sitemap(request):
    return django_sitemap(
        request,
        sitemaps={"pages": MultilingualSitemap(request)},
        template_name="sitemap.xml",
    )


@require_GET
@cache_page(60 * 60)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /display/",
        *(f"Disallow: /{code}/search/" for code, _name in settings.LANGUAGES),
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return TemplateResponse(request, "404.html", status=404).render()


def _language_from_path(path: str) -> str:
    prefix = path.lstrip("/").split("/", 1)[0]
    codes = {code for code, _name in settings.LANGUAGES}
    return prefix if prefix in codes else settings.LANGUAGE_CODE


def server_error(request):
    """A 500 page that needs no database: only the language, taken from the URL."""
    with translation.override(_language_from_path(request.path)):
        body = loader.get_template("500.html").render({"LANGUAGE_CODE": translation.get_language()})
    return HttpResponseServerError(body)
