"""Accessible HTML for one quiz: a fieldset with a legend, labelled inputs, a live feedback region.

Right answers appear only as salted hashes in a base64 payload for the engine; the one plain
statement of the answer is the <details> reveal inside <noscript>, for readers without JavaScript.
"""

from __future__ import annotations

import base64
import json
from html import escape

from builder.model.quiz.answers import salt_for, seal
from builder.model.quiz.model import Quiz
from builder.model.quiz.types import QUIZ_TYPES


def payload(quiz: Quiz, sealed: bool = False) -> dict:
    """The engine's data; `sealed` (a graded question in a package) keeps feedback unreadable until answered."""
    salt = salt_for(quiz.id)
    data: dict = {
        "s": salt,
        "e": seal(salt, "e", quiz.explanation) if sealed and quiz.explanation else quiz.explanation,
    }
    if sealed:
        data["x"] = 1
    data.update(QUIZ_TYPES[quiz.type].payload(quiz, salt, sealed))
    return data


def encode(data: dict) -> str:
    return base64.b64encode(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()).decode()


def render_quiz(quiz: Quiz, labels: dict[str, str], reveal: bool = True, sealed: bool = False) -> str:
    """The quiz's HTML; reveal=False leaves out the no-JavaScript answer, sealed=True seals the feedback
    (both for the graded questions of a package)."""
    base = f"quiz-{quiz.id}"
    body = QUIZ_TYPES[quiz.type].inputs_html(quiz, base, labels)
    parts = [
        f'<form class="ccd-quiz" id="{base}" data-quiz="{escape(quiz.id)}" data-type="{quiz.type}" '
        f'data-payload="{encode(payload(quiz, sealed))}" '
        f'data-labels="{escape(json.dumps(engine_labels(labels), ensure_ascii=False))}" novalidate>',
        '<fieldset class="ccd-quiz__fieldset">',
        f'<legend class="ccd-quiz__question" id="{base}-q">{escape(quiz.question)}</legend>',
        body,
        "</fieldset>",
        '<div class="ccd-quiz__controls" hidden>'
        '<button type="submit" class="md-button md-button--primary ccd-quiz__check">'
        f"{escape(labels['check'])}</button> "
        f'<button type="button" class="md-button ccd-quiz__retry" hidden>{escape(labels["retry"])}</button></div>',
        f'<div class="ccd-quiz__feedback" id="{base}-feedback" role="status" aria-live="polite"></div>',
    ]
    if reveal:
        parts.append(
            f'<noscript><details class="ccd-quiz__reveal"><summary>{escape(labels["show_answer"])}</summary>'
            f"{answer_statement(quiz, labels)}"
            + (f"<p>{escape(quiz.explanation)}</p>" if quiz.explanation else "")
            + "</details></noscript>"
        )
    parts.append("</form>")
    return "\n".join(parts)


ENGINE_LABELS = ("correct", "incorrect", "partly", "choose", "move_up", "move_down", "moved", "position")


def engine_labels(labels: dict[str, str]) -> dict[str, str]:
    """The strings the engine writes itself (feedback, announcements, reorder buttons)."""
    return {key: labels[key] for key in ENGINE_LABELS}


def answer_statement(quiz: Quiz, labels: dict[str, str]) -> str:
    head = f"<strong>{escape(labels['answer_is'])}:</strong>"
    return QUIZ_TYPES[quiz.type].answer_html(quiz, labels, head)


def render_summary(total: int, labels: dict[str, str]) -> str:
    """The per-page self-check summary; the engine fills in the score."""
    return (
        f'<aside class="ccd-quiz-summary admonition abstract" data-total="{total}" '
        f'data-template="{escape(labels["summary"])}" data-template-none="{escape(labels["summary_none"])}" '
        f'aria-live="polite"><p class="admonition-title">{escape(labels["summary_title"])}</p>'
        f'<p class="ccd-quiz-summary__score">{escape(labels["summary_none"].format(total=total))}</p>'
        f'<p class="ccd-quiz-summary__note">{escape(labels["saved_note"])}</p></aside>'
    )


def render_withheld(count: int, course: str, labels: dict[str, str]) -> str:
    """Where a public page leaves out questions of a course's final assessment: a note saying so."""
    return (
        f'<aside class="ccd-quiz-assessed admonition note"><p class="admonition-title">'
        f"{escape(labels['assessed_title'])}</p>"
        f"<p>{escape(labels['assessed_note'].format(count=count, course=course))}</p></aside>"
    )


def render_progress(labels: dict[str, str]) -> str:
    """The "My progress" table; the engine fills it from the browser's storage."""
    attributes = " ".join(
        f'data-{key.replace("_", "-")}="{escape(value)}"'
        for key, value in labels.items()
        if key.startswith(("progress_", "summary"))
    )
    return (
        f'<div class="ccd-progress" {attributes}>'
        f'<p class="ccd-progress__status" role="status" aria-live="polite">{escape(labels["progress_nojs"])}</p>'
        f'<table class="ccd-progress__table" hidden><thead><tr><th scope="col">{escape(labels["progress_page"])}</th>'
        f'<th scope="col">{escape(labels["progress_score"])}</th><th scope="col">{escape(labels["progress_date"])}</th>'
        f"</tr></thead><tbody></tbody></table>"
        f'<p class="ccd-progress__total" hidden></p>'
        f'<p><button type="button" class="md-button ccd-progress__reset" hidden>{escape(labels["progress_reset"])}'
        f"</button></p></div>"
    )
