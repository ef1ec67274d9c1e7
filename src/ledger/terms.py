"""Loan terms: the interest, maturity, grace, payment frequency and repayment profile of a claim.

A claim may carry :class:`Terms` (``Claim(terms=...)``, a ``terms`` table in a file); its
amount is the principal. The interest is a figure per year: ``"0.75%"``, ``Decimal("0.0075")``
or ``"about 2%"``.

>>> from datetime import date
>>> ida = Terms(interest="0.75%", maturity_years=40, grace_years=10, frequency="semiannual",
...             disbursed=date(2012, 1, 15))
>>> print(ida.interest)
0.0075
>>> ida.periods_per_year, ida.periods, ida.grace_periods
(2, 80, 20)
>>> ida.model_dump(mode="json")["interest"]
'0.75%'
>>> Terms(interest="7", maturity_years=10)
Traceback (most recent call last):
...
ledger.errors.LedgerFileError: 1 problem in the ledger; nothing was loaded:
  - terms: interest: 7 is 700% a year: write a rate per year as a percentage ('7%') or a \
fraction ('0.07'), at most 100%
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    GetPydanticSchema,
    PlainSerializer,
    PlainValidator,
    ValidationError,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import core_schema

from .errors import LedgerError, LedgerFileError, Problem
from .figures import LEADING_WORDS, Figure
from .units import is_pure

__all__ = [
    "FREQUENCIES",
    "PROFILES",
    "Frequency",
    "Profile",
    "Terms",
    "rate_figure",
    "rate_text",
]

#: Payments a year, by frequency.
FREQUENCIES: dict[str, int] = {"annual": 1, "semiannual": 2, "quarterly": 4}
#: How the principal is repaid: in equal parts after the grace period (``equal_principal``),
#: in level payments of principal and interest (``annuity``), all at maturity with interest
#: paid each period (``lump_sum``), or all at maturity with the interest compounded
#: (``lump_sum_compounded``).
PROFILES = ("equal_principal", "annuity", "lump_sum", "lump_sum_compounded")
Frequency = Literal["annual", "semiannual", "quarterly"]
Profile = Literal["equal_principal", "annuity", "lump_sum", "lump_sum_compounded"]

_RATE_ACCEPTED = (
    "accepted: a rate per year as a percentage or a fraction, e.g. '0.75%', '0.0075', "
    "'about 2%', 'between 1% and 2%', or Decimal('0.0075')"
)
_NUMBER = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
_ONE = re.compile(rf"({_NUMBER})\s*(%?)\Z")
_RANGE = re.compile(rf"between\s+({_NUMBER})\s*(%?)\s+and\s+({_NUMBER})\s*(%?)\Z", re.I)
_WORD = re.compile(rf"({'|'.join(sorted(LEADING_WORDS, key=len, reverse=True))})\s+", re.I)


def _at(what: str) -> str:
    return f"{what}: " if what else ""


def _number(digits: str, percent: str, text: str) -> Decimal:
    try:
        number = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise ValueError(f"{text!r} is not a rate; {_RATE_ACCEPTED}") from None
    return number.scaleb(-2) if percent else number


#: The highest rate a bare number may give (30% a year): "0.75" is more likely 0.75% than
#: 75%, so above it a rate must be written with its percent sign ("75%").
BARE_AT_MOST = Decimal("0.3")


def rate_figure(value: object, what: str = "interest") -> Figure:
    """A rate per year as a pure-number figure: from text (``"0.75%"``, ``"about 2%"``,
    ``"between 1% and 2%"``), a ``Decimal`` or a pure figure. Refuses floats (already rounded),
    negative rates and rates above 100% a year, and a bare number above 0.3 (30%): "0.75" may
    mean 0.75% as easily as 75%, so a rate above 30% is written with its percent sign.

    >>> print(rate_figure("0.75%")), print(rate_figure("about 2%"))
    0.0075
    about 0.02
    (None, None)
    >>> print(rate_figure("between 1% and 2%"))
    between 0.01 and 0.02
    >>> rate_figure(0.05)
    Traceback (most recent call last):
    ...
    ValueError: interest: float 0.05 is not accepted (it may already be rounded); accepted: \
a rate per year as a percentage or a fraction, e.g. '0.75%', '0.0075', 'about 2%', \
'between 1% and 2%', or Decimal('0.0075')
    """
    figure = _read_rate(value, what)
    bare = not isinstance(value, Figure) and not (isinstance(value, str) and "%" in value)
    if not is_pure(figure.unit):
        raise ValueError(f"{_at(what)}{figure} has a unit; a rate per year is a pure number")
    for part in figure.magnitudes:
        if part is not None and part < 0:
            raise ValueError(f"{_at(what)}{rate_text(figure)} is negative; {_RATE_ACCEPTED}")
        if part is not None and part > 1:
            raise ValueError(
                f"{_at(what)}{part.normalize():f} is {(part * 100).normalize():f}% a year: write a "
                "rate per year as a percentage ('7%') or a fraction ('0.07'), at most 100%"
            )
        if bare and part is not None and part > BARE_AT_MOST:
            number, percent = f"{part.normalize():f}", f"{(part * 100).normalize():f}%"
            raise ValueError(
                f"{_at(what)}{number} is {percent} a year; write '{number}%' for {number} "
                f"percent a year, or '{percent}' if that is meant (a rate above "
                f"{(BARE_AT_MOST * 100).normalize():f}% is written with its percent sign)"
            )
    return figure


def _read_rate(value: object, what: str) -> Figure:
    if isinstance(value, Figure):
        return value
    if isinstance(value, bool) or value is None:
        raise ValueError(f"{_at(what)}{value!r} is not a rate; {_RATE_ACCEPTED}")
    if isinstance(value, float):
        raise ValueError(
            f"{_at(what)}float {value!r} is not accepted (it may already be rounded); "
            f"{_RATE_ACCEPTED}"
        )
    if isinstance(value, int | Decimal):
        if isinstance(value, Decimal) and not value.is_finite():
            raise ValueError(f"{_at(what)}{value} is not a rate; {_RATE_ACCEPTED}")
        return Figure.of(f"{Decimal(value)}")
    if not isinstance(value, str):
        raise ValueError(
            f"{_at(what)}{type(value).__name__} {value!r} is not a rate; {_RATE_ACCEPTED}"
        )
    text = value.strip()
    both = _RANGE.match(text)
    if both:
        low = _number(both[1], both[2], value)
        high = _number(both[3], both[4], value)
        if low > high:
            raise ValueError(f"{_at(what)}{value!r} runs from high to low; write the lower first")
        return Figure.range(f"{low}", f"{high}")
    qualifier = "exact"
    word = _WORD.match(text)
    if word:
        qualifier = LEADING_WORDS[word[1].lower()]
        text = text[word.end() :]
    one = _ONE.match(text)
    if not one:
        raise ValueError(f"{_at(what)}{value!r} is not a rate; {_RATE_ACCEPTED}")
    return Figure.of(f"{_number(one[1], one[2], value)}", qualifier)


def _percent(number: Decimal) -> str:
    return f"{(number * 100).normalize():f}%"


_WORDS_FOR = {
    "about": "about",
    "estimated": "estimated",
    "at_least": "at least",
    "more_than": "more than",
    "at_most": "at most",
    "less_than": "less than",
}


def rate_text(figure: Figure) -> str:
    """A rate as a file writes it, a percentage that :func:`rate_figure` reads back equal.

    >>> rate_text(rate_figure("0.0075")), rate_text(rate_figure("about 2%"))
    ('0.75%', 'about 2%')
    >>> rate_text(rate_figure("between 1% and 2.5%"))
    'between 1% and 2.5%'
    """
    value, low, high = figure.magnitudes
    qualifier = figure.qualifier
    closed = figure.low_inclusive and figure.high_inclusive and not figure.approximate
    if qualifier == "range" and low is not None and high is not None and closed:
        return f"between {_percent(low)} and {_percent(high)}"
    if qualifier in ("exact", "about", "estimated") and value is not None:
        word = _WORDS_FOR.get(qualifier)
        return f"{word} {_percent(value)}" if word else _percent(value)
    part = low if qualifier in ("at_least", "more_than") else high
    if part is not None and qualifier in _WORDS_FOR and not figure.approximate:
        return f"{_WORDS_FOR[qualifier]} {_percent(part)}"
    raise LedgerError(f"rate {figure} cannot be written as a rate per year")


def _validate_rate(value: object) -> Figure:
    figure = rate_figure(value, "")  # the field's name is in the problem already
    try:
        rate_text(figure)  # what a file cannot write back is refused here
    except LedgerError as error:  # as a problem of the field, like every other refusal
        raise ValueError(str(error)) from None
    return figure


RateFigure = Annotated[
    Figure,
    PlainValidator(_validate_rate),
    PlainSerializer(rate_text),
    WithJsonSchema(
        {"type": "string", "description": "a rate per year, e.g. '0.75%' or 'about 2%'"}
    ),
]


def _years_from(low: int) -> AfterValidator:
    def check(value: int) -> int:
        if not low <= value <= 100:
            raise ValueError(f"{value} is not accepted; whole years from {low} to 100")
        return value

    return AfterValidator(check)


_WHOLE_YEARS = Annotated[
    int,
    Field(strict=True),
    _years_from(0),
    WithJsonSchema({"type": "integer", "minimum": 0, "maximum": 100}),
]
_MATURITY = Annotated[
    int,
    Field(strict=True),
    _years_from(1),
    WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 100}),
]
# A date as files write it: a TOML date or ISO text (as entries read theirs).
_DATE_SCHEMA = core_schema.union_schema(
    [
        core_schema.date_schema(strict=True),
        core_schema.chain_schema(
            [
                core_schema.str_schema(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", strict=True),
                core_schema.date_schema(),
            ]
        ),
    ],
    custom_error_type="iso_date",
    custom_error_message='not a date; accepted: an ISO date such as "2012-01-15"',
)
_Date = Annotated[
    date,
    GetPydanticSchema(lambda _type, _handler: _DATE_SCHEMA),
    WithJsonSchema({"type": "string", "format": "date"}),
]


class Terms(BaseModel):
    """The terms of a loan: ``interest`` a year, ``maturity_years`` to the last payment,
    ``grace_years`` with no principal repaid (the first principal payment falls one period
    after it), payments ``frequency`` and repayment ``profile``, and the day it was
    ``disbursed`` (the day its schedule counts from; a claim's ``as_of`` when not given).

    Whole years, as the IMF's and the World Bank's concessionality calculators take them.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    interest: RateFigure
    maturity_years: _MATURITY
    grace_years: _WHOLE_YEARS = 0
    frequency: Frequency = "annual"
    profile: Profile = "equal_principal"
    disbursed: _Date | None = None

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as error:
            raise LedgerFileError(
                Problem(
                    None,
                    "terms",
                    ".".join(str(part) for part in item["loc"]) or None,
                    _message(item),
                )
                for item in error.errors()
            ) from None

    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @model_validator(mode="after")
    def _fits(self) -> Terms:
        if self.grace_years >= self.maturity_years and self.profile in (
            "equal_principal",
            "annuity",
        ):
            raise ValueError(
                f"grace_years {self.grace_years} leaves no year to repay in before maturity "
                f"{self.maturity_years}; grace must be shorter than maturity (or the profile "
                "'lump_sum')"
            )
        return self

    @property
    def periods_per_year(self) -> int:
        return FREQUENCIES[self.frequency]

    @property
    def periods(self) -> int:
        """Payment periods from disbursement to maturity."""
        return self.maturity_years * self.periods_per_year

    @property
    def grace_periods(self) -> int:
        """Periods in which no principal is repaid."""
        return self.grace_years * self.periods_per_year

    def period_rate(self, rate: Fraction) -> Fraction:
        """The interest of one period at ``rate`` a year: ``rate / periods_per_year``."""
        return rate / self.periods_per_year


def _message(item: Any) -> str:
    message = str(item["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        if message.startswith(prefix):
            message = message[len(prefix) :]
    kind = item["type"]
    if kind == "missing":
        return "missing; this field is required"
    if kind == "extra_forbidden":
        accepted = ", ".join(Terms.model_fields)
        return f"unknown field (value {item['input']!r}); accepted: {accepted}"
    if kind == "literal_error":
        return f"must be one of {item['ctx']['expected']} (given {item['input']!r})"
    if kind in ("int_type", "int_from_float", "int_parsing"):
        return f"{item['input']!r} is not a whole number of years; write e.g. 40"
    return message
