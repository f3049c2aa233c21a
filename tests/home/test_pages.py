"""Every page type: where it may be created, and that it renders in each
language with the right `lang` and a language switcher that reaches the
translation."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import (
    AnnouncementIndexPage,
    AnnouncementPage,
    HomePage,
    StandardPage,
    SurveyPage,
)

LANGUAGES = ("kk", "ru", "en")
PAGE_TYPES = (HomePage, StandardPage, AnnouncementIndexPage, AnnouncementPage, SurveyPage)


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_under_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)

    def test_standard_pages_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage, SurveyPage})

    def test_announcements_only_in_an_announcement_list(self):
        self.assertAllowedParentPageTypes(AnnouncementIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(AnnouncementIndexPage, {AnnouncementPage})
        self.assertAllowedParentPageTypes(AnnouncementPage, {AnnouncementIndexPage})
        self.assertAllowedSubpageTypes(AnnouncementPage, set())
        self.assertCanNotCreateAt(HomePage, AnnouncementPage)

    def test_surveys_under_home_or_a_standard_page(self):
        self.assertAllowedParentPageTypes(SurveyPage, {HomePage, StandardPage})

    def test_each_page_type_can_be_created_through_the_admin(self):
        self.login()
        home = HomePage.objects.get(locale__language_code="kk")
        index = AnnouncementIndexPage.objects.get(locale__language_code="kk")
        self.assertCanCreate(
            Page.get_first_root_node(),
            HomePage,
            nested_form_data(
                {
                    "title": "Басты бет",
                    "slug": "second-home",
                    "intro": rich_text("<p>Қош келдіңіз</p>"),
                    "quick_links": streamfield([]),
                    "announcements_count": "4",
                }
            ),
        )
        self.assertCanCreate(
            home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Жаңа бет",
                    "slug": "new-page",
                    "lead": "",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Бөлім", "level": "h2"}),
                            ("paragraph", rich_text("<p>Мәтін</p>")),
                        ]
                    ),
                }
            ),
        )
        self.assertCanCreate(
            home,
            AnnouncementIndexPage,
            nested_form_data({"title": "Жаңалықтар 2", "slug": "news-2", "intro": ""}),
        )
        self.assertCanCreate(
            index,
            AnnouncementPage,
            nested_form_data(
                {
                    "title": "Хабарландыру",
                    "slug": "new-announcement",
                    "date": "2026-11-20",
                    "lead": "Қысқаша.",
                    "image_alt": "",
                    "tags": "көрме",
                    "body": streamfield([]),
                }
            ),
        )
        about = StandardPage.objects.get(slug="about", locale__language_code="kk")
        self.assertCanCreate(
            about,
            SurveyPage,
            nested_form_data(
                {
                    "title": "Сауалнама",
                    "slug": "new-survey",
                    "intro": rich_text(""),
                    "thank_you_text": rich_text(""),
                    "form_fields": inline_formset(
                        [
                            {
                                "label": "Аты-жөніңіз",
                                "field_type": "singleline",
                                "required": "on",
                                "choices": "",
                                "default_value": "",
                                "help_text": "",
                                "autocomplete": "name",
                            }
                        ]
                    ),
                    "from_address": "",
                    "to_address": "",
                    "subject": "",
                }
            ),
        )

    def test_a_heading_that_skips_a_level_is_refused_in_the_editor(self):
        self.login()
        home = HomePage.objects.get(locale__language_code="en")
        data = nested_form_data(
            {
                "title": "Bad headings",
                "slug": "bad-headings",
                "lead": "",
                "body": streamfield([("heading", {"text": "Too deep", "level": "h4"})]),
            }
        )
        response = self.client.post(f"/admin/pages/add/home/standardpage/{home.pk}/", data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(StandardPage.objects.filter(slug="bad-headings").exists())

    def test_reserved_slugs_are_refused_under_home(self):
        home = HomePage.objects.get(locale__language_code="ru")
        page = StandardPage(title="Проверка", slug="verify")
        with pytest.raises(ValidationError) as error, translation.override("en"):
            home.add_child(instance=page)
        assert error.value.message_dict["slug"] == [
            "The address “verify” is reserved for another part of the site."
        ]


def _sample(model, code):
    return model.objects.live().filter(locale__language_code=code).first()


@pytest.mark.django_db
@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_type_renders_in_every_language(client, soup, model, code):
    page = _sample(model, code)
    assert page is not None, f"seed_demo made no {model.__name__} in {code}"
    response = client.get(page.url)
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == code
    # Kazakh words are a span of their own (lang="kk"): compare the text as read.
    assert " ".join(html.h1.get_text().split()) == page.title or model is SurveyPage
    assert html.find("main", id="main") is not None
    assert html.find("a", class_="skip-link")["href"] == "#main"


@pytest.mark.django_db
@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_language_switcher_reaches_the_translation(client, soup, model):
    page = _sample(model, "kk")
    html = soup(client.get(page.url))
    switcher = html.find("nav", class_="language-switcher")
    links = {a["hreflang"]: a for a in switcher.find_all("a")}
    assert set(links) == set(LANGUAGES)
    assert links["kk"]["aria-current"] == "true"
    for code in ("ru", "en"):
        link = links[code]
        assert link["lang"] == code
        translated = page.get_translation(page.locale.__class__.objects.get(language_code=code))
        assert link["href"] == translated.url
        response = client.get(link["href"])
        assert response.status_code == 200
        assert soup(response).html["lang"] == code
        assert soup(response).h1 is not None


@pytest.mark.django_db
def test_root_sends_visitors_to_their_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9").url == "/ru/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8").url == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE").url == "/kk/"
    assert client.get("/").url == "/kk/"


@pytest.mark.django_db
def test_breadcrumbs_and_menu_mark_the_current_page(client, soup):
    page = AnnouncementPage.objects.live().filter(locale__language_code="en").first()
    html = soup(client.get(page.url))
    crumbs = html.find("nav", class_="breadcrumbs")
    items = [a.get_text(strip=True) for a in crumbs.find_all("a")]
    assert items == ["Home", page.get_parent().title, page.title]
    assert crumbs.find_all("a")[-1]["aria-current"] == "page"
    menu = html.find("nav", class_="main-menu")
    assert menu.find("a", class_="is-ancestor").get_text(strip=True) == page.get_parent().title


@pytest.mark.django_db
def test_other_language_passages_are_marked(client, soup):
    with translation.override("ru"):
        about = StandardPage.objects.get(slug="about", locale__language_code="ru")
    html = soup(client.get(about.url))
    assert html.find(attrs={"lang": "kk"}, class_="quote") is not None


@pytest.mark.django_db
def test_footer_shows_the_site_contacts(client, soup):
    html = soup(client.get("/ru/"))
    footer = html.find("footer")
    assert footer.find("a", href="tel:+77252000000") is not None
    assert "Шымкент" in footer.get_text()


@pytest.mark.django_db
def test_other_apps_can_add_a_section_to_the_home_page(client, soup):
    from django.template import Template
    from wagtail import hooks

    section_template = Template(
        '<section aria-labelledby="upcoming"><h2 id="upcoming">Upcoming events</h2>'
        "<p>{{ section.count }} events</p></section>"
    )

    def upcoming(request, home):
        return {"template": section_template, "count": 3}

    with hooks.register_temporarily("home_page_sections", upcoming):
        html = soup(client.get("/en/"))
    assert html.find("h2", id="upcoming").find_next("p").get_text() == "3 events"
