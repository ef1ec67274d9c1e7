"""The refusals the library makes, one class per kind, all under :class:`LedgerError`.

Callers catch what they mean (``except lg.UnitMismatchError``); the command line maps the
hierarchy to exit codes. Every message says what was given, what was wrong and what is accepted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

__all__ = [
    "AmountError",
    "FigureError",
    "LedgerError",
    "LedgerFileError",
    "MissingFigureError",
    "MissingRateError",
    "Problem",
    "RateError",
    "UnitMismatchError",
    "UnknownEntryError",
    "listed",
]


class LedgerError(Exception):
    """The root of every refusal debt-ledger makes."""

    #: Why, for a reader in any language, where the refusal gives it: a key of
    #: ``ledger.words.REASONS`` and the values of its blanks (see :class:`MissingFigureError`):
    #: text, or a figure, which the reader's locale formats.
    reason: tuple[str, Mapping[str, object]] | None = None


class AmountError(LedgerError, ValueError):
    """An amount could not be read or built: bad text, a float, an unknown currency."""


class UnitMismatchError(LedgerError, TypeError):
    """Two amounts that must not meet: two currencies, a stock and a flow."""


class FigureError(LedgerError, ValueError):
    """A figure that cannot be: bounds the wrong way round, division by a range holding zero."""


class RateError(LedgerError, LookupError):
    """No exchange rate applies to a conversion, or the rate given does not fit it."""


class MissingRateError(RateError):
    """No rate for a pair is in force on the day asked; says which pair and day, so that a
    caller can look for another way round (see :func:`ledger.fx.third_currencies`)."""

    #: Why, for a reader in any language (as ``MissingFigureError.reason``), where known.
    reason: tuple[str, Mapping[str, object]] | None = None

    def __init__(self, message: str, source: str, target: str, on: date) -> None:
        super().__init__(message)
        self.source, self.target, self.on = source, target, on


class UnknownEntryError(LedgerError, KeyError):
    """No entry has the id asked for (a ``KeyError`` too, so ``in``-style code keeps working)."""

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0]) if self.args else ""


class MissingFigureError(LedgerError, LookupError):
    """A question the ledger cannot answer: a figure is missing, or two compete.

    The message is English, for callers; ``reason``, where the refusal gives one, says why
    for a reader in any language: a key of ``ledger.words.REASONS`` and the values of its
    blanks (``ledger.words.reason`` says it in a locale).
    """

    def __init__(
        self, message: str, reason: tuple[str, Mapping[str, object]] | None = None
    ) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a ledger: where it is and what is wrong.

    >>> str(Problem("ledger.toml", "entries[2] (ru-claim)", "amount", "float 3.5 is not accepted"))
    'ledger.toml: entries[2] (ru-claim): amount: float 3.5 is not accepted'
    """

    file: str | None
    entry: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = [part for part in (self.file, self.entry, self.field) if part]
        return ": ".join([*where, self.message])


class LedgerFileError(LedgerError, ValueError):
    """A ledger (a file, or entries given in code) refused whole, with every problem listed."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the ledger; nothing was loaded:"
        super().__init__("\n".join([head, *(f"  - {p}" for p in self.problems)]))


#: The most items a refusal lists before it says how many more there are.
LISTED = 6


def listed(items: Iterable[str], most: int = LISTED) -> str:
    """Items a refusal names, joined by commas: at most ``most`` of them, then how many more
    (a line naming 51 competing entries was 1,635 characters long).

    >>> listed(["a", "b", "c"])
    'a, b, c'
    >>> listed([f"c{i}" for i in range(51)])
    'c0, c1, c2, c3, c4, c5, … (+45)'
    """
    items = list(items)
    shown = ", ".join(items[:most])
    return shown if len(items) <= most else f"{shown}, … (+{len(items) - most})"
