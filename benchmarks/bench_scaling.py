"""How the object path grows (issue 14): each public operation at 10k, 100k and 1M claims.

Run by hand: ``python benchmarks/bench_scaling.py [LARGEST] [--skip-summary-above N]
[--skip-describe-above N]`` (default largest 1,000,000; ``summary`` stops at 100,000 unless
told, ``describe`` goes on unless told). The claims are the
realistic mix of ``_mix.py`` among 200 parties; ``describe`` is of one pair's balance with
every claim between the two; ``net_positions`` is the first call after the load (the
ledger's columns are made then), ``net_positions 2`` the next. For each step it prints the
time and the ratio to the step before: near-linear means at most 12x for ten times the
claims. Never asserts.

``--cli [SIZES] [--against SRC]`` times the command as a user runs it, in a child process:
``debt-ledger summary`` and ``positions`` on the mix of 10,000, 100,000 and 200,000 claims
(or the comma-separated SIZES), with another source tree (``--against``, e.g. an older
commit's ``src``) run alternately beside this one: the time, the step ratios and the ratio of
the two trees.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import _mix

import ledger as lg
from ledger.cli import main as cli


def seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def summary(path: Path) -> None:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
        cli(["summary", str(path), "--on", _mix.DAY.isoformat()])


def measure(n: int, folder: Path, with_summary: bool, with_describe: bool) -> dict[str, float]:
    path = folder / f"mix-{n}.json"
    path.write_text(json.dumps(_mix.data(n)))
    pair = folder / f"pair-{n}.json"
    if with_describe:
        pair.write_text(json.dumps(_mix.data(n, count=2)))
    times: dict[str, float] = {}
    book: list[lg.Ledger] = []
    times["load"] = seconds(lambda: book.append(lg.load(path)))
    times["net_positions"] = seconds(lambda: lg.net_positions(book[0], as_of=_mix.DAY))
    times["net_positions 2"] = seconds(lambda: lg.net_positions(book[0], as_of=_mix.DAY))
    times["settle"] = seconds(lambda: lg.settle(book[0], as_of=_mix.DAY))
    if with_describe:
        two = lg.load(pair)
        a, b = _mix.parties(2)
        times["describe"] = seconds(
            lambda: lg.describe(lg.net_balance(two, a, b, as_of=_mix.DAY, currency="USD"))
        )
    if with_summary:
        times["summary"] = seconds(lambda: summary(path))
    return times


def command_seconds(args: list[str], src: str) -> float:
    """Seconds a ``debt-ledger`` command takes as a user runs it, output to a pipe."""
    env = {**os.environ, "PYTHONPATH": src}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "ledger", *args], env=env, capture_output=True, check=True
    )
    return time.perf_counter() - start


def cli_main(args: list[str]) -> None:
    """``--cli``: summary and positions as commands, this tree beside another."""
    sizes = [10_000, 100_000, 200_000]
    given = [a for a in args if a[0].isdigit()]
    if given:
        sizes = [int(n) for n in given[0].split(",")]
    ours = str(Path(lg.__file__).resolve().parent.parent)
    trees = {"this tree": ours}
    if "--against" in args:
        trees["against"] = str(Path(args[args.index("--against") + 1]).resolve())
    found: dict[tuple[str, str, int], float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for n in sizes:
            path = Path(folder) / f"mix-{n}.json"
            path.write_text(json.dumps(_mix.data(n)))
            for name in ("summary", "positions"):
                for tree, src in trees.items():  # alternating, one after the other
                    line = [name, str(path), "--on", _mix.DAY.isoformat()]
                    found[name, tree, n] = command_seconds(line, src)
    print(f"{'command':<22}" + "".join(f"{n:>12,}" for n in sizes) + "   step ratios")
    for name in ("summary", "positions"):
        for tree in trees:
            row = [found[name, tree, n] for n in sizes]
            cells = "".join(f"{t:>11.2f}s" for t in row)
            steps = " ".join(f"{b / a:.1f}x" for a, b in itertools.pairwise(row))
            print(f"{name + ' (' + tree + ')':<22}{cells}   {steps}")
        if len(trees) == 2:
            ratios = " ".join(
                f"{found[name, 'against', n] / found[name, 'this tree', n]:.1f}x" for n in sizes
            )
            print(f"{'  against / this tree':<22}{ratios}")


def main() -> None:
    args = sys.argv[1:]
    if "--cli" in args:
        cli_main([a for a in args if a != "--cli"])
        return
    largest = int(args[0]) if args and args[0].isdigit() else 1_000_000
    summary_top = 100_000
    if "--skip-summary-above" in args:
        summary_top = int(args[args.index("--skip-summary-above") + 1])
    describe_top = largest
    if "--skip-describe-above" in args:
        describe_top = int(args[args.index("--skip-describe-above") + 1])
    sizes = [n for n in (10_000, 100_000, 1_000_000) if n <= largest]
    with tempfile.TemporaryDirectory() as folder:
        results = {n: measure(n, Path(folder), n <= summary_top, n <= describe_top) for n in sizes}
    names = list(results[sizes[0]])
    print(f"{'operation':<15}" + "".join(f"{n:>12,}" for n in sizes) + "   step ratios")
    for name in names:
        row = [results[n].get(name) for n in sizes]
        cells = "".join(f"{t:>11.3f}s" if t is not None else f"{'-':>12}" for t in row)
        ratios = [
            f"{later / earlier:.1f}x"
            for earlier, later in itertools.pairwise(row)
            if earlier and later
        ]
        print(f"{name:<15}{cells}   {' '.join(ratios)} (goal <= 12x each)")


if __name__ == "__main__":
    main()
