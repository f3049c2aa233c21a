"""A gallery photo without alt text cannot be saved: the editor says why."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.images.models import Image
from wagtail.test.utils.form_data import nested_form_data, streamfield

from festivals.blocks import GalleryImageBlock, StageBlock
from festivals.models import FestivalEditionPage


@pytest.fixture(autouse=True)
def _english_messages():
    """The editor's messages as an English-speaking editor reads them."""
    with translation.override("en"):
        yield


def image():
    return Image.objects.filter(title="demo: braille exhibition").get()


@pytest.mark.django_db
@pytest.mark.parametrize("alt", ["", "   "])
def test_a_photo_without_alt_text_is_an_error(alt):
    block = GalleryImageBlock()
    with pytest.raises(ValidationError) as raised:
        block.clean(block.to_python({"image": image().pk, "alt_text": alt, "caption": ""}))
    assert raised.value.block_errors["alt_text"].messages == [
        "Describe the photo for people who cannot see it."
    ]


@pytest.mark.django_db
def test_a_photo_with_alt_text_is_kept():
    block = GalleryImageBlock()
    value = block.clean(
        block.to_python({"image": image().pk, "alt_text": "Readers at the gala", "caption": ""})
    )
    assert value["alt_text"] == "Readers at the gala"


@pytest.mark.django_db
def test_the_editor_form_field_refuses_a_photo_without_alt_text():
    """What the page editor posts for the gallery, through its own form field."""
    field = FestivalEditionPage._meta.get_field("gallery").formfield()
    data = nested_form_data(
        {"gallery": streamfield([("photo", {"image": image().pk, "alt_text": "", "caption": ""})])}
    )
    value = field.widget.value_from_datadict(data, {}, "gallery")
    with pytest.raises(ValidationError) as raised:
        field.clean(value)
    photo_errors = raised.value.block_errors[0]
    assert photo_errors.block_errors["alt_text"].messages == [
        "Describe the photo for people who cannot see it."
    ]

    data = nested_form_data(
        {
            "gallery": streamfield(
                [("photo", {"image": image().pk, "alt_text": "Readers", "caption": ""})]
            )
        }
    )
    cleaned = field.clean(field.widget.value_from_datadict(data, {}, "gallery"))
    assert cleaned[0].value["alt_text"] == "Readers"


def test_a_stage_cannot_end_before_it_starts():
    block = StageBlock()
    with pytest.raises(ValidationError) as raised:
        block.clean(
            block.to_python(
                {"name": "Gala", "level": "gala", "starts": "2011-12-03", "ends": "2011-12-01"}
            )
        )
    assert "ends" in raised.value.block_errors
