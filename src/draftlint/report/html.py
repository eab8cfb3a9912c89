"""``--format html``: one self-contained HTML file for people who never open a terminal.

A summary by rule and severity; per file the outline tree with its findings marked and each
finding in context, its span highlighted, with the suggested fix; filters by rule and
severity in a few lines of plain JavaScript inside the file. Nothing is fetched: no external
script, style or font, and a Content-Security-Policy forbids any. Every piece of text from a
draft (and every path and message) is escaped, so a draft holding <script> shows it as text.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from pathlib import Path

from draftlint.i18n import TEXT
from draftlint.model import Finding, Severity
from draftlint.report import FileResult, Totals

CONTEXT = 40  # characters shown on each side of a finding's span


STYLE = """
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em .5em;
text-align:left;vertical-align:top}th{background:#f3f3f3}mark{background:#ffd54f}
.error{color:#b71c1c}.warning{color:#e65100}.info{color:#1565c0}.context{max-width:40em}
.fix ins{background:#c8e6c9;text-decoration:none}.outline .flag{color:#b71c1c;font-weight:bold}
#filters label{margin-right:1em;white-space:nowrap}.file{margin-top:2em}
"""

SCRIPT = """
(function () {
  function checked(name) {
    var set = {};
    document.querySelectorAll('input.' + name).forEach(function (box) {
      if (box.checked) { set[box.value] = true; }
    });
    return set;
  }
  function apply() {
    var rules = checked('filter-rule'), levels = checked('filter-severity'), shown = 0;
    document.querySelectorAll('tr.finding').forEach(function (row) {
      var visible = rules[row.dataset.code] === true && levels[row.dataset.severity] === true;
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    document.getElementById('visible-count').textContent = String(shown);
  }
  document.querySelectorAll('input.filter-rule, input.filter-severity').forEach(function (box) {
    box.addEventListener('change', apply);
  });
  apply();
})();
"""

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def render_html(results: list[FileResult], lang: str) -> str:
    words = html_words(lang)
    totals = Totals.of(results)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        f"<title>{escape(words['title'])}</title><style>{STYLE}</style></head><body>",
        f"<h1>{escape(words['title'])}</h1>",
        *_summary(results, totals, words),
        *_filters(results, words),
    ]
    for result in results:
        parts += _file(result, words, lang)
    parts += [f"<script>{SCRIPT}</script>", "</body></html>", ""]
    return "\n".join(parts)


def _summary(results: list[FileResult], totals: Totals, words: dict[str, str]) -> list[str]:
    rules = _rules(results)
    rows = [
        f"<tr><td>{escape(code)}</td><td>{escape(rule.name)}</td>"
        f'<td class="{rule.severity.value}">{escape(words[rule.severity.value])}</td>'
        f'<td class="rule-count" data-code="{escape(code)}">{totals.by_code.get(code, 0)}</td></tr>'
        for code, rule in rules.items()
    ]
    severities = [
        f'<tr><td class="{s.value}">{escape(words[s.value])}</td>'
        f'<td class="severity-count" data-severity="{s.value}">{totals.by_severity.get(s.value, 0)}</td></tr>'
        for s in Severity
    ]
    return [
        f'<section id="summary"><h2>{escape(words["summary"])}</h2>',
        f'<p>{escape(words["files"])}: <span id="file-count">{totals.files}</span> · '
        f'{escape(words["findings"])}: <span id="total-count">{totals.findings}</span> · '
        f'{escape(words["unreadable"])}: <span id="unreadable-count">{totals.unreadable}</span></p>',
        f'<h3>{escape(words["by_severity"])}</h3><table id="by-severity">',
        f"<tr><th>{escape(words['severity'])}</th><th>{escape(words['count'])}</th></tr>",
        *severities,
        f'</table><h3>{escape(words["by_rule"])}</h3><table id="by-rule">',
        f"<tr><th>{escape(words['rule'])}</th><th>{escape(words['name'])}</th>"
        f"<th>{escape(words['severity'])}</th><th>{escape(words['count'])}</th></tr>",
        *rows,
        "</table></section>",
    ]


def _rules(results: list[FileResult]) -> dict[str, type]:
    found = {f.code: f.rule for r in results for f in r.findings}
    return dict(sorted(found.items()))


def _filters(results: list[FileResult], words: dict[str, str]) -> list[str]:
    counts = Counter(f.code for r in results for f in r.findings)
    rules = "".join(
        f'<label><input type="checkbox" class="filter-rule" value="{escape(code)}" checked> '
        f"{escape(code)} {escape(rule.name)} ({counts[code]})</label>"
        for code, rule in _rules(results).items()
    )
    levels = "".join(
        f'<label><input type="checkbox" class="filter-severity" value="{s.value}" checked> '
        f"{escape(words[s.value])}</label>"
        for s in Severity
    )
    return [
        f'<section id="filters"><h2>{escape(words["filters"])}</h2>',
        f"<p>{escape(words['rule'])}: {rules}</p><p>{escape(words['severity'])}: {levels}</p>",
        f'<p>{escape(words["shown"])}: <span id="visible-count"></span></p></section>',
    ]


def _file(result: FileResult, words: dict[str, str], lang: str) -> list[str]:
    parts = [f'<section class="file" data-path="{escape(result.path)}">',
             f"<h2>{escape(result.path)}</h2>"]  # fmt: skip
    if result.error is not None:
        return [*parts, f'<p class="error">{escape(result.error)}</p></section>']
    parts += _outline(result, words)
    if not result.findings:
        return [*parts, f"<p>{escape(words['none'])}</p></section>"]
    parts.append('<table class="findings"><tr>' + "".join(
        f"<th>{escape(words[key])}</th>"
        for key in ("location", "rule", "severity", "message", "context", "fix")
    ) + "</tr>")  # fmt: skip
    for finding in result.findings:
        parts.append(_row(finding, words, lang))
    parts.append("</table></section>")
    return parts


def _row(finding: Finding, words: dict[str, str], lang: str) -> str:
    severity = finding.effective_severity.value
    paragraph = finding.paragraph
    text = paragraph.text
    start, end = finding.start, finding.end
    before = text[max(0, start - CONTEXT) : start]
    after = text[end : end + CONTEXT]
    context = (
        ("…" if start > CONTEXT else "") + escape(before) + f"<mark>{escape(text[start:end])}</mark>"
        + escape(after) + ("…" if end + CONTEXT < len(text) else "")
    )  # fmt: skip
    fix = ""
    replacement = (
        finding.fix.replacement if finding.fix is not None else finding.extra.get("expected")
    )
    if replacement is not None:
        shown = escape(replacement) if replacement else escape(words["delete"])
        fix = f"<del>{escape(text[start:end])}</del> → <ins>{shown}</ins>"
    return (
        f'<tr class="finding" data-code="{escape(finding.code)}" data-severity="{severity}">'
        f"<td>{escape(paragraph.location)}</td>"
        f"<td>{escape(finding.code)} {escape(finding.rule.name)}</td>"
        f'<td class="{severity}">{escape(words[severity])}</td>'
        f"<td>{escape(finding.message(lang))}</td>"
        f'<td class="context">{context}</td><td class="fix">{fix}</td></tr>'
    )


def _outline(result: FileResult, words: dict[str, str]) -> list[str]:
    """The heading tree of the file, read again; each heading with its findings' codes."""
    from draftlint.model import ReadError
    from draftlint.numbering.outline import Heading, build_outline
    from draftlint.readers import read_path

    try:
        outline = build_outline(read_path(Path(result.path)))
    except (ReadError, OSError, ValueError):
        return []
    codes: dict[int, list[str]] = {}
    for finding in result.findings:
        codes.setdefault(finding.paragraph.index, []).append(finding.code)

    def node(heading: Heading) -> str:
        paragraph = heading.paragraph
        flags = codes.get(paragraph.index, [])
        label = escape(heading.marker.text) + escape(heading.title[:40])
        if paragraph.is_automatic:
            label += f" <small>({escape(words['automatic'])})</small>"
        if flags:
            label += f' <span class="flag">✗ {escape(" ".join(sorted(set(flags))))}</span>'
        children = "".join(node(child) for child in heading.children)
        inner = f"<ul>{children}</ul>" if children else ""
        return f'<li data-flagged="{"true" if flags else "false"}">{label}{inner}</li>'

    roots = "".join(node(h) for scope in outline.scopes for h in scope.roots)
    body = f"<ul>{roots}</ul>" if roots else f"<p>{escape(words['no_outline'])}</p>"
    return [f'<details class="outline" open><summary>{escape(words["outline"])}</summary>',
            body, "</details>"]  # fmt: skip


def html_words(lang: str) -> dict[str, str]:
    """The report's words, from the one i18n table (keys "html.…")."""
    table = TEXT.get(lang, TEXT["zh"])
    return {key[5:]: value for key, value in table.items() if key.startswith("html.")}
