"""Growth checks: does the work of linting grow linearly with the input?

The quadratic cases this guards against live inside single C calls (a regex that rescans a
paragraph from its start for every closer, ``text[:start]`` copied for every star), so a
count of Python calls cannot see them. Work is therefore the CPU time of this process
(``time.process_time``, not wall time: other processes do not count), the least of three
runs, compared between the input at n and at 4n. Linear work grows about 4 times and
quadratic work 16 times; the tests allow 8, so noise cannot flip the verdict.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

LINEAR_BOUND = 8.0


def cpu(function: Callable[[], Any], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        function()
        best = min(best, time.process_time() - start)
    return best


def growth(make: Callable[[int], Callable[[], Any]], n: int) -> float:
    """How much more work ``make(4 * n)`` does than ``make(n)``: about 4 when linear."""
    small, large = make(n), make(4 * n)
    small()  # compile patterns and fill caches outside the measurement
    return cpu(large) / max(cpu(small), 1e-6)
