"""Refusal reasons in every language (issue 15, second user check): a missing rate says why
the rates found were not used, "add an entry" names the entry's keys, JSON gives the reader's
reason beside the program's, and ranges typed on the command line."""

import json
import re
from datetime import date
from decimal import Decimal

import pytest

import ledger as lg
from ledger.cli import main
from ledger.ratios import questions

KG = "kg-ru-2012"
LOCALES = ["ru_RU", "tg_TJ", "ky_KG", "kk_KZ", "uz_UZ", "uz_Cyrl"]

MINE = """
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
kind = "claim"
id = "aral-claim-kz"
as_of = 2019-06-01
source = "gazeta"
creditor = "org:aral"
debtor = "KZ"
asserted_by = "org:aral"
amount = { low = "20 million USD", high = "50 million USD" }

[[entries]]
kind = "remittance"
id = "uz-remit-kz"
as_of = 2019-12-31
source = "gazeta"
origin = "KZ"
destination = "UZ"
amount = { low = "300 million USD/year", high = "400 million USD/year" }

[[entries]]
kind = "budget"
id = "uz-budget-2019"
as_of = 2019-01-01
source = "kun"
party = "UZ"
amount = "about 14 billion USD/year"
fiscal_year = 2019

[[entries]]
kind = "rate"
id = "uzs-usd-2019"
as_of = 2019-12-31
source = "kun"
rate = "9507.56 UZS/USD"

[sources.gazeta]
publisher = "Gazeta.uz"
title = "Debt"
date = 2019-06-01

[sources.kun]
publisher = "Kun.uz"
title = "Budget"
date = 2020-02-01
"""


def _said(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out + err


def _lines(text, word):
    return [line for line in text.splitlines() if word in line]


# -- 1. a missing rate: the rate's basis rule, and the rates found ------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_a_missing_rate_says_which_rates_were_found_and_why_not_used(capsys, locale):
    _, said = _said(
        capsys, "ratios", "--example", KG, "KG", "--on", "2013-01-01", "--locale", locale
    )
    lines = _lines(said, "USD/KGS")
    assert len(lines) == 2, said
    for line in lines:
        assert "kgs-usd-2012-average" in line and "kgs-usd-2013-09-30" in line
        assert "2012-01-01" in line and "2012-12-31" in line
        words = line.replace("kgs-usd-2012-average", "")
        for word in ("average", "never", "rates for the pair", "Add a"):
            assert word not in words, (word, line)


def test_the_russian_rate_reason_says_a_stock_takes_no_average(capsys):
    _, said = _said(
        capsys, "ratios", "--example", KG, "KG", "--on", "2013-01-01", "--locale", "ru_RU"
    )
    line = _lines(said, "USD/KGS")[0]
    assert "средн" in line and "спот" in line  # the average found, the spot rate wanted
    assert 'kind = "rate"' in line


def test_the_english_rate_reason_names_the_entry_to_add(capsys):
    _, said = _said(capsys, "ratios", "--example", KG, "KG", "--on", "2013-01-01")
    line = _lines(said, "USD/KGS")[0]
    assert "never at an average" in line and "kgs-usd-2012-average" in line


# -- 2. "add an entry" names the entry; the question's word is not said twice -------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_a_missing_budget_names_the_entry_to_add(tmp_path, capsys, locale):
    path = tmp_path / "mine.toml"
    path.write_text(MINE, encoding="utf-8")
    _, said = _said(capsys, "ratios", str(path), "KZ", "--on", "2020-06-01", "--locale", locale)
    assert "no ratio can be computed" not in said  # the refusal's head in the locale too
    lines = _lines(said, 'kind = "budget"')
    assert lines, said
    for line in lines:
        assert 'party = "KZ"' in line and "fiscal_year = 2020" in line
        assert "no budget" not in line  # the reader's language, not the program's
        why = line.partition(" / ")[2]
        budget = lg.words.say(lg.words.locale_of(locale), lg.words.LABELS["budget"])
        assert budget.lower() not in why.split(":", 1)[1].lower(), line


def test_a_missing_gdp_names_the_entry_to_add():
    book = lg.example(KG)
    with pytest.raises(lg.LedgerError) as caught:
        lg.remittances_to_gdp(book, "KG", year=2012)
    for locale in ["en_US", *LOCALES]:
        said = lg.reason(caught.value, locale)
        assert 'kind = "gdp", party = "KG", year = 2012' in said, (locale, said)


def test_the_report_and_the_summary_ask_the_same_questions(tmp_path, capsys):
    path = tmp_path / "mine.toml"
    path.write_text(MINE, encoding="utf-8")
    book = lg.load(path)
    assert questions(book, "KZ") == []  # KZ is given no budget, GDP or remittances
    page = lg.report(book, as_of=date(2020, 6, 1), charts=False)
    _, summary = _said(capsys, "summary", str(path), "--on", "2020-06-01")
    for text in (page, summary):
        assert "Kazakhstan: debt / budget" not in text
        assert "Uzbekistan: remittances per migrant" in text


# -- 3. JSON: the program's reason and the reader's ---------------------------------------------


def test_json_gives_each_reason_in_the_readers_language_too(capsys):
    _, out = _said(
        capsys, "ratios", "--example", KG, "KG", "--on", "2013-01-01", "--json", "--locale", "uz_UZ"
    )
    missing = [item for item in json.loads(out) if not item["answered"]]
    assert len(missing) == 3
    _, text = _said(
        capsys, "ratios", "--example", KG, "KG", "--on", "2013-01-01", "--locale", "uz_UZ"
    )
    for item in missing:
        assert re.search(r"\bno\b", item["reason"])  # English, for programs
        assert item["reason_text"] != item["reason"]
        assert item["reason_text"] in text  # the words the reader reads


# -- 4. ranges typed on the command line --------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "300-400 million USD",
        "from 300 to 400 million USD",
        "300 to 400 million USD",
        "300–400 million USD",
    ],
)
def test_convert_takes_a_range_as_people_type_it(tmp_path, capsys, typed):
    path = tmp_path / "mine.toml"
    path.write_text(MINE, encoding="utf-8")
    code, said = _said(capsys, "convert", str(path), typed, "UZS", "--on", "2020-01-01", "--json")
    assert code == 0, said
    got = json.loads(said)["to"]
    ends = (Decimal(got["low"]), Decimal(got["high"]))
    assert ends == (Decimal("2852268000000"), Decimal("3803024000000"))  # 300e6, 400e6 × 9507.56
