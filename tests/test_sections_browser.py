"""Data pages in Chromium: the knowledge-base filter, and axe-core on every kind of data page."""
from __future__ import annotations

import pytest

from builder.languages import LANGUAGES, language
from test_quiz_browser import axe_violations

pytestmark = pytest.mark.browser
FILTER_WORDS = {"kk": "медиация", "ru": "медиация", "en": "mediation"}


@pytest.mark.parametrize("lang", [lang.code for lang in LANGUAGES])
def test_knowledge_base_filters_as_you_type(page, site_url, lang):
    page.goto(site_url + language(lang).url_prefix + "advisor/knowledge-base/")
    questions = page.locator("article details")
    total = questions.count()
    assert total >= 30
    box = page.locator("#ccd-kb-filter-input")
    box.type(FILTER_WORDS[lang])
    box.press("End")
    visible = page.locator("article details:visible")
    shown = visible.count()
    assert 0 < shown < total
    for index in range(shown):
        assert FILTER_WORDS[lang] in visible.nth(index).inner_text().lower()
    assert str(shown) in page.locator(".ccd-kb-filter__status").inner_text()
    box.fill("")
    box.press("End")
    assert page.locator("article details:visible").count() == total
    box.type("qqqxyz")
    assert page.locator("article details:visible").count() == 0
    assert page.locator(".ccd-kb-filter__status").inner_text()


PAGES = ["culture/days/", "culture/excursions/", "glossary/", "about/figures/", "advisor/knowledge-base/",
         "lms/downloads/", "mediation/role-plays/", "methods/collage/"]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("lang", [lang.code for lang in LANGUAGES])
def test_axe_finds_nothing_serious_on_data_and_section_pages(page, site_url, lang, path):
    page.goto(site_url + language(lang).url_prefix + path)
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []
