"""Every message variant of every rule renders in both languages, and code uses only the
variants and arguments that the messages declare."""

from __future__ import annotations

import ast
import inspect
from string import Formatter

import pytest

from draftlint.i18n import TEXT
from draftlint.registry import all_rules
from draftlint.rule import template_fields

RULES = all_rules()


@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_every_variant_renders_in_both_languages(rule) -> None:
    assert set(rule.message) == {"zh", "en"}
    zh, en = rule.message["zh"], rule.message["en"]
    assert type(zh) is type(en)
    if isinstance(zh, dict):
        assert zh.keys() == en.keys()
    for variant in rule.variants():
        templates = rule.templates(variant)
        assert same_meaning(templates["zh"], templates["en"]), variant
        for lang in ("zh", "en"):
            args = {name: f"<{name}>" for name in template_fields(templates[lang])}
            rendered = rule.render_message(lang, {**args, "variant": variant})
            assert all(f"<{name}>" in rendered for name in args)


def same_meaning(zh: str, en: str) -> bool:
    """The same arguments, a per-language one (label_zh / label_en) counting as one."""
    return {f.removesuffix("_zh") for f in template_fields(zh)} == {
        f.removesuffix("_en") for f in template_fields(en)
    }


@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_variants_named_in_code_exist(rule) -> None:
    """Each literal ``variant="…"`` in the rule's module names a declared variant."""
    tree = ast.parse(inspect.getsource(inspect.getmodule(rule)))
    named: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "variant":
            named |= {
                leaf.value
                for leaf in ast.walk(node.value)
                if isinstance(leaf, ast.Constant) and isinstance(leaf.value, str)
            }
    assert named <= set(rule.variants())


def test_a_misspelt_variant_fails_where_the_finding_is_made(lint_text) -> None:
    from draftlint.engine import lint_document
    from draftlint.readers import read_bytes
    from draftlint.rules.web_residue import WebResidue

    class Misspelt(WebResidue):
        def check(self):
            paragraph = self.ctx.document.paragraphs[0]
            yield self.finding(paragraph, 0, 1, variant="lien", excerpt="x")

    with pytest.raises(KeyError, match="lien"):
        lint_document(read_bytes("甲\n".encode(), "a.txt"), [Misspelt])


def test_cli_words_exist_in_both_languages() -> None:
    assert TEXT["zh"].keys() == TEXT["en"].keys()
    for key, text in TEXT["zh"].items():
        fields = {name for _, name, _, _ in Formatter().parse(text) if name}
        assert fields == {name for _, name, _, _ in Formatter().parse(TEXT["en"][key]) if name}
