"""The report's charts fit (issue 15, a user check): long translated titles, labels and
legends are wrapped to the chart's width instead of collapsing its plot area (matplotlib's
"constrained_layout not applied because axes sizes collapsed to zero", in English, on the
terminal), and the waterfall fits the page's column at 1280 px with its text at 10 px."""

import warnings
from datetime import date

import pytest

import ledger as lg
from ledger.reporting import READABLE_PX

matplotlib = pytest.importorskip("matplotlib")

LOCALES = ["en_US", "ru_RU", "tg_TJ", "ky_KG", "kk_KZ", "uz_UZ", "uz_Cyrl"]

#: The page's column: 62rem of 16 px.
COLUMN_PX = 62 * 16

#: A user's file: Uzbekistan's debt against its budget, a range with no central value, names
#: in every language (its ratio chart collapsed in Kyrgyz and Russian).
MINE = """\
title = "Қазақстан, Өзбекстан және Арал қоры"

[parties.UZ]
name = {ky = "Өзбекстан", kk = "Өзбекстан", uz = "Oʻzbekiston", uz_Cyrl = "Ўзбекистон", \
ru = "Узбекистан", tg = "Ӯзбекистон", en = "Uzbekistan"}

[parties."org:aral"]
name = {en = "Aral Sea Fund", ru = "Фонд спасения Арала", ky = "Арал фонду", kk = "Арал қоры", \
uz = "Orol jamgʻarmasi", uz_Cyrl = "Орол жамғармаси", tg = "Фонди Арал"}

[sources.gazeta]
publisher = "Gazeta.uz"
title = "Долг Узбекистана перед Казахстаном"
date = 2019-06-01
url = "https://www.gazeta.uz/ru/2019/06/01/debt/"

[sources.kun]
publisher = "Kun.uz"
title = "Qarz hisobdan chiqarildi"
date = 2020-02-01

[[entries]]
kind = "claim"
id = "kz-claim-uz"
as_of = 2019-06-01
source = "gazeta"
creditor = "KZ"
debtor = "UZ"
asserted_by = "KZ"
amount = "more than 100 million USD"

[[entries]]
kind = "claim"
id = "aral-claim-kz"
as_of = 2019-06-01
source = "gazeta"
creditor = "org:aral"
debtor = "KZ"
asserted_by = "org:aral"
qualifier = "range"
low = "20 million USD"
high = "50 million USD"

[[entries]]
kind = "settlement"
id = "kz-uz-write-off"
as_of = 2020-02-01
source = "kun"
claim = "kz-claim-uz"
amount = "40 million USD"
method = "write_off"

[[entries]]
kind = "remittance"
id = "uz-remit-kz"
as_of = 2019-12-31
source = "gazeta"
origin = "KZ"
destination = "UZ"
amount = { low = "300 million USD/year", high = "400 million USD/year" }

[[entries]]
kind = "budget"
id = "uz-budget-2019"
as_of = 2019-01-01
source = "kun"
party = "UZ"
amount = "about 14 billion USD/year"
fiscal_year = 2019

[[entries]]
kind = "rate"
id = "uzs-usd-2019"
as_of = 2019-12-31
source = "kun"
rate = "9507.56 UZS/USD"
"""

BOOKS = [
    ("mine", date(2020, 6, 1)),
    ("kg-ru-2012", None),
    ("kg-ru-2012", date(2018, 12, 31)),
    ("tj-ru-2004", date(2004, 3, 15)),
]


def _book(name):
    return lg.loads(MINE, name="mine.toml") if name == "mine" else lg.example(name)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(("name", "day"), BOOKS, ids=[f"{n}-{d}" for n, d in BOOKS])
def test_no_matplotlib_warning_while_making_a_report(name, day, locale):
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        page = lg.report(_book(name), as_of=day, locale=locale)
    assert "<svg" in page
    assert [str(w.message) for w in said] == []


def _texts_outside(chart):
    """The texts a chart draws beyond its own edges (cut off where it is shown): the titles,
    notes and legends named, and each panel's drawn ticks and labels as a whole."""
    from matplotlib.text import Text

    renderer = chart.canvas.get_renderer()
    chart.draw(renderer)
    edge = chart.bbox

    def out(box):
        return box.x0 < edge.x0 - 1 or box.x1 > edge.x1 + 1

    ticks = {id(t) for ax in chart.axes for t in ax.get_xticklabels() + ax.get_yticklabels()}
    outside = [
        text.get_text()
        for text in chart.findobj(Text)
        if text.get_visible()
        and text.get_text()
        and id(text) not in ticks
        and out(text.get_window_extent(renderer))
    ]
    outside += [f"panel {n}" for n, ax in enumerate(chart.axes) if out(ax.get_tightbbox(renderer))]
    return outside


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("stacked", [True, False])
def test_the_ratio_chart_keeps_its_plot_area_and_every_text_inside(locale, stacked):
    from matplotlib import pyplot

    book = lg.loads(MINE, name="mine.toml")
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        chart = lg.plot.against_budget(
            book, "UZ", as_of=date(2020, 6, 1), locale=locale, stacked=stacked
        )
        try:
            assert _texts_outside(chart) == []
            # The plot area keeps a share of the width: most of it stacked (the report's
            # layout); side by side (a notebook's), at least a tenth of each panel's half: the
            # ky and tg bound labels ("more than 0.004 years" in their words) narrow it to
            # ~0.12 there; a collapse is caught by the warning matplotlib gives (below).
            for ax in chart.axes:
                assert ax.get_position().width > (0.6 if stacked else 0.1), locale
        finally:
            pyplot.close(chart)
    assert [str(w.message) for w in said] == []


def _readable_widths(page):
    import re

    return [int(px) for px in re.findall(r"--readable:(\d+)px", page)]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(("name", "day"), BOOKS, ids=[f"{n}-{d}" for n, d in BOOKS])
def test_every_chart_fits_the_page_at_1280_px_with_text_of_10_px(name, day, locale):
    """A chart's least width at which its smallest text is 10 px is within the page's
    column (the waterfall asked for 1235 px in a column of 992)."""
    widths = _readable_widths(lg.report(_book(name), as_of=day, locale=locale))
    assert widths, "no chart"
    assert max(widths) <= COLUMN_PX, widths
    assert READABLE_PX == 10


@pytest.mark.parametrize("locale", LOCALES)
def test_the_report_waterfall_keeps_every_text_inside(locale):
    from matplotlib import pyplot

    chart = lg.plot.netting(
        lg.example("kg-ru-2012"), "KG", "RU", locale=locale, currency="USD", stacked=True
    )
    try:
        assert _texts_outside(chart) == []
    finally:
        pyplot.close(chart)


def test_the_report_waterfall_grows_with_its_steps():
    from matplotlib import pyplot

    book = lg.example("kg-ru-2012")
    short = lg.plot.netting(book, "KG", "RU", as_of=date(2013, 1, 1), stacked=True)
    long = lg.plot.netting(book, "KG", "RU", stacked=True)
    try:
        assert short.get_figwidth() == long.get_figwidth()
        assert long.get_figheight() > short.get_figheight()
    finally:
        pyplot.close(short)
        pyplot.close(long)
