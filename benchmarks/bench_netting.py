"""``net_positions`` and ``settle`` next to a plain Decimal loop, same process, same claims.

Run by hand: ``python benchmarks/bench_netting.py [N]`` (default 1,000,000). 200 parties, 3
currencies. Two ledgers: the realistic mix of ``_mix.py`` (75% exact, 15% about, 5% estimated,
5% ranges, settlements and write-offs) and, as a second line, exact unsettled claims only.

The baseline sums the same claims' ``Decimal`` numbers (central values, less their
settlements, written-off claims left out) into a dict keyed by (party, currency): the least
any netting must do. Ours and the baseline alternate, run after run; the median of 5 of each
is reported, and the first ``net_positions`` after the load on its own (the collector's
deferred work lands there, and the ledger's columns are made then). A first call must read
the ledger just loaded, which the plain loop above is spared (its rows are made beforehand):
so the first call is also set against a plain loop's first pass over a ledger just loaded
(``plain_first``; medians of 3, each on a fresh ledger). For reference, two calls
that read the columns otherwise: a month earlier (some claims not yet made, settlements not
yet paid) and of some asserters only. Goal (issue 14): at most 2x the plain loop. Never
asserts.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

import _mix

import ledger as lg

Row = tuple[str, str, str, Decimal]


def plain_rows(book: lg.Ledger) -> list[Row]:
    """The baseline's input: (creditor, debtor, currency, central value less settlements)."""
    paid: dict[str, Decimal] = defaultdict(Decimal)
    for s in book.settlements():
        paid[s.claim] += s.amount.magnitudes[0] or 0
    rows = []
    for c in book.claims():
        if c.status == "written_off":
            continue
        value = c.amount.magnitudes[0]
        assert value is not None
        rows.append((c.creditor, c.debtor, c.currency, value - paid.get(c.id, Decimal(0))))
    return rows


def plain_loop(rows: list[Row]) -> dict[tuple[str, str], Decimal]:
    totals: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for creditor, debtor, currency, amount in rows:
        totals[creditor, currency] += amount
        totals[debtor, currency] -= amount
    return totals


def plain_first(book: lg.Ledger) -> dict[tuple[str, str], Decimal]:
    """The least a first call after a load must do, written plainly: read each entry of the
    ledger once (settlements by claim, then each claim's central value less them) and sum."""
    paid: dict[str, Decimal] = defaultdict(Decimal)
    claims = []
    for entry in book.entries:
        if isinstance(entry, lg.Settlement):
            paid[entry.claim] += entry.amount.magnitudes[0] or 0
        elif isinstance(entry, lg.Claim):
            claims.append(entry)
    totals: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for c in claims:
        if c.status == "written_off":
            continue
        value = c.amount.magnitudes[0]
        assert value is not None
        value -= paid.get(c.id, Decimal(0))
        totals[c.creditor, c.currency] += value
        totals[c.debtor, c.currency] -= value
    return totals


def first_calls(n: int, mix: bool, runs: int = 3) -> tuple[float, float]:
    """The first ``net_positions`` after a load, and the plain loop's first pass over the
    same ledger just loaded (each on a ledger of its own): medians of ``runs``, alternating."""
    ours, plain = [], []
    for _ in range(runs):
        for times, action in ((ours, _first_ours), (plain, plain_first)):
            book = lg.from_data(_mix.data(n, mix=mix))
            gc.collect()
            start = time.perf_counter()
            action(book)
            times.append(time.perf_counter() - start)
    return statistics.median(ours), statistics.median(plain)


def _first_ours(book: lg.Ledger) -> object:
    return lg.net_positions(book, as_of=_mix.DAY)


def alternating(actions: dict[str, Callable[[], object]], runs: int = 5) -> dict[str, float]:
    """The median time of each action, the actions taking turns run after run."""
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(runs):
        for name, action in actions.items():
            start = time.perf_counter()
            action()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t) for name, t in times.items()}


def line(n: int, mix: bool) -> None:
    start = time.perf_counter()
    book = lg.from_data(_mix.data(n, mix=mix))
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    positions = lg.net_positions(book, as_of=_mix.DAY)
    first = time.perf_counter() - start
    rows = plain_rows(book)
    check = plain_loop(rows)
    agree = all(positions[p][c].magnitudes[0] == v for (p, c), v in check.items() if p in positions)
    earlier = _mix.DAY - timedelta(days=30)
    some = _mix.parties()[::2]
    t = alternating(
        {
            "plain": lambda: plain_loop(rows),
            "net_positions": lambda: lg.net_positions(book, as_of=_mix.DAY),
            "settle": lambda: lg.settle(book, as_of=_mix.DAY),
            "earlier": lambda: lg.net_positions(book, as_of=earlier),
            "some": lambda: lg.net_positions(book, as_of=_mix.DAY, asserted_by=some),
        }
    )
    what = "realistic mix" if mix else "all exact"
    print(f"{what}: {n:,} claims, {len(book) - n:,} settlements (loaded in {loaded:.1f} s)")
    print(f"  plain Decimal loop:       {t['plain']:7.3f} s")
    print(f"  first net_positions:      {first:7.3f} s  ratio {first / t['plain']:.2f}")
    ours, plain = first_calls(n, mix)
    print(
        f"  first call, medians of 3: {ours:7.3f} s  against a plain first pass over the "
        f"ledger just loaded {plain:.3f} s: ratio {ours / plain:.2f}"
    )
    print(
        f"  net_positions:            {t['net_positions']:7.3f} s  ratio "
        f"{t['net_positions'] / t['plain']:.2f} (goal <= 2)"
    )
    print(
        f"  settle:                   {t['settle']:7.3f} s  ratio "
        f"{t['settle'] / t['plain']:.2f} (goal <= 2)"
    )
    print(
        f"  a month earlier:          {t['earlier']:7.3f} s  ratio {t['earlier'] / t['plain']:.2f}"
    )
    print(f"  half the asserters:       {t['some']:7.3f} s  ratio {t['some'] / t['plain']:.2f}")
    print(f"  central values agree with the plain loop: {agree}")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    line(n, mix=True)
    line(n, mix=False)


if __name__ == "__main__":
    main()
