"""Present value, grant element and what a restructuring gave up (issue 13, part 2): worked
cases checked against the OECD DAC closed formula, properties against plain loops over exact
fractions."""

import math
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ledger as lg
from tests.oracles import holds

PER_YEAR = {"annual": 1, "semiannual": 2, "quarterly": 4}


def dac_grant_element(interest, discount, per_year, grace, maturity):
    """The OECD DAC closed formula for equal principal repayments (floats, written out here):
    GE = (1 - (R/A)/D) (1 - (v**(AG) - v**(AM)) / (D (AM - AG))), D = (1 + d)**(1/A) - 1."""
    d = (1 + discount) ** (1 / per_year) - 1
    v = 1 / (1 + d)
    a, g, m = per_year, grace, maturity
    return (1 - (interest / a) / d) * (1 - (v ** (a * g) - v ** (a * m)) / (d * (a * m - a * g)))


def oracle_grant_element(interest, discount, per_year, grace, maturity, profile):
    """The grant element of a principal of 1, discounted per period at discount / per_year,
    by a plain loop over exact fractions (the loan's own per-period convention)."""
    periods, quiet = maturity * per_year, grace * per_year
    d, v = interest / per_year, 1 / (1 + discount / per_year)
    left, present = Fraction(1), Fraction(0)
    count = periods - quiet
    level = None
    if profile == "annuity" and d:
        level = 1 / sum(1 / (1 + d) ** j for j in range(1, count + 1))
    for k in range(1, periods + 1):
        if profile in ("lump_sum", "lump_sum_compounded"):
            part = Fraction(1) if k == periods else Fraction(0)
        elif k <= quiet:
            part = Fraction(0)
        elif level is not None:
            part = level - left * d
        else:
            part = Fraction(1, count)
        if profile == "lump_sum_compounded":
            interest_paid = (1 + d) ** periods - 1 if k == periods else Fraction(0)
        else:
            interest_paid = left * d
        left -= part
        present += (part + interest_paid) * v**k
    return 1 - present


# -- worked cases -------------------------------------------------------------------------------


def test_an_ida_like_credit_has_the_dac_formulas_grant_element():
    ida = lg.Terms(interest="0.75%", maturity_years=40, grace_years=10, frequency="semiannual")
    ge = lg.grant_element(ida, principal="100 million USD")
    expected = dac_grant_element(0.0075, 0.05, 2, 10, 40)
    assert math.isclose(expected, 0.578044, abs_tol=5e-7)
    assert ge.value.qualifier == "about"
    assert abs(float(ge.value.value.magnitude) - expected) < 1e-6
    assert lg.format_ratio(ge.value, as_percent=True) == "about 58%"


def test_a_loan_at_the_discount_rate_has_no_grant_element():
    commercial = lg.Terms(interest="5%", maturity_years=10, grace_years=2)
    ge = lg.grant_element(commercial, principal="100 million USD")
    assert ge.value == lg.Figure.of("0")
    assert ge.present_value.value == lg.Figure.of("100000000 USD")


def test_the_oecd_dacs_ten_percent_gives_a_larger_grant_element():
    ida = lg.Terms(interest="0.75%", maturity_years=40, grace_years=10, frequency="semiannual")
    at_ten = lg.grant_element(ida, "10%", principal="1 USD").value
    expected = dac_grant_element(0.0075, 0.10, 2, 10, 40)
    assert abs(float(at_ten.value.magnitude) - expected) < 1e-6
    assert lg.grant_element(ida, Decimal("0.10"), principal="1 USD").value == at_ten


def test_a_range_of_interest_gives_a_range_of_grant_elements():
    terms = lg.Terms(interest="between 1% and 2%", maturity_years=20, grace_years=5)
    ge = lg.grant_element(terms, principal="50 million USD").value
    assert ge.qualifier == "range"
    low = Fraction(ge.low.magnitude)
    high = Fraction(ge.high.magnitude)
    at_two = oracle_grant_element(Fraction(2, 100), Fraction(5, 100), 1, 5, 20, "equal_principal")
    at_one = oracle_grant_element(Fraction(1, 100), Fraction(5, 100), 1, 5, 20, "equal_principal")
    assert low <= at_two < at_one <= high
    assert high - low - (at_one - at_two) < Fraction(2, 10**6)


def test_the_present_value_explains_each_discounted_payment():
    bullet = lg.Terms(interest="0%", maturity_years=2, profile="lump_sum")
    pv = lg.present_value(bullet, "5%", principal="1102.50 USD")
    assert pv.value == lg.Figure.of("1000 USD")  # 1102.50 / 1.05**2, exactly
    [line] = pv.lines
    assert (line.years, line.amount, line.value) == (2, Decimal("1102.50"), Decimal("1000.00"))
    text = pv.explain()
    assert "present value on the disbursement day at 5% a year: 1000 USD" in text
    assert "1,102.5" in text and "1,000.00" in text


@pytest.mark.parametrize(
    ("rate", "phrase"),
    [
        (0.05, "float 0.05 is not accepted"),
        ("five percent", "'five percent' is not a rate"),
        ("about 5%", "not one rate"),
    ],
)
def test_a_discount_rate_that_is_not_one_number_is_refused(rate, phrase):
    terms = lg.Terms(interest="1%", maturity_years=2)
    with pytest.raises(lg.LedgerError, match=phrase):
        lg.grant_element(terms, rate, principal="1 USD")


# -- what a restructuring gave up -------------------------------------------------------------


def test_kyrgyzstans_write_offs_are_worth_less_than_their_face_on_the_day_of_the_agreement():
    book = lg.example("kg-ru-2012")
    cut = lg.forgiven(book, "ru-claim-kg-2012")
    assert cut.face == lg.Figure.of("488.9 million USD")
    assert [s.id for s in cut.settlements] == [
        "ru-kg-write-off-188.9m",
        "ru-kg-tranche-2016",
        "ru-kg-tranche-2017",
        "ru-kg-write-off-240m",
    ]
    # Each write-off discounted at 5% a year from 20 September 2012, by a plain loop.
    days = [
        (188_900_000, Fraction(7, 12) + Fraction(18, 365)),
        (30_000_000, Fraction(41, 12) + Fraction(25, 365)),
    ]
    oracle = sum(amount / (1.05 ** float(t)) for amount, t in days)
    first_two = sum(line.value for line in cut.present_value.lines[:2])
    assert abs(float(first_two) - oracle) < 0.02
    assert cut.value.less_than(cut.face)
    assert "ru-kg-write-off-240m" in cut.explain()


def test_a_write_off_in_tranches_is_worth_less_than_the_same_sum_at_once():
    plan = lg.Settlement(
        id="ru-kg-tranches",
        as_of=date(2016, 3, 16),
        source=lg.Source(publisher="Interfax", title="Write-off", date=date(2013, 5, 8)),
        claim="ru-claim-kg-2012",
        amount="300 million USD",
        method="write_off",
    )
    spread = lg.present_value(lg.tranches(plan, 10), on=date(2016, 3, 16))
    at_once = lg.present_value([plan], on=date(2016, 3, 16))
    assert at_once.value == lg.Figure.of("300 million USD")
    # 30M * sum of 1.05**-k for k in 0..9, by a loop.
    oracle = sum(Fraction(30_000_000) / Fraction(105, 100) ** k for k in range(10))
    assert holds(spread.value, oracle) or abs(
        Fraction(spread.value.value.magnitude) - oracle
    ) <= Fraction(1, 200)
    assert spread.value.less_than(at_once.value)


def test_forgiven_refuses_a_claim_nothing_wrote_off():
    with pytest.raises(lg.LedgerError, match="no write-off settles it"):
        lg.forgiven(lg.example(), "ru-claims-tajik-debt")


# -- properties -------------------------------------------------------------------------------

loans = st.fixed_dictionaries(
    {
        "interest": st.integers(0, 1500),  # basis points
        "maturity": st.integers(1, 30),
        "grace": st.integers(0, 9),
        "frequency": st.sampled_from(list(PER_YEAR)),
        "profile": st.sampled_from(
            ["equal_principal", "annuity", "lump_sum", "lump_sum_compounded"]
        ),
    }
)


def terms_of(drawn, interest=None, grace=None):
    maturity = drawn["maturity"]
    return lg.Terms(
        interest=f"{Decimal(drawn['interest'] if interest is None else interest) / 100}%",
        maturity_years=maturity,
        grace_years=(maturity * drawn["grace"] // 10) if grace is None else grace,
        frequency=drawn["frequency"],
        profile=drawn["profile"],
    )


@given(loans)
def test_at_its_own_interest_rate_per_period_a_loan_is_worth_its_face(drawn):
    terms = terms_of(drawn)
    own = terms.interest.value.magnitude
    ge = lg.grant_element(terms, own, principal="1000000 USD", compounding="per_period")
    assert ge.value == lg.Figure.of("0")
    assert ge.present_value.value == lg.Figure.of("1000000 USD")
    if drawn["frequency"] == "annual":  # one payment a year: the two conventions agree
        assert lg.grant_element(terms, own, principal="1 USD").value == lg.Figure.of("0")


@given(loans, st.integers(1, 1500))
def test_the_grant_element_is_the_exact_oracles_to_a_millionth(drawn, discount_bp):
    terms = terms_of(drawn)
    ge = lg.grant_element(
        terms, f"{Decimal(discount_bp) / 100}%", principal="1 USD", compounding="per_period"
    ).value
    oracle = oracle_grant_element(
        Fraction(drawn["interest"], 10_000),
        Fraction(discount_bp, 10_000),
        PER_YEAR[drawn["frequency"]],
        terms.grace_years,
        drawn["maturity"],
        drawn["profile"],
    )
    assert abs(Fraction(ge.value.magnitude) - oracle) <= Fraction(1, 2 * 10**6)


@given(loans, st.integers(0, 1499), st.integers(1, 500))
def test_the_grant_element_rises_as_the_interest_falls(drawn, low, step):
    high = low + step
    lower = lg.grant_element(terms_of(drawn, interest=low), principal="1 USD").value
    higher = lg.grant_element(terms_of(drawn, interest=high), principal="1 USD").value
    assert lower.value.magnitude > higher.value.magnitude


def _below_the_discount_rate(drawn):
    """Whether the loan's interest, compounded per period as it is charged, comes to less than
    4.9% a year: only a loan cheaper than the 5% discount rate gains from a longer grace (at
    4.91% a year paid quarterly, the effective rate is above 5%, and grace costs the borrower)."""
    per_year = PER_YEAR[drawn["frequency"]]
    effective = (1 + Fraction(drawn["interest"], 10_000) / per_year) ** per_year
    return effective < Fraction(1049, 1000)


@given(loans.filter(lambda d: d["maturity"] >= 2 and _below_the_discount_rate(d)), st.data())
def test_the_grant_element_rises_as_grace_lengthens(drawn, data):
    drawn = {**drawn, "profile": data.draw(st.sampled_from(["equal_principal", "annuity"]))}
    short = data.draw(st.integers(0, drawn["maturity"] - 2))
    long = data.draw(st.integers(short + 1, drawn["maturity"] - 1))
    shorter = lg.grant_element(terms_of(drawn, grace=short), principal="1 USD").value
    longer = lg.grant_element(terms_of(drawn, grace=long), principal="1 USD").value
    assert longer.value.magnitude > shorter.value.magnitude


@given(
    st.integers(1, 10**10),
    st.integers(1, 40),
    st.integers(1, 10_000),
    st.sampled_from(list(PER_YEAR)),
)
def test_tranches_are_worth_no_more_than_their_face_at_any_positive_rate(
    cents, count, bp, frequency
):
    plan = lg.Settlement(
        id="cut",
        as_of=date(2016, 3, 16),
        source=lg.Source(publisher="Interfax", title="Write-off", date=date(2013, 5, 8)),
        claim="c",
        amount=f"{Decimal(cents).scaleb(-2)} USD",
        method="write_off",
    )
    parts = lg.tranches(plan, count, frequency=frequency)
    pv = lg.present_value(parts, f"{Decimal(bp) / 100}%")
    face = Fraction(cents, 100)
    assert Fraction(pv.value.high.magnitude) <= face
    assert Fraction(pv.undiscounted.value.magnitude) == face
    # Each tranche discounted, by a loop: a tranche k periods on is divided by 1 + r to the
    # power of its years; no line is worth more than its amount.
    assert all(line.value <= line.amount for line in pv.lines)


def test_the_present_value_of_a_schedule_discounts_its_payments_to_the_cent():
    terms = lg.Terms(interest="4%", maturity_years=3, disbursed=date(2020, 1, 15))
    plan = lg.schedule(terms, principal="1000 USD")
    pv = lg.present_value(plan, "10%")
    assert pv.on == date(2020, 1, 15)
    # 373.33, 359.99, 346.68 (principal and interest, to the cent) over 1.1 ** k, by a loop.
    oracle = sum(Fraction(p.total) / Fraction(11, 10) ** p.number for p in plan)
    assert abs(Fraction(pv.value.value.magnitude) - oracle) <= Fraction(1, 200)
    assert [line.amount for line in pv.lines] == [p.total for p in plan]


SOURCE = lg.Source(publisher="Interfax", title="Write-off", date=date(2013, 5, 8))
PLAIN_CLAIM = lg.Claim(
    id="plain",
    as_of=date(2012, 9, 20),
    source=SOURCE,
    creditor="RU",
    debtor="KG",
    asserted_by="RU",
    amount="100 USD",
)
TERMS = lg.Terms(interest="1%", maturity_years=2)


def cut(amount, id="cut"):
    return lg.Settlement(
        id=id,
        as_of=date(2016, 3, 16),
        source=SOURCE,
        claim="plain",
        amount=amount,
        method="write_off",
    )


@pytest.mark.parametrize(
    ("call", "phrase"),
    [
        (lambda: lg.grant_element(PLAIN_CLAIM), "claim plain has no terms"),
        (lambda: lg.grant_element("plain"), "str is not a claim with terms nor lg.Terms"),
        (lambda: lg.present_value(TERMS), "principal: terms alone have no amount"),
        (
            lambda: lg.present_value(TERMS, principal="1 USD", compounding="monthly"),
            "'annual', 'per_period'",
        ),
        (lambda: lg.present_value(TERMS, principal="1 USD", on="2012-13-01"), "not a date"),
        (
            lambda: lg.present_value(TERMS, principal="1 USD", on=date(2013, 1, 1)),
            "no disbursement day",
        ),
        (lambda: lg.present_value([]), "no payments"),
        (
            lambda: lg.present_value([cut("1 USD"), cut("1 RUB", "b")]),
            "convert them to one currency",
        ),
        (lambda: lg.present_value(["x"]), "str is not a payment"),
        (lambda: lg.present_value([cut("1 USD")], "-1%"), "negative"),
        (lambda: lg.forgiven(lg.example("kg-ru-2012"), "nope"), "'nope' is not a claim"),
        (lambda: lg.forgiven(lg.example("kg-ru-2012"), 7), "int is not a claim"),
        (lambda: lg.tranches(cut("1 USD"), 0), "from 1 to 1200"),
        (lambda: lg.tranches("cut", 3), "str is not a settlement"),
        (lambda: lg.tranches(cut("1 USD"), 3, frequency="monthly"), "accepted: annual"),
    ],
)
def test_a_question_that_cannot_be_answered_says_why(call, phrase):
    with pytest.raises(lg.LedgerError, match=phrase):
        call()
