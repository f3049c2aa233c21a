"""The "Issue diplomas" screen in the admin, /admin/diplomas/<event_id>/
(namespace "diplomas"), for a competition or a festival edition (all its
nominations at once): it says what would be issued to whom, asks for the
language and the templates, and on POST makes the batches (one per kind)
and sends the user to their progress.

Who may: staff with the permission to issue certificates
(`certificates.add_certificate`), as for any other batch.
"""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Page

from certificates import admin_views as certificate_views
from certificates.enums import BatchKind, CertificateKind
from certificates.models import CertificateBatch, CertificateTemplate
from certificates.services import CertificateError
from competitions.admin_forms import DiplomasForm
from competitions.diplomas import (
    NothingNew,
    counts_text,
    diplomas_issue,
    diplomas_plan,
    has_competitions,
    refusal,
)
from competitions.models import CompetitionPage
from core.admin_views import PermissionFirstMixin
from events.models import EventPage

NS = "diplomas"


def url(event) -> str:
    return reverse(f"{NS}:issue", args=[event.pk])


class IssueDiplomasView(PermissionFirstMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "competitions/admin/diplomas.html"
    form_class = DiplomasForm
    header_icon = "doc-full"

    def has_permission(self, user) -> bool:
        return certificate_views.can(user, "add")

    def prepare(self, request, **kwargs):
        page = Page.objects.filter(pk=kwargs["event_id"]).first()
        event = page.specific if page is not None else None
        if not isinstance(event, EventPage) or not has_competitions(type(event)):
            messages.error(request, _("There is no such competition or festival edition."))
            return redirect("wagtailadmin_home")
        self.event = event
        self.plan = diplomas_plan(event)
        self.refusal = refusal(self.plan)
        return None

    def get_page_title(self):
        return _("Issue diplomas: %(event)s") % {"event": self.event.title}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": certificate_views.url("index"), "label": _("Certificates")},
            {"url": certificate_views.url("batches"), "label": _("Batches")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_initial(self):
        return {"language": settings.LANGUAGE_CODE}

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "diplomas": bool(self.plan.diplomas),
            "participation": bool(self.plan.participation),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = self.plan
        new_diplomas = plan.new(plan.diplomas)
        new_participation = plan.new(plan.participation)
        missing_templates = [
            label
            for kind, label, needed in (
                (CertificateKind.DIPLOMA, _("diploma"), plan.diplomas),
                (CertificateKind.PARTICIPATION, _("participation certificate"), plan.participation),
            )
            if needed and not CertificateTemplate.objects.filter(kind=kind).exists()
        ]
        edition = None
        if isinstance(self.event, CompetitionPage) and plan.event.pk != self.event.judged.pk:
            edition = {"title": plan.event.title, "url": url(plan.event)}
        context.update(
            {
                "event": self.event,
                "plan": plan,
                "refusal": self.refusal,
                "summary": plan.summary(),
                "new_summary": counts_text(len(new_diplomas), len(new_participation)),
                "nothing_new": bool(plan.lines) and not new_diplomas and not new_participation,
                "per_competition": plan.per_competition(),
                "name_problems": plan.name_problems(),
                "missing_templates": missing_templates,
                "add_template_url": reverse("wagtailsnippets_certificates_certificatetemplate:add"),
                "edition": edition,
                "batches": [
                    {"batch": batch, "url": certificate_views.url("batch", batch.pk)}
                    for batch in CertificateBatch.objects.filter(event=plan.event).order_by(
                        "-created_at", "-pk"
                    )[:10]
                ],
                "back_url": reverse("wagtailadmin_pages:edit", args=[self.event.pk]),
            }
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            batches = diplomas_issue(
                event=self.event,
                language=data["language"],
                diploma_template=data.get("diploma_template"),
                participation_template=data.get("participation_template"),
                by=self.request.user,
                send_email=data["send_email"],
            )
        except NothingNew as nothing:
            messages.info(self.request, nothing.message)
            return redirect(url(self.event))
        except CertificateError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        labels = {
            BatchKind.DIPLOMAS: _("Progress of the diplomas"),
            BatchKind.PARTICIPATION: _("Progress of the participation certificates"),
        }
        plan = self.plan  # the keys are the same in every language: what is new is too
        messages.success(
            self.request,
            _("Issuing started: %(what)s.")
            % {
                "what": counts_text(len(plan.new(plan.diplomas)), len(plan.new(plan.participation)))
            },
            buttons=[
                messages.button(certificate_views.url("batch", batch.pk), labels[batch.kind])
                for batch in batches
            ],
        )
        return redirect(certificate_views.url("batch", batches[0].pk))
