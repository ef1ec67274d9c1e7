"""Oracles independent of the code under test: exact rational arithmetic and plain loops."""

import math
from dataclasses import dataclass
from fractions import Fraction


def holds(figure, exact: Fraction) -> bool:
    """Whether the exact rational ``exact`` lies within the figure's bounds (Fraction
    comparisons only: no Decimal context, no code of the library's)."""
    if figure.low is not None:
        low = Fraction(figure.low.magnitude)
        if exact < low or (exact == low and not figure.low_inclusive):
            return False
    if figure.high is not None:
        high = Fraction(figure.high.magnitude)
        if exact > high or (exact == high and not figure.high_inclusive):
            return False
    return True


def terminates(exact: Fraction, digits: int = 60) -> bool:
    """Whether a decimal of at most ``digits`` significant digits equals ``exact``."""
    den = exact.denominator
    for prime in (2, 5):
        while den % prime == 0:
            den //= prime
    if den != 1:
        return False
    scaled = exact
    while scaled.denominator != 1:
        scaled *= 10
    return len(str(abs(scaled.numerator)).rstrip("0")) <= digits


#: How many of each period make a year, written out here rather than taken from the library.
PER_YEAR = {"year": 1, "quarter": 4, "month": 12}


def per_year(amount) -> Fraction:
    """A flow's magnitude per year (a stock's or a count's as it is), as an exact fraction."""
    text = str(amount.units)
    magnitude = Fraction(amount.magnitude)
    for period, count in PER_YEAR.items():
        if text.endswith(f"/ {period}"):
            return magnitude * count
    return magnitude


# -- an exact interval oracle ---------------------------------------------------------------
#
# The set of amounts a figure allows, as exact fractions: a lower and an upper end, each a
# Fraction or None (no bound), each inclusive or not. Written from the definitions alone (the
# set {x op y : x in A, y in B}), with no code of the library's: interval sums add ends, and a
# product's ends are among the four products of ends (a bilinear function on a box takes its
# extremes at the corners), an end reached when some corner reaching it is reached.

#: The digits a Decimal of the library holds (written out here, not taken from the library).
DIGITS = 60
_INF = math.inf


@dataclass(frozen=True)
class Interval:
    """``{x : low <(=) x <(=) high}``; ``None`` for an absent end (its flag is then False)."""

    low: Fraction | None
    low_in: bool
    high: Fraction | None
    high_in: bool

    def __post_init__(self):
        if self.low is None:
            object.__setattr__(self, "low_in", False)
        if self.high is None:
            object.__setattr__(self, "high_in", False)
        if self.low is not None and self.high is not None:
            assert self.low < self.high or (self.low == self.high and self.low_in and self.high_in)

    @classmethod
    def point(cls, x) -> "Interval":
        x = Fraction(x)
        return cls(x, True, x, True)

    def contains(self, x) -> bool:
        x = Fraction(x)
        if self.low is not None and (x < self.low or (x == self.low and not self.low_in)):
            return False
        above = self.high is not None and (x > self.high or (x == self.high and not self.high_in))
        return not above

    def __neg__(self) -> "Interval":
        return Interval(
            None if self.high is None else -self.high,
            self.high_in,
            None if self.low is None else -self.low,
            self.low_in,
        )

    def __add__(self, other: "Interval") -> "Interval":
        low = None if self.low is None or other.low is None else self.low + other.low
        high = None if self.high is None or other.high is None else self.high + other.high
        return Interval(low, self.low_in and other.low_in, high, self.high_in and other.high_in)

    def __sub__(self, other: "Interval") -> "Interval":
        return self + (-other)

    def _ends(self):
        low = -_INF if self.low is None else self.low
        high = _INF if self.high is None else self.high
        return (low, self.low_in), (high, self.high_in)

    def __mul__(self, other: "Interval") -> "Interval":
        corners = [_corner(a, b) for a in self._ends() for b in other._ends()]
        return _from_corners(corners)

    def scaled(self, factor) -> "Interval":
        """The interval times an exact number (a change of unit, a product by a number)."""
        return self * Interval.point(factor)

    def holds_zero(self) -> bool:
        return self.contains(0)

    def reciprocal(self) -> "Interval":
        """``{1/y : y in self}`` for an interval of one sign (zero at most an open end)."""
        assert not self.holds_zero()
        (low, low_in), (high, high_in) = self._ends()
        # 1/y runs backwards over one sign: the new low end comes from the old high end. An
        # infinite end gives an open 0; an open 0 gives an infinite end.
        new_low = _inverse(high, positive=low >= 0)
        new_high = _inverse(low, positive=low >= 0)
        return Interval(
            None if new_low == -_INF else Fraction(new_low),
            high_in and new_low != 0,
            None if new_high == _INF else Fraction(new_high),
            low_in and new_high != 0,
        )

    def __truediv__(self, other: "Interval") -> "Interval":
        return self * other.reciprocal()

    def at_least_zero(self) -> "Interval":
        """``{max(x, 0) : x in self}``: what is outstanding never falls below zero."""
        if self.high is not None and self.high <= 0:
            return Interval.point(0)
        if self.low is None or self.low < 0:
            return Interval(Fraction(0), True, self.high, self.high_in)
        return self


def _corner(a, b):
    """One corner product of two ends (value, reached); 0 times anything is 0, reached when a
    closed end at 0 is one of the two (the other interval is not empty)."""
    (x, x_in), (y, y_in) = a, b
    if x == 0 or y == 0:
        return 0, (x == 0 and x_in) or (y == 0 and y_in)
    return x * y, x_in and y_in  # an infinite end is never reached


def _from_corners(corners) -> Interval:
    low = min(value for value, _ in corners)
    high = max(value for value, _ in corners)
    low_in = any(reached for value, reached in corners if value == low)
    high_in = any(reached for value, reached in corners if value == high)
    return Interval(
        None if low == -_INF else Fraction(low),
        low_in,
        None if high == _INF else Fraction(high),
        high_in,
    )


def _inverse(end, positive: bool):
    if end in (_INF, -_INF):
        return 0
    if end == 0:
        return _INF if positive else -_INF
    return 1 / Fraction(end)


def interval_of(figure) -> Interval:
    """The set a figure allows, read through its public properties only."""
    low, high = figure.low, figure.high
    return Interval(
        None if low is None else Fraction(low.magnitude),
        figure.low_inclusive,
        None if high is None else Fraction(high.magnitude),
        figure.high_inclusive,
    )


#: Months in each period, written out here.
MONTHS = {"month": 1, "quarter": 3, "year": 12}


def in_years(unit) -> Fraction:
    """What one ``unit`` is in the same unit with every period counted in years (one USD a
    month is 12 USD a year; one quarter is 1/4 year), read from the unit's text."""
    factor = Fraction(1)
    text = str(unit)
    if text == "dimensionless":
        return factor
    sign = 1
    for token in text.split(" "):
        if token == "/":
            sign = -1
        elif token == "*":
            sign = 1
        elif token in MONTHS:
            factor *= Fraction(MONTHS[token], 12) ** sign
    return factor


def _exponent(x: Fraction) -> int:
    """``e`` with ``10**e <= |x| < 10**(e+1)``."""
    x = abs(x)
    e = len(str(x.numerator)) - len(str(x.denominator))
    while Fraction(10) ** e > x:
        e -= 1
    while Fraction(10) ** (e + 1) <= x:
        e += 1
    return e


def unit_in_last_digit(x: Fraction, digits: int = DIGITS) -> Fraction:
    """One unit in the ``digits``-th significant digit of ``x`` (not zero)."""
    return Fraction(10) ** (_exponent(x) - digits + 1)


def problems(figure, exact: Interval, digits: int = DIGITS) -> list[str]:
    """How ``figure`` fails to be the exact interval ``exact``, sound and tight: every end at
    least as wide as the truth (an end that coincides includes it when the truth does); an end
    a decimal of ``digits`` digits can hold is the truth itself, with its inclusivity; one it
    cannot is rounded outwards by less than one unit in its last digit, and keeps the truth's
    inclusivity (an open end stays open). An empty list when the figure is right."""
    found = []
    got = interval_of(figure)
    for side, down in (("low", True), ("high", False)):
        mine, truth = getattr(got, side), getattr(exact, side)
        mine_in, truth_in = getattr(got, f"{side}_in"), getattr(exact, f"{side}_in")
        where = f"{side}: got {mine} ({'in' if mine_in else 'ex'}clusive), the truth is " + (
            "unbounded" if truth is None else f"{truth} ({'in' if truth_in else 'ex'}clusive)"
        )
        if truth is None:
            if mine is not None:
                found.append(f"unsound, a bound where there is none: {where}")
            continue
        if mine is None:
            found.append(f"not tight, no bound: {where}")
            continue
        outwards = mine <= truth if down else mine >= truth
        if not outwards or (mine == truth and truth_in and not mine_in):
            found.append(f"unsound: {where}")
        elif terminates(truth, digits):
            if mine != truth or mine_in != truth_in:
                found.append(f"not tight (a decimal holds the truth): {where}")
        else:
            if mine == truth or abs(mine - truth) >= unit_in_last_digit(truth, digits):
                found.append(f"not tight, not within one unit in digit {digits}: {where}")
            if mine_in != truth_in:
                found.append(f"a rounded end changed its inclusivity: {where}")
    return found


# -- netting by a plain loop ----------------------------------------------------------------

#: The statuses under which a claim counts as zero, as netting's documentation says.
COUNTS_AS_ZERO = ("settled", "written_off")


@dataclass(frozen=True)
class Net:
    """A net amount as the oracle finds it: the exact interval, the central value (``None``
    when some figure counted has none) and whether anything counted was approximate."""

    interval: Interval
    value: Fraction | None
    approximate: bool


def _value_of(figure) -> Fraction | None:
    return None if figure.value is None else Fraction(figure.value.magnitude)


def left_of(claim, entries, day) -> Net:
    """What is outstanding on a claim on ``day``: zero under a status that counts as zero,
    else its amount less every settlement of it dated on or before ``day``, never below zero."""
    if claim.status in COUNTS_AS_ZERO:
        return Net(Interval.point(0), Fraction(0), False)
    interval, value = interval_of(claim.amount), _value_of(claim.amount)
    approximate = claim.amount.approximate
    for entry in entries:
        if entry.kind == "settlement" and entry.claim == claim.id and entry.as_of <= day:
            interval = interval - interval_of(entry.amount)
            paid = _value_of(entry.amount)
            value = None if value is None or paid is None else value - paid
            approximate = approximate or entry.amount.approximate
    return Net(
        interval.at_least_zero(), None if value is None else max(value, Fraction(0)), approximate
    )


def _plus(total: Net, part: Net, sign: int) -> Net:
    value = None if total.value is None or part.value is None else total.value + sign * part.value
    interval = total.interval + part.interval if sign > 0 else total.interval - part.interval
    return Net(interval, value, total.approximate or part.approximate)


def net_of(entries, debtor, creditor, day) -> Net:
    """What ``debtor`` owes ``creditor`` on ``day``, net: a loop over the claims between the
    two dated on or before ``day``, adding what is left of each the debtor owes and taking off
    what is left of each the creditor owes."""
    total = Net(Interval.point(0), Fraction(0), False)
    for entry in entries:
        if entry.kind != "claim" or entry.as_of > day:
            continue
        if {entry.creditor, entry.debtor} != {debtor, creditor}:
            continue
        total = _plus(total, left_of(entry, entries, day), 1 if entry.debtor == debtor else -1)
    return total


def positions_of(entries, day) -> dict[str, Net]:
    """Every party's net position on ``day`` (one currency): what is left of the claims it
    holds less what is left of those on it, for every party of a claim dated by then."""
    positions: dict[str, Net] = {}
    zero = Net(Interval.point(0), Fraction(0), False)
    for entry in entries:
        if entry.kind != "claim" or entry.as_of > day:
            continue
        left = left_of(entry, entries, day)
        positions[entry.creditor] = _plus(positions.get(entry.creditor, zero), left, 1)
        positions[entry.debtor] = _plus(positions.get(entry.debtor, zero), left, -1)
    return positions


def net_problems(figure, net: Net) -> list[str]:
    """How a figure differs from the oracle's net amount: its interval (sound and tight), its
    central value, its approximate mark."""
    found = problems(figure, net.interval)
    if _value_of(figure) != net.value:
        found.append(f"value: got {_value_of(figure)}, the loop gives {net.value}")
    if figure.approximate != net.approximate:
        found.append(f"approximate: got {figure.approximate}, the loop gives {net.approximate}")
    return found


def to_digits(exact: Fraction, mode: str, digits: int = DIGITS) -> Fraction:
    """``exact`` rounded to ``digits`` significant digits by integer arithmetic alone:
    ``"nearest"`` (half to even), ``"down"`` (towards minus infinity) or ``"up"``."""
    if exact == 0:
        return Fraction(0)
    unit = unit_in_last_digit(exact, digits)
    steps = exact / unit
    below = steps.numerator // steps.denominator  # floor
    if mode == "down" or steps == below:
        return below * unit
    if mode == "up":
        return (below + 1) * unit
    half = steps - below
    odd = below % 2 == 1
    return (below + (1 if half > Fraction(1, 2) or (half == Fraction(1, 2) and odd) else 0)) * unit
