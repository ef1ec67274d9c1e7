"""Money in the reader's numbers: the compact, full and long styles, per-period patterns from
CLDR, and the rounding each style does.

The compact style keeps up to three significant digits and rounds half up (``$1.5M``, not
``$2M``; ``$242M``; ``$8.5M``), so it never hides a difference the source made; babel's own
rounding (half-even) is not used for it. Negative amounts keep their sign.

>>> import ledger as lg
>>> format_money(lg.quantity("300 million USD"), locale="en_US")
'$300M'
>>> format_money(lg.quantity("300 million USD/year"), locale="ru_RU")
'300\\xa0млн\\xa0$ в год'
>>> format_money(lg.quantity("300 million USD"), locale="en_US", style="full")
'$300,000,000'
>>> format_money(lg.quantity("300 million USD"), locale="en_US", style="long")
'300 million US dollars'
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Literal

from babel import Locale
from babel.numbers import (
    format_compact_currency,
    format_compact_decimal,
    get_currency_name,
)
from pint.util import UnitsContainer

from .arithmetic import owned
from .errors import AmountError
from .units import (
    TIME_UNITS,
    Amount,
    Unit,
    currency_of,
    is_flow,
    is_stock,
    quantity,
    unit_key,
    unit_powers,
    unit_text,
    ureg,
)
from .words import PER, LocaleError, catalog, cldr, locale_of, root_locale, words_locale

__all__ = [
    "MONEY",
    "STYLES",
    "Style",
    "as_written",
    "check_style",
    "decimal_places",
    "format_money",
    "per",
    "period_of",
    "round_half_up",
    "significant",
]


Style = Literal["compact", "full", "long"]


STYLES = ("compact", "full", "long")


def significant(number: Decimal, digits: int = 3) -> Decimal:
    """``number`` rounded half up to ``digits`` significant digits, as a reader sees it: no
    trailing zeros (``1``, not ``1.00``), so that plural rules see the number shown."""
    if number.is_zero():
        return Decimal(0)
    step = Decimal(1).scaleb(number.adjusted() - digits + 1)
    rounded = (
        number.quantize(step, rounding=ROUND_HALF_UP)
        if step < 1
        else ((number / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step)
    )
    return as_written(rounded)


def as_written(number: Decimal) -> Decimal:
    """Without trailing zeros or an exponent: ``300``, ``1.5``, ``0.25``."""
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.normalize()


def decimal_places(number: Decimal) -> int:
    exponent = number.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def round_half_up(number: Decimal, places: int) -> Decimal:
    return number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _currency_digits(code: str) -> int:
    from babel.numbers import get_currency_precision

    return int(get_currency_precision(code))


def _full(number: Decimal, code: str, locale: Locale, padded: bool = True) -> str:
    """Every digit; cents are padded ($3.50) only for amounts that are exact as shown."""
    pattern = copy.copy(locale.currency_formats["standard"])
    places = decimal_places(number)
    digits = (
        0
        if number == number.to_integral_value()
        else (max(_currency_digits(code), places) if padded else places)
    )
    pattern.frac_prec = (digits, digits)
    return str(
        pattern.apply(
            number, locale, currency=code, currency_digits=False, decimal_quantization=False
        )
    )


#: Locales (language and script) whose CLDR short compact patterns, as babel ships them, run
#: the number into its scale word (``0млн ¤``) where the language writes a space, as its other
#: script (``0 mln ¤``) and its long patterns (``0 миллион``) do.
_UNSPACED_COMPACT = frozenset({("uz", "Cyrl")})


#: A digit followed at once by a letter: where the missing space goes.
_RUN_IN = re.compile(r"(?<=\d)(?=[^\W\d_])")


def _compact(number: Decimal, code: str, locale: Locale, padded: bool = True) -> str:
    """Three significant digits and the locale's scale word; a space between the number and
    the word where CLDR's pattern leaves it out (``250\xa0млн\xa0US$`` in uz_Cyrl).

    >>> _compact(Decimal(250_000_000), "USD", Locale.parse("uz_Cyrl_UZ"))
    '250\xa0млн\xa0US$'
    """
    shown = significant(number)
    text = str(
        format_compact_currency(
            shown, code, locale=locale, fraction_digits=max(2, decimal_places(shown))
        )
    )
    if (locale.language, locale.script) in _UNSPACED_COMPACT:
        text = _RUN_IN.sub("\xa0", text)
    return text


def _long(number: Decimal, code: str, locale: Locale, padded: bool = True) -> str:
    """Spelled out (``300 million US dollars``): words all of it, so a locale speaking a
    fallback's words says it in the fallback's."""
    locale = words_locale(locale)
    shown = significant(number)
    text = format_compact_decimal(
        shown, format_type="long", locale=locale, fraction_digits=max(2, decimal_places(shown))
    )
    category = locale.plural_form(abs(shown))
    name = get_currency_name(code, count=abs(shown), locale=locale)
    patterns = cldr(locale, "currency_unit_patterns")
    pattern = patterns.get(category) or patterns.get("other") or "{0} {1}"
    return str(pattern.format(text, name))


MONEY: dict[str, Callable[[Decimal, str, Locale, bool], str]] = {
    "compact": _compact,
    "full": _full,
    "long": _long,
}


def per(locale: Locale, period: str, amount: str) -> str:
    """``amount`` per period, from CLDR's own unit pattern when the locale has one in words
    (``{0} в год``, ``жылына {0}``); a pattern that is only a slash and an abbreviation
    (``{0}/yil``, root's ``{0}/y``) gives way to the catalog's words (``yiliga {0}``), which
    a qualifier after the amount (``... dan ortiq``) can follow."""
    return _per_pattern(locale, period).format(amount=amount)


@lru_cache(maxsize=256)
def _per_pattern(locale: Locale, period: str) -> str:
    own = cldr(words_locale(locale), "unit_patterns").get(f"duration-{period}", {}).get("long", {})
    root = cldr(root_locale(), "unit_patterns").get(f"duration-{period}", {}).get("long", {})
    pattern = own.get("per") if own else None
    if pattern and pattern != root.get("per") and "/" not in pattern:
        return str(pattern).replace("{0}", "{amount}")
    return catalog(locale).gettext(PER[period])


def period_of(unit: Unit) -> str | None:
    for name, power in unit_powers(unit).items():
        if name in TIME_UNITS and power == -1:
            return str(name)
    return None


def check_style(style: str) -> None:
    if style not in STYLES:
        raise LocaleError(f"style {style!r} is not known; accepted: {', '.join(STYLES)}")


@owned
def format_money(
    value: Amount,
    locale: str | Locale = "en_US",
    style: Style = "compact",
    *,
    fallback: str | None = None,
) -> str:
    """A stock or a flow of money in the locale's words and numbers (a locale without a
    catalog is refused, or speaks the ``fallback``'s words: see :func:`ledger.words.locale_of`).

    >>> format_money("1,500,000 USD", locale="en_US")
    '$1.5M'
    >>> format_money("-250 million USD", locale="tg_TJ")
    '-250\\xa0млн.\\xa0US$'
    """
    q = quantity(value)
    where = locale_of(locale, fallback)
    write = MONEY.get(style) if isinstance(style, str) else None
    if write is None:
        check_style(style)
    code, period = _money_unit(unit_key(q))  # hashed once, unlike q.units
    text = write(q.magnitude, code, where, True)  # type: ignore[misc]
    return per(where, period, text) if period else text


@lru_cache(maxsize=256)
def _money_unit(container: UnitsContainer) -> tuple[str, str | None]:
    unit = ureg.Unit(container)
    code = currency_of(unit)
    if code is None or not (is_stock(unit) or is_flow(unit)):
        raise AmountError(f"{unit_text(unit)!r} is not money; format_money takes a stock or a flow")
    return code, period_of(unit)
