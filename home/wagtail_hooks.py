from wagtail import hooks

from home import alternative_formats


@hooks.register("alternative_format_sources")
def announcement_formats():
    return alternative_formats.announcement_source()
