"""The admin screens of plans and reports (URLs in review_hooks):

- a branch's staff (a StaffProfile) see their own branch's documents by
  period, start one, fill it in, add files and submit it; another branch's
  document is "not found" (404);
- the department (`reports.review_branchdocument`) lists every document with
  filters, sees who has not submitted, reviews a document (plan beside done),
  returns it with comments, accepts it, or reopens an accepted one.

Views only turn requests into calls of reports.services (and
reports.attachments); a ReportError is shown in the form's error summary."""

from django.http import FileResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.html import conditional_escape, format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Locale

from branches.models import Branch
from core.admin_views import PermissionFirstMixin, log_entries
from core.dates import format_date
from reports import attachments, services
from reports.enums import DocumentKind, ReportStatus
from reports.forms import (
    DocumentForm,
    indicator_label,
    number_text,
)
from reports.models import BranchDocument, ReportingPeriod

NS = "reports"
REVIEW_PERMISSION = "reports.review_branchdocument"
PER_PAGE = 50


def url(name, *args, **query):
    address = reverse(f"{NS}:{name}", args=args)
    return f"{address}?{urlencode(query)}" if query else address


def staff_branch(user):
    profile = getattr(user, "staff_profile", None)
    return profile.branch if profile is not None else None


def is_department(user) -> bool:
    return user.has_perm(REVIEW_PERMISSION)


def user_name(user) -> str:
    if user is None:
        return _("the system")
    return user.get_full_name().strip() or user.get_username()


# ---------------------------------------------------------------------------
# Names and states in words
# ---------------------------------------------------------------------------


def branch_names(branches) -> dict:
    """{translation key: (name, lang)}: each branch's name in the admin's
    language where it is translated, else as written (lang says which)."""
    branches = list(branches)
    active = Locale.get_active()
    names = {b.translation_key: (b.name, b.locale.language_code) for b in branches}
    for translated in Branch.objects.filter(translation_key__in=names.keys(), locale=active).only(
        "name", "translation_key"
    ):
        names[translated.translation_key] = (translated.name, active.language_code)
    return names


def document_deadline(kind, period):
    return period.plan_deadline if kind == DocumentKind.PLAN else period.report_deadline


def status_in_words(document) -> str:
    if document is None:
        return _("Not started")
    if document.status == ReportStatus.SUBMITTED and document.submitted_at:
        return _("Submitted on %(date)s") % {"date": format_date(document.submitted_at)}
    if document.status == ReportStatus.ACCEPTED and document.accepted_at:
        return _("Accepted on %(date)s") % {"date": format_date(document.accepted_at)}
    return str(document.get_status_display())


def deadline_in_words(kind, period, document, today) -> dict:
    """{"date": the deadline in words, "late": a sentence when it has passed
    and the document is not with the department}."""
    deadline = document_deadline(kind, period)
    if deadline is None:
        return {"date": _("no deadline"), "late": ""}
    waiting = document is None or document.status in ReportStatus.editable()
    late = ""
    if waiting and deadline < today:
        late = _("Overdue: %(days)s days past the deadline") % {"days": (today - deadline).days}
    return {"date": format_date(deadline), "late": late}


def kind_for_period(kind, period) -> str:
    if kind == DocumentKind.PLAN:
        return _("the plan for %(period)s") % {"period": period.label}
    return _("the report for %(period)s") % {"period": period.label}


def in_language(text: str, lang: str):
    """The text marked with its language where it is not the admin's."""
    if lang == (translation.get_language() or "")[:2]:
        return text
    return format_html('<span lang="{}">{}</span>', lang, text)


def document_title(document, *, marked=False):
    """ "Report of <branch> for 2025"; `marked`: as HTML, the branch's name
    with its language (for the page's heading; the <title> takes plain text)."""
    name, lang = branch_names([document.branch])[document.branch.translation_key]
    text = _("%(document)s of %(branch)s for %(period)s")
    values = {
        "document": document.get_kind_display(),
        "branch": name,
        "period": document.period.label,
    }
    if not marked:
        return text % values
    values = {key: conditional_escape(value) for key, value in values.items()}
    values["branch"] = in_language(name, lang)
    return mark_safe(conditional_escape(text) % values)  # noqa: S308 - every part is escaped


def history(document) -> list[dict]:
    """The document's audit entries, oldest first: who, what, when."""
    items = []
    for entry in log_entries(document):
        data = entry.data or {}
        details = [data["reason"]] if data.get("reason") else list(data.get("comments") or [])
        if data.get("title"):
            details.append(data["title"])
        items.append(
            {
                "label": entry.label,
                "when": timezone.localtime(entry.timestamp),
                "user": user_name(entry.user),
                "details": details,
            }
        )
    return items


def value_rows(document) -> list:
    return list(
        document.values.select_related("indicator").order_by(
            "indicator__sort_order", "indicator__code"
        )
    )


def unanswered_comments(document) -> tuple[list, dict]:
    """(overall comments, {indicator id: [comments]}) the branch has not answered."""
    overall, by_indicator = [], {}
    for comment in document.comments.filter(resolved=False).select_related("author"):
        if comment.indicator_id is None:
            overall.append(comment)
        else:
            by_indicator.setdefault(comment.indicator_id, []).append(comment)
    return overall, by_indicator


def plan_of(document):
    """The same branch and period's plan, for a report: its values by indicator."""
    if document.kind != DocumentKind.REPORT:
        return None
    plan = BranchDocument.objects.filter(
        branch=document.branch, period=document.period, kind=DocumentKind.PLAN
    ).first()
    if plan is None:
        return {"document": None, "values": {}, "label": _("Plan (none was made)")}
    values = {row.indicator_id: row.value for row in plan.values.all()}
    if plan.status == ReportStatus.ACCEPTED:
        label = _("Plan (accepted)")
    else:
        label = _("Plan (not accepted: %(status)s)") % {"status": plan.get_status_display().lower()}
    return {"document": plan, "values": values, "label": label}


def attachment_rows(document) -> list[dict]:
    return [
        {
            "pk": attachment.pk,
            "title": attachment.title,
            "url": url("attachment", document.pk, attachment.pk),
            "name": attachment.file.name.rsplit("/", 1)[-1],
            "by": user_name(attachment.uploaded_by),
            "when": timezone.localtime(attachment.uploaded_at),
        }
        for attachment in document.attachments.select_related("uploaded_by")
    ]


def not_found(request, message=None):
    return TemplateResponse(
        request,
        "reports/admin/not_found.html",
        {
            "message": message or _("There is no such plan or report among those you can see."),
            "back_url": url("branch") if staff_branch(request.user) else url("review_list"),
        },
        status=404,
    )


# ---------------------------------------------------------------------------
# Permissions
# ---------------------------------------------------------------------------


class BranchStaffMixin(PermissionFirstMixin):
    """For a branch's staff: an account linked to a branch (StaffProfile)."""

    permission_denied_template = "core/admin/permission_denied.html"
    permission_denied_message = gettext_lazy(
        "These screens are for a branch's staff: your account is not linked to a branch. "
        "An administrator links it in the branch's staff profiles."
    )

    def has_permission(self, user) -> bool:
        return staff_branch(user) is not None

    def prepare(self, request, **kwargs):
        self.branch = services.source_branch(staff_branch(request.user))
        return super().prepare(request, **kwargs)


class DepartmentMixin(PermissionFirstMixin):
    permission_denied_template = "core/admin/permission_denied.html"
    permission_denied_message = gettext_lazy(
        "Reviewing the branches' plans and reports needs the permission "
        "“Can review the plans and reports of every branch”."
    )

    def has_permission(self, user) -> bool:
        return is_department(user)


class AdminPage(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "doc-full"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = timezone.localdate()
        return context


# ---------------------------------------------------------------------------
# A branch's documents
# ---------------------------------------------------------------------------


class BranchDocumentsView(BranchStaffMixin, AdminPage):
    template_name = "reports/admin/branch_documents.html"

    def get_page_title(self):
        return _("Plans and reports of %(branch)s") % {"branch": self.branch_name[0]}

    def get_header_title(self):
        text = conditional_escape(_("Plans and reports of %(branch)s"))
        return mark_safe(text % {"branch": in_language(*self.branch_name)})  # noqa: S308 - escaped

    @cached_property
    def branch_name(self):
        return branch_names([self.branch])[self.branch.translation_key]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = context["today"]
        documents = {
            (d.period_id, d.kind): d for d in BranchDocument.objects.filter(branch=self.branch)
        }
        rows = []
        for period in ReportingPeriod.objects.all():
            for kind, kind_label in DocumentKind.choices:
                document = documents.get((period.pk, kind))
                rows.append(
                    {
                        "period": period,
                        "kind": kind,
                        "kind_label": kind_label,
                        "document": document,
                        "status": status_in_words(document),
                        "deadline": deadline_in_words(kind, period, document, today),
                        "open_url": url("document", document.pk) if document else "",
                        "start_label": _("Start %(document)s")
                        % {"document": kind_for_period(kind, period)},
                        "open_label": _("Open %(document)s")
                        % {"document": kind_for_period(kind, period)},
                    }
                )
        context.update(
            {
                "rows": rows,
                "branch_name": self.branch_name,
                "start_url": url("start"),
            }
        )
        return context


class StartDocumentView(BranchStaffMixin, View):
    """POST period + kind: the branch's document for it, made if new."""

    def get(self, request):
        return redirect(url("branch"))

    def post(self, request):
        period = ReportingPeriod.objects.filter(pk=request.POST.get("period") or 0).first()
        kind = request.POST.get("kind")
        if period is None or kind not in DocumentKind.values:
            messages.error(request, _("There is no such reporting period or document."))
            return redirect(url("branch"))
        document, created = services.document_get_or_create(
            branch=self.branch, period=period, kind=kind, by=request.user
        )
        if created:
            messages.success(
                request,
                _("Started: %(document)s. It is a draft until you submit it.")
                % {"document": kind_for_period(kind, period)},
            )
        return redirect(url("document", document.pk))


class BranchDocumentView(BranchStaffMixin, AdminPage):
    """A branch's plan or report: the form while it is a draft or returned,
    read-only while it is with the department or accepted."""

    template_name = "reports/admin/document_form.html"

    def prepare(self, request, **kwargs):
        response = super().prepare(request, **kwargs)
        if response is not None:
            return response
        self.document = (
            BranchDocument.objects.select_related("branch", "period")
            .filter(pk=kwargs["pk"], branch__translation_key=self.branch.translation_key)
            .first()
        )
        if self.document is None:
            return not_found(request)
        return None

    @cached_property
    def rows(self):
        return value_rows(self.document)

    @property
    def editable(self) -> bool:
        return self.document.status in ReportStatus.editable()

    def get_page_title(self):
        return document_title(self.document)

    def get_header_title(self):
        return document_title(self.document, marked=True)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": url("branch"), "label": _("Plans and reports")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_form(self, data=None, files=None):
        initial = {"narrative": self.document.narrative}
        return DocumentForm(data, files, rows=self.rows, initial=initial)

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        document = self.document
        overall, by_indicator = unanswered_comments(document)
        if form is None and self.editable:
            form = self.get_form()
        indicator_rows = []
        for row in self.rows:
            indicator = row.indicator
            comments = by_indicator.get(indicator.pk, [])
            entry = {
                "indicator": indicator,
                "name": indicator.name,
                "name_lang": indicator.name_language,
                "unit": indicator.get_unit_display(),
                "label": indicator_label(indicator),
                "value": number_text(row.value),
                "known": number_text(row.known_value) if row.known_value is not None else "",
                "comments": comments,
            }
            if form is not None:
                field = form[f"value_{indicator.pk}"]
                ids = {
                    "hint_id": f"{field.auto_id}-hint" if row.known_value is not None else "",
                    "comment_id": f"{field.auto_id}-comment" if comments else "",
                    "error_id": f"{field.auto_id}-error" if field.errors else "",
                }
                describedby = " ".join(
                    i for i in (ids["comment_id"], ids["hint_id"], ids["error_id"]) if i
                )
                attrs = {"aria-describedby": describedby} if describedby else {}
                if field.errors:
                    attrs["aria-invalid"] = "true"
                entry.update(ids, field=field, widget=field.as_widget(attrs=attrs))
            indicator_rows.append(entry)
        context.update(
            {
                "document": document,
                "form": form,
                "editable": self.editable,
                "indicator_rows": indicator_rows,
                "overall_comments": overall,
                "status": status_in_words(document),
                "deadline": deadline_in_words(
                    document.kind, document.period, document, context["today"]
                ),
                "attachments": attachment_rows(document),
                "history": history(document),
                "has_known": any(row.indicator.source for row in self.rows),
                "back_url": url("branch"),
            }
        )
        return context

    def refused(self, request):
        """A POST to a document the branch may not change: nothing changes, the page says why."""
        if self.document.status == ReportStatus.ACCEPTED:
            message = _(
                "Nothing was changed: this document was accepted and is locked. "
                "If it needs a correction, ask the department to reopen it."
            )
        else:
            message = _(
                "Nothing was changed: this document is with the department. "
                "You can change it again if it is returned to you."
            )
        context = self.get_context_data(refusal=message)
        context["refusal"] = message
        return self.render_to_response(context, status=409)

    def post(self, request, *args, **kwargs):
        if not self.editable:
            return self.refused(request)
        action = request.POST.get("action", "save")
        form = self.get_form(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        saved = False
        try:
            services.document_save(
                document=self.document,
                values=form.values(),
                narrative=form.cleaned_data["narrative"],
                by=request.user,
            )
            saved = True
            upload = form.cleaned_data.get("attachment_file")
            if upload:
                attachments.attachment_add(
                    document=self.document,
                    title=form.cleaned_data["attachment_title"],
                    file=upload,
                    by=request.user,
                )
            remove = request.POST.get("remove_attachment", "")
            if remove:
                attachments.attachment_remove(
                    document=self.document,
                    attachment_id=int(remove) if remove.isdigit() else 0,
                    by=request.user,
                )
                messages.success(request, _("The file was removed."))
            elif action == "refresh":
                services.document_refresh_known(document=self.document, by=request.user)
                messages.success(
                    request,
                    _("Counted again from the events. The numbers you changed by hand were kept."),
                )
            elif action == "submit":
                services.document_submit(document=self.document, by=request.user)
                messages.success(
                    request,
                    _("Submitted to the department: %(document)s.")
                    % {"document": kind_for_period(self.document.kind, self.document.period)},
                )
                return redirect(url("branch"))
            else:
                messages.success(request, _("Saved as a draft."))
        except services.ReportError as error:
            said = str(error.message)
            if saved:
                said += " " + _("What you typed was saved as a draft.")
            form.add_error(None, said)
            self.document.refresh_from_db()
            return self.render_to_response(self.get_context_data(form=form), status=400)
        return redirect(url("document", self.document.pk))


class AttachmentView(PermissionFirstMixin, View):
    """A document's file, for those who may see the document."""

    def has_permission(self, user) -> bool:
        return is_department(user) or staff_branch(user) is not None

    def get(self, request, pk, attachment_pk):
        documents = BranchDocument.objects.visible_to(request.user)
        branch = staff_branch(request.user)
        if not is_department(request.user) and branch is not None:
            documents = BranchDocument.objects.filter(
                branch__translation_key=branch.translation_key
            )
        document = documents.filter(pk=pk).first()
        attachment = document.attachments.filter(pk=attachment_pk).first() if document else None
        if attachment is None:
            return not_found(request, _("There is no such file among those you can see."))
        return FileResponse(
            attachment.file.open("rb"),
            as_attachment=True,
            filename=attachment.file.name.rsplit("/", 1)[-1],
        )


# ---------------------------------------------------------------------------
# The department
# ---------------------------------------------------------------------------
