"""Macro aggregates as entries: a country's GDP (a flow) and its debt stocks (a stock), in
files, in the ledger's queries, in strategies and on screen."""

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ledger as lg
from ledger import strategies as lst

WDI = """
[sources.wdi]
publisher = "World Bank"
title = "World Development Indicators: GDP (current US$), NY.GDP.MKTP.CD"
date = 2024-06-28
"""

GDP_AND_DEBT = (
    WDI
    + """
[[entries]]
kind = "gdp"
id = "tj-gdp-2004"
as_of = 2004-12-31
source = "wdi"
party = "TJ"
amount = "2076148710 USD/year"
year = 2004
quote = "Tajikistan, TJK, GDP (current US$), NY.GDP.MKTP.CD, 2004"

[[entries]]
kind = "debt_stock"
id = "tj-external-2004"
as_of = 2004-12-31
source = "wdi"
party = "TJ"
amount = "about 900 million USD"
measure = "public_external"

[[entries]]
kind = "debt_stock"
id = "kg-external-2012"
as_of = 2012-12-31
source = "wdi"
party = "KG"
amount = "6 billion USD"
"""
)


def test_gdp_and_debt_stocks_load_with_their_fields():
    book = lg.loads(GDP_AND_DEBT)
    gdp = book["tj-gdp-2004"]
    assert isinstance(gdp, lg.GDP) and gdp.year == 2004 and gdp.party == "TJ"
    assert gdp.amount == lg.Figure.of("2076148710 USD/year")
    stock = book["tj-external-2004"]
    assert isinstance(stock, lg.DebtStock) and stock.measure == "public_external"
    assert stock.amount == lg.Figure.of("900 million USD", "about")
    assert book["kg-external-2012"].measure == "external"  # the default, left unsaid


@pytest.mark.parametrize("format", ["toml", "json"])
def test_a_file_of_macro_entries_is_written_back_as_it_was_read(format):
    book = lg.loads(GDP_AND_DEBT)
    text = book.dumps(format)
    again = lg.loads(text, format=format)
    assert again == book
    assert again.dumps(format) == text


def test_the_json_form_names_the_kinds_and_keeps_the_year_a_number():
    rows = json.loads(lg.loads(GDP_AND_DEBT).dumps("json"))["entries"]
    assert [row["kind"] for row in rows] == ["gdp", "debt_stock", "debt_stock"]
    assert rows[0]["year"] == 2004 and rows[0]["amount"] == "2076148710 USD/year"
    assert rows[1]["qualifier"] == "about"


def test_old_files_load_unchanged():
    for name in lg.examples():
        book = lg.example(name)
        assert lg.loads(book.dumps()) == book
        assert book.gdp() == [] and book.debt_stocks() == []


def _entry(kind, **fields):
    rows = "\n".join(f"{key} = {value}" for key, value in fields.items())
    return (
        WDI
        + f'\n[[entries]]\nkind = "{kind}"\nid = "x"\nas_of = 2004-12-31\nsource = "wdi"\n{rows}\n'
    )


REFUSED = [
    (_entry("gdp", party='"TJ"', amount='"2 billion USD"'), "amount", "is not a flow"),
    (_entry("gdp", party='"TJ"', amount='"2 billion USD/year"', year='"2004"'), "year", "whole"),
    (_entry("gdp", party='"TJ"', amount='"2 billion USD/year"', year="0"), "year", "not a year"),
    (_entry("gdp", party='"tj"', amount='"2 billion USD/year"'), "party", "upper-case"),
    (_entry("gdp", amount='"2 billion USD/year"'), "party", "missing"),
    (_entry("gdp", party='"TJ"', amount='"-2 USD/year"'), "amount", "negative"),
    (_entry("debt_stock", party='"KG"', amount='"6 billion USD/year"'), "amount", "not a stock"),
    (
        _entry("debt_stock", party='"KG"', amount='"6 billion USD"', measure='"gross"'),
        "measure",
        "'external', 'public' or 'public_external'",
    ),
    (_entry("debt_stock", party='"KG"', amount='"6 billion USD"', year="2012"), "year", "unknown"),
]


@pytest.mark.parametrize(("text", "field", "phrase"), REFUSED)
def test_a_bad_macro_entry_is_refused_naming_its_field(text, field, phrase):
    with pytest.raises(lg.LedgerFileError) as caught:
        lg.loads(text)
    message = str(caught.value)
    assert f"entries[0] (x): {field}" in message and phrase in message


def test_an_unknown_kind_lists_the_new_kinds_among_those_accepted():
    with pytest.raises(lg.LedgerFileError, match=r"accepted: .*gdp, debt_stock"):
        lg.loads(_entry("gross_product", party='"TJ"'))


def test_built_in_code_the_same_refusals_come_as_ledger_errors():
    source = lg.Source(publisher="World Bank", title="WDI", date=date(2024, 6, 28))
    with pytest.raises(lg.LedgerFileError, match="is not a flow"):
        lg.GDP(id="g", as_of=date(2004, 12, 31), source=source, party="TJ", amount="1 USD")


# -- queries -------------------------------------------------------------------------------


def test_the_ledger_finds_gdp_by_party_and_year():
    book = lg.loads(GDP_AND_DEBT)
    assert [g.id for g in book.gdp(party="TJ")] == ["tj-gdp-2004"]
    assert book.gdp(party="TJ", year=2005) == [] and book.gdp(party="KG") == []
    assert book.gdp(as_of=date(2004, 12, 30)) == []


def test_the_ledger_finds_debt_stocks_by_party_and_measure():
    book = lg.loads(GDP_AND_DEBT)
    assert [d.id for d in book.debt_stocks()] == ["tj-external-2004", "kg-external-2012"]
    assert [d.id for d in book.debt_stocks(measure="external")] == ["kg-external-2012"]
    both = book.debt_stocks(measure=("external", "public_external"))
    assert len(both) == 2
    assert [d.id for d in book.debt_stocks(party="TJ")] == ["tj-external-2004"]


@pytest.mark.parametrize(
    ("ask", "phrase"),
    [
        (lambda b: b.debt_stocks(measure="gross"), "'gross' is not a debt measure; accepted"),
        (lambda b: b.debt_stocks(party="tj"), "upper-case: 'TJ'"),
        (lambda b: b.gdp(party="Tajikistan"), "not an ISO 3166 alpha-2 code"),
    ],
)
def test_a_query_with_an_unknown_filter_is_refused(ask, phrase):
    with pytest.raises(lg.LedgerError, match=phrase):
        ask(lg.loads(GDP_AND_DEBT))


def test_a_gdp_converts_at_the_average_rate_of_its_year():
    book = lg.loads(GDP_AND_DEBT)
    assert lg.flow_period(book["tj-gdp-2004"]) == (date(2004, 1, 1), date(2004, 12, 31))


# -- strategies and faces --------------------------------------------------------------------


@settings(max_examples=30)
@given(st.sampled_from(["gdp", "debt_stock", "share"]).flatmap(lst.entries))
def test_generated_macro_entries_survive_a_file(entry):
    book = lg.Ledger([entry])
    assert lg.loads(book.dumps()) == book
    assert lg.loads(book.dumps("json"), format="json") == book


def test_the_strategies_draw_every_kind_in_ledgers():
    from hypothesis import find

    for kind in ("gdp", "debt_stock", "share"):
        found = find(lst.ledgers(), lambda b, k=kind: any(e.kind == k for e in b))
        assert any(e.kind == kind for e in found)


def test_a_strategy_for_a_macro_kind_refuses_claim_statuses():
    from hypothesis.errors import InvalidArgument

    with pytest.raises(InvalidArgument, match="a gdp has no status"):
        lst.entries("gdp", statuses=("settled",)).example()


def test_the_html_table_lists_gdp_and_debt_with_the_party_by_name():
    html = lg.loads(GDP_AND_DEBT).to_html()
    assert "<td>GDP</td><td>tj-gdp-2004</td><td>Tajikistan</td>" in html
    assert "<td>debt stock</td><td>kg-external-2012</td><td>Kyrgyzstan</td>" in html
    assert "about $900M" in html


SHARE = _entry(
    "share",
    party='"TJ"',
    amount='"0.452959"',
    numerator='"Personal remittances, received"',
    denominator='"GDP"',
    year="2011",
)


def test_a_published_share_is_kept_as_a_pure_number():
    book = lg.loads(SHARE)
    share = book.shares(party="TJ", year=2011)[0]
    assert share.amount == lg.Figure.of("0.452959") and lg.is_pure(share.amount.unit)
    assert lg.loads(book.dumps()) == book
    assert "<td>Personal remittances, received / GDP</td>" in book.to_html()


@pytest.mark.parametrize(
    ("amount", "phrase"), [('"45 USD"', "is not a pure number"), ('"-0.1"', "negative")]
)
def test_a_share_with_a_unit_or_below_zero_is_refused(amount, phrase):
    with pytest.raises(lg.LedgerFileError, match=phrase):
        lg.loads(SHARE.replace('"0.452959"', amount))


def test_a_frame_of_macro_entries_and_a_share_gives_the_ledger_back():
    pytest.importorskip("pandas")
    book = lg.loads(GDP_AND_DEBT) + lg.loads(SHARE)
    frame = book.to_frame()
    assert frame.loc[frame["kind"] == "share", "amount_unit"].tolist() == ["dimensionless"]
    assert lg.Ledger.from_frame(frame) == book
