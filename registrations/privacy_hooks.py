"""Staff screens for a person's data: find a person, download everything we
hold about them (JSON), erase them on request (registered from wagtail_hooks).

Who may use them: staff who can see registrations of every branch
(`registrations.view_all_branches`) *and* disability groups
(`registrations.view_disability_group`); superusers have both. A person registers at
events of any branch, so only department-wide staff see the whole record, and
the download holds the disability group, so it needs that permission too.
"""

import functools
import json
import re

from django import forms
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import include, path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem

from people.models import Person
from people.services import normalise_phone
from registrations.privacy import (
    ERASE_ACTION,
    EXPORT_ACTION,
    PURGE_ACTION,
    log_export,
    person_erase,
    person_erase_preview,
    person_export,
)

PERMISSIONS = ("registrations.view_all_branches", "registrations.view_disability_group")
SEARCH_LIMIT = 50


def can_manage_personal_data(user) -> bool:
    return bool(user.is_active and user.has_perms(PERMISSIONS))


def _staff_only(view):
    """403 with an explanation for staff without the permissions. (Wagtail's
    own PermissionDenied handling redirects to the dashboard instead; the
    login itself is required by Wagtail for every admin URL.)"""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if not can_manage_personal_data(request.user):
            return TemplateResponse(
                request,
                "registrations/admin/person_forbidden.html",
                {"page_title": _("Personal data")},
                status=403,
            )
        return view(request, *args, **kwargs)

    return wrapped


# Forms ---------------------------------------------------------------------


class PersonSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name, phone or e-mail"),
        help_text=_("Part of a name, a phone number in any format, or an e-mail address."),
        max_length=200,
        required=False,
    )


class EraseForm(forms.Form):
    confirm_name = forms.CharField(
        label=_("Type the person's full name to confirm"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, person: Person, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person
        self.fields["confirm_name"].help_text = _("The name is: %(name)s") % {
            "name": person.full_name
        }

    def clean_confirm_name(self):
        value = self.cleaned_data["confirm_name"]
        if Person.fold_name(value) != Person.fold_name(self.person.full_name):
            raise forms.ValidationError(
                _("The name does not match. Type it as shown: %(name)s"),
                params={"name": self.person.full_name},
            )
        return value


def find_people(query: str) -> QuerySet:
    """People whose name contains the words, or whose phone or e-mail matches."""
    query = " ".join(query.split())
    if not query:
        return Person.objects.none()
    condition = Q(name_key__contains=Person.fold_name(query))
    if "@" in query:
        condition |= Q(email__icontains=query)
    digits = re.sub(r"\D", "", query)
    if len(digits) >= 4:
        condition |= Q(phone=normalise_phone(query)) | Q(phone__contains=digits)
    return (
        Person.objects.filter(condition)
        .select_related("branch")
        .annotate(registration_count=Count("registrations"))
        .order_by("name_key", "pk")
    )


# Views ---------------------------------------------------------------------


@require_GET
@_staff_only
def person_search(request: HttpRequest) -> HttpResponse:
    form = PersonSearchForm(request.GET or None)
    people, searched = [], False
    if form.is_valid() and form.cleaned_data["q"].strip():
        searched = True
        people = list(find_people(form.cleaned_data["q"])[: SEARCH_LIMIT + 1])
    return TemplateResponse(
        request,
        "registrations/admin/person_search.html",
        {
            "page_title": _("Personal data"),
            "form": form,
            "searched": searched,
            "people": people[:SEARCH_LIMIT],
            "more": len(people) > SEARCH_LIMIT,
            "limit": SEARCH_LIMIT,
        },
    )


@require_GET
@_staff_only
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(Person.objects.select_related("branch"), pk=pk)
    registrations = person.registrations.select_related("event").order_by("-event__start", "-pk")
    return TemplateResponse(
        request,
        "registrations/admin/person_detail.html",
        {
            "page_title": _("Personal data"),
            "person": person,
            "registrations": registrations,
        },
    )


@require_GET
@_staff_only
def person_download(request: HttpRequest, pk: int) -> HttpResponse:
    """Everything held about the person as a JSON file (the right of access)."""
    person = get_object_or_404(Person, pk=pk)
    data = person_export(person)
    log_export(person, by=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="person-{person.pk}.json"'
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
@_staff_only
def person_erase_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask for the name, then erase: future registrations are cancelled first."""
    person = get_object_or_404(Person, pk=pk)
    form = EraseForm(request.POST or None, person=person)
    if request.method == "POST" and form.is_valid():
        report = person_erase(person=person, by=request.user)
        messages.success(
            request,
            ngettext(
                "The person's data was erased: %(count)d registration deleted (%(cancelled)d of them cancelled first).",
                "The person's data was erased: %(count)d registrations deleted (%(cancelled)d of them cancelled first).",
                report.registrations_deleted,
            )
            % {"count": report.registrations_deleted, "cancelled": len(report.cancelled)},
        )
        for note in report.notes:
            messages.success(request, note)
        if report.promoted:
            messages.warning(
                request,
                ngettext(
                    "%(count)d person moved up from the waiting list into the freed place; those without an e-mail address need a phone call.",
                    "%(count)d people moved up from the waiting list into the freed places; those without an e-mail address need a phone call.",
                    len(report.promoted),
                )
                % {"count": len(report.promoted)},
            )
        return redirect("events_privacy:search")
    upcoming = person.registrations.filter(event__end__gte=timezone.now()).count()
    return TemplateResponse(
        request,
        "registrations/admin/person_erase.html",
        {
            "page_title": _("Erase this person's data"),
            "person": person,
            "form": form,
            "registration_count": person.registrations.count(),
            "upcoming_count": upcoming,
            "also": person_erase_preview(person),
        },
        status=400 if form.is_bound else 200,
    )


# Registration with Wagtail -------------------------------------------------


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return can_manage_personal_data(request.user)


urlpatterns = [
    path("", person_search, name="search"),
    path("<int:pk>/", person_detail, name="detail"),
    path("<int:pk>/download/", person_download, name="download"),
    path("<int:pk>/erase/", person_erase_view, name="erase"),
]


@hooks.register("register_admin_urls")
def register_personal_data_urls():
    return [path("personal-data/", include((urlpatterns, "events_privacy")))]


@hooks.register("register_log_actions")
def register_personal_data_actions(actions):
    for action, label in (
        (PURGE_ACTION, _("Personal data: cleared after the retention period")),
        (EXPORT_ACTION, _("Personal data: downloaded")),
        (ERASE_ACTION, _("Personal data: erased on request")),
    ):
        actions.register_action(action, label, label)


@hooks.register("register_admin_menu_item")
def register_personal_data_menu_item():
    return PersonalDataMenuItem(
        _("Personal data"),
        reverse_lazy("events_privacy:search"),
        name="personal-data",
        icon_name="user",
        order=950,
    )


def person_admin_url(person: Person) -> str:
    """For other screens (registration lists) to link to a person's record."""
    return reverse("events_privacy:detail", args=[person.pk])
