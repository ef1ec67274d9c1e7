"""Reading the World Bank's CSV files: the bulk indicator download and the DataBank export,
written here in their exact shapes (a byte order mark, "Data Source" and "Last Updated Date"
lines, blank lines, a trailing comma on every line of the bulk file; ``..`` and a footer in the
DataBank export; quoted names with commas).

The GDP values are the World Bank's (World Development Indicators, NY.GDP.MKTP.CD, the bulk
file last updated 2016-05-02); the other values are made up to the same shapes.
"""

import csv
import io
import subprocess
import sys
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ledger as lg
from ledger.importers.worldbank import REST_OF_WORLD

BOM = "\ufeff"

BULK_GDP = (
    BOM
    + '"Data Source","World Development Indicators",\n'
    + "\n"
    + '"Last Updated Date","2016-05-02",\n'
    + "\n"
    + '"Country Name","Country Code","Indicator Name","Indicator Code","2011","2012","2013",\n'
    + '"Tajikistan","TJK","GDP (current US$)","NY.GDP.MKTP.CD",'
    + '"6522755783","7633036366","8506615265",\n'
    + '"Kyrgyz Republic","KGZ","GDP (current US$)","NY.GDP.MKTP.CD",'
    + '"6197766119","6605139933","7335027592",\n'
    + '"Korea, Rep.","KOR","GDP (current US$)","NY.GDP.MKTP.CD","1.20E+12","","",\n'
    + '"Europe & Central Asia","ECS","GDP (current US$)","NY.GDP.MKTP.CD",'
    + '"22000000000000","","",\n'
    + '"Not classified","INX","GDP (current US$)","NY.GDP.MKTP.CD","","","",\n'
)

DATABANK = (
    '"Country Name","Country Code","Series Name","Series Code","2011 [YR2011]","2012 [YR2012]"\n'
    '"Tajikistan","TJK","Personal remittances, received (current US$)","BX.TRF.PWKR.CD.DT",'
    '"2960000000",".."\n'
    '"Tajikistan","TJK","Personal remittances, received (% of GDP)","BX.TRF.PWKR.DT.GD.ZS",'
    '"45.38",".."\n'
    '"Kyrgyz Republic","KGZ","External debt stocks, total (DOD, current US$)",'
    '"DT.DOD.DECT.CD","..","6000000000.5"\n'
    '"World","WLD","Personal remittances, received (current US$)","BX.TRF.PWKR.CD.DT",'
    '"500000000000",".."\n'
    "\n"
    "\n"
    "Data from database: World Development Indicators\n"
    "Last Updated: 06/28/2024\n"
)


@pytest.fixture
def write(tmp_path):
    def write(text, name="API_NY.GDP.MKTP.CD_DS2_en_csv_v2_1.csv", encoding="utf-8"):
        path = tmp_path / name
        path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
        return path

    return write


# -- the bulk file ------------------------------------------------------------------------------


def test_a_bulk_file_gives_one_gdp_entry_for_each_value(write):
    book = lg.read_worldbank(write(BULK_GDP))
    assert sorted(e.id for e in book) == sorted(
        [f"wb-ny.gdp.mktp.cd-{c}-{y}" for c in ("tjk", "kgz") for y in (2011, 2012, 2013)]
        + ["wb-ny.gdp.mktp.cd-kor-2011"]
    )
    gdp = book["wb-ny.gdp.mktp.cd-kgz-2012"]
    assert isinstance(gdp, lg.GDP) and (gdp.party, gdp.year) == ("KG", 2012)
    assert gdp.as_of == date(2012, 12, 31)
    assert gdp.amount == lg.Figure.of("6605139933 USD/year")
    assert gdp.quote == "Kyrgyz Republic, GDP (current US$), 2012: 6605139933"


def test_a_quoted_name_with_a_comma_and_a_number_with_an_exponent_read_exactly(write):
    korea = lg.read_worldbank(write(BULK_GDP))["wb-ny.gdp.mktp.cd-kor-2011"]
    assert korea.party == "KR" and korea.quote.startswith("Korea, Rep., GDP")
    assert korea.amount.value.magnitude == Decimal("1200000000000")


def test_each_value_cites_the_world_bank_the_indicator_and_the_files_date(write):
    source = lg.read_worldbank(write(BULK_GDP))["wb-ny.gdp.mktp.cd-tjk-2011"].source
    assert source.publisher == "World Bank"
    assert source.title == "World Development Indicators: GDP (current US$) (NY.GDP.MKTP.CD)"
    assert source.date == date(2016, 5, 2)
    assert source.url == "https://data.worldbank.org/indicator/NY.GDP.MKTP.CD"


def test_groups_of_countries_are_left_out_or_kept_as_org_parties(write):
    path = write(BULK_GDP)
    assert not lg.read_worldbank(path).gdp(party="org:wb-ecs")
    kept = lg.read_worldbank(path, aggregates="keep")
    assert [g.id for g in kept.gdp(party="org:wb-ecs")] == ["wb-ny.gdp.mktp.cd-ecs-2011"]
    assert kept.parties["org:wb-ecs"] == "Europe & Central Asia"
    assert kept.party_name("org:wb-inx") == "org:wb-inx"  # a row with no value names no party


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("bom", [BOM, ""])
def test_line_endings_and_the_byte_order_mark_do_not_matter(write, newline, bom):
    text = bom + BULK_GDP.removeprefix(BOM).replace("\n", newline)
    assert lg.read_worldbank(write(text)) == lg.read_worldbank(write(BULK_GDP, "other.csv"))


def test_importing_twice_gives_an_equal_ledger_and_its_file_reads_back(write, tmp_path):
    path = write(DATABANK, "databank.csv")
    book = lg.read_worldbank(path)
    assert lg.read_worldbank(path) == book
    for suffix in ("toml", "json"):
        saved = book.save(tmp_path / f"wb.{suffix}")
        again = lg.load(saved)
        assert again == book and again.dumps(suffix) == book.dumps(suffix)


# -- the DataBank export ------------------------------------------------------------------------


def test_a_databank_export_gives_remittances_shares_and_debt_stocks(write):
    book = lg.read_worldbank(write(DATABANK, "databank.csv"))
    assert len(book) == 3  # four values, one of them the World's; the `..` make none
    remittance = book["wb-bx.trf.pwkr.cd.dt-tjk-2011"]
    assert isinstance(remittance, lg.Remittance)
    assert (remittance.origin, remittance.destination) == ((REST_OF_WORLD,), "TJ")
    assert remittance.amount == lg.Figure.of("2960000000 USD/year")
    assert remittance.period == "2011" and lg.flow_period(remittance)[0].year == 2011
    assert book.party_name(REST_OF_WORLD) == "the rest of the world"
    share = book["wb-bx.trf.pwkr.dt.gd.zs-tjk-2011"]
    assert isinstance(share, lg.Share) and share.amount == lg.Figure.of("0.4538")
    assert (share.numerator, share.denominator, share.year) == (
        "personal remittances, received",
        "GDP",
        2011,
    )
    debt = book["wb-dt.dod.dect.cd-kgz-2012"]
    assert isinstance(debt, lg.DebtStock) and debt.measure == "external"
    assert debt.amount.value.magnitude == Decimal("6000000000.5")
    assert debt.source.date == date(2024, 6, 28)
    assert book.title == "World Bank: World Development Indicators, last updated 2024-06-28"


def test_imported_entries_answer_the_ratio_questions(write):
    book = lg.read_worldbank(write(DATABANK, "d.csv")) + lg.read_worldbank(write(BULK_GDP))
    answer = lg.remittances_to_gdp(book, "TJ", year=2011)
    exact = Fraction(2_960_000_000, 6_522_755_783)
    assert answer.value.low.magnitude <= exact <= answer.value.high.magnitude
    debt = lg.debt_to_gdp(book, "KG", measure="external", as_of=date(2012, 12, 31))
    assert (
        debt.value.low.magnitude <= Fraction(60000000005, 66051399330) <= debt.value.high.magnitude
    )


# -- every value, exactly once (a property over generated files) -------------------------------

COUNTRIES = [
    ("Tajikistan", "TJK", "TJ"),
    ("Kyrgyz Republic", "KGZ", "KG"),
    ("Korea, Rep.", "KOR", "KR"),
    ("Russian Federation", "RUS", "RU"),
    ("Kosovo", "XKX", "XK"),
    ('Cote d"Ivoire, test', "CIV", "CI"),
    ("World", "WLD", None),
    ("Europe & Central Asia", "ECS", None),
    ("Channel Islands", "CHI", None),
]
NUMBERS = st.one_of(
    st.integers(0, 10**15).map(str),
    st.integers(0, 8).flatmap(lambda p: st.decimals(0, 10**12, places=p)).map(str),
    st.builds(lambda m, e: f"{m}E+{e}", st.integers(1, 999), st.integers(0, 12)),
    st.builds(lambda a, b: f"{a}.{b}", st.integers(0, 10**9), st.integers(0, 10**6)),
)


@st.composite
def world_bank_files(draw):
    """(text, rows): a bulk file or a DataBank export, and its (country, code, party,
    indicator, {year: cell}) rows as written."""
    shape = draw(st.sampled_from(["bulk", "databank"]))
    first = draw(st.integers(1960, 2020))
    years = list(range(first, first + draw(st.integers(1, 6))))
    codes = ["NY.GDP.MKTP.CD"] if shape == "bulk" else list(lg.importers.INDICATORS)
    picked = draw(st.lists(st.sampled_from(COUNTRIES), unique=True, max_size=len(COUNTRIES)))
    rows = []
    for name, code, party in picked:
        for indicator in draw(st.lists(st.sampled_from(codes), unique=True, min_size=1)):
            cells = {year: draw(st.none() | NUMBERS) for year in years}
            rows.append((name, code, party, indicator, cells))
    out = io.StringIO()
    if shape == "bulk":
        writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator=",\n")
        out.write(BOM + '"Data Source","World Development Indicators",\n\n')
        out.write('"Last Updated Date","2024-06-28",\n\n')
        writer.writerow(
            [*("Country Name", "Country Code", "Indicator Name"), "Indicator Code"]
            + [str(y) for y in years]
        )
        for name, code, _, indicator, cells in rows:
            writer.writerow(
                [name, code, f"name of {indicator}", indicator] + [cells[y] or "" for y in years]
            )
    else:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(
            ["Country Name", "Country Code", "Series Name", "Series Code"]
            + [f"{y} [YR{y}]" for y in years]
        )
        for name, code, _, indicator, cells in rows:
            writer.writerow(
                [name, code, f"name of {indicator}", indicator] + [cells[y] or ".." for y in years]
            )
        out.write("\n\nData from database: World Development Indicators\n")
        out.write("Last Updated: 06/28/2024\n")
    return out.getvalue(), rows


@settings(max_examples=60, deadline=None)
@given(world_bank_files(), st.sampled_from(["skip", "keep"]))
def test_every_value_present_becomes_exactly_one_entry(tmp_path_factory, drawn, aggregates):
    text, rows = drawn
    path = tmp_path_factory.mktemp("wb") / "file.csv"
    path.write_text(text, encoding="utf-8")
    book = lg.read_worldbank(path, aggregates=aggregates)
    expected = {}
    for _, code, party, indicator, cells in rows:
        if party is None and aggregates == "skip":
            continue
        for year, cell in cells.items():
            if cell is not None:
                expected[f"wb-{indicator.lower()}-{code.lower()}-{year}"] = Fraction(cell)
    assert len(book) == len(expected)
    for entry in book:
        scale = 100 if entry.kind == "share" else 1  # a share was written as a percentage
        assert Fraction(entry.amount.value.magnitude) * scale == expected[entry.id]
        assert not entry.amount.approximate and entry.amount.qualifier == "exact"
    assert lg.read_worldbank(path, aggregates=aggregates) == book


# -- refusals -------------------------------------------------------------------------------


def _bulk(*rows, head='"Country Name","Country Code","Indicator Name","Indicator Code","2011",'):
    return (
        BOM
        + '"Data Source","World Development Indicators",\n\n"Last Updated Date","2016-05-02",\n\n'
        + head
        + "\n"
        + "".join(row + "\n" for row in rows)
    )


TJ_ROW = '"Tajikistan","TJK","GDP (current US$)","NY.GDP.MKTP.CD","6522755783",'

REFUSED = [
    ("Country,Year,Value\nTajikistan,2011,5\n", "line 1", "does not begin a World Bank CSV"),
    ("", None, "holds no table"),
    (
        BOM + '"Data Source","World Development Indicators",\n\n"Country Name","Country Code",\n',
        "line 3",
        'expected "Last Updated Date"',
    ),
    (
        _bulk(TJ_ROW).replace('"2016-05-02"', '"May 2016"'),
        "line 3",
        "'May 2016' is not a date",
    ),
    (_bulk(TJ_ROW, head='"Country","Code","2011",'), "line 5", "expected the header"),
    (
        _bulk(
            TJ_ROW, head='"Country Name","Country Code","Indicator Name","Indicator Code","Y2011",'
        ),
        "line 5: column 5",
        "'Y2011' is not a year",
    ),
    (
        _bulk('"Tajikistan","TJK","GDP (current US$)","NY.GDP.MKTP.CD"'),
        "line 6",
        "a row of 4 fields",
    ),
    (_bulk(TJ_ROW.replace("6522755783", "6,522,755,783")), "line 6: 2011", "is not a number"),
    (_bulk(TJ_ROW.replace("6522755783", "-1")), "line 6: 2011", "below zero"),
    (_bulk(TJ_ROW.replace("TJK", "Tajik")), "line 6: Country Code", "not a country code"),
    (_bulk(TJ_ROW, TJ_ROW), "line 7", "given again for NY.GDP.MKTP.CD (first on line 6)"),
    (
        _bulk(TJ_ROW.replace("NY.GDP.MKTP.CD", "SP.POP.TOTL")),
        "line 6",
        "indicator 'SP.POP.TOTL' is not one the ledger reads",
    ),
    (DATABANK.replace("Last Updated: 06/28/2024\n", ""), None, 'without its "Last Updated'),
    (DATABANK.replace("06/28/2024", "2024-06-28"), "line 9", "month/day/year"),
    (
        DATABANK + '"Tajikistan","TJK","x","NY.GDP.MKTP.CD","1",".."\n',
        "line 10",
        "follows the footer",
    ),
    (DATABANK.replace('"2011 [YR2011]"', '"2011"'), "line 1: column 5", "'2011' is not a year"),
    (BULK_GDP.encode("utf-16"), "line 1", "not UTF-8"),
    (
        '"Country Name","Country Code","Series Name","Series Code","2011 [YR2011]"\n"a\n',
        "line 2",
        "not CSV",
    ),
]


@pytest.mark.parametrize(("text", "where", "phrase"), REFUSED)
def test_a_file_of_another_shape_is_refused_naming_the_line(write, text, where, phrase):
    path = write(text)
    with pytest.raises(lg.LedgerFileError) as caught:
        lg.read_worldbank(path)
    message = str(caught.value)
    assert phrase in message
    assert f"{path}: {where}: " in message if where else f"{path}: " in message


def test_rows_of_other_indicators_may_be_left_out_on_request(write):
    path = write(_bulk(TJ_ROW, TJ_ROW.replace("NY.GDP.MKTP.CD", "SP.POP.TOTL")))
    with pytest.raises(lg.LedgerFileError, match="skip_unknown=True"):
        lg.read_worldbank(path)
    assert [e.id for e in lg.read_worldbank(path, skip_unknown=True)] == [
        "wb-ny.gdp.mktp.cd-tjk-2011"
    ]


@pytest.mark.parametrize(
    ("call", "phrase"),
    [
        (lambda p: lg.read_worldbank(p.parent / "missing.csv"), "cannot read"),
        (lambda p: lg.read_worldbank(p, aggregates="all"), "accepted: 'skip'"),
        (lambda p: lg.read_worldbank(3), "int 3 is not a path"),
    ],
)
def test_a_bad_argument_is_refused_in_words(write, call, phrase):
    with pytest.raises(lg.LedgerError, match=phrase):
        call(write(BULK_GDP))


# -- the command line ---------------------------------------------------------------------------


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "ledger", *args], capture_output=True, text=True, check=False
    )


def test_the_command_writes_the_ledger_the_function_reads(write, tmp_path):
    path = write(DATABANK, "databank.csv")
    out = tmp_path / "ledger.toml"
    done = run("import", "worldbank", str(path), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        f"wrote 3 entries (1 debt stock, 1 remittance, 1 share) to {out}\n"
        f"{path}: 1 row left out: 1 of groups of countries (WLD); keep them as org: parties "
        "with --aggregates keep\n"
    )
    with pytest.warns(lg.RowsLeftOutWarning):
        assert lg.load(out) == lg.read_worldbank(path)


@pytest.mark.parametrize(
    ("text", "extra", "phrase"),
    [
        (_bulk(TJ_ROW.replace("NY.GDP.MKTP.CD", "SP.POP.TOTL")), (), "with --skip-unknown"),
        ("a,b\n", (), "line 1"),
        (BULK_GDP, ("-o", "out.csv"), "write the ledger to a .toml or .json file"),
    ],
)
def test_the_command_refuses_in_words_without_a_traceback(write, tmp_path, text, extra, phrase):
    path = write(text)
    output = extra or ("-o", str(tmp_path / "out.toml"))
    done = run("import", "worldbank", str(path), *output)
    assert done.returncode == 1
    assert phrase in done.stderr
    assert "Traceback" not in done.stderr and "skip_unknown=" not in done.stderr
