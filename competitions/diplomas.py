"""Diplomas for the places of published results and participation
certificates for everyone who took part, issued in one action through the
certificate batches (one batch per kind), for one competition or for every
nomination of a festival edition at once.

Who gets what, read from the published standings (`competitions.standings`):

- a diploma for the Grand Prix, or else for place I, II or III: a shared
  place is given to each entry that shares it. The Grand Prix is the jury's
  award above the places, so it replaces the diploma of the entry's place;
- a second diploma for a special prize, if the jury named one;
- a participation certificate for every entry that took part: in a scored
  contest, an entry with at least one score; in a measured one, an entry
  that finished, did not finish or was disqualified (all of them started).
  An entry that did not start, or has no score or result at all, gets none;
- nothing for an entry whose registration no longer holds a place
  (cancelled, rejected, waiting): it has withdrawn. Such entries are listed
  with the reason, for staff to see.

Every certificate has a key of its own that never changes
(`certificates.services.source_key`), so running the action again issues
nothing twice (`certificates.services.certificate_issue` finds the valid
certificate of a key):
``diploma:<competition translation key>:entry:<entry id>`` (place or Grand
Prix), the same with ``:special`` (special prize), and
``participation:<competition translation key>:registration:<registration id>``
— the key the certificates' own "everyone who attended" batch gives the
same registration, so the two never both issue one.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.log_actions import log

from certificates import batches as certificate_batches
from certificates import services as certificates
from certificates import tasks as certificate_tasks
from certificates.enums import BatchKind, CertificateKind, CertificateLanguage, Place
from certificates.models import Certificate, CertificateBatch, CertificateTemplate
from competitions.enums import JudgingState, ResultStatus
from competitions.models import CompetitionPage, Entry
from competitions.standings import competition_standings
from events.models import EventPage
from registrations.enums import RegistrationStatus

PLACES = {1: Place.FIRST, 2: Place.SECOND, 3: Place.THIRD}
# Measured entries without a place that still took part: they started.
STARTED_WITHOUT_PLACE = {ResultStatus.DNF, ResultStatus.DSQ}


class NothingNew(certificates.CertificateError):
    """Every certificate of the results was issued before: no batch is made."""


@dataclass(frozen=True)
class Line:
    """One certificate the action gives: to whom, what for, under which key."""

    kind: str  # CertificateKind.DIPLOMA or PARTICIPATION
    competition: CompetitionPage
    entry: Entry
    key: str
    nomination: str
    place: str = ""
    special_prize: str = ""

    @property
    def name(self) -> str:
        return self.entry.participant_name

    @property
    def award(self) -> str:
        return certificates.place_text(self.place, self.special_prize)

    def recipient(self) -> dict:
        person = self.entry.registration.person
        return {
            "key": self.key,
            "name": person.full_name,
            "email": person.email,
            "registration": self.entry.registration_id,
            "entry": self.entry.pk,
            "nomination": self.nomination,
            "place": str(self.place),
            "special_prize": self.special_prize,
        }


@dataclass(frozen=True)
class Skipped:
    """An entry that gets nothing, and why, in words."""

    competition: CompetitionPage
    entry: Entry
    reason: str


@dataclass
class DiplomaPlan:
    """What the action would issue for an event, before anything is made."""

    event: EventPage  # the event the certificates name (the festival edition for its nominations)
    competitions: list[CompetitionPage] = field(default_factory=list)  # results published
    unpublished: list[CompetitionPage] = field(default_factory=list)
    diplomas: list[Line] = field(default_factory=list)
    participation: list[Line] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    issued_keys: set[str] = field(default_factory=set)  # keys with a valid certificate already

    @property
    def lines(self) -> list[Line]:
        return self.diplomas + self.participation

    def new(self, lines: list[Line]) -> list[Line]:
        return [line for line in lines if line.key not in self.issued_keys]

    @property
    def already_issued(self) -> int:
        return sum(1 for line in self.lines if line.key in self.issued_keys)

    def name_problems(self) -> list[tuple[Line, str]]:
        """Names that cannot be printed (too long): their certificates would
        be listed as not issued in the batch, so staff are told before."""
        seen, problems = set(), []
        for line in self.lines:
            if line.entry.pk in seen:
                continue
            seen.add(line.entry.pk)
            problem = certificates.name_problem(line.name)
            if problem:
                problems.append((line, problem))
        return problems

    def summary(self) -> str:
        """“12 diplomas and 48 participation certificates”."""
        return counts_text(len(self.diplomas), len(self.participation))

    def per_competition(self) -> list[dict]:
        rows = []
        for competition in self.competitions:
            rows.append(
                {
                    "competition": competition,
                    "diplomas": sum(1 for d in self.diplomas if d.competition is competition),
                    "participation": sum(
                        1 for p in self.participation if p.competition is competition
                    ),
                    "skipped": sum(1 for s in self.skipped if s.competition is competition),
                }
            )
        return rows


def counts_text(diplomas: int, participation: int) -> str:
    return _("%(diplomas)s and %(certificates)s") % {
        "diplomas": ngettext("%(count)s diploma", "%(count)s diplomas", diplomas)
        % {"count": diplomas},
        "certificates": ngettext(
            "%(count)s participation certificate",
            "%(count)s participation certificates",
            participation,
        )
        % {"count": participation},
    }


# ---------------------------------------------------------------------------
# Which competitions, and which event the certificates name


def _in_default_language(page):
    """The page in the site's default language: the one whose entries count."""
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return page
    return (
        type(page)
        .objects.filter(
            translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
        )
        .first()
        or page
    )


def certificate_event(competition: CompetitionPage) -> EventPage:
    """What the certificates name as the event: a festival edition (or any
    event) the competition is a nomination of, else the competition itself;
    the same whichever screen the action starts from."""
    parent = competition.get_parent().specific
    return parent if isinstance(parent, EventPage) else competition


def event_competitions(event: EventPage) -> tuple[EventPage, list[CompetitionPage]]:
    """The event the certificates name, and the (judged) competitions of
    `event`: the competition itself, or an edition's nominations in the
    order of the page tree."""
    event = event.specific
    if isinstance(event, CompetitionPage):
        # Read again: the judging state counts as it is now in the database.
        competition = CompetitionPage.objects.get(pk=event.judged.pk)
        return certificate_event(competition), [competition]
    event = _in_default_language(event)
    return event, list(CompetitionPage.objects.child_of(event).order_by("path"))


def has_competitions(page_class) -> bool:
    """Can such a page have diplomas: a competition, or an event whose
    children are competitions (a festival edition)?"""
    return issubclass(page_class, CompetitionPage) or (
        issubclass(page_class, EventPage) and CompetitionPage in page_class.allowed_subpage_models()
    )


# ---------------------------------------------------------------------------
# The plan


def _translation(competition: CompetitionPage, language: str) -> CompetitionPage:
    return (
        CompetitionPage.objects.filter(
            translation_key=competition.translation_key, locale__language_code=language
        ).first()
        or competition
    )


def _nomination(competition, event, translated, category_names, category) -> str:
    """What the certificate says the entry was in: the nomination (for a
    festival) and the category, where there is more than one."""
    category_name = category_names.get(category.sort_order, category.name)
    parts = []
    if event.pk != competition.pk:
        parts.append(translated.title)
    if len(category_names) > 1:
        parts.append(category_name)
    return ", ".join(parts)


def _took_part(competition: CompetitionPage, row) -> bool:
    """Placed (so scored or measured), awarded by the jury, or started."""
    if row.place is not None or row.entry.grand_prix or row.entry.special_prize.strip():
        return True
    return competition.is_measured and row.status in STARTED_WITHOUT_PLACE


def _why_not(competition: CompetitionPage, row) -> str:
    if competition.is_measured:
        if row.status == ResultStatus.DNS:
            return _("did not start")
        return _("no result was recorded")
    return _("no judge scored this entry")


def _diploma(competition, entry, nomination: str, *, place: str, special_prize: str = "") -> Line:
    """The diploma of an entry's place (or Grand Prix), or of its special
    prize, which has a key of its own."""
    return Line(
        CertificateKind.DIPLOMA,
        competition,
        entry,
        key=certificates.source_key(
            CertificateKind.DIPLOMA,
            competition,
            entry_id=entry.pk,
            special_prize=bool(special_prize),
        ),
        nomination=nomination,
        place=place,
        special_prize=special_prize,
    )


def diplomas_plan(event: EventPage, *, language: str = settings.LANGUAGE_CODE) -> DiplomaPlan:
    """Who would get which diploma and participation certificate for the
    published results of `event` (a competition, or a festival edition with
    its nominations). Reads only; nothing is made."""
    certificate_for, competitions = event_competitions(event)
    plan = DiplomaPlan(event=certificate_for)
    lead = CertificateLanguage.parts(language)[0]
    for competition in competitions:
        if competition.judging_state != JudgingState.PUBLISHED:
            plan.unpublished.append(competition)
            continue
        plan.competitions.append(competition)
        translated = _translation(competition, lead)
        category_names = {c.sort_order: c.name for c in translated.categories.all()}
        for table in competition_standings(competition):
            for row in table.rows:
                entry = row.entry
                if entry.registration.status not in RegistrationStatus.holding_a_place():
                    plan.skipped.append(
                        Skipped(
                            competition,
                            entry,
                            _("withdrawn or not admitted: the registration is “%(status)s”")
                            % {"status": entry.registration.get_status_display()},
                        )
                    )
                    continue
                if not _took_part(competition, row):
                    plan.skipped.append(Skipped(competition, entry, _why_not(competition, row)))
                    continue
                nomination = _nomination(
                    competition, certificate_for, translated, category_names, table.category
                )
                place = Place.GRAND_PRIX if entry.grand_prix else PLACES.get(row.place or 0, "")
                if place:
                    plan.diplomas.append(_diploma(competition, entry, nomination, place=place))
                if entry.special_prize.strip():
                    plan.diplomas.append(
                        _diploma(
                            competition,
                            entry,
                            nomination,
                            place=Place.SPECIAL,
                            special_prize=entry.special_prize.strip(),
                        )
                    )
                plan.participation.append(
                    Line(
                        CertificateKind.PARTICIPATION,
                        competition,
                        entry,
                        key=certificates.source_key(
                            CertificateKind.PARTICIPATION,
                            competition,
                            registration_id=entry.registration_id,
                        ),
                        nomination=nomination,
                    )
                )
    plan.participation.sort(key=lambda line: line.entry.registration.person.name_key)
    keys = [line.key for line in plan.lines]
    plan.issued_keys = set(
        Certificate.objects.valid().filter(source_key__in=keys).values_list("source_key", flat=True)
    )
    return plan


# ---------------------------------------------------------------------------
# The action


def _check_template(template, kind: str, language: str, label: str) -> None:
    if template is None:
        raise certificates.CertificateError(_("Choose the %(template)s.") % {"template": label})
    if template.kind != kind:
        raise certificates.CertificateError(
            _("“%(name)s” is not a template of the right kind for the %(template)s.")
            % {"name": template.name, "template": label}
        )
    problems = certificates.template_problems(template, language)
    if problems:
        raise certificates.CertificateError(
            _("The %(template)s “%(name)s” cannot be used yet: %(problems)s")
            % {"template": label, "name": template.name, "problems": " ".join(problems)}
        )


def refusal(plan: DiplomaPlan) -> str:
    """Why nothing can be issued for this plan at all ('' if something can)."""
    if not plan.competitions:
        if plan.unpublished:
            return ngettext(
                "The results of %(names)s are not published yet: diplomas can be issued "
                "once the chair of the jury publishes them.",
                "The results of %(names)s are not published yet: diplomas can be issued "
                "once the chairs of the juries publish them.",
                len(plan.unpublished),
            ) % {"names": ", ".join(f"“{c.title}”" for c in plan.unpublished)}
        return _("This event has no competitions: there are no results to issue diplomas for.")
    if not plan.lines:
        return _("Nobody took part in the published results: there is nobody to issue to.")
    return ""


def diplomas_issue(
    *,
    event: EventPage,
    language: str,
    diploma_template: CertificateTemplate | None,
    participation_template: CertificateTemplate | None,
    by,
    send_email: bool = False,
    enqueue: bool = True,
) -> list[CertificateBatch]:
    """Make and queue a batch of diplomas and a batch of participation
    certificates for the published results of `event`, in one transaction.

    Refuses, with nothing made, when no results are published, when a
    template is missing, of another kind or incomplete in `language`; raises
    `NothingNew` when everyone has their certificates already. A kind whose
    certificates were all issued before gets no batch. With `enqueue=False`
    the caller runs the batches itself (the demo, at once)."""
    plan = diplomas_plan(event, language=language)
    reason = refusal(plan)
    if reason:
        raise certificates.CertificateError(reason)
    work = [
        (
            BatchKind.DIPLOMAS,
            CertificateKind.DIPLOMA,
            plan.diplomas,
            diploma_template,
            _("diploma template"),
        ),
        (
            BatchKind.PARTICIPATION,
            CertificateKind.PARTICIPATION,
            plan.participation,
            participation_template,
            _("participation certificate template"),
        ),
    ]
    for _batch_kind, kind, lines, template, label in work:
        if lines:
            _check_template(template, kind, language, label)
    if not plan.new(plan.lines):
        raise NothingNew(
            _("Every diploma and certificate of these results was issued before: nothing is new.")
        )
    batches = []
    with transaction.atomic():
        for batch_kind, _kind, lines, template, _label in work:
            if not plan.new(lines):
                continue
            batch = certificate_batches.batch_create(
                kind=batch_kind,
                event=plan.event,
                template=template,
                language=language,
                by=by,
                recipients=[line.recipient() for line in lines],
                send_email=send_email,
            )
            if enqueue:
                certificate_tasks.batch_enqueue(batch)
            batches.append(batch)
        log(
            instance=plan.event,
            action="competitions.diplomas.issue",
            user=by,
            data={
                "competitions": [c.pk for c in plan.competitions],
                "diplomas": len(plan.diplomas),
                "participation": len(plan.participation),
                "new": len(plan.new(plan.lines)),
                "batches": [b.pk for b in batches],
            },
        )
    return batches
