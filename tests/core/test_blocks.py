"""Body blocks refuse content that could not be read without sight."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.images.models import Image

from core.blocks import AccessibleTableBlock, BodyBlock, FigureBlock


@pytest.mark.django_db
def test_an_image_needs_alt_text_or_the_decorative_choice():
    block = FigureBlock()
    image = Image.objects.first()
    with pytest.raises(StructBlockValidationError):
        block.clean(
            block.to_python(
                {"image": {"image": image.pk, "decorative": False, "alt_text": ""}, "caption": ""}
            )
        )
    decorative = block.clean(
        block.to_python(
            {"image": {"image": image.pk, "decorative": True, "alt_text": ""}, "caption": ""}
        )
    )
    assert decorative["image"].decorative is True
    described = block.clean(
        block.to_python(
            {
                "image": {"image": image.pk, "decorative": False, "alt_text": "Брайль кітаптары"},
                "caption": "",
            }
        )
    )
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


@translation.override("en")
def test_headings_may_not_skip_a_level():
    block = BodyBlock()

    def body(*levels):
        return block.to_python(
            [
                {"type": "heading", "value": {"text": f"H {level}", "level": level}}
                for level in levels
            ]
        )

    assert len(block.clean(body("h2", "h3", "h2", "h3", "h4"))) == 5
    for levels, heading in ((("h3",), "H h3"), (("h2", "h4"), "H h4")):
        with pytest.raises(StreamBlockValidationError) as error:
            block.clean(body(*levels))
        messages = [str(m) for m in error.value.non_block_errors]
        assert messages == [
            f"The heading “{heading}” skips a level: use level {levels.index(heading[2:]) + 2}."
        ]


@pytest.mark.django_db
@translation.override("en")
def test_a_document_link_says_its_format_and_size():
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from core.blocks import DocumentLinkBlock

    document = Document(title="Жұмыс жоспары 2027")
    document.file.save("plan-2027.pdf", ContentFile(b"%PDF-1.7\n" + b"0" * 2039), save=False)
    document.save()
    block = DocumentLinkBlock()
    html = block.render(block.to_python({"document": document.pk, "title": ""}))
    assert f'<a href="{document.url}">Жұмыс жоспары 2027' in html
    assert '<span class="document-link__meta">(PDF, 2.0\xa0KB)</span>' in html
