"""Positions in words as a user of a big transfer log saw them (issue 14's user check): a sum of
many "about" amounts with cents and narrow ranges, whose bounds, as shown, equal its value, is
said once ("about -KGS46.7M"), never repeated as a range ("-KGS46.7M–-KGS46.7M"); a range with a
negative end writes its minus as a minus sign (U+2212) with a spaced dash, never "–-"."""

from datetime import date

import pytest

import ledger as lg
from ledger.cli import main

MINUS = "-"  # CLDR's minus sign in every locale spoken: one sign for every figure
NB = "\xa0"

_HEAD = """
[sources.ops]
publisher = "Operator"
title = "Transfer log"
date = 2024-12-31
"""


def _claim(entry_id, amount, extra=""):
    return f"""
[[entries]]
kind = "claim"
id = "{entry_id}"
as_of = 2024-05-14
source = "ops"
creditor = "RU"
debtor = "KG"
asserted_by = "RU"
amount = "{amount}"
{extra}"""


#: Two "about" transfers with cents, one exact, one "range" of plus or minus 10.00, as the
#: user's log had them: KG's position is about -46,705,105.20 KGS, within 10.00 either way.
TRANSFERS = (
    _HEAD
    + _claim("t1", "23352452.61 KGS", 'qualifier = "about"\n')
    + _claim("t2", "23352452.58 KGS", 'qualifier = "about"\n')
    + _claim("t3", "100.01 KGS")
    + _claim("t4", "100.00 KGS", 'qualifier = "range"\nlow = "90.00 KGS"\nhigh = "110.00 KGS"\n')
)


@pytest.fixture
def position():
    found = lg.net_positions(lg.loads(TRANSFERS), as_of=date(2024, 12, 31))
    return found["KG"]["KGS"]


def test_the_users_position_is_what_the_claims_sum_to(position):
    # By hand: 23352452.61 + 23352452.58 + 100.01 + 100.00 = 46705105.20, ends 10.00 apart.
    assert str(position.magnitudes) == (
        "(Decimal('-46705105.20'), Decimal('-46705115.20'), Decimal('-46705095.20'))"
    )
    assert position.approximate


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("en_US", "about -KGS46.7M"),
        ("ru_RU", f"около -46,7{NB}млн{NB}KGS"),
        ("tg_TJ", f"тақрибан -46,7{NB}млн.{NB}KGS"),
    ],
)
def test_a_position_whose_shown_ends_equal_its_value_is_said_once(position, locale, text):
    assert lg.format_figure(position, locale) == text


def test_positions_text_says_each_once(tmp_path, capsys):
    path = tmp_path / "transfers.toml"
    path.write_text(TRANSFERS, encoding="utf-8")
    assert main(["positions", str(path), "--on", "2024-12-31"]) == 0
    out = capsys.readouterr().out
    assert "Kyrgyzstan: about -KGS46.7M (KGS)" in out.splitlines()
    assert "Russia: about KGS46.7M (KGS)" in out.splitlines()
    assert "–" not in out


def test_a_range_whose_shown_ends_are_equal_says_about():
    # No central value: the ends round alike, so the figure is about that amount, not a point.
    figure = lg.Figure.range("2345668.91 KGS", "2345688.91 KGS")
    assert lg.format_figure(figure) == "about KGS2.35M"
    assert lg.format_figure(figure, style="full") == "KGS2,345,668.91–KGS2,345,688.91"


@pytest.mark.parametrize(
    ("low", "high", "locale", "text"),
    [
        ("-46800000 KGS", "-46600000 KGS", "en_US", f"{MINUS}KGS46.8M – {MINUS}KGS46.6M"),
        ("-46800000 KGS", "-46600000 KGS", "ru_RU", f"{MINUS}46,8 – {MINUS}46,6{NB}млн{NB}KGS"),
        ("-46800000 KGS", "-46600000 KGS", "tg_TJ", f"{MINUS}46,8 – {MINUS}46,6{NB}млн.{NB}KGS"),
        ("-2000000 USD", "1000000 USD", "en_US", f"{MINUS}$2M – $1M"),
        ("-2000000 USD", "1000000 USD", "ru_RU", f"{MINUS}2 – 1{NB}млн{NB}$"),
        ("-2000000 USD", "1000000 USD", "tg_TJ", f"{MINUS}2 – 1{NB}млн.{NB}US$"),
        ("-3 USD/year", "-2 USD/year", "en_US", f"{MINUS}$3 – {MINUS}$2 per year"),
    ],
)
def test_a_negative_range_end_reads_as_a_minus(low, high, locale, text):
    shown = lg.format_figure(lg.Figure.range(low, high), locale)
    assert shown == text
    assert "–-" not in shown  # a spaced dash between two signed ends


def test_a_positive_range_is_written_as_before():
    assert lg.format_figure(lg.Figure.range("250 million USD", "300 million USD")) == "$250M–$300M"
    assert lg.format_figure(lg.Figure.range("20 million USD", "50 million USD"), "ru_RU") == (
        f"20–50{NB}млн{NB}$"
    )


def test_a_value_beside_a_negative_range_takes_the_same_minus():
    wide = (
        _HEAD
        + _claim("t1", "46600000 KGS", 'qualifier = "about"\n')
        + _claim("t2", "100000 KGS", 'qualifier = "range"\nlow = "0 KGS"\nhigh = "200000 KGS"\n')
    )
    position = lg.net_positions(lg.loads(wide), as_of=date(2024, 12, 31))["KG"]["KGS"]
    assert str(position.magnitudes) == (
        "(Decimal('-46700000'), Decimal('-46800000'), Decimal('-46600000'))"
    )
    text = lg.format_figure(position)
    assert text == f"about {MINUS}KGS46.7M ({MINUS}KGS46.8M – {MINUS}KGS46.6M)", text


@pytest.mark.parametrize("locale", ["en_US", "ru_RU", "ky_KG", "uz_Latn_UZ"])
def test_a_figure_alone_and_a_range_write_one_minus_sign(locale):
    # A user's list of positions wrote "about -€29.2T" and "about −€82.4T – −€44.1T".
    alone = lg.format_figure(lg.Figure.of("-46700000 KGS", "about"), locale)
    ends = lg.format_figure(lg.Figure.range("-46800000 KGS", "-46600000 KGS"), locale)
    assert "-46" in alone.replace("KGS", "") or "-KGS46" in alone, alone
    assert "\u2212" not in alone + ends
    assert ends.count("-") == 2, ends


def test_a_range_of_one_amount_is_that_amount_and_not_about_it():
    assert lg.format_figure(lg.Figure.range("5 USD", "5 USD")) == "$5"
    assert lg.format_figure(lg.Figure.range("5 USD", "5 USD"), "ru_RU") == f"5{NB}$"
