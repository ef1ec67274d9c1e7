"""The report: one self-contained HTML page a reader can send on or publish.

The page says what the ledger comes to in sentences, then shows the net balances with each
reduction, the ratios, every party's position and a settlement, the charts as inline SVG,
every entry with the source's own words, and the sources. Every figure links to the entries
it comes from, and every entry to its source (anchors within the page). The page holds no
script and asks for nothing over the network (no fonts, style sheets or pictures from
elsewhere); it has a print style sheet, its ``lang`` set, tables with headers, and reads at
phone width. Every string from a file is escaped, links are http(s) only.

>>> import ledger as lg
>>> from datetime import date
>>> page = report(lg.example(), as_of=date(2004, 3, 15), charts=False)
>>> page.startswith("<!DOCTYPE html>") and '<html lang="en"' in page
True
>>> "Tajikistan owes Russia about $250M net" in page and "<script" not in page
True
"""

from __future__ import annotations

import argparse
import io
import math
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .book import Ledger, day_asked
from .display import html_text, ratio_label
from .entries import Budget, Claim, EntryBase, Rate, Remittance, Settlement, Source, url_error
from .errors import LedgerError
from .figures import Figure
from .formatting import describe, format_figure, format_ratio, format_reduction, label
from .netting import NetBalance, net_balance, net_positions, settle
from .ratios import Ratio, questions
from .terminal import escaped
from .words import html_word, language_of, locale_of, party_name, reason, reason_language
from .yearly import from_source

if TYPE_CHECKING:
    from matplotlib.figure import Figure as Chart

__all__ = ["report", "write_report"]

_STYLE = """
:root{color-scheme:light}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;
color:#111;background:#fff;max-width:62rem;margin:0 auto;padding:0 1rem 2rem}
h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.25rem;margin-top:2rem;
border-bottom:1px solid #ccc}h3{font-size:1rem}
a{color:#0645ad}a:visited{color:#0b0080}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}
caption{text-align:start;font-weight:bold;padding:.25rem 0}
th,td{text-align:start;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #ddd;
overflow-wrap:break-word}
thead th{border-bottom:2px solid #888}
@media (min-width:40rem){.num{white-space:nowrap}}
q{font-style:italic}
.made,.note{color:#555;font-size:.9rem}
figure{margin:1rem 0;break-inside:avoid}svg{max-width:100%;height:auto}
.chart{overflow-x:auto}.chart svg{min-width:var(--readable,0)}
figcaption{font-size:.9rem;color:#333}
nav ul{padding-left:1.2rem}
:target{background:#fff3b0}
@media (max-width:40rem){
body{padding:0 .6rem 1.5rem}
table.stack,table.stack tbody{display:block;width:auto}
table.stack thead{position:absolute;left:-9999px}
table.stack tr{display:block;border-bottom:2px solid #bbb;padding:.3rem 0}
table.stack td,table.stack th{display:block;border:0;padding:.1rem .2rem}
table.stack td:empty{display:none}
table.stack td[data-label]::before{content:attr(data-label) ": ";font-weight:bold}
}
@media print{
nav,.skip{display:none}body{max-width:none;font-size:11pt}.chart svg{min-width:0}
a{color:inherit;text-decoration:none}
a[href^="http"]::after{content:" <" attr(href) ">";font-size:.85em;overflow-wrap:anywhere}
h2{break-after:avoid}tr,figure{break-inside:avoid}
}
"""


# -- what the page holds -----------------------------------------------------------------------


@dataclass
class _Found:
    """What the ledger answers (balances, ratios, positions, settlement) and, for the rest,
    why not."""

    balances: list[NetBalance] = field(default_factory=list)
    ratios: list[Ratio] = field(default_factory=list)
    positions: dict[str, dict[str, Figure]] = field(default_factory=dict)
    transfers: list[Any] = field(default_factory=list)
    #: (the question in the reader's words, the refusal: said by ``words.reason``)
    unanswered: list[tuple[str, Exception]] = field(default_factory=list)
    #: Why no settlement could be worked out (``None``: settled, or nothing to settle).
    unsettled: Exception | None = None

    def ask(self, question: Callable[[], Any], what: str) -> Any:
        """The answer, or ``None`` with the refusal noted (said by its reason, in the reader's
        words, by :func:`_unanswered`)."""
        try:
            return question()
        except LedgerError as error:
            self.unanswered.append((what, error))
            return None


def _pairs(book: Ledger, as_of: date | None) -> list[tuple[str, str, str]]:
    """Each pair of parties with claims between them, and each currency of those claims."""
    found = {(*sorted((c.creditor, c.debtor)), c.currency or "") for c in book.claims(as_of=as_of)}
    return sorted(found)  # type: ignore[arg-type]


def _parties(book: Ledger) -> list[str]:
    parties: set[str] = set()
    for entry in book:
        for name in ("creditor", "debtor", "party", "destination"):
            value = getattr(entry, name, None)
            if isinstance(value, str):
                parties.add(value)
        parties.update(getattr(entry, "origin", ()))
    return sorted(parties)


def _answers(book: Ledger, as_of: date | None, locale: str, source: str | None = None) -> _Found:
    def name(party: str) -> str:
        return party_name(party, locale, book.parties)

    found = _Found()
    chosen = {} if source is None else {"source": source}  # among entries that compete
    for a, b, code in _pairs(book, as_of):
        balance = found.ask(
            partial(net_balance, book, a, b, as_of=as_of, currency=code),
            f"{name(a)} / {name(b)}",
        )
        if balance is not None:
            found.balances.append(-balance if balance.direction < 0 else balance)
    for party in _parties(book):
        for question in questions(book, party):
            ratio = found.ask(
                partial(question.ask, book, party, as_of=as_of, **chosen),
                html_word(f"question {question.key}", locale, party=name(party)),
            )
            if ratio is not None:
                found.ratios.append(ratio)
    positions = partial(net_positions, book, as_of=as_of)
    found.positions = found.ask(positions, html_word("positions", locale)) or {}
    heading = html_word("settlement heading", locale)
    try:
        found.transfers = list(settle(book, as_of=as_of))
    except LedgerError as error:
        found.unanswered.append((heading, error))
        found.unsettled = error
    return found


# -- links within the page ---------------------------------------------------------------------


class _Anchors:
    """The page's anchors: one for each entry and each source (numbered in order)."""

    def __init__(self, book: Ledger) -> None:
        self.sources: dict[Source, str] = {}
        for entry in book:
            self.sources.setdefault(entry.source, f"source-{len(self.sources) + 1}")

    @staticmethod
    def ident(entry: EntryBase | str) -> str:
        return entry if isinstance(entry, str) else entry.id

    def entry(self, entry: EntryBase | str) -> str:
        return f"entry-{self.ident(entry)}"

    def to_entries(self, entries: Iterable[EntryBase | str]) -> str:
        """Links to entries by id: ``<a href="#entry-ru-claim">ru-claim</a>, ...``."""
        return ", ".join(
            f'<a href="#{html_text(self.entry(e))}">{html_text(self.ident(e))}</a>' for e in entries
        )


def _figure(text: str, entries: Sequence[EntryBase], anchors: _Anchors) -> str:
    """A figure's words, linked to the entry it comes from (the first of several)."""
    shown = f'<span class="num">{html_text(text)}</span>'
    if not entries:
        return shown
    return f'<a href="#{html_text(anchors.entry(entries[0]))}">{shown}</a>'


# -- the sections ------------------------------------------------------------------------------


def _section(ident: str, heading: str, body: str) -> str:
    return f'<section id="{ident}"><h2>{html_text(heading)}</h2>{body}</section>'


def _table(
    locale: str, heads: Sequence[str], rows: Iterable[Sequence[str]], caption: str = ""
) -> str:
    """A table with a header row (words in the locale), each cell labelled for phone width
    (where rows stand as blocks); the cells are HTML already."""
    names = [html_word(key, locale) if key else "" for key in heads]
    head = "".join(f'<th scope="col">{html_text(name)}</th>' for name in names)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td data-label="{html_text(name)}">{cell}</td>' if name else f"<td>{cell}</td>"
            for name, cell in zip(names, row, strict=True)
        )
        + "</tr>"
        for row in rows
    )
    caption_html = f"<caption>{html_text(caption)}</caption>" if caption else ""
    return (
        f'<table class="stack">{caption_html}<thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )


def _summary(found: _Found, book: Ledger, locale: str, anchors: _Anchors) -> str:
    items = []
    results: list[NetBalance | Ratio] = [*found.balances, *found.ratios]
    for result in results:
        entries = _entries_of(result)
        sentence = html_text(describe(result, locale, book.parties))
        items.append(f"<li>{sentence} <small>({anchors.to_entries(entries)})</small></li>")
    if not items:
        return f"<p>{html_text(html_word('none', locale))}</p>"
    return f"<ul>{''.join(items)}</ul>"


def _entries_of(result: NetBalance | Ratio) -> list[EntryBase]:
    if isinstance(result, NetBalance):
        seen: list[EntryBase] = []
        for line in result.lines:
            seen += [line.claim, *line.reductions]
            if line.conversion is not None:
                seen += list(line.conversion.rates)
        for conversion in result.conversions:
            seen += [rate for rate in conversion.rates if rate not in seen]
        return seen
    return [*result.numerator_entries, *result.denominator_entries, *result.rates]


def _balance(balance: NetBalance, book: Ledger, locale: str, anchors: _Anchors) -> str:
    rows: list[list[str]] = []
    for line in balance.lines:
        claim = line.claim
        sign = "+" if line.sign > 0 else "−"
        asserted = format_figure(claim.amount, locale)
        if line.marked:
            asserted += f" ({html_word(claim.status, locale)})"
        rows.append(
            [
                sign,
                anchors.to_entries([claim]),
                _figure(asserted, [claim], anchors),
                "",
                _figure(format_figure(line.counted, locale), [claim], anchors),
            ]
        )
        for settlement in line.reductions:
            rows.append(
                [
                    "",
                    anchors.to_entries([settlement]),
                    "",
                    _figure(format_reduction(settlement, locale), [settlement], anchors),
                    "",
                ]
            )
    total = format_figure(balance.amount, locale)
    rows.append(["=", "", "", "", f'<strong class="num">{html_text(total)}</strong>'])
    sentence = html_text(describe(balance, locale, book.parties))
    table = _table(locale, ["", "entry", "as asserted", "less", "counts for"], rows)
    return f"<h3>{sentence}</h3>{table}"


def _ratio(ratio: Ratio, book: Ledger, locale: str, anchors: _Anchors) -> str:
    rows = [
        [
            html_text(ratio_label(ratio.numerator_label, locale)),
            _figure(format_ratio(ratio.numerator, locale), ratio.numerator_entries, anchors),
            anchors.to_entries(ratio.numerator_entries),
        ],
        [
            html_text(ratio_label(ratio.denominator_label, locale)),
            _figure(format_ratio(ratio.denominator, locale), ratio.denominator_entries, anchors),
            anchors.to_entries(ratio.denominator_entries),
        ],
        [
            html_text(html_word("ratio", locale)),
            f'<strong class="num">{html_text(format_ratio(ratio.value, locale))}</strong>',
            anchors.to_entries(ratio.rates),
        ],
    ]
    sentence = html_text(describe(ratio, locale, book.parties))
    return f"<h3>{sentence}</h3>{_table(locale, ['', 'amount', 'entry'], rows)}"


def _linked(text: str, section: str) -> str:
    """A figure that sums others, linked to the section that shows them."""
    return f'<a href="#{section}"><span class="num">{html_text(text)}</span></a>'


def _positions(found: _Found, book: Ledger, locale: str) -> str:
    rows = [
        [
            html_text(party_name(party, locale, book.parties)),
            _linked(format_figure(figure, locale), "balances"),
        ]
        for party, held in found.positions.items()
        for figure in held.values()
    ]
    note = f'<p class="note">{html_text(html_word("positions note", locale))}</p>'
    if not rows:
        return f"<p>{html_text(html_word('none', locale))}</p>"
    return note + _table(locale, ["party", "position"], rows)


def _settlement(found: _Found, book: Ledger, locale: str) -> str:
    rows = [
        [
            html_text(party_name(t.payer, locale, book.parties)),
            html_text(party_name(t.payee, locale, book.parties)),
            _linked(format_figure(t.amount, locale), "positions"),
        ]
        for t in found.transfers
    ]
    if found.unsettled is not None:  # refused: never "nothing to settle"
        said = html_text(html_word("not settled", locale, why="{why}"))  # the words escaped
        return f"<p>{said.replace('{why}', _why(found.unsettled, locale, book))}</p>"
    if not rows:
        return f"<p>{html_text(label('nothing to settle', locale))}</p>"
    note = f'<p class="note">{html_text(html_word("settlement note", locale))}</p>'
    return note + _table(locale, ["payer", "payee", "amount"], rows)


def _entry_row(entry: EntryBase, book: Ledger, locale: str, anchors: _Anchors) -> list[str]:
    def name(code: str) -> str:
        return party_name(code, locale, book.parties)

    if isinstance(entry, Claim):
        parties = html_word(
            "owes", locale, debtor=name(entry.debtor), creditor=name(entry.creditor)
        )
    elif isinstance(entry, Remittance):
        parties = f"{', '.join(map(name, entry.origin))} → {name(entry.destination)}"
    elif isinstance(entry, Budget):
        parties = name(entry.party)
    elif isinstance(entry, Settlement):
        parties = f"{html_word(entry.method, locale)} → "
    else:
        parties = ""
    figure = getattr(entry, "amount", None)
    amount = format_figure(figure, locale) if isinstance(figure, Figure) else ""
    if isinstance(entry, Rate):
        amount = format_figure(entry.rate, locale)
    migrants = getattr(entry, "migrants", None)
    if isinstance(migrants, Figure):
        amount += f"; {html_word('migrants', locale, count=format_figure(migrants, locale))}"
    parties_html = html_text(parties)
    if isinstance(entry, Settlement):
        parties_html += anchors.to_entries([entry.claim])
    quote = f"<q>{html_text(entry.quote)}</q>" if entry.quote else ""
    source = anchors.sources[entry.source]
    cite = html_text(
        html_word(
            "published",
            locale,
            publisher=entry.source.publisher,
            date=entry.source.date.isoformat(),
        )
    )
    return [
        f'<span id="{html_text(anchors.entry(entry))}">{html_text(entry.id)}</span>',
        html_text(html_word(entry.kind, locale)),
        parties_html,
        html_text(amount),  # may be long (a remittance with its migrants): it wraps
        quote,
        f'<a href="#{source}">{cite}</a>',
    ]


def _entries(book: Ledger, locale: str, anchors: _Anchors) -> str:
    rows = [_entry_row(entry, book, locale, anchors) for entry in book]
    return _table(locale, ["id", "kind", "parties", "amount", "words", "source"], rows)


def _sources(book: Ledger, locale: str, anchors: _Anchors) -> str:
    quoted: dict[str, list[EntryBase]] = {}
    for entry in book:
        quoted.setdefault(anchors.sources[entry.source], []).append(entry)
    items = []
    for source, ident in anchors.sources.items():
        title = html_text(source.title)
        if source.url is not None and url_error(source.url) is None:
            title = f'<a href="{html_text(source.url)}">{title}</a>'
        place = f", {html_text(source.place)}" if source.place else ""
        used = anchors.to_entries(quoted[ident])
        items.append(
            f'<li id="{ident}"><cite>{title}</cite>. {html_text(source.publisher)}{place}, '
            f"{source.date.isoformat()}. <small>{html_text(html_word('quoted in', locale))}: "
            f"{used}</small></li>"
        )
    return f"<ol>{''.join(items)}</ol>"


# -- charts ------------------------------------------------------------------------------------


#: The least size (CSS px) of a chart's text on any screen, a phone's too.
READABLE_PX = 10


def _svg(chart: Chart) -> str:
    """A chart as inline SVG: its text kept as text (the reader can find and copy it),
    nothing before the ``<svg`` element nor its RDF metadata, and no character that would act
    rather than show. It is framed (``div.chart``) with the least width at which its smallest
    text is 10 px (``--readable``): on a narrower screen the frame scrolls sideways rather
    than shrink the text past reading."""
    from matplotlib import rc_context
    from matplotlib.text import Text

    out = io.StringIO()
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "debt-ledger"}):
        chart.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    sizes = [
        float(t.get_fontsize()) for t in chart.findobj(Text) if t.get_visible() and t.get_text()
    ]
    width = chart.get_figwidth() * 72  # the SVG's own units are points
    _close(chart)
    text = out.getvalue()
    text = text[text.index("<svg") :]
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, flags=re.DOTALL)  # RDF, unread
    least = math.ceil(width * READABLE_PX / min(sizes, default=READABLE_PX))
    # as the charts' own text shows them: never a character that acts
    return f'<div class="chart" style="--readable:{least}px">{escaped(text)}</div>'


def _close(chart: Chart) -> None:
    """Let pyplot forget a chart the report has written (where pyplot keeps it)."""
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close(chart)


def _have_matplotlib() -> bool:
    try:
        import matplotlib.figure  # noqa: F401
    except ImportError:
        return False
    return True


def _charts(book: Ledger, found: _Found, as_of: date | None, locale: str) -> str:
    from . import plot

    figures = []
    for balance in found.balances:
        if balance.currency is None:
            continue
        what = f"{party_name(balance.debtor, locale, book.parties)} → "
        what += party_name(balance.creditor, locale, book.parties)
        draw = partial(
            plot.netting,
            book,
            balance.debtor,
            balance.creditor,
            as_of=as_of,
            locale=locale,
            currency=balance.currency,
            stacked=True,
        )
        figures.append((what, draw))
    for party in sorted({r.party for r in found.ratios if r.question != "per_migrant"}):
        what = party_name(party, locale, book.parties)
        figures.append(
            (
                what,
                partial(plot.against_budget, book, party, as_of=as_of, locale=locale, stacked=True),
            )
        )
    out = []
    for what, draw in figures:
        try:
            svg = _svg(draw())
        except (LedgerError, ValueError) as error:
            found.unanswered.append((html_word("chart of", locale, what=what), error))
            continue
        caption = html_text(html_word("chart of", locale, what=what))
        out.append(f'<figure role="group">{svg}<figcaption>{caption}</figcaption></figure>')
    return "".join(out)


# -- the page ----------------------------------------------------------------------------------


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("debt-ledger")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "0"


def report(
    book: Ledger,
    *,
    as_of: date | None = None,
    locale: str = "en_US",
    title: str | None = None,
    charts: bool = True,
    source: str | None = None,
) -> str:
    """The ledger as one self-contained HTML page in the locale's words and numbers: the
    sentences, net balances with each reduction, ratios, positions and a settlement, charts
    as inline SVG (``charts=False``, or without matplotlib, none: the page says so), every
    entry with its quote, and the sources; every figure linked to its entries and sources.
    ``as_of`` is the day asked (entries dated on or before it count; by default today);
    ``source`` (a source id or publisher) chooses among entries that compete for one year, as
    the ratio helpers' ``source=`` does (an unknown source is refused, the ledger's named)."""
    if not isinstance(book, Ledger):
        raise LedgerError(f"report() takes a Ledger (lg.load(...)), not {type(book).__name__}")
    where = locale_of(locale)
    day = day_asked(as_of)
    if source is not None:
        from_source(book, source)  # refuses a source the ledger does not hold, naming its own
    found = _answers(book, day, locale, source)
    anchors = _Anchors(book)
    heading = title or book.title or html_word("report", locale)
    sections = [
        ("summary", html_word("summary", locale), _summary(found, book, locale, anchors)),
        (
            "balances",
            html_word("balances", locale),
            "".join(_balance(b, book, locale, anchors) for b in found.balances)
            or f"<p>{html_text(html_word('none', locale))}</p>",
        ),
        (
            "ratios",
            html_word("ratios", locale),
            "".join(_ratio(r, book, locale, anchors) for r in found.ratios)
            or f"<p>{html_text(label('no ratios', locale))}</p>",
        ),
        ("positions", html_word("positions", locale), _positions(found, book, locale)),
        ("settlement", html_word("settlement heading", locale), _settlement(found, book, locale)),
    ]
    if charts and _have_matplotlib():
        drawn = _charts(book, found, day, locale)
        if drawn:
            sections.append(("charts", html_word("charts", locale), drawn))
    elif charts:
        no = f'<p class="note">{html_text(html_word("no charts", locale))}</p>'
        sections.append(("charts", html_word("charts", locale), no))
    sections += [
        ("entries", html_word("entries", locale), _entries(book, locale, anchors)),
        ("sources", html_word("sources", locale), _sources(book, locale, anchors)),
    ]
    if found.unanswered:
        items = "".join(_unanswered(what, why, locale, book) for what, why in found.unanswered)
        sections.append(("unanswered", html_word("unanswered", locale), f"<ul>{items}</ul>"))
    language = "-".join(part for part in (where.language, where.script) if part)  # BCP 47
    direction = "rtl" if where.character_order == "right-to-left" else "ltr"
    return _page(book, heading, sections, (language, direction), day, locale)


def _unanswered(what: str, error: Exception, locale: str, book: Ledger) -> str:
    """A question without an answer and why, in the reader's words (a refusal that gives no
    reason the catalogs hold keeps its English words, marked as such)."""
    return f"<li>{html_text(what)}: {_why(error, locale, book, what)}</li>"


#: A file's key and its value in a reason (``migrants = { amount = '...' }``, ``fiscal_year =
#: 2011``), escaped: code a reader writes into the file as it stands, in every language.
_FILE_KEY = re.compile(r"\b[a-z]+(?:_[a-z]+)* = (?:\{ [^{}]* \}|\d+)")


def _why(error: Exception, locale: str, book: Ledger, after: str = "") -> str:
    """A refusal's reason as HTML, in the reader's words (English words marked as such), the
    file's keys as code; a party ``after`` (the question) names is not named again."""
    why = html_text(reason(error, locale, book.parties, after=after))
    why = _FILE_KEY.sub(lambda key: f"<code>{key.group(0)}</code>", why)
    if reason_language(error, locale) != (language_of(locale_of(locale)) or "en"):
        why = f'<span lang="en">{why}</span>'
    return why


def _page(
    book: Ledger,
    heading: str,
    sections: list[tuple[str, str, str]],
    language: tuple[str, str],
    day: date,
    locale: str,
) -> str:
    made = html_word(
        "made", locale, version=_version(), date=date.today().isoformat(), as_of=day.isoformat()
    )
    contents = "".join(
        f'<li><a href="#{ident}">{html_text(name)}</a></li>' for ident, name, _ in sections
    )
    description = f"<p>{html_text(book.description)}</p>" if book.description else ""
    body = "".join(_section(ident, name, html) for ident, name, html in sections)
    return (
        f'<!DOCTYPE html>\n<html lang="{language[0]}" dir="{language[1]}">'
        '<head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html_text(heading)}</title><style>{_STYLE}</style></head>"
        f'<body><header><h1>{html_text(heading)}</h1>{description}<p class="made">'
        f"{html_text(made)}</p></header>"
        f'<nav aria-label="{html_text(html_word("contents", locale))}"><h2>'
        f"{html_text(html_word('contents', locale))}</h2><ul>{contents}</ul></nav>"
        f"<main>{body}</main></body></html>\n"
    )


def write_report(book: Ledger, path: str | Path, **options: Any) -> Path:
    """Write :func:`report` to ``path`` (UTF-8); returns the path. ``options`` as for
    :func:`report`."""
    target = Path(path)
    page = report(book, **options)
    try:
        target.write_text(page, encoding="utf-8")
    except OSError as error:
        raise LedgerError(f"cannot write the report to {str(target)!r}: {error.strerror}") from None
    return target


# -- the command -------------------------------------------------------------------------------


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2004-03-15"
        ) from None
