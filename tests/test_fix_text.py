"""`lint --fix` / `--unsafe-fixes` / `--diff` on .txt and .md: real files, real `lint` runs."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
from tests.helpers.lint import findings_of, lint_json, run_lint

from draftlint.atomic import ChangedOnDisk, write_bytes


def _copy(source: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(source, tmp_path / source.name))


def _kept(report: dict, codes: tuple[str, ...]) -> list[tuple[str, int, int, str]]:
    return [(f["code"], f["line"], f["column"], f["text"]) for f in findings_of(report)
            if f["code"] in codes]  # fmt: skip


def test_seed_000_fix_removes_w001_and_n005_and_keeps_the_rest(seed, tmp_path: Path) -> None:
    draft = _copy(seed("000"), tmp_path)
    _, before = lint_json(str(draft))
    assert findings_of(before, "W001") and findings_of(before, "N005")
    completed = run_lint("--fix", str(draft))
    assert "已修复" in completed.stderr
    _, after = lint_json(str(draft))
    assert not findings_of(after, "W001") and not findings_of(after, "N005")
    assert _kept(after, ("P001", "C002")) == _kept(before, ("P001", "C002"))
    fixed = draft.read_bytes()
    run_lint("--fix", str(draft))
    assert draft.read_bytes() == fixed  # a second --fix changes nothing


def test_seed_001_unsafe_fixes_renumber_the_second_san(seed, tmp_path: Path) -> None:
    draft = _copy(seed("001"), tmp_path)
    lines = draft.read_text(encoding="utf-8").splitlines()
    repeated = [i for i, line in enumerate(lines) if line.startswith("三、")]
    assert len(repeated) == 2
    completed = run_lint("--fix", "--unsafe-fixes", str(draft))
    assert "交叉引用" in completed.stderr
    fixed = draft.read_text(encoding="utf-8").splitlines()
    assert fixed[repeated[0]].startswith("三、") and fixed[repeated[1]].startswith("四、")
    assert fixed[repeated[1]][2:] == lines[repeated[1]][2:]
    _, after = lint_json(str(draft))
    assert not findings_of(after, "N002")


def test_safe_fix_alone_does_not_renumber(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("一、甲\n二、乙\n二、丙\n", encoding="utf-8")
    run_lint("--fix", str(draft))
    assert draft.read_text(encoding="utf-8") == "一、甲\n二、乙\n二、丙\n"


def test_renumbering_shifts_every_later_sibling_not_cross_references(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text(
        "一、总体情况\n（一）甲\n（二）乙\n二、工作\n三、问题\n三、打算\n详见第三部分，见三、。\n四、保障\n",
        encoding="utf-8",
    )
    completed = run_lint("--fix", "--unsafe-fixes", str(draft))
    assert completed.returncode == 0, completed.stderr
    assert draft.read_text(encoding="utf-8") == (
        "一、总体情况\n（一）甲\n（二）乙\n二、工作\n三、问题\n四、打算\n详见第三部分，见三、。\n五、保障\n"
    )


def test_skip_is_closed_and_enumeration_renumbered(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("一、甲\n二、乙\n四、丙\n五、丁\n一是抓学习。三是抓落实。四是抓考核。\n",
                     encoding="utf-8")  # fmt: skip
    run_lint("--fix", "--unsafe-fixes", str(draft))
    assert draft.read_text(encoding="utf-8") == (
        "一、甲\n二、乙\n三、丙\n四、丁\n一是抓学习。二是抓落实。三是抓考核。\n"
    )


def test_diff_prints_and_writes_nothing(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    original = "一、总体情况,良好\n二、存在问题\n".encode()
    draft.write_bytes(original)
    completed = run_lint("--diff", str(draft))
    assert completed.returncode == 1
    assert "-一、总体情况,良好" in completed.stdout and "+一、总体情况，良好" in completed.stdout
    assert draft.read_bytes() == original
    clean = tmp_path / "clean.txt"
    clean.write_text("一、总体情况\n", encoding="utf-8")
    completed = run_lint("--diff", str(clean))
    assert completed.returncode == 0 and completed.stdout == ""


@pytest.mark.parametrize(
    ("encoding", "prefix", "newline"),
    [
        ("utf-8", b"", "\r\n"),
        ("utf-8", b"\xef\xbb\xbf", "\n"),
        ("gb18030", b"", "\r\n"),
        ("gb18030", b"", "\r"),
    ],
)
def test_own_encoding_and_line_endings(tmp_path: Path, encoding: str, prefix: bytes,
                                       newline: str) -> None:  # fmt: skip
    draft = tmp_path / "d.txt"
    lines = ["关于做好工作的报告", "一、总体情况,良好;成效明显", "二、存在问题", ""]
    draft.write_bytes(prefix + newline.join(lines).encode(encoding))
    run_lint("--fix", str(draft))
    expected = ["关于做好工作的报告", "一、总体情况，良好；成效明显", "二、存在问题", ""]
    assert draft.read_bytes() == prefix + newline.join(expected).encode(encoding)


def test_markdown_markup_is_never_touched(tmp_path: Path) -> None:
    draft = tmp_path / "d.md"
    draft.write_text(
        "# 关于工作的报告\n\n**一、总体情况**,良好\n\n二、进展[见附件](http://a.b/c,d)\n\n"
        "`code,kept`，三是\n",
        encoding="utf-8",
    )
    run_lint("--fix", str(draft))
    assert draft.read_text(encoding="utf-8") == (
        "# 关于工作的报告\n\n**一、总体情况**，良好\n\n二、进展[见附件](http://a.b/c,d)\n\n"
        "`code,kept`，三是\n"
    )


def test_permissions_kept_and_write_is_atomic(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("一、总体情况,良好\n", encoding="utf-8")
    os.chmod(draft, 0o640)
    run_lint("--fix", str(draft))
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    assert draft.read_text(encoding="utf-8") == "一、总体情况，良好\n"
    assert [p.name for p in tmp_path.iterdir()] == ["d.txt"]  # no temporary left behind


def test_refuses_to_write_over_a_file_changed_on_disk(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_bytes(b"changed meanwhile")
    with pytest.raises(ChangedOnDisk):
        write_bytes(draft, b"fixed", expected=b"what was read")
    assert draft.read_bytes() == b"changed meanwhile"
    assert [p.name for p in tmp_path.iterdir()] == ["d.txt"]


def test_placeholders_and_residue_are_never_fixed(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    text = "关于工作的报告\n一、总体情况\n召开X次会议,xxx同志\n微信扫码领取福利\n"
    draft.write_text(text, encoding="utf-8")
    run_lint("--fix", "--unsafe-fixes", str(draft))
    assert draft.read_text(encoding="utf-8") == text.replace(",", "，")


def test_rules_lists_fix_tiers() -> None:
    completed = run_lint("rules")
    lines = {line.split()[0]: line for line in completed.stdout.splitlines() if line.strip()}
    assert " safe " in lines["W001"] and " safe " in lines["C001"]
    assert " unsafe " in lines["N002"] and " unsafe " in lines["N006"]
    for code in ("P001", "C002", "S001", "S005", "S007"):
        assert "safe" not in lines[code]


def test_a_file_edited_after_linting_is_not_written(tmp_path: Path) -> None:
    from draftlint.engine import lint_document
    from draftlint.fix import fix_file
    from draftlint.model import LintOptions
    from draftlint.readers import read_path
    from draftlint.registry import select_rules

    draft = tmp_path / "d.txt"
    draft.write_text("一、总体情况,良好\n", encoding="utf-8")
    findings = lint_document(read_path(draft), select_rules(None), LintOptions())
    assert findings
    draft.write_text("一、总体情况,很好\n", encoding="utf-8")  # another program wrote it
    outcome = fix_file(draft, str(draft), findings, unsafe=False, tracked=True, write=True)
    assert outcome.error is not None and "改动" in outcome.error
    assert draft.read_text(encoding="utf-8") == "一、总体情况,很好\n"


def test_a_symbolic_link_stays_a_link(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text("一、总体情况,良好\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    run_lint("--fix", str(link))
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "一、总体情况，良好\n"
