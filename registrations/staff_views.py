"""Staff screens for registrations, in the Wagtail admin: the list (of one
event or all), a registration with its actions (confirm, reject, cancel,
resend), assisted registration by phone, the needs summary, exports and the
check-in desk.

Who sees what:
- `registrations.view_registration` opens the screens and exports; `change_registration`
  confirms, rejects, cancels, resends and checks in; `add_registration`
  registers someone by phone. Superusers have them all.
- Without `registrations.view_all_branches` a user sees only the registrations of
  people of their own branch (StaffProfile), and none without a profile; a
  registration outside that scope is "not found" (404) everywhere.
- The disability group only with `registrations.view_disability_group`.
"""

import datetime
import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateformat import format as date_format
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView, View
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic import BaseListingView, WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import registry as log_registry
from wagtail.models import Locale, ModelLogEntry

from core.admin_views import PermissionFirstMixin
from events.models import EventPage
from events.windows import registration_window
from people.enums import MaterialFormat
from people.services import person_find_or_create
from registrations import exports, notifications
from registrations.enums import RegistrationStatus as Status
from registrations.models import CODE_ALPHABET, CODE_LENGTH, Registration, normalise_code
from registrations.services import (
    RegistrationError,
    registration_attend,
    registration_cancel,
    registration_confirm,
    registration_create,
    registration_reject,
)
from registrations.staff_forms import (
    ActionForm,
    AssistedRegistrationForm,
    CheckinForm,
    EventChoiceForm,
    RegistrationFilterSet,
    RejectForm,
    event_label,
    in_admin_language,
    localised,
    open_events,
)

logger = logging.getLogger(__name__)

NS = "event_registrations"
# Statuses counted as "coming" in the needs summary.
COMING = (Status.CONFIRMED, Status.ATTENDED, Status.PENDING)
# Which actions each status allows (the engine decides; this hides buttons).
CAN_CONFIRM = {Status.PENDING}
CAN_REJECT = {Status.PENDING, Status.WAITLISTED}
CAN_CANCEL = {Status.PENDING, Status.CONFIRMED, Status.WAITLISTED}


def url(name, *args, **query):
    address = reverse(f"{NS}:{name}", args=args)
    return f"{address}?{urlencode(query)}" if query else address


# ---------------------------------------------------------------------------
# Permissions and scope
# ---------------------------------------------------------------------------


def can(user, action: str) -> bool:
    """action: view, change or add (a registration)."""
    return user.has_perm(f"registrations.{action}_registration")


def sees_disability_group(user) -> bool:
    return user.has_perm("registrations.view_disability_group")


def staff_branch(user):
    profile = getattr(user, "staff_profile", None)
    return profile.branch if profile is not None else None


def is_scoped(user) -> bool:
    return not user.has_perm("registrations.view_all_branches")


def scoped_registrations(user):
    """The registrations the user may see: all, or those of people of their
    branch and those for events their branch organises (any language's copy of
    the branch): people who register themselves and name no library are seen
    by the organisers."""
    registrations = Registration.objects.all()
    if not is_scoped(user):
        return registrations
    branch = staff_branch(user)
    if branch is None:
        return registrations.none()
    return registrations.filter(
        Q(person__branch__translation_key=branch.translation_key)
        | Q(event__organiser__translation_key=branch.translation_key)
    )


def of_event(registrations, event):
    """Registrations of the event, whichever language's page they were made on."""
    return registrations.filter(event__translation_key=event.translation_key)


def with_waitlist_rank(registrations):
    """Annotate waitlist_rank_value: 1 for the first person waiting, without a query a row."""
    waiting_before = (
        Registration.objects.filter(
            event_id=OuterRef("event_id"),
            status=Status.WAITLISTED,
            waitlist_position__lt=OuterRef("waitlist_position"),
        )
        .order_by()
        .values("event_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return registrations.annotate(
        waitlist_rank_value=Coalesce(
            Subquery(waiting_before, output_field=IntegerField()), Value(0)
        )
        + 1
    )


def not_found(request, message=None):
    """Back to the list, saying why. (Not a 404: under /admin/ Django's
    LocaleMiddleware turns a 404 into a redirect to /<lang>/admin/....)"""
    messages.error(request, message or _("There is no such registration among those you can see."))
    return redirect(url("index"))


def event_or_none(event_id):
    event = EventPage.objects.filter(pk=event_id).first()
    return localised(event) if event is not None else None


class StaffPermissionMixin(PermissionFirstMixin):
    """Checks the registrations permission before anything else runs."""

    def has_permission(self, user) -> bool:
        return can(user, self.permission)


class EventMixin:
    """The event of the URL (in the admin's language, if translated)."""

    def prepare(self, request, **kwargs):
        self.event = event_or_none(kwargs["event_id"])
        if self.event is None:
            return not_found(request, _("There is no such event."))
        return super().prepare(request, **kwargs)


class RegistrationObjectMixin(StaffPermissionMixin):
    """A registration of the URL, found only within the user's scope."""

    def get_breadcrumbs_items(self):
        event = localised(self.registration.event)
        return self.breadcrumbs_items + [
            {"url": url("index"), "label": _("Registrations")},
            {"url": url("event", event.pk), "label": event.title},
            {"url": "", "label": self.registration.display_code},
        ]

    def prepare(self, request, **kwargs):
        self.registration = (
            scoped_registrations(request.user)
            .select_related("person", "person__branch", "event", "entered_by")
            .filter(pk=kwargs["pk"])
            .first()
        )
        if self.registration is None:
            return not_found(request)
        return super().prepare(request, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["registration"] = self.registration
        context["summary"] = describe(self.registration)
        context["detail_url"] = url("detail", self.registration.pk)
        return context


# ---------------------------------------------------------------------------
# Registrations in words
# ---------------------------------------------------------------------------


def status_in_words(registration) -> str:
    if registration.status == Status.WAITLISTED:
        rank = getattr(registration, "waitlist_rank_value", None) or registration.waitlist_rank
        return _("On the waiting list, number %(rank)s") % {"rank": rank}
    if registration.status == Status.ATTENDED and registration.checked_in_at:
        return _("Attended (checked in at %(time)s)") % {"time": clock(registration.checked_in_at)}
    return str(registration.get_status_display())


def status_explained(registration) -> str:
    """A sentence to say on the phone."""
    return {
        Status.CONFIRMED: _("Confirmed: there is a place for the person."),
        Status.PENDING: _("Waiting for approval: staff will confirm or reject it."),
        Status.WAITLISTED: _(
            "On the waiting list, number %(rank)s: there is no free place yet; the person "
            "gets a place when someone cancels."
        )
        % {"rank": registration.waitlist_rank},
        Status.CANCELLED: _("Cancelled."),
        Status.REJECTED: _("Not accepted."),
        Status.ATTENDED: _("The person has come (checked in)."),
    }.get(registration.status, registration.get_status_display())


def needs_in_words(registration) -> str:
    needs = []
    if registration.escort_name:
        needs.append(_("escort: %(name)s") % {"name": registration.escort_name})
    if registration.guide_dog:
        needs.append(_("guide dog"))
    if registration.material_format and registration.material_format != MaterialFormat.REGULAR:
        needs.append(
            _("materials: %(format)s") % {"format": registration.get_material_format_display()}
        )
    if registration.seating_needs:
        needs.append(_("seating: %(needs)s") % {"needs": registration.seating_needs})
    if registration.other_needs:
        needs.append(_("other needs (see the registration)"))
    if not needs:
        return _("none stated")
    text = ", ".join(str(need) for need in needs)
    return text[:1].upper() + text[1:]


def entered_by_in_words(registration) -> str:
    user = registration.entered_by
    if user is None:
        if registration.entered_by_id:
            return _("Staff (account removed)")
        return _("The person themself")
    return _("Staff: %(name)s") % {"name": user_name(user)}


def user_name(user) -> str:
    return user.get_full_name().strip() or user.get_username()


def clock(moment) -> str:
    return date_format(timezone.localtime(moment), "H:i")


def describe(registration) -> dict:
    return {
        "status": status_in_words(registration),
        "needs": needs_in_words(registration),
        "entered_by": entered_by_in_words(registration),
    }


def spell(code: str) -> list[str]:
    """Each character of the code as said aloud: "Latin letter A", "digit 7"."""
    spelled = []
    for character in code:
        if character.isdigit():
            spelled.append(_("digit %(digit)s") % {"digit": character})
        else:
            spelled.append(_("Latin letter %(letter)s") % {"letter": character})
    return spelled


def needs_summary(registrations) -> dict:
    """Counts for planning: those coming (confirmed, attended, awaiting approval)
    and, separately, the waiting list."""

    def counts(queryset):
        aggregates = {
            "people": Count("pk"),
            "escorts": Count("pk", filter=~Q(escort_name="")),
            "guide_dogs": Count("pk", filter=Q(guide_dog=True)),
            "seating": Count("pk", filter=~Q(seating_needs="")),
            "other": Count("pk", filter=~Q(other_needs="")),
        }
        for value, _label in MaterialFormat.choices:
            aggregates[f"format_{value}"] = Count("pk", filter=Q(material_format=value))
        result = queryset.aggregate(**aggregates)
        result["places"] = result["people"] + result["escorts"]
        return result

    coming = counts(registrations.filter(status__in=COMING))
    waiting = counts(registrations.filter(status=Status.WAITLISTED))
    rows = [
        (_("People"), "people"),
        (_("Places, escorts included"), "places"),
    ]
    rows += [
        (_("Materials in %(format)s") % {"format": str(label).lower()}, f"format_{value}")
        for value, label in MaterialFormat.choices
    ]
    rows += [
        (_("Escorts"), "escorts"),
        (_("Guide dogs"), "guide_dogs"),
        (_("Seating or mobility needs"), "seating"),
        (_("Other needs"), "other"),
    ]
    sentence_parts = []
    for key, singular, plural in (
        ("format_braille", "%(count)d braille programme", "%(count)d braille programmes"),
        ("format_large-print", "%(count)d in large print", "%(count)d in large print"),
        ("format_audio", "%(count)d in audio", "%(count)d in audio"),
        ("format_electronic", "%(count)d in electronic text", "%(count)d in electronic text"),
        ("escorts", "%(count)d escort", "%(count)d escorts"),
        ("guide_dogs", "%(count)d guide dog", "%(count)d guide dogs"),
    ):
        if coming[key]:
            sentence_parts.append(ngettext(singular, plural, coming[key]) % {"count": coming[key]})
    return {
        "rows": [(label, coming[key], waiting[key]) for label, key in rows],
        "coming": coming,
        "waiting": waiting,
        "sentence": ", ".join(sentence_parts),
    }


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
        registrations = scoped_registrations(self.request.user)
        if self.event is not None:
            registrations = of_event(registrations, self.event)
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
        registrations = of_event(scoped_registrations(self.request.user), self.event)
        context["event"] = self.event
        context["event_when"] = event_label(self.event)
        context["needs"] = needs_summary(registrations)
        context["csv_url"] = url("export_csv", self.event.pk)
        context["xlsx_url"] = url("export_xlsx", self.event.pk)
        context["checkin_url"] = url("checkin", self.event.pk)
        context["can_change"] = can(self.request.user, "change")
        return context


# ---------------------------------------------------------------------------
# One registration and its actions
# ---------------------------------------------------------------------------


def notify(name: str, *args) -> None:
    """Tell the person (e-mail, personal calendar) through events.notifications;
    its failure is logged, never undoes the change."""
    try:
        with transaction.atomic():
            getattr(notifications, name)(*args)
    except Exception:
        logger.exception("registrations.notifications.%s failed", name)


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
        with transaction.atomic():
            registration = registration_confirm(
                registration=self.registration, by=self.request.user
            )
            notify("registration_confirmed", registration)
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
        with transaction.atomic():
            registration = registration_reject(
                registration=self.registration,
                by=self.request.user,
                reason=form.cleaned_data["reason"],
            )
            notify("registration_rejected", registration)
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
        with transaction.atomic():
            promoted = registration_cancel(registration=self.registration, by=self.request.user)
            notify("registration_cancelled", self.registration, promoted)
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
# Assisted registration
# ---------------------------------------------------------------------------


class AssistedRegistrationView(StaffPermissionMixin, WagtailAdminTemplateMixin, FormView):
    """A librarian registers a reader on the phone: choose the event, then the form."""

    permission = "add"
    template_name = "registrations/admin/assisted_form.html"
    form_class = AssistedRegistrationForm
    header_icon = "plus"

    @cached_property
    def event(self):
        value = self.request.GET.get("event") or self.request.POST.get("event")
        if not value or not str(value).isdigit():
            return None
        event = EventPage.objects.filter(pk=value).first()
        return localised(event) if event else None

    def get_page_title(self):
        if self.event is None:
            return _("Register someone by phone")
        return _("Register someone by phone: %(event)s") % {"event": self.event.title}

    def get_breadcrumbs_items(self):
        items = [{"url": url("index"), "label": _("Registrations")}]
        if self.event is not None:
            items.append({"url": url("event", self.event.pk), "label": self.event.title})
        return self.breadcrumbs_items + items + [{"url": "", "label": _("Register by phone")}]

    def get(self, request, *args, **kwargs):
        if self.event is None:
            return self.render_to_response(
                self.get_context_data(
                    choose_event=True, event_form=EventChoiceForm(), open_events=open_events()
                )
            )
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.event is None:
            return not_found(request, _("There is no such event."))
        return super().post(request, *args, **kwargs)

    def get_form(self, form_class=None):
        if self.event is None:
            return None
        return super().get_form(form_class)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "event": self.event, "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["event"] = self.event
        if self.event is not None:
            context["event_when"] = event_label(self.event)
            context["window"] = registration_window(self.event)
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            # One transaction: a refused registration leaves no new person behind.
            with transaction.atomic():
                person = person_find_or_create(
                    full_name=data["full_name"],
                    email=data["email"],
                    phone=data["phone"],
                    date_of_birth=data["date_of_birth"],
                    district=data["district"],
                    branch=data["branch"],
                    preferred_language=data["preferred_language"],
                    preferred_format=data["material_format"],
                )
                fill_blanks(person, data)
                registration, created = registration_create(
                    event=self.event,
                    person=person,
                    consent_version=self.consent_version(),
                    entered_by=self.request.user,
                    **form.registration_fields(),
                )
                for section in form.sections:
                    section["save"](
                        registration=registration,
                        data=form.section_data(section),
                        user=self.request.user,
                    )
                if created:
                    notify("registration_created", registration)
        except RegistrationError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        if not scoped_registrations(self.request.user).filter(pk=registration.pk).exists():
            # Registered, but for a person of another branch: say so, show no more.
            messages.warning(
                self.request,
                _(
                    "Registered %(name)s, code %(code)s. The person is not of your branch, "
                    "so their registration is not shown to you."
                )
                % {"name": person.full_name, "code": registration.display_code},
            )
            return redirect(url("add", event=self.event.pk))
        query = {} if created else {"existing": 1}
        return redirect(url("created", registration.pk, **query))

    @staticmethod
    def consent_version():
        from django.conf import settings

        return settings.PRIVACY_NOTICE_VERSION


def fill_blanks(person, data):
    """A person found again keeps what we knew, and gains what we did not."""
    changed = []
    for name in ("email", "phone", "district", "date_of_birth", "branch"):
        value = data.get(name)
        if name == "email" and value:
            value = value.strip().lower()
        if value and not getattr(person, name):
            setattr(person, name, value)
            changed.append(name)
    if changed:
        person.save(update_fields=changed)


class RegistrationCreatedView(RegistrationObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    """The result of a registration by phone: the code to read aloud."""

    permission = "view"
    template_name = "registrations/admin/registration_created.html"
    header_icon = "tick"

    @cached_property
    def existing(self):
        return self.request.GET.get("existing") == "1"

    def get_page_title(self):
        values = {
            "name": self.registration.person.full_name,
            "code": self.registration.display_code,
        }
        if self.existing:
            return _("Already registered: %(name)s, code %(code)s") % values
        return _("Registered: %(name)s, code %(code)s") % values

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registration = self.registration
        context.update(
            {
                "existing": self.existing,
                "event": localised(registration.event),
                "event_when": event_label(localised(registration.event)),
                "explained": status_explained(registration),
                "spelled": spell_with_dash(registration.display_code),
                "print_url": url("print", registration.pk),
                "another_url": url("add", event=registration.event_id),
            }
        )
        return context


def spell_with_dash(display_code: str) -> list[tuple[str, str]]:
    """(character, how to say it) for each character of ABCD-EFGH."""
    return [(ch, _("dash") if ch == "-" else spell(ch)[0]) for ch in display_code]


class LargePrintView(RegistrationObjectMixin, TemplateView):
    """A plain page to print in large print and post or hand to the person, in
    the person's language (the event's page in that language, if there is one)."""

    template_name = "registrations/admin/large_print.html"

    def get(self, request, *args, **kwargs):
        language = self.registration.person.preferred_language
        with translation.override(language):
            response = super().get(request, *args, **kwargs)
            response.render()
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registration = self.registration
        event = registration.event
        locale = Locale.objects.filter(language_code=translation.get_language()).first()
        if locale is not None:
            event = event.get_translation_or_none(locale) or event
        context.update(
            {
                "language": translation.get_language(),
                "event": event,
                "start": timezone.localtime(event.start),
                "end": timezone.localtime(event.end),
                "venue": event.venue,
                "explained": status_explained(registration),
                "back_url": url("detail", registration.pk),
            }
        )
        return context


# ---------------------------------------------------------------------------
# Exports
# ---------------------------------------------------------------------------


class ExportView(EventMixin, StaffPermissionMixin, View):
    extension = "csv"

    def get(self, request, *args, **kwargs):
        event = self.event
        export = exports.Export(
            event,
            with_waitlist_rank(of_event(scoped_registrations(request.user), event)),
            with_disability_group=sees_disability_group(request.user),
        )
        if self.extension == "xlsx":
            return exports.xlsx_response(export)
        return exports.csv_response(export)


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
        return of_event(scoped_registrations(self.request.user), self.event).select_related(
            "person", "event"
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
            scoped_registrations(self.request.user)
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


# A scanner (or a librarian) typing with the Russian or Kazakh keyboard layout
# on gives, for each Latin letter, the Cyrillic letter of the same key (A → Ф);
# and a code read off paper may be typed with Cyrillic look-alikes (А for A).
KEYBOARD_LAYOUT = str.maketrans("ЙЦУКЕНГШЩЗФЫВАПРОЛДЯЧСМИТЬ", "QWERTYUIOPASDFGHJKLZXCVBNM")
LOOK_ALIKES = str.maketrans("АВСЕНКМОРТХУ", "ABCEHKMOPTXY")


def code_candidates(text: str) -> list[str]:
    """The registration codes the typed text can mean: as typed (any case,
    spaces, dashes), or typed with a Cyrillic layout on, or with look-alikes."""
    typed = normalise_code(text)
    candidates = []
    for code in (typed, typed.translate(KEYBOARD_LAYOUT), typed.translate(LOOK_ALIKES)):
        valid = len(code) == CODE_LENGTH and all(ch in CODE_ALPHABET for ch in code)
        if valid and code not in candidates:
            candidates.append(code)
    return candidates


def problem(message, *, detail="", registration=None) -> dict:
    return {"kind": "alert", "message": message, "detail": detail, "registration": registration}
