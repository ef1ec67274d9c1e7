"""Text made safe for a terminal: what a file holds never controls the screen, and no output
dies on the terminal's encoding.

Two steps, for every line the command line writes (its own words and the data it shows):

- :func:`escaped`: control characters (NUL, ESC, BEL, DEL, the C1 block) and the invisible
  marks that reorder text (bidi overrides such as U+202E, the marks U+200E, U+200F, U+061C)
  are shown as escapes (``\\x1b``, ``\\u202e``), so a quote in a file can neither colour,
  clear nor reverse the terminal; line breaks and tabs of the command's own layout stay.
  The one set of characters shown escaped everywhere: HTML (:func:`ledger.display.html_text`)
  and the charts show them the same way.
- :func:`warnings_shown`: a warning raised while a command runs (a library's, matplotlib's)
  is written escaped too, in the command's words, never raw by Python's own hook.
- :func:`fitted`: what the terminal's encoding cannot show falls back to ASCII: arrows and
  signs to their ASCII spelling (``→`` to ``->``), accented letters to their base letter,
  Cyrillic transliterated, anything else as an escape; never a ``UnicodeEncodeError``.

>>> escaped("RFE\\x1b[2J/RL \\u202eLR/EFR")
'RFE\\\\x1b[2J/RL \\\\u202eLR/EFR'
>>> fitted("Tajikistan → Russia: $250M × 2", "ascii")
'Tajikistan -> Russia: $250M x 2'
>>> fitted("Россия: около 300 млн $", "cp1252")
'Rossiya: okolo 300 mln $'
"""

from __future__ import annotations

import codecs
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager

__all__ = ["escaped", "fitted", "is_safe", "json_escaped", "safe", "warnings_shown"]

#: What must never reach a terminal raw: C0 controls but line feed and tab, DEL, C1, and the
#: marks that reorder or hide text (bidi embeddings, overrides and isolates, the Arabic
#: letter mark, line and paragraph separators, and the zero-width joiners of no use here).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]"
)


def _escape_char(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _escape(found: re.Match[str]) -> str:
    return _escape_char(found[0])


def escaped(text: str) -> str:
    """``text`` with every control or reordering character shown as an escape."""
    return _UNSAFE.sub(_escape, text)


def json_escaped(text: str) -> str:
    """JSON text with every control or reordering character as a JSON escape (``\\u202e``),
    which JSON readers turn back into the character: valid JSON, safe on a terminal.

    >>> json_escaped('{"title": "\u202eabc\x85"}')
    '{"title": "\\\\u202eabc\\\\u0085"}'
    """
    return _UNSAFE.sub(lambda found: f"\\u{ord(found[0]):04x}", text)


def is_safe(text: str) -> bool:
    """Whether ``text`` holds no control or reordering character (a test's oracle too).

    >>> is_safe("about $300M\\n"), is_safe("\\u202e"), is_safe("\\x07")
    (True, False, False)
    """
    return _UNSAFE.search(text) is None


#: ASCII for the signs the library itself writes, where the terminal has no better.
_ASCII = {
    "→": "->",
    "←": "<-",
    "×": "x",
    "÷": "/",
    "·": ".",
    "–": "-",
    "—": "--",
    "−": "-",
    "≈": "~",
    "≤": "<=",
    "≥": ">=",
    "…": "...",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "«": '"',
    "»": '"',
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₽": "RUB",
    "₸": "KZT",
    "₼": "AZN",
    "₴": "UAH",
    "№": "No.",
}

#: Cyrillic letters of Russian, Tajik, Kyrgyz, Kazakh and Uzbek, in a plain Latin spelling.
_CYRILLIC = {
    **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye", strict=True)),
    **{"ё": "yo", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch"},
    **{"ъ": "'", "ь": "'", "ю": "yu", "я": "ya", "ғ": "gh", "ӣ": "i", "қ": "q", "ӯ": "u"},
    **{"ҳ": "h", "ҷ": "j", "ң": "ng", "ө": "o", "ү": "u", "ә": "a", "ұ": "u", "һ": "h"},
    "і": "i",
}


def _fallback(char: str) -> str:
    """One character the encoding cannot show, in ASCII."""
    if char in _ASCII:
        return _ASCII[char]
    lower = char.lower()
    if lower in _CYRILLIC:
        latin = _CYRILLIC[lower]
        return latin.capitalize() if char != lower else latin
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    if base and base.isascii():
        return base
    return _escape_char(char)


def fitted(text: str, encoding: str | None) -> str:
    """``text`` as the ``encoding`` can show it: each character it cannot encode replaced
    by its ASCII fallback (an encoding Python does not know is taken as ASCII; ``None``, a
    stream of text that is never encoded, such as ``io.StringIO``, takes any text).

    >>> fitted("→", None), fitted("→", "no-such-codec"), fitted("→", "utf-8")
    ('→', '->', '→')
    """
    if encoding is None:
        return text
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        name = "ascii"
    try:
        text.encode(name)
        return text
    except UnicodeEncodeError:
        pass
    out = []
    for char in text:
        try:
            char.encode(name)
            out.append(char)
        except UnicodeEncodeError:
            out.append(_fallback(char))
    return "".join(out)


def safe(text: str, encoding: str | None) -> str:
    """Escaped, then fitted: what may be written to a terminal of that encoding."""
    return fitted(escaped(text), encoding)


@contextmanager
def warnings_shown(write: Callable[[str], None]) -> Iterator[None]:
    """Within the block, each warning shown goes to ``write`` as ``debt-ledger: <message>``
    (``write`` escapes and fits it to the terminal), never raw to ``sys.stderr``; the filters
    in force still choose which warnings are shown.

    >>> said = []
    >>> with warnings_shown(said.append):
    ...     warnings.warn("Glyph 27 (\\x1b) missing", UserWarning, stacklevel=1)
    >>> said
    ['debt-ledger: Glyph 27 (\\x1b) missing']
    """

    def show(message: Warning | str, *_: object, **__: object) -> None:
        write(f"debt-ledger: {message}")

    with warnings.catch_warnings():
        warnings.showwarning = show
        yield
