"""Time the standings of a large scored competition: 500 entries, 7 judges,
5 weighted criteria (17,500 scores), for each aggregation (mean, median,
trimmed mean), from flat (entry, criterion, score) rows as the database
returns them to the ranked table with shared places.

In the same run, a naive baseline does the same job the obvious way: for
every entry and criterion it scans all the score rows, in floats, with the
`statistics` module. Prints the median of N runs in milliseconds and the
ratio; exits non-zero when the target (<= 200 ms) is missed.

    .venv/bin/python bench/standings_bench.py            # or: --runs 20
"""

import argparse
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from competitions.scoring import (  # noqa: E402 (the project root is added above)
    Aggregation,
    CriterionSpec,
    as_decimal,
    group_scores,
    rank_scored,
)

ENTRIES, JUDGES, CRITERIA = 500, 7, 5
TARGET_MS = 200.0


def make_rows(seed: int = 6):
    rnd = random.Random(seed)
    criteria = [
        CriterionSpec(f"c{i}", Decimal(rnd.choice(["1", "1.5", "2", "0.5"])))
        for i in range(CRITERIA)
    ]
    rows = [
        (entry, c.key, Decimal(rnd.randint(0, 40)) / 4)  # 0 .. 10 in quarters
        for entry in range(ENTRIES)
        for _judge in range(JUDGES)
        for c in criteria
    ]
    return criteria, rows


def ours(criteria, rows, method):
    return rank_scored(group_scores(rows), criteria, method=method)


def naive(criteria, rows, method):
    """Scan every row per entry and criterion; floats; no shared places."""
    entries = sorted({r[0] for r in rows})
    totals = {}
    for entry in entries:
        total = 0.0
        for c in criteria:
            values = sorted(float(v) for e, k, v in rows if e == entry and k == c.key)
            if method == Aggregation.TRIMMED_MEAN and len(values) >= 3:
                values = values[1:-1]
            agg = (
                statistics.median(values)
                if method == Aggregation.MEDIAN
                else statistics.mean(values)
            )
            total += float(c.weight) * agg
        totals[entry] = total
    return sorted(entries, key=lambda e: -totals[e])


def timed(function, runs):
    samples = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--naive-runs", type=int, default=3)
    args = parser.parse_args()

    criteria, rows = make_rows()
    print(f"{ENTRIES} entries x {JUDGES} judges x {CRITERIA} criteria = {len(rows)} scores")
    print(f"{'aggregation':<14}{'ours ms':>10}{'naive ms':>11}{'naive/ours':>12}")
    failed = False
    for method in Aggregation:
        ours_ms, standings = timed(lambda m=method: ours(criteria, rows, m), args.runs)
        naive_ms, naive_order = timed(lambda m=method: naive(criteria, rows, m), args.naive_runs)
        # Same winner both ways (floats could only differ on near-ties).
        if standings[0].entry != naive_order[0]:
            print(f"different winners: {standings[0].entry} and {naive_order[0]}")
            return 2
        print(f"{method.value:<14}{ours_ms:>10.1f}{naive_ms:>11.1f}{naive_ms / ours_ms:>11.1f}x")
        failed |= ours_ms > TARGET_MS
    print(f"winner total (trimmed mean): {as_decimal(standings[0].total)}")
    print(f"target <= {TARGET_MS:.0f} ms: {'MISSED' if failed else 'met'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
