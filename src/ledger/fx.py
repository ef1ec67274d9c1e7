"""Explicit, dated currency conversion, and the one rate policy every helper follows.

A conversion happens only through a :class:`~ledger.entries.Rate` entry: a sourced exchange
rate, itself a figure ("about 47 KGS/USD", a range), whose uncertainty carries into the result.
The policy, here and nowhere else (IMF BPM6: stocks at end-of-period rates, flows at the
average rate of their period):

- a **stock** (a claim, a net balance) converts at the rate in force on the day asked: the
  latest ``spot`` or ``end_of_period`` rate dated on or before it (never an average);
- a **flow** (remittances, a budget: anything per year) converts at the ``average`` rate of
  its period when the rates hold one dated on or before the day asked and covering that
  period (the narrowest such); else at the nearest rate dated on or before the day;
- a rate quoted the other way round is inverted; ``via="EUR"`` triangulates through a third
  currency (both legs by the same policy); ``max_age`` refuses a rate older than that, save an
  average of the flow's own period, which is the rate for that period whatever its age;
- where two rates tie (same date, same basis) they must agree, and the one with the lowest id
  is named: no result depends on the order of rates or entries.

The result (a :class:`Conversion`) remembers the rate and the basis it used.

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
about 300000000 USD × 28.81 RUB/USD (rate rate-2004-03-15, spot from 2004-03-15, \
debt-ledger documentation) = about 8640000000 RUB

A flow takes the average of its period where there is one:

>>> average = Rate(id="avg-2004", as_of=date(2004, 12, 31), source=made_up,
...                rate="about 28.8 RUB/USD", basis="average", period_start=date(2004, 1, 1))
>>> flow = convert(Figure.of("100 USD/year"), "RUB", rates=[rate, average],
...                on=date(2004, 12, 31))
>>> print(flow.figure, "|", flow.basis)
about 2880 RUB/year | average
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeAlias

from .arithmetic import owned
from .book import Ledger, day_asked
from .entries import GDP, Budget, Rate, Remittance
from .errors import MissingRateError, RateError, listed
from .faces import call
from .figures import Figure
from .units import Amount, check_currency, currency_of, is_flow

__all__ = [
    "Conversion",
    "MaxAge",
    "Period",
    "Rates",
    "convert",
    "describe_rate",
    "find_rate",
    "flow_period",
    "max_age_asked",
    "third_currencies",
]

#: Where rates come from: a ledger (its ``Rate`` entries) or the entries themselves.
Rates: TypeAlias = Ledger | Iterable[Rate]
#: A flow's period: a calendar year, or its first and last day (both included).
Period: TypeAlias = int | tuple[date, date]
#: How old a rate may be: a ``timedelta``, a whole number of days, or ``None`` (any age).
MaxAge: TypeAlias = timedelta | int | None

_BASIS_WORDS = {"spot": "spot", "end_of_period": "end of period", "average": "average"}


def _rate_words(rate: Rate) -> str:
    """How a rate was taken and when: "spot from 2004-03-15", "average over a..b"."""
    if rate.period_start is not None:
        return f"average over {rate.period_start.isoformat()}..{rate.as_of.isoformat()}"
    return f"{_BASIS_WORDS[rate.basis]} from {rate.as_of.isoformat()}"


@dataclass(frozen=True)
class Conversion:
    """A figure converted at a dated rate, with the rate that did it (``None`` when the figure
    was in the target currency already). ``via`` holds the second leg of a triangulation."""

    original: Figure
    figure: Figure
    rate: Rate | None
    inverted: bool = False
    via: Conversion | None = None

    @property
    def basis(self) -> str | None:
        """The basis of the rate used: ``spot``, ``average`` or ``end_of_period``."""
        return None if self.rate is None else self.rate.basis

    @property
    def rates(self) -> tuple[Rate, ...]:
        """Every rate used, in order (two for a triangulation)."""
        mine = () if self.rate is None else (self.rate,)
        return mine + (self.via.rates if self.via is not None else ())

    def explain(self, locale: str | None = None) -> str:
        """The conversion as one line of arithmetic, with each rate's id, basis, date and
        source; in English by default, in a locale's words and numbers when given one."""
        text: str = call("explain.conversion", self, locale)  # the text face
        return text

    def __str__(self) -> str:
        return str(self.figure)

    def _repr_html_(self) -> str:
        html: str = call("html.conversion", self)  # the notebook face, loaded on first display
        return html


def describe_rate(rate: Rate) -> str:
    """A rate's id, basis, date and source, as explanations cite it.

    >>> from datetime import date
    >>> from ledger import Rate, Source
    >>> nbkr = Source(publisher="NBKR", title="Rates", date=date(2013, 1, 10))
    >>> print(describe_rate(Rate(id="kgs-2012", as_of=date(2012, 12, 31), source=nbkr,
    ...       rate="about 47 KGS/USD", basis="average", period_start=date(2012, 1, 1))))
    rate kgs-2012, average over 2012-01-01..2012-12-31, NBKR
    """
    return f"rate {rate.id}, {_rate_words(rate)}, {rate.source.publisher}"


def _rates_of(rates: Rates) -> list[Rate]:
    if isinstance(rates, Ledger):
        return rates.rates()
    if isinstance(rates, str | bytes) or not isinstance(rates, Iterable):
        raise RateError(
            f"rates: {type(rates).__name__} {rates!r} holds no rates; pass a ledger or a list "
            "of its Rate entries"
        )
    return [rate for rate in rates if isinstance(rate, Rate)]


def max_age_asked(max_age: object) -> timedelta | None:
    """``max_age`` as a ``timedelta`` (a whole number is days), checked."""
    if max_age is None or isinstance(max_age, timedelta):
        age = max_age
    elif isinstance(max_age, int) and not isinstance(max_age, bool):
        age = timedelta(days=max_age)
    else:
        raise RateError(
            f"max_age: {type(max_age).__name__} {max_age!r} is not an age; pass a "
            "datetime.timedelta, a whole number of days, or None for rates of any age"
        )
    if age is not None and age < timedelta(0):
        raise RateError(f"max_age: {max_age!r} is negative; a rate's age is never below zero")
    return age


def _period_asked(period: object, day: date) -> tuple[date, date]:
    """A flow's period: the year given, the two days given, or by default the calendar year
    of the day asked."""
    if period is None:
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if isinstance(period, int) and not isinstance(period, bool) and 1 <= period <= 9999:
        return date(period, 1, 1), date(period, 12, 31)
    if (
        isinstance(period, tuple)
        and len(period) == 2
        and all(isinstance(d, date) for d in period)
        and period[0] <= period[1]
    ):
        return period[0], period[1]
    raise RateError(
        f"period: {period!r} is not a period; pass a year such as 2012, or (first day, last "
        "day) as two dates, the first not after the last"
    )


def flow_period(entry: Remittance | Budget | GDP) -> tuple[date, date]:
    """The period a flow entry speaks for, whose average rate converts it: a budget's
    ``fiscal_year``, a GDP's ``year``, a remittance's ``period`` when it is a year ("2012"),
    else the calendar year of its ``as_of``.

    >>> import ledger as lg
    >>> [d.isoformat() for d in flow_period(lg.example()["tajik-national-budget"])]
    ['2004-01-01', '2004-12-31']
    """
    year = entry.as_of.year
    if isinstance(entry, Budget) and entry.fiscal_year is not None:
        year = entry.fiscal_year
    elif isinstance(entry, GDP) and entry.year is not None:
        year = entry.year
    elif isinstance(entry, Remittance) and entry.period is not None:
        text = entry.period.strip()
        if len(text) == 4 and text.isdigit() and text.isascii() and text != "0000":
            year = int(text)
    return date(year, 1, 1), date(year, 12, 31)


def _missing_rate(
    source: str, target: str, on: date, pair: list[Rate], average: bool
) -> tuple[str, dict[str, object]]:
    """Why no rate converts ``source`` on ``on``, for a reader in any language: a key of
    ``ledger.words.REASONS`` (the rates found, and whether a stock refused an average) and
    its values, each rate found as ``(id, basis, as_of, period_start)``."""
    found = tuple(
        (r.id, r.basis, r.as_of.isoformat(), r.period_start.isoformat() if r.period_start else "")
        for r in sorted(pair, key=lambda r: (r.as_of, r.id))
    )
    key = "no rate, average" if average else "no rate, found" if found else "no rate"
    return key, {"pair": f"{source}/{target}", "day": on.isoformat(), "rates": found}


def _known(pair: list[Rate]) -> str:
    def words(rate: Rate) -> str:
        if rate.period_start is not None:
            return f"{rate.id} {_rate_words(rate)}"
        what = "" if rate.basis == "spot" else f" ({_BASIS_WORDS[rate.basis]})"
        return f"{rate.id} from {rate.as_of.isoformat()}{what}"

    return ", ".join(words(r) for r in sorted(pair, key=lambda r: (r.as_of, r.id))) or "none"


def _one(candidates: list[Rate], source: str, target: str) -> Rate:
    """The best of rates that tie on the policy's terms: they must agree (same figure, same
    direction); the lowest id names them, whatever their order."""
    distinct = {(r.rate, r.base) for r in candidates}
    if len(distinct) > 1:
        ids = listed(sorted(r.id for r in candidates))
        first = min(r.as_of for r in candidates)
        refused = RateError(
            f"{len(candidates)} different {source}/{target} rates are in force from "
            f"{first.isoformat()} ({ids}); keep one, or pass rates= with the one to use"
        )
        refused.reason = (  # a reader keeps one in the file: no rates= to pass
            "rates compete",
            {"pair": f"{source}/{target}", "day": first.isoformat(), "ids": ids},
        )
        raise refused
    return min(candidates, key=lambda r: r.id)


def _covering(in_force: list[Rate], start: date, end: date) -> list[Rate]:
    """The average rates whose period holds the flow's, the narrowest first among equals."""
    covering = [
        r
        for r in in_force
        if r.period_start is not None and r.period_start <= start and end <= r.as_of
    ]
    if not covering:
        return []
    span = min((r.as_of - r.period_start).days for r in covering if r.period_start is not None)
    narrowest = [
        r
        for r in covering
        if r.period_start is not None and (r.as_of - r.period_start).days == span
    ]
    latest = max(r.period_start for r in narrowest if r.period_start is not None)
    return [r for r in narrowest if r.period_start == latest]


def _check_age(rate: Rate, day: date, max_age: timedelta | None) -> None:
    if max_age is not None and day - rate.as_of > max_age:
        raise RateError(
            f"rate {rate.id} dated {rate.as_of.isoformat()} is {(day - rate.as_of).days} days "
            f"older than {day.isoformat()}; max_age allows {max_age.days} days. Add a "
            f"{rate.base}/{rate.quote_currency} rate dated closer to that day, or allow older "
            "rates"
        )


def find_rate(
    rates: Rates,
    source: str,
    target: str,
    on: date,
    *,
    flow: bool = False,
    period: Period | None = None,
    max_age: MaxAge = None,
) -> tuple[Rate, bool]:
    """The rate the policy takes to convert ``source`` into ``target`` on ``on``, and whether
    it must be inverted (it is quoted the other way round).

    ``flow=True`` looks first for an average rate covering ``period`` (a year, or two dates;
    by default the calendar year of ``on``); a stock never takes an average.
    """
    age = max_age_asked(max_age)
    pair = [r for r in _rates_of(rates) if {r.base, r.quote_currency} == {source, target}]
    in_force = [r for r in pair if r.as_of <= on]
    if flow:
        start, end = _period_asked(period, on)
        averages = _covering(in_force, start, end)
        if averages:
            chosen = _one(averages, source, target)
            return chosen, chosen.base != source
    else:
        if period is not None:
            raise RateError(
                "period= is for flows; a stock converts at the rate in force on the day asked"
            )
        in_force = [r for r in in_force if r.basis != "average"]
    if not in_force:
        why = ""
        if not flow and any(r.basis == "average" for r in pair):
            why = (
                " (a stock converts at a spot or end-of-period rate in force on the day, "
                "never at an average)"
            )
        refused = MissingRateError(
            f"no {source}/{target} rate in force on {on.isoformat()}; rates for the pair: "
            f"{_known(pair)}. Add a Rate entry dated on or before that day{why}",
            source,
            target,
            on,
        )
        refused.reason = _missing_rate(source, target, on, pair, bool(why))
        raise refused
    # The latest; on one day a spot or end-of-period rate before an average.
    best = max((r.as_of, r.basis != "average") for r in in_force)
    chosen = _one([r for r in in_force if (r.as_of, r.basis != "average") == best], source, target)
    _check_age(chosen, on, age)
    return chosen, chosen.base != source


def third_currencies(rates: Rates, source: str, target: str, on: date) -> list[str]:
    """The currencies a conversion from ``source`` to ``target`` could go through
    (``via=``): those with a rate to each of them dated on or before ``on``, USD first.

    >>> from ledger import Rate, Source
    >>> s = Source(publisher="P", title="T", date=date(2013, 1, 1))
    >>> two = [Rate(id="a", as_of=date(2013, 1, 1), source=s, rate="47 KGS/USD"),
    ...        Rate(id="b", as_of=date(2013, 1, 1), source=s, rate="32 RUB/USD")]
    >>> third_currencies(two, "RUB", "KGS", date(2014, 6, 1))
    ['USD']
    >>> third_currencies(two, "RUB", "KGS", date(2012, 6, 1))
    []
    """
    pairs = [{r.base, r.quote_currency} for r in _rates_of(rates) if r.as_of <= on]

    def reached(code: str) -> set[str]:
        return {other for pair in pairs if code in pair for other in pair} - {code}

    through = (reached(source) & reached(target)) - {source, target}
    return sorted(through, key=lambda code: (code != "USD", code))


@owned
def convert(
    figure: Figure | Amount,
    to: str,
    *,
    rates: Rates,
    on: date | None = None,
    via: str | None = None,
    period: Period | None = None,
    max_age: MaxAge = None,
) -> Conversion:
    """Convert a figure (or amount) into currency ``to`` by the rate policy, on the day ``on``
    (by default today). A stock takes the rate in force that day; a flow the average of its
    ``period`` (a year or two dates; by default the calendar year of ``on``) where there is
    one. ``via="EUR"`` triangulates through a third currency; without it, none is tried.
    ``max_age`` (a ``timedelta`` or days) refuses older rates.
    """
    original = figure if isinstance(figure, Figure) else Figure.of(figure)
    check_currency(to, "to")
    if via is not None:
        check_currency(via, "via")
    day = day_asked(on, "on")
    source = currency_of(original.unit)
    if source is None:
        raise RateError(f"{original} is not an amount of money; only money converts")
    flow = is_flow(original.unit)  # anything else converts as a stock, on the day
    if source == to:
        max_age_asked(max_age)
        return Conversion(original, original, None)
    if via is not None and via not in (source, to):
        first = convert(original, via, rates=rates, on=day, period=period, max_age=max_age)
        second = convert(first.figure, to, rates=rates, on=day, period=period, max_age=max_age)
        return Conversion(original, second.figure, first.rate, first.inverted, via=second)
    rate, inverted = find_rate(rates, source, to, day, flow=flow, period=period, max_age=max_age)
    converted = original / rate.rate if inverted else original * rate.rate
    return Conversion(original, converted, rate, inverted)
