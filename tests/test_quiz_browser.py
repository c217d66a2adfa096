"""Quizzes on the built portal in Chromium: every type right and wrong in every language, the keyboard
alone, progress that survives a reload and a browser restart, the My-progress page (axe-core runs on them
in test_accessibility.py)."""

from __future__ import annotations

import pytest

from builder.markdown.quiz.strings import strings
from builder.model.languages import LANGUAGES, language
from builder.model.quiz.model import QUIZ_TYPES
from conftest import CHROMIUM, CHROMIUM_ARGS
from quiz_driver import fill, keyboard_answer, right_response, wrong_response

pytestmark = pytest.mark.browser


def page_url(lang: str, path: str) -> str:
    url = path[: -len("index.md")] if path.endswith("index.md") else path[:-3] + "/"
    return language(lang).url_prefix + url


def graded_ids(content) -> set[str]:
    return {quiz_id for course in content.courses for quiz_id in course.graded}


def self_checks(content, lang: str, path: str) -> list:
    """The quizzes a portal page shows: a course's graded questions are answered in the LMS only."""
    return [q for q in content.page_quizzes[(lang, path)] if q.id not in graded_ids(content)]


def first_quiz_of_type(content, lang: str, quiz_type: str):
    quizzes = [q for q in content.quizzes[lang].values() if q.type == quiz_type and q.id not in graded_ids(content)]
    assert quizzes, f"the content has no '{quiz_type}' quiz in {lang}"
    return sorted(quizzes, key=lambda q: (q.page, q.line))[0]


def verdict(form) -> str:
    return form.locator(".ccd-quiz__feedback strong").inner_text()


@pytest.mark.parametrize("quiz_type", QUIZ_TYPES)
@pytest.mark.parametrize("lang", [lang.code for lang in LANGUAGES])
def test_right_and_wrong_answers_get_the_right_feedback(page, site_url, content, lang, quiz_type):
    quiz = first_quiz_of_type(content, lang, quiz_type)
    labels = strings(lang)
    page.goto(site_url + page_url(lang, quiz.page))
    form = page.locator(f"form.ccd-quiz[data-quiz='{quiz.id}']")

    fill(form, quiz, wrong_response(quiz))
    form.locator(".ccd-quiz__check").click()
    assert verdict(form) in (labels["incorrect"], labels["partly"])
    assert "ccd-quiz--wrong" in form.get_attribute("class")
    if quiz.explanation:
        assert quiz.explanation in form.locator(".ccd-quiz__feedback").inner_text()
    if quiz_type == "single":  # the chosen option's own feedback shows
        chosen = wrong_response(quiz)[0]
        assert form.locator(f"#quiz-{quiz.id}-o{chosen}-fb").inner_text() == quiz.options[chosen].feedback

    form.locator(".ccd-quiz__retry").click()  # a fresh attempt: no verdict, no response kept
    assert form.locator(".ccd-quiz__feedback").inner_text() == ""
    assert form.locator("input:checked").count() == 0
    fill(form, quiz, right_response(quiz))
    form.locator(".ccd-quiz__check").click()
    assert verdict(form) == labels["correct"]
    assert "ccd-quiz--right" in form.get_attribute("class")


def test_an_empty_answer_is_not_graded(page, site_url, content):
    quiz = first_quiz_of_type(content, "en", "single")
    page.goto(site_url + page_url("en", quiz.page))
    form = page.locator(f"form.ccd-quiz[data-quiz='{quiz.id}']")
    form.locator(".ccd-quiz__check").click()
    assert form.locator(".ccd-quiz__feedback").inner_text() == strings("en")["choose"]
    assert "ccd-quiz--" not in form.get_attribute("class")


@pytest.mark.parametrize("lang", [lang.code for lang in LANGUAGES])
def test_a_whole_page_of_quizzes_with_the_keyboard_alone(page, site_url, content, lang):
    path = "textbook/introduction.md"
    quizzes = self_checks(content, lang, path)
    assert {q.type for q in quizzes} == set(QUIZ_TYPES)
    page.goto(site_url + page_url(lang, path))
    page.locator(".md-content h2").last.click()  # start tabbing from the self-check heading
    for quiz in quizzes:
        keyboard_answer(page, quiz, right_response(quiz))
        form = page.locator(f"form.ccd-quiz[data-quiz='{quiz.id}']")
        assert verdict(form) == strings(lang)["correct"], quiz.id
    summary = page.locator(".ccd-quiz-summary__score").inner_text()
    assert summary == strings(lang)["summary"].format(right=len(quizzes), total=len(quizzes))


def test_progress_survives_a_reload_and_a_browser_restart(playwright, site_url, content, tmp_path):
    lang, path = "kk", "textbook/state-policy.md"
    quizzes = self_checks(content, lang, path)
    profile = tmp_path / "profile"
    context = playwright.chromium.launch_persistent_context(str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    page = context.new_page()
    page.goto(site_url + page_url(lang, path))
    first, second = quizzes[0], quizzes[1]
    fill(page.locator(f"form[data-quiz='{first.id}']"), first, right_response(first))
    page.locator(f"form[data-quiz='{first.id}'] .ccd-quiz__check").click()
    fill(page.locator(f"form[data-quiz='{second.id}']"), second, wrong_response(second))
    page.locator(f"form[data-quiz='{second.id}'] .ccd-quiz__check").click()
    expected = strings(lang)["summary"].format(right=1, total=len(quizzes))
    assert page.locator(".ccd-quiz-summary__score").inner_text() == expected
    page.reload()
    assert "ccd-quiz--right" in page.locator(f"form[data-quiz='{first.id}']").get_attribute("class")
    assert "ccd-quiz--wrong" in page.locator(f"form[data-quiz='{second.id}']").get_attribute("class")
    assert page.locator(".ccd-quiz-summary__score").inner_text() == expected
    context.close()

    context = playwright.chromium.launch_persistent_context(str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    page = context.new_page()
    page.goto(site_url + page_url(lang, path))
    assert "ccd-quiz--right" in page.locator(f"form[data-quiz='{first.id}']").get_attribute("class")
    assert page.locator(".ccd-quiz-summary__score").inner_text() == expected

    page.goto(site_url + page_url(lang, "progress.md"))
    rows = page.locator(".ccd-progress__table tbody tr")
    assert rows.count() == 1
    assert rows.first.locator("a").inner_text() == content.page(lang, path).title
    assert rows.first.locator("td").nth(1).inner_text() == expected
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".ccd-progress__reset").click()
    assert page.locator(".ccd-progress__table").is_hidden()
    assert page.locator(".ccd-progress__status").inner_text() == strings(lang)["progress_reset_done"]
    page.goto(site_url + page_url(lang, path))
    assert "ccd-quiz--" not in page.locator(f"form[data-quiz='{first.id}']").get_attribute("class")
    context.close()


@pytest.mark.parametrize("lang", [lang.code for lang in LANGUAGES])
def test_progress_page_is_empty_at_first(page, site_url, lang):
    page.goto(site_url + page_url(lang, "progress.md"))
    assert page.locator(".ccd-progress__status").inner_text() == strings(lang)["progress_empty"]


def test_without_javascript_the_quiz_shows_and_the_answer_can_be_revealed(browser, site_url, content):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    quiz = first_quiz_of_type(content, "ru", "single")
    page.goto(site_url + page_url("ru", quiz.page))
    form = page.locator(f"form[data-quiz='{quiz.id}']")
    assert form.locator("legend").inner_text() == quiz.question
    assert form.locator("label").first.inner_text() == quiz.shown_options()[0][1].text
    assert form.locator(".ccd-quiz__controls").is_hidden()
    reveal = form.locator("details.ccd-quiz__reveal")
    reveal.locator("summary").click()
    right = next(o.text for o in quiz.options if o.correct)
    assert right in reveal.inner_text()
    context.close()
