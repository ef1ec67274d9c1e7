"""Reading amounts back from the reader's text: what :func:`ledger.numbers.format_money`
writes (the full style, and the compact one where it is unambiguous), by the one grammar of a
number in the locale's dress.

>>> parse_money("$300,000,000", "en_US")
<Quantity(300000000, 'USD')>
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale
from babel.numbers import (
    NumberFormatError,
    get_currency_symbol,
    parse_decimal,
)

from .arithmetic import check_amount, owned
from .errors import AmountError
from .numbers import as_written, per
from .units import (
    CURRENCIES,
    TIME_UNITS,
    Quantity,
    money,
)
from .words import locale_of

__all__ = ["parse_money"]


_SPACES = re.compile(r"[\s\u00a0\u202f]+")


@lru_cache(maxsize=64)
def _symbols(locale: Locale) -> list[tuple[str, str]]:
    """(text, code) for every currency symbol and code, longest first, so that ``US$`` wins
    over ``$``; the common currencies claim a shared symbol first."""
    found: dict[str, str] = {}
    for code in ("USD", "EUR", "RUB", "TJS", "KZT", "GBP", "JPY", "CNY", *sorted(CURRENCIES)):
        found.setdefault(str(get_currency_symbol(code, locale)), code)
        found.setdefault(code, code)
    return sorted(found.items(), key=lambda item: -len(item[0]))


@lru_cache(maxsize=64)
def _scales(locale: Locale) -> list[tuple[str, int]]:
    """(suffix, multiplier) from the locale's short compact patterns (``M`` → 10**6)."""
    found: dict[str, int] = {}
    for table in (
        locale.compact_currency_formats.get("short", {}),
        locale.compact_decimal_formats.get("short", {}),
    ):
        for forms in table.values():
            for magnitude, pattern in forms.items():
                text = pattern.pattern.replace("¤", "").replace("'", "")
                zeros = text.count("0")
                suffix = _SPACES.sub(" ", text.replace("0", "")).strip()
                if suffix and zeros:
                    found.setdefault(suffix, int(magnitude) // 10 ** (zeros - 1))
    return sorted(found.items(), key=lambda item: -len(item[0]))


@owned
def parse_money(
    text: str, locale: str | Locale = "en_US", *, fallback: str | None = None
) -> Quantity:
    """Read back an amount written by :func:`format_money` (full style, and compact where it
    is unambiguous) into a quantity, in the same locale (and ``fallback``) it was written in.

    >>> parse_money("$300,000,000", "en_US")
    <Quantity(300000000, 'USD')>
    >>> parse_money("300\\xa0млн\\xa0$ в год", "ru_RU")
    <Quantity(300000000, 'USD / year')>
    """
    if not isinstance(text, str):
        raise AmountError(
            f"{type(text).__name__} {text!r} is not text; parse_money reads text such as "
            "'$300,000,000'"
        )
    where = locale_of(locale, fallback)
    rest = _SPACES.sub(" ", text).strip()
    found = None
    for period in TIME_UNITS:
        pattern = per(where, period, "\x00")
        before, _, after = _SPACES.sub(" ", pattern).partition("\x00")
        if (after and rest.endswith(after)) or (before and rest.startswith(before)):
            rest = rest[len(before) : len(rest) - len(after)].strip() if after or before else rest
            found = period
            break
    code = None
    for symbol, candidate in _symbols(where):
        if symbol and symbol in rest:
            code = candidate
            rest = rest.replace(symbol, " ", 1).strip()
            break
    if code is None:
        raise AmountError(f"{text!r}: no currency symbol or code of {where} found")
    multiplier = 1
    for suffix, scale in _scales(where):
        if rest.endswith(suffix):
            rest = rest[: -len(suffix)].strip()
            multiplier = scale
            break
    digits = rest.replace(" ", "")
    if not _LOCAL_NUMBER.fullmatch(digits):
        raise AmountError(
            f"{text!r} is not an amount in {where}: the number must be ASCII digits with the "
            "locale's separators, starting and ending with a digit"
        )
    try:
        number = parse_decimal(digits, locale=where, strict=True)
    except NumberFormatError as error:
        raise AmountError(f"{text!r} is not an amount in {where}: {error}") from None
    # Refused before scaling, which would round a number of more digits than an amount holds.
    check_amount(number)
    value = number * multiplier
    return money(as_written(value) if multiplier != 1 else value, code, per=found)


# The one grammar of a number, in a locale's dress: ASCII digits first and last, between them
# digits and the group and decimal signs CLDR uses (",", ".", spaces, apostrophes): "5." is
# refused, as in a file.
_LOCAL_NUMBER = re.compile(r"-?[0-9](?:[0-9.,'\u00a0\u202f\u2019]*[0-9])?\Z")
