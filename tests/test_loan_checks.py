"""Loan terms and present values a user can trust (issue 13, user check items 6, 7, 8, 13)."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

import ledger as lg


@pytest.mark.parametrize("bare", ["0.75", Decimal("0.75"), "about 0.5", "between 0.2 and 0.4"])
def test_a_bare_number_that_reads_as_a_huge_rate_is_refused_with_words(bare):
    with pytest.raises(lg.LedgerError, match=r"is 75% a year; write '0.75%'|% a year; write '"):
        lg.Terms(interest=bare, maturity_years=40)


def test_the_refusal_says_what_each_reading_means():
    with pytest.raises(lg.LedgerError) as refused:
        lg.Terms(interest="0.75", maturity_years=40)
    assert (
        "0.75 is 75% a year; write '0.75%' for 0.75 percent a year, or '75%' if that is meant"
        in str(refused.value)
    )


def test_a_high_rate_written_with_its_percent_sign_is_taken():
    assert lg.Terms(interest="75%", maturity_years=2).interest == lg.Figure.of("0.75")
    assert lg.Terms(interest="0.3", maturity_years=2).interest == lg.Figure.of("0.3")


def test_the_discount_rate_follows_the_same_rule():
    ida = lg.Terms(interest="0.75%", maturity_years=40, grace_years=10, frequency="semiannual")
    with pytest.raises(lg.LedgerError, match=r"0\.5 is 50% a year"):
        lg.grant_element(ida, principal="1000000 USD", rate="0.5")
    assert lg.grant_element(ida, principal="1000000 USD", rate="50%").value is not None


def test_forgiven_valued_after_the_first_write_off_is_refused():
    kg = lg.example("kg-ru-2012")
    with pytest.raises(lg.LedgerError, match=r"on: 2020-01-01 is after .*2013-05-08"):
        lg.forgiven(kg, "ru-claim-kg-2012", on=date(2020, 1, 1))
    fine = lg.forgiven(kg, "ru-claim-kg-2012", on=date(2013, 5, 8))
    assert fine.value.value.magnitude <= fine.face.value.magnitude


def test_forgiven_explains_write_offs_as_write_offs():
    text = lg.forgiven(lg.example("kg-ru-2012"), "ru-claim-kg-2012").explain()
    assert text.startswith("given up on ru-claim-kg-2012 (RU's claim on KG)")
    assert "written off" in text.splitlines()[2] and "payment" not in text


def test_an_annuity_keeps_its_instalment_level_and_puts_the_residue_in_the_last():
    terms = lg.Terms(interest="5%", maturity_years=8, frequency="quarterly", profile="annuity")
    plan = list(lg.schedule(terms, principal="1000000 USD"))
    # 1,000,000 at 1.25% a quarter over 32 quarters: A = P d / (1 - (1 + d)**-32), by a loop
    d = Fraction(125, 10_000)
    level = Fraction(1_000_000) / sum(1 / (1 + d) ** j for j in range(1, 33))
    instalment = Decimal(round(level * 100)) / 100  # (to the cent, half to even)
    assert instalment == Decimal("38107.91")  # 38107.9056...: half to even, to the cent
    assert [p.total for p in plan[:-1]] == [instalment] * 31
    assert abs(plan[-1].total - instalment) < Decimal("0.50")
    assert sum(p.principal for p in plan) == Decimal("1000000")


def test_a_terms_present_value_says_it_sums_the_exact_payments_not_the_cents_shown():
    ida = lg.Terms(interest="0.75%", maturity_years=40, grace_years=10, frequency="semiannual")
    of_terms = lg.grant_element(ida, principal="60000000 USD").present_value
    of_schedule = lg.present_value(lg.schedule(ida, principal="60000000 USD"))
    assert "summed unrounded" in of_terms.explain()
    assert "summed unrounded" not in of_schedule.explain()
    gap = abs(of_terms.value.value.magnitude - of_schedule.value.value.magnitude)
    assert gap < Decimal("1")  # cents of rounding, said, never hidden
