"""Amounts, figures, ratios and results in the reader's language, with babel.

Babel does the locale work (numbers, currency symbols and names, CLDR unit patterns, party names);
this module decides what to say. Qualifier words and sentence patterns come from gettext
catalogs for ``en``, ``ru`` and ``tg`` under ``ledger/locale`` (kept with babel's own
``pybabel extract/update/compile``); a locale without a catalog gets English words with its own
number formats.

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
>>> format_figure(lg.Figure.of("300 million USD/year", "more_than"), locale="en_US")
'more than $300M per year'
>>> format_figure(lg.Figure.of("1 million person", "estimated"), locale="en_US")
'about 1 million people'
"""

from __future__ import annotations

import copy
import gettext
import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from babel import Locale, UnknownLocaleError
from babel.numbers import (
    NumberFormatError,
    format_compact_currency,
    format_compact_decimal,
    format_decimal,
    get_currency_name,
    get_currency_symbol,
    parse_decimal,
)
from babel.support import Translations

from .arithmetic import owned
from .errors import AmountError, LedgerError
from .figures import Figure, rounded_point, shown
from .units import (
    CURRENCIES,
    TIME_UNITS,
    Quantity,
    Unit,
    currency_of,
    is_count,
    is_duration,
    is_flow,
    is_pure,
    is_stock,
    money,
    quantity,
    unit_key,
    unit_powers,
    unit_text,
    ureg,
)

if TYPE_CHECKING:
    from .netting import NetBalance
    from .ratios import Ratio

__all__ = [
    "DOMAIN",
    "LOCALE_DIR",
    "LocaleError",
    "cldr",
    "describe",
    "format_figure",
    "format_money",
    "format_ratio",
    "label",
    "locale_of",
    "parse_money",
    "party_name",
]

Style = Literal["compact", "full", "long"]
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "ledger"
STYLES = ("compact", "full", "long")


class LocaleError(LedgerError, ValueError):
    """A locale that CLDR does not know, or a style that does not exist."""


# -- gettext --------------------------------------------------------------------------------


def _(message: str) -> str:
    """Marks a message for extraction (``pybabel extract -k _ -k _p:1c,2``)."""
    return message


def _p(context: str, message: str) -> tuple[str, str]:
    """Marks a message with a context (one context per CLDR plural category)."""
    return context, message


@lru_cache(maxsize=64)
def locale_of(name: str | Locale) -> Locale:
    """The CLDR locale for a code such as ``"ru_RU"`` (or ``"ru-RU"``); an unknown one is
    refused with a :class:`LocaleError` that says what is accepted."""
    if isinstance(name, Locale):
        return name
    try:
        return Locale.parse(name.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError) as error:
        raise LocaleError(
            f"locale {name!r} is not known to CLDR ({error}); use a code such as 'en_US', "
            "'ru_RU' or 'tg_TJ'"
        ) from None


def cldr(locale: Locale, table: str) -> Any:
    """A CLDR table babel holds for ``locale`` but does not publish as a property (unit and
    currency-unit patterns): the one place that reads babel's ``Locale._data``.

    >>> cldr(Locale.parse("ru"), "unit_patterns")["duration-year"]["long"]["per"]
    '{0} в год'
    """
    return locale._data[table]


@lru_cache(maxsize=64)
def _catalog(locale: Locale) -> gettext.NullTranslations:
    return Translations.load(str(LOCALE_DIR), [str(locale), locale.language], DOMAIN)


def _say(locale: Locale, message: str, **values: str) -> str:
    return _catalog(locale).gettext(message).format(**values)


def _say_in(locale: Locale, marked: tuple[str, str], **values: str) -> str:
    context, message = marked
    return _catalog(locale).pgettext(context, message).format(**values)


# The messages, written out so that pybabel finds every one.
_QUALIFIED = {
    "about": _("about {amount}"),
    "estimated": _("about {amount}"),
    "more_than": _("more than {amount}"),
    "at_least": _("at least {amount}"),
    "less_than": _("less than {amount}"),
    "at_most": _("at most {amount}"),
}
_RANGE = _("{low}–{high}")
# A one-sided figure the source called approximate: no word order says both, so it is said.
_APPROXIMATE = _("{text} (approximate)")
_BOTH = _("{first} and {second}")
_CENTRAL = _("{value} ({range})")
_UNKNOWN = _("an unknown amount")
_PER = {
    "year": _("{amount} per year"),
    "quarter": _("{amount} per quarter"),
    "month": _("{amount} per month"),
}
_PER_PERSON = _("{amount} per person")
_MULTIPLE = _("{number}×")
_PEOPLE = {
    "zero": _p("people:zero", "{count} people"),
    "one": _p("people:one", "{count} person"),
    "two": _p("people:two", "{count} people"),
    "few": _p("people:few", "{count} people"),
    "many": _p("people:many", "{count} people"),
    "other": _p("people:other", "{count} people"),
}
# Years on their own ("1 year") and after a qualifier word ("about 1 year"), where Russian
# wants the genitive: "около 1 года", "около 5 лет".
_YEARS = {
    "zero": _p("years:zero", "{count} years"),
    "one": _p("years:one", "{count} year"),
    "two": _p("years:two", "{count} years"),
    "few": _p("years:few", "{count} years"),
    "many": _p("years:many", "{count} years"),
    "other": _p("years:other", "{count} years"),
}
_YEARS_QUALIFIED = {
    "zero": _p("qualified-years:zero", "{count} years"),
    "one": _p("qualified-years:one", "{count} year"),
    "two": _p("qualified-years:two", "{count} years"),
    "few": _p("qualified-years:few", "{count} years"),
    "many": _p("qualified-years:many", "{count} years"),
    "other": _p("qualified-years:other", "{count} years"),
}
_NET = _("{debtor} owes {creditor} {amount} net: {details}.")
_EVEN = _("{debtor} and {creditor} are even: {details}.")
_CLAIM = _("{party}'s claim of {amount}")
_COUNTERCLAIM = _("{party}'s counterclaim of {amount}")
_PLUS = _("{first} plus {second}")
_LESS = _("{first} less {second}")
_NO_CLAIMS = _("no claims")
_QUESTIONS = {
    "remittances_to_budget": _("Remittances to {party} are {value} its budget."),
    "debt_to_budget": _("{party}'s debt is {value} of its budget."),
    "net_debt_to_budget": _("{party}'s net debt is {value} of its budget."),
    "per_migrant": _("Remittances to {party} come to {value}."),
}

#: Words for headings and axes, looked up by :func:`label`.
_LABELS = {
    "remittances": _("remittances"),
    "budget": _("budget"),
    "debt": _("debt"),
    "net debt": _("net debt"),
    "net": _("net"),
    "millions per year": _("millions per year"),
    "millions": _("millions {currency}"),
    "years of budget": _("years of budget"),
    "entries": _("Entries ({count}):"),
    "balances": _("Net balances:"),
    "positions": _("Positions (positive: net creditor):"),
    "ratios": _("Ratios:"),
    "none": _("none"),
    "no ratios": _("none the data allows"),
    "nothing to settle": _("nothing to settle"),
}

#: Languages whose long compact numbers would need a grammatical case after a qualifier word:
#: counts there use the short, abbreviated form ("около 1 млн человек").
_SHORT_COUNTS = frozenset({"ru"})


# -- numbers --------------------------------------------------------------------------------


def _significant(number: Decimal, digits: int = 3) -> Decimal:
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
    return _as_written(rounded)


def _as_written(number: Decimal) -> Decimal:
    """Without trailing zeros or an exponent: ``300``, ``1.5``, ``0.25``."""
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.normalize()


def _places(number: Decimal) -> int:
    exponent = number.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _round(number: Decimal, places: int) -> Decimal:
    return number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _currency_digits(code: str) -> int:
    from babel.numbers import get_currency_precision

    return int(get_currency_precision(code))


def _full(number: Decimal, code: str, locale: Locale, padded: bool = True) -> str:
    """Every digit; cents are padded ($3.50) only for amounts that are exact as shown."""
    pattern = copy.copy(locale.currency_formats["standard"])
    places = _places(number)
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


def _compact(number: Decimal, code: str, locale: Locale, padded: bool = True) -> str:
    shown = _significant(number)
    return str(
        format_compact_currency(shown, code, locale=locale, fraction_digits=max(2, _places(shown)))
    )


def _long(number: Decimal, code: str, locale: Locale, padded: bool = True) -> str:
    shown = _significant(number)
    text = format_compact_decimal(
        shown, format_type="long", locale=locale, fraction_digits=max(2, _places(shown))
    )
    category = locale.plural_form(abs(shown))
    name = get_currency_name(code, count=abs(shown), locale=locale)
    patterns = cldr(locale, "currency_unit_patterns")
    pattern = patterns.get(category) or patterns.get("other") or "{0} {1}"
    return str(pattern.format(text, name))


_MONEY: dict[str, Callable[[Decimal, str, Locale, bool], str]] = {
    "compact": _compact,
    "full": _full,
    "long": _long,
}


def _per(locale: Locale, period: str, amount: str) -> str:
    """``amount`` per period, from CLDR's own unit pattern when the locale has one."""
    return _per_pattern(locale, period).format(amount=amount)


@lru_cache(maxsize=256)
def _per_pattern(locale: Locale, period: str) -> str:
    own = cldr(locale, "unit_patterns").get(f"duration-{period}", {}).get("long", {})
    root = cldr(_root(), "unit_patterns").get(f"duration-{period}", {}).get("long", {})
    pattern = own.get("per") if own else None
    if pattern and pattern != root.get("per"):
        return str(pattern).replace("{0}", "{amount}")
    return _catalog(locale).gettext(_PER[period])


@lru_cache(maxsize=1)
def _root() -> Locale:
    return Locale.parse("root")


def _period(unit: Unit) -> str | None:
    for name, power in unit_powers(unit).items():
        if name in TIME_UNITS and power == -1:
            return str(name)
    return None


def _check_style(style: str) -> None:
    if style not in STYLES:
        raise LocaleError(f"style {style!r} is not known; accepted: {', '.join(STYLES)}")


@owned
def format_money(value: object, locale: str | Locale = "en_US", style: Style = "compact") -> str:
    """A stock or a flow of money in the locale's words and numbers.

    >>> format_money("1,500,000 USD", locale="en_US")
    '$1.5M'
    >>> format_money("-250 million USD", locale="tg_TJ")
    '-250\\xa0млн.\\xa0US$'
    """
    q = quantity(value)
    where = locale_of(locale)
    write = _MONEY.get(style)
    if write is None:
        _check_style(style)
    code, period = _money_unit(unit_key(q))  # hashed once, unlike q.units
    text = write(q.magnitude, code, where, True)  # type: ignore[misc]
    return _per(where, period, text) if period else text


@lru_cache(maxsize=256)
def _money_unit(container: object) -> tuple[str, str | None]:
    unit = ureg.Unit(container)
    code = currency_of(unit)
    if code is None or not (is_stock(unit) or is_flow(unit)):
        raise AmountError(f"{unit_text(unit)!r} is not money; format_money takes a stock or a flow")
    return code, _period(unit)


# -- figures --------------------------------------------------------------------------------


def _count(number: Decimal, locale: Locale, style: Style) -> str:
    shown = _significant(number) if style != "full" else number
    compacted = abs(shown) >= 1000 and style != "full"
    if compacted:
        form: Literal["short", "long"] = "short" if locale.language in _SHORT_COUNTS else "long"
        text = format_compact_decimal(
            shown, format_type=form, locale=locale, fraction_digits=max(2, _places(shown))
        )
        category = "many"  # the noun follows "million": "1 million people", "1 млн человек"
    else:
        shown = _as_written(shown)
        text = format_decimal(shown, locale=locale, decimal_quantization=False)
        category = locale.plural_form(abs(shown))
    return _say_in(locale, _PEOPLE.get(category, _PEOPLE["other"]), count=str(text))


def _plain_number(number: Decimal, locale: Locale, places: int = 2) -> str:
    shown = _round(number, places)
    return str(
        format_decimal(
            shown.normalize() if shown == shown.to_integral_value() else shown,
            locale=locale,
            decimal_quantization=False,
        )
    )


def _years(number: Decimal, locale: Locale, qualified: bool) -> str:
    shown = _round(number, 2)
    text = _plain_number(number, locale)
    category = locale.plural_form(abs(shown.normalize()))
    if not qualified:
        own = cldr(locale, "unit_patterns").get("duration-year", {}).get("long", {})
        root = cldr(_root(), "unit_patterns")["duration-year"]["long"]
        pattern = own.get(category) or own.get("other")
        if pattern and pattern != root.get(category, root.get("other")):
            return str(pattern.format(text))
        return _say_in(locale, _YEARS.get(category, _YEARS["other"]), count=text)
    return _say_in(locale, _YEARS_QUALIFIED.get(category, _YEARS_QUALIFIED["other"]), count=text)


def _amount_text(
    number: Decimal,
    unit: Unit,
    locale: Locale,
    style: Style,
    qualified: bool,
    as_percent: bool = False,
    padded: bool = True,
) -> str:
    """One amount of a figure, in the unit's own way of being said."""
    if is_stock(unit) or is_flow(unit):
        code = currency_of(unit)
        assert code is not None
        text = _MONEY[style](number, code, locale, padded)
        period = _period(unit)
        return _per(locale, period, text) if period else text
    if is_count(unit):
        return _count(number, locale, style)
    if is_duration(unit):
        _, factor = _canonical(unit)
        return _years(number * factor, locale, qualified)
    if is_pure(unit):
        if as_percent:
            return _percent(number, locale)
        return _say(locale, _MULTIPLE, number=_plain_number(number, locale))
    code = currency_of(unit)
    if code is not None and _is_per_head(unit):
        text = _MONEY["compact" if style == "compact" else style](number, code, locale, padded)
        text = _say(locale, _PER_PERSON, amount=text)
        period = _period(unit)
        return _per(locale, period, text) if period else text
    return f"{_plain_number(number, locale)} {unit}"


def _percent(number: Decimal, locale: Locale) -> str:
    from babel.numbers import format_percent

    whole = _round(number * 100, 0) / 100
    return str(format_percent(whole, locale=locale))


def _canonical(unit: Unit) -> tuple[Unit, Decimal]:
    from .units import canonical_unit

    target, factor = canonical_unit(unit)
    return target, Decimal(factor.numerator) / Decimal(factor.denominator)


def _is_per_head(unit: Unit) -> bool:
    dims = dict(unit.dimensionality)
    return dims.get("[person]") == -1 and sum(1 for d in dims if d.startswith("[currency_")) == 1


@owned
def format_figure(
    figure: Figure,
    locale: str | Locale = "en_US",
    style: Style = "compact",
    *,
    as_percent: bool = False,
    places: int | None = None,
    digits: int | None = None,
) -> str:
    """A figure with the source's own words put back: ``about $300M``, ``more than $300M per
    year``, ``$250M–$300M``, ``about 1 million people``.

    Numbers carry no more digits than the figure's inputs justify; ``places`` rounds to
    decimal places first (see :meth:`Figure.quantize`) and ``digits`` to significant digits
    (central values to nearest, bounds outwards). Nothing the figure is gets lost: a one-sided
    figure the source called approximate says so in words.

    >>> import ledger as lg
    >>> format_figure(lg.Figure.range("250 million USD", "300 million USD"))
    '$250M–$300M'
    >>> format_figure(lg.Figure.of("300 million USD", "about"), locale="ru_RU")
    'около 300\\xa0млн\\xa0$'
    >>> format_figure(lg.Figure.of("300 USD", "more_than") * lg.Figure.of("1", "about"))
    'more than $300 (approximate)'
    >>> format_figure(lg.Figure.of("1234.5678 USD"), style="full", digits=3)
    '$1,230'
    """
    where = locale_of(locale)
    _check_style(style)
    if not isinstance(figure, Figure):
        figure = Figure.of(figure)
    if places is not None:
        figure = round(figure, places)
    if digits is not None and (
        isinstance(digits, bool) or not isinstance(digits, int) or digits < 1
    ):
        raise LocaleError(
            f"digits={digits!r}: give a whole number of significant digits, 1 or more"
        )
    unit = figure.unit
    value, low, high = shown(figure, digits)
    padded = figure.places is None and digits is None

    def say(number: Decimal | None, qualified: bool = True) -> str:
        assert number is not None
        return _amount_text(number, unit, where, style, qualified, as_percent, padded)

    qualifier = figure.qualifier
    if rounded_point(figure) or qualifier in ("exact", "about", "estimated"):
        if not figure.approximate:
            return say(value, qualified=False)
        return _say(where, _QUALIFIED["about"], amount=say(value))
    if low is not None and high is not None and figure.low_inclusive and figure.high_inclusive:
        text = _say(where, _RANGE, low=say(low), high=say(high))
    else:
        sides = []
        if low is not None:
            word = "at_least" if figure.low_inclusive else "more_than"
            sides.append(_say(where, _QUALIFIED[word], amount=say(low)))
        if high is not None:
            word = "at_most" if figure.high_inclusive else "less_than"
            sides.append(_say(where, _QUALIFIED[word], amount=say(high)))
        if len(sides) == 2:
            text = _say(where, _BOTH, first=sides[0], second=sides[1])
        else:
            text = sides[0] if sides else _say(where, _UNKNOWN)
    if value is not None:
        text = _say(where, _CENTRAL, value=say(value, False), range=text)
    if figure.approximate:
        if qualifier == "range":
            return _say(where, _QUALIFIED["about"], amount=text)
        return _say(where, _APPROXIMATE, text=text)
    return text


@owned
def format_ratio(figure: Figure, locale: str | Locale = "en_US", as_percent: bool = False) -> str:
    """A ratio as people say it: a multiple (``more than 1×``) or a percentage (``about 83%``),
    a duration in years (``about 1 year``), or an amount per head (``more than $300 per person
    per year``).

    >>> import ledger as lg
    >>> format_ratio(lg.Figure.of("1", "more_than"))
    'more than 1×'
    >>> format_ratio(lg.Figure.of("0.8333 year", "about"), locale="ru_RU")
    'около 0,83 года'
    """
    return format_figure(figure, locale, "compact", as_percent=as_percent)


def label(key: str, locale: str | Locale = "en_US", **values: object) -> str:
    """A heading or axis word in the locale (``label("budget", "ru_RU")`` is ``бюджет``)."""
    return _say(locale_of(locale), _LABELS[key], **{k: str(v) for k, v in values.items()})


# -- parties and sentences ------------------------------------------------------------------


def party_name(
    party: str, locale: str | Locale = "en_US", names: dict[str, str] | None = None
) -> str:
    """A party's name in the locale: CLDR's for a state, the ledger's own for others.

    >>> party_name("TJ", "tg_TJ"), party_name("RU", "ru_RU")
    ('Тоҷикистон', 'Россия')
    """
    if names and party in names:
        return names[party]
    territories = locale_of(locale).territories
    return str(territories.get(party, party))


@owned
def describe(
    result: NetBalance | Ratio, locale: str | Locale = "en_US", names: dict[str, str] | None = None
) -> str:
    """One sentence for a net balance or a ratio, with party names from CLDR.

    >>> import ledger as lg
    >>> from datetime import date
    >>> print(describe(lg.net_balance(lg.example(), "TJ", "RU", as_of=date(2004, 3, 15))))
    Tajikistan owes Russia about $250M net: Russia's claim of about $300M less Tajikistan's \
counterclaim of $50M.
    """
    from .netting import NetBalance
    from .ratios import Ratio

    where = locale_of(locale)
    if isinstance(result, NetBalance):
        return _describe_balance(result, where, names)
    if isinstance(result, Ratio):
        question = result.question
        if question == "debt_to_budget" and result.numerator_label == "net debt":
            question = "net_debt_to_budget"
        return _say(
            where,
            _QUESTIONS[question],
            party=party_name(result.party, where, names),
            value=format_ratio(result.value, where),
        )
    raise TypeError(f"describe() takes a NetBalance or a Ratio, not {type(result).__name__}")


def _describe_balance(balance: NetBalance, locale: Locale, names: dict[str, str] | None) -> str:
    debtor, creditor = balance.debtor, balance.creditor
    amount = balance.amount
    zero = Figure(ureg.Quantity(Decimal(0), amount.unit))
    if amount.greater_than(zero) is False and amount.less_than(zero):
        balance = -balance  # keep the direction positive: "Russia owes Tajikistan ..."
        debtor, creditor, amount = balance.debtor, balance.creditor, balance.amount
    parts: list[str] = []
    for line in sorted(balance.lines, key=lambda line: -line.sign):  # claims, then answers
        claim = line.claim
        pattern = _COUNTERCLAIM if claim.counter_to else _CLAIM
        text = _say(
            locale,
            pattern,
            party=party_name(claim.creditor, locale, names),
            amount=format_figure(line.counted, locale),
        )
        if not parts:
            parts.append(text if line.sign > 0 else _say(locale, _LESS, first="0", second=text))
        else:
            joiner = _PLUS if line.sign > 0 else _LESS
            parts[0] = _say(locale, joiner, first=parts[0], second=text)
    details = parts[0] if parts else _say(locale, _NO_CLAIMS)
    if amount.exact_magnitude is not None and amount.exact_magnitude.is_zero():
        return _say(
            locale,
            _EVEN,
            debtor=party_name(debtor, locale, names),
            creditor=party_name(creditor, locale, names),
            details=details,
        )
    return _say(
        locale,
        _NET,
        debtor=party_name(debtor, locale, names),
        creditor=party_name(creditor, locale, names),
        amount=format_figure(amount, locale),
        details=details,
    )


# -- reading back ---------------------------------------------------------------------------

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
def parse_money(text: str, locale: str | Locale = "en_US") -> Quantity:
    """Read back an amount written by :func:`format_money` (full style, and compact where it
    is unambiguous) into a quantity.

    >>> parse_money("$300,000,000", "en_US")
    <Quantity(300000000, 'USD')>
    >>> parse_money("300\\xa0млн\\xa0$ в год", "ru_RU")
    <Quantity(300000000, 'USD / year')>
    """
    where = locale_of(locale)
    rest = _SPACES.sub(" ", text).strip()
    per = None
    for period in TIME_UNITS:
        pattern = _per(where, period, "\x00")
        before, _, after = _SPACES.sub(" ", pattern).partition("\x00")
        if (after and rest.endswith(after)) or (before and rest.startswith(before)):
            rest = rest[len(before) : len(rest) - len(after)].strip() if after or before else rest
            per = period
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
            "locale's separators, starting with a digit"
        )
    try:
        number = parse_decimal(digits, locale=where, strict=True)
    except NumberFormatError as error:
        raise AmountError(f"{text!r} is not an amount in {where}: {error}") from None
    value = number * multiplier
    return money(_as_written(value) if multiplier != 1 else value, code, per=per)


# The one grammar of a number, in a locale's dress: ASCII digits first, then digits and the
# group and decimal signs CLDR uses (",", ".", spaces, apostrophes).
_LOCAL_NUMBER = re.compile(r"-?[0-9][0-9.,'\u00a0\u202f\u2019]*\Z")
