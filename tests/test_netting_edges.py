"""Netting at its edges, word for word (issue 11: netting's mutants killed by tests).

Small ledgers built in code; every expected text is written by hand from the rules of
netting.py's docstrings, never computed by the code under test."""

import signal
from datetime import date

import pytest

import ledger as lg

DAY = date(2010, 1, 1)
SOURCE = lg.Source(publisher="Pub", title="Figures", date=DAY)


def claim(id, creditor, debtor, amount, qualifier=None, *, by=None):
    figure = lg.Figure.of(amount, qualifier) if qualifier else lg.Figure.of(amount)
    return lg.Claim(
        id=id,
        as_of=DAY,
        source=SOURCE,
        creditor=creditor,
        debtor=debtor,
        asserted_by=by or creditor,
        amount=figure,
    )


def paid(id, claim_id, amount, quote=None):
    return lg.Settlement(
        id=id,
        as_of=DAY,
        source=SOURCE,
        claim=claim_id,
        amount=lg.Figure.of(amount),
        method="payment",
        quote=quote,
    )


def explain(*entries, debtor="TJ", creditor="RU"):
    return lg.net_balance(lg.Ledger(list(entries)), debtor, creditor, as_of=DAY).explain()


# -- explain ------------------------------------------------------------------------------------


def test_a_settlement_is_cited_without_its_quote():
    text = explain(
        claim("a", "RU", "TJ", "100 USD"), paid("p", "a", "100 USD", quote="Paid in full.")
    )
    assert text == (
        "TJ owes RU, net, as of 2010-01-01: 0 USD\n"
        "  + 0 USD  a: RU's claim on TJ, asserted by RU\n"
        "      (Pub, 2010-01-01)\n"
        "      as asserted: 100 USD\n"
        "      - 100 USD  p: payment, 2010-01-01 (Pub, 2010-01-01)\n"
        "      = 0 USD outstanding\n"
        "  = 0 USD"
    )


def test_two_unbounded_claims_leave_each_side_an_unknown_amount():
    text = explain(
        claim("a", "RU", "TJ", "100 USD", "more_than"),
        claim("c", "TJ", "RU", "100 USD", "more_than"),
    )
    assert text == (
        "direction unknown, as of 2010-01-01: TJ may owe RU, net, an unknown amount; "
        "or RU may owe TJ an unknown amount\n"
        "  + more than 100 USD  a: RU's claim on TJ, asserted by RU\n"
        "      (Pub, 2010-01-01)\n"
        "  - more than 100 USD  c: TJ's claim on RU, asserted by TJ\n"
        "      (Pub, 2010-01-01)\n"
        "  = an unknown amount of USD"
    )


def test_an_open_upper_bound_stays_open_in_the_headline():
    text = explain(claim("a", "RU", "TJ", "100 USD", "less_than"), claim("c", "TJ", "RU", "50 USD"))
    assert text == (
        "direction unknown, as of 2010-01-01: TJ may owe RU, net, less than 50 USD; "
        "or RU may owe TJ at most 50 USD\n"
        "  + at least 0 and less than 100 USD  a: RU's claim on TJ, asserted by RU\n"
        "      (Pub, 2010-01-01)\n"
        "      as asserted: less than 100 USD\n"
        "  - 50 USD  c: TJ's claim on RU, asserted by TJ\n"
        "      (Pub, 2010-01-01)\n"
        "  = at least -50 and less than 50 USD"
    )


# -- errors, word for word ----------------------------------------------------------------------


def test_a_party_in_an_empty_ledger_is_refused_saying_it_has_no_claims():
    with pytest.raises(lg.LedgerError) as caught:
        lg.net_balance(lg.Ledger([]), "TJ", "RU", as_of=DAY)
    assert str(caught.value) == (
        "debtor: 'TJ' appears in no claim of the ledger; the parties it knows: "
        "none (the ledger has no claims)"
    )


def test_asserted_by_names_a_party_that_only_asserts():
    book = lg.Ledger([claim("a", "RU", "TJ", "100 USD", by="KZ")])
    balance = lg.net_balance(book, "TJ", "RU", asserted_by="KZ", as_of=DAY)
    assert str(balance.amount) == "100 USD"


def test_asserted_by_names_a_party_that_only_owes():
    book = lg.Ledger([claim("a", "RU", "TJ", "100 USD")])
    balance = lg.net_balance(book, "TJ", "RU", asserted_by="TJ", as_of=DAY)
    assert (balance.lines, str(balance.amount)) == ((), "0")


def test_a_malformed_asserter_is_refused_under_its_own_name():
    book = lg.Ledger([claim("a", "RU", "TJ", "100 USD")])
    with pytest.raises(lg.LedgerError) as caught:
        lg.net_balance(book, "TJ", "RU", asserted_by="", as_of=DAY)
    assert str(caught.value) == (
        "asserted_by: party '' is not an ISO 3166 alpha-2 code known to CLDR nor an 'org:' "
        "slug such as 'org:imf'"
    )


def test_a_currency_with_no_claims_lists_the_currencies_there_are():
    book = lg.Ledger([claim("a", "RU", "TJ", "100 USD"), claim("b", "RU", "TJ", "100 RUB")])
    with pytest.raises(lg.LedgerError) as caught:
        lg.net_balance(book, "TJ", "RU", currency="EUR", as_of=DAY)
    assert str(caught.value) == (
        "currency EUR: no claim between TJ and RU is in EUR; their claims are in RUB, USD"
    )


# -- settle -------------------------------------------------------------------------------------


def test_transfers_show_themselves_separated_by_semicolons():
    book = lg.Ledger([claim("a", "RU", "TJ", "5 USD"), claim("b", "RU", "KG", "3 USD")])
    assert repr(lg.settle(book, as_of=DAY)) == ("<Transfers: TJ pays RU 5 USD; KG pays RU 3 USD>")


def test_a_creditor_owed_less_than_one_is_paid():
    book = lg.Ledger([claim("a", "RU", "TJ", "0.5 USD")])
    assert [str(t) for t in lg.settle(book, as_of=DAY)] == ["TJ pays RU 0.5 USD"]


def _stop(signum, frame):
    raise TimeoutError("settle did not finish")


def test_three_debtors_pay_in_turn_largest_first():
    book = lg.Ledger(
        [
            claim("a", "RU", "TJ", "30 USD"),
            claim("b", "RU", "KG", "20 USD"),
            claim("c", "RU", "KZ", "10 USD"),
        ]
    )
    old = signal.signal(signal.SIGALRM, _stop)
    signal.alarm(3)
    try:
        transfers = [str(t) for t in lg.settle(book, as_of=DAY)]
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert transfers == ["TJ pays RU 30 USD", "KG pays RU 20 USD", "KZ pays RU 10 USD"]


# -- negation -----------------------------------------------------------------------------------


def test_a_negated_balance_turns_each_leg_of_a_triangulated_conversion():
    book = lg.Ledger(
        [
            claim("a", "RU", "TJ", "1000 KGS"),
            lg.Rate(id="kgs-usd", as_of=DAY, source=SOURCE, rate="50 KGS/USD"),
            lg.Rate(id="eur-usd", as_of=DAY, source=SOURCE, rate="2 EUR/USD"),
        ]
    )
    balance = lg.net_balance(book, "TJ", "RU", as_of=DAY, convert_to="EUR", via="USD")
    turned = -balance
    (conversion,) = turned.conversions
    assert (turned.debtor, turned.creditor, str(turned.amount)) == ("RU", "TJ", "-40 EUR")
    assert (str(conversion.original), str(conversion.figure)) == ("-1000 KGS", "-40 EUR")
    assert conversion.rate.id == "kgs-usd"
    assert conversion.via is not None
    assert (str(conversion.via.original), str(conversion.via.figure)) == ("-20 USD", "-40 EUR")
    assert conversion.via.rate.id == "eur-usd"
    assert conversion.via.via is None


# -- outstanding --------------------------------------------------------------------------------


def test_an_at_most_claim_clamped_at_zero_keeps_the_places_it_was_given():
    at_most = lg.Figure(None, high=lg.money("100", "USD"), approximate=True, places=-1)
    book = lg.Ledger(
        [
            lg.Claim(
                id="a",
                as_of=DAY,
                source=SOURCE,
                creditor="RU",
                debtor="TJ",
                asserted_by="RU",
                amount=at_most,
            )
        ]
    )
    left = lg.outstanding(book["a"])
    assert (str(left), left.places) == ("between about 0 and 100 USD", -1)


@pytest.mark.parametrize("amount", ["0.5 USD", "0 USD"])
def test_a_small_estimated_claim_stays_estimated(amount):
    book = lg.Ledger([claim("a", "RU", "TJ", amount, "estimated")])
    assert str(lg.outstanding(book["a"])) == f"estimated {amount}"


# -- positions ----------------------------------------------------------------------------------

HUGE = [
    claim("a", "RU", "TJ", "99999999999999999999999999999 USD"),
    claim("a2", "RU", "TJ", "99999999999999999999999999999 USD"),
    claim("c", "RU", "TJ", "0.0000000000000000000000000000001 USD"),
]


@pytest.mark.parametrize(
    "more", [[], [claim("b", "RU", "KG", "100 USD"), paid("p", "b", "40 USD")]]
)
def test_a_settlement_elsewhere_leaves_a_sum_past_sixty_digits_as_it_was(more):
    # 2 * (10**29 - 1) + 10**-31 has 61 significant digits: rounded outwards to 60, about.
    positions = lg.net_positions(lg.Ledger(HUGE + more), as_of=DAY)
    assert str(positions["TJ"]["USD"]) == "about -199999999999999999999999999998 USD"
