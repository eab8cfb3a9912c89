"""``lint outline``: the heading tree, each node with its findings."""

from __future__ import annotations

from collections import defaultdict

from rich.console import Console
from rich.markup import escape
from rich.tree import Tree

from draftlint.i18n import t
from draftlint.model import Finding
from draftlint.numbering.outline import Heading, Outline
from draftlint.profiles import SectionAnalysis
from draftlint.profiles.model import ELEMENTS

_TITLE_WIDTH = 28


def _profile_lines(sections: SectionAnalysis, lang: str) -> list[str]:

    def words(key: str, **args: str) -> str:
        return t(lang, f"outline.{key}", **args)

    profile = sections.profile
    if profile is None:
        return [f"[yellow]{words('none_forced' if sections.forced else 'none')}[/yellow]"]
    how = words("forced") if sections.forced else words("by_title")
    lines = [f"[bold]{escape(words('profile', name=profile.name, how=how))}[/bold]"]
    missing = [section.name for section in sections.missing_sections()]
    if sections.elements is not None:
        present = sections.elements.present()
        lines.append(escape(words("elements", names="、".join(sorted(present, key=_order)))))
        missing += [e.name for e in profile.elements if e.required and e.name not in present]
    if missing:
        lines.append(f"[red]{escape(words('missing', names='、'.join(missing)))}[/red]")
    return lines


def _order(name: str) -> int:
    return ELEMENTS.index(name) if name in ELEMENTS else len(ELEMENTS)


def _shorten(text: str) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= _TITLE_WIDTH else text[: _TITLE_WIDTH - 1] + "…"


def render_outline(
    path: str, outline: Outline, findings: list[Finding], console: Console, lang: str,
    *, sections: SectionAnalysis | None = None,
) -> None:  # fmt: skip
    by_paragraph: dict[int, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_paragraph[finding.paragraph.index].append(finding)
    satisfies = {
        h.paragraph.index: h.sections for h in (sections.headings if sections else []) if h.sections
    }

    def add(node: Tree, heading: Heading) -> None:
        marker = heading.marker.text
        label = f"[bold]{escape(marker)}[/bold]{escape(_shorten(heading.title))}"
        if heading.paragraph.is_automatic:
            label += f" [dim]({t(lang, 'automatic')})[/dim]"
        label += f" [dim]{escape(heading.paragraph.location)}[/dim]"
        if heading.scope == 0 and heading.paragraph.index in satisfies:
            label += f" [green]→ {escape('、'.join(satisfies[heading.paragraph.index]))}[/green]"
        for finding in by_paragraph.get(heading.paragraph.index, []):
            if finding.start < heading.marker.end:
                label += f"  [red]✗ {finding.code} {escape(finding.message(lang))}[/red]"
        branch = node.add(label)
        for child in heading.children:
            add(branch, child)

    tree = Tree(f"[bold]{escape(path)}[/bold]")
    for line in _profile_lines(sections, lang) if sections is not None else []:
        tree.add(line)
    for scope in outline.scopes:
        if not scope.roots and scope.index == 0 and len(outline.scopes) > 1:
            continue
        target = tree if scope.index == 0 else tree.add(f"[bold]{escape(scope.label)}[/bold]")
        for root in scope.roots:
            add(target, root)
    if not outline.headings:
        tree.add(t(lang, "no_headings"))
    console.print(tree, highlight=False)
