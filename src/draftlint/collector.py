"""Pausing Python's cyclic garbage collector around work that makes many objects but hardly
any reference cycles (building a document, running the rules): each collection rescans the
whole growing heap. Cycles made meanwhile are collected once it runs again.

The console command goes further: a run of one file never collects at all
(``off_until_exit``), since its process ends right after."""

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


# Whether ``off_until_exit`` turned the collector off: only then does ``on_for_many_files``
# turn it back on (a program calling draftlint keeps its own setting).
_off_until_exit = False


def off_until_exit() -> None:
    """The collector off for the rest of the process: called by the console command, whose
    process ends with it. A command on one document keeps its objects to the end or leaves
    garbage that the end frees, so a collection only traces them: 8–10 ms of a 400-page
    .docx, a collection each time a pause ends."""
    global _off_until_exit
    if gc.isenabled():
        gc.disable()
        _off_until_exit = True


def on_for_many_files() -> None:
    """The collector back on when ``off_until_exit`` turned it off and a run lints more than
    one file: each file's reference cycles (an outline's tree) must not pile up. What exists
    by then (modules, classes, rule tables) lives as long as the run: it is frozen, so no
    collection traces it."""
    global _off_until_exit
    if _off_until_exit:
        gc.freeze()
        gc.enable()
        _off_until_exit = False
