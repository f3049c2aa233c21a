"""Reminders to the branches' heads: a plan or report due soon and one past
its deadline are each mailed once, never twice; submitted documents and
branches without a head get none."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from reports import reminders, tasks
from reports.enums import DocumentKind, PeriodKind, ReportStatus
from reports.models import BranchDocument, ReportingPeriod

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2019, 3, 10)


@pytest.fixture
def head_of(make_branch, make_staff):
    def make(name, email, language="en"):
        branch = make_branch(name=name)
        head = make_staff(branch)
        head.email = email
        head.save()
        profile = UserProfile.get_for_user(head)
        profile.preferred_language = language
        profile.save()
        branch.head = head
        branch.save()
        return branch

    return make


@pytest.fixture
def quarter():
    """Q1 2019 (a year the demo has no periods of): the plan was due on 1 March (overdue on the 10th), the
    report is due on 15 March (within a week of the 10th)."""
    return ReportingPeriod.objects.create(
        year=2019,
        kind=PeriodKind.QUARTER,
        number=1,
        plan_deadline=datetime.date(2019, 3, 1),
        report_deadline=datetime.date(2019, 3, 15),
    )


def test_due_soon_and_overdue_are_mailed_once_not_twice(
    head_of, make_branch, quarter, indicators, mailoutbox, filed
):
    late = head_of("Кешіккен филиал", "late@example.kz")
    on_time = head_of("Уақытылы филиал", "ontime@example.kz", language="ru")
    make_branch(name="Басшысыз филиал")  # no head: nobody to tell
    filed(on_time, quarter, dict.fromkeys(indicators.values(), 1), kind=DocumentKind.PLAN)

    sent = reminders.reminders_send(today=TODAY)

    assert sorted((r.email, r.document.kind, r.reminder) for r in sent) == [
        ("late@example.kz", "plan", "overdue"),
        ("late@example.kz", "report", "due"),
        ("ontime@example.kz", "report", "due"),
    ]
    subjects = sorted((mail.to[0], mail.subject) for mail in mailoutbox)
    assert subjects[:2] == [
        ("late@example.kz", "Your report for 2019, quarter 1 is due on 15 March 2019"),
        ("late@example.kz", "Your work plan for 2019, quarter 1 was due on 1 March 2019"),
    ]
    # In the head's admin language.
    assert subjects[2][0] == "ontime@example.kz" and "15 марта 2019" in subjects[2][1]
    due = next(m for m in mailoutbox if m.subject.startswith("Your report"))
    document = BranchDocument.objects.get(branch=late, kind=DocumentKind.REPORT)
    assert f"/admin/reports/documents/{document.pk}/" in due.body
    assert document.status == ReportStatus.DRAFT  # made for the head to open

    # The next day's run, and the command and the task: nothing again.
    assert reminders.reminders_send(today=TODAY + datetime.timedelta(days=1)) == []
    assert len(mailoutbox) == 3
    assert ModelLogEntry.objects.filter(action="reports.document.remind").count() == 3


def test_the_report_past_its_deadline_gets_the_overdue_reminder_once_more(
    head_of, quarter, indicators, mailoutbox
):
    head_of("Кешіккен филиал", "late@example.kz")
    reminders.reminders_send(today=TODAY)
    assert len(mailoutbox) == 2  # plan overdue, report due

    after = datetime.date(2019, 3, 16)
    sent = reminders.reminders_send(today=after)
    assert [(r.document.kind, r.reminder) for r in sent] == [("report", "overdue")]
    assert reminders.reminders_send(today=after + datetime.timedelta(days=3)) == []
    assert len(mailoutbox) == 3


def test_submitted_documents_and_far_deadlines_get_no_reminder(
    head_of, quarter, indicators, mailoutbox, filed
):
    branch = head_of("Уақытылы филиал", "ontime@example.kz")
    filed(branch, quarter, dict.fromkeys(indicators.values(), 1), kind="plan", state="submitted")
    filed(branch, quarter, dict.fromkeys(indicators.values(), 1), state="accepted")
    assert reminders.reminders_send(today=TODAY) == []
    # A week and a day before the deadline: not yet (the default is 7 days).
    ReportingPeriod.objects.create(
        year=2019,
        kind=PeriodKind.QUARTER,
        number=2,
        report_deadline=TODAY + datetime.timedelta(days=8),
    )
    assert reminders.reminders_send(today=TODAY) == []
    assert mailoutbox == []


def test_the_command_and_the_task_send_each_reminder_once(
    head_of, indicators, mailoutbox, settings, capsys
):
    today = timezone.localdate()
    # Today's date is real here: the demo's periods of this year would be
    # due or overdue too, so this site has none.
    BranchDocument.objects.all().delete()
    ReportingPeriod.objects.all().delete()
    ReportingPeriod.objects.create(
        year=today.year,
        kind=PeriodKind.YEAR,
        number=1,
        plan_deadline=None,
        report_deadline=today + datetime.timedelta(days=2),
    )
    head_of("Кешіккен филиал", "late@example.kz")
    settings.REPORT_REMINDER_DAYS = 1
    call_command("send_report_reminders")
    assert mailoutbox == []
    call_command("send_report_reminders", "--days", "3")
    assert "Reminders sent: 1" in capsys.readouterr().out
    assert len(mailoutbox) == 1
    settings.REPORT_REMINDER_DAYS = 7
    assert tasks.send_report_reminders.enqueue().return_value == 0
    assert len(mailoutbox) == 1
