"""Present value, grant element and what a restructuring gave up, as the IMF and the World
Bank measure concessionality.

The **present value** of a debt's service is each payment divided by ``(1 + r) ** t``: ``r``
the discount rate a year (by default the unified 5% the IMF and the World Bank adopted on
11 October 2013; the OECD DAC used 10%), ``t`` the payment's time in years from the reference
day (whole months count twelfths of a year, days left over 365ths). With
``compounding="per_period"`` a loan paying ``m`` times a year is discounted at ``r / m`` a
period instead, the convention its interest is charged in, so that a loan discounted at its
own interest rate is worth its face value exactly. The **grant element** is the face value
less the present value, over the face value: ``0.35`` is 35%.

>>> import ledger as lg
>>> commercial = lg.Terms(interest="5%", maturity_years=10, grace_years=2)
>>> print(grant_element(commercial, principal="100 million USD").value)
0
>>> ida = lg.Terms(interest="0.75%", maturity_years=40, grace_years=10, frequency="semiannual")
>>> print(grant_element(ida, principal="100 million USD").value)
about 0.578044
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import Any, Literal

from .arithmetic import CONTEXT, owned
from .book import Ledger, book_asked, day_asked
from .entries import Claim, Settlement
from .errors import LedgerError
from .faces import call
from .figures import Figure
from .loans import HasTerms, Payment, Schedule, add_months, minor_unit, principal_shares
from .terms import Terms, rate_figure, rate_text
from .units import Amount, currency_of

__all__ = [
    "DEFAULT_RATE",
    "Compounding",
    "Discounted",
    "Forgiven",
    "GrantElement",
    "PresentValue",
    "forgiven",
    "grant_element",
    "present_value",
    "years_between",
]

#: The unified discount rate of the IMF and the World Bank (since October 2013): 5% a year.
DEFAULT_RATE = Decimal("0.05")
Compounding = Literal["annual", "per_period"]
#: Decimal places of a grant element that cannot be written exactly (0.0001 of a percent).
_RATIO_PLACES = 6
#: Discount factors as lines show them.
_SHOWN = CONTEXT.copy()
_SHOWN.prec = 12


def years_between(start: date, day: date) -> Fraction:
    """The time from ``start`` to ``day`` in years: whole calendar months as twelfths, the
    days left over as 365ths (negative when ``day`` is earlier).

    >>> years_between(date(2012, 9, 20), date(2016, 3, 20))
    Fraction(7, 2)
    >>> years_between(date(2012, 1, 1), date(2012, 1, 74 - 43))
    Fraction(6, 73)
    """
    if day < start:
        return -years_between(day, start)
    months = (day.year - start.year) * 12 + day.month - start.month
    while months > 0 and add_months(start, months) > day:
        months -= 1
    left = (day - add_months(start, months)).days
    return Fraction(months, 12) + Fraction(left, 365)


@dataclass(frozen=True, slots=True)
class Discounted:
    """One payment discounted: its date (``None`` when the terms give no day), its time in
    years from the reference day, the amount, the discount factor ``1 / (1 + r) ** t`` (to 12
    significant digits) and the present value, amount and value to the currency's minor unit
    (the sums are made of the exact numbers)."""

    date: date | None
    years: Fraction
    what: str
    amount: Decimal
    factor: Decimal
    value: Decimal
    #: What the payment is, for explain() in any language: ``("payment number", "3")``,
    #: ``("principal and interest", principal, interest)``, ``("settlement", id, method)``.
    said: tuple[str, ...] = ()


@dataclass(frozen=True)
class PresentValue:
    """The present value of a debt's payments: ``value`` (money), what they come to
    undiscounted (``undiscounted``), the discount ``rate`` a year, the reference day ``on``
    (``None``: the disbursement day of terms that give none), the ``compounding``, and each
    discounted payment (``lines``, of the central rate or amounts)."""

    value: Figure
    undiscounted: Figure
    rate: Figure
    on: date | None
    compounding: Compounding
    lines: tuple[Discounted, ...]
    #: Whether the payments summed are those of the terms, exact (each shown to the cent but
    #: summed unrounded), rather than the cent-rounded payments of a schedule.
    exact_payments: bool = False

    def explain(self, column: str = "payment", locale: str | None = None) -> str:
        """Each discounted payment (``column`` names what they are), then the sum; a payment
        dated before the reference day is said to be carried forward, not discounted. In
        English by default, in a locale's words and numbers when given one."""
        text: str = call("explain.present_value", self, locale, column)  # the text face
        return text


@dataclass(frozen=True)
class GrantElement:
    """The grant element of a loan: ``value`` (a pure number, 0.35 for 35%) =
    (``face`` - present value) / ``face``, with the ``present_value`` it rests on."""

    value: Figure
    face: Figure
    present_value: PresentValue

    def explain(self, locale: str | None = None) -> str:
        """The grant element's arithmetic, then each discounted payment."""
        text: str = call("explain.grant_element", self, locale)  # the text face
        return text


@dataclass(frozen=True)
class Forgiven:
    """What a restructuring gave up of ``claim``: the write-offs (``settlements``), their sum
    at face value (``face``: what the same sum written off at once on ``present_value.on``
    would be) and their ``present_value`` on that day."""

    claim: Claim
    settlements: tuple[Settlement, ...]
    face: Figure
    present_value: PresentValue
    #: The ledger's own names for parties (its ``parties`` table), for explain() in a locale.
    names: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def value(self) -> Figure:
        """The present value of what was given up."""
        return self.present_value.value

    def explain(self, locale: str | None = None) -> str:
        """What was given up, at face and in present value, then each write-off discounted."""
        text: str = call("explain.forgiven", self, locale)  # the text face
        return text


# -- cash flows ---------------------------------------------------------------------------

_Bounds = tuple[Fraction | None, Fraction | None, Fraction | None]


@dataclass(frozen=True, slots=True)
class _Flow:
    date: date | None
    years: Fraction
    what: str
    amounts: _Bounds
    said: tuple[str, ...] = ()  # what it is, for explain() in any language (see Discounted)


def _rate_asked(rate: object) -> Fraction:
    try:
        figure = rate_figure(rate, "rate")
    except ValueError as error:
        raise LedgerError(str(error)) from None
    value = figure.exact_magnitude
    if value is None:
        raise LedgerError(
            f"rate: {rate_text(figure)} is not one rate; a discount rate is one number, "
            "e.g. '5%' or Decimal('0.05')"
        )
    return Fraction(value)


def _bounds(figure: Figure) -> _Bounds:
    return tuple(None if x is None else Fraction(x) for x in figure.magnitudes)  # type: ignore[return-value]


def _terms_flows(
    terms: Terms, principal: Fraction, rate: Fraction
) -> list[tuple[int, Fraction, Fraction]]:
    """Each period's principal and interest at ``rate``, exactly (no rounding)."""
    d = terms.period_rate(rate)
    out = []
    left = principal
    for k, share in enumerate(principal_shares(terms, rate), start=1):
        part = principal * share
        if terms.profile == "lump_sum_compounded":
            interest = (
                principal * ((1 + d) ** terms.periods - 1) if k == terms.periods else Fraction(0)
            )
        else:
            interest = left * d
        left -= part
        out.append((k, part, interest))
    return out


def _flows_of_terms(
    terms: Terms, principal: Fraction, start: date | None, places: int = 2
) -> list[_Flow]:
    value, low, high = _bounds(terms.interest)
    by_rate = {
        rate: _terms_flows(terms, principal, rate)
        for rate in {value, low, high}
        if rate is not None
    }
    m = terms.periods_per_year
    months = 12 // m
    flows = []
    for k in range(terms.periods):
        amounts = tuple(
            None if rate is None else sum(by_rate[rate][k][1:], Fraction(0))
            for rate in (value, low, high)
        )
        shown = value if value is not None else (low if low is not None else high)
        assert shown is not None
        _, part, interest = by_rate[shown][k]
        if not any(amounts):
            continue
        flows.append(
            _Flow(
                None if start is None else add_months(start, months * (k + 1)),
                Fraction(k + 1, m),
                f"principal {_shown(part, places)} + interest {_shown(interest, places)}",
                amounts,  # type: ignore[arg-type]
                ("principal and interest", *(_plain(x, places) for x in (part, interest))),
            )
        )
    return flows


def _shown(number: Fraction, places: int) -> str:
    return f"{_to_decimal(number, places, ROUND_HALF_EVEN):,}"


def _plain(number: Fraction, places: int) -> str:
    return f"{_to_decimal(number, places, ROUND_HALF_EVEN)}"


def _to_decimal(number: Fraction, places: int, rounding: str) -> Decimal:
    step = Decimal(1).scaleb(-places)
    units = number / Fraction(step)
    whole = units.numerator // units.denominator
    remainder = units - whole
    if (rounding == ROUND_CEILING and remainder) or (
        rounding == ROUND_HALF_EVEN
        and (remainder > Fraction(1, 2) or (remainder == Fraction(1, 2) and whole % 2))
    ):
        whole += 1
    return (Decimal(whole) * step).quantize(step)


def _factor(
    rate: Fraction, years: Fraction, per_year: int, compounding: Compounding
) -> tuple[Fraction, bool]:
    """``1 / (1 + r) ** t`` (annual) or ``1 / (1 + r/m) ** (t m)`` (per period); exact
    where the power is whole, else at 60 significant digits."""
    if compounding == "annual":
        base, power = 1 + rate, years
    else:
        base, power = 1 + rate / per_year, years * per_year
    if power.denominator == 1:
        return base**-power.numerator, True
    decimal_base = CONTEXT.divide(Decimal(base.numerator), Decimal(base.denominator))
    exponent = CONTEXT.divide(Decimal(-power.numerator), Decimal(power.denominator))
    return Fraction(CONTEXT.power(decimal_base, exponent)), False


def _discount(
    flows: Sequence[_Flow],
    rate: Fraction,
    on: date | None,
    start: date | None,
    per_year: int,
    compounding: Compounding,
    places: int = 2,
) -> tuple[_Bounds, _Bounds, list[Discounted], bool]:
    sums: list[Fraction | None] = [Fraction(0)] * 3
    faces: list[Fraction | None] = [Fraction(0)] * 3
    lines = []
    exact = True
    for flow in flows:
        years = flow.years
        if on is not None and on != start:
            if flow.date is None:
                raise LedgerError(
                    "on: the terms give no disbursement day, so the payments have no dates; "
                    "give Terms(disbursed=...) or leave on out (the disbursement day)"
                )
            years = years_between(on, flow.date)
        factor, whole = _factor(rate, years, per_year, compounding)
        exact = exact and whole
        for i, amount in enumerate(flow.amounts):
            if amount is None or sums[i] is None:
                sums[i] = faces[i] = None
                continue
            sums[i] = sums[i] + amount * factor  # type: ignore[operator]
            faces[i] = faces[i] + amount  # type: ignore[operator]
        central = next(a for a in flow.amounts if a is not None)
        lines.append(
            Discounted(
                flow.date,
                years,
                flow.what,
                _to_decimal(central, places, ROUND_HALF_EVEN)
                if central.denominator != 1
                else Decimal(central.numerator),
                _SHOWN.divide(Decimal(factor.numerator), Decimal(factor.denominator)),
                _to_decimal(central * factor, places, ROUND_HALF_EVEN),
                flow.said,
            )
        )
    return tuple(sums), tuple(faces), lines, exact  # type: ignore[return-value]


def _money(bounds: _Bounds, template: Figure, code: str, approximate: bool) -> Figure:
    """A money figure from exact bounds shaped like ``template`` (its inclusivity), each to
    the currency's minor unit: the centre to the nearest, bounds outwards."""
    places = minor_unit(code)
    value, low, high = bounds
    shown = [
        None if x is None else _to_decimal(x, places, rounding)
        for x, rounding in ((value, ROUND_HALF_EVEN), (low, ROUND_FLOOR), (high, ROUND_CEILING))
    ]
    moved = any(x is not None and Fraction(y) != x for x, y in zip(bounds, shown, strict=True))  # type: ignore[arg-type]
    # Whole amounts without the zeros of cents (488900000 USD, as the entries wrote them).
    shown = [
        x if x is None or x != x.to_integral_value() else x.quantize(Decimal(1)) for x in shown
    ]
    rough = approximate or moved or template.approximate
    if value is not None and value == low == high:
        shown = [shown[0]] * 3  # a point: its central value, rounded to the nearest
    return _figure(shown, (template.low_inclusive, template.high_inclusive), code, rough)


def _figure(
    shown: Sequence[Decimal | None], inclusive: tuple[bool, bool], unit: str, rough: bool
) -> Figure:
    value, low, high = shown
    text = f" {unit}" if unit else ""
    if value is not None and low == value == high:
        return Figure.of(f"{value}{text}", "about" if rough else "exact")
    return Figure(
        None if value is None else f"{value}{text}",
        low=None if low is None else f"{low}{text}",
        high=None if high is None else f"{high}{text}",
        low_inclusive=inclusive[0],
        high_inclusive=inclusive[1],
        approximate=rough,
    )


# -- the questions ------------------------------------------------------------------------


def _principal_of(figure: Figure, what: str) -> tuple[Fraction, str]:
    code = currency_of(figure.unit)
    value = figure.magnitudes[0]
    if code is None or value is None or figure.qualifier not in ("exact", "about", "estimated"):
        raise LedgerError(
            f"{what}: {figure} is not one amount of money; a loan's principal is, e.g. "
            "'300 million USD'"
        )
    if value <= 0:
        raise LedgerError(f"{what}: {figure} is not positive; a loan's principal is")
    return Fraction(value), code


def _of_terms(
    claim_or_terms: HasTerms | Terms, principal: Figure | Amount | None
) -> tuple[Terms, Figure, date | None, str]:
    if isinstance(claim_or_terms, Terms):
        if principal is None:
            raise LedgerError(
                "principal: terms alone have no amount; pass principal='300 million USD' "
                "(or pass a claim with terms, whose amount is the principal)"
            )
        face = principal if isinstance(principal, Figure) else Figure.of(principal)
        return claim_or_terms, face, claim_or_terms.disbursed, "principal"
    terms = getattr(claim_or_terms, "terms", None)
    if not isinstance(terms, Terms):
        if hasattr(claim_or_terms, "terms"):
            label = getattr(claim_or_terms, "id", "?")
            raise LedgerError(
                f"claim {label} has no terms; give it terms=lg.Terms(interest=..., "
                "maturity_years=...) (in a file, an [entries.terms] table)"
            )
        raise LedgerError(f"{type(claim_or_terms).__name__} is not a claim with terms nor lg.Terms")
    face = (
        claim_or_terms.amount
        if principal is None
        else (principal if isinstance(principal, Figure) else Figure.of(principal))
    )
    return terms, face, terms.disbursed or claim_or_terms.as_of, f"claim {claim_or_terms.id}"


@owned
def present_value(
    claim_or_payments: HasTerms | Terms | Schedule | Iterable[Payment | Settlement],
    rate: object = DEFAULT_RATE,
    on: date | str | None = None,
    *,
    principal: Figure | Amount | None = None,
    compounding: Compounding = "annual",
) -> PresentValue:
    """The present value on ``on`` of a debt's payments discounted at ``rate`` a year.

    Takes a claim with terms (its debt service, exactly as the terms give it; ``on`` by
    default its disbursement day), terms with ``principal``, a :class:`Schedule` (its
    payments, to the cent), or payments or settlements (``on`` by default the first one's
    day). An approximate interest rate, or approximate amounts, give a range or an "about".

    >>> import ledger as lg
    >>> bullet = lg.Terms(interest="0%", maturity_years=2, profile="lump_sum")
    >>> print(present_value(bullet, "5%", principal="1102.50 USD").value)
    1000 USD
    """
    return _present(claim_or_payments, rate, on, principal, compounding)[0]


def _present(
    claim_or_payments: HasTerms | Terms | Schedule | Iterable[Payment | Settlement],
    rate: object,
    on: date | str | None,
    principal: Figure | Amount | None,
    compounding: Compounding,
) -> tuple[PresentValue, _Bounds, bool]:
    """The present value, with its exact sums (value, low, high) and whether they are exact."""
    if compounding not in ("annual", "per_period"):
        raise LedgerError(
            f"compounding {compounding!r} is not known; accepted: 'annual', 'per_period'"
        )
    discount = _rate_asked(rate)
    day = None if on is None else day_asked(on, "on")
    if isinstance(claim_or_payments, Schedule):
        plan = claim_or_payments
        code, per_year, template, rough = (
            plan.currency,
            plan.terms.periods_per_year,
            plan.terms.interest,
            plan.approximate,
        )
        flows = [
            _Flow(
                p.date,
                p.years,
                f"payment {p.number}",
                (Fraction(p.total),) * 3,
                ("payment number", str(p.number)),
            )
            for p in plan.payments
            if p.total
        ]
        start = plan.disbursed
        on_day = day if day is not None else start
    elif isinstance(claim_or_payments, Terms) or hasattr(claim_or_payments, "terms"):
        terms, face, start, what = _of_terms(claim_or_payments, principal)  # type: ignore[arg-type]
        amount, code = _principal_of(face, what)
        flows = _flows_of_terms(terms, amount, start, minor_unit(code))
        template = terms.interest
        rough = face.approximate
        per_year = terms.periods_per_year
        on_day = day if day is not None else start
    else:
        flows, code, template, rough, start = _dated_flows(list(claim_or_payments))
        per_year = 1
        on_day = day if day is not None else start
    sums, faces, lines, exact = _discount(
        flows, discount, on_day, start, per_year, compounding, minor_unit(code)
    )
    rate_shown = Figure.of(f"{Decimal(discount.numerator) / Decimal(discount.denominator)}")
    pv = PresentValue(
        _money(sums, template, code, rough or not exact),
        _money(faces, template, code, rough),
        rate_shown,
        on_day,
        compounding,
        tuple(lines),
        exact_payments=not isinstance(claim_or_payments, Schedule)
        and (isinstance(claim_or_payments, Terms) or hasattr(claim_or_payments, "terms")),
    )
    return pv, sums, exact


def _dated_flows(items: list[object]) -> tuple[list[_Flow], str, Figure, bool, date]:
    if not items:
        raise LedgerError("no payments: pass a claim with terms, a schedule, or payments")
    flows = []
    codes = set()
    rough = False
    template = None
    for item in items:
        if isinstance(item, Settlement):
            amount = item.amount
            codes.add(currency_of(amount.unit))
            flows.append(
                _Flow(
                    item.as_of,
                    Fraction(0),
                    f"{item.id} ({item.method})",
                    _bounds(amount),
                    ("settlement", item.id, item.method),
                )
            )
            rough = rough or amount.approximate
            template = template or amount
        elif isinstance(item, Payment):
            if item.date is None:
                raise LedgerError(f"payment {item.number} has no date; pass the Schedule itself")
            total = (Fraction(item.total),) * 3
            said = ("payment number", str(item.number))
            flows.append(_Flow(item.date, item.years, f"payment {item.number}", total, said))
        else:
            raise LedgerError(
                f"{type(item).__name__} is not a payment; pass a claim with terms, a schedule, "
                "payments or settlements"
            )
    if len(codes) > 1 or None in codes:
        raise LedgerError(
            f"the payments are in {', '.join(sorted(str(c) for c in codes))}: convert them to "
            "one currency first (lg.convert)"
        )
    if not codes:
        raise LedgerError("payments alone have no currency; pass the Schedule itself")
    start = min(flow.date for flow in flows if flow.date is not None)
    flows = [
        _Flow(f.date, years_between(start, f.date), f.what, f.amounts, f.said)  # type: ignore[arg-type]
        for f in flows
    ]
    return flows, codes.pop(), template or Figure.of("0"), rough, start  # type: ignore[return-value]


@owned
def grant_element(
    claim_or_terms: HasTerms | Terms,
    rate: object = DEFAULT_RATE,
    *,
    principal: Figure | Amount | None = None,
    compounding: Compounding = "annual",
) -> GrantElement:
    """The grant element of a loan, as the IMF and the World Bank define it: (face value -
    present value of the debt service) / face value, the debt service discounted at ``rate``
    a year (by default the unified 5%) to the disbursement day. A pure number (0.35 = 35%;
    ``lg.format_ratio(ge.value, as_percent=True)`` writes it so); an interest rate given as
    a range gives a range.

    >>> import ledger as lg
    >>> terms = lg.Terms(interest="between 1% and 2%", maturity_years=20, grace_years=5)
    >>> print(grant_element(terms, principal="50 million USD").value)
    between about 0.27469 and 0.366255
    """
    terms, face, _, what = _of_terms(claim_or_terms, principal)
    amount, _ = _principal_of(face, what)
    # The ratio of the exact sums, never of the money rounded to the cent.
    pv, sums, exact = _present(claim_or_terms, rate, None, principal, compounding)
    value, low, high = sums
    ratio = tuple(None if x is None else 1 - x / amount for x in (value, high, low))
    interest = terms.interest
    inclusive = (interest.high_inclusive, interest.low_inclusive)  # rates up, grant down
    return GrantElement(_ratio(ratio, inclusive, interest.approximate or not exact), face, pv)  # type: ignore[arg-type]


def _ratio(bounds: _Bounds, inclusive: tuple[bool, bool], rough: bool) -> Figure:
    shown: list[Decimal | None] = []
    moved = False
    for x, rounding in zip(bounds, (ROUND_HALF_EVEN, ROUND_FLOOR, ROUND_CEILING), strict=True):
        if x is None:
            shown.append(None)
            continue
        number = _to_decimal(x, _RATIO_PLACES, rounding)
        moved = moved or Fraction(number) != x
        shown.append(number.normalize() if number else Decimal(0))
    if bounds[0] is not None and bounds[0] == bounds[1] == bounds[2]:
        shown = [shown[0]] * 3  # a point: its central value, rounded to the nearest
    return _figure(shown, inclusive, "", rough or moved)


@owned
def forgiven(
    book: Ledger,
    claim: Claim | str,
    rate: object = DEFAULT_RATE,
    *,
    on: date | str | None = None,
) -> Forgiven:
    """What a restructuring gave up of a claim: its write-offs at face value and in present
    value on ``on`` (by default the claim's date; a day after the first write-off is
    refused), discounted at ``rate`` a year. Written off
    over the years, a sum is worth less than the same sum written off at once.

    >>> import ledger as lg
    >>> cut = forgiven(lg.example("kg-ru-2012"), "ru-claim-kg-2012")
    >>> print(cut.face, "|", cut.value)
    488900000 USD | about 417191587.12 USD
    """
    book = book_asked(book)
    if isinstance(claim, str):
        if claim not in book or not isinstance(book[claim], Claim):
            raise LedgerError(f"claim: {claim!r} is not a claim of this ledger")
        found = book[claim]
        assert isinstance(found, Claim)
        claim = found
    if not isinstance(claim, Claim):
        raise LedgerError(f"claim: {type(claim).__name__} is not a claim; pass a Claim or its id")
    cuts = tuple(s for s in book.settlements(claim=claim.id) if s.method == "write_off")
    if not cuts:
        raise LedgerError(f"claim {claim.id}: no write-off settles it; nothing was given up")
    day = claim.as_of if on is None else day_asked(on, "on")
    first = min(cuts, key=lambda cut: (cut.as_of, cut.id))
    if day > first.as_of:
        raise LedgerError(
            f"on: {day.isoformat()} is after the first write-off of {claim.id} ({first.id}, "
            f"{first.as_of.isoformat()}): what was given up is valued on or before it (by "
            "default on the claim's date), never carried forward"
        )
    pv = present_value(cuts, rate, day)
    total = cuts[0].amount
    for cut in cuts[1:]:
        total = total + cut.amount
    return Forgiven(claim, cuts, total, pv, names=dict(book.parties))
