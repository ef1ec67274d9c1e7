"""The library's own Decimal context, the limits of an amount, and exact rational steps.

No result of debt-ledger depends on the caller's ``decimal.getcontext()``: every Decimal
operation runs in :data:`CONTEXT` (or one of its rounding siblings), set here once.

An amount has at most :data:`DIGITS` significant digits and lies between ``10**-DIGITS`` and
``10**LARGEST`` in size (or is zero): whatever is inside these limits is written to a file and
read back digit for digit. Arithmetic that leaves them raises :class:`~ledger.errors.AmountError`.

>>> from decimal import Decimal, localcontext
>>> with localcontext(prec=3):
...     owned(lambda: Decimal("123456789.01") + Decimal(1))()
Decimal('123456790.01')
>>> check_amount(Decimal("1e40"))
Traceback (most recent call last):
...
ledger.errors.AmountError: amount 1E+40 is too large: amounts are below 10**30 in size, \
with at most 60 significant digits
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import (
    ROUND_CEILING,
    ROUND_FLOOR,
    ROUND_HALF_EVEN,
    Clamped,
    Context,
    Decimal,
    DecimalException,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
    Subnormal,
    Underflow,
    localcontext,
)
from fractions import Fraction
from typing import ParamSpec, TypeVar

from .errors import AmountError

__all__ = [
    "CONTEXT",
    "DIGITS",
    "DOWN",
    "EXACT",
    "LARGEST",
    "SUMS",
    "UP",
    "check_amount",
    "from_fraction",
    "owned",
    "rounded_total",
    "significant_digits",
]

#: The most significant digits an amount (and any result) carries; bounds that need more are
#: rounded outwards at this precision.
DIGITS = 60
#: Amounts are below ``10**LARGEST`` in size.
LARGEST = 30
_EMAX = 10 * (DIGITS + LARGEST)  # room for intermediate steps; limits are checked on results
_TRAPS = [InvalidOperation, DivisionByZero, Overflow]

#: Round half to even at :data:`DIGITS` digits: central values.
CONTEXT = Context(
    prec=DIGITS,
    rounding=ROUND_HALF_EVEN,
    Emin=-_EMAX,
    Emax=_EMAX,
    capitals=1,
    clamp=0,
    flags=[],
    traps=_TRAPS,
)
#: Raises :class:`decimal.Inexact` where a result would need rounding.
EXACT = CONTEXT.copy()
EXACT.traps[Inexact] = True
#: Lower bounds round towards minus infinity, upper bounds towards plus infinity.
DOWN = CONTEXT.copy()
DOWN.rounding = ROUND_FLOOR
UP = CONTEXT.copy()
UP.rounding = ROUND_CEILING
#: Wide enough that any sum of amounts inside the limits is exact (the netting fast path).
SUMS = CONTEXT.copy()
SUMS.prec = 4 * (DIGITS + LARGEST)
for _context in (CONTEXT, EXACT, DOWN, UP, SUMS):
    for _signal in (Clamped, Subnormal, Underflow):
        _context.traps[_signal] = False

P = ParamSpec("P")
R = TypeVar("R")


def owned(function: Callable[P, R]) -> Callable[P, R]:
    """Run ``function`` in the library's context, whatever context the caller has set; a
    Decimal signal that escapes becomes an :class:`~ledger.errors.AmountError` with words."""

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with localcontext(CONTEXT):
            try:
                return function(*args, **kwargs)
            except DecimalException as error:
                raise AmountError(
                    f"{function.__name__}: the arithmetic left the limits of an amount "
                    f"({type(error).__name__}); amounts are below 10**{LARGEST} in size, with "
                    f"at most {DIGITS} significant digits"
                ) from None

    return run


def significant_digits(number: Decimal) -> int:
    """The digits a number was written with: ``300000000`` has 9, ``3E+8`` has 1."""
    return 0 if number.is_zero() else len(number.as_tuple().digits)


def check_amount(number: Decimal, what: str = "amount") -> Decimal:
    """``number`` itself when it is inside the limits of an amount, ``-0`` made ``0``."""
    # The common case first, cheaply (every amount of a file passes here): a short text
    # cannot hold more than DIGITS digits.
    if (
        number.is_finite()
        and not number.is_zero()
        and -DIGITS <= number.adjusted() < LARGEST
        and len(str(number)) <= DIGITS
    ):
        return number
    if not number.is_finite():
        raise AmountError(f"{what} {number} is not finite; amounts are finite numbers")
    if number.is_zero():
        return Decimal(0)
    limits = f"amounts are below 10**{LARGEST} in size, with at most {DIGITS} significant digits"
    text = str(number)
    shown = text if len(text) <= 40 else f"{text[:20]}...{text[-12:]}"
    if number.adjusted() >= LARGEST:
        raise AmountError(f"{what} {shown} is too large: {limits}")
    if number.adjusted() < -DIGITS:
        raise AmountError(f"{what} {shown} is too small: {limits} and above 10**-{DIGITS}")
    if significant_digits(number) > DIGITS:
        raise AmountError(f"{what} has {significant_digits(number)} significant digits: {limits}")
    return number


def rounded_total(total: Decimal) -> tuple[Decimal, Decimal, Decimal, bool]:
    """A sum made in :data:`SUMS` brought back to :data:`DIGITS`: value, lower and upper
    bound, and whether it fitted exactly."""
    if significant_digits(total) <= DIGITS:
        return total, total, total, True
    return CONTEXT.plus(total), DOWN.plus(total), UP.plus(total), False


def from_fraction(value: Fraction, rounding: str = ROUND_HALF_EVEN) -> tuple[Decimal, bool]:
    """The Decimal nearest ``value`` at :data:`DIGITS` digits in the given direction, and
    whether it is ``value`` exactly.

    >>> from_fraction(Fraction(1, 8))
    (Decimal('0.125'), True)
    >>> from_fraction(Fraction(1, 3), ROUND_CEILING)[0]
    Decimal('0.333333333333333333333333333333333333333333333333333333333334')
    """
    context = {ROUND_FLOOR: DOWN, ROUND_CEILING: UP}.get(rounding, CONTEXT)
    numerator, denominator = Decimal(value.numerator), Decimal(value.denominator)
    try:
        return EXACT.divide(numerator, denominator), True
    except Inexact:
        return context.divide(numerator, denominator), False
