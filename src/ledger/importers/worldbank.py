"""The World Bank's indicator CSV files as ledger entries: :func:`read_worldbank`.

Two shapes are read, as people download them:

- the **bulk indicator file** (``API_<indicator>_DS2_en_csv_v2_*.csv``): a UTF-8 byte order
  mark, a ``"Data Source","World Development Indicators",`` line, a ``"Last Updated Date",
  "2024-06-28",`` line, blank lines, then the header ``"Country Name","Country Code",
  "Indicator Name","Indicator Code","1960",...,"2023",`` and one row per country, every line
  ending with a comma (an empty last field); a missing value is an empty cell;
- the **DataBank export**: the header ``Country Name,Country Code,Series Name,Series Code,
  2004 [YR2004],...``, one row per country and series, ``..`` for a missing value, then blank
  lines and the footer ``Data from database: World Development Indicators`` and
  ``Last Updated: 06/28/2024``.

Every value becomes one entry (a missing one none), dated the last day of its year, with a
:class:`~ledger.entries.Source` (the World Bank, the database, the indicator's name and code,
the file's last-updated date) and the row's words as its quote. Values are read from the text
as exact decimals, never through a float. The indicators known (:data:`INDICATORS`):

==========================  ================================================================
``BX.TRF.PWKR.CD.DT``       personal remittances received (current US$): a ``remittance`` to
                            the country from ``org:rest-of-world`` (the World Bank counts
                            what arrives from every other country, and names none of them)
``BX.TRF.PWKR.DT.GD.ZS``    the same as a % of GDP: a ``share`` (0.453 for 45.3), kept as
                            published, since the World Bank divides by its own GDP figures
``NY.GDP.MKTP.CD``          GDP (current US$): a ``gdp`` entry for its year
``DT.DOD.DECT.CD``          external debt stocks (current US$): a ``debt_stock``, external
``DT.DOD.DPPG.CD``          public and publicly guaranteed external debt: ``public_external``
``DT.DOD.DECT.GN.ZS``       external debt stocks (% of GNI): a ``share`` of GNI
``GC.DOD.TOTL.GD.ZS``       central government debt (% of GDP): a ``share`` of GDP
==========================  ================================================================

Another indicator is refused, naming it and its line: its unit (US$, local currency, people,
an index) cannot be told from its name, and the ledger adds only what its units prove may be
added (``skip_unknown=True`` leaves such rows out instead). Countries are ISO 3166 alpha-3
codes, turned into the ledger's alpha-2 parties through CLDR (``TJK`` is ``TJ``; the World
Bank's ``XKX`` is Kosovo, ``XK``). Rows of groups of countries (``WLD`` "World", ``ECS``
"Europe & Central Asia", and ``CHI``, the Channel Islands, which have no ISO code) are left
out by default, or kept with ``aggregates="keep"`` as ``org:wb-<code>`` parties named in the
ledger's ``parties`` table.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> path = folder / "API_NY.GDP.MKTP.CD_DS2_en_csv_v2_1.csv"
>>> _ = path.write_text(
...     '\\ufeff"Data Source","World Development Indicators",\\n\\n'
...     '"Last Updated Date","2016-05-02",\\n\\n'
...     '"Country Name","Country Code","Indicator Name","Indicator Code","2003","2004",\\n'
...     '"Tajikistan","TJK","GDP (current US$)","NY.GDP.MKTP.CD","1554125543","2076148710",\\n'
...     '"World","WLD","GDP (current US$)","NY.GDP.MKTP.CD","","",\\n', encoding="utf-8")
>>> book = read_worldbank(path)
>>> [(g.id, str(g.amount), g.year) for g in book.gdp(party="TJ")]
[('wb-ny.gdp.mktp.cd-tjk-2003', '1554125543 USD/year', 2003), \
('wb-ny.gdp.mktp.cd-tjk-2004', '2076148710 USD/year', 2004)]
>>> print(book["wb-ny.gdp.mktp.cd-tjk-2004"].quote)
Tajikistan, GDP (current US$), 2004: 2076148710
"""

from __future__ import annotations

import csv
import io
import os
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from ..book import Ledger
from ..entries import Source, is_party
from ..errors import LedgerError, LedgerFileError, Problem

__all__ = [
    "INDICATORS",
    "REST_OF_WORLD",
    "Indicator",
    "import_worldbank",
    "read_worldbank",
]


@dataclass(frozen=True)
class Indicator:
    """What one World Bank indicator becomes: an entry ``kind``, the unit of its values and,
    for shares and debt stocks, what they measure."""

    kind: Literal["remittance", "share", "gdp", "debt_stock"]
    unit: str  # the ledger's unit for the value ("percent" for a share written as 45.3)
    measure: str | None = None  # a debt stock's
    numerator: str | None = None  # a share's
    denominator: str | None = None


#: The indicators read, by code.
INDICATORS: dict[str, Indicator] = {
    "BX.TRF.PWKR.CD.DT": Indicator("remittance", "USD/year"),
    "BX.TRF.PWKR.DT.GD.ZS": Indicator(
        "share", "percent", numerator="personal remittances, received", denominator="GDP"
    ),
    "NY.GDP.MKTP.CD": Indicator("gdp", "USD/year"),
    "DT.DOD.DECT.CD": Indicator("debt_stock", "USD", measure="external"),
    "DT.DOD.DPPG.CD": Indicator("debt_stock", "USD", measure="public_external"),
    "DT.DOD.DECT.GN.ZS": Indicator(
        "share", "percent", numerator="external debt stocks", denominator="GNI"
    ),
    "GC.DOD.TOTL.GD.ZS": Indicator(
        "share", "percent", numerator="central government debt, total", denominator="GDP"
    ),
}

#: The party remittances come from: the World Bank counts what a country receives from
#: every other, and names none of them.
REST_OF_WORLD = "org:rest-of-world"
_REST_OF_WORLD_NAME = "the rest of the world"

#: The World Bank's codes that are not ISO 3166 alpha-3 but name a country CLDR knows.
_WORLD_BANK_CODES = {"XKX": "XK"}

#: The World Bank's codes of groups of countries (regions, income and lending groups, "World"),
#: as its World Development Indicators list them; any other code CLDR does not know (``CHI``,
#: the Channel Islands) is a place without an ISO code, said apart when left out.
AGGREGATES = frozenset(
    [
        "AFE",
        "AFW",
        "ARB",
        "CEB",
        "CSS",
        "EAP",
        "EAR",
        "EAS",
        "ECA",
        "ECS",
        "EMU",
        "EUU",
        "FCS",
        "HIC",
        "HPC",
        "IBD",
        "IBT",
        "IDA",
        "IDB",
        "IDX",
        "INX",
        "LAC",
        "LCN",
        "LDC",
        "LIC",
        "LMC",
        "LMY",
        "LTE",
        "MEA",
        "MIC",
        "MNA",
        "NAC",
        "OED",
        "OSS",
        "PRE",
        "PSS",
        "PST",
        "SAS",
        "SSA",
        "SSF",
        "SST",
        "TEA",
        "TEC",
        "TLA",
        "TMN",
        "TSA",
        "TSS",
        "UMC",
        "WLD",
    ]
)


class RowsLeftOutWarning(UserWarning):
    """A World Bank import left rows out (groups of countries, codes of no ISO country): how
    many, which, and how to keep them."""


_BULK_HEAD = ["Country Name", "Country Code", "Indicator Name", "Indicator Code"]
_DATABANK_HEAD = ["Country Name", "Country Code", "Series Name", "Series Code"]
_YEAR = re.compile(r"[0-9]{4}\Z")
_DATABANK_YEAR = re.compile(r"([0-9]{4}) \[YR\1\]\Z")
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?\Z")
_CODE = re.compile(r"[A-Z0-9]{3}\Z")
_SHAPES = (
    'accepted: a bulk indicator file (its first line "Data Source","World Development '
    'Indicators",) or a DataBank export (its header "Country Name","Country Code","Series '
    'Name","Series Code","2004 [YR2004]",...)'
)


# -- the table as the file holds it ---------------------------------------------------------


@dataclass
class _Row:
    line: int
    country: str
    code: str
    indicator: str
    indicator_code: str
    cells: list[tuple[int, str]]  # (year, text) of each value present


@dataclass
class _Table:
    database: str
    updated: date
    rows: list[_Row] = field(default_factory=list)


class _Refusal(Exception):
    """One thing wrong with the file's shape, where it is."""

    def __init__(self, line: int | None, column: str | None, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


def _blank(row: list[str]) -> bool:
    return not any(cell.strip() for cell in row)


def _lines(text: str) -> Iterator[tuple[int, list[str]]]:
    """Each row that is not blank, with the number of the line it ends on."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        for row in reader:
            if not _blank(row):
                yield reader.line_num, row
    except csv.Error as error:
        raise _Refusal(reader.line_num, None, f"not CSV: {error}") from None


def _table(text: str) -> _Table:
    rows = _lines(text)
    first = next(rows, None)
    if first is None:
        raise _Refusal(None, None, f"the file holds no table; {_SHAPES}")
    line, row = first
    if row[0].strip() == "Data Source":
        return _bulk(line, row, rows)
    if [cell.strip() for cell in row[:4]] == _DATABANK_HEAD:
        return _databank(line, row, rows)
    raise _Refusal(line, None, f"{_shown(row)} does not begin a World Bank CSV file; {_SHAPES}")


def _shown(row: list[str], most: int = 5) -> str:
    cells = ",".join(f'"{cell}"' for cell in row[:most])
    return cells + (",..." if len(row) > most else "")


def _bulk(line: int, row: list[str], rows: Iterator[tuple[int, list[str]]]) -> _Table:
    database = row[1].strip() if len(row) > 1 else ""
    if not database:
        raise _Refusal(
            line,
            None,
            '"Data Source" names no database; expected e.g. '
            '"Data Source","World Development Indicators",',
        )
    line, row = _next(rows, line, '"Last Updated Date","2024-06-28",')
    if row[0].strip() != "Last Updated Date" or len(row) < 2:
        raise _Refusal(
            line,
            None,
            f'expected "Last Updated Date","2024-06-28", (the file\'s '
            f'date, after the "Data Source" line); found {_shown(row)}',
        )
    updated = _iso_date(row[1].strip(), line)
    line, header = _next(rows, line, "the header")
    years = _bulk_years(line, header)
    table = _Table(database, updated)
    for line, row in rows:
        table.rows.append(_bulk_row(line, row, years))
    return table


def _next(rows: Iterator[tuple[int, list[str]]], line: int, what: str) -> tuple[int, list[str]]:
    found = next(rows, None)
    if found is None:
        raise _Refusal(line, None, f"the file ends after this line; expected {what} next")
    return found


def _iso_date(text: str, line: int) -> date:
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise _Refusal(line, None, f"last updated {text!r} is not a date; expected e.g. 2024-06-28")


def _bulk_years(line: int, header: list[str]) -> list[int]:
    if [cell.strip() for cell in header[:4]] != _BULK_HEAD:
        raise _Refusal(
            line,
            None,
            f'expected the header "Country Name","Country Code","Indicator Name",'
            f'"Indicator Code","1960",...; found {_shown(header)}',
        )
    names = header[4:]
    while names and not names[-1].strip():
        names.pop()  # the trailing comma every line of the file ends with
    years = []
    for number, name in enumerate(names, 5):
        if not _YEAR.match(name.strip()):
            raise _Refusal(line, f"column {number}", f"{name!r} is not a year such as 1960")
        years.append(int(name))
    if not years:
        raise _Refusal(line, None, 'the header names no year after "Indicator Code"')
    return years


def _bulk_row(line: int, row: list[str], years: list[int]) -> _Row:
    cells = row[4:]
    if len(row) < 4 or len(cells) < len(years) or any(c.strip() for c in cells[len(years) :]):
        raise _Refusal(
            line,
            None,
            f"a row of {len(row)} fields; the header has {len(years) + 4} (4 names, then one "
            "value a year, then an empty field)",
        )
    return _Row(
        line,
        row[0].strip(),
        row[1].strip(),
        row[2].strip(),
        row[3].strip(),
        [(year, text.strip()) for year, text in zip(years, cells, strict=False) if text.strip()],
    )


def _databank(line: int, header: list[str], rows: Iterator[tuple[int, list[str]]]) -> _Table:
    names = list(header[4:])
    while names and not names[-1].strip():
        names.pop()
    years = []
    for number, name in enumerate(names, 5):
        match = _DATABANK_YEAR.match(name.strip())
        if match is None:
            raise _Refusal(
                line, f"column {number}", f"{name!r} is not a year such as '2004 [YR2004]'"
            )
        years.append(int(match[1]))
    if not years:
        raise _Refusal(line, None, 'the header names no year after "Series Code"')
    data: list[_Row] = []
    database: str | None = None
    updated: date | None = None
    for line, row in rows:
        first = row[0].strip()
        if first.startswith("Data from database:"):
            database = first.split(":", 1)[1].strip()
        elif first.startswith("Last Updated:"):
            updated = _us_date(first.split(":", 1)[1].strip(), line)
        elif database is not None or updated is not None:
            raise _Refusal(
                line,
                None,
                f"{_shown(row)} follows the footer; a DataBank export "
                'ends with its "Data from database:" and "Last Updated:" lines',
            )
        else:
            data.append(_databank_row(line, row, years))
    if database is None or updated is None:
        missing = '"Data from database: ..."' if database is None else '"Last Updated: ..."'
        raise _Refusal(
            None,
            None,
            f"the file ends without its {missing} line; a DataBank "
            'export ends with "Data from database: World Development Indicators" '
            'and "Last Updated: 06/28/2024"',
        )
    return _Table(database, updated, data)


def _us_date(text: str, line: int) -> date:
    try:
        return datetime.strptime(text, "%m/%d/%Y").date()
    except ValueError:
        raise _Refusal(
            line,
            None,
            f"last updated {text!r} is not a date; expected e.g. 06/28/2024 (month/day/year)",
        ) from None


def _databank_row(line: int, row: list[str], years: list[int]) -> _Row:
    cells = row[4:]
    if len(row) < 4 or len(cells) < len(years) or any(c.strip() for c in cells[len(years) :]):
        raise _Refusal(
            line,
            None,
            f"a row of {len(row)} fields; the header has "
            f"{len(years) + 4} (4 names, then one value a year)",
        )
    present = [(y, t.strip()) for y, t in zip(years, cells, strict=False) if t.strip() != ".."]
    return _Row(
        line,
        row[0].strip(),
        row[1].strip(),
        row[2].strip(),
        row[3].strip(),
        [(year, text) for year, text in present if text],
    )


# -- entries --------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _alpha2() -> dict[str, str]:
    from babel.core import get_global

    aliases: Any = get_global("territory_aliases")
    table = {
        code: targets[0]
        for code, targets in aliases.items()
        if len(code) == 3 and code.isalpha() and len(targets) == 1 and is_party(targets[0])
    }
    return {**table, **_WORLD_BANK_CODES}


def _value(text: str, line: int, year: int, unit: str) -> str:
    """The cell's number, exactly as written, as the plain digits an amount is written in."""
    if not _NUMBER.match(text):
        raise _Refusal(
            line,
            str(year),
            f"{text!r} is not a number; accepted: digits such as "
            "2076148710.49, or an empty cell or '..' for a missing value",
        )
    number = Decimal(text)
    if number < 0:
        raise _Refusal(line, str(year), f"{text} is below zero; a {unit} value is never negative")
    if unit == "percent":
        number = number.scaleb(-2)  # exact: 45.3 percent is 0.453
    digits = format(number, "f")
    return digits if unit == "percent" else f"{digits} {unit}"


@dataclass
class _Build:
    aggregates: str
    skip_unknown: bool
    hint: str
    name: str
    entries: list[dict[str, Any]] = field(default_factory=list)
    parties: dict[str, str] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    seen: dict[tuple[str, str], int] = field(default_factory=dict)
    unknown: dict[str, int] = field(default_factory=dict)
    groups: dict[str, int] = field(default_factory=dict)  # code: first line, left out
    strangers: dict[str, int] = field(default_factory=dict)
    nameless: list[int] = field(default_factory=list)  # lines of rows with no Country Code


def _party(build: _Build, row: _Row) -> str | None:
    if not row.code.strip():  # a row of no country (the Bank's "Not classified"): left out
        build.nameless.append(row.line)
        return None
    if not _CODE.match(row.code):
        raise _Refusal(
            row.line,
            "Country Code",
            f"{row.code!r} is not a country code such as TJK (ISO 3166 alpha-3)",
        )
    party = _alpha2().get(row.code)
    if party is not None:
        return party
    if build.aggregates == "skip":
        left_out = build.groups if row.code in AGGREGATES else build.strangers
        left_out.setdefault(row.code, row.line)
        return None
    party = f"org:wb-{row.code.lower()}"
    build.parties[party] = row.country or row.code
    return party


def _source(build: _Build, table: _Table, row: _Row) -> Source:
    source = build.sources.get(row.indicator_code)
    if source is None:
        source = Source(
            publisher="World Bank",
            title=f"{table.database}: {row.indicator} ({row.indicator_code})",
            date=table.updated,
            url=f"https://data.worldbank.org/indicator/{row.indicator_code}",
        )
        build.sources[row.indicator_code] = source
    return source


def _row_entries(build: _Build, table: _Table, row: _Row) -> None:
    indicator = INDICATORS.get(row.indicator_code)
    if indicator is None:
        if not build.skip_unknown:
            build.unknown.setdefault(row.indicator_code, row.line)
        return
    if not row.cells:
        return  # a row with no value names no party
    party = _party(build, row)
    if party is None:
        return
    first = build.seen.setdefault((row.code, row.indicator_code), row.line)
    if first != row.line:
        raise _Refusal(
            row.line,
            None,
            f"{row.country} ({row.code}) is given again for "
            f"{row.indicator_code} (first on line {first}); a file gives each "
            "country once per indicator",
        )
    source = _source(build, table, row)
    slug = f"wb-{row.indicator_code.lower()}-{row.code.lower()}"
    for year, text in row.cells:
        amount = _value(text, row.line, year, indicator.unit)
        entry: dict[str, Any] = {
            "kind": indicator.kind,
            "id": f"{slug}-{year}",
            "as_of": date(year, 12, 31),
            "source": source,
            "quote": f"{row.country}, {row.indicator}, {year}: {text}",
            "amount": amount,
        }
        if indicator.kind == "remittance":
            entry.update(origin=(REST_OF_WORLD,), destination=party, period=str(year))
            build.parties[REST_OF_WORLD] = _REST_OF_WORLD_NAME
        elif indicator.kind == "debt_stock":
            entry.update(party=party, measure=indicator.measure)
        elif indicator.kind == "share":
            entry.update(
                party=party,
                numerator=indicator.numerator,
                denominator=indicator.denominator,
                year=year,
            )
        else:
            entry.update(party=party, year=year)
        build.entries.append(entry)


def _unknown_problems(build: _Build) -> list[Problem]:
    known = ", ".join(INDICATORS)
    return [
        Problem(
            build.name,
            f"line {line}",
            None,
            f"indicator {code!r} is not one the ledger reads (its unit cannot be told from its "
            f"name); accepted: {known}{build.hint}",
        )
        for code, line in build.unknown.items()
    ]


def _decoded(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise LedgerFileError(
            [
                Problem(
                    name,
                    f"line {line}",
                    None,
                    f"not UTF-8 text (byte {error.start}); save "
                    "the file as UTF-8, as the World Bank writes it",
                )
            ]
        ) from None


def _left_out(build: _Build, keep: str) -> str:
    """How many rows were left out, of which codes and why, and how to keep them."""
    count = len(build.groups) + len(build.strangers) + len(build.nameless)
    parts = []
    if build.groups:
        parts.append(
            f"{len(build.groups)} of groups of countries ({', '.join(sorted(build.groups))})"
        )
    if build.strangers:
        named = ", ".join(f"{code} (line {line})" for code, line in sorted(build.strangers.items()))
        parts.append(
            f"{len(build.strangers)} of a code that is neither an ISO 3166 country nor a World "
            f"Bank group: {named}"
        )
    if build.nameless:
        lines = ", ".join(f"line {line}" for line in build.nameless)
        parts.append(f"{len(build.nameless)} with no Country Code ({lines})")
    rows = "row" if count == 1 else "rows"
    said = f"{build.name}: {count} {rows} left out: {'; '.join(parts)}"
    if build.groups or build.strangers:
        said += f"; keep them as org: parties with {keep}"
    return said


def _read(
    path: str | os.PathLike[str],
    aggregates: str,
    skip_unknown: bool,
    hint: str,
    keep: str = "aggregates='keep'",
) -> Ledger:
    if not isinstance(path, str | os.PathLike):
        raise LedgerError(f"path: {type(path).__name__} {path!r} is not a path; pass a file's path")
    if aggregates not in ("skip", "keep"):
        raise LedgerError(
            f"aggregates: {aggregates!r} is not accepted; accepted: 'skip' "
            "(leave out groups of countries) or 'keep' (as org: parties)"
        )
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise LedgerFileError(
            [Problem(name, None, None, f"cannot read: {error.strerror}")]
        ) from None
    build = _Build(aggregates, skip_unknown, hint, name)
    try:
        table = _table(_decoded(raw, name))
        for row in table.rows:
            _row_entries(build, table, row)
    except _Refusal as refusal:
        where = None if refusal.line is None else f"line {refusal.line}"
        raise LedgerFileError([Problem(name, where, refusal.column, refusal.message)]) from None
    if build.unknown:
        raise LedgerFileError(_unknown_problems(build))
    if build.groups or build.strangers or build.nameless:
        warnings.warn(RowsLeftOutWarning(_left_out(build, keep)), stacklevel=3)
    return Ledger(
        build.entries,
        title=f"World Bank: {table.database}, last updated {table.updated.isoformat()}",
        parties=dict(sorted(build.parties.items())),
        source_ids={source: f"wb-{code.lower()}" for code, source in build.sources.items()},
    )


def read_worldbank(
    path: str | os.PathLike[str],
    *,
    aggregates: Literal["skip", "keep"] = "skip",
    skip_unknown: bool = False,
) -> Ledger:
    """A ledger of the values in a World Bank CSV file (the bulk indicator file or a DataBank
    export; see :mod:`ledger.importers.worldbank`): one entry per value present.

    ``aggregates="keep"`` keeps the rows of groups of countries ("World", "Europe & Central
    Asia") and of places with no ISO code (``CHI``, the Channel Islands) as ``org:wb-<code>``
    parties; by default they are left out, and a :class:`RowsLeftOutWarning` says how many,
    which (the groups apart from the other codes, each with its line) and how to keep them.
    ``skip_unknown=True``
    leaves out the rows of indicators the ledger does not read; by default they are refused.
    A file of another shape is refused with a :class:`~ledger.errors.LedgerFileError` that
    names the line.
    """
    return _read(
        path,
        aggregates,
        skip_unknown,
        "; or leave out the rows of other indicators: skip_unknown=True",
    )


# -- the command line ------------------------------------------------------------------------


def import_worldbank(
    path: str, output: str, *, aggregates: str = "skip", skip_unknown: bool = False
) -> tuple[Ledger, list[str]]:
    """``debt-ledger import worldbank FILE -o LEDGER``: read ``path`` and save its entries to
    ``output`` (``.toml`` or ``.json``); returns the ledger written and what was left out, in
    words. Refusals say what to change on the command line (``--skip-unknown``), not in
    Python."""
    with warnings.catch_warnings(record=True) as caught:  # said in the command's own words
        warnings.simplefilter("always", RowsLeftOutWarning)
        book = _read(
            path,
            aggregates,
            skip_unknown,
            "; or leave out the rows of other indicators with --skip-unknown",
            "--aggregates keep",
        )
    notes = [str(w.message) for w in caught if issubclass(w.category, RowsLeftOutWarning)]
    target = Path(output)
    if target.suffix.lower() not in (".toml", ".json"):
        raise LedgerError(
            f"{output}: unknown file type {target.suffix!r}; write the ledger to a .toml "
            "or .json file"
        )
    try:
        book.save(target)
    except OSError as error:
        raise LedgerError(f"{output}: cannot write: {error.strerror}") from None
    return book, notes
