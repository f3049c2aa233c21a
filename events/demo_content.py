"""Trilingual (kk/ru/en) demo events, venues, kinds and organisers for the seeding command."""

# ---------------------------------------------------------------------------
# The events index page under home
# ---------------------------------------------------------------------------

EVENT_INDEX = {
    "slug": "events",
    "kk": {
        "title": "Іс-шаралар",
        "intro": (
            "Арнайы кітапхана мен оның филиалдарында өтетін кездесулер, көрмелер, сабақтар, "
            "фестивальдар және кітапханашыларға арналған семинарлар. Әр іс-шараның бетінде өтетін "
            "жерге қалай жетуге болатыны, сүйемелдеуші сізді қай жерде күтіп алатыны және "
            "ғимараттың қолжетімділігі туралы жазылған."
        ),
    },
    "ru": {
        "title": "Мероприятия",
        "intro": (
            "Встречи, выставки, уроки, фестивали и семинары для библиотекарей в специальной "
            "библиотеке и её филиалах. На странице каждого мероприятия написано, как добраться до "
            "места, где вас встретит сопровождающий и насколько доступно здание."
        ),
    },
    "en": {
        "title": "Events",
        "intro": (
            "Meetings, exhibitions, lessons, festivals and seminars for librarians at the special "
            "library and its branches. Each event page tells you how to get there, where an escort "
            "will meet you and how accessible the building is."
        ),
    },
}

# ---------------------------------------------------------------------------
# Kinds of event; the slug is ASCII and the same in every language
# ---------------------------------------------------------------------------

KINDS = [
    {
        "slug": "methodologists-day",
        "kk": "Әдіскерлер күні",
        "ru": "День методиста",
        "en": "Methodologists' Day",
    },
    {
        "slug": "bibliography-day",
        "kk": "Библиография күні",
        "ru": "День библиографии",
        "en": "Bibliography Day",
    },
    {
        "slug": "information-day",
        "kk": "Ақпарат күні",
        "ru": "День информации",
        "en": "Information Day",
    },
    {"slug": "reading", "kk": "Оқылым", "ru": "Чтения", "en": "Reading"},
    {
        "slug": "literary-evening",
        "kk": "Әдеби кеш",
        "ru": "Литературный вечер",
        "en": "Literary evening",
    },
    {"slug": "exhibition", "kk": "Көрме", "ru": "Выставка", "en": "Exhibition"},
    {"slug": "meeting", "kk": "Кездесу", "ru": "Встреча", "en": "Meeting"},
    {"slug": "training", "kk": "Тренинг", "ru": "Тренинг", "en": "Training"},
    {"slug": "lesson", "kk": "Сабақ", "ru": "Урок", "en": "Lesson"},
    {"slug": "club", "kk": "Клуб отырысы", "ru": "Заседание клуба", "en": "Club meeting"},
    {"slug": "contest", "kk": "Байқау", "ru": "Конкурс", "en": "Contest"},
    {"slug": "festival", "kk": "Фестиваль", "ru": "Фестиваль", "en": "Festival"},
]

# ---------------------------------------------------------------------------
# Organisers: the department, the library, its branches and service point
# ---------------------------------------------------------------------------

BRANCHES = [
    {
        "key": "department",
        "kind": "department",
        "district": {"kk": "Шымкент", "ru": "Шымкент", "en": "Shymkent"},
        "name": {
            "kk": "Әдістемелік бөлім",
            "ru": "Методический отдел",
            "en": "Methodology department",
        },
    },
    {
        "key": "library",
        "kind": "library",
        "district": {"kk": "Шымкент", "ru": "Шымкент", "en": "Shymkent"},
        "name": {
            "kk": "Зағип және әлсіз көретін азаматтарға арналған облыстық арнайы кітапхана",
            "ru": "Областная специальная библиотека для незрячих и слабовидящих граждан",
            "en": "Regional special library for blind and low-vision people",
        },
    },
    {
        "key": "sayram",
        "kind": "branch",
        "district": {"kk": "Сайрам ауданы", "ru": "Сайрамский район", "en": "Sayram District"},
        "name": {"kk": "Сайрам филиалы", "ru": "Сайрамский филиал", "en": "Sayram branch"},
    },
    {
        "key": "tolebi",
        "kind": "branch",
        "district": {"kk": "Төлеби ауданы", "ru": "Толебийский район", "en": "Tolebi District"},
        "name": {"kk": "Төлеби филиалы", "ru": "Толебийский филиал", "en": "Tolebi branch"},
    },
    {
        "key": "kentau",
        "kind": "branch",
        "district": {"kk": "Кентау", "ru": "Кентау", "en": "Kentau"},
        "name": {"kk": "Кентау филиалы", "ru": "Кентауский филиал", "en": "Kentau branch"},
    },
    {
        "key": "boarding-school",
        "kind": "service-point",
        "district": {"kk": "Шымкент", "ru": "Шымкент", "en": "Shymkent"},
        "name": {
            "kk": "Зағип балаларға арналған мектеп-интернаттағы кітапхана пункті",
            "ru": "Библиотечный пункт в школе-интернате для незрячих детей",
            "en": "Service point at the boarding school for blind children",
        },
    },
]

# ---------------------------------------------------------------------------
# Venues, with how a blind guest gets there and in
# ---------------------------------------------------------------------------

VENUES = [
    {
        "key": "reading-hall",
        "step_free": True,
        "tactile_paths": True,
        "kk": {
            "name": "Арнайы кітапхананың оқу залы",
            "address": "Оқырман көшесі, 12, Шымкент қаласы, 160000",
            "directions": (
                "Қалалық автобуспен «Оқырман» аялдамасына дейін келіңіз. Аялдамадан кітапхананың "
                "есігіне дейін шамамен 50 метр: аялдама тұрған жақпен бұрылмай тура жүресіз, жол "
                "бойында тактильді жол салынған. Оқу залы екінші қабатта, лифт кіреберістің оң "
                "жағында."
            ),
            "escort_meeting_point": (
                "Сүйемелдеуші сізді «Оқырман» аялдамасындағы павильонның жанында немесе кітапхана "
                "кіреберісіндегі ақпарат үстелінің қасында күтіп алады. Келетін уақытыңызды алдын "
                "ала телефонмен хабарлаңыз."
            ),
            "accessibility_notes": (
                "Көшеден кіреберіске дейін баспалдақ жоқ, есігі кең әрі өздігінен ашылады. "
                "Тактильді жол аялдамадан есікке дейін, ал ғимарат ішінде ақпарат үстелінен лифтке "
                "дейін жалғасады. Лифтте дыбыстық хабарлағыш пен Брайль қарпіндегі батырмалар бар. "
                "Кіреберістің жанында мүгедектігі бар адамдарға бейімделген дәретхана бар. "
                "Бағыттаушы итпен келуге болады, ит үшін су құйылған ыдыс дайын тұрады. Залда есту "
                "аппараттарына арналған индукциялық жүйе жұмыс істейді. Алдыңғы қатардағы орындар "
                "зағип және әлсіз көретін қонақтар мен олардың сүйемелдеушілеріне сақталады. Есік "
                "алдында ірі қаріппен және Брайль қарпімен басылған бағдарлама таратылады."
            ),
            "contact": "Сәуле Төлегенова, +7 7252 00-00-00 (ішкі нөмір 12)",
        },
        "ru": {
            "name": "Читальный зал специальной библиотеки",
            "address": "ул. Окырман, 12, г. Шымкент, 160000",
            "directions": (
                "Доезжайте на городском автобусе до остановки «Окырман». От остановки до двери "
                "библиотеки около 50 метров по той же стороне улицы, прямо, без поворотов; вдоль "
                "всего пути проложена тактильная дорожка. Читальный зал на втором этаже, лифт "
                "справа от входа."
            ),
            "escort_meeting_point": (
                "Сопровождающий встретит вас у павильона остановки «Окырман» или у информационной "
                "стойки при входе в библиотеку. Пожалуйста, заранее сообщите по телефону, когда вы "
                "приедете."
            ),
            "accessibility_notes": (
                "Вход с улицы без ступенек, дверь широкая и открывается автоматически. Тактильная "
                "дорожка ведёт от остановки до двери, а внутри — от информационной стойки до "
                "лифта. В лифте есть голосовое оповещение и кнопки со шрифтом Брайля. Рядом со "
                "входом есть туалет, оборудованный для людей с инвалидностью. Можно приходить с "
                "собакой-проводником, для неё приготовлена миска с водой. В зале работает "
                "индукционная петля для слуховых аппаратов. Места в первом ряду зарезервированы "
                "для незрячих и слабовидящих гостей и их сопровождающих. У входа раздают "
                "программу, напечатанную крупным шрифтом и шрифтом Брайля."
            ),
            "contact": "Сауле Тулегенова, +7 7252 00-00-00 (доб. 12)",
        },
        "en": {
            "name": "Reading hall of the special library",
            "address": "12 Okyrman Street, Shymkent 160000",
            "directions": (
                "Take a city bus to the Okyrman stop. The library door is about 50 metres from the "
                "stop: walk straight ahead on the same side of the street, with no turns; a "
                "tactile path runs the whole way. The reading hall is on the second floor, and the "
                "lift is to the right of the entrance."
            ),
            "escort_meeting_point": (
                "An escort will meet you at the shelter of the Okyrman bus stop or at the "
                "information desk just inside the library entrance. Please phone ahead to say when "
                "you are coming."
            ),
            "accessibility_notes": (
                "Step-free entrance from the street; the door is wide and opens automatically. A "
                "tactile path leads from the bus stop to the door, and inside from the information "
                "desk to the lift. The lift has voice announcements and braille buttons. There is "
                "an accessible toilet next to the entrance. Guide dogs are welcome, and a bowl of "
                "water is ready for them. The hall has an induction loop for hearing aids. "
                "Front-row seats are reserved for blind and low-vision guests and their escorts. "
                "Programmes in large print and in braille are handed out at the door."
            ),
            "contact": "Saule Tolegenova, +7 7252 00-00-00 (ext. 12)",
        },
    },
    {
        "key": "conference-hall",
        "step_free": True,
        "tactile_paths": True,
        "kk": {
            "name": "Арнайы кітапхананың конференц-залы",
            "address": "Оқырман көшесі, 12, Шымкент қаласы, 160000",
            "directions": (
                "«Оқырман» аялдамасынан кітапханаға дейін тактильді жолмен жүріңіз. Конференц-зал "
                "үшінші қабатта: лифтпен көтеріліп, оңға бұрыласыз, залдың есігі дәліздің соңында."
            ),
            "escort_meeting_point": (
                "Кітапхана кіреберісіндегі ақпарат үстелінің жанында. Алдын ала қоңырау шалсаңыз, "
                "қызметкер сізді «Оқырман» аялдамасында күтіп алады."
            ),
            "accessibility_notes": (
                "Кіреберіс баспалдақсыз, есіктен лифтке дейін тактильді жол бар. Залда 80 орын, "
                "микрофондар және есту аппараттарына арналған индукциялық жүйе бар. Слайдтар ірі "
                "қаріппен, контрасты түстермен көрсетіледі, баяндамашылар слайдтағы мәтінді "
                "дауыстап оқиды. Сүйемелдеушіге қонақтың қасынан орын беріледі. Бағыттаушы итпен "
                "келуге болады. Бейімделген дәретхана бірінші қабатта, кіреберістің жанында."
            ),
            "contact": "Айгүл Сәрсенбаева, +7 7252 00-00-00 (ішкі нөмір 14)",
        },
        "ru": {
            "name": "Конференц-зал специальной библиотеки",
            "address": "ул. Окырман, 12, г. Шымкент, 160000",
            "directions": (
                "От остановки «Окырман» до библиотеки идите по тактильной дорожке. Конференц-зал "
                "на третьем этаже: поднимитесь на лифте, поверните направо, дверь зала в конце "
                "коридора."
            ),
            "escort_meeting_point": (
                "У информационной стойки при входе в библиотеку. Если позвоните заранее, сотрудник "
                "встретит вас на остановке «Окырман»."
            ),
            "accessibility_notes": (
                "Вход без ступенек, от двери до лифта проложена тактильная дорожка. В зале 80 "
                "мест, есть микрофоны и индукционная петля для слуховых аппаратов. Слайды "
                "показываются крупным шрифтом и в контрастных цветах, докладчики читают текст "
                "слайдов вслух. Сопровождающему дают место рядом с гостем. Можно приходить с "
                "собакой-проводником. Туалет для людей с инвалидностью — на первом этаже, рядом со "
                "входом."
            ),
            "contact": "Айгуль Сарсенбаева, +7 7252 00-00-00 (доб. 14)",
        },
        "en": {
            "name": "Conference hall of the special library",
            "address": "12 Okyrman Street, Shymkent 160000",
            "directions": (
                "Follow the tactile path from the Okyrman bus stop to the library. The conference "
                "hall is on the third floor: take the lift, turn right, and the door is at the end "
                "of the corridor."
            ),
            "escort_meeting_point": (
                "At the information desk just inside the library entrance. If you phone ahead, a "
                "member of staff will meet you at the Okyrman bus stop."
            ),
            "accessibility_notes": (
                "Step-free entrance, with a tactile path from the door to the lift. The hall seats "
                "80 and has microphones and an induction loop for hearing aids. Slides are shown "
                "in large print and high-contrast colours, and speakers read the text of their "
                "slides aloud. Escorts are seated next to their guests. Guide dogs are welcome. "
                "The accessible toilet is on the ground floor, next to the entrance."
            ),
            "contact": "Aigul Sarsenbayeva, +7 7252 00-00-00 (ext. 14)",
        },
    },
    {
        "key": "sayram-branch",
        "step_free": False,
        "tactile_paths": False,
        "kk": {
            "name": "Сайрам филиалының оқу залы",
            "address": "Кітапхана көшесі, 3, Ақсу ауылы, Сайрам ауданы, Түркістан облысы",
            "directions": (
                "Шымкенттен Ақсуға баратын маршруттық автобуспен «Орталық» аялдамасына дейін (жол "
                "шамамен 30 минут). Аялдамадан мәдениет үйін бойлай 150 метр жүріп, бірінші "
                "бұрылыстан оңға бұрыласыз; филиал сол жақтағы екінші ғимарат."
            ),
            "escort_meeting_point": (
                "Филиал қызметкері сізді «Орталық» аялдамасында күтіп алады. Келетін күніңізді "
                "кемінде бір күн бұрын хабарлаңыз."
            ),
            "accessibility_notes": (
                "Кіреберісте үш баспалдақ бар, екі жағында тұтқа орнатылған; пандус әзірге жоқ. "
                "Қажет болса, қызметкерлер кресло-арбадағы қонаққа көтерілуге көмектеседі. "
                "Тактильді жол жоқ. Оқу залы бірінші қабатта, 20 орындық. Филиалда бейімделген "
                "дәретхана жоқ, ең жақыны көршілес мәдениет үйінде. Бағыттаушы итпен келуге болады."
            ),
            "contact": "Дилфуза Юсупова, +7 7252 00-00-00 (ішкі нөмір 31)",
        },
        "ru": {
            "name": "Читальный зал Сайрамского филиала",
            "address": "ул. Китапхана, 3, с. Аксу, Сайрамский район, Туркестанская область",
            "directions": (
                "Из Шымкента на маршрутном автобусе до Аксу, остановка «Орталык» (около 30 минут в "
                "пути). От остановки пройдите 150 метров вдоль Дома культуры и на первом повороте "
                "сверните направо; филиал — второе здание слева."
            ),
            "escort_meeting_point": (
                "Сотрудник филиала встретит вас на остановке «Орталык». Сообщите о приезде не "
                "позднее чем за день."
            ),
            "accessibility_notes": (
                "У входа три ступеньки, поручни с обеих сторон; пандуса пока нет. При "
                "необходимости сотрудники помогут подняться гостю на коляске. Тактильной дорожки "
                "нет. Читальный зал на первом этаже, на 20 мест. Туалета для людей с инвалидностью "
                "в филиале нет, ближайший — в соседнем Доме культуры. Можно приходить с "
                "собакой-проводником."
            ),
            "contact": "Дильфуза Юсупова, +7 7252 00-00-00 (доб. 31)",
        },
        "en": {
            "name": "Reading room of the Sayram branch",
            "address": "3 Kitapkhana Street, Aksu, Sayram District, Turkistan Region",
            "directions": (
                "Take the minibus from Shymkent to Aksu and get off at the Ortalyk stop (about 30 "
                "minutes). Walk 150 metres past the House of Culture and take the first turning on "
                "the right; the branch is the second building on the left."
            ),
            "escort_meeting_point": (
                "A member of the branch staff will meet you at the Ortalyk stop. Please let us "
                "know at least a day before you come."
            ),
            "accessibility_notes": (
                "There are three steps at the entrance, with handrails on both sides; there is no "
                "ramp yet. Staff will help a wheelchair user up the steps if needed. There are no "
                "tactile paths. The reading room is on the ground floor and seats 20. The branch "
                "has no accessible toilet; the nearest one is in the House of Culture next door. "
                "Guide dogs are welcome."
            ),
            "contact": "Dilfuza Yusupova, +7 7252 00-00-00 (ext. 31)",
        },
    },
    {
        "key": "boarding-school-hall",
        "step_free": True,
        "tactile_paths": True,
        "kk": {
            "name": "Мектеп-интернаттың мәжіліс залы",
            "address": "Шуақ көшесі, 8, Шымкент қаласы",
            "directions": (
                "Қалалық автобуспен «Мектеп-интернат» аялдамасына дейін. Аялдамадан мектеп "
                "қақпасына дейін 30 метр, қақпадан ғимаратқа дейін тактильді жол салынған. Мәжіліс "
                "залы бірінші қабатта, кіреберістен тура жүргенде оң жақта."
            ),
            "escort_meeting_point": (
                "Мектеп қақпасындағы күзет бекетінде. Кітапхана пунктінің қызметкері қонақтарды "
                "сол жерде күтіп алып, залға дейін ертіп барады."
            ),
            "accessibility_notes": (
                "Қақпадан залға дейін баспалдақ жоқ, тактильді жол бар. Мектептің ішкі тәртібі "
                "бойынша күзет бекетінде жеке куәлікті көрсету керек. Залда 120 орын және дыбыс "
                "күшейткіш жүйе бар; алдыңғы екі қатар зағип және әлсіз көретін қонақтарға "
                "сақталады. Бейімделген дәретхана залдың жанында. Бағыттаушы итпен келуге болады, "
                "бірақ залда балалар болатындықтан, бұл туралы алдын ала ескертіңіз."
            ),
            "contact": "Дина Оспанова, +7 7252 00-00-00 (ішкі нөмір 21)",
        },
        "ru": {
            "name": "Актовый зал школы-интерната",
            "address": "ул. Шуак, 8, г. Шымкент",
            "directions": (
                "На городском автобусе до остановки «Школа-интернат». От остановки до ворот школы "
                "30 метров, от ворот до здания проложена тактильная дорожка. Актовый зал на первом "
                "этаже, прямо от входа и направо."
            ),
            "escort_meeting_point": (
                "На посту охраны у ворот школы. Сотрудник библиотечного пункта встретит гостей там "
                "и проводит до зала."
            ),
            "accessibility_notes": (
                "От ворот до зала нет ступенек, есть тактильная дорожка. По правилам школы на "
                "посту охраны нужно предъявить удостоверение личности. В зале 120 мест и "
                "звукоусиливающая аппаратура; первые два ряда оставлены для незрячих и "
                "слабовидящих гостей. Туалет для людей с инвалидностью — рядом с залом. Можно "
                "приходить с собакой-проводником, но, пожалуйста, предупредите заранее: в зале "
                "будут дети."
            ),
            "contact": "Дина Оспанова, +7 7252 00-00-00 (доб. 21)",
        },
        "en": {
            "name": "Assembly hall of the boarding school",
            "address": "8 Shuak Street, Shymkent",
            "directions": (
                "Take a city bus to the Boarding School stop. The school gate is 30 metres from "
                "the stop, and a tactile path leads from the gate to the building. The assembly "
                "hall is on the ground floor: go straight ahead from the entrance, and it is on "
                "the right."
            ),
            "escort_meeting_point": (
                "At the security post by the school gate. A member of the service-point staff will "
                "meet guests there and walk with them to the hall."
            ),
            "accessibility_notes": (
                "Step-free from the gate to the hall, with a tactile path. School rules require "
                "visitors to show an identity document at the security post. The hall seats 120 "
                "and has a sound system; the first two rows are kept for blind and low-vision "
                "guests. There is an accessible toilet next to the hall. Guide dogs are welcome, "
                "but please tell us in advance, as there will be children in the hall."
            ),
            "contact": "Dina Ospanova, +7 7252 00-00-00 (ext. 21)",
        },
    },
]

# ---------------------------------------------------------------------------
# Events: "days" is the start date relative to today, times are Asia/Almaty
# ---------------------------------------------------------------------------

EVENTS = [
    {
        "key": "braille-reading-contest",
        "slug": "braille-reading-contest",
        "kind": "contest",
        "venue": "conference-hall",
        "organiser": "kentau",
        "audience": "readers",
        "days": -316,
        "start": "11:00",
        "end": "14:00",
        "status": "scheduled",
        "capacity": 60,
        "kk": {
            "title": "Брайль қарпімен мәнерлеп оқу байқауы",
            "summary": (
                "Дүниежүзілік Брайль күніне орай облыстың зағип оқырмандары Брайль қарпімен "
                "басылған мәтінді мәнерлеп оқудан сайысады. Байқауды Кентау филиалы ұйымдастырады."
            ),
            "status_note": "",
            "body": (
                "<p>Байқауға арнайы кітапхана мен оның филиалдарының оқырмандары қатысады. Әр "
                "қатысушы Брайль қарпімен басылған прозадан үзінді немесе өлең оқиды. Қазылар "
                "алқасы оқудың жылдамдығын, дұрыстығын және мәнерін бағалайды.</p><p>Жеңімпаздар "
                "<b>дипломмен</b> және сыйлықпен, барлық қатысушы <b>сертификатпен</b> "
                "марапатталады. Өтінімдерді Кентау филиалы телефон арқылы қабылдайды; қабылдау "
                "байқауға бір апта қалғанда аяқталады.</p>"
            ),
            "programme": [
                ("11:00", "11:20", "Байқаудың ашылуы", "Қайрат Әлімбеков", "Конференц-зал", ""),
                (
                    "11:20",
                    "13:00",
                    "Қатысушылардың оқуы",
                    "",
                    "Конференц-зал",
                    "Әр қатысушыға 5 минут беріледі",
                ),
                ("13:00", "13:30", "Шай үзілісі", "", "Фойе", ""),
                (
                    "13:30",
                    "14:00",
                    "Қазылар алқасының шешімі және марапаттау",
                    "Айгүл Сәрсенбаева",
                    "Конференц-зал",
                    "",
                ),
            ],
        },
        "ru": {
            "title": "Конкурс выразительного чтения по Брайлю",
            "summary": (
                "Ко Всемирному дню Брайля незрячие читатели области соревнуются в выразительном "
                "чтении текстов, напечатанных шрифтом Брайля. Конкурс организует Кентауский филиал."
            ),
            "status_note": "",
            "body": (
                "<p>В конкурсе участвуют читатели специальной библиотеки и её филиалов. Каждый "
                "участник читает отрывок прозы или стихотворение, напечатанные шрифтом Брайля. "
                "Жюри оценивает скорость, точность и выразительность чтения.</p><p>Победители "
                "получат <b>дипломы</b> и подарки, все участники — <b>сертификаты</b>. Заявки "
                "принимает по телефону Кентауский филиал; приём заканчивается за неделю до "
                "конкурса.</p>"
            ),
            "programme": [
                ("11:00", "11:20", "Открытие конкурса", "Кайрат Алимбеков", "Конференц-зал", ""),
                (
                    "11:20",
                    "13:00",
                    "Выступления участников",
                    "",
                    "Конференц-зал",
                    "На каждого участника — 5 минут",
                ),
                ("13:00", "13:30", "Чайный перерыв", "", "Фойе", ""),
                (
                    "13:30",
                    "14:00",
                    "Решение жюри и награждение",
                    "Айгуль Сарсенбаева",
                    "Конференц-зал",
                    "",
                ),
            ],
        },
        "en": {
            "title": "Braille reading contest",
            "summary": (
                "For World Braille Day, blind readers from across the region compete in reading "
                "braille texts aloud. The contest is organised by the Kentau branch."
            ),
            "status_note": "",
            "body": (
                "<p>Readers of the special library and its branches take part. Each contestant "
                "reads a passage of prose or a poem printed in braille, and the jury judges speed, "
                "accuracy and expression.</p><p>Winners receive a <b>diploma</b> and a prize, and "
                "every contestant gets a <b>certificate</b>. The Kentau branch takes applications "
                "by phone until a week before the contest.</p>"
            ),
            "programme": [
                (
                    "11:00",
                    "11:20",
                    "Opening of the contest",
                    "Kairat Alimbekov",
                    "Conference hall",
                    "",
                ),
                (
                    "11:20",
                    "13:00",
                    "Contestants read",
                    "",
                    "Conference hall",
                    "5 minutes per contestant",
                ),
                ("13:00", "13:30", "Tea break", "", "Foyer", ""),
                (
                    "13:30",
                    "14:00",
                    "Jury's decision and awards",
                    "Aigul Sarsenbayeva",
                    "Conference hall",
                    "",
                ),
            ],
        },
    },
    {
        "key": "makatayev-poetry-reading",
        "slug": "makatayev-poetry-reading",
        "kind": "reading",
        "venue": "reading-hall",
        "organiser": "library",
        "audience": "everyone",
        "days": -289,
        "start": "15:00",
        "end": "17:00",
        "status": "scheduled",
        "capacity": 40,
        "kk": {
            "title": "Мұқағали поэзиясы: ақынның 95 жылдығына арналған оқылым",
            "summary": (
                "Ақынның туған күнінде оқырмандар, мектеп-интернат оқушылары және кітапханашылар "
                "Мұқағали Мақатаевтың өлеңдерін жатқа және Брайль қарпімен оқиды."
            ),
            "status_note": "",
            "body": (
                "<p>Мұқағали Мақатаев 1931 жылы 9 ақпанда Алматы облысындағы Қарасаз ауылында "
                "дүниеге келген. Оның өлеңдері бүгінге дейін оқырманның жүрегіне жол "
                "табады.</p><p>Оқылымда ақынның өлеңдері оқылып, сөзіне жазылған әндер орындалады. "
                "Кітапхана қорындағы ақын шығармаларының ірі қаріпті, Брайль қарпіндегі және аудио "
                "басылымдары таныстырылады.</p>"
            ),
            "programme": [
                (
                    "15:00",
                    "15:15",
                    "Кіріспе сөз: ақынның өмірі мен шығармашылығы",
                    "Гүлнар Әбдірахманова",
                    "Оқу залы",
                    "",
                ),
                (
                    "15:15",
                    "16:15",
                    "Өлең оқу",
                    "Ержан Бекболатов, Әсел Қалиева",
                    "Оқу залы",
                    "Оқырмандар өз таңдаған өлеңін оқи алады",
                ),
                (
                    "16:15",
                    "16:40",
                    "Мұқағали сөзіне жазылған әндер",
                    "Марат Қасымов",
                    "Оқу залы",
                    "Домбыраның сүйемелдеуімен",
                ),
                (
                    "16:40",
                    "17:00",
                    "Ақын кітаптарының көрмесі: ірі қаріп, Брайль, аудио",
                    "Сәуле Төлегенова",
                    "Оқу залы",
                    "",
                ),
            ],
        },
        "ru": {
            "title": "Поэзия Мукагали: чтения к 95-летию поэта",
            "summary": (
                "В день рождения поэта читатели, ученики школы-интерната и библиотекари читают "
                "стихи Мукагали Макатаева наизусть и по Брайлю."
            ),
            "status_note": "",
            "body": (
                "<p>Мукагали Макатаев родился 9 февраля 1931 года в селе Карасаз Алматинской "
                "области. Его стихи и сегодня находят путь к сердцу читателя.</p><p>На чтениях "
                "прозвучат стихи поэта и песни на его слова. Мы также представим издания его "
                "произведений из фонда библиотеки — крупным шрифтом, шрифтом Брайля и в "
                "аудиоформате.</p>"
            ),
            "programme": [
                (
                    "15:00",
                    "15:15",
                    "Вступительное слово: жизнь и творчество поэта",
                    "Гульнар Абдрахманова",
                    "Читальный зал",
                    "",
                ),
                (
                    "15:15",
                    "16:15",
                    "Чтение стихов",
                    "Ержан Бекболатов, Асель Калиева",
                    "Читальный зал",
                    "Читатели могут прочитать стихотворение по своему выбору",
                ),
                (
                    "16:15",
                    "16:40",
                    "Песни на стихи Мукагали",
                    "Марат Касымов",
                    "Читальный зал",
                    "Под аккомпанемент домбры",
                ),
                (
                    "16:40",
                    "17:00",
                    "Выставка книг поэта: крупный шрифт, Брайль, аудио",
                    "Сауле Тулегенова",
                    "Читальный зал",
                    "",
                ),
            ],
        },
        "en": {
            "title": "Mukagali's poetry: a reading for the poet's 95th anniversary",
            "summary": (
                "On the poet's birthday, readers, boarding-school pupils and librarians recite "
                "poems by Mukagali Makatayev from memory and from braille."
            ),
            "status_note": "",
            "body": (
                "<p>Mukagali Makatayev was born on 9 February 1931 in the village of Karasaz in "
                "Almaty Region. His poems still find their way to readers' hearts today.</p><p>The "
                "programme includes his poems and songs set to his words. We will also show "
                "editions of his work from the library's collection in large print, in braille and "
                "in audio.</p>"
            ),
            "programme": [
                (
                    "15:00",
                    "15:15",
                    "Introduction: the poet's life and work",
                    "Gulnar Abdrakhmanova",
                    "Reading hall",
                    "",
                ),
                (
                    "15:15",
                    "16:15",
                    "Poetry reading",
                    "Yerzhan Bekbolatov, Assel Kaliyeva",
                    "Reading hall",
                    "Readers may recite a poem of their own choice",
                ),
                (
                    "16:15",
                    "16:40",
                    "Songs to Mukagali's words",
                    "Marat Kassymov",
                    "Reading hall",
                    "With dombra accompaniment",
                ),
                (
                    "16:40",
                    "17:00",
                    "Display of the poet's books: large print, braille, audio",
                    "Saule Tolegenova",
                    "Reading hall",
                    "",
                ),
            ],
        },
    },
    {
        "key": "zhambyl-180-literary-evening",
        "slug": "zhambyl-180-literary-evening",
        "kind": "literary-evening",
        "venue": "reading-hall",
        "organiser": "library",
        "audience": "everyone",
        "days": -270,
        "start": "14:00",
        "end": "16:00",
        "status": "scheduled",
        "capacity": 40,
        "kk": {
            "title": "Жамбыл Жабаевтың туғанына 180 жыл: әдеби кеш",
            "summary": (
                "Ұлы ақын Жамбыл Жабаевтың 180 жылдығына арналған кеш: ақынның өмірі, толғаулары "
                "мен айтыстары, домбырамен орындалатын жыр."
            ),
            "status_note": "",
            "body": (
                "<p>Жамбыл Жабаев 1846 жылы Жетісуда, Жамбыл тауының баурайында дүниеге келген. Ол "
                "бүкіл ғұмырын айтыс пен жырға арнаған халық ақыны болды.</p><p>Облыстық «Жанарым "
                "менің жүрегім» фестивалі 2011 жылы ақынның 165 жылдығына арналған еді; биылғы кеш "
                "сол дәстүрді жалғастырады. Кеште оқырмандар ақынның толғауларын оқиды, жыршы "
                "домбырамен жыр орындайды.</p>"
            ),
            "programme": [
                (
                    "14:00",
                    "14:20",
                    "Жамбылдың өмірі мен шығармашылығы: шолу",
                    "Гүлнар Әбдірахманова",
                    "Оқу залы",
                    "",
                ),
                (
                    "14:20",
                    "15:10",
                    "Ақынның толғаулары мен өлеңдерін оқу",
                    "Кітапхана оқырмандары",
                    "Оқу залы",
                    "",
                ),
                ("15:10", "15:40", "Жыр: домбырамен орындау", "Марат Қасымов", "Оқу залы", ""),
                (
                    "15:40",
                    "16:00",
                    "Ақын туралы викторина",
                    "Сәуле Төлегенова",
                    "Оқу залы",
                    "Жеңімпаздарға аудиокітап сыйланады",
                ),
            ],
        },
        "ru": {
            "title": "180 лет со дня рождения Жамбыла Жабаева: литературный вечер",
            "summary": (
                "Вечер к 180-летию великого акына Жамбыла Жабаева: жизнь поэта, его толгау и "
                "айтысы, жыр под домбру."
            ),
            "status_note": "",
            "body": (
                "<p>Жамбыл Жабаев родился в 1846 году в Жетысу, у подножия горы Жамбыл. Всю свою "
                "долгую жизнь он посвятил айтысу и жыру и стал подлинно народным акыном.</p><p>В "
                "2011 году областной фестиваль «Жанарым менің жүрегім» был посвящён 165-летию "
                "поэта; нынешний вечер продолжает эту традицию. Читатели прочтут толгау акына, а "
                "жыршы исполнит жыр под домбру.</p>"
            ),
            "programme": [
                (
                    "14:00",
                    "14:20",
                    "Жизнь и творчество Жамбыла: обзор",
                    "Гульнар Абдрахманова",
                    "Читальный зал",
                    "",
                ),
                (
                    "14:20",
                    "15:10",
                    "Чтение толгау и стихов акына",
                    "Читатели библиотеки",
                    "Читальный зал",
                    "",
                ),
                ("15:10", "15:40", "Жыр под домбру", "Марат Касымов", "Читальный зал", ""),
                (
                    "15:40",
                    "16:00",
                    "Викторина о поэте",
                    "Сауле Тулегенова",
                    "Читальный зал",
                    "Победителям подарят аудиокниги",
                ),
            ],
        },
        "en": {
            "title": "Zhambyl Zhabayev at 180: a literary evening",
            "summary": (
                "An evening for the 180th anniversary of the great akyn Zhambyl Zhabayev: his "
                "life, his tolgau and aitys, and zhyr sung to the dombra."
            ),
            "status_note": "",
            "body": (
                "<p>Zhambyl Zhabayev was born in 1846 in Zhetysu, at the foot of Mount Zhambyl. He "
                "devoted his long life to aitys and zhyr and became a true people's akyn.</p><p>In "
                "2011 the regional festival “Zhanarym menin zhuregim” was dedicated to his 165th "
                "anniversary, and this evening continues that tradition. Readers will recite his "
                "tolgau, and a zhyrshy will sing zhyr to the dombra.</p>"
            ),
            "programme": [
                (
                    "14:00",
                    "14:20",
                    "Zhambyl's life and work: an overview",
                    "Gulnar Abdrakhmanova",
                    "Reading hall",
                    "",
                ),
                (
                    "14:20",
                    "15:10",
                    "Reading of the akyn's tolgau and poems",
                    "Library readers",
                    "Reading hall",
                    "",
                ),
                ("15:10", "15:40", "Zhyr with the dombra", "Marat Kassymov", "Reading hall", ""),
                (
                    "15:40",
                    "16:00",
                    "Quiz about the poet",
                    "Saule Tolegenova",
                    "Reading hall",
                    "Winners receive audiobooks",
                ),
            ],
        },
    },
    {
        "key": "methodologists-day-q1",
        "slug": "methodologists-day-q1",
        "kind": "methodologists-day",
        "venue": "conference-hall",
        "organiser": "department",
        "audience": "librarians",
        "days": -258,
        "start": "10:00",
        "end": "13:00",
        "status": "scheduled",
        "capacity": 40,
        "kk": {
            "title": "Әдіскерлер күні, I тоқсан: өткен жылдың есебі және жаңа жылдың жоспары",
            "summary": (
                "Филиалдар мен пункттердің кітапханашылары өткен жылдың есептерін талқылап, биылғы "
                "жұмыс жоспарларын бекітеді."
            ),
            "status_note": "",
            "body": (
                "<p>Тоқсан сайынғы Әдіскерлер күніне арнайы кітапхананың филиалдары мен "
                "пункттерінен кітапханашылар жиналады. Әдістемелік бөлім филиалдардың жылдық "
                "есептеріне шолу жасап, жұмыс жоспарларына ескертпелері мен ұсыныстарын "
                "айтады.</p><p>Жоспар мен есептің жобасын Әдіскерлер күнінен бір апта бұрын "
                "әдістемелік бөлімге жіберу керек.</p>"
            ),
            "programme": [
                ("10:00", "10:15", "Ашылу сөзі", "Айгүл Сәрсенбаева", "Конференц-зал", ""),
                (
                    "10:15",
                    "11:15",
                    "Филиалдар мен пункттердің жылдық есептерін талдау",
                    "Жанар Мұсаева",
                    "Конференц-зал",
                    "",
                ),
                ("11:15", "11:30", "Үзіліс", "", "Фойе", "Шай мен кофе"),
                (
                    "11:30",
                    "12:30",
                    "Жаңа жылдың жұмыс жоспарларын талқылау",
                    "Филиал меңгерушілері",
                    "Конференц-зал",
                    "",
                ),
                (
                    "12:30",
                    "13:00",
                    "Сұрақтар мен ұсыныстар",
                    "Айгүл Сәрсенбаева",
                    "Конференц-зал",
                    "",
                ),
            ],
        },
        "ru": {
            "title": "День методиста, I квартал: отчёты за прошлый год и планы на новый",
            "summary": (
                "Библиотекари филиалов и пунктов обсуждают отчёты за прошлый год и утверждают "
                "планы работы на этот год."
            ),
            "status_note": "",
            "body": (
                "<p>На ежеквартальный День методиста собираются библиотекари филиалов и пунктов "
                "специальной библиотеки. Методический отдел делает обзор годовых отчётов филиалов "
                "и высказывает замечания и предложения по планам работы.</p><p>Проекты плана и "
                "отчёта нужно прислать в методический отдел за неделю до Дня методиста.</p>"
            ),
            "programme": [
                (
                    "10:00",
                    "10:15",
                    "Вступительное слово",
                    "Айгуль Сарсенбаева",
                    "Конференц-зал",
                    "",
                ),
                (
                    "10:15",
                    "11:15",
                    "Анализ годовых отчётов филиалов и пунктов",
                    "Жанар Мусаева",
                    "Конференц-зал",
                    "",
                ),
                ("11:15", "11:30", "Перерыв", "", "Фойе", "Чай и кофе"),
                (
                    "11:30",
                    "12:30",
                    "Обсуждение планов работы на новый год",
                    "Заведующие филиалами",
                    "Конференц-зал",
                    "",
                ),
                (
                    "12:30",
                    "13:00",
                    "Вопросы и предложения",
                    "Айгуль Сарсенбаева",
                    "Конференц-зал",
                    "",
                ),
            ],
        },
        "en": {
            "title": (
                "Methodologists' Day, first quarter: last year's reports and this year's plans"
            ),
            "summary": (
                "Librarians from the branches and service points discuss last year's reports and "
                "agree their work plans for this year."
            ),
            "status_note": "",
            "body": (
                "<p>Librarians from the branches and service points of the special library gather "
                "for the quarterly Methodologists' Day. The methodology department reviews the "
                "branches' annual reports and comments on their work plans.</p><p>Please send your "
                "draft plan and report to the methodology department a week before Methodologists' "
                "Day.</p>"
            ),
            "programme": [
                ("10:00", "10:15", "Opening remarks", "Aigul Sarsenbayeva", "Conference hall", ""),
                (
                    "10:15",
                    "11:15",
                    "Review of the annual reports of branches and service points",
                    "Zhanar Mussayeva",
                    "Conference hall",
                    "",
                ),
                ("11:15", "11:30", "Break", "", "Foyer", "Tea and coffee"),
                (
                    "11:30",
                    "12:30",
                    "Discussion of the work plans for the new year",
                    "Heads of branches",
                    "Conference hall",
                    "",
                ),
                (
                    "12:30",
                    "13:00",
                    "Questions and suggestions",
                    "Aigul Sarsenbayeva",
                    "Conference hall",
                    "",
                ),
            ],
        },
    },
    {
        "key": "bibliography-day",
        "slug": "bibliography-day",
        "kind": "bibliography-day",
        "venue": "reading-hall",
        "organiser": "department",
        "audience": "readers",
        "days": -226,
        "start": "11:00",
        "end": "13:00",
        "status": "scheduled",
        "capacity": 30,
        "kk": {
            "title": "Библиография күні: кітапхананың картотекалары мен мәліметтер базасы",
            "summary": (
                "Библиографтар оқырмандарға кітапхананың картотекалары мен библиографиялық "
                "мәліметтер базасын көрсетіп, қажетті әдебиетті қалай табуға болатынын түсіндіреді."
            ),
            "status_note": "",
            "body": (
                "<p>Библиография күні бөлімде дәстүрлі түрде өтеді. Бұл жолы біз зағип "
                "оқырмандарға қажетті ақпарат бойынша жинақталған картотекаларды және электрондық "
                "мәліметтер базасын таныстырамыз.</p><p>Қатысушылар анықтаманы телефон арқылы "
                "немесе кітапхана сайты арқылы қалай сұрауға болатынын біледі. Кәсіби басылымдарға "
                "жасалған жаңа шолу да ұсынылады.</p>"
            ),
            "programme": [
                (
                    "11:00",
                    "11:30",
                    "Кітапхананың картотекалары: оларда не бар және қалай пайдалану керек",
                    "Гүлнар Әбдірахманова",
                    "Оқу залы",
                    "",
                ),
                (
                    "11:30",
                    "12:15",
                    "Библиографиялық мәліметтер базасымен экраннан оқу бағдарламасы арқылы жұмыс",
                    "Нұрлан Жұмабеков",
                    "Компьютер сыныбы",
                    "8 орын, алдын ала жазылу қажет",
                ),
                (
                    "12:15",
                    "13:00",
                    "Кәсіби басылымдарға шолу және оқырмандардың сұрақтары",
                    "Гүлнар Әбдірахманова",
                    "Оқу залы",
                    "",
                ),
            ],
        },
        "ru": {
            "title": "День библиографии: картотеки и базы данных библиотеки",
            "summary": (
                "Библиографы покажут читателям картотеки и библиографические базы данных "
                "библиотеки и расскажут, как найти нужную литературу."
            ),
            "status_note": "",
            "body": (
                "<p>День библиографии — давняя традиция отдела. На этот раз мы представим "
                "картотеки и электронные базы данных с информацией, нужной незрячим "
                "читателям.</p><p>Участники узнают, как запросить справку по телефону или через "
                "сайт библиотеки. Мы также представим новый обзор профессиональных изданий.</p>"
            ),
            "programme": [
                (
                    "11:00",
                    "11:30",
                    "Картотеки библиотеки: что в них есть и как ими пользоваться",
                    "Гульнар Абдрахманова",
                    "Читальный зал",
                    "",
                ),
                (
                    "11:30",
                    "12:15",
                    "Работа с библиографической базой данных в программе экранного доступа",
                    "Нурлан Жумабеков",
                    "Компьютерный класс",
                    "8 мест, нужна предварительная запись",
                ),
                (
                    "12:15",
                    "13:00",
                    "Обзор профессиональных изданий и вопросы читателей",
                    "Гульнар Абдрахманова",
                    "Читальный зал",
                    "",
                ),
            ],
        },
        "en": {
            "title": "Bibliography Day: the library's card catalogues and databases",
            "summary": (
                "Our bibliographers show readers the library's card catalogues and bibliographic "
                "databases and explain how to find the literature they need."
            ),
            "status_note": "",
            "body": (
                "<p>Bibliography Day is a long-standing tradition of the department. This time we "
                "present the card catalogues and electronic databases of information that blind "
                "readers need.</p><p>You will learn how to ask for a reference by phone or through "
                "the library website. We will also present a new review of professional "
                "publications.</p>"
            ),
            "programme": [
                (
                    "11:00",
                    "11:30",
                    "The library's card catalogues: what is in them and how to use them",
                    "Gulnar Abdrakhmanova",
                    "Reading hall",
                    "",
                ),
                (
                    "11:30",
                    "12:15",
                    "Using the bibliographic database with a screen reader",
                    "Nurlan Zhumabekov",
                    "Computer room",
                    "8 places; please book in advance",
                ),
                (
                    "12:15",
                    "13:00",
                    "Review of professional publications and readers' questions",
                    "Gulnar Abdrakhmanova",
                    "Reading hall",
                    "",
                ),
            ],
        },
    },
    {
        "key": "seminar-accessible-documents",
        "slug": "seminar-accessible-documents",
        "kind": "training",
        "venue": "conference-hall",
        "organiser": "department",
        "audience": "librarians",
        "days": -203,
        "start": "10:00",
        "end": "16:00",
        "status": "scheduled",
        "capacity": 40,
        "kk": {
            "title": "Семинар: ірі қаріпті және аудио нұсқадағы құжаттарды дайындау",
            "summary": (
                "Филиал кітапханашылары хабарландыруларды, бағдарламалар мен жадынамаларды әлсіз "
                "көретін және зағип оқырмандарға қолжетімді етіп дайындауды үйренеді."
            ),
            "status_note": "",
            "body": (
                "<p>Семинарда ірі қаріппен басылатын құжаттың талаптары (қаріп өлшемі, жол "
                "аралығы, контраст), Брайль қарпімен басып шығаруға мәтін дайындау және мәтінді "
                "дыбыстау жолдары қарастырылады.</p><p>Қатысушылар өз филиалының бір "
                "хабарландыруын ала келіп, семинар барысында оның қолжетімді нұсқасын жасайды. "
                "Соңында әр қатысушыға <b>сертификат</b> беріледі.</p>"
            ),
            "programme": [
                (
                    "10:00",
                    "11:30",
                    "Ірі қаріпті құжат: қаріп, контраст, беттің құрылымы",
                    "Жанар Мұсаева",
                    "Конференц-зал",
                    "",
                ),
                (
                    "11:30",
                    "13:00",
                    "Брайль қарпімен басуға мәтін дайындау",
                    "Сергей Ли",
                    "Конференц-зал",
                    "",
                ),
                ("13:00", "14:00", "Түскі үзіліс", "", "", ""),
                (
                    "14:00",
                    "15:30",
                    "Практикум: өз хабарландыруыңызды қолжетімді етіңіз",
                    "Нұрлан Жұмабеков",
                    "Компьютер сыныбы",
                    "Ноутбугыңызды ала келіңіз",
                ),
                (
                    "15:30",
                    "16:00",
                    "Қорытынды, сертификаттарды табыстау",
                    "Айгүл Сәрсенбаева",
                    "Конференц-зал",
                    "",
                ),
            ],
        },
        "ru": {
            "title": "Семинар: как готовить документы крупным шрифтом и в аудиоформате",
            "summary": (
                "Библиотекари филиалов научатся готовить объявления, программы и памятки так, "
                "чтобы они были доступны слабовидящим и незрячим читателям."
            ),
            "status_note": "",
            "body": (
                "<p>На семинаре разберём требования к документам, напечатанным крупным шрифтом "
                "(размер шрифта, межстрочный интервал, контраст), подготовку текста к печати "
                "шрифтом Брайля и способы озвучивания текста.</p><p>Участники приносят одно "
                "объявление своего филиала и во время семинара делают его доступную версию. В "
                "конце каждый участник получит <b>сертификат</b>.</p>"
            ),
            "programme": [
                (
                    "10:00",
                    "11:30",
                    "Документ крупным шрифтом: шрифт, контраст, структура страницы",
                    "Жанар Мусаева",
                    "Конференц-зал",
                    "",
                ),
                (
                    "11:30",
                    "13:00",
                    "Подготовка текста к печати шрифтом Брайля",
                    "Сергей Ли",
                    "Конференц-зал",
                    "",
                ),
                ("13:00", "14:00", "Обеденный перерыв", "", "", ""),
                (
                    "14:00",
                    "15:30",
                    "Практикум: сделайте своё объявление доступным",
                    "Нурлан Жумабеков",
                    "Компьютерный класс",
                    "Возьмите с собой ноутбук",
                ),
                (
                    "15:30",
                    "16:00",
                    "Итоги, вручение сертификатов",
                    "Айгуль Сарсенбаева",
                    "Конференц-зал",
                    "",
                ),
            ],
        },
        "en": {
            "title": "Seminar: preparing documents in large print and audio",
            "summary": (
                "Branch librarians learn to make notices, programmes and leaflets accessible to "
                "low-vision and blind readers."
            ),
            "status_note": "",
            "body": (
                "<p>We cover what a large-print document needs (type size, line spacing, "
                "contrast), how to prepare a text for braille printing, and ways to turn a text "
                "into audio.</p><p>Bring one notice from your branch: during the seminar you will "
                "make an accessible version of it. Everyone receives a <b>certificate</b> at the "
                "end.</p>"
            ),
            "programme": [
                (
                    "10:00",
                    "11:30",
                    "Large-print documents: type, contrast, page layout",
                    "Zhanar Mussayeva",
                    "Conference hall",
                    "",
                ),
                (
                    "11:30",
                    "13:00",
                    "Preparing a text for braille printing",
                    "Sergey Li",
                    "Conference hall",
                    "",
                ),
                ("13:00", "14:00", "Lunch break", "", "", ""),
                (
                    "14:00",
                    "15:30",
                    "Workshop: make your own notice accessible",
                    "Nurlan Zhumabekov",
                    "Computer room",
                    "Bring your laptop",
                ),
                (
                    "15:30",
                    "16:00",
                    "Summing up and certificates",
                    "Aigul Sarsenbayeva",
                    "Conference hall",
                    "",
                ),
            ],
        },
    },
    {
        "key": "methodologists-day-q2",
        "slug": "methodologists-day-q2",
        "kind": "methodologists-day",
        "venue": "conference-hall",
        "organiser": "department",
        "audience": "librarians",
        "days": -160,
        "start": "10:00",
        "end": "13:00",
        "status": "scheduled",
        "capacity": 40,
        "kk": {
            "title": "Әдіскерлер күні, II тоқсан: фестивальдар мен байқауларға дайындық",
            "summary": (
                "Күзде өтетін «Жанарым менің жүрегім» фестивалінің ережесін, номинацияларын және "
                "филиалдардың қатысу тәртібін талқылаймыз."
            ),
            "status_note": "",
            "body": (
                "<p>Бұл Әдіскерлер күні күзгі іс-шараларға арналады. Әдістемелік бөлім «Жанарым "
                "менің жүрегім» облыстық фестивалі ережесінің жобасын таныстырады: номинациялар, "
                "қазылар алқасының құрамы, өтінім беру мерзімі және қатысушылардың "
                "сүйемелдеушілерімен бірге келу тәртібі.</p><p>Филиалдар өз аудандарында "
                "қатысушыларды қалай іздестіретіні туралы тәжірибе алмасады.</p>"
            ),
            "programme": [
                (
                    "10:00",
                    "10:40",
                    "«Жанарым менің жүрегім» фестивалі ережесінің жобасы",
                    "Айгүл Сәрсенбаева",
                    "Конференц-зал",
                    "",
                ),
                (
                    "10:40",
                    "11:30",
                    "Номинациялар мен қазылар алқасы: талқылау",
                    "",
                    "Конференц-зал",
                    "",
                ),
                ("11:30", "11:45", "Үзіліс", "", "Фойе", ""),
                (
                    "11:45",
                    "12:30",
                    "Аудандарда қатысушыларды іздестіру: филиалдардың тәжірибесі",
                    "Дилфуза Юсупова, Бақыт Нұрмағанбетова",
                    "Конференц-зал",
                    "",
                ),
                (
                    "12:30",
                    "13:00",
                    "Тоқсандық есептерге қысқаша шолу",
                    "Жанар Мұсаева",
                    "Конференц-зал",
                    "",
                ),
            ],
        },
        "ru": {
            "title": "День методиста, II квартал: подготовка к фестивалям и конкурсам",
            "summary": (
                "Обсуждаем положение и номинации осеннего фестиваля «Жанарым менің жүрегім» и "
                "порядок участия филиалов."
            ),
            "status_note": "",
            "body": (
                "<p>Этот День методиста посвящён осенним мероприятиям. Методический отдел "
                "представит проект положения областного фестиваля «Жанарым менің жүрегім»: "
                "номинации, состав жюри, сроки подачи заявок и порядок приезда участников вместе с "
                "сопровождающими.</p><p>Филиалы поделятся опытом: как они находят участников в "
                "своих районах.</p>"
            ),
            "programme": [
                (
                    "10:00",
                    "10:40",
                    "Проект положения фестиваля «Жанарым менің жүрегім»",
                    "Айгуль Сарсенбаева",
                    "Конференц-зал",
                    "",
                ),
                ("10:40", "11:30", "Номинации и жюри: обсуждение", "", "Конференц-зал", ""),
                ("11:30", "11:45", "Перерыв", "", "Фойе", ""),
                (
                    "11:45",
                    "12:30",
                    "Поиск участников в районах: опыт филиалов",
                    "Дильфуза Юсупова, Бахыт Нурмаганбетова",
                    "Конференц-зал",
                    "",
                ),
                (
                    "12:30",
                    "13:00",
                    "Краткий обзор квартальных отчётов",
                    "Жанар Мусаева",
                    "Конференц-зал",
                    "",
                ),
            ],
        },
        "en": {
            "title": "Methodologists' Day, second quarter: preparing for festivals and contests",
            "summary": (
                "We discuss the rules and nominations of the autumn festival “Zhanarym menin "
                "zhuregim” and how the branches take part."
            ),
            "status_note": "",
            "body": (
                "<p>This Methodologists' Day is about the autumn events. The methodology "
                "department presents the draft rules of the regional festival “Zhanarym menin "
                "zhuregim” (“My heart is my sight”): nominations, the jury, application deadlines "
                "and how participants travel with their escorts.</p><p>The branches share how they "
                "find participants in their districts.</p>"
            ),
            "programme": [
                (
                    "10:00",
                    "10:40",
                    "Draft rules of the “Zhanarym menin zhuregim” festival",
                    "Aigul Sarsenbayeva",
                    "Conference hall",
                    "",
                ),
                ("10:40", "11:30", "Nominations and jury: discussion", "", "Conference hall", ""),
                ("11:30", "11:45", "Break", "", "Foyer", ""),
                (
                    "11:45",
                    "12:30",
                    "Finding participants in the districts: the branches' experience",
                    "Dilfuza Yusupova, Bakhyt Nurmaganbetova",
                    "Conference hall",
                    "",
                ),
                (
                    "12:30",
                    "13:00",
                    "Quarterly reports: a short review",
                    "Zhanar Mussayeva",
                    "Conference hall",
                    "",
                ),
            ],
        },
    },
    {
        "key": "summer-reading-club",
        "slug": "summer-reading-club",
        "kind": "club",
        "venue": "reading-hall",
        "organiser": "library",
        "audience": "children",
        "days": -128,
        "start": "11:00",
        "end": "12:30",
        "status": "scheduled",
        "capacity": 25,
        "kk": {
            "title": "Жазғы оқу клубы: «Ертегілер әлемінде»",
            "summary": (
                "Жазғы демалыстағы зағип және әлсіз көретін балаларға арналған клуб: қазақ халық "
                "ертегілерін дауыстап оқимыз және аудиокітап тыңдаймыз."
            ),
            "status_note": "",
            "body": (
                "<p>Клуб отырысында кітапханашылар қазақ халық ертегілерін дауыстап оқиды, ал "
                "балалар кейіпкерлерді дауысынан танып, ертегінің соңын өздері ойлап табады. "
                "Кездесу соңында әр бала үйіне Брайль қарпіндегі кітап немесе аудиокітап алып "
                "кетеді.</p><p>Балалар ата-анасымен немесе сүйемелдеушімен келеді.</p>"
            ),
            "programme": [
                (
                    "11:00",
                    "11:40",
                    "Ертегі оқу: Алдар көсе туралы ертегілер",
                    "Сәуле Төлегенова",
                    "Оқу залы",
                    "",
                ),
                (
                    "11:40",
                    "12:10",
                    "Ойын: кейіпкерді дауысынан таны",
                    "Елена Павленко",
                    "Оқу залы",
                    "",
                ),
                (
                    "12:10",
                    "12:30",
                    "Үйге кітап таңдау",
                    "",
                    "Оқу залы",
                    "Брайль қарпіндегі кітаптар және аудиокітаптар",
                ),
            ],
        },
        "ru": {
            "title": "Летний клуб чтения: «В мире сказок»",
            "summary": (
                "Клуб для незрячих и слабовидящих детей на летних каникулах: читаем вслух "
                "казахские народные сказки и слушаем аудиокниги."
            ),
            "status_note": "",
            "body": (
                "<p>На встрече клуба библиотекари читают вслух казахские народные сказки, а дети "
                "узнают героев по голосам и сами придумывают, чем закончится сказка. В конце "
                "каждый ребёнок уносит домой книгу шрифтом Брайля или аудиокнигу.</p><p>Дети "
                "приходят с родителями или сопровождающими.</p>"
            ),
            "programme": [
                (
                    "11:00",
                    "11:40",
                    "Читаем сказки про Алдара Косе",
                    "Сауле Тулегенова",
                    "Читальный зал",
                    "",
                ),
                (
                    "11:40",
                    "12:10",
                    "Игра «Узнай героя по голосу»",
                    "Елена Павленко",
                    "Читальный зал",
                    "",
                ),
                (
                    "12:10",
                    "12:30",
                    "Выбираем книгу домой",
                    "",
                    "Читальный зал",
                    "Книги шрифтом Брайля и аудиокниги",
                ),
            ],
        },
        "en": {
            "title": "Summer reading club: “In the world of fairy tales”",
            "summary": (
                "A club for blind and low-vision children on their summer holidays: we read Kazakh "
                "folk tales aloud and listen to audiobooks."
            ),
            "status_note": "",
            "body": (
                "<p>Librarians read Kazakh folk tales aloud, and the children recognise the "
                "characters by their voices and make up their own endings. At the end every child "
                "takes home a braille book or an audiobook.</p><p>Children come with a parent or "
                "an escort.</p>"
            ),
            "programme": [
                (
                    "11:00",
                    "11:40",
                    "Story time: tales of Aldar Kose",
                    "Saule Tolegenova",
                    "Reading hall",
                    "",
                ),
                (
                    "11:40",
                    "12:10",
                    "Game: guess the character by the voice",
                    "Yelena Pavlenko",
                    "Reading hall",
                    "",
                ),
                (
                    "12:10",
                    "12:30",
                    "Choosing a book to take home",
                    "",
                    "Reading hall",
                    "Braille books and audiobooks",
                ),
            ],
        },
    },
    {
        "key": "readers-survey-meeting",
        "slug": "readers-survey-meeting",
        "kind": "meeting",
        "venue": "conference-hall",
        "organiser": "department",
        "audience": "readers",
        "days": -93,
        "start": "14:00",
        "end": "16:00",
        "status": "scheduled",
        "capacity": 60,
        "kk": {
            "title": "Оқырмандармен кездесу: сауалнама нәтижелері",
            "summary": (
                "Әдістемелік бөлім оқырмандар сауалнамасының нәтижелерін таныстырып, кітапхана "
                "жұмысын жақсарту жөніндегі ұсыныстарды тыңдайды."
            ),
            "status_note": "",
            "body": (
                "<p>Биыл зағип және әлсіз көретін оқырмандар арасында сауалнама жүргізілді. "
                "Кездесуде оның негізгі нәтижелерін айтып береміз: оқырмандарға қандай кітаптар "
                "мен форматтар жетіспейді, кітапханаға жету қаншалықты ыңғайлы, қандай іс-шаралар "
                "қызықты.</p><p>Сіздің ұсыныстарыңыз келесі жылдың жұмыс жоспарына енгізіледі.</p>"
            ),
            "programme": [
                (
                    "14:00",
                    "14:40",
                    "Сауалнаманың негізгі нәтижелері",
                    "Жанар Мұсаева",
                    "Конференц-зал",
                    "",
                ),
                (
                    "14:40",
                    "15:40",
                    "Оқырмандардың пікірлері мен ұсыныстары",
                    "",
                    "Конференц-зал",
                    "Сөз алғыңыз келсе, қызметкерлер микрофон әкеліп береді",
                ),
                (
                    "15:40",
                    "16:00",
                    "Келесі жылдың жоспарына не енеді: қорытынды",
                    "Айгүл Сәрсенбаева",
                    "Конференц-зал",
                    "",
                ),
            ],
        },
        "ru": {
            "title": "Встреча с читателями: итоги анкетирования",
            "summary": (
                "Методический отдел расскажет об итогах анкетирования читателей и выслушает "
                "предложения о том, как улучшить работу библиотеки."
            ),
            "status_note": "",
            "body": (
                "<p>В этом году среди незрячих и слабовидящих читателей прошло анкетирование. На "
                "встрече мы расскажем об основных результатах: каких книг и форматов не хватает "
                "читателям, насколько удобно добираться до библиотеки, какие мероприятия "
                "интересны.</p><p>Ваши предложения войдут в план работы на следующий год.</p>"
            ),
            "programme": [
                (
                    "14:00",
                    "14:40",
                    "Основные итоги анкетирования",
                    "Жанар Мусаева",
                    "Конференц-зал",
                    "",
                ),
                (
                    "14:40",
                    "15:40",
                    "Мнения и предложения читателей",
                    "",
                    "Конференц-зал",
                    "Если хотите взять слово, сотрудники принесут микрофон",
                ),
                (
                    "15:40",
                    "16:00",
                    "Что войдёт в план на следующий год: итоги",
                    "Айгуль Сарсенбаева",
                    "Конференц-зал",
                    "",
                ),
            ],
        },
        "en": {
            "title": "Meeting with readers: results of the survey",
            "summary": (
                "The methodology department presents the results of the readers' survey and "
                "listens to suggestions for improving the library's work."
            ),
            "status_note": "",
            "body": (
                "<p>This year we surveyed blind and low-vision readers. At the meeting we will "
                "share the main findings: which books and formats readers are missing, how easy it "
                "is to get to the library, and which events they find interesting.</p><p>Your "
                "suggestions will go into next year's work plan.</p>"
            ),
            "programme": [
                (
                    "14:00",
                    "14:40",
                    "Main findings of the survey",
                    "Zhanar Mussayeva",
                    "Conference hall",
                    "",
                ),
                (
                    "14:40",
                    "15:40",
                    "Readers' views and suggestions",
                    "",
                    "Conference hall",
                    "If you wish to speak, staff will bring you a microphone",
                ),
                (
                    "15:40",
                    "16:00",
                    "What goes into next year's plan: summing up",
                    "Aigul Sarsenbayeva",
                    "Conference hall",
                    "",
                ),
            ],
        },
    },
    {
        "key": "knowledge-day-lesson",
        "slug": "knowledge-day-lesson",
        "kind": "lesson",
        "venue": "boarding-school-hall",
        "organiser": "boarding-school",
        "audience": "children",
        "days": -84,
        "start": "11:00",
        "end": "12:30",
        "status": "scheduled",
        "capacity": 60,
        "kk": {
            "title": "Білім күні: кітапхана пунктімен танысу сабағы",
            "summary": (
                "Мектеп-интернаттың бірінші сынып оқушылары кітапхана пунктімен танысып, алғашқы "
                "кітабын таңдайды."
            ),
            "status_note": "",
            "body": (
                "<p>Жаңа оқу жылының басында кітапхана пунктінің қызметкерлері мектеп-интернаттың "
                "жаңа оқушыларын кітаппен таныстырады. Балалар кітапханада өзін қалай ұстау "
                "керегін, кітапты қалай сұрауға болатынын біліп, бедерлі суреттері бар кітаптарды "
                "саусағымен «көреді».</p><p>Сабаққа ата-аналар да шақырылады.</p>"
            ),
            "programme": [
                (
                    "11:00",
                    "11:20",
                    "Сәлем, кітапхана! Кітапхана дегеніміз не?",
                    "Дина Оспанова",
                    "Мәжіліс залы",
                    "",
                ),
                (
                    "11:20",
                    "12:00",
                    "Бедерлі суреттері бар кітаптармен танысу",
                    "Елена Павленко",
                    "Мәжіліс залы",
                    "",
                ),
                (
                    "12:00",
                    "12:30",
                    "Кітапхана пунктіне саяхат, алғашқы кітапты таңдау",
                    "Дина Оспанова",
                    "Мектеп кітапханасы",
                    "",
                ),
            ],
        },
        "ru": {
            "title": "День знаний: урок-знакомство с библиотечным пунктом",
            "summary": (
                "Первоклассники школы-интерната знакомятся с библиотечным пунктом и выбирают свою "
                "первую книгу."
            ),
            "status_note": "",
            "body": (
                "<p>В начале учебного года сотрудники библиотечного пункта знакомят новых учеников "
                "школы-интерната с книгой. Дети узнают, как вести себя в библиотеке и как "
                "попросить книгу, и пальцами «рассматривают» книги с рельефными "
                "иллюстрациями.</p><p>На урок приглашаются и родители.</p>"
            ),
            "programme": [
                (
                    "11:00",
                    "11:20",
                    "Здравствуй, библиотека! Что это такое?",
                    "Дина Оспанова",
                    "Актовый зал",
                    "",
                ),
                (
                    "11:20",
                    "12:00",
                    "Знакомство с книгами с рельефными иллюстрациями",
                    "Елена Павленко",
                    "Актовый зал",
                    "",
                ),
                (
                    "12:00",
                    "12:30",
                    "Экскурсия по библиотечному пункту, выбор первой книги",
                    "Дина Оспанова",
                    "Школьная библиотека",
                    "",
                ),
            ],
        },
        "en": {
            "title": "Knowledge Day: getting to know the library service point",
            "summary": (
                "First-year pupils of the boarding school visit the library service point and "
                "choose their first book."
            ),
            "status_note": "",
            "body": (
                "<p>At the start of the school year, the service-point staff introduce the new "
                "pupils of the boarding school to books. The children learn how to behave in a "
                "library and how to ask for a book, and “look at” books with tactile pictures with "
                "their fingers.</p><p>Parents are welcome too.</p>"
            ),
            "programme": [
                (
                    "11:00",
                    "11:20",
                    "Hello, library! What is a library?",
                    "Dina Ospanova",
                    "Assembly hall",
                    "",
                ),
                (
                    "11:20",
                    "12:00",
                    "Exploring books with tactile pictures",
                    "Yelena Pavlenko",
                    "Assembly hall",
                    "",
                ),
                (
                    "12:00",
                    "12:30",
                    "A tour of the service point and choosing a first book",
                    "Dina Ospanova",
                    "School library",
                    "",
                ),
            ],
        },
    },
    {
        "key": "methodologists-day-q3",
        "slug": "methodologists-day-q3",
        "kind": "methodologists-day",
        "venue": "conference-hall",
        "organiser": "department",
        "audience": "librarians",
        "days": -62,
        "start": "10:00",
        "end": "13:00",
        "status": "scheduled",
        "capacity": 40,
        "kk": {
            "title": "Әдіскерлер күні, III тоқсан: жазғы оқу және жаңа түскен кітаптар",
            "summary": (
                "Филиалдар жазғы оқу бағдарламасын қорытындылап, қорға жаңа түскен Брайль "
                "қарпіндегі және аудио басылымдармен танысады."
            ),
            "status_note": "",
            "body": (
                "<p>Кітапханашылар жазда балалармен және ересек оқырмандармен өткізген іс-шаралары "
                "туралы айтып, тиімді тәсілдерімен бөліседі. Қор бөлімінің қызметкерлері жаңа "
                "түскен Брайль қарпіндегі кітаптарды, ірі қаріпті басылымдарды және "
                "аудиокітаптарды таныстырады.</p><p>Сондай-ақ күзгі «Жанарым менің жүрегім» "
                "фестиваліне дайындықтың барысы талқыланады.</p>"
            ),
            "programme": [
                (
                    "10:00",
                    "11:00",
                    "Жазғы оқу: филиалдардың қорытындысы",
                    "Филиал меңгерушілері",
                    "Конференц-зал",
                    "",
                ),
                (
                    "11:00",
                    "11:45",
                    "Жаңа түскен кітаптарға шолу",
                    "Гүлнар Әбдірахманова",
                    "Конференц-зал",
                    "",
                ),
                ("11:45", "12:00", "Үзіліс", "", "Фойе", ""),
                (
                    "12:00",
                    "13:00",
                    "Фестивальге дайындық: өтінімдер, жол, сүйемелдеушілер",
                    "Айгүл Сәрсенбаева",
                    "Конференц-зал",
                    "",
                ),
            ],
        },
        "ru": {
            "title": "День методиста, III квартал: летнее чтение и новые поступления",
            "summary": (
                "Филиалы подводят итоги летней программы чтения и знакомятся с новыми "
                "поступлениями шрифтом Брайля и в аудиоформате."
            ),
            "status_note": "",
            "body": (
                "<p>Библиотекари расскажут о мероприятиях, которые они летом проводили с детьми и "
                "взрослыми читателями, и поделятся удачными приёмами. Сотрудники отдела "
                "комплектования представят новые книги шрифтом Брайля, издания крупным шрифтом и "
                "аудиокниги.</p><p>Также обсудим, как идёт подготовка к осеннему фестивалю "
                "«Жанарым менің жүрегім».</p>"
            ),
            "programme": [
                (
                    "10:00",
                    "11:00",
                    "Летнее чтение: итоги филиалов",
                    "Заведующие филиалами",
                    "Конференц-зал",
                    "",
                ),
                (
                    "11:00",
                    "11:45",
                    "Обзор новых поступлений",
                    "Гульнар Абдрахманова",
                    "Конференц-зал",
                    "",
                ),
                ("11:45", "12:00", "Перерыв", "", "Фойе", ""),
                (
                    "12:00",
                    "13:00",
                    "Подготовка к фестивалю: заявки, дорога, сопровождающие",
                    "Айгуль Сарсенбаева",
                    "Конференц-зал",
                    "",
                ),
            ],
        },
        "en": {
            "title": "Methodologists' Day, third quarter: summer reading and new books",
            "summary": (
                "The branches sum up the summer reading programme and look at the library's new "
                "books in braille and audio."
            ),
            "status_note": "",
            "body": (
                "<p>Librarians talk about the events they ran over the summer for children and "
                "adult readers and share what worked. Acquisitions staff present new braille "
                "books, large-print editions and audiobooks.</p><p>We will also check how "
                "preparations for the autumn festival “Zhanarym menin zhuregim” are going.</p>"
            ),
            "programme": [
                (
                    "10:00",
                    "11:00",
                    "Summer reading: reports from the branches",
                    "Heads of branches",
                    "Conference hall",
                    "",
                ),
                (
                    "11:00",
                    "11:45",
                    "New acquisitions: an overview",
                    "Gulnar Abdrakhmanova",
                    "Conference hall",
                    "",
                ),
                ("11:45", "12:00", "Break", "", "Foyer", ""),
                (
                    "12:00",
                    "13:00",
                    "Preparing for the festival: applications, travel, escorts",
                    "Aigul Sarsenbayeva",
                    "Conference hall",
                    "",
                ),
            ],
        },
    },
    {
        "key": "festival-zhanarym",
        "slug": "festival-zhanarym",
        "kind": "festival",
        "venue": "conference-hall",
        "organiser": "department",
        "audience": "disability-groups",
        "days": -41,
        "start": "10:00",
        "end": "16:00",
        "duration_days": 2,
        "status": "scheduled",
        "capacity": 80,
        "kk": {
            "title": "«Жанарым менің жүрегім» облыстық фестивалі",
            "summary": (
                "Халықаралық ақ таяқ күніне орай I–II топтағы мүгедектігі бар азаматтардың "
                "шығармашылық фестивалі: ән, күй, мәнерлеп оқу және авторлық шығармалар."
            ),
            "status_note": "",
            "body": (
                "<p>2010 жылы басталған облыстық фестиваль биыл да жалғасады. Оған Шымкенттен және "
                "Түркістан облысының аудандарынан I–II топтағы мүгедектігі бар қатысушылар келеді. "
                "Фестиваль екі күнге созылады: бірінші күні ән мен күй, екінші күні мәнерлеп оқу, "
                "авторлық шығармалар және марапаттау.</p><p>Қатысушылар мен олардың "
                "сүйемелдеушілерін кітапхананың кіреберісінде күтіп аламыз. Жеңімпаздарға "
                "<b>диплом</b>, барлық қатысушыға <b>алғыс хат</b> табысталады.</p>"
            ),
            "programme": [
                (
                    "10:00",
                    "10:30",
                    "Фестивальдің ашылуы",
                    "Айгүл Сәрсенбаева",
                    "Конференц-зал",
                    "Бірінші күні",
                ),
                ("10:30", "13:00", "«Ән мен күй» номинациясы", "", "Конференц-зал", "Бірінші күні"),
                (
                    "10:00",
                    "12:30",
                    "«Мәнерлеп оқу» және «Авторлық шығарма» номинациялары",
                    "",
                    "Конференц-зал",
                    "Екінші күні",
                ),
                (
                    "15:00",
                    "16:00",
                    "Қазылар алқасының шешімі, марапаттау",
                    "Айгүл Сәрсенбаева",
                    "Конференц-зал",
                    "Екінші күні",
                ),
            ],
        },
        "ru": {
            "title": "Областной фестиваль «Жанарым менің жүрегім»",
            "summary": (
                "Ко Международному дню белой трости — творческий фестиваль для людей с "
                "инвалидностью I–II группы: песни, кюи, выразительное чтение и авторские "
                "произведения."
            ),
            "status_note": "",
            "body": (
                "<p>Областной фестиваль, начатый в 2010 году, продолжается и в этом году. На него "
                "приедут участники с инвалидностью I–II группы из Шымкента и районов Туркестанской "
                "области. Фестиваль идёт два дня: в первый день — песни и кюи, во второй — "
                "выразительное чтение, авторские произведения и награждение.</p><p>Участников и их "
                "сопровождающих встретим у входа в библиотеку. Победители получат <b>дипломы</b>, "
                "все участники — <b>благодарственные письма</b>.</p>"
            ),
            "programme": [
                (
                    "10:00",
                    "10:30",
                    "Открытие фестиваля",
                    "Айгуль Сарсенбаева",
                    "Конференц-зал",
                    "В первый день",
                ),
                ("10:30", "13:00", "Номинация «Песня и кюй»", "", "Конференц-зал", "В первый день"),
                (
                    "10:00",
                    "12:30",
                    "Номинации «Выразительное чтение» и «Авторское произведение»",
                    "",
                    "Конференц-зал",
                    "Во второй день",
                ),
                (
                    "15:00",
                    "16:00",
                    "Решение жюри, награждение",
                    "Айгуль Сарсенбаева",
                    "Конференц-зал",
                    "Во второй день",
                ),
            ],
        },
        "en": {
            "title": "Regional festival “Zhanarym menin zhuregim”",
            "summary": (
                "For International White Cane Day, a creative festival for people with disability "
                "groups I–II: songs, kuy (dombra pieces), expressive reading and their own writing."
            ),
            "status_note": "",
            "body": (
                "<p>The regional festival that began in 2010 continues this year. Participants "
                "with disability groups I–II come from Shymkent and the districts of Turkistan "
                "Region. The festival lasts two days: songs and kuy on the first day; expressive "
                "reading, participants' own writing and the awards on the second.</p><p>We will "
                "meet participants and their escorts at the library entrance. Winners receive a "
                "<b>diploma</b>, and every participant a <b>letter of thanks</b>.</p>"
            ),
            "programme": [
                (
                    "10:00",
                    "10:30",
                    "Opening of the festival",
                    "Aigul Sarsenbayeva",
                    "Conference hall",
                    "Day one",
                ),
                ("10:30", "13:00", "“Song and kuy” nomination", "", "Conference hall", "Day one"),
                (
                    "10:00",
                    "12:30",
                    "“Expressive reading” and “Own writing” nominations",
                    "",
                    "Conference hall",
                    "Day two",
                ),
                (
                    "15:00",
                    "16:00",
                    "Jury's decision and awards",
                    "Aigul Sarsenbayeva",
                    "Conference hall",
                    "Day two",
                ),
            ],
        },
    },
    {
        "key": "audiobook-club-kokserek",
        "slug": "audiobook-club-kokserek",
        "kind": "club",
        "venue": "reading-hall",
        "organiser": "library",
        "audience": "readers",
        "days": -20,
        "start": "15:00",
        "end": "16:30",
        "status": "scheduled",
        "capacity": None,
        "kk": {
            "title": "Аудиокітап тыңдау клубы: Мұхтар Әуезов, «Көксерек»",
            "summary": (
                "Клуб мүшелері Мұхтар Әуезовтің «Көксерек» әңгімесінің аудиожазбасын бірге тыңдап, "
                "талқылайды."
            ),
            "status_note": "",
            "body": (
                "<p>Аудиокітап тыңдау клубы айына бір рет жиналады. Бұл жолы Мұхтар Әуезовтің "
                "«Көксерек» әңгімесін тыңдаймыз: ол адам мен табиғат туралы, тәрбие нені өзгерте "
                "алатыны және нені өзгерте алмайтыны туралы.</p><p>Тыңдағаннан кейін шай үстінде "
                "пікір алмасамыз. Клубқа кез келген оқырман келе алады, алдын ала жазылу қажет "
                "емес.</p>"
            ),
            "programme": [
                (
                    "15:00",
                    "15:10",
                    "Әңгіме мен автор туралы қысқаша",
                    "Сәуле Төлегенова",
                    "Оқу залы",
                    "",
                ),
                ("15:10", "16:00", "«Көксерек» әңгімесін тыңдау", "", "Оқу залы", ""),
                ("16:00", "16:30", "Шай үстінде талқылау", "", "Оқу залы", ""),
            ],
        },
        "ru": {
            "title": "Клуб слушателей аудиокниг: Мухтар Ауэзов, «Коксерек»",
            "summary": (
                "Участники клуба вместе слушают аудиозапись рассказа Мухтара Ауэзова «Коксерек» и "
                "обсуждают его."
            ),
            "status_note": "",
            "body": (
                "<p>Клуб слушателей аудиокниг собирается раз в месяц. На этот раз слушаем рассказ "
                "Мухтара Ауэзова «Коксерек» — о человеке и природе, о том, что воспитание может "
                "изменить, а что не может.</p><p>После прослушивания обсуждаем рассказ за чаем. "
                "Приходить может любой читатель, записываться заранее не нужно.</p>"
            ),
            "programme": [
                (
                    "15:00",
                    "15:10",
                    "Коротко о рассказе и авторе",
                    "Сауле Тулегенова",
                    "Читальный зал",
                    "",
                ),
                ("15:10", "16:00", "Слушаем «Коксерек»", "", "Читальный зал", ""),
                ("16:00", "16:30", "Обсуждение за чаем", "", "Читальный зал", ""),
            ],
        },
        "en": {
            "title": "Audiobook club: Mukhtar Auezov's “Kokserek”",
            "summary": (
                "Club members listen together to a recording of Mukhtar Auezov's story “Kokserek” "
                "and discuss it."
            ),
            "status_note": "",
            "body": (
                "<p>The audiobook club meets once a month. This time we listen to Mukhtar Auezov's "
                "story “Kokserek”, about people and nature, and about what upbringing can and "
                "cannot change.</p><p>After listening we talk it over a cup of tea. Any reader is "
                "welcome, and there is no need to book.</p>"
            ),
            "programme": [
                (
                    "15:00",
                    "15:10",
                    "A few words about the story and its author",
                    "Saule Tolegenova",
                    "Reading hall",
                    "",
                ),
                ("15:10", "16:00", "Listening to “Kokserek”", "", "Reading hall", ""),
                ("16:00", "16:30", "Discussion over tea", "", "Reading hall", ""),
            ],
        },
    },
    {
        "key": "smartphone-talkback-lesson",
        "slug": "smartphone-talkback-lesson",
        "kind": "lesson",
        "venue": "reading-hall",
        "organiser": "library",
        "audience": "readers",
        "days": -7,
        "start": "14:00",
        "end": "16:00",
        "status": "scheduled",
        "capacity": 8,
        "kk": {
            "title": "Смартфон сабағы: TalkBack экраннан оқу бағдарламасымен танысу",
            "summary": (
                "Зағип және әлсіз көретін оқырмандар Android смартфонында TalkBack бағдарламасымен "
                "қоңырау шалуды, хабарлама жазуды және аудиокітап тыңдауды үйренеді."
            ),
            "status_note": "",
            "body": (
                "<p>Сабақты экраннан оқу бағдарламасын күнделікті өзі де пайдаланатын маманымыз "
                "Нұрлан Жұмабеков жүргізеді. Топта 8 адамнан аспайды, сондықтан әр қатысушыға "
                "уақыт жетеді.</p><p>Смартфоныңызды толық зарядтап ала келіңіз. Смартфоныңыз "
                "болмаса, кітапхананың құрылғысын береміз.</p>"
            ),
            "programme": [
                (
                    "14:00",
                    "14:30",
                    "TalkBack-ті қосу және негізгі қимылдар",
                    "Нұрлан Жұмабеков",
                    "Компьютер сыныбы",
                    "",
                ),
                (
                    "14:30",
                    "15:15",
                    "Қоңырау шалу, хабарлама жазу және дауыспен теру",
                    "Нұрлан Жұмабеков",
                    "Компьютер сыныбы",
                    "",
                ),
                (
                    "15:15",
                    "16:00",
                    "Аудиокітап тыңдауға арналған қосымшалар",
                    "Нұрлан Жұмабеков",
                    "Компьютер сыныбы",
                    "Өз құрылғыңызды ала келіңіз",
                ),
            ],
        },
        "ru": {
            "title": "Урок по смартфону: знакомство с программой экранного доступа TalkBack",
            "summary": (
                "Незрячие и слабовидящие читатели научатся звонить, писать сообщения и слушать "
                "аудиокниги на смартфоне Android с TalkBack."
            ),
            "status_note": "",
            "body": (
                "<p>Урок ведёт наш специалист Нурлан Жумабеков, который сам каждый день пользуется "
                "программой экранного доступа. В группе не больше 8 человек, поэтому времени "
                "хватит каждому.</p><p>Возьмите с собой полностью заряженный смартфон. Если "
                "смартфона нет, мы дадим устройство библиотеки.</p>"
            ),
            "programme": [
                (
                    "14:00",
                    "14:30",
                    "Как включить TalkBack; основные жесты",
                    "Нурлан Жумабеков",
                    "Компьютерный класс",
                    "",
                ),
                (
                    "14:30",
                    "15:15",
                    "Звонки, сообщения и голосовой ввод",
                    "Нурлан Жумабеков",
                    "Компьютерный класс",
                    "",
                ),
                (
                    "15:15",
                    "16:00",
                    "Приложения для прослушивания аудиокниг",
                    "Нурлан Жумабеков",
                    "Компьютерный класс",
                    "Возьмите своё устройство",
                ),
            ],
        },
        "en": {
            "title": "Smartphone lesson: getting started with the TalkBack screen reader",
            "summary": (
                "Blind and low-vision readers learn to make calls, write messages and listen to "
                "audiobooks on an Android phone with TalkBack."
            ),
            "status_note": "",
            "body": (
                "<p>The lesson is led by our specialist Nurlan Zhumabekov, who uses a screen "
                "reader every day himself. Groups are limited to 8 people, so there is time for "
                "everyone.</p><p>Bring your smartphone fully charged. If you do not have one, we "
                "will lend you one of the library's.</p>"
            ),
            "programme": [
                (
                    "14:00",
                    "14:30",
                    "Turning TalkBack on; the basic gestures",
                    "Nurlan Zhumabekov",
                    "Computer room",
                    "",
                ),
                (
                    "14:30",
                    "15:15",
                    "Calls, messages and voice typing",
                    "Nurlan Zhumabekov",
                    "Computer room",
                    "",
                ),
                (
                    "15:15",
                    "16:00",
                    "Apps for listening to audiobooks",
                    "Nurlan Zhumabekov",
                    "Computer room",
                    "Bring your own device",
                ),
            ],
        },
    },
    {
        "key": "audiobook-club-abai",
        "slug": "audiobook-club-abai",
        "kind": "club",
        "venue": "reading-hall",
        "organiser": "library",
        "audience": "readers",
        "days": 2,
        "start": "15:00",
        "end": "16:30",
        "status": "scheduled",
        "capacity": None,
        "kk": {
            "title": "Аудиокітап тыңдау клубы: Абайдың қара сөздері",
            "summary": (
                "Клуб мүшелері Абай Құнанбайұлының қара сөздерінен таңдамаларды тыңдап, олардың "
                "бүгінгі өмірге қатысын талқылайды."
            ),
            "status_note": "",
            "body": (
                "<p>Бұл отырыста Абайдың бірнеше қара сөзін тыңдаймыз: еңбек, білім және уақытты "
                "бағалау туралы. Әр сөзден кейін қысқаша талқылау болады.</p><p>Клубқа кез келген "
                "оқырман келе алады, алдын ала жазылу қажет емес. Алғаш рет келе жатсаңыз, "
                "сүйемелдеуші сізді «Оқырман» аялдамасында күтіп алады, тек алдын ала қоңырау "
                "шалыңыз.</p>"
            ),
            "programme": [
                (
                    "15:00",
                    "15:10",
                    "Қара сөздер туралы қысқаша",
                    "Сәуле Төлегенова",
                    "Оқу залы",
                    "",
                ),
                (
                    "15:10",
                    "16:00",
                    "Таңдамалы қара сөздерді тыңдау және талқылау",
                    "",
                    "Оқу залы",
                    "",
                ),
                (
                    "16:00",
                    "16:30",
                    "Шай үстінде әңгіме, келесі айдың кітабын таңдау",
                    "",
                    "Оқу залы",
                    "",
                ),
            ],
        },
        "ru": {
            "title": "Клуб слушателей аудиокниг: «Слова назидания» Абая",
            "summary": (
                "Участники клуба слушают избранные «Слова назидания» Абая Кунанбаева и обсуждают, "
                "как они звучат сегодня."
            ),
            "status_note": "",
            "body": (
                "<p>На этой встрече слушаем несколько «Слов назидания» Абая — о труде, о знании и "
                "о том, как ценить время. После каждого слова — короткое "
                "обсуждение.</p><p>Приходить может любой читатель, записываться заранее не нужно. "
                "Если вы у нас впервые, сопровождающий встретит вас на остановке «Окырман» — "
                "только позвоните заранее.</p>"
            ),
            "programme": [
                (
                    "15:00",
                    "15:10",
                    "Коротко о «Словах назидания»",
                    "Сауле Тулегенова",
                    "Читальный зал",
                    "",
                ),
                (
                    "15:10",
                    "16:00",
                    "Слушаем и обсуждаем избранные «Слова»",
                    "",
                    "Читальный зал",
                    "",
                ),
                (
                    "16:00",
                    "16:30",
                    "Разговор за чаем, выбираем книгу на следующий месяц",
                    "",
                    "Читальный зал",
                    "",
                ),
            ],
        },
        "en": {
            "title": "Audiobook club: Abai's Book of Words",
            "summary": (
                "Club members listen to selected chapters of Abai Kunanbayev's Book of Words and "
                "discuss what they mean today."
            ),
            "status_note": "",
            "body": (
                "<p>At this meeting we listen to several of Abai's “words”: on work, on knowledge "
                "and on valuing time. Each one is followed by a short discussion.</p><p>Any reader "
                "is welcome, and there is no need to book. If you are coming for the first time, "
                "an escort will meet you at the Okyrman bus stop — just phone ahead.</p>"
            ),
            "programme": [
                (
                    "15:00",
                    "15:10",
                    "A few words about the Book of Words",
                    "Saule Tolegenova",
                    "Reading hall",
                    "",
                ),
                (
                    "15:10",
                    "16:00",
                    "Listening to and discussing selected chapters",
                    "",
                    "Reading hall",
                    "",
                ),
                (
                    "16:00",
                    "16:30",
                    "Tea and talk; choosing next month's book",
                    "",
                    "Reading hall",
                    "",
                ),
            ],
        },
    },
    {
        "key": "disability-day-concert",
        "slug": "disability-day-concert",
        "kind": "meeting",
        "venue": "conference-hall",
        "organiser": "library",
        "audience": "disability-groups",
        "days": 8,
        "start": "11:00",
        "end": "13:00",
        "status": "scheduled",
        "capacity": 80,
        "kk": {
            "title": (
                "Мүгедектігі бар адамдардың халықаралық күні: «Жүректен жүрекке» кездесу-концерті"
            ),
            "summary": (
                "Мүгедектігі бар адамдардың халықаралық күніне орай оқырмандарымызды ән, күй және "
                "өлең тыңдалатын шығармашылық кездесуге шақырамыз."
            ),
            "status_note": "",
            "body": (
                "<p>Кездесуде «Жанарым менің жүрегім» фестивалінің жеңімпаздары өнер көрсетеді, "
                "кітапхананың белсенді оқырмандарына <b>алғыс хат</b> табысталады. Кездесуге "
                "қоғамдық бірлестіктердің өкілдері қатысады.</p><p>Сүйемелдеушімен келетін "
                "қонақтарға алдыңғы қатарлардан орын сақталады. Кітапханаға жетуге көмек керек "
                "болса, алдын ала қоңырау шалыңыз.</p>"
            ),
            "programme": [
                ("11:00", "11:15", "Құттықтау сөз", "Айгүл Сәрсенбаева", "Конференц-зал", ""),
                (
                    "11:15",
                    "12:15",
                    "Концерт: фестиваль жеңімпаздары өнер көрсетеді",
                    "Ержан Бекболатов, Марат Қасымов",
                    "Конференц-зал",
                    "",
                ),
                ("12:15", "12:40", "Белсенді оқырмандарды марапаттау", "", "Конференц-зал", ""),
                ("12:40", "13:00", "Шай үстінде әңгіме", "", "Фойе", ""),
            ],
        },
        "ru": {
            "title": (
                "Международный день людей с инвалидностью: встреча-концерт «От сердца к сердцу»"
            ),
            "summary": (
                "В Международный день людей с инвалидностью приглашаем наших читателей на "
                "творческую встречу: песни, кюи и стихи."
            ),
            "status_note": "",
            "body": (
                "<p>На встрече выступят победители фестиваля «Жанарым менің жүрегім», самым "
                "активным читателям библиотеки вручат <b>благодарственные письма</b>. На встречу "
                "придут представители общественных объединений.</p><p>Гостям с сопровождающими "
                "оставим места в первых рядах. Если нужна помощь, чтобы добраться до библиотеки, "
                "позвоните заранее.</p>"
            ),
            "programme": [
                (
                    "11:00",
                    "11:15",
                    "Приветственное слово",
                    "Айгуль Сарсенбаева",
                    "Конференц-зал",
                    "",
                ),
                (
                    "11:15",
                    "12:15",
                    "Концерт: выступают победители фестиваля",
                    "Ержан Бекболатов, Марат Касымов",
                    "Конференц-зал",
                    "",
                ),
                ("12:15", "12:40", "Награждение активных читателей", "", "Конференц-зал", ""),
                ("12:40", "13:00", "Разговор за чаем", "", "Фойе", ""),
            ],
        },
        "en": {
            "title": (
                "International Day of Persons with Disabilities: “From heart to heart” meeting and "
                "concert"
            ),
            "summary": (
                "On the International Day of Persons with Disabilities we invite our readers to a "
                "gathering of songs, kuy and poetry."
            ),
            "status_note": "",
            "body": (
                "<p>Winners of the “Zhanarym menin zhuregim” festival will perform, and the "
                "library's most active readers will receive <b>letters of thanks</b>. "
                "Representatives of public associations will also attend.</p><p>Seats in the front "
                "rows are kept for guests coming with an escort. If you need help getting to the "
                "library, please phone ahead.</p>"
            ),
            "programme": [
                ("11:00", "11:15", "Welcome", "Aigul Sarsenbayeva", "Conference hall", ""),
                (
                    "11:15",
                    "12:15",
                    "Concert by the festival winners",
                    "Yerzhan Bekbolatov, Marat Kassymov",
                    "Conference hall",
                    "",
                ),
                ("12:15", "12:40", "Awards for active readers", "", "Conference hall", ""),
                ("12:40", "13:00", "Tea and conversation", "", "Foyer", ""),
            ],
        },
    },
    {
        "key": "aba-lesson-boarding-school",
        "slug": "aba-lesson-boarding-school",
        "kind": "lesson",
        "venue": "boarding-school-hall",
        "organiser": "department",
        "audience": "children",
        "days": 8,
        "start": "14:30",
        "end": "15:45",
        "status": "scheduled",
        "capacity": 30,
        "kk": {
            "title": "АБА сабағы: каталог пен картотекадан кітапты қалай табуға болады",
            "summary": (
                "Мектеп-интернаттың 5–7-сынып оқушылары анықтамалық-библиографиялық аппаратпен "
                "танысып, қажетті кітапты каталог пен картотека арқылы іздеуді үйренеді."
            ),
            "status_note": "",
            "body": (
                "<p>Анықтамалық-библиографиялық аппарат (АБА) — кітапхананың каталогтары, "
                "картотекалары, анықтамалық басылымдары мен мәліметтер базасы. Сабақта оқушылар "
                "Брайль қарпімен жазылған каталог карточкаларын оқып, тақырыптық картотекадан "
                "мектеп бағдарламасына қажетті кітапты өздері тауып көреді.</p><p>Сабақ ойын "
                "түрінде өтеді: оқушылар екі командаға бөлініп, библиографтың тапсырмаларын "
                "орындайды.</p>"
            ),
            "programme": [
                (
                    "14:30",
                    "14:50",
                    "АБА дегеніміз не: каталог, картотека, анықтамалық",
                    "Гүлнар Әбдірахманова",
                    "Мәжіліс залы",
                    "",
                ),
                (
                    "14:50",
                    "15:30",
                    "«Кітапты тап» ойыны",
                    "Гүлнар Әбдірахманова, Дина Оспанова",
                    "Мәжіліс залы",
                    "Екі команда; тапсырмалар Брайль қарпімен және ірі қаріппен",
                ),
                (
                    "15:30",
                    "15:45",
                    "Қорытынды, жеңімпаз команданы марапаттау",
                    "Дина Оспанова",
                    "Мәжіліс залы",
                    "",
                ),
            ],
        },
        "ru": {
            "title": "Урок по СБА: как найти книгу по каталогу и картотеке",
            "summary": (
                "Ученики 5–7 классов школы-интерната знакомятся со справочно-библиографическим "
                "аппаратом и учатся искать нужную книгу по каталогу и картотеке."
            ),
            "status_note": "",
            "body": (
                "<p>Справочно-библиографический аппарат (СБА) — это каталоги, картотеки, "
                "справочные издания и базы данных библиотеки. На уроке ученики прочитают "
                "каталожные карточки, написанные шрифтом Брайля, и сами найдут в тематической "
                "картотеке книгу, нужную по школьной программе.</p><p>Урок проходит в форме игры: "
                "ученики делятся на две команды и выполняют задания библиографа.</p>"
            ),
            "programme": [
                (
                    "14:30",
                    "14:50",
                    "Что такое СБА: каталог, картотека, справочник",
                    "Гульнар Абдрахманова",
                    "Актовый зал",
                    "",
                ),
                (
                    "14:50",
                    "15:30",
                    "Игра «Найди книгу»",
                    "Гульнар Абдрахманова, Дина Оспанова",
                    "Актовый зал",
                    "Две команды; задания шрифтом Брайля и крупным шрифтом",
                ),
                (
                    "15:30",
                    "15:45",
                    "Итоги, награждение команды-победительницы",
                    "Дина Оспанова",
                    "Актовый зал",
                    "",
                ),
            ],
        },
        "en": {
            "title": "Library skills lesson: finding a book through the catalogue and card files",
            "summary": (
                "Pupils in grades 5–7 at the boarding school learn about the library's reference "
                "and bibliographic apparatus and practise finding books through the catalogue and "
                "card files."
            ),
            "status_note": "",
            "body": (
                "<p>The reference and bibliographic apparatus is the library's set of catalogues, "
                "card files, reference books and databases. In this lesson pupils read catalogue "
                "cards written in braille and use the subject card file to find a book they need "
                "for school.</p><p>The lesson is a game: the pupils split into two teams and "
                "complete the bibliographer's tasks.</p>"
            ),
            "programme": [
                (
                    "14:30",
                    "14:50",
                    "What is the reference apparatus? Catalogue, card file, reference book",
                    "Gulnar Abdrakhmanova",
                    "Assembly hall",
                    "",
                ),
                (
                    "14:50",
                    "15:30",
                    "Game: “Find the book”",
                    "Gulnar Abdrakhmanova, Dina Ospanova",
                    "Assembly hall",
                    "Two teams; tasks in braille and in large print",
                ),
                (
                    "15:30",
                    "15:45",
                    "Summing up and prizes for the winning team",
                    "Dina Ospanova",
                    "Assembly hall",
                    "",
                ),
            ],
        },
    },
    {
        "key": "fairy-tale-quiz-sayram",
        "slug": "fairy-tale-quiz-sayram",
        "kind": "contest",
        "venue": "sayram-branch",
        "organiser": "sayram",
        "audience": "children",
        "days": 12,
        "start": "11:00",
        "end": "12:30",
        "status": "cancelled",
        "capacity": 20,
        "kk": {
            "title": "Ертегілер еліне саяхат: балаларға арналған әдеби викторина",
            "summary": (
                "Сайрам филиалы 2–4-сынып оқушыларын қазақ халық ертегілері бойынша викторинаға "
                "шақырады."
            ),
            "status_note": (
                "Сайрам ауданының мектептерінде тұмауға байланысты карантин жарияланды, сондықтан "
                "викторина өтпейді. Оның орнына филиал кітапханашылары балаларға аудиокітаптарды "
                "үйіне апарып береді."
            ),
            "body": (
                "<p>Викторинаның сұрақтары қазақ халық ертегілері бойынша құрастырылған. Сұрақтар "
                "дауыстап оқылады, жауап беру үшін көру қажет емес, сондықтан зағип және көретін "
                "балалар бір командада ойнайды.</p><p>Әр қатысушыға Брайль қарпімен жазылған "
                "бетбелгі сыйланады.</p>"
            ),
            "programme": [
                ("11:00", "11:10", "Командалармен танысу", "Дилфуза Юсупова", "Оқу залы", ""),
                (
                    "11:10",
                    "12:10",
                    "«Ертегілер еліне саяхат» викторинасы",
                    "Дилфуза Юсупова",
                    "Оқу залы",
                    "",
                ),
                ("12:10", "12:30", "Марапаттау", "", "Оқу залы", ""),
            ],
        },
        "ru": {
            "title": "Путешествие в страну сказок: литературная викторина для детей",
            "summary": (
                "Сайрамский филиал приглашает учеников 2–4 классов на викторину по казахским "
                "народным сказкам."
            ),
            "status_note": (
                "В школах Сайрамского района объявлен карантин по гриппу, поэтому викторина не "
                "состоится. Вместо неё библиотекари филиала привезут детям аудиокниги на дом."
            ),
            "body": (
                "<p>Вопросы викторины составлены по казахским народным сказкам. Их читают вслух, и "
                "для ответа зрение не нужно, поэтому незрячие и зрячие дети играют в одной "
                "команде.</p><p>Каждому участнику подарят закладку со шрифтом Брайля.</p>"
            ),
            "programme": [
                (
                    "11:00",
                    "11:10",
                    "Знакомство с командами",
                    "Дильфуза Юсупова",
                    "Читальный зал",
                    "",
                ),
                (
                    "11:10",
                    "12:10",
                    "Викторина «Путешествие в страну сказок»",
                    "Дильфуза Юсупова",
                    "Читальный зал",
                    "",
                ),
                ("12:10", "12:30", "Награждение", "", "Читальный зал", ""),
            ],
        },
        "en": {
            "title": "A journey to the land of fairy tales: a literary quiz for children",
            "summary": (
                "The Sayram branch invites pupils in grades 2–4 to a quiz on Kazakh folk tales."
            ),
            "status_note": (
                "A flu quarantine has been declared in the schools of Sayram District, so the quiz "
                "will not take place. Instead, the branch librarians will bring audiobooks to the "
                "children at home."
            ),
            "body": (
                "<p>The questions are based on Kazakh folk tales. They are read aloud and no sight "
                "is needed to answer, so blind and sighted children play in the same "
                "team.</p><p>Every participant receives a braille bookmark.</p>"
            ),
            "programme": [
                ("11:00", "11:10", "Meet the teams", "Dilfuza Yusupova", "Reading room", ""),
                (
                    "11:10",
                    "12:10",
                    "Quiz: “A journey to the land of fairy tales”",
                    "Dilfuza Yusupova",
                    "Reading room",
                    "",
                ),
                ("12:10", "12:30", "Prizes", "", "Reading room", ""),
            ],
        },
    },
    {
        "key": "information-day",
        "slug": "information-day",
        "kind": "information-day",
        "venue": "reading-hall",
        "organiser": "department",
        "audience": "readers",
        "days": 13,
        "start": "11:00",
        "end": "13:00",
        "status": "scheduled",
        "capacity": 40,
        "kk": {
            "title": "Ақпарат күні: жаңа басылымдар мен жаңа қызметтер",
            "summary": (
                "Оқырмандарға тоқсан ішінде түскен кітаптар, журналдар мен аудиобасылымдар және "
                "кітапхананың жаңа қызметтері туралы айтып береміз."
            ),
            "status_note": "",
            "body": (
                "<p>Ақпарат күнінде библиографтар тоқсан ішінде қорға түскен Брайль қарпіндегі, "
                "ірі қаріпті және аудио басылымдарға шолу жасайды. Сондай-ақ жаңа қызметтер "
                "таныстырылады: кітапқа телефон арқылы тапсырыс беру және кітапханаға келе "
                "алмайтын оқырмандарға кітапты поштамен жіберу.</p><p>Шолудың мәтіні Брайль "
                "қарпімен және ірі қаріппен басылып, есік алдында таратылады.</p>"
            ),
            "programme": [
                (
                    "11:00",
                    "11:45",
                    "Жаңа басылымдарға шолу",
                    "Гүлнар Әбдірахманова",
                    "Оқу залы",
                    "",
                ),
                ("11:45", "12:15", "Кітапхананың жаңа қызметтері", "Жанар Мұсаева", "Оқу залы", ""),
                (
                    "12:15",
                    "13:00",
                    "Жаңа кітаптармен танысу, оқырмандардың сұрақтары",
                    "",
                    "Оқу залы",
                    "",
                ),
            ],
        },
        "ru": {
            "title": "День информации: новые издания и новые услуги",
            "summary": (
                "Расскажем читателям о книгах, журналах и аудиоизданиях, поступивших за квартал, и "
                "о новых услугах библиотеки."
            ),
            "status_note": "",
            "body": (
                "<p>В День информации библиографы сделают обзор изданий шрифтом Брайля, крупным "
                "шрифтом и в аудиоформате, поступивших в фонд за квартал. Мы также расскажем о "
                "новых услугах: заказ книг по телефону и отправка книг по почте читателям, которые "
                "не могут прийти в библиотеку.</p><p>Текст обзора, напечатанный шрифтом Брайля и "
                "крупным шрифтом, раздаётся у входа.</p>"
            ),
            "programme": [
                (
                    "11:00",
                    "11:45",
                    "Обзор новых изданий",
                    "Гульнар Абдрахманова",
                    "Читальный зал",
                    "",
                ),
                ("11:45", "12:15", "Новые услуги библиотеки", "Жанар Мусаева", "Читальный зал", ""),
                (
                    "12:15",
                    "13:00",
                    "Знакомство с новыми книгами, вопросы читателей",
                    "",
                    "Читальный зал",
                    "",
                ),
            ],
        },
        "en": {
            "title": "Information Day: new publications and new services",
            "summary": (
                "We tell readers about the books, magazines and audio editions that arrived this "
                "quarter and about the library's new services."
            ),
            "status_note": "",
            "body": (
                "<p>On Information Day our bibliographers review the braille, large-print and "
                "audio editions added to the collection this quarter. We also present new "
                "services: ordering books by phone, and sending books by post to readers who "
                "cannot come to the library.</p><p>The text of the review is handed out at the "
                "door in braille and in large print.</p>"
            ),
            "programme": [
                (
                    "11:00",
                    "11:45",
                    "Review of new publications",
                    "Gulnar Abdrakhmanova",
                    "Reading hall",
                    "",
                ),
                (
                    "11:45",
                    "12:15",
                    "The library's new services",
                    "Zhanar Mussayeva",
                    "Reading hall",
                    "",
                ),
                (
                    "12:15",
                    "13:00",
                    "Hands-on with the new books; readers' questions",
                    "",
                    "Reading hall",
                    "",
                ),
            ],
        },
    },
    {
        "key": "methodologists-day-q4",
        "slug": "methodologists-day-q4",
        "kind": "methodologists-day",
        "venue": "conference-hall",
        "organiser": "department",
        "audience": "librarians",
        "days": 15,
        "start": "10:00",
        "end": "13:00",
        "status": "scheduled",
        "capacity": 40,
        "kk": {
            "title": "Әдіскерлер күні, IV тоқсан: жыл қорытындысы және келесі жылдың жоспары",
            "summary": (
                "Кітапханашылар жыл бойы атқарылған жұмысты қорытындылап, оқырмандар "
                "сауалнамасының нәтижелерін келесі жылдың жоспарына енгізеді."
            ),
            "status_note": "",
            "body": (
                "<p>Жылдың соңғы Әдіскерлер күнінде филиалдар мен пункттер жылдық есептерінің "
                "жобасын ұсынады. Әдістемелік бөлім есеп берудің мерзімі мен нысаны туралы айтып, "
                "келесі жылдың жоспарына енетін ұсыныстарды жинайды.</p><p>Жыл ішінде үздік "
                "тәжірибе көрсеткен филиал <b>алғыс хатпен</b> марапатталады.</p>"
            ),
            "programme": [
                (
                    "10:00",
                    "10:45",
                    "Жыл қорытындысы: сандар мен жетістіктер",
                    "Айгүл Сәрсенбаева",
                    "Конференц-зал",
                    "",
                ),
                (
                    "10:45",
                    "11:30",
                    "Жылдық есептің нысаны мен мерзімі",
                    "Жанар Мұсаева",
                    "Конференц-зал",
                    "",
                ),
                ("11:30", "11:45", "Үзіліс", "", "Фойе", ""),
                (
                    "11:45",
                    "12:30",
                    "Келесі жылдың жоспары: сауалнама нәтижелері бойынша ұсыныстар",
                    "",
                    "Конференц-зал",
                    "",
                ),
                (
                    "12:30",
                    "13:00",
                    "Үздік тәжірибе: филиалды марапаттау",
                    "Айгүл Сәрсенбаева",
                    "Конференц-зал",
                    "",
                ),
            ],
        },
        "ru": {
            "title": "День методиста, IV квартал: итоги года и план на следующий год",
            "summary": (
                "Библиотекари подводят итоги года и вносят в план на следующий год результаты "
                "анкетирования читателей."
            ),
            "status_note": "",
            "body": (
                "<p>На последнем в году Дне методиста филиалы и пункты представят проекты годовых "
                "отчётов. Методический отдел расскажет о сроках и форме отчётности и соберёт "
                "предложения в план на следующий год.</p><p>Филиал, показавший лучший опыт за год, "
                "будет награждён <b>благодарственным письмом</b>.</p>"
            ),
            "programme": [
                (
                    "10:00",
                    "10:45",
                    "Итоги года: цифры и достижения",
                    "Айгуль Сарсенбаева",
                    "Конференц-зал",
                    "",
                ),
                (
                    "10:45",
                    "11:30",
                    "Форма и сроки годового отчёта",
                    "Жанар Мусаева",
                    "Конференц-зал",
                    "",
                ),
                ("11:30", "11:45", "Перерыв", "", "Фойе", ""),
                (
                    "11:45",
                    "12:30",
                    "План на следующий год: предложения по итогам анкетирования",
                    "",
                    "Конференц-зал",
                    "",
                ),
                (
                    "12:30",
                    "13:00",
                    "Лучший опыт: награждение филиала",
                    "Айгуль Сарсенбаева",
                    "Конференц-зал",
                    "",
                ),
            ],
        },
        "en": {
            "title": "Methodologists' Day, fourth quarter: the year in review and next year's plan",
            "summary": (
                "Librarians review the year's work and build the results of the readers' survey "
                "into next year's plan."
            ),
            "status_note": "",
            "body": (
                "<p>At the last Methodologists' Day of the year, the branches and service points "
                "present drafts of their annual reports. The methodology department explains the "
                "format and deadlines for reporting and collects proposals for next year's "
                "plan.</p><p>The branch with the best practice of the year will receive a "
                "<b>letter of thanks</b>.</p>"
            ),
            "programme": [
                (
                    "10:00",
                    "10:45",
                    "The year in review: figures and achievements",
                    "Aigul Sarsenbayeva",
                    "Conference hall",
                    "",
                ),
                (
                    "10:45",
                    "11:30",
                    "The annual report: format and deadlines",
                    "Zhanar Mussayeva",
                    "Conference hall",
                    "",
                ),
                ("11:30", "11:45", "Break", "", "Foyer", ""),
                (
                    "11:45",
                    "12:30",
                    "Next year's plan: proposals from the survey results",
                    "",
                    "Conference hall",
                    "",
                ),
                (
                    "12:30",
                    "13:00",
                    "Best practice: an award for a branch",
                    "Aigul Sarsenbayeva",
                    "Conference hall",
                    "",
                ),
            ],
        },
    },
    {
        "key": "braille-fairy-tales-launch",
        "slug": "braille-fairy-tales-launch",
        "kind": "meeting",
        "venue": "reading-hall",
        "organiser": "library",
        "audience": "everyone",
        "days": 23,
        "start": "15:00",
        "end": "16:30",
        "status": "postponed",
        "capacity": 40,
        "kk": {
            "title": "Кітап тұсаукесері: Брайль қарпімен басылған «Қазақ ертегілері» жинағы",
            "summary": (
                "Кітапхананың өз басылымы — зағип балаларға арналған, бедерлі суреттері бар қазақ "
                "ертегілерінің жинағы таныстырылады."
            ),
            "status_note": (
                "Жинақтың таралымы баспаханадан әлі келген жоқ, сондықтан тұсаукесер қаңтарға "
                "ауыстырылды. Жаңа күні осы бетте жарияланады және оқырмандарға телефон арқылы "
                "хабарланады."
            ),
            "body": (
                "<p>Әдістемелік бөлім үйлестірген жинаққа он қазақ халық ертегісі енді. Мәтін "
                "Брайль қарпімен басылған, әр ертегіде бедерлі суреттер бар, ал кітаптың аудио "
                "нұсқасын кітапхана оқырмандары дыбыстады.</p><p>Тұсаукесерде дыбыстауға қатысқан "
                "оқырмандар мен суреттерді жасаған тифлопедагог сөз алады. Жинақ филиалдарға және "
                "мектеп-интернатқа таратылады.</p>"
            ),
            "programme": [
                ("15:00", "15:20", "Жинақ қалай жасалды", "Айгүл Сәрсенбаева", "Оқу залы", ""),
                (
                    "15:20",
                    "15:50",
                    "Бедерлі суреттер: қалай жасалады, қалай «оқылады»",
                    "Елена Павленко",
                    "Оқу залы",
                    "",
                ),
                (
                    "15:50",
                    "16:30",
                    "Ертегі оқу: Брайль қарпіндегі және аудио нұсқа",
                    "Мектеп-интернат оқушылары",
                    "Оқу залы",
                    "",
                ),
            ],
        },
        "ru": {
            "title": "Презентация книги: сборник «Казахские сказки» шрифтом Брайля",
            "summary": (
                "Представляем собственное издание библиотеки — сборник казахских сказок с "
                "рельефными иллюстрациями для незрячих детей."
            ),
            "status_note": (
                "Тираж сборника ещё не пришёл из типографии, поэтому презентация переносится на "
                "январь. Новую дату мы объявим на этой странице и сообщим читателям по телефону."
            ),
            "body": (
                "<p>В сборник, подготовленный при участии методического отдела, вошли десять "
                "казахских народных сказок. Текст напечатан шрифтом Брайля, в каждой сказке есть "
                "рельефные иллюстрации, а аудиоверсию книги озвучили читатели библиотеки.</p><p>На "
                "презентации выступят читатели, участвовавшие в озвучивании, и тифлопедагог, "
                "создавший иллюстрации. Сборник получат филиалы и школа-интернат.</p>"
            ),
            "programme": [
                (
                    "15:00",
                    "15:20",
                    "Как создавался сборник",
                    "Айгуль Сарсенбаева",
                    "Читальный зал",
                    "",
                ),
                (
                    "15:20",
                    "15:50",
                    "Рельефные иллюстрации: как их делают и как их «читают»",
                    "Елена Павленко",
                    "Читальный зал",
                    "",
                ),
                (
                    "15:50",
                    "16:30",
                    "Читаем сказки: шрифт Брайля и аудиоверсия",
                    "Ученики школы-интерната",
                    "Читальный зал",
                    "",
                ),
            ],
        },
        "en": {
            "title": "Book launch: “Kazakh Fairy Tales” in braille",
            "summary": (
                "We present the library's own publication: a collection of Kazakh fairy tales with "
                "tactile pictures for blind children."
            ),
            "status_note": (
                "The print run has not yet arrived from the printers, so the launch is moving to "
                "January. We will announce the new date on this page and let readers know by phone."
            ),
            "body": (
                "<p>The collection, prepared with the methodology department, contains ten Kazakh "
                "folk tales. The text is printed in braille, each tale has tactile pictures, and "
                "the audio version was recorded by the library's readers.</p><p>At the launch you "
                "will hear from the readers who made the recording and from the specialist teacher "
                "who made the pictures. Copies will go to the branches and to the boarding "
                "school.</p>"
            ),
            "programme": [
                (
                    "15:00",
                    "15:20",
                    "How the collection was made",
                    "Aigul Sarsenbayeva",
                    "Reading hall",
                    "",
                ),
                (
                    "15:20",
                    "15:50",
                    "Tactile pictures: how they are made and how they are “read”",
                    "Yelena Pavlenko",
                    "Reading hall",
                    "",
                ),
                (
                    "15:50",
                    "16:30",
                    "Reading the tales: braille and audio",
                    "Pupils of the boarding school",
                    "Reading hall",
                    "",
                ),
            ],
        },
    },
    {
        "key": "new-year-tales-boarding-school",
        "slug": "new-year-tales-boarding-school",
        "kind": "reading",
        "venue": "boarding-school-hall",
        "organiser": "boarding-school",
        "audience": "children",
        "days": 27,
        "start": "14:00",
        "end": "15:30",
        "status": "scheduled",
        "capacity": 120,
        "kk": {
            "title": "Жаңа жылдық ертегі: мектеп-интернатта дауыстап оқу",
            "summary": (
                "Кітапхана пунктінің қызметкерлері мен оқырмандар мектеп-интернат оқушыларына жаңа "
                "жылдық ертегілерді дауыстап оқып, шағын қойылым көрсетеді."
            ),
            "status_note": "",
            "body": (
                "<p>Жаңа жыл алдында мектеп-интернаттың мәжіліс залында қысқы ертегілер оқылады. "
                "Ертегілердің бірін кітапхананың ересек оқырмандары рөлге бөліп оқиды, ал балалар "
                "дыбыстық эффектілер арқылы оқиғаға қатысады.</p><p>Кеш соңында кітапхана пункті "
                "әр сыныпқа Брайль қарпімен басылған жаңа кітаптар сыйлайды.</p>"
            ),
            "programme": [
                ("14:00", "14:10", "Сәлемдесу", "Дина Оспанова", "Мәжіліс залы", ""),
                (
                    "14:10",
                    "14:50",
                    "Қысқы ертегілерді дауыстап оқу",
                    "Сәуле Төлегенова, Әсел Қалиева",
                    "Мәжіліс залы",
                    "",
                ),
                (
                    "14:50",
                    "15:20",
                    "Рөлге бөліп оқу: дыбыстық ертегі",
                    "Кітапхана оқырмандары",
                    "Мәжіліс залы",
                    "Дыбыстық эффектілерді балалар өздері жасайды",
                ),
                ("15:20", "15:30", "Сыныптарға кітап сыйлау", "Дина Оспанова", "Мәжіліс залы", ""),
            ],
        },
        "ru": {
            "title": "Новогодняя сказка: громкие чтения в школе-интернате",
            "summary": (
                "Сотрудники библиотечного пункта и читатели читают вслух новогодние сказки для "
                "учеников школы-интерната и показывают небольшой спектакль."
            ),
            "status_note": "",
            "body": (
                "<p>Перед Новым годом в актовом зале школы-интерната звучат зимние сказки. Одну из "
                "них взрослые читатели библиотеки читают по ролям, а дети участвуют в истории с "
                "помощью звуковых эффектов.</p><p>В конце библиотечный пункт подарит каждому "
                "классу новые книги шрифтом Брайля.</p>"
            ),
            "programme": [
                ("14:00", "14:10", "Приветствие", "Дина Оспанова", "Актовый зал", ""),
                (
                    "14:10",
                    "14:50",
                    "Читаем вслух зимние сказки",
                    "Сауле Тулегенова, Асель Калиева",
                    "Актовый зал",
                    "",
                ),
                (
                    "14:50",
                    "15:20",
                    "Чтение по ролям: звуковая сказка",
                    "Читатели библиотеки",
                    "Актовый зал",
                    "Звуковые эффекты дети делают сами",
                ),
                ("15:20", "15:30", "Книги в подарок классам", "Дина Оспанова", "Актовый зал", ""),
            ],
        },
        "en": {
            "title": "A New Year tale: reading aloud at the boarding school",
            "summary": (
                "Service-point staff and library readers read New Year stories aloud to the pupils "
                "of the boarding school and put on a short show."
            ),
            "status_note": "",
            "body": (
                "<p>Before New Year, winter tales are read in the boarding school's assembly hall. "
                "Adult readers of the library perform one of them in parts, and the children join "
                "in with sound effects.</p><p>At the end, the library service point gives every "
                "class new braille books.</p>"
            ),
            "programme": [
                ("14:00", "14:10", "Welcome", "Dina Ospanova", "Assembly hall", ""),
                (
                    "14:10",
                    "14:50",
                    "Winter tales read aloud",
                    "Saule Tolegenova, Assel Kaliyeva",
                    "Assembly hall",
                    "",
                ),
                (
                    "14:50",
                    "15:20",
                    "A story in parts, with sound",
                    "Library readers",
                    "Assembly hall",
                    "The children make the sound effects",
                ),
                ("15:20", "15:30", "Books for every class", "Dina Ospanova", "Assembly hall", ""),
            ],
        },
    },
    {
        "key": "braille-books-exhibition",
        "slug": "braille-books-exhibition",
        "kind": "exhibition",
        "venue": "reading-hall",
        "organiser": "library",
        "audience": "everyone",
        "days": 40,
        "start": "10:00",
        "end": "17:00",
        "duration_days": 14,
        "all_day": True,
        "status": "scheduled",
        "capacity": None,
        "kk": {
            "title": "«Саусақпен оқылатын кітаптар»: Брайль қарпімен басылған кітаптар көрмесі",
            "summary": (
                "Дүниежүзілік Брайль күніне орай екі апталық көрме: Брайль қарпімен басылған "
                "кітаптар, бедерлі суреттері бар балалар кітаптары және Брайль жазуына арналған "
                "құралдар."
            ),
            "status_note": "",
            "body": (
                "<p>Луи Брайль 1809 жылы 4 қаңтарда дүниеге келген, оның туған күні Дүниежүзілік "
                "Брайль күні ретінде аталып өтеді. Көрмеде кітапхана қорындағы ең көне және ең "
                "жаңа Брайль басылымдары, қазақ тіліндегі кітаптар, бедерлі суреттері бар балалар "
                "кітаптары, сондай-ақ Брайль жазуына арналған прибор мен грифель және Брайль "
                "дисплейі қойылады.</p><p>Экспонаттарды қолмен ұстап көруге болады. Көрме "
                "кітапхананың жұмыс уақытында ашық; топпен келсеңіз, экскурсияға алдын ала "
                "жазылыңыз.</p>"
            ),
            "programme": [
                (
                    "10:00",
                    "10:30",
                    "Көрменің ашылуы",
                    "Сәуле Төлегенова",
                    "Оқу залы",
                    "Бірінші күні",
                ),
                (
                    "10:30",
                    "11:30",
                    "Экскурсия: экспонаттармен қол арқылы танысу",
                    "Сергей Ли",
                    "Оқу залы",
                    "Бірінші күні; кейін топтарға алдын ала жазылу бойынша",
                ),
                (
                    "14:00",
                    "15:00",
                    "Шеберхана: атыңды Брайль қарпімен жаз",
                    "Елена Павленко",
                    "Оқу залы",
                    "Бірінші күні",
                ),
            ],
        },
        "ru": {
            "title": "«Книги, которые читают пальцами»: выставка книг шрифтом Брайля",
            "summary": (
                "Двухнедельная выставка ко Всемирному дню Брайля: книги шрифтом Брайля, детские "
                "книги с рельефными иллюстрациями и приспособления для письма по Брайлю."
            ),
            "status_note": "",
            "body": (
                "<p>Луи Брайль родился 4 января 1809 года, и его день рождения отмечается как "
                "Всемирный день Брайля. На выставке — самые старые и самые новые издания шрифтом "
                "Брайля из фонда библиотеки, книги на казахском языке, детские книги с рельефными "
                "иллюстрациями, а также прибор и грифель для письма по Брайлю и брайлевский "
                "дисплей.</p><p>Экспонаты можно трогать руками. Выставка открыта в часы работы "
                "библиотеки; группам нужно заранее записаться на экскурсию.</p>"
            ),
            "programme": [
                (
                    "10:00",
                    "10:30",
                    "Открытие выставки",
                    "Сауле Тулегенова",
                    "Читальный зал",
                    "В первый день",
                ),
                (
                    "10:30",
                    "11:30",
                    "Экскурсия: знакомимся с экспонатами на ощупь",
                    "Сергей Ли",
                    "Читальный зал",
                    "В первый день; потом — для групп по предварительной записи",
                ),
                (
                    "14:00",
                    "15:00",
                    "Мастер-класс: напиши своё имя шрифтом Брайля",
                    "Елена Павленко",
                    "Читальный зал",
                    "В первый день",
                ),
            ],
        },
        "en": {
            "title": "“Books you read with your fingers”: an exhibition of braille books",
            "summary": (
                "A two-week exhibition for World Braille Day: braille books, children's books with "
                "tactile pictures, and tools for writing braille."
            ),
            "status_note": "",
            "body": (
                "<p>Louis Braille was born on 4 January 1809, and his birthday is marked as World "
                "Braille Day. The exhibition shows the oldest and the newest braille editions in "
                "the library's collection, books in Kazakh, children's books with tactile "
                "pictures, a braille slate and stylus, and a braille display.</p><p>You are "
                "welcome to touch the exhibits. The exhibition is open during library hours; "
                "groups should book a guided tour in advance.</p>"
            ),
            "programme": [
                (
                    "10:00",
                    "10:30",
                    "Opening of the exhibition",
                    "Saule Tolegenova",
                    "Reading hall",
                    "First day",
                ),
                (
                    "10:30",
                    "11:30",
                    "Guided tour: exploring the exhibits by touch",
                    "Sergey Li",
                    "Reading hall",
                    "First day; afterwards for groups by appointment",
                ),
                (
                    "14:00",
                    "15:00",
                    "Workshop: write your name in braille",
                    "Yelena Pavlenko",
                    "Reading hall",
                    "First day",
                ),
            ],
        },
    },
    {
        "key": "audiobook-club-ulpan",
        "slug": "audiobook-club-ulpan",
        "kind": "club",
        "venue": "reading-hall",
        "organiser": "library",
        "audience": "readers",
        "days": 50,
        "start": "15:00",
        "end": "16:30",
        "status": "scheduled",
        "capacity": None,
        "kk": {
            "title": "Аудиокітап тыңдау клубы: Ғабит Мүсірепов, «Ұлпан»",
            "summary": (
                "Жаңа жылдың алғашқы отырысында Ғабит Мүсіреповтің «Ұлпан» романынан тарауларды "
                "тыңдап, талқылаймыз."
            ),
            "status_note": "",
            "body": (
                "<p>«Ұлпан» — ақылды да қайратты қазақ әйелі туралы роман. Бұл отырыста романның "
                "алғашқы тарауларын бірге тыңдаймыз, қалғанын клуб мүшелері үйде тыңдап, келесі "
                "айда талқылайды.</p><p>Аудиокітапты флешкаға көшіріп алуға немесе кітапхананың "
                "DAISY-ойнатқышын уақытша алып кетуге болады.</p>"
            ),
            "programme": [
                ("15:00", "15:10", "Роман және жазушы туралы", "Сәуле Төлегенова", "Оқу залы", ""),
                ("15:10", "16:00", "Алғашқы тарауларды тыңдау", "", "Оқу залы", ""),
                (
                    "16:00",
                    "16:30",
                    "Талқылау, аудиокітапты үйге алу",
                    "",
                    "Оқу залы",
                    "Флешкаңызды ала келіңіз",
                ),
            ],
        },
        "ru": {
            "title": "Клуб слушателей аудиокниг: Габит Мусрепов, «Улпан её имя»",
            "summary": (
                "На первой встрече года слушаем и обсуждаем главы романа Габита Мусрепова «Улпан "
                "её имя»."
            ),
            "status_note": "",
            "body": (
                "<p>«Улпан её имя» — роман об умной и сильной казахской женщине. На встрече вместе "
                "послушаем первые главы, а остальное участники клуба дослушают дома и обсудят в "
                "следующем месяце.</p><p>Аудиокнигу можно скопировать на флешку или взять на время "
                "плеер DAISY из библиотеки.</p>"
            ),
            "programme": [
                ("15:00", "15:10", "О романе и писателе", "Сауле Тулегенова", "Читальный зал", ""),
                ("15:10", "16:00", "Слушаем первые главы", "", "Читальный зал", ""),
                (
                    "16:00",
                    "16:30",
                    "Обсуждение, аудиокнига домой",
                    "",
                    "Читальный зал",
                    "Возьмите с собой флешку",
                ),
            ],
        },
        "en": {
            "title": "Audiobook club: Gabit Musrepov's “Ulpan”",
            "summary": (
                "At the first meeting of the year we listen to and discuss chapters of Gabit "
                "Musrepov's novel “Ulpan”."
            ),
            "status_note": "",
            "body": (
                "<p>“Ulpan” is a novel about a wise and strong-willed Kazakh woman. We listen to "
                "the first chapters together; members finish the book at home and discuss it next "
                "month.</p><p>You can copy the audiobook to a USB stick or borrow one of the "
                "library's DAISY players.</p>"
            ),
            "programme": [
                (
                    "15:00",
                    "15:10",
                    "About the novel and its author",
                    "Saule Tolegenova",
                    "Reading hall",
                    "",
                ),
                ("15:10", "16:00", "Listening to the first chapters", "", "Reading hall", ""),
                (
                    "16:00",
                    "16:30",
                    "Discussion; taking the audiobook home",
                    "",
                    "Reading hall",
                    "Bring a USB stick",
                ),
            ],
        },
    },
    {
        "key": "computer-literacy-magnifier",
        "slug": "computer-literacy-magnifier",
        "kind": "lesson",
        "venue": "reading-hall",
        "organiser": "library",
        "audience": "readers",
        "days": 56,
        "start": "14:00",
        "end": "16:00",
        "status": "scheduled",
        "capacity": 8,
        "kk": {
            "title": "Компьютерлік сауаттылық сабағы: әлсіз көретіндерге арналған экран үлкейткіш",
            "summary": (
                "Әлсіз көретін оқырмандар Windows жүйесіндегі экран үлкейткішті, жоғары контрасты "
                "режимді және мәтінді дауыстап оқытуды баптауды үйренеді."
            ),
            "status_note": "",
            "body": (
                "<p>Сабақ компьютерді енді ғана меңгеріп жүрген әлсіз көретін оқырмандарға "
                "арналған. Қатысушылар өзіне ыңғайлы үлкейту деңгейін, курсордың өлшемі мен түсін, "
                "жоғары контрасты тақырыпты таңдап, осы баптауларды өз компьютерінде қалай "
                "қайталауға болатынын үйренеді.</p><p>Топта 8 адамнан аспайды. Әр қатысушыға ірі "
                "қаріппен басылған жадынама беріледі.</p>"
            ),
            "programme": [
                (
                    "14:00",
                    "14:40",
                    "Экран үлкейткіш: қосу, үлкейту деңгейі, көрініс режимдері",
                    "Нұрлан Жұмабеков",
                    "Компьютер сыныбы",
                    "",
                ),
                (
                    "14:40",
                    "15:20",
                    "Курсор, қаріп өлшемі, жоғары контрасты тақырып",
                    "Нұрлан Жұмабеков",
                    "Компьютер сыныбы",
                    "",
                ),
                (
                    "15:20",
                    "16:00",
                    "Мәтінді дауыстап оқыту; сұрақтарға жауап",
                    "Нұрлан Жұмабеков",
                    "Компьютер сыныбы",
                    "Ірі қаріпті жадынама беріледі",
                ),
            ],
        },
        "ru": {
            "title": "Урок компьютерной грамотности: экранная лупа для слабовидящих",
            "summary": (
                "Слабовидящие читатели научатся настраивать экранную лупу Windows, режим высокой "
                "контрастности и чтение текста вслух."
            ),
            "status_note": "",
            "body": (
                "<p>Урок для слабовидящих читателей, которые только начинают осваивать компьютер. "
                "Участники подберут удобное увеличение, размер и цвет курсора, тему высокой "
                "контрастности и узнают, как повторить эти настройки на своём компьютере.</p><p>В "
                "группе не больше 8 человек. Каждый участник получит памятку, напечатанную крупным "
                "шрифтом.</p>"
            ),
            "programme": [
                (
                    "14:00",
                    "14:40",
                    "Экранная лупа: включение, увеличение, режимы просмотра",
                    "Нурлан Жумабеков",
                    "Компьютерный класс",
                    "",
                ),
                (
                    "14:40",
                    "15:20",
                    "Курсор, размер шрифта, тема высокой контрастности",
                    "Нурлан Жумабеков",
                    "Компьютерный класс",
                    "",
                ),
                (
                    "15:20",
                    "16:00",
                    "Чтение текста вслух; ответы на вопросы",
                    "Нурлан Жумабеков",
                    "Компьютерный класс",
                    "Выдаётся памятка крупным шрифтом",
                ),
            ],
        },
        "en": {
            "title": "Computer skills lesson: the screen magnifier for low-vision users",
            "summary": (
                "Low-vision readers learn to set up Windows Magnifier, high-contrast mode and "
                "having text read aloud."
            ),
            "status_note": "",
            "body": (
                "<p>This lesson is for low-vision readers who are just starting out with "
                "computers. Participants choose a comfortable zoom level, cursor size and colour, "
                "and a high-contrast theme, and learn how to set them up again on their own "
                "computers.</p><p>Groups are limited to 8 people. Everyone receives a large-print "
                "handout.</p>"
            ),
            "programme": [
                (
                    "14:00",
                    "14:40",
                    "Magnifier: turning it on, zoom levels, views",
                    "Nurlan Zhumabekov",
                    "Computer room",
                    "",
                ),
                (
                    "14:40",
                    "15:20",
                    "Cursor, text size and high-contrast themes",
                    "Nurlan Zhumabekov",
                    "Computer room",
                    "",
                ),
                (
                    "15:20",
                    "16:00",
                    "Having text read aloud; questions and answers",
                    "Nurlan Zhumabekov",
                    "Computer room",
                    "Large-print handout provided",
                ),
            ],
        },
    },
    {
        "key": "writer-meeting-seitkulov",
        "slug": "writer-meeting-seitkulov",
        "kind": "meeting",
        "venue": "conference-hall",
        "organiser": "tolebi",
        "audience": "everyone",
        "days": 63,
        "start": "15:00",
        "end": "17:00",
        "status": "scheduled",
        "capacity": 80,
        "kk": {
            "title": "Жазушы Ерлан Сейітқұловпен кездесу",
            "summary": (
                "Төлеби ауданының жазушысы Ерлан Сейітқұлов «Тау самалы» атты жаңа кітабы және "
                "оның аудио нұсқасы туралы әңгімелейді."
            ),
            "status_note": "",
            "body": (
                "<p>Ерлан Сейітқұлов — Ленгір қаласында тұратын прозаик, Төлеби филиалының көптен "
                "бергі оқырманы. Оның «Тау самалы» кітабы таулы ауылдардың тұрмысы туралы "
                "әңгімелерден құралған. Кітаптың аудио нұсқасын жазушы өзі оқып "
                "жазды.</p><p>Төлеби ауданының оқырмандары кездесуге арнайы автобуспен келеді. "
                "Кездесу соңында жазушы кітабының Брайль қарпімен басылған данасын кітапхана "
                "қорына тапсырады.</p>"
            ),
            "programme": [
                ("15:00", "15:10", "Кездесуді ашу", "Бақыт Нұрмағанбетова", "Конференц-зал", ""),
                (
                    "15:10",
                    "15:40",
                    "Жазушы өз шығармашылығы туралы",
                    "Ерлан Сейітқұлов",
                    "Конференц-зал",
                    "",
                ),
                (
                    "15:40",
                    "16:10",
                    "Автор кітабынан үзінді оқиды",
                    "Ерлан Сейітқұлов",
                    "Конференц-зал",
                    "",
                ),
                ("16:10", "16:45", "Оқырмандардың сұрақтары", "", "Конференц-зал", ""),
                (
                    "16:45",
                    "17:00",
                    "Кітаптың Брайль нұсқасын кітапхана қорына тапсыру",
                    "Ерлан Сейітқұлов",
                    "Конференц-зал",
                    "",
                ),
            ],
        },
        "ru": {
            "title": "Встреча с писателем Ерланом Сеиткуловым",
            "summary": (
                "Писатель из Толебийского района Ерлан Сеиткулов расскажет о своей новой книге "
                "«Тау самалы» («Горный ветер») и её аудиоверсии."
            ),
            "status_note": "",
            "body": (
                "<p>Ерлан Сеиткулов — прозаик из города Ленгер, давний читатель Толебийского "
                "филиала. Его книга «Тау самалы» — это рассказы о жизни горных аулов. Аудиоверсию "
                "книги писатель записал сам.</p><p>Читатели из Толебийского района приедут на "
                "встречу на специальном автобусе. В конце встречи писатель передаст в фонд "
                "библиотеки экземпляр своей книги, напечатанный шрифтом Брайля.</p>"
            ),
            "programme": [
                ("15:00", "15:10", "Открытие встречи", "Бахыт Нурмаганбетова", "Конференц-зал", ""),
                (
                    "15:10",
                    "15:40",
                    "Писатель о своём творчестве",
                    "Ерлан Сеиткулов",
                    "Конференц-зал",
                    "",
                ),
                (
                    "15:40",
                    "16:10",
                    "Автор читает отрывок из книги",
                    "Ерлан Сеиткулов",
                    "Конференц-зал",
                    "",
                ),
                ("16:10", "16:45", "Вопросы читателей", "", "Конференц-зал", ""),
                (
                    "16:45",
                    "17:00",
                    "Передача книги шрифтом Брайля в фонд библиотеки",
                    "Ерлан Сеиткулов",
                    "Конференц-зал",
                    "",
                ),
            ],
        },
        "en": {
            "title": "Meeting with the writer Yerlan Seitkulov",
            "summary": (
                "Yerlan Seitkulov, a writer from Tolebi District, talks about his new book “Tau "
                "samaly” (“Mountain Breeze”) and its audio version."
            ),
            "status_note": "",
            "body": (
                "<p>Yerlan Seitkulov is a prose writer from the town of Lenger and a long-time "
                "reader of the Tolebi branch. His book “Tau samaly” is a collection of stories "
                "about life in mountain villages, and he recorded the audio version "
                "himself.</p><p>Readers from Tolebi District will come to the meeting on a special "
                "bus. At the end, the writer will present a braille copy of his book to the "
                "library.</p>"
            ),
            "programme": [
                ("15:00", "15:10", "Opening", "Bakhyt Nurmaganbetova", "Conference hall", ""),
                (
                    "15:10",
                    "15:40",
                    "The writer on his work",
                    "Yerlan Seitkulov",
                    "Conference hall",
                    "",
                ),
                (
                    "15:40",
                    "16:10",
                    "The author reads from his book",
                    "Yerlan Seitkulov",
                    "Conference hall",
                    "",
                ),
                ("16:10", "16:45", "Readers' questions", "", "Conference hall", ""),
                (
                    "16:45",
                    "17:00",
                    "Presenting the braille edition to the library",
                    "Yerlan Seitkulov",
                    "Conference hall",
                    "",
                ),
            ],
        },
    },
    {
        "key": "tactile-book-workshop",
        "slug": "tactile-book-workshop",
        "kind": "lesson",
        "venue": "reading-hall",
        "organiser": "library",
        "audience": "children",
        "days": 71,
        "start": "11:00",
        "end": "13:00",
        "status": "scheduled",
        "capacity": 15,
        "kk": {
            "title": "Шеберхана: ата-аналар мен балалар бірге бедерлі кітап жасайды",
            "summary": (
                "Зағип балалар мен олардың ата-аналары тифлопедагогпен бірге матадан, картоннан "
                "және түймелерден бедерлі суретті кітап жасауды үйренеді."
            ),
            "status_note": "",
            "body": (
                "<p>Бедерлі кітаптағы суреттер саусақпен сезілетіндей етіп мата, картон, жіп және "
                "түйме арқылы жасалады. Мұндай кітап көрмейтін балаға ертегіні «көруге» "
                "көмектеседі және қолдың ұсақ моторикасын дамытады.</p><p>Шеберханада әр отбасы "
                "бір шағын кітап жасап, үйіне алып кетеді. Барлық материалды кітапхана береді. "
                "Орын саны шектеулі, алдын ала жазылыңыз.</p>"
            ),
            "programme": [
                (
                    "11:00",
                    "11:20",
                    "Бедерлі кітап дегеніміз не: үлгілермен қол арқылы танысу",
                    "Елена Павленко",
                    "Оқу залы",
                    "",
                ),
                (
                    "11:20",
                    "12:40",
                    "Өз кітабыңды жаса",
                    "Елена Павленко, Дина Оспанова",
                    "Оқу залы",
                    "Материалдарды кітапхана береді",
                ),
                ("12:40", "13:00", "Дайын кітаптарды таныстыру", "", "Оқу залы", ""),
            ],
        },
        "ru": {
            "title": "Мастер-класс: родители и дети вместе делают тактильную книгу",
            "summary": (
                "Незрячие дети и их родители вместе с тифлопедагогом учатся делать книгу с "
                "рельефными картинками из ткани, картона и пуговиц."
            ),
            "status_note": "",
            "body": (
                "<p>Картинки в тактильной книге сделаны из ткани, картона, ниток и пуговиц так, "
                "чтобы их можно было почувствовать пальцами. Такая книга помогает незрячему "
                "ребёнку «увидеть» сказку и развивает мелкую моторику.</p><p>На мастер-классе "
                "каждая семья сделает небольшую книгу и заберёт её домой. Все материалы "
                "предоставляет библиотека. Количество мест ограничено, запишитесь заранее.</p>"
            ),
            "programme": [
                (
                    "11:00",
                    "11:20",
                    "Что такое тактильная книга: знакомимся с образцами на ощупь",
                    "Елена Павленко",
                    "Читальный зал",
                    "",
                ),
                (
                    "11:20",
                    "12:40",
                    "Делаем свою книгу",
                    "Елена Павленко, Дина Оспанова",
                    "Читальный зал",
                    "Материалы предоставляет библиотека",
                ),
                ("12:40", "13:00", "Показываем готовые книги", "", "Читальный зал", ""),
            ],
        },
        "en": {
            "title": "Workshop: parents and children make a tactile book together",
            "summary": (
                "Blind children and their parents work with a specialist teacher to make a picture "
                "book with raised pictures from fabric, card and buttons."
            ),
            "status_note": "",
            "body": (
                "<p>The pictures in a tactile book are made from fabric, card, thread and buttons "
                "so that they can be felt with the fingers. Such a book helps a blind child “see” "
                "a story and develops fine motor skills.</p><p>At the workshop each family makes a "
                "small book to take home. The library provides all the materials. Places are "
                "limited, so please book in advance.</p>"
            ),
            "programme": [
                (
                    "11:00",
                    "11:20",
                    "What is a tactile book? Exploring samples by touch",
                    "Yelena Pavlenko",
                    "Reading hall",
                    "",
                ),
                (
                    "11:20",
                    "12:40",
                    "Making your own book",
                    "Yelena Pavlenko, Dina Ospanova",
                    "Reading hall",
                    "The library provides the materials",
                ),
                ("12:40", "13:00", "Showing the finished books", "", "Reading hall", ""),
            ],
        },
    },
    {
        "key": "training-serving-blind-readers",
        "slug": "training-serving-blind-readers",
        "kind": "training",
        "venue": "conference-hall",
        "organiser": "department",
        "audience": "librarians",
        "days": 84,
        "start": "10:00",
        "end": "16:00",
        "duration_days": 2,
        "status": "scheduled",
        "capacity": 40,
        "kk": {
            "title": "Тренинг: зағип және әлсіз көретін оқырмандарға қызмет көрсету",
            "summary": (
                "Облыстағы филиалдар мен пункттердің кітапханашыларына арналған екі күндік "
                "тренинг: зағип оқырманды қарсы алу, сүйемелдеу және көмекші технологиялар."
            ),
            "status_note": "",
            "body": (
                "<p>Бірінші күні қатысушылар зағип адаммен қалай сөйлесу, оны қалай дұрыс "
                "сүйемелдеу және кітапханада бағдар табуына қалай көмектесу керегін үйренеді. "
                "Жаттығуларды кітапханашылар көздерін таңып орындайды, осылайша өздерін оқырманның "
                "орнына қойып көреді.</p><p>Екінші күні көмекші технологиялар қарастырылады: "
                "экраннан оқу бағдарламалары, DAISY-ойнатқыштар, Брайль дисплейі. Тренингті "
                "аяқтағандарға <b>сертификат</b> беріледі. Филиалдар өтінімдерін тренингтен екі "
                "апта бұрын әдістемелік бөлімге жібереді.</p>"
            ),
            "programme": [
                (
                    "10:00",
                    "12:00",
                    "Бірінші күн: зағип оқырманмен қарым-қатынас әдебі",
                    "Елена Павленко",
                    "Конференц-зал",
                    "",
                ),
                (
                    "13:00",
                    "16:00",
                    "Бірінші күн: сүйемелдеу және бағдар табу, көзді таңып жаттығу",
                    "Елена Павленко, Сергей Ли",
                    "Конференц-зал",
                    "Ыңғайлы аяқкиіммен келіңіз",
                ),
                (
                    "10:00",
                    "13:00",
                    "Екінші күн: экраннан оқу бағдарламалары, DAISY-ойнатқыш, Брайль дисплейі",
                    "Нұрлан Жұмабеков",
                    "Компьютер сыныбы",
                    "",
                ),
                (
                    "14:00",
                    "16:00",
                    "Екінші күн: жағдаяттарды талдау, сертификаттарды табыстау",
                    "Айгүл Сәрсенбаева",
                    "Конференц-зал",
                    "",
                ),
            ],
        },
        "ru": {
            "title": "Тренинг: обслуживание незрячих и слабовидящих читателей",
            "summary": (
                "Двухдневный тренинг для библиотекарей филиалов и пунктов области: как встретить и "
                "сопровождать незрячего читателя, вспомогательные технологии."
            ),
            "status_note": "",
            "body": (
                "<p>В первый день участники узнают, как общаться с незрячим человеком, как "
                "правильно его сопровождать и как помочь ему ориентироваться в библиотеке. "
                "Упражнения библиотекари выполняют с повязкой на глазах и так оказываются на месте "
                "читателя.</p><p>Второй день посвящён вспомогательным технологиям: программам "
                "экранного доступа, плеерам DAISY, брайлевскому дисплею. Прошедшие тренинг получат "
                "<b>сертификаты</b>. Филиалы присылают заявки в методический отдел за две недели "
                "до тренинга.</p>"
            ),
            "programme": [
                (
                    "10:00",
                    "12:00",
                    "День первый: этикет общения с незрячим читателем",
                    "Елена Павленко",
                    "Конференц-зал",
                    "",
                ),
                (
                    "13:00",
                    "16:00",
                    "День первый: сопровождение и ориентирование, упражнения с повязкой на глазах",
                    "Елена Павленко, Сергей Ли",
                    "Конференц-зал",
                    "Приходите в удобной обуви",
                ),
                (
                    "10:00",
                    "13:00",
                    "День второй: программы экранного доступа, плеер DAISY, брайлевский дисплей",
                    "Нурлан Жумабеков",
                    "Компьютерный класс",
                    "",
                ),
                (
                    "14:00",
                    "16:00",
                    "День второй: разбор ситуаций, вручение сертификатов",
                    "Айгуль Сарсенбаева",
                    "Конференц-зал",
                    "",
                ),
            ],
        },
        "en": {
            "title": "Training: serving blind and low-vision readers",
            "summary": (
                "A two-day training for librarians from the region's branches and service points: "
                "welcoming and guiding a blind reader, and assistive technology."
            ),
            "status_note": "",
            "body": (
                "<p>On the first day participants learn how to talk with a blind person, how to "
                "guide them properly and how to help them find their way around the library. The "
                "exercises are done blindfolded, so that librarians experience the library as "
                "their readers do.</p><p>The second day is about assistive technology: screen "
                "readers, DAISY players and braille displays. Everyone who completes the training "
                "receives a <b>certificate</b>. Branches send their applications to the "
                "methodology department two weeks before the training.</p>"
            ),
            "programme": [
                (
                    "10:00",
                    "12:00",
                    "Day one: etiquette when meeting a blind reader",
                    "Yelena Pavlenko",
                    "Conference hall",
                    "",
                ),
                (
                    "13:00",
                    "16:00",
                    "Day one: guiding and orientation, blindfold exercises",
                    "Yelena Pavlenko, Sergey Li",
                    "Conference hall",
                    "Wear comfortable shoes",
                ),
                (
                    "10:00",
                    "13:00",
                    "Day two: screen readers, DAISY players, braille displays",
                    "Nurlan Zhumabekov",
                    "Computer room",
                    "",
                ),
                (
                    "14:00",
                    "16:00",
                    "Day two: case studies and certificates",
                    "Aigul Sarsenbayeva",
                    "Conference hall",
                    "",
                ),
            ],
        },
    },
]
