"""Quantities: one registry, Decimal magnitudes, currencies that never mix."""

from decimal import Decimal
from fractions import Fraction

import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st
from oracles import MONTHS, terminates

import ledger as lg
from ledger import strategies as lst
from ledger.units import quantity_text, unit_text


@given(st.sampled_from(["stock", "flow", "count", "pure"]).flatmap(lst.quantities))
def test_quantity_reads_back_its_own_text(q):
    assert lg.quantity(quantity_text(q)) == q
    back = lg.quantity(str(q))
    assert back == q
    assert isinstance(back.magnitude, Decimal)


@given(lst.amounts(), lst.currencies(), st.sampled_from([None, "year", "quarter", "month"]))
def test_money_and_quantity_agree(amount, currency, per):
    text = f"{amount} {currency}" + (f"/{per}" if per else "")
    assert lg.money(amount, currency, per=per) == lg.quantity(text)
    assert lg.money(str(amount), currency, per=per) == lg.quantity(text)


@given(lst.quantities("stock"), lst.quantities("stock"))
def test_adding_two_currencies_always_raises(a, b):
    if lg.currency_of(a) == lg.currency_of(b):
        assert (a + b).magnitude == a.magnitude + b.magnitude
    else:
        with pytest.raises(pint.DimensionalityError):
            a + b


@given(lst.quantities("stock", "USD"), lst.quantities("flow", "USD"))
def test_adding_a_stock_to_a_flow_always_raises(stock, flow):
    with pytest.raises(pint.DimensionalityError):
        stock + flow


@given(lst.amounts(max_value=10**9))
def test_flow_time_conversion_is_exact(amount):
    yearly = lg.money(amount * 12, "USD", per="year")
    monthly = lg.to_units(yearly, "USD/month")
    assert monthly.magnitude == amount
    assert lg.to_units(monthly, "USD/year").magnitude == amount * 12
    assert lg.to_units(lg.money(amount * 4, "USD", per="year"), "USD/quarter").magnitude == amount


@given(
    st.one_of(
        lst.amounts(min_value=-(10**9), max_value=10**9, places=4),
        st.integers(-1000, 1000).filter(lambda n: n % 12).map(Decimal),  # never a multiple of 12
    ),
    st.sampled_from(list(MONTHS)),
    st.sampled_from(list(MONTHS)),
)
def test_a_change_of_period_is_exact_or_refused(amount, source, target):
    # The truth in fractions: per source is per month over MONTHS[source]; a duration the other
    # way round.
    for unit, target_unit, truth in (
        (f"USD/{source}", f"USD/{target}", Fraction(amount) * MONTHS[target] / MONTHS[source]),
        (source, target, Fraction(amount) * MONTHS[source] / MONTHS[target]),
    ):
        q = lg.ureg.Quantity(amount, unit)
        if terminates(truth):
            converted = lg.to_units(q, target_unit)
            assert Fraction(converted.magnitude) == truth
            assert isinstance(converted.magnitude, Decimal)
            assert unit_text(converted.units) == target_unit
        else:
            with pytest.raises(lg.AmountError, match="which no decimal holds exactly"):
                lg.to_units(q, target_unit)


@pytest.mark.parametrize(
    ("amount", "source", "target", "truth"),
    [
        ("7", "year", "month", Fraction(7, 12)),
        ("1", "quarter", "month", Fraction(1, 3)),
        ("5", "month", "quarter", Fraction(15)),
        ("13", "month", "year", Fraction(13 * 12)),
        ("0.01", "year", "quarter", Fraction(1, 400)),
        ("-10", "year", "month", Fraction(-10, 12)),
        ("100", "quarter", "year", Fraction(400)),
        ("2.5", "month", "year", Fraction(30)),
    ],
)
def test_flows_in_periods_that_do_not_divide_evenly(amount, source, target, truth):
    q = lg.quantity(f"{amount} USD/{source}")
    if terminates(truth):
        assert Fraction(lg.to_units(q, f"USD/{target}").magnitude) == truth
    else:
        with pytest.raises(lg.AmountError, match="which no decimal holds exactly"):
            lg.to_units(q, f"USD/{target}")
    # Figure.to always answers: the truth itself, or bounds one unit in the 60th digit apart.
    moved = lg.Figure.of(q).to(f"USD/{target}")
    low, high = (Fraction(x) for x in moved.magnitudes[1:])
    assert low <= truth <= high and (low == high) == terminates(truth)


@pytest.mark.parametrize(
    ("text", "magnitude", "unit"),
    [
        ("300 million USD", Decimal(300_000_000), "USD"),
        ("300e6 USD/year", Decimal(300_000_000), "USD/year"),
        ("1 million person", Decimal(1_000_000), "person"),
        ("1,000,000 USD", Decimal(1_000_000), "USD"),
        ("1.5 billion RUB per year", Decimal(1_500_000_000), "RUB/year"),
        ("50 thousand TJS/month", Decimal(50_000), "TJS/month"),
        ("2 trillion USD", Decimal(2 * 10**12), "USD"),
        ("300.50 USD", Decimal("300.50"), "USD"),
        ("28.81 RUB/USD", Decimal("28.81"), "RUB/USD"),
        ("300 USD per person per year", Decimal(300), "USD/person/year"),
        ("1 million people", Decimal(1_000_000), "person"),
        ("-5 USD", Decimal(-5), "USD"),
        ("1.2", Decimal("1.2"), ""),
    ],
)
def test_quantity_reads_the_forms_sources_use(text, magnitude, unit):
    q = lg.quantity(text)
    assert q.magnitude == magnitude
    assert isinstance(q.magnitude, Decimal)
    assert unit_text(q.units) == unit


def test_a_year_is_exactly_twelve_months():
    assert lg.to_units(lg.quantity("1200 USD/year"), "USD/month") == lg.quantity("100 USD/month")
    assert lg.to_units(lg.quantity("1200 USD/year"), "USD/month").magnitude == Decimal(100)
    assert lg.to_units(lg.quantity("1 year"), "month").magnitude == 12


def test_kinds_of_quantity():
    assert lg.is_stock(lg.quantity("300 USD")) and not lg.is_flow(lg.quantity("300 USD"))
    assert lg.is_flow(lg.quantity("300 USD/year")) and not lg.is_stock(lg.quantity("3 USD/year"))
    assert lg.is_count(lg.quantity("1 million person"))
    assert lg.is_duration(lg.quantity("2 year"))
    assert lg.is_pure(lg.quantity("2"))
    assert lg.currency_of(lg.quantity("3 RUB/month")) == "RUB"
    assert "TJS" in lg.CURRENCIES and "RUB" in lg.CURRENCIES and len(lg.CURRENCIES) > 250


def test_the_registry_does_not_load_pint_default_definitions():
    with pytest.raises(pint.UndefinedUnitError):
        lg.ureg.Unit("meter")


OTHER_REGISTRY = pint.UnitRegistry(filename=None)
OTHER_REGISTRY.define("USD = [currency]")

BAD_AMOUNTS = [
    (lambda: lg.quantity("abc"), lg.AmountError, "is not an amount"),
    (lambda: lg.quantity("3 usd"), lg.AmountError, "upper-case: 'USD'"),
    (lambda: lg.quantity("3 FOO"), lg.AmountError, "unknown 'FOO'"),
    (lambda: lg.quantity("3 USD/"), lg.AmountError, "could not be read"),
    (lambda: lg.quantity("1,00 USD"), lg.AmountError, "is not an amount"),
    (lambda: lg.quantity("NaN USD"), lg.AmountError, "is not an amount"),
    (lambda: lg.quantity("inf USD"), lg.AmountError, "is not an amount"),
    (lambda: lg.quantity(3.5), lg.AmountError, "float 3.5 is not accepted"),
    (lambda: lg.quantity(None), lg.AmountError, "is not an amount"),
    (
        lambda: lg.quantity(OTHER_REGISTRY.Quantity(3, "USD")),
        lg.AmountError,
        "another pint registry",
    ),
    (lambda: lg.quantity(lg.ureg.Quantity(0.1, "USD")), lg.AmountError, "float 0.1"),
    (lambda: lg.money(0.1, "USD"), lg.AmountError, "float 0.1 is not accepted"),
    (lambda: lg.money(Decimal("NaN"), "USD"), lg.AmountError, "not finite"),
    (lambda: lg.money(Decimal("Infinity"), "USD"), lg.AmountError, "not finite"),
    (lambda: lg.money(True, "USD"), lg.AmountError, "is a bool"),
    (lambda: lg.money("300", "XYZ"), lg.AmountError, "not an ISO 4217 code"),
    (lambda: lg.money("300", "usd"), lg.AmountError, "upper-case: 'USD'"),
    (lambda: lg.money("300", "USD", per="week"), lg.AmountError, "is not a period"),
    (lambda: lg.money("3 hundred", "USD"), lg.AmountError, "is not a number"),
    (lambda: lg.to_units(lg.quantity("3 USD"), "USD/year"), lg.UnitMismatchError, "cannot convert"),
]


@pytest.mark.parametrize(("build", "error", "phrase"), BAD_AMOUNTS)
def test_bad_amounts_are_refused_with_a_clear_message(build, error, phrase):
    with pytest.raises(error) as caught:
        build()
    assert phrase in str(caught.value)


@pytest.mark.parametrize("text", ["300 Million USD", "300 MILLION USD", "300 million USD"])
def test_scale_words_read_in_any_case(text):
    # Regression: the fast path once took "Million USD" for a unit.
    assert lg.quantity(text) == lg.money(300_000_000, "USD")
