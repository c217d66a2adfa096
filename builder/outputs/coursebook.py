"""The rendered course: a course's pages as HTML in one language, with its quiz data — the neutral
input of the packaging stage (scorm/), which knows nothing about mkdocs or Markdown.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from lxml import html as lxml_html

from builder.markdown.dialect import Dialect, make_markdown
from builder.markdown.language_model import language_model
from builder.model.content import Content
from builder.model.courses import Course
from builder.model.languages import language
from builder.outputs.interactions import INTERACTION_TYPES, correct_pattern


@dataclass
class RenderedPage:
    path: str  # as in the course definition, e.g. "textbook/introduction.md"
    anchor: str  # id of the page in the package, e.g. "p3"
    title: str
    html: str


@dataclass
class RenderedCourse:
    id: str
    lang: str
    title: str
    description: str
    pass_mark: int
    pages: list[RenderedPage] = field(default_factory=list)
    quizzes: list = field(default_factory=list)  # builder.model.quiz.model.Quiz, in page order
    graded: list[str] = field(default_factory=list)  # quiz ids of the final assessment, in page order
    # per quiz, in page order: id, type, graded, interaction type, SCORM 2004 pattern, description
    interactions: list[dict] = field(default_factory=list)


REFERENCE_ATTRIBUTES = ("for", "aria-labelledby", "aria-describedby", "aria-controls", "list")


def page_anchor(lang: str, index: int) -> str:
    return f"{lang}-p{index + 1}"


def relink(html: str, page_path: str, anchors: dict[str, str], portal_url: str | None) -> str:
    """Make one page's HTML live beside the others in one document.

    Every id gets the page's anchor as prefix (headings such as "Summary" repeat from page to page,
    and a multilingual package holds each page three times), and so does every reference to an id.
    Links between the course's pages point inside the package; others go to the portal, or become text.
    """
    if not html.strip():
        return html
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    prefix = anchors[page_path] + "--"
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.get("id"):
            element.set("id", prefix + element.get("id"))
        for attribute in REFERENCE_ATTRIBUTES:
            if element.get(attribute):
                element.set(attribute, " ".join(prefix + ref for ref in element.get(attribute).split()))
    for link in root.iter("a"):
        href = link.get("href") or ""
        parts = urlsplit(href)
        if href.startswith("#"):
            link.set("href", "#" + prefix + href[1:])
            continue
        if parts.scheme or parts.netloc or not parts.path or not parts.path.endswith(".md"):
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), parts.path))
        if target in anchors:
            link.set("href", f"#{anchors[target]}" + (f"--{parts.fragment}" if parts.fragment else ""))
            link.set("data-page", anchors[target])
        elif portal_url:
            url = target[: -len("index.md")] if target.endswith("index.md") else target[:-3] + "/"
            link.set("href", portal_url.rstrip("/") + "/" + url + (f"#{parts.fragment}" if parts.fragment else ""))
            link.set("target", "_blank")
            link.set("rel", "noopener")
        else:
            link.drop_tag()  # a page the package does not hold: keep the words, drop the dead link
    return "".join(lxml_html.tostring(child, encoding="unicode") for child in root) if len(root) else (root.text or "")


def render_course(
    course: Course, content: Content, dialect: Dialect, lang: str, portal_url: str | None = None
) -> RenderedCourse:
    # no plain answers, no portal summary, and the final assessment's feedback sealed until answered
    md = make_markdown(
        dialect, lang, language_model(content, lang), reveal=False, summary=False, sealed=list(course.graded)
    )
    anchors = {path: page_anchor(lang, i) for i, path in enumerate(course.pages)}
    if portal_url:
        portal_url = portal_url.rstrip("/") + "/" + language(lang).url_prefix
    rendered = RenderedCourse(
        course.id, lang, course.title.get(lang, course.id), course.description.get(lang, ""), course.pass_mark
    )
    for path in course.pages:
        page = content.page(lang, path)
        md.reset()
        md.ccd_context = replace(md.ccd_context, page=path)
        body = md.convert(page.body)
        rendered.pages.append(RenderedPage(path, anchors[path], page.title, relink(body, path, anchors, portal_url)))
        rendered.quizzes += content.page_quizzes.get((lang, path), [])
    graded = set(course.graded)
    rendered.graded = [quiz.id for quiz in rendered.quizzes if quiz.id in graded]
    rendered.interactions = [reported_quiz(quiz, quiz.id in graded) for quiz in rendered.quizzes]
    return rendered


def reported_quiz(quiz, graded: bool) -> dict:
    """How the package reports one quiz to the LMS — neutral data for scorm/, which knows no quiz model."""
    return {
        "id": quiz.id,
        "type": quiz.type,
        "graded": graded,
        "interaction": INTERACTION_TYPES[quiz.type],
        "pattern": correct_pattern(quiz),
        "description": quiz.question,
    }
