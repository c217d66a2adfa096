"""`builder serve`: the preview rebuilds when an author saves a page."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from conftest import new_project


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float = 60.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError("timed out")


@contextmanager
def preview(project, log: Path):
    """`builder serve` of the project on a free port, its output in log; yields its address."""
    with open(log, "w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "builder", "--project", str(project.root), "serve", "--port", "0"],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        yield wait_for(lambda: re.search(r"http://127\.0\.0\.1:\d+/", log.read_text()))[0]
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_preview_rebuilds_on_change_and_keeps_the_last_good_build(tmp_path):
    project = new_project(tmp_path)
    log = tmp_path / "serve.log"
    with preview(project, log) as address:
        url = address + "en/guide/"
        page_before = fetch(url)
        assert "peaceful way" in page_before
        assert "livereload" in page_before  # the preview reloads open pages by itself

        preview_dir = project.root / ".cache" / "preview"
        kazakh_page = preview_dir / "guide" / "index.html"
        kazakh_written = kazakh_page.stat().st_mtime_ns
        source = project.content_dir / "en" / "guide" / "index.md"
        source.write_text(source.read_text().replace("peaceful way", "calm way"))
        wait_for(lambda: "calm way" in fetch(url))
        # a text edit re-renders that page alone, and the search finds the new text
        wait_for(lambda: "1 page(s) updated" in log.read_text())
        assert kazakh_page.stat().st_mtime_ns == kazakh_written
        assert "calm way" in (preview_dir / "en" / "search" / "search_index.json").read_text(encoding="utf-8")
        assert "peaceful way" not in (preview_dir / "en" / "search" / "search_index.json").read_text(encoding="utf-8")

        source.write_text(source.read_text().replace("title: Guide", "title: Guide\ntitel: typo"))
        wait_for(lambda: "unknown front matter key 'titel'" in log.read_text())
        assert "calm way" in fetch(url)

        # a new title shows in every page's navigation: that takes a full build
        source.write_text(source.read_text().replace("\ntitel: typo", "").replace("title: Guide", "title: Field guide"))
        wait_for(lambda: "Field guide" in fetch(address + "en/"))


def test_the_preview_gives_its_address_once_something_listens_there(tmp_path):
    # CI once opened the announced address before the server had bound it: connection refused
    from builder.portal.preview import announcing_server

    answered = []

    def try_the_address(port: int) -> None:
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            answered.append(port)

    server = announcing_server(try_the_address, builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        server.server_bind()
        server.server_activate()
    finally:
        server.server_close()
    assert answered and answered[0] != 0
