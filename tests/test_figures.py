"""Figures: honest about what the source said, and interval arithmetic that never claims more."""

import pickle
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from oracles import holds, per_year

import ledger as lg
from ledger import strategies as lst
from ledger.figures import Figure

USD = st.just("USD")
stocks = lst.figures("stock", "USD")
flows = lst.figures("flow", "USD", per="year")
# Divisors: every amount at least 1 (never zero), so that a quotient has bounds.
DIVISOR_SHAPES = ("exact", "about", "estimated", "at_least", "more_than", "range")
divisor_flows = lst.figures("flow", "USD", qualifiers=DIVISOR_SHAPES, min_value=1)


def point(magnitude, unit):
    return lg.ureg.Quantity(magnitude, unit)


@st.composite
def figure_and_point(draw, figures):
    figure = draw(figures)
    return figure, draw(lst.points(figure))


# -- soundness: a point computation lies inside the figure computed ------------------------


@given(figure_and_point(stocks), figure_and_point(stocks))
def test_sum_is_sound(a, b):
    (fa, pa), (fb, pb) = a, b
    total = fa + fb
    assert holds(total, Fraction(pa.magnitude) + Fraction(pb.magnitude))


@given(figure_and_point(stocks), figure_and_point(stocks))
def test_difference_is_sound(a, b):
    (fa, pa), (fb, pb) = a, b
    assert holds(fa - fb, Fraction(pa.magnitude) - Fraction(pb.magnitude))


@given(figure_and_point(stocks), lst.amounts(min_value=-1000, max_value=1000))
def test_scaling_by_a_number_is_sound(a, k):
    fa, pa = a
    assert holds(fa * k, Fraction(pa.magnitude) * Fraction(k))
    assert holds(k * fa, Fraction(k) * Fraction(pa.magnitude))


@given(figure_and_point(flows), figure_and_point(divisor_flows))
def test_division_of_flows_is_sound_and_pure(a, b):
    (fa, pa), (fb, pb) = a, b
    quotient = fa / fb
    assert lg.is_pure(quotient.unit)
    assert holds(quotient, per_year(pa) / per_year(pb))


@given(figure_and_point(stocks), figure_and_point(divisor_flows))
def test_stock_over_flow_is_a_sound_duration_in_years(a, b):
    (fa, pa), (fb, pb) = a, b
    years = fa / fb
    assert lg.is_duration(years.unit) and str(years.unit) == "year"
    assert holds(years, per_year(pa) / per_year(pb))


@given(figure_and_point(stocks))
def test_negation_is_sound(a):
    fa, pa = a
    negated = -fa
    assert holds(negated, -Fraction(pa.magnitude))
    assert -negated == fa


@given(stocks, stocks)
def test_approximate_in_approximate_out(a, b):
    assert (a + b).approximate == (a.approximate or b.approximate)
    assert (a - b).approximate == (a.approximate or b.approximate)
    assert (a * 3).approximate == a.approximate
    # An exact zero divided by anything is exactly zero; every other figure stays marked.
    exact_zero = a.is_exact and a.places is None and Fraction(a.value.magnitude) == 0
    assert (a / Figure.of("2", "about")).approximate != exact_zero


@given(stocks, stocks)
def test_addition_commutes(a, b):
    assert a + b == b + a


@given(stocks)
def test_structural_equality_and_hash(a):
    copy = pickle.loads(pickle.dumps(a))
    assert copy == a and hash(copy) == hash(a)


# -- the seed's figures --------------------------------------------------------------------


def test_seed_claim_less_counterclaim_is_about_250_million():
    claim = Figure.of("300 million USD", "about")
    counter = Figure.of("50 million USD")
    net = claim - counter
    assert net == Figure.of("250 million USD", "about")
    assert net.approximate and net.qualifier == "about"
    assert net.value == lg.quantity("250000000 USD")


def test_seed_remittances_exceed_the_budget():
    remittances = Figure.of("300 million USD/year", "more_than")
    budget = Figure.of("300 million USD/year")
    ratio = remittances / budget
    assert ratio.qualifier == "more_than"
    assert ratio.low == lg.quantity("1") and ratio.high is None and ratio.value is None
    assert ratio.greater_than(1) is True
    assert ratio.less_than(1) is False
    assert remittances.greater_than(budget) is True
    assert str(ratio) == "more than 1"


def test_seed_debt_is_about_one_year_of_budget():
    years = Figure.of("300 million USD", "about") / Figure.of("300 million USD/year")
    assert years == Figure.of("1 year", "about")


def test_seed_per_migrant_is_more_than_300_dollars_a_year():
    per_head = Figure.of("300 million USD/year", "more_than") / Figure.of(
        "1 million person", "estimated"
    )
    assert str(per_head) == "more than 300 USD/person/year, approximate"
    assert per_head.approximate


def test_more_than_less_exact_stays_more_than():
    net = Figure.of("300 million USD", "more_than") - Figure.of("50 million USD")
    assert net == Figure.of("250 million USD", "more_than")


def test_flows_in_other_periods_meet_exactly():
    monthly = Figure.of("100 USD/month")
    yearly = Figure.of("1200 USD/year")
    assert (yearly - monthly) == Figure.of("0 USD/year")
    assert monthly.to("USD/year") == yearly


def test_comparisons_can_be_unknown():
    about = Figure.of("300 USD", "about")
    wide = Figure.range("250 USD", "350 USD")
    assert about.greater_than(wide) is None
    assert wide.less_than("400 USD") is True
    assert Figure.of("300 USD", "at_most").greater_than("300 USD") is False
    assert Figure.of("300 USD", "at_least").greater_than("300 USD") is None
    with pytest.raises(TypeError, match="greater_than"):
        assert about < wide


@pytest.mark.parametrize(
    ("figure", "text"),
    [
        (Figure.of("300 million USD"), "300000000 USD"),
        (Figure.of("300 million USD", "about"), "about 300000000 USD"),
        (Figure.of("1 million person", "estimated"), "estimated 1000000 person"),
        (Figure.of("300 million USD/year", "more_than"), "more than 300000000 USD/year"),
        (Figure.of("300 USD", "at_least"), "at least 300 USD"),
        (Figure.of("300 USD", "at_most"), "at most 300 USD"),
        (Figure.of("300 USD", "less_than"), "less than 300 USD"),
        (Figure.range("250 USD", "300 USD"), "between 250 and 300 USD"),
        (Figure.range("250 USD", "300 USD", approximate=True), "between about 250 and 300 USD"),
        (
            Figure.range("250 USD", "300 USD", high_inclusive=False),
            "at least 250 and less than 300 USD",
        ),
    ],
)
def test_plain_text_says_what_the_source_said(figure, text):
    assert str(figure) == text


def test_figures_are_immutable():
    figure = Figure.of("300 USD")
    with pytest.raises(AttributeError):
        figure._value = Decimal(1)


BAD_FIGURES = [
    (lambda: Figure.of("300 USD", "roughly"), lg.FigureError, "'roughly' is not known"),
    (lambda: Figure.of("300 USD", "range"), lg.FigureError, "Figure.range(low, high)"),
    (lambda: Figure.range("300 USD", "250 USD"), lg.FigureError, "is above upper bound"),
    (
        lambda: Figure.range("300 USD", "300 USD", low_inclusive=False),
        lg.FigureError,
        "holds no amount",
    ),
    (lambda: Figure.range("3 USD", "3 RUB"), lg.UnitMismatchError, "one figure has one unit"),
    (lambda: Figure("9 USD", low="1 USD", high="5 USD"), lg.FigureError, "outside the figure"),
    (lambda: Figure(), lg.FigureError, "needs a value"),
    (lambda: Figure.of(3.0), lg.AmountError, "float 3.0"),
    (lambda: Figure.of("3 USD") + Figure.of("3 RUB"), lg.UnitMismatchError, "two currencies"),
    (
        lambda: Figure.of("3 USD") + Figure.of("3 USD/year"),
        lg.UnitMismatchError,
        "a stock (a debt) and a flow",
    ),
    (lambda: Figure.of("3 USD") / Figure.range("-1 USD", "1 USD"), lg.FigureError, "holds zero"),
    (lambda: Figure.of("3 USD") / Figure.of("0 USD"), lg.FigureError, "holds zero"),
    (lambda: Figure.of("3 USD") * 0.5, lg.AmountError, "float 0.5 is not accepted"),
    (lambda: Figure.of("3 USD").greater_than("3 RUB"), lg.UnitMismatchError, "two currencies"),
    (lambda: Figure.of("3 USD").to("USD/year"), lg.UnitMismatchError, "dimensions differ"),
    (lambda: Figure("3 USD", qualifier="at_least"), lg.FigureError, "does not fit"),
]


@pytest.mark.parametrize(("build", "error", "phrase"), BAD_FIGURES)
def test_bad_figures_are_refused_with_a_clear_message(build, error, phrase):
    with pytest.raises(error) as caught:
        build()
    assert phrase in str(caught.value)


def test_a_value_alone_is_one_exact_amount():
    # Regression: Figure(q) once had no bounds at all, so every comparison was unknown.
    assert Figure("300 USD") == Figure.of("300 USD")
    assert Figure("300 USD", approximate=True) == Figure.of("300 USD", "about")
    assert Figure.of("-5 USD").less_than(Figure("0 USD")) is True
