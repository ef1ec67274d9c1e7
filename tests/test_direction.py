"""Who owes whom, said soundly everywhere (issue 12, point 4, as a user found it): a net debt
ratio or a balance whose range spans zero says the direction is unknown, one that is never
positive says the other side owes (a net creditor), never a negative amount owed; a claim is
said as its source asserted it ("at most RUB12B", "$488.9M" before its converted value); an
exact zero stays exact through a product or a quotient; "estimated" stays "estimated".

The ledger is the one a user wrote by hand: Russia's claim of about 10 billion roubles, less a
write-off and a payment, and Kyrgyzstan's counterclaim of at most 12 billion roubles, a budget
in som and rates of the som and the rouble to the dollar."""

import math
from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ledger as lg
from ledger import strategies as lst

SOURCE = lg.Source(publisher="Azattyk", title="Debt piece", date=date(2014, 2, 1))
MINE = """
[sources.azattyk]
publisher = "Azattyk"
title = "Debt piece"
date = 2014-02-01

[[entries]]
kind = "claim"
id = "ru-claim-rub"
as_of = 2013-01-01
source = "azattyk"
creditor = "RU"
debtor = "KG"
asserted_by = "RU"
amount = "about 10 billion RUB"

[[entries]]
kind = "claim"
id = "kg-counter-atmost"
as_of = 2013-06-01
source = "azattyk"
creditor = "KG"
debtor = "RU"
asserted_by = "KG"
amount = "at most 12 billion RUB"
counter_to = "ru-claim-rub"

[[entries]]
kind = "budget"
id = "kg-budget-2013"
as_of = 2013-01-01
source = "azattyk"
party = "KG"
amount = "100 billion KGS/year"
fiscal_year = 2013

[[entries]]
kind = "rate"
id = "kgs-usd-about"
as_of = 2013-01-01
source = "azattyk"
rate = "about 47 KGS/USD"

[[entries]]
kind = "rate"
id = "rub-usd-spot"
as_of = 2013-06-30
source = "azattyk"
rate = "32.7 RUB/USD"

[[entries]]
kind = "settlement"
id = "wo-1"
as_of = 2013-09-01
source = "azattyk"
claim = "ru-claim-rub"
amount = "2 billion RUB"
method = "write_off"

[[entries]]
kind = "settlement"
id = "pay-1"
as_of = 2014-01-15
source = "azattyk"
claim = "ru-claim-rub"
amount = "1 billion RUB"
method = "payment"
"""
DAY = date(2014, 6, 1)
LOCALES = ("en_US", "ru_RU", "tg_TJ")


def mine():
    return lg.loads(MINE)


def claim(id, creditor, debtor, amount):
    return lg.Claim(
        id=id,
        as_of=date(2013, 1, 1),
        source=SOURCE,
        creditor=creditor,
        debtor=debtor,
        asserted_by=creditor,
        amount=amount,
    )


def budget(amount):
    return lg.Budget(id="b", as_of=date(2013, 1, 1), source=SOURCE, party="KG", amount=amount)


# -- 1. a net debt ratio in the direction its figure gives -------------------------------------


def test_a_net_debt_ratio_spanning_zero_says_the_direction_is_unknown():
    ratio = lg.debt_to_budget(mine(), "KG", net=True, as_of=DAY, via="USD")
    assert ratio.value.low.magnitude < 0 < ratio.value.high.magnitude  # the user's case
    assert lg.describe(ratio) == (
        "Direction unknown: Kyrgyzstan's net debt may be at most 0.11 years (approximate) of its "
        "budget, or Kyrgyzstan may be a net creditor by at most 0.08 years (approximate) of "
        "its budget (2013)."  # a debt of 2014-06-01 against the budget of 2013
    )  # bounds 0.1006 and 0.0719 rounded outward: "at most 0.1" would not be true
    for locale in LOCALES:
        text = lg.describe(ratio, locale)
        assert "-0" not in text and "−0" not in text, text
    assert lg.describe(ratio, "ru_RU").startswith("Направление неизвестно")
    assert lg.describe(ratio, "tg_TJ").startswith("Самт номаълум")
    html = ratio._repr_html_()
    assert "Direction unknown" in html and "-0.07" not in html


def test_explain_of_a_net_debt_ratio_says_what_a_negative_net_debt_means():
    spanning = lg.debt_to_budget(mine(), "KG", net=True, as_of=DAY, via="USD").explain()
    first, second = spanning.splitlines()[:2]
    assert first.startswith(
        "debt to budget for KG, the budget of 2013, as of 2014-06-01: between about -0.072"
    )
    assert second == (
        "  direction unknown: below zero, KG is owed more than it owes (a net creditor)"
    )
    creditor = net_debt_of(
        claim("ru", "RU", "KG", "10 billion RUB"), claim("kg", "KG", "RU", "30 billion RUB")
    ).explain()
    assert creditor.splitlines()[1] == "  below zero: KG is owed more than it owes (a net creditor)"
    owing = net_debt_of(claim("ru", "RU", "KG", "10 billion RUB")).explain()
    assert "net creditor" not in owing


def net_debt_of(*claims):
    book = lg.Ledger([*claims, budget("100 billion RUB/year")])
    return lg.debt_to_budget(book, "KG", net=True, as_of=DAY)


def test_a_negative_net_debt_says_the_party_is_a_net_creditor():
    ratio = net_debt_of(
        claim("ru", "RU", "KG", "10 billion RUB"), claim("kg", "KG", "RU", "30 billion RUB")
    )
    assert lg.describe(ratio) == (
        "Kyrgyzstan is a net creditor: what it is owed, net, is 0.2 years of its budget (2013)."
    )
    for locale in LOCALES:
        assert "-0,2" not in lg.describe(ratio, locale) and "-0.2" not in lg.describe(ratio, locale)


def test_a_net_debt_touching_zero_takes_the_direction_of_its_non_zero_side():
    ratio = net_debt_of(
        claim("ru", "RU", "KG", lg.Figure.range("20 billion RUB", "50 billion RUB")),
        claim("kg", "KG", "RU", "50 billion RUB"),
    )
    assert lg.describe(ratio) == (
        "Kyrgyzstan is a net creditor: what it is owed, net, is 0–0.3 years of its budget (2013)."
    )
    positive = net_debt_of(claim("ru", "RU", "KG", "10 billion RUB"))
    assert lg.describe(positive) == "Kyrgyzstan's net debt is 0.1 years of its budget (2013)."


# -- 2. explain() and the HTML headline --------------------------------------------------------


def headline(book, debtor="KG", creditor="RU", day=DAY, **choices):
    return lg.net_balance(book, debtor, creditor, as_of=day, **choices).explain().splitlines()[0]


def test_explain_of_a_balance_spanning_zero_says_the_direction_is_unknown():
    book = mine()
    first = headline(book, convert_to="KGS", via="USD")
    assert first == (
        "direction unknown, as of 2014-06-01: KG may owe RU, net, at most 10100000000 KGS, "
        "approximate; or RU may owe KG at most 7200000000 KGS, approximate"
    )
    assert "-" not in headline(book).split(": ", 1)[1]


def test_explain_of_a_balance_that_is_never_positive_turns_it_round():
    book = lg.Ledger(
        [
            claim("c4", "RU", "KG", lg.Figure.range("2 billion RUB", "5 billion RUB")),
            claim("c5", "KG", "RU", "5 billion RUB"),
        ]
    )
    day = date(2014, 1, 1)
    expected = "RU owes KG, net, as of 2014-01-01: between 0 and 3000000000 RUB"
    assert headline(book, "KG", "RU", day) == expected
    assert headline(book, "RU", "KG", day) == expected


def test_explain_of_an_at_most_claim_asked_the_other_way_owes_no_negative_amount():
    book = lg.Ledger([claim("c6", "RU", "KG", lg.Figure.of("5 billion RUB", "at_most"))])
    expected = "KG owes RU, net, as of 2014-01-01: between 0 and 5000000000 RUB"
    assert headline(book, "RU", "KG", date(2014, 1, 1)) == expected


@given(st.sampled_from([("KG", "RU"), ("RU", "KG")]), st.integers(0, 6), st.integers(0, 6))
def test_explain_never_states_a_negative_amount_owed(pair, low, width):
    book = lg.Ledger(
        [
            claim(
                "a", "RU", "KG", lg.Figure.range(f"{low} billion RUB", f"{low + width} billion RUB")
            ),
            claim("b", "KG", "RU", "3 billion RUB"),
        ]
    )
    first = headline(book, *pair, date(2014, 1, 1))
    assert "-" not in first.split(":", 1)[1], first
    # The oracle, in whole billions: what KG owes RU lies in [low - 3, low + width - 3].
    lo, hi = low - 3, low + width - 3
    debtor, creditor = pair
    if debtor == "RU":
        lo, hi = -hi, -lo
    if lo < 0 < hi:
        assert first.startswith("direction unknown"), first
    elif hi <= 0 and not lo == hi == 0:
        assert first.startswith(f"{creditor} owes {debtor}"), first
    else:
        assert first.startswith(f"{debtor} owes {creditor}"), first


def test_the_html_headline_follows_the_same_direction_rules():
    book = lg.Ledger(
        [
            claim("c4", "RU", "KG", lg.Figure.range("2 billion RUB", "5 billion RUB")),
            claim("c5", "KG", "RU", "5 billion RUB"),
        ]
    )
    html = lg.net_balance(book, "KG", "RU", as_of=date(2014, 1, 1))._repr_html_()
    assert "-RUB3B" not in html and "−RUB3B" not in html
    assert "<p>Russia owes Kyrgyzstan RUB0–RUB3B net" in html
    assert "<td>=</td><td></td><td></td><td>RUB0–RUB3B</td>" in html
    spanning = lg.net_balance(mine(), "KG", "RU", as_of=DAY, convert_to="KGS", via="USD")
    assert "<p>Direction unknown: " in spanning._repr_html_()
    # Each way in its own direction: KG may owe up to 7B, RU up to 5B (about 10B less 3..12B).
    each_way = lg.net_balance(mine(), "KG", "RU", as_of=DAY)._repr_html_()
    assert (
        "<td>Kyrgyzstan → Russia: at most RUB7B (approximate); "
        "Russia → Kyrgyzstan: at most RUB5B (approximate)</td>"
    ) in each_way


# -- 3. a converted claim is said as asserted, its converted value beside it -------------------


def test_a_converted_claim_is_said_as_its_creditor_asserted_it():
    rate = lg.Rate(id="r", as_of=date(2012, 12, 31), source=SOURCE, rate="47 KGS/USD")
    balance = lg.net_balance(
        lg.example("kg-ru-2012"),
        "KG",
        "RU",
        as_of=date(2012, 12, 31),
        convert_to="KGS",
        rates=[rate],
    )
    text = lg.describe(balance)
    assert "Russia's claim of $489M (KGS23B)" in text, text
    assert "claim of KGS" not in text


# -- 4. "at most" keeps its words --------------------------------------------------------------


def test_an_at_most_counterclaim_keeps_its_words_in_describe_explain_and_the_plot():
    balance = lg.net_balance(mine(), "KG", "RU", as_of=DAY)
    text = lg.describe(balance)
    assert "Kyrgyzstan's counterclaim of at most RUB12B" in text, text
    assert "RUB0–RUB12B" not in text
    lines = balance.explain().splitlines()
    assert "      as asserted: at most 12000000000 RUB" in lines
    pytest.importorskip("matplotlib")
    chart = lg.plot.netting(mine(), "KG", "RU", as_of=DAY)
    (ax,) = chart.axes
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert any("at most RUB12B" in t for t in ticks), ticks
    assert not any("RUB0–RUB12B" in t for t in ticks), ticks


def test_an_at_most_claim_alone_keeps_its_words():
    book = lg.Ledger([claim("c6", "RU", "KG", lg.Figure.of("5 billion RUB", "at_most"))])
    balance = lg.net_balance(book, "KG", "RU", as_of=DAY)
    assert "Russia's claim of at most RUB5B" in lg.describe(balance)
    assert "      as asserted: at most 5000000000 RUB" in balance.explain().splitlines()


# -- 5. plots: the band of a range, grouped reductions, labels apart ---------------------------


def test_history_draws_a_range_as_a_band_with_a_legend_saying_what_it_is():
    pytest.importorskip("matplotlib")
    chart = lg.plot.history(mine(), "KG", "RU", as_of=DAY)
    (ax,) = chart.axes
    assert ax.collections, "a range balance needs a band"
    band = ax.collections[0]
    assert "range" in band.get_label(), band.get_label()
    legend = ax.get_legend()
    assert legend is not None
    assert any("range" in t.get_text() for t in legend.get_texts())
    # The central line only where the balance has a central value: the claim alone has one
    # (about 10 billion roubles), not once the "at most" counterclaim counts.
    (central,) = [line for line in ax.get_lines() if line.get_label() == "net"]
    ys = [float(y) for y in central.get_ydata()]
    assert ys[0] == 10000.0
    assert len(ys) > 1 and all(math.isnan(y) for y in ys[1:]), ys


def test_netting_groups_like_reductions_into_one_step():
    pytest.importorskip("matplotlib")
    chart = lg.plot.netting(lg.example("kg-ru-2012"), "KG", "RU")
    (ax,) = chart.axes
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    # The claim, the first write-off, the two yearly tranches as one step, the write-off of
    # the rest (the 2017 protocol), the net.
    assert len(ticks) == 5, ticks
    assert any("2 × $30M written off" in t for t in ticks), ticks


def _overlaps(chart):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(chart)
    canvas.draw()
    (ax,) = chart.axes
    renderer = canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.get_xticklabels() if t.get_text()]
    return [
        (i, j)
        for i, a in enumerate(boxes)
        for j, b in enumerate(boxes[i + 1 :], i + 1)
        if a.overlaps(b)
    ]


METHODS = ("payment", "write_off", "asset_transfer", "debt_swap")


@pytest.mark.parametrize("count", [1, 3, 5, 8, 20])
def test_netting_labels_do_not_overlap(count):
    pytest.importorskip("matplotlib")
    debt = claim("ru-claim-on-kyrgyzstan", "RU", "KG", "about 30 billion RUB")
    cuts = [
        lg.Settlement(
            id=f"settlement-number-{i}",
            as_of=date(2013, 2, i + 1),
            source=SOURCE,
            claim=debt.id,
            amount=f"{i + 1}00 million RUB",
            method=METHODS[i % 4],
        )
        for i in range(count)
    ]
    chart = lg.plot.netting(lg.Ledger([debt, *cuts]), "KG", "RU", as_of=date(2014, 1, 1))
    assert _overlaps(chart) == []


@pytest.mark.parametrize("day", [None, date(2013, 6, 1), date(2018, 6, 1)])
def test_the_kg_waterfall_labels_do_not_overlap(day):
    pytest.importorskip("matplotlib")
    assert _overlaps(lg.plot.netting(lg.example("kg-ru-2012"), "KG", "RU", as_of=day)) == []


# -- 6. an exact zero stays exact --------------------------------------------------------------


def test_a_debt_of_exactly_nothing_is_zero_years_not_about_zero():
    zero = lg.Figure.of("0 USD")
    about = lg.Figure.of("47 KGS/USD", "about")
    product = zero * about
    assert product.is_exact and product.value.magnitude == 0
    quotient = lg.Figure.of("0 KGS") / lg.Figure.of("86.2 billion KGS/year", "estimated")
    assert quotient.is_exact and quotient.value.magnitude == 0
    assert lg.format_ratio(quotient) == "0 years"


@given(lst.figures("stock", "USD"))
def test_an_exact_zero_times_any_figure_is_an_exact_zero(figure):
    zero = lg.Figure.of("0 KGS/USD")
    for product in (zero * figure, figure * zero):
        assert product.is_exact
        assert Fraction(product.value.magnitude) == 0
        assert not product.approximate and product.places is None
        assert str(product.unit) == "KGS"


ONE_SIGN = ("exact", "about", "estimated", "at_least", "more_than", "range")


@given(lst.figures("stock", "USD", min_value=1, qualifiers=ONE_SIGN))
def test_an_exact_zero_divided_by_any_figure_of_one_sign_is_an_exact_zero(figure):
    for divisor in (figure, -figure):
        quotient = lg.Figure.of("0 KGS") / divisor
        assert quotient.is_exact and not quotient.approximate
        assert Fraction(quotient.value.magnitude) == 0


def test_an_approximate_zero_stays_approximate():
    product = lg.Figure.of("0 USD", "about") * lg.Figure.of("2")
    assert product.approximate


def test_the_kg_summary_says_zero_years_for_no_debt():
    # The whole 2012 claim is written off by 2025: no debt, exactly, whatever the budget.
    ratio = lg.debt_to_budget(lg.example("kg-ru-2012"), "KG", as_of=date(2026, 1, 1))
    assert lg.describe(ratio) == "Kyrgyzstan's debt is 0 years of its budget (2012)."


# -- 7. "estimated" stays "estimated" ---------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en_US", "estimated KGS86.2B per year"),
        ("ru_RU", "по оценкам 86,2\xa0млрд"),
        ("tg_TJ", "тахминан"),
    ],
)
def test_an_estimated_figure_keeps_its_word(locale, expected):
    figure = lg.Figure.of("86195300.0 thousand KGS/year", "estimated")
    text = lg.format_figure(figure, locale)
    assert expected in text, text
    assert lg.format_figure(lg.Figure.of("86.2 billion KGS/year", "about"), locale) != text


def test_the_kg_budget_reads_estimated_in_the_ledger_table():
    html = lg.example("kg-ru-2012")._repr_html_()
    assert "estimated KGS86.2B per year" in html
