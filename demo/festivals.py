"""The demo festival «Жанарым менің жүрегім» (demo/fixtures/festivals.yaml), in
kk, ru and en: editions 2010, 2011 (with its three dedications) and 2012 with
published results, and the current year's edition open for applications.

Nominations are competitions; their entries, jury scores and results are
made with `demo.competitions`' helpers, on the Kazakh (judged) pages. The
2011 edition's diplomas and participation certificates are issued with the
admin's own "Issue diplomas" action (`competitions.diplomas`), so that
`export_certificates` and the verification page have something to show."""

import datetime

from django.conf import settings
from django.utils import timezone

from certificates.batches import batch_run
from competitions.diplomas import NothingNew, diplomas_issue
from competitions.models import Category, CompetitionPage, Criterion, Entry, JuryMember
from demo import certificates as certificates_demo
from demo import competitions as competitions_demo
from demo.data import load
from demo.home import demo_image
from demo.seeding import TreeBuilder, local_time, stream, translation_key
from events.models import ProgrammeItem
from festivals.models import FestivalEditionPage, FestivalIndexPage, FestivalPage


def _stages(code, district: datetime.date, gala: datetime.date) -> list:
    names = load("festivals")["edition"]["stages"]
    return [
        {
            "type": "stage",
            "value": {
                "name": names["district"][code],
                "level": "district",
                "starts": district.isoformat(),
                "ends": (district + datetime.timedelta(days=14)).isoformat(),
                "place": "",
                "description": "",
            },
        },
        {
            "type": "stage",
            "value": {
                "name": names["gala"][code],
                "level": "gala",
                "starts": gala.isoformat(),
                "ends": gala.isoformat(),
                "place": "",
                "description": "",
            },
        },
    ]


def _edition_fields(code, year, start, *, dedications=(), gallery=None, registration=None):
    edition = load("festivals")["edition"]
    fields = {
        "title": edition["title"][code].format(year=year),
        "year": year,
        "start": start,
        "end": start + datetime.timedelta(hours=6),
        "summary": edition["summary"][code].format(year=year),
        "audience": "disability-groups",
        "dedications": [{"type": "dedication", "value": text} for text in dedications],
        "stages": _stages(code, start.date() - datetime.timedelta(days=40), start.date()),
        "partners": [
            {
                "type": "partner",
                "value": {"name": partner["name"], "role": partner["role"], "url": ""},
            }
            for partner in edition["partners"][code]
        ],
    }
    if gallery is not None:
        fields["gallery"] = [
            {
                "type": "photo",
                "value": {
                    "image": gallery.pk,
                    "alt_text": edition["gallery_alt"][code],
                    "caption": "",
                },
            }
        ]
    if registration:
        fields["registration_opens"], fields["registration_closes"] = registration
    return fields


def _programme(page, code, start):
    for order, title in enumerate(load("festivals")["edition"]["programme"][code]):
        at = start + datetime.timedelta(hours=2 * order)
        page.programme_items.add(
            ProgrammeItem(
                title=title,
                starts_at=at,
                ends_at=at + datetime.timedelta(hours=2),
                sort_order=order,
            )
        )


def _nomination_spec(nomination: dict) -> dict:
    """A nomination of the data file as a competition spec of `demo.competitions`."""
    content = load("festivals")
    return {
        **content["nomination"],
        "categories": content["categories"],
        "awards": {},
        **nomination,
        "discipline": content["disciplines"][nomination["discipline"]],
    }


def seed(builder: TreeBuilder, locales: dict, homes: dict) -> None:
    content = load("festivals")
    index = content["index"]
    indexes = builder.ensure_page(
        FestivalIndexPage,
        "festivals",
        homes,
        slug=index["slug"],
        show_in_menus=True,
        fields=lambda code: {"title": index["title"][code], "intro": index["intro"][code]},
    )
    festival = content["festival"]
    festivals = builder.ensure_page(
        FestivalPage,
        "festival:zhanarym",
        indexes,
        slug=festival["slug"],
        fields=lambda code: {
            "title": festival["name"][code],
            "lead": festival["lead"][code],
            "founded": festival["founded"],
            "body": stream(festival["body"][code]),
            "organisers": festival["organisers"][code],
        },
    )
    image = demo_image()
    branches = competitions_demo.branches_of_entrants(locales)
    for year, edition in content["editions"].items():
        start = local_time(datetime.date(year, 12, 3))
        editions = builder.ensure_page(
            FestivalEditionPage,
            f"festival:zhanarym:{year}",
            festivals,
            slug=str(year),
            fields=lambda code, year=year, start=start, edition=edition: _edition_fields(
                code,
                year,
                start,
                dedications=edition.get("dedications", {}).get(code, ()),
                gallery=image if edition.get("gallery") else None,
            ),
            children=lambda page, code, start=start: _programme(page, code, start),
        )
        for nomination in edition["nominations"]:
            _ensure_nomination(builder, _nomination_spec(nomination), editions, start, branches)
    _seed_current(builder, festivals)


def _ensure_nomination(builder, spec, editions, start, branches):
    jury = [j for j in (competitions_demo.judge(u) for u in spec["jury"]) if j is not None]

    def children(page, code):
        for order, category in enumerate(spec["categories"]):
            page.categories.add(
                Category(name=category[code], basis=category["basis"], sort_order=order)
            )
        for order, names in enumerate(competitions_demo.criteria()):
            page.criteria.add(Criterion(name=names[code], sort_order=order))
        if code == settings.LANGUAGE_CODE:
            for order, user in enumerate(jury):
                page.jury.add(JuryMember(user=user, is_chair=order == 0, sort_order=order))

    pages = builder.ensure_page(
        CompetitionPage,
        spec["key"],
        editions,
        slug=spec["slug"],
        fields=lambda code: competitions_demo.page_fields(spec, code, start),
        children=children,
    )
    page = CompetitionPage.objects.get(pk=pages[settings.LANGUAGE_CODE].pk)
    if (
        spec["entries"]
        and len(jury) == len(spec["jury"])
        and not Entry.objects.filter(competition=page).exists()
    ):
        competitions_demo.seed_entries(page, spec, jury, branches)


def _seed_current(builder, festivals):
    content = load("festivals")
    today = timezone.localdate()
    start = local_time(today + datetime.timedelta(days=20))
    window = (
        local_time(today - datetime.timedelta(days=10), "09:00"),
        local_time(today + datetime.timedelta(days=14), "18:00"),
    )
    editions = builder.ensure_page(
        FestivalEditionPage,
        "festival:zhanarym:current",
        festivals,
        slug=str(today.year),
        fields=lambda code: _edition_fields(code, today.year, start, registration=window),
        children=lambda page, code: _programme(page, code, start),
    )
    closed = (window[0], local_time(today - datetime.timedelta(days=1), "18:00"))
    for nomination in content["current"]["nominations"]:
        spec = {
            "title": nomination["title"],
            "discipline": content["disciplines"][nomination["discipline"]],
            "summary": content["current"]["summary"],
            "kind": content["nomination"]["kind"],
            "result_type": content["nomination"]["result_type"],
        }
        nomination_window = window if nomination["open"] else closed

        def children(page, code):
            for order, category in enumerate(content["categories"]):
                page.categories.add(
                    Category(name=category[code], basis=category["basis"], sort_order=order)
                )
            for order, names in enumerate(competitions_demo.criteria()):
                page.criteria.add(Criterion(name=names[code], sort_order=order))

        builder.ensure_page(
            CompetitionPage,
            f"festival:current:{nomination['slug']}",
            editions,
            slug=nomination["slug"],
            fields=lambda code, spec=spec, w=nomination_window: {
                **competitions_demo.page_fields(spec, code, start),
                "registration_opens": w[0],
                "registration_closes": w[1],
            },
            children=children,
        )


def seed_certificates() -> int:
    """Diplomas for the places of the 2011 edition's nominations and
    participation certificates for everyone who took part, in Kazakh and
    Russian; returns how many were issued now (0 on a second run)."""
    edition = FestivalEditionPage.objects.filter(
        translation_key=translation_key("festival:zhanarym:2011"),
        locale__language_code=settings.LANGUAGE_CODE,
    ).first()
    if edition is None:
        return 0
    participation, diploma = certificates_demo.seed()
    try:
        batches = diplomas_issue(
            event=edition,
            language="kk+ru",
            diploma_template=diploma,
            participation_template=participation,
            by=None,
            enqueue=False,
        )
    except NothingNew:
        return 0
    return sum(batch_run(batch).issued for batch in batches)
