from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Branch


class BranchViewSet(SnippetViewSet):
    model = Branch
    icon = "group"
    list_display = ["name", "kind", "district"]
    list_filter = ["kind", "locale"]
    search_fields = ["name"]


register_snippet(BranchViewSet)
