"""The summary of any ledger, cut or whole, text or JSON, is made without a traceback and
keeps every balance and position counted: shown plus left out is all of them (a user check
found --top stopping on an amount of no known size, which no property had generated)."""

import contextlib
import io
import json
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

import ledger.strategies as lst
from ledger.cli import main


@settings(max_examples=40, deadline=None)
@given(
    book=lst.ledgers(min_entries=1, max_entries=10, kinds=("claim", "settlement")),
    top=st.integers(min_value=1, max_value=3),
)
def test_summary_with_top_counts_every_row_it_leaves_out(book, top, tmp_path_factory):
    path = tmp_path_factory.mktemp("s") / "ledger.toml"
    book.save(path)
    on = date(2030, 1, 1).isoformat()
    whole, cut = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(whole):
        assert main(["summary", str(path), "--on", on, "--json"]) in (0, 1)
    with contextlib.redirect_stdout(cut):
        assert main(["summary", str(path), "--on", on, "--json", "--top", str(top)]) in (0, 1)
    all_rows, some = json.loads(whole.getvalue()), json.loads(cut.getvalue())
    for key in ("balances", "ratios", "unanswered"):
        assert len(some[key]) + some["left_out"][key] == len(all_rows[key]), key
    held = sum(len(by_code) for by_code in all_rows["positions"].values())
    shown = sum(len(by_code) for by_code in some["positions"].values())
    assert shown + some["left_out"]["positions"] == held
    text = io.StringIO()
    with contextlib.redirect_stdout(text):
        assert main(["summary", str(path), "--on", on, "--top", str(top)]) in (0, 1)
    assert "Traceback" not in text.getvalue()
