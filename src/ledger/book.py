"""The ledger: an ordered, immutable collection of entries with unique ids, and its queries.

A ledger reads and writes its files through :mod:`ledger.files` (TOML and JSON, one schema)
and refuses, whole, entries that :mod:`ledger.checks` finds wrong together.

>>> book = example()
>>> len(book), [claim.id for claim in book.claims(creditor="RU")]
(4, ['ru-claims-tajik-debt'])
"""

from __future__ import annotations

import gc
import os
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, get_args, overload

from pydantic import ValidationError

from . import files
from .checks import added_pass, cross_check, parties_problems
from .entries import (
    GDP,
    Budget,
    Claim,
    DebtMeasure,
    DebtStock,
    EntryBase,
    Rate,
    Remittance,
    Settlement,
    Share,
    Source,
    Status,
    party_error,
)
from .errors import LedgerError, LedgerFileError, Problem, UnknownEntryError
from .faces import call
from .files import EXAMPLE, Parts, schema
from .loans import Tranches
from .progress import Steps, steps
from .units import check_currency

if TYPE_CHECKING:  # the frames extra; only type checkers read this
    import pandas

__all__ = [
    "DEBT_MEASURES",
    "DEFAULT_EXAMPLE",
    "EXAMPLE",
    "EXAMPLES",
    "STATUSES",
    "Ledger",
    "as_set",
    "book_asked",
    "claim_filters",
    "day_asked",
    "example",
    "examples",
    "from_data",
    "load",
    "loads",
    "party_asked",
    "schema",
]

E = TypeVar("E", bound=EntryBase)
D = TypeVar("D")

#: A claim's statuses, as the file format names them.
STATUSES: tuple[str, ...] = get_args(Status)
#: What a debt stock may count, as the file format names it.
DEBT_MEASURES: tuple[str, ...] = get_args(DebtMeasure)


def claim_filters(
    status: str | Collection[str] | None, asserted_by: str | Collection[str] | None
) -> tuple[Collection[str] | None, Collection[str] | None]:
    """The statuses and the asserters a question about claims asks for (None: any), each
    checked: an unknown status is refused, never matched by nothing.

    >>> claim_filters("disputed", None)
    ({'disputed'}, None)
    >>> claim_filters("lost", None)
    Traceback (most recent call last):
    ledger.errors.LedgerError: status 'lost' is not a claim status; accepted: asserted, \
acknowledged, disputed, settled, written_off
    """
    statuses, asserters = as_set(status), as_set(asserted_by)
    for known in statuses or ():
        if known not in STATUSES:
            raise LedgerError(
                f"status {known!r} is not a claim status; accepted: {', '.join(STATUSES)}"
            )
    for who in asserters or ():
        party_asked(who, "asserted_by")
    return statuses, asserters


def as_set(value: str | Collection[str] | None) -> Collection[str] | None:
    """One value or several, as a collection to test membership in (``None`` for any)."""
    return {value} if isinstance(value, str) else value


def day_asked(as_of: object, what: str = "as_of") -> date:
    """The day a question is asked for: ``as_of`` (a ``datetime.date``), or today.

    >>> day_asked("2004-03-15")
    Traceback (most recent call last):
    ...
    ledger.errors.LedgerError: as_of: str '2004-03-15' is not a date; pass a datetime.date, \
e.g. date(2004, 3, 15), or None for today
    """
    if as_of is None:
        return date.today()
    if isinstance(as_of, date) and not isinstance(as_of, datetime):
        return as_of
    if isinstance(as_of, datetime):
        raise LedgerError(f"{what}: {as_of!r} is a datetime, not a date; pass its .date()")
    raise LedgerError(
        f"{what}: {type(as_of).__name__} {as_of!r} is not a date; pass a datetime.date, "
        "e.g. date(2004, 3, 15), or None for today"
    )


def party_asked(party: object, what: str = "party") -> str:
    """A party a question names, checked: an ISO 3166 alpha-2 code or an ``org:`` slug.

    >>> party_asked("tj", "debtor")
    Traceback (most recent call last):
    ...
    ledger.errors.LedgerError: debtor: party 'tj' is not an ISO 3166 alpha-2 code known to \
CLDR (codes are upper-case: 'TJ') nor an 'org:' slug such as 'org:imf'
    """
    why = party_error(party)
    if why is not None:
        refused = LedgerError(f"{what}: {why}")
        if isinstance(party, str):  # a reader's words: the code to give
            upper = party.upper()
            if upper != party and party_error(upper) is None:
                refused.reason = ("party code case", {"party": party, "upper": upper})
            else:
                refused.reason = ("party code", {"party": party})
        raise refused
    assert isinstance(party, str)
    return party


def book_asked(book: object) -> Ledger:
    """The ledger a question is asked of, checked to be one."""
    if not isinstance(book, Ledger):
        raise LedgerError(
            f"book: {type(book).__name__} is not a ledger; pass a Ledger, e.g. lg.load(path) "
            "or lg.example()"
        )
    return book


class Ledger:
    """An ordered, immutable collection of entries with unique ids.

    >>> book = example()
    >>> book["tj-counterclaim-nurek"].counter_to
    'ru-claims-tajik-debt'
    >>> [b.amount for b in book.budgets(party="TJ")][0].qualifier
    'exact'
    """

    __slots__ = (
        "_by_id",
        "_derived",
        "_entries",
        "_schedules",
        "_settled",
        "_source_ids",
        "description",
        "parties",
        "title",
    )
    _derived: dict[str, Any]  # what derived() made, by name; set on first use

    def __init__(
        self,
        entries: Iterable[EntryBase | dict[str, Any]] = (),
        *,
        title: str | None = None,
        description: str | None = None,
        parties: dict[str, Any] | None = None,
        source_ids: dict[Source, str] | None = None,
    ) -> None:
        if isinstance(entries, str | bytes | dict) or not isinstance(entries, Iterable):
            raise LedgerError(
                f"entries: {type(entries).__name__} is not a list of entries; pass a list of "
                "entries (Claim, Settlement, ...) or of their tables"
            )
        for what, text in (("title", title), ("description", description)):
            if text is not None and not isinstance(text, str):
                raise LedgerError(f"{what}: {type(text).__name__} {text!r} is not text")
        items = list(entries)
        if not all(isinstance(item, EntryBase) for item in items):
            try:
                items = list(
                    files.entries_adapter().validate_python(
                        [
                            item.model_dump() if isinstance(item, EntryBase) else item
                            for item in items
                        ]
                    )
                )
            except ValidationError as error:
                raise LedgerFileError(files.validation_problems(error, None, items)) from None
        checked: list[EntryBase] = items  # type: ignore[assignment]
        problems = parties_problems(parties or {}, None) + cross_check(checked, None)
        if problems:
            raise LedgerFileError(problems)
        self._entries: tuple[EntryBase, ...] = tuple(checked)
        self._by_id = {entry.id: entry for entry in self._entries}
        self._settled: dict[str, list[Settlement]] | None = None
        self.title = title
        self.description = description
        self.parties: dict[str, Any] = dict(parties or {})
        self._source_ids: dict[Source, str] = dict(source_ids or {})
        self._schedules: tuple[Tranches, ...] = ()

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
            ids = sorted(self._by_id)
            known = ", ".join(ids[:10])
            if len(ids) > 10:
                known += f", … ({len(ids)} in all)"
            raise UnknownEntryError(f"no entry with id {key!r}; ids here: {known}") from None

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
        if (
            parties is self.parties
            and all(isinstance(entry, EntryBase) for entry in more)
            and added_pass(self._by_id, self._settlements_by_claim(), more)
        ):
            return self._extended(more)  # checked as the whole would be, in time for the new
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

    def _settlements_by_claim(self) -> dict[str, list[Settlement]]:
        """The settlements by the id of the claim they settle, in ledger order (made once)."""
        if self._settled is None:
            settled: dict[str, list[Settlement]] = {}
            for entry in self._entries:
                if isinstance(entry, Settlement):
                    settled.setdefault(entry.claim, []).append(entry)
            self._settled = settled
        return self._settled

    def derived(self, name: str, build: Callable[[Ledger], D]) -> D:
        """What ``build`` makes of the ledger, made once, on the first call for ``name``: the
        ledger never changes, so neither does what is derived from it (netting keeps its
        columns of the claims here).

        >>> book = example()
        >>> book.derived("claims", lambda b: len(b.claims())) == len(book.claims())
        True
        """
        try:
            made = self._derived
        except AttributeError:  # made by __new__ (from_parts, + an entry): nothing derived yet
            made = self._derived = {}
        if name not in made:
            made[name] = build(self)
        found: D = made[name]
        return found

    def _extended(self, more: list[EntryBase]) -> Ledger:
        """This ledger and entries checked to fit it (:func:`~ledger.checks.added_pass`)."""
        ledger = Ledger.__new__(Ledger)
        ledger._entries = self._entries + tuple(more)
        ledger._by_id = dict(self._by_id)
        ledger._by_id.update((entry.id, entry) for entry in more)
        settled = dict(self._settlements_by_claim())
        for entry in more:
            if isinstance(entry, Settlement):
                settled[entry.claim] = [*settled.get(entry.claim, ()), entry]
        ledger._settled = settled
        ledger.title = self.title
        ledger.description = self.description
        ledger.parties = dict(self.parties)
        ledger._source_ids = dict(self._source_ids)
        ledger._schedules = ()  # an added entry may change a tranche: saved one by one
        return ledger

    def _repr_html_(self) -> str:
        return self.to_html()

    def to_html(self, locale: str = "en_US") -> str:
        """The entries as an HTML table, amounts and party names in ``locale`` (the notebook
        face, loaded on first use)."""
        html: str = call("html.ledger", self, locale)
        return html

    def to_frame(self) -> pandas.DataFrame:
        """One row per entry as a pandas DataFrame (extra ``frames``); see
        :func:`ledger.display.to_frame`."""
        frame: pandas.DataFrame = call("frame.to", self)
        return frame

    @classmethod
    def from_frame(cls, frame: pandas.DataFrame, *, title: str | None = None) -> Ledger:
        """A ledger from a frame made by :meth:`to_frame`; see :func:`ledger.display.from_frame`."""
        book: Ledger = call("frame.from", frame, title=title)
        return book

    def __repr__(self) -> str:
        counts = Counter(getattr(entry, "kind", "?") for entry in self._entries)
        title = f" {self.title!r}" if self.title else ""
        if not counts:
            return f"<Ledger{title}: no entries>"
        kinds = ", ".join(_counted(n, k) for k, n in counts.items())
        return f"<Ledger{title}: {_counted(len(self), 'entry')} ({kinds})>"

    # -- queries ---------------------------------------------------------------------------

    def _select(self, kind: type[E], as_of: date | None, test: Callable[[E], bool]) -> list[E]:
        if as_of is not None:
            as_of = day_asked(as_of)
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
        """Claims (and counterclaims), filtered; ``as_of`` keeps those dated on or before it.
        Every filter is checked: an unknown status, party or currency is refused, never
        matched by nothing."""
        statuses, asserters = claim_filters(status, asserted_by)
        for what, who in (("party", party), ("creditor", creditor), ("debtor", debtor)):
            if who is not None:
                party_asked(who, what)
        if currency is not None:
            check_currency(currency)
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

    def gdp(
        self,
        *,
        party: str | None = None,
        year: int | None = None,
        as_of: date | None = None,
    ) -> list[GDP]:
        """GDP entries of ``party``, for ``year``; an unknown party is refused.

        >>> import ledger as lg
        >>> source = lg.Source(publisher="World Bank", title="WDI", date="2024-06-28")
        >>> book = Ledger([lg.GDP(id="tj-gdp-2004", as_of="2004-12-31", source=source,
        ...                       party="TJ", year=2004, amount="2.08 billion USD/year")])
        >>> [g.id for g in book.gdp(party="TJ", year=2004)], book.gdp(year=2005)
        (['tj-gdp-2004'], [])
        """
        if party is not None:
            party_asked(party)
        return self._select(
            GDP,
            as_of,
            lambda g: (party is None or g.party == party) and (year is None or g.year == year),
        )

    def debt_stocks(
        self,
        *,
        party: str | None = None,
        measure: DebtMeasure | Collection[DebtMeasure] | None = None,
        as_of: date | None = None,
    ) -> list[DebtStock]:
        """Debt stocks of ``party``, of one ``measure`` (or several); ``as_of`` keeps those
        dated on or before it. An unknown party or measure is refused.

        >>> example().debt_stocks(measure="gross")
        Traceback (most recent call last):
        ...
        ledger.errors.LedgerError: measure 'gross' is not a debt measure; accepted: external, \
public, public_external
        """
        if party is not None:
            party_asked(party)
        measures = as_set(measure)
        for known in measures or ():
            if known not in DEBT_MEASURES:
                raise LedgerError(
                    f"measure {known!r} is not a debt measure; accepted: {', '.join(DEBT_MEASURES)}"
                )
        return self._select(
            DebtStock,
            as_of,
            lambda d: (
                (party is None or d.party == party) and (measures is None or d.measure in measures)
            ),
        )

    def shares(
        self,
        *,
        party: str | None = None,
        year: int | None = None,
        as_of: date | None = None,
    ) -> list[Share]:
        """Ratios as sources published them (shares), of ``party``, for ``year``."""
        if party is not None:
            party_asked(party)
        return self._select(
            Share,
            as_of,
            lambda s: (party is None or s.party == party) and (year is None or s.year == year),
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

    def party_name(self, party: str, language: str = "en") -> str:
        """A party's name in ``language`` by the rule :func:`ledger.party_name` follows: the
        name this ledger gives it in that language (or for every language), else CLDR's for a
        state, else this ledger's in any language (English first), else the code.

        >>> kg = example("kg-ru-2012")  # names KG in Russian only
        >>> kg.party_name("KG", "ru"), kg.party_name("KG", "kk"), kg.party_name("KG")
        ('Кыргызстан', 'Қырғызстан', 'Kyrgyzstan')
        """
        given = self.parties.get(party)
        if isinstance(given, dict):
            given = given.get("name")
        if isinstance(given, str) and given:
            return given
        names = given if isinstance(given, dict) else {}
        own = names.get(language) or names.get(language.split("_")[0])
        if own:
            return str(own)
        known = _cldr_name(party, language)
        if known is not None:
            return known
        return str(names.get("en") or next(iter(names.values()), party))

    # -- files -----------------------------------------------------------------------------

    @property
    def parts(self) -> Parts:
        """What the ledger is made of, as a file holds it (see :mod:`ledger.files`)."""
        return Parts(
            self._entries,
            self.title,
            self.description,
            dict(self.parties),
            self._source_ids,
            self._schedules,
        )

    def to_data(self, *, json_mode: bool = False) -> dict[str, Any]:
        """The file form: plain dicts and lists (dates as ``date`` unless ``json_mode``)."""
        return files.write(self.parts, json_mode=json_mode)

    def dumps(self, format: str = "toml") -> str:
        """The ledger as TOML or JSON text, byte for byte what :meth:`save` writes."""
        return files.dumps(self.parts, format)

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the ledger to ``path`` (``.toml`` or ``.json``) atomically.

        The text is made in full first, then written beside the target and renamed over it:
        a failure at any point leaves the old file whole.
        """
        target = Path(path)
        payload = self.dumps(files.format_of(target)).encode("utf-8")
        files.write_atomically(target, payload)
        return target

    @classmethod
    def from_parts(cls, parts: Parts) -> Ledger:
        """A ledger of parts already checked (as :func:`ledger.files.read` gives them)."""
        ledger = cls.__new__(cls)
        ledger._entries = tuple(parts.entries)
        ledger._by_id = {entry.id: entry for entry in ledger._entries}
        ledger._settled = None
        ledger.title = parts.title
        ledger.description = parts.description
        ledger.parties = dict(parts.parties)
        ledger._source_ids = dict(parts.source_ids)
        ledger._schedules = tuple(parts.schedules)
        return ledger


# -- loading ------------------------------------------------------------------------------


def load(path: str | os.PathLike[str], *, progress: bool = False) -> Ledger:
    """Read a ledger file (``.toml`` or ``.json``); a bad file is refused whole.
    ``progress=True`` shows a bar on stderr when reading takes over a second.

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
    if not isinstance(path, str | os.PathLike):
        raise LedgerError(f"path: {type(path).__name__} {path!r} is not a path; pass a file's path")
    source = Path(path)
    name = str(path)
    try:
        fmt = files.format_of(source)
    except LedgerError as error:
        raise LedgerFileError([Problem(name, None, None, str(error).split(": ", 1)[1])]) from None
    try:
        raw = source.read_bytes()
    except OSError as error:
        raise LedgerFileError(
            [Problem(name, None, None, f"cannot read: {error.strerror}")]
        ) from None
    except ValueError:  # a path with a NUL byte, which no file system takes
        raise LedgerFileError(
            [Problem(name, None, None, "cannot read: a path holds no NUL character")]
        ) from None
    return loads(raw, format=fmt, name=name, progress=progress)


def loads(
    text: str | bytes, *, format: str = "toml", name: str | None = None, progress: bool = False
) -> Ledger:
    """Read a ledger from TOML or JSON text; ``name`` labels the problems. ``progress=True``
    shows a bar on stderr when reading takes over a second (see :mod:`ledger.progress`)."""
    label = name or f"<{format}>"
    with steps(Path(label).name, 100, shown=progress) as bar:
        data = files.parse(text, format, label)
        bar.advance(_PARSED)
        return _from_data(data, label, True, bar)


def from_data(
    data: object, *, name: str | None = None, _owned: bool = False, progress: bool = False
) -> Ledger:
    """A ledger from the file form (what :meth:`Ledger.to_data` gives)."""
    with steps(name or "ledger", 100, shown=progress) as bar:
        bar.advance(_PARSED)
        return _from_data(data, name, _owned, bar)


# The share of a load (of 100) each stage takes, roughly, for its progress bar.
_PARSED, _READ = 40, 45


#: Entries from which a load ends with one full collection (see _from_data).
_COLLECTED_FROM = 100_000


def _from_data(data: object, name: str | None, owned: bool, bar: Steps) -> Ledger:
    # Loading builds many objects and no reference cycles: the cyclic collector would only
    # rescan the growing heap again and again (a third of the time at 100,000 entries).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        parts = files.read(data, name, owned)
        bar.advance(_READ)
        book = Ledger.from_parts(parts)  # its entries light already (entries.compacted)
        if was_enabled and len(book) >= _COLLECTED_FROM:
            # One full pass now, while the heap is the ledger: left to the first calls after
            # the load, the deferred work costs many times more (1M claims: the first
            # net_positions 41 s, 7 s after one collection of 2 s).
            gc.collect()
        bar.advance(100 - _PARSED - _READ)
        return book
    finally:
        if was_enabled:
            gc.enable()


#: The bundled examples: name -> (file in ledger/data, one line saying what it holds).
EXAMPLES: dict[str, tuple[str, str]] = {
    "tj-ru-2004": (
        files.EXAMPLE,
        "Tajikistan and Russia, March 2004: RFE/RL's four figures (claim, counterclaim, "
        "remittances, budget), all in dollars",
    ),
    "kg-ru-2012": (
        "kyrgyzstan_russia_2012.toml",
        "Kyrgyzstan and Russia, September 2012: a $488.9M claim written off at once and in "
        "yearly tranches, a budget in som and a som/dollar rate",
    ),
}

#: The example :func:`example` gives when no name is asked for.
DEFAULT_EXAMPLE = "tj-ru-2004"


def examples() -> dict[str, str]:
    """The bundled examples by name, each with one line saying what it holds.

    >>> sorted(examples())
    ['kg-ru-2012', 'tj-ru-2004']
    """
    return {name: line for name, (_, line) in EXAMPLES.items()}


def _counted(count: int, kind: str) -> str:
    """``1 claim``, ``2 claims``, ``5 entries``: English, as ``repr`` is."""
    plural = {"entry": "entries", "gdp": "gdp"}.get(kind, f"{kind}s")
    return f"{count} {kind if count == 1 else plural}"


def _cldr_name(party: str, language: str) -> str | None:
    """CLDR's name of a state in a language (``Қырғызстан``), or None (a code CLDR does not
    know, such as an ``org:`` slug, or a language it does not know)."""
    from babel import Locale, UnknownLocaleError

    try:
        known = Locale.parse(language.replace("-", "_")).territories.get(party)
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    return None if known is None else str(known)


def example(name: str = DEFAULT_EXAMPLE) -> Ledger:
    """A bundled example by name (see :func:`examples`); by default the four figures of
    RFE/RL's report of 15 March 2004.

    >>> example("kg-ru-2012").title
    'Kyrgyzstan and Russia, September 2012'
    >>> example("kg-ru-2013")
    Traceback (most recent call last):
    ...
    ledger.errors.LedgerError: no bundled example is named 'kg-ru-2013'; the examples: \
kg-ru-2012, tj-ru-2004
    """
    if not isinstance(name, str) or name not in EXAMPLES:
        shown = repr(name) if isinstance(name, str) else f"{type(name).__name__} {name!r}"
        raise LedgerError(
            f"no bundled example is named {shown}; the examples: {', '.join(sorted(EXAMPLES))}"
        )
    file = EXAMPLES[name][0]
    text = (resources.files("ledger") / "data" / file).read_bytes()
    return loads(text, format="toml", name=file)
