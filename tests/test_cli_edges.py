"""The command line without rough edges (issue 15, part 4): one day option, figures with
qualifiers, case hints, --json everywhere in one shape, refusals as JSON, any terminal
encoding, hostile text from files shown escaped, counted words, examples from any folder."""

import json
import os
import re
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ledger as lg
import ledger.strategies as lst
from ledger.cli import COMMANDS, figure_from_json, figure_json, main
from ledger.terminal import is_safe

ROOT = Path(__file__).resolve().parent.parent
KG, TJ = "kg-ru-2012", "tj-ru-2004"


def cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def run(*args, env=None, cwd=None):
    done = subprocess.run(
        [sys.executable, "-m", "ledger", *args],
        capture_output=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        cwd=cwd,
    )
    assert b"Traceback" not in done.stderr, done.stderr
    return done


# -- every command, and its JSON ---------------------------------------------------------------

#: Where the commands that write files write them, and a World Bank file to import.
OUT = Path(tempfile.mkdtemp(prefix="debt-ledger-cli-edges-"))
WDI = OUT / "API_NY.GDP.MKTP.CD_DS2_en_csv_v2.csv"
WDI.write_text(
    '\ufeff"Data Source","World Development Indicators",\n\n'
    '"Last Updated Date","2016-05-02",\n\n'
    '"Country Name","Country Code","Indicator Name","Indicator Code","2011","2012",\n'
    '"Kyrgyz Republic","KGZ","GDP (current US$)","NY.GDP.MKTP.CD","6197766119","6605139933",\n',
    encoding="utf-8",
)

#: Every command once on a good ledger (each answers), by the command's name.
ANSWERS = {
    "report": ("report", "--example", KG, "-o", str(OUT / "kg.html"), "--on", "2013-12-31"),
    "import": ("import", "worldbank", str(WDI), "-o", str(OUT / "wdi.toml")),
    "summary": ("summary", "--example", KG, "--on", "2013-12-31"),
    "net": ("net", "--example", KG, "KG", "RU", "--on", "2013-12-31", "--explain"),
    "positions": ("positions", "--example", KG, "--on", "2013-12-31"),
    "settle": ("settle", "--example", KG, "--on", "2013-12-31"),
    "ratios": ("ratios", "--example", KG, "KG", "--on", "2013-12-31"),
    "convert": ("convert", "--example", KG, "about 2 billion USD", "KGS", "--on", "2013-12-31"),
    "validate": ("validate", "--example", KG),
    "examples": ("examples",),
    "schema": ("schema",),
}

#: Every command refused, each for a reason of its own.
REFUSALS = {
    "report": ("report", "--example", KG, "-o", "/no/such/folder/kg.html"),
    "import": ("import", "worldbank", "/no/such/API_file.csv", "-o", str(OUT / "none.toml")),
    "summary": ("summary", "--example", "kg-ru-2099"),
    "net": ("net", "--example", KG, "KG", "US"),
    "positions": ("positions", "--example", KG, "--convert-to", "EUR"),
    "settle": ("settle", "--example", KG, "--convert-to", "kgs"),
    "ratios": ("ratios", "--example", TJ, "RU"),
    "convert": ("convert", "--example", KG, "300 million USD", "RUB"),
    "validate": ("validate", "/no/such/ledger.toml"),
    "examples": ("examples", "--on", "2013-12-31"),
    "schema": ("schema", "--example", KG),
}

AMOUNT_KEYS = {
    "full",
    "value",
    "currency",
    "unit",
    "qualifier",
    "low",
    "high",
    "low_inclusive",
    "high_inclusive",
    "approximate",
    "places",
    "text",
}


def test_the_tables_name_every_command():
    assert set(ANSWERS) == set(COMMANDS) == set(REFUSALS)


def _amounts(data, path="$"):
    """Every object in the JSON that is an amount (it has a qualifier), with where it is."""
    if isinstance(data, dict):
        if "qualifier" in data:
            yield path, data
        for key, value in data.items():
            yield from _amounts(value, f"{path}.{key}")
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _amounts(value, f"{path}[{i}]")


def _check_amount(where, amount):
    assert set(amount) == AMOUNT_KEYS, where
    for key in ("value", "low", "high"):
        number = amount[key]
        assert number is None or (isinstance(number, str) and lg.ureg), where
        if number is not None:
            float(number)  # digits only: no unit inside, no word
            assert " " not in number, where
    currency = amount["currency"]
    assert currency is None or (currency in amount["unit"].split("/") and len(currency) == 3)
    assert isinstance(amount["approximate"], bool) and isinstance(amount["text"], str), where
    assert (amount["low"] is None) == (amount["low_inclusive"] is None), where
    assert (amount["high"] is None) == (amount["high_inclusive"] is None), where


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_every_command_answers_in_json_with_every_amount_in_one_shape(name, capsys):
    code, out, err = cli(capsys, *ANSWERS[name], "--json")
    assert code == 0, err
    data = json.loads(out)
    amounts = [] if name == "schema" else list(_amounts(data))  # the file format's schema
    for where, amount in amounts:
        _check_amount(where, amount)
    if name not in ("validate", "examples", "schema", "report", "import"):  # files written
        assert amounts, "a report with figures shows them as amounts"
    assert "amount': '" not in str(data)  # the old nesting {"amount": "300000000 USD"}


def test_amounts_give_the_number_and_currency_apart(capsys):
    _, out, _ = cli(capsys, *ANSWERS["convert"], "--json")
    data = json.loads(out)
    assert data["from"] == {
        "value": "2000000000",
        "currency": "USD",
        "unit": "USD",
        "qualifier": "about",
        "low": "2000000000",
        "high": "2000000000",
        "low_inclusive": True,
        "high_inclusive": True,
        "approximate": True,
        "places": None,
        "text": "about $2B",
        "full": None,  # nothing rounded: the numbers above are the figure's own
    }
    # 2,000M × 48.6197 KGS/USD = 97,239.4M som, "about", given to the places the figure
    # carries (hundred millions: 97,200M), as its text says it (issue 15)
    assert (data["to"]["currency"], data["to"]["qualifier"]) == ("KGS", "about")
    assert (data["to"]["value"], data["to"]["places"]) == ("97200000000", -8)
    assert data["to"]["text"] == "about KGS97.2B"
    # its bounds outwards to those places, so "about 97,239.4M" lies between them
    assert (data["to"]["low"], data["to"]["high"]) == ("97200000000", "97300000000")
    assert data["to"]["full"]["low"] == data["to"]["full"]["high"] == "97239400000.0000"


def test_summary_balances_say_their_currency(capsys):
    _, out, _ = cli(capsys, *ANSWERS["summary"], "--json")
    [balance] = json.loads(out)["balances"]
    assert balance["currency"] == "USD" and balance["amount"]["currency"] == "USD"
    assert balance["amount"]["value"] == "300000000"  # 488.9M less 188.9M written off


@pytest.mark.parametrize("name", sorted(REFUSALS))
def test_every_command_refuses_in_json_with_an_error_object_on_stdout(name, capsys):
    code, out, err = cli(capsys, *REFUSALS[name], "--json")
    assert code in (1, 2), err
    error = json.loads(out)["error"]
    assert set(error) >= {"kind", "message"} and error["message"], error
    assert (error["kind"] == "usage") == (code == 2)
    assert "Traceback" not in out + err


@pytest.mark.parametrize("name", sorted(REFUSALS))
def test_every_refusal_in_text_goes_to_stderr_alone(name, capsys):
    code, out, err = cli(capsys, *REFUSALS[name])
    assert code in (1, 2) and out == "" and err.strip()


def test_validate_json_lists_each_problem_of_a_bad_file(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[sources.a]\npublisher = "A"\ntitle = "T"\ndate = 2013-01-01\n\n'
        '[[entries]]\nkind = "claim"\nid = "c1"\nas_of = 2013-01-01\nsource = "a"\n'
        'creditor = "ru"\ndebtor = "KG"\nasserted_by = "RU"\namount = "ten USD"\n',
        encoding="utf-8",
    )
    code, out, _ = cli(capsys, "validate", str(bad), "--json")
    assert code == 1
    error = json.loads(out)["error"]
    assert error["kind"] == "invalid_file"
    fields = {(p["entry"], p["field"]) for p in error["problems"]}
    assert fields == {("entries[0] (c1)", "creditor"), ("entries[0] (c1)", "amount")}
    assert all(p["file"] == str(bad) for p in error["problems"])


def test_schema_takes_json_as_every_command_does(capsys):
    code, out, _ = cli(capsys, "schema", "--json")
    assert code == 0
    assert json.loads(out) == json.loads((ROOT / "data" / "ledger.schema.json").read_text())


def test_a_usage_error_in_json_is_an_error_object_too(capsys):
    code, out, err = cli(capsys, "net", "--example", KG, "KG", "--json")
    assert code == 2 and err == ""
    assert json.loads(out) == {
        "error": {"kind": "usage", "message": "the following arguments are required: creditor"}
    }


def test_ratios_with_nothing_answerable_list_why_in_the_error_object(capsys):
    code, out, _ = cli(capsys, "ratios", "--example", TJ, "RU", "--json")
    assert code == 1
    error = json.loads(out)["error"]
    assert error["message"].startswith("no ratio can be computed for RU")
    assert {u["question"] for u in error["unanswered"]} >= {"debt_to_budget"}


# -- figures, codes and days as a user types them ----------------------------------------------


@pytest.mark.parametrize(
    ("amount", "first_line"),
    [
        ("about 2 billion USD", "about KGS97.2B"),
        ("2 billion USD", "KGS97.2B"),
        ("more than 2 billion USD", "more than KGS97.2B"),
        ("some 2 billion USD", "about KGS97.2B"),
    ],
)
def test_convert_reads_a_figure_as_files_do(amount, first_line, capsys):
    code, out, err = cli(capsys, "convert", "--example", KG, amount, "KGS", "--on", "2013-12-31")
    assert code == 0, err
    assert out.splitlines()[0] == first_line


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            ("convert", "--example", KG, "2 billion USD", "kgs"),
            "currency codes are upper case: KGS",
        ),
        (("net", "--example", KG, "KG", "RU", "--currency", "usd"), "upper case: USD"),
        (("positions", "--example", KG, "--convert-to", "kgs"), "upper case: KGS"),
        (("ratios", "--example", KG, "KG", "--via", "usd"), "upper case: USD"),
        (("net", "--example", KG, "kg", "RU"), "codes are upper-case: 'KG'"),
    ],
)
def test_a_code_in_lower_case_gets_the_upper_case_hint(args, words, capsys):
    code, out, err = cli(capsys, *args)
    assert code == 1 and out == ""
    assert words in err


@pytest.mark.parametrize("name", ["net", "positions", "settle"])
def test_via_without_convert_to_is_refused_in_words(name, capsys):
    args = {"net": ("KG", "RU")}.get(name, ())
    code, out, err = cli(capsys, name, "--example", KG, *args, "--via", "USD")
    assert code == 2 and out == ""
    assert "--via USD converts through a third currency, and only together with --convert-to" in err


def test_the_via_suggestion_comes_from_the_library_not_from_a_message(capsys, tmp_path):
    # Rates RUB/USD and KGS/USD but none RUB/KGS: --via USD is suggested, from the rates.
    path = tmp_path / "through.toml"
    book = lg.example(KG)
    path.write_text(
        book.dumps() + '\n[[entries]]\nkind = "rate"\nid = "rub-usd"\nas_of = 2013-09-30\n'
        'source = "illustrative"\nrate = "32.7 RUB/USD"\n'
        '\n[sources.illustrative]\npublisher = "tests"\ntitle = "T"\ndate = 2013-09-30\n',
        encoding="utf-8",
    )
    code, _, err = cli(capsys, "convert", str(path), "327 RUB", "KGS", "--on", "2013-12-31")
    assert code == 1
    assert "Or give --via USD to convert through USD (there are RUB/USD and USD/KGS rates)" in err


# -- which parties a summary asks about ------------------------------------------------------


def test_summary_asks_no_budget_question_of_a_counterclaims_debtor(capsys):
    # The seed: Russia's claim on Tajikistan, Tajikistan's counterclaim on Russia. Russia
    # has no budget in the file, and the file is not about Russia's budget.
    code, out, _ = cli(capsys, "summary", "--example", TJ, "--json")
    assert code == 0
    data = json.loads(out)
    assert [u for u in data["unanswered"] if u["party"] == "RU"] == []
    assert {r["party"] for r in data["ratios"]} == {"TJ"}


def test_summary_of_a_file_with_no_budget_asks_its_debtor_for_one(tmp_path, capsys):
    path = tmp_path / "claims.toml"
    path.write_text(
        '[sources.a]\npublisher = "A"\ntitle = "T"\ndate = 2013-01-01\n\n'
        '[[entries]]\nkind = "claim"\nid = "c1"\nas_of = 2013-01-01\nsource = "a"\n'
        'creditor = "RU"\ndebtor = "KG"\nasserted_by = "RU"\namount = "300 million USD"\n\n'
        '[[entries]]\nkind = "claim"\nid = "c2"\nas_of = 2013-01-01\nsource = "a"\n'
        'creditor = "KG"\ndebtor = "RU"\nasserted_by = "KG"\namount = "50 million USD"\n'
        'counter_to = "c1"\n',
        encoding="utf-8",
    )
    _, out, _ = cli(capsys, "summary", str(path), "--json")
    parties = {u["party"] for u in json.loads(out)["unanswered"]}
    assert parties == {"KG"}


# -- counted words ----------------------------------------------------------------------------


def test_validate_counts_entries_in_words(tmp_path, capsys):
    path = tmp_path / "one.toml"
    path.write_text(
        '[sources.a]\npublisher = "A"\ntitle = "T"\ndate = 2013-01-01\n\n'
        '[[entries]]\nkind = "rate"\nid = "r"\nas_of = 2013-01-01\nsource = "a"\n'
        'rate = "47 KGS/USD"\n',
        encoding="utf-8",
    )
    assert cli(capsys, "validate", str(path))[1] == f"{path}: valid, 1 entry (rate)\n"
    assert cli(capsys, "validate", "--example", KG)[1].endswith(
        "valid, 10 entries (budget, claim, rate, remittance, settlement)\n"
    )
    ru = cli(capsys, "validate", "--example", KG, "--locale", "ru_RU")[1]
    assert ru == f"{KG}: без ошибок, 10 записей (budget, claim, rate, remittance, settlement)\n"
    tg = cli(capsys, "validate", str(path), "--locale", "tg_TJ")[1]
    assert "1 сабт" in tg


# -- examples from any folder -----------------------------------------------------------------


def test_examples_prints_where_each_examples_file_is(capsys):
    _, out, _ = cli(capsys, "examples", "--json")
    listed = json.loads(out)
    assert set(listed) == {KG, TJ}
    for name, shown in listed.items():
        assert lg.loads(Path(shown["path"]).read_text(encoding="utf-8")) == lg.example(name)
    _, text, _ = cli(capsys, "examples")
    assert all(shown["path"] in text for shown in listed.values())


@pytest.mark.parametrize("name", sorted(n for n, c in COMMANDS.items() if c.file is not None))
def test_every_command_that_reads_a_file_takes_example_from_any_folder(name, tmp_path):
    args = [a for a in ANSWERS[name] if a != "--explain"]
    done = run(*args, cwd=tmp_path)
    assert done.returncode == 0, done.stderr


def test_a_file_and_an_example_at_once_are_refused(capsys):
    code, out, err = cli(capsys, "summary", "some.toml", "--example", KG)
    assert code == 2 and out == "" and "give FILE or --example NAME, not both" in err


def test_an_unknown_example_lists_the_examples(capsys):
    code, _, err = cli(capsys, "net", "--example", "kg-ru-2099", "KG", "RU")
    assert code == 1 and f"the examples: {KG}, {TJ}" in err


# -- any terminal encoding --------------------------------------------------------------------

TERMINAL = [
    ("settle", "--example", TJ),
    ("settle", "--example", TJ, "--locale", "ru_RU"),
    ("summary", "--example", KG, "--locale", "ru_RU", "--on", "2013-12-31"),
    ("summary", "--example", TJ, "--locale", "tg_TJ"),
    ("net", "--example", KG, "KG", "RU", "--explain", "--on", "2013-12-31"),
    ("convert", "--example", KG, "about 2 billion USD", "KGS", "--locale", "ru_RU"),
    ("ratios", "--example", TJ, "TJ", "--locale", "ru_RU", "--json"),
    ("examples",),
    ("net", "--example", KG, "kg", "RU", "--locale", "ru_RU"),
    ("summary", "--help"),
]


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
@pytest.mark.parametrize("args", TERMINAL, ids=lambda args: " ".join(args[:1] + args[3:]))
def test_output_is_safe_on_any_terminal_encoding(args, encoding):
    done = run(*args, env={"PYTHONIOENCODING": encoding})
    assert done.returncode in (0, 1), done.stderr
    out, err = done.stdout.decode(encoding), done.stderr.decode(encoding)
    assert out or err
    if encoding == "ascii":
        assert (out + err).isascii()
    if "--json" in args:
        json.loads(out)  # ASCII escapes: still JSON, the same data
        assert json.loads(out) == json.loads(run(*args).stdout.decode("utf-8"))


def test_an_ascii_terminal_reads_arrows_and_russian_in_ascii():
    out = run("settle", "--example", TJ, "--locale", "ru_RU", env={"PYTHONIOENCODING": "ascii"})
    assert out.stdout.decode("ascii").startswith("Tadzhikistan -> Rossiya: okolo")


# -- hostile text from a file -----------------------------------------------------------------

#: Text that must never reach a terminal raw: controls, escapes, bidi marks.
HOSTILE_TEXT = [
    "NUL\x00here",
    "ESC\x1b[2J\x1b]0;title\x07cleared",
    "BEL\x07",
    "C1\x85\x9b31m",
    "RLO\u202eevil.exe",
    "isolate\u2066x\u2069",
    "LRM\u200e and ZWJ\u200d",
    "DEL\x7f",
    "line\u2028separator",
]

#: The text fields of a file, each by the first line that holds it in the KG example.
FIELDS = {
    "title": "title = ",
    "description": "description = ",
    "publisher": "publisher = ",
    "place": "place = ",
    "quote": "quote = ",
    "note": "note = ",
    "party name": "ru = ",  # the KG example's Russian name of KG, in [parties.KG.name]
}


def _hostile_file(folder, field, text):
    """The KG example with ``text`` in one of its text fields."""
    lines = lg.example(KG).dumps().splitlines()
    quoted = json.dumps(text)  # a TOML basic string reads JSON's escapes
    key = FIELDS[field]
    at = next(i for i, line in enumerate(lines) if line.startswith(key))
    lines[at] = f"{key}{quoted}"
    path = folder / f"hostile-{len(list(folder.iterdir()))}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert text in _strings(lg.load(path).to_data())  # the text reached the ledger
    return str(path)


def _strings(data):
    if isinstance(data, str):
        return [data]
    values = data.values() if isinstance(data, dict) else data if isinstance(data, list) else []
    return [text for value in values for text in _strings(value)]


def _every_command(path):
    return [
        ("summary", path, "--on", "2013-12-31"),
        ("summary", path, "--json"),
        ("net", path, "KG", "RU", "--explain", "--on", "2013-12-31"),
        ("net", path, "KG", "RU", "--json"),
        ("positions", path),
        ("settle", path, "--locale", "ru_RU"),
        ("ratios", path, "KG", "--on", "2013-12-31"),
        ("ratios", path, "KG", "--json"),
        ("convert", path, "2 billion USD", "KGS"),
        ("convert", path, "2 billion USD", "KGS", "--json"),
        ("validate", path),
    ]


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_hostile_text_in_a_file_reaches_no_terminal_raw(field, text, tmp_path, capsys):
    path = _hostile_file(tmp_path, field, text)
    for args in _every_command(path):
        code, out, err = cli(capsys, *args)
        assert code in (0, 1), (args, err)
        assert is_safe(out) and is_safe(err), (args, out, err)
        if "--json" in args:
            json.loads(out)


def test_hostile_text_is_shown_escaped_and_json_gives_it_back(tmp_path, capsys):
    path = _hostile_file(tmp_path, "party name", "RLO\u202eevil")
    day = ("--on", "2013-12-31", "--locale", "ru_RU")  # the file names KG in Russian only
    _, out, _ = cli(capsys, "net", path, "KG", "RU", *day)
    assert "RLO\\u202eevil" in out and "\u202e" not in out
    _, out, _ = cli(capsys, "net", path, "KG", "RU", *day, "--json")
    assert "RLO\u202eevil" in json.loads(out)["sentence"]


def _hostile_texts():
    alphabet = st.sampled_from([*"\x00\x07\x1b\x7f\x85\x9b\u202e\u2066\u200f\u061c", "a", "Ж"])
    return st.text(alphabet | st.characters(exclude_categories=["Cs"]), max_size=12)


@settings(max_examples=25, deadline=None)
@given(book=lst.ledgers(max_entries=6, text=_hostile_texts()))
def test_no_raw_control_or_bidi_character_reaches_the_terminal(book):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "drawn.toml"
        path.write_text(book.dumps(), encoding="utf-8")
        _every_command_is_safe(book, path)


def _every_command_is_safe(book, path):
    parties = sorted({p for e in book.claims() for p in (e.creditor, e.debtor)}) or ["KG", "RU"]
    commands = [
        ("summary", str(path)),
        ("summary", str(path), "--json"),
        ("net", str(path), parties[0], parties[-1], "--explain"),
        ("positions", str(path), "--json"),
        ("settle", str(path)),
        ("ratios", str(path), parties[0]),
        ("convert", str(path), "1 USD", "EUR", "--json"),
        ("validate", str(path)),
        ("report", str(path), "-o", str(path.with_suffix(".html"))),  # its charts' warnings too
    ]
    for args in commands:
        out, err = _captured(args)
        assert is_safe(out) and is_safe(err), (args, out, err)


def _captured(args):
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    assert code in (0, 1, 2), err.getvalue()
    assert "Traceback" not in err.getvalue()
    return out.getvalue(), err.getvalue()


# -- the JSON of a figure gives the figure back --------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(figure=lst.figures())
def test_a_figures_json_gives_the_figure_back(figure):
    shown = figure_json(figure)
    assert set(shown) == AMOUNT_KEYS
    assert figure_from_json(json.loads(json.dumps(shown))) == figure  # design point 11
    for key in ("value", "low", "high"):  # none more precise than the figure's places
        if shown[key] is not None and figure.places is not None:
            assert -Decimal(shown[key]).as_tuple().exponent <= max(figure.places, 0)
    if shown["value"] is not None:  # the value within its bounds
        assert shown["low"] is None or Decimal(shown["low"]) <= Decimal(shown["value"])
        assert shown["high"] is None or Decimal(shown["value"]) <= Decimal(shown["high"])


def test_a_reader_that_stops_reading_gets_no_traceback():
    # `debt-ledger schema | true`: the reader is gone before the schema is written (as with
    # `| head` on a longer output).
    done = subprocess.run(
        f"{sys.executable} -m ledger schema | true",
        shell=True,
        capture_output=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert done.stderr == b""


def test_a_stream_that_is_never_encoded_takes_every_character():
    # io.StringIO (a caller running main in its own process) has no encoding: nothing is
    # transliterated, and hostile characters are still escaped.
    out, _ = _captured(("settle", "--example", TJ, "--locale", "ru_RU"))
    assert out.startswith("Таджикистан → Россия: около")


#: Hostile text typed on the command line itself, for each command: refused, and shown escaped.
ESC, RLO = "\x1b[2J", "\u202e"
HOSTILE_ARGUMENTS = [
    ("summary", f"ledger{ESC}.toml"),
    ("summary", "--example", f"kg{RLO}"),
    ("summary", "--locale", f"ru{ESC}"),
    ("net", "--example", KG, f"K{ESC}G", "RU"),
    ("net", "--example", KG, "KG", "RU", "--currency", f"US{RLO}D"),
    ("positions", "--example", KG, "--convert-to", f"\x07{ESC}"),
    ("settle", "--example", KG, "--rates", f"rates{RLO}.toml"),
    ("ratios", "--example", KG, f"KG{ESC}"),
    ("ratios", "--example", KG, "KG", "--via", f"U{RLO}SD"),
    ("convert", "--example", KG, f"{ESC}300 million USD", "KGS"),
    ("convert", "--example", KG, "300 million USD", f"KGS{RLO}"),
    ("convert", "--example", KG, "1 USD", "KGS", "--on", f"2013{ESC}"),
    ("validate", f"/no/such/{RLO}file.toml"),
    ("examples", f"{ESC}"),
    ("schema", f"--{RLO}"),
    (f"summ{ESC}ary",),
]


@pytest.mark.parametrize("args", HOSTILE_ARGUMENTS, ids=lambda args: args[0].encode().hex()[:12])
@pytest.mark.parametrize("json_output", [False, True])
def test_hostile_arguments_are_refused_and_shown_escaped(args, json_output, capsys):
    code, out, err = cli(capsys, *args, *(("--json",) if json_output else ()))
    assert code in (1, 2), (out, err)
    assert is_safe(out) and is_safe(err), (out, err)
    if json_output:
        assert json.loads(out)["error"]["message"]
    else:
        assert out == "", out
        assert "\\x1b" in err or "\\u202e" in err, err  # the user's own text, escaped


# -- competing GDPs on the command line (issue 13, the user's re-check) -------------------------

_PYTHON_WORDS = r"\b[a-z_]+=|\blg\.|source='"


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
    return str(book.save(tmp_path / "two-gdps.toml"))


@pytest.mark.parametrize("command", ["ratios", "summary"])
def test_competing_gdps_are_refused_in_the_command_lines_words(tmp_path, capsys, command):
    path = _two_gdps(tmp_path)
    args = (command, path, "KG") if command == "ratios" else (command, path)
    code, out, err = cli(capsys, *args, "--on", "2013-12-31")
    assert code == 0, err
    assert "2 GDP entries for KG speak for 2012" in out
    assert "--source" in out
    assert re.search(_PYTHON_WORDS, out + err) is None, out + err


@pytest.mark.parametrize("command", ["ratios", "summary"])
def test_source_chooses_the_gdp_on_the_command_line(tmp_path, capsys, command):
    path = _two_gdps(tmp_path)
    args = (command, path, "KG") if command == "ratios" else (command, path)
    code, out, err = cli(capsys, *args, "--on", "2013-12-31", "--source", "World Bank", "--json")
    assert code == 0, err
    data = json.loads(out)
    ratios = data if command == "ratios" else data["ratios"]
    gdp = [r for r in ratios if r.get("question") == "debt_to_gdp" and r.get("answered", True)]
    assert gdp and gdp[0]["year"] == 2012
    assert "kg-gdp-2012-wb" in gdp[0]["entries"]
    assert "ru-claim-kg-2012" in gdp[0]["entries"]


def test_a_source_the_file_does_not_hold_is_refused_in_the_command_lines_words(tmp_path, capsys):
    code, out, err = cli(capsys, "ratios", _two_gdps(tmp_path), "KG", "--source", "Nobody")
    assert code != 0
    assert out == ""
    assert "Nobody" in err
    assert re.search(_PYTHON_WORDS, err) is None, err


def test_the_ratios_help_says_gdp_too(capsys):
    code, out, _ = cli(capsys, "ratios", "--help")
    assert code == 0
    assert "GDP" in out
