"""Examples per second that each of ``ledger.strategies`` gives hypothesis, same process.

Run by hand: ``python benchmarks/bench_strategies.py [EXAMPLES]``. Each strategy feeds a test
that does nothing, under hypothesis's own engine (generation only: no database, no shrinking,
derandomized, so every run draws the same examples); median of 5 runs. ``st.integers()`` is
the engine's own cost per example, for scale. Baseline (issue "tests that can fail", part 3):
the old ``ledgers()`` gave about 26 ledgers a second. Never asserts.
"""

from __future__ import annotations

import sys

from _timing import median_seconds
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

import ledger as lg
from ledger import strategies as lst

OLD_LEDGERS_PER_SECOND = 26


def strategies() -> dict[str, st.SearchStrategy[object]]:
    return {
        "st.integers() (the engine alone)": st.integers(),
        "currencies()": lst.currencies(),
        "amounts()": lst.amounts(),
        "quantities('stock')": lst.quantities("stock"),
        "quantities('flow')": lst.quantities("flow"),
        "figures('stock')": lst.figures("stock"),
        "figures('flow')": lst.figures("flow"),
        "figures(computed=False)": lst.figures(computed=False),
        "points(figure)": lst.points(lg.Figure.of("300 million USD", "about")),
        "parties()": lst.parties(),
        "dates()": lst.dates(),
        "texts()": lst.texts(),
        "sources()": lst.sources(),
        **{f"entries('{kind}')": lst.entries(kind) for kind in lst.ALL_KINDS},
        "ledgers()": lst.ledgers(),
        "ledgers(exact=True)": lst.ledgers(exact=True),
        "ledgers(min_entries=12)": lst.ledgers(min_entries=12),
        "st.from_type(lg.Ledger)": st.from_type(lg.Ledger),
    }


def examples_per_second(strategy: st.SearchStrategy[object], examples: int) -> tuple[float, float]:
    """Examples a second, and the entries in them a second (ledgers; else 0)."""
    drawn = [0, 0]

    # Hypothesis's default health checks, as everywhere else in the project.
    @settings(
        max_examples=examples,
        database=None,
        derandomize=True,
        deadline=None,
        phases=[Phase.generate],
    )
    @given(strategy)
    def run(value: object) -> None:
        drawn[0] += 1
        drawn[1] += len(value) if isinstance(value, lg.Ledger) else 0

    def once() -> None:
        drawn[0] = drawn[1] = 0
        run()

    seconds = median_seconds(once)
    return drawn[0] / seconds, drawn[1] / seconds


def main() -> None:
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    print(f"{examples} examples per run, median of 5 runs")
    for label, strategy in strategies().items():
        rate, entries = examples_per_second(strategy, examples)
        line = f"{label:34} {rate:10,.0f} examples/s"
        if entries:
            line += f" ({entries:,.0f} entries/s)"
        if label == "ledgers()":
            line += f"   {rate / OLD_LEDGERS_PER_SECOND:.1f}x the old ledgers() (~26/s)"
        print(line)


if __name__ == "__main__":
    main()
