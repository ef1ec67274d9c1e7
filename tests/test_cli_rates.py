"""The command line and rates: every hint it rewrites reads once and well, ``--via`` converts
through a third currency, and the JSON says what each answer is (issue 12, as a user found it).
"""

import json
import re
from datetime import date

import pytest

import ledger as lg
from ledger.cli import in_words, main

_HEAD = """
[sources.s]
publisher = "debt-ledger tests"
title = "Illustrative figures, not sourced"
date = 2014-02-01
"""


def _entry(kind, id, as_of="2013-01-01", **fields):
    lines = [f'kind = "{kind}"', f'id = "{id}"', f"as_of = {as_of}", 'source = "s"']
    lines += [f"{key} = {value}" for key, value in fields.items()]
    return "\n[[entries]]\n" + "\n".join(lines) + "\n"


#: A claim in roubles, a budget in som, and rates only through the dollar: RUB/USD and KGS/USD.
THROUGH_USD = (
    _HEAD
    + _entry(
        "claim",
        "ru-claim",
        creditor='"RU"',
        debtor='"KG"',
        asserted_by='"RU"',
        amount='"about 10 billion RUB"',
    )
    + _entry("budget", "kg-budget", party='"KG"', amount='"100 billion KGS/year"', fiscal_year=2013)
    + _entry("rate", "kgs-usd", rate='"47 KGS/USD"')
    + _entry("rate", "rub-usd", as_of="2013-06-30", rate='"32.7 RUB/USD"')
)


@pytest.fixture
def through_usd(tmp_path):
    path = tmp_path / "through-usd.toml"
    path.write_text(THROUGH_USD, encoding="utf-8")
    return str(path)


def cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# -- every rewritten hint reads once ----------------------------------------------------------


def _gdp_messages(catch):
    """The refusals of the GDP ratios, which the command's summary and ratios print."""
    kg = lg.example("kg-ru-2012")
    source = kg["kgs-usd-2013-09-30"].source

    def gdp(key, as_of, year=2012):
        return lg.GDP(id=f"gdp-{key}", as_of=as_of, source=source, party="KG", year=year,
                      amount="6605139933 USD/year")  # fmt: skip

    def stock(key, measure="external"):
        return lg.DebtStock(id=f"stock-{key}", as_of=date(2012, 12, 31), source=source,
                            party="KG", measure=measure, amount="3 billion USD")  # fmt: skip

    two = kg + gdp("a", date(2012, 12, 31)) + gdp("b", date(2012, 12, 31))
    catch("two GDPs compete", lambda: lg.debt_to_gdp(two, "KG", as_of=date(2013, 6, 1)))
    late = kg + gdp("late", date(2014, 1, 1)) + gdp("2011", date(2011, 12, 31), 2011)
    catch("GDP published later", lambda: lg.remittances_to_gdp(late, "KG", as_of=date(2013, 6, 1)))
    stocks = lg.Ledger([gdp("a", date(2012, 12, 31)), stock("a"), stock("b")])
    catch("two debt stocks", lambda: lg.debt_to_gdp(stocks, "KG", measure="external"))
    one = lg.Ledger([gdp("a", date(2012, 12, 31)), stock("a")])
    catch("debt stocks but no claims", lambda: lg.debt_to_gdp(one, "KG"))
    catch(
        "a source id lost",
        lambda: lg.debt_to_gdp(lg.Ledger([gdp("a", date(2012, 12, 31))]), "KG", source="x"),
    )
    catch("no claims", lambda: lg.debt_to_gdp(lg.Ledger([gdp("a", date(2012, 12, 31))]), "KG"))


def _library_messages():
    """Each kind of hint the library gives a Python caller, as the library words it."""
    book = lg.loads(THROUGH_USD)
    day = date(2014, 6, 1)
    said = {}

    def catch(name, call):
        with pytest.raises(lg.LedgerError) as caught:
            call()
        said[name] = str(caught.value)

    catch("no rate", lambda: lg.convert(lg.Figure.of("1 RUB"), "KGS", rates=book, on=day))
    catch(
        "no rate for a stock, only an average",
        lambda: lg.convert(
            lg.Figure.of("1 USD"),
            "KGS",
            on=day,
            rates=[
                lg.Rate(
                    id="avg",
                    as_of=date(2013, 12, 31),
                    source=book["kgs-usd"].source,
                    rate="48 KGS/USD",
                    basis="average",
                    period_start=date(2013, 1, 1),
                )
            ],
        ),
    )
    twin = lg.Rate(id="kgs-usd-b", as_of=date(2013, 1, 1), source=book["kgs-usd"].source,
                   rate="46 KGS/USD")  # fmt: skip
    catch(
        "two rates compete",
        lambda: lg.convert(lg.Figure.of("1 USD"), "KGS", rates=[*book.rates(), twin], on=day),
    )
    second_budget = lg.Budget(
        id="kg-budget-b",
        as_of=date(2013, 1, 1),
        source=book["kgs-usd"].source,
        party="KG",
        amount="99 billion KGS/year",
        fiscal_year=2013,
    )
    catch(
        "two budgets compete",
        lambda: lg.debt_to_budget(book + second_budget, "KG", as_of=day, via="USD"),
    )
    dollars = lg.Claim(
        id="usd-claim",
        as_of=date(2013, 1, 1),
        source=book["kgs-usd"].source,
        creditor="RU",
        debtor="KG",
        asserted_by="RU",
        amount="1 million USD",
    )
    catch("two currencies", lambda: lg.net_balance(book + dollars, "KG", "RU", as_of=day))
    catch("adding currencies", lambda: lg.Figure.of("1 USD") + lg.Figure.of("1 RUB"))
    catch("per migrant", lambda: lg.per_migrant(lg.example("kg-ru-2012"), "KG", as_of=day))
    _gdp_messages(catch)
    catch("json named toml", lambda: lg.loads('{"entries": []}', format="toml"))
    return said


MESSAGES = _library_messages()
#: Words of the command line a rewrite puts in, each of which a hint says at most once.
HINTS = ("--rates FILE", "to the file", "--on", "--currency", "--convert-to", "--via")


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_every_rewritten_hint_reads_once_and_in_the_command_lines_terms(name):
    worded = in_words(MESSAGES[name])
    assert re.search(r"\b[a-z_]+=|\blg\.|\{\{|\}\}", worded) is None, worded
    for hint in HINTS:
        assert worded.count(hint) <= 1, (hint, worded)
    assert in_words(worded) == worded  # rewriting twice changes nothing


def test_the_rewritten_hints_say_what_to_do():
    assert in_words(MESSAGES["no rate"]).endswith(
        "Add a Rate entry dated on or before that day to the file, or give --rates FILE"
    )
    assert "keep one of them in the files" in in_words(MESSAGES["two rates compete"])
    assert "ask about another day with --on" in in_words(MESSAGES["two budgets compete"])
    assert "give --currency CODE to net one of them, or --convert-to CODE" in in_words(
        MESSAGES["two currencies"]
    )
    assert "add a dated rate entry between them to the file" in in_words(
        MESSAGES["adding currencies"]
    )
    assert "add migrants = { amount = '...'" in in_words(MESSAGES["per migrant"])


def test_a_ratio_refused_for_want_of_a_rate_says_each_hint_once(through_usd, capsys):
    code, out, err = cli(capsys, "ratios", through_usd, "KG", "--on", "2014-06-01")
    assert code == 1 and out == ""
    lines = [line for line in err.splitlines() if "rate in force" in line]
    assert len(lines) == 2  # gross and net debt
    for line in lines:
        assert line.count("--rates FILE") == 1 and line.count("to the file") == 1, line


# -- --via -------------------------------------------------------------------------------------


def test_without_a_direct_rate_the_message_suggests_via(through_usd, capsys):
    code, _out, err = cli(capsys, "ratios", through_usd, "KG", "--on", "2014-06-01")
    assert code == 1
    [line] = [x for x in err.splitlines() if "- Kyrgyzstan: debt / budget" in x]
    assert "no RUB/KGS rate in force on 2014-06-01" in line
    assert "--via USD" in line and "via=" not in line
    code, _out, err = cli(capsys, "net", through_usd, "KG", "RU", "--convert-to", "KGS")
    assert code == 1 and "--via USD" in err


def test_via_answers_through_the_third_currency(through_usd, capsys):
    # about 10,000M RUB ÷ 32.7 RUB/USD × 47 KGS/USD = about 14,373M KGS; / 100,000M KGS a year.
    code, out, err = cli(capsys, "ratios", through_usd, "KG", "--on", "2014-06-01", "--via", "USD")
    assert code == 0, err
    assert "Kyrgyzstan's debt is about 0.14 years of its budget (2013)." in out
    assert "--via" not in out  # nothing left unanswered for want of a rate


@pytest.mark.parametrize(
    "args",
    [
        ("net", "{f}", "KG", "RU", "--convert-to", "KGS"),
        ("positions", "{f}", "--convert-to", "KGS"),
        ("settle", "{f}", "--convert-to", "KGS"),
        ("ratios", "{f}", "KG"),
        ("summary", "{f}"),
        ("convert", "{f}", "10 billion RUB", "KGS"),
    ],
)
def test_every_converting_command_takes_via(args, through_usd, capsys):
    argv = [a.format(f=through_usd) for a in args] + ["--on", "2014-06-01", "--json"]
    code, out, err = cli(capsys, *argv)
    if args[0] == "summary":  # answers what it can, and says the debt needs a rate
        assert "no RUB/KGS rate" in json.dumps(json.loads(out)["unanswered"])
    else:
        # no direct RUB/KGS rate: the error object on stdout says so
        assert code == 1 and "--via USD" in json.loads(out)["error"]["message"], err
    code, out, err = cli(capsys, *argv, "--via", "USD")
    assert code == 0, err
    assert "no RUB/KGS rate" not in out
    if args[0] in ("net", "ratios", "convert"):
        assert "rub-usd" in out and "kgs-usd" in out  # both legs named


def test_via_must_be_a_currency(through_usd, capsys):
    code, _out, err = cli(capsys, "ratios", through_usd, "KG", "--via", "usd")
    assert code == 1 and "--via 'usd': currency codes are upper case: USD" in err


def test_convert_via_explains_both_legs(through_usd, capsys):
    code, out, err = cli(
        capsys, "convert", through_usd, "327 RUB", "KGS", "--on", "2014-06-01", "--via", "USD"
    )
    assert code == 0, err
    first, explanation = out.splitlines()[:2]
    assert first == "KGS470"  # 327 ÷ 32.7 × 47
    assert "rate rub-usd" in explanation and "rate kgs-usd" in explanation


# -- the JSON says what each answer is ----------------------------------------------------------


def test_every_ratio_item_says_whether_it_is_net(capsys):
    code, out, err = cli(capsys, "ratios", "kg-ru-2012", "KG", "--on", "2013-12-31", "--json")
    assert code == 0, err
    items = json.loads(out)
    assert all(isinstance(item["net"], bool) for item in items)
    debt = [(i["net"], i["answered"]) for i in items if i["question"] == "debt_to_budget"]
    assert sorted(debt) == [(False, True), (True, True)]


def test_an_even_balance_with_no_claims_is_a_plain_zero_in_json(capsys):
    code, out, err = cli(capsys, "net", "kg-ru-2012", "KG", "RU", "--on", "2012-01-01", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["amount"]["value"] == "0" and data["amount"]["text"] == "0"
    assert data["amount"]["currency"] is None
    assert "×" not in out
    assert data["sentence"] == "Kyrgyzstan and Russia are even: no claims."


def test_summary_json_says_the_day_it_answers_for(capsys):
    code, out, err = cli(capsys, "summary", "kg-ru-2012", "--on", "2013-12-31", "--json")
    assert code == 0, err
    assert json.loads(out)["as_of"] == "2013-12-31"
    code, out, err = cli(capsys, "summary", "kg-ru-2012", "--json")
    assert json.loads(out)["as_of"] == date.today().isoformat()


# -- one day of conversion -------------------------------------------------------------------


DAY_COMMANDS = [
    ("convert", "{f}", "1 USD", "KGS"),
    ("net", "{f}", "KG", "RU"),
    ("positions", "{f}"),
    ("settle", "{f}"),
    ("ratios", "{f}", "KG"),
    ("summary", "{f}"),
]


@pytest.mark.parametrize("args", DAY_COMMANDS, ids=lambda args: args[0])
def test_every_command_takes_its_day_as_on_and_the_old_name_warns(args, through_usd, capsys):
    args = [a.format(f=through_usd) for a in args]
    code, out, err = cli(capsys, *args, "--on", "2013-06-01")
    assert code in (0, 1) and "--as-of" not in err, err
    old = cli(capsys, *args, "--as-of", "2013-06-01")  # the older name still works
    warning = (
        f"debt-ledger {args[0]}: --as-of is the old name of --on; it still works, but write "
        "--on 2013-06-01\n"
    )
    assert old == (code, out, warning + err)


@pytest.mark.parametrize(
    "twice",
    [
        ("--on", "2013-06-01", "--as-of", "2012-06-01"),
        ("--as-of", "2013-06-01", "--on", "2013-06-01"),
        ("--on", "2013-06-01", "--on", "2012-06-01"),
    ],
)
def test_a_day_given_twice_is_refused_in_words(twice, through_usd, capsys):
    code, out, err = cli(capsys, "convert", through_usd, "1 USD", "KGS", *twice)
    assert code == 2 and out == ""
    assert "give --on once" in err, err


def test_convert_on_a_day_uses_the_rate_in_force(through_usd, capsys):
    code, out, err = cli(capsys, "convert", through_usd, "1 USD", "KGS", "--on", "2013-06-01")
    assert code == 0 and out.startswith("KGS47"), err


@pytest.mark.parametrize(
    ("command", "words"),
    [
        ("convert", "the day of the conversion"),
        ("ratios", "the day the ratios are asked for"),
        ("net", "the day to net on"),
    ],
)
def test_each_commands_help_says_what_its_day_is(command, words, capsys):
    assert main([command, "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert words in out
    if command != "net":
        assert "to net on" not in out


def test_convert_json_lists_every_rate_used(through_usd, capsys):
    code, out, err = cli(capsys, "convert", through_usd, "327 RUB", "KGS", "--via", "USD", "--json")
    assert code == 0, err
    assert [r["id"] for r in json.loads(out)["rates"]] == ["rub-usd", "kgs-usd"]


def test_a_missing_leg_through_via_says_it_is_the_via_leg(through_usd, capsys):
    code, _out, err = cli(
        capsys, "convert", through_usd, "1 RUB", "KGS", "--on", "2014-06-01", "--via", "EUR"
    )
    assert code == 1
    assert "no RUB/EUR rate in force on 2014-06-01" in err
    assert "(the leg through EUR that --via EUR asks for)" in err


@pytest.mark.parametrize(
    ("said", "worded"),
    [
        ('no rate; or pass via="USD" to convert through it', "or pass --via USD to convert"),
        ("or pass via='EUR'", "or pass --via EUR"),
        ("ask with as_of= a later day", "ask with --on a later day"),
        ("give convert_to= a code", "give --convert-to a code"),
        ("give currency= a code", "give --currency a code"),
        ("or pass rates= to it", "or pass --rates FILE to it"),
    ],
)
def test_a_python_keyword_becomes_its_option_once(said, worded):
    assert worded in in_words(said)
    assert in_words(in_words(said)) == in_words(said)
