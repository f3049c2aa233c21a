"""Demo plans and reports of the library network (demo/fixtures/reports.yaml):
the department's indicators, reporting periods of last year and this year,
an account per branch head and the methodologists' group, then documents
filed through reports.services as staff would file them (so the audit
trail is real), their times set back to plausible days.

Last year every branch and service point of the directory has an accepted
plan, four accepted quarter reports and an accepted year report (the year's
summed numbers are the sum of its quarters, its averaged ones their
average). This year: accepted plans and the quarter reports already due,
then in the current period one report a draft, one submitted, one returned
with comments; one branch's last due report is still a draft (overdue) and
another's not started. Everything is placed relative to today."""

import datetime
import math
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import ModelLogEntry

from branches.models import Branch, BranchKind, StaffProfile
from demo.data import load
from demo.seeding import LANGUAGES, local_time, translation_key
from reports.enums import DocumentKind, PeriodKind, ReportStatus
from reports.models import BranchDocument, Indicator, ReportingPeriod, ReviewComment
from reports.services import (
    document_accept,
    document_get_or_create,
    document_return,
    document_save,
    document_submit,
)

# An ordinary year's quarters: summer is quiet, the last quarter busy.
SEASON = (Decimal("1.0"), Decimal("0.95"), Decimal("0.8"), Decimal("1.1"))
GROWTH = Decimal("1.04")  # this year against last year
PLAN_RATIOS = (Decimal("0.95"), Decimal("1.0"), Decimal("1.05"))


def seed() -> None:
    content = load("reports")
    indicators = ensure_indicators(content["indicators"])
    today = timezone.localdate()
    last_year = ensure_year(today.year - 1, today, complete=True)
    this_year = ensure_year(today.year, today, complete=False)
    reviewer = ensure_methodologist(content)
    heads = ensure_heads(content)
    network = list(
        Branch.objects.in_directory()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("pk")
    )
    keys = {translation_key(f"branch:{spec['key']}"): spec["key"] for spec in branch_specs()}
    roles = content["this_year"]
    current, due = current_and_due(this_year, today)
    for number, branch in enumerate(network):
        key = keys.get(branch.translation_key, "")
        spec = content["branches"].get(key, {})
        filer = Filer(branch, number, spec, indicators, heads.get(key), reviewer, content)
        filer.last_year(last_year)
        role = next((r for r, k in roles.items() if k == key), None)
        filer.this_year(this_year, current, due, role, today)


def branch_specs() -> list[dict]:
    return load("branches")["branches"]


def ensure_indicators(specs: list[dict]) -> list[tuple[Indicator, dict]]:
    result = []
    for order, spec in enumerate(specs, 1):
        indicator, _created = Indicator.objects.get_or_create(
            code=spec["code"],
            defaults={
                **{f"name_{code}": spec["name"][code] for code in LANGUAGES},
                "unit": spec["unit"],
                "aggregation": spec["aggregation"],
                "target": spec.get("target"),
                "source": spec.get("source", ""),
                "sort_order": order * 10,
            },
        )
        result.append((indicator, spec))
    return result


def quarter_deadline(year: int, number: int) -> datetime.date:
    """A quarter's report is due on the 10th of the month after it."""
    month = number * 3 + 1
    return datetime.date(year + 1, 1, 10) if month > 12 else datetime.date(year, month, 10)


def ensure_year(year: int, today: datetime.date, *, complete: bool) -> dict:
    """{"year": period, 1..4: quarter periods} of `year`: every quarter if
    `complete`, else those begun by today. Plans are due on 20 December of
    the year before, the year's report on 20 January after it."""
    plans_due = datetime.date(year - 1, 12, 20)
    periods = {
        "year": ReportingPeriod.objects.get_or_create(
            year=year,
            kind=PeriodKind.YEAR,
            number=1,
            defaults={
                "plan_deadline": plans_due,
                "report_deadline": datetime.date(year + 1, 1, 20),
            },
        )[0]
    }
    for number in range(1, 5):
        if not complete and datetime.date(year, number * 3 - 2, 1) > today:
            break
        periods[number] = ReportingPeriod.objects.get_or_create(
            year=year,
            kind=PeriodKind.QUARTER,
            number=number,
            defaults={
                "plan_deadline": plans_due,
                "report_deadline": quarter_deadline(year, number),
            },
        )[0]
    return periods


def current_and_due(periods: dict, today: datetime.date):
    """The current period (the first quarter begun whose report is not yet
    due) and the last one due: the last quarter whose report is past its
    deadline, or early in the year (none yet) the year's plan."""
    quarters = [periods[n] for n in range(1, 5) if n in periods]
    current = next(q for q in quarters if q.report_deadline >= today)
    late = [q for q in quarters if q.report_deadline < today]
    return current, (late[-1] if late else None)


def _staff(username: str, first_name: str, last_name: str):
    """A demo staff account as the demo makes them: admin access, no
    password until staff set one."""
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={"first_name": first_name, "last_name": last_name, "is_staff": True},
    )
    if created:
        user.set_unusable_password()
        user.save()
    return user, created


def _group(name: str, *codenames: str) -> Group:
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(*Permission.objects.filter(codename__in=codenames))
    return group


def ensure_methodologist(content: dict):
    group = _group(content["groups"]["methodologists"], "access_admin", "review_branchdocument")
    spec = content["methodologist"]
    user, created = _staff(spec["username"], spec["first_name"], spec["last_name"])
    if created:
        user.groups.add(group)
        department = Branch.objects.filter(
            kind=BranchKind.DEPARTMENT, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        if department is not None:
            StaffProfile.objects.get_or_create(user=user, defaults={"branch": department})
    return user


def ensure_heads(content: dict) -> dict:
    """{branch key: the head's account}, each the `head` of its branch in
    every language and a member of the heads' group (no review permission)."""
    group = _group(content["groups"]["heads"], "access_admin")
    heads = {}
    for key, spec in content["branches"].items():
        rows = list(Branch.objects.filter(translation_key=translation_key(f"branch:{key}")))
        if not rows:
            continue
        user, created = _staff(spec["username"], spec["first_name"], spec["last_name"])
        if created:
            user.groups.add(group)
        own = next((b for b in rows if b.locale.language_code == settings.LANGUAGE_CODE), rows[0])
        StaffProfile.objects.get_or_create(user=user, defaults={"branch": own})
        Branch.objects.filter(pk__in=[b.pk for b in rows], head__isnull=True).update(head=user)
        heads[key] = user
    return heads


def _round(value: Decimal) -> Decimal:
    return Decimal(max(0, int(value.to_integral_value())))


def _nice(value: Decimal) -> Decimal:
    """A planned number as planners write it: tens above a hundred."""
    if value > 100:
        return Decimal(int((value / 10).to_integral_value()) * 10)
    return _round(value)


class Filer:
    """One branch's documents: its numbers, and the steps that file them."""

    def __init__(self, branch, number, spec, indicators, head, reviewer, content):
        self.branch = branch
        self.number = number
        self.indicators = indicators
        self.head = head
        self.reviewer = reviewer
        self.content = content
        self.scale = Decimal(str(spec.get("scale", 1)))
        self.language = spec.get("language", "kk")
        self.texts = 0
        self.previous_year: dict[int, Decimal] = {}  # last year's numbers, once filed

    # The numbers -----------------------------------------------------------

    def quarter_values(self, quarter: int, growth: Decimal = Decimal(1)) -> dict[int, Decimal]:
        """{indicator id: number} of an ordinary quarter (before what the
        system counted is added to the pre-filled ones)."""
        values = {}
        for position, (indicator, spec) in enumerate(self.indicators):
            if spec.get("needs") and not getattr(self.branch, spec["needs"]):
                values[indicator.pk] = Decimal(0)
                continue
            scale = Decimal(str(math.sqrt(self.scale))) if spec.get("damped") else self.scale
            wobble = Decimal((self.number * 7 + quarter * 3 + position * 5) % 11 - 5) / 100
            values[indicator.pk] = _round(
                Decimal(spec["quarter"]) * scale * SEASON[quarter - 1] * (1 + wobble) * growth
            )
        return values

    def year_values(self, quarters: list[dict[int, Decimal]]) -> dict[int, Decimal]:
        """The year from its quarters: summed, or averaged (the last
        quarter's averaged numbers trimmed so the average is whole)."""
        year = {}
        for indicator, _spec in self.indicators:
            numbers = [q[indicator.pk] for q in quarters]
            if indicator.aggregation == "average":
                extra = sum(numbers) % len(numbers)
                quarters[-1][indicator.pk] -= extra
                numbers[-1] -= extra
                year[indicator.pk] = sum(numbers) / len(numbers)
            else:
                year[indicator.pk] = sum(numbers)
        return year

    def plan_values(self, actual: dict[int, Decimal], ratio_shift: int = 0) -> dict[int, Decimal]:
        return {
            indicator.pk: _nice(
                actual[indicator.pk]
                * PLAN_RATIOS[(self.number + position + ratio_shift) % len(PLAN_RATIOS)]
            )
            for position, (indicator, _spec) in enumerate(self.indicators)
        }

    def narrative(self, kind: str) -> str:
        texts = self.content["narratives"][kind]
        choices = texts.get(self.language) or texts["kk"]
        self.texts += 1
        return choices[(self.number + self.texts) % len(choices)]

    # The steps -------------------------------------------------------------

    def file(self, period, kind, values, *, state, times, narrative=None, comments=None):
        """The document through the services up to `state`; the pre-filled
        numbers get what the system counted added. Returns the document, or
        None when it existed already (a second run changes nothing)."""
        document, created = document_get_or_create(
            branch=self.branch, period=period, kind=kind, by=self.head
        )
        if not created:
            return None
        known = dict(document.values.values_list("indicator_id", "known_value"))
        final = {
            pk: (value if value is None else value + (known.get(pk) or 0))
            for pk, value in values.items()
        }
        document_save(
            document=document,
            values=final,
            narrative=narrative if narrative is not None else self.narrative(kind),
            by=self.head,
        )
        if state != ReportStatus.DRAFT:
            document_submit(document=document, by=self.head)
        if state == ReportStatus.RETURNED:
            document_return(document=document, by=self.reviewer, comments=comments)
        if state == ReportStatus.ACCEPTED:
            document_accept(document=document, by=self.reviewer)
        backdate(document, state, times)
        return document

    def accepted(self, period, kind, values):
        """Filed on time: begun at the period's end (a plan three weeks
        before it is due), submitted two days before the deadline, accepted
        four days after it."""
        if kind == DocumentKind.PLAN:
            due = period.plan_deadline
            begun = due - datetime.timedelta(days=21)
        else:
            due = period.report_deadline
            begun = period.ends + datetime.timedelta(days=1)
        self.file(
            period,
            kind,
            values,
            state=ReportStatus.ACCEPTED,
            times={
                "create": (begun, "10:00"),
                "edit": (begun, "11:30"),
                "submit": (due - datetime.timedelta(days=2), "16:00"),
                "accept": (due + datetime.timedelta(days=4), "12:00"),
            },
        )

    def last_year(self, periods: dict) -> None:
        quarters = [self.quarter_values(n) for n in range(1, 5)]
        year = self.year_values(quarters)
        plan = self.plan_values(year)
        self.accepted(periods["year"], DocumentKind.PLAN, plan)
        for number, values in enumerate(quarters, 1):
            self.accepted(periods[number], DocumentKind.REPORT, values)
        self.accepted(periods["year"], DocumentKind.REPORT, year)
        self.previous_year = year

    def this_year(self, periods, current, due, role, today) -> None:
        plan = self.plan_values({k: v * Decimal("1.05") for k, v in self.previous_year.items()}, 1)
        plan_period = periods["year"]
        if role == "overdue" and due is None:
            # Early in the year: the year's plan is what is late.
            self.file(
                plan_period,
                DocumentKind.PLAN,
                plan,
                state=ReportStatus.DRAFT,
                times={"create": _days_ago(today, 30), "edit": _days_ago(today, 30)},
            )
        else:
            self.accepted(plan_period, DocumentKind.PLAN, plan)
        for number in range(1, 5):
            period = periods.get(number)
            if period is None or period.report_deadline >= today:
                break
            values = self.quarter_values(number, GROWTH)
            if period == due and role == "not_started":
                continue
            if period == due and role == "overdue":
                values = {k: (None if i % 4 == 3 else v) for i, (k, v) in enumerate(values.items())}
                self.file(
                    period,
                    DocumentKind.REPORT,
                    values,
                    state=ReportStatus.DRAFT,
                    narrative=self.narrative("draft"),
                    times={
                        "create": (period.ends + datetime.timedelta(days=3), "10:00"),
                        "edit": (period.ends + datetime.timedelta(days=3), "11:00"),
                    },
                )
                continue
            self.accepted(period, DocumentKind.REPORT, values)
        if role in ("draft", "submitted", "returned"):
            self.in_progress(current, role, today)

    def in_progress(self, period, role, today) -> None:
        values = self.quarter_values(period.number, GROWTH)
        comments = None
        if role == "draft":
            values = {k: (None if i % 3 == 2 else v) for i, (k, v) in enumerate(values.items())}
        if role == "returned":
            spec = self.content["comments"]
            indicator = next(i for i, _s in self.indicators if i.code == spec["indicator"])
            values[indicator.pk] *= 2  # what the comment asks about
            comments = [
                (indicator, spec["on_indicator"].get(self.language) or spec["on_indicator"]["kk"]),
                (None, spec["overall"].get(self.language) or spec["overall"]["kk"]),
            ]
        self.file(
            period,
            DocumentKind.REPORT,
            values,
            state=role,
            narrative=self.narrative("draft" if role == "draft" else "report"),
            comments=comments,
            times={
                "create": _days_ago(today, 6, not_before=period.starts),
                "edit": _days_ago(today, 5, not_before=period.starts),
                "submit": _days_ago(today, 3, not_before=period.starts),
                "return": _days_ago(today, 1, not_before=period.starts),
            },
        )


def _days_ago(today, days, *, not_before=None) -> tuple[datetime.date, str]:
    day = today - datetime.timedelta(days=days)
    if not_before is not None:
        day = max(day, not_before)
    return day, "09:00"


STEPS = {
    ReportStatus.DRAFT: ("create", "edit"),
    ReportStatus.SUBMITTED: ("create", "edit", "submit"),
    ReportStatus.RETURNED: ("create", "edit", "submit", "return"),
    ReportStatus.ACCEPTED: ("create", "edit", "submit", "accept"),
}


def backdate(
    document: BranchDocument, state: str, times: dict[str, tuple[datetime.date, str]]
) -> None:
    """Move the document's steps (audit entries, time stamps, comments) to
    the days they would have happened; never later than now."""
    now = timezone.now()
    moments = {step: min(local_time(*times[step]), now) for step in STEPS[state] if step in times}
    entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(BranchDocument),
        object_id=str(document.pk),
    )
    for step, moment in moments.items():
        entries.filter(action=f"reports.document.{step}").update(timestamp=moment)
    fields = {"created_at": moments["create"], "updated_at": max(moments.values())}
    if "submit" in moments:
        fields["submitted_at"] = moments["submit"]
    if "accept" in moments:
        fields["accepted_at"] = moments["accept"]
    BranchDocument.objects.filter(pk=document.pk).update(**fields)
    if "return" in moments:
        ReviewComment.objects.filter(document=document).update(created_at=moments["return"])
