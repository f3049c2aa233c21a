"""Staff screens for a person's data: find a person, download everything we
hold about them (JSON), erase them on request (registered in wagtail_hooks).
What other apps hold about the person is shown through hooks (below), so
these screens know none of those apps.

Who may use them: staff who can see registrations of every branch
(`registrations.view_all_branches`) *and* disability groups
(`registrations.view_disability_group`); superusers have both. A person registers at
events of any branch, so only department-wide staff see the whole record, and
the download holds the disability group, so it needs that permission too.
(The permissions are registrations', named here by string only.)

Hooks that add to the screens, each `template` rendered with `section`:
- `person_search_columns`: `() -> [(heading, name, expression), ...]`,
  columns of the search results, each an annotation of Person (registrations:
  the number of registrations);
- `person_record_sections`: `(request, person) -> {"template": ..., ...} | None`,
  sections of the person's record (registrations: their registrations);
- `person_erase_sections`: `(request, person) -> {"template": ..., ...} | None`,
  said on the erasure's confirmation page before it is confirmed
  (registrations: how many registrations go, how many are cancelled first).
"""

import functools
import json
import re

from django import forms
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem

from people.models import Person
from people.privacy import log_export, person_erase, person_erase_preview, person_export
from people.services import normalise_phone

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
                "people/admin/person_forbidden.html",
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


def _sections(hook_name: str, request: HttpRequest, person: Person) -> list[dict]:
    return [section for fn in hooks.get_hooks(hook_name) if (section := fn(request, person))]


def search_columns() -> list[tuple]:
    return [column for fn in hooks.get_hooks("person_search_columns") for column in fn()]


def find_people(query: str) -> QuerySet:
    """People whose name contains the words, or whose phone or e-mail matches
    (annotated with the values of the `person_search_columns`)."""
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
        .annotate(**{name: expression for _heading, name, expression in search_columns()})
        .order_by("name_key", "pk")
    )


# Views ---------------------------------------------------------------------


@require_GET
@_staff_only
def person_search(request: HttpRequest) -> HttpResponse:
    form = PersonSearchForm(request.GET or None)
    people, searched = [], False
    columns = search_columns()
    if form.is_valid() and form.cleaned_data["q"].strip():
        searched = True
        people = [
            (person, [getattr(person, name) for _heading, name, _expression in columns])
            for person in find_people(form.cleaned_data["q"])[: SEARCH_LIMIT + 1]
        ]
    return TemplateResponse(
        request,
        "people/admin/person_search.html",
        {
            "page_title": _("Personal data"),
            "form": form,
            "searched": searched,
            "people": people[:SEARCH_LIMIT],
            "more": len(people) > SEARCH_LIMIT,
            "columns": [heading for heading, _name, _expression in columns],
            "limit": SEARCH_LIMIT,
        },
    )


@require_GET
@_staff_only
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(Person.objects.select_related("branch"), pk=pk)
    return TemplateResponse(
        request,
        "people/admin/person_detail.html",
        {
            "page_title": _("Personal data"),
            "person": person,
            "sections": _sections("person_record_sections", request, person),
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
    """Ask for the name, then erase (`people.privacy.person_erase`)."""
    person = get_object_or_404(Person, pk=pk)
    form = EraseForm(request.POST or None, person=person)
    if request.method == "POST" and form.is_valid():
        report = person_erase(person=person, by=request.user)
        for note in report.notes:
            messages.success(request, note)
        for warning in report.warnings:
            messages.warning(request, warning)
        return redirect("events_privacy:search")
    return TemplateResponse(
        request,
        "people/admin/person_erase.html",
        {
            "page_title": _("Erase this person's data"),
            "person": person,
            "form": form,
            "sections": _sections("person_erase_sections", request, person),
            "also": person_erase_preview(person),
        },
        status=400 if form.is_bound else 200,
    )


# URLs and menu (registered in wagtail_hooks) -------------------------------


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return can_manage_personal_data(request.user)


urlpatterns = [
    path("", person_search, name="search"),
    path("<int:pk>/", person_detail, name="detail"),
    path("<int:pk>/download/", person_download, name="download"),
    path("<int:pk>/erase/", person_erase_view, name="erase"),
]


def person_admin_url(person: Person) -> str:
    """For other screens (registration lists) to link to a person's record."""
    return reverse("events_privacy:detail", args=[person.pk])
