"""The judges' screens (competitions.judging_views) in the admin, their menu
item, and the log actions of judging."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from competitions import judging_views as views
from competitions.models import JuryMember

urlpatterns = [
    path("", views.JudgingIndexView.as_view(), name="index"),
    path("<int:competition_id>/", views.CompetitionJudgingView.as_view(), name="competition"),
    path(
        "<int:competition_id>/entry/<int:entry_id>/",
        views.EntryJudgingView.as_view(),
        name="entry",
    ),
    path("<int:competition_id>/close/", views.CloseView.as_view(), name="close"),
    path("<int:competition_id>/reopen/", views.ReopenView.as_view(), name="reopen"),
    path("<int:competition_id>/publish/", views.PublishView.as_view(), name="publish"),
]


@hooks.register("register_admin_urls")
def register_judging_urls():
    return [path("judging/", include((urlpatterns, views.NS), namespace=views.NS))]


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
        ("competitions.score.save", _("Competition: scores saved")),
        ("competitions.result.save", _("Competition: result recorded")),
        ("competitions.judging.close", _("Competition: judging closed")),
        ("competitions.judging.reopen", _("Competition: judging opened again")),
        ("competitions.results.publish", _("Competition: results published")),
    ):
        actions.register_action(action, label, label)
