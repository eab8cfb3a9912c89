"""``lint --fix`` / ``--unsafe-fixes`` / ``--diff``: fixes written into the draft.

``fix_file`` reads the file again, checks it still holds the text the findings were made on,
plans the edits (``plan``), applies them to .txt/.md (``text_file``) or inside a .docx's runs
and numbering (``docx_file``), and writes atomically (``write``) unless only a diff is asked.
"""

from __future__ import annotations

import difflib
from dataclasses import field
from pathlib import Path

from draftlint.atomic import ChangedOnDisk, write_bytes
from draftlint.fix.plan import Edit, NumberingEdit, fixable
from draftlint.fix.planner import plan_fixes
from draftlint.model import Document, Finding, ReadError
from draftlint.readers import read_bytes
from draftlint.records import dataclass

__all__ = ["FileFix", "fix_file", "fixable"]

CHANGED = {
    "zh": "文件在检查期间被改动，未写入修复",
    "en": "the file changed on disk during the run; no fix written",
}


@dataclass(slots=True)
class FileFix:
    """What --fix did to one file: the findings fixed and refused, its diff or error."""

    path: str
    fixed: list[Finding] = field(default_factory=list)
    refused: list[Finding] = field(default_factory=list)  # fixable, but not safely here
    diff: str = ""
    error: str | None = None
    renumbered: bool = False
    converted: bool = False  # a .doc/.odt … read through LibreOffice: never written back


def fix_file(path: Path, name: str, findings: list[Finding], *, unsafe: bool, tracked: bool,
             write: bool, lang: str = "zh") -> FileFix:  # fmt: skip
    outcome = FileFix(name)
    try:
        data = path.read_bytes()
        document = read_bytes(data, name)
    except (OSError, ReadError) as error:
        outcome.error = str(error)
        return outcome
    if not _same_text(document, findings):
        outcome.error = CHANGED[lang]
        return outcome
    plan = plan_fixes(document, findings, unsafe=unsafe)
    if plan.empty:
        outcome.refused = [f for f in findings if fixable(f, unsafe)]
        return outcome
    if document.kind == "docx":
        if not data.startswith(b"PK"):
            outcome.refused = [f for f in findings if fixable(f, unsafe)]
            outcome.converted = True  # converted by LibreOffice: not ours to write back
            return outcome
        from draftlint.fix.docx_file import DocxFixer

        new, refused = DocxFixer(data, document, tracked=tracked).apply(plan)
    else:
        from draftlint.fix.text_file import apply_text_edits

        new, refused_edits = apply_text_edits(data, document, plan.edits)
        refused = [*refused_edits, *plan.numbering]
    refused_keys = {_key(edit) for edit in refused}
    outcome.fixed = [finding for finding, edit in plan.fixed if _key(edit) not in refused_keys]
    fixed_ids = {id(finding) for finding in outcome.fixed}
    outcome.refused = [f for f in findings if fixable(f, unsafe) and id(f) not in fixed_ids]
    outcome.renumbered = plan.renumbered and any(f.code in ("N001", "N002", "N003", "N006")
                                                 for f in outcome.fixed)  # fmt: skip
    if new == data:
        return outcome
    after = read_bytes(new, name)
    outcome.diff = _diff(name, document, after)
    if write:
        try:
            write_bytes(path, new, expected=data)
        except ChangedOnDisk:
            outcome.error, outcome.fixed = CHANGED[lang], []
        except OSError as error:
            outcome.error, outcome.fixed = f"无法写入 (cannot write: {error.strerror})", []
    return outcome


def _key(edit: Edit | NumberingEdit) -> tuple[object, ...]:
    if isinstance(edit, NumberingEdit):
        return ("number", edit.paragraph)
    return ("text", edit.paragraph, edit.start, edit.end)


def _same_text(document: Document, findings: list[Finding]) -> bool:
    """Whether the file read now holds the paragraphs the findings were made on."""
    paragraphs = document.paragraphs
    for finding in findings:
        index = finding.paragraph.index
        if index >= len(paragraphs) or paragraphs[index].text != finding.paragraph.text:
            return False
    return True


def _diff(name: str, before: Document, after: Document) -> str:
    lines = difflib.unified_diff(
        [p.text for p in before.paragraphs], [p.text for p in after.paragraphs],
        fromfile=_label("a", name), tofile=_label("b", name), lineterm="",
    )  # fmt: skip
    text = "\n".join(lines)
    return text + "\n" if text else ""


def _label(side: str, name: str) -> str:
    return name if Path(name).is_absolute() else f"{side}/{name}"
