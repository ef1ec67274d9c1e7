"""The debt-ledger command, run the way a user runs it: in a subprocess."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = str(ROOT / "data" / "tajikistan_russia_2004.toml")


def run(*args, check_code=None):
    done = subprocess.run(
        [sys.executable, "-m", "ledger", *args], capture_output=True, text=True, timeout=120
    )
    if check_code is not None:
        assert done.returncode == check_code, done.stderr
    assert "Traceback" not in done.stderr
    return done


def test_summary_of_the_bundled_example():
    out = run("summary", check_code=0).stdout
    assert "Tajikistan owes Russia about $250M net" in out
    assert "Remittances to Tajikistan are more than 1× its budget." in out
    assert "Tajikistan's net debt is about 0.83 years of its budget." in out


def test_summary_in_russian_and_tajik():
    assert "Должник: Таджикистан" in run("summary", "--locale", "ru_RU", check_code=0).stdout
    assert (
        "Қарздор: Тоҷикистон" in run("summary", EXAMPLE, "--locale", "tg_TJ", check_code=0).stdout
    )


def test_net_explains_itself():
    out = run("net", EXAMPLE, "TJ", "RU", "--explain", "--as-of", "2004-03-15", check_code=0).stdout
    assert "ru-claims-tajik-debt" in out and "some $300 million" in out


ABOUT_250M = {"amount": "250000000 USD", "qualifier": "about", "text": "about $250M"}


def _positions(data):
    assert data["RU"]["USD"] == ABOUT_250M
    assert data["TJ"]["USD"]["amount"] == "-250000000 USD"


def _transfers(data):
    [transfer] = data
    assert (transfer["payer"], transfer["payee"], transfer["amount"]) == ("TJ", "RU", ABOUT_250M)


def _ratios(data):
    questions = ["remittances_to_budget", "debt_to_budget", "debt_to_budget", "per_migrant"]
    assert [r["question"] for r in data] == questions
    assert data[0]["value"] == {"amount": "1", "qualifier": "more_than", "text": "more than 1×"}
    assert data[2]["numerator"] == ABOUT_250M


def _validated(data):
    assert (data["valid"], data["entries"]) == (True, 4)


def _balance(data):
    assert data["amount"] == ABOUT_250M


def _summary(data):
    _balance(data["balances"][0])


@pytest.mark.parametrize(
    ("args", "check"),
    [
        (("summary",), _summary),
        (("net", EXAMPLE, "TJ", "RU"), _balance),
        (("positions", EXAMPLE), _positions),
        (("settle", EXAMPLE), _transfers),
        (("ratios", EXAMPLE, "TJ"), _ratios),
        (("validate", EXAMPLE), _validated),
    ],
)
def test_json_output_is_machine_readable(args, check):
    # Each report's own answer, where it puts it (the seed's net debt is about $250M).
    check(json.loads(run(*args, "--json", check_code=0).stdout))


def test_json_amounts_are_strings():
    data = json.loads(run("net", EXAMPLE, "TJ", "RU", "--json", check_code=0).stdout)
    assert data["amount"] == {
        "amount": "250000000 USD",
        "qualifier": "about",
        "text": "about $250M",
    }


def test_convert_uses_the_ledgers_rates(tmp_path):
    book = tmp_path / "with-rate.toml"
    book.write_text(
        Path(EXAMPLE).read_text()
        + """
[sources.illustrative]
publisher = "debt-ledger tests"
title = "An illustrative rate"
date = 2004-03-15

[[entries]]
kind = "rate"
id = "rate-2004"
as_of = 2004-03-15
source = "illustrative"
rate = "28.81 RUB/USD"
"""
    )
    out = run(
        "convert", str(book), "300 million USD", "RUB", "--on", "2004-06-01", check_code=0
    ).stdout
    first, explanation = out.splitlines()[:2]
    assert first == "RUB8.64B"  # en_US compact: 300 million × 28.81, three digits shown
    assert "rate-2004" in explanation and explanation.endswith("= 8643000000.00 RUB")


def test_schema_prints_the_published_schema():
    printed = json.loads(run("schema", check_code=0).stdout)
    assert printed == json.loads((ROOT / "data" / "ledger.schema.json").read_text())


BAD = [
    (("summary", "{bad}"), 1, "not valid TOML"),
    (("validate", "/no/such/file.toml"), 1, "cannot read"),
    (("summary", "--locale", "xx_YY"), 1, "not known to CLDR"),
    (("net", EXAMPLE, "TJ", "US"), 1, "party 'US' appears in no entry"),
    (("net", EXAMPLE, "tj", "RU"), 1, "codes are upper-case: 'TJ'"),
    (("ratios", EXAMPLE, "RU"), 1, "no ratio can be computed for RU"),
    (("convert", EXAMPLE, "300 million USD", "RUB"), 1, "no USD/RUB rate"),
    (("convert", EXAMPLE, "three hundred", "RUB"), 1, "is not an amount"),
    (("net", EXAMPLE, "TJ", "RU", "--as-of", "March"), 2, "is not a date"),
    (("nonsense",), 2, "invalid choice"),
    (("net",), 2, "required"),
]


@pytest.mark.parametrize(("args", "code", "phrase"), BAD)
def test_bad_input_gets_a_clear_error_and_no_traceback(args, code, phrase, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("kind = \n")
    done = run(*(a.format(bad=bad) for a in args))
    assert done.returncode == code
    assert phrase in done.stderr
    assert done.stdout == ""
