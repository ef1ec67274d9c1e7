"""A settlement row given twice is refused, not counted twice (issue 14): with a settlements
frame whose ``id`` repeats an id (the same row appended again, or one id on two claims), netting
moved the position by the amount again, where the object path refuses an id given twice (ids
are unique across a ledger's entries). A settlement id that is a claim's id is refused too; a
frame read by ``scan`` names the file and lines of a repeated id, of a claim or a settlement."""

from datetime import date
from decimal import Decimal

import pytest
from frame_engines import ENGINES, EVERY, NARWHALS_DASK, duckdb, pa, pl

import ledger as lg

frames = lg.frames
pytestmark = NARWHALS_DASK

DAY = date(2024, 6, 30)
MONEY = pa.decimal128(38, 2)

#: TJ owes RU 500.00 USD (claim a), KG owes RU 700.00 USD (claim b), both dated 2024-01-10.
CLAIMS = pa.table(
    {
        "id": pa.array(["a", "b"]),
        "debtor": pa.array(["TJ", "KG"]),
        "creditor": pa.array(["RU", "RU"]),
        "currency": pa.array(["USD", "USD"]),
        "amount": pa.array([Decimal("500.00"), Decimal("700.00")], MONEY),
        "as_of": pa.array([date(2024, 1, 10)] * 2, pa.date32()),
    }
)


def settlements(ids, claims, amounts):
    n = len(ids)
    return pa.table(
        {
            "id": pa.array(ids, pa.string()),
            "claim": pa.array(claims, pa.string()),
            "currency": pa.array(["USD"] * n),
            "amount": pa.array([Decimal(a) for a in amounts], MONEY),
            "as_of": pa.array([date(2024, 2, 1)] * n, pa.date32()),
        }
    )


def _duckdb(table):
    return duckdb.from_arrow(table)


ENGINES = {**ENGINES, "duckdb": _duckdb}


def positions(native):
    """{(party, currency): amount} of a frame of positions, of any engine."""
    import narwhals as nw

    frame = nw.from_native(native)
    frame = frame.collect() if hasattr(frame, "collect") else frame
    rows = frame.select("party", "currency", "amount").iter_rows()
    return {(party, code): amount for party, code, amount in rows}


def net(engine, paid, **options):
    make = ENGINES[engine]
    return frames.net_positions(make(CLAIMS), settlements=make(paid), as_of=DAY, **options)


# -- 1. a settlement id given twice ----------------------------------------------------------


@pytest.mark.parametrize("engine", EVERY)
@pytest.mark.parametrize(
    "paid",
    [
        settlements(["p1", "p1"], ["a", "a"], ["100.00", "100.00"]),  # the row appended again
        settlements(["p1", "p1"], ["a", "b"], ["100.00", "50.00"]),  # one id on two claims
        settlements(["p1", "p2", "p1"], ["a", "b", "b"], ["100.00", "1.00", "2.00"]),
    ],
    ids=["appended-again", "two-claims", "among-others"],
)
def test_a_settlement_id_given_twice_is_refused_naming_it(engine, paid):
    with pytest.raises(frames.FrameError, match=r"settlements: id 'p1' is given to 2 rows"):
        net(engine, paid)
    with pytest.raises(frames.FrameError, match=r"settlements: id 'p1' is given to 2 rows"):
        net(engine, paid, figures=True)


@pytest.mark.parametrize("engine", EVERY)
def test_the_object_path_refuses_the_same_settlement_given_twice(engine):
    """The oracle: a ledger of the same entries refuses the id given twice."""
    paid = settlements(["p1", "p1"], ["a", "a"], ["100.00", "100.00"])
    source = lg.Source(publisher="Pub", title="Doc", date=date(2024, 1, 1))
    entries = [
        lg.Claim(id="a", debtor="TJ", creditor="RU", asserted_by="RU", amount="500.00 USD",
                 as_of=date(2024, 1, 10), source=source),
        lg.Settlement(id="p1", claim="a", amount="100.00 USD", as_of=date(2024, 2, 1),
                      source=source, method="payment"),
    ]  # fmt: skip
    with pytest.raises(lg.LedgerError, match="p1"):
        lg.Ledger([*entries, entries[-1]])
    with pytest.raises(frames.FrameError, match=r"id 'p1'"):
        net(engine, paid)


@pytest.mark.parametrize("engine", EVERY)
def test_a_settlement_id_that_is_a_claim_id_is_refused(engine):
    paid = settlements(["p1", "b"], ["a", "a"], ["100.00", "50.00"])
    with pytest.raises(frames.FrameError, match=r"settlements: id 'b' is a claim's id too"):
        net(engine, paid)


@pytest.mark.parametrize("engine", EVERY)
def test_distinct_settlement_ids_net_as_before(engine):
    paid = settlements(["p1", "p2", None], ["a", "a", "b"], ["100.00", "50.00", "0.50"])
    got = positions(net(engine, paid))
    assert got[("RU", "USD")] == Decimal("1049.50")  # 500 + 700 - 150 - 0.50
    assert got[("TJ", "USD")] == Decimal("-350.00")
    assert got[("KG", "USD")] == Decimal("-699.50")
    without_ids = paid.drop_columns(["id"])
    assert positions(net(engine, without_ids)) == got


def test_net_balance_and_settle_refuse_it_too():
    paid = pl.from_arrow(settlements(["p1", "p1"], ["a", "a"], ["100.00", "100.00"]))
    claims = pl.from_arrow(CLAIMS)
    with pytest.raises(frames.FrameError, match=r"settlements: id 'p1' is given to 2 rows"):
        frames.net_balance(claims, "TJ", "RU", settlements=paid, as_of=DAY)
    with pytest.raises(frames.FrameError, match=r"settlements: id 'p1' is given to 2 rows"):
        frames.settle(claims, settlements=paid, as_of=DAY)


# -- 2. from files: the file and lines of a repeated id --------------------------------------

CLAIMS_CSV = (
    "id,debtor,creditor,currency,amount,as_of\n"
    "a,TJ,RU,USD,500.00,2024-01-10\n"
    "b,KG,RU,USD,700.00,2024-01-10\n"
)
PAID_CSV = (
    "id,claim,currency,amount,as_of\n"
    "p1,a,USD,100.00,2024-02-01\n"
    "p2,b,USD,1.00,2024-02-01\n"
    "p1,a,USD,100.00,2024-02-01\n"
)


@pytest.mark.parametrize("engine", ["polars", "duckdb"])
def test_a_scanned_settlement_id_given_twice_names_its_file_and_lines(tmp_path, engine):
    (tmp_path / "claims.csv").write_text(CLAIMS_CSV)
    (tmp_path / "paid.csv").write_text(PAID_CSV)
    claims = frames.scan(tmp_path / "claims.csv", engine=engine)
    paid = frames.scan(tmp_path / "paid.csv", engine=engine)
    with pytest.raises(frames.FrameError) as refused:
        frames.net_positions(claims, settlements=paid, as_of=DAY)
    said = str(refused.value)
    assert said.startswith("settlements: id 'p1' (") and "is given to 2 rows" in said, said
    assert f"{tmp_path / 'paid.csv'} lines 2 and 4" in said, said


@pytest.mark.parametrize("engine", ["polars", "duckdb"])
@pytest.mark.parametrize("settled", [False, True], ids=["alone", "with-settlements"])
def test_a_scanned_claim_id_given_twice_names_its_file_and_lines(tmp_path, engine, settled):
    (tmp_path / "claims.csv").write_text(CLAIMS_CSV + "a,RU,TJ,USD,3.00,2024-01-10\n")
    (tmp_path / "paid.csv").write_text(PAID_CSV.rsplit("p1", 1)[0])
    claims = frames.scan(tmp_path / "claims.csv", engine=engine)
    paid = frames.scan(tmp_path / "paid.csv", engine=engine) if settled else None
    with pytest.raises(frames.FrameError) as refused:
        frames.net_positions(claims, settlements=paid, as_of=DAY)
    said = str(refused.value)
    assert said.startswith("claims: id 'a' (") and "is given to 2 rows" in said, said
    assert f"{tmp_path / 'claims.csv'} lines 2 and 4" in said, said


def test_a_repeat_across_two_files_names_both(tmp_path):
    (tmp_path / "claims.csv").write_text(CLAIMS_CSV)
    (tmp_path / "paid1.csv").write_text(PAID_CSV.rsplit("p1", 1)[0])
    (tmp_path / "paid2.csv").write_text(
        "id,claim,currency,amount,as_of\np2,a,USD,5.00,2024-03-01\n"
    )
    claims = frames.scan(tmp_path / "claims.csv")
    paid = frames.scan(tmp_path / "paid*.csv")
    with pytest.raises(frames.FrameError) as refused:
        frames.net_positions(claims, settlements=paid, as_of=DAY)
    said = str(refused.value)
    assert "id 'p2'" in said and "is given to 2 rows" in said, said
    assert f"{tmp_path / 'paid1.csv'} line 3" in said, said
    assert f"{tmp_path / 'paid2.csv'} line 2" in said, said


# -- 3. in a reader's language ---------------------------------------------------------------


def test_the_refusals_are_said_in_every_language():
    twice = settlements(["p1", "p1"], ["a", "a"], ["100.00", "100.00"])
    claim_id = settlements(["b"], ["a"], ["100.00"])
    refusals = []
    for paid in (twice, claim_id):
        with pytest.raises(frames.FrameError) as refused:
            net("polars", paid)
        refusals.append(refused.value)
    assert lg.reason(refusals[0], "en_US") == (
        "settlements: id 'p1' is given to 2 rows; each settlement has its own id (ids are "
        "unique across a ledger's entries)"
    )
    assert lg.reason(refusals[1], "en_US") == (
        "settlements: id 'b' is a claim's id too; ids are unique across a ledger's entries"
    )
    for locale in ("ru_RU", "tg_TJ", "ky_KG", "kk_KZ", "uz_Latn_UZ", "uz_Cyrl_UZ"):
        for error in refusals:
            said = lg.reason(error, locale)
            assert said != lg.reason(error, "en_US"), (locale, said)
            assert "'p1'" in said or "'b'" in said, (locale, said)


# -- 4. a party written in lower case --------------------------------------------------------


def test_net_balance_says_codes_are_upper_case_as_the_object_path_does():
    claims = pl.from_arrow(CLAIMS)
    with pytest.raises(frames.FrameError, match=r"debtor: party 'ru' .*codes are upper-case: 'RU'"):
        frames.net_balance(claims, "ru", "TJ", as_of=DAY)
    with pytest.raises(frames.FrameError, match=r"creditor: party 'tj' .*upper-case: 'TJ'"):
        frames.net_balance(claims, "RU", "tj", as_of=DAY, parties=["RU", "TJ"])
    with pytest.raises(frames.FrameError, match=r"party 'UZ' is in no claim of the frame"):
        frames.net_balance(claims, "UZ", "RU", as_of=DAY)
