"""The places of a sum with an approximate term, on frames as on the object path (issue 14).

A sum never shows more precision than its approximate terms were written with (the rule of
``Figure.__add__``): TJ owing RU 1000.25 EUR, "about 2000" EUR and RU owing TJ 10.10 EUR nets
to "about 2990 EUR" on the object path, where frames said "about 2990.15 EUR", cents an "about
2000" source never gave. A decimal column cannot tell "2000" from "2000.00": frames read an
approximate row's places as written without trailing zeros, an exact row's as the column's."""

from datetime import date
from decimal import Decimal

import pytest
from frame_engines import ENGINES, EVERY, NARWHALS_DASK, pa, pl

import ledger as lg

frames = lg.frames
pytestmark = NARWHALS_DASK

DAY = date(2024, 6, 30)

#: (id, debtor, creditor, amount as a source wrote it, its word)
USER = [
    ("a", "TJ", "RU", "1000.25", "exact"),
    ("b", "TJ", "RU", "2000", "about"),
    ("c", "RU", "TJ", "10.10", "exact"),
]


def table(rows, scale=2, minor=False):
    """Claims in EUR as a pyarrow table: decimals with ``scale`` places, or cents."""
    amounts = [Decimal(row[3]) for row in rows]
    if minor:
        column = pa.array([int(a.scaleb(2)) for a in amounts], pa.int64())
    else:
        column = pa.array(amounts, pa.decimal128(38, scale))
    n = len(rows)
    return pa.table(
        {
            "id": pa.array([row[0] for row in rows]),
            "debtor": pa.array([row[1] for row in rows]),
            "creditor": pa.array([row[2] for row in rows]),
            "currency": pa.array(["EUR"] * n),
            "amount": column,
            "qualifier": pa.array([row[4] for row in rows]),
            "as_of": pa.array([date(2024, 1, 10)] * n, pa.date32()),
        }
    )


def book(rows):
    """The same claims as a ledger, each amount as its source wrote it."""
    source = lg.Source(publisher="Pub", title="Doc", date=date(2024, 1, 1))
    day = date(2024, 1, 10)
    claims = []
    for i, d, c, a, word in rows:
        amount = lg.Figure.of(lg.money(Decimal(a), "EUR"), word)
        claims.append(
            lg.Claim(
                id=i, debtor=d, creditor=c, asserted_by=c, as_of=day, source=source, amount=amount
            )
        )
    return lg.Ledger(claims)


@pytest.mark.parametrize("engine", EVERY)
@pytest.mark.parametrize("minor", [False, True], ids=["decimals", "cents"])
def test_about_2000_keeps_no_cents_in_the_sum(engine, minor):
    got = frames.net_positions(ENGINES[engine](table(USER, minor=minor)), as_of=DAY, figures=True)
    expected = lg.net_positions(book(USER), as_of=DAY)
    assert str(expected["RU"]["EUR"]) == "about 2990 EUR"  # the object path, as the user saw
    assert str(got["RU"]["EUR"]) == "about 2990 EUR"
    assert got["RU"]["EUR"].places == expected["RU"]["EUR"].places == 0
    assert str(got["TJ"]["EUR"]) == str(expected["TJ"]["EUR"]) == "about -2990 EUR"
    # The amount itself stays exact: only its text keeps no more places than its sources.
    assert got["RU"]["EUR"].magnitudes[0] == Decimal("2990.15")


@pytest.mark.parametrize("engine", EVERY)
@pytest.mark.parametrize("minor", [False, True], ids=["decimals", "cents"])
def test_a_transfer_keeps_no_more_places_than_its_positions(engine, minor):
    # A user check: frames.settle said "about 2990.15 EUR" where lg.settle said "about 2990".
    got = frames.settle(ENGINES[engine](table(USER, minor=minor)), as_of=DAY, figures=True)
    expected = lg.settle(book(USER), as_of=DAY)
    assert [str(t) for t in expected] == ["TJ pays RU about 2990 EUR"]
    assert [str(t) for t in got] == ["TJ pays RU about 2990 EUR"]
    assert got[0].amount.magnitudes[0] == Decimal("2990.15")


@pytest.mark.parametrize("engine", ["polars", "duckdb", "pandas"])
@pytest.mark.parametrize(
    ("about", "places", "text"),
    [
        ("2000.00", 0, "about 2990 EUR"),  # a column cannot tell 2000.00 from 2000
        ("2500.50", 1, "about 3490.6 EUR"),  # 3490.65 to one place (half to even)
        ("2314070.57", None, "about 2315060.72 EUR"),  # as many places as the exact terms
    ],
)
def test_an_approximate_rows_places_are_as_written_without_trailing_zeros(
    engine, about, places, text
):
    rows = [*USER[:1], ("b", "TJ", "RU", about, "about"), USER[2]]
    got = frames.net_positions(ENGINES[engine](table(rows)), as_of=DAY, figures=True)["RU"]["EUR"]
    assert (got.places, str(got)) == (places, text)
    written = Decimal(about).normalize()  # the object path, the about-amount written plainly
    plain = [*USER[:1], ("b", "TJ", "RU", f"{written:f}", "about"), USER[2]]
    expected = lg.net_positions(book(plain), as_of=DAY)["RU"]["EUR"]
    assert (expected.places, str(expected)) == (places, text)


@pytest.mark.parametrize("engine", ["polars-lazy", "duckdb"])
def test_places_hold_at_a_wider_scale_and_for_ranges_and_settlements(engine):
    rows = [
        ("a", "TJ", "RU", "1000.2500", "exact"),  # four places in the column, two written
        ("b", "TJ", "RU", "2000.5", "estimated"),
    ]
    got = frames.net_positions(ENGINES[engine](table(rows, scale=4)), as_of=DAY, figures=True)
    assert (got["RU"]["EUR"].places, str(got["RU"]["EUR"])) == (1, "about 3000.8 EUR")
    paid = pa.table(
        {
            "claim": pa.array(["a"]),
            "currency": pa.array(["EUR"]),
            "amount": pa.array([Decimal("100")], pa.decimal128(38, 4)),
            "qualifier": pa.array(["about"]),
        }
    )
    make = ENGINES[engine]
    got = frames.net_positions(make(table(rows[:1], scale=4)), settlements=make(paid),
                               as_of=DAY, figures=True)  # fmt: skip
    assert (got["RU"]["EUR"].places, str(got["RU"]["EUR"])) == (0, "about 900 EUR")


def test_exact_sums_keep_no_places_of_their_own():
    got = frames.net_positions(pl.from_arrow(table([USER[0], USER[2]])), as_of=DAY, figures=True)
    assert got["RU"]["EUR"].places is None and str(got["RU"]["EUR"]) == "990.15 EUR"
