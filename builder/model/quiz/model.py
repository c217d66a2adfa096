"""The quiz model: parse and validate fenced `quiz` blocks, keeping the line of everything.

Outputs (portal HTML, SCORM interactions, question banks) take their data from here, never from HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from builder.model.fences import Fence, scan
from builder.model.quiz.answers import option_order
from builder.model.yaml_nodes import compose, scalar_value, yaml_error

# the names of the quiz types; each type is a module of builder/model/quiz/types/
QUIZ_TYPES = ("single", "multiple", "truefalse", "text", "match", "order")
COMMON_KEYS = ("id", "type", "question", "explanation")
OPTION_KEYS = ("text", "correct", "feedback", "fixed")
PAIR_KEYS = ("left", "right")
QUIZ_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")


@dataclass
class Option:
    text: str
    correct: bool = False
    feedback: str = ""
    fixed: bool = False  # shown at its authored position, not shuffled (e.g. "all of the above" last)
    line: int = 0


@dataclass
class Pair:
    left: str
    right: str
    line: int = 0


@dataclass
class Quiz:
    id: str
    type: str
    question: str
    source: Path
    line: int  # the line of the opening fence
    lang: str = ""
    page: str = ""  # the page path within the language folder
    explanation: str = ""
    options: list[Option] = field(default_factory=list)
    answer: bool | None = None  # truefalse
    answers: list[str] = field(default_factory=list)  # text: accepted answers
    pairs: list[Pair] = field(default_factory=list)  # match: the right pairing
    items: list[str] = field(default_factory=list)  # order: the right sequence

    def shown_options(self) -> list[tuple[int, Option]]:
        """(authored index, option) in the order every edition shows them (see answers.option_order)."""
        return [(i, self.options[i]) for i in option_order(self.id, [o.fixed for o in self.options])]

    def answer_shape(self) -> tuple:
        """What must be equal in every language: the type, the counts and the right answers."""
        return (
            self.type,
            tuple(option.correct for option in self.options),
            tuple(option.fixed for option in self.options),
            self.answer,
            len(self.answers),
            len(self.pairs),
            len(self.items),
        )


@dataclass
class QuizBlock:
    line: int  # 1-based line of the opening fence in the file
    text: str  # the YAML inside


class QuizProblems(list):
    """(line, message, code) found while reading one block."""

    def add(self, line: int, message: str, code: str) -> None:
        self.append((line, message, code))


def find_quiz_blocks(body: str, body_line: int) -> list[QuizBlock]:
    """Every fenced quiz block of a page body, with its position in the file."""
    return quiz_blocks(scan(body, body_line)[0])


def quiz_blocks(fences: list[Fence]) -> list[QuizBlock]:
    """The quiz blocks among a page's fenced blocks (Page.fences)."""
    return [QuizBlock(fence.line, fence.text) for fence in fences if fence.name == "quiz"]


def text_value(node, problems: QuizProblems, line: int, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or node.tag.endswith((":map", ":seq")):
        problems.add(line, f"{what} must be a text", code="quiz.not-text")
        return ""
    return str(node.value).strip()


def bool_value(node, problems: QuizProblems, line: int, what: str) -> bool | None:
    try:
        value = scalar_value(node)
    except ValueError:  # e.g. '2027-02-30': not a date, and not true or false either
        value = None
    if not isinstance(value, bool):
        problems.add(
            line, f"{what} must be true or false, got '{getattr(node, 'value', node)}'", code="quiz.not-boolean"
        )
        return None
    return value


def parse_quiz(block: QuizBlock, source: Path, lang: str = "") -> tuple[Quiz | None, QuizProblems]:
    """Read one block into a Quiz; every problem comes with its file line."""
    problems = QuizProblems()
    first = block.line + 1  # the YAML's first line in the file

    def at(node) -> int:
        return first + node.start_mark.line

    try:
        root = compose(block.text)
    except yaml.YAMLError as exc:
        line, problem = yaml_error(exc)
        problems.add(
            first + line if line is not None else block.line,
            f"malformed YAML in the quiz: {problem}; quote texts that contain ': '",
            code="quiz.yaml",
        )
        return None, problems
    if not isinstance(root, yaml.MappingNode):
        problems.add(
            block.line, "a quiz block holds 'key: value' lines: id, type, question, …", code="quiz.not-a-mapping"
        )
        return None, problems

    fields = {str(key.value): (key, value) for key, value in root.value}
    quiz_type = text_value(fields["type"][1], problems, at(fields["type"][0]), "'type'") if "type" in fields else ""
    if "type" not in fields:
        problems.add(
            block.line, f"the quiz has no 'type'; use one of: {', '.join(QUIZ_TYPES)}", code="quiz.missing-type"
        )
    elif quiz_type not in QUIZ_TYPES:
        problems.add(
            at(fields["type"][0]),
            f"unknown quiz type '{quiz_type}'; use one of: {', '.join(QUIZ_TYPES)}",
            code="quiz.unknown-type",
        )
    from builder.model.quiz.types import QUIZ_TYPES as TYPES  # the types import this module: import them here

    kind = TYPES.get(quiz_type)
    allowed = COMMON_KEYS + (kind.keys if kind else ())
    for name, (key, _) in fields.items():
        if name not in allowed:
            hint = (
                f"a '{quiz_type}' quiz allows: {', '.join(allowed)}"
                if quiz_type in QUIZ_TYPES
                else f"allowed keys: {', '.join(COMMON_KEYS)} and, by type, options, answer, answers, pairs, items"
            )
            problems.add(at(key), f"unknown quiz key '{name}'; {hint}", code="quiz.unknown-key")
    for required in ("id", "question"):
        if required not in fields:
            problems.add(block.line, f"the quiz has no '{required}'", code="quiz.missing-key")

    quiz_id = text_value(fields["id"][1], problems, at(fields["id"][0]), "'id'") if "id" in fields else ""
    if "id" in fields and not QUIZ_ID.match(quiz_id):
        problems.add(
            at(fields["id"][0]),
            f"quiz id '{quiz_id}' must be lowercase ASCII letters, digits, '-', '_' "
            "or '.', e.g. 'tb-state-policy-01' (it becomes an LMS interaction id)",
            code="quiz.bad-id",
        )
    quiz = Quiz(quiz_id, quiz_type, "", source, block.line, lang)
    if "question" in fields:
        quiz.question = text_value(fields["question"][1], problems, at(fields["question"][0]), "'question'")
        if not quiz.question:
            problems.add(at(fields["question"][0]), "the question is empty", code="quiz.empty-question")
    if "explanation" in fields:
        quiz.explanation = text_value(fields["explanation"][1], problems, at(fields["explanation"][0]), "'explanation'")

    if kind is not None:
        kind.parse(quiz, fields, problems, at, block.line)
    return (quiz if not problems else None), problems
