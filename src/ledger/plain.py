"""The plain text of a figure: what ``str()`` and ``repr()`` show, in English and plain digits.

A face, like the notebook HTML: ``Figure.__str__`` asks the hook ``text.figure`` and this
module fills it when it is imported (``ledger/__init__.py`` loads it on first use), so
figures hold values only. The reader's language and number style are ``formatting``'s.

>>> from ledger.figures import Figure
>>> plain(Figure.range("250 million USD", "300 million USD"))
'between 250000000 and 300000000 USD'
>>> plain(Figure.of("300 million USD", "more_than"))
'more than 300000000 USD'
>>> plain(Figure.range("250 million USD", "300 million USD", approximate=True))
'between about 250000000 and 300000000 USD'
"""

from __future__ import annotations

from decimal import Decimal

from .faces import provide
from .figures import Figure, rounded_point, shown
from .units import unit_text

__all__ = ["plain"]

_POINT_WORDS = {"exact": "", "estimated": "estimated "}


def _number(x: Decimal) -> str:
    return format(x, "f")


def plain(f: Figure) -> str:
    """A figure in plain words: its value to the places its inputs justify, its bounds and
    whether they are reached, and the mark of an approximate figure."""
    unit = unit_text(f.unit)
    tail = f" {unit}" if unit else ""
    q = f.qualifier
    value, low, high = shown(f)
    if rounded_point(f) or q in ("exact", "about", "estimated"):
        assert value is not None
        word = _POINT_WORDS.get(q, "about " if f.approximate else "")
        return f"{word}{_number(value)}{tail}"
    parts: list[str] = []
    if low is not None and high is not None and f.low_inclusive and f.high_inclusive:
        parts.append(f"between {_number(low)} and {_number(high)}")
    else:
        if low is not None:
            parts.append(("at least " if f.low_inclusive else "more than ") + _number(low))
        if high is not None:
            parts.append(("at most " if f.high_inclusive else "less than ") + _number(high))
    if not parts:
        text = f"an unknown amount{' of ' + unit if unit else ''}"
    else:
        text = " and ".join(parts) + tail
    if value is not None:
        text = f"{_number(value)}{tail} ({text})"
    if f.approximate and q == "range" and value is None and text.startswith("between "):
        text = f"between about {text[len('between ') :]}"  # "about between" reads badly
    elif f.approximate:
        text = f"about {text}" if q == "range" and value is None else f"{text}, approximate"
    return text


provide("text.figure", plain)
