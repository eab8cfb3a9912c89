"""analysis.punctuation.anywhere_spans: the paragraph-scope protected patterns, tried at
offset 0 only when anchored there, find exactly what the whole alternation finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.helpers.lint import SEEDS

from draftlint.analysis.punctuation import anywhere_spans, compiled
from draftlint.analysis.regex_shape import anchored_at_start as _anchored

# The characters the patterns read: backquotes, GB/T 7714 type codes and a newline.
texts = st.text(alphabet=st.sampled_from("`[]EBOL/JM.中文 \n"), max_size=40)


def reference(text: str) -> list[tuple[int, int]]:
    anywhere = compiled().protected_anywhere
    return [] if anywhere is None else [m.span() for m in anywhere.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(texts)
def test_same_as_the_whole_alternation(text: str) -> None:
    assert anywhere_spans(text) == reference(text)


def test_same_on_real_text() -> None:
    lines = [
        "张三.公文写作规范[M].北京:人民出版社,2020:12.",
        "文献[EB/OL].(2022-10-07)[2023-01-05].https://example.com 引用见`代码`和`另一段`。",
        "`开头就是代码`[J]后面",
        "普通段落，没有代码。",
    ]
    for path in sorted(SEEDS.glob("*.txt")):
        lines += path.read_text(encoding="utf-8").splitlines()
    assert any(reference(line) for line in lines)
    for line in lines:
        assert anywhere_spans(line) == reference(line)


def test_anchored() -> None:
    assert _anchored("^.*x$") and _anchored(r"\Ax") and _anchored("^(?:a|b)")
    assert not _anchored("^a|b") and not _anchored("(?m)^a") and not _anchored("a^")
