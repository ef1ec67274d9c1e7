"""What ``mypy --strict`` tells a user's script: public names are typed, wrong types are caught.

One mypy run over a small script (about ten seconds); skipped where mypy is not installed
(it comes with the ``dev`` extra, which CI installs).
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

api = pytest.importorskip("mypy.api")

# Each line marked ``# E: words`` must draw an error holding those words; unmarked lines none.
SCRIPT = textwrap.dedent(
    """
    from decimal import Decimal

    import ledger as lg
    from ledger import Transfers  # E: has no attribute "Transfers"

    wrong_money: int = lg.money("3", "USD")  # E: "PlainQuantity[Decimal]"
    wrong_unit: int = lg.ureg.USD  # E: "Unit", variable has type "int"
    wrong_made: int = lg.ureg.Quantity(Decimal(3), "USD")  # E: "Quantity[Decimal]"
    wrong_frame: int = lg.example().to_frame()  # E: "DataFrame"
    lg.NoSuchName  # E: has no attribute "NoSuchName"
    wrong_figure: int = lg.Figure.of("3 USD")  # E: "Figure"
    wrong_balance: str = lg.net_balance(lg.example(), "TJ", "RU")  # E: "NetBalance"
    float_figure = lg.Figure.of(5.0)  # E: incompatible type "float"
    float_money = lg.money(3.5, "USD")  # E: incompatible type "float"
    float_ratio = lg.ratio(1.5, lg.Figure.of("2 USD"))  # E: "float"

    figure: lg.Figure = lg.Figure.of("3 USD") + lg.Figure.of("4 USD")
    amount: lg.Quantity = lg.money("3", "USD")
    unit: lg.Unit = lg.ureg.Unit("USD")
    book: lg.Ledger = lg.Ledger.from_frame(lg.example().to_frame())
    text: str = lg.format_figure(figure, "ru_RU")
    code: str | None = lg.currency_of(lg.quantity("3 USD/year"))
    given: lg.Amount = "300 million USD"
    yearly: lg.Series = lg.remittances_to_budget(lg.example(), "TJ", years=[2004])
    one_day: lg.Ratio = lg.remittances_to_budget(lg.example(), "TJ")
    shares: lg.Series = lg.ratio(yearly, yearly)
    wrong_series: lg.Figure = lg.series(lg.example(), "TJ", "debt", years=[2004])  # E: "Series"
    """
)


def test_a_users_script_is_checked_against_the_public_types(tmp_path: Path) -> None:
    script = tmp_path / "user.py"
    script.write_text(SCRIPT, encoding="utf-8")
    out, err, _status = api.run(
        ["--strict", "--cache-dir", str(tmp_path / "cache"), "--no-error-summary", str(script)]
    )
    assert err == ""
    found: dict[int, list[str]] = {}
    for line in out.splitlines():
        match = re.match(rf"{re.escape(str(script))}:(\d+): error: (.*)", line)
        if match:
            found.setdefault(int(match[1]), []).append(match[2])
    expected = {
        number: words.strip()
        for number, line in enumerate(SCRIPT.splitlines(), start=1)
        if "# E:" in line
        for words in [line.split("# E:", 1)[1]]
    }
    assert sorted(found) == sorted(expected), out
    for number, words in expected.items():
        assert any(words in message for message in found[number]), (number, found[number])


def test_a_star_import_gives_the_names_and_no_modules():
    names: dict[str, object] = {}
    exec("from ledger import *", names)
    assert {"Figure", "net_balance", "LedgerError", "Amount"} <= set(names)
    assert not {"strategies", "plot", "cli", "display", "units"} & set(names)
