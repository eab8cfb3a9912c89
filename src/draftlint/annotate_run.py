"""The ``lint annotate`` command's work once the file is linted: check, annotate, write."""

from __future__ import annotations

import sys
from pathlib import Path

from draftlint.annotate import annotate
from draftlint.atomic import write_bytes
from draftlint.files import shown
from draftlint.report import FileResult

WORDS = {
    "zh": {
        "not_docx": "只能为 Word 文件（.docx）添加批注",
        "same": "输出文件不能是原文件（原文件从不修改）",
        "wrote": "已写入 {path}：新增 {count} 条批注（共 {total} 个问题）",
        "cannot": "无法写入 ({reason})",
    },
    "en": {
        "not_docx": "only Word files (.docx) can be annotated",
        "same": "the output must not be the original (the original is never modified)",
        "wrote": "wrote {path}: {count} comments added ({total} findings)",
        "cannot": "cannot write ({reason})",
    },
}


def default_output(path: Path) -> Path:
    return path.with_name(f"{path.stem}.reviewed{path.suffix or '.docx'}")


def annotate_file(result: FileResult, path: Path, output: Path | None, lang: str) -> int:
    """Exit code: 0 written, 2 the file could not be read or the copy written."""
    words = WORDS.get(lang, WORDS["zh"])
    where = shown(str(path))
    if result.error is not None:
        print(f"{where}: {result.error}", file=sys.stderr)
        return 2
    data = path.read_bytes()
    if result.kind != "docx" or not data.startswith(b"PK"):
        print(f"{where}: {words['not_docx']}", file=sys.stderr)
        return 2
    target = output or default_output(path)
    if target.exists() and target.resolve() == path.resolve():
        print(f"{where}: {words['same']}", file=sys.stderr)
        return 2
    annotated, count = annotate(data, result.findings, lang)
    try:
        write_bytes(target, annotated)
    except OSError as error:
        reason = words["cannot"].format(reason=error.strerror)
        print(f"{shown(str(target))}: {reason}", file=sys.stderr)
        return 2
    total = len(result.findings)
    print(words["wrote"].format(path=shown(str(target)), count=count, total=total), file=sys.stderr)
    return 0
