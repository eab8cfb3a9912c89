"""JUnit XML: one testsuite per file, one failing testcase per finding (Jenkins, GitLab)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from draftlint.report import FileResult


def render_junit(results: list[FileResult], lang: str) -> str:
    root = ET.Element("testsuites", name="draftlint")
    total = failures = errors = 0
    for result in results:
        suite = ET.SubElement(root, "testsuite", name=result.path)
        if result.error is not None:
            case = ET.SubElement(suite, "testcase", name="read", classname=result.path)
            ET.SubElement(
                case, "error", message=result.error, type="read-error"
            ).text = result.error
            suite.attrib.update(tests="1", failures="0", errors="1")
            total, errors = total + 1, errors + 1
            continue
        for finding in result.findings:
            name = f"{finding.code} {finding.rule.name} {finding.line}:{finding.column}"
            case = ET.SubElement(suite, "testcase", name=name, classname=result.path)
            message = finding.message(lang)
            failure = ET.SubElement(case, "failure", message=message, type=finding.code)
            failure.text = (
                f"{result.path}:{finding.line}:{finding.column}: {finding.code} "
                f"{finding.effective_severity.value} {message}\n{finding.paragraph.location}"
            )
        if not result.findings:  # a clean file is one passing test, so it is counted
            ET.SubElement(suite, "testcase", name="draftlint", classname=result.path)
        count = max(1, len(result.findings))
        suite.attrib.update(tests=str(count), failures=str(len(result.findings)), errors="0")
        total, failures = total + count, failures + len(result.findings)
    root.attrib.update(tests=str(total), failures=str(failures), errors=str(errors))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
