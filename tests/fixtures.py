"""Ledgers the tests share (kept out of the library's code)."""

from datetime import date

import ledger as lg


def example_with_rate():
    """The bundled example with one illustrative rouble rate added; the seed gives none."""
    made_up = lg.Source(
        publisher="debt-ledger documentation", title="Illustrative rate", date=date(2004, 3, 15)
    )
    rate = lg.Rate(
        id="rate-2004-03-15",
        as_of=date(2004, 3, 15),
        source=made_up,
        rate="28.81 RUB/USD",
        note="illustrative, not a sourced rate",
    )
    return lg.example() + rate
