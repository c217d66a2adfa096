"""Moodle XML: one <question> per quiz id, categories per page, multilang spans or one language.

Fractions come from Moodle's list of allowed grades, so the importer accepts them: a `multiple`
question's right answers share 100 %, its wrong answers share -100 %, so ticking every box scores 0.
The document is built with lxml. HTML texts go in CDATA sections, as Moodle's own export writes them
(readable in a text editor); Moodle's importer, an XML parser, reads them as it reads escaped text.
"""
from __future__ import annotations

from html import escape as html_escape

from lxml import etree

from builder.model.languages import LANGUAGE_CODES


def fraction(value: float) -> str:
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


def as_html(text: str) -> str:
    """A quiz's text is plain text; Moodle shows it as HTML."""
    return html_escape(text, quote=False)


def multilang(texts: dict) -> str:
    """Every language's text (HTML) in Moodle's multilang spans."""
    return "".join(f'<span lang="{code}" class="multilang">{texts[code]}</span>' for code in LANGUAGE_CODES)


class Texts:
    """Picks a quiz's texts in one language, or joins every language in multilang spans (as HTML)."""

    def __init__(self, versions: dict, lang: str | None):
        self.versions = versions  # lang -> Quiz
        self.lang = lang

    def join(self, pick) -> str:
        if self.lang:
            return as_html(pick(self.versions[self.lang]))
        return multilang({code: as_html(pick(self.versions[code])) for code in LANGUAGE_CODES})


def child(parent: etree._Element, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def html_text(parent: etree._Element, html: str) -> etree._Element:
    """<text> holding HTML: a CDATA section, or escaped text if the HTML holds the section's end."""
    element = etree.SubElement(parent, "text")
    element.text = etree.CDATA(html) if html and "]]>" not in html else html
    return element


def text_element(parent: etree._Element, tag: str, html: str, fmt: str = "html") -> etree._Element:
    element = child(parent, tag, format=fmt)
    html_text(element, html)
    return element


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
    if quiz.type in ("single", "multiple"):
        kind = "multichoice"
        right = sum(option.correct for option in quiz.options)
        wrong = len(quiz.options) - right
        # a fixed option ("all of the above" last) needs the order as shown: Moodle must not shuffle
        shuffle = not any(option.fixed for option in quiz.options)
        child(question, "single", "true" if quiz.type == "single" else "false")
        child(question, "shuffleanswers", "true" if shuffle else "false")
        child(question, "answernumbering", "abc")
        for index, option in quiz.shown_options():
            share = 100 / right if option.correct else (0 if quiz.type == "single" else -100 / wrong)
            answer = child(question, "answer", fraction=fraction(share), format="html")
            html_text(answer, texts.join(lambda q, i=index: q.options[i].text))
            text_element(answer, "feedback", texts.join(lambda q, i=index: q.options[i].feedback))
    elif quiz.type == "truefalse":
        kind = "truefalse"
        for value in (True, False):
            answer = child(question, "answer", fraction="100" if quiz.answer is value else "0",
                           format="moodle_auto_format")
            child(answer, "text", "true" if value else "false")
            text_element(answer, "feedback", "")
    elif quiz.type == "text":
        kind = "shortanswer"
        child(question, "usecase", "0")
        accepted = []
        for code in ([lang] if lang else LANGUAGE_CODES):
            for answer in versions[code].answers:
                if answer not in accepted:
                    accepted.append(answer)
        for accepted_answer in accepted:
            answer = child(question, "answer", fraction="100", format="moodle_auto_format")
            child(answer, "text", accepted_answer)
            text_element(answer, "feedback", "")
    elif quiz.type == "match":
        kind = "matching"
        child(question, "shuffleanswers", "true")
        for index in range(len(quiz.pairs)):
            subquestion = child(question, "subquestion", format="html")
            html_text(subquestion, texts.join(lambda q, i=index: q.pairs[i].left))
            child(child(subquestion, "answer"), "text", texts.join(lambda q, i=index: q.pairs[i].right))
    else:
        kind = "ordering"
        for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", "0"),
                           ("gradingtype", "ABSOLUTE_POSITION"), ("showgrading", "SHOW"), ("numberingstyle", "none")):
            child(question, tag, value)
        for index in range(len(quiz.items)):
            answer = child(question, "answer", fraction=str(index + 1), format="html")
            html_text(answer, texts.join(lambda q, i=index: q.items[i]))
    question.set("type", kind)
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
