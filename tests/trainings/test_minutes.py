"""The minutes of a Methodologists' Day as documents: the staff's (names of
those present, internal notes, every resolution) from the admin, and the
public ones (no names, no internal notes, public resolutions only) at the
page's minutes.pdf and minutes.txt after the Day. The PDF is tagged
PDF/UA-1 in the page's language, and the Kazakh words of a Russian page's
minutes carry their language."""

import datetime
import io
import re

import pikepdf
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from people.models import Person
from registrations.enums import RegistrationStatus
from registrations.models import Registration
from tests.events.test_documents import pdf_text, run_poppler
from tests.trainings.test_days import make_branch, make_staff
from trainings import days, minutes

pytestmark = pytest.mark.system_package("libpango-1.0-0")
needs_poppler = pytest.mark.system_package("poppler-utils")

MINUTES = (
    "<h2>Баяндамалар</h2><p>Брайль қорын толықтыру туралы әңгіме болды.</p>"
    "<ul><li>Аудиокітаптар</li><li>Тактильді кітаптар</li></ul>"
)
INTERNAL = "Ішкі ескерту: бюджет әлі бекітілмеген."
PUBLIC_TEXT = "Әр филиалда брайль бұрышын ашу."
PRIVATE_TEXT = "Қызметкердің біліктілігін арттыру курсы."
CARRIED_TEXT = "Аудиокітаптар тізімін жаңарту."
PRESENT = ("Айгүл Бекова", "Марат Сейітов")
ABSENT = "Дана Омарова"


def kk(message: str) -> str:
    with translation.override("kk"):
        return translation.gettext(message)


def minutes_url(day, extension, public=False):
    address = reverse("trainings_days:minutes", kwargs={"pk": day.pk, "extension": extension})
    return address + ("?public=1" if public else "")


def lang_elements(content: bytes) -> list[tuple[str, str]]:
    """(structure type, /Lang) of every element of the tag tree that has a /Lang."""
    found = []
    with pikepdf.open(io.BytesIO(content)) as pdf:
        stack = [pdf.Root.StructTreeRoot]
        while stack:
            node = stack.pop()
            if isinstance(node, pikepdf.Array):
                stack.extend(node)
                continue
            if not isinstance(node, pikepdf.Dictionary):
                continue
            if "/S" in node and "/Lang" in node:
                found.append((str(node.S), str(node.Lang)))
            if "/K" in node:
                stack.append(node.K)
    return found


def came(day, name, status):
    """A registration of the Day (held already, so made as check-in left it)."""
    now = timezone.now()
    return Registration.objects.create(
        event=day,
        person=Person.objects.create(full_name=name, email=f"{abs(hash(name))}@example.kz"),
        status=status,
        consent_version="test",
        consented_at=now,
        checked_in_at=now if status == RegistrationStatus.ATTENDED else None,
    )


@pytest.fixture
def admin(db):
    return make_staff("methodologist.test", superuser=True)


@pytest.fixture
def day(make_day, admin):
    """A Day held ten days ago: two people checked in, one not; a public and
    an internal resolution, and one carried over from the Day before."""
    branch = make_branch("Сайрам филиалы")
    earlier = make_day(days=-100, title="Әдіскерлер күні — өткен тоқсан")
    days.resolution_add(day=earlier, text=CARRIED_TEXT, assignee_branch=branch, by=admin)
    page = make_day(days=-10, title="Әдіскерлер күні — 2026, IV тоқсан")
    for name in PRESENT:
        came(page, name, RegistrationStatus.ATTENDED)
    came(page, ABSENT, RegistrationStatus.CONFIRMED)
    page.minutes = MINUTES
    page.minutes_internal = INTERNAL
    page.save_revision().publish()
    days.resolution_add(day=page, text=PUBLIC_TEXT, assignee_branch=branch, due_date=None, by=admin)
    days.resolution_add(day=page, text=PRIVATE_TEXT, assignee_user=admin, is_public=False, by=admin)
    return type(page).objects.get(pk=page.pk)


@pytest.mark.django_db
def test_the_staff_minutes_as_text(client, day, admin):
    client.force_login(admin)
    response = client.get(minutes_url(day, "txt"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Language"] == "kk"
    text = response.content.decode()
    lines = text.splitlines()
    assert lines[0] == kk("Minutes: %(title)s") % {"title": day.title}
    assert kk("People present: %(count)s.") % {"count": 2} in lines
    assert [f"{number}. {name}" for number, name in enumerate(sorted(PRESENT), 1)] == [
        line for line in lines if re.fullmatch(r"\d\. \S+ \S+", line)
    ]
    assert ABSENT not in text
    assert "Баяндамалар" in lines
    assert "- Аудиокітаптар" in lines
    assert INTERNAL in text
    assert f"1. {PUBLIC_TEXT}" in lines
    assert f"2. {PRIVATE_TEXT}" in lines
    assert CARRIED_TEXT in text
    assert "Сайрам филиалы" in text


@pytest.mark.django_db
@needs_poppler
def test_the_staff_minutes_pdf_is_tagged_in_the_page_language(client, day, admin, tmp_path):
    client.force_login(admin)
    response = client.get(minutes_url(day, "pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    content = response.content
    with pikepdf.open(io.BytesIO(content)) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        assert str(pdf.Root.Lang) == "kk"
        assert str(pdf.docinfo["/Title"]) == kk("Minutes: %(title)s") % {"title": day.title}
        with pdf.open_metadata() as metadata:
            assert metadata["pdfuaid:part"] == "1"
    assert re.search(r"^Tagged:\s+yes$", run_poppler("pdfinfo", content, tmp_path), re.M)
    text = pdf_text(content, tmp_path)
    for expected in [
        *PRESENT,
        "Брайль қорын толықтыру туралы әңгіме болды.",
        INTERNAL,
        PUBLIC_TEXT,
        PRIVATE_TEXT,
        CARRIED_TEXT,
        kk("People present: %(count)s.") % {"count": 2},
    ]:
        assert text.count(expected) >= 2, f"{expected!r} not read back by both tools"
    assert ABSENT not in text


@pytest.mark.django_db
def test_the_public_minutes_leave_out_names_notes_and_private_resolutions(client, day):
    response = client.get(day.url + "minutes.txt")
    assert response.status_code == 200
    assert response["Content-Language"] == "kk"
    text = response.content.decode()
    assert kk("People present: %(count)s.") % {"count": 2} in text
    for hidden in [*PRESENT, INTERNAL, PRIVATE_TEXT, kk("Internal notes (for staff only)")]:
        assert hidden not in text
    assert PUBLIC_TEXT in text
    assert CARRIED_TEXT in text
    assert "Брайль қорын толықтыру туралы әңгіме болды." in text


@pytest.mark.django_db
@needs_poppler
def test_the_public_minutes_pdf(client, day, tmp_path):
    response = client.get(day.url + "minutes.pdf")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'inline; filename="{day.slug}-minutes.pdf"'
    text = pdf_text(response.content, tmp_path)
    assert PUBLIC_TEXT in text
    for hidden in [*PRESENT, INTERNAL, PRIVATE_TEXT]:
        assert hidden not in text


@pytest.mark.django_db
def test_the_staff_can_preview_the_public_minutes(client, day, admin):
    client.force_login(admin)
    text = client.get(minutes_url(day, "txt", public=True)).content.decode()
    assert PUBLIC_TEXT in text
    assert PRIVATE_TEXT not in text
    assert INTERNAL not in text


@pytest.mark.django_db
def test_no_public_minutes_before_the_day(client, make_day):
    upcoming = make_day(days=5)
    assert client.get(upcoming.url + "minutes.txt").status_code == 404
    assert client.get(upcoming.url + "minutes.pdf").status_code == 404


@pytest.mark.django_db
def test_no_minutes_on_other_event_pages(client, make_event, make_training):
    event = make_event(start=timezone.now() - datetime.timedelta(days=10))
    assert client.get(event.url + "minutes.txt").status_code == 404
    assert client.get(event.url + "minutes.pdf").status_code == 404
    training = make_training(days=-10)
    assert client.get(training.url + "minutes.txt").status_code == 404


@pytest.mark.django_db
def test_the_staff_minutes_need_the_view_permission(client, day):
    librarian = make_staff("sairam", branch=make_branch("Кентау"))
    client.force_login(librarian)
    assert client.get(minutes_url(day, "txt")).status_code == 403


@pytest.mark.django_db
@needs_poppler
def test_a_russian_pages_minutes_mark_the_kazakh_words(client, day, translate, admin, tmp_path):
    russian = translate(
        day,
        "ru",
        title="День методиста — 2026, IV квартал",
        minutes="<p>Обсудили пополнение брайлевского фонда.</p>",
        minutes_internal="",
    )
    client.force_login(admin)
    response = client.get(minutes_url(russian, "pdf"))
    assert response.status_code == 200
    assert response["Content-Language"] == "ru"
    content = response.content
    with pikepdf.open(io.BytesIO(content)) as pdf:
        assert str(pdf.Root.Lang) == "ru"
    text = pdf_text(content, tmp_path)
    assert "Обсудили пополнение брайлевского фонда." in text
    # The resolutions (and the internal notes, not translated) are the Kazakh source's words.
    assert PUBLIC_TEXT in text
    assert INTERNAL in text
    languages = lang_elements(content)
    assert languages, "no part of the Russian minutes is marked Kazakh"
    assert {language for _type, language in languages} == {"kk"}

    text_response = client.get(minutes_url(russian, "txt"))
    with translation.override("ru"):
        heading = translation.gettext("Minutes: %(title)s") % {"title": russian.title}
    assert text_response.content.decode().splitlines()[0] == heading


@pytest.mark.django_db
def test_rich_text_becomes_plain_lines():
    html = (
        "<h2>Тақырып</h2><p>Бірінші <b>абзац</b> <a href='https://kitap.kz/'>сілтеме</a>.</p>"
        "<ol><li>бір</li><li>екі</li></ol>"
    )
    assert minutes.html_to_text(html) == (
        "Тақырып\n\nБірінші абзац сілтеме (https://kitap.kz/).\n\n1. бір\n2. екі"
    )
