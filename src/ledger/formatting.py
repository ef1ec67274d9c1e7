"""Figures, ratios and results in the reader's language: the source's words put back around
the numbers (:mod:`ledger.numbers`), in the words of :mod:`ledger.words`, and whole sentences
for a net balance or a ratio. The names of those two modules and :func:`parse_money` are
re-exported here, so that ``ledger.formatting`` stays the one place to look.

>>> import ledger as lg
>>> format_figure(lg.Figure.of("300 million USD/year", "more_than"), locale="en_US")
'more than $300M per year'
>>> format_figure(lg.Figure.of("1 million person", "estimated"), locale="en_US")
'estimated 1 million people'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Literal

from babel import Locale
from babel.numbers import (
    format_compact_decimal,
    format_decimal,
)

from .arithmetic import DIGITS, owned
from .errors import FigureError, LedgerError
from .figures import Figure, rounded_point, shown
from .numbers import (
    MONEY,
    STYLES,
    Style,
    as_written,
    check_style,
    decimal_places,
    format_money,
    per,
    period_of,
    round_half_up,
    significant,
)
from .parse import parse_money
from .units import (
    CURRENCIES,
    Unit,
    currency_of,
    is_count,
    is_duration,
    is_flow,
    is_pure,
    is_stock,
    unit_powers,
    unit_text,
    ureg,
)
from .words import (
    APPROXIMATE,
    BOTH,
    CENTRAL,
    CLAIM,
    COUNTERCLAIM,
    DIRECTION_UNKNOWN,
    DOMAIN,
    EVEN,
    IN_FULL,
    LESS,
    LOCALE_DIR,
    MARKED,
    MULTIPLE,
    NET,
    NET_CREDITOR,
    NET_CREDITOR_GDP,
    NET_DEBT_UNKNOWN,
    NET_DEBT_UNKNOWN_GDP,
    NO_CLAIMS,
    OF_YEAR,
    OWES_NOTHING,
    PEOPLE,
    PER_PERSON,
    PLUS,
    QUALIFIED,
    QUESTIONS,
    RANGE,
    REDUCED,
    REDUCTION,
    TIMES,
    UNKNOWN,
    YEARS,
    YEARS_QUALIFIED,
    LanguageError,
    LanguageFallbackWarning,
    LocaleError,
    PartyNames,
    cldr,
    label,
    languages,
    locale_of,
    party_name,
    root_locale,
    say_chained,
    say_in,
    words_locale,
)
from .words import catalog as words_catalog
from .words import say as words_say

if TYPE_CHECKING:
    from .entries import Settlement
    from .netting import NetBalance, NetLine
    from .ratios import Ratio

__all__ = [
    "DOMAIN",
    "LOCALE_DIR",
    "STYLES",
    "LanguageError",
    "LanguageFallbackWarning",
    "LocaleError",
    "cldr",
    "describe",
    "format_each_way",
    "format_figure",
    "format_money",
    "format_ratio",
    "format_reduction",
    "format_reductions",
    "label",
    "languages",
    "locale_of",
    "parse_money",
    "party_name",
]


#: Languages whose long compact numbers would need a grammatical case after a qualifier word:
#: counts there use the short, abbreviated form ("около 1 млн человек").
_SHORT_COUNTS = frozenset({"ru"})


def _count(number: Decimal, locale: Locale, style: Style) -> str:
    shown = significant(number) if style != "full" else number
    compacted = abs(shown) >= 1000 and style != "full"
    if compacted:
        form: Literal["short", "long"] = "short" if locale.language in _SHORT_COUNTS else "long"
        text = format_compact_decimal(
            shown, format_type=form, locale=locale, fraction_digits=max(2, decimal_places(shown))
        )
        category = "many"  # the noun follows "million": "1 million people", "1 млн человек"
    else:
        shown = as_written(shown)
        text = format_decimal(shown, locale=locale, decimal_quantization=False)
        category = words_locale(locale).plural_form(abs(shown))
    return say_in(locale, PEOPLE.get(category, PEOPLE["other"]), count=str(text))


#: How a number is rounded for text: a value to nearest, a lower bound down and an upper bound
#: up, so that "more than" and "less than" stay true of what the figure says.
_NEAREST_WAY = ROUND_HALF_UP


def _at_least_one_digit(number: Decimal, places: int = 2, rounding: str = _NEAREST_WAY) -> Decimal:
    """``number`` to ``places`` decimal places, or to its first significant digit where those
    places would show a figure that is not zero as 0 (``0.004``, never ``0``).

    >>> _at_least_one_digit(Decimal("0.8333"))
    Decimal('0.83')
    >>> _at_least_one_digit(Decimal("0.00428"))
    Decimal('0.004')
    >>> _at_least_one_digit(Decimal("0.00428"), 2, ROUND_CEILING)  # an upper bound
    Decimal('0.005')
    """
    if not number.is_zero():
        places = max(places, -number.adjusted())
    return number.quantize(Decimal(1).scaleb(-places), rounding=rounding)


def _plain_number(
    number: Decimal, locale: Locale, places: int = 2, rounding: str = _NEAREST_WAY
) -> str:
    shown = _at_least_one_digit(number, places, rounding)
    return str(
        format_decimal(
            shown.normalize() if shown == shown.to_integral_value() else shown,
            locale=locale,
            decimal_quantization=False,
        )
    )


def _years(number: Decimal, locale: Locale, qualified: bool, rounding: str = _NEAREST_WAY) -> str:
    shown = _at_least_one_digit(number, 2, rounding)
    text = _plain_number(shown, locale)
    category = words_locale(locale).plural_form(abs(shown.normalize()))
    if not qualified:
        own = cldr(words_locale(locale), "unit_patterns").get("duration-year", {}).get("long", {})
        root = cldr(root_locale(), "unit_patterns")["duration-year"]["long"]
        pattern = own.get(category) or own.get("other")
        if pattern and pattern != root.get(category, root.get("other")):
            return str(pattern.format(text))
        return say_in(locale, YEARS.get(category, YEARS["other"]), count=text)
    return say_in(locale, YEARS_QUALIFIED.get(category, YEARS_QUALIFIED["other"]), count=text)


def _amount_text(
    number: Decimal,
    unit: Unit,
    locale: Locale,
    style: Style,
    qualified: bool,
    as_percent: bool = False,
    padded: bool = True,
    rounding: str = _NEAREST_WAY,
) -> str:
    """One amount of a figure, in the unit's own way of being said; ``rounding`` is the way a
    bound is rounded to the digits shown (outward: down for a lower bound, up for an upper)."""
    if is_stock(unit) or is_flow(unit):
        code = currency_of(unit)
        assert code is not None
        text = MONEY[style](number, code, locale, padded)
        period = period_of(unit)
        return per(locale, period, text) if period else text
    if is_count(unit):
        return _count(number, locale, style)
    if is_duration(unit):
        _, factor = _canonical(unit)
        return _years(number * factor, locale, qualified, rounding)
    if is_pure(unit):
        if as_percent:
            return _percent(number, locale)
        return words_say(locale, MULTIPLE, number=_plain_number(number, locale, 2, rounding))
    code = currency_of(unit)
    if code is not None and _is_per_head(unit):
        text = MONEY["compact" if style == "compact" else style](number, code, locale, padded)
        text = words_say(locale, PER_PERSON, amount=text)
        period = period_of(unit)
        return per(locale, period, text) if period else text
    if _is_rate(unit):
        return _rate_text(number, unit, locale)
    return f"{_plain_number(number, locale)} {unit}"


#: Decimal places a rate keeps at most (a rate's own, ``48.6197``, are kept whole; a
#: computed one, ``1/48.6197``, is cut to these or to six significant digits).
_RATE_PLACES = 4


def _is_rate(unit: Unit) -> bool:
    powers = unit_powers(unit)
    return sorted(powers.values()) == [-1, 1] and all(name in CURRENCIES for name in powers)


def _rate_text(number: Decimal, unit: Unit, locale: Locale) -> str:
    """A rate in the locale's numbers with every digit it was given (``48,6197 KGS/USD``):
    a rate's places are what it is, unlike money's, which compact style rounds.

    >>> import ledger as lg
    >>> _rate_text(Decimal("48.6197"), lg.quantity("1 KGS/USD").units, Locale.parse("ru_RU"))
    '48,6197 KGS/USD'
    """
    if decimal_places(number) > _RATE_PLACES:
        number = significant(number, 6) if abs(number) < 1 else round_half_up(number, _RATE_PLACES)
    text = format_decimal(as_written(number), locale=locale, decimal_quantization=False)
    return f"{text} {unit_text(unit)}"


def _percent(number: Decimal, locale: Locale) -> str:
    from babel.numbers import format_percent

    hundredths = number * 100
    # Whole percents; a share below one percent keeps one significant digit ("-0.3%"), so
    # that nothing but zero is said as "0%" (and never "-0%").
    places = 0 if hundredths.is_zero() else max(0, -hundredths.adjusted())
    shown = round_half_up(hundredths, places) / 100
    return str(format_percent(shown, locale=locale, decimal_quantization=False))


def _canonical(unit: Unit) -> tuple[Unit, Decimal]:
    from .units import canonical_unit

    target, factor = canonical_unit(unit)
    return target, Decimal(factor.numerator) / Decimal(factor.denominator)


def _is_per_head(unit: Unit) -> bool:
    dims = dict(unit.dimensionality)
    return dims.get("[person]") == -1 and sum(1 for d in dims if d.startswith("[currency_")) == 1


@owned
def format_figure(
    figure: Figure,
    locale: str | Locale = "en_US",
    style: Style = "compact",
    *,
    as_percent: bool = False,
    places: int | None = None,
    digits: int | None = None,
    fallback: str | None = None,
) -> str:
    """A figure with the source's own words put back: ``about $300M``, ``more than $300M per
    year``, ``$250M–$300M``, ``about 1 million people``.

    Numbers carry no more digits than the figure's inputs justify; ``places`` rounds to
    decimal places first (see :meth:`Figure.quantize`) and ``digits`` to significant digits
    (central values to nearest, bounds outwards). Nothing the figure is gets lost: a one-sided
    figure the source called approximate says so in words. A locale without a catalog is
    refused, unless ``fallback`` names a language for the words (see :func:`locale_of`).

    >>> import ledger as lg
    >>> format_figure(lg.Figure.range("250 million USD", "300 million USD"))
    '$250M–$300M'
    >>> format_figure(lg.Figure.of("300 million USD", "about"), locale="ru_RU")
    'около 300\\xa0млн\\xa0$'
    >>> format_figure(lg.Figure.of("300 USD", "more_than") * lg.Figure.of("1", "about"))
    'more than $300 (approximate)'
    >>> format_figure(lg.Figure.of("1234.5678 USD"), style="full", digits=3)
    '$1,230'
    """
    where = locale_of(locale, fallback)
    check_style(style)
    if not isinstance(figure, Figure):
        figure = Figure.of(figure)
    if places is not None:
        if isinstance(places, int) and not isinstance(places, bool) and abs(places) > 2 * DIGITS:
            raise FigureError(
                f"places={places!r}: give a whole number of decimal places, at most "
                f"{2 * DIGITS} either way"
            )
        figure = round(figure, places)
    if digits is not None and (
        isinstance(digits, bool) or not isinstance(digits, int) or not 1 <= digits <= DIGITS
    ):
        raise LocaleError(
            f"digits={digits!r}: give a whole number of significant digits, 1 to {DIGITS}"
        )
    unit = figure.unit
    value, low, high = shown(figure, digits)
    padded = figure.places is None and digits is None

    def say(number: Decimal | None, qualified: bool = True, rounding: str = _NEAREST_WAY) -> str:
        assert number is not None
        return _amount_text(number, unit, where, style, qualified, as_percent, padded, rounding)

    qualifier = figure.qualifier
    if rounded_point(figure) or qualifier in ("exact", "about", "estimated"):
        if not figure.approximate:
            return say(value, qualified=False)
        word = "estimated" if qualifier == "estimated" else "about"
        return _qualified(where, word, say(value))
    alike = _alike_ends(value, low, high, say)
    if alike is not None:  # "about -KGS46.7M", never "(-KGS46.7M–-KGS46.7M)" beside it
        if low == high and not figure.approximate:  # bounds rounded outwards: truly one amount
            return alike
        return _qualified(where, "about", alike)
    text = _bounds_text(figure, low, high, where, say)
    if value is not None:
        central = say(value, False)
        text = words_say(where, CENTRAL, value=central, range=text)
    if figure.approximate:
        if qualifier == "range":
            return words_say(where, QUALIFIED["about"], amount=text)
        return words_say(where, APPROXIMATE, text=text)
    return text


def _alike_ends(
    value: Decimal | None,
    low: Decimal | None,
    high: Decimal | None,
    say: Callable[[Decimal | None, bool], str],
) -> str | None:
    """The one amount a figure with both bounds shows where its ends, as shown, are equal to
    each other and to its value (a sum of many "about" amounts, within cents of each other),
    else None: such a range is about that amount, and said once.

    >>> say = lambda number, qualified=True: f"${number / 1000000:.1f}M"
    >>> _alike_ends(Decimal("46704905"), Decimal("46704815"), Decimal("46704995"), say)
    '$46.7M'
    >>> print(_alike_ends(None, Decimal("46600000"), Decimal("46800000"), say))
    None
    """
    if low is None or high is None:
        return None
    ends = say(low, True)
    if ends != say(high, True) or (value is not None and say(value, True) != ends):
        return None
    return ends if value is None else say(value, True)


def _bounds_text(
    figure: Figure,
    low: Decimal | None,
    high: Decimal | None,
    where: Locale,
    say: Callable[[Decimal | None, bool, str], str],
) -> str:
    """A figure's bounds in words: ``$250M–$300M``, ``more than $300M``, or both sides; each
    bound rounded outward to the digits shown, so that what it says stays true."""
    if low is not None and high is not None and figure.low_inclusive and figure.high_inclusive:
        if is_duration(figure.unit):  # "1–2 года", the unit in the upper end's form, once
            qualified = figure.approximate
            return _range(
                where,
                say(low, qualified, ROUND_FLOOR),
                say(high, qualified, ROUND_CEILING),
                any_suffix=True,
            )
        low_text, high_text = say(low, True, ROUND_FLOOR), say(high, True, ROUND_CEILING)
        return _range_per(where, figure.unit, low_text, high_text)
    sides = []
    if low is not None:
        word = "at_least" if figure.low_inclusive else "more_than"
        sides.append(_qualified(where, word, say(low, True, ROUND_FLOOR)))
    if high is not None:
        word = "at_most" if figure.high_inclusive else "less_than"
        sides.append(_qualified(where, word, say(high, True, ROUND_CEILING)))
    if len(sides) == 2:
        return words_say(where, BOTH, first=sides[0], second=sides[1])
    return sides[0] if sides else words_say(where, UNKNOWN)


#: A case ending a catalog glues to the amount ("{amount}dan ortiq").
_GLUED = re.compile(r"\{amount\}\w")


def _qualified(where: Locale, word: str, amount: str) -> str:
    """An amount with the source's word (``QUALIFIED[word]``). Where the catalog glues a case
    ending to the amount, as Uzbek does ("{amount}dan ortiq": "2 yildan ortiq", "1 martadan
    ortiq"), an amount that ends in a sign or a digit takes it after a hyphen, as Uzbek writes
    endings after signs and figures ("50%-dan ortiq", "300 mln US$-dan ortiq").

    >>> _qualified(Locale.parse("uz_Latn_UZ"), "more_than", "2 yil")
    '2 yildan ortiq'
    >>> _qualified(Locale.parse("uz_Latn_UZ"), "more_than", "50%")
    '50%-dan ortiq'
    >>> _qualified(Locale.parse("en_US"), "more_than", "50%")
    'more than 50%'
    """
    pattern = words_catalog(where).gettext(QUALIFIED[word])
    if amount and not amount[-1].isalpha() and _GLUED.search(pattern):
        amount += "-"
    return pattern.format(amount=amount)


#: The first number in an amount's text, with its sign and the locale's separators.
_NUMBER = re.compile(r"[-\u2212]?\d(?:[\d\s\u00a0\u202f.,'\u2019]*\d)?")


def _range_per(where: Locale, unit: Unit, low: str, high: str) -> str:
    """Two bounds of a flow with its period said once, where the locale says it around the
    amount (``950 тыс. $–1,2 млрд $ в год``, ``жылына 950 миң USD–1,2 млд USD``), never on
    each end; other ranges as :func:`_range` says them.

    >>> from ledger.units import parse_unit
    >>> year = parse_unit("USD/year")
    >>> _range_per(Locale.parse("ru_RU"), year, "950 тыс. $ в год", "1,2 млрд $ в год")
    '950 тыс. $–1,2 млрд $ в год'
    >>> _range_per(Locale.parse("ky_KG"), year, "жылына 950 миң USD", "жылына 1,2 млд USD")
    'жылына 950 миң USD–1,2 млд USD'
    >>> _range_per(Locale.parse("en_US"), year, "$950K per year", "$1.2B per year")
    '$950K–$1.2B per year'
    """
    period = period_of(unit) if is_flow(unit) else None
    if period is not None:
        before, _, after = per(where, period, "\0").partition("\0")
        ends = (low, high)
        if (before or after) and all(t.startswith(before) and t.endswith(after) for t in ends):
            low, high = (t[len(before) : len(t) - len(after)] for t in ends)
            return per(where, period, _range(where, low, high))
    return _range(where, low, high)


def _range(where: Locale, low: str, high: str, any_suffix: bool = False) -> str:
    """Two bounds in the locale's range pattern, with the words around the numbers said once
    where both bounds have the same and the pattern is a plain dash between them
    (``20–50 млн $``, ``жылына 20–50 млн USD``); ``any_suffix`` takes the upper end's words
    when they differ only by its plural form (``1–2 года``). A sign written on the number
    (``$20M–$50M``, ``21%–48%``) stays on both, as English writes it.

    >>> _range(Locale.parse("ru_RU"), "20 млн $", "50 млн $")
    '20–50 млн $'
    >>> _range(Locale.parse("ru_RU"), "950 тыс. $", "1,2 млн $")
    '950 тыс. $–1,2 млн $'
    >>> _range(Locale.parse("en_US"), "$20M", "$50M")
    '$20M–$50M'
    >>> _range(Locale.parse("en_US"), "$300M per year", "$400M per year")
    '$300M–$400M per year'
    """
    signed = _signed(low) or _signed(high)
    plain = words_say(where, RANGE, low=low, high=high)
    first, second = _NUMBER.search(low), _NUMBER.search(high)
    if plain == f"{low}–{high}" and signed:  # "-$2M – $1M", never "-$2M–$1M" or "–-"
        plain = f"{low} – {high}"
        return _shared_words(low, high, first, second, any_suffix, " – ") or plain
    if first is None or second is None or plain != f"{low}–{high}":
        return plain
    return _shared_words(low, high, first, second, any_suffix, "–") or plain


def _shared_words(
    low: str,
    high: str,
    first: re.Match[str] | None,
    second: re.Match[str] | None,
    any_suffix: bool,
    dash: str,
) -> str | None:
    """Two bounds with the words around their numbers said once (see :func:`_range`), or
    None where they cannot be."""
    if first is None or second is None:
        return None
    before, after = low[: first.start()], low[first.end() :]
    if before.lstrip(_MINUS) != high[: second.start()].lstrip(_MINUS):
        return None
    if before.lstrip(_MINUS) and not before[-1].isspace():  # a sign on each number
        words = _words_after(after)  # the words after, once
        if words and high.endswith(words):
            return f"{low[: -len(words)]}{dash}{high}"
        return None
    if after != high[second.end() :] and not any_suffix:
        return None
    if not (after[:1].isspace() or before):  # "21%–48%", "0.5×–0.75×": a sign on each
        return None
    return f"{before}{first.group()}{dash}{second.group()}{high[second.end() :]}"


#: The minus sign, as CLDR writes it in every locale the library speaks (a hyphen-minus): one
#: sign for a figure alone and for the ends of a range, which a spaced dash keeps apart
#: ("-$2M – -$1M", never "-$2M–-$1M").
_MINUS = "-"


def _signed(amount: str) -> bool:
    """Whether an amount is written with a minus sign before its number.

    >>> _signed("-$2M"), _signed("около -46,8 млн KGS"), _signed("$2M per year")
    (True, True, False)
    """
    digit = re.search(r"\d", amount)
    return _MINUS in amount[: digit.start() if digit else len(amount)]


def _words_after(amount: str) -> str:
    """The words after an amount's number and its scale ("M per year" gives " per year").

    >>> _words_after("M per year"), _words_after("M")
    (' per year', '')
    """
    space = re.search(r"\s", amount)
    return amount[space.start() :] if space else ""


@owned
def format_ratio(
    figure: Figure,
    locale: str | Locale = "en_US",
    as_percent: bool = False,
    *,
    fallback: str | None = None,
) -> str:
    """A ratio as people say it: a multiple (``more than 1×``) or a percentage (``about 83%``),
    a duration in years (``about 1 year``), or an amount per head (``more than $300 per person
    per year``).

    >>> import ledger as lg
    >>> format_ratio(lg.Figure.of("1", "more_than"))
    'more than 1×'
    >>> format_ratio(lg.Figure.of("0.8333 year", "about"), locale="ru_RU")
    'около 0,83 года'
    """
    return format_figure(figure, locale_of(locale, fallback), "compact", as_percent=as_percent)


@owned
def format_reduction(
    settlement: Settlement, locale: str | Locale = "en_US", *, fallback: str | None = None
) -> str:
    """One reduction of a claim, dated with its kind: ``$189M written off (2012-09-20)``.

    >>> from datetime import date
    >>> import ledger as lg
    >>> source = lg.Source(publisher="RFE/RL", title="Write-off", date=date(2012, 9, 20))
    >>> cut = lg.Settlement(id="w", as_of=date(2012, 9, 20), source=source, claim="c",
    ...                     amount="189 million USD", method="write_off")
    >>> format_reduction(cut), format_reduction(cut, "ru_RU")
    ('$189M written off (2012-09-20)', 'списано 189\xa0млн\xa0$ (2012-09-20)')
    """
    from .entries import Settlement

    if not isinstance(settlement, Settlement):
        raise LedgerError(
            f"settlement: {type(settlement).__name__} is not a settlement; pass a Settlement"
        )
    where = locale_of(locale, fallback)
    return words_say(
        where,
        REDUCTION[settlement.method],
        amount=format_figure(settlement.amount, where),
        dates=settlement.as_of.isoformat(),
    )


@owned
def describe(
    result: NetBalance | Ratio,
    locale: str | Locale = "en_US",
    names: PartyNames | None = None,
    *,
    fallback: str | None = None,
) -> str:
    """One sentence for a net balance or a ratio. Party names are the ledger's own where its
    file gives them (the result carries them; ``names`` overrides), else CLDR's.

    >>> import ledger as lg
    >>> from datetime import date
    >>> print(describe(lg.net_balance(lg.example(), "TJ", "RU", as_of=date(2004, 3, 15))))
    Tajikistan owes Russia about $250M net: Russia's claim of about $300M less Tajikistan's \
counterclaim of $50M.
    """
    from .netting import NetBalance
    from .ratios import Ratio

    where = locale_of(locale, fallback)
    if isinstance(result, NetBalance):
        return _describe_balance(result, where, result.names if names is None else names)
    if isinstance(result, Ratio):
        return _describe_ratio(result, where, result.names if names is None else names)
    raise LedgerError(
        f"describe() takes a net balance (lg.net_balance) or a ratio (lg.remittances_to_budget, "
        f"...), not {type(result).__name__}"
    )


def _describe_ratio(ratio: Ratio, locale: Locale, names: PartyNames | None) -> str:
    """The sentence for a ratio, with the year its figures are for where it has one: always
    against GDP (a year's GDP), else where it is not the year of the day asked (a 2012 budget
    asked of in 2013), so that a debt today and a debt at the end of 2014 never read alike."""
    sentence = _ratio_sentence(ratio, locale, names)
    gdp = ratio.question.endswith("_gdp")
    if ratio.year is None or (not gdp and ratio.year == ratio.as_of.year):
        return sentence
    return words_say(locale, OF_YEAR, sentence=sentence.removesuffix("."), year=str(ratio.year))


def _ratio_sentence(ratio: Ratio, locale: Locale, names: PartyNames | None) -> str:
    """The sentence for a ratio; a net debt in the direction its figure gives: a net creditor
    when it is never positive, "direction unknown" with at most what each way may come to when
    its range spans zero, never a negative debt."""
    party = party_name(ratio.party, locale, names)
    value = ratio.value
    # Against GDP, a share, as such ratios are published (45% of GDP); else as it comes.
    gdp = ratio.question.endswith("_gdp")
    if not ratio.net:
        question = ratio.question
        if ratio.measure is not None and f"{ratio.measure}_{question}" in QUESTIONS:
            question = f"{ratio.measure}_{question}"  # "external debt", as measured
        return words_say(
            locale,
            QUESTIONS[question],
            party=party,
            value=format_ratio(value, locale, as_percent=gdp),
        )
    direction = _direction(value)
    if direction > 0:
        return words_say(
            locale,
            QUESTIONS[f"net_{ratio.question}"],
            party=party,
            value=format_ratio(value, locale, as_percent=gdp),
        )
    if direction < 0:
        return words_say(
            locale,
            NET_CREDITOR_GDP if gdp else NET_CREDITOR,
            party=party,
            value=format_ratio(-value, locale, as_percent=gdp),
        )
    return words_say(
        locale,
        NET_DEBT_UNKNOWN_GDP if gdp else NET_DEBT_UNKNOWN,
        party=party,
        **_each_way(value, locale),
    )


def _describe_balance(balance: NetBalance, locale: Locale, names: PartyNames | None) -> str:
    """The sentence for a balance, in the direction its figure gives: "A owes B ..." when what
    A owes is never negative (flipped when it is never positive), "direction unknown" with
    what each side may owe when its range spans zero, "even" or "nothing outstanding" when it
    is zero."""
    direction = _direction(balance.amount)
    if direction < 0:
        balance = -balance  # keep the direction positive: "Russia owes Tajikistan ..."
    amount = balance.amount
    details = _details(balance, locale, names)
    who = {
        "debtor": party_name(balance.debtor, locale, names),
        "creditor": party_name(balance.creditor, locale, names),
    }
    _, low, high = amount.magnitudes
    if low is not None and high is not None and low.is_zero() and high.is_zero():
        if balance.lines and all(line.cleared or line.marked for line in balance.lines):
            return words_say(locale, OWES_NOTHING, details=details, **who)
        if not amount.approximate:
            return words_say(locale, EVEN, details=details, **who)
    if direction == 0:
        return words_say(
            locale,
            DIRECTION_UNKNOWN,
            **_each_way(amount, locale),
            details=details,
            **who,
        )
    return words_say(locale, NET, amount=format_figure(amount, locale), details=details, **who)


def _direction(amount: Figure) -> int:
    """+1 when the figure allows no amount below zero, -1 when it allows none above (and is not
    zero alone), 0 when its range spans zero: the direction is unknown."""
    _, low, high = amount.magnitudes
    if low is not None and low >= 0:
        return 1
    if high is not None and high <= 0:
        return -1
    return 0


def format_each_way(
    figure: Figure, locale: str | Locale = "en_US", *, fallback: str | None = None
) -> tuple[str, str]:
    """What a figure whose range may span zero comes to each way, never a negative amount: at
    most its upper bound above zero, then at most its lower bound below zero (turned positive);
    an unknown amount where it has no bound that way.

    >>> format_each_way(Figure.range("-2000000 USD", "10000000 USD"))
    ('at most $10M', 'at most $2M')
    """
    ways = _each_way(figure, locale_of(locale, fallback))
    return ways["first"], ways["second"]


def _each_way(amount: Figure, locale: Locale) -> dict[str, str]:
    _, low, high = amount.magnitudes
    return {
        "first": _side(amount, high, amount.high_inclusive, locale),
        "second": _side(amount, None if low is None else -low, amount.low_inclusive, locale),
    }


def _side(amount: Figure, bound: Decimal | None, inclusive: bool, locale: Locale) -> str:
    """What one side of a balance spanning zero may owe: "at most $10M", or an unknown
    amount when the figure has no bound that way."""
    if bound is None:
        return words_say(locale, UNKNOWN)
    side = Figure(
        None,
        high=ureg.Quantity(bound, amount.unit),
        high_inclusive=inclusive,
        approximate=amount.approximate,
        places=amount.places,
    )
    return format_figure(side, locale)


def _details(balance: NetBalance, locale: Locale, names: PartyNames | None) -> str:
    """Each claim with what reduced it, joined: claims first, then the answers taken off."""
    first: str | None = None
    steps: list[tuple[str, str]] = []
    for line in sorted(balance.lines, key=lambda line: -line.sign):  # claims, then answers
        text = _line_text(line, locale, names)
        if first is None:
            first = text if line.sign > 0 else words_say(locale, LESS, first="0", second=text)
        else:
            steps.append((PLUS if line.sign > 0 else LESS, text))
    if first is None:
        return words_say(locale, NO_CLAIMS)
    return say_chained(locale, first, steps)  # in one pass: joined step by step was quadratic


def _line_text(line: NetLine, locale: Locale, names: PartyNames | None) -> str:
    """One claim: as asserted, each reduction dated with its kind, and what is outstanding
    ("Russia's claim of about $489M less $189M written off (2012-09-20): about $300M
    outstanding"); one without reductions as asserted ("at most RUB12B", never its clamped
    "RUB0–RUB12B"), with what it comes to converted beside it ("$489M (KGS23B)")."""
    claim = line.claim
    pattern = COUNTERCLAIM if claim.counter_to else CLAIM
    party = party_name(claim.creditor, locale, names)
    if line.marked:
        head = words_say(locale, pattern, party=party, amount=format_figure(claim.amount, locale))
        if line.settlements:
            reductions = _reductions_text(line.reductions, locale)
            head = words_say(locale, LESS, first=head, second=reductions)
        return words_say(locale, MARKED[claim.status], claim=head)
    asserted = format_figure(claim.amount, locale)
    if not line.settlements:
        if line.conversion is not None:  # as asserted, then what it comes to converted
            asserted = f"{asserted} ({format_figure(line.counted, locale)})"
        return words_say(locale, pattern, party=party, amount=asserted)
    head = words_say(locale, pattern, party=party, amount=asserted)
    reductions = _reductions_text(line.reductions, locale)
    if line.cleared:
        methods = {s.method for s in line.reductions}
        kind = methods.pop() if len(methods) == 1 else "other"
        return words_say(
            locale,
            IN_FULL.get(kind, IN_FULL["other"]),
            claim=head,
            date=line.reductions[-1].as_of.isoformat(),
            reductions=reductions,
        )
    left = format_figure(line.outstanding, locale)
    if line.conversion is not None:
        left = f"{left} ({format_figure(line.counted, locale)})"
    return words_say(locale, REDUCED, claim=head, reductions=reductions, outstanding=left)


@owned
def format_reductions(
    settlements: Iterable[Settlement],
    locale: str | Locale = "en_US",
    *,
    span: bool = False,
    fallback: str | None = None,
) -> str:
    """Reductions of a claim in words, oldest first, like ones (same kind, same amount)
    grouped with their dates; ``span=True`` gives a group's first and last date only, short
    enough for a chart's label.

    >>> from datetime import date
    >>> import ledger as lg
    >>> source = lg.Source(publisher="MinFin", title="Tranches", date=date(2018, 3, 16))
    >>> cuts = [lg.Settlement(id=f"t{y}", as_of=date(y, 3, 16), source=source, claim="c",
    ...                       amount="30 million USD", method="write_off")
    ...         for y in (2016, 2017, 2018)]
    >>> format_reductions(cuts)
    '3 × $30M written off (2016-03-16, 2017-03-16, 2018-03-16)'
    >>> format_reductions(cuts, span=True)
    '3 × $30M written off (2016-03-16 … 2018-03-16)'
    """
    from .entries import Settlement

    found = list(settlements)
    for settlement in found:
        if not isinstance(settlement, Settlement):
            raise LedgerError(
                f"settlements: {type(settlement).__name__} is not a settlement; pass Settlements"
            )
    ordered = tuple(sorted(found, key=lambda s: (s.as_of, s.id)))
    return _reductions_text(ordered, locale_of(locale, fallback), span)


def _reductions_text(reductions: tuple[Settlement, ...], locale: Locale, span: bool = False) -> str:
    """Reductions, oldest first, like ones (same kind, same amount) grouped with their dates:
    "$189M written off (2012-09-20) and 3 × $30M paid (2013-09-20, 2014-09-20, 2015-09-20)"."""
    items = []
    for (method, amount), alike in _reduction_groups(reductions, locale).items():
        if len(alike) > 1:
            amount = words_say(locale, TIMES, count=str(len(alike)), amount=amount)
        days = [s.as_of.isoformat() for s in alike]
        dates = f"{days[0]} … {days[-1]}" if span and len(days) > 2 else ", ".join(days)
        items.append(words_say(locale, REDUCTION[method], amount=amount, dates=dates))
    if len(items) == 1:
        return items[0]
    return words_say(locale, BOTH, first=", ".join(items[:-1]), second=items[-1])


def _reduction_groups(
    reductions: Iterable[Settlement], locale: str | Locale = "en_US"
) -> dict[tuple[str, str], list[Settlement]]:
    """Like reductions together, keyed by (method, amount as shown), in the order given."""
    where = locale_of(locale)
    groups: dict[tuple[str, str], list[Settlement]] = {}
    for settlement in reductions:
        key = (settlement.method, format_figure(settlement.amount, where))
        groups.setdefault(key, []).append(settlement)
    return groups
