"""`--format html`: a self-contained report, opened in a real headless Chromium (Debian's
chromium driven by playwright; skipped cleanly where either is absent)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.helpers.lint import SEED_NAMES, findings_of, lint_json, run_lint

HOSTILE = (
    "关于工作的报告\n"
    "一、<script>window.__pwned=1;alert(1)</script>总体情况,良好\n"
    '二、"><img src=x onerror="window.__pwned=2;alert(2)">存在问题,共X次\n'
)


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture
def drafts(seed, tmp_path: Path) -> list[str]:
    paths = [str(seed(name)) for name in SEED_NAMES]
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    return [*paths, str(hostile)]


def test_report_is_one_escaped_self_contained_file(drafts: list[str], tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    completed = run_lint("--format", "html", "--output-file", str(report), *drafts)
    assert completed.returncode == 1, completed.stderr
    html = report.read_text(encoding="utf-8")
    assert html.count("<script") == 1  # ours only, inline
    assert "<img" not in html and "window.__pwned=1;alert(1)&lt;/script&gt;" in html
    assert "&lt;script&gt;" in html and "&quot;&gt;&lt;img" in html
    for external in ("http://", "https://", 'src="', "<link", "@import", "url("):
        assert external not in html.replace("src=x", "")
    assert "检查报告" in html and 'lang="zh-CN"' in html
    _, data = lint_json(*drafts)
    assert f'<span id="total-count">{data["summary"]["findings"]}</span>' in html
    assert html.count('<tr class="finding"') == data["summary"]["findings"]
    english = tmp_path / "en.html"
    run_lint("--format", "html", "--lang", "en", "--output-file", str(english), *drafts)
    assert "draftlint report" in english.read_text(encoding="utf-8")


def test_report_in_headless_chromium(drafts: list[str], tmp_path: Path) -> None:
    executable = _chromium()
    if executable is None:
        pytest.skip("Debian's chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    report = tmp_path / "report.html"
    run_lint("--format", "html", "--output-file", str(report), *drafts)
    _, data = lint_json(*drafts)
    total = data["summary"]["findings"]
    placeholders = len(findings_of(data, "P001"))
    assert 0 < placeholders < total
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True,
                                             args=["--no-sandbox"])  # fmt: skip
        try:
            page = browser.new_page()
            dialogs: list[str] = []
            requests: list[str] = []
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.on("request", lambda request: requests.append(request.url))
            page.goto(report.as_uri())
            page.wait_for_load_state("load")
            assert page.text_content("#total-count") == str(total)
            assert page.text_content("#visible-count") == str(total)
            rows = page.locator("tr.finding")
            assert rows.count() == total
            page.locator("input.filter-rule[value='P001']").click()
            assert page.text_content("#visible-count") == str(total - placeholders)
            assert page.locator("tr.finding[data-code='P001']").first.is_hidden()
            assert page.locator("tr.finding:not([data-code='P001'])").first.is_visible()
            page.locator("input.filter-severity[value='warning']").click()
            warnings = sum(1 for f in findings_of(data) if f["severity"] == "warning"
                           and f["code"] != "P001")  # fmt: skip
            assert page.text_content("#visible-count") == str(total - placeholders - warnings)
            # The hostile draft shows its text and runs nothing.
            body = page.text_content("body") or ""
            assert "<script>window.__pwned=1;alert(1)</script>" in body
            assert '"><img src=x onerror="window.__pwned=2;alert(2)">' in body
            assert page.evaluate("window.__pwned") is None
            assert dialogs == []
            assert page.locator("section.file img").count() == 0
            assert requests == [report.as_uri()]  # nothing fetched from anywhere
            assert page.locator(".outline .flag").count() > 0  # findings marked on headings
        finally:
            browser.close()
