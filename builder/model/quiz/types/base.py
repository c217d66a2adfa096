"""What every quiz type provides, and helpers the types share.

A type is one module of this package: how its block is read and checked, how it is rendered (the
portal's and the packages' HTML, the no-JavaScript answer, the printed exercise), how the engine checks
it (its payload of hashes), how it goes to the question banks (Moodle XML, GIFT) and how an LMS records
it (the SCORM interaction type and correct-response pattern). In the browser the same type is one
handler in theme/assets/quiz/quiz.js (render, read, check, format for SCORM).
Texts shown to readers come in as `labels` (the catalog's quiz and print groups).
"""

from __future__ import annotations

from html import escape

import yaml

from builder.model.quiz.model import Quiz, QuizProblems, text_value


class QuizType:
    name = ""
    keys: tuple[str, ...] = ()  # the keys this type adds to id, type, question, explanation
    interaction = ""  # the SCORM interaction type

    def parse(self, quiz: Quiz, fields: dict, problems: QuizProblems, at, fence_line: int) -> None:
        raise NotImplementedError

    def payload(self, quiz: Quiz, salt: str, sealed: bool) -> dict:
        """The engine's data beyond salt and explanation: hashes of the right responses, feedback."""
        raise NotImplementedError

    def inputs_html(self, quiz: Quiz, base: str, labels: dict[str, str]) -> str:
        raise NotImplementedError

    def answer_html(self, quiz: Quiz, labels: dict[str, str], head: str) -> str:
        """The right answer in words (the no-JavaScript reveal)."""
        raise NotImplementedError

    def printed_html(self, quiz: Quiz, labels: dict[str, str], print_labels: dict[str, str]) -> tuple[str, str]:
        """(a hint after the question, the body) of the printed exercise, without the answer."""
        raise NotImplementedError

    in_gift = True  # False when GIFT has no such question

    def gift_lines(self, quiz: Quiz, escape_gift) -> list[str]:
        """The answer lines of the GIFT question (types that GIFT can express)."""
        raise NotImplementedError

    moodle_type = ""  # Moodle's question type

    def moodle_question(self, question, versions: dict, lang: str | None, texts) -> None:
        """Fill a Moodle XML <question> (lxml) with this type's elements; `versions` holds the quiz in every
        language, `texts` picks one language or joins all in multilang spans (types/moodle.py)."""
        raise NotImplementedError

    def correct_pattern(self, quiz: Quiz) -> str:
        """SCORM 2004 correct_responses.0.pattern, in the identifiers the runtime reports responses."""
        raise NotImplementedError


def read_texts(fields, name: str, problems: QuizProblems, at, fence_line: int, minimum: int) -> list[str]:
    if name not in fields:
        problems.add(fence_line, f"this quiz needs '{name}:', a list of texts", code="quiz.missing-list")
        return []
    key, node = fields[name]
    if not isinstance(node, yaml.SequenceNode):
        problems.add(at(key), f"'{name}' must be a list of texts ('- …')", code="quiz.not-a-list")
        return []
    values = []
    for item in node.value:
        value = text_value(item, problems, at(item), f"an entry of '{name}'")
        if not value:
            problems.add(at(item), f"an entry of '{name}' is empty", code="quiz.empty-entry")
        values.append(value)
    if len(values) < minimum:
        problems.add(
            at(key),
            f"'{name}' needs at least {minimum} entr{'y' if minimum == 1 else 'ies'}",
            code="quiz.too-few-entries",
        )
    for duplicate in sorted({v for v in values if v and values.count(v) > 1}):
        problems.add(at(key), f"'{name}' lists '{duplicate}' twice", code="quiz.duplicate-entry")
    return values


def listed(items: list[str], tag: str) -> str:
    return f"<{tag}>" + "".join(f"<li>{escape(item)}</li>" for item in items) + f"</{tag}>"
