"""The quiz types, one module each (see base.py for what a type provides).

A new type needs: a module here with its QuizType, registered below; its handler in
theme/assets/quiz/quiz.js (TYPES); its strings in the catalog (builder/model/catalog/<lang>.yml).
"""

from __future__ import annotations

from builder.model.quiz.types.base import QuizType
from builder.model.quiz.types.choice import MULTIPLE, SINGLE
from builder.model.quiz.types.match import MATCH
from builder.model.quiz.types.order import ORDER
from builder.model.quiz.types.text import TEXT
from builder.model.quiz.types.truefalse import TRUEFALSE

QUIZ_TYPES: dict[str, QuizType] = {t.name: t for t in (SINGLE, MULTIPLE, TRUEFALSE, TEXT, MATCH, ORDER)}
