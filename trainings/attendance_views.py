"""The attendance screens of a training: choosing the session, then every
enrolled person with a radio group of marks and a note, "Mark everyone
present", and a check-in by code or name for the session (the check-in
desk's code parsing). Who may: `trainings.change_sessionattendance`; the
people listed are those the user may see (registrations' branch scope)."""

from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from wagtail.admin import messages

from registrations.models import Registration, normalise_code
from registrations.staff_common import code_candidates, is_scoped, staff_branch
from registrations.staff_forms import CheckinForm
from trainings.models import SessionAttendance, TrainingSession
from trainings.services import (
    AttendanceError,
    attendable,
    attendance_mark,
    attendance_mark_many,
    source_session,
)
from trainings.staff_forms import AttendanceForm
from trainings.staff_views import (
    MARK,
    TrainingMixin,
    TrainingStaffView,
    session_rows,
    session_when,
    url,
)

# ---------------------------------------------------------------------------
# Attendance
# ---------------------------------------------------------------------------


class AttendanceChooseView(TrainingMixin, TrainingStaffView):
    template_name = "trainings/admin/training_attendance.html"
    permission = MARK
    header_icon = "tick"

    def get_page_title(self):
        return _("Attendance: %(training)s") % {"training": self.training.title}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sessions"] = session_rows(self.training, self.source)
        return context


def checkin_form(data=None) -> CheckinForm:
    """The check-in desk's field; the list, not this field, takes the focus here."""
    form = CheckinForm(data)
    form.fields["query"].widget.attrs.pop("autofocus", None)
    return form


class SessionAttendanceView(TrainingMixin, TrainingStaffView):
    """Every enrolled person with a radio group of marks and a note; "Mark
    everyone present" saves present for all left unmarked; a code or a name
    marks one person present."""

    template_name = "trainings/admin/training_session.html"
    permission = MARK
    header_icon = "tick"

    def prepare(self, request, **kwargs):
        response = super().prepare(request, **kwargs)
        if response is not None:
            return response
        session = (
            TrainingSession.objects.filter(
                pk=kwargs["session_id"], page__translation_key=self.page.translation_key
            )
            .select_related("page")
            .first()
        )
        try:
            self.session = source_session(session) if session is not None else None
        except AttendanceError:
            self.session = None
        if self.session is None:
            messages.error(request, _("There is no such session of this training."))
            return redirect(url("attendance", self.page.pk))
        sessions = list(self.source.sessions.order_by("sort_order", "pk"))
        self.number = next(n for n, s in enumerate(sessions, 1) if s.pk == self.session.pk)
        shown = TrainingSession.objects.filter(page=self.training, key=self.session.key).first()
        self.topic = (shown or self.session).topic
        self.topic_lang = (shown.page if shown else self.source).locale.language_code
        return None

    result = None  # {"kind": "status" or "alert", "message": ...}: the answer to a POST

    def session_title(self):
        return _("Session %(number)s: %(training)s") % {
            "number": self.number,
            "training": self.training.title,
        }

    def get_page_title(self):
        """The answer first, as the check-in desk does: it is what a screen
        reader says first when the page comes back."""
        if self.result:
            return f"{self.result['message']} — {self.session_title()}"
        return self.session_title()

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": url("index"), "label": _("Trainings")},
            {"url": url("training", self.page.pk), "label": self.training.title},
            {"url": "", "label": self.session_title()},
        ]

    @cached_property
    def registrations(self):
        return list(
            (attendable(self.source) & Registration.objects.visible_to(self.request.user))
            .select_related("person")
            .order_by("person__name_key", "pk")
        )

    def marks(self):
        return {
            record.registration_id: record
            for record in SessionAttendance.objects.filter(
                session=self.session, registration__in=self.registrations
            )
        }

    def form(self, data=None):
        return AttendanceForm(data, registrations=self.registrations, marks=self.marks())

    def here(self):
        return url("session", self.page.pk, self.session.pk)

    def answer(self, kind, message, **context):
        self.result = {"kind": kind, "message": message}
        return self.render_to_response(self.get_context_data(**context))

    def post(self, request, *args, **kwargs):
        if "query" in request.POST or "registration" in request.POST:
            return self.check_in(request)
        form = self.form(request.POST)
        if not form.is_valid():
            return self.answer(
                "alert", _("The attendance was not saved: see the errors below."), form=form
            )
        everyone = request.POST.get("action") == "everyone-present"
        try:
            counts = attendance_mark_many(
                session=self.session, marks=form.marks(everyone_present=everyone), by=request.user
            )
        except AttendanceError as error:
            return self.answer("alert", error.message, form=form)
        return self.answer(
            "status",
            _("Attendance saved: %(new)s new, %(changed)s changed, %(same)s unchanged.")
            % {"new": counts["created"], "changed": counts["changed"], "same": counts["unchanged"]},
        )

    def check_in(self, request):
        """A code marks its person present; a name lists the matches, each
        with a button. The field has the focus again for the next one."""
        self.checking_in = True
        chosen = request.POST.get("registration", "")
        by_pk = {registration.pk: registration for registration in self.registrations}
        if chosen:
            registration = by_pk.get(int(chosen)) if chosen.isdigit() else None
            return self.mark_present(registration)
        checkin = checkin_form(request.POST)
        if not checkin.is_valid():
            return self.answer("alert", " ".join(checkin.errors["query"]), checkin_form=checkin)
        text = checkin.cleaned_data["query"]
        candidates = code_candidates(text)
        if candidates:
            found = [r for r in self.registrations if r.code in candidates]
            if found:
                return self.mark_present(found[0])
        folded = " ".join(text.split()).casefold()
        matches = []
        if sum(ch.isalpha() for ch in folded) >= 2 and not any(
            ch.isdigit() for ch in normalise_code(text)
        ):
            matches = [r for r in self.registrations if folded in r.person.name_key]
        if not matches:
            return self.answer(
                "alert",
                _("Nobody enrolled in this training has this code or a name with “%(text)s”.")
                % {"text": text},
            )
        return self.answer(
            "status",
            _("Enrolled people with “%(query)s” in the name: %(number)s.")
            % {"query": text, "number": len(matches)},
            matches=matches,
            query=text,
        )

    def mark_present(self, registration):
        if registration is None:
            return self.answer("alert", _("This person is not enrolled in the training."))
        try:
            attendance_mark(
                session=self.session,
                registration=registration,
                mark="present",
                by=self.request.user,
            )
        except AttendanceError as error:
            return self.answer("alert", error.message)
        return self.answer(
            "status",
            _("Marked present at session %(number)s: %(name)s.")
            % {"number": self.number, "name": registration.person.full_name},
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.form())
        if "checkin_form" not in context:
            context["checkin_form"] = checkin_form()
            if getattr(self, "checking_in", False):
                # The next code can be scanned at once.
                context["checkin_form"].fields["query"].widget.attrs["autofocus"] = True
        context.update(
            {
                "result": self.result,
                "session": self.session,
                "number": self.number,
                "topic": self.topic,
                "topic_lang": self.topic_lang,
                "when": session_when(self.session),
                "action_url": self.here(),
                "attendance_url": url("attendance", self.page.pk),
                "scoped": is_scoped(self.request.user),
                "staff_branch": staff_branch(self.request.user),
            }
        )
        return context
