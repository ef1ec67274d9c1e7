"""Ledgers and their files: round trips, atomic saves, and bad files refused whole."""

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import ledger as lg
import ledger.book
from ledger import strategies as lst

ROOT = Path(__file__).resolve().parent.parent
SEED_SOURCE = """
[sources.rferl]
publisher = "RFE/RL"
title = "Tajikistan: Relations With Moscow Appear To Have Reached New Low"
date = 2004-03-15
"""
GOOD_CLAIM = """
[[entries]]
kind = "claim"
id = "ru-claim"
as_of = 2004-03-15
source = "rferl"
creditor = "RU"
debtor = "TJ"
asserted_by = "RU"
amount = "300 million USD"
qualifier = "about"
"""

SETTLEMENT = """
[[entries]]
kind = "settlement"
id = "paid"
as_of = 2005-01-01
source = "rferl"
claim = "ru-claim"
amount = "{amount}"
method = "payment"
"""

tmp_settings = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


@tmp_settings
@given(book=lst.ledgers())
def test_toml_round_trip_keeps_every_entry_in_order(book, tmp_path):
    path = book.save(tmp_path / "book.toml")
    again = lg.load(path)
    assert again == book
    assert [entry.id for entry in again] == [entry.id for entry in book]
    first = path.read_bytes()
    again.save(path)
    assert path.read_bytes() == first


@tmp_settings
@given(book=lst.ledgers())
def test_json_round_trip_keeps_every_entry_in_order(book, tmp_path):
    path = book.save(tmp_path / "book.json")
    again = lg.load(path)
    assert again == book
    first = path.read_bytes()
    again.save(path)
    assert path.read_bytes() == first


def test_the_example_holds_the_seeds_four_figures():
    book = lg.example()
    claim = book["ru-claims-tajik-debt"]
    counter = book["tj-counterclaim-nurek"]
    remittances = book["tajik-migrant-remittances"]
    budget = book["tajik-national-budget"]
    assert claim.amount == lg.Figure.of("300 million USD", "about")
    assert (claim.creditor, claim.debtor, claim.asserted_by) == ("RU", "TJ", "RU")
    assert counter.amount == lg.Figure.of("50 million USD")
    assert counter.counter_to == claim.id and counter.asserted_by == "TJ"
    assert "Nurek" in counter.quote
    assert remittances.amount == lg.Figure.of("300 million USD/year", "more_than")
    assert remittances.migrants == lg.Figure.of("1 million person", "estimated")
    assert remittances.origin == ("RU", "KZ")
    assert budget.amount == lg.Figure.of("300 million USD/year")
    assert claim.source.publisher == "RFE/RL" and claim.source.date.isoformat() == "2004-03-15"


def test_the_example_file_is_one_copy_shipped_with_the_package():
    assert (ROOT / "data").resolve() == (ROOT / "src" / "ledger" / "data").resolve()
    assert lg.load(ROOT / "data" / "tajikistan_russia_2004.toml") == lg.example()


def test_the_published_schema_is_current():
    published = json.loads((ROOT / "data" / "ledger.schema.json").read_text())
    assert published == lg.schema(), "regenerate: debt-ledger schema > data/ledger.schema.json"


def test_queries_filter_by_party_status_and_date():
    book = lg.example()
    assert [c.id for c in book.claims(debtor="TJ")] == ["ru-claims-tajik-debt"]
    assert [c.id for c in book.claims(asserted_by="TJ")] == ["tj-counterclaim-nurek"]
    assert len(book.claims(party="TJ", status={"asserted", "disputed"})) == 2
    assert book.claims(status="settled") == []
    assert book.claims(as_of=lg.Source.model_fields["date"].annotation(2004, 3, 14)) == []
    assert [r.id for r in book.remittances(party="KZ")] == ["tajik-migrant-remittances"]
    assert [b.id for b in book.budgets(party="TJ")] == ["tajik-national-budget"]


def test_adding_returns_a_new_ledger():
    book = lg.example()
    extra = book["ru-claims-tajik-debt"].model_copy(update={"id": "ru-claim-2"})
    bigger = book + extra
    assert len(bigger) == 5 and len(book) == 4
    with pytest.raises(lg.LedgerFileError, match="ids must be unique"):
        book + book["ru-claims-tajik-debt"]


def test_a_failed_save_leaves_the_old_file_whole(tmp_path, monkeypatch):
    path = lg.example().save(tmp_path / "book.toml")
    before = path.read_bytes()
    bigger = lg.example() + lg.example()["ru-claims-tajik-debt"].model_copy(
        update={"id": "another"}
    )

    def broken_dumps(data):
        raise RuntimeError("serializer failed halfway")

    monkeypatch.setattr(ledger.book.tomli_w, "dumps", broken_dumps)
    with pytest.raises(RuntimeError):
        bigger.save(path)
    assert path.read_bytes() == before
    monkeypatch.undo()

    def broken_fsync(fd):
        raise OSError("disk full")

    monkeypatch.setattr(ledger.book.os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="disk full"):
        bigger.save(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.toml"]


BAD_FILES = [
    ("toml", "kind = ", "not valid TOML"),
    ("toml", "", "the file is empty"),
    ("json", "[1, 2]", "the top level must be a table"),
    ("json", "{", "not valid JSON"),
    ("toml", 'title = "x"', "entries: missing"),
    ("toml", SEED_SOURCE + GOOD_CLAIM.replace('"claim"', '"loan"'), "kind 'loan' is not known"),
    ("toml", SEED_SOURCE + GOOD_CLAIM.replace('kind = "claim"\n', ""), "missing 'kind'"),
    (
        "toml",
        SEED_SOURCE + GOOD_CLAIM.replace('"300 million USD"', "300.0"),
        "amount: float 300.0 is not accepted",
    ),
    (
        "toml",
        SEED_SOURCE + GOOD_CLAIM + GOOD_CLAIM,
        "entries[1] (ru-claim): id: id 'ru-claim' is used already by entries[0]",
    ),
    (
        "toml",
        SEED_SOURCE
        + GOOD_CLAIM
        + GOOD_CLAIM.replace('"ru-claim"', '"tj-counter"').replace(
            '"about"', '"about"\ncounter_to = "nothing"'
        ),
        "counter_to: 'nothing' names no entry",
    ),
    ("toml", SEED_SOURCE + GOOD_CLAIM.replace('"TJ"', '"XX"'), "debtor: party 'XX' is not"),
    ("toml", SEED_SOURCE + GOOD_CLAIM.replace('USD"', 'USD/year"'), "is not a stock"),
    ("toml", SEED_SOURCE + GOOD_CLAIM.replace('"300 million USD"', '"-3 USD"'), "is negative"),
    ("toml", SEED_SOURCE + GOOD_CLAIM.replace('USD"', 'XYZ"'), "unknown 'XYZ'"),
    (
        "toml",
        SEED_SOURCE + GOOD_CLAIM.replace('"rferl"', '"nowhere"'),
        "source 'nowhere' is not declared under [sources]; declared: rferl",
    ),
    (
        "toml",
        SEED_SOURCE + GOOD_CLAIM.replace('"about"', '"roughly"'),
        "qualifier 'roughly' is not known",
    ),
    (
        "toml",
        SEED_SOURCE + GOOD_CLAIM.replace("as_of = 2004-03-15", 'as_of = "March"'),
        "as_of: Input should be a valid date",
    ),
    (
        "toml",
        SEED_SOURCE + GOOD_CLAIM.replace('creditor = "RU"\n', ""),
        "entries[0] (ru-claim): creditor: missing",
    ),
    ("toml", SEED_SOURCE + GOOD_CLAIM + 'colour = "red"\n', "colour: unknown field"),
    ("toml", 'colour = "red"\n' + SEED_SOURCE + GOOD_CLAIM, "colour: unknown key"),
    (
        "toml",
        SEED_SOURCE.replace("date = 2004-03-15\n", "") + GOOD_CLAIM,
        "sources.rferl: date: missing",
    ),
    (
        "toml",
        SEED_SOURCE + GOOD_CLAIM + SETTLEMENT.format(amount="10 RUB"),
        "settlement in RUB of claim 'ru-claim' in USD",
    ),
    (
        "toml",
        SEED_SOURCE + GOOD_CLAIM + SETTLEMENT.format(amount="400 million USD"),
        "more than the claim's about 300000000 USD",
    ),
    (
        "toml",
        SEED_SOURCE + GOOD_CLAIM.replace('"about"', '"about"\nlow = "1 USD"'),
        "does not go with low/high",
    ),
    (
        "toml",
        SEED_SOURCE + GOOD_CLAIM.replace('"300 million USD"', '"300 million"'),
        "is not a stock",
    ),
    ("toml", '[parties]\n"org:x" = 3\n' + SEED_SOURCE + GOOD_CLAIM, "the name must be text"),
    (
        "json",
        '{"entries": [{"kind": "claim", "id": "x", "amount": 3.5}]}',
        "float 3.5 is not accepted",
    ),
]


@pytest.mark.parametrize(("fmt", "text", "phrase"), BAD_FILES)
def test_bad_files_are_refused_whole_with_every_problem_named(fmt, text, phrase, tmp_path):
    path = tmp_path / f"bad.{fmt}"
    path.write_text(text)
    with pytest.raises(lg.LedgerFileError) as caught:
        lg.load(path)
    message = str(caught.value)
    assert phrase in message
    assert str(path) in message
    assert "nothing was loaded" in message


def test_every_problem_is_listed_at_once(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(
        SEED_SOURCE
        + GOOD_CLAIM.replace('"TJ"', '"XX"').replace('"about"', '"x"')
        + GOOD_CLAIM.replace('"ru-claim"', '"second"').replace("RU", "ZZ")
    )
    with pytest.raises(lg.LedgerFileError) as caught:
        lg.load(path)
    fields = {(p.entry, p.field) for p in caught.value.problems}
    assert ("entries[0] (ru-claim)", "debtor") in fields
    assert ("entries[0] (ru-claim)", "amount") in fields
    assert ("entries[1] (second)", "creditor") in fields


def test_a_missing_file_and_an_unknown_suffix_are_refused(tmp_path):
    with pytest.raises(lg.LedgerFileError, match="cannot read"):
        lg.load(tmp_path / "none.toml")
    with pytest.raises(lg.LedgerFileError, match=r"accepted: \.toml, \.json"):
        lg.load(tmp_path / "book.yaml")
