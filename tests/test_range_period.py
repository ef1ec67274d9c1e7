"""A range of a flow says its period once, in every language (issue 15 leftover): "950 тыс. $ в
год–1,2 млрд $ в год" said the year twice, where English said "$950K–$1.2B per year"."""

from decimal import Decimal

import pytest

import ledger as lg
from ledger.figures import Figure
from ledger.units import parse_unit, ureg

YEAR = parse_unit("USD/year")


def _flow(value: str | None, low: str, high: str) -> Figure:
    def q(x: str) -> object:
        return ureg.Quantity(Decimal(x), YEAR)

    return Figure(None if value is None else q(value), low=q(low), high=q(high))


# The locale, the period's words as its catalog or CLDR says them, and the range as a reader
# reads it (written out by hand).
CASES = [
    ("en", "per year", "$950K–$1.2B per year"),
    ("ru", "в год", "950 тыс. $–1,2 млрд $ в год"),
    ("tg", "дар як сол", "950 ҳзр. US$–1,2 млрд. US$ дар як сол"),
    ("ky", "жылына", "жылына 950 миң USD–1,2 млд USD"),
    ("kk", "жылына", "жылына 950 м. $–1,2 млрд $"),
    ("uz", "yiliga", "yiliga 950 ming US$–1,2 mlrd US$"),
    ("uz_Cyrl", "йилига", "йилига 950 минг US$–1,2 млрд US$"),
]


@pytest.mark.parametrize(("locale", "period", "expected"), CASES)
def test_a_range_of_a_flow_says_its_period_once(locale, period, expected):
    text = lg.format_figure(_flow(None, "950000", "1200000000"), locale=locale)
    assert text.replace("\xa0", " ") == expected
    assert text.count(period) == 1


@pytest.mark.parametrize(("locale", "period", "expected"), CASES)
def test_a_central_value_and_its_range_say_the_period_once_each(locale, period, expected):
    text = lg.format_figure(_flow("900000000", "950000", "1200000000"), locale=locale)
    assert text.count(period) == 2  # "$900M per year ($950K–$1.2B per year)"
    assert expected in text.replace("\xa0", " ")


@pytest.mark.parametrize(("locale", "period"), [(c[0], c[1]) for c in CASES])
def test_a_negative_end_keeps_its_sign_when_the_period_is_said_once(locale, period):
    text = lg.format_figure(_flow(None, "-950000", "1200000000"), locale=locale)
    assert text.count(period) == 1
    assert text.count("-") == 1 and " – " in text
