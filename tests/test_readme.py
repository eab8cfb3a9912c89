"""The README's promises: its quick start commands, its rule table, its example draft."""

from __future__ import annotations

import re
from pathlib import Path

from tests.helpers.lint import lint_json

from draftlint.registry import all_rules

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_quick_start_is_two_commands_and_ci_runs_the_test_command() -> None:
    blocks = re.findall(r"```sh\n(.*?)```", README.split("## Quick start")[1].split("## ")[0], re.S)
    assert len(blocks) == 2
    install_and_lint, install_and_test = (block.strip() for block in blocks)
    assert install_and_lint == "pip install . && lint examples/report.docx"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert install_and_test in ci.splitlines()


def test_example_draft_is_linted_with_findings() -> None:
    code, report = lint_json(str(ROOT / "examples" / "report.docx"))
    assert code == 1
    codes = {f["code"] for f in report["files"][0]["findings"]}
    assert {"N001", "N002"} <= codes


def test_every_rule_is_in_the_readme_table() -> None:
    """The table says what `lint rules` and `lint rule` say: one source, the rule itself."""
    for rule in all_rules():
        row = f"| {rule.code} | {rule.name} | {rule.severity.value} | {rule.summary['zh']} |"
        assert row in README
