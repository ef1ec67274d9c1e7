"""The year a ratio's figures are for: debt at the end of the year asked, remittances and GDP of
one year, never one year's figure over another year's (issue 13, user check items 1, 2, 4, 5).

GDP (current US$) is the World Bank's WDI (vintage of 2016-05-02): Kyrgyzstan 2011
6,197,766,119 and 2012 6,605,139,933; external debt stocks (DT.DOD.DECT.CD) 2011 about
5.011 billion, 2013 about 6.8 billion (rounded here as a test's figures).
"""

from datetime import date
from fractions import Fraction

import pytest
from oracles import holds

import ledger as lg

WDI = lg.Source(publisher="World Bank", title="World Development Indicators", date=date(2016, 5, 2))
IMF = lg.Source(publisher="IMF", title="World Economic Outlook", date=date(2016, 4, 12))


def gdp(year, amount, published=None, source=WDI, suffix=""):
    return lg.GDP(
        id=f"kg-gdp-{year}{suffix}",
        as_of=published or date(year, 12, 31),
        source=source,
        party="KG",
        year=year,
        amount=f"{amount} USD/year",
    )


def stock(year, amount):
    return lg.DebtStock(
        id=f"kg-external-{year}",
        as_of=date(year, 12, 31),
        source=WDI,
        party="KG",
        measure="external",
        amount=f"{amount} USD",
    )


def test_a_debt_stock_of_the_year_asked_not_the_newest():
    book = lg.Ledger(
        [stock(2011, "5011000000"), stock(2013, "6800000000"), gdp(2011, "6197766119")]
    )
    answer = lg.debt_to_gdp(book, "KG", measure="external", year=2011)
    assert holds(answer.value, Fraction(5_011_000_000, 6_197_766_119))  # about 81%
    assert answer.numerator_entries[0].id == "kg-external-2011"


def test_the_claims_debt_at_the_end_of_the_year_asked():
    book = lg.example("kg-ru-2012") + gdp(2012, "6605139933")
    answer = lg.debt_to_gdp(book, "KG", year=2012)
    assert holds(answer.value, Fraction(488_900_000, 6_605_139_933))
    assert answer.value == lg.debt_to_gdp(book, "KG", years=[2012])[2012]


def test_debt_to_budget_of_a_fiscal_year_weighs_the_debt_at_its_end():
    spot = lg.Rate(
        id="kgs-usd-2012-12-31",
        as_of=date(2012, 12, 31),
        source=WDI,
        rate="47.4 KGS/USD",
        basis="spot",
    )
    book = lg.example("kg-ru-2012") + spot
    one = lg.debt_to_budget(book, "KG", fiscal_year=2012)
    assert [e.id for e in one.numerator_entries] == ["ru-claim-kg-2012"]
    assert one.value == lg.debt_to_budget(book, "KG", years=[2012])[2012]


def test_remittances_as_of_a_day_pair_with_gdp_of_their_own_year():
    # GDP for 2012 published in May 2013: not known on 31 December 2012.
    book = (
        lg.example("kg-ru-2012")
        + gdp(2011, "6197766119")
        + gdp(2012, "6605139933", published=date(2013, 5, 1))
    )
    with pytest.raises(
        lg.MissingFigureError,
        match=r"GDP for KG for 2012 .*kg-gdp-2012 is dated 2013-05-01.*year=2012",
    ):
        lg.remittances_to_gdp(book, "KG", as_of=date(2012, 12, 31))
    later = lg.remittances_to_gdp(book, "KG", as_of=date(2013, 6, 1))
    assert later.denominator_entries[0].year == 2012
    assert "2012" in later.explain().splitlines()[0]


def test_debt_as_of_a_day_pairs_with_the_gdp_of_its_year():
    book = lg.example("kg-ru-2012") + gdp(2012, "6605139933")
    answer = lg.debt_to_gdp(book, "KG", as_of=date(2013, 6, 1))
    # the newest GDP is 2012's: the debt weighed is the debt at the end of 2012
    assert holds(answer.value, Fraction(488_900_000, 6_605_139_933))
    assert "2012" in answer.explain().splitlines()[0]


def test_two_gdp_entries_for_the_year_asked_are_refused_and_source_chooses():
    sent = lg.Remittance(
        id="kg-remittances-2012",
        as_of=date(2012, 12, 31),
        source=WDI,
        origin="RU",
        destination="KG",
        amount="2.03 billion USD/year",
        period="2012",
    )
    imf = gdp(2012, "6.5 billion", source=IMF, suffix="-imf")
    book = lg.Ledger([sent, gdp(2012, "6605139933"), imf])
    with pytest.raises(lg.MissingFigureError, match=r"kg-gdp-2012 .*kg-gdp-2012-imf.*source="):
        lg.remittances_to_gdp(book, "KG", year=2012)
    chosen = lg.remittances_to_gdp(book, "KG", year=2012, source="World Bank")
    assert chosen.denominator_entries[0].id == "kg-gdp-2012"
    by_year = lg.remittances_to_gdp(book, "KG", years=[2012], source="World Bank")
    assert by_year[2012] == chosen.value


@pytest.mark.parametrize(
    ("locale", "sentence"),
    [
        ("en_US", "Kyrgyzstan's external debt is about 81% of its GDP (2011)."),
        ("ru_RU", "Внешний долг / ВВП (Киргизия): около 81\u00a0% (2011 г.)."),
    ],
)
def test_a_debt_stock_ratio_is_described_by_its_measure(locale, sentence):
    book = lg.Ledger([stock(2011, "about 5011000000"), gdp(2011, "6197766119")])
    answer = lg.debt_to_gdp(book, "KG", measure="external", year=2011)
    assert lg.describe(answer, locale) == sentence
    by_year = lg.debt_to_gdp(book, "KG", measure="external", years=[2011]).point(2011).detail
    assert lg.describe(by_year, locale) == sentence


def test_a_ratios_refusal_names_only_options_the_ratio_takes():
    book = lg.example("kg-ru-2012")
    budget = book["kg-republican-budget-2012"]
    other = budget.model_copy(update={"id": "kg-budget-2012-spent", "measure": "expenditure"})
    with pytest.raises(lg.MissingFigureError) as refused:
        lg.remittances_to_budget(book + other, "KG", years=[2012])
    assert "source='...'" in str(refused.value) and "measure=" not in str(refused.value)
