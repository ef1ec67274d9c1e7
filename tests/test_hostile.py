"""Hostile input: a corpus of bad ledger files, amount texts, API arguments and command lines,
each with the refusal it must give.

Every case names the error a user must meet (the library's own, a ``LedgerError``) and the
words that matter in its message: WHERE the problem is (file, entry, field) and WHAT is wrong
or accepted. The words are written from the user's side, never computed by the code under
test. Nothing here may be accepted silently, and nothing may escape as a traceback or as an
exception of Python's or pydantic's own. A case marked xfail shows a bug in a module this
corpus does not fix (its reason names the file and function).
"""

import re
import subprocess
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

import ledger as lg
from ledger.cli import main
from ledger.formatting import label

DAY = date(2004, 3, 15)
NAME = "hostile"  # the name each loaded text is given: problems must carry it


def bug(reason):
    """An xfail mark for a bug that lives in a module this corpus leaves to others."""
    return pytest.mark.xfail(strict=True, reason=reason)


#: Words a user must never read: Python's or a dependency's insides.
INSIDES = re.compile(
    r"Traceback|NoneType|Error\b|Exception\b|ValidationError|pydantic|InvalidOperation|"
    r"DivisionByZero|ParserHelper|<class |object has no attribute|unhashable|"
    r"multi-line statement|File \""
)


def check_words(text):
    """No Python or dependency insides in what a user reads."""
    found = INSIDES.search(text)
    assert found is None, f"{found[0]!r} in: {text}"


# =============================================================================================
# 1. Ledger files, TOML and JSON text
# =============================================================================================

SOURCES = """
[sources.rferl]
publisher = "RFE/RL"
title = "Tajikistan: Relations With Moscow Appear To Have Reached New Low"
date = 2004-03-15
"""

# Each entry's fields as TOML literals, so that a case can put any value in any field.
CLAIM = {
    "kind": '"claim"',
    "id": '"ru-claim"',
    "as_of": "2004-03-15",
    "source": '"rferl"',
    "creditor": '"RU"',
    "debtor": '"TJ"',
    "asserted_by": '"RU"',
    "amount": '"300 million USD"',
}
COUNTER = {
    **CLAIM,
    "id": '"tj-counter"',
    "creditor": '"TJ"',
    "debtor": '"RU"',
    "asserted_by": '"TJ"',
    "amount": '"50 million USD"',
    "counter_to": '"ru-claim"',
}
REMITTANCE = {
    "kind": '"remittance"',
    "id": '"remit"',
    "as_of": "2004-03-15",
    "source": '"rferl"',
    "origin": '["RU", "KZ"]',
    "destination": '"TJ"',
    "amount": '"300 million USD/year"',
}
BUDGET = {
    "kind": '"budget"',
    "id": '"tj-budget"',
    "as_of": "2004-03-15",
    "source": '"rferl"',
    "party": '"TJ"',
    "amount": '"300 million USD/year"',
    "fiscal_year": "2004",
}
SETTLEMENT = {
    "kind": '"settlement"',
    "id": '"paid"',
    "as_of": "2004-03-15",
    "source": '"rferl"',
    "claim": '"ru-claim"',
    "amount": '"100 million USD"',
    "method": '"payment"',
}
RATE = {
    "kind": '"rate"',
    "id": '"rub-2004"',
    "as_of": "2004-03-15",
    "source": '"rferl"',
    "rate": '"28.81 RUB/USD"',
}


def entry(base, **changes):
    """One ``[[entries]]`` table: ``base`` with fields changed (``None`` leaves one out)."""
    fields = {**base, **changes}
    lines = "".join(f"{key} = {value}\n" for key, value in fields.items() if value is not None)
    return f"\n[[entries]]\n{lines}"


def toml(*entries, head=SOURCES):
    return head + "".join(entries)


def claim(**changes):
    return toml(entry(CLAIM, **changes))


JSON_SOURCES = (
    '"sources": {"rferl": {"publisher": "RFE/RL", "title": "Tajikistan and Russia", '
    '"date": "2004-03-15"}}'
)
JSON_CLAIM = {
    "kind": '"claim"',
    "id": '"ru-claim"',
    "as_of": '"2004-03-15"',
    "source": '"rferl"',
    "creditor": '"RU"',
    "debtor": '"TJ"',
    "asserted_by": '"RU"',
    "amount": '"300 million USD"',
}
JSON_BUDGET = {
    **{key: JSON_CLAIM[key] for key in ("as_of", "source")},
    "kind": '"budget"',
    "id": '"tj-budget"',
    "party": '"TJ"',
    "amount": '"300 million USD/year"',
}


def jentry(base=JSON_CLAIM, **changes):
    fields = {**base, **changes}
    return "{" + ", ".join(f'"{k}": {v}' for k, v in fields.items() if v is not None) + "}"


def jdoc(*entries, head=JSON_SOURCES):
    return "{" + head + ', "entries": [\n' + ",\n".join(entries) + "\n]}"


def jclaim(**changes):
    return jdoc(jentry(**changes))


AT = "entries[0] (ru-claim)"
AMOUNT = f"{AT}: amount"
ISO = 'accepted: an ISO date such as "2004-03-15"'
WHOLE = "accepted: a whole number such as 2004"
NOT_AMOUNT = ("is not an amount", "accepted: a number")
LIMITS = "amounts are below 10**30 in size, with at most 60 significant digits"
SLUG = "is not a slug: use lower-case letters, digits"
AS_TEXT = 'write the amount as text with its unit, e.g. "300 million USD"'
KINDS = "accepted: claim, remittance, budget, settlement, rate"
STATUSES = "'asserted', 'acknowledged', 'disputed', 'settled' or 'written_off'"
NOT_PARTY = "is not an ISO 3166 alpha-2 code known to CLDR"
SIXTY_ONE = "0." + "1" * 61


def f(fmt, text, where, *what, marks=(), id):
    """A bad file: loading ``text`` must give a problem at ``where`` that says ``what``."""
    return pytest.param(fmt, text, where, what, marks=marks, id=id)


FILES = [
    # -- amounts that are no amount ----------------------------------------------------------
    f("toml", claim(amount="300.0"), AMOUNT, "float 300.0 is not accepted", "as text", id="float"),
    f("toml", claim(amount="300"), AMOUNT, "number 300 is not accepted", "as text", id="int"),
    f("toml", claim(amount="nan"), AMOUNT, "float nan is not accepted", AS_TEXT, id="nan"),
    f("toml", claim(amount="inf"), AMOUNT, "float inf is not accepted", AS_TEXT, id="inf"),
    f("toml", claim(amount="-inf"), AMOUNT, "float -inf is not accepted", AS_TEXT, id="-inf"),
    f("toml", claim(amount="1e400"), AMOUNT, "float inf is not accepted", AS_TEXT, id="1e400"),
    f("toml", claim(amount="true"), AMOUNT, "boolean true is not accepted", AS_TEXT, id="bool"),
    f("toml", claim(amount="2004-03-15"), AMOUNT, "is not a figure", id="date-as-amount"),
    f("toml", claim(amount="[]"), AMOUNT, "list [] is not a figure", id="list-as-amount"),
    f("toml", claim(amount="{}"), AMOUNT, "a figure needs 'amount'", id="empty-table"),
    f("toml", claim(amount='"nan USD"'), AMOUNT, "'nan USD'", *NOT_AMOUNT, id="nan-text"),
    f("toml", claim(amount='"inf USD"'), AMOUNT, "'inf USD'", *NOT_AMOUNT, id="inf-text"),
    f("toml", claim(amount='"Infinity USD"'), AMOUNT, *NOT_AMOUNT, id="infinity-text"),
    f("toml", claim(amount='"1e999999999 USD"'), AMOUNT, *NOT_AMOUNT, id="huge-exponent"),
    f("toml", claim(amount='"1e40 USD"'), AMOUNT, "1E+40 is too large", LIMITS, id="1e40"),
    f("toml", claim(amount='"1e30 USD"'), AMOUNT, "1E+30 is too large", LIMITS, id="1e30"),
    f("toml", claim(amount=f'"1{"0" * 30} USD"'), AMOUNT, "is too large", LIMITS, id="31-digits"),
    f("toml", claim(amount=f'"{SIXTY_ONE} USD"'), AMOUNT, "61 significant digits", id="61-sig"),
    f("toml", claim(amount='"1e-61 USD"'), AMOUNT, "1E-61 is too small", id="tiny"),
    f("toml", claim(amount='"-5 USD"'), AMOUNT, "-5 USD is negative", "positive", id="negative"),
    f("toml", claim(amount='"-0.01 USD"'), AMOUNT, "is negative", id="negative-cents"),
    f("toml", claim(amount='"3 million RUB/year"'), AMOUNT, "is not a stock", id="flow-claim"),
    f("toml", claim(amount='"5 person"'), AMOUNT, "5 person is not a stock", id="person-claim"),
    f("toml", claim(amount='"5"'), AMOUNT, "5 is not a stock", id="pure-claim"),
    f("toml", claim(amount='"5 year"'), AMOUNT, "5 year is not a stock", id="years-claim"),
    f("toml", claim(amount='"5 USD USD"'), AMOUNT, "multiplies currencies", id="USD-USD"),
    f("toml", claim(amount='"3 USD*RUB"'), AMOUNT, "multiplies currencies", id="USD*RUB"),
    f("toml", claim(amount='".5 USD"'), AMOUNT, "'.5 USD'", *NOT_AMOUNT, id="leading-point"),
    f("toml", claim(amount='"5. USD"'), AMOUNT, "'5. USD'", *NOT_AMOUNT, id="trailing-point"),
    f("toml", claim(amount='"--5 USD"'), AMOUNT, "'--5 USD'", *NOT_AMOUNT, id="double-minus"),
    f("toml", claim(amount='"１２ USD"'), AMOUNT, *NOT_AMOUNT, id="full-width-digits"),
    f("toml", claim(amount='"1,2,3 USD"'), AMOUNT, *NOT_AMOUNT, id="bad-groups"),
    f("toml", claim(amount='"5 XYZ"'), AMOUNT, "unknown 'XYZ'", "ISO 4217", id="XYZ"),
    f("toml", claim(amount='"5 usd"'), AMOUNT, "codes are upper-case: 'USD'", id="usd"),
    f("toml", claim(amount='"5 USD junk"'), AMOUNT, "unknown 'junk'", id="trailing-junk"),
    f("toml", claim(amount='""'), AMOUNT, "'' is not an amount", id="empty-text"),
    f("toml", claim(amount='"USD 5"'), AMOUNT, *NOT_AMOUNT, id="unit-first"),
    f("toml", claim(amount='"$5"'), AMOUNT, *NOT_AMOUNT, id="dollar-sign"),
    f("toml", claim(amount=f'"{"1" * 500} USD"'), AMOUNT, "is too long", id="500-digits"),
    f("toml", claim(amount='"5 USD/day"'), AMOUNT, "unknown 'day'", "month", id="per-day"),
    f("toml", claim(amount='"roughly 300 USD"'), AMOUNT, *NOT_AMOUNT, id="unknown-word"),
    f(
        "toml",
        claim(amount='"1_000 USD"'),
        AMOUNT,
        "'1_000 USD' is not an amount",
        id="underscore-digits",
    ),
    # -- how firmly, and the bounds ---------------------------------------------------------
    f(
        "toml",
        claim(qualifier='"maybe"'),
        AMOUNT,
        "qualifier 'maybe' is not known",
        "about",
        id="q",
    ),
    f("toml", claim(qualifier="5"), AMOUNT, "qualifier 5 is not known", id="qualifier-int"),
    f("toml", claim(qualifier='"range"'), AMOUNT, "'range' needs both bounds", id="range-alone"),
    f(
        "toml",
        claim(amount=None, low='"250 USD"', qualifier='"range"'),
        AMOUNT,
        "'range' needs both bounds",
        id="range-low-only",
    ),
    f(
        "toml",
        claim(amount=None, low='"300 USD"', high='"200 USD"'),
        AMOUNT,
        "lower bound 300 is above upper bound 200",
        id="bounds-reversed",
    ),
    f(
        "toml",
        claim(amount=None, low='"300 USD"', high='"400 RUB"'),
        AMOUNT,
        "'RUB'",
        "one figure has one unit",
        id="bounds-two-currencies",
    ),
    f(
        "toml",
        claim(amount=None, low='"300 USD"', high='"400 USD/year"'),
        AMOUNT,
        "'USD/year'",
        "one figure has one unit",
        id="bounds-stock-and-flow",
    ),
    f(
        "toml",
        claim(amount=None, low='"300 USD"', high='"300 USD"', low_inclusive="false"),
        AMOUNT,
        "holds no amount",
        id="empty-range",
    ),
    f(
        "toml",
        claim(amount='"500 USD"', low='"300 USD"', high='"400 USD"'),
        AMOUNT,
        "central value 500 lies outside",
        id="value-outside",
    ),
    f(
        "toml",
        claim(amount=None, low='"300 USD"', high='"400 USD"', qualifier='"at_least"'),
        AMOUNT,
        "qualifier 'at_least' does not go with",
        id="qualifier-misfit",
    ),
    f(
        "toml",
        claim(amount=None, low='"300 USD"', qualifier='"unknown"'),
        AMOUNT,
        "'unknown' is a central value with no bounds",
        id="unknown-with-bounds",
    ),
    f("toml", claim(approximate="true"), AMOUNT, "needs a qualifier such as 'about'", id="approx"),
    f("toml", claim(approximate='"yes"'), AMOUNT, "approximate must be true or false", id="yes"),
    f("toml", claim(low_inclusive="1"), AMOUNT, "low_inclusive must be true or false", id="incl"),
    f("toml", claim(places='"2"'), AMOUNT, "places must be a whole number", id="places-text"),
    f("toml", claim(places="1000"), AMOUNT, "at most 120", id="places-huge"),
    f("toml", claim(high="300.0"), AMOUNT, "high: float 300.0 is not accepted", id="high-float"),
    f(
        "toml",
        claim(amount='"9 USD/month"', converted_from='{ amount = "100 USD/year" }'),
        AMOUNT,
        "converted_from 100 USD/year in USD/month is about 8.33",
        id="converted-from-wrong",
    ),
    f(
        "toml",
        claim(amount='{ amount = "1 USD", foo = 1 }'),
        AMOUNT,
        "unknown key 'foo' in a figure",
        id="figure-unknown-key",
    ),
    # -- dates --------------------------------------------------------------------------------
    f("toml", claim(as_of='"2004-02-30"'), f"{AT}: as_of", "day is out of range", id="feb-30"),
    f("toml", claim(as_of='"04/03/2004"'), f"{AT}: as_of", "is not a date", ISO, id="slashes"),
    f("toml", claim(as_of='"2004-3-1"'), f"{AT}: as_of", "'2004-3-1' is not a date", id="short"),
    f("toml", claim(as_of='"2004"'), f"{AT}: as_of", "'2004' is not a date", id="year-only"),
    f("toml", claim(as_of="20040315"), f"{AT}: as_of", "int 20040315 is not a date", id="number"),
    f("toml", claim(as_of="2004-03-15T10:00:00"), f"{AT}: as_of", "has a time of day", id="time"),
    f("toml", claim(as_of="10:00:00"), f"{AT}: as_of", "time 10:00:00 is not a date", id="clock"),
    f("toml", claim(as_of=None), f"{AT}: as_of", "missing; this field is required", id="no-date"),
    f("toml", claim(as_of="2004-02-30"), "", "not valid TOML", "line 10", id="bare-feb-30"),
    # -- kinds, statuses, ids, parties --------------------------------------------------------
    f("toml", claim(kind='"loan"'), AT, "kind 'loan' is not known", KINDS, id="kind-loan"),
    f("toml", claim(kind='"Claim"'), AT, "kind 'Claim' is not known", id="kind-capital"),
    f("toml", claim(kind=None), AT, "missing 'kind'", KINDS, id="kind-missing"),
    f("toml", claim(kind="5"), AT, "kind 5 is not known", id="kind-int"),
    f("toml", claim(status='"forgiven"'), f"{AT}: status", STATUSES, "'forgiven'", id="status"),
    f("toml", claim(status='"Settled"'), f"{AT}: status", "(given 'Settled')", id="status-case"),
    f("toml", claim(status="5"), f"{AT}: status", "(given 5)", id="status-int"),
    f("toml", claim(id='"Bad Id"'), "entries[0] (Bad Id): id", SLUG, id="id-spaces"),
    f("toml", claim(id='""'), "entries[0] (): id", SLUG, id="id-empty"),
    f(
        "toml",
        claim(id='"-claim"'),
        "entries[0] (-claim): id",
        "starting with a letter",
        id="id-dash",
    ),
    f("toml", claim(id='"ru-claim\\n"'), "entries[0] ('ru-claim\\n'): id", SLUG, id="id-newline"),
    f("toml", claim(id="5"), "entries[0]: id", "int 5 is not text", id="id-int"),
    f("toml", claim(creditor='"tj"'), f"{AT}: creditor", "upper-case: 'TJ'", id="party-case"),
    f("toml", claim(creditor='"XX"'), f"{AT}: creditor", NOT_PARTY, id="party-XX"),
    f("toml", claim(creditor='"org:IMF"'), f"{AT}: creditor", "'org:' slug", id="org-case"),
    f("toml", claim(creditor='"org:"'), f"{AT}: creditor", "'org:' slug", id="org-empty"),
    f("toml", claim(creditor="5"), f"{AT}: creditor", "int 5 is not text", id="party-int"),
    f("toml", claim(debtor='"RU"'), AT, "creditor and debtor are both 'RU'", id="same-parties"),
    f("toml", claim(asserted_by='"ZZ"'), f"{AT}: asserted_by", NOT_PARTY, id="asserted-ZZ"),
    f("toml", claim(asserted_by=None), f"{AT}: asserted_by", "missing", id="asserted-missing"),
    # -- sources, text fields, unknown fields -------------------------------------------------
    f(
        "toml",
        claim(source='"nope"'),
        f"{AT}: source",
        "'nope' is not declared under [sources]; declared: rferl",
        id="source-undeclared",
    ),
    f("toml", claim(source="5"), f"{AT}: source", "int 5 is not a source id", id="source-int"),
    f(
        "toml",
        claim(source='{ publisher = "x", title = "y", date = 2004-03-15 }'),
        f"{AT}: source",
        "is not a source id",
        "[sources]",
        id="source-inline-table",
    ),
    f("toml", claim(source=None), f"{AT}: source", "missing", id="source-missing"),
    f("toml", claim(quote="5"), f"{AT}: quote", "int 5 is not text", id="quote-int"),
    f("toml", claim(note="[]"), f"{AT}: note", "list [] is not text", id="note-list"),
    f("toml", claim(basis="true"), f"{AT}: basis", "is not text", id="basis-bool"),
    f("toml", claim(foo='"x"'), f"{AT}: foo", "unknown field (value 'x')", id="unknown-field"),
    f(
        "toml",
        claim(migrants='"1 person"'),
        f"{AT}: migrants",
        "unknown field",
        id="claim-migrants",
    ),
    # -- claims that answer claims ------------------------------------------------------------
    f("toml", claim(counter_to='"ru-claim"'), AT, "names the claim itself", id="counter-itself"),
    f(
        "toml",
        claim(counter_to='"nope"'),
        f"{AT}: counter_to",
        "'nope' names no entry in the ledger",
        id="counter-missing",
    ),
    f(
        "toml",
        toml(entry(CLAIM), entry(COUNTER, debtor='"KZ"')),
        "entries[1] (tj-counter): counter_to",
        "a claim between RU and TJ, but is between TJ and KZ",
        id="counter-other-parties",
    ),
    f(
        "toml",
        toml(entry(REMITTANCE), entry(COUNTER, counter_to='"remit"')),
        "entries[1] (tj-counter): counter_to",
        "'remit' is a remittance, not a claim",
        id="counter-to-remittance",
    ),
    f("toml", claim(counter_to="5"), f"{AT}: counter_to", "int 5 is not text", id="counter-int"),
    # -- ids used twice, keys given twice -----------------------------------------------------
    f(
        "toml",
        toml(entry(CLAIM), entry(CLAIM)),
        "entries[1] (ru-claim): id",
        "id 'ru-claim' is used already by entries[0]; ids must be unique",
        id="duplicate-id",
    ),
    f(
        "toml",
        toml(entry(CLAIM), entry(BUDGET, id='"ru-claim"')),
        "entries[1] (ru-claim): id",
        "ids must be unique",
        id="duplicate-id-across-kinds",
    ),
    f("toml", claim() + 'id = "again"\n', "", "not valid TOML", "Cannot overwrite", id="dup-key"),
    f("toml", toml(entry(CLAIM), head=SOURCES * 2), "", "not valid TOML", id="dup-source-table"),
    # -- settlements --------------------------------------------------------------------------
    f(
        "toml",
        toml(entry(CLAIM), entry(SETTLEMENT, claim='"nope"')),
        "entries[1] (paid): claim",
        "'nope' names no entry in the ledger; it must be the id of the claim it settles",
        id="settles-missing-claim",
    ),
    f(
        "toml",
        toml(entry(REMITTANCE), entry(SETTLEMENT, claim='"remit"')),
        "entries[1] (paid): claim",
        "'remit' is a remittance, not a claim",
        id="settles-a-remittance",
    ),
    f(
        "toml",
        toml(entry(CLAIM), entry(SETTLEMENT, amount='"100 million RUB"')),
        "entries[1] (paid): amount",
        "settlement in RUB of claim 'ru-claim' in USD",
        id="settles-in-roubles",
    ),
    f(
        "toml",
        toml(entry(CLAIM), entry(SETTLEMENT, amount='"100 USD/year"')),
        "entries[1] (paid): amount",
        "is not a stock",
        id="settles-with-a-flow",
    ),
    f(
        "toml",
        toml(entry(CLAIM), entry(SETTLEMENT, amount='"400 million USD"')),
        "entries[0] (ru-claim): settlements",
        "sum to 400000000 USD, more than the claim's",
        id="settles-too-much",
    ),
    f(
        "toml",
        toml(
            entry(CLAIM),
            entry(SETTLEMENT, amount='"200 million USD"'),
            entry(SETTLEMENT, id='"paid-again"', amount='"200 million USD"'),
        ),
        "entries[0] (ru-claim): settlements",
        "paid, paid-again sum to 400000000 USD",
        id="settlements-sum-too-much",
    ),
    f(
        "toml",
        toml(entry(CLAIM), entry(SETTLEMENT, method='"gift"')),
        "entries[1] (paid): method",
        "'payment', 'write_off', 'asset_transfer' or 'debt_swap'",
        id="settlement-method",
    ),
    f(
        "toml",
        toml(entry(CLAIM), entry(SETTLEMENT, method=None)),
        "entries[1] (paid): method",
        "missing",
        id="settlement-no-method",
    ),
    f(
        "toml",
        toml(entry(CLAIM), entry(SETTLEMENT, amount='"-1 USD"')),
        "entries[1] (paid): amount",
        "is negative",
        id="settlement-negative",
    ),
    f(
        "toml",
        toml(entry(CLAIM), entry(SETTLEMENT, claim='"paid"')),
        "entries[1] (paid): claim",
        "'paid' is a settlement, not a claim",
        id="settles-itself",
    ),
    # -- remittances --------------------------------------------------------------------------
    f(
        "toml",
        toml(entry(REMITTANCE, origin="[]")),
        "entries[0] (remit): origin",
        "names no party",
        id="no-origin",
    ),
    f(
        "toml",
        toml(entry(REMITTANCE, origin="5")),
        "entries[0] (remit): origin",
        "int 5 is not a party nor a list of parties",
        id="origin-int",
    ),
    f(
        "toml",
        toml(entry(REMITTANCE, origin='"ru"')),
        "entries[0] (remit): origin",
        "upper-case: 'RU'",
        id="origin-case",
    ),
    f(
        "toml",
        toml(entry(REMITTANCE, origin="[5]")),
        "entries[0] (remit): origin",
        "int 5 is not text",
        id="origin-list-int",
    ),
    f(
        "toml",
        toml(entry(REMITTANCE, origin='["RU", "RU"]')),
        "entries[0] (remit)",
        "origin names 'RU' more than once",
        id="origin-twice",
    ),
    f(
        "toml",
        toml(entry(REMITTANCE, destination='"RU"')),
        "entries[0] (remit)",
        "destination 'RU' is among the origins",
        id="sent-home-to-itself",
    ),
    f(
        "toml",
        toml(entry(REMITTANCE, amount='"300 USD"')),
        "entries[0] (remit): amount",
        "300 USD is not a flow",
        "'300 million USD/year'",
        id="remittance-stock",
    ),
    f(
        "toml",
        toml(entry(REMITTANCE, amount='"9 billion RUB"')),
        "entries[0] (remit): amount",
        "9000000000 RUB is not a flow",
        id="roubles-where-a-flow-is-wanted",
    ),
    f(
        "toml",
        toml(entry(REMITTANCE, amount='"300 USD/person/year"')),
        "entries[0] (remit): amount",
        "is not a flow",
        id="remittance-per-head",
    ),
    f(
        "toml",
        toml(entry(REMITTANCE, amount='"300 USD/year/year"')),
        "entries[0] (remit): amount",
        "is not a flow",
        id="remittance-per-year-squared",
    ),
    f(
        "toml",
        toml(entry(REMITTANCE, migrants='"5 USD"')),
        "entries[0] (remit): migrants",
        "is not a count of people",
        id="migrants-in-dollars",
    ),
    f(
        "toml",
        toml(entry(REMITTANCE, migrants='"-5 person"')),
        "entries[0] (remit): migrants",
        "is negative",
        id="migrants-negative",
    ),
    f(
        "toml",
        toml(entry(REMITTANCE, migrants="5.0")),
        "entries[0] (remit): migrants",
        "float 5.0 is not accepted",
        id="migrants-float",
    ),
    f(
        "toml",
        toml(entry(REMITTANCE, migrants='{ amount = "1 person", qualifier = "roughly" }')),
        "entries[0] (remit): migrants",
        "qualifier 'roughly' is not known",
        id="migrants-qualifier",
    ),
    f(
        "toml",
        toml(entry(REMITTANCE, period="5")),
        "entries[0] (remit): period",
        "int 5 is not text",
        id="period-int",
    ),
    f(
        "toml",
        toml(entry(REMITTANCE, destination='["TJ"]')),
        "entries[0] (remit): destination",
        "is not text",
        id="destination-list",
    ),
    # -- budgets ------------------------------------------------------------------------------
    f(
        "toml",
        toml(entry(BUDGET, fiscal_year='"2004"')),
        "entries[0] (tj-budget): fiscal_year",
        "str '2004' is not a whole number",
        WHOLE,
        id="fiscal-year-text",
    ),
    f(
        "toml",
        toml(entry(BUDGET, fiscal_year="true")),
        "entries[0] (tj-budget): fiscal_year",
        "is not a whole number",
        id="fiscal-year-bool",
    ),
    f(
        "toml",
        toml(entry(BUDGET, fiscal_year="2004.0")),
        "entries[0] (tj-budget): fiscal_year",
        "float 2004.0 is not a whole number",
        id="fiscal-year-float",
    ),
    f(
        "toml",
        toml(entry(BUDGET, fiscal_year="-5")),
        "entries[0] (tj-budget): fiscal_year",
        "-5 is not a year",
        "1 to 9999",
        id="fiscal-year-negative",
    ),
    f(
        "toml",
        toml(entry(BUDGET, measure='"spending"')),
        "entries[0] (tj-budget): measure",
        "'revenue', 'expenditure' or 'unspecified'",
        id="measure",
    ),
    f(
        "toml",
        toml(entry(BUDGET, amount='"300 million USD"')),
        "entries[0] (tj-budget): amount",
        "is not a flow",
        id="budget-stock",
    ),
    f(
        "toml",
        toml(entry(BUDGET, party='"tj"')),
        "entries[0] (tj-budget): party",
        "upper-case: 'TJ'",
        id="budget-party-case",
    ),
    # -- rates --------------------------------------------------------------------------------
    f(
        "toml",
        toml(entry(RATE, rate="28.81")),
        "entries[0] (rub-2004): rate",
        "float 28.81 is not accepted",
        "'28.81 RUB/USD'",
        id="rate-float",
    ),
    f(
        "toml",
        toml(entry(RATE, rate="28")),
        "entries[0] (rub-2004): rate",
        "number 28 is not accepted",
        "'28.81 RUB/USD'",
        id="rate-int",
    ),
    f(
        "toml",
        toml(entry(RATE, rate='"28.81"')),
        "entries[0] (rub-2004): rate",
        "is not an exchange rate",
        "quote currency per base currency",
        id="rate-without-currencies",
    ),
    f(
        "toml",
        toml(entry(RATE, rate='"1 USD/USD"')),
        "entries[0] (rub-2004): rate",
        "is not an exchange rate",
        id="rate-one-currency",
    ),
    f(
        "toml",
        toml(entry(RATE, rate='"-1 RUB/USD"')),
        "entries[0] (rub-2004): rate",
        "must be positive",
        id="rate-negative",
    ),
    f(
        "toml",
        toml(entry(RATE, rate='"0 RUB/USD"')),
        "entries[0] (rub-2004): rate",
        "must be positive",
        id="rate-zero",
    ),
    f(
        "toml",
        toml(entry(RATE, rate='"1 RUB/year"')),
        "entries[0] (rub-2004): rate",
        "is not an exchange rate",
        id="rate-a-flow",
    ),
    f(
        "toml",
        toml(entry(RATE, rate='"1 RUB/USD/EUR"')),
        "entries[0] (rub-2004): rate",
        "is not an exchange rate",
        id="rate-three-currencies",
    ),
    f(
        "toml",
        toml(entry(RATE, rate=None)),
        "entries[0] (rub-2004): rate",
        "missing",
        id="rate-missing",
    ),
    f(
        "toml",
        toml(entry(RATE, qualifier='"roughly"')),
        "entries[0] (rub-2004): rate",
        "qualifier 'roughly' is not known",
        id="rate-qualifier",
    ),
    f(
        "toml",
        toml(entry(RATE, amount='"5 USD"')),
        "entries[0] (rub-2004): amount",
        "unknown field",
        id="rate-amount",
    ),
    # -- the top level, parties, sources ------------------------------------------------------
    f("toml", "foo = 1\n" + claim(), "foo", "unknown key; accepted: title, description", id="top"),
    f("toml", "title = 5\n" + claim(), "title", "must be text", id="title-int"),
    f("toml", "description = []\n" + claim(), "description", "must be text", id="description"),
    f("toml", SOURCES + "[entries]\nkind = 'claim'\n", "entries", "array of tables", id="table"),
    f("toml", SOURCES, "entries", "missing; a ledger needs [[entries]]", id="no-entries"),
    f("toml", "entries = [1, 2]\n", "entries[0]", "int 1 is not a table", id="entries-of-ints"),
    f("toml", "parties = 5\n" + claim(), "parties", "must be a table", id="parties-int"),
    f(
        "toml",
        '[parties]\n"imf" = "IMF"\n' + claim(),
        "parties: imf",
        "party 'imf' is not",
        "'org:imf'",
        id="parties-bad-key",
    ),
    f("toml", '[parties]\n"org:imf" = 5\n' + claim(), "parties: org:imf", "must be text", id="p5"),
    f("toml", '[parties]\n"org:imf" = ""\n' + claim(), "parties: org:imf", "text", id="p-empty"),
    f("toml", "sources = 5\n" + entry(CLAIM), "sources", "must be a table", id="sources-int"),
    f(
        "toml",
        claim().replace('publisher = "RFE/RL"\n', ""),
        "sources.rferl: publisher",
        "missing",
        id="source-no-publisher",
    ),
    f(
        "toml",
        claim().replace("date = 2004-03-15", 'date = "2004-02-30"'),
        "sources.rferl: date",
        "'2004-02-30' is not a date",
        id="source-bad-date",
    ),
    f(
        "toml",
        claim().replace("date = 2004-03-15\n", ""),
        "sources.rferl: date",
        "missing",
        id="source-no-date",
    ),
    f(
        "toml",
        claim().replace('publisher = "RFE/RL"', 'publisher = ""'),
        "sources.rferl: publisher",
        "empty text is not accepted",
        id="source-empty-publisher",
    ),
    f(
        "toml",
        claim().replace('publisher = "RFE/RL"', 'publisher = "RFE/RL"\nfoo = 1'),
        "sources.rferl: foo",
        "unknown field",
        id="source-unknown-field",
    ),
    f(
        "toml",
        claim().replace('publisher = "RFE/RL"', 'publisher = "RFE/RL"\nurl = 5'),
        "sources.rferl: url",
        "int 5 is not text",
        id="source-url-int",
    ),
    f(
        "toml",
        "sources = { rferl = 5 }\n" + entry(CLAIM),
        "sources.rferl",
        "int 5 is not a table",
        id="source-not-a-table",
    ),
    # -- syntax and bytes ---------------------------------------------------------------------
    f("toml", "[[entries]\nkind = ", "", "not valid TOML", "line 1", id="toml-syntax"),
    f("toml", claim(quote='"unterminated'), "", "not valid TOML", id="toml-unterminated"),
    f("toml", "\ufeff" + claim(), "", "byte order mark", "without a BOM", id="toml-bom"),
    f("json", "\ufeff" + jclaim(), "", "byte order mark", "without a BOM", id="json-bom"),
    f("toml", "", "", "the file is empty", id="empty"),
    f("toml", "  \n\t\n", "", "the file is empty", id="blank"),
    f("json", "", "", "the file is empty", id="json-empty"),
    f("toml", 'title = "caf\xe9"\n'.encode("latin-1"), "", "not UTF-8 text", id="latin-1"),
    f("json", jclaim().encode("utf-16"), "", "not UTF-8 text", id="utf-16"),
    f("toml", b"\x00" * 8, "", "not valid TOML", id="nul-bytes"),
    f("toml", bytes(range(256)), "", "not UTF-8 text (byte 128)", id="binary"),
    f("toml", jclaim(), "", "not valid TOML", "it reads as JSON", id="json-as-toml"),
    f("json", claim(), "", "not valid JSON", "it reads as TOML", id="toml-as-json"),
    # -- JSON ---------------------------------------------------------------------------------
    f("json", jclaim(amount="300.0"), AMOUNT, "float 300.0 is not accepted", id="json-float"),
    f("json", jclaim(amount="300"), AMOUNT, "number 300 is not accepted", id="json-int"),
    f("json", jclaim(amount="NaN"), AMOUNT, "float nan is not accepted", AS_TEXT, id="json-NaN"),
    f("json", jclaim(amount="Infinity"), AMOUNT, "float inf", AS_TEXT, id="json-Infinity"),
    f("json", jclaim(amount="-Infinity"), AMOUNT, "float -inf", AS_TEXT, id="json--Infinity"),
    f("json", jclaim(amount="1e400"), AMOUNT, "float inf", AS_TEXT, id="json-1e400"),
    f("json", jclaim(amount="1" + "0" * 400), AMOUNT, "is not accepted", AS_TEXT, id="json-bigint"),
    f("json", jclaim(amount="true"), AMOUNT, "boolean true is not accepted", id="json-true"),
    f("json", jclaim(amount="null"), AMOUNT, "null is not a figure", id="json-null-amount"),
    f("json", jclaim(as_of="20040315"), f"{AT}: as_of", "int 20040315 is not a date", id="j-num"),
    f("json", jclaim(as_of="null"), f"{AT}: as_of", "null is not a date", ISO, id="json-null-date"),
    f("json", jclaim(as_of="true"), f"{AT}: as_of", "bool True is not a date", id="json-bool-date"),
    f(
        "json",
        jclaim(as_of='"2004-03-15T00:00:00"'),
        f"{AT}: as_of",
        "has a time of day",
        id="json-datetime",
    ),
    f("json", jclaim(as_of='"2004-03-15Z"'), f"{AT}: as_of", "is not a date", id="json-zone"),
    f("json", jclaim(kind="null"), AT, "kind null is not known", KINDS, id="json-null-kind"),
    f("json", jclaim(id="null"), "entries[0]: id", "null is not text", id="json-null-id"),
    f("json", jclaim(source="null"), f"{AT}: source", "null is not a source", id="json-null-src"),
    f("json", jclaim(source="5"), f"{AT}: source", "int 5 is not a source id", id="json-int-src"),
    f(
        "json",
        jdoc(jentry()[:-1] + ', "id": "again"}'),
        f"{AT}: id",
        "key 'id' is given twice, at line 2",
        id="json-duplicate-key",
    ),
    f(
        "json",
        '{"title": "a", "title": "b", ' + JSON_SOURCES + ', "entries": [' + jentry() + "]}",
        "title",
        "key 'title' is given twice, at line 1, column 16 and first at line 1, column 2",
        id="json-duplicate-top-key",
    ),
    f(
        "json",
        jclaim().replace('"publisher": "RFE/RL"', '"publisher": "RFE/RL", "publisher": "x"'),
        "sources.rferl: publisher",
        "key 'publisher' is given twice",
        id="json-duplicate-source-key",
    ),
    f(
        "json",
        jclaim(amount='{"amount": "1 USD", "amount": "2 USD"}'),
        f"{AT}: amount.amount",
        "key 'amount' is given twice",
        id="json-duplicate-figure-key",
    ),
    f(
        "json",
        jclaim().replace("{", '{"parties": {"org:x": "X", "org:x": "Y"}, ', 1),
        "parties: org:x",
        "key 'org:x' is given twice",
        id="json-duplicate-party",
    ),
    f(
        "json",
        jclaim().replace('"rferl": {', '"rferl": {"publisher": "p", "title": "t"}, "rferl": {'),
        "sources",
        "key 'rferl' is given twice",
        id="json-duplicate-source-id",
    ),
    f(
        "json",
        jdoc(jentry(), jentry(id='"tj-budget"'), jentry()),
        "entries[2] (ru-claim): id",
        "used already by entries[0]",
        id="json-duplicate-id",
    ),
    f("json", jclaim()[:-2] + ",]}", "", "not valid JSON", "trailing comma", id="json-comma"),
    f("json", jclaim().replace('"', "'"), "", "not valid JSON", id="json-single-quotes"),
    f("json", "// a comment\n" + jclaim(), "", "not valid JSON", id="json-comment"),
    f("json", "[" + jentry() + "]", "", "the top level must be a table", id="json-top-list"),
    f("json", '"a ledger"', "", "the top level must be a table", id="json-top-string"),
    f("json", "null", "", "the top level must be a table", id="json-top-null"),
    f("json", "[" * 100_000 + "]" * 100_000, "", "not valid JSON", id="json-deep"),
    f("json", jclaim()[:-3], "", "not valid JSON", id="json-unterminated"),
    f("json", jclaim(quote='"\\x"'), "", "not valid JSON", "escape", id="json-bad-escape"),
    f("json", "{" + JSON_SOURCES + ', "entries": null}', "entries", "missing", id="json-null"),
    f(
        "json",
        jdoc(jentry(JSON_BUDGET, fiscal_year="1" + "0" * 30)),
        "entries[0] (tj-budget): fiscal_year",
        "is not a year",
        id="json-fiscal-year-huge",
    ),
    f(
        "json",
        jclaim(amount='{"low": "1 USD", "high": "2 RUB"}'),
        AMOUNT,
        "one figure has one unit",
        id="json-bounds-two-currencies",
    ),
    f(
        "json",
        jdoc(jentry(), "5"),
        "entries[1]",
        "int 5 is not a table",
        id="json-entry-int",
    ),
]


@pytest.mark.parametrize(("fmt", "text", "where", "what"), FILES)
def test_a_bad_file_is_refused_saying_where_and_what(fmt, text, where, what):
    with pytest.raises(lg.LedgerFileError) as caught:
        lg.loads(text, format=fmt, name=NAME)
    problems = caught.value.problems
    assert problems, "a refusal lists its problems"
    assert all(problem.file == NAME for problem in problems), "every problem names the file"
    lines = [str(problem) for problem in problems]
    assert any(
        f"{NAME}: {where}" in line and all(word in line for word in what) for line in lines
    ), "\n".join(lines)
    assert "nothing was loaded" in str(caught.value)
    check_words(str(caught.value))


# =============================================================================================
# 2. Amount text: Figure.of, lg.quantity, lg.money, lg.parse_money
# =============================================================================================

ACCEPTED_AMOUNT = "accepted: a number (digits, optional ',' thousands groups"
ASCII_NUMBER = "accepted: ASCII digits like '300'"
UNKNOWN_UNIT = "currencies are ISO 4217 codes known to CLDR"
LOCAL_DIGITS = "the number must be ASCII digits with the locale's separators"


def a(build, text, *what, error=lg.AmountError, marks=(), id):
    """A bad amount text: ``build(text)`` must raise ``error`` with ``what`` in its message."""
    return pytest.param(build, text, error, what, marks=marks, id=id)


def of(text):
    return lg.Figure.of(text)


def dollars(number):
    return lg.money(number, "USD")


def en(text):
    return lg.parse_money(text, "en_US")


def ru(text):
    return lg.parse_money(text, "ru_RU")


AMOUNTS = [
    # -- Figure.of ----------------------------------------------------------------------------
    a(of, "", "'' is not an amount", ACCEPTED_AMOUNT, id="of-empty"),
    a(of, " ", "' ' is not an amount", id="of-space"),
    a(of, "\n", "is not an amount", id="of-newline"),
    a(of, "abc", "'abc' is not an amount", ACCEPTED_AMOUNT, id="of-abc"),
    a(of, "1e999999999 USD", "'1e999999999 USD' is not an amount", id="of-huge-exponent"),
    a(of, "1e1234567 USD", "is not an amount", id="of-7-digit-exponent"),
    a(of, "1,2,3 USD", "'1,2,3 USD' is not an amount", id="of-bad-groups"),
    a(of, "12,34 USD", "'12,34 USD' is not an amount", id="of-decimal-comma"),
    a(of, "5,00 USD", "is not an amount", id="of-short-group"),
    a(of, ",500 USD", "is not an amount", id="of-leading-comma"),
    a(of, "500, USD", "is not an amount", id="of-trailing-comma"),
    a(of, "1,000.5.5 USD", "is not an amount", id="of-two-points"),
    a(of, "１２ USD", "'１２ USD' is not an amount", id="of-full-width-digits"),
    a(of, "٣ USD", "is not an amount", id="of-arabic-indic-digit"),
    a(of, "5² USD", "is not an amount", id="of-superscript"),
    a(of, "12 XYZ", "unknown 'XYZ'", UNKNOWN_UNIT, id="of-XYZ"),
    a(of, "USD USD", "'USD USD' is not an amount", id="of-no-number"),
    a(of, "5 USD USD", "multiplies currencies", "one currency", id="of-USD-USD"),
    a(of, "5 USD USD USD", "multiplies currencies", id="of-USD-cubed"),
    a(of, "3 USD*RUB", "unit 'USD*RUB' multiplies currencies", "'RUB/USD'", id="of-USD*RUB"),
    a(of, "5 USD RUB", "multiplies currencies", id="of-USD-space-RUB"),
    a(of, "5 USD**2", "multiplies currencies", id="of-USD-squared"),
    a(of, ".5 USD", "'.5 USD' is not an amount", id="of-leading-point"),
    a(of, "5. USD", "'5. USD' is not an amount", id="of-trailing-point"),
    a(of, "--5 USD", "'--5 USD' is not an amount", id="of-double-minus"),
    a(of, "+-5 USD", "is not an amount", id="of-plus-minus"),
    a(of, "nan USD", "'nan USD' is not an amount", id="of-nan"),
    a(of, "NaN USD", "'NaN USD' is not an amount", id="of-NaN"),
    a(of, "inf USD", "'inf USD' is not an amount", id="of-inf"),
    a(of, "Infinity USD", "is not an amount", id="of-Infinity"),
    a(of, "5 USD junk", "unknown 'junk'", UNKNOWN_UNIT, id="of-trailing-junk"),
    a(of, "5 USD !!", "is not a unit expression", id="of-trailing-bangs"),
    a(of, "5 USD # note", "is not a unit expression", id="of-trailing-comment"),
    a(of, "5 USD\x00", "is not a unit expression", id="of-nul"),
    a(of, "5 6 USD", "'5 6 USD' is not an amount", id="of-two-numbers"),
    a(of, "5 million million USD", "unknown 'million'", id="of-scale-twice"),
    a(of, "5 gazillion USD", "unknown 'gazillion'", id="of-unknown-scale"),
    a(of, "million USD", "'million USD' is not an amount", id="of-scale-alone"),
    a(of, "USD 5", "'USD 5' is not an amount", id="of-unit-first"),
    a(of, "$5", "'$5' is not an amount", id="of-dollar-sign"),
    a(of, "5 €", "is not an amount", id="of-euro-sign"),
    a(of, "5 usd", "codes are upper-case: 'USD'", id="of-lower-case"),
    a(of, "5 Usd", "codes are upper-case: 'USD'", id="of-title-case"),
    a(of, "5 ＵＳＤ", "is not a unit expression", id="of-full-width-code"),
    a(of, "5 U\u200bSD", "is not a unit expression", id="of-zero-width-space"),
    a(of, "5 US D", "unknown 'US', 'D'", id="of-split-code"),
    a(of, "5 USD/day", "unknown 'day'", "year, quarter, month", id="of-per-day"),
    a(of, "5 USD/week", "unknown 'week'", id="of-per-week"),
    a(of, "5 kg", "unknown 'kg'", id="of-kilograms"),
    a(of, "5 USD^2", "is not a unit expression", id="of-caret"),
    a(of, "5 USD per", "could not be read", id="of-per-nothing"),
    a(of, "5 per year", "could not be read", id="of-per-year-alone"),
    a(of, "1e30 USD", "1E+30 is too large", LIMITS, id="of-1e30"),
    a(of, "-1e30 USD", "-1E+30 is too large", id="of-minus-1e30"),
    a(of, "1e-61 USD", "1E-61 is too small", "above 10**-60", id="of-1e-61"),
    a(of, f"{SIXTY_ONE} USD", "61 significant digits", "at most 60", id="of-61-digits"),
    a(of, f"{'9' * 500} USD", "is too long", id="of-500-digits"),
    a(
        lambda text: F.of(text, "at_most"),
        "about 5 USD",
        "'about 5 USD' says 'about' and the qualifier says 'at_most'; give one of them",
        error=lg.FigureError,
        id="of-two-words",
    ),
    a(of, "roughly 5 USD", "'roughly 5 USD' is not an amount", id="of-unknown-word"),
    a(
        of,
        "1_000 USD",
        "'1_000 USD' is not an amount",
        id="of-underscore-digits",
    ),
    a(
        of,
        "0x1F USD",
        "'0x1F USD' is not an amount",
        id="of-hex",
    ),
    a(
        of,
        "5 USD/0",
        "could not be read",
        "accepted:",
        id="of-per-zero",
    ),
    a(
        of,
        "5 (USD",
        "could not be read",
        id="of-open-paren",
    ),
    a(
        of,
        "5 USD-RUB",
        "could not be read",
        id="of-minus-in-unit",
    ),
    # -- lg.quantity --------------------------------------------------------------------------
    a(lg.quantity, "", "'' is not an amount", id="quantity-empty"),
    a(lg.quantity, "abc", "'abc' is not an amount", id="quantity-abc"),
    a(lg.quantity, "12 XYZ", "unknown 'XYZ'", id="quantity-XYZ"),
    a(lg.quantity, "--5 USD", "is not an amount", id="quantity-double-minus"),
    a(lg.quantity, "5. USD", "is not an amount", id="quantity-trailing-point"),
    a(lg.quantity, "3 USD*RUB", "multiplies currencies", id="quantity-USD*RUB"),
    a(lg.quantity, "1e30 USD", "too large", id="quantity-1e30"),
    a(lg.quantity, b"5 USD", "bytes b'5 USD' is not an amount", id="quantity-bytes"),
    # -- lg.money: the number alone -----------------------------------------------------------
    a(dollars, "", "'' is not a number", ASCII_NUMBER, id="money-empty"),
    a(dollars, " ", "is not a number", id="money-space"),
    a(dollars, "abc", "'abc' is not a number", ASCII_NUMBER, id="money-abc"),
    a(dollars, "1e999999999", "is not a number", id="money-huge-exponent"),
    a(dollars, "1,2,3", "'1,2,3' is not a number", id="money-bad-groups"),
    a(dollars, "１２", "'１２' is not a number", id="money-full-width-digits"),
    a(dollars, ".5", "'.5' is not a number", id="money-leading-point"),
    a(dollars, "5.", "'5.' is not a number", id="money-trailing-point"),
    a(dollars, "--5", "'--5' is not a number", id="money-double-minus"),
    a(dollars, "nan", "'nan' is not a number", id="money-nan"),
    a(dollars, "inf", "'inf' is not a number", id="money-inf"),
    a(dollars, "1_000", "'1_000' is not a number", id="money-underscore"),
    a(dollars, "300 USD", "'300 USD' is not a number", id="money-with-unit"),
    a(dollars, "5 junk", "is not a number", id="money-trailing-junk"),
    a(dollars, "1e40", "1E+40 is too large", id="money-1e40"),
    a(dollars, SIXTY_ONE, "61 significant digits", id="money-61-digits"),
    a(lambda text: lg.money("300", text), "usd", "currency 'usd'", "'USD'", id="money-usd"),
    a(
        lambda text: lg.money("300", text),
        "XYZ",
        "currency 'XYZ' is not an ISO 4217",
        id="money-XYZ",
    ),
    a(lambda text: lg.money("300", text), "", "currency '' is not an ISO 4217", id="money-no-code"),
    a(lambda text: lg.money("300", text), "USD USD", "currency 'USD USD'", id="money-USD-USD"),
    a(lambda text: lg.money("300", text), "USD/year", "is not an ISO 4217", id="money-unit"),
    a(
        lambda text: lg.money("1", "USD", per=text),
        "day",
        "per='day' is not a period",
        id="money-per-day",
    ),
    a(
        lambda text: lg.money("1", "USD", per=text),
        "years",
        "accepted: month, quarter, year",
        id="money-per-years",
    ),
    # -- lg.parse_money -----------------------------------------------------------------------
    a(en, "", "no currency symbol or code of en_US found", id="parse-empty"),
    a(en, "abc", "'abc': no currency symbol or code", id="parse-abc"),
    a(en, "12 XYZ", "no currency symbol or code", id="parse-XYZ"),
    a(en, "$", "'$' is not an amount in en_US", LOCAL_DIGITS, id="parse-symbol-alone"),
    a(en, "USD USD", "is not an amount in en_US", id="parse-USD-USD"),
    a(en, "$1,2,3", "'$1,2,3' is not an amount in en_US", id="parse-bad-groups"),
    a(en, "$１２", "is not an amount in en_US", LOCAL_DIGITS, id="parse-full-width-digits"),
    a(en, "$.5", "is not an amount in en_US", id="parse-leading-point"),
    a(en, "$5.", "'$5.' is not an amount in en_US", "ending with a digit", id="parse-trailing-pt"),
    a(en, "$5,", "is not an amount in en_US", id="parse-trailing-comma"),
    a(en, "$--5", "is not an amount in en_US", id="parse-double-minus"),
    a(en, "$5-", "is not an amount in en_US", id="parse-trailing-minus"),
    a(en, "$nan", "is not an amount in en_US", id="parse-nan"),
    a(en, "$inf", "is not an amount in en_US", id="parse-inf"),
    a(en, "$1_000", "is not an amount in en_US", id="parse-underscore"),
    a(en, "$1e999999999", "is not an amount in en_US", id="parse-huge-exponent"),
    a(en, "$5 junk", "is not an amount in en_US", id="parse-trailing-junk"),
    a(en, "$5$", "is not an amount in en_US", id="parse-two-symbols"),
    a(en, "$ 5 €", "is not an amount in en_US", id="parse-two-currencies"),
    a(en, "$300MM", "is not an amount in en_US", id="parse-scale-twice"),
    a(en, "$5.5.5", "is not an amount in en_US", id="parse-two-points"),
    a(en, "$1,00,000", "is not an amount in en_US", id="parse-indian-groups"),
    a(en, "$5 per year per year", "is not an amount in en_US", id="parse-per-year-twice"),
    a(en, "$" + "9" * 100, "is too large", id="parse-100-digits"),
    a(en, f"${SIXTY_ONE}", "61 significant digits", id="parse-61-digits"),
    a(en, f"${SIXTY_ONE}M", "61 significant digits", id="parse-61-digits-millions"),
    a(ru, "1.000.000 $", "is not an amount in ru_RU", id="parse-ru-dot-groups"),
    a(
        lambda text: lg.parse_money(text, "xx_YY"),
        "$300M",
        "locale 'xx_YY' is not known",
        error=lg.LocaleError,
        id="parse-unknown-locale",
    ),
    a(
        lambda text: lg.parse_money(text, ""),
        "$300M",
        "locale '' is not a locale code",
        "'en_US'",
        error=lg.LocaleError,
        id="parse-empty-locale",
    ),
]


@pytest.mark.parametrize(("build", "text", "error", "what"), AMOUNTS)
def test_a_bad_amount_text_is_refused_saying_what(build, text, error, what):
    with pytest.raises(lg.LedgerError) as caught:
        build(text)
    assert isinstance(caught.value, error), type(caught.value)
    message = str(caught.value)
    for word in what:
        assert word in message, message
    check_words(message)


# =============================================================================================
# 3. API arguments: wrong types and values to public functions and constructors
# =============================================================================================

BOOK = lg.example()
BUDGET_ENTRY = BOOK["tajik-national-budget"]
F = lg.Figure
USD = F.of("300 million USD")
RUB = F.of("5 RUB")
FLOW = F.of("300 million USD/year")
RFERL = lg.Source(publisher="RFE/RL", title="Tajikistan and Russia", date=DAY)
BALANCE = lg.net_balance(BOOK, "TJ", "RU", as_of=DAY)
COMMON = {"as_of": DAY, "source": RFERL}
TWO_CURRENCIES = "two currencies (USD and RUB)"
STOCK_AND_FLOW = "a stock (a debt) and a flow (a sum per period) are different things"
HOLDS_ZERO = "its range holds zero"
FLOAT = "float 0.5 is not accepted"
NOT_CLDR = "is not known to CLDR"
LOCALE_CODE = "is not a locale code; use a code such as 'en_US'"


def x(call, error, *what, marks=(), id):
    """A bad call: ``call()`` must raise ``error`` (the library's) with ``what`` in its message."""
    return pytest.param(call, error, what, marks=marks, id=id)


def new_claim(**changes):
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


def new_remittance(**changes):
    fields = {"id": "remit", "origin": ["RU"], "destination": "TJ", "amount": "1 USD/year"}
    return lg.Remittance(**{**fields, **COMMON, **changes})


def new_budget(**changes):
    fields = {"id": "tj-budget", "party": "TJ", "amount": "1 USD/year"}
    return lg.Budget(**{**fields, **COMMON, **changes})


def net(**changes):
    arguments = {"as_of": DAY, **changes}
    return lg.net_balance(BOOK, arguments.pop("debtor", "TJ"), "RU", **arguments)


ARGUMENTS = [
    # -- building figures ---------------------------------------------------------------------
    x(
        lambda: F.range("300 USD", "200 USD"),
        lg.FigureError,
        "lower bound 300 is above",
        id="lo>hi",
    ),
    x(
        lambda: F.range("300 USD", "400 RUB"),
        lg.UnitMismatchError,
        "one figure has one unit",
        id="range-two-currencies",
    ),
    x(lambda: F.range("3 USD", "4 USD/year"), lg.UnitMismatchError, "'USD/year'", id="range-flow"),
    x(
        lambda: F.range("3 USD", "3 USD", low_inclusive=False),
        lg.FigureError,
        "holds no amount",
        id="range-empty",
    ),
    x(
        lambda: F.range(None, None),
        lg.FigureError,
        "needs a value, a lower bound or an upper",
        id="range-nothing",
    ),
    x(
        lambda: F.range("1 USD", "2 USD", value="5 USD"),
        lg.FigureError,
        "lies outside",
        id="range-value-outside",
    ),
    x(lambda: F.range(0.1, "2 USD"), lg.AmountError, "float 0.1 is not accepted", id="range-float"),
    x(
        lambda: F.of("300 USD", "maybe"),
        lg.FigureError,
        "qualifier 'maybe' is not known",
        "accepted: exact, about",
        id="qualifier-maybe",
    ),
    x(
        lambda: F.of("300 USD", "range"),
        lg.FigureError,
        "use Figure.range(low, high)",
        id="qualifier-range",
    ),
    x(lambda: F.of("300 USD", None), lg.FigureError, "qualifier None is not known", id="q-None"),
    x(lambda: F.of("300 USD", "About"), lg.FigureError, "'About' is not known", id="q-case"),
    x(
        lambda: F.of(0.1),
        lg.AmountError,
        "float 0.1 is not accepted",
        "pass text ('0.1')",
        id="of-float",
    ),
    x(lambda: F.of(None), lg.AmountError, "is not an amount", id="of-None"),
    x(lambda: F.of(5), lg.AmountError, "int 5 is not an amount", id="of-int"),
    x(lambda: F.of(True), lg.AmountError, "is not an amount", id="of-bool"),
    x(lambda: F.of(Decimal("NaN")), lg.AmountError, "is not an amount", id="of-Decimal-NaN"),
    x(lambda: F.of([]), lg.AmountError, "list [] is not an amount", id="of-list"),
    x(lambda: F(), lg.FigureError, "a figure needs a value", id="figure-nothing"),
    x(
        lambda: F("5 USD", places=1.5),
        lg.FigureError,
        "places 1.5 must be a whole number",
        id="places-float",
    ),
    x(lambda: F("5 USD", places=True), lg.FigureError, "must be a whole number", id="places-bool"),
    x(lambda: F("5 USD", places=10**6), lg.FigureError, "at most 120", id="places-huge"),
    x(lambda: F("5 USD", qualifier="maybe"), lg.FigureError, "'maybe' is not known", id="q"),
    x(lambda: F("5 USD", qualifier="more_than"), lg.FigureError, "does not fit", id="q-misfit"),
    x(lambda: F("5 USD", low="6 USD"), lg.FigureError, "lies outside", id="value-below-low"),
    x(
        lambda: F("5 USD", low="1 RUB"),
        lg.UnitMismatchError,
        "one figure has one unit",
        id="low-in-roubles",
    ),
    x(
        lambda: F("5 USD", approximate="yes"),
        lg.FigureError,
        "approximate",
        id="approximate-text",
    ),
    x(
        lambda: F("5 USD", low="1 USD", low_inclusive="no"),
        lg.FigureError,
        "low_inclusive",
        id="inclusive-text",
    ),
    # -- arithmetic ---------------------------------------------------------------------------
    x(lambda: USD + FLOW, lg.UnitMismatchError, STOCK_AND_FLOW, id="stock+flow"),
    x(lambda: FLOW - USD, lg.UnitMismatchError, STOCK_AND_FLOW, id="flow-stock"),
    x(lambda: USD + RUB, lg.UnitMismatchError, TWO_CURRENCIES, "lg.convert", id="USD+RUB"),
    x(lambda: RUB + USD, lg.UnitMismatchError, "two currencies (RUB and USD)", id="RUB+USD"),
    x(lambda: USD + "5 RUB", lg.UnitMismatchError, TWO_CURRENCIES, id="USD+RUB-text"),
    x(lambda: USD - RUB, lg.UnitMismatchError, TWO_CURRENCIES, id="USD-RUB"),
    x(lambda: USD + 5, lg.UnitMismatchError, "'a pure number' do not match", id="stock+number"),
    x(lambda: 1 - USD, lg.UnitMismatchError, "do not match", id="number-stock"),
    x(lambda: USD + 0.5, lg.AmountError, FLOAT, id="add-float"),
    x(lambda: USD * 0.5, lg.AmountError, FLOAT, id="times-float"),
    x(lambda: USD / 0.5, lg.AmountError, FLOAT, id="over-float"),
    x(lambda: USD + "abc", lg.AmountError, "'abc' is not an amount", id="add-text"),
    x(lambda: USD * "x", lg.AmountError, "'x' is not an amount", id="times-text"),
    x(lambda: USD * Decimal("NaN"), lg.AmountError, "is not finite", id="times-NaN"),
    x(lambda: USD / 0, lg.FigureError, "cannot divide by 0", HOLDS_ZERO, id="over-zero"),
    x(lambda: USD / F.of("0 USD"), lg.FigureError, HOLDS_ZERO, id="over-zero-dollars"),
    x(lambda: USD / F.range("-1 USD", "1 USD"), lg.FigureError, HOLDS_ZERO, id="range-with-0"),
    x(lambda: USD / F.of("0 USD", "at_least"), lg.FigureError, HOLDS_ZERO, id="at-least-zero"),
    x(lambda: USD / F.of("5 USD", "at_most"), lg.FigureError, HOLDS_ZERO, id="at-most-five"),
    x(lambda: 1 / F.of("0 USD"), lg.FigureError, HOLDS_ZERO, id="one-over-zero"),
    x(lambda: lg.ratio(USD, F.of("0 USD")), lg.FigureError, HOLDS_ZERO, id="ratio-zero"),
    x(lambda: lg.ratio(USD, None), lg.AmountError, "is not an amount", id="ratio-None"),
    x(lambda: lg.ratio("abc", USD), lg.AmountError, "'abc' is not an amount", id="ratio-text"),
    x(lambda: USD < USD, TypeError, "use fig.less_than(x) or fig.greater_than(x)", id="lt"),
    x(lambda: USD >= 5, TypeError, "figures have no plain '<'", id="ge"),
    # A result beyond the limits of a file is made (60 digits hold it), and refused where it
    # would go into an entry: there the words say why.
    x(
        lambda: new_claim(amount=F.of("1e29 USD") * 10),
        lg.LedgerFileError,
        "amount 1000000000000000000000000000000 is too large",
        id="claim-of-a-product-reaching-1e30",
    ),
    x(
        lambda: new_claim(amount=(F.of("1e29 USD") * F.of("1e29 USD")) / F.of("1 USD")),
        lg.LedgerFileError,
        "too large",
        id="claim-of-a-product-too-large",
    ),
    x(lambda: USD.greater_than(RUB), lg.UnitMismatchError, TWO_CURRENCIES, id="compare-RUB"),
    x(lambda: USD.greater_than(0.5), lg.AmountError, FLOAT, id="compare-float"),
    x(lambda: USD.less_than("abc"), lg.AmountError, "'abc' is not an amount", id="compare-text"),
    x(
        lambda: USD.greater_than(None),
        lg.AmountError,
        "is not an amount",
        id="compare-None",
    ),
    x(
        lambda: USD.contains(F.range("1 USD", "2 USD")),
        lg.FigureError,
        "takes one amount",
        id="contains-range",
    ),
    x(lambda: USD.contains("5 RUB"), lg.UnitMismatchError, TWO_CURRENCIES, id="contains-RUB"),
    x(lambda: USD.to("RUB"), lg.UnitMismatchError, "cannot express", "'RUB'", id="to-RUB"),
    x(lambda: USD.to("USD/year"), lg.UnitMismatchError, "the dimensions differ", id="to-flow"),
    x(lambda: USD.to("xyz"), lg.AmountError, "unknown 'xyz'", id="to-unknown"),
    x(
        lambda: USD.to(None),
        lg.AmountError,
        "unit",
        id="to-None",
    ),
    x(lambda: round(USD, 1.5), lg.FigureError, "a whole number of places", id="round-float"),
    x(lambda: round(USD, "2"), lg.FigureError, "a whole number of places", id="round-text"),
    x(
        lambda: round(USD, 10**9),
        lg.FigureError,
        "places",
        id="round-huge",
    ),
    x(lambda: USD.quantize("0"), lg.FigureError, "a positive step", id="quantize-zero"),
    x(lambda: USD.quantize("-1"), lg.FigureError, "a positive step", id="quantize-negative"),
    x(lambda: USD.quantize(0.1), lg.AmountError, "step: float 0.1", id="quantize-float"),
    x(lambda: USD.quantize("abc"), lg.AmountError, "step: 'abc' is not a number", id="q-text"),
    x(lambda: USD.quantize("1e-100"), lg.AmountError, "too small", id="quantize-tiny"),
    x(
        lambda: USD.quantize(None),
        lg.AmountError,
        "step",
        id="quantize-None",
    ),
    # -- amounts ------------------------------------------------------------------------------
    x(
        lambda: lg.money(None, "USD"),
        lg.AmountError,
        "is not a number",
        id="money-None",
    ),
    x(
        lambda: lg.money([1], "USD"),
        lg.AmountError,
        "is not a number",
        id="money-list",
    ),
    x(lambda: lg.money(0.5, "USD"), lg.AmountError, FLOAT, id="money-float"),
    x(lambda: lg.money(True, "USD"), lg.AmountError, "is a bool, not a number", id="money-bool"),
    x(lambda: lg.money(Decimal("NaN"), "USD"), lg.AmountError, "is not finite", id="money-NaN"),
    x(lambda: lg.money(Decimal("sNaN"), "USD"), lg.AmountError, "is not finite", id="m-sNaN"),
    x(lambda: lg.money(10**40, "USD"), lg.AmountError, "is too large", id="money-10**40"),
    x(
        lambda: lg.money("300", None),
        lg.AmountError,
        "currency None is not an ISO 4217",
        id="money-currency-None",
    ),
    x(lambda: lg.money("300", 5), lg.AmountError, "currency 5 is not", id="money-currency-int"),
    x(lambda: lg.quantity(5), lg.AmountError, "int 5 is not an amount", id="quantity-int"),
    x(lambda: lg.quantity(0.5), lg.AmountError, FLOAT, id="quantity-float"),
    x(lambda: lg.quantity([]), lg.AmountError, "list [] is not an amount", id="quantity-list"),
    x(lambda: lg.quantity(USD), lg.AmountError, "is not an amount", id="quantity-figure"),
    x(
        lambda: lg.to_units(lg.quantity("100 USD/year"), "USD/month"),
        lg.AmountError,
        "no decimal holds exactly",
        "lg.Figure.of(amount).to(unit)",
        id="to-units-inexact",
    ),
    x(
        lambda: lg.to_units(lg.quantity("1 USD"), "RUB"),
        lg.UnitMismatchError,
        "cannot convert",
        id="to-units-RUB",
    ),
    x(
        lambda: lg.to_units(lg.quantity("1 USD"), "xyz"),
        lg.AmountError,
        "unknown 'xyz'",
        id="to-units-unknown",
    ),
    x(lambda: lg.parse_money(None), lg.AmountError, "is not text", id="parse-None"),
    x(lambda: lg.parse_money(5), lg.AmountError, "int 5 is not text", id="parse-int"),
    x(lambda: lg.parse_money("$300M", None), lg.LocaleError, LOCALE_CODE, id="parse-locale-None"),
    x(lambda: lg.parse_money("$300M", 5), lg.LocaleError, LOCALE_CODE, id="parse-locale-int"),
    # -- formatting ---------------------------------------------------------------------------
    x(lambda: lg.format_figure(USD, "xx_YY"), lg.LocaleError, "'xx_YY'", NOT_CLDR, id="xx_YY"),
    x(lambda: lg.format_figure(USD, "zz"), lg.LocaleError, "'zz'", NOT_CLDR, id="locale-zz"),
    x(lambda: lg.format_figure(USD, ""), lg.LocaleError, LOCALE_CODE, id="locale-empty"),
    x(lambda: lg.format_figure(USD, None), lg.LocaleError, LOCALE_CODE, id="locale-None"),
    x(lambda: lg.format_figure(USD, ["en"]), lg.LocaleError, LOCALE_CODE, id="locale-list"),
    x(
        lambda: lg.format_figure(USD, style="tiny"),
        lg.LocaleError,
        "style 'tiny' is not known",
        "accepted: compact, full, long",
        id="style-tiny",
    ),
    x(
        lambda: lg.format_figure(USD, places=1.5),
        lg.FigureError,
        "whole number of places",
        id="format-places-float",
    ),
    x(
        lambda: lg.format_figure(USD, places=10**9),
        lg.FigureError,
        "at most 120",
        id="format-places-huge",
    ),
    x(
        lambda: lg.format_figure(USD, digits=0),
        lg.LocaleError,
        "digits=0",
        "1 to 60",
        id="digits-zero",
    ),
    x(lambda: lg.format_figure(USD, digits="3"), lg.LocaleError, "digits='3'", id="digits-text"),
    x(lambda: lg.format_figure(USD, digits=10**9), lg.LocaleError, "1 to 60", id="digits-huge"),
    x(lambda: lg.format_figure("abc"), lg.AmountError, "'abc' is not an amount", id="fmt-text"),
    x(
        lambda: lg.format_money("5 person"),
        lg.AmountError,
        "'person' is not money",
        "a stock or a flow",
        id="format-money-people",
    ),
    x(lambda: lg.format_money("5"), lg.AmountError, "is not money", id="format-money-number"),
    x(lambda: lg.format_money(USD), lg.AmountError, "is not an amount", id="format-money-figure"),
    x(lambda: lg.format_money("5 USD", "xx_YY"), lg.LocaleError, NOT_CLDR, id="money-xx_YY"),
    x(
        lambda: lg.format_money("5 USD", style=["compact"]),
        lg.LocaleError,
        "is not known",
        "accepted: compact, full, long",
        id="format-money-style-list",
    ),
    x(lambda: lg.format_ratio(USD, "xx_YY"), lg.LocaleError, NOT_CLDR, id="ratio-xx_YY"),
    x(lambda: lg.describe(None), lg.LedgerError, "takes a net balance", id="describe-None"),
    x(lambda: lg.describe(USD), lg.LedgerError, "not Figure", id="describe-figure"),
    x(lambda: lg.describe(BALANCE, "xx_YY"), lg.LocaleError, NOT_CLDR, id="describe-xx_YY"),
    x(lambda: lg.party_name(None), lg.LedgerError, "is not a party", id="party-name-None"),
    x(lambda: lg.party_name(5), lg.LedgerError, "party 5 is not a party", id="party-name-int"),
    x(lambda: lg.party_name("TJ", "xx_YY"), lg.LocaleError, NOT_CLDR, id="party-name-xx_YY"),
    x(
        lambda: lg.party_name("TJ", names=5),
        lg.LedgerError,
        "names must be a dict",
        id="party-names-int",
    ),
    x(lambda: label("nope"), lg.LedgerError, "no label 'nope'", id="label-unknown"),
    # -- netting, conversion, ratios ----------------------------------------------------------
    x(
        lambda: net(as_of="2004-03-15"),
        lg.LedgerError,
        "as_of",
        id="net-as-of-text",
    ),
    x(
        lambda: net(as_of=20040315),
        lg.LedgerError,
        "as_of",
        id="net-as-of-int",
    ),
    x(
        lambda: net(as_of=datetime(2004, 3, 15, 12)),
        lg.LedgerError,
        "as_of",
        id="net-as-of-datetime",
    ),
    x(
        lambda: net(debtor="RU"),
        lg.LedgerError,
        "both 'RU'",
        id="net-same-party",
    ),
    x(
        lambda: net(debtor="tj"),
        lg.LedgerError,
        "upper-case: 'TJ'",
        id="net-party-case",
    ),
    x(lambda: net(currency="usd"), lg.AmountError, "upper-case: 'USD'", id="net-currency-case"),
    x(lambda: net(currency="XYZ"), lg.AmountError, "'XYZ' is not an ISO 4217", id="net-XYZ"),
    x(
        lambda: net(convert_to="RUB"),
        lg.RateError,
        "no USD/RUB rate in force on 2004-03-15",
        "Add a Rate entry",
        id="net-no-rate",
    ),
    x(lambda: net(convert_to="xyz"), lg.AmountError, "'xyz' is not an ISO 4217", id="net-xyz"),
    x(
        lambda: net(statuses="forgiven"),
        lg.LedgerError,
        "'forgiven'",
        id="net-status-unknown",
    ),
    x(
        lambda: lg.net_balance(None, "TJ", "RU"),
        lg.LedgerError,
        "ledger",
        id="net-no-book",
    ),
    x(
        lambda: lg.net_positions(BOOK, as_of="x"),
        lg.LedgerError,
        "as_of",
        id="positions-as-of-text",
    ),
    x(
        lambda: lg.net_positions(BOOK, as_of=DAY, convert_to="XYZ"),
        lg.LedgerError,
        "'XYZ' is not an ISO 4217",
        id="positions-XYZ",
    ),
    x(
        lambda: lg.settle(BOOK, as_of="x"),
        lg.LedgerError,
        "as_of",
        id="settle-as-of-text",
    ),
    x(
        lambda: lg.outstanding(None),
        lg.LedgerError,
        "claim",
        id="outstanding-None",
    ),
    x(
        lambda: lg.outstanding(BUDGET_ENTRY),
        lg.LedgerError,
        "claim",
        id="outstanding-budget",
    ),
    x(
        lambda: lg.convert(USD, "RUB", rates=BOOK, on=DAY),
        lg.RateError,
        "no USD/RUB rate in force on 2004-03-15",
        id="convert-no-rate",
    ),
    x(
        lambda: lg.convert("5 person", "USD", rates=BOOK, on=DAY),
        lg.RateError,
        "is not an amount of money",
        id="convert-people",
    ),
    x(
        lambda: lg.convert(0.5, "RUB", rates=BOOK, on=DAY),
        lg.AmountError,
        FLOAT,
        id="convert-float",
    ),
    x(
        lambda: lg.convert(USD, "RUB", rates=None, on=DAY),
        lg.LedgerError,
        "rates",
        id="convert-rates-None",
    ),
    x(
        lambda: lg.convert(USD, "RUB", rates=BOOK, on="2004-03-15"),
        lg.LedgerError,
        "date",
        id="convert-on-text",
    ),
    x(
        lambda: lg.convert(USD, None, rates=BOOK, on=DAY),
        lg.LedgerError,
        "ISO 4217",
        id="convert-to-None",
    ),
    x(
        lambda: lg.remittances_to_budget(BOOK, "RU", as_of=DAY),
        lg.MissingFigureError,
        "no remittances for RU dated on or before 2004-03-15",
        id="no-remittances",
    ),
    x(
        lambda: lg.remittances_to_budget(BOOK, "TJ", as_of=date(1990, 1, 1)),
        lg.MissingFigureError,
        "on or before 1990-01-01",
        id="remittances-too-early",
    ),
    x(
        lambda: lg.debt_to_budget(BOOK, "RU", as_of=DAY),
        lg.MissingFigureError,
        "no budget for RU",
        id="no-budget",
    ),
    x(
        lambda: lg.per_migrant(BOOK, "RU", as_of=DAY),
        lg.MissingFigureError,
        "RU",
        id="per-migrant-no-remittances",
    ),
    x(
        lambda: lg.remittances_to_budget(BOOK, None, as_of=DAY),
        lg.LedgerError,
        "party",
        id="ratio-party-None",
    ),
    x(
        lambda: lg.remittances_to_budget(BOOK, "TJ", as_of="2004"),
        lg.LedgerError,
        "as_of",
        id="ratio-as-of-text",
    ),
    # -- ledgers and their files --------------------------------------------------------------
    x(lambda: lg.loads(5), lg.LedgerError, "a str or UTF-8 bytes, not int", id="loads-int"),
    x(lambda: lg.loads(None), lg.LedgerError, "not NoneType", id="loads-None"),
    x(lambda: lg.loads(["x"]), lg.LedgerError, "not list", id="loads-list"),
    x(
        lambda: lg.loads(bytearray(b"\xff")),
        lg.LedgerFileError,
        "not UTF-8 text",
        id="loads-bytearray",
    ),
    x(
        lambda: lg.loads("x = 1", format="yaml"),
        lg.LedgerError,
        "format 'yaml' is not known",
        "accepted: 'toml', 'json'",
        id="loads-yaml",
    ),
    x(
        lambda: lg.load(None),
        lg.LedgerError,
        "path",
        id="load-None",
    ),
    x(
        lambda: lg.load(5),
        lg.LedgerError,
        "path",
        id="load-int",
    ),
    x(
        lambda: lg.load("a\x00.toml"),
        lg.LedgerFileError,
        "cannot read",
        id="load-nul-in-path",
    ),
    x(
        lambda: lg.load("ledger.yaml"),
        lg.LedgerFileError,
        "unknown file type '.yaml'",
        "accepted: .toml, .json",
        id="load-yaml",
    ),
    x(
        lambda: lg.load("/no/such/file.toml"),
        lg.LedgerFileError,
        "cannot read",
        "No such file or directory",
        id="load-missing",
    ),
    x(
        lambda: lg.from_data(5),
        lg.LedgerFileError,
        "the top level must be a table",
        id="from-data-int",
    ),
    x(
        lambda: lg.from_data({"entries": [{"kind": "claim"}]}),
        lg.LedgerFileError,
        "entries[0]: id: missing; this field is required",
        id="from-data-bare-claim",
    ),
    x(
        lambda: lg.Ledger([5]),
        lg.LedgerFileError,
        "entries[0]: int 5 is not a table",
        id="ledger-of-ints",
    ),
    x(
        lambda: lg.Ledger([], parties=5),
        lg.LedgerFileError,
        "parties: must be a table",
        id="ledger-parties-int",
    ),
    x(
        lambda: lg.Ledger([], parties={"imf": "IMF"}),
        lg.LedgerFileError,
        "party 'imf' is not",
        id="ledger-parties-bad",
    ),
    x(
        lambda: lg.Ledger(5),
        lg.LedgerError,
        "entries",
        id="ledger-int",
    ),
    x(
        lambda: lg.Ledger([], title=5),
        lg.LedgerError,
        "title",
        id="ledger-title-int",
    ),
    x(
        lambda: BOOK + BOOK["ru-claims-tajik-debt"],
        lg.LedgerFileError,
        "ids must be unique",
        id="ledger-plus-duplicate",
    ),
    x(
        lambda: BOOK["nope"],
        lg.LedgerError,
        "no entry with id 'nope'",
        id="ledger-unknown-id",
    ),
    x(
        lambda: BOOK.claims(as_of="2004-03-15"),
        lg.LedgerError,
        "as_of",
        id="claims-as-of-text",
    ),
    x(lambda: BOOK.dumps("yaml"), lg.LedgerError, "format 'yaml' is not known", id="dumps-yaml"),
    x(
        lambda: BOOK.save("ledger.yaml"),
        lg.LedgerError,
        "unknown file type '.yaml'",
        id="save-yaml",
    ),
    # -- entries built in code ----------------------------------------------------------------
    x(
        lambda: new_claim(debtor="RU"),
        lg.LedgerFileError,
        "claim (ru-claim)",
        "creditor and debtor are both 'RU'",
        id="claim-same-parties",
    ),
    x(
        lambda: new_claim(amount="300 million USD/year"),
        lg.LedgerFileError,
        "amount",
        "is not a stock",
        id="claim-flow",
    ),
    x(
        lambda: new_claim(amount={"low": "1 USD", "high": "2 RUB"}),
        lg.LedgerFileError,
        "amount",
        "one figure has one unit",
        id="claim-bounds-two-currencies",
    ),
    x(
        lambda: new_claim(source="rferl"),
        lg.LedgerFileError,
        "source: str 'rferl' is not a source",
        "lg.Source(",
        id="claim-source-text",
    ),
    x(
        lambda: new_claim(as_of="2004-02-30"),
        lg.LedgerFileError,
        "as_of",
        "day is out of range",
        id="claim-feb-30",
    ),
    x(
        lambda: new_claim(as_of=None),
        lg.LedgerFileError,
        "as_of: null is not a date",
        id="claim-date-None",
    ),
    x(
        lambda: new_claim(kind="budget"),
        lg.LedgerFileError,
        "kind",
        "(given 'budget')",
        id="claim-kind-budget",
    ),
    x(
        lambda: new_claim(amount=None),
        lg.LedgerFileError,
        "amount: null is not a figure",
        id="claim-amount-None",
    ),
    x(
        lambda: new_claim(amount=0.1),
        lg.LedgerFileError,
        "float 0.1 is not accepted",
        id="claim-amount-float",
    ),
    x(
        lambda: new_claim(id="Bad Id"),
        lg.LedgerFileError,
        "id: 'Bad Id' is not a slug",
        id="claim-bad-id",
    ),
    x(
        lambda: new_claim(status="forgiven"),
        lg.LedgerFileError,
        "status",
        STATUSES,
        id="claim-status",
    ),
    x(
        lambda: new_claim(extra="x"),
        lg.LedgerFileError,
        "extra: unknown field",
        id="claim-unknown-field",
    ),
    x(
        lambda: new_claim(creditor="ru"),
        lg.LedgerFileError,
        "creditor",
        "upper-case: 'RU'",
        id="claim-party-case",
    ),
    x(
        lambda: lg.Source(publisher="", title="t", date=DAY),
        lg.LedgerFileError,
        "source: publisher: empty text is not accepted",
        id="source-empty-publisher",
    ),
    x(
        lambda: lg.Source(publisher="p", title="t", date="x"),
        lg.LedgerFileError,
        "source: date: 'x' is not a date",
        id="source-bad-date",
    ),
    x(
        lambda: lg.Source(publisher="p", title="t"),
        lg.LedgerFileError,
        "date: missing",
        id="source-no-date",
    ),
    x(
        lambda: lg.Rate(id="r", **COMMON, rate=28.81),
        lg.LedgerFileError,
        "rate (r): rate",
        "float 28.81 is not accepted",
        id="rate-float",
    ),
    x(
        lambda: lg.Rate(id="r", **COMMON, rate="0 RUB/USD"),
        lg.LedgerFileError,
        "must be positive",
        id="rate-zero",
    ),
    x(
        lambda: lg.Rate(id="r", **COMMON, rate="28 RUB"),
        lg.LedgerFileError,
        "is not an exchange rate",
        id="rate-no-base",
    ),
    x(
        lambda: new_remittance(origin=5),
        lg.LedgerFileError,
        "origin",
        "is not a party nor a list of parties",
        id="remittance-origin-int",
    ),
    x(
        lambda: new_remittance(origin=[]),
        lg.LedgerFileError,
        "origin: names no party",
        id="remittance-no-origin",
    ),
    x(
        lambda: new_remittance(origin=["RU", "RU"]),
        lg.LedgerFileError,
        "more than once",
        id="remittance-origin-twice",
    ),
    x(
        lambda: new_remittance(migrants="1 USD"),
        lg.LedgerFileError,
        "not a count of people",
        id="remittance-migrants-dollars",
    ),
    x(
        lambda: lg.Settlement(id="s", **COMMON, claim="c", amount="5 USD", method="gift"),
        lg.LedgerFileError,
        "method",
        "(given 'gift')",
        id="settlement-method",
    ),
    x(
        lambda: new_budget(fiscal_year=-5),
        lg.LedgerFileError,
        "-5 is not a year",
        id="budget-year-negative",
    ),
    x(
        lambda: new_budget(fiscal_year="2004"),
        lg.LedgerFileError,
        "is not a whole number",
        id="budget-year-text",
    ),
    x(lambda: new_budget(amount="300 USD"), lg.LedgerFileError, "is not a flow", id="budget-stock"),
]


@pytest.mark.parametrize(("call", "error", "what"), ARGUMENTS)
def test_a_bad_argument_is_refused_by_the_library(call, error, what):
    with pytest.raises(error) as caught:
        call()
    # The library's own error; a plain TypeError only where the docs promise one ('<').
    assert isinstance(caught.value, lg.LedgerError) or "'<'" in str(caught.value)
    message = str(caught.value)
    for word in what:
        assert word in message, message


# =============================================================================================
# 4. Command lines
# =============================================================================================

RATE_TOML = """
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


@pytest.fixture(scope="module")
def paths(tmp_path_factory):
    """The files the command lines read, by name: good ones and hostile ones."""
    folder = tmp_path_factory.mktemp("hostile")
    good = BOOK.dumps("toml")
    written = {
        "ok.toml": good,
        "rate.toml": good + RATE_TOML,
        "bom.toml": "\ufeff" + good,
        "json-named.toml": BOOK.dumps("json"),
        "toml-named.json": good,
        "empty.toml": "",
        "null-date.json": jclaim(as_of="null"),
        "true-amount.json": jclaim(amount="true"),
        "two-units.toml": claim(amount=None, low='"300 USD"', high='"400 RUB"'),
        "same-parties.toml": claim(debtor='"RU"'),
        "ledger.yaml": good,
        "no-suffix": good,
    }
    for name, text in written.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "binary.toml").write_bytes(bytes(range(256)))
    (folder / "latin-1.toml").write_bytes('title = "caf\xe9"\n'.encode("latin-1"))
    (folder / "utf-16.json").write_bytes(BOOK.dumps("json").encode("utf-16"))
    (folder / "folder.toml").mkdir()
    found = {name.replace("-", "_").replace(".", "_"): str(folder / name) for name in written}
    found.update(
        binary_toml=str(folder / "binary.toml"),
        latin_1_toml=str(folder / "latin-1.toml"),
        utf_16_json=str(folder / "utf-16.json"),
        folder_toml=str(folder / "folder.toml"),
        folder=str(folder),
        missing_toml=str(folder / "missing.toml"),
    )
    return found


def c(args, code, *what, marks=(), id):
    """A bad command line: it must exit with ``code`` and say ``what`` on stderr."""
    return pytest.param(args, code, what, marks=marks, id=id)


USAGE, INVALID = 2, 1
OK = "{ok_toml}"
WITH_RATE = "{rate_toml}"
NOT_A_DATE = "is not a date; write YYYY-MM-DD"

COMMANDS = [
    # -- usage --------------------------------------------------------------------------------
    c([], USAGE, "usage: debt-ledger", "required: COMMAND", id="no-command"),
    c(["nonsense"], USAGE, "invalid choice: 'nonsense'", "summary", id="unknown-command"),
    c(["--nonsense"], USAGE, "usage: debt-ledger", id="unknown-flag-alone"),
    c(["summary", "--nonsense"], USAGE, "unrecognized arguments: --nonsense", id="unknown-flag"),
    c(["summary", OK, OK], USAGE, "unrecognized arguments", id="two-files"),
    c(["schema", "--nonsense"], USAGE, "unrecognized arguments: --nonsense", id="schema-flag"),
    c(["validate"], USAGE, "required: file", id="validate-no-file"),
    c(["net", OK, "TJ"], USAGE, "required: creditor", id="net-one-party"),
    c(["summary", "--locale"], USAGE, "--locale: expected one argument", id="locale-no-value"),
    c(
        ["net", OK, "TJ", "RU", "--as-of", "2004-02-30"],
        USAGE,
        "'2004-02-30'",
        NOT_A_DATE,
        id="as-of-feb-30",
    ),
    c(["net", OK, "TJ", "RU", "--as-of", "04/03/2004"], USAGE, NOT_A_DATE, id="as-of-slashes"),
    c(["net", OK, "TJ", "RU", "--as-of", "2004-3-1"], USAGE, NOT_A_DATE, id="as-of-short"),
    c(
        ["net", OK, "TJ", "RU", "--as-of", "20040315"],
        USAGE,
        "'20040315'",
        NOT_A_DATE,
        id="as-of-basic-format",
    ),
    c(["net", OK, "TJ", "RU", "--as-of", "2004-W11-1"], USAGE, NOT_A_DATE, id="as-of-week"),
    c(
        ["net", OK, "TJ", "RU", "--as-of", "2004-03-15T00:00"],
        USAGE,
        NOT_A_DATE,
        id="as-of-with-time",
    ),
    c(["net", OK, "TJ", "RU", "--as-of", "March"], USAGE, "'March'", NOT_A_DATE, id="as-of-word"),
    c(
        ["convert", WITH_RATE, "300 USD", "RUB", "--on", "tomorrow"],
        USAGE,
        "'tomorrow'",
        NOT_A_DATE,
        id="on-word",
    ),
    # -- files --------------------------------------------------------------------------------
    c(
        ["summary", "{missing_toml}"],
        INVALID,
        "missing.toml: cannot read: No such file",
        id="missing-file",
    ),
    c(
        ["summary", "{folder_toml}"],
        INVALID,
        "folder.toml: cannot read: Is a directory",
        id="directory-as-file",
    ),
    c(
        ["validate", "{folder}"],
        INVALID,
        "unknown file type ''; accepted: .toml, .json",
        id="directory-without-suffix",
    ),
    c(
        ["validate", "{json_named_toml}"],
        INVALID,
        "not valid TOML",
        "it reads as JSON",
        id="json-named-toml",
    ),
    c(
        ["validate", "{toml_named_json}"],
        INVALID,
        "not valid JSON",
        "it reads as TOML",
        id="toml-named-json",
    ),
    c(["validate", "{binary_toml}"], INVALID, "binary.toml: not UTF-8 text", id="binary-file"),
    c(["validate", "{latin_1_toml}"], INVALID, "not UTF-8 text", id="latin-1-file"),
    c(["validate", "{utf_16_json}"], INVALID, "not UTF-8 text", id="utf-16-file"),
    c(
        ["validate", "{bom_toml}"],
        INVALID,
        "bom.toml: the text starts with a byte order mark",
        id="bom-file",
    ),
    c(["validate", "{empty_toml}"], INVALID, "empty.toml: the file is empty", id="empty-file"),
    c(
        ["validate", "{null_date_json}"],
        INVALID,
        "entries[0] (ru-claim): as_of: null is not a date",
        id="null-date",
    ),
    c(
        ["validate", "{true_amount_json}"],
        INVALID,
        "amount: boolean true is not accepted",
        id="true-amount",
    ),
    c(
        ["validate", "{two_units_toml}"],
        INVALID,
        "entries[0] (ru-claim): amount",
        "one figure has one unit",
        id="two-units-in-one-figure",
    ),
    c(
        ["summary", "{same_parties_toml}"],
        INVALID,
        "creditor and debtor are both 'RU'",
        id="same-parties-file",
    ),
    c(
        ["validate", "{ledger_yaml}"],
        INVALID,
        "unknown file type '.yaml'; accepted: .toml, .json",
        id="yaml-file",
    ),
    c(["validate", "{no_suffix}"], INVALID, "unknown file type ''", id="no-suffix"),
    c(["validate", "-"], INVALID, "unknown file type ''", id="stdin-dash"),
    # -- locales, parties, currencies ---------------------------------------------------------
    c(
        ["summary", "--locale", "xx_YY"],
        INVALID,
        "locale 'xx_YY' is not known to CLDR",
        "'en_US'",
        id="locale-xx_YY",
    ),
    c(["summary", "--locale", ""], INVALID, "locale '' is not a locale code", id="locale-empty"),
    c(
        ["net", OK, "TJ", "RU", "--locale", "../../etc"],
        INVALID,
        "is not known to CLDR",
        id="locale-path",
    ),
    c(["net", OK, "TJ", "TJ"], INVALID, "debtor and creditor are both 'TJ'", id="net-same-party"),
    c(["net", OK, "tj", "RU"], INVALID, "codes are upper-case: 'TJ'", id="net-party-case"),
    c(
        ["net", OK, "TJ", "US"],
        INVALID,
        "party 'US' appears in no entry",
        "KZ, RU, TJ",
        id="net-party-absent",
    ),
    c(["net", OK, "", "RU"], INVALID, "party '' is not an ISO 3166", id="net-party-empty"),
    c(
        ["net", OK, "TJ", "RU", "--currency", "XYZ"],
        INVALID,
        "--currency 'XYZ' is not an ISO 4217 code",
        id="net-currency-XYZ",
    ),
    c(
        ["net", OK, "TJ", "RU", "--currency", "usd"],
        INVALID,
        "currency codes are upper case: USD",
        id="net-currency-case",
    ),
    c(
        ["net", OK, "TJ", "RU", "--currency", ""],
        INVALID,
        "--currency '' is not an ISO 4217",
        id="net-currency-empty",
    ),
    c(
        ["net", OK, "TJ", "RU", "--convert-to", "rub"],
        INVALID,
        "currency codes are upper case: RUB",
        id="net-convert-case",
    ),
    c(
        ["net", OK, "TJ", "RU", "--convert-to", "RUB", "--as-of", "2004-03-15"],
        INVALID,
        "no USD/RUB rate in force on 2004-03-15",
        id="net-convert-no-rate",
    ),
    c(
        ["positions", OK, "--convert-to", "XYZ"],
        INVALID,
        "--convert-to 'XYZ' is not an ISO 4217",
        id="positions-convert-XYZ",
    ),
    c(
        ["settle", OK, "--convert-to", ""],
        INVALID,
        "--convert-to '' is not an ISO 4217",
        id="settle-convert-empty",
    ),
    c(["ratios", OK, "XX"], INVALID, "party 'XX' is not an ISO 3166", id="ratios-XX"),
    c(["ratios", OK, "org:imf"], INVALID, "party 'org:imf' appears in no entry", id="ratios-org"),
    c(["ratios", OK, "RU"], INVALID, "no ratio can be computed for Russia", id="ratios-no-budget"),
    # -- convert, with amounts ----------------------------------------------------------------
    c(["convert", WITH_RATE, "", "RUB"], INVALID, "'' is not an amount", id="convert-empty"),
    c(
        ["convert", WITH_RATE, "1e999999999 USD", "RUB"],
        INVALID,
        "'1e999999999 USD' is not an amount",
        id="convert-huge-exponent",
    ),
    c(["convert", WITH_RATE, "1e30 USD", "RUB"], INVALID, "is too large", id="convert-1e30"),
    c(
        ["convert", WITH_RATE, "nan USD", "RUB"],
        INVALID,
        "'nan USD' is not an amount",
        id="convert-nan",
    ),
    c(
        ["convert", WITH_RATE, "--5 USD", "RUB"],
        INVALID,
        "is not an amount",
        id="convert-double-minus",
    ),
    c(
        ["convert", WITH_RATE, "300 USD USD", "RUB"],
        INVALID,
        "multiplies currencies",
        id="convert-USD-USD",
    ),
    c(["convert", WITH_RATE, "300 usd", "RUB"], INVALID, "upper-case: 'USD'", id="convert-usd"),
    c(
        ["convert", WITH_RATE, "three hundred", "RUB"],
        INVALID,
        "is not an amount",
        id="convert-words",
    ),
    c(
        ["convert", WITH_RATE, "0.1", "RUB"],
        INVALID,
        "0.1 is not an amount of money",
        id="convert-number",
    ),
    c(
        ["convert", WITH_RATE, "5 person", "RUB"],
        INVALID,
        "is not an amount of money",
        id="convert-people",
    ),
    c(
        ["convert", WITH_RATE, "300 USD", "xyz"],
        INVALID,
        "currency 'xyz' is not an ISO 4217",
        id="convert-to-xyz",
    ),
    c(
        ["convert", WITH_RATE, "300 USD", ""],
        INVALID,
        "currency '' is not an ISO 4217",
        id="convert-to-empty",
    ),
    c(
        ["convert", WITH_RATE, "300 USD", "RUB", "--on", "2004-03-14"],
        INVALID,
        "no USD/RUB rate in force on 2004-03-14",
        "rate-2004 from 2004-03-15",
        id="convert-before-the-rate",
    ),
    c(
        ["convert", OK, "300 USD", "RUB", "--on", "2004-03-15"],
        INVALID,
        "no USD/RUB rate",
        "Add a Rate entry",
        id="convert-no-rate",
    ),
]


@pytest.mark.parametrize(("args", "code", "what"), COMMANDS)
def test_a_bad_command_line_gets_words_not_a_traceback(args, code, what, paths, capsys):
    argv = [arg.format(**paths) for arg in args]
    exit_code = main(argv)
    out, err = capsys.readouterr()
    assert exit_code == code, err
    assert out == "", "nothing on stdout when refused"
    for word in what:
        assert word in err, err
    check_words(err)


#: The installed script, as a user runs it (``python -m ledger`` where it is not installed).
SCRIPT = Path(sys.executable).with_name("debt-ledger")
COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "ledger"]


@pytest.mark.parametrize(
    ("args", "what"),
    [
        pytest.param(["validate", "{bom_toml}"], "byte order mark", id="bom"),
        pytest.param(["validate", "{json_named_toml}"], "it reads as JSON", id="json-as-toml"),
        pytest.param(["summary", "{folder_toml}"], "Is a directory", id="directory"),
        pytest.param(["validate", "{binary_toml}"], "not UTF-8 text", id="binary"),
        pytest.param(["summary", "--locale", "xx_YY"], "not known to CLDR", id="locale"),
        pytest.param(["net", OK, "TJ", "RU", "--as-of", "20040315"], NOT_A_DATE, id="date"),
        pytest.param(
            ["convert", WITH_RATE, "1e999999999 USD", "RUB"], "is not an amount", id="convert"
        ),
    ],
)
def test_the_installed_command_refuses_in_words(args, what, paths):
    done = subprocess.run(
        [*COMMAND, *(arg.format(**paths) for arg in args)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode in (USAGE, INVALID), done.stderr
    assert done.stdout == ""
    assert what in done.stderr
    check_words(done.stderr)
