"""The library network: who organises an event, who submits a report, and
where a reader finds the nearest branch (the public directory)."""

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from branches.forms import DistrictForm

# Other apps add sections to a branch's public page (events: its upcoming
# events) through this hook: `(request, branch) -> {"template": ..., ...} | None`.
BRANCH_PAGE_SECTIONS_HOOK = "branch_page_sections"


class BranchKind(models.TextChoices):
    DEPARTMENT = "department", _("Methodology department")
    LIBRARY = "library", _("Regional special library")
    BRANCH = "branch", _("Branch")
    SERVICE_POINT = "service-point", _("Service point")


class BranchQuerySet(models.QuerySet):
    def in_directory(self):
        """What the public directory lists: the library, branches and service
        points (the department is part of the library)."""
        return self.exclude(kind=BranchKind.DEPARTMENT)


class Branch(TranslatableMixin, index.Indexed, models.Model):
    """A unit of the library network, described in each language: where it
    is, when it is open, how a blind reader gets there and in, what it offers."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=BranchKind.choices)
    district = models.CharField(_("district or town"), max_length=120, blank=True)
    address = models.TextField(_("address"), blank=True)
    opening_hours = models.TextField(
        _("opening hours"),
        blank=True,
        help_text=_("For example: Mon–Fri 9:00–18:00, lunch 13:00–14:00."),
    )
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    directions = models.TextField(
        _("how to get there"), blank=True, help_text=_("Public transport, stops, landmarks.")
    )
    step_free = models.BooleanField(_("step-free access"), default=False)
    tactile_paths = models.BooleanField(_("tactile paths"), default=False)
    braille_signage = models.BooleanField(_("braille signage"), default=False)
    accessibility_notes = models.TextField(
        _("other accessibility notes"),
        blank=True,
        help_text=_("Lifts, toilets, guide dogs, sound, lighting, an escort from the stop."),
    )
    braille_books = models.BooleanField(_("braille books"), default=False)
    talking_books = models.BooleanField(_("talking books"), default=False)
    large_print = models.BooleanField(_("large-print books"), default=False)
    assistive_technology = models.BooleanField(
        _("assistive technology"),
        default=False,
        help_text=_("Computers with a screen reader, magnifiers, reading machines."),
    )
    home_service = models.BooleanField(_("books delivered at home"), default=False)
    head = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("head"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The staff account of the branch's head, who reports for it."),
    )

    objects = BranchQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("district")]),
        FieldPanel("address"),
        FieldPanel("opening_hours"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("directions"),
        MultiFieldPanel(
            [
                FieldPanel("step_free"),
                FieldPanel("tactile_paths"),
                FieldPanel("braille_signage"),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Accessibility"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("braille_books"),
                FieldPanel("talking_books"),
                FieldPanel("large_print"),
                FieldPanel("assistive_technology"),
                FieldPanel("home_service"),
            ],
            heading=_("Services"),
        ),
        FieldPanel("head"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("branch")
        verbose_name_plural = _("branches")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def accessibility_summary(self) -> list[str]:
        """The access facts in words, said also when absent (never a mark alone)."""
        facts = [
            _("Step-free access.") if self.step_free else _("No step-free access."),
            _("Tactile paths.") if self.tactile_paths else _("No tactile paths."),
            _("Braille signage.") if self.braille_signage else _("No braille signage."),
        ]
        if self.accessibility_notes:
            facts.append(self.accessibility_notes)
        return [str(fact) for fact in facts]

    def services(self) -> list[str]:
        offered = [
            (self.braille_books, _("Braille books")),
            (self.talking_books, _("Talking books")),
            (self.large_print, _("Large-print books")),
            (self.assistive_technology, _("Assistive technology")),
            (self.home_service, _("Books delivered at home")),
        ]
        return [str(label) for on, label in offered if on]


class StaffProfile(models.Model):
    """Which branch a staff member works at: a librarian sees their own
    branch's registrations; department staff (a permission) see all."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_profile"
    )
    branch = models.ForeignKey(
        Branch, verbose_name=_("branch"), on_delete=models.PROTECT, related_name="staff"
    )

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self):
        return f"{self.user} — {self.branch}"


class BranchIndexPage(RoutablePageMixin, Page):
    """/<lang>/branches/: the library network of the page's language, by
    district, and a page per branch (`<id>/`)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "branches/branch_index_page.html"

    class Meta:
        verbose_name = _("branch directory")
        verbose_name_plural = _("branch directories")

    def branches(self):
        return Branch.objects.in_directory().filter(locale_id=self.locale_id)

    def districts(self) -> list[str]:
        return sorted(
            {
                district
                for district in self.branches().values_list("district", flat=True)
                if district
            }
        )

    @path("")
    def directory(self, request):
        form = DistrictForm(request.GET or None, districts=self.districts())
        valid = form.is_valid() if request.GET else True
        chosen = form.cleaned_data.get("district", "") if request.GET and valid else ""
        branches = self.branches().order_by("district", "kind", "name")
        if not valid:
            branches = branches.none()
        elif chosen:
            branches = branches.filter(district=chosen)
        groups: dict[str, list[Branch]] = {}
        for branch in branches:
            groups.setdefault(branch.district, []).append(branch)
        response = self.render(
            request,
            context_overrides={
                "form": form,
                "chosen_district": chosen,
                "groups": list(groups.items()),
                "branch_count": sum(len(group) for group in groups.values()),
            },
        )
        response.status_code = 200 if valid else 400
        return response

    @path("<int:branch_id>/", name="branch")
    def branch(self, request, branch_id):
        branch = self.branches().select_related("head").filter(pk=branch_id).first()
        if branch is None:
            raise Http404
        sections = [
            section
            for hook in hooks.get_hooks(BRANCH_PAGE_SECTIONS_HOOK)
            if (section := hook(request, branch))
        ]
        return self.render(
            request,
            template="branches/branch_page.html",
            context_overrides={"branch": branch, "sections": sections},
        )
