# ruff: noqa: E501  (refusals are checked word for word)
"""Tests aimed at the mutants that survived a mutation run of terms.py: each refusal of a rate
or of loan terms compared word for word (what a user reads), the bounds of whole years and of
rates at their ends, and a rate written back as a file writes it, for every qualifier."""

from datetime import date
from decimal import Decimal

import pytest

import ledger as lg
from ledger.figures import Figure
from ledger.terms import rate_figure, rate_text

ACCEPTED = (
    "accepted: a rate per year as a percentage or a fraction, e.g. '0.75%', '0.0075', "
    "'about 2%', 'between 1% and 2%', or Decimal('0.0075')"
)
HEAD = "1 problem in the ledger; nothing was loaded:\n  - terms: "


def refusal(error_type, make):
    with pytest.raises(error_type) as caught:
        make()
    return str(caught.value)


def terms_refusal(**data):
    """The words a user reads when Terms(**data) is refused."""
    return refusal(lg.LedgerFileError, lambda: lg.Terms(**data))


# -- rate_figure: what it refuses, word for word, with its default name "interest" ----------


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (True, f"interest: True is not a rate; {ACCEPTED}"),
        (False, f"interest: False is not a rate; {ACCEPTED}"),
        (None, f"interest: None is not a rate; {ACCEPTED}"),
        (0.05, f"interest: float 0.05 is not accepted (it may already be rounded); {ACCEPTED}"),
        (Decimal("NaN"), f"interest: NaN is not a rate; {ACCEPTED}"),
        (Decimal("Infinity"), f"interest: Infinity is not a rate; {ACCEPTED}"),
        ([1], f"interest: list [1] is not a rate; {ACCEPTED}"),
        ({"rate": 1}, f"interest: dict {{'rate': 1}} is not a rate; {ACCEPTED}"),
        ("seven", f"interest: 'seven' is not a rate; {ACCEPTED}"),
        ("about", f"interest: 'about' is not a rate; {ACCEPTED}"),
        (
            "between 2% and 1%",
            "interest: 'between 2% and 1%' runs from high to low; write the lower first",
        ),
        # a bare low and a high in percent: 1 is 100%, above 2%
        (
            "between 1 and 2%",
            "interest: 'between 1 and 2%' runs from high to low; write the lower first",
        ),
        ("-1%", f"interest: -1% is negative; {ACCEPTED}"),
        (
            "150%",
            "interest: 1.5 is 150% a year: write a rate per year as a percentage ('7%') or a fraction ('0.07'), at most 100%",
        ),
        (
            "7",
            "interest: 7 is 700% a year: write a rate per year as a percentage ('7%') or a fraction ('0.07'), at most 100%",
        ),
        (
            "0.75",
            "interest: 0.75 is 75% a year; write '0.75%' for 0.75 percent a year, or '75%' if that is meant (a rate above 30% is written with its percent sign)",
        ),
        (
            "0.31",
            "interest: 0.31 is 31% a year; write '0.31%' for 0.31 percent a year, or '31%' if that is meant (a rate above 30% is written with its percent sign)",
        ),
    ],
)
def test_a_rate_refused_says_why_word_for_word(value, words):
    assert refusal(ValueError, lambda: rate_figure(value)) == words


def test_a_rate_with_a_unit_is_refused_in_words():
    words = refusal(ValueError, lambda: rate_figure(Figure.of("5 USD")))
    assert words == "interest: 5 USD has a unit; a rate per year is a pure number"


def test_a_refusal_names_the_rate_it_was_given_to_read():
    assert refusal(ValueError, lambda: rate_figure("nine", "rate")) == (
        f"rate: 'nine' is not a rate; {ACCEPTED}"
    )
    assert refusal(ValueError, lambda: rate_figure("-2%", "discount")) == (
        f"discount: -2% is negative; {ACCEPTED}"
    )
    # no name: no "name: " before the words
    assert refusal(ValueError, lambda: rate_figure("nine", "")) == (
        f"'nine' is not a rate; {ACCEPTED}"
    )


# -- rate_figure: the ends of what it accepts ------------------------------------------------


def test_one_hundred_percent_is_the_highest_rate_and_it_is_accepted():
    assert rate_figure("100%").magnitudes == (Decimal(1), Decimal(1), Decimal(1))
    assert rate_figure(Figure.of("1")).magnitudes == (Decimal(1), Decimal(1), Decimal(1))
    assert refusal(ValueError, lambda: rate_figure(Figure.of("1.01"))) == (
        "interest: 1.01 is 101% a year: write a rate per year as a percentage ('7%') or a "
        "fraction ('0.07'), at most 100%"
    )
    # a bare 1 is refused for its missing sign first: 1 may mean 1% as easily as 100%
    assert refusal(ValueError, lambda: rate_figure(Decimal(1))) == (
        "interest: 1 is 100% a year; write '1%' for 1 percent a year, or '100%' if that is "
        "meant (a rate above 30% is written with its percent sign)"
    )


def test_a_bare_number_of_thirty_percent_is_accepted_and_above_it_needs_the_sign():
    assert rate_figure("0.3").magnitudes == (Decimal("0.3"),) * 3
    assert rate_figure("31%").magnitudes == (Decimal("0.31"),) * 3
    assert rate_figure(Decimal("0.3")).magnitudes == (Decimal("0.3"),) * 3


def test_a_bare_range_and_a_percent_range_read_alike():
    assert rate_figure("between 0.01 and 2%").magnitudes == (
        None,
        Decimal("0.01"),
        Decimal("0.02"),
    )
    assert rate_figure("between 1% and 0.02").magnitudes == (
        None,
        Decimal("0.01"),
        Decimal("0.02"),
    )


def test_a_range_whose_ends_are_equal_is_accepted():
    figure = rate_figure("between 1% and 1%")
    assert figure.magnitudes[1:] == (Decimal("0.01"), Decimal("0.01"))
    assert rate_text(figure) == "between 1% and 1%"


def test_a_zero_rate_is_accepted():
    assert rate_figure("0%").magnitudes == (Decimal(0),) * 3
    assert rate_figure(0).magnitudes == (Decimal(0),) * 3


# -- rate_text: each qualifier written back, and what cannot be written ----------------------


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("2%", "2%"),
        ("0.0075", "0.75%"),
        ("about 2%", "about 2%"),
        ("estimated 2%", "estimated 2%"),
        ("at least 2%", "at least 2%"),
        ("more than 2%", "more than 2%"),
        ("at most 3%", "at most 3%"),
        ("less than 3%", "less than 3%"),
        ("between 1% and 2.5%", "between 1% and 2.5%"),
    ],
)
def test_each_rate_is_written_back_as_a_file_writes_it(text, written):
    assert rate_text(rate_figure(text)) == written
    assert rate_text(rate_figure(written)) == written


@pytest.mark.parametrize(
    ("figure", "shown"),
    [
        (Figure.range("0.01", "0.02", low_inclusive=False), "more than 0.01 and at most 0.02"),
        (Figure.range("0.01", "0.02", high_inclusive=False), "at least 0.01 and less than 0.02"),
        (Figure.range("0.01", "0.02", approximate=True), "between about 0.01 and 0.02"),
        (
            Figure.range("0.01", "0.02", approximate=True, value="0.015"),
            "0.015 (between 0.01 and 0.02), approximate",
        ),
        (Figure.of("0.02", "at_least") + Figure.of("0.01", "about"), "at least 0.03, approximate"),
        (
            Figure.of("0.02", "more_than") + Figure.of("0.01", "about"),
            "more than 0.03, approximate",
        ),
        (Figure.of("0.02", "at_most") + Figure.of("0.01", "about"), "at most 0.03, approximate"),
    ],
)
def test_a_rate_a_file_cannot_write_is_refused_in_words(figure, shown):
    assert str(figure) == shown
    words = refusal(lg.LedgerError, lambda: rate_text(figure))
    assert words == f"rate {shown} cannot be written as a rate per year"


def test_terms_given_a_rate_a_file_cannot_write_refuse_it_in_their_place():
    half_open = Figure.range("0.01", "0.02", low_inclusive=False)
    assert terms_refusal(interest=half_open, maturity_years=3) == HEAD + (
        "interest: rate more than 0.01 and at most 0.02 cannot be written as a rate per year"
    )
    source = lg.Source(publisher="Pub", title="Doc", date=date(2010, 1, 1))
    words = refusal(
        lg.LedgerFileError,
        lambda: lg.Claim(
            id="loan",
            as_of=date(2010, 1, 1),
            source=source,
            creditor="RU",
            debtor="TJ",
            asserted_by="RU",
            amount="5 USD",
            terms={"interest": half_open, "maturity_years": 3},
        ),
    )
    assert words == (
        "1 problem in the ledger; nothing was loaded:\n  - claim (loan): terms.interest: rate "
        "more than 0.01 and at most 0.02 cannot be written as a rate per year"
    )


# -- Terms: each refusal as a user reads it -------------------------------------------------


def test_terms_with_nothing_given_name_both_required_fields():
    assert terms_refusal() == (
        "2 problems in the ledger; nothing was loaded:\n"
        "  - terms: interest: missing; this field is required\n"
        "  - terms: maturity_years: missing; this field is required"
    )


def test_an_unknown_field_of_terms_is_refused_with_the_fields_accepted():
    assert terms_refusal(interest="2%", maturity_years=3, colour=1) == HEAD + (
        "colour: unknown field (value 1); accepted: interest, maturity_years, "
        "grace_years, frequency, profile, disbursed"
    )


@pytest.mark.parametrize(
    ("field", "given", "words"),
    [
        (
            "frequency",
            "monthly",
            "frequency: must be one of 'annual', 'semiannual' or 'quarterly' (given 'monthly')",
        ),
        (
            "profile",
            "bullet",
            "profile: must be one of 'equal_principal', 'annuity', 'lump_sum' or 'lump_sum_compounded' (given 'bullet')",
        ),
    ],
)
def test_a_word_not_on_the_list_is_refused_with_the_list(field, given, words):
    assert terms_refusal(interest="2%", maturity_years=3, **{field: given}) == HEAD + words


@pytest.mark.parametrize(
    ("given", "shown"),
    [("3", "'3'"), (3.0, "3.0"), (3.5, "3.5"), (None, "None"), (True, "True")],
)
def test_years_that_are_not_a_whole_number_are_refused_in_words(given, shown):
    assert terms_refusal(interest="2%", maturity_years=given) == HEAD + (
        f"maturity_years: {shown} is not a whole number of years; write e.g. 40"
    )


@pytest.mark.parametrize(
    ("field", "given", "words"),
    [
        ("maturity_years", 0, "maturity_years: 0 is not accepted; whole years from 1 to 100"),
        ("maturity_years", 101, "maturity_years: 101 is not accepted; whole years from 1 to 100"),
        ("grace_years", -1, "grace_years: -1 is not accepted; whole years from 0 to 100"),
        ("grace_years", 101, "grace_years: 101 is not accepted; whole years from 0 to 100"),
    ],
)
def test_years_outside_their_span_are_refused_with_the_span(field, given, words):
    data = {"interest": "2%", "maturity_years": 3, "profile": "lump_sum", field: given}
    assert terms_refusal(**data) == HEAD + words


def test_the_ends_of_each_span_of_years_are_accepted():
    assert lg.Terms(interest="2%", maturity_years=1).periods == 1
    assert lg.Terms(interest="2%", maturity_years=100).periods == 100
    assert lg.Terms(interest="2%", maturity_years=3, grace_years=0).grace_periods == 0
    longest = lg.Terms(interest="2%", maturity_years=100, grace_years=100, profile="lump_sum")
    assert (longest.grace_years, longest.maturity_years) == (100, 100)
    last = lg.Terms(interest="2%", maturity_years=3, grace_years=2, frequency="quarterly")
    assert (last.periods, last.grace_periods) == (12, 8)


def test_a_grace_as_long_as_maturity_is_refused_for_a_profile_that_repays_in_parts():
    for profile in ("equal_principal", "annuity"):
        assert terms_refusal(
            interest="2%", maturity_years=3, grace_years=3, profile=profile
        ) == HEAD + (
            "grace_years 3 leaves no year to repay in before maturity 3; grace must be "
            "shorter than maturity (or the profile 'lump_sum')"
        )
    for profile in ("lump_sum", "lump_sum_compounded"):
        assert lg.Terms(interest="2%", maturity_years=3, grace_years=3, profile=profile)


def test_a_bad_disbursement_date_is_refused_with_what_is_accepted():
    assert terms_refusal(interest="2%", maturity_years=3, disbursed="2012-1-5") == HEAD + (
        'disbursed: not a date; accepted: an ISO date such as "2012-01-15"'
    )
    assert lg.Terms(interest="2%", maturity_years=3, disbursed="2012-01-15").disbursed == date(
        2012, 1, 15
    )


@pytest.mark.parametrize(
    ("given", "words"),
    [
        (
            "7",
            "interest: 7 is 700% a year: write a rate per year as a percentage ('7%') or a fraction ('0.07'), at most 100%",
        ),
        (
            "0.5",
            "interest: 0.5 is 50% a year; write '0.5%' for 0.5 percent a year, or '50%' if that is meant (a rate above 30% is written with its percent sign)",
        ),
        (0.07, f"interest: float 0.07 is not accepted (it may already be rounded); {ACCEPTED}"),
        ([1], f"interest: list [1] is not a rate; {ACCEPTED}"),
        ("seven", f"interest: 'seven' is not a rate; {ACCEPTED}"),
        ("-2%", f"interest: -2% is negative; {ACCEPTED}"),
    ],
)
def test_terms_name_the_interest_once_when_they_refuse_it(given, words):
    assert terms_refusal(interest=given, maturity_years=3) == HEAD + words


def test_several_refusals_of_terms_are_listed_together_each_with_its_field():
    assert terms_refusal(interest="seven", maturity_years=0, frequency="weekly") == (
        "3 problems in the ledger; nothing was loaded:\n"
        f"  - terms: interest: 'seven' is not a rate; {ACCEPTED}\n"
        "  - terms: maturity_years: 0 is not accepted; whole years from 1 to 100\n"
        "  - terms: frequency: must be one of 'annual', 'semiannual' or 'quarterly' (given 'weekly')"
    )


def test_a_refusal_of_terms_keeps_its_place_for_a_reader():
    with pytest.raises(lg.LedgerFileError) as caught:
        lg.Terms(interest="2%", maturity_years=101)
    (problem,) = caught.value.problems
    assert problem.file is None
    assert problem.entry == "terms"
    assert problem.field == "maturity_years"
    with pytest.raises(lg.LedgerFileError) as caught:
        lg.Terms(interest="2%", maturity_years=3, grace_years=3)
    (problem,) = caught.value.problems
    assert problem.field is None  # the terms as a whole, no one field
