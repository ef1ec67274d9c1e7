"""How long ``import ledger`` takes next to ``import pint``, each in fresh processes.

Run by hand: ``python benchmarks/bench_import.py``. Prints medians of 10 and their ratio
(goal, issue 2: ledger / pint <= 1.3), and the time to a first answer, import, the example
and a net balance (goal, issue 10: <= 1.6x pint). Never asserts; tests do not time anything.
"""

from __future__ import annotations

import statistics
import subprocess
import sys

RUNS = 15
CODE = "import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"


def import_seconds(module: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", CODE.format(module=module)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return float(out)


def main() -> None:
    first_answer = (
        "ledger; from datetime import date; "
        'ledger.net_balance(ledger.example(), "TJ", "RU", as_of=date(2004, 3, 15))'
    )
    modules = ("pint", "ledger", "ledger; ledger.Ledger", first_answer)
    times: dict[str, list[float]] = {m: [] for m in modules}
    for _ in range(RUNS):  # interleaved, so that a busy moment hits every module alike
        for module in modules:
            times[module].append(import_seconds(module))
    pint_s, ledger_s, full_s, answer_s = (statistics.median(times[m]) for m in modules)
    print(f"import pint:   {pint_s * 1000:8.1f} ms (median of {RUNS} fresh processes)")
    print(f"import ledger: {ledger_s * 1000:8.1f} ms")
    print(f"ratio ledger/pint: {ledger_s / pint_s:.2f} (goal <= 1.3)")
    print(
        f"import ledger and first use of entries (pydantic): {full_s * 1000:8.1f} ms, "
        f"ratio to pint {full_s / pint_s:.2f}"
    )
    print(
        f"a first answer (import, lg.example(), net_balance): {answer_s * 1000:8.1f} ms, "
        f"ratio to pint {answer_s / pint_s:.2f} (goal <= 1.6)"
    )
    heavy = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, ledger; print(sorted(m for m in ('pandas', 'matplotlib', 'numpy') "
            "if m in sys.modules))",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    print(f"heavy modules imported by `import ledger`: {heavy} (numpy comes with pint itself)")


if __name__ == "__main__":
    main()
