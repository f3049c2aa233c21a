"""The public results of a competition: one table per category and a
summary of the winners, only once the chair has published them."""

from competitions.standings import competition_standings


def results(request, competition):
    tables = competition_standings(competition)
    return competition.render(
        request,
        template="competitions/results.html",
        context_overrides={
            "tables": tables,
            "winners": [table for table in tables if table.winners],
        },
    )
