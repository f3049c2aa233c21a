"""The training staff's screens in the Wagtail admin: the trainings, enrolling
colleagues, attendance per session (with a check-in by code or name),
completion and its certificates, a librarian's own record and the
department's table of hours.

Who may do what:
- `registrations.add_registration` enrols colleagues: with
  `registrations.view_all_branches` (the methodology department) those of any
  branch, otherwise only the staff of the user's own branch (StaffProfile);
  another branch's list is refused (403).
- `trainings.change_sessionattendance` marks attendance;
  `trainings.view_sessionattendance` sees completion and the hours table
  (without `view_all_branches`, only the own branch's people);
  `certificates.add_certificate` issues the certificates.
- Any staff user sees "My trainings".
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from branches.models import Branch
from certificates import tasks
from certificates.services import CertificateError
from core.admin_views import PermissionFirstMixin
from registrations.enums import RegistrationStatus as Status
from registrations.models import Registration
from registrations.staff_common import (
    is_scoped,
    staff_branch,
    status_in_words,
)
from registrations.staff_forms import in_admin_language, localised
from trainings import exports, hours
from trainings.models import SessionAttendance, TrainingPage, TrainingSession
from trainings.services import (
    enrolment_add,
    own_person,
    user_display_name,
)
from trainings.staff_forms import (
    BranchForm,
    CertificatesForm,
    EnrolForm,
    YearForm,
)

NS = "trainings_staff"

ENROL = "registrations.add_registration"
MARK = "trainings.change_sessionattendance"
VIEW_HOURS = "trainings.view_sessionattendance"
ISSUE = "certificates.add_certificate"

PERMISSION_DENIED = {
    ENROL: gettext_lazy(
        "Enrolling colleagues needs the permission “Can add registration” and a branch "
        "in your staff profile."
    ),
    MARK: gettext_lazy("Marking attendance needs the permission “Can change session attendance”."),
    VIEW_HOURS: gettext_lazy(
        "Seeing completion and hours needs the permission “Can view session attendance”."
    ),
    ISSUE: gettext_lazy(
        "Issuing certificates needs the permission “Can add certificate” and the "
        "department's access to every branch."
    ),
    None: gettext_lazy("The trainings' screens are for staff."),
}


def refuse(request, message):
    """403, saying in words what is not allowed."""
    return TemplateResponse(
        request, "core/admin/permission_denied.html", {"message": message}, status=403
    )


def url(name, *args, **query):
    address = reverse(f"{NS}:{name}", args=args)
    return f"{address}?{urlencode(query)}" if query else address


def can_enrol(user) -> bool:
    return user.has_perm(ENROL) and (not is_scoped(user) or staff_branch(user) is not None)


def uses_training_tools(user) -> bool:
    return can_enrol(user) or user.has_perm(MARK) or user.has_perm(VIEW_HOURS)


def when(moment) -> str:
    return timezone.localtime(moment).strftime("%d.%m.%Y %H:%M")


def session_when(session) -> str:
    start, end = timezone.localtime(session.start), timezone.localtime(session.end)
    return f"{start:%d.%m.%Y, %H:%M}–{end:%H:%M}"


class TrainingStaffView(PermissionFirstMixin, WagtailAdminTemplateMixin, TemplateView):
    """A refusal is a 403 page that says which permission is missing."""

    permission = None  # "app_label.codename"; None: any admin user
    header_icon = "user"
    permission_denied_template = "core/admin/permission_denied.html"

    def has_permission(self, user) -> bool:
        if self.permission is None:
            return user.has_perm("wagtailadmin.access_admin")
        return user.has_perm(self.permission)

    @property
    def permission_denied_message(self):
        return PERMISSION_DENIED.get(self.permission, "")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": url("index"), "label": _("Trainings")},
            {"url": "", "label": self.get_page_title()},
        ]


class TrainingMixin:
    """The training of the URL: `training` in the admin's language (what is
    shown), `source` the page whose sessions attendance is recorded on."""

    def prepare(self, request, **kwargs):
        page = TrainingPage.objects.filter(pk=kwargs["training_id"]).first()
        if page is None:
            messages.error(request, _("There is no such training."))
            return redirect(url("index"))
        self.page = page
        self.training = localised(page)
        self.source = page.source
        return super().prepare(request, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": url("index"), "label": _("Trainings")},
            {"url": url("training", self.page.pk), "label": self.training.title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["training"] = self.training
        context["training_url"] = url("training", self.page.pk)
        return context


# ---------------------------------------------------------------------------
# The trainings, and one training's tools
# ---------------------------------------------------------------------------


def training_links(user, training) -> list[dict]:
    links = []
    if can_enrol(user):
        links.append({"label": _("Enrol colleagues"), "url": url("enrol", training.pk)})
    if user.has_perm(MARK):
        links.append({"label": _("Attendance per session"), "url": url("attendance", training.pk)})
    if user.has_perm(VIEW_HOURS):
        links.append(
            {"label": _("Completion and certificates"), "url": url("completion", training.pk)}
        )
    return links


class TrainingIndexView(TrainingStaffView):
    template_name = "trainings/admin/training_index.html"
    page_title = gettext_lazy("Trainings")

    def has_permission(self, user):
        return uses_training_tools(user)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": _("Trainings")}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        pages = in_admin_language(
            TrainingPage.objects.filter(end__gte=now - datetime.timedelta(days=365)).order_by(
                "start", "pk"
            )
        )
        coming = [page for page in pages if page.end >= now]
        past = [page for page in pages if page.end < now]
        context["groups"] = [
            (_("Current and coming trainings"), "coming", self.rows(coming)),
            (_("Past trainings (this year)"), "past", self.rows(reversed(past))),
        ]
        return context

    def rows(self, pages):
        return [
            {
                "training": page,
                "when": when(page.start),
                "url": url("training", page.pk),
                "links": training_links(self.request.user, page),
            }
            for page in pages
        ]


class TrainingDetailView(TrainingMixin, TrainingStaffView):
    """One training: its sessions and the tools."""

    template_name = "trainings/admin/training_detail.html"

    def has_permission(self, user):
        return uses_training_tools(user)

    def get_page_title(self):
        return self.training.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": url("index"), "label": _("Trainings")},
            {"url": "", "label": self.training.title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registrations = Registration.objects.for_event(self.source)
        context.update(
            {
                "when": when(self.training.start),
                "sessions": session_rows(self.training, self.source),
                "links": training_links(self.request.user, self.page),
                "enrolled": registrations.holding_a_place().count(),
                "waiting": registrations.filter(status=Status.WAITLISTED).count(),
                "capacity": self.source.capacity,
            }
        )
        return context


def session_rows(training, source) -> list[dict]:
    """The sessions (topics in `training`'s language), numbered, with their
    attendance screens and how many are marked."""
    sessions = list(source.sessions.order_by("sort_order", "pk"))
    topics = {}
    if training.pk != source.pk:
        topics = dict(TrainingSession.objects.filter(page=training).values_list("key", "topic"))
    marked = {}
    for session_id in SessionAttendance.objects.filter(session__in=sessions).values_list(
        "session_id", flat=True
    ):
        marked[session_id] = marked.get(session_id, 0) + 1
    return [
        {
            "number": number,
            "session": session,
            "topic": topics.get(session.key) or session.topic,
            "lang": training.locale.language_code
            if topics.get(session.key)
            else source.locale.language_code,
            "when": session_when(session),
            "marked": marked.get(session.pk, 0),
            "url": url("session", training.pk, session.pk),
        }
        for number, session in enumerate(sessions, start=1)
    ]


# ---------------------------------------------------------------------------
# Enrolling colleagues
# ---------------------------------------------------------------------------


class EnrolView(TrainingMixin, TrainingStaffView):
    """The department (any branch) or a branch's staff member (their own
    branch) enrol colleagues: a checkbox per staff member of the branch."""

    template_name = "trainings/admin/training_enrol.html"
    permission = ENROL
    header_icon = "group"

    def has_permission(self, user):
        return can_enrol(user)

    result = None

    def get_page_title(self):
        title = _("Enrol colleagues: %(training)s") % {"training": self.training.title}
        if self.result is None:
            return title
        # The outcome first: what a screen reader says when the page comes back.
        summary = _(
            "Enrolled: %(enrolled)s; on the waiting list: %(waiting)s; already enrolled: "
            "%(already)s; not enrolled: %(refused)s."
        ) % {
            "enrolled": len(self.result.enrolled) + len(self.result.pending),
            "waiting": len(self.result.waitlisted),
            "already": len(self.result.already),
            "refused": len(self.result.refused),
        }
        return f"{summary} — {title}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": url("index"), "label": _("Trainings")},
            {"url": url("training", self.page.pk), "label": self.training.title},
            {"url": "", "label": _("Enrol colleagues")},
        ]

    def prepare(self, request, **kwargs):
        response = super().prepare(request, **kwargs)
        if response is not None:
            return response
        self.department = not is_scoped(request.user)
        own = staff_branch(request.user)
        chosen = request.GET.get("branch") or request.POST.get("branch")
        if self.department:
            self.branches = in_admin_language(Branch.objects.all())
            self.branch = None
            if chosen and chosen.isdigit():
                self.branch = Branch.objects.filter(pk=chosen).first()
            if self.branch is None and own is not None:
                self.branch = own
            if self.branch is None and self.branches:
                self.branch = self.branches[0]
        else:
            self.branches = [own]
            self.branch = own
            if chosen:
                other = Branch.objects.filter(pk=chosen if chosen.isdigit() else None).first()
                if other is None or other.translation_key != own.translation_key:
                    return refuse(request, _("You can enrol only the staff of your own branch."))
        if self.branch is not None:
            self.branch = localised(self.branch)
        return None

    @cached_property
    def colleagues(self):
        if self.branch is None:
            return []
        return list(
            get_user_model()
            .objects.filter(
                is_active=True,
                staff_profile__branch__translation_key=self.branch.translation_key,
            )
            .order_by("last_name", "first_name", "username")
        )

    def choices(self):
        registered = {
            registration.person.staff_user_id: registration
            for registration in Registration.objects.for_event(self.source)
            .active()
            .filter(person__staff_user__in=self.colleagues)
            .select_related("person")
        }
        choices = []
        for user in self.colleagues:
            label = user_display_name(user)
            registration = registered.get(user.pk)
            if registration is not None:
                label = _("%(name)s (already enrolled: %(status)s)") % {
                    "name": label,
                    "status": status_in_words(registration),
                }
            choices.append((str(user.pk), label))
        return choices

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "form" not in context:
            context["form"] = EnrolForm(choices=self.choices())
        if self.department:
            context["branch_form"] = BranchForm(
                initial={"branch": str(self.branch.pk) if self.branch else ""},
                branches=self.branches,
            )
        context.update(
            {
                "branch": self.branch,
                "department": self.department,
                "action_url": url("enrol", self.page.pk),
                "capacity": self.source.capacity,
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        form = EnrolForm(request.POST, choices=self.choices())
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        chosen = {int(pk) for pk in form.cleaned_data["colleagues"]}
        users = [user for user in self.colleagues if user.pk in chosen]
        self.result = enrolment_add(training=self.page, people_or_users=users, by=request.user)
        self.template_name = "trainings/admin/training_enrol_result.html"
        return self.render_to_response(self.get_context_data(form=form, result=self.result))


# ---------------------------------------------------------------------------
# Completion and certificates
# ---------------------------------------------------------------------------


class CompletionView(TrainingMixin, TrainingStaffView):
    """Who completed the training and who did not and why; issuing the
    completion certificates to those who did, each with their own hours."""

    template_name = "trainings/admin/training_completion.html"
    permission = VIEW_HOURS
    header_icon = "doc-full"

    def get_page_title(self):
        return _("Completion: %(training)s") % {"training": self.training.title}

    def rows(self):
        rows = hours.training_completion(self.training)
        if is_scoped(self.request.user):
            visible = set(
                Registration.objects.visible_to(self.request.user)
                .filter(pk__in=[row.registration.pk for row in rows])
                .values_list("pk", flat=True)
            )
            rows = [row for row in rows if row.registration.pk in visible]
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = self.rows()
        completed = [row for row in rows if row.completed]
        template = self.source.certificate_template
        context.update(
            {
                "completed": completed,
                "not_completed": [row for row in rows if not row.completed],
                "rule": self.source.get_completion_rule_display(),
                "percent": self.source.completion_percent,
                "shares": self.source.completion_rule == "hours-share",
                "total": rows[0].total
                if rows
                else sum(s.hours for s in self.source.sessions.all()),
                "template": template,
                "edit_url": reverse("wagtailadmin_pages:edit", args=[self.source.pk]),
                "can_issue": self.request.user.has_perm(ISSUE) and not is_scoped(self.request.user),
                "action_url": url("completion", self.page.pk),
            }
        )
        context.setdefault("form", CertificatesForm())
        return context

    def post(self, request, *args, **kwargs):
        if not (request.user.has_perm(ISSUE) and not is_scoped(request.user)):
            return refuse(request, PERMISSION_DENIED[ISSUE])
        form = CertificatesForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            with transaction.atomic():
                batch = hours.completion_batch(
                    self.source,
                    language=form.cleaned_data["language"],
                    by=request.user,
                    send_email=form.cleaned_data["send_email"],
                )
                tasks.batch_enqueue(batch)
        except CertificateError as error:
            form.add_error(None, error.message)
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(
            request,
            _("Issuing started: %(total)s completion certificates.") % {"total": batch.total},
        )
        return redirect(reverse("certificates_admin:batch", args=[batch.pk]))


# ---------------------------------------------------------------------------
# A librarian's record, the department's table
# ---------------------------------------------------------------------------


class MyTrainingsView(TrainingStaffView):
    template_name = "trainings/admin/training_mine.html"
    page_title = gettext_lazy("My trainings")
    header_icon = "user"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": _("My trainings")}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = own_person(self.request.user)
        records = hours.person_trainings(person) if person is not None else []
        for record in records:
            record.shown = localised(record.training)
            record.when = when(record.training.start)
            record.status = status_in_words(record.registration)
        context.update(
            {
                "person": person,
                "records": records,
                "years": hours.hours_per_year(person) if person is not None else [],
            }
        )
        return context


class HoursMixin:
    """The year asked for, and the branch the user may see."""

    def prepare(self, request, **kwargs):
        years = sorted({*hours.years_with_sessions(), timezone.localdate().year}, reverse=True)
        self.year_form = YearForm(request.GET or None, years=years)
        self.year = (
            self.year_form.cleaned_data["year"]
            if self.year_form.is_bound and self.year_form.is_valid()
            else timezone.localdate().year
        )
        if not self.year_form.is_bound:
            self.year_form = YearForm(initial={"year": self.year}, years=years)
        self.scoped = is_scoped(request.user)
        self.branch = staff_branch(request.user)
        return super().prepare(request, **kwargs)

    def groups(self):
        if self.scoped and self.branch is None:
            return []
        return hours.branch_hours(
            self.year,
            branch_key=self.branch.translation_key if self.scoped else None,
            language=self.request.LANGUAGE_CODE,
        )


class HoursView(HoursMixin, TrainingStaffView):
    template_name = "trainings/admin/hours_table.html"
    permission = VIEW_HOURS
    header_icon = "time"

    def get_page_title(self):
        return _("Training hours in %(year)s") % {"year": self.year}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        groups = self.groups()
        context.update(
            {
                "year": self.year,
                "year_form": self.year_form,
                "groups": groups,
                "grand_total": sum(group.total for group in groups),
                "people": sum(len(group.people) for group in groups),
                "scoped": self.scoped,
                "staff_branch": self.branch,
                "action_url": url("hours"),
                "xlsx_url": url("hours_xlsx", year=self.year),
            }
        )
        return context


class HoursExportView(HoursMixin, PermissionFirstMixin, View):
    permission_denied_template = "core/admin/permission_denied.html"
    permission_denied_message = PERMISSION_DENIED[VIEW_HOURS]

    def has_permission(self, user):
        return user.has_perm(VIEW_HOURS)

    def get(self, request):
        return exports.hours_xlsx(self.year, self.groups())
