"""The hooks through which values reach their faces (notebook HTML, frames) without an import.

A value names a hook (``Figure._repr_html_`` calls ``call("html.figure", self)``); a face fills
it when it is imported (``provide("html.figure", figure_html)``); the package tells the
registry how to load the faces, on first use. So the core never imports a face, and a face
that is never used is never loaded.

>>> provide("html.example", lambda value: f"<b>{value}</b>")
>>> call("html.example", 3)
'<b>3</b>'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["call", "on_first_use", "provide"]

_HOOKS: dict[str, Callable[..., Any]] = {}
_LOADERS: list[tuple[str, Callable[[], object]]] = []


def provide(name: str, function: Callable[..., Any]) -> None:
    """Fill the hook ``name`` (a face does this when it is imported)."""
    _HOOKS[name] = function


def on_first_use(load: Callable[[], object], prefix: str = "") -> None:
    """Run ``load`` (which imports faces) the first time a hook whose name starts with
    ``prefix`` is asked for and not filled: a light face (plain text) loads without the
    heavy ones (HTML, frames)."""
    _LOADERS.append((prefix, load))


def call(name: str, *args: Any, **kwargs: Any) -> Any:
    """Call the face that fills ``name``, loading the faces first if need be."""
    hook = _HOOKS.get(name)
    while hook is None:
        waiting = [entry for entry in _LOADERS if name.startswith(entry[0])]
        if not waiting:
            break
        _LOADERS.remove(waiting[0])
        waiting[0][1]()
        hook = _HOOKS.get(name)
    if hook is None:
        raise LookupError(f"no face provides {name!r}; import the module that does")
    return hook(*args, **kwargs)
