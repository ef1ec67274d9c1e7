"""Edges of the rate policy (ledger.fx): exact error messages, periods, ages, bases."""

import re
from datetime import date, timedelta

import pytest

import ledger as lg
from ledger.errors import RateError

SOURCE = lg.Source(publisher="NBKR", title="Rates", date=date(2014, 1, 10))


def rate(id, text, as_of, basis="spot", period_start=None):
    return lg.Rate(
        id=id, as_of=as_of, source=SOURCE, rate=text, basis=basis, period_start=period_start
    )


def raises_exactly(message):
    return pytest.raises(RateError, match="^" + re.escape(message) + "$")


SPOT = rate("spot-2012", "45 KGS/USD", date(2012, 6, 1))
AVERAGE = rate("avg-2012", "47 KGS/USD", date(2012, 12, 31), "average", date(2012, 1, 1))


def test_rates_that_are_not_rates_are_named_by_their_type():
    with raises_exactly("rates: int 5 holds no rates; pass a ledger or a list of its Rate entries"):
        lg.find_rate(5, "USD", "KGS", date(2012, 12, 31))


def test_a_max_age_that_is_not_an_age_says_what_is_accepted():
    with raises_exactly(
        "max_age: str '7' is not an age; pass a datetime.timedelta, a whole number of days, "
        "or None for rates of any age"
    ):
        lg.find_rate([SPOT], "USD", "KGS", date(2012, 12, 31), max_age="7")


def test_a_max_age_of_zero_takes_a_rate_of_the_day_itself():
    found = lg.find_rate([SPOT], "USD", "KGS", date(2012, 6, 1), max_age=0)
    assert found == (SPOT, False)
    assert lg.find_rate([SPOT], "USD", "KGS", date(2012, 6, 1), max_age=timedelta(0))[0] is SPOT


def test_a_rate_exactly_max_age_old_is_still_taken():
    assert lg.find_rate([SPOT], "USD", "KGS", date(2012, 6, 11), max_age=10)[0] is SPOT


def test_a_rate_older_than_max_age_is_refused_with_the_ages():
    with raises_exactly(
        "rate spot-2012 dated 2012-06-01 is 11 days older than 2012-06-12; max_age allows "
        "10 days. Add a USD/KGS rate dated closer to that day, or allow older rates"
    ):
        lg.find_rate([SPOT], "USD", "KGS", date(2012, 6, 12), max_age=10)


# An average that misses the first day of 2012 does not cover the year 2012.
LATE_AVERAGE = rate("avg-late", "47 KGS/USD", date(2012, 12, 31), "average", date(2012, 1, 2))
YEAR_END_SPOT = rate("spot-end", "45 KGS/USD", date(2012, 12, 31))


def test_a_flow_period_starts_on_the_first_of_january_by_default():
    found = lg.find_rate([LATE_AVERAGE, YEAR_END_SPOT], "USD", "KGS", date(2012, 12, 31), flow=True)
    assert found == (YEAR_END_SPOT, False)


def test_a_year_as_period_starts_on_the_first_of_january():
    found = lg.find_rate(
        [LATE_AVERAGE, YEAR_END_SPOT], "USD", "KGS", date(2013, 3, 1), flow=True, period=2012
    )
    assert found == (YEAR_END_SPOT, False)


def test_the_years_1_and_9999_are_periods():
    for year in (1, 9999):
        assert (
            lg.find_rate([SPOT], "USD", "KGS", date(2013, 1, 1), flow=True, period=year)[0] is SPOT
        )


PERIOD_MESSAGE = (
    "period: {} is not a period; pass a year such as 2012, or (first day, last day) as two "
    "dates, the first not after the last"
)


@pytest.mark.parametrize(
    "period",
    [
        10000,
        0,
        (date(2012, 12, 31), date(2012, 1, 1)),
        (2012, 2013),
        [date(2012, 1, 1), date(2012, 12, 31)],
    ],
)
def test_what_is_not_a_period_is_refused_with_what_is_accepted(period):
    with raises_exactly(PERIOD_MESSAGE.format(repr(period))):
        lg.find_rate([SPOT], "USD", "KGS", date(2013, 1, 1), flow=True, period=period)


def test_a_period_of_one_day_is_a_period():
    day = date(2012, 12, 31)
    one_day = rate("avg-day", "46 KGS/USD", day, "average", day)
    found = lg.find_rate([one_day, YEAR_END_SPOT], "USD", "KGS", day, flow=True, period=(day, day))
    assert found == (one_day, False)


def remittance(period):
    return lg.Remittance(
        id="sent",
        as_of=date(2013, 3, 1),
        source=SOURCE,
        origin=("RU",),
        destination="KG",
        amount="100 USD/year",
        period=period,
    )


@pytest.mark.parametrize("period", ["12", "June", "0000", "2011-12", " 201"])
def test_a_remittance_period_that_is_not_a_year_leaves_the_year_of_as_of(period):
    assert lg.flow_period(remittance(period)) == (date(2013, 1, 1), date(2013, 12, 31))


def test_a_remittance_period_of_a_year_is_that_year():
    assert lg.flow_period(remittance(" 2011 ")) == (date(2011, 1, 1), date(2011, 12, 31))


def test_no_rate_in_force_lists_the_pair_with_the_basis_of_each():
    later = [
        rate("eop-2013", "48 KGS/USD", date(2013, 12, 31), "end_of_period"),
        rate("spot-2014", "49 KGS/USD", date(2014, 1, 1)),
        rate("avg-2013", "47 KGS/USD", date(2013, 12, 31), "average", date(2013, 1, 1)),
    ]
    with raises_exactly(
        "no USD/KGS rate in force on 2012-01-01; rates for the pair: avg-2013 average over "
        "2013-01-01..2013-12-31, eop-2013 from 2013-12-31 (end of period), spot-2014 from "
        "2014-01-01. Add a Rate entry dated on or before that day"
    ):
        lg.find_rate(later, "USD", "KGS", date(2012, 1, 1), flow=True)


def test_a_stock_with_only_averages_is_told_why():
    with raises_exactly(
        "no USD/KGS rate in force on 2013-01-01; rates for the pair: avg-2012 average over "
        "2012-01-01..2012-12-31. Add a Rate entry dated on or before that day (a stock "
        "converts at a spot or end-of-period rate in force on the day, never at an average)"
    ):
        lg.find_rate([AVERAGE], "USD", "KGS", date(2013, 1, 1))


def test_the_narrowest_covering_average_wins_even_when_a_wider_starts_later():
    narrow = rate("avg-a", "47 KGS/USD", date(2012, 12, 31), "average", date(2011, 6, 1))
    wide = rate("avg-b", "50 KGS/USD", date(2014, 12, 31), "average", date(2011, 12, 1))
    found = lg.find_rate([wide, narrow], "USD", "KGS", date(2015, 1, 1), flow=True, period=2012)
    assert found == (narrow, False)


def test_find_rate_treats_a_figure_as_a_stock_unless_told():
    assert lg.find_rate([SPOT, AVERAGE], "USD", "KGS", date(2012, 12, 31)) == (SPOT, False)
    assert lg.find_rate([SPOT, AVERAGE], "USD", "KGS", date(2012, 12, 31), flow=True) == (
        AVERAGE,
        False,
    )


def test_averages_that_disagree_name_the_pair_asked():
    other = rate("avg-2012b", "48 KGS/USD", date(2012, 12, 31), "average", date(2012, 1, 1))
    with raises_exactly(
        "2 different USD/KGS rates are in force from 2012-12-31 (avg-2012, avg-2012b); keep "
        "one, or pass rates= with the one to use"
    ):
        lg.find_rate([other, AVERAGE], "USD", "KGS", date(2012, 12, 31), flow=True)


def test_a_period_for_a_stock_is_refused():
    with raises_exactly(
        "period= is for flows; a stock converts at the rate in force on the day asked"
    ):
        lg.find_rate([SPOT], "USD", "KGS", date(2012, 12, 31), period=2012)


def test_a_flow_outside_every_average_takes_the_latest_rate_even_an_average():
    found = lg.find_rate([AVERAGE, SPOT], "USD", "KGS", date(2013, 6, 1), flow=True)
    assert found == (AVERAGE, False)


def test_on_one_day_a_spot_rate_comes_before_an_average_not_covering():
    same_day = rate("spot-dec", "45 KGS/USD", date(2012, 12, 31))
    found = lg.find_rate([AVERAGE, same_day], "USD", "KGS", date(2013, 6, 1), flow=True)
    assert found == (same_day, False)


def test_explain_a_flow_at_its_average_word_for_word():
    converted = lg.convert(
        lg.Figure.of("100 USD/year"), "KGS", rates=[SPOT, AVERAGE], on=date(2012, 12, 31)
    )
    assert converted.explain() == (
        "100 USD/year × 47 KGS/USD (rate avg-2012, average over 2012-01-01..2012-12-31, NBKR)"
        " = 4700 KGS/year"
    )
