"""One large document's rules in two processes: the rules that read only the text run in a
forked child while this process builds the outline and runs the rules that need it.

A run that lints a single file may use more than one process (``-j``, by default the CPU
count). For a long document the text rules (punctuation, placeholders, repeats, residue:
``Rule.reads_outline`` False) take about as long as the outline with the numbering and
section rules, so the two halves overlap. The child sends its findings back pickled, each
naming its paragraph by index; this process puts them on its own paragraphs. The findings
are exactly those of one process (the engine orders and filters them after). When the
child cannot give them (no ``fork``, a crash, a bad message) they are found here.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from draftlint.model import Finding, Paragraph

if TYPE_CHECKING:
    from draftlint.context import LintContext
    from draftlint.rule import Rule

# Below this many characters the text rules take less than forking and pickling cost.
MIN_CHARACTERS = 100_000

Found = dict[str, list[Finding]]  # rule code → its findings
# A finding with its paragraph as an index (or the paragraph itself, when it is not the
# document's paragraph at that index).
_Portable = tuple[Any, int | Paragraph, int, int, Any, Any, Any, Any]


def worth_splitting(context: LintContext, rules: Sequence[type[Rule]]) -> bool:
    """Whether ``rules`` on this document are worth a second process."""
    if not hasattr(os, "fork"):
        return False
    text_rules = sum(not rule.reads_outline for rule in rules)
    if text_rules == 0 or text_rules == len(rules):
        return False
    return sum(len(p.text) for p in context.document.paragraphs) >= MIN_CHARACTERS


def run_split(context: LintContext, rules: Sequence[type[Rule]]) -> Found:
    """Each rule's findings, the text rules' found in a forked child."""
    text_rules = [rule for rule in rules if not rule.reads_outline]
    here = [rule for rule in rules if rule.reads_outline]
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read_end)
        _child(context, text_rules, write_end)  # never returns
    os.close(write_end)
    theirs: Found | None = None
    try:
        found = _check(context, here)
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(pid, 0)
        pid = 0
        if status == 0:
            with contextlib.suppress(Exception):  # a damaged message: found here instead
                theirs = _restore(pickle.loads(data), context.document.paragraphs)
    finally:
        if pid:  # interrupted: the child does not outlive this run
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
    if theirs is None or set(theirs) != {rule.code for rule in text_rules}:
        theirs = _check(context, text_rules)
    found.update(theirs)
    return {rule.code: found[rule.code] for rule in rules}


def _check(context: LintContext, rules: Sequence[type[Rule]]) -> Found:
    return {rule.code: list(rule(context).check()) for rule in rules}


def _child(context: LintContext, rules: Sequence[type[Rule]], write_end: int) -> None:
    """Find, send, and end without exit handlers or flushing buffers from the parent."""
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C: the run stops, quietly
        found = _check(context, rules)
        data = pickle.dumps(_portable(found, context.document.paragraphs), -1)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
        from draftlint.usercache import save_stores

        save_stores()  # the patterns compiled here, for the next run
        status = 0
    finally:
        os._exit(status)


def _portable(found: Found, paragraphs: Sequence[Paragraph]) -> dict[str, list[_Portable]]:
    count = len(paragraphs)
    out: dict[str, list[_Portable]] = {}
    for code, findings in found.items():
        rows = out[code] = []
        for f in findings:
            where: int | Paragraph = f.paragraph.index
            if not (0 <= where < count and paragraphs[where] is f.paragraph):
                where = f.paragraph
            rows.append((f.rule, where, f.start, f.end, f.args, f.fix, f.severity, f.extra))
    return out


def _restore(sent: dict[str, list[_Portable]], paragraphs: Sequence[Paragraph]) -> Found:
    found: Found = {}
    for code, rows in sent.items():
        findings = found[code] = []
        for rule, where, start, end, args, fix, severity, extra in rows:
            paragraph = paragraphs[where] if type(where) is int else where
            findings.append(Finding(rule, paragraph, start, end, args, fix, severity, extra))
    return found
