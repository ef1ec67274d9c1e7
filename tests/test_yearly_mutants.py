# ruff: noqa: E501  (refusals are checked word for word)
"""Tests aimed at the mutants that survived a mutation run of yearly.py: each refusal of a
series question word for word, the ends of the years accepted, which entries and parties a
series takes (and which it leaves), the conversions and notes of each year, and a ratio of two
series keeping what both sides carry. Expected figures are worked out by hand in comments."""

from datetime import date

import pytest

import ledger as lg
from ledger.yearly import Point, Series, divided, from_source, named, year_of

# Made-up yearly flows for KG, TJ and UZ (not published figures): som amounts that convert at
# round rates (an average of 47 for 2012, spot 45 from June and 50 from December), roubles that
# convert only through the euro, and a monthly remittance.
FLOWS = """
[sources.s1]
publisher = "Pub One"
title = "Flows"
date = 2013-01-15

[sources.s2]
publisher = "Pub Two"
title = "Other flows"
date = 2013-02-01

[[entries]]
kind = "rate"
id = "kgs-usd-2012-average"
as_of = 2012-12-31
source = "s1"
rate = "47 KGS/USD"
basis = "average"
period_start = 2012-01-01

[[entries]]
kind = "rate"
id = "kgs-usd-2012-06-01"
as_of = 2012-06-01
source = "s1"
rate = "45 KGS/USD"

[[entries]]
kind = "rate"
id = "kgs-usd-2012-12-01"
as_of = 2012-12-01
source = "s1"
rate = "50 KGS/USD"

[[entries]]
kind = "rate"
id = "rub-eur-2012-01-01"
as_of = 2012-01-01
source = "s1"
rate = "40 RUB/EUR"

[[entries]]
kind = "rate"
id = "usd-eur-2012-01-01"
as_of = 2012-01-01
source = "s1"
rate = "0.8 EUR/USD"

[[entries]]
kind = "remittance"
id = "kg-rem-2011"
as_of = 2011-12-31
source = "s1"
origin = ["RU"]
destination = "KG"
amount = "4700 KGS/year"
period = "2011"

[[entries]]
kind = "remittance"
id = "kg-rem-2012"
as_of = 2012-12-31
source = "s1"
origin = ["RU"]
destination = "KG"
amount = "4700 KGS/year"
period = "2012"

[[entries]]
kind = "remittance"
id = "tj-rem-2012"
as_of = 2012-12-31
source = "s1"
origin = ["RU"]
destination = "TJ"
amount = "3200 RUB/year"
period = "2012"

[[entries]]
kind = "remittance"
id = "uz-rem-2012"
as_of = 2012-12-31
source = "s1"
origin = ["RU"]
destination = "UZ"
amount = "10 USD/month"
period = "2012"

[[entries]]
kind = "budget"
id = "kg-budget-2012"
as_of = 2012-01-01
source = "s1"
party = "KG"
amount = "9400 KGS/year"
fiscal_year = 2012

[[entries]]
kind = "budget"
id = "tj-budget-2012"
as_of = 2012-01-01
source = "s1"
party = "TJ"
amount = "500 USD/year"
fiscal_year = 2012

[[entries]]
kind = "gdp"
id = "kg-gdp-2012"
as_of = 2012-12-31
source = "s1"
party = "KG"
amount = "47000 KGS/year"
year = 2012

[[entries]]
kind = "gdp"
id = "tj-gdp-2012"
as_of = 2012-12-31
source = "s1"
party = "TJ"
amount = "7000 USD/year"
year = 2012

[[entries]]
kind = "debt_stock"
id = "kg-debt-2012-06"
as_of = 2012-06-30
source = "s1"
party = "KG"
amount = "4500 KGS"
measure = "public_external"

[[entries]]
kind = "debt_stock"
id = "tj-debt-2012"
as_of = 2012-12-31
source = "s1"
party = "TJ"
amount = "900 USD"
measure = "public_external"
"""

SOURCE = lg.Source(publisher="Pub", title="Doc", date=date(2010, 1, 1))
OTHER = lg.Source(publisher="Other Pub", title="Doc", date=date(2010, 2, 1))


@pytest.fixture
def flows():
    return lg.loads(FLOWS)


def claim(cid, creditor, debtor, amount, day=date(2010, 1, 1), asserted_by=None, source=SOURCE):
    return lg.Claim(
        id=cid,
        as_of=day,
        source=source,
        creditor=creditor,
        debtor=debtor,
        asserted_by=asserted_by or creditor,
        amount=amount,
    )


def settlement(sid, cid, amount, day, method="payment"):
    return lg.Settlement(id=sid, as_of=day, source=SOURCE, claim=cid, amount=amount, method=method)


def refusal(error_type, make):
    with pytest.raises(error_type) as caught:
        make()
    return str(caught.value)


# -- the years asked -------------------------------------------------------------------------


def test_one_year_may_be_asked_as_a_bare_number(flows):
    assert lg.series(flows, "TJ", "gdp", years=2012).years == (2012,)


@pytest.mark.parametrize(
    ("years", "words"),
    [
        (
            True,
            "years: bool True is not years; pass years such as range(2005, 2013) or [2011, 2012]",
        ),
        (
            "2012",
            "years: str '2012' is not years; pass years such as range(2005, 2013) or [2011, 2012]",
        ),
        (
            2012.0,
            "years: float 2012.0 is not years; pass years such as range(2005, 2013) or [2011, 2012]",
        ),
        ([0], "years: 0 is not a year; a year is a whole number, e.g. 2012"),
        ([9999], "years: 9999 is not a year; a year is a whole number, e.g. 2012"),
        ([2012, True], "years: True is not a year; a year is a whole number, e.g. 2012"),
        ([2012.0], "years: 2012.0 is not a year; a year is a whole number, e.g. 2012"),
        ([], "years: none given; pass years such as range(2005, 2013)"),
        ([2012, 2012], "years: [2012, 2012] names a year twice; name each once"),
    ],
)
def test_years_not_accepted_are_refused_word_for_word(flows, years, words):
    assert refusal(lg.LedgerError, lambda: lg.series(flows, "TJ", "gdp", years=years)) == words


def test_the_first_and_the_last_year_accepted_are_years_like_any_other(flows):
    gdp = lg.series(flows, "TJ", "gdp", years=[1, 9998])
    assert gdp.missing == (1, 9998)
    assert gdp.why(1) == "no GDP of TJ for 1"
    debt = lg.series(flows, "TJ", "debt", years=[1, 9998])
    assert debt.why(9998) == "no claim on TJ dated on or before 9998-12-31"


# -- the question ----------------------------------------------------------------------------


@pytest.mark.parametrize("what", ["remittances", "gdp"])
def test_a_measure_is_refused_for_what_has_none(flows, what):
    words = refusal(
        lg.LedgerError, lambda: lg.series(flows, "TJ", what, years=[2012], measure="revenue")
    )
    assert words == (
        "measure: 'revenue' is not accepted here; a budget's measure is one of revenue, "
        "expenditure, unspecified, a published debt stock's one of external, public, "
        "public_external"
    )


def test_a_measure_of_the_other_kind_is_refused(flows):
    words = refusal(
        lg.LedgerError, lambda: lg.series(flows, "TJ", "budget", years=[2012], measure="public")
    )
    assert words.startswith("measure: 'public' is not accepted here; ")


def test_creditor_and_net_are_refused_where_there_are_no_claims(flows):
    words = refusal(
        lg.LedgerError, lambda: lg.series(flows, "TJ", "budget", years=[2012], net=True)
    )
    assert words == "creditor= and net= choose among claims; what='budget' takes neither"
    words = refusal(
        lg.LedgerError,
        lambda: lg.series(
            flows, "TJ", "debt", years=[2012], measure="public_external", creditor="RU"
        ),
    )
    assert words == (
        "creditor= and net= choose among claims; what='debt' with "
        "measure='public_external' (a published stock) takes neither"
    )


@pytest.mark.parametrize(
    ("kwargs", "label"),
    [
        ({"what": "debt", "measure": "public_external"}, "public external debt stock"),
        ({"what": "debt", "measure": "external"}, "external debt stock"),
        ({"what": "debt"}, "debt"),
        ({"what": "debt", "net": True}, "net debt"),
        ({"what": "debt", "creditor": "RU"}, "debt to RU"),
        ({"what": "debt", "creditor": "RU", "net": True}, "net debt to RU"),
        ({"what": "gdp"}, "GDP"),
        ({"what": "budget"}, "budget"),
        ({"what": "budget", "measure": "revenue"}, "budget (revenue)"),
        ({"what": "remittances"}, "remittances"),
    ],
)
def test_each_question_has_its_label(flows, kwargs, label):
    asked = lg.series(flows, "TJ", years=[2012], **kwargs)
    assert asked.label == label
    assert asked.question == label


# -- which entries a series takes --------------------------------------------------------------


@pytest.mark.parametrize(
    ("what", "kwargs", "figure"),
    [
        ("remittances", {}, "4700 KGS/year"),
        ("budget", {}, "9400 KGS/year"),
        ("gdp", {}, "47000 KGS/year"),
        ("debt", {"measure": "public_external"}, "4500 KGS"),
    ],
)
def test_a_series_takes_the_party_s_entries_only(flows, what, kwargs, figure):
    # TJ has one of each too (in other currencies): KG's series holds KG's alone
    asked = lg.series(flows, "KG", what, years=[2012], **kwargs)
    assert str(asked[2012]) == figure
    assert [e.id for e in asked.point(2012).entries] == [
        {"remittances": "kg-rem-2012", "budget": "kg-budget-2012", "gdp": "kg-gdp-2012"}.get(
            what, "kg-debt-2012-06"
        )
    ]


def test_a_flow_converts_at_the_average_of_its_year(flows):
    # 4700 som at the 2012 average of 47 som to the dollar: 100 USD (not 50 on December 31)
    remittances = lg.series(flows, "KG", "remittances", years=[2012], currency="USD")
    assert str(remittances[2012]) == "100 USD/year"
    (conversion,) = remittances.point(2012).conversions
    assert conversion.rate.id == "kgs-usd-2012-average"
    assert [rate.id for rate in remittances.point(2012).rates] == ["kgs-usd-2012-average"]


def test_a_debt_stock_converts_at_the_rate_on_its_own_day(flows):
    # 4500 som on 2012-06-30 at the spot of 45 from June 1: 100 USD (not the year's average
    # of 47, nor the December spot of 50)
    stock = lg.series(flows, "KG", "debt", measure="public_external", years=[2012], currency="USD")
    assert str(stock[2012]) == "100 USD"
    assert [rate.id for rate in stock.point(2012).rates] == ["kgs-usd-2012-06-01"]


def test_a_rate_too_old_for_max_age_leaves_the_year_missing(flows):
    stock = lg.series(
        flows,
        "KG",
        "debt",
        measure="public_external",
        years=[2012],
        currency="USD",
        max_age=10,
    )
    assert stock.missing == (2012,)
    assert stock.why(2012) == (
        "4500 KGS not converted: rate kgs-usd-2012-06-01 dated 2012-06-01 is 29 days older "
        "than 2012-06-30; max_age allows 10 days. Add a USD/KGS rate dated closer to that "
        "day, or allow older rates"
    )
    assert [e.id for e in stock.point(2012).entries] == ["kg-debt-2012-06"]
    assert stock.point(2012).reasons == ()  # said in English only: not a missing rate


def test_roubles_convert_to_dollars_only_through_the_euro_when_asked(flows):
    # 3200 RUB at 40 RUB/EUR is 80 EUR; at 0.8 EUR/USD that is 100 USD
    via = lg.series(flows, "TJ", "remittances", years=[2012], currency="USD", via="EUR")
    assert str(via[2012]) == "100 USD/year"
    assert [rate.id for rate in via.point(2012).rates] == [
        "rub-eur-2012-01-01",
        "usd-eur-2012-01-01",
    ]
    direct = lg.series(flows, "TJ", "remittances", years=[2012], currency="USD")
    assert direct.missing == (2012,)


def test_a_year_without_a_rate_is_missing_and_the_next_year_still_counts(flows):
    remittances = lg.series(flows, "KG", "remittances", years=[2011, 2012], currency="USD")
    assert remittances.years == (2011, 2012)
    assert str(remittances[2012]) == "100 USD/year"
    point = remittances.point(2011)
    assert point.figure is None
    assert point.missing == (
        "4700 KGS/year not converted: no KGS/USD rate in force on 2011-12-31; rates for the "
        "pair: kgs-usd-2012-06-01 from 2012-06-01, kgs-usd-2012-12-01 from 2012-12-01, "
        "kgs-usd-2012-average average over 2012-01-01..2012-12-31. Add a Rate entry dated on "
        "or before that day"
    )
    assert [e.id for e in point.entries] == ["kg-rem-2011"]
    assert point.conversions == ()
    assert point.reasons == (("", ("no rate", {"pair": "KGS/USD", "day": "2011-12-31"})),)


def test_a_monthly_flow_is_counted_per_year(flows):
    # 10 USD a month is 120 USD a year
    remittances = lg.series(flows, "UZ", "remittances", years=[2012])
    assert str(remittances[2012]) == "120 USD/year"
    assert remittances.point(2012).conversions == ()


def test_a_flow_in_its_own_currency_takes_no_conversion(flows):
    for currency in (None, "USD"):
        budget = lg.series(flows, "TJ", "budget", years=[2012], currency=currency)
        assert str(budget[2012]) == "500 USD/year"
        assert budget.point(2012).conversions == ()
        assert budget.point(2012).rates == ()


def test_a_missing_year_says_why_for_a_reader_in_any_language(flows):
    gdp = lg.series(flows, "TJ", "gdp", years=[2011])
    assert gdp.point(2011).reasons == (
        ("", ("none in year", {"what": "gdp", "party": "TJ", "year": "2011"})),
    )
    debt = lg.series(flows, "TJ", "debt", years=[2011])
    assert debt.point(2011).reasons == (("", ("no claims", {"party": "TJ", "day": "2011-12-31"})),)


def test_flows_in_two_currencies_are_refused_word_for_word(flows):
    book = flows + lg.Remittance(
        id="kg-rem-usd-2012",
        as_of=date(2010, 12, 31),
        source=SOURCE,
        origin=["KZ"],
        destination="KG",
        amount="5 USD/year",
        period="2010",
    )
    words = refusal(
        lg.UnitMismatchError, lambda: lg.series(book, "KG", "remittances", years=[2010, 2012])
    )
    assert words == (
        "the remittances of KG are in KGS, USD; amounts in two currencies are never added "
        "to one series: pass currency='...' to convert them by the rate policy"
    )


def test_several_years_with_competing_entries_are_all_named(flows):
    book = flows + [
        lg.GDP(
            id=f"tj-gdp-{year}-other",
            as_of=date(year, 12, 31),
            source=OTHER,
            party="TJ",
            amount="1 USD/year",
            year=year,
        )
        for year in (2011, 2012)
    ]
    book = book + lg.GDP(
        id="tj-gdp-2011",
        as_of=date(2011, 12, 31),
        source=SOURCE,
        party="TJ",
        amount="2 USD/year",
        year=2011,
    )
    words = refusal(lg.MissingFigureError, lambda: lg.series(book, "TJ", "gdp", years=[2011, 2012]))
    assert words == (
        "several gdp entries for TJ speak for one year (2011: tj-gdp-2011 (Pub, 2010-01-01), "
        "tj-gdp-2011-other (Other Pub, 2010-02-01); 2012: tj-gdp-2012 (s1, 2013-01-15), "
        "tj-gdp-2012-other (Other Pub, 2010-02-01)); choose with source='...' (a source id "
        "or publisher)"
    )


# -- sources -----------------------------------------------------------------------------------


def test_an_unknown_source_is_refused_with_the_sources_known(flows):
    words = refusal(lg.LedgerError, lambda: from_source(flows, ["x", "y"]))
    assert words == (
        "source: 'x', 'y' names no source of the ledger; pass a source id or publisher: "
        "Pub One, s1, s2"
    )


def test_a_ledger_without_source_ids_says_where_they_come_from(flows):
    bare = lg.Ledger(list(flows))
    words = refusal(lg.LedgerError, lambda: from_source(bare, "s1"))
    assert words == (
        "source: 's1' names no source of the ledger (this ledger has no source ids: they come "
        "from a file's sources table, which a new Ledger(...) of the entries leaves behind; "
        "book + entries keeps them); pass a source id or publisher: Pub One"
    )
    assert from_source(bare, "Pub One")(flows["kg-gdp-2012"])


def test_entries_are_named_by_id_with_their_sources(flows):
    assert named(flows, [flows["tj-gdp-2012"], flows["kg-gdp-2012"]]) == (
        "kg-gdp-2012 (s1, 2013-01-15), tj-gdp-2012 (s1, 2013-01-15)"
    )


def test_the_year_of_an_entry():
    assert year_of(lg.example("kg-ru-2012")["kg-republican-budget-2012"]) == 2012
