"""ledger.frames refuses what the object path refuses, naming the frame, the row's id, the
column and the value; and takes the frames users have (plain pandas integers, Decimals)."""

from datetime import date
from decimal import Decimal

import pytest

import ledger as lg

pa = pytest.importorskip("pyarrow")
pl = pytest.importorskip("polars")
pd = pytest.importorskip("pandas")
try:  # Dask comes with the `cluster` extra; without it, only its lines are skipped
    import dask.dataframe as dd
except ImportError:
    dd = None
needs_dask = pytest.mark.skipif(dd is None, reason="Dask is in the `cluster` extra")

frames = lg.frames
pytestmark = pytest.mark.filterwarnings("ignore:.*narwhals-dask:FutureWarning")


def cents(**columns):
    """A polars frame of claims in cents: TJ owes RU 5 USD (x), KG owes RU 7 USD (y)."""
    data = {
        "id": ["x", "y"],
        "debtor": ["TJ", "KG"],
        "creditor": ["RU", "RU"],
        "currency": ["USD", "USD"],
        "amount": [500, 700],
    }
    return pl.DataFrame(data | columns)


def paid(**columns):
    return pl.DataFrame({"claim": ["x"], "amount": [100]} | columns)


# -- 1. duplicate ids ------------------------------------------------------------------------


def test_a_claim_id_given_twice_is_refused_naming_it():
    claims = cents(id=["x", "x"])
    with pytest.raises(frames.FrameError, match=r"claims: id 'x' is given to 2 rows"):
        frames.net_positions(claims, settlements=paid())
    with pytest.raises(frames.FrameError, match=r"id 'x'"):
        frames.net_positions(claims)


@pytest.mark.parametrize("engine", ["polars", "pandas", "pyarrow"])
def test_in_memory_netting_checks_ids_and_rows_in_its_own_query(engine):
    def native(frame):
        return {"polars": frame, "pandas": frame.to_pandas(), "pyarrow": frame.to_arrow()}[engine]

    with pytest.raises(frames.FrameError, match=r"claims: id 'x' is given to 2 rows"):
        frames.net_positions(native(cents(id=["x", "x"])))
    with pytest.raises(frames.FrameError, match=r"id='y'.*amount=-700 is negative"):
        frames.net_positions(native(cents(amount=[500, -700])))
    with pytest.raises(frames.FrameError, match=r"id='y'.*both 'KG'"):
        frames.net_positions(native(cents(creditor=["RU", "KG"])))
    got = frames.net_positions(native(cents()), figures=True)
    assert (str(got["RU"]["USD"]), str(got["KG"]["USD"])) == ("12 USD", "-7 USD")


# -- 2. plain pandas -------------------------------------------------------------------------


@pytest.mark.parametrize("engine", ["pandas", pytest.param("dask", marks=needs_dask)])
def test_plain_pandas_integers_take_settlements(engine):
    claims, settlements = cents().to_pandas(), paid().to_pandas()
    assert str(claims["amount"].dtype) == "int64"
    if engine == "dask":
        claims, settlements = dd.from_pandas(claims, 1), dd.from_pandas(settlements, 1)
    got = frames.net_positions(claims, settlements=settlements, figures=True)
    assert (str(got["RU"]["USD"]), str(got["TJ"]["USD"]), str(got["KG"]["USD"])) == (
        "11 USD",
        "-4 USD",
        "-7 USD",
    )


# -- 3. what the object path refuses -----------------------------------------------------------


def test_a_claim_of_a_party_on_itself_is_refused_even_when_exact():
    for claims in (cents(creditor=["TJ", "RU"]), cents(creditor=["TJ", "RU"]).lazy()):
        with pytest.raises(frames.FrameError, match=r"claims row id='x'.*debtor and creditor"):
            frames.net_positions(claims)


@pytest.mark.parametrize(
    ("claims", "settlements", "phrase"),
    [
        (cents(), paid(claim=["z"]), r"settlements row claim='z'.*no claim has id 'z'"),
        (cents(), paid(amount=[600]), r"settlements of claim 'x' sum to 600, more than"),
        (cents(status=["bogus", None]), None, r"claims row id='x'.*status='bogus'.*accepted"),
        (
            cents(as_of=[date(2004, 3, 15)] * 2),
            paid(as_of=[date(2004, 3, 1)]),
            r"settlements row claim='x'.*2004-03-01 is before the claim",
        ),
        (cents(), paid(currency=["RUB"]), r"settlements row claim='x'.*currency='RUB'"),
        (cents(), paid(amount=[-1]), r"settlements row claim='x'.*amount=-1"),
    ],
)
def test_what_the_object_path_refuses_is_refused_naming_the_row(claims, settlements, phrase):
    for lazy in (False, True):
        native = claims.lazy() if lazy else claims
        with pytest.raises(frames.FrameError, match=phrase):
            frames.net_positions(native, settlements=settlements)


def test_net_balance_refuses_a_party_in_no_claim():
    with pytest.raises(frames.FrameError, match=r"party 'UZ' is in no claim"):
        frames.net_balance(cents(), "TJ", "UZ")
    assert frames.net_balance(cents(), "TJ", "KG", figures=True) == {}


# -- 4. contradictory qualifiers ---------------------------------------------------------------


@pytest.mark.parametrize("word", ["at_least", "exact", "about", "less_than"])
def test_a_qualifier_with_bounds_is_refused(word):
    claims = cents(qualifier=[word, None], high=[900, None])
    with pytest.raises(frames.FrameError, match=rf"claims row id='x'.*qualifier='{word}'"):
        frames.net_positions(claims)


# -- 5. messages -----------------------------------------------------------------------------


def test_an_amount_outside_its_bounds_is_refused_naming_the_row():
    claims = cents(low=[600, None], high=[900, None])
    with pytest.raises(frames.FrameError, match=r"claims row id='x'.*amount=500.*low=600"):
        frames.net_positions(claims)


def test_a_null_debtor_is_named_as_a_claims_row():
    with pytest.raises(frames.FrameError, match=r"claims row id='x'.*debtor is missing"):
        frames.net_positions(cents(debtor=[None, "KG"], qualifier=[None, "about"]))


def test_an_unknown_currency_or_party_names_its_row():
    with pytest.raises(frames.FrameError, match=r"claims row id='y'.*currency 'XXY'"):
        frames.net_positions(cents(currency=["USD", "XXY"]))
    with pytest.raises(frames.FrameError, match=r"claims row id='y'.*party 'kg'"):
        frames.net_positions(cents(debtor=["TJ", "kg"]))


# -- 6. Decimals in pandas ---------------------------------------------------------------------


def test_pandas_decimals_are_taken_exactly():
    claims = cents().to_pandas()
    claims["amount"] = [Decimal("5.01"), Decimal("7")]
    got = frames.net_positions(claims, figures=True)
    assert str(got["RU"]["USD"]) == "12.01 USD"
    claims["amount"] = [Decimal("5.01"), "7"]
    with pytest.raises(frames.FrameError, match=r"pa.decimal128\(38, 2\)"):
        frames.net_positions(claims)


# -- 9. scan ---------------------------------------------------------------------------------


def test_scan_of_nothing_names_the_path(tmp_path):
    with pytest.raises(frames.FrameError, match=r"scan: no file matches .*nothing\*\.csv"):
        frames.scan(tmp_path / "nothing*.csv")
    with pytest.raises(frames.FrameError, match=r"no file matches .*absent\.parquet"):
        frames.scan(tmp_path / "absent.parquet")


def test_net_balance_takes_the_parties_a_ledger_knows():
    assert frames.net_balance(cents(), "TJ", "UZ", parties=["TJ", "UZ"], figures=True) == {}
    with pytest.raises(frames.FrameError, match=r"party 'UZ' is not among the parties given"):
        frames.net_balance(cents(), "TJ", "UZ", parties=["TJ", "RU"])


def test_net_balance_checks_settlements_against_every_claim():
    got = frames.net_balance(cents(), "TJ", "RU", settlements=paid(claim=["y"]), figures=True)
    assert str(got["USD"]) == "5 USD"


# -- 5. files, and amounts too large ------------------------------------------------------------


def test_a_bad_csv_value_is_shown_with_its_file_line_and_text(tmp_path):
    (tmp_path / "a.csv").write_text("debtor,creditor,currency,amount\nTJ,RU,USD,300.25\n")
    (tmp_path / "b.csv").write_text(
        "debtor,creditor,currency,amount\nRU,TJ,USD,50\nKG,RU,USD,12.345\n"
    )
    with pytest.raises(frames.FrameError) as refused:
        frames.net_positions(frames.scan(tmp_path / "*.csv"))
    message = str(refused.value)
    assert "b.csv line 3" in message and "amount='12.345'" in message, message
    assert "at most 2 decimal places" in message


def test_integer_sums_that_would_overflow_are_refused():
    huge = cents(amount=[2**62, 2**62])
    with pytest.raises(frames.FrameError, match="too large"):
        frames.net_positions(huge)


def test_decimals_too_large_for_the_engine_are_a_frame_error():
    big = Decimal("9" * 36 + ".99")
    claims = cents(amount=[big, Decimal(1)]).with_columns(pl.col("amount").cast(pl.Decimal(38, 2)))
    for native in (claims, claims.with_columns(qualifier=pl.lit("about"))):
        with pytest.raises(frames.FrameError, match="too large"):
            frames.net_positions(native)
