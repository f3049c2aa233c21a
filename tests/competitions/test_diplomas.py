"""“Issue diplomas”: the whole flow through the real screens (judges score,
the chair closes and publishes, the public results show the places, staff
issue diplomas and participation certificates in one action, the batches
run), a shared place, who gets nothing and why, a second run that issues
nothing, the refusals (no permission, not published, templates), and a
festival edition's nominations in one action."""

from decimal import Decimal as D

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageLogEntry

from certificates import batches as certificate_batches
from certificates.enums import BatchKind, BatchStatus, CertificateKind, Place
from certificates.models import Certificate, CertificateBatch
from certificates.services import CertificateError
from competitions.diplomas import NothingNew, diplomas_issue, diplomas_plan
from competitions.enums import JudgingState
from competitions.models import CompetitionPage, Entry
from competitions.services import judging_close, result_record, results_publish, scores_save
from festivals.models import FestivalEditionPage
from people.models import Person
from registrations.enums import RegistrationStatus

from .conftest import in_english

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_messages():
    """Messages made outside a request read as an English reader gets them."""
    with translation.override("en"):
        yield


# Each judge's scores (artistry, content, delivery) of the five entries, in
# running order. Totals (mean of three judges, summed): 27, 25, 25, 20, none.
SCORES = [
    [(9, 9, 9), (8, 8, 9), (9, 8, 8), (7, 7, 7), None],
    [(9, 9, 9), (9, 8, 8), (8, 9, 8), (6, 7, 7), None],
    [(9, 9, 9), (8, 9, 8), (8, 8, 9), (6, 6, 7), None],
]


def refused(response) -> bool:
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def make_user(username, *codenames, superuser=False):
    user_model = get_user_model()
    if superuser:
        user = user_model.objects.create_superuser(username=username, password="pw-1")
    else:
        user = user_model.objects.create_user(username=username, password="pw-1", is_staff=True)
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
            *Permission.objects.filter(
                content_type__app_label="certificates", codename__in=codenames
            ),
        )
    return in_english(user_model.objects.get(pk=user.pk))


def jury(page):
    return [seat.user for seat in page.jury.order_by("sort_order")]


def entries(page):
    return list(page.entries.order_by("running_order", "pk"))


def issue_url(page):
    return reverse("diplomas:issue", args=[page.pk])


@pytest.fixture
def templates(certificate_template):
    diploma = certificate_template(
        kind=CertificateKind.DIPLOMA,
        name="Test diploma",
        text_kk="{place}. {nomination}. {event}, {date}.",
        text_ru="{place}. {nomination}. {event}, {date}.",
        text_en="{place}. {nomination}. {event}, {date}.",
    )
    participation = certificate_template(name="Test participation")
    return diploma, participation


@pytest.fixture
def contest(make_competition):
    """A live contest of one category: five entries, three judges, nothing scored."""
    page = make_competition(entries=5, categories=("Ашық топ",))
    for number, entry in enumerate(entries(page)):
        Person.objects.filter(pk=entry.registration.person_id).update(
            email=f"reader{number}@example.org"
        )
    return page


def score_through_the_screens(client, page):
    criteria = list(page.criteria.all())
    for judge, per_entry in zip(jury(page), SCORES, strict=True):
        client.force_login(judge)
        for entry, scores in zip(entries(page), per_entry, strict=True):
            if scores is None:
                continue
            data = {f"criterion_{c.pk}": str(v) for c, v in zip(criteria, scores, strict=True)}
            response = client.post(reverse("judging:entry", args=[page.pk, entry.pk]), data)
            assert response.status_code == 302


def close_and_publish_through_the_screens(client, page):
    client.force_login(jury(page)[0])
    assert client.post(reverse("judging:close", args=[page.pk])).status_code == 302
    response = client.post(
        reverse("judging:publish", args=[page.pk]),
        {"decision": "The fifth reader did not come; ranked on the scores given."},
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.judging_state == JudgingState.PUBLISHED


def published(client, page):
    score_through_the_screens(client, page)
    close_and_publish_through_the_screens(client, page)
    client.logout()
    # A request leaves its language active; what the services say is read in English.
    translation.activate("en")
    return page


def test_the_whole_flow_from_scores_to_diplomas_for_the_places(
    contest,
    templates,
    client,
    soup,
    django_capture_on_commit_callbacks,
):
    first, second, third, fourth, absent = entries(contest)
    Entry.objects.filter(pk=fourth.pk).update(special_prize="For the best Makatayev poem")
    published(client, contest)

    # The public results show the places, the shared II among them.
    html = soup(client.get(contest.url + "results/"))
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])][:2]
        for row in html.select("table.results-table tbody tr")
    ]
    with translation.override("kk"):
        shared = translation.gettext("(shared)")
    assert rows == [
        ["1", first.participant_name],
        [f"2 {shared}", second.participant_name],
        [f"2 {shared}", third.participant_name],
        ["4", fourth.participant_name],
        [rows[4][0], absent.participant_name],
    ]

    # The chair, who may issue certificates, finds the action on the judges' screen.
    chair = jury(contest)[0]
    chair.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="certificates",
            codename__in=["view_certificate", "add_certificate"],
        )
    )
    client.force_login(chair)
    overview = soup(client.get(reverse("judging:competition", args=[contest.pk])))
    assert overview.select_one("#diplomas-title + p + p a")["href"] == issue_url(contest)

    # The page says what will be issued, and who gets nothing and why.
    page = soup(client.get(issue_url(contest)))
    assert page.select_one("#diplomas-summary strong").get_text(strip=True) == (
        "4 diplomas and 4 participation certificates."
    )
    diploma_rows = [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])][:2]
        for row in page.select("#diplomas-caption ~ tbody tr")
    ]
    assert diploma_rows == [
        [first.participant_name, "1st place"],
        [second.participant_name, "2nd place"],
        [third.participant_name, "2nd place"],
        [fourth.participant_name, "Special prize: For the best Makatayev poem"],
    ]
    assert [li.get_text(" ", strip=True) for li in page.select("#skipped-title + ul li")] == [
        f"{absent.participant_name} ({contest.title}): no judge scored this entry"
    ]
    labels = [label.get_text(strip=True) for label in page.select("form label")]
    assert labels[:3] == [
        "Language of the certificates*",
        "Diploma template*",
        "Participation certificate template*",
    ]

    diploma, participation = templates
    form = {
        "language": "kk",
        "diploma_template": diploma.pk,
        "participation_template": participation.pk,
        "send_email": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(issue_url(contest), form)
    batches = list(CertificateBatch.objects.filter(event=contest).order_by("pk"))
    assert [b.kind for b in batches] == [BatchKind.DIPLOMAS, BatchKind.PARTICIPATION]
    assert response.status_code == 302
    assert response["Location"] == reverse("certificates_admin:batch", args=[batches[0].pk])
    for batch in batches:
        batch.refresh_from_db()
        assert (batch.status, batch.done, batch.issued, batch.errors) == (
            BatchStatus.DONE,
            batch.total,
            batch.total,
            [],
        )
    progress = client.get(response["Location"])
    assert progress.status_code == 200
    shown = [str(m) for m in progress.context["messages"]]
    assert len(shown) == 1
    assert "Issuing started: 4 diplomas and 4 participation certificates." in shown[0]
    for batch in batches:
        assert reverse("certificates_admin:batch", args=[batch.pk]) in shown[0]

    # Each placed entry has its diploma, with its place, name and registration.
    diplomas = Certificate.objects.valid().filter(event=contest, kind=CertificateKind.DIPLOMA)
    assert sorted(
        (d.registration_id, d.recipient_name, d.place, d.special_prize) for d in diplomas
    ) == sorted(
        [
            (first.registration_id, first.participant_name, Place.FIRST, ""),
            (second.registration_id, second.participant_name, Place.SECOND, ""),
            (third.registration_id, third.participant_name, Place.SECOND, ""),
            (
                fourth.registration_id,
                fourth.participant_name,
                Place.SPECIAL,
                "For the best Makatayev poem",
            ),
        ]
    )
    assert {d.source_key for d in diplomas} == {
        f"diploma:{contest.translation_key}:entry:{first.pk}",
        f"diploma:{contest.translation_key}:entry:{second.pk}",
        f"diploma:{contest.translation_key}:entry:{third.pk}",
        f"diploma:{contest.translation_key}:entry:{fourth.pk}:special",
    }
    assert all(d.event_id == contest.pk and d.pdf for d in diplomas)
    # Everyone who took part has a participation certificate; who did not come, none.
    participation_certificates = Certificate.objects.valid().filter(
        event=contest, kind=CertificateKind.PARTICIPATION
    )
    assert sorted(c.registration_id for c in participation_certificates) == sorted(
        e.registration_id for e in (first, second, third, fourth)
    )
    assert not Certificate.objects.filter(registration=absent.registration).exists()
    assert {c.recipient_email for c in participation_certificates} == {
        f"reader{n}@example.org" for n in range(4)
    }
    assert PageLogEntry.objects.filter(
        page=contest, action="competitions.diplomas.issue", user=chair
    ).exists()

    # The action again: nothing new, no batch, nothing issued twice.
    page = soup(client.get(issue_url(contest)))
    assert "there is nothing new to issue" in page.select_one("p.help-info").get_text()
    assert page.find("form", class_="staff-form") is None
    count = Certificate.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(issue_url(contest), form, follow=True)
    assert (
        [str(m) for m in again.context["messages"]][-1]
        .strip()
        .endswith(
            "Every diploma and certificate of these results was issued before: nothing is new."
        )
    )
    assert CertificateBatch.objects.filter(event=contest).count() == 2
    # A batch run again (a resumed worker) issues nothing either.
    rerun = certificate_batches.batch_run(batches[0])
    assert (rerun.status, rerun.done, rerun.errors) == (BatchStatus.DONE, 4, [])
    assert Certificate.objects.count() == count


def test_a_user_without_the_permission_to_issue_is_refused(contest, templates, client, soup):
    published(client, contest)
    viewer = make_user("viewer", "view_certificate")
    client.force_login(viewer)
    assert refused(client.get(issue_url(contest)))
    diploma, participation = templates
    assert refused(
        client.post(
            issue_url(contest),
            {
                "language": "kk",
                "diploma_template": diploma.pk,
                "participation_template": participation.pk,
            },
        )
    )
    assert not CertificateBatch.objects.filter(event=contest).exists()
    # The chair without the permission sees no link to it.
    client.force_login(jury(contest)[0])
    overview = soup(client.get(reverse("judging:competition", args=[contest.pk])))
    assert overview.find(id="diplomas-title") is None


def test_nothing_is_issued_before_the_results_are_published(contest, templates, client, soup):
    score_through_the_screens(client, contest)
    judging_close(competition=contest, user=jury(contest)[0])
    client.force_login(make_user("issuer", "view_certificate", "add_certificate"))
    page = soup(client.get(issue_url(contest)))
    assert page.select_one(".help-warning").get_text(" ", strip=True) == (
        f"The results of “{contest.title}” are not published yet: diplomas can be issued "
        "once the chair of the jury publishes them."
    )
    assert page.find("form", class_="staff-form") is None
    diploma, participation = templates
    response = client.post(
        issue_url(contest),
        {
            "language": "kk",
            "diploma_template": diploma.pk,
            "participation_template": participation.pk,
        },
    )
    assert response.status_code == 200
    summary = soup(response).select_one(".staff-error-summary")
    assert summary["role"] == "alert"
    assert (
        summary.select_one("li")
        .get_text(strip=True)
        .startswith(f"The results of “{contest.title}” are not published yet")
    )
    assert not CertificateBatch.objects.filter(event=contest).exists()
    assert not Certificate.objects.filter(event=contest).exists()


def test_templates_missing_of_another_kind_or_incomplete_are_refused(
    contest,
    templates,
    certificate_template,
    client,
    soup,
):
    published(client, contest)
    diploma, participation = templates
    without_english = certificate_template(kind=CertificateKind.DIPLOMA, name="kk only", text_en="")
    client.force_login(make_user("issuer", "view_certificate", "add_certificate"))

    response = client.post(
        issue_url(contest),
        {"language": "en", "participation_template": participation.pk},
    )
    html = soup(response)
    links = [a.get_text(" ", strip=True) for a in html.select(".staff-error-summary a")]
    assert links == ["Diploma template: Choose the template of the diplomas."]
    assert html.select_one(".staff-error-summary a")["href"] == "#id_diploma_template"

    response = client.post(
        issue_url(contest),
        {
            "language": "en",
            "diploma_template": without_english.pk,
            "participation_template": participation.pk,
        },
    )
    links = [a.get_text(" ", strip=True) for a in soup(response).select(".staff-error-summary a")]
    assert links == ["Diploma template: The text in English is missing."]
    assert not CertificateBatch.objects.filter(event=contest).exists()

    # The service refuses the same, and a template of the wrong kind, with nothing made.
    translation.activate("en")
    for wrong in ({"diploma_template": participation}, {"diploma_template": None}):
        arguments = {
            "event": contest,
            "language": "kk",
            "diploma_template": diploma,
            "participation_template": participation,
            "by": None,
            **wrong,
        }
        with pytest.raises(CertificateError):
            diplomas_issue(**arguments)
    with pytest.raises(CertificateError, match="The text in English is missing"):
        diplomas_issue(
            event=contest,
            language="en",
            diploma_template=without_english,
            participation_template=participation,
            by=None,
        )
    assert not CertificateBatch.objects.filter(event=contest).exists()
    assert not Certificate.objects.filter(event=contest).exists()


def test_a_withdrawn_entry_gets_nothing_even_with_scores(contest, client):
    published(client, contest)
    first, second, *_rest = entries(contest)
    second.registration.status = RegistrationStatus.CANCELLED
    second.registration.save(update_fields=["status"])
    plan = diplomas_plan(contest)
    assert second.pk not in {line.entry.pk for line in plan.lines}
    assert [(s.entry.pk, s.reason) for s in plan.skipped][0] == (
        second.pk,
        "withdrawn or not admitted: the registration is “Cancelled”",
    )
    assert [(line.entry.pk, line.place) for line in plan.diplomas] == [
        (first.pk, Place.FIRST),
        (entries(contest)[2].pk, Place.SECOND),
    ]


def test_measured_results_who_did_not_start_gets_no_certificate(make_competition):
    page = make_competition(
        entries=6,
        judges=1,
        categories=("Ашық",),
        result_type="points",
        unit="points",
        competition_kind="intellectual",
    )
    chair = jury(page)[0]
    finished, second, dnf, dsq, dns, no_result = entries(page)
    for entry, status, value in (
        (finished, "finished", D("5.5")),
        (second, "finished", D(4)),
        (dnf, "dnf", None),
        (dsq, "dsq", None),
        (dns, "dns", None),
    ):
        result_record(entry=entry, user=chair, status=status, value=value)
    judging_close(competition=page, user=chair)
    results_publish(competition=page, user=chair, decision="One result was not recorded.")
    plan = diplomas_plan(page)
    assert [(line.entry.pk, line.place) for line in plan.diplomas] == [
        (finished.pk, Place.FIRST),
        (second.pk, Place.SECOND),
    ]
    assert {line.entry.pk for line in plan.participation} == {
        finished.pk,
        second.pk,
        dnf.pk,
        dsq.pk,
    }
    assert {(s.entry.pk, s.reason) for s in plan.skipped} == {
        (dns.pk, "did not start"),
        (no_result.pk, "no result was recorded"),
    }


def test_grand_prix_replaces_the_place_diploma(contest, client):
    published(client, contest)
    first, second, *_rest = entries(contest)
    Entry.objects.filter(pk=first.pk).update(grand_prix=True)
    plan = diplomas_plan(contest)
    assert [(line.entry.pk, line.place) for line in plan.diplomas][:2] == [
        (first.pk, Place.GRAND_PRIX),
        (second.pk, Place.SECOND),
    ]
    assert sum(1 for line in plan.diplomas if line.entry.pk == first.pk) == 1


def test_a_festival_edition_issues_every_published_nomination_in_one_action(
    templates, client, soup, django_capture_on_commit_callbacks
):
    edition = FestivalEditionPage.objects.get(year=2010, locale__language_code="kk")
    nominations = list(CompetitionPage.objects.child_of(edition))
    assert nominations and all(n.judging_state == JudgingState.PUBLISHED for n in nominations)
    diploma, participation = templates
    staff = make_user("issuer", "view_certificate", "add_certificate")

    # Started from one nomination, the certificates name the edition as the
    # event and the nomination by its title.
    nomination = nominations[0]
    client.force_login(staff)
    page = soup(client.get(issue_url(nomination)))
    assert page.find("a", href=issue_url(edition)) is not None
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            issue_url(nomination),
            {
                "language": "kk",
                "diploma_template": diploma.pk,
                "participation_template": participation.pk,
            },
        )
    issued = Certificate.objects.valid().filter(event=edition)
    assert issued.filter(kind=CertificateKind.DIPLOMA).count() == 3
    assert {c.nomination for c in issued} == {nomination.title}
    count = issued.count()

    # The whole edition from its Russian page: nothing issued twice.
    russian = FestivalEditionPage.objects.get(
        translation_key=edition.translation_key, locale__language_code="ru"
    )
    page = soup(client.get(issue_url(russian)))
    assert "there is nothing new to issue" in page.select_one("p.help-info").get_text()
    with pytest.raises(NothingNew):
        diplomas_issue(
            event=russian,
            language="ru",
            diploma_template=diploma,
            participation_template=participation,
            by=staff,
        )
    assert Certificate.objects.valid().filter(event=edition).count() == count


def test_an_edition_without_published_results_is_refused(templates):
    edition = (
        FestivalEditionPage.objects.filter(locale__language_code="kk").order_by("-year").first()
    )
    plan = diplomas_plan(edition)
    assert plan.competitions == [] and len(plan.unpublished) == 3
    diploma, participation = templates
    with pytest.raises(CertificateError, match="are not published yet"):
        diplomas_issue(
            event=edition,
            language="kk",
            diploma_template=diploma,
            participation_template=participation,
            by=None,
        )
    assert not CertificateBatch.objects.filter(event=edition).exists()


def test_the_page_editor_of_a_competition_and_an_edition_has_the_action(contest, client, soup):
    edition = FestivalEditionPage.objects.get(year=2012, locale__language_code="kk")
    client.force_login(make_user("chief", superuser=True))
    for page in (contest, edition):
        html = soup(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
        assert html.find("a", href=issue_url(page)) is not None, page
    # Without the permission to issue certificates: no button.
    client.force_login(make_user("editor", "view_certificate"))
    html = soup(client.get(reverse("wagtailadmin_pages:edit", args=[contest.pk])))
    assert html.find("a", href=issue_url(contest)) is None


def test_something_else_than_a_competition_or_an_edition_is_not_found(client, soup):
    client.force_login(make_user("issuer", "view_certificate", "add_certificate"))
    festival = FestivalEditionPage.objects.first().get_parent()
    for pk in (festival.pk, 999999):
        response = client.get(reverse("diplomas:issue", args=[pk]))
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")


def test_the_page_reads_a_fixed_number_of_queries_however_many_entries(make_competition, client):
    counts = []
    client.force_login(make_user("issuer", "view_certificate", "add_certificate"))
    for size in (1, 6):
        page = make_competition(entries=size, judges=2)
        judges = jury(page)
        criteria = list(page.criteria.all())
        for number, entry in enumerate(entries(page)):
            for judge in judges:
                scores_save(entry=entry, judge=judge, values={c: D(10 - number) for c in criteria})
        judging_close(competition=page, user=judges[0])
        results_publish(competition=page, user=judges[0])
        client.get(issue_url(page))  # the session and the user's profile, once
        with CaptureQueriesContext(connection) as queries:
            response = client.get(issue_url(page))
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_a_name_too_long_to_print_is_told_before_issuing(contest, client, soup):
    chair = jury(contest)[0]
    first = entries(contest)[0]
    criteria = list(contest.criteria.all())
    scores_save(entry=first, judge=chair, values={c: D(9) for c in criteria})
    judging_close(competition=contest, user=chair)
    results_publish(competition=contest, user=chair, decision="Only one reader came.")
    long_name = "Әйгерім " + "Сәрсенбаева-" * 7 + "Өтегенова"
    Person.objects.filter(pk=first.registration.person_id).update(full_name=long_name)
    client.force_login(make_user("issuer", "view_certificate", "add_certificate"))
    html = soup(client.get(issue_url(contest)))
    problems = [li.get_text(" ", strip=True) for li in html.select("#names-title ~ ul li")]
    assert len(problems) == 1
    assert problems[0].startswith(f"{contest.title}: The name “{long_name}” is")
