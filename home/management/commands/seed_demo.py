"""Build the demo site in Kazakh, Russian and English from the department's own
description. Idempotent: a page that exists already is left as it is."""

import datetime
import io
import os
import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Site
from wagtail.users.models import UserProfile

from certificates import demo as certificates_demo
from competitions import demo as competitions_demo
from core.seeding import LANGUAGES, TreeBuilder, translation_key
from events import demo as events_demo
from festivals import demo as festivals_demo
from home import demo_content as content
from home.models import (
    AnnouncementIndexPage,
    AnnouncementPage,
    ContactSettings,
    HomePage,
    StandardPage,
    SurveyField,
    SurveyPage,
)

DEMO_IMAGE_TITLE = "demo: braille exhibition"


def stream(blocks) -> list[dict]:
    """Turn the content file's compact blocks into StreamField data."""
    result = []
    for kind, value in blocks:
        if kind in ("h2", "h3"):
            result.append({"type": "heading", "value": {"text": value, "level": kind}})
        elif kind == "p":
            result.append({"type": "paragraph", "value": value})
        elif kind in ("ul", "ol"):
            items = "".join(f"<li>{escape(item)}</li>" for item in value)
            result.append({"type": "paragraph", "value": f"<{kind}>{items}</{kind}>"})
        elif kind == "table":
            result.append(
                {
                    "type": "table",
                    "value": {
                        "data": value["rows"],
                        "table_header_choice": "row",
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": value["caption"],
                    },
                }
            )
        elif kind == "quote":
            result.append({"type": "quote", "value": value})
        elif kind == "passage":
            result.append(
                {"type": "passage", "value": {"language": value["language"], "text": value["html"]}}
            )
        else:
            raise ValueError(f"Unknown demo block {kind!r}")
    return result


def announcement_date(value) -> datetime.date:
    if isinstance(value, int):
        return timezone.localdate() - datetime.timedelta(days=value)
    return datetime.date.fromisoformat(value)


class Command(BaseCommand):
    help = "Create the demo site (kk, ru, en) and a local superuser; safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password-file",
            help="write the admin's generated password to this file (mode 600) instead of printing it",
        )

    def handle(self, *args, password_file=None, **options):
        self.password_file = password_file
        self.builder = builder = TreeBuilder()
        with transaction.atomic():
            locales = {
                code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES
            }
            homes = self.ensure_homes(locales)
            pages = {}
            for spec in content.PAGES:
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
            index_spec = content.ANNOUNCEMENT_INDEX
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
            image = self.ensure_demo_image()
            for spec in content.ANNOUNCEMENTS:
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
                        **self.image_fields(s, code, image),
                    },
                    tags=lambda code, s=spec: s["tags"][code],
                )
            surveys = builder.ensure_page(
                SurveyPage,
                "survey:readers-needs",
                homes,
                slug=content.SURVEY["slug"],
                show_in_menus=True,
                fields=lambda code: {
                    "title": content.SURVEY[code]["title"],
                    "intro": content.SURVEY[code]["intro"],
                    "thank_you_text": content.SURVEY[code]["thank_you"],
                },
                children=self.survey_fields,
            )
            self.ensure_quick_links(homes, pages, indexes, surveys)
            self.ensure_contacts()
            # The superuser first: demo registrations "entered by a librarian" name it.
            self.ensure_superuser()
            events_demo.seed(builder, locales, homes)
            certificates_demo.seed()
            competitions_demo.seed(builder, locales, homes)
            festivals_demo.seed(builder, locales, homes)
            certificates = festivals_demo.seed_certificates()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {builder.created} pages created, "
                f"{certificates} certificates issued."
            )
        )

    # Pages -----------------------------------------------------------------

    def ensure_homes(self, locales) -> dict[str, HomePage]:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        root = Page.get_first_root_node()
        key = translation_key("home")
        homes = {}
        for code in LANGUAGES:
            home = HomePage.objects.filter(translation_key=key, locale=locales[code]).first()
            if home is None:
                home = HomePage(
                    title=content.HOME[code]["title"],
                    slug=f"home-{code}",
                    intro=content.HOME[code]["intro"],
                    translation_key=key,
                    locale=locales[code],
                )
                root.add_child(instance=home)
                home.save_revision().publish()
                self.builder.created += 1
            homes[code] = home
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        if site.root_page_id != homes["kk"].pk:
            previous = site.root_page if site.pk else None
            site.root_page = homes["kk"]
            site.site_name = "Арнайы кітапхана"
            site.save()
            # The "Welcome to Wagtail" page of a new install has no use here.
            if previous is not None and not isinstance(previous.specific, HomePage):
                previous.delete()
        return homes

    def survey_fields(self, page, code):
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
            for order, field in enumerate(content.SURVEY["fields"])
        ]

    def image_fields(self, spec, code, image) -> dict:
        alt = spec[code].get("image_alt")
        if not alt:
            return {}
        return {"image": image, "image_alt": alt}

    def ensure_quick_links(self, homes, pages, indexes, surveys):
        for code, home in homes.items():
            if home.quick_links:
                continue
            targets = [pages["about"][code], indexes[code], surveys[code], pages["contacts"][code]]
            home.quick_links = [("link", {"page": target, "label": ""}) for target in targets]
            home.save_revision().publish()

    # Other data -------------------------------------------------------------

    def ensure_demo_image(self) -> Image:
        image = Image.objects.filter(title=DEMO_IMAGE_TITLE).first()
        if image is not None:
            return image
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
        image = Image(title=DEMO_IMAGE_TITLE)
        image.file = ImageFile(buffer, name="braille-exhibition.png")
        image.save()
        return image

    def ensure_contacts(self):
        site = Site.objects.get(is_default_site=True)
        contacts = ContactSettings.for_site(site)
        if contacts.phone:
            return
        data = content.CONTACTS
        for code in LANGUAGES:
            setattr(contacts, f"address_{code}", data["address"][code])
            setattr(contacts, f"opening_hours_{code}", data["opening_hours"][code])
        contacts.phone = data["phone"]
        contacts.email = data["email"]
        contacts.social_links = [
            ("link", {"name": name, "url": url}) for name, url in data["social_links"]
        ]
        contacts.save()

    def ensure_superuser(self):
        User = get_user_model()
        username = os.environ.get("DEMO_ADMIN_USERNAME", "admin")
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Superuser “{username}” exists; its password is unchanged.")
            return
        password = os.environ.get("DEMO_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        user = User.objects.create_superuser(username=username, email="", password=password)
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "ru"
        profile.save()
        if os.environ.get("DEMO_ADMIN_PASSWORD"):
            self.stdout.write(
                f"Superuser “{username}” created with the password from DEMO_ADMIN_PASSWORD."
            )
        elif self.password_file:
            # `make run` prints it with the site's address once the server answers.
            path = Path(self.password_file)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch(mode=0o600)
            path.write_text(password + "\n")
            self.stdout.write(f"Superuser “{username}” created; its password is in {path}.")
        else:
            self.stdout.write(
                self.style.WARNING(
                    f"Superuser “{username}” created. Password (shown once): {password}"
                )
            )
