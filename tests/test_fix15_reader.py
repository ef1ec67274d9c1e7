"""What a journalist with no view of the code found in the reports and explanations (issue 15,
the user check in ky, kk, uz, ru, tg): refusals a reader can act on, in the reader's language,
parties by the file's names, figures in the locale's numbers, and every ratio over a yearly
budget saying the budget's year."""

from __future__ import annotations

import re
from datetime import date

import pytest
from test_locales import LOCALES, html_text, mixed

import ledger as lg

# A "more than" claim (no central value) and a range with one: the positions have bounds only.
BOUNDED = """
title = "Uzbekistan, Kazakhstan and the Aral fund"

[parties.UZ.name]
ky = "Өзбекстан"
kk = "Өзбекстан"
uz = "Oʻzbekiston"
uz_Cyrl = "Ўзбекистон"
ru = "Узбекистан"
tg = "Ӯзбекистон"

[parties."org:aral".name]
en = "Aral Sea Fund"
ru = "Фонд спасения Арала"
ky = "Арал фонду"
kk = "Арал қоры"
uz = "Orol jamgʻarmasi"
uz_Cyrl = "Орол жамғармаси"
tg = "Фонди Арал"

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
amount = "100 million USD"
qualifier = "more_than"

[[entries]]
kind = "claim"
id = "aral-claim-kz"
as_of = 2019-06-01
source = "gazeta"
creditor = "org:aral"
debtor = "KZ"
asserted_by = "org:aral"
qualifier = "range"
low = "20 million USD"
high = "50 million USD"

[[entries]]
kind = "settlement"
id = "kz-uz-write-off"
as_of = 2020-02-01
source = "gazeta"
claim = "kz-claim-uz"
amount = "40 million USD"
method = "write_off"
"""

DAY = date(2020, 12, 31)
OTHERS = [language for language in LOCALES if language != "en"]


def _section(page, name):
    found = re.search(rf'<section id="{name}".*?</section>', page, flags=re.S)
    assert found, f"the page has no {name} section"
    return " ".join(html_text(found.group(0)).split())


def _refused_settlement(book):
    with pytest.raises(lg.LedgerError) as refused:
        lg.settle(book, as_of=DAY)
    return refused.value


# -- A. a settlement refused for a position with bounds only ---------------------------------


@pytest.mark.parametrize("language", OTHERS)
def test_a_refused_settlement_is_said_in_the_readers_words(language):
    book = lg.loads(BOUNDED, format="toml")
    locale = LOCALES[language]
    said = lg.reason(_refused_settlement(book), locale, book.parties)
    position = lg.net_positions(book, as_of=DAY)["KZ"]["USD"]
    assert lg.party_name("KZ", locale, book.parties) in said, said
    assert lg.format_figure(position, locale) in said, said  # the locale's numbers
    assert "KZ" not in said and "10000000" not in said and "settle" not in said, said
    assert not mixed(said, language), said


def test_a_refused_settlement_in_english_names_the_party_and_rounds_the_figure():
    book = lg.loads(BOUNDED, format="toml")
    said = lg.reason(_refused_settlement(book), "en_US", book.parties)
    assert "Kazakhstan" in said and "more than $10M" in said, said
    assert "KZ's" not in said and "settle needs" not in said, said


def test_the_refusal_keeps_its_english_message_for_callers():
    refused = _refused_settlement(lg.loads(BOUNDED, format="toml"))
    assert isinstance(refused, lg.FigureError)
    assert "KZ's position in USD is more than 10000000 USD" in str(refused)


@pytest.mark.parametrize("language", LOCALES)
def test_the_reports_settlement_says_it_could_not_settle_and_why(language):
    book = lg.loads(BOUNDED, format="toml")
    locale = LOCALES[language]
    page = lg.report(book, locale=locale, as_of=DAY, charts=False)
    settlement = _section(page, "settlement")
    from ledger.words import label

    assert label("nothing to settle", locale) not in settlement, settlement
    why = " ".join(lg.reason(_refused_settlement(book), locale, book.parties).split())
    assert why in settlement, settlement
    unanswered = _section(page, "unanswered")
    assert why in unanswered, unanswered
    assert 'lang="en"' not in page.split("<body", 1)[1] or language == "en"
    if language != "en":
        assert not mixed(settlement, language), settlement


def test_a_ledger_with_nothing_to_settle_still_says_so():
    book = lg.Ledger([])
    page = lg.report(book, locale="ru_RU", as_of=DAY, charts=False)
    from ledger.words import label

    assert label("nothing to settle", "ru_RU") in _section(page, "settlement")


# -- B. a reason a reader can act on: the file's key, the party named once -------------------

KG = "kg-ru-2012"
KEY = "migrants = { amount = '...', qualifier = '...' }"


def _refused(question):
    with pytest.raises(lg.LedgerError) as refused:
        question()
    return refused.value


@pytest.mark.parametrize("language", LOCALES)
def test_every_language_names_the_files_key_to_add(language):
    kg = lg.example(KG)
    refused = _refused(lambda: lg.per_migrant(kg, "KG", as_of=date(2013, 12, 31)))
    said = lg.reason(refused, LOCALES[language], kg.parties)
    assert KEY in said, said  # the key as written in the file, untranslated
    assert "kg-migrant-remittances-2012" in said, said


@pytest.mark.parametrize("language", OTHERS)
def test_the_reports_not_answered_line_names_the_party_once(language):
    kg = lg.example(KG)
    locale = LOCALES[language]
    page = lg.report(kg, locale=locale, as_of=date(2013, 12, 31), charts=False)
    lines = re.findall(r"<li>(.*?)</li>", page.split('id="unanswered"', 1)[1], flags=re.S)
    migrants = [html_text(line) for line in lines if "kg-migrant-remittances-2012" in line]
    assert len(migrants) == 1, lines
    name = lg.party_name("KG", locale, kg.parties)
    assert migrants[0].count(name) == 1, migrants[0]
    assert KEY in migrants[0], migrants[0]


def test_the_report_shows_the_files_key_as_code():
    page = lg.report(lg.example(KG), locale="ky_KG", as_of=date(2013, 12, 31), charts=False)
    assert "<code>migrants = { amount = &#x27;...&#x27;, qualifier = &#x27;...&#x27; }</code>" in (
        page
    )


# -- C. a fiscal year the ledger has no budget for -----------------------------------------------

ASKED = [
    (
        lambda kg: lg.remittances_to_budget(kg, "KG", as_of=date(2013, 12, 31), fiscal_year=2011),
        2011,
    ),
    (lambda kg: lg.debt_to_budget(kg, "KG", as_of=date(2013, 12, 31), fiscal_year=2016), 2016),
]


@pytest.mark.parametrize(("question", "year"), ASKED)
def test_a_missing_fiscal_year_says_the_year_and_the_years_there_are(question, year):
    kg = lg.example(KG)  # holds the budget of fiscal year 2012 only
    refused = _refused(lambda: question(kg))
    assert isinstance(refused, lg.MissingFigureError)
    message = str(refused)
    assert f"fiscal year {year}" in message and "2012" in message, message
    assert "dated on or before" not in message, message
    assert f"fiscal_year = {year}" in message, message


@pytest.mark.parametrize(("question", "year"), ASKED)
@pytest.mark.parametrize("language", OTHERS)
def test_every_language_says_the_missing_fiscal_year(question, year, language):
    kg = lg.example(KG)
    locale = LOCALES[language]
    said = lg.reason(_refused(lambda: question(kg)), locale, kg.parties)
    assert str(year) in said and "2012" in said and f"fiscal_year = {year}" in said, said
    assert "2013-12-31" not in said, said
    assert lg.party_name("KG", locale, kg.parties) in said, said
    assert not mixed(said, language), said


def test_a_fiscal_year_of_a_party_with_no_budget_at_all():
    book = lg.example()  # no budget for RU
    refused = _refused(
        lambda: lg.debt_to_budget(book, "RU", as_of=date(2004, 3, 15), fiscal_year=2003)
    )
    assert "fiscal year 2003" in str(refused) and "fiscal_year = 2003" in str(refused)
    for language in OTHERS:
        said = lg.reason(refused, LOCALES[language], book.parties)
        assert "2003" in said and not mixed(said, language), said


# -- D. what a restructuring gave up, parties by the ledger's names ---------------------------


@pytest.mark.parametrize("language", OTHERS)
def test_what_was_forgiven_names_the_parties_as_the_ledger_does(language):
    kg = lg.example(KG)  # names KG "Кыргызстан" in Russian, where CLDR says "Киргизия"
    locale = LOCALES[language]
    said = lg.forgiven(kg, "ru-claim-kg-2012").explain(locale=locale).splitlines()[0]
    assert lg.party_name("KG", locale, kg.parties) in said, said
    assert lg.party_name("RU", locale, kg.parties) in said, said
    if language == "ru":
        assert "Кыргызстан" in said and "Киргизия" not in said, said


def test_what_was_forgiven_in_english_keeps_its_codes():
    said = lg.forgiven(lg.example(KG), "ru-claim-kg-2012").explain().splitlines()[0]
    assert said.startswith("given up on ru-claim-kg-2012 (RU's claim on KG)"), said


# -- E. a ratio over a yearly budget says the budget's year ---------------------------------

LATER = date(2013, 12, 31)  # the file's only budget is for 2012


@pytest.mark.parametrize("net", [False, True])
def test_a_debt_over_a_budget_of_another_year_holds_the_budgets_year(net):
    ratio = lg.debt_to_budget(lg.example(KG), "KG", as_of=LATER, net=net)
    assert ratio.year == 2012
    assert lg.describe(ratio).endswith("of its budget (2012)."), lg.describe(ratio)


@pytest.mark.parametrize("language", LOCALES)
def test_every_language_says_the_budgets_year_of_a_debt_ratio(language):
    kg = lg.example(KG)
    locale = LOCALES[language]
    ratio = lg.debt_to_budget(kg, "KG", as_of=LATER)
    assert "2012" in lg.describe(ratio, locale), lg.describe(ratio, locale)
    head = ratio.explain(locale=locale).splitlines()[0]
    assert "2012" in head and "2013-12-31" in head, head
    assert not mixed(head, language), head


def test_the_english_explanation_says_whose_year_it_is():
    head = lg.debt_to_budget(lg.example(KG), "KG", as_of=LATER).explain().splitlines()[0]
    assert "the budget of 2012" in head, head


def test_a_debt_ratio_in_the_budgets_own_year_adds_no_year():
    ratio = lg.debt_to_budget(lg.example(), "TJ", as_of=date(2004, 3, 15))  # a 2004 budget
    assert ratio.year == 2004
    assert "2004)" not in lg.describe(ratio)
    assert "budget of" not in ratio.explain().splitlines()[0]


def test_the_json_of_a_debt_ratio_holds_the_budgets_year(capsys):
    import json

    from ledger.cli import main

    main(["ratios", "--example", KG, "KG", "--on", "2013-12-31", "--json"])
    answers = json.loads(capsys.readouterr().out)
    years = {a["question"]: a["year"] for a in answers if a.get("answered", True)}
    assert years["debt_to_budget"] == 2012, answers
    assert years["remittances_to_budget"] == 2012


@pytest.mark.parametrize("language", LOCALES)
def test_the_settle_command_says_the_refusal_in_the_readers_words(language, tmp_path, capsys):
    from ledger.cli import main

    path = tmp_path / "bounded.toml"
    path.write_text(BOUNDED, encoding="utf-8")
    locale = LOCALES[language]
    code = main(["settle", str(path), "--on", "2020-12-31", "--locale", locale])
    err = " ".join(capsys.readouterr().err.split())
    assert code == 1
    book = lg.loads(BOUNDED, format="toml")
    assert " ".join(lg.reason(_refused_settlement(book), locale, book.parties).split()) in err
    assert "KZ's" not in err and "settle needs" not in err, err


def _named_twice(lines, names):
    return [line for line in lines for name in names if line.count(name) > 1]


@pytest.mark.parametrize("language", OTHERS)
def test_no_not_answered_line_names_a_party_twice(language):
    book = lg.loads(BOUNDED, format="toml")  # no budget: every budget question is refused
    locale = LOCALES[language]
    page = lg.report(book, locale=locale, as_of=DAY, charts=False)
    section = page.split('id="unanswered"', 1)[1]
    lines = [" ".join(html_text(li).split()) for li in re.findall(r"<li>.*?</li>", section)]
    assert len(lines) >= 4, lines
    names = [lg.party_name(code, locale, book.parties) for code in ("KZ", "UZ")]
    assert _named_twice(lines, names) == []
    assert all(any(name in line for name in names) for line in lines), lines  # but once


@pytest.mark.parametrize("language", OTHERS)
def test_no_line_of_the_summary_names_a_party_twice(language, tmp_path, capsys):
    from ledger.cli import main

    path = tmp_path / "bounded.toml"
    path.write_text(BOUNDED, encoding="utf-8")
    locale = LOCALES[language]
    main(["summary", str(path), "--on", "2020-12-31", "--locale", locale])
    tail = capsys.readouterr().out.split("\n\n")[-1]
    lines = [line for line in tail.splitlines() if line.startswith("  - ")]
    assert len(lines) >= 3, tail
    book = lg.loads(BOUNDED, format="toml")
    names = [lg.party_name(code, locale, book.parties) for code in ("KZ", "UZ")]
    assert _named_twice(lines, names) == []


def test_a_reason_on_its_own_still_names_its_party():
    book = lg.loads(BOUNDED, format="toml")
    with pytest.raises(lg.MissingFigureError) as refused:
        lg.debt_to_budget(book, "UZ", as_of=DAY)
    assert "Узбекистан" in lg.reason(refused.value, "ru_RU", book.parties)
