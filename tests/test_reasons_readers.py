"""Refusals whose English message ends with a hint for a Python caller (``source='...'``,
``rates=``, ``measure=``, ``fiscal_year=, as_of=``) say to a reader, in the report and the
summary, what to do in the reader's terms, in English as in Russian: from a reason the
catalogs hold, never by rewriting the Python hint. The exception a Python caller catches keeps
its hint."""

from __future__ import annotations

import html
import json
import re
from datetime import date
from functools import partial

import pytest
from test_locales import LOCALES as ALL_LOCALES
from test_locales import mixed

import ledger as lg
from ledger.cli import main

DAY = date(2012, 12, 31)

#: A Python keyword or call in a reader's text (a file's ``key = value`` has spaces).
PYTHON = re.compile(r"\b[a-z_]+=|\blg\.")

HEAD = """
[sources.a]
publisher = "Pub A"
title = "A"
date = 2012-01-01

[sources.b]
publisher = "Pub B"
title = "B"
date = 2012-01-01
"""


def _entry(kind, ident, as_of, source="a", **keys):
    lines = ["[[entries]]", f'kind = "{kind}"', f'id = "{ident}"', f"as_of = {as_of}"]
    lines += [f'source = "{source}"', *(f"{key} = {value}" for key, value in keys.items())]
    return "\n".join(lines) + "\n\n"


def _claim(as_of="2012-01-01"):
    return _entry(
        "claim",
        "ru-kg",
        as_of,
        creditor='"RU"',
        debtor='"KG"',
        asserted_by='"RU"',
        amount='"500 million USD"',
    )


def _budget(ident, source, amount):
    return _entry(
        "budget", ident, "2012-01-01", source, party='"KG"', amount=amount, fiscal_year=2012
    )


def _gdp(ident, as_of, source="a", year=2011, amount='"6 billion USD/year"'):
    return _entry("gdp", ident, as_of, source, party='"KG"', amount=amount, year=year)


def _stock(ident, source="a", amount='"3 billion USD"', as_of="2012-12-31"):
    return _entry(
        "debt_stock",
        ident,
        as_of,
        source,
        party='"KG"',
        amount=amount,
        measure='"public_external"',
    )


def _remittance(ident, source, amount):
    return _entry(
        "remittance",
        ident,
        "2012-06-01",
        source,
        origin='["RU"]',
        destination='"KG"',
        amount=amount,
        period='"2012"',
    )


def _rate(ident, source, rate):
    return _entry("rate", ident, "2012-06-01", source, rate=rate)


# Each case: a ledger whose report and summary meet one refusal with a Python hint, the hint,
# and what the reader is told to do: in English and Russian (the report, and the summary in
# Russian say the reason), and where it differs, in the English summary (the command line's
# own words, which name its options: ``ledger.cli.in_words``).
CASES = {
    "budgets compete": (
        _claim()
        + _budget("b1", "a", '"1000 million USD/year"')
        + _budget("b2", "b", '"1100 million USD/year"'),
        "fiscal_year=, as_of=",
        ("keep one", "оставьте одну"),
    ),
    "GDPs compete for a year": (
        _claim() + _gdp("g1", "2012-06-01") + _gdp("g2", "2012-06-01", "b"),
        "source='...'",
        ("keep one", "оставьте одну"),
    ),
    "the GDP of the stock's year is dated later": (
        _claim() + _gdp("g1", "2013-06-01", year=2012) + _stock("s1"),
        "year=2012",
        ("later day", "более позднюю дату"),
    ),
    "debt stocks compete": (
        _claim() + _gdp("g1", "2012-06-01") + _stock("s1") + _stock("s2", "b", '"3.1 billion USD"'),
        "year=, as_of=, source=",
        ("keep one", "оставьте одну"),
    ),
    "remittances compete": (
        _claim()
        + _budget("b1", "a", '"1000 million USD/year"')
        + _remittance("r1", "a", '"2 billion USD/year"')
        + _remittance("r2", "b", '"2.1 billion USD/year"'),
        "as_of=, source=",
        ("keep one", "оставьте одну"),
    ),
    "rates compete": (
        _claim()
        + _budget("b1", "a", '"50000 million KGS/year"')
        + _rate("x1", "a", '"47 KGS/USD"')
        + _rate("x2", "b", '"48 KGS/USD"'),
        "rates=",
        ("keep one", "оставьте один"),
    ),
    "no claims by the GDP's year, a debt stock": (
        _claim("2014-01-01") + _gdp("g1", "2012-06-01") + _stock("s1", as_of="2011-06-01"),
        "measure='public_external'",
        ("add claims", "добавьте требования", "weighed against GDP apart"),
    ),
    "no claims by the GDP's year, no debt stock": (
        _claim("2014-01-01") + _gdp("g1", "2012-06-01"),
        "measure=",
        ("add claims", "добавьте требования", "add claims on KG"),
    ),
}

LANGUAGES = {"en_US": 0, "ru_RU": 1}


def _book(case):
    return lg.loads(HEAD + CASES[case][0], format="toml")


def _unanswered(page):
    found = re.search(r'<section id="unanswered".*?</section>', page, re.S)
    assert found, "the report answers everything"
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", found.group())).split())


def _english(text):
    """English words in a Russian text, the file's ids (``s1``, ``x2``) left out."""
    return mixed(re.sub(r"\b[a-z]\d\b", " ", text), "ru")


def _python_message(book):
    """The English messages Python callers get for the report's questions."""
    said = []
    for party in lg.ratios.asked_of(book):
        for question in lg.ratios.questions(book, party):
            try:
                question.ask(book, party, as_of=DAY)
            except lg.LedgerError as error:
                said.append(str(error))
    return " | ".join(said)


@pytest.mark.parametrize("locale", LANGUAGES)
@pytest.mark.parametrize("case", CASES)
def test_the_report_says_what_to_do_in_the_readers_terms(case, locale):
    page = lg.report(_book(case), as_of=DAY, locale=locale, charts=False)
    listed = _unanswered(page)
    assert PYTHON.search(listed) is None, listed
    assert CASES[case][2][LANGUAGES[locale]] in listed, listed
    if locale == "ru_RU":
        assert not _english(listed), (_english(listed), listed)
        assert 'lang="en"' not in page.split("<body", 1)[1], listed


@pytest.mark.parametrize("locale", LANGUAGES)
@pytest.mark.parametrize("case", CASES)
def test_the_summary_says_what_to_do_in_the_readers_terms(case, locale, tmp_path, capsys):
    path = tmp_path / "ledger.toml"
    path.write_text(HEAD + CASES[case][0], encoding="utf-8")
    assert main(["summary", str(path), "--on", DAY.isoformat(), "--locale", locale]) == 0
    out = capsys.readouterr().out
    listed = " ".join(out.split("\n\n")[-1].split())  # the list of what is not answered
    assert PYTHON.search(out) is None, out
    said = CASES[case][2]
    english = said[2] if len(said) > 2 else said[0]
    assert (english if locale == "en_US" else said[1]) in listed, listed
    if locale == "ru_RU":
        assert not _english(listed), (_english(listed), listed)


@pytest.mark.parametrize("case", CASES)
def test_the_summarys_json_gives_the_readers_reason_in_russian(case, tmp_path, capsys):
    path = tmp_path / "ledger.toml"
    path.write_text(HEAD + CASES[case][0], encoding="utf-8")
    args = ["summary", str(path), "--on", DAY.isoformat(), "--locale", "ru_RU", "--json"]
    assert main(args) == 0
    unanswered = json.loads(capsys.readouterr().out)["unanswered"]
    texts = " ".join(u["reason_text"] for u in unanswered)
    assert CASES[case][2][1] in texts, texts
    assert PYTHON.search(texts) is None, texts


@pytest.mark.parametrize("case", CASES)
def test_a_python_caller_keeps_the_hint(case):
    said = _python_message(_book(case))
    assert CASES[case][1] in said, said


# -- netting: claims of one pair in two currencies ------------------------------------------

TWO_CURRENCIES = (
    HEAD
    + _claim()
    + _entry(
        "claim",
        "ru-kg-rub",
        "2012-01-01",
        creditor='"RU"',
        debtor='"KG"',
        asserted_by='"RU"',
        amount='"3 billion RUB"',
    )
)


def _mixed_refusal():
    book = lg.loads(TWO_CURRENCIES, format="toml")
    with pytest.raises(lg.UnitMismatchError) as refused:
        lg.net_balance(book, "KG", "RU", as_of=DAY)
    return refused.value, book


def test_a_balance_in_two_currencies_keeps_its_hint_for_python():
    error, _ = _mixed_refusal()
    assert "currency='...'" in str(error) and "convert_to='...'" in str(error)


@pytest.mark.parametrize(
    ("locale", "words"),
    [("en_US", ("never added", "one currency at a time")), ("ru_RU", ("RUB", "по отдельности"))],
)
def test_a_balance_in_two_currencies_is_refused_in_the_readers_words(locale, words):
    error, book = _mixed_refusal()
    said = lg.reason(error, locale, book.parties)
    assert PYTHON.search(said) is None, said
    assert all(word in said for word in words), said
    if locale == "ru_RU":
        assert not mixed(said, "ru"), said


# -- the new reasons in every catalog ------------------------------------------------------------

NEW_REASONS = ["rates compete", "no claims by the GDP's year, a debt stock"]
NEW_REASONS += ["no claims by the GDP's year, no debt stock"]


@pytest.mark.parametrize("language", sorted(ALL_LOCALES))
@pytest.mark.parametrize("case", NEW_REASONS)
def test_the_new_reasons_speak_every_readers_language(case, language):
    locale = ALL_LOCALES[language]
    page = lg.report(_book(case), as_of=DAY, locale=locale, charts=False)
    listed = _unanswered(page)
    assert PYTHON.search(listed) is None, listed
    own = re.sub(r"\b[a-z]\d\b", " ", listed)  # the file's ids left out
    assert not mixed(own, language), (mixed(own, language), listed)
    assert 'kind = "claim"' in listed or "x1, x2" in listed, listed  # what to keep or add


@pytest.mark.parametrize("language", sorted(ALL_LOCALES))
def test_a_balance_in_two_currencies_speaks_every_readers_language(language):
    error, book = _mixed_refusal()
    said = lg.reason(error, ALL_LOCALES[language], book.parties)
    assert "RUB, USD" in said and PYTHON.search(said) is None, said
    assert not mixed(said, language), (mixed(said, language), said)


# -- the rule: a reason, said from the catalogs, in English too --------------------------------


def test_no_refusal_is_rewritten_by_pattern():
    import ledger.reporting

    assert not hasattr(ledger.reporting, "readers_words")
    assert not hasattr(ledger.reporting, "_READERS")


# -- any ledger: no refusal a reader meets carries a Python hint --------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from ledger import strategies as lst  # noqa: E402


def _refusals(book):
    """What a reader of the report or the summary is told of every refusal of a ledger's
    questions, balances, positions and settlement (``lg.reason`` of each)."""
    refused = []
    asked = [
        partial(lg.net_balance, book, c.debtor, c.creditor, as_of=DAY) for c in book.claims()[:3]
    ]
    asked += [lambda: lg.net_positions(book, as_of=DAY), lambda: lg.settle(book, as_of=DAY)]
    for party in lg.ratios.asked_of(book):
        for question in lg.ratios.questions(book, party):
            asked.append(partial(question.ask, book, party, as_of=DAY))
    for ask in asked:
        try:
            ask()
        except lg.LedgerError as error:
            refused.append(error)
    return refused


@settings(max_examples=60, deadline=None)
@given(
    book=lst.ledgers(
        min_entries=1,
        kinds=("claim", "settlement", "budget", "remittance", "gdp", "rate", "debt_stock"),
        start=date(2010, 1, 1),
        end=date(2014, 12, 31),
    ),
    locale=st.sampled_from(sorted(LANGUAGES)),
)
def test_no_refusal_of_any_ledger_reaches_a_reader_with_a_python_hint(book, locale):
    for error in _refusals(book):
        said = lg.reason(error, locale, book.parties)
        assert PYTHON.search(said) is None, (str(error), said)
