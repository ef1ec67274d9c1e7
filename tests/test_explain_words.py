"""The library's own reasons and arithmetic in the reader's language (issue 15): the "Not
answered" list of the report and the summary, and every ``explain(locale=...)``, hold no word
of another language's catalog in any supported locale; English stays the default, as it was.

The oracle is the one of tests/test_locales.py: each catalog's words read from its ``.po``
file with babel's reader; the file's own texts (ids, quotes, publishers) are taken out first,
as they are the author's words, not the library's."""

from __future__ import annotations

import re
from datetime import date

import pytest
from fixtures import example_with_rate
from test_locales import (
    LOCALES,
    SHAPES,
    _balances,
    _file_texts,
    _library_words,
    _ratios,
    html_text,
    mixed,
)

import ledger as lg
from ledger.cli import main

DAY = date(2004, 3, 15)


def _own(text, *books):
    """A text with the files' own words (ids, quotes, publishers, titles) taken out, the
    longest first (a quote before the words inside it)."""
    texts = {own for book in books for own in _file_texts(book)}
    for own in sorted(texts, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(own)}(?!\w)", " ", text)
    return text


def _unanswered(page):
    """The report's "Not answered" section, as a reader sees it."""
    found = re.search(r'<section id="unanswered".*?</section>', page, flags=re.S)
    assert found, "the page has no Not-answered section"
    return html_text(found.group(0))


# -- the Not-answered list ----------------------------------------------------------------------


@pytest.mark.parametrize("language", LOCALES)
@pytest.mark.parametrize("name", ["tj-ru-2004", "kg-ru-2012"])
def test_the_reports_not_answered_list_speaks_the_readers_language(language, name):
    book = lg.example(name)
    # tj-ru-2004 answers every question it asks on 2026-01-01 (RU, the counterclaim's debtor,
    # is asked nothing, as in the summary): asked before its entries, it answers none
    day = date(2004, 3, 1) if name == "tj-ru-2004" else date(2026, 1, 1)
    page = lg.report(book, locale=LOCALES[language], as_of=day, charts=False)
    text = _own(_unanswered(page), book)
    assert not mixed(text, language), text


@pytest.mark.parametrize("language", LOCALES)
def test_the_report_marks_no_part_as_english_in_another_language(language):
    page = lg.report(lg.example("kg-ru-2012"), locale=LOCALES[language], charts=False)
    assert 'lang="en"' not in page.split("<body", 1)[1]


@pytest.mark.parametrize("language", [code for code in LOCALES if code != "en"])
def test_whole_reports_speak_only_their_own_language(language):
    for name in lg.examples():
        book = lg.example(name)
        page = lg.report(book, locale=LOCALES[language], as_of=date(2026, 1, 1), charts=False)
        text = _library_words(page, book)
        assert not mixed(text, language), text


def test_the_kyrgyz_report_says_what_is_missing_in_kyrgyz():
    page = lg.report(lg.example("kg-ru-2012"), locale="ky_KG", charts=False)
    text = _unanswered(page)
    assert "kg-migrant-remittances-2012" in text  # the entry is named, in the file's words
    assert "remittances to" not in text
    # "migrants" only as the file's key, untranslated, never as a word of the sentence
    assert text.count("migrants") == text.count("migrants = { amount") == 1, text


@pytest.mark.parametrize("language", LOCALES)
def test_the_summarys_not_answered_lines_speak_the_readers_language(language, capsys):
    assert main(["summary", "--example", "kg-ru-2012", "--locale", LOCALES[language]]) == 0
    out = capsys.readouterr().out
    assert out.count("\n  - ") >= 1
    tail = out.split("\n\n")[-1]  # the Not-answered block comes last
    text = _own(tail, lg.example("kg-ru-2012"))
    assert not mixed(text, language), text


def test_english_reasons_come_from_the_catalog_as_every_languages_do():
    page = lg.report(lg.example("kg-ru-2012"), locale="en_US", charts=False)
    text = " ".join(_unanswered(page).split())  # the file's key is set apart as <code>
    assert "kg-migrant-remittances-2012: no number of migrants; add migrants = {" in text
    assert "give no number of migrants" not in text  # the message a Python caller gets


@pytest.mark.parametrize("language", LOCALES)
def test_a_refused_budget_and_a_missing_rate_are_said_in_the_readers_language(language):
    from ledger.words import reason

    book = lg.example()
    for asked in (
        lambda: lg.debt_to_budget(book, "RU", as_of=DAY),
        lambda: lg.convert(lg.Figure.of("1 USD"), "KGS", rates=book, on=DAY),
        lambda: lg.remittances_to_budget(book, "TJ", as_of=date(2001, 1, 1)),
    ):
        with pytest.raises(lg.LedgerError) as refused:
            asked()
        text = reason(refused.value, LOCALES[language], book.parties)
        if language == "en":  # the reason, not the message with its hints for Python
            assert text != str(refused.value) and re.search(r"\b[a-z_]+=", text) is None
        assert text.strip() and not mixed(_own(text, book), language), text


# -- explain() in every language ----------------------------------------------------------------


def _explained():
    """Everything that explains itself: balances of every shape, ratios, conversions (one,
    and a triangulation), a series, a present value, a grant element, what was forgiven."""
    book = example_with_rate()
    converted = lg.net_balance(book, "TJ", "RU", as_of=DAY, convert_to="RUB")
    made_up = lg.Source(publisher="P", title="T", date=DAY)
    rates = [
        lg.Rate(id="r1", as_of=DAY, source=made_up, rate="28.81 RUB/USD"),
        lg.Rate(id="r2", as_of=DAY, source=made_up, rate="about 3.1 KGS/RUB"),
    ]
    via = lg.convert(lg.Figure.of("2 million USD"), "KGS", rates=rates, on=DAY, via="RUB")
    kg = lg.example("kg-ru-2012")
    terms = lg.Terms(
        interest="0.75%",
        maturity_years=10,
        grace_years=2,
        frequency="semiannual",
        disbursed=date(2012, 1, 1),
    )
    return [
        *_balances(),
        converted,
        *_ratios(),
        lg.remittances_to_budget(book, "TJ", as_of=DAY),
        *converted.conversions,
        via,
        lg.series(kg, "KG", "debt", years=range(2011, 2014)),
        lg.debt_to_budget(kg, "KG", years=[2011, 2012]),
        lg.present_value(terms, principal="10 million USD", on=date(2013, 1, 1)),
        lg.grant_element(terms, principal="10 million USD"),
        lg.forgiven(kg, "ru-claim-kg-2012"),
    ]


@pytest.mark.parametrize("language", LOCALES)
def test_every_explanation_speaks_only_the_readers_language(language):
    books = [example_with_rate(), lg.example("kg-ru-2012"), lg.loads(SHAPES, format="toml")]
    for result in _explained():
        text = _own(result.explain(locale=LOCALES[language]), *books)
        text = re.sub(r"\b(RFE/RL|Interfax|UTRK|P)\b", " ", text)
        assert text.strip() and not mixed(text, language), text


def test_a_balance_explains_itself_in_russian():
    balance = lg.net_balance(lg.example(), "TJ", "RU", as_of=DAY)
    lines = balance.explain(locale="ru_RU").splitlines()
    head = "должник: Таджикистан; кредитор: Россия; нетто на 2004-03-15: "
    assert lines[0] == head + "около 250\xa0000\xa0000\xa0$"
    assert "ru-claims-tajik-debt" in lines[1] and "Россия" in lines[1]
    assert lines[-1] == "  = около 250\xa0000\xa0000\xa0$"


def test_the_default_explanation_is_english_as_before():
    balance = lg.net_balance(lg.example(), "TJ", "RU", as_of=DAY)
    assert balance.explain() == balance.explain(locale=None)
    assert balance.explain().splitlines()[0] == (
        "TJ owes RU, net, as of 2004-03-15: about 250000000 USD"
    )


@pytest.mark.parametrize("language", LOCALES)
def test_the_net_command_explains_in_the_readers_language(language, capsys):
    on, locale = ["--on", "2004-03-15"], ["--locale", LOCALES[language]]
    code = main(["net", "--example", "tj-ru-2004", "TJ", "RU", *on, "--explain", *locale])
    assert code == 0
    out = capsys.readouterr().out
    text = _own(out, lg.example())
    assert not mixed(text, language), text


@pytest.mark.parametrize("language", LOCALES)
def test_a_series_table_speaks_the_readers_language(language):
    from ledger import display

    kg = lg.example("kg-ru-2012")
    for series in (
        lg.series(kg, "KG", "debt", years=range(2011, 2014)),
        lg.debt_to_budget(kg, "KG", years=[2011, 2012]),
    ):
        text = _own(html_text(display.series_html(series, LOCALES[language])), kg)
        assert text.strip() and not mixed(text, language), text


#: A ledger that leaves most questions unanswered, each for another reason: a missing rate,
#: no number of migrants, no GDP for the year, competing budgets, no year with both figures.
REFUSALS = """
title = "Refusals"

[sources.s]
publisher = "P"
title = "T"
date = 2013-01-01

[[entries]]
kind = "budget"
id = "kg-budget"
as_of = 2012-01-01
source = "s"
party = "KG"
fiscal_year = 2012
amount = "80 billion KGS/year"

[[entries]]
kind = "remittance"
id = "kg-remit"
as_of = 2012-12-31
source = "s"
origin = ["RU"]
destination = "KG"
period = "2012"
amount = "2 billion USD/year"

[[entries]]
kind = "budget"
id = "tj-budget-a"
as_of = 2012-01-01
source = "s"
party = "TJ"
fiscal_year = 2012
amount = "1 billion USD/year"

[[entries]]
kind = "budget"
id = "tj-budget-b"
as_of = 2012-01-01
source = "s"
party = "TJ"
fiscal_year = 2012
amount = "2 billion USD/year"

[[entries]]
kind = "claim"
id = "ru-tj"
as_of = 2012-01-01
source = "s"
creditor = "RU"
debtor = "TJ"
asserted_by = "RU"
amount = "300 million USD"

[[entries]]
kind = "remittance"
id = "uz-remit"
as_of = 2010-12-31
source = "s"
origin = ["RU"]
destination = "UZ"
period = "2010"
amount = "5 billion USD/year"

[[entries]]
kind = "budget"
id = "uz-budget"
as_of = 2011-01-01
source = "s"
party = "UZ"
fiscal_year = 2011
amount = "9 billion USD/year"

[[entries]]
kind = "gdp"
id = "kz-gdp"
as_of = 2012-06-01
source = "s"
party = "KZ"
year = 2011
amount = "180 billion USD/year"

[[entries]]
kind = "remittance"
id = "kz-remit"
as_of = 2012-12-31
source = "s"
origin = ["RU"]
destination = "KZ"
period = "2012"
amount = "1 billion USD/year"
"""


@pytest.mark.parametrize("language", LOCALES)
def test_every_kind_of_refusal_is_said_in_the_readers_language(language, tmp_path, capsys):
    book = lg.loads(REFUSALS, format="toml")
    page = lg.report(book, locale=LOCALES[language], as_of=date(2013, 1, 1), charts=False)
    text = _unanswered(page)
    assert text.count(":") >= 8  # each question with why
    assert not mixed(_own(text, book), language), text
    assert 'lang="en"' not in page.split("<body", 1)[1]
    path = tmp_path / "refusals.toml"
    path.write_text(REFUSALS, encoding="utf-8")
    main(["summary", str(path), "--on", "2013-01-01", "--locale", LOCALES[language]])
    tail = capsys.readouterr().out.split("\n\n")[-1]
    assert tail.count("\n  - ") >= 7
    assert not mixed(_own(tail, book), language), tail


# -- word order: Tajik, Kyrgyz, Kazakh and Uzbek put the verb last ------------------------------


@pytest.mark.parametrize(
    ("locale", "done"),
    [
        ("tg_TJ", "бахшида шуд"),
        ("ky_KG", "эсептен чыгарылган"),
        ("kk_KZ", "есептен шығарылған"),
        ("uz_UZ", "hisobdan chiqarilgan"),
        ("uz_Cyrl_UZ", "ҳисобдан чиқарилган"),
    ],
)
def test_a_write_off_puts_the_amount_first_and_the_verb_last(locale, done):
    """ "189 млн. US$ бахшида шуд", not "бахшида шуд 189 млн. US$": these languages are
    verb-final, the date after the verb in brackets."""
    write_off = lg.example("kg-ru-2012")["ru-kg-write-off-188.9m"]
    text = lg.format_reduction(write_off, locale)
    assert text.startswith("189") and text.endswith(f"{done} (2013-05-08)"), text


@pytest.mark.parametrize("method", ["payment", "write_off", "asset_transfer", "debt_swap"])
def test_every_tajik_reduction_is_verb_final(method):
    from ledger.words import REDUCTION, locale_of, say

    text = say(locale_of("tg_TJ"), REDUCTION[method], amount="AMOUNT", dates="DATES")
    assert text.startswith("AMOUNT ") and text.endswith(" шуд (DATES)"), text


def test_a_missing_year_says_why_in_the_readers_language():
    kg = lg.example("kg-ru-2012")
    debt = lg.series(kg, "KG", "debt", years=[2011]).explain(locale="ru_RU")
    assert debt.splitlines()[1] == (
        "  2011: нет данных: Кыргызстан: нет требований на 2011-12-31; нечего соотносить"
    )
    share = lg.debt_to_budget(kg, "KG", years=[2012]).explain(locale="ky_KG")
    assert "2012-12-31 карата USD/KGS курсу жок" in share  # the rate the year lacks
    english = lg.debt_to_budget(kg, "KG", years=[2012]).explain()
    assert "not converted: no USD/KGS rate in force on 2012-12-31" in english  # as before


# -- any ledger ---------------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from ledger import strategies as lst  # noqa: E402


@settings(max_examples=40, deadline=None)
@given(
    book=lst.ledgers(
        min_entries=1, kinds=("claim", "settlement", "budget", "remittance", "gdp", "rate")
    ),
    language=st.sampled_from(sorted(LOCALES)),
)
def test_any_ledgers_explanations_and_refusals_speak_only_the_readers_language(book, language):
    """Every balance's and ratio's explain(), and every question's refusal, of a generated
    ledger: no word of another catalog once the file's own texts are out."""
    locale = LOCALES[language]
    claims = book.claims()
    said = []
    for claim in claims[:3]:
        balance = lg.net_balance(book, claim.debtor, claim.creditor, currency=claim.currency)
        said.append(balance.explain(locale=locale))
    for party in sorted({c.debtor for c in claims} | {r.destination for r in book.remittances()}):
        for question in lg.ratios.questions(book, party):
            try:
                said.append(question.ask(book, party).explain(locale=locale))
            except lg.LedgerError as refused:
                said.append(lg.reason(refused, locale, book.parties))
    for text in said:
        assert not mixed(_own(text, book), language), text


def test_a_divisor_that_may_be_zero_is_said_in_the_readers_language():
    text = (
        REFUSALS.replace(
            'amount = "9 billion USD/year"', 'amount = "9 billion USD/year"\nqualifier = "at_most"'
        )
        .replace('period = "2010"', 'period = "2011"')
        .replace("2010-12-31", "2011-12-31")
    )
    book = lg.loads(text, format="toml")
    with pytest.raises(lg.FigureError) as refused:
        lg.remittances_to_budget(book, "UZ", as_of=date(2013, 1, 1))
    assert "cannot divide by" in str(refused.value)  # the caller's message, as before
    for language, locale in LOCALES.items():
        said = lg.reason(refused.value, locale, book.parties)
        assert said.strip() and not mixed(_own(said, book), language), said
    assert lg.reason(refused.value, "ru_RU").startswith("бюджет, Узбекистан: показатель может")
