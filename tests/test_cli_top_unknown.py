"""--top ranks balances and positions by size; an amount nothing bounds ("more than $100"
owed one way less "more than $50" the other) has no size: it comes after every known one,
never a traceback (a user check: summary, positions and settle stopped on an AssertionError,
and a big ledger's summary cuts to 20 on its own)."""

import json
import subprocess
import sys
from pathlib import Path

HEAD = """
[sources.s]
publisher = "p"
title = "t"
date = "2024-01-01"
"""


def _claim(entry_id: str, creditor: str, debtor: str, amount: str, more: str = "") -> str:
    return f"""
[[entries]]
kind = "claim"
id = "{entry_id}"
as_of = "2024-01-01"
source = "s"
creditor = "{creditor}"
debtor = "{debtor}"
asserted_by = "{creditor}"
amount = "{amount}"
{more}"""


def _ledger(tmp_path: Path) -> Path:
    text = HEAD
    text += _claim("a", "RU", "TJ", "100 USD", 'qualifier = "more_than"')
    text += _claim("b", "TJ", "RU", "50 USD", 'qualifier = "more_than"')
    text += _claim("c", "RU", "KG", "300 USD")
    text += _claim("d", "RU", "KZ", "200 USD")
    text += _claim("e", "RU", "UZ", "10 USD")
    path = tmp_path / "unknown.toml"
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "ledger", *args], capture_output=True, text=True, timeout=120
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


def test_summary_top_shows_the_largest_then_those_of_no_size(tmp_path):
    done = run("summary", str(_ledger(tmp_path)), "--on", "2024-06-30", "--top", "2")
    assert done.returncode == 0, done.stderr
    balances = done.stdout.split("Net balances:\n")[1].split("\n\n")[0].splitlines()
    assert balances[0].startswith("  Kyrgyzstan owes Russia $300 net")
    assert balances[1].startswith("  Kazakhstan owes Russia $200 net")
    assert balances[2].startswith("  Direction unknown: Russia may owe Tajikistan")  # never cut
    assert balances[3].startswith("  … and 1 more, smaller")  # Uzbekistan's $10


def test_json_and_positions_with_top_say_no_traceback(tmp_path):
    path = str(_ledger(tmp_path))
    data = json.loads(run("summary", path, "--on", "2024-06-30", "--top", "2", "--json").stdout)
    assert [b["debtor"] for b in data["balances"]][:2] == ["KG", "KZ"]
    assert len(data["balances"]) == 3
    assert data["left_out"]["balances"] == 1
    done = run("positions", path, "--on", "2024-06-30", "--top", "2")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "Kyrgyzstan: -$300 (USD)",
        "Kazakhstan: -$200 (USD)",
        "Russia: an unknown amount (USD)",
        "Tajikistan: an unknown amount (USD)",
        "… and 1 more, smaller: the 2 largest in each currency are shown; --all shows every "
        "one, --top N the N largest",
    ]
