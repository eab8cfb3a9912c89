"""Every word the tool says outside rule messages, in Chinese by default and in English
with --lang en: one table, so a missing translation fails a test, not a run."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "zh": {
        "summary": "检查 {files} 个文件，发现 {findings} 个问题（错误 {error}，警告 {warning}，提示 {info}）",
        "placeholders": "；其中未替换的占位符 {count} 处",
        "clean": "检查 {files} 个文件，未发现问题",
        "unreadable": "{count} 个文件无法读取",
        "read_error": "{path}: 无法读取：{reason}",
        "no_files": "{path}: 目录中没有 .docx/.txt/.md 文件",
        "unknown_selector": "未知的规则或标签：{selector}（运行 lint rules 查看全部规则）",
        "unknown_rule": "未知的规则：{name}（运行 lint rules 查看全部规则）",
        "fix_hint": "建议改为",
        "fix_delete": "建议删除",
        "what": "作用",
        "why": "原因",
        "source": "依据",
        "bad": "示例（会被报告）",
        "good": "正确写法",
        "severity": "默认级别",
        "tags": "标签",
        "aliases": "别名",
        "fixable": "可自动修复",
        "automatic": "自动编号",
        "no_headings": "（未识别到编号标题）",
        "automatic_note": "（自动编号）",
        # lint profiles
        "profiles.bundled": "内置",
        "profiles.repository": "本仓库",
        "profiles.profiles-dir": "--profiles-dir",
        "profiles.overrides": "覆盖",
        "profiles.title": "标题",
        "profiles.sections": "必备章节",
        "profiles.elements": "必备要素",
        "profiles.priority": "优先级",
        # lint outline
        "outline.profile": "文种：{name}（{how}）",
        "outline.by_title": "据标题识别",
        "outline.forced": "由 --profile 指定",
        "outline.none": "未匹配到文种：不运行章节规则（S001–S005、S007；S006 仅对标题为报告、汇报的文稿运行）",
        "outline.none_forced": "--profile none：不检查必备章节和要素",
        "outline.missing": "缺少：{names}",
        "outline.elements": "要素：{names}",
    },
    "en": {
        "summary": "Checked {files} files: {findings} findings ({error} errors, {warning} warnings,"
        " {info} info)",
        "placeholders": "; {count} placeholders left in",
        "clean": "Checked {files} files: no findings",
        "unreadable": "{count} files could not be read",
        "read_error": "{path}: cannot read: {reason}",
        "no_files": "{path}: no .docx/.txt/.md files in this directory",
        "unknown_selector": "unknown rule or tag: {selector} (run `lint rules` to list them)",
        "unknown_rule": "unknown rule: {name} (run `lint rules` to list them)",
        "fix_hint": "suggested:",
        "fix_delete": "suggested: delete it",
        "what": "What it does",
        "why": "Why",
        "source": "Source",
        "bad": "Example (flagged)",
        "good": "Use instead",
        "severity": "Default severity",
        "tags": "Tags",
        "aliases": "Aliases",
        "fixable": "Fixable",
        "automatic": "automatic numbering",
        "no_headings": "(no numbered headings found)",
        "automatic_note": " (automatic numbering)",
        "profiles.bundled": "bundled",
        "profiles.repository": "repository",
        "profiles.profiles-dir": "--profiles-dir",
        "profiles.overrides": "overrides",
        "profiles.title": "title",
        "profiles.sections": "required sections",
        "profiles.elements": "required elements",
        "profiles.priority": "priority",
        "outline.profile": "Document type: {name} ({how})",
        "outline.by_title": "from the title",
        "outline.forced": "from --profile",
        "outline.none": "No document type matched: the section rules do not run (S001–S005, S007;"
        " S006 only where the title ends in 报告 or 汇报)",
        "outline.none_forced": "--profile none: required sections and elements are not checked",
        "outline.missing": "Missing: {names}",
        "outline.elements": "Elements: {names}",
    },
}


def t(lang: str, key: str, **args: object) -> str:
    table = TEXT.get(lang, TEXT["zh"])
    return table[key].format(**args)
