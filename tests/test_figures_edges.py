"""Figures at their edges: the limits of rounding, the words of refusals, paths that must agree.

Each test pins what a user can see (a value, a bound, the text, the places, the words of an
error) where a slip in ``figures.py`` went unnoticed by the rest of the suite (issue 11's
mutation run). Expected values are written by hand or come from exact ``Fraction`` arithmetic
(``tests/oracles.py``), never from the code under test. Numbers of 29 to 60 significant digits
show where the library's 60-digit arithmetic differs from Python's default 28 digits, and the
checks run again inside a caller's own decimal context: no result may depend on it.
"""

import pickle
import re
from decimal import Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from oracles import Interval, interval_of, problems, terminates, to_digits

import ledger as lg
from ledger import strategies as lst
from ledger.errors import AmountError, FigureError, UnitMismatchError
from ledger.figures import Figure, rounded_point
from ledger.formatting import format_figure

THIRD_60 = Decimal("0." + "3" * 60)  # 1/3 to 60 digits, rounded down (and to nearest)
THIRD_60_UP = Decimal("0." + "3" * 59 + "4")


def magnitudes(figure):
    """Value, low and high as exact fractions (None where absent), read through the public API."""
    return tuple(
        None if q is None else Fraction(q.magnitude)
        for q in (figure.value, figure.low, figure.high)
    )


def caller_contexts():
    """The library's own default, a caller's 5-digit context and one with a narrow exponent."""
    return [localcontext(), localcontext(prec=5), localcontext(prec=5, Emax=10, Emin=-10)]


# -- central values to nearest, bounds outwards, when 60 digits cannot hold a result -------


@pytest.mark.parametrize("context", range(3))
def test_a_sum_too_long_for_sixty_digits_keeps_its_value_nearest_and_says_approximate(context):
    # 10**20 and 1.1E-41 together need 63 digits: the value is rounded to nearest (down here),
    # so the exact range around it no longer holds the value exactly: "approximate".
    range_ = Figure.range(
        "99999999999999999999 USD",
        "100000000000000000001 USD",
        value="100000000000000000000 USD",
    )
    tiny = Figure.of("0.000000000000000000000000000000000000000011 USD")
    with caller_contexts()[context]:
        total = range_ + tiny
    exact = Fraction(10**20) + Fraction(11, 10**42)
    assert total.value.magnitude == Decimal("100000000000000000000")
    assert magnitudes(total)[0] == to_digits(exact, "nearest")
    assert total.approximate is True
    assert problems(total, interval_of(range_) + interval_of(tiny)) == []


@pytest.mark.parametrize("context", range(3))
def test_a_product_too_long_for_sixty_digits_rounds_its_value_to_nearest(context):
    # 0.333...3 (60 threes) times 7 is 2.333...31, 61 digits.
    third = Figure.of(f"{THIRD_60} USD")
    with caller_contexts()[context]:
        product = third * 7
    assert product.value.magnitude == Decimal("2." + "3" * 59)
    assert product.low.magnitude == Decimal("2." + "3" * 59)
    assert product.high.magnitude == Decimal("2." + "3" * 58 + "4")
    assert product.approximate is True  # two exact inputs, a value Decimal could not hold
    exact = Fraction(THIRD_60) * 7
    assert magnitudes(product)[0] == to_digits(exact, "nearest")
    assert problems(product, interval_of(third).scaled(7)) == []


@pytest.mark.parametrize("context", range(3))
def test_a_quotient_into_years_rounds_its_value_once_to_nearest(context):
    # 4 USD at 1 USD a month lasts 4 months: a third of a year, rounded once.
    with caller_contexts()[context]:
        years = Figure.of("4 USD") / Figure.of("1 USD/month")
    assert str(years.unit) == "year"
    assert years.magnitudes == (THIRD_60, THIRD_60, THIRD_60_UP)
    assert years.approximate is True


# -- products with an end at zero or at infinity -------------------------------------------


@pytest.mark.parametrize(
    ("product", "text"),
    [
        (lambda: Figure.range("0 USD", "15 USD") * 3, "between 0 and 45 USD"),
        (lambda: Figure.of("15 USD") * Figure.range("0", "2"), "between 0 and 30 USD"),
        (lambda: Figure.range("0 USD", "1.5 USD") * Decimal("1.5"), "between 0 and 2.25 USD"),
        (lambda: Figure.of("1.5 USD") * Figure.range("0", "1.5"), "between 0 and 2.25 USD"),
        (lambda: Figure.of("2.5 USD", "more_than") * Decimal("2.5"), "more than 6.25 USD"),
        (lambda: Decimal("2.5") * Figure.of("2.5 USD", "less_than"), "less than 6.25 USD"),
    ],
)
def test_a_product_with_an_end_at_zero_or_open_is_exact(product, text):
    # Zero times anything and infinity times a number are exact: nothing to round, no places.
    result = product()
    assert str(result) == text
    assert result.places is None


def test_a_product_keeps_the_places_its_factors_were_written_with():
    # 1.50 USD twice is 3.00 USD, cents and all, on either side
    assert str(Figure.of("1.50 USD") * 2) == "3.00 USD"
    assert str(2 * Figure.of("1.50 USD")) == "3.00 USD"
    assert str(Figure.of("1.50 USD") * Figure.range("2", "3")) == "between 3.00 and 4.50 USD"


def test_a_product_that_is_zero_is_the_one_zero():
    # about 0 USD times 1.234 is about 0 USD: zero carries no places, however it was reached
    zero = Figure.of("0 USD", "about") * Decimal("1.234")
    assert zero == Figure.of("0 USD", "about")
    assert zero.places is None
    assert str(Decimal("1.234") * Figure.of("0 USD", "about")) == "about 0 USD"


# -- contains, and the words of a comparison that cannot be made ---------------------------


def test_contains_refuses_a_range_even_with_a_central_value():
    figure = Figure.range("250 USD", "300 USD")
    inner = Figure.range("260 USD", "280 USD", value="270 USD")
    with pytest.raises(FigureError, match=r"^contains\(\) takes one amount, not a range$"):
        figure.contains(inner)
    assert figure.contains(Figure.of("270 USD")) is True


@pytest.mark.parametrize("method", ["contains", "greater_than", "less_than"])
def test_a_comparison_across_currencies_says_compare(method):
    figure = Figure.range("250 USD", "300 USD")
    expected = "cannot compare between 250 and 300 USD and 5 EUR: two currencies (USD and EUR)"
    with pytest.raises(UnitMismatchError, match="^" + re.escape(expected)):
        getattr(figure, method)("5 EUR")


def test_plain_less_than_is_refused_in_words():
    message = (
        "figures have no plain '<': the answer may be unknown; "
        "use fig.less_than(x) or fig.greater_than(x), which return True, False or None"
    )
    for compare in (
        lambda a, b: a < b,
        lambda a, b: a <= b,
        lambda a, b: a > b,
        lambda a, b: a >= b,
    ):
        with pytest.raises(TypeError, match="^" + re.escape(message) + "$"):
            compare(Figure.of("5 USD"), Figure.of("6 USD"))


@pytest.mark.parametrize(
    ("left", "right", "reason"),
    [
        ("5 USD", "3 EUR", "two currencies (USD and EUR)"),
        (
            "5 USD",
            "3 USD/year",
            "a stock (a debt) and a flow (a sum per period) are different things",
        ),
        (
            "5 USD/year",
            "3 USD",
            "a stock (a debt) and a flow (a sum per period) are different things",
        ),
        ("5 USD/year", "3 person", "a flow (USD/year) and 'person' do not match"),
        ("3 person", "5 USD", "'person' and a stock (USD) do not match"),
    ],
)
def test_a_sum_that_cannot_be_made_says_add_and_why(left, right, reason):
    expected = f"cannot add {left} and {right}: {reason}"
    with pytest.raises(UnitMismatchError, match="^" + re.escape(expected)):
        Figure.of(left) + Figure.of(right)


# -- sums: zero, text, differences ----------------------------------------------------------


def test_sum_of_figures_starts_from_the_integer_zero():
    assert str(sum([Figure.of("250 USD"), Figure.of("50 USD", "about")])) == "about 300 USD"
    debt = Figure.of("300 million USD", "about")
    assert debt + 0 is debt
    assert 0 + debt is debt


def test_false_is_not_the_zero_of_a_sum():
    with pytest.raises(AmountError, match=r"^bool False is not an amount"):
        Figure.of("5 USD") + False
    with pytest.raises(AmountError, match=r"^bool True is not an amount"):
        Figure.of("5 USD") - True


def test_text_and_numbers_subtract_on_either_side():
    assert Figure.of("8 USD") - "5 USD" == Figure.of("3 USD")
    assert "10 USD" - Figure.of("3 USD") == Figure.of("7 USD")
    assert str("10 USD" - Figure.of("3 USD", "more_than")) == "less than 7 USD"
    assert Figure.of("8") - Decimal(5) == Figure.of("3")
    assert 10 - Figure.of("4") == Figure.of("6")


def test_negation_keeps_the_sources_word():
    estimated = -Figure.of("5 USD", "estimated")
    assert estimated.qualifier == "estimated"
    assert str(estimated) == "estimated -5 USD"


def test_more_than_less_more_than_is_an_unknown_amount():
    unknown = Figure.of("5 USD", "more_than") - Figure.of("3 USD", "more_than")
    assert unknown.qualifier == "unknown"
    assert str(unknown) == "an unknown amount of USD"


def test_an_unknown_amount_plus_an_amount_is_still_unknown():
    unknown = Figure.of("5 USD", "more_than") - Figure.of("3 USD", "more_than")
    assert str(unknown + Figure.of("1 USD")) == "an unknown amount of USD"
    assert str(Figure.of("1 USD") + unknown) == "an unknown amount of USD"
    assert (unknown + Figure.of("1 USD")).qualifier == "unknown"


def test_a_number_divided_by_a_figure():
    assert str(1 / Figure.of("4")) == "0.25"
    assert (Decimal(3) / Figure.of("4 year")).magnitudes == (Decimal("0.75"),) * 3
    assert str(Decimal(3) / Figure.of("4 year")) == "0.75 1/year"


# -- sums with a figure a change of unit had to round --------------------------------------


def test_a_sum_after_a_change_of_unit_is_rounded_once_from_the_exact_parts():
    # 100 USD a year is 25/3 USD a month: less 8 USD a month, exactly a third of a dollar.
    total = Figure.of("-8 USD/month") + Figure.of("100 USD/year")
    assert total.magnitudes == (THIRD_60, THIRD_60, THIRD_60_UP)
    exact = Interval.point(Fraction(-8)) + Interval.point(Fraction(100, 12))
    assert problems(total, exact) == []
    assert str(total) == "about 0.33 USD/month"


def test_each_part_of_a_converted_range_is_added_from_its_own_exact_amount():
    year = Figure.range("100 USD/year", "112 USD/year", value="106 USD/year")
    total = Figure.of("-8 USD/month") + year
    # value 106/12 - 8 = 5/6, low 100/12 - 8 = 1/3, high 112/12 - 8 = 4/3
    assert total.value.magnitude == Decimal("0.8" + "3" * 59)
    assert total.low.magnitude == THIRD_60
    assert total.high.magnitude == Decimal("1." + "3" * 58 + "4")
    exact = Interval.point(Fraction(-8)) + Interval(
        Fraction(100, 12), True, Fraction(112, 12), True
    )
    assert problems(total, exact) == []


def test_a_figure_already_converted_is_added_as_its_bounds_say():
    # The caller converted first: the sum is of the figure as it stands (its decimal bounds),
    # exactly, and never narrower than those bounds allow.
    month = Figure.of("100 USD/year").to("USD/month")
    total = Figure.of("-8 USD/month") + month
    assert problems(total, Interval.point(Fraction(-8)) + interval_of(month)) == []
    assert total.low.magnitude == Decimal("0." + "3" * 59)
    assert total.high.magnitude == Decimal("0." + "3" * 58 + "4")


# -- a value at an end of its own range, built from one quantity ---------------------------


def test_a_range_whose_value_is_its_own_lower_end_stays_a_range_in_a_sum():
    five = lg.money("5", "USD")
    figure = Figure(five, low=five, high=lg.money("9", "USD"))
    assert str(figure + Figure.of("1 USD")) == "6 USD (between 6 and 10 USD)"
    assert str(Figure.of("1 USD") + figure) == "6 USD (between 6 and 10 USD)"


def test_a_range_whose_value_is_its_own_upper_end_stays_a_range_in_a_sum():
    five = lg.money("5", "USD")
    figure = Figure(five, low=lg.money("1", "USD"), high=five)
    assert str(figure + Figure.of("1 USD")) == "6 USD (between 2 and 6 USD)"
    assert str(Figure.of("1 USD") + figure) == "6 USD (between 2 and 6 USD)"


# -- the places a sum keeps ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "right", "text", "places"),
    [
        # a figure given to whole dollars limits an exact one to whole dollars
        (lambda: Figure("5 USD", places=0), lambda: Figure.of("0.25 USD"), "5 USD", 0),
        (lambda: Figure.of("0.25 USD"), lambda: Figure("5 USD", places=0), "5 USD", 0),
        # the coarsest approximate input decides
        (
            lambda: Figure.of("10 USD", "about"),
            lambda: Figure.of("0.7 USD", "about"),
            "about 11 USD",
            0,
        ),
        # an exact input limits nothing
        (
            lambda: Figure.of("0.25 USD", "about"),
            lambda: Figure.of("10 USD"),
            "about 10.25 USD",
            None,
        ),
        (
            lambda: Figure.of("10 USD"),
            lambda: Figure.of("0.25 USD", "about"),
            "about 10.25 USD",
            None,
        ),
        # value, low or high: whichever shows more places than justified is rounded
        (
            lambda: Figure.range("1 USD", "2 USD", value="1.4 USD", approximate=True),
            lambda: Figure.of("10 USD", "about"),
            "11 USD (between 11 and 12 USD), approximate",
            0,
        ),
        (
            lambda: Figure.range("0.5 USD", "2 USD", value="1 USD", approximate=True),
            lambda: Figure.of("10 USD", "about"),
            "11 USD (between 10 and 12 USD), approximate",
            0,
        ),
        (
            lambda: Figure.range("1 USD", "2.5 USD", value="2 USD", approximate=True),
            lambda: Figure.of("10 USD", "about"),
            "12 USD (between 11 and 13 USD), approximate",
            0,
        ),
    ],
)
def test_a_sum_keeps_the_places_of_its_coarsest_limited_input(left, right, text, places):
    total = left() + right()
    assert str(total) == text
    assert total.places == places


def test_an_exact_sum_of_sixty_digits_shows_every_digit():
    # 1 + 10**-40 and 10**29 + 1 are exact (41 and 30 digits): nothing rounds them.
    total = Figure.range("1E-40 USD", "1E+29 USD") + Figure.of("1 USD")
    assert total.places is None
    assert str(total) == "between 1." + "0" * 39 + "1 and 1" + "0" * 28 + "1 USD"


def test_an_approximate_sum_keeps_the_places_its_inputs_were_written_with():
    # The approximate range was written to 40 places, the exact 1 limits nothing: all stay.
    total = Figure.range("1E-40 USD", "1E+29 USD", approximate=True) + Figure.of("1 USD")
    assert total.places is None
    assert str(total) == "between about 1." + "0" * 39 + "1 and 1" + "0" * 28 + "1 USD"


def test_a_sum_of_small_amounts_too_long_for_sixty_digits_shows_sixty():
    # 10**-10 + 0.0000000000111...1 (sixty ones, the last at 10**-70): 61 digits, rounded
    # outwards to sixty, and shown with all sixty (places 69, not 59).
    tiny = Decimal("0." + "0" * 10 + "1" * 60)
    total = Figure.range("1E-10 USD", "2E-10 USD") + Figure.of(lg.money(tiny, "USD"))
    exact = Interval(Fraction(1, 10**10), True, Fraction(2, 10**10), True) + Interval.point(tiny)
    assert problems(total, exact) == []
    low = "0." + "0" * 9 + "1" * 60
    high = "0." + "0" * 9 + "2" + "1" * 58 + "2"
    assert str(total) == f"between {low} and {high} USD"


# -- rounding to places ------------------------------------------------------------------


def test_round_without_places_rounds_to_whole_units_half_to_even():
    assert str(round(Figure.of("2.5 USD"))) == "about 2 USD"
    assert str(round(Figure.of("3.5 USD"))) == "about 4 USD"
    assert str(round(Figure.of("1 USD") / 3)) == "about 0 USD"
    assert round(Figure.of("250 USD")) == Figure.of("250 USD")


def test_round_refuses_places_beyond_its_limit_in_words():
    third = Figure.of("1 USD") / 3
    # The finest step an amount holds is 10**-60 and the coarsest 10**29: round(x, 61) once
    # said "step 1E-61 is too small", naming a step the user never gave.
    for places in (61, -30, 121, -121, 500):
        expected = (
            f"round(figure, n): places {places} is outside -29 to 60; an amount has at most "
            "60 decimal places and is below 10**30"
        )
        with pytest.raises(FigureError, match="^" + re.escape(expected) + "$"):
            round(third, places)
    assert str(round(Figure.of("5 USD"), -29)) == "about 0 USD"


def test_round_to_the_finest_and_coarsest_steps_an_amount_allows():
    third = Figure.of("1 USD") / 3
    # a third is one amount up to Decimal's rounding: rounded, it is that amount, about
    assert round(third, 60).magnitudes == (THIRD_60,) * 3
    assert str(round(third, 60)) == f"about {THIRD_60} USD"
    assert (
        str(round(Figure.of("123456789012345678901234567 USD"), -26))
        == "about 100000000000000000000000000 USD"
    )


@pytest.mark.parametrize("context", range(3))
def test_round_does_not_depend_on_the_callers_context(context):
    big = Figure.of("123456789012345678901234567 USD")
    third = Figure.of("1 USD") / 3
    with caller_contexts()[context]:
        coarse = round(big, -20)
        fine = round(third, 40)
    assert str(coarse) == "about 123456800000000000000000000 USD"
    assert fine.magnitudes == (Decimal("0." + "3" * 40),) * 3
    assert fine.approximate is True


@pytest.mark.parametrize(
    ("figure", "step", "text"),
    [
        # bounds outwards, so what the figure allowed it still allows
        (lambda: Figure.range("250.6 USD", "300.4 USD"), "1", "between 250 and 301 USD"),
        (lambda: Figure.of("300.5 USD", "more_than"), "1", "more than 300 USD"),
        (lambda: Figure.of("300.5 USD", "at_most"), "1", "at most 301 USD"),
        # a value that does not move keeps the figure as it is
        (lambda: Figure.range("1 USD", "3 USD", value="2 USD"), "1", "2 USD (between 1 and 3 USD)"),
        # a value that moves makes the figure approximate
        (
            lambda: Figure.range("1 USD", "3 USD", value="2.4 USD"),
            "1",
            "2 USD (between 1 and 3 USD), approximate",
        ),
        # the source's word survives a step that changes nothing, not one that moves the value
        (lambda: Figure.of("300 USD", "estimated"), "1", "estimated 300 USD"),
        (lambda: Figure.of("300.4 USD", "estimated"), "1", "about 300 USD"),
        (lambda: Figure.of("300.4 USD"), "1", "about 300 USD"),
        (lambda: Figure.of("300 USD"), "1", "300 USD"),
    ],
)
def test_quantize(figure, step, text):
    assert str(figure().quantize(step)) == text


def test_quantize_keeps_the_source_word_only_when_the_value_stays():
    assert Figure.of("300 USD", "estimated").quantize("10").qualifier == "estimated"
    assert Figure.of("305 USD", "estimated").quantize("10").qualifier == "about"


# -- the digits text shows -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("figure", "text"),
    [
        # bounds outwards at the figure's places, so each statement stays true
        (lambda: Figure(low="1.26 USD", high="1.34 USD", places=1), "between 1.2 and 1.4 USD"),
        # a value that rounds to zero from below is shown as 0, never -0
        (lambda: Figure("-0.004 USD", places=2), "0 USD"),
        (lambda: Figure(low="-0.5 USD", high="-0.004 USD", places=2), "between -0.5 and 0 USD"),
        # a figure rounded to hundreds of quintillions
        (
            lambda: Figure("123456789012345678901234567 USD", places=-20),
            "123456800000000000000000000 USD",
        ),
    ],
)
def test_text_shows_the_places_a_figure_carries(figure, text):
    for context in caller_contexts():
        with context:
            assert str(figure()) == text


def test_text_to_significant_digits():
    assert format_figure(Figure.of("1234.5678 USD"), style="full", digits=3) == "$1,230"
    assert format_figure(Figure.of("0.012345 USD"), style="full", digits=2) == "$0.012"
    low_high = Figure.range("1234.5 USD", "5678.5 USD")
    assert format_figure(low_high, style="full", digits=2) == "$1,200–$5,700"


def test_a_range_narrower_than_rounding_is_shown_as_its_value():
    # Bounds 10**-56 apart around 1 differ only by Decimal's rounding (four digits of sixty):
    # text shows the point; twice that is a real range.
    at_limit = Figure.range("1 USD", "1." + "0" * 55 + "1 USD", value="1 USD")
    assert str(at_limit) == "1 USD"
    beyond = Figure.range("1 USD", "1." + "0" * 55 + "2 USD", value="1 USD")
    assert str(beyond) == "1 USD (between 1 and 1." + "0" * 55 + "2 USD)"


# -- changes of unit ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "figure",
    [
        lambda: Figure.of("1 USD") / 3,
        lambda: Figure.of("100 USD/year").to("USD/month"),
        lambda: Figure("5 USD", places=-3),
        lambda: Figure.of("300 USD", "estimated"),
        lambda: Figure.range("1 USD/month", "2 USD/month", approximate=True),
    ],
)
def test_a_figure_in_its_own_unit_is_itself(figure):
    f = figure()
    same = f.to(f.unit)
    assert same == f
    assert str(same) == str(f)
    assert same.places == f.places
    assert same.origin == f.origin


def test_an_exact_change_of_unit_keeps_the_digits_a_rounded_figure_carries():
    # 1.2345 USD a month given to cents carries 3 digits: 14.814 USD a year shows 14.8.
    year = Figure("1.2345 USD/month", places=2).to("USD/year")
    assert year.magnitudes == (Decimal("14.814"),) * 3
    assert year.places == 1
    assert str(year) == "14.8 USD/year"


@pytest.mark.parametrize(
    ("figure", "places"),
    [
        # the largest part decides: the value, the lower end or the upper end (2 digits)
        (lambda: Figure("-50 USD/month", high="-5 USD/month", places=0), -1),
        (lambda: Figure("5 USD/month", low="-50 USD/month", places=0), -1),
        (lambda: Figure("5 USD/month", low="1 USD/month", high="50 USD/month", places=0), -1),
    ],
)
def test_an_exact_change_of_unit_counts_digits_from_the_largest_part(figure, places):
    assert figure().to("USD/year").places == places


@pytest.mark.parametrize(
    "figure",
    [
        # 100 USD a year, 3 digits: 8.33 USD a month, whichever part is largest
        lambda: Figure("-100 USD/year", high="5 USD/year"),
        lambda: Figure("5 USD/year", low="-100 USD/year"),
        lambda: Figure("5 USD/year", low="1 USD/year", high="100 USD/year"),
    ],
)
def test_a_rounded_change_of_unit_counts_digits_from_the_largest_part(figure):
    assert figure().to("USD/month").places == 2


def test_a_change_of_unit_that_rounds_only_the_bounds_keeps_an_exact_value():
    month = Figure.range("1 USD/year", "13 USD/year", value="12 USD/year").to("USD/month")
    assert month.value.magnitude == 1
    assert month.approximate is False
    moved = Figure.range("12 USD/year", "13 USD/year", value="12.5 USD/year").to("USD/month")
    assert moved.low.magnitude == 1
    assert moved.approximate is True


def test_a_rounded_figure_converted_keeps_its_own_unit_as_origin():
    # Given to whole dollars a quarter, it is not re-expressed per year (its places are a
    # quarter's); converting back returns it.
    quarter = Figure("1 USD/quarter", places=0)
    month = quarter.to("USD/month")
    assert str(month.origin) == "1 USD/quarter"
    assert month.to("USD/quarter") == quarter


@pytest.mark.parametrize(
    ("amount", "unit", "text"),
    [
        # an exact duration counts the digits it was written with (5 months: one digit)
        ("5 month", "quarter", "about 2 quarter"),
        ("1 month", "quarter", "about 0.3 quarter"),
        ("7 month", "quarter", "about 2 quarter"),
        ("10 month", "quarter", "about 3.3 quarter"),
    ],
)
def test_a_duration_that_does_not_divide_evenly(amount, unit, text):
    assert str(Figure.of(amount).to(unit)) == text


@pytest.mark.parametrize("context", range(3))
def test_an_approximate_change_of_unit_keeps_its_digits_whatever_the_callers_context(context):
    # about 1234567891 USD a year: ten digits, so 102880657.583... a month shows 102880657.6
    with caller_contexts()[context]:
        month = Figure.of("1234567891 USD/year", "about").to("USD/month")
        text = str(month)
    assert text == "about 102880657.6 USD/month"
    assert month.places == 1


# -- pickling and hashing ----------------------------------------------------------------


def test_a_converted_figure_pickles_with_its_origin():
    month = Figure.of("100 USD/year").to("USD/month")
    again = pickle.loads(pickle.dumps(month))
    assert again == month
    assert str(again.origin) == "100 USD/year"
    assert again.to("USD/year") == Figure.of("100 USD/year")


@given(st.integers(-(10**6), 10**6), st.integers(0, 6))
def test_equal_figures_reached_by_different_roads_hash_alike(cents, scale):
    amount = Decimal(cents).scaleb(-scale)
    direct = Figure.of(lg.money(amount, "USD"))
    summed = Figure.of(lg.money(amount - 1, "USD")) + Figure.of("1 USD")
    assert summed == direct
    assert hash(summed) == hash(direct)
    assert {direct: "x"}[summed] == "x"


def test_distinct_figures_are_distinct_keys():
    figures = [
        Figure.of("300 USD"),
        Figure.of("300 USD", "about"),
        Figure.of("300 USD", "estimated"),
        Figure.of("300 USD", "more_than"),
        Figure.of("300 USD", "at_least"),
        Figure.of("300 USD/year"),
        Figure("300 USD", places=0),
        Figure.of("100 USD/year").to("USD/month"),
        Figure.of("100 USD/year", "about").to("USD/month"),
    ]
    keyed = {figure: i for i, figure in enumerate(figures)}
    assert len(keyed) == len(figures) == len(set(figures))
    assert [keyed[f] for f in figures] == list(range(len(figures)))


# -- properties: rounding to a step never claims more than the figure did -----------------


@given(lst.figures("stock", "USD"), st.integers(-3, 6))
def test_quantize_keeps_every_amount_a_range_allowed_and_moves_a_point_by_half_a_step(
    figure, exponent
):
    step = Fraction(10) ** exponent
    rounded = figure.quantize(Decimal(1).scaleb(exponent))
    for part in magnitudes(rounded):
        assert part is None or (part / step).denominator == 1  # whole steps
    if figure.value is not None:
        value = Fraction(figure.value.magnitude)
        moved = abs(magnitudes(rounded)[0] - value)
        assert moved <= step / 2
        assert rounded.approximate or moved == 0
    if figure.qualifier in ("exact", "about", "estimated") or rounded_point(figure):
        # one amount (up to Decimal's rounding): one amount again, to the nearest step
        assert rounded.low == rounded.high == rounded.value
        return
    wider, narrower = interval_of(rounded), interval_of(figure)
    assert (wider.low is None) == (narrower.low is None)
    if narrower.low is not None:
        assert wider.low <= narrower.low
        assert wider.low < narrower.low or wider.low_in or not narrower.low_in
    assert (wider.high is None) == (narrower.high is None)
    if narrower.high is not None:
        assert wider.high >= narrower.high
        assert wider.high > narrower.high or wider.high_in or not narrower.high_in


EXACT_SHAPES = ("exact", "at_least", "more_than", "at_most", "less_than", "range")


@given(
    lst.figures("stock", "USD", qualifiers=EXACT_SHAPES, computed=False),
    st.integers(-1000, 1000).map(lambda n: Decimal(n).scaleb(-2)),
)
def test_an_exact_figure_times_an_exact_number_is_shown_in_full(figure, k):
    # Where every part of the product is a decimal of at most 60 digits, nothing is rounded,
    # so nothing limits the places shown (a zero or an open end included).
    product = figure * k
    truth = interval_of(figure).scaled(Fraction(k))
    assert problems(product, truth) == []
    parts = [x * Fraction(k) for x in magnitudes(figure) if x is not None]
    if not figure.approximate and all(terminates(x) for x in parts):
        assert product.places is None
        assert product.approximate is False
        value = magnitudes(figure)[0]
        if k == 0:  # every amount the figure allows, times an exact zero, is zero
            assert magnitudes(product) == (0, 0, 0)
        else:
            assert magnitudes(product)[0] == (None if value is None else value * Fraction(k))
