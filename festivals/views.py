"""The application form of a festival edition (`<edition>/register/`): the
kernel's registration page with a choice of nomination. The person's private
page is the nomination's own (`<nomination>/registration/<token>/`)."""

import logging

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from core import ratelimit
from core.forms import honeypot_filled
from events.windows import registration_window
from festivals.forms import ApplicationForm
from festivals.services import application_submit
from registrations.services import RegistrationError
from registrations.views import DOUBLE_SUBMIT_WINDOW, HttpResponseSeeOther, private_url

logger = logging.getLogger(__name__)

TEMPLATE = "festivals/apply.html"


def _response(request, edition, status=200, **context):
    return TemplateResponse(
        request,
        TEMPLATE,
        {"page": edition, "self": edition, "breadcrumb_here": _("Registration"), **context},
        status=status,
    )


@never_cache
def apply(request, edition):
    nominations = edition.open_nominations()
    window = registration_window(edition)
    if not window.is_open or not nominations:
        opens_later = edition.registration_opens is not None and (
            timezone.now() < edition.registration_opens
        )
        if window.is_open:
            window = type(window)(False, _("No nomination of this edition takes applications now."))
        return _response(request, edition, window=window, closed=True, opens_later=opens_later)
    language = edition.locale.language_code
    if request.method != "POST":
        form = ApplicationForm(edition=edition, nominations=nominations, language=language)
        # From a nomination's page: that nomination is already chosen.
        chosen = request.GET.get("nomination", "")
        if chosen in {str(nomination.pk) for nomination in nominations}:
            form.fields["nomination"].initial = int(chosen)
        return _response(request, edition, form=form)

    form = ApplicationForm(
        request.POST, edition=edition, nominations=nominations, language=language
    )
    if ratelimit.hit(request, group=f"register:{edition.pk}"):
        form.is_valid()
        form.add_error(
            None,
            _(
                "Too many forms were sent from your connection. Please wait a minute and send again: what you typed is kept."
            ),
        )
        return _response(request, edition, form=form, status=429)
    valid = form.is_valid()
    if honeypot_filled(form):
        return HttpResponseSeeOther(edition.url)
    if not valid:
        return _response(request, edition, form=form)
    nomination = form.cleaned_data["nomination"]
    try:
        registration, created = application_submit(
            edition=edition,
            nomination=nomination,
            person=form.person_data(),
            consent_version=settings.PRIVACY_NOTICE_VERSION,
            work_title=form.cleaned_data.get("work_title") or "",
            work_author=form.cleaned_data.get("work_author") or "",
            **form.registration_data(),
        )
    except RegistrationError as error:
        form.add_error(None, error.message)
        return _response(request, edition, form=form)
    if not created and timezone.now() - registration.created_at > DOUBLE_SUBMIT_WINDOW:
        return _response(request, edition, already_registered=True)
    return HttpResponseSeeOther(private_url(registration.event.specific, registration) + "?new=1")
