"""The built portal in Debian's Chromium: search, language switcher, phone and desktop layouts."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from builder.model.content import load_content
from builder.model.errors import ErrorReport
from builder.model.languages import LANGUAGES, language
from conftest import REPO

pytestmark = pytest.mark.browser

SEARCH_WORDS = [
    ("kk", "этносаралық"),
    ("kk", "медиация"),
    ("ru", "толерантность"),
    ("ru", "медиации"),
    ("en", "tolerance"),
    ("en", "mediation"),
]


def page_url(lang: str, path: str) -> str:
    url = path[: -len("index.md")] if path.endswith("index.md") else path[:-3] + "/"
    return language(lang).url_prefix + url


def pages_with_body_word(lang: str, word: str) -> set[str]:
    """URLs of the pages whose body, not title, holds the word."""
    content = load_content(REPO / "content", ErrorReport(REPO))
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.I)
    return {
        page_url(lang, p.path)
        for p in content.pages[lang].values()
        if not p.draft and pattern.search(p.body) and not pattern.search(p.title)
    }


def search(page, query: str) -> list[str]:
    page.keyboard.press("/")  # Material's shortcut focuses the search box
    box = page.locator("input.md-search__input")
    box.fill("")
    box.type(query)
    # Cyrillic typed by Playwright arrives without key-up events, which Material listens for; a query
    # typed while the search worker still loads its index is dropped, so press End until results show.
    for _ in range(20):
        box.press("End")
        try:
            page.wait_for_selector(".md-search-result__item", timeout=500)
            break
        except Exception:  # noqa: BLE001 - Playwright's TimeoutError; try again
            continue
    return page.eval_on_selector_all(
        ".md-search-result__item > a.md-search-result__link", "links => links.map(a => a.href)"
    )


@pytest.mark.parametrize("lang,word", SEARCH_WORDS)
def test_search_finds_body_words(page, site_url, lang, word):
    expected = pages_with_body_word(lang, word)
    assert expected, f"precondition: some {lang} page body holds '{word}'"
    page.goto(site_url + language(lang).url_prefix)
    found = {urlsplit(href).path.removeprefix("/") for href in search(page, word)}
    assert found & expected, (found, expected)
    assert all(href.startswith(language(lang).url_prefix) for href in found)


def test_switcher_keeps_the_reader_on_the_same_page(page, site_url):
    page.goto(site_url + "ru/about/")
    page.locator(".md-header__option .md-select button").hover()
    page.locator(".md-select__link[hreflang=kk]").click()
    page.wait_for_url(site_url + "about/")
    assert page.locator("html").get_attribute("lang") == "kk"
    page.locator(".md-header__option .md-select button").hover()
    page.locator(".md-select__link[hreflang=en]").click()
    page.wait_for_url(site_url + "en/about/")
    assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.parametrize("width,height", [(360, 740), (1280, 800)], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", [lang.code for lang in LANGUAGES])
def test_home_fits_the_screen(browser, site_url, tmp_path_factory, lang, width, height):
    context = browser.new_context(
        viewport={"width": width, "height": height}, device_scale_factor=1, is_mobile=width < 600, has_touch=width < 600
    )
    page = context.new_page()
    for path in ("", "about/", "textbook/state-policy/"):
        page.goto(site_url + language(lang).url_prefix + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{lang} {path} scrolls sideways by {overflow}px at {width}px"
    page.goto(site_url + language(lang).url_prefix)
    shots = Path(tmp_path_factory.getbasetemp()) / "screenshots"
    shots.mkdir(exist_ok=True)
    page.screenshot(path=str(shots / f"home-{lang}-{width}.png"), full_page=True)
    if width < 600:  # on a phone the navigation hides behind the menu button
        assert page.locator("label.md-header__button[for=__drawer]").is_visible()
    context.close()
