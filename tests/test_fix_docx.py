"""`lint --fix` on .docx: edits inside the runs, formatting kept, tracked changes by default,
automatic numbers fixed through numbering.xml; checked on real files and by LibreOffice."""

from __future__ import annotations

import io
import random
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.helpers.fix_docx import char_formats, formatted_docx, revisions, soffice_convert
from tests.helpers.lint import findings_of, lint_json, run_lint, seed_paragraphs
from tests.helpers.precision_docx import build_precision_docx

from draftlint.engine import lint_document
from draftlint.fix.docx_file import DocxFixer
from draftlint.fix.planner import plan_fixes
from draftlint.model import LintOptions
from draftlint.readers import read_bytes
from draftlint.registry import select_rules

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="no LibreOffice")


def _parts(data: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name) for name in archive.namelist()}


def _fix_in_process(
    data: bytes, tracked: bool, unsafe: bool = False
) -> tuple[bytes, dict[int, list], list]:
    document = read_bytes(data, "draft.docx")
    findings = lint_document(document, select_rules(None), LintOptions())
    plan = plan_fixes(document, findings, unsafe=unsafe)
    new, refused = DocxFixer(data, document, tracked=tracked).apply(plan)
    by_ordinal = {document.paragraphs[i].source[1]: edits for i, edits in plan.edits.items()}
    return new, by_ordinal, refused


def _check_only_spans_changed(before: bytes, after: bytes, edits: dict[int, list]) -> None:
    """Outside the fixed spans every character and its formatting is unchanged; inside, the
    replacement carries the formatting of one of the characters it replaces."""
    old, new = char_formats(before), char_formats(after)
    assert len(old) == len(new)
    for ordinal, (chars, fixed) in enumerate(zip(old, new, strict=True)):
        expected: list[tuple[str, set[bytes] | bytes]] = list(chars)
        for edit in sorted(edits.get(ordinal, []), key=lambda e: e.start, reverse=True):
            shapes = {shape for _, shape in chars[edit.start : edit.end]}
            expected[edit.start : edit.end] = [(c, shapes) for c in edit.replacement]
        assert "".join(c for c, _ in fixed) == "".join(c for c, _ in expected)
        for (char, shape), (_, wanted) in zip(fixed, expected, strict=True):
            assert shape in wanted if isinstance(wanted, set) else shape == wanted, char


def _seed_docx(seed, tmp_path: Path, name: str) -> Path:
    seed(name)
    path = tmp_path / f"{name}.docx"
    path.write_bytes(formatted_docx(seed_paragraphs(name), random.Random(int(name) + 7)))
    return path


@pytest.mark.parametrize("mode", ["tracked", "apply"])
def test_seed_000_docx_fix_keeps_every_run_formatting(seed, tmp_path: Path, mode: str) -> None:
    draft = _seed_docx(seed, tmp_path, "000")
    original = draft.read_bytes()
    _, before = lint_json(str(draft))
    completed = run_lint("--fix", "--fix-mode", mode, str(draft))
    assert completed.returncode == 1, completed.stderr  # P001 and C002 remain
    _, after = lint_json(str(draft))
    assert not findings_of(after, "W001") and not findings_of(after, "N005")
    for code in ("P001", "C002"):
        assert [(f["line"], f["text"]) for f in findings_of(after, code)] == [
            (f["line"], f["text"]) for f in findings_of(before, code)
        ]
    fixed = draft.read_bytes()
    edits = {}
    for finding in before["files"][0]["findings"]:
        if finding["code"] in ("W001", "W002", "W005", "N005", "C001") and "fix" in finding:
            edits.setdefault(finding["line"] - 1, []).append(_Span(finding))
    _check_only_spans_changed(original, fixed, edits)
    old_parts, new_parts = _parts(original), _parts(fixed)
    assert old_parts.keys() == new_parts.keys()
    for name, content in old_parts.items():
        if name != "word/document.xml":
            assert new_parts[name] == content, name  # every other part byte for byte
    inserted, deleted = revisions(fixed)
    assert (inserted > 0 and deleted > 0) if mode == "tracked" else (inserted == deleted == 0)
    run_lint("--fix", "--fix-mode", mode, str(draft))
    assert draft.read_bytes() == fixed  # a second --fix changes nothing


class _Span:
    def __init__(self, finding: dict) -> None:
        self.start, self.end = finding["column"] - 1, finding["end_column"] - 1
        self.replacement = finding["fix"]["replacement"]


def test_tracked_change_has_author_and_date(tmp_path: Path) -> None:
    draft = tmp_path / "d.docx"
    draft.write_bytes(formatted_docx(["关于工作的报告", "一、总体情况,良好"], random.Random(1)))
    run_lint("--fix", str(draft))
    xml = zipfile.ZipFile(draft).read("word/document.xml").decode()
    assert 'w:author="draftlint"' in xml and "w:date=" in xml
    assert "<w:delText>,</w:delText>" in xml and "，</w:t></w:r></w:ins>" in xml


@needs_soffice
def test_seed_001_tracked_renumbering_shows_in_libreoffice(seed, tmp_path: Path) -> None:
    draft = _seed_docx(seed, tmp_path, "001")
    run_lint("--fix", "--unsafe-fixes", "--select", "N002", str(draft))
    texts = [p.text for p in read_bytes(draft.read_bytes(), "d.docx").paragraphs]
    renumbered = [t for t in texts if t.startswith(("三、", "四、"))]
    assert renumbered[0].startswith("三、") and renumbered[1].startswith("四、")
    assert revisions(draft.read_bytes()) == (1, 1)
    content = soffice_convert(draft, "fodt", tmp_path)
    xml = content.read_text(encoding="utf-8")
    assert xml.count("<text:insertion>") == 1 and xml.count("<text:deletion>") == 1
    assert "draftlint" in xml


def test_automatic_numbering_skip_fixed_in_numbering_not_text(tmp_path: Path) -> None:
    draft = build_precision_docx(["关于工作的报告", "一、甲", "二、乙", "四、丙", "五、丁"],
                                 tmp_path / "auto.docx")  # fmt: skip
    original = draft.read_bytes()
    texts_before = [p.text for p in read_bytes(original, "a.docx").paragraphs]
    assert [t[:2] for t in texts_before[1:]] == ["一、", "二、", "四、", "五、"]
    completed = run_lint("--fix", "--unsafe-fixes", "--profile", "none", str(draft))
    assert completed.returncode == 0, completed.stdout + completed.stderr
    fixed = draft.read_bytes()
    document = read_bytes(fixed, "a.docx")
    assert [p.text for p in document.paragraphs][1:] == ["一、甲", "二、乙", "三、丙", "四、丁"]
    assert all(p.is_automatic for p in document.paragraphs[1:])
    assert char_formats(fixed) == char_formats(original)  # no number typed into the text
    assert b"startOverride" in _parts(fixed)["word/numbering.xml"]


def test_numbering_from_style_only_is_reported_not_fixable(tmp_path: Path) -> None:
    from tests.helpers.docx_builders import CHINESE_LIST, build_docx, num, para

    def styled(text: str, style: str) -> str:
        return para(text, ppr=f'<w:pStyle w:val="{style}"/>')

    body = para("关于工作的报告") + styled("甲", "A") + styled("乙", "A") + styled("丙", "B")
    styles = {
        key: f'<w:name w:val="{key}"/><w:pPr><w:numPr><w:numId w:val="{value}"/></w:numPr></w:pPr>'
        for key, value in (("A", 5), ("B", 6))
    }
    numbering = CHINESE_LIST + num(5, 10) + num(6, 10, {0: 4})
    draft = build_docx(tmp_path / "s.docx", body, numbering=numbering, styles=styles)
    before = draft.read_bytes()
    assert [p.text for p in read_bytes(before, "s.docx").paragraphs][3] == "四、丙"
    completed = run_lint("--fix", "--unsafe-fixes", "--profile", "none", str(draft))
    assert "N001 无法安全地自动修复，请手工修改（Word 自动编号" in completed.stderr
    assert draft.read_bytes() == before
    assert completed.returncode == 1


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.lists(
            st.sampled_from(
                [
                    "一、",
                    "（一）",
                    "(二)",
                    "1、",
                    "工作",
                    "落实",
                    "情况",
                    ",",
                    ";",
                    ":",
                    "(",
                    ")",
                    "?",
                    "的的",
                    "１２",
                    "ＡＢ",
                    "...",
                    "2.5",
                    "X次",
                    "。",
                    " ",
                ]
            ),
            min_size=1,
            max_size=10,
        ),
        min_size=1,
        max_size=6,
    ),
    st.integers(0, 2**16),
    st.booleans(),
    st.booleans(),
)
def test_random_drafts_change_only_their_spans(
    tokens, seed_value: int, tracked: bool, unsafe: bool
) -> None:
    paragraphs = ["关于工作的报告", *("".join(line) for line in tokens)]
    data = formatted_docx(paragraphs, random.Random(seed_value))
    new, edits, refused = _fix_in_process(data, tracked, unsafe)
    assert refused == []
    _check_only_spans_changed(data, new, edits)
    assert _parts(new).keys() == _parts(data).keys()


def test_header_and_table_text_fixed_in_their_parts(tmp_path: Path) -> None:
    from tests.helpers.docx_builders import build_docx, para

    table = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>资金,到位</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    draft = build_docx(tmp_path / "h.docx", para("关于工作的报告") + table, header="某局,办公室")
    original = _parts(draft.read_bytes())
    run_lint("--fix", "--fix-mode", "apply", "--select", "W001", str(draft))
    texts = [p.text for p in read_bytes(draft.read_bytes(), "h.docx").paragraphs]
    assert "资金，到位" in texts and "某局，办公室" in texts
    fixed = _parts(draft.read_bytes())
    changed = {name for name in original if original[name] != fixed[name]}
    assert "word/document.xml" in changed and len(changed) == 2  # the body and one header


def test_document_xml_changes_only_inside_the_fixed_paragraph(tmp_path: Path) -> None:
    paragraphs = ["关于工作的报告", "一、总体情况良好", "二、存在问题,需要改进", "三、下一步打算"]
    data = formatted_docx(paragraphs, random.Random(3))
    new, edits, refused = _fix_in_process(data, tracked=True)
    assert refused == [] and list(edits) == [2]
    old_xml, new_xml = _parts(data)["word/document.xml"], _parts(new)["word/document.xml"]
    head = next(i for i, (a, b) in enumerate(zip(old_xml, new_xml, strict=False)) if a != b)
    tail = next(
        i for i, (a, b) in enumerate(zip(old_xml[::-1], new_xml[::-1], strict=False)) if a != b
    )
    fixed_paragraph = old_xml.split(b"<w:p>")[3].split(b"</w:p>")[0]
    start = old_xml.index(fixed_paragraph)
    assert start <= head and len(old_xml) - tail <= start + len(fixed_paragraph)
