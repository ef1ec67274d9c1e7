"""The notebook in docs/ runs top to bottom, and is saved with the outputs it gives.

A reader opening the notebook (on a forge, or in JupyterLab from the ``docs`` extra) sees its
outputs without running it; the test runs it again and checks that every output is still
what is saved, in substance: the same kinds of output, the same text and HTML (object
addresses aside), a chart where a chart was. After a change that alters an output, save the
notebook again with ``python tests/test_notebook.py`` and read the diff.
"""

import re
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = (
    Path(__file__).resolve().parent.parent / "docs" / "notebooks" / "tajikistan-russia-2004.ipynb"
)

#: What differs between two runs and says nothing: object addresses, matplotlib's ids.
_NOISE = [
    (re.compile(r"0x[0-9a-f]{6,}"), "0x..."),
    (re.compile(r"\b(id|href|clip-path)=\"[^\"]*\""), r'\1="..."'),
]


def _executed(folder):
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        notebook,
        timeout=180,
        kernel_name="python3",
        record_timing=False,  # no timestamps in the saved file: a re-save changes nothing
        resources={"metadata": {"path": str(folder)}},
    ).execute()
    return notebook


def _plain(text):
    for pattern, replacement in _NOISE:
        text = pattern.sub(replacement, text)
    return text


def _substance(notebook):
    """Each code cell's outputs as comparable text: the kind of each, its text and HTML, and
    that an image is there (its bytes depend on matplotlib's version and fonts)."""
    cells = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        shown = []
        for output in cell.get("outputs", []):
            kind = output["output_type"]
            if kind == "stream":
                shown.append((kind, output["name"], _plain(output["text"])))
                continue
            data = output.get("data", {})
            for mime in sorted(data):
                value = data[mime]
                text = "".join(value) if isinstance(value, list) else value
                shown.append((kind, mime, "<image>" if mime.startswith("image/") else _plain(text)))
        cells.append(shown)
    return cells


def _outputs(notebook):
    return [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
    ]


@pytest.fixture(scope="module")
def rerun(tmp_path_factory):
    """The notebook run once, for every test here (a kernel takes seconds to start)."""
    return _executed(tmp_path_factory.mktemp("notebook"))


def test_the_notebook_runs_top_to_bottom(rerun):
    outputs = _outputs(rerun)
    assert not [o for o in outputs if o.get("output_type") == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("ru-claims-tajik-debt" in page for page in html)
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 2
    text = "".join(o.get("text", "") for o in outputs)
    assert "Tajikistan's net debt is about 0.83 years of its budget." in text


def test_the_notebook_is_saved_with_the_outputs_it_gives(rerun):
    saved = nbformat.read(NOTEBOOK, as_version=4)
    assert all(
        cell.get("outputs")
        for cell in saved.cells
        if cell.cell_type == "code" and (not cell.source.lstrip().startswith("assert"))
    ), "save the notebook with its outputs: python tests/test_notebook.py"
    for number, (was, now) in enumerate(zip(_substance(saved), _substance(rerun), strict=True)):
        assert was == now, f"code cell {number} no longer gives its saved output"


def save():
    """Run the notebook and save it with its outputs (the docs/notebooks folder as the
    working folder, as a reader opens it)."""
    notebook = _executed(NOTEBOOK.parent)
    notebook.metadata.get("language_info", {}).pop("version", None)  # not the saver's Python
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(notebook, NOTEBOOK)
    print(f"saved {NOTEBOOK} with its outputs", file=sys.stderr)


if __name__ == "__main__":
    save()
