"""One unit registry for every amount: currencies, time and people.

Every ISO 4217 currency that babel knows is a base dimension of its own, so pint itself refuses
``USD + RUB``. A *stock* (a debt) has one currency dimension; a *flow* (remittances, a budget) is
currency per time; ``person`` counts people. The registry is built from definition objects, not
pint's default definitions file, so that ``import ledger`` stays cheap, and magnitudes are always
``Decimal``: text, ``int`` and ``Decimal`` are accepted, floats never.

>>> quantity("300 million USD")
<Quantity(300000000, 'USD')>
>>> quantity("1,000,000 USD") == money(1_000_000, "USD")
True
>>> is_flow(money("300", "USD", per="year")), is_stock(quantity("300 USD"))
(True, True)
>>> to_units(quantity("1200 USD/year"), "USD/month")
<Quantity(100, 'USD / month')>
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Any, TypeAlias, cast

import pint
from babel.numbers import list_currencies
from pint.facets.plain import PlainQuantity, PlainUnit, ScaleConverter, UnitDefinition
from pint.util import UnitsContainer

from .arithmetic import CONTEXT, EXACT, check_amount, owned
from .errors import AmountError, UnitMismatchError

__all__ = [
    "CURRENCIES",
    "TIME_UNITS",
    "Amount",
    "Quantity",
    "Unit",
    "amount_parts",
    "canonical_unit",
    "check_currency",
    "currency_of",
    "decimal",
    "intern_unit",
    "is_count",
    "is_duration",
    "is_flow",
    "is_pure",
    "is_stock",
    "make_quantity",
    "money",
    "parse_unit",
    "quantity",
    "quantity_text",
    "to_units",
    "unit_key",
    "unit_powers",
    "unit_text",
    "ureg",
]

#: Quantities and units are pint's (the registry builds subclasses of these at run time).
Quantity: TypeAlias = PlainQuantity[Decimal]
Unit: TypeAlias = PlainUnit
#: What an amount may be given as: text such as "300 million USD", an int, a Decimal or a
#: quantity of the one registry. Never a float (refused at run time too).
Amount: TypeAlias = str | int | Decimal | Quantity

#: Months in each time unit. A year is exactly 12 months: no 365.25-day year.
TIME_UNITS: dict[str, int] = {"month": 1, "quarter": 3, "year": 12}
_TIME_ALIASES: dict[str, tuple[str, ...]] = {
    "month": ("months",),
    "quarter": ("quarters",),
    "year": ("years", "yr"),
}
SCALE_WORDS: dict[str, int] = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
_SCALE_EXPONENTS = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}

#: Every ISO 4217 code that babel's CLDR data knows, current and historic.
CURRENCIES: frozenset[str] = frozenset(code for code in list_currencies() if code.isalpha())


def _build_registry() -> Any:  # pragma: no mutate block (runs at import: a mutant cannot switch in)
    registry: Any = pint.UnitRegistry(filename=None, non_int_type=Decimal, cache_folder=None)
    one = ScaleConverter(Decimal(1))  # type: ignore[arg-type]

    def base(name: str, dimension: str, aliases: tuple[str, ...] = ()) -> None:
        ref = UnitsContainer({dimension: 1})
        registry.define(UnitDefinition(name, None, aliases, one, ref))

    for code in sorted(CURRENCIES):
        base(code, f"[currency_{code}]")
    base("month", "[time]", _TIME_ALIASES["month"])
    for name in ("quarter", "year"):
        scale = ScaleConverter(Decimal(TIME_UNITS[name]))  # type: ignore[arg-type]
        ref = UnitsContainer({"month": 1})
        registry.define(UnitDefinition(name, None, _TIME_ALIASES[name], scale, ref))
    base("person", "[person]", ("persons", "people"))
    return registry


#: The one registry. Quantities from any other registry are refused.
ureg: pint.UnitRegistry[Decimal] = _build_registry()

_KNOWN_NAMES = frozenset(
    {*CURRENCIES, *TIME_UNITS, "person", "persons", "people", "dimensionless"}.union(
        *_TIME_ALIASES.values()
    )
)
_ACCEPTED = (
    "accepted: a number (digits, optional ',' thousands groups, '.', exponent), an optional "
    "scale word (thousand, million, billion, trillion) and a unit built from ISO 4217 codes, "
    "'person', 'year', 'quarter', 'month' with '/' or 'per', e.g. '300 million USD/year'"
)
#: The one grammar of a number, on every path: ASCII digits, optional thousands groups, a
#: fraction with digits on both sides of the point, an optional exponent.
_NUMBER = r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]{1,6})?"
_NUMBER_TEXT = re.compile(_NUMBER)
_UNIT_START = re.compile(r"\A(?:\Z|[A-Za-z_(])")
_TEXT = re.compile(
    # A space (or the end) after the number: '1_000 USD' and '0x1F USD' are no amounts.
    rf"\A\s*(?P<number>{_NUMBER})(?=\s|\Z)"
    rf"\s*(?:(?P<scale>{'|'.join(SCALE_WORDS)})\b)?\s*(?P<unit>.*?)\s*\Z",
    re.IGNORECASE,
)
_UNIT_SYNTAX = re.compile(r"\A[(]*[A-Za-z_][A-Za-z_ /*()0-9-]*\Z")
#: The longest number text read: 60 digits, groups, sign, point and exponent fit well inside.
_LONGEST = 200


def make_quantity(magnitude: Decimal, unit: Unit | str) -> Quantity:
    """A quantity of the one registry, typed (pint builds the class at run time)."""
    made: Quantity = ureg.Quantity(magnitude, unit)
    return made


def decimal(value: object, what: str = "amount") -> Decimal:
    """A finite ``Decimal`` from text, an ``int`` or a ``Decimal``; floats are refused.

    >>> decimal("1,500.25")
    Decimal('1500.25')
    >>> decimal(0.1)
    Traceback (most recent call last):
    ...
    ledger.errors.AmountError: amount: float 0.1 is not accepted, since binary floats cannot \
hold most decimal amounts exactly; pass text ('0.1'), an int or a Decimal
    """
    if isinstance(value, bool):
        raise AmountError(f"{what}: {value!r} is a bool, not a number")
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        raise AmountError(
            f"{what}: float {value!r} is not accepted, since binary floats cannot hold most "
            f"decimal amounts exactly; pass text ('{value!r}'), an int or a Decimal"
        )
    elif isinstance(value, str):
        number = _read_number(value, what)
    else:
        shown = f"{type(value).__name__} {value!r}" if value is not None else "None"
        raise AmountError(f"{what}: {shown} is not a number; pass text, an int or a Decimal")
    if not number.is_finite():
        raise AmountError(f"{what}: {value!r} is not finite; amounts are finite numbers")
    return check_amount(number, what)


def _read_number(text: str, what: str, scale: int | None = None, matched: bool = False) -> Decimal:
    """A number's text by the one grammar (and an optional scale), inside the limits;
    ``matched`` when the caller has matched it against the grammar already."""
    if matched:
        number = Decimal(text.replace(",", ""))
        if scale is not None:
            number = _plain(check_amount(number.scaleb(scale, CONTEXT), what))
        elif "e" in text or "E" in text:
            number = _plain(check_amount(number, what))
        else:
            number = check_amount(number, what)
        return number
    cleaned = text.strip()
    if len(cleaned) > _LONGEST:
        raise AmountError(
            f"{what}: a number of {len(cleaned)} characters is too long; amounts have at most "
            "60 significant digits"
        )
    if not _NUMBER_TEXT.fullmatch(cleaned):
        shown = f"{text[:40]!r}..." if len(text) > 40 else repr(text)
        raise AmountError(
            f"{what}: {shown} is not a number; accepted: ASCII digits like '300', "
            "'1,500.25', '-0.5' or '3e8'"
        )
    number = Decimal(cleaned.replace(",", ""))  # the constructor is exact, in any context
    if scale is not None:
        number = number.scaleb(scale, CONTEXT)
    number = check_amount(number, what)
    if scale is not None or "e" in cleaned.lower():
        number = _plain(number)
    return number


@lru_cache(maxsize=1024)
def parse_unit(text: str) -> Unit:
    """The registry's unit for text such as ``"USD/year"`` or ``"USD per person per year"``.

    >>> parse_unit("USD per year")
    <Unit('USD / year')>
    """
    cleaned = text.strip()
    if not cleaned:
        dimensionless: Unit = ureg.dimensionless
        return dimensionless
    if not _UNIT_SYNTAX.match(cleaned):
        raise AmountError(f"unit {text!r} is not a unit expression; {_ACCEPTED}")
    unknown = [
        name
        for name in re.findall(r"[A-Za-z_]+", cleaned)
        if name not in _KNOWN_NAMES and name != "per"
    ]
    if unknown:
        hints = []
        for name in unknown:
            if name.upper() in CURRENCIES:
                hints.append(f"{name!r} (currency codes are upper-case: {name.upper()!r})")
            else:
                hints.append(repr(name))
        raise AmountError(
            f"unit {text!r}: unknown {', '.join(hints)}; currencies are ISO 4217 codes "
            "known to CLDR (USD, RUB, TJS, ...), other units are person, year, quarter, month"
        )
    expression = re.sub(r"\s*\bper\b\s*", "/", cleaned)
    try:
        unit = intern_unit(ureg.parse_units(expression))
    except Exception:  # pint's parser raises assorted types, in its own words, on bad text
        raise AmountError(f"unit {text!r} could not be read; {_ACCEPTED}") from None
    powers = [power for name, power in unit_powers(unit).items() if name in CURRENCIES]
    if any(abs(power) != 1 for power in powers) or sum(p > 0 for p in powers) > 1:
        raise AmountError(
            f"unit {text!r} multiplies currencies ({_unit_text(unit)}); an amount is in one "
            "currency, and a rate is one currency per another, e.g. 'RUB/USD'"
        )
    return unit


def quantity(value: Amount) -> Quantity:
    """An amount from text (``"300 million USD/year"``) or a quantity of this registry.

    >>> quantity("300e6 USD/year")
    <Quantity(300000000, 'USD / year')>
    >>> quantity("1 million person")
    <Quantity(1000000, 'person')>
    """
    if isinstance(value, ureg.Quantity):
        magnitude = value.magnitude
        checked = decimal(magnitude)
        if checked is magnitude:
            return cast(Quantity, value)
        return make_quantity(checked, value.units)
    if isinstance(value, pint.Quantity):
        raise AmountError(
            f"quantity {value!r} comes from another pint registry; build amounts with "
            "lg.quantity(...) or lg.money(...), which use the one registry lg.ureg"
        )
    if isinstance(value, float):
        decimal(value)  # raises the float refusal, with its reason
    if not isinstance(value, str):
        raise AmountError(
            f"{type(value).__name__} {value!r} is not an amount; pass text such as "
            "'300 million USD' or use lg.money(amount, currency)"
        )
    return make_quantity(*amount_parts(value))


def amount_parts(text: str) -> tuple[Decimal, Unit]:
    """The magnitude and unit of an amount's text, without building a quantity (fast path).

    >>> amount_parts("1.5 million USD/year")
    (Decimal('1500000'), <Unit('USD / year')>)
    """
    number_text, _, rest = text.partition(" ")
    if len(number_text) <= _LONGEST and _NUMBER_TEXT.fullmatch(number_text):
        # The common file forms, "300000000 USD/year" and "300 million USD", without the long
        # pattern; the number itself goes by the one grammar all the same.
        word, _, tail = rest.partition(" ")
        scale = _SCALE_EXPONENTS.get(word.lower())
        unit_part = tail if scale else rest
        if unit_part[:1].isupper():
            return _read_number(number_text, "amount", scale, matched=True), parse_unit(unit_part)
    if len(text) > 2 * _LONGEST:
        raise AmountError(
            f"amount text of {len(text)} characters is too long; amounts have at most 60 "
            f"significant digits; {_ACCEPTED}"
        )
    match = _TEXT.match(text)
    if match is None or not _UNIT_START.match(match["unit"]):
        shown = f"{text[:40]!r}..." if len(text) > 40 else repr(text)
        raise AmountError(f"{shown} is not an amount; {_ACCEPTED}")
    scale_word = match["scale"]
    number = _read_number(
        match["number"], "amount", _SCALE_EXPONENTS[scale_word.lower()] if scale_word else None
    )
    return number, parse_unit(match["unit"])


def _plain(number: Decimal) -> Decimal:
    """Whole numbers without exponent or trailing ``.0``; decimals as written (``300.50``)."""
    exponent = number.as_tuple().exponent
    whole = number == number.to_integral_value()
    if isinstance(exponent, int) and (exponent > 0 or (exponent < 0 and whole)):
        return number.quantize(Decimal(1), context=CONTEXT)
    return number


def check_currency(code: object, what: str = "currency") -> str:
    """``code`` if it is an ISO 4217 code CLDR knows; else an error that says so, in words.

    >>> check_currency("usd", "to")
    Traceback (most recent call last):
    ...
    ledger.errors.AmountError: to 'usd' is not an ISO 4217 code known to CLDR (codes are \
upper-case: 'USD'); e.g. USD, RUB, TJS
    """
    if isinstance(code, str) and code in CURRENCIES:
        return code
    hint = ""
    reason: tuple[str, dict[str, object]] = ("currency code", {"code": str(code)})
    if isinstance(code, str) and code.upper() in CURRENCIES:
        hint = f" (codes are upper-case: {code.upper()!r})"
        reason = ("currency code case", {"code": code, "upper": code.upper()})
    refused = AmountError(
        f"{what} {code!r} is not an ISO 4217 code known to CLDR{hint}; e.g. USD, RUB, TJS"
    )
    refused.reason = reason  # a reader's words: the code to give
    raise refused


def money(amount: str | int | Decimal, currency: str, per: str | None = None) -> Quantity:
    """A stock (``per=None``) or a flow (``per="year"``) from a number and an ISO 4217 code.

    >>> money("300", "USD", per="year")
    <Quantity(300, 'USD / year')>
    """
    check_currency(currency)
    unit_name = currency
    if per is not None:
        if per not in TIME_UNITS:
            raise AmountError(f"per={per!r} is not a period; accepted: {', '.join(TIME_UNITS)}")
        unit_name = f"{currency}/{per}"
    return make_quantity(decimal(amount), parse_unit(unit_name))


@lru_cache(maxsize=1024)
def _unit_dimensions(unit: Unit) -> dict[str, Decimal]:
    return {str(name): Decimal(str(power)) for name, power in unit.dimensionality.items()}


def _dimensions(unit: Unit) -> dict[str, Decimal]:
    return _unit_dimensions(unit)


def currency_of(unit: Unit | Quantity) -> str | None:
    """The currency code of a stock or flow (a unit or a quantity), else ``None``.

    >>> currency_of(parse_unit("TJS/year")), currency_of(parse_unit("person"))
    ('TJS', None)
    """
    return _currency_of(unit._units)  # either has it: the unit's names and powers


@lru_cache(maxsize=1024)
def _currency_of(names: UnitsContainer) -> str | None:
    """The one currency among a unit's names (asked of every entry's unit: kept)."""
    currencies = [str(name) for name in names if str(name) in CURRENCIES]
    return currencies[0] if len(currencies) == 1 else None


def _unit_of(value: Quantity | Unit) -> Unit:
    return value.units if isinstance(value, PlainQuantity) else value


def is_stock(value: Quantity | Unit) -> bool:
    """Is this a stock: one currency, nothing else (a debt, a claim)?"""
    return _is_stock(_unit_of(value))


@lru_cache(maxsize=1024)
def _is_stock(unit: Unit) -> bool:
    dims = _dimensions(unit)
    return len(dims) == 1 and next(iter(dims.values())) == 1 and _is_currency_dim(next(iter(dims)))


def is_flow(value: Quantity | Unit) -> bool:
    """Is this a flow: one currency per time (remittances, a budget)?"""
    return _is_flow(_unit_of(value))


@lru_cache(maxsize=1024)
def _is_flow(unit: Unit) -> bool:
    dims = _dimensions(unit)
    if len(dims) != 2 or dims.get("[time]") != -1:
        return False
    ((name, power),) = ((k, v) for k, v in dims.items() if k != "[time]")
    return power == 1 and _is_currency_dim(name)


def is_count(value: Quantity | Unit) -> bool:
    """Is this a count of people?"""
    return _dimensions(_unit_of(value)) == {"[person]": 1}


def is_duration(value: Quantity | Unit) -> bool:
    """Is this a time span (a stock divided by a flow)?"""
    return _dimensions(_unit_of(value)) == {"[time]": 1}


def is_pure(value: Quantity | Unit) -> bool:
    """Is this a pure number (a flow divided by a flow)?"""
    return not _dimensions(_unit_of(value))


def _is_currency_dim(name: str) -> bool:
    return name.startswith("[currency_")


def unit_powers(unit: Unit | Quantity) -> dict[str, int]:
    """Each unit name in ``unit`` and its power: the one place that reads pint's container.

    >>> sorted(unit_powers(parse_unit("USD/person/year")).items())
    [('USD', 1), ('person', -1), ('year', -1)]
    """
    return {str(name): int(Decimal(str(power))) for name, power in unit._units.items()}


def unit_key(value: Quantity) -> UnitsContainer:
    """A hashable key for a quantity's unit without building a ``Unit`` (pint makes a new one
    on every ``q.units``): for caches on hot paths."""
    return value._units


def unit_text(unit: Unit) -> str:
    """Compact text of a unit that :func:`parse_unit` reads back: ``USD/person/year``.

    >>> unit_text(parse_unit("USD per person per year")), unit_text(parse_unit(""))
    ('USD/person/year', '')
    """
    return _unit_text(getattr(unit, "units", unit))


def _rank(name: str) -> tuple[int, str]:
    """Money first, then people, then time: ``USD/person/year``."""
    return (0 if name in CURRENCIES else 1 if name == "person" else 2, name)


@lru_cache(maxsize=1024)
def _unit_text(unit: Unit) -> str:
    items = sorted(unit_powers(unit).items(), key=lambda item: _rank(item[0]))
    up = [(name, power) for name, power in items if power > 0]
    down = [(name, -power) for name, power in items if power < 0]

    def term(name: str, power: int) -> str:
        return name if power == 1 else f"{name}**{power}"

    text = "*".join(term(n, p) for n, p in up) or ("1" if down else "")
    return text + "".join(f"/{term(n, p)}" for n, p in down)


def quantity_text(value: Quantity, *, words: bool = False) -> str:
    """Plain text of a quantity that :func:`quantity` reads back exactly.

    With ``words=True`` (as files are written) a whole number of millions, billions or
    trillions reads as people write it; a number written with decimals keeps its digits.

    >>> quantity_text(quantity("300e6 USD/year"))
    '300000000 USD/year'
    >>> quantity_text(quantity("1,500,000 USD"), words=True)
    '1.5 million USD'
    """
    magnitude = _scaled_words(value.magnitude) if words else format(value.magnitude, "f")
    unit = unit_text(value.units)
    return f"{magnitude} {unit}" if unit else magnitude


def _scaled_words(number: Decimal) -> str:
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= 0:
        for word in ("trillion", "billion", "million"):
            scale = SCALE_WORDS[word]
            if number.copy_abs() >= scale:
                scaled = number.scaleb(-_SCALE_EXPONENTS[word], CONTEXT).normalize(CONTEXT)
                places = scaled.as_tuple().exponent
                if isinstance(places, int) and places >= -3:
                    return f"{format(scaled, 'f')} {word}"
                break
    return format(number, "f")


@lru_cache(maxsize=1024)
def canonical_unit(unit: Unit) -> tuple[Unit, Fraction]:
    """The canonical unit of the same dimension and the exact factor into it.

    Time is counted in years, people in persons, money in its own currency:
    ``USD/month`` is ``USD/year`` times 12.

    >>> canonical_unit(parse_unit("USD/month"))
    (<Unit('USD / year')>, Fraction(12, 1))
    """
    factor = Fraction(1)
    parts: dict[str, int] = {}
    for name, power in unit_powers(unit).items():
        exponent = int(power)
        if name in TIME_UNITS:
            factor /= Fraction(12, TIME_UNITS[name]) ** exponent
            parts["year"] = parts.get("year", 0) + exponent
        else:
            parts[name] = parts.get(name, 0) + exponent
    text = "*".join(f"{n}**{p}" for n, p in parts.items() if p) or "dimensionless"
    return intern_unit(ureg.parse_units(text)), factor


_INTERNED: dict[Any, Unit] = {}


def intern_unit(unit: Unit) -> Unit:
    """One shared object per unit, so that units compare (and key dicts) by identity.

    pint hands out a new ``Unit`` object on every ``q.units``; figures keep interned ones.
    """
    return _INTERNED.setdefault(unit, unit)


def _scale_exactly(value: Quantity, factor: Fraction, target: Unit) -> Decimal:
    magnitude = value.magnitude
    if factor == 1:
        return magnitude
    exact = Fraction(magnitude) * factor
    try:
        return EXACT.divide(Decimal(exact.numerator), Decimal(exact.denominator))
    except ArithmeticError:
        raise AmountError(
            f"{quantity_text(value)} in {unit_text(target)} is {exact.numerator}/"
            f"{exact.denominator}, which no decimal holds exactly; use "
            "lg.Figure.of(amount).to(unit), which rounds outwards and says so"
        ) from None


@owned
def to_units(value: Quantity, unit: str | Unit) -> Quantity:
    """Convert between time units exactly (pint's own conversion rounds through 1/12); a
    result no decimal holds exactly is refused, never rounded in silence.

    >>> to_units(quantity("100 USD/month"), "USD/year")
    <Quantity(1200, 'USD / year')>
    >>> to_units(quantity("100 USD/year"), "USD/month")
    Traceback (most recent call last):
    ...
    ledger.errors.AmountError: 100 USD/year in USD/month is 25/3, which no decimal holds \
exactly; use lg.Figure.of(amount).to(unit), which rounds outwards and says so
    """
    target = parse_unit(unit) if isinstance(unit, str) else unit
    if value.units.dimensionality != target.dimensionality:
        raise UnitMismatchError(
            f"cannot convert {quantity_text(value)} to {unit_text(target)}: "
            f"{value.units.dimensionality} is not {target.dimensionality}"
        )
    _, source_factor = canonical_unit(value.units)
    _, target_factor = canonical_unit(target)
    return make_quantity(_scale_exactly(value, source_factor / target_factor, target), target)
