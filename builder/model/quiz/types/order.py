"""Put the items in the right order; they are shown shuffled."""

from __future__ import annotations

from html import escape

from builder.model.languages import LANGUAGE_CODES
from builder.model.quiz.answers import answer_hash, display_order
from builder.model.quiz.model import Quiz, QuizProblems
from builder.model.quiz.types.base import QuizType, read_texts
from builder.model.quiz.types.moodle import child, html_text


class Order(QuizType):
    name = "order"
    keys = ("items",)
    interaction = "sequencing"
    in_gift = False  # GIFT has no ordering question

    def parse(self, quiz: Quiz, fields: dict, problems: QuizProblems, at, fence_line: int) -> None:
        quiz.items = read_texts(fields, "items", problems, at, fence_line, minimum=2)

    @staticmethod
    def order(quiz: Quiz) -> list[int]:
        return display_order(quiz.id, len(quiz.items), "order")

    def payload(self, quiz: Quiz, salt: str, sealed: bool) -> dict:
        order = self.order(quiz)
        return {"m": [answer_hash(salt, f"p{k}:{order.index(k)}") for k in range(len(quiz.items))]}

    def inputs_html(self, quiz: Quiz, base: str, labels: dict[str, str]) -> str:
        rows = [
            f'<li class="ccd-quiz__item" data-pos="{position}"><span class="ccd-quiz__item-text">'
            f"{escape(quiz.items[item])}</span></li>"
            for position, item in enumerate(self.order(quiz))
        ]
        return f'<ol class="ccd-quiz__items" id="{base}-items" role="list">{"".join(rows)}</ol>'

    def answer_html(self, quiz: Quiz, labels: dict[str, str], head: str) -> str:
        rows = "".join(f"<li>{escape(item)}</li>" for item in quiz.items)
        return f"<p>{head}</p><ol>{rows}</ol>"

    def printed_html(self, quiz: Quiz, labels: dict[str, str], print_labels: dict[str, str]) -> tuple[str, str]:
        # the items shuffled as the portal shows them, a box to number each
        body = "".join(f"<li>{escape(quiz.items[item])}</li>" for item in self.order(quiz))
        return "", f'<ul class="print-quiz__order">{body}</ul>'

    moodle_type = "ordering"

    def moodle_question(self, question, versions: dict, lang: str | None, texts) -> None:
        quiz = versions[lang or LANGUAGE_CODES[0]]
        for tag, value in (
            ("layouttype", "VERTICAL"),
            ("selecttype", "ALL"),
            ("selectcount", "0"),
            ("gradingtype", "ABSOLUTE_POSITION"),
            ("showgrading", "SHOW"),
            ("numberingstyle", "none"),
        ):
            child(question, tag, value)
        for index in range(len(quiz.items)):
            answer = child(question, "answer", fraction=str(index + 1), format="html")
            html_text(answer, texts.join(lambda q, i=index: q.items[i]))

    def correct_pattern(self, quiz: Quiz) -> str:
        order = self.order(quiz)
        return "[,]".join(f"i{order.index(k) + 1}" for k in range(len(quiz.items)))


ORDER = Order()
