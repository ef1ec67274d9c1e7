"""ledger.strategies, as users meet them: arguments refused when a strategy is built, types
registered for st.from_type (in a fresh process too, through the hypothesis entry point), wide
by default, fast under hypothesis's default health checks, and a failing ledger printed as
TOML that loads back."""

import ast
import os
import re
import subprocess
import sys
import textwrap
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import ledger as lg
from ledger import strategies as lst
from ledger.entries import EntryBase
from ledger.figures import QUALIFIERS

#: Find without shrinking: the first example that fits is example enough.
FIRST = settings(database=None, phases=[Phase.generate], max_examples=500)

# -- arguments: refused at once, in words ------------------------------------------------------

BAD_ARGUMENTS = [
    (
        lambda: lst.entries("clam"),
        "kind='clam' is not a kind of entry; accepted: claim, remittance, budget, settlement, rate",
    ),
    (lambda: lst.quantities("money"), "kind='money' is not a kind of amount; accepted: stock"),
    (lambda: lst.figures("debt"), "kind='debt' is not a kind of amount"),
    (lambda: lst.amounts(min_value=5, max_value=1), "min_value=5 is above max_value=1"),
    (lambda: lst.figures(min_value=5, max_value=1), "min_value=5 is above max_value=1"),
    (lambda: lst.quantities(min_value=5, max_value=1), "min_value=5 is above max_value=1"),
    (lambda: lst.amounts(min_value=0.5), "min_value=0.5 is a float, which may already be"),
    (lambda: lst.amounts(min_value=True), "min_value=True must be a number: an int, a Decimal"),
    (lambda: lst.amounts(max_value="lots"), "max_value='lots' is not a number"),
    (lambda: lst.amounts(max_value=Decimal("NaN")), "not finite"),
    (lambda: lst.amounts(max_value=10**30), "too large"),
    (lambda: lst.amounts(places=-1), "places=-1 must be at least 0"),
    (
        lambda: lst.amounts(min_value="0.001", max_value="0.002", places=2),
        "no amount with at most 2 decimal places lies between",
    ),
    (lambda: lst.quantities("stock", "XYZ"), "currency='XYZ' is not an ISO 4217 code"),
    (lambda: lst.figures("stock", "usd"), "codes are upper-case: 'USD'"),
    (lambda: lst.entries(currencies=("USD", "ZZZ")), "currencies='ZZZ' is not an ISO 4217"),
    (lambda: lst.ledgers(currencies=()), "currencies=() must be a non-empty tuple"),
    (
        lambda: lst.figures("flow", per="week"),
        "per='week' is not a period; accepted: month, quarter",
    ),
    (
        lambda: lst.figures(qualifiers=("roughly",)),
        "qualifiers: 'roughly' is not a qualifier; accepted: exact, about, estimated",
    ),
    (lambda: lst.figures(qualifiers=()), "qualifiers=() must be a non-empty tuple"),
    (lambda: lst.entries(qualifiers=("about", "nearly")), "'nearly' is not a qualifier"),
    (lambda: lst.figures(computed="yes"), "computed='yes' must be True or False"),
    (lambda: lst.entries(parties=()), "parties=() must be a non-empty tuple of party codes"),
    (lambda: lst.ledgers(parties=()), "parties=() must be a non-empty tuple of party codes"),
    (lambda: lst.entries("claim", parties=("RU",)), "a claim (between two parties) needs"),
    (lambda: lst.entries("remittance", parties=("TJ",)), "a remittance (between two parties)"),
    (lambda: lst.parties(("ru",)), "codes are upper-case: 'RU'"),
    (lambda: lst.parties(()), "choices=() must be a non-empty tuple"),
    (lambda: lst.entries(parties=("RU", "XX")), "party 'XX' is not an ISO 3166 alpha-2 code"),
    (lambda: lst.ledgers(min_entries=5, max_entries=2), "min_entries=5 is above max_entries=2"),
    (lambda: lst.ledgers(min_entries=-1), "min_entries=-1 must be at least 0"),
    (lambda: lst.ledgers(max_entries=2.5), "max_entries=2.5 must be a whole number"),
    (lambda: lst.ledgers(kinds=()), "kinds=() must be a non-empty tuple"),
    (lambda: lst.ledgers(kinds=("claim", "loan")), "'loan' is not a kind; accepted: claim"),
    (lambda: lst.ledgers(kinds=("settlement",)), "a settlement settles a claim; add 'claim'"),
    (lambda: lst.ledgers(statuses=("paid",)), "statuses: 'paid' is not a status; accepted"),
    (
        lambda: lst.ledgers(exact=True, qualifiers=("exact", "about")),
        "exact=True makes every amount exact; qualifiers also name about",
    ),
    (lambda: lst.ledgers(exact="yes"), "exact='yes' must be True or False"),
    (
        lambda: lst.ledgers(qualifiers={"loan": ("exact",)}),
        "'loan' is not a kind of entry with a figure; accepted: claim, remittance",
    ),
    (lambda: lst.dates(days=-1), "days=-1 must be at least 0"),
    (lambda: lst.figures("count", currency="USD"), "a count has none: leave it out"),
    (lambda: lst.quantities("pure", currency="USD"), "a pure has none: leave it out"),
    (lambda: lst.figures("stock", per="year"), "per='year' is for flows"),
    (lambda: lst.quantities("count", min_value=-5), "a count of people starts at 0"),
    # The user's bound, named as they gave it (not "min_value=0 is above max_value=-3").
    (lambda: lst.figures("count", max_value=-3), "max_value=-3 is below 0, where a count"),
    (lambda: lst.dates(days=10, end=date(2000, 1, 1)), "give days= or end=, not both"),
    (
        lambda: lst.dates(date(2000, 1, 1), end=date(1999, 12, 31)),
        "start=2000-01-01 is after end=1999-12-31",
    ),
    (lambda: lst.dates("2000-01-01"), "start='2000-01-01' must be a datetime.date"),
    (lambda: lst.dates(date(9999, 1, 1), days=1000), "run past the last date Python holds"),
    (
        lambda: lst.ledgers(start=date(2010, 1, 1), end=date(2000, 1, 1)),
        "start=2010-01-01 is after end=2000-01-01",
    ),
    # The default start is not the user's: say that start= is needed.
    (lambda: lst.sources(end=date(1900, 1, 1)), "end=1900-01-01 is before 1991-01-01, the first"),
    (lambda: lst.dates(end=date(1980, 1, 1)), "end=1980-01-01 is before 1991-01-01, the first"),
    (lambda: lst.dates(end=date(1980, 1, 1)), "give start= as well"),
    (lambda: lst.ledgers(end=date(1980, 1, 1)), "give start= as well"),
    (lambda: lst.sources(start=date(2050, 1, 1)), "after 2040-12-31, the last date drawn by"),
    # No room for a strict bound or a range between equal bounds, asked for alone.
    (
        lambda: lst.figures(qualifiers=("more_than",), min_value=3, max_value=3),
        "qualifiers=('more_than',): no 'more than' figure lies between min_value=3 and max_value=3",
    ),
    (
        lambda: lst.figures(qualifiers=("less_than",), min_value=0, max_value=0),
        "no 'less than' figure lies between min_value=0 and max_value=0",
    ),
    (
        lambda: lst.figures(qualifiers=("range",), min_value="0.5", max_value="0.5"),
        "no range figure lies between min_value='0.5' and max_value='0.5'",
    ),
    (lambda: lst.figures("count", max_value=0, qualifiers=("range",)), "a count starts at 0"),
    # A rate is the price of one currency in another.
    (
        lambda: lst.entries("rate", currencies=("USD",)),
        "currencies=('USD',) names 1 currency; a rate (the price of one currency in another) "
        "needs at least 2",
    ),
    (
        lambda: lst.ledgers(kinds=("claim", "rate"), currencies=("USD",)),
        "currencies=('USD',) names 1 currency; a rate",
    ),
    (
        lambda: lst.ledgers(kinds=("rate",), qualifiers=("at_most", "less_than")),
        "qualifiers: a rate is never at_most, less_than",
    ),
    (
        lambda: lst.ledgers(qualifiers={"rate": ("at_most",)}),
        "qualifiers['rate']: a rate is never at_most",
    ),
    (
        lambda: lst.entries("remittance", statuses=("settled",)),
        "statuses=('settled',) is for claims; a remittance has no status",
    ),
    (
        lambda: lst.ledgers(kinds=("budget",), statuses=("settled",)),
        "statuses=('settled',) is for claims; kinds=('budget',) has none",
    ),
    (lambda: lst.parties(choices=()), "choices=() must be a non-empty tuple"),
    (lambda: lst.entries(id="Bad Id"), "id='Bad Id' is not an id: ids are lower-case"),
    (lambda: lst.entries(text="abc"), "text='abc' must be a strategy of text"),
    (lambda: lst.texts(max_size=0), "max_size=0 must be at least 1"),
    (lambda: lst.points("300 USD"), "points() takes a Figure, not str"),
]


@pytest.mark.parametrize(("build", "message"), BAD_ARGUMENTS)
def test_a_wrong_argument_is_refused_when_the_strategy_is_built(build, message):
    # Building is enough: nothing is drawn, so a refusal here comes before any test runs.
    with pytest.raises(InvalidArgument) as refused:
        build()
    assert message in str(refused.value)


def test_the_refusals_name_what_is_accepted():
    with pytest.raises(InvalidArgument) as refused:
        lst.figures(qualifiers=("roughly",))
    assert ", ".join(QUALIFIERS) in str(refused.value)
    with pytest.raises(InvalidArgument) as refused:
        lst.ledgers(statuses=("paid",))
    assert ", ".join(lst.STATUSES) in str(refused.value)


def test_a_settlement_alone_is_drawn_without_a_ledger_around_it():
    # Formerly "Cannot sample from a length-zero sequence": a settlement alone names a claim.
    settlement = find(lst.entries("settlement"), lambda s: s.amount.approximate, settings=FIRST)
    assert isinstance(settlement, lg.Settlement) and settlement.claim != settlement.id


# -- registered types ----------------------------------------------------------------------------

REGISTERED = [
    lg.Figure,
    lg.Source,
    lg.Claim,
    lg.Remittance,
    lg.Budget,
    lg.Settlement,
    lg.Rate,
    lg.GDP,
    lg.DebtStock,
    lg.Share,
]


@pytest.mark.parametrize("kind", [*REGISTERED, lg.Ledger], ids=lambda t: t.__name__)
def test_from_type_draws_each_registered_type(kind):
    assert isinstance(find(st.from_type(kind), lambda x: True, settings=FIRST), kind)


def test_from_type_of_the_entry_base_draws_every_kind_of_entry():
    seen = {
        type(find(st.from_type(EntryBase), lambda e, k=k: e.kind == k, settings=FIRST))
        for k in lst.ALL_KINDS
    }
    assert seen == {
        lg.Claim,
        lg.Remittance,
        lg.Budget,
        lg.Settlement,
        lg.Rate,
        lg.GDP,
        lg.DebtStock,
        lg.Share,
    }


def test_from_type_of_a_figure_draws_every_kind_of_amount():
    for test in (lg.is_stock, lg.is_flow, lg.is_count, lg.is_pure):
        found = find(st.from_type(lg.Figure), lambda f, test=test: test(f.unit), settings=FIRST)
        assert test(found.unit)


def test_builds_infers_the_registered_types_of_a_functions_parameters():
    def report(claim: lg.Claim, figure: lg.Figure, book: lg.Ledger) -> tuple[str, str, int]:
        return claim.kind, type(figure).__name__, len(book)

    kind, figure, _ = find(st.builds(report), lambda r: r[2] > 0, settings=FIRST)
    assert (kind, figure) == ("claim", "Figure")


FRESH = """
import sys
import hypothesis
print("strategies loaded by hypothesis:", "ledger.strategies" in sys.modules)
from hypothesis import Phase, find, settings, strategies as st
import ledger as lg
first = settings(database=None, phases=[Phase.generate])
for kind in (lg.Figure, lg.Claim, lg.Settlement, lg.Ledger):
    print(kind.__name__, type(find(st.from_type(kind), lambda x: True, settings=first)).__name__)
"""


def test_a_fresh_process_has_the_types_registered_through_the_entry_point(tmp_path):
    # No "import ledger.strategies" anywhere: the hypothesis entry point in pyproject.toml does
    # it (debt-ledger must be installed, as `pip install -e .` does).
    done = subprocess.run(
        [sys.executable, "-c", FRESH], capture_output=True, text=True, cwd=tmp_path, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:5] == [
        "strategies loaded by hypothesis: True",
        "Figure Figure",
        "Claim Claim",
        "Settlement Settlement",
        "Ledger Ledger",
    ]
    # And hypothesis's own switch turns the entry point off.
    off = subprocess.run(
        [sys.executable, "-c", "import sys, hypothesis; print('ledger.strategies' in sys.modules)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "HYPOTHESIS_NO_PLUGINS": "1"},
        timeout=300,
    )
    assert off.stdout.strip() == "False", off.stderr


def test_importing_the_strategies_first_is_no_circle(tmp_path):
    # ledger.strategies imports hypothesis, whose entry point imports ledger.strategies.
    code = "import ledger.strategies as lst, hypothesis.strategies as st, ledger as lg; "
    code += "from hypothesis import Phase, find, settings; "
    code += "first = settings(database=None, phases=[Phase.generate]); "
    code += "print(type(find(st.from_type(lg.Claim), lambda c: True, settings=first)).__name__)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=300
    )
    assert (done.returncode, done.stdout.strip()) == (0, "Claim"), done.stderr


# -- wide by default -------------------------------------------------------------------------------
#
# Each thing the strategies promise to make is searched for with find(): a narrowed strategy
# fails these. (A sample of fixed size would not do: the examples hypothesis draws depend on the
# constants of the modules loaded, so a rare kind may be missing from one run's sample.)


def some(strategy, condition):
    """An example that meets ``condition``, or a failure when 2,000 examples hold none."""
    return find(
        strategy,
        condition,
        settings=settings(database=None, phases=[Phase.generate], max_examples=2000),
    )


def sample(strategy, n=100):
    """``n`` draws (fewer when there are fewer to be had), for laws that hold of every one."""
    drawn = []

    @settings(max_examples=n, database=None, deadline=None)
    @given(strategy)
    def collect(value):
        drawn.append(value)

    collect()
    return drawn


def shape(figure):
    """What a figure looks like, in a few words: its qualifier, and whether it is approximate,
    rounded, open at an end, converted, a value with one bound, a range with a value."""
    words = {figure.qualifier}
    if figure.approximate:
        words.add("approximate")
    if figure.places is not None:
        words.add("rounded")
    if not (figure.low_inclusive and figure.high_inclusive):
        words.add("open end")
    if figure.origin is not None:
        words.add("converted")
    value, low, high = figure.magnitudes
    if value is not None and (low is None) != (high is None):
        words.add("value and one bound")
    if figure.qualifier == "range" and value is not None:
        words.add("range with a value")
    if figure.qualifier in ("at_least", "more_than", "at_most", "less_than") and (
        figure.approximate
    ):
        words.add("approximate one-sided")
    return words


def parts(figure):
    return [m for m in figure.magnitudes if m is not None]


SHAPES = [
    *QUALIFIERS,
    "approximate",
    "rounded",
    "open end",
    "converted",
    "value and one bound",
    "range with a value",
    "approximate one-sided",
]


@pytest.mark.parametrize("word", SHAPES)
def test_figures_take_every_shape_by_default(word):
    assert word in shape(some(lst.figures("flow"), lambda f: word in shape(f)))


NUMBERS = {
    "negative": lambda m: m < 0,
    "positive": lambda m: m > 0,
    "zero": lambda m: m == 0,
    "30 decimal places": lambda m: m.as_tuple().exponent <= -30,
    "29 whole digits": lambda m: m.adjusted() >= 28,
    "cents": lambda m: m.as_tuple().exponent == -2,
}


@pytest.mark.parametrize("name", NUMBERS)
def test_figures_take_every_sign_and_size_by_default(name):
    test = NUMBERS[name]
    some(lst.figures(), lambda f: any(test(m) for m in parts(f)))


def test_flows_come_in_every_period():
    for period in ("month", "quarter", "year"):
        some(
            lst.figures("flow", "USD", computed=False), lambda f, p=period: str(f.unit).endswith(p)
        )


def test_amounts_and_quantities_are_signed_by_default_and_counts_are_not():
    some(lst.amounts(), lambda a: a < 0)
    some(lst.quantities("stock"), lambda q: q.magnitude < 0)
    assert all(q.magnitude >= 0 for q in sample(lst.quantities("count")))


def test_bounds_narrow_what_is_drawn():
    # computed=False: every part inside the bounds; computed=True: of their sign.
    inside = sample(
        lst.figures(qualifiers=("exact", "range"), min_value=5, max_value=9, computed=False)
    )
    assert all(5 <= m <= 9 for f in inside for m in parts(f))
    positive = sample(
        lst.figures("flow", qualifiers=("exact", "about", "at_least", "range"), min_value=1)
    )
    assert all(f.magnitudes[1] is not None and f.magnitudes[1] > 0 for f in positive)


def test_a_one_sided_figure_holds_some_value_inside_the_bounds():
    # "more than 0" drawn under max_value=0 would hold no value at or below 0.
    def holds(figure, value):
        low, high = figure.magnitudes[1:]
        return (low is None or low < value or (low == value and figure.low_inclusive)) and (
            high is None or value < high or (value == high and figure.high_inclusive)
        )

    more_than = lst.figures(qualifiers=("more_than",), min_value=-5, max_value=0, computed=False)
    below = sample(more_than)
    assert all(holds(f, 0) or holds(f, Decimal("-0.01")) for f in below)
    assert any(not f.low_inclusive for f in below)  # still "more than" where it can be
    above = sample(lst.figures(qualifiers=("less_than",), min_value=0, max_value=5, computed=False))
    assert all(holds(f, 0) or holds(f, Decimal("0.01")) for f in above)


def test_dates_spread_over_the_decades():
    # A day drawn as a count of days from the start crowded the 1990s (72% of the draws).
    days = sample(lst.dates(), 200)
    nineties = sum(day.year < 2000 for day in days)
    assert {day.year // 10 for day in days} >= {199, 200, 201, 202, 203}
    assert nineties < len(days) * 0.4


@pytest.mark.parametrize("status", lst.STATUSES)
def test_ledgers_hold_claims_of_every_status(status):
    some(lst.ledgers(), lambda b: any(c.status == status for c in b.claims()))


@pytest.mark.parametrize("word", QUALIFIERS)
def test_ledgers_hold_claims_of_every_shape(word):
    # "at most" and "less than" claims too.
    some(lst.ledgers(), lambda b: any(c.amount.qualifier == word for c in b.claims()))


@pytest.mark.parametrize("method", lst.METHODS)
def test_ledgers_hold_settlements_of_every_method(method):
    some(lst.ledgers(), lambda b: any(s.method == method for s in b.settlements()))


ENTRIES = {
    "a counterclaim": lambda e: isinstance(e, lg.Claim) and e.counter_to is not None,
    "a claim asserted by a third party": lambda e: (
        isinstance(e, lg.Claim) and e.asserted_by not in (e.creditor, e.debtor)
    ),
    "remittances from two origins": lambda e: isinstance(e, lg.Remittance) and len(e.origin) > 1,
    "an approximate count of migrants": lambda e: (
        isinstance(e, lg.Remittance) and e.migrants is not None and e.migrants.approximate
    ),
    "a revenue budget": lambda e: isinstance(e, lg.Budget) and e.measure == "revenue",
    "an expenditure budget": lambda e: isinstance(e, lg.Budget) and e.measure == "expenditure",
    "a rate below 1": lambda e: isinstance(e, lg.Rate) and e.rate.magnitudes[1] < 1,
    "an approximate rate": lambda e: isinstance(e, lg.Rate) and e.rate.qualifier == "about",
    "a range of rates": lambda e: isinstance(e, lg.Rate) and e.rate.qualifier == "range",
    "a rate with a floor only": lambda e: isinstance(e, lg.Rate) and e.rate.magnitudes[2] is None,
    "an average rate over a period": lambda e: (
        isinstance(e, lg.Rate) and e.basis == "average" and e.period_start < e.as_of
    ),
    "an end-of-period rate": lambda e: isinstance(e, lg.Rate) and e.basis == "end_of_period",
    "an entry before 1995": lambda e: e.as_of.year < 1995,
    "an entry after 2035": lambda e: e.as_of.year > 2035,
    "a note": lambda e: e.note is not None,
    "a quote over two lines": lambda e: e.quote is not None and "\n" in e.quote,
}


@pytest.mark.parametrize("name", ENTRIES)
def test_ledgers_hold_every_kind_of_entry(name):
    test = ENTRIES[name]
    some(lst.ledgers(), lambda b: any(test(e) for e in b))


def settlement_kinds(book):
    """What the settlements of a ledger are like, in words."""
    kinds = set()
    for claim in book.claims():
        settlements = book.settlements(claim=claim.id)
        lows = [Fraction(s.amount.magnitudes[1] or 0) for s in settlements]
        high = claim.amount.magnitudes[2]
        if settlements and high and sum(lows) == high:
            kinds.add("whole")
        for s in settlements:
            value, whole = s.amount.magnitudes[0], claim.amount.magnitudes[0]
            if s.amount.is_exact and whole is not None and 0 < value < whole:
                kinds.add("partial")
            if any(m != m.to_integral_value() for m in parts(s.amount)):
                kinds.add("fractional")
            if s.amount.approximate:
                kinds.add("approximate")
            if s.amount.qualifier in ("range", "at_least", "more_than", "at_most", "less_than"):
                kinds.add("bounds")
            if s.as_of > claim.as_of:
                kinds.add("after the claim")
            if s.as_of.year >= 2011:
                kinds.add("late")
            if len(settlements) > 1:
                kinds.add("one of several")
    return kinds


@pytest.mark.parametrize(
    "kind",
    [
        "whole",
        "partial",
        "fractional",
        "approximate",
        "bounds",
        "after the claim",
        "late",
        "one of several",
    ],
)
def test_settlements_are_partial_whole_fractional_approximate_and_late(kind):
    some(lst.ledgers(kinds=("claim", "settlement")), lambda b: kind in settlement_kinds(b))


def test_ledgers_share_sources_and_name_parties():
    some(lst.ledgers(), lambda b: len({e.source for e in b}) < len(b))
    some(lst.ledgers(), lambda b: b.parties and b.title is not None)


@pytest.fixture(scope="module")
def books():
    return sample(lst.ledgers())


def test_settlements_keep_to_their_claims(books):
    for book in books:
        for s in book.settlements():
            claim = book[s.claim]
            assert s.as_of >= claim.as_of and lg.currency_of(s.amount.unit) == claim.currency


def test_entries_are_never_negative(books):
    for book in books:
        for entry in book:
            for figure in (getattr(entry, "amount", None), getattr(entry, "migrants", None)):
                if figure is not None:
                    assert all(m >= 0 for m in parts(figure))


def test_dates_stay_inside_their_span(books):
    assert all(lst.FIRST_DAY <= e.as_of <= lst.LAST_DAY for b in books for e in b)
    narrowed = sample(lst.ledgers(start=date(2004, 1, 1), end=date(2004, 12, 31)), n=50)
    assert {e.as_of.year for b in narrowed for e in b} == {2004}


def test_exact_and_qualifiers_narrow_ledgers():
    exact = sample(lst.ledgers(exact=True, kinds=("claim", "settlement", "rate")), n=60)
    assert all(e.amount.is_exact for b in exact for e in b if not isinstance(e, lg.Rate))
    assert all(r.rate.is_exact for b in exact for r in b.rates())  # the rates too
    shaped = lst.ledgers(kinds=("claim", "settlement"), qualifiers={"settlement": ("exact",)})
    assert all(s.amount.is_exact for b in sample(shaped, n=60) for s in b.settlements())
    some(shaped, lambda b: any(not c.amount.is_exact for c in b.claims()))
    counting = sample(lst.ledgers(kinds=("claim",), statuses=("asserted", "disputed")), n=50)
    assert {c.status for b in counting for c in b} <= {"asserted", "disputed"}


def test_text_without_blanks_on_request():
    drawn = sample(lst.ledgers(text=lst.texts(blank=False)), n=100)
    texts = [
        t for b in drawn for e in b for t in (e.quote, e.note, e.source.title) if t is not None
    ]
    assert texts and all(t.strip() for t in texts)
    some(lst.texts(), lambda t: t != "" and not t.strip())


def test_points_reach_near_an_open_end():
    less = lg.Figure.of("300 USD", "less_than")
    point = some(lst.points(less), lambda q: q.magnitude > 299)
    assert less.contains(point)


# -- fast, under hypothesis's defaults, in a fresh folder ---------------------------------------

DEFAULTS = """
from hypothesis import given, strategies as st
import ledger as lg
from ledger import strategies as lst

@given(lst.ledgers())
def test_ledgers(book):
    assert len(book) <= 12

@given(lst.figures())
def test_figures(figure):
    assert figure.unit is not None

@given(st.sampled_from(lst.ALL_KINDS).flatmap(lst.entries))
def test_entries(entry):
    assert entry.kind in lst.ALL_KINDS

@given(lst.entries("settlement"), lst.sources(), lst.quantities("flow"), lst.dates())
def test_the_rest(settlement, source, flow, day):
    assert settlement.kind == "settlement"

@given(st.from_type(lg.Ledger), st.from_type(lg.Figure))
def test_from_type(book, figure):
    assert isinstance(book, lg.Ledger)
"""


def run_pytest(folder, name, text):
    """pytest on one test file written into ``folder``, in a process of its own."""
    (folder / name).write_text(text)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", name],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=600,
    )


def test_default_settings_in_a_fresh_folder_raise_no_health_check(tmp_path):
    # No .hypothesis folder, no profile, no settings: what a user's first run meets.
    done = run_pytest(tmp_path, "test_mine.py", DEFAULTS)
    assert "FailedHealthCheck" not in done.stdout
    assert done.returncode == 0, done.stdout[-3000:]
    assert "5 passed" in done.stdout


# -- a failing ledger prints as TOML that loads back --------------------------------------------

FAILING = """
from hypothesis import given, settings
from ledger import strategies as lst

@settings(database=None)
@given(lst.ledgers(kinds=("claim", "settlement"), max_entries=4))
def test_no_ledger_settles_anything(book):
    assert not book.settlements()
"""


def test_a_failing_ledger_prints_toml_that_loads_it_back(tmp_path):
    done = run_pytest(tmp_path, "test_fails.py", FAILING)
    assert done.returncode == 1 and "1 failed" in done.stdout, done.stdout[-3000:]
    assert "ledger #1 drawn for this example, as lg.loads gives it back:" in done.stdout
    found = re.search(r"lg\.loads\(r'''\n(.*?)'''\)", done.stdout, re.DOTALL)
    assert found is not None, done.stdout[-3000:]
    # pytest prefixes the note's lines with "E   " in the report: take them off.
    text = textwrap.dedent(re.sub(r"(?m)^E {0,7}", "", found[1]))
    book = lg.loads(text)
    assert book.settlements() and book.claims()  # the falsifying example itself, again


TWO_LEDGERS = """
from hypothesis import given, settings
from ledger import strategies as lst

@settings(database=None)
@given(lst.ledgers(kinds=("claim",), max_entries=2), lst.ledgers(kinds=("rate",), max_entries=2))
def test_no_claims_and_rates(claims, rates):
    assert not (claims.claims() and rates.rates())
"""


def test_a_failing_example_with_two_ledgers_says_which_is_which(tmp_path):
    done = run_pytest(tmp_path, "test_two.py", TWO_LEDGERS)
    assert done.returncode == 1 and "1 failed" in done.stdout, done.stdout[-3000:]
    first = done.stdout.index("ledger #1 drawn for this example")
    second = done.stdout.index("ledger #2 drawn for this example")
    assert 'kind = "claim"' in done.stdout[first:second]
    assert 'kind = "rate"' in done.stdout[second:]


LINE_BREAKING = """
from hypothesis import given, settings, strategies as st
from ledger import strategies as lst

@settings(database=None)
@given(lst.ledgers(min_entries=1, text=st.just("a\\u2028b")))
def test_titles_are_single_line(book):
    assert all(len(entry.source.title.splitlines()) == 1 for entry in book)
"""


def test_a_failing_ledger_with_a_line_separator_prints_code_that_loads_it_back(tmp_path):
    # A user found U+2028 printed raw: the report showed a line break inside a TOML string.
    done = run_pytest(tmp_path, "test_breaks.py", LINE_BREAKING)
    assert done.returncode == 1 and "1 failed" in done.stdout, done.stdout[-3000:]
    assert "\u2028" not in done.stdout
    found = re.search(r"lg\.loads\(('.*?')\)\n", done.stdout)
    assert found is not None, done.stdout[-3000:]
    book = lg.loads(ast.literal_eval(found[1]))
    assert any(entry.source.title == "a\u2028b" for entry in book)


# -- what a user of the strategies relies on (second user check) ----------------------------


def test_qualifiers_narrow_figures_inside_any_bounds():
    # A "more than" drawn at the ceiling was turned into "at least": the narrowing was lost.
    more = sample(
        lst.figures(qualifiers=("more_than",), min_value=-100, max_value=0, computed=False), 200
    )
    assert {f.qualifier for f in more} == {"more_than"}
    assert all(-100 <= f.low.magnitude < 0 for f in more)
    less = sample(
        lst.figures(qualifiers=("less_than",), min_value=0, max_value=100, computed=False), 200
    )
    assert {f.qualifier for f in less} == {"less_than"}
    assert all(0 < f.high.magnitude <= 100 for f in less)


def test_a_shape_the_bounds_leave_no_room_for_is_skipped_when_others_are_asked():
    drawn = sample(
        lst.figures(qualifiers=("exact", "more_than"), min_value=3, max_value=3, computed=False)
    )
    assert {f.qualifier for f in drawn} == {"exact"}


@pytest.mark.parametrize(
    "words", [("estimated",), ("exact", "at_least"), ("exact", "at_most")], ids=" ".join
)
def test_computed_figures_keep_to_the_qualifiers_asked_for(words):
    # A third of an exact figure is "about", an exact one with a bound "more than": arithmetic
    # made shapes the user had not asked for.
    drawn = sample(lst.figures("flow", qualifiers=words), 300)
    assert {f.qualifier for f in drawn} <= set(words)
    some(lst.figures("flow", qualifiers=words), lambda f: "rounded" in shape(f))


def test_exact_alone_gives_exact_figures_only():
    # computed figures ("about 0.3 USD", a third of an exact one) came in as well.
    for kind in ("stock", "flow", "count"):
        assert all(f.is_exact for f in sample(lst.figures(kind, qualifiers=("exact",)), 200))


@pytest.mark.parametrize(
    "build",
    [
        lambda **bound: lst.figures(computed=False, **bound),
        lambda **bound: lst.quantities(**bound),
        lambda **bound: lst.amounts(**bound),
    ],
    ids=["figures", "quantities", "amounts"],
)
def test_a_ceiling_at_or_below_zero_alone_gives_a_floor_below_it(build):
    def lowest(x):
        return min(parts(x)) if isinstance(x, lg.Figure) else getattr(x, "magnitude", x)

    some(build(max_value=0), lambda x: lowest(x) < 0)  # not only zeros
    assert all(lowest(x) <= -5 for x in sample(build(max_value=-5)))  # not refused


def test_a_floor_alone_above_the_default_ceiling_is_not_refused():
    assert all(a >= 10**13 for a in sample(lst.amounts(min_value=10**13)))


def test_entry_and_ledger_dates_spread_over_the_decades():
    # Days counted from the start crowded the 1990s: 212 of 300 entries, 908 of 1,327 in
    # ledgers, and the first entry of a ledger in the 1990s every time.
    days = [e.as_of for e in sample(lst.entries(), 300)]
    assert sum(d.year < 2000 for d in days) < len(days) * 0.4
    books = sample(lst.ledgers(min_entries=5), 150)
    inside = [e.as_of for b in books for e in b] + [e.source.date for b in books for e in b]
    assert sum(d.year < 2000 for d in inside) < len(inside) * 0.4
    assert any(b.entries[0].as_of.year >= 2000 for b in books)
    assert {d.year // 10 for d in inside} >= {199, 200, 201, 202, 203, 204}


def test_rates_keep_to_the_currencies_named():
    rates = sample(lst.entries("rate", currencies=("USD", "RUB", "TJS")), 200)
    assert {c for r in rates for c in str(r.rate.unit).split(" / ")} == {"USD", "RUB", "TJS"}
    books = sample(lst.ledgers(kinds=("rate", "claim"), currencies=("TJS", "KGS")), 60)
    assert {c for b in books for r in b.rates() for c in str(r.rate.unit).split(" / ")} == {
        "TJS",
        "KGS",
    }


def test_a_tuple_of_qualifiers_narrows_the_rates_too():
    books = sample(lst.ledgers(kinds=("rate",), qualifiers=("about",)), 60)
    assert {r.rate.qualifier for b in books for r in b.rates()} == {"about"}
    # Shapes a rate never takes are left out for rates, kept for the rest.
    mixed = lst.ledgers(kinds=("rate", "claim"), qualifiers=("at_most", "range"))
    assert {r.rate.qualifier for b in sample(mixed, 60) for r in b.rates()} == {"range"}
    some(mixed, lambda b: any(c.amount.qualifier == "at_most" for c in b.claims()))
    table = sample(lst.ledgers(kinds=("rate",), qualifiers={"rate": ("more_than",)}), 60)
    assert {r.rate.qualifier for b in table for r in b.rates()} == {"more_than"}


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: lst.figures(currency=st.just("XXY")), "currency='XXY' is not an ISO 4217 code"),
        (lambda: lst.quantities(currency=st.just(5)), "currency=5 is not an ISO 4217 code"),
        (lambda: lst.entries(text=st.integers()), "text: 0 is not text"),
        (lambda: lst.sources(text=st.just(b"x")), "text: b'x' is not text"),
        (lambda: lst.entries(id=st.just("Bad Id")), "id='Bad Id' is not an id"),
    ],
)
def test_a_strategy_given_as_an_argument_that_draws_a_wrong_value_is_named(build, message):
    with pytest.raises(InvalidArgument) as refused:
        find(build(), lambda x: True, settings=FIRST)
    assert message in str(refused.value)
