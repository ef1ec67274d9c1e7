"""Figures against an exact oracle: every operation's result is the exact interval of what its
inputs allow, no wider than one unit in the 60th digit, with every end's inclusivity right.

The oracle (``oracles.Interval``) computes in fractions from the definitions alone; the figures
here are signed, open or closed at either end, one-sided, unbounded, with up to 60 digits, and
in every period, so that sums, products, quotients and changes of unit have to round.
"""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from oracles import DIGITS, MONTHS, Interval, in_years, interval_of, problems

import ledger as lg
from ledger import strategies as lst
from ledger.figures import Figure

PERIODS = tuple(MONTHS)


def check(figure, truth):
    found = problems(figure, truth)
    assert not found, "\n".join([str(figure), *found])


def truth_of(figure):
    """The exact set a figure stands for in its own unit: itself, or for a figure a change of
    unit had to round, the figure it came from (its documented exact truth)."""
    origin = figure.origin
    if origin is None:
        return interval_of(figure)
    return interval_of(origin).scaled(in_years(origin.unit) / in_years(figure.unit))


# -- numbers and figures --------------------------------------------------------------------


@st.composite
def long_decimals(draw):
    """Decimals of 1 to 60 significant digits, of either sign, from 1e-12 to 1e21 in size."""
    digits = draw(st.integers(1, DIGITS))
    n = draw(st.integers(10 ** (digits - 1), 10**digits - 1))
    adjusted = draw(st.integers(-12, 20))
    sign = draw(st.sampled_from(["", "-"]))
    return Decimal(f"{sign}{n}E{adjusted - digits + 1}")  # from text: exact in any context


def numbers():
    """Zero and small whole numbers (so that ends meet, and meet zero), the project's amounts
    of two places, and long decimals."""
    return st.one_of(
        st.integers(-24, 24).map(Decimal),
        lst.amounts(min_value=-(10**6), max_value=10**6),
        long_decimals(),
    )


SHAPES = ("point", "range", "at_least", "more_than", "at_most", "less_than", "unbounded")


@st.composite
def signed_figures(draw, unit="USD", values=None):
    """Figures of every shape, either sign, open or closed ends, sometimes approximate."""
    values = numbers() if values is None else values
    shape = draw(st.sampled_from(SHAPES))
    approximate = draw(st.booleans())

    def q(x):
        return lg.ureg.Quantity(x, unit)

    first = draw(values)
    if shape == "point":
        return Figure(q(first), approximate=approximate)
    if shape == "unbounded":
        return Figure(q(first), qualifier="unknown", approximate=approximate)
    if shape in ("at_least", "more_than"):
        return Figure(low=q(first), low_inclusive=shape == "at_least", approximate=approximate)
    if shape in ("at_most", "less_than"):
        return Figure(high=q(first), high_inclusive=shape == "at_most", approximate=approximate)
    low, high = sorted([first, draw(values)])
    low_in = low == high or draw(st.booleans())
    high_in = low == high or draw(st.booleans())
    value = draw(st.sampled_from([None, *([low] if low_in else []), *([high] if high_in else [])]))
    return Figure.range(
        q(low),
        q(high),
        low_inclusive=low_in,
        high_inclusive=high_in,
        approximate=approximate,
        value=None if value is None else q(value),
    )


@st.composite
def divisors(draw, unit=""):
    """Figures whose amounts all have one sign, either one: a divisor has a bounded quotient.
    Built from the shape's own numbers, mirrored by hand for the negative ones."""
    magnitudes = numbers().map(abs)
    shape = draw(st.sampled_from(("point", "range", "at_least", "more_than")))
    approximate = draw(st.booleans())
    if shape == "point":
        low = high = draw(magnitudes.filter(bool))
        low_in = high_in = True
    elif shape == "range":
        low, high = sorted([draw(magnitudes), draw(magnitudes.filter(bool))])
        low_in = low == high or (low != 0 and draw(st.booleans()))
        high_in = low == high or draw(st.booleans())
    else:
        low = draw(magnitudes.filter(bool)) if shape == "at_least" else draw(magnitudes)
        low_in, high, high_in = shape == "at_least", None, True
    if draw(st.booleans()):  # the mirror image, below zero
        low, high, low_in, high_in = (
            None if high is None else -high,
            -low,
            high_in,
            low_in,
        )

    def q(x):
        return None if x is None else lg.ureg.Quantity(x, unit)

    return Figure(
        None,
        low=q(low),
        high=q(high),
        low_inclusive=low_in,
        high_inclusive=high_in,
        approximate=approximate,
    )


def stocks():
    return st.one_of(
        signed_figures("USD"),
        lst.figures("stock", "USD", min_value=-(10**6), max_value=10**6),
    )


def pure():
    return signed_figures("")


def flows(period=None):
    """Flows per month, quarter or year: built in the period, or converted into it."""
    periods = st.sampled_from(PERIODS) if period is None else st.just(period)
    return periods.flatmap(
        lambda p: st.one_of(
            signed_figures(f"USD/{p}"),
            lst.figures("flow", "USD", per=p, min_value=-(10**6), max_value=10**6).map(
                lambda f, p=p: f.to(f"USD/{p}")
            ),
        )
    )


def durations():
    return st.sampled_from(PERIODS).flatmap(lambda p: signed_figures(p))


nonzero = numbers().filter(bool)


# -- sums, differences, negation ------------------------------------------------------------


@given(stocks(), stocks())
def test_a_sum_is_the_exact_interval_of_the_sums(a, b):
    check(a + b, interval_of(a) + interval_of(b))


@given(stocks(), stocks())
def test_a_difference_is_the_exact_interval_of_the_differences(a, b):
    check(a - b, interval_of(a) - interval_of(b))


@given(stocks())
def test_negation_is_the_exact_mirror_image(a):
    check(-a, -interval_of(a))


@given(flows(), flows())
@example(Figure.of("1 USD/month"), Figure.of("-4 USD/quarter"))  # cancelled a digit
def test_a_sum_of_flows_in_two_periods_is_exact_in_the_first_ones_unit(a, b):
    total = a + b
    assert total.unit == a.unit
    # In a's unit already, b is its bounds; otherwise it is changed into a's unit, from the
    # figure it was itself changed from, if it was.
    theirs = interval_of(b) if b.unit == a.unit else truth_of(b)
    check(total, interval_of(a) + theirs.scaled(in_years(b.unit) / in_years(a.unit)))


# -- products -------------------------------------------------------------------------------


@given(stocks(), numbers())
def test_a_product_by_a_number_is_exact_on_either_side(a, k):
    truth = interval_of(a).scaled(Fraction(k))
    check(a * k, truth)
    check(k * a, truth)


@given(stocks(), pure())
def test_a_product_of_two_intervals_is_exact(a, b):
    check(a * b, interval_of(a) * interval_of(b))
    check(b * a, interval_of(a) * interval_of(b))


@given(pure(), pure())
def test_a_product_of_two_pure_intervals_is_exact(a, b):
    check(a * b, interval_of(a) * interval_of(b))


@given(flows(), numbers())
@example(Figure.of(f"1.{'0' * 58}1 USD/month"), Decimal(11))  # rounded twice: two units off
def test_a_flow_times_a_number_is_exact_in_whatever_period_it_is_given(a, k):
    product = a * k
    assert product.unit.dimensionality == a.unit.dimensionality
    truth = interval_of(a).scaled(Fraction(k) * in_years(a.unit) / in_years(product.unit))
    check(product, truth)


@given(flows(), durations())
@example(Figure.of("4 USD/year", "about").to("USD/month"), Figure.of("3 quarter"))
def test_a_flow_times_a_duration_is_an_exact_stock(a, b):
    product = a * b
    assert str(product.unit) == "USD"
    check(
        product, interval_of(a).scaled(in_years(a.unit)) * interval_of(b).scaled(in_years(b.unit))
    )


# -- quotients ------------------------------------------------------------------------------


@given(stocks(), nonzero)
def test_a_quotient_by_a_number_of_either_sign_is_exact(a, k):
    check(a / k, interval_of(a) / Interval.point(k))


@given(stocks(), divisors())
def test_a_quotient_by_an_interval_of_either_sign_is_exact(a, b):
    check(a / b, interval_of(a) / interval_of(b))


@given(stocks(), pure())
def test_a_divisor_is_refused_exactly_when_it_holds_zero(a, b):
    if interval_of(b).holds_zero():
        with pytest.raises(lg.FigureError, match="holds zero"):
            a / b
    else:
        check(a / b, interval_of(a) / interval_of(b))


@given(stocks(), flows().filter(lambda b: not truth_of(b).holds_zero()))
@example(Figure.of("1 USD"), Figure.of("3 USD/month"))  # 1/36 year, once two units above
def test_a_stock_over_a_flow_in_any_period_is_an_exact_duration(a, b):
    years = a / b
    assert lg.is_duration(years.unit)
    per_year = interval_of(b).scaled(in_years(b.unit))
    check(years, (interval_of(a) / per_year).scaled(1 / in_years(years.unit)))


@given(flows(), flows().filter(lambda b: not truth_of(b).holds_zero()))
@example(Figure.of("1 USD/month"), Figure.of("3 USD/quarter"))  # exactly 1, once "about 1"
def test_a_flow_over_a_flow_in_any_periods_is_an_exact_number(a, b):
    ratio = a / b
    assert lg.is_pure(ratio.unit)
    check(ratio, interval_of(a).scaled(in_years(a.unit)) / interval_of(b).scaled(in_years(b.unit)))


# -- changes of time unit -------------------------------------------------------------------


@given(flows(), st.sampled_from(PERIODS))
def test_a_flow_in_another_period_is_exact(a, period):
    moved = a.to(f"USD/{period}")
    check(moved, truth_of(a).scaled(in_years(a.unit) / in_years(moved.unit)))


@given(durations(), st.sampled_from(PERIODS))
def test_a_duration_in_another_period_is_exact(a, period):
    moved = a.to(period)
    check(moved, truth_of(a).scaled(in_years(a.unit) / in_years(moved.unit)))


@given(
    st.sampled_from(PERIODS).flatmap(lambda p: signed_figures(f"USD/{p}")),
    st.lists(st.sampled_from(PERIODS), min_size=1, max_size=4),
)
def test_any_road_through_the_periods_stays_exact_to_the_figure_it_started_from(a, road):
    moved = a
    for period in road:
        moved = moved.to(f"USD/{period}")
        check(moved, interval_of(a).scaled(in_years(a.unit) / in_years(moved.unit)))
    assert moved.to(a.unit) == a


@pytest.mark.parametrize(
    ("amount", "source", "target", "low", "high"),
    [
        # Amounts that are not multiples of 3 or 12: a decimal cannot hold the result.
        ("100", "year", "month", Fraction(100, 12), Fraction(100, 12)),
        ("1", "quarter", "month", Fraction(1, 3), Fraction(1, 3)),
        ("7", "month", "quarter", Fraction(21), Fraction(21)),
        ("7", "year", "quarter", Fraction(7, 4), Fraction(7, 4)),
        ("0.01", "year", "month", Fraction(1, 1200), Fraction(1, 1200)),
        ("-5", "quarter", "month", Fraction(-5, 3), Fraction(-5, 3)),
    ],
)
def test_changes_of_period_that_do_not_divide_evenly(amount, source, target, low, high):
    for shape in ("exact", "more_than", "less_than"):
        figure = Figure.of(f"{amount} USD/{source}", shape)
        truth = Interval(
            None if shape == "less_than" else low,
            shape == "exact",
            None if shape == "more_than" else high,
            shape == "exact",
        )
        check(figure.to(f"USD/{target}"), truth)


# -- inclusivity at zero and at the ends, written out by hand -------------------------------

X, C = False, True  # an open (excluded) end, a closed end


def _pure(low, low_in, high, high_in):
    def q(x):
        return None if x is None else lg.ureg.Quantity(Decimal(x), "")

    if low is None and high is None:
        return Figure(q(7), qualifier="unknown")  # no bound at all: a value says the unit
    return Figure(None, low=q(low), high=q(high), low_inclusive=low_in, high_inclusive=high_in)


def _exact(low, low_in, high, high_in):
    return Interval(
        None if low is None else Fraction(low),
        low_in,
        None if high is None else Fraction(high),
        high_in,
    )


ZERO_CASES = [
    # (a, operation, b, the exact result): a product reaches 0 when a closed end is 0.
    ((0, C, 2, C), "*", (1, X, 3, X), (0, C, 6, X)),
    ((0, X, 2, C), "*", (1, C, 3, C), (0, X, 6, C)),
    ((0, C, 2, C), "*", (-1, X, 3, X), (-2, X, 6, X)),
    ((0, X, 2, C), "*", (0, C, 1, C), (0, C, 2, C)),
    ((0, X, 2, C), "*", (0, X, 1, C), (0, X, 2, C)),
    ((-1, C, 0, X), "*", (0, X, 1, C), (-1, C, 0, X)),
    ((-1, C, 0, C), "*", (0, X, 1, C), (-1, C, 0, C)),
    ((0, C, None, X), "*", (1, X, 2, X), (0, C, None, X)),
    ((0, X, None, X), "*", (0, C, 2, X), (0, C, None, X)),
    ((0, X, None, X), "*", (-2, X, 0, X), (None, X, 0, X)),
    ((None, X, 0, C), "*", (None, X, -1, X), (0, C, None, X)),
    ((0, C, 0, C), "*", (None, X, None, X), (0, C, 0, C)),
    ((0, X, 2, C), "/", (1, C, None, X), (0, X, 2, C)),
    ((0, C, 2, C), "/", (1, X, None, X), (0, C, 2, X)),
    ((1, C, 1, C), "/", (0, X, 2, C), ("0.5", C, None, X)),
    ((1, C, 1, C), "/", (-2, C, 0, X), (None, X, "-0.5", C)),
    ((-3, X, 6, C), "/", (None, X, -3, C), (-2, C, 1, X)),
    ((0, C, 2, C), "-", (0, X, 1, C), (-1, C, 2, X)),
    ((0, X, 1, C), "+", (-1, C, 0, X), (-1, X, 1, X)),
]


@pytest.mark.parametrize(("a", "operation", "b", "expected"), ZERO_CASES)
def test_inclusivity_at_zero_and_at_the_ends(a, operation, b, expected):
    fa, fb = _pure(*a), _pure(*b)
    ia, ib = _exact(*a), _exact(*b)
    result, oracle = {
        "*": (lambda: fa * fb, lambda: ia * ib),
        "/": (lambda: fa / fb, lambda: ia / ib),
        "+": (lambda: fa + fb, lambda: ia + ib),
        "-": (lambda: fa - fb, lambda: ia - ib),
    }[operation]
    assert oracle() == _exact(*expected)  # the oracle agrees with the hand
    check(result(), _exact(*expected))
    check(-result(), -_exact(*expected))


# -- the oracle itself: every point computation lies in its interval ------------------------


@st.composite
def interval_and_point(draw):
    figure = draw(signed_figures(""))
    interval = interval_of(figure)
    return interval, Fraction(draw(lst.points(figure)).magnitude)


@given(interval_and_point(), interval_and_point())
def test_the_oracle_holds_every_point_computation(a, b):
    (ia, x), (ib, y) = a, b
    assert ia.contains(x) and ib.contains(y)
    assert (ia + ib).contains(x + y)
    assert (ia - ib).contains(x - y)
    assert (ia * ib).contains(x * y)
    if not ib.holds_zero():
        assert (ia / ib).contains(x / y)
