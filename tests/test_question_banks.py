"""Question banks read back the way Moodle's importers read them: counts per type, fractions, texts."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
from lxml import etree

from builder.model.quiz.model import QuizBlock, parse_quiz
from builder.outputs.banks.gift import gift_escape
from builder.outputs.banks.moodle_xml import fraction, html_text, question_xml

MOODLE_TYPES = {
    "single": "multichoice",
    "multiple": "multichoice",
    "truefalse": "truefalse",
    "text": "shortanswer",
    "match": "matching",
    "order": "ordering",
}
# the grades Moodle's XML importer accepts for an answer (question/format.php, grade options)
ALLOWED_FRACTIONS = {
    100,
    90,
    83.33333,
    80,
    75,
    70,
    66.66667,
    60,
    50,
    40,
    33.33333,
    30,
    25,
    20,
    16.66667,
    14.28571,
    12.5,
    11.11111,
    10,
    5,
    0,
}


@pytest.fixture(scope="module")
def banks(built_site):
    return built_site.parent / "dist" / "moodle"


def read_moodle_xml(path):
    """Like Moodle's qformat_xml: every <question> but categories, with its name, type, texts, answers."""
    return read_moodle_xml_text(Path(path).read_text(encoding="utf-8"))


def read_moodle_xml_text(text: str):
    root = etree.fromstring(text.encode("utf-8"))
    assert root.tag == "quiz"
    questions, category = [], None
    for node in root.iterfind("question"):
        kind = node.get("type")
        if kind == "category":
            category = node.findtext("category/text")
            continue
        answers = [
            (float(a.get("fraction")), a.findtext("text"), a.findtext("feedback/text")) for a in node.iterfind("answer")
        ]
        subquestions = [(s.findtext("text"), s.findtext("answer/text")) for s in node.iterfind("subquestion")]
        questions.append(
            {
                "type": kind,
                "name": node.findtext("name/text"),
                "category": category,
                "text": node.findtext("questiontext/text"),
                "general": node.findtext("generalfeedback/text"),
                "single": node.findtext("single"),
                "answers": answers,
                "subquestions": subquestions,
            }
        )
    return questions


def spans(html: str) -> dict:
    return {
        lang: unescape(text) for lang, text in re.findall(r'<span lang="(\w+)" class="multilang">(.*?)</span>', html)
    }


def course_quizzes(content, course, lang="kk"):
    return [q for path in course.pages for q in content.page_quizzes.get((lang, path), [])]


@pytest.mark.parametrize("lang", ["kk", "ru", "en", None])
@pytest.mark.slow  # needs the real site built (built_site)
def test_every_quiz_becomes_one_question_of_its_type_with_its_text(content, banks, lang):
    for course in content.courses:
        name = f"{course.id}.{lang}.xml" if lang else f"{course.id}.xml"
        questions = read_moodle_xml(banks / name)
        quizzes = course_quizzes(content, course, lang or "kk")
        assert [q["name"] for q in questions] == [quiz.id for quiz in quizzes]
        for question, quiz in zip(questions, quizzes, strict=False):
            assert question["type"] == MOODLE_TYPES[quiz.type]
            assert question["category"].startswith("$course$/")
            if lang:
                assert unescape(question["text"]) == quiz.question
                assert unescape(question["general"] or "") == quiz.explanation
            else:
                texts = spans(question["text"])
                assert texts == {code: content.quizzes[code][quiz.id].question for code in ("kk", "ru", "en")}
            if quiz.type in ("single", "multiple"):
                assert question["single"] == ("true" if quiz.type == "single" else "false")
                right = [a for a in question["answers"] if a[0] > 0]
                assert abs(sum(a[0] for a in right) - 100) < 0.01
                assert len(right) == sum(o.correct for o in quiz.options)
                assert all(
                    abs(abs(a[0]) - min(ALLOWED_FRACTIONS, key=lambda f: abs(f - abs(a[0])))) < 1e-4
                    for a in question["answers"]
                )
                if quiz.type == "multiple":  # ticking every box must not score
                    assert abs(sum(a[0] for a in question["answers"])) < 0.01
                if lang:
                    assert [unescape(a[1]) for a in question["answers"]] == [o.text for _, o in quiz.shown_options()]
                    assert [unescape(a[2] or "") for a in question["answers"]] == [
                        o.feedback for _, o in quiz.shown_options()
                    ]
            elif quiz.type == "truefalse":
                assert {a[1]: a[0] for a in question["answers"]} == {
                    "true": 100.0 if quiz.answer else 0.0,
                    "false": 0.0 if quiz.answer else 100.0,
                }
            elif quiz.type == "text":
                accepted = [a[1] for a in question["answers"]]
                assert all(a[0] == 100 for a in question["answers"])
                for code in [lang] if lang else ["kk", "ru", "en"]:
                    assert set(content.quizzes[code][quiz.id].answers) <= set(accepted)
            elif quiz.type == "match" and lang:
                assert [(unescape(left), unescape(unescape(r))) for left, r in question["subquestions"]] == [
                    (p.left, p.right) for p in quiz.pairs
                ]
            elif quiz.type == "order":
                assert [a[0] for a in question["answers"]] == list(range(1, len(quiz.items) + 1))


def read_gift(text: str) -> list[dict]:
    """A GIFT reader: questions with their id, text and answer lines, unescaping \\~ \\= \\# \\{ \\} \\: \\\\."""
    questions = []
    for block in re.findall(r"::((?:\\.|[^:])+)::((?:\\.|[^{])*)\{((?:\\.|[^}])*)\}", text, re.S):
        name, question, answers = (re.sub(r"\\(.)", r"\1", part) for part in block)
        questions.append({"name": name, "text": question, "answers": answers})
    return questions


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
@pytest.mark.slow  # needs the real site built (built_site)
def test_gift_holds_every_expressible_question_with_text_intact(content, banks, lang):
    for course in content.courses:
        questions = read_gift((banks / f"{course.id}.{lang}.gift.txt").read_text(encoding="utf-8"))
        quizzes = [q for q in course_quizzes(content, course, lang) if q.type != "order"]
        assert [q["name"] for q in questions] == [quiz.id for quiz in quizzes]
        for question, quiz in zip(questions, quizzes, strict=False):
            assert question["text"] == quiz.question
            if quiz.type in ("single", "multiple"):
                for option in quiz.options:
                    assert option.text in question["answers"]


def test_gift_escaping_keeps_cyrillic_and_punctuation():
    text = "Медиация: «келісім» = {бейбіт} ~ шешім #1 \\ жол"
    escaped = gift_escape(text)
    assert escaped == "Медиация\\: «келісім» \\= \\{бейбіт\\} \\~ шешім \\#1 \\\\ жол"
    assert re.sub(r"\\(.)", r"\1", escaped) == text


AWKWARD = {
    "single": """id: awkward-1
type: single
question: 'Is <b>bold</b> & "quoted" text ]]> kept as text?'
options:
  - text: Yes, a < b && c > d ]]>
    correct: true
    feedback: Right ]]> & <i>so</i>.
  - text: "No: [[x]]"
    feedback: Wrong.
explanation: Texts are plain text; Moodle shows them as HTML.
""",
    "match": """id: awkward-2
type: match
question: Match ]]> with <its> pair.
pairs:
  - left: A & B
    right: "]]> and 'C'"
  - left: <D>
    right: E's
""",
    "text": """id: awkward-3
type: text
question: Type a < b.
answers:
  - a < b & c
  - "]]>"
""",
}


def test_awkward_characters_read_back_as_written_in_every_kind_of_text():
    for kind, source in AWKWARD.items():
        quiz, problems = parse_quiz(QuizBlock(1, source), Path("x.md"), "en")
        assert not problems, problems
        for lang in ("en", None):
            xml = question_xml({"kk": quiz, "ru": quiz, "en": quiz}, lang)
            (question,) = read_moodle_xml_text(f"<quiz>{xml}</quiz>")
            read = unescape if lang else (lambda html: spans(html)["en"])  # HTML in one language or in spans
            assert question["name"] == quiz.id and read(question["text"]) == quiz.question
            if kind == "single":
                assert [(read(text), read(feedback)) for _, text, feedback in question["answers"]] == [
                    (o.text, o.feedback) for _, o in quiz.shown_options()
                ]
            elif kind == "match":
                assert [(read(left), read(right)) for left, right in question["subquestions"]] == [
                    (p.left, p.right) for p in quiz.pairs
                ]
            else:  # accepted answers are plain text
                assert [text for _, text, _ in question["answers"]] == quiz.answers


def test_html_holding_the_end_of_a_cdata_section_is_escaped_instead():
    parent = etree.Element("answer")
    for html in ("<b>a</b>", "x ]]> y", ""):
        html_text(parent, html)
    assert [element.text or "" for element in etree.fromstring(etree.tostring(parent))] == ["<b>a</b>", "x ]]> y", ""]


def test_fractions_are_written_as_moodle_writes_them():
    assert [fraction(100 / 3), fraction(-100 / 3), fraction(50), fraction(-100 / 7)] == [
        "33.33333",
        "-33.33333",
        "50",
        "-14.28571",
    ]


@pytest.mark.slow  # needs the real site built (built_site)
def test_banks_are_listed_for_download(built_site, banks):
    listed = json.loads((banks / "banks.json").read_text(encoding="utf-8"))
    assert {entry["file"] for entry in listed} == {p.name for p in banks.iterdir() if p.name != "banks.json"}
    page = (built_site / "en" / "lms" / "downloads" / "index.html").read_text(encoding="utf-8")
    for entry in listed:
        assert f'downloads/moodle/{entry["file"]}"' in page
