"""Formatting in English, Russian and Tajik: exact strings for the seed, laws for the rest."""

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

import ledger as lg
import ledger.numbers
import ledger.words
from ledger import strategies as lst
from ledger.formatting import LOCALE_DIR

DAY = date(2004, 3, 15)
NB = "\u00a0"  # CLDR puts no-break spaces between number, scale word and currency
LOCALES = ("en_US", "ru_RU", "tg_TJ")


def seed():
    book = lg.example()
    return {
        "claim": book["ru-claims-tajik-debt"].amount,
        "counterclaim": book["tj-counterclaim-nurek"].amount,
        "remittances": book["tajik-migrant-remittances"].amount,
        "migrants": book["tajik-migrant-remittances"].migrants,
        "budget": book["tajik-national-budget"].amount,
    }


EXPECTED_FIGURES = {
    "en_US": {
        "claim": "about $300M",
        "counterclaim": "$50M",
        "remittances": "more than $300M per year",
        "migrants": "estimated 1 million people",  # "an estimated 1 million"
        "budget": "$300M per year",
    },
    "ru_RU": {
        "claim": f"около 300{NB}млн{NB}$",
        "counterclaim": f"50{NB}млн{NB}$",
        "remittances": f"более 300{NB}млн{NB}$ в год",
        "migrants": f"по оценкам 1{NB}млн человек",
        "budget": f"300{NB}млн{NB}$ в год",
    },
    "tg_TJ": {
        "claim": f"тақрибан 300{NB}млн.{NB}US$",
        "counterclaim": f"50{NB}млн.{NB}US$",
        "remittances": f"зиёда аз 300{NB}млн.{NB}US$ дар як сол",
        "migrants": "тахминан 1 миллион нафар",
        "budget": f"300{NB}млн.{NB}US$ дар як сол",
    },
}

EXPECTED_SENTENCES = {
    "en_US": [
        "Tajikistan owes Russia about $250M net: Russia's claim of about $300M less "
        "Tajikistan's counterclaim of $50M.",
        "Remittances to Tajikistan are more than 1× its budget.",
        "Tajikistan's debt is about 1 year of its budget.",
        "Tajikistan's net debt is about 0.83 years of its budget.",
        "Remittances to Tajikistan come to more than $300 per person per year (approximate).",
    ],
    "ru_RU": [
        f"Должник: Таджикистан; кредитор: Россия; чистый долг: около 250{NB}млн{NB}$ "
        f"(требование (Россия): около 300{NB}млн{NB}$ минус встречное требование "
        f"(Таджикистан): 50{NB}млн{NB}$).",
        "Денежные переводы / бюджет (Таджикистан): более 1×.",
        "Долг / бюджет (Таджикистан): около 1 года.",
        "Чистый долг / бюджет (Таджикистан): около 0,83 года.",
        f"Денежные переводы (Таджикистан): более 300{NB}$ на человека в год (приблизительно).",
    ],
    "tg_TJ": [
        f"Қарздор: Тоҷикистон; кредитор: Русия; қарзи холис: тақрибан 250{NB}млн.{NB}US$ "
        f"(талабот (Русия): тақрибан 300{NB}млн.{NB}US$ минус талаботи муқобил "
        f"(Тоҷикистон): 50{NB}млн.{NB}US$).",
        "Интиқоли пул / буҷет (Тоҷикистон): зиёда аз 1×.",
        "Қарз / буҷет (Тоҷикистон): тақрибан 1 сол.",
        "Қарзи холис / буҷет (Тоҷикистон): тақрибан 0,83 сол.",
        f"Интиқоли пул (Тоҷикистон): зиёда аз 300{NB}US$ ба як нафар дар як сол (тақрибан).",
    ],
}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_seed_figure_in_three_languages(locale):
    figures = seed()
    for name, expected in EXPECTED_FIGURES[locale].items():
        assert lg.format_figure(figures[name], locale=locale) == expected, name


@pytest.mark.parametrize("locale", LOCALES)
def test_the_net_balance_and_every_ratio_in_three_languages(locale):
    book = lg.example()
    results = [
        lg.net_balance(book, "TJ", "RU", as_of=DAY),
        lg.remittances_to_budget(book, "TJ", as_of=DAY),
        lg.debt_to_budget(book, "TJ", as_of=DAY),
        lg.debt_to_budget(book, "TJ", net=True, as_of=DAY),
        lg.per_migrant(book, "TJ", as_of=DAY),
    ]
    assert [lg.describe(r, locale=locale) for r in results] == EXPECTED_SENTENCES[locale]


@pytest.mark.parametrize(
    ("value", "locale", "style", "expected"),
    [
        ("300 million USD", "en_US", "compact", "$300M"),
        ("300 million USD", "ru_RU", "compact", f"300{NB}млн{NB}$"),
        ("300 million USD", "tg_TJ", "compact", f"300{NB}млн.{NB}US$"),
        ("300 million USD", "en_US", "full", "$300,000,000"),
        ("300.5 USD", "en_US", "full", "$300.50"),
        ("300.125 USD", "en_US", "full", "$300.125"),
        ("300 million USD", "en_US", "long", "300 million US dollars"),
        ("300 million USD", "ru_RU", "long", "300 миллионов долларов США"),
        ("300 million USD/year", "en_US", "compact", "$300M per year"),
        ("300 million USD/year", "ru_RU", "compact", f"300{NB}млн{NB}$ в год"),
        ("1,500,000 USD", "en_US", "compact", "$1.5M"),
        ("242,400,000 USD", "en_US", "compact", "$242M"),
        ("8,500,000 USD", "en_US", "compact", "$8.5M"),
        ("2,450,000 USD", "en_US", "compact", "$2.45M"),
        ("2,455,000 USD", "en_US", "compact", "$2.46M"),  # half up, where babel rounds half even
        ("-250 million USD", "en_US", "compact", "-$250M"),
        ("-250 million USD", "en_US", "full", "-$250,000,000"),
        ("50 USD/month", "en_US", "compact", "$50 per month"),
    ],
)
def test_format_money(value, locale, style, expected):
    assert lg.format_money(value, locale=locale, style=style) == expected


@pytest.mark.parametrize(
    ("figure", "locale", "as_percent", "expected"),
    [
        (lg.Figure.of("1", "more_than"), "en_US", False, "more than 1×"),
        (lg.Figure.of("0.8333", "about"), "en_US", True, "about 83%"),
        (lg.Figure.range("0.21", "0.48"), "en_US", True, "21%–48%"),
        (lg.Figure.of("1 year", "about"), "ru_RU", False, "около 1 года"),
        (lg.Figure.of("5 year", "about"), "ru_RU", False, "около 5 лет"),
        (lg.Figure.of("1 year"), "ru_RU", False, "1 год"),
        (lg.Figure.of("2 year"), "en_US", False, "2 years"),
        (
            lg.Figure.of("300 USD/person/year", "more_than"),
            "en_US",
            False,
            "more than $300 per person per year",
        ),
    ],
)
def test_format_ratio(figure, locale, as_percent, expected):
    assert lg.format_ratio(figure, locale=locale, as_percent=as_percent) == expected


def test_ranges_and_unknowns_keep_their_words():
    assert lg.format_figure(lg.Figure.range("250 million USD", "300 million USD")) == "$250M–$300M"
    assert (
        lg.format_figure(lg.Figure.range("250 million USD", "300 million USD", approximate=True))
        == "about $250M–$300M"
    )
    unknown = lg.Figure.of("3 USD", "more_than") - lg.Figure.of("1 USD", "more_than")
    assert lg.format_figure(unknown) == "an unknown amount"


def test_a_locale_without_a_catalog_is_refused_or_falls_back_to_words_asked_for():
    figure = lg.Figure.of("300 million USD/year", "more_than")
    with pytest.raises(lg.LanguageError, match="en, ru, tg, ky, kk, uz_Latn, uz_Cyrl"):
        lg.format_figure(figure, locale="de_DE")
    with pytest.warns(lg.LanguageFallbackWarning, match="de_DE"):
        text = lg.format_figure(figure, locale="de_DE", fallback="en")
    assert text == f"more than 300{NB}Mio.{NB}$ per year"


def test_an_unknown_locale_is_refused_clearly():
    with pytest.raises(lg.LocaleError, match="not known to CLDR"):
        lg.format_money("3 USD", locale="xx_YY")
    with pytest.raises(lg.LocaleError, match="accepted: compact, full, long"):
        lg.format_money("3 USD", style="tiny")


# -- laws -----------------------------------------------------------------------------------


@given(
    st.sampled_from(["stock", "flow"]).flatmap(
        lambda kind: lst.quantities(
            kind,
            st.sampled_from(["USD", "RUB", "TJS", "EUR"]),
            per="year" if kind == "flow" else None,
            min_value=-(10**12),
        )
    ),
    st.sampled_from(LOCALES),
)
def test_full_style_reads_back_exactly(q, locale):
    assert lg.parse_money(lg.format_money(q, locale=locale, style="full"), locale=locale) == q


@given(
    lst.quantities("stock", st.sampled_from(["USD", "RUB", "EUR"]), min_value=-(10**12)),
    st.sampled_from(LOCALES),
)
def test_compact_style_reads_back_within_half_its_last_digit(q, locale):
    text = lg.format_money(q, locale=locale)
    back = lg.parse_money(text, locale=locale).magnitude
    magnitude = q.magnitude
    if magnitude.is_zero():
        assert back == 0
        return
    # Three significant digits: within half a unit of the amount's own third digit (taken
    # from the amount, not from the code under test), and on the same side of zero.
    half = Decimal(1).scaleb(magnitude.adjusted() - 2) / 2
    assert abs(back - magnitude) <= half
    assert (back < 0) == (magnitude < 0)


@given(lst.figures("stock", "USD", min_value=1), st.sampled_from(LOCALES))
def test_sign_and_qualifier_are_never_dropped(figure, locale):
    catalog = ledger.words.catalog(ledger.words.locale_of(locale))
    words = {
        "about": "about {amount}",
        "estimated": "estimated {amount}",
        "more_than": "more than {amount}",
        "at_least": "at least {amount}",
        "at_most": "at most {amount}",
        "less_than": "less than {amount}",
    }
    for shown in (figure, -figure):
        text = lg.format_figure(shown, locale=locale)
        word = words.get(shown.qualifier)
        if word:
            assert catalog.gettext(word).split("{amount}")[0] in text
        value = shown.value
        if value is not None and value.magnitude < 0:
            assert "-" in text or "\u2212" in text  # beside a range, a minus sign (U+2212)


# -- the catalogs ---------------------------------------------------------------------------


def catalog(language):
    with open(LOCALE_DIR / language / "LC_MESSAGES" / "ledger.po", "rb") as stream:
        return read_po(stream)


def template():
    with open(LOCALE_DIR / "ledger.pot", "rb") as stream:
        return read_po(stream)


@pytest.mark.parametrize("language", ["ru", "tg"])
def test_every_message_has_a_translation(language):
    wanted = {(m.context, m.id) for m in template() if m.id}
    translated = {(m.context, m.id) for m in catalog(language) if m.id and m.string and not m.fuzzy}
    assert len(wanted) >= 40
    assert wanted <= translated, sorted(wanted - translated)


@pytest.mark.parametrize("language", ["ru", "tg"])
def test_compiled_catalogs_are_current(language):
    compiled = io.BytesIO()
    write_mo(compiled, catalog(language))
    path = LOCALE_DIR / language / "LC_MESSAGES" / "ledger.mo"
    assert path.read_bytes() == compiled.getvalue(), (
        "run: pybabel compile -D ledger -d src/ledger/locale"
    )


def test_the_template_holds_every_message_in_the_code():
    source = Path(ledger.words.__file__)
    found = {
        (context, message)
        for _, message, _, context in extract_from_file(
            "python", str(source), keywords={"_": None, "_p": ((1, "c"), 2)}
        )
    }
    assert found == {(m.context, m.id) for m in template() if m.id}, (
        "run: pybabel extract (see docs/api.md) and pybabel update"
    )


def test_direction_is_kept_positive_and_an_empty_balance_is_even():
    book = lg.example()
    backwards = lg.net_balance(book, "RU", "TJ", as_of=DAY)
    assert lg.describe(backwards).startswith("Tajikistan owes Russia about $250M net")
    with pytest.raises(lg.LedgerError, match="'KZ' appears in no claim of the ledger"):
        lg.net_balance(book, "KZ", "RU", as_of=DAY)  # a typo is refused, never "even"
    named = lg.Ledger(list(book), parties={"KZ": "Kazakhstan"})
    nothing = lg.net_balance(named, "KZ", "RU", as_of=DAY)
    assert lg.describe(nothing) == "Kazakhstan and Russia are even: no claims."
