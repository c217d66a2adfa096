"""A typed answer, compared without regard to case and spacing (answers.normalize_answer)."""

from __future__ import annotations

from html import escape

from builder.model.languages import LANGUAGE_CODES
from builder.model.quiz.answers import answer_hash, normalize_answer
from builder.model.quiz.model import Quiz, QuizProblems
from builder.model.quiz.types.base import QuizType, read_texts
from builder.model.quiz.types.moodle import child, text_element


class TextAnswer(QuizType):
    name = "text"
    keys = ("answers",)
    interaction = "fill-in"

    def parse(self, quiz: Quiz, fields: dict, problems: QuizProblems, at, fence_line: int) -> None:
        quiz.answers = read_texts(fields, "answers", problems, at, fence_line, minimum=1)

    def payload(self, quiz: Quiz, salt: str, sealed: bool) -> dict:
        return {"k": sorted({answer_hash(salt, normalize_answer(answer)) for answer in quiz.answers})}

    def inputs_html(self, quiz: Quiz, base: str, labels: dict[str, str]) -> str:
        return (
            f'<p class="ccd-quiz__text"><label for="{base}-text">{escape(labels["your_answer"])}</label> '
            f'<input type="text" id="{base}-text" name="{base}" autocomplete="off" spellcheck="false"></p>'
        )

    def answer_html(self, quiz: Quiz, labels: dict[str, str], head: str) -> str:
        return f"<p>{head} {' / '.join(escape(a) for a in quiz.answers)}</p>"

    def printed_html(self, quiz: Quiz, labels: dict[str, str], print_labels: dict[str, str]) -> tuple[str, str]:
        return "", (
            f'<p class="print-quiz__blank">{escape(labels["your_answer"])}: <span class="print-quiz__line"></span></p>'
        )

    def gift_lines(self, quiz: Quiz, escape_gift) -> list[str]:
        return [f"={escape_gift(answer)}" for answer in quiz.answers]

    moodle_type = "shortanswer"

    def moodle_question(self, question, versions: dict, lang: str | None, texts) -> None:
        child(question, "usecase", "0")
        accepted = []  # every language's accepted answers, once each
        for code in [lang] if lang else LANGUAGE_CODES:
            for answer in versions[code].answers:
                if answer not in accepted:
                    accepted.append(answer)
        for accepted_answer in accepted:
            answer = child(question, "answer", fraction="100", format="moodle_auto_format")
            child(answer, "text", accepted_answer)
            text_element(answer, "feedback", "")

    def correct_pattern(self, quiz: Quiz) -> str:
        return "{case_matters=false}" + quiz.answers[0]


TEXT = TextAnswer()
