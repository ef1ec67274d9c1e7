"""Series by year: one figure per year for remittances, a budget, or the debt a party owes.

``series(book, party, what, years=...)`` answers each year asked from the ledger's entries:

- ``"remittances"``: the remittances received by ``party`` that speak for the year (a
  ``period`` of that year, else the year of ``as_of``), per year;
- ``"budget"``: the party's budget for the fiscal year (``measure="revenue"`` or
  ``"expenditure"`` to choose one), per year;
- ``"gdp"``: the party's GDP for the year (its ``year``, else the year of ``as_of``), per year;
- ``"debt"``: what ``party`` owes at the end of the year (31 December): each claim on it dated
  on or before that day, less the settlements dated on or before it (never below zero), per
  creditor (``creditor=``) or in all; ``net=True`` takes off what the same creditors owe it.
  With ``measure="external"`` (or ``"public"``, ``"public_external"``) it is the published
  debt stock of that measure dated in the year instead (the World Bank dates its stocks on
  31 December), whoever the creditors are.

Where several entries speak for one year, ``source=`` (a source id or a publisher) or, for
debts, ``asserted_by=`` chooses among them; else the series is refused, the competing entries
named. A year nothing speaks for is *missing*, said so and why, never zero. Amounts in another
currency convert by the one rate policy (:mod:`ledger.fx`): a year's flow at the average rate of
that year where the ledger has one, a year-end debt at the rate in force on 31 December.

>>> import ledger as lg
>>> book = lg.example("kg-ru-2012")
>>> debt = series(book, "KG", "debt", years=range(2011, 2019))
>>> for year, figure in debt.items():
...     print(year, figure)
2011 None
2012 488900000 USD
2013 300000000 USD
2014 300000000 USD
2015 300000000 USD
2016 270000000 USD
2017 240000000 USD
2018 0 USD
>>> print(debt.why(2011))
no claim on KG dated on or before 2011-12-31
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, get_args

from .arithmetic import owned
from .book import Ledger, as_set, book_asked, party_asked
from .entries import GDP, Budget, Claim, DebtMeasure, DebtStock, Remittance, Settlement
from .errors import (
    LedgerError,
    MissingFigureError,
    MissingRateError,
    RateError,
    UnitMismatchError,
    listed,
)
from .faces import call
from .figures import Figure
from .fx import Conversion, MaxAge, Rates, convert, flow_period, max_age_asked
from .netting import outstanding
from .units import Unit, check_currency, currency_of, is_flow

if TYPE_CHECKING:
    import pandas

    from .entries import EntryBase, Rate, Source

T = TypeVar("T", bound="EntryBase")

__all__ = [
    "WHATS",
    "Point",
    "Series",
    "divided",
    "from_source",
    "named",
    "preferred",
    "series",
    "year_of",
]

#: What a series can count.
WHATS = ("remittances", "budget", "gdp", "debt")

_MEASURES = {
    "budget": ("revenue", "expenditure", "unspecified"),
    "debt": get_args(DebtMeasure),
}


class Explained(Protocol):
    """What a point may carry besides its figure: anything that explains itself (a ratio)."""

    def explain(self, locale: str | None = None) -> str: ...


@dataclass(frozen=True)
class Point:
    """One year of a series: its figure, or ``None`` and why it is missing; the entries behind
    it and the conversions it took; ``detail`` is the year's own answer where it has one (the
    :class:`~ledger.ratios.Ratio` of a ratio series); ``note`` what its sign means, where a net
    debt may be below zero."""

    year: int
    figure: Figure | None
    entries: tuple[EntryBase, ...] = ()
    conversions: tuple[Conversion, ...] = ()
    missing: str | None = None
    detail: Explained | None = None
    note: str | None = None
    #: Why the year is missing, for a reader in any language: (the series' label, or "" for
    #: its own; a key of ``ledger.words.REASONS`` and its values), one for each side missing;
    #: empty where ``missing`` has no such words.
    reasons: tuple[tuple[str, tuple[str, dict[str, str]]], ...] = field(default=(), compare=False)

    @property
    def rates(self) -> tuple[Rate, ...]:
        """Each rate the year used, once, in the order first used."""
        return tuple(dict.fromkeys(rate for c in self.conversions for rate in c.rates))

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sources of the entries and rates behind the year, once each."""
        return tuple(dict.fromkeys(e.source for e in (*self.entries, *self.rates)))


def _unit_of(points: Iterable[Point]) -> Unit | None:
    units = {p.figure.unit for p in points if p.figure is not None}
    if len(units) > 1:
        raise UnitMismatchError(
            "a series holds one unit; its years are in " + ", ".join(sorted(str(u) for u in units))
        )
    return next(iter(units), None)


class Series:
    """Figures by year, in order: each year asked is there, with its figure or why it is
    missing. All figures share one unit (``unit``); a missing year is ``None``, never zero.

    ``series[2012]`` is the year's figure (a :class:`~ledger.errors.MissingFigureError` saying
    why, for a missing year); ``items()`` gives ``(year, figure or None)``; ``explain()`` the
    entries and conversions behind each year; ``to_frame()`` a tidy frame.
    """

    __slots__ = ("label", "names", "party", "points", "question", "unit")

    party: str
    label: str  # what the series counts, as explanations say it: "debt to RU"
    question: str
    points: tuple[Point, ...]
    unit: Unit | None
    names: Mapping[str, Any]  # the ledger's parties table: its names for the party

    def __init__(
        self,
        party: str,
        label: str,
        points: Iterable[Point],
        question: str = "",
        *,
        names: Mapping[str, Any] | None = None,
    ) -> None:
        ordered = tuple(sorted(points, key=lambda p: p.year))
        years = [p.year for p in ordered]
        if len(set(years)) != len(years):
            raise LedgerError(f"a series holds each year once; given {years}")
        held: dict[str, object] = {"party": party, "label": label, "question": question or label}
        held.update(points=ordered, unit=_unit_of(ordered), names=dict(names or {}))
        for name, value in held.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Series is immutable; {name!r} cannot be set")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Series):
            return NotImplemented
        mine = (self.party, self.label, self.question, self.points)
        return mine == (other.party, other.label, other.question, other.points)

    __hash__ = None  # type: ignore[assignment]

    @property
    def years(self) -> tuple[int, ...]:
        """Every year asked, in order, missing or not."""
        return tuple(p.year for p in self.points)

    @property
    def missing(self) -> tuple[int, ...]:
        """The years nothing in the ledger speaks for."""
        return tuple(p.year for p in self.points if p.figure is None)

    @property
    def currency(self) -> str | None:
        """The currency of the series' figures (``None`` for pure numbers or all missing)."""
        return None if self.unit is None else currency_of(self.unit)

    def point(self, year: int) -> Point:
        """The year's point: figure, entries, conversions, or why it is missing."""
        for p in self.points:
            if p.year == year:
                return p
        span = f"{self.years[0]}..{self.years[-1]}" if self.points else "none"
        raise KeyError(f"{year!r} is not a year of this series (years asked: {span})")

    def __getitem__(self, year: int) -> Figure:
        p = self.point(year)
        if p.figure is None:
            raise MissingFigureError(f"{self.label} of {self.party} in {year}: {p.missing}")
        return p.figure

    def get(self, year: int) -> Figure | None:
        """The year's figure, ``None`` when missing."""
        return self.point(year).figure

    def why(self, year: int) -> str | None:
        """Why a year is missing (``None`` for a year with a figure)."""
        return self.point(year).missing

    def items(self) -> list[tuple[int, Figure | None]]:
        """``(year, figure)`` for every year asked, ``None`` for a missing one."""
        return [(p.year, p.figure) for p in self.points]

    def __iter__(self) -> Iterator[int]:
        return iter(self.years)

    def __len__(self) -> int:
        return len(self.points)

    def __contains__(self, year: object) -> bool:
        return year in self.years

    @property
    def entries(self) -> tuple[EntryBase, ...]:
        """Every entry behind the series (rates among them), once, in year order."""
        found = (e for p in self.points for e in (*p.entries, *p.rates))
        return tuple(dict.fromkeys(found))

    def explain(self, locale: str | None = None) -> str:
        """Each year's figure with the entries behind it (each with its source's words), the
        conversions it took, or why it is missing; in English by default, in a locale's
        words and numbers when given one."""
        text: str = call("explain.series", self, locale)  # the text face, ledger.explaining
        return text

    def to_frame(self) -> pandas.DataFrame:
        """A tidy frame, one row per year: ``year, value, low, high, low_inclusive,
        high_inclusive, approximate, qualifier, currency, unit, places, sources, entries,
        missing``; amounts as ``Decimal``, a missing year's cells empty and ``missing`` saying
        why. Needs the ``frames`` extra (pandas)."""
        frame: pandas.DataFrame = call("frame.series", self)
        return frame

    def __str__(self) -> str:
        cells = ", ".join(
            f"{year}: {'missing' if figure is None else figure}" for year, figure in self.items()
        )
        return f"{self.question} for {self.party}: {cells}"

    def __repr__(self) -> str:
        return f"<Series {self}>"

    def _repr_html_(self) -> str:
        html: str = call("html.series", self)  # the notebook face, loaded on first display
        return html


# -- choosing entries -----------------------------------------------------------------------


def year_of(entry: Remittance | Budget | GDP | DebtStock) -> int:
    """The year an entry speaks for: a flow's period (as the rate policy reads it), a debt
    stock's date.

    >>> import ledger as lg
    >>> year_of(lg.example("kg-ru-2012")["kg-republican-budget-2012"])
    2012
    """
    if isinstance(entry, DebtStock):
        return entry.as_of.year
    return flow_period(entry)[0].year


def _years_asked(years: object) -> tuple[int, ...]:
    if isinstance(years, int) and not isinstance(years, bool):
        years = [years]
    if isinstance(years, str | bytes) or not isinstance(years, Iterable):
        raise LedgerError(
            f"years: {type(years).__name__} {years!r} is not years; pass years such as "
            "range(2005, 2013) or [2011, 2012]"
        )
    found = list(years)
    for year in found:
        if not isinstance(year, int) or isinstance(year, bool) or not 1 <= year <= 9998:
            raise LedgerError(f"years: {year!r} is not a year; a year is a whole number, e.g. 2012")
    if not found:
        raise LedgerError("years: none given; pass years such as range(2005, 2013)")
    if len(set(found)) != len(found):
        raise LedgerError(f"years: {found} names a year twice; name each once")
    return tuple(sorted(found))


def _source_ids(book: Ledger) -> dict[Source, str]:
    return book.parts.source_ids


def from_source(book: Ledger, wanted: str | Collection[str] | None) -> Callable[[EntryBase], bool]:
    """Whether an entry comes from one of the ``wanted`` sources (an id or a publisher); an
    unknown source is refused, the ledger's named.

    >>> import ledger as lg
    >>> keep = from_source(lg.example("kg-ru-2012"), "World Bank")
    >>> [e.id for e in lg.example("kg-ru-2012") if keep(e)]
    ['kgs-usd-2013-09-30']
    """
    wanted = as_set(wanted)
    if wanted is None:
        return lambda entry: True
    ids = _source_ids(book)
    known = {*ids.values(), *(e.source.publisher for e in book)}
    unknown = sorted(set(wanted) - known)
    if unknown:
        lost = (
            ""
            if ids
            else " (this ledger has no source ids: they come from a file's sources table, "
            "which a new Ledger(...) of the entries leaves behind; book + entries keeps them)"
        )
        raise LedgerError(
            f"source: {', '.join(map(repr, unknown))} names no source of the ledger{lost}; "
            f"pass a source id or publisher: {', '.join(sorted(known))}"
        )
    return lambda e: e.source.publisher in wanted or ids.get(e.source) in wanted


def preferred(entries: Iterable[T], keep: Callable[[EntryBase], bool]) -> list[T]:
    """Of entries that compete (for one side of a question, one year), those ``keep`` takes
    (:func:`from_source`), where it takes any; else all of them: a source chooses among
    entries, and never drops the only ones there are.

    >>> import ledger as lg
    >>> book = lg.example("kg-ru-2012")
    >>> [e.id for e in preferred(book.budgets(), from_source(book, "World Bank"))]
    ['kg-republican-budget-2012']
    """
    found = list(entries)
    kept = [entry for entry in found if keep(entry)]
    return kept or found


def named(book: Ledger, entries: Iterable[EntryBase]) -> str:
    """Entries named with their sources and dates, by id, as a refusal names them."""
    ids = _source_ids(book)
    return listed(_said(e, ids) for e in sorted(entries, key=lambda e: e.id))


def _said(entry: EntryBase, ids: dict[Source, str]) -> str:
    source = ids.get(entry.source) or entry.source.publisher
    return f"{entry.id} ({source}, {entry.source.date.isoformat()})"


def _competing(
    book: Ledger, what: str, party: str, chosen: dict[int, list[EntryBase]], hint: str
) -> None:
    """Refuses a series where several entries speak for one year, naming them all."""
    clashes = {year: found for year, found in chosen.items() if len(found) > 1}
    if not clashes:
        return
    ids = _source_ids(book)
    years = "; ".join(
        f"{year}: {listed(_said(e, ids) for e in sorted(found, key=lambda e: e.id))}"
        for year, found in sorted(clashes.items())
    )
    raise MissingFigureError(
        f"several {what} entries for {party} speak for one year ({years}); choose with {hint}"
    )


def _flows(
    book: Ledger,
    party: str,
    what: str,
    years: tuple[int, ...],
    choice: tuple[Callable[[Any], bool], Callable[[Any], bool]],
) -> dict[int, list[EntryBase]]:
    """Each year's entries of ``what`` that ``fits`` takes; where several speak for a year,
    those ``keep`` prefers (a source)."""
    fits, keep = choice
    found: list[Remittance] | list[Budget] | list[GDP] | list[DebtStock]
    if what == "remittances":
        found = book.remittances(destination=party)
    elif what == "budget":
        found = book.budgets(party=party)
    elif what == "gdp":
        found = book.gdp(party=party)
    else:
        found = book.debt_stocks(party=party)
    chosen: dict[int, list[EntryBase]] = {year: [] for year in years}
    for entry in found:
        year = year_of(entry)
        if year in chosen and fits(entry):
            chosen[year].append(entry)
    return {year: preferred(found, keep) for year, found in chosen.items()}


@dataclass(frozen=True)
class _Policy:
    currency: str | None
    rates: Rates
    via: str | None
    max_age: MaxAge

    def target(self, found: Iterable[Figure], what: str, party: str) -> str | None:
        """The series' currency: the one asked, else the one all its figures share."""
        if self.currency is not None:
            return self.currency
        held = sorted({code for f in found if (code := currency_of(f.unit)) is not None})
        if len(held) > 1:
            raise UnitMismatchError(
                f"the {what} of {party} are in {', '.join(held)}; amounts in different currencies "
                "are never added to one series: pass currency='...' to convert them by the "
                "rate policy"
            )
        return held[0] if held else None

    def to(
        self, figure: Figure, target: str | None, day: date, period: tuple[date, date] | None
    ) -> Conversion:
        if target is None:
            return Conversion(figure, figure, None)
        return convert(
            figure,
            target,
            rates=self.rates,
            on=day,
            via=self.via,
            period=period,
            max_age=self.max_age,
        )


_NONE = {
    "remittances": "remittances to",
    "budget": "budget of",
    "gdp": "GDP of",
    "debt": "published debt stock of",
}


def _flow_points(
    book: Ledger,
    party: str,
    what: str,
    years: tuple[int, ...],
    chosen: dict[int, list[EntryBase]],
    policy: _Policy,
) -> list[Point]:
    words = _NONE[what]
    amounts = [
        e.amount
        for found in chosen.values()
        for e in found
        if isinstance(e, Remittance | Budget | GDP | DebtStock)
    ]
    target = policy.target(amounts, what, party)
    points = []
    for year in years:
        if not chosen[year]:
            said = ("none in year", {"what": what, "party": party, "year": str(year)})
            points.append(
                Point(year, None, missing=f"no {words} {party} for {year}", reasons=(("", said),))
            )
            continue
        entry = chosen[year][0]
        assert isinstance(entry, Remittance | Budget | GDP | DebtStock)
        # A flow at the average rate of its period, a stock at the rate on its own day.
        period = None if isinstance(entry, DebtStock) else flow_period(entry)
        day = entry.as_of if period is None else period[1]
        try:
            conversion = policy.to(entry.amount, target, day, period)
        except RateError as error:
            points.append(
                Point(
                    year,
                    None,
                    (entry,),
                    missing=_no_rate(entry.amount, error),
                    reasons=_rate_reason(error),
                )
            )
            continue
        yearly = conversion.figure
        code = currency_of(yearly.unit)
        if code is not None and is_flow(yearly.unit):
            yearly = yearly.to(f"{code}/year")
        used = (conversion,) if conversion.rate is not None else ()
        points.append(Point(year, yearly, (entry,), used))
    return points


def _debt_point(
    book: Ledger,
    party: str,
    year: int,
    claims: list[Claim],
    settled: dict[str, list[Settlement]],
    policy: _Policy,
    target: str | None,
) -> Point:
    day = date(year, 12, 31)
    counted = [c for c in claims if c.as_of <= day]
    if not counted:
        said = ("no claims", {"party": party, "day": day.isoformat()})
        return Point(
            year,
            None,
            missing=f"no claim on {party} dated on or before {day}",
            reasons=(("", said),),
        )
    in_currency: dict[str, Figure] = {}
    reductions: list[Settlement] = []
    # Netted in each claim's own currency first, then converted once per currency (one rate
    # on one day: an uncertain rate is never counted as two independent ones).
    for claim in sorted(counted, key=lambda c: c.id):
        mine = sorted((s for s in settled.get(claim.id, []) if s.as_of <= day), key=_by_day)
        reductions += mine
        left = outstanding(claim, mine)
        signed = left if claim.debtor == party else -left
        held = in_currency.get(claim.currency)
        in_currency[claim.currency] = signed if held is None else held + signed
    conversions = []
    for code in sorted(in_currency):
        try:
            conversions.append(policy.to(in_currency[code], target, day, None))
        except RateError as error:  # named by what the year owes in that currency
            return Point(
                year,
                None,
                tuple(counted),
                missing=_no_rate(in_currency[code], error),
                reasons=_rate_reason(error),
            )
    total = conversions[0].figure
    for more in conversions[1:]:
        total = total + more.figure
    used = tuple(c for c in conversions if c.rate is not None)
    note = _sign_note(party, total) if any(c.creditor == party for c in counted) else None
    return Point(year, total, (*counted, *reductions), used, note=note)


def _sign_note(party: str, net: Figure) -> str | None:
    """What a net debt below zero means, said where it may be: never a negative debt."""
    _, low, high = net.magnitudes
    if low is not None and low >= 0:
        return None
    what = f"{party} is owed more than it owes (a net creditor)"
    if high is None or high > 0:
        return f"direction unknown: may be below zero, {what}"
    return f"below zero: {what}"


def _no_rate(figure: Figure, error: RateError) -> str:
    """Why a year is missing when its figure cannot be converted: the rate policy's words."""
    return f"{figure} not converted: {error}"


def _rate_reason(error: RateError) -> tuple[tuple[str, tuple[str, dict[str, str]]], ...]:
    """A missing rate as a reason any language can say (other rate refusals: none)."""
    if not isinstance(error, MissingRateError):
        return ()
    pair = f"{error.source}/{error.target}"
    return (("", ("no rate", {"pair": pair, "day": error.on.isoformat()})),)


def _by_day(settlement: Settlement) -> tuple[date, str]:
    return settlement.as_of, settlement.id


def _debt_points(
    book: Ledger,
    party: str,
    years: tuple[int, ...],
    *,
    creditor: str | None,
    net: bool,
    asserted_by: Collection[str] | None,
    keep: tuple[Callable[[EntryBase], bool], Callable[[EntryBase], bool]],
    policy: _Policy,
) -> list[Point]:
    fits, liked = keep
    claims = book.claims(debtor=party, creditor=creditor, asserted_by=asserted_by)
    if net:
        claims += book.claims(creditor=party, debtor=creditor, asserted_by=asserted_by)
    claims = preferred([c for c in claims if fits(c)], liked)  # a preferred source chooses
    _said_twice(book, party, claims, years)
    settled: dict[str, list[Settlement]] = {}
    for settlement in book.settlements():
        settled.setdefault(settlement.claim, []).append(settlement)
    last = date(years[-1], 12, 31)  # claims dated after the years asked have no say
    target = policy.target((c.amount for c in claims if c.as_of <= last), "debts", party)
    return [_debt_point(book, party, year, claims, settled, policy, target) for year in years]


def _said_twice(book: Ledger, party: str, claims: list[Claim], years: tuple[int, ...]) -> None:
    """Refuses claims between the same two parties, the same way, asserted by different
    parties: likely one debt said twice (by the creditor and by the debtor), never added."""
    last = date(years[-1], 12, 31)
    by_pair: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        if claim.as_of <= last:
            by_pair.setdefault((claim.debtor, claim.creditor), []).append(claim)
    for (debtor, creditor), found in sorted(by_pair.items()):
        if len({c.asserted_by for c in found}) > 1:
            ids = _source_ids(book)
            named = ", ".join(
                f"{_said(c, ids)} asserted by {c.asserted_by}"
                for c in sorted(found, key=lambda c: c.id)
            )
            raise MissingFigureError(
                f"claims of {creditor} on {debtor} are asserted by different parties ({named}): "
                "the same debt may be said twice; choose with asserted_by='...' or source='...'"
            )


# -- the question ---------------------------------------------------------------------------


def _label(what: str, measure: str | None, creditor: str | None, net: bool) -> str:
    if what == "budget" and measure is not None:
        return f"budget ({measure})"
    if what == "debt" and measure is not None:
        return f"{measure.replace('_', ' ')} debt stock"
    if what == "gdp":
        return "GDP"
    if what == "debt":
        name = "net debt" if net else "debt"
        return f"{name} to {creditor}" if creditor else name
    return what


def _checked(what: object, measure: object, net: object, creditor: object) -> None:
    if what not in WHATS:
        raise LedgerError(f"what: {what!r} is not a series; accepted: {', '.join(WHATS)}")
    if measure is not None and measure not in _MEASURES.get(str(what), ()):
        raise LedgerError(
            f"measure: {measure!r} is not accepted here; a budget's measure is one of "
            f"{', '.join(_MEASURES['budget'])}, a published debt stock's one of "
            f"{', '.join(_MEASURES['debt'])}"
        )
    if (what != "debt" or measure is not None) and (net or creditor is not None):
        raise LedgerError(
            f"creditor= and net= choose among claims; what={what!r}"
            + (f" with measure={measure!r} (a published stock)" if measure else "")
            + " takes neither"
        )


@owned
def series(
    book: Ledger,
    party: str,
    what: str,
    *,
    years: Iterable[int],
    asserted_by: str | Collection[str] | None = None,
    source: str | Collection[str] | None = None,
    measure: str | None = None,
    creditor: str | None = None,
    net: bool = False,
    currency: str | None = None,
    rates: Rates | None = None,
    via: str | None = None,
    max_age: MaxAge = None,
    prefer: str | Collection[str] | None = None,
) -> Series:
    """One figure per year for ``what`` (``"remittances"``, ``"budget"``, ``"gdp"``,
    ``"debt"``) of ``party``, over ``years`` (e.g. ``range(2005, 2013)``).

    ``source`` keeps entries from that source (its id in the file, or its publisher);
    ``prefer`` (a source id or publisher, as the ratio helpers' ``source=`` passes it) only
    chooses: where several entries speak for a year it keeps that source's, and a year's
    only entries (or the only claims) stay whatever their source; ``asserted_by`` keeps
    claims asserted by that party (debts only). ``measure`` chooses a budget's revenue or
    expenditure, or a published debt stock (``"external"``, ``"public"``,
    ``"public_external"``) in place of the claims; ``creditor`` one creditor's claims;
    ``net=True`` takes off what those creditors owe ``party``. ``currency`` converts every
    year into one currency by the rate policy (rates from the ledger, or ``rates=``;
    ``via``, ``max_age`` as for :func:`~ledger.fx.convert`); without it, the entries must
    share one.

    >>> import ledger as lg
    >>> budget = series(lg.example("kg-ru-2012"), "KG", "budget", years=[2012],
    ...                 currency="USD")
    >>> print(budget[2012])
    about 1830000000 USD/year
    """
    book_asked(book)
    party = party_asked(party)
    _checked(what, measure, net, creditor)
    wanted = _years_asked(years)
    if creditor is not None:
        creditor = party_asked(creditor, "creditor")
    if currency is not None:
        check_currency(currency)
    max_age_asked(max_age)
    asserters = as_set(asserted_by)
    if asserters is not None and (what != "debt" or measure is not None):
        kind = "debt stock" if what == "debt" else what
        raise LedgerError(
            f"asserted_by: {kind} entries name no asserter (only claims do); choose among "
            "them with source='...' (a source id or publisher)"
        )
    keep = from_source(book, source)
    liked = from_source(book, prefer)
    policy = _Policy(currency, book if rates is None else rates, via, max_age)
    label = _label(what, measure, creditor, net)
    if what == "debt" and measure is None:
        points = _debt_points(
            book,
            party,
            wanted,
            creditor=creditor,
            net=net,
            asserted_by=asserters,
            keep=(keep, liked),
            policy=policy,
        )
        return Series(party, label, points, names=book.parties)
    chosen = _flows(
        book,
        party,
        what,
        wanted,
        (lambda e: keep(e) and (measure is None or getattr(e, "measure", None) == measure), liked),
    )
    hint = "source='...' (a source id or publisher)"
    if what == "budget" and measure is None:
        hint += " or measure='revenue' / 'expenditure'"
    _competing(book, "debt stock" if what == "debt" else what, party, chosen, hint)
    points = _flow_points(book, party, what, wanted, chosen, policy)
    return Series(party, label, points, names=book.parties)


# -- series of ratios -----------------------------------------------------------------------


def divided(
    top: Series,
    bottom: Series,
    make: Callable[[int, Point, Point], Explained],
    *,
    question: str,
    value: Callable[[Explained], Figure],
) -> Series:
    """``top / bottom`` year by year, each year's answer made by ``make(year, top, bottom)``
    (a ratio that explains itself); a year missing from either is missing from the result,
    and says which. Both must cover the same years and, when both are money, one currency."""
    if not isinstance(top, Series) or not isinstance(bottom, Series):
        raise LedgerError("a ratio of series divides a Series by a Series")
    if top.years != bottom.years:
        raise LedgerError(
            f"the series cover different years ({_span(top)} and {_span(bottom)}); ask both "
            "for the same years"
        )
    party = f"{top.party}/{bottom.party}" if top.party != bottom.party else top.party
    ours, theirs = top.currency, bottom.currency
    if ours is not None and theirs is not None and ours != theirs:
        raise UnitMismatchError(
            f"{top.label} are in {ours} and {bottom.label} in {theirs}: a ratio of series "
            f"wants one currency; ask one of them with currency='{theirs}'"
        )
    points = []
    for up, down in zip(top.points, bottom.points, strict=True):
        sides = [(s, p) for s, p in ((top, up), (bottom, down)) if p.missing]
        if sides:
            gaps = [f"{s.label}: {p.missing}" for s, p in sides]
            reasons = tuple((s.label, said) for s, p in sides for _, said in p.reasons)
            whole = all(p.reasons for _, p in sides)  # every side says why, or none is said
            points.append(
                Point(up.year, None, missing="; ".join(gaps), reasons=reasons if whole else ())
            )
            continue
        answer = make(up.year, up, down)
        points.append(
            Point(
                up.year,
                value(answer),
                (*up.entries, *down.entries),
                (*up.conversions, *down.conversions),
                detail=answer,
            )
        )
    names = {**bottom.names, **top.names}
    return Series(party, f"{top.label} / {bottom.label}", points, question, names=names)


def _span(s: Series) -> str:
    return f"{s.years[0]}..{s.years[-1]}" if s.points else "none"
