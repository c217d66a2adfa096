"""The quiz model: parse and validate fenced `quiz` blocks, keeping the line of everything.

Outputs (portal HTML, SCORM interactions, question banks) take their data from here, never from HTML.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from builder.model.fences import fences_named
from builder.model.quiz.answers import option_order
from builder.model.yaml_nodes import compose, scalar_value, yaml_error

QUIZ_TYPES = ("single", "multiple", "truefalse", "text", "match", "order")
COMMON_KEYS = ("id", "type", "question", "explanation")
TYPE_KEYS = {
    "single": ("options",),
    "multiple": ("options",),
    "truefalse": ("answer",),
    "text": ("answers",),
    "match": ("pairs",),
    "order": ("items",),
}
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
    """(line, message) pairs found while reading one block."""

    def add(self, line: int, message: str) -> None:
        self.append((line, message))


def find_quiz_blocks(body: str, body_line: int) -> list[QuizBlock]:
    """Every fenced quiz block of a page body, with its position in the file."""
    return [QuizBlock(fence.line, fence.text) for fence in fences_named(body, body_line, "quiz")]


def text_value(node, problems: QuizProblems, line: int, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or node.tag.endswith((":map", ":seq")):
        problems.add(line, f"{what} must be a text")
        return ""
    return str(node.value).strip()


def bool_value(node, problems: QuizProblems, line: int, what: str) -> bool | None:
    value = scalar_value(node)
    if not isinstance(value, bool):
        problems.add(line, f"{what} must be true or false, got '{getattr(node, 'value', node)}'")
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
        problems.add(first + line if line is not None else block.line,
                     f"malformed YAML in the quiz: {problem}; quote texts that contain ': '")
        return None, problems
    if not isinstance(root, yaml.MappingNode):
        problems.add(block.line, "a quiz block holds 'key: value' lines: id, type, question, …")
        return None, problems

    fields = {str(key.value): (key, value) for key, value in root.value}
    quiz_type = text_value(fields["type"][1], problems, at(fields["type"][0]), "'type'") if "type" in fields else ""
    if "type" not in fields:
        problems.add(block.line, f"the quiz has no 'type'; use one of: {', '.join(QUIZ_TYPES)}")
    elif quiz_type not in QUIZ_TYPES:
        problems.add(at(fields["type"][0]), f"unknown quiz type '{quiz_type}'; use one of: {', '.join(QUIZ_TYPES)}")
    allowed = COMMON_KEYS + TYPE_KEYS.get(quiz_type, ())
    for name, (key, _) in fields.items():
        if name not in allowed:
            hint = f"a '{quiz_type}' quiz allows: {', '.join(allowed)}" if quiz_type in QUIZ_TYPES else \
                f"allowed keys: {', '.join(COMMON_KEYS)} and, by type, options, answer, answers, pairs, items"
            problems.add(at(key), f"unknown quiz key '{name}'; {hint}")
    for required in ("id", "question"):
        if required not in fields:
            problems.add(block.line, f"the quiz has no '{required}'")

    quiz_id = text_value(fields["id"][1], problems, at(fields["id"][0]), "'id'") if "id" in fields else ""
    if "id" in fields and not QUIZ_ID.match(quiz_id):
        problems.add(at(fields["id"][0]), f"quiz id '{quiz_id}' must be lowercase ASCII letters, digits, '-', '_' "
                                          "or '.', e.g. 'tb-state-policy-01' (it becomes an LMS interaction id)")
    quiz = Quiz(quiz_id, quiz_type, "", source, block.line, lang)
    if "question" in fields:
        quiz.question = text_value(fields["question"][1], problems, at(fields["question"][0]), "'question'")
        if not quiz.question:
            problems.add(at(fields["question"][0]), "the question is empty")
    if "explanation" in fields:
        quiz.explanation = text_value(fields["explanation"][1], problems, at(fields["explanation"][0]),
                                      "'explanation'")

    if quiz_type in ("single", "multiple"):
        read_options(quiz, fields, problems, at, block.line)
    elif quiz_type == "truefalse":
        if "answer" not in fields:
            problems.add(block.line, "a 'truefalse' quiz needs 'answer: true' or 'answer: false'")
        else:
            quiz.answer = bool_value(fields["answer"][1], problems, at(fields["answer"][0]), "'answer'")
    elif quiz_type == "text":
        quiz.answers = read_texts(fields, "answers", problems, at, block.line, minimum=1)
    elif quiz_type == "order":
        quiz.items = read_texts(fields, "items", problems, at, block.line, minimum=2)
    elif quiz_type == "match":
        read_pairs(quiz, fields, problems, at, block.line)
    return (quiz if not problems else None), problems


def read_options(quiz: Quiz, fields, problems: QuizProblems, at, fence_line: int) -> None:
    if "options" not in fields:
        problems.add(fence_line, f"a '{quiz.type}' quiz needs 'options:', a list of '- text: …' entries")
        return
    key, node = fields["options"]
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        problems.add(at(key), "'options' must be a list of '- text: …' entries")
        return
    for item in node.value:
        line = at(item)
        if not isinstance(item, yaml.MappingNode):
            problems.add(line, "an option is '- text: …', optionally with 'correct: true', 'feedback: …' and "
                               "'fixed: true'")
            continue
        option = Option("", line=line)
        for sub_key, sub_value in item.value:
            name = str(sub_key.value)
            if name == "text":
                option.text = text_value(sub_value, problems, at(sub_key), "an option's 'text'")
            elif name == "correct":
                option.correct = bool(bool_value(sub_value, problems, at(sub_key), "'correct'"))
            elif name == "feedback":
                option.feedback = text_value(sub_value, problems, at(sub_key), "'feedback'")
            elif name == "fixed":
                option.fixed = bool(bool_value(sub_value, problems, at(sub_key), "'fixed'"))
            else:
                problems.add(at(sub_key), f"unknown option key '{name}'; an option allows: {', '.join(OPTION_KEYS)}")
        if not option.text:
            problems.add(line, "the option is empty: give it a 'text'")
        quiz.options.append(option)
    if len(quiz.options) < 2:
        problems.add(at(key), "a choice quiz needs at least two options")
    correct = sum(option.correct for option in quiz.options)
    if correct == 0:
        problems.add(at(key), "no option is correct: mark the right one with 'correct: true'")
    elif quiz.type == "single" and correct > 1:
        lines = ", ".join(str(o.line) for o in quiz.options if o.correct)
        problems.add(at(key), f"a 'single' quiz has exactly one correct option, this one has {correct} "
                              f"(lines {lines}); make it 'multiple' or keep one 'correct: true'")
    texts = [o.text for o in quiz.options if o.text]
    for duplicate in sorted({t for t in texts if texts.count(t) > 1}):
        problems.add(at(key), f"two options read '{duplicate}'; every option must differ")


def read_texts(fields, name: str, problems: QuizProblems, at, fence_line: int, minimum: int) -> list[str]:
    if name not in fields:
        problems.add(fence_line, f"this quiz needs '{name}:', a list of texts")
        return []
    key, node = fields[name]
    if not isinstance(node, yaml.SequenceNode):
        problems.add(at(key), f"'{name}' must be a list of texts ('- …')")
        return []
    values = []
    for item in node.value:
        value = text_value(item, problems, at(item), f"an entry of '{name}'")
        if not value:
            problems.add(at(item), f"an entry of '{name}' is empty")
        values.append(value)
    if len(values) < minimum:
        problems.add(at(key), f"'{name}' needs at least {minimum} entr{'y' if minimum == 1 else 'ies'}")
    for duplicate in sorted({v for v in values if v and values.count(v) > 1}):
        problems.add(at(key), f"'{name}' lists '{duplicate}' twice")
    return values


def read_pairs(quiz: Quiz, fields, problems: QuizProblems, at, fence_line: int) -> None:
    if "pairs" not in fields:
        problems.add(fence_line, "a 'match' quiz needs 'pairs:', a list of '- left: …' / 'right: …' entries")
        return
    key, node = fields["pairs"]
    if not isinstance(node, yaml.SequenceNode):
        problems.add(at(key), "'pairs' must be a list of '- left: …' / 'right: …' entries")
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
                    problems.add(at(sub_key), f"unknown pair key '{name}'; a pair has: left, right")
        missing = [name for name in PAIR_KEYS if not values.get(name)]
        if missing:
            problems.add(line, f"unmatched pair: it has no '{missing[0]}'; every pair needs both 'left' and 'right'")
            continue
        quiz.pairs.append(Pair(values["left"], values["right"], line))
    if len(quiz.pairs) < 2:
        problems.add(at(key), "a 'match' quiz needs at least two pairs")
    for side in PAIR_KEYS:
        texts = [getattr(pair, side) for pair in quiz.pairs]
        for duplicate in sorted({t for t in texts if texts.count(t) > 1}):
            problems.add(at(key), f"two pairs have the same {side} '{duplicate}'; each side must differ")
