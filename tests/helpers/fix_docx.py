"""Helpers of the .docx fix tests: drafts written with runs of varied formatting, and each
character of a written file with the formatting Word gives it (changes read as accepted)."""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import uuid
from collections.abc import Iterable
from pathlib import Path

import docx
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Pt, RGBColor
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HIGHLIGHTS = (None, WD_COLOR_INDEX.YELLOW, WD_COLOR_INDEX.BRIGHT_GREEN)


def formatted_docx(paragraphs: Iterable[str], rng: random.Random) -> bytes:
    """One paragraph per text, each cut into runs of random length and formatting."""
    document = docx.Document()
    for text in paragraphs:
        paragraph = document.add_paragraph()
        position = 0
        while position < len(text):
            length = rng.randint(1, 12)
            run = paragraph.add_run(text[position : position + length])
            position += length
            run.bold = rng.choice((None, True))
            run.italic = rng.choice((None, True))
            run.font.size = Pt(rng.choice((12, 16, 22)))
            run.font.name = rng.choice(("仿宋_GB2312", "黑体", "Times New Roman"))
            run.font.color.rgb = RGBColor(rng.randrange(256), 0, rng.randrange(256))
            run.font.highlight_color = rng.choice(HIGHLIGHTS)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def char_formats(data: bytes) -> list[list[tuple[str, bytes]]]:
    """Per body w:p: (character, its run's w:rPr serialised); deleted text left out."""
    import zipfile

    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    result = []
    for paragraph in root.iter(f"{W}p"):
        chars: list[tuple[str, bytes]] = []
        for run in paragraph.iter(f"{W}r"):
            if any(a.tag == f"{W}del" for a in run.iterancestors()):
                continue
            properties = run.find(f"{W}rPr")
            shape = etree.tostring(properties) if properties is not None else b""
            for text in run.iter(f"{W}t"):
                chars.extend((c, shape) for c in text.text or "")
        result.append(chars)
    return result


def revisions(data: bytes) -> tuple[int, int]:
    """(w:ins, w:del) in word/document.xml."""
    import zipfile

    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    return len(root.findall(f".//{W}ins")), len(root.findall(f".//{W}del"))


def soffice_convert(source: Path, target_format: str, outdir: Path) -> Path:
    """Convert with LibreOffice in a profile of its own (tests may run side by side)."""
    profile = Path("/tmp") / f"draftlint-test-lo-{uuid.uuid4().hex}"
    try:
        subprocess.run(
            ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
             "--convert-to", target_format, "--outdir", str(outdir), str(source)],
            capture_output=True, timeout=180, check=True,
        )  # fmt: skip
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return outdir / f"{source.stem}.{target_format.split(':')[0]}"
