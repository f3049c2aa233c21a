"""Navigation: main menu, breadcrumbs and the language switcher."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

register = template.Library()


def _ancestors(context):
    """The current page's ancestors below the tree root (once per request)."""
    request = context["request"]
    if not hasattr(request, "_page_ancestors"):
        page = context.get("page")
        ancestors = []
        if isinstance(page, Page) and page.pk and page.depth > 2:
            ancestors = list(page.get_ancestors().filter(depth__gte=2))
        request._page_ancestors = ancestors
    return request._page_ancestors


def _language_home(context):
    """The home page of the active language: the page itself or its top
    ancestor when there is a page, else looked up once per request."""
    request = context["request"]
    if hasattr(request, "_language_home"):
        return request._language_home
    page = context.get("page")
    home = None
    if isinstance(page, Page) and page.pk and page.depth == 2:
        home = page
    elif isinstance(page, Page) and page.pk and page.depth > 2:
        home = _ancestors(context)[0]
    else:
        site = Site.find_for_request(request)
        if site is not None:
            home = (
                Page.objects.filter(
                    translation_key=site.root_page.translation_key,
                    locale__language_code=translation.get_language(),
                )
                .live()
                .first()
            ) or site.root_page
    request._language_home = home
    return home


@register.simple_tag(takes_context=True)
def language_home(context):
    return _language_home(context)


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    home = _language_home(context)
    current = context.get("page")
    items = list(home.get_children().live().in_menu().public()) if home else []
    current_path = current.path if current else ""
    return {
        "home": home,
        "items": [
            {
                "page": item,
                "current": current_path == item.path,
                "ancestor": current_path.startswith(item.path) and current_path != item.path,
            }
            for item in items
        ],
        "home_current": bool(current and home and current.pk == home.pk),
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The page's ancestors and the page. Only the address being read is
    aria-current: on a view below the page (its results, its registration
    form, the month view) that view sets `breadcrumb_here`, its own last
    item, and the page is an ordinary link."""
    page = context.get("page")
    here = context.get("breadcrumb_here", "")
    page_is_current = not here
    if page_is_current and isinstance(page, Page) and page.pk:
        page_is_current = context["request"].path == page.get_url(context["request"])
    return {
        "ancestors": _ancestors(context),
        "page": page,
        "page_is_current": page_is_current,
        "here": here,
    }


def _language_links(context):
    """Where each language's version of the current page lives (once per request)."""
    request = context["request"]
    if hasattr(request, "_language_links"):
        return request._language_links
    page = context.get("page")
    is_page = page is not None and getattr(page, "pk", None) is not None
    translations = {}
    if is_page:
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
    current = translation.get_language()
    links = []
    for code, name in settings.LANGUAGES:
        if is_page:
            target = translations.get(code)
            # A page not yet translated: the other language's home page.
            url = target.get_url(request) if target is not None else f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    request._language_links = links
    return links


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"links": _language_links(context)}


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """For the hreflang <link> elements in the page head."""
    return _language_links(context)


@register.filter
def language_name(code):
    return dict(settings.LANGUAGES).get(code, code)


@register.simple_tag
def active_locale():
    return Locale.get_active()
