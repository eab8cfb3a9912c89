"""styles.xml / numbering.xml shared between files of one template are parsed once, and a
file whose parts differ never gets another file's lists or heading styles."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.docx_builders import CHINESE_LIST, abstract_num, build_docx, num, numbered
from tests.helpers.lint import run_lint

from draftlint.readers import read_path
from draftlint.readers.docx import partcache

BODY = numbered("总体情况", 1) + numbered("存在问题", 1) + numbered("下步打算", 1)
DECIMAL_LIST = abstract_num(10, ("decimal", "%1."), ("decimal", "（%2）"))


def _template_files(folder: Path) -> list[Path]:
    folder.mkdir()
    return [
        build_docx(folder / "a.docx", BODY, numbering=CHINESE_LIST + num(1, 10)),
        build_docx(folder / "b.docx", BODY, numbering=CHINESE_LIST + num(1, 10)),
        build_docx(folder / "c.docx", BODY, numbering=DECIMAL_LIST + num(1, 10)),
        build_docx(folder / "d.docx", BODY, numbering=CHINESE_LIST + num(1, 10, {0: 3})),
    ]


def test_same_parts_are_parsed_once_and_different_parts_are_not_shared(tmp_path: Path) -> None:
    files = _template_files(tmp_path / "drafts")
    partcache._parsed.clear()
    texts = [[p.text for p in read_path(path).paragraphs] for path in files]
    assert texts[0] == texts[1] == ["一、总体情况", "二、存在问题", "三、下步打算"]
    assert texts[2] == ["1.总体情况", "2.存在问题", "3.下步打算"]
    assert texts[3] == ["三、总体情况", "四、存在问题", "五、下步打算"]
    assert len(partcache._parsed) == 3  # a.docx and b.docx share one entry


def test_a_run_over_the_folder_equals_each_file_alone(tmp_path: Path) -> None:
    files = _template_files(tmp_path / "drafts")
    together = json.loads(run_lint("--format", "json", "-j", "1", str(tmp_path / "drafts")).stdout)
    alone = [json.loads(run_lint("--format", "json", str(path)).stdout) for path in files]
    assert [f["findings"] for f in together["files"]] == [r["files"][0]["findings"] for r in alone]
    assert any(f["code"] == "N003" for f in together["files"][3]["findings"])  # starts at 三
