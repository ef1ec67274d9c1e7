"""A big TOML ledger is read by rtoml a piece of entries at a time (issue 14: read whole, a
200,000-entry file peaked at 1.1 GB, three times its JSON twin). The pieces give exactly
what tomllib gives for the whole text, and refuse what it refuses; a text whose pieces could
read otherwise is read whole."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ledger as lg
from ledger import strategies as lst
from ledger.files import read_toml


def outcome(read, text):
    """What a reader makes of the text: its tables as repr shows them (types too), or
    that it refused it."""
    try:
        return repr(read(text))
    except Exception:
        return "refused"


def alike(text: str, piece: int) -> None:
    whole = outcome(tomllib.loads, text)
    for fast in (True, False):  # through rtoml (the extra fast) and through tomllib
        assert outcome(lambda t, fast=fast: read_toml(t, fast=fast, piece=piece), text) == whole


@given(lst.ledgers(max_entries=8), st.integers(min_value=1, max_value=4))
def test_a_saved_ledger_reads_alike_in_pieces(book, piece):
    text = book.dumps("toml")
    alike(text, piece)
    assert lg.loads(text) == book


ENTRY = '[[entries]]\nid = "{}"\n'

#: Texts where cutting at each "[[entries]]" line would read otherwise than reading whole,
#: or that no reader takes: each is read as tomllib reads it (or refused as it refuses).
TEXTS = [
    "entries = []\n" + ENTRY.format("a"),  # the head gives entries: no table may extend it
    "[entries]\nx = 1\n" + ENTRY.format("a"),
    'title = "t"\n' + ENTRY.format("a") + "[sources.s]\np = 1\n",  # a table after the entries
    'title = "t"\n' + ENTRY.format("a") + ENTRY.format("b") + "[sources]\n",
    'note = """\n[[entries]]\n"""\n' + ENTRY.format("a") + ENTRY.format("b"),
    "note = '''\n[[entries]]\nid = 1\n'''\n" + ENTRY.format("a"),
    "x = 1\n" + ENTRY.format("a") + '[entries.amount]\nv = "1 USD"\n' + ENTRY.format("b"),
    "x = 1\n" + ENTRY.format("a") + 'id = "again"\n' + ENTRY.format("b"),  # a key twice
    "x = 1\n" + ENTRY.format("a") + "[entries.amount]\n[entries.amount]\n",
    ENTRY.format("a") + ENTRY.format("b") + ENTRY.format("c"),  # no head at all
    "x = 1\n" + ENTRY.format("a") + "[[entries.parts]]\nn = 1\n" + ENTRY.format("b"),
    "x = 1\n" + ENTRY.format("a") + "[ [entries] ]\n" + ENTRY.format("b"),  # odd spellings
    "x = 1\n" + ENTRY.format("a") + "[[entries]] # c\nid = 2\n" + ENTRY.format("b"),
    "x = [\n" + ENTRY.format("a") + "]\n",
    "x = 1\n" + ENTRY.format("a") + "y = [\n1,\n" + ENTRY.format("b") + "]\n",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("piece", [1, 2, 1000])
def test_a_text_cut_otherwise_reads_as_tomllib_reads_it(text, piece):
    alike(text, piece)


@pytest.mark.parametrize("fast", [True, False])
def test_pieces_keep_the_order_of_the_entries(fast):
    text = 'title = "t"\n' + "".join(ENTRY.format(f"e{i}") for i in range(7))
    tables = read_toml(text, fast=fast, piece=3)
    assert [row["id"] for row in tables["entries"]] == [f"e{i}" for i in range(7)]
    assert tables["title"] == "t"


def test_a_refusal_in_a_piece_names_the_line_in_the_whole_file():
    text = 'title = "t"\n' + ENTRY.format("a") + ENTRY.format("b") + "id = 2\n"
    with pytest.raises(tomllib.TOMLDecodeError) as whole:
        tomllib.loads(text)
    assert "line 6" in str(whole.value)
    with pytest.raises(lg.LedgerFileError) as refused:
        lg.loads(text)
    assert str(whole.value) in str(refused.value)
    for fast in (True, False):
        with pytest.raises(tomllib.TOMLDecodeError, match="line 6"):
            read_toml(text, fast=fast, piece=1)


def test_entry_tables_share_their_keys_and_repeated_values():
    text = "".join(
        f'x = 1\n[[entries]]\nid = "e{i}"\ncreditor = "RU"\nas_of = 2004-03-15\n'[6 * bool(i) :]
        for i in range(4)
    )
    for fast in (True, False):
        rows = read_toml(text, fast=fast, piece=1)["entries"]
        assert rows == tomllib.loads(text)["entries"]
        assert len({id(key) for row in rows for key in row}) == 3
        assert len({id(row["creditor"]) for row in rows}) == 1
        assert len({id(row["as_of"]) for row in rows}) == 1
