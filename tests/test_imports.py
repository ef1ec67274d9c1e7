"""The shape of the code: imports run one way, from the faces down to the core, and no module
takes another's private names (issue 10). Every import counts: at module level, inside
functions, and under TYPE_CHECKING."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "ledger"

#: Each module's layer: a module may import from its own layer or below, never above.
LAYERS = {
    "errors": 0,
    "progress": 0,
    "arithmetic": 1,
    "faces": 1,
    "units": 2,
    "figures": 3,
    "terms": 4,
    "entries": 4,
    "loans": 5,
    "checks": 5,
    "files": 6,
    "book": 7,
    "fx": 8,
    "netting": 9,
    "yearly": 10,
    "ratios": 10,
    "concessional": 10,
    "words": 11,
    "numbers": 12,
    "parse": 13,
    "formatting": 14,
    "display": 15,
    "frames": 15,
    "plain": 15,
    "explaining": 15,  # explain() in the reader's words: a face of the results
    "plot": 15,
    "cli": 16,  # registers the report and import commands
    "reporting": 15,  # a face of faces: the page holds the HTML tables and the plots
    "importers": 15,
    "importers.worldbank": 15,
    "terminal": 1,
    "strategies": 15,
    "__main__": 17,
    "__init__": 18,
}


def _module_paths():
    """Every module by its dotted name under ``ledger`` (a package by its own name)."""
    paths = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if len(parts) > 1 and parts[-1] == "__init__":
            parts.pop()
        paths[".".join(parts)] = path
    return paths


MODULE_PATHS = _module_paths()


def _target(parts):
    """The module of LAYERS an import names: a subpackage's module, else a top-level one."""
    dotted = ".".join(parts[:2])
    return dotted if dotted in MODULE_PATHS else parts[0]


def _imports(module):
    """(module imported, names imported, line) for every import of a ledger module."""
    path = MODULE_PATHS[module]
    tree = ast.parse(path.read_text(), filename=str(path))
    # The package a relative import starts from: a subpackage's own name for its __init__.
    subpackage = path.name == "__init__.py" and path.parent != PACKAGE
    package = module.split(".") if subpackage else module.split(".")[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level >= 1:
                base = package[: len(package) - (node.level - 1)]
                if node.module is None:  # from . import x
                    for alias in node.names:
                        yield _target([*base, alias.name]), [], node.lineno
                else:
                    parts = [*base, *node.module.split(".")]
                    yield _target(parts), [a.name for a in node.names], node.lineno
            elif node.module and node.module.split(".")[0] == "ledger":
                parts = node.module.split(".")
                yield (
                    (_target(parts[1:]) if len(parts) > 1 else "__init__"),
                    [a.name for a in node.names],
                    node.lineno,
                )
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "ledger":
                    yield (_target(parts[1:]) if len(parts) > 1 else "__init__"), [], node.lineno


MODULES = sorted(MODULE_PATHS)


def test_every_module_has_a_layer():
    assert set(MODULES) == set(LAYERS), "add the new module to LAYERS"


@pytest.mark.parametrize("module", MODULES)
def test_imports_run_down_never_up(module):
    upward = [
        f"{module}.py:{line} imports {target} (layer {LAYERS[target]} > {LAYERS[module]})"
        for target, _, line in _imports(module)
        if LAYERS[target] > LAYERS[module]
    ]
    assert upward == []


@pytest.mark.parametrize("module", MODULES)
def test_no_private_name_crosses_a_module(module):
    private = [
        f"{module}.py:{line} takes {name} from {target}"
        for target, names, line in _imports(module)
        for name in names
        if name.startswith("_") and target != module
    ]
    assert private == []


def test_the_layers_hold_no_circle():
    graph = {m: {t for t, _, _ in _imports(m) if t != m} for m in MODULES}
    seen, on_path = set(), []

    def visit(node):
        assert node not in on_path, f"import circle: {' -> '.join([*on_path, node])}"
        if node in seen:
            return
        on_path.append(node)
        for target in graph[node]:
            visit(target)
        on_path.pop()
        seen.add(node)

    for module in MODULES:
        visit(module)


def test_the_package_lists_only_public_names():
    import ledger

    names = dir(ledger)
    assert "Ledger" in names and "net_balance" in names and "plot" in names
    assert not {"Any", "TYPE_CHECKING", "importlib", "lazy_loader"} & set(names)
    assert all(not name.startswith("_") for name in names)
    with pytest.raises(AttributeError, match="no attribute 'Transfers'"):
        ledger.Transfers  # noqa: B018


def test_a_module_that_fails_to_load_says_so(monkeypatch):
    import importlib

    import ledger

    monkeypatch.delitem(ledger.__dict__, "convert", raising=False)
    real = importlib.import_module

    def broken(name, *args):
        if name == "ledger.fx":
            raise AttributeError("a name inside ledger.fx is missing")
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", broken)
    with pytest.raises(ImportError, match=r"ledger\.convert could not be loaded") as caught:
        ledger.convert  # noqa: B018
    assert isinstance(caught.value.__cause__, AttributeError)
