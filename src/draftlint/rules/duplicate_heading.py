from collections.abc import Iterator

from draftlint.analysis.layout import Layout
from draftlint.model import Finding
from draftlint.numbering.outline import Heading
from draftlint.patterns import compile_re
from draftlint.rule import Rule

# What a heading is compared by: its text without spaces and punctuation, the runs of other
# characters joined (one findall, cheaper than substituting every run of marks).
_KEPT = compile_re(r"[^\s\u3000。：:，,；;！!？?、]+")


class DuplicateHeading(Rule):
    code = "S004"
    name = "duplicate-heading"
    tags = ("sections", "headings")
    summary = {"zh": "同级标题重复", "en": "The same heading twice at one level"}
    message = {
        "zh": "标题重复：“{heading}”与{first}的同级标题相同",
        "en": "Duplicate heading: “{heading}” repeats the sibling heading at {first}",
    }
    why = {
        "zh": "同一上级下的两个同级标题文字相同，多是复制段落后忘改标题，或同一内容写了两遍。"
        "只比较标题句（段首标题比较句号前的部分），不同上级下的同名小标题不报告。",
        "en": "Two sibling headings with the same text are usually a copied part whose"
        " heading was not changed, or the same content written twice. Only heading"
        " sentences are compared, and only among siblings.",
    }
    source = "house practice"
    example_bad = (
        "2024年上半年工作总结\n一、工作开展情况\n（一）加强理论学习\n组织专题学习6次。\n"
        "（二）加强理论学习\n开展专题宣讲8场。\n"
    )
    example_good = (
        "2024年上半年工作总结\n一、工作开展情况\n（一）加强理论学习\n组织专题学习6次。\n"
        "（二）加强宣传引导\n开展专题宣讲8场。\n"
    )

    def check(self) -> Iterator[Finding]:
        layouts = {id(layout.heading): layout for layout in self.ctx.layouts}
        if not layouts:
            return  # no document type matched: the section rules do not run
        for scope in self.ctx.outline.scopes:
            yield from self._siblings(scope.roots, layouts)

    def _siblings(self, roots: list[Heading], layouts: dict[int, Layout]) -> Iterator[Finding]:
        """Each list of siblings compared within itself, depth first in document order (a
        stack of lists rather than a generator per heading)."""
        pending: list[tuple[Iterator[Heading], dict[tuple[int, str], Heading]]]
        pending = [(iter(roots), {})]
        while pending:
            siblings, seen = pending[-1]
            heading = next(siblings, None)
            if heading is None:
                pending.pop()
                continue
            layout = layouts.get(id(heading))
            if layout is None:
                continue  # an empty numbered item: its children are not compared either
            key = (heading.level, "".join(_KEPT.findall(layout.sentence)))
            if key[1]:
                first = seen.setdefault(key, heading)
                # Two entries with no body under either are list items (1.张三 2.张三),
                # not sections: a repeated name is not a repeated heading.
                if first is not heading and (layout.has_body or layouts[id(first)].has_body):
                    yield self.finding(
                        heading.paragraph, heading.marker.end, layout.end,
                        heading=layout.sentence, first=first.paragraph.location,
                    )  # fmt: skip
            if heading.children:
                pending.append((iter(heading.children), {}))
