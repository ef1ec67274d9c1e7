"""The ``debt-ledger`` command (also ``python -m ledger``).

Exit codes: 0 when the command answered (``summary`` and ``ratios`` answer what they can and
list, in words, each question they could not answer and what to add to the file); 1 for
invalid input, or when not one question could be answered (every problem listed on stderr);
2 for a usage error. No traceback and no Python keyword reaches the user: the library's
messages are rewritten in the command line's own terms (``--rates FILE``, ``--as-of``).

A FILE argument is a ledger file or the name of a bundled example (``debt-ledger examples``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from .book import DEFAULT_EXAMPLE, EXAMPLES, Ledger, example, examples, load, schema
from .entries import (
    Budget,
    Claim,
    EntryBase,
    Rate,
    Remittance,
    Settlement,
    figure_to_data,
    party_error,
)
from .errors import LedgerError
from .figures import Figure
from .formatting import describe, format_figure, format_ratio, label, party_name
from .fx import Conversion, convert
from .netting import NetBalance, net_balance, net_positions, settle
from .ratios import Ratio, debt_to_budget, per_migrant, remittances_to_budget
from .units import check_currency

__all__ = ["in_words", "main"]

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2  # argparse itself exits 2 on a usage error


def _version() -> str:
    try:
        return version("debt-ledger")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree, not installed
        return "(not installed)"


def _date(text: str) -> date:
    # Only YYYY-MM-DD, as files write dates: fromisoformat alone also reads 20040315 and
    # 2004-W11-1.
    if _ISO_DATE.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise argparse.ArgumentTypeError(f"{text!r} is not a date; write YYYY-MM-DD")


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def _check_currency(code: str | None, option: str) -> None:
    """A currency given on the command line must be an ISO 4217 code (an empty or unknown one
    would otherwise match no claim and net to zero)."""
    if code is not None:
        check_currency(code, option)


def _figure_json(figure: Figure, locale: str) -> dict[str, Any]:
    return {**figure_to_data(figure), "text": format_figure(figure, locale)}


def _ratio_json(ratio: Ratio, locale: str) -> dict[str, Any]:
    return {
        "question": ratio.question,
        "party": ratio.party,
        "net": ratio.net,
        "as_of": ratio.as_of.isoformat(),
        "value": {**figure_to_data(ratio.value), "text": format_ratio(ratio.value, locale)},
        "numerator": _figure_json(ratio.numerator, locale),
        "denominator": _figure_json(ratio.denominator, locale),
        "entries": [entry.id for entry in ratio.entries],
        "rates": [_rate_json(rate) for rate in ratio.rates],
        "sentence": describe(ratio, locale),
    }


def _rate_json(rate: Rate) -> dict[str, Any]:
    shown: dict[str, Any] = {
        "id": rate.id,
        "rate": str(rate.rate),
        "basis": rate.basis,
        "as_of": rate.as_of.isoformat(),
    }
    if rate.period_start is not None:
        shown["period_start"] = rate.period_start.isoformat()
    return {**shown, "publisher": rate.source.publisher}


def _conversion_json(conversion: Conversion | None) -> dict[str, Any] | None:
    if conversion is None or conversion.rate is None:
        return None
    return {"inverted": conversion.inverted, "rates": [_rate_json(r) for r in conversion.rates]}


def _reduction_json(settlement: Settlement, locale: str) -> dict[str, Any]:
    return {
        "id": settlement.id,
        "method": settlement.method,
        "as_of": settlement.as_of.isoformat(),
        "amount": _figure_json(settlement.amount, locale),
        "source": {
            "publisher": settlement.source.publisher,
            "date": settlement.source.date.isoformat(),
        },
    }


_DIRECTIONS = {1: "debtor_owes", -1: "creditor_owes", 0: "unknown"}


def _owed_json(balance: NetBalance, locale: str) -> dict[str, Any]:
    """Who owes whom and how much, never a negative amount: ``amount`` stays the signed net
    (positive when the debtor asked about owes), ``owed`` turns it round where the creditor
    owes, and is null where the range spans zero (the direction is unknown) or nothing is
    owed either way ("even")."""
    if balance.amount.magnitudes == (Decimal(0),) * 3:
        return {"direction": "even", "owed": None}
    direction = balance.direction
    owing = balance if direction >= 0 else -balance
    owed = {
        "by": owing.debtor,
        "to": owing.creditor,
        "amount": _balance_amount_json(owing, locale),
    }
    return {"direction": _DIRECTIONS[direction], "owed": owed if direction else None}


def _balance_json(balance: NetBalance, locale: str, names: dict[str, str]) -> dict[str, Any]:
    """A balance with each claim as asserted, each reduction that counts, what is outstanding,
    and the rate of each conversion."""
    return {
        "debtor": balance.debtor,
        "creditor": balance.creditor,
        "as_of": balance.as_of.isoformat(),
        "currency": balance.currency,
        "amount": _balance_amount_json(balance, locale),
        **_owed_json(balance, locale),
        "entries": [e.id for e in balance.entries],
        "lines": [
            {
                "claim": line.claim.id,
                "sign": line.sign,
                "status": line.claim.status,
                "asserted": _figure_json(line.asserted, locale),
                "reductions": [_reduction_json(s, locale) for s in line.reductions],
                "outstanding": _figure_json(line.outstanding, locale),
                "cleared": line.cleared,
                "counted": _figure_json(line.counted, locale),
                "conversion": _conversion_json(line.conversion),
            }
            for line in balance.lines
        ],
        "sentence": describe(balance, locale, names),
    }


def _balance_amount_json(balance: NetBalance, locale: str) -> dict[str, Any]:
    """A balance's amount; with no claims at all it is a plain zero, in no currency (never a
    ratio's ``0×``)."""
    if balance.currency is None and not balance.lines:
        return {**figure_to_data(balance.amount), "text": "0"}
    return _figure_json(balance.amount, locale)


def _amount_json(entry: EntryBase, locale: str) -> dict[str, Any]:
    amount = getattr(entry, "amount", None)
    return {"amount": _figure_json(amount, locale)} if isinstance(amount, Figure) else {}


def _on_terminal() -> bool:
    """Whether stderr is a terminal: a progress bar is shown there, never into a file."""
    isatty = getattr(sys.stderr, "isatty", None)
    return bool(isatty and isatty())


def _book(path: str | None) -> Ledger:
    """The ledger a FILE argument names: a file, or else a bundled example by its name."""
    if path is None:
        return example()
    if path in EXAMPLES and not Path(path).exists():
        return example(path)
    try:
        return load(path, progress=_on_terminal())
    except LedgerError as error:
        if Path(path).suffix or Path(path).exists():
            raise
        raise LedgerError(
            f"{error}; nor is {path!r} the name of a bundled example: {', '.join(sorted(EXAMPLES))}"
        ) from None


def _via(args: argparse.Namespace) -> str | None:
    """The third currency of ``--via``, checked."""
    via: str | None = getattr(args, "via", None)
    _check_currency(via, "--via")
    return via


def _rates(book: Ledger, args: argparse.Namespace) -> list[Rate]:
    """The rates a command converts with: the ledger's own, and those of ``--rates FILE``."""
    own = book.rates()
    path = getattr(args, "rates", None)
    if path is None:
        return own
    brought = _book(path).rates()
    if not brought:
        raise LedgerError(
            f"--rates {path}: the file holds no rates; give a ledger file with entries of kind "
            "'rate' (e.g. rate = \"47 KGS/USD\"), or add the rates to the ledger itself"
        )
    return [*own, *brought]


#: The library's keywords and the options that say the same on the command line.
_OPTIONS = (
    ("via", "--via"),
    ("as_of", "--as-of"),
    ("convert_to", "--convert-to"),
    ("currency", "--currency"),
    ("rates", "--rates FILE"),
)

# The library speaks to Python callers (``rates=``); a command line user has options and a
# file. Each rewrite turns one of the library's hints into the command line's terms, and none
# matches its own result: a message rewritten twice reads as it did once.
_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (
            r"; convert one first with lg\.convert\([^)]*\) and a dated, sourced rate",
            "; add a dated rate entry between them to the file, or give --rates FILE",
        ),
        (r"keep one, or pass rates= with the one to use", "keep one of them in the files"),
        (
            r"keep one, or narrow the question \(fiscal_year=, as_of=\)",
            "keep one in the file, or ask about another day with --as-of",
        ),
        (
            r"pass currency='\.\.\.' to net one of them, or convert_to='\.\.\.' with dated "
            r"rates",
            "give --currency CODE to net one of them, or --convert-to CODE with dated rates",
        ),
        (r" \(or pass format='\w+'\)", ""),
        (
            r"Add a Rate entry dated on or before that day(?! to the file)",
            "Add a Rate entry dated on or before that day to the file, or give --rates FILE",
        ),
        (r"\{\{", "{"),
        (r"\}\}", "}"),
        (r"\bvia=(['\"]?)([A-Z]{3})\1", r"--via \2"),
        *(
            rewrite
            for keyword, option in _OPTIONS
            for rewrite in (
                (rf"\b{keyword}=(?=[\s),.;]|$)", option),  # a keyword alone
                (rf"\b{keyword}=", f"{option} "),  # a keyword and its value
            )
        ),
    )
)


def in_words(message: str) -> str:
    """A library message in the command line's terms: options, not Python keywords.

    >>> in_words("no budget; keep one, or narrow the question (fiscal_year=, as_of=)")
    'no budget; keep one in the file, or ask about another day with --as-of'
    """
    for pattern, replacement in _REWRITES:
        message = pattern.sub(replacement, message)
    return message


class _Said(LedgerError):
    """A refusal already in the command line's words: ``main`` shows it as it is."""


_NO_RATE = re.compile(r"no ([A-Z]{3})/([A-Z]{3}) rate in force on ([0-9]{4}-[0-9]{2}-[0-9]{2})")


def _via_hint(message: str, rates: Sequence[Rate], via: str | None) -> str:
    """When a message says a direct rate is missing and the rates reach both currencies
    through one other, the words to add that suggest ``--via`` (else nothing).

    >>> from datetime import date
    >>> from ledger import Rate, Source
    >>> s = Source(publisher="P", title="T", date=date(2013, 1, 1))
    >>> two = [Rate(id="a", as_of=date(2013, 1, 1), source=s, rate="47 KGS/USD"),
    ...        Rate(id="b", as_of=date(2013, 1, 1), source=s, rate="32 RUB/USD")]
    >>> _via_hint("no RUB/KGS rate in force on 2014-06-01; ...", two, None)
    '. Or give --via USD to convert through USD (there are RUB/USD and USD/KGS rates)'
    """
    found = _NO_RATE.search(message)
    if found is not None and via is not None and via in (found[1], found[2]):
        return f" (the leg through {via} that --via {via} asks for)"
    if via is not None or found is None or "--via" in message:
        return ""
    source, target, day = found[1], found[2], date.fromisoformat(found[3])

    def legs(a: str) -> set[str]:
        pairs = [{r.base, r.quote_currency} for r in rates if r.as_of <= day]
        return {code for pair in pairs if a in pair for code in pair} - {a}

    through = sorted((legs(source) & legs(target)) - {source, target})
    if not through:
        return ""
    code = "USD" if "USD" in through else through[0]
    return (
        f". Or give --via {code} to convert through {code} (there are {source}/{code} and "
        f"{code}/{target} rates)"
    )


def _words(error: LedgerError, rates: Sequence[Rate] = (), via: str | None = None) -> str:
    """A library refusal as the command line says it."""
    if isinstance(error, _Said):
        return str(error)
    message = in_words(str(error))
    return message + _via_hint(message, rates, via)


@contextmanager
def _worded(rates: Sequence[Rate], via: str | None) -> Iterator[None]:
    """Refusals inside come out in the command line's words, with ``--via`` suggested where a
    third currency would answer."""
    try:
        yield
    except LedgerError as error:
        raise _Said(_words(error, rates, via)) from None


@dataclass(frozen=True)
class _Unanswered:
    """A question a command could not answer, and why, in words."""

    question: str
    party: str | None
    reason: str
    net: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "party": self.party,
            "net": self.net,
            "answered": False,
            "reason": self.reason,
        }

    def line(self, locale: str, names: dict[str, str]) -> str:
        asked = _QUESTIONS[(self.question, self.net)]
        who = f"{party_name(self.party, locale, names)}: " if self.party else ""
        return f"  - {who}{asked}: {self.reason}"


_QUESTIONS = {
    ("remittances_to_budget", False): "remittances against the budget",
    ("debt_to_budget", False): "debt against the budget",
    ("debt_to_budget", True): "net debt against the budget",
    ("per_migrant", False): "remittances per migrant",
    ("balance", False): "net balance",
    ("positions", False): "positions",
}

#: The ratio questions the ``ratios`` command asks of a party: (helper, net).
_RATIO_QUESTIONS = tuple(q for q in _QUESTIONS if q[0] not in ("balance", "positions"))


def _check_party(book: Ledger, party: str, role: str) -> None:
    """A party argument (``role``: debtor, creditor, party) must be a code the ledger uses."""
    problem = party_error(party)
    if problem:
        raise LedgerError(f"{role}: {problem}")
    known = _parties_of(book)
    if party not in known:
        raise LedgerError(
            f"{role}: party {party!r} appears in no entry of the ledger; parties here: "
            f"{', '.join(known) or 'none'}"
        )


def _balances(book: Ledger, as_of: date | None) -> list[Any]:
    """Each pair's balance in each currency of its claims: netted on the pair's own entries
    (its claims and their settlements), indexed once, so that a summary grows with the
    entries, not with pairs times entries (issue 14); net_balance reads nothing else."""
    by_pair: dict[tuple[str, ...], list[EntryBase]] = {}
    pair_of: dict[str, tuple[str, ...]] = {}
    for claim in book.claims():
        pair = tuple(sorted((claim.creditor, claim.debtor)))
        by_pair.setdefault(pair, []).append(claim)
        pair_of[claim.id] = pair
    for settlement in book.settlements():
        if settlement.claim in pair_of:
            by_pair[pair_of[settlement.claim]].append(settlement)
    dated = {tuple(sorted((c.creditor, c.debtor))) for c in book.claims(as_of=as_of)}
    results, parts = [], book.parts
    for a, b in sorted(dated):
        pair_book = Ledger.from_parts(replace(parts, entries=tuple(by_pair[a, b])))
        currencies = sorted({c.currency for c in pair_book.claims(as_of=as_of)})
        for code in currencies:
            balance = net_balance(pair_book, a, b, as_of=as_of, currency=code)
            if balance.amount.less_than(Figure.of(f"0 {code}")):
                balance = -balance
            results.append(balance)
    return results


def _ratios(
    book: Ledger,
    party: str,
    as_of: date | None,
    rates: list[Rate],
    questions: Sequence[tuple[str, bool]] = _RATIO_QUESTIONS,
    via: str | None = None,
) -> tuple[list[Ratio], list[_Unanswered]]:
    """Each question asked of ``party``: the ratios answered and, for the others, why not."""
    helpers: dict[tuple[str, bool], Callable[[], Ratio]] = {
        ("remittances_to_budget", False): lambda: remittances_to_budget(
            book, party, as_of=as_of, rates=rates, via=via
        ),
        ("debt_to_budget", False): lambda: debt_to_budget(
            book, party, as_of=as_of, rates=rates, via=via
        ),
        ("debt_to_budget", True): lambda: debt_to_budget(
            book, party, net=True, as_of=as_of, rates=rates, via=via
        ),
        ("per_migrant", False): lambda: per_migrant(book, party, as_of=as_of),
    }
    found, missing = [], []
    for question in questions:
        try:
            found.append(helpers[question]())
        except LedgerError as error:
            missing.append(_Unanswered(question[0], party, _words(error, rates, via), question[1]))
    return found, missing


def _asked(book: Ledger) -> dict[str, list[tuple[str, bool]]]:
    """The questions a summary asks of each party: against the budget for what is sent to it
    (remittances) and what it owes (claims on it); a party that is only a creditor or an
    origin is asked nothing. One pass over the entries for every party."""
    sent_to = {remittance.destination for remittance in book.remittances()}
    owing = {claim.debtor for claim in book.claims()}
    asked: dict[str, list[tuple[str, bool]]] = {}
    for party in _parties_of(book):
        questions = asked[party] = []
        if party in sent_to:
            questions.append(("remittances_to_budget", False))
        if party in owing:
            questions += [("debt_to_budget", False), ("debt_to_budget", True)]
        if party in sent_to:
            questions.append(("per_migrant", False))
    return asked


def _party_books(book: Ledger) -> dict[str, Ledger]:
    """Each party's own entries, in ledger order, as a ledger: the claims it is party to and
    their settlements, its budgets, the remittances sent to it, and every other entry (rates).
    What the ratio helpers read of a party is all there; asked of the whole ledger, each
    question would read every entry again (parties times entries)."""
    parties = _parties_of(book)
    own: dict[str, list[EntryBase]] = {party: [] for party in parties}
    for entry in book:
        names: Sequence[str]
        if isinstance(entry, Claim):
            names = (entry.creditor, entry.debtor)
        elif isinstance(entry, Settlement):
            claim = book[entry.claim]
            assert isinstance(claim, Claim)
            names = (claim.creditor, claim.debtor)
        elif isinstance(entry, Budget):
            names = (entry.party,)
        elif isinstance(entry, Remittance):
            names = (entry.destination,)
        else:  # a rate, or a kind read by no party: every party's
            names = parties
        for name in names:
            own[name].append(entry)
    parts = book.parts
    return {
        party: Ledger.from_parts(replace(parts, entries=tuple(entries)))
        for party, entries in own.items()
    }


def _parties_of(book: Ledger) -> list[str]:
    parties: set[str] = set()
    for entry in book:
        for name in ("creditor", "debtor", "party", "destination"):
            value = getattr(entry, name, None)
            if isinstance(value, str):
                parties.add(value)
        parties.update(getattr(entry, "origin", ()))
    return sorted(parties)


# -- commands -------------------------------------------------------------------------------


def cmd_summary(args: argparse.Namespace) -> Any:
    book = _book(args.file)
    loc, day = args.locale, args.as_of
    rates, via = _rates(book, args), _via(args)
    missing: list[_Unanswered] = []
    try:
        balances = _balances(book, day)
    except LedgerError as error:
        balances = []
        missing.append(_Unanswered("balance", None, in_words(str(error))))
    try:
        positions = net_positions(book, as_of=day, progress=_on_terminal())
    except LedgerError as error:
        positions = {}
        missing.append(_Unanswered("positions", None, in_words(str(error))))
    ratios: list[Ratio] = []
    own = _party_books(book)
    for party, questions in _asked(book).items():
        found, unanswered = _ratios(own[party], party, day, rates, questions, via)
        ratios += found
        missing += unanswered
    if args.json:
        return {
            "title": book.title,
            "as_of": (day or date.today()).isoformat(),
            "entries": [
                {
                    "kind": e.kind,
                    "id": e.id,
                    **_amount_json(e, loc),
                }
                for e in book
            ],
            "balances": [_balance_json(b, loc, book.parties) for b in balances],
            "positions": {
                p: {c: _figure_json(f, loc) for c, f in held.items()}
                for p, held in positions.items()
            },
            "ratios": [_ratio_json(r, loc) for r in ratios],
            "unanswered": [m.to_json() for m in missing],
        }
    lines = [book.title or (args.file or DEFAULT_EXAMPLE), ""]
    lines.append(label("entries", loc, count=len(book)))
    for entry in book:
        amount = getattr(entry, "amount", None)
        shown = (
            format_figure(amount, loc)
            if isinstance(amount, Figure)
            else (str(entry.rate) if hasattr(entry, "rate") else "")
        )
        lines.append(f"  {entry.kind:<11} {entry.id:<28} {shown}")
    lines += ["", label("balances", loc)]
    lines += [f"  {describe(b, loc, book.parties)}" for b in balances] or [
        f"  {label('none', loc)}"
    ]
    lines += ["", label("positions", loc)]
    for party, held in positions.items():
        for code, figure in held.items():
            lines.append(
                f"  {party_name(party, loc, book.parties)}: {format_figure(figure, loc)} ({code})"
            )
    if not positions:
        lines.append(f"  {label('none', loc)}")
    lines += ["", label("ratios", loc)]
    lines += [f"  {describe(r, loc, book.parties)}" for r in ratios] or [
        f"  {label('no ratios', loc)}"
    ]
    return "\n".join(lines + _unanswered_lines(missing, loc, book))


def _unanswered_lines(missing: list[_Unanswered], locale: str, book: Ledger) -> list[str]:
    if not missing:
        return []
    return ["", label("unanswered", locale), *(m.line(locale, book.parties) for m in missing)]


def cmd_net(args: argparse.Namespace) -> Any:
    book = _book(args.file)
    _check_party(book, args.debtor, "debtor")
    _check_party(book, args.creditor, "creditor")
    _check_currency(args.currency, "--currency")
    _check_currency(args.convert_to, "--convert-to")
    rates, via = _rates(book, args), _via(args)
    with _worded(rates, via):
        balance = net_balance(
            book,
            args.debtor,
            args.creditor,
            as_of=args.as_of,
            currency=args.currency,
            convert_to=args.convert_to,
            rates=rates,
            via=via,
        )
    if args.json:
        return {
            **_balance_json(balance, args.locale, book.parties),
            **({"explanation": balance.explain()} if args.explain else {}),
        }
    text = describe(balance, args.locale, book.parties)
    return f"{text}\n\n{balance.explain()}" if args.explain else text


def cmd_positions(args: argparse.Namespace) -> Any:
    book = _book(args.file)
    _check_currency(args.convert_to, "--convert-to")
    rates, via = _rates(book, args), _via(args)
    with _worded(rates, via):
        positions = net_positions(
            book,
            as_of=args.as_of,
            convert_to=args.convert_to,
            rates=rates,
            via=via,
            progress=_on_terminal(),
        )
    if args.json:
        return {
            p: {c: _figure_json(f, args.locale) for c, f in held.items()}
            for p, held in positions.items()
        }
    return "\n".join(
        f"{party_name(p, args.locale, book.parties)}: {format_figure(f, args.locale)} ({c})"
        for p, held in positions.items()
        for c, f in held.items()
    ) or label("none", args.locale)


def cmd_settle(args: argparse.Namespace) -> Any:
    book = _book(args.file)
    _check_currency(args.convert_to, "--convert-to")
    rates, via = _rates(book, args), _via(args)
    with _worded(rates, via):
        transfers = settle(
            book,
            as_of=args.as_of,
            convert_to=args.convert_to,
            rates=rates,
            via=via,
            progress=_on_terminal(),
        )
    if args.json:
        return [
            {"payer": t.payer, "payee": t.payee, "amount": _figure_json(t.amount, args.locale)}
            for t in transfers
        ]
    return "\n".join(
        f"{party_name(t.payer, args.locale, book.parties)} → "
        f"{party_name(t.payee, args.locale, book.parties)}: "
        f"{format_figure(t.amount, args.locale)}"
        for t in transfers
    ) or label("nothing to settle", args.locale)


def cmd_ratios(args: argparse.Namespace) -> Any:
    book = _book(args.file)
    _check_party(book, args.party, "party")
    rates, via = _rates(book, args), _via(args)
    ratios, missing = _ratios(book, args.party, args.as_of, rates, via=via)
    if not ratios:
        reasons = "\n".join(m.line("en_US", book.parties) for m in missing)
        raise _Said(f"no ratio can be computed for {args.party}:\n{reasons}")
    if args.json:
        answered = [{**_ratio_json(r, args.locale), "answered": True} for r in ratios]
        return answered + [m.to_json() for m in missing]
    lines = [describe(r, args.locale, book.parties) for r in ratios]
    return "\n".join(lines + _unanswered_lines(missing, args.locale, book))


def cmd_convert(args: argparse.Namespace) -> Any:
    book = _book(args.file)
    _check_currency(args.to, "currency")
    rates, via = _rates(book, args), _via(args)
    with _worded(rates, via):
        conversion = convert(Figure.of(args.amount), args.to, rates=rates, on=args.as_of, via=via)
    if args.json:
        return {
            "from": _figure_json(conversion.original, args.locale),
            "to": _figure_json(conversion.figure, args.locale),
            "rate": conversion.rate.id if conversion.rate else None,
            "rates": [_rate_json(rate) for rate in conversion.rates],
            "explanation": conversion.explain(),
        }
    return f"{format_figure(conversion.figure, args.locale)}\n{conversion.explain()}"


def cmd_validate(args: argparse.Namespace) -> Any:
    book = _book(args.file)
    kinds = sorted({e.kind for e in book})
    if args.json:
        return {"file": args.file, "valid": True, "entries": len(book), "kinds": kinds}
    return f"{args.file}: valid, {len(book)} entries ({', '.join(kinds)})"


def cmd_examples(args: argparse.Namespace) -> Any:
    listed = examples()
    if args.json:
        return listed
    width = max(map(len, listed))
    return "\n".join(f"{name:<{width}}  {line}" for name, line in listed.items())


def cmd_schema(args: argparse.Namespace) -> Any:
    return schema()


# -- the parser -----------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    """The command's options. One function over 60 lines, on purpose: it is a table, one
    entry a subcommand, and reads best whole."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--locale", default="en_US", help="language and number formats, e.g. en_US, ru_RU, tg_TJ"
    )
    common.add_argument(
        "--json", action="store_true", help="machine-readable output (amounts as strings)"
    )
    converting = argparse.ArgumentParser(add_help=False)
    converting.add_argument(
        "--rates",
        metavar="FILE",
        help="also convert with the rate entries of this ledger file (or bundled example)",
    )
    converting.add_argument(
        "--via",
        metavar="CODE",
        help="convert through this third currency where no direct rate is at hand, e.g. USD",
    )
    file_help = "a ledger file, or the name of a bundled example (see: debt-ledger examples)"
    parser = argparse.ArgumentParser(
        prog="debt-ledger",
        description="Sovereign debt and remittance figures with their sources: net, weigh "
        "and explain them.",
    )
    parser.add_argument("--version", action="version", version=f"debt-ledger {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    summary = commands.add_parser(
        "summary",
        parents=[common, converting],
        help="entries, net balances, positions and ratios, and what cannot be answered",
    )
    summary.add_argument("file", nargs="?", help=f"{file_help} (default: {DEFAULT_EXAMPLE})")
    _day(summary, "the day the summary is for: entries dated on or before it count")
    summary.set_defaults(run=cmd_summary)

    net = commands.add_parser(
        "net", parents=[common, converting], help="what DEBTOR owes CREDITOR, net"
    )
    net.add_argument("file", help=file_help)
    net.add_argument("debtor")
    net.add_argument("creditor")
    _day(net, "the day to net on")
    net.add_argument("--explain", action="store_true", help="show the arithmetic and sources")
    net.add_argument("--currency", help="net the claims in this currency only")
    net.add_argument(
        "--convert-to", dest="convert_to", help="convert every claim with the ledger's dated rates"
    )
    net.set_defaults(run=cmd_net)

    positions = commands.add_parser(
        "positions", parents=[common, converting], help="every party's net position per currency"
    )
    positions.add_argument("file", help=file_help)
    positions.add_argument("--convert-to", dest="convert_to")
    _day(positions, "the day to net on")
    positions.set_defaults(run=cmd_positions)

    settle_cmd = commands.add_parser(
        "settle", parents=[common, converting], help="transfers that settle every position"
    )
    settle_cmd.add_argument("file", help=file_help)
    settle_cmd.add_argument("--convert-to", dest="convert_to")
    _day(settle_cmd, "the day to net on")
    settle_cmd.set_defaults(run=cmd_settle)

    ratios = commands.add_parser(
        "ratios",
        parents=[common, converting],
        help="remittances and debt against the budget, and what cannot be answered",
    )
    ratios.add_argument("file", help=file_help)
    ratios.add_argument("party")
    _day(ratios, "the day the ratios are asked for: the budget, debt and rates in force then")
    ratios.set_defaults(run=cmd_ratios)

    conv = commands.add_parser(
        "convert",
        parents=[common, converting],
        help="convert an amount with the ledger's dated rates",
    )
    conv.add_argument("file", help=file_help)
    conv.add_argument("amount", help="e.g. '300 million USD'")
    conv.add_argument("to", help="an ISO 4217 code, e.g. RUB")
    _day(conv, "the day of the conversion: the rate in force then")
    conv.add_argument(
        "--on", type=_date, default=None, metavar="YYYY-MM-DD", help="another name for --as-of"
    )
    conv.set_defaults(run=cmd_convert)

    checking = argparse.ArgumentParser(add_help=False)
    checking.add_argument("--locale", default="en_US", help=argparse.SUPPRESS)
    checking.add_argument("--json", action="store_true", help="machine-readable output")
    validate = commands.add_parser("validate", parents=[checking], help="check a ledger file")
    validate.add_argument("file", help=file_help)
    validate.set_defaults(run=cmd_validate)

    examples_cmd = commands.add_parser(
        "examples", help="the bundled examples, by name", description="The bundled examples."
    )
    examples_cmd.add_argument("--json", action="store_true", help="machine-readable output")
    examples_cmd.set_defaults(run=cmd_examples)

    schema_cmd = commands.add_parser("schema", help="print the ledger file JSON Schema")
    schema_cmd.set_defaults(run=cmd_schema, json=True)
    return parser


def _day(command: argparse.ArgumentParser, what: str) -> None:
    """The command's ``--as-of``, its help saying what the day is for."""
    command.add_argument(
        "--as-of",
        type=_date,
        default=None,
        dest="as_of",
        metavar="YYYY-MM-DD",
        help=f"{what} (default: today)",
    )


def _one_day(args: argparse.Namespace) -> str | None:
    """``convert`` takes its day once: ``--on`` is another name for ``--as-of``. Both at once
    is a usage error (the words of it); one alone is the day."""
    on = getattr(args, "on", None)
    if on is None:
        return None
    if args.as_of is not None:
        return (
            "debt-ledger convert: error: --on and --as-of both give the day of the conversion "
            f"(--on {on.isoformat()}, --as-of {args.as_of.isoformat()}); give one of them"
        )
    args.as_of = on
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse's own usage errors and --help
        return int(stop.code or 0)
    twice = _one_day(args)
    if twice:
        sys.stderr.write(f"{twice}\n")
        return EXIT_USAGE
    try:
        from .formatting import locale_of

        if hasattr(args, "locale"):
            locale_of(args.locale)
        result = args.run(args)
    except LedgerError as error:
        sys.stderr.write(f"debt-ledger: {_words(error)}\n")
        return EXIT_INVALID
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        return 130
    if args.json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        sys.stdout.write(f"{result}\n")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
