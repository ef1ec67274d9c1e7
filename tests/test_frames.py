"""ledger.frames: netting frames of claims on every engine gives the object path's answers.

The frames are written here from each ledger with plain loops (one row per claim, its figure's
parts as columns), not by the code under test; the oracle is the object path,
``lg.net_positions`` on the same ledger, itself checked against exact fractions elsewhere."""

import re
import subprocess
import sys
import warnings
from collections import Counter
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ledger as lg
from ledger import strategies as lst

pa = pytest.importorskip("pyarrow")
pl = pytest.importorskip("polars")
pd = pytest.importorskip("pandas")
duckdb = pytest.importorskip("duckdb")
try:  # Dask comes with the `cluster` extra; without it, only its lines are skipped
    import dask.dataframe as dd
except ImportError:
    dd = None
needs_dask = pytest.mark.skipif(dd is None, reason="Dask is in the `cluster` extra")

frames = lg.frames
pytestmark = pytest.mark.filterwarnings("ignore:.*narwhals-dask:FutureWarning")

DAY = date(2004, 3, 15)
PARTIES = ("RU", "TJ", "KZ", "UZ")
#: Decimal places a frame's decimal column is given here (Decimal128 holds 38 digits).
MOST_PLACES = 6


# -- frames written from a ledger, by hand ------------------------------------------------


def fits(figure):
    """Whether every part of a figure fits a decimal column of MOST_PLACES places."""
    return all(
        m is None or (m.as_tuple().exponent >= -MOST_PLACES and m.adjusted() < 25)
        for m in figure.magnitudes
    )


def columnar(book):
    """The ledger without the entries a Decimal128 column cannot hold (amounts that
    arithmetic made with dozens of places), and without what names them."""
    kept = [e for e in book if not hasattr(e, "amount") or fits(e.amount)]
    while True:
        ids = {e.id for e in kept}
        left = [
            e
            for e in kept
            if getattr(e, "claim", None) in (None, *ids)
            and getattr(e, "counter_to", None) in (None, *ids)
        ]
        if len(left) == len(kept):
            return lg.Ledger(left, parties={p: f"party {p}" for p in PARTIES})
        kept = left


def scale_of(book):
    places = [
        -m.as_tuple().exponent
        for e in book
        if hasattr(e, "amount")
        for m in e.amount.magnitudes
        if m is not None
    ]
    return max([0, *places])


def figure_row(figure):
    """A figure's columns: the short form (amount and the source's word) where the word says
    it all, the whole form (amount as central value, low, high, flags) otherwise."""
    value, low, high = figure.magnitudes
    word = figure.qualifier
    row = dict.fromkeys(("amount", "low", "high", "approximate", "low_inclusive", "high_inclusive"))
    short = {
        "exact": value,
        "about": value,
        "estimated": value,
        "at_least": low,
        "more_than": low,
        "at_most": high,
        "less_than": high,
    }
    if word in short and figure.places is None:
        said = lg.Figure.of(lg.money(short[word], lg.currency_of(figure.unit)), word)
        if parts(said) == parts(figure):
            row.update(amount=short[word], qualifier=word)
            return row
    row.update(
        amount=value,
        low=low,
        high=high,
        approximate=figure.approximate,
        low_inclusive=figure.low_inclusive,
        high_inclusive=figure.high_inclusive,
        qualifier=None,
    )
    return row


def tables(book):
    """(claims, settlements) as pyarrow tables, written with plain loops."""
    scale = scale_of(book)
    money_type = pa.decimal128(38, scale)
    claims, settlements = [], []
    for entry in book:
        if isinstance(entry, lg.Claim):
            claims.append(
                {
                    "id": entry.id,
                    "debtor": entry.debtor,
                    "creditor": entry.creditor,
                    "currency": entry.currency,
                    "status": entry.status,
                    "as_of": entry.as_of,
                    "asserted_by": entry.asserted_by,
                    **figure_row(entry.amount),
                }
            )
        elif isinstance(entry, lg.Settlement):
            settlements.append(
                {
                    "claim": entry.claim,
                    "as_of": entry.as_of,
                    "currency": lg.currency_of(entry.amount.unit),
                    **figure_row(entry.amount),
                }
            )
    text = ("id", "debtor", "creditor", "currency", "status", "asserted_by", "qualifier", "claim")
    flags = ("approximate", "low_inclusive", "high_inclusive")

    def table(rows, names):
        types = {n: pa.string() for n in text} | {n: pa.bool_() for n in flags}
        types |= {n: money_type for n in ("amount", "low", "high")} | {"as_of": pa.date32()}
        return pa.table({n: pa.array([r[n] for r in rows], types[n]) for n in names})

    claim_columns = (
        "id", "debtor", "creditor", "currency", "status", "as_of", "asserted_by",
        "amount", "qualifier", "low", "high", "approximate", "low_inclusive", "high_inclusive",
    )  # fmt: skip
    settlement_columns = (
        "claim", "as_of", "currency", "amount", "qualifier", "low", "high",
        "approximate", "low_inclusive", "high_inclusive",
    )  # fmt: skip
    return table(claims, claim_columns), table(settlements, settlement_columns)


ENGINES = {
    "pyarrow": lambda table: table,
    "polars": pl.from_arrow,
    "polars-lazy": lambda table: pl.from_arrow(table).lazy(),
    "pandas": lambda table: table.to_pandas(types_mapper=pd.ArrowDtype),
    "duckdb": lambda table: duckdb.from_arrow(table),  # one connection for both frames
}
if dd is not None:
    ENGINES["dask"] = lambda table: dd.from_pandas(table.to_pandas(types_mapper=pd.ArrowDtype), 2)


def parts(figure):
    """What a figure says, without the places its text is shown to (a column has one scale
    for every row, so a frame cannot tell how each amount was written)."""
    return (*figure.magnitudes, figure.low_inclusive, figure.high_inclusive, figure.approximate)


def shown(figure):
    """A figure's text, each number without trailing zeros after its point: the places a
    figure is shown to, where a frame could know them (a column writes 2.5 and 2.50 alike)."""
    return re.sub(r"\d+\.\d+", lambda n: n.group().rstrip("0").rstrip("."), str(figure))


def all_places(positions):
    """The text of each position with a central value (a one-sided sum through zeros may keep
    places on the object path by a running sum's history, which a column does not hold)."""
    return {
        party: {code: shown(f) for code, f in held.items() if f.magnitudes[0] is not None}
        for party, held in positions.items()
    }


def all_parts(positions):
    return {
        party: {code: parts(figure) for code, figure in held.items()}
        for party, held in positions.items()
    }


def plain(number):
    """``number`` written without trailing zeros after its point (250.5, 2000, not 2E+3)."""
    normal = number.normalize()
    return normal.quantize(Decimal(1)) if normal.as_tuple().exponent > 0 else normal


def rewritten(figure, write):
    """The figure with each of its numbers written by ``write`` (the same numbers), and no
    places of its own (a column has none: only its numbers)."""
    value, low, high = (None if m is None else lg.money(write(m), lg.currency_of(figure.unit))
                        for m in figure.magnitudes)  # fmt: skip
    if figure.low_inclusive and figure.high_inclusive and low == value == high:
        return lg.Figure(value, approximate=figure.approximate)
    return lg.Figure(value, low=low, high=high, low_inclusive=figure.low_inclusive,
                     high_inclusive=figure.high_inclusive,
                     approximate=figure.approximate)  # fmt: skip


def as_a_column_holds(book):
    """The ledger with each amount written as a decimal column holds it, so that both paths
    read the same places: an exact amount with the column's places (2000.00 at scale 2), an
    approximate one without trailing zeros, as a source writes it ("about 2000"); frames read
    an approximate row's places so, as a column cannot tell 2000.00 from 2000."""
    scale = Decimal(1).scaleb(-scale_of(book))
    entries = []
    for entry in book:
        figure = getattr(entry, "amount", None)
        if isinstance(entry, (lg.Claim, lg.Settlement)):
            write = plain if figure.approximate else (lambda m: m.quantize(scale))
            entry = entry.model_copy(update={"amount": rewritten(figure, write)})
        entries.append(entry)
    return lg.Ledger(entries, parties=book.parties)


ledgers = (
    lst.ledgers(
        kinds=("claim", "settlement"), currencies=("USD", "RUB"), parties=PARTIES, max_entries=10
    )
    .map(columnar)
    .map(as_a_column_holds)
)
days = st.sampled_from([DAY, date(1995, 1, 1), date(2100, 1, 1)])
choices = st.fixed_dictionaries(
    {},
    optional={
        "statuses": st.sampled_from([("asserted", "acknowledged"), "disputed", ("settled",)]),
        "asserted_by": st.sampled_from(["RU", ("TJ", "KZ")]),
    },
)


# -- laws -----------------------------------------------------------------------------------


def positions_agree(engine, book, day, chosen):
    claims, settlements = tables(book)
    make = ENGINES[engine]
    got = frames.net_positions(
        make(claims), settlements=make(settlements), as_of=day, figures=True, **chosen
    )
    objects = lg.net_positions(book, as_of=day, **chosen)
    expected = all_parts(objects)
    assert all_parts(got) == expected
    # The places a sum is shown to, as its approximate terms were written (issue 14).
    assert all_places(got) == all_places(objects)
    # The frame says the same, row by row, in order of party and currency.
    table = frames.net_positions(make(claims), settlements=make(settlements), as_of=day, **chosen)
    rows = [
        (party, code, *parts) for party, held in expected.items() for code, parts in held.items()
    ]
    assert nw_rows(table) == rows


@pytest.mark.parametrize("engine", sorted(set(ENGINES) - {"dask"}))
@settings(max_examples=20)
@given(book=ledgers, day=days, chosen=choices)
def test_positions_equal_the_object_path_on_every_engine(engine, book, day, chosen):
    positions_agree(engine, book, day, chosen)


@needs_dask
@settings(max_examples=8)  # Dask plans each call in about a second: fewer, as in the cluster
@given(book=ledgers, day=days, chosen=choices)
def test_positions_equal_the_object_path_on_dask(book, day, chosen):
    positions_agree("dask", book, day, chosen)


@settings(max_examples=30)
@given(book=ledgers, day=days, pair=st.permutations(PARTIES).map(lambda p: p[:2]))
def test_net_balance_equals_the_object_path(book, day, pair):
    claims, settlements = tables(book)
    a, b = pair
    got = frames.net_balance(pl.from_arrow(claims), a, b, settlements=settlements, as_of=day,
                             parties=PARTIES, figures=True)  # fmt: skip
    held = sorted({c.currency for c in book.claims(as_of=day) if {c.debtor, c.creditor} == {a, b}})
    expected = {code: lg.net_balance(book, a, b, as_of=day, currency=code).amount for code in held}
    assert {k: parts(f) for k, f in got.items()} == {k: parts(f) for k, f in expected.items()}


@settings(max_examples=30)
@given(book=ledgers, day=days)
def test_settle_equals_the_object_path(book, day):
    claims, settlements = tables(book)
    try:
        expected = [(t.payer, t.payee, parts(t.amount)) for t in lg.settle(book, as_of=day)]
    except lg.FigureError:
        with pytest.raises(lg.FigureError, match="no central value"):
            frames.settle(claims, settlements=settlements, as_of=day)
        return
    got = frames.settle(claims, settlements=settlements, as_of=day, figures=True)
    assert [(t.payer, t.payee, parts(t.amount)) for t in got] == expected


@settings(max_examples=30)
@given(
    book=lst.ledgers(kinds=("claim",), currencies=("USD", "JPY", "RUB"), exact=True).map(columnar)
)
def test_minor_units_net_as_the_decimals_they_count(book):
    digits = {"USD": 2, "JPY": 0, "RUB": 2}  # ISO 4217 minor units, written out
    rows = [
        (c.debtor, c.creditor, c.currency, c.amount.exact_magnitude)
        for c in book.claims(as_of=date(2100, 1, 1))
    ]
    # Only amounts whole in minor units can be written so: the rest are left out.
    whole = [r for r in rows if (r[3] * 10 ** digits[r[2]]) % 1 == 0]
    cents = pd.DataFrame(
        {
            "debtor": [r[0] for r in whole],
            "creditor": [r[1] for r in whole],
            "currency": [r[2] for r in whole],
            "amount": pd.array([int(r[3] * 10 ** digits[r[2]]) for r in whole], "int64"),
        }
    )
    expected = Counter()
    for debtor, creditor, code, amount in whole:
        expected[creditor, code] += amount
        expected[debtor, code] -= amount
    got = frames.net_positions(cents, figures=True)
    assert {(p, c): f.exact_magnitude for p, held in got.items() for c, f in held.items()} == {
        key: value for key, value in expected.items()
    }
    table = frames.net_positions(cents)
    assert list(table.columns) == list(frames.POSITION_COLUMNS)
    assert all(isinstance(x, int) for x in table["amount"].tolist())


# -- examples -------------------------------------------------------------------------------


def seed_claims(**more):
    return pl.DataFrame(
        {
            "debtor": ["TJ", "RU"],
            "creditor": ["RU", "TJ"],
            "currency": ["USD", "USD"],
            "amount": [Decimal("300000000"), Decimal("50000000")],
            "qualifier": ["about", None],
            **more,
        },
        schema_overrides={"amount": pl.Decimal(38, 2)},
    )


def test_the_seed_nets_to_about_250_million_on_every_engine():
    table = seed_claims().to_arrow()
    for engine, make in ENGINES.items():
        got = frames.net_positions(make(table), figures=True)
        assert str(got["RU"]["USD"]) == "about 250000000 USD", engine
        assert str(got["TJ"]["USD"]) == "about -250000000 USD", engine


def test_the_result_is_a_frame_of_the_callers_engine():
    table = seed_claims().to_arrow()
    kinds = {
        "pyarrow": pa.Table,
        "polars": pl.DataFrame,
        "polars-lazy": pl.LazyFrame,
        "pandas": pd.DataFrame,
        "duckdb": duckdb.DuckDBPyRelation,
        "dask": dd.DataFrame if dd is not None else None,
    }
    for engine, make in ENGINES.items():
        assert isinstance(frames.net_positions(make(table)), kinds[engine]), engine
    positions = frames.net_positions(seed_claims())
    assert positions.columns == list(frames.POSITION_COLUMNS)
    assert positions.row(0) == (
        "RU", "USD", Decimal("250000000"), Decimal("250000000"), Decimal("250000000"),
        True, True, True,
    )  # fmt: skip


def test_at_most_counts_from_zero_and_more_than_has_no_top():
    claims = pl.DataFrame(
        {
            "debtor": ["KG", "KG"],
            "creditor": ["RU", "RU"],
            "currency": ["USD", "USD"],
            "amount": [Decimal("100"), Decimal("20")],
            "qualifier": ["at_most", "more_than"],
        },
        schema_overrides={"amount": pl.Decimal(38, 0)},
    )
    got = frames.net_positions(claims, figures=True)
    # at most 100 is 0 to 100 owed; more than 20 adds (20, no top): more than 20.
    assert str(got["RU"]["USD"]) == "more than 20 USD"
    assert str(got["KG"]["USD"]) == "less than -20 USD"


def test_a_settlement_reduces_and_one_of_more_than_the_claim_is_refused():
    claims = pl.DataFrame(
        {
            "id": ["ru-tj", "ru-kg"],
            "debtor": ["TJ", "KG"],
            "creditor": ["RU", "RU"],
            "currency": ["USD", "USD"],
            "amount": [Decimal("300"), Decimal("100")],
        },
        schema_overrides={"amount": pl.Decimal(38, 0)},
    )
    paid = pl.DataFrame(
        {"claim": ["ru-tj", "ru-kg"], "amount": [Decimal("120"), Decimal("100")]},
        schema_overrides={"amount": pl.Decimal(38, 0)},
    )
    got = frames.net_positions(claims, settlements=paid, figures=True)
    assert (str(got["RU"]["USD"]), str(got["TJ"]["USD"]), str(got["KG"]["USD"])) == (
        "180 USD",
        "-180 USD",
        "0 USD",
    )
    over = paid.with_columns(pl.Series("amount", [Decimal("120"), Decimal("150")]))
    with pytest.raises(frames.FrameError, match="claim 'ru-kg' sum to 150, more than"):
        frames.net_positions(claims, settlements=over)


def test_statuses_and_days_choose_claims_as_the_object_path_does():
    claims = seed_claims(
        status=["asserted", "written_off"], as_of=[date(2004, 3, 15), date(2004, 3, 1)]
    )
    assert str(frames.net_positions(claims, figures=True)["RU"]["USD"]) == "about 300000000 USD"
    before = frames.net_positions(claims, as_of=date(2004, 3, 10), figures=True)
    assert str(before["RU"]["USD"]) == "0 USD"
    disputed = frames.net_positions(claims, statuses="disputed", figures=True)
    assert disputed == {}


def test_net_balance_and_settle_read_the_pair_and_the_currency():
    claims = seed_claims()
    balance = frames.net_balance(claims, "TJ", "RU")
    assert balance.columns == list(frames.POSITION_COLUMNS[1:])
    assert balance["amount"].to_list() == [Decimal("250000000")]
    back = frames.net_balance(claims, "RU", "TJ", figures=True)
    assert str(back["USD"]) == "about -250000000 USD"
    transfers = frames.settle(claims)
    assert transfers.rows() == [("TJ", "RU", "USD", Decimal("250000000"), True)]


@pytest.mark.parametrize(
    ("column", "values", "dtype", "phrase"),
    [
        ("amount", [300.5, 50.0], pl.Float64, "column 'amount' holds floats"),
        ("amount", ["300", "50"], pl.String, "column 'amount' holds String, not amounts"),
        ("low", [1.0, None], pl.Float32, "column 'low' holds floats"),
    ],
)
def test_floats_and_text_are_refused_naming_the_column(column, values, dtype, phrase):
    claims = seed_claims().with_columns(pl.Series(column, values, dtype))
    with pytest.raises(frames.FrameError, match=phrase) as refused:
        frames.net_positions(claims)
    assert "decimal column" in str(refused.value) and "minor units" in str(refused.value)
    assert isinstance(refused.value, lg.LedgerError)


@pytest.mark.parametrize(
    ("change", "phrase"),
    [
        ({"amount": [Decimal("-1"), Decimal("5")]}, "amount=-1"),
        ({"qualifier": ["roughly", None]}, "qualifier='roughly' is not accepted"),
        ({"creditor": ["TJ", "TJ"]}, "debtor and creditor are both 'TJ'"),
    ],
)
def test_a_row_no_source_could_write_is_refused_and_shown(change, phrase):
    claims = seed_claims().with_columns(
        pl.Series(name, values, pl.Decimal(38, 2) if name == "amount" else pl.String)
        for name, values in change.items()
    )
    with pytest.raises(frames.FrameError, match=phrase):
        frames.net_positions(claims)


def test_a_missing_column_is_named():
    with pytest.raises(frames.FrameError, match="no column 'currency'"):
        frames.net_positions(seed_claims().drop("currency"))
    with pytest.raises(frames.FrameError, match="currency 'XXY' is not an ISO 4217"):
        frames.net_positions(seed_claims(currency=["XXY", "XXY"]))
    with pytest.raises(frames.FrameError, match="party 'tj' is not an ISO 3166"):
        frames.net_positions(seed_claims(debtor=["tj", "RU"]))


# -- files ----------------------------------------------------------------------------------


CSV = "debtor,creditor,currency,amount,as_of\nTJ,RU,USD,300000000.25,2004-03-15\n" + (
    "RU,TJ,USD,50000000,2004-03-15\nKG,RU,RUB,1000,2012-01-01\n"
)


@pytest.mark.parametrize("engine", ["polars", "duckdb"])
def test_scan_reads_csv_and_parquet_lazily_and_nets_them(tmp_path, engine):
    for n, part in enumerate(CSV.splitlines()[1:]):
        (tmp_path / f"part{n}.csv").write_text(CSV.splitlines()[0] + "\n" + part + "\n")
    lazy = frames.scan(tmp_path / "*.csv", engine=engine)
    assert isinstance(lazy, (pl.LazyFrame, duckdb.DuckDBPyRelation))
    got = frames.net_positions(lazy, as_of=DAY, figures=True)
    assert str(got["RU"]["USD"]) == "250000000.25 USD" and "RUB" not in got["RU"]
    table = pl.read_csv(tmp_path / "part0.csv", schema_overrides={"amount": pl.Decimal(38, 2)})
    table.write_parquet(tmp_path / "claims.parquet")
    parquet = frames.net_positions(frames.scan(tmp_path / "claims.parquet", engine=engine))
    parquet = nw_rows(parquet)
    assert parquet[0][:3] == ("RU", "USD", Decimal("300000000.25"))


def nw_rows(native):
    import narwhals as nw

    frame = nw.from_native(native)
    rows = (frame.collect() if hasattr(frame, "collect") else frame).iter_rows()
    return [tuple(None if cell is pd.NA else cell for cell in row) for row in rows]


@pytest.mark.parametrize("engine", ["polars", "duckdb"])
def test_scan_refuses_more_places_than_its_scale(tmp_path, engine):
    (tmp_path / "claims.csv").write_text(CSV.replace("300000000.25", "300000000.255"))
    with pytest.raises(frames.FrameError, match="amount"):
        frames.net_positions(frames.scan(tmp_path / "claims.csv", engine=engine))
    cents = frames.scan(tmp_path / "claims.csv", engine=engine, scale=None)
    with pytest.raises(frames.FrameError, match=r"no amount|is not a whole number"):
        frames.net_positions(cents)


def test_scan_refuses_what_it_cannot_read(tmp_path):
    with pytest.raises(frames.FrameError, match=r"not Parquet \(.parquet\) nor CSV"):
        frames.scan(tmp_path / "claims.xlsx")
    with pytest.raises(frames.FrameError, match="engine 'spark' is not known"):
        frames.scan(tmp_path / "claims.csv", engine="spark")


# -- a real cluster -------------------------------------------------------------------------


@pytest.mark.cluster
@needs_dask
@settings(max_examples=5, deadline=None)
@given(book=ledgers)
def test_a_dask_cluster_gives_the_same_positions(book, cluster_client):
    claims, settlements = tables(book)
    native = dd.from_pandas(claims.to_pandas(types_mapper=pd.ArrowDtype), npartitions=3)
    paid = dd.from_pandas(settlements.to_pandas(types_mapper=pd.ArrowDtype), npartitions=2)
    got = frames.net_positions(native, settlements=paid, as_of=DAY, figures=True)
    assert all_parts(got) == all_parts(lg.net_positions(book, as_of=DAY))


@pytest.fixture(scope="module")
def cluster_client():
    distributed = pytest.importorskip("dask.distributed")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cluster = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        )
    with cluster, distributed.Client(cluster) as client:
        yield client


# -- staying light --------------------------------------------------------------------------


def test_import_ledger_loads_no_frame_engine():
    # Not dask: pint itself imports dask.base when dask is installed.
    code = (
        "import sys, ledger; ledger.frames; "
        "print(sorted({'narwhals', 'polars', 'pyarrow', 'duckdb', 'dask.dataframe', 'pandas'} "
        "& set(sys.modules)))"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert shown.stdout.strip() == "[]", shown.stderr


def test_dask_is_an_extra_of_its_own_that_ci_installs():
    # With Dask installed, pint imports dask.base on `import ledger` (~80 ms): the `frames`
    # extra leaves it out; `cluster` brings it, and `test` (what CI installs) takes `cluster`,
    # so that the LocalCluster test runs there.
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    extras = project["project"]["optional-dependencies"]
    assert not [d for d in extras["frames"] if d.startswith("dask")]
    assert [d for d in extras["cluster"] if d.startswith("dask[distributed")]
    assert any("cluster" in d for d in extras["test"] if d.startswith("debt-ledger["))


@pytest.mark.parametrize("engine", ["polars", "polars-lazy", "pandas", "duckdb"])
@pytest.mark.parametrize("amounts", [[Decimal("-5"), Decimal("5")], [None, Decimal("5")]])
def test_exact_only_frames_refuse_a_negative_or_missing_amount(engine, amounts):
    table = pa.table(
        {
            "debtor": ["TJ", "KG"],
            "creditor": ["RU", "RU"],
            "currency": ["USD", "USD"],
            "amount": pa.array(amounts, pa.decimal128(38, 0)),
        }
    )
    with pytest.raises(frames.FrameError, match=r"claims row .debtor='TJ', creditor='RU'"):
        frames.net_positions(ENGINES[engine](table))
