"""Figures: amounts as honest as their source, and the interval arithmetic that keeps them so.

A :class:`Figure` holds a central value (or none), a lower and an upper bound (each inclusive,
exclusive or absent) and an ``approximate`` mark, all in one unit. "some $300 million" is the point
300M..300M marked approximate; "more than $300 million" has an exclusive lower bound at 300M, no
upper bound and no central value; "between 250 and 300 million" is 250M..300M.

>>> debt = Figure.of("300 million USD", "about")
>>> counter = Figure.of("50 million USD")
>>> print(debt - counter)
about 250000000 USD
>>> remittances = Figure.of("300 million USD/year", "more_than")
>>> budget = Figure.of("300 million USD/year")
>>> print(remittances / budget)
more than 1
>>> (remittances / budget).greater_than(1)
True
>>> print(debt / budget)
about 1 year

Every bound is rounded outwards when Decimal arithmetic cannot hold it exactly, so a result
never claims more than its inputs; an open end stays open ("more than 8.33..." is still true of
whatever was more than a twelfth of 100), and the source's words survive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Clamped, Decimal, Inexact, Rounded
from fractions import Fraction
from functools import lru_cache
from itertools import chain, repeat
from typing import Any, Final, Literal

from .arithmetic import (
    CONTEXT,
    DIGITS,
    DOWN,
    EXACT,
    LARGEST,
    UP,
    from_fraction,
    significant_digits,
)
from .errors import AmountError, FigureError, UnitMismatchError
from .faces import call
from .units import (
    Amount,
    Quantity,
    Unit,
    amount_parts,
    canonical_unit,
    decimal,
    intern_unit,
    is_flow,
    is_stock,
    quantity,
    unit_text,
    ureg,
)

__all__ = ["QUALIFIERS", "Figure", "Qualifier", "rounded_point", "sum_figures"]

Qualifier = Literal[
    "exact", "about", "estimated", "at_least", "more_than", "at_most", "less_than", "range"
]
#: The words data files use for how firmly a source stated a figure.
#: The words a source puts before an amount, and the qualifier each means:
#: ``Figure.of("some 300 million USD")`` is ``Figure.of("300 million USD", "about")``.
LEADING_WORDS: Final[dict[str, str]] = {
    "about": "about",
    "some": "about",
    "approximately": "about",
    "estimated": "estimated",
    "an estimated": "estimated",
    "at least": "at_least",
    "more than": "more_than",
    "over": "more_than",
    "at most": "at_most",
    "less than": "less_than",
    "under": "less_than",
}
_LEADING = re.compile(rf"^\s*({'|'.join(sorted(LEADING_WORDS, key=len, reverse=True))})\s+", re.I)
QUALIFIERS: Final[tuple[str, ...]] = (
    "exact",
    "about",
    "estimated",
    "at_least",
    "more_than",
    "at_most",
    "less_than",
    "range",
)

#: An amount written as a range ("between 300 and 400 million USD", "300-400 million USD").
_RANGE_TEXT = re.compile(
    r"\s*(?:between|from)?\s*(?P<low>\d[\d.,]*)\s*(?:and|to|-|–|—)\s*"
    r"(?P<high>(?P<number>\d[\d.,]*)(?P<rest>\s.*))",
    re.I,
)


def _range_refused(text: str) -> AmountError | None:
    """The refusal of a range written as one amount, saying how a range is written, with its
    own ends as the example where they read as amounts; ``None`` for other text.

    >>> print(_range_refused("between 300 and 400 million USD/year"))
    'between 300 and 400 million USD/year' is not an amount but a range: write its ends, \
low = "300 million USD/year" and high = "400 million USD/year", with qualifier = "range" \
(or amount = { low = "300 million USD/year", high = "400 million USD/year" })
    """
    match = _RANGE_TEXT.fullmatch(text)
    if match is None:
        return None
    low, high = f"{match['low']}{match['rest']}", match["high"]
    try:
        amount_parts(low)
        amount_parts(high)
    except AmountError:
        low, high = "300 million USD", "400 million USD"
    shown = f"{text[:40]!r}..." if len(text) > 40 else repr(text)
    return AmountError(
        f"{shown} is not an amount but a range: write its ends, "
        f'low = "{low}" and high = "{high}", with qualifier = "range" '
        f'(or amount = {{ low = "{low}", high = "{high}" }})'
    )


_EXACT = EXACT
_NEAREST = CONTEXT
_DOWN = DOWN
_UP = UP
_INF = Decimal("Infinity")
_ZERO = Decimal(0)

# An end of an interval: (number or +-Infinity, inclusive).
_End = tuple[Decimal, bool]


def _add(
    a: Decimal, b: Decimal, down: bool | None, exact_b: Fraction | None = None
) -> tuple[Decimal, bool]:
    """``a + b`` rounded outwards (``down`` for a lower bound, ``None`` to nearest for a
    central value); the flag says whether it is exact. ``exact_b`` is what ``b`` was rounded
    from, when it was: the sum is rounded once, from it."""
    if exact_b is not None:
        return _once(Fraction(a) + exact_b, down)
    try:
        return _EXACT.add(a, b), True
    except Inexact:
        return (_NEAREST if down is None else _DOWN if down else _UP).add(a, b), False


def _once(exact: Fraction, down: bool | None) -> tuple[Decimal, bool]:
    """An exact result rounded once (outwards for a bound, to nearest for a value)."""
    return from_fraction(
        exact, ROUND_HALF_EVEN if down is None else ROUND_FLOOR if down else ROUND_CEILING
    )


def _mul(
    a: Decimal, b: Decimal, down: bool | None, factor: Fraction | None = None
) -> tuple[Decimal, bool]:
    """``a * b`` rounded outwards (to nearest for ``down=None``); times ``factor`` too when
    one is given, rounded once."""
    if a.is_zero() or b.is_zero():
        return _ZERO, True
    if factor is not None:
        return _once(Fraction(a) * Fraction(b) * factor, down)
    try:
        return _EXACT.multiply(a, b), True
    except Inexact:
        return (_NEAREST if down is None else _DOWN if down else _UP).multiply(a, b), False


def _div(
    a: Decimal, b: Decimal, down: bool | None, factor: Fraction | None = None
) -> tuple[Decimal, bool]:
    """``a / b`` rounded outwards (to nearest for ``down=None``); times ``factor`` too when
    one is given, rounded once."""
    if factor is not None:
        return _once(Fraction(a) / Fraction(b) * factor, down)
    try:
        return _EXACT.divide(a, b), True
    except Inexact:
        return (_NEAREST if down is None else _DOWN if down else _UP).divide(a, b), False


def _end_product(
    a: _End, b: _End, down: bool, factor: Fraction | None
) -> tuple[Decimal, bool, bool]:
    """One candidate end of the product of two intervals (times ``factor``, when given, into
    the product's canonical unit): value, inclusive, exact."""
    (x, x_in), (y, y_in) = a, b
    if x.is_zero():
        return _ZERO, x_in, True
    if y.is_zero():
        return _ZERO, y_in, True
    if x.is_infinite() or y.is_infinite():
        return (_INF if (x > 0) == (y > 0) else -_INF), False, True
    product, exact = _mul(x, y, down, factor)
    return product, x_in and y_in, exact


def _pick(candidates: list[tuple[Decimal, bool, bool]], lowest: bool) -> tuple[Decimal, bool, bool]:
    end = min(c[0] for c in candidates) if lowest else max(c[0] for c in candidates)
    at_end = [c for c in candidates if c[0] == end]
    return end, any(c[1] for c in at_end), all(c[2] for c in at_end)


class Figure:
    """An amount as the source stated it: a central value and/or bounds, in one unit.

    Build one with :meth:`Figure.of` (``"about"``, ``"more_than"``, ...) or
    :meth:`Figure.range`; ``Figure(value)`` alone is that one amount, exactly. Figures are
    immutable and hashable; ``==`` compares their structure. Comparisons that may have no
    answer are methods returning ``True``, ``False`` or ``None``.
    """

    __slots__ = (
        "_approximate",
        "_high",
        "_high_inclusive",
        "_low",
        "_low_inclusive",
        "_unit",
        "_value",
    )
    _unit: Unit
    _value: Decimal | None
    _low: Decimal | None
    _high: Decimal | None
    _low_inclusive: bool
    _high_inclusive: bool
    _approximate: bool
    # The rare parts: slots of the figures that have one (``_Marked``), ``None`` for all the
    # others from here, so that a ledger's figures are 24 bytes lighter each (issue 14).
    _qualifier: str | None = None
    _places: int | None = None
    # The figure this one was converted from when a change of unit had to round it: its exact
    # truth, so that a change back, by any road, gives it again.
    _origin: Figure | None = None

    def __new__(
        cls, *_: object, qualifier: str | None = None, places: int | None = None, **__: object
    ) -> Figure:
        marked = qualifier is not None or places is not None
        return _new(_Marked if marked and cls is Figure else cls)

    def __init__(
        self,
        value: Amount | None = None,
        *,
        low: Amount | None = None,
        high: Amount | None = None,
        low_inclusive: bool = True,
        high_inclusive: bool = True,
        approximate: bool = False,
        qualifier: str | None = None,
        places: int | None = None,
    ) -> None:
        given = {
            name: _amount_parts(v)
            for name, v in (("value", value), ("low", low), ("high", high))
            if v is not None
        }
        if not given:
            raise FigureError("a figure needs a value, a lower bound or an upper bound")
        unit = next(iter(given.values()))[1]
        magnitudes, value_exact = _in_one_unit(given, unit)
        for name, flag in (
            ("low_inclusive", low_inclusive),
            ("high_inclusive", high_inclusive),
            ("approximate", approximate),
        ):
            if not isinstance(flag, bool):
                raise FigureError(f"{name}: {flag!r} is not True or False")
        inclusive = {"low": low_inclusive, "high": high_inclusive}
        approximate = approximate or not value_exact
        unbounded = qualifier == "unknown" and value is not None and low is None and high is None
        if qualifier is not None and qualifier not in QUALIFIERS and not unbounded:
            raise FigureError(
                f"qualifier {qualifier!r} is not known; accepted: {', '.join(QUALIFIERS)}"
            )
        if places is not None and (
            isinstance(places, bool) or not isinstance(places, int) or abs(places) > 2 * DIGITS
        ):
            raise FigureError(
                f"places {places!r} must be a whole number of decimal places (negative for "
                f"tens, hundreds, ...), at most {2 * DIGITS} either way"
            )
        value_m = magnitudes.get("value")
        if value_m is not None and low is None and high is None and not unbounded:
            # A value alone is one amount: its own bounds.
            magnitudes["low"] = magnitudes["high"] = value_m
        _init(
            self,
            unit,
            value_m,
            magnitudes.get("low"),
            magnitudes.get("high"),
            inclusive["low"],
            inclusive["high"],
            approximate,
            None,
            places,
        )
        self._check()
        if qualifier is not None and qualifier != _derived_qualifier(self) and not unbounded:
            if not (qualifier == "estimated" and _derived_qualifier(self) == "about"):
                raise FigureError(
                    f"qualifier {qualifier!r} does not fit the figure {self}; it reads as "
                    f"{_derived_qualifier(self)!r}"
                )
            object.__setattr__(self, "_qualifier", qualifier)

    # -- building -------------------------------------------------------------------------

    @classmethod
    def of(cls, amount: Amount, qualifier: str = "exact") -> Figure:
        """A figure from one amount and the source's word for it.

        >>> print(Figure.of("1 million person", "estimated"))
        estimated 1000000 person
        >>> Figure.of("300 million USD/year", "more_than").low_inclusive
        False
        >>> print(Figure.of("some 300 million USD"))
        about 300000000 USD
        """
        if isinstance(amount, str):
            match = _LEADING.match(amount)
            if match:
                if qualifier != "exact":
                    raise FigureError(
                        f"{amount!r} says {match[1]!r} and the qualifier says {qualifier!r}; "
                        "give one of them"
                    )
                qualifier = LEADING_WORDS[match[1].lower()]
                amount = amount[match.end() :]
            try:
                m, unit = amount_parts(amount)
            except AmountError as error:
                raise _range_refused(amount) or error from None
        else:
            q = quantity(amount)
            m, unit = q.magnitude, intern_unit(q.units)
        if qualifier in ("exact", "about", "estimated"):
            approx = qualifier != "exact"
            estimated = "estimated" if qualifier == "estimated" else None
            return _make(unit, m, m, m, True, True, approx, estimated)
        if qualifier in ("at_least", "more_than"):
            return _make(unit, None, m, None, qualifier == "at_least", True, False)
        if qualifier in ("at_most", "less_than"):
            return _make(unit, None, None, m, True, qualifier == "at_most", False)
        if qualifier == "range":
            raise FigureError("qualifier 'range' needs two amounts: use Figure.range(low, high)")
        raise FigureError(
            f"qualifier {qualifier!r} is not known; accepted: {', '.join(QUALIFIERS)}"
        )

    @classmethod
    def range(
        cls,
        low: Amount,
        high: Amount,
        *,
        approximate: bool = False,
        value: Amount | None = None,
        low_inclusive: bool = True,
        high_inclusive: bool = True,
    ) -> Figure:
        """A figure between two amounts, both ends included unless said otherwise.

        >>> print(Figure.range("250 million USD", "300 million USD"))
        between 250000000 and 300000000 USD
        """
        return cls(
            value,
            low=low,
            high=high,
            low_inclusive=low_inclusive,
            high_inclusive=high_inclusive,
            approximate=approximate,
        )

    def _check(self) -> None:
        low, high, value = self._low, self._high, self._value
        if low is not None and high is not None:
            if low > high:
                raise FigureError(
                    f"lower bound {low} is above upper bound {high} ({unit_text(self._unit)})"
                )
            if low == high and not (self._low_inclusive and self._high_inclusive):
                raise FigureError(f"the range at {low} with an open end holds no amount")
        if value is not None and not _inside(self, value):
            raise FigureError(f"central value {value} lies outside the figure's bounds")

    # -- attributes -----------------------------------------------------------------------

    @property
    def unit(self) -> Unit:
        """The unit every part of the figure is in."""
        return self._unit

    @property
    def value(self) -> Quantity | None:
        """The central value, or ``None`` when the source gave only bounds."""
        return None if self._value is None else ureg.Quantity(self._value, self._unit)

    @property
    def low(self) -> Quantity | None:
        """The lower bound, or ``None`` when there is none."""
        return None if self._low is None else ureg.Quantity(self._low, self._unit)

    @property
    def high(self) -> Quantity | None:
        """The upper bound, or ``None`` when there is none."""
        return None if self._high is None else ureg.Quantity(self._high, self._unit)

    @property
    def low_inclusive(self) -> bool:
        """Whether the lower bound itself is possible ("at least" rather than "more than")."""
        return self._low_inclusive

    @property
    def high_inclusive(self) -> bool:
        """Whether the upper bound itself is possible ("at most" rather than "less than")."""
        return self._high_inclusive

    @property
    def approximate(self) -> bool:
        """Whether the source called the figure approximate ("about", "some", "an estimated")."""
        return self._approximate

    @property
    def magnitudes(self) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
        """The central value, lower and upper bound as plain ``Decimal`` numbers in
        :attr:`unit` (``None`` where absent), without building pint quantities.

        >>> Figure.of("300 USD", "more_than").magnitudes
        (None, Decimal('300'), None)
        """
        return self._value, self._low, self._high

    @property
    def exact_magnitude(self) -> Decimal | None:
        """The number, when the figure is one exact amount (not approximate, not rounded);
        otherwise ``None``. The quick test netting makes on every claim.

        >>> Figure.of("300 USD").exact_magnitude, Figure.of("300 USD", "about").exact_magnitude
        (Decimal('300'), None)
        """
        value = self._value
        if (
            value is None
            or self._approximate
            or self._places is not None
            or not (self._low == value == self._high)
        ):
            return None
        return value

    @property
    def places(self) -> int | None:
        """The decimal places the figure's inputs justify (negative for tens, hundreds, ...),
        when arithmetic had to round it; ``None`` when its numbers are exactly what the inputs
        gave. Text shows it to these places.

        >>> (Figure.of("1 USD") / 3).places, Figure.of("300 million USD").places
        (1, None)
        >>> (Figure.of("300 million USD", "about") / 7).places
        -5
        """
        return self._places

    @property
    def origin(self) -> Figure | None:
        """The figure this one was converted from, when the change of unit had to round it
        (a year's 100 USD is 8.33... a month): the exact truth that converting back returns.

        >>> print(Figure.of("100 USD/year").to("USD/month").origin)
        100 USD/year
        """
        return self._origin

    @property
    def qualifier(self) -> str:
        """The word for the figure's shape: ``exact``, ``about``, ``more_than``, ``range``, ...

        ``unknown`` for a figure with neither bounds nor value (more than X less more than Y).
        """
        return self._qualifier or _derived_qualifier(self)

    @property
    def is_exact(self) -> bool:
        """A single amount, not marked approximate."""
        return (
            not self._approximate
            and self._value is not None
            and self._low == self._high == self._value
        )

    @property
    def is_stock(self) -> bool:
        return is_stock(self._unit)

    @property
    def is_flow(self) -> bool:
        return is_flow(self._unit)

    def contains(self, amount: object) -> bool:
        """Whether an amount lies within the figure's bounds.

        >>> Figure.of("300 USD", "more_than").contains("300 USD")
        False
        """
        other = _as_figure(amount)
        if other._value is None or other._low != other._high:
            raise FigureError("contains() takes one amount, not a range")
        return _inside(self, _aligned(self, other, "compare")._value)  # type: ignore[arg-type]

    # -- arithmetic -----------------------------------------------------------------------

    def __add__(self, other: object) -> Figure:
        if type(other) is not Figure:
            if isinstance(other, int) and not isinstance(other, bool) and other == 0:
                return self
            try:
                other = _as_figure(other)
            except TypeError:
                return NotImplemented
        given, other = other, _aligned(self, other, "add")
        # A change of unit that rounded: the sum is rounded once, from the exact parts.
        truth = _exact_parts(other) if other is not given else (None, None, None)
        mine, theirs = self._value, other._value
        if (
            mine is not None
            and theirs is not None
            and self._low is mine is self._high
            and other._low is theirs is other._high
            and not (self._approximate or other._approximate)
            and self._places is None is other._places
        ):
            # Two exact points (the common case, and netting's): one sum, exact or not at all.
            try:
                total = _EXACT.add(mine, theirs)
            except Inexact:
                pass
            else:
                return _make(self._unit, total, total, total, True, True, False)
        approx = self._approximate or other._approximate
        value, value_exact = None, True
        if mine is not None and theirs is not None:
            value, value_exact = _add(mine, theirs, None, truth[0])
        exact = value_exact
        low, low_in = None, True
        if self._low is not None and other._low is not None:
            low, low_exact = _add(self._low, other._low, True, truth[1])
            low_in = self._low_inclusive and other._low_inclusive
            exact = exact and low_exact
        high, high_in = None, True
        if self._high is not None and other._high is not None:
            high, high_exact = _add(self._high, other._high, False, truth[2])
            high_in = self._high_inclusive and other._high_inclusive
            exact = exact and high_exact
        places = _summed_places(self, other, exact, approx, value, low, high)
        return _make(
            self._unit, value, low, high, low_in, high_in, approx or not value_exact, None, places
        )

    def __radd__(self, other: object) -> Figure:
        return self.__add__(other)

    def __neg__(self) -> Figure:
        # copy_negate is exact and needs no context: "-x" would round at the caller's precision.
        return _make(
            self._unit,
            _negated(self._value),
            _negated(self._high),
            _negated(self._low),
            self._high_inclusive,
            self._low_inclusive,
            self._approximate,
            self._qualifier,
            self._places,
        )

    def __pos__(self) -> Figure:
        return self

    def __sub__(self, other: object) -> Figure:
        if type(other) is not Figure:
            try:
                other = _as_figure(other)
            except TypeError:
                return NotImplemented
        return self.__add__(-other)

    def __rsub__(self, other: object) -> Figure:
        return (-self).__add__(other)

    def __mul__(self, other: object) -> Figure:
        try:
            factor = _as_factor(other)
        except TypeError:
            return NotImplemented
        return _product(self, factor)

    def __rmul__(self, other: object) -> Figure:
        return self.__mul__(other)

    def __truediv__(self, other: object) -> Figure:
        try:
            divisor = _as_factor(other)
        except TypeError:
            return NotImplemented
        return _quotient(self, divisor)

    def __rtruediv__(self, other: object) -> Figure:
        try:
            numerator = _as_factor(other)
        except TypeError:
            return NotImplemented
        return _quotient(numerator, self)

    def to(self, unit: str | Unit) -> Figure:
        """The same figure in another unit of the same dimension, converted exactly.

        >>> print(Figure.of("1200 USD/year", "about").to("USD/month"))
        about 100 USD/month
        """
        from .units import parse_unit

        if not isinstance(unit, str | Unit):
            raise AmountError(f"unit {unit!r} is not a unit; pass text such as 'USD/month'")
        target = parse_unit(unit) if isinstance(unit, str) else unit
        if target.dimensionality != self._unit.dimensionality:
            raise UnitMismatchError(
                f"cannot express {self} in {unit_text(target)!r}: the dimensions differ"
            )
        _, mine = canonical_unit(self._unit)
        _, theirs = canonical_unit(target)
        return _scaled(self, mine / theirs, target)

    def __round__(self, places: int = 0) -> Figure:
        """The figure to ``places`` decimal places: see :meth:`quantize`.

        >>> print(round(Figure.of("1 USD") / 3, 2))
        about 0.33 USD
        """
        if not isinstance(places, int) or isinstance(places, bool):
            raise FigureError(f"round(figure, n) takes a whole number of places, not {places!r}")
        # The steps an amount can hold: 10**-60 (its finest place) to 10**29 (below 10**30).
        if not -LARGEST < places <= DIGITS:
            raise FigureError(
                f"round(figure, n): places {places} is outside {1 - LARGEST} to {DIGITS}; an "
                f"amount has at most {DIGITS} decimal places and is below 10**{LARGEST}"
            )
        return self.quantize(Decimal(1).scaleb(-places, _NEAREST))

    def quantize(self, step: object) -> Figure:
        """The figure in whole multiples of ``step`` (``Decimal("0.01")``, ``"1000"``): the
        central value to the nearest step (half to even), bounds outwards, so that what the
        figure allowed it still allows. A point whose value moves is marked approximate.

        >>> print(Figure.range("250.4 USD", "300.6 USD").quantize("1"))
        between 250 and 301 USD
        """
        return _quantized(self, decimal(step, "step"))

    # -- comparison -----------------------------------------------------------------------

    def greater_than(self, other: object) -> bool | None:
        """``True`` if every amount the figure allows is above ``other``, ``False`` if none is,
        ``None`` when the figure cannot tell.

        >>> about = Figure.of("300 USD", "about")
        >>> about.greater_than(Figure.range("250 USD", "350 USD")) is None
        True
        """
        other_figure = _aligned(self, _as_figure(other), "compare")
        return _greater(self, other_figure)

    def less_than(self, other: object) -> bool | None:
        """``True`` if every amount the figure allows is below ``other``, ``False`` if none is,
        ``None`` when the figure cannot tell."""
        other_figure = _aligned(self, _as_figure(other), "compare")
        return _greater(other_figure, self)

    def __lt__(self, other: object) -> bool:
        raise TypeError(
            "figures have no plain '<': the answer may be unknown; "
            "use fig.less_than(x) or fig.greater_than(x), which return True, False or None"
        )

    __le__ = __gt__ = __ge__ = __lt__

    def __eq__(self, other: object) -> bool:
        if type(other) is not Figure and type(other) is not _Marked:
            return NotImplemented
        return _key(self) == _key(other)

    def __hash__(self) -> int:
        return hash(_key(self))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Figure is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Figure is immutable; cannot delete {name!r}")

    def __reduce__(self) -> tuple[Any, ...]:
        # Units pickle through pint's application registry; ours travels as text.
        return (_unpickle, (unit_text(self._unit), *_key(self)[1:]))

    # -- text -----------------------------------------------------------------------------

    def __str__(self) -> str:
        text: str = call("text.figure", self)  # the plain-text face (ledger.plain)
        return text

    def __repr__(self) -> str:
        return f"<Figure {self}>"

    def _repr_html_(self) -> str:
        html: str = call("html.figure", self)  # the notebook face, loaded on first display
        return html


def sum_figures(figures: Iterable[Figure], *, negated: Iterable[bool] | None = None) -> Figure:
    """The figures added left to right: exactly what ``a + b + c + ...`` gives (value,
    bounds, flags and places alike), without a figure made at every step. Netting sums
    thousands of figures per party; each ``+`` reads the digits of both sides again.
    ``negated`` (one flag a figure) subtracts those marked: ``a - b`` for ``[a, b]`` and
    ``[False, True]``.

    >>> parts = [Figure.of("300 USD", "about"), Figure.of("50.5 USD"), Figure.of("20 USD")]
    >>> print(sum_figures(parts, negated=[False, False, True]))
    about 330 USD
    >>> sum_figures(parts) == parts[0] + parts[1] + parts[2]
    True
    """
    items = zip(figures, repeat(False) if negated is None else negated, strict=negated is not None)
    try:
        first, minus = next(items)
    except StopIteration:
        raise FigureError("sum_figures needs at least one figure") from None
    if minus:
        first = -first
    second = next(items, None)
    if second is None:
        return first
    total = _Sum(first)
    for f, minus in chain((second,), items):
        if total.figure is not None or not total.add(f, minus):
            total.figure = total.made() + (-f if minus else f)
    return total.made()


def _exponents(f: Figure) -> tuple[int | None, int | None, int | None]:
    """The exponents of a figure's parts (``None`` where a part is absent), each read once."""
    value, low, high = f._value, f._low, f._high
    ev = None if value is None else value.as_tuple().exponent
    el = ev if low is value else None if low is None else low.as_tuple().exponent
    eh = (
        el
        if high is low
        else ev
        if high is value
        else None
        if high is None
        else high.as_tuple().exponent
    )
    return ev, el, eh  # type: ignore[return-value]  # parts are finite: int exponents


#: Exact sums whose exponent is the smaller of their terms': a sum that rounds, even without
#: losing a digit (``Rounded``), is left to ``+``.
_WHOLE = _EXACT.copy()
_WHOLE.traps[Rounded] = True
_WHOLE.traps[Clamped] = True


def _most_places(*exponents: int | None) -> int:
    """:func:`_written_places` from the parts' exponents."""
    least = None
    for e in exponents:
        if e is not None and (least is None or e < least):
            least = e
    return -(10**6) if least is None else -least


class _Sum:
    """A running sum that does what :meth:`Figure.__add__` does for two figures in one unit
    whose sums are exact (the only sums it takes: ``add`` says False otherwise, and the
    caller goes on with ``+``). It keeps the parts' exponents: an exact sum's exponent is the
    smaller of its terms' (a zero is made 0, as :func:`_make` makes it)."""

    __slots__ = (
        "approx",
        "eh",
        "el",
        "ev",
        "figure",
        "first",
        "high",
        "high_in",
        "low",
        "low_in",
        "places",
        "unit",
        "value",
    )

    def __init__(self, first: Figure) -> None:
        self.unit = first._unit
        self.value, self.low, self.high = first._value, first._low, first._high
        self.low_in, self.high_in = first._low_inclusive, first._high_inclusive
        self.approx, self.places = first._approximate, first._places
        self.ev, self.el, self.eh = _exponents(first)
        # The sum as a figure, once asked for or once ``+`` has taken over. (The first term's
        # qualifier and origin do not reach a sum: ``+`` reads neither.)
        self.figure: Figure | None = None
        self.first: Figure | None = first  # the sum while nothing is added: the term itself

    def made(self) -> Figure:
        if self.first is not None:
            self.figure, self.first = self.first, None
        if self.figure is None:
            self.figure = _make(
                self.unit,
                self.value,
                self.low,
                self.high,
                self.low_in,
                self.high_in,
                self.approx,
                None,
                self.places,
            )
        return self.figure

    def add(self, f: Figure, minus: bool = False) -> bool:
        if type(f) is not Figure or f._unit is not self.unit:
            return False
        mine, theirs = self.value, f._value
        point = theirs is not None and theirs is f._low is f._high
        if point and mine is not None and mine is self.low is self.high:
            return self._add_point(f, minus)
        f_in = (f._low_inclusive, f._high_inclusive)
        f_e: tuple[int | None, int | None, int | None]
        if point:  # one amount: one exponent, negated once (a point's ends are inclusive)
            exponent: int = theirs.as_tuple().exponent  # type: ignore[union-attr, assignment]
            fv = fl = fh = _negated(theirs) if minus else theirs
            f_e = (exponent, exponent, exponent)
        else:
            fv, fl, fh = f._value, f._low, f._high
            f_e = _exponents(f)
            if minus:  # -f: each part negated (its exponent kept), the ends swapped
                fv, fl, fh = _negated(fv), _negated(fh), _negated(fl)
                f_e = (f_e[0], f_e[2], f_e[1])
                f_in = (f_in[1], f_in[0])
        value = low = high = None
        ev = el = eh = None
        add = _WHOLE.add
        try:
            if mine is not None and fv is not None:
                value, ev = add(mine, fv), min(self.ev, f_e[0])  # type: ignore[type-var]
            if self.low is not None and fl is not None:
                low, el = add(self.low, fl), min(self.el, f_e[1])  # type: ignore[type-var]
            if self.high is not None and fh is not None:
                high, eh = add(self.high, fh), min(self.eh, f_e[2])  # type: ignore[type-var]
        except (Inexact, Rounded, Clamped):
            return False
        approx = self.approx or f._approximate
        places = None
        if not (self.places is None is f._places and not approx):
            limit = self.places
            if limit is None and self.approx:
                limit = _most_places(self.ev, self.el, self.eh)
            other = f._places
            if other is None and f._approximate:
                other = _most_places(*f_e)
            limits = [p for p in (limit, other) if p is not None]
            if limits:
                least = min(limits)
                places = None if least >= _most_places(ev, el, eh) else least
        self.low_in = (self.low_in and f_in[0]) or low is None
        self.high_in = (self.high_in and f_in[1]) or high is None
        if value is not None and value.is_zero():
            value, ev = _ZERO, 0
        if low is not None and low.is_zero():
            low, el = _ZERO, 0
        if high is not None and high.is_zero():
            high, eh = _ZERO, 0
        self.value, self.low, self.high = value, low, high
        self.ev, self.el, self.eh = ev, el, eh
        self.approx, self.places = approx, places
        self.first = None
        return True

    def _add_point(self, f: Figure, minus: bool) -> bool:
        """:meth:`add` of one amount to one amount (each held once, as value and bounds):
        one sum, one exponent (a negated amount has its exponent)."""
        theirs, value, mine_e = f._value, self.value, self.ev
        if theirs is None or value is None or mine_e is None:
            return False
        try:
            total = (_WHOLE.subtract if minus else _WHOLE.add)(value, theirs)
        except (Inexact, Rounded, Clamped):
            return False
        their_e: int = theirs.as_tuple().exponent  # type: ignore[assignment]  # finite
        exponent = min(mine_e, their_e)
        approx = self.approx or f._approximate
        places = None
        if not (self.places is None is f._places and not approx):
            mine = self.places
            if mine is None and self.approx:
                mine = -mine_e
            limit = f._places
            if limit is None and f._approximate:
                limit = -their_e
            limits = [p for p in (mine, limit) if p is not None]
            if limits:
                least = min(limits)
                places = None if least >= -exponent else least
        if total.is_zero():
            total, exponent = _ZERO, 0
        self.value = self.low = self.high = total
        self.ev = self.el = self.eh = exponent
        self.approx, self.places = approx, places
        self.first = None
        return True


def _amount_parts(amount: Amount) -> tuple[Decimal, Unit]:
    """An amount's magnitude and interned unit: text read without building a pint quantity
    (a file's ranges are text), anything else as :func:`~ledger.units.quantity` reads it."""
    if isinstance(amount, str):
        return amount_parts(amount)
    q = quantity(amount)
    return q.magnitude, intern_unit(q.units)


def _in_one_unit(
    given: dict[str, tuple[Decimal, Unit]], unit: Unit
) -> tuple[dict[str, Decimal], bool]:
    """The parts of a figure in ``unit``, exactly through the rational factor; a bound that
    Decimal cannot hold is rounded outwards (an open end stays open: it is still true), and
    the flag says whether the central value came through exactly."""
    magnitudes: dict[str, Decimal] = {}
    value_exact = True
    for name, (m, units) in given.items():
        if units is not unit:  # interned: one object for one unit
            if units.dimensionality != unit.dimensionality:
                raise UnitMismatchError(
                    f"figure {name} is in {unit_text(units)!r} but the figure is in "
                    f"{unit_text(unit)!r}; one figure has one unit"
                )
            factor = canonical_unit(units)[1] / canonical_unit(unit)[1]
            rounding = {"low": ROUND_FLOOR, "high": ROUND_CEILING}.get(name, ROUND_HALF_EVEN)
            m, exact = from_fraction(Fraction(m) * factor, rounding)
            value_exact = value_exact and (exact or name != "value")
        magnitudes[name] = m
    return magnitudes, value_exact


def _init(
    figure: Figure,
    unit: Unit,
    value: Decimal | None,
    low: Decimal | None,
    high: Decimal | None,
    low_inclusive: bool,
    high_inclusive: bool,
    approximate: bool,
    qualifier: str | None,
    places: int | None = None,
) -> None:
    setter = object.__setattr__
    setter(figure, "_unit", unit)
    setter(figure, "_value", _unsigned_zero(value))
    setter(figure, "_low", _unsigned_zero(low))
    setter(figure, "_high", _unsigned_zero(high))
    # An absent bound counts as inclusive, so that structure alone decides equality.
    setter(figure, "_low_inclusive", low_inclusive or low is None)
    setter(figure, "_high_inclusive", high_inclusive or high is None)
    setter(figure, "_approximate", approximate)
    if type(figure) is _Marked:
        setter(figure, "_qualifier", qualifier)
        setter(figure, "_places", places)
        setter(figure, "_origin", None)


def _make(
    unit: Unit,
    value: Decimal | None,
    low: Decimal | None,
    high: Decimal | None,
    low_inclusive: bool,
    high_inclusive: bool,
    approximate: bool,
    qualifier: str | None = None,
    places: int | None = None,
    origin: Figure | None = None,
) -> Figure:
    # The slots' own descriptors, bound once: the fastest way past the immutable __setattr__
    # (figures are made by the hundred thousand when a ledger loads).
    marked = qualifier is not None or places is not None or origin is not None
    figure = _new(_Marked if marked else Figure)
    _set_unit(figure, unit)
    # One zero: 0E-28 and -0 are 0, so that a file writes every zero alike.
    _set_value(figure, _ZERO if value is not None and value.is_zero() else value)
    _set_low(figure, _ZERO if low is not None and low.is_zero() else low)
    _set_high(figure, _ZERO if high is not None and high.is_zero() else high)
    _set_low_inclusive(figure, low_inclusive or low is None)
    _set_high_inclusive(figure, high_inclusive or high is None)
    _set_approximate(figure, approximate)
    if marked:
        _set_qualifier(figure, qualifier)
        _set_places(figure, places)
        _set_origin(figure, origin)
    return figure


class _Marked(Figure):
    """A figure with a rare part: a word of its own (``estimated``), places, or the figure it
    was converted from. It is a :class:`Figure` in all else, named so."""

    __slots__ = ("_origin", "_places", "_qualifier")


_Marked.__name__ = _Marked.__qualname__ = "Figure"
_new = object.__new__
_SLOTS: dict[str, Any] = {**Figure.__dict__, **_Marked.__dict__}
_set_unit = _SLOTS["_unit"].__set__
_set_value = _SLOTS["_value"].__set__
_set_low = _SLOTS["_low"].__set__
_set_high = _SLOTS["_high"].__set__
_set_low_inclusive = _SLOTS["_low_inclusive"].__set__
_set_high_inclusive = _SLOTS["_high_inclusive"].__set__
_set_approximate = _SLOTS["_approximate"].__set__
_set_qualifier = _SLOTS["_qualifier"].__set__
_set_places = _SLOTS["_places"].__set__
_set_origin = _SLOTS["_origin"].__set__


def _unsigned_zero(x: Decimal | None) -> Decimal | None:
    return _ZERO if x is not None and x.is_zero() else x


def _negated(x: Decimal | None) -> Decimal | None:
    if x is None:
        return None
    return _ZERO if x.is_zero() else x.copy_negate()


def _unpickle(unit: str, *parts: Any) -> Figure:
    from .units import parse_unit

    return _make(parse_unit(unit), *parts)


def _key(f: Figure) -> tuple[Any, ...]:
    return (
        f._unit,
        f._value,
        f._low,
        f._high,
        f._low_inclusive,
        f._high_inclusive,
        f._approximate,
        f._qualifier,
        f._places,
        f._origin,
    )


def _derived_qualifier(f: Figure) -> str:
    if f._value is not None and f._low == f._high == f._value:
        return "about" if f._approximate else "exact"
    if f._approximate and rounded_point(f):
        return "about"
    if f._low is not None and f._high is not None:
        return "range"
    if f._low is not None:
        return "at_least" if f._low_inclusive else "more_than"
    if f._high is not None:
        return "at_most" if f._high_inclusive else "less_than"
    return "unknown"


def _inside(f: Figure, x: Decimal) -> bool:
    if f._low is not None and (x < f._low or (x == f._low and not f._low_inclusive)):
        return False
    return not (f._high is not None and (x > f._high or (x == f._high and not f._high_inclusive)))


def _greater(a: Figure, b: Figure) -> bool | None:
    """Is every amount of ``a`` above every amount of ``b``?"""
    if (
        a._low is not None
        and b._high is not None
        and (
            a._low > b._high or (a._low == b._high and not (a._low_inclusive and b._high_inclusive))
        )
    ):
        return True
    if a._high is not None and b._low is not None and a._high <= b._low:
        return False
    return None


def _as_figure(value: object) -> Figure:
    if type(value) is Figure or type(value) is _Marked:
        return value
    if isinstance(value, (int, Decimal, str)) and not isinstance(value, bool):
        q = quantity(value) if isinstance(value, str) else ureg.Quantity(decimal(value), "")
    else:
        if isinstance(value, float):
            decimal(value)  # raises the float refusal
        if not hasattr(value, "magnitude"):
            raise AmountError(
                f"{type(value).__name__} {value!r} is not an amount; pass a Figure, a quantity, "
                "text such as '5 USD', an int or a Decimal"
            )
        q = quantity(value)  # type: ignore[arg-type]  # a quantity of another kind: refused
    m = q.magnitude
    return _make(intern_unit(q.units), m, m, m, True, True, False)


def _as_factor(value: object) -> Figure:
    if isinstance(value, float):
        decimal(value)
    return _as_figure(value)


def _describe_kind(unit: Unit) -> str:
    if is_stock(unit):
        return f"a stock ({unit_text(unit)})"
    if is_flow(unit):
        return f"a flow ({unit_text(unit)})"
    return repr(unit_text(unit) or "a pure number")


def _aligned(left: Figure, right: Figure, action: str) -> Figure:
    """``right`` in ``left``'s unit, or a clear refusal when they cannot meet."""
    # Units are interned (units.intern_unit): one object for one unit, so identity answers
    # at once where pint's ``==`` runs Python code on every sum.
    if right._unit is left._unit or right._unit == left._unit:
        return right
    if right._unit.dimensionality == left._unit.dimensionality:
        _, mine = canonical_unit(left._unit)
        _, theirs = canonical_unit(right._unit)
        return _scaled(right, theirs / mine, left._unit)
    from .units import currency_of

    lc, rc = currency_of(left._unit), currency_of(right._unit)
    if lc and rc and lc != rc:
        reason = (
            f"two currencies ({lc} and {rc}); convert one first with lg.convert(figure, "
            f"{lc!r}, rates=..., on=date) and a dated, sourced rate"
        )
    elif (is_stock(left._unit) and is_flow(right._unit)) or (
        is_flow(left._unit) and is_stock(right._unit)
    ):
        reason = "a stock (a debt) and a flow (a sum per period) are different things"
    else:
        reason = f"{_describe_kind(left._unit)} and {_describe_kind(right._unit)} do not match"
    raise UnitMismatchError(f"cannot {action} {left} and {right}: {reason}")


def _scaled(f: Figure, factor: Fraction, unit: Unit) -> Figure:
    """``f`` times an exact rational factor, in ``unit``.

    The parts are scaled as fractions, so nothing is lost on the way; a part that Decimal
    cannot hold is rounded (bounds outwards, an open end still open; the value to nearest,
    marked approximate), and the result keeps the figure it came from as its
    :attr:`Figure.origin`, so that changing back, by any road, gives that figure again.
    """
    if factor == 1:
        return _make(unit, *_key(f)[1:])
    source = f if f._origin is None else f._origin
    if f._origin is not None:
        factor = canonical_unit(source._unit)[1] / canonical_unit(unit)[1]
    parts = [None if x is None else Fraction(x) * factor for x in _raw_parts(source)]
    rounded = [
        None if q is None else from_fraction(q, rounding)
        for q, rounding in zip(parts, (ROUND_HALF_EVEN, ROUND_FLOOR, ROUND_CEILING), strict=True)
    ]
    value, low, high = (None if r is None else r[0] for r in rounded)
    exact = [r is None or r[1] for r in rounded]
    if all(exact):
        places = (
            None if source._places is None else _places_for(_carried(source) or 1, value, low, high)
        )
    else:
        places = _places_for(_scaled_digits(source, unit), value, low, high)
    return _make(
        unit,
        value,
        low,
        high,
        source._low_inclusive,
        source._high_inclusive,
        source._approximate or not exact[0],
        source._qualifier,
        places,
        None if all(exact) else _canonical(source),
    )


def _scaled_digits(source: Figure, unit: Unit) -> int:
    """The significant digits a rounded change of unit of ``source`` keeps."""
    if source._places is not None:
        return _carried(source) or 1
    if source._approximate:
        # Its digits without trailing zeros, counted in its canonical unit, at least three.
        return max(_canonical_written(source, normalized=True), _APPROXIMATE_DIGITS)
    # An exact figure's digits, counted in its canonical unit (a year's 2 USD, however
    # written), or the unit's own (a twelfth of a year carries two).
    month_digits = len(str((1 / canonical_unit(unit)[1]).denominator))
    return max(_canonical_written(source), month_digits)


def _raw_parts(f: Figure) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    return f._value, f._low, f._high


def _exact_parts(f: Figure) -> tuple[Fraction | None, Fraction | None, Fraction | None]:
    """The value and bounds ``f`` was rounded from by a change of unit (its origin's, in its
    own unit), exactly; ``None`` for each when it was not rounded."""
    origin = f._origin
    if origin is None:
        return None, None, None
    factor = canonical_unit(origin._unit)[1] / canonical_unit(f._unit)[1]
    value, low, high = (None if x is None else Fraction(x) * factor for x in _raw_parts(origin))
    return value, low, high


def _summed_places(
    a: Figure,
    b: Figure,
    exact: bool,
    approx: bool,
    *parts: Decimal | None,
) -> int | None:
    """The places a sum keeps: the coarsest of its inputs, those a rounded input was given,
    those an approximate one was written with (an exact input limits nothing); a sum Decimal
    could not hold keeps what the working precision allows."""
    if exact and a._places is None is b._places and not approx:
        return None
    limits = [p for p in (_sum_places(a), _sum_places(b)) if p is not None]
    if not exact:
        limits.append(_places_for(DIGITS, *parts))
    return _needed(min(limits), *parts) if limits else None


def _canonical(f: Figure) -> Figure:
    """``f`` in its canonical unit (per year, in years) where that is exact, so that one
    amount has one origin however it was written (0.25 USD a quarter is 1 USD a year)."""
    unit, factor = canonical_unit(f._unit)
    if factor == 1 or f._places is not None:
        return f
    scaled = [None if x is None else from_fraction(Fraction(x) * factor) for x in _raw_parts(f)]
    if not all(part is None or part[1] for part in scaled):
        return f
    value, low, high = (None if part is None else part[0] for part in scaled)
    return _make(
        unit,
        value,
        low,
        high,
        f._low_inclusive,
        f._high_inclusive,
        f._approximate,
        f._qualifier,
        f._places,
    )


def _canonical_written(f: Figure, normalized: bool = False) -> int:
    """The digits ``f`` is written with in its canonical unit (per year, in years), without
    trailing zeros when ``normalized``."""
    factor = canonical_unit(f._unit)[1]
    canonical = [from_fraction(Fraction(x) * factor) for x in _parts(f)]
    numbers = [x for x, _ in canonical] if all(ok for _, ok in canonical) else _parts(f)
    if normalized:
        numbers = [x.normalize(_NEAREST) for x in numbers]
    return max([significant_digits(x) for x in numbers] + [1])


def _ends(f: Figure) -> tuple[_End, _End]:
    low = (-_INF, False) if f._low is None else (f._low, f._low_inclusive)
    high = (_INF, False) if f._high is None else (f._high, f._high_inclusive)
    return low, high


def _end_quotient(
    a: _End, b: _End, positive: bool, down: bool, factor: Fraction | None
) -> tuple[Decimal, bool, bool]:
    """One candidate end of ``a / b``, where ``b`` holds amounts of one sign only (times
    ``factor``, when given, into the quotient's canonical unit)."""
    (x, x_in), (y, y_in) = a, b
    if x.is_zero():
        return _ZERO, x_in, True
    y_positive = y > 0 or (y.is_zero() and positive)
    if x.is_infinite():
        return (_INF if (x > 0) == y_positive else -_INF), False, True
    if y.is_infinite():
        return _ZERO, False, True
    if y.is_zero():
        return (_INF if (x > 0) == y_positive else -_INF), False, True
    result, exact = _div(x, y, down, factor)
    return result, x_in and y_in, exact


def _quotient(a: Figure, b: Figure) -> Figure:
    """``a / b`` by interval rules, for a divisor whose amounts all have one sign."""
    b_ends = _ends(b)
    (low, low_in), (high, high_in) = b_ends
    positive = low > 0 or (low.is_zero() and not low_in)
    negative = high < 0 or (high.is_zero() and not high_in)
    if not (positive or negative):
        raise FigureError(
            f"cannot divide by {b}: its range holds zero (or is open towards it), "
            "so the quotient has no bound"
        )
    unit, factor = _unit_quotient(a._unit, b._unit)
    if _exact_zero(a):
        return _make(unit, _ZERO, _ZERO, _ZERO, True, True, False)
    a_ends = _ends(a)
    scale = None if factor == 1 else factor
    lows = [_end_quotient(p, q, positive, True, scale) for p in a_ends for q in b_ends]
    highs = [_end_quotient(p, q, positive, False, scale) for p in a_ends for q in b_ends]
    value, exact = None, True
    if a._value is not None and b._value is not None:
        value, exact = _div(a._value, b._value, None, scale)
    return _combined(a, b, value, exact, _pick(lows, True), _pick(highs, False), unit)


def _combined(
    a: Figure,
    b: Figure,
    value: Decimal | None,
    value_exact: bool,
    low: tuple[Decimal, bool, bool],
    high: tuple[Decimal, bool, bool],
    unit: Unit,
) -> Figure:
    """The result of a product or a quotient, from its value and its two candidate ends, all
    in its canonical unit already: a part rounded once there, never twice (rounded, then
    brought to the unit, 1 USD over 3 USD a month had an upper bound two units in the 60th
    digit above a twelfth of a third)."""
    (new_low, low_in, low_exact), (new_high, high_in, high_exact) = low, high
    new_low_d = None if new_low.is_infinite() else new_low
    new_high_d = None if new_high.is_infinite() else new_high
    exact = value_exact and low_exact and high_exact
    places = None
    limited = a._places is not None or b._places is not None or a._approximate or b._approximate
    if not exact or limited:
        limits = [d for d in (_carried(a), _carried(b)) if d is not None]
        digits = min(limits) if limits else max(_written(a), _written(b))
        places = _needed(
            _places_for(digits, value, new_low_d, new_high_d), value, new_low_d, new_high_d
        )
    return _make(
        unit,
        value,
        new_low_d,
        new_high_d,
        low_in,
        high_in,
        a._approximate or b._approximate or not value_exact,
        None,
        places,
    )


@lru_cache(maxsize=1024)
def _unit_quotient(a: Unit, b: Unit) -> tuple[Unit, Fraction]:
    return canonical_unit(a / b)


@lru_cache(maxsize=1024)
def _unit_product(a: Unit, b: Unit) -> tuple[Unit, Fraction]:
    return canonical_unit(a * b)


def _exact_zero(f: Figure) -> bool:
    """Whether ``f`` is exactly zero: one amount, not approximate, not rounded. Zero times
    anything, or divided by anything that is not zero, is exactly zero, however rough the
    other figure: "$0 of debt" over "an estimated budget" is 0 years, not "about 0"."""
    exact = f.exact_magnitude
    return exact is not None and exact.is_zero()


def _product(a: Figure, b: Figure) -> Figure:
    unit, factor = _unit_product(a._unit, b._unit)
    if _exact_zero(a) or _exact_zero(b):
        return _make(unit, _ZERO, _ZERO, _ZERO, True, True, False)
    scale = None if factor == 1 else factor
    a_ends, b_ends = _ends(a), _ends(b)
    lows = [_end_product(p, q, True, scale) for p in a_ends for q in b_ends]
    highs = [_end_product(p, q, False, scale) for p in a_ends for q in b_ends]
    value, exact = None, True
    if a._value is not None and b._value is not None:
        value, exact = _mul(a._value, b._value, None, scale)
    return _combined(a, b, value, exact, _pick(lows, True), _pick(highs, False), unit)


# -- the digits a result is justified to --------------------------------------------------


def _parts(f: Figure) -> list[Decimal]:
    return [x for x in (f._value, f._low, f._high) if x is not None]


def _written(f: Figure) -> int:
    """The most digits any part of ``f`` was written with (``28.81`` has 4)."""
    return max([significant_digits(x) for x in _parts(f)] + [1])


#: An approximate figure carries at least this many digits: "some $300 million" may mean
#: 300, not 3, hundred million; the compact style shows three digits too.
_APPROXIMATE_DIGITS = 3


def _carried(f: Figure) -> int | None:
    """The significant digits ``f`` limits a product or a quotient to: those it was rounded
    to, or for a figure the source called approximate, its digits without trailing zeros
    ("about 300 million" has 1); an exact figure limits nothing."""
    parts = _parts(f)
    if f._places is not None:
        if not parts:
            return 1
        return max(1, max(parts, key=Decimal.copy_abs).adjusted() + f._places + 1)
    if f._approximate:
        written = max([significant_digits(x.normalize(_NEAREST)) for x in parts] + [1])
        return max(written, _APPROXIMATE_DIGITS)
    return None


def _written_places(*parts: Decimal | None) -> int:
    """The decimal places the parts are written with (``250.5`` has 1, ``3E+8`` has -8)."""
    most = -(10**6)
    last = None
    for x in parts:
        if x is None or x is last:  # a point holds one number three times: read it once
            continue
        last = x
        exponent = x.as_tuple().exponent
        if isinstance(exponent, int) and -exponent > most:
            most = -exponent
    return most


def _sum_places(f: Figure) -> int | None:
    if f._places is not None:
        return f._places
    return _written_places(*_parts(f)) if f._approximate else None


def _needed(places: int, *parts: Decimal | None) -> int | None:
    """``places``, or ``None`` where the parts show no more places than that anyway (one
    figure, one form: ``about 250000000`` is the same however it was reached)."""
    return None if places >= _written_places(*parts) else places


def _places_for(digits: int, *parts: Decimal | None) -> int:
    """The decimal places that keep ``digits`` significant digits of the largest part."""
    present = [x for x in parts if x is not None and not x.is_zero()]
    if not present:
        return max(0, digits - 1)
    return digits - 1 - max(present, key=Decimal.copy_abs).adjusted()


def _quantized(f: Figure, step: Decimal) -> Figure:
    if step <= 0:
        raise FigureError(f"quantize takes a positive step, not {step}")

    def rounded(x: Decimal | None, rounding: str) -> Decimal | None:
        if x is None:
            return None
        return (x / step).to_integral_value(rounding, _NEAREST) * step

    with _localcontext():
        value = rounded(f._value, ROUND_HALF_EVEN)
        if f._value is not None and (f._low == f._high == f._value or rounded_point(f)):
            assert value is not None
            return _make(
                f._unit,
                value,
                value,
                value,
                True,
                True,
                f._approximate or value != f._value,
                f._qualifier if value == f._value else None,
            )
        low = rounded(f._low, ROUND_FLOOR)
        high = rounded(f._high, ROUND_CEILING)
    return _make(
        f._unit,
        value,
        low,
        high,
        f._low_inclusive,
        f._high_inclusive,
        f._approximate or value != f._value,
    )


def _localcontext() -> Any:
    from decimal import localcontext

    return localcontext(_NEAREST)


# -- text ---------------------------------------------------------------------------------


def shown(
    f: Figure, digits: int | None = None
) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """The value and bounds as a reader is shown them: to the places the inputs justify, or
    to ``digits`` significant digits when that is fewer (value to nearest, bounds outwards,
    so each statement stays true), else as they are.

    >>> shown(Figure.of("300 million USD", "about") / Figure.of("360 million USD/year"))
    (Decimal('0.833'), Decimal('0.833'), Decimal('0.834'))
    """
    parts = _parts(f)
    limits = [] if f._places is None else [f._places]
    if digits is not None and parts:
        limits.append(_places_for(digits, *parts))
    if not limits:
        return f._value, f._low, f._high
    step = Decimal(1).scaleb(-min(limits), _NEAREST)

    def rounded(x: Decimal | None, rounding: str) -> Decimal | None:
        if x is None:
            return None
        result = (x / step).to_integral_value(rounding, _NEAREST) * step
        # A carry (0.099 to 0.10) must not add a digit: trailing zeros go.
        return _ZERO if result.is_zero() else result.normalize(_NEAREST)

    with _localcontext():
        return (
            rounded(f._value, ROUND_HALF_EVEN),
            rounded(f._low, ROUND_FLOOR),
            rounded(f._high, ROUND_CEILING),
        )


#: Bounds this close (relative to the value) differ only by Decimal's rounding.
_ROUNDING = Decimal(1).scaleb(4 - DIGITS)


def rounded_point(f: Figure) -> bool:
    """Whether a figure is one amount whose bounds differ from it only by Decimal rounding
    (``1 / 3`` kept as 0.33..33 to 0.33..34), so that text can show it as a point."""
    value, low, high = f._value, f._low, f._high
    if value is None or low is None or high is None or low == high:
        return False
    return _NEAREST.subtract(high, low) <= _NEAREST.multiply(max(value.copy_abs(), _ONE), _ROUNDING)


_ONE = Decimal(1)
