"""Currency conversion: only through explicit, dated, sourced rates."""

from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import ledger as lg
from ledger import strategies as lst

SOURCE = lg.Source(publisher="Central bank", title="Rates", date=date(2004, 1, 1))


def rate(id, rate, as_of):
    return lg.Rate(id=id, as_of=as_of, source=SOURCE, rate=rate)


RATES = [
    rate("r-2003", "30 RUB/USD", date(2003, 1, 1)),
    rate("r-2004", "28.81 RUB/USD", date(2004, 1, 1)),
    rate("usd-per-eur", "1.25 USD/EUR", date(2004, 1, 1)),
]


@given(
    lst.figures("stock", "USD", max_value=10**9), lst.amounts(min_value=1, max_value=1000, places=4)
)
def test_there_and_back_with_an_exact_rate_is_exact(figure, magnitude):
    assume(figure.places is None)  # a figure rounded already widens on each rounding
    rates = [rate("r", f"{magnitude} RUB/USD", date(2004, 1, 1))]
    there = lg.convert(figure, "RUB", rates=rates, on=date(2004, 6, 1))
    back = lg.convert(there.figure, "USD", rates=rates, on=date(2004, 6, 1))
    assert back.inverted and not there.inverted
    # Every part comes back exactly; only the word "estimated" reads "about" after arithmetic.
    result = back.figure
    assert (result.value, result.low, result.high) == (figure.value, figure.low, figure.high)
    assert (result.low_inclusive, result.high_inclusive, result.approximate) == (
        figure.low_inclusive,
        figure.high_inclusive,
        figure.approximate,
    )


@given(st.sampled_from([date(2003, 6, 1), date(2004, 1, 1), date(2005, 1, 1)]))
def test_the_latest_rate_on_or_before_the_day_is_used(day):
    converted = lg.convert(lg.Figure.of("100 USD"), "RUB", rates=RATES, on=day)
    expected = "r-2003" if day < date(2004, 1, 1) else "r-2004"
    assert converted.rate.id == expected


def test_seed_claim_in_roubles_at_an_illustrative_rate():
    converted = lg.convert(
        lg.Figure.of("300 million USD", "about"), "RUB", rates=RATES, on=date(2004, 3, 15)
    )
    # Every digit is kept; "some $300 million" justifies three of them in print.
    assert converted.figure.value == lg.quantity("8643000000 RUB")
    assert converted.figure.approximate and converted.figure.qualifier == "about"
    assert str(converted.figure) == "about 8640000000 RUB"
    assert converted.rate.id == "r-2004"
    assert "r-2004" in converted.explain() and "28.81 RUB/USD" in converted.explain()


def test_a_reverse_rate_is_inverted():
    converted = lg.convert(lg.Figure.of("2881 RUB"), "USD", rates=RATES, on=date(2004, 3, 15))
    assert converted.figure == lg.Figure.of("100 USD")
    assert converted.inverted


def test_no_triangulation_unless_asked():
    with pytest.raises(lg.RateError, match="no EUR/RUB rate in force on 2004-03-15"):
        lg.convert(lg.Figure.of("100 EUR"), "RUB", rates=RATES, on=date(2004, 3, 15))
    via = lg.convert(lg.Figure.of("100 EUR"), "RUB", rates=RATES, on=date(2004, 3, 15), via="USD")
    assert via.figure == lg.Figure.of("3601.2500 RUB")


def test_no_rate_in_force_names_the_pair_and_the_date():
    with pytest.raises(lg.RateError) as caught:
        lg.convert(lg.Figure.of("100 USD"), "RUB", rates=RATES, on=date(2002, 1, 1))
    assert "USD/RUB" in str(caught.value) and "2002-01-01" in str(caught.value)
    assert "r-2003 from 2003-01-01" in str(caught.value)


def test_competing_rates_on_one_day_are_refused():
    clash = [*RATES, rate("r-2004-b", "29 RUB/USD", date(2004, 1, 1))]
    with pytest.raises(lg.RateError, match="different USD/RUB rates"):
        lg.convert(lg.Figure.of("100 USD"), "RUB", rates=clash, on=date(2004, 3, 15))


def test_the_same_currency_needs_no_rate():
    same = lg.convert(lg.Figure.of("100 USD/year"), "USD", rates=[], on=date(2004, 3, 15))
    assert same.rate is None and same.figure == lg.Figure.of("100 USD/year")


def test_flows_convert_and_stay_flows():
    flow = lg.convert(
        lg.Figure.of("300 million USD/year", "more_than"), "RUB", rates=RATES, on=date(2004, 3, 15)
    ).figure
    assert lg.is_flow(flow.unit) and flow.qualifier == "more_than"
