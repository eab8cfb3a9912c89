from draftlint.numbering.outline import Problem
from draftlint.numbering.verdicts import heading_problems
from draftlint.rule import Rule


class NumberingRepeat(Rule):
    code = "N002"
    fix_tier = "unsafe"
    name = "numbering-repeat"
    tags = ("numbering",)
    summary = {"zh": "序号重复", "en": "Numbering repeats a number"}
    message = {
        "zh": "序号重复：“{marker}”已经用过，此处应为“{expected}”{auto}",
        "en": "Numbering repeats: “{marker}” was already used; this should be “{expected}”{auto}",
    }
    why = {
        "zh": "同级序号不能重复。重复多是复制段落后忘记改号，会让“第几部分”的引用出错。",
        "en": "A sibling number must not repeat. A repeat is usually a copied section that kept"
        " its number, and it breaks every reference to the sections.",
    }
    source = "GB/T 9704-2012 7.3.3"
    example_bad = "一、总体情况\n二、具体工作\n三、存在问题\n三、下一步工作打算\n"
    example_good = "一、总体情况\n二、具体工作\n三、存在问题\n四、下一步工作打算\n"

    def check(self):
        return heading_problems(self, Problem.REPEAT)
