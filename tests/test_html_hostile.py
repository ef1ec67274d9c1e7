"""Hostile text in HTML: a link is only ever http(s), refused at load otherwise, and no string
from a file ever becomes markup, in any HTML face (notebook tables, balances, ratios,
conversions, the report). The oracle is the browser's view of the page: the output is parsed
with ``html.parser`` and every element and attribute it holds must be one the faces write,
every link an http(s) address or an anchor in the page."""

import json
from datetime import date
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ledger as lg
import ledger.strategies as lst
from ledger.display import (
    balance_html,
    conversion_html,
    ledger_html,
    ratio_html,
    transfers_html,
)
from ledger.terminal import is_safe

DAY = date(2004, 3, 15)

TOML = """
[sources.rferl]
publisher = "RFE/RL"
title = "Tajikistan: Relations With Moscow"
date = 2004-03-15
url = {url}

[[entries]]
kind = "claim"
id = "ru-claim"
as_of = 2004-03-15
source = "rferl"
creditor = "RU"
debtor = "TJ"
asserted_by = "RU"
amount = "300 million USD"
"""


def load_with_url(url):
    return lg.loads(TOML.format(url=url), name="hostile.toml")


REFUSED = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "\njavascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "DATA:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.org/x",
    "//example.org/x",
    "example.org/x",
    "https://",
    "https://exa mple.org/",
    "https://example.org/\x00",
    "https://example.org/\u202egpj.exe",
]


@pytest.mark.parametrize("url", REFUSED, ids=repr)
def test_a_url_that_is_not_http_is_refused_at_load_in_words(url):
    with pytest.raises(lg.LedgerError) as caught:
        load_with_url(json.dumps(url))  # a TOML basic string: the same escapes
    message = str(caught.value)
    assert "hostile.toml" in message
    assert "sources.rferl: url" in message
    assert "http://" in message and "https://" in message  # what is accepted


@pytest.mark.parametrize(
    "url",
    ["https://www.rferl.org/a/1051841.html?x=1&y=2", "http://example.org", "HTTPS://Example.org/"],
)
def test_an_http_url_is_kept_as_written(url):
    book = load_with_url(f'"{url}"')
    source = next(iter(book)).source
    assert source.url == url
    assert lg.loads(book.dumps()).__iter__().__next__().source.url == url


def test_a_source_built_in_code_refuses_a_javascript_url():
    with pytest.raises(lg.LedgerError, match=r"url.*only http:// and https://"):
        lg.Source(publisher="x", title="y", date=DAY, url="javascript:alert(1)")


# -- no string from a file becomes markup -------------------------------------------------

#: Every element and attribute the faces write, and nothing else.
TAGS = {
    "style", "table", "caption", "thead", "tbody", "tr", "th", "td", "a", "span", "p", "div",
    "html", "head", "body", "meta", "title", "h1", "h2", "h3", "section", "nav", "ul", "ol",
    "li", "q", "blockquote", "figure", "figcaption", "footer", "header", "main", "small", "abbr",
    "cite", "sup", "dl", "dt", "dd", "bdi", "code", "strong",
    # inline SVG charts, written by matplotlib (never from the data: their text is escaped)
    "svg", "g", "path", "defs", "use", "clippath", "rect", "text", "tspan", "metadata",
    "rdf:rdf", "cc:work", "dc:type", "dc:date", "dc:format", "dc:creator", "cc:agent",
    "dc:title", "symbol", "circle", "polyline", "line", "image", "pattern",
}  # fmt: skip
ATTRIBUTES = {
    "class", "title", "href", "id", "colspan", "scope", "lang", "dir", "charset", "name",
    "content", "media", "aria-label", "role", "cite", "data-label",
    # SVG
    "xmlns", "xmlns:xlink", "xmlns:rdf", "xmlns:cc", "xmlns:dc", "width", "height", "viewbox",
    "version", "d", "style", "transform", "clip-path", "x", "y", "xlink:href", "rdf:resource",
    "rdf:about", "fill", "stroke", "font-size", "font-family", "text-anchor", "points",
    "patternunits", "preserveaspectratio", "xml:space", "type",
}  # fmt: skip


class Structure(HTMLParser):
    """Every element, attribute and link in a page, as a browser's parser would find them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attributes, self.links = set(), set(), []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            self.attributes.add(name)
            if name in ("href", "xlink:href", "src", "action"):
                self.links.append(value or "")

    handle_startendtag = handle_starttag


def check_inert(html):
    parsed = Structure()
    parsed.feed(html)
    parsed.close()
    assert parsed.tags <= TAGS, parsed.tags - TAGS
    assert parsed.attributes <= ATTRIBUTES, parsed.attributes - ATTRIBUTES
    for link in parsed.links:
        assert link.startswith(("http://", "https://", "#", "HTTP://", "HTTPS://")), link
    # The one set of characters shown escaped everywhere (HTML, terminal, charts).
    assert is_safe(html), [c for c in html if not is_safe(c)]


HOSTILE = st.one_of(
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            '"><img src=x onerror=alert(1)>',
            "' onmouseover='alert(1)",
            "javascript:alert(1)",
            '<a href="javascript:alert(1)">x</a>',
            "\u202eevil\u202c",
            "bell\x07 esc\x1b[31m nul\x00",
            "</style><b>",
            "<!-- -->",
            "&lt;b&gt;",
            "<svg onload=alert(1)>",
        ]
    ),
    st.text(st.sampled_from("<>\"'&=/ \u202e\x1b\x00\nab:"), max_size=20),
    lst.texts(),
)
NAMES = HOSTILE.filter(str.strip)  # a party's name is never blank
HOSTILE_URLS = st.sampled_from(
    [
        'https://example.org/"><script>alert(1)</script>',
        "https://example.org/'onmouseover='alert(1)",
        'https://example.org/?a=<b>&c="d"',
    ]
)


@st.composite
def hostile_ledgers(draw):
    """A ledger with hostile text in every text field, hostile (but http) urls."""
    book = draw(lst.ledgers(min_entries=1, max_entries=5, text=HOSTILE))
    entries = []
    for entry in book:
        source = entry.source.model_copy(update={"url": draw(HOSTILE_URLS)})
        lg.Source(**source.model_dump())  # still a valid source
        entries.append(entry.model_copy(update={"source": source}))
    return lg.Ledger(
        entries,
        title=draw(HOSTILE),
        description=draw(HOSTILE),
        parties={party: draw(NAMES) for party in ("TJ", "RU", "org:imf")},
    )


def _answered(ask):
    """What ``ask`` gives, or ``None`` where the ledger cannot answer it."""
    try:
        return ask()
    except lg.LedgerError:
        return None


def _faces(book):
    """Every HTML face of the ledger and of what it answers."""
    pages = [ledger_html(book), book._repr_html_(), lg.report(book)]
    for debtor, creditor in (("TJ", "RU"), ("KG", "RU"), ("RU", "TJ")):
        balance = _answered(lambda d=debtor, c=creditor: lg.net_balance(book, d, c))
        pages += [balance_html(balance)] if balance is not None else []
    for party in ("TJ", "KG"):
        for question in (lg.remittances_to_budget, lg.debt_to_budget):
            ratio = _answered(lambda q=question, p=party: q(book, p))
            pages += [ratio_html(ratio)] if ratio is not None else []
    for rate in book.rates():
        one = lg.Figure.of(f"1 {rate.base}")
        found = _answered(
            lambda r=rate, f=one: lg.convert(f, r.quote_currency, rates=book, on=r.as_of)
        )
        pages += [conversion_html(found)] if found is not None else []
    transfers = _answered(lambda: lg.settle(book))
    pages += [transfers_html(transfers)] if transfers is not None else []
    return pages


@settings(max_examples=40, deadline=None)
@given(hostile_ledgers())
def test_no_text_from_a_file_becomes_markup(book):
    for html in _faces(book):
        check_inert(html)


def _charts(book):
    """Every chart of the ledger that its figures can draw."""
    plot = pytest.importorskip("ledger.plot")
    asks = [lambda: plot.history(book, "TJ", "RU"), lambda: plot.netting(book, "TJ", "RU")]
    asks += [lambda p=party: plot.against_budget(book, p) for party in ("TJ", "KG")]
    asks += [lambda: plot.series(lg.series(book, "TJ", "debt", years=[2004]), title=book.title)]
    for ask in asks:
        chart = _answered(ask)
        if chart is not None:
            yield chart


@settings(max_examples=25, deadline=None)
@given(hostile_ledgers())
def test_no_text_from_a_file_reaches_a_chart_raw(book):
    """Chart text shows control and bidi characters escaped, as the page and terminal do: no
    character drawn as a box, no warning of a missing glyph."""
    import io
    import warnings

    from matplotlib import pyplot
    from matplotlib.text import Text

    for chart in _charts(book):
        with warnings.catch_warnings(record=True) as said:
            warnings.simplefilter("always")
            chart.savefig(io.BytesIO(), format="svg")
        texts = [t.get_text() for t in chart.findobj(Text)]
        pyplot.close(chart)
        assert all(is_safe(text) for text in texts), [t for t in texts if not is_safe(t)]
        # A letter the font lacks may still warn; a control or bidi character never reaches it.
        assert all(is_safe(str(w.message)) for w in said), [str(w.message) for w in said]


def test_a_quote_with_a_script_tag_is_shown_as_text():
    book = lg.loads(
        TOML.format(url='"https://example.org/?q=\\"x\\"&y=<b>"')
        + 'quote = "<script>alert(1)</script> \u202eevil"\n',
        name="q.toml",
    )
    html = ledger_html(book)
    check_inert(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "\\u202e" in html  # shown, not obeyed
    assert 'href="https://example.org/?q=&quot;x&quot;&amp;y=&lt;b&gt;"' in html


def test_a_conversion_has_an_html_face():
    book = lg.example("kg-ru-2012")
    figure = lg.Figure.of("500 million USD", "about")
    conversion = lg.convert(figure, "KGS", rates=book, on=date(2013, 10, 1))
    html = conversion._repr_html_()
    assert html == conversion_html(conversion)
    check_inert(html)
    assert "USD" in html or "$" in html
    for rate in conversion.rates:
        assert rate.id in html


def test_a_url_slipped_past_validation_is_still_no_link():
    """``model_copy`` skips validation: the faces check a url again before linking it."""
    book = load_with_url('"https://example.org/"')
    claim = next(iter(book))
    bad = claim.source.model_copy(update={"url": "javascript:alert(1)"})
    sneaked = lg.Ledger([claim.model_copy(update={"source": bad})])
    for html in (ledger_html(sneaked), lg.report(sneaked, charts=False)):
        check_inert(html)
        assert 'href="javascript' not in html
