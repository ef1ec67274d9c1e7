"""Loading a 100,000-entry ledger next to bare pydantic validation of the same entries.

Run by hand: ``python benchmarks/bench_load.py [N]``. Two ledgers: the realistic mix of
``_mix.py`` (75% exact, 15% about, 5% estimated, 5% ranges, settlements and write-offs) and,
as a second line, exact unsettled claims only; each from JSON and from TOML. The bare
baseline is ``TypeAdapter(list[BareClaim]).validate_json`` of the same claims with
``Decimal`` and ``str`` fields. Runs alternate (ours, bare, ours, ...), median of 5; then the
first ``net_positions`` after a load (the collector's deferred work lands there) and the
second. Goal (issue 3): ``lg.load`` at most 3x the bare validation. Then the memory a loaded
ledger holds per claim, by ``tracemalloc`` (goal, issue 14: <= 600 bytes), from JSON and from
TOML, and again once every entry was dumped (pydantic's dumps and ``==`` ask an entry for its
``__dict__``, which Python then makes). ``--held`` measures the memory only.

``--peak`` measures the peak RSS of ``lg.load`` alone, each in a child process (the peak of a
process only grows): JSON, TOML, and TOML with tomllib alone (without the extra ``fast``);
``--against SRC`` also runs each with another source tree first on the path (e.g. an older
commit's ``src``), alternating, and prints the ratios. Never asserts.
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
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


def _held(load: Callable[[], lg.Ledger]) -> tuple[float, float, float, int]:
    """Bytes a loaded ledger holds per claim: loaded, then netted and settled (its netting
    columns made and kept), then with every entry dumped."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        book = load()
        gc.collect()
        loaded = tracemalloc.get_traced_memory()[0] - before
        lg.net_positions(book, as_of=_mix.DAY)
        lg.settle(book, as_of=_mix.DAY)
        gc.collect()
        netted = tracemalloc.get_traced_memory()[0] - before
        for entry in book:
            entry.model_dump()
        gc.collect()
        dumped = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    claims = len(book.claims())
    return loaded / claims, netted / claims, dumped / claims, claims


def held(n: int, folder: Path) -> None:
    """The memory a ledger of the realistic mix holds per claim, from JSON and from TOML."""
    for fmt in ("json", "toml"):
        path, other = folder / f"held.{fmt}", folder / f"warm.{fmt}"
        for target, first in ((path, 0), (other, 10**7)):
            data = _mix.data(n // 100 if target is other else n)
            for row in data["entries"]:
                row["id"] = f"{row['id'][0]}{first + int(row['id'][1:])}"
                if "claim" in row:
                    row["claim"] = f"c{first + int(row['claim'][1:])}"
            lg.from_data(data).save(target)
        lg.load(other)  # caches warm (units, validators) on entries of other ids
        loaded, netted, dumped, claims = _held(lambda path=path: lg.load(path))  # type: ignore[misc]
        print(
            f"held per claim, {fmt.upper()}-loaded, {claims:,} claims (realistic mix): "
            f"{loaded:.0f} B; netted and settled {netted:.0f} B; and every entry dumped "
            f"{dumped:.0f} B (goal <= 600 B)"
        )


#: A child's load: the peak RSS it reached, in MB, and the time it took. The peak is the
#: kernel's high-water mark of the child's own memory (VmHWM): ``ru_maxrss`` would keep the
#: peak of the parent that forked it, this benchmark with its ledger in memory.
_CHILD = """
import sys, time
if sys.argv[2] == "plain":
    sys.modules["rtoml"] = None  # the extra fast not installed: tomllib alone
import ledger as lg
start = time.perf_counter()
book = lg.load(sys.argv[1])
took = time.perf_counter() - start
with open("/proc/self/status") as status:
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(peak / 1024, took, len(book))
"""


def _child_peak(path: Path, parser: str, src: str) -> tuple[float, float]:
    """The peak RSS (MB) and seconds of ``lg.load(path)`` in a child on ``src``."""
    env = {**os.environ, "PYTHONPATH": src}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), parser],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    peak, took, _ = done.stdout.split()
    return float(peak), float(took)


def peaks(n: int, folder: Path, against: str | None) -> None:
    """Peak RSS of lg.load: JSON, TOML through rtoml, TOML through tomllib; ours first."""
    json_path, toml_path = folder / "peak.json", folder / "peak.toml"
    json_path.write_text(json.dumps(_mix.data(n)))
    lg.load(json_path).save(toml_path)
    ours = str(Path(lg.__file__).resolve().parent.parent)
    trees = {"this tree": ours, **({"against": against} if against else {})}
    cases = {"JSON": (json_path, "fast"), "TOML": (toml_path, "fast")}
    cases["TOML (tomllib)"] = (toml_path, "plain")
    found: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for _ in range(3):  # alternating: every case and tree once, three times
        for case, (path, parser) in cases.items():
            for tree, src in trees.items():
                found.setdefault((case, tree), []).append(_child_peak(path, parser, src))
    print(f"lg.load peak RSS, {n:,} claims (realistic mix), median of 3 child processes")
    for case in cases:
        row = []
        for tree in trees:
            peak = statistics.median(p for p, _ in found[case, tree])
            took = statistics.median(t for _, t in found[case, tree])
            row.append(f"{tree}: {peak:6.0f} MB {took:5.1f} s")
        ratio = ""
        if against:
            mine = statistics.median(p for p, _ in found[case, "this tree"])
            other = statistics.median(p for p, _ in found[case, "against"])
            ratio = f"   peak ratio {mine / other:.2f}"
        print(f"  {case:<15} " + "   ".join(row) + ratio)
    json_peak = statistics.median(p for p, _ in found["JSON", "this tree"])
    toml_peak = statistics.median(p for p, _ in found["TOML", "this tree"])
    print(f"  TOML / JSON peak, this tree: {toml_peak / json_peak:.2f}")


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args and args[0].isdigit() else 100_000
    if "--peak" in sys.argv:
        against = None
        if "--against" in sys.argv:
            against = str(Path(sys.argv[sys.argv.index("--against") + 1]).resolve())
        with tempfile.TemporaryDirectory() as folder:
            peaks(n, Path(folder), against)
        return
    with tempfile.TemporaryDirectory() as folder:
        if "--held" not in sys.argv:
            line(n, True, Path(folder))
            line(n, False, Path(folder))
        held(n, Path(folder))


if __name__ == "__main__":
    main()
