"""Hypothesis strategies for amounts, figures, entries and ledgers.

The same generators the project's own property tests use, for users to test their code with::

    from hypothesis import given
    from ledger import strategies as st_ledger

    @given(st_ledger.figures(kind="stock", currency="USD"))
    def test_my_report(figure): ...

Every number is an exact ``Decimal`` with at most two decimal places, bounded, never NaN.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING, Any, Literal

try:
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - depends on the environment
    raise ImportError(
        "ledger.strategies needs hypothesis: python -m pip install 'debt-ledger[test]'"
    ) from None

from .arithmetic import CONTEXT, DIGITS
from .errors import LedgerError
from .figures import QUALIFIERS, Figure
from .units import (
    CURRENCIES,
    TIME_UNITS,
    Quantity,
    currency_of,
    make_quantity,
    money,
    quantity,
    ureg,
)

if TYPE_CHECKING:
    from .book import Ledger
    from .entries import EntryBase, Source

__all__ = [
    "amounts",
    "currencies",
    "entries",
    "figures",
    "ledgers",
    "parties",
    "points",
    "quantities",
    "sources",
]

Kind = Literal["stock", "flow", "count", "pure"]

#: A handful of currencies that matter to the seed, then the rest of CLDR's list.
_COMMON = ("USD", "RUB", "TJS", "KZT", "EUR")


def currencies() -> st.SearchStrategy[str]:
    """ISO 4217 codes known to CLDR, the common ones first (so they shrink towards USD)."""
    rest = sorted(CURRENCIES - set(_COMMON))
    return st.sampled_from([*_COMMON, *rest])


def amounts(
    *, min_value: int = 0, max_value: int = 10**12, places: int = 2
) -> st.SearchStrategy[Decimal]:
    """Exact decimals between the bounds with at most ``places`` decimal places."""

    @st.composite
    def build(draw: Any) -> Decimal:
        p = draw(st.integers(0, places))
        n = draw(st.integers(min_value * 10**p, max_value * 10**p))
        return Decimal(n).scaleb(-p)

    return build()


def _unit_for(kind: Kind, currency: str, per: str) -> str:
    return {"stock": currency, "flow": f"{currency}/{per}", "count": "person", "pure": ""}[kind]


def quantities(
    kind: Kind = "stock",
    currency: str | st.SearchStrategy[str] | None = None,
    *,
    per: str | None = None,
    min_value: int = 0,
    max_value: int = 10**12,
) -> st.SearchStrategy[Quantity]:
    """Quantities of one kind: ``stock`` (a currency), ``flow`` (currency per period),
    ``count`` (persons) or ``pure`` (a number)."""
    if kind not in ("stock", "flow", "count", "pure"):
        raise ValueError(f"kind {kind!r}: accepted 'stock', 'flow', 'count', 'pure'")
    codes = (
        currencies()
        if currency is None
        else (st.just(currency) if isinstance(currency, str) else currency)
    )
    periods = st.just(per) if per else st.sampled_from(list(TIME_UNITS))
    places = 0 if kind == "count" else 2

    @st.composite
    def build(draw: Any) -> Quantity:
        magnitude = draw(amounts(min_value=min_value, max_value=max_value, places=places))
        code, period = draw(codes), draw(periods)
        if kind in ("stock", "flow"):
            return money(magnitude, code, per=period if kind == "flow" else None)
        return quantity(f"{magnitude} {_unit_for(kind, code, period)}")

    return build()


def figures(
    kind: Kind = "stock",
    currency: str | st.SearchStrategy[str] | None = None,
    *,
    per: str | None = "year",
    qualifiers: tuple[str, ...] | None = None,
    min_value: int = 0,
    max_value: int = 10**12,
    computed: bool = True,
) -> st.SearchStrategy[Figure]:
    """Figures of every shape the sources use: exact, about, estimated, one-sided, ranges.

    All parts of one figure share a unit; ``currency`` fixes it (a code or a strategy). With
    ``computed=True`` (the default) some figures are also what arithmetic makes of them: a
    central value with one bound, a quotient Decimal cannot hold (rounded outwards, with its
    digits), a flow in another period, and amounts near the limits of the library (up to 29
    whole digits, up to 30 decimal places). No figure goes below ``min_value``.
    """
    words = qualifiers or QUALIFIERS
    codes = (
        currencies()
        if currency is None
        else (st.just(currency) if isinstance(currency, str) else currency)
    )

    @st.composite
    def build(draw: Any) -> Figure:
        code = draw(codes)
        word = draw(st.sampled_from(words))
        values = quantities(kind, code, per=per, min_value=min_value, max_value=max_value)
        first = draw(values)
        if word != "range":
            figure = Figure.of(first, word)
        else:
            second = draw(values)
            low, high = sorted([first, second], key=lambda q: q.magnitude)
            open_low, open_high = (
                (False, False) if low == high else (draw(st.booleans()), draw(st.booleans()))
            )
            figure = Figure.range(
                low,
                high,
                approximate=draw(st.booleans()),
                low_inclusive=not open_low,
                high_inclusive=not open_high,
            )
        if not computed:
            return figure
        made: Figure = draw(_computed(figure, kind, min_value))
        return made

    return build()


_COMPUTED = ("as_given", "rounded", "value_and_bound", "other_period", "extreme")


def _computed(figure: Figure, kind: Kind, min_value: int) -> st.SearchStrategy[Figure]:
    """``figure`` as arithmetic may have made it, never below ``min_value``."""

    @st.composite
    def build(draw: Any) -> Figure:
        how = draw(st.sampled_from(_COMPUTED))
        if how == "rounded" and min_value <= 0:
            divisor: int = draw(st.sampled_from([3, 7, 9, 11, 13]))
            return figure / divisor
        if how == "value_and_bound" and figure.value is not None and figure.low is not None:
            value = figure.value
            floor = max(Decimal(min_value), value.magnitude - draw(amounts(max_value=10**6)))
            return Figure(
                value,
                low=ureg.Quantity(floor, figure.unit),
                low_inclusive=draw(st.booleans()) or floor == value.magnitude,
                approximate=draw(st.booleans()),
            )
        if how == "other_period" and kind == "flow":
            code = currency_of(figure.unit)
            return figure.to(f"{code}/{draw(st.sampled_from(list(TIME_UNITS)))}")
        if how == "extreme":
            scale: Decimal = draw(st.sampled_from([Decimal("1e17"), Decimal("1e-28")]))
            try:
                return figure * scale
            except LedgerError:  # pragma: no cover - a product outside the limits
                return figure
        return figure

    return build()


def points(figure: Figure) -> st.SearchStrategy[Quantity]:
    """Amounts that lie inside a figure's bounds: its ends when they are included, and points
    between them (an absent bound reaches 10**13 beyond the other). A figure converted from
    another (:attr:`Figure.origin`) gives points of that one, in its unit: the exact truth."""
    if figure.origin is not None:
        return points(figure.origin)
    low, high = figure.low, figure.high
    span = Decimal(10) ** 13
    lo = (
        low.magnitude if low is not None else (high.magnitude - span if high is not None else -span)
    )
    hi = high.magnitude if high is not None else lo + span

    @st.composite
    def build(draw: Any) -> Quantity:
        k = draw(st.integers(0, 1000))
        # Exact whatever the caller's context: a point of a tight 60-digit interval needs
        # every digit.
        with localcontext(prec=4 * DIGITS):
            between = [lo + (hi - lo) * k / 1000, lo + (hi - lo) / 2]
        # Points an amount can be: at most 60 digits (a point between two 60-digit bounds is
        # one rounded to 60 digits).
        for x in [*between, *(CONTEXT.plus(x) for x in between), lo, hi]:
            point = make_quantity(x.normalize(CONTEXT), figure.unit)
            if len(x.normalize(CONTEXT).as_tuple().digits) <= DIGITS and figure.contains(point):
                return point
        return make_quantity(lo, figure.unit)  # pragma: no cover - an open interval at 60 digits

    return build()


# -- entries and ledgers --------------------------------------------------------------------

#: Parties that shrink towards the seed's own.
PARTIES = ("RU", "TJ", "KZ", "UZ", "KG", "org:imf")
ALL_KINDS = ("claim", "remittance", "budget", "settlement", "rate")
_EPOCH = date(2000, 1, 1)


def parties(choices: tuple[str, ...] = PARTIES) -> st.SearchStrategy[str]:
    """Party codes: ISO 3166 alpha-2 states and an ``org:`` party."""
    return st.sampled_from(choices)


def dates(start: date = _EPOCH, days: int = 3650) -> st.SearchStrategy[date]:
    """Dates from ``start`` over ``days`` days."""
    return st.integers(0, days).map(lambda n: start + timedelta(days=n))


def sources() -> st.SearchStrategy[Source]:
    """Sources with a publisher, a title and a date (and sometimes a url)."""
    from .entries import Source

    return st.builds(
        Source,
        publisher=st.sampled_from(["RFE/RL", "IMF", "Ministry of Finance", "Asia-Plus"]),
        # No surrogates (Cs), so every title is valid UTF-8; naming codec="utf-8" as well cost
        # hypothesis 1.1 s on the first draw in a fresh folder.
        title=st.text(
            st.characters(exclude_categories=["Cs", "Cc"]), min_size=1, max_size=30
        ).filter(str.strip),
        date=dates(),
        url=st.none() | st.just("https://example.org/report"),
    )


_SHAPES = ("exact", "about", "estimated", "at_least", "more_than", "range")


def _figure(kind: Kind, currency: str, exact: bool) -> st.SearchStrategy[Figure]:
    return figures(
        kind,
        currency,
        qualifiers=("exact",) if exact else _SHAPES,
        max_value=10**9,
        computed=not exact,
    )


def entries(
    kind: str = "claim",
    *,
    currencies: tuple[str, ...] = ("USD", "RUB"),
    parties: tuple[str, ...] = PARTIES,
    exact: bool = False,
    id: str | st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[EntryBase]:
    """One valid entry of ``kind`` (claim, remittance, budget, rate; settlements and
    counterclaims need a ledger around them: see :func:`ledgers`)."""
    ids = (
        st.from_regex(r"[a-z][a-z0-9-]{0,11}", fullmatch=True)
        if id is None
        else (st.just(id) if isinstance(id, str) else id)
    )

    @st.composite
    def build(draw: Any) -> EntryBase:
        entry: EntryBase = _entry(draw, kind, draw(ids), currencies, parties, exact, [])
        return entry

    return build()


def _entry(
    draw: Any,
    kind: str,
    entry_id: str,
    currencies: tuple[str, ...],
    parties: tuple[str, ...],
    exact: bool,
    earlier: list[Any],
) -> Any:
    build = _ENTRY_BUILDERS.get(kind)
    if build is None:
        raise ValueError(f"kind {kind!r}: accepted {', '.join(ALL_KINDS)}")
    common = {
        "id": entry_id,
        "as_of": draw(dates()),
        "source": draw(sources()),
        "quote": draw(st.none() | st.just("the source's words")),
    }
    currency = draw(st.sampled_from(currencies))
    return build(draw, common, _Spec(currency, currencies, parties, exact, earlier))


@dataclass(frozen=True)
class _Spec:
    """What every entry builder is told: the currency drawn, the choices, what came before."""

    currency: str
    currencies: tuple[str, ...]
    parties: tuple[str, ...]
    exact: bool
    earlier: list[Any]


def _claim_entry(draw: Any, common: dict[str, Any], spec: _Spec) -> Any:
    from .entries import Claim

    creditor, debtor = draw(
        st.lists(st.sampled_from(spec.parties), min_size=2, max_size=2, unique=True)
    )
    answered = [
        c
        for c in spec.earlier
        if isinstance(c, Claim) and {c.creditor, c.debtor} == {creditor, debtor}
    ]
    counter_to = draw(st.none() | st.sampled_from([c.id for c in answered])) if answered else None
    return Claim(
        **common,
        creditor=creditor,
        debtor=debtor,
        amount=draw(_figure("stock", spec.currency, spec.exact)),
        asserted_by=draw(st.sampled_from([creditor, debtor])),
        status=draw(st.sampled_from(["asserted", "acknowledged", "disputed"])),
        counter_to=counter_to,
    )


def _remittance_entry(draw: Any, common: dict[str, Any], spec: _Spec) -> Any:
    from .entries import Remittance

    destination = draw(st.sampled_from(spec.parties))
    origin = draw(
        st.lists(
            st.sampled_from([p for p in spec.parties if p != destination]),
            min_size=1,
            max_size=2,
            unique=True,
        )
    )
    migrants = draw(
        st.none() | figures("count", qualifiers=("exact", "estimated"), max_value=10**7)
    )
    return Remittance(
        **common,
        origin=tuple(origin),
        destination=destination,
        amount=draw(_figure("flow", spec.currency, spec.exact)),
        migrants=migrants,
    )


def _budget_entry(draw: Any, common: dict[str, Any], spec: _Spec) -> Any:
    from .entries import Budget

    return Budget(
        **common,
        party=draw(st.sampled_from(spec.parties)),
        amount=draw(_figure("flow", spec.currency, spec.exact)),
        fiscal_year=draw(st.none() | st.integers(2000, 2010)),
    )


def _rate_entry(draw: Any, common: dict[str, Any], spec: _Spec) -> Any:
    from .entries import Rate

    base, quote_currency = draw(
        st.lists(
            st.sampled_from(sorted({*spec.currencies, "EUR"})), min_size=2, max_size=2, unique=True
        )
    )
    magnitude = draw(amounts(min_value=1, max_value=100, places=4))
    return Rate(**common, rate=quantity(f"{magnitude} {quote_currency}/{base}"))


def _settlement_entry(draw: Any, common: dict[str, Any], spec: _Spec) -> Any:
    from .entries import Claim, Settlement

    claims = [c for c in spec.earlier if isinstance(c, Claim)]
    claim = draw(st.sampled_from(claims))
    settled = sum(
        (
            s.amount.value.magnitude
            for s in spec.earlier
            if isinstance(s, Settlement) and s.claim == claim.id
        ),
        Decimal(0),
    )
    ceiling = claim.amount.high
    room = (ceiling.magnitude - settled) if ceiling is not None else Decimal(10**9)
    top = int(max(room, Decimal(0)))
    magnitude = draw(st.integers(0, top)) if top > 0 else 0
    return Settlement(
        **{
            **common,
            "as_of": common["as_of"] if common["as_of"] >= claim.as_of else claim.as_of,
        },
        claim=claim.id,
        amount=Figure.of(money(magnitude, claim.currency)),
        method=draw(st.sampled_from(["payment", "write_off", "asset_transfer", "debt_swap"])),
    )


_ENTRY_BUILDERS: dict[str, Any] = {
    "claim": _claim_entry,
    "remittance": _remittance_entry,
    "budget": _budget_entry,
    "rate": _rate_entry,
    "settlement": _settlement_entry,
}


def ledgers(
    *,
    min_entries: int = 0,
    max_entries: int = 12,
    kinds: tuple[str, ...] = ALL_KINDS,
    currencies: tuple[str, ...] = ("USD", "RUB"),
    parties: tuple[str, ...] = PARTIES,
    exact: bool = False,
) -> st.SearchStrategy[Ledger]:
    """Valid ledgers: unique ids, counterclaims that answer a claim between the same parties,
    settlements in their claim's currency that never exceed it. ``exact=True`` makes every
    amount exact (for laws such as "positions sum to zero")."""
    from .book import Ledger

    @st.composite
    def build(draw: Any) -> Ledger:
        count = draw(st.integers(min_entries, max_entries))
        made: list[Any] = []
        for index in range(count):
            kind = draw(st.sampled_from(kinds))
            if kind == "settlement" and not any(getattr(e, "kind", "") == "claim" for e in made):
                kind = "claim" if "claim" in kinds else kinds[0]
                if kind == "settlement":
                    continue
            made.append(_entry(draw, kind, f"{kind}-{index}", currencies, parties, exact, made))
        return Ledger(made, title=draw(st.none() | st.just("generated")))

    return build()
