"""Hostile and broken .docx files: one clear line each, exit 2, and the other files still linted."""

from __future__ import annotations

import io
import json
import struct
import sys
import time
import warnings
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from tests.helpers.docx_builders import build_docx, ole, para
from tests.helpers.lint import run_lint

from draftlint.model import ReadError
from draftlint.readers import read_path
from draftlint.readers.docx.archive import MAX_ENTRIES

MiB = 1 << 20


def good_docx(path: Path) -> Path:
    return build_docx(path, para("一、总体情况") + para("三、存在问题"))


def zip_of(entries: dict[str, bytes], path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def truncated(path: Path) -> Path:
    data = good_docx(path).read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def renamed_text(path: Path) -> Path:
    path.write_text("二〇二四年上半年工作总结\n一、总体情况\n", encoding="utf-8")
    return path


def no_document(path: Path) -> Path:
    return zip_of({"[Content_Types].xml": b"<Types/>", "word/styles.xml": b"<styles/>"}, path)


def encrypted(path: Path) -> Path:
    return ole(path, "EncryptionInfo", "EncryptedPackage", "\x06DataSpaces")


@cache
def _bomb_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("word/document.xml", "w") as stream:
            stream.write(b"<w:document>")
            block = b" " * MiB
            for _ in range(300):
                stream.write(block)
    return buffer.getvalue()


def ratio_bomb(path: Path) -> Path:
    """300 MiB of spaces in word/document.xml, about 300 KiB on disk (built once)."""
    path.write_bytes(_bomb_bytes())
    return path


def too_many_entries(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for number in range(MAX_ENTRIES + 1):
            archive.writestr(f"word/media/p{number}.bin", b"")
    return path


def duplicate_parts(path: Path) -> Path:
    data = good_docx(path).read_bytes()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate we want
        with zipfile.ZipFile(path, "a") as archive:
            archive.writestr("word/document.xml", b"<w:document/>")
    assert path.read_bytes() != data
    return path


def overlapping(path: Path) -> Path:
    """Two entries whose central directory records point at the same local data."""
    zip_of({"word/document.xml": b"<a/>" * 100, "word/styles.xml": b"<b/>" * 100}, path)
    data = bytearray(path.read_bytes())
    second = data.index(b"PK\x01\x02", data.index(b"PK\x01\x02") + 4)
    struct.pack_into("<I", data, second + 42, 0)  # relative offset of local header
    path.write_bytes(bytes(data))
    return path


def doctype(path: Path) -> Path:
    good_docx(path)
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(
                    b"?>",
                    b'?>\n<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/hostname">]>',
                    1,
                ).replace("一、总体情况".encode(), b"&secret;")
            target.writestr(info, data)
    return path


HOSTILE: dict[str, tuple[Callable[[Path], Path], str]] = {
    "empty": (empty, "文件为空"),
    "truncated": (truncated, "截断"),
    "text": (renamed_text, "文本文件"),
    "nodoc": (no_document, "word/document.xml"),
    "encrypted": (encrypted, "加密"),
    "bomb": (ratio_bomb, "压缩炸弹"),
    "entries": (too_many_entries, "条目过多"),
    "duplicate": (duplicate_parts, "重名"),
    "overlap": (overlapping, "重叠"),
    "doctype": (doctype, "DOCTYPE"),
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_each_hostile_file_is_one_read_error(tmp_path: Path, kind: str) -> None:
    make, reason = HOSTILE[kind]
    path = make(tmp_path / f"{kind}.docx")
    started = time.perf_counter()
    with pytest.raises(ReadError) as raised:
        read_path(path)
    message = str(raised.value)
    assert reason in message and "\n" not in message
    assert time.perf_counter() - started < 10


def test_hostile_files_beside_a_good_one(tmp_path: Path) -> None:
    paths = [make(tmp_path / f"{kind}.docx") for kind, (make, _) in HOSTILE.items()]
    good = good_docx(tmp_path / "good.docx")
    result = run_lint("--format", "json", "--select", "N001", *map(str, paths), str(good))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == len(paths)
    for line, path, (_, reason) in zip(lines, paths, HOSTILE.values(), strict=True):
        assert line.startswith(f"{path}: 无法读取：") and reason in line
    hostname = Path("/etc/hostname")
    if hostname.exists() and hostname.read_text().strip():
        assert hostname.read_text().strip() not in result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert [f["code"] for f in report["files"][-1]["findings"]] == ["N001"]
    assert all(entry["error"] for entry in report["files"][:-1])


def test_part_limit_is_configurable(tmp_path: Path) -> None:
    # 3 MiB of ordinary text compresses far below the ratio limit; only the size refuses it.
    text = "".join(
        f"<w:t>第{n}项工作完成情况良好，群众满意度{n % 97}%。</w:t>" for n in range(60_000)
    )
    path = zip_of({"word/document.xml": text.encode("utf-8")}, tmp_path / "large.docx")
    result = run_lint(str(path), env={"DRAFTLINT_MAX_PART_MIB": "1"})
    assert result.returncode == 2
    assert "超过 1 MiB" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_bomb_is_refused_with_bounded_memory(tmp_path: Path) -> None:
    path = ratio_bomb(tmp_path / "bomb.docx")
    probe = (
        "import resource, sys\n"
        "from pathlib import Path\n"
        "from draftlint.model import ReadError\n"
        "from draftlint.readers import read_path\n"
        "try:\n    read_path(Path(sys.argv[1]))\nexcept ReadError as error:\n    print(error)\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    import subprocess

    completed = subprocess.run(
        [sys.executable, "-c", probe, str(path)], capture_output=True, text=True, timeout=120
    )
    message, peak_kib = completed.stdout.strip().splitlines()
    assert "压缩炸弹" in message
    assert int(peak_kib) < 200 * 1024  # refused after ~8 MiB inflated, not 300 MiB
