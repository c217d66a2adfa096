"""Moodle XML: one <question> per quiz id, categories per page, multilang spans or one language.

Fractions come from Moodle's list of allowed grades, so the importer accepts them: a `multiple`
question's right answers share 100 %, its wrong answers share -100 %, so ticking every box scores 0.
The document is built with lxml. HTML texts go in CDATA sections, as Moodle's own export writes them
(readable in a text editor); Moodle's importer, an XML parser, reads them as it reads escaped text.
"""

from __future__ import annotations

from lxml import etree

from builder.model.languages import LANGUAGE_CODES
from builder.model.quiz.types import QUIZ_TYPES
from builder.model.quiz.types.moodle import Texts, as_html, child, fraction, html_text, multilang, text_element  # noqa: F401


def category_path(course_titles: dict, page_titles: dict, lang: str | None) -> str:
    def part(titles: dict) -> str:
        if lang:
            return titles[lang].replace("/", "//")
        return multilang({code: as_html(titles[code]).replace("/", "//") for code in LANGUAGE_CODES})

    return f"$course$/{part(course_titles)}/{part(page_titles)}"


def question_element(versions: dict, lang: str | None) -> etree._Element:
    quiz = versions[lang or LANGUAGE_CODES[0]]
    texts = Texts(versions, lang)
    question = etree.Element("question")
    child(child(question, "name"), "text", quiz.id)
    text_element(question, "questiontext", texts.join(lambda q: q.question))
    text_element(question, "generalfeedback", texts.join(lambda q: q.explanation))
    child(question, "defaultgrade", "1")
    child(question, "penalty", "0.3333333")
    child(question, "hidden", "0")
    child(question, "idnumber", quiz.id)
    kind = QUIZ_TYPES[quiz.type]
    kind.moodle_question(question, versions, lang, texts)
    question.set("type", kind.moodle_type)
    return question


def question_xml(versions: dict, lang: str | None) -> str:
    return etree.tostring(question_element(versions, lang), encoding="unicode")


def bank_xml(course, content, lang: str | None) -> str:
    """The whole bank of one course: categories per page, then its questions, in course order."""
    quiz_root = etree.Element("quiz")
    for path in course.pages:
        quizzes = content.page_quizzes.get((LANGUAGE_CODES[0], path), [])
        if not quizzes:
            continue
        page_titles = {code: content.page(code, path).title for code in LANGUAGE_CODES}
        category = child(quiz_root, "question", type="category")
        child(child(category, "category"), "text", category_path(course.title, page_titles, lang))
        for quiz in quizzes:
            versions = {code: content.quizzes[code][quiz.id] for code in LANGUAGE_CODES}
            quiz_root.append(question_element(versions, lang))
    return etree.tostring(quiz_root, encoding="UTF-8", xml_declaration=True, pretty_print=True).decode("utf-8")
