"""The demo festival «Жанарым менің жүрегім» for seed_demo, in kk, ru and en:
editions 2010, 2011 (with its three dedications) and 2012 with published
results, and the current year's edition open for applications.

Nominations are competitions; their entries, jury scores and results are
made with the competitions demo's helpers, on the Kazakh (judged) pages.
The 2011 edition's diplomas and participation certificates are issued with
the admin's own "Issue diplomas" action (`competitions.diplomas`), so that
`export_certificates` and the verification page have something to show.
People's names are made up."""

import datetime

from django.conf import settings
from django.utils import timezone
from wagtail.images.models import Image

from branches.models import Branch, BranchKind
from certificates import demo as certificates_demo
from certificates.services import batch_run
from competitions import demo as competitions_demo
from competitions.diplomas import NothingNew, diplomas_issue
from competitions.enums import JudgingState
from competitions.models import Category, CompetitionPage, Criterion, Entry, JuryMember
from core.seeding import TreeBuilder, translation_key
from events.models import ProgrammeItem
from festivals.models import FestivalEditionPage, FestivalIndexPage, FestivalPage

FESTIVAL_NAME = {
    "kk": "«Жанарым менің жүрегім» облыстық фестивалі",
    "ru": "Областной фестиваль «Жанарым менің жүрегім»",
    "en": "Regional festival “Zhanarym menin zhuregim”",
}

FESTIVAL_LEAD = {
    "kk": "I–II топтағы мүгедектігі бар зағип және әлсіз көретін азаматтардың шығармашылық фестивалі: мәнерлеп оқу, ән, күй, жыр.",
    "ru": "Творческий фестиваль незрячих и слабовидящих людей с I–II группой инвалидности: художественное чтение, песня, кюй, жыр.",
    "en": "A creative festival of blind and low-vision people with disability groups I–II: expressive reading, song, kui, zhyr.",
}

FESTIVAL_BODY = {
    "kk": [
        ("h2", "Фестивальдің идеясы"),
        (
            "p",
            "Фестивальдің атауы — «Жанарым менің жүрегім». Ол зағип оқырмандардың шығармашылығын көрсетуге, бір-бірімен танысуға және рухани орталық құруға арналған.",
        ),
        ("h2", "Тарихы"),
        (
            "p",
            "Фестиваль 2010 жылы үш жылға жоспарланып басталды және содан бері жыл сайын өтеді: алдымен аудандарда іріктеу, содан кейін облыстық гала-концерт.",
        ),
    ],
    "ru": [
        ("h2", "Идея фестиваля"),
        (
            "p",
            "Название фестиваля — «Жанарым менің жүрегім» («Сердце моё — мои глаза»). Он даёт незрячим читателям показать своё творчество, познакомиться друг с другом и найти культурный центр общения.",
        ),
        ("h2", "История"),
        (
            "p",
            "Фестиваль начался в 2010 году как трёхлетний проект и с тех пор проходит каждый год: сначала отборочные туры в районах, затем областной гала-концерт.",
        ),
    ],
    "en": [
        ("h2", "The idea"),
        (
            "p",
            "The festival's name, “Zhanarym menin zhuregim”, means “My heart is my sight”. It lets blind readers show their art, meet each other and find a cultural centre of their own.",
        ),
        ("h2", "History"),
        (
            "p",
            "The festival began in 2010, planned for three years, and has been held every year since: first district rounds, then the regional gala concert.",
        ),
    ],
}

ORGANISERS = {
    "kk": "<p>Зағип және нашар көретін азаматтарға арналған облыстық арнайы кітапхананың әдістемелік бөлімі, филиалдар мен пункттер.</p>",
    "ru": "<p>Методический отдел областной специальной библиотеки для незрячих и слабовидящих, её филиалы и пункты.</p>",
    "en": "<p>The methodology department of the regional special library for blind and low-vision readers, with its branches and service points.</p>",
}

DEDICATIONS_2011 = {
    "kk": [
        "Қазақстан Республикасы Тәуелсіздігінің 20 жылдығы",
        "Ақын Мұқағали Мақатаевтың туғанына 80 жыл",
        "Жамбыл Жабаевтың туғанына 165 жыл",
    ],
    "ru": [
        "20 лет Независимости Республики Казахстан",
        "80 лет со дня рождения поэта Мукагали Макатаева",
        "165 лет со дня рождения акына Жамбыла Жабаева",
    ],
    "en": [
        "20 years of the Independence of Kazakhstan",
        "80 years since the birth of the poet Mukagali Makatayev",
        "165 years since the birth of the akyn Zhambyl Zhabayev",
    ],
}

STAGE_NAMES = {
    "district": {
        "kk": "Аудандық іріктеу",
        "ru": "Районные отборочные туры",
        "en": "District rounds",
    },
    "gala": {
        "kk": "Облыстық гала-концерт",
        "ru": "Областной гала-концерт",
        "en": "Regional gala concert",
    },
}

PARTNERS = {
    "kk": [("Қазақ соқырлар қоғамының облыстық бөлімшесі", "Бірлескен ұйымдастырушы")],
    "ru": [("Областное отделение Казахского общества слепых", "Соорганизатор")],
    "en": [("Regional branch of the Kazakh Society of the Blind", "Co-organiser")],
}

GALLERY_ALT = {
    "kk": "Брайль қарпімен басылған парақтағы көтеріңкі нүктелер",
    "ru": "Выпуклые точки шрифта Брайля на листе",
    "en": "Raised braille dots on a printed sheet",
}

EDITION_TITLE = {
    "kk": "«Жанарым менің жүрегім» — {year}",
    "ru": "«Жанарым менің жүрегім» — {year}",
    "en": "“Zhanarym menin zhuregim” {year}",
}

EDITION_SUMMARY = {
    "kk": "Фестивальдің {year} жылғы кезеңі: аудандық іріктеулер және облыстық гала-концерт.",
    "ru": "Фестиваль {year} года: районные отборочные туры и областной гала-концерт.",
    "en": "The {year} festival: district rounds and the regional gala concert.",
}

READING = {"kk": "Мәнерлеп оқу", "ru": "Художественное чтение", "en": "Expressive reading"}
SONG = {"kk": "Ән", "ru": "Песня", "en": "Song"}
KUI = {"kk": "Домбыра, күй", "ru": "Домбра, кюй", "en": "Dombra, kui"}
ZHYR = {"kk": "Жыр, терме", "ru": "Жыр, терме", "en": "Zhyr and terme"}
OPEN_CATEGORY = [("open", {"kk": "Ашық топ", "ru": "Открытая категория", "en": "Open category"})]


def _nomination(key, slug, title, discipline, summary, entries, awards=None):
    return {
        "key": key,
        "slug": slug,
        "kind": "creative",
        "result_type": "scored",
        "title": title,
        "discipline": discipline,
        "summary": summary,
        "categories": OPEN_CATEGORY,
        "jury": ["admin", "jury.saule", "jury.irina"],
        "state": JudgingState.PUBLISHED,
        "awards": awards or {},
        "entries": entries,
    }


def _summary(kk, ru, en):
    return {"kk": kk, "ru": ru, "en": en}


NOMINATIONS = {
    2010: [
        _nomination(
            "festival:2010:reading",
            "expressive-reading",
            {
                "kk": "Мәнерлеп оқу (2010)",
                "ru": "Художественное чтение (2010)",
                "en": "Expressive reading (2010)",
            },
            READING,
            _summary(
                "Қазақ ақындарының өлеңдерін оқу.",
                "Чтение стихов казахских поэтов.",
                "Reading poems of Kazakh poets.",
            ),
            [
                (
                    "Ләззат Оспанова",
                    0,
                    "Атамекен",
                    "Қадыр Мырза Әли",
                    [(9, 9, 9), (9, 8, 9), (9, 9, 8)],
                ),
                ("Павел Дёмин", 0, "Родина", "Олжас Сулейменов", [(8, 8, 8), (8, 7, 8), (8, 8, 7)]),
                (
                    "Қуаныш Әлімбеков",
                    0,
                    "Туған жер",
                    "Абай Құнанбайұлы",
                    [(7, 8, 8), (8, 8, 8), (7, 7, 8)],
                ),
            ],
        ),
    ],
    2011: [
        _nomination(
            "festival:2011:makatayev",
            "makatayev-poems",
            {
                "kk": "Мұқағали Мақатаев өлеңдерін мәнерлеп оқу",
                "ru": "Чтение стихов Мукагали Макатаева",
                "en": "Reading the poems of Mukagali Makatayev",
            },
            READING,
            _summary(
                "Ақынның 80 жылдығына арналған мәнерлеп оқу.",
                "Художественное чтение к 80-летию поэта.",
                "Expressive reading for the poet's 80th anniversary.",
            ),
            # Two readers tie for the first place: the place is shared.
            [
                (
                    "Айгүл Бекмаханова",
                    0,
                    "Сен менің",
                    "Мұқағали Мақатаев",
                    [(9, 9, 9), (9, 9, 9), (9, 9, 9)],
                ),
                (
                    "Марат Ысқақов",
                    0,
                    "Бақыт",
                    "Мұқағали Мақатаев",
                    [(9, 9, 9), (9, 9, 9), (9, 9, 9)],
                ),
                (
                    "Елена Гончарова",
                    0,
                    "Жаз",
                    "Мұқағали Мақатаев",
                    [(8, 8, 9), (8, 8, 8), (8, 9, 8)],
                ),
                (
                    "Нұрсұлтан Ерғалиев",
                    0,
                    "Дариға, сол қыз",
                    "Мұқағали Мақатаев",
                    [(7, 8, 7), (8, 7, 7), (7, 7, 8)],
                ),
            ],
        ),
        _nomination(
            "festival:2011:zhambyl",
            "zhambyl-zhyr",
            {"kk": "Жамбыл жырлары", "ru": "Жыры Жамбыла", "en": "Songs of Zhambyl"},
            ZHYR,
            _summary(
                "Жамбыл Жабаевтың 165 жылдығына арналған жыр мен терме.",
                "Жыр и терме к 165-летию Жамбыла Жабаева.",
                "Zhyr and terme for the 165th anniversary of Zhambyl Zhabayev.",
            ),
            [
                (
                    "Бақытжан Сәрсенов",
                    0,
                    "Туған елім",
                    "Жамбыл Жабаев",
                    [(10, 9, 9), (9, 9, 10), (9, 10, 9)],
                ),
                (
                    "Зәуре Ахметова",
                    0,
                    "Ленинградтық өренім",
                    "Жамбыл Жабаев",
                    [(9, 9, 8), (9, 8, 9), (8, 9, 9)],
                ),
                (
                    "Самат Жұмабаев",
                    0,
                    "Менің елім",
                    "Жамбыл Жабаев",
                    [(8, 7, 8), (8, 8, 7), (7, 8, 8)],
                ),
            ],
        ),
        _nomination(
            "festival:2011:song",
            "song",
            {
                "kk": "Тәуелсіздік әндері",
                "ru": "Песни Независимости",
                "en": "Songs of Independence",
            },
            SONG,
            _summary(
                "Тәуелсіздіктің 20 жылдығына арналған ән байқауы.",
                "Конкурс песен к 20-летию Независимости.",
                "A song contest for 20 years of Independence.",
            ),
            [
                (
                    "Алина Ким",
                    0,
                    "Менің Қазақстаным",
                    "Шәмші Қалдаяқов",
                    [(9, 10, 9), (10, 9, 9), (9, 9, 10)],
                ),
                (
                    "Ерболат Тұрғынбеков",
                    0,
                    "Атамекен",
                    "Ескендір Хасанғалиев",
                    [(8, 9, 9), (9, 9, 8), (9, 8, 9)],
                ),
                (
                    "Светлана Морозова",
                    0,
                    "Қазақ вальсі",
                    "Шәмші Қалдаяқов",
                    [(8, 8, 8), (8, 8, 8), (8, 8, 8)],
                ),
            ],
            awards={"Алина Ким": {"grand_prix": True}},
        ),
        _nomination(
            "festival:2011:kui",
            "kui",
            {"kk": "Күй тартыс", "ru": "Исполнение кюя", "en": "Kui playing"},
            KUI,
            _summary(
                "Домбырамен күй орындау.", "Исполнение кюя на домбре.", "Playing kui on the dombra."
            ),
            [
                (
                    "Ғалымжан Мұсабеков",
                    0,
                    "Адай",
                    "Құрманғазы",
                    [(9, 9, 9), (10, 9, 9), (9, 9, 10)],
                ),
                ("Андрей Лим", 0, "Балбырауын", "Құрманғазы", [(8, 9, 8), (9, 8, 8), (8, 8, 9)]),
                (
                    "Меруерт Қасымова",
                    0,
                    "Ерке сылқым",
                    "Құрманғазы",
                    [(8, 8, 7), (7, 8, 8), (8, 7, 8)],
                ),
            ],
        ),
    ],
    2012: [
        _nomination(
            "festival:2012:reading",
            "expressive-reading",
            {
                "kk": "Мәнерлеп оқу (2012)",
                "ru": "Художественное чтение (2012)",
                "en": "Expressive reading (2012)",
            },
            READING,
            _summary(
                "Қазақ ақындарының өлеңдерін оқу.",
                "Чтение стихов казахских поэтов.",
                "Reading poems of Kazakh poets.",
            ),
            [
                (
                    "Дана Сейдахметова",
                    0,
                    "Көктем",
                    "Ілияс Жансүгіров",
                    [(9, 9, 10), (9, 9, 9), (10, 9, 9)],
                ),
                ("Игорь Белов", 0, "Степь", "Олжас Сулейменов", [(8, 9, 8), (8, 8, 8), (9, 8, 8)]),
                (
                    "Әсем Нұрпейісова",
                    0,
                    "Ана тілі",
                    "Қадыр Мырза Әли",
                    [(7, 8, 8), (8, 7, 8), (8, 8, 7)],
                ),
            ],
        ),
    ],
}

# The current edition: two nominations take applications, one has closed early.
CURRENT_NOMINATIONS = [
    (
        "reading",
        READING,
        {"kk": "Мәнерлеп оқу", "ru": "Художественное чтение", "en": "Expressive reading"},
        True,
    ),
    ("song", SONG, {"kk": "Ән", "ru": "Песня", "en": "Song"}, True),
    (
        "tactile-art",
        {"kk": "Тактильді сурет", "ru": "Тактильный рисунок", "en": "Tactile art"},
        {"kk": "Тактильді сурет", "ru": "Тактильный рисунок", "en": "Tactile art"},
        False,
    ),
]


def _local(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime(
        day.year, day.month, day.day, hour, tzinfo=timezone.get_current_timezone()
    )


def _stages(code, district: datetime.date, gala: datetime.date) -> list:
    return [
        {
            "type": "stage",
            "value": {
                "name": STAGE_NAMES["district"][code],
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
                "name": STAGE_NAMES["gala"][code],
                "level": "gala",
                "starts": gala.isoformat(),
                "ends": gala.isoformat(),
                "place": "",
                "description": "",
            },
        },
    ]


def _edition_fields(code, year, start, *, dedications=(), gallery=None, registration=None):
    fields = {
        "title": EDITION_TITLE[code].format(year=year),
        "year": year,
        "start": start,
        "end": start + datetime.timedelta(hours=6),
        "summary": EDITION_SUMMARY[code].format(year=year),
        "audience": "disability-groups",
        "dedications": [{"type": "dedication", "value": text} for text in dedications],
        "stages": _stages(code, start.date() - datetime.timedelta(days=40), start.date()),
        "partners": [
            {"type": "partner", "value": {"name": name, "role": role, "url": ""}}
            for name, role in PARTNERS[code]
        ],
    }
    if gallery is not None:
        fields["gallery"] = [
            {
                "type": "photo",
                "value": {"image": gallery.pk, "alt_text": GALLERY_ALT[code], "caption": ""},
            }
        ]
    if registration:
        fields["registration_opens"], fields["registration_closes"] = registration
    return fields


def _programme(page, code, start):
    items = {
        "kk": ["Фестивальдің ашылуы", "Номинациялар бойынша өнер көрсету", "Марапаттау"],
        "ru": ["Открытие фестиваля", "Выступления по номинациям", "Награждение"],
        "en": ["Opening of the festival", "Performances in the nominations", "Awards"],
    }[code]
    for order, title in enumerate(items):
        at = start + datetime.timedelta(hours=2 * order)
        page.programme_items.add(
            ProgrammeItem(
                title=title,
                starts_at=at,
                ends_at=at + datetime.timedelta(hours=2),
                sort_order=order,
            )
        )


def seed(builder: TreeBuilder, locales: dict, homes: dict) -> None:
    indexes = builder.ensure_page(
        FestivalIndexPage,
        "festivals",
        homes,
        slug="festivals",
        show_in_menus=True,
        fields=lambda code: {
            "title": {"kk": "Фестивальдер", "ru": "Фестивали", "en": "Festivals"}[code],
            "intro": {
                "kk": "Кітапхана өткізетін фестивальдер, олардың жылдары мен нәтижелері.",
                "ru": "Фестивали библиотеки: их годы и результаты.",
                "en": "The library's festivals: their editions and results.",
            }[code],
        },
    )
    festivals = builder.ensure_page(
        FestivalPage,
        "festival:zhanarym",
        indexes,
        slug="zhanarym-menin-zhuregim",
        fields=lambda code: {
            "title": FESTIVAL_NAME[code],
            "lead": FESTIVAL_LEAD[code],
            "founded": 2010,
            "body": [
                {"type": "heading", "value": {"text": value, "level": "h2"}}
                if kind == "h2"
                else {"type": "paragraph", "value": f"<p>{value}</p>"}
                for kind, value in FESTIVAL_BODY[code]
            ],
            "organisers": ORGANISERS[code],
        },
    )
    image = Image.objects.filter(title="demo: braille exhibition").first()
    branches = list(
        Branch.objects.filter(locale=locales[settings.LANGUAGE_CODE])
        .exclude(kind=BranchKind.DEPARTMENT)
        .order_by("pk")
    )
    for year in (2010, 2011, 2012):
        start = _local(datetime.date(year, 12, 3))
        editions = builder.ensure_page(
            FestivalEditionPage,
            f"festival:zhanarym:{year}",
            festivals,
            slug=str(year),
            fields=lambda code, year=year, start=start: _edition_fields(
                code,
                year,
                start,
                dedications=DEDICATIONS_2011[code] if year == 2011 else (),
                gallery=image if year == 2011 else None,
            ),
            children=lambda page, code, start=start: _programme(page, code, start),
        )
        for spec in NOMINATIONS[year]:
            _ensure_nomination(builder, spec, editions, start, branches)
    _seed_current(builder, festivals)


def _ensure_nomination(builder, spec, editions, start, branches):
    jury = [j for j in (competitions_demo._judge(u) for u in spec["jury"]) if j is not None]

    def children(page, code):
        for order, (basis, names) in enumerate(spec["categories"]):
            page.categories.add(Category(name=names[code], basis=basis, sort_order=order))
        for order, names in enumerate(competitions_demo.CRITERIA):
            page.criteria.add(Criterion(name=names[code], sort_order=order))
        if code == settings.LANGUAGE_CODE:
            for order, user in enumerate(jury):
                page.jury.add(JuryMember(user=user, is_chair=order == 0, sort_order=order))

    pages = builder.ensure_page(
        CompetitionPage,
        spec["key"],
        editions,
        slug=spec["slug"],
        fields=lambda code: competitions_demo._fields(spec, code, start),
        children=children,
    )
    page = CompetitionPage.objects.get(pk=pages[settings.LANGUAGE_CODE].pk)
    if (
        spec["entries"]
        and len(jury) == len(spec["jury"])
        and not Entry.objects.filter(competition=page).exists()
    ):
        competitions_demo._seed_entries(page, spec, jury, branches)


def _seed_current(builder, festivals):
    today = timezone.localdate()
    start = _local(today + datetime.timedelta(days=20))
    window = (
        _local(today - datetime.timedelta(days=10), 9),
        _local(today + datetime.timedelta(days=14), 18),
    )
    editions = builder.ensure_page(
        FestivalEditionPage,
        "festival:zhanarym:current",
        festivals,
        slug=str(today.year),
        fields=lambda code: _edition_fields(code, today.year, start, registration=window),
        children=lambda page, code: _programme(page, code, start),
    )
    closed = (window[0], _local(today - datetime.timedelta(days=1), 18))
    for slug, discipline, title, is_open in CURRENT_NOMINATIONS:
        spec = {
            "title": title,
            "discipline": discipline,
            "summary": {
                "kk": "Өтінімдерді фестиваль бетіндегі форма арқылы жіберіңіз.",
                "ru": "Заявки принимаются через форму на странице фестиваля.",
                "en": "Apply with the form on the festival's page.",
            },
            "kind": "creative",
            "result_type": "scored",
        }
        nomination_window = window if is_open else closed

        def children(page, code):
            for order, (basis, names) in enumerate(OPEN_CATEGORY):
                page.categories.add(Category(name=names[code], basis=basis, sort_order=order))
            for order, names in enumerate(competitions_demo.CRITERIA):
                page.criteria.add(Criterion(name=names[code], sort_order=order))

        builder.ensure_page(
            CompetitionPage,
            f"festival:current:{slug}",
            editions,
            slug=slug,
            fields=lambda code, spec=spec, w=nomination_window: {
                **competitions_demo._fields(spec, code, start),
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
