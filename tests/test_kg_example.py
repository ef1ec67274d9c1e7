"""The second bundled example, Kyrgyzstan and Russia in 2012, used as a user would: by name,
from the command line, saved and loaded, weighed in som and in dollars."""

import json
import subprocess
import sys
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest

import ledger as lg

ROOT = Path(__file__).resolve().parent.parent
KG_FILE = ROOT / "data" / "kyrgyzstan_russia_2012.toml"
KG = "kg-ru-2012"


def run(*args):
    done = subprocess.run(
        [sys.executable, "-m", "ledger", *args], capture_output=True, text=True, timeout=120
    )
    assert "Traceback" not in done.stderr
    return done


def test_the_examples_are_listed_by_name_with_a_line_each():
    listed = lg.examples()
    assert set(listed) == {"tj-ru-2004", KG}
    assert "Kyrgyzstan" in listed[KG] and "\n" not in listed[KG]
    assert "Tajikistan" in listed["tj-ru-2004"]


def test_the_default_example_is_still_the_tajik_one_and_has_a_name():
    assert lg.example() == lg.example("tj-ru-2004")
    assert lg.example().title == "Tajikistan and Russia, March 2004"


def test_the_kg_example_is_the_shipped_file():
    assert lg.example(KG) == lg.load(KG_FILE)
    assert lg.example(KG).title == "Kyrgyzstan and Russia, September 2012"


@pytest.mark.parametrize("name", ["kg-ru-2013", "KG-RU-2012", "", "kyrgyzstan_russia_2012.toml"])
def test_an_unknown_example_is_refused_with_the_list(name):
    with pytest.raises(lg.LedgerError) as refused:
        lg.example(name)
    assert "tj-ru-2004" in str(refused.value) and KG in str(refused.value)


def test_an_example_name_must_be_text():
    with pytest.raises(lg.LedgerError, match="tj-ru-2004"):
        lg.example(2012)  # type: ignore[arg-type]


def test_the_kg_example_round_trips(tmp_path):
    book = lg.example(KG)
    again = lg.load(book.save(tmp_path / "kg.toml"))
    assert again == book
    assert lg.load(book.save(tmp_path / "kg.json")) == book


def test_every_figure_has_a_source_and_every_entry_a_quote_or_a_note():
    for entry in lg.example(KG):
        assert entry.source.publisher and entry.source.title
        assert entry.quote or entry.note, entry.id


CLAIM = "ru-claim-kg-2012"
WRITE_OFF = "ru-kg-write-off-188.9m"


def test_the_write_off_is_in_the_ledger_and_counts_from_its_date():
    book = lg.example(KG)
    write_off = book[WRITE_OFF]
    assert (write_off.method, write_off.claim) == ("write_off", CLAIM)
    assert write_off.amount == lg.Figure.of("188.9 million USD")
    claim = Fraction(488_900_000)
    day = write_off.as_of
    before = lg.net_balance(book, "KG", "RU", as_of=day.replace(day=day.day - 1))
    on = lg.net_balance(book, "KG", "RU", as_of=day)
    assert before.amount == lg.Figure.of(f"{claim} USD")
    assert on.amount == lg.Figure.of(f"{claim - 188_900_000} USD")
    assert WRITE_OFF in [entry.id for entry in on.entries]


def test_the_tranches_count_when_due_and_not_before():
    book = lg.example(KG)
    tranches = [s for s in book.settlements() if s.id.startswith("ru-kg-tranche-")]
    # Two of the ten yearly tranches agreed in 2012; the protocol of 2017 wrote off the other
    # eight ($240M) at once, in force on 2018-02-05.
    assert sorted(t.as_of for t in tranches) == [date(2016, 3, 16), date(2017, 3, 16)]
    assert book["ru-kg-write-off-240m"].as_of == date(2018, 2, 5)
    # By hand: 488.9M less 188.9M less 30M for each tranche due on or before the day.
    for day, due in [(date(2016, 3, 15), 0), (date(2016, 3, 16), 1), (date(2018, 2, 4), 2)]:
        left = Fraction(488_900_000 - 188_900_000 - 30_000_000 * due)
        assert lg.net_balance(book, "KG", "RU", as_of=day).amount == lg.Figure.of(f"{left} USD")
    assert lg.net_balance(book, "KG", "RU", as_of=date(2018, 2, 5)).amount == lg.Figure.of("0 USD")


DAY = date(2013, 12, 31)  # after the spot rate of 2013-09-30, which converts the debt


def _numbers(book):
    """The file's own numbers, as exact fractions: remittances (USD a year), budget (KGS a
    year), and som per dollar twice: the 2012 average (for the year's flows) and the spot rate
    of 2013-09-30 (for a debt on a day)."""
    remittance = book["kg-migrant-remittances-2012"]  # the latest: the ratios take it
    [budget] = book.budgets()
    average = book["kgs-usd-2012-average"].rate.value.magnitude
    spot = book["kgs-usd-2013-09-30"].rate.value.magnitude
    return (
        Fraction(str(remittance.amount.value.magnitude)),
        Fraction(str(budget.amount.value.magnitude)),
        Fraction(str(average)),
        Fraction(str(spot)),
    )


def _value(ratio):
    return Fraction(str(ratio.value.value.magnitude))


def close(computed, exact):
    """Equal to the exact fraction but for the rounding of a Decimal quotient, which keeps 60
    significant digits (data-format.md): a relative error below 10**-57."""
    return abs(computed - exact) <= abs(exact) * Fraction(1, 10**57)


def _in_dollars(book):
    """The same ledger with its budget restated in dollars at the ledger's own rate (a flow of
    2012: the 2012 average)."""
    [budget] = book.budgets()
    period = lg.flow_period(budget)  # 2012: the budget's year, whose average converts it
    dollars = lg.convert(budget.amount, "USD", rates=book, on=DAY, period=period).figure
    entries = [e for e in book if e.id != budget.id] + [
        budget.model_copy(update={"amount": dollars})
    ]
    return lg.Ledger(entries)


def test_remittances_to_budget_agree_in_som_and_in_dollars():
    book = lg.example(KG)
    remitted, budget, average, _ = _numbers(book)
    in_som = lg.remittances_to_budget(book, "KG", as_of=DAY, rates=book)
    in_dollars = lg.remittances_to_budget(_in_dollars(book), "KG", as_of=DAY, rates=book)
    by_hand = remitted * average / budget  # both flows of 2012: the 2012 average
    assert remitted / (budget / average) == by_hand
    assert close(_value(in_som), by_hand)
    assert close(_value(in_dollars), by_hand)
    assert str(in_som.denominator.unit) != str(in_dollars.denominator.unit)


def test_debt_to_budget_agrees_in_som_and_in_dollars():
    book = lg.example(KG)
    _, budget, average, spot = _numbers(book)
    debt = Fraction(300_000_000)  # 488.9M less the 188.9M written off in 2013
    in_som = lg.debt_to_budget(book, "KG", as_of=DAY, rates=book)
    in_dollars = lg.debt_to_budget(_in_dollars(book), "KG", as_of=DAY, rates=book)
    # In som the debt (a stock) converts at the spot rate of the day; in dollars the budget (a
    # flow of 2012) converts at the 2012 average. The two agree through the rates used.
    assert close(_value(in_som), debt * spot / budget)
    assert close(_value(in_dollars), debt / (budget / average))
    assert [r.id for r in in_som.rates] == ["kgs-usd-2013-09-30"]


@pytest.mark.parametrize("locale", ["en_US", "ru_RU"])
def test_summary_of_the_kg_example_answers_in_english_and_russian(locale):
    done = run("summary", KG, "--locale", locale)
    assert done.returncode == 0, done.stderr
    assert WRITE_OFF in done.stdout  # the entries list names it
    assert done.stderr == ""
    # ... and the balance says what became of the claim, in the reader's language.
    said = {
        "en_US": "written off in full by 2018-02-05: $189M written off (2013-05-08)",
        "ru_RU": "полностью списано к 2018-02-05: списано 189 млн $ (2013-05-08)",
    }
    assert said[locale] in done.stdout.replace("\xa0", " ")  # babel's no-break spaces


def test_ratios_of_the_kg_example_answer_in_som_at_the_ledgers_own_rate():
    done = run("ratios", KG, "KG", "--on", DAY.isoformat())
    assert done.returncode == 0, done.stderr
    assert "1.09" in done.stdout  # 2,000M × 47.0 / 86,195.3M = 1.0905... (the 2012 average)
    assert "0.17" in done.stdout  # 300M × 48.6197 / 86,195.3M = 0.1692... (spot, 2013-09-30)


def test_ratios_before_the_rate_say_what_is_missing():
    done = run("ratios", KG, "KG", "--on", "2012-12-31")
    # The flows convert at the 2012 average; the debt needs a spot rate, which starts later.
    assert "no USD/KGS rate in force on 2012-12-31" in done.stdout + done.stderr
    assert "1.09" in done.stdout


# -- what the command's JSON shows: every reduction and every rate --------------------------------


def test_net_json_lists_each_reduction_and_what_is_outstanding():
    done = run("net", KG, "KG", "RU", "--on", "2016-12-31", "--json")
    assert done.returncode == 0, done.stderr
    [line] = json.loads(done.stdout)["lines"]
    assert line["claim"] == "ru-claim-kg-2012"
    assert (line["asserted"]["value"], line["asserted"]["currency"]) == ("488900000", "USD")
    assert [(r["id"], r["method"], r["as_of"]) for r in line["reductions"]] == [
        ("ru-kg-write-off-188.9m", "write_off", "2013-05-08"),
        ("ru-kg-tranche-2016", "write_off", "2016-03-16"),
    ]
    assert line["reductions"][1]["amount"]["value"] == "30000000"
    assert line["reductions"][0]["source"]["publisher"] == "Interfax"
    assert line["outstanding"]["value"] == "270000000"  # 488.9 - 188.9 - 30
    assert line["cleared"] is False and line["conversion"] is None


def test_net_json_names_the_rate_of_a_conversion():
    done = run("net", KG, "KG", "RU", "--on", "2014-01-01", "--convert-to", "KGS", "--json")
    assert done.returncode == 0, done.stderr
    [line] = json.loads(done.stdout)["lines"]
    conversion = line["conversion"]
    assert conversion["rates"] == [
        {
            "id": "kgs-usd-2013-09-30",
            "rate": {
                "value": "48.6197",
                "currency": None,
                "unit": "KGS/USD",
                "qualifier": "exact",
                "low": "48.6197",
                "high": "48.6197",
                "low_inclusive": True,
                "high_inclusive": True,
                "approximate": False,
                "places": None,
                "text": "48.6197 KGS/USD",
                "full": None,
            },
            "basis": "spot",
            "as_of": "2013-09-30",
            "publisher": "World Bank",
        }
    ]
    counted = line["counted"]
    assert (counted["value"], counted["unit"]) == ("14585910000.0000", "KGS")  # 300M × 48.6197


def test_ratios_json_names_each_rate_used():
    done = run("ratios", KG, "KG", "--on", "2014-01-01", "--json")
    assert done.returncode == 0, done.stderr
    by_question = {(r["question"], r.get("net")): r for r in json.loads(done.stdout)}
    remitted = by_question[("remittances_to_budget", False)]
    assert [(r["id"], r["basis"]) for r in remitted["rates"]] == [
        ("kgs-usd-2012-average", "average")
    ]
    assert remitted["rates"][0]["period_start"] == "2012-01-01"
    debt = [r for (q, _), r in by_question.items() if q == "debt_to_budget"]
    assert debt and all([x["id"] for x in r["rates"]] == ["kgs-usd-2013-09-30"] for r in debt)


# -- the JSON of a balance says who owes whom, never a negative amount owed ------------------------

_TWO_SIDED = """\
[sources.s]
publisher = "Azattyk"
title = "Debts"
date = 2014-02-01

[[entries]]
kind = "claim"
id = "ru-claim"
as_of = 2014-01-01
source = "s"
creditor = "RU"
debtor = "KG"
asserted_by = "RU"
amount = {{ low = "2 billion RUB", high = "5 billion RUB" }}

[[entries]]
kind = "claim"
id = "kg-claim"
as_of = 2014-01-01
source = "s"
creditor = "KG"
debtor = "RU"
asserted_by = "KG"
amount = "{counter} RUB"
"""


@pytest.mark.parametrize(
    ("counter", "direction", "owed"),
    [
        ("1 billion", "debtor_owes", {"by": "KG", "to": "RU", "text": "RUB1B–RUB4B"}),
        ("5 billion", "creditor_owes", {"by": "RU", "to": "KG", "text": "RUB0–RUB3B"}),
        ("3 billion", "unknown", None),
        ("7 billion", "creditor_owes", {"by": "RU", "to": "KG", "text": "RUB2B–RUB5B"}),
    ],
)
def test_net_json_says_who_owes_whom(tmp_path, counter, direction, owed):
    path = tmp_path / "two.toml"
    path.write_text(_TWO_SIDED.format(counter=counter), encoding="utf-8")
    done = run("net", str(path), "KG", "RU", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["direction"] == direction
    if owed is None:
        assert data["owed"] is None
    else:
        got = data["owed"]
        assert (got["by"], got["to"], got["amount"]["text"]) == (
            owed["by"],
            owed["to"],
            owed["text"],
        )
        assert "-" not in got["amount"]["text"]


def test_net_json_of_a_debt_written_off_in_full_says_even():
    data = json.loads(run("net", KG, "KG", "RU", "--on", "2018-03-01", "--json").stdout)
    assert (data["direction"], data["owed"]) == ("even", None)
