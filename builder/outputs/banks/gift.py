"""GIFT: the quiz types GIFT can express (all but `order`), one file per language.

A choice question with a fixed option is left out (named in a comment): GIFT cannot switch off the
shuffling Moodle applies on import, and shuffled, "all of the above" would no longer come last.

GIFT's special characters ~ = # { } : and the backslash are escaped with a backslash; Kazakh and
Russian letters and punctuation pass through as they are (the file is UTF-8).
"""

from __future__ import annotations

from builder.model.quiz.types import QUIZ_TYPES

GIFT_SPECIAL = "\\~=#{}:"
GIFT_TYPES = tuple(name for name, kind in QUIZ_TYPES.items() if kind.in_gift)  # all but `order`


def gift_escape(text: str) -> str:
    out = "".join("\\" + char if char in GIFT_SPECIAL else char for char in text)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def gift_question(quiz) -> str:
    """One question in GIFT; its answer lines come from its type (builder/model/quiz/types/)."""
    head = f"::{gift_escape(quiz.id)}::{gift_escape(quiz.question)}"
    general = f"####{gift_escape(quiz.explanation)}" if quiz.explanation else ""
    if quiz.type == "truefalse":
        return f"{head}{{{'TRUE' if quiz.answer else 'FALSE'}{general}}}"
    lines = QUIZ_TYPES[quiz.type].gift_lines(quiz, gift_escape)
    body = "\n".join(f"  {line}" for line in lines)
    return f"{head}{{\n{body}\n  {general}\n}}" if general else f"{head}{{\n{body}\n}}"


def bank_gift(course, content, lang: str) -> str:
    parts = [f"// {course.title[lang]} — {course.id}, {lang}", ""]
    for path in course.pages:
        quizzes = [q for q in content.page_quizzes.get((lang, path), []) if q.type in GIFT_TYPES]
        fixed = [q for q in quizzes if any(option.fixed for option in q.options)]
        quizzes = [q for q in quizzes if q not in fixed]
        parts += [
            f"// {q.id}: left out, it has a fixed option (GIFT cannot keep the order); use the Moodle XML"
            for q in fixed
        ]
        if not quizzes:
            continue
        category = f"$course$/{course.title[lang]}/{content.page(lang, path).title}".replace("\n", " ")
        parts += [f"$CATEGORY: {category}", ""]
        for quiz in quizzes:
            parts += [f"// {quiz.id}", gift_question(quiz), ""]
    return "\n".join(parts)
