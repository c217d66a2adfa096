"""Accessible HTML for one quiz: a fieldset with a legend, labelled inputs, a live feedback region.

Right answers appear only as salted hashes in a base64 payload for the engine; the one plain
statement of the answer is the <details> reveal inside <noscript>, for readers without JavaScript.
"""
from __future__ import annotations

import base64
import json
from html import escape

from builder.model.quiz.answers import answer_hash, display_order, normalize_answer, salt_for, seal
from builder.model.quiz.model import Quiz


def payload(quiz: Quiz, match_order: list[int], item_order: list[int], sealed: bool = False) -> dict:
    """The engine's data; `sealed` (a graded question in a package) keeps feedback unreadable until answered."""
    salt = salt_for(quiz.id)
    data: dict = {"s": salt, "e": seal(salt, "e", quiz.explanation) if sealed and quiz.explanation else quiz.explanation}
    if sealed:
        data["x"] = 1
    if quiz.type in ("single", "multiple"):
        right = ",".join(str(i) for i, option in enumerate(quiz.options) if option.correct)
        data["k"] = answer_hash(salt, right)
        data["m"] = [answer_hash(salt, f"o{i}:{int(option.correct)}") for i, option in enumerate(quiz.options)]
        data["f"] = [seal(salt, f"f{i}", option.feedback) if sealed and option.feedback else option.feedback
                     for i, option in enumerate(quiz.options)]
    elif quiz.type == "truefalse":
        data["k"] = answer_hash(salt, str(quiz.answer).lower())
    elif quiz.type == "text":
        data["k"] = sorted({answer_hash(salt, normalize_answer(answer)) for answer in quiz.answers})
    elif quiz.type == "match":
        # the right-hand text of pair i is shown at position match_order.index(i)
        data["m"] = [answer_hash(salt, f"m{i}:{match_order.index(i)}") for i in range(len(quiz.pairs))]
    elif quiz.type == "order":
        data["m"] = [answer_hash(salt, f"p{k}:{item_order.index(k)}") for k in range(len(quiz.items))]
    return data


def encode(data: dict) -> str:
    return base64.b64encode(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()).decode()


def render_quiz(quiz: Quiz, labels: dict[str, str], reveal: bool = True, sealed: bool = False) -> str:
    """The quiz's HTML; reveal=False leaves out the no-JavaScript answer, sealed=True seals the feedback
    (both for the graded questions of a package)."""
    base = f"quiz-{quiz.id}"
    match_order = display_order(quiz.id, len(quiz.pairs), "match")
    item_order = display_order(quiz.id, len(quiz.items), "order")
    body = {
        "single": lambda: choices(quiz, base, "radio"),
        "multiple": lambda: choices(quiz, base, "checkbox"),
        "truefalse": lambda: true_false(base, labels),
        "text": lambda: text_input(base, labels),
        "match": lambda: match_selects(quiz, base, labels, match_order),
        "order": lambda: order_list(quiz, base, item_order),
    }[quiz.type]()
    parts = [
        f'<form class="ccd-quiz" id="{base}" data-quiz="{escape(quiz.id)}" data-type="{quiz.type}" '
        f'data-payload="{encode(payload(quiz, match_order, item_order, sealed))}" '
        f'data-labels="{escape(json.dumps(engine_labels(labels), ensure_ascii=False))}" novalidate>',
        '<fieldset class="ccd-quiz__fieldset">',
        f'<legend class="ccd-quiz__question" id="{base}-q">{escape(quiz.question)}</legend>',
        body,
        "</fieldset>",
        '<div class="ccd-quiz__controls" hidden>'
        f'<button type="submit" class="md-button md-button--primary ccd-quiz__check">{escape(labels["check"])}</button> '
        f'<button type="button" class="md-button ccd-quiz__retry" hidden>{escape(labels["retry"])}</button></div>',
        f'<div class="ccd-quiz__feedback" id="{base}-feedback" role="status" aria-live="polite"></div>',
    ]
    if reveal:
        parts.append(f'<noscript><details class="ccd-quiz__reveal"><summary>{escape(labels["show_answer"])}</summary>'
                     f'{answer_statement(quiz, labels)}'
                     + (f"<p>{escape(quiz.explanation)}</p>" if quiz.explanation else "")
                     + "</details></noscript>")
    parts.append("</form>")
    return "\n".join(parts)


ENGINE_LABELS = ("correct", "incorrect", "partly", "choose", "move_up", "move_down", "moved", "position")


def engine_labels(labels: dict[str, str]) -> dict[str, str]:
    """The strings the engine writes itself (feedback, announcements, reorder buttons)."""
    return {key: labels[key] for key in ENGINE_LABELS}


def choices(quiz: Quiz, base: str, kind: str) -> str:
    rows = []
    for i, option in quiz.shown_options():  # value = authored index: hashes and LMS responses do not move
        rows.append(f'<li class="ccd-quiz__option"><input type="{kind}" id="{base}-o{i}" name="{base}" value="{i}">'
                    f' <label for="{base}-o{i}">{escape(option.text)}</label>'
                    f'<div class="ccd-quiz__option-feedback" id="{base}-o{i}-fb" hidden></div></li>')
    return f'<ul class="ccd-quiz__options">{"".join(rows)}</ul>'


def true_false(base: str, labels: dict[str, str]) -> str:
    rows = [f'<li class="ccd-quiz__option"><input type="radio" id="{base}-{value}" name="{base}" value="{value}">'
            f' <label for="{base}-{value}">{escape(labels[value])}</label></li>' for value in ("true", "false")]
    return f'<ul class="ccd-quiz__options">{"".join(rows)}</ul>'


def text_input(base: str, labels: dict[str, str]) -> str:
    return (f'<p class="ccd-quiz__text"><label for="{base}-text">{escape(labels["your_answer"])}</label> '
            f'<input type="text" id="{base}-text" name="{base}" autocomplete="off" spellcheck="false"></p>')


def match_selects(quiz: Quiz, base: str, labels: dict[str, str], order: list[int]) -> str:
    choices_html = f'<option value="">{escape(labels["match_choose"])}</option>' + "".join(
        f'<option value="{position}">{escape(quiz.pairs[pair].right)}</option>' for position, pair in enumerate(order))
    rows = [f'<li class="ccd-quiz__pair"><label for="{base}-m{i}">{escape(pair.left)}</label> '
            f'<select id="{base}-m{i}" name="{base}-m{i}">{choices_html}</select>'
            f'<span class="ccd-quiz__pair-mark" id="{base}-m{i}-fb"></span></li>'
            for i, pair in enumerate(quiz.pairs)]
    return f'<ul class="ccd-quiz__pairs">{"".join(rows)}</ul>'


def order_list(quiz: Quiz, base: str, order: list[int]) -> str:
    rows = [f'<li class="ccd-quiz__item" data-pos="{position}"><span class="ccd-quiz__item-text">'
            f'{escape(quiz.items[item])}</span></li>' for position, item in enumerate(order)]
    return f'<ol class="ccd-quiz__items" id="{base}-items" role="list">{"".join(rows)}</ol>'


def answer_statement(quiz: Quiz, labels: dict[str, str]) -> str:
    head = f'<strong>{escape(labels["answer_is"])}:</strong>'
    if quiz.type in ("single", "multiple"):
        right = "; ".join(escape(o.text) for o in quiz.options if o.correct)
        return f"<p>{head} {right}</p>"
    if quiz.type == "truefalse":
        return f'<p>{head} {escape(labels[str(quiz.answer).lower()])}</p>'
    if quiz.type == "text":
        return f"<p>{head} {' / '.join(escape(a) for a in quiz.answers)}</p>"
    if quiz.type == "match":
        rows = "".join(f"<li>{escape(p.left)} — {escape(p.right)}</li>" for p in quiz.pairs)
        return f"<p>{head}</p><ul>{rows}</ul>"
    rows = "".join(f"<li>{escape(item)}</li>" for item in quiz.items)
    return f"<p>{head}</p><ol>{rows}</ol>"


def render_summary(total: int, labels: dict[str, str]) -> str:
    """The per-page self-check summary; the engine fills in the score."""
    return (f'<aside class="ccd-quiz-summary admonition abstract" data-total="{total}" '
            f'data-template="{escape(labels["summary"])}" data-template-none="{escape(labels["summary_none"])}" '
            f'aria-live="polite"><p class="admonition-title">{escape(labels["summary_title"])}</p>'
            f'<p class="ccd-quiz-summary__score">{escape(labels["summary_none"].format(total=total))}</p>'
            f'<p class="ccd-quiz-summary__note">{escape(labels["saved_note"])}</p></aside>')


def render_withheld(count: int, course: str, labels: dict[str, str]) -> str:
    """Where a public page leaves out questions of a course's final assessment: a note saying so."""
    return (f'<aside class="ccd-quiz-assessed admonition note"><p class="admonition-title">'
            f'{escape(labels["assessed_title"])}</p>'
            f'<p>{escape(labels["assessed_note"].format(count=count, course=course))}</p></aside>')


def render_progress(labels: dict[str, str]) -> str:
    """The "My progress" table; the engine fills it from the browser's storage."""
    attributes = " ".join(f'data-{key.replace("_", "-")}="{escape(value)}"'
                          for key, value in labels.items() if key.startswith(("progress_", "summary")))
    return (f'<div class="ccd-progress" {attributes}>'
            f'<p class="ccd-progress__status" role="status" aria-live="polite">{escape(labels["progress_nojs"])}</p>'
            f'<table class="ccd-progress__table" hidden><thead><tr><th scope="col">{escape(labels["progress_page"])}</th>'
            f'<th scope="col">{escape(labels["progress_score"])}</th><th scope="col">{escape(labels["progress_date"])}</th>'
            f'</tr></thead><tbody></tbody></table>'
            f'<p class="ccd-progress__total" hidden></p>'
            f'<p><button type="button" class="md-button ccd-progress__reset" hidden>{escape(labels["progress_reset"])}'
            f'</button></p></div>')
