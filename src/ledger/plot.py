"""Plots (extra ``plot``): the netting as a waterfall, remittances and debt against a budget.

Bounds are drawn as they were stated: a range as a line between its ends, a range with no
central value as a hollow bar from its low to its high end (never a solid bar to a middle no
source gave), an open end ("more than") as an arrow, an approximate figure hatched, and a
legend says so. The value axis names
the currency as the chart's labels write it, and the unit ("$ millions per year" beside
"$300M per year"; "млн KGS в год", "жылына млн сом"); a legend keys only what is drawn; labels
and tick numbers follow the chosen locale (one decimal separator: "0,5" in Russian); the tallest bar
keeps room above it. matplotlib is imported only when a plot is drawn. Each chart is made by
``pyplot.figure``, so pyplot knows it (``plt.get_fignums()``, ``plt.show()``, a notebook's
inline display); close it with ``plt.close(chart)`` when done.

>>> import ledger as lg
>>> from datetime import date
>>> chart = lg.plot.netting(lg.example(), "TJ", "RU", as_of=date(2004, 3, 15))
>>> type(chart).__name__
'Figure'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar, cast

from .book import Ledger, day_asked
from .errors import LedgerError, MissingFigureError, UnitMismatchError
from .figures import Figure
from .formatting import (
    format_each_way,
    format_figure,
    format_ratio,
    format_reductions,
    label,
    party_name,
)
from .fx import MaxAge, Rates
from .netting import NetLine, net_balance, net_history
from .ratios import debt_to_budget, remittances_to_budget
from .terminal import escaped
from .units import Unit, currency_of, is_flow, is_stock, unit_text
from .words import html_word, locale_of
from .yearly import Series

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure as Chart
    from matplotlib.text import Text

    from .entries import Settlement

__all__ = ["against_budget", "history", "netting", "series"]

_CLAIM = "#4c72b0"
_ANSWER = "#dd8452"
_NET = "#55a868"
_REDUCTION = "#8c8c8c"
_SCALE = Decimal(10) ** 6
#: Said where the range of a balance spans zero (looked up in the locale's catalog).


def _new_chart(
    width: float, height: float, columns: int = 1, rows: int = 1
) -> tuple[Chart, list[Axes]]:
    try:
        from matplotlib import pyplot
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError(
            "plots need matplotlib: python -m pip install 'debt-ledger[plot]'"
        ) from None
    chart = pyplot.figure(figsize=(width, height), layout="constrained")
    axes = [chart.add_subplot(rows, columns, i + 1) for i in range(rows * columns)]
    return chart, axes


_Drawn = TypeVar("_Drawn", bound=Callable[..., Any])


def _whole_or_none(draw: _Drawn) -> _Drawn:
    """A plot function that leaves no half-drawn chart with pyplot when it refuses (a ratio
    its figures cannot give): ``plt.show()`` would show it, and it would never be closed."""

    @wraps(draw)
    def drawn(*args: Any, **kwargs: Any) -> Any:
        try:
            from matplotlib import pyplot
        except ImportError:  # pragma: no cover - the chart says what to install
            return draw(*args, **kwargs)
        before = set(pyplot.get_fignums())
        try:
            return draw(*args, **kwargs)
        except BaseException:
            for number in set(pyplot.get_fignums()) - before:
                pyplot.close(number)
            raise

    return cast(_Drawn, drawn)


def _finished(chart: Chart) -> Chart:
    """The chart with every text it draws (titles, axis and tick labels, legends, notes) showing
    control and bidi characters as escapes (``\\x1b``, ``\\u202e``), exactly as the page's
    text and the terminal show them (:func:`ledger.terminal.escaped`): a name from a file can
    neither turn the chart's text round nor be drawn as a box (nor warn of a missing glyph)."""
    from matplotlib.text import Text
    from matplotlib.ticker import FixedFormatter

    for text in chart.findobj(Text):
        text.set_text(_drawn(text.get_text()))
    _fit(chart)
    for ax in chart.axes:
        for axis in (ax.xaxis, ax.yaxis):
            formatter = axis.get_major_formatter()
            if isinstance(formatter, FixedFormatter):  # labels the ticks take when drawn
                # (the plots pass their tick labels through _drawn: matplotlib may keep them
                # in a formatter of its own)
                formatter.seq = [_drawn(str(label)) for label in formatter.seq]
    return chart


def _text_width(line: str, size: float) -> float:
    """The width (points) of one line of text at ``size`` in the charts' font.

    >>> _text_width("MM", 10) > _text_width("M", 10) > 0
    True
    """
    import warnings

    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    with warnings.catch_warnings():  # measuring only: a missing glyph is said where drawn
        warnings.simplefilter("ignore")
        width: float = text_to_path.get_text_width_height_descent(
            line, FontProperties(size=size), ismath=False
        )[0]
    return width


def _wrapped(text: str, size: float, room: float) -> str:
    """``text`` with each of its lines broken between words so that none is wider than
    ``room`` points at ``size`` (a word wider than that alone broken where it must): a
    translated title, label or legend wraps instead of leaving the chart's edge.

    >>> _wrapped("one two three", 10, 40)
    'one\\ntwo\\nthree'
    >>> _wrapped("one two", 10, 500)
    'one two'
    """
    out: list[str] = []
    for line in text.split("\n"):
        row = ""
        for word in line.split(" "):
            candidate = f"{row} {word}" if row else word
            if not row or _text_width(candidate, size) <= room:
                row = candidate
                continue
            out.append(row)
            row = word
        while len(row) > 1 and _text_width(row, size) > room:  # one word too wide alone
            cut = len(row) - 1
            while cut > 1 and _text_width(row[:cut], size) > room:
                cut -= 1
            out.append(row[:cut])
            row = row[cut:]
        out.append(row)
    return "\n".join(out)


def _rewrap(text: Text, room: float, wide: float) -> int:
    """Wrap a drawn text to ``room`` points in a chart ``wide`` points wide; the number of
    lines it gained."""
    before = text.get_text()
    size = float(text.get_fontsize())
    # never narrower than its longest word where that fits the chart: words stay whole
    word = max((_text_width(w, size) for w in before.split()), default=0.0)
    after = _wrapped(before, size, max(room, min(word, wide * 0.9), 24.0))
    text.set_text(after)
    return after.count("\n") - before.count("\n")


def _fit(chart: Chart) -> None:
    """Every title, axis label, legend entry and note of ``chart`` wrapped to the width it
    has, the chart grown by the lines that adds, so that its plot area never collapses
    (matplotlib's "axes sizes collapsed to zero") nor a long translated word leaves the
    chart; where the layout would still collapse, the chart grows until it fits."""
    wide = chart.get_figwidth() * 72
    gained = 0
    for text in chart.texts:  # the headline over all panels
        gained += _rewrap(text, wide * 0.94, wide)
    for ax in chart.axes:
        box = ax.get_position()
        room = box.width * wide
        gained += _rewrap(ax.title, wide * 0.94, wide)
        gained += _rewrap(ax.xaxis.label, room, wide)
        _rewrap(ax.yaxis.label, box.height * chart.get_figheight() * 72, wide)
        for note in ax.texts:
            gained += _rewrap(note, room * 0.97, wide)
        legend = ax.get_legend()
        if legend is not None:
            for entry in legend.get_texts():
                gained += _rewrap(entry, room - 3.5 * float(entry.get_fontsize()), wide)
    if gained:
        chart.set_figheight(chart.get_figheight() + gained * 11 * 1.25 / 72)
    _unfolded(chart)


def _unfolded(chart: Chart) -> None:
    """Grow ``chart`` until its layout no longer collapses (at most three times), then draw
    it without a layout rather than let matplotlib warn a reader; a legend the layout leaves
    past the chart's right edge (beside a panel moved right by its labels) wrapped again."""
    import warnings

    for attempt in range(4):
        with warnings.catch_warnings(record=True) as said:
            warnings.simplefilter("always")
            chart.draw_without_rendering()
        if any("collapsed" in str(w.message) for w in said):
            if attempt == 3:
                chart.set_layout_engine("none")
                return
            chart.set_size_inches(chart.get_figwidth() * 1.1, chart.get_figheight() * 1.25)
        elif not _narrowed(chart):
            return


def _narrowed(chart: Chart) -> bool:
    """Wrap again each legend, axis label or note that the drawn chart shows past its left or
    right edge, by as much as it overflows; whether one was (the chart must be laid out
    again)."""
    renderer = getattr(chart.canvas, "get_renderer", lambda: None)()
    if renderer is None:  # pragma: no cover - a canvas that cannot measure
        return False
    points = 72 / float(chart.dpi)
    edge = chart.bbox

    def over(box: Any) -> float:
        return float(max(box.x1 - edge.x1, edge.x0 - box.x0, 0.0)) * points

    narrowed = False
    for ax in chart.axes:
        legend = ax.get_legend()
        if legend is not None and (spill := over(legend.get_window_extent(renderer))) > 0.25:
            for entry in legend.get_texts():
                room = entry.get_window_extent(renderer).width * points - spill - 6
                narrowed = _rewrap(entry, room, edge.width * points) > 0 or narrowed
        for text in [ax.xaxis.label, *ax.texts]:
            if text.get_text() and (spill := over(text.get_window_extent(renderer))) > 0.25:
                # a centred text loses as much on its other side
                share = 2 if text.get_horizontalalignment() == "center" else 1
                room = text.get_window_extent(renderer).width * points - share * spill - 6
                gained = _rewrap(text, room, edge.width * points)
                if gained and text is ax.xaxis.label and legend is not None:
                    _lowered(ax, legend, gained * float(text.get_fontsize()) * 1.25, points)
                narrowed = gained > 0 or narrowed
    return narrowed


def _lowered(ax: Axes, legend: Any, drop: float, points: float) -> None:
    """Move a legend under ``ax`` down by ``drop`` points (its axis words took more lines)."""
    anchor = legend.get_bbox_to_anchor()
    x, y = ax.transAxes.inverted().transform((anchor.x0, anchor.y0))
    tall = ax.bbox.height * points  # ``points``: a point per display pixel
    legend.set_bbox_to_anchor((x, y - drop / max(tall, 1.0)), transform=ax.transAxes)


#: A dollar sign not already escaped for matplotlib.
_DOLLAR = re.compile(r"(?<!\\)\$")


def _drawn(text: str) -> str:
    """Text as a chart draws it: control and bidi characters escaped as everywhere else, and
    where two dollar signs would make matplotlib read the text between them as mathematics
    ("$300M–$400M per year" drawn as "300M–400M per year" in italics), each escaped, so that
    matplotlib draws them as they are.

    >>> _drawn("$20M–$50M\x1b"), _drawn("$ millions")
    ('\\\\$20M–\\\\$50M\\\\x1b', '$ millions')
    """
    text = escaped(text)
    if len(_DOLLAR.findall(text)) >= 2:
        text = _DOLLAR.sub(r"\\$", text)
    return text


def _numbers(ax: Axes, locale: str, axis: str) -> None:
    """Tick numbers on the value axis in the locale's digits and separators ("0,5" in
    Russian), at most five across a horizontal axis so that wide numbers ("100 000") stay
    apart, and room beyond the longest bar (a tenth of the span)."""
    from babel.numbers import format_decimal
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    where = locale_of(locale)

    def tick(value: float, _: object) -> str:
        return str(format_decimal(round(value, 9) + 0.0, locale=where))  # + 0.0: never "-0"

    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(FuncFormatter(tick))
    if axis == "x":  # side by side, "80 000" and "100 000" need room: fewer ticks
        ax.xaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10]))
    # A bar's edges are "sticky" (no margin beyond them): a waterfall's top would touch the
    # frame. The room is made by hand, below zero only where a bar goes there.
    low, high = ax.get_ylim() if axis == "y" else ax.get_xlim()
    room = (high - low) * 0.12
    limits = (low - room if low < 0 else low, high + room if high > 0 else high)
    if axis == "y":
        ax.set_ylim(*limits)
    else:
        ax.set_xlim(*limits)


def _legend(
    ax: Axes,
    figures: list[Figure],
    locale: str,
    *,
    range_drawn: bool = True,
    bars: bool = True,
    fontsize: float = 8,
    below: float | None = None,
) -> None:
    """A key to how the figures are drawn: hatched where approximate, a line from low to
    high end for a range, a hollow bar for a range with no central value (where ``bars`` are
    drawn), an arrow for an open end; only what the chart shows. It goes under the axes,
    ``below`` of their height down (clear of the value axis's numbers and words)."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Any] = list(ax.get_legend_handles_labels()[0])
    if any(f.approximate and not (bars and _only_range(f)) for f in figures):
        text = html_word("legend approximate", locale)
        handles.append(Patch(facecolor="#808080", edgecolor="white", hatch="//", label=text))
    shapes = [f.magnitudes for f in figures if not (bars and _only_range(f))]
    # As drawn: ends that differ only past a float's digits (a ratio's rounding) draw no line.
    if range_drawn and any(
        lo is not None and hi is not None and float(lo) != float(hi) for _, lo, hi in shapes
    ):
        text = html_word("legend range", locale)
        handles.append(Line2D([], [], color="black", linewidth=1.5, label=text))
    if bars and any(_only_range(f) for f in figures):
        text = html_word("legend range bar", locale)
        handles.append(Patch(fill=False, edgecolor="#404040", hatch=_RANGE_HATCH, label=text))
    if any((lo is None) != (hi is None) for _, lo, hi in shapes):
        text = html_word("legend open", locale)
        handles.append(Line2D([], [], color="black", marker=">", markersize=5, label=text))
    if handles:  # under the axes, where it covers no bar
        ax.legend(
            handles=handles,
            fontsize=fontsize,
            loc="upper left",
            bbox_to_anchor=(0.0, -(below or (0.22 if ax.get_xticklabels() else 0.12))),
            frameon=False,
        )


def _money_words(code: str | None, locale: str) -> str:
    """The currency as the chart's figures write it ("$" in "489 млн $"), for the value axis,
    so that a chart names its currency one way.

    >>> _money_words("USD", "ru_RU"), _money_words("KGS", "ru_RU"), _money_words(None, "en_US")
    ('$', 'KGS', '')
    """
    from babel.numbers import get_currency_symbol

    return str(get_currency_symbol(code, locale=locale_of(locale))) if code else ""


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


def _only_range(figure: Figure) -> bool:
    """Whether a figure is a range with no central value ("between $20M and $50M"): drawn as
    a hollow bar from its low to its high end, never as a bar up to a middle no source gave."""
    return figure.value is None and figure.low is not None and figure.high is not None


#: The hatching of a hollow bar: a range with no central value.
_RANGE_HATCH = "\\\\"


def _draw_bar(
    ax: Axes,
    x: float,
    base: float,
    figure: Figure,
    scale: Decimal,
    colour: str,
    horizontal: bool = False,
    thick: float = 0.8,
) -> None:
    """A figure as a bar ``thick`` across from ``base``: a solid bar to its value (hatched
    when approximate) with its bounds, or for a range with no central value a hollow, hatched
    bar floating from its low to its high end, and nothing solid."""
    low, centre, high = _ends(figure, scale)

    def bar(start: float, length: float, **style: Any) -> None:
        if horizontal:
            ax.barh(x, length, thick, left=start, **style)
        else:
            ax.bar(x, length, thick, bottom=start, **style)

    if _only_range(figure) and low is not None and high is not None:
        bar(base + low, high - low, fill=False, edgecolor=colour, hatch=_RANGE_HATCH, lw=1.2)
        return
    hatch = "//" if figure.approximate else None
    bar(base, centre, color=colour, hatch=hatch, edgecolor="white")
    _draw_bounds(ax, x, base, figure, scale, horizontal=horizontal)


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


@_whole_or_none
def netting(
    book: Ledger,
    debtor: str,
    creditor: str,
    *,
    as_of: date | None = None,
    locale: str = "en_US",
    stacked: bool = False,
    **choices: Any,
) -> Chart:
    """A waterfall of what ``debtor`` owes ``creditor``: each claim as asserted, each reduction
    of it (write-off, payment, ...) a step down, dated with its kind, then the net balance.
    A claim counted in another currency (``convert_to=``) is one step, converted. Like
    reductions (same kind, same amount) are one step ("10 × $30M written off"); the chart
    widens with its steps, and stands its labels upright when they would not fit side by side.
    ``stacked=True`` (as the report does) lays the steps across, one under the other from the
    top, each label above its bar and wrapped, in a narrow chart that grows in height with
    its steps: it fits a page's column, and a phone's width with its text readable.

    The chart follows the balance's direction: turned round when the creditor owes (titled
    "Russia → Kyrgyzstan", every bar the right way up); when the range spans zero the title
    says the direction is unknown and the net is drawn as that range alone, with no central
    bar, labelled with at most what each side may owe.
    """
    balance = net_balance(book, debtor, creditor, as_of=as_of, **choices)
    if balance.direction < 0:
        balance = -balance  # the creditor owes: the chart turned round
    names = [party_name(p, locale, book.parties) for p in (balance.debtor, balance.creditor)]
    lines = sorted(balance.lines, key=lambda line: -line.sign)  # what adds, then what answers
    steps = [(line, _steps(line, locale)) for line in lines]
    net = balance.amount
    if balance.direction == 0:
        net_text = f"{label('net', locale)}\n{_each_way(net, locale, *names)}"
    else:
        net_text = f"{label('net', locale)}\n{format_figure(net, locale)}"
    texts = [text for _, found in steps for _, _, text in found] + [net_text]
    if stacked:  # each label above its bar, wrapped to the chart's width
        texts = [_wrapped(_drawn(text), _SMALL, _NARROW * 72 * 0.9) for text in texts]
        # each step a row, and room for the title, the value axis and the legend
        row = _row(texts)
        chart, (ax,) = _new_chart(_NARROW, row * (len(texts) + 0.35) / 72 + 1.6)
    else:
        width, upright = _layout(texts)
        chart, (ax,) = _new_chart(width, 5.5 if upright else 4.5)
    count, thick = len(texts), 0.32 if stacked else 0.8

    def at(n: int) -> int:  # the first step on top when stacked, else on the left
        return count - 1 - n if stacked else n

    running = 0.0
    n = 0
    for line, found in steps:
        start = running
        for figure, colour, _ in found:
            _, centre, _ = _ends(figure, _SCALE)
            _draw_bar(ax, at(n), running, figure, _SCALE, colour, horizontal=stacked, thick=thick)
            n += 1
            running += centre
        # The next claim starts where this one's count leaves the total: reductions of a
        # claim clamped at zero may step below it.
        counted = line.counted if line.sign > 0 else -line.counted
        running = start + _ends(counted, _SCALE)[1]
    _draw_net(ax, at(n), net, balance.direction, horizontal=stacked, thick=thick)
    axis = html_word("axis stock", locale, currency=_money_words(balance.currency, locale))
    title = f"{_heading(names, balance.direction == 0, locale)}, {balance.as_of.isoformat()}"
    drawn = [figure for _, found in steps for figure, _, _ in found] + [net]
    if stacked:
        _stack(ax, texts, axis, locale)
        ax.set_title(title, fontsize=11)
        _legend(ax, drawn, locale, fontsize=_SMALL, below=50 / (row * (count + 0.35)))
        return _finished(chart)
    ax.set_xticks(
        range(count),
        [_drawn(text) for text in texts],
        fontsize=7 if upright else 8,
        rotation=90 if upright else 0,
        ha="center",
    )
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_ylabel(axis)
    ax.set_title(title)
    _numbers(ax, locale, "y")
    _legend(ax, drawn, locale)
    return _finished(chart)


#: A stacked chart's width (inches): its least text (``_SMALL`` points) is 10 px at 352 px.
_NARROW = 4.4
_SMALL = 9


def _row(texts: list[str]) -> float:
    """The height (points) of one step of a stacked waterfall: its labels' lines above a bar
    (the bar a third of it).

    >>> _row(["one", "one\\ntwo"]) > _row(["one"])
    True
    """
    lines = max(text.count("\n") + 1 for text in texts)
    return (lines * _SMALL * 1.3 + 6) / 0.62


def _stack(ax: Axes, texts: list[str], axis: str, locale: str) -> None:
    """A stacked waterfall's labels (top down) above their bars, its value axis below."""
    from matplotlib.ticker import MaxNLocator

    _categories(ax, texts[::-1], True)
    ax.axvline(0, color="grey", linewidth=0.8)
    ax.set_xlabel(axis, fontsize=_SMALL + 1)
    _numbers(ax, locale, "x")
    ax.xaxis.set_major_locator(MaxNLocator(nbins=3, steps=[1, 2, 2.5, 5, 10]))
    ax.tick_params(axis="x", labelsize=_SMALL)


def _heading(names: list[str], unknown: bool, locale: str) -> str:
    """ "Kyrgyzstan → Russia", or "Kyrgyzstan ↔ Russia: direction unknown"."""
    if unknown:
        return f"{names[0]} ↔ {names[1]}: {label('direction unknown', locale)}"
    return f"{names[0]} → {names[1]}"


def _draw_net(
    ax: Axes, x: int, net: Figure, direction: int, horizontal: bool = False, thick: float = 0.8
) -> None:
    """The net balance: a bar at its centre with its bounds, or where the direction is
    unknown, its range alone (a band from its low to its high end, open ends as arrows): a
    central value there would be a guess."""
    if direction != 0 or _only_range(net):
        _draw_bar(ax, x, 0.0, net, _SCALE, _NET, horizontal=horizontal, thick=thick)
        return
    low, _, high = _ends(net, _SCALE)
    if low is not None and high is not None:
        style: dict[str, Any] = {"fill": False, "edgecolor": _NET, "hatch": _RANGE_HATCH}
        if horizontal:
            ax.barh(x, high - low, thick, left=low, lw=1.2, **style)
        else:
            ax.bar(x, high - low, thick, bottom=low, lw=1.2, **style)
    _draw_bounds(ax, x, 0.0, net, _SCALE, horizontal=horizontal)


def _each_way(figure: Figure, locale: str, one: str, other: str) -> str:
    """A figure whose range spans zero as at most what it may come to each way
    ("Kyrgyzstan → Russia: at most RUB10B"), never a negative amount owed."""
    first, second = format_each_way(figure, locale)
    return f"{one} → {other}: {first}\n{other} → {one}: {second}"


#: The widest a waterfall grows (inches) before its labels stand upright instead.
_WIDEST = 12.0


def _layout(texts: list[str]) -> tuple[float, bool]:
    """The chart's width for labels side by side under each bar (each at most its longest
    line of 8-point text wide, about 0.6 em a character, with a gap), and whether they must
    stand upright instead, so that no two labels overlap."""
    longest = max(len(row) for text in texts for row in text.splitlines())
    needed = len(texts) * (longest * 8 * 0.6 / 72 + 0.2) + 1.2  # + the value axis
    if needed <= _WIDEST:
        return max(7.5, needed), False
    return _WIDEST, True


def _steps(line: NetLine, locale: str) -> list[tuple[Figure, str, str]]:
    """A claim's steps in the waterfall, each (signed figure, colour, label): the claim as
    asserted ("at most RUB12B", never its clamped count) and its reductions, like ones (same
    kind, same amount) one step ("10 × $30M written off"), or its status; a converted claim is
    one step, labelled as asserted with its converted value."""
    colour = _CLAIM if line.sign > 0 else _ANSWER

    def signed(figure: Figure) -> Figure:
        return figure if line.sign > 0 else -figure

    claim = line.claim
    asserted = format_figure(claim.amount, locale)
    if line.conversion is not None or not (line.settlements or line.marked):
        text = f"{claim.id}\n{asserted}"
        if line.conversion is not None:
            text += f"\n({format_figure(line.counted, locale)})"
        return [(signed(line.counted), colour, text)]
    steps: list[tuple[Figure, str, str]] = [
        (signed(claim.amount), colour, f"{claim.id}\n{asserted}")
    ]
    groups: dict[tuple[str, str], list[Settlement]] = {}
    for settlement in line.reductions:
        key = (settlement.method, format_figure(settlement.amount, locale))
        groups.setdefault(key, []).append(settlement)
    for alike in groups.values():
        total = alike[0].amount
        for settlement in alike[1:]:
            total = total + settlement.amount
        name = alike[0].id if len(alike) == 1 else f"{alike[0].id} (+{len(alike) - 1})"
        text = format_reductions(alike, locale, span=True).replace(" (", "\n(")
        steps.append((signed(-total), _REDUCTION, f"{name}\n{text}"))
    if line.marked:
        steps.append((signed(-claim.amount), _REDUCTION, f"{claim.id}\n{claim.status}"))
    return steps


@_whole_or_none
def history(
    book: Ledger,
    debtor: str,
    creditor: str,
    *,
    as_of: date | None = None,
    locale: str = "en_US",
    **choices: Any,
) -> Chart:
    """What ``debtor`` owes ``creditor`` over time, one step on each day a claim or a
    reduction of one is dated (:func:`ledger.net_history`), each labelled with its figure.
    A balance known only as a range is drawn as a band from its low to its high end (an open
    end at the other's height), the central line only where there is a central value, and
    the legend says which is which. The last balance holds until ``as_of`` (today), so that
    a ledger of one day still shows its one step; each change is marked.

    The chart follows the direction: turned round ("Russia → Kyrgyzstan") when the creditor
    owes on every day that has a direction; where a balance's range spans zero its label gives
    at most what each side may owe, and the title says the direction is unknown.
    """
    balances = net_history(book, debtor, creditor, as_of=as_of, **choices)
    directions = {b.direction for b in balances}
    if -1 in directions and 1 not in directions:
        balances = [-b for b in balances]  # the creditor owes: the chart turned round
        debtor, creditor = creditor, debtor
    names = [party_name(p, locale, book.parties) for p in (debtor, creditor)]
    chart, (ax,) = _new_chart(7.5, 4.5)
    days: Any = [b.as_of for b in balances]  # matplotlib draws dates on a date axis
    ends = [_ends(b.amount, _SCALE) for b in balances]
    changes, last = len(balances), day_asked(as_of)
    if balances and last > days[-1]:  # the last balance holds until the day asked
        days, ends = [*days, last], [*ends, ends[-1]]
        balances = [*balances, balances[-1]]
    centres = [
        float("nan") if b.amount.value is None else centre
        for b, (_, centre, _) in zip(balances, ends, strict=True)
    ]
    lows = [centre if low is None else low for low, centre, _ in ends]
    highs = [centre if high is None else high for _, centre, high in ends]
    if any(low != high for low, high in zip(lows, highs, strict=True)):
        ax.fill_between(
            days,
            lows,
            highs,
            step="post",
            color=_NET,
            alpha=0.25,
            linewidth=0,
            label=label("range", locale),
        )
    ax.step(days, centres, where="post", color=_NET, label=label("net", locale))
    for day, low, high in zip(days[:changes], lows[:changes], highs[:changes], strict=True):
        ax.plot([day, day], [low, high], color=_NET, marker="o", markersize=3, linewidth=1)
    for day, (_, centre, _), balance in zip(
        days[:changes], ends[:changes], balances[:changes], strict=True
    ):
        text = format_figure(balance.amount, locale)
        if balance.direction == 0:
            text = _each_way(balance.amount, locale, *names)
        ax.annotate(  # above the step, clear of the line it labels
            text, (day, centre), textcoords="offset points", xytext=(2, 6), va="bottom", fontsize=7
        )
    ax.axhline(0, color="grey", linewidth=0.8)
    currency = balances[-1].currency if balances else None
    ax.set_ylabel(html_word("axis stock", locale, currency=_money_words(currency, locale)))
    _numbers(ax, locale, "y")
    _legend(ax, [b.amount for b in balances], locale, range_drawn=False, bars=False)
    ax.set_title(_heading(names, 0 in directions, locale))
    return _finished(chart)


@_whole_or_none
def against_budget(
    book: Ledger,
    party: str,
    *,
    as_of: date | None = None,
    locale: str = "en_US",
    rates: Rates | None = None,
    via: str | None = None,
    max_age: MaxAge = None,
    stacked: bool = False,
) -> Chart:
    """Remittances against the budget (per year), and debt in years of the budget.

    Figures in another currency than the budget's convert by the rate policy of
    :mod:`ledger.fx`, with the ledger's own rates unless ``rates`` is given; ``via`` and
    ``max_age`` as for :func:`~ledger.fx.convert`. ``stacked=True`` puts the two panels one
    above the other in a narrow chart (as the report does), whose text stays readable where
    the chart is shrunk to a phone's width.
    """
    from matplotlib.ticker import MaxNLocator

    if stacked:
        chart, (flows, years) = _new_chart(4.4, 6.6, rows=2)
    else:
        chart, (flows, years) = _new_chart(9, 3.8, columns=2)
    small = 9 if stacked else 8  # the least text: 10 px on a phone when stacked
    scale = _SCALE
    policy: dict[str, Any] = {"rates": rates, "via": via, "max_age": max_age}
    remittances = remittances_to_budget(book, party, as_of=as_of, **policy)
    bars = [("budget", remittances.denominator), ("remittances", remittances.numerator)]
    thick = 0.45 if stacked else 0.8  # room above each bar for its label when stacked
    for y, (name, figure) in enumerate(bars):
        colour = _CLAIM if name == "budget" else _NET
        _draw_bar(flows, y, 0.0, figure, scale, colour, horizontal=True, thick=thick)
    _categories(
        flows, [f"{label(name, locale)}\n{format_figure(f, locale)}" for name, f in bars], stacked
    )
    code = currency_of(remittances.denominator.unit)
    flows.set_xlabel(html_word("axis flow", locale, currency=_money_words(code, locale)))
    _numbers(flows, locale, "x")
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
        _draw_bar(years, y, 0.0, figure, Decimal(1), _ANSWER, horizontal=True, thick=thick)
    _categories(
        years, [f"{label(name, locale)}\n{format_ratio(f, locale)}" for name, f in rows], stacked
    )
    years.set_xlabel(label("years of budget", locale))
    _numbers(years, locale, "x")
    if stacked:  # a narrow axis: fewer numbers, in the labels' size, so that none overlap
        for ax in (flows, years):
            ax.xaxis.set_major_locator(MaxNLocator(nbins=3, steps=[1, 2, 2.5, 5, 10]))
            ax.tick_params(axis="x", labelsize=small)
    _legend(flows, [figure for _, figure in bars], locale, fontsize=small)
    _legend(years, [figure for _, figure in rows], locale, fontsize=small)
    # The headline over both panels: the party, and remittances against the budget.
    ratio = format_ratio(remittances.value, locale)
    chart.suptitle(
        f"{party_name(party, locale, book.parties)}\n"
        f"{label('remittances', locale)} / {label('budget', locale)}: {ratio}",
        fontsize=11 if stacked else None,
    )
    return _finished(chart)


def _categories(ax: Axes, labels: list[str], stacked: bool) -> None:
    """The bars' labels: beside them on the value axis, or, in a narrow stacked chart, above
    each bar across the panel's width (beside, they would take half of it)."""
    small = 9 if stacked else 8
    if not stacked:
        ax.set_yticks(range(len(labels)), [_drawn(text) for text in labels], fontsize=small)
        return
    ax.set_yticks([])
    for y, text in enumerate(labels):
        ax.annotate(
            text,
            xy=(0.01, y + 0.27),
            xycoords=("axes fraction", "data"),
            va="bottom",
            ha="left",
            fontsize=small,
        )
    ax.set_ylim(-0.45, len(labels) - 0.1)


_LINES = (_NET, _CLAIM, _ANSWER, "#8172b3", "#937860", "#da8bc3")


@_whole_or_none
def series(*drawn: Series, locale: str = "en_US", title: str | None = None) -> Chart:
    """One or more series (:func:`ledger.series`) over their years, in one unit: the central
    value as a line with a dot on each year, a range as a band from its low to its high end, an
    open end ("more than") as an arrow, an approximate figure as a hollow dot. A missing year
    is a gap, marked by a grey cross on the axis, never drawn as zero. Money is in millions.

    >>> import ledger as lg
    >>> book = lg.example("kg-ru-2012")
    >>> chart = series(lg.series(book, "KG", "debt", years=range(2011, 2019)))
    >>> type(chart).__name__
    'Figure'
    """
    if not drawn or not all(isinstance(s, Series) for s in drawn):
        raise LedgerError("plot.series draws series: pass one or more lg.series(...)")
    units = {s.unit for s in drawn if s.unit is not None}
    if len(units) > 1:
        raise UnitMismatchError(
            "plot.series draws series of one unit on one axis; given "
            + ", ".join(sorted(str(u) for u in units))
            + ": ask them in one currency (currency='...'), or draw them apart"
        )
    unit = next(iter(units), None)
    money = unit is not None and currency_of(unit) is not None
    scale = _SCALE if money else Decimal(1)
    chart, (ax,) = _new_chart(7.5, 4.5)
    gaps: set[int] = set()
    for n, line in enumerate(drawn):
        gaps |= set(line.missing)
        _draw_series(ax, line, scale, _LINES[n % len(_LINES)], locale)
    if gaps:
        ax.plot(
            sorted(gaps),
            [0.0] * len(gaps),
            linestyle="none",
            marker="x",
            color=_REDUCTION,
            label=label("missing", locale),
        )
    ax.axhline(0, color="grey", linewidth=0.8)
    if unit is not None:
        ax.set_ylabel(_axis_words(unit, locale))
    years = sorted({year for line in drawn for year in line.years})
    ax.set_xticks(years, [str(y) for y in years], fontsize=7)
    handles: list[Any] = list(ax.get_legend_handles_labels()[0])
    shown = [f for line in drawn for _, f in line.items() if f is not None]
    if any(f.approximate or f.value is None for f in shown):
        handles.append(_hollow_dot(locale))
    ax.legend(handles=handles, fontsize=7, loc="best")
    if title is not None:
        ax.set_title(title)
    return _finished(chart)


def _axis_words(unit: Unit, locale: str) -> str:
    """The value axis of a series in the words of the other charts: "$ millions per year"
    for a flow, "$ millions" for a stock; other units as files write them."""
    code = currency_of(unit)
    if code is not None and (is_flow(unit) or is_stock(unit)):
        money = _money_words(code, locale)  # as the other charts' axes and bars write it
        return html_word("axis flow" if is_flow(unit) else "axis stock", locale, currency=money)
    if code is not None:  # money per something else (per person): millions, and the unit
        return label("millions", locale, currency=unit_text(unit))
    return unit_text(unit)


def _hollow_dot(locale: str) -> Any:
    """The legend's key to a year's figure that is approximate or only bounded."""
    from matplotlib.lines import Line2D

    return Line2D(
        [],
        [],
        linestyle="none",
        marker="o",
        markersize=4,
        color="black",
        markerfacecolor="white",
        label=html_word("legend hollow", locale),
    )


def _said(question: str, locale: str) -> str:
    """A series' name in the locale where the catalogs hold it ("debt", "remittances")."""
    try:
        return label(question, locale)
    except LedgerError:  # a name with more words ("debt to RU") stays as the library says it
        return question


def _draw_series(ax: Axes, line: Series, scale: Decimal, colour: str, locale: str) -> None:
    years = list(line.years)
    ends = [None if f is None else _ends(f, scale) for _, f in line.items()]
    nan = float("nan")
    centres = [
        nan if f is None or f.value is None or e is None else e[1]
        for (_, f), e in zip(line.items(), ends, strict=True)
    ]
    lows = [nan if e is None or e[0] is None else e[0] for e in ends]
    highs = [nan if e is None or e[2] is None else e[2] for e in ends]
    name = f"{_said(line.question, locale)}, {party_name(line.party, locale, line.names)}"
    if any(low != high for low, high in zip(lows, highs, strict=True) if low == low):
        ax.fill_between(years, lows, highs, color=colour, alpha=0.2, linewidth=0)
    ax.plot(years, centres, color=colour, label=name)
    for year, figure in line.items():
        if figure is None:
            continue
        _, centre, _ = _ends(figure, scale)
        hollow = figure.approximate or figure.value is None
        ax.plot(
            [year],
            [centre],
            marker="o",
            markersize=4,
            color=colour,
            markerfacecolor="white" if hollow else colour,
        )
        if figure.low is None or figure.high is None:
            _draw_bounds(ax, year, 0.0, figure, scale)
