"""A ledger's own names for parties (issue 15): per language from the file
(``[parties.KG] name = {en = "Kyrgyzstan", ru = "Кыргызстан"}``), or one name for every
language (the old ``[parties] KG = "..."``), CLDR's for a language the file does not name; kept
by load and save; used by describe, the HTML, the plots and the command line without being
passed by hand."""

from __future__ import annotations

import json
from datetime import date

import pytest

import ledger as lg

CLAIM = """
[sources.rfe]
publisher = "RFE/RL"
title = "Russia writes off Kyrgyz debt"
date = 2012-09-20

[[entries]]
kind = "claim"
id = "ru-claim-kg"
as_of = 2012-09-20
source = "rfe"
creditor = "RU"
debtor = "KG"
asserted_by = "RU"
amount = "489 million USD"
qualifier = "about"

[[entries]]
kind = "budget"
id = "kg-budget"
as_of = 2012-01-01
source = "rfe"
party = "KG"
fiscal_year = 2012
amount = "1.5 billion USD/year"
"""


PER_LANGUAGE = (
    """[parties.KG]
name = {en = "Kyrgyz Republic", ru = "Кыргызстан", uz_Cyrl = "Қирғизистон Республикаси"}
"""
    + CLAIM
)


ONE_NAME = (
    """[parties]
KG = "Kyrgyz Republic"
"""
    + CLAIM
)


TABLE_WITH_ONE_NAME = (
    """[parties.KG]
name = "Kyrgyz Republic"
"""
    + CLAIM
)


def _book(text):
    return lg.loads(text, format="toml")


def test_a_name_per_language_from_the_file_is_used_by_describe_without_passing_it():
    book = _book(PER_LANGUAGE)
    balance = lg.net_balance(book, "KG", "RU")
    assert lg.describe(balance).startswith("Kyrgyz Republic owes Russia")
    assert lg.describe(balance, locale="ru").startswith("Должник: Кыргызстан;")
    assert lg.describe(balance, locale="uz_Cyrl_UZ").startswith(
        "Қарздор: Қирғизистон Республикаси;"
    )
    # a language the file does not name: CLDR's name in that language
    assert lg.describe(balance, locale="kk_KZ").startswith("Борышкер: Қырғызстан;")
    assert (-balance).names == balance.names  # turned round, the names stay
    ratio = lg.debt_to_budget(book, "KG", as_of=date(2013, 1, 1))
    assert "(Кыргызстан)" in lg.describe(ratio, locale="ru_RU")
    # names given by hand still win
    assert "(Киргизия)" in lg.describe(ratio, "ru_RU", names={"KG": "Киргизия"})


@pytest.mark.parametrize("text", [ONE_NAME, TABLE_WITH_ONE_NAME])
def test_one_name_from_the_file_is_every_languages_name(text):
    balance = lg.net_balance(_book(text), "KG", "RU")
    for locale in ("en", "ru", "ky", "uz"):
        assert "Kyrgyz Republic" in lg.describe(balance, locale)


def test_an_organisation_named_in_some_languages_takes_english_then_any_elsewhere():
    names = {"org:imf": {"name": {"en": "IMF", "ru": "МВФ"}}, "org:eabr": {"name": {"ru": "ЕАБР"}}}
    assert lg.party_name("org:imf", "ru_RU", names) == "МВФ"
    assert lg.party_name("org:imf", "kk_KZ", names) == "IMF"
    assert lg.party_name("org:eabr", "en", names) == "ЕАБР"
    assert lg.party_name("org:wb", "en", names) == "org:wb"


def test_a_ledger_made_in_code_checks_its_name_tables_too():
    with pytest.raises(lg.LedgerFileError, match=r"KG\.name\.ru"):
        lg.Ledger([], parties={"KG": {"name": {"ru": ""}}})


@pytest.mark.parametrize("text", [PER_LANGUAGE, ONE_NAME, TABLE_WITH_ONE_NAME])
def test_load_then_save_keeps_the_names_as_written(text):
    book = _book(text)
    for form in ("toml", "json"):
        saved = book.dumps(form)
        again = lg.loads(saved, format=form)
        assert again == book and again.parties == book.parties
        assert again.dumps(form) == saved
    names = {"en": "Kyrgyz Republic", "ru": "Кыргызстан", "uz_Cyrl": "Қирғизистон Республикаси"}
    wanted = {
        PER_LANGUAGE: {"name": names},
        ONE_NAME: "Kyrgyz Republic",
        TABLE_WITH_ONE_NAME: {"name": "Kyrgyz Republic"},
    }[text]
    assert json.loads(book.dumps("json"))["parties"]["KG"] == wanted


def test_the_schema_takes_both_forms_of_a_name():
    jsonschema = pytest.importorskip("jsonschema")
    for text in (PER_LANGUAGE, ONE_NAME):
        jsonschema.validate(_book(text).to_data(json_mode=True), lg.schema())
    bad = _book(ONE_NAME).to_data(json_mode=True)
    bad["parties"]["KG"] = {"name": {"ru": 3}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, lg.schema())


@pytest.mark.parametrize(
    ("table", "field", "words"),
    [
        ('[parties.KG]\nname = {ru = ""}\n', "KG.name.ru", "must be text"),
        ('[parties.KG]\nnom = "Kyrgyzstan"\n', "KG.nom KG.name", "accepted: name"),
        ('[parties.KG]\nname = {Russian = "Кыргызстан"}\n', "KG.name.Russian", "language code"),
        ("[parties.KG]\nname = {}\n", "KG.name", "table of language = name"),
        ("[parties]\nKG = 3\n", "KG", "must be text"),
    ],
)
def test_a_bad_name_table_is_refused_with_where_and_what_is_accepted(table, field, words):
    with pytest.raises(lg.LedgerFileError) as refused:
        _book(table + CLAIM)
    problems = refused.value.problems
    assert [(p.entry, p.field) for p in problems] == [("parties", f) for f in field.split()]
    assert words in problems[0].message


def test_the_html_names_parties_as_the_file_does():
    book = _book(PER_LANGUAGE)
    balance = lg.net_balance(book, "KG", "RU")
    assert "Кыргызстан" in lg.display.balance_html(balance, "ru_RU")
    assert "Кыргызстан" in book.to_html("ru_RU")
    assert "Киргизия" not in lg.display.balance_html(balance, "ru_RU")


def test_the_plots_name_parties_as_the_file_does():
    pytest.importorskip("matplotlib")
    chart = lg.plot.netting(_book(PER_LANGUAGE), "KG", "RU", locale="ru_RU")
    titles = [ax.get_title() for ax in chart.axes]
    assert any("Кыргызстан" in title for title in titles), titles


def test_the_command_line_names_parties_as_the_file_does(tmp_path, capsys):
    from ledger.cli import main

    path = tmp_path / "kg.toml"
    path.write_text(PER_LANGUAGE, encoding="utf-8")
    assert main(["net", str(path), "KG", "RU", "--locale", "ru_RU"]) == 0
    assert "Должник: Кыргызстан;" in capsys.readouterr().out


def test_the_bundled_kyrgyz_example_names_kyrgyzstan_as_kyrgyzstan_does_in_russian():
    balance = lg.net_balance(lg.example("kg-ru-2012"), "KG", "RU", as_of=date(2013, 6, 1))
    assert lg.describe(balance, "ru_RU").startswith("Должник: Кыргызстан;")
    assert lg.describe(balance).startswith("Kyrgyzstan owes Russia")


def test_the_settlement_table_names_parties_as_the_file_does():
    transfers = lg.settle(_book(PER_LANGUAGE))
    assert "Кыргызстан" in lg.display.transfers_html(transfers, "ru_RU")
    assert "Kyrgyz Republic" in transfers._repr_html_()


def test_a_hostile_name_in_a_language_table_comes_out_inert():
    hostile = '<script>alert(1)</script>\u202e"'
    text = PER_LANGUAGE.replace('ru = "Кыргызстан"', 'ru = "<script>alert(1)</script>\u202e\\""')
    book = _book(text)
    assert book.parties["KG"]["name"]["ru"] == hostile
    balance = lg.net_balance(book, "KG", "RU")
    for html in (lg.display.balance_html(balance, "ru_RU"), book.to_html("ru_RU")):
        assert "<script>" not in html and "&lt;script&gt;" in html
