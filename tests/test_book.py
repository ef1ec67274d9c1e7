"""Ledgers and their files: round trips, atomic saves, and bad files refused whole."""

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ledger as lg
import ledger.files
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


@given(book=lst.ledgers())
def test_toml_round_trip_keeps_every_entry_in_order(book):
    # A folder of its own for each example (pytest's tmp_path is one for the whole test).
    folder = tempfile.TemporaryDirectory()
    path = book.save(Path(folder.name) / "book.toml")
    again = lg.load(path)
    assert again == book
    assert [entry.id for entry in again] == [entry.id for entry in book]
    first = path.read_bytes()
    again.save(path)
    assert path.read_bytes() == first


@given(book=lst.ledgers())
def test_json_round_trip_keeps_every_entry_in_order(book):
    folder = tempfile.TemporaryDirectory()
    path = book.save(Path(folder.name) / "book.json")
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

    monkeypatch.setattr(ledger.files.tomli_w, "dumps", broken_dumps)
    with pytest.raises(RuntimeError):
        bigger.save(path)
    assert path.read_bytes() == before
    monkeypatch.undo()

    def broken_fsync(fd):
        raise OSError("disk full")

    monkeypatch.setattr(ledger.files.os, "fsync", broken_fsync)
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
        "as_of: 'March' is not a date; accepted: an ISO date",
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


JSON_CLAIM = """{
  "sources": {
    "rferl": {"publisher": "RFE/RL", "title": "Relations", "date": "2004-03-15"}
  },
  "entries": [
    {
      "kind": "claim",
      "id": "ru-claim",
      "as_of": "2004-03-15",
      "source": "rferl",
      "creditor": "RU",
      "debtor": "TJ",
      "asserted_by": "RU",
      "amount": "300 million USD",
      "qualifier": "about"
    }
  ]
}
"""
JSON_BUDGET = (
    JSON_CLAIM.replace('"claim"', '"budget"')
    .replace('"ru-claim"', '"tj-budget"')
    .replace(
        '"creditor": "RU",\n      "debtor": "TJ",\n      "asserted_by": "RU",', '"party": "TJ",'
    )
    .replace('"300 million USD",\n      "qualifier": "about"', '"1 USD/year", "fiscal_year": 2004')
)
BUDGET = """
[[entries]]
kind = "budget"
id = "tj-budget"
as_of = 2004-03-15
source = "rferl"
party = "TJ"
amount = "1 USD/year"
fiscal_year = 2004
"""
ISO = 'accepted: an ISO date such as "2004-03-15"'
WHOLE = "accepted: a whole number such as 2004"

# What loading used to let through: numbers and times for dates, booleans and text for
# integers, duplicate JSON keys (last one won), and text with a trailing newline.
STRICT_FILES = [
    (
        "json",
        JSON_CLAIM.replace('"as_of": "2004-03-15"', '"as_of": 0'),
        f"entries[0] (ru-claim): as_of: int 0 is not a date; {ISO}",
    ),
    (
        "json",
        JSON_CLAIM.replace('"as_of": "2004-03-15"', '"as_of": 1079308800.0'),
        f"entries[0] (ru-claim): as_of: float 1079308800.0 is not a date; {ISO}",
    ),
    (
        "json",
        JSON_CLAIM.replace('"as_of": "2004-03-15"', '"as_of": true'),
        f"entries[0] (ru-claim): as_of: bool True is not a date; {ISO}",
    ),
    (
        "json",
        JSON_CLAIM.replace('"date": "2004-03-15"', '"date": 0'),
        f"sources.rferl: date: int 0 is not a date; {ISO}",
    ),
    (
        "json",
        JSON_CLAIM.replace('"as_of": "2004-03-15"', '"as_of": "1079308800"'),
        f"entries[0] (ru-claim): as_of: '1079308800' is not a date; {ISO}",
    ),
    (
        "json",
        JSON_CLAIM.replace('"as_of": "2004-03-15"', '"as_of": "20040315"'),
        f"entries[0] (ru-claim): as_of: '20040315' is not a date; {ISO}",
    ),
    (
        "json",
        JSON_CLAIM.replace('"as_of": "2004-03-15"', '"as_of": "2004-02-30"'),
        "as_of: '2004-02-30' is not a date (day is out of range for month)",
    ),
    (
        "json",
        JSON_CLAIM.replace('"as_of": "2004-03-15"', '"as_of": "2004-03-15T00:00:00"'),
        "as_of: '2004-03-15T00:00:00' has a time of day; a date is written alone, "
        "such as '2004-03-15'",
    ),
    (
        "toml",
        SEED_SOURCE + GOOD_CLAIM.replace("as_of = 2004-03-15", "as_of = 2004-03-15T10:30:00"),
        "entries[0] (ru-claim): as_of: 2004-03-15 10:30:00 has a time of day; a date is "
        "written alone, such as 2004-03-15",
    ),
    (
        "toml",
        SEED_SOURCE.replace("date = 2004-03-15", "date = 2004-03-15T10:30:00Z") + GOOD_CLAIM,
        "sources.rferl: date: 2004-03-15 10:30:00+00:00 has a time of day",
    ),
    (
        "toml",
        SEED_SOURCE + GOOD_CLAIM.replace("as_of = 2004-03-15", "as_of = 10:30:00"),
        f"entries[0] (ru-claim): as_of: time 10:30:00 is not a date; {ISO}",
    ),
    (
        "toml",
        SEED_SOURCE + GOOD_CLAIM.replace("as_of = 2004-03-15", "as_of = 20040315"),
        f"entries[0] (ru-claim): as_of: int 20040315 is not a date; {ISO}",
    ),
    (
        "json",
        JSON_BUDGET.replace('"fiscal_year": 2004', '"fiscal_year": true'),
        f"entries[0] (tj-budget): fiscal_year: bool True is not a whole number; {WHOLE}",
    ),
    (
        "json",
        JSON_BUDGET.replace('"fiscal_year": 2004', '"fiscal_year": "2004"'),
        f"entries[0] (tj-budget): fiscal_year: str '2004' is not a whole number; {WHOLE}",
    ),
    (
        "json",
        JSON_BUDGET.replace('"fiscal_year": 2004', '"fiscal_year": 2004.0'),
        f"entries[0] (tj-budget): fiscal_year: float 2004.0 is not a whole number; {WHOLE}",
    ),
    (
        "toml",
        SEED_SOURCE + BUDGET.replace("fiscal_year = 2004", "fiscal_year = true"),
        f"entries[0] (tj-budget): fiscal_year: bool True is not a whole number; {WHOLE}",
    ),
    (
        "json",
        JSON_CLAIM.replace('"id": "ru-claim",', '"id": "ru-claim", "id": "other",'),
        "entries[0] (ru-claim): id: key 'id' is given twice, at line 8, column 25 and first at "
        "line 8, column 7; a key may appear once in a table",
    ),
    (
        "json",
        JSON_CLAIM.replace('"id": "ru-claim",', '"id": "ru-claim", "i\\u0064": "other",'),
        "entries[0] (ru-claim): id: key 'id' is given twice, at line 8, column 25",
    ),
    (
        "json",
        JSON_CLAIM.replace('"qualifier": "about"', '"qualifier": "about", "qualifier": "exact"'),
        "entries[0] (ru-claim): qualifier: key 'qualifier' is given twice, at line 15",
    ),
    (
        "json",
        JSON_CLAIM.replace(
            '"amount": "300 million USD"',
            '"amount": {"amount": "300 million USD", "amount": "3 USD"}',
        ),
        "entries[0] (ru-claim): amount.amount: key 'amount' is given twice, at line 14",
    ),
    (
        "json",
        JSON_CLAIM.replace('"date": "2004-03-15"', '"date": "2004-03-15", "date": "2004-03-16"'),
        "sources.rferl: date: key 'date' is given twice, at line 3",
    ),
    (
        "json",
        JSON_CLAIM.replace('  "entries": [', '  "title": "a",\n  "title": "b",\n  "entries": ['),
        "title: key 'title' is given twice, at line 6, column 3 and first at line 5, column 3",
    ),
    (
        "json",
        JSON_CLAIM.replace("{\n", '{"parties": {"org:x": "X", "org:x": "Y"},\n', 1),
        "parties: org:x: key 'org:x' is given twice, at line 1, column 28 and first at line 1, "
        "column 14",
    ),
    (
        "json",
        JSON_CLAIM.replace('"id": "ru-claim",', '"id": "ru-claim",\n      "id" : "other",'),
        "entries[0] (ru-claim): id: key 'id' is given twice, at line 9, column 7 and first at "
        "line 8, column 7",
    ),
    ("json", "[" * 100_000, "not valid JSON"),
    ("toml", SEED_SOURCE + GOOD_CLAIM + 'id = "again"\n', "not valid TOML: Cannot overwrite"),
    (
        "json",
        JSON_CLAIM.replace('"debtor": "TJ"', '"debtor": "org:imf\\n"'),
        "entries[0] (ru-claim): debtor: party 'org:imf\\n' is not",
    ),
    (
        "json",
        JSON_CLAIM.replace("{\n", '{"parties": {"org:imf\\n": "IMF"},\n', 1),
        "parties: 'org:imf\\n': party 'org:imf\\n' is not",
    ),
    (
        "json",
        JSON_CLAIM.replace('"ru-claim"', '"ru-claim\\n"'),
        "entries[0] ('ru-claim\\n'): id: 'ru-claim\\n' is not a slug",
    ),
    (
        "toml",
        SEED_SOURCE + GOOD_CLAIM.replace('"ru-claim"', '"ru-claim\\n"'),
        "entries[0] ('ru-claim\\n'): id: 'ru-claim\\n' is not a slug",
    ),
    (
        "toml",
        SEED_SOURCE
        + GOOD_CLAIM
        + SETTLEMENT.format(amount="1 USD").replace('"ru-claim"', '"ru-claim\\n"'),
        "entries[1] (paid): claim: 'ru-claim\\n' is not a slug",
    ),
]


@pytest.mark.parametrize(("fmt", "text", "phrase"), STRICT_FILES)
def test_strict_files_refuse_what_lax_parsing_let_through(fmt, text, phrase, tmp_path):
    path = tmp_path / f"bad.{fmt}"
    path.write_text(text)
    with pytest.raises(lg.LedgerFileError) as caught:
        lg.load(path)
    message = str(caught.value)
    assert phrase in message
    assert all(problem.file == str(path) for problem in caught.value.problems)
    assert message.count(str(path)) == len(caught.value.problems), "one problem, one line"
    assert "nothing was loaded" in message


def test_a_source_refused_is_not_called_undeclared_too():
    text = SEED_SOURCE.replace("date = 2004-03-15", "date = 0") + GOOD_CLAIM
    with pytest.raises(lg.LedgerFileError) as caught:
        lg.loads(text, name="book.toml")
    assert [str(problem) for problem in caught.value.problems] == [
        "book.toml: sources.rferl: date: int 0 is not a date; accepted: an ISO date such as "
        '"2004-03-15" (in TOML also a bare 2004-03-15)'
    ]


def test_strict_files_still_take_dates_as_iso_text_or_toml_dates(tmp_path):
    from_json = lg.loads(JSON_CLAIM, format="json")
    from_toml = lg.loads(SEED_SOURCE + GOOD_CLAIM)
    assert from_json["ru-claim"].as_of == from_toml["ru-claim"].as_of
    assert from_json["ru-claim"].as_of.isoformat() == "2004-03-15"
    assert lg.loads(JSON_BUDGET, format="json")["tj-budget"].fiscal_year == 2004
    # A quote may hold what looks like a duplicate key: only the file's own keys count.
    quoted = JSON_CLAIM.replace(
        '"qualifier": "about"', '"qualifier": "about", "quote": "{\\"a\\": 1, \\"a\\": 2}"'
    )
    assert lg.loads(quoted, format="json")["ru-claim"].quote == '{"a": 1, "a": 2}'
    spaced = JSON_CLAIM.replace('": ', '" : ')
    assert lg.loads(spaced, format="json") == from_json


def test_a_json_key_given_twice_is_found_should_json_refuse_what_pydantic_read(monkeypatch):
    class Refusing:
        def decode(self, text):
            raise ValueError("refused")

    monkeypatch.setattr(ledger.files, "_JSON", Refusing())
    twice = JSON_CLAIM.replace('"id": "ru-claim",', '"id": "ru-claim", "id": "other",')
    with pytest.raises(lg.LedgerFileError, match="key 'id' is given twice, at line 8, column 25"):
        lg.loads(twice, format="json")
    quoted = JSON_CLAIM.replace('"about"', '"about", "quote": ":x"')  # counts prove nothing
    assert not ledger.files._keys_counted_unique(quoted, json.loads(quoted))
    assert lg.loads(quoted, format="json")["ru-claim"].quote == ":x"


class _Pairs(list):
    """A JSON object as written: its (key, value) pairs, a key possibly twice."""


def _json_text(value, gaps):
    if isinstance(value, _Pairs):
        return (
            "{"
            + ", ".join(
                json.dumps(key) + next(gaps) + _json_text(item, gaps) for key, item in value
            )
            + "}"
        )
    if isinstance(value, list):
        return "[" + ", ".join(_json_text(item, gaps) for item in value) + "]"
    return json.dumps(value)


def _repeats_a_key(value):
    if isinstance(value, _Pairs):
        keys = [key for key, _ in value]
        return len(set(keys)) < len(keys) or any(_repeats_a_key(item) for _, item in value)
    return isinstance(value, list) and any(_repeats_a_key(item) for item in value)


_JSON_KEYS = st.sampled_from(["id", "a", ":", '":', 'x" :', "{", "b\\"])
_JSON_VALUES = st.recursive(
    st.none() | st.integers() | st.text(alphabet='a:" {}\\\n', max_size=6),
    lambda inner: (
        st.lists(inner, max_size=3) | st.lists(st.tuples(_JSON_KEYS, inner), max_size=4).map(_Pairs)
    ),
    max_leaves=12,
)


@settings(max_examples=500)  # small texts; the counting argument has corners worth the time
@given(
    document=st.lists(st.tuples(_JSON_KEYS, _JSON_VALUES), max_size=5).map(_Pairs),
    gaps=st.lists(st.sampled_from([": ", ":", " : ", "\n:", "\t:\t"]), min_size=1),
)
def test_a_json_key_given_twice_is_found_however_the_text_is_spaced(document, gaps):
    spacing = iter(gaps * 200)
    text = _json_text(document, spacing)
    if _repeats_a_key(document):
        with pytest.raises(lg.LedgerFileError, match="is given twice"):
            ledger.files._read_json(text, "t.json")
    else:
        assert ledger.files._read_json(text, "t.json") == json.loads(text)


def test_entries_built_in_code_refuse_numbers_and_times_for_dates():
    claim = lg.example()["ru-claims-tajik-debt"].model_dump()
    for bad in (0, True, "2004-03-15T00:00:00"):
        with pytest.raises(lg.LedgerFileError, match=r"as_of: .* is not a date|time of day"):
            lg.Ledger([{**claim, "as_of": bad}])
    assert lg.Ledger([{**claim, "as_of": "2004-03-15"}])[0].as_of.isoformat() == "2004-03-15"


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
