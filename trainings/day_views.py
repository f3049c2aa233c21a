"""Staff screens of the Methodologists' Days, in the Wagtail admin (URLs in
day_hooks): a year's series, a Day's resolutions and minutes, the list of
all resolutions, one's own assignments and marking one done.

Who may do what (Settings → Groups):
- `trainings.view_resolution`: a Day's screen, the list of all resolutions,
  the staff minutes;
- `trainings.add_resolution`: record a resolution;
- `trainings.change_resolution` (the methodology department): correct,
  reopen, mark anyone's done, and plan a year's series (with the right to
  add pages under the trainings list);
- every admin user: their own assignments (theirs, or their branch's) and
  marking them done. A resolution they may not close is "not found" (404).
Superusers have them all. A missing permission is a 403 page naming it.
"""

import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Locale

from core import dates
from core.admin_views import PermissionFirstMixin, log_entries
from trainings import days, minutes
from trainings.day_forms import (
    DoneForm,
    ReopenForm,
    ResolutionFilterForm,
    ResolutionForm,
    SeriesDatesForm,
    SeriesYearForm,
    in_admin_language,
    user_label,
)
from trainings.enums import ResolutionStatus
from trainings.models import MethodologistsDayPage, Resolution, TrainingIndexPage

NS = "trainings_days"
PAGE_SIZE = 50


def url(name, *args):
    return reverse(f"{NS}:{name}", args=args)


PERMISSION_DENIED = {
    "view": gettext_lazy(
        "Seeing the resolutions of Methodologists' Days needs the permission “Can view resolution”."
    ),
    "add": gettext_lazy("Recording resolutions needs the permission “Can add resolution”."),
    "change": gettext_lazy(
        "This is the methodology department's work: it needs the permission "
        "“Can change resolution”."
    ),
    "own": gettext_lazy("Only staff can see their assignments."),
}


def can(user, action: str) -> bool:
    """action: view, add or change (a resolution); own: one's assignments."""
    if action == "own":
        return user.is_active
    return user.has_perm(f"trainings.{action}_resolution")


def default_index() -> TrainingIndexPage | None:
    return TrainingIndexPage.objects.filter(locale=Locale.get_default()).first()


# ---------------------------------------------------------------------------
# Resolutions in words


def due_in_words(resolution: Resolution, today: datetime.date | None = None) -> str:
    today = today or timezone.localdate()
    if resolution.status == ResolutionStatus.DONE:
        if resolution.done_at:
            return _("Done on %(date)s.") % {"date": dates.format_date(resolution.done_at)}
        return _("Done.")
    if resolution.due_date is None:
        return _("Open, no due date.")
    if resolution.due_date < today:
        return _("Overdue: it was due on %(date)s.") % {
            "date": dates.format_date(resolution.due_date)
        }
    if resolution.due_date == today:
        return _("Due today.")
    return _("Due on %(date)s.") % {"date": dates.format_date(resolution.due_date)}


def _language_if_other(obj, active: str | None = None) -> str:
    """The object's language code if it is not the admin's (`active`), for lang=""."""
    code = obj.locale.language_code
    active = active or Locale.get_active().language_code
    return code if code != active else ""


def describe(resolutions, user, *, with_day=True) -> list[dict]:
    """Rows for the templates: the resolution in words and the actions the
    user can take on it. `resolutions` have their day, assignees selected."""
    resolutions = list(resolutions)
    active = Locale.get_active().language_code
    department = can(user, "change")
    viewer = can(user, "view")
    mine = set(
        Resolution.objects.assigned_to(user)
        .filter(pk__in=[r.pk for r in resolutions])
        .values_list("pk", flat=True)
    )
    branches = [r.assignee_branch for r in resolutions if r.assignee_branch is not None]
    shown_branch = dict(zip(branches, in_admin_language(branches), strict=True))
    day_pages = list({r.day for r in resolutions})
    shown_day = dict(zip(day_pages, in_admin_language(day_pages), strict=True))
    rows = []
    for resolution in resolutions:
        assignees = []
        if resolution.assignee_branch is not None:
            branch = shown_branch[resolution.assignee_branch]
            assignees.append({"name": branch.name, "lang": _language_if_other(branch, active)})
        if resolution.assignee_user is not None:
            assignees.append({"name": user_label(resolution.assignee_user), "lang": ""})
        day = shown_day[resolution.day]
        actions = []
        is_open = resolution.status == ResolutionStatus.OPEN
        if is_open and (department or resolution.pk in mine):
            actions.append({"label": _("Mark done…"), "url": url("done", resolution.pk)})
        if department:
            actions.append({"label": _("Edit"), "url": url("edit", resolution.pk)})
            if not is_open:
                actions.append({"label": _("Open again…"), "url": url("reopen", resolution.pk)})
        rows.append(
            {
                "resolution": resolution,
                "number": resolution.number,
                "text": resolution.text,
                "text_lang": _language_if_other(resolution.day, active),
                "day": day.title if with_day else "",
                "day_lang": _language_if_other(day, active),
                "day_url": url("day", resolution.day_id) if viewer else "",
                "assignees": assignees,
                "due": due_in_words(resolution),
                "is_overdue": resolution.is_overdue,
                "is_public": resolution.is_public,
                "actions": actions,
            }
        )
    return rows


def with_related(resolutions):
    return resolutions.select_related(
        "day", "day__locale", "assignee_branch", "assignee_branch__locale", "assignee_user"
    )


def history(resolution: Resolution) -> list[dict]:
    items = []
    for entry in log_entries(resolution):
        items.append(
            {
                "label": entry.label,
                "when": timezone.localtime(entry.timestamp).strftime("%d.%m.%Y %H:%M"),
                "user": user_label(entry.user) if entry.user else _("the system"),
                "note": (entry.data or {}).get("note") or (entry.data or {}).get("reason", ""),
            }
        )
    return items


# ---------------------------------------------------------------------------
# Base views


class StaffView(PermissionFirstMixin, WagtailAdminTemplateMixin):
    header_icon = "clipboard-list"
    permission_denied_template = "core/admin/permission_denied.html"

    def has_permission(self, user) -> bool:
        return can(user, self.permission)

    @property
    def permission_denied_message(self):
        return PERMISSION_DENIED[self.permission]

    def get_breadcrumbs_items(self):
        items = [{"url": "", "label": self.get_page_title()}]
        if can(self.request.user, "view"):
            items.insert(0, {"url": url("index"), "label": _("Resolutions")})
        return self.breadcrumbs_items + items


class DayMixin:
    """The Day of the URL, as its source page (where resolutions belong)."""

    def prepare(self, request, **kwargs):
        page = MethodologistsDayPage.objects.filter(pk=kwargs["pk"]).first()
        if page is None:
            raise Http404(_("There is no such Methodologists' Day."))
        self.page = page
        self.day = page.source
        self.shown_day = in_admin_language([self.day])[0]
        return super().prepare(request, **kwargs)


class ResolutionMixin:
    """The resolution of the URL; `visible` says which the user may reach."""

    def visible(self, user):
        return Resolution.objects.all()

    def prepare(self, request, **kwargs):
        self.resolution = with_related(self.visible(request.user)).filter(pk=kwargs["pk"]).first()
        if self.resolution is None:
            raise Http404(_("There is no such resolution among those you can see."))
        return super().prepare(request, **kwargs)

    def back_url(self):
        if can(self.request.user, "view"):
            return url("day", self.resolution.day_id)
        return url("mine")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "row": describe([self.resolution], self.request.user)[0],
                "back_url": self.back_url(),
                "history": history(self.resolution),
            }
        )
        return context


# ---------------------------------------------------------------------------
# The series of a year


class SeriesView(StaffView, FormView):
    """A year's four Days: the year, then the proposed dates to confirm or
    move, then the drafts are made."""

    permission = "change"
    template_name = "trainings/admin/day_series.html"
    page_title = gettext_lazy("Plan a year's Methodologists' Days")
    lacks_page_permission = False

    @property
    def permission_denied_message(self):
        if self.lacks_page_permission:
            return _(
                "Making the Days needs the permission to add pages under the trainings list "
                "(Settings → Groups, page permissions)."
            )
        return super().permission_denied_message

    def prepare(self, request, **kwargs):
        self.index = default_index()
        self.year = None
        self.year_form = SeriesYearForm(
            request.GET if "year" in request.GET else None,
            initial={"year": timezone.localdate().year + 1},
        )
        if request.method == "POST":
            year = request.POST.get("year", "")
            self.year = int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else None
        elif self.year_form.is_bound and self.year_form.is_valid():
            self.year = self.year_form.cleaned_data["year"]
        if (
            self.index is not None
            and not self.index.permissions_for_user(request.user).can_add_subpage()
        ):
            self.lacks_page_permission = True
            return self.permission_denied(request)
        return super().prepare(request, **kwargs)

    def get_form(self, form_class=None):
        if self.year is None or self.index is None:
            return None
        return SeriesDatesForm(
            self.request.POST if self.request.method == "POST" else None, year=self.year
        )

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form is None:
            return redirect(url("series"))
        if form.is_valid():
            return self.form_valid(form)
        return self.form_invalid(form)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self.get_form())
        context = super().get_context_data(**kwargs)
        exists = self.year is not None and days.series_exists(self.year)
        context.update(
            {
                "index": self.index,
                "year": self.year,
                "year_form": self.year_form,
                "exists": exists,
                "series_url": url("series"),
                "existing_url": (
                    reverse("wagtailadmin_explore", args=[self.index.pk]) if self.index else ""
                ),
            }
        )
        return context

    def render_to_response(self, context, **kwargs):
        form = context.get("form")
        if (form is not None and form.is_bound and form.errors) or (
            self.year_form.is_bound and self.year_form.errors
        ):
            kwargs.setdefault("status", 400)
        return super().render_to_response(context, **kwargs)

    def form_valid(self, form):
        try:
            result = days.day_series_create(
                index=self.index, year=self.year, by=self.request.user, dates=form.dates()
            )
        except days.DayError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "The four Methodologists' Days of %(year)s are made as drafts, with their "
                "translations: %(count)s pages. Edit and publish each when its agenda is ready."
            )
            % {"year": self.year, "count": len(result.days) + len(result.translations)},
        )
        if result.missing_languages:
            messages.warning(
                self.request,
                _("Not translated into %(languages)s: that language has no trainings list yet.")
                % {"languages": ", ".join(result.missing_languages)},
            )
        return redirect(reverse("wagtailadmin_explore", args=[self.index.pk]))


# ---------------------------------------------------------------------------
# A Day: its resolutions, carried-over ones, minutes


class DayView(DayMixin, StaffView, FormView):
    permission = "view"
    template_name = "trainings/admin/day_resolutions.html"
    form_class = ResolutionForm

    def get_page_title(self):
        return _("Resolutions: %(day)s") % {"day": self.shown_day.title}

    def post(self, request, *args, **kwargs):
        if not can(request.user, "add"):
            return self.permission_denied(request)
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        resolutions = with_related(self.day.resolutions.all())
        carried = with_related(self.day.carried_over())
        context.update(
            {
                "day": self.day,
                "shown_day": self.shown_day,
                "day_lang": _language_if_other(self.shown_day),
                "when": dates.format_date(self.day.start),
                "has_taken_place": self.day.has_taken_place,
                "rows": describe(resolutions, user, with_day=False),
                "carried": describe(carried, user),
                "can_add": can(user, "add"),
                "edit_url": reverse("wagtailadmin_pages:edit", args=[self.day.pk]),
                "documents": minutes_links(self.day),
            }
        )
        return context

    def get_success_url(self):
        return url("day", self.day.pk)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            resolution = days.resolution_add(
                day=self.day,
                text=data["text"],
                is_public=data["is_public"],
                assignee_branch=data["assignee_branch"],
                assignee_user=data["assignee_user"],
                due_date=data["due_date"],
                by=self.request.user,
            )
        except days.DayError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(
            self.request, _("Resolution %(number)s is recorded.") % {"number": resolution.number}
        )
        return redirect(self.get_success_url())


def minutes_links(day: MethodologistsDayPage) -> list[dict]:
    """The minutes documents of each language the Day is in (its language
    named in that language)."""
    names = dict(settings.LANGUAGES)
    pages = day.get_translations(inclusive=True).select_related("locale")
    order = list(names)
    links = []
    for page in sorted(pages, key=lambda page: order.index(page.locale.language_code)):
        code = page.locale.language_code
        links.append(
            {
                "language": names.get(code, code),
                "lang": code,
                "documents": [
                    {"label": _("Minutes for staff (PDF)"), "url": url("minutes", page.pk, "pdf")},
                    {
                        "label": _("Minutes for staff (plain text)"),
                        "url": url("minutes", page.pk, "txt"),
                    },
                    {
                        "label": _("Public minutes (PDF)"),
                        "url": url("minutes", page.pk, "pdf") + "?public=1",
                    },
                    {
                        "label": _("Public minutes (plain text)"),
                        "url": url("minutes", page.pk, "txt") + "?public=1",
                    },
                ],
            }
        )
    return links


class DayMinutesView(DayMixin, StaffView, View):
    """The staff minutes (or, with ?public=1, the public ones) in the Day's language."""

    permission = "view"

    def get(self, request, pk, extension):
        return minutes.minutes_response(
            request, self.page, extension=extension, public=request.GET.get("public") == "1"
        )


# ---------------------------------------------------------------------------
# One resolution: edit, done, open again


class ResolutionFormView(ResolutionMixin, StaffView, FormView):
    template_name = "trainings/admin/day_resolution_form.html"
    button_label = ""
    question = ""
    destructive = False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "button_label": self.button_label,
                "question": self.question,
                "destructive": self.destructive,
            }
        )
        return context

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def done(self, message):
        messages.success(self.request, message)
        return redirect(self.request.POST.get("next") or self.back_url())


class ResolutionEditView(ResolutionFormView):
    permission = "change"
    form_class = ResolutionForm
    button_label = gettext_lazy("Save")

    def get_page_title(self):
        return _("Edit resolution %(number)s") % {"number": self.resolution.number}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "resolution": self.resolution}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            days.resolution_update(
                resolution=self.resolution,
                text=data["text"],
                is_public=data["is_public"],
                assignee_branch=data["assignee_branch"],
                assignee_user=data["assignee_user"],
                due_date=data["due_date"],
                by=self.request.user,
            )
        except days.DayError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        return self.done(_("Resolution %(number)s is saved.") % {"number": self.resolution.number})


class ResolutionDoneView(ResolutionFormView):
    """Its assignees and the department; anyone else is told it is not found."""

    permission = "own"
    form_class = DoneForm
    button_label = gettext_lazy("Mark done")
    question = gettext_lazy(
        "Say what was done: the department reads it, and the resolution is no longer "
        "carried over to the next Day."
    )

    def visible(self, user):
        if can(user, "change"):
            return Resolution.objects.all()
        return Resolution.objects.assigned_to(user)

    def get_page_title(self):
        return _("Mark resolution %(number)s done") % {"number": self.resolution.number}

    def form_valid(self, form):
        try:
            days.resolution_done(
                resolution=self.resolution, note=form.cleaned_data["note"], by=self.request.user
            )
        except days.DayError as error:
            messages.error(self.request, error.message)
            return redirect(self.back_url())
        return self.done(
            _("Resolution %(number)s is marked done.") % {"number": self.resolution.number}
        )


class ResolutionReopenView(ResolutionFormView):
    permission = "change"
    form_class = ReopenForm
    button_label = gettext_lazy("Open again")
    question = gettext_lazy(
        "It becomes open again, and is carried over to the next Day until it is done."
    )

    def get_page_title(self):
        return _("Open resolution %(number)s again") % {"number": self.resolution.number}

    def form_valid(self, form):
        try:
            days.resolution_reopen(
                resolution=self.resolution, reason=form.cleaned_data["reason"], by=self.request.user
            )
        except days.DayError as error:
            messages.error(self.request, error.message)
            return redirect(self.back_url())
        return self.done(
            _("Resolution %(number)s is open again.") % {"number": self.resolution.number}
        )


# ---------------------------------------------------------------------------
# Lists


class ResolutionIndexView(StaffView, TemplateView):
    """All resolutions, with filters: the department's follow-up."""

    permission = "view"
    template_name = "trainings/admin/day_resolution_index.html"
    page_title = gettext_lazy("Resolutions of Methodologists' Days")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": _("Resolutions")}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = ResolutionFilterForm(self.request.GET or None)
        resolutions = form.filter(with_related(Resolution.objects.all())).order_by(
            "-day__start", "number", "pk"
        )
        page = Paginator(resolutions, PAGE_SIZE).get_page(self.request.GET.get("p"))
        query = self.request.GET.copy()
        query.pop("p", None)
        context.update(
            {
                "filter_form": form,
                "page_obj": page,
                "rows": describe(page.object_list, self.request.user),
                "query": query.urlencode(),
                "overdue_count": Resolution.objects.overdue().count(),
                "can_plan": can(self.request.user, "change"),
                "series_url": url("series"),
                "mine_url": url("mine"),
            }
        )
        return context


def open_assignments(user):
    return with_related(Resolution.objects.assigned_to(user).open()).order_by(
        "due_date", "day__start", "number"
    )


class MyAssignmentsView(StaffView, TemplateView):
    """What the user (or their branch) was given to do, open first."""

    permission = "own"
    template_name = "trainings/admin/day_assignments.html"
    page_title = gettext_lazy("Your assignments from Methodologists' Days")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        done = with_related(
            Resolution.objects.assigned_to(user).filter(status=ResolutionStatus.DONE)
        ).order_by("-done_at")[:20]
        context.update(
            {
                "rows": describe(open_assignments(user), user),
                "done_rows": describe(done, user),
            }
        )
        return context
