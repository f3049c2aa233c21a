"""The published results of a competition (a festival's nomination too) as a
`formats.document.Document`: the braille and audio versions say what the
results page says (`results_views.results`), in the page's language: the
competition, its festival edition or date, the awards, and per category a
table of places read row by row. Registered in `wagtail_hooks.py` as the
source "competitions.results"; queued when the chair publishes the results
(`services.results_publish`), when a published entry is withdrawn, and when
the competition's page is published."""

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from competitions.models import CompetitionPage
from competitions.standings import competition_standings
from core import dates
from events.models import EventPage
from formats.document import Document, Heading, ListBlock, Paragraph, Table
from formats.sources import Source

SOURCE_KEY = "competitions.results"


def _edition(page: CompetitionPage) -> str:
    """The festival edition (or other event) the competition belongs to: its
    parent when that is an event, not the events index."""
    parent = page.get_parent()
    if parent is None or not EventPage.objects.filter(pk=parent.pk).exists():
        return ""
    return parent.title


def _place(row) -> str:
    if not row.place:
        return _("no place")
    return f"{row.place} {_('(shared)')}" if row.shared else str(row.place)


def _result(row) -> str:
    return row.result or row.status_label or _("no result")


def _who(row) -> str:
    return f"{row.name} ({row.where})" if row.where else row.name


def _awards(tables) -> list[str]:
    items = []
    for table in tables:
        for row in table.rows:
            if row.entry.grand_prix:
                items.append(_("Grand Prix: %(name)s") % {"name": _who(row)})
            if row.entry.special_prize:
                items.append(f"{_('Special prize')} «{row.entry.special_prize}»: {_who(row)}")
    return items


def results_document(page: CompetitionPage) -> Document:
    """The results as the page in `page`'s language shows them."""
    language = page.locale.language_code
    with translation.override(language):
        names = {c.sort_order: c.name for c in page.categories.all()}
        tables = competition_standings(page.judged, locale=page.locale, unit=page.unit)
        blocks: list = []
        edition = _edition(page)
        if edition:
            blocks.append(Paragraph(edition))
        if page.discipline:
            blocks.append(Paragraph(f"{page.get_competition_kind_display()}: {page.discipline}"))
        blocks.append(Paragraph(f"{_('When')}: {dates.format_date(page.start)}"))
        awards = _awards(tables)
        if awards:
            blocks += [Heading(_("Winners")), ListBlock(tuple(awards))]
        headers = [_("Place"), _("Name"), _("Branch or district")]
        if not page.is_measured:
            headers.append(_("Work"))
        headers.append(_("Result") if page.is_measured else _("Score"))
        for table in tables:
            caption = names.get(table.category.sort_order, table.category.name)
            blocks.append(Heading(caption))
            if not table.rows:
                blocks.append(Paragraph(_("No entries in this category.")))
                continue
            rows = []
            for row in table.rows:
                cells = [_place(row), row.name, row.where]
                if not page.is_measured:
                    cells.append(str(row.entry.work))
                cells.append(_result(row))
                rows.append(tuple(cells))
            # The heading names the category: a caption would say it twice.
            blocks.append(Table(headers=tuple(headers), rows=tuple(rows)))
        if page.judged.publish_decision:
            blocks += [
                Heading(_("Decision of the jury")),
                Paragraph(page.judged.publish_decision),
            ]
        title = _("Results: %(title)s") % {"title": page.title}
    return Document(title=title, language=language, blocks=tuple(blocks))


def _published_results(pk: int) -> CompetitionPage | None:
    page = CompetitionPage.objects.live().public().filter(pk=pk).first()
    if page is None or not page.results_are_public:
        return None
    return page


def results_pages(competition: CompetitionPage) -> list[int]:
    """The competition's pages in every language (each has its own results)."""
    return list(
        CompetitionPage.objects.filter(translation_key=competition.translation_key).values_list(
            "pk", flat=True
        )
    )


def results_source() -> Source:
    return Source(
        key=SOURCE_KEY,
        get=_published_results,
        document=results_document,
        labels={
            "brf": gettext_lazy("Results in braille"),
            "braille-text": gettext_lazy("Results in Unicode braille for braille displays"),
            "mp3": gettext_lazy("Results as audio"),
        },
        page_models=(CompetitionPage,),
        filename=lambda page: f"{page.slug}-results",
    )
