"""Ratios, with units from pint and bounds by interval rules, and the questions people ask.

A flow over a flow is a pure number; a stock over a flow is a duration in years; a flow over a
count of people is an amount per head.

>>> import ledger as lg
>>> from datetime import date
>>> book = lg.example()
>>> day = date(2004, 3, 15)
>>> print(remittances_to_budget(book, "TJ", as_of=day).value)
more than 1
>>> print(debt_to_budget(book, "TJ", as_of=day).value)
about 1 year
>>> print(debt_to_budget(book, "TJ", net=True, as_of=day).value)
about 0.833 year
>>> print(per_migrant(book, "TJ", as_of=day).value)
more than 300 USD/person/year, approximate
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .arithmetic import owned
from .book import Ledger, book_asked, day_asked, party_asked
from .entries import Budget, Rate, Remittance
from .errors import MissingFigureError, UnitMismatchError
from .faces import call
from .figures import Figure
from .fx import convert
from .netting import net_positions, outstanding
from .units import Amount, currency_of

if TYPE_CHECKING:
    from .entries import EntryBase

__all__ = ["Ratio", "debt_to_budget", "per_migrant", "ratio", "remittances_to_budget"]


@owned
def ratio(a: Figure | Amount, b: Figure | Amount) -> Figure:
    """``a / b`` for two figures or amounts: units by pint, bounds by interval rules.

    >>> print(ratio("300 million USD/year", Figure.of("300 million USD/year", "about")))
    about 1
    """
    left = a if isinstance(a, Figure) else Figure.of(a)
    right = b if isinstance(b, Figure) else Figure.of(b)
    return left / right


@dataclass(frozen=True)
class Ratio:
    """The answer to a question such as "remittances against the budget", with what it rests on.

    ``question`` names the helper that asked it; ``value`` is numerator / denominator.
    """

    question: str
    party: str
    numerator: Figure
    denominator: Figure
    value: Figure
    as_of: date
    numerator_entries: tuple[EntryBase, ...]
    denominator_entries: tuple[EntryBase, ...]
    numerator_label: str
    denominator_label: str
    net: bool = False

    @classmethod
    def of(
        cls,
        question: str,
        party: str,
        as_of: date,
        *,
        numerator: tuple[Figure, str, tuple[EntryBase, ...]],
        denominator: tuple[Figure, str, tuple[EntryBase, ...]],
        net: bool = False,
    ) -> Ratio:
        """The ratio of two figures, each given with its label and the entries behind it."""
        top, top_label, top_entries = numerator
        bottom, bottom_label, bottom_entries = denominator
        return cls(
            question=question,
            party=party,
            numerator=top,
            denominator=bottom,
            value=top / bottom,
            as_of=as_of,
            numerator_entries=top_entries,
            denominator_entries=bottom_entries,
            numerator_label=top_label,
            denominator_label=bottom_label,
            net=net,
        )

    @property
    def entries(self) -> tuple[EntryBase, ...]:
        return (*self.numerator_entries, *self.denominator_entries)

    def explain(self) -> str:
        """The division, and each entry with its source's words."""
        out = [
            f"{self.question.replace('_', ' ')} for {self.party}, as of "
            f"{self.as_of.isoformat()}: {self.value}",
            f"  {self.numerator_label}: {self.numerator}",
        ]
        out += [_cite(entry) for entry in self.numerator_entries]
        out.append(f"  {self.denominator_label}: {self.denominator}")
        out += [_cite(entry) for entry in self.denominator_entries]
        out.append(f"  = {self.numerator} / {self.denominator} = {self.value}")
        return "\n".join(out)

    def __str__(self) -> str:
        return f"{self.question.replace('_', ' ')} for {self.party}: {self.value}"

    def __repr__(self) -> str:
        return f"<Ratio {self}>"

    def _repr_html_(self) -> str:
        html: str = call("html.ratio", self)  # the notebook face, loaded on first display
        return html


def _cite(entry: EntryBase) -> str:
    words = f'"{entry.quote}" ' if entry.quote else ""
    return f"      {entry.id}: {words}({entry.source.publisher}, {entry.source.date.isoformat()})"


def _latest(
    entries: list[Remittance] | list[Budget], what: str, party: str, day: date
) -> Remittance | Budget:
    if not entries:
        raise MissingFigureError(
            f"no {what} for {party} dated on or before {day.isoformat()}; add one to the ledger"
        )
    latest = max(entry.as_of for entry in entries)
    newest = [entry for entry in entries if entry.as_of == latest]
    if len(newest) > 1:
        ids = ", ".join(entry.id for entry in newest)
        raise MissingFigureError(
            f"{len(newest)} {what} entries for {party} compete as of {latest.isoformat()} "
            f"({ids}); keep one, or narrow the question (fiscal_year=, as_of=)"
        )
    return newest[0]


def _budget(book: Ledger, party: str, day: date, fiscal_year: int | None) -> Budget:
    budgets = book.budgets(party=party, fiscal_year=fiscal_year, as_of=day)
    found = _latest(budgets, "budget", party, day)
    assert isinstance(found, Budget)
    return found


def _remittance(book: Ledger, party: str, day: date) -> Remittance:
    found = _latest(book.remittances(destination=party, as_of=day), "remittances", party, day)
    assert isinstance(found, Remittance)
    return found


def _in_currency(
    figure: Figure,
    target: str | None,
    book: Ledger,
    rates: Ledger | Iterable[Rate] | None,
    day: date,
) -> Figure:
    source = currency_of(figure.unit)
    if target is None or source == target:
        return figure
    if rates is None:
        raise UnitMismatchError(
            f"{figure} is in {source} but the budget is in {target}; pass rates= (a ledger or "
            "Rate entries) to convert at the rate in force on the day"
        )
    return convert(figure, target, rates=rates, on=day).figure


@owned
def remittances_to_budget(
    book: Ledger,
    party: str,
    *,
    as_of: date | None = None,
    fiscal_year: int | None = None,
    rates: Ledger | Iterable[Rate] | None = None,
) -> Ratio:
    """Remittances sent home to ``party`` against its budget: a pure number."""
    day = day_asked(as_of)
    book_asked(book)
    party = party_asked(party)
    remittance = _remittance(book, party, day)
    budget = _budget(book, party, day, fiscal_year)
    target = currency_of(budget.amount.unit)
    numerator = _in_currency(remittance.amount, target, book, rates, day)
    return Ratio.of(
        "remittances_to_budget",
        party,
        day,
        numerator=(numerator, "remittances", (remittance,)),
        denominator=(budget.amount, "budget", (budget,)),
    )


@owned
def debt_to_budget(
    book: Ledger,
    party: str,
    *,
    net: bool = False,
    as_of: date | None = None,
    fiscal_year: int | None = None,
    rates: Ledger | Iterable[Rate] | None = None,
) -> Ratio:
    """What ``party`` owes against its budget, in years. ``net=True`` takes off what others
    owe it (its counterclaims); by default the debt is gross."""
    day = day_asked(as_of)
    book_asked(book)
    party = party_asked(party)
    budget = _budget(book, party, day, fiscal_year)
    target = currency_of(budget.amount.unit)
    assert target is not None
    claims = book.claims(debtor=party, as_of=day)
    settlements = book.settlements(as_of=day)
    if net:
        claims += book.claims(creditor=party, as_of=day)
    if not claims:
        raise MissingFigureError(
            f"no claims on {party} dated on or before {day.isoformat()}; nothing to weigh"
        )
    if net:
        positions = net_positions(
            Ledger([*claims, *settlements, *book.rates(as_of=day)]),
            as_of=day,
            convert_to=target,
            rates=rates if rates is not None else book,
        )
        debt = -positions[party][target]
        label = "net debt"
    else:
        owed = [
            _in_currency(
                outstanding(claim, [s for s in settlements if s.claim == claim.id]),
                target,
                book,
                rates,
                day,
            )
            for claim in claims
        ]
        debt = owed[0]
        for more in owed[1:]:
            debt = debt + more
        label = "debt"
    return Ratio.of(
        "debt_to_budget",
        party,
        day,
        numerator=(debt, label, tuple(claims)),
        denominator=(budget.amount, "budget", (budget,)),
        net=net,
    )


@owned
def per_migrant(
    book: Ledger,
    party: str,
    *,
    as_of: date | None = None,
) -> Ratio:
    """Remittances sent home to ``party`` per migrant: an amount per person per year."""
    day = day_asked(as_of)
    book_asked(book)
    party = party_asked(party)
    remittance = _remittance(book, party, day)
    if remittance.migrants is None:
        raise MissingFigureError(
            f"remittances {remittance.id!r} to {party} give no number of migrants; add "
            "migrants = {{ amount = '...', qualifier = '...' }} to the entry"
        )
    yearly = remittance.amount.to(f"{currency_of(remittance.amount.unit)}/year")
    return Ratio.of(
        "per_migrant",
        party,
        day,
        numerator=(yearly, "remittances", (remittance,)),
        denominator=(remittance.migrants, "migrants", ()),
    )
