from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Branch, StaffProfile


class BranchViewSet(SnippetViewSet):
    model = Branch
    icon = "group"
    list_display = ["name", "kind", "district", "head"]
    list_filter = ["kind", "locale"]
    search_fields = ["name"]


class StaffProfileViewSet(SnippetViewSet):
    """Who works at which branch: a librarian sees her branch's
    registrations, enrols its staff in trainings and reports for it."""

    model = StaffProfile
    icon = "user"
    menu_label = _("Staff of the branches")
    list_display = ["user", "branch"]
    list_filter = ["branch"]
    panels = [FieldPanel("user"), FieldPanel("branch")]


class NetworkGroup(SnippetViewSetGroup):
    menu_label = _("Library network")
    menu_icon = "group"
    items = (BranchViewSet, StaffProfileViewSet)


register_snippet(NetworkGroup)
