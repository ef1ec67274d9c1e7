"""Series by year, from the user's side: the bundled examples' real figures, a small ledger of
yearly entries written here, competing entries refused by name, and missing years said."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

import ledger as lg

# Yearly entries for Tajikistan, illustrative (not a published series): two sources speak for
# 2007, a revenue and an expenditure budget for 2006, and a som budget for 2008.
YEARLY = """
[sources.nbt]
publisher = "National Bank of Tajikistan"
title = "Illustrative yearly remittances"
date = 2009-01-15

[sources.wb]
publisher = "World Bank"
title = "Illustrative World Development Indicators"
date = 2010-06-01

[sources.mof]
publisher = "Ministry of Finance"
title = "Illustrative budgets"
date = 2009-01-01

[[entries]]
kind = "remittance"
id = "tj-rem-2005"
as_of = 2005-12-31
source = "nbt"
origin = ["RU"]
destination = "TJ"
amount = "467 million USD/year"
period = "2005"

[[entries]]
kind = "remittance"
id = "tj-rem-2006"
as_of = 2006-12-31
source = "nbt"
origin = ["RU"]
destination = "TJ"
amount = "1019 million USD/year"
qualifier = "about"
period = "2006"

[[entries]]
kind = "remittance"
id = "tj-rem-2007-nbt"
as_of = 2007-12-31
source = "nbt"
origin = ["RU"]
destination = "TJ"
amount = "1600 million USD/year"
qualifier = "at_least"
period = "2007"

[[entries]]
kind = "remittance"
id = "tj-rem-2007-wb"
as_of = 2008-06-30
source = "wb"
origin = ["RU", "KZ"]
destination = "TJ"
amount = "1691 million USD/year"
period = "2007"

[[entries]]
kind = "budget"
id = "tj-budget-2005"
as_of = 2005-01-01
source = "mof"
party = "TJ"
amount = "500 million USD/year"
fiscal_year = 2005
measure = "expenditure"

[[entries]]
kind = "budget"
id = "tj-revenue-2006"
as_of = 2006-01-01
source = "mof"
party = "TJ"
amount = "600 million USD/year"
fiscal_year = 2006
measure = "revenue"

[[entries]]
kind = "budget"
id = "tj-expenditure-2006"
as_of = 2006-01-01
source = "mof"
party = "TJ"
low = "650 million USD/year"
high = "700 million USD/year"
qualifier = "range"
fiscal_year = 2006
measure = "expenditure"

[[entries]]
kind = "budget"
id = "tj-budget-2007"
as_of = 2007-01-01
source = "mof"
party = "TJ"
amount = "800 million USD/year"
fiscal_year = 2007
measure = "expenditure"
"""


@pytest.fixture
def book():
    return lg.loads(YEARLY)


def test_kg_debt_at_each_year_end_follows_the_write_offs():
    debt = lg.series(lg.example("kg-ru-2012"), "KG", "debt", years=range(2011, 2019))
    millions = {year: figure for year, figure in debt.items()}
    assert millions[2011] is None
    expected = {2012: "488.9", 2013: "300", 2014: "300", 2015: "300", 2016: "270", 2017: "240"}
    for year, text in expected.items():
        assert millions[year] == lg.Figure.of(f"{text} million USD"), year
    assert millions[2018] == lg.Figure.of("0 USD")
    assert debt.missing == (2011,)
    assert debt.currency == "USD"


def test_kg_debt_to_russia_names_each_reduction_of_the_year():
    debt = lg.series(lg.example("kg-ru-2012"), "KG", "debt", creditor="RU", years=[2016])
    ids = [entry.id for entry in debt.point(2016).entries]
    assert ids == ["ru-claim-kg-2012", "ru-kg-write-off-188.9m", "ru-kg-tranche-2016"]
    text = debt.explain()
    assert "debt to RU for KG, 2016-2016:" in text
    assert "less 30000000 USD written off (2016-03-16)" in text


def test_a_reduction_dated_after_december_31_waits_for_the_next_year():
    debt = lg.series(lg.example("kg-ru-2012"), "KG", "debt", years=[2017, 2018])
    assert debt[2017] == lg.Figure.of("240 million USD")  # the 240M went in February 2018
    assert "ru-kg-write-off-240m" not in [e.id for e in debt.point(2017).entries]
    assert "ru-kg-write-off-240m" in [e.id for e in debt.point(2018).entries]


def test_a_missing_year_is_missing_and_says_why_never_zero():
    debt = lg.series(lg.example("kg-ru-2012"), "KG", "debt", years=[2011, 2012])
    assert debt.get(2011) is None
    assert debt.why(2011) == "no claim on KG dated on or before 2011-12-31"
    with pytest.raises(lg.MissingFigureError, match="debt of KG in 2011: no claim on KG"):
        debt[2011]
    assert "2011: missing: no claim on KG dated on or before 2011-12-31" in debt.explain()
    with pytest.raises(KeyError, match="2010 is not a year of this series"):
        debt.point(2010)


def test_tajik_remittances_by_year_keep_the_seed_s_more_than():
    remittances = lg.series(lg.example(), "TJ", "remittances", years=range(2003, 2006))
    assert remittances.years == (2003, 2004, 2005)
    assert remittances.missing == (2003, 2005)
    assert str(remittances[2004]) == "more than 300000000 USD/year"
    assert remittances[2004].qualifier == "more_than"


def test_tajik_remittances_to_budget_by_year_is_more_than_one_in_2004():
    share = lg.remittances_to_budget(lg.example(), "TJ", years=range(2003, 2006))
    assert share.missing == (2003, 2005)
    assert str(share[2004]) == "more than 1"
    assert share.point(2004).detail is not None
    assert "tajik-national-budget" in share.explain()
    assert share.why(2003) == (
        "remittances: no remittances to TJ for 2003; budget: no budget of TJ for 2003"
    )


def test_net_debt_to_budget_by_year_is_the_one_day_answer_at_year_end():
    yearly = lg.debt_to_budget(lg.example(), "TJ", net=True, years=[2004])
    one_day = lg.debt_to_budget(lg.example(), "TJ", net=True, as_of=date(2004, 12, 31))
    assert yearly[2004] == one_day.value
    assert str(yearly[2004]) == "about 0.833 year"


def test_the_kg_budget_converts_at_the_year_s_average_rate():
    budget = lg.series(lg.example("kg-ru-2012"), "KG", "budget", years=[2012], currency="USD")
    figure = budget[2012]
    assert figure.approximate
    # 86 195 300 thousand som at about 47.0 som to the dollar, exactly
    _, low, high = figure.magnitudes
    assert Fraction(low) <= Fraction(86195300000, 47) <= Fraction(high)
    assert str(figure) == "about 1830000000 USD/year"
    assert [rate.id for rate in budget.point(2012).rates] == ["kgs-usd-2012-average"]


def test_a_year_with_no_rate_is_missing_with_the_rate_policy_s_words():
    remittances = lg.series(
        lg.example("kg-ru-2012"), "KG", "remittances", years=[2011, 2012], currency="KGS"
    )
    assert remittances.missing == (2011,)
    assert "no USD/KGS rate in force on 2011-12-31" in remittances.why(2011)


def test_yearly_remittances_with_a_gap(book):
    remittances = lg.series(book, "TJ", "remittances", years=range(2004, 2007))
    assert remittances.items() == [
        (2004, None),
        (2005, lg.Figure.of("467 million USD/year")),
        (2006, lg.Figure.of("1019 million USD/year", "about")),
    ]


def test_two_sources_for_one_year_are_refused_by_name(book):
    with pytest.raises(lg.MissingFigureError) as refused:
        lg.series(book, "TJ", "remittances", years=range(2005, 2009))
    message = str(refused.value)
    assert "2007: tj-rem-2007-nbt (nbt, 2009-01-15), tj-rem-2007-wb (wb, 2010-06-01)" in message
    assert "choose with source=" in message


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("wb", "1691 million USD/year"),
        ("World Bank", "1691 million USD/year"),
        ("nbt", "at least 1600 million USD/year"),
    ],
)
def test_source_chooses_among_competing_entries(book, source, expected):
    remittances = lg.series(book, "TJ", "remittances", years=[2007], source=source)
    assert str(remittances[2007]) == str(lg.Figure.of(*_figure_words(expected)))


def _figure_words(text):
    if text.startswith("at least "):
        return text.removeprefix("at least "), "at_least"
    return text, "exact"


def test_a_revenue_and_an_expenditure_budget_compete_until_a_measure_is_chosen(book):
    with pytest.raises(lg.MissingFigureError, match="measure='revenue'") as refused:
        lg.series(book, "TJ", "budget", years=[2006])
    assert "tj-expenditure-2006" in str(refused.value) and "tj-revenue-2006" in str(refused.value)
    spent = lg.series(book, "TJ", "budget", years=[2005, 2006, 2007], measure="expenditure")
    assert spent[2006] == lg.Figure.range("650 million USD/year", "700 million USD/year")
    assert spent.label == "budget (expenditure)"


def test_claims_said_by_both_sides_are_refused_until_asserted_by_chooses():
    text = """
[sources.s]
publisher = "Pub"
title = "Doc"
date = 2010-01-01

[[entries]]
kind = "claim"
id = "ru-says"
as_of = 2010-01-01
source = "s"
creditor = "RU"
debtor = "TJ"
asserted_by = "RU"
amount = "300 million USD"

[[entries]]
kind = "claim"
id = "tj-says"
as_of = 2010-06-01
source = "s"
creditor = "RU"
debtor = "TJ"
asserted_by = "TJ"
amount = "250 million USD"
"""
    book = lg.loads(text)
    with pytest.raises(lg.MissingFigureError, match="asserted by different parties") as refused:
        lg.series(book, "TJ", "debt", years=[2010])
    assert "ru-says (s, 2010-01-01) asserted by RU" in str(refused.value)
    assert "tj-says (s, 2010-01-01) asserted by TJ" in str(refused.value)
    said = lg.series(book, "TJ", "debt", years=[2010], asserted_by="TJ")
    assert said[2010] == lg.Figure.of("250 million USD")


def test_a_ratio_of_two_series_is_a_series_of_ratios(book):
    remittances = lg.series(book, "TJ", "remittances", years=[2005, 2006], source="nbt")
    budget = lg.series(book, "TJ", "budget", years=[2005, 2006], measure="expenditure")
    share = lg.ratio(remittances, budget)
    assert isinstance(share, lg.Series)
    assert share[2005] == lg.ratio("467 million USD/year", "500 million USD/year")
    assert share[2005].unit == lg.ureg.dimensionless
    # about 1019 over 650..700: the range of the quotient holds both ends
    _, low, high = share[2006].magnitudes
    assert Fraction(low) <= Fraction(1019, 700) < Fraction(1019, 650) <= Fraction(high)
    assert share[2006].approximate


def test_a_ratio_of_series_in_two_currencies_is_refused():
    kg = lg.example("kg-ru-2012")
    remittances = lg.series(kg, "KG", "remittances", years=[2012])
    budget = lg.series(kg, "KG", "budget", years=[2012])
    with pytest.raises(lg.UnitMismatchError, match="currency='KGS'"):
        lg.ratio(remittances, budget)
    converted = lg.series(kg, "KG", "remittances", years=[2012], currency="KGS")
    assert str(lg.ratio(converted, budget)[2012]) == "about 1.09"


def test_a_series_holds_one_unit_per_question():
    book = lg.example("kg-ru-2012") + lg.Budget(
        id="kg-budget-usd-2011",
        as_of=date(2011, 1, 1),
        source=lg.Source(publisher="Pub", title="Doc", date=date(2011, 1, 1)),
        party="KG",
        amount="1 billion USD/year",
        fiscal_year=2011,
    )
    with pytest.raises(lg.UnitMismatchError, match="in KGS, USD; amounts in different currencies"):
        lg.series(book, "KG", "budget", years=[2011, 2012])


@pytest.mark.parametrize(
    ("kwargs", "phrase"),
    [
        (
            {"what": "gdp2"},
            "what: 'gdp2' is not a series; accepted: remittances, budget, gdp, debt",
        ),
        ({"years": "2012"}, "years: str '2012' is not years"),
        ({"years": []}, "years: none given"),
        ({"years": [2012, 2012]}, "names a year twice"),
        ({"years": [2012.0]}, "years: 2012.0 is not a year"),
        ({"what": "remittances", "asserted_by": "RU"}, "name no asserter"),
        ({"what": "budget", "measure": "spending"}, "measure: 'spending' is not accepted"),
        (
            {"what": "remittances", "creditor": "RU"},
            "creditor= and net= choose among claims; what='remittances'",
        ),
        ({"source": "Reuters"}, "source: 'Reuters' names no source of the ledger"),
        ({"party": "kg"}, "party: party 'kg' is not an ISO 3166"),
    ],
)
def test_bad_questions_are_refused_with_what_is_accepted(kwargs, phrase):
    asked = {"party": "KG", "what": "debt", "years": [2012], **kwargs}
    with pytest.raises(lg.LedgerError) as refused:
        lg.series(lg.example("kg-ru-2012"), asked.pop("party"), asked.pop("what"), **asked)
    assert phrase in str(refused.value)


def test_years_with_one_day_questions_are_refused():
    with pytest.raises(lg.MissingFigureError, match="pass one or the other"):
        lg.remittances_to_budget(lg.example(), "TJ", years=[2004], as_of=date(2004, 3, 15))


def test_series_of_different_years_do_not_divide(book):
    a = lg.series(book, "TJ", "budget", years=[2005], measure="expenditure")
    b = lg.series(book, "TJ", "budget", years=[2005, 2007], measure="expenditure")
    with pytest.raises(lg.LedgerError, match="cover different years"):
        lg.ratio(a, b)


def test_to_frame_is_tidy_with_missing_years_empty():
    frame = lg.series(lg.example(), "TJ", "remittances", years=range(2003, 2006)).to_frame()
    assert list(frame["year"]) == [2003, 2004, 2005]
    assert list(frame.columns[:9]) == [
        "year",
        "value",
        "low",
        "high",
        "low_inclusive",
        "high_inclusive",
        "approximate",
        "qualifier",
        "currency",
    ]
    row = frame.set_index("year").loc[2004]
    assert row["value"] is None and row["high"] is None
    assert row["low"] == Decimal("300000000") and row["low_inclusive"] is False
    assert row["qualifier"] == "more_than" and row["currency"] == "USD"
    assert row["sources"] == "RFE/RL, 2004-03-15"
    assert row["unit"] == "USD/year"
    missing = frame.set_index("year").loc[2003]
    assert missing["value"] is None and missing["qualifier"] is None
    assert missing["missing"] == "no remittances to TJ for 2003"


def test_html_shows_each_year_its_figure_and_missing_years_as_missing():
    html = lg.series(lg.example("kg-ru-2012"), "KG", "debt", years=[2011, 2012])._repr_html_()
    assert "<caption>debt for Kyrgyzstan</caption>" in html
    assert "<td>2011</td><td><em>missing</em>: no claim on KG" in html
    assert "<td>2012</td><td>$489M</td><td>ru-claim-kg-2012</td>" in html


def test_plot_draws_bands_for_ranges_and_crosses_for_missing_years(book):
    pytest.importorskip("matplotlib")
    spent = lg.series(book, "TJ", "budget", years=range(2004, 2008), measure="expenditure")
    chart = lg.plot.series(spent, title="Budget")
    (ax,) = chart.axes
    assert len(ax.collections) == 1  # the band of 2006's range
    labels = ax.get_legend_handles_labels()[1]
    assert labels == ["budget (expenditure), Tajikistan", "missing (no figure for the year)"]
    assert ax.get_ylabel() == "$ millions per year"  # as the other charts say it


def test_plot_refuses_series_of_two_units():
    pytest.importorskip("matplotlib")
    kg = lg.example("kg-ru-2012")
    with pytest.raises(lg.UnitMismatchError, match="one unit on one axis"):
        lg.plot.series(
            lg.series(kg, "KG", "debt", years=[2012]),
            lg.series(kg, "KG", "remittances", years=[2012]),
        )


def test_a_reduction_dated_december_31_counts_in_that_year_one_on_january_1_in_the_next():
    source = lg.Source(publisher="Pub", title="Doc", date=date(2010, 1, 1))
    book = lg.Ledger(
        [
            lg.Claim(
                id="c",
                as_of=date(2010, 12, 31),
                source=source,
                creditor="RU",
                debtor="TJ",
                asserted_by="RU",
                amount="100 USD",
            ),
            lg.Settlement(
                id="s-dec",
                as_of=date(2011, 12, 31),
                source=source,
                claim="c",
                amount="10 USD",
                method="payment",
            ),
            lg.Settlement(
                id="s-jan",
                as_of=date(2013, 1, 1),
                source=source,
                claim="c",
                amount="20 USD",
                method="payment",
            ),
        ]
    )
    debt = lg.series(book, "TJ", "debt", years=range(2009, 2014))
    assert debt.items() == [
        (2009, None),
        (2010, lg.Figure.of("100 USD")),
        (2011, lg.Figure.of("90 USD")),
        (2012, lg.Figure.of("90 USD")),
        (2013, lg.Figure.of("70 USD")),
    ]


def test_each_year_of_a_ratio_of_series_says_itself_as_the_named_question_does(book):
    remittances = lg.series(book, "TJ", "remittances", years=[2005], source="nbt")
    budget = lg.series(book, "TJ", "budget", years=[2005], measure="expenditure")
    (year,) = lg.ratio(remittances, budget).points
    assert lg.describe(year.detail) == "Remittances to Tajikistan are 0.93× its budget."
    plain = lg.ratio(budget, remittances).point(2005).detail
    assert lg.describe(plain, "ru_RU") == "Отношение (Таджикистан): около 1,07×."


def test_a_net_debt_below_zero_says_the_party_is_a_net_creditor():
    source = lg.Source(publisher="Pub", title="Doc", date=date(2010, 1, 1))
    book = lg.Ledger(
        [
            lg.Claim(
                id="ru-on-tj",
                as_of=date(2010, 1, 1),
                source=source,
                creditor="RU",
                debtor="TJ",
                asserted_by="RU",
                amount="50 USD",
            ),
            lg.Claim(
                id="tj-on-ru",
                as_of=date(2010, 1, 1),
                source=source,
                creditor="TJ",
                debtor="RU",
                asserted_by="TJ",
                amount="80 USD",
            ),
        ]
    )
    net = lg.series(book, "TJ", "debt", net=True, years=[2010])
    assert net[2010] == lg.Figure.of("-30 USD")
    assert net.point(2010).note == "below zero: TJ is owed more than it owes (a net creditor)"
    assert "below zero: TJ is owed more than it owes" in net.explain()
    assert "(below zero: TJ is owed more than it owes (a net creditor))" in net._repr_html_()
    assert lg.series(book, "TJ", "debt", years=[2010])[2010] == lg.Figure.of("50 USD")


@pytest.mark.parametrize("name", ["tj-ru-2004", "kg-ru-2012"])
def test_net_debt_to_one_creditor_is_the_net_balance_at_each_year_end(name):
    book = lg.example(name)
    party, creditor = ("TJ", "RU") if name == "tj-ru-2004" else ("KG", "RU")
    years = range(2003, 2020)
    net = lg.series(book, party, "debt", creditor=creditor, net=True, years=years)
    for year in years:
        figure = net.get(year)
        if figure is not None:
            balance = lg.net_balance(book, party, creditor, as_of=date(year, 12, 31))
            assert figure == balance.amount, year


def test_debts_in_two_currencies_are_refused_until_a_currency_is_asked():
    book = lg.example() + lg.Claim(
        id="ru-rouble-claim",
        as_of=date(2004, 6, 1),
        source=lg.Source(publisher="Pub", title="Doc", date=date(2004, 6, 1)),
        creditor="RU",
        debtor="TJ",
        asserted_by="RU",
        amount="1 billion RUB",
    )
    with pytest.raises(lg.UnitMismatchError, match="debts of TJ are in RUB, USD"):
        lg.series(book, "TJ", "debt", years=[2004])
    in_usd = lg.series(book, "TJ", "debt", years=[2004], currency="USD")
    assert in_usd.missing == (2004,)  # the ledger holds no RUB/USD rate
    assert "no RUB/USD rate" in in_usd.why(2004) or "no USD/RUB rate" in in_usd.why(2004)


def test_a_series_is_immutable_and_asking_again_gives_an_equal_one():
    first = lg.series(lg.example("kg-ru-2012"), "KG", "debt", years=range(2011, 2019))
    again = lg.series(lg.example("kg-ru-2012"), "KG", "debt", years=range(2011, 2019))
    assert first == again
    assert first != lg.series(lg.example("kg-ru-2012"), "KG", "debt", years=range(2011, 2018))
    with pytest.raises(AttributeError, match="immutable"):
        first.unit = None


def test_plot_says_missing_in_the_reader_s_language():
    pytest.importorskip("matplotlib")
    debt = lg.series(lg.example("kg-ru-2012"), "KG", "debt", years=[2011, 2012])
    (ax,) = lg.plot.series(debt, locale="ru_RU").axes
    assert ax.get_legend_handles_labels()[1] == ["долг, Кыргызстан", "нет данных за год"]


def test_a_claim_dated_after_the_years_asked_does_not_change_their_currency():
    book = lg.example() + lg.Claim(
        id="ru-rouble-claim-2010",
        as_of=date(2010, 6, 1),
        source=lg.Source(publisher="Pub", title="Doc", date=date(2010, 6, 1)),
        creditor="RU",
        debtor="TJ",
        asserted_by="RU",
        amount="1 billion RUB",
    )
    assert lg.series(book, "TJ", "debt", years=[2004])[2004] == lg.Figure.of(
        "300 million USD", "about"
    )


def test_the_html_of_a_series_escapes_what_came_from_a_file():
    hostile = lg.Source(publisher="<script>alert(1)</script>", title="<b>", date=date(2005, 1, 1))
    book = lg.Ledger(
        [
            lg.Remittance(
                id="r",
                as_of=date(2005, 12, 31),
                source=hostile,
                origin="RU",
                destination="TJ",
                amount="1 USD/year",
                quote="<img src=x>",
            ),
        ]
    )
    html = lg.series(
        book, "TJ", "remittances", years=[2005], source=hostile.publisher
    )._repr_html_()
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
