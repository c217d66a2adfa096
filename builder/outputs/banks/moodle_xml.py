"""Moodle XML: one <question> per quiz id, categories per page, multilang spans or one language.

Fractions come from Moodle's list of allowed grades, so the importer accepts them: a `multiple`
question's right answers share 100 %, its wrong answers share -100 %, so ticking every box scores 0.
"""
from __future__ import annotations

from xml.sax.saxutils import escape

from builder.model.languages import LANGUAGE_CODES

CDATA_END = "]]>"


def fraction(value: float) -> str:
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace(CDATA_END, "]]]]><![CDATA[>") + "]]>"


class Texts:
    """Picks a quiz's texts in one language, or joins every language in multilang spans."""

    def __init__(self, versions: dict, lang: str | None):
        self.versions = versions  # lang -> Quiz
        self.lang = lang

    def join(self, pick) -> str:
        if self.lang:
            return escape(pick(self.versions[self.lang]))
        return "".join(f'<span lang="{code}" class="multilang">{escape(pick(self.versions[code]))}</span>'
                       for code in LANGUAGE_CODES)


def text_element(tag: str, html: str, fmt: str = "html") -> str:
    return f'<{tag} format="{fmt}"><text>{cdata(html)}</text></{tag}>'


def category_path(course_titles: dict, page_titles: dict, lang: str | None) -> str:
    def part(titles: dict) -> str:
        if lang:
            return titles[lang].replace("/", "//")
        return "".join(f'<span lang="{code}" class="multilang">{escape(titles[code]).replace("/", "//")}</span>'
                       for code in LANGUAGE_CODES)
    return f"$course$/{part(course_titles)}/{part(page_titles)}"


def question_xml(versions: dict, lang: str | None) -> str:
    quiz = versions[lang or LANGUAGE_CODES[0]]
    texts = Texts(versions, lang)
    head = [f"<name><text>{escape(quiz.id)}</text></name>",
            text_element("questiontext", texts.join(lambda q: q.question)),
            text_element("generalfeedback", texts.join(lambda q: q.explanation)),
            "<defaultgrade>1</defaultgrade>", "<penalty>0.3333333</penalty>", "<hidden>0</hidden>",
            f"<idnumber>{escape(quiz.id)}</idnumber>"]
    body: list[str] = []
    if quiz.type in ("single", "multiple"):
        kind = "multichoice"
        right = sum(option.correct for option in quiz.options)
        wrong = len(quiz.options) - right
        # a fixed option ("all of the above" last) needs the order as shown: Moodle must not shuffle
        shuffle = not any(option.fixed for option in quiz.options)
        body += [f"<single>{'true' if quiz.type == 'single' else 'false'}</single>",
                 f"<shuffleanswers>{'true' if shuffle else 'false'}</shuffleanswers>",
                 "<answernumbering>abc</answernumbering>"]
        for index, option in quiz.shown_options():
            share = 100 / right if option.correct else (0 if quiz.type == "single" else -100 / wrong)
            body.append(f'<answer fraction="{fraction(share)}" format="html"><text>'
                        f'{cdata(texts.join(lambda q, i=index: q.options[i].text))}</text>'
                        f'{text_element("feedback", texts.join(lambda q, i=index: q.options[i].feedback))}</answer>')
    elif quiz.type == "truefalse":
        kind = "truefalse"
        for value in (True, False):
            body.append(f'<answer fraction="{100 if quiz.answer is value else 0}" format="moodle_auto_format">'
                        f"<text>{'true' if value else 'false'}</text>"
                        f'{text_element("feedback", "")}</answer>')
    elif quiz.type == "text":
        kind = "shortanswer"
        body.append("<usecase>0</usecase>")
        accepted = []
        for code in ([lang] if lang else LANGUAGE_CODES):
            for answer in versions[code].answers:
                if answer not in accepted:
                    accepted.append(answer)
        for answer in accepted:
            body.append(f'<answer fraction="100" format="moodle_auto_format"><text>{escape(answer)}</text>'
                        f'{text_element("feedback", "")}</answer>')
    elif quiz.type == "match":
        kind = "matching"
        body.append("<shuffleanswers>true</shuffleanswers>")
        for index in range(len(quiz.pairs)):
            body.append(f'<subquestion format="html"><text>{cdata(texts.join(lambda q, i=index: q.pairs[i].left))}</text>'
                        f"<answer><text>{escape(texts.join(lambda q, i=index: q.pairs[i].right))}</text></answer></subquestion>")
    else:
        kind = "ordering"
        body += ["<layouttype>VERTICAL</layouttype>", "<selecttype>ALL</selecttype>", "<selectcount>0</selectcount>",
                 "<gradingtype>ABSOLUTE_POSITION</gradingtype>", "<showgrading>SHOW</showgrading>",
                 "<numberingstyle>none</numberingstyle>"]
        for index in range(len(quiz.items)):
            body.append(f'<answer fraction="{index + 1}" format="html"><text>'
                        f"{cdata(texts.join(lambda q, i=index: q.items[i]))}</text></answer>")
    inner = "\n    ".join(head + body)
    return f'  <question type="{kind}">\n    {inner}\n  </question>'


def bank_xml(course, content, lang: str | None) -> str:
    """The whole bank of one course: categories per page, then its questions, in course order."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    for path in course.pages:
        quizzes = content.page_quizzes.get((LANGUAGE_CODES[0], path), [])
        if not quizzes:
            continue
        page_titles = {code: content.page(code, path).title for code in LANGUAGE_CODES}
        parts.append(f'  <question type="category">\n    <category><text>'
                     f"{escape(category_path(course.title, page_titles, lang))}</text></category>\n  </question>")
        for quiz in quizzes:
            versions = {code: content.quizzes[code][quiz.id] for code in LANGUAGE_CODES}
            parts.append(question_xml(versions, lang))
    parts.append("</quiz>")
    return "\n".join(parts) + "\n"
