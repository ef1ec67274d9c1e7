"""The command's refusals in the reader's language: `net`, `settle`, `positions` and
`convert` said a refusal the catalogs hold in English under `--locale ru`/`ky` (a user check of
issue 14); `--json` keeps the English `message` for programs and adds `reason_text`."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

HEAD = """
[sources.s]
publisher = "RFE/RL"
title = "Tajikistan and Russia"
date = "2024-06-30"
"""

CLAIM = """
[[entries]]
kind = "claim"
id = "{id}"
as_of = "2024-06-30"
source = "s"
creditor = "RU"
debtor = "TJ"
asserted_by = "RU"
amount = "{amount}"
"""

RATE = """
[[entries]]
kind = "rate"
id = "{id}"
as_of = "2024-06-30"
source = "s"
rate = "{rate} RUB/USD"
"""


def _two_currencies(tmp_path: Path) -> Path:
    path = tmp_path / "two.toml"
    text = HEAD + CLAIM.format(id="a", amount="100 USD") + CLAIM.format(id="b", amount="900 RUB")
    path.write_text(text, encoding="utf-8")
    return path


def _rates_disagree(tmp_path: Path) -> Path:
    path = tmp_path / "rates.toml"
    text = _two_currencies(tmp_path).read_text(encoding="utf-8")
    text += RATE.format(id="rub-usd-a", rate="90") + RATE.format(id="rub-usd-b", rate="91")
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str, code: int = 1) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "ledger", *args], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr
    return done


# Words written out by hand from the catalogs' translations.
RUSSIAN_CURRENCIES = "суммы в разных валютах не складываются"
KYRGYZ_RATES = "бир нече ар башка курс колдонулат (rub-usd-a, rub-usd-b)"


def test_net_says_two_currencies_in_russian(tmp_path):
    said = run(
        "net", str(_two_currencies(tmp_path)), "TJ", "RU", "--on", "2024-07-01", "--locale", "ru"
    ).stderr
    assert RUSSIAN_CURRENCIES in said, said
    assert "claims between" not in said and "--currency" not in said, said


def test_net_in_english_keeps_the_options_to_give(tmp_path):
    said = run("net", str(_two_currencies(tmp_path)), "TJ", "RU", "--on", "2024-07-01").stderr
    assert "give --currency CODE to net one of them" in said, said


def test_settle_says_rates_that_disagree_in_kyrgyz(tmp_path):
    said = run(
        "settle",
        str(_rates_disagree(tmp_path)),
        "--convert-to",
        "USD",
        "--on",
        "2024-07-01",
        "--locale",
        "ky",
    ).stderr
    assert KYRGYZ_RATES in said, said
    assert "different" not in said and "keep one" not in said, said


def test_positions_says_rates_that_disagree_in_kyrgyz(tmp_path):
    said = run(
        "positions",
        str(_rates_disagree(tmp_path)),
        "--convert-to",
        "USD",
        "--on",
        "2024-07-01",
        "--locale",
        "ky",
    ).stderr
    assert KYRGYZ_RATES in said, said


@pytest.mark.parametrize("command", [["net", "TJ", "RU"], ["settle", "--convert-to", "USD"]])
def test_json_keeps_the_english_message_and_adds_the_readers_words(tmp_path, command):
    path = _rates_disagree(tmp_path) if "settle" in command else _two_currencies(tmp_path)
    args = [command[0], str(path), *command[1:], "--on", "2024-07-01", "--locale", "ru"]
    error = json.loads(run(*args, "--json").stdout)["error"]
    assert error["message"].isascii(), error
    assert error["reason_text"] != error["message"]
    assert not error["reason_text"].isascii(), error


def test_a_party_in_no_entry_is_said_in_russian(tmp_path):
    said = run("net", str(_two_currencies(tmp_path)), "TJ", "UZ", "--locale", "ru").stderr
    assert (
        "Узбекистан: ни одна запись файла не называет эту сторону; стороны в файле: RU, TJ" in said
    )
    assert "appears in no entry" not in said, said


def test_a_lower_case_party_is_told_its_code_in_kyrgyz(tmp_path):
    said = run("net", str(_two_currencies(tmp_path)), "tj", "RU", "--locale", "ky").stderr
    assert "tj: бул тараптын коду эмес" in said and "(TJ)" in said, said


def test_a_party_code_with_no_upper_case_fix_gets_no_suggestion():
    import ledger as lg

    with pytest.raises(lg.LedgerError) as refused:
        lg.net_balance(lg.example(), "zz", "RU")
    assert refused.value.reason == ("party code", {"party": "zz"})
    assert lg.reason(refused.value, "ru_RU") == (
        "zz: это не код стороны: нужен код страны ISO 3166 заглавными буквами или имя вида org:imf"
    )
    with pytest.raises(lg.LedgerError) as refused:
        lg.net_balance(lg.example(), "tj", "RU")
    assert "codes are upper-case: 'TJ'" in str(refused.value)  # Python's words keep the hint


@pytest.mark.parametrize(
    "args",
    [
        ["ratios", "--example", "tj-ru-2004", "RU", "--locale", "kk"],
        ["settle", "--example", "tj-ru-2004", "--locale", "ru"],
    ],
)
def test_every_command_keeps_json_messages_english_and_adds_the_readers_words(tmp_path, args):
    if args[0] == "settle":  # a position with bounds only: no transfer can clear it
        path = tmp_path / "bounds.toml"
        text = HEAD + CLAIM.format(id="a", amount="100 USD").replace(
            'amount = "100 USD"', 'amount = "100 USD"\nqualifier = "more_than"'
        )
        path.write_text(text, encoding="utf-8")
        args = ["settle", str(path), "--on", "2024-07-01", "--locale", "ru"]
    error = json.loads(run(*args, "--json").stdout)["error"]
    assert error["message"].isascii(), error["message"]
    assert not error["reason_text"].isascii(), error


# Each refusal a user met in English under --locale (a user check), said in the language:
# the words written out by hand from the catalogs.
IN_LANGUAGE = [
    (
        ["net", "--example", "tj-ru-2004", "TJ", "RU", "--currency", "EUR", "--locale", "ru"],
        "EUR: ни одно требование между TJ и RU не выражено в EUR; их требования выражены в USD",
    ),
    (
        ["net", "--example", "tj-ru-2004", "TJ", "TJ", "--locale", "ky"],
        "Тажикстан карыздар да, кредитор да катары аталган",
    ),
    (
        ["positions", "--example", "tj-ru-2004", "--convert-to", "usd", "--locale", "kk"],
        "usd: валюта кодтары бас әріптермен жазылады: USD",
    ),
    (
        ["positions", "--example", "tj-ru-2004", "--convert-to", "XYZ", "--locale", "uz"],
        "XYZ: bu valyuta kodi emas; ISO 4217 kodlari qabul qilinadi",
    ),
]


@pytest.mark.parametrize(
    ("args", "words"),
    IN_LANGUAGE,
    ids=lambda x: " ".join(x[:1] + x[-3:]) if isinstance(x, list) else "",
)
def test_refusals_of_arguments_are_said_in_the_readers_language(args, words):
    said = run(*args, "--on", "2004-03-15").stderr
    assert words in said, said


def test_an_upper_case_hint_stays_in_the_commands_english():
    said = run("positions", "--example", "tj-ru-2004", "--convert-to", "usd").stderr
    assert "--convert-to 'usd': currency codes are upper case: USD" in said, said
