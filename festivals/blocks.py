"""Blocks of a festival edition: its stages, partners and gallery. A gallery
image is content, never decoration: it cannot be saved without alt text."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class StageLevel:
    CHOICES = [
        ("district", _("District round")),
        ("city", _("City round")),
        ("regional", _("Regional round")),
        ("gala", _("Regional gala concert")),
    ]


class StageValue(blocks.StructValue):
    def level_label(self):
        return dict(StageLevel.CHOICES).get(self.get("level"), "")


class StageBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name of the stage"), max_length=200)
    level = blocks.ChoiceBlock(label=_("Level"), choices=StageLevel.CHOICES, default="district")
    starts = blocks.DateBlock(label=_("From"), required=False)
    ends = blocks.DateBlock(label=_("Until"), required=False)
    place = blocks.CharBlock(label=_("Where"), max_length=200, required=False)
    description = blocks.TextBlock(label=_("Description"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if value.get("starts") and value.get("ends") and value["ends"] < value["starts"]:
            raise blocks.StructBlockValidationError(
                block_errors={"ends": ErrorList([_("A stage cannot end before it starts.")])}
            )
        return value

    class Meta:
        value_class = StageValue
        icon = "list-ol"
        template = "festivals/blocks/stage.html"
        label = _("Stage")
        description = _("One stage of the edition, from a district round to the regional gala.")
        preview_value = {
            "name": "Аудандық іріктеу кезеңі",
            "level": "district",
            "place": "Сайрам ауданы",
            "description": "",
        }


class PartnerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=200)
    role = blocks.CharBlock(
        label=_("Role"),
        max_length=200,
        required=False,
        help_text=_("For example: co-organiser, venue, prizes."),
    )
    url = blocks.URLBlock(label=_("Website"), required=False)

    class Meta:
        icon = "group"
        template = "festivals/blocks/partner.html"
        label = _("Partner")
        description = _("An organisation that helps to hold the edition.")
        preview_value = {"name": "Қазақ соқырлар қоғамы", "role": "", "url": ""}


class GalleryImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        max_length=250,
        required=False,
        help_text=_("What the photo shows, for people who cannot see it. Required."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=300, required=False)

    def clean(self, value):
        value = super().clean(value)
        if not (value.get("alt_text") or "").strip():
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ErrorList(
                        [
                            ValidationError(
                                _("Describe the photo for people who cannot see it."),
                                code="alt_text",
                            )
                        ]
                    )
                }
            )
        return value

    class Meta:
        icon = "image"
        template = "festivals/blocks/gallery_image.html"
        label = _("Photo")
        description = _("A photo of the edition with its alt text (required) and a caption.")


class DedicationsBlock(blocks.StreamBlock):
    dedication = blocks.CharBlock(
        label=_("Dedication"),
        max_length=200,
        icon="pick",
        help_text=_("For example: 20 years of the Independence of Kazakhstan."),
    )

    class Meta:
        icon = "pick"
        label = _("Dedications")
