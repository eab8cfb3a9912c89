"""One large document's rules in two processes: the rules that read only the text run in a
forked child while this process builds the outline and runs the rules that need it.

A run that lints a single file may use more than one process (``-j``, by default the CPU
count). For a long document the text rules (punctuation, placeholders, repeats, residue:
``Rule.reads_outline`` False) take about as long as the outline with the numbering and
section rules, so the two halves overlap. The text rules wait in a pipe as numbers: the
child takes them one by one, and so does this process once its own are done, so neither
waits long for the other. The child sends its findings back pickled, each naming its
paragraph by index; this process puts them on its own paragraphs. The findings are exactly
those of one process (the engine orders and filters them after). A rule the child took but
did not answer for (a crash, a bad message) is run here.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from functools import partial
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
    """Each rule's findings, the text rules' found in a forked child and, once this process
    has its own, here too: the text rules wait in a ``task_pipe``, and each process takes the
    next one until none is left, so neither waits long for the other. When no child can be
    made (a process limit, no memory), every rule runs here."""
    import pickle
    import signal

    # Imported here, not above: a lone small file asks ``worth_splitting`` on every run.
    from draftlint.forkpool import end_child, signals_held, task_pipe

    text_rules = [rule for rule in rules if not rule.reads_outline]
    here = [rule for rule in rules if rule.reads_outline]
    try:
        tasks = task_pipe(len(text_rules))
    except OSError:
        return _check(context, rules)
    results_read = results_write = pid = -1
    theirs: Found = {}
    reaped = False
    try:
        try:
            results_read, results_write = os.pipe()
            with signals_held():  # a Ctrl-C held here arrives inside this try: see finally
                pid = os.fork()
                if pid == 0:  # the child
                    end_child(partial(_send, context, text_rules, tasks, results_read,
                                      results_write))  # fmt: skip
        except OSError:  # no child can be made (a process limit, no memory)
            return _check(context, rules)
        os.close(results_write)
        results_write = -1
        found = _check(context, here)
        found.update(_take(context, text_rules, tasks))
        with os.fdopen(results_read, "rb") as pipe:
            results_read = -1
            data = pipe.read()
        reaped = True  # from here on the pid is not signalled again, even if interrupted
        _, status = os.waitpid(pid, 0)
        if status == 0:
            with contextlib.suppress(Exception):  # a damaged message: found here instead
                theirs = _restore(pickle.loads(data), context.document.paragraphs)
    finally:
        for fd in (tasks, results_read, results_write):
            if fd >= 0:
                os.close(fd)
        if pid > 0 and not reaped:  # interrupted: the child does not outlive this run
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
    found.update(theirs)
    missing = [rule for rule in text_rules if rule.code not in found]  # a child that died
    found.update(_check(context, missing))
    return {rule.code: found[rule.code] for rule in rules}


def _check(context: LintContext, rules: Sequence[type[Rule]]) -> Found:
    return {rule.code: list(rule(context).check()) for rule in rules}


def _take(context: LintContext, rules: Sequence[type[Rule]], tasks: int) -> Found:
    """The findings of the rules this process takes from the pipe."""
    from draftlint.forkpool import taken

    return _check(context, [rules[number] for number in taken(tasks)])


def _send(context: LintContext, rules: Sequence[type[Rule]], tasks: int, unused: int,
          results: int) -> None:  # fmt: skip
    """The child's work: take rules, send their findings, save what it compiled."""
    import pickle

    from draftlint.usercache import save_stores

    os.close(unused)
    found = _take(context, rules, tasks)
    data = pickle.dumps(_portable(found, context.document.paragraphs), -1)
    with os.fdopen(results, "wb") as pipe:
        pipe.write(data)
    save_stores()  # the patterns compiled here, for the next run


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
