"""Readers'-needs surveys (the department's "social research"), built by staff
with Wagtail's form builder and rendered with the site's accessible form pattern."""

from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractFormField, EmailFormMixin, FormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from core import ratelimit
from core.blocks import LANGUAGE_MARKS
from core.forms import HONEYPOT_FIELD, add_honeypot, honeypot_filled, name_required_errors

from .base import SitePage

AUTOCOMPLETE_CHOICES = [
    ("", _("None")),
    ("name", _("Full name")),
    ("email", _("E-mail")),
    ("tel", _("Phone")),
    ("address-level2", _("Town or village")),
    ("street-address", _("Address")),
    ("bday", _("Date of birth")),
    ("organization", _("Organisation")),
]


class SurveyField(AbstractFormField):
    page = ParentalKey("home.SurveyPage", on_delete=models.CASCADE, related_name="form_fields")
    autocomplete = models.CharField(
        _("personal data kind"),
        max_length=30,
        blank=True,
        choices=AUTOCOMPLETE_CHOICES,
        help_text=_("Lets browsers and assistive technology fill the field in for the person."),
    )

    panels = AbstractFormField.panels + [FieldPanel("autocomplete")]


class SurveyPage(EmailFormMixin, FormMixin, SitePage):
    """A survey or any other public form; submissions are kept and exportable."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol", *LANGUAGE_MARKS],
    )
    thank_you_text = RichTextField(
        _("thank-you text"), blank=True, features=["bold", "italic", "link", *LANGUAGE_MARKS]
    )

    content_panels = SitePage.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail to staff"),
        ),
    ]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        for field in self.get_form_fields():
            bound = form.fields.get(field.clean_name)
            if bound is not None and field.autocomplete:
                bound.widget.attrs["autocomplete"] = field.autocomplete
        name_required_errors(form)
        add_honeypot(form)
        return form

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            if ratelimit.hit(request, group=f"survey:{self.pk}"):
                form.is_valid()
                form.add_error(
                    None,
                    _(
                        "Too many forms were sent from your connection. Please wait a minute and send again: what you typed is kept."
                    ),
                )
                return self._render_form(request, form, status=429)
            if form.is_valid():
                if not honeypot_filled(form):
                    self.process_form_submission(form)
                return redirect(f"{self.url}?sent=1")
            return self._render_form(request, form)
        if request.GET.get("sent") == "1":
            return self.render_landing_page(request)
        return self._render_form(request, self.get_form(page=self, user=request.user))

    def _render_form(self, request, form, status=200):
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def process_form_submission(self, form):
        form.cleaned_data.pop(HONEYPOT_FIELD, None)
        return super().process_form_submission(form)
