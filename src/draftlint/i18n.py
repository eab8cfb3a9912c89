"""The CLI's own words, in Chinese by default and in English with --lang en."""

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
    },
}


def t(lang: str, key: str, **args: object) -> str:
    table = TEXT.get(lang, TEXT["zh"])
    return table[key].format(**args)
