"""Netting's fast path and its clamp, case by case, worked out by hand: filters by status and
asserter, sums wider than Decimal's default 28 digits, several currencies, and what is left
of a claim after settlements of every shape."""

from datetime import date
from decimal import Decimal

import pytest
from fixtures import claims_ledger

import ledger as lg

DAY = date(2010, 1, 1)
SOURCE = lg.Source(publisher="Pub", title="Doc", date=DAY)


BOOK = claims_ledger(
    ("a", "RU", "TJ", "100 USD", "RU", "asserted"),
    ("b", "RU", "TJ", "10 USD", "TJ", "acknowledged"),
    ("c", "TJ", "RU", "7 USD", "TJ", "disputed"),
    ("d", "RU", "TJ", "1000 RUB", "RU", "asserted"),
    ("e", "RU", "TJ", "5000 USD", "RU", "written_off"),
)


def positions(**filters):
    found = lg.net_positions(BOOK, as_of=DAY, **filters)
    return {
        party: {code: str(figure) for code, figure in held.items()} for party, held in found.items()
    }


@pytest.mark.parametrize(
    ("filters", "ru_usd"),
    [
        ({}, "103 USD"),  # 100 + 10 - 7; the written-off 5000 counts zero
        ({"statuses": "asserted"}, "100 USD"),
        ({"statuses": ("asserted", "acknowledged")}, "110 USD"),
        ({"statuses": "disputed"}, "-7 USD"),
        ({"asserted_by": "TJ"}, "3 USD"),  # 10 - 7
        ({"asserted_by": "RU"}, "100 USD"),
        ({"statuses": "acknowledged", "asserted_by": "TJ"}, "10 USD"),
        ({"statuses": "asserted", "asserted_by": "TJ"}, None),  # no claim left
    ],
)
def test_positions_filter_by_status_and_asserter(filters, ru_usd):
    assert positions(**filters).get("RU", {}).get("USD") == ru_usd


def test_positions_keep_each_currency_apart():
    found = positions(asserted_by="RU")
    assert found["RU"] == {"USD": "100 USD", "RUB": "1000 RUB"}
    assert found["TJ"] == {"USD": "-100 USD", "RUB": "-1000 RUB"}


def test_a_sum_wider_than_28_digits_is_exact():
    book = claims_ledger(
        ("a", "RU", "TJ", "1e29 USD", "RU", "asserted"),
        ("b", "RU", "TJ", "1 USD", "RU", "asserted"),
    )
    total = lg.net_positions(book, as_of=DAY)["RU"]["USD"]
    assert str(total) == "100000000000000000000000000001 USD"
    assert total.is_exact


def test_a_sum_wider_than_60_digits_is_rounded_outwards_and_marked():
    tiny = "0." + "0" * 30 + "1"  # 1e-31: with 1e29 the exact sum needs 61 digits
    book = claims_ledger(
        ("a", "RU", "TJ", "1e29 USD", "RU", "asserted"),
        ("b", "RU", "TJ", f"{tiny} USD", "RU", "asserted"),
    )
    total = lg.net_positions(book, as_of=DAY)["RU"]["USD"]
    value, low, high = total.magnitudes
    assert total.approximate
    assert value == low == 10**29
    assert high == Decimal("100000000000000000000000000000." + "0" * 29 + "1")
    assert total.low_inclusive and total.high_inclusive
    assert total.places == 30


def claim(amount):
    return lg.Claim(
        id="c", as_of=DAY, source=SOURCE, creditor="RU", debtor="TJ", asserted_by="RU",
        amount=amount,
    )  # fmt: skip


def paid(amount):
    return lg.Settlement(
        id="s", as_of=DAY, source=SOURCE, claim="c", amount=amount, method="payment"
    )


@pytest.mark.parametrize(
    ("owed", "settled", "left", "low_inclusive", "high_inclusive"),
    [
        ("at most 100 USD", None, "between 0 and 100 USD", True, True),
        ("less than 100 USD", None, "at least 0 and less than 100 USD", True, False),
        ("100 USD", "about 150 USD", "about 0 USD", True, True),  # overpaid: nothing left
        ("about 100 USD", "100 USD", "about 0 USD", True, True),
        ("100 USD", "more than 60 USD", "at least 0 and less than 40 USD", True, False),
        ("at least 100 USD", "at least 30 USD", "at least 0 USD", True, True),
        ("100 USD", "less than 120 USD", "at least 0 USD", True, True),
        ("at most 100 USD", "at most 30 USD", "at least 0 USD", True, True),
        ("100 USD", "30 USD", "70 USD", True, True),
        ("more than 100 USD", "30 USD", "more than 70 USD", False, True),
    ],
)
def test_what_is_left_of_a_claim_never_falls_below_zero(
    owed, settled, left, low_inclusive, high_inclusive
):
    remaining = lg.outstanding(claim(owed), [paid(settled)] if settled else [])
    assert str(remaining) == left
    assert (remaining.low_inclusive, remaining.high_inclusive) == (low_inclusive, high_inclusive)
