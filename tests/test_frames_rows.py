"""Rows of a scanned file that cannot be read as written are refused for what they are, with
their file and line: a row with fewer or more fields than the header, a value the engine
cannot parse; and a refused row says its true reason (a negative amount, a settlement above
its claim) whatever columns the frame has (issue 14, the user check)."""

import csv
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ledger as lg

pl = pytest.importorskip("polars")
pytest.importorskip("duckdb")

frames = lg.frames
ENGINES = ["polars", "duckdb"]
HEADER = "id,debtor,creditor,currency,amount,qualifier,low,high,status,as_of\n"


def written(folder, *rows, header=HEADER, name="claims.csv"):
    path = folder / name
    path.write_text(header + "".join(row + "\n" for row in rows))
    return path


def refused(path, engine):
    with pytest.raises(frames.FrameError) as caught:
        frames.net_positions(frames.scan(path, engine=engine))
    return str(caught.value)


# -- 1. a row with fewer or more fields than the header ---------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_a_short_row_is_refused_with_its_file_and_line_not_dropped(tmp_path, engine):
    path = written(
        tmp_path,
        "c1,TJ,RU,USD,300.25,,,,asserted,2024-01-10",
        "c2,KG,RU,USD",
        "c3,RU,TJ,USD,50,,,,asserted,2024-01-10",
    )
    message = refused(path, engine)
    assert f"{path} line 3" in message, message
    assert "4 fields" in message and "10" in message, message
    assert "amount" in message and "too large" not in message, message


@pytest.mark.parametrize("engine", ENGINES)
def test_an_extra_field_is_refused_with_its_file_and_line(tmp_path, engine):
    path = written(
        tmp_path,
        "c1,TJ,RU,USD,300.25,,,,asserted,2024-01-10",
        "c2,KG,RU,USD,12,,,,asserted,2024-01-10,zzz",
    )
    message = refused(path, engine)
    assert f"{path} line 3" in message, message
    assert "11 fields" in message and "'zzz'" in message, message
    assert "too large" not in message, message


def test_a_short_row_in_a_minimal_file_is_refused_too(tmp_path):
    path = written(
        tmp_path, "TJ,RU,USD,300.25", "KG,RU", header="debtor,creditor,currency,amount\n"
    )
    message = refused(path, "polars")
    assert f"{path} line 3" in message and "2 fields" in message, message


def test_quoted_commas_and_empty_fields_are_not_counted_as_extra(tmp_path):
    path = written(
        tmp_path,
        '"c,1",TJ,RU,USD,300.25,,,,asserted,2024-01-10',
        "c2,RU,TJ,USD,50,,,,,2024-01-10",
        "",
    )
    got = frames.net_positions(frames.scan(path), figures=True)
    assert str(got["RU"]["USD"]) == "250.25 USD"


# -- 2. a value the engine cannot parse is a parse error, not an overflow --------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_a_date_the_engine_cannot_read_is_refused_as_unreadable(tmp_path, engine):
    path = written(
        tmp_path,
        "c1,TJ,RU,USD,300.25,,,,asserted,2024-01-10",
        "c2,KG,RU,USD,12,,,,asserted,2024-13-45",
    )
    message = refused(path, engine)
    assert "too large" not in message and "fewer places" not in message, message
    assert str(path) in message and "2024-13-45" in message, message


def test_a_thousands_separator_on_duckdb_is_refused_as_unreadable(tmp_path):
    path = written(
        tmp_path,
        "c1,TJ,RU,USD,300.25,,,,asserted,2024-01-10",
        'c2,KG,RU,USD,"1,000.00",,,,asserted,2024-01-10',
    )
    for engine in ENGINES:
        message = refused(path, engine)
        assert "too large" not in message and "fewer places" not in message, message
        assert str(path) in message and "line 3" in message, message


# -- 3. a settlement above its claim, with a `high` column -----------------------------------


@pytest.mark.parametrize("columns", [{}, {"high": [None]}, {"low": [None], "high": [None]}])
def test_a_settlement_above_its_claim_says_so_whatever_the_bound_columns(columns):
    claims = pl.DataFrame(
        {
            "id": ["t0"],
            "debtor": ["TJ"],
            "creditor": ["RU"],
            "currency": ["USD"],
            "amount": [2_911_077],
        }
        | columns,
        schema_overrides={"high": pl.Int64, "low": pl.Int64},
    )
    paid = pl.DataFrame({"claim": ["t0"], "amount": [3_000_000]})
    with pytest.raises(frames.FrameError) as caught:
        frames.net_positions(claims, settlements=paid)
    message = str(caught.value)
    assert "settlements of claim 't0' sum to 3000000" in message, message
    assert "more than the claim's 2911077" in message, message


# -- 4. a negative amount in a scanned CSV ---------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("scale", [2, None])
def test_a_negative_amount_in_a_csv_is_refused_as_negative(tmp_path, engine, scale):
    minus = "-5.00" if scale == 2 else "-500"
    path = written(
        tmp_path,
        "c1,TJ,RU,USD,30025,,,,asserted,2024-01-10",
        f"c2,KG,RU,USD,{minus},,,,asserted,2024-01-10",
    )
    with pytest.raises(frames.FrameError) as caught:
        frames.net_positions(frames.scan(path, engine=engine, scale=scale))
    message = str(caught.value)
    assert f"{path} line 3" in message, message
    assert f"amount={minus} is negative" in message, message
    assert "is not a" not in message, message


@pytest.mark.parametrize("engine", ENGINES)
def test_a_settlement_date_the_engine_cannot_read_names_the_settlements_file(tmp_path, engine):
    from datetime import date

    claims = written(tmp_path, "c1,TJ,RU,USD,300.25,,,,asserted,2024-01-10")
    paid = written(tmp_path, "c1,5,2024-13-45", header="claim,amount,as_of\n", name="paid.csv")
    with pytest.raises(frames.FrameError) as caught:
        frames.net_positions(
            frames.scan(claims, engine=engine),
            settlements=frames.scan(paid, engine=engine),
            as_of=date(2025, 1, 1),
        )
    message = str(caught.value)
    assert f"{paid} line 2" in message and "2024-13-45" in message, message


# -- the field count, against Python's own csv reader -----------------------------------------

field = st.text(alphabet="ab1 ,.", min_size=1, max_size=4)


@settings(max_examples=40, deadline=None)
@given(
    width=st.integers(min_value=1, max_value=5),
    rows=st.lists(st.lists(field, min_size=1, max_size=6), min_size=1, max_size=8),
)
def test_scan_refuses_the_first_row_whose_fields_are_not_the_headers(width, rows):
    header = [f"c{i}" for i in range(width)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rows.csv"
        with open(path, "w", newline="", encoding="utf-8") as text:
            csv.writer(text, lineterminator="\n").writerows([header, *rows])
        wrong = [n for n, row in enumerate(rows, start=2) if len(row) != width]
        if not wrong:
            frames.scan(path)  # nothing refused
            return
        with pytest.raises(frames.FrameError) as caught:
            frames.scan(path)
        first = rows[wrong[0] - 2]
        assert f"{path} line {wrong[0]}:" in str(caught.value), str(caught.value)
        assert f"{len(first)} fields where the header has {width}" in str(caught.value)


plain = st.text(alphabet="ab1 .", min_size=0, max_size=3)


@settings(max_examples=60, deadline=None)
@given(
    width=st.integers(min_value=1, max_value=4),
    rows=st.lists(st.lists(plain, min_size=0, max_size=5), min_size=0, max_size=8),
    newline=st.sampled_from(["\n", "\r\n"]),
    last=st.booleans(),
)
def test_scan_counts_fields_of_unquoted_lines_as_the_csv_reader_does(width, rows, newline, last):
    """No quote in the file (the quick look); an empty list is a blank line, which is no
    row; the last line with or without its newline."""
    header = [f"c{i}" for i in range(width)]
    lines = [",".join(header), *(",".join(row) for row in rows)]
    text = newline.join(lines) + (newline if last else "")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rows.csv"
        path.write_bytes(text.encode())
        wrong = [n for n, row in enumerate(rows, start=2) if ",".join(row) and len(row) != width]
        if not wrong:
            frames.scan(path)  # nothing refused
            return
        with pytest.raises(frames.FrameError) as caught:
            frames.scan(path)
        first = rows[wrong[0] - 2]
        assert f"{path} line {wrong[0]}:" in str(caught.value), str(caught.value)
        assert f"{len(first)} fields where the header has {width}" in str(caught.value)
