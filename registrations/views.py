"""The public side of registration: the form on an event's page
(`<event>/register/`) and the person's private page
(`<event>/registration/<token>/`) to see the result and cancel.

Nothing here is cached for anyone else: both pages carry a CSRF token and
are sent `Cache-Control: private, no-store` (the private page's address is
the key to a registration)."""

import datetime
import logging

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail import hooks

from core import ratelimit
from core.cache import form_page
from core.forms import honeypot_filled
from events.windows import registration_window
from registrations.enums import RegistrationStatus as Status
from registrations.forms import RegistrationForm
from registrations.models import Registration
from registrations.services import RegistrationError, registration_cancel, registration_submit

logger = logging.getLogger(__name__)

# A second submission of the same person within this time is a double submit
# (a reload, a second press): it gets the same private page. Later, knowing
# someone's name and phone must not be enough to open their registration.
DOUBLE_SUBMIT_WINDOW = datetime.timedelta(minutes=30)
CANCELLABLE = {Status.PENDING, Status.CONFIRMED, Status.WAITLISTED}


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


def page_sections(request, registration) -> list[dict]:
    """Sections other apps add to the private page (certificates adds the
    holder's certificates), through the Wagtail hook
    `registration_page_sections`: a callable `(request, registration) ->
    {"template": ..., ...} | None`. events never imports those apps."""
    sections = []
    for hook in hooks.get_hooks("registration_page_sections"):
        section = hook(request, registration)
        if section:
            sections.append(section)
    return sections


def _context(page, **extra) -> dict:
    # The breadcrumbs end here, after the event's page (includes/breadcrumbs.html).
    return {"page": page, "self": page, "breadcrumb_here": _("Registration"), **extra}


def private_url(page, registration) -> str:
    return page.url + page.reverse_subpage(
        "registration", kwargs={"token": registration.access_token}
    )


@never_cache
def register(request, page):
    window = registration_window(page)
    if not window.is_open:
        opens_later = page.registration_opens is not None and (
            timezone.now() < page.registration_opens
        )
        return TemplateResponse(
            request,
            "registrations/register.html",
            _context(page, window=window, closed=True, opens_later=opens_later),
        )
    language = page.locale.language_code
    if request.method != "POST":

        def render(csrf_token):
            response = _form_response(
                request, page, RegistrationForm(event=page, language=language)
            )
            if csrf_token is not None:
                response.context_data["csrf_token"] = csrf_token
            return response

        # The empty form is the same for everyone but the CSRF token: when many
        # register at once it is not rendered again for each of them.
        return form_page(request, render, key=f"register:{page.pk}:{timezone.localdate()}")

    form = RegistrationForm(request.POST, event=page, language=language)
    if ratelimit.hit(request, group=f"register:{page.pk}"):
        form.is_valid()
        form.add_error(
            None,
            _(
                "Too many forms were sent from your connection. Please wait a minute and send again: what you typed is kept."
            ),
        )
        return _form_response(request, page, form, status=429)
    valid = form.is_valid()
    if honeypot_filled(form):
        return HttpResponseSeeOther(page.url)
    if not valid:
        return _form_response(request, page, form)
    try:
        registration, created = registration_submit(
            event=page,
            person=form.person_data(),
            consent_version=settings.PRIVACY_NOTICE_VERSION,
            **form.registration_data(),
        )
    except RegistrationError as error:
        form.add_error(None, error.message)
        return _form_response(request, page, form)
    if not created and timezone.now() - registration.created_at > DOUBLE_SUBMIT_WINDOW:
        return TemplateResponse(
            request, "registrations/register.html", _context(page, already_registered=True)
        )
    return HttpResponseSeeOther(private_url(page, registration) + "?new=1")


def _form_response(request, page, form, status=200):
    return TemplateResponse(
        request, "registrations/register.html", _context(page, form=form), status=status
    )


def status_heading(registration) -> str:
    """The result in words, as the page's heading."""
    status = registration.status
    if status == Status.CONFIRMED:
        return _("You are registered")
    if status == Status.WAITLISTED:
        return _("You are on the waiting list: number %(number)s") % {
            "number": registration.waitlist_rank
        }
    if status == Status.PENDING:
        return _("Your registration is waiting for approval")
    if status == Status.CANCELLED:
        return _("Your registration is cancelled")
    if status == Status.REJECTED:
        return _("Your registration was not accepted")
    return _("You came to this event: thank you")


def next_steps(registration) -> list[str]:
    status = registration.status
    if status == Status.CONFIRMED:
        return [
            _("A place is kept for you. Come at the time below."),
            _("At the entrance, say your registration code or your name."),
            _("If you cannot come, please cancel below, so that someone else can have the place."),
        ]
    if status == Status.WAITLISTED:
        return [
            _(
                "There are no free places now. When a place becomes free, it goes to the first person on the waiting list, and we tell you at once."
            ),
            _("You do not need to do anything. If you no longer want to come, cancel below."),
        ]
    if status == Status.PENDING:
        return [
            _(
                "The library staff look at each registration for this event and tell you whether yours is accepted. This page will show it too."
            ),
            _("If you no longer want to come, cancel below."),
        ]
    if status == Status.CANCELLED:
        return [_("Your place is free for someone else. Nothing more is needed from you.")]
    return []


@never_cache
def registration_detail(request, page, token):
    registration = (
        Registration.objects.filter(event_id=page.pk, access_token=token)
        .select_related("person")
        .first()
    )
    if registration is None:
        raise Http404("No such registration")
    error = ""
    if request.method == "POST":
        step = request.POST.get("step")
        if step == "ask" and registration.status in CANCELLABLE:
            return TemplateResponse(
                request,
                "registrations/registration_manage.html",
                _context(
                    page, registration=registration, private_url=private_url(page, registration)
                ),
            )
        if step == "confirm":
            try:
                registration_cancel(registration=registration)
            except RegistrationError as refused:
                error = refused.message
            else:
                return HttpResponseSeeOther(private_url(page, registration) + "?cancelled=1")
        elif not error:
            return HttpResponseSeeOther(private_url(page, registration))
    arrived = request.GET.get("new") == "1" or request.GET.get("cancelled") == "1"
    heading = status_heading(registration)
    return TemplateResponse(
        request,
        "registrations/registration_done.html",
        _context(
            page,
            registration=registration,
            heading=heading,
            announce=arrived,
            next_steps=next_steps(registration),
            can_cancel=registration.status in CANCELLABLE,
            private_url=private_url(page, registration),
            spelled_code=", ".join(
                " ".join(group) for group in registration.display_code.split("-")
            ),
            error=error,
            sections=page_sections(request, registration),
        ),
        status=409 if error else 200,
    )
