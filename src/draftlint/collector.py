"""Pausing Python's cyclic garbage collector around work that makes many objects but hardly
any reference cycles (building a document, running the rules): each collection rescans the
whole growing heap. Cycles made meanwhile are collected once it runs again."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off for the block, and back on after it if it was on before."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
