"""Words in the reader's language: locales, the gettext catalogs and every message the
library says, CLDR tables babel does not publish, headings, and party names.

Qualifier words and sentence patterns come from gettext catalogs for ``en``, ``ru`` and ``tg``
under ``ledger/locale`` (kept with babel's own ``pybabel extract/update/compile``, which read
this file); a locale without a catalog gets English words with its own number formats.

>>> say(locale_of("ru_RU"), QUALIFIED["about"], amount="300")
'около 300'
"""

from __future__ import annotations

import gettext
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.support import Translations

from .errors import LedgerError

__all__ = [
    "DOMAIN",
    "LOCALE_DIR",
    "LocaleError",
    "catalog",
    "cldr",
    "label",
    "locale_of",
    "party_name",
    "root_locale",
    "say",
    "say_chained",
    "say_in",
]


LOCALE_DIR = Path(__file__).parent / "locale"


DOMAIN = "ledger"


class LocaleError(LedgerError, ValueError):
    """A locale that CLDR does not know, or a style that does not exist."""


def _(message: str) -> str:
    """Marks a message for extraction (``pybabel extract -k _ -k _p:1c,2``)."""
    return message


def _p(context: str, message: str) -> tuple[str, str]:
    """Marks a message with a context (one context per CLDR plural category)."""
    return context, message


def locale_of(name: str | Locale) -> Locale:
    """The CLDR locale for a code such as ``"ru_RU"`` (or ``"ru-RU"``); an unknown one is
    refused with a :class:`LocaleError` that says what is accepted."""
    if isinstance(name, Locale):
        return name
    if not isinstance(name, str) or not name.strip():
        raise LocaleError(
            f"locale {name!r} is not a locale code; use a code such as 'en_US', 'ru_RU' or 'tg_TJ'"
        )
    return _parsed_locale(name)


@lru_cache(maxsize=64)
def _parsed_locale(name: str) -> Locale:
    try:
        return Locale.parse(name.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError) as error:
        raise LocaleError(
            f"locale {name!r} is not known to CLDR ({error}); use a code such as 'en_US', "
            "'ru_RU' or 'tg_TJ'"
        ) from None


def cldr(locale: Locale, table: str) -> Any:
    """A CLDR table babel holds for ``locale`` but does not publish as a property (unit and
    currency-unit patterns): the one place that reads babel's ``Locale._data``.

    >>> cldr(Locale.parse("ru"), "unit_patterns")["duration-year"]["long"]["per"]
    '{0} в год'
    """
    return locale._data[table]


@lru_cache(maxsize=64)
def catalog(locale: Locale) -> gettext.NullTranslations:
    return Translations.load(str(LOCALE_DIR), [str(locale), locale.language], DOMAIN)


def say(locale: Locale, message: str, **values: str) -> str:
    return catalog(locale).gettext(message).format(**values)


def say_chained(locale: Locale, first: str, steps: list[tuple[str, str]]) -> str:
    """What ``say`` gives applied step by step, each result the next ``first``: ``steps`` are
    (message with ``{first}`` and ``{second}``, the second). Built once, in time linear in the
    text: formatting the growing sentence again at every step was quadratic (issue 14).

    >>> steps = [("{first} plus {second}", "b"), ("{first} less {second}", "c")]
    >>> say_chained(Locale("en"), "a", steps)
    'a plus b less c'
    """
    left: list[str] = []  # the text before the first, innermost last
    right: list[str] = []  # the text after it, in order
    for message, second in steps:
        pieces = _pieces(catalog(locale).gettext(message))
        if pieces is None:  # a message of another shape: said as it is, the whole so far
            first = "".join([*reversed(left), first, *right])
            left, right = [], []
            first = say(locale, message, first=first, second=second)
            continue
        head, middle, tail, first_first = pieces
        if first_first:
            left.append(head)
            right += [middle, second, tail]
        else:
            left.append(f"{head}{second}{middle}")
            right.append(tail)
    return "".join([*reversed(left), first, *right])


@lru_cache(maxsize=64)
def _pieces(pattern: str) -> tuple[str, str, str, bool] | None:
    """A pattern that holds ``{first}`` and ``{second}`` once each and no other braces, cut
    around them: (before, between, after, whether ``{first}`` comes first); else ``None``."""
    if pattern.count("{") != 2 or pattern.count("}") != 2:
        return None
    if pattern.count("{first}") != 1 or pattern.count("{second}") != 1:
        return None
    at_first, at_second = pattern.index("{first}"), pattern.index("{second}")
    if at_first < at_second:
        head, rest = pattern.split("{first}")
        middle, tail = rest.split("{second}")
        return head, middle, tail, True
    head, rest = pattern.split("{second}")
    middle, tail = rest.split("{first}")
    return head, middle, tail, False


def say_in(locale: Locale, marked: tuple[str, str], **values: str) -> str:
    context, message = marked
    return catalog(locale).pgettext(context, message).format(**values)


# The messages, written out so that pybabel finds every one.
QUALIFIED = {
    "about": _("about {amount}"),
    "estimated": _("estimated {amount}"),
    "more_than": _("more than {amount}"),
    "at_least": _("at least {amount}"),
    "less_than": _("less than {amount}"),
    "at_most": _("at most {amount}"),
}


RANGE = _("{low}–{high}")


# A one-sided figure the source called approximate: no word order says both, so it is said.
APPROXIMATE = _("{text} (approximate)")


BOTH = _("{first} and {second}")


CENTRAL = _("{value} ({range})")


UNKNOWN = _("an unknown amount")


PER = {
    "year": _("{amount} per year"),
    "quarter": _("{amount} per quarter"),
    "month": _("{amount} per month"),
}


PER_PERSON = _("{amount} per person")


MULTIPLE = _("{number}×")


PEOPLE = {
    "zero": _p("people:zero", "{count} people"),
    "one": _p("people:one", "{count} person"),
    "two": _p("people:two", "{count} people"),
    "few": _p("people:few", "{count} people"),
    "many": _p("people:many", "{count} people"),
    "other": _p("people:other", "{count} people"),
}


# Years on their own ("1 year") and after a qualifier word ("about 1 year"), where Russian
# wants the genitive: "около 1 года", "около 5 лет".
YEARS = {
    "zero": _p("years:zero", "{count} years"),
    "one": _p("years:one", "{count} year"),
    "two": _p("years:two", "{count} years"),
    "few": _p("years:few", "{count} years"),
    "many": _p("years:many", "{count} years"),
    "other": _p("years:other", "{count} years"),
}


YEARS_QUALIFIED = {
    "zero": _p("qualified-years:zero", "{count} years"),
    "one": _p("qualified-years:one", "{count} year"),
    "two": _p("qualified-years:two", "{count} years"),
    "few": _p("qualified-years:few", "{count} years"),
    "many": _p("qualified-years:many", "{count} years"),
    "other": _p("qualified-years:other", "{count} years"),
}


NET = _("{debtor} owes {creditor} {amount} net: {details}.")


EVEN = _("{debtor} and {creditor} are even: {details}.")


CLAIM = _("{party}'s claim of {amount}")


COUNTERCLAIM = _("{party}'s counterclaim of {amount}")


PLUS = _("{first} plus {second}")


LESS = _("{first} less {second}")


NO_CLAIMS = _("no claims")


# A claim and what reduced it: each reduction dated with its kind ("$189M written off
# (2012-09-20)"); like reductions grouped ("3 × $30M paid (2013-09-20, 2014-09-20, ...)").
REDUCED = _("{claim} less {reductions}: {outstanding} outstanding")


REDUCTION = {
    "payment": _("{amount} paid ({dates})"),
    "write_off": _("{amount} written off ({dates})"),
    "asset_transfer": _("{amount} paid in assets ({dates})"),
    "debt_swap": _("{amount} swapped ({dates})"),
}


TIMES = _("{count} × {amount}")


# A claim its reductions leave nothing of, by the kind of them all (``other`` when mixed).
IN_FULL = {
    "payment": _("{claim}, paid in full by {date}: {reductions}"),
    "write_off": _("{claim}, written off in full by {date}: {reductions}"),
    "other": _("{claim}, settled in full by {date}: {reductions}"),
}


# A claim whose status makes it count as zero.
MARKED = {
    "settled": _("{claim}, marked settled"),
    "written_off": _("{claim}, marked written off"),
}


OWES_NOTHING = _("{debtor} owes {creditor} nothing outstanding: {details}.")


# A balance whose range spans zero: each direction with what it may come to, never a negative
# amount owed.
DIRECTION_UNKNOWN = _(
    "Direction unknown: {debtor} may owe {creditor} {first} net, or {creditor} may owe "
    "{debtor} {second}: {details}."
)


# A net debt that is never positive: the party is owed, net ("net creditor"), never a
# negative debt; and one whose range spans zero, with at most what each way may come to.
NET_CREDITOR = _("{party} is a net creditor: what it is owed, net, is {value} of its budget.")


NET_DEBT_UNKNOWN = _(
    "Direction unknown: {party}'s net debt may be {first} of its budget, or {party} may be a "
    "net creditor by {second} of its budget."
)


QUESTIONS = {
    "remittances_to_budget": _("Remittances to {party} are {value} its budget."),
    "debt_to_budget": _("{party}'s debt is {value} of its budget."),
    "net_debt_to_budget": _("{party}'s net debt is {value} of its budget."),
    "per_migrant": _("Remittances to {party} come to {value}."),
}


#: Words for headings and axes, looked up by :func:`label`.
LABELS = {
    "remittances": _("remittances"),
    "budget": _("budget"),
    "debt": _("debt"),
    "net debt": _("net debt"),
    "net": _("net"),
    "range": _("range of the figures (low to high)"),
    "millions per year": _("millions per year"),
    "millions": _("millions {currency}"),
    "years of budget": _("years of budget"),
    "entries": _("Entries ({count}):"),
    "balances": _("Net balances:"),
    "positions": _("Positions (positive: net creditor):"),
    "ratios": _("Ratios:"),
    "none": _("none"),
    "no ratios": _("none the data allows"),
    "nothing to settle": _("nothing to settle"),
    "unanswered": _("Not answered (what to add to the file):"),
    "direction unknown": _("direction unknown"),
}


@lru_cache(maxsize=1)
def root_locale() -> Locale:
    return Locale.parse("root")


def label(key: str, locale: str | Locale = "en_US", **values: object) -> str:
    """A heading or axis word in the locale (``label("budget", "ru_RU")`` is ``бюджет``)."""
    if key not in LABELS:
        raise LedgerError(f"no label {key!r}; labels: {', '.join(map(repr, LABELS))}")
    return say(locale_of(locale), LABELS[key], **{k: str(v) for k, v in values.items()})


def party_name(
    party: str, locale: str | Locale = "en_US", names: dict[str, str] | None = None
) -> str:
    """A party's name in the locale: CLDR's for a state, the ledger's own for others.

    >>> party_name("TJ", "tg_TJ"), party_name("RU", "ru_RU")
    ('Тоҷикистон', 'Россия')
    """
    if not isinstance(party, str):
        raise LedgerError(
            f"party {party!r} is not a party; a party is text: an ISO 3166 code such as 'TJ', "
            "or an 'org:' slug such as 'org:imf'"
        )
    if names is not None and not isinstance(names, dict):
        raise LedgerError(f"names must be a dict of party = name, not {type(names).__name__}")
    if names and party in names:
        return names[party]
    territories = locale_of(locale).territories
    return str(territories.get(party, party))
