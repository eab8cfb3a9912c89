"""What the reader takes from a styles.xml, kept in the user's cache across runs.

A template's styles.xml is often hundreds of KB (table styles, mostly), and parsing it is a
large part of reading a short document, while what the reader takes from it
(``styles.style_records``) is a few values per paragraph style. Those are kept in the user's
cache folder (``usercache.cache_folder``), one small marshal file per distinct styles.xml,
named by a digest of its bytes and a checksum of the code that reads them: a run opens only
the files of its own documents' styles, however many templates the user has seen. A file in
use is touched once a day, and ``usercache.prune_stale`` deletes those unused for a month.

As for every store, a file is read only when this user owns it and others cannot write it.
Any trouble (no folder, a damaged or foreign file) means the part is parsed, as without a
cache; only records of a part that parsed are ever saved.
"""

from __future__ import annotations

import marshal
import os
from functools import cache
from pathlib import Path
from typing import Any

from draftlint.readers.docx.styles import StyleRecord
from draftlint.usercache import PRIVATE, cache_folder, code_checksum, python_stamp, read_trusted

try:  # hashlib's blake2b, without hashlib's import of OpenSSL (some ms at start-up)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b

Entry = tuple[dict[str, StyleRecord], str | None]  # style_records' answer
MAX_SAVED_BYTES = 64 << 10  # records larger than this (thousands of styles) are not kept
# Templates kept at most (a few MB): a run over an archive of many templates must not fill
# the disk. Past it nothing new is kept until pruning deletes those unused for a month.
MAX_FILES = 1000
_RECORD_TYPES = (
    (str, type(None)), (bool,), (str, type(None)), (int, type(None)),
    (int, bool, type(None)), (int, type(None)), (bool,),
)  # fmt: skip


def records_key(data: bytes) -> str:
    """The name a styles.xml's records are kept under: its bytes', not its zip entry's."""
    return blake2b(data, digest_size=16).hexdigest()


def load_records(key: str) -> Entry | None:
    """The records saved for the styles.xml of digest ``key``, if any."""
    path = _path(key)
    if path is None:
        return None
    try:
        entry = marshal.loads(read_trusted(path))
    except Exception:  # missing, damaged, unreadable or someone else's: parse instead
        return None
    return entry if _valid(entry) else None


def save_records(key: str, entry: Entry) -> None:
    """Keep ``entry`` for the styles.xml of digest ``key`` (atomically; quietly not at all
    when the folder cannot be written or the records are too large)."""
    path = _path(key)
    if path is None:
        return
    try:
        data = marshal.dumps(entry)
        if len(data) > MAX_SAVED_BYTES or _kept(path.parent) >= MAX_FILES:
            return
        from draftlint.atomic import write_bytes  # here: a run that saves nothing never needs it

        write_bytes(path, data, durable=False, mode=PRIVATE)
    except Exception:  # an unwritable folder, a full disk …
        pass


def _kept(folder: Path) -> int:
    """How many templates' records ``folder`` holds (counted only when saving: a new one)."""
    with os.scandir(folder) as entries:
        return sum(entry.name.startswith("styles-") for entry in entries)


def _path(key: str) -> Path | None:
    prefix = _prefix()
    folder = cache_folder() if prefix is not None else None
    return folder / f"{prefix}-{key}.marshal" if folder is not None else None


@cache
def _prefix() -> str | None:
    """``styles-<python>-<checksum of the code making the records>``, or None when that code
    cannot be read (nothing is cached then)."""
    here = Path(__file__).resolve().parent
    checksum = code_checksum(here / "styles.py", here / "names.py")
    return None if checksum is None else f"styles-{python_stamp()}-{checksum}"


def _valid(entry: Any) -> bool:
    """Whether ``entry`` is what ``style_records`` returns."""
    if type(entry) is not tuple or len(entry) != 2:
        return False
    records, default_paragraph = entry
    if type(records) is not dict or type(default_paragraph) not in (str, type(None)):
        return False
    return all(type(key) is str and _valid_record(record) for key, record in records.items())


def _valid_record(record: Any) -> bool:
    return (
        type(record) is tuple
        and len(record) == len(_RECORD_TYPES)
        and all(type(value) in kinds for value, kinds in zip(record, _RECORD_TYPES, strict=True))
    )
