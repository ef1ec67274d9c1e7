"""Schedules: a loan's dated payments from its terms, and reductions spread over the years.

:func:`schedule` gives each payment of a loan, principal and interest apart, in the currency's
minor unit (babel's digits: cents for dollars) with the rounding residue placed by a stated
rule, so that the principal payments sum exactly to the principal. :func:`tranches` spreads a
settlement over equal dated parts ("$300 million written off in equal yearly tranches over ten
years").

>>> import ledger as lg
>>> from datetime import date
>>> terms = lg.Terms(interest="5%", maturity_years=3, disbursed=date(2020, 1, 15))
>>> plan = schedule(terms, principal="1000 USD")
>>> for p in plan:
...     print(p.date, p.principal, p.interest, p.outstanding)
2021-01-15 333.33 50.00 666.67
2022-01-15 333.33 33.33 333.34
2023-01-15 333.34 16.67 0.00
>>> print(plan.total_principal, "/", plan.total_interest)
1000.00 USD / 100.00 USD
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Literal, Protocol, overload

from .arithmetic import owned
from .entries import Settlement
from .errors import LedgerError
from .figures import Figure
from .terms import FREQUENCIES, Frequency, Terms, rate_text
from .units import Amount, currency_of, is_stock

__all__ = [
    "RESIDUE_RULES",
    "HasTerms",
    "Payment",
    "Residue",
    "Schedule",
    "Tranches",
    "add_months",
    "minor_unit",
    "schedule",
    "split",
    "tranches",
]

Residue = Literal["last", "largest_remainder"]
#: Where the cents that equal parts cannot hold go: ``last`` (every part but the last is cut
#: down to the minor unit, and the last takes the rest) or ``largest_remainder`` (every part
#: is cut down, then the parts that lost most get one minor unit each, earlier first on ties).
RESIDUE_RULES = ("last", "largest_remainder")


class HasTerms(Protocol):
    """A claim, as :func:`schedule` reads it: its terms, its amount and its date."""

    @property
    def terms(self) -> Terms | None: ...

    @property
    def amount(self) -> Figure: ...

    @property
    def as_of(self) -> date: ...

    @property
    def id(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Payment:
    """One payment of a schedule: its number (1 for the first period), its date (``None``
    when the terms give no disbursement day), the principal and interest paid, the principal
    outstanding after it, and the payments a year (so its time from disbursement, ``years``).
    """

    number: int
    date: date | None
    principal: Decimal
    interest: Decimal
    outstanding: Decimal
    per_year: int = 1

    @property
    def years(self) -> Fraction:
        """The time from disbursement in years: ``number / per_year``."""
        return Fraction(self.number, self.per_year)

    @property
    def total(self) -> Decimal:
        """Principal and interest together: the debt service of the period."""
        return self.principal + self.interest


@dataclass(frozen=True)
class Schedule:
    """A loan's payments, in ``currency``; ``approximate`` when the principal or the interest
    rate was (then each amount is "about" that figure); ``disbursed``, the day the payments
    count from (``None`` when neither the terms nor a claim give one)."""

    terms: Terms
    currency: str
    principal: Decimal
    payments: tuple[Payment, ...]
    residue: Residue
    approximate: bool = False
    disbursed: date | None = None

    def __iter__(self) -> Iterator[Payment]:
        return iter(self.payments)

    def __len__(self) -> int:
        return len(self.payments)

    @overload
    def __getitem__(self, index: int) -> Payment: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Payment, ...]: ...
    def __getitem__(self, index: int | slice) -> Payment | tuple[Payment, ...]:
        return self.payments[index]

    def _figure(self, number: Decimal) -> Figure:
        """An amount of the schedule, to its currency's minor unit as every payment is
        ("300.00 EUR" beside "200.00 EUR", never "300 EUR")."""
        cents = number.quantize(Decimal(1).scaleb(-minor_unit(self.currency)))
        return Figure.of(f"{cents} {self.currency}", "about" if self.approximate else "exact")

    @property
    def total_principal(self) -> Figure:
        """The principal repaid: the principal itself, to the minor unit."""
        return self._figure(sum((p.principal for p in self.payments), Decimal(0)))

    @property
    def total_interest(self) -> Figure:
        return self._figure(sum((p.interest for p in self.payments), Decimal(0)))

    def outstanding_on(self, day: date) -> Figure:
        """The principal outstanding at the end of ``day``: less every principal payment dated
        on or before it (the whole principal before the first).

        >>> import ledger as lg
        >>> terms = lg.Terms(interest="5%", maturity_years=2, disbursed=date(2020, 1, 1))
        >>> print(lg.schedule(terms, principal="100 USD").outstanding_on(date(2021, 1, 1)))
        50.00 USD
        """
        if not isinstance(day, date):
            raise LedgerError(f"day: {type(day).__name__} {day!r} is not a date; pass e.g. a date")
        if self.disbursed is None:
            raise LedgerError(
                "this schedule has no dates: give the terms a disbursed day, or schedule a "
                "claim (its as_of is the disbursement day)"
            )
        if day < self.disbursed:
            raise LedgerError(
                f"{day.isoformat()} is before the loan was disbursed "
                f"({self.disbursed.isoformat()}): nothing was outstanding"
            )
        left = self.principal
        for payment in self.payments:
            if payment.date is not None and payment.date <= day:
                left = payment.outstanding
        return self._figure(left)


def minor_unit(currency: str) -> int:
    """The decimal places of a currency's minor unit, as CLDR (through babel) gives them.

    >>> minor_unit("USD"), minor_unit("JPY"), minor_unit("KWD")
    (2, 0, 3)
    """
    return _digits(currency)


@lru_cache(maxsize=64)
def _digits(currency: str) -> int:
    from babel.numbers import get_currency_precision

    return int(get_currency_precision(currency))


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, kept at the end of a shorter month.

    >>> add_months(date(2016, 8, 31), 6)
    datetime.date(2017, 2, 28)
    """
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


@owned
def split(
    total: Decimal, shares: Sequence[Fraction], places: int, residue: Residue
) -> list[Decimal]:
    """``total`` in parts proportional to ``shares`` (which sum to 1), each a whole number of
    ``10**-places``, summing exactly to ``total``; the residue placed by ``residue``.

    >>> split(Decimal("100"), [Fraction(1, 3)] * 3, 2, "last")
    [Decimal('33.33'), Decimal('33.33'), Decimal('33.34')]
    >>> split(Decimal("0.05"), [Fraction(1, 3)] * 3, 2, "largest_remainder")
    [Decimal('0.02'), Decimal('0.02'), Decimal('0.01')]
    """
    if residue not in RESIDUE_RULES:
        raise LedgerError(f"residue {residue!r} is not known; accepted: {', '.join(RESIDUE_RULES)}")
    step = Decimal(1).scaleb(-places)
    exact = Fraction(total)
    if not shares:
        return []
    cut: dict[Fraction, Decimal] = {}  # equal shares (the common case) are cut once

    def floor(share: Fraction) -> Decimal:
        part = cut.get(share)
        if part is None:
            part = cut[share] = _floor(exact * share, step)
        return part

    if residue == "last":
        parts = [floor(share) for share in shares[:-1]]
        return [*parts, total - sum(parts, Decimal(0))]
    wanted = [exact * share for share in shares]
    parts = [floor(share) for share in shares]
    left = int((total - sum(parts, Decimal(0))) / step)
    order = sorted(range(len(parts)), key=lambda i: (-(wanted[i] - Fraction(parts[i])), i))
    for i in order[:left]:
        parts[i] += step
    return parts


def _floor(value: Fraction, step: Decimal) -> Decimal:
    units = Fraction(value) / Fraction(step)
    return (Decimal(units.numerator // units.denominator) * step).quantize(step)


def _principal(principal: object, what: str) -> tuple[Decimal, str, bool]:
    """The principal as a number, its currency, and whether it is approximate."""
    figure = principal if isinstance(principal, Figure) else Figure.of(principal)  # type: ignore[arg-type]
    code = currency_of(figure.unit)
    if code is None or not is_stock(figure.unit):
        raise LedgerError(f"{what}: {figure} is not an amount of money; write e.g. '1000 USD'")
    value = figure.magnitudes[0]
    if value is None or figure.qualifier not in ("exact", "about", "estimated"):
        raise LedgerError(
            f"{what}: {figure} is not one amount; a schedule needs one principal, e.g. "
            "'300 million USD' or 'about 300 million USD'"
        )
    if value <= 0:
        raise LedgerError(f"{what}: {figure} is not positive; a loan's principal is")
    return value, code, figure.approximate


def _rate(terms: Terms) -> tuple[Decimal, bool]:
    value = terms.interest.magnitudes[0]
    if value is None or terms.interest.qualifier not in ("exact", "about", "estimated"):
        raise LedgerError(
            f"interest {rate_text(terms.interest)} is not one rate; a schedule needs one (give "
            "the terms with interest='1.5%', say); lg.grant_element takes a range of rates"
        )
    return value, terms.interest.approximate


def principal_shares(terms: Terms, rate: Fraction) -> list[Fraction]:
    """The part of the principal each period repays (summing to 1), exactly, at ``rate`` a
    year: nothing in grace, then equal parts, the parts of level payments (annuity), or all
    at maturity (lump sums)."""
    n, grace = terms.periods, terms.grace_periods
    if terms.profile in ("lump_sum", "lump_sum_compounded"):
        return [Fraction(0)] * (n - 1) + [Fraction(1)]
    count = n - grace
    if terms.profile == "equal_principal" or rate == 0:
        return [Fraction(0)] * grace + [Fraction(1, count)] * count
    d = terms.period_rate(rate)
    growth = (1 + d) ** count
    # Level payments A = d / (1 - (1 + d)**-count) of a principal of 1: the principal part
    # of the j-th is A (1 + d)**-(count - j + 1), a geometric series summing to 1.
    first = d / (growth - 1)
    return [Fraction(0)] * grace + [first * (1 + d) ** j for j in range(count)]


def _resolve(
    claim_or_terms: object, principal: Figure | Amount | None
) -> tuple[Terms, Figure | Amount, date | None, str]:
    if isinstance(claim_or_terms, Terms):
        if principal is None:
            raise LedgerError(
                "principal: terms alone have no amount; pass principal='300 million USD' "
                "(or pass a claim with terms, whose amount is the principal)"
            )
        return claim_or_terms, principal, claim_or_terms.disbursed, "principal"
    terms = getattr(claim_or_terms, "terms", None)
    if not isinstance(terms, Terms):
        what = type(claim_or_terms).__name__
        if hasattr(claim_or_terms, "terms"):
            label = getattr(claim_or_terms, "id", "?")
            raise LedgerError(
                f"claim {label} has no terms; give it terms=lg.Terms(interest=..., "
                "maturity_years=...) (in a file, an [entries.terms] table)"
            )
        raise LedgerError(f"{what} is not a claim nor terms; pass a Claim with terms or lg.Terms")
    claim: HasTerms = claim_or_terms  # type: ignore[assignment]
    start = terms.disbursed or claim.as_of
    return terms, principal if principal is not None else claim.amount, start, f"claim {claim.id}"


def _level_parts(
    total: Decimal, d: Decimal, periods: tuple[int, int], step: Decimal
) -> list[Decimal]:
    """The principal parts of an annuity as lenders schedule it: the level instalment
    ``total d / (1 - (1 + d)**-count)`` rounded half to even to the minor unit, each period's
    principal the instalment less that period's interest (rounded as the schedule rounds it),
    the last the principal left (the residue)."""
    grace, periods_in_all = periods
    count = periods_in_all - grace
    rate = Fraction(d)
    level = Fraction(total) * rate / (1 - (1 + rate) ** -count)
    instalment = Decimal(round(level / Fraction(step))) * step
    zero = Decimal(0).quantize(step)
    parts, left = [zero] * grace, total
    for k in range(count):
        interest = (left * d).quantize(step, ROUND_HALF_EVEN)
        part = left if k == count - 1 else min(max(instalment - interest, zero), left)
        parts.append(part.quantize(step))
        left -= part
    return parts


@owned
def schedule(
    claim_or_terms: HasTerms | Terms,
    principal: Figure | Amount | None = None,
    *,
    residue: Residue = "last",
) -> Schedule:
    """The payments of a loan: each dated, its principal and its interest apart, to the minor
    unit of the currency (``residue`` says where the cents that do not divide go; the
    principal payments always sum to the principal exactly). An annuity with ``residue="last"``
    pays a level instalment (the exact level payment rounded half to even to the cent) and
    the residue in its last; with ``"largest_remainder"`` its principal parts are the exact
    shares spread by largest remainder. Interest each period is the
    outstanding principal times ``interest / periods a year``, rounded half to even; for
    ``lump_sum_compounded`` it is compounded so each period and paid with the principal.

    A claim's amount is its principal, and its ``as_of`` the disbursement day unless the terms
    give one.

    >>> import ledger as lg
    >>> bullet = lg.Terms(interest="6%", maturity_years=1, frequency="quarterly",
    ...                   profile="lump_sum_compounded")
    >>> [(p.years, p.principal, p.interest) for p in schedule(bullet, principal="100 EUR")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [(Fraction(1, 4), Decimal('0.00'), Decimal('0.00')),
     (Fraction(1, 2), Decimal('0.00'), Decimal('0.00')),
     (Fraction(3, 4), Decimal('0.00'), Decimal('0.00')),
     (Fraction(1, 1), Decimal('100.00'), Decimal('6.14'))]
    """
    terms, amount, start, what = _resolve(claim_or_terms, principal)
    total, currency, rough = _principal(amount, what)
    rate, rough_rate = _rate(terms)
    places = max(_digits(currency), -min(0, _exponent(total)))
    step = Decimal(1).scaleb(-places)
    d = rate / terms.periods_per_year  # exact: a Decimal over 1, 2 or 4
    if terms.profile == "annuity" and residue == "last" and rate != 0:
        parts = _level_parts(total, d, (terms.grace_periods, terms.periods), step)
    else:
        parts = split(total, principal_shares(terms, Fraction(rate)), places, residue)
    per_year = terms.periods_per_year
    dates = _dates(start, 12 // per_year, terms.periods)
    payments = []
    left = total
    compounded = terms.profile == "lump_sum_compounded"
    for k, part in enumerate(parts, start=1):
        if compounded:
            interest = (
                (total * ((1 + d) ** terms.periods - 1)).quantize(step, ROUND_HALF_EVEN)
                if k == terms.periods
                else Decimal(0).quantize(step)
            )
        else:
            interest = (left * d).quantize(step, ROUND_HALF_EVEN)
        left -= part
        payments.append(
            Payment(
                k,
                dates[k - 1],
                part.quantize(step),
                interest,
                left.quantize(step),
                per_year,
            )
        )
    return Schedule(terms, currency, total, tuple(payments), residue, rough or rough_rate, start)


@lru_cache(maxsize=256)
def _dates(start: date | None, months: int, count: int) -> tuple[date | None, ...]:
    """The payment days: ``count`` steps of ``months`` from ``start`` (loans of a portfolio
    often share them, so they are made once)."""
    if start is None:
        return (None,) * count
    return tuple(add_months(start, months * k) for k in range(1, count + 1))


def _plain(number: Decimal) -> Decimal:
    """A whole number without the zeros of its cents (``30000000``, not ``30000000.00``)."""
    return number.quantize(Decimal(1)) if number == number.to_integral_value() else number


def _exponent(number: Decimal) -> int:
    exponent = number.normalize().as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0


@owned
def tranches(
    settlement: Settlement,
    count: int,
    *,
    frequency: Frequency = "annual",
    residue: Residue = "last",
) -> tuple[Settlement, ...]:
    """A settlement written once, spread over ``count`` equal dated tranches: the first on
    the settlement's ``as_of``, one each period after; ids ``<id>-1``, ``<id>-2``, ...; the
    amounts to the currency's minor unit, summing exactly to the whole (``residue`` says
    where the cents that do not divide go).

    >>> import ledger as lg
    >>> source = lg.Source(publisher="Interfax", title="Russia ratifies agreement with "
    ...                    "Kyrgyzstan on writing off debts", date=date(2013, 5, 8))
    >>> plan = lg.Settlement(id="ru-kg-tranches", as_of=date(2016, 3, 16), source=source,
    ...                      claim="ru-claim-kg-2012", amount="300 million USD",
    ...                      method="write_off")
    >>> parts = tranches(plan, 10)
    >>> print(parts[0].id, parts[0].as_of, parts[0].amount)
    ru-kg-tranches-1 2016-03-16 30000000 USD
    >>> print(parts[-1].id, parts[-1].as_of)
    ru-kg-tranches-10 2025-03-16
    """
    if not isinstance(settlement, Settlement):
        raise LedgerError(
            f"{type(settlement).__name__} is not a settlement; pass an lg.Settlement whose "
            "amount is the whole to spread"
        )
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= 1200:
        raise LedgerError(
            f"count {count!r} is not accepted; the number of tranches is a whole number from "
            "1 to 1200"
        )
    if frequency not in FREQUENCIES:
        raise LedgerError(
            f"frequency {frequency!r} is not known; accepted: {', '.join(FREQUENCIES)}"
        )
    figure = settlement.amount
    value = figure.magnitudes[0]
    qualifier = figure.qualifier
    if (
        value is None
        or qualifier not in ("exact", "about", "estimated")
        or figure.places is not None
    ):
        raise LedgerError(
            f"settlement {settlement.id}: {figure} is not one amount; tranches split one "
            "amount, e.g. '300 million USD' or 'about 300 million USD'"
        )
    code = currency_of(figure.unit)
    assert code is not None  # a settlement's amount is a stock of money
    places = max(_digits(code), -min(0, _exponent(value)))
    parts = split(value, [Fraction(1, count)] * count, places, residue)
    months = 12 // FREQUENCIES[frequency]
    return tuple(
        settlement.model_copy(
            update={
                "id": f"{settlement.id}-{n}",
                "as_of": add_months(settlement.as_of, months * (n - 1)),
                "amount": Figure.of(f"{_plain(part)} {code}", qualifier),
            }
        )
        for n, part in enumerate(parts, start=1)
    )


_PLAN_KEYS = ("tranches", "frequency", "residue")


@dataclass(frozen=True)
class Tranches:
    """A settlement written once and spread over ``count`` equal dated tranches: a file's
    ``schedule`` table (``schedule = { tranches = 10 }``), kept so that saving writes it back
    as it was written."""

    settlement: Settlement
    count: int
    frequency: Frequency = "annual"
    residue: Residue = "last"
    #: The keys the file wrote, defaults among them, so that saving writes them back.
    written: frozenset[str] = field(default=frozenset(), compare=False)

    def settlements(self) -> tuple[Settlement, ...]:
        """The tranches, as :func:`tranches` gives them."""
        return tranches(self.settlement, self.count, frequency=self.frequency, residue=self.residue)

    def table(self) -> dict[str, object]:
        """The ``schedule`` table as a file writes it (defaults left unsaid)."""
        table: dict[str, object] = {"tranches": self.count}
        if self.frequency != "annual" or "frequency" in self.written:
            table["frequency"] = self.frequency
        if self.residue != "last" or "residue" in self.written:
            table["residue"] = self.residue
        return table

    @classmethod
    def from_table(cls, settlement: Settlement, table: object) -> Tranches:
        """The plan a ``schedule`` table gives; a :class:`~ledger.errors.LedgerError` whose
        words start with the field (``tranches: ...``) when it is wrong."""
        if not isinstance(table, dict):
            raise LedgerError(
                f"{table!r} is not a table; write schedule = {{ tranches = 10 }} (and "
                "optionally frequency = 'annual' and residue = 'last')"
            )
        unknown = sorted(set(table) - set(_PLAN_KEYS))
        if unknown:
            raise LedgerError(
                f"{unknown[0]}: unknown key in a schedule; accepted: {', '.join(_PLAN_KEYS)}"
            )
        if "tranches" not in table:
            raise LedgerError("tranches: missing; write the number of tranches, e.g. 10")
        count = table["tranches"]
        if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= 1200:
            raise LedgerError(f"tranches: {count!r} is not accepted; a whole number from 1 to 1200")
        frequency = table.get("frequency", "annual")
        if frequency not in FREQUENCIES:
            raise LedgerError(
                f"frequency: {frequency!r} is not known; accepted: {', '.join(FREQUENCIES)}"
            )
        residue = table.get("residue", "last")
        if residue not in RESIDUE_RULES:
            raise LedgerError(
                f"residue: {residue!r} is not known; accepted: {', '.join(RESIDUE_RULES)}"
            )
        plan = cls(settlement, count, frequency, residue, frozenset(table))
        try:
            plan.settlements()
        except LedgerError as error:
            raise LedgerError(f"tranches: {error}") from None
        return plan
