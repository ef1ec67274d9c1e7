"""A user's re-check of the ratio helpers (issue 13): source= as a tie-breaker between
competing entries of one side, figures of one year paired and the year said."""

from datetime import date

import pytest

import ledger as lg

WDI = lg.Source(publisher="World Bank", title="World Development Indicators", date=date(2016, 5, 2))
IMF = lg.Source(publisher="IMF", title="World Economic Outlook", date=date(2016, 4, 12))
NBKR = lg.Source(publisher="NBKR", title="Balance of payments", date=date(2015, 3, 1))


def kg_gdp(source, amount, year=2012):
    return lg.GDP(
        id=f"kg-gdp-{year}-{source.publisher.lower().replace(' ', '-')}",
        as_of=date(year, 12, 31),
        source=source,
        party="KG",
        year=year,
        amount=f"{amount} USD/year",
    )


def two_gdps():
    return lg.example("kg-ru-2012") + kg_gdp(WDI, "6605139933") + kg_gdp(IMF, "6554000000")


def test_source_chooses_the_gdp_and_keeps_the_ledgers_own_claims():
    answer = lg.debt_to_gdp(two_gdps(), "KG", year=2012, source="World Bank")
    assert [e.id for e in answer.denominator_entries] == ["kg-gdp-2012-world-bank"]
    assert "ru-claim-kg-2012" in [e.id for e in answer.numerator_entries]
    assert answer.year == 2012


def test_source_chooses_in_years_mode_too():
    answer = lg.debt_to_gdp(two_gdps(), "KG", years=[2012], source="World Bank")
    point = answer.point(2012)
    assert point.figure is not None
    assert "kg-gdp-2012-world-bank" in [e.id for e in point.entries]


def test_source_chooses_the_gdp_and_keeps_the_only_remittances():
    answer = lg.remittances_to_gdp(two_gdps(), "KG", year=2012, source="IMF")
    assert [e.id for e in answer.denominator_entries] == ["kg-gdp-2012-imf"]
    assert [e.id for e in answer.numerator_entries] == ["kg-migrant-remittances-2012"]


def remittances_2014(amount="2.2 billion USD/year"):
    return lg.Remittance(
        id="kg-remittances-2014",
        as_of=date(2014, 12, 31),
        source=NBKR,
        origin="RU",
        destination="KG",
        amount=amount,
        period="2014",
    )


def test_remittances_to_budget_pairs_the_newest_year_both_have():
    book = lg.example("kg-ru-2012") + remittances_2014()
    answer = lg.remittances_to_budget(book, "KG", as_of=date(2015, 6, 1))
    assert answer.year == 2012
    assert [e.id for e in answer.numerator_entries] == ["kg-migrant-remittances-2012"]
    assert [e.id for e in answer.denominator_entries] == ["kg-republican-budget-2012"]


def test_remittances_to_budget_refuses_years_that_never_meet_naming_them():
    book = lg.Ledger([e for e in lg.example("kg-ru-2012") if e.kind != "remittance"])
    book = book + remittances_2014()
    with pytest.raises(lg.MissingFigureError, match=r"2014.*2012|2012.*2014"):
        lg.remittances_to_budget(book, "KG", as_of=date(2015, 6, 1))


def test_remittances_to_budget_of_a_fiscal_year_takes_that_years_remittances():
    book = lg.example("kg-ru-2012") + remittances_2014()
    answer = lg.remittances_to_budget(book, "KG", fiscal_year=2012, as_of=date(2015, 6, 1))
    assert [e.id for e in answer.numerator_entries] == ["kg-migrant-remittances-2012"]
    assert answer.year == 2012


def test_a_ratio_of_a_year_says_its_year():
    book = two_gdps()
    answer = lg.debt_to_gdp(book, "KG", year=2012, source="World Bank")
    assert "(2012)" in lg.describe(answer)
    budget = lg.remittances_to_budget(book, "KG", as_of=date(2015, 6, 1))
    assert "(2012)" in lg.describe(budget)
    assert "2012" in lg.describe(answer, "ru_RU")


def test_the_year_hint_is_not_repeated_when_the_year_was_given():
    book = lg.example("kg-ru-2012") + lg.GDP(
        id="kg-gdp-2012-late",
        as_of=date(2014, 1, 1),
        source=WDI,
        party="KG",
        year=2012,
        amount="6605139933 USD/year",
    )
    with pytest.raises(lg.MissingFigureError) as refused:
        lg.remittances_to_gdp(book, "KG", year=2012, as_of=date(2013, 6, 1))
    assert "with year=2012" not in str(refused.value)


def test_a_source_id_lost_with_a_new_ledger_is_refused_saying_how_to_keep_it():
    book = lg.example("kg-ru-2012")
    again = lg.Ledger(list(book))
    with pytest.raises(lg.LedgerError, match=r"book \+ entries") as refused:
        lg.remittances_to_budget(again, "KG", source="issue-12")
    assert "'issue-12'" in str(refused.value)
    kept = book + kg_gdp(WDI, "6605139933")  # adding entries keeps the file's source ids
    answer = lg.remittances_to_gdp(kept, "KG", year=2012, source="issue-12")
    assert [e.id for e in answer.numerator_entries] == ["kg-migrant-remittances-2012"]
