"""Rows the import leaves out are counted and named, groups apart from unknown codes
(issue 13, user check item 14)."""

import pytest

import ledger as lg

BOM = "\ufeff"
HEAD = (
    BOM
    + '"Data Source","World Development Indicators",\n\n'
    + '"Last Updated Date","2016-05-02",\n\n'
    + '"Country Name","Country Code","Indicator Name","Indicator Code","2011",\n'
)
ROWS = (
    '"Tajikistan","TJK","GDP (current US$)","NY.GDP.MKTP.CD","6522755783",\n'
    + '"Europe & Central Asia","ECS","GDP (current US$)","NY.GDP.MKTP.CD","22000000000000",\n'
    + '"World","WLD","GDP (current US$)","NY.GDP.MKTP.CD","73000000000000",\n'
    + '"Channel Islands","CHI","GDP (current US$)","NY.GDP.MKTP.CD","9000000000",\n'
)


def test_rows_left_out_are_counted_and_why(tmp_path):
    path = tmp_path / "API_NY.GDP.MKTP.CD_DS2_en_csv_v2_1.csv"
    path.write_text(HEAD + ROWS, encoding="utf-8")
    with pytest.warns(lg.RowsLeftOutWarning) as caught:
        book = lg.read_worldbank(path)
    said = str(caught[0].message)
    assert "3 rows left out" in said
    assert "2 of groups of countries (ECS, WLD)" in said
    assert (
        "1 of a code that is neither an ISO 3166 country nor a World Bank group: CHI (line 9)"
        in said
    )
    assert "aggregates='keep'" in said
    assert [g.party for g in book.gdp()] == ["TJ"]


def test_nothing_left_out_says_nothing(tmp_path, recwarn):
    path = tmp_path / "API_NY.GDP.MKTP.CD_DS2_en_csv_v2_1.csv"
    path.write_text(HEAD + ROWS, encoding="utf-8")
    kept = lg.read_worldbank(path, aggregates="keep")
    assert not [w for w in recwarn if issubclass(w.category, lg.RowsLeftOutWarning)]
    assert kept.parties["org:wb-chi"] == "Channel Islands"


def test_the_command_says_what_it_left_out(tmp_path, capsys):
    from ledger.cli import main

    path = tmp_path / "API_NY.GDP.MKTP.CD_DS2_en_csv_v2_1.csv"
    path.write_text(HEAD + ROWS, encoding="utf-8")
    main(["import", "worldbank", str(path), "-o", str(tmp_path / "out.toml")])
    out = capsys.readouterr().out
    assert "wrote 1 entry" in out and "3 rows left out" in out and "--aggregates keep" in out


def test_a_row_with_no_country_code_is_left_out_naming_its_line(tmp_path):
    path = tmp_path / "API_NY.GDP.MKTP.CD_DS2_en_csv_v2_1.csv"
    blank = '"Not classified","","GDP (current US$)","NY.GDP.MKTP.CD","1000000",\n'
    path.write_text(HEAD + ROWS.splitlines(keepends=True)[0] + blank, encoding="utf-8")
    with pytest.warns(lg.RowsLeftOutWarning) as caught:
        book = lg.read_worldbank(path)
    said = str(caught[0].message)
    assert "1 row left out" in said
    assert "1 with no Country Code (line 7)" in said
    assert "org:" not in said  # no option keeps a row that names no country
    assert [g.party for g in book.gdp()] == ["TJ"]
    for kept in ("keep",):
        with pytest.warns(lg.RowsLeftOutWarning):
            assert len(lg.read_worldbank(path, aggregates=kept)) == 1
