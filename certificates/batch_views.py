"""The admin screens of certificate batches: the list, making a batch, its
progress (and the JSON the page asks for it), running it again, and the
zip of its PDFs."""

import datetime
import tempfile
import zipfile

from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, JsonResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView, View
from wagtail.admin import messages
from wagtail.log_actions import log

from certificates import batches, services, tasks
from certificates.admin_forms import (
    BatchForm,
)
from certificates.admin_views import (
    PAGE_SIZE,
    StaffView,
    can,
    history,
    not_found,
    url,
    when,
)
from certificates.enums import BatchStatus
from certificates.models import CertificateBatch

NS = "certificates_admin"


class BatchIndexView(StaffView, TemplateView):
    template_name = "certificates/admin/batches.html"
    page_title = gettext_lazy("Batches of certificates")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        batches = CertificateBatch.objects.select_related("event", "created_by")
        context.update(
            {
                "page_obj": Paginator(batches, PAGE_SIZE).get_page(self.request.GET.get("p")),
                "can_add": can(self.request.user, "add"),
                "new_url": url("batch_new"),
            }
        )
        return context


class BatchCreateView(StaffView, FormView):
    permission = "add"
    template_name = "certificates/admin/form.html"
    form_class = BatchForm
    page_title = gettext_lazy("Issue certificates to many people")

    def get_initial(self):
        return {"language": "kk", "kind": "participation"}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "button_label": _("Start issuing"),
                "back_url": url("batches"),
                "question": _(
                    "The certificates are issued in the background; the next page shows the "
                    "progress. Someone who already has a certificate for this event does not "
                    "get a second one."
                ),
            }
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            with transaction.atomic():
                batch = batches.batch_create(
                    kind=data["kind"],
                    event=form.selected_event(),
                    template=data["template"],
                    language=data["language"],
                    by=self.request.user,
                    winners=form.winner_list,
                    hours=data["hours"],
                    send_email=data["send_email"],
                )
                tasks.batch_enqueue(batch)
        except services.CertificateError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Issuing started: %(total)s recipients.") % {"total": batch.total},
        )
        return redirect(url("batch", batch.pk))


class BatchMixin:
    def prepare(self, request, **kwargs):
        self.batch = (
            CertificateBatch.objects.select_related("event", "template", "created_by")
            .filter(pk=kwargs["pk"])
            .first()
        )
        if self.batch is None:
            return not_found(request, _("There is no such batch."))
        return None


RUNNING = (BatchStatus.QUEUED, BatchStatus.RUNNING)


def progress_summary(batch: CertificateBatch) -> str:
    """“57 of 200 recipients done (56 newly issued, 1 error).”: the page and
    its status endpoint say the same words."""
    details = [_("%(issued)s newly issued") % {"issued": batch.issued}]
    if batch.errors:
        count = len(batch.errors)
        details.append(
            ngettext("%(counter)s error", "%(counter)s errors", count) % {"counter": count}
        )
    done = _("%(done)s of %(total)s recipients done") % {"done": batch.done, "total": batch.total}
    return f"{done} ({', '.join(details)})."


def batch_status(batch: CertificateBatch) -> dict:
    """What the batch page shows of the progress, for `BatchStatusView`."""
    status_label = str(batch.get_status_display())
    summary = progress_summary(batch)
    return {
        "status": batch.status,
        "status_label": status_label,
        "running": batch.status in RUNNING,
        "done": batch.done,
        "total": batch.total,
        "issued": batch.issued,
        "percent": batch.percent,
        "summary": summary,
        "text": f"{status_label}. {summary}",
        "errors": [{"name": error["name"], "error": error["error"]} for error in batch.errors],
    }


class BatchDetailView(BatchMixin, StaffView, TemplateView):
    template_name = "certificates/admin/batch.html"

    def get_page_title(self):
        return str(self.batch)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": url("index"), "label": _("Certificates")},
            {"url": url("batches"), "label": _("Batches")},
            {"url": "", "label": str(self.batch)},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        batch = self.batch
        certificates = batch.certificates.order_by("recipient_name", "pk")
        context.update(
            {
                "batch": batch,
                "certificates": certificates,
                "finished": batch.status == BatchStatus.DONE,
                "running": batch.status in RUNNING,
                "progress_summary": progress_summary(batch),
                "status_url": url("batch_status", batch.pk),
                "can_resume": can(self.request.user, "add") and batch.status != BatchStatus.DONE,
                "resume_url": url("batch_resume", batch.pk),
                "zip_url": url("batch_zip", batch.pk),
                "refresh_url": url("batch", batch.pk),
                "created": when(batch.created_at),
                "finished_at": when(batch.finished_at),
                "history": history(batch),
            }
        )
        return context


class BatchStatusView(BatchMixin, StaffView, View):
    """The batch's progress as JSON, which the batch page asks for every two
    seconds while the batch runs (certificates/batch-progress.js). The same
    permission as the page; refusals and unknown batches in JSON too."""

    def permission_denied(self, request):
        return JsonResponse({"error": str(self.permission_denied_message)}, status=403)

    def prepare(self, request, **kwargs):
        self.batch = CertificateBatch.objects.filter(pk=kwargs["pk"]).first()
        if self.batch is None:
            return JsonResponse({"error": _("There is no such batch.")}, status=404)
        return None

    def get(self, request, pk):
        return JsonResponse(batch_status(self.batch))


class BatchResumeView(BatchMixin, StaffView, View):
    """Start a batch again (after a worker was stopped): nothing is issued twice."""

    permission = "add"

    def post(self, request, pk):
        with transaction.atomic():
            CertificateBatch.objects.filter(pk=self.batch.pk).update(status=BatchStatus.QUEUED)
            log(instance=self.batch, action="certificates.batch.resume", user=request.user)
            tasks.batch_enqueue(self.batch)
        messages.success(request, _("Issuing started again."))
        return redirect(url("batch", self.batch.pk))


class BatchZipView(BatchMixin, StaffView, View):
    """Every valid certificate of the batch as <CODE>.pdf in one ZIP file."""

    def get(self, request, pk):
        archive = tempfile.SpooledTemporaryFile(max_size=32 * 1024 * 1024)  # noqa: SIM115 - returned in the response
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as bundle:
            for certificate in self.batch.certificates.valid().select_related("template"):
                info = zipfile.ZipInfo(
                    f"{certificate.display_code}.pdf",
                    date_time=timezone.localtime(certificate.issued_at).timetuple()[:6],
                )
                bundle.writestr(info, services.pdf_bytes(certificate))
        archive.seek(0)
        day = datetime.date.today().isoformat()
        return FileResponse(
            archive,
            as_attachment=True,
            filename=f"certificates-batch-{self.batch.pk}-{day}.zip",
            content_type="application/zip",
        )
