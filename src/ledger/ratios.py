"""Ratios, with units from pint and bounds by interval rules, and the questions people ask.

A flow over a flow is a pure number; a stock over a flow is a duration in years; a flow over a
count of people is an amount per head.

>>> import ledger as lg
>>> from datetime import date
>>> book = lg.example()
>>> day = date(2004, 3, 15)
>>> print(remittances_to_budget(book, "TJ", as_of=day).value)
more than 1
>>> print(debt_to_budget(book, "TJ", as_of=day).value)
about 1 year
>>> print(debt_to_budget(book, "TJ", net=True, as_of=day).value)
about 0.833 year
>>> print(per_migrant(book, "TJ", as_of=day).value)
more than 300 USD/person/year, approximate
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NoReturn, TypeVar, overload

from .arithmetic import owned
from .book import DEBT_MEASURES, Ledger, book_asked, day_asked, party_asked
from .entries import GDP, Budget, DebtMeasure, DebtStock, EntryBase, Rate, Remittance, Settlement
from .errors import FigureError, LedgerError, MissingFigureError, listed
from .faces import call
from .figures import Figure
from .fx import Conversion, MaxAge, Rates, convert, flow_period, max_age_asked
from .netting import outstanding
from .units import Amount, currency_of
from .yearly import Point, Series, divided, from_source, named, preferred, series, year_of

E = TypeVar("E", bound=EntryBase)

__all__ = [
    "Question",
    "Ratio",
    "asked_of",
    "by_year",
    "debt_to_budget",
    "debt_to_gdp",
    "entry_keys",
    "per_migrant",
    "questions",
    "ratio",
    "remittances_to_budget",
    "remittances_to_gdp",
]


@overload
def ratio(a: Series, b: Series) -> Series: ...
@overload
def ratio(a: Figure | Amount, b: Figure | Amount) -> Figure: ...
@owned
def ratio(a: Figure | Amount | Series, b: Figure | Amount | Series) -> Figure | Series:
    """``a / b`` for two figures or amounts: units by pint, bounds by interval rules; for two
    series (:func:`ledger.yearly.series`), year by year, each year a :class:`Ratio` that
    explains itself, and a year missing from either missing from the answer.

    >>> print(ratio("300 million USD/year", Figure.of("300 million USD/year", "about")))
    about 1
    """
    if isinstance(a, Series) and isinstance(b, Series):
        question, net = _question(a, b)
        return by_year(question, a, b, net=net)
    if isinstance(a, Series) or isinstance(b, Series):
        return by_year("ratio", a, b)  # refused, with what to pass
    left = a if isinstance(a, Figure) else Figure.of(a)
    right = b if isinstance(b, Figure) else Figure.of(b)
    return left / right


@dataclass(frozen=True)
class Ratio:
    """The answer to a question such as "remittances against the budget", with what it rests on.

    ``question`` names the helper that asked it; ``value`` is numerator / denominator;
    ``conversions`` are the currency conversions the numerator took (each with its rate).
    """

    question: str
    party: str
    numerator: Figure
    denominator: Figure
    value: Figure
    as_of: date
    numerator_entries: tuple[EntryBase, ...]
    denominator_entries: tuple[EntryBase, ...]
    numerator_label: str
    denominator_label: str
    net: bool = False
    conversions: tuple[Conversion, ...] = ()
    #: The ledger's own names for parties (its ``parties`` table), for describe and the faces.
    names: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    #: The year the figures are for (a GDP's year, a debt at its end), where one was paired.
    year: int | None = None
    #: The measure of a recorded debt stock weighed (``"external"``...), else ``None``.
    measure: str | None = None

    @classmethod
    def of(
        cls,
        question: str,
        party: str,
        as_of: date,
        *,
        numerator: tuple[Figure, str, tuple[EntryBase, ...]],
        denominator: tuple[Figure, str, tuple[EntryBase, ...]],
        net: bool = False,
        conversions: Iterable[Conversion] = (),
        names: dict[str, Any] | None = None,
        year: int | None = None,
        measure: str | None = None,
    ) -> Ratio:
        """The ratio of two figures, each given with its label and the entries behind it."""
        top, top_label, top_entries = numerator
        bottom, bottom_label, bottom_entries = denominator
        try:
            value = top / bottom
        except FigureError as error:  # a divisor that may be zero: said so to any reader
            error.reason = _reason("divisor may be zero", what=bottom_label, party=party)
            raise
        return cls(
            question=question,
            party=party,
            numerator=top,
            denominator=bottom,
            value=value,
            as_of=as_of,
            numerator_entries=top_entries,
            denominator_entries=bottom_entries,
            numerator_label=top_label,
            denominator_label=bottom_label,
            net=net,
            conversions=tuple(c for c in conversions if c.rate is not None),
            names=dict(names or {}),
            year=year,
            measure=measure,
        )

    @property
    def entries(self) -> tuple[EntryBase, ...]:
        """The entries behind the ratio, the rates it used among them."""
        return (*self.numerator_entries, *self.denominator_entries, *self.rates)

    @property
    def rates(self) -> tuple[Rate, ...]:
        """Each rate the ratio used, once, in the order first used."""
        return tuple(dict.fromkeys(rate for c in self.conversions for rate in c.rates))

    def explain(self, locale: str | None = None) -> str:
        """The division, each entry with its source's words, and each rate it used; in
        English by default, in a locale's words and numbers when given one."""
        text: str = call("explain.ratio", self, locale)  # the text face, ledger.explaining
        return text

    def __str__(self) -> str:
        return f"{_asked(self.question)} for {self.party}: {self.value}"

    def __repr__(self) -> str:
        return f"<Ratio {self}>"

    def _repr_html_(self) -> str:
        html: str = call("html.ratio", self)  # the notebook face, loaded on first display
        return html


def _asked(question: str) -> str:
    """A question's name as a reader reads it: "remittances to GDP"."""
    return question.replace("_", " ").replace(" gdp", " GDP")


def _measure_of(label: str) -> str | None:
    """The measure of a debt-stock series from its label ("public external debt stock")."""
    if not label.endswith(" debt stock"):
        return None
    return label.removesuffix(" debt stock").replace(" ", "_")


def _question(top: Series, bottom: Series) -> tuple[str, bool]:
    """The named question two series ask, where they ask one (so that each year's ratio says
    itself as the named helper's does); else a plain ratio."""
    for name, against in (("budget", "budget"), ("GDP", "gdp")):
        if not bottom.label.startswith(name):
            continue
        if top.label.startswith("remittances"):
            return f"remittances_to_{against}", False
        if top.label.startswith(("debt", "net debt")) or top.label.endswith("debt stock"):
            return f"debt_to_{against}", top.label.startswith("net debt")
    return "ratio", False


def by_year(question: str, top: object, bottom: object, *, net: bool = False) -> Series:
    """``top / bottom`` for two series, year by year: each year a :class:`Ratio` dated 31
    December, whose numerator and denominator cite the entries and conversions behind them.

    >>> import ledger as lg
    >>> book = lg.example()
    >>> share = by_year("remittances_to_budget", lg.series(book, "TJ", "remittances",
    ...     years=[2003, 2004]), lg.series(book, "TJ", "budget", years=[2003, 2004]))
    >>> print(share)
    remittances to budget for TJ: 2003: missing, 2004: more than 1
    """
    if not isinstance(top, Series) or not isinstance(bottom, Series):
        raise MissingFigureError(
            f"a ratio by year divides a series by a series (lg.series(...)); given "
            f"{type(top).__name__} and {type(bottom).__name__}"
        )

    def make(year: int, up: Point, down: Point) -> Ratio:
        assert up.figure is not None and down.figure is not None
        below, label = down.figure, bottom.label
        if question == "debt_to_gdp":  # as published: a stock over a year of GDP, a pure number
            below, label = below * _ONE_YEAR, "GDP of a year"
        return Ratio.of(
            question,
            top.party,
            date(year, 12, 31),
            numerator=(up.figure, top.label, up.entries),
            denominator=(below, label, down.entries),
            net=net,
            conversions=(*up.conversions, *down.conversions),
            year=year,
            measure=_measure_of(top.label),
        )

    def value(answer: object) -> Figure:
        assert isinstance(answer, Ratio)
        return answer.value

    return divided(top, bottom, make, question=_asked(question), value=value)


#: The part of a series' refusal that offers a budget measure, which the ratios do not take.
_BUDGET_MEASURE_HINT = " or measure='revenue' / 'expenditure'"


def _yearly(
    question: str,
    book: Ledger,
    party: str,
    years: Iterable[int],
    one_day: tuple[date | None, int | None],
    policy: tuple[Rates | None, str | None, MaxAge],
    *,
    net: bool = False,
    measure: str | None = None,
    source: str | Collection[str] | None = None,
    asserted_by: str | Collection[str] | None = None,
) -> Series:
    """A named question year by year: the denominator's series first (the budget, or GDP),
    then the numerator's in its currency, divided year by year."""
    top_what, against = question.split("_to_")
    if one_day != (None, None):
        single = "fiscal_year=" if against == "budget" else "year="
        raise MissingFigureError(
            f"{question}: years= asks year by year, each year its own {against}; as_of= and "
            f"{single} ask for one, so pass one or the other"
        )
    rates, via, max_age = policy
    try:
        bottom = series(
            book, party, against, years=years, prefer=source, rates=rates, via=via, max_age=max_age
        )
    except MissingFigureError as error:  # the ratio takes no measure=: never offer it
        text = str(error).replace(_BUDGET_MEASURE_HINT, "")
        raise MissingFigureError(text, error.reason) from None
    top = series(
        book,
        party,
        top_what,
        years=years,
        prefer=source,
        asserted_by=asserted_by,
        net=net,
        measure=measure,
        currency=bottom.currency,
        rates=rates,
        via=via,
        max_age=max_age,
    )
    return by_year(question, top, bottom, net=net)


def _latest(
    entries: list[E],
    every: list[E],
    what: str,
    party: str,
    day: date,
    narrow: str = "fiscal_year=, as_of=",
) -> E:
    """The newest of ``entries`` (those dated on or before ``day``); ``every`` is all there are
    for the party, whatever their date, to say why none is found."""
    if not entries:
        later, entry = "", entry_keys(what, party, day.year)
        if every:
            first = min(entry.as_of for entry in every)
            many = {"budget": "budgets", "GDP": "GDP entries"}.get(what, what)
            later = f"; the ledger's {many} for {party} start {first.isoformat()}"
            raise MissingFigureError(
                f"no {what} for {party} dated on or before {day.isoformat()}{later}: ask as "
                "of a later day, or add an earlier entry",
                _reason("none yet", what=what, party=party, day=day, first=first),
            )
        raise MissingFigureError(
            f"no {what} for {party} dated on or before {day.isoformat()}; add one to the ledger "
            f"({entry}, dated on or before {day.isoformat()})",
            _reason("none", what=what, party=party, day=day),
        )
    latest = max(entry.as_of for entry in entries)
    newest = [entry for entry in entries if entry.as_of == latest]
    if len(newest) > 1:
        ids = listed(sorted(entry.id for entry in newest))
        raise MissingFigureError(
            f"{len(newest)} {what} entries for {party} compete as of {latest.isoformat()} "
            f"({ids}); keep one, or narrow the question ({narrow})",
            _reason("compete", what=what, party=party, day=latest, ids=ids),
        )
    return newest[0]


#: The entry a missing figure asks for, by what is missing: its kind, the key naming its
#: party and the key naming its year.
_ENTRY_KEYS = {
    "budget": ("budget", "party", "fiscal_year"),
    "gdp": ("gdp", "party", "year"),
    "remittances": ("remittance", "destination", "period"),
}


def entry_keys(what: str, party: str, year: str | int | None = None) -> str:
    """The keys of the entry a missing figure asks for, as a file writes them, for a reason
    to name in every language.

    >>> print(entry_keys("budget", "KZ", 2020))
    kind = "budget", party = "KZ", fiscal_year = 2020
    >>> print(entry_keys("remittances", "KG", "2012"))
    kind = "remittance", destination = "KG", period = "2012"
    >>> print(entry_keys("public external debt stock", "KG"))
    kind = "debt_stock", party = "KG", measure = "public_external"
    """
    if what.endswith(" debt stock"):
        measure = what.removesuffix(" debt stock").replace(" ", "_")
        return f'kind = "debt_stock", party = "{party}", measure = "{measure}"'
    kind, who, when = _ENTRY_KEYS.get(what.casefold(), (what, "party", ""))
    keys = f'kind = "{kind}", {who} = "{party}"'
    if year and when:
        keys += f', {when} = "{year}"' if when == "period" else f", {when} = {year}"
    return keys


def _reason(key: str, **values: object) -> tuple[str, dict[str, str]]:
    """Why a question has no answer, for a reader in any language: a key of
    ``ledger.words.REASONS`` and its values as text (days in ISO form)."""
    return key, {
        name: value.isoformat() if isinstance(value, date) else str(value)
        for name, value in values.items()
    }


Keep = Callable[[EntryBase], bool]
F = TypeVar("F", Remittance, Budget, GDP, DebtStock)


def _all(entry: EntryBase) -> bool:
    return True


def _budget(
    book: Ledger, party: str, day: date, fiscal_year: int | None, keep: Keep = _all
) -> Budget:
    budgets = preferred(book.budgets(party=party, fiscal_year=fiscal_year, as_of=day), keep)
    every = book.budgets(party=party, fiscal_year=fiscal_year)
    if fiscal_year is not None and not every:
        _no_budget_of_year(book, party, fiscal_year)
    return _latest(budgets, every, "budget", party, day, "fiscal_year=, as_of=")


def _no_budget_of_year(book: Ledger, party: str, year: int) -> NoReturn:
    """The refusal of a fiscal year no budget of the party is for, whatever its date: the year
    asked, and the years there are (not the day, which no later day would help)."""
    years = sorted({b.fiscal_year for b in book.budgets(party=party) if b.fiscal_year})
    add = f"add a budget with fiscal_year = {year}"
    if not years:
        raise MissingFigureError(
            f"no budget for {party} for fiscal year {year}, nor for any other; {add}",
            _reason("no budget of year", party=party, year=year),
        )
    listed = ", ".join(map(str, years))
    raise MissingFigureError(
        f"no budget for {party} for fiscal year {year}; the ledger's budgets for {party} are "
        f"for {listed}: ask about one of those years, or {add}",
        _reason("no budget of year, others", party=party, year=year, years=listed),
    )


def _remittance(book: Ledger, party: str, day: date, keep: Keep = _all) -> Remittance:
    return _latest(
        preferred(book.remittances(destination=party, as_of=day), keep),
        book.remittances(destination=party),
        "remittances",
        party,
        day,
        "as_of=, source=",
    )


def _of_year(
    book: Ledger,
    found: list[F],
    what: str,
    where: tuple[str, int, date | None],
    keep: Keep,
    asked: bool = False,
) -> F:
    """The one entry of ``found`` kept by ``keep`` that speaks for the year (its period, a
    GDP's ``year``, a stock's date), dated on or before the day where one is given; none or
    several refused, saying what to add or to pass."""
    party, year, day = where
    mine = [e for e in found if year_of(e) == year]
    known = preferred([e for e in mine if day is None or e.as_of <= day], keep)
    if len(known) == 1:
        return known[0]
    if known:
        ids = listed(sorted(e.id for e in known))
        raise MissingFigureError(
            f"{len(known)} {what} entries for {party} speak for {year} ({named(book, known)}); "
            "keep one, or choose with source='...' (a source id or publisher)",
            _reason("compete in year", what=what, party=party, year=year, ids=ids),
        )
    if mine:
        assert day is not None
        dated = listed(f"{e.id}: {e.as_of.isoformat()}" for e in mine)
        raise MissingFigureError(
            f"no {what} for {party} for {year} dated on or before {day.isoformat()} "
            f"({listed(f'{e.id} is dated {e.as_of.isoformat()}' for e in mine)}): ask as "
            f"of a later day{'' if asked else f', or with year={year}'}",
            _reason("later in year", what=what, party=party, year=year, day=day, ids=dated),
        )
    raise MissingFigureError(
        f"no {what} for {party} for {year}; add an entry of the {what} for {year} to the ledger "
        f"({entry_keys(what, party, year)})",
        _reason("none in year", what=what, party=party, year=year),
    )


def _newest_gdp(book: Ledger, party: str, day: date, keep: Keep) -> GDP:
    """The GDP of the newest year known on ``day`` (one entry for it, or refused)."""
    known = preferred(book.gdp(party=party, as_of=day), keep)
    if not known:
        return _latest(known, book.gdp(party=party), "GDP", party, day, "year=, as_of=")
    year = max(year_of(g) for g in known)
    return _of_year(book, known, "GDP", (party, year, day), keep)


def _debt_stock(book: Ledger, party: str, day: date, measure: DebtMeasure, keep: Keep) -> DebtStock:
    return _latest(
        preferred(book.debt_stocks(party=party, measure=measure, as_of=day), keep),
        book.debt_stocks(party=party, measure=measure),
        f"{measure.replace('_', ' ')} debt stock",
        party,
        day,
        "year=, as_of=, source=",
    )


@dataclass(frozen=True)
class _Policy:
    """How a helper converts: where its rates come from, the day, a cross currency, an age."""

    rates: Rates
    day: date
    via: str | None
    max_age: MaxAge

    def to(
        self, figure: Figure, target: str, period: tuple[date, date] | None = None
    ) -> Conversion:
        return convert(
            figure,
            target,
            rates=self.rates,
            on=self.day,
            via=self.via,
            period=period,
            max_age=self.max_age,
        )


def _policy(
    book: Ledger, rates: Rates | None, day: date, via: str | None, max_age: MaxAge
) -> _Policy:
    max_age_asked(max_age)  # checked before any question is answered
    return _Policy(book if rates is None else rates, day, via, max_age)


@overload
def remittances_to_budget(
    book: Ledger,
    party: str,
    *,
    as_of: date | None = None,
    fiscal_year: int | None = None,
    source: str | Collection[str] | None = None,
    rates: Rates | None = None,
    via: str | None = None,
    max_age: MaxAge = None,
    years: None = None,
) -> Ratio: ...
@overload
def remittances_to_budget(
    book: Ledger,
    party: str,
    *,
    as_of: date | None = None,
    fiscal_year: int | None = None,
    source: str | Collection[str] | None = None,
    rates: Rates | None = None,
    via: str | None = None,
    max_age: MaxAge = None,
    years: Iterable[int],
) -> Series: ...
@owned
def remittances_to_budget(
    book: Ledger,
    party: str,
    *,
    as_of: date | None = None,
    fiscal_year: int | None = None,
    source: str | Collection[str] | None = None,
    rates: Rates | None = None,
    via: str | None = None,
    max_age: MaxAge = None,
    years: Iterable[int] | None = None,
) -> Ratio | Series:
    """Remittances sent home to ``party`` against its budget: a pure number.

    Remittances in another currency than the budget's convert by the rate policy (see
    :mod:`ledger.fx`): at the average rate of their period where the rates hold one, with the
    ledger's own ``Rate`` entries unless ``rates`` (a ledger or Rate entries) is given.
    The remittances and the budget are of one year (a budget's ``fiscal_year``, a
    remittance's ``period``): ``fiscal_year``'s, else the newest year both have among the
    entries dated on or before ``as_of``; the answer's ``year`` says which.
    ``source`` keeps the entries of that source (an id or publisher) where several compete
    for one side and year, never a side's only entries.
    ``years=range(2005, 2013)`` asks it year by year: a series (:func:`ledger.yearly.series`)
    of ratios, each year's remittances against that year's budget.
    """
    if years is not None:
        return _yearly(
            "remittances_to_budget",
            book,
            party,
            years,
            (as_of, fiscal_year),
            (rates, via, max_age),
            source=source,
        )
    day = day_asked(as_of)
    book_asked(book)
    party = party_asked(party)
    keep = from_source(book, source)
    policy = _policy(book, rates, day, via, max_age)
    remittance, budget = _remittances_and_budget(book, party, day, fiscal_year, keep)
    target = currency_of(budget.amount.unit)
    assert target is not None
    conversion = policy.to(remittance.amount, target, flow_period(remittance))
    return Ratio.of(
        "remittances_to_budget",
        party,
        day,
        numerator=(conversion.figure, "remittances", (remittance,)),
        denominator=(budget.amount, "budget", (budget,)),
        conversions=(conversion,),
        names=book.parties,
        year=year_of(budget),
    )


def _remittances_and_budget(
    book: Ledger, party: str, day: date, fiscal_year: int | None, keep: Keep
) -> tuple[Remittance, Budget]:
    """The remittances and the budget of one year, known on ``day``: ``fiscal_year``'s, else
    the newest year both have; years that never meet are refused, named."""
    if fiscal_year is not None:
        budget = _budget(book, party, day, fiscal_year, keep)
        found = book.remittances(destination=party)
        return _of_year(book, found, "remittances", (party, fiscal_year, day), keep, True), budget
    sent = preferred(book.remittances(destination=party, as_of=day), keep)
    budgets = preferred(book.budgets(party=party, as_of=day), keep)
    if not sent:
        _remittance(book, party, day, keep)  # refused, saying why
    if not budgets:
        _budget(book, party, day, None, keep)  # refused, saying why
    sent_years = {year_of(r) for r in sent}
    budget_years = {year_of(b) for b in budgets}
    both = sent_years & budget_years
    if not both:
        raise MissingFigureError(
            f"remittances to {party} known on {day.isoformat()} are for "
            f"{', '.join(map(str, sorted(sent_years)))} and its budgets for "
            f"{', '.join(map(str, sorted(budget_years)))}: no year has both, and figures of "
            "different years are not weighed against each other; add the remittances or the "
            "budget of one year",
            _reason(
                "no common year",
                party=party,
                day=day,
                sent=", ".join(map(str, sorted(sent_years))),
                budgets=", ".join(map(str, sorted(budget_years))),
            ),
        )
    year = max(both)
    return (
        _of_year(book, sent, "remittances", (party, year, day), keep),
        _of_year(book, budgets, "budget", (party, year, day), keep),
    )


@overload
def debt_to_budget(
    book: Ledger,
    party: str,
    *,
    net: bool = False,
    as_of: date | None = None,
    fiscal_year: int | None = None,
    source: str | Collection[str] | None = None,
    asserted_by: str | Collection[str] | None = None,
    rates: Rates | None = None,
    via: str | None = None,
    max_age: MaxAge = None,
    years: None = None,
) -> Ratio: ...
@overload
def debt_to_budget(
    book: Ledger,
    party: str,
    *,
    net: bool = False,
    as_of: date | None = None,
    fiscal_year: int | None = None,
    source: str | Collection[str] | None = None,
    asserted_by: str | Collection[str] | None = None,
    rates: Rates | None = None,
    via: str | None = None,
    max_age: MaxAge = None,
    years: Iterable[int],
) -> Series: ...
@owned
def debt_to_budget(
    book: Ledger,
    party: str,
    *,
    net: bool = False,
    as_of: date | None = None,
    fiscal_year: int | None = None,
    source: str | Collection[str] | None = None,
    asserted_by: str | Collection[str] | None = None,
    rates: Rates | None = None,
    via: str | None = None,
    max_age: MaxAge = None,
    years: Iterable[int] | None = None,
) -> Ratio | Series:
    """What ``party`` owes against its budget, in years. ``net=True`` takes off what others
    owe it (its counterclaims); by default the debt is gross.

    Each claim counts for what is outstanding on the day (less its own settlements), converted
    into the budget's currency at the rate in force that day (a stock), with the ledger's own
    ``Rate`` entries unless ``rates`` is given. With ``fiscal_year`` the debt is that at the
    end of the year (31 December; the day asked, if earlier), as ``years=[fiscal_year]``
    weighs it. ``source`` and ``asserted_by`` keep the entries of that source, the claims of
    that asserter. ``years=...`` asks it year by year: each year's debt at 31 December
    against that year's budget, a series of ratios.
    """
    if years is not None:
        return _yearly(
            "debt_to_budget",
            book,
            party,
            years,
            (as_of, fiscal_year),
            (rates, via, max_age),
            net=net,
            source=source,
            asserted_by=asserted_by,
        )
    day = day_asked(as_of)
    book_asked(book)
    party = party_asked(party)
    keep = from_source(book, source)
    budget = _budget(book, party, day, fiscal_year, keep)
    if fiscal_year is not None:
        day = min(day, date(fiscal_year, 12, 31))
    policy = _policy(book, rates, day, via, max_age)
    target = currency_of(budget.amount.unit)
    assert target is not None
    debt, entries, conversions = _claims_debt(
        book, party, day, net, policy, target, chosen=(keep, asserted_by)
    )
    return Ratio.of(
        "debt_to_budget",
        party,
        day,
        numerator=(debt, "net debt" if net else "debt", entries),
        denominator=(budget.amount, "budget", (budget,)),
        net=net,
        conversions=conversions,
        names=book.parties,
        year=year_of(budget),  # the budget's, said wherever the debt's day is of another year
    )


def _claims_debt(
    book: Ledger,
    party: str,
    day: date,
    net: bool,
    policy: _Policy,
    target: str,
    hint: tuple[str, tuple[str, dict[str, str]] | None] = ("", None),
    chosen: tuple[Keep, str | Collection[str] | None] = (_all, None),
) -> tuple[Figure, tuple[EntryBase, ...], list[Conversion]]:
    """What ``party`` owes by the ledger's claims on ``day`` (less what others owe it when
    ``net``), in ``target``; the claims and reductions behind it; the conversions it took.
    ``chosen`` keeps claims by source and by asserter; ``hint`` is what a refusal for want of
    claims adds for a Python caller, and its reason for a reader (``None``: "no claims")."""
    keep, asserted_by = chosen
    claims = book.claims(debtor=party, as_of=day, asserted_by=asserted_by)
    if net:
        claims += book.claims(creditor=party, as_of=day, asserted_by=asserted_by)
    claims = preferred(claims, keep)  # a source chooses among claims, where it has any
    if not claims:
        text, why = hint
        raise MissingFigureError(
            f"no claims on {party} dated on or before {day.isoformat()}; nothing to weigh{text}",
            why or _reason("no claims", party=party, day=day),
        )
    settled: dict[str, list[Settlement]] = {}
    for settlement in book.settlements(as_of=day):
        settled.setdefault(settlement.claim, []).append(settlement)
    # Netted in each claim's own currency first, then converted once per currency: one rate
    # on one day applies to all of them, so an uncertain rate must not be counted as two
    # independent ones (which could turn a net creditor into "direction unknown").
    in_currency: dict[str, Figure] = {}
    reductions: list[Settlement] = []
    # Summed in one order, by id, whatever the ledger's order (as netting sums).
    for claim in sorted(claims, key=lambda claim: claim.id):
        mine = settled.get(claim.id, [])
        reductions += sorted(mine, key=lambda s: (s.as_of, s.id))
        left = outstanding(claim, mine)
        signed = left if claim.debtor == party else -left
        held = in_currency.get(claim.currency)
        in_currency[claim.currency] = signed if held is None else held + signed
    conversions = [policy.to(in_currency[code], target) for code in sorted(in_currency)]
    debt = conversions[0].figure
    for more in conversions[1:]:
        debt = debt + more.figure
    return debt, (*claims, *reductions), conversions


_ONE_YEAR = Figure.of("1 year")


@overload
def remittances_to_gdp(
    book: Ledger,
    party: str,
    *,
    as_of: date | None = None,
    year: int | None = None,
    source: str | Collection[str] | None = None,
    rates: Rates | None = None,
    via: str | None = None,
    max_age: MaxAge = None,
    years: None = None,
) -> Ratio: ...
@overload
def remittances_to_gdp(
    book: Ledger,
    party: str,
    *,
    as_of: date | None = None,
    year: int | None = None,
    source: str | Collection[str] | None = None,
    rates: Rates | None = None,
    via: str | None = None,
    max_age: MaxAge = None,
    years: Iterable[int],
) -> Series: ...
@owned
def remittances_to_gdp(
    book: Ledger,
    party: str,
    *,
    as_of: date | None = None,
    year: int | None = None,
    source: str | Collection[str] | None = None,
    rates: Rates | None = None,
    via: str | None = None,
    max_age: MaxAge = None,
    years: Iterable[int] | None = None,
) -> Ratio | Series:
    """Remittances sent home to ``party`` against its GDP of the same year: a pure number
    (0.45 is 45%).

    With ``year``, the remittances and the GDP for that year (a GDP's ``year``, a
    remittance's ``period``, else the year of its ``as_of``); else the newest remittances
    dated on or before ``as_of`` (today by default) against the GDP of *their* year, as known
    on that day (a GDP published later is refused, saying so). Two entries for the year are
    refused, named: ``source`` (a source id or publisher) chooses. Remittances in another
    currency than the GDP's convert at the average rate of their period, by the rate policy
    of :mod:`ledger.fx`. ``years=range(2005, 2013)`` asks it year by year: a series of ratios
    (:func:`ledger.yearly.series`); ``year=Y`` gives the same answer as ``years=[Y]``.

    >>> import ledger as lg
    >>> wdi = lg.Source(publisher="World Bank", title="World Development Indicators",
    ...                 date="2016-05-02")
    >>> book = lg.example() + lg.GDP(id="tj-gdp-2004", as_of="2004-12-31", source=wdi,
    ...                              party="TJ", year=2004, amount="2076148710 USD/year")
    >>> print(remittances_to_gdp(book, "TJ", year=2004).value)
    more than 0.1444983196
    """
    if years is not None:
        return _yearly(
            "remittances_to_gdp",
            book,
            party,
            years,
            (as_of, year),
            (rates, via, max_age),
            source=source,
        )
    day = day_asked(as_of)
    book_asked(book)
    party = party_asked(party)
    year = _year_asked(year)
    keep = from_source(book, source)
    within = None if as_of is None and year is not None else day
    given = year is not None
    if year is None:
        remittance = _remittance(book, party, day, keep)
        year = year_of(remittance)
    else:
        found = book.remittances(destination=party)
        remittance = _of_year(book, found, "remittances", (party, year, within), keep, True)
        day = day if as_of is not None else date(year, 12, 31)
    gdp = _of_year(book, book.gdp(party=party), "GDP", (party, year, within), keep, given)
    policy = _policy(book, rates, day, via, max_age)
    target = currency_of(gdp.amount.unit)
    assert target is not None
    conversion = policy.to(remittance.amount, target, flow_period(remittance))
    return Ratio.of(
        "remittances_to_gdp",
        party,
        day,
        numerator=(conversion.figure, "remittances", (remittance,)),
        denominator=(gdp.amount, "GDP", (gdp,)),
        conversions=(conversion,),
        names=book.parties,
        year=year,
    )


@overload
def debt_to_gdp(
    book: Ledger,
    party: str,
    *,
    measure: DebtMeasure | None = None,
    net: bool = False,
    as_of: date | None = None,
    year: int | None = None,
    source: str | Collection[str] | None = None,
    asserted_by: str | Collection[str] | None = None,
    rates: Rates | None = None,
    via: str | None = None,
    max_age: MaxAge = None,
    years: None = None,
) -> Ratio: ...
@overload
def debt_to_gdp(
    book: Ledger,
    party: str,
    *,
    measure: DebtMeasure | None = None,
    net: bool = False,
    as_of: date | None = None,
    year: int | None = None,
    source: str | Collection[str] | None = None,
    asserted_by: str | Collection[str] | None = None,
    rates: Rates | None = None,
    via: str | None = None,
    max_age: MaxAge = None,
    years: Iterable[int],
) -> Series: ...
@owned
def debt_to_gdp(
    book: Ledger,
    party: str,
    *,
    measure: DebtMeasure | None = None,
    net: bool = False,
    as_of: date | None = None,
    year: int | None = None,
    source: str | Collection[str] | None = None,
    asserted_by: str | Collection[str] | None = None,
    rates: Rates | None = None,
    via: str | None = None,
    max_age: MaxAge = None,
    years: Iterable[int] | None = None,
) -> Ratio | Series:
    """What ``party`` owes against a year of its GDP: a pure number (0.45 is 45% of GDP), as
    debt-to-GDP ratios are published (a stock over one year's flow), the debt and the GDP of
    one year.

    By default the debt is what the ledger's claims on ``party`` come to (gross, or
    ``net=True`` less what others owe it), as :func:`debt_to_budget` counts it: with
    ``year``, at the end of that year (31 December), as ``years=[year]`` gives it; else at the
    end of the newest year whose GDP is known on ``as_of`` (today by default), or on
    ``as_of`` if earlier. With ``measure`` (``"external"``, ``"public"``,
    ``"public_external"``) it is the recorded debt stock of that measure dated in ``year``
    (else the newest dated on or before ``as_of``) against the GDP of the stock's year.
    Two entries for the year are refused, named: ``source`` (a source id or publisher) and
    ``asserted_by`` (claims) choose. Debt in another currency converts at the rate in force
    on its day (a stock). ``years=...`` asks it year by year: a series of ratios.

    >>> import ledger as lg
    >>> wdi = lg.Source(publisher="World Bank", title="World Development Indicators",
    ...                 date="2016-05-02")
    >>> book = lg.example() + lg.GDP(id="tj-gdp-2004", as_of="2004-12-31", source=wdi,
    ...                              party="TJ", year=2004, amount="2076148710 USD/year")
    >>> print(debt_to_gdp(book, "TJ", year=2004).value)
    about 0.144
    """
    if years is not None:
        return _yearly(
            "debt_to_gdp",
            book,
            party,
            years,
            (as_of, year),
            (rates, via, max_age),
            net=net,
            measure=measure,
            source=source,
            asserted_by=asserted_by,
        )
    day = day_asked(as_of)
    book_asked(book)
    party = party_asked(party)
    year = _year_asked(year)
    if not isinstance(net, bool):
        raise LedgerError(f"net: {type(net).__name__} {net!r} is not True or False")
    if measure is not None and measure not in DEBT_MEASURES:
        raise LedgerError(
            f"measure: {measure!r} is not a debt measure; accepted: {', '.join(DEBT_MEASURES)}, "
            "or None for the ledger's claims"
        )
    if measure is not None and (net or asserted_by is not None):
        raise LedgerError(
            f"{'net=True' if net else 'asserted_by='} chooses among the ledger's claims; a debt "
            "stock (measure=) is what the party owes in all, with nothing to net or choose: "
            "leave out one of them"
        )
    keep = from_source(book, source)
    within = None if as_of is None and year is not None else day
    given = year is not None
    if measure is None:
        return _claims_to_gdp(
            book, party, (day, within, year), (net, keep, asserted_by), (rates, via, max_age)
        )
    if year is None:
        stock = _debt_stock(book, party, day, measure, keep)
        year = stock.as_of.year
    else:
        what = f"{measure.replace('_', ' ')} debt stock"
        found = book.debt_stocks(party=party, measure=measure)
        stock = _of_year(book, found, what, (party, year, within), keep, True)
        day = day if as_of is not None else date(year, 12, 31)
    gdp = _of_year(book, book.gdp(party=party), "GDP", (party, year, within), keep, given)
    target = currency_of(gdp.amount.unit)
    assert target is not None
    conversion = _policy(book, rates, stock.as_of, via, max_age).to(stock.amount, target)
    return Ratio.of(
        "debt_to_gdp",
        party,
        day,
        numerator=(conversion.figure, f"{measure.replace('_', ' ')} debt", (stock,)),
        denominator=(gdp.amount * _ONE_YEAR, "GDP of a year", (gdp,)),
        conversions=[conversion],
        names=book.parties,
        year=year,
        measure=measure,
    )


def _claims_to_gdp(
    book: Ledger,
    party: str,
    when: tuple[date, date | None, int | None],
    chosen: tuple[bool, Keep, str | Collection[str] | None],
    rule: tuple[Rates | None, str | None, MaxAge],
) -> Ratio:
    """The ledger's claims on ``party`` at the end of the year against that year's GDP."""
    day, within, year = when
    net, keep, asserted_by = chosen
    if year is None:
        gdp = _newest_gdp(book, party, day, keep)
        year = year_of(gdp)
    else:
        gdp = _of_year(book, book.gdp(party=party), "GDP", (party, year, within), keep, True)
    end = date(year, 12, 31)
    on = end if within is None else min(day, end)
    rates, via, max_age = rule
    policy = _policy(book, rates, on, via, max_age)
    target = currency_of(gdp.amount.unit)
    assert target is not None
    stocks = book.debt_stocks(party=party, as_of=on)
    hint = (
        f"; the ledger holds {len(stocks)} debt stock(s) of {party}: ask with measure="
        f"{stocks[-1].measure!r}"
        if stocks
        else f"; add claims on {party}, or a debt_stock entry and ask with measure="
    )
    what = f"{stocks[-1].measure.replace('_', ' ')} debt stock" if stocks else ""
    why = (  # a reader adds entries (their keys from the catalogs) and passes nothing
        _reason("no claims, stock", party=party, day=on, what=what)
        if stocks
        else _reason("no claims, add", party=party, day=on)
    )
    debt, entries, conversions = _claims_debt(
        book, party, on, net, policy, target, (hint, why), (keep, asserted_by)
    )
    return Ratio.of(
        "debt_to_gdp",
        party,
        day if within is not None else on,
        numerator=(debt, "net debt" if net else "debt", entries),
        denominator=(gdp.amount * _ONE_YEAR, "GDP of a year", (gdp,)),
        net=net,
        conversions=conversions,
        names=book.parties,
        year=year,
    )


def _year_asked(year: object) -> int | None:
    if year is None or (isinstance(year, int) and not isinstance(year, bool) and year > 0):
        return year
    raise LedgerError(f"year: {type(year).__name__} {year!r} is not a year; pass e.g. 2012")


@owned
def per_migrant(
    book: Ledger,
    party: str,
    *,
    as_of: date | None = None,
) -> Ratio:
    """Remittances sent home to ``party`` per migrant: an amount per person per year."""
    day = day_asked(as_of)
    book_asked(book)
    party = party_asked(party)
    remittance = _remittance(book, party, day)
    if remittance.migrants is None:
        raise MissingFigureError(
            f"remittances {remittance.id!r} to {party} give no number of migrants; add "
            "migrants = { amount = '...', qualifier = '...' } to the entry",
            _reason("no migrants", party=party, ids=remittance.id),
        )
    yearly = remittance.amount.to(f"{currency_of(remittance.amount.unit)}/year")
    return Ratio.of(
        "per_migrant",
        party,
        day,
        numerator=(yearly, "remittances", (remittance,)),
        denominator=(remittance.migrants, "migrants", ()),
        names=book.parties,
    )


@dataclass(frozen=True)
class Question:
    """A ratio a ledger can be asked of a party: ``key`` names it (``net_debt_to_gdp``,
    ``external_debt_to_gdp``), ``ask(book, party, as_of=..., rates=..., via=...)`` answers
    it (or raises a refusal saying what to add)."""

    key: str
    helper: str
    options: tuple[tuple[str, object], ...] = ()

    def ask(self, book: Ledger, party: str, **given: object) -> Ratio:
        helpers: dict[str, Any] = {
            "remittances_to_budget": remittances_to_budget,
            "debt_to_budget": debt_to_budget,
            "remittances_to_gdp": remittances_to_gdp,
            "debt_to_gdp": debt_to_gdp,
            "per_migrant": per_migrant,
        }
        if self.helper == "per_migrant":  # a count of people converts nothing
            given = {k: v for k, v in given.items() if k == "as_of"}
        answer = helpers[self.helper](book, party, **given, **dict(self.options))
        assert isinstance(answer, Ratio)
        return answer


def asked_of(book: Ledger) -> list[str]:
    """The parties a file is about, whom :func:`questions` asks anything of (the summary and
    the report alike): those it gives a budget or a GDP for or sends remittances to; in a file
    with neither, the debtors of its claims that answer no other claim (a counterclaim's
    debtor, the creditor of the claim it answers, is asked nothing: "no budget for RU" is no
    answer a reader wanted). A debtor in a file about others is asked nothing either.

    >>> import ledger as lg
    >>> asked_of(lg.example("kg-ru-2012"))
    ['KG']
    """
    about = {b.party for b in book.budgets()} | {r.destination for r in book.remittances()}
    about |= {g.party for g in book.gdp()}
    if not about:
        about = {c.debtor for c in book.claims() if c.counter_to is None}
    return sorted(about)


def questions(book: Ledger, party: str) -> list[Question]:
    """The ratios worth asking of ``party``, one rule for every face (the command's summary
    and ratios, the report): what is sent to it and what it owes, against its budget (asked
    also when it has no GDP, so that the refusal says to add a budget) and against its GDP
    (when the ledger has one); a published debt stock against GDP; what each migrant sends.
    A party that is only a creditor or an origin is asked nothing, nor one the file is not
    about (see :func:`asked_of`).

    >>> import ledger as lg
    >>> [q.key for q in questions(lg.example(), "TJ")]
    ['remittances_to_budget', 'debt_to_budget', 'net_debt_to_budget', 'per_migrant']
    >>> [q.key for q in questions(lg.example(), "RU")]  # the counterclaim's debtor
    []
    """
    book_asked(book)
    party = party_asked(party)
    if party not in asked_of(book):
        return []
    sent_to = bool(book.remittances(destination=party))
    owes = bool(book.claims(debtor=party))
    has_gdp = bool(book.gdp(party=party))
    against = ["budget"] if book.budgets(party=party) or not has_gdp else []
    against += ["gdp"] if has_gdp else []
    asked: list[Question] = []
    for base in against:
        if sent_to:
            asked.append(Question(f"remittances_to_{base}", f"remittances_to_{base}"))
        if owes:
            asked.append(Question(f"debt_to_{base}", f"debt_to_{base}"))
            asked.append(Question(f"net_debt_to_{base}", f"debt_to_{base}", (("net", True),)))
    if has_gdp:
        for measure in sorted({stock.measure for stock in book.debt_stocks(party=party)}):
            asked.append(Question(f"{measure}_debt_to_gdp", "debt_to_gdp", (("measure", measure),)))
    if sent_to:
        asked.append(Question("per_migrant", "per_migrant"))
    return asked
