"""English writes the possessive of a name ending in s with an apostrophe alone ("United Arab
Emirates' claim"); a user check read "Falkland Islands's" 3,363 times in one summary."""

from datetime import date

import ledger as lg

SOURCE = lg.Source(publisher="p", title="t", date=date(2024, 1, 1))


def _claim(creditor: str, debtor: str) -> lg.Claim:
    return lg.Claim(
        id="c1",
        as_of=date(2024, 1, 1),
        source=SOURCE,
        creditor=creditor,
        debtor=debtor,
        asserted_by=creditor,
        amount="100 USD",
    )


def test_a_name_ending_in_s_takes_an_apostrophe_alone():
    balance = lg.net_balance(lg.Ledger([_claim("AE", "FK")]), "FK", "AE", as_of=date(2024, 2, 1))
    text = lg.describe(balance)
    assert "United Arab Emirates' claim of $100" in text, text
    assert "Emirates's" not in text


def test_other_names_keep_their_s():
    balance = lg.net_balance(lg.Ledger([_claim("RU", "FK")]), "FK", "RU", as_of=date(2024, 2, 1))
    assert "Russia's claim of $100" in lg.describe(balance)
