"""The fuzz suite's budget: a bounded run by default, ``--fuzz-minutes N`` for a long one."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.strategies import Files

#: Examples per test in the normal run: the whole suite stays well under a minute on two cores.
BOUNDED_EXAMPLES = 60
#: Examples per round of a long run; rounds repeat, each with fresh random data, until the time is up.
ROUND_EXAMPLES = 200

Runner = Callable[[st.SearchStrategy[Files], Callable[[Files], None]], None]

_SETTINGS = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Count the fuzz tests, so a long run can share its minutes among them."""
    fuzzing = [item for item in items if "fuzz" in getattr(item, "fixturenames", ())]
    config.stash[_COUNT] = max(1, len(fuzzing))


_COUNT = pytest.StashKey[int]()


@pytest.fixture
def fuzz(request: pytest.FixtureRequest) -> Runner:
    """Run a property over a strategy: briefly, or for this test's share of ``--fuzz-minutes``."""
    minutes: float | None = request.config.getoption("--fuzz-minutes")

    def runner(strategy: st.SearchStrategy[Files], check: Callable[[Files], None]) -> None:
        def once(examples: int) -> None:
            @settings(max_examples=examples, **_SETTINGS)  # type: ignore[arg-type]
            @given(strategy)
            def prop(files: Files) -> None:
                check(files)

            prop()

        if minutes is None:
            once(BOUNDED_EXAMPLES)
            return
        end = time.monotonic() + minutes * 60 / request.config.stash.get(_COUNT, 1)
        rounds = 0
        while rounds == 0 or time.monotonic() < end:
            once(ROUND_EXAMPLES)
            rounds += 1

    return runner
