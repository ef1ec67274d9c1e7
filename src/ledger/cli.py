"""The ``debt-ledger`` command (also ``python -m ledger``).

Exit codes: 0 success, 1 invalid input (every problem listed on stderr), 2 usage error.
No traceback reaches the user for a bad file, a bad locale or a missing party.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from .book import EXAMPLE, Ledger, example, load, schema
from .entries import EntryBase, figure_to_data, party_error
from .errors import LedgerError, MissingFigureError
from .figures import Figure
from .formatting import describe, format_figure, format_ratio, label, party_name
from .fx import convert
from .netting import net_balance, net_positions, settle
from .ratios import Ratio, debt_to_budget, per_migrant, remittances_to_budget
from .units import check_currency

__all__ = ["main"]

EXIT_OK, EXIT_INVALID = 0, 1  # argparse itself exits 2 on a usage error


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
        "as_of": ratio.as_of.isoformat(),
        "value": {**figure_to_data(ratio.value), "text": format_ratio(ratio.value, locale)},
        "numerator": _figure_json(ratio.numerator, locale),
        "denominator": _figure_json(ratio.denominator, locale),
        "entries": [entry.id for entry in ratio.entries],
        "sentence": describe(ratio, locale),
    }


def _amount_json(entry: EntryBase, locale: str) -> dict[str, Any]:
    amount = getattr(entry, "amount", None)
    return {"amount": _figure_json(amount, locale)} if isinstance(amount, Figure) else {}


def _book(path: str | None) -> Ledger:
    return example() if path is None else load(path)


def _check_party(book: Ledger, party: str) -> None:
    problem = party_error(party)
    if problem:
        raise LedgerError(problem)
    known = _parties_of(book)
    if party not in known:
        raise LedgerError(
            f"party {party!r} appears in no entry of the ledger; parties here: "
            f"{', '.join(known) or 'none'}"
        )


def _balances(book: Ledger, as_of: date | None) -> list[Any]:
    pairs = sorted({tuple(sorted((c.creditor, c.debtor))) for c in book.claims(as_of=as_of)})
    results = []
    for a, b in pairs:
        currencies = sorted(
            {
                c.currency
                for c in book.claims(party=a, as_of=as_of)
                if {c.creditor, c.debtor} == {a, b}
            }
        )
        for code in currencies:
            balance = net_balance(book, a, b, as_of=as_of, currency=code)
            if balance.amount.less_than(Figure.of(f"0 {code}")):
                balance = -balance
            results.append(balance)
    return results


def _ratios(book: Ledger, party: str, as_of: date | None) -> list[Ratio]:
    found = []
    helpers: list[Callable[[], Ratio]] = [
        lambda: remittances_to_budget(book, party, as_of=as_of),
        lambda: debt_to_budget(book, party, as_of=as_of),
        lambda: debt_to_budget(book, party, net=True, as_of=as_of),
        lambda: per_migrant(book, party, as_of=as_of),
    ]
    for helper in helpers:
        try:
            found.append(helper())
        except MissingFigureError:
            continue
    return found


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
    balances = _balances(book, day)
    positions = net_positions(book, as_of=day)
    ratios = [r for party in _parties_of(book) for r in _ratios(book, party, day)]
    if args.json:
        return {
            "title": book.title,
            "entries": [
                {
                    "kind": e.kind,
                    "id": e.id,
                    **_amount_json(e, loc),
                }
                for e in book
            ],
            "balances": [
                {
                    "debtor": b.debtor,
                    "creditor": b.creditor,
                    "amount": _figure_json(b.amount, loc),
                    "sentence": describe(b, loc, book.parties),
                }
                for b in balances
            ],
            "positions": {
                p: {c: _figure_json(f, loc) for c, f in held.items()}
                for p, held in positions.items()
            },
            "ratios": [_ratio_json(r, loc) for r in ratios],
        }
    lines = [book.title or (args.file or EXAMPLE), ""]
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
    return "\n".join(lines)


def cmd_net(args: argparse.Namespace) -> Any:
    book = _book(args.file)
    for party in (args.debtor, args.creditor):
        _check_party(book, party)
    _check_currency(args.currency, "--currency")
    _check_currency(args.convert_to, "--convert-to")
    balance = net_balance(
        book,
        args.debtor,
        args.creditor,
        as_of=args.as_of,
        currency=args.currency,
        convert_to=args.convert_to,
    )
    if args.json:
        return {
            "debtor": balance.debtor,
            "creditor": balance.creditor,
            "as_of": balance.as_of.isoformat(),
            "currency": balance.currency,
            "amount": _figure_json(balance.amount, args.locale),
            "entries": [e.id for e in balance.entries],
            "sentence": describe(balance, args.locale, book.parties),
            **({"explanation": balance.explain()} if args.explain else {}),
        }
    text = describe(balance, args.locale, book.parties)
    return f"{text}\n\n{balance.explain()}" if args.explain else text


def cmd_positions(args: argparse.Namespace) -> Any:
    book = _book(args.file)
    _check_currency(args.convert_to, "--convert-to")
    positions = net_positions(book, as_of=args.as_of, convert_to=args.convert_to)
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
    transfers = settle(book, as_of=args.as_of, convert_to=args.convert_to)
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
    _check_party(book, args.party)
    ratios = _ratios(book, args.party, args.as_of)
    if not ratios:
        raise MissingFigureError(
            f"no ratio can be computed for {args.party}: the ledger holds no budget with "
            "remittances or claims for it"
        )
    if args.json:
        return [_ratio_json(r, args.locale) for r in ratios]
    return "\n".join(describe(r, args.locale, book.parties) for r in ratios)


def cmd_convert(args: argparse.Namespace) -> Any:
    book = _book(args.file)
    _check_currency(args.to, "currency")
    conversion = convert(Figure.of(args.amount), args.to, rates=book, on=args.on)
    if args.json:
        return {
            "from": _figure_json(conversion.original, args.locale),
            "to": _figure_json(conversion.figure, args.locale),
            "rate": conversion.rate.id if conversion.rate else None,
            "explanation": conversion.explain(),
        }
    return f"{format_figure(conversion.figure, args.locale)}\n{conversion.explain()}"


def cmd_validate(args: argparse.Namespace) -> Any:
    book = load(args.file)
    kinds = sorted({e.kind for e in book})
    if args.json:
        return {"file": args.file, "valid": True, "entries": len(book), "kinds": kinds}
    return f"{args.file}: valid, {len(book)} entries ({', '.join(kinds)})"


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
        "--as-of",
        type=_date,
        default=None,
        dest="as_of",
        help="the day to net on, YYYY-MM-DD (default: today)",
    )
    common.add_argument(
        "--json", action="store_true", help="machine-readable output (amounts as strings)"
    )
    parser = argparse.ArgumentParser(
        prog="debt-ledger",
        description="Sovereign debt and remittance figures with their sources: net, weigh "
        "and explain them.",
    )
    parser.add_argument("--version", action="version", version=f"debt-ledger {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    summary = commands.add_parser(
        "summary", parents=[common], help="entries, net balances, positions and ratios"
    )
    summary.add_argument("file", nargs="?", help="a ledger file (default: the bundled example)")
    summary.set_defaults(run=cmd_summary)

    net = commands.add_parser("net", parents=[common], help="what DEBTOR owes CREDITOR, net")
    net.add_argument("file")
    net.add_argument("debtor")
    net.add_argument("creditor")
    net.add_argument("--explain", action="store_true", help="show the arithmetic and sources")
    net.add_argument("--currency", help="net the claims in this currency only")
    net.add_argument(
        "--convert-to", dest="convert_to", help="convert every claim with the ledger's dated rates"
    )
    net.set_defaults(run=cmd_net)

    positions = commands.add_parser(
        "positions", parents=[common], help="every party's net position per currency"
    )
    positions.add_argument("file")
    positions.add_argument("--convert-to", dest="convert_to")
    positions.set_defaults(run=cmd_positions)

    settle_cmd = commands.add_parser(
        "settle", parents=[common], help="transfers that settle every position"
    )
    settle_cmd.add_argument("file")
    settle_cmd.add_argument("--convert-to", dest="convert_to")
    settle_cmd.set_defaults(run=cmd_settle)

    ratios = commands.add_parser(
        "ratios", parents=[common], help="remittances and debt against the budget"
    )
    ratios.add_argument("file")
    ratios.add_argument("party")
    ratios.set_defaults(run=cmd_ratios)

    conv = commands.add_parser(
        "convert", parents=[common], help="convert an amount with the ledger's dated rates"
    )
    conv.add_argument("file")
    conv.add_argument("amount", help="e.g. '300 million USD'")
    conv.add_argument("to", help="an ISO 4217 code, e.g. RUB")
    conv.add_argument("--on", type=_date, default=None, help="the day, YYYY-MM-DD")
    conv.set_defaults(run=cmd_convert)

    validate = commands.add_parser("validate", parents=[common], help="check a ledger file")
    validate.add_argument("file")
    validate.set_defaults(run=cmd_validate)

    schema_cmd = commands.add_parser("schema", help="print the ledger file JSON Schema")
    schema_cmd.set_defaults(run=cmd_schema, json=True)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse's own usage errors and --help
        return int(stop.code or 0)
    try:
        from .formatting import locale_of

        if hasattr(args, "locale"):
            locale_of(args.locale)
        result = args.run(args)
    except LedgerError as error:
        sys.stderr.write(f"debt-ledger: {error}\n")
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
