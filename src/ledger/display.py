"""Notebook faces: HTML tables for ledgers, figures, balances and ratios, and pandas frames.

Every string that comes from a file is escaped: a quote holding ``<script>`` comes out inert.
pandas is imported only by :func:`to_frame` and :func:`from_frame` (extra ``frames``).

>>> import ledger as lg
>>> html = lg.example()._repr_html_()
>>> "ru-claims-tajik-debt" in html and "about $300M" in html
True
"""

from __future__ import annotations

import html
import json
import numbers
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .book import Ledger
from .entries import (
    GDP,
    Budget,
    Claim,
    DebtStock,
    EntryBase,
    Rate,
    Remittance,
    Settlement,
    Share,
    Source,
    figure_from_data,
    figure_to_data,
    url_error,
)
from .errors import AmountError, LedgerError, LedgerFileError, Problem
from .explaining import weighed, why_missing, year_note
from .faces import provide
from .figures import Figure
from .formatting import (
    describe,
    format_each_way,
    format_figure,
    format_ratio,
    format_reduction,
    label,
    party_name,
)
from .ratios import Ratio
from .terminal import escaped
from .units import currency_of, decimal, parse_unit, unit_text, ureg
from .words import html_word, language_of, locale_of

if TYPE_CHECKING:
    import pandas

    from .fx import Conversion
    from .netting import NetBalance, NetLine, Transfer
    from .yearly import Point, Series

__all__ = [
    "balance_html",
    "conversion_html",
    "figure_html",
    "from_frame",
    "html_text",
    "ledger_html",
    "ratio_html",
    "ratio_label",
    "series_frame",
    "series_html",
    "to_frame",
    "transfers_html",
]

_STYLE = (
    "<style>.debt-ledger td,.debt-ledger th{text-align:left;padding:2px 8px;"
    "vertical-align:top}.debt-ledger caption{text-align:left;font-weight:bold}</style>"
)


def html_text(text: str) -> str:
    """Text (from a file, say) as HTML that shows it and does nothing else: ``<``, ``>``,
    ``&`` and both quotes escaped (so it is safe in an attribute too), and control and bidi
    characters shown as escapes exactly as the terminal and the charts show them
    (:func:`ledger.terminal.escaped`), so they can neither hide nor turn text round.

    >>> print(html_text('<script>"x"</script>\u202eevil\u200f'))
    &lt;script&gt;&quot;x&quot;&lt;/script&gt;\\u202eevil\\u200f
    """
    return html.escape(escaped(text), quote=True)


def escape(text: str, quote: bool = True) -> str:
    """:func:`html_text` (named as :func:`html.escape` is, which it replaces here)."""
    return html_text(text)


def _names(book: Ledger | None) -> dict[str, str] | None:
    return book.parties if book is not None else None


def _parties(entry: EntryBase, locale: str, names: dict[str, str] | None) -> str:
    def name(code: str) -> str:
        return party_name(code, locale, names)

    if isinstance(entry, Claim):
        return html_word("owes", locale, debtor=name(entry.debtor), creditor=name(entry.creditor))
    if isinstance(entry, Remittance):
        origins = ", ".join(name(p) for p in entry.origin)
        return f"{origins} → {name(entry.destination)}"
    if isinstance(entry, Budget | GDP | DebtStock | Share):
        return name(entry.party)
    return ""


def _amount(entry: EntryBase, locale: str) -> str:
    if isinstance(entry, Rate):
        return format_figure(entry.rate, locale)
    figure = getattr(entry, "amount", None)
    text = format_figure(figure, locale) if isinstance(figure, Figure) else ""
    migrants = getattr(entry, "migrants", None)
    if isinstance(migrants, Figure):
        text += f"; {html_word('migrants', locale, count=format_figure(migrants, locale))}"
    return text


def _source(entry: EntryBase) -> str:
    source = entry.source
    label = escape(f"{source.publisher}, {source.date.isoformat()}")
    hover = escape(entry.quote or source.title, quote=True)
    if source.url and url_error(source.url) is None:  # checked at load; again, as it is a link
        return f'<a href="{escape(source.url, quote=True)}" title="{hover}">{label}</a>'
    return f'<span title="{hover}">{label}</span>'


def _status(entry: EntryBase, locale: str) -> str:
    if isinstance(entry, Share):
        return f"{entry.numerator} / {entry.denominator}"
    if isinstance(entry, Claim):
        status = html_word(entry.status, locale)
        if entry.counter_to:
            return html_word("counter to", locale, status=status, claim=entry.counter_to)
        return status
    if isinstance(entry, Settlement):
        method = html_word(entry.method, locale)
        return html_word("settles", locale, method=method, claim=entry.claim)
    return ""


def _heads(locale: str, *keys: str) -> str:
    """A table's head row, each cell a column header, in the locale's words."""
    cells = "".join(
        f'<th scope="col">{escape(html_word(key, locale)) if key else ""}</th>' for key in keys
    )
    return f"<thead><tr>{cells}</tr></thead>"


def ledger_html(book: Ledger, locale: str = "en_US") -> str:
    """A table of entries: kind, id, parties by name, amount as the source put it, status, and
    the source as a link with its quote on hover."""
    names = _names(book)
    rows = "".join(
        "<tr>"
        f"<td>{escape(html_word(entry.kind, locale))}</td><td>{escape(entry.id)}</td>"
        f"<td>{escape(_parties(entry, locale, names))}</td>"
        f"<td>{escape(_amount(entry, locale))}</td>"
        f"<td>{escape(_status(entry, locale))}</td><td>{_source(entry)}</td>"
        "</tr>"
        for entry in book
    )
    title = book.title or html_word("ledger", locale)
    caption = escape(html_word("entries in", locale, title=title, count=len(book)))
    heads = _heads(locale, "kind", "id", "parties", "amount", "status", "source")
    return (
        f'{_STYLE}<table class="debt-ledger"><caption>{caption}</caption>'
        f"{heads}<tbody>{rows}</tbody></table>"
    )


def figure_html(figure: Figure, locale: str = "en_US") -> str:
    """A figure in words, with its plain form on hover."""
    return (
        f'<span class="debt-ledger-figure" title="{escape(str(figure), quote=True)}">'
        f"{escape(format_figure(figure, locale))}</span>"
    )


def balance_html(balance: NetBalance, locale: str = "en_US") -> str:
    """A net balance: its sentence, then its explanation as a small table: each claim as
    asserted and what it counts for, and under it each reduction dated with its kind and
    source; a converted claim, and each currency's net converted once, with the rate(s) used
    (id, basis, date, source). A balance the creditor owes is shown turned round ("Russia owes
    Kyrgyzstan"), and one whose range spans zero gives at most what each way may owe: never a
    negative amount owed."""
    if balance.direction < 0:
        balance = -balance
    rows = "".join(_balance_rows(line, locale) for line in balance.lines)
    converted = any(conversion.rate is not None for conversion in balance.conversions)
    if converted and len(balance.lines) > 1:  # one claim's net is its own line
        rows += "".join(_net_rows(conversion, locale) for conversion in balance.conversions)
    heads = _heads(
        locale, "", "as asserted", "less", "counts for", "entry", "asserted by", "words", "source"
    )
    total = format_figure(balance.amount, locale)
    if balance.direction == 0:
        names = tuple(
            party_name(p, locale, balance.names) for p in (balance.debtor, balance.creditor)
        )
        total = _both_ways(
            balance.amount, locale, "{} → {}".format(*names), "{1} → {0}".format(*names)
        )
    return (
        f"{_STYLE}<p>{escape(describe(balance, locale))}</p>"
        f'<table class="debt-ledger">{heads}'
        f"<tbody>{rows}<tr><td>=</td><td></td><td></td>"
        f"<td>{escape(total)}</td>"
        "<td colspan=4></td></tr></tbody></table>"
    )


def _both_ways(figure: Figure, locale: str, one: str, other: str) -> str:
    """A figure whose range spans zero as at most what it may come to each way:
    ``KG → RU: at most $10M; RU → KG: at most $7M``, never a negative amount."""
    first, second = format_each_way(figure, locale)
    return f"{one}: {first}; {other}: {second}"


def _balance_rows(line: NetLine, locale: str) -> str:
    """A claim's row, then one row for each reduction that counts."""
    claim = line.claim
    status = f" ({escape(html_word(claim.status, locale))})" if line.marked else ""
    rows = [
        "<tr>"
        f"<td>{'+' if line.sign > 0 else '−'}</td>"
        f"<td>{escape(format_figure(claim.amount, locale))}{status}</td><td></td>"
        f"<td>{escape(format_figure(line.counted, locale))}</td>"
        f"<td>{escape(claim.id)}</td><td>{escape(claim.asserted_by)}</td>"
        f"<td>{escape(claim.quote or '')}</td><td>{_source(claim)}</td>"
        "</tr>"
    ]
    for settlement in line.reductions:
        rows.append(
            "<tr><td></td><td></td>"
            f"<td>{escape(format_reduction(settlement, locale))}</td><td></td>"
            f"<td>{escape(settlement.id)}</td><td></td>"
            f"<td>{escape(settlement.quote or '')}</td><td>{_source(settlement)}</td></tr>"
        )
    if line.conversion is not None:
        rows.extend(_rate_rows(line.conversion, locale))
    return "".join(rows)


def _net_rows(conversion: Conversion, locale: str) -> str:
    """A currency's net, converted once (the balance's amount is the sum of these), then the
    rate(s) that converted it."""
    code = currency_of(conversion.original.unit) or ""
    head = (
        f"<tr><td></td><td>{escape(html_word('net in', locale, currency=code))} "
        f"{escape(format_figure(conversion.original, locale))}</td><td></td>"
        f"<td>{escape(format_figure(conversion.figure, locale))}</td>"
        "<td colspan=4></td></tr>"
    )
    return head + "".join(_rate_rows(conversion, locale, quote=False))


def _rate_rows(conversion: Conversion, locale: str, quote: bool = True) -> list[str]:
    """One row for each rate a conversion used: the rate, its id, basis and date, the
    source's words (unless ``quote`` is false: shown once already) and the source."""
    rows = []
    step: Conversion | None = conversion
    while step is not None:
        rate = step.rate
        if rate is not None:
            how = html_word(
                "divided by" if step.inverted else "times",
                locale,
                rate=format_figure(rate.rate, locale),
            )
            basis = html_word("rate basis", locale, basis=_basis(rate, locale))
            rows.append(
                "<tr><td></td><td></td>"
                f"<td>{escape(how)}</td><td></td>"
                f"<td>{escape(rate.id)}</td><td>{escape(basis)}</td>"
                f"<td>{escape((quote and rate.quote) or '')}</td><td>{_source(rate)}</td></tr>"
            )
        step = step.via
    return rows


def ratio_html(ratio: Ratio, locale: str = "en_US") -> str:
    """A ratio: its sentence, then the figures it divides and their entries, then each rate it
    used (id, basis and period, date, source). A net debt that is never positive is shown as
    the party's net claim, one whose range spans zero as at most what it may come to each
    way: never a negative debt."""
    rows = "".join(
        f'<tr><th scope="row">{escape(ratio_label(label, locale))}</th><td>{escape(text)}</td>'
        f"<td>{', '.join(escape(e.id) for e in entries)}</td></tr>"
        for label, text, entries in _ratio_rows(ratio, locale)
    )
    rates = "".join(  # three cells, as every other row: label, text, entry
        f'<tr><th scope="row">{escape(html_word("rate", locale))}</th>'
        f"<td>{escape(f'{format_figure(rate.rate, locale)}, {_basis(rate, locale)}')}, "
        f"{_source(rate)}</td>"
        f"<td>{escape(rate.id)}</td></tr>"
        for rate in ratio.rates
    )
    return (
        f"{_STYLE}<p>{escape(describe(ratio, locale))}</p>"
        f'<table class="debt-ledger"><tbody>{rows}{rates}</tbody></table>'
    )


def _ratio_rows(ratio: Ratio, locale: str) -> list[tuple[str, str, tuple[EntryBase, ...]]]:
    """The ratio's rows (label, text, entries), a net debt in the direction its value gives."""
    top, value, top_label = ratio.numerator, ratio.value, ratio.numerator_label
    _, low, high = value.magnitudes
    owed = low is not None and low >= 0
    if ratio.net and not owed and high is not None and high <= 0:
        top, value, top_label = -top, -value, html_word("net claim", locale)
        owed = True
    if owed:
        top_text, value_text = format_ratio(top, locale), format_ratio(value, locale)
    else:
        debt, claim = label("net debt", locale), html_word("net claim", locale)
        top_text = _both_ways(top, locale, debt, claim)
        value_text = _both_ways(value, locale, debt, claim)
    return [
        (top_label, top_text, ratio.numerator_entries),
        (
            ratio.denominator_label,
            format_ratio(ratio.denominator, locale),
            ratio.denominator_entries,
        ),
        (html_word("ratio", locale), value_text, ()),
    ]


#: A ratio's labels that are words of the faces, not headings.
_RATIO_WORDS = {"net claim": "net claim", "migrants": "migrants count"}


def ratio_label(text: str, locale: str = "en_US") -> str:
    """A ratio's label (``remittances``, ``net debt``, ``migrants``, ...) in the locale's
    words; a label of the caller's own comes back as it was.

    >>> ratio_label("migrants", "ru_RU"), ratio_label("net debt", "tg_TJ")
    ('мигранты', 'қарзи холис')
    """
    if text in _RATIO_WORDS:
        return html_word(_RATIO_WORDS[text], locale)
    try:
        return label(text, locale)
    except LedgerError:  # not a heading word: the ratio's own label, as it came
        return text


def _basis(rate: Rate, locale: str) -> str:
    if rate.period_start is not None:
        start, end = rate.period_start.isoformat(), rate.as_of.isoformat()
        return html_word("average", locale, start=start, end=end)
    return html_word(rate.basis, locale, date=rate.as_of.isoformat())


def transfers_html(transfers: Iterable[Transfer], locale: str = "en_US") -> str:
    """Settlement transfers as a table of payer, payee and amount."""
    names = getattr(transfers, "names", None)
    rows = "".join(
        f"<tr><td>{escape(party_name(t.payer, locale, names))}</td>"
        f"<td>{escape(party_name(t.payee, locale, names))}</td>"
        f"<td>{escape(format_figure(t.amount, locale))}</td></tr>"
        for t in transfers
    )
    return (
        f'{_STYLE}<table class="debt-ledger">{_heads(locale, "payer", "payee", "amount")}'
        f"<tbody>{rows}</tbody></table>"
    )


def conversion_html(conversion: Conversion, locale: str = "en_US") -> str:
    """A conversion: the figure as it came and as converted, then each rate it used (times or
    divided by, id, basis and date, the source's words and the source).

    >>> import ledger as lg
    >>> from datetime import date
    >>> kg = lg.example("kg-ru-2012")
    >>> found = lg.convert(lg.Figure.of("500 million USD"), "KGS", rates=kg, on=date(2013, 10, 1))
    >>> "kgs-usd-2013-09-30" in conversion_html(found)
    True
    """
    original = format_figure(conversion.original, locale)
    if conversion.rate is None:
        code = currency_of(conversion.figure.unit) or ""
        result = html_word("already in", locale, currency=code)
    else:
        result = format_figure(conversion.figure, locale)
    heads = _heads(locale, "", "as asserted", "", "converted", "entry", "", "words", "source")
    rows = "".join(_rate_rows(conversion, locale))
    return (
        f'{_STYLE}<table class="debt-ledger">{heads}<tbody>'
        f"<tr><td></td><td>{escape(original)}</td><td></td><td>{escape(result)}</td>"
        f"<td colspan=4></td></tr>{rows}</tbody></table>"
    )


# -- pandas ---------------------------------------------------------------------------------

_FIGURE_FIELDS = ("amount", "migrants", "rate")
_FIGURE_PARTS = (
    "low",
    "high",
    "low_inclusive",
    "high_inclusive",
    "approximate",
    "qualifier",
    "places",
    "converted_from",
    "unit",
)
_FLOAT_REFUSAL = (
    "float {value!r} is not accepted: a binary float cannot hold most decimal amounts, so "
    "it may already be rounded; keep the column as Decimal or text (e.g. pandas.read_csv("
    "..., dtype=str))"
)


def _figure_columns(name: str, figure: Figure | None) -> dict[str, Any]:
    if figure is None:
        return {}
    return {
        name: None if figure.value is None else figure.value.magnitude,
        f"{name}_low": None if figure.low is None else figure.low.magnitude,
        f"{name}_high": None if figure.high is None else figure.high.magnitude,
        f"{name}_low_inclusive": figure.low_inclusive,
        f"{name}_high_inclusive": figure.high_inclusive,
        f"{name}_approximate": figure.approximate,
        f"{name}_qualifier": figure.qualifier,
        f"{name}_places": figure.places,
        # The figure a rounded conversion came from, as the JSON of its file form.
        f"{name}_converted_from": None
        if figure.origin is None
        else json.dumps(figure_to_data(figure.origin)),
        # A pure number (a share) has no unit to write: it is named, so the cell is not blank.
        f"{name}_unit": unit_text(figure.unit) or "dimensionless",
    }


def _row(entry: EntryBase) -> dict[str, Any]:
    data = entry.model_dump(exclude={"source", *_FIGURE_FIELDS})
    source = entry.source
    data.update(
        {
            "source_publisher": source.publisher,
            "source_title": source.title,
            "source_date": source.date,
            "source_url": source.url,
            "source_place": source.place,
        }
    )
    if isinstance(data.get("origin"), tuple):
        data["origin"] = ",".join(data["origin"])
    for name in _FIGURE_FIELDS:
        data.update(_figure_columns(name, getattr(entry, name, None)))
    return data


def to_frame(book: Ledger) -> pandas.DataFrame:
    """One row per entry: amounts as ``Decimal`` in object columns, their unit in its own
    column, bounds, flags, qualifier and digits kept; the ledger's title, description and
    party names travel in ``frame.attrs["ledger"]``. Needs the ``frames`` extra (pandas)."""
    try:
        import pandas
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError(
            "to_frame needs pandas: python -m pip install 'debt-ledger[frames]'"
        ) from None
    frame = pandas.DataFrame([_row(entry) for entry in book], dtype=object)
    first = ["kind", "id", "as_of"]
    if len(frame.columns):
        frame = frame[[*first, *(c for c in frame.columns if c not in first)]]
    frame.attrs["ledger"] = {
        "title": book.title,
        "description": book.description,
        "parties": dict(book.parties),
    }
    return frame


def _present(value: Any) -> bool:
    """Whether a cell holds something: not None, NaN or empty text (as CSV readers leave)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return False
    if isinstance(value, Decimal):
        return not value.is_qnan()  # a signalling NaN is present, and refused as an amount
    try:
        return not bool(value != value)  # NaN is the one value not equal to itself
    except (TypeError, ValueError, ArithmeticError):
        return True


def _number(value: Any) -> Decimal:
    """An amount's number from a cell: Decimal, a whole number or text; never a float."""
    if isinstance(value, Decimal):
        return decimal(value)
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, str):
        return decimal(value)
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        raise AmountError(_FLOAT_REFUSAL.format(value=value))
    raise AmountError(f"{type(value).__name__} {value!r} is not a number")


def _whole(value: Any, key: str) -> int | None:
    """A whole number from a cell (pandas turns a column with gaps into floats: 2.0 is 2)."""
    if not _present(value):
        return None
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    raise AmountError(f"{key}: {value!r} is not a whole number")


def _flag(row: dict[str, Any], key: str, default: bool) -> bool:
    value = row.get(key)
    if not _present(value):
        return default
    if isinstance(value, (bool, numpy_bool_types())):
        return bool(value)
    words = {"true": True, "false": False}  # as CSV files write them
    if isinstance(value, str) and value.strip().lower() in words:
        return words[value.strip().lower()]
    raise AmountError(f"{key}: {value!r} is not true or false")


def numpy_bool_types() -> tuple[type, ...]:
    try:
        import numpy
    except ImportError:  # pragma: no cover - pandas brings numpy
        return ()
    return (numpy.bool_,)


def _figure_from_columns(name: str, row: dict[str, Any]) -> Figure | None:
    unit_cell = row.get(f"{name}_unit")
    if not _present(unit_cell):
        if _present(row.get(name)):
            raise AmountError(f"{name}_unit is missing: an amount needs its unit")
        return None
    unit = str(unit_cell)

    def amount(key: str) -> Any:
        value = row.get(key)
        if not _present(value):
            return None
        return ureg.Quantity(_number(value), parse_unit(unit))

    origin = row.get(f"{name}_converted_from")
    if _present(origin):
        data = figure_to_data(
            Figure(
                amount(name),
                low=amount(f"{name}_low"),
                high=amount(f"{name}_high"),
                low_inclusive=_flag(row, f"{name}_low_inclusive", True),
                high_inclusive=_flag(row, f"{name}_high_inclusive", True),
                approximate=_flag(row, f"{name}_approximate", False),
                places=_whole(row.get(f"{name}_places"), f"{name}_places"),
            )
        )
        return figure_from_data({**data, "converted_from": json.loads(str(origin))})
    qualifier = row.get(f"{name}_qualifier")
    qualifier = str(qualifier) if _present(qualifier) else None
    value, low, high = amount(name), amount(f"{name}_low"), amount(f"{name}_high")
    places = _whole(row.get(f"{name}_places"), f"{name}_places")
    if low is None and high is None and qualifier not in (None, "range", "unknown"):
        # A frame of one's own: an amount and the source's word for it.
        if value is None:
            raise AmountError(f"{name} is missing: {qualifier!r} needs an amount")
        return Figure.of(value, qualifier)
    figure = Figure(
        value,
        low=low,
        high=high,
        low_inclusive=_flag(row, f"{name}_low_inclusive", True),
        high_inclusive=_flag(row, f"{name}_high_inclusive", True),
        approximate=_flag(row, f"{name}_approximate", False),
        qualifier="estimated" if qualifier == "estimated" else None,
        places=places,
    )
    if qualifier is not None and qualifier != figure.qualifier:
        raise AmountError(
            f"{name}_qualifier says {qualifier!r} but the amount columns read as "
            f"{figure.qualifier!r} ({figure})"
        )
    return figure


def from_frame(frame: pandas.DataFrame, *, title: str | None = None) -> Ledger:
    """A ledger from a frame made by :func:`to_frame` (or one shaped like it): every entry
    as it was, and the title, description and party names from ``frame.attrs["ledger"]``.

    Amount columns hold ``Decimal``, whole numbers or text, never floats; a bad cell is
    refused with its row, entry id and column, and nothing is loaded.
    """
    entries = []
    problems: list[Problem] = []
    for index, raw in enumerate(frame.to_dict(orient="records")):
        row = {str(key): value for key, value in raw.items() if _present(value)}
        where = f"row {index}" + (f" ({row['id']})" if isinstance(row.get("id"), str) else "")
        data, found = _entry_data(row, where)
        problems += found
        if data is not None:
            entries.append(data)
    if problems:
        raise LedgerFileError(problems)
    attrs = getattr(frame, "attrs", {}).get("ledger", {})
    return Ledger(
        entries,
        title=title if title is not None else attrs.get("title"),
        description=attrs.get("description"),
        parties=attrs.get("parties"),
    )


def _entry_data(row: dict[str, Any], where: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """One row as an entry's data, and what is wrong with it (row, entry id and column)."""
    problems: list[Problem] = []
    data: dict[str, Any] = {
        key: value
        for key, value in row.items()
        if not key.startswith("source_") and not key.startswith(_FIGURE_FIELDS)
    }
    try:
        data["source"] = Source(
            publisher=row.get("source_publisher"),
            title=row.get("source_title"),
            date=_as_date(row.get("source_date")),
            url=row.get("source_url"),
            place=row.get("source_place"),
        )
    except (ValueError, TypeError) as error:
        return None, [Problem(None, where, "source", str(error).splitlines()[0])]
    try:
        data["as_of"] = _as_date(data.get("as_of"))
    except ValueError as error:
        return None, [Problem(None, where, "as_of", str(error))]
    if "origin" in data:
        data["origin"] = tuple(str(data["origin"]).split(","))
    for key in ("fiscal_year", "year"):  # a budget's, a GDP's
        try:
            if key in data:
                data[key] = _whole(data[key], key)
        except LedgerError as error:
            problems.append(Problem(None, where, key, str(error)))
    if "period_start" in data:  # a rate's, read back as the date it was
        try:
            data["period_start"] = _as_date(data["period_start"])
        except ValueError as error:
            problems.append(Problem(None, where, "period_start", str(error)))
    for name in _FIGURE_FIELDS:
        try:
            figure = _figure_from_columns(name, row)
        except LedgerError as error:
            problems.append(Problem(None, where, name, str(error)))
            continue
        if figure is not None:
            data[name] = figure
    return data, problems


def _as_date(value: Any) -> date:
    if not _present(value):
        raise ValueError("missing; a date such as 2004-03-15 is needed")
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    if hasattr(value, "date"):
        return value.date()  # type: ignore[no-any-return]
    return date.fromisoformat(str(value))


def series_html(series: Series, locale: str = "en_US") -> str:
    """A series as a table, one row per year asked: the figure in words, the entries behind it
    with their sources; a missing year says "missing" and why, never a zero."""
    rows = "".join(_series_row(point, series, locale) for point in series.points)
    question = weighed(series.question, locale, series.names)
    party = party_name(series.party, locale, series.names)
    caption = escape(html_word("series caption", locale, question=question, party=party))
    heads = "".join(
        f"<th>{escape(html_word(key, locale))}</th>"
        for key in ("year", "figure", "entries column", "sources column")
    )
    return (
        f'{_STYLE}<table class="debt-ledger"><caption>{caption}</caption>'
        f"<thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table>"
    )


def _series_row(point: Point, series: Series, locale: str) -> str:
    if point.figure is None:  # why: the library's English words, said in English only
        missing = f"<em>{escape(html_word('missing', locale))}</em>"
        if language_of(locale_of(locale)) == "en":
            missing += f": {escape(point.missing or '')}"
        elif point.reasons:
            missing += f": {escape(why_missing(point, locale, series.names))}"
        return f"<tr><td>{point.year}</td><td>{missing}</td><td></td><td></td></tr>"
    ids = ", ".join(escape(entry.id) for entry in (*point.entries, *point.rates))
    sources = "; ".join(dict.fromkeys(_source(e) for e in (*point.entries, *point.rates)))
    text = format_ratio(point.figure, locale)
    if isinstance(point.detail, Ratio):  # the year's sentence: a net creditor said as one
        text = describe(point.detail, locale)
    elif point.note:  # English keeps the library's own words (party codes), as ever
        english = language_of(locale_of(locale)) == "en"
        note = point.note if english else year_note(point.note, series.party, locale, series.names)
        text += f" ({note})"
    return f"<tr><td>{point.year}</td><td>{escape(text)}</td><td>{ids}</td><td>{sources}</td></tr>"


def series_frame(series: Series) -> pandas.DataFrame:
    """A tidy frame of a series, one row per year: ``year, value, low, high, low_inclusive,
    high_inclusive, approximate, qualifier, currency, unit, places, sources, entries,
    missing``.
    Amounts are ``Decimal`` (object columns); a missing year has empty figure cells and says
    why in ``missing``. Needs the ``frames`` extra (pandas)."""
    try:
        import pandas
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError(
            "to_frame needs pandas: python -m pip install 'debt-ledger[frames]'"
        ) from None
    rows = [_series_frame_row(series, point) for point in series.points]
    frame = pandas.DataFrame(rows, columns=list(_SERIES_COLUMNS), dtype=object)
    frame["year"] = frame["year"].astype("int64")
    frame.attrs["series"] = {"party": series.party, "what": series.label}
    return frame


_SERIES_COLUMNS = (
    "year",
    "value",
    "low",
    "high",
    "low_inclusive",
    "high_inclusive",
    "approximate",
    "qualifier",
    "currency",
    "unit",
    "places",
    "sources",
    "entries",
    "missing",
)


def _series_frame_row(series: Series, point: Point) -> dict[str, Any]:
    figure = point.figure
    row: dict[str, Any] = dict.fromkeys(_SERIES_COLUMNS)
    row.update(year=point.year, missing=point.missing)
    if figure is None:
        return row
    value, low, high = figure.magnitudes
    row.update(
        value=value,
        low=low,
        high=high,
        low_inclusive=figure.low_inclusive if low is not None else None,
        high_inclusive=figure.high_inclusive if high is not None else None,
        approximate=figure.approximate,
        qualifier=figure.qualifier,
        currency=currency_of(figure.unit),
        unit=unit_text(figure.unit),
        places=figure.places,
        sources="; ".join(f"{s.publisher}, {s.date.isoformat()}" for s in point.sources),
        entries=", ".join(e.id for e in (*point.entries, *point.rates)),
    )
    return row


provide("html.series", series_html)
provide("frame.series", series_frame)
provide("html.figure", figure_html)
provide("html.balance", balance_html)
provide("html.ratio", ratio_html)
provide("html.transfers", transfers_html)
provide("html.conversion", conversion_html)
provide("html.ledger", ledger_html)
provide("frame.to", to_frame)
provide("frame.from", from_frame)
