"""styles.xml and numbering.xml parsed once per distinct part, not once per file.

Documents made from one template share these parts byte for byte, and parsing them is most
of the time a small .docx takes to read. A part is recognised by the CRC-32 and size its zip
entry declares (no need to inflate it); zipfile checks that CRC whenever a part is read, so a
part whose bytes differ from another's has its own entry. The parsed objects only gain
memoised lookups after construction, so documents can share them.

A styles.xml's records are also kept across runs (``stylecache``): a template's styles.xml
is parsed once per user, not once per run. The part is still read as before (inflated, its
CRC checked, refused if it declares a DTD); only the parse is saved.
"""

from __future__ import annotations

from collections import OrderedDict

from draftlint.readers.docx.archive import DocxArchive
from draftlint.readers.docx.numbering import Numbering
from draftlint.readers.docx.stories import Package
from draftlint.readers.docx.stylecache import load_records, records_key, save_records
from draftlint.readers.docx.styles import Styles, style_records

_Stamp = tuple[int, int] | None  # (CRC-32, size) of a part, None: no such part
_MAX_ENTRIES = 32
_parsed: OrderedDict[tuple[_Stamp, _Stamp], tuple[Styles, Numbering]] = OrderedDict()


def _stamp(archive: DocxArchive, name: str | None) -> _Stamp:
    return archive.crc_and_size(name) if name is not None else None


def styles_and_numbering(package: Package, main: str) -> tuple[Styles, Numbering]:
    styles_part = package.related(main, "styles")
    numbering_part = package.related(main, "numbering")
    key = (_stamp(package.archive, styles_part), _stamp(package.archive, numbering_part))
    found = _parsed.get(key)
    if found is not None:
        _parsed.move_to_end(key)
        return found
    styles = _styles(package.archive, styles_part) if styles_part else Styles()
    numbering = Numbering(package.archive.xml(numbering_part) if numbering_part else None, styles)
    _parsed[key] = (styles, numbering)
    if len(_parsed) > _MAX_ENTRIES:
        _parsed.popitem(last=False)
    return styles, numbering


def _styles(archive: DocxArchive, part: str) -> Styles:
    """The part's styles, from the user's cache when these very bytes were read before."""
    data = archive.checked_bytes(part)
    key = records_key(data)
    entry = load_records(key)
    if entry is None:
        entry = style_records(archive.parsed(part, data))
        save_records(key, entry)
    return Styles(*entry)
