"""A sitemap of every live public page in every language, with hreflang alternates."""

from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


class MultilingualSitemap(Sitemap):
    def items(self):
        site = self.get_wagtail_site()
        queryset = Page.objects.none()
        for root in Page.objects.filter(translation_key=site.root_page.translation_key):
            queryset |= Page.objects.descendant_of(root, inclusive=True)
        return queryset.live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        language_codes = dict(Locale.objects.values_list("pk", "language_code"))
        translations = defaultdict(list)
        for item in items:
            translations[item.translation_key].append(item)
        urls = []
        for item in items:
            alternates = [
                {
                    "lang_code": language_codes[other.locale_id],
                    "location": other.get_full_url(self.request),
                }
                for other in translations[item.translation_key]
            ]
            for url_info in item.get_sitemap_urls(self.request):
                urls.append({**url_info, "alternates": alternates})
        last_mods = {url_info.get("lastmod") for url_info in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
