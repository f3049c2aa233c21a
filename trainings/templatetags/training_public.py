"""What the public training and Methodologists' Day pages write out in words:
a session's time, the completion rule, and a Day's carried-over and public
resolutions with the language of the words they come in."""

import math

from django import template
from django.conf import settings
from django.urls import NoReverseMatch
from django.utils.translation import gettext, pgettext

from branches.models import Branch
from core import dates
from formats.services import formats_offered
from trainings.alternative_formats import SOURCE_KEY as MINUTES_FORMATS
from trainings.enums import CompletionRule, ResolutionStatus
from trainings.models import MethodologistsDayPage

register = template.Library()


@register.simple_tag
def training_sessions(page) -> list:
    """The page's sessions in order, with their venues, in one query."""
    return list(page.sessions.select_related("venue").order_by("sort_order", "pk"))


@register.simple_tag
def session_when(session) -> str:
    """ "25 November 2026, 10:00–12:00" (the end's date too when it differs)."""
    start, end = session.start, session.end
    if dates._local_date(start) == dates._local_date(end):
        return f"{dates.format_date(start)}, {dates.format_time(start)}–{dates.format_time(end)}"
    return (
        f"{dates.format_date(start)}, {dates.format_time(start)} – "
        f"{dates.format_date(end)}, {dates.format_time(end)}"
    )


def required_hours(total: int, percent: int) -> int:
    """The hours that make `percent` of `total`, rounded up to whole hours."""
    return math.ceil(total * percent / 100)


@register.simple_tag
def completion_rule_text(page, sessions) -> str:
    """ "Completed with at least 80% of the hours (13 of 16)." """
    total = sum(session.hours for session in sessions)
    if page.completion_rule == CompletionRule.ALL_SESSIONS:
        return gettext("Completed by attending every session (%(total)s hours).") % {"total": total}
    return gettext(
        "Completed with at least %(percent)s%% of the hours (%(required)s of %(total)s)."
    ) % {
        "percent": page.completion_percent,
        "required": required_hours(total, page.completion_percent),
        "total": total,
    }


def _other_language(page) -> str:
    """The language of the source's words when it is not the page's, else ""."""
    source_language = settings.LANGUAGE_CODE
    return source_language if page.locale.language_code != source_language else ""


def _status_words(resolution) -> str:
    if resolution.status == ResolutionStatus.DONE:
        words = str(resolution.get_status_display())
        if resolution.done_at:
            words = gettext("Done on %(date)s") % {"date": dates.format_date(resolution.done_at)}
        return words
    if resolution.is_overdue:
        return gettext("Open, overdue")
    return str(resolution.get_status_display())


def _resolution_rows(page, resolutions) -> list[dict]:
    """Each resolution with its Day, assignee and status in words; the Days
    and branches in the page's language where they are translated."""
    resolutions = list(resolutions)
    locale = page.locale
    days = {
        day.translation_key: day
        for day in MethodologistsDayPage.objects.live()
        .public()
        .filter(
            locale=locale,
            translation_key__in={resolution.day.translation_key for resolution in resolutions},
        )
    }
    branches = {
        branch.translation_key: branch
        for branch in Branch.objects.filter(
            locale=locale,
            translation_key__in={
                resolution.assignee_branch.translation_key
                for resolution in resolutions
                if resolution.assignee_branch
            },
        )
    }
    other = _other_language(page)
    rows = []
    for resolution in resolutions:
        day = days.get(resolution.day.translation_key)
        branch = resolution.assignee_branch
        own_branch = branches.get(branch.translation_key) if branch else None
        user = resolution.assignee_user
        rows.append(
            {
                "resolution": resolution,
                "text_lang": other,
                "day": day or resolution.day,
                "day_lang": "" if day else other,
                "day_live": bool(day) or resolution.day.live,
                "branch": (own_branch or branch).name if branch else "",
                "branch_lang": "" if own_branch or not branch else other,
                "person": (user.get_full_name() or user.get_username()) if user else "",
                "due": dates.format_date(resolution.due_date) if resolution.due_date else "",
                "status": _status_words(resolution),
                "overdue": resolution.is_overdue,
            }
        )
    return rows


def _minutes_links(page) -> list[dict]:
    """The public minutes as documents (minutes.pdf, minutes.txt), where the
    Day's routes have them."""
    links = []
    for extension, label in (
        ("pdf", pgettext("record of a meeting", "Minutes")),
        ("txt", gettext("Minutes as plain text")),
    ):
        try:
            path = page.reverse_subpage("minutes", kwargs={"extension": extension})
        except NoReverseMatch:
            return []
        links.append({"url": page.url + path, "label": label, "format": extension.upper()})
    # Then their braille and audio, once made (formats).
    return links + [offer.as_link() for offer in formats_offered(MINUTES_FORMATS, page)]


@register.simple_tag
def day_public(page) -> dict:
    """What a Day's public page shows of its records: the resolutions carried
    over from earlier Days, and after the Day its minutes and its public
    resolutions. The internal minutes are never read here."""
    source = page.source
    context = {"carried_over": _resolution_rows(page, page.carried_over().filter(is_public=True))}
    if page.has_taken_place:
        minutes, minutes_lang = page.minutes, ""
        if not minutes and source.pk != page.pk:
            minutes, minutes_lang = source.minutes, _other_language(page)
        context |= {
            "minutes": minutes,
            "minutes_lang": minutes_lang,
            "minutes_links": _minutes_links(page) if minutes else [],
            "resolutions": _resolution_rows(
                page,
                source.resolutions.filter(is_public=True).select_related(
                    "day", "assignee_branch", "assignee_user"
                ),
            ),
        }
    return context
