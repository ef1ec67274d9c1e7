"""Laws of series by year, against oracles of their own: plain loops over the entries written,
and exact sums in fractions.Fraction."""

import random
from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ledger as lg
from tests.oracles import holds

SOURCE_A = lg.Source(publisher="Agency A", title="Yearly figures", date=date(2020, 1, 1))
SOURCE_B = lg.Source(publisher="Agency B", title="Yearly figures", date=date(2020, 1, 1))
YEARS = range(2000, 2011)

# A year's flow entries: (amount in thousands, which source) for each entry of that year.
yearly_flows = st.dictionaries(
    st.sampled_from(list(YEARS)),
    st.lists(st.tuples(st.integers(0, 10**9), st.booleans()), min_size=1, max_size=3),
    max_size=8,
)


def _remittances(flows):
    entries = []
    for year, found in flows.items():
        for n, (amount, from_b) in enumerate(found):
            entries.append(
                lg.Remittance(
                    id=f"r-{year}-{n}",
                    as_of=date(year, 12, 31),
                    source=SOURCE_B if from_b else SOURCE_A,
                    origin=("RU",),
                    destination="TJ",
                    amount=f"{amount} thousand USD/year",
                    period=str(year),
                )
            )
    return entries


@given(yearly_flows)
@settings(max_examples=60, deadline=None)
def test_each_year_is_its_one_entry_missing_or_refused(flows):
    book = lg.Ledger(_remittances(flows))
    crowded = sorted(year for year, found in flows.items() if len(found) > 1)
    if crowded:
        with pytest.raises(lg.MissingFigureError) as refused:
            lg.series(book, "TJ", "remittances", years=YEARS)
        for year in crowded:
            for n in range(len(flows[year])):
                assert f"r-{year}-{n} (Agency " in str(refused.value)
        return
    got = lg.series(book, "TJ", "remittances", years=YEARS)
    for year in YEARS:
        if year not in flows:
            assert got.get(year) is None and got.why(year)
        else:
            figure = got[year]
            assert figure.is_exact
            assert Fraction(figure.value.magnitude) == flows[year][0][0] * 1000
            assert str(figure.unit) == str(lg.ureg.Unit("USD/year"))
    assert set(got.missing) == set(YEARS) - set(flows)


@given(yearly_flows)
@settings(max_examples=60, deadline=None)
def test_a_source_filter_keeps_exactly_that_source_s_entries(flows):
    book = lg.Ledger(_remittances(flows))
    mine = {year: [a for a, from_b in found if from_b] for year, found in flows.items()}
    if any(len(amounts) > 1 for amounts in mine.values()):
        with pytest.raises(lg.MissingFigureError, match="Agency B"):
            lg.series(book, "TJ", "remittances", years=YEARS, source="Agency B")
        return
    if not any(mine.values()):
        return  # no entry of Agency B: the ledger does not know that source
    got = lg.series(book, "TJ", "remittances", years=YEARS, source="Agency B")
    for year in YEARS:
        amounts = mine.get(year, [])
        if amounts:
            assert Fraction(got[year].value.magnitude) == amounts[0] * 1000
        else:
            assert got.get(year) is None


@given(yearly_flows, st.randoms(use_true_random=False))
@settings(max_examples=40, deadline=None)
def test_a_series_does_not_depend_on_the_order_of_entries(flows, shuffler: random.Random):
    entries = _remittances({y: found[:1] for y, found in flows.items()})
    shuffled = list(entries)
    shuffler.shuffle(shuffled)
    a = lg.series(lg.Ledger(entries), "TJ", "remittances", years=YEARS)
    b = lg.series(lg.Ledger(shuffled), "TJ", "remittances", years=YEARS)
    assert a.items() == b.items()


# A debt: claims of RU on TJ (amount in millions, day offset from 2000-01-01), each with
# settlements (share of the claim in hundredths, days after the claim, moved to that year's
# 31 December or not: the last day that counts for a year).
claims = st.lists(
    st.tuples(
        st.integers(1, 10**6),
        st.integers(0, 3650),
        st.lists(st.tuples(st.integers(1, 50), st.integers(0, 3650), st.booleans()), max_size=3),
    ),
    max_size=4,
)


def _cut_day(day, later, year_end):
    cut = day + timedelta(days=later)
    return date(cut.year, 12, 31) if year_end else cut


def _debt_ledger(drawn):
    entries = []
    start = date(2000, 1, 1)
    for n, (amount, offset, cuts) in enumerate(drawn):
        day = start + timedelta(days=offset)
        entries.append(
            lg.Claim(
                id=f"c{n}",
                as_of=day,
                source=SOURCE_A,
                creditor="RU",
                debtor="TJ",
                asserted_by="RU",
                amount=f"{amount} million USD",
            )
        )
        for k, (share, later, year_end) in enumerate(cuts):
            entries.append(
                lg.Settlement(
                    id=f"c{n}-s{k}",
                    as_of=_cut_day(day, later, year_end),
                    source=SOURCE_A,
                    claim=f"c{n}",
                    amount=f"{amount * share * 10**4} USD",  # share hundredths of the claim
                    method="write_off",
                )
            )
    return entries


def _oracle(drawn, year):
    """What TJ owes at the end of ``year``: a plain loop, in Fractions, never below zero."""
    end = date(year, 12, 31)
    start = date(2000, 1, 1)
    total, seen = Fraction(0), False
    for amount, offset, cuts in drawn:
        day = start + timedelta(days=offset)
        if day > end:
            continue
        seen = True
        left = Fraction(amount * 10**6)
        for share, later, year_end in cuts:
            if _cut_day(day, later, year_end) <= end:
                left -= Fraction(amount * share * 10**4)
        total += max(left, Fraction(0))
    return total if seen else None


@given(claims)
@settings(max_examples=60, deadline=None)
def test_debt_at_year_end_is_each_claim_less_its_reductions_so_far(drawn):
    shares = [sum(cut[0] for cut in cuts) for _, _, cuts in drawn]
    if any(total > 100 for total in shares):
        return  # a ledger refuses settlements beyond their claim
    book = lg.Ledger(_debt_ledger(drawn))
    got = lg.series(book, "TJ", "debt", years=range(1999, 2021))
    for year in range(1999, 2021):
        expected = _oracle(drawn, year)
        if expected is None:
            assert got.get(year) is None and "no claim on TJ" in got.why(year)
        else:
            assert got[year].is_exact and Fraction(got[year].value.magnitude) == expected


@given(
    st.lists(st.integers(1, 10**6), min_size=3, max_size=3),
    st.lists(st.integers(1, 10**6), min_size=3, max_size=3),
    st.sets(st.sampled_from([2001, 2002, 2003]), max_size=2),
)
@settings(max_examples=60, deadline=None)
def test_a_ratio_of_series_holds_each_year_s_exact_quotient(tops, bottoms, gaps):
    entries = []
    for year, top, bottom in zip((2001, 2002, 2003), tops, bottoms, strict=True):
        if year in gaps:
            continue
        entries.append(
            lg.Remittance(
                id=f"r{year}",
                as_of=date(year, 12, 31),
                source=SOURCE_A,
                origin=("RU",),
                destination="TJ",
                amount=f"{top} USD/year",
                period=str(year),
            )
        )
        entries.append(
            lg.Budget(
                id=f"b{year}",
                as_of=date(year, 1, 1),
                source=SOURCE_A,
                party="TJ",
                amount=f"{bottom} USD/year",
                fiscal_year=year,
            )
        )
    share = lg.remittances_to_budget(lg.Ledger(entries), "TJ", years=[2001, 2002, 2003])
    for year, top, bottom in zip((2001, 2002, 2003), tops, bottoms, strict=True):
        if year in gaps:
            assert share.get(year) is None
        else:
            assert holds(share[year], Fraction(top, bottom))
            assert share[year].unit == lg.ureg.dimensionless
