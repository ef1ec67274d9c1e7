"""A share below one percent keeps a digit: never "-0%" (issue 13, user check item 11)."""

import pytest

import ledger as lg


@pytest.mark.parametrize(
    ("figure", "text"),
    [
        (lg.Figure.of("about -0.003"), "about -0.3%"),
        (lg.Figure.of("-0.000012"), "-0.001%"),
        (lg.Figure.of("about 0.0046"), "about 0.5%"),
        (lg.Figure.of("about 0.454"), "about 45%"),
        (lg.Figure.of("0"), "0%"),
    ],
)
def test_a_small_share_is_never_said_as_zero_or_minus_zero(figure, text):
    assert lg.format_ratio(figure, "en_US", as_percent=True) == text
