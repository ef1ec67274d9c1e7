"""The suite's measure: mutation testing with mutmut, per module (run by hand, never in CI).

    python benchmarks/mutation.py                 # every module [tool.mutmut] names
    python benchmarks/mutation.py units netting   # some of them
    python benchmarks/mutation.py --keep /tmp/m   # keep the copy, to read a mutant:
                                                  #   cd /tmp/m && python -m mutmut show NAME
    python benchmarks/mutation.py --report /tmp/m # the table again (or of a run cut short)

It copies the committed tree (``git clone``) to a temporary folder, so a run never touches the
working tree and measures exactly what is on the branch; runs ``mutmut run`` there; reads every
mutant's status with ``mutmut results --all true``; and prints, per module, the mutants made,
killed, survived, timed out, and the score: killed / (made - named equivalents). A mutant
counts as equivalent only when ``benchmarks/equivalent_mutants.toml`` names it, with one line
why. Goal (issue 11): at least 90% in each module.

Needs the ``dev`` extra and mutmut (``pip install mutmut``); a full run takes an hour or more
on two cores.
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EQUIVALENT = Path(__file__).with_name("equivalent_mutants.toml")
GOAL = 0.90


def configured_modules() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    paths = config["tool"]["mutmut"]["only_mutate"]
    return [Path(path).stem for path in paths]


def equivalents() -> dict[str, str]:
    """Mutant name -> why it cannot change behaviour."""
    if not EQUIVALENT.exists():
        return {}
    named: dict[str, str] = tomllib.loads(EQUIVALENT.read_text(encoding="utf-8"))
    return named


def run(modules: list[str], where: Path, children: int) -> dict[str, str]:
    """Status of every mutant of ``modules``, mutated and tested in a copy at ``where``."""
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(where)], check=True)
    globs = [f"ledger.{module}.*" for module in modules]
    command = [sys.executable, "-m", "mutmut", "run", "--max-children", str(children), *globs]
    # The 'mutation' hypothesis profile (conftest.py): the same few examples for every mutant.
    environment = {**os.environ, "HYPOTHESIS_PROFILE": "mutation"}
    subprocess.run(command, cwd=where, env=environment, check=False, stdout=subprocess.DEVNULL)
    return statuses_in(where)


def statuses_in(where: Path) -> dict[str, str]:
    """Every mutant's status as mutmut recorded it in the copy at ``where``."""
    listed = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"],
        cwd=where,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    statuses = {}
    for line in listed.splitlines():
        match = re.fullmatch(r"\s*(ledger\.\S+): (.+)", line)
        if match:
            statuses[match[1]] = match[2].strip()
    return statuses


def module_of(mutant: str) -> str:
    return mutant.split(".")[1]


def report(modules: list[str], statuses: dict[str, str], named: dict[str, str]) -> bool:
    """Print the table and the survivors not named equivalent; whether every module met the goal."""
    counts: dict[str, collections.Counter[str]] = {m: collections.Counter() for m in modules}
    survivors = []
    for mutant, status in sorted(statuses.items()):
        module = module_of(mutant)
        if module not in counts:
            continue
        tally = counts[module]
        tally["made"] += 1
        if mutant in named:
            tally["equivalent"] += 1
        elif status == "not checked":  # a run stopped early: say so, judge only what ran
            tally["unchecked"] += 1
        elif status == "killed":
            tally["killed"] += 1
        elif status == "timeout":
            tally["timeout"] += 1  # a mutant that hangs the suite is caught, but say so
            tally["killed"] += 1
        else:
            tally["survived"] += 1
            survivors.append(f"{mutant}: {status}")
    header = ("module", "made", "killed", "survived", "timeout", "equiv", "unchecked", "score")
    print("{:<10} {:>6} {:>7} {:>9} {:>8} {:>6} {:>9} {:>6}".format(*header))
    met = True
    for module, tally in counts.items():
        judged = tally["made"] - tally["equivalent"] - tally["unchecked"]
        score = tally["killed"] / judged if judged else 1.0
        met &= score >= GOAL
        print(
            f"{module:<10} {tally['made']:>6} {tally['killed']:>7} {tally['survived']:>9} "
            f"{tally['timeout']:>8} {tally['equivalent']:>6} {tally['unchecked']:>9} {score:>6.1%}"
        )
    stale = sorted(name for name in named if name not in statuses and module_of(name) in counts)
    if stale:
        print("\nnamed equivalent but no longer made (remove them):", *stale, sep="\n  ")
    if survivors:
        print(f"\n{len(survivors)} survivors (read one: python -m mutmut show NAME):")
        print(*survivors, sep="\n  ")
    print(f"\ngoal: at least {GOAL:.0%} killed in each module: {'met' if met else 'NOT met'}")
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="modules to mutate (default: all configured)")
    parser.add_argument("--keep", type=Path, help="mutate in this folder and keep it")
    parser.add_argument("--children", type=int, default=2, help="mutants tested at once")
    parser.add_argument(
        "--report", type=Path, help="only report on a copy kept by an earlier --keep run"
    )
    args = parser.parse_args()
    modules = args.modules or configured_modules()
    unknown = sorted(set(modules) - set(configured_modules()))
    if unknown:
        parser.error(f"not configured in [tool.mutmut] only_mutate: {', '.join(unknown)}")
    if args.report:
        statuses = statuses_in(args.report)
    elif args.keep:
        statuses = run(modules, args.keep, args.children)
    else:
        with tempfile.TemporaryDirectory() as folder:
            statuses = run(modules, Path(folder) / "copy", args.children)
    return 0 if report(modules, statuses, equivalents()) else 1


if __name__ == "__main__":
    sys.exit(main())
