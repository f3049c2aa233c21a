"""Wagtail hooks of the training staff's screens (staff_views, attendance_views;
see wagtail_hooks.py).

URLs, under /admin/trainings/ (namespace "trainings_staff"):
    ""                                  the trainings (current, coming, this year's past)
    "<training_id>/"                    one training: its sessions and tools
    "<training_id>/enrol/"              enrol colleagues of a branch (?branch=)
    "<training_id>/attendance/"         choose the session
    "<training_id>/attendance/<session_id>/"   the session's attendance and check-in
    "<training_id>/completion/"         who completed, and issuing the certificates
    "mine/"                             the user's own trainings and hours
    "hours/", "hours/export.xlsx"       hours per person and branch in a year (?year=)
"""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from core.admin_views import Entry, register_log_actions, staff_menu
from trainings import attendance_views
from trainings import staff_views as views
from trainings.models import TrainingPage

NS = views.NS

urlpatterns = [
    path("", views.TrainingIndexView.as_view(), name="index"),
    path("mine/", views.MyTrainingsView.as_view(), name="mine"),
    path("hours/", views.HoursView.as_view(), name="hours"),
    path("hours/export.xlsx", views.HoursExportView.as_view(), name="hours_xlsx"),
    path("<int:training_id>/", views.TrainingDetailView.as_view(), name="training"),
    path("<int:training_id>/enrol/", views.EnrolView.as_view(), name="enrol"),
    path(
        "<int:training_id>/attendance/",
        attendance_views.AttendanceChooseView.as_view(),
        name="attendance",
    ),
    path(
        "<int:training_id>/attendance/<int:session_id>/",
        attendance_views.SessionAttendanceView.as_view(),
        name="session",
    ),
    path("<int:training_id>/completion/", views.CompletionView.as_view(), name="completion"),
]


@hooks.register("register_admin_urls")
def register_training_staff_urls():
    return [path("trainings/", include((urlpatterns, NS), namespace=NS))]


@hooks.register("register_admin_menu_item")
def trainings_menu():
    return staff_menu(
        _("Staff trainings"),
        name="trainings-staff",
        icon_name="calendar-check",
        order=260,
        entries=[
            Entry(
                _("Trainings"),
                reverse(f"{NS}:index"),
                "trainings-staff-list",
                "list-ul",
                views.uses_training_tools,
            ),
            Entry(
                _("Training hours"),
                reverse(f"{NS}:hours"),
                "trainings-staff-hours",
                "time",
                views.VIEW_HOURS,
            ),
            Entry(
                _("My trainings"),
                reverse(f"{NS}:mine"),
                "trainings-staff-mine",
                "user",
                "wagtailadmin.access_admin",
            ),
        ],
    )


@hooks.register("register_permissions")
def training_permissions():
    """Shown in Settings → Groups, so administrators can grant them."""
    return Permission.objects.filter(
        content_type__app_label="trainings",
        codename__in=["view_sessionattendance", "change_sessionattendance"],
    )


@hooks.register("register_page_header_buttons")
def training_staff_button(page, user, view_name, next_url=None):
    """A "Training tools" button in the header of a training's editor."""
    if issubclass(page.specific_class or object, TrainingPage) and views.uses_training_tools(user):
        yield Button(
            _("Enrolment and attendance"),
            reverse(f"{NS}:training", args=[page.pk]),
            icon_name="tick",
            priority=46,
        )


@hooks.register("register_log_actions")
def register_training_actions(actions):
    """The audit entries trainings.services writes."""
    register_log_actions(
        actions,
        [
            ("trainings.enrolment.add", _("Training: colleagues enrolled")),
            ("trainings.person.link", _("Training: person linked to a staff account")),
            ("trainings.attendance.mark", _("Training: attendance marked")),
            ("trainings.attendance.correct", _("Training: attendance corrected")),
        ],
    )
