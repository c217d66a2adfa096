"""True or false: a statement and its key."""

from __future__ import annotations

from html import escape

from builder.model.languages import LANGUAGE_CODES
from builder.model.quiz.answers import answer_hash
from builder.model.quiz.model import Quiz, QuizProblems, bool_value
from builder.model.quiz.types.base import QuizType
from builder.model.quiz.types.moodle import child, text_element


class TrueFalse(QuizType):
    name = "truefalse"
    keys = ("answer",)
    interaction = "true-false"

    def parse(self, quiz: Quiz, fields: dict, problems: QuizProblems, at, fence_line: int) -> None:
        if "answer" not in fields:
            problems.add(
                fence_line, "a 'truefalse' quiz needs 'answer: true' or 'answer: false'", code="quiz.missing-answer"
            )
        else:
            quiz.answer = bool_value(fields["answer"][1], problems, at(fields["answer"][0]), "'answer'")

    def payload(self, quiz: Quiz, salt: str, sealed: bool) -> dict:
        return {"k": answer_hash(salt, str(quiz.answer).lower())}

    def inputs_html(self, quiz: Quiz, base: str, labels: dict[str, str]) -> str:
        rows = [
            f'<li class="ccd-quiz__option"><input type="radio" id="{base}-{value}" name="{base}" value="{value}">'
            f' <label for="{base}-{value}">{escape(labels[value])}</label></li>'
            for value in ("true", "false")
        ]
        return f'<ul class="ccd-quiz__options">{"".join(rows)}</ul>'

    def answer_html(self, quiz: Quiz, labels: dict[str, str], head: str) -> str:
        return f"<p>{head} {escape(labels[str(quiz.answer).lower()])}</p>"

    def printed_html(self, quiz: Quiz, labels: dict[str, str], print_labels: dict[str, str]) -> tuple[str, str]:
        return "", f'<p class="print-quiz__choices">{escape(labels["true"])} / {escape(labels["false"])}</p>'

    def gift_lines(self, quiz: Quiz, escape_gift) -> list[str]:
        return []  # written in the question's braces: {TRUE} or {FALSE}

    moodle_type = "truefalse"

    def moodle_question(self, question, versions: dict, lang: str | None, texts) -> None:
        quiz = versions[lang or LANGUAGE_CODES[0]]
        for value in (True, False):
            answer = child(
                question, "answer", fraction="100" if quiz.answer is value else "0", format="moodle_auto_format"
            )
            child(answer, "text", "true" if value else "false")
            text_element(answer, "feedback", "")

    def correct_pattern(self, quiz: Quiz) -> str:
        return str(quiz.answer).lower()


TRUEFALSE = TrueFalse()
