"""``lint outline``: the heading tree, each node with its findings."""

from __future__ import annotations

from collections import defaultdict

from rich.console import Console
from rich.markup import escape
from rich.tree import Tree

from draftlint.i18n import t
from draftlint.model import Finding
from draftlint.numbering.outline import Heading, Outline

_TITLE_WIDTH = 28


def _shorten(text: str) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= _TITLE_WIDTH else text[: _TITLE_WIDTH - 1] + "…"


def render_outline(
    path: str, outline: Outline, findings: list[Finding], console: Console, lang: str
) -> None:
    by_paragraph: dict[int, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_paragraph[finding.paragraph.index].append(finding)

    def add(node: Tree, heading: Heading) -> None:
        marker = heading.marker.text
        label = f"[bold]{escape(marker)}[/bold]{escape(_shorten(heading.title))}"
        if heading.paragraph.is_automatic:
            label += f" [dim]({t(lang, 'automatic')})[/dim]"
        label += f" [dim]{escape(heading.paragraph.location)}[/dim]"
        for finding in by_paragraph.get(heading.paragraph.index, []):
            if finding.start < heading.marker.end:
                label += f"  [red]✗ {finding.code} {escape(finding.message(lang))}[/red]"
        branch = node.add(label)
        for child in heading.children:
            add(branch, child)

    tree = Tree(f"[bold]{escape(path)}[/bold]")
    for scope in outline.scopes:
        if not scope.roots and scope.index == 0 and len(outline.scopes) > 1:
            continue
        target = tree if scope.index == 0 else tree.add(f"[bold]{escape(scope.label)}[/bold]")
        for root in scope.roots:
            add(target, root)
    if not outline.headings:
        tree.add(t(lang, "no_headings"))
    console.print(tree, highlight=False)
