"""debt-ledger: the figures that states, migrants and budgets owe and send each other.

>>> import ledger as lg
>>> claim = lg.Figure.of("300 million USD", "about")
>>> print(claim - lg.Figure.of("50 million USD"))
about 250000000 USD

``import ledger`` loads only units and figures; every other public name (entries, files,
netting, ratios, formatting, the faces) loads on first use, so a script that only needs
amounts starts as fast as pint itself. The names are listed once, in ``__init__.pyi``, which
type checkers read too.
"""

import importlib
import os

import lazy_loader

from . import faces as _faces

# Amounts and figures, loaded at once: everything else is built on them.
from .errors import LedgerError  # noqa: F401
from .figures import Figure  # noqa: F401
from .units import ureg  # noqa: F401

__version__ = "0.1.0"

_load, __dir__, _names = lazy_loader.attach_stub(__name__, __file__)
# `from ledger import *` gives the names, not the modules: those load extras (hypothesis for
# strategies, matplotlib for plot) that a star import should not pull in.
_here = os.path.dirname(__file__)
__all__ = [
    name
    for name in _names
    if not os.path.exists(os.path.join(_here, f"{name}.py"))
    and not os.path.isdir(os.path.join(_here, name))  # a subpackage (importers)
]


def __getattr__(name: str) -> object:
    try:
        return _load(name)
    except AttributeError as error:
        if name in __all__:  # the name exists: its module failed while loading
            raise ImportError(f"ledger.{name} could not be loaded: {error}") from error
        raise AttributeError(f"module 'ledger' has no attribute {name!r}") from None


# The faces load the first time a value asks for one: plain text (str, repr) on its own,
# notebook HTML and frames together.
_faces.on_first_use(lambda: importlib.import_module(".plain", __name__), "text.")
_faces.on_first_use(lambda: importlib.import_module(".display", __name__), "html.")
_faces.on_first_use(lambda: importlib.import_module(".display", __name__), "frame.")
_faces.on_first_use(lambda: importlib.import_module(".explaining", __name__), "explain.")
