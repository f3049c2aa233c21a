"""Judging, one function per transition: a judge's scores of an entry, a
measured result, closing judging and publishing the results. Each checks who
acts and in which state, saves inside a transaction and leaves a Wagtail log
entry on the competition page.
"""

from collections.abc import Mapping
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from competitions.alternative_formats import SOURCE_KEY as RESULTS_FORMATS
from competitions.alternative_formats import results_pages
from competitions.enums import JudgingState, ResultStatus
from competitions.models import (
    CompetitionPage,
    Criterion,
    Entry,
    JuryMember,
    MeasuredResult,
    Score,
)
from core.cache import invalidate_page_cache
from formats.tasks import enqueue_changed
from registrations.enums import RegistrationStatus


class JudgingError(Exception):
    """An action the jury cannot take now; `message` says why in words."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def jury_seat(competition: CompetitionPage, user) -> JuryMember | None:
    if not user.is_authenticated:
        return None
    return JuryMember.objects.filter(competition=competition, user=user).first()


def _require_judge(competition, user) -> JuryMember:
    seat = jury_seat(competition, user)
    if seat is None:
        raise JudgingError(_("You are not on the jury of this competition."))
    return seat


def _require_chair(competition, user) -> JuryMember:
    seat = _require_judge(competition, user)
    if not seat.is_chair:
        raise JudgingError(_("Only the chair of the jury can do this."))
    return seat


def _require_open(competition):
    if competition.judging_state != JudgingState.OPEN:
        raise JudgingError(
            _("Judging of this competition is closed: scores can no longer be changed.")
        )


def _require_competing(entry: Entry) -> None:
    """Checked inside the transaction: the entry may have been withdrawn
    while the judge had its form open."""
    if Entry.objects.withdrawn().filter(pk=entry.pk).exists():
        raise JudgingError(
            _("%(name)s has withdrawn from the competition: the entry is no longer judged.")
            % {"name": entry.participant_name}
        )


def _locked(competition: CompetitionPage) -> CompetitionPage:
    """The competition's row, locked until the transaction ends (a close
    cannot slip between a judge's check and their save)."""
    return CompetitionPage.objects.select_for_update().get(pk=competition.pk)


def scores_save(*, entry: Entry, judge, values: Mapping[Criterion, Decimal]) -> list[Criterion]:
    """Save a judge's scores of one entry; returns the criteria whose score changed.

    Saving the same scores twice (a double submit, a reload) changes nothing."""
    competition = entry.competition
    _require_judge(competition, judge)
    for criterion, value in values.items():
        if criterion.competition_id != competition.pk:
            raise JudgingError(_("That criterion belongs to another competition."))
        if not (0 <= value <= criterion.maximum):
            raise JudgingError(
                _("The score for “%(criterion)s” must be from 0 to %(maximum)s.")
                % {"criterion": criterion.name, "maximum": f"{criterion.maximum.normalize():f}"}
            )
    changed = []
    with transaction.atomic():
        competition = _locked(competition)
        _require_open(competition)
        _require_competing(entry)
        existing = {s.criterion_id: s for s in Score.objects.filter(entry=entry, judge=judge)}
        for criterion, value in values.items():
            score = existing.get(criterion.pk)
            if score is None:
                try:
                    with transaction.atomic():
                        Score.objects.create(
                            entry=entry, judge=judge, criterion=criterion, value=value
                        )
                except IntegrityError:
                    # The same form posted twice at once: the other request won.
                    Score.objects.filter(entry=entry, judge=judge, criterion=criterion).update(
                        value=value, updated_at=timezone.now()
                    )
                changed.append(criterion)
            elif score.value != value:
                score.value = value
                score.save(update_fields=["value", "updated_at"])
                changed.append(criterion)
        if changed:
            log(
                instance=competition,
                action="competitions.score.save",
                user=judge,
                data={
                    "entry": entry.pk,
                    "scores": {str(c.pk): str(values[c]) for c in changed},
                },
            )
    return changed


def result_record(
    *, entry: Entry, user, status: str, value: Decimal | None = None
) -> MeasuredResult:
    """Record a measured result (or DNF/DNS/DSQ) of an entry."""
    competition = entry.competition
    _require_judge(competition, user)
    if status == ResultStatus.FINISHED and value is None:
        raise JudgingError(_("Enter the result, or choose why there is none."))
    if status != ResultStatus.FINISHED:
        value = None
    with transaction.atomic():
        competition = _locked(competition)
        _require_open(competition)
        _require_competing(entry)
        result, created = MeasuredResult.objects.get_or_create(
            entry=entry, defaults={"value": value, "status": status, "recorded_by": user}
        )
        if not created and (result.value != value or result.status != status):
            result.value, result.status, result.recorded_by = value, status, user
            result.save(update_fields=["value", "status", "recorded_by", "updated_at"])
        elif not created:
            return result
        log(
            instance=competition,
            action="competitions.result.save",
            user=user,
            data={"entry": entry.pk, "status": status, "value": str(value or "")},
        )
    return result


def missing_scores(competition: CompetitionPage) -> list[tuple[Entry, JuryMember, list]]:
    """Which judge has not scored which entry on which criteria (for the chair)."""
    entries = list(
        Entry.objects.competing()
        .filter(competition=competition)
        .select_related("registration__person")
    )
    if competition.is_measured:
        recorded = set(
            MeasuredResult.objects.filter(entry__competition=competition).values_list(
                "entry_id", flat=True
            )
        )
        return [(e, None, []) for e in entries if e.pk not in recorded]
    jury = list(competition.jury.select_related("user"))
    criteria = list(competition.criteria.all())
    given = set(
        Score.objects.filter(entry__competition=competition).values_list(
            "entry_id", "judge_id", "criterion_id"
        )
    )
    missing = []
    for entry in entries:
        for seat in jury:
            lacking = [c for c in criteria if (entry.pk, seat.user_id, c.pk) not in given]
            if lacking:
                missing.append((entry, seat, lacking))
    return missing


def judging_close(*, competition: CompetitionPage, user) -> CompetitionPage:
    _require_chair(competition, user)
    with transaction.atomic():
        competition = _locked(competition)
        _require_open(competition)
        competition.judging_state = JudgingState.CLOSED
        competition.judging_closed_at = timezone.now()
        competition.save(update_fields=["judging_state", "judging_closed_at"])
        log(instance=competition, action="competitions.judging.close", user=user)
    return competition


def judging_reopen(*, competition: CompetitionPage, user) -> CompetitionPage:
    """The chair opens judging again (before publishing), e.g. for a late score."""
    _require_chair(competition, user)
    with transaction.atomic():
        competition = _locked(competition)
        if competition.judging_state != JudgingState.CLOSED:
            raise JudgingError(_("Only closed judging can be opened again."))
        competition.judging_state = JudgingState.OPEN
        competition.judging_closed_at = None
        competition.save(update_fields=["judging_state", "judging_closed_at"])
        log(instance=competition, action="competitions.judging.reopen", user=user)
    return competition


def results_publish(*, competition: CompetitionPage, user, decision: str = "") -> CompetitionPage:
    """Publish the results. With scores missing the chair must record a decision."""
    _require_chair(competition, user)
    decision = decision.strip()
    with transaction.atomic():
        competition = _locked(competition)
        if competition.judging_state == JudgingState.OPEN:
            raise JudgingError(_("Close judging before publishing the results."))
        if competition.judging_state == JudgingState.PUBLISHED:
            raise JudgingError(_("The results are already published."))
        missing = missing_scores(competition)
        if missing and not decision:
            raise JudgingError(
                _(
                    "Some scores are missing. Write down the jury's decision to publish "
                    "without them, or open judging again."
                )
            )
        competition.judging_state = JudgingState.PUBLISHED
        competition.results_published_at = timezone.now()
        competition.publish_decision = decision if missing else ""
        competition.save(
            update_fields=["judging_state", "results_published_at", "publish_decision"]
        )
        log(
            instance=competition,
            action="competitions.results.publish",
            user=user,
            data={"missing": len(missing), "decision": competition.publish_decision},
        )
        # Braille and audio of the results, on each language's page, in the background.
        enqueue_changed(RESULTS_FORMATS, results_pages(competition))
    invalidate_page_cache()
    return competition


def entry_add(
    *,
    competition: CompetitionPage,
    registration,
    category,
    work_title: str = "",
    work_author: str = "",
    user=None,
) -> Entry:
    """Place a registration of this competition in one of its categories."""
    # A registration made on a translation of the competition counts for it.
    if (
        registration.event_id != competition.pk
        and registration.event.translation_key != competition.translation_key
    ):
        raise JudgingError(_("That registration is for another event."))
    if category.competition_id != competition.pk:
        raise JudgingError(_("That category belongs to another competition."))
    if registration.status in WITHDRAWING:
        raise JudgingError(_("A cancelled or rejected registration cannot be entered."))
    with transaction.atomic():
        # A withdrawn entry of the registration is its entry still.
        entry, created = Entry.objects.get_or_create(
            registration=registration,
            defaults={
                "competition": competition,
                "category": category,
                "work_title": work_title,
                "work_author": work_author,
                "running_order": Entry.objects.filter(competition=competition).count() + 1,
            },
        )
        if created:
            log(
                instance=competition,
                action="competitions.entry.add",
                user=user,
                data={"entry": entry.pk, "category": category.pk},
            )
        elif (
            (work_title or work_author)
            and (entry.work_title, entry.work_author) != (work_title, work_author)
            and _judging_state(competition.pk) == JudgingState.OPEN
        ):
            # Applying again with another work: the work given now counts,
            # while the jury has not closed judging.
            before = {"work_title": entry.work_title, "work_author": entry.work_author}
            entry.work_title, entry.work_author = work_title, work_author
            entry.save(update_fields=["work_title", "work_author"])
            log(
                instance=competition,
                action="competitions.entry.work",
                user=user,
                data={
                    "entry": entry.pk,
                    "before": before,
                    "after": {"work_title": work_title, "work_author": work_author},
                },
            )
    return entry


def entry_for_registration(
    *,
    competition: CompetitionPage,
    registration,
    work_title: str = "",
    work_author: str = "",
    user=None,
) -> Entry:
    """Enter a registration for `competition` (in any language) in the judged
    competition's first category; staff may move it to another one. Used by
    the festival's application form and by registration by phone."""
    judged = competition.judged
    category = judged.categories.order_by("sort_order", "pk").first()
    if category is None:
        raise JudgingError(_("This competition is not ready for entries yet: it has no category."))
    return entry_add(
        competition=judged,
        registration=registration,
        category=category,
        work_title=work_title,
        work_author=work_author,
        user=user,
    )


# Registration statuses whose entry leaves the competition.
WITHDRAWING = {RegistrationStatus.CANCELLED, RegistrationStatus.REJECTED}


def _judging_state(competition_id: int) -> str:
    # Read, not locked: the registration engine already holds the event's
    # rows, and locking the competition's row too (after them, where the
    # jury's actions lock it first) could deadlock on PostgreSQL.
    return CompetitionPage.objects.values_list("judging_state", flat=True).get(pk=competition_id)


def _locked_entry(entry: Entry) -> Entry:
    """The entry's row alone, locked (not the competition's: see above)."""
    return (
        Entry.objects.select_for_update(of=("self",)).select_related("competition").get(pk=entry.pk)
    )


def entry_withdraw(*, entry: Entry, user=None) -> Entry:
    """Take an entry out of the judges' screens, the standings and the
    published results: its registration was cancelled or not accepted.

    The entry is kept, marked withdrawn, whatever the state of judging: the
    scores already given stay for the record (and in the audit log), and the
    entry keeps its category, work and running order if it comes back
    (entry_reinstate). Withdrawing twice changes nothing."""
    with transaction.atomic():
        entry = _locked_entry(entry)
        if entry.withdrawn_at is not None:
            return entry
        state = _judging_state(entry.competition_id)
        entry.withdrawn_at = timezone.now()
        entry.save(update_fields=["withdrawn_at"])
        log(
            instance=entry.competition,
            action="competitions.entry.withdraw",
            user=user,
            data={
                "entry": entry.pk,
                "registration": entry.registration_id,
                "judging": state,
                "scores_kept": entry.scores.count(),
            },
        )
        if state == JudgingState.PUBLISHED:
            # The published results change: visitors must not get the old page,
            # nor its braille and audio.
            transaction.on_commit(invalidate_page_cache)
            enqueue_changed(RESULTS_FORMATS, results_pages(entry.competition))
    return entry


def entry_reinstate(*, entry: Entry, user=None) -> bool:
    """Bring a withdrawn entry back when the person registers again; only
    while judging is open (after the jury has closed it the entries it
    judged are fixed, and the entry stays withdrawn). Returns whether the
    entry competes now."""
    with transaction.atomic():
        entry = _locked_entry(entry)
        if entry.withdrawn_at is None:
            return True
        if _judging_state(entry.competition_id) != JudgingState.OPEN:
            return False
        entry.withdrawn_at = None
        entry.save(update_fields=["withdrawn_at"])
        log(
            instance=entry.competition,
            action="competitions.entry.reinstate",
            user=user,
            data={"entry": entry.pk, "registration": entry.registration_id},
        )
    return True
