"""Answer quizzes in a real browser, right or wrong, from the quiz model (never from the page)."""

from __future__ import annotations

from builder.model.quiz.answers import display_order
from builder.model.quiz.model import Quiz


def right_response(quiz: Quiz):
    if quiz.type in ("single", "multiple"):
        return [i for i, option in enumerate(quiz.options) if option.correct]
    if quiz.type == "truefalse":
        return str(quiz.answer).lower()
    if quiz.type == "text":
        # typed as a hurried learner would: capitals and stray spaces
        return "  " + quiz.answers[0].upper().replace(" ", "   ") + " "
    if quiz.type == "match":
        order = display_order(quiz.id, len(quiz.pairs), "match")
        return [str(order.index(i)) for i in range(len(quiz.pairs))]
    order = display_order(quiz.id, len(quiz.items), "order")
    return [str(order.index(k)) for k in range(len(quiz.items))]


def wrong_response(quiz: Quiz):
    if quiz.type == "single":
        return [next(i for i, option in enumerate(quiz.options) if not option.correct)]
    if quiz.type == "multiple":
        return [next(i for i, option in enumerate(quiz.options) if not option.correct)]
    if quiz.type == "truefalse":
        return str(not quiz.answer).lower()
    if quiz.type == "text":
        return "жауап емес / not an answer"
    right = right_response(quiz)
    if quiz.type == "match":
        return right[1:] + right[:1]  # every left gets another one's match
    return [str(p) for p in range(len(quiz.items))]  # as shown: never the right order


def fill(form, quiz: Quiz, response) -> None:
    """Enter a response with the mouse (see keyboard_answer for the keyboard-only way)."""
    if quiz.type in ("single", "multiple"):
        for i in response:  # by the option's text, as a learner reads it: never by its position
            form.get_by_label(quiz.options[i].text, exact=True).check()
    elif quiz.type == "truefalse":
        form.locator(f"input[value='{response}']").check()
    elif quiz.type == "text":
        form.locator("input[type=text]").fill(response)
    elif quiz.type == "match":
        for i, value in enumerate(response):
            form.locator("select").nth(i).select_option(value)
    else:
        for target, pos in enumerate(response):
            item = form.locator(f".ccd-quiz__item[data-pos='{pos}']")
            current = [
                form.locator(".ccd-quiz__item").nth(n).get_attribute("data-pos") for n in range(len(response))
            ].index(pos)
            for _ in range(current - target):
                item.locator(".ccd-quiz__move--up").click()


def active(page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement; const f = e.closest('form.ccd-quiz');
        return {tag: e.tagName.toLowerCase(), type: e.type || '', value: e.value, cls: e.className,
                label: e.getAttribute('aria-label') || '', quiz: f ? f.dataset.quiz : null}; }""")


def tab_to(page, predicate, limit: int = 400) -> dict:
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = active(page)
        if predicate(state):
            return state
    raise AssertionError("the keyboard never reached the element")


def keyboard_answer(page, quiz: Quiz, response) -> None:
    """Answer with the keyboard alone: Tab, Space, arrows, typing, Enter."""
    inside = lambda s: s["quiz"] == quiz.id  # noqa: E731
    if quiz.type in ("single", "truefalse"):
        # the radios in the order the page shows them (choice options are shuffled by the quiz id)
        values = ["true", "false"] if quiz.type == "truefalse" else [str(i) for i, _ in quiz.shown_options()]
        wanted = str(response[0]) if quiz.type == "single" else response
        tab_to(page, lambda s: inside(s) and s["type"] == "radio")
        page.keyboard.press("Space")
        for _ in range(values.index(wanted)):
            page.keyboard.press("ArrowDown")
    elif quiz.type == "multiple":
        for i in response:
            tab_to(page, lambda s, i=i: inside(s) and s["type"] == "checkbox" and s["value"] == str(i))
            page.keyboard.press("Space")
    elif quiz.type == "text":
        tab_to(page, lambda s: inside(s) and s["type"] == "text")
        page.keyboard.type(response)
    elif quiz.type == "match":
        for value in response:
            tab_to(page, lambda s: inside(s) and s["tag"] == "select")
            for _ in range(int(value) + 1):  # from the "choose" entry down to the wanted one
                page.keyboard.press("ArrowDown")
    else:
        texts = quiz.items
        order = display_order(quiz.id, len(texts), "order")
        shown = [str(p) for p in range(len(texts))]
        for target, pos in enumerate(response):
            current = shown.index(pos)
            if current == target:
                continue
            text = texts[order[int(pos)]]
            tab_to(
                page, lambda s, text=text: inside(s) and "ccd-quiz__move--up" in s["cls"] and s["label"].endswith(text)
            )
            for _ in range(current - target):
                page.keyboard.press("Enter")
            shown.insert(target, shown.pop(current))
    tab_to(page, lambda s: inside(s) and "ccd-quiz__check" in s["cls"])
    page.keyboard.press("Enter")
