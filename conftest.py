"""Hypothesis profiles: 'ci' (the default) keeps the suite well inside CI's time;
'thorough' explores by hand; 'mutation' is what benchmarks/mutation.py runs."""

import os
from collections.abc import Iterator

import pytest
from hypothesis import settings

settings.register_profile("ci", max_examples=60, deadline=None)
settings.register_profile("thorough", max_examples=1000, deadline=None)
# benchmarks/mutation.py: the same examples for every mutant, few enough for thousands of runs.
settings.register_profile("mutation", max_examples=30, deadline=None, derandomize=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_sessionstart(session: object) -> None:
    """Under mutmut each mutant's run is a fork of a process whose caches the unmutated code
    filled; empty them, so that a mutant in a cached function is called, not remembered."""
    if not os.environ.get("MUTANT_UNDER_TEST"):
        return
    import sys

    for name, module in list(sys.modules.items()):
        if name == "ledger" or name.startswith("ledger."):
            for value in vars(module).values():
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()
    # Netting's own memo of each unit's currency, a dict for its hot loop: empty it too.
    netting = sys.modules.get("ledger.netting")
    if netting is not None:
        netting._CURRENCY_OF_UNIT.clear()


@pytest.fixture(autouse=True)
def _close_charts() -> Iterator[None]:
    """lg.plot's charts are pyplot's (it keeps every one until closed): close them after
    each test, so that a suite of plots does not pile them up."""
    yield
    import sys

    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close("all")
