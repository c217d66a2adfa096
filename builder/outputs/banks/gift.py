"""GIFT: the quiz types GIFT can express (all but `order`), one file per language.

A choice question with a fixed option is left out (named in a comment): GIFT cannot switch off the
shuffling Moodle applies on import, and shuffled, "all of the above" would no longer come last.

GIFT's special characters ~ = # { } : and the backslash are escaped with a backslash; Kazakh and
Russian letters and punctuation pass through as they are (the file is UTF-8).
"""
from __future__ import annotations

GIFT_SPECIAL = "\\~=#{}:"
GIFT_TYPES = ("single", "multiple", "truefalse", "text", "match")


def gift_escape(text: str) -> str:
    out = "".join("\\" + char if char in GIFT_SPECIAL else char for char in text)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def percent(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def gift_question(quiz) -> str:
    head = f"::{gift_escape(quiz.id)}::{gift_escape(quiz.question)}"
    general = f"####{gift_escape(quiz.explanation)}" if quiz.explanation else ""
    if quiz.type == "truefalse":
        return f"{head}{{{'TRUE' if quiz.answer else 'FALSE'}{general}}}"
    lines = []
    if quiz.type in ("single", "multiple"):
        right = sum(o.correct for o in quiz.options)
        wrong = len(quiz.options) - right
        for _, option in quiz.shown_options():
            feedback = f"#{gift_escape(option.feedback)}" if option.feedback else ""
            if quiz.type == "single":
                lines.append(f"{'=' if option.correct else '~'}{gift_escape(option.text)}{feedback}")
            else:
                share = 100 / right if option.correct else -100 / wrong
                lines.append(f"~%{percent(share)}%{gift_escape(option.text)}{feedback}")
    elif quiz.type == "text":
        lines = [f"={gift_escape(answer)}" for answer in quiz.answers]
    elif quiz.type == "match":
        lines = [f"={gift_escape(pair.left)} -> {gift_escape(pair.right)}" for pair in quiz.pairs]
    body = "\n".join(f"  {line}" for line in lines)
    return f"{head}{{\n{body}\n  {general}\n}}" if general else f"{head}{{\n{body}\n}}"


def bank_gift(course, content, lang: str) -> str:
    parts = [f"// {course.title[lang]} — {course.id}, {lang}", ""]
    for path in course.pages:
        quizzes = [q for q in content.page_quizzes.get((lang, path), []) if q.type in GIFT_TYPES]
        fixed = [q for q in quizzes if any(option.fixed for option in q.options)]
        quizzes = [q for q in quizzes if q not in fixed]
        parts += [f"// {q.id}: left out, it has a fixed option (GIFT cannot keep the order); use the Moodle XML"
                  for q in fixed]
        if not quizzes:
            continue
        category = f"$course$/{course.title[lang]}/{content.page(lang, path).title}".replace("\n", " ")
        parts += [f"$CATEGORY: {category}", ""]
        for quiz in quizzes:
            parts += [f"// {quiz.id}", gift_question(quiz), ""]
    return "\n".join(parts)
