"""Demo competitions for seed_demo, in kk, ru and en: a chess tournament for
blind players by disability group with published measured results (points,
a shared place among them), a dombra contest with published jury scores and
a tie, and an expressive-reading contest whose judging is still open (the
demo superuser chairs its jury, so the judges' screen can be tried).

Entries, scores and results belong to the Kazakh page (the judged one); the
Russian and English pages show the same results. Names are made up."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from branches.models import Branch, BranchKind
from competitions.enums import JudgingState
from competitions.models import Category, CompetitionPage, Criterion, Entry, JuryMember
from competitions.services import (
    entry_add,
    judging_close,
    result_record,
    results_publish,
    scores_save,
)
from core.seeding import TreeBuilder, translation_key
from events.models import EventIndexPage
from people.services import person_find_or_create
from registrations.enums import RegistrationStatus
from registrations.models import Registration

JUDGES = [
    ("jury.saule", "Сәуле", "Жақыпова"),
    ("jury.nurlan", "Нұрлан", "Омаров"),
    ("jury.irina", "Ирина", "Ким"),
]

CRITERIA = [
    {"kk": "Көркемдігі", "ru": "Художественность", "en": "Artistry"},
    {"kk": "Мазмұны", "ru": "Содержание", "en": "Content"},
    {"kk": "Орындалуы", "ru": "Исполнение", "en": "Delivery"},
]

COMPETITIONS = [
    {
        "key": "competition:chess-2026",
        "slug": "chess-tournament",
        "days": -20,
        "kind": "intellectual",
        "result_type": "points",
        "unit": {"kk": "ұпай", "ru": "очков", "en": "points"},
        "title": {
            "kk": "Зағип шахматшылар турнирі",
            "ru": "Турнир незрячих шахматистов",
            "en": "Chess tournament for blind players",
        },
        "discipline": {"kk": "Шахмат", "ru": "Шахматы", "en": "Chess"},
        "summary": {
            "kk": "Мүгедектігі I және II топтағы зағип шахматшыларға арналған жеті турлық турнир.",
            "ru": "Турнир в семь туров для незрячих шахматистов с I и II группой инвалидности.",
            "en": "A seven-round tournament for blind chess players with disability groups I and II.",
        },
        "categories": [
            ("disability-group", {"kk": "I топ", "ru": "I группа", "en": "Group I"}),
            ("disability-group", {"kk": "II топ", "ru": "II группа", "en": "Group II"}),
        ],
        "jury": ["admin", "jury.nurlan"],
        "state": JudgingState.PUBLISHED,
        # (name, category index, points or status)
        "entries": [
            ("Бауыржан Сейітқали", 0, "5.5"),
            ("Виталий Цой", 0, "5"),
            ("Ермек Тұрсынбаев", 0, "5"),
            ("Айдос Қалиев", 0, "dns"),
            ("Гүлжан Мырзахметова", 1, "6"),
            ("Надежда Соколова", 1, "4.5"),
            ("Талғат Ахметов", 1, "3"),
            ("Жандос Бекмұратов", 1, "2.5"),
        ],
    },
    {
        "key": "competition:dombra-2026",
        "slug": "dombra-contest",
        "days": -12,
        "kind": "creative",
        "result_type": "scored",
        "title": {
            "kk": "Домбырашылар байқауы: күй",
            "ru": "Конкурс домбристов: кюй",
            "en": "Dombra contest: kui",
        },
        "discipline": {"kk": "Домбыра, күй", "ru": "Домбра, кюй", "en": "Dombra, kui"},
        "summary": {
            "kk": "Зағип және әлсіз көретін домбырашылардың күй орындау байқауы.",
            "ru": "Конкурс исполнителей кюя среди незрячих и слабовидящих домбристов.",
            "en": "A contest of kui players among blind and low-vision dombra players.",
        },
        "categories": [
            ("open", {"kk": "Ашық топ", "ru": "Открытая категория", "en": "Open category"}),
        ],
        "jury": ["admin", "jury.saule", "jury.irina"],
        "state": JudgingState.PUBLISHED,
        "awards": {
            "Мадина Әбенова": {"grand_prix": True},
            "Дмитрий Волков": {"special_prize": "Дина Нұрпейісова күйін шебер орындағаны үшін"},
        },
        # (name, category, work title, author, [judge scores per criterion])
        "entries": [
            ("Мадина Әбенова", 0, "Адай", "Құрманғазы", [(9, 9, 10), (9, 8, 9), (10, 9, 9)]),
            ("Ержан Сапарбаев", 0, "Саржайлау", "Құрманғазы", [(9, 9, 9), (9, 9, 9), (9, 9, 9)]),
            ("Алия Нұрланқызы", 0, "Ақсақ құлан", "халық күйі", [(10, 9, 8), (9, 9, 9), (9, 9, 9)]),
            (
                "Дмитрий Волков",
                0,
                "Көңіл толқыны",
                "Дина Нұрпейісова",
                [(7, 8, 7), (8, 8, 7), (7, 7, 8)],
            ),
        ],
    },
    {
        "key": "competition:reading-2026",
        "slug": "expressive-reading",
        "days": 3,
        "kind": "creative",
        "result_type": "scored",
        "title": {
            "kk": "Мәнерлеп оқу байқауы: Мұқағали Мақатаев өлеңдері",
            "ru": "Конкурс чтецов: стихи Мукагали Макатаева",
            "en": "Expressive reading contest: poems of Mukagali Makatayev",
        },
        "discipline": {
            "kk": "Мәнерлеп оқу",
            "ru": "Художественное чтение",
            "en": "Expressive reading",
        },
        "summary": {
            "kk": "Мұқағали Мақатаевтың өлеңдерін жатқа және Брайль қарпімен оқу.",
            "ru": "Чтение стихов Мукагали Макатаева наизусть и по Брайлю.",
            "en": "Reading poems of Mukagali Makatayev by heart and in braille.",
        },
        "categories": [
            (
                "age-group",
                {
                    "kk": "Балалар (14 жасқа дейін)",
                    "ru": "Дети (до 14 лет)",
                    "en": "Children (under 14)",
                },
            ),
            ("age-group", {"kk": "Ересектер", "ru": "Взрослые", "en": "Adults"}),
        ],
        "jury": ["admin", "jury.saule", "jury.nurlan"],
        "state": JudgingState.OPEN,
        "entries": [
            ("Аружан Төлегенова", 0, "Бақыт", "Мұқағали Мақатаев", [None, (9, 8, 9), (8, 8, 9)]),
            ("Артём Павлов", 0, "Жаз", "Мұқағали Мақатаев", [None, (7, 8, 8), None]),
            ("Гүлмира Есенова", 1, "Сен менің", "Мұқағали Мақатаев", [None, (9, 9, 9), (9, 10, 9)]),
            ("Серік Байжанов", 1, "Дариға, сол қыз", "Мұқағали Мақатаев", [None, None, None]),
        ],
    },
]


def _judge(username):
    user_model = get_user_model()
    if username == "admin":
        return user_model.objects.filter(is_superuser=True).order_by("pk").first()
    first, last = next((f, last) for u, f, last in JUDGES if u == username)
    user, created = user_model.objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "is_staff": True},
    )
    if created:
        user.set_unusable_password()  # the demo judges sign in only when staff set a password
        user.save()
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def _fields(spec, code, start):
    return {
        "title": spec["title"][code],
        "start": start,
        "end": start + datetime.timedelta(hours=5),
        "summary": spec["summary"][code],
        "competition_kind": spec["kind"],
        "discipline": spec["discipline"][code],
        "result_type": spec["result_type"],
        "unit": spec.get("unit", {}).get(code, ""),
        "audience": "disability-groups",
    }


def seed(builder: TreeBuilder, locales: dict, homes: dict) -> None:
    indexes = {
        code: EventIndexPage.objects.get(translation_key=translation_key("events"), locale=locale)
        for code, locale in locales.items()
    }
    branches = list(
        Branch.objects.filter(locale=locales[settings.LANGUAGE_CODE])
        .exclude(kind=BranchKind.DEPARTMENT)
        .order_by("pk")
    )
    today = timezone.localdate()
    for spec in COMPETITIONS:
        day = today + datetime.timedelta(days=spec["days"])
        start = datetime.datetime(
            day.year, day.month, day.day, 10, 0, tzinfo=timezone.get_current_timezone()
        )
        jury = [j for j in (_judge(u) for u in spec["jury"]) if j is not None]

        def children(page, code, spec=spec, jury=jury):
            for order, (basis, names) in enumerate(spec["categories"]):
                page.categories.add(Category(name=names[code], basis=basis, sort_order=order))
            if spec["result_type"] == "scored":
                for order, names in enumerate(CRITERIA):
                    page.criteria.add(
                        Criterion(name=names[code], maximum=Decimal(10), sort_order=order)
                    )
            if code == settings.LANGUAGE_CODE:
                for order, user in enumerate(jury):
                    page.jury.add(JuryMember(user=user, is_chair=order == 0, sort_order=order))

        pages = builder.ensure_page(
            CompetitionPage,
            spec["key"],
            indexes,
            slug=spec["slug"],
            fields=lambda code, spec=spec, start=start: _fields(spec, code, start),
            children=children,
        )
        page = CompetitionPage.objects.get(pk=pages[settings.LANGUAGE_CODE].pk)
        if len(jury) == len(spec["jury"]) and not Entry.objects.filter(competition=page).exists():
            _seed_entries(page, spec, jury, branches)


def _seed_entries(page, spec, jury, branches):
    categories = list(page.categories.order_by("sort_order"))
    criteria = list(page.criteria.order_by("sort_order"))
    chair = jury[0]
    for number, row in enumerate(spec["entries"]):
        name, category = row[0], row[1]
        person = person_find_or_create(
            full_name=name,
            branch=branches[number % len(branches)] if branches else None,
            district="Түркістан облысы",
        )
        registration, _created = Registration.objects.get_or_create(
            event=page,
            person=person,
            defaults={
                "status": RegistrationStatus.CONFIRMED,
                "consent_version": settings.PRIVACY_NOTICE_VERSION,
                "consented_at": timezone.now(),
            },
        )
        entry = entry_add(
            competition=page,
            registration=registration,
            category=categories[category],
            work_title=row[2] if len(row) > 3 else "",
            work_author=row[3] if len(row) > 3 else "",
        )
        if spec["result_type"] == "scored":
            for judge, scores in zip(jury, row[4], strict=True):
                if scores is not None:
                    scores_save(
                        entry=entry,
                        judge=judge,
                        values={c: Decimal(v) for c, v in zip(criteria, scores, strict=True)},
                    )
        else:
            outcome = row[2]
            if outcome in ("dnf", "dns", "dsq"):
                result_record(entry=entry, user=chair, status=outcome)
            else:
                result_record(entry=entry, user=chair, status="finished", value=Decimal(outcome))
    for name, award in spec.get("awards", {}).items():
        Entry.objects.filter(competition=page, registration__person__full_name=name).update(**award)
    if spec["state"] == JudgingState.PUBLISHED:
        judging_close(competition=page, user=chair)
        results_publish(competition=page, user=chair)
