"""axe-core on every page type of the built portal, in every language, in the light and dark schemes.

No violation of any impact is accepted. Images and charts must carry text alternatives.
"""

from __future__ import annotations

import pytest

from accessibility import axe_violations
from builder.model.languages import LANGUAGES, language
from quiz_driver import fill, right_response, wrong_response

pytestmark = [pytest.mark.browser, pytest.mark.slow]  # axe on every page type: over a minute

# One page of every kind the portal has (path below the language's root).
PAGE_TYPES = {
    "home": "",
    "chapter with quizzes": "textbook/introduction/",
    "section index": "mediation/",
    "glossary table": "glossary/",
    "figures chart": "about/figures/",
    "culture days schedule": "culture/days/",
    "excursion schedule": "culture/excursions/",
    "planned event": "culture/excursions/spassk-memorial/",
    "mediation programme": "mediation/programme/",
    "advisor": "advisor/",
    "knowledge base": "advisor/knowledge-base/",
    "downloads": "lms/downloads/",
    "progress": "progress/",
    "not found": "404.html",
}
QUIZ_PAGE = "textbook/introduction.md"


def text_alternatives_missing(page) -> list[str]:
    """Images without alt, and SVG images whose accessible name is empty."""
    return page.evaluate("""() => {
        const missing = [];
        for (const img of document.querySelectorAll('img')) {
            if (!img.hasAttribute('alt')) missing.push('img ' + img.src);
        }
        for (const svg of document.querySelectorAll('svg[role="img"]')) {
            const ids = (svg.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
            const named = (svg.getAttribute('aria-label') || '') +
                ids.map(id => (document.getElementById(id) || {}).textContent || '').join('');
            if (!named.trim()) missing.push('svg ' + svg.outerHTML.slice(0, 80));
        }
        return missing;
    }""")


def answer_some_quizzes(page, content, lang: str) -> int:
    """Answer the first quizzes, one right and the next wrong, so the feedback states are checked."""
    quizzes = content.page_quizzes[(lang, QUIZ_PAGE)][:4]
    for index, quiz in enumerate(quizzes):
        form = page.locator(f"form[data-quiz='{quiz.id}']")
        fill(form, quiz, right_response(quiz) if index % 2 == 0 else wrong_response(quiz))
        form.locator(".ccd-quiz__check").click()
    return len(quizzes)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", [lang.code for lang in LANGUAGES])
def test_no_axe_violation_on_any_page_type(browser, site_url, content, lang, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    found = {}
    try:
        for kind, path in PAGE_TYPES.items():
            page.goto(site_url + language(lang).url_prefix + path)
            # Material picks the palette from prefers-color-scheme: make sure the scheme really applied
            applied = page.locator("body").get_attribute("data-md-color-scheme")
            assert applied == ("slate" if scheme == "dark" else "default"), (kind, applied)
            if path == "textbook/introduction/":
                assert answer_some_quizzes(page, content, lang) >= 2
            problems = axe_violations(page) + [
                ("text-alternative", "missing", item) for item in text_alternatives_missing(page)
            ]
            if problems:
                found[f"{kind} ({path or '/'})"] = problems
    finally:
        context.close()
    assert found == {}


def test_the_check_sees_a_contrast_failure(browser, site_url):
    """The gate can fail: grey-on-grey text injected into a page is reported as a contrast violation."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "textbook/introduction/")
    page.evaluate("""() => { const p = document.querySelector('article p');
                            p.style.color = '#999'; p.style.background = '#aaa'; }""")
    assert "color-contrast" in {violation[0] for violation in axe_violations(page)}
    context.close()
