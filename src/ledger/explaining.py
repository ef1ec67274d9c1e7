"""``explain()`` in the reader's language: the arithmetic behind a net balance, a conversion, a
ratio, a series, a present value, a grant element and what a restructuring gave up, line by
line, each entry with its id, who asserted it and its source's own words.

A face, like the notebook HTML: each result's ``explain(locale=None)`` asks a hook
(``explain.balance``...) that this module fills, so the core never imports the words. With no
locale the text is the English it has always been (party codes, plain digits); with one, its
words come from the locale's catalog (``ledger.words.EXPLAIN``), parties by name, figures in
its numbers (all their digits: ``format_figure(..., style="full")``).

>>> import ledger as lg
>>> from datetime import date
>>> balance = lg.net_balance(lg.example(), "TJ", "RU", as_of=date(2004, 3, 15))
>>> print(balance.explain(locale="ru_RU").splitlines()[0].replace("\xa0", " "))
должник: Таджикистан; кредитор: Россия; нетто на 2004-03-15: около 250 000 000 $
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import Any

from babel import Locale
from babel.numbers import format_decimal, format_percent

from .concessional import Discounted, Forgiven, GrantElement, PresentValue
from .entries import EntryBase, Rate, Settlement
from .faces import provide
from .figures import Figure
from .formatting import format_figure, format_ratio
from .fx import Conversion
from .netting import ZERO_STATUSES, NetBalance, NetLine
from .ratios import Ratio
from .terms import rate_text
from .units import Quantity, currency_of
from .words import (
    EXPLAIN,
    EXPLAIN_LABELS,
    HTML_WORDS,
    LABELS,
    QUALIFIED,
    RANGE,
    UNKNOWN,
    PartyNames,
    locale_of,
    party_name,
    reason_text,
)
from .words import say as words_say
from .yearly import Point, Series

__all__ = [
    "balance_text",
    "conversion_text",
    "forgiven_text",
    "grant_element_text",
    "present_value_text",
    "ratio_text",
    "series_text",
    "weighed",
    "why_missing",
    "year_note",
]


class _Speaker:
    """How one explanation speaks: English as it always has (``locale`` ``None``: codes,
    plain digits, the messages as written), or the words and numbers of a locale."""

    def __init__(self, locale: str | Locale | None, names: Mapping[str, Any] | None = None):
        self.where = None if locale is None else locale_of(locale)
        self.names = dict(names or {})

    def __call__(self, key: str, **values: object) -> str:
        """An ``EXPLAIN`` message, its blanks filled."""
        return self.message(EXPLAIN[key], **values)

    def message(self, message: str, **values: object) -> str:
        shown = {name: str(value) for name, value in values.items()}
        if self.where is None:
            return message.format(**shown)
        return words_say(self.where, message, **shown)

    def figure(self, figure: Figure) -> str:
        if self.where is None:
            return str(figure)
        return format_figure(figure, self.where, "full")

    def party(self, code: str) -> str:
        if self.where is None:
            return code
        return party_name(code, self.where, self.names)

    def word(self, raw: str) -> str:
        """A status or a settlement's method (``written_off``): as written in English, the
        HTML faces' word elsewhere."""
        if self.where is None or raw not in HTML_WORDS:
            return raw
        return words_say(self.where, HTML_WORDS[raw])

    def label(self, text: str) -> str:
        """What a ratio or series weighs ("net debt", "debt to RU", "remittances / budget")."""
        if self.where is None:
            return text
        if text in EXPLAIN_LABELS:
            return words_say(self.where, EXPLAIN_LABELS[text])
        for message in EXPLAIN_LABELS.values():
            if message == text and "{" not in message:  # a question as English says it
                return words_say(self.where, message)
        if " / " in text:
            top, bottom = text.split(" / ", 1)
            return self.message(
                EXPLAIN_LABELS["{top} / {bottom}"], top=self.label(top), bottom=self.label(bottom)
            )
        owed = re.fullmatch(r"(net debt|debt) to (\S+)", text)
        if owed:
            return self.message(
                EXPLAIN_LABELS[f"{owed.group(1)} to {{party}}"], party=self.party(owed.group(2))
            )
        return text

    def number(self, number: Decimal, places: int | None = None) -> str:
        """A number of a table, with its digits (``places`` after the point)."""
        if places is None:
            places = max(0, -int(number.as_tuple().exponent))
        if self.where is None:
            return f"{number:,.{places}f}"
        pattern = "#,##0" + ("." + "0" * places if places else "")
        return format_decimal(number, format=pattern, locale=self.where)

    def percent(self, rate: Figure) -> str:
        """A rate a year ("0.75%", "about 2%", "1%–2%")."""
        if self.where is None:
            return rate_text(rate)
        value, low, high = rate.magnitudes

        def pct(x: Decimal) -> str:
            return format_percent(x, locale=self.where, decimal_quantization=False)

        q = rate.qualifier
        if value is not None and q in ("exact", "about", "estimated"):
            text = pct(value)
            word = "estimated" if q == "estimated" else "about"
            return self.message(QUALIFIED[word], amount=text) if rate.approximate else text
        if low is not None and high is not None:
            text = self.message(RANGE, low=pct(low), high=pct(high))
            return self.message(QUALIFIED["about"], amount=text) if rate.approximate else text
        bound = low if low is not None else high
        return self.message(QUALIFIED.get(q, QUALIFIED["about"]), amount=pct(bound or Decimal(0)))


def _cited(entry: EntryBase, quote: bool = True) -> str:
    """An entry's source as explain() cites it: its words, if any, then publisher and date."""
    source = entry.source
    cite = f"({source.publisher}, {source.date.isoformat()})"
    words = getattr(entry, "quote", None) if quote else None
    return f'"{words}" {cite}' if words else cite


# -- a net balance -----------------------------------------------------------------------------


def balance_text(balance: NetBalance, locale: str | Locale | None = None) -> str:
    """The arithmetic of a net balance, line by line (see :meth:`NetBalance.explain`)."""
    if balance.direction < 0:
        balance = -balance
    say = _Speaker(locale, balance.names)
    out = [_headline(balance, say)]
    for line in balance.lines:
        out += _claim_lines(line, say)
    if any(conversion.rate is not None for conversion in balance.conversions):
        for conversion in balance.conversions:
            code = currency_of(conversion.original.unit)
            out.append(f"  {say('net in', currency=code, conversion=_conversion(conversion, say))}")
    out.append(f"  = {say.figure(balance.amount)}")
    return "\n".join(out)


def _headline(balance: NetBalance, say: _Speaker) -> str:
    day = balance.as_of.isoformat()
    debtor, creditor = say.party(balance.debtor), say.party(balance.creditor)
    amount = balance.amount
    if balance.direction > 0:
        said = say.figure(amount)
        return say("owes", debtor=debtor, creditor=creditor, day=day, amount=said)
    owed = _at_most(amount, amount.high, amount.high_inclusive, say)
    back = _at_most(amount, None if amount.low is None else -amount.low, amount.low_inclusive, say)
    return say("unknown", day=day, debtor=debtor, creditor=creditor, owed=owed, back=back)


def _claim_lines(line: NetLine, say: _Speaker) -> list[str]:
    claim = line.claim
    sign = "+" if line.sign > 0 else "-"
    what = say(
        "claim on",
        creditor=say.party(claim.creditor),
        debtor=say.party(claim.debtor),
        asserted_by=say.party(claim.asserted_by),
    )
    if claim.counter_to:
        what = say("counter to", claim=what, counter=claim.counter_to)
    if claim.status in ZERO_STATUSES:
        what = say("counts as zero", claim=what, status=say.word(claim.status))
    out = [f"  {sign} {say.figure(line.counted)}  {claim.id}: {what}", f"      {_cited(claim)}"]
    if line.settlements or line.conversion is not None or line.counted != claim.amount:
        out.append(f"      {say('as asserted', amount=say.figure(claim.amount))}")
    if line.settlements:
        for s in line.reductions:
            out.append(
                f"      - {say.figure(s.amount)}  {s.id}: {say.word(s.method)}, "
                f"{s.as_of.isoformat()} {_cited(s, quote=False)}"
            )
        out.append(f"      = {say('outstanding', amount=say.figure(line.outstanding))}")
    if line.conversion is not None and line.conversion.rate is not None:
        out.append(f"      {say('converted', conversion=_conversion(line.conversion, say))}")
    return out


def _at_most(amount: Figure, bound: Quantity | None, inclusive: bool, say: _Speaker) -> str:
    """At most what one side of a balance spanning zero may owe, or "an unknown amount"."""
    if bound is None:
        return say.message(UNKNOWN)
    side = Figure(
        None,
        high=bound,
        high_inclusive=inclusive,
        approximate=amount.approximate,
        places=amount.places,
    )
    return say.figure(side)


# -- a conversion ------------------------------------------------------------------------------


def conversion_text(conversion: Conversion, locale: str | Locale | None = None) -> str:
    """A conversion as one line of arithmetic (see :meth:`Conversion.explain`)."""
    return _conversion(conversion, _Speaker(locale))


def _conversion(conversion: Conversion, say: _Speaker) -> str:
    if conversion.rate is None:
        currency = currency_of(conversion.figure.unit)
        return say("already in", amount=say.figure(conversion.original), currency=currency)
    op = "÷" if conversion.inverted else "×"
    rate = conversion.rate
    first = f"{say.figure(conversion.original)} {op} {say.figure(rate.rate)} ({_rate(rate, say)})"
    if conversion.via is not None:
        return say("then", first=first, second=_conversion(conversion.via, say))
    return f"{first} = {say.figure(conversion.figure)}"


def _rate(rate: Rate, say: _Speaker) -> str:
    """A rate's id, basis, date and source (``fx.describe_rate``'s words)."""
    if rate.period_start is not None:
        how = say("average over", start=rate.period_start.isoformat(), end=rate.as_of.isoformat())
    else:
        how = say(f"basis {rate.basis}", date=rate.as_of.isoformat())
    return say("rate", id=rate.id, how=how, publisher=rate.source.publisher)


# -- a ratio -----------------------------------------------------------------------------------


def ratio_text(ratio: Ratio, locale: str | Locale | None = None) -> str:
    """The division, each entry with its source's words (see :meth:`Ratio.explain`)."""
    say = _Speaker(locale, ratio.names)
    return "\n".join(_ratio_lines(ratio, say))


def _ratio_value(ratio: Ratio, say: _Speaker) -> str:
    """A ratio's value: every digit in English, as the reader's sentences say it elsewhere."""
    if say.where is None:
        return str(ratio.value)
    return format_ratio(ratio.value, say.where)


def _ratio_lines(ratio: Ratio, say: _Speaker) -> list[str]:
    when = say("as of", day=ratio.as_of.isoformat())
    if ratio.numerator.is_stock and ratio.denominator_label.startswith("budget"):
        if ratio.year is not None and ratio.year != ratio.as_of.year:  # a debt that day
            when = say("budget of", year=ratio.year, when=when)
    elif ratio.year is not None and ratio.as_of != date(ratio.year, 12, 31):
        when = say("figures for", year=ratio.year, when=when)
    value = _ratio_value(ratio, say)
    question = say.label(_asked(ratio.question))
    out = [
        say("ratio head", question=question, party=say.party(ratio.party), when=when, value=value)
    ]
    out += _sign_note(ratio, say)
    top = say.figure(ratio.numerator)
    out.append(f"  {say('label', label=say.label(ratio.numerator_label), figure=top)}")
    out += [_cite(entry, say) for entry in ratio.numerator_entries]
    out += [f"      {say('converted', conversion=_conversion(c, say))}" for c in ratio.conversions]
    denominator = say.figure(ratio.denominator)
    out.append(f"  {say('label', label=say.label(ratio.denominator_label), figure=denominator)}")
    out += [_cite(entry, say) for entry in ratio.denominator_entries]
    if ratio.rates:
        out.append(f"  {say('rates')}")
        out += [f"      {say.figure(rate.rate)}: {_rate(rate, say)}" for rate in ratio.rates]
    out.append(f"  = {top} / {denominator} = {value}")
    return out


def _asked(question: str) -> str:
    """A question's name as English says it: "remittances to GDP"."""
    return question.replace("_", " ").replace(" gdp", " GDP")


def _sign_note(ratio: Ratio, say: _Speaker) -> list[str]:
    """What a net debt below zero means, said where the arithmetic shows one."""
    _, low, high = ratio.value.magnitudes
    if not ratio.net or (low is not None and low >= 0):
        return []
    what = say("net creditor", party=say.party(ratio.party))
    if high is None or high > 0:
        return [f"  {say('maybe below zero', what=what)}"]
    return [f"  {say('below zero', what=what)}"]


_DONE = {"payment": "paid", "write_off": "written off"}
_REDUCED = {
    "payment": "{amount} paid ({dates})",
    "write_off": "{amount} written off ({dates})",
    "asset_transfer": "{amount} paid in assets ({dates})",
    "debt_swap": "{amount} swapped ({dates})",
}


def _cite(entry: EntryBase, say: _Speaker) -> str:
    cited = f"{entry.id}: {_cited(entry)}"
    if not isinstance(entry, Settlement):
        return f"      {cited}"
    day = entry.as_of.isoformat()
    if say.where is None:
        done = _DONE.get(entry.method, entry.method.replace("_", " "))
        reduction = f"{entry.amount} {done} ({day})"
    else:
        reduction = say.message(_REDUCED[entry.method], amount=say.figure(entry.amount), dates=day)
    return f"      {say('less', reduction=reduction)}: {cited}"


# -- a series ----------------------------------------------------------------------------------


def series_text(series: Series, locale: str | Locale | None = None) -> str:
    """Each year's figure with what it rests on, or why it is missing (see
    :meth:`Series.explain`)."""
    say = _Speaker(locale, series.names)
    span = f"{series.years[0]}-{series.years[-1]}" if series.points else say("no years")
    question = say.label(series.question)
    out = [say("series head", question=question, party=say.party(series.party), span=span)]
    for p in series.points:
        if isinstance(p.detail, Ratio):
            lines = _ratio_lines(p.detail, say)
            out.append(f"  {p.year}: {lines[0]}")
            out += [f"  {line}" for line in lines[1:]]
        elif p.detail is not None:
            lines = p.detail.explain().splitlines()
            out.append(f"  {p.year}: {lines[0]}")
            out += [f"  {line}" for line in lines[1:]]
        elif p.figure is None:
            out.append(f"  {p.year}: {_missing(p, say)}")
        else:
            out.append(f"  {p.year}: {say.figure(p.figure)}")
            out += [f"      {_note(p.note, series.party, say)}"] if p.note else []
            out += [_cite(e, say) for e in p.entries]
            out += [
                f"      {say('converted', conversion=_conversion(c, say))}" for c in p.conversions
            ]
            out += [f"      {say.figure(rate.rate)}: {_rate(rate, say)}" for rate in p.rates]
    return "\n".join(out)


def weighed(text: str, locale: str | Locale | None = None, names: PartyNames | None = None) -> str:
    """What a ratio or series weighs ("net debt to RU", "remittances / budget") in the
    locale's words (English: as written).

    >>> weighed("net debt to RU", "ru_RU"), weighed("remittances / budget", "kk_KZ")
    ('чистый долг (кредитор: Россия)', 'ақша аударымдары / бюджет')
    """
    return _Speaker(locale, names).label(text)


def why_missing(point: Point, locale: str | Locale, names: PartyNames | None = None) -> str:
    """Why a series' year is missing, in the locale's words ("missing" alone where the year
    gives no reason a catalog holds)."""
    say = _Speaker(locale, names)
    if not point.reasons:
        return say.message(HTML_WORDS["missing"])
    return _reasons(point, say)


def year_note(
    note: str, party: str, locale: str | Locale | None = None, names: PartyNames | None = None
) -> str:
    """A series year's note on a net debt below zero, in the locale's words."""
    return _note(note, party, _Speaker(locale, names))


def _missing(point: Point, say: _Speaker) -> str:
    """Why a year is missing: yearly's English words, or its reasons in the locale's (where
    it gives none, that it is missing)."""
    if say.where is None:
        return say("missing", why=point.missing)
    if not point.reasons:
        return words_say(say.where, LABELS["missing"])
    return say("missing", why=_reasons(point, say))


def _reasons(point: Point, say: _Speaker) -> str:
    assert say.where is not None
    return "; ".join(
        (f"{say.label(label)}: " if label else "") + reason_text(said, say.where, say.names)
        for label, said in point.reasons
    )


def _note(note: str, party: str, say: _Speaker) -> str:
    """A year's note on a net debt below zero (``yearly``'s English words), in the locale."""
    if say.where is None:
        return note
    what = say("net creditor", party=say.party(party))
    if note.startswith("direction unknown"):
        return say("maybe below zero series", what=what)
    return say("below zero", what=what)


# -- a present value, a grant element, what was given up ---------------------------------------


def present_value_text(
    value: PresentValue, locale: str | Locale | None = None, column: str = "payment"
) -> str:
    """Each discounted payment, then the sum (see :meth:`PresentValue.explain`)."""
    say = _Speaker(locale)
    day = value.on.isoformat() if value.on is not None else say("the disbursement day")
    per = say("a year" if value.compounding == "annual" else "a year, per period")
    rate = say.percent(value.rate)
    out = [say("present value", day=day, rate=rate, per=per, value=say.figure(value.value))]
    keys = ("date", "years", column, "factor", "present value column")
    heads = [say(key) if key in EXPLAIN else key for key in keys]
    out.append(f"  {heads[0]:<10}  {heads[1]:>6}  {heads[2]:>20}  {heads[3]:>14}  {heads[4]:>20}")
    for line in value.lines:
        out.append(_discounted(line, say))
    undiscounted, discounted = say.figure(value.undiscounted), say.figure(value.value)
    out.append(f"  {say('sums', undiscounted=undiscounted, discounted=discounted)}")
    if value.exact_payments:
        out.append(f"  {say('exact payments')}")
    return "\n".join(out)


def _discounted(line: Discounted, say: _Speaker) -> str:
    shown = line.date.isoformat() if line.date is not None else ""
    years = _years(line.years, say)
    amount, value = say.number(line.amount), say.number(line.value)
    factor = say.number(line.factor, 10)
    text = f"  {shown:<10}  {years:>6}  {amount:>20}  {factor:>14}  {value:>20}  {_what(line, say)}"
    return text + (f" {say('carried forward')}" if line.years < 0 else "")


def _years(years: Fraction, say: _Speaker) -> str:
    exact = Decimal(years.numerator) / Decimal(years.denominator)
    shown = exact.quantize(Decimal("0.001"), ROUND_HALF_EVEN).normalize()
    if say.where is None:
        return f"{shown:f}"
    return format_decimal(shown, locale=say.where, decimal_quantization=False)


def _what(line: Discounted, say: _Speaker) -> str:
    """What a discounted payment is ("payment 3", "principal 10 + interest 2")."""
    if say.where is None or not line.said:
        return line.what
    kind, *parts = line.said
    if kind == "payment number":
        return say("payment number", number=parts[0])
    if kind == "principal and interest":
        principal, interest = (say.number(Decimal(part)) for part in parts)
        return say("principal and interest", principal=principal, interest=interest)
    ident, method = parts
    return f"{ident} ({say.word(method)})"


def grant_element_text(grant: GrantElement, locale: str | Locale | None = None) -> str:
    """The grant element's arithmetic, then its present value's."""
    say = _Speaker(locale)
    if say.where is None:
        value = say.figure(grant.value)
    else:
        value = format_ratio(grant.value, say.where, as_percent=True)
    face, present = say.figure(grant.face), say.figure(grant.present_value.value)
    head = say("grant element", value=value, face=face, present=present)
    return f"{head}\n{present_value_text(grant.present_value, locale)}"


def forgiven_text(forgiven: Forgiven, locale: str | Locale | None = None) -> str:
    """What a restructuring gave up, at face and in present value, then each write-off."""
    say = _Speaker(locale, forgiven.names)
    claim = forgiven.claim
    head = say(
        "given up",
        id=claim.id,
        creditor=say.party(claim.creditor),
        debtor=say.party(claim.debtor),
        face=say.figure(forgiven.face),
        value=say.figure(forgiven.value),
    )
    return f"{head}\n{present_value_text(forgiven.present_value, locale, 'written off')}"


provide("explain.figure", format_figure)  # a figure in a refusal's reason (words.reason)
provide("explain.balance", balance_text)
provide("explain.conversion", conversion_text)
provide("explain.ratio", ratio_text)
provide("explain.series", series_text)
provide("explain.present_value", present_value_text)
provide("explain.grant_element", grant_element_text)
provide("explain.forgiven", forgiven_text)
