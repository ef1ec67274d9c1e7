"""Charts as a user check found them (issue 15): a series' axis in the words of the other
charts, the ledger's own names of parties in its legend, a key to the hollow dot, and the
budget chart's tick numbers apart in Russian."""

from datetime import date
from itertools import pairwise

import pytest

import ledger as lg

pytest.importorskip("matplotlib")

KG = "kg-ru-2012"


def _legend(chart):
    chart.canvas.draw()
    legend = chart.axes[0].get_legend()
    return [t.get_text() for t in legend.get_texts()]


def test_a_series_of_flows_says_millions_of_the_currency_per_year_in_russian():
    remittances = lg.series(lg.example(KG), "KG", "remittances", years=[2011, 2012])
    (ax,) = lg.plot.series(remittances, locale="ru_RU").axes
    assert ax.get_ylabel() == "млн $ в год"  # the currency as the other charts write it
    assert "year" not in ax.get_ylabel()


def test_a_series_of_a_stock_says_millions_of_the_currency():
    debt = lg.series(lg.example(KG), "KG", "debt", years=[2011, 2012])
    (ax,) = lg.plot.series(debt).axes
    assert ax.get_ylabel() == "$ millions"


def test_a_series_legend_uses_the_ledgers_name_of_the_party():
    debt = lg.series(lg.example(KG), "KG", "debt", years=[2011, 2012])
    labels = _legend(lg.plot.series(debt, locale="ru_RU"))
    assert "долг, Кыргызстан" in labels
    assert not any("Киргизия" in text for text in labels)


def test_a_series_carries_the_ledgers_names():
    debt = lg.series(lg.example(KG), "KG", "debt", years=[2012])
    assert debt.names == {"KG": {"name": {"ru": "Кыргызстан"}}}
    assert lg.series(lg.example(), "TJ", "debt", years=[2004]).names == {}


def test_the_hollow_dot_of_an_approximate_figure_has_a_key_in_the_legend():
    remittances = lg.series(lg.example(KG), "KG", "remittances", years=[2011, 2012])
    assert any(f is not None and f.approximate for _, f in remittances.items())
    assert "approximate or only bounded (hollow dot)" in _legend(lg.plot.series(remittances))
    russian = _legend(lg.plot.series(remittances, locale="ru_RU"))
    assert "приблизительно или только границы (полый кружок)" in russian


def test_no_key_to_a_hollow_dot_where_none_is_drawn():
    book = lg.loads(
        """
[sources.s]
publisher = "Pub"
title = "Doc"
date = 2013-01-01

[[entries]]
kind = "budget"
id = "b"
as_of = 2012-01-01
source = "s"
party = "KG"
amount = "100 million USD/year"
fiscal_year = 2012
"""
    )
    budget = lg.series(book, "KG", "budget", years=[2012])
    assert "approximate or only bounded (hollow dot)" not in _legend(lg.plot.series(budget))


def _overlapping(labels):
    """Pairs of neighbouring tick labels whose boxes overlap on the screen."""
    boxes = sorted(
        (t.get_window_extent() for t in labels if t.get_text() and t.get_visible()),
        key=lambda box: box.x0,
    )
    return [(a, b) for a, b in pairwise(boxes) if a.x1 > b.x0]


@pytest.mark.parametrize("locale", ["ru_RU", "en_US", "tg_TJ"])
def test_the_budget_charts_tick_numbers_do_not_collide(locale):
    chart = lg.plot.against_budget(lg.example(KG), "KG", as_of=date(2013, 10, 1), locale=locale)
    chart.canvas.draw()
    for ax in chart.axes:
        assert not _overlapping(ax.get_xticklabels()), [t.get_text() for t in ax.get_xticklabels()]
