"""Open a .docx safely, before any XML is parsed.

Every hostile shape gets one line: an empty file, a text file renamed .docx, a truncated
or overlapping zip, too many entries, duplicate part names, an encrypted (OLE) package, a
part that inflates past the limit or at an absurd ratio (the bytes really inflated are
counted, never the sizes the archive declares), XML with a DOCTYPE or entity declaration.
python-docx is never used to open the file: its parser turns libxml2's size limits off.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterator
from itertools import pairwise

from lxml import etree

from draftlint.model import ReadError
from draftlint.readers.errors import one_line, read_error
from draftlint.readers.formats import ENCRYPTED_STREAM, OLE_MAGIC, WORD_STREAM, ZIP_MAGIC

MiB = 1 << 20
MAX_PART_BYTES = 256 * MiB  # default; DRAFTLINT_MAX_PART_MIB overrides it
MAX_ENTRIES = 10_000  # real documents hold tens of parts, a few thousand with many images
MAX_RATIO = 200  # text XML deflates 5-30:1; a bomb 1000:1
RATIO_FLOOR = 8 * MiB  # small parts may compress well; only large ones are judged by ratio
_CHUNK = 1 << 16
_FEED = 1 << 15  # bytes of XML parsed before the finished blocks are handed on
_WHOLE_PART = 4 * MiB  # a body part up to this size is parsed in one go (a tree of ~40 MiB)

_DECLARATIONS = tuple(
    mark.encode(encoding)
    for mark in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("ascii", "utf-16-le", "utf-16-be")
)

_PARSER_OPTIONS: dict[str, bool] = {
    "resolve_entities": False, "no_network": True, "load_dtd": False, "dtd_validation": False,
    "huge_tree": False, "remove_blank_text": False,
}  # fmt: skip
_XML_PARSER = etree.XMLParser(**_PARSER_OPTIONS)


def max_part_bytes() -> int:
    configured = os.environ.get("DRAFTLINT_MAX_PART_MIB", "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured) * MiB
    return MAX_PART_BYTES


def sniff(data: bytes) -> None:
    """Refuse what is not a zip at all, with the reason a user can act on."""
    if not data:
        raise ReadError("文件为空 (empty file)")
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_STREAM in data:
            raise ReadError(
                "文件已加密（设有打开密码），请在 Word 中取消密码后再检查 (encrypted, password-protected)"
            )
        if WORD_STREAM in data:  # the dispatcher converts these; never parsed here
            raise ReadError("是 Word 97-2003 文件，需先转换为 .docx (Word 97-2003 file)")
        raise ReadError("是 OLE 复合文档，不是 .docx (OLE compound file, not .docx)")
    if data.startswith(ZIP_MAGIC):
        if not zipfile.is_zipfile(io.BytesIO(data)):
            raise ReadError("zip 压缩包不完整，文件可能被截断 (truncated zip archive)")
        return
    if not zipfile.is_zipfile(io.BytesIO(data)):
        if _looks_like_text(data):
            raise ReadError("是文本文件，不是 .docx 的 zip 压缩包 (a text file, not a zip archive)")
        raise ReadError("不是有效的 .docx 文件：不是 zip 压缩包 (not a zip archive)")


def _looks_like_text(data: bytes) -> bool:
    head = data[:4096]
    if b"\x00" in head:
        return head.startswith((b"\xff\xfe", b"\xfe\xff"))
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as error:
            if error.start >= len(head) - 4:  # a character cut by the 4 KiB slice
                return True
    return False


class DocxArchive:
    def __init__(self, data: bytes, part_limit: int | None = None) -> None:
        sniff(data)
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except Exception as error:  # zipfile's errors are many and undocumented
            raise damaged(None, error) from None
        self.max_part_bytes = part_limit or max_part_bytes()
        self._budget = 4 * self.max_part_bytes  # all parts read together
        _check_entries(infos, len(data))
        self._infos = {info.filename: info for info in infos}
        self.names = frozenset(self._infos)

    def has(self, name: str) -> bool:
        return name in self._infos

    def crc_and_size(self, name: str) -> tuple[int, int]:
        """The CRC-32 and size the zip declares for a part: its identity, without reading it."""
        info = self._infos[name]
        return info.CRC, info.file_size

    def read(self, name: str) -> bytes:
        """The part's bytes, counting what is really inflated, not what the zip declares."""
        info = self._infos[name]
        limit = min(self.max_part_bytes, self._budget)
        chunks: list[bytes] = []
        total = 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    total += len(chunk)
                    if total > limit:
                        raise ReadError(
                            f"{name} 解压后超过 {limit // MiB} MiB，疑似压缩炸弹"
                            f" (part inflates past {limit // MiB} MiB: zip bomb?)"
                        )
                    if total > RATIO_FLOOR and total > MAX_RATIO * max(info.compress_size, 1):
                        raise ReadError(
                            f"{name} 压缩比异常（超过 {MAX_RATIO}:1），疑似压缩炸弹"
                            " (absurd compression ratio: zip bomb?)"
                        )
                    chunks.append(chunk)
        except ReadError:
            raise
        except RuntimeError:  # zipfile: "File is encrypted, password required"
            raise ReadError("压缩包内容已加密 (encrypted zip entry)") from None
        except NotImplementedError:  # a compression method or zip version it cannot read
            raise ReadError(f"{name} 使用了不支持的压缩方式 (unsupported compression)") from None
        except Exception as error:  # BadZipFile, zlib/lzma/bz2 errors, a negative seek …
            raise damaged(name, error) from None
        self._budget -= total
        return b"".join(chunks)

    def xml(self, name: str) -> etree._Element:
        """The part parsed with no DTD, no entities, no network and libxml2's size limits on."""
        return self.parsed(name, self.checked_bytes(name))

    def parsed(self, name: str, data: bytes) -> etree._Element:
        """``data``, the bytes of part ``name`` (from ``checked_bytes``), parsed as ``xml``."""
        try:
            root = etree.fromstring(data, _XML_PARSER)
        except etree.XMLSyntaxError as error:  # libxml2's message may span lines
            raise read_error(f"{name} 不是有效的 XML ({error.msg})") from None
        _refuse_doctype(name, root)
        return root

    def batches(
        self, name: str, parent_tag: str, size: int = _FEED, whole: int = _WHOLE_PART
    ) -> Iterator[etree._Element]:
        """The children of the part's ``parent_tag`` element (w:body), whole and in order,
        in containers of that tag. A part of at most ``whole`` bytes is parsed at once and
        its element is the one container. A larger one is parsed ``size`` bytes at a time,
        its finished children moved into detached containers and dropped once the caller
        moves on: a part of a million paragraphs is never in memory at once. After each
        chunk every child but the last is complete (the parser may be inside the last one),
        so those are the ones moved."""
        data = self.checked_bytes(name)
        if len(data) <= whole:
            root = self.parsed(name, data)
            parent = root if root.tag == parent_tag else root.find(parent_tag)
            if parent is not None:
                yield parent
            return
        parser = etree.XMLPullParser(events=("start",), tag=parent_tag, **_PARSER_OPTIONS)
        parent: etree._Element | None = None
        try:
            for offset in range(0, len(data), size):
                parser.feed(data[offset : offset + size])
                if parent is None:
                    parent = _top_level(parser.read_events())
                if parent is not None:
                    batch = _take(parent, keep_last=True)
                    if batch is not None:
                        yield batch
            root = parser.close()
        except etree.XMLSyntaxError as error:  # libxml2's message may span lines
            raise read_error(f"{name} 不是有效的 XML ({error.msg})") from None
        _refuse_doctype(name, root)
        if parent is None:
            parent = root if root.tag == parent_tag else root.find(parent_tag)
        if parent is not None:
            batch = _take(parent, keep_last=False)
            if batch is not None:
                yield batch

    def checked_bytes(self, name: str) -> bytes:
        """The part's bytes (``read``), refused if they declare a DTD or an entity."""
        data = self.read(name)
        # Every mark holds "!" and opens with <! in one of the encodings. A one-byte search is
        # memchr, and Word's XML rarely holds a "!" (never inside a multibyte UTF-8
        # character): that scan rules most parts out; two more rule out most of the rest.
        if (
            b"!" in data
            and (b"<!" in data or b"<\x00!" in data)
            and any(mark in data for mark in _DECLARATIONS)
        ):
            raise ReadError(f"{name} 含 DOCTYPE 或实体声明，已拒绝 (DTD or entity declaration)")
        return data


def _top_level(events: Iterator[tuple[str, etree._Element]]) -> etree._Element | None:
    """The first element started that is the root or one of its children (w:body)."""
    for _, element in events:
        parent = element.getparent()
        if parent is None or parent.getparent() is None:
            return element
    return None


def _take(parent: etree._Element, *, keep_last: bool) -> etree._Element | None:
    """``parent``'s children (all but the last, with ``keep_last``) moved into a new
    detached element of the same tag; None when there are none to move."""
    count = len(parent) - (1 if keep_last else 0)
    if count <= 0:
        return None
    batch = etree.Element(parent.tag)
    for _ in range(count):
        batch.append(parent[0])  # moves it out of the document
    return batch


def _refuse_doctype(name: str, root: etree._Element) -> None:
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise ReadError(f"{name} 含 DOCTYPE 或实体声明，已拒绝 (DTD or entity declaration)")


def damaged(name: str | None, error: BaseException) -> ReadError:
    """The one "damaged file" error, whatever zipfile or a decompressor raised."""
    where = f"{name}: " if name else ""
    detail = one_line(str(error)) or type(error).__name__
    return read_error(f"zip 压缩包已损坏 (corrupt zip: {where}{detail[:200]})")


def _check_entries(infos: list[zipfile.ZipInfo], size: int) -> None:
    if len(infos) > MAX_ENTRIES:
        raise ReadError(
            f"压缩包条目过多（{len(infos)} 个，上限 {MAX_ENTRIES}） (too many zip entries)"
        )
    seen: set[str] = set()
    for info in infos:
        key = info.filename.lower()  # OPC part names compare case-insensitively
        if key in seen:
            raise ReadError(f"压缩包中有重名部件 {info.filename} (duplicate part name)")
        seen.add(key)
    # Entries sharing or overlapping their data are the trick of non-recursive zip bombs.
    ordered = sorted(infos, key=lambda info: info.header_offset)
    for before, after in pairwise(ordered):
        if before.header_offset + 30 + before.compress_size > after.header_offset:
            raise ReadError("压缩包条目相互重叠，疑似压缩炸弹 (overlapping zip entries)")
    if ordered and ordered[-1].header_offset + ordered[-1].compress_size > size:
        raise ReadError("zip 压缩包不完整，文件可能被截断 (truncated zip archive)")
