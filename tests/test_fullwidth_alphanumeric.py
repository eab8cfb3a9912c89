"""W002 fullwidth-alphanumeric: full-width digits and Latin letters, one finding per run."""

from __future__ import annotations

import pytest
from tests.helpers.lint import findings_of, lint_json, write_docx


def w002(findings) -> list[tuple[str, str]]:
    return [(f.text, f.fix.replacement) for f in findings if f.code == "W002"]


def test_one_finding_per_run_with_replacement(lint_text) -> None:
    draft = "２０２４年共完成ＡＢＣ类项目１２个，Ｗｉｎｄｏｗｓ系统已升级。\n"
    assert w002(lint_text(draft, select="W002")) == [
        ("２０２４", "2024"),
        ("ＡＢＣ", "ABC"),
        ("１２", "12"),
        ("Ｗｉｎｄｏｗｓ", "Windows"),
    ]


def test_mixed_run_is_one_finding(lint_text) -> None:
    assert w002(lint_text("型号为Ａ３型。\n", select="W002")) == [("Ａ３", "A3")]


CLEAN = {
    "half-width": "2024年共完成ABC类项目12个，Windows系统已升级，5G覆盖率达98.5%。",
    "chinese numerals": "二〇二四年，全市新建基站一千二百个。",
    "full-width punctuation": "会议强调：要落实“第一议题”制度（试行）！",
    "placeholder is P001's": "ＸＸ单位于ｘｘ日报送。",
    "circled numbers": "①加强学习；②完善制度。",
}


@pytest.mark.parametrize("name", CLEAN)
def test_leaves_alone(name: str, lint_text) -> None:
    assert w002(lint_text(CLEAN[name] + "\n", select="W002")) == []


def test_english_message(lint_text) -> None:
    finding = lint_text("第３季度\n", select="W002")[0]
    assert finding.message("en") == "Full-width “３”; write it half-width: “3”"
    assert finding.message("zh") == "全角字符“３”应改为半角“3”"


def test_seeds_have_none(seed, seed_docx) -> None:
    paths = [seed(n) for n in ("000", "001", "002")] + [seed_docx("000")]
    code, report = lint_json("--select", "W002", *map(str, paths))
    assert findings_of(report, "W002") == []
    assert code == 0


def test_real_run_json_has_replacement(tmp_path) -> None:
    lines = ["关于第３季度工作的报告", "全年共投入资金１２０万元，较上年增长１５％。"]
    for path in (write_docx(tmp_path / "draft.docx", lines), tmp_path / "draft.txt"):
        if path.suffix == ".txt":
            path.write_text("\n".join(lines), encoding="utf-8")
        _, report = lint_json("--select", "W002", str(path))
        found = findings_of(report, "W002")
        assert [(f["text"], f["fix"]["replacement"]) for f in found] == [
            ("３", "3"), ("１２０", "120"), ("１５", "15"),
        ]  # fmt: skip
