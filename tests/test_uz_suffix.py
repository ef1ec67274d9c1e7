"""Uzbek writes "more than" as a case ending on the amount, not a word apart: "1 martadan
ortiq" (more than 1 time), "2 yildan ortiq"; after a sign the ending is joined with a hyphen
("50%-dan ortiq"). The other languages keep their word order (issue 15)."""

import pytest

import ledger as lg
from ledger.formatting import format_figure, format_ratio

F = lg.Figure


def _said(locale):
    return (
        format_ratio(F.of("1", "more_than"), locale),
        format_ratio(F.of("2", "less_than"), locale),
        format_ratio(F.of("1.09", "about"), locale),
        format_figure(F.of("300 million USD", "more_than"), locale),
        format_ratio(F.of("0.5", "more_than"), locale, as_percent=True),
        format_ratio(F.of("2 year", "more_than"), locale),
    )


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "uz_Latn_UZ",
            (
                "1 martadan ortiq",
                "2 martadan kam",
                "taxminan 1,09 marta",
                "300 mln US$-dan ortiq",
                "50%-dan ortiq",
                "2 yildan ortiq",
            ),
        ),
        (
            "uz_Cyrl_UZ",
            (
                "1 мартадан ортиқ",
                "2 мартадан кам",
                "тахминан 1,09 марта",
                "300 млн US$-дан ортиқ",
                "50%-дан ортиқ",
                "2 йилдан ортиқ",
            ),
        ),
        # The others as they were: the qualifier word and the multiple sign.
        (
            "en_US",
            (
                "more than 1×",
                "less than 2×",
                "about 1.09×",
                "more than $300M",
                "more than 50%",
                "more than 2 years",
            ),
        ),
        (
            "ru_RU",
            (
                "более 1×",
                "менее 2×",
                "около 1,09×",
                "более 300\xa0млн\xa0$",
                "более 50\xa0%",
                "более 2 лет",
            ),
        ),
        (
            "tg_TJ",
            (
                "зиёда аз 1×",
                "камтар аз 2×",
                "тақрибан 1,09×",
                "зиёда аз 300 млн. US$",
                "зиёда аз 50%",
                "зиёда аз 2 сол",
            ),
        ),
        (
            "ky_KG",
            (
                "1× ашык",
                "2× кем",
                "болжол менен 1,09×",
                "300 млн USD ашык",
                "50% ашык",
                "2 жыл ашык",
            ),
        ),
        (
            "kk_KZ",
            ("1× астам", "2× кем", "шамамен 1,09×", "300 млн $ астам", "50% астам", "2 жыл астам"),
        ),
    ],
)
def test_more_than_is_written_as_each_language_writes_it(locale, expected):
    said = tuple(text.replace("\u202f", " ").replace("\xa0", " ") for text in _said(locale))
    assert said == tuple(text.replace("\xa0", " ") for text in expected)


def test_an_uzbek_range_of_multiples_says_marta_once():
    text = format_ratio(F.range("0.5", "0.75"), "uz_Latn_UZ")
    assert text == "0,5–0,75 marta"
