"""Applying for a nomination of a festival edition: a registration for that
nomination (the events engine, with its audit entry) placed as an entry in
the judged competition (the competitions app, with its audit entry)."""

from django.utils.translation import gettext_lazy as _

from competitions.models import CompetitionPage
from competitions.services import JudgingError, entry_for_registration
from registrations.services import RegistrationError, registration_submit


def application_submit(
    *,
    edition,
    nomination: CompetitionPage,
    person: dict,
    consent_version: str,
    work_title: str = "",
    work_author: str = "",
    entered_by=None,
    **fields,
):
    """Register the person (`person`: the details typed, as for
    registration_submit) for `nomination` of `edition` and enter them in its
    first category (staff may move the entry to another one). A person who
    cancelled and applies again gets their registration and their entry
    back (the entry keeps the work first given). Returns (registration,
    created)."""
    if nomination.get_parent().pk != edition.pk:
        raise RegistrationError(_("That nomination belongs to another edition."))
    if not nomination.judged.categories.exists():
        raise RegistrationError(_("This nomination is not ready for applications yet."))

    def enter(registration):
        try:
            entry_for_registration(
                competition=nomination,
                registration=registration,
                work_title=work_title,
                work_author=work_author,
                user=entered_by,
            )
        except JudgingError as error:
            raise RegistrationError(error.message) from error

    return registration_submit(
        event=nomination,
        person=person,
        consent_version=consent_version,
        entered_by=entered_by,
        then=[enter],
        **fields,
    )
