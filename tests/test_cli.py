"""The debt-ledger command, run the way a user runs it: in a subprocess."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ledger.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = str(ROOT / "data" / "tajikistan_russia_2004.toml")


def run(*args, check_code=None):
    done = subprocess.run(
        [sys.executable, "-m", "ledger", *args], capture_output=True, text=True, timeout=120
    )
    if check_code is not None:
        assert done.returncode == check_code, done.stderr
    assert "Traceback" not in done.stderr
    return done


def test_summary_of_the_bundled_example():
    out = run("summary", check_code=0).stdout
    assert "Tajikistan owes Russia about $250M net" in out
    assert "Remittances to Tajikistan are more than 1× its budget (2004)." in out
    assert "Tajikistan's net debt is about 0.83 years of its budget (2004)." in out


def test_summary_in_russian_and_tajik():
    assert "Должник: Таджикистан" in run("summary", "--locale", "ru_RU", check_code=0).stdout
    assert (
        "Қарздор: Тоҷикистон" in run("summary", EXAMPLE, "--locale", "tg_TJ", check_code=0).stdout
    )


def test_net_explains_itself():
    out = run("net", EXAMPLE, "TJ", "RU", "--explain", "--on", "2004-03-15", check_code=0).stdout
    assert "ru-claims-tajik-debt" in out and "some $300 million" in out


def _amount(value, qualifier="exact", text=None, currency="USD", unit=None, low=None, high=None):
    """The one JSON shape of an amount, written out by hand (a point's bounds are its value)."""
    point = qualifier in ("exact", "about", "estimated")
    low, high = (value, value) if point else (low, high)
    return {
        "value": value,
        "currency": currency,
        "unit": currency if unit is None else unit,
        "qualifier": qualifier,
        "low": low,
        "high": high,
        "low_inclusive": None if low is None else qualifier != "more_than",
        "high_inclusive": None if high is None else qualifier != "less_than",
        "approximate": qualifier in ("about", "estimated"),
        "places": None,
        "text": text,
        "full": None,
    }


ABOUT_250M = _amount("250000000", "about", "about $250M")


def _positions(data):
    assert data["RU"]["USD"] == ABOUT_250M
    assert data["TJ"]["USD"]["value"] == "-250000000"


def _transfers(data):
    [transfer] = data
    assert (transfer["payer"], transfer["payee"], transfer["amount"]) == ("TJ", "RU", ABOUT_250M)


def _ratios(data):
    questions = ["remittances_to_budget", "debt_to_budget", "debt_to_budget", "per_migrant"]
    assert [r["question"] for r in data] == questions
    assert data[0]["value"] == _amount(
        None, "more_than", "more than 1×", currency=None, unit="", low="1"
    )
    assert data[2]["numerator"] == ABOUT_250M


def _validated(data):
    assert (data["valid"], data["entries"]) == (True, 4)


def _balance(data):
    assert data["amount"] == ABOUT_250M


def _summary(data):
    _balance(data["balances"][0])


@pytest.mark.parametrize(
    ("args", "check"),
    [
        (("summary",), _summary),
        (("net", EXAMPLE, "TJ", "RU"), _balance),
        (("positions", EXAMPLE), _positions),
        (("settle", EXAMPLE), _transfers),
        (("ratios", EXAMPLE, "TJ"), _ratios),
        (("validate", EXAMPLE), _validated),
    ],
)
def test_json_output_is_machine_readable(args, check):
    # Each report's own answer, where it puts it (the seed's net debt is about $250M).
    check(json.loads(run(*args, "--json", check_code=0).stdout))


def test_json_amounts_are_strings():
    data = json.loads(run("net", EXAMPLE, "TJ", "RU", "--json", check_code=0).stdout)
    assert data["amount"] == ABOUT_250M
    assert (data["amount"]["value"], data["amount"]["currency"]) == ("250000000", "USD")


def test_convert_uses_the_ledgers_rates(tmp_path):
    book = tmp_path / "with-rate.toml"
    book.write_text(
        Path(EXAMPLE).read_text()
        + """
[sources.illustrative]
publisher = "debt-ledger tests"
title = "An illustrative rate"
date = 2004-03-15

[[entries]]
kind = "rate"
id = "rate-2004"
as_of = 2004-03-15
source = "illustrative"
rate = "28.81 RUB/USD"
"""
    )
    out = run(
        "convert", str(book), "300 million USD", "RUB", "--on", "2004-06-01", check_code=0
    ).stdout
    first, explanation = out.splitlines()[:2]
    assert first == "RUB8.64B"  # en_US compact: 300 million × 28.81, three digits shown
    assert "rate-2004" in explanation and explanation.endswith("= 8643000000.00 RUB")


def test_schema_prints_the_published_schema():
    printed = json.loads(run("schema", check_code=0).stdout)
    assert printed == json.loads((ROOT / "data" / "ledger.schema.json").read_text())


BAD = [
    (("summary", "{bad}"), 1, "not valid TOML"),
    (("validate", "/no/such/file.toml"), 1, "cannot read"),
    (("summary", "--locale", "xx_YY"), 1, "not known to CLDR"),
    (("net", EXAMPLE, "TJ", "US"), 1, "party 'US' appears in no entry"),
    (("net", EXAMPLE, "tj", "RU"), 1, "codes are upper-case: 'TJ'"),
    (("ratios", EXAMPLE, "RU"), 1, "no ratio can be computed for Russia"),
    (("convert", EXAMPLE, "300 million USD", "RUB"), 1, "no USD/RUB rate"),
    (("convert", EXAMPLE, "three hundred", "RUB"), 1, "is not an amount"),
    (("net", EXAMPLE, "TJ", "RU", "--on", "March"), 2, "is not a date"),
    (("nonsense",), 2, "invalid choice"),
    (("net",), 2, "required"),
]


@pytest.mark.parametrize(("args", "code", "phrase"), BAD)
def test_bad_input_gets_a_clear_error_and_no_traceback(args, code, phrase, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("kind = \n")
    done = run(*(a.format(bad=bad) for a in args))
    assert done.returncode == code
    assert phrase in done.stderr
    assert done.stdout == ""


# -- the bundled examples by name, and questions that cannot be answered ---------------------

KG = "kg-ru-2012"

_HEAD = """
[sources.s]
publisher = "debt-ledger tests"
title = "Illustrative figures, not sourced"
date = 2010-01-01
"""


def _entry(kind, id, **fields):
    lines = [f'kind = "{kind}"', f'id = "{id}"', "as_of = 2012-06-01", 'source = "s"']
    lines += [f"{key} = {value}" for key, value in fields.items()]
    return "\n[[entries]]\n" + "\n".join(lines) + "\n"


def _claim(id, amount, creditor='"RU"', debtor='"KG"'):
    return _entry(
        "claim", id, creditor=creditor, debtor=debtor, asserted_by=creditor, amount=f'"{amount}"'
    )


BUDGET_KGS = _entry("budget", "kg-budget", party='"KG"', amount='"80 billion KGS/year"')
RATE_2012 = _entry("rate", "kgs-2012", rate='"47 KGS/USD"')

#: Ledgers that leave questions unanswered, each for its own reason.
HOSTILE = {
    # claims in two currencies, a budget in a third, no rate at all
    "two-currencies.toml": _HEAD
    + _claim("usd-claim", "300 million USD")
    + _claim("rub-claim", "9 billion RUB")
    + BUDGET_KGS,
    # a claim, but no budget
    "no-budget.toml": _HEAD + _claim("usd-claim", "300 million USD"),
    # two budgets for the same day
    "two-budgets.toml": _HEAD
    + _claim("usd-claim", "300 million USD")
    + BUDGET_KGS
    + _entry("budget", "kg-budget-2", party='"KG"', amount='"81 billion KGS/year"'),
    # remittances without migrants, a budget in som, a rate
    "remittances.toml": _HEAD
    + _entry(
        "remittance", "to-kg", origin='"RU"', destination='"KG"', amount='"2 billion USD/year"'
    )
    + BUDGET_KGS
    + RATE_2012,
    "rates-only.toml": _HEAD + RATE_2012,
    "no-rates.toml": _HEAD + _claim("usd-claim", "300 million USD"),
}


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    for name, text in HOSTILE.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "json-named.toml").write_text(
        json.dumps({"title": "JSON in a TOML file"}), encoding="utf-8"
    )
    return {name: str(folder / name) for name in [*HOSTILE, "json-named.toml"]}


def test_examples_lists_the_bundled_examples():
    out = run("examples", check_code=0).stdout
    assert out.splitlines()[0].startswith("tj-ru-2004 ") and KG in out
    assert set(json.loads(run("examples", "--json", check_code=0).stdout)) == {"tj-ru-2004", KG}


def test_an_example_name_stands_for_a_file_in_every_command():
    assert run("validate", KG, check_code=0).stdout.startswith(f"{KG}: valid, 10 entries")
    out = run("net", KG, "KG", "RU", "--on", "2013-12-31", check_code=0).stdout
    assert "$300M" in out  # 488.9M less the 188.9M written off in May 2013


def test_an_unknown_example_name_says_which_there_are():
    done = run("summary", "kg-ru-2013", check_code=1)
    assert "kg-ru-2013" in done.stderr and f"bundled example: {KG}, tj-ru-2004" in done.stderr


def test_summary_answers_what_it_can_and_says_what_to_add():
    done = run("summary", KG, "--on", "2012-12-31", check_code=0)
    out = done.stdout
    assert "Kyrgyzstan owes Russia $489M net" in out  # the balance is answered
    assert "Not answered (what to add to the file):" in out
    # The year's flows convert at the 2012 average; the debt (a stock) needs a spot rate.
    assert "Remittances to Kyrgyzstan are about 1.09× its budget." in out
    [line] = [x for x in out.splitlines() if x.startswith("  - Kyrgyzstan: debt / budget:")]
    assert "no USD/KGS rate in force on 2012-12-31" in line and "--rates FILE" in line
    assert "give no number of migrants" in out
    assert done.stderr == ""


def test_summary_json_lists_the_unanswered_questions():
    data = json.loads(run("summary", KG, "--on", "2012-12-31", "--json", check_code=0).stdout)
    asked = {(m["question"], m["net"]) for m in data["unanswered"]}
    assert asked == {
        ("debt_to_budget", False),
        ("debt_to_budget", True),
        ("per_migrant", False),
    }
    assert all(m["party"] == "KG" and not m["answered"] for m in data["unanswered"])
    assert data["balances"][0]["amount"]["value"] == "488900000"
    assert data["balances"][0]["currency"] == "USD"


def test_ratios_answer_in_the_budgets_currency_with_the_ledgers_own_rate(files):
    # 2,000M USD × 47 KGS/USD / 80,000M KGS = 1.175, the ledger's rate taken without asking.
    out = run("ratios", files["remittances.toml"], "KG", "--on", "2012-12-31", check_code=0)
    assert "Remittances to Kyrgyzstan are 1.18× its budget." in out.stdout
    assert "give no number of migrants" in out.stdout


def test_rates_from_another_file_answer_what_the_ledger_could_not(files):
    # The KG example's spot rate is of 2013-09-30; an (illustrative) 2012 spot rate from
    # another file converts the debt in 2012: 488.9M × 47 / 86,195.3M = 0.2666...
    args = ("ratios", KG, "KG", "--on", "2012-12-31")
    alone = run(*args, check_code=0).stdout
    assert "debt is" not in alone and "no USD/KGS rate in force on 2012-12-31" in alone
    out = run(*args, "--rates", files["rates-only.toml"], check_code=0).stdout
    assert "Kyrgyzstan's debt is about 0.27 years of its budget." in out
    assert "Remittances to Kyrgyzstan are about 1.09× its budget." in out


def test_rates_from_another_file_convert_in_every_converting_command(files):
    rates = ("--rates", files["rates-only.toml"], "--on", "2012-12-31")
    out = run("net", KG, "KG", "RU", "--convert-to", "KGS", *rates, check_code=0).stdout
    assert "KGS23" in out.replace("\u00a0", "")  # 488.9M × 47 = 22,978.3M som
    run("positions", KG, "--convert-to", "KGS", *rates, check_code=0)
    run("settle", KG, "--convert-to", "KGS", *rates, check_code=0)
    run("summary", KG, *rates, check_code=0)
    out = run("convert", KG, "1 USD", "KGS", "--rates", files["rates-only.toml"], check_code=0)
    # Today, the latest spot rate is the ledger's own of 2013 (the file's is of 2012).
    assert "rate kgs-usd-2013-09-30, spot from 2013-09-30" in out.stdout


def test_a_rates_file_without_rates_is_refused_in_words(files):
    done = run("ratios", KG, "KG", "--rates", files["no-rates.toml"], check_code=1)
    assert "no-rates.toml: the file holds no rates" in done.stderr


#: What a user of the command line must never read: Python keywords and reprs, tracebacks.
PYTHON = re.compile(
    r"Traceback|\b[a-z_]+=|\blg\.\w|\b(?:Decimal|Quantity|Figure|Rate|Ledger|date|datetime)\("
    r"|<[A-Z]\w+[ >]|datetime\.date|\{\{"
)


def _commands(path):
    """Every command on one file, with the options that make it convert."""
    return [
        ("summary", path),
        ("summary", path, "--json"),
        ("summary", path, "--on", "2012-12-31"),
        ("summary", path, "--locale", "ru_RU"),
        ("net", path, "KG", "RU"),
        ("net", path, "KG", "RU", "--explain"),
        ("net", path, "KG", "RU", "--convert-to", "KGS"),
        ("net", path, "KG", "RU", "--currency", "EUR"),
        ("positions", path, "--convert-to", "KGS"),
        ("settle", path, "--convert-to", "KGS"),
        ("ratios", path, "KG"),
        ("ratios", path, "KG", "--json"),
        ("ratios", path, "KG", "--on", "2012-12-31"),
        ("convert", path, "300 million USD", "KGS", "--on", "2012-12-31"),
        ("validate", path),
    ]


def test_no_python_reaches_a_command_line_user(files, capsys):
    # In this process (main itself), for speed: the subprocess tests above show that main is
    # what the installed command runs.
    seen = 0
    for path in [KG, *files.values()]:
        for args in _commands(path):
            for extra in ((), ("--rates", files["rates-only.toml"])):
                if extra and args[0] == "validate":
                    continue
                code = main([*args, *extra])
                out, err = capsys.readouterr()
                assert code in (0, 1), (args, err)
                found = PYTHON.search(out + err)
                assert found is None, f"{found[0]!r} from {args + extra}:\n{out}{err}"
                seen += code == 0
    assert seen > 60  # most of them answer something


def test_summary_never_dies_for_one_missing_answer(files, capsys):
    for name in HOSTILE:
        assert main(["summary", files[name], "--on", "2012-12-31"]) == 0, name
        out, err = capsys.readouterr()
        assert err == "" and "Entries (" in out, name
    main(["summary", files["two-currencies.toml"], "--on", "2012-12-31"])
    out = capsys.readouterr().out
    # Both balances answered, one per currency; the ratio needing two rates says which is missing.
    assert "Kyrgyzstan owes Russia $300M net" in out and "RUB9" in out.replace("\u00a0", "")
    [line] = [x for x in out.splitlines() if "- Kyrgyzstan: debt / budget:" in x]
    assert "no" in line and "rate in force on 2012-12-31" in line


def test_ratios_with_nothing_answerable_exit_1_with_every_reason(files):
    done = run("ratios", files["two-budgets.toml"], "KG", "--on", "2012-12-31", check_code=1)
    assert "no ratio can be computed for Kyrgyzstan" in done.stderr
    assert "2 budget entries for KG compete" in done.stderr
    assert "ask about another day with --on" in done.stderr
    assert done.stdout == ""


# -- refusals as a user reads them (issue 12, as a user found them) --------------------------

_A = """
[sources.a]
publisher = "A"
title = "T"
date = 2014-02-01
"""


def _file_entry(kind, id, as_of="2013-01-01", **fields):
    lines = [f'kind = "{kind}"', f'id = "{id}"', f"as_of = {as_of}", 'source = "a"']
    lines += [f"{key} = {value}" for key, value in fields.items()]
    return "\n[[entries]]\n" + "\n".join(lines) + "\n"


def _rub_claim(id="c1", creditor='"RU"', amount='"10 billion RUB"'):
    return _file_entry(
        "claim", id, creditor=creditor, debtor='"KG"', asserted_by='"RU"', amount=amount
    )


def _write_off(id, claim="c1", amount='"1 billion RUB"', as_of="2013-06-01"):
    return _file_entry(
        "settlement", id, as_of=as_of, claim=f'"{claim}"', amount=amount, method='"write_off"'
    )


def _problems(tmp_path, text):
    path = tmp_path / "ledger.toml"
    path.write_text(_A + text, encoding="utf-8")
    done = run("validate", str(path), check_code=1)
    assert done.stdout == ""
    return [line.removeprefix(f"  - {path}: ") for line in done.stderr.splitlines()[1:]]


def test_after_a_refused_entry_every_problem_names_the_entrys_index_in_the_file(tmp_path):
    # A rate, a claim refused for its creditor, then its settlement (entries 0, 1, 2).
    problems = _problems(
        tmp_path,
        _file_entry("rate", "r1", rate='"47 KGS/USD"')
        + _rub_claim(creditor='"ru"')
        + _write_off("s1")
        + _write_off("s2", claim="nothing"),
    )
    assert problems[0].startswith("entries[1] (c1): creditor: party 'ru'")
    assert problems[1] == (
        "entries[2] (s1): claim: claim 'c1' was refused above (entries[1]); fix it, and this "
        "settlement is checked against it"
    )
    assert problems[2].startswith("entries[3] (s2): claim: 'nothing' names no entry")
    assert len(problems) == 3


def test_a_counterclaim_to_a_refused_claim_says_it_was_refused(tmp_path):
    counter = _file_entry(
        "claim",
        "kg-counter",
        creditor='"KG"',
        debtor='"RU"',
        asserted_by='"KG"',
        amount='"1 billion RUB"',
        counter_to='"c1"',
    )
    problems = _problems(tmp_path, _rub_claim(amount='"ten RUB"') + counter)
    assert problems[1].startswith("entries[1] (kg-counter): counter_to: claim 'c1' was refused")


def test_settlements_over_a_claim_name_its_index_and_say_exactly_what_they_sum_to(tmp_path):
    problems = _problems(
        tmp_path,
        _file_entry("rate", "r1", rate='"47 KGS/USD"')
        + _rub_claim(amount='"about 10 billion RUB"')
        + _write_off("s1", amount='"10.5 billion RUB"')
        + _rub_claim(id="c2", amount='"10 billion RUB"')
        + _write_off("s2", claim="c2", amount='"about 10.5 billion RUB"'),
    )
    assert problems == [
        "entries[1] (c1): settlements: settlements s1 sum to 10500000000 RUB, more than the "
        "claim's about 10000000000 RUB",
        "entries[3] (c2): settlements: settlements s2 sum to at least 10500000000 RUB, "
        "more than the claim's 10000000000 RUB",
    ]


def test_a_rate_refused_is_quoted_as_written(tmp_path):
    [problem] = _problems(tmp_path, _file_entry("rate", "r-same", rate='"1 USD/USD"'))
    assert "rate '1 USD/USD' is not an exchange rate" in problem
    assert "the same currency" in problem


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"method": '"forgiven"'}, "method: must be one of 'payment', 'write_off'"),
        ({"method": "2013-01-01"}, "(given date 2013-01-01)"),
    ],
)
def test_no_pydantic_phrasing_reaches_a_user(fields, words, tmp_path):
    entry = _file_entry(
        "settlement",
        "s1",
        as_of="2013-06-01",
        claim='"c1"',
        **{"amount": '"1 billion RUB"', "method": '"write_off"', **fields},
    )
    problems = _problems(tmp_path, _rub_claim() + entry)
    assert not any("Input should" in p or "datetime" in p for p in problems), problems
    assert any(words in p for p in problems), problems


@pytest.mark.parametrize(
    ("args", "role"),
    [((KG, "kg", "RU"), "debtor"), ((KG, "KG", "ru"), "creditor"), ((KG, "kg"), "party")],
)
def test_a_bad_party_argument_is_named(args, role):
    command = "ratios" if len(args) == 2 else "net"
    done = run(command, *args, check_code=1)
    assert done.stderr.startswith(f"debt-ledger: {role}: party ")


def _guide_shell_examples():
    """The guide's shell examples: each `$ debt-ledger ...` line and the output it shows."""
    text = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    examples = []
    for block in re.findall(r"(?:^    .*\n|^\n)+", text, flags=re.MULTILINE):
        lines = [line[4:] for line in block.splitlines()]
        for i, line in enumerate(lines):
            if line.startswith("$ debt-ledger "):
                shown = []
                for rest in lines[i + 1 :]:
                    if rest.startswith("$ "):
                        break
                    shown.append(rest)
                examples.append((line[2:], "\n".join(shown).strip()))
    return examples


def test_the_guide_has_shell_examples_with_output():
    assert len(_guide_shell_examples()) >= 2


@pytest.mark.parametrize(("command", "shown"), _guide_shell_examples())
def test_the_guides_shell_examples_print_what_it_shows(command, shown, tmp_path):
    import shlex

    args = shlex.split(command)[1:]
    done = subprocess.run(
        [sys.executable, "-m", "ledger", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,  # from any folder: bundled names, not data/ paths
    )
    assert done.stdout.strip() == shown, done.stderr


def test_the_guides_shell_commands_run_from_any_folder():
    text = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    commands = re.findall(r"^    \$? ?(debt-ledger .*)$", text, flags=re.MULTILINE)
    assert commands
    assert not [c for c in commands if "data/" in c]
    assert "--via" in text


def _kg_with_gdp(tmp_path):
    """The KG example and the World Bank's GDP of Kyrgyzstan for 2011 and 2012 (WDI, May 2016)."""
    import ledger as lg

    wdi = lg.Source(publisher="World Bank", title="World Development Indicators", date="2016-05-02")
    gdp = [
        lg.GDP(
            id=f"kg-gdp-{year}",
            as_of=f"{year}-12-31",
            source=wdi,
            party="KG",
            year=year,
            amount=f"{amount} USD/year",
        )
        for year, amount in ((2011, 6197766119), (2012, 6605139933))
    ]
    path = tmp_path / "kg.toml"
    lg.Ledger([*lg.example(KG), *gdp], title="KG and its GDP").save(path)
    return str(path)


def test_ratios_and_summary_ask_the_gdp_questions_when_the_file_has_a_gdp(tmp_path):
    path = _kg_with_gdp(tmp_path)
    done = run("ratios", path, "KG", "--on", "2012-12-31", "--json", check_code=0)
    answered = {r["question"]: r for r in json.loads(done.stdout) if r["answered"]}
    # $488.9M owed at the end of 2012 over a GDP of $6,605,139,933: 7.4%, by hand.
    debt = answered["debt_to_gdp"]
    assert debt["value"]["value"].startswith("0.074"), debt
    assert "remittances_to_gdp" in answered
    text = run("summary", path, "--on", "2012-12-31", check_code=0).stdout
    assert "of its GDP" in text and "its budget" in text  # both weighed, neither dropped


def test_unanswered_questions_are_said_in_the_readers_language():
    done = run("summary", KG, "--on", "2012-12-31", "--locale", "ru_RU", check_code=0)
    assert "долг / бюджет:" in done.stdout and "debt / budget" not in done.stdout
    assert "  claim " not in done.stdout and "требование" in done.stdout  # entry kinds too
