"""Big ledgers as frames: netting millions of claims on dataframe engines, through narwhals.

One code path serves pandas, polars and pyarrow eagerly, and polars lazy frames, DuckDB
relations and Dask dataframes lazily (Spark and the other engines narwhals knows, through the
same layer). A frame of claims has a row per claim: ``debtor``, ``creditor``, ``currency`` and
``amount``, and where the data has them ``qualifier``, ``low``, ``high``, ``approximate``,
``low_inclusive``, ``high_inclusive``, ``status``, ``as_of``, ``asserted_by`` and ``id`` (which a
frame of settlements names in its ``claim`` column).

>>> import polars as pl
>>> from decimal import Decimal
>>> claims = pl.DataFrame(
...     {
...         "debtor": ["TJ", "RU"],
...         "creditor": ["RU", "TJ"],
...         "currency": ["USD", "USD"],
...         "amount": [Decimal("300000000"), Decimal("50000000")],
...         "qualifier": ["about", None],
...     },
...     schema_overrides={"amount": pl.Decimal(38, 2)},
... )
>>> print(net_positions(claims, figures=True)["RU"]["USD"])
about 250000000 USD
>>> net_positions(claims).select("party", "amount", "approximate").rows()
[('RU', Decimal('250000000.00'), True), ('TJ', Decimal('-250000000.00'), True)]

Amounts are exact: a decimal column, or whole minor units by currency (cents for USD, as babel's
currency data counts them); a float column is refused, naming it. Bounded and approximate rows
net by the interval rules of the object path (:func:`ledger.net_positions`): lower bounds add
up with lower bounds, upper with upper, "about" stays about, and what is outstanding of a claim
never falls below zero; the answer is the object path's on the same data.
"""

from __future__ import annotations

import re
import weakref
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Literal, NoReturn, TypeVar, get_args

from .arithmetic import CONTEXT, LARGEST
from .book import day_asked
from .entries import Status, party_error
from .errors import FigureError, LedgerError
from .figures import QUALIFIERS, Figure
from .netting import ZERO_STATUSES, Transfer, Transfers
from .units import CURRENCIES, Quantity, money

__all__ = [
    "CLAIM_COLUMNS",
    "POSITION_COLUMNS",
    "FrameError",
    "net_balance",
    "net_positions",
    "scan",
    "settle",
]

#: The columns a frame of claims may have; the first four it must.
CLAIM_COLUMNS = (
    "debtor",
    "creditor",
    "currency",
    "amount",
    "qualifier",
    "low",
    "high",
    "approximate",
    "low_inclusive",
    "high_inclusive",
    "status",
    "as_of",
    "asserted_by",
    "id",
)
#: The columns of a frame of positions, in order.
POSITION_COLUMNS = (
    "party",
    "currency",
    "amount",
    "low",
    "high",
    "low_inclusive",
    "high_inclusive",
    "approximate",
)
_REQUIRED = ("debtor", "creditor", "currency", "amount")
_SHAPE = ("qualifier", "low", "high", "approximate", "low_inclusive", "high_inclusive")
_AMOUNTS = ("amount", "low", "high")
_POINT = ("exact", "about", "estimated")
_ACCEPTED = (*QUALIFIERS, "unknown")
_STATUSES: tuple[str, ...] = get_args(Status)
# One precision for every decimal step: room for a sum or a difference of two (38 at most).
_PRECISION = 37
_ACCEPTED_AMOUNTS = (
    "a decimal column (polars pl.Decimal(38, 2), pyarrow decimal128, DuckDB DECIMAL) or whole "
    "minor units by currency in an integer column (cents for USD)"
)


class FrameError(LedgerError):
    """A frame that cannot be netted: a missing column, a float amount, a row that no source
    could have written. The message names the column (and the row, where there is one) and
    what is accepted."""


@dataclass(frozen=True)
class _Kind:
    """What the amounts are: decimals with ``scale`` places, or whole minor units (summed as
    64-bit integers, or ``widened``: as decimals of no places, where 64 bits could overflow)."""

    scale: int | None  # None: integers, minor units by currency
    widened: bool = False  # minor units held as decimals of scale 0 while summed

    @property
    def minor(self) -> bool:
        """Whether the caller's amounts are whole minor units (and so are the answers)."""
        return self.scale is None or self.widened

    @property
    def dtype(self) -> Any:
        import narwhals as nw

        if self.scale is None:
            return nw.Int64()
        return nw.Decimal(_PRECISION, self.scale)

    @property
    def widest(self) -> Any:
        """The type of a sum of amounts of this kind."""
        import narwhals as nw

        return nw.Int64() if self.scale is None else nw.Decimal(38, self.scale)

    @property
    def zero(self) -> Decimal | int:
        """Zero as a literal every engine takes for a column of this kind."""
        return 0 if self.scale is None else Decimal(0)

    def nought(self, like: str) -> Any:
        """A column of zeros of the type of column ``like`` (a literal zero of a decimal type
        is not something every engine can make)."""
        import narwhals as nw

        return nw.when(nw.lit(False)).then(nw.col(like)).fill_null(self.zero)


def _retyped(frame: Any, names: Sequence[str], kind: _Kind) -> Any:
    """The columns ``names`` as amounts of one type (decimals of one precision and scale, or
    64-bit integers). Dask cannot cast to a decimal through narwhals: there, pandas does it."""
    import narwhals as nw

    if not names:
        return frame
    if kind.scale is not None and frame.implementation == nw.Implementation.DASK:
        import pandas as pd
        import pyarrow as pa

        native = frame.to_native()
        dtype = pd.ArrowDtype(pa.decimal128(_PRECISION, kind.scale))
        return nw.from_native(native.astype(dict.fromkeys(names, dtype)))
    return frame.with_columns(nw.col(name).cast(kind.dtype) for name in names)


# -- reading the frame ----------------------------------------------------------------------


def _native_frame(native: Any, what: str) -> Any:
    import warnings

    import narwhals as nw

    with warnings.catch_warnings():  # narwhals' notice that Dask support moves to a plugin
        warnings.simplefilter("ignore", FutureWarning)
        try:
            frame = nw.from_native(native)
        except TypeError:
            raise FrameError(
                f"{what}: {type(native).__name__} is not a dataframe; pass a pandas, polars, "
                "pyarrow, DuckDB or Dask frame (or any frame narwhals knows)"
            ) from None
    if frame.implementation in (nw.Implementation.PANDAS, nw.Implementation.DASK):
        return nw.from_native(_arrow_amounts(frame.to_native(), what))
    return frame


def _arrow_amounts(native: Any, what: str) -> Any:
    """A pandas or Dask frame whose amount columns are Arrow-typed: numpy integers (which a
    join with a missing row would turn into floats) as Arrow int64, and pandas columns of
    Decimal objects as the Arrow decimal that holds them exactly."""
    import pandas as pd
    import pyarrow as pa

    types: dict[str, Any] = {}
    for name in _AMOUNTS:
        if name not in native.columns:
            continue
        dtype = native[name].dtype
        if isinstance(dtype, pd.ArrowDtype):
            continue
        if pd.api.types.is_integer_dtype(dtype):
            types[name] = pd.ArrowDtype(pa.int64())
        elif pd.api.types.is_object_dtype(dtype):
            types[name] = _decimal_objects(native, name, what)
    return native.astype(types) if types else native


def _decimal_objects(native: Any, name: str, what: str) -> Any:
    import pandas as pd
    import pyarrow as pa

    hint = (
        f"{what} column {name!r} holds Python objects; give Decimals (all of them) or an "
        f"exact column: df[{name!r}].astype(pd.ArrowDtype(pa.decimal128(38, 2)))"
    )
    if not isinstance(native, pd.DataFrame):  # Dask: its partitions are not read here
        raise FrameError(hint)
    try:
        array = pa.array(native[name], from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        raise FrameError(hint) from None
    if not pa.types.is_decimal(array.type):
        raise FrameError(hint)
    return pd.ArrowDtype(pa.decimal128(38, array.type.scale))


def _amount_kind(schema: Any, columns: Iterable[str], what: str) -> _Kind:
    """The one kind of amount of the given columns: decimal (at the largest scale among them)
    or integer; floats and anything else are refused, the column named."""
    scales: list[int] = []
    integers: list[str] = []
    for name in columns:
        dtype = schema[name]
        if dtype.is_decimal():
            scales.append(dtype.scale)
        elif dtype.is_integer():
            integers.append(name)
        elif dtype.is_float():
            raise FrameError(
                f"{what} column {name!r} holds floats ({dtype}): a float cannot hold an amount "
                f"exactly; accepted: {_ACCEPTED_AMOUNTS}"
            )
        else:
            raise FrameError(
                f"{what} column {name!r} holds {dtype}, not amounts; accepted: {_ACCEPTED_AMOUNTS}"
            )
    if scales and integers:
        raise FrameError(
            f"{what} columns {', '.join(map(repr, integers))} hold whole minor units and the "
            "others decimals; give every amount the same way"
        )
    return _Kind(None if integers else max(scales))


def _required(names: Collection[str], needed: Iterable[str], what: str) -> None:
    missing = [name for name in needed if name not in names]
    if missing:
        raise FrameError(
            f"{what} has no column {', '.join(map(repr, missing))}; a frame of {what} has "
            f"{', '.join(_REQUIRED if what == 'claims' else ('claim', 'amount'))} (found: "
            f"{', '.join(names) or 'none'})"
        )


def _on_or_before(names: Collection[str], schema: Any, day: date | None) -> Any:
    """The filter keeping rows dated on or before ``day`` (all rows when the frame has no
    ``as_of``); ISO text compares as the dates it names. A row with no date is kept, so that
    netting refuses it (see :func:`_undated`): dropped, it would change the answer unsaid."""
    import narwhals as nw

    if day is None or "as_of" not in names:
        return None
    dtype = schema["as_of"]
    column = nw.col("as_of")
    if dtype == nw.String:
        kept = column <= day.isoformat()
    elif dtype == nw.Datetime:
        kept = column.cast(nw.Date) <= nw.lit(day)
    else:
        kept = column <= nw.lit(day)
    return kept | column.is_null()


def _empty_dates(frame: Any, schema: Any) -> Any:
    """The frame with an ``as_of`` written as text but empty (``""``, spaces) as no date: such a
    row is undated, and text compares as dates do (``""`` would sort before every day)."""
    import narwhals as nw

    if "as_of" not in schema.names() or schema["as_of"] != nw.String:
        return frame
    day = nw.col("as_of")
    return frame.with_columns(nw.when(day.str.strip_chars() != "").then(day).alias("as_of"))


def _undated(names: Collection[str]) -> Any:
    """Whether a row of a frame with an ``as_of`` column has no date there (False without
    the column): netting cannot tell whether it counts on the day asked, and refuses it."""
    import narwhals as nw

    return nw.col("as_of").is_null() if "as_of" in names else nw.lit(False)


def _theirs(name: str) -> bool:
    """Whether a column is the caller's, not one :func:`scan` adds (a row's file, the text of
    its amounts)."""
    return name != "_file" and not name.startswith("_raw_")


def _blank(names: Iterable[str]) -> Any:
    """Whether every column of a row is empty: what polars reads from a blank line of a CSV
    file. Such a row is no row: netted again without it, never refused, never counted."""
    import narwhals as nw

    empty = (nw.col(name).is_null() for name in names if _theirs(name))
    return nw.all_horizontal(*empty, ignore_nulls=False)


def _figure_columns(names: Collection[str], kind: _Kind) -> list[Any]:
    """Each row's figure as central value, lower and upper bound (``None`` where absent), the
    ends' exclusiveness and the approximate mark (as 0/1), and a mark for a row no source
    could have written (``_bad``). The short form is an amount and the source's word for it;
    the whole form has ``low`` and/or ``high`` (and the amount, if any, is the central value)."""
    import narwhals as nw

    amount = nw.col("amount")
    low = nw.col("low") if "low" in names else None
    high = nw.col("high") if "high" in names else None
    nothing = nw.when(nw.lit(False)).then(amount)
    word = nw.col("qualifier") if "qualifier" in names else None

    def said(*words: str) -> Any:
        if word is None:
            return nw.lit("exact" in words)
        test = word.is_in(list(words))
        return test | word.is_null() if "exact" in words else test.fill_null(False)

    bounded = None
    if low is not None or high is not None:
        parts = [~b.is_null() for b in (low, high) if b is not None]
        bounded = parts[0] if len(parts) == 1 else parts[0] | parts[1]

    def pick(whole: Any, short: Any) -> Any:
        return short if bounded is None else nw.when(bounded).then(whole).otherwise(short)

    value = pick(amount, nw.when(said(*_POINT, "unknown")).then(amount))
    lower = pick(
        low if low is not None else nothing,
        nw.when(said(*_POINT, "at_least", "more_than")).then(amount),
    )
    upper = pick(
        high if high is not None else nothing,
        nw.when(said(*_POINT, "at_most", "less_than")).then(amount),
    )
    open_low = said("more_than")
    open_high = said("less_than")
    if "low_inclusive" in names:
        open_low = open_low | ~nw.col("low_inclusive").fill_null(True)
    if "high_inclusive" in names:
        open_high = open_high | ~nw.col("high_inclusive").fill_null(True)
    approximate = said("about", "estimated")
    if "approximate" in names:
        approximate = approximate | nw.col("approximate").fill_null(False)
    return [
        value.alias("_v"),
        lower.alias("_lo"),
        upper.alias("_hi"),
        open_low.alias("_lo_open"),
        open_high.alias("_hi_open"),
        approximate.alias("_ap"),
        _unwritten(names, bounded, kind.scale is not None).alias("_bad"),
    ]


def _unwritten(names: Collection[str], bounded: Any, decimal: bool = True) -> Any:
    """Whether a row holds what no source could write: no amount nor bounds, a negative
    number, a decimal of 10**30 or more (as the object path refuses it), a lower bound above
    the upper one, a word that is not a qualifier."""
    import narwhals as nw

    amount = nw.col("amount")
    bad = amount.is_null() if bounded is None else amount.is_null() & ~bounded
    bad = bad | (amount < 0).fill_null(False) | _too_large(amount, decimal)
    for bound in ("low", "high"):
        if bound in names:
            column = nw.col(bound)
            bad = bad | (column < 0).fill_null(False) | _too_large(column, decimal)
    if "low" in names and "high" in names:
        bad = bad | (nw.col("low") > nw.col("high")).fill_null(False)
    if "low" in names:
        bad = bad | (amount < nw.col("low")).fill_null(False)
    if "high" in names:
        bad = bad | (amount > nw.col("high")).fill_null(False)
    if "qualifier" in names:
        word = nw.col("qualifier")
        bad = bad | ~(word.is_in(list(_ACCEPTED)) | word.is_null())
        if bounded is not None:  # the whole form says its bounds; a word would contradict them
            bad = bad | (bounded & ~(word.is_null() | (word == "range"))).fill_null(False)
    if "status" in names:
        status = nw.col("status")
        bad = bad | ~(status.is_in(list(_STATUSES)) | status.is_null())
    return bad | _undated(names)


#: Amounts are below this in size, as on the object path (:data:`ledger.arithmetic.LARGEST`).
_TOO_LARGE = Decimal(10) ** LARGEST


def _too_large(column: Any, decimal: bool) -> Any:
    """Whether a decimal amount is 10**30 or more (whole minor units in 64 bits never are)."""
    import narwhals as nw

    return (column >= _TOO_LARGE).fill_null(False) if decimal else nw.lit(False)


def _indicator(expression: Any) -> Any:
    import narwhals as nw

    return expression.cast(nw.Int64)


# -- settlements ----------------------------------------------------------------------------


def _settled(native: Any, claims: Any, kind: _Kind, day: date | None) -> tuple[Any, Any, Any]:
    """Each claim's settlements summed by claim id: the parts of their sum (central value, lower
    and upper bound, with how many rows lack each), exclusive ends, approximate rows, bad rows,
    the earliest date (``_sfirst``, where both frames are dated); the settlement rows with
    their parts, to show a bad one; and the rows with an id (whatever their date: ids are
    unique across a ledger's entries), or None where the frame has no ``id``, to check beside
    the sums (see :func:`_unique_settlement_ids`). A settlement naming no claim of ``claims``
    (all of them, whatever their date or status) is refused here."""
    import narwhals as nw

    frame = _native_frame(native, "settlements")
    if isinstance(frame, nw.DataFrame):
        frame = frame.lazy()
    if frame.implementation != claims.implementation:
        frame = frame.collect().lazy(backend=claims.implementation)
    schema = frame.collect_schema()
    names = schema.names()
    _required(names, ("claim", "amount"), "settlements")
    frame = _empty_dates(frame.filter(~_blank(names)), schema)  # a blank line is no row
    their = _amount_kind(schema, [n for n in _AMOUNTS if n in names], "settlements")
    if (their.scale is None) != kind.minor:
        raise FrameError(
            "settlements give amounts as "
            + ("whole minor units" if their.scale is None else "decimals")
            + " and the claims do not; give every amount the same way"
        )
    try:  # reads every column (to leave blank rows out): a value may be unreadable
        _known_claims(frame, claims)
    except Exception as error:  # a value of a file the engine cannot read, said as such
        unreadable = _unreadable(error, _files(native))
        if type(error).__module__.split(".")[0] not in _ENGINES or unreadable is None:
            raise
        raise unreadable from None
    ided = None
    if "id" in names:
        kept = ["id", *(["_file"] if "_file" in names else [])]
        ided = frame.filter(~nw.col("id").is_null()).select(*kept)
    dated = _on_or_before(names, schema, day)
    if dated is not None:
        frame = frame.filter(dated)
    keys = ["claim", "currency"] if "currency" in names else ["claim"]
    claim_schema = claims.collect_schema()
    both_dated = "as_of" in names and schema["as_of"] == claim_schema.get("as_of")
    first = [nw.col("as_of").min().alias("_sfirst")] if both_dated else []

    def parted(rows: Any) -> Any:
        rows = _retyped(rows, [n for n in _AMOUNTS if n in names], kind)
        return rows.with_columns(*_figure_columns(names, kind))

    def counted(rows: Any) -> Any:
        rows = parted(rows)
        rows = rows.with_columns(*_row_places(kind)).with_columns(*_summable(kind))
        dates = ["as_of"] if both_dated else []
        top = nw.max_horizontal("_v", "_lo", "_hi").alias("_top")
        places = ["_pmin", "_pmax"]
        return rows.select(*keys, *dates, *_PART_COLUMNS, *places, top, nw.lit(1).alias("_n"))

    parts = [*_sums([*_PART_COLUMNS, "_n"]), nw.col("_top").max(), *_places_kept()]
    sums = _each_row(frame, counted).group_by(*keys).agg(*parts, *first)
    renamed = {name: f"_s{name}" for name in (*_PART_COLUMNS, "_pmin", "_pmax")}
    renamed |= {"_n": "_sn", "_top": "_s_top"}
    sums = sums.rename(renamed)
    sums = sums.rename({"currency": "_scurrency"}) if "currency" in names else sums
    # Dask joins each partition of claims with the sums, brought here (a row per claim).
    if frame.implementation == nw.Implementation.DASK:
        sums = sums.collect()
    return sums, _each_row(frame, parted), ided


def _known_claims(settlements: Any, claims: Any) -> None:
    """Refuses the first settlement whose ``claim`` is the id of no claim (an anti-join of the
    distinct ids: one aggregation, not a loop over rows)."""
    import narwhals as nw

    named = settlements.select("claim").unique()
    ids = claims.select(nw.col("id")).unique()
    if settlements.implementation == nw.Implementation.DASK:  # narwhals' Dask anti-join fails
        named, ids = named.collect(), ids.collect()
    unknown = _first(named.join(ids, left_on="claim", right_on="id", how="anti"))
    if unknown is not None:
        raise FrameError(
            f"settlements row claim={unknown['claim']!r}: no claim has id "
            f"{unknown['claim']!r}; a settlement names the id of a claim in the claims frame"
        )


def _unique_ids(claims: Any) -> None:
    """Refuses an id given to two claims (a settlement of it would reduce both)."""
    import narwhals as nw

    ided = claims.filter(~nw.col("id").is_null())  # a row with no id is named by no settlement
    counts = ided.group_by("id").agg(nw.len().alias("_rows"))
    twice = _first(counts.filter(nw.col("_rows") > 1))
    if twice is not None:
        named = repr(twice["id"]) + _id_where([ided], twice["id"])
        error = FrameError(
            f"claims: id {named} is given to {twice['_rows']} rows; each claim has its "
            "own id (a settlement names one claim)"
        )
        error.reason = ("id twice", {"id": named, "count": str(twice["_rows"])})
        raise error


def _unique_settlement_ids(settlements: Any, claims: Any) -> None:
    """Refuses an id given to two settlements (counted twice otherwise), or a settlement's id
    that is a claim's: ids are unique across a ledger's entries, as the object path says.
    ``settlements``: their rows with an id (see :func:`_settled`); ``claims``: every claim."""
    import narwhals as nw

    counts = settlements.group_by("id").agg(nw.len().alias("_rows"))
    twice = _first(counts.filter(nw.col("_rows") > 1))
    if twice is not None:
        named = repr(twice["id"]) + _id_where([settlements], twice["id"])
        error = FrameError(
            f"settlements: id {named} is given to {twice['_rows']} rows; each settlement has "
            "its own id (ids are unique across a ledger's entries)"
        )
        error.reason = ("settlement id twice", {"id": named, "count": str(twice["_rows"])})
        raise error
    theirs = settlements.select(nw.col("id").cast(nw.String)).unique()
    ours = claims.filter(~nw.col("id").is_null()).select(nw.col("id").cast(nw.String)).unique()
    if settlements.implementation == nw.Implementation.DASK:  # as in _known_claims
        theirs, ours = theirs.collect(), ours.collect()
    both = _first(theirs.join(ours, on="id", how="inner"))
    if both is not None:
        named = repr(both["id"]) + _id_where([settlements, claims], both["id"])
        error = FrameError(
            f"settlements: id {named} is a claim's id too; ids are unique across a ledger's entries"
        )
        error.reason = ("settlement id of a claim", {"id": named})
        raise error


def _id_where(rows: Sequence[Any], value: Any) -> str:
    """`` (file lines 2 and 4)``: where the rows of ``rows`` with id ``value`` are written,
    for rows :func:`scan` read from CSV (looked up only to say so); else nothing."""
    import narwhals as nw

    files: set[str] = set()
    for frame in rows:
        if "_file" not in frame.collect_schema().names():
            continue
        found = frame.filter(nw.col("id").cast(nw.String) == str(value)).select("_file").unique()
        found = found.collect() if isinstance(found, nw.LazyFrame) else found
        files |= {file for file in found["_file"].to_list() if isinstance(file, str)}
    said = []
    for file in sorted(files):
        lines = _lines_with(file, "id", str(value))
        said.append(f"{file} {_numbered(lines)}" if lines else file)
    return f" ({', '.join(said)})" if said else ""


def _lines_with(file: str, column: str, value: str) -> list[int]:
    """The lines of a CSV file whose ``column`` holds ``value``."""
    import csv

    try:
        with open(file, newline="", encoding="utf-8") as text:
            reader = csv.DictReader(text)  # its line_num counts blank lines too
            return [reader.line_num for row in reader if row.get(column) == value]
    except OSError:
        return []


def _numbered(lines: Sequence[int]) -> str:
    """
    >>> _numbered([3]), _numbered([2, 4]), _numbered([2, 5, 9])
    ('line 3', 'lines 2 and 4', 'lines 2, 5 and 9')
    """
    if len(lines) == 1:
        return f"line {lines[0]}"
    return f"lines {', '.join(map(str, lines[:-1]))} and {lines[-1]}"


def _check_columns(plan: _Plan) -> None:
    """Refuses, in an eager frame netted whole, a missing party or amount, a negative amount,
    a claim of a party on itself and an id given twice: a few looks at whole columns (a
    column's nulls are counted already), no column made per row; the row is found only then."""
    frame = plan.whole
    amount, debtor, creditor = frame["amount"], frame["debtor"], frame["creditor"]
    empty = not len(amount)
    marks = {
        "_ids": frame["id"].n_unique() if "id" in frame.columns else len(frame),
        "_nulls": amount.null_count() + debtor.null_count() + creditor.null_count(),
        "_min": None if empty else amount.min(),
        "_top": None if empty else amount.max(),
        "_self": False if empty else bool((debtor == creditor).any()),
    }
    _judge_columns(plan, len(frame), marks)


def _judge_columns(plan: _Plan, rows: int, marks: dict[str, Any]) -> None:
    """Refuses what the looks at whole columns of :func:`_check_columns` found."""
    lowest, top = marks["_min"], marks["_top"]
    if marks["_ids"] < rows:
        _unique_ids(plan.full)
    if (
        marks["_nulls"]
        or (lowest is not None and lowest < 0)
        or (plan.kind.scale is not None and top is not None and top >= _TOO_LARGE)
        or marks["_self"]
    ):
        _refuse_rows(plan, "claims")
    _fits_sums(plan.kind, rows, top, ["amount"])


def _first(frame: Any) -> dict[str, Any] | None:
    """The first row of a frame, eager or lazy, as a dict; ``None`` when it has none."""
    import narwhals as nw

    head = frame.head(1)
    head = head.collect() if isinstance(head, nw.LazyFrame) else head
    row = next(iter(head.iter_rows(named=True)), None)
    return None if row is None else {k: None if _missing(v) else v for k, v in row.items()}


def _missing(value: Any) -> bool:
    """Whether a cell is an engine's missing value (pandas' NA and NaT, a NaN)."""
    return type(value).__name__ in ("NAType", "NaTType") or value != value


def _each_row(frame: Any, step: Any) -> Any:
    """``step`` (narwhals, row by row) applied to the frame: by its engine, or for Dask to each
    partition, by pandas, so that Dask plans one step rather than a hundred expressions."""
    import narwhals as nw

    if frame.implementation != nw.Implementation.DASK:
        return step(frame)
    native = frame.to_native()

    def part(partition: Any) -> Any:
        return step(nw.from_native(partition, eager_only=True)).to_native()

    return nw.from_native(native.map_partitions(part, meta=part(native._meta)))


_PART_COLUMNS = ("_v", "_vm", "_lo", "_lom", "_hi", "_him", "_lo_open", "_hi_open", "_ap", "_bad")


def _summable(kind: _Kind) -> list[Any]:
    """The parts of each row as columns a plain sum adds up (group-by aggregations stay
    elementary, as every engine can run them): numbers with their gaps as zero, and 0/1
    counts of the gaps, the open ends, the approximate rows and the bad ones."""
    import narwhals as nw

    return [
        nw.col("_v").fill_null(kind.zero).alias("_v"),
        _indicator(nw.col("_v").is_null()).alias("_vm"),
        nw.col("_lo").fill_null(kind.zero).alias("_lo"),
        _indicator(nw.col("_lo").is_null()).alias("_lom"),
        nw.col("_hi").fill_null(kind.zero).alias("_hi"),
        _indicator(nw.col("_hi").is_null()).alias("_him"),
        _indicator(nw.col("_lo_open") & ~nw.col("_lo").is_null()).alias("_lo_open"),
        _indicator(nw.col("_hi_open") & ~nw.col("_hi").is_null()).alias("_hi_open"),
        _indicator(nw.col("_ap")).alias("_ap"),
        _indicator(nw.col("_bad")).alias("_bad"),
    ]


def _sums(parts: Iterable[str]) -> list[Any]:
    """Each part summed; the places of :func:`_row_places` kept at their fewest and most."""
    import narwhals as nw

    kept = {"_pmin": nw.col("_pmin").min(), "_pmax": nw.col("_pmax").max()}
    return [kept.get(name, nw.col(name).sum()) for name in parts]


def _places_kept() -> list[Any]:
    import narwhals as nw

    return [nw.col("_pmin").min(), nw.col("_pmax").max()]


#: The most places whole minor units are read to (babel's digits of a currency are fewer):
#: a position's places are then told in its currency's digits (see :func:`_places`).
_MINOR_PLACES = 4


def _row_places(kind: _Kind) -> list[Any]:
    """Each row's places, for the places of a sum with an approximate term (the rule of
    :meth:`Figure.__add__`: never more places than its approximate terms were written with):
    an approximate row's places as written without trailing zeros (a decimal column cannot
    tell ``2000`` from ``2000.00``), never below 0; an exact row's, the column's scale, but
    an exact zero's none (the object path writes a zero ``0``). As ``_pmin`` (the fewest of
    the approximate rows, an exact one limiting nothing: kept by a minimum) and ``_pmax``
    (the most, by a maximum)."""
    import narwhals as nw

    written = nw.max_horizontal(*(_written(nw.col(part), kind) for part in ("_v", "_lo", "_hi")))
    every = nw.lit(_MINOR_PLACES if kind.minor else kind.scale or 0)
    approximate = nw.col("_ap")
    most = nw.when(approximate).then(written).otherwise(every)
    return [
        nw.when(approximate).then(written).otherwise(every).cast(nw.Int64).alias("_pmin"),
        nw.when(_naught()).then(nw.lit(0)).otherwise(most).cast(nw.Int64).alias("_pmax"),
    ]


def _naught() -> Any:
    """Whether a row's numbers are all zero (or missing): written ``0``, with no places."""
    import narwhals as nw

    parts = [(nw.col(c).is_null() | (nw.col(c) == 0)).fill_null(True) for c in ("_v", "_lo", "_hi")]
    return parts[0] & parts[1] & parts[2]


def _written(column: Any, kind: _Kind) -> Any:
    """The places of a column's number written without trailing zeros (0 where missing): for
    decimals of scale ``s``, how many of ``round(j)``, ``j < s``, change it; for whole minor
    units ``m``, how many ``k`` in 1 to :data:`_MINOR_PLACES` leave a remainder of ``m / 10**k``."""
    import narwhals as nw

    if kind.minor:  # pandas takes no ``%`` through narwhals
        steps = [(column // 10**k) * 10**k != column for k in range(1, _MINOR_PLACES + 1)]
    else:
        steps = [column.round(j) != column for j in range(kind.scale or 0)]
    if not steps:
        return nw.lit(0)
    given = ~column.is_null()  # a NaN of pandas' numbers is unequal to itself
    counted = [_indicator((given & step).fill_null(False)) for step in steps]
    total = counted[0]
    for more in counted[1:]:
        total = total + more
    return total


# -- each claim's count ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    """A frame of claims made ready: the lazy rows and what they hold."""

    rows: Any  # a narwhals LazyFrame: parties, currency and each claim's count
    full_of: Callable[[], Any]  # makes ``full`` (planned only when needed)
    kind: _Kind
    simple: bool  # exact amounts only: the central value is the whole figure
    eager: Any  # the caller's eager implementation, or None for a lazy frame
    implementation: Any
    paid: Any = None  # the settlement rows with their parts, to show a bad one
    whole: Any = None  # the caller's eager frame, where every row of it is netted as it is
    files: list[str] | None = None  # the files :func:`scan` read the frame from, if it did
    columns: tuple[str, ...] = ()  # the columns of the caller's frame
    ids: Any = None  # every row of a lazy frame, whose ids are checked beside the sums
    unblank: bool = False  # rows of nothing but empty fields left out (see :func:`_blank`)
    #: The settlement rows with an id and every claim, whose ids are checked beside the sums
    #: (see :func:`_unique_settlement_ids`), where the settlements have an ``id``.
    repeats: tuple[Any, Any] | None = None

    @cached_property
    def full(self) -> Any:
        """The rows with every column of the caller's and the ``_bad`` mark, to show a bad
        one (narwhals plans it in about a millisecond: not on the way to a good answer)."""
        return self.full_of()


def _plan(
    native: Any,
    *,
    settlements: Any,
    as_of: date | None,
    statuses: str | Collection[str] | None,
    asserted_by: str | Collection[str] | None,
    among: Any = None,
    widen: bool = False,
    unblank: bool = False,
) -> _Plan:
    """The claims made ready to net; ``among`` (a filter) keeps the claims netted, while
    settlements are checked against every claim of the frame. ``widen``: whole minor units
    summed as decimals of no places (see :class:`_Wider`); ``unblank``: rows with every
    column empty left out (see :class:`_Blank`)."""
    import narwhals as nw

    frame = _native_frame(native, "claims")
    implementation = frame.implementation
    eager = implementation if isinstance(frame, nw.DataFrame) else None
    lazy = frame.lazy() if isinstance(frame, nw.DataFrame) else frame
    schema = lazy.collect_schema()
    names = schema.names()
    _required(names, _REQUIRED, "claims")
    kind = _amount_kind(schema, [n for n in _AMOUNTS if n in names], "claims")
    if widen and kind.scale is None:
        kind = _Kind(0, widened=True)
        lazy = _retyped(lazy, [n for n in _AMOUNTS if n in names], kind)
    as_of = day_asked(as_of)  # today by default, as on the object path
    lazy = _empty_dates(lazy, schema)
    simple = settlements is None and not ({*_SHAPE, "status"} & set(names))
    if unblank:
        lazy = lazy.filter(~_blank(names))
    every = lazy
    lazy = lazy if among is None else lazy.filter(among)
    lazy = _claims_that_count(lazy, schema, as_of, statuses, asserted_by)
    # Exact claims in memory that all count are checked column by column (see _sides).
    whole = frame if simple and eager is not None and lazy is every and not widen else None
    whole = None if unblank else whole
    ids = None
    if "id" in names and whole is None:
        if settlements is not None or eager is not None:
            _unique_ids(every)  # before settlements are summed by claim; in memory, cheap
        else:  # counted in the query of the sums (see _both_sides): the frame is read once
            ids = every
    keep = ["debtor", "creditor", "currency"]
    if simple:
        # Sums straight from the caller's columns, checked by the same group-by (a negative
        # or missing amount shows in its group's minimum and count): nothing is computed per
        # row, so an engine has no column to hold between the two sides. A claim of a party
        # on itself nets to nothing, exactly.

        def marked() -> Any:  # planned only to show a bad row
            amount = nw.col("amount")
            unwritten = amount.is_null() | (amount < 0).fill_null(False) | _parties_wrong()
            unwritten = unwritten | _too_large(amount, kind.scale is not None) | _undated(names)
            return _each_row(lazy, lambda rows: rows.with_columns(unwritten.alias("_bad")))

        return _Plan(
            lazy,
            marked,
            kind,
            simple,
            eager,
            implementation,
            whole=whole,
            files=_files(native, settlements),
            columns=tuple(names),
            unblank=unblank,
            ids=ids,
        )
    sums = paid = repeats = None
    if settlements is not None:
        _required(names, ("id",), "claims")
        sums, paid, ided = _settled(settlements, every, kind, as_of)
        repeats = None if ided is None else (ided, every)

    def counted(rows: Any) -> Any:
        rows = _retyped(rows, [n for n in _AMOUNTS if n in names], kind)
        rows = rows.with_columns(*_figure_columns(names, kind))
        rows = rows.with_columns(*_row_places(kind))
        if sums is not None:
            rows = _reduced(rows, sums, kind)
        if "status" in names:
            rows = _zeroed(rows, kind)
        rows = rows.with_columns((nw.col("_bad") | _parties_wrong()).alias("_bad"))
        rows = rows.with_columns(*_clamped(kind))
        # What is left, where nothing is, is written 0 (see _row_places).
        naught = nw.when(_naught()).then(nw.lit(0)).otherwise(nw.col("_pmax"))
        rows = rows.with_columns(naught.cast(nw.Int64).alias("_pmax")).with_columns(
            *_summable(kind)
        )
        # The largest part of each row and of its settlements, and how many rows they are:
        # the rows times the largest bound every sum, the settlements' too.
        tops = [nw.col("_v"), nw.col("_lo"), nw.col("_hi")]
        count = nw.lit(1)
        if sums is not None:
            tops.append(nw.col("_s_top").fill_null(kind.zero))
            count = nw.col("_sn").fill_null(0) + 1
        return rows.with_columns(
            nw.max_horizontal(*tops).alias("_top"), count.cast(nw.Int64).alias("_rows")
        )

    full = _each_row(lazy, counted)
    rows = full.select(*keep, *_PART_COLUMNS, "_pmin", "_pmax", "_top", "_rows")
    return _Plan(
        rows,
        lambda: full,
        kind,
        simple,
        eager,
        implementation,
        paid,
        files=_files(native, settlements),
        columns=tuple(names),
        unblank=unblank,
        ids=ids,
        repeats=repeats,
    )


def _parties_wrong() -> Any:
    """Whether a claim lacks a party or names one party twice."""
    import narwhals as nw

    parties = nw.col("debtor").is_null() | nw.col("creditor").is_null()
    return parties | (nw.col("debtor") == nw.col("creditor")).fill_null(False)


def _claims_that_count(
    lazy: Any,
    schema: Any,
    day: date,
    statuses: str | Collection[str] | None,
    asserted_by: str | Collection[str] | None,
) -> Any:
    """The claims dated on or before ``day``, of the statuses and asserters chosen (a frame
    with no ``status`` holds asserted claims, as an entry with none does)."""
    import narwhals as nw

    names = schema.names()
    dated = _on_or_before(names, schema, day)
    if dated is not None:
        lazy = lazy.filter(dated)
    chosen = _chosen(statuses, "statuses")
    if chosen is not None:
        if "status" in names:
            lazy = lazy.filter(nw.col("status").fill_null("asserted").is_in(sorted(chosen)))
        elif "asserted" not in chosen:
            lazy = lazy.filter(nw.lit(False))
    speakers = _chosen(asserted_by, "asserted_by")
    if speakers is not None:
        _required(names, ("asserted_by",), "claims")
        lazy = lazy.filter(nw.col("asserted_by").is_in(sorted(speakers)))
    return lazy


def _chosen(value: str | Collection[str] | None, name: str) -> set[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return {value}
    chosen = set(value)
    if not all(isinstance(item, str) for item in chosen):
        raise FrameError(f"{name}: {value!r} is not text nor a collection of texts")
    return chosen


def _reduced(rows: Any, sums: Any, kind: _Kind) -> Any:
    """Each claim less its settlements, by the interval rules: the lower bound less the
    settlements' upper bound, the upper less their lower; a part either lacks is lacking."""
    import narwhals as nw

    sums = _retyped(sums, ["_s_v", "_s_lo", "_s_hi", "_s_top"], kind)
    if isinstance(rows, nw.DataFrame) and isinstance(sums, nw.LazyFrame):
        sums = sums.collect()
    joined = rows.join(sums, left_on="id", right_on="claim", how="left")
    joined = joined.with_columns(
        (nw.col("_v") - nw.col("_s_v")).alias("_dv"),
        (nw.col("_lo") - nw.col("_s_hi")).alias("_dlo"),
        (nw.col("_hi") - nw.col("_s_lo")).alias("_dhi"),
    )
    joined = _retyped(joined, ["_dv", "_dlo", "_dhi"], kind)
    some = nw.col("_sn").fill_null(0) > 0

    def less(mine: str, diff: str, missing: str) -> Any:
        lacking = nw.col(missing).fill_null(0) > 0
        kept = nw.when(~lacking).then(nw.col(diff))
        return nw.when(~some).then(nw.col(mine)).otherwise(kept)

    def count(name: str) -> Any:
        return nw.col(name).fill_null(0) > 0

    bad = nw.col("_bad") | count("_s_bad")
    joined_names = joined.collect_schema().names()
    if "_scurrency" in joined_names:
        bad = bad | (some & (nw.col("_scurrency") != nw.col("currency")).fill_null(True))
    if "_sfirst" in joined_names:
        bad = bad | (nw.col("_sfirst") < nw.col("as_of")).fill_null(False)
    # Settlements summing (their lower bounds) to more than the claim's upper bound.
    bad = bad | (some & (nw.col("_s_lo") > nw.col("_hi")).fill_null(False))
    return joined.with_columns(
        less("_v", "_dv", "_s_vm").alias("_v"),
        less("_lo", "_dlo", "_s_him").alias("_lo"),
        less("_hi", "_dhi", "_s_lom").alias("_hi"),
        (nw.col("_lo_open") | count("_s_hi_open")).alias("_lo_open"),
        (nw.col("_hi_open") | count("_s_lo_open")).alias("_hi_open"),
        (nw.col("_ap") | count("_s_ap")).alias("_ap"),
        bad.alias("_bad"),
        nw.min_horizontal("_pmin", nw.col("_s_pmin").fill_null(nw.col("_pmin"))).alias("_pmin"),
        nw.max_horizontal("_pmax", nw.col("_s_pmax").fill_null(nw.col("_pmax"))).alias("_pmax"),
    )


def _zeroed(rows: Any, kind: _Kind) -> Any:
    """A claim settled or written off counts as exactly zero."""
    import narwhals as nw

    zero = nw.col("status").is_in(sorted(ZERO_STATUSES)).fill_null(False)
    nought = kind.nought("_v")
    # An exact zero, written 0: it neither limits a sum's places nor adds any.
    every = _MINOR_PLACES if kind.minor else kind.scale or 0
    return rows.with_columns(
        *(nw.when(zero).then(nought).otherwise(nw.col(c)).alias(c) for c in ("_v", "_lo", "_hi")),
        *(nw.col(c) & ~zero for c in ("_lo_open", "_hi_open", "_ap")),
        nw.when(zero).then(nw.lit(every)).otherwise(nw.col("_pmin")).cast(nw.Int64).alias("_pmin"),
        nw.when(zero).then(nw.lit(0)).otherwise(nw.col("_pmax")).cast(nw.Int64).alias("_pmax"),
    )


def _clamped(kind: _Kind) -> list[Any]:
    """What is outstanding never falls below zero: a negative or missing lower bound is zero
    (included), a negative central value or upper bound is zero; otherwise each part stays."""
    import narwhals as nw

    nought = kind.nought("_v")
    value, low, high = nw.col("_v"), nw.col("_lo"), nw.col("_hi")
    below = low.is_null() | (low < 0).fill_null(False)
    at_most_zero = (high <= 0).fill_null(False)
    return [
        nw.when((value < 0).fill_null(False)).then(nought).otherwise(value).alias("_v"),
        nw.when(below).then(nought).otherwise(low).alias("_lo"),
        nw.when(at_most_zero).then(nought).otherwise(high).alias("_hi"),
        (nw.col("_lo_open") & ~below).alias("_lo_open"),
        (nw.col("_hi_open") & ~at_most_zero).alias("_hi_open"),
    ]


# -- positions ------------------------------------------------------------------------------


def _sides(plan: _Plan) -> tuple[Any, Any, list[str]]:
    """Each party's sums per currency, as creditor (as counted) and as debtor (negated: its
    lower bound is minus the upper one): one lazy frame of both, summed by party."""
    import narwhals as nw

    rows = plan.rows
    if plan.simple and plan.eager is not None:
        # In memory, one look at the whole column is cheaper than checking in each group.
        amount = nw.col("amount")
        if plan.whole is not None:
            _check_columns(plan)
        else:
            marks = plan.full.select(
                _indicator(nw.col("_bad")).sum().alias("_bad"),
                nw.len().alias("_len"),
                amount.max().alias("_top"),
            ).collect()
            if marks["_bad"].item():
                _refuse_rows(plan, "claims")
            _fits_sums(plan.kind, int(marks["_len"].item()), marks["_top"].item(), ["amount"])
        owed = rows.group_by("creditor", "currency").agg(amount.sum().alias("_v"))
        owing = rows.group_by("debtor", "currency").agg(amount.sum().alias("_v"))
        owing = owing.select(nw.col("debtor").alias("party"), "currency", -nw.col("_v"))
        return owed.rename({"creditor": "party"}), owing, ["_v"]
    if plan.simple:
        amount = nw.col("amount")
        itself = (nw.col("debtor") == nw.col("creditor")).fill_null(False)
        itself = itself | _undated(plan.columns)  # no source writes either
        owed = rows.with_columns(_indicator(itself).alias("_self"))
        owed = owed.group_by("creditor", "currency").agg(
            amount.sum().alias("_v"),
            amount.min().alias("_min"),
            amount.max().alias("_top"),
            amount.count().alias("_count"),
            nw.len().alias("_len"),
            nw.col("_self").sum(),
        )
        bad = (nw.col("_min") < 0).fill_null(False) | (nw.col("_count") < nw.col("_len"))
        bad = bad | (nw.col("_self") > 0)
        owed = owed.select(
            nw.col("creditor").alias("party"),
            "currency",
            "_v",
            _indicator(bad).alias("_bad"),
            nw.col("_len").cast(nw.Int64),
            _widest(plan, nw.col("_top")),
        )
        owing = rows.group_by("debtor", "currency").agg(amount.sum().alias("_v"))
        owing = owing.select(
            nw.col("debtor").alias("party"),
            "currency",
            (-nw.col("_v")).alias("_v"),
            nw.lit(0).cast(nw.Int64).alias("_bad"),
            nw.lit(0).cast(nw.Int64).alias("_len"),
            _widest(plan, plan.kind.nought("_v")).alias("_top"),
        )
        return owed, owing, ["_v", "_bad", "_len", "_top"]
    owed = rows.group_by("creditor", "currency").agg(
        *_sums(_PART_COLUMNS),
        *_places_kept(),
        nw.col("_rows").sum().alias("_len"),
        nw.col("_top").max(),
    )
    owed = owed.with_columns(nw.col("_len").cast(nw.Int64), _widest(plan, nw.col("_top"))).rename(
        {"creditor": "party"}
    )
    owing = rows.group_by("debtor", "currency").agg(*_sums(_PART_COLUMNS), *_places_kept())
    # Owing turns a figure round: its lower bound is minus the upper one, and so on.
    owing = owing.select(
        nw.col("debtor").alias("party"),
        "currency",
        (-nw.col("_v")).alias("_v"),
        "_vm",
        (-nw.col("_hi")).alias("_lo"),
        nw.col("_him").alias("_lom"),
        (-nw.col("_lo")).alias("_hi"),
        nw.col("_lom").alias("_him"),
        nw.col("_hi_open").alias("_lo_open"),
        nw.col("_lo_open").alias("_hi_open"),
        "_ap",
        "_bad",
        "_pmin",
        "_pmax",
        nw.lit(0).cast(nw.Int64).alias("_len"),
        _widest(plan, plan.kind.nought("_v")).alias("_top"),
    )
    parts = [*_PART_COLUMNS, "_pmin", "_pmax", "_len", "_top"]
    return owed.select("party", "currency", *parts), owing, parts


def _widest(plan: _Plan, column: Any) -> Any:
    """``column`` as the type of a sum of amounts, so that both sides concatenate (Dask's are
    added here, not concatenated, and it cannot cast to a decimal)."""
    import narwhals as nw

    if plan.implementation == nw.Implementation.DASK:
        return column
    return column.cast(plan.kind.widest)


def _summed_sides(plan: _Plan) -> Any:
    """Both sides summed by party and currency, as a small eager frame, checked: by the
    engine in one query (polars streams it, scanning a file once), or for Dask, both sides
    computed together and added here (a few rows per party; Dask's planner takes seconds
    over a concatenation)."""

    try:
        summed = _both_sides(plan)
    except Exception as error:
        if type(error).__module__.split(".")[0] not in _ENGINES:
            raise
        unreadable = _unreadable(error, plan.files)
        if unreadable is not None:
            raise unreadable from None
        if plan.kind.scale is None:  # a 64-bit sum out of range (DuckDB's HUGEINT cast back)
            raise _Wider from None
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        named = ", ".join(map(repr, _amount_columns(plan)))
        raise FrameError(
            f"claims column {named}: amounts too large to sum exactly in the engine's decimals "
            f"({first}); a decimal column holds {_PRECISION} digits in all, places included: "
            "give fewer places, or split the frame"
        ) from None
    if "_len" in summed.columns:
        top = summed["_top"].max() if len(summed) else None
        if plan.kind.scale is not None and top is not None and top >= _TOO_LARGE:
            _refuse_rows(plan, "claims")  # a row of 10**30 or more, as the object path says
        _fits_sums(plan.kind, int(summed["_len"].sum()), top, _amount_columns(plan))
    _check_summed(plan, summed)
    _fits_answers(plan, summed)
    return summed


#: What DuckDB and polars say of a value of a CSV file they cannot read as its column's type.
_DUCKDB_CSV = re.compile(r"CSV Error on Line: (\d+)")
_DUCKDB_FILE = re.compile(r"^\s*file = (.+)$", re.MULTILINE)
_POLARS_PARSE = re.compile(r"could not parse `(.*?)` as dtype `(.*?)` at column '(.*?)'")


def _unreadable(error: Exception, files: Sequence[str] | None) -> FrameError | None:
    """The engine's error as what it is where it could not read a file (a value not of its
    column's type, a row not of the header's fields), with the file and line; else None."""
    text = str(error)
    advice = (
        "write each column's values in one form on every row (a date as YYYY-MM-DD, an amount "
        "as digits with a decimal point, no thousands separator)"
    )
    duck = _DUCKDB_CSV.search(text)
    if duck is not None:
        file = _DUCKDB_FILE.search(text)
        where = f"{file.group(1).strip()} " if file else ""
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        told = [line for line in lines[1:] if not line.startswith("Original Line")]
        why = told[0] if told else lines[0]
        return FrameError(
            f"scan: {where}line {duck.group(1)}: the engine (duckdb) cannot read it: {why}; "
            f"{advice}"
        )
    parse = _POLARS_PARSE.search(text)
    if parse is not None:
        value, dtype, column = parse.groups()
        found = _line_with(files or (), column, value)
        return FrameError(
            f"scan: {found + ': ' if found else ''}{column}={value!r} cannot be read as a "
            f"{dtype}, the type of column {column!r} (polars); {advice}"
        )
    return None


def _line_with(files: Sequence[str], column: str, value: str) -> str | None:
    """``file line N`` of the first row of ``files`` whose ``column`` holds ``value``
    (looked up only to say where an unreadable value is)."""
    import csv
    import glob

    for pattern in files:
        for file in [pattern] if "://" in pattern else sorted(glob.glob(pattern, recursive=True)):
            try:
                with open(file, newline="", encoding="utf-8") as text:
                    reader = csv.DictReader(text)  # its line_num counts blank lines too
                    for row in reader:
                        if row.get(column) == value:
                            return f"{file} line {reader.line_num}"
            except OSError:
                continue
    return None


def _check_summed(plan: _Plan, summed: Any) -> None:
    """Refuses what shows in the summed rows: a bad row's mark, a missing party, a
    currency babel does not know, a party code the object path refuses."""
    import narwhals as nw

    # One look at the few summed rows (a row per party and currency) checks them all.
    parties, codes = set(summed["party"].to_list()), set(summed["currency"].to_list())
    marked = "_bad" in summed.columns and any(int(b or 0) for b in summed["_bad"].to_list())
    # A party or currency that is not text is missing (None, pandas' NA).
    if marked or not all(isinstance(party, str) for party in parties):
        _refuse_rows(plan, "claims")
    if codes <= CURRENCIES:  # the usual case, at a glance
        codes = set()
    for code in sorted({c if isinstance(c, str) else None for c in codes}, key=str):
        if code not in CURRENCIES:
            row = _first(plan.full.filter(nw.col("currency") == code))
            raise FrameError(
                f"claims row {_label(row or {})}: currency {code!r} is not an ISO 4217 code "
                "babel knows (write USD, RUB, TJS, ...)"
            )
    for party in sorted(parties):  # a few thousand at most
        why = _party_fault(party)
        if why is not None:
            named = (nw.col("debtor") == party) | (nw.col("creditor") == party)
            row = _first(plan.full.filter(named))
            raise FrameError(f"claims row {_label(row or {})}: {why}")


@lru_cache(maxsize=1 << 16)
def _party_fault(party: str) -> str | None:
    """:func:`ledger.entries.party_error`, remembered: the same parties come back each call."""
    return party_error(party)


def _amount_columns(plan: _Plan) -> list[str]:
    names = plan.full.collect_schema().names()
    return [name for name in _AMOUNTS if name in names]


_ENGINES = ("polars", "pyarrow", "duckdb", "pandas", "dask", "narwhals", "_duckdb")
_INT64_TOP = 2**63 - 1


def _fits_sums(kind: _Kind, rows: int, top: Any, columns: Sequence[str]) -> None:
    """Refuses amounts whose sums could pass what the engine's type holds: a 64-bit integer
    for whole minor units, :data:`_PRECISION` digits for decimals (an engine's sum may wrap
    round silently: polars' grouped sums do). The test is the rows times the largest amount:
    sure, from numbers every query has at hand (the sums it made are then not used)."""
    if not rows or top is None:
        return
    top = int(top) if kind.scale is None else Decimal(top)
    limit = _INT64_TOP if kind.scale is None else Decimal(10) ** (_PRECISION - kind.scale)
    if rows * top < limit:
        return
    named = ", ".join(map(repr, columns))
    if kind.scale is None:
        raise _Wider  # summed again as decimals of no places: exactly
    raise FrameError(
        f"claims column {named}: amounts too large to sum exactly: {rows} rows of up to {top} "
        f"could pass the {_PRECISION} digits a decimal sum holds ({kind.scale} of them "
        "places); give fewer decimal places, or split the frame"
    )


class _Wider(Exception):  # not an error: a signal to sum again, wider
    """Sums of whole minor units could pass 64 bits: net again with the amounts as decimals
    of no places (exact to 37 digits), and give back 64-bit answers where they fit."""


def _fits_answers(plan: _Plan, summed: Any) -> None:
    """For minor units summed as decimals: refuses a position a 64-bit integer cannot hold
    (the sums were exact; only the answer's type is too narrow)."""
    if not plan.kind.widened:
        return
    for part in ("_v", "_lo", "_hi"):
        if part not in summed.columns:
            continue
        for party, code, number in summed.select("party", "currency", part).iter_rows():
            if number is not None and abs(int(number)) > _INT64_TOP:
                named = ", ".join(map(repr, _amount_columns(plan)))
                raise FrameError(
                    f"claims column {named}: {party}'s position in {code}, {number} minor "
                    f"units, is too large for a 64-bit integer (at most {_INT64_TOP}); give the "
                    "amounts as a decimal column (pyarrow decimal128(38, 2), polars "
                    "pl.Decimal(38, 2))"
                )


def _polars_positions(plan: _Plan) -> Any:
    """The positions of a polars frame in memory whose every row is an exact claim: summed by
    the query one would write by hand, which also shapes the result, while polars takes the
    looks at whole columns of :func:`_check_columns` beside it, in one ``collect_all`` (through
    narwhals, the same query costs a few milliseconds more of planning at a million rows; the
    looks, run before it, as long again on a quiet machine). The sums are used only once the
    looks found nothing wrong."""
    import narwhals as nw
    import polars as pl

    native = plan.whole.to_native()
    amount, debtor, creditor = pl.col("amount"), pl.col("debtor"), pl.col("creditor")
    looks = native.lazy().select(
        (amount.null_count() + debtor.null_count() + creditor.null_count()).alias("_nulls"),
        amount.min().alias("_min"),
        amount.max().alias("_top"),
        (debtor == creditor).any().alias("_self"),
    )
    dtype = pl.Int64 if plan.kind.scale is None else pl.Decimal(38, plan.kind.scale)
    rows = native.lazy().select("debtor", "creditor", "currency", amount.cast(dtype))
    owed = rows.group_by("creditor", "currency").agg(amount.sum())
    owing = rows.group_by("debtor", "currency").agg(-amount.sum())
    sides = [owed.rename({"creditor": "party"}), owing.rename({"debtor": "party"})]
    summed = pl.concat(sides).group_by("party", "currency").agg(amount.sum())
    value = amount.cast(dtype)
    positions = summed.select(
        "party",
        "currency",
        value,
        value.alias("low"),
        value.alias("high"),
        low_inclusive=pl.lit(True),
        high_inclusive=pl.lit(True),
        approximate=pl.lit(False),
    ).sort("party", "currency")
    queries = [positions, looks]
    if "id" in native.columns:  # ids distinct where their hashes are (see _repeated)
        queries.append(native.lazy().select(_id_hashes()))
    try:
        positions, marks, *hashed = pl.collect_all(queries, engine="streaming")
    except pl.exceptions.PolarsError:  # said in words by the general path
        return _native_result(plan, _position_columns(plan, _summed_sides(plan)))
    repeated = bool(hashed) and _repeated(hashed[0].to_series().to_numpy())
    _judge_columns(
        plan, native.height, {"_ids": 0 if repeated else native.height} | marks.row(0, named=True)
    )
    _check_summed(plan, nw.from_native(positions))
    return positions


def _both_sides(plan: _Plan) -> Any:
    import narwhals as nw

    owed, owing, parts = _sides(plan)
    if plan.repeats is not None and not (
        plan.implementation.is_polars() or plan.implementation == nw.Implementation.DUCKDB
    ):
        _unique_settlement_ids(*plan.repeats)  # in memory, or Dask: looked at directly
    if plan.implementation == nw.Implementation.DASK:
        from dask.base import compute

        natives = [owed.to_native(), owing.to_native()]
        if plan.ids is not None:
            natives.append(plan.ids.select(*_id_counts()).to_native())
        *sides, counted = compute(*natives)  # type: ignore[no-untyped-call]
        if plan.ids is not None:
            _judge_ids(plan, nw.from_native(counted).row(0))
        else:
            sides.append(counted)
        total: dict[tuple[str, str], dict[str, Any]] = {}
        for side in sides:
            for row in nw.from_native(side).iter_rows(named=True):
                key = (row["party"], row["currency"])
                held = total.get(key)
                if held is None:
                    total[key] = dict(row)
                    continue
                for name in parts:
                    held[name] = _combined(name, held[name], row[name])
        import pyarrow as pa

        # Added here exactly; held as decimals until checked to fit the answer's type.
        amount = pa.decimal128(38, plan.kind.scale or 0)
        columns = {
            "party": pa.array([k[0] for k in total], pa.string()),
            "currency": pa.array([k[1] for k in total], pa.string()),
        }
        for name in parts:
            numbers = name in ("_v", "_lo", "_hi", "_top")
            values = [v[name] for v in total.values()]
            columns[name] = pa.array(values, amount if numbers else pa.int64())
        return nw.from_native(pa.table(columns))
    total_frame = nw.concat([owed, owing], how="vertical")
    lazy = total_frame.group_by("party", "currency").agg(*_sums(parts))
    if plan.implementation.is_polars() and (plan.ids is not None or plan.repeats is not None):
        import polars as pl

        # One query: the sums and the ids' hashes (see _repeated): the claims', or the
        # settlements' beside the claims' (a settlement's id is no other entry's).
        ided = plan.ids if plan.ids is not None else _keys(plan)
        hashes = ided.to_native().select(_id_hashes())
        summed, hashed = pl.collect_all([lazy.to_native(), hashes], engine="streaming")
        if _repeated(hashed.to_series().to_numpy()):
            _ids_looked_at(plan)
        return nw.from_native(summed)
    if plan.implementation.is_polars():
        return lazy.collect(engine="streaming")
    if plan.implementation == nw.Implementation.DUCKDB and (
        plan.ids is not None or plan.repeats is not None
    ):
        # The ids' hashes by DuckDB, sorted here: a quarter of the time of its count(DISTINCT).
        ided = plan.ids if plan.ids is not None else _keys(plan)
        hashed = ided.to_native().filter('"id" IS NOT NULL').project('hash("id") AS _hash')
        if _repeated(hashed.fetchnumpy()["_hash"]):
            _ids_looked_at(plan)
    elif plan.ids is not None:
        _judge_ids(plan, plan.ids.select(*_id_counts()).collect().row(0))
    return lazy.collect()


def _combined(name: str, held: Any, more: Any) -> Any:
    """Two sides' ``name`` as one: summed, or the places kept (see :func:`_sums`)."""
    if name == "_pmin":
        return min(held, more)
    if name == "_pmax":
        return max(held, more)
    return held + more


def _keys(plan: _Plan) -> Any:
    """Every claim's id and every settlement's, as text, in one column ``id``."""
    import narwhals as nw

    assert plan.repeats is not None
    settled, claims = plan.repeats
    as_text = nw.col("id").cast(nw.String)
    return nw.concat([claims.select(as_text), settled.select(as_text)], how="vertical")


def _ids_looked_at(plan: _Plan) -> None:
    """Refuses the id their hashes showed twice (or finds two ids of one hash)."""
    if plan.ids is not None:
        _unique_ids(plan.ids)
    if plan.repeats is not None:
        _unique_settlement_ids(*plan.repeats)


def _id_hashes() -> Any:
    """The polars expression of each id's 64-bit hash (rows with no id left out)."""
    import polars as pl

    return pl.col("id").drop_nulls().hash().alias("_hash")


def _repeated(hashes: Any) -> bool:
    """Whether a numpy array of the ids' 64-bit hashes holds one twice, each beside the next
    once sorted (numpy's vectorised sort: a third of the time of a hash table of them). Equal
    ids hash alike, so none twice proves the ids distinct; one twice is looked into exactly by
    :func:`_unique_ids`, which names the id (or finds two ids of one hash).

    >>> import numpy as np
    >>> _repeated(np.array([7, 3, 9, 3], np.uint64)), _repeated(np.array([7, 3], np.uint64))
    (True, False)
    """
    import numpy as np

    values = np.sort(hashes)
    return bool((values[1:] == values[:-1]).any())


def _id_counts() -> list[Any]:
    """How many distinct ids a frame's rows have, and how many ids (rows with no id left out),
    as an engine counts them."""
    import narwhals as nw

    id = nw.col("id")
    nulls = _indicator(id.null_count() > 0)
    return [(id.n_unique() - nulls).alias("_distinct"), id.count().alias("_ids")]


def _judge_ids(plan: _Plan, counted: tuple[Any, ...]) -> None:
    """Refuses an id given to two claims, where the counts of :func:`_id_counts` show fewer
    distinct ids than ids: the id found by a second look, made only then."""
    distinct, ids = (int(n or 0) for n in counted)
    if distinct < ids:
        _unique_ids(plan.ids)


@dataclass(frozen=True)
class _Position:
    party: str
    currency: str
    value: Decimal | int | None
    low: Decimal | int | None
    high: Decimal | int | None
    low_inclusive: bool
    high_inclusive: bool
    approximate: bool
    places: int | None = None  # as :meth:`Figure.__add__` keeps them (see _row_places)


def _positions(plan: _Plan) -> list[_Position]:
    """The positions, computed by the engine and brought back (one row per party and
    currency), checked, in order of party and currency."""
    found = [_position(row, plan) for row in _summed_sides(plan).iter_rows(named=True)]
    return sorted(found, key=lambda p: (p.party, p.currency))


def _position_columns(plan: _Plan, summed: Any) -> Any:
    """The positions as a frame of :data:`POSITION_COLUMNS`, made by the engine from the
    summed sides (a part any row lacks is lacking; an end is open where a row's end is)."""
    import narwhals as nw

    if plan.simple:
        value = nw.col("_v")
        parts = [value, value, value, nw.lit(True), nw.lit(True), nw.lit(False)]
    else:

        def kept(part: str, gaps: str) -> Any:
            return nw.when(nw.col(gaps) == 0).then(nw.col(part))

        parts = [
            kept("_v", "_vm"),
            kept("_lo", "_lom"),
            kept("_hi", "_him"),
            (nw.col("_lom") > 0) | (nw.col("_lo_open") == 0),
            (nw.col("_him") > 0) | (nw.col("_hi_open") == 0),
            nw.col("_ap") > 0,
        ]
    scale = plan.kind.scale
    dtype = nw.Int64() if plan.kind.minor or scale is None else nw.Decimal(38, scale)
    named = [
        part.cast(dtype if i < 3 else nw.Boolean()).alias(name)
        for i, (part, name) in enumerate(zip(parts, POSITION_COLUMNS[2:], strict=True))
    ]
    return summed.select("party", "currency", *named).sort("party", "currency")


def _native_result(plan: _Plan, frame: Any) -> Any:
    """A small eager frame as the caller's kind: its eager engine, or its lazy one."""
    if plan.eager is not None:
        if frame.implementation != plan.eager:
            frame = _from_arrow(frame, plan.eager)
        return frame.to_native()
    return _lazy(plan, frame.to_arrow())


def _lazy(plan: _Plan, table: Any) -> Any:
    """A pyarrow table as a lazy frame of the caller's engine. Dask takes it through pandas
    with Arrow types: its default turns object columns (Decimals) into text."""
    import narwhals as nw

    if plan.implementation == nw.Implementation.DASK:
        import dask.dataframe as dd
        import pandas as pd

        native = table.to_pandas(types_mapper=pd.ArrowDtype)
        return dd.from_pandas(native, npartitions=1)  # type: ignore[no-untyped-call]
    return nw.from_native(table).lazy(backend=plan.implementation).to_native()


def _from_arrow(frame: Any, backend: Any) -> Any:
    import narwhals as nw

    return nw.from_arrow(frame.to_arrow(), backend=backend)


def _position(row: dict[str, Any], plan: _Plan) -> _Position:
    def number(x: Any) -> Decimal | int:
        return int(x) if plan.kind.minor else Decimal(x)

    value = number(row["_v"] or 0)
    if plan.simple:
        return _Position(row["party"], row["currency"], value, value, value, True, True, False)
    low = None if int(row["_lom"]) else number(row["_lo"] or 0)
    high = None if int(row["_him"]) else number(row["_hi"] or 0)
    approximate = bool(int(row["_ap"]))
    return _Position(
        row["party"],
        row["currency"],
        None if int(row["_vm"]) else value,
        low,
        high,
        low is None or not int(row["_lo_open"]),
        high is None or not int(row["_hi_open"]),
        approximate,
        _places(plan.kind, row) if approximate else None,
    )


def _places(kind: _Kind, row: dict[str, Any]) -> int | None:
    """The places a position keeps: the fewest of its approximate rows where that is fewer
    than the most of its rows, else None (the rule of :meth:`Figure.__add__`); for whole
    minor units, told in the currency's digits.

    >>> _places(_Kind(2), {"_pmin": 0, "_pmax": 2}), _places(_Kind(2), {"_pmin": 2, "_pmax": 2})
    (0, None)
    >>> _places(_Kind(None), {"currency": "JPY", "_pmin": 2, "_pmax": 4})  # 100 yen: no places
    """
    if row.get("_pmin") is None or row.get("_pmax") is None:
        return None
    fewest, most = int(row["_pmin"]), int(row["_pmax"])
    if kind.minor:
        from babel.numbers import get_currency_precision

        shift = _MINOR_PLACES - get_currency_precision(row["currency"])
        fewest, most = max(0, fewest - shift), max(0, most - shift)
    return fewest if fewest < most else None


def _refuse_rows(plan: _Plan, what: str) -> None:
    """Finds the first row no source could have written and says what is wrong with it
    (a second pass over the frame, made only to say so): a settlement row first, as a bad
    settlement marks its claim bad too."""
    import narwhals as nw

    bad = nw.col("_bad").fill_null(False)
    read = None if plan.kind.minor else plan.kind.scale  # how scan read the text
    if plan.paid is not None:
        row = _first(plan.paid.filter(bad))
        if row is not None:
            why = _why(row, read)
            if why == _UNDATED:  # nothing else is wrong with it
                _refuse_undated("settlement", _label(row, "claim"))
            raise FrameError(
                f"settlements row {_label(row, 'claim')}: {why}; a "
                f"settlement is in its claim's currency, with {_WRITTEN}"
            )
    unblank = nw.col("_bad").cast(nw.Boolean).fill_null(False) & ~_blank(plan.columns)
    found = _first(plan.full.filter(bad if plan.unblank else unblank))
    if found is None and not plan.unblank:  # only blank rows, which are no rows
        raise _Blank
    row = found or {}
    settled = _why_settled(row)
    if settled:
        raise FrameError(settled)
    why = _why(row, read)
    if why == _UNDATED:  # nothing else is wrong with it
        _refuse_undated("claim", _label(row))
    raise FrameError(
        f"{what} row {_label(row)}: {why}; every claim names two "
        f"different parties, with {_WRITTEN}, and a status among {', '.join(_STATUSES)}"
    )


def _refuse_undated(what: Literal["claim", "settlement"], row: str) -> NoReturn:
    """Refuses a row whose only fault is an empty ``as_of``, with a reason for a reader in
    any language (``ledger.words.REASONS``)."""
    error = FrameError(f"{what}s row {row}: {_UNDATED}")
    error.reason = (f"undated {what}", {"row": row})
    raise error


_WRITTEN = (
    "an amount or bounds (low/high), none negative, the amount within its bounds, a lower "
    f"bound not above the upper one, and a qualifier among {', '.join(_ACCEPTED)} (with bounds, "
    "none or range)"
)


def _label(row: dict[str, Any], key: str = "id") -> str:
    """How a row is named in a message: by its id (claims) or claim (settlements), or else by
    its columns as given; and, for a row :func:`scan` read from CSV, by file and line."""
    if row.get(key) is not None:
        named = f"{key}={row[key]!r}"
    else:
        shown = [f"{k}={v!r}" for k, v in row.items() if not k.startswith("_") and v is not None]
        named = "(" + ", ".join(shown) + ")"
    where = _csv_line(row)
    return f"{named} ({where})" if where else named


def _csv_line(row: dict[str, Any]) -> str | None:
    """``file line N`` of a row read from CSV by :func:`scan`: the first line of its file
    with the row's text (looked up only to say where a refused row is)."""
    import csv

    file = row.get("_file")
    if not isinstance(file, str):
        return None
    written = {k: v for k, v in row.items() if not k.startswith("_") and isinstance(v, str)}
    written |= {k[5:]: v for k, v in row.items() if k.startswith("_raw_") and v is not None}
    try:
        with open(file, newline="", encoding="utf-8") as text:
            reader = csv.DictReader(text)  # skips blank lines: its line_num counts them
            for line in reader:
                if all(line.get(k, v) == v for k, v in written.items()):
                    return f"{file} line {reader.line_num}"
    except OSError:
        pass
    return file


#: What an undated row of a dated frame is told (see :func:`_undated`).
_UNDATED = (
    "as_of is empty, so whether it counts on the day asked cannot be told; accepted: a date, "
    "YYYY-MM-DD (the day its source speaks for)"
)


def _why(row: dict[str, Any], scale: int | None = None) -> str:
    """What is wrong with a row, column by column, from its values as given."""
    reasons = [
        f"{role} is missing" for role in ("debtor", "creditor") if role in row and row[role] is None
    ]
    debtor = row.get("debtor")
    if debtor is not None and debtor == row.get("creditor"):
        reasons.append(f"debtor and creditor are both {debtor!r}; a claim is between two parties")
    amount, low, high = (row.get(name) for name in _AMOUNTS)
    for name in _AMOUNTS:
        raw = row.get(f"_raw_{name}")
        if row.get(name) is None and raw is not None:
            read = (
                "a whole number"
                if scale is None
                else f"a number with at most {scale} decimal places"
            )
            reasons.append(f"{name}={raw!r} is not {read}, as scan(scale=) reads it")
            return "; ".join(reasons)
    reasons.extend(
        f"{n}={v} is negative"
        for n, v in zip(_AMOUNTS, (amount, low, high), strict=True)
        if v is not None and v < 0
    )
    reasons.extend(
        f"{n}={v.normalize(CONTEXT)} is too large: amounts are below 10**{LARGEST} in size"
        for n, v in zip(_AMOUNTS, (amount, low, high), strict=True)
        if isinstance(v, Decimal) and v >= _TOO_LARGE
    )
    if amount is None and low is None and high is None:
        reasons.append("it has no amount nor bounds")
    if low is not None and high is not None and low > high:
        reasons.append(f"low={low} is above high={high}")
    if amount is not None and (
        (low is not None and amount < low) or (high is not None and amount > high)
    ):
        reasons.append(f"amount={amount} is outside low={low} to high={high}")
    word = row.get("qualifier")
    if word is not None and word not in _ACCEPTED:
        reasons.append(f"qualifier={word!r} is not accepted")
    elif word not in (None, "range") and (low is not None or high is not None):
        reasons.append(f"qualifier={word!r} contradicts the bounds low={low}, high={high}")
    status = row.get("status")
    if status is not None and status not in _STATUSES:
        reasons.append(f"status={status!r} is not accepted")
    if row.get("currency", "") is None:
        reasons.append("currency is missing")
    if "as_of" in row and row["as_of"] is None:
        reasons.append(_UNDATED)
    return "; ".join(reasons) or "a value no source could have written"


def _why_settled(row: dict[str, Any]) -> str | None:
    """What is wrong with a claim's settlements, from its row joined with their sums."""
    claim = row.get("id")
    theirs = row.get("_scurrency")
    if int(row.get("_sn") or 0) and "_scurrency" in row and theirs != row.get("currency"):
        return (
            f"settlements row claim={claim!r}: currency={theirs!r} is not its claim's "
            f"{row.get('currency')!r}; settle in the claim's currency (convert first)"
        )
    first, day = row.get("_sfirst"), row.get("as_of")
    if first is not None and day is not None and first < day:
        return (
            f"settlements row claim={claim!r}: as_of={first} is before the claim it settles, "
            f"{claim!r} dated {day}; date it on or after the claim"
        )
    # The claim's upper bound, or its amount where it has none (a ``high`` column of nulls).
    paid, ceiling = row.get("_s_lo"), row.get("high")
    ceiling = row.get("amount") if ceiling is None else ceiling
    if int(row.get("_sn") or 0) and paid is not None and ceiling is not None and paid > ceiling:
        return (
            f"settlements of claim {claim!r} sum to {paid}, more than the claim's {ceiling} "
            "(in the amount column's units); a claim is settled at most in full"
        )
    return None


def _decimal(kind: _Kind, code: str, number: Decimal | int | None) -> Decimal | None:
    """A column's number as the Decimal it stands for, in its shortest form."""
    if number is None:
        return None
    if kind.minor:
        from babel.numbers import get_currency_precision

        number = Decimal(int(number)).scaleb(-get_currency_precision(code), CONTEXT)
    assert isinstance(number, Decimal)
    if number == number.to_integral_value(context=CONTEXT):
        return number.quantize(Decimal(1), context=CONTEXT)
    return number.normalize(CONTEXT)


def _figure(kind: _Kind, position: _Position) -> Figure:
    code = position.currency

    def amount(number: Decimal | int | None) -> Quantity | None:
        exact = _decimal(kind, code, number)
        return None if exact is None else money(exact, code)

    value, low, high = amount(position.value), amount(position.low), amount(position.high)
    if low is None and high is None:
        if value is not None:  # a central value with no bounds at all
            return Figure(
                value,
                qualifier="unknown",
                approximate=position.approximate,
                places=position.places,
            )
        # Neither: what "more than X" less "more than Y" comes to, built the same way.
        nought = money(0, code)
        figure = Figure.of(nought, "at_least") + Figure.of(nought, "at_most")
        return figure + Figure.of(nought, "about") if position.approximate else figure
    return Figure(
        value,
        low=low,
        high=high,
        low_inclusive=position.low_inclusive,
        high_inclusive=position.high_inclusive,
        approximate=position.approximate,
        places=position.places,
    )


def _frame(plan: _Plan, data: dict[str, list[Any]], types: dict[str, Any]) -> Any:
    """A frame of the caller's engine from columns of Python values: eager for an eager
    frame, lazy (already computed) for a lazy one."""
    import narwhals as nw
    import pyarrow as pa

    table = pa.table({name: pa.array(values, types[name]) for name, values in data.items()})
    if plan.eager is not None:
        return nw.from_arrow(table, backend=plan.eager).to_native()
    return _lazy(plan, table)


def _amount_type(kind: _Kind) -> Any:
    import pyarrow as pa

    return pa.int64() if kind.minor else pa.decimal128(38, kind.scale)


def net_positions(
    claims: Any,
    *,
    settlements: Any = None,
    as_of: date | None = None,
    statuses: str | Collection[str] | None = None,
    asserted_by: str | Collection[str] | None = None,
    figures: bool = False,
) -> Any:
    """Every party's net position per currency, positive for a net creditor: a frame of the
    caller's engine with :data:`POSITION_COLUMNS` (amounts of the claims' kind: decimals, or
    minor units), in order of party and currency; or with ``figures=True`` the object path's
    ``{party: {currency: Figure}}``.

    ``settlements`` (a frame with ``claim``, ``amount`` and the same optional columns) reduce
    the claims whose ``id`` they name; ``as_of`` (today by default) keeps the claims and
    settlements dated on or before it, where the frames have an ``as_of`` column; ``statuses``
    and ``asserted_by`` choose claims as :func:`ledger.net_positions` does. A lazy frame
    (polars, DuckDB, Dask) is netted by its engine, streamed where the engine streams, and only
    the positions come back.

    >>> import pandas as pd
    >>> claims = pd.DataFrame({"debtor": ["KG", "KG"], "creditor": ["RU", "RU"],
    ...     "currency": ["USD", "USD"], "amount": [50_000, 25]})  # cents
    >>> net_positions(claims)[["party", "amount"]].to_dict("list")
    {'party': ['KG', 'RU'], 'amount': [-50025, 50025]}
    >>> print(net_positions(claims, figures=True)["RU"]["USD"])
    500.25 USD
    """

    def make(widen: bool, unblank: bool) -> _Plan:
        return _plan(
            claims,
            settlements=settlements,
            as_of=as_of,
            statuses=statuses,
            asserted_by=asserted_by,
            widen=widen,
            unblank=unblank,
        )

    def use(plan: _Plan) -> Any:
        if figures:
            held: dict[str, dict[str, Figure]] = defaultdict(dict)
            for p in _positions(plan):
                held[p.party][p.currency] = _figure(plan.kind, p)
            return dict(held)
        if plan.whole is not None and plan.implementation.is_polars():
            return _polars_positions(plan)
        return _native_result(plan, _position_columns(plan, _summed_sides(plan)))

    return _widening(make, use)


_T = TypeVar("_T")


def _widening(make: Callable[[bool, bool], _Plan], use: Callable[[_Plan], _T]) -> _T:
    """``use`` of the plan ``make`` makes; again with whole minor units summed as decimals
    where their 64-bit sums could overflow (:class:`_Wider`), or without the blank rows
    where those were all a check found (:class:`_Blank`)."""
    widen = unblank = False
    while True:
        try:
            return use(make(widen, unblank))
        except _Wider:
            if widen:  # pragma: no cover - a plan summed as decimals never asks again
                raise
            widen = True
        except _Blank:
            if unblank:  # pragma: no cover - a plan without blank rows never asks again
                raise
            unblank = True


class _Blank(Exception):  # not an error: a signal to net again without the blank rows
    """The rows a check found wrong are all blank (every column empty, as polars reads a blank
    line of a CSV file): net again with such rows left out. The good path never looks for
    them; they cost a second plan only where a file has them."""


def net_balance(
    claims: Any,
    debtor: str,
    creditor: str,
    *,
    settlements: Any = None,
    as_of: date | None = None,
    currency: str | None = None,
    statuses: str | Collection[str] | None = None,
    asserted_by: str | Collection[str] | None = None,
    parties: Collection[str] | None = None,
    figures: bool = False,
) -> Any:
    """What ``debtor`` owes ``creditor``, net of what ``creditor`` owes ``debtor``: one row
    per currency of their claims (``currency`` keeps one), with the columns of a position
    but ``party``; with ``figures=True`` a ``{currency: Figure}``, each what
    ``lg.net_balance(book, debtor, creditor, currency=...)`` gives as its amount.

    Each of the two is a party of the claims (as debtor or creditor of one, whatever its date
    or status), or of ``parties`` where given (a ledger's parties, say): a party named in
    neither is refused, as the object path refuses a party the ledger does not know.

    >>> import polars as pl
    >>> claims = pl.DataFrame({"debtor": ["TJ", "RU"], "creditor": ["RU", "TJ"],
    ...     "currency": ["USD", "USD"], "amount": [300_000_000_00, 50_000_000_00]})
    >>> print(net_balance(claims, "TJ", "RU", figures=True)["USD"])
    250000000 USD
    """
    import narwhals as nw

    for name, party in (("debtor", debtor), ("creditor", creditor)):
        if not isinstance(party, str) or not party:
            raise FrameError(f"{name}: {party!r} is not a party; pass a code such as 'RU'")
    if debtor == creditor:
        raise FrameError(
            f"debtor and creditor are both {debtor!r}; a balance is between two parties"
        )
    frame = _native_frame(claims, "claims")
    _required(frame.collect_schema().names(), _REQUIRED, "claims")
    for name, party in (("debtor", debtor), ("creditor", creditor)):
        why = _party_fault(party)  # "ru": codes are upper-case, as the object path says
        if why is not None:
            raise FrameError(f"{name}: {why}")
        if parties is not None:
            if party not in parties:
                raise FrameError(
                    f"party {party!r} is not among the parties given ({', '.join(sorted(parties))})"
                )
            continue
        named = (nw.col("debtor") == party) | (nw.col("creditor") == party)
        if _first(frame.filter(named)) is None:
            raise FrameError(
                f"party {party!r} is in no claim of the frame (as debtor or creditor); name a "
                "party of the claims, or pass parties= (the parties you know)"
            )
    pair = [debtor, creditor]
    between = nw.col("debtor").is_in(pair) & nw.col("creditor").is_in(pair)
    if currency is not None:
        between = between & (nw.col("currency") == currency)

    def make(widen: bool, unblank: bool) -> _Plan:
        return _plan(
            claims,
            settlements=settlements,
            as_of=as_of,
            statuses=statuses,
            asserted_by=asserted_by,
            among=between,
            widen=widen,
            unblank=unblank,
        )

    def use(plan: _Plan) -> Any:
        if figures:
            found = _positions(plan)
            return {p.currency: _figure(plan.kind, p) for p in found if p.party == creditor}
        frame = _position_columns(plan, _summed_sides(plan))
        return _native_result(plan, frame.filter(nw.col("party") == creditor).drop("party"))

    return _widening(make, use)


def settle(
    claims: Any,
    *,
    settlements: Any = None,
    as_of: date | None = None,
    statuses: str | Collection[str] | None = None,
    asserted_by: str | Collection[str] | None = None,
    figures: bool = False,
) -> Any:
    """Transfers that bring every position to zero, per currency, as :func:`ledger.settle`
    makes them (largest debtor pays largest creditor first: at most n - 1 for n parties): a
    frame with ``payer``, ``payee``, ``currency``, ``amount`` and ``approximate``, or with
    ``figures=True`` the object path's :class:`~ledger.netting.Transfers`.

    >>> import pyarrow as pa
    >>> claims = pa.table({"debtor": ["TJ", "KG"], "creditor": ["RU", "TJ"],
    ...     "currency": ["USD", "USD"], "amount": [300, 100]})
    >>> [str(t) for t in settle(claims, figures=True)]
    ['TJ pays RU 2 USD', 'KG pays RU 1 USD']
    """

    def make(widen: bool, unblank: bool) -> _Plan:
        return _plan(
            claims,
            settlements=settlements,
            as_of=as_of,
            statuses=statuses,
            asserted_by=asserted_by,
            widen=widen,
            unblank=unblank,
        )

    plan, found = _widening(make, lambda plan: (plan, _positions(plan)))
    by_currency: dict[str, list[_Position]] = defaultdict(list)
    for position in found:
        if position.value is None:
            shown = _figure(plan.kind, position)
            raise FigureError(
                f"{position.party}'s position in {position.currency} is {shown}: it has no "
                "central value, so no transfer can settle it; settle needs claims with an "
                "amount, not only bounds"
            )
        by_currency[position.currency].append(position)
    rows: list[tuple[str, str, str, Decimal | int, bool]] = []
    places: dict[str, int | None] = {}
    for code, held in sorted(by_currency.items()):
        rows.extend(_transfers_in(code, held))
        # A transfer shows no more places than its positions do (as lg.settle).
        places[code] = min((p.places for p in held if p.places is not None), default=None)
    if figures:
        return Transfers(
            Transfer(
                payer,
                payee,
                _transfer_figure(plan.kind, code, amount, approximate, places[code]),
            )
            for payer, payee, code, amount, approximate in rows
        )
    import pyarrow as pa

    columns = ("payer", "payee", "currency", "amount", "approximate")
    data = {name: [row[i] for row in rows] for i, name in enumerate(columns)}
    types = {
        "payer": pa.string(),
        "payee": pa.string(),
        "currency": pa.string(),
        "amount": _amount_type(plan.kind),
        "approximate": pa.bool_(),
    }
    return _frame(plan, data, types)


def _transfer_figure(
    kind: _Kind, code: str, amount: Decimal | int, approximate: bool, places: int | None = None
) -> Figure:
    value = money(_decimal(kind, code, amount) or 0, code)
    return Figure(value, approximate=approximate, places=places)


def _transfers_in(
    code: str, held: list[_Position]
) -> list[tuple[str, str, str, Decimal | int, bool]]:
    """Largest debtor pays largest creditor, in one currency, on central values."""
    approximate = any(p.approximate for p in held)
    values = [(p.party, p.value) for p in held if p.value is not None]
    creditors = sorted(((v, p) for p, v in values if v > 0), key=lambda r: (-r[0], r[1]))
    debtors = sorted(((-v, p) for p, v in values if v < 0), key=lambda r: (-r[0], r[1]))
    due = [amount for amount, _ in creditors]
    owes = [amount for amount, _ in debtors]
    transfers: list[tuple[str, str, str, Decimal | int, bool]] = []
    i = j = 0
    while i < len(debtors) and j < len(creditors):
        paid = min(owes[i], due[j])
        transfers.append((debtors[i][1], creditors[j][1], code, paid, approximate))
        owes[i] -= paid
        due[j] -= paid
        if owes[i] == 0:
            i += 1
        if due[j] == 0:
            j += 1
    return transfers


# -- files ----------------------------------------------------------------------------------


def scan(
    source: str | Path | Sequence[str | Path],
    *,
    engine: Literal["polars", "duckdb"] = "polars",
    scale: int | None = 2,
) -> Any:
    """A lazy frame over Parquet or CSV files (a path, a glob such as ``"transfers/*.csv"``,
    or a list), read by ``engine`` only when netted, and then streamed.

    Parquet files carry their own types. In CSV text the amount columns (``amount``, ``low``,
    ``high``) are read as decimals with ``scale`` places, exactly: a row with more places (or
    that is not a number) reads as no amount, and netting refuses it; ``scale=None`` reads
    whole minor units by currency (cents for USD). Each row also keeps its file (``_file``) and
    the amounts' text (``_raw_amount``, ...), so that a refused value is shown with its file,
    line and text. An ``as_of`` column is read as dates. Each CSV file's lines are read once
    here, streamed, to refuse a row with fewer or more fields than the header (an engine would
    read the missing fields as empty, or drop an extra one); a value the engine cannot read
    (a date such as 2024-13-45) is refused when netted, with its file and line.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "claims.csv").write_text(
    ...     "debtor,creditor,currency,amount\\nTJ,RU,USD,300000000.50\\nRU,TJ,USD,50000000\\n")
    >>> print(net_positions(scan(folder / "*.csv"), figures=True)["RU"]["USD"])
    250000000.5 USD
    """
    paths = [str(source)] if isinstance(source, (str, Path)) else [str(p) for p in source]
    if not paths:
        raise FrameError("scan: no file given; pass a path, a glob or a list of paths")
    if engine not in ("polars", "duckdb"):
        raise FrameError(f"scan: engine {engine!r} is not known; accepted: polars, duckdb")
    if scale is not None and (isinstance(scale, bool) or not isinstance(scale, int)):
        raise FrameError(f"scan: scale {scale!r} is not a whole number of decimal places")
    if scale is not None and not 0 <= scale <= _PRECISION:
        raise FrameError(f"scan: scale {scale} is outside 0 to {_PRECISION} decimal places")
    suffixes = {Path(p).suffix.lower() for p in paths}
    if not (suffixes <= {".parquet", ".pq"} or suffixes <= {".csv"}):
        raise FrameError(
            f"scan: {', '.join(paths)}: not Parquet (.parquet) nor CSV (.csv) files, or a mix "
            "of both"
        )
    _found(paths)
    if suffixes <= {".csv"}:
        for path in paths:
            _check_fields(path)
        return _remember(_scan_csv(paths, engine, scale), paths)
    return _remember(_scan_parquet(paths, engine), paths)


def _found(paths: list[str]) -> None:
    """Refuses a local path or glob that names no file (a URL is left to the engine)."""
    import glob

    for path in paths:
        if "://" in path:
            continue
        if not glob.glob(path, recursive=True):
            raise FrameError(
                f"scan: no file matches {path}; check the folder and the name (a glob such "
                "as transfers/*.csv matches the files in that folder)"
            )


def _check_fields(path: str) -> None:
    """Refuses a CSV row with fewer or more fields than its file's header, with its file and
    line: an engine reads the missing fields as empty (polars) and may drop an extra one
    unread, so that the row would net as something it does not say. One streamed pass over
    each file's lines (a file with a quoted field over several lines is left to the engine).

    >>> import tempfile, pathlib
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "claims.csv"
    >>> _ = file.write_text("debtor,creditor,currency,amount\\nTJ,RU,USD\\n")
    >>> _check_fields(str(file))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ledger.frames.FrameError: scan: ...claims.csv line 2: 3 fields where the header has 4 ...
    """
    import glob

    try:
        import polars as pl
    except ImportError:  # pragma: no cover - polars comes with the frames extra
        return
    files = [path] if "://" in path else sorted(glob.glob(path, recursive=True))
    for file in files:
        if "://" not in file and _fields_agree(file):
            continue  # every line as wide as the header, seen at a glance
        line = pl.col("line")
        quotes = line.str.count_matches('"', literal=True)
        bare = pl.when(quotes > 0).then(line.str.replace_all(r'"[^"]*"', "")).otherwise(line)
        fields = bare.str.count_matches(",", literal=True) + 1
        lines = pl.scan_lines(file)
        head = lines.head(1).select(fields).collect()
        if not len(head):
            continue
        header = int(head.item())
        # First a cheap look (commas counted, no quote): most files end here.
        commas = line.str.count_matches(",", literal=True)
        quoted = line.str.contains('"', literal=True).any()
        fewest, most, any_quote = (
            lines.select(commas.min().alias("fewest"), commas.max().alias("most"), quoted)
            .collect()
            .row(0)
        )
        if not any_quote and fewest == most == header - 1:
            continue
        wrong = (fields != header) & (line.str.strip_chars("\r") != "")
        found = (
            lines.with_row_index("_i")
            .select(
                pl.col("_i").filter(wrong).min().alias("first"),
                (quotes % 2 == 1).any().alias("odd"),
            )
            .collect()
        )
        first, odd = found.row(0)
        if first is not None and not odd:
            text = lines.slice(int(first), 1).collect().item()
            raise FrameError(_ragged(file, int(first) + 1, _header(file), text))


#: How many bytes of a CSV file :func:`_fields_agree` reads at a time.
_BLOCK = 1 << 22


def _fields_agree(file: str, block: int = _BLOCK) -> bool:
    """Whether every line of a CSV file with no quote character holds as many commas as its
    header, so as many fields: True proves it; False only sends the file to the exact look of
    :func:`_check_fields` (a quote, a blank line, a row of another width). The file is read a
    block of whole lines at a time into one buffer, which numpy looks at (memory: a few
    blocks, whatever the file's size): a third of the time of counting each line's commas
    as text.

    >>> import tempfile, pathlib
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "claims.csv"
    >>> _ = file.write_text("a,b,c\\n1,2,3\\n4,5,6\\n7,8,9")
    >>> _fields_agree(str(file)), _fields_agree(str(file), block=7)
    (True, True)
    >>> _ = file.write_text("a,b,c\\n1,2,3,4\\n5,6\\n")  # as many commas, not line by line
    >>> _fields_agree(str(file)), _fields_agree(str(file), block=5)
    (False, False)
    """
    width = len(_header(file)) - 1  # the commas of each line
    if width < 0:
        return True  # an empty file: no line to look at
    buffer = bytearray(block)
    held = 0  # the bytes of a line not yet whole, at the front of the buffer
    with open(file, "rb", buffering=0) as stream:
        while True:
            if held == len(buffer):  # a line longer than the buffer: a larger one
                buffer += bytes(len(buffer))
            with memoryview(buffer) as view:
                got = stream.readinto(view[held:])
            end = held + got
            if not got:  # the last line, with no newline after it
                return not held or _lines_agree(bytes(buffer[:held]) + b"\n", width)
            cut = buffer.rfind(b"\n", 0, end) + 1
            if cut and not _lines_agree(buffer, width, cut):
                return False
            buffer[: end - cut] = buffer[cut:end]
            held = end - cut


def _lines_agree(data: bytes | bytearray, width: int, size: int | None = None) -> bool:
    """Whether each line of ``data[:size]`` (whole lines) holds ``width`` commas and no quote:
    the commas taken ``width`` at a time fall each group within its own line exactly when
    every line holds ``width`` of them (and as many in all)."""
    import numpy as np

    size = len(data) if size is None else size
    if data.find(b'"', 0, size) >= 0:
        return False
    text = np.frombuffer(data, np.uint8, count=size)
    ends = np.flatnonzero(text == ord("\n"))
    commas = np.flatnonzero(text == ord(","))
    if len(commas) != len(ends) * width:
        return False
    if not width:
        return True
    grid = commas.reshape(len(ends), width)
    return not ((grid[:, -1] > ends).any() or (grid[1:, 0] < ends[:-1]).any())


def _header(file: str) -> list[str]:
    import csv

    with open(file, newline="", encoding="utf-8-sig") as text:
        return next(csv.reader(text), [])


def _ragged(file: str, number: int, header: list[str], text: str) -> str:
    """What is wrong with a row of a CSV file whose fields are not the header's."""
    import csv

    fields = next(csv.reader([text.rstrip("\r\n")]), [])
    where = f"scan: {file} line {number}: {len(fields)} fields where the header has {len(header)}"
    advice = "write every column on every row, with an empty field where a value is unknown"
    if len(fields) < len(header):
        missing = ", ".join(header[len(fields) :])
        return f"{where} ({', '.join(header)}): it has no {missing}; {advice}"
    extra = ", ".join(map(repr, fields[len(header) :]))
    return f"{where}: {extra} beyond its last column {header[-1]!r}; {advice}"


#: The files each frame :func:`scan` made was read from, to say where an unreadable value is
#: (by the frame's id, while it lives: polars frames are not hashable).
_SCANNED: dict[int, list[str]] = {}


def _remember(frame: Any, paths: list[str]) -> Any:
    key = id(frame)
    _SCANNED[key] = paths
    weakref.finalize(frame, _SCANNED.pop, key, None)
    return frame


def _files(*natives: Any) -> list[str] | None:
    """The files :func:`scan` read these frames from (claims, settlements), if it did."""
    found = [path for native in natives for path in _SCANNED.get(id(native), [])]
    return found or None


def _scan_parquet(paths: list[str], engine: str) -> Any:
    if engine == "polars":
        import polars as pl

        return pl.scan_parquet(paths)
    import duckdb

    return duckdb.read_parquet(paths)


def _number_pattern(scale: int | None) -> str:
    places = "" if scale is None or scale == 0 else rf"(\.[0-9]{{0,{scale}}})?"
    # A minus sign is read, so that a negative amount is refused as negative.
    return rf"^\s*-?[0-9]+{places}\s*$"


def _scan_csv(paths: list[str], engine: str, scale: int | None) -> Any:
    if engine == "polars":
        import polars as pl

        header = pl.scan_csv(paths[0], n_rows=1, infer_schema=False).collect_schema().names()
        amounts = [name for name in _AMOUNTS if name in header]
        text: dict[str, Any] = dict.fromkeys(amounts, pl.String)
        if "as_of" in header:  # a date however few rows show it: a bad one is refused
            text["as_of"] = pl.Date
        lazy = pl.scan_csv(
            paths, schema_overrides=text, try_parse_dates=True, include_file_paths="_file"
        )
        dtype = pl.Int64 if scale is None else pl.Decimal(38, scale)
        pattern = _number_pattern(scale)
        # The text as written stays beside the number (in ``_raw_amount`` and so on), with
        # the file, to show a value that is not a number: netting reads neither otherwise.
        return lazy.with_columns(
            pl.col(name).alias(f"_raw_{name}") for name in amounts
        ).with_columns(
            pl.when(pl.col(name).str.contains(pattern))
            .then(pl.col(name).str.strip_chars().cast(dtype))
            .alias(name)
            for name in amounts
        )
    import duckdb

    header = duckdb.read_csv(paths[0], all_varchar=True).columns
    amounts = [name for name in _AMOUNTS if name in header]
    # Each row keeps its file (``_file``) and its amounts' text, as with polars.
    types = dict.fromkeys(amounts, "VARCHAR") | ({"as_of": "DATE"} if "as_of" in header else {})
    # Quotes as in any CSV (DuckDB's sniffer takes none where its sample shows none).
    relation = duckdb.read_csv(paths, dtype=types, filename="_file", quotechar='"')
    if not amounts:
        return relation
    sql_type = "BIGINT" if scale is None else f"DECIMAL(38, {scale})"
    replaced = ", ".join(
        f"CASE WHEN regexp_full_match({name}, '{_number_pattern(scale)}') "
        f"THEN CAST(trim({name}) AS {sql_type}) END AS {name}"
        for name in amounts
    )
    raw = ", ".join(f"{name} AS _raw_{name}" for name in amounts)
    return relation.project(f"* REPLACE ({replaced}), {raw}")
