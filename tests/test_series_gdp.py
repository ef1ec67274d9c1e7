"""Series of GDP and of published debt stocks, and their ratios, with published figures.

GDP (current US$, NY.GDP.MKTP.CD) is the World Bank's World Development Indicators, bulk file
last updated 2016-05-02: Kyrgyzstan 2011 6,197,766,119 and 2012 6,605,139,933. The debt stock
of "about $6 billion" is illustrative.
"""

from datetime import date
from fractions import Fraction

import pytest
from oracles import holds

import ledger as lg

WDI = lg.Source(
    publisher="World Bank",
    title="World Development Indicators: GDP (current US$), NY.GDP.MKTP.CD",
    date=date(2016, 5, 2),
)
ILLUSTRATIVE = lg.Source(publisher="debt-ledger tests", title="Illustrative", date=date(2026, 1, 1))


def gdp(year, amount):
    return lg.GDP(
        id=f"kg-gdp-{year}",
        as_of=date(year, 12, 31),
        source=WDI,
        party="KG",
        year=year,
        amount=f"{amount} USD/year",
    )


STOCK = lg.DebtStock(
    id="kg-external-2012",
    as_of=date(2012, 12, 31),
    source=ILLUSTRATIVE,
    party="KG",
    amount="about 6 billion USD",
)


@pytest.fixture
def book():
    more = (gdp(2011, "6197766119"), gdp(2012, "6605139933"), STOCK)
    return lg.example("kg-ru-2012") + more


def test_gdp_by_year_with_a_missing_year(book):
    got = lg.series(book, "KG", "gdp", years=range(2010, 2013))
    assert got.items() == [
        (2010, None),
        (2011, lg.Figure.of("6197766119 USD/year")),
        (2012, lg.Figure.of("6605139933 USD/year")),
    ]
    assert got.why(2010) == "no GDP of KG for 2010"
    assert got.label == "GDP"


def test_remittances_to_gdp_by_year_are_each_year_s_exact_share(book):
    share = lg.ratio(
        lg.series(book, "KG", "remittances", years=range(2010, 2013)),
        lg.series(book, "KG", "gdp", years=range(2010, 2013)),
    )
    assert share.missing == (2010,)
    assert holds(share[2011], Fraction(1_572_000_000, 6_197_766_119))  # about 25%
    assert holds(share[2012], Fraction(2_000_000_000, 6_605_139_933))
    assert share[2012].approximate
    sentence = lg.describe(share.point(2011).detail)
    assert sentence == "Remittances to Kyrgyzstan are about 25% of its GDP (2011)."


def test_the_published_debt_stock_is_a_choice_for_debt(book):
    stock = lg.series(book, "KG", "debt", measure="external", years=[2011, 2012])
    assert stock.get(2011) is None
    assert stock.why(2011) == "no published debt stock of KG for 2011"
    assert stock[2012] == lg.Figure.of("6 billion USD", "about")
    assert stock.label == "external debt stock"
    claims = lg.series(book, "KG", "debt", years=[2012])
    assert claims[2012] == lg.Figure.of("488.9 million USD")  # the claims, not the stock


def test_debt_stock_to_gdp_by_year_asks_debt_to_gdp(book):
    share = lg.ratio(
        lg.series(book, "KG", "debt", measure="external", years=[2012]),
        lg.series(book, "KG", "gdp", years=[2012]),
    )
    detail = share.point(2012).detail
    assert detail.question == "debt_to_gdp"
    assert holds(share[2012], Fraction(6_000_000_000, 6_605_139_933))


@pytest.mark.parametrize(
    ("kwargs", "phrase"),
    [
        ({"measure": "revenue"}, "measure: 'revenue' is not accepted here"),
        ({"measure": "external", "creditor": "RU"}, "with measure='external' (a published"),
        ({"measure": "external", "asserted_by": "RU"}, "debt stock entries name no asserter"),
    ],
)
def test_a_published_stock_is_not_chosen_among_claims(book, kwargs, phrase):
    with pytest.raises(lg.LedgerError) as refused:
        lg.series(book, "KG", "debt", years=[2012], **kwargs)
    assert phrase in str(refused.value)


def test_two_gdp_figures_for_a_year_are_refused_by_name(book):
    revised = lg.GDP(
        id="kg-gdp-2012-revised",
        as_of=date(2013, 12, 31),
        source=ILLUSTRATIVE,
        party="KG",
        year=2012,
        amount="6.5 billion USD/year",
    )
    with pytest.raises(lg.MissingFigureError) as refused:
        lg.series(book + revised, "KG", "gdp", years=[2012])
    assert "kg-gdp-2012 (World Bank, 2016-05-02)" in str(refused.value)
    assert "kg-gdp-2012-revised (debt-ledger tests, 2026-01-01)" in str(refused.value)
    chosen = lg.series(book + revised, "KG", "gdp", years=[2012], source="World Bank")
    assert chosen[2012] == lg.Figure.of("6605139933 USD/year")


def test_debt_to_gdp_by_year_is_a_pure_number_as_published(book):
    share = lg.debt_to_gdp(book, "KG", years=[2011, 2012])
    assert share.missing == (2011,)
    assert share[2012].unit == lg.ureg.dimensionless
    assert holds(share[2012], Fraction(488_900_000, 6_605_139_933))  # about 7.4% of GDP
    one_year = lg.debt_to_gdp(book, "KG", year=2012, as_of=date(2012, 12, 31))
    assert share[2012] == one_year.value
    stock = lg.debt_to_gdp(book, "KG", measure="external", years=[2012])
    assert holds(stock[2012], Fraction(6_000_000_000, 6_605_139_933))
    assert stock.point(2012).detail.denominator_label == "GDP of a year"


def test_remittances_to_gdp_by_year_matches_the_one_year_question(book):
    share = lg.remittances_to_gdp(book, "KG", years=range(2010, 2013))
    assert share.missing == (2010,)
    for year in (2011, 2012):
        assert share[year] == lg.remittances_to_gdp(book, "KG", year=year).value
    with pytest.raises(lg.MissingFigureError, match="year= ask for one"):
        lg.remittances_to_gdp(book, "KG", years=[2012], year=2012)
