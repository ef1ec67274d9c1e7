"""Entries: typed, frozen, refusing what cannot be."""

from datetime import date

import pytest
from hypothesis import given
from pydantic import ValidationError

import ledger as lg
from ledger import strategies as lst

RFERL = lg.Source(
    publisher="RFE/RL",
    title="Tajikistan: Relations With Moscow Appear To Have Reached New Low",
    date=date(2004, 3, 15),
)
COMMON = {"as_of": "2004-03-15", "source": RFERL}


def claim(**changes):
    fields = {
        "id": "ru-claim",
        "creditor": "RU",
        "debtor": "TJ",
        "asserted_by": "RU",
        "amount": "300 million USD",
        **COMMON,
        **changes,
    }
    return lg.Claim(**fields)


def test_a_claim_takes_a_figure_or_its_text():
    built = claim(amount=lg.Figure.of("300 million USD", "about"))
    assert claim(amount="about 300 million USD") == built
    assert claim(amount={"amount": "300 million USD", "qualifier": "about"}) == built
    assert built.currency == "USD" and built.status == "asserted"


def test_entries_are_frozen():
    built = claim()
    with pytest.raises(ValidationError, match="frozen"):
        built.status = "settled"


def test_a_remittance_with_its_migrants():
    remittance = lg.Remittance(
        id="remit",
        **COMMON,
        origin=["RU", "KZ"],
        destination="TJ",
        amount="more than 300 million USD/year",
        migrants="an estimated 1 million person",
    )
    assert remittance.origin == ("RU", "KZ")
    assert remittance.migrants == lg.Figure.of("1 million person", "estimated")
    assert lg.Remittance(
        id="r", **COMMON, origin="RU", destination="TJ", amount="1 USD/year"
    ).origin == ("RU",)


def test_a_rate_names_its_currencies():
    rate = lg.Rate(id="cbr", **COMMON, rate="28.81 RUB/USD")
    assert (rate.base, rate.quote_currency) == ("USD", "RUB")


@given(
    lst.entries("claim") | lst.entries("remittance") | lst.entries("budget") | lst.entries("rate")
)
def test_generated_entries_survive_their_data_form(entry):
    data = entry.model_dump()
    assert type(entry).model_validate(data) == entry


BAD_ENTRIES = [
    (lambda: claim(debtor="RU"), "creditor and debtor are both 'RU'"),
    (lambda: claim(creditor="ru"), "codes are upper-case: 'RU'"),
    (lambda: claim(creditor="XX"), "not an ISO 3166 alpha-2 code"),
    (lambda: claim(amount="300 million USD/year"), "is not a stock"),
    (lambda: claim(amount="-300 USD"), "is negative"),
    (lambda: claim(amount="300 XYZ"), "unknown 'XYZ'"),
    (lambda: claim(amount=300.0), "float 300.0 is not accepted"),
    (lambda: claim(amount=300), "number 300 is not accepted"),
    (lambda: claim(id="Bad Id"), "'Bad Id' is not a slug"),
    (lambda: claim(status="forgiven"), "'asserted', 'acknowledged'"),
    (lambda: claim(counter_to="ru-claim"), "names the claim itself"),
    (lambda: claim(extra="x"), "extra: unknown field (value 'x')"),
    (lambda: lg.Budget(id="b", **COMMON, party="TJ", amount="300 USD"), "is not a flow"),
    (
        lambda: lg.Remittance(
            id="r", **COMMON, origin=["TJ"], destination="TJ", amount="1 USD/year"
        ),
        "among the origins",
    ),
    (
        lambda: lg.Remittance(
            id="r", **COMMON, origin=["RU"], destination="TJ", amount="1 USD/year", migrants="1 USD"
        ),
        "not a count of people",
    ),
    (lambda: lg.Rate(id="x", **COMMON, rate="28 RUB"), "is not an exchange rate"),
    (lambda: lg.Rate(id="x", **COMMON, rate="0 RUB/USD"), "must be positive"),
]


@pytest.mark.parametrize(("build", "phrase"), BAD_ENTRIES)
def test_bad_entries_are_refused_with_a_clear_message(build, phrase):
    # The library's own error, as for a bad file: never pydantic's ValidationError.
    with pytest.raises(lg.LedgerFileError) as caught:
        build()
    assert phrase in str(caught.value)
