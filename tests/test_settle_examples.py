"""settle() pairs the largest debtor with the largest creditor, and a balance turned round
keeps everything it was built from: examples worked out by hand."""

from datetime import date

from fixtures import claims_ledger, example_with_rate

import ledger as lg


def paid(transfers):
    return [(t.payer, t.payee, str(t.amount)) for t in transfers]


def test_the_largest_debtor_pays_the_largest_creditor_first():
    # Positions: TJ -130, KG -70; RU +150, KZ +30, UZ +20.
    book = claims_ledger(
        ("a", "RU", "TJ", "100 USD"),
        ("b", "KZ", "TJ", "30 USD"),
        ("c", "RU", "KG", "50 USD"),
        ("d", "UZ", "KG", "20 USD"),
    )
    assert paid(lg.settle(book, as_of=date(2010, 1, 1))) == [
        ("TJ", "RU", "130 USD"),  # TJ owes most, RU is owed most
        ("KG", "RU", "20 USD"),  # what RU is still owed
        ("KG", "KZ", "30 USD"),  # then the next creditor by size
        ("KG", "UZ", "20 USD"),
    ]


def test_equal_positions_go_in_the_order_of_their_codes():
    # Positions: AF -40, TM -40; KZ +40, UZ +40.
    book = claims_ledger(("a", "UZ", "TM", "40 USD"), ("b", "KZ", "AF", "40 USD"))
    assert paid(lg.settle(book, as_of=date(2010, 1, 1))) == [
        ("AF", "KZ", "40 USD"),
        ("TM", "UZ", "40 USD"),
    ]


def test_a_party_that_nets_to_zero_pays_and_is_paid_nothing():
    book = claims_ledger(
        ("a", "RU", "TJ", "10 USD"), ("b", "KG", "AF", "5 USD"), ("c", "AF", "KG", "5 USD")
    )
    assert paid(lg.settle(book, as_of=date(2010, 1, 1))) == [("TJ", "RU", "10 USD")]


def test_a_balance_turned_round_keeps_its_day_its_conversions_and_its_settlements():
    book = example_with_rate()
    balance = lg.net_balance(book, "TJ", "RU", as_of=date(2004, 3, 15), convert_to="RUB")
    turned = -balance
    assert (turned.debtor, turned.creditor) == ("RU", "TJ")
    assert turned.as_of == date(2004, 3, 15)
    assert turned.currency == balance.currency
    assert turned.amount == -balance.amount
    assert [line.sign for line in turned.lines] == [-line.sign for line in balance.lines]
    for mine, theirs in zip(turned.lines, balance.lines, strict=True):
        assert mine.claim == theirs.claim
        assert mine.counted == theirs.counted
        assert mine.settlements == theirs.settlements
        assert mine.conversion is theirs.conversion is not None
