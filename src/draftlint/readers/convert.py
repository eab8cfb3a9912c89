"""Other word-processor formats (.doc .wps .odt .rtf) turned into .docx bytes by LibreOffice.

``soffice --headless --convert-to docx`` writes a .docx into a temporary directory; the
caller reads (and guards) those bytes like any other .docx. Each run gets its own
LibreOffice profile so that parallel runs, and a LibreOffice the user has open, do not
collide; a run that hangs is killed with its whole process group after a timeout.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from draftlint.model import ReadError
from draftlint.readers.docx.archive import max_part_bytes

TIMEOUT_SECONDS = 120  # DRAFTLINT_SOFFICE_TIMEOUT overrides it


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _timeout() -> int:
    configured = os.environ.get("DRAFTLINT_SOFFICE_TIMEOUT", "").strip()
    return int(configured) if configured.isdigit() and int(configured) > 0 else TIMEOUT_SECONDS


def convert_to_docx(data: bytes, suffix: str) -> bytes:
    """The .docx LibreOffice writes for ``data`` (a file of type ``suffix``)."""
    if not data:
        raise ReadError("文件为空 (empty file)")
    if len(data) > max_part_bytes():
        raise ReadError(f"文件过大，超过 {max_part_bytes() >> 20} MiB (file too large)")
    executable = soffice()
    if executable is None:
        raise ReadError(
            f"读取 {suffix} 文件需要 LibreOffice，但未找到 soffice；请安装 LibreOffice"
            " 或另存为 .docx (LibreOffice not installed)"
        )
    with tempfile.TemporaryDirectory(prefix="draftlint-convert-") as folder:
        workdir = Path(folder)
        source = workdir / f"input{suffix}"
        source.write_bytes(data)
        outdir = workdir / "out"
        command = [
            executable, f"-env:UserInstallation={(workdir / 'profile').as_uri()}",
            "--headless", "--norestore", "--nologo", "--nolockcheck",
            "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(outdir), str(source),
        ]  # fmt: skip
        _run(command)
        converted = outdir / "input.docx"
        if not converted.is_file():
            raise ReadError(f"LibreOffice 无法转换此 {suffix} 文件 (conversion failed)")
        return converted.read_bytes()


def _run(command: list[str]) -> None:
    try:
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
    except OSError as error:
        raise ReadError(f"无法启动 LibreOffice ({error.strerror or error})") from None
    try:
        process.wait(timeout=_timeout())
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # soffice starts soffice.bin: end the group
        process.wait()
        raise ReadError(f"LibreOffice 转换超时（{_timeout()} 秒） (conversion timed out)") from None
