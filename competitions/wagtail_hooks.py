"""The judges' screens (competitions.judging_views) and the "Issue
diplomas" screen (competitions.diploma_views) in the admin, their menu item
and page header button, and the log actions of judging."""

from django.contrib.auth.models import Permission
from django.forms import modelform_factory
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from certificates.admin_views import can as can_certificates
from competitions import alternative_formats, diploma_views, results_views
from competitions import judging_views as views
from competitions.admin_forms import EntryForm
from competitions.diplomas import has_competitions
from competitions.models import Entry, JuryMember
from competitions.models.pages import RESULTS_VIEW_HOOK

# The page's results/ route hands over to this view (core.page_views).
hooks.register(RESULTS_VIEW_HOOK, results_views.results)


@hooks.register("alternative_format_sources")
def results_formats():
    """The published results in braille and as audio (formats)."""
    return alternative_formats.results_source()


urlpatterns = [
    path("", views.JudgingIndexView.as_view(), name="index"),
    path("<int:competition_id>/", views.CompetitionJudgingView.as_view(), name="competition"),
    path(
        "<int:competition_id>/entry/<int:entry_id>/",
        views.EntryJudgingView.as_view(),
        name="entry",
    ),
    path("<int:competition_id>/grid/", views.GridJudgingView.as_view(), name="grid"),
    path(
        "<int:competition_id>/grid/<int:category_id>/",
        views.GridJudgingView.as_view(),
        name="grid_category",
    ),
    path("<int:competition_id>/close/", views.CloseView.as_view(), name="close"),
    path("<int:competition_id>/reopen/", views.ReopenView.as_view(), name="reopen"),
    path("<int:competition_id>/publish/", views.PublishView.as_view(), name="publish"),
]


diploma_urlpatterns = [
    path("<int:event_id>/", diploma_views.IssueDiplomasView.as_view(), name="issue"),
]


@hooks.register("register_admin_urls")
def register_judging_urls():
    return [
        path("judging/", include((urlpatterns, views.NS), namespace=views.NS)),
        path(
            "diplomas/",
            include((diploma_urlpatterns, diploma_views.NS), namespace=diploma_views.NS),
        ),
    ]


@hooks.register("register_page_header_buttons")
def issue_diplomas_button(page, user, view_name, next_url=None):
    """“Issue diplomas” in the editor of a competition or a festival edition."""
    page_class = page.specific_class or object
    if (
        isinstance(page_class, type)
        and has_competitions(page_class)
        and can_certificates(user, "add")
    ):
        yield Button(
            _("Issue diplomas"),
            reverse(f"{diploma_views.NS}:issue", args=[page.pk]),
            icon_name="doc-full",
            priority=46,
        )


class JudgingMenuItem(MenuItem):
    """Shown to members of any jury."""

    def is_shown(self, request):
        return JuryMember.objects.filter(user=request.user).exists()


@hooks.register("register_admin_menu_item")
def judging_menu():
    return JudgingMenuItem(
        _("Judging"), reverse(f"{views.NS}:index"), name="judging", icon_name="pick", order=260
    )


@hooks.register("register_log_actions")
def register_judging_actions(actions):
    for action, label in (
        ("competitions.entry.add", _("Competition: entry added")),
        ("competitions.entry.withdraw", _("Competition: entry withdrawn")),
        ("competitions.entry.reinstate", _("Competition: entry back in the competition")),
        ("competitions.entry.work", _("Competition: the work performed changed")),
        ("competitions.score.save", _("Competition: scores saved")),
        ("competitions.result.save", _("Competition: result recorded")),
        ("competitions.judging.close", _("Competition: judging closed")),
        ("competitions.judging.reopen", _("Competition: judging opened again")),
        ("competitions.results.publish", _("Competition: results published")),
        ("competitions.diplomas.issue", _("Competition: diplomas and certificates issued")),
    ):
        actions.register_action(action, label, label)


class EntryViewSet(ModelViewSet):
    """Entries: registrations placed in a competition's category, with the work."""

    model = Entry
    form_fields = [
        "competition",
        "registration",
        "category",
        "work_title",
        "work_author",
        "running_order",
        "grand_prix",
        "special_prize",
    ]
    list_display = [
        "__str__",
        "category",
        "work_title",
        "competition",
        "running_order",
        "withdrawn_at",
    ]
    list_filter = ["competition"]
    search_fields = ["registration__person__full_name", "work_title", "work_author"]
    icon = "pick"
    menu_label = _("Competition entries")
    add_to_admin_menu = True
    menu_order = 261
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return modelform_factory(
            self.model,
            form=EntryForm,
            formfield_callback=self.formfield_for_dbfield,
            fields=self.form_fields,
        )

    def get_queryset(self, request):
        return Entry.objects.select_related(
            "registration__person", "category", "competition"
        ).order_by("competition", "running_order", "pk")


@hooks.register("register_admin_viewset")
def register_entry_viewset():
    return EntryViewSet("competition_entries")


@hooks.register("register_permissions")
def entry_permissions():
    """Shown in Settings → Groups, so administrators can let staff manage entries."""
    return Permission.objects.filter(
        content_type__app_label="competitions",
        codename__in=["add_entry", "change_entry", "delete_entry", "view_entry"],
    )


# The entries follow their registrations (hooks of the registration engine).
from . import entry_hooks  # noqa: E402, F401
