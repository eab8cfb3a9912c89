"""A lone long document's text rules in a second process (draftlint.split_rules): the same
findings as one process, a child that fails changes nothing, short documents stay here."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path
from typing import Any

import pytest
from tests.helpers.lint import run_lint, write_docx

from draftlint import split_rules
from draftlint.context import LintContext
from draftlint.engine import lint_document
from draftlint.forkpool import taken
from draftlint.model import Document, Finding, LintOptions, Paragraph
from draftlint.readers import read_bytes
from draftlint.registry import all_rules

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the child is forked")

SECTION = [
    "（一）坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻落实党的二十大精神。",
    "1.全年共组织集中学习X次，开展专题研讨6次，参训干部职工达1,200余人次。",
    "3.依托\u201c三会一课\u201d、主题党日等载体，推动理论学习走深走实。",
    "一是严格落实意识形态工作责任制。二是是定期分析研判。四是加强网络舆情监测。",
    "完成固定资产投资3.5亿元，同比增长12.6%，访问 https://www.gov.cn/a,b 了解详情。",
    "微信扫码领取福利",
]
CN = "一二三四五六七八九十"


def long_draft(characters: int) -> list[str]:
    """A report with findings of every kind: text rules (W001, P001, C001 …) and outline
    rules (N001, N006 …), repeated past ``characters``."""
    lines = ["2024年度工作总结"]
    section = 0
    while sum(map(len, lines)) < characters:
        lines.append(f"{CN[section % 10]}、第{section + 1}部分工作情况")
        lines.extend(SECTION)
        section += 1
    return lines


def rows(findings: list[Finding]) -> list[tuple[Any, ...]]:
    return [
        (f.code, f.paragraph.index, f.start, f.end, f.message(), f.fix, f.severity, f.extra)
        for f in findings
    ]


def document(lines: list[str]) -> Document:
    return read_bytes("\n".join(lines).encode(), "draft.txt")


def test_two_processes_find_what_one_finds(forked: list[int]) -> None:
    lines = long_draft(split_rules.MIN_CHARACTERS + 5000)
    one = lint_document(document(lines), all_rules(), LintOptions(), processes=1)
    assert forked == []
    two = lint_document(document(lines), all_rules(), LintOptions(), processes=2)
    assert len(forked) == 1
    assert rows(two) == rows(one)
    codes = {f.code for f in one}
    assert {"W001", "P001", "C001", "C002"} <= codes  # found in the child
    assert {"N001", "N006"} <= codes  # found here


def test_findings_sit_on_this_processes_paragraphs(forked: list[int]) -> None:
    draft = document(long_draft(split_rules.MIN_CHARACTERS))
    findings = lint_document(draft, all_rules(), LintOptions(), processes=2)
    assert forked
    assert all(draft.paragraphs[f.paragraph.index] is f.paragraph for f in findings)


def test_a_child_that_fails_leaves_the_work_here(
    forked: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = long_draft(split_rules.MIN_CHARACTERS)
    one = lint_document(document(lines), all_rules(), LintOptions())
    monkeypatch.setattr(split_rules, "_send", lambda *args: os._exit(3))
    two = lint_document(document(lines), all_rules(), LintOptions(), processes=2)
    assert len(forked) == 1
    assert rows(two) == rows(one)


def test_a_rule_the_child_took_and_never_answered_for_is_run_here(
    forked: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = long_draft(split_rules.MIN_CHARACTERS)
    one = lint_document(document(lines), all_rules(), LintOptions())

    def dies_after_taking_one(context, rules, tasks, unused, results) -> None:  # type: ignore[no-untyped-def]
        next(taken(tasks))
        os._exit(9)

    monkeypatch.setattr(split_rules, "_send", dies_after_taking_one)
    two = lint_document(document(lines), all_rules(), LintOptions(), processes=2)
    assert len(forked) == 1
    assert rows(two) == rows(one)


def test_each_text_rule_runs_once_in_one_of_the_processes(
    forked: list[int], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The pipe hands each text rule to one process: the log shows every code once."""
    log = tmp_path / "ran.log"
    real_check = {rule: rule.check for rule in all_rules() if not rule.reads_outline}

    def logged(rule):  # type: ignore[no-untyped-def]
        def check(self):  # type: ignore[no-untyped-def]
            with log.open("a", encoding="utf-8") as out:
                out.write(f"{rule.code} {os.getpid()}\n")
            return real_check[rule](self)

        return check

    for rule in real_check:
        monkeypatch.setattr(rule, "check", logged(rule))
    lint_document(document(long_draft(split_rules.MIN_CHARACTERS)), all_rules(),
                  LintOptions(), processes=2)  # fmt: skip
    ran = [line.split() for line in log.read_text(encoding="utf-8").splitlines()]
    assert sorted(code for code, _ in ran) == sorted(rule.code for rule in real_check)
    assert str(forked[0]) in {pid for _, pid in ran}  # the child took some


def test_a_short_document_or_one_kind_of_rule_is_not_split(forked: list[int]) -> None:
    short = long_draft(split_rules.MIN_CHARACTERS // 2)
    lint_document(document(short), all_rules(), LintOptions(), processes=2)
    text_only = [rule for rule in all_rules() if not rule.reads_outline]
    lint_document(document(long_draft(split_rules.MIN_CHARACTERS)), text_only, LintOptions(), 2)
    assert forked == []


@pytest.mark.parametrize("rule", [r for r in all_rules() if not r.reads_outline], ids=str)
def test_a_text_rule_never_builds_the_outline(rule: type[Any]) -> None:
    """What lets the child start before the outline exists: it would build its own."""
    context = LintContext(document(long_draft(3000)), LintOptions())
    list(rule(context).check())
    assert not {"outline", "sections", "layouts"} & set(vars(context))


def test_text_rules_are_the_punctuation_placeholder_and_residue_rules() -> None:
    text = {rule.code for rule in all_rules() if not rule.reads_outline}
    assert text == {"W001", "W002", "W003", "W004", "W005", "C001", "C002", "P001", "N009"}


def test_a_finding_off_the_documents_paragraphs_keeps_its_own() -> None:
    """Sent through a pickle as the child sends it: a paragraph of the document comes back
    as this process's object, any other as a copy of itself."""
    draft = document(long_draft(3000))
    loose = Paragraph(0, "单独的段落", 1)
    rule = all_rules()[0]
    found = {rule.code: [Finding(rule, loose, 0, 1), Finding(rule, draft.paragraphs[2], 0, 1)]}
    sent = pickle.loads(pickle.dumps(split_rules._portable(found, draft.paragraphs), -1))
    off, on = split_rules._restore(sent, draft.paragraphs)[rule.code]
    assert off.paragraph is not loose and off.paragraph == loose
    assert on.paragraph is draft.paragraphs[2]


def test_no_child_to_be_had_means_every_rule_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process limit or no memory for a fork: the one-process findings, no descriptor
    left open."""
    lines = long_draft(split_rules.MIN_CHARACTERS)
    one = lint_document(document(lines), all_rules(), LintOptions())

    def refused() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refused)
    before = set(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else set()
    two = lint_document(document(lines), all_rules(), LintOptions(), processes=2)
    after = set(os.listdir("/proc/self/fd")) if before else set()
    assert rows(two) == rows(one)
    assert after <= before


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_lint_on_one_long_file_gives_the_one_process_report(tmp_path: Path, kind: str) -> None:
    lines = long_draft(split_rules.MIN_CHARACTERS + 20_000)
    path = tmp_path / f"long.{kind}"
    if kind == "txt":
        path.write_text("\n".join(lines), encoding="utf-8")
    else:
        write_docx(path, lines)
    one = run_lint("--format", "json", "--no-cache", "-j", "1", str(path))
    two = run_lint("--format", "json", "--no-cache", "-j", "2", str(path))
    default = run_lint("--format", "json", "--no-cache", str(path))
    assert (two.returncode, two.stdout, two.stderr) == (one.returncode, one.stdout, one.stderr)
    assert default.stdout == one.stdout
    summary = json.loads(one.stdout)["summary"]["by_code"]
    assert summary["W001"] > 100 and summary["N001"] > 100
