"""Where the grammar and the rule data are, installed or in a source checkout.

The wheel ships the top-level ``grammar/`` and ``rules/`` as ``draftlint/_data``; an
editable install or a source checkout falls back to the repository's own folders.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_root() -> Path:
    installed = _PACKAGE_DIR / "_data"
    if (installed / "grammar").is_dir():
        return installed
    checkout = _PACKAGE_DIR.parent.parent
    if (checkout / "grammar").is_dir() and (checkout / "rules").is_dir():
        return checkout
    raise RuntimeError(f"draftlint data not found beside {_PACKAGE_DIR}")


def grammar_path(name: str) -> Path:
    return data_root() / "grammar" / name


def rules_dir() -> Path:
    return data_root() / "rules"


class DataError(Exception):
    """A rule-data file that cannot be read; the message names the file and line."""


def load_toml(path: Path) -> dict[str, Any]:
    from draftlint.datacache import TomlError, parse_toml

    try:
        return parse_toml(path.read_bytes().decode())
    except TomlError as error:
        raise DataError(f"{path}: {error}") from None
    except OSError as error:
        raise DataError(f"{path}: {error.strerror or error}") from None


@cache
def rule_data(name: str) -> dict[str, Any]:
    """The bundled ``rules/<name>.toml``, parsed once per process."""
    return load_toml(rules_dir() / f"{name}.toml")
