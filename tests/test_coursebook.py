"""The rendered course handed to packaging: pages as HTML, quiz data, links and ids made package-safe."""

from __future__ import annotations

import re

from builder.markdown.validate import check_content
from builder.outputs.coursebook import render_course
from conftest import REPO, dialect_of, new_project


def test_textbook_course_renders_in_every_language_without_answers_or_duplicate_ids():
    content, report = check_content(REPO, REPO / "content", dialect_of(REPO / "mkdocs.yml"))
    assert not report, report.sorted()
    course = next(c for c in content.courses if c.id == "textbook")
    documents = []
    for lang in ("kk", "ru", "en"):
        rendered = render_course(course, content, dialect_of(REPO / "mkdocs.yml"), lang)
        assert [p.path for p in rendered.pages] == course.pages
        assert rendered.graded == course.graded  # both in page order
        html = "".join(page.html for page in rendered.pages)
        assert "<noscript>" not in html and "ccd-quiz-summary" not in html
        assert 'href="introduction.md"' not in html and '.md"' not in html
        documents.append(html)
    ids = re.findall(r' id="([^"]+)"', "".join(documents))
    assert len(ids) == len(set(ids)) > 100


def test_links_inside_the_course_stay_inside_and_others_go_to_the_portal_or_become_text(tmp_path):
    project = new_project(tmp_path, overlays=("course",))
    (project.content_dir / "en" / "index.md").write_text(
        "---\ntitle: Home\n---\n# Home\n\n[Guide](guide/index.md#key-principles) and [top](#home).\n"
    )
    content, report = check_content(project.root, project.content_dir, dialect_of(project.config_file))
    assert not report, report.sorted()
    course = content.courses[0]
    course.pages = ["index.md"]
    html = render_course(course, content, dialect_of(project.config_file), "en").pages[0].html
    assert '<a href="#en-p1--home">top</a>' in html and "Guide and" in html.replace("<p>", "")
    html = (
        render_course(course, content, dialect_of(project.config_file), "en", portal_url="https://x.org/d/")
        .pages[0]
        .html
    )
    assert 'href="https://x.org/d/en/guide/#key-principles"' in html
