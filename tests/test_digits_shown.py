"""Printed results carry the digits their inputs carry (design point 11): a figure that is not
zero is never shown as 0, and a bound is rounded outward, so that what it says stays true.

The user's file from the issue 15 check: "more than 100 million USD" owed, 40 million written
off, against a budget of about 14 billion USD a year.
"""

import json
import re
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ledger as lg
from ledger.cli import main

MINE = """
[parties.UZ]
name = {en = "Uzbekistan", ru = "Узбекистан"}

[sources.gazeta]
publisher = "Gazeta.uz"
title = "Долг Узбекистана перед Казахстаном"
date = 2019-06-01

[[entries]]
kind = "claim"
id = "kz-claim-uz"
as_of = 2019-06-01
source = "gazeta"
creditor = "KZ"
debtor = "UZ"
asserted_by = "KZ"
amount = "more than 100 million USD"

[[entries]]
kind = "settlement"
id = "kz-uz-write-off"
as_of = 2020-02-01
source = "gazeta"
claim = "kz-claim-uz"
amount = "40 million USD"
method = "write_off"

[[entries]]
kind = "budget"
id = "uz-budget-2019"
as_of = 2019-01-01
source = "gazeta"
party = "UZ"
amount = "about 14 billion USD/year"
fiscal_year = 2019
"""


@pytest.fixture
def mine(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(MINE, encoding="utf-8")
    return str(path)


def _summary(path, capsys, *extra):
    assert main(["summary", path, "--on", "2020-06-01", *extra]) == 0
    return capsys.readouterr().out


def test_the_users_debt_to_budget_is_not_said_as_zero_years(mine, capsys):
    out = _summary(mine, capsys)
    # 60M / 14B a year = 0.00428... years: one significant digit, rounded down (a lower bound)
    assert "Uzbekistan's debt is more than 0.004 years (approximate) of its budget (2019)." in out
    assert "more than 0 years" not in out


def test_the_users_debt_to_budget_in_russian(mine, capsys):
    out = _summary(mine, capsys, "--locale", "ru_RU")
    assert "Долг / бюджет (Узбекистан): более 0,004 года (приблизительно) (2019 г.)." in out
    assert "более 0 лет" not in out


def test_the_users_ratio_in_json_text_matches_its_bound(mine, capsys):
    out = _summary(mine, capsys, "--json")
    ratio = next(r for r in json.loads(out)["ratios"] if r["question"] == "debt_to_budget")
    assert ratio["value"]["low"] == "0.00428"
    assert ratio["value"]["text"] == "more than 0.004 years (approximate)"


@pytest.mark.parametrize(
    ("text", "qualifier", "locale", "expected"),
    [
        ("0.00428", "more_than", "en_US", "more than 0.004×"),
        ("0.00428", "more_than", "ru_RU", "более 0,004×"),
        ("0.00428", "less_than", "en_US", "less than 0.005×"),  # an upper bound: up
        ("0.00428", "about", "en_US", "about 0.004×"),
        ("0.00468", "about", "en_US", "about 0.005×"),  # a value: to nearest
        ("-0.00428", "more_than", "en_US", "more than -0.005×"),  # a lower bound: down
        ("0.00428 year", "less_than", "ru_RU", "менее 0,005 года"),
        ("0.004 month", "about", "en_US", "about 0.0003 years"),
        ("0.00428", "exact", "en_US", "0.004×"),
    ],
)
def test_a_small_figure_keeps_one_significant_digit(text, qualifier, locale, expected):
    assert lg.format_figure(lg.Figure.of(text, qualifier), locale) == expected


def test_a_small_range_keeps_its_ends_apart_from_zero():
    figure = lg.Figure.range("0.0012 year", "0.0061 year")
    assert lg.format_figure(figure, "en_US") == "0.001–0.007 years"


def test_figures_of_ordinary_size_keep_two_places():
    assert lg.format_figure(lg.Figure.of("0.8333 year", "about"), "en_US") == "about 0.83 years"
    assert lg.format_figure(lg.Figure.of("1.5"), "en_US") == "1.5×"


def _number(text):
    found = re.search(r"-?\d+(?:\.\d+)?", text)
    assert found is not None, text
    return Fraction(found.group())


@given(
    st.decimals(
        min_value=Decimal("-0.5"),
        max_value=Decimal("0.5"),
        places=8,
        allow_nan=False,
        allow_infinity=False,
    ).filter(lambda d: d != 0),
    st.sampled_from(["more_than", "at_least", "less_than", "at_most"]),
)
def test_a_bound_not_zero_is_never_shown_as_zero_and_stays_true(bound, qualifier):
    text = lg.format_figure(lg.Figure.of(f"{bound} year", qualifier), "en_US")
    shown = _number(text)
    exact = Fraction(bound)
    assert shown != 0, text
    if qualifier in ("more_than", "at_least"):
        assert shown <= exact, text  # "more than x" with x at or below the bound
    else:
        assert shown >= exact, text
