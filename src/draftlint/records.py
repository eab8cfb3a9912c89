"""``dataclass`` as the standard library's, without compiling each class's methods anew in
every process.

``dataclasses`` writes a class's ``__init__``, ``__repr__``, ``__eq__`` … as source text and
compiles it when the class is made: about 0.1 ms a method, some 30 ms of every run across
draftlint's classes (a sixth of a small draft's run). Here that text's code objects are kept
in a ``usercache.Store`` (keyed by the text, named by Python's build), so a later process
only executes them. The class is exactly what ``dataclasses.dataclass`` makes: the same
text, compiled the same way, run in the same namespaces. Whatever goes wrong falls back to
compiling.
"""

from __future__ import annotations

import builtins
import dataclasses
import threading
from collections.abc import Callable
from types import CodeType
from typing import Any, TypeVar, dataclass_transform, overload

from draftlint.usercache import Store, python_stamp

Class = TypeVar("Class", bound=type)

_store = Store(f"records-{python_stamp()}")
_patching = threading.RLock()  # re-entrant: a class made while making another
_FILENAME = "<string>"  # what exec(text) names its code: tracebacks read the same


def _exec_saved(source: Any, globals: Any = None, locals: Any = None) -> None:
    """``exec(source, globals, locals)``, with a text source's code from the store."""
    if isinstance(source, str):
        code = _store.get(source)
        if type(code) is not CodeType:
            # dont_inherit: not this module's ``from __future__`` (string annotations)
            code = compile(source, _FILENAME, "exec", dont_inherit=True)
            _store.put(source, code)
        source = code
    builtins.exec(source, globals, locals)


@overload
def dataclass(cls: Class, /) -> Class: ...
@overload
def dataclass(**options: Any) -> Callable[[Class], Class]: ...


@dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
def dataclass(cls: Any = None, /, **options: Any) -> Any:
    """``dataclasses.dataclass(cls, **options)``; its generated methods' code reused."""

    def make(cls: Class) -> Class:
        # dataclasses finds ``exec`` through its module globals (CPython 3.11–3.13): for
        # the time of this call, that name is the saving one. The lock keeps two threads
        # making classes at once from restoring out of order (and leaving it patched).
        namespace = vars(dataclasses)
        with _patching:
            previous = namespace.get("exec")
            namespace["exec"] = _exec_saved
            try:
                return dataclasses.dataclass(**options)(cls)
            finally:
                if previous is None:
                    del namespace["exec"]
                else:
                    namespace["exec"] = previous

    return make if cls is None else make(cls)
