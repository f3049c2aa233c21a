"""Staff screens for registrations, in the Wagtail admin: the list (of one
event or all), a registration with its actions (confirm, reject, cancel,
resend) and the exports. Who sees what: registrations.staff_common."""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView, View
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic import BaseListingView, WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from registrations import exports, notifications
from registrations.enums import RegistrationStatus as Status
from registrations.models import Registration
from registrations.services import (
    RegistrationError,
    registration_cancel,
    registration_confirm,
    registration_reject,
)
from registrations.staff_common import (
    CAN_CANCEL,
    CAN_CONFIRM,
    CAN_REJECT,
    NS,
    EventMixin,
    RegistrationObjectMixin,
    StaffPermissionMixin,
    can,
    code_candidates,
    entered_by_in_words,
    format_needs,
    is_scoped,
    needs_in_words,
    needs_summary,
    sees_disability_group,
    staff_branch,
    status_in_words,
    url,
    user_name,
    with_waitlist_rank,
)
from registrations.staff_forms import (
    ActionForm,
    RegistrationFilterSet,
    RejectForm,
    event_label,
    localised,
)

logger = logging.getLogger(__name__)


# ---------------------------------------------------------------------------
# The listing
# ---------------------------------------------------------------------------


class WordsColumn(Column):
    """A column whose text comes from a function of the registration."""

    def __init__(self, name, function, **kwargs):
        super().__init__(name, accessor=function, **kwargs)


class ActionsColumn(Column):
    cell_template_name = "registrations/admin/includes/actions_cell.html"

    def __init__(self, name, user, back_url, **kwargs):
        super().__init__(name, accessor=lambda registration: "", **kwargs)
        self.user = user
        self.back_url = back_url

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["actions"] = registration_actions(instance, self.user, self.back_url)
        return context


def registration_actions(registration, user, back_url=None) -> list[dict]:
    """The links to the actions the user can take on the registration now."""
    if not can(user, "change"):
        return []
    query = {"next": back_url} if back_url else {}
    actions = []
    if registration.status in CAN_CONFIRM:
        actions.append({"label": _("Confirm"), "url": url("confirm", registration.pk, **query)})
    if registration.status in CAN_REJECT:
        actions.append({"label": _("Reject"), "url": url("reject", registration.pk, **query)})
    if registration.status in CAN_CANCEL:
        actions.append({"label": _("Cancel"), "url": url("cancel", registration.pk, **query)})
    return actions


class RegistrationIndexView(StaffPermissionMixin, BaseListingView):
    """All the registrations the user may see, with filters and search."""

    template_name = "registrations/admin/registration_index.html"
    results_template_name = "wagtailadmin/generic/listing_results.html"
    paginate_by = 50
    is_searchable = True
    default_ordering = "-created_at"
    filterset_class = RegistrationFilterSet
    header_icon = "group"
    page_title = gettext_lazy("Registrations")
    verbose_name = gettext_lazy("registration")
    verbose_name_plural = gettext_lazy("registrations")
    index_url_name = f"{NS}:index"
    index_results_url_name = f"{NS}:index_results"
    event = None

    def get_search_form(self):
        form = super().get_search_form()
        if form is not None:
            form.fields["q"].label = _("Search by name, code, phone or e-mail")
            form.fields["q"].widget.attrs["placeholder"] = _("Name, code, phone or e-mail")
        return form

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        text = self.search_query
        query = Q(person__name_key__contains=" ".join(text.split()).casefold())
        codes = code_candidates(text)
        if codes:
            query |= Q(code__in=codes)
        if "@" in text:
            query |= Q(person__email__iexact=text.strip())
        digits = "".join(ch for ch in text if ch.isdigit())
        if len(digits) >= 4:
            # Phones are kept as +7 and ten digits; "8 701 ..." is the same number.
            query |= Q(person__phone__contains=digits[-10:])
        return queryset.filter(query)

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "fixed_event": self.event}

    def get_base_queryset(self):
        registrations = Registration.objects.visible_to(self.request.user)
        if self.event is not None:
            registrations = registrations.for_event(self.event)
        return with_waitlist_rank(
            registrations.select_related("person", "person__branch", "event", "entered_by")
        )

    @cached_property
    def columns(self):
        user = self.request.user
        columns = [
            TitleColumn(
                "code",
                label=_("Code"),
                accessor="display_code",
                get_url=lambda r: url("detail", r.pk),
                sort_key="code",
            ),
            Column(
                "name", label=_("Name"), accessor="person.full_name", sort_key="person__name_key"
            ),
        ]
        if self.event is None:
            columns.append(
                TitleColumn(
                    "event",
                    label=_("Event"),
                    accessor="event.title",
                    get_url=lambda r: url("event", r.event_id),
                    sort_key="event__start",
                )
            )
        columns += [
            WordsColumn("status", status_in_words, label=_("Status"), sort_key="status"),
            Column("places", label=_("Places")),
            WordsColumn("needs", needs_in_words, label=_("Needs")),
        ]
        if sees_disability_group(user):
            columns.append(
                Column(
                    "disability_group",
                    label=_("Disability group"),
                    accessor="get_disability_group_display",
                )
            )
        columns += [
            WordsColumn("entered_by", entered_by_in_words, label=_("Entered by")),
            Column(
                "created_at",
                label=_("Registered"),
                accessor=lambda r: date_format(timezone.localtime(r.created_at), "d.m.Y H:i"),
                sort_key="created_at",
            ),
            ActionsColumn("actions", user, self.back_url(), label=_("Actions")),
        ]
        return columns

    def back_url(self) -> str:
        """The listing as the user sees it (filters, page), to come back to
        after an action; never the results-only address the filters fetch."""
        query = self.request.GET.copy()
        query.pop("_w_filter_fragment", None)
        return self.index_url + (f"?{query.urlencode()}" if query else "")

    def get_table_kwargs(self):
        return {**super().get_table_kwargs(), "caption": self.get_page_title()}

    def get_header_buttons(self):
        buttons = []
        if can(self.request.user, "add"):
            query = {"event": self.event.pk} if self.event else {}
            buttons.append(
                HeaderButton(_("Register someone by phone"), url("add", **query), icon_name="plus")
            )
        if self.event is None and can(self.request.user, "change"):
            buttons.append(HeaderButton(_("Check-in"), url("checkin_choose"), icon_name="tick"))
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["scoped"] = is_scoped(self.request.user)
        context["staff_branch"] = localised(staff_branch(self.request.user))
        return context


class EventRegistrationsView(EventMixin, RegistrationIndexView):
    """One event's registrations, its needs summary, exports and check-in."""

    template_name = "registrations/admin/event_registrations.html"

    def get_page_title(self):
        return _("Registrations: %(event)s") % {"event": self.event.title}

    def get_index_url(self):
        return url("event", self.event.pk)

    def get_index_results_url(self):
        return url("event_results", self.event.pk)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": url("index"), "label": _("Registrations")},
            {"url": "", "label": self.event.title},
        ]

    def get_header_buttons(self):
        buttons = super().get_header_buttons()
        if can(self.request.user, "change"):
            buttons.append(
                HeaderButton(_("Check-in"), url("checkin", self.event.pk), icon_name="tick")
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registrations = Registration.objects.visible_to(self.request.user).for_event(self.event)
        context["event"] = self.event
        context["event_when"] = event_label(self.event)
        context["needs"] = needs_summary(registrations)
        context["format_needs"] = format_needs(context["needs"], self.event)
        context["csv_url"] = url("export_csv", self.event.pk)
        context["xlsx_url"] = url("export_xlsx", self.event.pk)
        context["checkin_url"] = url("checkin", self.event.pk)
        context["can_change"] = can(self.request.user, "change")
        return context


# ---------------------------------------------------------------------------
# One registration and its actions
# ---------------------------------------------------------------------------


def history(registration) -> list[dict]:
    entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Registration),
        object_id=str(registration.pk),
    ).select_related("user")
    items = []
    for entry in entries.order_by("timestamp", "pk"):
        try:
            label = log_registry.get_action_label(entry.action)
        except KeyError:
            label = entry.action
        reason = (entry.data or {}).get("reason", "")
        items.append(
            {
                "label": label,
                "when": timezone.localtime(entry.timestamp),
                "user": user_name(entry.user) if entry.user else _("the person or the system"),
                "reason": reason,
            }
        )
    return items


def answers_in_words(registration) -> list[tuple[str, str]]:
    labels = {question.key: question.label for question in registration.event.questions.all()}
    return [
        (labels.get(key, key), exports.answer_text(value))
        for key, value in (registration.answers or {}).items()
    ]


class RegistrationDetailView(RegistrationObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "registrations/admin/registration_detail.html"
    header_icon = "user"

    def get_page_title(self):
        return _("Registration %(code)s: %(name)s") % {
            "code": self.registration.display_code,
            "name": self.registration.person.full_name,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registration = self.registration
        user = self.request.user
        can_change = can(user, "change")
        context.update(
            {
                "event": localised(registration.event),
                "event_url": url("event", registration.event_id),
                "show_disability_group": sees_disability_group(user),
                "answers": answers_in_words(registration),
                "history": history(registration),
                "can_confirm": can_change and registration.status in CAN_CONFIRM,
                "can_reject": can_change and registration.status in CAN_REJECT,
                "can_cancel": can_change and registration.status in CAN_CANCEL,
                "can_resend": can_change
                and bool(registration.person.email)
                and registration.status in {Status.CONFIRMED, Status.WAITLISTED, Status.PENDING},
                "confirm_url": url("confirm", registration.pk),
                "reject_url": url("reject", registration.pk),
                "cancel_url": url("cancel", registration.pk),
                "resend_url": url("resend", registration.pk),
                "print_url": url("print", registration.pk),
            }
        )
        return context


class RegistrationActionView(RegistrationObjectMixin, WagtailAdminTemplateMixin, FormView):
    """GET: a small page asking to confirm; POST: the engine does it, a message says how it went."""

    permission = "change"
    template_name = "registrations/admin/registration_action.html"
    form_class = ActionForm
    header_icon = "user"
    question = ""
    button_label = ""
    destructive = False

    def perform(self, form) -> str:
        raise NotImplementedError

    def get_page_title(self):
        return self.title % {"name": self.registration.person.full_name}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": url("index"), "label": _("Registrations")},
            {"url": url("detail", self.registration.pk), "label": self.registration.display_code},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_success_url(self):
        return get_valid_next_url_from_request(self.request) or url("detail", self.registration.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "question": self.question,
                "button_label": self.button_label,
                "destructive": self.destructive,
                "next": get_valid_next_url_from_request(self.request),
                "back_url": self.get_success_url(),
            }
        )
        return context

    def form_valid(self, form):
        try:
            message = self.perform(form)
        except RegistrationError as error:
            messages.error(
                self.request,
                _("Not done: %(reason)s") % {"reason": error.message},
            )
        else:
            messages.success(self.request, message)
        return redirect(self.get_success_url())


class ConfirmView(RegistrationActionView):
    title = gettext_lazy("Confirm the registration of %(name)s")
    question = gettext_lazy(
        "The person gets a place if one is free, otherwise a place on the waiting list."
    )
    button_label = gettext_lazy("Confirm")

    def perform(self, form):
        registration = registration_confirm(registration=self.registration, by=self.request.user)
        if registration.status == Status.WAITLISTED:
            return _(
                "Confirmed, but there is no free place: %(name)s is on the waiting list, "
                "number %(rank)s."
            ) % {"name": registration.person.full_name, "rank": registration.waitlist_rank}
        return _("Confirmed: %(name)s has a place.") % {"name": registration.person.full_name}


class RejectView(RegistrationActionView):
    title = gettext_lazy("Reject the registration of %(name)s")
    question = gettext_lazy("The person is told the reason.")
    button_label = gettext_lazy("Reject")
    destructive = True

    form_class = RejectForm

    def perform(self, form):
        registration_reject(
            registration=self.registration, by=self.request.user, reason=form.cleaned_data["reason"]
        )
        return _("Rejected: the registration of %(name)s.") % {
            "name": self.registration.person.full_name
        }


class CancelView(RegistrationActionView):
    title = gettext_lazy("Cancel the registration of %(name)s")
    question = gettext_lazy(
        "The place is freed and given to the first people on the waiting list who fit."
    )
    button_label = gettext_lazy("Cancel the registration")
    destructive = True

    def perform(self, form):
        promoted = registration_cancel(registration=self.registration, by=self.request.user)
        message = _("Cancelled: the registration of %(name)s.") % {
            "name": self.registration.person.full_name
        }
        if promoted:
            names = ", ".join(r.person.full_name for r in promoted)
            message += " " + ngettext(
                "Moved from the waiting list to a place: %(names)s.",
                "Moved from the waiting list to places: %(names)s.",
                len(promoted),
            ) % {"names": names}
        return message


class ResendView(RegistrationActionView):
    title = gettext_lazy("Send the confirmation to %(name)s again")
    question = gettext_lazy("The person gets the message with their code again.")
    button_label = gettext_lazy("Send again")

    def prepare(self, request, **kwargs):
        return super().prepare(request, **kwargs)

    def perform(self, form):
        person = self.registration.person
        sent = notifications.resend_confirmation(self.registration, by=self.request.user)
        if sent is False:
            raise RegistrationError(
                _(
                    "the confirmation was not sent: %(name)s has no e-mail address. "
                    "Tell them the code by phone: %(code)s."
                )
                % {"name": person.full_name, "code": self.registration.display_code}
            )
        return _("The confirmation was sent again to %(name)s (%(email)s).") % {
            "name": person.full_name,
            "email": person.email,
        }


# ---------------------------------------------------------------------------
# Exports
# ---------------------------------------------------------------------------


class ExportView(EventMixin, StaffPermissionMixin, View):
    extension = "csv"

    def get(self, request, *args, **kwargs):
        event = self.event
        export = exports.Export(
            event,
            with_waitlist_rank(Registration.objects.visible_to(request.user).for_event(event)),
            with_disability_group=sees_disability_group(request.user),
        )
        if self.extension == "xlsx":
            return exports.xlsx_response(export)
        return exports.csv_response(export)
