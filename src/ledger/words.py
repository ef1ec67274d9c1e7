"""Words in the reader's language: locales, the gettext catalogs and every message the
library says, CLDR tables babel does not publish, headings, and party names.

Qualifier words and sentence patterns come from gettext catalogs under ``ledger/locale``, one
for each language of :data:`LANGUAGES` but English (the source), kept with babel's own
``pybabel extract/update/compile``, which read this file. A locale is checked once, by
:func:`locale_of`: one whose language has no catalog (``de_DE``) is refused with the list of
languages, or, when the caller names a ``fallback``, takes its numbers from its own CLDR data and
its words from the fallback's catalog, said once in a :class:`LanguageFallbackWarning`.

>>> say(locale_of("ru_RU"), QUALIFIED["about"], amount="300")
'около 300'
>>> say(locale_of("uz_Cyrl_UZ"), QUALIFIED["about"], amount="300")
'тахминан 300'
"""

from __future__ import annotations

import gettext
import sys
import warnings
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.support import Translations

from .errors import LedgerError
from .faces import call
from .figures import Figure

__all__ = [
    "DOMAIN",
    "ENTRY_KEYS",
    "LANGUAGES",
    "LOCALE_DIR",
    "NO_RATIO",
    "LanguageError",
    "LanguageFallbackWarning",
    "LocaleError",
    "PartyNames",
    "catalog",
    "cldr",
    "counted",
    "html_word",
    "label",
    "language_of",
    "languages",
    "locale_of",
    "party_name",
    "reason",
    "reason_language",
    "reason_text",
    "root_locale",
    "say",
    "say_chained",
    "say_in",
    "words_locale",
]


LOCALE_DIR = Path(__file__).parent / "locale"


DOMAIN = "ledger"


#: The languages the library writes, by catalog: a language and, where it is written in more
#: than one script, the script. English is the source of every message.
LANGUAGES = ("en", "ru", "tg", "ky", "kk", "uz_Latn", "uz_Cyrl")


#: The script each language's catalog is written in.
_SCRIPTS = {
    "en": "Latn",
    "ru": "Cyrl",
    "tg": "Cyrl",
    "ky": "Cyrl",
    "kk": "Cyrl",
    "uz_Latn": "Latn",
    "uz_Cyrl": "Cyrl",
}


#: A ledger's names for parties: a name for every language (``"Kyrgyzstan"``), or a file's
#: ``[parties.KG] name = {en = "Kyrgyzstan", ru = "Кыргызстан"}`` (a table whose ``name`` is
#: text or a table of language = name).
PartyNames = Mapping[str, "str | Mapping[str, Any]"]


class LocaleError(LedgerError, ValueError):
    """A locale that CLDR does not know, or a style that does not exist."""


class LanguageError(LocaleError):
    """A locale CLDR knows but whose language the library has no words for (``de_DE``)."""


class LanguageFallbackWarning(UserWarning):
    """A locale without a catalog was asked for with a fallback: its numbers are its own, its
    words the fallback's."""


class _Spoken(Locale):
    """A locale whose numbers are its own and whose words come from another language's
    catalog (``words``, a key of :data:`LANGUAGES`)."""

    def __init__(self, where: Locale, words: str) -> None:
        super().__init__(
            where.language, where.territory, where.script, where.variant, where.modifier
        )
        self.words = words

    def __eq__(self, other: object) -> bool:
        return super().__eq__(other) and getattr(other, "words", None) == self.words

    def __hash__(self) -> int:
        return hash((super().__hash__(), self.words))


def _(message: str) -> str:
    """Marks a message for extraction (``pybabel extract -k _ -k _p:1c,2``)."""
    return message


def _p(context: str, message: str) -> tuple[str, str]:
    """Marks a message with a context (one context per CLDR plural category)."""
    return context, message


def locale_of(name: str | Locale, fallback: str | Locale | None = None) -> Locale:
    """The CLDR locale for a code such as ``"ru_RU"`` (or ``"ru-RU"``), checked: the one place
    that says which locales the library speaks. A code CLDR does not know is refused with a
    :class:`LocaleError`; one whose language has no catalog with a :class:`LanguageError` that
    lists the languages, unless ``fallback`` names one: then the locale keeps its own numbers
    and takes the fallback's words, and a :class:`LanguageFallbackWarning` says so.

    >>> locale_of("kk_KZ").territories["KZ"]
    'Қазақстан'
    >>> try:
    ...     locale_of("de_DE")
    ... except LanguageError as error:
    ...     print(str(error).split("; ")[1])
    languages: en, ru, tg, ky, kk, uz_Latn, uz_Cyrl
    """
    if isinstance(name, _Spoken):
        return name
    if isinstance(name, Locale):
        where = name
    elif not isinstance(name, str) or not name.strip():
        raise LocaleError(
            f"locale {name!r} is not a locale code; use a code such as 'en_US', 'ru_RU' or "
            f"'ky_KG' (languages: {', '.join(LANGUAGES)})"
        )
    else:
        where = _parsed_locale(name)
    # A fallback is checked even where it is not needed: a wrong one is found at once.
    words = None if fallback is None else language_of(locale_of(fallback))
    if language_of(where) is not None:
        return where
    shown = name if isinstance(name, str) else str(name)
    if words is None:
        raise LanguageError(
            f"locale {shown!r} ({where.english_name}) has no catalog; languages: "
            f"{', '.join(LANGUAGES)}; or pass fallback='en' for English words with its numbers"
        )
    warnings.warn(
        f"locale {shown!r} ({where.english_name}) has no catalog: its numbers are its own, its "
        f"words {words!r} (fallback)",
        LanguageFallbackWarning,
        stacklevel=_caller_level(),
    )
    return _Spoken(where, words)


def _caller_level() -> int:
    """The stack level of the first frame outside this package: a warning names the
    caller's line, not the library's."""
    here = str(Path(__file__).parent)
    frame, level = sys._getframe(1), 1
    while frame.f_back is not None and frame.f_code.co_filename.startswith(here):
        frame, level = frame.f_back, level + 1
    return level


def language_of(locale: Locale) -> str | None:
    """The catalog (a key of :data:`LANGUAGES`) a locale's words come from, by its language
    and its script (CLDR's likely one when the locale names none), or ``None``.

    >>> [language_of(Locale.parse(code)) for code in ("uz_UZ", "uz_Cyrl_UZ", "ru_KZ", "de")]
    ['uz_Latn', 'uz_Cyrl', 'ru', None]
    """
    words = getattr(locale, "words", None)
    if isinstance(words, str):
        return words
    script = locale.script or _likely_script(locale.language, locale.territory)
    for key in (f"{locale.language}_{script}", locale.language):
        if _SCRIPTS.get(key) == script:
            return key
    return None


def languages() -> dict[str, str]:
    """Each language the library writes, with its name in itself (from CLDR).

    >>> languages()["ky"], languages()["uz_Cyrl"]
    ('кыргызча', 'ўзбекча (Кирил)')
    """
    return {key: str(Locale.parse(key).display_name) for key in LANGUAGES}


@lru_cache(maxsize=64)
def _likely_script(language: str, territory: str | None) -> str:
    likely = get_global("likely_subtags")
    full = likely.get(f"{language}_{territory}") or likely.get(language) or ""
    parts = str(full).split("_")
    return parts[1] if len(parts) > 2 else ""


@lru_cache(maxsize=64)
def _parsed_locale(name: str) -> Locale:
    try:
        return Locale.parse(name.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError) as error:
        raise LocaleError(
            f"locale {name!r} is not known to CLDR ({error}); use a code such as 'en_US', "
            f"'ru_RU' or 'ky_KG' (languages: {', '.join(LANGUAGES)})"
        ) from None


def cldr(locale: Locale, table: str) -> Any:
    """A CLDR table babel holds for ``locale`` but does not publish as a property (unit and
    currency-unit patterns): the one place that reads babel's ``Locale._data``.

    >>> cldr(Locale.parse("ru"), "unit_patterns")["duration-year"]["long"]["per"]
    '{0} в год'
    """
    return locale._data[table]


def catalog(locale: Locale) -> gettext.NullTranslations:
    """The gettext catalog of a (checked) locale's words: English's own messages for ``en``."""
    return _catalog(language_of(locale) or "en")


@lru_cache(maxsize=16)
def _catalog(language: str) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()
    with (LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as stream:
        return Translations(stream, DOMAIN)


def say(locale: Locale, message: str, **values: str) -> str:
    """A message in the locale's words, with its values. English writes the possessive of a
    name ending in s with an apostrophe alone (a code keeps its 's: "US's").

    >>> say(Locale("en"), "{party}'s claim of {amount}", party="Falkland Islands", amount="$5")
    "Falkland Islands' claim of $5"
    >>> say(Locale("en"), "{party}'s claim of {amount}", party="US", amount="$5")
    "US's claim of $5"
    """
    text = catalog(locale).gettext(message)
    if text is message and "}'s" in text:  # English, the source's own words
        for key, value in values.items():
            if isinstance(value, str) and value.endswith("s") and value[-2:-1].islower():
                text = text.replace(f"{{{key}}}'s", f"{{{key}}}'")
    return text.format(**values)


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


# Things counted on the command line ("1 entry", "5 entries"), by CLDR plural category.
ENTRIES = {
    "zero": _p("entries:zero", "{count} entries"),
    "one": _p("entries:one", "{count} entry"),
    "two": _p("entries:two", "{count} entries"),
    "few": _p("entries:few", "{count} entries"),
    "many": _p("entries:many", "{count} entries"),
    "other": _p("entries:other", "{count} entries"),
}


# A file that loads: its name, its entries counted, and their kinds (the file format's words).
VALID = _("{file}: valid, {entries} ({kinds})")
#: The head of the ``ratios`` command's refusal, before the reasons, one a line.
NO_RATIO = _("no ratio can be computed for {party}:")


def counted(messages: dict[str, tuple[str, str]], count: int, locale: str | Locale) -> str:
    """A whole count with its noun in the plural the locale's CLDR rules ask for.

    >>> counted(ENTRIES, 1, "en_US"), counted(ENTRIES, 5, "en_US")
    ('1 entry', '5 entries')
    >>> counted(ENTRIES, 21, "ru_RU"), counted(ENTRIES, 5, "ru_RU"), counted(ENTRIES, 2, "ru_RU")
    ('21 запись', '5 записей', '2 записи')
    """
    parsed = locale_of(locale)
    category = parsed.plural_form(count)
    return say_in(parsed, messages.get(category, messages["other"]), count=str(count))


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


# A ratio's sentence with the year its figures are for (a GDP's year, a budget's fiscal
# year): "Kyrgyzstan's debt is about 4% of its GDP (2014)." ``{sentence}`` has no full stop.
OF_YEAR = _("{sentence} ({year}).")


QUESTIONS = {
    "remittances_to_budget": _("Remittances to {party} are {value} its budget."),
    "debt_to_budget": _("{party}'s debt is {value} of its budget."),
    "net_debt_to_budget": _("{party}'s net debt is {value} of its budget."),
    "per_migrant": _("Remittances to {party} come to {value}."),
    "ratio": _("The ratio for {party} is {value}."),
    "remittances_to_gdp": _("Remittances to {party} are {value} of its GDP."),
    "debt_to_gdp": _("{party}'s debt is {value} of its GDP."),
    "net_debt_to_gdp": _("{party}'s net debt is {value} of its GDP."),
    # A recorded debt stock against GDP, said by its measure.
    "external_debt_to_gdp": _("{party}'s external debt is {value} of its GDP."),
    "public_debt_to_gdp": _("{party}'s public debt is {value} of its GDP."),
    "public_external_debt_to_gdp": _("{party}'s public external debt is {value} of its GDP."),
}


# The same two sentences for a net debt against GDP.
NET_CREDITOR_GDP = _("{party} is a net creditor: what it is owed, net, is {value} of its GDP.")


NET_DEBT_UNKNOWN_GDP = _(
    "Direction unknown: {party}'s net debt may be {first} of its GDP, or {party} may be a "
    "net creditor by {second} of its GDP."
)


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
    "missing": _("missing (no figure for the year)"),
    # A summary of a big ledger (issue 14): entries counted, the largest rows shown.
    "every entry": _("every entry one by one: --all"),
    "more largest": _(
        "… and {count} more, smaller: the {top} largest in each currency are shown; --all "
        "shows every one, --top N the N largest"
    ),
    "more": _("… and {count} more; --all shows every one"),
}


@lru_cache(maxsize=1)
def root_locale() -> Locale:
    return Locale.parse("root")


def label(
    key: str, locale: str | Locale = "en_US", *, fallback: str | None = None, **values: object
) -> str:
    """A heading or axis word in the locale (``label("budget", "ru_RU")`` is ``бюджет``)."""
    if key not in LABELS:
        raise LedgerError(f"no label {key!r}; labels: {', '.join(map(repr, LABELS))}")
    where = locale_of(locale, fallback)
    return say(where, LABELS[key], **{k: str(v) for k, v in values.items()})


def party_name(
    party: str,
    locale: str | Locale = "en_US",
    names: PartyNames | None = None,
    *,
    fallback: str | None = None,
) -> str:
    """A party's name in the locale: the ledger's own (``names``, for the locale's language
    when it gives one per language), else CLDR's for a state, else the code.

    >>> party_name("TJ", "tg_TJ"), party_name("RU", "ru_RU"), party_name("KG", "ky_KG")
    ('Тоҷикистон', 'Россия', 'Кыргызстан')
    >>> names = {"KG": {"name": {"en": "Kyrgyzstan", "ru": "Кыргызстан"}}}
    >>> party_name("KG", "ru_RU", names), party_name("KG", "kk_KZ", names)
    ('Кыргызстан', 'Қырғызстан')
    """
    if not isinstance(party, str):
        raise LedgerError(
            f"party {party!r} is not a party; a party is text: an ISO 3166 code such as 'TJ', "
            "or an 'org:' slug such as 'org:imf'"
        )
    if names is not None and not isinstance(names, Mapping):
        raise LedgerError(f"names must be a dict of party = name, not {type(names).__name__}")
    where = locale_of(locale, fallback)
    words = words_locale(where)
    given = _name_in(names.get(party), words) if names else None
    if given is not None:
        return given
    known = words.territories.get(party)
    if known is not None:
        return str(known)
    other = _name_in(names.get(party), words, any_language=True) if names else None
    return other or party


def words_locale(where: Locale) -> Locale:
    """The locale whose words a (checked) locale speaks: itself, or its fallback's (CLDR's
    unit patterns and state names are words, and follow it)."""
    if isinstance(where, _Spoken):
        return Locale.parse(where.words)
    return where


def _name_in(given: object, locale: Locale, any_language: bool = False) -> str | None:
    """A name from a ledger's parties table in the locale's language: text is every
    language's; a ``name`` table gives one per language (``ru``, ``uz_Cyrl``, ``ru_KZ``);
    ``any_language`` takes English, then the first, when the table has none for it."""
    if isinstance(given, Mapping) and "name" in given:
        given = given["name"]
    if isinstance(given, str):
        return given or None
    if not isinstance(given, Mapping):
        return None
    keys = [str(locale), f"{locale.language}_{locale.territory}", language_of(locale)]
    keys += [locale.language]
    if any_language:
        keys += ["en", *given]
    for key in keys:
        text = given.get(key)
        if isinstance(text, str) and text:
            return text
    return None


#: Words of the HTML faces, the report and the charts (column heads, kinds, statuses,
#: headings, axes and legends), looked up by :func:`html_word`.
HTML_WORDS = {
    # the charts
    "axis stock": _("{currency} millions"),
    "axis flow": _("{currency} millions per year"),
    "legend approximate": _("approximate (hatched)"),
    "legend range": _("range: from its low to its high end"),
    "legend range bar": _("range, no central value: from its low to its high end (hollow bar)"),
    "legend open": _("open end: more than, or at most (arrow)"),
    "legend hollow": _("approximate or only bounded (hollow dot)"),
    # the ledger table
    "kind": _("kind"),
    "id": _("id"),
    "parties": _("parties"),
    "amount": _("amount"),
    "status": _("status"),
    "source": _("source"),
    "ledger": _("Ledger"),
    "entries in": _("{title} — entries: {count}"),
    "owes": _("{debtor} owes {creditor}"),
    "migrants": _("migrants: {count}"),
    "counter to": _("{status}, counter to {claim}"),
    "settles": _("{method} of {claim}"),
    "claim": _("claim"),
    "remittance": _("remittance"),
    "budget": _("budget"),
    "settlement": _("settlement"),
    "rate": _("rate"),
    "gdp": _("GDP"),
    "debt_stock": _("debt stock"),
    "share": _("published share"),
    "asserted": _("asserted"),
    "acknowledged": _("acknowledged"),
    "disputed": _("disputed"),
    "settled": _("settled"),
    "written_off": _("written off"),
    "payment": _("payment"),
    "write_off": _("write-off"),
    "asset_transfer": _("asset transfer"),
    "debt_swap": _("debt swap"),
    # a balance, a ratio, a conversion
    "as asserted": _("as asserted"),
    "less": _("less"),
    "counts for": _("counts for"),
    "entry": _("entry"),
    "asserted by": _("asserted by"),
    "words": _("the source's words"),
    "net in": _("net in {currency}:"),
    "times": _("times {rate}"),
    "divided by": _("divided by {rate}"),
    "rate basis": _("rate, {basis}"),
    "spot": _("spot, {date}"),
    "end_of_period": _("end of period, {date}"),
    "average": _("average over {start}..{end}"),
    "net claim": _("net claim"),
    "migrants count": _("migrants"),
    "ratio": _("ratio"),
    "converted": _("converted"),
    "already in": _("already in {currency}"),
    "payer": _("payer"),
    "payee": _("payee"),
    # the report
    "report": _("Report"),
    "made": _("Made by debt-ledger {version} on {date}; figures as of {as_of}."),
    "contents": _("Contents"),
    "summary": _("In short"),
    "balances": _("Net balances"),
    "ratios": _("Ratios"),
    "positions": _("Positions"),
    "positions note": _("Positive: the party is owed more than it owes (a net creditor)."),
    "settlement heading": _("Settlement"),
    "settlement note": _("Transfers that would bring every position to zero."),
    "not settled": _("No settlement could be worked out: {why}"),
    "entries": _("Entries"),
    "sources": _("Sources"),
    "charts": _("Charts"),
    "no charts": _(
        "No charts: matplotlib is not installed (python -m pip install 'debt-ledger[plot]')."
    ),
    "chart of": _("Chart: {what}"),
    "party": _("party"),
    "position": _("position"),
    "unanswered": _("Not answered"),
    "question remittances_to_budget": _("{party}: remittances / budget"),
    "question debt_to_budget": _("{party}: debt / budget"),
    "question net_debt_to_budget": _("{party}: net debt / budget"),
    "question per_migrant": _("{party}: remittances per migrant"),
    "question remittances_to_gdp": _("{party}: remittances / GDP"),
    "question debt_to_gdp": _("{party}: debt / GDP"),
    "question net_debt_to_gdp": _("{party}: net debt / GDP"),
    "question external_debt_to_gdp": _("{party}: external debt / GDP"),
    "question public_debt_to_gdp": _("{party}: public debt / GDP"),
    "question public_external_debt_to_gdp": _("{party}: public external debt / GDP"),
    "none": _("none"),
    "published": _("{publisher}, {date}"),
    # a series
    "series caption": _("{question} for {party}"),
    "year": _("year"),
    "figure": _("figure"),
    "entries column": _("entries"),
    "sources column": _("sources"),
    "missing": _("missing"),
    "quoted in": _("quoted in"),
}


def html_word(key: str, locale: str | Locale = "en_US", **values: object) -> str:
    """A word of the HTML faces in the locale (``html_word("source", "ru_RU")`` is
    ``источник``); ``values`` fill its blanks.

    >>> html_word("owes", "en_US", debtor="Tajikistan", creditor="Russia")
    'Tajikistan owes Russia'
    """
    if key not in HTML_WORDS:
        raise LedgerError(f"no HTML word {key!r}; words: {', '.join(map(repr, HTML_WORDS))}")
    return say(locale_of(locale), HTML_WORDS[key], **{k: str(v) for k, v in values.items()})


# -- why a question has no answer -------------------------------------------------------------

#: Why a question has no answer, for a reader in any language: the keys a refusal's
#: ``reason`` names (``ledger.errors.MissingFigureError``), said by :func:`reason`. English
#: readers read the refusal's own message, which says more (the keyword to pass).
REASONS = {
    "none": _("{what}, {party}: none as of {day}; add an entry ({entry}) dated on or before {day}"),
    "none yet": _(
        "{what}, {party}: none as of {day}, the first is dated {first}; ask as of a later day, "
        "or add an earlier entry ({entry})"
    ),
    "compete": _("{what}, {party}: several entries compete as of {day} ({ids}); keep one"),
    # a currency a question names
    "currency code": _(
        "{code}: not a currency code; accepted: ISO 4217 codes such as USD, RUB, TJS"
    ),
    "currency code case": _("{code}: currency codes are written in capitals: {upper}"),
    "currency not between": _(
        "{currency}: no claim between {debtor} and {creditor} is in {currency}; their claims are "
        "in {held}"
    ),
    "same party": _(
        "{party} is named as both debtor and creditor; a balance is between two parties"
    ),
    # a party a question names (the command line's arguments, lg.net_balance's ...)
    "party unknown": _(
        "{party}: no entry of the file names this party; parties in the file: {parties}"
    ),
    "party code case": _(
        "{party}: not a party code: a country's ISO 3166 code in capitals ({upper}), or an "
        "org: name such as org:imf"
    ),
    "party code": _(
        "{party}: not a party code: a country's ISO 3166 code in capitals, or an org: name "
        "such as org:imf"
    ),
    "compete in year": _(
        "{what}, {party}, {year}: several entries compete ({ids}); keep one, or choose a source"
    ),
    "later in year": _("{what}, {party}, {year}: none as of {day} ({ids}); ask as of a later day"),
    "none in year": _("{what}, {party}, {year}: none; add an entry ({entry})"),
    "no common year": _(
        "{party}: remittances for {sent}, budget for {budgets}: no year has both; add the "
        "remittances or the budget of one year"
    ),
    "no claims": _("{party}: no claims as of {day}; nothing to weigh"),
    "no budget of year": _(
        "{party}: no budget for fiscal year {year}; add a budget with fiscal_year = {year}"
    ),
    "no budget of year, others": _(
        "{party}: no budget for fiscal year {year}; the budgets are for {years}: ask about one "
        "of those years, or add a budget with fiscal_year = {year}"
    ),
    # the file's key, as written in the file, in every language
    "no migrants": _(
        "{ids}: no number of migrants; add migrants = {{ amount = '...', qualifier = '...' }} "
        "to the entry"
    ),
    "no rate": _(
        'no {pair} rate in force on {day}; add a rate (kind = "rate") dated on or before that day'
    ),
    "no rate, found": _(
        "no {pair} rate in force on {day}; the rates for the pair: {rates}; add a rate "
        '(kind = "rate") dated on or before that day'
    ),
    "no rate, average": _(
        "no {pair} rate in force on {day}: a stock converts at a spot or end-of-period rate in "
        "force on the day, never at an average; the rates for the pair: {rates}; add a spot rate "
        '(kind = "rate", basis = "spot") dated on or before that day'
    ),
    "divisor may be zero": _(
        "{what}, {party}: the figure may be zero (or is open towards it), so the ratio has no bound"
    ),
    "no central value": _(
        "{party}: the position in {currency} is {figure}, bounds with no single amount, so no "
        "transfer can clear it; give the claims an amount, not only bounds"
    ),
    "rates compete": _(
        "{pair}: several different rates are in force from {day} ({ids}); keep one of them"
    ),
    "no claims, add": _(
        "{party}: no claims as of {day}; add claims ({entry}) dated on or before {day}, or a "
        "debt stock ({stock})"
    ),
    "no claims, stock": _(
        "{party}: no claims as of {day}; add claims ({entry}) dated on or before {day}; the "
        "{what} is weighed against GDP in a question of its own"
    ),
    "currencies": _(
        "the claims are in {currencies}, and amounts in different currencies are never added; net "
        "one currency at a time, or convert them with dated rates"
    ),
    # ledger.frames: a row of a frame netting cannot take ({row}: its id, file and line)
    "undated claim": _(
        "claim {row}: as_of is empty, so whether it counts on the day asked cannot be told; "
        "accepted: a date, YYYY-MM-DD"
    ),
    "undated settlement": _(
        "settlement {row}: as_of is empty, so whether it counts on the day asked cannot be "
        "told; accepted: a date, YYYY-MM-DD"
    ),
    "id twice": _(
        "claims: id {id} is given to {count} rows; each claim has its own id (a settlement "
        "names one claim)"
    ),
    "settlement id twice": _(
        "settlements: id {id} is given to {count} rows; each settlement has its own id (ids are "
        "unique across a ledger's entries)"
    ),
    "settlement id of a claim": _(
        "settlements: id {id} is a claim's id too; ids are unique across a ledger's entries"
    ),
}


#: What a refusal says is missing (its ``what``), by the words of a heading.
_MISSING_WHAT = {
    "budget": ("label", "budget"),
    "remittances": ("label", "remittances"),
    "GDP": ("html", "gdp"),
    "gdp": ("html", "gdp"),
    "GDP of a year": ("html", "gdp"),
    "migrants": ("html", "migrants count"),
}


def reason(
    error: BaseException,
    locale: str | Locale = "en_US",
    names: PartyNames | None = None,
    *,
    after: str = "",
) -> str:
    """Why a question has no answer, in the reader's language: the refusal's reason in the
    locale's words (English too), parties by name, what to do in the reader's terms (the file's
    keys, never a Python keyword); a refusal that gives no reason says its own English message
    (see :func:`reason_language`). The message a Python caller catches keeps its hints.

    >>> from ledger.errors import MissingFigureError
    >>> refused = MissingFigureError("no budget for TJ ...; pass fiscal_year=", ("none",
    ...     {"what": "budget", "party": "TJ", "day": "2004-03-15"}))
    >>> print(reason(refused, "ru_RU").replace(" (", chr(10) + "("))
    бюджет, Таджикистан: нет данных на 2004-03-15; добавьте запись
    (kind = "budget", party = "TJ", fiscal_year = 2004) с датой не позднее 2004-03-15
    >>> print(reason(refused, "en_US").replace(" (", chr(10) + "("))
    budget, Tajikistan: none as of 2004-03-15; add an entry
    (kind = "budget", party = "TJ", fiscal_year = 2004) dated on or before 2004-03-15
    >>> reason(MissingFigureError("no budget for TJ"), "ru_RU")
    'no budget for TJ'

    ``after`` is the text the reason follows (a question, ``Таджикистан: долг / бюджет``):
    a party or a figure it names already is not named again.

    >>> asked = "Таджикистан: долг / бюджет"
    >>> print(reason(refused, "ru_RU", after=asked).replace(" (", chr(10) + "("))
    нет данных на 2004-03-15; добавьте запись
    (kind = "budget", party = "TJ", fiscal_year = 2004) с датой не позднее 2004-03-15
    """
    where = locale_of(locale)
    said = _reason_of(error)
    if said is None:
        return str(error)
    return reason_text(said, where, names, after=after)


def reason_text(
    said: tuple[str, Mapping[str, object]],
    locale: str | Locale = "en_US",
    names: PartyNames | None = None,
    *,
    after: str = "",
) -> str:
    """A reason (a key of :data:`REASONS` and its values) in the locale's words, parties by
    name (what :func:`reason` says of a refusal; a series' missing year carries its own), the
    party left out where ``after``, the text it follows, names it already.

    >>> reason_text(("no claims", {"party": "KG", "day": "2011-12-31"}), "kk_KZ")
    'Қырғызстан: 2011-12-31 бойынша талаптар жоқ; салыстыратын ештеңе жоқ'
    """
    where = locale_of(locale)
    key, values = said
    shown = {name: _value_in(value, where) for name, value in values.items()}
    if "rates" in values:
        shown["rates"] = _rates_in(values["rates"], where)
    for blank, asked in _ENTRIES_ASKED.get(key, ()):
        shown[blank] = say(where, ENTRY_KEYS[asked], code=str(values.get("party")))
    if "{entry}" in REASONS[key] and "entry" not in shown:
        year = str(values.get("year") or values.get("day") or "")[:4]
        shown["entry"] = _entry_in(str(values.get("what")), str(values.get("party")), year, where)
    if "party" in shown:
        shown["party"] = party_name(shown["party"], where, names)
    if "what" in shown:
        shown["what"] = _what_in(shown["what"], where)
    name, what = shown.get("party"), shown.get("what")
    known = after.casefold()
    unsaid = {
        blank: mark
        for blank, mark, word in (("party", _PARTY, name), ("what", _WHAT, what))
        if word and known and word.casefold() in known
    }
    if not unsaid:
        return say(where, REASONS[key], **shown)
    text = say(where, REASONS[key], **{**shown, **unsaid})
    return _unnamed(_unnamed(text, name or "", _PARTY), what or "", _WHAT)


#: Where a reason names its party, or what is missing, when the text before it may name
#: it already.
_PARTY = "\x00"
_WHAT = "\x01"


def _unnamed(text: str, name: str, mark: str = _PARTY) -> str:
    """A reason with its party or what is missing (marked ``mark``) left out where the
    catalogs put it, at its head (``{party}: ...``, ``{what}, {party}: ...``,
    ``{what}, {party}, {year}: ...``); named anywhere else."""
    for named, unnamed in ((f", {mark}:", ":"), (f", {mark},", ",")):
        text = text.replace(named, unnamed, 1)
    for head in (f"{mark}: ", f"{mark}, "):
        text = text.removeprefix(head)
    return text.replace(mark, name)


#: The keys of the entry a missing figure asks for, as the file writes them, the same in
#: every language (each catalog holds them, so that they are no foreign words there); the
#: English refusals say them by ``ledger.ratios.entry_keys``.
ENTRY_KEYS = {
    "budget": _('kind = "budget", party = "{code}", fiscal_year = {year}'),
    "gdp": _('kind = "gdp", party = "{code}", year = {year}'),
    "remittances": _('kind = "remittance", destination = "{code}", period = "{year}"'),
    "debt stock": _('kind = "debt_stock", party = "{code}", measure = "{measure}"'),
    "other": _('party = "{code}"'),
    "claim": _('kind = "claim", debtor = "{code}"'),
    "any debt stock": _('kind = "debt_stock", party = "{code}"'),
}

#: The entries a reason asks for by its blanks, beyond ``{entry}`` of what is missing: the
#: blank and the key of :data:`ENTRY_KEYS` that fills it, for the reason's party.
_ENTRIES_ASKED = {
    "no claims, add": (("entry", "claim"), ("stock", "any debt stock")),
    "no claims, stock": (("entry", "claim"),),
}


def _entry_in(what: str, code: str, year: str, where: Locale) -> str:
    """The keys of the entry a reason asks for (see :data:`ENTRY_KEYS`).

    >>> print(_entry_in("GDP", "KG", "2012", locale_of("ky_KG")))
    kind = "gdp", party = "KG", year = 2012
    """
    if what.endswith(" debt stock"):
        measure = what.removesuffix(" debt stock").replace(" ", "_")
        return say(where, ENTRY_KEYS["debt stock"], code=code, measure=measure)
    key = what.casefold() if year and what.casefold() in ENTRY_KEYS else "other"
    return say(where, ENTRY_KEYS[key], code=code, year=year)


def _rates_in(rates: object, where: Locale) -> str:
    """The rates a missing rate's refusal found (``(id, basis, as_of, period_start)`` each,
    days in ISO form), in the locale's words.

    >>> _rates_in([("kgs-2012", "average", "2012-12-31", "2012-01-01")], locale_of("ru_RU"))
    'kgs-2012 (средний за 2012-01-01..2012-12-31)'
    """
    if not isinstance(rates, (list, tuple)):
        return str(rates)
    said = []
    for rate_id, basis, as_of, start in rates:
        if start:
            how = say(where, EXPLAIN["average over"], start=start, end=as_of)
        else:
            how = say(where, EXPLAIN[f"basis {basis}"], date=as_of)
        said.append(f"{rate_id} ({how})")
    return ", ".join(said) or say(where, LABELS["none"])


def _value_in(value: object, where: Locale) -> str:
    """A blank's value as the locale writes it: a figure in its words and numbers (by the
    face that formats figures, which this layer does not import), anything else as text."""
    if isinstance(value, Figure):
        return str(call("explain.figure", value, where))
    return str(value)


def reason_language(error: BaseException, locale: str | Locale = "en_US") -> str:
    """The language :func:`reason` says a refusal in: the locale's catalog, or ``"en"`` for
    a refusal that gives no reason the catalogs hold (its English message)."""
    where = locale_of(locale)
    if _reason_of(error) is None:
        return "en"
    return language_of(where) or "en"


def _reason_of(error: BaseException) -> tuple[str, dict[str, object]] | None:
    said = getattr(error, "reason", None)
    if isinstance(said, tuple) and len(said) == 2 and said[0] in REASONS:
        return said[0], dict(said[1])
    source, target, on = (getattr(error, name, None) for name in ("source", "target", "on"))
    if isinstance(source, str) and isinstance(target, str) and on is not None:  # a missing rate
        return "no rate", {"pair": f"{source}/{target}", "day": on.isoformat()}
    return None


def _what_in(what: str, where: Locale) -> str:
    """A refusal's ``what`` (``budget``, ``GDP``, ``external debt stock``) in the locale."""
    if what not in _MISSING_WHAT and what in EXPLAIN_LABELS:
        return say(where, EXPLAIN_LABELS[what])
    table, key = _MISSING_WHAT.get(what, ("html", "debt_stock" if "debt" in what else ""))
    if table == "label":
        return say(where, LABELS[key])
    if key in HTML_WORDS:
        return say(where, HTML_WORDS[key])
    return what


# -- explain(): the arithmetic, line by line ----------------------------------------------------

#: The words of ``explain()`` (a balance, a conversion, a ratio, a series, a present value),
#: said by ``ledger.explaining``. English is the text explain() has always given; in another
#: locale short label-and-value forms, figures in its numbers.
EXPLAIN = {
    # a net balance
    "owes": _("{debtor} owes {creditor}, net, as of {day}: {amount}"),
    "unknown": _(
        "direction unknown, as of {day}: {debtor} may owe {creditor}, net, {owed}; or "
        "{creditor} may owe {debtor} {back}"
    ),
    "claim on": _("{creditor}'s claim on {debtor}, asserted by {asserted_by}"),
    "counter to": _("{claim}, counter to {counter}"),
    "counts as zero": _("{claim}, status {status}: counts as zero"),
    "as asserted": _("as asserted: {amount}"),
    "outstanding": _("{amount} outstanding"),
    "converted": _("converted: {conversion}"),
    "net in": _("net in {currency}: {conversion}"),
    # a conversion and its rate
    "already in": _("{amount} (already in {currency})"),
    "then": _("{first}, then {second}"),
    "rate": _("rate {id}, {how}, {publisher}"),
    "basis spot": _("spot from {date}"),
    "basis end_of_period": _("end of period from {date}"),
    "basis average": _("average from {date}"),
    "average over": _("average over {start}..{end}"),
    # a ratio
    "ratio head": _("{question} for {party}, {when}: {value}"),
    "as of": _("as of {day}"),
    "figures for": _("figures for {year}, {when}"),
    "budget of": _("the budget of {year}, {when}"),
    "net creditor": _("{party} is owed more than it owes (a net creditor)"),
    "below zero": _("below zero: {what}"),
    "maybe below zero": _("direction unknown: below zero, {what}"),
    "label": _("{label}: {figure}"),
    "rates": _("rates:"),
    "less": _("less {reduction}"),
    # a series
    "series head": _("{question} for {party}, {span}:"),
    "no years": _("no years"),
    "missing": _("missing: {why}"),
    "maybe below zero series": _("direction unknown: may be below zero, {what}"),
    # a present value, a grant element, what a restructuring gave up
    "present value": _("present value on {day} at {rate} {per}: {value}"),
    "the disbursement day": _("the disbursement day"),
    "a year": _("a year"),
    "a year, per period": _("a year, per period"),
    "date": _("date"),
    "years": _("years"),
    "payment": _("payment"),
    "factor": _("factor"),
    "present value column": _("present value"),
    "written off": _("written off"),
    "carried forward": _("(before the day: carried forward, not discounted)"),
    "sums": _("undiscounted: {undiscounted}; discounted: {discounted}"),
    "exact payments": _(
        "(the payments of the terms, exact: each shown to the cent, summed unrounded; "
        "lg.present_value(lg.schedule(...)) discounts the cent-rounded payments a borrower "
        "makes, and may differ by cents)"
    ),
    "principal and interest": _("principal {principal} + interest {interest}"),
    "payment number": _("payment {number}"),
    "grant element": _(
        "grant element: {value} = (face {face} - present value {present}) / face {face}"
    ),
    "given up": _(
        "given up on {id} ({creditor}'s claim on {debtor}): {face} written off at face value, "
        "{value} in present value"
    ),
}


#: What a ratio or a series weighs, as explain() names it (the English is the label itself).
EXPLAIN_LABELS = {
    "remittances": _("remittances"),
    "budget": _("budget"),
    "debt": _("debt"),
    "net debt": _("net debt"),
    "GDP": _("GDP"),
    "GDP of a year": _("GDP of a year"),
    "migrants": _("migrants"),
    "external debt stock": _("external debt stock"),
    "public debt stock": _("public debt stock"),
    "public external debt stock": _("public external debt stock"),
    "external debt": _("external debt"),
    "public debt": _("public debt"),
    "public external debt": _("public external debt"),
    "budget (revenue)": _("budget (revenue)"),
    "budget (expenditure)": _("budget (expenditure)"),
    "debt to {party}": _("debt to {party}"),
    "net debt to {party}": _("net debt to {party}"),
    "{top} / {bottom}": _("{top} / {bottom}"),
    # the questions, by the helper that asks them
    "remittances_to_budget": _("remittances to budget"),
    "debt_to_budget": _("debt to budget"),
    "remittances_to_gdp": _("remittances to GDP"),
    "debt_to_gdp": _("debt to GDP"),
    "per_migrant": _("per migrant"),
    "ratio": _("ratio"),
}
