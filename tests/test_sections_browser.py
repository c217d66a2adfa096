"""Data pages in Chromium: the knowledge-base filter (axe-core runs on them in test_accessibility.py)."""

from __future__ import annotations

import pytest

from builder.model.languages import LANGUAGES, language

pytestmark = pytest.mark.browser
FILTER_WORDS = {"kk": "медиация", "ru": "медиация", "en": "mediation"}
# the filter matches word forms (search's stemmers): what every form of the filter word begins with
FILTER_STEMS = {"kk": "медиация", "ru": "медиац", "en": "mediat"}


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
        assert FILTER_STEMS[lang] in visible.nth(index).inner_text().lower()
    assert str(shown) in page.locator(".ccd-kb-filter__status").inner_text()
    box.fill("")
    box.press("End")
    assert page.locator("article details:visible").count() == total
    box.type("qqqxyz")
    assert page.locator("article details:visible").count() == 0
    assert page.locator(".ccd-kb-filter__status").inner_text()
