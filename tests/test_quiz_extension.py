"""The quiz Markdown extension: Markdown in, accessible HTML and structured quiz data out."""

from __future__ import annotations

import base64
import json

import markdown
import pytest
from lxml import html as lxml_html

from builder.model.quiz.answers import answer_hash, display_order, normalize_answer, salt_for

FENCES = {
    "custom_fences": [
        {
            "name": "quiz",
            "class": "quiz",
            "format": __import__("builder.markdown.quiz.extension", fromlist=["x"]).format_quiz,
        },
        {
            "name": "quiz-progress",
            "class": "quiz-progress",
            "format": __import__("builder.markdown.quiz.extension", fromlist=["x"]).format_progress,
        },
    ]
}


def render(source: str, lang: str = "ru", **settings):
    md = markdown.Markdown(
        extensions=["builder.markdown.quiz.extension", "pymdownx.superfences", "admonition"],
        extension_configs={
            "builder.markdown.quiz.extension": {"lang": lang, **settings},
            "pymdownx.superfences": FENCES,
        },
    )
    out = md.convert(source)
    return out, md.quizzes, lxml_html.fragment_fromstring(out, create_parent="div")


def payload(form) -> dict:
    return json.loads(base64.b64decode(form.get("data-payload")).decode())


SINGLE = """
```quiz
id: q-single
type: single
question: Кто принимает решение в медиации?
options:
  - text: Сами стороны
    correct: true
    feedback: Да, медиатор лишь помогает.
  - text: Медиатор
    feedback: Медиатор не решает за стороны.
explanation: Решение остаётся за сторонами.
```
"""


def test_single_renders_a_labelled_radio_group_and_keeps_the_data():
    out, quizzes, tree = render(SINGLE)
    form = tree.cssselect("form.ccd-quiz")[0]
    assert form.get("data-type") == "single" and form.get("data-quiz") == "q-single"
    legend = form.cssselect("fieldset > legend")[0]
    assert legend.text == "Кто принимает решение в медиации?"
    radios = form.cssselect("input[type=radio]")
    assert [r.get("value") for r in radios] == ["0", "1"]
    for radio in radios:  # every input has its label
        assert form.cssselect(f"label[for={radio.get('id')}]")
    assert form.cssselect(".ccd-quiz__feedback")[0].get("role") == "status"
    assert form.cssselect(".ccd-quiz__feedback")[0].get("aria-live") == "polite"
    assert form.cssselect("button.ccd-quiz__check")[0].text == "Проверить"
    # the data for other outputs
    (quiz,) = quizzes
    assert (quiz.id, quiz.type, [o.correct for o in quiz.options]) == ("q-single", "single", [True, False])
    assert quiz.options[0].feedback == "Да, медиатор лишь помогает."
    # the engine gets hashes, not answers
    data = payload(form)
    assert data["k"] == answer_hash(salt_for("q-single"), "0")
    assert not tree.xpath("//*[@*[contains(name(), 'correct')]]")
    rows = [sorted(li.attrib.items()) for li in form.cssselect("li.ccd-quiz__option")]
    assert rows[0] == rows[1]  # the right option looks like any other


def test_answers_are_not_in_the_page_outside_the_no_javascript_reveal():
    out, _, tree = render(SINGLE)
    visible = out.split("<noscript>")[0]
    assert "Решение остаётся за сторонами" not in visible  # explanation only inside the payload
    assert "Да, медиатор лишь помогает" not in visible
    reveal = tree.cssselect("noscript")[0]
    assert "Сами стороны" in lxml_html.tostring(reveal, encoding="unicode")
    out, _, _ = render(SINGLE, reveal=False)
    assert "<noscript>" not in out and "<details" not in out


def test_multiple_renders_checkboxes_and_hashes_the_set_of_right_options():
    source = """
```quiz
id: q-multi
type: multiple
question: Principles of mediation?
options:
  - text: Voluntariness
    correct: true
  - text: Coercion
  - text: Neutrality
    correct: true
```
"""
    _, quizzes, tree = render(source, lang="en")
    form = tree.cssselect("form")[0]
    assert len(form.cssselect("input[type=checkbox]")) == 3
    data = payload(form)
    salt = salt_for("q-multi")
    assert data["k"] == answer_hash(salt, "0,2")
    assert data["m"] == [answer_hash(salt, "o0:1"), answer_hash(salt, "o1:0"), answer_hash(salt, "o2:1")]
    assert [o.correct for o in quizzes[0].options] == [True, False, True]


def test_truefalse_has_localised_true_and_false():
    source = "```quiz\nid: q-tf\ntype: truefalse\nquestion: Медиация ерікті.\nanswer: true\n```\n"
    _, quizzes, tree = render(source, lang="kk")
    labels = [label.text for label in tree.cssselect("label")]
    assert labels == ["Дұрыс", "Бұрыс"]
    assert payload(tree.cssselect("form")[0])["k"] == answer_hash(salt_for("q-tf"), "true")
    assert quizzes[0].answer is True


def test_text_hashes_every_normalised_answer():
    source = (
        "```quiz\nid: q-text\ntype: text\nquestion: Термин?\nanswers:\n"
        "  - Азаматтық бірегейлік\n  - азаматтық  сәйкестік\n```\n"
    )
    _, quizzes, tree = render(source, lang="kk")
    form = tree.cssselect("form")[0]
    text_input = form.cssselect("input[type=text]")[0]
    assert form.cssselect(f"label[for={text_input.get('id')}]")[0].text == "Сіздің жауабыңыз"
    salt = salt_for("q-text")
    assert sorted(payload(form)["k"]) == sorted(
        [answer_hash(salt, "азаматтық бірегейлік"), answer_hash(salt, "азаматтық сәйкестік")]
    )
    assert quizzes[0].answers == ["Азаматтық бірегейлік", "азаматтық  сәйкестік"]


@pytest.mark.parametrize(
    "typed,expected",
    [
        ("  АЗАМАТТЫҚ   БІРЕГЕЙЛІК. ", "азаматтық бірегейлік"),
        ("«Ұлтаралық келісім»", "ұлтаралық келісім"),
        ("ӘҒҚҢӨҰҮҺІ", "әғқңөұүһі"),
        ("Толерантность", "толерантность"),
        ("ЁЛКА", "елка"),
        ("Civic\tidentity", "civic identity"),
    ],
)
def test_answers_are_compared_case_and_space_insensitively(typed, expected):
    assert normalize_answer(typed) == expected


def test_match_shows_shuffled_choices_in_labelled_selects():
    source = """
```quiz
id: q-match
type: match
question: Match.
pairs:
  - left: Mediator
    right: A neutral third party
  - left: Parties
    right: The people in the dispute
  - left: Agreement
    right: The outcome
```
"""
    _, quizzes, tree = render(source, lang="en")
    form = tree.cssselect("form")[0]
    selects = form.cssselect("select")
    assert len(selects) == 3
    for select in selects:
        assert form.cssselect(f"label[for={select.get('id')}]")
    shown = [o.text for o in selects[0].cssselect("option")][1:]
    order = display_order("q-match", 3, "match")
    assert shown == [quizzes[0].pairs[i].right for i in order]
    assert shown != [p.right for p in quizzes[0].pairs]
    salt = salt_for("q-match")
    assert payload(form)["m"] == [answer_hash(salt, f"m{i}:{order.index(i)}") for i in range(3)]


def test_order_shows_items_shuffled():
    source = "```quiz\nid: q-order\ntype: order\nquestion: Order.\nitems:\n  - One\n  - Two\n  - Three\n  - Four\n```\n"
    _, quizzes, tree = render(source, lang="en")
    shown = [span.text for span in tree.cssselect(".ccd-quiz__item-text")]
    assert sorted(shown) == sorted(quizzes[0].items) and shown != quizzes[0].items
    positions = [li.get("data-pos") for li in tree.cssselect(".ccd-quiz__item")]
    assert positions == ["0", "1", "2", "3"]


def test_summary_follows_the_quizzes_and_progress_table_renders():
    out, _, tree = render(SINGLE + "\nТекст после.\n")
    summary = tree.cssselect("aside.ccd-quiz-summary")[0]
    assert summary.get("data-total") == "1"
    assert out.index("ccd-quiz-summary") > out.index("Текст после")
    out, quizzes, tree = render("```quiz-progress\n```\n", lang="en")
    assert quizzes == [] and "ccd-quiz-summary" not in out
    assert tree.cssselect(".ccd-progress button.ccd-progress__reset")[0].text == "Reset my results"


def test_a_quiz_inside_an_admonition_renders():
    source = (
        '!!! question "Self-check"\n\n    ```quiz\n    id: q-in\n    type: truefalse\n'
        "    question: Yes?\n    answer: true\n    ```\n"
    )
    _, quizzes, tree = render(source, lang="en")
    assert tree.cssselect("div.admonition form.ccd-quiz") and quizzes[0].id == "q-in"


def test_invalid_block_renders_its_problem_instead_of_a_quiz():
    out, quizzes, _ = render("```quiz\nid: q-bad\ntype: essay\nquestion: Why?\n```\n", lang="en")
    assert quizzes == [] and "unknown quiz type &#x27;essay&#x27;" in out


def test_every_quiz_type_is_one_registered_module():
    from builder.model.quiz.model import QUIZ_TYPES as NAMES
    from builder.model.quiz.types import QUIZ_TYPES
    from builder.model.quiz.types.base import QuizType

    assert tuple(QUIZ_TYPES) == NAMES
    for name, kind in QUIZ_TYPES.items():
        assert kind.name == name and kind.keys and kind.interaction
        overridden = {
            method
            for method in ("parse", "payload", "inputs_html", "answer_html", "printed_html", "correct_pattern")
            if getattr(type(kind), method) is not getattr(QuizType, method)
        }
        assert len(overridden) == 6, (name, overridden)
