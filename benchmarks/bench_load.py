"""Loading a 100,000-entry JSON ledger next to bare pydantic validation of the same entries.

Run by hand: ``python benchmarks/bench_load.py [N]``. The bare baseline is
``TypeAdapter(list[BareClaim]).validate_json`` with ``Decimal`` and ``str`` fields, in the same
process, median of 5. Goal (issue 3): ``lg.load`` at most 3x the bare validation. Never asserts.
"""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Literal

from _timing import median_seconds
from pydantic import BaseModel, TypeAdapter

import ledger as lg

PARTIES = ["RU", "TJ", "KZ", "UZ", "KG", "AF", "CN", "US", "DE", "TR"]
QUALIFIERS = ["exact", "about", "more_than", "at_least"]


class BareClaim(BaseModel):
    kind: Literal["claim"]
    id: str
    as_of: date
    source: str
    creditor: str
    debtor: str
    asserted_by: str
    status: str
    amount: Decimal
    currency: str
    qualifier: str
    quote: str


def build(n: int) -> tuple[dict[str, object], list[dict[str, object]]]:
    ours, bare = [], []
    for i in range(n):
        creditor = PARTIES[i % len(PARTIES)]
        debtor = PARTIES[(i * 7 + 3) % len(PARTIES)]
        if debtor == creditor:
            debtor = PARTIES[(i + 1) % len(PARTIES)]
        magnitude = f"{(i * 7919) % 10**9}.{i % 100:02d}"
        currency = ("USD", "RUB", "EUR")[i % 3]
        common = {
            "kind": "claim",
            "id": f"claim-{i}",
            "as_of": f"2004-{1 + i % 12:02d}-15",
            "source": "rferl",
            "creditor": creditor,
            "debtor": debtor,
            "asserted_by": creditor,
            "status": "asserted",
            "quote": "Russia says Tajikistan owes some $300 million.",
        }
        qualifier = QUALIFIERS[i % len(QUALIFIERS)]
        ours.append({**common, "amount": f"{magnitude} {currency}", "qualifier": qualifier})
        bare.append({**common, "amount": magnitude, "currency": currency, "qualifier": qualifier})
    data = {
        "sources": {"rferl": {"publisher": "RFE/RL", "title": "Relations", "date": "2004-03-15"}},
        "entries": ours,
    }
    return data, bare


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    data, bare = build(n)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.json"
        path.write_text(json.dumps(data))
        bare_bytes = json.dumps(bare).encode()
        adapter = TypeAdapter(list[BareClaim])
        adapter.validate_json(bare_bytes[:2] and b"[]")
        lg.load(path)  # warm caches: unit parsing, the entry adapter
        ours_s = median_seconds(lambda: lg.load(path))
        bare_s = median_seconds(lambda: adapter.validate_json(bare_bytes))
        size = path.stat().st_size
    print(f"entries: {n:,}; ledger file {size:,} bytes, bare JSON {len(bare_bytes):,} bytes")
    print(f"bare TypeAdapter.validate_json: {bare_s:7.3f} s")
    print(f"lg.load:                        {ours_s:7.3f} s")
    print(f"ratio load/bare: {ours_s / bare_s:.2f} (goal <= 3)")


if __name__ == "__main__":
    main()
