"""What each edition shows of the assessments: shuffled options, graded questions kept private."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from builder.markdown.quiz.html import render_quiz
from builder.markdown.quiz.strings import strings
from builder.model.quiz.model import QuizBlock, parse_quiz
from builder.outputs.banks.gift import bank_gift
from builder.outputs.banks.moodle_xml import question_xml
from builder.outputs.print_edition import printed_quiz

FIXED = """id: fixed-1
type: multiple
question: Which of these are principles of mediation?
options:
  - text: Voluntariness
    correct: true
    feedback: Yes.
  - text: Confidentiality
    correct: true
    feedback: Yes.
  - text: Compulsory attendance
    feedback: No.
  - text: All of the above
    fixed: true
    feedback: No, not all.
"""


def fixed_quiz():
    quiz, problems = parse_quiz(QuizBlock(1, FIXED), Path("x.md"), "en")
    assert not problems
    return quiz


def test_every_edition_shows_the_options_in_the_same_order():
    quiz = fixed_quiz()
    shown = [option.text for _, option in quiz.shown_options()]
    assert shown[-1] == "All of the above"
    portal = lxml_html.fromstring(render_quiz(quiz, strings("en")))
    assert [label.text_content() for label in portal.cssselect("label")] == shown
    # the input's value stays the authored index: hashes and LMS responses do not depend on the order
    assert [int(i.get("value")) for i in portal.cssselect("input")] == [i for i, _ in quiz.shown_options()]
    printed = lxml_html.fromstring(printed_quiz(quiz, "en"))
    assert [li.text_content() for li in printed.cssselect("li")] == shown


def test_a_fixed_option_turns_off_moodles_shuffling_and_keeps_out_of_gift():
    quiz = fixed_quiz()
    xml = question_xml({"kk": quiz, "ru": quiz, "en": quiz}, "en")
    assert "<shuffleanswers>false</shuffleanswers>" in xml
    answers = [part.split("]]>")[0] for part in xml.split("<![CDATA[")[1:]]
    assert [a for a in answers if a in {o.text for o in quiz.options}] == [o.text for _, o in quiz.shown_options()]

    class Course:
        id, title, pages = "c", {"en": "C"}, ["p.md"]

    class Content:
        page_quizzes = {("en", "p.md"): [quiz]}

        @staticmethod
        def page(lang, path):
            return type("Page", (), {"title": "P"})()

    gift = bank_gift(Course, Content, "en")
    assert "::fixed-1::" not in gift and "// fixed-1: left out" in gift


@pytest.mark.slow  # needs the real site built (built_site)
def test_the_portal_withholds_every_graded_question(built_site: Path, content):
    graded = {quiz_id: course for course in content.courses for quiz_id in course.graded}
    assert graded
    notes = 0
    for lang, prefix in (("kk", ""), ("ru", "ru/"), ("en", "en/")):
        for html in (built_site / prefix).rglob("*.html") if prefix else built_site.glob("[!re]*/**/*.html"):
            text = html.read_text(encoding="utf-8")
            for quiz_id in graded:
                assert f'data-quiz="{quiz_id}"' not in text, (html, quiz_id)
            notes += text.count("ccd-quiz-assessed")
        for course in content.courses:
            path = content.quizzes[lang][course.graded[0]].page  # a page holding graded questions
            page = built_site / prefix / Path(path).with_suffix("") / "index.html"
            note = lxml_html.fromstring(page.read_text(encoding="utf-8")).cssselect(".ccd-quiz-assessed")
            assert note and course.title[lang] in note[0].text_content()
    assert notes >= len(graded) // 2


def test_the_packages_still_carry_the_graded_questions(content):
    from builder.outputs.coursebook import render_course
    from conftest import REPO, dialect_of

    course = next(c for c in content.courses if c.id == "mediation")
    rendered = render_course(course, content, dialect_of(REPO / "mkdocs.yml"), "kk")
    html = "".join(page.html for page in rendered.pages)
    for quiz_id in course.graded:
        assert f'data-quiz="{quiz_id}"' in html
    assert "<noscript>" not in html
