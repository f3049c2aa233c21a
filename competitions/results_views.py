"""The public results of a competition: one table per category, a summary
of the winners and the same in plain sentences for an announcement, only
once the chair has published them."""

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from competitions.scoring import place_numeral
from competitions.standings import competition_standings
from core.language import in_language


def results(request, competition):
    """`competition` is the page in the visitor's language; the standings are
    those of the judged competition, captioned with this page's category names."""
    names = {c.sort_order: c.name for c in competition.categories.all()}
    tables = [
        table.with_caption(names.get(table.category.sort_order, table.category.name))
        for table in competition_standings(
            competition.judged, locale=competition.locale, unit=competition.unit
        )
    ]
    # Words the jury wrote (a special prize) are in the judged page's language.
    jury_language = competition.judged.locale.language_code
    awards = [
        row
        for table in tables
        for row in table.rows
        if row.entry.grand_prix or row.entry.special_prize
    ]
    return competition.render(
        request,
        template="competitions/results.html",
        context_overrides={
            "breadcrumb_here": _("Results"),
            "tables": tables,
            "winners": [table for table in tables if table.winners],
            "jury_language": jury_language,
            "awards": awards,
            "in_brief": winners_in_brief(
                tables,
                awards,
                jury_language=jury_language,
                language=competition.locale.language_code,
            ),
        },
    )


def _who(row) -> str:
    return f"{row.name} ({row.where})" if row.where else row.name


def winners_in_brief(tables, awards, *, jury_language: str, language: str) -> list[str]:
    """The winners in plain sentences, a paragraph each, to copy into an
    announcement: "Grand Prix: Name (branch)." then per category "Group I.
    Place I: Name (branch). Place II: Name (branch), Name (branch)."
    (shared places name everyone who shares them)."""
    paragraphs = []
    for row in awards:
        if row.entry.grand_prix:
            paragraphs.append(format_html("{}.", _("Grand Prix: %(name)s") % {"name": _who(row)}))
        if row.entry.special_prize:
            prize = in_language(row.entry.special_prize, language, known=jury_language)
            paragraphs.append(format_html("{} «{}»: {}.", _("Special prize"), prize, _who(row)))
    for table in tables:
        places: dict[int, list[str]] = {}
        for row in table.winners:
            places.setdefault(row.place, []).append(_who(row))
        if not places:
            continue
        sentences = format_html_join(
            " ",
            "{}.",
            (
                (
                    _("Place %(prize)s: %(name)s")
                    % {"prize": place_numeral(place), "name": ", ".join(who)},
                )
                for place, who in places.items()
            ),
        )
        paragraphs.append(format_html("{}. {}", table.caption, sentences))
    return paragraphs
