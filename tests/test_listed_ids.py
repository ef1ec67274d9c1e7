"""A refusal naming many competing entries names a few and counts the rest (a user check:
not-answered lines of 1,635 characters, each listing 51 ids)."""

from datetime import date

import ledger as lg

SOURCE = lg.Source(publisher="p", title="t", date=date(2024, 1, 1))


def _budgets(n: int) -> lg.Ledger:
    return lg.Ledger(
        [
            lg.Budget(
                id=f"b{i:02d}",
                as_of=date(2024, 1, 1),
                source=SOURCE,
                party="KG",
                amount=f"{100 + i} million USD/year",
                fiscal_year=2024,
            )
            for i in range(n)
        ]
    )


def test_fifty_competing_entries_are_named_six_and_counted():
    refusal = None
    try:
        lg.series(_budgets(51), "KG", "budget", years=[2024])
    except lg.LedgerError as error:
        refusal = error
    assert refusal is not None
    said = str(refusal)
    assert "b00" in said and "b05" in said and "b06" not in said and "b50" not in said, said
    assert "… (+45)" in said, said
    assert len(said) < 400, said


def test_six_or_fewer_are_all_named():
    refusal = None
    try:
        lg.series(_budgets(6), "KG", "budget", years=[2024])
    except lg.LedgerError as error:
        refusal = error
    assert refusal is not None
    assert all(f"b{i:02d}" in str(refusal) for i in range(6))
    assert "…" not in str(refusal)
