"""Which budget, remittance and rate a ratio takes, and what a missing rate says, worked out
by hand on a small ledger written for it."""

from datetime import date

import pytest

import ledger as lg

TEXT = """
[sources.s]
publisher = "Pub"
title = "Doc"
date = 2003-01-01

[[entries]]
kind = "budget"
id = "budget-2003"
as_of = 2003-01-01
source = "s"
party = "TJ"
amount = "200 USD/year"
fiscal_year = 2003
measure = "expenditure"

[[entries]]
kind = "budget"
id = "budget-2004"
as_of = 2004-01-01
source = "s"
party = "TJ"
amount = "400 USD/year"
fiscal_year = 2004
measure = "expenditure"

[[entries]]
kind = "remittance"
id = "sent-2003"
as_of = 2003-06-01
source = "s"
origin = ["RU"]
destination = "TJ"
amount = "100 USD/year"

[[entries]]
kind = "remittance"
id = "sent-2004"
as_of = 2004-06-01
source = "s"
origin = ["RU"]
destination = "TJ"
amount = "1000 RUB/year"

[[entries]]
kind = "rate"
id = "rate-2004"
as_of = 2004-06-01
source = "s"
rate = "25 RUB/USD"

[[entries]]
kind = "rate"
id = "rate-2010"
as_of = 2010-01-01
source = "s"
rate = "50 RUB/USD"
"""
BOOK = lg.loads(TEXT)


def test_a_ratio_takes_the_budget_and_remittance_in_force_on_its_day():
    ratio = lg.remittances_to_budget(BOOK, "TJ", as_of=date(2003, 12, 31))
    assert str(ratio.value) == "0.5"  # 100 USD a year over the 2003 budget of 200
    assert [e.id for e in ratio.numerator_entries] + [e.id for e in ratio.denominator_entries] == [
        "sent-2003",
        "budget-2003",
    ]


def test_a_fiscal_year_picks_its_budget_whatever_the_day():
    ratio = lg.remittances_to_budget(BOOK, "TJ", as_of=date(2003, 12, 31), fiscal_year=2003)
    assert str(ratio.value) == "0.5"
    with pytest.raises(lg.MissingFigureError):
        lg.remittances_to_budget(BOOK, "TJ", as_of=date(2003, 12, 31), fiscal_year=2004)


def test_a_flow_in_roubles_converts_at_the_rate_of_the_ratios_day_not_todays():
    # 1000 RUB a year at 25 RUB/USD (2004; today's rate would be 50) is 40 USD a year.
    ratio = lg.remittances_to_budget(BOOK, "TJ", as_of=date(2004, 12, 31), rates=BOOK)
    assert str(ratio.value) == "0.1"  # 40 over the 2004 budget of 400


def test_a_ratio_across_currencies_takes_the_ledgers_own_rates():
    # Issue 12: the ledger's own rates by default, the same answer as passing them.
    ratio = lg.remittances_to_budget(BOOK, "TJ", as_of=date(2004, 12, 31))
    assert str(ratio.value) == "0.1"
    assert [c.rate.id for c in ratio.conversions] == ["rate-2004"]
    bare = lg.Ledger([e for e in BOOK if not isinstance(e, lg.Rate)])
    with pytest.raises(lg.RateError) as error:
        lg.remittances_to_budget(bare, "TJ", as_of=date(2004, 12, 31))
    assert str(error.value) == (
        "no RUB/USD rate in force on 2004-12-31; rates for the pair: none. Add a Rate entry "
        "dated on or before that day"
    )


def test_an_entry_with_no_quote_is_cited_without_empty_quotes():
    ratio = lg.remittances_to_budget(BOOK, "TJ", as_of=date(2003, 12, 31))
    assert "      sent-2003: (Pub, 2003-01-01)" in ratio.explain().splitlines()


def test_rates_that_hold_none_and_rates_not_in_force_are_named():
    usd = lg.Figure.of("5 USD")
    with pytest.raises(lg.RateError) as error:
        lg.convert(usd, "RUB", rates=None, on=date(2004, 12, 31))
    assert str(error.value) == (
        "rates: NoneType None holds no rates; pass a ledger or a list of its Rate entries"
    )
    with pytest.raises(lg.RateError) as error:
        lg.convert(usd, "RUB", rates=BOOK, on=date(2004, 1, 1))
    assert str(error.value) == (
        "no USD/RUB rate in force on 2004-01-01; rates for the pair: rate-2004 from 2004-06-01, "
        "rate-2010 from 2010-01-01. Add a Rate entry dated on or before that day"
    )
    with pytest.raises(lg.RateError) as error:
        lg.convert(usd, "EUR", rates=BOOK, on=date(2004, 12, 31))
    assert "rates for the pair: none." in str(error.value)
