"""Small things a user met (issue 13, user check item 15)."""

from datetime import date
from decimal import Decimal

import pytest

import ledger as lg

PLAN = """
[sources.interfax]
publisher = "Interfax"
title = "Russia ratifies agreement with Kyrgyzstan on writing off debts"
date = 2013-05-08

[[entries]]
kind = "claim"
id = "ru-claim-kg-2012"
as_of = 2012-09-20
source = "interfax"
creditor = "RU"
debtor = "KG"
asserted_by = "RU"
amount = "488.9 million USD"

[[entries]]
kind = "settlement"
id = "ru-kg-tranches"
as_of = 2016-03-16
source = "interfax"
claim = "ru-claim-kg-2012"
amount = "300 million USD"
method = "write_off"
schedule = { tranches = 10, frequency = "annual", residue = "last" }
"""


def test_a_schedule_table_is_saved_as_it_was_written():
    text = lg.loads(PLAN).dumps()
    assert 'frequency = "annual"' in text and 'residue = "last"' in text
    assert lg.loads(text) == lg.loads(PLAN)


def test_an_unknown_id_says_when_the_list_of_ids_is_cut():
    book = lg.example("kg-ru-2012") + lg.example()
    assert len(book) > 10
    with pytest.raises(lg.UnknownEntryError) as refused:
        book["nope"]
    said = str(refused.value)
    assert said.endswith(f"… ({len(book)} in all)")


def test_a_schedule_says_what_is_outstanding_on_a_day():
    terms = lg.Terms(interest="6%", maturity_years=5, grace_years=1, disbursed=date(2020, 1, 1))
    plan = lg.schedule(terms, principal="10000 USD")
    left = [plan.outstanding_on(date(y, m, 1)) for y, m in ((2020, 6), (2022, 1), (2030, 1))]
    # nothing repaid in the first half-year; two years in, one of four parts; at the end, all
    assert [f.value.magnitude for f in left] == [Decimal("10000"), Decimal("7500"), Decimal(0)]
    assert str(left[1]) == "7500.00 USD"
    with pytest.raises(lg.LedgerError, match="before the loan"):
        plan.outstanding_on(date(2019, 1, 1))
