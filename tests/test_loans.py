"""Loan terms on claims, schedules and tranches (issue 13, part 1): examples with real figures
and properties whose oracles are exact fractions and plain loops, never the code under test."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ledger as lg

SOURCE = lg.Source(publisher="World Bank", title="IDA terms", date=date(2012, 1, 15))

TERMS_FILE = """
[sources.wb]
publisher = "World Bank"
title = "IDA terms"
date = 2012-01-15

[[entries]]
kind = "claim"
id = "ida-credit"
as_of = 2012-01-15
source = "wb"
creditor = "org:ida"
debtor = "TJ"
asserted_by = "org:ida"
amount = "20 million USD"

[entries.terms]
interest = "0.75%"
maturity_years = 40
grace_years = 10
frequency = "semiannual"
profile = "equal_principal"
"""


def test_a_terms_table_loads_saves_and_loads_identical():
    book = lg.loads(TERMS_FILE)
    terms = book["ida-credit"].terms
    assert terms.interest == lg.Figure.of("0.0075")
    assert (terms.maturity_years, terms.grace_years, terms.frequency) == (40, 10, "semiannual")
    for format in ("toml", "json"):
        text = book.dumps(format)
        assert lg.loads(text, format=format) == book
        assert lg.loads(text, format=format)["ida-credit"].terms == terms
    assert 'interest = "0.75%"' in book.dumps()


@pytest.mark.parametrize(
    ("line", "field", "phrase"),
    [
        ('interest = "7.5"', "terms.interest", "750% a year"),
        ('interest = "lots"', "terms.interest", "'lots' is not a rate; accepted"),
        ("interest = 0.0075", "terms.interest", "float 0.0075 is not accepted"),
        ('frequency = "monthly"', "terms.frequency", "'annual', 'semiannual' or 'quarterly'"),
        ('profile = "balloon"', "terms.profile", "'equal_principal'"),
        ("maturity_years = 40.5", "terms.maturity_years", "whole number"),
        ("color = 1", "terms.color", "unknown field"),
        ("maturity_years = 0", "terms.maturity_years", "whole years from 1 to 100"),
        ("grace_years = 101", "terms.grace_years", "whole years from 0 to 100"),
        ("maturity_years = true", "terms.maturity_years", "not a whole number"),
        ('disbursed = "2012-01-15T00:00"', "terms.disbursed", "has a time of day"),
    ],
)
def test_a_bad_terms_table_is_refused_by_file_entry_and_field(line, field, phrase):
    key = line.split(" = ")[0]
    text = (
        "\n".join(row for row in TERMS_FILE.splitlines() if not row.startswith(f"{key} ="))
        + f"\n{line}\n"
    )
    with pytest.raises(lg.LedgerFileError) as caught:
        lg.loads(text, name="ida.toml")
    message = str(caught.value)
    assert "ida.toml" in message and "ida-credit" in message and field in message
    assert phrase in message


# -- schedules: examples -----------------------------------------------------------------------


def ida_claim(**terms):
    defaults = dict(
        interest="0.75%",
        maturity_years=40,
        grace_years=10,
        frequency="semiannual",
        disbursed=date(2012, 1, 15),
    )
    return lg.Claim(
        id="ida-credit",
        as_of=date(2012, 1, 15),
        source=SOURCE,
        creditor="org:ida",
        debtor="TJ",
        asserted_by="org:ida",
        amount="20 million USD",
        terms=lg.Terms(**{**defaults, **terms}),
    )


def test_an_ida_credit_pays_interest_in_grace_then_equal_principal_every_half_year():
    plan = lg.schedule(ida_claim())
    assert len(plan) == 80
    first, twentieth, last = plan[0], plan[19], plan[-1]
    # 0.75% a year on $20M is $75,000 a half year, while nothing is repaid.
    assert (first.date, first.principal, first.interest) == (
        date(2012, 7, 15),
        Decimal("0.00"),
        Decimal("75000.00"),
    )
    assert (twentieth.date, twentieth.principal) == (date(2022, 1, 15), Decimal(0))
    # Then $20M / 60 a half year: 333,333.33, the last taking the residue.
    assert plan[20].principal == Decimal("333333.33")
    assert plan[20].interest == Decimal("75000.00")
    assert plan[21].interest == Decimal("73750.00")  # 0.375% of 19,666,666.67
    assert (last.date, last.principal, last.outstanding) == (
        date(2052, 1, 15),
        Decimal("333333.53"),
        Decimal("0.00"),
    )
    assert str(plan.total_principal) == "20000000.00 USD"


def test_largest_remainder_spreads_the_cents_that_do_not_divide():
    plan = lg.schedule(ida_claim(), residue="largest_remainder")
    parts = [p.principal for p in plan if p.principal]
    assert sum(parts) == Decimal("20000000")
    # 20 cents over: the earliest twenty parts take one cent more.
    assert parts[:20] == [Decimal("333333.34")] * 20
    assert parts[20:] == [Decimal("333333.33")] * 40


def test_an_annuity_pays_level_sums_after_grace():
    terms = lg.Terms(interest="6%", maturity_years=5, grace_years=1, profile="annuity")
    plan = lg.schedule(terms, principal="10000 USD")
    totals = [p.total for p in plan]
    assert totals[0] == Decimal("600.00")  # interest only in grace
    # 10,000 at 6% over 4 years: 10000 * 0.06 / (1 - 1.06**-4) = 2885.9149...
    assert all(abs(total - Decimal("2885.91")) <= Decimal("0.02") for total in totals[1:])
    assert sum(p.principal for p in plan) == Decimal("10000")


def test_a_compounded_lump_sum_pays_everything_at_maturity():
    terms = lg.Terms(interest="10%", maturity_years=2, profile="lump_sum_compounded")
    plan = lg.schedule(terms, principal="1000 USD")
    assert [(p.principal, p.interest) for p in plan] == [
        (Decimal("0.00"), Decimal("0.00")),
        (Decimal("1000.00"), Decimal("210.00")),
    ]


def test_yen_are_paid_in_whole_yen():
    terms = lg.Terms(interest="1%", maturity_years=3)
    plan = lg.schedule(terms, principal="1000 JPY")
    assert [p.principal for p in plan] == [Decimal(333), Decimal(333), Decimal(334)]
    assert [p.interest for p in plan] == [Decimal(10), Decimal(7), Decimal(3)]


def test_an_about_interest_makes_an_about_schedule():
    plan = lg.schedule(lg.Terms(interest="about 2%", maturity_years=2), principal="100 USD")
    assert plan.approximate
    assert str(plan.total_interest) == "about 3.00 USD"


@pytest.mark.parametrize(
    ("call", "phrase"),
    [
        (lambda: lg.schedule(lg.Terms(interest="1%", maturity_years=2)), "principal="),
        (
            lambda: lg.schedule(
                lg.Terms(interest="between 1% and 2%", maturity_years=2), principal="1 USD"
            ),
            "not one rate",
        ),
        (
            lambda: lg.schedule(lg.Terms(interest="1%", maturity_years=2), principal="1 USD/year"),
            "not an amount of money",
        ),
        (
            lambda: lg.schedule(
                lg.Terms(interest="1%", maturity_years=2), principal="1 USD", residue="first"
            ),
            "accepted: last, largest_remainder",
        ),
        (lambda: lg.schedule("ida"), "not a claim nor terms"),
    ],
)
def test_a_schedule_that_cannot_be_made_says_why(call, phrase):
    with pytest.raises(lg.LedgerError, match=phrase):
        call()


def test_grace_as_long_as_maturity_is_refused_with_what_is_accepted():
    with pytest.raises(lg.LedgerFileError, match="grace must be shorter than maturity"):
        lg.Terms(interest="1%", maturity_years=10, grace_years=10)


# -- schedules: properties, against exact fractions and plain loops ---------------------------

terms_strategy = st.builds(
    dict,
    interest=st.integers(0, 2000).map(lambda bp: f"{Decimal(bp) / 100}%"),
    maturity_years=st.integers(1, 40),
    grace_fraction=st.integers(0, 9),
    frequency=st.sampled_from(["annual", "semiannual", "quarterly"]),
    profile=st.sampled_from(["equal_principal", "annuity", "lump_sum", "lump_sum_compounded"]),
)


def make_terms(drawn):
    grace = drawn["maturity_years"] * drawn["grace_fraction"] // 10
    return lg.Terms(
        interest=drawn["interest"],
        maturity_years=drawn["maturity_years"],
        grace_years=grace,
        frequency=drawn["frequency"],
        profile=drawn["profile"],
    )


PER_YEAR = {"annual": 1, "semiannual": 2, "quarterly": 4}


def exact_principal_shares(profile, rate, periods, grace, per_year):
    """What each period repays of a principal of 1, by a plain loop over exact fractions."""
    if profile in ("lump_sum", "lump_sum_compounded"):
        return [Fraction(0)] * (periods - 1) + [Fraction(1)]
    count = periods - grace
    if profile == "equal_principal" or rate == 0:
        return [Fraction(0)] * grace + [Fraction(1, count)] * count
    d = rate / per_year
    # The level payment that leaves nothing after `count` periods, found by a loop.
    discount = sum(1 / (1 + d) ** j for j in range(1, count + 1))
    level = 1 / discount
    shares, left = [Fraction(0)] * grace, Fraction(1)
    for _ in range(count):
        part = level - left * d
        shares.append(part)
        left -= part
    return shares


@given(terms_strategy, st.integers(1, 10**11), st.sampled_from(["last", "largest_remainder"]))
def test_principal_payments_sum_exactly_to_the_principal_and_outstanding_never_goes_below_zero(
    drawn, cents, residue
):
    terms = make_terms(drawn)
    principal = Decimal(cents).scaleb(-2)
    plan = lg.schedule(terms, principal=f"{principal} USD", residue=residue)
    parts = [Fraction(p.principal) for p in plan]
    assert sum(parts) == Fraction(principal)
    left = Fraction(principal)
    for payment, part in zip(plan, parts, strict=True):
        left -= part
        assert part >= 0
        assert Fraction(payment.outstanding) == left >= 0
    assert left == 0


@given(terms_strategy, st.integers(1, 10**11))
def test_each_principal_part_is_within_a_cent_of_its_exact_share_by_largest_remainder(drawn, cents):
    terms = make_terms(drawn)
    principal = Fraction(cents, 100)
    plan = lg.schedule(
        terms, principal=f"{Decimal(cents).scaleb(-2)} USD", residue="largest_remainder"
    )
    rate = Fraction(terms.interest.value.magnitude)
    shares = exact_principal_shares(
        drawn["profile"], rate, terms.periods, terms.grace_periods, PER_YEAR[drawn["frequency"]]
    )
    for payment, share in zip(plan, shares, strict=True):
        assert abs(Fraction(payment.principal) - principal * share) < Fraction(1, 100)


def round_half_even_cents(x: Fraction) -> Fraction:
    units = x * 100
    whole = units.numerator // units.denominator
    rest = units - whole
    if rest > Fraction(1, 2) or (rest == Fraction(1, 2) and whole % 2 == 1):
        whole += 1
    return Fraction(whole, 100)


@given(
    terms_strategy.filter(lambda d: d["profile"] != "lump_sum_compounded"), st.integers(1, 10**9)
)
def test_interest_is_the_outstanding_times_the_period_rate_to_the_cent(drawn, cents):
    terms = make_terms(drawn)
    plan = lg.schedule(terms, principal=f"{Decimal(cents).scaleb(-2)} USD")
    d = Fraction(terms.interest.value.magnitude) / PER_YEAR[drawn["frequency"]]
    before = Fraction(cents, 100)
    for payment in plan:
        assert Fraction(payment.interest) == round_half_even_cents(before * d)
        before = Fraction(payment.outstanding)


def test_payment_dates_keep_the_day_or_the_end_of_a_shorter_month():
    terms = lg.Terms(
        interest="1%", maturity_years=1, frequency="quarterly", disbursed=date(2015, 11, 30)
    )
    dates = [p.date for p in lg.schedule(terms, principal="4 USD")]
    assert dates == [date(2016, 2, 29), date(2016, 5, 30), date(2016, 8, 30), date(2016, 11, 30)]


# -- tranches ---------------------------------------------------------------------------------

KG_PLAN = lg.Settlement(
    id="ru-kg-tranches",
    as_of=date(2016, 3, 16),
    source=lg.Source(
        publisher="Interfax",
        title="Russia ratifies agreement with Kyrgyzstan on writing off debts",
        date=date(2013, 5, 8),
    ),
    claim="ru-claim-kg-2012",
    amount="300 million USD",
    method="write_off",
)


def test_300_million_in_equal_yearly_tranches_over_ten_years():
    parts = lg.tranches(KG_PLAN, 10)
    assert [p.id for p in parts] == [f"ru-kg-tranches-{n}" for n in range(1, 11)]
    assert [p.as_of for p in parts] == [date(2016 + n, 3, 16) for n in range(10)]
    assert {str(p.amount) for p in parts} == {"30000000 USD"}
    assert all(p.method == "write_off" and p.claim == "ru-claim-kg-2012" for p in parts)


def test_tranches_that_do_not_divide_put_the_cents_by_the_rule():
    plan = KG_PLAN.model_copy(update={"amount": lg.Figure.of("100 USD")})
    assert [str(p.amount) for p in lg.tranches(plan, 3)] == ["33.33 USD", "33.33 USD", "33.34 USD"]
    assert [str(p.amount) for p in lg.tranches(plan, 3, residue="largest_remainder")] == [
        "33.34 USD",
        "33.33 USD",
        "33.33 USD",
    ]
    assert [p.as_of for p in lg.tranches(plan, 3, frequency="semiannual")] == [
        date(2016, 3, 16),
        date(2016, 9, 16),
        date(2017, 3, 16),
    ]


@given(st.integers(1, 10**12), st.integers(1, 120))
def test_tranches_sum_exactly_to_the_whole(cents, count):
    plan = KG_PLAN.model_copy(update={"amount": lg.Figure.of(f"{Decimal(cents).scaleb(-2)} USD")})
    parts = lg.tranches(plan, count)
    assert sum(Fraction(p.amount.value.magnitude) for p in parts) == Fraction(cents, 100)
    assert all(p.amount.value.magnitude >= 0 for p in parts)


KG_FILE = """
[sources.interfax]
publisher = "Interfax"
title = "Russia ratifies agreement with Kyrgyzstan on writing off debts"
date = 2013-05-08

[[entries]]
kind = "claim"
id = "ru-claim-kg-2012"
as_of = 2012-09-20
source = "interfax"
creditor = "RU"
debtor = "KG"
asserted_by = "RU"
amount = "488.9 million USD"

[[entries]]
kind = "settlement"
id = "ru-kg-tranches"
as_of = 2016-03-16
source = "interfax"
claim = "ru-claim-kg-2012"
amount = "300 million USD"
method = "write_off"
quote = "This indebtedness shall be written off in equal proportions over a period of ten years."

[entries.schedule]
tranches = 10
"""


def test_a_schedule_table_loads_as_its_tranches_and_saves_back_as_written():
    book = lg.loads(KG_FILE)
    assert [s.id for s in book.settlements()] == [f"ru-kg-tranches-{n}" for n in range(1, 11)]
    assert book["ru-kg-tranches-10"].as_of == date(2025, 3, 16)
    text = book.dumps()
    assert text.count("[[entries]]") == 2 and "[entries.schedule]\ntranches = 10" in text
    assert lg.loads(text) == book
    assert lg.loads(book.dumps("json"), format="json") == book
    assert lg.loads(lg.loads(text).dumps()) == book


def test_a_ledger_without_one_tranche_saves_the_tranches_that_are_left():
    book = lg.loads(KG_FILE)
    fewer = lg.Ledger([e for e in book.entries if e.id != "ru-kg-tranches-3"])
    text = fewer.dumps()
    assert "schedule" not in text and text.count("[[entries]]") == 10
    assert lg.loads(text) == fewer


@pytest.mark.parametrize(
    ("table", "field", "phrase"),
    [
        ("tranches = 0", "schedule.tranches", "a whole number from 1 to 1200"),
        ('tranches = "10"', "schedule.tranches", "a whole number from 1 to 1200"),
        ('tranches = 10\nfrequency = "monthly"', "schedule.frequency", "accepted: annual"),
        ('tranches = 10\nresidue = "first"', "schedule.residue", "accepted: last"),
        ("tranches = 10\nevery = 2", "schedule.every", "accepted: tranches, frequency"),
        ("frequency = 'annual'", "schedule.tranches", "missing"),
    ],
)
def test_a_bad_schedule_table_is_refused_by_file_entry_and_field(table, field, phrase):
    text = KG_FILE.replace("tranches = 10\n", table + "\n")
    with pytest.raises(lg.LedgerFileError) as caught:
        lg.loads(text, name="kg.toml")
    [problem] = caught.value.problems
    assert (problem.file, problem.entry, problem.field) == (
        "kg.toml",
        "entries[1] (ru-kg-tranches)",
        field,
    )
    assert phrase in problem.message


def test_terms_with_a_disbursement_day_and_a_rough_rate_round_trip_in_both_formats():
    text = TERMS_FILE.replace('interest = "0.75%"', 'interest = "about 2%"\ndisbursed = 2012-03-31')
    book = lg.loads(text)
    terms = book["ida-credit"].terms
    assert terms.disbursed == date(2012, 3, 31) and terms.interest.qualifier == "about"
    for format in ("toml", "json"):
        again = lg.loads(book.dumps(format), format=format)
        assert again == book and again["ida-credit"].terms == terms
    assert 'interest = "about 2%"' in book.dumps()


def test_a_claim_takes_its_terms_as_a_table_in_python_too():
    claim = ida_claim()
    same = claim.model_copy(update={"terms": None})
    with_table = lg.Claim(
        **{k: v for k, v in same.model_dump().items() if k not in ("terms", "source", "amount")},
        source=SOURCE,
        amount="20 million USD",
        terms={
            "interest": "0.75%",
            "maturity_years": 40,
            "grace_years": 10,
            "frequency": "semiannual",
            "disbursed": "2012-01-15",
        },
    )
    assert with_table == claim
