"""Netting: balances, positions and settlement, as laws over generated ledgers."""

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from itertools import pairwise

import pytest
from fixtures import example_with_rate
from hypothesis import given
from hypothesis import strategies as st
from oracles import COUNTS_AS_ZERO, Interval, holds, net_of, net_problems, positions_of

import ledger as lg
from ledger import strategies as lst

DAY = date(2004, 3, 15)
SOURCE = lg.Source(publisher="generated", title="generated", date=DAY)
LATER = date(2100, 1, 1)  # after every generated date
PARTIES = ("RU", "TJ", "KZ", "UZ")


def naming_every_party(book):
    """The ledger with every party of the laws in its ``parties`` table: netting refuses a
    party the ledger does not know (one of no claim and not in the table), and the laws hold
    for every pair, with claims between them or not."""
    return lg.Ledger(list(book), parties={party: f"party {party}" for party in PARTIES})


usd_ledgers = lst.ledgers(kinds=("claim", "settlement"), currencies=("USD",), parties=PARTIES).map(
    naming_every_party
)
exact_ledgers = lst.ledgers(
    kinds=("claim", "settlement"),
    currencies=("USD", "RUB"),
    parties=PARTIES,
    exact=True,
    max_entries=16,
).map(naming_every_party)
# A balance is between two parties: a party with itself is refused (see below).
pairs = st.lists(st.sampled_from(PARTIES), min_size=2, max_size=2, unique=True)
two_parties = st.lists(st.sampled_from(PARTIES), min_size=2, max_size=2, unique=True)


# -- laws -----------------------------------------------------------------------------------


@given(usd_ledgers, pairs)
def test_net_balance_is_antisymmetric(book, pair):
    a, b = pair
    forward = lg.net_balance(book, a, b, as_of=LATER, currency="USD")
    backward = lg.net_balance(book, b, a, as_of=LATER, currency="USD")
    assert forward.amount == -backward.amount


@given(usd_ledgers, pairs)
def test_net_balance_does_not_depend_on_entry_order(book, pair):
    a, b = pair
    shuffled = naming_every_party(reversed(list(book)))
    assert (
        lg.net_balance(book, a, b, as_of=LATER, currency="USD").amount
        == lg.net_balance(shuffled, a, b, as_of=LATER, currency="USD").amount
    )


@given(usd_ledgers, st.sampled_from(PARTIES))
def test_a_partys_balance_with_itself_is_refused_in_words(book, party):
    with pytest.raises(lg.LedgerError, match=f"debtor and creditor are both '{party}'"):
        lg.net_balance(book, party, party, as_of=LATER, currency="USD")


@given(
    lst.ledgers(
        min_entries=1, kinds=("claim",), currencies=("USD",), parties=PARTIES, exact=True
    ).map(naming_every_party),
    pairs,
    st.data(),
)
def test_splitting_a_claim_into_two_that_sum_to_it_changes_nothing(book, pair, data):
    claim = data.draw(st.sampled_from(book.claims()))  # at least one: every entry is a claim
    whole = claim.amount.value.magnitude
    part = data.draw(st.decimals(min_value=0, max_value=whole, places=2))
    first = claim.model_copy(update={"amount": lg.Figure.of(lg.money(part, "USD"))})
    second = claim.model_copy(
        update={
            "id": claim.id + "-rest",
            "counter_to": None,
            "amount": lg.Figure.of(lg.money(whole - part, "USD")),
        }
    )
    split = naming_every_party([first if e.id == claim.id else e for e in book] + [second])
    a, b = pair
    assert (
        lg.net_balance(split, a, b, as_of=LATER, currency="USD").amount
        == lg.net_balance(book, a, b, as_of=LATER, currency="USD").amount
    )


@given(exact_ledgers)
def test_positions_sum_to_zero_per_currency(book):
    totals = defaultdict(Decimal)
    for held in lg.net_positions(book, as_of=LATER).values():
        for code, figure in held.items():
            assert figure.is_exact
            totals[code] += figure.value.magnitude
    assert all(total == 0 for total in totals.values())


def _currencies_between(book, a, b):
    return {c.currency for c in book.claims() if {c.creditor, c.debtor} == {a, b}}


@given(exact_ledgers)
def test_positions_equal_the_sum_of_bilateral_balances(book):
    positions = lg.net_positions(book, as_of=LATER)
    for party, held in positions.items():
        for code, figure in held.items():
            bilateral = sum(
                (
                    lg.net_balance(
                        book, other, party, as_of=LATER, currency=code
                    ).amount.value.magnitude
                    for other in PARTIES
                    # currency= names a currency their claims are in (any other is refused)
                    if other != party and code in _currencies_between(book, other, party)
                ),
                Decimal(0),
            )
            assert figure.value.magnitude == bilateral


@given(exact_ledgers)
def test_settle_brings_every_position_to_zero_with_at_most_n_minus_1_transfers(book):
    positions = lg.net_positions(book, as_of=LATER)
    transfers = lg.settle(book, as_of=LATER)
    left = defaultdict(Decimal)
    for party, held in positions.items():
        for code, figure in held.items():
            left[party, code] += figure.value.magnitude
    for transfer in transfers:
        code = lg.currency_of(transfer.amount.unit)
        amount = transfer.amount.value.magnitude
        assert amount > 0 and transfer.payer != transfer.payee
        left[transfer.payer, code] += amount
        left[transfer.payee, code] -= amount
    assert all(value == 0 for value in left.values())
    for code in {c for _, c in left}:
        movers = [
            p for (p, c), _ in left.items() if c == code and positions[p][code].value.magnitude != 0
        ]
        used = [t for t in transfers if lg.currency_of(t.amount.unit) == code]
        assert len(used) <= max(len(movers) - 1, 0)


@given(usd_ledgers, two_parties, st.data())
def test_net_balance_is_sound_for_every_point_inside_each_claim(book, pair, data):
    a, b = pair
    settled = defaultdict(Fraction)  # a point of each settlement, summed by claim
    for s in book.settlements(as_of=LATER):
        settled[s.claim] += Fraction(data.draw(lst.points(s.amount)).magnitude)
    expected = Fraction(0)
    for claim in book.claims(as_of=LATER):
        if {claim.creditor, claim.debtor} != {a, b} or claim.status in COUNTS_AS_ZERO:
            continue
        point = Fraction(data.draw(lst.points(claim.amount)).magnitude)
        left = max(point - settled[claim.id], Fraction(0))
        expected += left if claim.debtor == a else -left
    balance = lg.net_balance(book, a, b, as_of=LATER, currency="USD")
    assert holds(balance.amount, expected)


@given(
    usd_ledgers,
    two_parties,
    lst.amounts(min_value=1, max_value=10**6),
    st.data(),
)
def test_a_settlement_dated_after_as_of_changes_nothing(book, pair, owed, data):
    # A claim of the two parties' own, so that the settlement has something to change; the
    # same settlement dated on as_of does change it, or the test would prove nothing.
    a, b = pair
    claim = lg.Claim(
        id="probe-claim",
        as_of=DAY,
        source=SOURCE,
        creditor=b,
        debtor=a,
        amount=lg.Figure.of(lg.money(owed, "USD")),
        asserted_by=b,
    )
    cents = data.draw(st.integers(1, int(owed * 100)), label="paid, in cents")
    paid = Decimal(f"{cents}E-2")
    shape = data.draw(st.sampled_from(["exact", "about"]), label="shape")
    days_late = data.draw(st.integers(1, 3650), label="days late")

    def settled(day):
        return lg.Settlement(
            id="probe-payment",
            as_of=day,
            source=SOURCE,
            claim=claim.id,
            amount=lg.Figure.of(lg.money(paid, "USD"), shape),
            method="payment",
        )

    def balance(entries):
        return lg.net_balance(lg.Ledger(entries), a, b, as_of=LATER, currency="USD").amount

    late = settled(LATER + timedelta(days=days_late))
    assert balance([*book, claim, late]) == balance([*book, claim])
    assert balance([claim, late]) == lg.Figure.of(lg.money(owed, "USD"))
    # Dated on as_of, the same settlement counts (the book's other claims may leave the
    # balance unbounded either way, so this is seen on the claim alone).
    assert balance([claim, settled(LATER)]) != balance([claim])


# -- against a plain loop: statuses, settlements of every shape, dates ---------------------

NET_PARTIES = ("RU", "TJ", "KZ")
DAYS = tuple(DAY + timedelta(days=91 * k) for k in range(5))
STATUSES = ("asserted", "acknowledged", "disputed", "settled", "written_off")


def _usd(x):
    return lg.money(x, "USD")


def _cents(low, high):
    """Amounts of two places (whole ones too) between two Decimals."""
    return st.integers(int(low * 100), int(high * 100)).map(lambda n: Decimal(f"{n}E-2"))


@st.composite
def _amount(draw, shapes, low, high):
    """A non-negative figure of one of ``shapes``, its lower end between ``low`` and ``high``."""
    shape = draw(st.sampled_from(shapes))
    first = draw(_cents(low, high))
    if shape != "range":
        return lg.Figure.of(_usd(first), shape)
    second = first + draw(_cents(0, 1000))
    closed = first == second
    return lg.Figure.range(
        _usd(first),
        _usd(second),
        approximate=draw(st.booleans()),
        low_inclusive=closed or draw(st.booleans()),
        high_inclusive=closed or draw(st.booleans()),
    )


CLAIM_SHAPES = ("exact", "about", "estimated", "range", "at_least", "more_than")
CLAIM_SHAPES += ("at_most", "less_than")
SETTLEMENT_SHAPES = ("exact", "about", "range", "at_least", "more_than")


@st.composite
def netting_ledgers(draw):
    """Claims between three parties, of every status and shape, dated over a year; then
    settlements of them of every shape, non-integer and approximate ones too, dated on or
    after their claim, their lower bounds within the claim's upper bound."""
    entries = []
    for index in range(draw(st.integers(1, 5))):
        creditor, debtor = draw(st.permutations(NET_PARTIES))[:2]
        entries.append(
            lg.Claim(
                id=f"c{index}",
                as_of=draw(st.sampled_from(DAYS)),
                source=SOURCE,
                creditor=creditor,
                debtor=debtor,
                amount=draw(_amount(CLAIM_SHAPES, 0, 10**5)),
                asserted_by=draw(st.sampled_from([creditor, debtor])),
                status=draw(st.sampled_from(STATUSES)),
            )
        )
    claims = list(entries)
    paid = defaultdict(Decimal)
    for index in range(draw(st.integers(0, 6))):
        claim = draw(st.sampled_from(claims))
        ceiling = claim.amount.high
        room = 10**5 if ceiling is None else ceiling.magnitude - paid[claim.id]
        if room < 0:
            continue
        amount = draw(_amount(SETTLEMENT_SHAPES, 0, room))
        paid[claim.id] += amount.low.magnitude
        entries.append(
            lg.Settlement(
                id=f"s{index}",
                as_of=draw(st.sampled_from([d for d in DAYS if d >= claim.as_of])),
                source=SOURCE,
                claim=claim.id,
                amount=amount,
                method=draw(st.sampled_from(["payment", "write_off", "asset_transfer"])),
            )
        )
    names = {party: f"party {party}" for party in NET_PARTIES}
    return lg.Ledger(draw(st.permutations(entries)), parties=names)


def _check_net(figure, net):
    found = net_problems(figure, net)
    assert not found, "\n".join([str(figure), *found])


@given(netting_ledgers(), st.permutations(NET_PARTIES), st.sampled_from(DAYS))
def test_net_balance_is_what_a_plain_loop_over_the_entries_gives(book, parties, day):
    a, b = parties[:2]
    balance = lg.net_balance(book, a, b, as_of=day, currency="USD")
    _check_net(balance.amount, net_of(list(book), a, b, day))
    for line in balance.lines:
        if line.claim.status in COUNTS_AS_ZERO:
            # Settled or written off: it counts as zero, exactly, and says so.
            assert interval_of_zero(line.counted) and not line.counted.approximate
            assert f"{line.claim.id}: " in balance.explain()
            assert f"status {line.claim.status}: counts as zero" in balance.explain()


def interval_of_zero(figure):
    return figure.magnitudes == (0, 0, 0)


@given(netting_ledgers(), st.sampled_from(DAYS))
def test_positions_are_what_a_plain_loop_over_the_entries_gives(book, day):
    expected = positions_of(list(book), day)
    positions = lg.net_positions(book, as_of=day)
    assert set(positions) == set(expected)
    for party, net in expected.items():
        assert set(positions[party]) == {"USD"}
        _check_net(positions[party]["USD"], net)


def test_non_integer_and_approximate_settlements_net_by_interval_rules():
    claim = lg.Claim(
        id="claim",
        as_of=DAY,
        source=SOURCE,
        creditor="RU",
        debtor="TJ",
        amount=lg.Figure.of(_usd("1000.50")),
        asserted_by="RU",
    )

    def settlement(id, amount, day=DAY):
        return lg.Settlement(
            id=id, as_of=day, source=SOURCE, claim="claim", amount=amount, method="payment"
        )

    book = lg.Ledger(
        [
            claim,
            settlement("about", lg.Figure.of(_usd("250.25"), "about")),
            settlement(
                "range", lg.Figure.range(_usd("100.10"), _usd("200.20"), high_inclusive=False)
            ),
            settlement("later", lg.Figure.of(_usd("0.01")), DAY + timedelta(days=1)),
        ]
    )
    amount = lg.net_balance(book, "TJ", "RU", as_of=DAY).amount
    # 1000.50 - 250.25 - [100.10, 200.20) = (550.05, 650.15]; the range has no central value.
    assert amount.magnitudes == (None, Decimal("550.05"), Decimal("650.15"))
    assert (amount.low_inclusive, amount.high_inclusive, amount.approximate) == (False, True, True)
    _check_net(
        amount,
        net_of(list(book), "TJ", "RU", DAY),
    )
    assert net_of(list(book), "TJ", "RU", DAY).interval == Interval(
        Decimal("550.05"), False, Decimal("650.15"), True
    )
    next_day = lg.net_balance(book, "TJ", "RU", as_of=DAY + timedelta(days=1)).amount
    assert next_day.magnitudes == (None, Decimal("550.04"), Decimal("650.14"))


@given(usd_ledgers, pairs)
def test_replaying_history_moves_balances_only_on_entry_dates(book, pair):
    a, b = pair
    entry_days = {entry.as_of for entry in book}
    one = timedelta(days=1)
    days = sorted({d + k * one for d in entry_days for k in (-1, 0, 1)} | {LATER})
    balances = [lg.net_balance(book, a, b, as_of=d, currency="USD").amount for d in days]
    for (x, before), (y, after) in pairwise(zip(days, balances, strict=True)):
        if before != after:
            assert any(x < d <= y for d in entry_days), (x, y)


# -- the seed -------------------------------------------------------------------------------


def test_tajikistan_owes_russia_about_250_million_net():
    balance = lg.net_balance(lg.example(), "TJ", "RU", as_of=DAY)
    assert balance.amount == lg.Figure.of("250 million USD", "about")
    assert [line.claim.id for line in balance.lines] == [
        "ru-claims-tajik-debt",
        "tj-counterclaim-nurek",
    ]
    assert [line.sign for line in balance.lines] == [1, -1]
    text = balance.explain()
    for needle in (
        "ru-claims-tajik-debt",
        "asserted by RU",
        "some $300 million",
        "tj-counterclaim-nurek",
        "asserted by TJ",
        "observatory",
        "RFE/RL",
    ):
        assert needle in text


def test_which_claims_count_is_the_callers_choice():
    book = lg.example()
    only_russia = lg.net_balance(book, "TJ", "RU", as_of=DAY, asserted_by="RU")
    assert only_russia.amount == lg.Figure.of("300 million USD", "about")
    before = lg.net_balance(book, "TJ", "RU", as_of=date(2004, 3, 14))
    assert before.lines == () and before.amount.value.magnitude == 0


def test_settlements_reduce_what_is_outstanding_from_their_date():
    book = lg.example()
    claim = book["ru-claims-tajik-debt"]
    swap = lg.Settlement(
        id="nurek-swap",
        as_of=date(2004, 10, 16),
        source=claim.source,
        claim=claim.id,
        amount="50 million USD",
        method="debt_swap",
        consideration="the Nurek observatory (illustrative)",
    )
    book = book + swap
    assert lg.net_balance(book, "TJ", "RU", as_of=DAY).amount == lg.Figure.of(
        "250 million USD", "about"
    )
    after = lg.net_balance(book, "TJ", "RU", as_of=date(2004, 10, 16))
    assert after.amount == lg.Figure.of("200 million USD", "about")
    assert "nurek-swap" in after.explain()
    full = claim.model_copy(update={"status": "written_off"})
    written_off = lg.Ledger([full if e.id == claim.id else e for e in lg.example()])
    assert lg.net_balance(written_off, "TJ", "RU", as_of=DAY).amount == lg.Figure.of(
        "-50 million USD"
    )


def test_a_claim_settled_in_full_contributes_zero():
    book = lg.example()
    claim = book["tj-counterclaim-nurek"]
    paid = lg.Settlement(
        id="paid",
        as_of=DAY,
        source=claim.source,
        claim=claim.id,
        amount="50 million USD",
        method="payment",
    )
    balance = lg.net_balance(book + paid, "TJ", "RU", as_of=DAY)
    assert balance.amount == lg.Figure.of("300 million USD", "about")


def test_two_currencies_are_never_added():
    book = example_with_rate()
    rub = book["ru-claims-tajik-debt"].model_copy(
        update={"id": "ru-rouble-claim", "amount": lg.Figure.of("1 billion RUB")}
    )
    book = book + rub
    with pytest.raises(lg.UnitMismatchError, match="never added"):
        lg.net_balance(book, "TJ", "RU", as_of=DAY)
    usd_only = lg.net_balance(book, "TJ", "RU", as_of=DAY, currency="USD")
    assert usd_only.amount == lg.Figure.of("250 million USD", "about")
    converted = lg.net_balance(book, "TJ", "RU", as_of=DAY, convert_to="USD")
    assert converted.currency == "USD"
    assert "rate-2004-03-15" in converted.explain()
    positions = lg.net_positions(book, as_of=DAY)
    assert set(positions["RU"]) == {"RUB", "USD"}
    assert (
        lg.currency_of(lg.net_positions(book, as_of=DAY, convert_to="USD")["RU"]["USD"].unit)
        == "USD"
    )


def test_bounds_net_by_interval_rules():
    book = lg.example()
    claim = book["ru-claims-tajik-debt"].model_copy(
        update={"amount": lg.Figure.of("300 million USD", "more_than")}
    )
    book = lg.Ledger([claim if e.id == claim.id else e for e in book])
    assert lg.net_balance(book, "TJ", "RU", as_of=DAY).amount == lg.Figure.of(
        "250 million USD", "more_than"
    )
    with pytest.raises(lg.FigureError, match="no central value"):
        lg.settle(book, as_of=DAY)
