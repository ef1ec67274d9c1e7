"""ledger.frames next to hand-written polars, numpy, the object path and a Dask cluster.

Run by hand: ``python benchmarks/bench_frames.py [--claims N] [--big N] [--json N]``
(defaults 1,000,000 / 10,000,000 / 1,000,000; ``--quick`` for 100,000 / 1,000,000 / 50,000).
Claims among 200 parties in 3 currencies, amounts with cents in a Decimal(38, 2) column, all
exact, so that the hand-written baseline (a group-by of sums) computes the same thing.
Side-by-side lines alternate their runs and print medians of 5. Goals (issue 14):

- file (CSV and Parquet) to positions, ledger.frames on polars / hand polars scan + group_by:
  <= 1.5x;
- in memory, ledger.frames / hand polars group_by: <= 1.2x; numpy ``add.at`` reported;
- what checking claim ids costs: the same claims with and without an ``id`` column, reported;
- 10M claims from Parquet, polars and DuckDB: time and peak RSS (goal < 1 GB), each in a child
  process of its own (its ``VmHWM`` on Linux, which is ``ru_maxrss`` of its own memory: Linux
  carries ``resource.getrusage().ru_maxrss`` over fork and exec from the parent);
- a Dask LocalCluster (2 worker processes; extra `cluster`) on the Parquet file: time;
- ``lg.load`` (JSON) + ``lg.net_positions`` next to ``ledger.frames`` on the same claims;
- the memory step also prints the bytes a loaded ``Ledger`` holds per claim (goal <= 600).

Never asserts: tests do not time anything.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import numpy as np
import polars as pl

import ledger as lg
from ledger import frames

PARTIES = [f"org:p{i:03d}" for i in range(200)]
CURRENCIES = ["USD", "RUB", "EUR"]
RUNS = 5


def claims(n: int, seed: int = 14) -> pl.DataFrame:
    """``n`` exact claims: debtor, creditor (never the same), currency, amount in cents."""
    rng = np.random.default_rng(seed)
    debtor = rng.integers(0, len(PARTIES), n)
    creditor = (debtor + rng.integers(1, len(PARTIES), n)) % len(PARTIES)
    names = pl.Series(PARTIES)
    return pl.DataFrame(
        {
            "debtor": names.gather(debtor),
            "creditor": names.gather(creditor),
            "currency": pl.Series(CURRENCIES).gather(rng.integers(0, 3, n)),
            "cents": rng.integers(1, 10**11, n),
        }
    ).select(
        "debtor",
        "creditor",
        "currency",
        (pl.col("cents").cast(pl.Decimal(38, 0)) * pl.lit(Decimal("0.01")))
        .cast(pl.Decimal(38, 2))
        .alias("amount"),
    )


def hand(lazy: pl.LazyFrame) -> pl.DataFrame:
    """Positions as one would write them in polars by hand: each side summed, then added."""
    owed = lazy.group_by("creditor", "currency").agg(pl.col("amount").sum())
    owing = lazy.group_by("debtor", "currency").agg(-pl.col("amount").sum())
    both = pl.concat(
        [owed.rename({"creditor": "party"}), owing.rename({"debtor": "party"})], how="vertical"
    )
    return (
        both.group_by("party", "currency").agg(pl.col("amount").sum()).collect(engine="streaming")
    )


def alternating(*actions: Callable[[], object], runs: int = RUNS) -> list[float]:
    """Medians of ``runs`` timings of each action, the actions taking turns."""
    times: list[list[float]] = [[] for _ in actions]
    for action in actions:
        action()  # warm: imports, caches, the file in the page cache
    for _ in range(runs):
        for held, action in zip(times, actions, strict=True):
            start = time.perf_counter()
            action()
            held.append(time.perf_counter() - start)
    return [statistics.median(held) for held in times]


def line(what: str, ours: float, theirs: float, goal: str) -> None:
    print(f"{what:<44} {ours:8.3f} s vs {theirs:8.3f} s  ratio {ours / theirs:5.2f}  ({goal})")


def files(folder: Path, n: int) -> None:
    frame = claims(n)
    parquet, csv = folder / "claims.parquet", folder / "claims.csv"
    frame.write_parquet(parquet)
    frame.write_csv(csv)
    ours, theirs = alternating(
        lambda: frames.net_positions(frames.scan(parquet)),
        lambda: hand(pl.scan_parquet(parquet)),
    )
    line(f"Parquet {n:,} -> positions", ours, theirs, "goal <= 1.5x")
    typed = {"amount": pl.Decimal(38, 2)}
    ours, theirs = alternating(
        lambda: frames.net_positions(frames.scan(csv)),
        lambda: hand(pl.scan_csv(csv, schema_overrides=typed)),
    )
    line(f"CSV {n:,} -> positions", ours, theirs, "goal <= 1.5x")


def in_memory(n: int) -> None:
    frame = claims(n)
    ours, theirs = alternating(lambda: frames.net_positions(frame), lambda: hand(frame.lazy()))
    line(f"in memory {n:,}: polars frame", ours, theirs, "goal <= 1.2x")
    # numpy: integer cents, parties and currencies as codes, one add.at per side.
    debtor = frame["debtor"].cast(pl.Categorical).to_physical().to_numpy()
    creditor = frame["creditor"].cast(pl.Categorical).to_physical().to_numpy()
    currency = frame["currency"].cast(pl.Categorical).to_physical().to_numpy()
    cents = (frame["amount"] * 100).cast(pl.Int64).to_numpy()

    def numpy_positions() -> np.ndarray:
        held = np.zeros((len(PARTIES) + 1, 3), dtype=np.int64)
        np.add.at(held, (creditor, currency), cents)
        np.subtract.at(held, (debtor, currency), cents)
        return held

    ours, theirs = alternating(lambda: frames.net_positions(frame), numpy_positions)
    line(f"in memory {n:,}: numpy add.at (int cents)", ours, theirs, "reported")


def ids(n: int) -> None:
    """What checking claim ids costs (each id given once; the check reads the ``id`` column,
    which the sums do not need): the same claims with and without an ``id`` column, on polars
    (eager and lazy: the ids' hashes in the query of the sums) and DuckDB (a query of its own).
    Polars eager without ids is what the in-memory goal measures."""
    import duckdb

    frame = claims(n).with_columns(pl.format("c{}", pl.int_range(pl.len())).alias("id"))
    bare = frame.drop("id")
    connection = duckdb.connect()
    with_ids, without = (
        connection.from_arrow(frame.to_arrow()),
        connection.from_arrow(bare.to_arrow()),
    )
    cases = [
        ("polars lazy", lambda: frames.net_positions(frame.lazy()),
         lambda: frames.net_positions(bare.lazy())),
        ("polars eager", lambda: frames.net_positions(frame), lambda: frames.net_positions(bare)),
        ("DuckDB", lambda: frames.net_positions(with_ids), lambda: frames.net_positions(without)),
    ]  # fmt: skip
    for name, checked, unchecked in cases:
        ours, theirs = alternating(checked, unchecked)
        line(f"ids {n:,}, {name}: with ids / without", ours, theirs, "reported")
        print(f"{'':<44} cost {1000 * (ours - theirs):8.1f} ms")


# The peak resident set of the child itself. Linux carries ru_maxrss over fork and exec (a
# child started by this big process would report this process's size), so where the kernel
# gives it, VmHWM of the child's own memory map is read; ru_maxrss elsewhere.
PEAK = """
import resource
def peak():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
"""


def mix(n: int) -> None:
    """The realistic mix of issue 14 (75% exact, 15% about, 5% estimated, 5% ranges; a tenth of
    the claims partly settled): the figure path of ledger.frames, next to the all-exact sums."""
    frame = claims(n).with_row_index("row")
    shape = pl.col("row") % 20
    frame = frame.with_columns(
        pl.format("c{}", pl.col("row")).alias("id"),
        pl.when(shape < 3)
        .then(pl.lit("about"))
        .when(shape == 3)
        .then(pl.lit("estimated"))
        .when(shape == 4)
        .then(pl.lit("range"))
        .otherwise(pl.lit(None, pl.String))
        .alias("qualifier"),
        pl.when(shape == 4).then(pl.col("amount")).alias("low"),
        pl.when(shape == 4).then(pl.col("amount") * 2).cast(pl.Decimal(38, 2)).alias("high"),
    ).drop("row")
    paid = frame.filter(pl.int_range(pl.len()) % 10 == 0).select(
        pl.col("id").alias("claim"),
        (pl.col("amount") * pl.lit(Decimal("0.5"))).cast(pl.Decimal(38, 2)).alias("amount"),
    )
    exact = claims(n)
    ours, theirs = alternating(
        lambda: frames.net_positions(frame, settlements=paid),
        lambda: frames.net_positions(exact),
    )
    line(f"in memory {n:,}: realistic mix / all exact", ours, theirs, "reported")


CHILD = (
    PEAK
    + """
import sys, time
from ledger import frames
start = time.perf_counter()
positions = frames.net_positions(frames.scan(sys.argv[1], engine=sys.argv[2]))
print(time.perf_counter() - start, peak())
"""
)
BASELINE = (
    PEAK
    + """
from ledger import frames
import polars, duckdb, narwhals, pyarrow
print(peak())
"""
)


def big(folder: Path, n: int) -> None:
    path = folder / "big.parquet"
    chunk = 1_000_000
    parts = []
    for i, start in enumerate(range(0, n, chunk)):
        part = folder / f"big-{i:03d}.parquet"
        claims(min(chunk, n - start), seed=i).write_parquet(part)
        parts.append(part)
    pl.scan_parquet(parts).sink_parquet(path)
    for part in parts:
        part.unlink()
    idle = int(subprocess.run([sys.executable, "-c", BASELINE], capture_output=True,
                              text=True, check=True).stdout)  # fmt: skip
    print(f"{n:,} claims from Parquet ({path.stat().st_size / 2**20:.0f} MiB), each run a child:")
    print(f"  interpreter with ledger.frames and the engines imported: {idle / 2**20:.0f} MiB")
    for engine in ("polars", "duckdb"):
        runs = []
        for _ in range(3):
            out = subprocess.run(
                [sys.executable, "-c", CHILD, str(path), engine],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()
            runs.append((float(out[0]), int(out[1])))
        seconds = statistics.median(r[0] for r in runs)
        peak = max(r[1] for r in runs)
        print(f"  {engine:<7} {seconds:7.2f} s (median of 3), peak RSS {peak / 2**20:6.0f} MiB "
              "(goal < 1 GiB)")  # fmt: skip


def cluster(folder: Path, n: int) -> None:
    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster

    path = folder / "cluster.parquet"
    claims(n).write_parquet(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with (
            LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as local,
            Client(local),
        ):

            def run() -> object:
                table = dd.read_parquet(path, dtype_backend="pyarrow")
                return frames.net_positions(table)

            (seconds,) = alternating(run)
            (polars_seconds,) = alternating(lambda: frames.net_positions(frames.scan(path)))
    print(f"Dask LocalCluster, 2 workers, {n:,} claims from Parquet: {seconds:.2f} s "
          f"(polars on the same file, in process: {polars_seconds:.2f} s)")  # fmt: skip


def objects(folder: Path, n: int) -> None:
    frame = claims(n)
    path = folder / "ledger.json"
    entries = [
        {
            "kind": "claim",
            "id": f"claim-{i}",
            "as_of": "2004-03-15",
            "source": "s",
            "creditor": creditor,
            "debtor": debtor,
            "asserted_by": creditor,
            "amount": f"{amount} {currency}",
        }
        for i, (debtor, creditor, currency, amount) in enumerate(frame.iter_rows())
    ]
    source = {"publisher": "generated", "title": "generated", "date": "2004-03-15"}
    path.write_text(json.dumps({"sources": {"s": source}, "entries": entries}))
    del entries
    parquet = folder / "ledger.parquet"
    frame.write_parquet(parquet)

    def object_path() -> object:
        return lg.net_positions(lg.load(path))

    def frames_path() -> object:
        return frames.net_positions(frames.scan(parquet))

    ours, theirs = alternating(object_path, frames_path, runs=3)
    print(f"{n:,} claims, lg.load (JSON) + lg.net_positions: {ours:.2f} s; ledger.frames")
    print(
        f"  from Parquet: {theirs:.3f} s; object path / frames {ours / theirs:.0f}x (medians of 3)"
    )


def held(folder: Path, n: int) -> None:
    """The memory a Ledger of the realistic mix holds per claim (issue 14: <= 600 bytes),
    measured by ``bench_load.py`` (its ``--held``)."""
    import bench_load

    bench_load.held(n, folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--big", type=int, default=10_000_000)
    parser.add_argument("--json", type=int, default=1_000_000)
    parser.add_argument("--quick", action="store_true", help="small sizes, to try the script")
    parser.add_argument(
        "--only", choices=["files", "memory", "ids", "mix", "big", "cluster", "objects"]
    )
    args = parser.parse_args()
    if args.quick:
        args.claims, args.big, args.json = 100_000, 1_000_000, 50_000
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        steps = {
            "files": lambda: files(folder, args.claims),
            "memory": lambda: (in_memory(args.claims), held(folder, args.claims)),
            "ids": lambda: ids(args.claims),
            "mix": lambda: mix(args.claims),
            "big": lambda: big(folder, args.big),
            "cluster": lambda: cluster(folder, args.claims),
            "objects": lambda: objects(folder, args.json),
        }
        for step, run in steps.items():
            if args.only in (None, step):
                run()


if __name__ == "__main__":
    main()
