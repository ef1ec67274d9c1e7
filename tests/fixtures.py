"""Ledgers the tests share (kept out of the library's code)."""

from datetime import date

import ledger as lg


def example_with_rate():
    """The bundled example with one illustrative rouble rate added; the seed gives none."""
    made_up = lg.Source(
        publisher="debt-ledger documentation", title="Illustrative rate", date=date(2004, 3, 15)
    )
    rate = lg.Rate(
        id="rate-2004-03-15",
        as_of=date(2004, 3, 15),
        source=made_up,
        rate="28.81 RUB/USD",
        note="illustrative, not a sourced rate",
    )
    return lg.example() + rate


_HEAD = """
[sources.s]
publisher = "Pub"
title = "Doc"
date = 2010-01-01
"""


def claims_ledger(*claims):
    """A ledger of claims dated 2010-01-01, each (id, creditor, debtor, amount text) or
    (id, creditor, debtor, amount text, asserted by, status); by default the creditor
    asserts it and its status is 'asserted'."""
    text = _HEAD
    for entry_id, creditor, debtor, amount, *rest in claims:
        by, status = rest or (creditor, "asserted")
        text += f"""
[[entries]]
kind = "claim"
id = "{entry_id}"
as_of = 2010-01-01
source = "s"
creditor = "{creditor}"
debtor = "{debtor}"
asserted_by = "{by}"
amount = "{amount}"
status = "{status}"
"""
    return lg.loads(text)
