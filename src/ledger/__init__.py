"""debt-ledger: the figures that states, migrants and budgets owe and send each other.

>>> import ledger as lg
>>> claim = lg.Figure.of("300 million USD", "about")
>>> print(claim - lg.Figure.of("50 million USD"))
about 250000000 USD

``import ledger`` loads only units and figures; entries, files, netting, ratios and
formatting load on first use of one of their names (pydantic and babel's locale data are
not cheap), so a script that only needs amounts starts as fast as pint itself.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from . import faces as _faces
from .errors import (
    AmountError,
    FigureError,
    LedgerError,
    LedgerFileError,
    MissingFigureError,
    Problem,
    RateError,
    UnitMismatchError,
)
from .figures import QUALIFIERS, Figure
from .units import (
    CURRENCIES,
    currency_of,
    is_count,
    is_duration,
    is_flow,
    is_pure,
    is_stock,
    money,
    quantity,
    quantity_text,
    to_units,
    ureg,
)

if TYPE_CHECKING:
    from .book import Ledger, example, from_data, load, loads, schema
    from .entries import Budget, Claim, Rate, Remittance, Settlement, Source
    from .formatting import (
        LocaleError,
        describe,
        format_figure,
        format_money,
        format_ratio,
        parse_money,
        party_name,
    )
    from .fx import Conversion, convert
    from .netting import NetBalance, Transfer, net_balance, net_positions, outstanding, settle
    from .ratios import Ratio, debt_to_budget, per_migrant, ratio, remittances_to_budget

__version__ = "0.1.0"

# The faces (notebook HTML, frames) load the first time a value asks for one.
_faces.on_first_use(lambda: importlib.import_module(".display", __name__))

#: Public names served from modules loaded on first use.
_LAZY: dict[str, str] = {
    **dict.fromkeys(("Ledger", "example", "from_data", "load", "loads", "schema"), "book"),
    **dict.fromkeys(("Budget", "Claim", "Rate", "Remittance", "Settlement", "Source"), "entries"),
    **dict.fromkeys(("Conversion", "convert"), "fx"),
    **dict.fromkeys(
        (
            "LocaleError",
            "describe",
            "format_figure",
            "format_money",
            "format_ratio",
            "parse_money",
            "party_name",
        ),
        "formatting",
    ),
    **dict.fromkeys(
        ("NetBalance", "Transfer", "net_balance", "net_positions", "outstanding", "settle"),
        "netting",
    ),
    **dict.fromkeys(
        ("Ratio", "debt_to_budget", "per_migrant", "ratio", "remittances_to_budget"), "ratios"
    ),
}


#: Submodules reachable as attributes (``lg.plot.netting(...)``), loaded on first use.
_SUBMODULES = frozenset(
    {
        "book",
        "cli",
        "display",
        "entries",
        "errors",
        "figures",
        "formatting",
        "fx",
        "netting",
        "plot",
        "ratios",
        "strategies",
        "units",
    }
)


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'ledger' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, *_SUBMODULES})


__all__ = [
    "CURRENCIES",
    "QUALIFIERS",
    "AmountError",
    "Budget",
    "Claim",
    "Conversion",
    "Figure",
    "FigureError",
    "Ledger",
    "LedgerError",
    "LedgerFileError",
    "LocaleError",
    "MissingFigureError",
    "NetBalance",
    "Problem",
    "Rate",
    "RateError",
    "Ratio",
    "Remittance",
    "Settlement",
    "Source",
    "Transfer",
    "UnitMismatchError",
    "convert",
    "currency_of",
    "debt_to_budget",
    "describe",
    "example",
    "format_figure",
    "format_money",
    "format_ratio",
    "from_data",
    "is_count",
    "is_duration",
    "is_flow",
    "is_pure",
    "is_stock",
    "load",
    "loads",
    "money",
    "net_balance",
    "net_positions",
    "outstanding",
    "parse_money",
    "party_name",
    "per_migrant",
    "quantity",
    "quantity_text",
    "ratio",
    "remittances_to_budget",
    "schema",
    "settle",
    "to_units",
    "ureg",
]
