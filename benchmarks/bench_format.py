"""``format_money`` (compact) calls per second next to babel's own ``format_compact_currency``
with a cached ``Locale``, same values, same process.

Run by hand: ``python benchmarks/bench_format.py``. Goal (issue 5): at least 0.7 of babel's
rate. Never asserts.
"""

from __future__ import annotations

import statistics
import timeit
from decimal import Decimal

from babel import Locale
from babel.numbers import format_compact_currency

import ledger as lg

VALUES = [
    Decimal(v)
    for v in (
        "300000000",
        "50000000",
        "1500000",
        "242400000",
        "8500000",
        "-250000000",
        "999950",
        "1234.5",
    )
]
REPEAT = 5
NUMBER = 2_000


def rate(action) -> float:
    times = timeit.repeat(action, number=NUMBER, repeat=REPEAT)
    return NUMBER * len(VALUES) / statistics.median(times)


def main() -> None:
    for name in ("en_US", "ru_RU", "tg_TJ"):
        locale = Locale.parse(name)
        quantities = [lg.money(v, "USD") for v in VALUES]

        def babel_calls(locale: Locale = locale) -> None:
            for value in VALUES:
                format_compact_currency(value, "USD", locale=locale, fraction_digits=2)

        def ours(name: str = name, quantities: list = quantities) -> None:
            for q in quantities:
                lg.format_money(q, locale=name)

        ours()
        babel_rate, our_rate = rate(babel_calls), rate(ours)
        print(
            f"{name}: babel {babel_rate:10,.0f}/s   format_money {our_rate:10,.0f}/s   "
            f"ratio {our_rate / babel_rate:.2f} (goal >= 0.7)"
        )


if __name__ == "__main__":
    main()
