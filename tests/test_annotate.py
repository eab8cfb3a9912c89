"""`lint annotate`: a reviewed copy with one Word comment per finding, on its exact span."""

from __future__ import annotations

import io
import shutil
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
from lxml import etree
from tests.helpers.docx_builders import build_docx, para
from tests.helpers.fix_docx import soffice_convert
from tests.helpers.lint import findings_of, lint_json, run_lint, seed_paragraphs, write_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="no LibreOffice")


def anchored(path: Path) -> dict[str, str]:
    """Comment id → the text between its w:commentRangeStart and w:commentRangeEnd."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    open_ranges: dict[str, list[str]] = {}
    found: dict[str, str] = {}
    for element in root.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd", f"{W}t"):
        if element.tag == f"{W}commentRangeStart":
            open_ranges[element.get(f"{W}id")] = []
        elif element.tag == f"{W}commentRangeEnd":
            found[element.get(f"{W}id")] = "".join(open_ranges.pop(element.get(f"{W}id")))
        else:
            for pieces in open_ranges.values():
                pieces.append(element.text or "")
    return found


def comments(path: Path) -> dict[str, tuple[str, str]]:
    """Comment id → (author, text)."""
    document = docx.Document(io.BytesIO(path.read_bytes()))
    return {str(c.comment_id): (c.author, c.text) for c in document.comments}


@pytest.fixture
def seed_001_docx(seed, tmp_path: Path) -> Path:
    seed("001")
    return write_docx(tmp_path / "001.docx", seed_paragraphs("001"))


def test_seed_001_one_comment_per_finding_on_its_span(seed_001_docx: Path, tmp_path: Path) -> None:
    original = seed_001_docx.read_bytes()
    _, report = lint_json(str(seed_001_docx))
    findings = findings_of(report)
    assert len(findings) >= 10
    output = tmp_path / "001.reviewed.docx"
    completed = run_lint("annotate", str(seed_001_docx), "-o", str(output))
    assert completed.returncode == 0, completed.stderr
    assert seed_001_docx.read_bytes() == original  # the original is never modified
    written = comments(output)
    assert len(written) == len(findings)
    spans = anchored(output)
    assert set(spans) == set(written)
    assert all(author == "draftlint" for author, _ in written.values())
    got = Counter((text.split()[0], spans[cid]) for cid, (_, text) in written.items())
    assert got == Counter((f["code"], f["text"]) for f in findings)
    messages = " ".join(text for _, text in written.values())
    assert "placeholder" in messages and "建议改为“四、”" in messages
    # The copy reads as the original: the same findings, the same text.
    _, again = lint_json(str(output))
    assert findings_of(again) == findings
    # Annotating the annotated copy adds nothing.
    twice = tmp_path / "twice.docx"
    run_lint("annotate", str(output), "-o", str(twice))
    assert len(comments(twice)) == len(findings)


@needs_soffice
def test_libreoffice_shows_the_comments(seed_001_docx: Path, tmp_path: Path) -> None:
    output = tmp_path / "reviewed.docx"
    run_lint("annotate", str(seed_001_docx), "-o", str(output))
    _, report = lint_json(str(seed_001_docx))
    converted = soffice_convert(output, "fodt", tmp_path)
    xml = converted.read_text(encoding="utf-8")
    assert xml.count("<office:annotation ") + xml.count("<office:annotation>") == len(
        findings_of(report)
    )
    assert "<dc:creator>draftlint</dc:creator>" in xml


def test_finding_in_header_goes_to_one_summary_comment(tmp_path: Path) -> None:
    draft = build_docx(tmp_path / "h.docx", para("关于工作的报告") + para("共召开X次会议"),
                       header="××单位")  # fmt: skip
    _, report = lint_json(str(draft), "--select", "P001")
    assert len(findings_of(report)) == 2
    output = tmp_path / "out.docx"
    assert run_lint("annotate", "--select", "P001", str(draft), "-o", str(output)).returncode == 0
    written = sorted(text for _, text in comments(output).values())
    assert len(written) == 2
    summary = [text for text in written if "无法在原处批注" in text]
    assert len(summary) == 1 and "页眉" in summary[0]
    assert "X" in anchored(output).values()


def test_english_comments_and_refusals(tmp_path: Path) -> None:
    draft = build_docx(tmp_path / "e.docx", para("关于工作的报告") + para("一、总体情况,良好"))
    output = tmp_path / "e.out.docx"
    run_lint("annotate", "--lang", "en", str(draft), "-o", str(output))
    texts = [text for _, text in comments(output).values()]
    assert any(text.startswith("W001 halfwidth-punctuation") and "suggested: “，”" in text
               for text in texts)  # fmt: skip
    same = run_lint("annotate", str(draft), "-o", str(draft))
    assert same.returncode == 2 and "原文件" in same.stderr
    text_file = tmp_path / "d.txt"
    text_file.write_text("一、甲\n", encoding="utf-8")
    refused = run_lint("annotate", str(text_file))
    assert refused.returncode == 2 and "d.txt" in refused.stderr
    default = run_lint("annotate", str(draft))
    assert default.returncode == 0 and (tmp_path / "e.reviewed.docx").exists()
