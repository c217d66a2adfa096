"""The editor at /admin/ in Chromium, against the local backend: `builder serve --edit` on a copy of a project.

Each test starts `builder serve --edit` (the preview and decap-server on free ports) on a throwaway project
with quizzes and event pages, edits through Decap CMS's forms as an author would, and checks the files on
disk, `builder check`, `builder status` and a build.
"""

from __future__ import annotations

import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
from lxml import html as lxml_html
from playwright.sync_api import expect

from builder.cli.commands import main
from builder.outputs.admin import BUNDLE_FOLDER
from builder.pipeline import build
from conftest import REPO, new_project

pytestmark = [pytest.mark.browser, pytest.mark.slow]

BUILDER = Path(sys.executable).parent / "builder"
STARTUP = 120  # seconds for the first build and decap-server; a limit, not a measurement
SAVED = 30  # seconds for a save to reach the disk
FENCE = re.compile(r"^```quiz\n.*?^```$", re.M | re.S)


class Editing:
    """`builder serve --edit` running on a project: the preview's and decap-server's addresses."""

    def __init__(self, root: Path):
        self.root = root
        self.process = subprocess.Popen(
            [str(BUILDER), "--project", str(root), "serve", "--edit", "--port", "0", "--edit-port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.output: list[str] = []
        self.preview = self.api = ""
        deadline = time.monotonic() + STARTUP
        while not self.preview:
            line = self.process.stdout.readline()
            if not line or time.monotonic() > deadline:
                self.stop()
                pytest.fail("builder serve --edit did not start:\n" + "".join(self.output))
            self.output.append(line)
            if match := re.search(r"decap-server on (http://\S+)\)", line):
                self.api = match.group(1)
            if match := re.search(r"previewing on (http://\S+/)", line):
                self.preview = match.group(1)
        # the line is printed just before the preview's server starts listening
        while True:
            try:
                socket.create_connection(("127.0.0.1", urlparse(self.preview).port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    pytest.fail("the preview did not listen:\n" + "".join(self.output))
                time.sleep(0.1)

    @property
    def admin(self) -> str:
        return self.preview + "admin/"

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(30)
        finally:
            self.process.stdout.close()


@pytest.fixture
def project(tmp_path):
    bundle = REPO / BUNDLE_FOLDER
    if not (bundle / "decap-cms.js").is_file():
        pytest.fail(f"Decap CMS's bundle is not in {bundle}: run scripts/setup.sh")
    project = new_project(tmp_path, overlays=("course", "culture"))
    shutil.copytree(bundle, tmp_path / BUNDLE_FOLDER)
    (tmp_path / "node_modules").symlink_to(REPO / "node_modules")
    assert main(["--project", str(tmp_path), "translations", "mark", "--all"]) == 0
    return project


@pytest.fixture
def editing(project):
    running = Editing(project.root)
    yield running
    assert running.stop() == 128 + signal.SIGTERM
    port = urlparse(running.api).port
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
        pass  # decap-server stopped with the preview


def open_editor(page, editing: Editing, route: str) -> None:
    page.goto(editing.admin)
    page.get_by_role("button", name="Войти").click()  # the local backend: no account, one click
    page.goto(editing.admin + "#/" + route)


def publish(page, saved: bool = True) -> None:
    """Publish now; with `saved`, wait for Decap's notice that the backend has written the files."""
    page.get_by_role("button", name="Опубликовать", exact=True).click()
    page.get_by_text("Опубликовать сейчас").click()
    if saved:  # the entry's header turns from "unsaved changes" to "changes saved"
        expect(page.get_by_text(re.compile("^изменения сохранены$", re.I))).to_be_visible(timeout=SAVED * 1000)


def caret_at_end_of(page, line) -> None:
    """Put the caret at the end of a line of the Markdown editor: an author's click, then the caret moved
    to the line's end (the End key, sent at once after the click, is sometimes lost to the editor's focus
    handling)."""
    line.click()
    line.evaluate(
        """element => {
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          let last = null;
          while (walker.nextNode()) last = walker.currentNode;
          const range = document.createRange();
          range.setStart(last, last.textContent.length);
          getSelection().removeAllRanges();
          getSelection().addRange(range);
        }"""
    )
    at_end = "() => { const s = getSelection(); return s.focusOffset === s.focusNode.textContent.length; }"
    page.wait_for_function(at_end)


def run_builder(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BUILDER), "--project", str(root), *args], capture_output=True, text=True, check=False)


def test_editing_a_kazakh_page_changes_its_text_only_and_its_translations_lag(page, project, editing):
    kk, ru, en = (project.content_dir / lang / "guide" / "index.md" for lang in ("kk", "ru", "en"))
    before = {path: path.read_text(encoding="utf-8") for path in (kk, ru, en)}
    assert FENCE.search(before[kk])
    status = run_builder(project.root, "status", "--no-diff").stdout
    assert "translations: all" in status and "up to date" in status

    open_editor(page, editing, "collections/guide/entries/index")
    expect(page.locator("input[id^=title-field]").first).to_have_value("Нұсқаулық")  # the entry has loaded
    caret_at_end_of(page, page.locator("[data-slate-editor]").first.get_by_text("Негізгі қағидалар"))
    # a paragraph under the heading (renaming the heading would break the home page's link to its anchor,
    # which `builder check` reports)
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.keyboard.type("Медиация — ерікті үдеріс.")
    publish(page)

    after = kk.read_text(encoding="utf-8")
    assert after == before[kk].replace("## Негізгі қағидалар\n", "## Негізгі қағидалар\n\nМедиация — ерікті үдеріс.\n")
    assert FENCE.findall(after) == FENCE.findall(before[kk])  # the quiz, byte for byte
    assert ru.read_text(encoding="utf-8") == before[ru] and en.read_text(encoding="utf-8") == before[en]
    check = run_builder(project.root, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    status = run_builder(project.root, "status", "--no-diff").stdout
    lagging = status[status.index("translations behind their Kazakh page") :]
    assert "content/ru/guide/index.md" in lagging and "content/en/guide/index.md" in lagging
    assert "content/kk/guide/index.md changed since" in lagging


def test_a_page_created_in_three_languages_is_in_the_navigation_after_a_build(page, project, editing, tmp_path):
    open_editor(page, editing, "collections/guide/new")
    page.locator("input[id^=file_name-field]").first.fill("new-topic")
    titles, texts = page.locator("input[id^=title-field]"), page.locator("[data-slate-editor]")
    for lang, title, text in (
        ("RU", "Новая тема", "Текст новой темы."),
        ("EN", "New topic", "The new topic's text."),
    ):
        page.get_by_text("Пишем на", exact=False).nth(1).click()  # the right-hand pane's language
        page.get_by_role("menuitem", name=lang).click()
        titles.nth(1).fill(title)
        texts.nth(1).click()
        page.keyboard.type(text)
    titles.nth(0).fill("Жаңа тақырып")
    texts.nth(0).click()
    page.keyboard.type("Жаңа тақырыптың мәтіні.")
    # a new page starts as a draft; the author publishes it in all three languages at once
    draft = page.locator("[id^=draft-field]").first
    assert draft.get_attribute("aria-checked") == "true"
    draft.click()
    publish(page)
    page.wait_for_url(re.compile(r"#/collections/guide/entries/new-topic$"))  # Decap opens the new entry

    created = {lang: project.content_dir / lang / "guide" / "new-topic.md" for lang in ("kk", "ru", "en")}
    assert created["kk"].read_text(encoding="utf-8").startswith('---\ntitle: "Жаңа тақырып"\ndraft: false\n---\n')
    assert "Текст новой темы." in created["ru"].read_text(encoding="utf-8")

    # and lists it in the navigation, content/nav.yml, edited as a file in the editor
    nav = project.content_dir / "nav.yml"
    nav_before = nav.read_text(encoding="utf-8")
    page.goto(editing.admin + "#/collections/navigation")
    page.get_by_text("Navigation: the order of the pages").click()
    navigation = page.locator("textarea[id^=text-field]")
    expect(navigation).to_have_value(nav_before)
    navigation.fill(nav_before.replace("- guide/index.md\n", "- guide/index.md\n    - guide/new-topic.md\n"))
    publish(page)
    nav_after = nav.read_text(encoding="utf-8")
    assert nav_after == nav_before.replace("- guide/index.md\n", "- guide/index.md\n    - guide/new-topic.md\n")

    site = build(project, tmp_path / "built", progress=lambda message: None)
    for prefix, title in (("", "Жаңа тақырып"), ("ru/", "Новая тема"), ("en/", "New topic")):
        # in the navigation of its section (navigation.prune shows a section's pages inside it)
        section = lxml_html.fromstring((site / prefix / "guide" / "index.html").read_text(encoding="utf-8"))
        links = {a.get("href"): a.text_content().strip() for a in section.cssselect("nav.md-nav--primary a")}
        assert links.get("new-topic/") == title, (prefix, links)
        assert (site / prefix / "guide" / "new-topic" / "index.html").is_file()


def test_a_field_with_an_invalid_value_is_refused_in_the_form(page, project, editing):
    korean = project.content_dir / "kk" / "culture" / "days" / "korean.md"
    before = korean.read_text(encoding="utf-8")
    open_editor(page, editing, "collections/culture-days/entries/korean")
    time_field, title = page.locator("input[id^=time-field]").first, page.locator("input[id^=title-field]").first
    expect(time_field).to_have_value("15:00")
    time_field.fill("25:00")  # the model's pattern for a time, in the form
    publish(page, saved=False)
    expect(page.get_by_text("a 24-hour time, e.g. 15:00", exact=False).first).to_be_visible()
    time_field.fill("15:30")
    title.fill("")  # a required field left empty
    publish(page, saved=False)
    expect(page.get_by_text("Необходимо указать значение поля Title").first).to_be_visible()
    assert korean.read_text(encoding="utf-8") == before  # nothing was saved
