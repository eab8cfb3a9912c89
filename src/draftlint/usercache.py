"""The user's cache folder for what draftlint builds once and reuses across runs (the compiled
regular expressions, the grammar's parse tables): ``$DRAFTLINT_CACHE_DIR``, else
``$XDG_CACHE_HOME/draftlint``, else ``~/.cache/draftlint``. Standard library only: it is
used at start-up."""

from __future__ import annotations

import os
from pathlib import Path


def cache_folder(create: bool = True) -> Path | None:
    """The folder (made if missing when ``create``), or None when there is none to use."""
    explicit = os.environ.get("DRAFTLINT_CACHE_DIR")
    if explicit:
        folder = Path(explicit)
    else:
        base = os.environ.get("XDG_CACHE_HOME")
        try:
            folder = (Path(base) if base else Path.home() / ".cache") / "draftlint"
        except RuntimeError:  # no home directory
            return None
    if create:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
    return folder
