"""The home page and the general-purpose content page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks, hooks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core.blocks import LANGUAGE_MARKS, BodyBlock

from .announcements import AnnouncementIndexPage, AnnouncementPage
from .base import SitePage


class QuickLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    label = blocks.CharBlock(
        label=_("Link text"), required=False, help_text=_("Leave empty to use the page title.")
    )

    class Meta:
        icon = "link"
        template = "blocks/quick_link.html"
        label = _("Quick link")
        description = _("A link to a page, shown on the home page.")


class HomePage(SitePage):
    """The root of each language's tree (/kk/, /ru/, /en/)."""

    intro = RichTextField(
        verbose_name=_("welcome text"),
        features=["bold", "italic", "link", *LANGUAGE_MARKS],
        blank=True,
    )
    quick_links = StreamField(
        [("link", QuickLinkBlock())], blank=True, verbose_name=_("quick links")
    )
    announcements_count = models.PositiveSmallIntegerField(
        _("latest announcements shown"), default=4
    )

    content_panels = SitePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("quick_links"),
        FieldPanel("announcements_count"),
    ]
    search_fields = SitePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_announcements"] = (
            AnnouncementPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("image")
            .order_by("-date", "-pk")[: self.announcements_count]
        )
        context["announcement_index"] = (
            self.get_children().live().type(AnnouncementIndexPage).first()
        )
        # Other apps (events) add their own sections, e.g. upcoming events,
        # through this hook without the home app knowing them.
        context["home_sections"] = [
            section
            for hook in hooks.get_hooks("home_page_sections")
            if (section := hook(request, self))
        ]
        return context


class StandardPage(SitePage):
    """A page of text: about the department, accessibility statement, contacts."""

    lead = models.TextField(_("lead"), blank=True, help_text=_("One or two sentences."))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = SitePage.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    search_fields = SitePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "home.SurveyPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
