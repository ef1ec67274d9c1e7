"""Loan terms on claims, schedules and tranches (issue 13, part 1): examples with real figures
and properties whose oracles are exact fractions and plain loops, never the code under test."""

from datetime import date

import pytest

import ledger as lg

SOURCE = lg.Source(publisher="World Bank", title="IDA terms", date=date(2012, 1, 15))

TERMS_FILE = """
[sources.wb]
publisher = "World Bank"
title = "IDA terms"
date = 2012-01-15

[[entries]]
kind = "claim"
id = "ida-credit"
as_of = 2012-01-15
source = "wb"
creditor = "org:ida"
debtor = "TJ"
asserted_by = "org:ida"
amount = "20 million USD"

[entries.terms]
interest = "0.75%"
maturity_years = 40
grace_years = 10
frequency = "semiannual"
profile = "equal_principal"
"""


def test_a_terms_table_loads_saves_and_loads_identical():
    book = lg.loads(TERMS_FILE)
    terms = book["ida-credit"].terms
    assert terms.interest == lg.Figure.of("0.0075")
    assert (terms.maturity_years, terms.grace_years, terms.frequency) == (40, 10, "semiannual")
    for format in ("toml", "json"):
        text = book.dumps(format)
        assert lg.loads(text, format=format) == book
        assert lg.loads(text, format=format)["ida-credit"].terms == terms
    assert 'interest = "0.75%"' in book.dumps()


@pytest.mark.parametrize(
    ("line", "field", "phrase"),
    [
        ('interest = "7.5"', "terms.interest", "750% a year"),
        ('interest = "lots"', "terms.interest", "'lots' is not a rate; accepted"),
        ("interest = 0.0075", "terms.interest", "float 0.0075 is not accepted"),
        ('frequency = "monthly"', "terms.frequency", "'annual', 'semiannual' or 'quarterly'"),
        ('profile = "balloon"', "terms.profile", "'equal_principal'"),
        ("maturity_years = 40.5", "terms.maturity_years", "whole number"),
        ("color = 1", "terms.color", "unknown field"),
    ],
)
def test_a_bad_terms_table_is_refused_by_file_entry_and_field(line, field, phrase):
    key = line.split(" = ")[0]
    text = (
        "\n".join(row for row in TERMS_FILE.splitlines() if not row.startswith(f"{key} ="))
        + f"\n{line}\n"
    )
    with pytest.raises(lg.LedgerFileError) as caught:
        lg.loads(text, name="ida.toml")
    message = str(caught.value)
    assert "ida.toml" in message and "ida-credit" in message and field in message
    assert phrase in message
