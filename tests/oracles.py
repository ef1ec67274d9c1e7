"""Oracles independent of the code under test: exact rational arithmetic and plain loops."""

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
