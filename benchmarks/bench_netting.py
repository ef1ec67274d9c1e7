"""``net_positions`` on 1,000,000 exact claims next to a plain Decimal loop, same process.

Run by hand: ``python benchmarks/bench_netting.py [N]``. 200 parties, 3 currencies. The baseline
sums the same ``Decimal`` amounts into a dict keyed by (party, currency). Median of 5.
Goal (issue 4): at most 3x the plain loop. Also prints peak memory per claim. Never asserts.
"""

from __future__ import annotations

import resource
import sys
import time
from collections import defaultdict
from datetime import date
from decimal import Decimal

from _timing import median_seconds

import ledger as lg

CURRENCIES = ("USD", "RUB", "EUR")
DAY = date(2004, 3, 15)


def parties() -> list[str]:
    from ledger.entries import _territories

    return sorted(_territories())[:200]


def build(n: int) -> tuple[lg.Ledger, list[tuple[str, str, str, Decimal]]]:
    names = parties()
    source = lg.Source(publisher="bench", title="generated", date=DAY)
    claims, rows = [], []
    for i in range(n):
        creditor = names[i % len(names)]
        debtor = names[(i * 7 + 1 + i // len(names)) % len(names)]
        if debtor == creditor:
            debtor = names[(i + 1) % len(names)]
        currency = CURRENCIES[i % 3]
        magnitude = Decimal((i * 7919) % 10**9) / 100
        figure = lg.Figure.of(lg.money(magnitude, currency))
        claims.append(
            lg.Claim.model_construct(
                id=f"c{i}",
                as_of=DAY,
                source=source,
                creditor=creditor,
                debtor=debtor,
                amount=figure,
                asserted_by=creditor,
                status="asserted",
                counter_to=None,
                quote=None,
                note=None,
                basis=None,
                kind="claim",
            )
        )
        rows.append((creditor, debtor, currency, magnitude))
    return lg.Ledger(claims), rows


def plain_loop(rows: list[tuple[str, str, str, Decimal]]) -> dict[tuple[str, str], Decimal]:
    totals: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for creditor, debtor, currency, amount in rows:
        totals[creditor, currency] += amount
        totals[debtor, currency] -= amount
    return totals


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    start = time.perf_counter()
    book, rows = build(n)
    built_s = time.perf_counter() - start
    ours = median_seconds(lambda: lg.net_positions(book, as_of=DAY))
    plain = median_seconds(lambda: plain_loop(rows))
    positions = lg.net_positions(book, as_of=DAY)
    check = plain_loop(rows)
    agree = all(positions[p][c].value.magnitude == v for (p, c), v in check.items())
    print(
        f"claims: {n:,} among {len(parties())} parties in {len(CURRENCIES)} currencies "
        f"(built in {built_s:.1f} s)"
    )
    print(f"plain Decimal loop:  {plain:7.3f} s")
    print(f"lg.net_positions:    {ours:7.3f} s")
    print(f"ratio: {ours / plain:.2f} (goal <= 3); results agree: {agree}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - before
    print(
        f"peak memory (max RSS growth): {peak / n:,.0f} bytes per claim, ledger and the "
        "baseline's rows together"
    )


if __name__ == "__main__":
    main()
