"""Reductions in plain sight (issue 12, points 2 and 4): a claim as asserted, each write-off,
payment or swap dated with its kind and source, and what is outstanding; and the checks the
API makes itself (parties, currencies, settlements dated before their claim, "at most" claims,
the direction of a balance whose range touches or spans zero).

The ledger is a Kyrgyzstan–Russia style one: a claim of about $489M by Russia dated
2012-09-20, $189M written off the same day, then yearly tranches of $30M."""

import re
from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from oracles import Interval, interval_of, problems

import ledger as lg
from ledger import strategies as lst

DAY = date(2012, 9, 20)
SOURCE = lg.Source(publisher="RFE/RL", title="Russia writes off Kyrgyz debt", date=DAY)
LATER = lg.Source(publisher="Ministry of Finance", title="Tranche paid", date=date(2013, 9, 20))


def claim(amount="489 million USD", qualifier="about", *, id="ru-claim-kg", day=DAY, **more):
    return lg.Claim(
        id=id,
        as_of=day,
        source=SOURCE,
        creditor=more.pop("creditor", "RU"),
        debtor=more.pop("debtor", "KG"),
        asserted_by=more.pop("asserted_by", "RU"),
        amount=lg.Figure.of(amount, qualifier),
        quote="Kyrgyzstan owes Russia about $489 million.",
        **more,
    )


def reduction(id, amount, day, method, claim_id="ru-claim-kg", source=LATER):
    return lg.Settlement(
        id=id,
        as_of=day,
        source=source,
        claim=claim_id,
        amount=lg.Figure.of(amount),
        method=method,
    )


def tranches(years, method="payment"):
    return [
        reduction(f"tranche-{year}", "30 million USD", date(year, 9, 20), method) for year in years
    ]


def kg_ru(*more):
    write_off = reduction("write-off-2012", "189 million USD", DAY, "write_off", source=SOURCE)
    return lg.Ledger([claim(), write_off, *more])


THREE = kg_ru(*tranches([2013, 2014, 2015]))
ALL = kg_ru(*tranches(range(2013, 2023), "write_off"))


def describe(book, day, locale="en_US", debtor="KG", creditor="RU", **choices):
    balance = lg.net_balance(book, debtor, creditor, as_of=day, **choices)
    return lg.describe(balance, locale)


# -- 1. describe, explain, HTML ----------------------------------------------------------------


def test_describe_shows_the_claim_as_asserted_the_write_off_and_what_is_outstanding():
    text = describe(kg_ru(), date(2012, 12, 31))
    assert text == (
        "Kyrgyzstan owes Russia about $300M net: Russia's claim of about $489M less $189M "
        "written off (2012-09-20): about $300M outstanding."
    )


def test_describe_groups_like_tranches_and_dates_each():
    text = describe(THREE, date(2016, 1, 1))
    assert text == (
        "Kyrgyzstan owes Russia about $210M net: Russia's claim of about $489M less $189M "
        "written off (2012-09-20) and 3 × $30M paid (2013-09-20, 2014-09-20, 2015-09-20): "
        "about $210M outstanding."
    )


def test_a_reduction_after_the_day_asked_is_not_mentioned():
    text = describe(THREE, date(2013, 12, 31))
    assert "2014-09-20" not in text and "2013-09-20" in text
    assert "about $270M outstanding" in text


def test_a_claim_reduced_in_full_says_so_and_never_owes_about_zero():
    text = describe(ALL, date(2023, 1, 1))
    assert "$0" not in text
    assert text.startswith("Kyrgyzstan owes Russia nothing outstanding: Russia's claim of about ")
    assert "written off in full by 2022-09-20" in text
    assert "10 × $30M written off (2013-09-20, " in text


def test_mixed_reductions_in_full_say_settled():
    book = kg_ru(*tranches(range(2013, 2023)))  # payments after a write-off
    text = describe(book, date(2023, 1, 1))
    assert "settled in full by 2022-09-20" in text


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        ("ru_RU", ["списано", "выплачено", "осталось", "2012-09-20"]),
        ("tg_TJ", ["бахшида", "пардохта", "боқӣ", "2012-09-20"]),
    ],
)
def test_describe_reductions_in_russian_and_tajik(locale, words):
    text = describe(kg_ru(*tranches([2013])), date(2014, 1, 1), locale)
    for word in words:
        assert word in text, (word, text)
    assert "written off" not in text and "outstanding" not in text


@pytest.mark.parametrize(
    ("locale", "word"), [("en_US", "in full"), ("ru_RU", "полностью"), ("tg_TJ", "пурра")]
)
def test_in_full_in_each_language(locale, word):
    assert word in describe(ALL, date(2023, 1, 1), locale)


def test_explain_lists_each_reduction_with_its_kind_date_and_source():
    text = lg.net_balance(THREE, "KG", "RU", as_of=date(2016, 1, 1)).explain()
    assert "as asserted: about 489000000 USD" in text
    assert "- 189000000 USD  write-off-2012: write_off, 2012-09-20 (RFE/RL, 2012-09-20)" in text
    for year in (2013, 2014, 2015):
        assert (
            f"- 30000000 USD  tranche-{year}: payment, {year}-09-20 "
            "(Ministry of Finance, 2013-09-20)"
        ) in text
    assert "= about 210000000 USD outstanding" in text


def test_net_line_names_its_reductions_in_date_order():
    balance = lg.net_balance(THREE, "KG", "RU", as_of=date(2016, 1, 1))
    (line,) = balance.lines
    assert [s.id for s in line.reductions] == [
        "write-off-2012",
        "tranche-2013",
        "tranche-2014",
        "tranche-2015",
    ]
    assert str(line.asserted) == "about 489000000 USD"
    assert str(line.outstanding) == "about 210000000 USD"


def test_html_lists_each_settlement_beside_the_claim_as_asserted():
    from ledger.display import balance_html

    html = balance_html(lg.net_balance(THREE, "KG", "RU", as_of=date(2016, 1, 1)))
    assert "about $489M" in html and "about $210M" in html
    for entry in ("write-off-2012", "tranche-2013", "tranche-2014", "tranche-2015"):
        assert entry in html
    assert "written off" in html and "Ministry of Finance" in html
    assert "as asserted" in html


def test_status_written_off_says_so():
    book = lg.Ledger([claim(status="written_off")])
    text = describe(book, date(2013, 1, 1))
    assert "$0" not in text
    assert "marked written off" in text


# -- 2. the waterfall and the history ----------------------------------------------------------


def _bars(chart):
    (ax,) = chart.axes
    return [(round(p.get_y(), 3), round(p.get_height(), 3)) for p in ax.patches]


def _ticks(chart):
    (ax,) = chart.axes
    return [t.get_text() for t in ax.get_xticklabels()]


def test_waterfall_draws_the_claim_each_reduction_and_the_net():
    pytest.importorskip("matplotlib")
    chart = lg.plot.netting(THREE, "KG", "RU", as_of=date(2016, 1, 1))
    assert _bars(chart) == [
        (0.0, 489.0),
        (489.0, -189.0),
        (300.0, -90.0),  # like tranches, one step: "3 × $30M paid"
        (0.0, 210.0),
    ]
    ticks = _ticks(chart)
    assert ticks[0].startswith("ru-claim-kg")
    assert "written off" in ticks[1] and "2012-09-20" in ticks[1]
    assert "3 × $30M paid" in ticks[2] and "2013-09-20 … 2015-09-20" in ticks[2]


def test_waterfall_of_a_claim_reduced_in_full_is_not_empty():
    pytest.importorskip("matplotlib")
    chart = lg.plot.netting(ALL, "KG", "RU", as_of=date(2023, 1, 1))
    bars = _bars(chart)
    assert bars[0] == (0.0, 489.0) and len(bars) == 1 + 1 + 1 + 1  # ten like tranches, one step
    assert bars[-1] == (0.0, 0.0)
    (ax,) = chart.axes
    _, high = ax.get_ylim()
    assert high >= 489


def test_history_draws_what_is_outstanding_at_each_step():
    pytest.importorskip("matplotlib")
    chart = lg.plot.history(THREE, "KG", "RU", as_of=date(2016, 1, 1))
    (ax,) = chart.axes
    (line,) = [line for line in ax.get_lines() if line.get_label() == "net"]
    # The last balance holds until the day asked: its step runs on to 2016-01-01.
    assert [round(y, 3) for y in line.get_ydata()] == [300.0, 270.0, 240.0, 210.0, 210.0]


def test_net_history_answers_at_each_date_a_claim_or_reduction_counts_from():
    found = lg.net_history(THREE, "KG", "RU", as_of=date(2014, 12, 31))
    assert [(b.as_of, str(b.amount)) for b in found] == [
        (date(2012, 9, 20), "about 300000000 USD"),
        (date(2013, 9, 20), "about 270000000 USD"),
        (date(2014, 9, 20), "about 240000000 USD"),
    ]


# -- 3. checks in the API ----------------------------------------------------------------------


@pytest.mark.parametrize("call", ["net_balance", "plot"])
def test_a_party_in_no_claim_is_refused_naming_the_ledgers_parties(call):
    with pytest.raises(lg.LedgerError, match=r"'KZ' appears in no claim.*KG, RU"):
        if call == "plot":
            pytest.importorskip("matplotlib")
            lg.plot.netting(THREE, "KZ", "RU")
        else:
            lg.net_balance(THREE, "KZ", "RU")


def test_malformed_and_lower_case_parties_are_refused_with_what_is_accepted():
    with pytest.raises(lg.LedgerError, match="'XX' is not an ISO 3166"):
        lg.net_balance(THREE, "XX", "RU")
    with pytest.raises(lg.LedgerError, match=r"codes are upper-case: 'KG'"):
        lg.net_balance(THREE, "KG", "kg")
    with pytest.raises(lg.LedgerError, match="a balance is between two parties"):
        lg.net_balance(THREE, "KG", "KG")


@pytest.mark.parametrize("call", [lg.net_positions, lg.settle])
def test_positions_and_settle_refuse_an_asserter_in_no_claim(call):
    with pytest.raises(lg.LedgerError, match=r"asserted_by: 'KZ' appears in no claim"):
        call(THREE, asserted_by="KZ")
    with pytest.raises(lg.LedgerError, match="not an ISO 3166"):
        call(THREE, asserted_by="XX")


def test_a_currency_with_no_claims_between_the_pair_is_an_error_in_words():
    with pytest.raises(lg.LedgerError, match=r"no claim between KG and RU is in EUR.*USD"):
        lg.net_balance(THREE, "KG", "RU", currency="EUR")
    with pytest.raises(lg.LedgerError, match="not an ISO 4217 code"):
        lg.net_balance(THREE, "KG", "RU", currency="")


def test_a_currency_with_claims_only_later_answers_zero_in_it():
    balance = lg.net_balance(THREE, "KG", "RU", as_of=date(2000, 1, 1), currency="USD")
    assert str(balance.amount) == "0 USD"


def test_a_settlement_dated_before_its_claim_is_refused_by_ledger():
    early = reduction("early", "30 million USD", date(2012, 1, 1), "payment")
    with pytest.raises(lg.LedgerFileError) as caught:
        lg.Ledger([claim(), early])
    text = str(caught.value)
    assert "early" in text and "as_of" in text
    assert "2012-01-01" in text and "2012-09-20" in text and "ru-claim-kg" in text


def test_a_settlement_dated_before_its_claim_is_refused_at_load():
    text = """
[sources.s]
publisher = "RFE/RL"
title = "Doc"
date = 2012-09-20

[[entries]]
kind = "claim"
id = "ru-claim-kg"
as_of = 2012-09-20
source = "s"
creditor = "RU"
debtor = "KG"
asserted_by = "RU"
amount = "489 million USD"

[[entries]]
kind = "settlement"
id = "too-early"
as_of = 2011-09-20
source = "s"
claim = "ru-claim-kg"
amount = "30 million USD"
method = "payment"
"""
    with pytest.raises(lg.LedgerFileError) as caught:
        lg.loads(text, name="kg.toml")
    (problem,) = caught.value.problems
    assert problem.file == "kg.toml"
    assert "too-early" in problem.entry and problem.field == "as_of"
    assert "before the claim it settles" in problem.message


@pytest.mark.parametrize("settled", [False, True])
def test_an_at_most_claim_is_clamped_at_zero_with_or_without_a_settlement(settled):
    entries = [claim("10 million USD", "at_most", debtor="TJ")]
    if settled:
        entries.append(reduction("s", "1 million USD", DAY, "payment"))
    book = lg.Ledger(entries)
    amount = lg.net_balance(book, "TJ", "RU", as_of=DAY).amount
    assert amount.low is not None and amount.low.magnitude == 0
    position = lg.net_positions(book, as_of=DAY)["RU"]["USD"]
    assert position.low is not None and position.low.magnitude == 0
    assert lg.outstanding(book["ru-claim-kg"]).low.magnitude == 0


def _range_ledger(low, high):
    return lg.Ledger(
        [
            lg.Claim(
                id="ru-claim-tj",
                as_of=DAY,
                source=SOURCE,
                creditor="RU",
                debtor="TJ",
                asserted_by="RU",
                amount=lg.Figure.range(lg.money(low, "USD"), lg.money(high, "USD")),
            ),
            lg.Claim(
                id="tj-claim-ru",
                as_of=DAY,
                source=SOURCE,
                creditor="TJ",
                debtor="RU",
                asserted_by="TJ",
                amount=lg.Figure.of(lg.money(10_000_000, "USD")),
            ),
        ]
    )


def test_a_range_touching_zero_states_the_direction_its_non_zero_side_gives():
    book = _range_ledger(0, 10_000_000)  # RU's claim 0–10M less TJ's 10M: TJ owes -10M–0
    for first, second in (("TJ", "RU"), ("RU", "TJ")):
        text = describe(book, DAY, debtor=first, creditor=second)
        assert text.startswith("Russia owes Tajikistan $0–$10M net"), text
        assert "-" not in text.split(":")[0]


@pytest.mark.parametrize(
    ("locale", "words"),
    [("en_US", "direction unknown"), ("ru_RU", "направление неизвестно"), ("tg_TJ", "самт")],
)
def test_a_range_spanning_zero_says_direction_unknown(locale, words):
    book = _range_ledger(5_000_000, 20_000_000)  # TJ owes RU between -5M and 10M
    text = describe(book, DAY, locale, debtor="TJ", creditor="RU")
    assert words in text.lower()


def test_direction_unknown_states_both_sides_as_positive_amounts():
    book = _range_ledger(5_000_000, 20_000_000)
    text = describe(book, DAY, debtor="TJ", creditor="RU")
    assert text.startswith(
        "Direction unknown: Tajikistan may owe Russia at most $10M net, or Russia may owe "
        "Tajikistan at most $5M:"
    ), text


# -- 4. properties -----------------------------------------------------------------------------

AMOUNTS = st.integers(min_value=1, max_value=500)
YEARS = st.integers(min_value=2012, max_value=2030)
METHODS = st.sampled_from(["payment", "write_off", "asset_transfer", "debt_swap"])
QUALIFIERS = st.sampled_from(["exact", "about", "at_most", "at_least", "more_than"])


@st.composite
def reduced_ledgers(draw):
    total = draw(st.integers(min_value=1, max_value=2000))
    qualifier = draw(QUALIFIERS)
    entries = [claim(lg.money(total, "USD"), qualifier, debtor="KG")]
    paid = 0
    for index in range(draw(st.integers(min_value=0, max_value=6))):
        amount = draw(AMOUNTS)
        if qualifier not in ("at_least", "more_than") and paid + amount > total:
            break  # loading refuses settlements above the claim's upper bound
        paid += amount
        year = draw(YEARS)
        entries.append(
            reduction(f"r{index}", lg.money(amount, "USD"), date(year, 9, 20), draw(METHODS))
        )
    return lg.Ledger(draw(st.permutations(entries)))


def _oracle_outstanding(book, day):
    """Claim less every reduction dated on or before ``day``, never below zero: Fraction ends
    in a plain loop."""
    (asserted,) = [e for e in book if e.kind == "claim"]
    interval = interval_of(asserted.amount)
    for entry in book:
        if entry.kind == "settlement" and entry.as_of <= day:
            amount = Fraction(entry.amount.value.magnitude)
            interval = interval - Interval.point(amount)
    return interval.at_least_zero()


@settings(max_examples=60, deadline=None)
@given(reduced_ledgers(), YEARS)
def test_every_reduction_that_counts_is_explained_and_described(book, year):
    day = date(year, 12, 31)
    balance = lg.net_balance(book, "KG", "RU", as_of=day)
    explained = balance.explain()
    text = lg.describe(balance)
    counting = [e for e in book if e.kind == "settlement" and e.as_of <= day]
    shown = [s.id for line in balance.lines for s in line.reductions]
    assert sorted(shown) == sorted(e.id for e in counting)
    for entry in counting:
        assert f"{entry.id}: {entry.method}, {entry.as_of.isoformat()}" in explained
        assert entry.as_of.isoformat() in text
    for entry in book:
        if entry.kind == "settlement" and entry.as_of > day:
            assert entry.id not in explained


@settings(max_examples=60, deadline=None)
@given(reduced_ledgers(), YEARS)
def test_outstanding_is_the_claim_less_what_counts_clamped_at_zero(book, year):
    day = date(year, 12, 31)
    truth = _oracle_outstanding(book, day)
    (line,) = lg.net_balance(book, "KG", "RU", as_of=day).lines
    assert problems(line.outstanding, truth) == []
    assert problems(lg.net_balance(book, "KG", "RU", as_of=day).amount, truth) == []
    assert problems(lg.net_positions(book, as_of=day)["RU"]["USD"], truth) == []


@settings(max_examples=60, deadline=None)
@given(reduced_ledgers(), YEARS, st.sampled_from(["en_US", "ru_RU", "tg_TJ"]))
def test_describe_never_states_a_negative_amount_owed(book, year, locale):
    text = describe(book, date(year, 12, 31), locale)
    undated = re.sub(r"\d{4}-\d{2}-\d{2}", "", text)
    assert "-" not in undated and "\u2212" not in undated, text


GENERATED = lst.ledgers(
    min_entries=1, kinds=("claim", "settlement"), currencies=("USD",), parties=("RU", "TJ", "KG")
)


def _pair_of(book, data):
    claims = book.claims()
    if not claims:
        return None
    first = data.draw(st.sampled_from(claims))
    return first.debtor, first.creditor


@settings(max_examples=80, deadline=None)
@given(
    GENERATED, st.sampled_from([date(1995, 1, 1), date(2010, 1, 1), date(2100, 1, 1)]), st.data()
)
def test_generated_ledgers_show_every_reduction_and_no_negative_amount_owed(book, day, data):
    pair = _pair_of(book, data)
    if pair is None:
        return
    balance = lg.net_balance(book, *pair, as_of=day)
    explained, text = balance.explain(), lg.describe(balance)
    between = {c.id for c in book.claims() if {c.creditor, c.debtor} == set(pair)}
    for entry in book:
        if entry.kind == "settlement" and entry.claim in between:
            counts = entry.as_of <= day
            assert (f"{entry.id}: {entry.method}, {entry.as_of.isoformat()}" in explained) is counts
            if counts:
                assert entry.as_of.isoformat() in text
    undated = re.sub(r"\d{4}-\d{2}-\d{2}", "", text)
    for party in pair:  # a name from the file's parties table may hold a dash ("-")
        undated = undated.replace(lg.party_name(party, "en_US", book.parties), "")
    assert "-" not in undated and "\u2212" not in undated, text
