"""The public results of a competition: one table per category and a
summary of the winners, only once the chair has published them."""

from competitions.standings import competition_standings


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
    return competition.render(
        request,
        template="competitions/results.html",
        context_overrides={
            "tables": tables,
            "winners": [table for table in tables if table.winners],
            # Words the jury wrote (a special prize) are in the judged page's language.
            "jury_language": competition.judged.locale.language_code,
            "awards": [
                row
                for table in tables
                for row in table.rows
                if row.entry.grand_prix or row.entry.special_prize
            ],
        },
    )
