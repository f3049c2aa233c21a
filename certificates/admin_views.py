"""Staff screens for certificates in the Wagtail admin (URLs in admin_hooks).

Who may do what (Settings → Groups):
- `certificates.view_certificate`: the lists, a certificate, its PDF (anyone's),
  batches and their ZIP;
- `certificates.add_certificate`: issue one, start or resume a batch, preview a template;
- `certificates.change_certificate`: revoke and reissue.
Superusers have them all. Staff without the permission get a 403 page that
names it (not Wagtail's redirect to the dashboard). A certificate or batch that does not exist is
"not found" with a message (a 404 under /admin/ is turned into a redirect
by the language middleware).
"""

from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from certificates import codes, pdf, services, tasks
from certificates.admin_forms import (
    IssueForm,
    PreviewForm,
    RegistrationEventForm,
    ReissueForm,
    RevokeForm,
    may_pick_registrations,
)
from certificates.enums import CertificateKind, CertificateLanguage
from certificates.models import Certificate, CertificateTemplate
from certificates.views import pdf_response
from core.admin_views import PermissionFirstMixin, log_entries
from core.pdf import PdfUnavailable

NS = "certificates_admin"
# Kinds of certificate a registration has at most one of (as a batch gives them).
PER_REGISTRATION_KINDS = (CertificateKind.PARTICIPATION, CertificateKind.COMPLETION)
PAGE_SIZE = 50
SAMPLE_NAME = "Әйгерім Сапарова"
# What a sample festival is dedicated to, for a text with {dedication}.
SAMPLE_DEDICATION = "Абай Құнанбайұлының туғанына 180 жыл"
SAMPLE_CODE = "7KQ2M9XD" + codes.check_character("7KQ2M9XD")


def url(name, *args):
    return reverse(f"{NS}:{name}", args=args)


def can(user, action: str) -> bool:
    """action: view, add (issue) or change (revoke, reissue)."""
    return user.has_perm(f"certificates.{action}_certificate")


def not_found(request, message):
    messages.error(request, message)
    return redirect(url("index"))


def user_name(user) -> str:
    if user is None:
        return _("the system")
    return user.get_full_name().strip() or user.get_username()


def when(moment) -> str:
    return timezone.localtime(moment).strftime("%d.%m.%Y %H:%M") if moment else ""


# What a refusal says, by the permission the screen needs.
PERMISSION_DENIED = {
    "view": gettext_lazy(
        "Seeing certificates and their PDFs needs the permission “Can view certificate”."
    ),
    "add": gettext_lazy("Issuing certificates needs the permission “Can add certificate”."),
    "change": gettext_lazy(
        "Revoking and reissuing certificates needs the permission “Can change certificate”."
    ),
}


class StaffView(PermissionFirstMixin, WagtailAdminTemplateMixin):
    """A refusal is a 403 page that names the missing permission."""

    header_icon = "doc-full"
    permission_denied_template = "core/admin/permission_denied.html"

    def has_permission(self, user) -> bool:
        return can(user, self.permission)

    @property
    def permission_denied_message(self):
        return PERMISSION_DENIED[self.permission]

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": url("index"), "label": _("Certificates")},
            {"url": "", "label": self.get_page_title()},
        ]


class CertificateMixin:
    def prepare(self, request, **kwargs):
        self.certificate = (
            Certificate.objects.select_related("template", "issued_by", "revoked_by")
            .filter(pk=kwargs["pk"])
            .first()
        )
        if self.certificate is None:
            return not_found(request, _("There is no such certificate."))
        return None

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": url("index"), "label": _("Certificates")},
            {"url": url("detail", self.certificate.pk), "label": self.certificate.serial_number},
            {"url": "", "label": self.get_page_title()},
        ]


# ---------------------------------------------------------------------------
# Certificates


class CertificateIndexView(StaffView, TemplateView):
    template_name = "certificates/admin/index.html"
    page_title = gettext_lazy("Certificates")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": _("Certificates")}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()[:200]
        certificates = Certificate.objects.select_related("template")
        if query:
            condition = Q(recipient_name__icontains=query) | Q(event_title__icontains=query)
            code = codes.normalise(query)
            if code:
                condition |= Q(code=code)
            year, _dash, serial = query.partition("-")
            if year.isdigit() and serial.isdigit():
                condition |= Q(year=int(year), serial=int(serial))
            certificates = certificates.filter(condition)
        page = Paginator(certificates, PAGE_SIZE).get_page(self.request.GET.get("p"))
        context.update(
            {
                "query": query,
                "page_obj": page,
                "can_add": can(self.request.user, "add"),
                "issue_url": url("issue"),
                "batches_url": url("batches"),
            }
        )
        return context


class IssueView(StaffView, FormView):
    """One certificate. Staff who may see registrations can first choose an
    event (`?registrations_of=<id>`, a GET form) and then one of its
    registrations in the form, which fills the name and e-mail."""

    permission = "add"
    template_name = "certificates/admin/issue.html"
    form_class = IssueForm
    page_title = gettext_lazy("Issue a certificate")

    def prepare(self, request, **kwargs):
        self.event_form = None
        if may_pick_registrations(request.user):
            asked = "registrations_of" in request.GET
            self.event_form = RegistrationEventForm(request.GET if asked else None)
        return None

    def registrations_of(self):
        form = self.event_form
        if form is not None and form.is_bound and form.is_valid():
            return form.cleaned_data["registrations_of"]
        return None

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        form = self.event_form
        if form is not None and form.is_bound and not form.is_valid():
            response.status_code = 400
        return response

    def get_initial(self):
        initial = {"language": "kk"}
        event = self.registrations_of()
        if event is not None:
            initial["event"] = str(event.pk)
        return initial

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update({"user": self.request.user, "registrations_of": self.registrations_of()})
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.registrations_of()
        context.update(
            {
                "button_label": _("Issue"),
                "back_url": url("index"),
                "event_form": self.event_form,
                "issue_url": url("issue"),
                "registrations_event": event,
                "no_registrations": event is not None
                and "registration" not in context["form"].fields,
            }
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        registration = data.get("registration")
        template = data["template"]
        event = form.selected_event()
        key = None
        if registration is not None and template.kind in PER_REGISTRATION_KINDS:
            # The same key as a batch's: a batch run later does not issue it twice.
            key = services.source_key(template.kind, event, registration_id=registration.pk)
        try:
            with transaction.atomic():
                certificate, created = services.certificate_issue(
                    template=template,
                    recipient=services.Recipient(
                        name=data["recipient_name"],
                        key=key,
                        email=data["recipient_email"],
                        registration_id=registration.pk if registration is not None else None,
                        nomination=data["nomination"],
                        place=data["place"],
                        special_prize=data["special_prize"],
                        hours=data["hours"],
                    ),
                    language=data["language"],
                    event=event,
                    by=self.request.user,
                )
                if data["send_email"] and created:
                    tasks.enqueue_certificate_email(certificate)
        except services.CertificateError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        if not created:
            messages.warning(
                self.request,
                _(
                    "Nothing issued: %(name)s already has this certificate, %(serial)s, "
                    "code %(code)s."
                )
                % {
                    "name": certificate.recipient_name,
                    "serial": certificate.serial_number,
                    "code": certificate.display_code,
                },
            )
            return redirect(url("detail", certificate.pk))
        messages.success(
            self.request,
            _("Issued: certificate %(serial)s for %(name)s, code %(code)s.")
            % {
                "serial": certificate.serial_number,
                "name": certificate.recipient_name,
                "code": certificate.display_code,
            },
        )
        return redirect(url("detail", certificate.pk))


def history(instance) -> list[dict]:
    items = []
    for entry in log_entries(instance):
        items.append(
            {
                "label": entry.label,
                "when": when(entry.timestamp),
                "user": user_name(entry.user),
                "reason": (entry.data or {}).get("reason", ""),
            }
        )
    return items


class CertificateDetailView(CertificateMixin, StaffView, TemplateView):
    template_name = "certificates/admin/detail.html"

    def get_page_title(self):
        return _("Certificate %(serial)s: %(name)s") % {
            "serial": self.certificate.serial_number,
            "name": self.certificate.recipient_name,
        }

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": url("index"), "label": _("Certificates")},
            {"url": "", "label": self.certificate.serial_number},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        certificate = self.certificate
        can_change = can(self.request.user, "change")
        replaced_by = Certificate.objects.filter(replaces=certificate).first()
        context.update(
            {
                "certificate": certificate,
                "part": certificate.content["parts"][0],
                "issued": when(certificate.issued_at),
                "revoked": when(certificate.revoked_at),
                "issued_by": user_name(certificate.issued_by),
                "pdf_url": url("pdf", certificate.pk),
                "holder_url": reverse("certificate_holder", args=[certificate.access_token]),
                "verify_url": reverse("certificate_verify_code", args=[certificate.display_code]),
                "can_revoke": can_change and not certificate.is_revoked,
                "can_reissue": can_change,
                "revoke_url": url("revoke", certificate.pk),
                "reissue_url": url("reissue", certificate.pk),
                "replaced_by": replaced_by,
                "replaced_by_url": url("detail", replaced_by.pk) if replaced_by else "",
                "replaces_url": url("detail", certificate.replaces_id)
                if certificate.replaces_id
                else "",
                "history": history(certificate),
            }
        )
        return context


class CertificatePdfView(CertificateMixin, StaffView, View):
    def get(self, request, pk):
        return pdf_response(self.certificate, disposition="attachment")


class CertificateActionView(CertificateMixin, StaffView, FormView):
    permission = "change"
    template_name = "certificates/admin/form.html"
    destructive = False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "certificate": self.certificate,
                "question": self.question,
                "button_label": self.button_label,
                "destructive": self.destructive,
                "back_url": url("detail", self.certificate.pk),
            }
        )
        return context


class RevokeView(CertificateActionView):
    form_class = RevokeForm
    destructive = True
    question = gettext_lazy(
        "Whoever checks the code will be told that the certificate was revoked, and when."
    )
    button_label = gettext_lazy("Revoke")

    def get_page_title(self):
        return _("Revoke the certificate of %(name)s") % {"name": self.certificate.recipient_name}

    def form_valid(self, form):
        try:
            services.certificate_revoke(
                certificate=self.certificate,
                by=self.request.user,
                reason=form.cleaned_data["reason"],
                show_reason=form.cleaned_data["show_reason"],
            )
        except services.CertificateError as error:
            messages.error(self.request, _("Not done: %(reason)s") % {"reason": error.message})
        else:
            messages.success(
                self.request,
                _("Revoked: certificate %(serial)s.") % {"serial": self.certificate.serial_number},
            )
        return redirect(url("detail", self.certificate.pk))


class ReissueView(CertificateActionView):
    form_class = ReissueForm
    question = gettext_lazy(
        "This certificate is revoked and a new one, with a new number and code, is issued "
        "in its place."
    )
    button_label = gettext_lazy("Reissue")

    def get_initial(self):
        return {"recipient_name": self.certificate.recipient_name}

    def get_page_title(self):
        return _("Reissue the certificate of %(name)s") % {"name": self.certificate.recipient_name}

    def form_valid(self, form):
        try:
            new = services.certificate_reissue(
                certificate=self.certificate,
                by=self.request.user,
                reason=form.cleaned_data["reason"],
                recipient_name=form.cleaned_data["recipient_name"],
            )
        except services.CertificateError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Reissued: certificate %(serial)s, code %(code)s, replaces %(old)s.")
            % {
                "serial": new.serial_number,
                "code": new.display_code,
                "old": self.certificate.serial_number,
            },
        )
        return redirect(url("detail", new.pk))


# ---------------------------------------------------------------------------
# Template preview


class TemplatePreviewView(StaffView, TemplateView):
    """The template filled with sample data: the PDF, or what is wrong with it."""

    permission = "add"
    template_name = "certificates/admin/preview.html"

    def prepare(self, request, **kwargs):
        self.template = CertificateTemplate.objects.filter(pk=kwargs["pk"]).first()
        if self.template is None:
            return not_found(request, _("There is no such template."))
        return None

    def get_page_title(self):
        return _("Preview: %(name)s") % {"name": self.template.name}

    def get(self, request, *args, **kwargs):
        form = PreviewForm(request.GET or None)
        problems, not_fitting = [], []
        if form.is_valid():
            data = form.cleaned_data
            language = data["language"]
            problems = services.template_problems(self.template, language)
            if not problems:
                certificate = sample_certificate(
                    self.template,
                    language,
                    name=data["sample_name"],
                    nomination=data["sample_nomination"],
                )
                try:
                    if not request.GET.get("anyway"):
                        not_fitting = pdf.parts_not_fitting(certificate)
                    if not not_fitting:
                        content = pdf.render_pdf(certificate, large_print=data["large_print"])
                except PdfUnavailable as error:
                    problems = [_("The PDF cannot be made: %(error)s") % {"error": error}]
                else:
                    if not not_fitting:
                        response = HttpResponse(content, content_type="application/pdf")
                        response["Content-Disposition"] = 'inline; filename="preview.pdf"'
                        return response
        context = self.get_context_data(
            form=form,
            problems=problems,
            not_fitting=[CertificateLanguage(code).label for code in not_fitting],
            anyway_query=anyway_query(request),
            template=self.template,
        )
        return self.render_to_response(context, status=400 if problems else 200)


def anyway_query(request) -> str:
    """The preview's query with `anyway=1`: the PDF even where text does not fit."""
    query = request.GET.copy()
    query["anyway"] = "1"
    return query.urlencode()


def sample_certificate(
    template: CertificateTemplate, language: str, *, name: str = "", nomination: str = ""
) -> Certificate:
    """An unsaved certificate with sample data (or the name and nomination
    staff typed), for the preview."""
    issued_at = timezone.now()
    content = services.build_content(
        template,
        language=language,
        event_titles={
            "default": _("Sample event"),
            **{f"dedication_{code}": SAMPLE_DEDICATION for code in ("kk", "ru", "en")},
        },
        event_date=timezone.localdate(),
        nomination=nomination
        or (_("Sample nomination") if template.kind == CertificateKind.DIPLOMA else ""),
        place="1" if template.kind == CertificateKind.DIPLOMA else "",
        special_prize="",
        hours=24 if template.kind == CertificateKind.COMPLETION else None,
        issued_at=issued_at,
    )
    return Certificate(
        template=template,
        kind=template.kind,
        language=language,
        recipient_name=" ".join(name.split()) or SAMPLE_NAME,
        content=content,
        year=issued_at.year,
        serial=0,
        code=SAMPLE_CODE,
        issued_at=issued_at,
    )
