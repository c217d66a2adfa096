"""The portal as published: downloads reachable under a sub-path of any static server, and the
public address (site_url) in canonical links and the sitemap."""

from __future__ import annotations

import os
import urllib.request
from urllib.parse import urljoin

import pytest
from lxml import html as lxml_html

from builder.audit.server import serve_folder
from builder.cli.commands import main
from builder.model.languages import LANGUAGES
from conftest import new_project

DOWNLOAD_SUFFIXES = (".zip", ".xml", ".txt", ".pdf", ".ics")
PAGES_WITH_DOWNLOADS = ("lms/downloads/", "textbook/", "methods/", "culture/days/", "culture/excursions/")


def fetch(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


@pytest.mark.slow  # needs the real site built (built_site)
def test_every_download_link_works_under_a_sub_path(built_site, tmp_path):
    host_root = tmp_path / "host"
    host_root.mkdir()
    (host_root / "programmes").mkdir()
    (host_root / "programmes" / "dialogue").symlink_to(built_site, target_is_directory=True)
    server = serve_folder(host_root)
    base = f"http://127.0.0.1:{server.server_address[1]}/programmes/dialogue/"
    checked = {}
    try:
        for lang in LANGUAGES:
            for path in PAGES_WITH_DOWNLOADS:
                page_url = base + lang.url_prefix + path
                status, body = fetch(page_url)
                assert status == 200
                for href in lxml_html.fromstring(body).xpath("//article//a/@href"):
                    if href.split("?")[0].endswith(DOWNLOAD_SUFFIXES):
                        url = urljoin(page_url, href)
                        assert url.startswith(base), (page_url, href)  # never above the sub-path
                        if url not in checked:
                            status, data = fetch(url)
                            checked[url] = (status, len(data))
    finally:
        server.shutdown()
    assert all(status == 200 and size > 0 for status, size in checked.values()), checked
    kinds = {url.rsplit(".", 1)[-1] for url in checked}
    assert kinds >= {"zip", "xml", "txt", "pdf", "ics"}
    # every SCORM package, bank and print edition that the build made is linked from the portal
    dist = built_site.parent / "dist"
    for folder in ("scorm", "moodle", "print"):
        for file in (dist / folder).iterdir():
            if file.suffix in DOWNLOAD_SUFFIXES:
                assert any(url.endswith(f"/downloads/{folder}/{file.name}") for url in checked), file.name


def test_the_public_address_goes_into_canonical_links_and_the_sitemap(tmp_path, monkeypatch):
    project = new_project(tmp_path)
    # the command takes the address from SITE_URL (or --site-url) and hands it to the build
    monkeypatch.setitem(os.environ, "SITE_URL", "https://example.org/dialogue/")
    monkeypatch.chdir(project.root)
    assert main(["build"]) == 0
    site = project.site_dir
    page = (site / "ru" / "guide" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.org/dialogue/ru/guide/">' in page
    assert "https://example.org/dialogue/en/guide/" in (site / "en" / "sitemap.xml").read_text(encoding="utf-8")
    # links between pages stay relative, so the same files work on any host
    links = lxml_html.fromstring(page).xpath("//a/@href")
    assert not [link for link in links if link.startswith("https://example.org")]
