from draftlint.numbering.outline import Problem
from draftlint.numbering.verdicts import heading_problems
from draftlint.rule import Rule


class NumberingSkip(Rule):
    code = "N001"
    fix_tier = "unsafe"
    name = "numbering-skip"
    tags = ("numbering",)
    summary = {"zh": "序号跳号", "en": "Numbering skips a number"}
    message = {
        "zh": "序号跳号：“{marker}”前缺少“{expected}”{auto}",
        "en": "Numbering skips: “{expected}” is missing before “{marker}”{auto}",
    }
    why = {
        "zh": "同级序号应连续。跳号通常是删改段落后没有重新编号，读者会以为漏掉了内容。",
        "en": "Siblings are numbered consecutively. A skip usually means a section was deleted"
        " without renumbering, and readers assume content is missing.",
    }
    source = "GB/T 9704-2012 7.3.3"
    example_bad = "一、总体情况\n三、存在问题\n"
    example_good = "一、总体情况\n二、存在问题\n"

    def check(self):
        return heading_problems(self, Problem.SKIP)
