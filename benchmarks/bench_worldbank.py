"""``read_worldbank`` on a bulk indicator file of the real size, next to the csv module reading
the same file.

Run by hand: ``python benchmarks/bench_worldbank.py [ROWS]``. The file is generated in the
World Bank's bulk shape (byte order mark, "Data Source" and "Last Updated Date" lines, a
trailing comma on every line): 266 rows (217 countries and 49 groups) x 65 years (1960-2024),
about a quarter of the cells empty, as in NY.GDP.MKTP.CD. Baselines, same process, median of
5: ``csv.reader`` over the rows, and ``csv.reader`` with each present cell made a ``Decimal``.
Issue 13 asks for the figures and the ratio; no goal is set. Never asserts.
"""

from __future__ import annotations

import csv
import io
import random
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

from _timing import median_seconds
from babel.core import get_global

import ledger as lg
from ledger.importers.worldbank import AGGREGATES

YEARS = list(range(1960, 2025))
GROUPS = sorted(AGGREGATES)  # the World Bank's own groups of countries, as the importer knows them


def countries(count: int) -> list[str]:
    """ISO alpha-3 codes that CLDR maps to one country the ledger knows."""
    aliases = get_global("territory_aliases")
    codes = sorted(
        code
        for code, targets in aliases.items()
        if len(code) == 3
        and code.isalpha()
        and len(targets) == 1
        and lg.entries.is_party(targets[0])
    )
    return codes[:count]


def bulk_file(rows: int) -> str:
    chance = random.Random(13)
    codes = countries(rows - len(GROUPS) if rows > len(GROUPS) else rows)
    codes += GROUPS[: max(0, rows - len(codes))]
    out = io.StringIO()
    out.write('\ufeff"Data Source","World Development Indicators",\n\n')
    out.write('"Last Updated Date","2024-06-28",\n\n')
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator=",\n")
    writer.writerow(
        ["Country Name", "Country Code", "Indicator Name", "Indicator Code", *map(str, YEARS)]
    )
    for code in codes:
        cells = [
            ""
            if chance.random() < 0.25
            else f"{chance.randint(10**7, 10**13)}.{chance.randint(0, 99999)}"
            for _ in YEARS
        ]
        writer.writerow(
            [f"Country {code}, the", code, "GDP (current US$)", "NY.GDP.MKTP.CD", *cells]
        )
    return out.getvalue()


def csv_rows(path: Path) -> int:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return sum(1 for _ in csv.reader(stream))


def csv_decimals(path: Path) -> int:
    count = 0
    with path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.reader(stream)
        for _ in range(5):
            next(reader)
        for row in reader:
            for cell in row[4:]:
                if cell:
                    Decimal(cell)
                    count += 1
    return count


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 266
    path = Path(tempfile.mkdtemp()) / "API_NY.GDP.MKTP.CD_DS2_en_csv_v2_bench.csv"
    path.write_text(bulk_file(rows), encoding="utf-8")
    size = path.stat().st_size
    book = lg.read_worldbank(path, aggregates="keep")
    print(f"file: {rows} rows x {len(YEARS)} years, {size:,} bytes, {len(book):,} values")
    ours = median_seconds(lambda: lg.read_worldbank(path, aggregates="keep"))
    bare = median_seconds(lambda: csv_rows(path))
    decimals = median_seconds(lambda: csv_decimals(path))
    print(
        f"read_worldbank:            {ours * 1000:9.1f} ms  ({len(book) / ours:10,.0f} entries/s)"
    )
    print(f"csv.reader rows:           {bare * 1000:9.1f} ms   ratio {ours / bare:7.1f}x")
    print(f"csv.reader + Decimal:      {decimals * 1000:9.1f} ms   ratio {ours / decimals:7.1f}x")


if __name__ == "__main__":
    main()
