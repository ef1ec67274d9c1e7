"""Loading a 100,000-entry ledger next to bare pydantic validation of the same entries.

Run by hand: ``python benchmarks/bench_load.py [N]``. Two ledgers: the realistic mix of
``_mix.py`` (75% exact, 15% about, 5% estimated, 5% ranges, settlements and write-offs) and,
as a second line, exact unsettled claims only; each from JSON and from TOML. The bare
baseline is ``TypeAdapter(list[BareClaim]).validate_json`` of the same claims with
``Decimal`` and ``str`` fields. Runs alternate (ours, bare, ours, ...), median of 5; then the
first ``net_positions`` after a load (the collector's deferred work lands there) and the
second. Goal (issue 3): ``lg.load`` at most 3x the bare validation. Never asserts.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import _mix
from pydantic import BaseModel, TypeAdapter

import ledger as lg


class BareClaim(BaseModel):
    kind: str
    id: str
    as_of: date
    source: str
    creditor: str = ""
    debtor: str = ""
    asserted_by: str = ""
    claim: str = ""
    method: str = ""
    status: str = "asserted"
    amount: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    currency: str
    qualifier: str = "exact"


def bare(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        row = dict(row)
        for key in ("amount", "low", "high"):
            if key in row:
                number, row["currency"] = row[key].split()
                row[key] = number
        out.append(row)
    return out


def alternating(actions: dict[str, Callable[[], object]], runs: int = 5) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(runs):
        for name, action in actions.items():
            start = time.perf_counter()
            action()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t) for name, t in times.items()}


def line(n: int, mix: bool, folder: Path) -> None:
    data = _mix.data(n, mix=mix)
    json_path = folder / f"{mix}.json"
    json_path.write_text(json.dumps(data))
    toml_path = folder / f"{mix}.toml"
    lg.load(json_path).save(toml_path)
    bare_bytes = json.dumps(bare(data["entries"])).encode()
    adapter = TypeAdapter(list[BareClaim])
    lg.load(json_path)  # warm caches: unit parsing, the entry adapter
    t = alternating(
        {
            "bare": lambda: adapter.validate_json(bare_bytes),
            "json": lambda: lg.load(json_path),
            "toml": lambda: lg.load(toml_path),
        }
    )
    book = lg.load(json_path)
    start = time.perf_counter()
    lg.net_positions(book, as_of=_mix.DAY)
    first = time.perf_counter() - start
    start = time.perf_counter()
    lg.net_positions(book, as_of=_mix.DAY)
    second = time.perf_counter() - start
    what = "realistic mix" if mix else "all exact"
    print(f"{what}: {len(data['entries']):,} entries")
    print(f"  bare TypeAdapter.validate_json: {t['bare']:7.3f} s")
    print(
        f"  lg.load JSON:                   {t['json']:7.3f} s  ratio {t['json'] / t['bare']:.2f}"
    )
    print(
        f"  lg.load TOML:                   {t['toml']:7.3f} s  ratio {t['toml'] / t['bare']:.2f}"
    )
    print(f"  net_positions after the load: first {first:.3f} s, second {second:.3f} s")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as folder:
        line(n, True, Path(folder))
        line(n, False, Path(folder))


if __name__ == "__main__":
    main()
