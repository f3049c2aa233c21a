"""The demo's home pages, standard pages, announcements, readers' survey,
contact settings and superuser (demo/fixtures/home.yaml, announcements.yaml)."""

import datetime
import io
import os
import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.models import Page, Site
from wagtail.users.models import UserProfile

from demo.data import load
from demo.seeding import LANGUAGES, TreeBuilder, stream, translation_key
from home.models import (
    AnnouncementIndexPage,
    AnnouncementPage,
    ContactSettings,
    HomePage,
    StandardPage,
    SurveyField,
    SurveyPage,
)


def announcement_date(value) -> datetime.date:
    """Days before today, or a fixed date."""
    if isinstance(value, int):
        return timezone.localdate() - datetime.timedelta(days=value)
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(value)


def seed_pages(builder: TreeBuilder, locales: dict) -> dict:
    """The home page of each language and the pages under it; returns the
    home pages by language."""
    content = load("home")
    news = load("announcements")
    homes = ensure_homes(builder, locales)
    pages = {}
    for spec in content["pages"]:
        pages[spec["key"]] = builder.ensure_page(
            StandardPage,
            spec["key"],
            homes,
            slug=spec["slug"],
            show_in_menus=spec["menu"],
            fields=lambda code, s=spec: {
                "title": s[code]["title"],
                "lead": s[code]["lead"],
                "body": stream(s[code]["body"]),
            },
        )
    index_spec = news["announcement_index"]
    indexes = builder.ensure_page(
        AnnouncementIndexPage,
        "announcements",
        homes,
        slug=index_spec["slug"],
        show_in_menus=index_spec["menu"],
        fields=lambda code: {
            "title": index_spec[code]["title"],
            "intro": index_spec[code]["intro"],
        },
    )
    image = ensure_demo_image()
    for spec in news["announcements"]:
        builder.ensure_page(
            AnnouncementPage,
            f"announcement:{spec['key']}",
            indexes,
            slug=spec["slug"],
            fields=lambda code, s=spec: {
                "title": s[code]["title"],
                "lead": s[code]["lead"],
                "date": announcement_date(s["date"]),
                "body": stream(s[code]["body"]),
                **image_fields(s, code, image),
            },
            tags=lambda code, s=spec: s["tags"][code],
        )
    survey = content["survey"]
    surveys = builder.ensure_page(
        SurveyPage,
        "survey:readers-needs",
        homes,
        slug=survey["slug"],
        show_in_menus=True,
        fields=lambda code: {
            "title": survey[code]["title"],
            "intro": survey[code]["intro"],
            "thank_you_text": survey[code]["thank_you"],
        },
        children=survey_fields,
    )
    ensure_quick_links(homes, pages, indexes, surveys)
    ensure_contacts()
    return homes


def ensure_homes(builder: TreeBuilder, locales: dict) -> dict[str, HomePage]:
    content = load("home")
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    root = Page.get_first_root_node()
    key = translation_key("home")
    homes = {}
    for code in LANGUAGES:
        home = HomePage.objects.filter(translation_key=key, locale=locales[code]).first()
        if home is None:
            home = HomePage(
                title=content["home"][code]["title"],
                slug=f"home-{code}",
                intro=content["home"][code]["intro"],
                translation_key=key,
                locale=locales[code],
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            builder.created += 1
        homes[code] = home
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    if site.root_page_id != homes["kk"].pk:
        previous = site.root_page if site.pk else None
        site.root_page = homes["kk"]
        site.site_name = content["site_name"]
        site.save()
        # The "Welcome to Wagtail" page of a new install has no use here.
        if previous is not None and not isinstance(previous.specific, HomePage):
            previous.delete()
    return homes


def survey_fields(page, code):
    page.form_fields = [
        SurveyField(
            sort_order=order,
            label=field[code]["label"],
            help_text=field[code]["help"],
            field_type=field["type"],
            required=field["required"],
            choices="\n".join(field[code]["choices"]),
            autocomplete=field["autocomplete"],
        )
        for order, field in enumerate(load("home")["survey"]["fields"])
    ]


def image_fields(spec, code, image) -> dict:
    alt = spec[code].get("image_alt")
    if not alt:
        return {}
    return {"image": image, "image_alt": alt}


def ensure_quick_links(homes, pages, indexes, surveys):
    for code, home in homes.items():
        if home.quick_links:
            continue
        targets = [pages["about"][code], indexes[code], surveys[code], pages["contacts"][code]]
        home.quick_links = [("link", {"page": target, "label": ""}) for target in targets]
        home.save_revision().publish()


def demo_image() -> Image | None:
    """The demo's one picture, once seed_demo has made it."""
    return Image.objects.filter(title=load("home")["image"]["title"]).first()


def ensure_demo_image() -> Image:
    image = demo_image()
    if image is not None:
        return image
    # Pillow loads only when the demo's picture must be drawn (the first seed).
    from PIL import Image as PILImage
    from PIL import ImageDraw

    # Raised dots of braille cells: a picture, not an image of text.
    picture = PILImage.new("RGB", (960, 540), (247, 243, 214))
    draw = ImageDraw.Draw(picture)
    for cell in range(12):
        for row in range(3):
            for column in range(2):
                if (cell + row + column) % 3:
                    x = 80 + cell * 70 + column * 24
                    y = 200 + row * 40
                    draw.ellipse((x, y, x + 16, y + 16), fill=(59, 42, 20))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    spec = load("home")["image"]
    image = Image(title=spec["title"])
    image.file = ImageFile(buffer, name=spec["file_name"])
    image.save()
    return image


def ensure_contacts():
    site = Site.objects.get(is_default_site=True)
    contacts = ContactSettings.for_site(site)
    if contacts.phone:
        return
    data = load("home")["contacts"]
    for code in LANGUAGES:
        setattr(contacts, f"address_{code}", data["address"][code])
        setattr(contacts, f"opening_hours_{code}", data["opening_hours"][code])
    contacts.phone = data["phone"]
    contacts.email = data["email"]
    contacts.social_links = [
        ("link", {"name": link["name"], "url": link["url"]}) for link in data["social_links"]
    ]
    contacts.save()


def ensure_superuser(stdout, style, password_file: str | None) -> None:
    """The demo's superuser `admin` (or DEMO_ADMIN_USERNAME), working in Russian."""
    User = get_user_model()
    username = os.environ.get("DEMO_ADMIN_USERNAME", "admin")
    if User.objects.filter(username=username).exists():
        stdout.write(f"Superuser “{username}” exists; its password is unchanged.")
        return
    password = os.environ.get("DEMO_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
    user = User.objects.create_superuser(username=username, email="", password=password)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ru"
    profile.save()
    if os.environ.get("DEMO_ADMIN_PASSWORD"):
        stdout.write(f"Superuser “{username}” created with the password from DEMO_ADMIN_PASSWORD.")
    elif password_file:
        # `make run` prints it with the site's address once the server answers.
        path = Path(password_file)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(password + "\n")
        stdout.write(f"Superuser “{username}” created; its password is in {path}.")
    else:
        stdout.write(
            style.WARNING(f"Superuser “{username}” created. Password (shown once): {password}")
        )
