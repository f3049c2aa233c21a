"""The demo's plans and reports: last year accepted for the whole network,
the year's numbers consistent with its quarters, this year one document in
each state (one overdue), the regional totals adding up the accepted
reports, and each branch head seeing only their own branch's documents."""

import io
from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from branches.models import Branch, BranchKind
from demo.data import load
from reports.enums import Aggregation, DocumentKind, PeriodKind, ReportStatus
from reports.models import BranchDocument, Indicator, IndicatorValue, ReportingPeriod
from reports.statistics import period_statistics

pytestmark = pytest.mark.django_db


def network():
    return Branch.objects.in_directory().filter(locale__language_code=settings.LANGUAGE_CODE)


def last_year():
    return ReportingPeriod.objects.get(
        year=timezone.localdate().year - 1, kind=PeriodKind.YEAR, number=1
    )


def test_the_department_defines_a_dozen_indicators_in_three_languages():
    indicators = Indicator.objects.filter(active=True)
    assert indicators.count() >= 12
    assert all(i.name_kk and i.name_ru and i.name_en for i in indicators)
    assert indicators.get(code="readers").aggregation == Aggregation.AVERAGE
    assert indicators.get(code="visits").aggregation == Aggregation.SUM
    assert indicators.get(code="events-held").source == "events-held"
    assert indicators.get(code="attended").source == "attended"
    assert indicators.exclude(target=None).exists()


def test_every_directory_branch_has_last_years_plan_and_reports_accepted():
    year = last_year()
    assert network().count() >= 7
    for branch in network():
        documents = BranchDocument.objects.filter(branch=branch, period__year=year.year)
        assert documents.filter(
            period=year, kind=DocumentKind.PLAN, status=ReportStatus.ACCEPTED
        ).exists(), branch.name
        reports = documents.filter(kind=DocumentKind.REPORT, status=ReportStatus.ACCEPTED)
        assert reports.filter(period=year).exists(), branch.name
        assert reports.filter(period__kind=PeriodKind.QUARTER).count() == 4, branch.name


def test_the_years_summed_numbers_are_the_sum_of_its_quarters():
    year = last_year()
    for branch in network():
        for indicator in Indicator.objects.filter(aggregation=Aggregation.SUM):
            values = IndicatorValue.objects.filter(
                document__branch=branch,
                document__kind=DocumentKind.REPORT,
                document__period__year=year.year,
                indicator=indicator,
            )
            quarters = values.filter(document__period__kind=PeriodKind.QUARTER)
            assert values.get(document__period=year).value == sum(q.value for q in quarters)


def test_small_branches_count_in_hundreds_the_library_in_thousands():
    visits = IndicatorValue.objects.filter(
        indicator__code="visits", document__period=last_year(), document__kind=DocumentKind.REPORT
    )
    assert visits.get(document__branch__kind=BranchKind.LIBRARY).value >= 1000
    small = visits.exclude(document__branch__kind=BranchKind.LIBRARY)
    assert small.count() == network().count() - 1
    assert all(10 <= value < 1000 for value in small.values_list("value", flat=True))


def test_this_year_one_document_in_each_state():
    this_year = BranchDocument.objects.filter(period__year=timezone.localdate().year)
    assert (
        this_year.filter(status=ReportStatus.DRAFT)
        .exclude(pk__in=BranchDocument.objects.overdue())
        .count()
        == 1
    )
    assert this_year.filter(status=ReportStatus.SUBMITTED).count() == 1
    returned = this_year.get(status=ReportStatus.RETURNED)
    comments = list(returned.comments.all())
    assert {c.indicator is None for c in comments} == {True, False}
    assert all(c.text and not c.resolved and c.author for c in comments)
    overdue = BranchDocument.objects.overdue()
    assert overdue.count() == 1
    assert overdue.get().deadline < timezone.localdate()


def test_the_documents_went_through_the_services_with_a_real_audit_trail():
    returned = BranchDocument.objects.get(status=ReportStatus.RETURNED)
    entries = ModelLogEntry.objects.filter(
        object_id=str(returned.pk), action__startswith="reports.document."
    ).order_by("timestamp")
    assert [e.action.rsplit(".", 1)[1] for e in entries] == ["create", "edit", "submit", "return"]
    head = returned.branch.head
    assert entries[0].user == head
    assert entries.get(action="reports.document.return").user.has_perm(
        "reports.review_branchdocument"
    )
    accepted = BranchDocument.objects.filter(period=last_year(), status=ReportStatus.ACCEPTED)
    assert all(d.accepted_by and d.accepted_at < timezone.now() for d in accepted)
    assert all(d.accepted_at.date() > last_year().ends for d in accepted.filter(kind="report"))


def test_regional_total_is_the_sum_of_the_accepted_reports():
    year = last_year()
    visits = Indicator.objects.get(code="visits")
    expected = sum(
        IndicatorValue.objects.filter(
            indicator=visits,
            document__period=year,
            document__kind=DocumentKind.REPORT,
            document__status=ReportStatus.ACCEPTED,
        ).values_list("value", flat=True),
        Decimal(0),
    )
    stats = period_statistics(year, language="ru")
    assert expected > 0
    assert stats.region.actual[visits.pk] == expected
    assert not stats.missing


def test_each_head_sees_only_their_branch_and_the_methodologist_all():
    heads = get_user_model().objects.filter(username__endswith=".head")
    assert heads.count() == network().count()
    for head in heads:
        branch = head.staff_profile.branch
        assert branch.locale.language_code == settings.LANGUAGE_CODE
        assert set(
            Branch.objects.filter(translation_key=branch.translation_key).values_list(
                "head", flat=True
            )
        ) == {head.pk}
        assert head.has_perm("wagtailadmin.access_admin")
        assert not head.has_perm("reports.review_branchdocument")
        visible = BranchDocument.objects.visible_to(head)
        assert visible.exists()
        assert set(visible.values_list("branch", flat=True)) == {branch.pk}
    methodologist = get_user_model().objects.get(username="methodologist")
    assert methodologist.has_perm("reports.review_branchdocument")
    assert (
        BranchDocument.objects.visible_to(methodologist).count() == BranchDocument.objects.count()
    )


@pytest.mark.django_db(False)
def test_the_reports_data_file_names_existing_branches_and_indicators():
    content = load("reports")
    branches = {branch["key"] for branch in load("branches")["branches"]}
    assert set(content["branches"]) <= branches
    assert set(content["this_year"].values()) <= set(content["branches"])
    assert len(set(content["this_year"].values())) == len(content["this_year"])
    codes = [spec["code"] for spec in content["indicators"]]
    assert len(codes) == len(set(codes))
    assert content["comments"]["indicator"] in codes
    for spec in content["indicators"]:
        assert all(spec["name"][code] for code in ("kk", "ru", "en")), spec["code"]
    usernames = [spec["username"] for spec in content["branches"].values()]
    assert len(usernames) == len(set(usernames))


def test_a_second_seed_files_nothing_again():
    def counts():
        return (
            BranchDocument.objects.count(),
            IndicatorValue.objects.count(),
            ReportingPeriod.objects.count(),
            Indicator.objects.count(),
            ModelLogEntry.objects.filter(action__startswith="reports.").count(),
            get_user_model().objects.count(),
        )

    before = counts()
    call_command("seed_demo", stdout=io.StringIO())
    assert counts() == before
