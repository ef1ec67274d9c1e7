"""The file reader and writer at its edges: the exact text a ledger is written as, the ids its
sources get, where a repeated JSON key is reported, and the schema a file is checked against.

Every expected text here is written by hand, as a reader of the file format would expect it.
"""

import json
import os

import pytest
from pydantic import ValidationError

import ledger as lg
import ledger.files
from ledger.errors import Problem

RFERL = {
    "publisher": "RFE/RL",
    "title": "Tajikistan: Relations With Moscow",
    "date": "2004-03-15",
    "place": "Prague",
}
ASIA_PLUS = {
    "publisher": "«Asia-Plus»",
    "title": "Курс сомони",
    "date": "2012-12-31",
    "url": "https://asiaplustj.info/ru",
}


def claim(**fields):
    return {
        "kind": "claim",
        "id": "ru-claim",
        "as_of": "2004-03-15",
        "source": RFERL,
        "creditor": "RU",
        "debtor": "TJ",
        "asserted_by": "RU",
        "amount": "300 million USD",
        **fields,
    }


def golden_book():
    return lg.Ledger(
        [
            claim(
                amount={"amount": "300 million USD", "qualifier": "about"},
                quote='Russia says: "Tajikistan owes some $300 million"',
            ),
            {
                "kind": "rate",
                "id": "tjs-usd-2012",
                "as_of": "2012-12-31",
                "source": ASIA_PLUS,
                "rate": {"amount": "4.76 TJS/USD", "qualifier": "about"},
                "basis": "spot",
                "note": "сомони за доллар",
            },
        ],
        title="Golden — two entries",
        parties={"org:wb": "World Bank", "org:imf": "IMF"},
    )


# Sources sorted by id, ids made from publisher and date; parties sorted; an entry's kind, id,
# as_of and source first, its quote and note last; a figure's keys beside it; the default
# basis of a rate (spot) left unsaid; dates as TOML dates; non-ASCII text as it is.
GOLDEN_TOML = """\
title = "Golden — two entries"

[parties]
"org:imf" = "IMF"
"org:wb" = "World Bank"

[sources.asia-plus-2012-12-31]
publisher = "«Asia-Plus»"
title = "Курс сомони"
date = 2012-12-31
url = "https://asiaplustj.info/ru"

[sources.rfe-rl-2004-03-15]
publisher = "RFE/RL"
title = "Tajikistan: Relations With Moscow"
date = 2004-03-15
place = "Prague"

[[entries]]
kind = "claim"
id = "ru-claim"
as_of = 2004-03-15
source = "rfe-rl-2004-03-15"
creditor = "RU"
debtor = "TJ"
asserted_by = "RU"
status = "asserted"
amount = "300 million USD"
qualifier = "about"
quote = "Russia says: \\"Tajikistan owes some $300 million\\""

[[entries]]
kind = "rate"
id = "tjs-usd-2012"
as_of = 2012-12-31
source = "asia-plus-2012-12-31"
rate = "4.76 TJS/USD"
qualifier = "about"
note = "сомони за доллар"
"""

GOLDEN_JSON = """\
{
  "title": "Golden — two entries",
  "parties": {
    "org:imf": "IMF",
    "org:wb": "World Bank"
  },
  "sources": {
    "asia-plus-2012-12-31": {
      "publisher": "«Asia-Plus»",
      "title": "Курс сомони",
      "date": "2012-12-31",
      "url": "https://asiaplustj.info/ru"
    },
    "rfe-rl-2004-03-15": {
      "publisher": "RFE/RL",
      "title": "Tajikistan: Relations With Moscow",
      "date": "2004-03-15",
      "place": "Prague"
    }
  },
  "entries": [
    {
      "kind": "claim",
      "id": "ru-claim",
      "as_of": "2004-03-15",
      "source": "rfe-rl-2004-03-15",
      "creditor": "RU",
      "debtor": "TJ",
      "asserted_by": "RU",
      "status": "asserted",
      "amount": "300 million USD",
      "qualifier": "about",
      "quote": "Russia says: \\"Tajikistan owes some $300 million\\""
    },
    {
      "kind": "rate",
      "id": "tjs-usd-2012",
      "as_of": "2012-12-31",
      "source": "asia-plus-2012-12-31",
      "rate": "4.76 TJS/USD",
      "qualifier": "about",
      "note": "сомони за доллар"
    }
  ]
}
"""


# -- the text a ledger is written as ------------------------------------------------------


def test_a_ledger_built_in_code_is_written_as_this_toml():
    assert golden_book().dumps("toml") == GOLDEN_TOML


def test_a_ledger_built_in_code_is_written_as_this_json():
    assert golden_book().dumps("json") == GOLDEN_JSON


def test_the_file_text_is_toml_unless_json_is_asked_for():
    assert ledger.files.dumps(golden_book().parts) == GOLDEN_TOML


def test_saving_writes_the_same_text_and_loading_it_gives_the_ledger_back(tmp_path):
    book = golden_book()
    assert book.save(tmp_path / "two.toml").read_text(encoding="utf-8") == GOLDEN_TOML
    assert book.save(tmp_path / "two.json").read_text(encoding="utf-8") == GOLDEN_JSON
    for name in ("two.toml", "two.json"):
        again = lg.load(tmp_path / name)
        assert again == book
        assert again.dumps("toml") == GOLDEN_TOML


def test_the_file_form_holds_dates_as_dates_unless_json_mode_is_asked_for():
    book = golden_book()
    assert book.to_data()["sources"]["rfe-rl-2004-03-15"]["date"].isoformat() == "2004-03-15"
    assert ledger.files.write(book.parts)["entries"][0]["as_of"].isoformat() == "2004-03-15"
    assert book.to_data(json_mode=True)["entries"][0]["as_of"] == "2004-03-15"


def test_an_entrys_keys_are_ordered_kind_id_as_of_source_first_quote_and_note_last():
    # Written as it comes from a model, the order is already right: the helper is asked here
    # for the order the file format promises, whatever order it is given.
    scrambled = {
        "note": "n",
        "amount": "1 USD",
        "source": "s",
        "quote": "q",
        "id": "x",
        "kind": "c",
    }
    ordered = ledger.files._ordered(scrambled)
    assert list(ordered) == ["kind", "id", "source", "amount", "quote", "note"]
    assert ordered == scrambled


# -- the ids sources get ---------------------------------------------------------------------


def interfax(title):
    return {"publisher": "Interfax", "title": title, "date": "2013-05-08"}


def test_sources_with_one_publisher_and_date_get_numbered_ids_in_entry_order():
    book = lg.Ledger(
        [
            claim(id="a", source=interfax("First")),
            claim(id="b", source=interfax("Second")),
            claim(id="c", source=interfax("First")),  # the first source again: its id again
            claim(id="d", source=interfax("Third")),
        ]
    )
    data = book.to_data()
    assert [row["source"] for row in data["entries"]] == [
        "interfax-2013-05-08",
        "interfax-2013-05-08-2",
        "interfax-2013-05-08",
        "interfax-2013-05-08-3",
    ]
    assert {key: source["title"] for key, source in data["sources"].items()} == {
        "interfax-2013-05-08": "First",
        "interfax-2013-05-08-2": "Second",
        "interfax-2013-05-08-3": "Third",
    }
    assert lg.loads(book.dumps("toml")) == book


def test_a_source_id_read_from_a_file_is_written_back_and_a_new_source_does_not_take_it():
    text = """\
[sources.interfax-2013-05-08]
publisher = "Interfax"
title = "Read from the file"
date = 2013-05-08

[sources.rferl]
publisher = "RFE/RL"
title = "Tajikistan: Relations With Moscow"
date = 2004-03-15

[[entries]]
kind = "claim"
id = "ru-claim"
as_of = 2004-03-15
source = "rferl"
creditor = "RU"
debtor = "TJ"
asserted_by = "RU"
status = "asserted"
amount = "300 million USD"

[[entries]]
kind = "claim"
id = "read"
as_of = 2004-03-15
source = "interfax-2013-05-08"
creditor = "RU"
debtor = "TJ"
asserted_by = "RU"
status = "asserted"
amount = "300 million USD"
"""
    book = lg.loads(text)
    assert book.dumps("toml") == text
    more = book + lg.Ledger([claim(id="added", source=interfax("Added in code"))])
    sources = more.to_data()["sources"]
    assert {key: source["title"] for key, source in sources.items()} == {
        "interfax-2013-05-08": "Read from the file",
        "interfax-2013-05-08-2": "Added in code",
        "rferl": "Tajikistan: Relations With Moscow",
    }


@pytest.mark.parametrize(
    ("publisher", "key"),
    [
        ("RFE/RL", "rfe-rl-2004-03-15"),
        ("«Asia-Plus»", "asia-plus-2004-03-15"),  # no dash where the punctuation was
        ("...", "2004-03-15"),  # nothing of the publisher's name is left: the date is
        ("Reuters", "reuters-2004-03-15"),
    ],
)
def test_a_source_id_is_its_publisher_and_date_in_lower_case_letters_digits_and_dashes(
    publisher, key
):
    book = lg.Ledger([claim(source={**RFERL, "publisher": publisher})])
    assert list(book.to_data()["sources"]) == [key]


# -- a save cut short ------------------------------------------------------------------------


def test_an_interrupt_just_after_the_rename_is_not_hidden_by_the_cleanup(tmp_path, monkeypatch):
    # The rename done, an interrupt may still land before the save returns: the temporary
    # file is gone by then, and the cleanup must not replace the interrupt by its own error.
    rename = os.replace

    def rename_then_interrupt(source, target):
        rename(source, target)
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", rename_then_interrupt)
    target = tmp_path / "late.toml"
    with pytest.raises(KeyboardInterrupt):
        golden_book().save(target)
    assert target.read_text(encoding="utf-8") == GOLDEN_TOML
    assert [path.name for path in tmp_path.iterdir()] == ["late.toml"]


# -- a JSON key given twice --------------------------------------------------------------------


def twice(key, at, first):
    """The message for ``key`` given again at (line, column) ``at``, first at ``first``."""
    return (
        f"key {key!r} is given twice, at line {at[0]}, column {at[1]} and first at line "
        f"{first[0]}, column {first[1]}; a key may appear once in a table"
    )


REMITTANCE_TWICE = (
    "{\n"
    '  "entries": [\n'
    '    {"kind": "claim", "id": "a"},\n'
    '    {"kind": "claim", "id": "b"},\n'
    '    {"kind": "remittance", "id": "tj-remit", "origin": ["RU", "KZ"], "destination": "TJ",'
    ' "destination": "KZ"}\n'
    "  ]\n"
    "}\n"
)

DUPLICATES = [
    pytest.param(
        REMITTANCE_TWICE,
        Problem(
            "t.json",
            "entries[2] (tj-remit)",
            "destination",
            twice("destination", (5, 91), (5, 70)),
        ),
        id="third-entry-after-an-array",
    ),
    pytest.param(
        '\n{"title": "one", "title": "two", "entries": []}\n',
        Problem("t.json", None, "title", twice("title", (2, 18), (2, 2))),
        id="top-level-in-a-text-that-starts-with-a-newline",
    ),
    pytest.param(
        '{"sources": {"rferl": {"publisher": "RFE/RL", "publisher": "RFE"}}, "entries": []}',
        Problem(
            "t.json",
            "sources.rferl",
            "publisher",
            twice("publisher", (1, 47), (1, 24)),
        ),
        id="source",
    ),
    pytest.param(
        '{"parties": {"org:imf": "IMF", "org:imf": "Fund"}, "entries": []}',
        Problem(
            "t.json",
            "parties",
            "org:imf",
            twice("org:imf", (1, 32), (1, 14)),
        ),
        id="party",
    ),
    pytest.param(
        '{"entries": [{"kind": "remittance", "id": "r", "migrants": '
        '{"amount": "1 million person", "amount": "2 million person"}}]}',
        Problem(
            "t.json",
            "entries[0] (r)",
            "migrants.amount",
            twice("amount", (1, 91), (1, 61)),
        ),
        id="nested-figure-table",
    ),
    pytest.param(
        '{"entries": [], "extra": [[{"a": 1, "a": 2}]]}',
        Problem("t.json", None, "extra.0.0.a", twice("a", (1, 37), (1, 29))),
        id="array-of-arrays-outside-the-entries",
    ),
    pytest.param(
        '{"entries": [[{"id": "x", "id": "y"}]]}',
        Problem("t.json", "entries[0]", "0.id", twice("id", (1, 27), (1, 16))),
        id="array-of-arrays-in-the-entries",
    ),
    pytest.param(
        r'{"entries": [{"quote": "he said \": yes\"", "a\"b" : 1, "a\"b" : 2}]}',
        Problem("t.json", "entries[0]", 'a"b', twice('a"b', (1, 57), (1, 45))),
        id="escaped-quotes-and-space-before-the-colon",
    ),
    pytest.param(
        '{"entries": [], "": {"a": 1, "a": 2}}',
        Problem("t.json", None, ".a", twice("a", (1, 30), (1, 22))),
        id="under-the-empty-key",
    ),
]


@pytest.mark.parametrize(("text", "problem"), DUPLICATES)
def test_a_json_key_given_twice_is_refused_with_where_it_is(text, problem):
    with pytest.raises(lg.LedgerFileError) as refused:
        lg.loads(text, format="json", name="t.json")
    assert refused.value.problems == (problem,)


def test_a_json_key_given_twice_is_found_should_json_refuse_the_text(monkeypatch):
    class Refusing:
        def decode(self, text):
            raise ValueError("refused")

    monkeypatch.setattr(ledger.files, "_JSON", Refusing())
    text, problem = DUPLICATES[0].values
    with pytest.raises(lg.LedgerFileError) as refused:
        lg.loads(text, format="json", name="t.json")
    assert refused.value.problems == (problem,)


def test_each_key_given_twice_is_listed():
    text = '{"title": "a", "title": "b", "entries": [{"id": "x", "id": "x", "id": "y"}]}'
    with pytest.raises(lg.LedgerFileError) as refused:
        lg.loads(text, format="json", name="t.json")
    assert refused.value.problems == (
        Problem("t.json", None, "title", twice("title", (1, 16), (1, 2))),
        Problem("t.json", "entries[0] (x)", "id", twice("id", (1, 54), (1, 43))),
        Problem("t.json", "entries[0] (x)", "id", twice("id", (1, 65), (1, 43))),
    )


# -- counting keys: a text dumps writes is read once ------------------------------------------

TRICKY = [
    "a: b",
    "https://example.org/a:b",
    '":',
    'x": {"y": 1}',
    '"":""',
    "C:\\path\\",
    '{"a": 1, "a": 2}',
]


@pytest.mark.parametrize("words", TRICKY)
def test_counting_clears_every_json_text_dumps_writes(words):
    text = lg.Ledger([claim(quote=words, note=words)]).dumps("json")
    assert ledger.files._keys_counted_unique(text, json.loads(text))


@pytest.mark.parametrize(
    "text",
    [
        '{"a": 1, "a": 2}',
        '{"a": "x\\":", "a": 2}',
        '{"a\\\\": 1, "a\\\\": 2}',
        '{"b": {"a": 1}, "c": [{"a": 1, "a": 1}]}',
        '{"a" : 1, "a" : 1, "b": ":"}',
    ],
)
def test_counting_never_clears_a_text_with_a_repeated_key(text):
    assert not ledger.files._keys_counted_unique(text, json.loads(text))


@pytest.mark.parametrize("words", TRICKY)
def test_a_json_text_dumps_writes_is_parsed_once(words, monkeypatch):
    book = lg.Ledger([claim(quote=words, note=words)])
    text = book.dumps("json")

    class Counting:
        calls = 0

        def decode(self, text):
            Counting.calls += 1
            return json.loads(text)

    monkeypatch.setattr(ledger.files, "_JSON", Counting())
    assert lg.loads(text, format="json") == book
    assert Counting.calls == 0


# -- refusals that say what was wrong -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "format", "message"),
    [
        ("title = ", "toml", "not valid TOML: Invalid value (at end of document)"),
        ("{title = }", "json", "not valid JSON: key must be a string at line 1 column 2"),
    ],
)
def test_text_that_is_neither_toml_nor_json_is_refused_without_a_hint(text, format, message):
    with pytest.raises(lg.LedgerFileError) as refused:
        lg.loads(text, format=format, name="t")
    assert refused.value.problems == (Problem("t", None, None, message),)


def test_json_named_toml_gets_a_hint():
    with pytest.raises(lg.LedgerFileError) as refused:
        lg.loads('{"entries": []}', format="toml", name="t.toml")
    [problem] = refused.value.problems
    assert problem.message.endswith(
        "; it reads as JSON: name the file .json (or pass format='json')"
    )


def test_validation_problems_of_a_single_entry_name_no_entry():
    with pytest.raises(ValidationError) as refused:
        lg.Claim.model_validate({**claim(), "creditor": None, "debtor": None})
    problems = ledger.files.validation_problems(refused.value, "x.toml", [])
    assert [(p.file, p.entry, p.field) for p in problems] == [
        ("x.toml", None, "creditor"),
        ("x.toml", None, "debtor"),
    ]
    with pytest.raises(ValidationError) as refused:
        lg.Claim.model_validate("text")
    assert ledger.files.validation_problems(refused.value, "x.toml", []) == [
        Problem("x.toml", None, None, "str 'text' is not a table of key = value pairs")
    ]


def test_a_bad_item_of_a_list_is_named_by_its_place():
    remittance = {
        "kind": "remittance",
        "id": "tj-remit",
        "as_of": "2004-03-15",
        "source": RFERL,
        "origin": ["RU", "kz"],
        "destination": "TJ",
        "amount": "300 million USD/year",
    }
    with pytest.raises(lg.LedgerFileError) as refused:
        lg.Ledger([remittance])
    [problem] = refused.value.problems
    assert (problem.file, problem.entry, problem.field) == (
        None,
        "entries[0] (tj-remit)",
        "origin.1",
    )


# -- the schema ---------------------------------------------------------------------------------


def test_the_schema_takes_a_source_id_and_a_figure_beside_its_entry():
    schema = lg.schema()
    assert schema["required"] == ["entries"]
    defs = schema["$defs"]
    assert sorted(defs) == [
        "Budget",
        "Claim",
        "DebtStock",
        "FigureTable",
        "GDP",
        "Rate",
        "Remittance",
        "Settlement",
        "Share",
        "Source",
    ]
    claim_schema = defs["Claim"]
    assert claim_schema["description"] == (
        "claim: What ``debtor`` owes ``creditor``, as ``asserted_by`` says: a stock."
    )
    # The amount may be given as its parts (low and high for a range) beside the entry.
    assert claim_schema["required"] == [
        "id",
        "as_of",
        "source",
        "creditor",
        "debtor",
        "asserted_by",
    ]
    assert "rate" not in defs["Rate"]["required"]
    assert claim_schema["properties"]["source"] == {
        "type": "string",
        "description": "the id of a table under [sources]",
    }
    assert claim_schema["properties"]["low"] == {
        "type": "string",
        "description": "a range's lower bound, as text",
    }
    assert defs["Source"]["required"] == ["publisher", "title", "date"]
    assert schema["properties"]["sources"]["additionalProperties"] == {"$ref": "#/$defs/Source"}
    for kind, name in [("budget", "Budget"), ("rate", "Rate"), ("settlement", "Settlement")]:
        assert defs[name]["description"].startswith(f"{kind}: ")


def test_a_source_id_read_from_a_file_is_kept_when_a_new_source_comes_first():
    read = lg.loads(
        """\
[sources.interfax-2013-05-08]
publisher = "Interfax"
title = "Read from the file"
date = 2013-05-08

[[entries]]
kind = "claim"
id = "read"
as_of = 2004-03-15
source = "interfax-2013-05-08"
creditor = "RU"
debtor = "TJ"
asserted_by = "RU"
amount = "300 million USD"
"""
    )
    both = lg.Ledger([claim(id="added", source=interfax("Added in code"))]) + read
    sources = both.to_data()["sources"]
    assert sources["interfax-2013-05-08"]["title"] == "Read from the file"


# -- what a refused file says, word for word (messages a user reads and acts on) ----------------

_S = '[sources.s]\npublisher = "P"\ntitle = "T"\ndate = 2004-01-01\n\n'
_CLAIM_C1 = (
    '[[entries]]\nkind = "claim"\nid = "c1"\nas_of = 2004-01-01\nsource = "s"\n'
    'creditor = "ru"\ndebtor = "TJ"\nasserted_by = "RU"\namount = "1 USD"\n\n'
)
_SETTLES_C1 = (
    '[[entries]]\nkind = "settlement"\nid = "s1"\nas_of = 2004-02-01\nsource = "s"\n'
    'claim = "c1"\namount = "1 USD"\nmethod = "payment"\n'
)
_RATE = (
    '[[entries]]\nkind = "rate"\nid = "r1"\nas_of = 2004-01-01\nsource = "s"\n'
    'rate = "28 RUB/USD"\n\n'
)


@pytest.mark.parametrize(
    ("text", "format", "lines"),
    [
        ("entries = 3\n", "toml", ["f: entries: must be an array of tables"]),
        ("[]", "json", ["f: the top level must be a table with [[entries]]"]),
        ('{"title": 3, "entries": []}', "json", ["f: title: must be text"]),
        (
            'parties = 3\n[[entries]]\nkind = "rate"\n',
            "toml",
            ["f: parties: must be a table of party = name"],
        ),
        (
            "sources = 3\n" + _RATE,
            "toml",
            ["f: sources: must be a table of [sources.<id>] tables"],
        ),
        (
            "\ufefftitle = 'x'\n",
            "toml",
            [
                "f: the text starts with a byte order mark (BOM, U+FEFF); save the file as "
                "UTF-8 without a BOM"
            ],
        ),
        (
            _RATE,
            "toml",
            [
                "f: entries[0] (r1): source: source 's' is not declared under [sources]; "
                "declared: none declared"
            ],
        ),
        (
            _S + _RATE + _CLAIM_C1 + _SETTLES_C1,
            "toml",
            [
                "f: entries[1] (c1): creditor: party 'ru' is not an ISO 3166 alpha-2 code known "
                "to CLDR (codes are upper-case: 'RU') nor an 'org:' slug such as 'org:imf'",
                "f: entries[2] (s1): claim: claim 'c1' was refused above (entries[1]); fix it, "
                "and this settlement is checked against it",
            ],
        ),
    ],
)
def test_a_refused_file_says_each_problem_in_words(text, format, lines):
    with pytest.raises(lg.LedgerFileError) as refused:
        lg.loads(text, format=format, name="f")
    said = str(refused.value).splitlines()
    assert said[1 : len(lines) + 1] == [f"  - {line}" for line in lines]


def test_text_that_is_neither_str_nor_bytes_points_to_load():
    with pytest.raises(lg.LedgerError, match=r"not int; to read a file, use lg\.load\(path\)$"):
        lg.loads(3)


_TWO_SOURCES = (
    '[sources.a]\npublisher = "P"\ntitle = "T"\ndate = 2004-01-01\n\n'
    '[sources.b]\npublisher = "Q"\ntitle = "T"\ndate = 2004-01-01\n\n'
)


@pytest.mark.parametrize(
    ("source", "kind", "line"),
    [
        ('"c"', '"rate"', "source: source 'c' is not declared under [sources]; declared: a, b"),
        (
            "3",
            '"rate"',
            "source: int 3 is not a source id; write the id of a table under [sources], e.g. "
            'source = "rferl"',
        ),
        (
            '"a"',
            '["rate"]',
            "kind ['rate'] is not known; accepted: claim, remittance, budget, settlement, rate, "
            "gdp, debt_stock, share",
        ),
    ],
)
def test_an_entry_with_a_bad_source_or_kind_is_one_problem_in_words(source, kind, line):
    text = _TWO_SOURCES + (
        f'[[entries]]\nkind = {kind}\nid = "r1"\nas_of = 2004-01-01\nsource = {source}\n'
        'rate = "28 RUB/USD"\n'
    )
    with pytest.raises(lg.LedgerFileError) as refused:
        lg.loads(text, name="f")
    assert str(refused.value).splitlines()[1:] == [f"  - f: entries[0] (r1): {line}"]


def test_reading_a_callers_data_leaves_it_as_it_was():
    row = {"kind": "rate", "id": "r1", "as_of": "2004-01-01", "source": "a", "rate": "1 RUB/USD"}
    data = {"sources": {"a": {"publisher": "P", "title": "T", "date": "2004-01-01"}}}
    data["entries"] = [row]
    book = lg.from_data(data)
    assert row["source"] == "a" and book["r1"].source.publisher == "P"
