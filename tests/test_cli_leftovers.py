"""Issue 15's small leftovers on the command line, the report and its JSON: a range or a
one-sided figure converted with its qualifier kept, ``report --source``, no Python keyword in
the report's Not-answered list, and JSON values no more precise than the figure they give."""

from __future__ import annotations

import html
import json
import re
from datetime import date
from decimal import Decimal

import pytest

import ledger as lg
from ledger.cli import figure_from_json, figure_json, main

KG = "kg-ru-2012"
#: What a Python caller writes and a reader of a page or a terminal must never see.
_PYTHON_WORDS = r"\b[a-z_]+=|\blg\.|source='"


def cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# -- 1. convert takes every figure a file takes -------------------------------------------------

# The bundled KG example converts USD to KGS at its one spot rate, 48.6197 KGS/USD
# (2013-09-30): 1 billion USD is 48,619,700,000 KGS, 2 billion 97,239,400,000 KGS, by hand.
RANGES = [
    "between 1 and 2 billion USD",
    "between 1 billion and 2 billion USD",
    "between 1 billion USD and 2 billion USD",
    "between 1000 million and 2 billion USD",
    '{low = "1 billion USD", high = "2 billion USD"}',
    '{"low": "1 billion USD", "high": "2 billion USD"}',
]


@pytest.mark.parametrize("amount", RANGES)
def test_convert_takes_a_range_and_keeps_it_in_json(amount, capsys):
    code, out, err = cli(capsys, "convert", "--example", KG, amount, "KGS", "--json")
    assert code == 0, err
    data = json.loads(out)
    given, got = data["from"], data["to"]
    bounds = ("range", "1000000000", "2000000000")
    assert (given["qualifier"], given["low"], given["high"]) == bounds
    assert given["value"] is None and given["approximate"] is False
    assert got["qualifier"] == "range" and got["currency"] == "KGS"
    assert Decimal(got["low"]) == Decimal("48619700000")
    assert Decimal(got["high"]) == Decimal("97239400000")
    assert got["value"] is None and got["approximate"] is False


def test_convert_says_a_range_as_a_range(capsys):
    code, out, err = cli(capsys, "convert", "--example", KG, "between 1 and 2 billion USD", "KGS")
    assert code == 0, err
    first = out.splitlines()[0]
    assert first == "KGS48.6B–KGS97.2B", out


def test_convert_keeps_an_approximate_range_approximate(capsys):
    code, out, err = cli(
        capsys, "convert", "--example", KG, "between about 1 and 2 billion USD", "KGS", "--json"
    )
    assert code == 0, err
    got = json.loads(out)["to"]
    assert (got["qualifier"], got["approximate"]) == ("range", True)
    assert got["text"].startswith("about "), got


@pytest.mark.parametrize(
    ("amount", "qualifier", "low", "high", "words"),  # low and high with every digit
    [
        ("more than 2 billion USD", "more_than", "97239400000", None, "more than KGS97.2B"),
        ("at least 2 billion USD", "at_least", "97239400000", None, "at least KGS97.2B"),
        ("at most 2 billion USD", "at_most", None, "97239400000", "at most KGS97.2B"),
        ("less than 2 billion USD", "less_than", None, "97239400000", "less than KGS97.2B"),
        ("about 2 billion USD", "about", "97239400000", "97239400000", "about KGS97.2B"),
    ],
)
def test_convert_keeps_the_qualifier_in_text_and_json(amount, qualifier, low, high, words, capsys):
    code, out, err = cli(capsys, "convert", "--example", KG, amount, "KGS")
    assert code == 0, err
    assert out.splitlines()[0] == words
    code, out, err = cli(capsys, "convert", "--example", KG, amount, "KGS", "--json")
    got = json.loads(out)["to"]
    assert got["qualifier"] == qualifier and got["text"] == words
    full = got["full"] or got  # every digit the library keeps, where the JSON rounded them
    for key, expected in (("low", low), ("high", high)):
        assert (full[key] is None) if expected is None else Decimal(full[key]) == Decimal(expected)


@pytest.mark.parametrize(
    "amount",
    [
        "between 2 and 1 billion USD",
        "between 1 and USD",
        "between 1 billion USD and 2 billion RUB",
        "{low = 1}",
        "{not toml",
    ],
)
def test_convert_refuses_a_bad_range_in_words(amount, capsys):
    code, out, err = cli(capsys, "convert", "--example", KG, amount, "KGS")
    assert code == 1 and out == ""
    assert err.startswith("debt-ledger: ") and "Traceback" not in err
    assert re.search(_PYTHON_WORDS, err) is None, err


def test_convert_help_names_ranges(capsys):
    code, out, _ = cli(capsys, "convert", "--help")
    assert code == 0 and "between" in out


# -- 2. report --source, and no Python keyword in its Not-answered list -------------------------


def _two_gdps(tmp_path):
    wdi = lg.Source(publisher="World Bank", title="WDI", date="2016-05-02")
    imf = lg.Source(publisher="IMF", title="WEO", date="2016-04-12")
    book = lg.example(KG)
    for source, amount, key in ((wdi, "6605139933", "wb"), (imf, "6554000000", "imf")):
        book = book + lg.GDP(
            id=f"kg-gdp-2012-{key}",
            as_of="2012-12-31",
            source=source,
            party="KG",
            year=2012,
            amount=f"{amount} USD/year",
        )
    return book


def _unanswered(page):
    found = re.search(r'<section id="unanswered".*?</section>', page, re.S)
    return "" if found is None else html.unescape(re.sub(r"<[^>]*>", " ", found.group()))


def test_the_reports_unanswered_list_holds_no_python_keyword(tmp_path):
    page = lg.report(_two_gdps(tmp_path), as_of=date(2013, 12, 31), charts=False)
    listed = _unanswered(page)
    assert "several entries compete (kg-gdp-2012-imf, kg-gdp-2012-wb)" in listed  # the GDPs
    assert re.search(_PYTHON_WORDS, listed) is None, listed
    assert "keep one, or choose a source" in listed  # and what chooses between them, in words


def test_report_source_chooses_the_gdp(tmp_path):
    book = _two_gdps(tmp_path)
    page = lg.report(book, as_of=date(2013, 12, 31), charts=False, source="World Bank")
    assert "several entries compete" not in page
    assert 'href="#entry-kg-gdp-2012-wb"' in page  # the ratio links the World Bank's GDP


def test_the_report_command_takes_source(tmp_path, capsys):
    path = str(_two_gdps(tmp_path).save(tmp_path / "two.toml"))
    out = tmp_path / "r.html"
    args = ("report", path, "-o", str(out), "--on", "2013-12-31", "--no-charts")
    code, _, err = cli(capsys, *args)
    assert code == 0, err
    assert "keep one, or choose a source" in _unanswered(out.read_text())
    assert re.search(_PYTHON_WORDS, _unanswered(out.read_text())) is None
    code, _, err = cli(capsys, *args, "--source", "World Bank")
    assert code == 0, err
    assert "several entries compete" not in out.read_text()
    code, _, err = cli(capsys, *args, "--source", "Nobody")
    assert code == 1 and "Nobody" in err and re.search(_PYTHON_WORDS, err) is None


# -- 3. JSON values no more precise than their figure -------------------------------------------


def _ratios_json(capsys, *extra):
    code, out, err = cli(capsys, "ratios", "--example", KG, "KG", "--on", "2013-12-31", "--json")
    assert code == 0, err
    return [r for r in json.loads(out) if r["answered"]]


def test_a_ratios_json_value_has_the_digits_its_text_shows(capsys):
    [budget] = [r for r in _ratios_json(capsys) if r["question"] == "remittances_to_budget"]
    value = budget["value"]
    # about 94,000M som of remittances over an estimated 86,195.3M som budget: 1.0905..., shown
    # to the 2 places its inputs carry, as the text says it.
    assert (value["value"], value["places"], value["text"]) == ("1.09", 2, "about 1.09×")
    # the bounds outwards to the same places (1.0905... lies between 1.09 and 1.10), and every
    # digit the library keeps apart, in "full", for a program that reads the figure back
    assert (value["low"], value["high"]) == ("1.09", "1.1")
    assert value["full"]["low"].startswith("1.090546700342130023")
    assert len(value["full"]["low"]) > 40


def test_every_json_value_in_the_kg_example_keeps_to_its_places(capsys):
    code, out, err = cli(capsys, "summary", "--example", KG, "--on", "2013-12-31", "--json")
    assert code == 0, err
    seen = 0
    for amount in _all_amounts(json.loads(out)):
        if amount["places"] is not None and amount["value"] is not None:
            for key in ("value", "low", "high"):
                if amount[key] is not None:
                    digits = Decimal(amount[key]).as_tuple().exponent
                    assert -digits <= max(amount["places"], 0), amount
            seen += 1
        assert figure_json(figure_from_json(amount), text=amount["text"]) == amount
    assert seen >= 2


def _all_amounts(data):
    if isinstance(data, dict):
        if "qualifier" in data and "places" in data:
            yield data
        for value in data.values():
            yield from _all_amounts(value)
    elif isinstance(data, list):
        for value in data:
            yield from _all_amounts(value)


def test_figure_json_of_a_computed_ratio_gives_the_figure_back_whole():
    remittances = lg.Figure.of("94000 million KGS/year", "about")
    budget = lg.Figure.of("86195.3 million KGS/year", "estimated")
    ratio = remittances / budget
    shown = figure_json(ratio)
    assert (shown["value"], shown["low"], shown["high"], shown["places"]) == (
        "1.09",
        "1.09",
        "1.1",
        2,
    )
    assert figure_from_json(shown) == ratio  # design point 11: read back, the same figure


def test_figure_json_of_a_file_figure_gives_the_figure_back_whole():
    for figure in (
        lg.Figure.of("300 million USD", "about"),
        lg.Figure.of("94000000000.0 KGS/year", "about"),
        lg.Figure.range("250 million USD", "300 million USD", approximate=True),
        lg.Figure.of("0.0075"),
    ):
        assert figure_from_json(figure_json(figure)) == figure


@pytest.mark.parametrize("name", [KG, "tj-ru-2004"])
@pytest.mark.parametrize("day", [date(2004, 3, 15), date(2012, 12, 31), date(2013, 12, 31)])
def test_no_report_says_a_python_keyword_in_its_unanswered_list(name, day):
    page = lg.report(lg.example(name), as_of=day, charts=False)
    listed = _unanswered(page)
    assert re.search(_PYTHON_WORDS, listed) is None, listed
