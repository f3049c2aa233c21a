"""The regional summary adds up exactly the accepted reports: per branch, per
district, the region, a year earlier, and the plans."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from branches.models import Branch
from reports.enums import DocumentKind, PeriodKind
from reports.statistics import period_statistics

pytestmark = pytest.mark.django_db


def test_totals_equal_the_sum_of_accepted_reports(make_branch, indicators, period, filed):
    visits = indicators["visits"]
    sayram = make_branch(district="Сайрам ауданы")
    aksu = make_branch(district="Сайрам ауданы")
    tolebi = make_branch(district="Төлеби ауданы")
    late = make_branch(district="Төлеби ауданы")
    year = period(2025)
    filed(sayram, year, {visits: 120})
    filed(aksu, year, {visits: 30})
    filed(tolebi, year, {visits: 45})
    filed(late, year, {visits: 999}, state="submitted")  # not accepted: not counted
    filed(sayram, period(2024), {visits: 100})
    filed(sayram, year, {visits: 150}, kind=DocumentKind.PLAN)

    stats = period_statistics(year, language="kk")

    rows = {row.name: row for row in stats.branches}
    assert rows[sayram.name].actual[visits.pk] == 120
    assert rows[sayram.name].previous[visits.pk] == 100
    assert rows[sayram.name].plan[visits.pk] == 150
    assert stats.districts["Сайрам ауданы"].actual[visits.pk] == 150
    assert stats.districts["Төлеби ауданы"].actual[visits.pk] == 45
    assert stats.region.actual[visits.pk] == Decimal(195)
    assert late.name in [row.name for row in stats.missing]
    assert sayram.name not in [row.name for row in stats.missing]


def test_a_year_from_its_quarters_summed_or_averaged(make_branch, indicators, period, filed):
    readers, visits = indicators["readers"], indicators["visits"]
    branch = make_branch()
    for number, (people, count) in enumerate([(40, 100), (42, 110), (44, 90), (46, 120)], 1):
        filed(branch, period(2025, PeriodKind.QUARTER, number), {readers: people, visits: count})

    row = next(r for r in period_statistics(period(2025)).branches if r.name == branch.name)

    assert row.reported
    assert row.actual[visits.pk] == 420
    assert row.actual[readers.pk] == 43


def test_the_number_of_queries_does_not_grow_with_branches(make_branch, indicators, period, filed):
    year = period(2025)
    filed(make_branch(), year, {indicators["visits"]: 1})
    with CaptureQueriesContext(connection) as few:
        period_statistics(year)
    for _ in range(5):
        filed(make_branch(), year, {indicators["visits"]: 1})
        filed(make_branch(), period(2024), {indicators["visits"]: 1})
    with CaptureQueriesContext(connection) as many:
        period_statistics(year)
    assert len(many.captured_queries) == len(few.captured_queries)


def test_a_branch_not_yet_translated_is_counted_in_its_district(
    make_branch, indicators, period, filed
):
    visits = indicators["visits"]
    translated = make_branch(district="Сайрам ауданы")
    Branch.objects.create(
        locale=Locale.objects.get(language_code="ru"),
        translation_key=translated.translation_key,
        name="Тестовый филиал",
        kind=translated.kind,
        district="Сайрамский район",
    )
    untranslated = make_branch(district="Сайрам ауданы")
    year = period(2025)
    filed(translated, year, {visits: 10})
    filed(untranslated, year, {visits: 5})

    stats = period_statistics(year, language="ru")

    rows = {row.key: row for row in stats.branches}
    assert rows[untranslated.translation_key].district == "Сайрамский район"
    assert rows[untranslated.translation_key].name_language == "kk"
    assert stats.districts["Сайрамский район"].actual[visits.pk] == 15
    assert "Сайрам ауданы" not in stats.districts
