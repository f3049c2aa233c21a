"""Announcements: the department's news, listed, filtered by tag, and fed as RSS/Atom."""

import datetime

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import BodyBlock
from core.models import DescribedImageMixin
from home.feeds import AnnouncementAtomFeed, AnnouncementRssFeed

from .base import SitePage

PAGE_SIZE = 10


def today() -> datetime.date:
    return timezone.localdate()


class AnnouncementIndexPage(RoutablePageMixin, SitePage):
    """The list of announcements, with a tag filter and RSS/Atom feeds."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = SitePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.AnnouncementPage"]

    class Meta:
        verbose_name = _("announcement list")
        verbose_name_plural = _("announcement lists")

    def announcements(self):
        return (
            AnnouncementPage.objects.live()
            .public()
            .child_of(self)
            .prefetch_related("tags")
            .order_by("-date", "-pk")
        )

    def tags_in_use(self):
        return (
            Tag.objects.filter(
                home_announcementpagetag_items__content_object__in=self.announcements()
            )
            .distinct()
            .order_by("name")
        )

    @path("")
    def listing(self, request):
        announcements = self.announcements()
        tag_slug = request.GET.get("tag", "").strip()[:100]
        active_tag = None
        if tag_slug:
            active_tag = self.tags_in_use().filter(slug=tag_slug).first()
            announcements = announcements.filter(tags__slug=tag_slug)
        page_obj = Paginator(announcements, PAGE_SIZE).get_page(request.GET.get("page"))
        return self.render(
            request,
            context_overrides={
                "page_obj": page_obj,
                "tag_slug": tag_slug,
                "active_tag": active_tag,
                "tags": self.tags_in_use(),
            },
        )

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        return AnnouncementRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        return AnnouncementAtomFeed(self)(request)


class AnnouncementPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "home.AnnouncementPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class AnnouncementPage(DescribedImageMixin, SitePage):
    """One announcement of the department."""

    date = models.DateField(_("date"), default=today)
    lead = models.TextField(
        _("lead"), help_text=_("One or two sentences shown in lists and feeds.")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    tags = ClusterTaggableManager(through=AnnouncementPageTag, blank=True, verbose_name=_("tags"))
    content_panels = SitePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        *DescribedImageMixin.image_panels,
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = SitePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["home.AnnouncementIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
