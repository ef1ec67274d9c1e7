"""Figure additions per second next to bare pint quantity additions, same values, same process.

Run by hand: ``python benchmarks/bench_figures.py``. Goal (issue 2): figures reach >= 0.5 of
pint's rate. Never asserts.
"""

from __future__ import annotations

import statistics
import timeit
from decimal import Decimal

import ledger as lg

N = 20_000
REPEAT = 5


def rate(stmt: str, namespace: dict[str, object]) -> float:
    times = timeit.repeat(stmt, globals=namespace, number=N, repeat=REPEAT)
    return N / statistics.median(times)


def main() -> None:
    a_q = lg.money(Decimal("300000000.25"), "USD", per="year")
    b_q = lg.money(Decimal("50000000.75"), "USD", per="year")
    exact = {"a": lg.Figure.of(a_q), "b": lg.Figure.of(b_q)}
    bounded = {
        "a": lg.Figure.of(a_q, "more_than"),
        "b": lg.Figure.range(b_q, lg.money(Decimal("60000000"), "USD", per="year")),
    }
    pint_rate = rate("a + b", {"a": a_q, "b": b_q})
    print(f"pint quantity additions: {pint_rate:12,.0f} /s")
    for label, namespace in (("exact figures", exact), ("bounded figures", bounded)):
        figure_rate = rate("a + b", namespace)
        print(
            f"{label + ' additions:':26}{figure_rate:12,.0f} /s"
            f"   ratio to pint {figure_rate / pint_rate:.2f} (goal >= 0.5)"
        )


if __name__ == "__main__":
    main()
