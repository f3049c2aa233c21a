"""The check-in desk: choose the event, then check people in by code
(typed or scanned) or by name."""

import datetime
import logging

from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from events.models import EventPage
from registrations.enums import RegistrationStatus as Status
from registrations.models import Registration, normalise_code
from registrations.services import (
    RegistrationError,
    registration_attend,
)
from registrations.staff_common import (
    EventMixin,
    StaffPermissionMixin,
    clock,
    code_candidates,
    is_scoped,
    needs_in_words,
    status_in_words,
    url,
)
from registrations.staff_forms import (
    CheckinForm,
    event_label,
    in_admin_language,
    localised,
)

logger = logging.getLogger(__name__)


# ---------------------------------------------------------------------------
# Check-in
# ---------------------------------------------------------------------------


class CheckinChooseView(StaffPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """Which event to check people in for: today's first."""

    permission = "change"
    template_name = "registrations/admin/checkin_choose.html"
    header_icon = "tick"
    page_title = gettext_lazy("Check-in: choose the event")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": url("index"), "label": _("Registrations")},
            {"url": "", "label": _("Check-in")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        today = timezone.localdate()
        events = in_admin_language(
            EventPage.objects.filter(
                end__gte=now - datetime.timedelta(days=7),
                start__lte=now + datetime.timedelta(days=30),
            ).order_by("start", "pk")
        )
        groups = {"today": [], "coming": [], "past": []}
        for event in events:
            if timezone.localdate(event.start) <= today <= timezone.localdate(event.end):
                group = "today"
            elif event.start > now:
                group = "coming"
            else:
                group = "past"
            groups[group].append(
                {"event": event, "label": event_label(event), "url": url("checkin", event.pk)}
            )
        context["groups"] = [
            (_("Today"), groups["today"]),
            (_("Coming days"), groups["coming"]),
            (_("Last week"), list(reversed(groups["past"]))),
        ]
        return context


class CheckinView(EventMixin, StaffPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """One field: a scanned or typed code checks the person in; a name lists matches."""

    permission = "change"
    template_name = "registrations/admin/checkin.html"
    header_icon = "tick"
    result = None

    @cached_property
    def registrations(self):
        return (
            Registration.objects.visible_to(self.request.user)
            .for_event(self.event)
            .select_related("person", "event")
        )

    def get_page_title(self):
        return _("Check-in: %(event)s") % {"event": self.event.title}

    def get_header_title(self):
        title = self.get_page_title()
        if self.result:
            return f"{self.result['message']} — {title}"
        return title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": url("event", self.event.pk), "label": self.event.title},
            {"url": "", "label": _("Check-in")},
        ]

    def post(self, request, *args, **kwargs):
        form = CheckinForm(request.POST)
        chosen = request.POST.get("registration")
        if chosen:
            registration = self.registrations.filter(
                pk=chosen if chosen.isdigit() else None
            ).first()
            if registration is None:
                self.result = problem(_("No registration with this code for this event."))
            else:
                self.result = self.check_in(registration)
            form = CheckinForm()
        elif form.is_valid():
            self.result = self.lookup(form.cleaned_data["query"])
            form = CheckinForm()
        return self.render_to_response(self.get_context_data(form=form))

    def lookup(self, text: str) -> dict:
        candidates = code_candidates(text)
        if candidates:
            registration = self.registrations.filter(code__in=candidates).first()
            if registration is not None:
                return self.check_in(registration)
        typed = normalise_code(text)
        # Digits, or a code in Latin letters: the person meant a code, not a name.
        meant_a_code = any(ch.isdigit() for ch in typed) or typed in candidates
        matches = self.by_name(text)
        if matches:
            return self.name_results(text, matches)
        if meant_a_code:
            return self.unknown_code(candidates or [typed])
        if matches is not None:
            return problem(
                _("No registration for this event has a name with “%(text)s”.") % {"text": text}
            )
        return problem(
            _("Type the code from the registration, or at least two letters of the name.")
        )

    def by_name(self, text: str):
        folded = " ".join(text.split()).casefold()
        if sum(ch.isalpha() for ch in folded) < 2:
            return None
        return list(
            self.registrations.filter(person__name_key__contains=folded).order_by(
                "person__name_key", "pk"
            )[:30]
        )

    def unknown_code(self, codes: list[str]) -> dict:
        message = _("No registration with this code for this event.")
        elsewhere = (
            Registration.objects.visible_to(self.request.user)
            .filter(code__in=codes)
            .exclude(event__translation_key=self.event.translation_key)
            .select_related("event")
            .first()
        )
        detail = ""
        if elsewhere is not None:
            other = localised(elsewhere.event)
            detail = _("This code is for another event: %(event)s.") % {"event": event_label(other)}
        return problem(message, detail=detail)

    def name_results(self, text, matches) -> dict:
        message = ngettext(
            "%(count)d registration matches “%(text)s”.",
            "%(count)d registrations match “%(text)s”.",
            len(matches),
        ) % {"count": len(matches), "text": text}
        return {
            "kind": "status",
            "message": message,
            "matches": [
                {
                    "registration": r,
                    "status": status_in_words(r),
                    "can_check_in": r.status == Status.CONFIRMED,
                    "needs": needs_in_words(r),
                }
                for r in matches
            ],
        }

    def check_in(self, registration) -> dict:
        name = registration.person.full_name
        if registration.status == Status.ATTENDED:
            return problem(
                _("Already checked in at %(time)s: %(name)s.")
                % {"time": clock(registration.checked_in_at), "name": name},
                registration=registration,
            )
        if registration.status == Status.WAITLISTED:
            return problem(
                _("On the waiting list — not checked in: %(name)s.") % {"name": name},
                registration=registration,
            )
        if registration.status == Status.PENDING:
            return problem(
                _("Waiting for approval — not checked in: %(name)s.") % {"name": name},
                registration=registration,
            )
        if registration.status == Status.CANCELLED:
            return problem(
                _("Cancelled registration — not checked in: %(name)s.") % {"name": name},
                registration=registration,
            )
        if registration.status == Status.REJECTED:
            return problem(
                _("Registration not accepted — not checked in: %(name)s.") % {"name": name},
                registration=registration,
            )
        try:
            registration = registration_attend(registration=registration, by=self.request.user)
        except RegistrationError as error:
            return problem(error.message, registration=registration)
        return {
            "kind": "status",
            "message": _("Checked in: %(name)s, %(time)s")
            % {"name": name, "time": clock(registration.checked_in_at)},
            "registration": registration,
            "needs": needs_in_words(registration),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", CheckinForm())
        holding = self.registrations.filter(status__in=Status.holding_a_place())
        today = timezone.localdate()
        context.update(
            {
                "event": self.event,
                "event_when": event_label(self.event),
                "not_today": not (
                    timezone.localdate(self.event.start)
                    <= today
                    <= timezone.localdate(self.event.end)
                ),
                "result": self.result,
                "checked_in": holding.filter(status=Status.ATTENDED).count(),
                "expected": holding.count(),
                "scoped": is_scoped(self.request.user),
                "action_url": url("checkin", self.event.pk),
                "event_url": url("event", self.event.pk),
            }
        )
        return context


def problem(message, *, detail="", registration=None) -> dict:
    return {"kind": "alert", "message": message, "detail": detail, "registration": registration}
