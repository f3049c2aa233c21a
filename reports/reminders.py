"""Reminders to the branches' heads by e-mail: a plan or report due within
REPORT_REMINDER_DAYS days (default 7), and one past its deadline and not
submitted (a deadline passed at most REPORT_REMINDER_OVERDUE_DAYS ago,
default 90, so that a new site does not remind of years gone by).

Each is sent at most once per document and kind of reminder ("due",
"overdue"): the audit entry "reports.document.remind" with
{"reminder": kind} on the document is the record. A branch that has not
started the document gets a draft made for it (so the reminder has a
document to belong to and its head a link to open). A mail that fails is
logged and not recorded, so the next run tries again.

Run daily: `manage.py send_report_reminders`, or the task
reports.tasks.send_report_reminders."""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from core.dates import format_date
from reports import services
from reports.enums import DocumentKind, ReportStatus
from reports.forms import reporting_branches
from reports.models import BranchDocument, ReportingPeriod

logger = logging.getLogger(__name__)

DUE = "due"
OVERDUE = "overdue"
ACTION = "reports.document.remind"


@dataclass
class Reminder:
    document: BranchDocument
    reminder: str
    email: str


def reminder_days() -> int:
    return getattr(settings, "REPORT_REMINDER_DAYS", 7)


def overdue_days() -> int:
    return getattr(settings, "REPORT_REMINDER_OVERDUE_DAYS", 90)


def _already_sent(documents) -> set[tuple[str, str]]:
    """{(document id, reminder)} of the reminders recorded for the documents."""
    entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(BranchDocument),
        action=ACTION,
        object_id__in=[str(document.pk) for document in documents],
    ).values_list("object_id", "data")
    return {(object_id, (data or {}).get("reminder")) for object_id, data in entries}


def _language(user) -> str:
    profile = getattr(user, "wagtail_userprofile", None)
    return getattr(profile, "preferred_language", "") or settings.ADMIN_DEFAULT_LANGUAGE


def _message(document: BranchDocument, reminder: str, deadline: datetime.date) -> tuple[str, str]:
    values = {
        "document": document.get_kind_display().lower(),
        "period": document.period.label,
        "date": format_date(deadline),
    }
    if reminder == DUE:
        subject = _("Your %(document)s for %(period)s is due on %(date)s") % values
        first = _("Please submit it to the department by %(date)s.") % values
    else:
        subject = _("Your %(document)s for %(period)s was due on %(date)s") % values
        first = _("The department has not received it yet. Please submit it as soon as you can.")
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "reports:document", args=[document.pk]
    )
    body = "\n\n".join([subject + ".", first, _("Open it in the admin: %(link)s") % {"link": link}])
    return subject, body


def _send(document: BranchDocument, reminder: str, deadline: datetime.date, head) -> bool:
    try:
        with translation.override(_language(head)):
            subject, body = _message(document, reminder, deadline)
            send_mail(subject, body, None, [head.email])
    except Exception:  # one failed mail must not stop the others; tried again next run
        logger.exception("could not send the %s reminder of document %s", reminder, document.pk)
        return False
    log(
        instance=document,
        action=ACTION,
        user=None,
        data={"status": document.status, "reminder": reminder, "deadline": deadline.isoformat()},
    )
    return True


def reminders_send(
    *, today: datetime.date | None = None, days: int | None = None
) -> list[Reminder]:
    """Send the reminders due today; returns those sent."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=reminder_days() if days is None else days)
    earliest = today - datetime.timedelta(days=overdue_days())
    branches = [
        branch
        for branch in reporting_branches().select_related("head", "head__wagtail_userprofile")
        if branch.head is not None and branch.head.is_active and branch.head.email
    ]
    if not branches:
        return []
    periods = ReportingPeriod.objects.filter(
        Q(report_deadline__range=(earliest, horizon)) | Q(plan_deadline__range=(earliest, horizon))
    )
    wanted = []  # (branch, period, kind, deadline, reminder)
    for period in periods:
        for kind in DocumentKind.values:
            deadline = period.plan_deadline if kind == DocumentKind.PLAN else period.report_deadline
            if deadline is None or not earliest <= deadline <= horizon:
                continue
            reminder = DUE if deadline >= today else OVERDUE
            wanted += [(branch, period, kind, deadline, reminder) for branch in branches]
    if not wanted:
        return []
    documents = {
        (d.branch_id, d.period_id, d.kind): d
        for d in BranchDocument.objects.filter(
            branch__in=branches, period__in={period for _b, period, *_rest in wanted}
        ).select_related("period")
    }
    sent_before = _already_sent(documents.values())
    sent = []
    for branch, period, kind, deadline, reminder in wanted:
        document = documents.get((branch.pk, period.pk, kind))
        if document is not None and document.status not in ReportStatus.editable():
            continue
        if document is not None and (str(document.pk), reminder) in sent_before:
            continue
        if document is None:
            document, _created = services.document_get_or_create(
                branch=branch, period=period, kind=kind, by=None
            )
        if _send(document, reminder, deadline, branch.head):
            sent.append(Reminder(document=document, reminder=reminder, email=branch.head.email))
    return sent
