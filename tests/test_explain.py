"""What explain(), str() and repr() of results say, whole, for real figures: the lines a
reader checks against the sources. Each expected text is written out by hand from the
bundled RFE/RL figures (and a small ledger below), not taken from the code under test."""

from datetime import date

from fixtures import example_with_rate

import ledger as lg

DAY = date(2004, 3, 15)
RFERL = "(RFE/RL, 2004-03-15)"
DEBT = '"Russia says Tajikistan owes some $300 million to Moscow."'
NUREK = (
    '"Tajikistan says Russia owes Dushanbe $50 million for use of the observatory built in '
    'the high Tajik mountains near Nurek."'
)
BUDGET = '"the country\'s annual national budget of $300 million"'
RATE = "28.81 RUB/USD (rate rate-2004-03-15, spot from 2004-03-15, debt-ledger documentation)"

WRITTEN_OFF = """
[sources.s]
publisher = "Pub"
title = "Doc"
date = 2012-09-20

[[entries]]
kind = "claim"
id = "ru-kg"
as_of = 2012-09-20
source = "s"
creditor = "RU"
debtor = "KG"
asserted_by = "RU"
amount = "489 million USD"
qualifier = "about"
status = "written_off"

[[entries]]
kind = "claim"
id = "kg-ru"
as_of = 2012-09-20
source = "s"
creditor = "KG"
debtor = "RU"
asserted_by = "KG"
amount = "10 million USD"
"""


def test_a_net_balance_explains_each_claim_with_its_sign_source_and_words():
    balance = lg.net_balance(lg.example(), "TJ", "RU", as_of=DAY)
    assert balance.explain().splitlines() == [
        "TJ owes RU, net, as of 2004-03-15: about 250000000 USD",
        "  + about 300000000 USD  ru-claims-tajik-debt: RU's claim on TJ, asserted by RU",
        f"      {DEBT} {RFERL}",
        "  - 50000000 USD  tj-counterclaim-nurek: TJ's claim on RU, asserted by TJ, counter to "
        "ru-claims-tajik-debt",
        f"      {NUREK} {RFERL}",
        "  = about 250000000 USD",
    ]


def test_a_written_off_claim_is_listed_as_counting_zero_and_says_why():
    balance = lg.net_balance(lg.loads(WRITTEN_OFF), "KG", "RU", as_of=date(2013, 1, 1))
    assert balance.explain().splitlines() == [
        # Asked what KG owes RU, the answer is RU owes KG: never a negative amount owed.
        "RU owes KG, net, as of 2013-01-01: 10000000 USD",
        "  - 0 USD  ru-kg: RU's claim on KG, asserted by RU, status written_off: counts as zero",
        "      (Pub, 2012-09-20)",
        "      as asserted: about 489000000 USD",
        "  + 10000000 USD  kg-ru: KG's claim on RU, asserted by KG",
        "      (Pub, 2012-09-20)",
        "  = 10000000 USD",
    ]


def test_transfers_print_who_pays_whom_or_none():
    assert repr(lg.settle(lg.example(), as_of=DAY)) == (
        "<Transfers: TJ pays RU about 250000000 USD>"
    )
    assert repr(lg.settle(lg.example(), as_of=date(2000, 1, 1))) == "<Transfers: none>"


def test_a_conversion_shows_the_rate_its_source_and_its_day():
    book = example_with_rate()
    there = lg.convert(lg.Figure.of("300 million USD", "about"), "RUB", rates=book, on=DAY)
    assert there.explain() == f"about 300000000 USD × {RATE} = about 8640000000 RUB"
    assert str(there) == "about 8640000000 RUB"
    back = lg.convert(lg.Figure.of("8640 million RUB"), "USD", rates=book, on=DAY)
    assert back.explain() == f"8640000000 RUB ÷ {RATE} = about 299895869.5 USD"
    same = lg.convert(lg.Figure.of("5 USD"), "USD", rates=book, on=DAY)
    assert same.explain() == "5 USD (already in USD)"
    assert str(same) == "5 USD"


def test_a_ratio_explains_both_sides_with_their_sources():
    ratio = lg.debt_to_budget(lg.example(), "TJ", as_of=DAY)
    assert ratio.explain().splitlines() == [
        "debt to budget for TJ, as of 2004-03-15: about 1 year",
        "  debt: about 300000000 USD",
        f"      ru-claims-tajik-debt: {DEBT} {RFERL}",
        "  budget: 300000000 USD/year",
        f"      tajik-national-budget: {BUDGET} {RFERL}",
        "  = about 300000000 USD / 300000000 USD/year = about 1 year",
    ]
    assert str(ratio) == "debt to budget for TJ: about 1 year"


def test_a_net_ratio_names_both_claims_and_keeps_more_than():
    net = lg.debt_to_budget(lg.example(), "TJ", as_of=DAY, net=True)
    assert net.explain().splitlines()[:4] == [
        "debt to budget for TJ, as of 2004-03-15: about 0.833 year",
        "  net debt: about 250000000 USD",
        f"      ru-claims-tajik-debt: {DEBT} {RFERL}",
        f"      tj-counterclaim-nurek: {NUREK} {RFERL}",
    ]
    sent = lg.remittances_to_budget(lg.example(), "TJ", as_of=DAY)
    assert str(sent) == "remittances to budget for TJ: more than 1"
    assert sent.explain().splitlines()[-1] == (
        "  = more than 300000000 USD/year / 300000000 USD/year = more than 1"
    )
