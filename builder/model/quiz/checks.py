"""Checks over all quizzes: unique ids and the same quiz in every language."""

from __future__ import annotations

from builder.model.content import Content
from builder.model.errors import ErrorReport
from builder.model.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES
from builder.model.quiz.model import Quiz, parse_quiz, quiz_blocks


def collect_quizzes(content: Content, report: ErrorReport) -> None:
    """Parse every quiz block into content.quizzes[lang][id]; report every problem of every block."""
    for lang in LANGUAGE_CODES:
        content.quizzes[lang] = {}
        for page in sorted(content.pages[lang].values(), key=lambda p: p.path):
            for block in quiz_blocks(page.fences):
                quiz, problems = parse_quiz(block, page.source, lang)
                for line, message, code in problems:
                    report.add(page.source, line, message, code=code)
                if quiz is None:
                    continue
                quiz.page = page.path
                first = content.quizzes[lang].get(quiz.id)
                if first is not None:
                    report.add(
                        page.source,
                        quiz.line,
                        f"duplicate quiz id '{quiz.id}': {report.relative(first.source)}:{first.line} "
                        f"already uses it; give this quiz another id",
                        code="quiz.duplicate-id",
                    )
                    continue
                content.quizzes[lang][quiz.id] = quiz
                content.page_quizzes.setdefault((lang, page.path), []).append(quiz)


def where(report: ErrorReport, quiz: Quiz) -> str:
    return f"{report.relative(quiz.source)}:{quiz.line}"


def describe(quiz: Quiz) -> str:
    if quiz.type in ("single", "multiple"):
        correct = [str(i + 1) for i, option in enumerate(quiz.options) if option.correct]
        fixed = [str(i + 1) for i, option in enumerate(quiz.options) if option.fixed]
        return f"'{quiz.type}' with {len(quiz.options)} options, correct: {', '.join(correct)}" + (
            f", fixed: {', '.join(fixed)}" if fixed else ""
        )
    if quiz.type == "truefalse":
        return f"'truefalse' with answer {str(quiz.answer).lower()}"
    counts = {"text": len(quiz.answers), "match": len(quiz.pairs), "order": len(quiz.items)}
    noun = {"text": "accepted answers", "match": "pairs", "order": "items"}[quiz.type]
    return f"'{quiz.type}' with {counts[quiz.type]} {noun}"


def check_quiz_parity(content: Content, report: ErrorReport) -> None:
    """The same id in kk, ru and en, on the same page, with the same type, counts and right answers."""
    every_id = sorted(set().union(*(content.quizzes[lang].keys() for lang in LANGUAGE_CODES)))
    for quiz_id in every_id:
        present = {lang: content.quizzes[lang][quiz_id] for lang in LANGUAGE_CODES if quiz_id in content.quizzes[lang]}
        reference = present.get(DEFAULT_LANGUAGE.code) or next(iter(present.values()))
        for lang in LANGUAGE_CODES:
            if lang not in present:
                others = " and ".join(where(report, q) for q in present.values())
                report.add(
                    content.root / lang / reference.page,
                    1,
                    f"quiz '{quiz_id}' is missing in '{lang}': {others} define it; add it to "
                    f"content/{lang}/{reference.page} with the same id",
                    code="quiz.missing-translation",
                )
        involved = ", ".join(where(report, q) for q in present.values())
        for quiz in present.values():
            if quiz is reference:
                continue
            if quiz.page != reference.page:
                report.add(
                    quiz.source,
                    quiz.line,
                    f"quiz '{quiz_id}' is on {quiz.page} here but on {reference.page} in "
                    f"{where(report, reference)}; keep a quiz on the same page in every language",
                    code="quiz.other-page",
                )
            elif quiz.answer_shape() != reference.answer_shape():
                report.add(
                    quiz.source,
                    quiz.line,
                    f"quiz '{quiz_id}' differs between languages: {describe(quiz)} here, but "
                    f"{describe(reference)} in {where(report, reference)}; the type, the number of "
                    f"options and the correct and fixed ones (in order) must be the same in {involved}",
                    code="quiz.parity",
                )
