"""Remittances and debt against GDP, with published figures.

GDP (current US$, NY.GDP.MKTP.CD) is the World Bank's World Development Indicators, the bulk
file last updated 2016-05-02 (later vintages revise it): Tajikistan 2011 6,522,755,783;
Kyrgyzstan 2011 6,197,766,119 and 2012 6,605,139,933. Tajikistan's 2011 remittances from
Russia, $2.96 billion, "45.4 percent of gross domestic product", are the National Bank of
Tajikistan's (Interfax, in The Moscow Times, 19 January 2012).
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
MOSCOW_TIMES = lg.Source(
    publisher="The Moscow Times (Interfax)",
    title="Tajiks Send $3Bln Home",
    date=date(2012, 1, 19),
    url="https://www.themoscowtimes.com/2012/01/19/tajiks-send-3bln-home-a12008",
)


def gdp(party, year, amount, **more):
    return lg.GDP(
        id=f"{party.lower()}-gdp-{year}",
        as_of=date(year, 12, 31),
        source=WDI,
        party=party,
        year=year,
        amount=f"{amount} USD/year",
        **more,
    )


TJ_2011 = lg.Remittance(
    id="tj-remittances-from-ru-2011",
    as_of=date(2011, 12, 31),
    source=MOSCOW_TIMES,
    origin="RU",
    destination="TJ",
    amount="2.96 billion USD/year",
    period="2011",
    quote="Money transfers from Russia to Tajikistan grew 33.6 percent to $2.96 billion last "
    "year, which amounted to 45.4 percent of gross domestic product",
)


def as_fraction(figure):
    return Fraction(figure.value.magnitude)


def exactly(figure, exact):
    """The exact quotient lies within the figure's bounds, and they are tight (a quotient that
    does not terminate is rounded outward, never cut)."""
    tight = all(
        abs(Fraction(end.magnitude) - exact) < exact * Fraction(1, 10**40)
        for end in (figure.low, figure.high, figure.value)
        if end is not None
    )
    return holds(figure, exact) and tight


def test_tajik_remittances_of_2011_against_gdp_give_the_national_banks_share():
    book = lg.Ledger([TJ_2011, gdp("TJ", 2011, "6522755783")])
    answer = lg.remittances_to_gdp(book, "TJ", year=2011)
    assert exactly(answer.value, Fraction(2_960_000_000, 6_522_755_783))
    assert lg.is_pure(answer.value.unit)
    # The published share, 45.4 percent, to the digit the bank gave.
    assert abs(as_fraction(answer.value) - Fraction(454, 1000)) < Fraction(5, 10000)
    assert lg.format_ratio(answer.value, "en_US", as_percent=True) == "about 45%"


def test_the_year_asked_picks_the_gdp_and_remittances_of_that_year():
    book = lg.Ledger([TJ_2011, gdp("TJ", 2011, "6522755783"), gdp("TJ", 2012, "7633036366")])
    assert lg.remittances_to_gdp(book, "TJ", year=2011).denominator_entries[0].year == 2011
    with pytest.raises(lg.MissingFigureError, match="no remittances for TJ"):
        lg.remittances_to_gdp(book, "TJ", year=2012)


def test_kyrgyz_debt_to_russia_against_gdp_of_2012():
    book = lg.example("kg-ru-2012") + gdp("KG", 2012, "6605139933")
    answer = lg.debt_to_gdp(book, "KG", year=2012, as_of=date(2012, 12, 31))
    assert exactly(answer.value, Fraction(488_900_000, 6_605_139_933))  # about 7.4%
    assert lg.is_pure(answer.value.unit)
    assert [e.id for e in answer.numerator_entries] == ["ru-claim-kg-2012"]


def test_kyrgyz_debt_after_the_write_off_counts_what_is_outstanding():
    # (a debt at the end of 2013 weighs against the GDP of 2013, never of 2012)
    book = lg.example("kg-ru-2012") + gdp("KG", 2012, "6605139933") + gdp("KG", 2013, "7335027592")
    answer = lg.debt_to_gdp(book, "KG", year=2013)
    assert exactly(answer.value, Fraction(300_000_000, 7_335_027_592))


def test_kyrgyz_remittances_from_russia_against_gdp_of_2011():
    book = lg.example("kg-ru-2012") + gdp("KG", 2011, "6197766119")
    answer = lg.remittances_to_gdp(book, "KG", year=2011)
    assert exactly(answer.value, Fraction(1_572_000_000, 6_197_766_119))  # about 25%


def test_a_recorded_debt_stock_is_weighed_when_a_measure_is_asked():
    stock = lg.DebtStock(
        id="kg-external-2012",
        as_of=date(2012, 12, 31),
        source=WDI,
        party="KG",
        amount="about 6 billion USD",
    )
    book = lg.Ledger([stock, gdp("KG", 2012, "6605139933")])
    answer = lg.debt_to_gdp(book, "KG", measure="external")
    assert answer.value.approximate
    assert exactly(answer.value, Fraction(6_000_000_000, 6_605_139_933))
    assert answer.numerator_entries == (stock,)
    with pytest.raises(lg.MissingFigureError, match="ask with measure='external'"):
        lg.debt_to_gdp(book, "KG")
    with pytest.raises(lg.MissingFigureError, match="no public debt stock for KG"):
        lg.debt_to_gdp(book, "KG", measure="public")


def test_remittances_in_roubles_convert_at_the_average_rate_of_their_year():
    rate = lg.Rate(
        id="rub-usd-2011",
        as_of=date(2011, 12, 31),
        source=WDI,
        rate="29.4 RUB/USD",
        basis="average",
        period_start=date(2011, 1, 1),
    )
    roubles = TJ_2011.model_copy(update={"amount": lg.Figure.of("87.024 billion RUB/year")})
    book = lg.Ledger([roubles, rate, gdp("TJ", 2011, "6522755783")])
    answer = lg.remittances_to_gdp(book, "TJ", year=2011)
    assert answer.rates == (rate,)
    assert exactly(answer.value, Fraction(87_024 * 10**7, 294) / 6_522_755_783)
    assert "rub-usd-2011" in answer.explain()


def test_the_explanation_names_each_entry_and_its_source():
    book = lg.Ledger([TJ_2011, gdp("TJ", 2011, "6522755783")])
    text = lg.remittances_to_gdp(book, "TJ", year=2011).explain()
    assert "remittances to GDP for TJ, as of 2011-12-31" in text
    assert "tj-remittances-from-ru-2011" in text and "The Moscow Times (Interfax)" in text
    assert "tj-gdp-2011" in text and "World Bank, 2016-05-02" in text


REFUSALS = [
    (lambda b: lg.debt_to_gdp(b, "KG"), lg.MissingFigureError, "no GDP for KG"),
    (lambda b: lg.remittances_to_gdp(b, "KG"), lg.MissingFigureError, "no remittances for KG"),
    (
        lambda b: lg.debt_to_gdp(b, "TJ", as_of=date(2011, 6, 1)),
        lg.MissingFigureError,
        "the ledger's GDP entries for TJ start 2011-12-31",
    ),
    (lambda b: lg.debt_to_gdp(b, "TJ"), lg.MissingFigureError, "add claims on TJ, or a debt_stock"),
    (lambda b: lg.debt_to_gdp(b, "TJ", measure="gross"), lg.LedgerError, "accepted: external"),
    (lambda b: lg.debt_to_gdp(b, "TJ", measure="public", net=True), lg.LedgerError, "net=True"),
    (lambda b: lg.debt_to_gdp(b, "TJ", year="2011"), lg.LedgerError, "year: str '2011'"),
    (lambda b: lg.remittances_to_gdp(b, "tj"), lg.LedgerError, "upper-case: 'TJ'"),
]


@pytest.mark.parametrize(("ask", "error", "phrase"), REFUSALS)
def test_a_question_that_cannot_be_answered_says_what_to_add(ask, error, phrase):
    book = lg.Ledger([TJ_2011, gdp("TJ", 2011, "6522755783")])
    with pytest.raises(error, match=phrase):
        ask(book)


def test_two_gdp_entries_for_one_year_compete_and_are_named():
    other = gdp("TJ", 2011, "6.5 billion").model_copy(update={"id": "tj-gdp-2011-imf"})
    book = lg.Ledger([TJ_2011, gdp("TJ", 2011, "6522755783"), other])
    with pytest.raises(lg.MissingFigureError, match=r"tj-gdp-2011 \(.*tj-gdp-2011-imf .*source="):
        lg.remittances_to_gdp(book, "TJ", year=2011)


@pytest.mark.parametrize(
    ("locale", "sentence"),
    [
        ("en_US", "Remittances to Tajikistan are about 45% of its GDP (2011)."),
        ("ru_RU", "Денежные переводы / ВВП (Таджикистан): около 45\u00a0% (2011 г.)."),
    ],
)
def test_a_share_of_gdp_is_described_as_a_percentage(locale, sentence):
    book = lg.Ledger([TJ_2011, gdp("TJ", 2011, "6522755783")])
    assert lg.describe(lg.remittances_to_gdp(book, "TJ", year=2011), locale) == sentence


def test_debt_against_gdp_is_described_in_words():
    book = lg.example("kg-ru-2012") + gdp("KG", 2012, "6605139933")
    answer = lg.debt_to_gdp(book, "KG", as_of=date(2012, 12, 31))
    assert lg.describe(answer) == "Kyrgyzstan's debt is about 7% of its GDP (2012)."
    net = lg.debt_to_gdp(book, "KG", net=True, as_of=date(2012, 12, 31))
    assert lg.describe(net) == "Kyrgyzstan's net debt is about 7% of its GDP (2012)."
