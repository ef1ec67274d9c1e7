"""``lg.schedule`` for 10,000 loans of 40 years paid every half year, next to a plain-Python
loop doing the same arithmetic (equal principal after grace, interest on what is outstanding,
cents cut down and the residue on the last payment, dates by whole months), same process.

Run by hand: ``python benchmarks/bench_schedule.py [N]``. Principals and rates vary per loan.
Three alternated runs of each, medians. Prints both times and their ratio; never asserts.
"""

from __future__ import annotations

import calendar
import statistics
import sys
from datetime import date, timedelta
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal

from _timing import median_seconds

import ledger as lg

CENT = Decimal("0.01")
START = date(2012, 1, 15)


def loans(n: int) -> list[tuple[lg.Terms, str]]:
    out = []
    for i in range(n):
        interest = f"{Decimal(i % 700) / 100}%"
        terms = lg.Terms(
            interest=interest,
            maturity_years=40,
            grace_years=10,
            frequency="semiannual",
            disbursed=START + timedelta(days=i),  # each loan its own day: no shared dates
        )
        out.append((terms, f"{1_000_000 + (i * 7919) % 10**8}.37 USD"))
    return out


def with_ledger(book: list[tuple[lg.Terms, str]]) -> int:
    return sum(len(lg.schedule(terms, principal=principal)) for terms, principal in book)


def months_later(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def plain(rows: list[tuple[Decimal, Decimal, date]], keep: list[object] | None = None) -> int:
    """The same arithmetic by hand: 80 half-years, 20 of grace, equal parts of principal."""
    count = 0
    for principal, rate, start in rows:
        d = rate / 2
        part = (principal / 60).quantize(CENT, ROUND_DOWN)
        left = principal
        payments = []
        for k in range(1, 81):
            paid = Decimal(0) if k <= 20 else (part if k < 80 else left)
            interest = (left * d).quantize(CENT, ROUND_HALF_EVEN)
            left -= paid
            payments.append((months_later(start, 6 * k), paid, interest, left))
        count += len(payments)
        if keep is not None:
            keep.append(payments)
    return count


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    book = loans(n)
    rows = [
        (Decimal(principal.split()[0]), terms.interest.value.magnitude, terms.disbursed)
        for terms, principal in book
    ]
    # The two do the same arithmetic: the same payments, to the cent, for the first loans.
    kept: list[object] = []
    plain(rows[:50], kept)
    ours_first = [
        [(p.date, p.principal, p.interest, p.outstanding) for p in lg.schedule(t, principal=a)]
        for t, a in book[:50]
    ]
    assert ours_first == kept
    # Alternated, one run of each at a time, so that load on the machine falls on both.
    timed = [
        (
            median_seconds(lambda: with_ledger(book), runs=1),
            median_seconds(lambda: plain(rows), runs=1),
        )
        for _ in range(3)
    ]
    ours = statistics.median(t for t, _ in timed)
    theirs = statistics.median(t for _, t in timed)
    print(f"{n} loans x 80 payments: lg.schedule {ours:.2f} s, plain loop {theirs:.2f} s")
    print(f"ratio: {ours / theirs:.1f}x the plain loop")


if __name__ == "__main__":
    main()
