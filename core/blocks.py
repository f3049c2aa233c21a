"""StreamField blocks for every page body: each renders accessible markup and
refuses content that could not be read without sight (an image without alt
text that is not marked decorative, a table without a caption or header row)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


def language_choices():
    return list(settings.LANGUAGES)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[
            ("h2", _("Section (level 2)")),
            ("h3", _("Subsection (level 3)")),
            ("h4", _("Level 4")),
        ],
        default="h2",
        help_text=_("The page title is level 1; do not skip levels."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        label = _("Heading")
        description = _("A section heading that screen-reader users can jump to.")
        preview_value = {"text": "Бөлімнің қызметі", "level": "h2"}


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        template = "blocks/figure.html"
        label = _("Image")
        description = _(
            "An image with alt text (required) or marked as decorative, and an optional caption."
        )


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link.html"
        label = _("Document link")
        description = _("A link to a document that says its format and size.")


class AccessibleTableBlock(TableBlock):
    """A data table that must have a caption and a header row."""

    def clean(self, value):
        errors = []
        if not (value or {}).get("table_caption"):
            errors.append(_("Give the table a caption: screen readers announce it first."))
        if (value or {}).get("table_header_choice") not in ("row", "both"):
            errors.append(_("Mark the first row as the header row."))
        if errors:
            raise ValidationError(errors)
        return super().clean(value)

    class Meta:
        icon = "table"
        template = "blocks/table.html"
        label = _("Table")
        description = _("A data table with a caption and a header row.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Author or source"), required=False)
    language = blocks.ChoiceBlock(
        label=_("Language of the quote"),
        choices=language_choices,
        required=False,
        help_text=_("Set it when the quote is in another language than the page."),
    )

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        label = _("Quote")
        description = _("A quotation, with its author and its language.")
        preview_value = {
            "quote": "Жанарым менің жүрегім",
            "attribution": "",
            "language": "kk",
        }


class OtherLanguagePassageBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(label=_("Language"), choices=language_choices)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "globe"
        template = "blocks/passage.html"
        label = _("Passage in another language")
        description = _(
            "Text in another language than the page, so that screen readers switch voice."
        )
        preview_value = {"language": "ru", "text": "<p>Сердце моё — мои глаза.</p>"}


# Headings come from HeadingBlock only, so that their order can be checked.
# An editor marks a phrase in another language (core/wagtail_hooks.py).
LANGUAGE_MARKS = ["lang-kk", "lang-ru", "lang-en"]
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", *LANGUAGE_MARKS]


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph.html",
        label=_("Text"),
        description=_("Paragraphs, lists and links."),
        preview_value="<p>Методический отдел специальной библиотеки.</p>",
    )
    image = FigureBlock()
    document = DocumentLinkBlock()
    table = AccessibleTableBlock()
    quote = QuoteBlock()
    passage = OtherLanguagePassageBlock()

    def clean(self, value):
        """Headings must not skip a level: the page title is level 1, so the
        first heading is level 2 and each next one at most one level deeper."""
        value = super().clean(value)
        previous = 1
        for child in value:
            if child.block_type != "heading":
                continue
            level = int(child.value["level"][1])
            if level > previous + 1:
                raise blocks.StreamBlockValidationError(
                    non_block_errors=ValidationError(
                        _("The heading “%(text)s” skips a level: use level %(level)s.")
                        % {"text": child.value["text"], "level": previous + 1}
                    )
                )
            previous = level
        return value
