"""Hypothesis strategies for amounts, figures, entries and ledgers.

The same generators the project's own property tests use, for users to test their code with::

    from hypothesis import given
    from ledger import strategies as st_ledger

    @given(st_ledger.figures(kind="stock", currency="USD"))
    def test_my_report(figure): ...

Every number is an exact ``Decimal`` with at most two decimal places, bounded, never NaN.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from hypothesis import strategies as st

from .figures import Figure
from .units import CURRENCIES, TIME_UNITS, Quantity, money, quantity, ureg

__all__ = ["amounts", "currencies", "figures", "points", "quantities"]

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
) -> st.SearchStrategy[Figure]:
    """Figures of every shape the sources use: exact, about, estimated, one-sided, ranges.

    All parts of one figure share a unit; ``currency`` fixes it (a code or a strategy).
    """
    words = qualifiers or (
        "exact",
        "about",
        "estimated",
        "at_least",
        "more_than",
        "at_most",
        "less_than",
        "range",
    )
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
            return Figure.of(first, word)
        second = draw(values)
        low, high = sorted([first, second], key=lambda q: q.magnitude)
        open_low, open_high = (
            (False, False) if low == high else (draw(st.booleans()), draw(st.booleans()))
        )
        return Figure.range(
            low,
            high,
            approximate=draw(st.booleans()),
            low_inclusive=not open_low,
            high_inclusive=not open_high,
        )

    return build()


def points(figure: Figure) -> st.SearchStrategy[Quantity]:
    """Amounts that lie inside a figure's bounds: its ends when they are included, and points
    between them (an absent bound reaches 10**13 beyond the other)."""
    low, high = figure.low, figure.high
    span = Decimal(10) ** 13
    lo = (
        low.magnitude if low is not None else (high.magnitude - span if high is not None else -span)
    )
    hi = high.magnitude if high is not None else lo + span

    @st.composite
    def build(draw: Any) -> Quantity:
        k = draw(st.integers(0, 1000))
        x = lo + (hi - lo) * k / 1000
        point = ureg.Quantity(x, figure.unit)
        if not figure.contains(point):
            point = ureg.Quantity(lo + (hi - lo) / 2, figure.unit)
        return point

    return build()
