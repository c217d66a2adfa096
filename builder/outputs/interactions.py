"""How each quiz is reported to an LMS: the interaction type and, for SCORM 2004, the correct pattern."""
from __future__ import annotations

from builder.model.quiz.answers import display_order
from builder.model.quiz.model import Quiz

INTERACTION_TYPES = {"single": "choice", "multiple": "choice", "truefalse": "true-false", "text": "fill-in",
                     "match": "matching", "order": "sequencing"}


def correct_pattern(quiz: Quiz) -> str:
    """SCORM 2004 correct_responses.0.pattern, in the same identifiers the runtime reports responses."""
    if quiz.type in ("single", "multiple"):
        return "[,]".join(f"o{i + 1}" for i, option in enumerate(quiz.options) if option.correct)
    if quiz.type == "truefalse":
        return str(quiz.answer).lower()
    if quiz.type == "text":
        return "{case_matters=false}" + quiz.answers[0]
    if quiz.type == "match":
        order = display_order(quiz.id, len(quiz.pairs), "match")
        return "[,]".join(f"{i + 1}[.]r{order.index(i) + 1}" for i in range(len(quiz.pairs)))
    order = display_order(quiz.id, len(quiz.items), "order")
    return "[,]".join(f"i{order.index(k) + 1}" for k in range(len(quiz.items)))
