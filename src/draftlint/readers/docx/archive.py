"""Open a .docx safely: a real zip, bounded inflation, XML with no DTD or entities."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from draftlint.model import ReadError

MAX_PART_BYTES = 256 * 1024 * 1024
_CHUNK = 1 << 16

_XML_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_blank_text=False
)


class DocxArchive:
    def __init__(self, data: bytes, max_part_bytes: int = MAX_PART_BYTES) -> None:
        if not data:
            raise ReadError("文件为空 (empty file)")
        if not zipfile.is_zipfile(io.BytesIO(data)):
            raise ReadError("不是有效的 .docx 文件：不是 zip 压缩包 (not a zip archive)")
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, OSError) as error:
            raise ReadError(f"不是有效的 .docx 文件 ({error})") from None
        self.names = frozenset(self._zip.namelist())
        self.max_part_bytes = max_part_bytes

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        """The part's bytes, counting what is really inflated, not what the zip declares."""
        chunks: list[bytes] = []
        total = 0
        try:
            with self._zip.open(name) as stream:
                while chunk := stream.read(_CHUNK):
                    total += len(chunk)
                    if total > self.max_part_bytes:
                        raise ReadError(
                            f"{name} 解压后超过 {self.max_part_bytes // (1 << 20)} MiB，"
                            "疑似压缩炸弹 (part inflates past the limit: zip bomb?)"
                        )
                    chunks.append(chunk)
        except (zipfile.BadZipFile, EOFError, OSError, zipfile.LargeZipFile) as error:
            raise ReadError(f"压缩包已损坏 ({name}: {error})") from None
        return b"".join(chunks)

    def xml(self, name: str) -> etree._Element:
        data = self.read(name)
        if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
            raise ReadError(f"{name} 含 DOCTYPE/实体声明，已拒绝 (DTD or entity declaration)")
        try:
            return etree.fromstring(data, _XML_PARSER)
        except etree.XMLSyntaxError as error:
            raise ReadError(f"{name} 不是有效的 XML ({error.msg})") from None
