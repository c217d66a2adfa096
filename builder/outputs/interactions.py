"""How each quiz is reported to an LMS: its type's SCORM interaction type and 2004 correct pattern."""

from __future__ import annotations

from builder.model.quiz.model import Quiz
from builder.model.quiz.types import QUIZ_TYPES

INTERACTION_TYPES = {name: kind.interaction for name, kind in QUIZ_TYPES.items()}


def correct_pattern(quiz: Quiz) -> str:
    """SCORM 2004 correct_responses.0.pattern, in the same identifiers the runtime reports responses."""
    return QUIZ_TYPES[quiz.type].correct_pattern(quiz)
