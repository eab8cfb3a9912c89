"""The glue between ``lint check`` and the fixer: fix each linted file, say what happened.

Fixed findings leave the report (as in ruff, what remains is what still needs a person);
findings whose fix could not be written stay, with one line on stderr saying so.
"""

from __future__ import annotations

import sys
from pathlib import Path

from draftlint.files import shown
from draftlint.fix import fix_file
from draftlint.report import FileResult

MESSAGES = {
    "zh": {
        "fixed": "已修复 {count} 处问题",
        "refused": "{path}:{line}: {code} 无法安全地自动修复，请手工修改{why}",
        "why_automatic": "（Word 自动编号，无法通过编号设置安全修正）",
        "why_converted": "（由 LibreOffice 转换读取的文件不写回）",
        "error": "{path}: {reason}",
        "renumbered": "{path}: 已重新编号；正文中的交叉引用（如“第三部分”“见三、”）不会改动，请人工核对",
    },
    "en": {
        "fixed": "fixed {count} findings",
        "refused": "{path}:{line}: {code} cannot be fixed safely; fix it by hand{why}",
        "why_automatic": " (Word's automatic numbering cannot be set safely here)",
        "why_converted": " (a file converted by LibreOffice is never written back)",
        "error": "{path}: {reason}",
        "renumbered": "{path}: renumbered; cross-references in the text (such as 第三部分) "
        "are never changed: check them by hand",
    },
}


def fix_results(results: list[FileResult], stdin_names: set[str], *, unsafe: bool,
                tracked: bool, diff: bool, lang: str) -> tuple[str, bool, bool]:  # fmt: skip
    """Fix (or, with ``diff``, only compare) every readable file in ``results``.

    Returns the diff text, whether any file failed to be written, and whether anything
    changed (or would change)."""
    words = MESSAGES.get(lang, MESSAGES["zh"])
    diffs: list[str] = []
    failed = changed = False
    total = 0
    for result in results:
        if result.error is not None or result.path in stdin_names or not result.findings:
            continue
        outcome = fix_file(Path(result.path), result.path, result.findings, unsafe=unsafe,
                           tracked=tracked, write=not diff, lang=lang)  # fmt: skip
        where = shown(result.path)
        if outcome.error is not None:
            print(words["error"].format(path=where, reason=outcome.error), file=sys.stderr)
            failed = True
            continue
        diffs.append(outcome.diff)
        changed |= bool(outcome.diff) or bool(outcome.fixed)
        for finding in outcome.refused:
            why = ""
            if outcome.converted:
                why = words["why_converted"]
            elif finding.start < finding.paragraph.prefix_len:
                why = words["why_automatic"]
            line = words["refused"].format(
                path=where, line=finding.line, code=finding.code, why=why
            )
            print(line, file=sys.stderr)
        if outcome.renumbered:
            print(words["renumbered"].format(path=where), file=sys.stderr)
        if not diff:
            fixed = {id(finding) for finding in outcome.fixed}
            result.findings = [f for f in result.findings if id(f) not in fixed]
            total += len(fixed)
    if not diff and total:
        print(words["fixed"].format(count=total), file=sys.stderr)
    return "".join(diffs), failed, changed
