"""Netting: what one party owes another, each party's position, and the transfers that settle.

Netting works on stocks, one currency at a time, or in one currency through explicit, dated
rates (``convert_to="USD"``). A claim counts for what is outstanding on the day asked: its amount
less the settlements dated on or before it; a claim whose status is ``settled`` or
``written_off`` counts as zero. Which claims count is the caller's choice: by status, by who
asserted them, by date.

>>> from datetime import date
>>> import ledger as lg
>>> book = lg.example()
>>> balance = net_balance(book, "TJ", "RU", as_of=date(2004, 3, 15))
>>> print(balance.amount)
about 250000000 USD
>>> print(net_balance(book, "RU", "TJ", as_of=date(2004, 3, 15)).amount)
about -250000000 USD
>>> print(balance.explain())
TJ owes RU, net, as of 2004-03-15: about 250000000 USD
  + about 300000000 USD  ru-claims-tajik-debt: RU's claim on TJ, asserted by RU
      "Russia says Tajikistan owes some $300 million to Moscow." (RFE/RL, 2004-03-15)
  - 50000000 USD  tj-counterclaim-nurek: TJ's claim on RU, asserted by TJ, counter to \
ru-claims-tajik-debt
      "Tajikistan says Russia owes Dushanbe $50 million for use of the observatory built in \
the high Tajik mountains near Nurek." (RFE/RL, 2004-03-15)
  = about 250000000 USD
"""

from __future__ import annotations

import gc
from array import array
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import (
    MAX_EMAX,
    MAX_PREC,
    MIN_EMIN,
    Context,
    Decimal,
    Inexact,
    InvalidOperation,
    Overflow,
    Rounded,
    localcontext,
)
from functools import cached_property
from itertools import accumulate, chain, compress, islice
from operator import attrgetter
from typing import TYPE_CHECKING, Any, cast

from .arithmetic import DIGITS, EXACT, LARGEST, SUMS, owned, rounded_total
from .book import Ledger, as_set, book_asked, claim_filters, day_asked, party_asked
from .entries import Claim, Rate, Settlement
from .errors import FigureError, LedgerError, UnitMismatchError
from .faces import call
from .figures import Figure, sum_figures
from .fx import Conversion, MaxAge, convert
from .progress import Steps, steps
from .units import Quantity, Unit, check_currency, currency_of, intern_unit, money, ureg

if TYPE_CHECKING:
    from .entries import EntryBase

__all__ = [
    "ZERO_STATUSES",
    "NetBalance",
    "NetLine",
    "Transfer",
    "Transfers",
    "net_balance",
    "net_history",
    "net_positions",
    "outstanding",
    "settle",
]

#: Statuses under which a claim counts as zero.
ZERO_STATUSES = frozenset({"settled", "written_off"})


@dataclass(frozen=True)
class NetLine:
    """One claim's part in a net balance: what it counts for, and why."""

    claim: Claim
    sign: int  # +1: the claim adds to what the debtor owes; -1: it answers the other way
    counted: Figure  # what the claim counts for, in the balance's currency, before its sign
    settlements: tuple[Settlement, ...] = ()
    conversion: Conversion | None = None

    @property
    def asserted(self) -> Figure:
        """The claim's amount as its source asserted it, in the claim's own currency."""
        amount: Figure = self.claim.amount
        return amount

    @property
    def reductions(self) -> tuple[Settlement, ...]:
        """The settlements that count (dated on or before the balance's day), oldest first."""
        return tuple(sorted(self.settlements, key=lambda s: (s.as_of, s.id)))

    @property
    def outstanding(self) -> Figure:
        """What is left of the claim after its reductions, in the claim's own currency
        (``counted`` is the same, converted when the balance converts)."""
        left: Figure = outstanding(self.claim, self.settlements)
        return left

    @property
    def marked(self) -> bool:
        """Whether the claim's status (``settled``, ``written_off``) makes it count as zero."""
        return self.claim.status in ZERO_STATUSES

    @property
    def cleared(self) -> bool:
        """Whether reductions (not a status) leave nothing of the claim: its outstanding
        amount is zero at its centre and at every bound."""
        if not self.settlements or self.claim.status in ZERO_STATUSES:
            return False
        return all(x is not None and x.is_zero() for x in self.outstanding.magnitudes)


@dataclass(frozen=True)
class NetBalance:
    """What ``debtor`` owes ``creditor``, net: positive when the debtor owes.

    Converted (``convert_to=``), the claims of each currency are netted first, exactly, and
    each currency's net is converted once, at the one rate in force for it that day:
    ``conversions`` holds those, one per currency, and ``amount`` is their sum. Each line keeps
    its own claim's conversion too, to show what the claim comes to.
    """

    debtor: str
    creditor: str
    amount: Figure
    as_of: date
    currency: str | None
    lines: tuple[NetLine, ...] = field(default=())
    conversions: tuple[Conversion, ...] = field(default=())
    #: The ledger's own names for parties (its ``parties`` table), for describe and the faces.
    names: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def entries(self) -> tuple[EntryBase, ...]:
        """The claims, settlements and rates behind the balance."""
        found: list[EntryBase] = []
        for line in self.lines:
            found.append(line.claim)
            found.extend(line.settlements)
            if line.conversion is not None:
                found.extend(line.conversion.rates)
        for conversion in self.conversions:
            found.extend(conversion.rates)
        return tuple(dict.fromkeys(found))

    def __neg__(self) -> NetBalance:
        lines = tuple(
            NetLine(line.claim, -line.sign, line.counted, line.settlements, line.conversion)
            for line in self.lines
        )
        conversions = tuple(_turned(conversion) for conversion in self.conversions)
        return NetBalance(
            self.creditor,
            self.debtor,
            -self.amount,
            self.as_of,
            self.currency,
            lines,
            conversions,
            self.names,
        )

    @property
    def direction(self) -> int:
        """+1 when the debtor owes (the amount allows nothing below zero), -1 when the
        creditor does (nothing above zero, and not zero alone), 0 when the amount's range spans
        zero: who owes whom is unknown."""
        _, low, high = self.amount.magnitudes
        if low is not None and low >= 0:
            return 1
        if high is not None and high <= 0:
            return -1
        return 0

    def explain(self, locale: str | None = None) -> str:
        """The arithmetic, line by line, each with the entry id, who asserted it and the
        source's own words. The headline says who owes whom only where the amount's sign is
        known (turned round when the creditor owes); "direction unknown" when it spans zero,
        with at most what each side may owe: never a negative amount owed. English by
        default (party codes, plain digits); ``locale`` (``"ru_RU"``) says it in the
        locale's words and numbers."""
        text: str = call("explain.balance", self, locale)  # the text face, ledger.explaining
        return text

    def __str__(self) -> str:
        return f"{self.debtor} owes {self.creditor} {self.amount} net"

    def __repr__(self) -> str:
        claims = f"{len(self.lines)} claim{'s' if len(self.lines) != 1 else ''}"
        return f"<NetBalance {self} as of {self.as_of.isoformat()}, {claims}>"

    def _repr_html_(self) -> str:
        html: str = call("html.balance", self)  # the notebook face, loaded on first display
        return html


def _turned(conversion: Conversion) -> Conversion:
    """A conversion of the negated figure: the same rates, the other way round."""
    via = None if conversion.via is None else _turned(conversion.via)
    return Conversion(
        -conversion.original, -conversion.figure, conversion.rate, conversion.inverted, via
    )


@dataclass(frozen=True)
class Transfer:
    """One payment that helps settle every position: ``payer`` pays ``payee``."""

    payer: str
    payee: str
    amount: Figure

    def __str__(self) -> str:
        return f"{self.payer} pays {self.payee} {self.amount}"


class Transfers(list[Transfer]):
    """The transfers :func:`settle` proposes: a list that shows itself as a table, its parties
    named as the ledger names them (``names``, its ``parties`` table)."""

    names: dict[str, Any] = {}  # noqa: RUF012 - replaced per instance by settle, never mutated

    def __repr__(self) -> str:
        return f"<Transfers: {'; '.join(map(str, self)) or 'none'}>"

    def _repr_html_(self) -> str:
        html: str = call("html.transfers", self)  # the notebook face, loaded on first display
        return html


# -- claims that count ----------------------------------------------------------------------


def _claims(
    book: Ledger,
    day: date,
    statuses: str | Collection[str] | None,
    asserted_by: str | Collection[str] | None,
) -> list[Claim]:
    return book.claims(status=as_set(statuses), asserted_by=as_set(asserted_by), as_of=day)


def _claims_between(
    book: Ledger,
    debtor: str,
    creditor: str,
    day: date,
    statuses: str | Collection[str] | None,
    asserted_by: str | Collection[str] | None,
) -> list[Claim]:
    """The claims between two parties (either way) that count on ``day``, in ledger order:
    read from the ledger's claims by pair, made once, so that a balance reads its own claims
    only (a balance of each pair read every claim of the ledger: pairs times claims)."""
    wanted, asserters = claim_filters(statuses, asserted_by)
    between = book.derived("netting.pairs", _claims_by_pair).get(frozenset((debtor, creditor)))
    return [
        c
        for c in between or ()
        if c.as_of <= day
        and (wanted is None or c.status in wanted)
        and (asserters is None or c.asserted_by in asserters)
    ]


def _claims_by_pair(book: Ledger) -> dict[frozenset[str], list[Claim]]:
    """A ledger's claims by the two parties they are between, in ledger order."""
    found: dict[frozenset[str], list[Claim]] = defaultdict(list)
    for claim in book.claims():
        found[frozenset((claim.creditor, claim.debtor))].append(claim)
    return dict(found)


def _settlements_by_claim(book: Ledger) -> dict[str, list[Settlement]]:
    """The settlements by the id of the claim they settle, in ledger order (made once per
    ledger: a balance reads only its own claims' settlements)."""
    found: dict[str, list[Settlement]] = defaultdict(list)
    for settlement in book.settlements():
        found[settlement.claim].append(settlement)
    return dict(found)


def _zero(unit: Unit) -> Figure:
    zero = _ZERO_OF_UNIT.get(id(unit))
    if zero is None:
        unit = intern_unit(unit)  # kept alive by the interning: its id stays its own
        zero = _ZERO_OF_UNIT.get(id(unit))
        if zero is None:
            zero = _ZERO_OF_UNIT[id(unit)] = Figure(ureg.Quantity(Decimal(0), unit))
    return zero


# Zero in each interned unit, by the unit's id: a figure made through pint costs more than
# netting a claim (a ledger with many written-off claims asks for thousands).
_ZERO_OF_UNIT: dict[int, Figure] = {}


def _clamped(figure: Figure) -> Figure:
    """A claim's outstanding amount never falls below zero: an entry holds a non-negative
    amount, so "at most 100 USD" owed is between 0 and 100 USD, settled or not."""
    zero = Decimal(0)
    value, low, high = figure.magnitudes
    if (low is not None and low >= 0) and (value is None or value >= 0):
        return figure

    def amount(x: Decimal | None) -> Quantity | None:
        return None if x is None else ureg.Quantity(x, figure.unit)

    return Figure(
        amount(None if value is None else max(value, zero)),
        low=amount(zero if low is None or low < 0 else low),
        high=amount(None if high is None else max(high, zero)),
        low_inclusive=True if low is None or low < 0 else figure.low_inclusive,
        high_inclusive=figure.high_inclusive if high is None or high > 0 else True,
        approximate=figure.approximate,
        places=figure.places,
    )


@owned
def outstanding(claim: Claim, settlements: Iterable[Settlement] = ()) -> Figure:
    """What is left of a claim after the given settlements (zero when settled or written off).

        >>> import ledger as lg
    >>> book = lg.example()
        >>> print(outstanding(book["ru-claims-tajik-debt"]))
        about 300000000 USD
    """
    if not isinstance(claim, Claim):
        raise LedgerError(
            f"claim: {type(claim).__name__} is not a claim; pass a Claim, e.g. book['some-id']"
        )
    return _outstanding(claim, settlements)


def _outstanding(claim: Claim, settlements: Iterable[Settlement]) -> Figure:
    """:func:`outstanding` of a claim, inside the library's context already."""
    if claim.status in ZERO_STATUSES:
        return _zero(claim.amount.unit)
    amount = claim.amount
    for settlement in sorted(settlements, key=lambda settlement: settlement.id):
        amount = amount - settlement.amount
    return _clamped(amount)


def _known_parties(book: Ledger, asserted_by: str | Collection[str] | None, **named: str) -> None:
    """Refuses a party that neither a claim nor the ``parties`` table of the ledger names: it
    would only ever be "even", which hides a typo. ``asserted_by`` may also name an asserter."""
    asserters = as_set(asserted_by)
    if not named and asserters is None:
        return
    in_claims, speakers, _ = book.derived("netting.parties", _who)
    parties = set(book.parties) | in_claims  # a party the ledger names is known, claims or not
    known = ", ".join(sorted(parties)) or "none (the ledger has no claims)"
    for what, party in named.items():
        if party not in parties:
            raise LedgerError(
                f"{what}: {party!r} appears in no claim of the ledger; the parties it knows: "
                f"{known}"
            )
    for party in sorted(asserters or ()):
        party_asked(party, "asserted_by")
        if party not in parties | speakers:
            raise LedgerError(
                f"asserted_by: {party!r} appears in no claim of the ledger; the parties it "
                f"knows: {known}"
            )


def _currency_between(book: Ledger, currency: str, debtor: str, creditor: str) -> None:
    """Refuses ``currency=`` naming a currency none of the claims between the two is in (on
    any day); two parties with no claims at all are even in any currency."""
    _, _, currencies = book.derived("netting.parties", _who)
    held = sorted(currencies.get(frozenset((debtor, creditor)), ()))
    if held and currency not in held:
        refused = LedgerError(
            f"currency {currency}: no claim between {debtor} and {creditor} is in {currency}; "
            f"their claims are in {', '.join(held)}"
        )
        refused.reason = (
            "currency not between",
            {"currency": currency, "debtor": debtor, "creditor": creditor, "held": ", ".join(held)},
        )
        raise refused


def _who(book: Ledger) -> tuple[set[str], set[str], dict[frozenset[str], set[str]]]:
    """The parties of a ledger's claims, their asserters, and the currencies of the claims
    between each two (on any day): made once per ledger."""
    parties: set[str] = set()
    speakers: set[str] = set()
    currencies: dict[frozenset[str], set[str]] = defaultdict(set)
    for claim in book.claims():
        parties.update((claim.creditor, claim.debtor))
        speakers.add(claim.asserted_by)
        currencies[frozenset((claim.creditor, claim.debtor))].add(claim.currency)
    return parties, speakers, dict(currencies)


def _rates_for(book: Ledger, rates: Ledger | Iterable[Rate] | None) -> Ledger | Iterable[Rate]:
    return book if rates is None else rates


# -- net balance ----------------------------------------------------------------------------


@owned
def net_balance(
    book: Ledger,
    debtor: str,
    creditor: str,
    *,
    statuses: str | Collection[str] | None = None,
    asserted_by: str | Collection[str] | None = None,
    as_of: date | None = None,
    currency: str | None = None,
    convert_to: str | None = None,
    rates: Ledger | Iterable[Rate] | None = None,
    via: str | None = None,
    max_age: MaxAge = None,
) -> NetBalance:
    """What ``debtor`` owes ``creditor``, net of what ``creditor`` owes ``debtor``.

    ``currency`` nets the claims in that currency only; ``convert_to`` converts every claim at
    the rate in force on ``as_of`` (rates from ``rates`` or the ledger's own ``Rate`` entries;
    ``via`` and ``max_age`` as for :func:`~ledger.fx.convert`).
    Claims in different currencies with neither are refused: they are never added.
    """
    day = day_asked(as_of)
    book_asked(book)
    debtor, creditor = party_asked(debtor, "debtor"), party_asked(creditor, "creditor")
    if debtor == creditor:
        refused = LedgerError(
            f"debtor and creditor are both {debtor!r}; a balance is between two parties"
        )
        refused.reason = ("same party", {"party": debtor})
        raise refused
    _known_parties(book, asserted_by, debtor=debtor, creditor=creditor)
    if currency is not None:
        _currency_between(book, check_currency(currency), debtor, creditor)
    settled = book.derived("netting.settlements", _settlements_by_claim)
    claims = _claims_between(book, debtor, creditor, day, statuses, asserted_by)
    if currency is not None:
        claims = [c for c in claims if c.currency == currency]
    currencies = sorted({c.currency for c in claims})
    if convert_to is None and len(currencies) > 1:
        mixed = UnitMismatchError(
            f"claims between {debtor} and {creditor} are in {', '.join(currencies)}; amounts "
            "in different currencies are never added: pass currency='...' to net one of them, or "
            "convert_to='...' with dated rates"
        )
        mixed.reason = ("currencies", {"currencies": ", ".join(currencies)})  # a reader's words
        raise mixed
    target = convert_to or currency or (currencies[0] if currencies else None)
    unit = money(0, target).units if target else ureg.dimensionless
    policy: dict[str, Any] = {
        "rates": _rates_for(book, rates),
        "on": day,
        "via": via,
        "max_age": max_age,
    }
    lines = []
    for claim in claims:
        reductions = tuple(s for s in settled.get(claim.id, ()) if s.as_of <= day)
        counted = outstanding(claim, reductions)
        conversion = None
        if convert_to is not None:
            conversion = convert(counted, convert_to, **policy)  # what this claim comes to
            counted = conversion.figure
        sign = 1 if claim.debtor == debtor else -1
        lines.append(NetLine(claim, sign, counted, reductions, conversion))
    nets = _nets(lines)
    if convert_to is None:
        total = nets.get(target, _zero(unit)) if target else _zero(unit)
        return NetBalance(debtor, creditor, total, day, target, tuple(lines), (), book.parties)
    # One rate for every claim of a currency on the day: its net, converted once. Converting
    # each claim and netting would subtract two intervals of the same rate as if independent.
    conversions = tuple(convert(net, convert_to, **policy) for _, net in sorted(nets.items()))
    total = _zero(unit)
    for conversion in conversions:
        total = total + conversion.figure
    return NetBalance(debtor, creditor, total, day, target, tuple(lines), conversions, book.parties)


def _nets(lines: Iterable[NetLine]) -> dict[str, Figure]:
    """What the debtor owes, net, in each claim currency: each claim's outstanding amount in
    its own currency, signed. Summed in one order, by id, whatever the ledger's order: a sum
    that rounds at the working precision then rounds alike every time."""
    nets: dict[str, Figure] = {}
    for line in sorted(lines, key=lambda line: line.claim.id):
        code = line.claim.currency
        net = nets.get(code, _zero(money(0, code).units))
        nets[code] = net + line.outstanding if line.sign > 0 else net - line.outstanding
    return nets


@owned
def net_history(
    book: Ledger, debtor: str, creditor: str, *, as_of: date | None = None, **choices: Any
) -> list[NetBalance]:
    """What ``debtor`` owes ``creditor`` after each change, oldest first: one balance on each
    day a claim between the two or a reduction of one is dated, up to ``as_of`` (today). The
    ``choices`` are :func:`net_balance`'s (``statuses``, ``currency``, ``convert_to``, ...).

    >>> import ledger as lg
    >>> from datetime import date
    >>> [(b.as_of.isoformat(), str(b.amount)) for b in net_history(
    ...     lg.example(), "TJ", "RU", as_of=date(2005, 1, 1))]
    [('2004-03-15', 'about 250000000 USD')]
    """
    day = day_asked(as_of)
    net_balance(book, debtor, creditor, as_of=day, **choices)  # every check, once
    pair = {debtor, creditor}
    claims = [c for c in book.claims(as_of=day) if {c.creditor, c.debtor} == pair]
    ids = {c.id for c in claims}
    days = {c.as_of for c in claims}
    days.update(s.as_of for s in book.settlements(as_of=day) if s.claim in ids)
    return [net_balance(book, debtor, creditor, as_of=d, **choices) for d in sorted(days)]


# -- positions ------------------------------------------------------------------------------

# Keyed by the id of an interned unit (units.intern_unit keeps each alive): an int lookup,
# where a Unit key costs pint's Python-level __hash__ and __eq__ on every claim.
_CURRENCY_OF_UNIT: dict[int, str] = {}


def _currency(unit: Unit) -> str:
    code = _CURRENCY_OF_UNIT.get(id(unit))
    if code is None:
        code = currency_of(unit)
        assert code is not None
        if intern_unit(unit) is unit:
            _CURRENCY_OF_UNIT[id(unit)] = code
    return code


@owned
def net_positions(
    book: Ledger,
    *,
    as_of: date | None = None,
    convert_to: str | None = None,
    rates: Ledger | Iterable[Rate] | None = None,
    statuses: str | Collection[str] | None = None,
    asserted_by: str | Collection[str] | None = None,
    via: str | None = None,
    max_age: MaxAge = None,
    progress: bool = False,
) -> dict[str, dict[str, Figure]]:
    """Every party's net position per currency, ``{party: {currency: figure}}``: positive for
    a net creditor. Exact positions sum to zero in every currency. ``convert_to`` converts each
    party's net in each currency once, at that currency's rate on the day, and adds them.
    ``progress=True`` shows a bar on stderr when netting takes over a second.

    The first call on a ledger makes its columns of claims (kept with the ledger, which never
    changes); every call then sums those columns, for any day, statuses and asserters.

    >>> import ledger as lg
    >>> from datetime import date
    >>> positions = net_positions(lg.example(), as_of=date(2004, 3, 15))
    >>> print(positions["RU"]["USD"], "|", positions["TJ"]["USD"])
    about 250000000 USD | about -250000000 USD
    """
    day = day_asked(as_of)
    book_asked(book)
    _known_parties(book, asserted_by)
    with steps("net_positions", len(book) + 1, shown=progress) as bar:
        held = _positions(book, day, statuses, asserted_by, bar)
        bar.advance(bar.total - bar.done)
    if convert_to is None:
        return held
    converted: dict[str, dict[str, Figure]] = {}
    for party, by_currency in held.items():
        total = _zero(money(0, convert_to).units)
        for figure in by_currency.values():  # one rate per currency: its net, converted once
            total = (
                total
                + convert(
                    figure,
                    convert_to,
                    rates=_rates_for(book, rates),
                    on=day,
                    via=via,
                    max_age=max_age,
                ).figure
            )
        converted[party] = {convert_to: total}
    return converted


def _positions(
    book: Ledger,
    day: date,
    statuses: str | Collection[str] | None,
    asserted_by: str | Collection[str] | None,
    bar: Steps | None = None,
) -> dict[str, dict[str, Figure]]:
    """Every party's net position in each currency of its claims, unconverted.

    The sums run over the ledger's columns (:class:`_Columns`, made once per ledger): whole
    numbers of the currency's smallest step, added at C speed, and one figure made per
    position. What they give is what adding the claims' figures gives, to the digit: the
    exact claims summed first, then every other claim's outstanding amount added in the
    order of their ids; a position whose running sum of figures would round, or would read
    otherwise (a term without a central value or a bound, rounded places, a sum that passes
    through zero), is left to the figures (:func:`~ledger.figures.sum_figures`)."""
    columns = book.derived("netting.columns", lambda book: _made(book, bar))
    counted = columns.counted(day, as_set(statuses), as_set(asserted_by))
    changed = columns.changed(day)
    totals = columns.totals if counted is None else columns.totals_of(counted)
    positions: dict[str, dict[str, Figure]] = defaultdict(dict)
    for group, (party, code) in enumerate(columns.groups):
        total = totals[group]
        terms = columns.columns[group]
        if counted is not None or (changed and columns.touched[group]):
            terms, joining = columns.rebuilt(group, counted, changed)
            if joining:
                total = _sum_exactly(joining if total is None else [total, *joining])
        scale = columns.scales[code]
        held = None if total is None else _total_figure(total, code)
        if terms and terms[0]:
            positions[party][code] = _position(held, terms, columns.units[code], scale)
        elif held is not None:
            positions[party][code] = held
    return {
        party: dict(sorted(by_currency.items())) for party, by_currency in sorted(positions.items())
    }


def _made(book: Ledger, bar: Steps | None) -> _Columns:
    """The ledger's columns, made with the cyclic collector off: they are many small objects
    and no cycles, and the collector would rescan the whole ledger again and again while
    they are made (as :func:`~ledger.book.load` does for the ledger itself)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _Columns(book, bar)
    finally:
        if was_enabled:
            gc.enable()


def _sum_exactly(numbers: list[Decimal]) -> Decimal:
    """The exact sum of numbers, written with the places of the one written with most
    (and at least as a whole number: ``3E+8`` is summed as ``300000000``).

    >>> _sum_exactly([Decimal("1.50"), Decimal("-2"), Decimal("3E+8")])
    Decimal('299999999.50')
    """
    with localcontext(_WIDE):
        return sum(numbers, _ZERO_SUM)


# Sums of exact amounts are made without rounding, whatever their digits (a sum is rounded
# once, at the end, to DIGITS digits by _total_figure): rounding would be a bug, so it stops.
_WIDE = Context(
    prec=MAX_PREC,
    Emax=MAX_EMAX,
    Emin=MIN_EMIN,
    traps=[Inexact, Rounded, InvalidOperation, Overflow],
)


def _decimal(number: int, scale: int, exponent: int) -> Decimal:
    """``number`` steps of ``10**scale`` as a Decimal written to ``exponent`` (>= scale,
    and a step of every term of the sum ``number`` is)."""
    return Decimal(number // 10 ** (exponent - scale)).scaleb(exponent, SUMS)


def _scaled(number: Decimal, scale: int) -> int:
    """A Decimal as a whole number of steps of ``10**scale`` (its exponent is >= scale)."""
    return int(number.scaleb(-scale, SUMS))


#: The largest number of steps a running sum of figures holds exactly (DIGITS digits):
#: a sum beyond it would round, and its position is left to the figures.
_MOST = 10**DIGITS

# One claim's part in a position, as whole steps of its currency: its outstanding amount's
# value, lower and upper bound (negated and swapped for the debtor) and their exponents,
# whether each end is included, whether approximate, the places it is written with, whether
# the columns can sum it (all three numbers present, no rounded places, no origin, the
# currency's one unit), the figure itself and whether it is subtracted.
_Term = tuple[int, int, int, int, int, int, bool, bool, bool, int, bool, Figure, bool]


# A figure's value, lower and upper bound and their exponents.
_Parts = tuple[Decimal, Decimal, Decimal, int, int, int]


def _parts(figure: Figure) -> _Parts | None:
    """A figure's numbers and their exponents (each read once), where the columns can sum
    it: all three numbers present, no rounded places, no origin; else None."""
    value, low, high = figure.magnitudes
    if (
        value is None
        or low is None
        or high is None
        or figure.places is not None
        or figure.origin is not None
    ):
        return None
    ev = _exponent(value)
    el = ev if low is value else _exponent(low)
    eh = ev if high is value else _exponent(high)
    return value, low, high, ev, el, eh


def _terms(figure: Figure, unit: Unit, scale: int) -> tuple[_Term, _Term]:
    """A claim's outstanding amount as a term of its creditor's position and of its
    debtor's (negated: each number's sign turned, the ends swapped)."""
    return _terms_of(figure, _parts(figure), unit, scale)


def _terms_of(figure: Figure, parts: _Parts | None, unit: Unit, scale: int) -> tuple[_Term, _Term]:
    """:func:`_terms` of a figure whose parts are read."""
    low_in, high_in = figure.low_inclusive, figure.high_inclusive
    if parts is None or figure.unit is not unit:
        return _unsummed(figure, low_in, high_in)
    value, low, high, ev, el, eh = parts
    least = min(ev, el, eh)
    if least < scale:
        return _unsummed(figure, low_in, high_in)
    v = _scaled(value, scale)
    lo = v if low is value else _scaled(low, scale)
    hi = v if high is value else _scaled(high, scale)
    approximate = figure.approximate
    return (
        (v, lo, hi, ev, el, eh, low_in, high_in, approximate, -least, True, figure, False),
        (-v, -hi, -lo, ev, eh, el, high_in, low_in, approximate, -least, True, figure, True),
    )


def _unsummed(figure: Figure, low_in: bool, high_in: bool) -> tuple[_Term, _Term]:
    """Terms the columns leave to the figures (their position is summed by ``+``)."""
    return (
        (0, 0, 0, 0, 0, 0, low_in, high_in, False, 0, False, figure, False),
        (0, 0, 0, 0, 0, 0, high_in, low_in, False, 0, False, figure, True),
    )


def _exponent(x: Decimal) -> int:
    """The exponent of a finite number: ``1.50`` has -2. The last one found is tried first
    (a quick test): the amounts of a ledger are mostly written alike."""
    global _LAST_EXPONENT
    quantum, exponent = _LAST_EXPONENT
    if x.same_quantum(quantum):
        return exponent
    exponent = int(x.as_tuple().exponent)
    _LAST_EXPONENT = (Decimal((0, (1,), exponent)), exponent)
    return exponent


_LAST_EXPONENT = (Decimal("0.01"), -2)


def _position(held: Figure | None, columns: list[Sequence[Any]], unit: Unit, scale: int) -> Figure:
    """``held`` (the exact claims' sum, if any) plus the terms (their columns: :data:`_Term`
    transposed) added in their order, as ``held + sum_figures(terms)`` gives it."""
    if len(columns[0]) == 1:
        alone: Figure = columns[11][0]
        figure = -alone if columns[12][0] else alone
        return figure if held is None else held + figure
    made = _summed(columns, scale) if all(columns[10]) else None
    if made is None:
        figure = sum_figures(columns[11], negated=columns[12])
        return figure if held is None else held + figure
    approximate = any(columns[8])
    low_in, high_in = all(columns[6]), all(columns[7])
    if held is not None:
        joined = _joined(held, made, approximate)
        if joined is None:
            return held + _figure(unit, made, low_in, high_in, approximate)
        made = joined
    return _figure(unit, made, low_in, high_in, approximate)


def _joined(
    held: Figure, made: tuple[Decimal, Decimal, Decimal, int | None], approximate: bool
) -> tuple[Decimal, Decimal, Decimal, int | None] | None:
    """What ``held + figure`` gives (``held`` an exact amount, ``figure`` the parts made),
    or None where it is not exact: each number the exact sum, and the places the figure
    keeps (those it was rounded to or, approximate, written with) if the sum shows more:
    the rule of ``Figure.__add__``."""
    amount = held.exact_magnitude
    if amount is None:
        return None
    value, low, high, places = made
    parts = [x if x else _ZERO_SUM for x in (value, low, high)]  # a figure's zero is 0
    try:
        total = [EXACT.add(amount, x) for x in parts]
    except Inexact:
        return None
    if places is None and not approximate:
        return total[0], total[1], total[2], None
    limit = places if places is not None else _places_written(parts)
    return total[0], total[1], total[2], None if limit >= _places_written(total) else limit


_ZERO_SUM = Decimal(0)


def _places_written(parts: list[Decimal]) -> int:
    """The decimal places the numbers are written with (``250.5`` has 1, ``3E+8`` has -8)."""
    return max(-_exponent(x) for x in parts)


def _figure(
    unit: Unit,
    made: tuple[Decimal, Decimal, Decimal, int | None],
    low_inclusive: bool,
    high_inclusive: bool,
    approximate: bool,
) -> Figure:
    """A figure of the parts made (one amount where its three numbers are one)."""
    value, low, high, places = made
    quantity = ureg.Quantity
    if low.as_tuple() == value.as_tuple() == high.as_tuple():
        return Figure(quantity(value, unit), approximate=approximate, places=places)
    return Figure(
        quantity(value, unit),
        low=quantity(low, unit),
        high=quantity(high, unit),
        low_inclusive=low_inclusive,
        high_inclusive=high_inclusive,
        approximate=approximate,
        places=places,
    )


def _summed(
    columns: list[Sequence[Any]], scale: int
) -> tuple[Decimal, Decimal, Decimal, int | None] | None:
    """The sums of values, lower and upper bounds, and the places the sum keeps, where a
    running sum of the figures takes each step exactly and never passes through a zero that
    changes how it is written; else None."""
    parts = []
    # Whether a running sum may outgrow DIGITS digits: not when every term is below
    # 10**LARGEST and there are few enough of them (the common case: nothing to look at).
    bounded = LARGEST - scale + len(str(len(columns[0]))) <= DIGITS
    for whole, exponents in zip(columns[0:3], columns[3:6], strict=True):
        running = list(accumulate(whole))
        if not bounded and (max(running) >= _MOST or min(running) <= -_MOST):
            return None
        if _cancels(exponents, running):
            return None
        parts.append(_decimal(running[-1], scale, min(exponents)))
    approx, places = columns[8], columns[9]
    least = None
    if any(approx):  # the fewest places of an approximate term, if the sum shows more
        fewest = min(compress(places, approx))
        least = None if fewest >= max(places) else fewest
    return parts[0], parts[1], parts[2], least


def _cancels(exponents: Sequence[int], running: list[int]) -> bool:
    """Whether a running sum passes through a zero that changes how it is written: a
    running sum of figures writes a zero afresh (``0``, no places), so the terms before it no
    longer count for the places of the sum, unless they had none either."""
    if all(islice(running, 1, None)):
        return False  # the common case, at C speed
    least = 0
    for k, (exponent, total) in enumerate(zip(exponents, running, strict=True)):
        least = exponent if k == 0 else min(least, exponent)
        if k and not total and least != 0:
            return True
    return False


_DAY_OF = attrgetter("as_of")


class _Columns:
    """A ledger's claims as netting reads them, made once per ledger (it never changes).
    For each party and currency: the exact amounts of its claims that no settlement
    touches, signed, in whole steps of the currency (the smallest one its amounts are
    written with); the parts of every other claim's outstanding amount, in the order of
    their ids. Which of them count on a day, of which statuses and asserters, is asked of
    the columns of dates, statuses and asserters."""

    def __init__(self, book: Ledger, bar: Steps | None = None) -> None:
        # A claim is known by its place among the ledger's entries (no list of its own).
        self.entries = entries = book.entries
        claims: list[Claim] = []
        places: list[int] = []
        paid: dict[str, list[Settlement]] = defaultdict(list)
        for start in range(0, len(entries), _STRETCH):
            if bar is not None and start:
                bar.advance(_STRETCH)
            for place, entry in enumerate(entries[start : start + _STRETCH], start):
                if type(entry) is Claim:
                    claims.append(entry)
                    places.append(place)
                elif type(entry) is Settlement:
                    paid[entry.claim].append(entry)
        self.latest = max(map(_DAY_OF, claims), default=date.min)
        self.units: dict[str, Unit] = {}
        self.scales: dict[str, int] = {}
        self.groups: list[tuple[str, str]] = []
        self._index: dict[tuple[str, str], int] = {}  # each group's number
        # The exact claims no settlement touches, in id order: the numbers of each one's
        # creditor's group and its debtor's, and its place (machine words, not a Python int
        # each); and each group's sum of their amounts.
        self.creditors: Sequence[int] = array("H")
        self.debtors: Sequence[int] = array("H")
        self.rows: Sequence[int] = array("i")
        self.totals: list[Decimal | None] = []
        # The settlements of each claim that has any, by date.
        self.paid: dict[int, list[Settlement]] = {}
        self._outstanding: dict[tuple[int, int], Figure] = {}
        slow, figures = self._read(claims, places, paid)
        scales = self.scales
        # Each group's terms, transposed (a column of values, one of lower bounds, ...), and
        # the claims they are of.
        self.columns: list[list[Sequence[Any]]] = []
        self.slow: list[Sequence[int]] = []
        self.touched: list[bool] = []
        both: dict[int, tuple[_Term, _Term]] = {}  # each claim's, as creditor and as debtor
        for group, found in enumerate(slow):
            found.sort()  # one order, by id (a claim is once in a group), as in net_balance
            code = self.groups[group][1]
            unit, scale = self.units[code], scales[code]
            terms = []
            for _, j, minus in found:
                pair = both.get(j)
                if pair is None:
                    pair = both[j] = _terms_of(*figures[j], unit, scale)
                terms.append(pair[minus])
            rows = _packed([j for _, j, _ in found], "i")
            self.slow.append(rows)
            made = list(map(_column, range(13), zip(*terms, strict=True)))
            if made:
                made[_FIGURE] = _Figures(self, rows)  # made again when asked: not kept
            self.columns.append(made)
            self.touched.append(any(j in self.paid for _, j, _ in found))
        self.paid_latest = max((paid[-1].as_of for paid in self.paid.values()), default=date.min)

    def _read(
        self, claims: list[Claim], places: list[int], paid: dict[str, list[Settlement]]
    ) -> tuple[list[list[tuple[str, int, bool]]], dict[int, tuple[Figure, _Parts | None]]]:
        """One pass over the claims: each one's groups (party and currency), its exact amount
        (added to its groups' sums, exactly) or its outstanding figure, the smallest step of
        each currency the figures are written with."""
        index: dict[tuple[str, int], int] = {}  # each group's number, by party and unit
        slow: list[list[tuple[str, int, bool]]] = []
        figures: dict[int, tuple[Figure, _Parts | None]] = {}
        creditors, debtors, rows = [], [], []
        totals = self.totals
        zero_statuses = ZERO_STATUSES
        with localcontext(_WIDE):  # every sum exact, whatever its digits
            for j, claim in zip(places, claims, strict=True):
                amount = claim.amount
                unit = id(amount.unit)
                creditor = index.get((claim.creditor, unit))
                if creditor is None:
                    creditor = self._group(index, claim.creditor, amount.unit, slow)
                debtor = index.get((claim.debtor, unit))
                if debtor is None:
                    debtor = self._group(index, claim.debtor, amount.unit, slow)
                value = amount.exact_magnitude
                if value is None or claim.status in zero_statuses or claim.id in paid:
                    code = self.groups[creditor][1]
                    figures[j] = self._figure(j, claim, code, paid.get(claim.id))
                    slow[creditor].append((claim.id, j, False))
                    slow[debtor].append((claim.id, j, True))
                    continue
                creditors.append(creditor)
                debtors.append(debtor)
                rows.append(j)
                totals[creditor] += value
                totals[debtor] -= value
        self.creditors, self.debtors = _packed(creditors, "H", "i"), _packed(debtors, "H", "i")
        self.rows = _packed(rows, "i")
        seen = self._seen(self.creditors, self.debtors, None)
        self.totals = [total if found else None for total, found in zip(totals, seen, strict=True)]
        return slow, figures

    def _seen(
        self, creditors: Iterable[int], debtors: Iterable[int], kept: Iterable[bool] | None
    ) -> list[bool]:
        """Whether each group has a part in the exact claims (those ``kept`` only)."""
        seen = [False] * len(self.groups)
        if kept is not None:
            creditors, debtors = compress(creditors, kept), compress(debtors, kept)
        for group in chain(creditors, debtors):
            seen[group] = True
        return seen

    def totals_of(self, counted: list[bool]) -> list[Decimal | None]:
        """Each group's sum of the exact claims that count (None where none does)."""
        kept = list(map(counted.__getitem__, self.rows))
        totals = [_ZERO_SUM] * len(self.groups)
        entries = self.entries
        with localcontext(_WIDE):
            for j, creditor, debtor in compress(
                zip(self.rows, self.creditors, self.debtors, strict=True), kept
            ):
                value = entries[j].amount.exact_magnitude  # type: ignore[attr-defined]
                totals[creditor] += value
                totals[debtor] -= value
        seen = self._seen(self.creditors, self.debtors, kept)
        return [total if found else None for total, found in zip(totals, seen, strict=True)]

    def _group(
        self,
        index: dict[tuple[str, int], int],
        party: str,
        unit: Unit,
        slow: list[list[tuple[str, int, bool]]],
    ) -> int:
        """The group of ``party`` in the currency of ``unit`` (made if new): its number. Two
        objects of one unit (not interned) share the currency's groups."""
        code = _currency(unit)
        if code not in self.units:
            self.units[code], self.scales[code] = unit, 0
        key = (party, code)
        group = self._index.get(key)
        if group is None:
            group = self._index[key] = len(self.groups)
            self.groups.append(key)
            slow.append([])
            self.totals.append(_ZERO_SUM)
        index[party, id(unit)] = group
        return group

    def _figure(
        self, j: int, claim: Claim, code: str, settlements: list[Settlement] | None
    ) -> tuple[Figure, _Parts | None]:
        """What is outstanding of a claim the figures count (not exact, settled, written
        off or reduced by settlements), once every settlement counts, and its parts."""
        if settlements and claim.status not in ZERO_STATUSES:
            ordered = self.paid[j] = sorted(settlements, key=_DAY_OF)
            for settlement in ordered:
                self._note(code, settlement.amount)
            figure = self.outstanding(j, len(ordered))
        elif claim.status in ZERO_STATUSES:
            figure = _zero(claim.amount.unit)
        else:
            figure = _clamped(claim.amount)  # what _outstanding gives with no settlement
        parts = _parts(figure)
        if parts is None:
            self._note(code, figure)
        else:
            least = min(parts[3], parts[4], parts[5])
            if least < self.scales[code]:
                self.scales[code] = least
        return figure, parts

    def _note(self, code: str, figure: Figure) -> None:
        """The currency's step made as small as the figure's numbers are written with."""
        value, low, high = figure.magnitudes
        for x in (value, low, high) if low is not value or high is not value else (value,):
            if x is not None:
                exponent = _exponent(x)
                if exponent < self.scales[code]:
                    self.scales[code] = exponent

    # Each entry's day (as a day number: 4 bytes, not a pointer and an object), status and
    # asserter, by its place: read for the claims only, asked only of filtered calls.
    @cached_property
    def days(self) -> Sequence[int]:
        return _packed([getattr(e, "as_of", date.min).toordinal() for e in self.entries], "i")

    @cached_property
    def statuses(self) -> list[str | None]:
        return [getattr(entry, "status", None) for entry in self.entries]

    @cached_property
    def asserters(self) -> list[str | None]:
        return [getattr(entry, "asserted_by", None) for entry in self.entries]

    def claim(self, j: int) -> Claim:
        """The claim at place ``j`` among the ledger's entries."""
        return cast(Claim, self.entries[j])

    def outstanding(self, j: int, count: int) -> Figure:
        """Claim ``j`` less the first ``count`` of its settlements by date (made once)."""
        left = self._outstanding.get((j, count))
        if left is None:
            counted = self.paid[j][:count] if count else ()
            left = self._outstanding[j, count] = _outstanding(self.claim(j), counted)
        return left

    def counted(
        self, day: date, statuses: Collection[str] | None, asserters: Collection[str] | None
    ) -> list[bool] | None:
        """Whether each claim counts (dated on or before ``day``, of the statuses and
        asserters asked), by its place among the entries; None when every one does."""
        if statuses is None and asserters is None and day >= self.latest:
            return None
        last = day.toordinal()
        if statuses is None and asserters is None:
            return [d <= last for d in self.days]
        return [
            d <= last
            and (statuses is None or s in statuses)
            and (asserters is None or a in asserters)
            for d, s, a in zip(self.days, self.statuses, self.asserters, strict=True)
        ]

    def changed(self, day: date) -> dict[int, int]:
        """The claims some of whose settlements are dated after ``day``: how many count."""
        if day >= self.paid_latest:
            return {}
        found = {}
        for j, paid in self.paid.items():
            count = bisect_right(paid, day, key=_DAY_OF)
            if count < len(paid):
                found[j] = count
        return found

    def figure(self, j: int) -> Figure:
        """What is outstanding of claim ``j`` once every settlement counts (as
        :meth:`_figure` made it when the columns were made)."""
        paid = self.paid.get(j)
        if paid is not None:
            return self.outstanding(j, len(paid))
        claim = self.claim(j)
        if claim.status in ZERO_STATUSES:
            return _zero(claim.amount.unit)
        return _clamped(claim.amount)

    def rebuilt(
        self, group: int, counted: list[bool] | None, changed: dict[int, int]
    ) -> tuple[list[Sequence[Any]], list[Decimal]]:
        """A group's columns on a day before some of their settlements, or of some claims
        only; and the exact amounts (signed) of the claims none of whose settlements count
        yet, which join the exact claims' sum."""
        rows, columns = self.slow[group], self.columns[group]
        joining: list[Decimal] = []
        if not rows:
            return [], joining
        kept = [True] * len(rows) if counted is None else list(map(counted.__getitem__, rows))
        redone: dict[int, _Term] = {}  # by place in the group: the claim's term on the day
        if changed and self.touched[group]:
            code = self.groups[group][1]
            unit, scale = self.units[code], self.scales[code]
            for k, j in enumerate(rows):
                count = changed.get(j)
                if count is None or not kept[k]:
                    continue
                minus = columns[12][k]
                value = self.claim(j).amount.exact_magnitude
                if count == 0 and value is not None:
                    joining.append(value.copy_negate() if minus else value)
                    kept[k] = False
                    continue
                redone[k] = _terms(self.outstanding(j, count), unit, scale)[minus]
        chosen: list[Sequence[Any]]
        if not redone:  # the common case: columns chosen from at C speed
            chosen = [
                _Figures(self, _packed(list(compress(rows, kept)), "i"))
                if index == _FIGURE
                else list(compress(column, kept))
                for index, column in enumerate(columns)
            ]
            return chosen, joining
        order = [k for k in range(len(rows)) if kept[k]]
        chosen = [
            [redone[k][index] if k in redone else column[k] for k in order]
            for index, column in enumerate(columns)
            if index != _FIGURE
        ]
        figure = self.figure
        chosen.insert(
            _FIGURE, [redone[k][_FIGURE] if k in redone else figure(rows[k]) for k in order]
        )
        return chosen, joining


class _Figures(Sequence[Figure]):
    """The figures of a group's terms, made when asked from the claims they are of (kept,
    they would cost a pointer a term; they are read only where the columns cannot sum)."""

    __slots__ = ("_columns", "_rows")

    def __init__(self, columns: _Columns, rows: Sequence[int]) -> None:
        self._columns, self._rows = columns, rows

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, k: Any) -> Any:
        if isinstance(k, slice):
            return [self._columns.figure(j) for j in self._rows[k]]
        return self._columns.figure(self._rows[k])

    def __iter__(self) -> Iterator[Figure]:
        return map(self._columns.figure, self._rows)


# Claims netted between two looks at the progress bar.
_STRETCH = 1 << 16


def _column(index: int, parts: tuple[Any, ...]) -> Sequence[Any]:
    """A column of terms (:data:`_Term`) as netting keeps it: numbers as 64-bit words where
    they fit, marks as bytes, figures as they are."""
    if index in _MARKS:
        return array("b", parts)
    if index in _SMALL:
        return _packed(list(parts), "b", "h")
    return parts if index == _FIGURE else _packed(list(parts))


# Which columns of a term are marks (yes or no), which are exponents and places (small
# numbers, mostly), and which holds the figure.
_MARKS = frozenset({6, 7, 8, 10, 12})
_SMALL = frozenset({3, 4, 5, 9})
_FIGURE = 11


def _packed(numbers: list[int], *codes: str) -> Sequence[int]:
    """Whole numbers as an array of machine words (64 bits, or the first of the array
    ``codes`` whose size holds each) where they fit (sums, slices and reads are the same),
    else the list itself.

    >>> _packed([1, -2, 3])
    array('q', [1, -2, 3])
    >>> _packed([1, -2, 300], "b", "h")
    array('h', [1, -2, 300])
    >>> _packed([1, 2**70])
    [1, 1180591620717411303424]
    """
    for code in codes or ("q",):
        try:
            return array(code, numbers)
        except OverflowError:
            continue
    return numbers


def _total_figure(total: Decimal, code: str) -> Figure:
    """An exact sum as a figure: itself, or rounded outwards when it has too many digits."""
    value, low, high, fits = rounded_total(total)
    if fits:
        return Figure.of(money(value, code))
    return Figure(
        money(value, code),
        low=money(low, code),
        high=money(high, code),
        approximate=True,
        places=DIGITS - 1 - value.adjusted(),
    )


# -- settlement -----------------------------------------------------------------------------


@owned
def settle(
    book: Ledger,
    *,
    as_of: date | None = None,
    convert_to: str | None = None,
    rates: Ledger | Iterable[Rate] | None = None,
    statuses: str | Collection[str] | None = None,
    asserted_by: str | Collection[str] | None = None,
    via: str | None = None,
    max_age: MaxAge = None,
    progress: bool = False,
) -> Transfers:
    """Transfers that bring every position to zero, per currency: at most n - 1 of them for n
    parties with a non-zero position (largest debtor pays largest creditor first).

    Positions are settled on their central values; a position with bounds only (a "more
    than" claim) has none and is refused. An approximate position gives approximate transfers.
    ``progress=True`` shows a bar on stderr while netting takes over a second.

    >>> import ledger as lg
    >>> from datetime import date
    >>> [str(t) for t in settle(lg.example(), as_of=date(2004, 3, 15))]
    ['TJ pays RU about 250000000 USD']
    """
    positions = net_positions(
        book,
        as_of=as_of,
        convert_to=convert_to,
        rates=rates,
        statuses=statuses,
        asserted_by=asserted_by,
        via=via,
        max_age=max_age,
        progress=progress,
    )
    by_currency: dict[str, list[tuple[str, Decimal, bool]]] = defaultdict(list)
    justified: dict[str, list[int]] = defaultdict(list)
    for party, held in positions.items():
        for code, figure in held.items():
            value = figure.magnitudes[0]
            if value is None:
                refused = FigureError(
                    f"{party}'s position in {code} is {figure}: it has no central value, so no "
                    "transfer can settle it; settle needs claims with an amount, not only bounds"
                )
                refused.reason = (
                    "no central value",
                    {"party": party, "currency": code, "figure": figure},
                )
                raise refused
            by_currency[code].append((party, value, figure.approximate))
            if figure.places is not None:
                justified[code].append(figure.places)
    transfers = Transfers()
    transfers.names = book.parties
    for code, rows in sorted(by_currency.items()):
        transfers.extend(_transfers_in(code, rows, min(justified[code], default=None)))
    return transfers


def _transfers_in(
    code: str, rows: list[tuple[str, Decimal, bool]], places: int | None
) -> list[Transfer]:
    """Largest debtor pays largest creditor, in one currency: each transfer clears at least
    one party, so there are at most n - 1 of them."""
    approximate = any(approx for _, _, approx in rows)
    unit = money(0, code).units
    creditors = sorted(((v, p) for p, v, _ in rows if v > 0), key=lambda r: (-r[0], r[1]))
    debtors = sorted(((-v, p) for p, v, _ in rows if v < 0), key=lambda r: (-r[0], r[1]))
    due = [amount for amount, _ in creditors]
    owes = [amount for amount, _ in debtors]
    transfers = []
    i = j = 0
    while i < len(debtors) and j < len(creditors):
        paid = min(owes[i], due[j])
        figure = Figure(ureg.Quantity(paid, unit), approximate=approximate, places=places)
        transfers.append(Transfer(debtors[i][1], creditors[j][1], figure))
        owes[i] -= paid
        due[j] -= paid
        if owes[i] == 0:
            i += 1
        if due[j] == 0:
            j += 1
    return transfers
