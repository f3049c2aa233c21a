"""The department's screens of the branches' plans and reports: the list
with its filters, who has not submitted, and the review of one document
(the branch's own screens and the helpers both use are in reports/views.py)."""

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

from reports import services
from reports.enums import DocumentKind, ReportStatus
from reports.forms import (
    PeriodChoiceForm,
    ReopenForm,
    ReviewFilterForm,
    ReviewForm,
    number_text,
    reporting_branches,
)
from reports.models import BranchDocument, ReportingPeriod
from reports.views import (
    PER_PAGE,
    AdminPage,
    DepartmentMixin,
    attachment_rows,
    branch_names,
    deadline_in_words,
    document_title,
    history,
    not_found,
    plan_of,
    status_in_words,
    url,
    user_name,
    value_rows,
)


class ReviewListView(DepartmentMixin, AdminPage):
    template_name = "reports/admin/review_list.html"
    page_title = gettext_lazy("Plans and reports of the branches")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = context["today"]
        branches = list(reporting_branches().select_related("locale"))
        names = branch_names(branches)
        form = ReviewFilterForm(
            self.request.GET or None,
            branches=sorted(
                ((key, name) for key, (name, _lang) in names.items()), key=lambda b: b[1]
            ),
        )
        documents = BranchDocument.objects.select_related("branch", "period", "branch__locale")
        if form.is_bound and form.is_valid():
            data = form.cleaned_data
            if data["period"]:
                documents = documents.filter(period_id=data["period"])
            if data["kind"]:
                documents = documents.filter(kind=data["kind"])
            if data["status"]:
                documents = documents.filter(status=data["status"])
            if data["branch"]:
                documents = documents.filter(branch__translation_key=data["branch"])
            if data["overdue"]:
                documents = documents.overdue(today)
        elif form.is_bound:
            documents = documents.none()
            self.invalid = True
        page = Paginator(documents, PER_PAGE).get_page(self.request.GET.get("p"))
        names.update(branch_names({d.branch for d in page}))
        rows = []
        for document in page:
            name, lang = names[document.branch.translation_key]
            rows.append(
                {
                    "document": document,
                    "branch": name,
                    "branch_lang": lang,
                    "status": status_in_words(document),
                    "deadline": deadline_in_words(document.kind, document.period, document, today),
                    "url": url("review", document.pk),
                }
            )
        query = self.request.GET.copy()
        query.pop("p", None)
        context.update(
            {
                "filter_form": form,
                "rows": rows,
                "page": page,
                "query": query.urlencode(),
                "filtered": bool(query),
                "overdue_url": url("overdue"),
            }
        )
        return context

    def render_to_response(self, context, **kwargs):
        form = context["filter_form"]
        if form.is_bound and not form.is_valid():
            kwargs["status"] = 400
        return super().render_to_response(context, **kwargs)


class OverdueView(DepartmentMixin, AdminPage):
    """The branches that have not submitted their plan or report for a period."""

    template_name = "reports/admin/overdue.html"
    page_title = gettext_lazy("Not submitted")

    def default_period(self, today):
        periods = ReportingPeriod.objects.all()
        passed = periods.filter(Q(report_deadline__lt=today) | Q(plan_deadline__lt=today))
        return passed.order_by("-report_deadline").first() or periods.first()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = context["today"]
        form = PeriodChoiceForm(self.request.GET if "period" in self.request.GET else None)
        period = None
        if form.is_bound and form.is_valid():
            period = ReportingPeriod.objects.get(pk=form.cleaned_data["period"])
        elif not form.is_bound:
            period = self.default_period(today)
            if period is not None:
                form = PeriodChoiceForm(initial={"period": period.pk})
        rows = []
        if period is not None:
            rows = missing_rows(period, today)
        context.update({"form": form, "period": period, "rows": rows})
        return context

    def render_to_response(self, context, **kwargs):
        if context["form"].is_bound and not context["form"].is_valid():
            kwargs["status"] = 400
        return super().render_to_response(context, **kwargs)


def missing_rows(period, today) -> list[dict]:
    """Per document the period asks for, the branches that have not submitted
    it (none made, a draft, or returned), with the deadline and the head."""
    branches = list(reporting_branches().select_related("head", "locale"))
    names = branch_names(branches)
    documents = {(d.branch_id, d.kind): d for d in BranchDocument.objects.filter(period=period)}
    rows = []
    for kind, kind_label in DocumentKind.choices:
        for branch in branches:
            document = documents.get((branch.pk, kind))
            if document is not None and document.status not in ReportStatus.editable():
                continue
            name, lang = names[branch.translation_key]
            deadline = deadline_in_words(kind, period, document, today)
            rows.append(
                {
                    "kind_label": kind_label,
                    "branch": name,
                    "branch_lang": lang,
                    "status": status_in_words(document),
                    "deadline": deadline,
                    "head": user_name(branch.head) if branch.head else "",
                    "head_email": branch.head.email if branch.head else "",
                    "url": url("review", document.pk) if document else "",
                }
            )
    return rows


class ReviewView(DepartmentMixin, AdminPage):
    """One document for the department: numbers (beside the plan), words,
    files, comments, and the decision."""

    template_name = "reports/admin/review.html"

    def prepare(self, request, **kwargs):
        self.document = (
            BranchDocument.objects.select_related("branch", "period", "accepted_by")
            .filter(pk=kwargs["pk"])
            .first()
        )
        if self.document is None:
            return not_found(request)
        return super().prepare(request, **kwargs)

    @cached_property
    def rows(self):
        return value_rows(self.document)

    def get_page_title(self):
        return document_title(self.document)

    def get_header_title(self):
        return document_title(self.document, marked=True)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": url("review_list"), "label": _("Plans and reports of the branches")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, review_form=None, reopen_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        document = self.document
        names = branch_names([document.branch])
        name, lang = names[document.branch.translation_key]
        submitted = document.status == ReportStatus.SUBMITTED
        accepted = document.status == ReportStatus.ACCEPTED
        if submitted and review_form is None:
            review_form = ReviewForm(rows=self.rows)
        if accepted and reopen_form is None:
            reopen_form = ReopenForm()
        plan = plan_of(document)
        values = []
        for row in self.rows:
            planned = plan["values"].get(row.indicator_id) if plan else None
            values.append(
                {
                    "name": row.indicator.name,
                    "name_lang": row.indicator.name_language,
                    "unit": row.indicator.get_unit_display(),
                    "value": number_text(row.value) or _("not given"),
                    "known": number_text(row.known_value) if row.known_value is not None else "—",
                    "plan": number_text(planned) if planned is not None else _("not given"),
                    "comment_field": review_form[f"comment_{row.indicator_id}"]
                    if review_form
                    else None,
                }
            )
        context.update(
            {
                "document": document,
                "branch_name": name,
                "branch_lang": lang,
                "status": status_in_words(document),
                "deadline": deadline_in_words(
                    document.kind, document.period, document, context["today"]
                ),
                "values": values,
                "plan": plan,
                "has_known": any(row.known_value is not None for row in self.rows),
                "attachments": attachment_rows(document),
                "comments": document.comments.select_related("indicator", "author"),
                "history": history(document),
                "review_form": review_form,
                "reopen_form": reopen_form,
                "form": review_form or reopen_form,
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action == "reopen":
            form = ReopenForm(request.POST)
            context_key = "reopen_form"
        else:
            form = ReviewForm(request.POST, rows=self.rows)
            context_key = "review_form"
        if form.is_valid():
            try:
                message = self.decide(action, form)
            except services.ReportError as error:
                form.add_error(None, error.message)
            else:
                if message:
                    messages.success(request, message)
                return redirect(url("review", self.document.pk))
        return self.render_to_response(self.get_context_data(**{context_key: form}), status=400)

    def decide(self, action, form) -> str:
        """Does what was asked; the message to show, or raises ReportError."""
        document, user = self.document, self.request.user
        if action == "reopen":
            services.document_reopen(document=document, by=user, reason=form.cleaned_data["reason"])
            return _("Reopened: the branch can correct it and submit it again.")
        if action == "accept":
            if form.comments():
                raise services.ReportError(
                    _(
                        "You wrote comments: return the document with them, or clear them to accept it."
                    )
                )
            services.document_accept(document=document, by=user)
            return _("Accepted. The branch is told by e-mail.")
        if action == "return":
            services.document_return(document=document, by=user, comments=form.comments())
            return _("Returned with comments. The branch is told by e-mail.")
        return ""
