"""Rates in the reader's numbers and words, with all their digits (issue 15, a user check):
``около 48,6197 KGS/USD``, never the source's ``about 47.0 KGS/USD`` in every locale."""

from datetime import date

import pytest

import ledger as lg
from ledger.cli import main
from ledger.display import conversion_html

KG = "kg-ru-2012"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en_US", "about 48.6197 KGS/USD"),
        ("ru_RU", "около 48,6197 KGS/USD"),
        ("tg_TJ", "тақрибан 48,6197 KGS/USD"),
    ],
)
def test_an_approximate_rate_keeps_its_words_and_every_digit(locale, expected):
    rate = lg.Figure.of("48.6197 KGS/USD", "about")
    assert lg.format_figure(rate, locale) == expected


def test_an_exact_rate_is_said_without_a_qualifier_in_local_numbers():
    assert lg.format_figure(lg.Figure.of("28.81 RUB/USD"), "ru_RU") == "28,81 RUB/USD"
    assert lg.format_figure(lg.Figure.of("47.0 KGS/USD"), "ru_RU") == "47 KGS/USD"


def test_a_range_of_rates_keeps_its_digits():
    rate = lg.Figure.range("46.5 KGS/USD", "47.25 KGS/USD")
    assert "46,5" in lg.format_figure(rate, "ru_RU")
    assert "47,25" in lg.format_figure(rate, "ru_RU")


def test_a_computed_rate_is_not_shown_with_thirty_digits():
    inverse = lg.Figure.of("1 USD") / lg.Figure.of("48.6197 KGS")
    text = lg.format_figure(inverse, "en_US")
    assert text.startswith("about 0.020567")
    assert len(text) < 30


def _summary(capsys, locale):
    code = main(["summary", "--example", KG, "--on", "2013-12-31", "--locale", locale])
    out, _ = capsys.readouterr()
    assert code == 0
    return out


def test_the_summary_entries_show_rates_in_russian(capsys):
    out = _summary(capsys, "ru_RU")
    assert "48,6197 KGS/USD" in out
    assert "около 47 KGS/USD" in out
    assert "48.6197" not in out
    assert "about" not in out


def test_the_summary_entries_show_rates_in_english(capsys):
    out = _summary(capsys, "en_US")
    assert "48.6197 KGS/USD" in out


def test_the_html_entries_table_shows_rates_in_russian():
    html = lg.example(KG).to_html(locale="ru_RU")
    assert "<td>48,6197 KGS/USD</td>" in html
    assert "<td>около 47 KGS/USD</td>" in html


def test_the_report_shows_rates_in_russian():
    page = lg.report(lg.example(KG), locale="ru_RU", as_of=date(2013, 12, 31), charts=False)
    assert "48,6197 KGS/USD" in page
    assert "около 47 KGS/USD" in page
    assert "about 47" not in page


def test_a_conversion_shows_its_rate_in_russian():
    kg = lg.example(KG)
    found = lg.convert(lg.Figure.of("500 million USD"), "KGS", rates=kg, on=date(2013, 10, 1))
    html = conversion_html(found, "ru_RU")
    assert "48,6197 KGS/USD" in html
    assert "48.6197 KGS/USD" not in html.split("<q>")[0]


def test_summary_json_gives_a_rate_text_in_the_locale(capsys):
    code = main(["summary", "--example", KG, "--on", "2013-12-31", "--locale", "ru_RU", "--json"])
    out, _ = capsys.readouterr()
    assert code == 0
    assert "48,6197 KGS/USD" in out
