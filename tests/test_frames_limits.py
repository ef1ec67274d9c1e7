"""ledger.frames at the edges of what an engine's numbers hold, and refusals of scanned files:
a sum that would pass what its type holds is refused with the column named (never a wrapped
number), an amount of 10**30 or more is refused as the object path refuses it, an amount
just below nets exactly; on polars (eager and lazy) and DuckDB alike."""

from decimal import Decimal

import pytest

import ledger as lg

pa = pytest.importorskip("pyarrow")
pl = pytest.importorskip("polars")
duckdb = pytest.importorskip("duckdb")

frames = lg.frames
ENGINES = ["polars", "lazy", "duckdb"]


def engine_frame(table, engine):
    """A pyarrow table as the engine's frame: polars eager or lazy, or a DuckDB relation."""
    if engine == "duckdb":
        return duckdb.from_arrow(table)
    frame = pl.from_arrow(table)
    return frame.lazy() if engine == "lazy" else frame


def claims(amounts, amount_type, debtors=None, **columns):
    """Claims of TJ (or ``debtors``) on RU in USD, one per amount."""
    n = len(amounts)
    data = {
        "debtor": debtors or ["TJ"] * n,
        "creditor": ["RU"] * n,
        "currency": ["USD"] * n,
        "amount": pa.array(amounts, amount_type),
    }
    return pa.table(data | columns)


def rows(native):
    import narwhals as nw

    frame = nw.from_native(native)
    frame = frame.collect() if hasattr(frame, "collect") else frame
    return {(party, code): amount for party, code, amount in frame.select(
        "party", "currency", "amount").iter_rows()}  # fmt: skip


# -- whole minor units in 64 bits ------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_integer_sums_past_64_bits_are_refused_naming_the_column(engine):
    # Four claims of 2**62 cents: their sum, 2**64, wraps round to 0 in a 64-bit integer.
    table = claims([2**62] * 4, pa.int64())
    with pytest.raises(frames.FrameError, match=r"column 'amount'.*64-bit integer"):
        frames.net_positions(engine_frame(table, engine))


@pytest.mark.parametrize("engine", ENGINES)
def test_integer_sums_with_bounds_past_64_bits_are_refused(engine):
    table = claims([2**62] * 4, pa.int64(), qualifier=["about"] * 4)
    with pytest.raises(frames.FrameError, match=r"'amount'.*64-bit integer"):
        frames.net_positions(engine_frame(table, engine))


@pytest.mark.parametrize("engine", ENGINES)
def test_large_integer_sums_within_64_bits_net_exactly(engine):
    # Two claims of 2**61 cents sum to 2**62: within 64 bits, so netted, to the cent.
    table = claims([2**61, 2**61], pa.int64(), debtors=["TJ", "KG"])
    got = rows(frames.net_positions(engine_frame(table, engine)))
    assert got == {("KG", "USD"): -(2**61), ("RU", "USD"): 2**62, ("TJ", "USD"): -(2**61)}


@pytest.mark.parametrize("engine", ENGINES)
def test_integer_sums_past_64_bits_on_one_side_net_exactly(engine):
    # RU is owed 2**63 cents (past 64 bits) and owes 2**62: its position, 2**62, fits.
    big = 2**62
    table = claims([big, big, big], pa.int64(), debtors=["TJ", "KG", "RU"])
    table = table.set_column(1, "creditor", pa.array(["RU", "RU", "UZ"]))
    got = rows(frames.net_positions(engine_frame(table, engine)))
    assert got == {("KG", "USD"): -big, ("RU", "USD"): big, ("TJ", "USD"): -big, ("UZ", "USD"): big}
    figures = frames.net_positions(engine_frame(table, engine), figures=True)
    assert str(figures["RU"]["USD"]) == f"{Decimal(big) / 100} USD"


@pytest.mark.parametrize("engine", ENGINES)
def test_integer_sums_past_64_bits_with_settlements_net_exactly(engine):
    big = 2**62
    table = claims([big, big], pa.int64(), debtors=["TJ", "KG"], id=["a", "b"])
    paid = pa.table({"claim": ["a", "a"], "amount": pa.array([big // 2, big // 4], pa.int64())})
    got = rows(
        frames.net_positions(engine_frame(table, engine), settlements=engine_frame(paid, engine))
    )
    left = big - big // 2 - big // 4
    assert got == {("KG", "USD"): -big, ("RU", "USD"): big + left, ("TJ", "USD"): -left}
    transfers = frames.settle(engine_frame(table, engine), settlements=engine_frame(paid, engine))
    assert sorted(rows_of(transfers)) == [("KG", "RU", "USD", big), ("TJ", "RU", "USD", left)]


@pytest.mark.parametrize("engine", ENGINES)
def test_settlements_summing_past_64_bits_are_refused_not_wrapped(engine):
    # Four settlements of 2**62 cents on a claim of 5 cents: their sum, 2**64, wraps to 0 in
    # 64 bits (the claim would look unsettled); exactly, it is more than the claim.
    big = 2**62
    table = claims([5, 5], pa.int64(), debtors=["TJ", "KG"], id=["a", "b"])
    paid = pa.table({"claim": ["a"] * 4, "amount": pa.array([big] * 4, pa.int64())})
    with pytest.raises(frames.FrameError, match=r"settlements of claim 'a' sum to .*more than"):
        frames.net_positions(engine_frame(table, engine), settlements=engine_frame(paid, engine))


def rows_of(native):
    import narwhals as nw

    frame = nw.from_native(native)
    frame = frame.collect() if hasattr(frame, "collect") else frame
    return list(frame.select("payer", "payee", "currency", "amount").iter_rows())


# -- decimals: 10**30 and the engine's 38 digits ----------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_an_amount_of_10_to_the_30_is_refused_as_the_object_path_refuses_it(engine):
    with pytest.raises(lg.AmountError, match=r"below 10\*\*30"):
        lg.Figure.of("1e30 USD")  # the object path's words
    table = claims([Decimal("1E+30"), Decimal("5.00")], pa.decimal128(38, 2))
    with pytest.raises(frames.FrameError, match=r"amount=1E\+30.* is too large.*below 10\*\*30"):
        frames.net_positions(engine_frame(table, engine))


@pytest.mark.parametrize("engine", ENGINES)
def test_a_bound_of_10_to_the_30_is_refused(engine):
    table = claims(
        [None, Decimal("5.00")],
        pa.decimal128(38, 2),
        low=pa.array([Decimal(1), None], pa.decimal128(38, 2)),
        high=pa.array([Decimal("2E+30"), None], pa.decimal128(38, 2)),
    )
    with pytest.raises(frames.FrameError, match=r"high=2E\+30.* is too large"):
        frames.net_positions(engine_frame(table, engine))


@pytest.mark.parametrize("engine", ENGINES)
def test_amounts_just_below_10_to_the_30_net_exactly(engine):
    below = Decimal("999999999999999999999999999999.99")  # the largest amount with cents
    table = claims(
        [below, below, Decimal("0.01")], pa.decimal128(38, 2), debtors=["TJ", "TJ", "KG"]
    )
    got = rows(frames.net_positions(engine_frame(table, engine)))
    # The oracle: the same sums in exact fractions.
    from fractions import Fraction

    owed = Fraction(below) * 2 + Fraction("0.01")
    assert {key: Fraction(value) for key, value in got.items()} == {
        ("KG", "USD"): -Fraction("0.01"),
        ("RU", "USD"): owed,
        ("TJ", "USD"): -Fraction(below) * 2,
    }


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("qualifier", [None, "about"])
def test_decimal_sums_past_the_engines_digits_are_refused_naming_the_column(engine, qualifier):
    # Eight places leave 30 digits before the point: two amounts below 10**30 sum past them.
    # polars' grouped sum wraps round silently there (a negative position for RU).
    amount = Decimal("900000000000000000000000000000") - Decimal("0.00000001")
    words = {} if qualifier is None else {"qualifier": [qualifier] * 2}
    table = claims([amount, amount], pa.decimal128(38, 8), **words)
    with pytest.raises(frames.FrameError, match=r"column 'amount'.*too large to sum"):
        frames.net_positions(engine_frame(table, engine))


# -- scanned files: the file and line of a refused row ---------------------------------------


@pytest.mark.parametrize("engine", ["polars", "duckdb"])
def test_a_bad_csv_value_is_shown_with_its_file_and_line_on_either_engine(tmp_path, engine):
    (tmp_path / "a.csv").write_text("debtor,creditor,currency,amount\nTJ,RU,USD,300.25\n")
    (tmp_path / "b.csv").write_text(
        "debtor,creditor,currency,amount\nRU,TJ,USD,50\nKG,RU,USD,12.345\n"
    )
    with pytest.raises(frames.FrameError) as refused:
        frames.net_positions(frames.scan(tmp_path / "*.csv", engine=engine))
    message = str(refused.value)
    assert "b.csv line 3" in message and "amount='12.345'" in message, message
    assert "at most 2 decimal places" in message


@pytest.mark.parametrize("engine", ["polars", "duckdb"])
def test_a_bad_csv_row_is_shown_with_its_file_and_line_on_either_engine(tmp_path, engine):
    (tmp_path / "claims.csv").write_text(
        "id,debtor,creditor,currency,amount\nc1,TJ,RU,USD,300.25\nc2,KG,KG,USD,12\n"
    )
    with pytest.raises(frames.FrameError) as refused:
        frames.net_positions(frames.scan(tmp_path / "claims.csv", engine=engine))
    message = str(refused.value)
    assert "id='c2'" in message and "claims.csv line 3" in message, message
    assert "both 'KG'" in message


@pytest.mark.parametrize("engine", ["polars", "duckdb"])
def test_a_scanned_csv_nets_the_same_with_its_file_columns(tmp_path, engine):
    (tmp_path / "claims.csv").write_text(
        "debtor,creditor,currency,amount\nTJ,RU,USD,300.25\nRU,TJ,USD,50\n"
    )
    got = frames.net_positions(frames.scan(tmp_path / "claims.csv", engine=engine), figures=True)
    assert str(got["RU"]["USD"]) == "250.25 USD"
