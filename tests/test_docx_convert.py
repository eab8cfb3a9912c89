"""LibreOffice: its .docx lists read with the right markers; .doc (and a .doc named .docx)
converted and linted; a clear message when soffice is absent."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from tests.helpers.docx_builders import ole
from tests.helpers.fix_docx import soffice_convert
from tests.helpers.lint import lint_json, run_lint

from draftlint.model import ReadError
from draftlint.readers import read_path

# A flat ODF text with a Chinese two-level list; the second list continues the first from 4.
FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:automatic-styles><text:list-style style:name="L1">
  <text:list-level-style-number text:level="1" style:num-suffix="、" style:num-format="一, 二, 三, ..."/>
  <text:list-level-style-number text:level="2" style:num-prefix="（" style:num-suffix="）"
   style:num-format="一, 二, 三, ..."/>
 </text:list-style></office:automatic-styles>
 <office:body><office:text>
  <text:list xml:id="main" text:style-name="L1">
   <text:list-item><text:p>基本情况</text:p><text:list>
    <text:list-item><text:p>制度建设</text:p></text:list-item>
    <text:list-item><text:p>队伍建设</text:p></text:list-item></text:list></text:list-item>
   <text:list-item><text:p>主要问题</text:p></text:list-item>
  </text:list>
  <text:p>全年共受理群众来信来访一百余件。</text:p>
  <text:list text:continue-list="main" text:style-name="L1">
   <text:list-item text:start-value="4"><text:p>改进措施</text:p></text:list-item>
   <text:list-item><text:p>保障要求</text:p></text:list-item>
  </text:list>
 </office:text></office:body>
</office:document>
"""

needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)


@pytest.fixture(scope="module")
def lo_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("lo")
    source = folder / "report.fodt"
    source.write_text(FODT, encoding="utf-8")
    return {
        "docx": soffice_convert(source, "docx:MS Word 2007 XML", folder),
        "doc": soffice_convert(source, "doc:MS Word 97", folder),
    }


@needs_soffice
def test_libreoffice_chinese_list_markers(lo_files: dict[str, Path]) -> None:
    document = read_path(lo_files["docx"])
    assert [(p.text, p.is_automatic) for p in document.paragraphs] == [
        ("一、基本情况", True),
        ("（一）制度建设", True),
        ("（二）队伍建设", True),
        ("二、主要问题", True),
        ("全年共受理群众来信来访一百余件。", False),
        ("四、改进措施", True),  # numId 3 with startOverride 4 …
        ("五、保障要求", True),  # … and numId 1 continues the shared counter
    ]
    _, report = lint_json("--select", "N001", str(lo_files["docx"]))
    [finding] = report["files"][0]["findings"]
    assert finding["text"] == "四、" and finding["automatic"] is True


@needs_soffice
def test_doc_and_doc_named_docx_are_converted_and_linted(
    lo_files: dict[str, Path], tmp_path: Path
) -> None:
    legacy = tmp_path / "legacy.docx"  # a Word 97-2003 file someone renamed
    shutil.copy(lo_files["doc"], legacy)
    code, report = lint_json("--select", "N001", str(lo_files["doc"]), str(legacy))
    assert code == 1
    for entry in report["files"]:
        assert entry["error"] is None
        assert [(f["code"], f["text"], f.get("automatic")) for f in entry["findings"]] == [
            ("N001", "四、", True)
        ]


def test_without_libreoffice_the_message_says_so(tmp_path: Path) -> None:
    doc = ole(tmp_path / "old.doc", "WordDocument", "1Table")
    named = ole(tmp_path / "old.docx", "WordDocument", "1Table")
    env = {"PATH": str(Path(sys.executable).parent)}  # soffice is not on this PATH
    result = run_lint(str(doc), str(named), env=env)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert all("LibreOffice" in line for line in lines)


def test_without_libreoffice_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    path = tmp_path / "minutes.rtf"
    path.write_text(r"{\rtf1\ansi 会议纪要}", encoding="ascii", errors="ignore")
    with pytest.raises(ReadError, match="LibreOffice"):
        read_path(path)
