"""Registering someone by phone (assisted registration): the form, the
code to read aloud, and the same as a large-print page."""

import logging

from django.conf import settings
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Locale

from events.models import EventPage
from events.windows import registration_window
from registrations.models import Registration
from registrations.services import (
    RegistrationError,
    registration_submit,
)
from registrations.staff_common import (
    RegistrationObjectMixin,
    StaffPermissionMixin,
    not_found,
    spell,
    status_explained,
    url,
)
from registrations.staff_forms import (
    AssistedRegistrationForm,
    EventChoiceForm,
    event_label,
    localised,
    open_events,
)

logger = logging.getLogger(__name__)


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
            registration, created = registration_submit(
                event=self.event,
                person={
                    "full_name": data["full_name"],
                    "email": data["email"],
                    "phone": data["phone"],
                    "date_of_birth": data["date_of_birth"],
                    "district": data["district"],
                    "branch": data["branch"],
                    "preferred_language": data["preferred_language"],
                    "preferred_format": data["material_format"],
                },
                fill_blanks=True,
                consent_version=self.consent_version(),
                entered_by=self.request.user,
                then=[self.section_saver(form, section) for section in form.sections],
                **form.registration_fields(),
            )
        except RegistrationError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        if (
            not Registration.objects.visible_to(self.request.user)
            .filter(pk=registration.pk)
            .exists()
        ):
            # Registered, but for a person of another branch: say so, show no more.
            messages.warning(
                self.request,
                _(
                    "Registered %(name)s, code %(code)s. The person is not of your branch, "
                    "so their registration is not shown to you."
                )
                % {"name": registration.person.full_name, "code": registration.display_code},
            )
            return redirect(url("add", event=self.event.pk))
        query = {} if created else {"existing": 1}
        return redirect(url("created", registration.pk, **query))

    def section_saver(self, form, section):
        """A section other apps add to the form, saved in the registration's
        transaction (see assisted_registration_sections)."""

        def save(registration):
            section["save"](
                registration=registration, data=form.section_data(section), user=self.request.user
            )

        return save

    @staticmethod
    def consent_version():
        return settings.PRIVACY_NOTICE_VERSION


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
