"""The Rule base class: one subclass per module in ``draftlint.rules``.

A rule documents itself (code, name, severity, tags, zh/en message, what/why, the clause
it rests on, a flagged and a clean example that the test suite runs) and yields
``Finding``s from ``check``.
"""

from __future__ import annotations

from collections.abc import Iterator
from string import Formatter
from typing import TYPE_CHECKING, Any, ClassVar

from draftlint.model import Finding, Fix, Paragraph, Severity

if TYPE_CHECKING:
    from draftlint.context import LintContext


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.ERROR
    tags: ClassVar[tuple[str, ...]] = ()
    aliases: ClassVar[tuple[str, ...]] = ()
    summary: ClassVar[dict[str, str]]  # one line: what it does
    # str.format template with the finding's args; or, per language, templates keyed by
    # the finding's ``variant`` arg when one rule reports several shapes of a problem.
    message: ClassVar[dict[str, Any]]
    why: ClassVar[dict[str, str]]  # why it matters
    source: ClassVar[str] = "house practice"
    example_bad: ClassVar[str]  # a draft this rule flags
    example_good: ClassVar[str]  # the same draft, corrected
    fixable: ClassVar[bool] = False  # its findings carry a suggested replacement
    # What ``lint --fix`` may do with that replacement: "safe" (applied by --fix), "unsafe"
    # (only with --unsafe-fixes: renumbering, guessed pairs), None (never written: a
    # suggestion for the reader, as for placeholders, sections and web residue).
    fix_tier: ClassVar[str | None] = None
    # Codes of rules that own the characters this rule would otherwise report too: when one
    # of them is selected and reports an overlapping span, this rule's finding is dropped.
    defers_to: ClassVar[tuple[str, ...]] = ()
    # Settings the rule reads from ``ctx.options.rule_settings(name)``, with their types; a
    # configuration file is checked against them (names with - or _ alike).
    settings_schema: ClassVar[dict[str, type | tuple[type, ...]]] = {}
    # False for a rule that reads only the paragraphs' text (not ``ctx.outline``,
    # ``sections`` or ``layouts``): in a long document it may run in a second process
    # while this one builds the outline (``split_rules``).
    reads_outline: ClassVar[bool] = True

    def __init__(self, ctx: LintContext) -> None:
        self.ctx = ctx

    def check(self) -> Iterator[Finding]:
        raise NotImplementedError

    @classmethod
    def variants(cls) -> tuple[str | None, ...]:
        """The message variants (None: the rule has one message)."""
        template = cls.message["zh"]
        return tuple(template) if isinstance(template, dict) else (None,)

    @classmethod
    def templates(cls, variant: str | None) -> dict[str, str]:
        """The template of ``variant`` in each language."""
        found = {}
        for lang, template in cls.message.items():
            found[lang] = template[variant] if isinstance(template, dict) else template
        return found

    @classmethod
    def render_message(cls, lang: str, args: dict[str, Any]) -> str:
        template = cls.message.get(lang) or cls.message["zh"]
        if isinstance(template, dict):
            template = template[args["variant"]]
        return template.format(**args)

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return (cls.code, cls.name, *cls.aliases)

    def finding(
        self,
        paragraph: Paragraph,
        start: int,
        end: int,
        *,
        fix: Fix | str | None = None,
        severity: Severity | None = None,
        **args: Any,
    ) -> Finding:
        if isinstance(fix, str):
            fix = Fix(fix)
        _check_arguments(type(self), args)
        return Finding(type(self), paragraph, start, end, args, fix, severity)


_FIELDS: dict[tuple[type[Rule], str | None], frozenset[str]] = {}


def template_fields(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in Formatter().parse(template) if name)


def _check_arguments(rule: type[Rule], args: dict[str, Any]) -> None:
    """A misspelt variant or a missing argument fails where the finding is made, in every
    test that makes one, rather than when a report renders it."""
    variant = args.get("variant")
    fields = _FIELDS.get((rule, variant))
    if fields is None:
        if variant not in rule.variants():
            raise KeyError(f"{rule.code}: no message variant {variant!r}")
        templates = rule.templates(variant).values()
        fields = _FIELDS[(rule, variant)] = frozenset().union(*map(template_fields, templates))
    if not fields <= args.keys():
        raise KeyError(f"{rule.code}: message {variant!r} needs {sorted(fields - args.keys())}")
