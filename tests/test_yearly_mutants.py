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
[parties.KG]
name = {ru = "Кыргызстан"}

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
        "the remittances of KG are in KGS, USD; amounts in different currencies are never added "
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


# -- debts -----------------------------------------------------------------------------------


@pytest.fixture
def debts():
    """KG owes RU 100 USD and CN 200 USD from 2010, less 10 paid to RU and 20 written off by
    CN in 2011; RU owes KG 30 USD from 2011, and UZ owes KG 40 USD from 2010."""
    return lg.Ledger(
        [
            claim("ru-on-kg", "RU", "KG", "100 USD"),
            claim("cn-on-kg", "CN", "KG", "200 USD", day=date(2010, 6, 1), source=OTHER),
            claim("kg-on-ru", "KG", "RU", "30 USD", day=date(2011, 3, 1)),
            claim("kg-on-uz", "KG", "UZ", "40 USD"),
            settlement("ru-kg-paid", "ru-on-kg", "10 USD", date(2011, 5, 1)),
            settlement("cn-kg-off", "cn-on-kg", "20 USD", date(2011, 7, 1), "write_off"),
        ]
    )


def figures(asked):
    return [None if figure is None else str(figure) for _, figure in asked.items()]


def test_the_debt_of_each_year_end_less_what_was_settled(debts):
    # 2010: 100 + 200; 2011: (100 - 10) + (200 - 20)
    debt = lg.series(debts, "KG", "debt", years=[2009, 2010, 2011])
    assert figures(debt) == [None, "300 USD", "270 USD"]
    assert [e.id for e in debt.point(2011).entries] == [
        "ru-on-kg",
        "cn-on-kg",
        "cn-kg-off",
        "ru-kg-paid",
    ]
    assert [e.id for e in debt.point(2010).entries] == ["ru-on-kg", "cn-on-kg"]
    assert debt.point(2011).note is None
    assert debt.point(2011).conversions == ()


def test_the_debt_to_one_creditor_leaves_the_others_out(debts):
    debt = lg.series(debts, "KG", "debt", creditor="RU", years=[2010, 2011])
    assert figures(debt) == ["100 USD", "90 USD"]


def test_a_net_debt_to_one_creditor_takes_off_only_what_that_creditor_owes(debts):
    # 2010: 100 owed to RU (UZ's 40 owed to KG is not RU's); 2011: 90 - 30
    net = lg.series(debts, "KG", "debt", creditor="RU", net=True, years=[2010, 2011])
    assert figures(net) == ["100 USD", "60 USD"]
    assert [p.note for p in net.points] == [None, None]


def test_asserted_by_chooses_the_claims_both_ways_of_a_net_debt(debts):
    # RU asserts its claim on KG; KG asserts its claim on RU, which is left out
    net = lg.series(debts, "KG", "debt", creditor="RU", net=True, asserted_by="RU", years=[2011])
    assert figures(net) == ["90 USD"]


def test_source_keeps_the_claims_of_that_source(debts):
    debt = lg.series(debts, "KG", "debt", source="Other Pub", years=[2010, 2011])
    assert figures(debt) == ["200 USD", "180 USD"]
    debt = lg.series(debts, "KG", "debt", prefer="Other Pub", years=[2011])
    assert figures(debt) == ["180 USD"]


def test_a_party_owed_more_than_it_owes_is_said_to_be_a_net_creditor(debts):
    # UZ owes KG 40 USD and KG owes UZ nothing
    net = lg.series(debts, "KG", "debt", creditor="UZ", net=True, years=[2010])
    assert figures(net) == ["-40 USD"]
    assert net.point(2010).note == "below zero: KG is owed more than it owes (a net creditor)"


WHAT = "TJ is owed more than it owes (a net creditor)"


@pytest.mark.parametrize(
    ("owed", "owing", "net", "note"),
    [
        ("50 USD", "80 USD", "-30 USD", f"below zero: {WHAT}"),
        ("50 USD", "50 USD", "0 USD", None),
        ("50.5 USD", "50 USD", "0.5 USD", None),
        ("51 USD", "50 USD", "1 USD", None),
        (
            lg.Figure.range("40 USD", "60 USD"),
            "50 USD",
            "between -10 and 10 USD",
            f"direction unknown: may be below zero, {WHAT}",
        ),
        (
            lg.Figure.range("40 USD", "50 USD"),
            "50 USD",
            "between -10 and 0 USD",
            f"below zero: {WHAT}",
        ),
        (
            lg.Figure.range("40 USD", "50.5 USD"),
            "50 USD",
            "between -10 and 0.5 USD",
            f"direction unknown: may be below zero, {WHAT}",
        ),
        (
            lg.Figure.range("40 USD", "51 USD"),
            "50 USD",
            "between -10 and 1 USD",
            f"direction unknown: may be below zero, {WHAT}",
        ),
    ],
)
def test_a_net_debt_says_what_its_sign_means(owed, owing, net, note):
    book = lg.Ledger([claim("ru-on-tj", "RU", "TJ", owed), claim("tj-on-ru", "TJ", "RU", owing)])
    asked = lg.series(book, "TJ", "debt", net=True, years=[2010])
    assert str(asked[2010]) == net
    assert asked.point(2010).note == note


def test_debts_in_two_currencies_add_up_in_the_one_asked():
    # 100 USD + 5000 KGS at 50 KGS/USD = 200 USD
    rate = lg.Rate(id="kgs-usd-2010", as_of=date(2010, 1, 1), source=SOURCE, rate="50 KGS/USD")
    book = lg.Ledger(
        [
            claim("ru-on-kg", "RU", "KG", "100 USD"),
            claim("cn-on-kg", "CN", "KG", "5000 KGS"),
            rate,
        ]
    )
    debt = lg.series(book, "KG", "debt", currency="USD", years=[2010])
    assert str(debt[2010]) == "200 USD"
    (conversion,) = debt.point(2010).conversions
    assert conversion.rate.id == "kgs-usd-2010"
    assert str(conversion.original) == "5000 KGS"
    assert debt.point(2010).rates == (rate,)


def test_a_year_whose_debts_cannot_be_converted_is_missing():
    book = lg.Ledger(
        [
            claim("ru-on-kg", "RU", "KG", "100 USD"),
            claim("cn-on-kg", "CN", "KG", "5000 KGS"),
            settlement("cn-kg-paid", "cn-on-kg", "1000 KGS", date(2010, 6, 1)),
        ]
    )
    debt = lg.series(book, "KG", "debt", currency="USD", years=[2010])
    point = debt.point(2010)
    # the som owed at the year end (5000 - 1000) are what found no rate: the words name them,
    # not the first claim's 100 USD
    assert point.missing == (
        "4000 KGS not converted: no KGS/USD rate in force on 2010-12-31; rates for the pair: "
        "none. Add a Rate entry dated on or before that day"
    )
    assert [e.id for e in point.entries] == ["ru-on-kg", "cn-on-kg"]
    assert point.reasons == (("", ("no rate", {"pair": "KGS/USD", "day": "2010-12-31"})),)


def test_a_claim_dated_on_the_last_day_asked_counts_for_the_currency():
    book = lg.Ledger(
        [
            claim("ru-on-kg", "RU", "KG", "100 USD"),
            claim("cn-on-kg", "CN", "KG", "5000 KGS", day=date(2011, 12, 31)),
        ]
    )
    words = refusal(lg.UnitMismatchError, lambda: lg.series(book, "KG", "debt", years=[2010, 2011]))
    assert words == (
        "the debts of KG are in KGS, USD; amounts in different currencies are never added to one "
        "series: pass currency='...' to convert them by the rate policy"
    )


def test_one_debt_said_by_both_sides_is_refused_word_for_word():
    book = lg.Ledger(
        [
            claim("ru-says", "RU", "KG", "100 USD"),
            claim("kg-says", "RU", "KG", "100 USD", day=date(2011, 12, 31), asserted_by="KG"),
        ]
    )
    words = refusal(
        lg.MissingFigureError, lambda: lg.series(book, "KG", "debt", years=[2010, 2011])
    )
    assert words == (
        "claims of RU on KG are asserted by different parties (kg-says (Pub, 2010-01-01) "
        "asserted by KG, ru-says (Pub, 2010-01-01) asserted by RU): the same debt may be said "
        "twice; choose with asserted_by='...' or source='...'"
    )
    # a claim dated after the last year asked has no say
    assert figures(lg.series(book, "KG", "debt", years=[2010])) == ["100 USD"]


# -- a series itself ---------------------------------------------------------------------------


def usd(year, amount):
    return Point(year, lg.Figure.of(f"{amount} USD"))


def test_a_series_reads_as_its_years_and_figures():
    held = Series("TJ", "debt", [usd(2011, 5), Point(2010, None, missing="none")])
    assert held.names == {}
    assert str(held) == "debt for TJ: 2010: missing, 2011: 5 USD"
    assert repr(held) == "<Series debt for TJ: 2010: missing, 2011: 5 USD>"
    assert list(held) == [2010, 2011]
    assert 2011 in held and 2010 in held
    assert 2012 not in held
    assert len(held) == 2


def test_a_year_not_asked_is_refused_with_the_years_asked():
    held = Series("TJ", "debt", [usd(2012, 1), usd(2010, 2), usd(2011, 3)])
    with pytest.raises(KeyError) as caught:
        held.point(2013)
    assert caught.value.args == ("2013 is not a year of this series (years asked: 2010..2012)",)
    with pytest.raises(KeyError) as caught:
        Series("TJ", "debt", []).point(2013)
    assert caught.value.args == ("2013 is not a year of this series (years asked: none)",)


def test_a_series_holds_each_year_once_and_one_unit():
    words = refusal(lg.LedgerError, lambda: Series("TJ", "debt", [usd(2011, 1), usd(2011, 2)]))
    assert words == "a series holds each year once; given [2011, 2011]"
    mixed = [usd(2010, 1), Point(2011, lg.Figure.of("1 RUB")), usd(2012, 1)]
    words = refusal(lg.UnitMismatchError, lambda: Series("TJ", "debt", mixed))
    assert words == "a series holds one unit; its years are in RUB, USD"


# -- a ratio of two series ---------------------------------------------------------------------


class Answer:
    def __init__(self, year, up, down):
        self.value = up.figure / down.figure

    def explain(self, locale=None):
        return "answer"


def ratio(top, bottom, question="share"):
    return divided(top, bottom, Answer, question=question, value=lambda a: a.value)


def test_only_a_series_divides_a_series():
    held = Series("TJ", "debt", [usd(2010, 1)])
    for top, bottom in ((held, 5), (5, held), (held, None)):
        words = refusal(lg.LedgerError, lambda top=top, bottom=bottom: ratio(top, bottom))
        assert words == "a ratio of series divides a Series by a Series"


def test_series_of_different_years_are_refused_with_both_spans():
    words = refusal(
        lg.LedgerError,
        lambda: ratio(
            Series("TJ", "a", [usd(2010, 1), usd(2011, 1)]), Series("TJ", "b", [usd(2012, 1)])
        ),
    )
    assert words == (
        "the series cover different years (2010..2011 and 2012..2012); ask both for the same years"
    )
    words = refusal(
        lg.LedgerError, lambda: ratio(Series("TJ", "a", []), Series("TJ", "b", [usd(2012, 1)]))
    )
    assert (
        words
        == "the series cover different years (none and 2012..2012); ask both for the same years"
    )


def test_a_ratio_of_series_keeps_both_sides(flows):
    remittances = lg.series(flows, "KG", "remittances", years=[2011, 2012], currency="USD")
    gdp = lg.series(flows, "TJ", "gdp", years=[2011, 2012])
    shares = ratio(remittances, gdp, question="remittances to GDP")
    assert shares.party == "KG/TJ"
    assert shares.label == "remittances / GDP"
    assert shares.question == "remittances to GDP"
    assert shares.names == {"KG": {"name": {"ru": "Кыргызстан"}}}
    # 100 USD / 7000 USD
    assert shares[2012] == lg.Figure.of("100 USD/year") / lg.Figure.of("7000 USD/year")
    point = shares.point(2012)
    assert [e.id for e in point.entries] == ["kg-rem-2012", "tj-gdp-2012"]
    assert [c.rate.id for c in point.conversions] == ["kgs-usd-2012-average"]
    assert point.detail.explain() == "answer"
    missing = shares.point(2011)
    assert missing.missing == (f"remittances: {remittances.why(2011)}; GDP: no GDP of TJ for 2011")
    assert missing.reasons == (
        ("remittances", ("no rate", {"pair": "KGS/USD", "day": "2011-12-31"})),
        ("GDP", ("none in year", {"what": "gdp", "party": "TJ", "year": "2011"})),
    )


def test_a_ratio_of_one_party_s_series_is_that_party_s(flows):
    shares = ratio(
        lg.series(flows, "TJ", "budget", years=[2012]),
        lg.series(flows, "TJ", "gdp", years=[2012]),
    )
    assert shares.party == "TJ"
    assert shares.question == "share"


def test_a_ratio_says_a_side_s_reason_only_where_every_missing_side_gives_one(flows):
    stock = lg.series(
        flows, "KG", "debt", measure="public_external", years=[2012], currency="USD", max_age=10
    )
    gdp = lg.series(flows, "TJ", "gdp", years=[2012])
    assert ratio(stock, gdp).point(2012).reasons == ()  # max_age's refusal has no reason
    missing_gdp = lg.series(flows, "UZ", "gdp", years=[2012])
    both = ratio(stock, missing_gdp).point(2012)
    assert both.reasons == ()
    assert both.missing.startswith("public external debt stock: 4500 KGS not converted: ")
    assert both.missing.endswith("; GDP: no GDP of UZ for 2012")


def test_a_ratio_missing_on_one_side_says_that_side_s_reason_alone():
    said = ("none in year", {"what": "gdp", "party": "TJ", "year": "2011"})
    top = Series("TJ", "top", [Point(2011, None, missing="no top", reasons=(("", said),))])
    bottom = Series("TJ", "bottom", [usd(2011, 4)])
    point = ratio(top, bottom).point(2011)
    assert point.missing == "top: no top"
    assert point.reasons == (("top", said),)
    assert point.entries == () and point.conversions == ()
    point = ratio(bottom, top).point(2011)
    assert point.missing == "top: no top"
    assert point.reasons == (("top", said),)
    untold = Series("TJ", "untold", [Point(2011, None, missing="no reason given")])
    point = ratio(untold, bottom).point(2011)
    assert point.missing == "untold: no reason given"
    assert point.reasons == ()
