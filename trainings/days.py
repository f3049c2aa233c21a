"""The Methodologists' Days' state changes: a year's series of four Days, and
the resolutions of a Day (recorded, corrected, done, reopened).

Each function checks what it is given, changes it in one transaction and
writes the audit entry; the admin screens (day_views) only call them.
Resolutions belong to a Day's source page (the kk one): they are numbered
per source Day, and a Day given in another language is taken as its source.
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import Locale, Page

from branches.models import Branch, BranchKind
from formats.tasks import enqueue_changed
from trainings.alternative_formats import SOURCE_KEY as MINUTES_FORMATS
from trainings.alternative_formats import pages_showing
from trainings.enums import Quarter, ResolutionStatus
from trainings.models import MethodologistsDayPage, Resolution, TrainingIndexPage, source_of

# The rule the series proposes its dates by (said in the series screen).
SERIES_WEEKDAY = calendar.THURSDAY
SERIES_START = datetime.time(10, 0)
SERIES_END = datetime.time(13, 0)
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


class DayError(Exception):
    """A change the Days' rules refuse; `message` says why, translated."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


# ---------------------------------------------------------------------------
# The series of a year


def quarter_months(quarter: int) -> tuple[int, int]:
    """The first and last month of the quarter."""
    first = (quarter - 1) * 3 + 1
    return first, first + 2


def proposed_date(year: int, quarter: int) -> datetime.date:
    """The last Thursday of the quarter's second month."""
    month = quarter_months(quarter)[0] + 1
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    return last - datetime.timedelta(days=(last.weekday() - SERIES_WEEKDAY) % 7)


def proposed_dates(year: int) -> dict[int, datetime.date]:
    return {quarter: proposed_date(year, quarter) for quarter in Quarter.values}


def day_title(year: int, quarter: int, language: str) -> str:
    """ "Әдіскерлер күні — 2027, I тоқсан" in the language given."""
    with translation.override(language):
        return _("Methodologists' Day — %(year)s, quarter %(quarter)s") % {
            "year": year,
            "quarter": ROMAN[quarter],
        }


def day_summary(year: int, quarter: int, language: str) -> str:
    with translation.override(language):
        return _(
            "The quarterly meeting of the region's library methodologists: "
            "quarter %(quarter)s of %(year)s."
        ) % {"year": year, "quarter": ROMAN[quarter]}


def series_exists(year: int) -> bool:
    """Whether Days of the year exist (in the site's default language)."""
    return MethodologistsDayPage.objects.filter(
        year=year, locale__language_code=settings.LANGUAGE_CODE
    ).exists()


def _local(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, time))


def check_series_date(year: int, quarter: int, day: datetime.date) -> None:
    first, last = quarter_months(quarter)
    if day.year != year or not first <= day.month <= last:
        raise DayError(
            _("The Day of quarter %(quarter)s must fall in that quarter of %(year)s.")
            % {"quarter": ROMAN[quarter], "year": year}
        )


@dataclass
class SeriesResult:
    days: list[MethodologistsDayPage]
    translations: list[MethodologistsDayPage] = field(default_factory=list)
    # Languages whose trainings list is not translated: no Days made in them.
    missing_languages: list[str] = field(default_factory=list)


def day_series_create(
    *,
    index: TrainingIndexPage,
    year: int,
    by,
    dates: dict[int, datetime.date] | None = None,
) -> SeriesResult:
    """The four Days of `year` as drafts under the default-language trainings
    list `index`, and their translations as drafts under its translations.
    `dates` (quarter → date) defaults to the proposed ones; each Day runs
    10:00–13:00 in the site's time zone. DayError if the year's Days exist."""
    index = source_of(index)
    dates = {**proposed_dates(year), **(dates or {})}
    for quarter, day in dates.items():
        check_series_date(year, quarter, day)
    with transaction.atomic(), timezone.override(settings.TIME_ZONE):
        # Two staff (or a double click) making the same year wait for each other here.
        list(Page.objects.select_for_update().filter(pk=index.pk).values_list("pk"))
        if series_exists(year):
            raise DayError(
                _("The Methodologists' Days of %(year)s exist already: nothing was made.")
                % {"year": year}
            )
        language = index.locale.language_code
        organiser = Branch.objects.filter(kind=BranchKind.DEPARTMENT, locale=index.locale).first()
        result = SeriesResult(days=[])
        for quarter in sorted(dates):
            day = dates[quarter]
            page = MethodologistsDayPage(
                title=day_title(year, quarter, language),
                slug=find_available_slug(index, f"methodologists-day-{year}-q{quarter}"),
                start=_local(day, SERIES_START),
                end=_local(day, SERIES_END),
                summary=day_summary(year, quarter, language),
                year=year,
                quarter=quarter,
                organiser=organiser,
                live=False,
            )
            index.add_child(instance=page)
            page.save_revision(user=by)
            result.days.append(page)
        for locale in Locale.objects.exclude(pk=index.locale_id).order_by("pk"):
            code = locale.language_code
            if index.get_translation_or_none(locale) is None:
                result.missing_languages.append(code)
                continue
            for page in result.days:
                copy = CopyPageForTranslationAction(page, locale, user=by).execute(
                    skip_permission_checks=True
                )
                copy.title = copy.draft_title = day_title(year, page.quarter, code)
                copy.summary = day_summary(year, page.quarter, code)
                copy.save()
                copy.save_revision(user=by)
                result.translations.append(copy)
        log(
            instance=index,
            action="trainings.day_series.create",
            user=by,
            data={
                "year": year,
                "dates": {str(quarter): dates[quarter].isoformat() for quarter in sorted(dates)},
                "pages": [page.pk for page in result.days],
                "translations": [page.pk for page in result.translations],
                "missing_languages": result.missing_languages,
            },
        )
    return result


# ---------------------------------------------------------------------------
# Resolutions


def is_department(user) -> bool:
    """Methodology department staff: record, correct and reopen resolutions,
    and see (and close) everyone's."""
    return user.has_perm("trainings.change_resolution")


def may_close(user, resolution: Resolution) -> bool:
    """Its assignees (the person, or staff of the branch) and the department."""
    return (
        is_department(user)
        or Resolution.objects.assigned_to(user).filter(pk=resolution.pk).exists()
    )


def assignee_missing() -> str:
    return _("Assign the resolution to a branch or a person.")


def _require_assignee(assignee_branch, assignee_user) -> None:
    if assignee_branch is None and assignee_user is None:
        raise DayError(assignee_missing())


def _snapshot(resolution: Resolution) -> dict:
    return {
        "number": resolution.number,
        "text": resolution.text,
        "is_public": resolution.is_public,
        "assignee_branch": resolution.assignee_branch_id,
        "assignee_user": resolution.assignee_user_id,
        "due_date": resolution.due_date.isoformat() if resolution.due_date else None,
        "status": resolution.status,
    }


def _save(resolution: Resolution, **kwargs) -> None:
    try:
        with transaction.atomic():
            resolution.save(**kwargs)
    except IntegrityError as error:  # the check constraint, should a caller skip the check
        raise DayError(assignee_missing()) from error


def resolution_add(
    *,
    day: MethodologistsDayPage,
    text: str,
    by,
    is_public: bool = True,
    assignee_branch: Branch | None = None,
    assignee_user=None,
    due_date: datetime.date | None = None,
) -> Resolution:
    """A new resolution of the Day (its source), numbered after the last one."""
    _require_assignee(assignee_branch, assignee_user)
    day = day.source
    with transaction.atomic():
        # Numbers are handed out one at a time per Day.
        list(Page.objects.select_for_update().filter(pk=day.pk).values_list("pk"))
        last = Resolution.objects.filter(day=day).aggregate(last=Max("number"))["last"]
        resolution = Resolution(
            day=day,
            number=(last or 0) + 1,
            text=text.strip(),
            is_public=is_public,
            assignee_branch=assignee_branch,
            assignee_user=assignee_user,
            due_date=due_date,
        )
        _save(resolution)
        log(
            instance=resolution,
            action="trainings.resolution.add",
            user=by,
            data=_snapshot(resolution),
        )
        # The public minutes' braille and audio say the resolutions.
        enqueue_changed(MINUTES_FORMATS, pages_showing(resolution))
    return resolution


def resolution_update(
    *,
    resolution: Resolution,
    text: str,
    by,
    is_public: bool,
    assignee_branch: Branch | None,
    assignee_user,
    due_date: datetime.date | None,
) -> Resolution:
    """Its words, visibility, assignees or due date corrected; its number stays."""
    _require_assignee(assignee_branch, assignee_user)
    with transaction.atomic():
        before = _snapshot(resolution)
        resolution.text = text.strip()
        resolution.is_public = is_public
        resolution.assignee_branch = assignee_branch
        resolution.assignee_user = assignee_user
        resolution.due_date = due_date
        _save(
            resolution,
            update_fields=["text", "is_public", "assignee_branch", "assignee_user", "due_date"],
        )
        after = _snapshot(resolution)
        log(
            instance=resolution,
            action="trainings.resolution.update",
            user=by,
            data={
                "before": {key: value for key, value in before.items() if after[key] != value},
                "after": {key: value for key, value in after.items() if before[key] != value},
            },
        )
        # The public minutes' braille and audio say the resolutions.
        enqueue_changed(MINUTES_FORMATS, pages_showing(resolution))
    return resolution


def resolution_done(*, resolution: Resolution, note: str, by) -> Resolution:
    """Done, with what was done in the assignee's words."""
    with transaction.atomic():
        resolution = Resolution.objects.select_for_update().get(pk=resolution.pk)
        if resolution.status != ResolutionStatus.OPEN:
            raise DayError(_("This resolution is marked done already."))
        resolution.status = ResolutionStatus.DONE
        resolution.done_note = note.strip()
        resolution.done_at = timezone.now()
        resolution.done_by = by
        resolution.save(update_fields=["status", "done_note", "done_at", "done_by"])
        log(
            instance=resolution,
            action="trainings.resolution.done",
            user=by,
            data={"number": resolution.number, "note": resolution.done_note},
        )
        # The public minutes' braille and audio say the resolutions.
        enqueue_changed(MINUTES_FORMATS, pages_showing(resolution))
    return resolution


def resolution_reopen(*, resolution: Resolution, by, reason: str = "") -> Resolution:
    """Open again (it was not done after all); what was said about it is kept in the log."""
    with transaction.atomic():
        resolution = Resolution.objects.select_for_update().get(pk=resolution.pk)
        if resolution.status != ResolutionStatus.DONE:
            raise DayError(_("This resolution is open already."))
        previous = {
            "note": resolution.done_note,
            "done_at": resolution.done_at.isoformat() if resolution.done_at else None,
            "done_by": resolution.done_by_id,
        }
        resolution.status = ResolutionStatus.OPEN
        resolution.done_note = ""
        resolution.done_at = None
        resolution.done_by = None
        resolution.save(update_fields=["status", "done_note", "done_at", "done_by"])
        log(
            instance=resolution,
            action="trainings.resolution.reopen",
            user=by,
            data={"number": resolution.number, "reason": reason.strip(), "previous": previous},
        )
        # The public minutes' braille and audio say the resolutions.
        enqueue_changed(MINUTES_FORMATS, pages_showing(resolution))
    return resolution
