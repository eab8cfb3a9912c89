"""Parsed TOML kept across runs: the bundled rule data and profiles (about twenty files) are
parsed by ``tomllib``, in Python, on every run, some 20 ms of a small draft's start-up.

``parse_toml(text)`` is ``tomllib.loads(text)``; a text parsed before is read back from a
``usercache.Store`` (keyed by the text itself, so an edited file is simply a new entry),
as a fresh object each time. A document holding dates or times (which marshal cannot keep)
is parsed every time.
"""

from __future__ import annotations

import contextlib
import marshal
from typing import Any

from draftlint.usercache import Store, python_stamp

_store = Store(f"toml-{python_stamp()}")


class TomlError(ValueError):
    """A TOML syntax error (``tomllib.TOMLDecodeError``'s message): callers catch this one,
    so that ``tomllib`` is imported only when a text is parsed."""


def parse_toml(text: str) -> dict[str, Any]:
    saved = _store.get(text)
    if saved is not None:
        try:
            data = marshal.loads(saved)
            if type(data) is dict:
                return data
        except Exception:  # a damaged entry: parse afresh
            pass
        _store.discard(text)
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TomlError(str(error)) from None
    with contextlib.suppress(ValueError):  # a date or time in the document: not kept
        _store.put(text, marshal.dumps(data))
    return data
