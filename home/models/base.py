"""What every public page of ours shares."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.search import STEMS_FIELD, StemmedSearchMixin

# Addresses that other apps serve under each language prefix (/kk/events/, ...).
RESERVED_SLUGS = {"events", "festivals", "search", "verify"}
# Depth of a page directly under a language's home page.
TOP_LEVEL_DEPTH = 3


class SitePage(StemmedSearchMixin, Page):
    """Abstract base for our pages: keeps the reserved top-level slugs free,
    and is found by any form of its words (core.search)."""

    search_fields = Page.search_fields + [STEMS_FIELD]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.depth == TOP_LEVEL_DEPTH and self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {
                    "slug": _("The address “%(slug)s” is reserved for another part of the site.")
                    % {"slug": self.slug}
                }
            )
