"""debt-ledger: the figures that states, migrants and budgets owe and send each other.

>>> import ledger as lg
>>> claim = lg.Figure.of("300 million USD", "about")
>>> print(claim - lg.Figure.of("50 million USD"))
about 250000000 USD
"""

from __future__ import annotations

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

__version__ = "0.1.0"

__all__ = [
    "CURRENCIES",
    "QUALIFIERS",
    "AmountError",
    "Figure",
    "FigureError",
    "LedgerError",
    "LedgerFileError",
    "MissingFigureError",
    "Problem",
    "RateError",
    "UnitMismatchError",
    "currency_of",
    "is_count",
    "is_duration",
    "is_flow",
    "is_pure",
    "is_stock",
    "money",
    "quantity",
    "quantity_text",
    "to_units",
    "ureg",
]
