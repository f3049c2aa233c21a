"""The library network: who organises an event, who submits a report."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class BranchKind(models.TextChoices):
    DEPARTMENT = "department", _("Methodology department")
    LIBRARY = "library", _("Regional special library")
    BRANCH = "branch", _("Branch")
    SERVICE_POINT = "service-point", _("Service point")


class Branch(TranslatableMixin, index.Indexed, models.Model):
    """A unit of the library network, named in each language."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=BranchKind.choices)
    district = models.CharField(_("district or town"), max_length=120, blank=True)

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("district")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("branch")
        verbose_name_plural = _("branches")
        ordering = ["name"]

    def __str__(self):
        return self.name


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
