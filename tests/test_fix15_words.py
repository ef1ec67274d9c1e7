"""Words a user check found wrong (issue 15): braces doubled in a refusal, Russian ranges of
years and of money, a ledger's names of parties, plural-correct ``repr``, uz_Cyrl spacing."""

from datetime import date

import pytest

import ledger as lg
from ledger.cli import main

KG = "kg-ru-2012"


# -- 2. the refusal to say remittances per migrant, in the report and on the command line ----


def test_the_report_says_what_to_add_with_single_braces():
    page = lg.report(lg.example(KG), as_of=date(2013, 12, 31), charts=False)
    assert "{{ amount" not in page and "...&#x27; }}" not in page
    key = "migrants = { amount = &#x27;...&#x27;, qualifier = &#x27;...&#x27; }"
    assert f"add <code>{key}</code>" in page  # the file's key, set apart as code


def test_the_refusal_itself_has_single_braces():
    with pytest.raises(lg.LedgerError) as caught:
        lg.per_migrant(lg.example(KG), "KG", as_of=date(2013, 12, 31))
    assert "migrants = { amount = '...', qualifier = '...' } to the entry" in str(caught.value)


def test_the_command_line_still_says_single_braces(capsys):
    main(["ratios", "--example", KG, "KG", "--on", "2013-12-31"])
    out, err = capsys.readouterr()
    said = out + err
    assert "migrants = { amount = '...', qualifier = '...' }" in said
    assert "{{" not in said


# -- 5. a ledger's name for a party follows the rule describe follows -----------------------


def test_ledger_party_name_takes_cldr_before_another_languages_name():
    kg = lg.example(KG)  # names KG only in Russian
    assert kg.party_name("KG", "kk") == "Қырғызстан"
    assert kg.party_name("KG", "ru") == "Кыргызстан"
    assert kg.party_name("KG", "en") == "Kyrgyzstan"


def test_ledger_party_name_matches_the_words_rule_in_every_language():
    kg = lg.example(KG)
    for language, locale in [("en", "en_US"), ("ru", "ru_RU"), ("tg", "tg_TJ"), ("kk", "kk_KZ")]:
        assert kg.party_name("KG", language) == lg.party_name("KG", locale, kg.parties)


def test_ledger_party_name_falls_back_to_the_files_name_in_any_language():
    book = lg.Ledger([], parties={"org:eabr": {"name": {"ru": "ЕАБР"}}})
    assert book.party_name("org:eabr", "kk") == "ЕАБР"
    assert book.party_name("org:eabr", "en") == "ЕАБР"
    assert book.party_name("XX-unknown", "en") == "XX-unknown"


def test_ledger_party_name_takes_a_plain_name_for_every_language():
    book = lg.Ledger([], parties={"org:imf": "IMF"})
    assert book.party_name("org:imf", "ru") == "IMF"


# -- 6. repr in plural-correct English ------------------------------------------------------


def test_repr_of_one_entry_says_entry():
    one = lg.Ledger(list(lg.example(KG).claims()))
    assert repr(one) == "<Ledger: 1 entry (1 claim)>"


def test_repr_of_an_empty_ledger():
    assert repr(lg.Ledger([])) == "<Ledger: no entries>"


def test_repr_of_many_entries():
    text = repr(lg.example(KG))
    assert text.startswith("<Ledger 'Kyrgyzstan and Russia, September 2012': 10 entries (")
    assert "1 claim, 4 settlements, 2 remittances, 1 budget, 2 rates" in text


# -- 3. ranges: the unit once, in the upper end's form ------------------------------------

NBSP = "\xa0"


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        ("1 year", "2 year", "1–2 года"),
        ("2 year", "5 year", "2–5 лет"),
        ("1 year", "21 year", "1–21 год"),
        ("1.5 year", "3 year", "1,5–3 года"),
    ],
)
def test_a_russian_range_of_years_says_the_unit_once_by_the_upper_end(low, high, expected):
    assert lg.format_figure(lg.Figure.range(low, high), locale="ru_RU") == expected


def test_an_approximate_russian_range_of_years_keeps_its_word():
    figure = lg.Figure.range("1 year", "2 year", approximate=True)
    assert lg.format_figure(figure, locale="ru_RU") == "около 1–2 лет"


def test_an_approximate_russian_range_of_money_says_the_unit_once():
    figure = lg.Figure.range("20 million USD", "50 million USD", approximate=True)
    assert lg.format_figure(figure, locale="ru_RU") == f"около 20–50{NBSP}млн{NBSP}$"


def test_a_range_across_scales_keeps_both_units():
    figure = lg.Figure.range("950 thousand USD", "1.2 million USD")
    assert lg.format_figure(figure, locale="ru_RU") == (
        f"950{NBSP}тыс.{NBSP}${chr(0x2013)}1,2{NBSP}млн{NBSP}$"
    )


def test_a_flow_range_keeps_its_period_once():
    figure = lg.Figure.range("20 million USD/year", "50 million USD/year", approximate=True)
    assert lg.format_figure(figure, locale="ru_RU") == f"около 20–50{NBSP}млн{NBSP}$ в год"
    assert lg.format_figure(figure, locale="ky_KG") == (
        f"болжол менен жылына 20–50{NBSP}млн{NBSP}USD"
    )


def test_english_money_ranges_keep_the_symbol_on_both_ends():
    figure = lg.Figure.range("250 million USD", "300 million USD")
    assert lg.format_figure(figure, locale="en_US") == "$250M–$300M"


QUALIFIER_WORDS = {
    "en_US": "about",
    "ru_RU": "около",
    "tg_TJ": "тақрибан",
    "ky_KG": "болжол менен",
    "kk_KZ": "шамамен",
    "uz_Latn_UZ": "taxminan",
    "uz_Cyrl_UZ": "тахминан",
}


@pytest.mark.parametrize("locale", sorted(QUALIFIER_WORDS))
@pytest.mark.parametrize(
    ("low", "high"),
    [
        ("1 year", "2 year"),
        ("20 million USD", "50 million USD"),
        ("1 million person", "2 million person"),
    ],
)
def test_every_locale_keeps_the_qualifier_and_both_numbers_of_a_range(locale, low, high):
    text = lg.format_figure(lg.Figure.range(low, high, approximate=True), locale=locale)
    assert QUALIFIER_WORDS[locale] in text
    first, second = ("20", "50") if "USD" in low else ("1", "2")
    if locale == "en_US" and "USD" in low:
        assert "$20M–$50M" in text  # English keeps the symbol on both ends
    else:
        assert f"{first}–{second}" in text


# -- 8. Uzbek in Cyrillic keeps a space between the number and its scale -------------------


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("250 million USD", f"250{NBSP}млн{NBSP}US$"),
        ("2500 USD", f"2,5{NBSP}минг{NBSP}US$"),
        ("3 billion USD", f"3{NBSP}млрд{NBSP}US$"),
    ],
)
def test_uzbek_cyrillic_compact_money_has_a_space_before_the_scale(amount, expected):
    assert lg.format_money(amount, "uz_Cyrl_UZ") == expected


def test_uzbek_latin_and_english_compact_money_are_unchanged():
    assert lg.format_money("250 million USD", "uz_Latn_UZ") == f"250{NBSP}mln{NBSP}US$"
    assert lg.format_money("250 million USD", "en_US") == "$250M"
