"""The admin side of the braille and audio versions: a clear message when a
Debian package they need is missing (on the dashboard of staff who edit
pages, and on the edit page of a text that has versions), and why a version
of the page being edited could not be made."""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from formats import services
from formats.models import FormatKind
from formats.sources import sources_for_page


class MissingToolsPanel(Component):
    name = "alternative_formats_missing_tools"
    template_name = "formats/admin/missing_tools_panel.html"
    order = 60

    def __init__(self, problems):
        self.problems = problems

    def get_context_data(self, parent_context):
        return {"problems": self.problems}


@hooks.register("construct_homepage_panels")
def add_missing_tools_panel(request, panels):
    if not request.user.has_perm("wagtailadmin.access_admin"):
        return
    problems = services.missing_tools()
    if problems:
        panels.append(MissingToolsPanel(problems))


@hooks.register("before_edit_page")
def warn_about_alternative_formats(request, page):
    """Shown above the editor (a GET, so it is said once per visit)."""
    if request.method != "GET":
        return None
    sources = sources_for_page(page.specific)
    if not sources:
        return None
    for problem in services.missing_tools():
        messages.warning(request, problem)
    for source in sources:
        obj = source.get(page.pk)
        for state in services.formats_states(source.key, obj).values():
            if state.status == "failed" and state.reason and services.tool_is_available(state.kind):
                messages.warning(
                    request,
                    _("%(kind)s of this page could not be made: %(reason)s")
                    % {"kind": FormatKind(state.kind).label, "reason": state.reason},
                )
    return None
