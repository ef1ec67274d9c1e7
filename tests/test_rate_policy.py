"""One rate policy (issue 12): rates are figures; stocks convert at the rate in force on the
day, flows at the average of their period; every helper takes the ledger's own rates unless
``rates=`` says otherwise; a stale rate is refused when asked; results never depend on order."""

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from oracles import holds

import ledger as lg
from ledger import strategies as lst

SOURCE = lg.Source(publisher="NBKR", title="Official rates", date=date(2012, 12, 31))
DAY = date(2012, 12, 31)


def rate(id, text, as_of, **more):
    return lg.Rate(id=id, as_of=as_of, source=SOURCE, rate=text, **more)


# -- a Kyrgyz ledger: budget in som, remittances in dollars, a rate of about 47 som ----------

KG = """
[sources.nbkr]
publisher = "National Bank of the Kyrgyz Republic"
title = "Balance of payments of the Kyrgyz Republic, 2012"
date = 2013-06-01

[sources.minfin]
publisher = "Ministry of Finance of the Kyrgyz Republic"
title = "Republican budget, 2012"
date = 2012-01-01

[[entries]]
kind = "budget"
id = "kg-budget-2012"
as_of = 2012-01-01
source = "minfin"
party = "KG"
amount = "114 billion KGS/year"
qualifier = "about"
fiscal_year = 2012
measure = "expenditure"

[[entries]]
kind = "remittance"
id = "kg-remittances-2012"
as_of = 2012-12-31
source = "nbkr"
origin = ["RU", "KZ"]
destination = "KG"
amount = "2 billion USD/year"
qualifier = "about"

[[entries]]
kind = "rate"
id = "kgs-usd-2012"
as_of = 2012-12-31
source = "nbkr"
rate = "47 KGS/USD"
qualifier = "about"
basis = "average"
period_start = 2012-01-01
"""


def test_remittances_to_a_kyrgyz_budget_use_the_ledgers_own_rate():
    book = lg.loads(KG)
    ratio = lg.remittances_to_budget(book, "KG", as_of=DAY)
    # By hand: 2e9 USD a year x 47 KGS/USD over 114e9 KGS a year = 94/114.
    exact = Fraction(2 * 10**9) * 47 / (114 * 10**9)
    assert holds(ratio.value, exact)
    assert ratio.value.approximate
    assert abs(Fraction(ratio.value.value.magnitude) - exact) < Fraction(1, 10**40)
    assert [c.rate.id for c in ratio.conversions] == ["kgs-usd-2012"]
    assert ratio.conversions[0].basis == "average"
    same = lg.remittances_to_budget(book, "KG", as_of=DAY, rates=book.rates())
    assert same.value == ratio.value


def test_a_ratio_explains_and_shows_the_rate_it_used():
    ratio = lg.remittances_to_budget(lg.loads(KG), "KG", as_of=DAY)
    text = ratio.explain()
    assert "kgs-usd-2012" in text
    assert "average over 2012-01-01..2012-12-31" in text
    assert "National Bank of the Kyrgyz Republic" in text
    assert "about 47 KGS/USD" in text
    html = ratio._repr_html_()
    for words in ("kgs-usd-2012", "average", "2012-12-31", "National Bank of the Kyrgyz Republic"):
        assert words in html


# -- rates as figures, in files -----------------------------------------------------------


def test_an_approximate_rate_and_a_range_round_trip_through_a_file():
    text = KG.replace(
        'rate = "47 KGS/USD"\nqualifier = "about"',
        'low = "46 KGS/USD"\nhigh = "48 KGS/USD"\nqualifier = "range"',
    )
    for source in (KG, text):
        book = lg.loads(source)
        again = lg.loads(book.dumps())
        assert again == book
        assert again.dumps() == book.dumps()
        assert lg.loads(book.dumps("json"), format="json") == book
    assert str(lg.loads(KG)["kgs-usd-2012"].rate) == "about 47 KGS/USD"
    ranged = lg.loads(text)["kgs-usd-2012"].rate
    assert (ranged.low, ranged.high) == (lg.quantity("46 KGS/USD"), lg.quantity("48 KGS/USD"))
    saved = lg.loads(KG).dumps()
    assert (
        'basis = "average"\nperiod_start = 2012-01-01\nrate = "47 KGS/USD"\nqualifier = "about"'
        in saved
    )


def test_a_rate_written_with_a_leading_word_reads_as_that_figure():
    spoken = KG.replace('rate = "47 KGS/USD"\nqualifier = "about"', 'rate = "about 47 KGS/USD"')
    assert lg.loads(spoken)["kgs-usd-2012"].rate == lg.Figure.of("47 KGS/USD", "about")


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"rate": "47 KGS"}, "is not an exchange rate"),
        ({"rate": "-47 KGS/USD"}, "must be positive"),
        ({"rate": "0 KGS/USD"}, "must be positive"),
        ({"rate": {"low": "0 KGS/USD", "high": "48 KGS/USD"}}, "must be positive"),
        ({"rate": {"amount": "50 KGS/USD", "qualifier": "at_most"}}, "no lower bound"),
        ({"rate": "47 KGS/USD", "basis": "weekly"}, "'spot', 'average' or 'end_of_period'"),
        ({"rate": "47 KGS/USD", "basis": "average"}, "an average rate needs period_start"),
        (
            {"rate": "47 KGS/USD", "basis": "average", "period_start": date(2013, 1, 1)},
            "period_start 2013-01-01 is after as_of 2012-12-31",
        ),
        (
            {"rate": "47 KGS/USD", "period_start": date(2012, 1, 1)},
            "only an average rate has a period",
        ),
    ],
)
def test_a_bad_rate_is_refused_with_words(fields, words):
    with pytest.raises(lg.LedgerFileError) as caught:
        lg.Rate(id="bad", as_of=DAY, source=SOURCE, **fields)
    assert words in str(caught.value)


# -- the policy ---------------------------------------------------------------------------

POLICY = [
    rate("spot-2012-06", "45 KGS/USD", date(2012, 6, 1)),
    rate("avg-2012", "47 KGS/USD", DAY, basis="average", period_start=date(2012, 1, 1)),
    rate("eop-2011", "46 KGS/USD", date(2011, 12, 31), basis="end_of_period"),
]


def test_a_stock_converts_at_the_rate_in_force_never_at_an_average():
    converted = lg.convert(lg.Figure.of("100 USD"), "KGS", rates=POLICY, on=DAY)
    assert converted.rate.id == "spot-2012-06" and converted.basis == "spot"
    assert converted.figure == lg.Figure.of("4500 KGS")
    only_average = [POLICY[1]]
    with pytest.raises(lg.RateError) as caught:
        lg.convert(lg.Figure.of("100 USD"), "KGS", rates=only_average, on=DAY)
    assert "avg-2012 average over 2012-01-01..2012-12-31" in str(caught.value)
    assert "a stock converts at a spot or end-of-period rate" in str(caught.value)


def test_a_flow_converts_at_the_average_of_its_period():
    converted = lg.convert(lg.Figure.of("100 USD/year"), "KGS", rates=POLICY, on=DAY)
    assert converted.rate.id == "avg-2012" and converted.basis == "average"
    assert "average" in converted.explain()
    # A flow of 2011 has no average: the nearest rate on or before the day.
    older = lg.convert(
        lg.Figure.of("100 USD/year"), "KGS", rates=POLICY, on=date(2012, 3, 1), period=2011
    )
    assert older.rate.id == "eop-2011" and older.basis == "end_of_period"
    # Asked mid-2012, the 2012 average is not yet published: the spot rate in force.
    mid = lg.convert(lg.Figure.of("100 USD/year"), "KGS", rates=POLICY, on=date(2012, 7, 1))
    assert mid.rate.id == "spot-2012-06"


def test_a_period_is_for_flows():
    with pytest.raises(lg.RateError, match="period= is for flows"):
        lg.convert(lg.Figure.of("100 USD"), "KGS", rates=POLICY, on=DAY, period=2012)


@pytest.mark.parametrize("max_age", [timedelta(days=30), 30])
def test_a_stale_rate_is_refused_when_a_max_age_is_given(max_age):
    stale = [rate("kgs-1990", "1 KGS/USD", date(1990, 1, 1))]
    figure = lg.Figure.of("100 USD")
    assert lg.convert(figure, "KGS", rates=stale, on=DAY).rate.id == "kgs-1990"
    with pytest.raises(lg.RateError) as caught:
        lg.convert(figure, "KGS", rates=stale, on=DAY, max_age=max_age)
    assert "kgs-1990" in str(caught.value) and "1990-01-01" in str(caught.value)
    assert "30 days" in str(caught.value)


def test_a_bad_max_age_is_refused():
    with pytest.raises(lg.RateError, match="max_age"):
        lg.convert(lg.Figure.of("1 USD"), "KGS", rates=POLICY, on=DAY, max_age="a year")
    with pytest.raises(lg.RateError, match="max_age"):
        lg.convert(lg.Figure.of("1 USD"), "KGS", rates=POLICY, on=DAY, max_age=-1)


def test_an_average_for_the_flows_own_period_is_never_too_old():
    book = lg.loads(KG)
    later = date(2020, 1, 1)
    ratio = lg.remittances_to_budget(book, "KG", as_of=later, max_age=365)
    assert ratio.conversions[0].rate.id == "kgs-usd-2012"


def test_max_age_passes_through_netting_and_ratios():
    book = lg.loads(KG) + _claim("ru-kg", "RU", "KG", "489 million USD", date(2012, 1, 1))
    book += rate("kgs-2005", "41 KGS/USD", date(2005, 1, 1))
    with pytest.raises(lg.RateError, match="kgs-2005"):
        lg.net_balance(book, "KG", "RU", as_of=DAY, convert_to="KGS", max_age=365)
    with pytest.raises(lg.RateError, match="kgs-2005"):
        lg.debt_to_budget(book, "KG", as_of=DAY, max_age=365)
    with pytest.raises(lg.RateError, match="kgs-2005"):
        lg.net_positions(book, as_of=DAY, convert_to="KGS", max_age=365)
    assert lg.debt_to_budget(book, "KG", as_of=DAY).conversions[0].rate.id == "kgs-2005"


def test_via_passes_through_netting_and_ratios():
    book = lg.Ledger(
        [
            _claim("ru-kg", "RU", "KG", "1000 RUB", date(2012, 1, 1)),
            _budget("kg-budget", "KG", "100 KGS/year", date(2012, 1, 1)),
            rate("rub-usd", "25 RUB/USD", date(2012, 1, 1)),
            rate("kgs-usd", "50 KGS/USD", date(2012, 1, 1)),
        ]
    )
    with pytest.raises(lg.RateError, match="no RUB/KGS rate"):
        lg.debt_to_budget(book, "KG", as_of=DAY)
    ratio = lg.debt_to_budget(book, "KG", as_of=DAY, via="USD")
    assert ratio.value == lg.Figure.of("20 year")  # 1000 RUB = 40 USD = 2000 KGS
    balance = lg.net_balance(book, "KG", "RU", as_of=DAY, convert_to="KGS", via="USD")
    assert balance.amount == lg.Figure.of("2000 KGS")
    positions = lg.net_positions(book, as_of=DAY, convert_to="KGS", via="USD")
    assert positions["RU"]["KGS"] == lg.Figure.of("2000 KGS")
    transfers = lg.settle(book, as_of=DAY, convert_to="KGS", via="USD")
    assert [str(t) for t in transfers] == ["KG pays RU 2000 KGS"]


# -- the ratio bugs of issue 12 -----------------------------------------------------------


def _claim(id, creditor, debtor, amount, as_of, qualifier="exact"):
    return lg.Claim(
        id=id,
        as_of=as_of,
        source=SOURCE,
        creditor=creditor,
        debtor=debtor,
        asserted_by=creditor,
        amount=lg.Figure.of(amount, qualifier),
    )


def _budget(id, party, amount, as_of):
    return lg.Budget(id=id, as_of=as_of, source=SOURCE, party=party, amount=amount)


def _settlement(id, claim, amount, as_of):
    return lg.Settlement(
        id=id, as_of=as_of, source=SOURCE, claim=claim, amount=amount, method="write_off"
    )


def test_net_debt_to_budget_ignores_settlements_of_other_claims():
    # Regression: the net path rebuilt a ledger with every settlement and failed with
    # "'kz-uz' names no entry" when a claim it did not take had one.
    book = lg.Ledger(
        [
            _claim("ru-kg", "RU", "KG", "489 million USD", date(2012, 1, 1), "about"),
            _claim("kz-uz", "KZ", "UZ", "10 million USD", date(2012, 1, 1)),
            _settlement("kz-uz-paid", "kz-uz", "5 million USD", date(2012, 6, 1)),
            _settlement("ru-kg-off", "ru-kg", "189 million USD", date(2012, 9, 20)),
            _budget("kg-budget", "KG", "600 million USD/year", date(2012, 1, 1)),
        ]
    )
    net = lg.debt_to_budget(book, "KG", net=True, as_of=DAY)
    gross = lg.debt_to_budget(book, "KG", as_of=DAY)
    assert net.value == gross.value == lg.Figure.of("0.5 year", "about")


def test_gross_and_net_debt_both_use_the_ledgers_rates():
    book = lg.Ledger(
        [
            _claim("ru-kg", "RU", "KG", "4700 RUB", date(2012, 1, 1)),
            _budget("kg-budget", "KG", "100 USD/year", date(2012, 1, 1)),
            rate("rub-usd", "47 RUB/USD", date(2012, 1, 1)),
        ]
    )
    gross = lg.debt_to_budget(book, "KG", as_of=DAY)
    net = lg.debt_to_budget(book, "KG", net=True, as_of=DAY)
    assert gross.value == net.value == lg.Figure.of("1 year")
    assert [c.rate.id for c in gross.conversions] == ["rub-usd"]
    assert [c.rate.id for c in net.conversions] == ["rub-usd"]
    overridden = lg.debt_to_budget(
        book, "KG", as_of=DAY, rates=[rate("rub-usd-b", "94 RUB/USD", date(2012, 1, 1))]
    )
    assert overridden.value == lg.Figure.of("0.5 year")


@pytest.mark.parametrize(
    ("ask", "words"),
    [
        (
            lambda book: lg.debt_to_budget(book, "KG", as_of=date(2011, 1, 1)),
            "no budget for KG dated on or before 2011-01-01; the ledger's budgets for KG "
            "start 2012-01-01",
        ),
        (
            lambda book: lg.remittances_to_budget(book, "KG", as_of=date(2012, 6, 1)),
            "no remittances for KG dated on or before 2012-06-01; the ledger's remittances for "
            "KG start 2012-12-31",
        ),
    ],
)
def test_a_question_asked_too_early_says_the_entries_are_dated_later(ask, words):
    with pytest.raises(lg.MissingFigureError) as caught:
        ask(lg.loads(KG))
    assert words in str(caught.value)


def test_against_budget_plots_with_the_ledgers_rates_or_those_given():
    pytest.importorskip("matplotlib")
    book = lg.loads(KG)
    chart = lg.plot.against_budget(book, "KG", as_of=DAY)
    assert type(chart).__name__ == "Figure"
    other = [rate("kgs-b", "40 KGS/USD", DAY, basis="average", period_start=date(2012, 1, 1))]
    chart = lg.plot.against_budget(book, "KG", as_of=DAY, rates=other, max_age=30)
    assert type(chart).__name__ == "Figure"


# -- properties ---------------------------------------------------------------------------

CODES = ("USD", "KGS")
rate_magnitudes = lst.amounts(min_value=Decimal("0.01"), max_value=1000, places=2)


@st.composite
def kg_ledgers(draw):
    """Exact claims between KG and RU in USD and KGS, a budget in KGS, remittances in USD,
    and one exact rate for each day it is dated on; every figure exact."""
    entries = []
    for i in range(draw(st.integers(1, 5))):
        creditor, debtor = draw(st.sampled_from([("RU", "KG"), ("KG", "RU")]))
        code = draw(st.sampled_from(CODES))
        amount = draw(lst.amounts(min_value=0, max_value=10**9, places=2))
        entries.append(_claim(f"c{i}", creditor, debtor, f"{amount} {code}", date(2012, 1, 1)))
    entries.append(_budget("budget", "KG", "100 billion KGS/year", date(2012, 1, 1)))
    amount = draw(lst.amounts(min_value=1, max_value=10**9, places=2))
    entries.append(
        lg.Remittance(
            id="sent",
            as_of=date(2012, 6, 1),
            source=SOURCE,
            origin=("RU",),
            destination="KG",
            amount=f"{amount} USD/year",
        )
    )
    days = draw(st.lists(st.dates(date(2011, 1, 1), DAY), min_size=1, max_size=3, unique=True))
    for i, day in enumerate(days):
        entries.append(rate(f"r{i}", f"{draw(rate_magnitudes)} KGS/USD", day))
    return entries


@given(kg_ledgers(), st.randoms())
def test_conversion_with_the_ledgers_rates_equals_the_same_rates_passed(entries, random):
    book = lg.Ledger(entries)
    bare = lg.Ledger([e for e in entries if not isinstance(e, lg.Rate)])
    rates = [e for e in entries if isinstance(e, lg.Rate)]
    random.shuffle(rates)
    mine = lg.net_balance(book, "KG", "RU", as_of=DAY, convert_to="KGS")
    given_ = lg.net_balance(bare, "KG", "RU", as_of=DAY, convert_to="KGS", rates=rates)
    assert mine.amount == given_.amount
    assert lg.remittances_to_budget(book, "KG", as_of=DAY).value == (
        lg.remittances_to_budget(bare, "KG", as_of=DAY, rates=rates).value
    )
    assert lg.debt_to_budget(book, "KG", net=True, as_of=DAY).value == (
        lg.debt_to_budget(bare, "KG", net=True, as_of=DAY, rates=rates).value
    )


def _rates_used(balance):
    return sorted(
        (line.claim.id, line.conversion.rate and line.conversion.rate.id) for line in balance.lines
    )


@given(kg_ledgers(), st.randoms())
def test_results_do_not_depend_on_the_order_of_rates_or_entries(entries, random):
    twin = [e.model_copy(update={"id": f"{e.id}-twin"}) for e in entries if isinstance(e, lg.Rate)]
    shuffled = [*entries, *twin]
    random.shuffle(shuffled)
    one, other = lg.Ledger([*entries, *twin]), lg.Ledger(shuffled)
    a = lg.net_balance(one, "KG", "RU", as_of=DAY, convert_to="USD")
    b = lg.net_balance(other, "KG", "RU", as_of=DAY, convert_to="USD")
    assert a.amount == b.amount
    assert _rates_used(a) == _rates_used(b)
    ra, rb = (lg.remittances_to_budget(x, "KG", as_of=DAY) for x in (one, other))
    assert ra.value == rb.value
    assert [c.rate.id for c in ra.conversions] == [c.rate.id for c in rb.conversions]


@given(kg_ledgers(), rate_magnitudes)
def test_netting_then_converting_equals_converting_then_netting(entries, magnitude):
    claims = [e for e in entries if isinstance(e, lg.Claim)]
    usd = [c for c in claims if c.currency == "USD"]
    rates = [rate("only", f"{magnitude} KGS/USD", date(2012, 1, 1))]
    book = lg.Ledger(usd, parties={"KG": "Kyrgyzstan", "RU": "Russia"})  # known, claims or not
    netted = lg.net_balance(book, "KG", "RU", as_of=DAY, currency="USD")
    then_converted = lg.convert(netted.amount, "KGS", rates=rates, on=DAY).figure
    converted_first = lg.net_balance(book, "KG", "RU", as_of=DAY, convert_to="KGS", rates=rates)
    assert converted_first.amount == then_converted
    # The oracle: each claim times the rate, summed in Fractions.
    exact = sum(
        (
            Fraction(c.amount.value.magnitude)
            * Fraction(magnitude)
            * (1 if c.debtor == "KG" else -1)
            for c in usd
        ),
        Fraction(0),
    )
    assert Fraction(converted_first.amount.value.magnitude) == exact


@given(
    lst.amounts(min_value=0, max_value=10**9, places=2),
    rate_magnitudes,
    rate_magnitudes,
    st.sampled_from(["multiply", "divide"]),
)
def test_an_approximate_rate_gives_bounds_that_hold_every_exact_product(amount, a, b, way):
    low, high = min(a, b), max(a, b)
    ranged = rate("r", {"low": f"{low} KGS/USD", "high": f"{high} KGS/USD"}, DAY)
    about = rate("r", {"amount": f"{low} KGS/USD", "qualifier": "about"}, DAY)
    code, to = ("USD", "KGS") if way == "multiply" else ("KGS", "USD")
    figure = lg.Figure.of(f"{amount} {code}")
    result = lg.convert(figure, to, rates=[ranged], on=DAY).figure
    mid = (Fraction(low) + Fraction(high)) / 2
    for r in (Fraction(low), mid, Fraction(high)):
        exact = Fraction(amount) * r if way == "multiply" else Fraction(amount) / r
        assert holds(result, exact)
    if low != high:
        assert result.low != result.high or amount == 0
    point = lg.convert(figure, to, rates=[about], on=DAY).figure
    assert point.approximate == (amount != 0)  # exactly nothing converts to exactly nothing
    exact = (
        Fraction(amount) * Fraction(low) if way == "multiply" else Fraction(amount) / Fraction(low)
    )
    assert holds(point, exact)


# -- more of the policy, by example -------------------------------------------------------


@pytest.mark.parametrize("order", [1, -1])
def test_twin_rates_name_the_lowest_id_and_rivals_are_refused_in_any_order(order):
    twins = [rate("kgs-b", "47 KGS/USD", DAY), rate("kgs-a", "47 KGS/USD", DAY)][::order]
    assert lg.convert(lg.Figure.of("1 USD"), "KGS", rates=twins, on=DAY).rate.id == "kgs-a"
    rivals = [rate("kgs-b", "47 KGS/USD", DAY), rate("kgs-a", "about 47 KGS/USD", DAY)][::order]
    with pytest.raises(lg.RateError) as caught:
        lg.convert(lg.Figure.of("1 USD"), "KGS", rates=rivals, on=DAY)
    assert "(kgs-a, kgs-b)" in str(caught.value)


def test_a_remittance_written_for_a_year_takes_that_years_average():
    averages = [
        rate(
            "avg-2011",
            "45 KGS/USD",
            date(2011, 12, 31),
            basis="average",
            period_start=date(2011, 1, 1),
        ),
        rate("avg-2012", "47 KGS/USD", DAY, basis="average", period_start=date(2012, 1, 1)),
    ]
    sent = lg.Remittance(
        id="sent",
        as_of=date(2013, 3, 1),
        source=SOURCE,
        origin=("RU",),
        destination="KG",
        amount="100 USD/year",
        period="2011",
    )
    # The 2011 budget (a ratio weighs figures of one year), published later.
    budget = lg.Budget(
        id="budget",
        as_of=date(2013, 1, 1),
        source=SOURCE,
        party="KG",
        amount="9000 KGS/year",
        fiscal_year=2011,
    )
    ratio = lg.remittances_to_budget(
        lg.Ledger([sent, budget, *averages]), "KG", as_of=date(2013, 3, 1)
    )
    assert ratio.conversions[0].rate.id == "avg-2011"
    assert ratio.value == lg.Figure.of("0.5")  # 4500 KGS over 9000 KGS, a year each
    assert lg.flow_period(sent) == (date(2011, 1, 1), date(2011, 12, 31))


def test_the_narrowest_average_covering_the_period_is_taken():
    averages = [
        rate("avg-2011-2012", "44 KGS/USD", DAY, basis="average", period_start=date(2011, 1, 1)),
        rate("avg-2012", "47 KGS/USD", DAY, basis="average", period_start=date(2012, 1, 1)),
    ]
    for rates in (averages, averages[::-1]):
        converted = lg.convert(lg.Figure.of("1 USD/year"), "KGS", rates=rates, on=DAY)
        assert converted.rate.id == "avg-2012"
    both = lg.convert(
        lg.Figure.of("1 USD/year"), "KGS", rates=averages, on=DAY, period=(date(2011, 1, 1), DAY)
    )
    assert both.rate.id == "avg-2011-2012"


def test_a_net_balance_converted_explains_each_rate_and_its_basis():
    book = lg.loads(KG) + _claim("ru-kg", "RU", "KG", "489 million USD", date(2012, 1, 1), "about")
    book += rate("eop-2012", "48 KGS/USD", DAY, basis="end_of_period")
    balance = lg.net_balance(book, "KG", "RU", as_of=DAY, convert_to="KGS")
    assert balance.lines[0].conversion.rate.id == "eop-2012"  # a stock: never the average
    assert "rate eop-2012, end of period from 2012-12-31, NBKR" in balance.explain()


def test_a_ledger_with_an_approximate_average_rate_goes_through_a_frame_and_back():
    pytest.importorskip("pandas")
    book = lg.loads(KG)
    again = lg.Ledger.from_frame(book.to_frame())
    assert again == book
    assert again["kgs-usd-2012"].period_start == date(2012, 1, 1)


def test_the_command_line_summary_shows_an_approximate_rate(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "kg.toml"
    path.write_text(KG, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "ledger", "summary", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "about 47 KGS/USD" in done.stdout


# -- a net debt converted at an uncertain rate: netted in its own currency first -------------


def test_a_net_debt_at_an_approximate_rate_keeps_the_direction_the_roubles_give():
    # In roubles KG's net debt is 2..5 billion less 5 billion: between -3 and 0 billion, never
    # above zero. Converted claim by claim at "about 62 RUB/USD", each side was rounded on its
    # own and the difference could be above zero: a direction invented by the conversion.
    book = lg.Ledger(
        [
            _claim("ru-kg", "RU", "KG", "2 billion RUB", date(2012, 1, 1)),
            _claim("kg-ru", "KG", "RU", "5 billion RUB", date(2012, 1, 1)),
            _budget("kg-budget", "KG", "100 million USD/year", date(2012, 1, 1)),
            rate("rub-usd", "about 62 RUB/USD", date(2012, 1, 1)),
        ]
    )
    book = lg.Ledger(
        [
            e.model_copy(update={"amount": lg.Figure.range("2 billion RUB", "5 billion RUB")})
            if e.id == "ru-kg"
            else e
            for e in book
        ]
    )
    ratio = lg.debt_to_budget(book, "KG", net=True, as_of=DAY)
    _, low, high = ratio.value.magnitudes
    assert high <= 0 < -low  # a net creditor, whatever the rate inside "about 62"
    assert "net creditor" in lg.describe(ratio)
    assert [c.original for c in ratio.conversions] == [lg.Figure.range("-3 billion RUB", "0 RUB")]


def test_a_ratio_explains_each_reduction_of_the_debt():
    kg = lg.example("kg-ru-2012")
    text = lg.debt_to_budget(kg, "KG", as_of=date(2013, 12, 31)).explain()
    assert "      less 188900000 USD written off (2013-05-08): ru-kg-write-off-188.9m: " in text
    assert "ru-kg-tranche-2016" not in text  # not yet due on the day asked


# -- what a ratio says, word for word --------------------------------------------------------

_S = lg.Source(publisher="P", title="T", date=date(2012, 1, 1))


def _words_ledger(*more):
    return lg.Ledger(
        [
            lg.Claim(
                id="ru-kg",
                as_of=date(2012, 1, 1),
                source=_S,
                creditor="RU",
                debtor="KG",
                asserted_by="RU",
                amount="100 USD",
            ),
            lg.Settlement(
                id="swap",
                as_of=date(2012, 6, 1),
                source=_S,
                claim="ru-kg",
                amount="10 USD",
                method="asset_transfer",
            ),
            lg.Budget(
                id="kg-b",
                as_of=date(2012, 1, 1),
                source=_S,
                party="KG",
                amount="1000 USD/year",
                fiscal_year=2012,
            ),
            lg.Budget(
                id="tj-b", as_of=date(2010, 1, 1), source=_S, party="TJ", amount="1000 USD/year"
            ),
            lg.Remittance(
                id="kg-r",
                as_of=date(2012, 1, 1),
                source=_S,
                origin="RU",
                destination="KG",
                amount="100 USD/year",
            ),
            lg.Remittance(
                id="tj-r",
                as_of=date(2010, 1, 1),
                source=_S,
                origin="RU",
                destination="TJ",
                amount="100 USD/year",
            ),
            *more,
        ]
    )


def test_a_debt_ratio_explains_each_reduction_by_its_kind():
    text = lg.debt_to_budget(_words_ledger(), "KG", as_of=date(2013, 1, 1)).explain()
    assert text.splitlines() == [
        "debt to budget for KG, the budget of 2012, as of 2013-01-01: 0.09 year",
        "  debt: 90 USD",
        "      ru-kg: (P, 2012-01-01)",
        "      less 10 USD asset transfer (2012-06-01): swap: (P, 2012-01-01)",
        "  budget: 1000 USD/year",
        "      kg-b: (P, 2012-01-01)",
        "  = 90 USD / 1000 USD/year = 0.09 year",
    ]


def test_a_ratio_that_used_rates_lists_them_under_their_heading():
    text = lg.debt_to_budget(lg.example("kg-ru-2012"), "KG", as_of=date(2013, 12, 31)).explain()
    assert (
        "\n  rates:\n      48.6197 KGS/USD: rate kgs-usd-2013-09-30, spot from 2013-09-30" in text
    )


@pytest.mark.parametrize(
    ("ask", "message"),
    [
        (
            lambda book: lg.debt_to_budget(book, "KG", as_of=date(2011, 1, 1)),
            "no budget for KG dated on or before 2011-01-01; the ledger's budgets for KG start "
            "2012-01-01: ask as of a later day, or add an earlier entry",
        ),
        (
            lambda book: lg.remittances_to_budget(book, "KG", as_of=date(2011, 1, 1)),
            "no remittances for KG dated on or before 2011-01-01; the ledger's remittances for "
            "KG start 2012-01-01: ask as of a later day, or add an earlier entry",
        ),
        (
            lambda book: lg.debt_to_budget(book, "KG", as_of=date(2013, 1, 1), fiscal_year=2013),
            "no budget for KG for fiscal year 2013; the ledger's budgets for KG are for 2012: "
            "ask about one of those years, or add a budget with fiscal_year = 2013",
        ),
    ],
)
def test_a_missing_figure_says_when_the_ledgers_entries_start(ask, message):
    with pytest.raises(lg.MissingFigureError) as refused:
        ask(_words_ledger())
    assert str(refused.value) == message


def test_a_bad_max_age_is_refused_before_any_question_even_one_needing_no_rate():
    with pytest.raises(lg.RateError, match=r"^max_age: -1 is negative; a rate's age is never"):
        lg.remittances_to_budget(_words_ledger(), "KG", as_of=date(2013, 1, 1), max_age=-1)


def _kg_claim(id, creditor, debtor, figure):
    return lg.Claim(
        id=id,
        as_of=date(2012, 1, 1),
        source=_S,
        creditor=creditor,
        debtor=debtor,
        asserted_by=creditor,
        amount=figure,
    )


@pytest.mark.parametrize(
    ("counter", "note"),
    [
        # net debt 100 - (at least 5): no lower bound, so it may be below zero
        (
            lg.Figure.of("5 USD", "at_least"),
            "  direction unknown: below zero, KG is owed more than it owes (a net creditor)",
        ),
        # net debt 100 - [100, 103]: between -3 and 0, never above
        (
            lg.Figure.range("100 USD", "103 USD"),
            "  below zero: KG is owed more than it owes (a net creditor)",
        ),
        # net debt 100 - [95, 100]: between 0 and 5, never below: nothing to say
        (lg.Figure.range("95 USD", "100 USD"), None),
    ],
)
def test_the_sign_note_of_a_net_debt_at_the_edges(counter, note):
    book = _words_ledger(_kg_claim("kg-ru", "KG", "RU", counter))
    book = lg.Ledger([e for e in book if e.id != "swap"])
    lines = lg.debt_to_budget(book, "KG", net=True, as_of=date(2013, 1, 1)).explain().splitlines()
    assert (lines[1] if lines[1].startswith("  ") and "net debt" not in lines[1] else None) == note
