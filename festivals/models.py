"""Festivals that return every year: the festival page tells its idea and
history; each year is an edition (an event) whose nominations are
competitions, judged by the competitions app.

Tree: /<lang>/festivals/ (FestivalIndexPage) → the festival (FestivalPage) →
its editions (FestivalEditionPage, an EventPage) → nominations
(competitions.CompetitionPage)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from competitions.enums import JudgingState
from competitions.models import CompetitionPage
from core import search
from core.blocks import RICH_TEXT_FEATURES, BodyBlock
from core.page_views import page_view
from events.models import EventPage
from events.windows import registration_window
from festivals.blocks import DedicationsBlock, GalleryImageBlock, PartnerBlock, StageBlock

# The edition's application form (`festivals.views.apply`).
APPLICATION_VIEW_HOOK = "festival_application_view"


class FestivalIndexPage(Page):
    """/<lang>/festivals/: the festivals the department holds."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["festivals.FestivalPage"]
    max_count_per_parent = 1
    # The festivals are one of the site's sections: in the main menu.
    show_in_menus_default = True
    template = "festivals/festival_index_page.html"

    class Meta:
        verbose_name = _("festival list")
        verbose_name_plural = _("festival lists")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["festivals"] = FestivalPage.objects.child_of(self).live().public()
        return context


class FestivalPage(search.StemmedSearchMixin, Page):
    """A festival held again and again: its idea, history and organisers,
    and the list of its editions (the archive)."""

    lead = models.TextField(_("the idea in brief"), help_text=_("One or two sentences."))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("idea and history"))
    organisers = RichTextField(_("organisers"), features=RICH_TEXT_FEATURES, blank=True)
    founded = models.PositiveSmallIntegerField(
        _("held since"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldPanel("founded"),
        FieldPanel("body"),
        FieldPanel("organisers"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        search.STEMS_FIELD,
    ]
    parent_page_types = ["festivals.FestivalIndexPage"]
    subpage_types = ["festivals.FestivalEditionPage"]
    template = "festivals/festival_page.html"

    class Meta:
        verbose_name = _("festival")
        verbose_name_plural = _("festivals")

    def editions(self) -> list["FestivalEditionPage"]:
        """Newest first; an edition open for applications comes before all."""
        editions = list(
            FestivalEditionPage.objects.child_of(self).live().public().order_by("-year", "-start")
        )
        return sorted(editions, key=lambda edition: not edition.is_open_for_applications)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        editions = self.editions()
        context["current"] = [e for e in editions if e.is_open_for_applications]
        context["archive"] = [e for e in editions if not e.is_open_for_applications]
        return context


class FestivalEditionPageForm(WagtailAdminPageForm):
    """One edition a year: a second edition of the same year under the same
    festival is refused on the year field. (Translations of an edition live
    under the festival's translation, so they share its year freely.)"""

    def clean(self):
        cleaned = super().clean()
        year = cleaned.get("year")
        if year is not None and self.parent_page is not None:
            other = FestivalEditionPage.editions_of_year(
                self.parent_page, year, exclude=self.instance
            ).first()
            if other is not None:
                self.add_error(
                    "year",
                    _(
                        "This festival already has an edition of %(year)s: %(title)s. "
                        "Choose another year, or edit that edition."
                    )
                    % {"year": year, "title": other.title},
                )
        return cleaned


class FestivalEditionPage(EventPage):
    """One year of a festival: an event with dedications, stages, a
    programme, partners, a gallery, and nominations (competitions) to apply for."""

    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    dedications = StreamField(DedicationsBlock(), blank=True, verbose_name=_("dedicated to"))
    stages = StreamField([("stage", StageBlock())], blank=True, verbose_name=_("stages"))
    partners = StreamField([("partner", PartnerBlock())], blank=True, verbose_name=_("partners"))
    gallery = StreamField([("photo", GalleryImageBlock())], blank=True, verbose_name=_("gallery"))

    content_panels = [
        *EventPage.content_panels[:1],
        FieldPanel("year"),
        FieldPanel("dedications"),
        *EventPage.content_panels[1:],
        MultiFieldPanel(
            [FieldPanel("stages"), FieldPanel("partners"), FieldPanel("gallery")],
            heading=_("Festival"),
        ),
    ]
    parent_page_types = ["festivals.FestivalPage"]
    subpage_types = ["competitions.CompetitionPage"]
    template = "festivals/festival_edition_page.html"
    base_form_class = FestivalEditionPageForm

    class Meta:
        verbose_name = _("festival edition")
        verbose_name_plural = _("festival editions")

    @classmethod
    def editions_of_year(cls, festival, year: int, *, exclude=None):
        """The festival's editions of `year` in the festival's language (a
        festival page's children are all in its locale)."""
        editions = cls.objects.child_of(festival).filter(year=year, locale_id=festival.locale_id)
        if exclude is not None and exclude.pk is not None:
            editions = editions.exclude(pk=exclude.pk)
        return editions

    def nominations(self):
        return CompetitionPage.objects.child_of(self).live().public().order_by("path")

    def open_nominations(self, now=None) -> list[CompetitionPage]:
        return [n for n in self.nominations() if registration_window(n, now).is_open]

    @property
    def is_open_for_applications(self) -> bool:
        return self.registration_state.is_open and bool(self.open_nominations())

    def nominations_with_results(self) -> list[tuple[CompetitionPage, bool]]:
        """Each nomination, and whether its results are public: one query for
        all of them, not one per nomination (results belong to the judged,
        default-language page)."""
        nominations = list(self.nominations())
        published = set(
            CompetitionPage.objects.filter(
                translation_key__in=[n.translation_key for n in nominations],
                locale__language_code=settings.LANGUAGE_CODE,
                judging_state=JudgingState.PUBLISHED,
            ).values_list("translation_key", flat=True)
        )
        return [(n, n.translation_key in published) for n in nominations]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["nominations"] = self.nominations_with_results()
        return context

    # The application form replaces the kernel's registration form: one
    # chooses a nomination, and is registered for it.
    @path("register/", name="register")
    def register(self, request):
        # festivals.views.apply, registered in wagtail_hooks: models import no views.
        return page_view(APPLICATION_VIEW_HOOK)(request, self)
