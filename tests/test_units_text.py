"""How units and numbers are read and written back, case by case (written by hand, from the
user's side: the text a file holds and the text a reader sees)."""

from decimal import Decimal

import pytest

import ledger as lg
from ledger.units import parse_unit, quantity_text, to_units, unit_text


@pytest.mark.parametrize(
    ("text", "magnitude"),
    [
        ("1.5e3 USD", "1500"),  # an exponent is written out, not kept as 1.5E+3
        ("1.5E3 USD", "1500"),
        ("1e1 USD", "10"),
        ("1e2 USD", "100"),
        ("1.50e1 USD", "15"),  # a whole number loses the zeros the exponent left
        ("1.25e1 USD", "12.5"),  # a fraction keeps its digits
        ("1.5e-1 USD", "0.15"),
        ("2.5 million USD", "2500000"),
        ("2.25 thousand USD", "2250"),
        ("0.5 thousand USD", "500"),
        ("300.50 USD", "300.50"),  # as written: the cents a source gives stay
        ("100 USD", "100"),
    ],
)
def test_a_number_reads_to_the_digits_a_reader_expects(text, magnitude):
    assert str(lg.quantity(text).magnitude) == magnitude


def test_a_scaled_number_beyond_the_limits_is_named_as_an_amount():
    with pytest.raises(lg.AmountError) as error:
        lg.Figure.of("1e25 million USD")
    assert str(error.value).startswith("amount 1E+31 is too large")


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("USD/month/person", "USD/person/month"),  # money, then people, then time
        ("USD/year/person", "USD/person/year"),
        ("person*USD", "USD*person"),
        ("RUB/USD", "RUB/USD"),
        ("USD per person per year", "USD/person/year"),
        ("TJS/quarter", "TJS/quarter"),
    ],
)
def test_units_are_written_money_first_then_people_then_time(written, shown):
    assert unit_text(parse_unit(written)) == shown


def test_unit_text_takes_a_quantity_as_well_as_a_unit():
    assert unit_text(lg.money("3", "USD", per="year")) == "USD/year"


@pytest.mark.parametrize(
    ("amount", "plain", "in_words"),
    [
        ("1500000", "1500000 USD", "1.5 million USD"),
        ("1000000", "1000000 USD", "1 million USD"),
        ("1234000", "1234000 USD", "1.234 million USD"),
        ("1234500", "1234500 USD", "1234500 USD"),  # four places of millions: kept whole
        ("1500000.5", "1500000.5 USD", "1500000.5 USD"),  # cents are never scaled away
        ("1000000.0", "1000000.0 USD", "1000000.0 USD"),  # a written tenth is kept too
        ("2000000000", "2000000000 USD", "2 billion USD"),
        ("999", "999 USD", "999 USD"),
    ],
)
def test_quantity_text_uses_scale_words_only_when_asked(amount, plain, in_words):
    q = lg.money(amount, "USD")
    assert quantity_text(q) == plain
    assert quantity_text(q, words=True) == in_words


def test_quantity_text_writes_every_digit_never_an_exponent():
    # Decimal's own str() would give "1E+6" and "1E-7": a reader and a file want digits.
    assert quantity_text(lg.money(Decimal("1E+6"), "USD")) == "1000000 USD"
    assert quantity_text(lg.money(Decimal("0.0000001"), "USD")) == "0.0000001 USD"


def test_quantity_text_of_a_pure_number_has_no_unit_and_no_trailing_space():
    assert quantity_text(lg.quantity("5")) == "5"


def test_an_inexact_change_of_unit_points_to_the_figure_way():
    with pytest.raises(lg.AmountError) as error:
        to_units(lg.money("1", "USD", per="year"), "USD/month")
    message = str(error.value)
    assert "1/12, which no decimal holds exactly" in message
    assert "use lg.Figure.of(amount).to(unit), which rounds outwards" in message


def test_a_change_to_the_same_unit_keeps_the_digits_as_written():
    same = to_units(lg.money("300.50", "USD", per="year"), "USD/year")
    assert str(same.magnitude) == "300.50"


def test_scale_words_write_an_exponent_out():
    from decimal import Decimal

    assert quantity_text(lg.money(Decimal("1E+3"), "USD"), words=True) == "1000 USD"
    assert quantity_text(lg.money(Decimal("2E+6"), "USD"), words=True) == "2 million USD"


# -- what a refusal of a number says ---------------------------------------------------------

X40 = "x" * 40


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (lambda: lg.Figure.of("5 USD").quantize("1e40"), "step 1E+40 is too large: amounts are"),
        (lambda: lg.Figure.of("1e31 USD"), "amount 1E+31 is too large: amounts are below 10**30"),
        (lambda: lg.Figure.of("1E31 USD"), "amount 1E+31 is too large"),
        (lambda: lg.Figure.of("1e25 million USD"), "amount 1E+31 is too large"),
        (lambda: lg.quantity("2e31"), "amount 2E+31 is too large"),
        (lambda: lg.Figure.of("1" * 61 + " USD"), "amount 11111111111111111111...111111111111 is"),
        (
            lambda: lg.units.decimal("0" * 200 + "1"),
            "amount: a number of 201 characters is too long; amounts have at most 60 "
            "significant digits",
        ),
        (lambda: lg.units.decimal(X40 + "x", "step"), f"step: '{X40}'... is not a number; "),
        (lambda: lg.units.decimal(X40, "step"), f"step: '{X40}' is not a number; accepted: ASCII"),
    ],
)
def test_a_refused_number_is_named_and_shown_within_bounds(action, message):
    with pytest.raises(lg.AmountError) as error:
        action()
    assert str(error.value).startswith(message)


def test_a_number_of_two_hundred_characters_is_read():
    assert lg.units.decimal("0" * 199 + "1") == 1


# -- a number alone (money(), quantize steps): the same grammar, the general path ----------------


def test_a_number_alone_reads_thousands_separators_and_writes_exponents_out():
    assert lg.money("1,500.25", "USD").magnitude == Decimal("1500.25")
    assert str(lg.money("3e8", "USD").magnitude) == "300000000"  # never 3E+8
    assert str(lg.money("3E2", "USD").magnitude) == "300"


def test_a_number_alone_that_is_not_one_says_what_is_accepted():
    with pytest.raises(lg.AmountError) as refused:
        lg.money("abc", "USD")
    assert str(refused.value) == (
        "amount: 'abc' is not a number; accepted: ASCII digits like '300', '1,500.25', "
        "'-0.5' or '3e8'"
    )


def test_a_scaled_amount_of_29_digits_is_exact_whatever_the_path():
    # Written with a space first, the text takes the general path; 29 significant digits
    # after scaling are more than Decimal's default context holds (28): none may be lost.
    q = lg.quantity(" 123456789012345678901234.56789 million USD")
    assert q.magnitude == Decimal("123456789012345678901234567890")


# -- quantities from elsewhere, and what is refused, word for word ----------------------------


def test_a_quantity_of_the_registry_with_an_int_magnitude_gets_a_decimal_one():
    q = lg.quantity(lg.ureg.Quantity(3, "USD"))
    assert type(q.magnitude) is Decimal and q.magnitude == 3


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (
            [3],
            "list [3] is not an amount; pass text such as '300 million USD' or use "
            "lg.money(amount, currency)",
        ),
        (
            "pint",
            "quantity <Quantity(3, 'meter')> comes from another pint registry; build amounts "
            "with lg.quantity(...) or lg.money(...), which use the one registry lg.ureg",
        ),
    ],
)
def test_what_is_not_an_amount_is_refused_in_words(given, message):
    import pint

    value = pint.UnitRegistry().Quantity(3, "m") if given == "pint" else given
    with pytest.raises(lg.AmountError) as refused:
        lg.quantity(value)
    assert str(refused.value) == message


def test_an_unknown_currency_is_refused_with_examples_and_no_stray_hint():
    from ledger.units import check_currency

    with pytest.raises(lg.LedgerError) as refused:
        check_currency("XXZ", "currency")
    assert str(refused.value) == (
        "currency 'XXZ' is not an ISO 4217 code known to CLDR; e.g. USD, RUB, TJS"
    )


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("x" * 40, "'" + "x" * 40 + "'"),  # 40 characters: shown whole
        ("x" * 41, "'" + "x" * 40 + "'..."),  # 41: the first 40, then an ellipsis
    ],
)
def test_a_long_text_that_is_not_an_amount_is_shown_cut_at_40_characters(text, shown):
    with pytest.raises(lg.AmountError) as refused:
        lg.quantity(text)
    assert str(refused.value).startswith(f"{shown} is not an amount; accepted: a number")
