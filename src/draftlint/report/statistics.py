"""``--statistics``: how many findings each rule made, most first (like ruff)."""

from __future__ import annotations

import json
from collections import Counter

from draftlint.report import FileResult
from draftlint.rule import Rule


def _counts(results: list[FileResult]) -> list[tuple[type[Rule], int]]:
    counter: Counter[type[Rule]] = Counter(f.rule for r in results for f in r.findings)
    return sorted(counter.items(), key=lambda item: (-item[1], item[0].code))


def render_statistics(results: list[FileResult], lang: str, as_json: bool) -> str:
    counts = _counts(results)
    if as_json:
        entries = [{"code": rule.code, "name": rule.name, "count": count,
                    "summary": rule.summary.get(lang) or rule.summary["zh"]}
                   for rule, count in counts]  # fmt: skip
        return json.dumps(entries, ensure_ascii=False, indent=2) + "\n"
    width = max((len(str(count)) for _, count in counts), default=1)
    return "".join(
        f"{count:>{width}}\t{rule.code}\t{rule.name}\t"
        f"{rule.summary.get(lang) or rule.summary['zh']}\n"
        for rule, count in counts
    )
