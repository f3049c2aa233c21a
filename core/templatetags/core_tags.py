"""Template tags shared by every page: images that respect the low-vision mode,
and the accessible form pattern's helpers."""

from django import forms, template
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag(takes_context=True)
def lv_image(context, image, spec, alt="", decorative=False, css_class=""):
    """An <img>, or with images switched off, its description as text."""
    if image is None:
        return ""
    display = context.get("display")
    if display is not None and display.images_off:
        if decorative or not alt:
            return ""
        return format_html('<span class="image-alt">{} {}</span>', _("Image:"), alt)
    rendition = image.get_rendition(spec)
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="{}" class="{}">',
        rendition.url,
        rendition.width,
        rendition.height,
        "" if decorative else alt,
        css_class,
    )


def _is_group(field) -> bool:
    widget = field.field.widget
    return isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple)


@register.filter
def error_anchor(field) -> str:
    """The id an error-summary link must point to: it must exist on the page,
    so for a group of radios or checkboxes it is the first option."""
    if _is_group(field):
        return f"{field.auto_id}_0"
    return field.id_for_label or field.auto_id


@register.simple_tag
def field_parts(field):
    """Everything the field template needs, computed once."""
    hint_id = f"{field.auto_id}-hint" if field.help_text else ""
    error_id = f"{field.auto_id}-error" if field.errors else ""
    describedby = " ".join(part for part in (hint_id, error_id) if part)
    group = _is_group(field)
    checkbox = isinstance(field.field.widget, forms.CheckboxInput)
    attrs = {}
    if not group:
        if describedby:
            attrs["aria-describedby"] = describedby
        if field.errors:
            attrs["aria-invalid"] = "true"
    return {
        "group": group,
        "checkbox": checkbox,
        "hint_id": hint_id,
        "error_id": error_id,
        "describedby": describedby,
        "widget": field.as_widget(attrs=attrs) if not group else "",
        "honeypot": getattr(field.field, "is_honeypot", False),
    }


@register.filter
def error_count(form) -> int:
    return sum(len(errors) for errors in form.errors.values())
