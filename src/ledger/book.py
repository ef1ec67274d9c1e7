"""The ledger: ordered entries with unique ids, their queries, and their files.

A ledger file (TOML or JSON, one schema) holds an optional ``title`` and ``description``,
``parties`` (names for parties that are not states), ``sources`` declared once and named by id,
then ``entries``, each with its ``kind``. Amounts are text, never floats::

    [sources.rferl-2004-03-15]
    publisher = "RFE/RL"
    title = "Tajikistan: Relations With Moscow Appear To Have Reached New Low"
    date = 2004-03-15

    [[entries]]
    kind = "claim"
    id = "ru-claim"
    as_of = 2004-03-15
    source = "rferl-2004-03-15"
    creditor = "RU"
    debtor = "TJ"
    asserted_by = "RU"
    amount = "300 million USD"
    qualifier = "about"

>>> book = example()
>>> len(book), [claim.id for claim in book.claims(creditor="RU")]
(4, ['ru-claims-tajik-debt'])

A bad file is refused whole, with every problem listed by file, entry and field; saving writes
beside the file and renames, so a failed save leaves the old file whole.
"""

from __future__ import annotations

import gc
import json
import os
import re
import tempfile
import tomllib
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from datetime import date
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar, overload

import pydantic_core
import tomli_w
from pydantic import TypeAdapter, ValidationError

from .entries import (
    ENTRY_KINDS,
    FIGURE_KEYS,
    Budget,
    Claim,
    Entry,
    EntryBase,
    Rate,
    Remittance,
    Settlement,
    Source,
    date_error,
    party_error,
)
from .errors import LedgerError, LedgerFileError, Problem
from .faces import call
from .figures import QUALIFIERS
from .units import currency_of

__all__ = ["EXAMPLE", "Ledger", "example", "load", "schema"]

#: The bundled example's file name inside the package.
EXAMPLE = "tajikistan_russia_2004.toml"
_TOP_KEYS = ("title", "description", "parties", "sources", "entries")
_FIGURE_FLAT_KEYS = tuple(key for key in FIGURE_KEYS if key != "amount")
_FIRST_KEYS = ("kind", "id", "as_of", "source")
_LAST_KEYS = ("quote", "note")
#: What an entry whose source could not be read points to, so that it is checked still.
_UNREAD_SOURCE = Source(publisher="?", title="?", date=date(1970, 1, 1))

E = TypeVar("E", bound=EntryBase)


@lru_cache(maxsize=1)
def _entries_adapter() -> TypeAdapter[list[Entry]]:
    return TypeAdapter(list[Entry])


def _as_set(value: str | Collection[str] | None) -> Collection[str] | None:
    return {value} if isinstance(value, str) else value


class Ledger:
    """An ordered, immutable collection of entries with unique ids.

    >>> book = example()
    >>> book["tj-counterclaim-nurek"].counter_to
    'ru-claims-tajik-debt'
    >>> [b.amount for b in book.budgets(party="TJ")][0].qualifier
    'exact'
    """

    __slots__ = ("_by_id", "_entries", "_source_ids", "description", "parties", "title")

    def __init__(
        self,
        entries: Iterable[EntryBase | dict[str, Any]] = (),
        *,
        title: str | None = None,
        description: str | None = None,
        parties: dict[str, str] | None = None,
        source_ids: dict[Source, str] | None = None,
    ) -> None:
        items = list(entries)
        if not all(isinstance(item, EntryBase) for item in items):
            try:
                items = list(
                    _entries_adapter().validate_python(
                        [
                            item.model_dump() if isinstance(item, EntryBase) else item
                            for item in items
                        ]
                    )
                )
            except ValidationError as error:
                raise LedgerFileError(_validation_problems(error, None, items)) from None
        checked: list[EntryBase] = items  # type: ignore[assignment]
        problems = _parties_problems(parties or {}, None) + _cross_check(checked, None)
        if problems:
            raise LedgerFileError(problems)
        self._entries: tuple[EntryBase, ...] = tuple(checked)
        self._by_id = {entry.id: entry for entry in self._entries}
        self.title = title
        self.description = description
        self.parties: dict[str, str] = dict(parties or {})
        self._source_ids: dict[Source, str] = dict(source_ids or {})

    # -- a collection ----------------------------------------------------------------------

    @property
    def entries(self) -> tuple[EntryBase, ...]:
        return self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[EntryBase]:
        return iter(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._by_id or key in self._entries

    @overload
    def __getitem__(self, key: str) -> EntryBase: ...
    @overload
    def __getitem__(self, key: int) -> EntryBase: ...
    def __getitem__(self, key: str | int) -> EntryBase:
        if isinstance(key, int):
            return self._entries[key]
        try:
            return self._by_id[key]
        except KeyError:
            known = ", ".join(sorted(self._by_id)[:10])
            raise KeyError(f"no entry with id {key!r}; ids here: {known}") from None

    def __add__(self, other: object) -> Ledger:
        if isinstance(other, Ledger):
            more: list[EntryBase] = list(other)
            sources = {**other._source_ids, **self._source_ids}
            parties = {**other.parties, **self.parties}
        elif isinstance(other, EntryBase):
            more, sources, parties = [other], self._source_ids, self.parties
        elif isinstance(other, Iterable) and not isinstance(other, (str, bytes)):
            more, sources, parties = list(other), self._source_ids, self.parties
        else:
            return NotImplemented
        return Ledger(
            [*self._entries, *more],
            title=self.title,
            description=self.description,
            parties=parties,
            source_ids=sources,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Ledger):
            return NotImplemented
        return (self._entries, self.title, self.description, self.parties) == (
            other._entries,
            other.title,
            other.description,
            other.parties,
        )

    __hash__ = None  # type: ignore[assignment]

    def _repr_html_(self) -> str:
        return self.to_html()

    def to_html(self, locale: str = "en_US") -> str:
        """The entries as an HTML table, amounts and party names in ``locale`` (the notebook
        face, loaded on first use)."""
        html: str = call("html.ledger", self, locale)
        return html

    def to_frame(self) -> Any:
        """One row per entry as a pandas DataFrame (extra ``frames``); see
        :func:`ledger.display.to_frame`."""
        return call("frame.to", self)

    @classmethod
    def from_frame(cls, frame: Any, *, title: str | None = None) -> Ledger:
        """A ledger from a frame made by :meth:`to_frame`; see :func:`ledger.display.from_frame`."""
        book: Ledger = call("frame.from", frame, title=title)
        return book

    def __repr__(self) -> str:
        counts = Counter(getattr(entry, "kind", "?") for entry in self._entries)
        kinds = ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in counts.items())
        title = f" {self.title!r}" if self.title else ""
        return f"<Ledger{title}: {len(self)} entries ({kinds})>"

    # -- queries ---------------------------------------------------------------------------

    def _select(self, kind: type[E], as_of: date | None, test: Callable[[E], bool]) -> list[E]:
        return [
            entry
            for entry in self._entries
            if isinstance(entry, kind) and (as_of is None or entry.as_of <= as_of) and test(entry)
        ]

    def claims(
        self,
        *,
        party: str | None = None,
        creditor: str | None = None,
        debtor: str | None = None,
        status: str | Collection[str] | None = None,
        asserted_by: str | Collection[str] | None = None,
        currency: str | None = None,
        as_of: date | None = None,
    ) -> list[Claim]:
        """Claims (and counterclaims), filtered; ``as_of`` keeps those dated on or before it."""
        statuses, asserters = _as_set(status), _as_set(asserted_by)
        return self._select(
            Claim,
            as_of,
            lambda c: (
                (party is None or party in (c.creditor, c.debtor))
                and (creditor is None or c.creditor == creditor)
                and (debtor is None or c.debtor == debtor)
                and (statuses is None or c.status in statuses)
                and (asserters is None or c.asserted_by in asserters)
                and (currency is None or c.currency == currency)
            ),
        )

    def remittances(
        self,
        *,
        party: str | None = None,
        destination: str | None = None,
        as_of: date | None = None,
    ) -> list[Remittance]:
        """Remittances to or from ``party``, or to ``destination``."""
        return self._select(
            Remittance,
            as_of,
            lambda r: (
                (party is None or party == r.destination or party in r.origin)
                and (destination is None or r.destination == destination)
            ),
        )

    def budgets(
        self,
        *,
        party: str | None = None,
        fiscal_year: int | None = None,
        as_of: date | None = None,
    ) -> list[Budget]:
        """Budgets of ``party``, for ``fiscal_year``."""
        return self._select(
            Budget,
            as_of,
            lambda b: (
                (party is None or b.party == party)
                and (fiscal_year is None or b.fiscal_year == fiscal_year)
            ),
        )

    def settlements(
        self, *, claim: str | None = None, as_of: date | None = None
    ) -> list[Settlement]:
        """Settlements, of one ``claim`` if given, dated on or before ``as_of``."""
        return self._select(Settlement, as_of, lambda s: claim is None or s.claim == claim)

    def rates(self, *, currency: str | None = None, as_of: date | None = None) -> list[Rate]:
        """Exchange rates that involve ``currency``, in force from a date on or before ``as_of``."""
        return self._select(
            Rate, as_of, lambda r: currency is None or currency in (r.base, r.quote_currency)
        )

    def party_name(self, party: str) -> str:
        """The name this ledger gives a party; a state's code when no name is given here."""
        return self.parties.get(party, party)

    # -- files -----------------------------------------------------------------------------

    def to_data(self, *, json_mode: bool = False) -> dict[str, Any]:
        """The file form: plain dicts and lists (dates as ``date`` unless ``json_mode``)."""
        sources = self._name_sources()
        mode = "json" if json_mode else "python"
        rows = []
        for entry in self._entries:
            raw = entry.model_dump(mode=mode, exclude_none=True)
            raw["source"] = sources[entry.source]
            amount = raw.get("amount")
            if isinstance(amount, dict):
                text = amount.pop("amount", None)
                raw.pop("amount")
                if text is not None:
                    raw["amount"] = text
                raw.update(amount)
            rows.append(_ordered(raw))
        data: dict[str, Any] = {}
        if self.title:
            data["title"] = self.title
        if self.description:
            data["description"] = self.description
        if self.parties:
            data["parties"] = dict(sorted(self.parties.items()))
        data["sources"] = {
            key: source.model_dump(mode=mode, exclude_none=True)
            for source, key in sorted(sources.items(), key=lambda item: item[1])
        }
        data["entries"] = rows
        return data

    def dumps(self, format: str = "toml") -> str:
        """The ledger as TOML or JSON text, byte for byte what :meth:`save` writes."""
        if format == "toml":
            return tomli_w.dumps(self.to_data())
        if format == "json":
            return json.dumps(self.to_data(json_mode=True), ensure_ascii=False, indent=2) + "\n"
        raise LedgerError(f"format {format!r} is not known; accepted: 'toml', 'json'")

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the ledger to ``path`` (``.toml`` or ``.json``) atomically.

        The text is made in full first, then written beside the target and renamed over it:
        a failure at any point leaves the old file whole.
        """
        target = Path(path)
        payload = self.dumps(_format_of(target)).encode("utf-8")
        _write_atomically(target, payload)
        return target

    def _name_sources(self) -> dict[Source, str]:
        names: dict[Source, str] = {}
        taken: set[str] = set()
        for entry in self._entries:
            source = entry.source
            if source in names:
                continue
            key = self._source_ids.get(source) or _slug(f"{source.publisher} {source.date}")
            base, n = key, 2
            while key in taken:
                key, n = f"{base}-{n}", n + 1
            names[source] = key
            taken.add(key)
        return names


def _ordered(raw: dict[str, Any]) -> dict[str, Any]:
    first = {key: raw[key] for key in _FIRST_KEYS if key in raw}
    last = {key: raw[key] for key in _LAST_KEYS if key in raw}
    middle = {k: v for k, v in raw.items() if k not in first and k not in last}
    return {**first, **middle, **last}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "source"


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".toml", ".json"):
        return suffix[1:]
    raise LedgerError(f"{path}: unknown file type {suffix!r}; accepted: .toml, .json")


def _write_atomically(target: Path, payload: bytes) -> None:
    directory = target.parent if str(target.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
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


# -- loading ------------------------------------------------------------------------------


def load(path: str | os.PathLike[str]) -> Ledger:
    """Read a ledger file (``.toml`` or ``.json``); a bad file is refused whole.

    >>> import tempfile, pathlib
    >>> bad = pathlib.Path(tempfile.mkdtemp()) / "bad.toml"
    >>> _ = bad.write_text('''
    ... [sources.rferl]
    ... publisher = "RFE/RL"
    ... title = "Tajikistan: Relations With Moscow Appear To Have Reached New Low"
    ... date = 2004-03-15
    ...
    ... [[entries]]
    ... kind = "claim"
    ... id = "ru-claim"
    ... as_of = 2004-03-15
    ... source = "rferl"
    ... creditor = "RU"
    ... debtor = "tj"
    ... asserted_by = "RU"
    ... amount = 300.0
    ... ''')
    >>> load(bad)
    Traceback (most recent call last):
    ...
    ledger.errors.LedgerFileError: 2 problems in the ledger; nothing was loaded:
      - ...bad.toml: entries[0] (ru-claim): debtor: party 'tj' is not an ISO 3166 alpha-2 \
code known to CLDR (codes are upper-case: 'TJ') nor an 'org:' slug such as 'org:imf'
      - ...bad.toml: entries[0] (ru-claim): amount: float 300.0 is not accepted (it may \
already be rounded and it has no unit); write the amount as text with its unit, e.g. "300.0 USD"
    """
    source = Path(path)
    name = str(path)
    try:
        fmt = _format_of(source)
    except LedgerError as error:
        raise LedgerFileError([Problem(name, None, None, str(error).split(": ", 1)[1])]) from None
    try:
        raw = source.read_bytes()
    except OSError as error:
        raise LedgerFileError(
            [Problem(name, None, None, f"cannot read: {error.strerror}")]
        ) from None
    return loads(raw, format=fmt, name=name)


def loads(text: str | bytes, *, format: str = "toml", name: str | None = None) -> Ledger:
    """Read a ledger from TOML or JSON text; ``name`` labels the problems."""
    label = name or f"<{format}>"
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as error:
            raise LedgerFileError(
                [Problem(label, None, None, f"not UTF-8 text (byte {error.start})")]
            ) from None
    if not text.strip():
        raise LedgerFileError(
            [Problem(label, None, None, "the file is empty; a ledger needs [[entries]]")]
        )
    try:
        if format == "toml":
            data: Any = tomllib.loads(text)
        elif format == "json":
            data = _read_json(text, label)
        else:
            raise LedgerError(f"format {format!r} is not known; accepted: 'toml', 'json'")
    except tomllib.TOMLDecodeError as error:
        raise LedgerFileError([Problem(label, None, None, f"not valid TOML: {error}")]) from None
    except LedgerFileError:
        raise
    except ValueError as error:
        raise LedgerFileError([Problem(label, None, None, f"not valid JSON: {error}")]) from None
    return from_data(data, name=label, _owned=True)


class _DuplicateKey(Exception):
    """Raised inside json's parser, which knows no positions; the caller finds them."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    table = dict(pairs)
    if len(table) != len(pairs):
        raise _DuplicateKey
    return table


# json's parser with a pairs hook sees every key of every object; pydantic_core.from_json, twice
# as fast and sharing repeated strings, keeps the last of two equal keys silently.
_JSON = json.JSONDecoder(object_pairs_hook=_unique_keys)
_KEY_GAPS = (" :", "\t:", "\n:", "\r:")


def _read_json(text: str, label: str) -> Any:
    """Parse with pydantic_core, then make sure no object gave a key twice: counted when the
    counts can show it (see :func:`_keys_counted_unique`), else parsed again by ``_JSON``."""
    data = pydantic_core.from_json(text)
    if _keys_counted_unique(text, data):
        return data
    try:
        _JSON.decode(text)
    except _DuplicateKey:
        problems = _duplicate_keys(text, label) or [
            Problem(label, None, None, "a key is given twice in one table; a key may appear once")
        ]
    except (ValueError, RecursionError):
        # Should json refuse a text pydantic_core read, the walk that finds the lines of
        # repeated keys still finds them.
        problems = _duplicate_keys(text, label)
    else:
        return data
    if problems:
        raise LedgerFileError(problems)
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
    parsed = _keys_parsed(data, text.count("{"))
    if written != parsed:
        written -= text.count('\\":') - text.count('\\\\":')
    return written == parsed


def _keys_parsed(data: Any, braces: int) -> int:
    """The keys of every table in ``data``: summed over the tables a ledger file has where
    ``braces`` (at least the number of tables) shows there are no others, else found by a walk."""
    if type(data) is dict:
        tables = [data]
        for key in ("parties", "sources"):
            if type(data.get(key)) is dict:
                tables.append(data[key])
        if type(data.get("sources")) is dict:
            tables.extend(value for value in data["sources"].values() if type(value) is dict)
        if type(data.get("entries")) is list:
            rows = [row for row in data["entries"] if type(row) is dict]
            tables += rows
            if len(tables) < braces:  # figure tables: amount = { low = ..., high = ... }
                for key in ("amount", "migrants"):
                    tables.extend(row[key] for row in rows if type(row.get(key)) is dict)
        if len(tables) == braces:
            return sum(map(len, tables))
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
            try:
                key = json.loads(string)
            except ValueError:
                key = string[1:-1]
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
        row: object = None
        if path[1] in starts:
            try:
                row = json.JSONDecoder(object_pairs_hook=_first_wins).raw_decode(
                    text, starts[path[1]]
                )[0]
            except (ValueError, RecursionError):
                row = None
        entry, rest = _label(path[1], row), rest[2:]
    elif path[:1] == ["sources"] and len(path) >= 2:
        entry, rest = f"sources.{_shown(str(path[1]))}", rest[2:]
    elif path == ["parties"]:
        entry, rest = "parties", rest[1:]
    field = ".".join(_shown(str(part)) for part in rest)
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


def _shown(text: str) -> str:
    """Text as a label shows it: itself, or its repr when it holds a newline or the like."""
    return text if text.isprintable() else repr(text)


def from_data(data: object, *, name: str | None = None, _owned: bool = False) -> Ledger:
    """A ledger from the file form (what :meth:`Ledger.to_data` gives)."""
    # Loading builds many objects and no reference cycles: the cyclic collector would only
    # rescan the growing heap again and again (a third of the time at 100,000 entries).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _from_data(data, name, _owned)
    finally:
        if was_enabled:
            gc.enable()


def _from_data(data: object, name: str | None, owned: bool) -> Ledger:
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
    problems += _parties_problems(parties, name)
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
    for index, row in enumerate(rows):
        prepared.append(_prepare(row, index, sources, name, problems, owned))
    entries: list[EntryBase] = []
    try:
        entries = list(_entries_adapter().validate_python(prepared))
    except ValidationError as error:
        problems += _validation_problems(error, name, rows)
        bad = {e["loc"][0] for e in error.errors() if e["loc"]}
        entries = [
            ENTRY_KINDS[row["kind"]].model_validate(row)
            for i, row in enumerate(prepared)
            if i not in bad and isinstance(row, dict) and row.get("kind") in ENTRY_KINDS
        ]
    problems += _cross_check(entries, name)
    if problems:
        raise LedgerFileError(problems)
    ledger = Ledger.__new__(Ledger)
    ledger._entries = tuple(entries)
    ledger._by_id = {entry.id: entry for entry in entries}
    ledger.title = data.get("title")
    ledger.description = data.get("description")
    ledger.parties = dict(parties)
    ledger._source_ids = {source: key for key, source in sources.items()}
    return ledger


def _label(index: int, row: object) -> str:
    entry_id = row.get("id") if isinstance(row, dict) else None
    return f"entries[{index}]" + (f" ({_shown(entry_id)})" if isinstance(entry_id, str) else "")


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
                    Problem(name, f"sources.{_shown(key)}", field or None, _message(item))
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
    if isinstance(source, str):
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
    flat = [key for key in _FIGURE_FLAT_KEYS if key in row]
    if flat:
        figure = {key: row.pop(key) for key in flat}
        if "amount" in row:
            figure["amount"] = row.pop("amount")
        row["amount"] = figure
    return row


def _message(item: Any) -> str:
    message = str(item["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        if message.startswith(prefix):
            message = message[len(prefix) :]
    if item["type"] in ("missing",):
        return "missing; this field is required"
    if item["type"] == "extra_forbidden":
        return f"unknown field (value {item['input']!r})"
    if item["type"] == "union_tag_invalid":
        kinds = ", ".join(ENTRY_KINDS)
        return f"kind {item['input'].get('kind')!r} is not known; accepted: {kinds}"
    if item["type"] == "union_tag_not_found":
        return f"missing 'kind'; accepted: {', '.join(ENTRY_KINDS)}"
    if item["type"] == "string_pattern_mismatch":
        return (
            f"{item['input']!r} is not a slug: use lower-case letters, digits, '-', '_' "
            "or '.', starting with a letter or digit"
        )
    if item["type"] == "literal_error":
        return f"{message} (given {item['input']!r})"
    if item["type"] == "iso_date":
        return date_error(item["input"])
    if item["type"] == "int_type":
        given = item["input"]
        return (
            f"{type(given).__name__} {given!r} is not a whole number; accepted: a whole number "
            "such as 2004, without quotes or a decimal point"
        )
    return message


def _validation_problems(
    error: ValidationError, name: str | None, rows: list[Any]
) -> list[Problem]:
    problems = []
    for item in error.errors():
        loc = list(item["loc"])
        index = loc.pop(0) if loc and isinstance(loc[0], int) else None
        assert index is None or isinstance(index, int)
        if loc and loc[0] in ENTRY_KINDS:
            loc.pop(0)
        field = ".".join(str(part) for part in loc) or None
        entry = _label(index, rows[index]) if index is not None else None
        problems.append(Problem(name, entry, field, _message(item)))
    return problems


def _parties_problems(parties: dict[str, Any], name: str | None) -> list[Problem]:
    problems = []
    for party, label in parties.items():
        why = party_error(party)
        shown = _shown(party) if isinstance(party, str) else str(party)
        if why:
            problems.append(Problem(name, "parties", shown, why))
        elif not isinstance(label, str) or not label:
            problems.append(Problem(name, "parties", shown, "the name must be text"))
    return problems


def _cross_check(entries: list[EntryBase], name: str | None) -> list[Problem]:
    """What no single entry can tell: unique ids, claims named by counterclaims and
    settlements, settlements in the claim's currency and within its amount."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    by_id: dict[str, EntryBase] = {}
    for index, entry in enumerate(entries):
        if entry.id in seen:
            problems.append(
                Problem(
                    name,
                    f"entries[{index}] ({entry.id})",
                    "id",
                    f"id {entry.id!r} is used already by entries[{seen[entry.id]}]; ids must be "
                    "unique",
                )
            )
        else:
            seen[entry.id] = index
            by_id[entry.id] = entry
    settled: dict[str, list[Settlement]] = {}
    for index, entry in enumerate(entries):
        kind = type(entry)
        if kind is Claim and entry.counter_to is not None:  # type: ignore[attr-defined]
            assert isinstance(entry, Claim)
            label = f"entries[{index}] ({entry.id})"
            target = by_id.get(entry.counter_to)
            if not isinstance(target, Claim):
                problems.append(
                    Problem(
                        name,
                        label,
                        "counter_to",
                        _dangling(entry.counter_to, target, "claim it answers"),
                    )
                )
            elif {target.creditor, target.debtor} != {entry.creditor, entry.debtor}:
                problems.append(
                    Problem(
                        name,
                        label,
                        "counter_to",
                        f"answers {target.id!r}, a claim between {target.creditor} and "
                        f"{target.debtor}, but is between {entry.creditor} and {entry.debtor}",
                    )
                )
        elif kind is Settlement:
            assert isinstance(entry, Settlement)
            label = f"entries[{index}] ({entry.id})"
            target = by_id.get(entry.claim)
            if not isinstance(target, Claim):
                problems.append(
                    Problem(
                        name, label, "claim", _dangling(entry.claim, target, "claim it settles")
                    )
                )
                continue
            mine, theirs = currency_of(entry.amount.unit), target.currency
            if mine != theirs:
                problems.append(
                    Problem(
                        name,
                        label,
                        "amount",
                        f"settlement in {mine} of claim {target.id!r} in {theirs}; settle in the "
                        "claim's currency (convert with a dated rate first)",
                    )
                )
                continue
            settled.setdefault(target.id, []).append(entry)
    for claim_id, settlements in settled.items():
        claim = by_id[claim_id]
        assert isinstance(claim, Claim)
        ceiling = claim.amount.high
        lows = [
            s.amount.low.magnitude if s.amount.low is not None else Decimal(0) for s in settlements
        ]
        if ceiling is not None and sum(lows, Decimal(0)) > ceiling.magnitude:
            problems.append(
                Problem(
                    name,
                    f"claim {claim_id}",
                    "settlements",
                    f"settlements {', '.join(s.id for s in settlements)} sum to at least "
                    f"{sum(lows, Decimal(0))} {claim.currency}, more than the claim's "
                    f"{claim.amount}",
                )
            )
    return problems


def _dangling(target_id: str, found: object, role: str) -> str:
    if found is None:
        return f"{target_id!r} names no entry in the ledger; it must be the id of the {role}"
    return f"{target_id!r} is a {getattr(found, 'kind', '?')}, not a claim; it must be the {role}"


# -- schema and example -------------------------------------------------------------------


def schema() -> dict[str, Any]:
    """The JSON Schema of a ledger file (``data/ledger.schema.json`` is generated from it)."""
    entry_schema = _entries_adapter().json_schema(mode="validation")
    defs = entry_schema.pop("$defs", {})
    for kind, model in ENTRY_KINDS.items():
        definition = defs[model.__name__]
        properties = definition["properties"]
        properties["source"] = {
            "type": "string",
            "description": "the id of a table under [sources]",
        }
        if "amount" in properties:
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
            definition["required"] = [r for r in definition.get("required", []) if r != "amount"]
        if "migrants" in properties:
            properties["migrants"] = {
                "anyOf": [{"type": "string"}, {"$ref": "#/$defs/FigureTable"}, {"type": "null"}],
                "description": "a count of people, e.g. { amount = '1 million person', "
                "qualifier = 'estimated' }",
            }
        definition["description"] = f"{kind}: {(model.__doc__ or '').strip().splitlines()[0]}"
    defs.pop("Source", None)
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
                "additionalProperties": {"type": "string"},
                "description": "names for parties, e.g. 'org:imf' = 'IMF'",
            },
            "sources": {"type": "object", "additionalProperties": {"$ref": "#/$defs/Source"}},
            "entries": entry_schema,
        },
        "required": ["entries"],
        "$defs": defs,
    }


def example() -> Ledger:
    """The bundled example: the four figures of RFE/RL's report of 15 March 2004."""
    resource = resources.files("ledger") / "data" / EXAMPLE
    return loads(resource.read_bytes(), format="toml", name=EXAMPLE)
