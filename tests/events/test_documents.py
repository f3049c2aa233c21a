"""Programme documents: a tagged PDF/UA-1 in the page's language, a large-print
PDF, plain text; made once per version and stored, served with an ETag, and
a 503 with a link to the text when PDFs cannot be made.

PDFs are read back with pikepdf and pypdf and with poppler's command-line
tools (poppler-utils): pdfinfo, pdffonts, pdftotext."""

import datetime
import io
import re
import shutil
import subprocess
from collections import Counter
from urllib.parse import quote

import pikepdf
import pypdf
import pytest
from bs4 import BeautifulSoup
from django.core.signals import request_finished
from django.db import close_old_connections, connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from core import pdf as core_pdf
from events import documents, tasks
from events.enums import DocumentFormat
from events.models import EventPage, ProgrammeDocument, ProgrammeItem
from tests.events.conftest import ALMATY

pytestmark = pytest.mark.system_package("libpango-1.0-0")
needs_poppler = pytest.mark.system_package("poppler-utils")

TITLE = "Мұқағали Мақатаев өлеңдері"
PROGRAMME = [
    ("10:00", "Ашылу: Мұқағали әлемі"),
    ("10:30", "Жамбыл Жабаев айтыстары"),
    ("11:15", "Әдіскерлер күні: қорытынды"),
]
TITLES = [title for _time, title in PROGRAMME]
START = datetime.datetime(2026, 12, 3, 10, 0, tzinfo=ALMATY)


def poppler(tool: str) -> str:
    """The path of a poppler tool (tests that call it are marked
    system_package("poppler-utils"): they skip, or fail in CI, without it)."""
    return shutil.which(tool) or tool


def run_poppler(tool: str, content: bytes, tmp_path, *args: str) -> str:
    pdf = tmp_path / f"{tool}.pdf"
    pdf.write_bytes(content)
    result = subprocess.run(
        [poppler(tool), *args, str(pdf), *(["-"] if tool == "pdftotext" else [])],
        capture_output=True,
        check=True,
    )
    return result.stdout.decode()


def kk(message: str) -> str:
    with translation.override("kk"):
        return translation.gettext(message)


def body_of(response) -> bytes:
    """The body; the response (and its file) closed as the server would, but
    without closing the test's database connection, as Django's test client."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
    return body


@pytest.fixture
def fetch(rf):
    """fetch(page, "programme.pdf", **headers) -> (response, body): the view
    itself, in the page's language as the locale middleware sets it. (The
    URL map and the page's routes are tested on their own at the end.)"""

    def get(page, name: str, **headers):
        variant, extension = re.fullmatch(r"programme(-large-print)?\.(pdf|txt)", name).groups()
        request = rf.get(page.url + name, **headers)
        with translation.override(page.locale.language_code):
            response = documents.document_response(
                request, page, variant=variant, extension=extension
            )
            if hasattr(response, "render"):
                response.render()
        return response, body_of(response)

    return get


def pdf_text(content: bytes, tmp_path) -> str:
    """pdftotext's and pypdf's text, whitespace collapsed, joined."""
    poppler_text = run_poppler("pdftotext", content, tmp_path, "-enc", "UTF-8")
    pypdf_text = "\n".join(
        page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages
    )
    return " ".join(poppler_text.split()) + "\n" + " ".join(pypdf_text.split())


def font_sizes(content: bytes) -> Counter:
    """Characters per effective font size (pt), read from the content streams."""
    sizes: Counter = Counter()

    def visit(text, cm, tm, _font, size):
        if text.strip():
            scale = (tm[2] ** 2 + tm[3] ** 2) ** 0.5 * (cm[2] ** 2 + cm[3] ** 2) ** 0.5
            sizes[round(size * scale, 1)] += len(text.strip())

    for page in pypdf.PdfReader(io.BytesIO(content)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def structure_tags(content: bytes) -> Counter:
    """How often each structure type (/H1, /Table, /LI ...) occurs in the tag tree."""
    tags: Counter = Counter()
    with pikepdf.open(io.BytesIO(content)) as pdf:
        stack = [pdf.Root.StructTreeRoot]
        while stack:
            node = stack.pop()
            if not isinstance(node, pikepdf.Dictionary):
                continue
            if "/S" in node:
                tags[str(node.S)] += 1
            kids = node.get("/K")
            if isinstance(kids, pikepdf.Array):
                stack.extend(kids)
            elif kids is not None:
                stack.append(kids)
    return tags


@pytest.fixture
def event(make_event):
    return make_event(title=TITLE, start=START, programme=PROGRAMME)


@pytest.fixture
def render_count(monkeypatch):
    """Counts documents rendered (of any format) from here on."""
    counter = Counter()
    render = documents._render

    def counting(spec, data):
        counter[spec.format] += 1
        return render(spec, data)

    monkeypatch.setattr(documents, "_render", counting)
    return counter


@pytest.mark.django_db
@needs_poppler
def test_pdf_is_tagged_pdf_ua_in_the_page_language(fetch, event, tmp_path):
    response, content = fetch(event, "programme.pdf")
    assert response.status_code == 200, (
        "programme.pdf is not served: the URL must reach EventPage's route "
        "(see the report on config/urls.py)"
    )
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="{event.slug}-programme.pdf"'
    assert response["Content-Language"] == "kk"
    with pikepdf.open(io.BytesIO(content)) as pdf:
        assert "/StructTreeRoot" in pdf.Root
        assert pdf.Root.MarkInfo.Marked is True
        assert str(pdf.Root.Lang) == "kk"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert str(pdf.docinfo["/Title"]) == TITLE
        assert str(pdf.docinfo["/Author"]) == kk("Special Library for the Blind")
        with pdf.open_metadata() as metadata:
            assert metadata["dc:title"] == TITLE
            assert metadata["pdfuaid:part"] == "1"
    info = run_poppler("pdfinfo", content, tmp_path)
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert re.search(rf"^Title:\s+{TITLE}$", info, re.M)
    tags = structure_tags(content)
    assert tags["/H1"] == 1
    assert tags["/H2"] == 1
    assert tags["/Table"] == 1
    assert tags["/TH"] == 4 + len(PROGRAMME)  # column headers, and a title per row


@pytest.mark.django_db
@needs_poppler
@pytest.mark.parametrize("name", ["programme.pdf", "programme-large-print.pdf"])
def test_pdf_text_has_every_title_in_kazakh_letters_and_embedded_fonts(
    fetch, event, tmp_path, name
):
    response, content = fetch(event, name)
    assert response.status_code == 200
    text = pdf_text(content, tmp_path)
    for title in [TITLE, *TITLES]:
        assert text.count(title) >= 2, f"{title!r} not extracted by both pdftotext and pypdf"
    assert kk("Step-free access.") in text
    assert "Оқу залы" in text

    fonts = run_poppler("pdffonts", content, tmp_path).splitlines()[2:]
    assert fonts, "the PDF has no fonts"
    for line in fonts:
        name_, *_middle, emb, _sub, _uni, _object, _generation = line.split()
        assert emb == "yes", f"font {name_} is not embedded"
    # PT Sans ships with the project (core.pdf_fonts): never the machine's DejaVu Sans.
    assert all(re.search(r"PT-?Sans", line) for line in fonts), fonts


@pytest.mark.django_db
def test_large_print_is_at_least_18pt_without_tables_and_larger_than_standard(fetch, event):
    _response, standard = fetch(event, "programme.pdf")
    _response, large = fetch(event, "programme-large-print.pdf")
    standard_sizes, large_sizes = font_sizes(standard), font_sizes(large)
    standard_body = standard_sizes.most_common(1)[0][0]
    large_body = large_sizes.most_common(1)[0][0]

    assert min(standard_sizes) >= 11
    assert standard_body >= 11
    assert min(large_sizes) >= 18, f"large print has text at {min(large_sizes)} pt"
    assert large_body >= 18
    assert max(large_sizes) >= 28  # the headings
    assert large_body > standard_body
    assert "/Table" not in structure_tags(large)
    assert structure_tags(large)["/LI"] >= len(PROGRAMME)


@pytest.mark.django_db
def test_text_lists_the_programme_titles_in_order(fetch, event):
    response, body = fetch(event, "programme.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = body.decode("utf-8")
    lines = text.splitlines()
    assert lines[0] == TITLE
    with translation.override("kk"):
        facts = event.venue.accessibility_summary()
        heading = translation.gettext("Programme")
    for fact in facts:
        assert f"- {fact}" in lines
    assert event.venue.name in text

    programme = text.split(f"\n{heading}\n{'-' * len(heading)}\n", 1)[1]
    blocks = [block.splitlines() for block in programme.strip().split("\n\n")]
    assert [block[0].split(" – ", 1)[1] for block in blocks] == TITLES
    assert [block[0].split(" – ", 1)[0] for block in blocks] == ["10:00", "10:30", "11:15"]
    assert all(f"{kk('Room')}: Оқу залы" in block for block in blocks)
    assert all(len(line) <= 80 for line in lines)


@pytest.mark.django_db
def test_a_second_request_does_not_render_again(fetch, event, render_count):
    fetch(event, "programme.pdf")
    document = ProgrammeDocument.objects.get(page=event, format=DocumentFormat.PDF)
    fetch(event, "programme.pdf")
    fetch(event, "programme.pdf")

    assert render_count == {DocumentFormat.PDF: 1}  # only the format asked for
    again = ProgrammeDocument.objects.get(pk=document.pk)
    assert (again.generated_at, again.file.name) == (document.generated_at, document.file.name)

    documents.ensure_documents(event)
    documents.ensure_documents(event)
    assert render_count == dict.fromkeys(DocumentFormat, 1)


@pytest.mark.django_db
@needs_poppler
def test_editing_the_programme_and_publishing_makes_them_again(
    fetch, make_event, django_capture_on_commit_callbacks, tmp_path
):
    with django_capture_on_commit_callbacks(execute=True):
        page = make_event(title=TITLE, start=START, programme=PROGRAMME)
    stored = {doc.format: doc for doc in ProgrammeDocument.objects.filter(page=page)}
    assert set(stored) == set(DocumentFormat)  # made on publish by the task
    old_hash = stored[DocumentFormat.TEXT].source_hash

    page = EventPage.objects.get(pk=page.pk)
    page.programme_items.add(
        ProgrammeItem(sort_order=9, starts_at=START.replace(hour=12), title="Абай әндері")
    )
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    page = EventPage.objects.get(pk=page.pk)
    renewed = {doc.format: doc for doc in ProgrammeDocument.objects.filter(page=page)}
    assert {doc.source_hash for doc in renewed.values()} == {documents.source_hash(page)}
    assert old_hash != documents.source_hash(page)
    for fmt, doc in stored.items():
        assert renewed[fmt].file.name != doc.file.name
        assert not doc.file.storage.exists(doc.file.name), "the old file was not deleted"
    _response, text = fetch(page, "programme.txt")
    assert "12:00 – Абай әндері" in text.decode()
    _response, pdf = fetch(page, "programme.pdf")
    assert "Абай әндері" in pdf_text(pdf, tmp_path)


@pytest.mark.django_db
def test_only_what_the_documents_show_changes_the_hash(event):
    before = documents.source_hash(event)
    event.capacity = 40  # not in the documents
    assert documents.source_hash(event) == before
    event.venue.accessibility_notes = "Лифт бар."
    assert documents.source_hash(event) != before
    event.venue.accessibility_notes = ""
    event.status_note = "Басқа залда өтеді."
    assert documents.source_hash(event) != before


@pytest.mark.django_db
def test_not_modified_when_the_etag_matches(fetch, event):
    response, _content = fetch(event, "programme.pdf")
    etag = response["ETag"]
    assert etag == f'"{documents.source_hash(event)}"'
    assert response["Cache-Control"] == "no-cache"

    response, content = fetch(event, "programme.pdf", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert content == b""
    assert response["ETag"] == etag

    response, _content = fetch(event, "programme.pdf", HTTP_IF_NONE_MATCH='"something-else"')
    assert response.status_code == 200


@pytest.mark.django_db
@needs_poppler
def test_a_cancelled_event_says_so_in_words(fetch, make_event, tmp_path):
    note = "Ғимаратта жөндеу жүріп жатыр."
    page = make_event(
        title=TITLE, start=START, programme=PROGRAMME, status="cancelled", status_note=note
    )
    notice = kk("This event is cancelled.")
    for name in ("programme.pdf", "programme-large-print.pdf"):
        _response, content = fetch(page, name)
        text = pdf_text(content, tmp_path)
        assert f"{notice} {note}" in text
        assert text.index(notice) < text.index(kk("When"))  # before anything else
    _response, body = fetch(page, "programme.txt")
    text = body.decode()
    assert f"*** {notice} ***\n{note}" in text
    assert text.index(notice) < text.index(kk("When"))


@pytest.mark.django_db
@needs_poppler
def test_an_empty_programme_still_makes_valid_documents(fetch, make_event, tmp_path):
    page = make_event(title="Жамбыл Жабаев айтыстары", start=START)
    later = kk("The programme will be published later.")
    _response, content = fetch(page, "programme.pdf")
    assert later in pdf_text(content, tmp_path)
    assert "Жамбыл Жабаев айтыстары" in pdf_text(content, tmp_path)
    _response, body = fetch(page, "programme.txt")
    assert later in body.decode()


@pytest.mark.django_db
def test_there_is_no_large_print_text(fetch, event):
    with pytest.raises(Http404):
        fetch(event, "programme-large-print.txt")


@pytest.mark.django_db
def test_a_non_ascii_slug_gets_an_ascii_filename_and_rfc_5987(fetch, make_event):
    page = make_event(slug="мұқағали-оқулары", start=START, programme=PROGRAMME)
    response, _content = fetch(page, "programme.txt")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'inline; filename="event-{page.pk}-programme.txt"; '
        f"filename*=UTF-8''{quote('мұқағали-оқулары-programme.txt')}"
    )


@pytest.mark.django_db
def test_document_links_cost_one_query_and_render_nothing(event, monkeypatch):
    # The event page as its view has it: venue, organiser and locale loaded,
    # programme items prefetched (the page shows them all anyway).
    page = (
        EventPage.objects.select_related("venue", "organiser", "locale")
        .prefetch_related("programme_items")
        .get(pk=event.pk)
    )
    assert page.url  # Wagtail caches the site's root paths

    def no_rendering(spec, data):
        raise AssertionError("document_links rendered a document")

    with CaptureQueriesContext(connection) as queries, monkeypatch.context() as patch:
        patch.setattr(documents, "_render", no_rendering)
        links = documents.document_links(page)
    assert len(queries) == 1
    assert [link["url"] for link in links] == [
        page.url + "programme.pdf",
        page.url + "programme-large-print.pdf",
        page.url + "programme.txt",
    ]
    assert [link["format"] for link in links] == ["PDF", "PDF", "TXT"]
    assert [link["size"] for link in links] == [None, None, None]  # not made yet
    with translation.override("kk"):
        assert documents.document_links(page)[1]["label"] == translation.gettext(
            "Programme in large print"
        )

    made = {doc.format: doc.size for doc in documents.ensure_documents(page)}
    links = documents.document_links(page)
    assert [link["size"] for link in links] == [
        made[DocumentFormat.PDF],
        made[DocumentFormat.LARGE_PRINT],
        made[DocumentFormat.TEXT],
    ]
    assert all(size > 0 for size in made.values())

    page.title = "Жамбыл Жабаев айтыстары"  # stale now: no size until made again
    assert [link["size"] for link in documents.document_links(page)] == [None, None, None]


@pytest.mark.django_db
def test_without_pdf_renderer_a_503_links_to_the_text(fetch, event, monkeypatch):
    documents.ensure_documents(event)  # a stored PDF, about to go stale
    event.status = "cancelled"
    event.save_revision().publish()
    monkeypatch.setattr(core_pdf, "renderer_problem", lambda: "Pango is missing")

    for name in ("programme.pdf", "programme-large-print.pdf"):
        response, body = fetch(event, name)
        assert response.status_code == 503, "a stale PDF must not be served"
        assert response["Retry-After"]
        html = BeautifulSoup(body.decode(), "html.parser")
        assert kk(
            "The PDF could not be made right now; the plain text programme is available."
        ) in html.get_text(" ", strip=True)
        assert html.find("a", href=event.url + "programme.txt")

    response, body = fetch(event, "programme.txt")
    assert response.status_code == 200
    assert kk("This event is cancelled.") in body.decode()


@pytest.mark.django_db
def test_a_weasyprint_failure_is_a_503_not_a_500(fetch, event, monkeypatch):
    class BrokenHTML:
        def __init__(self, **kwargs):
            pass

        def write_pdf(self, **kwargs):
            raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(core_pdf, "html_class", lambda user_agent_css=None: BrokenHTML)
    response, _body = fetch(event, "programme.pdf")
    assert response.status_code == 503
    assert not ProgrammeDocument.objects.filter(page=event, format=DocumentFormat.PDF).exists()


def test_the_renderer_check_says_what_is_missing(monkeypatch):
    assert core_pdf.renderer_problem() is None

    def missing():
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(core_pdf, "toolkit", missing)
    problem = core_pdf.renderer_problem()
    assert "Pango" in problem
    assert "libpango-1.0-0" in problem
    with pytest.raises(documents.PdfUnavailable, match="libpango"):
        documents.render_pdf({}, large_print=False)


@pytest.mark.django_db
def test_pdf_is_deterministic_apart_from_its_creation_date(event):
    data = documents.document_data(event)
    first = documents.render_pdf(data, large_print=False, created="2026-12-01T09:00:00Z")
    second = documents.render_pdf(data, large_print=False, created="2026-12-01T09:00:00Z")
    assert first == second


@pytest.mark.django_db
def test_documents_are_in_the_page_language(fetch, make_event):
    page = make_event("ru", title="Стихи Мукагали Макатаева", start=START, programme=PROGRAMME)
    response, content = fetch(page, "programme.pdf")
    assert response["Content-Language"] == "ru"
    with pikepdf.open(io.BytesIO(content)) as pdf:
        assert str(pdf.Root.Lang) == "ru"
    _response, body = fetch(page, "programme.txt")
    with translation.override("ru"):
        assert f"\n{translation.gettext('Programme')}\n" in body.decode()


@pytest.mark.django_db
def test_the_task_makes_all_three(event):
    result = tasks.generate_programme_documents.enqueue(event.pk)
    assert result.return_value == 3
    assert set(
        ProgrammeDocument.objects.filter(page=event).values_list("format", flat=True)
    ) == set(DocumentFormat)
    event.unpublish()
    assert tasks.generate_programme_documents.enqueue(event.pk).return_value == 0


@pytest.mark.django_db
def test_the_page_routes_reach_the_documents(event, rf):
    for name in ("programme.pdf", "programme-large-print.pdf", "programme.txt"):
        request = rf.get(event.url + name)
        try:
            view, args, kwargs = event.resolve_subpage(f"/{name}")
            response = event.serve(request, view, args, kwargs)
        except TypeError as error:
            raise AssertionError(
                f"EventPage's {name} route does not call its view: {error} "
                "(`variant` is absent from the route's kwargs when it does not match; "
                "it needs a default of None)"
            ) from error
        assert response.status_code == 200, name
        body_of(response)
    with pytest.raises(Http404):  # from the route or from the view
        view, args, kwargs = event.resolve_subpage("/programme-large-print.txt")
        event.serve(rf.get(event.url + "programme-large-print.txt"), view, args, kwargs)


@pytest.mark.django_db
def test_documents_are_served_through_the_url_map(client, event):
    for name in ("programme.pdf", "programme-large-print.pdf", "programme.txt"):
        response = client.get(event.url + name)
        assert response.status_code == 200, (
            f"{event.url}{name} does not reach the page: Wagtail's URL pattern only "
            "serves paths ending in a slash, so config/urls.py needs a pattern for "
            "files that pages serve (see the report)"
        )
        body_of(response)
    assert client.get(event.url + "programme-large-print.txt").status_code == 404


@pytest.mark.django_db
def test_publishing_queues_the_documents_for_the_worker(
    make_event, settings, django_capture_on_commit_callbacks
):
    """With the database task backend a publish only queues the work; the
    worker makes the documents, outside any request."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        event = make_event(programme=[("10:00", "Жамбыл Жабаев айтыстары")])
    assert ProgrammeDocument.objects.filter(page=event).count() == 0
    queued = DBTaskResult.objects.filter(task_path="events.tasks.generate_programme_documents")
    assert queued.count() == 1
    # What the worker (manage.py db_worker) does with the queued row; the
    # command itself closes database connections, which a test transaction
    # on PostgreSQL does not survive.
    queued_task = queued.get()
    arguments = queued_task.task_result
    queued_task.task.call(*arguments.args, **arguments.kwargs)
    assert sorted(
        ProgrammeDocument.objects.filter(page=event).values_list("format", flat=True)
    ) == [
        "large-print",
        "pdf",
        "text",
    ]


def _struct_elements(node, found):
    if isinstance(node, pikepdf.Array):
        for kid in node:
            _struct_elements(kid, found)
    elif isinstance(node, pikepdf.Dictionary):
        if "/S" in node:
            found.append(node)
        if "/K" in node:
            _struct_elements(node.K, found)
    return found


@pytest.mark.django_db
def test_the_heading_and_caption_stay_with_the_table(event):
    """However long the text above it, the "Programme" heading and the
    table's caption begin the page the table begins on: never left alone at
    the foot of a page, and the caption is in the same /Table as the rows."""
    data = documents.document_data(event)
    sentence = "Оқырмандарға тоқсан ішінде түскен кітаптар туралы айтып береміз. "
    moved = 0
    for lines in range(14, 44):
        data["summary"] = sentence * lines
        content = documents.render_pdf(data, large_print=False)
        with pikepdf.open(io.BytesIO(content)) as document:
            elements = _struct_elements(document.Root.StructTreeRoot, [])
            page_of = {
                kind: next(
                    document.pages.index(pikepdf.Page(e.Pg)) for e in elements if kind == e.S
                )
                for kind in ("/H2", "/Caption", "/TR")
            }
            tables = [e for e in elements if e.S == "/Table"]
            first_table = _struct_elements(tables[0].K, [])
            kinds = {str(e.S) for e in first_table}
        assert page_of["/H2"] == page_of["/Caption"] == page_of["/TR"], (lines, page_of)
        assert {"/Caption", "/THead", "/TBody"} <= kinds, (lines, kinds)
        moved += page_of["/TR"] == 1
    assert moved  # some of the texts above pushed the table onto the second page
