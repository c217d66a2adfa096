"""Quality gates on the real built site, all three languages: the Nu Html Checker, lychee, Lighthouse.

Each gate is also shown able to fail, on a small site with a known fault.
"""

from __future__ import annotations

import json

import pytest

from builder.audit.html_check import check_html
from builder.audit.lighthouse import THRESHOLD
from builder.audit.link_check import check_links
from builder.audit.run import audit_site, lighthouse_paths
from builder.audit.tools import Tools
from builder.model.languages import LANGUAGES
from conftest import REPO

TOOLS = Tools(REPO)


@pytest.mark.slow  # the Nu Html Checker (Java) reads every page
def test_the_html_checker_reports_no_error(built_site):
    assert check_html(built_site, TOOLS) == []
    for lang in LANGUAGES:  # every language was checked, not only the root
        assert (built_site / lang.url_prefix / "textbook" / "introduction" / "index.html").is_file()


@pytest.mark.slow  # starts Java
def test_the_html_checker_names_file_and_line_of_an_error(tmp_path):
    (tmp_path / "ok.html").write_text("<!doctype html><html lang=en><title>t</title><p>fine</p></html>")
    (tmp_path / "bad.html").write_text(
        '<!doctype html><html lang=en><title>t</title>\n<p>one</p>\n<meta name=description content="a "b"">\n'
    )
    problems = check_html(tmp_path, TOOLS)
    assert problems and {problem.file for problem in problems} == {"bad.html"}
    assert problems[0].line == 3


@pytest.mark.slow  # needs the real site built (built_site)
def test_no_broken_link_or_anchor(built_site):
    problems, checked = check_links(built_site, TOOLS)
    assert problems == []
    assert checked > 5000  # every page's links, not an empty run


def test_the_link_checker_finds_missing_pages_anchors_and_folder_indexes(tmp_path):
    (tmp_path / "target.html").write_text('<!doctype html><html><body><h2 id="here">x</h2></body></html>')
    (tmp_path / "empty-folder").mkdir()
    (tmp_path / "index.html").write_text(
        '<!doctype html><html><body>\n<a href="target.html#here">ok</a>\n<a href="target.html#gone">anchor</a>\n'
        '<a href="missing.html">page</a>\n<a href="empty-folder/">folder</a>\n</body></html>'
    )
    problems, _ = check_links(tmp_path, TOOLS)
    assert len(problems) == 3, problems
    assert {(problem.file, problem.line) for problem in problems} == {
        ("index.html", 3),
        ("index.html", 4),
        ("index.html", 5),
    }
    messages = " ".join(problem.message for problem in problems)
    assert "#gone" in messages and "missing.html" in messages and "empty-folder" in messages


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.lighthouse
def test_lighthouse_mobile_scores_on_home_and_chapter_pages(built_site):
    """Performance, accessibility, best practices and SEO at least 0.95; reports left in dist/reports/."""
    reports = built_site.parent / "dist" / "reports"
    summary = audit_site(REPO, built_site, reports, gates=("lighthouse",), progress=lambda message: None)
    pages = summary["lighthouse"]["pages"]
    assert [page["path"] for page in pages] == ["/" + path for path in lighthouse_paths()]
    low = {
        page["path"]: page["scores"] for page in pages if any(score < THRESHOLD for score in page["scores"].values())
    }
    assert low == {}
    saved = json.loads((reports / "summary.json").read_text(encoding="utf-8"))
    assert saved["passed"] is True
    for page in pages:
        assert (reports / page["report"]).stat().st_size > 10_000
    assert "| /en/textbook/introduction/ |" in (reports / "summary.md").read_text(encoding="utf-8")
