"""An id given twice is named even when one of its two entries is refused for another reason
(a user check: the repeated id showed only once the other problems were fixed)."""

import json

import pytest
import tomli_w

import ledger as lg

SOURCE = {"s": {"publisher": "p", "title": "t", "date": "2024-01-01"}}


def _claim(entry_id: str, amount: str = "10 USD", **more: str) -> dict:
    row = {
        "kind": "claim",
        "id": entry_id,
        "as_of": "2024-01-01",
        "source": "s",
        "creditor": "RU",
        "debtor": "TJ",
        "asserted_by": "RU",
        "amount": amount,
    }
    return {**row, **more}


def _problems(entries: list[dict], fmt: str) -> list[str]:
    data = {"sources": SOURCE, "entries": entries}
    text = json.dumps(data) if fmt == "json" else tomli_w.dumps(data)
    with pytest.raises(lg.LedgerFileError) as refused:
        lg.loads(text, format=fmt)
    return [f"{p.entry}: {p.field}: {p.message}" for p in refused.value.problems]


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_the_first_of_two_ids_refused(fmt):
    said = _problems([_claim("c1", "10 XYZ"), _claim("c2"), _claim("c1")], fmt)
    assert len(said) == 2, said
    assert said[0].startswith("entries[0] (c1): amount: unit 'XYZ'")
    assert (
        said[1] == "entries[2] (c1): id: id 'c1' is used already by entries[0]; ids must be unique"
    )


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_the_second_of_two_ids_refused(fmt):
    said = _problems([_claim("c1"), _claim("c2"), _claim("c1", "10 XYZ")], fmt)
    assert len(said) == 2, said
    assert "entries[2] (c1): id: id 'c1' is used already by entries[0]; ids must be unique" in said
    assert any(s.startswith("entries[2] (c1): amount: unit 'XYZ'") for s in said), said
