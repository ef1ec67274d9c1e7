"""What the frames tests share: the engines, each made from one Arrow table, and the marks
(imported by tests/test_frames_*.py; the optional engines are skipped where not installed)."""

import pytest

pa = pytest.importorskip("pyarrow")
pl = pytest.importorskip("polars")
pd = pytest.importorskip("pandas")
duckdb = pytest.importorskip("duckdb")
try:  # Dask comes with the `cluster` extra; without it, only its lines are skipped
    import dask.dataframe as dd
except ImportError:
    dd = None
needs_dask = pytest.mark.skipif(dd is None, reason="Dask is in the `cluster` extra")
#: narwhals warns that its Dask support moves to a package not yet published.
NARWHALS_DASK = pytest.mark.filterwarnings("ignore:.*narwhals-dask:FutureWarning")

#: Each engine's frame of one Arrow table.
ENGINES = {
    "polars": pl.from_arrow,
    "polars-lazy": lambda t: pl.from_arrow(t).lazy(),
    "duckdb": lambda t: duckdb.from_arrow(t),
    "pandas": lambda t: t.to_pandas(types_mapper=pd.ArrowDtype),
    "pyarrow": lambda t: t,
}
if dd is not None:
    ENGINES["dask"] = lambda t: dd.from_pandas(t.to_pandas(types_mapper=pd.ArrowDtype), 2)
#: Every engine, as a test's parameters (Dask skipped where it is not installed).
EVERY = [
    "polars",
    "polars-lazy",
    "duckdb",
    "pandas",
    "pyarrow",
    pytest.param("dask", marks=needs_dask),
]
