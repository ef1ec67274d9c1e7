"""Charts as a reader in ru_RU saw them (issue 15, part 3): the budget chart's headline over
the whole figure, a legend only for what is drawn, one way of writing the currency on a chart,
and the history's figures above its line, not on it."""

from datetime import date

import pytest

import ledger as lg

pytest.importorskip("matplotlib")

KG = "kg-ru-2012"
KG_DAY = date(2013, 10, 1)


def _legend(ax):
    ax.figure.canvas.draw()
    legend = ax.get_legend()
    return [t.get_text() for t in legend.get_texts()] if legend else []


def test_the_budget_charts_headline_is_the_figures_title_not_the_left_panels():
    chart = lg.plot.against_budget(lg.example(KG), "KG", as_of=KG_DAY, locale="ru_RU")
    flows, years = chart.axes
    assert flows.get_title() == "" and years.get_title() == ""
    title = chart.get_suptitle()
    assert "около 1,09×" in title
    assert "Кыргызстан" in title


def test_no_key_to_a_range_line_where_no_range_is_drawn():
    # The ratios of debt to budget are "about 0,17 года": a bar, no line from low to high.
    chart = lg.plot.against_budget(lg.example(KG), "KG", as_of=KG_DAY, locale="ru_RU")
    years = chart.axes[1]
    assert "диапазон: от нижней до верхней границы" not in _legend(years)
    assert "приблизительно (штриховка)" in _legend(years)


def test_a_drawn_range_still_has_its_key():
    chart = lg.plot.against_budget(lg.example(), "TJ", as_of=date(2004, 3, 15))
    texts = _legend(chart.axes[0]) + _legend(chart.axes[1])
    assert "open end: more than, or at most (arrow)" in texts


def _tick_texts(ax, axis):
    ax.figure.canvas.draw()
    labels = ax.get_yticklabels() if axis == "y" else ax.get_xticklabels()
    return [t.get_text() for t in labels]


def test_the_history_axis_names_the_currency_as_its_step_labels_write_it():
    (ax,) = lg.plot.history(lg.example(KG), "KG", "RU", locale="ru_RU").axes
    labels = [t.get_text() for t in ax.texts]
    assert "489\xa0млн\xa0$" in labels
    assert ax.get_ylabel() == "млн $"


def test_the_netting_axis_names_the_currency_as_its_bar_labels_write_it():
    (ax,) = lg.plot.netting(lg.example(KG), "KG", "RU", locale="ru_RU").axes
    ticks = " ".join(_tick_texts(ax, "x"))
    assert "млн\xa0$" in ticks and "USD" not in ticks
    assert ax.get_ylabel() == "млн $"


def test_the_budget_axis_in_kyrgyz_soms_as_its_labels_write_them():
    chart = lg.plot.against_budget(lg.example(KG), "KG", as_of=KG_DAY, locale="ru_RU")
    flows = chart.axes[0]
    assert "KGS" in " ".join(_tick_texts(flows, "y"))
    assert flows.get_xlabel() == "млн KGS в год"


def test_the_history_step_labels_sit_above_the_line():
    (ax,) = lg.plot.history(lg.example(KG), "KG", "RU", locale="ru_RU").axes
    assert ax.texts
    for text in ax.texts:
        assert text.get_anncoords() == "offset points"
        assert text.xyann[1] >= 6  # points above the step it labels
        assert text.get_verticalalignment() == "bottom"  # its descenders above, not on, it
