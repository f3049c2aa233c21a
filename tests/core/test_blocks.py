"""Body blocks refuse content that could not be read without sight."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError
from wagtail.images.models import Image

from core.blocks import AccessibleTableBlock, FigureBlock


@pytest.mark.django_db
def test_an_image_needs_alt_text_or_the_decorative_choice():
    block = FigureBlock()
    image = Image.objects.first()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"image": {"image": image.pk, "decorative": False, "alt_text": ""}, "caption": ""}))
    decorative = block.clean(block.to_python({"image": {"image": image.pk, "decorative": True, "alt_text": ""}, "caption": ""}))
    assert decorative["image"].decorative is True
    described = block.clean(block.to_python({"image": {"image": image.pk, "decorative": False, "alt_text": "Брайль кітаптары"}, "caption": ""}))
    assert described["image"].contextual_alt_text == "Брайль кітаптары"


def test_a_table_needs_a_caption_and_a_header_row():
    block = AccessibleTableBlock()
    rows = [["Тоқсан", "Ай"], ["I", "Наурыз"]]
    with pytest.raises(ValidationError):
        block.clean({"data": rows, "table_header_choice": "row", "table_caption": ""})
    with pytest.raises(ValidationError):
        block.clean({"data": rows, "table_header_choice": "neither", "table_caption": "Кесте"})
    value = {"data": rows, "table_header_choice": "row", "table_caption": "Кесте"}
    html = block.render(block.clean(value))
    assert "<caption>Кесте</caption>" in html
    assert '<th scope="col"' in html
    assert 'role="region"' in html
