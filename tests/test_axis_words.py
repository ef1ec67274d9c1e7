"""The value axis of every chart, in every language: the currency as the bars write it, the
scale, and "per year" for flows, read as each language writes an axis (issue 15, part 3)."""

from datetime import date

import pytest

import ledger as lg

pytest.importorskip("matplotlib")

DAY = date(2004, 3, 15)
KG_DAY = date(2013, 10, 1)

# (locale, the stock axis in dollars, the flow axis in dollars, the flow axis in som), by hand:
# English as charts label it ("$ millions per year"), the others as their catalogs write the
# bars' amounts ("300 млн $ в год", "300 млн. US$ дар як сол", "жылына 300 млн USD").
AXES = [
    ("en_US", "$ millions", "$ millions per year", "KGS millions per year"),
    ("ru_RU", "млн $", "млн $ в год", "млн KGS в год"),
    ("tg_TJ", "млн. US$", "млн. US$ дар як сол", "млн. KGS дар як сол"),
    ("ky_KG", "млн USD", "жылына млн USD", "жылына млн сом"),
    ("kk_KZ", "млн $", "жылына млн $", "жылына млн KGS"),
    ("uz_Latn_UZ", "mln US$", "yiliga mln US$", "yiliga mln KGS"),
    ("uz_Cyrl_UZ", "млн US$", "йилига млн US$", "йилига млн KGS"),
]


@pytest.mark.parametrize(("locale", "stock", "flow", "som"), AXES)
def test_every_value_axis_names_the_currency_and_per_year(locale, stock, flow, som):
    chart = lg.plot.netting(lg.example(), "TJ", "RU", as_of=DAY, locale=locale)
    assert chart.axes[0].get_ylabel() == stock
    flows, _ = lg.plot.against_budget(lg.example(), "TJ", as_of=DAY, locale=locale).axes
    assert flows.get_xlabel() == flow
    kg = lg.plot.against_budget(lg.example("kg-ru-2012"), "KG", as_of=KG_DAY, locale=locale)
    assert kg.axes[0].get_xlabel() == som


@pytest.mark.parametrize(("locale", "stock", "flow", "som"), AXES)
def test_a_series_axis_writes_the_currency_as_the_other_charts(locale, stock, flow, som):
    remittances = lg.series(lg.example("kg-ru-2012"), "KG", "remittances", years=[2011, 2012])
    (ax,) = lg.plot.series(remittances, locale=locale).axes
    assert ax.get_ylabel() == flow
    debt = lg.series(lg.example("kg-ru-2012"), "KG", "debt", years=[2011, 2012])
    (ax,) = lg.plot.series(debt, locale=locale).axes
    assert ax.get_ylabel() == stock
