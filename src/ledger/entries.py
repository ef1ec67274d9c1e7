"""Entries: typed, frozen records of what a source said, one kind per thing a ledger holds.

Each entry has an ``id``, the date it speaks for (``as_of``), its ``source``, the ``quote``
(the source's own words for the figure) and a ``note``. Kinds are told apart by ``kind``:
claims (and counterclaims, which are claims with ``counter_to``), remittances, budgets,
settlements, exchange rates, a country's macro aggregates (GDP and debt stocks) and ratios as
sources published them (shares).

>>> rferl = Source(publisher="RFE/RL", title="Tajikistan: Relations With Moscow Appear To "
...                "Have Reached New Low", date="2004-03-15")
>>> claim = Claim(id="ru-claim", as_of="2004-03-15", source=rferl, creditor="RU",
...               debtor="TJ", asserted_by="RU", amount=Figure.of("300 million USD", "about"),
...               quote="Russia says Tajikistan owes some $300 million to Moscow.")
>>> print(claim.amount)
about 300000000 USD
>>> Claim(id="bad", as_of="2004-03-15", source=rferl, creditor="RU", debtor="RU",
...       asserted_by="RU", amount="300 million USD")
Traceback (most recent call last):
...
ledger.errors.LedgerFileError: 1 problem in the ledger; nothing was loaded:
  - claim (bad): creditor and debtor are both 'RU'; a claim is between two parties
"""

from __future__ import annotations

import copy
import math
import re
from collections import deque
from collections.abc import Iterable
from datetime import date, datetime, time
from functools import cache, lru_cache
from itertools import repeat
from typing import Annotated, Any, Literal, TypeAlias, cast

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetPydanticSchema,
    PlainSerializer,
    PlainValidator,
    ValidationError,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import SchemaValidator, core_schema

from .arithmetic import check_amount
from .errors import AmountError, FigureError, LedgerFileError, Problem, UnitMismatchError
from .figures import QUALIFIERS, Figure
from .terms import Terms
from .units import (
    CURRENCIES,
    Amount,
    Quantity,
    currency_of,
    decimal,
    is_count,
    is_flow,
    is_pure,
    is_stock,
    quantity,
    quantity_text,
    unit_powers,
    unit_text,
)

__all__ = [
    "ENTRY_KINDS",
    "FIGURE_KEYS",
    "GDP",
    "Budget",
    "Claim",
    "DebtMeasure",
    "DebtStock",
    "Entry",
    "EntryBase",
    "Rate",
    "Remittance",
    "Settlement",
    "Share",
    "Source",
    "compacted",
    "date_error",
    "error_message",
    "figure_from_data",
    "figure_to_data",
    "is_party",
    "light_entries",
    "party_error",
    "url_error",
]

# Python's ``$`` also matches before a final newline ("org:imf\n"): patterns run here by
# ``re`` end in ``\Z``. The slug pattern is run by pydantic-core's Rust engine and published
# in the JSON Schema (ECMA-262), where ``$`` is the end of the text and ``\Z`` is unknown.
_SLUG_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
_ORG = re.compile(r"org:[a-z0-9][a-z0-9-]*\Z")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_ISO_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"  # for pydantic-core's Rust engine
_DATE_ACCEPTED = 'accepted: an ISO date such as "2004-03-15" (in TOML also a bare 2004-03-15)'


@lru_cache(maxsize=1)
def _territories() -> frozenset[str]:
    from babel import Locale

    codes: Any = Locale("en").territories
    return frozenset(
        code
        for code in codes
        if isinstance(code, str) and len(code) == 2 and code.isalpha() and code != "ZZ"
    )


def is_party(text: str) -> bool:
    """An ISO 3166 alpha-2 code CLDR knows (``RU``, ``TJ``) or an ``org:`` slug."""
    return text in _territories() or bool(_ORG.match(text))


def party_error(text: object) -> str | None:
    """Why ``text`` is not a party, or ``None`` when it is one."""
    if not isinstance(text, str):
        return f"a party is text, not {type(text).__name__}"
    if is_party(text):
        return None
    hint = ""
    if text.upper() in _territories():
        hint = f" (codes are upper-case: {text.upper()!r})"
    return (
        f"party {text!r} is not an ISO 3166 alpha-2 code known to CLDR{hint} nor an "
        "'org:' slug such as 'org:imf'"
    )


def _check_party(value: str) -> str:
    known = _PARTIES_SEEN.get(value)
    if known is not None:  # three parties an entry: the common case in one look-up
        return known  # and one text for each party however many entries name it (issue 14)
    problem = party_error(value)
    if problem:
        raise ValueError(problem)
    if type(value) is str and len(_PARTIES_SEEN) < _HELD_AT_MOST:
        _PARTIES_SEEN[value] = value
    return value


#: Parties that passed :func:`_check_party`, each as one ``str`` (a party is known for good).
_PARTIES_SEEN: dict[str, str] = {}
#: The most parties, or days, held for sharing: past it, new ones are checked and kept apart.
_HELD_AT_MOST = 100_000


Party = Annotated[str, AfterValidator(_check_party)]
# A pattern constraint runs inside pydantic-core; loading checks two slugs an entry.
Slug = Annotated[str, Field(pattern=_SLUG_PATTERN)]


def date_error(value: object) -> str:
    """Why ``value`` is not a date as files write it, and what is accepted."""
    if isinstance(value, datetime):
        return (
            f"{value.isoformat(sep=' ')} has a time of day; a date is written alone, such as "
            f"{value.date().isoformat()}"
        )
    if isinstance(value, str):
        head = value[:10]
        if _ISO_DATE.match(head) and value[10:11] in ("T", "t", " "):
            return f"{value!r} has a time of day; a date is written alone, such as {head!r}"
        why = ""
        if _ISO_DATE.match(value):
            try:
                date.fromisoformat(value)
            except ValueError as error:
                why = f" ({error})"
        return f"{value!r} is not a date{why}; {_DATE_ACCEPTED}"
    if isinstance(value, time):
        return f"time {value.isoformat()} is not a date; {_DATE_ACCEPTED}"
    if value is None:
        return f"null is not a date; {_DATE_ACCEPTED}"
    return f"{type(value).__name__} {value!r} is not a date; {_DATE_ACCEPTED}"


# A date as files write it, checked inside pydantic-core (no Python call an entry): a ``date``
# (a TOML date; strict, so no datetime) or ISO text. Lax parsing would read a number as seconds
# since 1970 and text with a zero time as a date. ``book`` words the refusal with date_error.
_DATE_SCHEMA = core_schema.union_schema(
    [
        core_schema.date_schema(strict=True),
        core_schema.chain_schema(
            [
                core_schema.str_schema(pattern=_ISO_DATE_PATTERN, strict=True),
                core_schema.date_schema(),
            ]
        ),
    ],
    custom_error_type="iso_date",
    custom_error_message=f"not a date; {_DATE_ACCEPTED}; never a number, nor a date with a time",
)


def _same_day(day: date) -> date:
    """One object for each day however many entries are dated so (a file's reader makes a
    new one each time)."""
    known = _DAYS.get(day)
    if known is not None:
        return known
    if type(day) is date and len(_DAYS) < _HELD_AT_MOST:
        _DAYS[day] = day
    return day


_DAYS: dict[date, date] = {}
IsoDate = Annotated[
    date,
    GetPydanticSchema(
        lambda _type, _handler: core_schema.no_info_after_validator_function(
            _same_day, _DATE_SCHEMA
        )
    ),
    WithJsonSchema({"type": "string", "format": "date"}),
]
#: A whole number: strict, so that ``true`` and ``"2004"`` are refused rather than read as 1
#: and 2004.
WholeNumber = Annotated[int, Field(strict=True)]


def _check_year(value: int) -> int:
    if not 1 <= value <= 9999:
        raise ValueError(
            f"{value} is not a year; accepted: a whole number from 1 to 9999, such as 2004"
        )
    return value


#: A year, as dates have them: 1 to 9999.
Year = Annotated[WholeNumber, AfterValidator(_check_year)]


def _given(value: object) -> str:
    """A value as a problem names it: its type and itself (``null`` for JSON's null)."""
    return "null" if value is None else f"{type(value).__name__} {value!r}"


def _literal_given(value: object) -> str:
    """A value given where a word was expected: itself, or its type and itself when it is no
    text (``5``, ``date 2013-01-01``)."""
    if isinstance(value, str | int | bool | float) or value is None:
        return _given(value) if isinstance(value, bool) or value is None else repr(value)
    shown = value.isoformat() if isinstance(value, date) else repr(value)
    return f"{type(value).__name__} {shown}"


def error_message(item: Any) -> str:
    """The words for one of pydantic's errors (an item of ``ValidationError.errors()``), as a
    file's problem says them: what was given, what is wrong, what is accepted."""
    message = str(item["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        if message.startswith(prefix):
            message = message[len(prefix) :]
    kind = item["type"]
    if kind == "missing":
        return "missing; this field is required"
    if kind == "extra_forbidden":
        return f"unknown field (value {item['input']!r})"
    if kind == "union_tag_invalid":
        kinds = ", ".join(ENTRY_KINDS)
        tag = item["input"].get("kind")
        return f"kind {'null' if tag is None else repr(tag)} is not known; accepted: {kinds}"
    if kind == "union_tag_not_found":
        return f"missing 'kind'; accepted: {', '.join(ENTRY_KINDS)}"
    if kind == "string_pattern_mismatch":
        return (
            f"{item['input']!r} is not a slug: use lower-case letters, digits, '-', '_' "
            "or '.', starting with a letter or digit"
        )
    if kind == "literal_error":
        return f"must be one of {item['ctx']['expected']} (given {_literal_given(item['input'])})"
    if kind == "iso_date":
        return date_error(item["input"])
    if kind == "int_type":
        return (
            f"{_given(item['input'])} is not a whole number; accepted: a whole number "
            "such as 2004, without quotes or a decimal point"
        )
    if kind == "string_type":
        return f"{_given(item['input'])} is not text; write it in quotes"
    if kind == "string_too_short":
        return "empty text is not accepted; write at least one character"
    if kind == "model_type" and item["loc"][-1:] == ("source",):
        return (
            f"{_given(item['input'])} is not a source; give lg.Source(publisher=..., title=..., "
            "date=...) (in a file, the id of a table under [sources])"
        )
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"{_given(item['input'])} is not a table of key = value pairs"
    return message


# -- figures in entries -------------------------------------------------------------------

FIGURE_KEYS = (
    "amount",
    "qualifier",
    "low",
    "high",
    "approximate",
    "low_inclusive",
    "high_inclusive",
    "places",
    "converted_from",
)
_SIMPLE_KEYS = frozenset({"amount", "qualifier"})
_POINT_AND_ONE_SIDED = frozenset(QUALIFIERS) - {"range"}


def _amount_text(value: object, where: str) -> str | Quantity:
    """An amount given as text (kept as text: Figure reads it fastest) or a quantity; a bare
    number, which has no unit, is refused."""
    if isinstance(value, (int, float)):
        if isinstance(value, bool):
            what, why, shown = "boolean", "it is not a number", str(value).lower()
        elif isinstance(value, float):
            what, why, shown = "float", "it may already be rounded and it has no unit", repr(value)
        else:
            what, why, shown = "number", "no unit", repr(value)
        if len(shown) > 40:
            shown = f"{shown[:20]}...{shown[-12:]}"
        prefix = "" if where == "amount" else f"{where}: "
        # The number itself as the example, where it is one an amount can be.
        example = f"{value!r} USD" if _may_be_written(value) else "300 million USD"
        raise AmountError(
            f"{prefix}{what} {shown} is not accepted ({why}); write the amount as text "
            f'with its unit, e.g. "{example}"'
        )
    return value if isinstance(value, str) else quantity(cast(Amount, value))


def _may_be_written(value: int | float) -> bool:
    """Whether a number from a file, written as text, would be an amount."""
    if isinstance(value, bool) or (isinstance(value, float) and not math.isfinite(value)):
        return False
    try:
        decimal(repr(value) if isinstance(value, float) else value)
    except AmountError:
        return False
    return True


def figure_from_data(data: object) -> Figure:
    """A figure from its data form: a :class:`Figure`, text (``"about 300 million USD"``) or a
    table with ``amount`` and ``qualifier``, or ``low``/``high`` for a range.

    >>> print(figure_from_data({"amount": "300 million USD/year", "qualifier": "more_than"}))
    more than 300000000 USD/year
    >>> print(figure_from_data("some 300 million USD"))
    about 300000000 USD
    >>> print(figure_from_data({"low": "250 million USD", "high": "300 million USD"}))
    between 250000000 and 300000000 USD
    """
    if isinstance(data, Figure):
        return data
    if isinstance(data, str):
        return Figure.of(data)  # a leading word ("about 300 million USD") is read there
    if isinstance(data, dict):
        return _figure_from_table(data)
    if isinstance(data, (int, float)):
        _amount_text(data, "amount")
    raise FigureError(
        f"{_given(data)} is not a figure; write text such as "
        "'300 million USD' with a qualifier, or a table with low and high"
    )


def _figure_from_table(data: dict[str, Any]) -> Figure:
    """A figure from a table: the short form (amount and qualifier), or the whole one."""
    if data.keys() <= _SIMPLE_KEYS and isinstance(data.get("amount"), str):
        # The common file form: amount text and a qualifier word.
        qualifier = data.get("qualifier", "exact")
        if qualifier in _POINT_AND_ONE_SIDED:
            return Figure.of(data["amount"], qualifier)
    unknown = sorted(set(data) - set(FIGURE_KEYS))
    if unknown:
        raise FigureError(
            f"unknown key {', '.join(map(repr, unknown))} in a figure; accepted: "
            f"{', '.join(FIGURE_KEYS)}"
        )
    qualifier = data.get("qualifier")
    if qualifier is not None and qualifier not in (*QUALIFIERS, "unknown"):
        raise FigureError(
            f"qualifier {qualifier!r} is not known; accepted: {', '.join(QUALIFIERS)}"
        )
    flags: dict[str, bool] = {
        k: data[k] for k in ("approximate", "low_inclusive", "high_inclusive") if k in data
    }
    for key, flag in flags.items():
        if not isinstance(flag, bool):
            raise FigureError(f"{key} must be true or false, not {flag!r}")
    if "converted_from" in data:
        return _converted(data)
    places = data.get("places")
    if places is not None and (isinstance(places, bool) or not isinstance(places, int)):
        raise FigureError(f"places must be a whole number, not {places!r}")
    general = "low" in data or "high" in data or "places" in data or qualifier == "range"
    if general or qualifier == "unknown" or set(flags) - {"approximate"}:
        return _figure_with_bounds(data, qualifier, flags, places)
    if "amount" not in data:
        raise FigureError("a figure needs 'amount' (or 'low'/'high' for a range)")
    figure = Figure.of(_amount_text(data["amount"], "amount"), qualifier or "exact")
    if data.get("approximate") is True and not figure.approximate:
        raise FigureError("approximate = true needs a qualifier such as 'about'")
    return figure


def _figure_with_bounds(
    data: dict[str, Any], qualifier: str | None, flags: dict[str, bool], places: int | None
) -> Figure:
    """The whole form: amount, low, high, their flags and places; the word must fit."""
    if qualifier == "unknown" and ("low" in data or "high" in data):
        raise FigureError("qualifier 'unknown' is a central value with no bounds")
    if qualifier == "range" and ("low" not in data or "high" not in data):
        raise FigureError(
            "qualifier 'range' needs both bounds, low and high, e.g. "
            'low = "250 million USD", high = "300 million USD"'
        )
    figure = Figure(
        _optional(data.get("amount"), "amount"),
        low=_optional(data.get("low"), "low"),
        high=_optional(data.get("high"), "high"),
        qualifier=qualifier if qualifier in ("unknown", "estimated") else None,
        places=places,
        **flags,
    )
    # The word must say what the bounds say ("range" is any figure with two bounds).
    reads = figure.qualifier
    fits = qualifier in (None, reads) or (
        qualifier == "range" and figure.low is not None and figure.high is not None
    )
    if not fits:
        raise FigureError(
            f"qualifier {qualifier!r} does not go with low/high bounds that read as {reads!r}"
        )
    return figure


def _without_origin(figure: Figure) -> Figure:
    """The same parts and flags, as a figure of its own (for writing them out)."""
    return Figure(
        figure.value,
        low=figure.low,
        high=figure.high,
        low_inclusive=figure.low_inclusive,
        high_inclusive=figure.high_inclusive,
        approximate=figure.approximate,
        places=figure.places,
        qualifier="unknown" if figure.low is None and figure.high is None else None,
    )


def _converted(data: dict[str, Any]) -> Figure:
    """A figure written with ``converted_from``: that figure, converted again, which must give
    the parts written beside it."""
    origin = figure_from_data(data["converted_from"])
    stated = figure_from_data({k: v for k, v in data.items() if k != "converted_from"})
    figure = origin.to(stated.unit)
    if _without_origin(figure) != stated:
        raise FigureError(
            f"converted_from {origin} in {unit_text(stated.unit)} is {figure}, not {stated}; "
            "write the parts the conversion gives, or leave converted_from out"
        )
    return figure


def _optional(value: object, where: str) -> Amount | None:
    return None if value is None else _amount_text(value, where)


def figure_to_data(figure: Figure, *, words: bool = False) -> dict[str, Any]:
    """The data form of a figure: text amounts, never floats, and everything the figure is,
    so that :func:`figure_from_data` gives it back equal. Files are written with
    ``words=True`` ("300 million USD"); machine output keeps digits.

    >>> figure_to_data(Figure.of("300 million USD", "about"))
    {'amount': '300000000 USD', 'qualifier': 'about'}
    >>> figure_to_data(Figure.of("300 million USD", "about"), words=True)
    {'amount': '300 million USD', 'qualifier': 'about'}
    >>> figure_to_data(Figure("300 million USD", low="250 million USD", approximate=True))
    {'amount': '300000000 USD', 'low': '250000000 USD', 'qualifier': 'at_least',
     'approximate': True}
    """
    qualifier = figure.qualifier
    data: dict[str, Any]
    if figure.origin is not None:
        # A conversion that had to round: the rounded parts for readers, and the figure it
        # was converted from, which loading converts again.
        data = {
            key: value
            for key, value in figure_to_data(_without_origin(figure), words=words).items()
        }
        data["converted_from"] = figure_to_data(figure.origin, words=words)
        return data
    if figure.places is None and qualifier in _POINT_AND_ONE_SIDED:
        # The short form, as people write it, wherever it says all there is.
        part = {"at_least": figure.low, "more_than": figure.low}.get(
            qualifier, figure.high if qualifier in ("at_most", "less_than") else figure.value
        )
        if part is not None:
            data = {"amount": quantity_text(part, words=words)}
            if qualifier != "exact":
                data["qualifier"] = qualifier
            if Figure.of(part, qualifier) == figure:
                return data
    data = {}
    if figure.value is not None:
        data["amount"] = quantity_text(figure.value, words=words)
    if figure.low is not None:
        data["low"] = quantity_text(figure.low, words=words)
        if not figure.low_inclusive:
            data["low_inclusive"] = False
    if figure.high is not None:
        data["high"] = quantity_text(figure.high, words=words)
        if not figure.high_inclusive:
            data["high_inclusive"] = False
    # The word for its shape, always, so that every reader finds it in one place ("unknown":
    # a central value with no bounds at all).
    data["qualifier"] = figure.qualifier
    if figure.approximate:
        data["approximate"] = True
    if figure.places is not None:
        data["places"] = figure.places
    return data


def _figure_to_file(figure: Figure) -> dict[str, Any]:
    return figure_to_data(figure, words=True)


def _non_negative(figure: Figure, read: bool = False) -> Figure:
    """``figure`` when its parts are not negative and inside the limits of an amount (a
    point ``read`` from text was checked against the limits as it was read)."""
    # The magnitudes directly: building three pint quantities per entry costs more than the
    # rest of the check (see benchmarks/bench_load.py).
    value, low, high = figure.magnitudes
    if value is not None and low is value and high is value and value >= 0:
        if not read:
            check_amount(value)  # a point, the common case: one number, checked once
        return figure
    for name, bound in (("amount", value), ("lower bound", low), ("upper bound", high)):
        if bound is None or (bound is value and name != "amount"):
            continue  # a point holds one number three times: it is checked once
        if bound < 0:
            raise ValueError(
                f"{name} {bound} {unit_text(figure.unit)} is negative; entries hold what the "
                "source said, as a positive amount (direction comes from creditor and debtor)"
            )
        # What an entry holds, a file can write and read back: computed figures too.
        check_amount(bound, name)
    return figure


def _kind_check(kind: str, test: Any, example: str) -> Any:
    # The units that passed, by identity (pint's hash is Python code): each kept here, so
    # that its id stays its own.
    passed: dict[int, object] = {}

    def check(figure: Figure, read: bool = False) -> Figure:
        unit = figure.unit
        if id(unit) not in passed:
            if not test(unit):
                raise ValueError(f"{figure} is not a {kind}; a {kind} is written like {example!r}")
            passed[id(unit)] = unit
        return _non_negative(figure, read)

    return check


_FIGURE_SCHEMA = {
    "type": "string",
    "description": "an amount as text: a number, an optional scale word and a unit, "
    "e.g. '300 million USD' or '300 million USD/year'; never a float",
}


def _figure_field(kind: str, test: Any, example: str) -> Any:
    check = _kind_check(kind, test, example)

    def validate(data: object) -> Figure:
        # One call from pydantic-core an entry, not two: read, then check; text (most
        # entries' figure) goes straight to Figure.of, as figure_from_data sends it.
        read = type(data) is str
        try:
            figure = Figure.of(cast(str, data)) if read else figure_from_data(data)
        except UnitMismatchError as error:  # a TypeError, which pydantic would let escape
            raise ValueError(str(error)) from None
        return cast(Figure, check(figure, read))

    return Annotated[
        Figure,
        PlainValidator(validate),
        PlainSerializer(_figure_to_file),
        WithJsonSchema(_FIGURE_SCHEMA),
    ]


StockFigure: TypeAlias = _figure_field("stock", is_stock, "300 million USD")  # type: ignore[valid-type]
FlowFigure: TypeAlias = _figure_field("flow", is_flow, "300 million USD/year")  # type: ignore[valid-type]
CountFigure: TypeAlias = _figure_field("count of people", is_count, "1 million person")  # type: ignore[valid-type]
PureFigure: TypeAlias = _figure_field("pure number", is_pure, "0.453")  # type: ignore[valid-type]


def _rate_figure(value: object) -> Figure:
    """A rate as a figure: text ("28.81 RUB/USD", "about 47 KGS/USD"), a quantity, a figure or
    a table (amount and qualifier, or low and high), quote currency per base currency."""
    if isinstance(value, (int, float)):
        what = "float" if isinstance(value, float) else "number"
        why = "it may already be rounded and " if what == "float" else ""
        shown = str(value).lower() if isinstance(value, bool) else repr(value)
        raise ValueError(
            f"{what} {shown} is not accepted ({why}it names no currencies); write the rate as "
            "text, quote currency per base currency, e.g. '28.81 RUB/USD'"
        )
    try:
        if not isinstance(value, str | dict | Figure):
            value = Figure.of(quantity(cast(Amount, value)))  # a quantity, or refused in words
        figure = figure_from_data(value)
    except UnitMismatchError as error:
        raise ValueError(str(error)) from None
    units = list(unit_powers(figure.unit))
    powers = sorted(unit_powers(figure.unit).values())
    if len(units) != 2 or powers != [-1, 1] or not all(u in CURRENCIES for u in units):
        written = value if isinstance(value, str) else str(figure)
        same = " (it names the same currency twice)" if not units and "/" in written else ""
        raise ValueError(
            f"rate {written!r} is not an exchange rate{same}; write it as quote currency per "
            "base currency, e.g. '28.81 RUB/USD' (roubles per dollar)"
        )
    value_, low, high = figure.magnitudes
    if any(part is not None and part <= 0 for part in (value_, low, high)):
        raise ValueError(f"rate {str(figure)!r} must be positive")
    if low is None:
        raise ValueError(
            f"rate {str(figure)!r} has no lower bound: a rate is positive, so write it as a "
            "point ('about 47 KGS/USD') or a range with a low above zero"
        )
    for name, part in (("rate", value_), ("lower bound", low), ("upper bound", high)):
        if part is not None:
            check_amount(part, name)
    return figure


RateFigure = Annotated[
    Figure,
    PlainValidator(_rate_figure),
    PlainSerializer(_figure_to_file),
    WithJsonSchema(
        {"type": "string", "description": "quote currency per base currency, e.g. '28.81 RUB/USD'"}
    ),
]
#: How a rate was taken: ``spot`` (in force from its date), ``average`` (over a period from
#: ``period_start`` to ``as_of``) or ``end_of_period`` (at the close of a period).
RateBasis = Literal["spot", "average", "end_of_period"]


def _parties(value: object) -> object:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, (list, tuple)):
        raise ValueError(
            f"{type(value).__name__} {value!r} is not a party nor a list of parties; write "
            '"RU" or ["RU", "KZ"]'
        )
    if not value:
        raise ValueError('names no party; name at least one, e.g. ["RU"]')
    return value


# -- models -------------------------------------------------------------------------------


class _Refusing(BaseModel):
    """A model built in code refuses bad fields as a file does: with a
    :class:`~ledger.errors.LedgerFileError` that lists every problem by field, never pydantic's
    own ValidationError. (Loading validates through pydantic-core, not through ``__init__``.)"""

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as error:
            what = type(self).__name__.lower()
            given = data.get("id")
            if isinstance(given, str):
                what += f" ({given if given.isprintable() else repr(given)})"
            raise LedgerFileError(
                Problem(
                    None,
                    what,
                    ".".join(str(part) for part in item["loc"]) or None,
                    error_message(item),
                )
                for item in error.errors()
            ) from None

    # Tells pydantic this is its own __init__, so that validation never calls it.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]


_URL = re.compile(r"https?://[^\s/?#]+[^\s]*\Z", re.IGNORECASE)


def url_error(value: str) -> str | None:
    """Why ``value`` is not a link a reader may follow, or ``None`` when it is one: only
    ``http://`` and ``https://`` addresses are, written without spaces or control characters
    (a ``javascript:`` or ``data:`` link would run in the reader's browser).

    >>> url_error("https://www.rferl.org/a/1051841.html") is None
    True
    >>> print(url_error("JavaScript:alert(1)"))
    'JavaScript:alert(1)' is not a web address; only http:// and https:// addresses are \
accepted, such as "https://www.rferl.org/a/1051841.html"
    """
    printable = all(ch.isprintable() and not ch.isspace() for ch in value)
    if printable and _URL.match(value):
        return None
    return (
        f"{value!r} is not a web address; only http:// and https:// addresses are accepted, "
        'such as "https://www.rferl.org/a/1051841.html"'
        + ("" if printable else " (spaces and control characters are written %-encoded)")
    )


def _check_url(value: str | None) -> str | None:
    problem = None if value is None else url_error(value)
    if problem:
        raise ValueError(problem)
    return value


class Source(_Refusing):
    """Where a figure was published: publisher, title, date, and a url where there is one
    (http or https only: a link of another scheme is refused, see :func:`url_error`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    publisher: str = Field(min_length=1)
    title: str = Field(min_length=1)
    date: IsoDate
    url: Annotated[str | None, AfterValidator(_check_url)] = None
    place: str | None = None


class EntryBase(_Refusing):
    """What every entry has: an id, the date it speaks for, its source and its words."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: str
    id: Slug
    as_of: IsoDate
    source: Source
    quote: str | None = None
    note: str | None = None


Status = Literal["asserted", "acknowledged", "disputed", "settled", "written_off"]


class Claim(EntryBase):
    """What ``debtor`` owes ``creditor``, as ``asserted_by`` says: a stock.

    A counterclaim is a claim with ``counter_to``, the id of the claim it answers.
    """

    kind: Literal["claim"] = "claim"
    creditor: Party
    debtor: Party
    amount: StockFigure
    asserted_by: Party
    status: Status = "asserted"
    basis: str | None = None
    counter_to: Slug | None = None
    terms: Terms | None = None

    @model_validator(mode="after")
    def _two_parties(self) -> Claim:
        if self.creditor == self.debtor:
            raise ValueError(
                f"creditor and debtor are both {self.creditor!r}; a claim is between two parties"
            )
        if self.counter_to == self.id:
            raise ValueError("counter_to names the claim itself; it names the claim it answers")
        return self

    @property
    def currency(self) -> str:
        code = currency_of(self.amount.unit)
        assert code is not None
        return code


class Remittance(EntryBase):
    """Money that migrants in ``origin`` send home to ``destination``: a flow."""

    kind: Literal["remittance"] = "remittance"
    origin: Annotated[tuple[Party, ...], BeforeValidator(_parties), Field(min_length=1)]
    destination: Party
    amount: FlowFigure
    migrants: CountFigure | None = None
    period: str | None = None

    @model_validator(mode="after")
    def _not_home(self) -> Remittance:
        twice = sorted({party for party in self.origin if self.origin.count(party) > 1})
        if twice:
            raise ValueError(
                f"origin names {', '.join(map(repr, twice))} more than once; name each party once"
            )
        if self.destination in self.origin:
            raise ValueError(
                f"destination {self.destination!r} is among the origins; remittances cross a border"
            )
        return self


class Budget(EntryBase):
    """A party's budget: a flow, usually per year."""

    kind: Literal["budget"] = "budget"
    party: Party
    amount: FlowFigure
    fiscal_year: Year | None = None
    measure: Literal["revenue", "expenditure", "unspecified"] = "unspecified"


class GDP(EntryBase):
    """A party's gross domestic product: a flow, usually per year, for ``year``.

    >>> gdp = GDP(id="tj-gdp-2004", as_of="2004-12-31", party="TJ", year=2004,
    ...           amount="2076148710 USD/year",
    ...           source=Source(publisher="World Bank", title="World Development Indicators",
    ...                         date="2024-06-28"))
    >>> print(gdp.amount)
    2076148710 USD/year
    """

    kind: Literal["gdp"] = "gdp"
    party: Party
    amount: FlowFigure
    year: Year | None = None


#: What a debt stock counts: all the country owes abroad (``external``), what its government
#: owes at home and abroad (``public``), or what its government owes abroad
#: (``public_external``).
DebtMeasure = Literal["external", "public", "public_external"]


class DebtStock(EntryBase):
    """What a party owes in all, as one stock on ``as_of`` (its ``measure``: external by
    default), whoever the creditors are; a :class:`Claim` is one creditor's.

    >>> stock = DebtStock(id="kg-external-2012", as_of="2012-12-31", party="KG",
    ...                   amount="6 billion USD", source=Source(publisher="World Bank",
    ...                   title="International Debt Statistics", date="2024-12-03"))
    >>> stock.measure
    'external'
    """

    kind: Literal["debt_stock"] = "debt_stock"
    party: Party
    amount: StockFigure
    measure: DebtMeasure = "external"


class Share(EntryBase):
    """A ratio as its source published it, such as remittances as a share of GDP: a pure
    number (``0.453`` for 45.3%), kept as published and never recomputed from other entries
    (the publisher divided by figures of its own, which the ledger may not hold).

    >>> share = Share(id="tj-remittances-gdp-2011", as_of="2011-12-31", party="TJ",
    ...               amount="0.454", numerator="remittances from Russia",
    ...               denominator="GDP", year=2011,
    ...               source=Source(publisher="The Moscow Times", title="Tajiks Send $3Bln Home",
    ...                             date="2012-01-19"))
    >>> print(share.amount, "of", share.denominator)
    0.454 of GDP
    """

    kind: Literal["share"] = "share"
    party: Party
    amount: PureFigure
    numerator: str = Field(min_length=1)
    denominator: str = Field(min_length=1)
    year: Year | None = None


class Settlement(EntryBase):
    """What reduced a claim: a payment, a write-off, an asset handed over, a debt swap."""

    kind: Literal["settlement"] = "settlement"
    claim: Slug
    amount: StockFigure
    method: Literal["payment", "write_off", "asset_transfer", "debt_swap"]
    consideration: str | None = None


class Rate(EntryBase):
    """An exchange rate, quote currency per base currency: a figure ("about 47 KGS/USD").

    ``basis`` says how it was taken: ``spot`` (the default: in force from ``as_of`` until a
    later rate), ``end_of_period`` (the rate at the close of a period, in force from ``as_of``
    as a spot rate is) or ``average`` (the average over ``period_start`` .. ``as_of``, both
    included: the rate for flows of that period).
    """

    kind: Literal["rate"] = "rate"
    rate: RateFigure
    basis: RateBasis = "spot"
    period_start: IsoDate | None = None

    @model_validator(mode="after")
    def _period(self) -> Rate:
        if self.basis == "average":
            if self.period_start is None:
                raise ValueError(
                    "an average rate needs period_start, the first day of the period it "
                    "averages (as_of is the last), e.g. period_start = 2012-01-01"
                )
            if self.period_start > self.as_of:
                raise ValueError(
                    f"period_start {self.period_start.isoformat()} is after as_of "
                    f"{self.as_of.isoformat()}; an average runs from period_start to as_of"
                )
        elif self.period_start is not None:
            raise ValueError(
                f"period_start is given but basis is {self.basis!r}: only an average rate has "
                'a period; write basis = "average" or leave period_start out'
            )
        return self

    @property
    def base(self) -> str:
        """The currency one unit of which the rate prices (``USD`` in ``28.81 RUB/USD``)."""
        return next(n for n, p in unit_powers(self.rate.unit).items() if p < 0)

    @property
    def quote_currency(self) -> str:
        """The currency the price is in (``RUB`` in ``28.81 RUB/USD``)."""
        return next(n for n, p in unit_powers(self.rate.unit).items() if p > 0)

    @property
    def period(self) -> tuple[date, date] | None:
        """The first and last day an average rate covers (``None`` for other rates)."""
        return None if self.period_start is None else (self.period_start, self.as_of)


Entry = Annotated[
    Claim | Remittance | Budget | Settlement | Rate | GDP | DebtStock | Share,
    Field(discriminator="kind"),
]
ENTRY_KINDS: dict[str, type[EntryBase]] = {
    "claim": Claim,
    "remittance": Remittance,
    "budget": Budget,
    "settlement": Settlement,
    "rate": Rate,
    "gdp": GDP,
    "debt_stock": DebtStock,
    "share": Share,
}


_new_entry = object.__new__
_set = object.__setattr__
_consume = deque


def _hold_names_once(kind: type[EntryBase]) -> None:
    """Teach the class its fields' names, in order, before any entry is made: Python shares
    one table of names among the objects of a class that set their attributes in the order
    the class first saw (CPython stops adding names to it once many objects were made)."""
    first = _new_entry(kind)
    for name in kind.model_fields:
        _set(first, name, None)


for _kind in ENTRY_KINDS.values():
    _hold_names_once(_kind)


def compacted(entries: Iterable[EntryBase]) -> list[EntryBase]:
    """The same entries, in about a third of the memory (issue 14), for a ledger just loaded.

    pydantic gives each entry a dict of its own (464 bytes for a claim's 14 fields) and a set
    of the fields given (728 bytes). Each entry is made again here, its fields set one by one
    in their order as Python sets an object's attributes: the names are then held once by the
    class and each entry holds its values alone (about 150 bytes), until something asks for
    its ``__dict__`` (pydantic's ``==`` and dumps do), which then costs 64 bytes more. The set
    of fields given is shared by every entry that gave the same fields (validation already
    gives one text for each party and one object for each day, where a TOML parser makes a
    new "RU" every time). Each value is the same, so the entries made are equal to those
    given, hash and show alike, and stay frozen and validated.

    >>> import ledger as lg
    >>> book = lg.example()
    >>> light = compacted(book)
    >>> light == list(book), [repr(e) for e in light] == [repr(e) for e in book]
    (True, True)
    """
    found: list[EntryBase] = []
    for entry in entries:
        values = entry.__dict__
        if (
            type(entry) not in ENTRY_KINDS.values()
            or list(values) != list(type(entry).model_fields)
            or entry.__pydantic_extra__
            or entry.__pydantic_private__
        ):
            found.append(entry)  # not as validation makes them: kept as it is
            continue
        made = _light(type(entry))((values, None, entry.__pydantic_fields_set__))
        found.append(made)
    return found


@cache
def _light(kind: type[EntryBase]) -> Any:
    """What makes an entry of ``kind`` light from pydantic's parts of it (its fields' values
    in order, its extra fields, the set of fields given): the entry, its fields set one by
    one in the class's shared layout, the set of fields given shared by every entry that
    gave the same."""
    names = tuple(kind.model_fields)
    given: dict[frozenset[str], set[str]] = {}

    def make(parts: tuple[dict[str, Any], Any, set[str]]) -> EntryBase:
        values, _, mine = parts
        light = _new_entry(kind)
        _consume(map(_set, repeat(light), names, map(values.__getitem__, names)), 0)
        kept = given.get(frozenset(mine))
        if kept is None:
            kept = given[frozenset(mine)] = mine
        _set(light, "__pydantic_fields_set__", kept)
        _set(light, "__pydantic_extra__", None)
        _set(light, "__pydantic_private__", None)
        return light

    return make


@lru_cache(maxsize=1)
def light_entries() -> SchemaValidator:
    """A validator of a list of entries' file forms (tables, as dicts) that gives the
    entries :func:`compacted` gives, in one pass: pydantic-core checks each entry's fields
    as the model does, and the entry is made light from them at once, never as pydantic's
    own first (issue 14). Only tables: an entry object given whole is for the model's own
    validator.

    >>> row = {"kind": "budget", "id": "tj-budget", "as_of": "2004-03-15", "party": "TJ",
    ...        "amount": "about 560 million USD/year",
    ...        "source": Source(publisher="RFE/RL", title="Tajikistan", date="2004-03-15")}
    >>> [budget] = light_entries().validate_python([row])
    >>> budget == Budget.model_validate(row)
    True
    """
    from pydantic import TypeAdapter

    schema = copy.deepcopy(TypeAdapter(list[Entry]).core_schema)
    _make_light(schema)
    return SchemaValidator(schema)


def _make_light(node: object) -> None:
    """Each entry model's node in a core schema turned into its fields' node, then the
    making of a light entry: the same checks, the same errors at the same places."""
    if isinstance(node, list):
        for item in node:
            _make_light(item)
        return
    if not isinstance(node, dict):
        return
    for key, child in node.items():
        if isinstance(child, dict) and child.get("type") == "model":
            kind = child["cls"]
            if kind in ENTRY_KINDS.values() and child["schema"]["type"] == "model-fields":
                behavior = child.get("config", {}).get("extra_fields_behavior")
                fields = {**child["schema"], "extra_behavior": behavior or "ignore"}
                _make_light(fields)
                node[key] = core_schema.no_info_after_validator_function(
                    _light(kind), cast(Any, fields), ref=child.get("ref")
                )
                continue
        _make_light(child)
