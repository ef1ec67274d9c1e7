"""The ``debt-ledger`` command (also ``python -m ledger``).

Exit codes: 0 when the command answered (``summary`` and ``ratios`` answer what they can and
list, in words, each question they could not answer and what to add to the file); 1 for
invalid input, or when not one question could be answered (every problem listed on stderr);
2 for a usage error. No traceback and no Python keyword reaches the user: the library's
messages are rewritten in the command line's own terms (``--rates FILE``, ``--on``).

With ``--json`` every command answers in JSON on stdout, refusals too: an ``{"error": ...}``
object (exit 1, or 2 for a usage error). Every amount in it has one shape, made by
:func:`figure_json`. Whatever is written is safe on the terminal: control characters and
bidi overrides from a file are shown escaped, and what the terminal's encoding cannot show
falls back to ASCII (:mod:`ledger.terminal`).

A FILE argument is a ledger file or the name of a bundled example; ``--example NAME`` names a
bundled example explicitly, from any folder (``debt-ledger examples`` lists them).

Each subcommand is one registration (:func:`command`): its function, its own arguments, and
whether it reads a FILE, asks about a day (``--on``) or converts (``--rates``, ``--via``).
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import re
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Literal, NoReturn, TextIO, TypeVar

from . import errors
from .book import DEFAULT_EXAMPLE, EXAMPLES, Ledger, example, examples, load, party_asked, schema
from .entries import (
    Claim,
    EntryBase,
    Rate,
    Remittance,
    Settlement,
    figure_from_data,
)
from .errors import LedgerError, LedgerFileError, MissingRateError
from .figures import Figure, shown
from .formatting import describe, format_figure, format_ratio, label, locale_of, party_name
from .fx import Conversion, convert, third_currencies
from .importers.worldbank import import_worldbank
from .netting import NetBalance, net_balance, net_positions, settle
from .progress import steps
from .ratios import Question, Ratio, asked_of, questions
from .reporting import write_report
from .terminal import json_escaped, safe, warnings_shown
from .units import CURRENCIES, check_currency, currency_of, unit_text
from .words import (
    ENTRIES,
    NO_RATIO,
    VALID,
    counted,
    html_word,
    language_of,
    reason,
    reason_language,
    say,
)
from .yearly import from_source

__all__ = [
    "COMMANDS",
    "LISTED",
    "TOP",
    "Command",
    "amount_argument",
    "command",
    "example_path",
    "figure_from_json",
    "figure_json",
    "in_words",
    "main",
]

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _version() -> str:
    try:
        return version("debt-ledger")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree, not installed
        return "(not installed)"


class _UsageError(Exception):
    """A command line argparse (or a check of the options together) refuses: exit 2."""

    def __init__(self, message: str, usage: str = "", prog: str = "debt-ledger") -> None:
        super().__init__(message)
        self.usage, self.prog = usage, prog


class _Parser(argparse.ArgumentParser):
    """argparse's parser, whose usage errors are raised (for ``main`` to show, in JSON with
    ``--json``) instead of printed and exited on."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(message, self.format_usage(), self.prog)


class _Once(argparse.Action):
    """An option given at most once: a second value is refused, never silently kept."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        if getattr(namespace, self.dest, None) is not None:
            parser.error(f"{option_string} is given twice; give --on once")
        setattr(namespace, self.dest, values)


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
    would otherwise match no claim and net to zero); lower case gets the hint."""
    if code is None:
        return
    try:
        check_currency(code, option)
    except errors.AmountError as error:
        if code.upper() in CURRENCIES:  # the command's own words in English: the code to give
            refused = LedgerError(
                f"{option} {code!r}: currency codes are upper case: {code.upper()}"
            )
            refused.reason = error.reason
            raise refused from None
        raise


# -- JSON: one shape for every amount ---------------------------------------------------------


def _number(magnitude: Decimal | None) -> str | None:
    return None if magnitude is None else format(magnitude, "f")


def figure_json(figure: Figure, locale: str = "en_US", text: str | None = None) -> dict[str, Any]:
    """A figure as every command's JSON gives it: the number and its currency apart, the unit
    as files write it, the qualifier and bounds, and the words a reader sees (``text``; by
    default :func:`~ledger.formatting.format_figure` in the locale). Numbers are strings,
    never floats; a bound or value the figure lacks is ``null``, and so is whether it is
    reached (a point "about" a value is bounded by that value, marked approximate); ``places``
    is the decimal places a computed figure is shown to where its inputs set them (else
    ``null``). ``value``, ``low`` and ``high`` claim no more precision than the figure: a
    computed figure's value is given to its ``places`` (the digits its text shows) and its
    bounds rounded outwards to them, so that each statement stays true; where that rounding
    changed a number, ``full`` holds the value and bounds with every digit the library keeps
    (else it is ``null``), so that :func:`figure_from_json` gives the figure back whole.

    >>> import json
    >>> print(json.dumps(figure_json(Figure.of("300 million USD", "about")), indent=1))
    {
     "value": "300000000",
     "currency": "USD",
     "unit": "USD",
     "qualifier": "about",
     "low": "300000000",
     "high": "300000000",
     "low_inclusive": true,
     "high_inclusive": true,
     "approximate": true,
     "places": null,
     "text": "about $300M",
     "full": null
    }
    >>> shown = figure_json(Figure.range("250 million USD/year", "300 million USD/year"))
    >>> shown["value"], shown["low"], shown["high"], shown["unit"], shown["qualifier"]
    (None, '250000000', '300000000', 'USD/year', 'range')
    >>> ratio = figure_json(Figure.of("300 million USD", "about") / Figure.of("360 million USD"))
    >>> ratio["value"], ratio["low"], ratio["high"], ratio["places"], ratio["text"]
    ('0.833', '0.833', '0.834', 3, 'about 0.83×')
    >>> ratio["full"]["low"][:12]
    '0.8333333333'
    """
    held = figure.magnitudes
    value, low, high = shown(figure)  # to the places its inputs carry, bounds outwards
    return {
        "value": _number(value),
        "currency": currency_of(figure.unit),
        "unit": unit_text(figure.unit),
        "qualifier": figure.qualifier,
        "low": _number(low),
        "high": _number(high),
        "low_inclusive": None if low is None else figure.low_inclusive,
        "high_inclusive": None if high is None else figure.high_inclusive,
        "approximate": figure.approximate,
        "places": figure.places,
        "text": format_figure(figure, locale) if text is None else text,
        "full": None
        if (value, low, high) == held
        else dict(zip(("value", "low", "high"), map(_number, held), strict=True)),
    }


def figure_from_json(data: dict[str, Any]) -> Figure:
    """The figure a :func:`figure_json` object gives back, whole: value, bounds, whether each
    is reached, the qualifier, the approximate mark and the places (``text`` is for readers,
    and unread); the numbers from ``full`` where it is given.

    >>> figure = Figure.range("250 million USD/year", "300 million USD/year", approximate=True)
    >>> figure_from_json(figure_json(figure)) == figure
    True
    >>> ratio = Figure.of("300 million USD", "about") / Figure.of("360 million USD")
    >>> figure_from_json(figure_json(ratio)) == ratio
    True
    """
    unit = data["unit"]
    numbers = data.get("full") or data

    def amount(key: str) -> str | None:
        return None if numbers.get(key) is None else f"{numbers[key]} {unit}".strip()

    table = {
        "amount": amount("value"),
        "low": amount("low"),
        "high": amount("high"),
        "qualifier": data["qualifier"],
        "approximate": data["approximate"],
        "low_inclusive": data.get("low_inclusive"),
        "high_inclusive": data.get("high_inclusive"),
        "places": data.get("places"),
    }
    return figure_from_data({key: value for key, value in table.items() if value is not None})


# -- amounts typed on the command line ---------------------------------------------------------

#: A range as people write it: "between 1 and 2 billion USD", "between about 1 and 2 billion USD".
_BETWEEN = re.compile(
    r"\s*(?:between\s+(?:(about|some|approximately)\s+)?(\S.*?)\s+and"
    r"|from\s+(?:(about|some|approximately)\s+)?(\S.*?)\s+to)\s+(\S.*?)\s*\Z",
    re.I | re.S,
)
#: A range as people type it without "between": ``300-400 million USD``, ``300 to 400 ...``.
_DASHED = re.compile(
    r"\s*(?:(about|some|approximately)\s+)?(\d[\d.,]*)(?:\s*[-\u2013\u2014]\s*|\s+to\s+)"
    r"(\d\S*\s.*?)\s*\Z",
    re.I | re.S,
)
#: One end of a range: a number, its scale word and its unit, each but the number optional.
_END = re.compile(
    r"(\S+)(?:\s+(thousand|million|billion|trillion)\b)?(?:\s+(\S.*))?\Z", re.I | re.S
)


def amount_argument(text: str) -> Figure:
    """An amount typed on the command line, read as a file reads a figure: text with its word
    (``about 2 billion USD``, ``more than 300 million USD``, ``at most 2 billion USD``), a range
    (``between 1 and 2 billion USD``: the low end takes the high end's scale word and unit where
    it gives none, as people write it), or a table as files write one, in TOML or JSON
    (``{low = "1 billion USD", high = "2 billion USD"}``).

    >>> print(amount_argument("between 1 and 2 billion USD"))
    between 1000000000 and 2000000000 USD
    >>> print(amount_argument("between about 1 billion USD and 2 billion USD"))
    between about 1000000000 and 2000000000 USD
    >>> print(amount_argument('{amount = "2 billion USD", qualifier = "at_most"}'))
    at most 2000000000 USD
    """
    if text.lstrip().startswith("{"):
        return figure_from_data(_table(text))
    parts = _range_typed(text)
    if parts is None:
        return figure_from_data(text)  # as files read it: "about 2 billion USD"
    word, low, high = parts
    top = _END.match(high)
    bottom = _END.match(low)
    if top is None or bottom is None or top[3] is None:
        raise LedgerError(
            f"{text!r}: a range names its unit at its high end, e.g. 'between 1 and 2 billion USD'"
        )
    if bottom[3] is None:  # "between 1 and 2 billion USD": the low end in the high end's terms
        low = " ".join(part for part in (bottom[1], bottom[2] or top[2], top[3]) if part)
    return Figure.range(low, high, approximate=word is not None)


def _range_typed(text: str) -> tuple[str | None, str, str] | None:
    """A range's word (``about``), low and high end as typed: ``between 1 and 2 billion USD``,
    ``from 1 to 2 billion USD``, ``1 to 2 billion USD``, ``1-2 billion USD``; ``None`` for text
    that is no range.

    >>> _range_typed("300-400 million USD")
    (None, '300', '400 million USD')
    >>> _range_typed("from about 1 to 2 billion USD")
    ('about', '1', '2 billion USD')
    >>> _range_typed("300 million USD") is None
    True
    """
    between = _BETWEEN.match(text)
    if between is not None:
        word, low, other_word, other_low, high = between.groups()
        return word or other_word, low or other_low, high
    dashed = _DASHED.match(text)
    if dashed is not None:
        word, low, high = dashed.groups()
        return word, low, high
    return None


def _table(text: str) -> dict[str, Any]:
    """A figure's table typed as JSON or as a TOML inline table, refused in words."""
    import tomllib

    try:
        table = json.loads(text)
    except ValueError:
        try:
            table = tomllib.loads(f"figure = {text}")["figure"]
        except tomllib.TOMLDecodeError as error:
            why = re.sub(r" \(at line \d+, column \d+\)", "", str(error))  # one line, typed
            raise LedgerError(
                f"{text!r} is not a table as files write a figure ({why}); write e.g. "
                '\'{low = "1 billion USD", high = "2 billion USD"}\''
            ) from None
    if not isinstance(table, dict):
        raise LedgerError(f"{text!r} is not a table; write e.g. '{{low = \"1 billion USD\"}}'")
    return table


def _ratio_json(ratio: Ratio, locale: str) -> dict[str, Any]:
    return {
        "question": ratio.question,
        "party": ratio.party,
        "net": ratio.net,
        "as_of": ratio.as_of.isoformat(),
        "year": ratio.year,
        "value": figure_json(ratio.value, locale, format_ratio(ratio.value, locale)),
        "numerator": figure_json(ratio.numerator, locale),
        "denominator": figure_json(ratio.denominator, locale),
        "entries": [entry.id for entry in ratio.entries],
        "rates": [_rate_json(rate, locale) for rate in ratio.rates],
        "sentence": describe(ratio, locale),
    }


def _rate_json(rate: Rate, locale: str) -> dict[str, Any]:
    shown: dict[str, Any] = {
        "id": rate.id,
        "rate": figure_json(rate.rate, locale),
        "basis": rate.basis,
        "as_of": rate.as_of.isoformat(),
    }
    if rate.period_start is not None:
        shown["period_start"] = rate.period_start.isoformat()
    return {**shown, "publisher": rate.source.publisher}


def _conversion_json(conversion: Conversion | None, locale: str) -> dict[str, Any] | None:
    if conversion is None or conversion.rate is None:
        return None
    return {
        "inverted": conversion.inverted,
        "rates": [_rate_json(r, locale) for r in conversion.rates],
    }


def _reduction_json(settlement: Settlement, locale: str) -> dict[str, Any]:
    return {
        "id": settlement.id,
        "method": settlement.method,
        "as_of": settlement.as_of.isoformat(),
        "amount": figure_json(settlement.amount, locale),
        "source": {
            "publisher": settlement.source.publisher,
            "date": settlement.source.date.isoformat(),
        },
    }


_DIRECTIONS = {1: "debtor_owes", -1: "creditor_owes", 0: "unknown"}


class _Shown:
    """Each figure of one answer in JSON (:func:`figure_json`) made once, by the figure's
    identity (the figure kept, so that its id stays its own): a claim's amount is the entry's
    and its balance line's asserted, outstanding and counted amount alike, unless something
    was settled or converted."""

    def __init__(self, locale: str) -> None:
        self.locale = locale
        self._made: dict[int, tuple[Figure, dict[str, Any]]] = {}

    def __call__(self, figure: Figure) -> dict[str, Any]:
        made = self._made.get(id(figure))
        if made is None:
            made = self._made[id(figure)] = (figure, figure_json(figure, self.locale))
        return made[1]


def _owed_json(balance: NetBalance, locale: str, shown: _Shown | None = None) -> dict[str, Any]:
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
        "amount": _balance_amount_json(owing, locale, shown),
    }
    return {"direction": _DIRECTIONS[direction], "owed": owed if direction else None}


def _balance_json(
    balance: NetBalance, locale: str, names: dict[str, str], shown: _Shown | None = None
) -> dict[str, Any]:
    """A balance with each claim as asserted, each reduction that counts, what is outstanding,
    and the rate of each conversion. ``shown`` makes each figure's JSON once (see
    :class:`_Shown`)."""
    once = shown or _Shown(locale)
    return {
        "debtor": balance.debtor,
        "creditor": balance.creditor,
        "as_of": balance.as_of.isoformat(),
        "currency": balance.currency,
        "amount": _balance_amount_json(balance, locale, once),
        **_owed_json(balance, locale, once),
        "entries": [e.id for e in balance.entries],
        "lines": [
            {
                "claim": line.claim.id,
                "sign": line.sign,
                "status": line.claim.status,
                "asserted": once(line.asserted),
                "reductions": [_reduction_json(s, locale) for s in line.reductions],
                "outstanding": once(line.outstanding),
                "cleared": line.cleared,
                "counted": once(line.counted),
                "conversion": _conversion_json(line.conversion, locale),
            }
            for line in balance.lines
        ],
        "sentence": describe(balance, locale, names),
    }


def _balance_amount_json(
    balance: NetBalance, locale: str, shown: _Shown | None = None
) -> dict[str, Any]:
    """A balance's amount; with no claims at all it is a plain zero, in no currency (never a
    ratio's ``0×``)."""
    if balance.currency is None and not balance.lines:
        return figure_json(balance.amount, locale, "0")
    return (shown or _Shown(locale))(balance.amount)


def _entry_json(entry: EntryBase, locale: str, shown: _Shown | None = None) -> dict[str, Any]:
    amount = getattr(entry, "amount", None)
    rate = getattr(entry, "rate", None)
    listed = {"kind": entry.kind, "id": entry.id}
    if isinstance(amount, Figure):
        return {**listed, "amount": (shown or _Shown(locale))(amount)}
    if isinstance(rate, Figure):
        return {**listed, "rate": figure_json(rate, locale, str(rate))}
    return listed


def _positions_json(positions: dict[str, dict[str, Figure]], locale: str) -> dict[str, Any]:
    return {
        party: {code: figure_json(figure, locale) for code, figure in held.items()}
        for party, held in positions.items()
    }


# -- files and examples -----------------------------------------------------------------------


def _on_terminal() -> bool:
    """Whether stderr is a terminal: a progress bar is shown there, never into a file."""
    isatty = getattr(sys.stderr, "isatty", None)
    return bool(isatty and isatty())


def _load(path: str) -> Ledger:
    """A ledger file, or else a bundled example by its name."""
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


def _book(args: argparse.Namespace) -> Ledger:
    """The ledger the command reads: ``--example NAME``, or FILE (the two at once are refused
    in :func:`_checked_together`)."""
    if args.example is not None:
        return example(args.example)
    if args.file is None:
        return example()
    return _load(args.file)


def _named(args: argparse.Namespace) -> str:
    """What the ledger read is called in output: the file, or the example's name."""
    return str(args.example or args.file or DEFAULT_EXAMPLE)


def example_path(name: str) -> str:
    """Where a bundled example's file is, to open or copy it (from any folder)."""
    return str(resources.files("ledger") / "data" / EXAMPLES[name][0])


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
    brought = _load(path).rates()
    if not brought:
        raise LedgerError(
            f"--rates {path}: the file holds no rates; give a ledger file with entries of kind "
            "'rate' (e.g. rate = \"47 KGS/USD\"), or add the rates to the ledger itself"
        )
    return [*own, *brought]


# -- the library's words in the command line's terms ------------------------------------------

#: The library's keywords and the options that say the same on the command line.
_OPTIONS = (
    ("via", "--via"),
    ("source", "--source"),
    ("as_of", "--on"),
    ("on", "--on"),
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
            r"choose with source='\.\.\.' \(a source id or publisher\)",
            "choose with --source (a source id in the file, or a publisher)",
        ),
        (r"ask as of a later day, or with year=\d+", "ask about a later day with --on"),
        (r" \(this ledger has no source ids: .*? keeps them\)", ""),  # Python's way only
        (r"\byear=, ", ""),  # the command asks no year: the day (--on) chooses it
        (
            r"ask with measure='(\w+)'",
            r"its \1 debt stock is weighed against GDP apart",
        ),
        (r"a debt_stock entry and ask with measure=", "a debt_stock entry to the file"),
        (
            r"keep one, or narrow the question \(fiscal_year=, as_of=\)",
            "keep one in the file, or ask about another day with --on",
        ),
        (
            r"pass currency='\.\.\.' to net one of them, or convert_to='\.\.\.' with dated "
            r"rates",
            "give --currency CODE to net one of them, or --convert-to CODE with dated rates",
        ),
        (r" \(or pass format='\w+'\)", ""),
        (r"or pass fallback='en' for", "or give --fallback en for"),
        (
            r"Add a Rate entry dated on or before that day(?! to the file)",
            "Add a Rate entry dated on or before that day to the file, or give --rates FILE",
        ),
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
    'no budget; keep one in the file, or ask about another day with --on'
    """
    for pattern, replacement in _REWRITES:
        message = pattern.sub(replacement, message)
    return message


class _Said(LedgerError):
    """A refusal already in the command line's words: ``main`` shows it as it is, and with
    ``--json`` adds ``details`` to the error object; its ``message`` there is ``english``
    where the words are the reader's language (programs read one language)."""

    def __init__(
        self, message: str, details: dict[str, Any] | None = None, english: str | None = None
    ) -> None:
        super().__init__(message)
        self.details = details or {}
        self.english = message if english is None else english


def _via_hint(error: LedgerError, rates: Sequence[Rate], via: str | None) -> str:
    """Where a direct rate is missing and the rates reach both currencies through a third,
    the words that suggest ``--via`` (the library says which currencies do: no message is
    parsed); where ``--via`` was given and a leg is missing, the words that say so.

    >>> from ledger import Rate, Source
    >>> s = Source(publisher="P", title="T", date=date(2013, 1, 1))
    >>> two = [Rate(id="a", as_of=date(2013, 1, 1), source=s, rate="47 KGS/USD"),
    ...        Rate(id="b", as_of=date(2013, 1, 1), source=s, rate="32 RUB/USD")]
    >>> missing = MissingRateError("no RUB/KGS rate", "RUB", "KGS", date(2014, 6, 1))
    >>> _via_hint(missing, two, None)
    '. Or give --via USD to convert through USD (there are RUB/USD and USD/KGS rates)'
    """
    if not isinstance(error, MissingRateError):
        return ""
    if via is not None:
        leg = via in (error.source, error.target)
        return f" (the leg through {via} that --via {via} asks for)" if leg else ""
    through = third_currencies(rates, error.source, error.target, error.on)
    if not through:
        return ""
    code, source, target = through[0], error.source, error.target
    return (
        f". Or give --via {code} to convert through {code} (there are {source}/{code} and "
        f"{code}/{target} rates)"
    )


def _words(error: LedgerError, rates: Sequence[Rate] = (), via: str | None = None) -> str:
    """A library refusal as the command line says it."""
    if isinstance(error, _Said):
        return str(error)
    return in_words(str(error)) + _via_hint(error, rates, via)


@contextmanager
def _worded(
    rates: Sequence[Rate],
    via: str | None,
    locale: str = "en_US",
    names: dict[str, str] | None = None,
) -> Iterator[None]:
    """Refusals inside come out in the command line's words, with ``--via`` suggested where a
    third currency would answer; in the reader's language where the catalogs hold the
    refusal's reason (``--json`` keeps the English words as ``message`` and adds the reader's
    as ``reason_text``)."""
    try:
        yield
    except _Said:
        raise
    except LedgerError as error:
        english, details = _words(error, rates, via), _error_details(error)
        if reason_language(error, locale) == "en":
            raise _Said(english, details) from None
        said = reason(error, locale, names or {})
        raise _Said(said, {**details, "reason_text": said}, english) from None


# -- questions that could not be answered -----------------------------------------------------


@dataclass(frozen=True)
class _Unanswered:
    """A question a command could not answer, and why, in words."""

    question: str
    party: str | None
    reason: str
    net: bool = False
    #: The question's key (``net_debt_to_gdp``), for its words; ``None`` for a balance or
    #: the positions.
    key: str | None = None
    #: The refusal, whose reason a reader's language can say (``words.reason``).
    error: Exception | None = None

    def why(self, locale: str, names: dict[str, str], after: str = "") -> str:
        """Why, in the reader's language where the catalogs say it; else the command's words
        (a party ``after``, the question, names is not named again)."""
        if self.error is None or reason_language(self.error, locale) == "en":
            return self.reason
        return reason(self.error, locale, names, after=after)

    def to_json(self, locale: str = "en_US", names: dict[str, str] | None = None) -> dict[str, Any]:
        """The question as data: ``reason`` in English for programs (the same in every
        locale), ``reason_text`` in the reader's language (English for ``en``)."""
        return {
            "question": self.question,
            "party": self.party,
            "net": self.net,
            "answered": False,
            "reason": self.reason,
            "reason_text": self.why(locale, names or {}),
        }

    def line(self, locale: str, names: dict[str, str]) -> str:
        if self.key is not None and self.party is not None:
            who = party_name(self.party, locale, names)
            question = html_word(f"question {self.key}", locale, party=who)
            return f"  - {question}: {self.why(locale, names, question)}"
        heading = html_word("balances" if self.question == "balance" else "positions", locale)
        return f"  - {heading}: {self.why(locale, names)}"


def _check_party(book: Ledger, party: str, role: str) -> None:
    """A party argument (``role``: debtor, creditor, party) must be a code the ledger uses."""
    party_asked(party, role)
    known = _parties_of(book)
    if party not in known:
        refused = LedgerError(
            f"{role}: party {party!r} appears in no entry of the ledger; parties here: "
            f"{', '.join(known) or 'none'}"
        )
        refused.reason = ("party unknown", {"party": party, "parties": ", ".join(known) or "-"})
        raise refused


def _balances(book: Ledger, as_of: date | None) -> list[Any]:
    """Each pair's balance in each currency of its claims (net_balance reads the pair's own
    claims only, so that a summary grows with the entries, not with pairs times entries)."""
    pairs: set[tuple[str, str, str]] = set()
    for claim in book.claims(as_of=as_of):
        a, b = sorted((claim.creditor, claim.debtor))
        pairs.add((a, b, claim.currency))
    results = []
    zeros: dict[str, Figure] = {}
    with steps("net balances", len(pairs), shown=_on_terminal()) as bar:
        for a, b, code in sorted(pairs):
            balance = net_balance(book, a, b, as_of=as_of, currency=code)
            zero = zeros.get(code) or zeros.setdefault(code, Figure.of(f"0 {code}"))
            if balance.amount.less_than(zero):
                balance = -balance
            results.append(balance)
            bar.advance()
    return results


def _ratios(
    book: Ledger,
    party: str,
    as_of: date | None,
    rates: list[Rate],
    asked: Sequence[Question],
    via: str | None = None,
    source: str | None = None,
) -> tuple[list[Ratio], list[_Unanswered]]:
    """Each question asked of ``party``: the ratios answered and, for the others, why not.
    ``source`` (``--source``) chooses among entries that compete for one year."""
    found, missing = [], []
    chosen = {} if source is None else {"source": source}
    for question in asked:
        try:
            found.append(question.ask(book, party, as_of=as_of, rates=rates, via=via, **chosen))
        except LedgerError as error:
            net = dict(question.options).get("net") is True
            why = _words(error, rates, via)
            missing.append(_Unanswered(question.helper, party, why, net, question.key, error))
    return found, missing


def _party_books(book: Ledger) -> dict[str, Ledger]:
    """Each party's own entries, in ledger order, as a ledger: the claims it is party to and
    their settlements, its budgets, GDP and debt stocks, the remittances sent to it, and every
    other entry (rates). What the ratio helpers read of a party is all there; asked of the
    whole ledger, each question would read every entry again (parties times entries)."""
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
        elif isinstance(entry, Remittance):
            names = (entry.destination,)
        elif isinstance(getattr(entry, "party", None), str):  # budgets, GDP, debt stocks, shares
            names = (entry.party,)  # type: ignore[attr-defined]
        else:  # a rate, or a kind read by no party: every party's
            names = parties
        for name in names:
            own[name].append(entry)
    parts = book.parts
    return {
        party: Ledger.from_parts(replace(parts, entries=tuple(entries)))
        for party, entries in own.items()
    }


def _about(book: Ledger) -> list[str]:
    """The parties a file is about, whom a summary asks ratio questions of: those it gives a
    budget or a GDP for or sends remittances to; in a file with neither, the debtors of its claims
    that answer no other claim (a counterclaim's debtor, the creditor of the claim it
    answers, is asked nothing: "no budget for RU" is no answer a reader wanted)."""
    return asked_of(book)  # one rule with the report's


def _parties_of(book: Ledger) -> list[str]:
    parties: set[str] = set()
    for entry in book:
        for name in ("creditor", "debtor", "party", "destination"):
            value = getattr(entry, name, None)
            if isinstance(value, str):
                parties.add(value)
        parties.update(getattr(entry, "origin", ()))
    return sorted(parties)


# -- a big ledger in short (issue 14) ---------------------------------------------------------

#: A summary lists each entry of a ledger of at most this many entries; of a bigger one it
#: counts them by kind and currency (``--all`` lists them).
LISTED = 50

#: The balances and positions a summary shows in each currency that has more: the largest
#: (``--top N`` for another number, ``--all`` for every one).
TOP = 20

Row = TypeVar("Row")


def _central(figure: Figure) -> Decimal | None:
    """How big a figure is, to rank it (never shown): its value, else the middle of its
    bounds, else its one bound; None for an amount nothing bounds ("more than $100" owed one
    way less "more than $50" the other).

    >>> _central(Figure.range("100 USD", "300 USD")), _central(Figure.of("5 USD", "more_than"))
    (Decimal('200'), Decimal('5'))
    >>> print(_central(Figure.of("100 USD", "more_than") - Figure.of("50 USD", "more_than")))
    None
    """
    value, low, high = figure.magnitudes
    if value is not None:
        return value
    if low is not None and high is not None:
        return (low + high) / 2
    return low if low is not None else high


def _rank(size: Decimal | None) -> tuple[int, Decimal]:
    """The order of the largest first; an amount of no known size after every known one."""
    return (0, -abs(size)) if size is not None else (1, Decimal(0))


def _largest(
    rows: Sequence[Row],
    size: Callable[[Row], Figure],
    name: Callable[[Row], tuple[str, ...]],
    top: int | None,
) -> tuple[list[Row], int]:
    """The rows shown and how many are left out: where some currency has more than ``top``
    rows, the ``top`` largest of each currency by absolute central value (ties by name), and
    after them any of no known size (which cannot be said to be smaller), currencies in code
    order; else (or with ``top`` ``None``) every row, in its order.

    >>> rows = [("a", Figure.of("5 USD")), ("b", Figure.of("-9 USD")), ("c", Figure.of("7 EUR"))]
    >>> shown, left = _largest(rows, lambda r: r[1], lambda r: (r[0],), 1)
    >>> [r[0] for r in shown], left
    (['c', 'b'], 1)
    >>> _largest(rows, lambda r: r[1], lambda r: (r[0],), 2)[1]
    0
    """
    if top is None:
        return list(rows), 0
    by_currency: dict[str, list[Row]] = {}
    for row in rows:
        by_currency.setdefault(currency_of(size(row).unit) or "", []).append(row)
    if all(len(group) <= top for group in by_currency.values()):
        return list(rows), 0
    shown: list[Row] = []
    for code in sorted(by_currency):
        group = by_currency[code]
        ranked = sorted(group, key=lambda row: (*_rank(_central(size(row))), name(row)))
        known = [row for row in ranked if _central(size(row)) is not None]
        shown += known[:top] + ranked[len(known) :]  # no size known: shown, never "smaller"
    return shown, len(rows) - len(shown)


def _counts(book: Ledger) -> dict[str, dict[str, int]]:
    """The entries of each kind by the currency of their amount (kinds and currencies in
    code order; an entry with no amount in a currency, a rate, is counted under ``""``)."""
    counts: dict[str, dict[str, int]] = {}
    for entry in book:
        amount = getattr(entry, "amount", None)
        code = (currency_of(amount.unit) if isinstance(amount, Figure) else None) or ""
        held = counts.setdefault(entry.kind, {})
        held[code] = held.get(code, 0) + 1
    return {kind: dict(sorted(counts[kind].items())) for kind in sorted(counts)}


def _counted_lines(counts: dict[str, dict[str, int]], locale: str) -> list[str]:
    """The summary's count of a big ledger's entries: one line a kind, its currencies."""
    kinds = {kind: html_word(kind, locale) for kind in counts}
    wide = max((len(word) for word in kinds.values()), default=0)
    numbers = {kind: str(sum(held.values())) for kind, held in counts.items()}
    digits = max((len(n) for n in numbers.values()), default=0)
    lines = []
    for kind, held in counts.items():
        each = ", ".join(f"{code} {n}" for code, n in held.items() if code)
        lines.append(f"  {kinds[kind]:<{wide}} {numbers[kind]:>{digits}}: {each}".rstrip(": "))
    return [*lines, f"  ({label('every entry', locale)})"]


def _more(left: int, top: int | None, locale: str, by_size: bool = True) -> list[str]:
    """The line that says how many rows are left out and how to see them (none if none)."""
    if not left:
        return []
    if by_size:
        return [f"  {label('more largest', locale, count=left, top=top)}"]
    return [f"  {label('more', locale, count=left)}"]


def _top(args: argparse.Namespace, default: int | None) -> int | None:
    """The rows to show in each currency: ``--top N``, none cut with ``--all``, else
    ``default``."""
    if getattr(args, "all", False):
        return None
    top: int | None = getattr(args, "top", None)
    return default if top is None else top


def _top_option(parser: argparse.ArgumentParser, default: str, rows: str, every: str) -> None:
    """``--top N`` and ``--all``, one or the other: ``rows`` are what is cut, ``every`` what
    ``--all`` shows."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--top",
        type=_count,
        metavar="N",
        help=f"the N largest {rows} in each currency ({default})",
    )
    group.add_argument("--all", action="store_true", help=every)


def _count(text: str) -> int:
    """A count given on the command line: a whole number, at least 1."""
    if text.isdigit() and int(text) >= 1:
        return int(text)
    raise argparse.ArgumentTypeError(f"{text!r} is not a count; give a whole number, e.g. 20")


# -- the registry of subcommands --------------------------------------------------------------

Run = Callable[[argparse.Namespace], Any]


@dataclass(frozen=True)
class Command:
    """One subcommand: what it does (``run`` takes the parsed options and returns text, or
    data for ``--json``), its own arguments after FILE, and what it shares with others."""

    name: str
    help: str
    run: Run
    arguments: Callable[[argparse.ArgumentParser], None] | None = None
    #: ``"required"``: FILE or ``--example NAME``; ``"optional"``: the default example when
    #: neither is given; ``None``: no file.
    file: Literal["required", "optional"] | None = "required"
    #: What ``--on`` is the day of, in the help (``None``: the command takes no day).
    day: str | None = None
    #: Takes ``--rates FILE`` and ``--via CODE``.
    converting: bool = False


#: Every subcommand by name, in the order ``--help`` lists them.
COMMANDS: dict[str, Command] = {}


def command(
    name: str,
    help: str,
    *,
    arguments: Callable[[argparse.ArgumentParser], None] | None = None,
    file: Literal["required", "optional"] | None = "required",
    day: str | None = None,
    converting: bool = False,
) -> Callable[[Run], Run]:
    """Register a subcommand: the decorated function runs it.

    >>> "summary" in COMMANDS and COMMANDS["summary"].file
    'optional'
    """

    def register(run: Run) -> Run:
        COMMANDS[name] = Command(name, help, run, arguments, file, day, converting)
        return run

    return register


# -- commands ---------------------------------------------------------------------------------


def _source_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--source",
        metavar="SOURCE",
        help="where several entries compete for one year (two GDP figures), keep those of this "
        "source: its id in the file or its publisher; a figure's only entries stay",
    )


def _source(args: argparse.Namespace, book: Ledger) -> str | None:
    """``--source``, checked against the file's sources (refused naming them)."""
    source: str | None = getattr(args, "source", None)
    if source is not None:
        from_source(book, source)  # an unknown source is refused, the file's named
    return source


def _ratios_arguments(parser: argparse.ArgumentParser) -> None:
    _party_argument(parser)
    _source_option(parser)


def _summary_arguments(parser: argparse.ArgumentParser) -> None:
    _source_option(parser)
    _top_option(
        parser,
        f"default {TOP} where there are more; --json gives every one unless --top is given",
        "balances and positions",
        "every entry, balance and position",
    )


@command(
    "summary",
    "entries, net balances, positions and ratios, and what cannot be answered",
    arguments=_summary_arguments,
    file="optional",
    day="the day the summary is for: entries dated on or before it count",
    converting=True,
)
def cmd_summary(args: argparse.Namespace) -> Any:
    book = _book(args)
    loc, day = args.locale, args.on
    rates, via = _rates(book, args), _via(args)
    missing: list[_Unanswered] = []
    try:
        balances = _balances(book, day)
    except LedgerError as error:
        balances = []
        missing.append(_Unanswered("balance", None, in_words(str(error)), error=error))
    try:
        positions = net_positions(book, as_of=day, progress=_on_terminal())
    except LedgerError as error:
        positions = {}
        missing.append(_Unanswered("positions", None, in_words(str(error)), error=error))
    ratios, unanswered = _summary_ratios(book, args, rates, via)
    missing += unanswered
    # JSON is for programs: every row unless --top asks for the largest; text for readers.
    top = _top(args, None if args.json else TOP)
    listed = top is None or len(book) <= LISTED
    shown, left = _largest(balances, lambda b: b.amount, lambda b: (b.debtor, b.creditor), top)
    held = [(party, code, f) for party, each in positions.items() for code, f in each.items()]
    kept, left_positions = _largest(held, lambda row: row[2], lambda row: (row[0],), top)
    if args.json:
        once = _Shown(loc)  # an entry's amount is its balance line's too: made once
        return {
            "title": book.title,
            "as_of": (day or date.today()).isoformat(),
            "entries": [_entry_json(e, loc, once) for e in book] if listed else [],
            "balances": [_balance_json(b, loc, book.parties, once) for b in shown],
            "positions": _positions_json(_regrouped(kept), loc),
            "ratios": [_ratio_json(r, loc) for r in ratios[:top]],
            "unanswered": [m.to_json(args.locale, book.parties) for m in missing[:top]],
            "counts": _counts(book),
            "left_out": {
                "entries": 0 if listed else len(book),
                "balances": left,
                "positions": left_positions,
                "ratios": len(ratios[top:]) if top is not None else 0,
                "unanswered": len(missing[top:]) if top is not None else 0,
            },
        }
    lines = [book.title or _named(args), ""]
    lines.append(label("entries", loc, count=len(book)))
    lines += _entry_lines(book, loc) if listed else _counted_lines(_counts(book), loc)
    lines += ["", label("balances", loc)]
    lines += [f"  {describe(b, loc, book.parties)}" for b in shown] or [f"  {label('none', loc)}"]
    lines += _more(left, top, loc)
    lines += ["", label("positions", loc)]
    lines += _position_lines(kept, loc, book, indent="  ") or [f"  {label('none', loc)}"]
    lines += _more(left_positions, top, loc)
    lines += ["", label("ratios", loc)]
    lines += [f"  {describe(r, loc, book.parties)}" for r in ratios[:top]] or [
        f"  {label('no ratios', loc)}"
    ]
    lines += _more(len(ratios[top:]) if top is not None else 0, top, loc, by_size=False)
    return "\n".join(lines + _unanswered_lines(missing, loc, book, top))


def _summary_ratios(
    book: Ledger, args: argparse.Namespace, rates: list[Rate], via: str | None
) -> tuple[list[Ratio], list[_Unanswered]]:
    """The ratios of each party the file is about, each asked of the party's own entries:
    what :func:`~ledger.ratios.questions` reads of a party the file is about is all there,
    so that a summary grows with the entries, not with parties times entries (issue 14)."""
    ratios: list[Ratio] = []
    missing: list[_Unanswered] = []
    own, source = _party_books(book), _source(args, book)
    for party in _about(book):
        asked = questions(own[party], party)
        found, unanswered = _ratios(own[party], party, args.on, rates, asked, via, source)
        ratios += found
        missing += unanswered
    return ratios, missing


def _entry_lines(book: Ledger, locale: str) -> list[str]:
    """Each entry on a line: its kind, id and amount, in columns in any language."""
    kinds = {kind: html_word(kind, locale) for kind in {entry.kind for entry in book}}
    wide = max((len(word) for word in kinds.values()), default=0)
    ids = max((len(entry.id) for entry in book), default=0)
    lines = []
    for entry in book:
        amount = getattr(entry, "amount", getattr(entry, "rate", None))
        shown = format_figure(amount, locale) if isinstance(amount, Figure) else ""
        lines.append(f"  {kinds[entry.kind]:<{wide}} {entry.id:<{ids}} {shown}")
    return lines


def _regrouped(rows: list[tuple[str, str, Figure]]) -> dict[str, dict[str, Figure]]:
    """Positions as :func:`~ledger.netting.net_positions` gives them, from rows."""
    grouped: dict[str, dict[str, Figure]] = {}
    for party, code, figure in rows:
        grouped.setdefault(party, {})[code] = figure
    return grouped


def _position_lines(
    rows: list[tuple[str, str, Figure]], locale: str, book: Ledger, indent: str = ""
) -> list[str]:
    return [
        f"{indent}{party_name(party, locale, book.parties)}: {format_figure(figure, locale)} "
        f"({code})"
        for party, code, figure in rows
    ]


def _unanswered_lines(
    missing: list[_Unanswered], locale: str, book: Ledger, top: int | None = None
) -> list[str]:
    """The questions not answered, the first ``top`` of them (all with ``None``)."""
    if not missing:
        return []
    lines = [m.line(locale, book.parties) for m in missing[:top]]
    left = len(missing) - len(lines)
    return ["", label("unanswered", locale), *lines, *_more(left, top, locale, by_size=False)]


def _converting_to(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--convert-to",
        dest="convert_to",
        metavar="CODE",
        help="convert every claim with the ledger's dated rates (and --rates FILE)",
    )


def _net_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("debtor", help="a party code, e.g. TJ")
    parser.add_argument("creditor", help="a party code, e.g. RU")
    parser.add_argument("--explain", action="store_true", help="show the arithmetic and sources")
    parser.add_argument("--currency", metavar="CODE", help="net the claims in this currency only")
    _converting_to(parser)


def _check_via(args: argparse.Namespace, prog: str = "debt-ledger") -> None:
    """``--via`` is the third currency of a conversion: without ``--convert-to`` there is no
    conversion for it to go through, and it is refused rather than ignored."""
    if getattr(args, "via", None) is not None and args.convert_to is None:
        raise _UsageError(
            f"--via {args.via} converts through a third currency, and only together with "
            f"--convert-to CODE; give the currency to convert to (e.g. --convert-to KGS --via "
            f"{args.via}), or leave out --via",
            prog=prog,
        )


def _report_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("-o", "--output", required=True, metavar="FILE", help="the page to write")
    sub.add_argument("--no-charts", action="store_true", help="leave the charts out")
    _source_option(sub)


@command(
    "report",
    "one self-contained HTML page: sentences, balances, ratios, charts and sources",
    arguments=_report_arguments,
    day="the day the report is for: entries dated on or before it count",
)
def cmd_report(args: argparse.Namespace) -> Any:
    book = _book(args)
    path = write_report(
        book,
        args.output,
        as_of=args.on,
        locale=args.locale,
        charts=not args.no_charts,
        source=_source(args, book),
    )
    size = path.stat().st_size
    if args.json:
        return {"file": str(path), "bytes": size, "locale": str(args.locale)}
    return f"{path}: {size} bytes"


def _import_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "source",
        choices=["worldbank"],
        help="worldbank: a World Bank CSV file, the bulk indicator download (API_*.csv) or a "
        "DataBank export",
    )
    sub.add_argument("path", metavar="FILE", help="the CSV file as downloaded")
    sub.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="LEDGER",
        help="the ledger file to write (.toml or .json); an existing file is replaced",
    )
    sub.add_argument(
        "--aggregates",
        choices=("skip", "keep"),
        default="skip",
        help="groups of countries such as World: leave out (default) or keep as org: parties",
    )
    sub.add_argument(
        "--skip-unknown",
        action="store_true",
        help="leave out rows of indicators the ledger does not read (default: refuse the file)",
    )


@command(
    "import",
    "make a ledger file from data downloaded elsewhere: import worldbank FILE -o LEDGER",
    arguments=_import_arguments,
    file=None,
)
def cmd_import(args: argparse.Namespace) -> Any:
    book, left_out = import_worldbank(
        args.path, args.output, aggregates=args.aggregates, skip_unknown=args.skip_unknown
    )
    kinds: dict[str, int] = {}
    for entry in book:
        kinds[entry.kind] = kinds.get(entry.kind, 0) + 1
    if args.json:
        return {"file": args.output, "entries": len(book), "kinds": kinds, "left_out": left_out}
    each = ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in sorted(kinds.items()))
    written = counted(ENTRIES, len(book), args.locale)
    return "\n".join([f"wrote {written} ({each or 'no values'}) to {args.output}", *left_out])


@command(
    "net",
    "what DEBTOR owes CREDITOR, net",
    arguments=_net_arguments,
    day="the day to net on",
    converting=True,
)
def cmd_net(args: argparse.Namespace) -> Any:
    book = _book(args)
    _check_party(book, args.debtor, "debtor")
    _check_party(book, args.creditor, "creditor")
    _check_currency(args.currency, "--currency")
    _check_currency(args.convert_to, "--convert-to")
    rates, via = _rates(book, args), _via(args)
    with _worded(rates, via, args.locale, book.parties):
        balance = net_balance(
            book,
            args.debtor,
            args.creditor,
            as_of=args.on,
            currency=args.currency,
            convert_to=args.convert_to,
            rates=rates,
            via=via,
        )
    if args.json:
        return {
            **_balance_json(balance, args.locale, book.parties),
            **({"explanation": balance.explain(_explaining(args))} if args.explain else {}),
        }
    text = describe(balance, args.locale, book.parties)
    return f"{text}\n\n{balance.explain(_explaining(args))}" if args.explain else text


def _explaining(args: argparse.Namespace) -> Any:
    """The locale ``explain()`` speaks for a command: none (the library's English, party
    codes and plain digits, as ever) where the words are English, else the reader's."""
    return None if language_of(locale_of(args.locale)) == "en" else args.locale


def _positions_arguments(parser: argparse.ArgumentParser) -> None:
    _converting_to(parser)
    _top_option(parser, "default: every one", "positions", "every position (the default)")


@command(
    "positions",
    "every party's net position per currency",
    arguments=_positions_arguments,
    day="the day to net on",
    converting=True,
)
def cmd_positions(args: argparse.Namespace) -> Any:
    book = _book(args)
    _check_currency(args.convert_to, "--convert-to")
    rates, via = _rates(book, args), _via(args)
    with _worded(rates, via, args.locale, book.parties):
        positions = net_positions(
            book,
            as_of=args.on,
            convert_to=args.convert_to,
            rates=rates,
            via=via,
            progress=_on_terminal(),
        )
    held = [(party, code, f) for party, each in positions.items() for code, f in each.items()]
    top = _top(args, None)
    kept, left = _largest(held, lambda row: row[2], lambda row: (row[0],), top)
    if args.json:
        return _positions_json(_regrouped(kept), args.locale)
    lines = _position_lines(kept, args.locale, book) or [label("none", args.locale)]
    return "\n".join(lines + [line.strip() for line in _more(left, top, args.locale)])


@command(
    "settle",
    "transfers that settle every position",
    arguments=_converting_to,
    day="the day to net on",
    converting=True,
)
def cmd_settle(args: argparse.Namespace) -> Any:
    book = _book(args)
    _check_currency(args.convert_to, "--convert-to")
    rates, via = _rates(book, args), _via(args)
    with _worded(rates, via, args.locale, book.parties):
        try:
            transfers = settle(
                book,
                as_of=args.on,
                convert_to=args.convert_to,
                rates=rates,
                via=via,
                progress=_on_terminal(),
            )
        except errors.FigureError as error:  # a position with bounds only: the reader's words
            if error.reason is None:
                raise
            said = reason(error, args.locale, book.parties)
            details = {**_error_details(error), "reason_text": said}
            raise _Said(said, details, _words(error)) from None
    if args.json:
        return [
            {"payer": t.payer, "payee": t.payee, "amount": figure_json(t.amount, args.locale)}
            for t in transfers
        ]
    return "\n".join(
        f"{party_name(t.payer, args.locale, book.parties)} → "
        f"{party_name(t.payee, args.locale, book.parties)}: "
        f"{format_figure(t.amount, args.locale)}"
        for t in transfers
    ) or label("nothing to settle", args.locale)


def _party_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("party", help="a party code, e.g. KG")


@command(
    "ratios",
    "remittances and debt against the budget and GDP, and what cannot be answered",
    arguments=_ratios_arguments,
    day="the day the ratios are asked for: the budget, debt and rates in force then",
    converting=True,
)
def cmd_ratios(args: argparse.Namespace) -> Any:
    book = _book(args)
    _check_party(book, args.party, "party")
    rates, via = _rates(book, args), _via(args)
    # What the data allows; a party it allows nothing for is told what a budget would answer.
    asked = questions(book, args.party) or [
        Question("remittances_to_budget", "remittances_to_budget"),
        Question("debt_to_budget", "debt_to_budget"),
    ]
    source = _source(args, book)
    ratios, missing = _ratios(book, args.party, args.on, rates, asked, via=via, source=source)
    if not ratios:
        name = party_name(args.party, args.locale, book.parties)
        reasons = "\n".join(m.line(args.locale, book.parties) for m in missing)
        said = f"{say(locale_of(args.locale), NO_RATIO, party=name)}\n{reasons}"
        english = "\n".join(
            [say(locale_of("en"), NO_RATIO, party=args.party), *(m.reason for m in missing)]
        )
        raise _Said(
            said,
            {
                "unanswered": [m.to_json(args.locale, book.parties) for m in missing],
                "reason_text": said,
            },
            english,
        )
    if args.json:
        answered = [{**_ratio_json(r, args.locale), "answered": True} for r in ratios]
        return answered + [m.to_json(args.locale, book.parties) for m in missing]
    lines = [describe(r, args.locale, book.parties) for r in ratios]
    return "\n".join(lines + _unanswered_lines(missing, args.locale, book))


def _convert_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "amount",
        help="a figure as files write it, with its word or as a range, e.g. '300 million USD', "
        "'about 2 billion USD', 'more than 1 billion USD', 'between 1 and 2 billion USD' "
        "(also '1-2 billion USD', 'from 1 to 2 billion USD')",
    )
    parser.add_argument("to", help="an ISO 4217 code, e.g. RUB")


@command(
    "convert",
    "convert an amount with the ledger's dated rates",
    arguments=_convert_arguments,
    day="the day of the conversion: the rate in force then",
    converting=True,
)
def cmd_convert(args: argparse.Namespace) -> Any:
    book = _book(args)
    _check_currency(args.to, "currency")
    rates, via = _rates(book, args), _via(args)
    with _worded(rates, via, args.locale, book.parties):
        amount = amount_argument(args.amount)
        conversion = convert(amount, args.to, rates=rates, on=args.on, via=via)
    if args.json:
        return {
            "from": figure_json(conversion.original, args.locale),
            "to": figure_json(conversion.figure, args.locale),
            "rate": conversion.rate.id if conversion.rate else None,
            "rates": [_rate_json(rate, args.locale) for rate in conversion.rates],
            "explanation": conversion.explain(_explaining(args)),
        }
    explained = conversion.explain(_explaining(args))
    return f"{format_figure(conversion.figure, args.locale)}\n{explained}"


@command("validate", "check a ledger file")
def cmd_validate(args: argparse.Namespace) -> Any:
    book = _book(args)
    kinds = sorted({e.kind for e in book})
    if args.json:
        return {"file": _named(args), "valid": True, "entries": len(book), "kinds": kinds}
    return say(
        locale_of(args.locale),
        VALID,
        file=_named(args),
        entries=counted(ENTRIES, len(book), args.locale),
        kinds=", ".join(kinds),
    )


@command("examples", "the bundled examples, by name, and where their files are", file=None)
def cmd_examples(args: argparse.Namespace) -> Any:
    listed = examples()
    if args.json:
        return {
            name: {"description": line, "path": example_path(name)} for name, line in listed.items()
        }
    width = max(map(len, listed))
    return "\n".join(
        f"{name:<{width}}  {line}\n{'':<{width}}  {example_path(name)}"
        for name, line in listed.items()
    )


@command("schema", "print the ledger file JSON Schema", file=None)
def cmd_schema(args: argparse.Namespace) -> Any:
    args.json = True  # the schema is JSON, asked for or not
    return schema()


# -- the parser -------------------------------------------------------------------------------


def _parser(example: bool = False) -> argparse.ArgumentParser:
    """The command's options, built from :data:`COMMANDS`; with ``example`` (``--example``
    given) the commands that need a FILE take none, the example standing for it."""
    parser = _Parser(
        prog="debt-ledger",
        description="Sovereign debt and remittance figures with their sources: net, weigh "
        "and explain them.",
    )
    parser.add_argument("--version", action="version", version=f"debt-ledger {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for entry in COMMANDS.values():
        sub = commands.add_parser(entry.name, help=entry.help, description=entry.help)
        _options(sub, entry, example)
        sub.set_defaults(run=entry.run, takes=entry)
    return parser


_FILE_HELP = "a ledger file, or the name of a bundled example (see: debt-ledger examples)"


def _options(sub: argparse.ArgumentParser, entry: Command, example: bool) -> None:
    """The options a subcommand shares with others, and its own arguments."""
    sub.add_argument(
        "--locale",
        default="en_US",
        help="language and number formats: en, ru, tg, ky, kk, uz (Latin), uz_Cyrl, e.g. ky_KG",
    )
    sub.add_argument(
        "--fallback",
        metavar="LANGUAGE",
        help="for a --locale without words of its own: its numbers with this language's words",
    )
    sub.add_argument(
        "--json", action="store_true", help="machine-readable output, refusals included"
    )
    sub.set_defaults(file=None, example=None, on=None, as_of=None, rates=None, via=None)
    if entry.file == "optional":
        sub.add_argument("file", nargs="?", help=f"{_FILE_HELP} (default: {DEFAULT_EXAMPLE})")
    elif entry.file == "required" and not example:
        sub.add_argument("file", help=f"{_FILE_HELP}; or give --example NAME instead")
    if entry.file is not None:
        sub.add_argument(
            "--example",
            metavar="NAME",
            help="read a bundled example instead of FILE, e.g. kg-ru-2012 (works from any folder)",
        )
    if entry.arguments is not None:
        entry.arguments(sub)
    if entry.day is not None:
        sub.add_argument(
            "--on",
            type=_date,
            action=_Once,
            metavar="YYYY-MM-DD",
            help=f"{entry.day} (default: today)",
        )
        # The old name, kept so that scripts still run: it warns, and both at once is refused.
        sub.add_argument("--as-of", dest="as_of", type=_date, action=_Once, help=argparse.SUPPRESS)
    if entry.converting:
        sub.add_argument(
            "--rates",
            metavar="FILE",
            help="also convert with the rate entries of this ledger file (or bundled example)",
        )
        sub.add_argument(
            "--via",
            metavar="CODE",
            help="convert through this third currency where no direct rate is at hand, e.g. USD",
        )


def _checked_together(args: argparse.Namespace, warn: Callable[[str], None]) -> None:
    """The options checked together: one day, one ledger, ``--via`` only where it converts."""
    entry: Command = args.takes
    name = f"debt-ledger {entry.name}"
    if args.as_of is not None:
        if args.on is not None:
            raise _UsageError(
                f"--on and --as-of both give the day (--on {args.on.isoformat()}, --as-of "
                f"{args.as_of.isoformat()}); give --on once (--as-of is its old name)",
                prog=name,
            )
        warn(
            f"{name}: --as-of is the old name of --on; it still works, but write "
            f"--on {args.as_of.isoformat()}"
        )
        args.on = args.as_of
    if entry.file is not None and args.example is not None and args.file is not None:
        raise _UsageError(
            f"give FILE or --example NAME, not both (FILE {args.file!r}, --example "
            f"{args.example!r})",
            prog=name,
        )
    if "convert_to" in vars(args):
        _check_via(args, name)


# -- output -----------------------------------------------------------------------------------


def _write(stream: TextIO, text: str) -> None:
    """Text on a terminal: escaped and fitted to its encoding (never a UnicodeEncodeError)."""
    stream.write(safe(text, getattr(stream, "encoding", None)) + "\n")


def _write_json(stream: TextIO, data: Any) -> None:
    """JSON on a terminal: control and bidi characters as JSON escapes; all of it ASCII where
    the terminal's encoding is not a Unicode one. Written as it is made, a piece at a time:
    a summary of 100k entries made its 205 MB of text whole, then copied it twice (peak 1.8 GB)."""
    try:
        unicode = codecs.lookup(getattr(stream, "encoding", None) or "utf-8").name.startswith("utf")
    except LookupError:
        unicode = False
    encoder = json.JSONEncoder(ensure_ascii=not unicode, indent=2, default=str)
    pieces: list[str] = []
    size = 0
    for piece in encoder.iterencode(data):
        pieces.append(piece)
        size += len(piece)
        if size > _JSON_PIECE:
            stream.write(json_escaped("".join(pieces)))
            pieces, size = [], 0
    stream.write(json_escaped("".join(pieces)) + "\n")


#: How much JSON text is written at a time.
_JSON_PIECE = 1 << 16


#: The ``kind`` of an error object, by the library's class of refusal (the first that fits).
_KINDS = (
    (errors.LedgerFileError, "invalid_file"),
    (errors.MissingRateError, "missing_rate"),
    (errors.RateError, "rate"),
    (errors.MissingFigureError, "missing_figure"),
    (errors.UnitMismatchError, "unit_mismatch"),
    (errors.AmountError, "amount"),
    (errors.FigureError, "figure"),
    (errors.UnknownEntryError, "unknown_entry"),
)


def _error_details(error: LedgerError) -> dict[str, Any]:
    """What an error object says besides its words: its kind, and each problem of a file."""
    kind = next((name for cls, name in _KINDS if isinstance(error, cls)), "invalid")
    details: dict[str, Any] = {"kind": kind}
    if isinstance(error, LedgerFileError):
        details["problems"] = [
            {
                "file": p.file,
                "entry": p.entry,
                "field": p.field,
                "message": in_words(p.message),
            }
            for p in error.problems
        ]
    return details


def _refused(error: LedgerError) -> dict[str, Any]:
    if isinstance(error, _Said):
        return {"error": {"kind": "invalid", **error.details, "message": error.english}}
    return {"error": {"kind": "invalid", **_error_details(error), "message": _words(error)}}


def _names_example(given: Sequence[str]) -> bool:
    """Whether the command line gives ``--example`` (or a prefix argparse would read as it)."""
    return any(
        token.startswith("--ex") and "--example".startswith(token.split("=", 1)[0])
        for token in given
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code."""
    given = list(sys.argv[1:] if argv is None else argv)
    try:
        return _run(given, sys.stdout, sys.stderr)
    except BrokenPipeError:  # the reader stopped reading (``| head``): no traceback
        _stdout_to_devnull()
        return EXIT_OK
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        return 130


def _run(given: list[str], out: TextIO, err: TextIO) -> int:
    wants_json = "--json" in given
    try:
        args = _parser(_names_example(given)).parse_args(given)
        _checked_together(args, lambda words: _write(err, words))
        with warnings.catch_warnings(record=True) as said:  # a fallback is said once
            warnings.simplefilter("always")
            args.locale = locale_of(args.locale, args.fallback)
        for warning in said:
            _write(err, f"debt-ledger: {warning.message}")
        # matplotlib's warnings escaped too; any refusal with a reason in the reader's language
        with warnings_shown(lambda words: _write(err, words)), _worded((), None, args.locale):
            result = args.run(args)
    except SystemExit as stop:  # --help and --version, printed by argparse
        return int(stop.code or 0)
    except _UsageError as error:
        if wants_json:
            _write_json(out, {"error": {"kind": "usage", "message": str(error)}})
        else:
            _write(err, f"{error.usage}{error.prog}: error: {error}")
        return EXIT_USAGE
    except LedgerError as error:
        if wants_json:
            _write_json(out, _refused(error))
        else:
            _write(err, f"debt-ledger: {_words(error)}")
        return EXIT_INVALID
    if args.json:
        _write_json(out, result)
    else:
        _write(out, str(result))
    out.flush()  # a closed pipe shows here, inside main, not at exit
    return EXIT_OK


def _stdout_to_devnull() -> None:
    """After a broken pipe, what Python would still flush at exit goes nowhere (else it
    prints "Exception ignored ... BrokenPipeError" as it exits)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # pragma: no cover - stdout is no file
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
