"""Mutants made by hand for issue 9's promises: each breaks one promise, and the suite must
catch it. Run by hand from the project root: ``python benchmarks/hand_mutants.py``. Each file is
restored after its run; prints CAUGHT or SURVIVED per mutant, never asserts. (mutmut, over
every module, is issue 11's.) It writes into the library's files while it runs: run it when no
one else is editing them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TESTS = [
    "tests/test_regressions.py",
    "tests/test_honesty.py",
    "tests/test_figures.py",
    "tests/test_oracle.py",
    "tests/test_units.py",
    "tests/test_formatting.py",
    "tests/test_netting.py",
    "tests/test_book.py",
]
FIG = "src/ledger/figures.py"
NET = "src/ledger/netting.py"
#: (the promise broken, file, text, replacement)
MUTANTS = [
    (
        "format_figure drops the approximate word",
        "src/ledger/formatting.py",
        "        return words_say(where, APPROXIMATE, text=text)",
        "        return text",
    ),
    (
        "quantize rounds a lower bound inwards",
        FIG,
        "        low = rounded(f._low, ROUND_FLOOR)",
        "        low = rounded(f._low, ROUND_CEILING)",
    ),
    (
        "the fast path skips the limits of an amount",
        "src/ledger/units.py",
        "            number = check_amount(number, what)\n        return number",
        "            pass\n        return number",
    ),
    (
        "the file form drops approximate",
        "src/ledger/entries.py",
        '    if figure.approximate:\n        data["approximate"] = True',
        '    if False:\n        data["approximate"] = True',
    ),
    (
        "negation rounds in the caller's context",
        FIG,
        "    return _ZERO if x.is_zero() else x.copy_negate()",
        "    return _ZERO if x.is_zero() else -x",
    ),
    (
        "settlements are summed in the caller's context",
        "src/ledger/checks.py",
        "        with localcontext(SUMS):  # exact, whatever the caller's context\n"
        "            paid = sum(lows, _ZERO)",
        "        paid = sum(lows, _ZERO)",
    ),
    (
        "a rounded conversion forgets its origin",
        FIG,
        "    if not all(exact):\n        _set_origin(result, _canonical(source))",
        "    if False:\n        _set_origin(result, _canonical(source))",
    ),
    (
        "an open end becomes inclusive when a sum rounds",
        FIG,
        "            low_in = self._low_inclusive and other._low_inclusive",
        "            low_in = self._low_inclusive and other._low_inclusive or not low_exact",
    ),
    (
        "plurals see 1.00",
        "src/ledger/numbers.py",
        "    return as_written(rounded)",
        "    return rounded",
    ),
    (
        "settle runs in the caller's context",
        "src/ledger/netting.py",
        "@owned\ndef settle(",
        "def settle(",
    ),
    (
        "format_figure runs in the caller's context",
        "src/ledger/formatting.py",
        "@owned\ndef format_figure(",
        "def format_figure(",
    ),
    # The oracle's (tests/test_oracle.py, tests/test_netting.py against a plain loop):
    (
        "a change of unit rounds its bounds inwards",
        FIG,
        "zip(parts, (ROUND_HALF_EVEN, ROUND_FLOOR, ROUND_CEILING), strict=True)",
        "zip(parts, (ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR), strict=True)",
    ),
    (
        "a product, quotient or sum rounded once into another time unit rounds inwards",
        FIG,
        "exact, ROUND_HALF_EVEN if down is None else ROUND_FLOOR if down else ROUND_CEILING",
        "exact, ROUND_HALF_EVEN if down is None else ROUND_CEILING if down else ROUND_FLOOR",
    ),
    (
        "a product's end at zero is always inclusive",
        FIG,
        "    if x.is_zero():\n        return _ZERO, x_in, True\n"
        "    if y.is_zero():\n        return _ZERO, y_in, True\n",
        "    if x.is_zero():\n        return _ZERO, True, True\n"
        "    if y.is_zero():\n        return _ZERO, True, True\n",
    ),
    (
        "every bound at zero is inclusive",
        FIG,
        "    _set_low_inclusive(figure, low_inclusive or low is None)\n"
        "    _set_high_inclusive(figure, high_inclusive or high is None)",
        "    _set_low_inclusive(figure, low_inclusive or low is None or low.is_zero())\n"
        "    _set_high_inclusive(figure, high_inclusive or high is None or high.is_zero())",
    ),
    (
        "settlements dated after as_of count",
        NET,
        "    for settlement in book.settlements(as_of=day):",
        "    for settlement in book.settlements():",
    ),
    (
        "settled and written-off claims count in full",
        NET,
        "    if claim.status in ZERO_STATUSES:\n        return _zero(claim.amount.unit)\n",
        "",
    ),
]


def main() -> None:
    for name, path, old, new in MUTANTS:
        file = Path(path)
        text = file.read_text()
        if old not in text:
            print(f"SKIPPED   {name} (the code changed: update the mutant)")
            continue
        file.write_text(text.replace(old, new, 1))
        try:
            done = subprocess.run(
                [sys.executable, "-m", "pytest", "-q", "-x", "-rf", "-p", "no:randomly", *TESTS],
                capture_output=True,
                text=True,
                timeout=900,
            )
        finally:
            file.write_text(text)
        verdict = "CAUGHT  " if done.returncode else "SURVIVED"
        failed = [line.split()[1] for line in done.stdout.splitlines() if line.startswith("FAILED")]
        by = f" by {failed[0]}" if failed else ""
        print(f"{verdict}  {name}{by} | {done.stdout.strip().splitlines()[-1]}")


if __name__ == "__main__":
    main()
