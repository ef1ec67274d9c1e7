"""Positions netted over the ledger's columns are the positions the figure path gives
(issue 14): the same figure to the digit, qualifier, places, flags and text, on ledgers of
every shape, status, asserter, date and settlement.

Two oracles, neither the code under test: the figure path written out with the public
arithmetic (exact claims summed as Decimals, every other claim's outstanding amount added
with ``+`` in the order of their ids, the debtor's negated), and exact rational sums of
central values and bounds (``oracles.positions_of``)."""

import functools
import operator
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal, localcontext

from hypothesis import given, settings
from hypothesis import strategies as st
from oracles import net_problems, positions_of

import ledger as lg
from ledger import strategies as lst

DAY = date(2004, 3, 15)
DAYS = tuple(DAY + timedelta(days=30 * k) for k in range(4))
SOURCE = lg.Source(publisher="generated", title="generated", date=DAY)
PARTIES = ("RU", "TJ", "KZ")
STATUSES = ("asserted", "acknowledged", "disputed", "settled", "written_off")
ZERO_STATUSES = {"settled", "written_off"}
SHAPES = ("exact", "exact", "about", "about", "about", "estimated", "range", "range")
SHAPES += ("at_least", "more_than", "at_most")
# Few numbers, written with different places: sums that cancel on the way (1.50 - 1.5) and
# sums whose places differ from their terms' are common, not one in a million.
NUMBERS = ("0", "1.5", "1.50", "1.5", "2", "3E+2", "300", "0.125", "1000000.01")


def _usd(text, currency="USD"):
    return lg.money(Decimal(text), currency)


@st.composite
def _amounts(draw, currency):
    shape = draw(st.sampled_from(SHAPES))
    first = draw(st.sampled_from(NUMBERS))
    if shape != "range":
        return lg.Figure.of(_usd(first, currency), shape)
    second = str(Decimal(first) + Decimal(draw(st.sampled_from(NUMBERS))))
    central = draw(st.booleans())  # a central value at the lower end, which is then in
    closed = central or Decimal(first) == Decimal(second)
    return lg.Figure.range(
        _usd(first, currency),
        _usd(second, currency),
        approximate=draw(st.booleans()),
        low_inclusive=closed or draw(st.booleans()),
        high_inclusive=Decimal(first) == Decimal(second) or draw(st.booleans()),
        value=_usd(first, currency) if central else None,
    )


@st.composite
def mixed_ledgers(draw, currencies=("USD", "USD", "RUB")):
    """Claims among three parties in two currencies, of every shape and status, dated over
    three months, and settlements of some of them dated on or after their claim."""
    entries = []
    for index in range(draw(st.integers(1, 12))):
        creditor, debtor = draw(st.permutations(PARTIES))[:2]
        currency = draw(st.sampled_from(currencies))
        amount = draw(_amounts(currency))
        # Often a counterclaim of the same amount: sums that cancel on the way.
        for mirror in range(draw(st.sampled_from([1, 1, 2]))):
            entries.append(
                lg.Claim(
                    id=f"c{draw(st.integers(0, 99)):02d}-{index}-{mirror}",
                    as_of=draw(st.sampled_from(DAYS)),
                    source=SOURCE,
                    creditor=debtor if mirror else creditor,
                    debtor=creditor if mirror else debtor,
                    amount=amount,
                    asserted_by=draw(st.sampled_from([creditor, debtor])),
                    status=draw(st.sampled_from(STATUSES)),
                )
            )
    claims = list(entries)
    paid = defaultdict(int)
    for index in range(draw(st.integers(0, 4))):
        claim = draw(st.sampled_from(claims))
        high = claim.amount.high
        if high is None or high.magnitude < paid[claim.id] + 1:
            continue
        paid[claim.id] += 1
        entries.append(
            lg.Settlement(
                id=f"s{index}",
                as_of=draw(st.sampled_from([d for d in DAYS if d >= claim.as_of])),
                source=SOURCE,
                claim=claim.id,
                amount=lg.Figure.of(lg.money(Decimal(1), claim.currency), "exact"),
                method="payment",
            )
        )
    return lg.Ledger(draw(st.permutations(entries)))


def figure_path(book, day, statuses=None, asserters=None):
    """Positions as the figure path defines them, with public arithmetic only."""
    settled = defaultdict(list)
    for settlement in book.settlements(as_of=day):
        settled[settlement.claim].append(settlement)
    exact = {}
    slow = []
    for claim in book.claims(as_of=day):
        if (statuses is not None and claim.status not in statuses) or (
            asserters is not None and claim.asserted_by not in asserters
        ):
            continue
        value = claim.amount.exact_magnitude
        if value is None or claim.status in ZERO_STATUSES or claim.id in settled:
            slow.append(claim)
            continue
        with localcontext(prec=400):
            for party, sign in ((claim.creditor, 1), (claim.debtor, -1)):
                key = (party, claim.currency)
                exact[key] = exact.get(key, Decimal(0)) + sign * value
    terms = defaultdict(list)
    for claim in sorted(slow, key=lambda claim: claim.id):
        left = lg.outstanding(claim, settled.get(claim.id, ()))
        terms[claim.creditor, claim.currency].append(left)
        terms[claim.debtor, claim.currency].append(-left)
    positions = defaultdict(dict)
    for (party, code), total in exact.items():
        positions[party][code] = lg.Figure.of(lg.money(total, code))
    for (party, code), figures in terms.items():
        figure = functools.reduce(operator.add, figures)
        held = positions[party].get(code)
        positions[party][code] = figure if held is None else held + figure
    return {party: dict(sorted(held.items())) for party, held in sorted(positions.items())}


def same(a, b):
    """Whether two figures are the same to the digit: equal, and alike in every part a reader
    or a file sees (the exponent of each number, qualifier, places, flags, text)."""
    return (
        a == b
        and repr(a.magnitudes) == repr(b.magnitudes)
        and (a.qualifier, a.places, a.approximate) == (b.qualifier, b.places, b.approximate)
        and (a.low_inclusive, a.high_inclusive) == (b.low_inclusive, b.high_inclusive)
        and str(a) == str(b)
        and lg.format_figure(a, "ru_RU") == lg.format_figure(b, "ru_RU")
    )


def assert_same_positions(found, expected):
    assert list(found) == list(expected)
    for party, held in expected.items():
        assert list(found[party]) == list(held)
        for code, figure in held.items():
            assert same(found[party][code], figure), (party, code, found[party][code], figure)


@settings(max_examples=400)
@given(mixed_ledgers(), st.sampled_from(DAYS))
def test_positions_are_the_figure_paths_to_the_digit(book, day):
    assert_same_positions(lg.net_positions(book, as_of=day), figure_path(book, day))


@given(
    mixed_ledgers(),
    st.sampled_from(DAYS),
    st.sets(st.sampled_from(STATUSES), min_size=1),
    st.sets(st.sampled_from(PARTIES), min_size=1),
)
def test_positions_of_some_statuses_and_asserters_are_the_figure_paths(
    book, day, statuses, asserters
):
    known = {c.asserted_by for c in book.claims()} | {c.creditor for c in book.claims()}
    known |= {c.debtor for c in book.claims()}
    asserters &= known
    if not asserters:
        asserters = {next(iter(known))}
    found = lg.net_positions(book, as_of=day, statuses=statuses, asserted_by=asserters)
    assert_same_positions(found, figure_path(book, day, statuses, asserters))


@given(mixed_ledgers(), st.sampled_from(DAYS))
def test_asking_again_and_on_other_days_gives_the_same_positions(book, day):
    """The ledger's columns are made once: a later call, on any day, is not led astray."""
    first = lg.net_positions(book, as_of=DAYS[-1])
    assert_same_positions(lg.net_positions(book, as_of=day), figure_path(book, day))
    assert_same_positions(lg.net_positions(book, as_of=DAYS[-1]), first)


@given(mixed_ledgers(currencies=("USD",)), st.sampled_from(DAYS))
def test_positions_hold_what_exact_sums_of_the_claims_allow(book, day):
    """The independent oracle: exact rational sums of each claim's outstanding interval."""
    positions = lg.net_positions(book, as_of=day)
    expected = positions_of(list(book), day)
    assert set(positions) == set(expected)
    for party, net in expected.items():
        assert not net_problems(positions[party]["USD"], net)


@given(
    lst.ledgers(kinds=("claim", "settlement"), currencies=("USD", "EUR"), max_entries=20),
    st.sampled_from(DAYS),
)
def test_positions_of_generated_ledgers_are_the_figure_paths(book, day):
    assert_same_positions(lg.net_positions(book, as_of=day), figure_path(book, day))


def test_a_sum_that_passes_through_zero_is_written_afresh():
    """RU is owed about 1.50, owes about 1.50, is owed about 2: the figure path's running sum
    is a plain 0 after the first two, so the last term alone decides how the sum is
    written: 2, not 2.00."""
    book = lg.Ledger(
        [
            lg.Claim(
                id=id,
                as_of=DAY,
                source=SOURCE,
                creditor=creditor,
                debtor=debtor,
                asserted_by=creditor,
                amount=lg.Figure.of(_usd(amount), "about"),
            )
            for id, creditor, debtor, amount in [
                ("c1", "RU", "TJ", "1.50"),
                ("c2", "TJ", "RU", "1.50"),
                ("c3", "RU", "KZ", "2"),
            ]
        ]
    )
    held = lg.net_positions(book, as_of=DAY)["RU"]["USD"]
    assert repr(held.magnitudes) == repr((Decimal("2"),) * 3)
    assert (str(held), held.places) == ("about 2 USD", None)


def test_settle_on_the_columns_pays_what_the_figure_path_owes():
    book = lg.Ledger(
        [
            lg.Claim(
                id=f"c{i}",
                as_of=DAY,
                source=SOURCE,
                creditor=creditor,
                debtor=debtor,
                asserted_by=creditor,
                amount=lg.Figure.of(_usd(amount), shape),
            )
            for i, (creditor, debtor, amount, shape) in enumerate(
                [
                    ("RU", "TJ", "300.50", "about"),
                    ("TJ", "RU", "50", "exact"),
                    ("KZ", "TJ", "20.25", "estimated"),
                    ("RU", "KZ", "10", "exact"),
                ]
            )
        ]
    )
    # RU: +about 300.50 - 50 + 10 = about 260.50; TJ: -about 300.50 + 50 - estimated 20.25 =
    # about -270.75; KZ: estimated 20.25 - 10 = about 10.25.
    assert [str(t) for t in lg.settle(book, as_of=DAY)] == [
        "TJ pays RU about 260.50 USD",
        "TJ pays KZ about 10.25 USD",
    ]


def test_a_ledger_derives_a_thing_once_and_a_grown_ledger_afresh():
    def claim(id):
        return lg.Claim(
            id=id,
            as_of=DAY,
            source=SOURCE,
            creditor="RU",
            debtor="TJ",
            asserted_by="RU",
            amount=lg.Figure.of(_usd("1")),
        )

    made = []

    def count(book):
        made.append(book)
        return len(book)

    book = lg.Ledger([claim("a")])
    assert book.derived("count", count) == book.derived("count", count) == 1
    assert made == [book]
    grown = book + claim("b")
    assert grown.derived("count", count) == 2
    assert lg.net_positions(grown, as_of=DAY)["RU"]["USD"] == lg.Figure.of(_usd("2"))
    assert lg.net_positions(book, as_of=DAY)["RU"]["USD"] == lg.Figure.of(_usd("1"))
