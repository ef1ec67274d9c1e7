"""Netting in another currency (issue 12, as a user found it): the claims of each currency are
netted first, exactly, and each currency's net converted once at its one rate, so that an
approximate rate never makes the direction less known than it is in the claims' own currency.
Then the pictures and the notebook face of such a balance: the waterfall and the history turn
round when the creditor owes and draw a range when the direction is unknown; the HTML names
each rate used."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from oracles import holds

import ledger as lg

DAY = date(2020, 6, 1)
SOURCE = lg.Source(publisher="Test", title="Test", date=date(2020, 1, 1))
CBR = lg.Source(publisher="Bank of Russia", title="Official rates", date=date(2020, 1, 1))

HEAD = """
[sources.src]
publisher = "Test"
title = "Test"
date = 2020-01-01
"""

# Russia says Kyrgyzstan owes it 2 to 5 billion roubles; Kyrgyzstan answers with 5 billion.
RANGE_AGAINST_FIVE = (
    HEAD
    + """
[[entries]]
kind = "claim"
id = "ru-claim"
as_of = 2020-01-01
source = "src"
creditor = "RU"
debtor = "KG"
asserted_by = "RU"
qualifier = "range"
low = "2 billion RUB"
high = "5 billion RUB"
quote = "Russia says"

[[entries]]
kind = "claim"
id = "kg-counter"
as_of = 2020-01-01
source = "src"
creditor = "KG"
debtor = "RU"
asserted_by = "KG"
counter_to = "ru-claim"
amount = "5 billion RUB"
quote = "Kyrgyzstan says"
"""
)

# About 10 billion roubles claimed, at most 12 billion answered: the direction is unknown.
ABOUT_AGAINST_AT_MOST = (
    HEAD
    + """
[[entries]]
kind = "claim"
id = "ru-claim"
as_of = 2020-01-01
source = "src"
creditor = "RU"
debtor = "KG"
asserted_by = "RU"
amount = "about 10 billion RUB"
quote = "Russia says"

[[entries]]
kind = "claim"
id = "kg-counter"
as_of = 2020-01-01
source = "src"
creditor = "KG"
debtor = "RU"
asserted_by = "KG"
counter_to = "ru-claim"
amount = "at most 12 billion RUB"
quote = "Kyrgyzstan says"
"""
)

ABOUT_62 = lg.Rate(id="rub-usd-2020", as_of=date(2020, 1, 1), source=CBR, rate="about 62 RUB/USD")


def magnitudes(figure):
    return tuple(None if x is None else Fraction(x) for x in figure.magnitudes)


# -- 1. one rate for every claim of a currency ----------------------------------------------


def test_an_approximate_rate_keeps_the_direction_the_roubles_give():
    book = lg.loads(RANGE_AGAINST_FIVE)
    in_roubles = lg.net_balance(book, "KG", "RU", as_of=DAY)
    assert in_roubles.direction == -1  # Russia owes Kyrgyzstan 0 to 3 billion roubles
    in_dollars = lg.net_balance(book, "KG", "RU", as_of=DAY, convert_to="USD", rates=[ABOUT_62])
    assert in_dollars.direction == -1
    _, low, high = magnitudes(in_dollars.amount)
    assert high == 0  # 0 roubles is 0 dollars at any rate
    assert holds(in_dollars.amount, Fraction(-3 * 10**9, 62))
    assert low <= Fraction(-3 * 10**9, 62) and low > Fraction(-49 * 10**6)
    said = lg.describe(in_dollars)
    assert said.startswith("Russia owes Kyrgyzstan") and "unknown" not in said


def test_a_balance_spanning_zero_converts_as_one_net_not_two_rounded_claims():
    book = lg.loads(ABOUT_AGAINST_AT_MOST)
    in_dollars = lg.net_balance(book, "KG", "RU", as_of=DAY, convert_to="USD", rates=[ABOUT_62])
    assert in_dollars.direction == 0
    for roubles in (-2 * 10**9, 0, 10 * 10**9):
        assert holds(in_dollars.amount, Fraction(roubles, 62))
    # Each claim keeps its own conversion, for the explanation.
    assert [line.conversion.rate.id for line in in_dollars.lines] == ["rub-usd-2020"] * 2
    text = in_dollars.explain()
    assert "about 10000000000 RUB ÷ about 62 RUB/USD" in text
    assert "net in RUB: between about -2000000000 and 10000000000 RUB ÷ about 62" in text


def test_the_explanation_shows_each_currencys_net_converted_once():
    book = lg.loads(RANGE_AGAINST_FIVE)
    balance = lg.net_balance(book, "KG", "RU", as_of=DAY, convert_to="USD", rates=[ABOUT_62])
    text = balance.explain()
    assert "net in RUB: between 0 and 3000000000 RUB ÷ about 62 RUB/USD" in text
    assert "rate rub-usd-2020, spot from 2020-01-01, Bank of Russia" in text
    assert [c.rate.id for c in balance.conversions] == ["rub-usd-2020"]


def test_positions_in_another_currency_keep_the_direction_the_roubles_give():
    book = lg.loads(RANGE_AGAINST_FIVE)
    positions = lg.net_positions(book, as_of=DAY, convert_to="USD", rates=[ABOUT_62])
    _, kg_low, _ = magnitudes(positions["KG"]["USD"])
    _, _, ru_high = magnitudes(positions["RU"]["USD"])
    assert kg_low == 0 and ru_high == 0  # Kyrgyzstan is owed 0 to 3B roubles, never less


def test_settling_in_another_currency_pays_the_net_converted_once():
    # 5 billion roubles less 4.99 billion: 10 million roubles, about $161K at about 62 a dollar;
    # each claim converted and rounded on its own (about $80.6M less about $80.5M) left $200K.
    text = RANGE_AGAINST_FIVE.replace(
        'qualifier = "range"\nlow = "2 billion RUB"\nhigh = "5 billion RUB"',
        'amount = "5 billion RUB"',
    )
    text = text.replace('"5 billion RUB"\nquote = "Kyrgyz', '"4.99 billion RUB"\nquote = "Kyrgyz')
    assert "4.99 billion" in text and "2 billion" not in text
    (transfer,) = lg.settle(lg.loads(text), as_of=DAY, convert_to="USD", rates=[ABOUT_62])
    assert (transfer.payer, transfer.payee) == ("KG", "RU")
    assert str(transfer.amount) == "about 161000 USD"
    assert near(Fraction(transfer.amount.value.magnitude), Fraction(10**7, 62))


# -- the properties --------------------------------------------------------------------------

# Few distinct amounts, so that claims often answer each other exactly (a net of zero).
millions = st.one_of(
    st.integers(min_value=0, max_value=20).map(lambda n: Decimal(n) * 10**8),
    st.integers(min_value=0, max_value=10**6).map(lambda n: Decimal(n) * 10**6),
)


def claims_of(rows):
    """Claims in roubles between KG and RU, one for each row (KG owes?, shape, a, b; shape
    "exact" is a, "range" a to b, "at_most" at most b), and the exact interval of what KG
    owes RU, net, by hand (an "at most" claim is 0 to its bound)."""
    entries, low, high = [], Fraction(0), Fraction(0)
    for i, (kg_owes, shape, a, b) in enumerate(rows):
        creditor, debtor = ("RU", "KG") if kg_owes else ("KG", "RU")
        if shape == "exact":
            amount, ends = lg.Figure.of(f"{a} RUB"), (a, a)
        elif shape == "range":
            amount, ends = lg.Figure.range(f"{a} RUB", f"{b} RUB"), (a, b)
        else:
            amount, ends = lg.Figure.of(f"{b} RUB", "at_most"), (0, b)
        claim = lg.Claim(
            id=f"c{i}",
            as_of=date(2020, 1, 1),
            source=SOURCE,
            creditor=creditor,
            debtor=debtor,
            asserted_by=creditor,
            amount=amount,
        )
        entries.append(claim)
        if kg_owes:
            low, high = low + Fraction(ends[0]), high + Fraction(ends[1])
        else:
            low, high = low - Fraction(ends[1]), high - Fraction(ends[0])
    return entries, low, high


@st.composite
def rouble_claims(draw):
    rows = []
    for _ in range(draw(st.integers(1, 4))):
        a, b = sorted((draw(millions), draw(millions)))
        shape = draw(st.sampled_from(["exact", "range", "at_most"]))
        rows.append((draw(st.booleans()), shape, a, b))
    return claims_of(rows)


# The user's case: 2 to 5 billion against 5 billion (net 0 to 3 billion the other way).
USERS_CASE = claims_of([(True, "range", 2 * 10**9, 5 * 10**9), (False, "exact", 5 * 10**9, 0)])
# Two equal claims each way: a net of exactly zero.
EVEN = claims_of([(True, "exact", 5 * 10**8, 0), (False, "exact", 5 * 10**8, 0)])


rate_digits = st.integers(min_value=1, max_value=200_000).map(lambda n: Decimal(n) / 100)
ROUNDING = Fraction(1, 10**50)  # far coarser than the 60 digits a Decimal product keeps


def near(x, exact):
    return abs(x - exact) <= ROUNDING * max(1, abs(exact))


@given(rouble_claims(), rate_digits, st.booleans())
def test_an_exact_rate_converts_the_net_as_it_converts_each_claim(claims, magnitude, dollars):
    entries, low, high = claims
    # Roubles per dollar (divide) or dollars per rouble (multiply): both exact, one day.
    text = f"{magnitude} RUB/USD" if dollars else f"{magnitude} USD/RUB"
    factor = 1 / Fraction(magnitude) if dollars else Fraction(magnitude)
    rate = lg.Rate(id="one", as_of=date(2020, 1, 1), source=CBR, rate=text)
    book = lg.Ledger(entries, parties={"KG": "Kyrgyzstan", "RU": "Russia"})
    balance = lg.net_balance(book, "KG", "RU", as_of=DAY, convert_to="USD", rates=[rate])
    _, got_low, got_high = magnitudes(balance.amount)
    assert holds(balance.amount, low * factor) and holds(balance.amount, high * factor)
    assert near(got_low, low * factor) and near(got_high, high * factor)


@given(rouble_claims(), rate_digits, rate_digits, st.booleans())
@example(USERS_CASE, Decimal(62), Decimal(62), True)
@example(EVEN, Decimal(62), Decimal(64), False)
def test_an_uncertain_rate_never_makes_the_direction_less_known(claims, one, two, about):
    entries, low, high = claims
    slow, fast = sorted((one, two))
    if about:
        figure, slow = lg.Figure.of(f"{slow} RUB/USD", "about"), slow
        fast = slow
    else:
        figure = lg.Figure.range(f"{slow} RUB/USD", f"{fast} RUB/USD")
    rate = lg.Rate(id="rough", as_of=date(2020, 1, 1), source=CBR, rate=figure)
    book = lg.Ledger(entries, parties={"KG": "Kyrgyzstan", "RU": "Russia"})
    balance = lg.net_balance(book, "KG", "RU", as_of=DAY, convert_to="USD", rates=[rate])
    for net in (low, high):
        for per_dollar in {slow, fast, (slow + fast) / 2}:
            assert holds(balance.amount, net / Fraction(per_dollar))
    _, got_low, got_high = magnitudes(balance.amount)
    if high <= 0:
        assert got_high is not None and got_high <= 0
    if low >= 0:
        assert got_low is not None and got_low >= 0
    in_roubles = lg.net_balance(book, "KG", "RU", as_of=DAY)
    if in_roubles.direction != 0:
        assert balance.direction == in_roubles.direction


@given(rouble_claims(), rate_digits)
@example(USERS_CASE, Decimal(62))
@example(EVEN, Decimal(62))
def test_positions_converted_keep_every_partys_sign(claims, magnitude):
    entries, low, high = claims
    rate = lg.Rate(
        id="rough", as_of=date(2020, 1, 1), source=CBR, rate=f"about {magnitude} RUB/USD"
    )
    book = lg.Ledger(entries, parties={"KG": "Kyrgyzstan", "RU": "Russia"})
    positions = lg.net_positions(book, as_of=DAY, convert_to="USD", rates=[rate])
    _, ru_low, ru_high = magnitudes(positions["RU"]["USD"])  # what RU is owed: KG's net debt
    assert holds(positions["RU"]["USD"], low / Fraction(magnitude))
    assert holds(positions["RU"]["USD"], high / Fraction(magnitude))
    if high <= 0:
        assert ru_high is not None and ru_high <= 0
    if low >= 0:
        assert ru_low is not None and ru_low >= 0


# -- 2. the pictures follow the direction ----------------------------------------------------


@pytest.fixture
def plots():
    pytest.importorskip("matplotlib")
    return lg.plot


def bars(chart):
    """(bottom, height) of each bar drawn, in drawing order."""
    (ax,) = chart.axes
    return [(p.get_y(), p.get_height()) for p in ax.patches]


def title(chart):
    (ax,) = chart.axes
    return ax.get_title()


def texts(chart):
    (ax,) = chart.axes
    found = [t.get_text() for t in ax.texts] + [t.get_text() for t in chart.texts]
    found += [t.get_text() for t in ax.get_xticklabels()]
    return " ".join(found) + " " + ax.get_title()


def test_the_waterfall_turns_round_when_the_creditor_owes(plots):
    chart = plots.netting(lg.loads(RANGE_AGAINST_FIVE), "KG", "RU", as_of=DAY)
    assert title(chart).startswith("Russia → Kyrgyzstan")
    net_bottom, net_height = bars(chart)[-1]
    assert net_bottom == 0 and net_height >= 0  # Russia owes 0 to 3B: never below zero
    assert "RUB0–RUB3B" in texts(chart)
    assert "-RUB" not in texts(chart)


def test_the_waterfall_draws_an_unknown_direction_as_a_range_without_a_net_bar(plots):
    chart = plots.netting(lg.loads(ABOUT_AGAINST_AT_MOST), "KG", "RU", as_of=DAY)
    (ax,) = chart.axes
    assert len(ax.patches) == 3  # the claim, the counterclaim and the net's range
    assert "direction unknown" in texts(chart).lower()
    # Only the claim ("about 10B") has a central value: a solid bar. The counterclaim ("at
    # most 12B", counted as 0..12B) and the net's range, -2B..10B in millions, are drawn from
    # low to high as hollow bars (issue 15: a range is never a solid bar to a middle).
    solid = [(p.get_y(), p.get_height()) for p in ax.patches if p.get_fill()]
    assert solid == [(0.0, 10000.0)]
    hollow = [(p.get_y(), p.get_y() + p.get_height()) for p in ax.patches if not p.get_fill()]
    assert hollow == [(-2000.0, 10000.0), (-2000.0, 10000.0)]


def test_the_history_turns_round_when_the_creditor_owes(plots):
    chart = plots.history(lg.loads(RANGE_AGAINST_FIVE), "KG", "RU", as_of=DAY)
    assert title(chart).startswith("Russia → Kyrgyzstan")
    (ax,) = chart.axes
    ys = [y for coll in ax.collections for path in coll.get_paths() for _, y in path.vertices]
    assert ys and min(ys) >= 0 and max(ys) == 3000.0


def test_a_history_of_one_day_draws_its_one_point(plots):
    chart = plots.history(lg.loads(RANGE_AGAINST_FIVE), "KG", "RU", as_of=DAY)
    (ax,) = chart.axes
    drawn = [line for line in ax.lines if len(line.get_xdata()) and line.get_marker() != "None"]
    band = [coll for coll in ax.collections if any(len(p.vertices) for p in coll.get_paths())]
    assert drawn or band
    # The band spans some width on the date axis, not a line of no width.
    xs = [x for coll in band for path in coll.get_paths() for x, _ in path.vertices]
    assert band and max(xs) > min(xs)


def test_a_history_of_unknown_direction_says_so(plots):
    chart = plots.history(lg.loads(ABOUT_AGAINST_AT_MOST), "KG", "RU", as_of=DAY)
    assert "direction unknown" in texts(chart).lower()


# -- 3. the notebook face names its rates ----------------------------------------------------


def test_a_converted_balances_html_names_each_rate():
    kg = lg.example("kg-ru-2012")
    balance = lg.net_balance(kg, "KG", "RU", as_of=date(2013, 12, 31), convert_to="KGS")
    html = balance._repr_html_()
    (rate,) = {r for line in balance.lines for r in line.conversion.rates}
    assert rate.id in html
    assert rate.source.publisher in html
    assert rate.as_of.isoformat() in html
    assert rate.basis.replace("_", " ") in html


def test_a_rates_words_are_escaped_in_the_html():
    shady = lg.Source(publisher="<b>Bank</b> & co", title="t", date=date(2020, 1, 1))
    rate = lg.Rate(id="r-1", as_of=date(2020, 1, 1), source=shady, rate="about 62 RUB/USD")
    balance = lg.net_balance(
        lg.loads(RANGE_AGAINST_FIVE), "KG", "RU", as_of=DAY, convert_to="USD", rates=[rate]
    )
    html = balance._repr_html_()
    assert "<b>Bank</b>" not in html
    assert "&lt;b&gt;Bank&lt;/b&gt; &amp; co" in html


def test_every_row_of_a_ratios_html_has_as_many_cells():
    import re

    kg = lg.example("kg-ru-2012")
    ratio = lg.debt_to_budget(kg, "KG", as_of=date(2013, 12, 31))
    assert ratio.rates  # a ratio that used a rate
    html = ratio._repr_html_()
    rows = re.findall(r"<tr>(.*?)</tr>", html)
    cells = {len(re.findall(r"<td[ >]", row)) + len(re.findall(r"<th[ >]", row)) for row in rows}
    assert len(cells) == 1, rows
