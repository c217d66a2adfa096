"""Match each left-hand text to its right-hand one; the right-hand column is shown shuffled."""

from __future__ import annotations

from html import escape

import yaml

from builder.model.languages import LANGUAGE_CODES
from builder.model.quiz.answers import answer_hash, display_order
from builder.model.quiz.model import PAIR_KEYS, Pair, Quiz, QuizProblems, text_value
from builder.model.quiz.types.base import QuizType
from builder.model.quiz.types.moodle import child, html_text


class Match(QuizType):
    name = "match"
    keys = ("pairs",)
    interaction = "matching"

    def parse(self, quiz: Quiz, fields: dict, problems: QuizProblems, at, fence_line: int) -> None:
        read_pairs(quiz, fields, problems, at, fence_line)

    @staticmethod
    def order(quiz: Quiz) -> list[int]:
        return display_order(quiz.id, len(quiz.pairs), "match")

    def payload(self, quiz: Quiz, salt: str, sealed: bool) -> dict:
        order = self.order(quiz)  # the right-hand text of pair i is shown at position order.index(i)
        return {"m": [answer_hash(salt, f"m{i}:{order.index(i)}") for i in range(len(quiz.pairs))]}

    def inputs_html(self, quiz: Quiz, base: str, labels: dict[str, str]) -> str:
        choices_html = f'<option value="">{escape(labels["match_choose"])}</option>' + "".join(
            f'<option value="{position}">{escape(quiz.pairs[pair].right)}</option>'
            for position, pair in enumerate(self.order(quiz))
        )
        rows = [
            f'<li class="ccd-quiz__pair"><label for="{base}-m{i}">{escape(pair.left)}</label> '
            f'<select id="{base}-m{i}" name="{base}-m{i}">{choices_html}</select>'
            f'<span class="ccd-quiz__pair-mark" id="{base}-m{i}-fb"></span></li>'
            for i, pair in enumerate(quiz.pairs)
        ]
        return f'<ul class="ccd-quiz__pairs">{"".join(rows)}</ul>'

    def answer_html(self, quiz: Quiz, labels: dict[str, str], head: str) -> str:
        rows = "".join(f"<li>{escape(p.left)} — {escape(p.right)}</li>" for p in quiz.pairs)
        return f"<p>{head}</p><ul>{rows}</ul>"

    def printed_html(self, quiz: Quiz, labels: dict[str, str], print_labels: dict[str, str]) -> tuple[str, str]:
        # the right-hand column in the portal's shuffled order, so the pairing is not given away
        order = self.order(quiz)
        rows = "".join(
            f"<tr><td>{number}. {escape(pair.left)}</td><td>{chr(ord('a') + number - 1)}) "
            f"{escape(quiz.pairs[order[number - 1]].right)}</td></tr>"
            for number, pair in enumerate(quiz.pairs, 1)
        )
        return "", f'<table class="print-quiz__pairs"><tbody>{rows}</tbody></table>'

    def gift_lines(self, quiz: Quiz, escape_gift) -> list[str]:
        return [f"={escape_gift(pair.left)} -> {escape_gift(pair.right)}" for pair in quiz.pairs]

    moodle_type = "matching"

    def moodle_question(self, question, versions: dict, lang: str | None, texts) -> None:
        quiz = versions[lang or LANGUAGE_CODES[0]]
        child(question, "shuffleanswers", "true")
        for index in range(len(quiz.pairs)):
            subquestion = child(question, "subquestion", format="html")
            html_text(subquestion, texts.join(lambda q, i=index: q.pairs[i].left))
            child(child(subquestion, "answer"), "text", texts.join(lambda q, i=index: q.pairs[i].right))

    def correct_pattern(self, quiz: Quiz) -> str:
        order = self.order(quiz)
        return "[,]".join(f"{i + 1}[.]r{order.index(i) + 1}" for i in range(len(quiz.pairs)))


def read_pairs(quiz: Quiz, fields, problems: QuizProblems, at, fence_line: int) -> None:
    if "pairs" not in fields:
        problems.add(
            fence_line,
            "a 'match' quiz needs 'pairs:', a list of '- left: …' / 'right: …' entries",
            code="quiz.missing-pairs",
        )
        return
    key, node = fields["pairs"]
    if not isinstance(node, yaml.SequenceNode):
        problems.add(at(key), "'pairs' must be a list of '- left: …' / 'right: …' entries", code="quiz.pairs-not-list")
        return
    for item in node.value:
        line = at(item)
        values = {}
        if isinstance(item, yaml.MappingNode):
            for sub_key, sub_value in item.value:
                name = str(sub_key.value)
                if name in PAIR_KEYS:
                    values[name] = text_value(sub_value, problems, at(sub_key), f"'{name}'")
                else:
                    problems.add(
                        at(sub_key), f"unknown pair key '{name}'; a pair has: left, right", code="quiz.unknown-pair-key"
                    )
        missing = [name for name in PAIR_KEYS if not values.get(name)]
        if missing:
            problems.add(
                line,
                f"unmatched pair: it has no '{missing[0]}'; every pair needs both 'left' and 'right'",
                code="quiz.unmatched-pair",
            )
            continue
        quiz.pairs.append(Pair(values["left"], values["right"], line))
    if len(quiz.pairs) < 2:
        problems.add(at(key), "a 'match' quiz needs at least two pairs", code="quiz.too-few-pairs")
    for side in PAIR_KEYS:
        texts = [getattr(pair, side) for pair in quiz.pairs]
        for duplicate in sorted({t for t in texts if texts.count(t) > 1}):
            problems.add(
                at(key),
                f"two pairs have the same {side} '{duplicate}'; each side must differ",
                code="quiz.duplicate-pair",
            )


MATCH = Match()
