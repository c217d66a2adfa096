"""The portal offline in Chromium: stored after the first visit, then read with no connection — pages never
opened, search, a quiz and "My progress" —; a new build offered and taken whole; under a sub-path; the
editor and the downloads left to the network; removal; no worker from file:// or in the preview."""

from __future__ import annotations

import http.server
import json
import shutil
import threading
from pathlib import Path

import pytest

from builder.audit.server import SiteHandler
from builder.model.catalog import strings
from builder.outputs.admin import OFFLINE_CACHE_EXCLUDED
from builder.portal.service_worker import PRECACHE_BUDGET, precache_list_file, remove_offline_app, write_offline_app
from quiz_driver import fill, right_response
from test_browser import search

pytestmark = [pytest.mark.browser, pytest.mark.slow]

STORE_TIMEOUT = 120_000  # ms: a language is some 6 MB; the machine may be busy


class SwitchableServer:
    """A static server on 127.0.0.1 whose folder can be switched (a new build published at the same
    address), optionally under a path prefix (a GitHub Pages project site)."""

    def __init__(self, root: Path, prefix: str = "/"):
        self.root, self.prefix = root, prefix
        server = self

        class Handler(SiteHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(server.root), **kwargs)

            def translate_path(self, path):
                if not path.startswith(server.prefix):
                    return str(server.root / "no such file")
                return super().translate_path("/" + path[len(server.prefix) :])

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}{prefix}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def context(browser):
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture(scope="module")
def published(built_site, tmp_path_factory) -> Path:
    """A copy of the real build to serve and change (the session's built site stays as it is)."""
    copy = tmp_path_factory.mktemp("published") / "site"
    shutil.copytree(built_site, copy)
    return copy


@pytest.fixture
def server(published):
    served = SwitchableServer(published)
    yield served
    served.close()


def texts(lang: str) -> dict:
    return strings(lang, "offline")


def precache(site: Path, lang: str) -> dict:
    return json.loads((site / precache_list_file(lang)).read_text(encoding="utf-8"))


def pages_of(site: Path, lang: str) -> list[str]:
    return [url for url, _, _ in precache(site, lang)["files"] if url.endswith("/") and url != "./"]


def megabytes(lang: str, size: int) -> str:
    decimal = "." if lang == "en" else ","
    return texts(lang)["megabytes"].format(size=f"{size / 1e6:.1f}".replace(".", decimal))


def stored_text(lang: str, size: int) -> str:
    return texts(lang)["ready"].format(size=megabytes(lang, size))


def unique_bytes(site: Path, *langs: str) -> int:
    sizes = {url: size for lang in langs for url, size, _ in precache(site, lang)["files"]}
    return sum(sizes.values())


def wait_until_stored(page, lang: str, expected_bytes: int) -> None:
    status = page.locator(".ccd-offline__text")
    expected = stored_text(lang, expected_bytes)
    page.wait_for_function(
        "expected => document.querySelector('.ccd-offline__text').textContent === expected",
        arg=expected,
        timeout=STORE_TIMEOUT,
    )
    assert status.inner_text() == expected
    assert page.locator(".ccd-offline__action").inner_text() == texts(lang)["remove"]


def cache_names(page) -> list[str]:
    return page.evaluate("async () => (await caches.keys()).filter(name => name.startsWith('ccd-offline-'))")


def open_offline(page, url: str):
    response = page.goto(url)
    assert response is not None and response.ok, url
    assert response.from_service_worker, url
    return response


def styled(page) -> bool:
    """The portal's stylesheet applies: the header bar has the portal's colour."""
    colour = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    return colour == "rgb(0, 105, 92)"


def test_a_stored_language_reads_offline_pages_search_quizzes_and_progress(context, server, published, content):
    page = context.new_page()
    page.goto(server.url)
    wait_until_stored(page, "kk", unique_bytes(published, "kk"))
    # the reader opens another language: it is stored too, and the status counts both (shared assets once)
    page.goto(server.url + "ru/")
    wait_until_stored(page, "ru", unique_bytes(published, "kk", "ru"))
    names = cache_names(page)
    assert {name.rsplit("-", 1)[1] for name in names} == {"kk", "ru", "assets"}  # not all three languages

    context.set_offline(True)
    kk_pages, ru_pages = pages_of(published, "kk"), pages_of(published, "ru")
    unvisited = [p for p in kk_pages if p.count("/") >= 2][:6] + [p for p in ru_pages if p.count("/") >= 3][:4]
    assert len(unvisited) == 10
    for url in unvisited:
        open_offline(page, server.url + url)
        assert page.locator("h1").first.inner_text().strip(), url
        assert styled(page), url
    # a language never opened is not stored: with no connection it does not open
    elsewhere = context.new_page()
    with pytest.raises(Exception, match="ERR_"):
        elsewhere.goto(server.url + "en/about/")
    elsewhere.close()

    # search, in both stored languages, with no connection (the index and the worker from the cache)
    open_offline(page, server.url + "about/")
    assert any("/mediation/" in link for link in search(page, "медиация"))
    open_offline(page, server.url + "ru/about/")
    assert search(page, "медиации")

    # a quiz on a page never opened, then "My progress"
    lang, path = "kk", "textbook/state-policy.md"
    quiz = next(q for q in content.page_quizzes[(lang, path)] if q.id not in graded(content))
    open_offline(page, server.url + "textbook/state-policy/")
    form = page.locator(f"form[data-quiz='{quiz.id}']")
    fill(form, quiz, right_response(quiz))
    form.locator(".ccd-quiz__check").click()
    assert "ccd-quiz--right" in form.get_attribute("class")
    open_offline(page, server.url + "progress/")
    rows = page.locator(".ccd-progress__table tbody tr")
    assert rows.count() == 1
    assert rows.first.locator("a").inner_text() == content.page(lang, path).title


def graded(content) -> set[str]:
    return {quiz_id for course in content.courses for quiz_id in course.graded}


def changed_build(published: Path, folder: Path, marker: str) -> Path:
    """The published site with one page's text changed, as the next build publishes it."""
    site = folder / "site"
    shutil.copytree(published, site)
    about = site / "about" / "index.html"
    about.write_text(about.read_text(encoding="utf-8").replace("</h1>", f" {marker}</h1>", 1), encoding="utf-8")
    write_offline_app(site, OFFLINE_CACHE_EXCLUDED)
    return site


def wait_for_update_offer(page) -> None:
    page.wait_for_function(
        "text => document.querySelector('.ccd-offline__text').textContent === text",
        arg=texts("kk")["update_ready"],
        timeout=STORE_TIMEOUT,
    )


def test_a_new_build_is_offered_and_taken_whole(context, server, published, tmp_path):
    marker = "ЖАҢА-НҰСҚА"
    old_version = precache(published, "kk")["version"]
    page = context.new_page()
    page.goto(server.url + "about/")
    wait_until_stored(page, "kk", unique_bytes(published, "kk"))
    assert marker not in page.locator("h1").first.inner_text()

    server.root = changed_build(published, tmp_path, marker)
    new_version = precache(server.root, "kk")["version"]
    assert new_version != old_version
    page.reload()  # the browser looks for a new worker on every visit; the old one serves meanwhile
    wait_for_update_offer(page)
    # until the reader switches, every page is the old build's, though the server has the new one
    page.goto(server.url + "about/")
    assert marker not in page.locator("h1").first.inner_text()
    wait_for_update_offer(page)  # every page offers it
    assert page.locator(".ccd-offline__action").inner_text() == texts("kk")["update"]
    with page.expect_navigation():  # the switch reloads the page
        page.locator(".ccd-offline__action").click()
    page.wait_for_function("m => document.querySelector('h1').textContent.includes(m)", arg=marker)
    names = cache_names(page)
    assert names and all(name.startswith(f"ccd-offline-{new_version}-") for name in names)
    # the new copy is whole: offline, the changed page and the others come from the new build
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    context.set_offline(True)
    open_offline(page, server.url + "about/")
    assert marker in page.locator("h1").first.inner_text()
    open_offline(page, server.url + "glossary/")


def test_under_a_sub_path_the_worker_has_the_portal_root_as_scope(browser, published):
    served = SwitchableServer(published, "/sub/")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(served.url + "ru/")
        wait_until_stored(page, "ru", unique_bytes(published, "ru"))
        scope = page.evaluate("async () => (await navigator.serviceWorker.getRegistration()).scope")
        assert scope == served.url
        context.set_offline(True)
        open_offline(page, served.url + "ru/glossary/")
        assert styled(page)
    finally:
        context.close()
        served.close()


def test_the_editor_and_the_downloads_go_to_the_network(context, server, published):
    page = context.new_page()
    page.goto(server.url)
    wait_until_stored(page, "kk", unique_bytes(published, "kk"))
    assert page.goto(server.url + "glossary/").from_service_worker
    editor = page.goto(server.url + "admin/")
    assert not editor.from_service_worker
    download = next((published / "downloads").rglob("*.pdf")).relative_to(published).as_posix()
    with page.expect_response(lambda response: download in response.url) as response:
        page.evaluate("url => fetch(url).then(r => r.status)", server.url + download)
    assert not response.value.from_service_worker


def test_the_reader_can_remove_the_offline_copy(context, server, published):
    page = context.new_page()
    page.goto(server.url)
    wait_until_stored(page, "kk", unique_bytes(published, "kk"))
    page.locator(".ccd-offline__action").click()
    page.wait_for_function(
        "text => document.querySelector('.ccd-offline__text').textContent === text", arg=texts("kk")["removed"]
    )
    page.wait_for_function("async () => !(await navigator.serviceWorker.getRegistration())")
    assert cache_names(page) == []
    # the choice stays: a later visit stores nothing and offers to store again
    page.reload()
    page.wait_for_function(
        "text => document.querySelector('.ccd-offline__action').textContent === text", arg=texts("kk")["enable"]
    )
    assert cache_names(page) == []
    assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
    page.locator(".ccd-offline__action").click()
    wait_until_stored(page, "kk", unique_bytes(published, "kk"))


def test_a_site_without_a_worker_removes_the_one_a_published_build_left(context, server, published, tmp_path):
    """The preview of `builder serve` publishes no worker; on an address where a published build left
    one, the page unregisters it rather than be served stale pages."""
    page = context.new_page()
    page.goto(server.url)
    wait_until_stored(page, "kk", unique_bytes(published, "kk"))
    preview = tmp_path / "preview"
    shutil.copytree(published, preview)
    remove_offline_app(preview)
    server.root = preview
    page.reload()  # served by the worker from its cache; the page finds no worker published, removes it
    page.wait_for_event("framenavigated")  # and reloads itself once, from the network
    page.wait_for_selector(".ccd-offline[data-state=none]", state="attached")
    assert page.evaluate("() => navigator.serviceWorker.controller") is None
    assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
    assert page.locator(".ccd-offline").is_hidden()
    # a later visit registers nothing either
    page.reload()
    page.wait_for_selector(".ccd-offline[data-state=none]", state="attached")
    assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0


def test_from_file_pages_open_styled_and_no_worker_is_registered(context, published):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path in ("index.html", "ru/glossary/index.html", "en/culture/days/index.html"):
        page.goto((published / path).as_uri())
        page.wait_for_load_state("load")
        assert styled(page), path  # the root's shared stylesheet, from a language's folder too
        assert page.locator(".ccd-offline").is_hidden()
        assert page.evaluate("() => 'IFrameWorker' in window")  # the shim that lets search run here
    assert errors == []


def test_from_file_search_answers(context, published):
    """Material runs the search worker in an iframe there (the iframe-worker shim), whose importScripts
    loads asynchronously."""
    page = context.new_page()
    page.goto((published / "ru" / "glossary" / "index.html").as_uri())
    assert any("/ru/" in link for link in search(page, "толерантность"))


def test_every_language_fits_the_precache_budget(published):
    for lang in ("kk", "ru", "en"):
        assert 0 < precache(published, lang)["bytes"] <= PRECACHE_BUDGET
