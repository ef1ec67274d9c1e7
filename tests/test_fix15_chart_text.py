"""What a user check without the code found in the charts and the text (issue 15): control and
bidi characters drawn as boxes in a chart (and a matplotlib warning carrying a raw ESC to the
terminal), a range with no central value drawn as a bar up to a figure no source gave, the
unit said twice in an English range of a flow, and a range written as one amount refused
without saying how to write one."""

import io
import os
import subprocess
import sys
import warnings
from contextlib import redirect_stderr, redirect_stdout

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ledger as lg
from ledger.cli import main
from ledger.display import html_text
from ledger.terminal import escaped, is_safe

matplotlib = pytest.importorskip("matplotlib")

#: The characters shown escaped wherever text is shown (HTML, terminal, charts), with how.
SHOWN = {
    "\x00": "\\x00",
    "\x07": "\\x07",
    "\x1b": "\\x1b",
    "\x7f": "\\x7f",
    "\x85": "\\x85",
    "\x9b": "\\x9b",
    "\u061c": "\\u061c",
    "\u200e": "\\u200e",
    "\u200f": "\\u200f",
    **{chr(c): f"\\u{c:04x}" for c in range(0x202A, 0x202F)},
    **{chr(c): f"\\u{c:04x}" for c in range(0x2066, 0x206A)},
}

HOSTILE_KG = "Кыр\x1b[5mгыз\u202eстан\u200f"
HOSTILE_RU = "Рос\u061cсия\x07 <svg onload=alert(7)>"

RANGE_BOOK = """
title = "A claim known only as a range"

[sources.s]
publisher = "Pub"
title = "Doc"
date = 2019-06-01

[[entries]]
kind = "claim"
id = "aral-claim"
as_of = 2019-06-01
source = "s"
creditor = "UZ"
debtor = "KZ"
asserted_by = "UZ"
qualifier = "range"
low = "20 million USD"
high = "50 million USD"
"""


def _texts(chart):
    """Every text a chart draws (titles, labels, ticks, legends, annotations)."""
    from matplotlib.text import Text

    chart.canvas.draw()
    return [t.get_text() for t in chart.findobj(Text) if t.get_text()]


def _hostile_kg():
    book = lg.example("kg-ru-2012")
    names = {"KG": {"name": {"en": HOSTILE_KG, "ru": HOSTILE_KG}}, "RU": HOSTILE_RU}
    return lg.Ledger(list(book), title=book.title, parties=names)


# -- A: one set of characters shown escaped, in HTML, on the terminal and in charts ---------------


@pytest.mark.parametrize("char", sorted(SHOWN))
def test_html_and_terminal_show_the_same_characters_escaped(char):
    text = f"a{char}b"
    assert escaped(text) == f"a{SHOWN[char]}b"
    assert html_text(text) == f"a{SHOWN[char]}b"
    assert not is_safe(char)


def test_html_shows_text_from_a_file_as_the_terminal_does():
    quote = "x \u200f\u2066y\u2069 \x1b]0;pwned\x07 <b>"
    assert html_text(quote) == "x \\u200f\\u2066y\\u2069 \\x1b]0;pwned\\x07 &lt;b&gt;"


def _charts(book, locale):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph would be an error here
        yield lg.plot.netting(book, "KG", "RU", locale=locale)
        yield lg.plot.history(book, "KG", "RU", locale=locale)
        yield lg.plot.against_budget(book, "KG", locale=locale)
        debt = lg.series(book, "KG", "debt", years=range(2011, 2014))
        yield lg.plot.series(debt, locale=locale, title=f"{HOSTILE_RU} {HOSTILE_KG}")


@pytest.mark.parametrize("locale", ["en_US", "ru_RU"])
def test_every_chart_shows_control_and_bidi_characters_escaped(locale):
    from matplotlib import pyplot

    for chart in _charts(_hostile_kg(), locale):
        texts = _texts(chart)
        assert all(is_safe(text) for text in texts), [t for t in texts if not is_safe(t)]
        assert any(escaped(HOSTILE_KG) in text for text in texts), texts
        svg = io.StringIO()
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            chart.savefig(svg, format="svg")
        pyplot.close(chart)


def test_the_report_chart_title_reads_as_its_caption(tmp_path):
    page = lg.report(_hostile_kg(), locale="ru_RU")
    shown = html_text(escaped(HOSTILE_KG))
    assert shown in page
    assert "\ufffd" not in page  # nothing drawn as a box or a replacement character
    assert is_safe(page)


def test_a_hostile_report_on_the_command_line_writes_nothing_raw(tmp_path):
    """Run as a user runs it (a subprocess: Python's own warning hook, not pytest's)."""
    path = tmp_path / "hostile.toml"
    path.write_text(_hostile_kg().dumps(), encoding="utf-8")
    page = str(tmp_path / "r.html")
    done = subprocess.run(
        [sys.executable, "-m", "ledger", "report", str(path), "-o", page, "--locale", "ru_RU"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONWARNINGS": "always"},
    )
    assert done.returncode == 0, done.stderr
    assert is_safe(done.stdout) and is_safe(done.stderr), done.stderr
    assert "Glyph" not in done.stderr and "Traceback" not in done.stderr


def test_a_warning_during_a_command_reaches_the_terminal_escaped(monkeypatch):
    """Whatever warns while a command runs (matplotlib, a library below) is shown escaped."""
    import ledger.cli as cli

    listed = cli.examples

    def warning(*args, **kwargs):
        warnings.warn("Glyph 27 (\x1b[5m) missing \u202e", UserWarning, stacklevel=1)
        return listed(*args, **kwargs)

    monkeypatch.setattr(cli, "examples", warning)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err), warnings.catch_warnings():
        warnings.simplefilter("default")
        assert main(["examples"]) == 0
    assert is_safe(err.getvalue()), repr(err.getvalue())
    assert "\\x1b[5m" in err.getvalue()


# -- B: a range with no central value is drawn as what it is --------------------------------------


def _bars(ax):
    from matplotlib.patches import Rectangle

    return [p for p in ax.patches if isinstance(p, Rectangle)]


def _span(bar, horizontal=False):
    if horizontal:
        return sorted((bar.get_x(), bar.get_x() + bar.get_width()))
    return sorted((bar.get_y(), bar.get_y() + bar.get_height()))


def test_a_range_claim_is_a_hollow_bar_from_low_to_high_in_the_waterfall():
    from matplotlib import pyplot

    book = lg.loads(RANGE_BOOK, name="range.toml")
    chart = lg.plot.netting(book, "KZ", "UZ")
    (ax,) = chart.axes
    bars = _bars(ax)
    spans = [_span(b) for b in bars]
    assert [20.0, 50.0] in spans  # the claim, and the net it leaves: from low to high
    assert not any(s[0] == 0.0 and s[1] == 35.0 for s in spans), spans  # no bar to 35
    for bar in bars:
        assert bar.get_fill() is False or bar.get_facecolor()[3] == 0.0  # hollow
        assert bar.get_hatch()
    assert not ax.lines or all(  # no whisker over a bar that is itself the range
        sorted(line.get_ydata()) != [20.0, 50.0] for line in ax.lines
    )
    chart.canvas.draw()
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("range" in t for t in legend), legend
    pyplot.close(chart)


RANGE_BUDGET = """
[sources.s]
publisher = "Pub"
title = "Doc"
date = 2019-06-01

[[entries]]
kind = "remittance"
id = "remit"
as_of = 2019-12-31
source = "s"
origin = "KZ"
destination = "UZ"
low = "300 million USD/year"
high = "400 million USD/year"
qualifier = "range"

[[entries]]
kind = "budget"
id = "budget"
as_of = 2019-01-01
source = "s"
party = "UZ"
amount = "1000 million USD/year"
fiscal_year = 2019
"""


def test_a_range_of_remittances_is_a_hollow_bar_from_low_to_high_against_the_budget():
    from matplotlib import pyplot

    chart = lg.plot.against_budget(lg.loads(RANGE_BUDGET, name="b.toml"), "UZ")
    flows = chart.axes[0]
    spans = {tuple(_span(b, horizontal=True)): b for b in _bars(flows)}
    assert (300.0, 400.0) in spans
    assert (0.0, 350.0) not in spans
    ranged = spans[(300.0, 400.0)]
    assert ranged.get_hatch() and (ranged.get_fill() is False or ranged.get_facecolor()[3] == 0)
    assert spans[(0.0, 1000.0)].get_fill()  # the budget, a figure with a value: a solid bar
    pyplot.close(chart)


# -- D: an English range of a flow says its unit once ---------------------------------------------


def test_an_english_range_of_a_flow_says_per_year_once():
    flow = lg.Figure.range("300 million USD/year", "400 million USD/year")
    assert lg.format_figure(flow) == "$300M–$400M per year"
    assert lg.format_figure(flow, "ru_RU") == "300–400\xa0млн\xa0$ в год"
    stock = lg.Figure.range("20 million USD", "50 million USD")
    assert lg.format_figure(stock) == "$20M–$50M"
    people = lg.Figure.range("1 million person", "2 million person")
    assert lg.format_figure(people) == "1–2 million people"


# -- E: a range written as one amount is refused with the way to write it --------------------------


def test_a_range_written_as_one_amount_is_refused_with_how_to_write_a_range():
    text = RANGE_BUDGET.replace(
        'low = "300 million USD/year"\nhigh = "400 million USD/year"\nqualifier = "range"',
        'amount = "between 300 and 400 million USD/year"',
    )
    with pytest.raises(lg.LedgerError) as refused:
        lg.loads(text, name="b.toml")
    message = str(refused.value)
    assert "b.toml" in message and "remit" in message
    assert 'qualifier = "range"' in message
    assert 'low = "300 million USD/year"' in message
    assert 'high = "400 million USD/year"' in message


@pytest.mark.parametrize(
    "text",
    ["300-400 million USD", "from 300 to 400 million USD", "300 to 400 million USD"],
)
def test_other_spellings_of_a_range_are_refused_with_the_range_form(text):
    with pytest.raises(lg.LedgerError, match='qualifier = "range"'):
        lg.Figure.of(text)


def test_a_chart_draws_both_dollar_signs_of_a_range_not_mathematics():
    """Two "$" in one label made matplotlib draw the text between them as mathematics."""
    from matplotlib import pyplot, rc_context

    chart = lg.plot.against_budget(lg.loads(RANGE_BUDGET, name="b.toml"), "UZ")
    svg = io.StringIO()
    with rc_context({"svg.fonttype": "none"}):
        chart.savefig(svg, format="svg")
    pyplot.close(chart)
    assert "$300M–$400M per year" in svg.getvalue()


@settings(max_examples=60, deadline=None)
@given(
    low=st.integers(min_value=1, max_value=10**12),
    more=st.integers(min_value=1, max_value=10**12),
    unit=st.sampled_from(["USD/year", "RUB/year", "KGS/month", "EUR/year"]),
    approximate=st.booleans(),
)
def test_an_english_range_of_a_flow_says_its_period_once(low, more, unit, approximate):
    flow = lg.Figure.range(f"{low} {unit}", f"{low + more} {unit}", approximate=approximate)
    english = lg.format_figure(flow)
    period = "per month" if unit.endswith("month") else "per year"
    assert english.count(period) == 1, english
    assert english.endswith(period), english
