# ruff: noqa: E501  (refusals are checked word for word)
"""Tests aimed at the mutants that survived a mutation run of loans.py and concessional.py:
each refusal checked by its class and distinctive words, explain() lines of a tiny loan
written out by hand, the outstanding principal on the days around each payment."""

import math
from datetime import date
from decimal import Decimal
from fractions import Fraction
from types import SimpleNamespace

import pytest

import ledger as lg
from ledger.loans import Tranches

SOURCE = lg.Source(publisher="World Bank", title="terms", date=date(2020, 1, 15))
TINY = lg.Terms(interest="2%", maturity_years=3, disbursed=date(2020, 1, 15))


def claim(terms=None, amount="300 EUR"):
    return lg.Claim(
        id="tiny",
        as_of=date(2020, 1, 15),
        source=SOURCE,
        creditor="org:ida",
        debtor="TJ",
        asserted_by="org:ida",
        amount=amount,
        terms=terms,
    )


def settlement(sid, day, amount):
    return lg.Settlement(
        id=sid, as_of=day, source=SOURCE, claim="tiny", amount=amount, method="write_off"
    )


# -- a tiny loan by hand: 300 EUR at 2%, equal principal over 3 years, discounted at 5% -------
# payments 100+6, 100+4, 100+2; factors 1/1.05**k; present values 106/1.05 = 100.952..,
# 104/1.1025 = 94.331.., 102/1.157625 = 88.111..; sum 283.3948.. -> about 283.39 EUR


def hand_pv():
    return sum(
        (Fraction(p) / Fraction(105, 100) ** k for k, p in ((1, 106), (2, 104), (3, 102))),
        Fraction(0),
    )


def test_the_tiny_loan_explains_each_payment_line_by_line():
    assert f"{float(hand_pv()):.2f}" == "283.39"
    lines = lg.present_value(TINY, principal="300 EUR").explain().splitlines()
    assert lines[0] == "present value on 2020-01-15 at 5% a year: about 283.39 EUR"
    assert lines[1] == (
        "  date         years               payment          factor         present value"
    )
    assert lines[2] == (
        "  2021-01-15       1                   106    0.9523809524                100.95"
        "  principal 100.00 + interest 6.00"
    )
    assert lines[3] == (
        "  2022-01-15       2                   104    0.9070294785                 94.33"
        "  principal 100.00 + interest 4.00"
    )
    assert lines[4] == (
        "  2023-01-15       3                   102    0.8638375985                 88.11"
        "  principal 100.00 + interest 2.00"
    )
    assert lines[5] == "  undiscounted: 312 EUR; discounted: about 283.39 EUR"
    assert lines[6].startswith("  (the payments of the terms, exact: each shown to the cent")
    assert len(lines) == 7


def test_the_tiny_loan_per_period_and_a_claim_give_the_same_lines():
    pv = lg.present_value(claim(TINY), compounding="per_period")
    lines = pv.explain("debt service").splitlines()
    assert lines[0] == "present value on 2020-01-15 at 5% a year, per period: about 283.39 EUR"
    assert "debt service" in lines[1]
    assert pv.on == date(2020, 1, 15)
    assert [line.amount for line in pv.lines] == [Decimal(106), Decimal(104), Decimal(102)]
    assert [line.years for line in pv.lines] == [1, 2, 3]
    assert [line.value for line in pv.lines] == [
        Decimal("100.95"),
        Decimal("94.33"),
        Decimal("88.11"),
    ]


def test_a_schedule_is_discounted_without_the_exact_payments_note():
    lines = lg.present_value(lg.schedule(TINY, principal="300 EUR")).explain().splitlines()
    assert len(lines) == 6
    assert lines[2].endswith("  payment 1")


def test_the_tiny_loan_valued_a_year_later_carries_nothing_forward():
    pv = lg.present_value(TINY, on=date(2021, 1, 15), principal="300 EUR")
    # 106 on the day itself, 104/1.05, 102/1.1025 = 106 + 99.0476.. + 92.5170.. = 297.5646..
    expected = 106 + Fraction(104) / Fraction(105, 100) + Fraction(102) / Fraction(105, 100) ** 2
    assert f"{float(expected):.2f}" == "297.56"
    assert str(pv.value) == "about 297.56 EUR"
    assert [line.years for line in pv.lines] == [0, 1, 2]


def test_a_payment_before_the_day_is_said_to_be_carried_forward():
    pv = lg.present_value(TINY, on=date(2022, 1, 15), principal="300 EUR")
    lines = pv.explain().splitlines()
    assert lines[2].endswith("(before the day: carried forward, not discounted)")
    assert "carried forward" not in lines[3] and "carried forward" not in lines[4]
    assert "     -1" in lines[2]


def test_the_grant_element_of_the_tiny_loan_by_hand():
    ge = lg.grant_element(TINY, principal="300 EUR")
    exact = 1 - hand_pv() / 300  # 0.055350394..
    assert f"{float(exact):.6f}" == "0.055350"  # written without the trailing zero
    assert str(ge.value) == "about 0.05535"
    assert ge.explain().splitlines()[0] == (
        "grant element: about 0.05535 = (face 300 EUR - present value about 283.39 EUR) "
        "/ face 300 EUR"
    )


def test_a_free_loan_discounted_at_nothing_has_no_grant_element_exactly():
    free = lg.Terms(interest="0%", maturity_years=2, disbursed=date(2020, 1, 15))
    ge = lg.grant_element(free, "0%", principal="300 EUR")
    assert str(ge.value) == "0"
    pv = lg.present_value(free, "0%", principal="300 EUR")
    assert str(pv.value) == "300 EUR"
    assert str(pv.undiscounted) == "300 EUR"


def test_settlements_are_discounted_from_the_first_one():
    cuts = [
        settlement("b", date(2022, 1, 15), "105 EUR"),
        settlement("a", date(2021, 1, 15), "100 EUR"),
    ]
    pv = lg.present_value(cuts)
    assert pv.on == date(2021, 1, 15)
    assert str(pv.value) == "200 EUR"  # 100 + 105 / 1.05, exactly
    assert str(pv.undiscounted) == "205 EUR"
    assert [line.what for line in pv.lines] == ["b (write_off)", "a (write_off)"]
    assert [line.years for line in pv.lines] == [1, 0]


def test_rough_settlements_give_an_about():
    cuts = [settlement("a", date(2021, 1, 15), "about 100 EUR")]
    assert str(lg.present_value(cuts).value) == "about 100 EUR"


# -- refusals ---------------------------------------------------------------------------------

PAYMENTS = tuple(lg.schedule(TINY, principal="300 EUR"))
UNDATED = tuple(lg.schedule(lg.Terms(interest="2%", maturity_years=3), principal="300 EUR"))


def test_a_settlement_and_payments_are_discounted_together():
    cut = settlement("a", date(2020, 1, 15), "about 10 EUR")
    pv = lg.present_value([cut, *PAYMENTS])
    assert [line.what for line in pv.lines] == [
        "a (write_off)",
        "payment 1",
        "payment 2",
        "payment 3",
    ]
    assert [line.years for line in pv.lines] == [0, 1, 2, 3]
    assert [line.amount for line in pv.lines] == [10, 106, 104, 102]
    assert str(pv.undiscounted) == "about 322 EUR"
    assert str(pv.value) == "about 293.39 EUR"  # 10 + 283.3948.. by hand above


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (
            lambda: lg.present_value([SimpleNamespace(terms=None)]),
            "SimpleNamespace is not a payment; pass a claim with terms, a schedule, payments or settlements",
        ),
        (
            lambda: lg.grant_element(SimpleNamespace(terms=None)),
            "claim ? has no terms; give it terms=lg.Terms(interest=..., maturity_years=...) (in a file, an [entries.terms] table)",
        ),
        (
            lambda: lg.schedule(SimpleNamespace(terms=None)),
            "claim ? has no terms; give it terms=lg.Terms(interest=..., maturity_years=...) (in a file, an [entries.terms] table)",
        ),
        (
            lambda: lg.present_value([settlement("a", date(2021, 1, 1), "1 EUR"), *UNDATED]),
            "payment 1 has no date; pass the Schedule itself",
        ),
        (
            lambda: lg.present_value([]),
            "no payments: pass a claim with terms, a schedule, or payments",
        ),
        (
            lambda: lg.present_value(PAYMENTS),
            "payments alone have no currency; pass the Schedule itself",
        ),
        (
            lambda: lg.present_value([3]),
            "int is not a payment; pass a claim with terms, a schedule, payments or settlements",
        ),
        (
            lambda: lg.present_value(
                [
                    settlement("a", date(2021, 1, 1), "1 EUR"),
                    settlement("b", date(2021, 1, 1), "1 USD"),
                ]
            ),
            "the payments are in EUR, USD: convert them to one currency first (lg.convert)",
        ),
        (
            lambda: lg.present_value(TINY),
            "principal: terms alone have no amount; pass principal='300 million USD' (or pass a claim with terms, whose amount is the principal)",
        ),
        (
            lambda: lg.grant_element(TINY),
            "principal: terms alone have no amount; pass principal='300 million USD' (or pass a claim with terms, whose amount is the principal)",
        ),
        (
            lambda: lg.present_value(claim()),
            "claim tiny has no terms; give it terms=lg.Terms(interest=..., maturity_years=...) (in a file, an [entries.terms] table)",
        ),
        (
            lambda: lg.grant_element(claim()),
            "claim tiny has no terms; give it terms=lg.Terms(interest=..., maturity_years=...) (in a file, an [entries.terms] table)",
        ),
        (lambda: lg.grant_element("x"), "str is not a claim with terms nor lg.Terms"),
        (
            lambda: lg.present_value(TINY, principal="300"),
            "principal: 300 is not one amount of money; a loan's principal is, e.g. '300 million USD'",
        ),
        (
            lambda: lg.present_value(TINY, principal="more than 300 EUR"),
            "principal: more than 300 EUR is not one amount of money; a loan's principal is, e.g. '300 million USD'",
        ),
        (
            lambda: lg.present_value(TINY, principal="0 EUR"),
            "principal: 0 EUR is not positive; a loan's principal is",
        ),
        (
            lambda: lg.present_value(claim(TINY), principal="0 EUR"),
            "claim tiny: 0 EUR is not positive; a loan's principal is",
        ),
        (
            lambda: lg.present_value(TINY, "between 1% and 2%", principal="300 EUR"),
            "rate: between 1% and 2% is not one rate; a discount rate is one number, e.g. '5%' or Decimal('0.05')",
        ),
        (
            lambda: lg.present_value(TINY, principal="300 EUR", compounding="daily"),
            "compounding 'daily' is not known; accepted: 'annual', 'per_period'",
        ),
        (
            lambda: lg.present_value(
                lg.Terms(interest="2%", maturity_years=3), on=date(2021, 1, 1), principal="3 EUR"
            ),
            "on: the terms give no disbursement day, so the payments have no dates; give Terms(disbursed=...) or leave on out (the disbursement day)",
        ),
        (
            lambda: lg.schedule(TINY),
            "principal: terms alone have no amount; pass principal='300 million USD' (or pass a claim with terms, whose amount is the principal)",
        ),
        (
            lambda: lg.schedule(claim()),
            "claim tiny has no terms; give it terms=lg.Terms(interest=..., maturity_years=...) (in a file, an [entries.terms] table)",
        ),
        (
            lambda: lg.schedule(3),
            "int is not a claim nor terms; pass a Claim with terms or lg.Terms",
        ),
        (
            lambda: lg.schedule(TINY, principal="300"),
            "principal: 300 is not an amount of money; write e.g. '1000 USD'",
        ),
        (
            lambda: lg.schedule(TINY, principal="300 EUR/year"),
            "principal: 300 EUR/year is not an amount of money; write e.g. '1000 USD'",
        ),
        (
            lambda: lg.schedule(TINY, principal="more than 300 EUR"),
            "principal: more than 300 EUR is not one amount; a schedule needs one principal, e.g. '300 million USD' or 'about 300 million USD'",
        ),
        (
            lambda: lg.schedule(TINY, principal="0 EUR"),
            "principal: 0 EUR is not positive; a loan's principal is",
        ),
        (
            lambda: lg.schedule(claim(TINY), principal="0 EUR"),
            "claim tiny: 0 EUR is not positive; a loan's principal is",
        ),
        (
            lambda: lg.schedule(
                lg.Terms(interest="between 1% and 2%", maturity_years=3), principal="3 EUR"
            ),
            "interest between 1% and 2% is not one rate; a schedule needs one (give the terms with interest='1.5%', say); lg.grant_element takes a range of rates",
        ),
    ],
)
def test_wrong_input_is_refused_with_words_saying_what_is_wrong(call, words):
    with pytest.raises(lg.LedgerError) as caught:
        call()
    assert str(caught.value) == words


# -- outstanding on the days around the payments ----------------------------------------------

PLAN = lg.schedule(TINY, principal="300 EUR")


@pytest.mark.parametrize(
    ("day", "left"),
    [
        (date(2020, 1, 15), "300.00 EUR"),  # the principal, to the cent as the others
        (date(2021, 1, 14), "300.00 EUR"),
        (date(2021, 1, 15), "200.00 EUR"),
        (date(2021, 1, 16), "200.00 EUR"),
        (date(2022, 1, 14), "200.00 EUR"),
        (date(2022, 1, 15), "100.00 EUR"),
        (date(2023, 1, 15), "0 EUR"),  # an exact zero is written "0" by every figure
        (date(2030, 1, 1), "0 EUR"),
    ],
)
def test_the_outstanding_principal_falls_on_each_payment_day(day, left):
    assert str(PLAN.outstanding_on(day)) == left


def test_outstanding_refuses_days_it_cannot_answer():
    with pytest.raises(lg.LedgerError, match=r"day: str '2021' is not a date"):
        PLAN.outstanding_on("2021")
    with pytest.raises(lg.LedgerError, match=r"2020-01-14 is before the loan was disbursed"):
        PLAN.outstanding_on(date(2020, 1, 14))
    undated = lg.schedule(lg.Terms(interest="2%", maturity_years=3), principal="300 EUR")
    with pytest.raises(lg.LedgerError, match="this schedule has no dates"):
        undated.outstanding_on(date(2021, 1, 1))


# -- ranges, exact points, principals given other ways ----------------------------------------


def test_a_range_of_interest_gives_a_range_rounded_outwards():
    ranged = lg.Terms(interest="between 1% and 3%", maturity_years=3, disbursed=date(2020, 1, 15))
    v = Fraction(105, 100)
    low = 103 / v + 102 / v**2 + 101 / v**3  # 277.8598..
    high = 109 / v + 106 / v**2 + 103 / v**3  # 288.9299..
    assert (math.floor(low * 100), math.ceil(high * 100)) == (27785, 28893)
    pv = lg.present_value(ranged, principal="300 EUR")
    assert str(pv.value) == "between about 277.85 and 288.93 EUR"
    assert str(pv.undiscounted) == "between 306 and 318 EUR"
    assert pv.explain().splitlines()[2].endswith("principal 100.00 + interest 3.00")
    # grant element: 1 - high / 300 = 0.0369002.. down, 1 - low / 300 = 0.0738005.. up
    assert math.floor((1 - high / 300) * 10**6) == 36900
    assert math.ceil((1 - low / 300) * 10**6) == 73801
    assert str(lg.grant_element(ranged, principal="300 EUR").value) == (
        "between about 0.0369 and 0.073801"
    )


def test_an_exact_grant_element_is_not_about():
    # 300 EUR free for a year, paid at once, discounted at 25%: 300 / 1.25 = 240, 1 - 0.8
    bullet = lg.Terms(
        interest="0%", maturity_years=1, profile="lump_sum", disbursed=date(2020, 1, 15)
    )
    ge = lg.grant_element(bullet, "25%", principal="300 EUR")
    assert str(ge.value) == "0.2"
    assert str(ge.present_value.value) == "240 EUR"
    assert str(ge.face) == "300 EUR"


def test_a_principal_given_as_a_figure_or_overriding_the_claim():
    undated = lg.Terms(interest="2%", maturity_years=3)
    half = "about 141.70 EUR"  # 283.3948.. / 2 = 141.697..
    assert str(lg.present_value(undated, principal=lg.Figure.of("150 EUR")).value) == half
    assert str(lg.present_value(claim(TINY), principal="150 EUR").value) == half
    assert str(lg.present_value(claim(TINY), principal=lg.Figure.of("150 EUR")).value) == half
    assert str(lg.grant_element(claim(TINY), principal="150 EUR").face) == "150 EUR"


def test_a_claim_whose_terms_give_no_day_is_disbursed_on_its_date():
    pv = lg.present_value(claim(lg.Terms(interest="2%", maturity_years=3)))
    assert pv.on == date(2020, 1, 15)
    assert [line.date for line in pv.lines] == [date(2021 + k, 1, 15) for k in range(3)]
    later = lg.present_value(claim(lg.Terms(interest="2%", maturity_years=3)), on=date(2021, 1, 15))
    assert str(later.value) == "about 297.56 EUR"


def test_a_wrong_day_names_the_on_argument():
    with pytest.raises(lg.LedgerError) as caught:
        lg.present_value(TINY, on="x", principal="3 EUR")
    assert str(caught.value) == (
        "on: str 'x' is not a date; pass a datetime.date, e.g. date(2004, 3, 15), or None for today"
    )


# -- principals with a qualifier, a half-yearly loan, tranche tables -------------------------


@pytest.mark.parametrize("qualifier", ["about", "estimated"])
def test_a_rough_principal_is_accepted_and_stays_rough(qualifier):
    assert str(lg.present_value(TINY, principal=f"{qualifier} 300 EUR").value) == (
        "about 283.39 EUR"
    )
    plan = lg.schedule(TINY, principal=f"{qualifier} 300 EUR")
    assert str(plan.outstanding_on(date(2021, 1, 15))) == "about 200.00 EUR"


def test_a_half_yearly_loan_pays_every_six_months():
    # 300 EUR at 2% a year (1% a half-year), two halves: 150 + 3, then 150 + 1.50
    half = lg.Terms(
        interest="2%", maturity_years=1, frequency="semiannual", disbursed=date(2020, 1, 15)
    )
    pv = lg.present_value(half, principal="300 EUR", compounding="per_period")
    assert [line.date for line in pv.lines] == [date(2020, 7, 15), date(2021, 1, 15)]
    assert [line.years for line in pv.lines] == [Fraction(1, 2), 1]
    assert [line.what for line in pv.lines] == [
        "principal 150.00 + interest 3.00",
        "principal 150.00 + interest 1.50",
    ]
    # 153 / 1.025 + 151.5 / 1.025**2 = 149.268.. + 144.199.. = 293.467..
    exact = Fraction(153) / Fraction(1025, 1000) + Fraction(1515, 10) / Fraction(1025, 1000) ** 2
    assert f"{float(exact):.2f}" == "293.47"
    assert str(pv.value) == "about 293.47 EUR"
    assert [line.amount for line in pv.lines] == [Decimal(153), Decimal("151.50")]


CUT = settlement("w", date(2020, 1, 15), "300 EUR")


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            ["x"],
            "['x'] is not a table; write schedule = { tranches = 10 } (and optionally frequency = 'annual' and residue = 'last')",
        ),
        (
            {"tranches": 10, "zeta": 1, "alpha": 2},
            "alpha: unknown key in a schedule; accepted: tranches, frequency, residue",
        ),
        ({}, "tranches: missing; write the number of tranches, e.g. 10"),
        ({"tranches": True}, "tranches: True is not accepted; a whole number from 1 to 1200"),
        ({"tranches": 0}, "tranches: 0 is not accepted; a whole number from 1 to 1200"),
        ({"tranches": 1201}, "tranches: 1201 is not accepted; a whole number from 1 to 1200"),
        ({"tranches": 2.0}, "tranches: 2.0 is not accepted; a whole number from 1 to 1200"),
        (
            {"tranches": 2, "frequency": "monthly"},
            "frequency: 'monthly' is not known; accepted: annual, semiannual, quarterly",
        ),
        (
            {"tranches": 2, "residue": "middle"},
            "residue: 'middle' is not known; accepted: last, largest_remainder",
        ),
    ],
)
def test_a_wrong_tranche_table_is_refused_word_for_word(table, message):
    with pytest.raises(lg.LedgerError) as caught:
        Tranches.from_table(CUT, table)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("table", "written"),
    [
        ({"tranches": 1}, {"tranches": 1}),
        (
            {"tranches": 1200, "frequency": "quarterly"},
            {"tranches": 1200, "frequency": "quarterly"},
        ),
        ({"tranches": 3, "frequency": "annual"}, {"tranches": 3, "frequency": "annual"}),
        ({"residue": "last", "tranches": 3}, {"tranches": 3, "residue": "last"}),
        (
            {"residue": "largest_remainder", "frequency": "semiannual", "tranches": 7},
            {"tranches": 7, "frequency": "semiannual", "residue": "largest_remainder"},
        ),
    ],
)
def test_a_tranche_table_is_written_back_as_it_was_read(table, written):
    plan = Tranches.from_table(CUT, table)
    assert plan.table() == written
    assert plan.count == table["tranches"]
    assert plan.frequency == table.get("frequency", "annual")
    assert plan.residue == table.get("residue", "last")


def test_one_tranche_is_the_settlement_itself():
    (only,) = Tranches.from_table(CUT, {"tranches": 1}).settlements()
    assert (only.id, only.as_of, str(only.amount)) == ("w-1", date(2020, 1, 15), "300 EUR")


# -- times in years, ties to the even cent, undated terms -------------------------------------


@pytest.mark.parametrize(
    ("start", "day", "years"),
    [
        (date(2020, 1, 15), date(2020, 1, 15), Fraction(0)),
        (date(2020, 1, 15), date(2020, 2, 15), Fraction(1, 12)),
        (date(2020, 1, 15), date(2020, 2, 14), Fraction(30, 365)),
        (date(2020, 1, 15), date(2021, 3, 16), Fraction(14, 12) + Fraction(1, 365)),
        (date(2020, 3, 16), date(2020, 1, 15), -(Fraction(2, 12) + Fraction(1, 365))),
        (date(2019, 11, 30), date(2020, 2, 1), Fraction(2, 12) + Fraction(2, 365)),
    ],
)
def test_years_between_counts_months_then_days(start, day, years):
    assert lg.years_between(start, day) == years


@pytest.mark.parametrize(
    ("principal", "what", "amount"),
    [
        # 0.5% of 1 EUR is half a cent: to the even cent, 0.00; of 3 EUR, 1.5 cents: 0.02
        ("1 EUR", "principal 1.00 + interest 0.00", Decimal("1.00")),
        ("3 EUR", "principal 3.00 + interest 0.02", Decimal("3.02")),
    ],
)
def test_half_cents_go_to_the_even_cent(principal, what, amount):
    tiny = lg.Terms(interest="0.5%", maturity_years=1, disbursed=date(2020, 1, 15))
    (line,) = lg.present_value(tiny, "0%", principal=principal).lines
    assert (line.what, line.amount) == (what, amount)


def test_undated_terms_are_valued_on_the_disbursement_day():
    pv = lg.present_value(lg.Terms(interest="2%", maturity_years=3), principal="300 EUR")
    lines = pv.explain().splitlines()
    assert lines[0] == "present value on the disbursement day at 5% a year: about 283.39 EUR"
    assert lines[2].startswith("                   1                   106")


def test_a_rate_that_is_not_a_rate_names_the_rate():
    with pytest.raises(lg.LedgerError, match=r"^rate: "):
        lg.present_value(TINY, "fast", principal="300 EUR")
    with pytest.raises(lg.LedgerError) as caught:
        lg.present_value(TINY, "about 5%", principal="300 EUR")
    assert "e.g. '5%' or Decimal('0.05')" in str(caught.value)


def test_what_was_given_up_is_explained_as_written_off():
    lines = lg.forgiven(lg.example("kg-ru-2012"), "ru-claim-kg-2012").explain().splitlines()
    assert lines[0] == (
        "given up on ru-claim-kg-2012 (RU's claim on KG): 488900000 USD written off at face "
        "value, about 417191587.12 USD in present value"
    )
    assert lines[2] == (
        "  date         years           written off          factor         present value"
    )
    # 2012-09-20 to 2013-05-08: 7 months and 18 days, 7/12 + 18/365 = 0.63265..
    assert f"{float(Fraction(7, 12) + Fraction(18, 365)):.3f}" == "0.633"
    assert lines[3].startswith("  2013-05-08   0.633           188,900,000")
    assert lines[3].endswith("  ru-kg-write-off-188.9m (write_off)")


def test_years_between_is_the_librarys_own():
    # The discounting convention (whole months twelfths, then days 365ths) for a user's own
    # checks of a present value: public, as the guide's worked cases use it.
    assert "years_between" in lg.__all__
    assert lg.years_between(date(2020, 1, 15), date(2021, 7, 15)) == Fraction(3, 2)
