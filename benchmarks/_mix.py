"""The realistic mix the netting and loading benchmarks share (issue 14): 75% exact claims,
15% "about", 5% "estimated", 5% ranges (with a central value, so that settle can pay them);
one claim in fifty partly settled, one in a hundred written off. Deterministic: the same
``n`` gives the same ledger."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

CURRENCIES = ("USD", "RUB", "EUR")
DAY = date(2004, 3, 15)


def parties(count: int = 200) -> list[str]:
    from ledger.entries import _territories

    return sorted(_territories())[:count]


def rows(n: int, *, mix: bool = True, count: int = 200) -> list[dict[str, Any]]:
    """The file form of ``n`` claims (and their settlements), as ``lg.from_data`` reads it;
    ``mix=False`` gives exact, unsettled claims only."""
    names = parties(count)
    out: list[dict[str, Any]] = []
    for i in range(n):
        creditor = names[i % len(names)]
        debtor = names[(i * 7 + 1 + i // len(names)) % len(names)]
        if debtor == creditor:
            debtor = names[(i + 1) % len(names)]
        currency = CURRENCIES[i % 3]
        cents = (i * 7919) % 10**9
        amount = f"{cents // 100}.{cents % 100:02d} {currency}"
        row: dict[str, Any] = {
            "kind": "claim",
            "id": f"c{i}",
            "as_of": (DAY - timedelta(days=i % 365)).isoformat(),
            "source": "gen",
            "creditor": creditor,
            "debtor": debtor,
            "asserted_by": creditor,
            "amount": amount,
        }
        share = i % 20
        if mix and share in (15, 16, 17):
            row["qualifier"] = "about"
        elif mix and share == 18:
            row["qualifier"] = "estimated"
        elif mix and share == 19:
            row["low"] = f"{cents // 200}.{cents % 100:02d} {currency}"
            row["high"] = f"{cents // 50 + 1}.{cents % 100:02d} {currency}"
        if mix and i % 100 == 7:
            row["status"] = "written_off"
        out.append(row)
        if mix and i % 50 == 3:
            out.append(
                {
                    "kind": "settlement",
                    "id": f"s{i}",
                    "as_of": DAY.isoformat(),
                    "source": "gen",
                    "claim": f"c{i}",
                    "amount": f"{cents // 400}.00 {currency}",
                    "method": "payment",
                }
            )
    return out


def data(n: int, *, mix: bool = True, count: int = 200) -> dict[str, Any]:
    """A whole ledger's file form (JSON-ready: dates as text)."""
    return {
        "sources": {"gen": {"publisher": "bench", "title": "generated", "date": DAY.isoformat()}},
        "entries": rows(n, mix=mix, count=count),
    }
