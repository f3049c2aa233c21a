"""Building demo content that is the same in every run: each demo page or
snippet gets a translation key derived from its name, so a second run finds
what the first made and changes nothing."""

import datetime
import uuid
from collections.abc import Callable

from django.utils import timezone
from django.utils.html import escape

LANGUAGES = ("kk", "ru", "en")
KEY_NAMESPACE = uuid.UUID("6f1c2a52-7d0e-4f7a-9a43-2f8e0c1d5b10")


def translation_key(name: str) -> uuid.UUID:
    """The same demo item gets the same key in every language and every run."""
    return uuid.uuid5(KEY_NAMESPACE, name)


class TreeBuilder:
    """Creates a page in each language under that language's parent, once."""

    def __init__(self):
        self.created = 0

    def ensure_page(
        self,
        model,
        name: str,
        parents: dict,
        *,
        slug: str,
        fields: Callable[[str], dict],
        show_in_menus: bool = False,
        tags: Callable[[str], list[str]] | None = None,
        children: Callable | None = None,
    ) -> dict:
        key = translation_key(name)
        pages = {}
        for code in LANGUAGES:
            parent = parents[code]
            page = model.objects.filter(translation_key=key, locale=parent.locale).first()
            if page is None:
                page = model(
                    slug=slug,
                    translation_key=key,
                    locale=parent.locale,
                    show_in_menus=show_in_menus,
                    **fields(code),
                )
                if children is not None:
                    children(page, code)
                parent.add_child(instance=page)
                if tags is not None:
                    page.tags.add(*tags(code))
                    page.save()
                page.save_revision().publish()
                self.created += 1
            pages[code] = page
        return pages

    def ensure_snippet(
        self, model, name: str, locales: dict, fields: Callable[[str], dict]
    ) -> dict:
        """A translatable snippet in each language, once."""
        key = translation_key(name)
        items = {}
        for code in LANGUAGES:
            item = model.objects.filter(translation_key=key, locale=locales[code]).first()
            if item is None:
                item = model.objects.create(
                    translation_key=key, locale=locales[code], **fields(code)
                )
            items[code] = item
        return items


def stream(blocks: list[dict]) -> list[dict]:
    """StreamField data from a data file's compact blocks: each block is one
    `kind: value` pair (h2, h3, p, ul, ol, table, quote, passage)."""
    result = []
    for block in blocks:
        ((kind, value),) = block.items()
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


def local_time(day: datetime.date, clock: str = "10:00") -> datetime.datetime:
    """`clock` ('HH:MM') on `day` in the site's time zone."""
    hour, minute = (int(part) for part in clock.split(":"))
    return datetime.datetime(
        day.year, day.month, day.day, hour, minute, tzinfo=timezone.get_current_timezone()
    )
