"""Single and multiple choice: options shown in one shuffled order per quiz id, fixed options in place."""

from __future__ import annotations

from html import escape

import yaml

from builder.model.languages import LANGUAGE_CODES
from builder.model.quiz.answers import answer_hash, seal
from builder.model.quiz.model import OPTION_KEYS, Option, Quiz, QuizProblems, bool_value, text_value
from builder.model.quiz.types.base import QuizType
from builder.model.quiz.types.moodle import child, fraction, html_text, text_element


class Choice(QuizType):
    keys = ("options",)
    interaction = "choice"

    def __init__(self, name: str, input_type: str):
        self.name, self.input_type = name, input_type

    def parse(self, quiz: Quiz, fields: dict, problems: QuizProblems, at, fence_line: int) -> None:
        read_options(quiz, fields, problems, at, fence_line)

    def payload(self, quiz: Quiz, salt: str, sealed: bool) -> dict:
        right = ",".join(str(i) for i, option in enumerate(quiz.options) if option.correct)
        return {
            "k": answer_hash(salt, right),
            "m": [answer_hash(salt, f"o{i}:{int(option.correct)}") for i, option in enumerate(quiz.options)],
            "f": [
                seal(salt, f"f{i}", option.feedback) if sealed and option.feedback else option.feedback
                for i, option in enumerate(quiz.options)
            ],
        }

    def inputs_html(self, quiz: Quiz, base: str, labels: dict[str, str]) -> str:
        rows = []
        for i, option in quiz.shown_options():  # value = authored index: hashes and LMS responses do not move
            rows.append(
                f'<li class="ccd-quiz__option"><input type="{self.input_type}" id="{base}-o{i}" name="{base}" '
                f'value="{i}"> <label for="{base}-o{i}">{escape(option.text)}</label>'
                f'<div class="ccd-quiz__option-feedback" id="{base}-o{i}-fb" hidden></div></li>'
            )
        return f'<ul class="ccd-quiz__options">{"".join(rows)}</ul>'

    def answer_html(self, quiz: Quiz, labels: dict[str, str], head: str) -> str:
        return f"<p>{head} {'; '.join(escape(o.text) for o in quiz.options if o.correct)}</p>"

    def printed_html(self, quiz: Quiz, labels: dict[str, str], print_labels: dict[str, str]) -> tuple[str, str]:
        hint = (
            f' <span class="print-quiz__hint">{escape(print_labels["several"])}</span>'
            if self.name == "multiple"
            else ""
        )
        body = "".join(f"<li>{escape(option.text)}</li>" for _, option in quiz.shown_options())
        return hint, f'<ol class="print-quiz__options">{body}</ol>'

    def gift_lines(self, quiz: Quiz, escape_gift) -> list[str]:
        right = sum(o.correct for o in quiz.options)
        wrong = len(quiz.options) - right
        lines = []
        for _, option in quiz.shown_options():
            feedback = f"#{escape_gift(option.feedback)}" if option.feedback else ""
            if self.name == "single":
                lines.append(f"{'=' if option.correct else '~'}{escape_gift(option.text)}{feedback}")
            else:
                share = 100 / right if option.correct else -100 / wrong
                lines.append(f"~%{gift_percent(share)}%{escape_gift(option.text)}{feedback}")
        return lines

    moodle_type = "multichoice"

    def moodle_question(self, question, versions: dict, lang: str | None, texts) -> None:
        quiz = versions[lang or LANGUAGE_CODES[0]]
        right = sum(option.correct for option in quiz.options)
        wrong = len(quiz.options) - right
        # a fixed option ("all of the above" last) needs the order as shown: Moodle must not shuffle
        shuffle = not any(option.fixed for option in quiz.options)
        child(question, "single", "true" if self.name == "single" else "false")
        child(question, "shuffleanswers", "true" if shuffle else "false")
        child(question, "answernumbering", "abc")
        for index, option in quiz.shown_options():
            share = 100 / right if option.correct else (0 if self.name == "single" else -100 / wrong)
            answer = child(question, "answer", fraction=fraction(share), format="html")
            html_text(answer, texts.join(lambda q, i=index: q.options[i].text))
            text_element(answer, "feedback", texts.join(lambda q, i=index: q.options[i].feedback))

    def correct_pattern(self, quiz: Quiz) -> str:
        return "[,]".join(f"o{i + 1}" for i, option in enumerate(quiz.options) if option.correct)


def gift_percent(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def read_options(quiz: Quiz, fields, problems: QuizProblems, at, fence_line: int) -> None:
    if "options" not in fields:
        problems.add(
            fence_line,
            f"a '{quiz.type}' quiz needs 'options:', a list of '- text: …' entries",
            code="quiz.missing-options",
        )
        return
    key, node = fields["options"]
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        problems.add(at(key), "'options' must be a list of '- text: …' entries", code="quiz.options-not-list")
        return
    for item in node.value:
        line = at(item)
        if not isinstance(item, yaml.MappingNode):
            problems.add(
                line,
                "an option is '- text: …', optionally with 'correct: true', 'feedback: …' and 'fixed: true'",
                code="quiz.bad-option",
            )
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
                problems.add(
                    at(sub_key),
                    f"unknown option key '{name}'; an option allows: {', '.join(OPTION_KEYS)}",
                    code="quiz.unknown-option-key",
                )
        if not option.text:
            problems.add(line, "the option is empty: give it a 'text'", code="quiz.empty-option")
        quiz.options.append(option)
    if len(quiz.options) < 2:
        problems.add(at(key), "a choice quiz needs at least two options", code="quiz.too-few-options")
    correct = sum(option.correct for option in quiz.options)
    if correct == 0:
        problems.add(
            at(key), "no option is correct: mark the right one with 'correct: true'", code="quiz.no-correct-option"
        )
    elif quiz.type == "single" and correct > 1:
        lines = ", ".join(str(o.line) for o in quiz.options if o.correct)
        problems.add(
            at(key),
            f"a 'single' quiz has exactly one correct option, this one has {correct} "
            f"(lines {lines}); make it 'multiple' or keep one 'correct: true'",
            code="quiz.several-correct",
        )
    texts = [o.text for o in quiz.options if o.text]
    for duplicate in sorted({t for t in texts if texts.count(t) > 1}):
        problems.add(at(key), f"two options read '{duplicate}'; every option must differ", code="quiz.duplicate-option")


SINGLE = Choice("single", "radio")
MULTIPLE = Choice("multiple", "checkbox")
