"""P001 placeholder: what it flags, what it leaves alone, the seeds, the JSON summary."""

from __future__ import annotations

import pytest
from tests.helpers.lint import findings_of, lint_json, run_lint, write_docx

from draftlint.model import Severity


def placeholders(lint_text, text: str, **options) -> list[str]:
    return [f.text for f in lint_text(text, select="P001", **options)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("年初召开X次会议，专题研讨X余次。", ["X", "X"]),
        ("协调XX单位做好保障。", ["XX"]),
        ("学习贯彻xxx关于民族工作的重要思想。", ["xxx"]),
        ("会议定于202X年X月X日召开。", ["X", "X", "X"]),
        ("×××同志任办公室主任。", ["×××"]),
        ("全年走访企业ＸＸ家。", ["ＸＸ"]),
        ("排查风险隐患*条，其中组织领导方面*条。", ["*", "*"]),
        ("**在县委、县政府正确领导下，各项工作有序推进。", ["**"]),
        ("撰写心得＊篇。", ["＊"]),
        ("○○同志负责联络，〇〇县配合。", ["○○", "〇〇"]),
        ("□□单位牵头落实。", ["□□"]),
        ("某某单位要高度重视。", ["某某"]),
        ("现将【单位名称】的情况报告如下。", ["【单位名称】"]),
        ("由【】负责，（ ）配合。", ["【】", "（ ）"]),
        ("请于［ ］日前报送。", ["［ ］"]),
        ("发文字号为〔文号〕。", ["〔文号〕"]),
        ("尊敬的{{姓名}}同志：", ["{{姓名}}"]),
        ("填报日期：____年__月。", ["____", "__"]),
        ("具体措施待补充。", ["待补充"]),
        ("此处填写工作成效。", ["此处填写"]),
        ("会议地点待定。", ["待定"]),
        ("TODO：补充上半年数据。", ["TODO"]),
    ],
)
def test_flags_placeholders(lint_text, text: str, expected: list[str]) -> None:
    assert placeholders(lint_text, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "医院新购X光机和X射线计算机断层扫描仪，配套x轴定位装置。",
        "X型支架、X形路口均已完工。",
        "仍在使用Windows XP的终端已全部淘汰。",
        "有的同志用iPhone X办理业务。",
        "借鉴SpaceX的组网思路。",
        "严禁在QQ群传送涉密文件。",
        "焊接工位按3×4布局，托盘尺寸为480毫米×140毫米，屏幕分辨率1920x1080。",
        "全面推行1+X证书制度。",
        "建成5G基站4,862个。",
        "二○二四年三月十五日",
        "二〇〇八年奥运会",
        "对某些问题和某种倾向要高度警惕，某项工作要抓紧。",
        "采用Linux系统，配置Xbox手柄，版本号为v1.x。",
        "计算公式为3*4=12。",
        "增长率*。",
        "*注：数据来源于县统计局。",
        "* * *",
        "**重点任务**：落实责任。",
        "调用f()函数处理数据。",
        "【工作动态】县委召开常委会。",
        "（试行）",
        "地址：文化路88号（县委党校）。",
    ],
)
def test_leaves_alone(lint_text, text: str) -> None:
    assert placeholders(lint_text, text) == []


def test_span_is_the_placeholder_itself(lint_text) -> None:
    (finding,) = lint_text("今年共组织开展X余次集体学习。", select="P001")
    assert (finding.text, finding.column, finding.end_column) == ("X", 8, 9)
    assert finding.effective_severity is Severity.ERROR
    assert "“X”" in finding.message("zh") and "X" in finding.message("en")


def test_anonymised_names_are_left_alone_unless_switched_on(lint_text) -> None:
    text = "被告人张某、李某某驾车逃逸，提高某项标准。"
    assert placeholders(lint_text, text) == []
    on = {"placeholder": {"anonymised_names": True}}
    found = lint_text(text, select="P001", settings=on)
    assert [(f.text, f.effective_severity) for f in found] == [
        ("张某", Severity.INFO),
        ("李某某", Severity.INFO),
    ]
    assert placeholders(lint_text, "本案当事人为王某", settings=on) == ["王某"]


# Shaped like published accident reports: people named by surname and 某某 or XX.
ACCIDENT_NAMES = (
    "班前会上，班长弋某某安排9人到工作面作业；仲某某、蔺某某在左帮。"
    "副总工程师祁XX带班下井，冯XX、薄XX在迎头支护，时X离开迎头取销子。"
)


def test_anonymised_names_in_an_accident_report(lint_text) -> None:
    assert placeholders(lint_text, ACCIDENT_NAMES) == []
    on = {"placeholder": {"anonymised_names": True}}
    found = placeholders(lint_text, ACCIDENT_NAMES, settings=on)
    assert found == ["弋某某", "仲某某", "蔺某某", "祁XX", "冯XX", "薄XX", "时X"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("共组织培训X次，参训X余人，完成XX项。", ["X", "X", "XX"]),  # X after a non-surname
        ("于10时X分到达现场。", ["X"]),  # 时 + X + 分: a number
        ("累计排查隐患XX处，涉及XX家企业。", ["XX", "XX"]),
        ("由XX单位牵头，向XX县通报。", ["XX", "XX"]),
        ("某某同志任组长。", ["某某"]),
    ],
)
def test_letters_after_ordinary_characters_are_still_placeholders(
    lint_text, text: str, expected: list[str]
) -> None:
    assert placeholders(lint_text, text) == expected


def test_a_model_code_is_not_a_placeholder(lint_text) -> None:
    text = "矿井安装了KJ83x（A）型安全监控系统和KZ90X型监测分站。"
    assert placeholders(lint_text, text) == []
    assert placeholders(lint_text, "安装监控分站3x台。") == ["x"]


def test_the_x_of_a_programme_explained(lint_text) -> None:
    text = "构建“1+N+X”政策体系，即1个总体方案、N个专项政策和X个配套措施。"
    assert placeholders(lint_text, text) == []


def test_footnote_star_switch(lint_text) -> None:
    text = "本年度完成率*。"
    assert placeholders(lint_text, text) == []
    strict = {"placeholder": {"allow_footnote_star": False}}
    assert placeholders(lint_text, text, settings=strict) == ["*"]


def test_markdown_emphasis_is_not_a_placeholder(lint_text) -> None:
    text = "**摘要：**全年召开会议X次，*注：不含视频会议*。\n\n**稳定增长。**落实**重点**任务。\n"
    assert placeholders(lint_text, text, suffix=".md") == ["X"]


@pytest.fixture(params=["txt", "docx"])
def as_file(request, seed, seed_docx):
    return seed if request.param == "txt" else seed_docx


def test_seed_000_each_x_placeholder_and_nothing_else(as_file) -> None:
    _, report = lint_json("--select", "P001", str(as_file("000")))
    found = findings_of(report, "P001")
    texts = [f["text"] for f in found]
    assert len(found) == 22
    assert texts.count("X") == 21 and texts.count("xxx") == 1
    assert all(f["severity"] == "error" for f in found)
    assert report["summary"]["placeholders"] == 22


def test_seed_001_each_star_placeholder(as_file) -> None:
    _, report = lint_json("--select", "P001", str(as_file("001")))
    assert [f["text"] for f in findings_of(report, "P001")] == ["*"] * 11


def test_seed_002_one_double_star(as_file) -> None:
    _, report = lint_json("--select", "P001", str(as_file("002")))
    found = findings_of(report, "P001")
    assert [f["text"] for f in found] == ["**"]
    assert found[0]["column"] == 9
    assert found[0]["location"] in ("第3行", "第2段")


def test_summary_counts_placeholders(tmp_path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "一、总体情况\n全年开展X次督查，发现问题*个，由【单位名称】整改。\n", encoding="utf-8"
    )
    code, report = lint_json(str(draft))
    assert report["summary"]["placeholders"] == 3
    assert report["summary"]["by_code"]["P001"] == 3
    assert code == 1
    clean = tmp_path / "clean.txt"
    clean.write_text("全年开展6次督查，发现问题12个。\n", encoding="utf-8")
    assert lint_json("--select", "P001", str(clean))[1]["summary"]["placeholders"] == 0


def test_docx_placeholder_in_a_real_word_file(tmp_path) -> None:
    path = write_docx(
        tmp_path / "report.docx", ["关于X县工作的报告", "共发放宣传册XX份，覆盖X光科室。"]
    )
    _, report = lint_json("--select", "P001", str(path))
    found = findings_of(report, "P001")
    assert [(f["text"], f["location"]) for f in found] == [
        ("X", "第1段"),
        ("XX", "第2段"),
    ]


def test_rule_page_documents_the_allow_list() -> None:
    page = run_lint("rule", "P001").stdout
    assert "placeholder" in page and "X光" in page


def test_blank_date_template_is_one_finding_per_blank(lint_text) -> None:
    found = lint_text("标题\n签订日期：____年__月__日。\n", select="P001")
    assert [f.text for f in found] == ["____", "__", "__"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[各单位]：\n", ["[各单位]"]),
        ("填表人：[姓名]\n", ["[姓名]"]),
        ("（插入活动照片）\n", ["（插入活动照片）"]),
        ("具体安排见下表（此处插入表格）。\n", ["（此处插入表格）"]),
        ("正文部分\n", ["正文部分"]),
        ("某县政府办公室文件\n某政办发〔2020〕号\n", ["〔2020〕号"]),
        ("某县人民政府\n        年  月  日\n", ["年  月  日"]),
        ("会议定于202X年召开。\n", ["X"]),
    ],
)
def test_flags_template_fields_and_unfilled_elements(lint_text, text, expected) -> None:
    assert [f.text for f in lint_text(text, select="P001")] == expected


@pytest.mark.parametrize(
    "text",
    [
        "当事人身份证号码为11010519900307123X。",
        "配备415X型装备。",
        "构建1+N+X制度体系，实施双尖双领+X工程。",
        "实施“数据要素×”三年行动计划。",
        "所属救援队伍代号用X代表消防救援、S代表森林消防。",
        "平均住院日=出院者占用总床日数/同期出院人数×100%。",
        "国务院有关部门（单位）和中央企业（单位）按职责分工负责。",
        "相关配套政策尚待完善，标准体系还有待完善。",
        "参考文献：[1] 王明.论公文写作[J].秘书工作,2020(3).",
        "某县人民政府\n2026年1月5日\n",
    ],
)
def test_leaves_ordinary_text_alone(lint_text, text) -> None:
    assert [f.text for f in lint_text(text + "\n", select="P001")] == []


def test_unfilled_elements_are_allowed_in_a_template(lint_text) -> None:
    text = "某政办发〔2020〕号\n        年  月  日\n"
    options = {"settings": {"placeholder": {"template_document": True}}}
    assert lint_text(text, select="P001", **options) == []


def test_a_lone_close_button_is_residue_not_a_placeholder(lint_text) -> None:
    found = lint_text("工作总结\n×\n今年完成X次检查。\n", select="P001,C002")
    assert [(f.code, f.text) for f in found] == [("C002", "×"), ("P001", "X")]


@pytest.mark.parametrize(
    "text",
    [
        "控制点的X坐标和Y坐标按国家大地坐标系填写。",
        "收治患者人天数＝出院患者人次数×出院患者平均住院天数。",
        "本年度消耗量/同期收治患者人天数×100。",
    ],
)
def test_coordinates_and_formulas_are_not_placeholders(lint_text, text) -> None:
    assert placeholders(lint_text, text + "\n") == []
    assert placeholders(lint_text, "由×局牵头落实。\n") == ["×"]


def test_an_x_column_head_in_a_table_is_not_a_placeholder(tmp_path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("控制点坐标")
    table = document.add_table(rows=2, cols=3)
    for column, head in enumerate(["点号", "X", "Y"]):
        table.cell(0, column).text = head
    for column, value in enumerate(["K1", "3512.6", "4820.1"]):
        table.cell(1, column).text = value
    document.add_paragraph("共开展X次检查。")
    path = tmp_path / "t.docx"
    document.save(str(path))
    _, report = lint_json("--select", "P001", str(path))
    assert [f["text"] for f in findings_of(report)] == ["X"]  # the one in the body text


def test_an_x_column_head_of_a_table_flattened_to_lines(lint_text) -> None:
    assert placeholders(lint_text, "界址点坐标\n点号\nX\nY\nA1\n13725.58\n103543.57\n") == []
    assert placeholders(lint_text, "共开展\nX\n次检查\n") == ["X"]


def _brackets_as_an_alternation():
    """The bracket pattern written as its two alternatives side by side."""
    import re

    from draftlint.resources import rule_data

    brackets = rule_data("placeholders")["brackets"]
    templates = "|".join(f"(?:{t})" for t in brackets["template"])
    opens = "[" + re.escape(brackets["open"]) + "]"
    closes = "[" + re.escape(brackets["close"]) + "]"
    return re.compile(
        f"{opens}(?:{brackets['blank']}|[ \u3000]*(?:{templates})[ \u3000]*){closes}"
        f"|\\[(?:{brackets['ascii_field']})\\]"
    )


_BRACKET_PIECES = ["【", "】", "（", "）", "(", ")", "[", "]", "{", "}", " ", "\u3000", "_",
                   "单位", "名称", "请填写", "插入", "照片", "各", "\n", "a"]  # fmt: skip


def test_the_bracket_pattern_finds_what_the_alternation_finds() -> None:
    """It opens with one class (found at C speed) and then asks which bracket it read."""
    import random

    from draftlint.rules.placeholder import compiled

    plain = _brackets_as_an_alternation()
    rng = random.Random(5)
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(_BRACKET_PIECES) for _ in range(rng.randint(0, 14)))
        expected = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in compiled().brackets.finditer(text)] == expected, text
        found += len(expected)
    assert found > 300


@pytest.mark.parametrize(
    "texts",
    [["某" * 3000, "X次检查某某单位", "**在县委"], ["某某" * 50, "甲乙丙" * 400, "XX年XX月"]],
)
def test_dense_and_sparse_candidates_give_the_same_placeholders(
    monkeypatch: pytest.MonkeyPatch, texts: list[str]
) -> None:
    """Where one may match in almost every character (某×3000), each pass scans the text
    itself instead of trying each place from Python: the same placeholders either way."""
    from draftlint.rules import placeholder

    answers = []
    for sparse in (1, 10**9):  # every place tried from Python; never
        monkeypatch.setattr(placeholder, "_SPARSE", sparse)
        answers.append(placeholder.scan(texts))
    assert answers[0] == answers[1] and answers[0]
