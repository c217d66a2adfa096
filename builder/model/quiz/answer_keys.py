"""The answer-key check: keys a test-wise learner cannot beat by position, length or balance.

Options are shown shuffled (see answers.option_order), so position is handled at display time; what
authors control is checked here, in every language, for each course's graded questions and for each
section (the first folder of a page's path):

- true/false keys are between 35 % and 65 % "true" — for a course's graded set, and for a section with
  at least six true/false questions (rounded outwards to whole questions, so a set of three may hold
  one or two "true" keys);
- the right option is strictly the longest in at most 40 % of the single-choice questions (at least one
  question of any set may be);
- no two options of a question read the same once case, spacing and punctuation are ignored;
- every option of a graded question has feedback.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict

from builder.model.content import Content
from builder.model.errors import ErrorReport
from builder.model.languages import LANGUAGE_CODES
from builder.model.quiz.model import Quiz

TRUE_SHARE = (0.35, 0.65)
LONGEST_SHARE = 0.40
SECTION_TRUEFALSE_MINIMUM = 6
RULES_HELP = "see 'Answer keys' in README.md"


def normalized_option(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def right_is_longest(quiz: Quiz) -> bool:
    right = next(option for option in quiz.options if option.correct)
    return all(len(right.text) > len(option.text) for option in quiz.options if option is not right)


def true_range(count: int) -> tuple[int, int]:
    """The allowed number of "true" keys among `count` true/false questions."""
    return math.floor(TRUE_SHARE[0] * count), math.ceil(TRUE_SHARE[1] * count)


def longest_allowed(count: int) -> int:
    return max(1, math.floor(LONGEST_SHARE * count))


def quiz_sets(content: Content, lang: str) -> list[tuple[str, list[Quiz], bool]]:
    """(name, quizzes, is_graded_set) for every course's graded questions and every section."""
    sets = []
    for course in content.courses:
        graded = [content.quizzes[lang][quiz_id] for quiz_id in course.graded if quiz_id in content.quizzes[lang]]
        sets.append((f"the graded questions of course '{course.id}'", graded, True))
    sections: dict[str, list[Quiz]] = defaultdict(list)
    for quiz in content.quizzes[lang].values():
        sections[quiz.page.split("/")[0]].append(quiz)
    for section, quizzes in sorted(sections.items()):
        sets.append((f"section '{section}'", sorted(quizzes, key=lambda q: (q.page, q.line)), False))
    return sets


def check_true_false_balance(name: str, quizzes: list[Quiz], graded: bool, report: ErrorReport) -> None:
    true_false = [quiz for quiz in quizzes if quiz.type == "truefalse"]
    if not true_false or (not graded and len(true_false) < SECTION_TRUEFALSE_MINIMUM):
        return
    keys_true = sum(1 for quiz in true_false if quiz.answer)
    low, high = true_range(len(true_false))
    if low <= keys_true <= high:
        return
    majority = keys_true > high
    offending = [quiz for quiz in true_false if bool(quiz.answer) == majority]
    report.add(
        offending[0].source,
        offending[0].line,
        f"true/false keys of {name} are unbalanced: {keys_true} of {len(true_false)} are 'true' "
        f"(between {low} and {high} should be); rewrite some of the statements keyed "
        f"'{str(majority).lower()}' ({', '.join(q.id for q in offending)}) so that they are "
        f"{str(not majority).lower()}, in every language; {RULES_HELP}",
        code="answer-key.true-false-balance",
    )


def check_longest_right_option(name: str, quizzes: list[Quiz], report: ErrorReport) -> None:
    singles = [quiz for quiz in quizzes if quiz.type == "single"]
    longest = [quiz for quiz in singles if right_is_longest(quiz)]
    allowed = longest_allowed(len(singles))
    if len(longest) <= allowed:
        return
    for quiz in longest:
        report.add(
            quiz.source,
            quiz.line,
            f"quiz '{quiz.id}': the right option is strictly the longest, as in {len(longest)} of the "
            f"{len(singles)} single-choice questions of {name} (at most {allowed} may be); make its "
            f"distractors as full and specific as the key, or the key shorter; {RULES_HELP}",
            code="answer-key.longest-right",
        )


def check_options(quiz: Quiz, graded: bool, report: ErrorReport) -> None:
    seen: dict[str, int] = {}
    for option in quiz.options:
        key = normalized_option(option.text)
        if key in seen:
            report.add(
                quiz.source,
                option.line,
                f"quiz '{quiz.id}': this option reads the same as the one on line {seen[key]}; "
                f"every option must say something different",
                code="answer-key.duplicate-option",
            )
        seen.setdefault(key, option.line)
        if graded and not option.feedback:
            report.add(
                quiz.source,
                option.line,
                f"quiz '{quiz.id}' is graded: give this option 'feedback:' that says why it is right "
                f"or wrong (learners see it after answering)",
                code="answer-key.graded-feedback",
            )


def check_answer_keys(content: Content, report: ErrorReport) -> None:
    """Report every answer-key finding in every language, each at a quiz's file and line."""
    graded_ids = {quiz_id for course in content.courses for quiz_id in course.graded}
    for lang in LANGUAGE_CODES:
        for quiz in content.quizzes.get(lang, {}).values():
            if quiz.type in ("single", "multiple"):
                check_options(quiz, quiz.id in graded_ids, report)
        for name, quizzes, graded in quiz_sets(content, lang):
            check_true_false_balance(name, quizzes, graded, report)
            check_longest_right_option(name, quizzes, report)
