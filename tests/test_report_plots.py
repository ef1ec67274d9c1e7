"""Charts a reader understands (issue 15, part 3): a legend for what hatching and bounds mean,
the currency and the unit on the value axis, tick numbers in the locale's own digits and
separators, room above the tallest bar, and charts that pyplot knows (``plt.get_fignums()``)."""

from datetime import date

import matplotlib.pyplot as plt

import ledger as lg

DAY = date(2004, 3, 15)


def _texts(chart):
    chart.canvas.draw()
    out = []
    for ax in chart.axes:
        legend = ax.get_legend()
        out += [t.get_text() for t in legend.get_texts()] if legend else []
    return out


def _ticks(ax, axis="y"):
    ax.figure.canvas.draw()
    labels = ax.get_yticklabels() if axis == "y" else ax.get_xticklabels()
    return [t.get_text() for t in labels if t.get_text()]


def test_a_chart_is_registered_with_pyplot():
    plt.close("all")
    chart = lg.plot.netting(lg.example(), "TJ", "RU", as_of=DAY)
    assert chart.number in plt.get_fignums()
    budget = lg.plot.against_budget(lg.example(), "TJ", as_of=DAY)
    assert set(plt.get_fignums()) == {chart.number, budget.number}


def test_the_legend_says_what_hatching_and_bounds_mean():
    chart = lg.plot.netting(lg.example(), "TJ", "RU", as_of=DAY)  # Russia's claim is "about"
    assert "approximate (hatched)" in _texts(chart)
    budget = lg.plot.against_budget(lg.example(), "TJ", as_of=DAY)  # remittances "more than"
    assert "open end: more than, or at most (arrow)" in _texts(budget)


def test_a_legend_in_russian():
    chart = lg.plot.netting(lg.example(), "TJ", "RU", as_of=DAY, locale="ru_RU")
    assert "приблизительно (штриховка)" in _texts(chart)


def test_the_value_axis_names_the_currency_and_the_unit():
    chart = lg.plot.netting(lg.example(), "TJ", "RU", as_of=DAY)
    # The currency as the bars' labels write it ("$300M"): one form on a chart.
    assert chart.axes[0].get_ylabel() == "$ millions"
    flows, years = lg.plot.against_budget(lg.example(), "TJ", as_of=DAY).axes
    assert flows.get_xlabel() == "$ millions per year"
    assert years.get_xlabel() == "years of budget"
    kg = lg.plot.against_budget(lg.example("kg-ru-2012"), "KG", as_of=date(2013, 10, 1))
    assert kg.axes[0].get_xlabel() == "KGS millions per year"


def test_russian_ticks_use_one_decimal_separator():
    book = lg.example()
    flows, years = lg.plot.against_budget(book, "TJ", as_of=DAY, locale="ru_RU").axes
    ticks = _ticks(years, "x") + _ticks(flows, "x")
    assert ticks
    assert not any("." in tick for tick in ticks), ticks  # Russian writes 0,5, never 0.5
    assert any("," in tick for tick in _ticks(years, "x")), ticks  # fractions of a year
    english = lg.plot.against_budget(book, "TJ", as_of=DAY).axes[1]
    assert not any("," in tick for tick in _ticks(english, "x"))


def test_there_is_room_above_the_tallest_bar():
    chart = lg.plot.netting(lg.example(), "TJ", "RU", as_of=DAY)
    ax = chart.axes[0]
    tops = [patch.get_y() + patch.get_height() for patch in ax.patches]
    assert ax.get_ylim()[1] >= max(tops) * 1.08
    flows = lg.plot.against_budget(lg.example(), "TJ", as_of=DAY).axes[0]
    ends = [patch.get_x() + patch.get_width() for patch in flows.patches]
    assert flows.get_xlim()[1] >= max(ends) * 1.08
