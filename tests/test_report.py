"""The report as a reader gets it: one HTML page, whole in itself, in the reader's language,
every figure linked to where it comes from. (The same page in a real browser:
tests/test_browser.py.)"""

import json
import re
import sys
from datetime import date
from html.parser import HTMLParser

import pytest

import ledger as lg
from ledger.cli import main

DAY = date(2004, 3, 15)


class Page(HTMLParser):
    """What a page holds: elements with their attributes, and the text under each heading."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.elements, self.text, self._open = [], [], []
        self.heads, self.links = {}, []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._open.append(tag)
        if tag == "a":
            self.links.append([dict(attrs).get("href"), ""])

    def handle_endtag(self, tag):
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data):
        self.text.append(data)
        for tag in ("th", "h2"):
            if tag in self._open:
                self.heads.setdefault(tag, []).append(data.strip())
        if "a" in self._open and self.links:
            self.links[-1][1] += data

    def ids(self):
        return {attrs["id"] for _, attrs in self.elements if "id" in attrs}

    def tags(self, name):
        return [attrs for tag, attrs in self.elements if tag == name]


@pytest.fixture(scope="module")
def english():
    return lg.report(lg.example(), as_of=DAY)


def test_the_page_says_what_the_ledger_comes_to(english):
    text = " ".join(Page(english).text)
    assert "Tajikistan owes Russia about $250M net" in text
    assert "Remittances to Tajikistan are more than 1× its budget." in text
    assert "Russia says Tajikistan owes some $300 million to Moscow." in text  # the quote
    assert "RFE/RL" in text and "Tajikistan: Relations With Moscow" in text


def test_the_page_is_whole_in_itself(english):
    page = Page(english)
    assert english.startswith("<!DOCTYPE html>")
    assert page.tags("html")[0]["lang"] == "en"
    assert page.tags("script") == []
    assert page.tags("link") == [] and page.tags("img") == [] and page.tags("iframe") == []
    assert "@import" not in english  # nothing fetched by the style
    assert all(ref.startswith("#") for ref in re.findall(r"url\(([^)]*)\)", english))
    assert "@media print" in english
    assert any(m.get("name") == "viewport" for m in page.tags("meta"))
    for href, _ in page.links:
        assert href.startswith("#") or re.match(r"https?://", href), href


def test_every_figure_links_to_its_entry(english):
    page = Page(english)
    anchors = page.ids()
    for href, _ in page.links:
        if href.startswith("#"):
            assert href[1:] in anchors, f"{href} leads nowhere"
    linked = {(href, text.strip()) for href, text in page.links}
    for entry, words in [
        ("ru-claims-tajik-debt", "about $300M"),
        ("tj-counterclaim-nurek", "$50M"),
        ("tajik-national-budget", "$300M per year"),
        ("tajik-migrant-remittances", "more than $300M per year"),
    ]:
        assert (f"#entry-{entry}", words) in linked, entry
    # each entry's row links to its source, which the page lists
    assert "#source-1" in {href for href, _ in page.links} and "source-1" in anchors


def test_every_table_has_headers(english):
    page = Page(english)
    tables = english.count("<table")
    assert tables >= 5
    assert english.count("<thead>") == tables
    assert all(attrs.get("scope") == "col" for attrs in page.tags("th"))


def test_the_russian_page_speaks_russian_in_its_own_words():
    page = Page(lg.report(lg.example(), as_of=DAY, locale="ru_RU", charts=False))
    assert page.tags("html")[0]["lang"] == "ru"
    heads = set(page.heads["th"]) | set(page.heads["h2"])
    for russian in ("запись", "как заявлено", "минус", "учитывается", "сумма", "источник",
                    "Чистые сальдо", "Соотношения", "Позиции", "Записи", "Источники"):  # fmt: skip
        assert russian in heads, russian
    for english in ("entry", "as asserted", "less", "counts for", "amount", "source",
                    "Net balances", "Ratios", "Positions", "Entries", "Sources"):  # fmt: skip
        assert english not in heads, english


def test_the_tajik_page_has_tajik_heads():
    page = Page(lg.report(lg.example(), as_of=DAY, locale="tg_TJ", charts=False))
    assert page.tags("html")[0]["lang"] == "tg"
    assert {"Манбаъҳо", "Сабтҳо", "манбаъ"} <= set(page.heads["th"]) | set(page.heads["h2"])


def test_charts_are_inline_svg_with_their_words_as_text(english):
    assert english.count("<svg") == 2  # the netting of TJ and RU, TJ against its budget
    svg = english[english.index("<svg") : english.index("</svg>")]
    assert "about $250M" in svg.replace("&#x24;", "$")  # text, not outlines: found and copied


def test_without_matplotlib_the_page_says_there_are_no_charts(monkeypatch):
    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib fails
    page = lg.report(lg.example(), as_of=DAY)
    assert "<svg" not in page
    assert "No charts: matplotlib is not installed" in page


def test_a_ledger_with_nothing_to_net_still_makes_a_page():
    book = lg.loads(
        """
[sources.imf]
publisher = "IMF"
title = "Article IV"
date = 2012-01-01
url = "https://www.imf.org/en/Publications"

[[entries]]
kind = "budget"
id = "kg-budget"
as_of = 2012-01-01
source = "imf"
party = "KG"
amount = "86 billion KGS/year"
""",
        name="budget.toml",
    )
    page = Page(lg.report(book, as_of=date(2012, 12, 31)))
    text = " ".join(page.text)
    assert "86" in text and "kg-budget" in text
    assert ("https://www.imf.org/en/Publications", "Article IV") in [tuple(x) for x in page.links]


def test_lg_report_is_still_the_function_once_its_module_is_loaded():
    import ledger.reporting  # noqa: F401  (a module named report would have hidden the function)

    assert lg.report(lg.example(), as_of=DAY, charts=False) == lg.report(
        lg.example(), as_of=DAY, charts=False
    )


def test_report_refuses_what_is_not_a_ledger():
    with pytest.raises(lg.LedgerError, match="takes a Ledger"):
        lg.report("tajikistan_russia_2004.toml")


def test_a_report_that_cannot_be_written_says_where(tmp_path):
    with pytest.raises(lg.LedgerError, match="cannot write the report to"):
        lg.write_report(lg.example(), tmp_path / "no" / "such" / "report.html")


# -- the command -------------------------------------------------------------------------


def test_the_command_writes_the_page(tmp_path, capsys):
    out = tmp_path / "report.html"
    code = main(["report", "tj-ru-2004", "-o", str(out), "--locale", "ru_RU",
                 "--as-of", "2004-03-15", "--no-charts"])  # fmt: skip
    assert code == 0
    page = out.read_text(encoding="utf-8")
    assert '<html lang="ru"' in page and "Чистые сальдо" in page
    assert str(out) in capsys.readouterr().out


def test_the_command_says_in_json_what_it_wrote(tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["report", "tj-ru-2004", "-o", str(out), "--json", "--no-charts"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["file"] == str(out) and said["bytes"] == out.stat().st_size


def test_the_command_refuses_a_bad_file_in_words(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text('[sources.x]\npublisher = "x"\ntitle = "y"\ndate = 2004-01-01\n'
                   'url = "javascript:alert(1)"\n', encoding="utf-8")  # fmt: skip
    code = main(["report", str(bad), "-o", str(tmp_path / "r.html")])
    err = capsys.readouterr().err
    assert code != 0
    assert "sources.x: url" in err and "https://" in err
    assert "Traceback" not in err
    assert not (tmp_path / "r.html").exists()


def test_the_command_needs_somewhere_to_write(capsys):
    assert main(["report", "tj-ru-2004"]) == 2
    assert "-o" in capsys.readouterr().err


# -- no English words in a Russian or Tajik page -------------------------------------------

RUSSIAN_LEDGER = """
title = "Таджикистан и Россия, март 2004"

[sources.s1]
publisher = "Радио Азаттык"
title = "Таджикистан и Москва"
date = 2004-03-15
url = "https://rus.ozodi.org/"

[[entries]]
kind = "claim"
id = "a1"
as_of = 2004-03-15
source = "s1"
creditor = "RU"
debtor = "TJ"
asserted_by = "RU"
amount = "300 million USD"
qualifier = "about"
quote = "Россия говорит, что Таджикистан должен около 300 млн долларов."

[[entries]]
kind = "claim"
id = "b2"
as_of = 2004-03-15
source = "s1"
creditor = "TJ"
debtor = "RU"
asserted_by = "TJ"
amount = "50 million USD"
counter_to = "a1"

[[entries]]
kind = "budget"
id = "c3"
as_of = 2004-03-15
source = "s1"
party = "TJ"
amount = "300 million USD/year"
fiscal_year = 2004

[[entries]]
kind = "remittance"
id = "d4"
as_of = 2004-03-15
source = "s1"
origin = ["RU"]
destination = "TJ"
amount = "300 million USD/year"
qualifier = "more_than"
"""


class Words(HTMLParser):
    """The words a reader reads, less what is marked English (the library's own reasons)."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.words, self._skip = [], []
        self.feed(html)

    VOID = frozenset({"meta", "link", "br", "img", "hr", "input", "wbr"})  # no end tag

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        # a file's key (``<code>migrants = {...}</code>``) is code, written as in the file
        english = (tag != "html" and dict(attrs).get("lang") == "en") or tag in ("style", "code")
        self._skip.append(english or (bool(self._skip) and self._skip[-1]))

    def handle_endtag(self, tag):
        if self._skip:
            self._skip.pop()

    def handle_data(self, data):
        if not (self._skip and self._skip[-1]):
            self.words += re.findall(r"[A-Za-z][A-Za-z-]*", data)


def _english_words():
    """Every word of the English messages (the catalog's template), placeholders aside."""
    from babel.messages.pofile import read_po

    from ledger.words import LOCALE_DIR

    with open(LOCALE_DIR / "ledger.pot", "rb") as handle:
        template = read_po(handle)
    words = set()
    for message in template:
        for text in message.id if isinstance(message.id, tuple) else (message.id,):
            words |= {w.lower() for w in re.findall(r"[A-Za-z]+", re.sub(r"\{\w*\}", "", text))}
    return {w for w in words if len(w) > 2}


@pytest.mark.parametrize("locale", ["ru_RU", "tg_TJ"])
def test_a_page_in_russian_or_tajik_has_no_english_words(locale):
    book = lg.loads(RUSSIAN_LEDGER, name="ru.toml")
    page = lg.report(book, as_of=DAY, locale=locale)
    allowed = {"usd", "debt-ledger", "us"}  # the currency code, the program's name
    found = ({w.lower() for w in Words(page).words} - allowed) & _english_words()
    assert found == set()


def test_the_english_words_test_finds_english_words():
    page = lg.report(lg.loads(RUSSIAN_LEDGER, name="ru.toml"), as_of=DAY, locale="en_US")
    found = {w.lower() for w in Words(page).words} & _english_words()
    assert {"entries", "sources", "owes", "budget"} <= found
