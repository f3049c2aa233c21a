"""How a competition's entries follow the registrations they are made of,
through the hooks of the registration engine (events never imports us):

- `registration_status_changed`: a cancelled or rejected registration's
  entry is withdrawn (out of judging, standings and results); registering
  again brings it back while judging is open.
- `assisted_registration_sections`: registering someone by phone for a
  competition (or a festival nomination) enters them in it, with the work
  performed when the competition is judged on one.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from competitions.models import CompetitionPage, Entry
from competitions.services import (
    WITHDRAWING,
    JudgingError,
    entry_for_registration,
    entry_reinstate,
    entry_withdraw,
)
from registrations.services import RegistrationError


@hooks.register("registration_status_changed")
def entry_follows_its_registration(registration, *, previous_status, by):
    withdrawn_now = registration.status in WITHDRAWING and previous_status not in WITHDRAWING
    back_now = previous_status in WITHDRAWING and registration.status not in WITHDRAWING
    if not (withdrawn_now or back_now):
        return  # no query for the transitions that do not concern entries
    entry = Entry.objects.filter(registration=registration).first()
    if entry is None:
        return
    if withdrawn_now:
        entry_withdraw(entry=entry, user=by)
    else:
        entry_reinstate(entry=entry, user=by)


WORK_TITLE = "entry_work_title"
WORK_AUTHOR = "entry_work_author"


@hooks.register("assisted_registration_sections")
def competition_entry_section(event):
    """The entry's part of the phone form: the work performed (for a
    competition judged on one), and where the person is entered."""
    competition = CompetitionPage.objects.filter(pk=event.pk).first()
    if competition is None:
        return None
    # The category's name in the admin's language: this page's own (the
    # judged competition's categories are the same, in the same order).
    category = competition.categories.order_by("sort_order", "pk").first()
    if category is None:
        note = _("This competition has no category yet: nobody can be entered in it.")
    else:
        note = _(
            "The person is entered in the competition, in the category “%(category)s”. "
            "Staff can move the entry to another category in “Competition entries”."
        ) % {"category": category.name}
    fields = {}
    if competition.asks_for_work:
        fields = {
            WORK_TITLE: forms.CharField(
                label=_("Title of the work performed"),
                max_length=255,
                required=False,
                help_text=_("For example, the title of a poem, a song or a kui."),
            ),
            WORK_AUTHOR: forms.CharField(
                label=_("Author of the work"),
                max_length=200,
                required=False,
                help_text=_("For example: Mukagali Makatayev, or “folk song”."),
            ),
        }
    return {
        "legend": _("Competition entry"),
        "note": note,
        "fields": fields,
        "save": lambda *, registration, data, user: _enter(competition, registration, data, user),
    }


def _enter(competition, registration, data, user):
    try:
        entry_for_registration(
            competition=competition,
            registration=registration,
            work_title=data.get(WORK_TITLE) or "",
            work_author=data.get(WORK_AUTHOR) or "",
            user=user,
        )
    except JudgingError as error:
        raise RegistrationError(error.message) from error
