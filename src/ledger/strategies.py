"""Hypothesis strategies for amounts, figures, entries and ledgers.

The same generators the project's own property tests use, for users to test their code with::

    from hypothesis import given
    from ledger import strategies as lst

    @given(lst.figures(kind="stock", currency="USD"))
    def test_my_report(figure): ...

Wide by default, narrowed by arguments: amounts and figures are signed (entries, which hold
what a source said, are not), figures take every shape the sources use (exact, about, one-sided,
ranges with open or closed ends, approximate or not) and what arithmetic makes of them; entries
take every status, method and measure; dates run from 1991 to 2040. Every number is an exact
``Decimal``, never NaN.

Arguments are checked when a strategy is built, not when it is first drawn from: a wrong one
raises :class:`hypothesis.errors.InvalidArgument` with the accepted values in words.

Importing this module registers a strategy for :class:`~ledger.figures.Figure`, every entry
type, :class:`~ledger.entries.Source` and :class:`~ledger.book.Ledger` with
``st.register_type_strategy``, so ``st.from_type(lg.Claim)`` works; an installed debt-ledger
also names this module as a ``hypothesis`` entry point, which imports it whenever hypothesis
itself is imported.

A ledger drawn inside a test notes its TOML text (``hypothesis.note``): a failing test prints
``lg.loads(...)`` that gives the same ledger back.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal, localcontext
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, NoReturn, get_args
from weakref import WeakKeyDictionary

try:
    from hypothesis import currently_in_test_context, note
    from hypothesis import strategies as st
    from hypothesis.control import BuildContext, current_build_context
    from hypothesis.errors import InvalidArgument
except ImportError:  # pragma: no cover - depends on the environment
    raise ImportError(
        "ledger.strategies needs hypothesis: python -m pip install 'debt-ledger[test]'"
    ) from None

from .arithmetic import CONTEXT, DIGITS, DOWN, SUMS, check_amount
from .book import Ledger, loads
from .entries import (
    ENTRY_KINDS,
    GDP,
    Budget,
    Claim,
    DebtStock,
    EntryBase,
    Rate,
    Remittance,
    Settlement,
    Share,
    Source,
    party_error,
)
from .errors import LedgerError
from .figures import QUALIFIERS, Figure
from .units import (
    CURRENCIES,
    TIME_UNITS,
    Quantity,
    Unit,
    currency_of,
    make_quantity,
    money,
    ureg,
)

if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn

__all__ = [
    "ALL_KINDS",
    "DEBT_MEASURES",
    "FIRST_DAY",
    "KINDS",
    "LAST_DAY",
    "METHODS",
    "PARTIES",
    "STATUSES",
    "amounts",
    "currencies",
    "dates",
    "entries",
    "figures",
    "ledgers",
    "parties",
    "points",
    "quantities",
    "register_type_strategies",
    "sources",
    "texts",
]

Kind = Literal["stock", "flow", "count", "pure"]
Number = int | Decimal | str

#: The kinds of quantity and figure: a stock (a debt), a flow (per period), a count of people,
#: a pure number.
KINDS: tuple[Kind, ...] = ("stock", "flow", "count", "pure")
#: The kinds of entry, in the order ledgers name them.
ALL_KINDS: tuple[str, ...] = tuple(ENTRY_KINDS)
#: Every status a claim may have, every way a settlement may reduce one, every budget measure.
STATUSES: tuple[str, ...] = get_args(Claim.model_fields["status"].annotation)
METHODS: tuple[str, ...] = get_args(Settlement.model_fields["method"].annotation)
MEASURES: tuple[str, ...] = get_args(Budget.model_fields["measure"].annotation)
#: What a debt stock may count.
DEBT_MEASURES: tuple[str, ...] = get_args(DebtStock.model_fields["measure"].annotation)
#: Parties that shrink towards the seed's own.
PARTIES: tuple[str, ...] = ("RU", "TJ", "KZ", "UZ", "KG", "org:imf")
#: The days entries and sources are dated between, by default: three and a half decades.
FIRST_DAY = date(1991, 1, 1)
LAST_DAY = date(2040, 12, 31)

#: A handful of currencies that matter to the seed, then the rest of CLDR's list.
_COMMON = ("USD", "RUB", "TJS", "KZT", "EUR")
_ENTRY_CURRENCIES = ("USD", "RUB")
_LIMIT = 10**12  # the default size of an amount drawn
# Entries that hold a figure.
_FIGURE_KINDS = ("claim", "remittance", "budget", "settlement", "gdp", "debt_stock", "share")
#: How far back an entry looks for the claim or the source it shares (from the latest).
_BACK = st.integers(0, 7)
#: Whether a claim answers another: one time in three.
_SOMETIMES = st.sampled_from((False, False, True))
#: Whether a ledger has one more entry: five times in six (about five entries past
#: ``min_entries`` on average, as many as the old count drawn first gave); the end shrinks first.
_MORE = st.sampled_from((False, True, True, True, True, True))


def _fail(message: str) -> NoReturn:
    raise InvalidArgument(message)


# -- checking arguments ---------------------------------------------------------------------


def _number(value: object, name: str) -> Decimal:
    """An argument that bounds amounts: an int, a Decimal or text, finite and inside the
    library's limits."""
    if isinstance(value, float):
        _fail(
            f"{name}={value!r} is a float, which may already be rounded: pass an int, a Decimal "
            f"or text such as {str(value)!r}"
        )
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, str)):
        _fail(f"{name}={value!r} must be a number: an int, a Decimal or text such as '0.01'")
    try:
        number = Decimal(value)
    except ArithmeticError:
        _fail(f"{name}={value!r} is not a number")
    try:
        return check_amount(number, name)
    except LedgerError as error:
        _fail(str(error))


def _whole(value: object, name: str, low: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        _fail(f"{name}={value!r} must be a whole number")
    if value < low:
        _fail(f"{name}={value!r} must be at least {low}")
    return value


#: The lowest floor taken when only a ceiling is given: inside every amount's limits.
_LOWEST = Decimal(-(10**29))


def _bounds(
    min_value: object, max_value: object, places: int, floor: Decimal | None = None
) -> tuple[Decimal, Decimal]:
    """The bounds asked for, and for one not given: ``floor`` (when given) or ``-max_value``
    under a positive ceiling, else 10**12 below it; 10**12 as the ceiling, or 10**12 above a
    floor at or above it. A refusal names only the bounds the user gave."""
    high = None if max_value is None else _number(max_value, "max_value")
    low = None if min_value is None else _number(min_value, "min_value")
    if low is None:
        if floor is not None:
            low = floor
        elif high is None:
            low = Decimal(-_LIMIT)
        else:
            low = -high if high > 0 else max(high - _LIMIT, _LOWEST)
    if high is None:
        high = Decimal(_LIMIT) if low < _LIMIT else min(low + _LIMIT, -_LOWEST)
    if low > high:
        _fail(f"min_value={min_value!r} is above max_value={max_value!r}")
    if _grid(low, high, places) < 1:
        _fail(
            f"no amount with at most {places} decimal places lies between "
            f"{_between(min_value, max_value)}; widen them or allow more places"
        )
    return low, high


def _grid(low: Decimal, high: Decimal, places: int) -> int:
    """How many amounts with ``places`` decimal places lie in [low, high]."""
    return math.floor(high.scaleb(places, CONTEXT)) - math.ceil(low.scaleb(places, CONTEXT)) + 1


def _between(min_value: object, max_value: object) -> str:
    """The bounds as the user gave them (a floor not given is a count's 0)."""
    floor = "0 (a count starts at 0)" if min_value is None else f"min_value={min_value!r}"
    return f"{floor} and max_value={max_value!r}"


def _choices(value: object, name: str, accepted: tuple[str, ...], noun: str) -> tuple[str, ...]:
    """A non-empty tuple of known words (one word alone is taken as a tuple of one)."""
    words = (value,) if isinstance(value, str) else value
    nouns = f"{noun}es" if noun.endswith("s") else f"{noun}s"
    if not isinstance(words, (tuple, list, set, frozenset)) or not words:
        _fail(
            f"{name}={value!r} must be a non-empty tuple of {nouns}; accepted: "
            f"{', '.join(accepted)}"
        )
    unknown = [w for w in words if w not in accepted]
    if unknown:
        what = f"is not a {noun}" if len(unknown) == 1 else f"are not {nouns}"
        _fail(f"{name}: {', '.join(map(repr, unknown))} {what}; accepted: {', '.join(accepted)}")
    ordered = [w for w in accepted if w in words] if isinstance(words, (set, frozenset)) else words
    return tuple(dict.fromkeys(ordered))


def _currency(code: object, name: str = "currency") -> str:
    if not isinstance(code, str) or code not in CURRENCIES:
        hint = ""
        if isinstance(code, str) and code.upper() in CURRENCIES:
            hint = f" (codes are upper-case: {code.upper()!r})"
        _fail(
            f"{name}={code!r} is not an ISO 4217 code known to CLDR{hint}; e.g. "
            f"{', '.join(map(repr, _COMMON))}"
        )
    return code


def _currency_choices(value: object) -> tuple[str, ...]:
    codes = (value,) if isinstance(value, str) else value
    if not isinstance(codes, (tuple, list)) or not codes:
        _fail(f"currencies={value!r} must be a non-empty tuple of ISO 4217 codes, e.g. ('USD',)")
    return tuple(dict.fromkeys(_currency(code, "currencies") for code in codes))


def _codes(currency: object) -> st.SearchStrategy[str]:
    if currency is None:
        return currencies()
    if isinstance(currency, st.SearchStrategy):
        return currency.map(_currency)  # a drawn code that is none, named as the argument
    return st.just(_currency(currency))


def _kind(kind: object) -> Kind:
    if kind not in KINDS:
        _fail(f"kind={kind!r} is not a kind of amount; accepted: {', '.join(KINDS)}")
    return kind


def _periods(per: object) -> tuple[str, ...]:
    if per is None:
        return tuple(TIME_UNITS)
    if per not in TIME_UNITS:
        _fail(f"per={per!r} is not a period; accepted: {', '.join(TIME_UNITS)} (or None for any)")
    return (per,)


def _party_choices(
    value: object, at_least: int, why: str, name: str = "parties"
) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (tuple, list)) or not value:
        _fail(f"{name}={value!r} must be a non-empty tuple of party codes, such as {PARTIES!r}")
    for party in value:
        problem = party_error(party)
        if problem:
            _fail(f"{name}: {problem}")
    unique = tuple(dict.fromkeys(value))
    if len(unique) < at_least:
        _fail(f"{name}={value!r} names {len(unique)} party; {why} needs at least {at_least}")
    return unique


def _day(value: object, name: str) -> date:
    if not isinstance(value, date):
        _fail(f"{name}={value!r} must be a datetime.date")
    return value


def _span(start: object, end: object) -> tuple[date, date]:
    """The days asked for, FIRST_DAY and LAST_DAY where none is given; a refusal names only
    the dates the user gave."""
    first = FIRST_DAY if start is None else _day(start, "start")
    last = LAST_DAY if end is None else _day(end, "end")
    if first > last and start is None:
        _fail(
            f"end={last.isoformat()} is before {FIRST_DAY.isoformat()}, the first date drawn "
            "by default; give start= as well"
        )
    if first > last and end is None:
        _fail(
            f"start={first.isoformat()} is after {LAST_DAY.isoformat()}, the last date drawn "
            "by default; give end= as well"
        )
    if first > last:
        _fail(f"start={first.isoformat()} is after end={last.isoformat()}")
    return first, last


# -- drawing: plain functions of ``draw``, so that no strategy is built while drawing ------------


def _draw_amount(draw: DrawFn, low: Decimal, high: Decimal, places: int) -> Decimal:
    """An exact decimal in [low, high] with at most ``places`` decimal places (fewer first)."""
    p = draw(st.integers(0, places))
    first = math.ceil(low.scaleb(p, CONTEXT))
    last = math.floor(high.scaleb(p, CONTEXT))
    if first > last:  # no amount with this few places in between: use them all
        p = places
        first, last = math.ceil(low.scaleb(p, CONTEXT)), math.floor(high.scaleb(p, CONTEXT))
    return Decimal(draw(st.integers(first, last))).scaleb(-p, CONTEXT)


def currencies() -> st.SearchStrategy[str]:
    """ISO 4217 codes known to CLDR, the common ones first (so they shrink towards USD)."""
    return _all_currencies()


@cache
def _all_currencies() -> st.SearchStrategy[str]:
    rest = sorted(CURRENCIES - set(_COMMON))
    return st.sampled_from((*_COMMON, *rest))


def amounts(
    *, min_value: Number | None = None, max_value: Number | None = None, places: int = 2
) -> st.SearchStrategy[Decimal]:
    """Exact decimals between the bounds (signed by default) with at most ``places`` decimal
    places; the bounds may be ints, Decimals or text. By default from ``-10**12`` to
    ``10**12``; a ceiling alone above 0 gives ``-max_value`` as the floor, one at or below 0 a
    floor ``10**12`` below it (a floor alone at or above ``10**12``, a ceiling as far above)."""
    places = _whole(places, "places")
    if places > DIGITS:
        _fail(f"places={places} is more than the {DIGITS} digits an amount holds")
    low, high = _bounds(min_value, max_value, places)

    @st.composite
    def amounts(draw: DrawFn) -> Decimal:
        return _draw_amount(draw, low, high, places)

    return amounts()


@dataclass(frozen=True)
class _QuantitySpec:
    kind: Kind
    codes: st.SearchStrategy[str]
    periods: tuple[str, ...]
    low: Decimal
    high: Decimal
    places: int


def _quantity_spec(
    kind: object, currency: object, per: object, min_value: object, max_value: object
) -> _QuantitySpec:
    checked = _kind(kind)
    if checked in ("count", "pure") and currency is not None:
        _fail(f"currency={currency!r} is for money; a {checked} has none: leave it out")
    if checked != "flow" and per is not None:
        _fail(f"per={per!r} is for flows; a {checked} has no period: leave it out")
    places = 0 if checked == "count" else 2
    if checked == "count" and min_value is not None and _number(min_value, "min_value") < 0:
        _fail(f"min_value={min_value!r}: a count of people starts at 0")
    if (
        checked == "count"
        and min_value is None
        and max_value is not None
        and _number(max_value, "max_value") < 0
    ):
        _fail(f"max_value={max_value!r} is below 0, where a count of people starts")
    floor = Decimal(0) if checked == "count" and min_value is None else None
    low, high = _bounds(min_value, max_value, places, floor)
    return _QuantitySpec(checked, _codes(currency), _periods(per), low, high, places)


_PERSON: Unit = ureg.Unit("person")
_PURE: Unit = ureg.dimensionless


def _draw_quantity(
    draw: DrawFn,
    spec: _QuantitySpec,
    code: str,
    period: str,
    low: Decimal | None = None,
    high: Decimal | None = None,
) -> Quantity:
    """A quantity between the spec's bounds (or ``low`` and ``high``, inside them)."""
    magnitude = _draw_amount(
        draw, spec.low if low is None else low, spec.high if high is None else high, spec.places
    )
    if spec.kind == "stock":
        return money(magnitude, code)
    if spec.kind == "flow":
        return money(magnitude, code, per=period)
    return make_quantity(magnitude, _PERSON if spec.kind == "count" else _PURE)


def quantities(
    kind: Kind = "stock",
    currency: str | st.SearchStrategy[str] | None = None,
    *,
    per: str | None = None,
    min_value: Number | None = None,
    max_value: Number | None = None,
) -> st.SearchStrategy[Quantity]:
    """Quantities of one kind: ``stock`` (a currency), ``flow`` (currency per period),
    ``count`` (persons) or ``pure`` (a number). ``currency`` fixes the currency (a code or a
    strategy of codes), ``per`` the period. Signed by default, bounds as :func:`amounts` takes
    them (``-max_value`` as the floor under a positive ceiling), except counts, which start at
    0."""
    spec = _quantity_spec(kind, currency, per, min_value, max_value)

    @st.composite
    def quantities(draw: DrawFn) -> Quantity:
        return _draw_quantity(draw, spec, draw(spec.codes), draw(st.sampled_from(spec.periods)))

    return quantities()


# -- figures ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _FigureSpec:
    quantity: _QuantitySpec
    words: tuple[str, ...]
    computed: bool


def _figure_spec(
    kind: object,
    currency: object,
    per: object,
    qualifiers: object,
    min_value: object,
    max_value: object,
    computed: object,
) -> _FigureSpec:
    quantity = _quantity_spec(kind, currency, per, min_value, max_value)
    words = (
        QUALIFIERS
        if qualifiers is None
        else _choices(qualifiers, "qualifiers", QUALIFIERS, "qualifier")
    )
    if not isinstance(computed, bool):
        _fail(f"computed={computed!r} must be True or False")
    if _grid(quantity.low, quantity.high, quantity.places) < 2:
        # Equal bounds: no room for a strict bound inside them, nor for a range.
        roomy = tuple(w for w in words if w not in _NEED_ROOM)
        if not roomy:
            shapes = " or ".join(_NEED_ROOM[w] for w in words)
            _fail(
                f"qualifiers={qualifiers!r}: no {shapes} figure lies between "
                f"{_between(min_value, max_value)}; widen the bounds or name another shape"
            )
        words = roomy
    # Narrowed to exact alone: exact figures only, never what arithmetic makes of them.
    return _FigureSpec(quantity, words, computed and words != ("exact",))


#: The shapes that need two amounts between the bounds, as a refusal names them.
_NEED_ROOM = {"more_than": "'more than'", "less_than": "'less than'", "range": "range"}


def figures(
    kind: Kind = "stock",
    currency: str | st.SearchStrategy[str] | None = None,
    *,
    per: str | None = None,
    qualifiers: tuple[str, ...] | None = None,
    min_value: Number | None = None,
    max_value: Number | None = None,
    computed: bool = True,
) -> st.SearchStrategy[Figure]:
    """Figures of every shape the sources use: exact, about, estimated, at least, more than, at
    most, less than, and ranges (open or closed at either end, some with a central value),
    one-sided figures sometimes marked approximate.

    All parts of one figure share a unit; ``currency`` fixes it (a code or a strategy), ``per``
    the period of a flow (``None``: any), ``qualifiers`` the shapes. Amounts lie between
    ``min_value`` and ``max_value``; signed by default (counts from 0). An "at most" or "less
    than" figure has no lower bound, an "at least" or "more than" figure no upper one: leave
    those out of ``qualifiers`` for figures of one sign. Every figure takes one of the
    ``qualifiers``: a "more than" bound lies at least one step (a cent) below ``max_value``, a
    "less than" one a step above ``min_value``; where equal bounds leave no room for them or
    for a range, those shapes are left out (refused when asked for alone), and ``("exact",)``
    alone gives exact figures only, never computed ones.

    With ``computed=True`` (the default) some figures are also what arithmetic makes of them: a
    central value with one bound, a quotient Decimal cannot hold (rounded outwards, with its
    places), a flow in another period, and amounts near the limits of the library (up to 29
    whole digits, up to 30 decimal places). These keep the sign the bounds allow but may be
    larger or smaller in size than the bounds: pass ``computed=False`` for figures strictly
    inside them.
    """
    spec = _figure_spec(kind, currency, per, qualifiers, min_value, max_value, computed)

    @st.composite
    def figures(draw: DrawFn) -> Figure:
        return _draw_figure(draw, spec)

    return figures()


def _draw_figure(draw: DrawFn, spec: _FigureSpec) -> Figure:
    q = spec.quantity
    code, period = draw(q.codes), draw(st.sampled_from(q.periods))
    word = draw(st.sampled_from(spec.words))
    # A strict bound strictly inside the bounds: "more than" from [low, high - one step],
    # "less than" from [low + one step, high], so that it holds a value inside them. A
    # user's strategy never lacks the room (figures() leaves the shape out); a settlement
    # with nothing left to pay may, and takes the bound itself.
    step = Decimal(1).scaleb(-q.places)
    room = _grid(q.low, q.high, q.places) >= 2
    if word == "more_than" and room:
        first = _draw_quantity(draw, q, code, period, high=CONTEXT.subtract(q.high, step))
    elif word == "less_than" and room:
        first = _draw_quantity(draw, q, code, period, low=CONTEXT.add(q.low, step))
    else:
        first = _draw_quantity(draw, q, code, period)
        word = {"more_than": "at_least", "less_than": "at_most"}.get(word, word)
    if word == "range":
        figure = _draw_range(draw, first, _draw_quantity(draw, q, code, period))
    elif word in ("at_least", "more_than", "at_most", "less_than") and draw(st.booleans()):
        # A one-sided figure the source called approximate ("about more than $300M").
        lower = word in ("at_least", "more_than")
        inclusive = word in ("at_least", "at_most")
        figure = Figure(
            low=first if lower else None,
            high=None if lower else first,
            low_inclusive=inclusive if lower else True,
            high_inclusive=True if lower else inclusive,
            approximate=True,
        )
    else:
        figure = Figure.of(first, word)
    if not spec.computed:
        return figure
    return _kept(_draw_computed(draw, figure, spec), figure, spec)


def _kept(made: Figure, figure: Figure, spec: _FigureSpec) -> Figure:
    """What arithmetic made of ``figure`` where it keeps to the qualifiers asked for (a third
    of an exact figure is "about"), else ``figure`` itself."""
    return made if made.qualifier in spec.words else figure


def _draw_range(draw: DrawFn, first: Quantity, second: Quantity) -> Figure:
    low, high = sorted([first, second], key=lambda x: x.magnitude)
    if low.magnitude == high.magnitude:
        open_low = open_high = False
    else:
        open_low, open_high = draw(st.booleans()), draw(st.booleans())
    value = None
    where = draw(st.sampled_from(("none", "middle", "low", "high")))
    if where == "middle":
        value = make_quantity(CONTEXT.divide(low.magnitude + high.magnitude, 2), low.units)
    elif where == "low" and not open_low:
        value = low
    elif where == "high" and not open_high:
        value = high
    return Figure.range(
        low,
        high,
        value=value,
        approximate=draw(st.booleans()),
        low_inclusive=not open_low,
        high_inclusive=not open_high,
    )


_NO_HIGH = ("at_least", "more_than")  # shapes with no upper bound
_NO_LOW = ("at_most", "less_than")  # shapes with no lower bound
_COMPUTED = ("as_given", "rounded", "value_and_bound", "other_period", "extreme")


def _draw_computed(draw: DrawFn, figure: Figure, spec: _FigureSpec, grow: bool = True) -> Figure:
    """``figure`` as arithmetic may have made it, of the sign the bounds allow; ``grow=False``
    keeps every part at most what it was (a settlement must stay within its claim). A central
    value with only a lower bound comes where the qualifiers allow figures with no upper
    bound, one with only an upper bound where they allow figures with no lower bound."""
    how = draw(st.sampled_from(_COMPUTED))
    if how == "rounded":
        return figure / draw(st.sampled_from((3, 7, 9, 11, 13)))
    value = figure.magnitudes[0]
    sides = tuple(
        side
        for side, words in (("low", _NO_HIGH), ("high", _NO_LOW))
        if not set(words).isdisjoint(spec.words)
    )
    if how == "value_and_bound" and value is not None and sides:
        step = _draw_amount(draw, Decimal(0), Decimal(10**6), 2)
        if draw(st.sampled_from(sides)) == "low":
            floor = max(spec.quantity.low, value - step)
            return Figure(
                figure.value,
                low=make_quantity(floor, figure.unit),
                low_inclusive=draw(st.booleans()) or floor == value,
                approximate=draw(st.booleans()),
            )
        ceiling = max(value, min(spec.quantity.high, value + step)) if grow else value
        return Figure(
            figure.value,
            high=make_quantity(ceiling, figure.unit),
            high_inclusive=draw(st.booleans()) or ceiling == value,
            approximate=draw(st.booleans()),
        )
    if how == "other_period" and spec.quantity.kind == "flow" and grow:
        code = currency_of(figure.unit)
        return figure.to(f"{code}/{draw(st.sampled_from(tuple(TIME_UNITS)))}")
    if how == "extreme":
        scales = (Decimal("1e17"), Decimal("1e-28")) if grow else (Decimal("1e-28"),)
        try:
            made = figure * draw(st.sampled_from(scales))
            for part in made.magnitudes:
                if part is not None:
                    check_amount(part)
        except LedgerError:  # a product outside the limits: the figure as it was
            return figure
        return made
    return figure


def _plain(number: Decimal) -> Decimal:
    """``number`` without trailing zeros after its point, written without an exponent (250,
    not 2.5E+2)."""
    normal = number.normalize(CONTEXT)
    exponent = normal.as_tuple().exponent
    return (
        normal.quantize(Decimal(1), context=CONTEXT)
        if isinstance(exponent, int) and exponent > 0
        else normal
    )


def points(figure: Figure) -> st.SearchStrategy[Quantity]:
    """Amounts that lie inside a figure's bounds: its ends when they are included, points
    within 1 of either end (open or not), and points between them (an absent bound reaches
    10**13 beyond the other). A figure converted from another (:attr:`Figure.origin`) gives
    points of that one, in its unit: the exact truth."""
    if not isinstance(figure, Figure):
        _fail(f"points() takes a Figure, not {type(figure).__name__} {figure!r}")
    while figure.origin is not None:  # the exact truth a rounded conversion came from
        figure = figure.origin
    _, low, high = figure.magnitudes
    span = Decimal(10) ** 13
    lo = low if low is not None else (high - span if high is not None else -span)
    hi = high if high is not None else lo + span

    @st.composite
    def points(draw: DrawFn) -> Quantity:
        where = draw(st.sampled_from(("between", "near the low end", "near the high end")))
        k = draw(st.integers(0, 1000))
        step = _draw_amount(draw, Decimal(0), Decimal(1), 2)
        # Exact whatever the caller's context: a point of a tight 60-digit interval needs
        # every digit.
        with localcontext(prec=4 * DIGITS):
            between = [lo + (hi - lo) * k / 1000, lo + (hi - lo) / 2]
            if where != "between":
                between.insert(0, lo + step if where == "near the low end" else hi - step)
        # Points an amount can be: at most 60 digits (a point between two 60-digit bounds is
        # one rounded to 60 digits).
        for x in [*between, *(CONTEXT.plus(x) for x in between), lo, hi]:
            number = _plain(x)
            point = make_quantity(number, figure.unit)
            if len(number.as_tuple().digits) <= DIGITS and figure.contains(point):
                return point
        return make_quantity(lo, figure.unit)  # pragma: no cover - an open interval at 60 digits

    return points()


# -- parties, dates, sources --------------------------------------------------------------------


def parties(choices: tuple[str, ...] = PARTIES) -> st.SearchStrategy[str]:
    """Party codes from ``choices``: ISO 3166 alpha-2 states CLDR knows and ``org:`` parties."""
    return st.sampled_from(_party_choices(choices, 1, "a party", "choices"))


def dates(
    start: date | None = None, days: int | None = None, *, end: date | None = None
) -> st.SearchStrategy[date]:
    """Dates from ``start`` over ``days`` days, or up to ``end`` (by default 1991-01-01 to
    2040-12-31), spread over the years; they shrink towards the year 2000 (or the year in
    range nearest to it), then towards January and the first of the month."""
    first = FIRST_DAY if start is None else _day(start, "start")
    if days is not None and end is not None:
        _fail("give days= or end=, not both")
    if days is not None:
        span = _whole(days, "days")
    else:
        first, last = _span(start, end)
        span = (last - first).days
    if span > (date.max - first).days:
        _fail(f"start={first.isoformat()} and days={span} run past the last date Python holds")
    # Hypothesis' own dates spread over the years (a day drawn as a number of days from the
    # start would crowd near it: 72% of a default draw fell in the 1990s).
    return st.dates(first, first + timedelta(days=span))


def texts(*, blank: bool = True, max_size: int = 30) -> st.SearchStrategy[str]:
    """Free text (titles, quotes, notes, names): any characters but surrogates, so every text
    is valid UTF-8, control characters, line breaks and right-to-left script included. With
    ``blank=True`` (the default) also empty and only-whitespace text, which a frame reads back
    as no text at all (as CSV readers leave an empty cell): pass ``blank=False`` there."""
    if not isinstance(blank, bool):
        _fail(f"blank={blank!r} must be True or False")
    size = _whole(max_size, "max_size", 1)
    return _texts(blank, size)


@cache
def _texts(blank: bool, max_size: int) -> st.SearchStrategy[str]:
    # Naming codec="utf-8" as well as excluding surrogates cost hypothesis 1.1 s on the first
    # draw in a fresh folder.
    text = st.text(st.characters(exclude_categories=["Cs"]), max_size=max_size)
    return text if blank else text.filter(str.strip)


@dataclass(frozen=True)
class _Text:
    """Free text, and the same where a field must not be empty."""

    any: st.SearchStrategy[str]
    filled: st.SearchStrategy[str]
    maybe: st.SearchStrategy[str | None]
    publishers: st.SearchStrategy[str]


def _text_of(text: object) -> _Text:
    if text is not None and not isinstance(text, st.SearchStrategy):
        _fail(f"text={text!r} must be a strategy of text, such as lst.texts(blank=False)")
    return _text_spec(_texts(True, 30) if text is None else text.map(_checked_text))


def _checked_text(text: object) -> str:
    if not isinstance(text, str):
        _fail(f"text: {text!r} is not text; text= is a strategy of str, such as lst.texts()")
    return text


@cache
def _text_spec(text: st.SearchStrategy[str]) -> _Text:
    filled = text.filter(bool)
    known = st.sampled_from(("RFE/RL", "IMF", "Ministry of Finance", "Asia-Plus"))
    return _Text(text, filled, st.none() | text, known | filled)


@cache
def _urls() -> st.SearchStrategy[str | None]:
    return st.none() | st.sampled_from(
        ("https://example.org/report", "https://www.rferl.org/a/1051841.html?x=1&y=2")
    )


def _draw_source(draw: DrawFn, days: st.SearchStrategy[date], text: _Text) -> Source:
    return Source(
        publisher=draw(text.publishers),
        title=draw(text.filled),
        date=draw(days),
        url=draw(_urls()),
        place=draw(text.maybe),
    )


def sources(
    *,
    start: date | None = None,
    end: date | None = None,
    text: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Source]:
    """Sources with a publisher, a title, a date between ``start`` and ``end``, and sometimes
    a url and a place; ``text`` gives the free text (by default :func:`texts`)."""
    first, last = _span(start, end)
    words = _text_of(text)
    days = st.dates(first, last)

    @st.composite
    def sources(draw: DrawFn) -> Source:
        return _draw_source(draw, days, words)

    return sources()


# -- entries ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _EntrySpec:
    """What every entry builder is told: the choices, and the figures' shapes per kind."""

    currencies: tuple[str, ...]
    parties: tuple[str, ...]
    words: Mapping[str, tuple[str, ...]]
    computed: bool
    statuses: tuple[str, ...]
    first: date
    last: date
    max_value: Decimal
    text: _Text
    days: st.SearchStrategy[date]  # hypothesis' own: spread over the years


@dataclass
class _Drawn:
    """The entries of a ledger drawn so far (empty for an entry alone)."""

    entries: list[EntryBase]
    paid: dict[str, Decimal]  # the sum of the lower bounds settled, by claim id
    alone: bool = False  # an entry alone: what it names need not exist


def _entry_spec(
    kinds: tuple[str, ...],
    currencies: object,
    parties: object,
    exact: object,
    qualifiers: object,
    statuses: object,
    start: object,
    end: object,
    text: st.SearchStrategy[str] | None,
) -> _EntrySpec:
    if not isinstance(exact, bool):
        _fail(f"exact={exact!r} must be True or False")
    codes = _currency_choices(currencies)
    two = [k for k in kinds if k in ("claim", "remittance")]
    who = f"a {two[0]} (between two parties)" if two else "an entry"
    chosen = _party_choices(parties, 2 if two else 1, who)
    words = _words(kinds, qualifiers, exact)
    if "rate" in kinds and len(codes) < 2:
        _fail(
            f"currencies={currencies!r} names 1 currency; a rate (the price of one currency in "
            "another) needs at least 2"
        )
    if "rate" in kinds and not words["rate"]:
        never = ", ".join(w for w in QUALIFIERS if w not in _RATE_SHAPES)
        _fail(
            f"qualifiers: a rate is never {never} (a price has a floor), and no other shape is "
            f"named; accepted for rates: {', '.join(_RATE_SHAPES)}"
        )
    checked = STATUSES if statuses is None else _choices(statuses, "statuses", STATUSES, "status")
    if statuses is not None and "claim" not in kinds:  # entries() of one kind
        _fail(f"statuses={statuses!r} is for claims; a {kinds[0]} has no status")
    first, last = _span(start, end)
    return _EntrySpec(
        codes,
        chosen,
        words,
        not exact,
        checked,
        first,
        last,
        Decimal(_LIMIT),
        _text_of(text),
        st.dates(first, last),
    )


def _kinds_that_can_be(
    kinds: tuple[str, ...], currencies: object, qualifiers: object
) -> tuple[str, ...]:
    """The default kinds of a ledger, without rates where the arguments leave none (one
    currency, or qualifiers no rate takes); kinds named by the user are refused instead."""
    if "rate" not in kinds:
        return kinds
    codes = (currencies,) if isinstance(currencies, str) else currencies
    one = isinstance(codes, (tuple, list)) and len(set(codes)) == 1
    shapes = (qualifiers,) if isinstance(qualifiers, str) else qualifiers
    none = (
        isinstance(shapes, (tuple, list, set, frozenset))
        and bool(shapes)
        and not set(shapes) & set(_RATE_SHAPES)
    )
    return tuple(k for k in kinds if k != "rate") if one or none else kinds


def _words(kinds: tuple[str, ...], qualifiers: object, exact: bool) -> dict[str, tuple[str, ...]]:
    """The shapes of each kind's figures, rates included: ``qualifiers`` is a tuple for all
    (a rate takes those of them a price can take: none, maybe), or a table by kind (kinds not
    named take every shape)."""
    accepted = (*_FIGURE_KINDS, "rate")
    if isinstance(qualifiers, Mapping):
        bad = [k for k in qualifiers if k not in accepted]
        if bad:
            _fail(
                f"qualifiers: {', '.join(map(repr, bad))} is not a kind of entry with a figure; "
                f"accepted: {', '.join(accepted)}"
            )
        table = {
            k: _choices(v, f"qualifiers[{k!r}]", QUALIFIERS, "qualifier")
            for k, v in qualifiers.items()
        }
        never = [w for w in table.get("rate", ()) if w not in _RATE_SHAPES]
        if never:
            _fail(
                f"qualifiers['rate']: a rate is never {', '.join(never)} (a price has a floor); "
                f"accepted for rates: {', '.join(_RATE_SHAPES)}"
            )
    elif qualifiers is None:
        table = {}
    else:
        every = _choices(qualifiers, "qualifiers", QUALIFIERS, "qualifier")
        table = dict.fromkeys(accepted, every)
        table["rate"] = tuple(w for w in every if w in _RATE_SHAPES)
    if exact:
        loose = sorted({w for words in table.values() for w in words} - {"exact"})
        if loose:
            _fail(f"exact=True makes every amount exact; qualifiers also name {', '.join(loose)}")
        return dict.fromkeys(accepted, ("exact",))
    return {k: table.get(k, _RATE_SHAPES if k == "rate" else QUALIFIERS) for k in accepted}


def _figure_for(
    spec: _EntrySpec,
    entry_kind: str,
    kind: Kind,
    currency: str,
    words: tuple[str, ...] | None = None,
) -> _FigureSpec:
    quantity = _QuantitySpec(
        kind,
        st.just(currency),
        tuple(TIME_UNITS),
        Decimal(0),
        spec.max_value if kind != "count" else Decimal(10**9),
        0 if kind == "count" else 2,
    )
    shapes = words or spec.words[entry_kind]
    # Amounts a source gave exactly are exact: arithmetic makes none of them.
    return _FigureSpec(quantity, shapes, spec.computed and shapes != ("exact",))


def _id_strategy(id: object) -> st.SearchStrategy[str]:
    if id is None:
        return _slugs()
    if isinstance(id, st.SearchStrategy):
        return id.map(_checked_id)  # a drawn id that is none, named as the argument
    return st.just(_checked_id(id))


def _checked_id(id: object) -> str:
    if not isinstance(id, str) or _slug_error(id):
        _fail(f"id={id!r} is not an id: {_slug_error(id)}")
    return id


def _slug_error(text: object) -> str:
    import re

    if isinstance(text, str) and re.fullmatch(r"[a-z0-9][a-z0-9._-]*", text):
        return ""
    return "ids are lower-case letters, digits, '.', '_' and '-', starting with a letter or digit"


_SLUG_START = "abcdefghijklmnopqrstuvwxyz0123456789"


@cache
def _slugs() -> st.SearchStrategy[str]:
    # What the regex [a-z0-9][a-z0-9._-]{0,15} matches, at a third of st.from_regex's cost.
    rest = st.text(alphabet=f"{_SLUG_START}._-", max_size=15)
    return st.tuples(st.sampled_from(_SLUG_START), rest).map("".join)


def entries(
    kind: str = "claim",
    *,
    currencies: tuple[str, ...] = _ENTRY_CURRENCIES,
    parties: tuple[str, ...] = PARTIES,
    exact: bool = False,
    id: str | st.SearchStrategy[str] | None = None,
    qualifiers: tuple[str, ...] | None = None,
    statuses: tuple[str, ...] | None = None,
    start: date | None = None,
    end: date | None = None,
    text: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[EntryBase]:
    """One valid entry of ``kind``: ``claim``, ``remittance``, ``budget``, ``settlement``,
    ``rate``, ``gdp``, ``debt_stock`` or ``share``, with every optional field sometimes set.

    A claim alone may be a counterclaim (``counter_to``) and a settlement alone names a claim by
    id: each is valid as an entry; :func:`ledgers` makes them answer real claims. Amounts are
    never negative (an entry holds what a source said); ``exact=True`` makes each one exact,
    ``qualifiers`` narrows their shapes (a rate's too, of those a price takes), ``statuses`` a
    claim's status (refused for other kinds), a rate is between two of ``currencies`` (one
    alone is refused), ``start`` and ``end``
    the dates.
    """
    if kind not in ENTRY_KINDS:
        _fail(f"kind={kind!r} is not a kind of entry; accepted: {', '.join(ALL_KINDS)}")
    spec = _entry_spec((kind,), currencies, parties, exact, qualifiers, statuses, start, end, text)
    ids = _id_strategy(id)
    builder = _ENTRY_BUILDERS[kind]

    @st.composite
    def entries(draw: DrawFn) -> EntryBase:
        return _draw_entry(draw, builder, draw(ids), spec, _Drawn([], {}, alone=True))

    return entries()


def _draw_entry(
    draw: DrawFn,
    builder: Callable[[DrawFn, dict[str, Any], _EntrySpec, _Drawn], EntryBase],
    entry_id: str,
    spec: _EntrySpec,
    drawn: _Drawn,
) -> EntryBase:
    # Sometimes a source that an earlier entry cites too (counted from the latest). Every
    # choice is drawn whether or not there is an earlier entry, so that taking one out while
    # shrinking leaves the choices of those after it in place.
    shared, back = draw(st.booleans()), draw(_BACK)
    source = _draw_source(draw, spec.days, spec.text)
    earlier = [e.source for e in drawn.entries]
    if shared and earlier:
        source = earlier[-1 - back % len(earlier)]
    common = {
        "id": entry_id,
        "as_of": draw(spec.days),
        "source": source,
        "quote": draw(spec.text.maybe),
        "note": draw(spec.text.maybe),
    }
    return builder(draw, common, spec, drawn)


def _pick(draw: DrawFn, items: tuple[str, ...]) -> str:
    return draw(st.sampled_from(items))


def _claim_entry(draw: DrawFn, common: dict[str, Any], spec: _EntrySpec, drawn: _Drawn) -> Claim:
    """A claim; in a ledger, sometimes a counterclaim that answers an earlier claim (between
    the same parties, either way round); alone, sometimes one that names a claim by id."""
    claims = [c for c in drawn.entries if isinstance(c, Claim)]
    # Every choice drawn whichever way it goes (see _draw_entry).
    answers, back, same_way = draw(_SOMETIMES), draw(_BACK), draw(st.booleans())
    creditor = _pick(draw, spec.parties)
    debtor = _pick(draw, tuple(p for p in spec.parties if p != creditor))
    counter_to: str | None = None
    if answers and claims:
        answered = claims[-1 - back % len(claims)]  # the latest first
        debtor, creditor = answered.creditor, answered.debtor
        if same_way:  # a second view of the same debt
            creditor, debtor = debtor, creditor
        counter_to = answered.id
    elif answers and drawn.alone:
        counter_to = draw(_slugs().filter(lambda x: x != common["id"]))
    currency = _pick(draw, spec.currencies)
    return Claim(
        **common,
        creditor=creditor,
        debtor=debtor,
        amount=_draw_figure(draw, _figure_for(spec, "claim", "stock", currency)),
        asserted_by=_pick(draw, (creditor, debtor, *spec.parties)),
        status=_pick(draw, spec.statuses),
        basis=draw(spec.text.maybe),
        counter_to=counter_to,
    )


def _remittance_entry(
    draw: DrawFn, common: dict[str, Any], spec: _EntrySpec, drawn: _Drawn
) -> Remittance:
    destination = _pick(draw, spec.parties)
    others = tuple(p for p in spec.parties if p != destination)
    origin = draw(st.lists(st.sampled_from(others), min_size=1, max_size=3, unique=True))
    currency = _pick(draw, spec.currencies)
    migrants = None
    if draw(st.booleans()):
        migrants = _draw_figure(draw, _figure_for(spec, "remittance", "count", currency))
    return Remittance(
        **common,
        origin=tuple(origin),
        destination=destination,
        amount=_draw_figure(draw, _figure_for(spec, "remittance", "flow", currency)),
        migrants=migrants,
        period=draw(spec.text.maybe),
    )


def _budget_entry(draw: DrawFn, common: dict[str, Any], spec: _EntrySpec, drawn: _Drawn) -> Budget:
    currency = _pick(draw, spec.currencies)
    years = st.integers(spec.first.year, spec.last.year)
    return Budget(
        **common,
        party=_pick(draw, spec.parties),
        amount=_draw_figure(draw, _figure_for(spec, "budget", "flow", currency)),
        fiscal_year=draw(st.none() | years),
        measure=_pick(draw, MEASURES),
    )


def _gdp_entry(draw: DrawFn, common: dict[str, Any], spec: _EntrySpec, drawn: _Drawn) -> GDP:
    currency = _pick(draw, spec.currencies)
    years = st.integers(spec.first.year, spec.last.year)
    return GDP(
        **common,
        party=_pick(draw, spec.parties),
        amount=_draw_figure(draw, _figure_for(spec, "gdp", "flow", currency)),
        year=draw(st.none() | years),
    )


def _debt_stock_entry(
    draw: DrawFn, common: dict[str, Any], spec: _EntrySpec, drawn: _Drawn
) -> DebtStock:
    currency = _pick(draw, spec.currencies)
    return DebtStock(
        **common,
        party=_pick(draw, spec.parties),
        amount=_draw_figure(draw, _figure_for(spec, "debt_stock", "stock", currency)),
        measure=_pick(draw, DEBT_MEASURES),
    )


def _share_entry(draw: DrawFn, common: dict[str, Any], spec: _EntrySpec, drawn: _Drawn) -> Share:
    years = st.integers(spec.first.year, spec.last.year)
    return Share(
        **common,
        party=_pick(draw, spec.parties),
        amount=_draw_figure(draw, _figure_for(spec, "share", "pure", "USD")),
        numerator=draw(spec.text.filled),
        denominator=draw(spec.text.filled),
        year=draw(st.none() | years),
    )


def _rate_entry(draw: DrawFn, common: dict[str, Any], spec: _EntrySpec, drawn: _Drawn) -> Rate:
    # Only the currencies named (entries() and ledgers() refuse fewer than two for rates).
    base = _pick(draw, spec.currencies)
    quote_currency = _pick(draw, tuple(c for c in spec.currencies if c != base))
    unit = ureg.Unit(f"{quote_currency}/{base}")
    rate = _rate_figure(draw, unit, spec.words["rate"])
    basis = draw(st.sampled_from(RATE_BASES))
    if basis != "average":
        return Rate(**common, rate=rate, basis=basis)
    # An average over a period that ends on as_of: a month, a quarter, a year or more.
    days = draw(st.integers(0, min(800, (common["as_of"] - spec.first).days)))
    return Rate(**common, rate=rate, basis=basis, period_start=common["as_of"] - timedelta(days))


#: How a rate was taken (``Rate.basis``), the simplest first.
RATE_BASES = ("spot", "end_of_period", "average")
#: The shapes a rate takes: a price has a floor, so never "at most" or "less than".
_RATE_SHAPES = ("exact", "about", "estimated", "range", "at_least", "more_than")


def _rate_figure(draw: DrawFn, unit: Unit, shapes: tuple[str, ...]) -> Figure:
    def price() -> Quantity:
        return make_quantity(_draw_amount(draw, Decimal("0.0001"), Decimal(10000), 6), unit)

    word = draw(st.sampled_from(shapes))
    if word != "range":
        return Figure.of(price(), word)
    low, high = sorted([price(), price()], key=lambda q: q.magnitude)
    return Figure.range(low, high, approximate=draw(st.booleans()))


def _settlement_entry(
    draw: DrawFn, common: dict[str, Any], spec: _EntrySpec, drawn: _Drawn
) -> Settlement:
    """A settlement of an earlier claim, in its currency, dated on or after it; alone, one of
    any claim id and currency."""
    if drawn.alone:
        claim_id: str = draw(_slugs().filter(lambda x: x != common["id"]))
        currency = _pick(draw, spec.currencies)
        amount = _draw_figure(draw, _figure_for(spec, "settlement", "stock", currency))
    else:
        claims = [c for c in drawn.entries if isinstance(c, Claim)]
        claim = claims[-1 - draw(_BACK) % len(claims)]  # the latest first
        claim_id = claim.id
        common = {**common, "as_of": _on_or_after(draw, spec, claim.as_of)}
        amount = _settled(draw, claim, spec, drawn)
    return Settlement(
        **common,
        claim=claim_id,
        amount=amount,
        method=_pick(draw, METHODS),
        consideration=draw(spec.text.maybe),
    )


def _on_or_after(draw: DrawFn, spec: _EntrySpec, day: date) -> date:
    """A date from ``day`` to the last, spread as evenly as the span's own: a day of the span
    drawn by hypothesis, moved into the part that follows ``day`` (a number of days counted
    from ``day`` would crowd near it)."""
    span = (spec.last - spec.first).days
    drawn = (draw(spec.days) - spec.first).days
    return day + timedelta(days=drawn * (spec.last - day).days // span if span else 0)


def _settled(draw: DrawFn, claim: Claim, spec: _EntrySpec, drawn: _Drawn) -> Figure:
    """What a settlement of ``claim`` pays: partial or whole, exact or not, its lower bound
    (with those of the settlements before it) within the claim's upper bound."""
    ceiling = claim.amount.magnitudes[2]
    paid = drawn.paid.get(claim.id, Decimal(0))
    with localcontext(SUMS):
        left = (ceiling if ceiling is not None else spec.max_value) - paid
    # At most the digits an amount holds, never more than is left, and nothing below the
    # smallest amount (a 60-digit claim less a payment may leave 7E-61).
    room = DOWN.plus(left) if left.adjusted() >= -DIGITS else Decimal(0)
    shaped = _figure_for(spec, "settlement", "stock", claim.currency)
    # Most settlements are payments of an exact part, or of all that is left; the rest take
    # any shape the qualifiers allow.
    how = draw(st.sampled_from(("part", "whole", "any"))) if "exact" in shaped.words else "any"
    within = replace(shaped, quantity=replace(shaped.quantity, high=room), computed=False)
    if how == "whole" and ceiling is not None:
        amount = Figure.of(money(room, claim.currency))
    elif how in ("part", "whole"):
        amount = Figure.of(money(_draw_amount(draw, Decimal(0), room, 2), claim.currency))
    else:
        amount = _draw_figure(draw, within)
        if shaped.computed:
            amount = _kept(_draw_computed(draw, amount, within, grow=False), amount, within)
    with localcontext(SUMS):
        drawn.paid[claim.id] = paid + (amount.magnitudes[1] or 0)
    return amount


_ENTRY_BUILDERS: dict[str, Callable[[DrawFn, dict[str, Any], _EntrySpec, _Drawn], Any]] = {
    "claim": _claim_entry,
    "remittance": _remittance_entry,
    "budget": _budget_entry,
    "rate": _rate_entry,
    "settlement": _settlement_entry,
    "gdp": _gdp_entry,
    "debt_stock": _debt_stock_entry,
    "share": _share_entry,
}


# -- ledgers ----------------------------------------------------------------------------------


# The ledgers drawn for each example (hypothesis' context of one test case), so that a note
# can say which of several it is.
_DRAWN: WeakKeyDictionary[BuildContext, list[Ledger]] = WeakKeyDictionary()


class _LedgerText:
    """What a failing test prints for a drawn ledger: code that gives it back. Written only
    when hypothesis reports the note (on the failing example), never on every draw."""

    def __init__(self, book: Ledger, drawn: list[Ledger]) -> None:
        self.book = book
        self.drawn = drawn  # the ledgers drawn so far for the same example, this one last

    def _parts(self) -> str:
        book = self.book
        lines = [
            f"title={book.title!r}, description={book.description!r}, parties={book.parties!r}"
        ]
        return "\n".join([*lines, *(f"  {entry!r}" for entry in book)])

    def __repr__(self) -> str:
        try:
            text = self.book.dumps("toml")
        except Exception as error:  # the ledger cannot be written: say so, and show it
            return f"{self._which()} cannot be written as TOML ({error!r}):\n{self._parts()}"
        # A raw string only when every character prints as itself: a printed U+2028 or
        # U+0085 would become a line break, which no TOML string may hold.
        raw = (
            "'''" not in text
            and not text.endswith("\\")
            and all(ch.isprintable() or ch == "\n" for ch in text)
        )
        code = f"lg.loads(r'''\n{text}''')" if raw else f"lg.loads({text!r})"
        try:
            back = loads(text)
            why = "" if back == self.book else "a different ledger"
        except Exception as error:
            why = repr(error)
        which = self._which()
        if not why:
            return f"{which}, as lg.loads gives it back:\n{code}"
        return (
            f"{which}, as TOML; lg.loads does not give it back ({why}), so its parts "
            f"too:\n{code}\n{self._parts()}"
        )

    def _which(self) -> str:
        # Written when the note is taken, before any later ledger is drawn: always numbered.
        number = next(i for i, book in enumerate(self.drawn, 1) if book is self.book)
        return f"ledger #{number} drawn for this example"


def ledgers(
    *,
    min_entries: int = 0,
    max_entries: int = 12,
    kinds: tuple[str, ...] = ALL_KINDS,
    currencies: tuple[str, ...] = _ENTRY_CURRENCIES,
    parties: tuple[str, ...] = PARTIES,
    exact: bool = False,
    qualifiers: tuple[str, ...] | Mapping[str, tuple[str, ...]] | None = None,
    statuses: tuple[str, ...] | None = None,
    start: date | None = None,
    end: date | None = None,
    text: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Ledger]:
    """Valid ledgers: unique ids, sources shared between entries, counterclaims that answer a
    claim between the same parties, settlements in their claim's currency, dated on or after
    it, whose lower bounds never sum to more than the claim's upper bound; a title, a
    description and names for parties, sometimes.

    ``kinds`` narrows the entries (settlements need claims), ``exact=True`` makes every amount
    exact (for laws such as "positions sum to zero"), ``qualifiers`` narrows the figures'
    shapes, as a tuple for every kind, rates included (a rate is never "at most" or "less
    than": rates take the others), or a table by kind (``{"settlement": ("exact",)}``,
    ``{"rate": ("about",)}``); rates are between two of ``currencies`` (with one alone and
    the default ``kinds``, a ledger holds no rates),
    ``statuses`` the claims' statuses, ``start`` and ``end`` every date, ``text`` the free
    text (``lst.texts(blank=False)`` where a blank one means none, as in a frame).

    Inside a test each ledger notes its TOML text, so that a failing example prints
    ``lg.loads(...)`` that gives it back.
    """
    lowest = _whole(min_entries, "min_entries")
    highest = _whole(max_entries, "max_entries")
    if lowest > highest:
        _fail(f"min_entries={lowest} is above max_entries={highest}")
    chosen = _choices(kinds, "kinds", ALL_KINDS, "kind")
    if kinds is ALL_KINDS:  # not named: no rates where the arguments leave none
        chosen = _kinds_that_can_be(chosen, currencies, qualifiers)
    if statuses is not None and "claim" not in chosen:
        _fail(f"statuses={statuses!r} is for claims; kinds={kinds!r} has none")
    if chosen == ("settlement",):
        _fail("kinds=('settlement',): a settlement settles a claim; add 'claim' to kinds")
    spec = _entry_spec(chosen, currencies, parties, exact, qualifiers, statuses, start, end, text)
    names = st.dictionaries(st.sampled_from(spec.parties), spec.text.filled, max_size=3)

    @st.composite
    def ledgers(draw: DrawFn) -> Ledger:
        book = Ledger(
            _draw_entries(draw, spec, chosen, lowest, highest),
            title=draw(spec.text.maybe),
            description=draw(spec.text.maybe),
            parties=draw(names),
        )
        if currently_in_test_context():
            drawn = _DRAWN.setdefault(current_build_context(), [])
            drawn.append(book)
            note(_LedgerText(book, drawn))
        return book

    return ledgers()


def _draw_entries(
    draw: DrawFn, spec: _EntrySpec, kinds: tuple[str, ...], lowest: int, highest: int
) -> list[EntryBase]:
    drawn = _Drawn([], {})
    for index in range(highest):
        # One more entry, or the end: a flag before each, which shrinks towards the end, so
        # that the shrinker can take out any entry with its flag (not only the last).
        if index >= lowest and not draw(_MORE):
            break
        kind = _pick(draw, kinds)
        if kind == "settlement" and not any(isinstance(e, Claim) for e in drawn.entries):
            kind = "claim"
        entry = _draw_entry(draw, _ENTRY_BUILDERS[kind], f"{kind}-{index}", spec, drawn)
        drawn.entries.append(entry)
    return drawn.entries


# -- registration -----------------------------------------------------------------------------


def _any_figure(_: object) -> st.SearchStrategy[Figure]:
    return st.one_of([figures(kind) for kind in KINDS])


def _any_entry(_: object) -> st.SearchStrategy[EntryBase]:
    return st.one_of([entries(kind) for kind in ALL_KINDS])


def _entries_of(kind: str) -> Callable[[object], st.SearchStrategy[EntryBase]]:
    return lambda _: entries(kind)


def register_type_strategies() -> None:
    """Register these strategies for ``st.from_type`` (and ``st.builds`` of a function whose
    parameters name these types): :class:`Figure`, :class:`Source`, every entry type, the
    :class:`EntryBase` of them all, and :class:`Ledger`. Done when this module is imported;
    calling it again changes nothing."""
    st.register_type_strategy(Figure, _any_figure)
    st.register_type_strategy(Source, lambda _: sources())
    st.register_type_strategy(EntryBase, _any_entry)
    for kind, model in ENTRY_KINDS.items():
        st.register_type_strategy(model, _entries_of(kind))
    st.register_type_strategy(Ledger, lambda _: ledgers())


register_type_strategies()
