"""Ledger files: TOML and JSON in one schema, read strictly and written atomically.

A ledger file holds an optional ``title`` and ``description``, ``parties`` (names for parties:
``KG = "Kyrgyzstan"`` for every language, or ``[parties.KG] name = {en = "...", ru = "..."}``
one per language, CLDR's name for the others), ``sources`` declared once and named by id, then
``entries``, each with its ``kind``. :func:`parse` turns text into the file form, :func:`read`
the file form into a ledger's :class:`Parts` (or refuses it whole, with every problem listed by
file, entry and field); :func:`write` and :func:`dumps` go back. Saving writes beside the file
and renames, so a failed save leaves the old file whole. The :class:`~ledger.book.Ledger` is
built on this.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import pydantic_core
import tomli_w
from pydantic import TypeAdapter, ValidationError

from .checks import cross_check, label_text, parties_problems
from .entries import (
    ENTRY_KINDS,
    FIGURE_KEYS,
    Entry,
    EntryBase,
    Settlement,
    Source,
    compacted,
    error_message,
    light_entries,
)
from .errors import LedgerError, LedgerFileError, Problem
from .figures import QUALIFIERS
from .loans import Tranches

__all__ = [
    "EXAMPLE",
    "PIECE",
    "Parts",
    "dumps",
    "entries_adapter",
    "format_of",
    "parse",
    "read",
    "read_toml",
    "schema",
    "validation_problems",
    "write",
    "write_atomically",
]


@dataclass(frozen=True)
class Parts:
    """What a ledger is made of, as a file holds it."""

    entries: tuple[EntryBase, ...]
    title: str | None = None
    description: str | None = None
    parties: dict[str, Any] = field(default_factory=dict)
    source_ids: dict[Source, str] = field(default_factory=dict)
    #: Settlements written once with a ``schedule`` table, which load as their tranches.
    schedules: tuple[Tranches, ...] = ()


EXAMPLE = "tajikistan_russia_2004.toml"


_TOP_KEYS = ("title", "description", "parties", "sources", "entries")


_FIGURE_FLAT_KEYS = tuple(key for key in FIGURE_KEYS if key != "amount")


_FIRST_KEYS = ("kind", "id", "as_of", "source")


_LAST_KEYS = ("quote", "note")


_UNREAD_SOURCE = Source(publisher="?", title="?", date=date(1970, 1, 1))


@lru_cache(maxsize=1)
def entries_adapter() -> TypeAdapter[list[Entry]]:
    return TypeAdapter(list[Entry])


def _ordered(raw: dict[str, Any]) -> dict[str, Any]:
    first = {key: raw[key] for key in _FIRST_KEYS if key in raw}
    last = {key: raw[key] for key in _LAST_KEYS if key in raw}
    middle = {k: v for k, v in raw.items() if k not in first and k not in last}
    return {**first, **middle, **last}


def _slug(text: str) -> str:
    # Never empty: it is made of a publisher and a date, whose digits always stay.
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".toml", ".json"):
        return suffix[1:]
    raise LedgerError(f"{path}: unknown file type {suffix!r}; accepted: .toml, .json")


def write_atomically(target: Path, payload: bytes) -> None:
    # Beside the target (Path("x.toml").parent is Path(".")): os.replace is atomic only within
    # one file system, which the system's temporary folder may not share.
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        if target.exists():
            os.chmod(temporary, target.stat().st_mode & 0o777)
        else:
            os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class _DuplicateKey(Exception):
    """Raised inside json's parser, which knows no positions; the caller finds them."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    table = dict(pairs)
    if len(table) != len(pairs):
        raise _DuplicateKey
    return table


_JSON = json.JSONDecoder(object_pairs_hook=_unique_keys)


_KEY_GAPS = (" :", "\t:", "\n:", "\r:")


def _read_json(text: str, label: str) -> Any:
    """Parse with pydantic_core, then make sure no object gave a key twice: counted when the
    counts can show it (see :func:`_keys_counted_unique`), else parsed again by ``_JSON``."""
    # Keys only in pydantic-core's string cache: it would keep up to 16,384 of the values
    # (ids, amounts) alive after the load; the repeated values are shared by entries.compacted.
    data = pydantic_core.from_json(text, cache_strings="keys")
    if _keys_counted_unique(text, data):
        return data
    try:
        _JSON.decode(text)
    except (_DuplicateKey, ValueError, RecursionError):
        # json's hook knows no positions: the walk over the tokens finds the repeated keys
        # with their lines, and finds them too should json refuse a text pydantic_core read.
        problems = _duplicate_keys(text, label)
        if problems:
            raise LedgerFileError(problems) from None
    return data


def _keys_counted_unique(text: str, data: Any) -> bool:
    """True when counting proves that no JSON object in ``text`` gives a key twice.

    Every key is a string closed by ``"`` and followed by ``:``. Where no key stands apart from
    its colon, each key is one ``":`` in the text; the others are inside strings, and those right
    after a single backslash (an escaped quote) are known to be. So the keys written are at most
    ``text.count('":')`` less those; the parsed tables hold one item for each distinct key of
    their object: when the two are equal, no key was written twice. Unequal proves nothing.
    """
    written = text.count('":')
    if written != text.count(":") and any(gap in text for gap in _KEY_GAPS):
        return False
    parsed = _keys_parsed(data)
    if written != parsed:
        written -= text.count('\\":') - text.count('\\\\":')
    return written == parsed


def _keys_parsed(data: Any) -> int:
    """The keys of every table in ``data``, found by a walk. (A shortcut that summed the tables
    a ledger file usually has saved ~0.25 s per 80,000 entries, ~4% of a load, and was a second
    way to one answer that no test could tell apart from the first: gone.)"""
    total, stack = 0, [data]
    while stack:
        value = stack.pop()
        if type(value) is dict:
            total += len(value)
            stack.extend([item for item in value.values() if type(item) in _CONTAINERS])
        elif type(value) is list:
            stack.extend([item for item in value if type(item) in _CONTAINERS])
    return total


_CONTAINERS = (dict, list)


_JSON_TOKEN = re.compile(r'\s*(?:("[^"\\]*(?:\\.[^"\\]*)*")|([{}\[\]:,])|[^\s{}\[\]:,"]+)')


class _Frame:
    """An object or array open while :func:`_duplicate_keys` walks the text."""

    __slots__ = ("expect_key", "index", "key", "keys", "path")

    def __init__(self, path: list[str | int], keys: dict[str, int] | None) -> None:
        self.path, self.keys = path, keys
        self.key: str | None = None
        self.index = 0
        self.expect_key = True


def _duplicate_keys(text: str, label: str) -> list[Problem]:
    """Every key given twice in one JSON object, by entry and field, with line and column.

    Only run when a faster check could not clear the text, so a plain walk over its tokens
    (the text is valid JSON up to the first repeated key) is fast enough.
    """
    stack: list[_Frame] = []
    starts: dict[int, int] = {}
    problems: list[Problem] = []
    for match in _JSON_TOKEN.finditer(text):
        string, mark = match.group(1, 2)
        top = stack[-1] if stack else None
        if mark in ("{", "["):
            path: list[str | int] = []
            if top is not None:
                path = [*top.path, top.index if top.keys is None else (top.key or "")]
            if path[:1] == ["entries"] and len(path) == 2 and isinstance(path[1], int):
                starts[path[1]] = match.start(2)
            stack.append(_Frame(path, {} if mark == "{" else None))
        elif mark in ("}", "]"):
            if stack:
                stack.pop()
        elif top is None:
            continue
        elif mark == ",":
            top.index += 1
            top.expect_key = True
        elif mark == ":":
            top.expect_key = False
        elif string is not None and top.keys is not None and top.expect_key:
            key = json.loads(string)  # a string pydantic_core read: json reads it too
            at = match.start(1)
            if key in top.keys:
                first = top.keys[key]
                problems.append(_duplicate_problem(text, label, top.path, key, at, first, starts))
            else:
                top.keys[key] = at
            top.key = key
    return problems


def _duplicate_problem(
    text: str,
    label: str,
    path: list[str | int],
    key: str,
    at: int,
    first: int,
    starts: dict[int, int],
) -> Problem:
    entry: str | None = None
    rest = [*path, key]
    if path[:1] == ["entries"] and len(path) >= 2 and isinstance(path[1], int):
        # The walk opened this entry, and noted where, before it came to the key in it.
        decoder = json.JSONDecoder(object_pairs_hook=_first_wins)
        row: object
        try:
            row = decoder.raw_decode(text, starts[path[1]])[0]
        except (ValueError, RecursionError):
            row = None
        entry, rest = _label(path[1], row), rest[2:]
    elif path[:1] == ["sources"] and len(path) >= 2:
        entry, rest = f"sources.{label_text(str(path[1]))}", rest[2:]
    elif path == ["parties"]:
        entry, rest = "parties", rest[1:]
    field = ".".join(label_text(str(part)) for part in rest)
    return Problem(
        label,
        entry,
        field,
        f"key {key!r} is given twice, at {_line_column(text, at)} and first at "
        f"{_line_column(text, first)}; a key may appear once in a table",
    )


def _first_wins(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    return dict(reversed(pairs))


def _line_column(text: str, at: int) -> str:
    line = text.count("\n", 0, at) + 1
    column = at - text.rfind("\n", 0, at)
    return f"line {line}, column {column}"


def _label(index: int, row: object) -> str:
    entry_id = row.get("id") if isinstance(row, dict) else None
    return f"entries[{index}]" + (f" ({label_text(entry_id)})" if isinstance(entry_id, str) else "")


def _read_sources(table: object, name: str | None) -> tuple[dict[str, Source], list[Problem]]:
    if not isinstance(table, dict):
        return {}, [Problem(name, None, "sources", "must be a table of [sources.<id>] tables")]
    sources: dict[str, Source] = {}
    problems: list[Problem] = []
    for key, value in table.items():
        try:
            sources[key] = Source.model_validate(value)
        except ValidationError as error:
            sources[key] = _UNREAD_SOURCE  # refused here; its entries are not told it is missing
            for item in error.errors():
                field = ".".join(str(part) for part in item["loc"])
                problems.append(
                    Problem(name, f"sources.{label_text(key)}", field or None, error_message(item))
                )
    return sources, problems


def _prepare(
    row: object,
    index: int,
    sources: dict[str, Source],
    name: str | None,
    problems: list[Problem],
    owned: bool,
) -> object:
    """One file entry in model form: its source looked up, its amount's keys gathered.

    Rows parsed here from a file are ``owned`` and changed in place; a caller's are copied.
    """
    if not isinstance(row, dict):
        return row
    if not owned:
        row = dict(row)
    source = row.get("source")
    if source is not None and not isinstance(source, str):
        problems.append(
            Problem(
                name,
                _label(index, row),
                "source",
                f"{type(source).__name__} {source!r} is not a source id; write the id of a "
                'table under [sources], e.g. source = "rferl"',
            )
        )
        row["source"] = _UNREAD_SOURCE
    elif isinstance(source, str):
        if source in sources:
            row["source"] = sources[source]
        else:
            known = ", ".join(sorted(sources)) or "none declared"
            problems.append(
                Problem(
                    name,
                    _label(index, row),
                    "source",
                    f"source {source!r} is not declared under [sources]; declared: {known}",
                )
            )
            row["source"] = _UNREAD_SOURCE
    kind = row.get("kind")
    model = ENTRY_KINDS.get(kind) if isinstance(kind, str) else None
    # The figure keys beside an entry's figure (a rate's for a rate) belong to that figure.
    if row.keys().isdisjoint(_FIGURE_FLAT_KEYS):
        return row  # the common case, an amount alone (one look-up in C)
    flat = [key for key in _FIGURE_FLAT_KEYS if key in row]
    if flat:
        name = _figure_field_of(model)
        figure = {key: row.pop(key) for key in flat}
        if name in row:
            figure["amount"] = row.pop(name)
        row[name] = figure
    return row


def _figure_field_of(model: type[EntryBase] | None) -> str:
    """The field the flat figure keys (``qualifier``, ``low``...) of an entry belong to."""
    return "rate" if model is not None and "rate" in model.model_fields else "amount"


def validation_problems(error: ValidationError, name: str | None, rows: list[Any]) -> list[Problem]:
    problems = []
    for item in error.errors():
        loc = list(item["loc"])
        index = loc.pop(0) if loc and isinstance(loc[0], int) else None
        assert index is None or isinstance(index, int)
        if loc and loc[0] in ENTRY_KINDS:
            loc.pop(0)
        field = ".".join(str(part) for part in loc) or None
        entry = _label(index, rows[index]) if index is not None else None
        problems.append(Problem(name, entry, field, error_message(item)))
    return problems


def schema() -> dict[str, Any]:
    """The JSON Schema of a ledger file (``data/ledger.schema.json`` is generated from it).

    Over 60 lines on purpose: it is the schema's own text, a table that reads best whole.
    """
    entry_schema = entries_adapter().json_schema(mode="validation")
    defs = entry_schema.pop("$defs")
    for kind, model in ENTRY_KINDS.items():
        definition = defs[model.__name__]
        properties = definition["properties"]
        properties["source"] = {
            "type": "string",
            "description": "the id of a table under [sources]",
        }
        figure_field = _figure_field_of(model)
        if figure_field in properties:
            properties.update(
                {
                    "qualifier": {
                        "enum": [*QUALIFIERS, "unknown"],
                        "description": "how firmly the source stated the amount",
                    },
                    "low": {"type": "string", "description": "a range's lower bound, as text"},
                    "high": {"type": "string", "description": "a range's upper bound, as text"},
                    "approximate": {"type": "boolean"},
                    "low_inclusive": {"type": "boolean"},
                    "high_inclusive": {"type": "boolean"},
                    "places": {
                        "type": "integer",
                        "description": "the decimal places a computed figure's inputs justify",
                    },
                    "converted_from": {
                        "$ref": "#/$defs/FigureTable",
                        "description": "the figure a rounded change of unit started from",
                    },
                }
            )
            definition["required"] = [r for r in definition["required"] if r != figure_field]
        if "migrants" in properties:
            properties["migrants"] = {
                "anyOf": [{"type": "string"}, {"$ref": "#/$defs/FigureTable"}, {"type": "null"}],
                "description": "a count of people, e.g. { amount = '1 million person', "
                "qualifier = 'estimated' }",
            }
        if model is Settlement:
            properties["schedule"] = {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "tranches": {"type": "integer", "minimum": 1, "maximum": 1200},
                    "frequency": {"enum": ["annual", "semiannual", "quarterly"]},
                    "residue": {"enum": ["last", "largest_remainder"]},
                },
                "required": ["tranches"],
                "description": "spread the amount over equal dated tranches, the first on "
                "as_of: the entry loads as its tranches, ids <id>-1, <id>-2, ...",
            }
        definition["description"] = f"{kind}: {(model.__doc__ or '').strip().splitlines()[0]}"
    defs["Source"] = Source.model_json_schema()
    defs["FigureTable"] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            key: {"type": "boolean"}
            if "incl" in key or key == "approximate"
            else {"type": "integer"}
            if key == "places"
            else {"$ref": "#/$defs/FigureTable"}
            if key == "converted_from"
            else {"type": "string"}
            for key in FIGURE_KEYS
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "debt-ledger file",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "title": {"type": "string"},
            "description": {"type": "string"},
            "parties": {
                "type": "object",
                "additionalProperties": {
                    "oneOf": [
                        {"type": "string", "minLength": 1},
                        {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["name"],
                            "properties": {
                                "name": {
                                    "oneOf": [
                                        {"type": "string", "minLength": 1},
                                        {
                                            "type": "object",
                                            "minProperties": 1,
                                            "additionalProperties": {
                                                "type": "string",
                                                "minLength": 1,
                                            },
                                        },
                                    ]
                                }
                            },
                        },
                    ]
                },
                "description": "names for parties: 'org:imf' = 'IMF' for every language, or "
                "KG = {name = {en = 'Kyrgyzstan', ru = 'Кыргызстан'}} one per language",
            },
            "sources": {"type": "object", "additionalProperties": {"$ref": "#/$defs/Source"}},
            "entries": entry_schema,
        },
        "required": ["entries"],
        "$defs": defs,
    }


def _read_alike(text: str) -> bool:
    """Whether rtoml reads ``text`` as tomllib does: it holds nothing TOML 1.1 reads and TOML
    1.0 refuses (inline tables over lines or with a trailing comma, the ``\\e`` and ``\\x``
    escapes, times without seconds) and no time or offset (rtoml gives those as objects of
    its own). Plain ``in`` and ``find``: a regular expression took a tenth of the reading."""
    if "{" in text or "\\e" in text or "\\x" in text:
        return False
    at = text.find(":")
    while at != -1:  # a digit on both sides: a time
        if text[at - 1 : at].isdigit() and text[at + 1 : at + 2].isdigit():
            return False
        at = text.find(":", at + 1)
    return True


@lru_cache(maxsize=1)
def _fast_toml() -> Any:
    """rtoml's ``loads`` (the extra ``fast``), or ``None`` where it is not installed."""
    try:
        import rtoml
    except ImportError:
        return None
    return rtoml.loads


#: The ``[[entries]]`` tables rtoml reads at a time (see :func:`read_toml`).
PIECE = 2000

#: Where an entry's table starts, as files are written (save writes it so).
_ENTRY_TABLE = "\n[[entries]]\n"


def read_toml(text: str, *, fast: bool = True, piece: int = PIECE) -> Any:
    """TOML text as ``tomllib.loads`` reads it: the same tables, lists, strings, numbers and
    dates. With the extra ``fast`` (rtoml, the Rust ``toml`` crate) a ledger reads several
    times faster; text that rtoml reads otherwise than tomllib, or refuses, is read by tomllib,
    whose words a refusal keeps. ``fast=False`` reads with tomllib alone.

    Either parser reads a big ledger ``piece`` entries at a time, the keys and the repeated
    values of its entry tables shared (see :func:`_read_in_pieces`): read whole, rtoml's
    200,000 entries peaked at 1.15 GB (the document in Rust and in Python at once, and a new
    string for every key of every table), in pieces at 0.33 GB, below the JSON twin's 0.38.

    >>> read_toml('as_of = 2004-03-15')
    {'as_of': datetime.date(2004, 3, 15)}
    >>> text = 'title = "t"\\n[[entries]]\\nid = "a"\\n[[entries]]\\nid = "b"\\n'
    >>> read_toml(text, piece=1) == read_toml(text, fast=False) == tomllib.loads(text)
    True
    """
    loads = _fast_toml() if fast else None
    if loads is not None and _read_alike(text):
        try:
            data = _read_in_pieces(text, loads, piece)
            return loads(text) if data is None else data
        except Exception:  # rtoml's refusal: tomllib says why, in its words
            pass
    try:
        data = _read_in_pieces(text, tomllib.loads, piece)
    except Exception:  # read whole again: the refusal's line and column are the file's
        data = None
    return tomllib.loads(text) if data is None else data


#: Values of an entry table that are mostly its own (an id, a figure's text): not shared.
_OWN_VALUES = frozenset({"id", "amount", "low", "high", "rate", "quote", "note", "claim"})


def _shared(row: Any, seen: dict[Any, Any]) -> Any:
    """An entry table with its keys, and its text and date values other than its own (the
    party codes, the source, the kind, the day), the objects ``seen`` holds for them."""
    if type(row) is not dict:
        return row
    share = seen.setdefault
    table = {}
    for key, value in row.items():
        key = share(key, key)
        if key not in _OWN_VALUES and (type(value) is str or type(value) is date):
            value = share(value, value)
        table[key] = value
    return table


def _read_in_pieces(text: str, loads: Any, piece: int) -> Any:
    """The tables of ``text`` read by ``loads`` a piece at a time: what comes before the first
    ``[[entries]]`` line, then ``piece`` entry tables at a time, their rows joined in order;
    ``None`` where the text is not cut so (read it whole).

    Each cut is at a line that is ``[[entries]]`` alone, which opens a new table of the array
    in every TOML text without multi-line strings (the one place such a line could be text):
    a table's keys and its ``[entries.x]`` sub-tables come after its header, in its piece.
    What reading in pieces could give otherwise than reading whole is turned down: text with
    a multi-line string, a head that gives ``entries`` itself (``entries = []``, which a
    ``[[entries]]`` after it may not extend), or a piece that gives any table besides
    ``entries`` (``[sources.x]`` after the entries): those are read whole.

    >>> loads = __import__("tomllib").loads
    >>> _read_in_pieces('entries = []\\n[[entries]]\\nid = "a"\\n', loads, 1) is None
    True
    >>> _read_in_pieces('x = 1\\n[[entries]]\\nid = "a"\\n[sources.s]\\n', loads, 1) is None
    True
    """
    first = text.find(_ENTRY_TABLE)
    if first == -1 or '"""' in text or "'''" in text:
        return None
    data = loads(text[: first + 1])
    if "entries" in data:
        return None
    rows: list[Any] = []
    seen: dict[Any, Any] = {}
    start = first + 1  # at the first "[[entries]]"
    while start < len(text):
        end = start
        for _ in range(piece):
            end = text.find(_ENTRY_TABLE, end + 1)
            if end == -1:
                break
        stop = len(text) if end == -1 else end + 1
        tables = loads(text[start:stop])
        if list(tables) != ["entries"] or type(tables["entries"]) is not list:
            return None
        rows += [_shared(row, seen) for row in tables["entries"]]
        del tables
        start = stop
    data["entries"] = rows
    return data


def parse(text: str | bytes, format: str, label: str) -> Any:
    """The file form of TOML or JSON text (dicts and lists), or a refusal that says why."""
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            raise LedgerFileError(
                [Problem(label, None, None, f"not UTF-8 text (byte {error.start})")]
            ) from None
    if not isinstance(text, str):
        raise LedgerError(
            f"a ledger's text is a str or UTF-8 bytes, not {type(text).__name__}; "
            "to read a file, use lg.load(path)"
        )
    if format not in ("toml", "json"):
        raise LedgerError(f"format {format!r} is not known; accepted: 'toml', 'json'")
    if not text.strip():
        raise LedgerFileError(
            [Problem(label, None, None, "the file is empty; a ledger needs [[entries]]")]
        )
    if text.startswith("\ufeff"):
        raise LedgerFileError(
            [
                Problem(
                    label,
                    None,
                    None,
                    "the text starts with a byte order mark (BOM, U+FEFF); save the file as "
                    "UTF-8 without a BOM",
                )
            ]
        )
    try:
        if format == "toml":
            data: Any = read_toml(text)
        else:
            data = _read_json(text, label)
    except tomllib.TOMLDecodeError as error:
        hint = _other_format(text, "json")
        raise LedgerFileError(
            [Problem(label, None, None, f"not valid TOML: {error}{hint}")]
        ) from None
    except LedgerFileError:
        raise
    except ValueError as error:
        hint = _other_format(text, "toml")
        raise LedgerFileError(
            [Problem(label, None, None, f"not valid JSON: {error}{hint}")]
        ) from None
    return data


def _other_format(text: str, other: str) -> str:
    """A hint when text that is not valid in one format reads in the other (a JSON ledger
    named .toml), else nothing."""
    try:
        if other == "toml":
            tomllib.loads(text)
        else:
            json.loads(text)
    except (ValueError, RecursionError):
        return ""
    return f"; it reads as {other.upper()}: name the file .{other} (or pass format='{other}')"


def read(data: object, name: str | None = None, owned: bool = False) -> Parts:
    """The parts of a ledger from its file form, every problem found, or a refusal."""
    if not isinstance(data, dict):
        raise LedgerFileError(
            [Problem(name, None, None, "the top level must be a table with [[entries]]")]
        )
    problems: list[Problem] = []
    for key in data:
        if key not in _TOP_KEYS:
            problems.append(
                Problem(name, None, key, f"unknown key; accepted: {', '.join(_TOP_KEYS)}")
            )
    for key in ("title", "description"):
        if key in data and not isinstance(data[key], str):
            problems.append(Problem(name, None, key, "must be text"))
    parties = data.get("parties", {})
    if not isinstance(parties, dict):
        problems.append(Problem(name, None, "parties", "must be a table of party = name"))
        parties = {}
    problems += parties_problems(parties, name)
    sources, source_problems = _read_sources(data.get("sources", {}), name)
    problems += source_problems
    rows = data.get("entries")
    if rows is None:
        problems.append(Problem(name, None, "entries", "missing; a ledger needs [[entries]]"))
        rows = []
    elif not isinstance(rows, list):
        problems.append(Problem(name, None, "entries", "must be an array of tables"))
        rows = []
    prepared = []
    plans: dict[int, object] = {}
    for index, row in enumerate(rows):
        item = _prepare(row, index, sources, name, problems, owned)
        if isinstance(item, dict) and item.get("kind") == "settlement" and "schedule" in item:
            plans[index] = item.pop("schedule")
        prepared.append(item)
    schedules: tuple[Tranches, ...] = ()
    entries: list[EntryBase]
    try:
        if all(type(row) is dict for row in prepared):
            entries = light_entries().validate_python(prepared)  # light at once (issue 14)
        else:
            entries = compacted(entries_adapter().validate_python(prepared))
    except ValidationError as error:
        problems += validation_problems(error, name, rows)
        bad = {e["loc"][0] for e in error.errors() if e["loc"]}
        # The entries read keep their places in the file, and those refused are known by id.
        read = [
            (i, row)
            for i, row in enumerate(prepared)
            if i not in bad and isinstance(row, dict) and row.get("kind") in ENTRY_KINDS
        ]
        positions = [i for i, _ in read]
        entries = [ENTRY_KINDS[row["kind"]].model_validate(row) for _, row in read]
        entries, positions, schedules = _expand(entries, positions, plans, rows, name, problems)
        refused = {
            row["id"]: i
            for i, row in reversed(list(enumerate(prepared)))
            if i in bad and isinstance(row, dict) and isinstance(row.get("id"), str)
        }
        problems += cross_check(entries, name, positions, refused)
    else:  # every entry read: each at its own place, none refused
        if plans:
            entries, at, schedules = _expand(
                entries, range(len(entries)), plans, rows, name, problems
            )
            problems += cross_check(entries, name, at)
        else:
            problems += cross_check(entries, name)
    if problems:
        raise LedgerFileError(problems)
    return Parts(
        tuple(entries),
        data.get("title"),
        data.get("description"),
        dict(parties),
        {source: key for key, source in sources.items()},
        schedules,
    )


def _expand(
    entries: list[EntryBase],
    positions: Sequence[int],
    plans: dict[int, object],
    rows: list[Any],
    name: str | None,
    problems: list[Problem],
) -> tuple[list[EntryBase], list[int], tuple[Tranches, ...]]:
    """Each settlement written with a ``schedule`` table in place of its tranches, each
    tranche at the place of the row that wrote it; the plans, to write them back as written."""
    out: list[EntryBase] = []
    at: list[int] = []
    kept: list[Tranches] = []
    for entry, index in zip(entries, positions, strict=True):
        if index not in plans or not isinstance(entry, Settlement):
            out.append(entry)
            at.append(index)
            continue
        try:
            plan = Tranches.from_table(entry, plans[index])
        except LedgerError as error:
            key, _, words = str(error).partition(": ")
            problems.append(Problem(name, _label(index, rows[index]), f"schedule.{key}", words))
            continue
        parts = compacted(plan.settlements())
        out += parts
        at += [index] * len(parts)
        kept.append(plan)
    return out, at, tuple(kept)


def write(parts: Parts, *, json_mode: bool = False) -> dict[str, Any]:
    """The file form of a ledger's parts: plain dicts and lists (dates as ``date`` unless
    ``json_mode``)."""
    sources = _name_sources(parts)
    mode = "json" if json_mode else "python"
    rows = []
    plans, folded = _plans_whole(parts)
    for entry in parts.entries:
        if entry.id in folded:
            continue  # a tranche: its settlement is written once, with its schedule
        plan = plans.get(entry.id)
        if plan is not None:
            entry = plan.settlement
        raw = entry.model_dump(mode=mode, exclude_none=True)
        if plan is not None:
            raw["schedule"] = plan.table()
        raw["source"] = sources[entry.source]
        if raw.get("basis") == "spot" and raw.get("kind") == "rate":
            del raw["basis"]  # the default, left unsaid as a file written by hand leaves it
        name = _figure_field_of(type(entry))
        amount = raw.get(name)
        if isinstance(amount, dict):
            text = amount.pop("amount", None)
            raw.pop(name)
            if text is not None:
                raw[name] = text
            raw.update(amount)
        rows.append(_ordered(raw))
    data: dict[str, Any] = {}
    if parts.title is not None:
        data["title"] = parts.title
    if parts.description is not None:
        data["description"] = parts.description
    if parts.parties:
        data["parties"] = dict(sorted(parts.parties.items()))
    data["sources"] = {
        key: source.model_dump(mode=mode, exclude_none=True)
        for source, key in sorted(sources.items(), key=lambda item: item[1])
    }
    data["entries"] = rows
    return data


def _plans_whole(parts: Parts) -> tuple[dict[str, Tranches], set[str]]:
    """The schedules whose tranches are all in the ledger as they were made, by the id of
    the first tranche, and the ids of the tranches after it (a schedule whose tranches were
    changed or dropped is written as the settlements that are left)."""
    if not parts.schedules:
        return {}, set()
    by_id = {entry.id: entry for entry in parts.entries}
    plans: dict[str, Tranches] = {}
    folded: set[str] = set()
    for plan in parts.schedules:
        made = plan.settlements()
        if all(by_id.get(part.id) == part for part in made):
            plans[made[0].id] = plan
            folded.update(part.id for part in made[1:])
    return plans, folded


def dumps(parts: Parts, format: str = "toml") -> str:
    """TOML or JSON text of a ledger's parts."""
    if format == "toml":
        return tomli_w.dumps(write(parts))
    if format == "json":
        return json.dumps(write(parts, json_mode=True), ensure_ascii=False, indent=2) + "\n"
    raise LedgerError(f"format {format!r} is not known; accepted: 'toml', 'json'")


def _name_sources(parts: Parts) -> dict[Source, str]:
    """An id for each source the entries cite: the id it was read under, kept first (so a new
    source that would be named alike never takes it), else one made of publisher and date."""
    used = {entry.source for entry in parts.entries}
    names = {source: key for source, key in parts.source_ids.items() if source in used}
    taken = set(names.values())
    for entry in parts.entries:
        source = entry.source
        if source in names:
            continue
        key = _slug(f"{source.publisher} {source.date}")
        base, n = key, 2
        while key in taken:
            key, n = f"{base}-{n}", n + 1
        names[source] = key
        taken.add(key)
    return names
