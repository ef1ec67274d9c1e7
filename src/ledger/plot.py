"""Plots (extra ``plot``): the netting as a waterfall, remittances and debt against a budget.

Bounds are drawn as they were stated: a range as a bar between its ends, an open end ("more
than") as an arrow, an approximate figure hatched. Labels are formatted in the chosen locale.
matplotlib is imported only when a plot is drawn, and only its object-oriented API is used:
no global pyplot state, any backend (Agg in tests).

>>> import ledger as lg
>>> from datetime import date
>>> chart = lg.plot.netting(lg.example(), "TJ", "RU", as_of=date(2004, 3, 15))
>>> type(chart).__name__
'Figure'
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .book import Ledger
from .errors import MissingFigureError
from .figures import Figure
from .formatting import format_figure, format_ratio, label, party_name
from .fx import MaxAge, Rates
from .netting import net_balance
from .ratios import debt_to_budget, remittances_to_budget

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure as Chart

__all__ = ["against_budget", "netting"]

_CLAIM = "#4c72b0"
_ANSWER = "#dd8452"
_NET = "#55a868"
_SCALE = Decimal(10) ** 6


def _new_chart(width: float, height: float, columns: int = 1) -> tuple[Chart, list[Axes]]:
    try:
        from matplotlib.figure import Figure as MatplotlibFigure
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError(
            "plots need matplotlib: python -m pip install 'debt-ledger[plot]'"
        ) from None
    chart = MatplotlibFigure(figsize=(width, height), layout="constrained")
    axes = [chart.add_subplot(1, columns, i + 1) for i in range(columns)]
    return chart, axes


def _ends(figure: Figure, scale: Decimal) -> tuple[float | None, float, float | None]:
    """(low, centre, high) in plot units; the centre of a one-sided figure is its bound."""
    low = None if figure.low is None else float(figure.low.magnitude / scale)
    high = None if figure.high is None else float(figure.high.magnitude / scale)
    if figure.value is not None:
        centre = float(figure.value.magnitude / scale)
    elif low is not None and high is not None:
        centre = (low + high) / 2
    else:
        centre = low if low is not None else (high if high is not None else 0.0)
    return low, centre, high


def _draw_bounds(
    ax: Axes, x: float, base: float, figure: Figure, scale: Decimal, horizontal: bool = False
) -> None:
    low, centre, high = _ends(figure, scale)
    span = max(abs(centre), 1.0) * 0.35

    def segment(a: float, b: float) -> None:
        if horizontal:
            ax.plot([base + a, base + b], [x, x], color="black", linewidth=1.5)
        else:
            ax.plot([x, x], [base + a, base + b], color="black", linewidth=1.5)

    def arrow(start: float, direction: float) -> None:
        tip = start + direction * span
        # An invisible point at the tip, so that autoscaling leaves room for the arrow.
        if horizontal:
            ax.plot([base + tip], [x], alpha=0)
        else:
            ax.plot([x], [base + tip], alpha=0)
        if horizontal:
            ax.annotate(
                "",
                xy=(base + tip, x),
                xytext=(base + start, x),
                arrowprops={"arrowstyle": "->", "color": "black"},
            )
        else:
            ax.annotate(
                "",
                xy=(x, base + tip),
                xytext=(x, base + start),
                arrowprops={"arrowstyle": "->", "color": "black"},
            )

    if low is not None and high is not None and low != high:
        segment(low, high)
    elif low is not None and high is None:
        arrow(low, 1.0)
    elif high is not None and low is None:
        arrow(high, -1.0)


def netting(
    book: Ledger,
    debtor: str,
    creditor: str,
    *,
    as_of: date | None = None,
    locale: str = "en_US",
    **choices: Any,
) -> Chart:
    """A waterfall from each claim to the net balance of what ``debtor`` owes ``creditor``."""
    balance = net_balance(book, debtor, creditor, as_of=as_of, **choices)
    chart, (ax,) = _new_chart(7.5, 4.5)
    scale = _SCALE
    running = 0.0
    labels = []
    for i, line in enumerate(balance.lines):
        signed = line.counted if line.sign > 0 else -line.counted
        _, centre, _ = _ends(signed, scale)
        ax.bar(
            i,
            centre,
            bottom=running,
            color=_CLAIM if line.sign > 0 else _ANSWER,
            hatch="//" if signed.approximate else None,
            edgecolor="white",
        )
        _draw_bounds(ax, i, running, signed, scale)
        labels.append(f"{line.claim.id}\n{format_figure(line.counted, locale)}")
        running += centre
    net = balance.amount
    _, centre, _ = _ends(net, scale)
    ax.bar(
        len(balance.lines),
        centre,
        color=_NET,
        hatch="//" if net.approximate else None,
        edgecolor="white",
    )
    _draw_bounds(ax, len(balance.lines), 0.0, net, scale)
    labels.append(f"{label('net', locale)}\n{format_figure(net, locale)}")
    ax.set_xticks(range(len(labels)), labels, fontsize=8)
    ax.axhline(0, color="grey", linewidth=0.8)
    currency = balance.currency or ""
    ax.set_ylabel(label("millions", locale, currency=currency))
    ax.set_title(
        f"{party_name(debtor, locale, book.parties)} → "
        f"{party_name(creditor, locale, book.parties)}, {balance.as_of.isoformat()}"
    )
    return chart


def against_budget(
    book: Ledger,
    party: str,
    *,
    as_of: date | None = None,
    locale: str = "en_US",
    rates: Rates | None = None,
    via: str | None = None,
    max_age: MaxAge = None,
) -> Chart:
    """Remittances against the budget (per year), and debt in years of the budget.

    Figures in another currency than the budget's convert by the rate policy of
    :mod:`ledger.fx`, with the ledger's own rates unless ``rates`` is given; ``via`` and
    ``max_age`` as for :func:`~ledger.fx.convert`.
    """
    chart, (flows, years) = _new_chart(9, 3.8, columns=2)
    scale = _SCALE
    policy: dict[str, Any] = {"rates": rates, "via": via, "max_age": max_age}
    remittances = remittances_to_budget(book, party, as_of=as_of, **policy)
    bars = [("budget", remittances.denominator), ("remittances", remittances.numerator)]
    for y, (name, figure) in enumerate(bars):
        _, centre, _ = _ends(figure, scale)
        flows.barh(
            y,
            centre,
            color=_CLAIM if name == "budget" else _NET,
            hatch="//" if figure.approximate else None,
            edgecolor="white",
        )
        _draw_bounds(flows, y, 0.0, figure, scale, horizontal=True)
    flows.set_yticks(
        range(len(bars)),
        [f"{label(name, locale)}\n{format_figure(f, locale)}" for name, f in bars],
        fontsize=8,
    )
    flows.set_xlabel(label("millions per year", locale))
    flows.set_title(format_ratio(remittances.value, locale))
    rows = []
    for net in (False, True):
        try:
            rows.append(
                (
                    "net debt" if net else "debt",
                    debt_to_budget(book, party, net=net, as_of=as_of, **policy).value,
                )
            )
        except MissingFigureError:
            continue
    for y, (_label, figure) in enumerate(rows):
        _, centre, _ = _ends(figure, Decimal(1))
        years.barh(
            y, centre, color=_ANSWER, hatch="//" if figure.approximate else None, edgecolor="white"
        )
        _draw_bounds(years, y, 0.0, figure, Decimal(1), horizontal=True)
    years.set_yticks(
        range(len(rows)),
        [f"{label(name, locale)}\n{format_ratio(f, locale)}" for name, f in rows],
        fontsize=8,
    )
    years.set_xlabel(label("years of budget", locale))
    chart.suptitle(party_name(party, locale, book.parties))
    return chart
