"""Explicit, dated currency conversion.

A conversion happens only through a :class:`~ledger.entries.Rate` entry: a sourced exchange rate
in force from its ``as_of`` date. :func:`convert` uses the latest rate on or before the day asked,
inverts a rate when only the reverse is given, and refuses when no rate applies. The result
remembers the rate it used.

>>> from datetime import date
>>> from ledger import Rate, Source
>>> made_up = Source(publisher="debt-ledger documentation", title="Illustrative rate",
...                  date=date(2004, 3, 15))
>>> rate = Rate(id="rate-2004-03-15", as_of=date(2004, 3, 15), source=made_up,
...             rate="28.81 RUB/USD")
>>> converted = convert(Figure.of("300 million USD", "about"), "RUB", rates=[rate],
...                     on=date(2004, 3, 15))
>>> print(converted.figure)
about 8640000000 RUB
>>> print(converted.explain())
about 300000000 USD × 28.81 RUB/USD (rate rate-2004-03-15, debt-ledger documentation, \
2004-03-15) = about 8640000000 RUB
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .arithmetic import owned
from .book import Ledger, day_asked
from .entries import Rate
from .errors import RateError
from .figures import Figure
from .units import Amount, check_currency, currency_of, quantity_text, ureg

__all__ = ["Conversion", "convert", "find_rate"]


@dataclass(frozen=True)
class Conversion:
    """A figure converted at a dated rate, with the rate that did it (``None`` when the figure
    was in the target currency already). ``via`` holds the second leg of a triangulation."""

    original: Figure
    figure: Figure
    rate: Rate | None
    inverted: bool = False
    via: Conversion | None = None

    def explain(self) -> str:
        """The conversion as one line of arithmetic, with the rate's id and source."""
        if self.rate is None:
            return f"{self.original} (already in {currency_of(self.figure.unit)})"
        op = "÷" if self.inverted else "×"
        source = self.rate.source
        first = (
            f"{self.original} {op} {quantity_text(self.rate.rate)} (rate {self.rate.id}, "
            f"{source.publisher}, {self.rate.as_of.isoformat()})"
        )
        if self.via is not None:
            return f"{first}, then {self.via.explain()}"
        return f"{first} = {self.figure}"

    def __str__(self) -> str:
        return str(self.figure)


def _rates_of(rates: Ledger | Iterable[Rate]) -> list[Rate]:
    if isinstance(rates, Ledger):
        return rates.rates()
    if isinstance(rates, str | bytes) or not isinstance(rates, Iterable):
        raise RateError(
            f"rates: {type(rates).__name__} {rates!r} holds no rates; pass a ledger or a list "
            "of its Rate entries"
        )
    return [rate for rate in rates if isinstance(rate, Rate)]


def find_rate(
    rates: Ledger | Iterable[Rate], source: str, target: str, on: date
) -> tuple[Rate, bool]:
    """The rate in force on ``on`` between two currencies: the latest dated on or before it,
    and whether it must be inverted (it is quoted the other way round)."""
    candidates = [
        (rate, rate.base != source)
        for rate in _rates_of(rates)
        if {rate.base, rate.quote_currency} == {source, target} and rate.as_of <= on
    ]
    if not candidates:
        pair = [r for r in _rates_of(rates) if {r.base, r.quote_currency} == {source, target}]
        known = ", ".join(f"{r.id} from {r.as_of.isoformat()}" for r in pair) or "none"
        raise RateError(
            f"no {source}/{target} rate in force on {on.isoformat()}; rates for the pair: "
            f"{known}. Add a Rate entry dated on or before that day"
        )
    latest = max(rate.as_of for rate, _ in candidates)
    same_day = [(r, inv) for r, inv in candidates if r.as_of == latest]
    if len({(r.rate.magnitude, inverted) for r, inverted in same_day}) > 1:
        ids = ", ".join(r.id for r, _ in same_day)
        raise RateError(
            f"{len(same_day)} different {source}/{target} rates are in force from "
            f"{latest.isoformat()} ({ids}); keep one, or pass rates= with the one to use"
        )
    return same_day[0]


@owned
def convert(
    figure: Figure | Amount,
    to: str,
    *,
    rates: Ledger | Iterable[Rate],
    on: date | None = None,
    via: str | None = None,
) -> Conversion:
    """Convert a figure (or amount) into currency ``to`` at the rate in force ``on`` that day
    (by default today). ``via="EUR"`` triangulates through a third currency; without it,
    none is tried.
    """
    original = figure if isinstance(figure, Figure) else Figure.of(figure)
    check_currency(to, "to")
    if via is not None:
        check_currency(via, "via")
    day = day_asked(on, "on")
    source = currency_of(original.unit)
    if source is None:
        raise RateError(f"{original} is not an amount of money; only money converts")
    if source == to:
        return Conversion(original, original, None)
    if via is not None:
        first = convert(original, via, rates=rates, on=day)
        second = convert(first.figure, to, rates=rates, on=day)
        return Conversion(original, second.figure, first.rate, first.inverted, via=second)
    rate, inverted = find_rate(rates, source, to, day)
    factor = ureg.Quantity(rate.rate.magnitude, rate.rate.units)
    converted = original / factor if inverted else original * factor
    return Conversion(original, converted, rate, inverted)
