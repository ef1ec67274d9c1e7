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

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING, Any

from .arithmetic import DIGITS, SUMS, owned, rounded_total
from .book import Ledger, as_set, book_asked, day_asked, party_asked
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


def _settlements(book: Ledger, day: date) -> dict[str, list[Settlement]]:
    found: dict[str, list[Settlement]] = defaultdict(list)
    for settlement in book.settlements(as_of=day):
        found[settlement.claim].append(settlement)
    return found


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
    parties: set[str] = set(book.parties)  # a party the ledger names is known, claims or not
    speakers: set[str] = set()
    for claim in book.claims():
        parties.update((claim.creditor, claim.debtor))
        speakers.add(claim.asserted_by)
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
    pair = {debtor, creditor}
    held = sorted({c.currency for c in book.claims() if {c.creditor, c.debtor} == pair})
    if held and currency not in held:
        raise LedgerError(
            f"currency {currency}: no claim between {debtor} and {creditor} is in {currency}; "
            f"their claims are in {', '.join(held)}"
        )


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
    Claims in two currencies with neither are refused: they are never added.
    """
    day = day_asked(as_of)
    book_asked(book)
    debtor, creditor = party_asked(debtor, "debtor"), party_asked(creditor, "creditor")
    if debtor == creditor:
        raise LedgerError(
            f"debtor and creditor are both {debtor!r}; a balance is between two parties"
        )
    _known_parties(book, asserted_by, debtor=debtor, creditor=creditor)
    if currency is not None:
        _currency_between(book, check_currency(currency), debtor, creditor)
    settled = _settlements(book, day)
    pair = {debtor, creditor}
    claims = [
        c for c in _claims(book, day, statuses, asserted_by) if {c.creditor, c.debtor} == pair
    ]
    if currency is not None:
        claims = [c for c in claims if c.currency == currency]
    currencies = sorted({c.currency for c in claims})
    if convert_to is None and len(currencies) > 1:
        raise UnitMismatchError(
            f"claims between {debtor} and {creditor} are in {', '.join(currencies)}; amounts "
            "in two currencies are never added: pass currency='...' to net one of them, or "
            "convert_to='...' with dated rates"
        )
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
        reductions = tuple(settled.get(claim.id, ()))
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
    """Every party's net position in each currency of its claims, unconverted."""
    settled = _settlements(book, day)
    exact, slow = _exact_sums(book, day, as_set(statuses), as_set(asserted_by), None, settled, bar)
    terms: dict[tuple[str, str], tuple[list[Figure], list[bool]]] = {}
    for claim in sorted(slow, key=lambda claim: claim.id):  # one order, as in net_balance
        counted = _outstanding(claim, settled.get(claim.id, ()))
        code = _currency(counted.unit)
        for party, minus in ((claim.creditor, False), (claim.debtor, True)):
            kept = terms.get((party, code))
            if kept is None:
                kept = terms[party, code] = ([], [])
            kept[0].append(counted)
            kept[1].append(minus)
    positions: dict[str, dict[str, Figure]] = defaultdict(dict)
    for (party, code), total in exact.items():
        positions[party][code] = _total_figure(total, code)
    for (party, code), (figures, negated) in terms.items():
        # What adding them one by one, in this order, gives (the debtor's negated).
        figure = sum_figures(figures, negated=negated)
        held = positions[party].get(code)
        positions[party][code] = figure if held is None else held + figure
    return {
        party: dict(sorted(by_currency.items())) for party, by_currency in sorted(positions.items())
    }


def _exact_sums(
    book: Ledger,
    day: date,
    statuses: Collection[str] | None,
    asserters: Collection[str] | None,
    convert_to: str | None,
    settled: dict[str, list[Settlement]],
    bar: Steps | None = None,
) -> tuple[dict[tuple[str, str], Decimal], list[Claim]]:
    """The hot loop of the library (see benchmarks/bench_netting.py): plain Decimal sums for
    exact, untouched claims, by (party, currency); every other claim is left for the figure
    way, in the list returned."""
    exact: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    slow: list[Claim] = []
    zero_statuses = ZERO_STATUSES
    currency_by_unit = _CURRENCY_OF_UNIT
    everything = statuses is None and asserters is None
    claim_type = Claim
    entries = book.entries
    with localcontext(SUMS):  # exact for any sum of amounts inside the limits
        for start in range(0, len(entries), _STRETCH):
            if bar is not None and start:
                bar.advance(_STRETCH)
            for claim in entries[start : start + _STRETCH]:
                if type(claim) is not claim_type or claim.as_of > day:
                    continue
                if not everything and (
                    (statuses is not None and claim.status not in statuses)
                    or (asserters is not None and claim.asserted_by not in asserters)
                ):
                    continue
                amount = claim.amount
                value = amount.exact_magnitude
                if (
                    value is None
                    or convert_to is not None
                    or claim.status in zero_statuses
                    or (settled and claim.id in settled)
                ):
                    slow.append(claim)
                    continue
                unit = amount.unit
                code = currency_by_unit.get(id(unit)) or _currency(unit)
                exact[claim.creditor, code] += value
                exact[claim.debtor, code] -= value
    return exact, slow


# Claims netted between two looks at the progress bar.
_STRETCH = 1 << 16


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
