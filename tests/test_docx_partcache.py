"""styles.xml / numbering.xml shared between files of one template are parsed once, and a
file whose parts differ never gets another file's lists or heading styles."""

from __future__ import annotations

import json
import marshal
import zipfile
from pathlib import Path

import pytest
from tests.helpers.docx_builders import (
    CHINESE_LIST,
    abstract_num,
    build_docx,
    num,
    numbered,
    with_part,
)
from tests.helpers.lint import run_lint

from draftlint.model import ReadError
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


# Across runs: a styles.xml's records kept in the user's cache folder (stylecache).

HEADINGS = (
    '<w:p><w:pPr><w:pStyle w:val="MyTitle"/></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p>'
    '<w:p><w:pPr><w:pStyle w:val="Toc"/></w:pPr><w:r><w:t>目录项</w:t></w:r></w:p>'
    "<w:p><w:r><w:t>正文。</w:t></w:r></w:p>"
)


def _styled(path: Path, title_name: str) -> Path:
    """A draft whose MyTitle style is named ``title_name`` (a heading level or not)."""
    return build_docx(
        path,
        HEADINGS,
        styles={
            "MyTitle": f'<w:name w:val="{title_name}"/>',
            "Toc": '<w:name w:val="toc 1"/><w:basedOn w:val="MyTitle"/>',
        },
    )


def _fresh_read(path: Path) -> list[tuple[str, str, int | None]]:
    """The paragraphs as a new process reads them (no styles parsed in this one yet)."""
    partcache._parsed.clear()
    return [(p.text, p.story, p.heading_level) for p in read_path(path).paragraphs]


def _count_style_parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    parses = [0]
    real = partcache.style_records

    def counting(root: object) -> object:
        parses[0] += 1
        return real(root)  # type: ignore[arg-type]

    monkeypatch.setattr(partcache, "style_records", counting)
    return parses


def test_a_styles_part_read_before_is_not_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DRAFTLINT_CACHE_DIR", str(tmp_path / "cache"))
    parses = _count_style_parses(monkeypatch)
    draft = _styled(tmp_path / "a.docx", "heading 2")
    first = _fresh_read(draft)
    assert first == [("总体情况", "body", 2), ("目录项", "toc", 2), ("正文。", "body", None)]
    assert parses == [1] and len(list((tmp_path / "cache").glob("styles-*.marshal"))) == 1
    assert _fresh_read(draft) == first
    assert parses == [1]  # the records came from the cache folder


def test_a_different_styles_part_gets_its_own_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DRAFTLINT_CACHE_DIR", str(tmp_path / "cache"))
    parses = _count_style_parses(monkeypatch)
    _fresh_read(_styled(tmp_path / "a.docx", "heading 2"))
    other = _fresh_read(_styled(tmp_path / "b.docx", "Plain Title"))
    assert other == [("总体情况", "body", None), ("目录项", "toc", None), ("正文。", "body", None)]
    assert parses == [2] and len(list((tmp_path / "cache").glob("styles-*.marshal"))) == 2


@pytest.mark.parametrize("content", [b"", b"\x00garbage", marshal.dumps(({"MyTitle": (1,)}, None))])
def test_a_damaged_or_foreign_cache_file_means_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("DRAFTLINT_CACHE_DIR", str(cache))
    draft = _styled(tmp_path / "a.docx", "heading 2")
    expected = _fresh_read(draft)
    (saved,) = cache.glob("styles-*.marshal")
    saved.write_bytes(content)
    parses = _count_style_parses(monkeypatch)
    assert _fresh_read(draft) == expected and parses == [1]
    saved.chmod(0o666)  # others may write it: not trusted, whatever it holds
    saved.write_bytes(marshal.dumps(({}, None)))
    assert _fresh_read(draft) == expected and parses == [2]


def test_a_styles_part_declaring_a_dtd_is_still_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache saves the parse, not the checks: the part is still read and checked."""
    monkeypatch.setenv("DRAFTLINT_CACHE_DIR", str(tmp_path / "cache"))
    draft = _styled(tmp_path / "a.docx", "heading 2")
    _fresh_read(draft)
    with zipfile.ZipFile(draft) as archive:
        styles = archive.read("word/styles.xml")
    hostile = tmp_path / "hostile.docx"
    hostile.write_bytes(with_part(draft.read_bytes(), "word/styles.xml",
                                  b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>' + styles[styles.index(b"<w:styles"):]))  # fmt: skip
    partcache._parsed.clear()
    with pytest.raises(ReadError, match="DOCTYPE"):
        read_path(hostile)


def test_past_the_most_templates_kept_a_new_one_is_read_but_not_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from draftlint.readers.docx import stylecache

    cache = tmp_path / "cache"
    monkeypatch.setenv("DRAFTLINT_CACHE_DIR", str(cache))
    monkeypatch.setattr(stylecache, "MAX_FILES", 1)
    first = _fresh_read(_styled(tmp_path / "a.docx", "heading 2"))
    other = _fresh_read(_styled(tmp_path / "b.docx", "Plain Title"))
    assert first[0] == ("总体情况", "body", 2) and other[0] == ("总体情况", "body", None)
    assert len(list(cache.glob("styles-*.marshal"))) == 1
