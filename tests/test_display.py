"""Notebook faces: HTML that escapes what files say, frames that round-trip, plots that draw."""

import io
from datetime import date

import pytest
from hypothesis import given, settings

import ledger as lg
from ledger import strategies as lst

DAY = date(2004, 3, 15)


def test_the_ledger_table_names_parties_and_links_sources():
    html = lg.example()._repr_html_()
    assert "<table" in html and "Tajikistan owes Russia" in html
    assert "about $300M" in html and "more than $300M per year" in html
    assert 'title="Russia says Tajikistan owes some $300 million to Moscow."' in html
    assert "Russia → Tajikistan" not in html and "Russia, Kazakhstan → Tajikistan" in html


def test_a_quote_holding_a_script_comes_out_inert():
    book = lg.example()
    claim = book["ru-claims-tajik-debt"]
    hostile = claim.model_copy(
        update={
            "quote": '<script>alert("x")</script>',
            "source": claim.source.model_copy(update={"url": 'https://x" onmouseover="evil()'}),
        }
    )
    book = lg.Ledger([hostile if e.id == claim.id else e for e in book])
    for html in (book._repr_html_(), lg.net_balance(book, "TJ", "RU", as_of=DAY)._repr_html_()):
        assert "<script>" not in html
        assert "&lt;script&gt;" in html
        assert '" onmouseover="' not in html


def test_every_result_shows_itself():
    book = lg.example()
    assert "about $300M" in lg.Figure.of("300 million USD", "about")._repr_html_()
    balance = lg.net_balance(book, "TJ", "RU", as_of=DAY)
    assert "Tajikistan owes Russia about $250M net" in balance._repr_html_()
    assert repr(balance).startswith("<NetBalance TJ owes RU about 250000000 USD")
    ratio = lg.per_migrant(book, "TJ", as_of=DAY)
    assert "more than $300 per person per year" in ratio._repr_html_()
    transfers = lg.settle(book, as_of=DAY)
    assert "Tajikistan" in transfers._repr_html_() and "about $250M" in transfers._repr_html_()
    assert repr(transfers) == "<Transfers: TJ pays RU about 250000000 USD>"


def test_the_frame_keeps_decimals_units_bounds_and_qualifiers():
    frame = lg.example().to_frame()
    assert len(frame) == 4
    row = frame.set_index("id").loc["tajik-migrant-remittances"]
    assert row["amount"] is None and str(row["amount_low"]) == "300000000"
    assert type(row["amount_low"]).__name__ == "Decimal"
    assert row["amount_unit"] == "USD/year" and row["amount_qualifier"] == "more_than"
    assert row["amount_low_inclusive"] is False
    assert row["migrants_qualifier"] == "estimated"


def test_the_frame_reads_back_the_example():
    book = lg.example()  # a frame holds the entries; the title and description stay behind
    assert lg.Ledger.from_frame(book.to_frame()).entries == book.entries


@settings(max_examples=25)
@given(lst.ledgers(min_entries=1, text=lst.texts(blank=False)))  # a blank cell is no text
def test_the_frame_round_trips_generated_ledgers(book):
    assert lg.Ledger.from_frame(book.to_frame(), title=book.title) == book


def png(chart):
    buffer = io.BytesIO()
    chart.savefig(buffer, format="png", dpi=60)
    return buffer.getvalue()


@pytest.mark.parametrize("locale", ["en_US", "ru_RU", "tg_TJ"])
def test_plots_render_to_png_and_are_not_blank(locale):
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.image import imread

    for chart in (
        lg.plot.netting(lg.example(), "TJ", "RU", as_of=DAY, locale=locale),
        lg.plot.against_budget(lg.example(), "TJ", as_of=DAY, locale=locale),
    ):
        data = png(chart)
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        pixels = imread(io.BytesIO(data))
        height, width = pixels.shape[:2]
        assert width >= 300 and height >= 200
        assert pixels.std() > 0.05  # not one flat colour


def test_import_ledger_keeps_heavy_extras_out():
    import subprocess
    import sys

    code = (
        "import sys, ledger; ledger.example(); "
        "print(sorted(m for m in ('pandas', 'matplotlib', 'ledger.display', 'ledger.plot') "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "[]"
