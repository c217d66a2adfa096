"""Course definitions (content/courses/*.yml): language-neutral lists of pages, graded quizzes and a pass mark.

id: mediation                      # ASCII; names the packages
title: {kk: …, ru: …, en: …}
description: {kk: …, ru: …, en: …}
pass_mark: 70                      # percent of the graded questions, 1–100
pages:                             # in order; paths relative to content/<lang>/
  - mediation/index.md
  - mediation/what-is-mediation.md
graded:                            # quiz ids that make the final assessment; every other quiz
  - md-principles-01               # on the pages is an ungraded self-check
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from builder.model.content import Content
from builder.model.data import DataReader
from builder.model.errors import ErrorReport
from builder.model.languages import LANGUAGE_CODES

COURSE_KEYS = ("id", "title", "description", "pass_mark", "pages", "graded")
COURSE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,40}$")


@dataclass
class Course:
    id: str
    source: Path
    title: dict[str, str] = field(default_factory=dict)
    description: dict[str, str] = field(default_factory=dict)
    pass_mark: int = 0
    pages: list[str] = field(default_factory=list)
    graded: list[str] = field(default_factory=list)

    def quizzes(self, content: Content, lang: str) -> list:
        """Every quiz of the course's pages in this language, in page order."""
        return [quiz for path in self.pages for quiz in content.page_quizzes.get((lang, path), [])]


def load_course(path: Path, content: Content, report: ErrorReport) -> Course | None:
    reader = DataReader(path, report)
    reported = len(report.errors)
    root = reader.load()
    if root is None:
        if path.is_file() and len(report.errors) == reported:  # empty, or comments only: not silently no course
            report.add(
                path,
                1,
                f"the course definition is empty; a course is a mapping with: {', '.join(COURSE_KEYS)}",
                code="course.format",
            )
        return None
    if not isinstance(root, yaml.MappingNode):
        reader.error(root, f"a course definition is a mapping with: {', '.join(COURSE_KEYS)}", code="course.format")
        return None
    values = reader.mapping(root)
    for key in sorted(set(values) - set(COURSE_KEYS)):
        key_node = next(k for k, _ in root.value if str(k.value) == key)
        reader.error(
            key_node,
            f"unknown course key '{key}'; allowed keys are: {', '.join(COURSE_KEYS)}",
            code="course.unknown-key",
        )
    for key in COURSE_KEYS:
        if key not in values:
            reader.error(root, f"the course has no '{key}'", code="course.missing-key")
    course_id = reader.scalar(values["id"]) if "id" in values else path.stem
    if not isinstance(course_id, str) or not COURSE_ID.match(course_id):
        reader.error(
            values.get("id", root),
            "'id' must be lowercase ASCII letters, digits and '-', e.g. 'mediation'",
            code="course.bad-id",
        )
        course_id = path.stem
    course = Course(str(course_id), path)
    if "title" in values:
        course.title = reader.languages(values["title"], root, "'title'")
    if "description" in values:
        course.description = reader.languages(values["description"], root, "'description'")
    if "pass_mark" in values:
        mark = reader.scalar(values["pass_mark"])
        if isinstance(mark, bool) or not isinstance(mark, int) or not 1 <= mark <= 100:
            reader.error(
                values["pass_mark"],
                f"'pass_mark' is the percentage needed to pass, a whole number from "
                f"1 to 100; got {getattr(values['pass_mark'], 'value', mark)!r}",
                code="course.pass-mark",
            )
        else:
            course.pass_mark = mark
    known_pages = content.all_paths()
    for node in sequence(reader, values.get("pages"), "pages"):
        page = reader.scalar(node)
        if page not in known_pages:
            reader.error(
                node,
                f"unknown page '{page}': no content/<lang>/{page} exists "
                "(paths are relative to the language folder, e.g. 'mediation/index.md')",
                code="course.unknown-page",
            )
        elif page in course.pages:
            reader.error(node, f"page '{page}' is listed twice", code="course.duplicate-page")
        else:
            course.pages.append(page)
    on_pages = {quiz.id for path in course.pages for quiz in content.page_quizzes.get((LANGUAGE_CODES[0], path), [])}
    for node in sequence(reader, values.get("graded"), "graded"):
        quiz_id = reader.scalar(node)
        if quiz_id in course.graded:
            reader.error(node, f"quiz '{quiz_id}' is listed twice", code="course.duplicate-quiz")
        elif quiz_id not in on_pages:
            elsewhere = next(
                (q for lang in LANGUAGE_CODES for q in [content.quizzes.get(lang, {}).get(quiz_id)] if q), None
            )
            hint = f"it is on {elsewhere.page}, which the course does not list" if elsewhere else "no page defines it"
            reader.error(node, f"unknown quiz id '{quiz_id}' for this course: {hint}", code="course.unknown-quiz")
        else:
            course.graded.append(quiz_id)
    return course


def sequence(reader: DataReader, node, name: str) -> list:
    if node is None:
        return []
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        reader.error(node, f"'{name}' must be a non-empty list ('- …')", code="course.empty-list")
        return []
    return node.value


def load_courses(content: Content, report: ErrorReport) -> list[Course]:
    folder = content.root / "courses"
    courses = [course for path in sorted(folder.glob("*.yml")) if (course := load_course(path, content, report))]
    seen: dict[str, Course] = {}
    for course in courses:
        if course.id in seen:
            report.add(
                course.source,
                1,
                f"course id '{course.id}' is also used by {report.relative(seen[course.id].source)}",
                code="course.duplicate-id",
            )
        seen[course.id] = course
    return courses
