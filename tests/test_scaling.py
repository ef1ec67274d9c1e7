"""Big ledgers (issue 14): the quick paths give what the plain ones give, figure for figure."""

import functools
import operator

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ledger as lg
from ledger import strategies as lst
from ledger.errors import FigureError
from ledger.figures import Figure, sum_figures

usd = lst.figures("stock", "USD")
mixed = lst.figures("stock", st.sampled_from(["USD", "RUB"]))


def _same(a: Figure, b: Figure) -> None:
    assert a == b
    assert str(a) == str(b)
    assert (a.places, a.approximate, a.qualifier) == (b.places, b.approximate, b.qualifier)


@given(st.lists(usd, min_size=1, max_size=12))
def test_sum_figures_is_adding_one_by_one(figures):
    _same(sum_figures(figures), functools.reduce(operator.add, figures))


@given(st.lists(usd, min_size=2, max_size=6), st.integers(0, 5))
def test_sum_figures_after_a_term_that_cancels(figures, at):
    # A sum that passes through zero: 0 is written 0, whatever places its terms had.
    figures.insert(min(at, len(figures)), -figures[0])
    _same(sum_figures(figures), functools.reduce(operator.add, figures))


def test_sum_figures_of_approximate_and_exact_amounts():
    parts = [
        Figure.of("300.25 USD", "about"),
        Figure.of("0.5 USD"),
        Figure.range("1 USD", "2.125 USD", value="1.5 USD"),
        -Figure.of("300.25 USD", "about"),
        Figure.of("1E+3 USD", "estimated"),
    ]
    _same(sum_figures(parts), functools.reduce(operator.add, parts))
    assert sum_figures(parts[:1]) is parts[0]  # one term: itself, its words kept


def test_sum_figures_at_the_limit_of_the_digits_falls_back_to_plus():
    # 60 nines and one in the 60th place: an exact sum Decimal rounds (a 61st digit).
    big = Figure.of(f"{'9' * 29}.{'9' * 30} USD")
    tiny = Figure.of(f"0.{'0' * 29}1 USD")
    _same(sum_figures([big, tiny, tiny]), big + tiny + tiny)


@given(st.lists(mixed, min_size=2, max_size=5))
def test_sum_figures_refuses_what_plus_refuses(figures):
    try:
        expected = functools.reduce(operator.add, figures)
    except Exception as error:  # the same refusal, whatever it is
        try:
            sum_figures(figures)
        except type(error) as mine:
            assert str(mine) == str(error)
        else:
            raise AssertionError("sum_figures added what + refuses") from None
    else:
        _same(sum_figures(figures), expected)


def test_sum_figures_of_nothing_is_refused():
    with pytest.raises(FigureError, match="at least one"):
        sum_figures([])


@given(st.lists(st.tuples(usd, st.booleans()), min_size=1, max_size=10))
def test_sum_figures_negated_is_subtracting_one_by_one(terms):
    figures = [f for f, _ in terms]
    negated = [minus for _, minus in terms]
    expected = -figures[0] if negated[0] else figures[0]
    for f, minus in terms[1:]:
        expected = expected - f if minus else expected + f
    _same(sum_figures(figures, negated=negated), expected)


@pytest.mark.parametrize("locale", ["en_US", "ru_RU", "tg_TJ"])
def test_say_chained_is_saying_step_by_step(locale):
    from ledger.words import LESS, PLUS, locale_of, say, say_chained

    where = locale_of(locale)
    steps = [(PLUS if i % 3 else LESS, f"claim {i}") for i in range(40)]
    expected = "claim start"
    for message, second in steps:
        expected = say(where, message, first=expected, second=second)
    assert say_chained(where, "claim start", steps) == expected


def test_say_chained_takes_a_message_of_another_shape():
    from babel import Locale

    from ledger.words import say_chained

    steps = [("{first} plus {second}", "b"), ("({second}) after {first}", "c")]
    assert say_chained(Locale("en"), "a", steps) == "(c) after a plus b"
    assert say_chained(Locale("en"), "a", [("{second}, then {first}", "b")]) == "b, then a"


def test_describe_a_pair_with_many_claims_names_each_once():
    from datetime import date

    import ledger as lg

    source = lg.Source(publisher="MinFin", title="Claims", date=date(2004, 3, 15))
    claims = [
        lg.Claim(
            id=f"c{i}",
            as_of=date(2004, 3, 15),
            source=source,
            creditor="RU" if i % 4 else "TJ",
            debtor="TJ" if i % 4 else "RU",
            asserted_by="RU",
            amount=f"{i + 1} million USD",
        )
        for i in range(200)
    ]
    text = lg.describe(lg.net_balance(lg.Ledger(claims), "TJ", "RU", as_of=date(2004, 3, 15)))
    assert text.startswith("Tajikistan owes Russia $")
    assert text.count("Russia's claim of") == 150
    assert text.count("less Tajikistan's claim of") == 50


def _in_order(book):
    """Claims first, then counterclaims, then everything else: each prefix names only
    entries before it (a counterclaim of a counterclaim aside)."""
    return sorted(
        book.entries,
        key=lambda e: (e.kind != "claim", getattr(e, "counter_to", None) is not None),
    )


@given(lst.ledgers(max_entries=10), lst.ledgers(max_entries=6), st.integers(0, 10), st.data())
def test_adding_entries_checks_as_the_whole_ledger(book, other, at, data):
    from ledger.checks import added_pass, cross_check

    entries = _in_order(book)
    base, rest = entries[:at], entries[at:]
    extra = []
    if other.entries:
        extra = data.draw(st.lists(st.sampled_from(list(other.entries)), unique_by=id))
    added = rest + extra
    if cross_check(base, None):  # a counterclaim answering one not yet added: not a ledger
        return
    start = lg.Ledger(base)
    whole = [*base, *added]
    verdict = added_pass(dict(start._by_id), start._settlements_by_claim(), added)
    assert verdict == (not cross_check(whole, None))
    if verdict:
        assert start + added == lg.Ledger(whole)
    else:
        with pytest.raises(lg.LedgerFileError) as mine:
            start + added
        with pytest.raises(lg.LedgerFileError) as theirs:
            lg.Ledger(whole)
        assert str(mine.value) == str(theirs.value)


def test_a_ledger_built_one_entry_at_a_time_is_the_ledger_of_them_all():
    book = lg.example("kg-ru-2012")
    one_by_one = lg.Ledger([])
    for entry in _in_order(book):
        one_by_one = one_by_one + entry
    assert one_by_one == lg.Ledger(_in_order(book))
    assert [s.id for s in one_by_one.settlements()] == [s.id for s in book.settlements()]
    paid = book.settlements()[0]
    again = paid.model_copy(update={"id": "paid-twice"})
    with pytest.raises(lg.LedgerFileError, match="sum to"):
        for _ in range(40):
            one_by_one = one_by_one + again.model_copy(update={"id": f"again-{_}"})


# -- TOML through rtoml (extra fast) reads as tomllib reads ----------------------------------


def _toml_both(text):
    from ledger.files import read_toml

    return read_toml(text, fast=True), read_toml(text, fast=False)


@pytest.mark.parametrize("name", sorted(lg.examples()))
def test_a_bundled_example_reads_alike_through_either_toml_parser(name):
    from importlib import resources

    file = lg.book.EXAMPLES[name][0]
    text = (resources.files("ledger") / "data" / file).read_text()
    fast, plain = _toml_both(text)
    assert fast == plain
    assert repr(fast) == repr(plain)  # the same types: dates as dates, text as text


@given(lst.ledgers(max_entries=8))
def test_a_saved_ledger_reads_alike_through_either_toml_parser(book):
    fast, plain = _toml_both(book.dumps("toml"))
    assert repr(fast) == repr(plain)
    assert lg.loads(book.dumps("toml")) == book


@pytest.mark.parametrize(
    "text",
    [
        'x = { a = "1", }',  # TOML 1.1: a trailing comma in an inline table
        'x = { a = "1",\n b = "2" }',  # TOML 1.1: an inline table over lines
        'x = "\\e"',  # TOML 1.1: the escape character
        'x = "\\x41"',  # TOML 1.1: a byte escape
        "x = 07:32",  # TOML 1.1: a time without seconds
        "x = 1979-05-27T07:32",
        "x = 1\nx = 2",
    ],
)
def test_what_toml_1_0_refuses_is_refused_through_either_parser(text):
    with pytest.raises(lg.LedgerFileError, match="not valid TOML") as fast:
        lg.loads(text)
    from ledger.files import read_toml

    with pytest.raises(Exception) as plain:  # tomllib's own error
        read_toml(text, fast=False)
    assert str(plain.value) in str(fast.value)


def test_an_offset_time_reads_as_tomllib_gives_it():
    fast, plain = _toml_both("x = 1979-05-27T07:32:00Z")
    assert repr(fast) == repr(plain)


# -- a loaded ledger is lighter, and the same -------------------------------------------------


def _held_per_entry(load, warm):
    import gc
    import tracemalloc

    warm()  # caches warm (units, adapters), with other ids: pydantic's JSON reader keeps texts
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        book = load()
        gc.collect()
        return (tracemalloc.get_traced_memory()[0] - before) / len(book)
    finally:
        tracemalloc.stop()


def _claims_data(n, first=0):
    codes = ["RU", "TJ", "KZ", "UZ", "KG"]
    return {
        "sources": {"s": {"publisher": "MinFin", "title": "Claims", "date": "2004-03-15"}},
        "entries": [
            {
                "kind": "claim",
                "id": f"c{first + i}",
                "as_of": f"2004-03-{1 + i % 28:02d}",
                "source": "s",
                "creditor": codes[i % 5],
                "debtor": codes[(i + 1) % 5],
                "asserted_by": codes[i % 5],
                "amount": f"{i + 1}.25 million USD",
                "qualifier": "about" if i % 4 else "exact",
            }
            for i in range(n)
        ],
    }


def test_a_loaded_ledger_holds_less_than_a_kilobyte_an_entry_from_toml_as_from_json():
    import json

    data, other = _claims_data(3000), _claims_data(3000, first=10**6)
    text_json, other_json = json.dumps(data), json.dumps(other)
    text_toml, other_toml = (lg.from_data(d).dumps("toml") for d in (data, other))
    from_json = _held_per_entry(
        lambda: lg.loads(text_json, format="json"), lambda: lg.loads(other_json, format="json")
    )
    from_toml = _held_per_entry(
        lambda: lg.loads(text_toml, format="toml"), lambda: lg.loads(other_toml, format="toml")
    )
    assert from_json < 1000  # 1,600 bytes before (issue 14)
    assert from_toml <= from_json * 1.05  # TOML's texts shared as JSON's


def test_loaded_entries_are_equal_frozen_and_dump_as_built():
    data = _claims_data(50)
    book = lg.from_data(data)
    built = lg.Ledger([lg.Claim(**{**row, "source": book[0].source}) for row in _rows(book)])
    assert list(book) == list(built)
    assert [e.model_dump() for e in book] == [e.model_dump() for e in built]
    assert [e.model_fields_set for e in book] == [e.model_fields_set for e in built]
    with pytest.raises(Exception, match="frozen"):
        book[0].creditor = "TJ"
    assert book[0].model_copy(update={"id": "other"}).id == "other"
    assert book[1].model_fields_set == {
        "kind",
        "id",
        "as_of",
        "source",
        "creditor",
        "debtor",
        "asserted_by",
        "amount",
    }


def _rows(book):
    return [
        {
            "id": e.id,
            "as_of": e.as_of,
            "creditor": e.creditor,
            "debtor": e.debtor,
            "asserted_by": e.asserted_by,
            "amount": e.amount,
            "kind": "claim",
        }
        for e in book
    ]


# -- progress on long work --------------------------------------------------------------------


def test_a_quick_load_with_progress_shows_nothing_and_reads_the_same(tmp_path, capsys):
    path = tmp_path / "claims.toml"
    lg.from_data(_claims_data(200)).save(path)
    assert lg.load(path, progress=True) == lg.load(path)
    book = lg.load(path)
    assert lg.net_positions(book, as_of=None, progress=True) == lg.net_positions(book)
    assert capsys.readouterr().err == ""


def test_a_bar_shows_once_work_has_taken_the_delay(monkeypatch):
    from ledger import progress

    monkeypatch.setattr(progress, "DELAY", 0.0)
    with progress.steps("claims.toml", 10, shown=True) as bar:
        bar.advance(4)
        assert bar.showing
        bar.advance(6)
    assert not bar.showing
    assert bar.done == 10
    with progress.steps("claims.toml", 10, shown=False) as hidden:
        hidden.advance(10)
        assert not hidden.showing


def test_netting_with_progress_counts_every_entry(monkeypatch):
    from ledger import netting, progress

    monkeypatch.setattr(progress, "DELAY", 3600.0)  # counted, never shown
    monkeypatch.setattr(netting, "_STRETCH", 7)
    seen = []
    real = progress.steps

    def kept(what, total, *, shown):
        bar = real(what, total, shown=shown)
        seen.append(bar)
        return bar

    monkeypatch.setattr(netting, "steps", kept)
    book = lg.from_data(_claims_data(50))
    assert lg.net_positions(book, progress=True) == lg.net_positions(book)
    assert seen[0].total == seen[0].done == 51
