"""Fixtures: the seeds, real .docx files made with python-docx, in-process lint runs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.helpers.lint import SEED_NAMES, SEEDS, seed_paragraphs, write_docx


@pytest.fixture
def seed() -> Callable[[str], Path]:
    """Path of a seed draft by number ("000"); skips cleanly when ../shared is absent."""

    def get(name: str) -> Path:
        path = SEEDS / SEED_NAMES[name]
        if not path.exists():
            pytest.skip("../shared/seeds is not beside this checkout")
        return path

    return get


@pytest.fixture
def seed_docx(tmp_path: Path, seed: Callable[[str], Path]) -> Callable[[str], Path]:
    """A seed as .docx, one paragraph per non-empty line."""

    def get(name: str) -> Path:
        seed(name)
        return write_docx(tmp_path / f"{name}.docx", seed_paragraphs(name))

    return get


@pytest.fixture
def lint_text(tmp_path: Path) -> Callable[..., list]:
    """Lint a text in-process and return its findings (fast path for rule tests)."""
    from draftlint.engine import lint_document
    from draftlint.model import LintOptions
    from draftlint.readers import read_bytes
    from draftlint.registry import select_rules

    def run(text: str, select: str | None = None, suffix: str = ".txt", **options: Any) -> list:
        document = read_bytes(text.encode("utf-8"), f"draft{suffix}")
        rules = select_rules(select.split(",") if select else None)
        return lint_document(document, rules, LintOptions(**options))

    return run
