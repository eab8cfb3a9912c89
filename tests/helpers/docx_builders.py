"""Builders of real .docx fixtures: python-docx writes the package, lxml puts in the XML that
python-docx has no API for (automatic numbering, tracked changes, notes, text boxes).

tests/test_docx_fixtures.py checks that what ``build_docx`` builds is a package python-docx
itself opens.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from lxml import etree

from draftlint.readers.docx.archive import OLE_MAGIC

NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "v": "urn:schemas-microsoft-com:vml",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
}
_DECLARE = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
EXTRA_PARTS = {  # part → (relationship type, content type, root element)
    "footnotes": ("footnotes", f"{_CT}.footnotes+xml", "footnotes"),
    "endnotes": ("endnotes", f"{_CT}.endnotes+xml", "endnotes"),
    "comments": ("comments", f"{_CT}.comments+xml", "comments"),
}


def fragment(xml: str) -> list[etree._Element]:
    """Elements of an XML fragment written with the usual w:, r:, mc: … prefixes."""
    return list(etree.fromstring(f"<root {_DECLARE}>{xml}</root>"))


def para(text: str, *, ppr: str = "") -> str:
    """A w:p with one run; ``ppr`` is the inside of its w:pPr."""
    props = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def numbered(text: str, num_id: int, ilvl: int = 0) -> str:
    numpr = f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return para(text, ppr=numpr)


def abstract_num(key: int, *levels: tuple[str, str] | tuple[str, str, int]) -> str:
    """An abstractNum whose levels are (numFmt, lvlText[, start])."""
    xml = "".join(
        f'<w:lvl w:ilvl="{index}"><w:start w:val="{level[2] if len(level) > 2 else 1}"/>'
        f'<w:numFmt w:val="{level[0]}"/><w:lvlText w:val="{level[1]}"/></w:lvl>'
        for index, level in enumerate(levels)
    )
    return f'<w:abstractNum w:abstractNumId="{key}">{xml}</w:abstractNum>'


def num(num_id: int, abstract: int, start_override: dict[int, int] | None = None) -> str:
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{lvl}"><w:startOverride w:val="{value}"/></w:lvlOverride>'
        for lvl, value in (start_override or {}).items()
    )
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>{overrides}</w:num>'


CHINESE_LIST = abstract_num(
    10, ("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")
)


def build_docx(
    path: Path,
    body: str,
    *,
    numbering: str | None = None,
    header: str | None = None,
    footer: str | None = None,
    parts: dict[str, str] | None = None,
    styles: dict[str, str] | None = None,
) -> Path:
    """A .docx whose body is ``body`` (w:p / w:tbl XML), saved by python-docx.

    ``numbering`` replaces numbering.xml's content; ``header``/``footer`` are plain texts
    put in through python-docx; ``parts`` adds footnotes/endnotes/comments (their inner
    XML); ``styles`` adds paragraph styles: style id → inner XML of w:style (w:name …).
    """
    document = docx.Document()
    section = document.sections[0]
    if header is not None:
        section.header.paragraphs[0].text = header
    if footer is not None:
        section.footer.paragraphs[0].text = footer
    styles_element = document.styles.element
    for style_id, inner in (styles or {}).items():
        styles_element.append(
            fragment(f'<w:style w:type="paragraph" w:styleId="{style_id}">{inner}</w:style>')[0]
        )
    body_element = document.element.body
    for child in list(body_element):
        if child.tag != f"{{{NAMESPACES['w']}}}sectPr":
            body_element.remove(child)
    for position, element in enumerate(fragment(body)):
        body_element.insert(position, element)
    if numbering is not None:
        element = document.part.numbering_part.element
        for child in list(element):
            element.remove(child)
        for child in fragment(numbering):
            element.append(child)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(_add_parts(buffer.getvalue(), parts or {}))
    return path


def _add_parts(data: bytes, parts: dict[str, str]) -> bytes:
    if not parts:
        return data
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                overrides = "".join(
                    f'<Override PartName="/word/{name}.xml" ContentType="{EXTRA_PARTS[name][1]}"/>'
                    for name in parts
                )
                content = content.replace(b"</Types>", overrides.encode() + b"</Types>")
            elif info.filename == "word/_rels/document.xml.rels":
                rels = "".join(
                    f'<Relationship Id="rIdExtra{number}" Type="{_REL}/{EXTRA_PARTS[name][0]}"'
                    f' Target="{name}.xml"/>'
                    for number, name in enumerate(parts)
                )
                content = content.replace(b"</Relationships>", rels.encode() + b"</Relationships>")
            target.writestr(info, content)
        for name, inner in parts.items():
            root = EXTRA_PARTS[name][2]
            xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{root} {_DECLARE}>{inner}</w:{root}>'
            target.writestr(f"word/{name}.xml", xml.encode("utf-8"))
    return out.getvalue()


def note(note_id: int, text: str, kind: str = "footnote") -> str:
    return f'<w:{kind} w:id="{note_id}">{para(text)}</w:{kind}>'


SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote>"
)


# Damaged packages: a real .docx, then one field of its zip structure broken.


def docx_bytes(tmp_path: Path, body: str, **options: object) -> bytes:
    """The bytes of ``build_docx(tmp_path / "built.docx", body, **options)``."""
    return build_docx(tmp_path / "built.docx", body, **options).read_bytes()  # type: ignore[arg-type]


def recompressed(data: bytes, method: int) -> bytes:
    """The same package with every entry compressed by ``method`` (zipfile.ZIP_LZMA …)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename), compress_type=method)
    return out.getvalue()


def entry_data_offset(data: bytes, name: str) -> tuple[int, int]:
    """(offset, size) of the compressed data of entry ``name``."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    header = info.header_offset
    name_length = int.from_bytes(data[header + 26 : header + 28], "little")
    extra_length = int.from_bytes(data[header + 28 : header + 30], "little")
    return header + 30 + name_length + extra_length, info.compress_size


def garbled_entry(data: bytes, name: str) -> bytes:
    """Entry ``name``'s compressed data overwritten in its middle (sizes and CRC kept)."""
    offset, size = entry_data_offset(data, name)
    start = offset + min(16, size // 4)
    stop = offset + size - 4
    return data[:start] + bytes((7 * i + 13) % 256 for i in range(stop - start)) + data[stop:]


def central_directory_offset_past_data(data: bytes) -> bytes:
    """The end record says the central directory starts past the end of the file."""
    end = data.rfind(b"PK\x05\x06")
    bogus = (len(data) + 4096).to_bytes(4, "little")
    return data[: end + 16] + bogus + data[end + 20 :]


def version_needed(data: bytes, name: str, version: int) -> bytes:
    """Entry ``name``'s "version needed to extract" set to ``version`` in the central directory."""
    position = data.find(b"PK\x01\x02")
    while position >= 0:
        name_length = int.from_bytes(data[position + 28 : position + 30], "little")
        if data[position + 46 : position + 46 + name_length] == name.encode():
            patched = version.to_bytes(2, "little")
            return data[: position + 6] + patched + data[position + 8 :]
        position = data.find(b"PK\x01\x02", position + 4)
    raise KeyError(name)


def with_part(data: bytes, name: str, content: bytes) -> bytes:
    """The package with part ``name`` replaced by ``content``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = content if info.filename == name else source.read(info.filename)
            target.writestr(info.filename, body)
    return out.getvalue()


def part_xml(root: str, inner: str) -> bytes:
    """A whole WordprocessingML part: ``<w:root …namespaces…>inner</w:root>``."""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:{root} {_DECLARE}>{inner}</w:{root}>"
    ).encode()


def ole(path: Path, *streams: str) -> Path:
    """An OLE compound file header followed by directory entries naming ``streams``."""
    names = b"".join(name.encode("utf-16-le").ljust(64, b"\0") for name in streams)
    path.write_bytes(OLE_MAGIC + b"\0" * 504 + names + b"\0" * 1024)
    return path


def lettered_list(fmt: str, start: str, text: str = "%1.") -> str:
    """numbering.xml content: one abstract list (id 1) with level 0 in ``fmt`` from ``start``."""
    return (
        f'<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl></w:abstractNum>'
    )
