"""A big ledger on the command line (issue 14): ``summary`` counts its entries and shows the
largest balances and positions in each currency, says how many more there are and how to see
them (``--all``, ``--top N``); a small ledger prints every entry and balance, as it always did.
The expected rows are worked out here by plain loops over the rows written, never by the
library."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from ledger.cli import main

#: Words of the summary that exist in English only until a catalog says them.
LOCALES = ("ru_RU", "tg_TJ", "ky_KG", "kk_KZ", "uz_Latn_UZ", "uz_Cyrl_UZ")

USD_PAIRS = 60  # claims i = 1..60: org:d{i} owes org:c{i} i thousand USD
EUR_PAIRS = 5  # org:f{i} owes org:e{i} i thousand EUR
TOP = 20


def _rows() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []

    def claim(n: int, creditor: str, debtor: str, **amount: str) -> None:
        rows.append(
            {
                "kind": "claim",
                "id": f"k{n}",
                "as_of": "2004-03-15",
                "source": "s",
                "creditor": creditor,
                "debtor": debtor,
                "asserted_by": creditor,
                **amount,
            }
        )

    for i in range(1, USD_PAIRS + 1):
        claim(i, f"org:c{i:02d}", f"org:d{i:02d}", amount=f"{i * 1000} USD")
    for i in range(1, EUR_PAIRS + 1):
        claim(100 + i, f"org:e{i:02d}", f"org:f{i:02d}", amount=f"{i * 1000} EUR")
    # A range with no central value: its middle, 200,000 USD, makes it the largest.
    claim(200, "org:c99", "org:d99", low="100000 USD", high="300000 USD")
    return rows


def _names(rows: list[dict[str, object]]) -> dict[str, str]:
    parties = {str(r[key]) for r in rows for key in ("creditor", "debtor")}
    return {party: f"Party {party[4:].upper()}" for party in sorted(parties)}


def _central(row: dict[str, object]) -> Decimal:
    """A claim's size by hand: its amount, or the middle of its range."""
    if "amount" in row:
        return Decimal(str(row["amount"]).split()[0])
    low, high = (Decimal(str(row[key]).split()[0]) for key in ("low", "high"))
    return (low + high) / 2


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rows = _rows()
    data = {
        "parties": _names(rows),
        "sources": {"s": {"publisher": "P", "title": "T", "date": "2004-03-15"}},
        "entries": rows,
    }
    path = tmp_path_factory.mktemp("big") / "big.json"
    path.write_text(json.dumps(data))
    return path


def run(*args: str, code: int = 0) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "ledger", *args], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout if code == 0 else done.stdout + done.stderr


def section(out: str, heading: str) -> list[str]:
    """The lines under a heading of the summary, up to the blank line after them."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    rest = lines[start + 1 :]
    return rest[: rest.index("")] if "" in rest else rest


def expected_balances(currency: str, top: int | None) -> list[str]:
    """The debtors of the balances shown, largest first (ties by name), by hand."""
    sized = [
        (-_central(r), str(r["debtor"]))
        for r in _rows()
        if (str(r.get("amount") or r.get("low"))).endswith(currency)
    ]
    ordered = [debtor for _, debtor in sorted(sized)]
    return ordered if top is None else ordered[:top]


def expected_positions(top: int) -> list[str]:
    """The parties whose USD positions are shown, largest first, ties by code, by hand."""
    sized = []
    for r in _rows():
        if str(r.get("amount") or r.get("low")).endswith("USD"):
            size = _central(r)
            sized += [(-size, str(r["creditor"])), (-size, str(r["debtor"]))]
    return [party for _, party in sorted(sized)][:top]


def test_a_big_summary_counts_the_entries_instead_of_listing_them(big: Path) -> None:
    out = run("summary", str(big), "--on", "2004-12-31")
    entries = section(out, "Entries (66)")
    assert len(entries) == 2, entries  # one line per kind, then how to list them all
    assert entries[0].split() == ["claim", "66:", "EUR", "5,", "USD", "61"]
    assert "--all" in entries[1]
    assert "k1 " not in out


def test_a_big_summary_shows_the_largest_balances_in_each_currency(big: Path) -> None:
    out = run("summary", str(big), "--on", "2004-12-31")
    balances = section(out, "Net balances:")
    usd = expected_balances("USD", TOP)
    eur = expected_balances("EUR", None)
    shown = [line for line in balances if " owes " in line]
    assert len(shown) == TOP + EUR_PAIRS
    # Currencies in code order (EUR, then USD), each largest first.
    for line, debtor in zip(shown, eur + usd, strict=True):
        assert line.strip().startswith(f"Party {debtor[4:].upper()} owes"), (line, debtor)
    left = USD_PAIRS + 1 - TOP
    assert balances[-1].strip().startswith(f"… and {left} more")
    assert "--all" in balances[-1] and "--top N" in balances[-1]


def test_a_big_summary_shows_the_largest_positions_in_each_currency(big: Path) -> None:
    out = run("summary", str(big), "--on", "2004-12-31")
    positions = section(out, "Positions")
    shown = [line for line in positions if "(USD)" in line]
    expected = expected_positions(TOP)
    assert [line.split(":")[0].strip() for line in shown] == [
        f"Party {party[4:].upper()}" for party in expected
    ]
    assert len([line for line in positions if "(EUR)" in line]) == 2 * EUR_PAIRS
    left = 2 * (USD_PAIRS + 1) - TOP
    assert positions[-1].strip().startswith(f"… and {left} more")


def test_top_n_and_all(big: Path) -> None:
    three = run("summary", str(big), "--on", "2004-12-31", "--top", "3")
    shown = [line for line in section(three, "Net balances:") if " owes " in line]
    debtors = expected_balances("EUR", 3) + expected_balances("USD", 3)
    assert [line.split(" owes ")[0].strip() for line in shown] == [
        f"Party {d[4:].upper()}" for d in debtors
    ]
    every = run("summary", str(big), "--on", "2004-12-31", "--all")
    assert len(section(every, "Entries (66)")) == 66
    balances = section(every, "Net balances:")
    assert len(balances) == USD_PAIRS + 1 + EUR_PAIRS
    assert "more" not in "".join(balances)
    assert len(section(every, "Positions")) == 2 * (USD_PAIRS + 1 + EUR_PAIRS)


def test_positions_takes_top_and_prints_every_position_by_default(big: Path) -> None:
    every = run("positions", str(big), "--on", "2004-12-31").splitlines()
    assert len(every) == 2 * (USD_PAIRS + 1 + EUR_PAIRS)
    two = run("positions", str(big), "--on", "2004-12-31", "--top", "2").splitlines()
    usd = [line.split(":")[0] for line in two if "(USD)" in line]
    assert usd == [f"Party {party[4:].upper()}" for party in expected_positions(2)]
    assert len([line for line in two if "(EUR)" in line]) == 2
    left = 2 * (USD_PAIRS + 1 + EUR_PAIRS) - 4
    assert two[-1].startswith(f"… and {left} more")
    data = json.loads(run("positions", str(big), "--on", "2004-12-31", "--top", "2", "--json"))
    assert sorted(data) == sorted([*expected_positions(2), "org:e05", "org:f05"])


def test_json_gives_everything_unless_asked_for_the_largest(big: Path) -> None:
    data = json.loads(run("summary", str(big), "--on", "2004-12-31", "--json"))
    assert len(data["entries"]) == 66
    assert len(data["balances"]) == USD_PAIRS + 1 + EUR_PAIRS
    assert sum(len(held) for held in data["positions"].values()) == 2 * (USD_PAIRS + 1 + EUR_PAIRS)
    assert data["counts"] == {"claim": {"EUR": 5, "USD": 61}}
    assert data["left_out"] == {
        "entries": 0,
        "balances": 0,
        "positions": 0,
        "ratios": 0,
        "unanswered": 0,
    }
    top = json.loads(run("summary", str(big), "--on", "2004-12-31", "--json", "--top", "3"))
    assert top["entries"] == []
    assert [b["debtor"] for b in top["balances"]] == expected_balances(
        "EUR", 3
    ) + expected_balances("USD", 3)
    # Ratios and the questions not answered stop after as many rows too, counted (a user
    # check found them all there under --top 5: 38 and 544 rows).
    ratios, unanswered = len(data["ratios"]), len(data["unanswered"])
    assert unanswered > 3
    assert top["ratios"] == data["ratios"][:3]
    assert top["unanswered"] == data["unanswered"][:3]
    assert top["left_out"] == {
        "entries": 66,
        "balances": USD_PAIRS + 1 + EUR_PAIRS - 6,
        "positions": 2 * (USD_PAIRS + 1 + EUR_PAIRS) - 6,
        "ratios": max(0, ratios - 3),
        "unanswered": unanswered - 3,
    }


@pytest.mark.parametrize("locale", LOCALES)
def test_the_new_words_are_said_in_every_language(big: Path, locale: str, capsys) -> None:
    assert main(["summary", str(big), "--on", "2004-12-31"]) == 0
    english = capsys.readouterr().out.splitlines()
    assert main(["summary", str(big), "--on", "2004-12-31", "--locale", locale]) == 0
    said = capsys.readouterr().out.splitlines()
    assert len(said) == len(english)
    for mine, theirs in zip(said, english, strict=True):
        if "--all" in theirs:  # the new lines: the options stay, the words are the language's
            assert "--all" in mine and mine != theirs
            assert "more" not in mine and "lists" not in mine


def test_a_small_ledger_prints_as_it_always_did(capsys) -> None:
    for example in ("tj-ru-2004", "kg-ru-2012"):
        assert main(["summary", "--example", example, "--on", "2012-12-31"]) == 0
        default = capsys.readouterr().out
        assert main(["summary", "--example", example, "--on", "2012-12-31", "--all"]) == 0
        assert capsys.readouterr().out == default
        assert "--all" not in default


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--top", "0"), "--top"),
        (("--top", "many"), "--top"),
        (("--top", "3", "--all"), "not allowed with"),
    ],
)
def test_top_is_a_count_and_not_given_with_all(args: tuple[str, ...], words: str) -> None:
    said = run("summary", "--example", "tj-ru-2004", *args, code=2)
    assert words in said


_WITH_NO_DELAY = (
    "import sys, ledger.progress as p; p.DELAY = 0.0; from ledger.cli import main; "
    "sys.exit(main(sys.argv[1:]))"
)


def _stderr_of_summary(big: Path, on_terminal: bool) -> str:
    """What a summary writes to stderr when stderr is a terminal (a pseudo-terminal here) or
    a pipe; the bar's delay set to none, so that a small ledger's work shows it."""
    import os
    import pty

    args = [sys.executable, "-c", _WITH_NO_DELAY, "summary", str(big), "--on", "2004-12-31"]
    if not on_terminal:
        done = subprocess.run(args, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stderr
    main_end, other_end = pty.openpty()
    try:
        done = subprocess.run(
            args, stdout=subprocess.DEVNULL, stderr=other_end, timeout=120, check=True
        )
        os.close(other_end)
        said = b""
        while True:
            try:
                chunk = os.read(main_end, 65536)
            except OSError:  # the other end closed: all read
                break
            if not chunk:
                break
            said += chunk
    finally:
        os.close(main_end)
    assert done.returncode == 0
    return said.decode("utf-8", "replace")


def test_summary_shows_progress_on_a_terminal_and_never_in_a_pipe(big: Path) -> None:
    shown = _stderr_of_summary(big, on_terminal=True)
    assert "big.json" in shown  # the load's bar, named by the file
    assert "net balances" in shown  # the balances' bar
    assert _stderr_of_summary(big, on_terminal=False) == ""
