"""A claim or settlement with an empty date, and a claim id given twice, are refused on every
engine, the row (or the id) named: the date filter dropped an undated row without a word, and a
lazy frame took two claims of one id (issue 14). A blank line of a CSV file (a row of nothing
but empty fields) is no row: never refused, never counted."""

from collections import Counter
from datetime import date
from decimal import Decimal

import pytest
from frame_engines import ENGINES, NARWHALS_DASK, needs_dask, pa, pl
from hypothesis import given, settings
from hypothesis import strategies as st

import ledger as lg

frames = lg.frames
pytestmark = NARWHALS_DASK

DAY = date(2024, 6, 30)
MONEY = pa.decimal128(38, 2)


def table(ids, debtors, creditors, amounts, days, **columns):
    """Claims in USD as a pyarrow table, written by hand."""
    n = len(ids)
    data = {
        "id": pa.array(ids, pa.string()),
        "debtor": pa.array(debtors, pa.string()),
        "creditor": pa.array(creditors, pa.string()),
        "currency": pa.array(["USD"] * n, pa.string()),
        "amount": pa.array([None if a is None else Decimal(a) for a in amounts], MONEY),
        "as_of": pa.array(days, pa.date32()),
    }
    return pa.table(data | {k: pa.array(v) for k, v in columns.items()})


LAZY = ["polars-lazy", "duckdb", pytest.param("dask", marks=needs_dask)]


def positions(native):
    """{(party, currency): amount} of a frame of positions, of any engine."""
    import narwhals as nw

    frame = nw.from_native(native)
    frame = frame.collect() if hasattr(frame, "collect") else frame
    rows = frame.select("party", "currency", "amount").iter_rows()
    return {(party, code): amount for party, code, amount in rows}


UNDATED = table(
    ["c1", "c2", "c3"],
    ["TJ", "KG", "RU"],
    ["RU", "RU", "TJ"],
    ["300.25", "12.00", "50.00"],
    [date(2024, 1, 10), None, date(2024, 1, 10)],
)


# -- 1. an undated claim or settlement -------------------------------------------------------


@pytest.mark.parametrize("engine", sorted(ENGINES))
@pytest.mark.parametrize("qualified", [False, True], ids=["exact", "qualified"])
def test_an_undated_claim_is_refused_naming_its_id_and_the_column(engine, qualified):
    claims = UNDATED
    if qualified:  # the interval path, not the exact one
        claims = claims.append_column("qualifier", pa.array([None, "about", None], pa.string()))
    with pytest.raises(frames.FrameError) as caught:
        frames.net_positions(ENGINES[engine](claims), as_of=DAY)
    message = str(caught.value)
    assert "id='c2'" in message, message
    assert "as_of" in message and "YYYY-MM-DD" in message, message
    assert "c1" not in message and "c3" not in message, message


@pytest.mark.parametrize("engine", ["polars", "polars-lazy", "duckdb"])
def test_an_undated_claim_is_refused_by_net_balance_and_settle(engine):
    native = ENGINES[engine](UNDATED)
    for call in (
        lambda: frames.net_balance(native, "KG", "RU", as_of=DAY),
        lambda: frames.settle(native, as_of=DAY),
        lambda: frames.net_positions(native, as_of=DAY, figures=True),
    ):
        with pytest.raises(frames.FrameError, match=r"id='c2'.*as_of.*YYYY-MM-DD"):
            call()


def test_an_undated_claim_without_an_id_is_named_by_its_columns():
    claims = pl.from_arrow(UNDATED).drop("id")
    with pytest.raises(frames.FrameError, match=r"debtor='KG'.*as_of.*YYYY-MM-DD"):
        frames.net_positions(claims, as_of=DAY)


@pytest.mark.parametrize(
    "engine",
    [
        "polars",
        "polars-lazy",
        "duckdb",
        "pandas",
        "pyarrow",
        pytest.param("dask", marks=needs_dask),
    ],
)
def test_an_undated_settlement_is_refused_naming_its_claim(engine):
    make = ENGINES[engine]
    claims = table(["c1"], ["TJ"], ["RU"], ["300.00"], [date(2024, 1, 10)])
    paid = pa.table(
        {
            "claim": pa.array(["c1", "c1"], pa.string()),
            "amount": pa.array([Decimal("10"), Decimal("20")], MONEY),
            "as_of": pa.array([date(2024, 2, 1), None], pa.date32()),
        }
    )
    with pytest.raises(frames.FrameError) as caught:
        frames.net_positions(make(claims), settlements=make(paid), as_of=DAY)
    message = str(caught.value)
    assert "settlements row claim='c1'" in message, message
    assert "as_of" in message and "YYYY-MM-DD" in message, message


@pytest.mark.parametrize("engine", ["polars", "duckdb"])
def test_an_undated_row_of_a_csv_file_is_refused_with_its_file_and_line(tmp_path, engine):
    path = tmp_path / "claims.csv"
    path.write_text(
        "id,debtor,creditor,currency,amount,as_of\n"
        "c1,TJ,RU,USD,300.25,2024-01-10\n"
        "c2,KG,RU,USD,12,\n"
        "c3,RU,TJ,USD,50,2024-01-10\n"
    )
    with pytest.raises(frames.FrameError) as caught:
        frames.net_positions(frames.scan(path, engine=engine), as_of=DAY)
    message = str(caught.value)
    assert f"{path} line 3" in message and "id='c2'" in message, message
    assert "as_of" in message and "YYYY-MM-DD" in message, message


@pytest.mark.parametrize("engine", ["polars", "duckdb"])
@pytest.mark.parametrize("dated", [True, False], ids=["dated", "no-as_of"])
def test_blank_lines_of_a_csv_file_are_no_rows(tmp_path, engine, dated):
    """Blank lines in the middle and at the end (polars reads each as a row of nulls)."""
    head = "id,debtor,creditor,currency,amount" + (",as_of" if dated else "")
    day = ",2024-01-10" if dated else ""
    path = tmp_path / "claims.csv"
    path.write_text(f"{head}\nc1,TJ,RU,USD,300.25{day}\n\n\nc2,RU,TJ,USD,50{day}\n\n")
    got = frames.net_positions(frames.scan(path, engine=engine), as_of=DAY, figures=True)
    assert str(got["RU"]["USD"]) == "250.25 USD"
    assert str(got["TJ"]["USD"]) == "-250.25 USD"


def test_blank_lines_of_a_settlements_file_are_no_rows(tmp_path):
    claims = tmp_path / "claims.csv"
    claims.write_text("id,debtor,creditor,currency,amount,as_of\nc1,TJ,RU,USD,300,2024-01-10\n")
    paid = tmp_path / "paid.csv"
    paid.write_text("claim,amount,as_of\nc1,100,2024-02-01\n\n\n")
    got = frames.net_positions(
        frames.scan(claims), settlements=frames.scan(paid), as_of=DAY, figures=True
    )
    assert str(got["RU"]["USD"]) == "200 USD"


def test_a_blank_row_among_bad_ones_leaves_the_bad_one_named(tmp_path):
    path = tmp_path / "claims.csv"
    path.write_text(
        "id,debtor,creditor,currency,amount,as_of\n"
        "c1,TJ,RU,USD,300.25,2024-01-10\n\n"
        "c2,KG,RU,USD,-12,2024-01-10\n"
    )
    with pytest.raises(frames.FrameError, match=r"id='c2'.*line 4.*negative"):
        frames.net_positions(frames.scan(path), as_of=DAY)


def test_a_row_with_only_its_date_is_not_blank():
    claims = pl.DataFrame(
        {
            "id": ["c1", None],
            "debtor": ["TJ", None],
            "creditor": ["RU", None],
            "currency": ["USD", None],
            "amount": [300, None],
            "as_of": [date(2024, 1, 10), date(2024, 1, 11)],
        }
    )
    with pytest.raises(frames.FrameError, match=r"as_of=datetime.date\(2024, 1, 11\)"):
        frames.net_positions(claims, as_of=DAY)


def test_dated_claims_after_the_day_still_do_not_count():
    got = frames.net_positions(pl.from_arrow(UNDATED).drop_nulls("as_of"), as_of=date(2024, 1, 1))
    assert got.height == 0


# -- 2. a claim id given twice, on a lazy frame ----------------------------------------------


TWICE = table(
    ["c1", "c2", "c1"],
    ["TJ", "KG", "RU"],
    ["RU", "RU", "TJ"],
    ["300.25", "12.00", "50.00"],
    [date(2024, 1, 10)] * 3,
)


@pytest.mark.parametrize("engine", LAZY)
@pytest.mark.parametrize("qualified", [False, True], ids=["exact", "qualified"])
def test_an_id_given_twice_is_refused_on_a_lazy_frame_naming_it(engine, qualified):
    claims = TWICE
    if qualified:
        claims = claims.append_column("qualifier", pa.array([None, "about", None], pa.string()))
    with pytest.raises(frames.FrameError, match=r"claims: id 'c1' is given to 2 rows"):
        frames.net_positions(ENGINES[engine](claims), as_of=DAY)


@pytest.mark.parametrize("engine", ["polars-lazy", "duckdb"])
def test_an_id_given_twice_is_refused_even_where_the_date_leaves_one(engine):
    days = [date(2024, 1, 10), date(2024, 1, 10), date(2024, 12, 1)]
    claims = table(["c1", "c2", "c1"], ["TJ", "KG", "RU"], ["RU", "RU", "TJ"], [1, 2, 3], days)
    with pytest.raises(frames.FrameError, match=r"id 'c1' is given to 2 rows"):
        frames.net_positions(ENGINES[engine](claims), as_of=DAY)


@pytest.mark.parametrize("engine", LAZY)
def test_distinct_ids_on_a_lazy_frame_net_as_before(engine):
    claims = table(["c1", "c2", "c3"], ["TJ", "KG", "RU"], ["RU", "RU", "TJ"],
                   ["300.25", "12.00", "50.00"], [date(2024, 1, 10)] * 3)  # fmt: skip
    got = positions(frames.net_positions(ENGINES[engine](claims), as_of=DAY))
    assert got[("RU", "USD")] == Decimal("262.25")
    assert got[("KG", "USD")] == Decimal("-12.00")
    assert got[("TJ", "USD")] == Decimal("-250.25")


@pytest.mark.parametrize("engine", ["polars", "polars-lazy", "duckdb"])
@settings(max_examples=25, deadline=None)
@given(ids=st.lists(st.one_of(st.none(), st.sampled_from(["a", "b", "c", "d", "e", "f"]))))
def test_ids_are_refused_exactly_when_one_is_given_twice(engine, ids):
    """The oracle: a plain count of the ids given (a row with no id repeats nothing)."""
    n = len(ids)
    claims = table(ids, ["TJ"] * n, ["RU"] * n, ["1.00"] * n, [date(2024, 1, 10)] * n)
    twice = sorted(i for i, count in Counter(x for x in ids if x is not None).items() if count > 1)
    if twice:
        with pytest.raises(frames.FrameError, match=r"claims: id '[a-f]' is given to \d rows"):
            frames.net_positions(ENGINES[engine](claims), as_of=DAY)
    else:
        got = positions(frames.net_positions(ENGINES[engine](claims), as_of=DAY))
        assert got.get(("RU", "USD"), Decimal(0)) == n


# -- 3. the refusals in a reader's language --------------------------------------------------


def test_an_undated_row_and_a_repeated_id_are_said_in_every_language():
    claims = pl.from_arrow(UNDATED)
    with pytest.raises(frames.FrameError) as undated:
        frames.net_positions(claims, as_of=DAY)
    with pytest.raises(frames.FrameError) as twice:
        frames.net_positions(pl.from_arrow(TWICE).lazy(), as_of=DAY)
    assert lg.reason(undated.value, "en_US") == (  # the catalog's English, as every reason's
        "claim id='c2': as_of is empty, so whether it counts on the day asked cannot be told; "
        "accepted: a date, YYYY-MM-DD"
    )
    assert str(undated.value).endswith("YYYY-MM-DD (the day its source speaks for)")
    russian = lg.reason(undated.value, "ru_RU")
    assert russian.startswith("требование id='c2': поле as_of пусто"), russian
    assert "YYYY-MM-DD" in russian, russian
    assert lg.reason(twice.value, "kk_KZ").startswith("талаптар: 'c1' коды 2 жолда")
    for locale in ("tg_TJ", "ky_KG", "uz_Latn_UZ", "uz_Cyrl_UZ"):
        for error in (undated.value, twice.value):
            said = lg.reason(error, locale)
            assert said != str(error), said
            assert "as_of is empty" not in said and "is given to" not in said, said


@pytest.mark.parametrize(
    "engine",
    [
        "polars",
        "polars-lazy",
        "duckdb",
        "pandas",
        "pyarrow",
        pytest.param("dask", marks=needs_dask),
    ],
)
@pytest.mark.parametrize("written", ["", "  "], ids=["empty", "spaces"])
def test_a_date_written_as_empty_text_is_no_date(engine, written):
    claims = UNDATED.set_column(
        5, "as_of", pa.array(["2024-01-10", written, "2024-01-10"], pa.string())
    )
    with pytest.raises(frames.FrameError, match=r"id='c2'.*as_of is empty.*YYYY-MM-DD"):
        frames.net_positions(ENGINES[engine](claims), as_of=DAY)
    dated = claims.set_column(5, "as_of", pa.array(["2024-01-10"] * 3, pa.string()))
    got = positions(frames.net_positions(ENGINES[engine](dated), as_of=DAY))
    assert got[("RU", "USD")] == Decimal("262.25")
