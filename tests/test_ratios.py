"""Ratios: units by pint, bounds by interval rules, and the seed's questions answered."""

from datetime import date
from fractions import Fraction

import pytest
from fixtures import example_with_rate
from hypothesis import given
from hypothesis import strategies as st
from oracles import holds, per_year, terminates

import ledger as lg
from ledger import strategies as lst

DAY = date(2004, 3, 15)
DIVISORS = ("exact", "about", "estimated", "at_least", "more_than", "range")


@given(lst.figures("flow", "USD"), lst.figures("flow", "USD", qualifiers=DIVISORS, min_value=1))
def test_flow_over_flow_is_a_pure_number(a, b):
    result = lg.ratio(a, b)
    assert lg.is_pure(result.unit)
    rounded = (
        a.value is not None
        and b.value is not None
        and not terminates(per_year(a.value) / per_year(b.value))
    )
    # Approximate in, approximate out; a central value Decimal cannot hold is marked too; but
    # an exact zero over anything (without zero) is an exact zero, every amount of it.
    if a.is_exact and a.value.magnitude == 0:
        assert result.magnitudes == (0, 0, 0) and not result.approximate
    else:
        assert result.approximate == (a.approximate or b.approximate or rounded)


@given(lst.figures("stock", "USD"), lst.figures("flow", "USD", qualifiers=DIVISORS, min_value=1))
def test_stock_over_flow_is_a_duration(a, b):
    assert lg.is_duration(lg.ratio(a, b).unit)


def test_remittances_are_more_than_the_budget():
    answer = lg.remittances_to_budget(lg.example(), "TJ", as_of=DAY)
    assert answer.value == lg.Figure.of("1", "more_than")
    assert answer.value.greater_than(1) is True
    assert [e.id for e in answer.entries] == ["tajik-migrant-remittances", "tajik-national-budget"]
    assert "by some accounts exceeds" in answer.explain()


def test_debt_is_about_one_year_of_budget_gross():
    answer = lg.debt_to_budget(lg.example(), "TJ", as_of=DAY)
    assert answer.value == lg.Figure.of("1 year", "about")
    assert "ru-claims-tajik-debt" in answer.explain()


def test_debt_is_about_five_sixths_of_a_year_net():
    answer = lg.debt_to_budget(lg.example(), "TJ", net=True, as_of=DAY)
    value = answer.value
    assert value.approximate
    assert holds(value, Fraction(5, 6))
    assert str(value) == "about 0.833 year"  # an approximate input carries three digits
    assert answer.numerator == lg.Figure.of("250 million USD", "about")


def test_remittances_per_migrant_are_more_than_300_dollars():
    answer = lg.per_migrant(lg.example(), "TJ", as_of=DAY)
    assert answer.value.qualifier == "more_than"
    assert answer.value.low == lg.quantity("300 USD/person/year")
    assert not answer.value.low_inclusive and answer.value.approximate


def test_missing_and_competing_figures_are_named():
    book = lg.example()
    with pytest.raises(lg.MissingFigureError, match="no budget for KZ"):
        lg.remittances_to_budget(
            book
            + book["tajik-migrant-remittances"].model_copy(
                update={"id": "to-kz", "destination": "KZ", "origin": ("RU",)}
            ),
            "KZ",
            as_of=DAY,
        )
    second = book["tajik-national-budget"].model_copy(update={"id": "budget-b"})
    with pytest.raises(lg.MissingFigureError, match="budget-b, tajik-national-budget"):
        lg.debt_to_budget(book + second, "TJ", as_of=DAY)
    with pytest.raises(lg.MissingFigureError, match="dated on or before 2004-03-14"):
        lg.remittances_to_budget(book, "TJ", as_of=date(2004, 3, 14))
    no_migrants = book["tajik-migrant-remittances"].model_copy(update={"migrants": None})
    plain = lg.Ledger([no_migrants if e.id == no_migrants.id else e for e in book])
    with pytest.raises(lg.MissingFigureError, match="no number of migrants"):
        lg.per_migrant(plain, "TJ", as_of=DAY)


def test_a_budget_in_another_currency_converts_with_the_ledgers_own_rates():
    book = example_with_rate()
    budget = book["tajik-national-budget"].model_copy(
        update={"amount": lg.Figure.of("8643 million RUB/year")}
    )
    book = lg.Ledger([budget if e.id == budget.id else e for e in book])
    answer = lg.remittances_to_budget(book, "TJ", as_of=DAY)
    assert answer.value == lg.Figure.of("1", "more_than")
    assert lg.remittances_to_budget(book, "TJ", as_of=DAY, rates=book).value == answer.value
    bare = lg.Ledger([e for e in book if not isinstance(e, lg.Rate)])
    with pytest.raises(lg.RateError, match="no USD/RUB rate in force on 2004-03-15"):
        lg.remittances_to_budget(bare, "TJ", as_of=DAY)


SOURCE = lg.Source(publisher="generated", title="generated", date=DAY)


@given(
    lst.figures("flow", "USD", per="year", min_value=0),  # an entry's amount is not negative
    lst.figures("flow", "USD", per="year", qualifiers=DIVISORS, min_value=1),
    lst.figures("count", qualifiers=DIVISORS, min_value=1, max_value=10**7),
    st.data(),
)
def test_ratio_helpers_are_sound_for_every_point_inside_each_entry(
    remitted, budgeted, migrants, data
):
    book = lg.Ledger(
        [
            lg.Remittance(
                id="r",
                as_of=DAY,
                source=SOURCE,
                origin=("RU",),
                destination="TJ",
                amount=remitted,
                migrants=migrants,
            ),
            lg.Budget(id="b", as_of=DAY, source=SOURCE, party="TJ", amount=budgeted),
        ]
    )
    # Per year, whatever period each entry is in: the oracle converts by its own table.
    r = per_year(data.draw(lst.points(remitted)))
    b = per_year(data.draw(lst.points(budgeted)))
    m = per_year(data.draw(lst.points(migrants)))
    assert holds(lg.remittances_to_budget(book, "TJ", as_of=DAY).value, r / b)
    per_head = lg.per_migrant(book, "TJ", as_of=DAY).value
    assert str(per_head.unit) == "USD / person / year"
    assert holds(per_head, r / m)
