"""The installable, offline portal without a browser: the precache lists and the worker the build writes,
the one shared copy of the assets, the web app manifests (tests/test_offline_browser.py drives Chromium)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from lxml import html as lxml_html

from builder.model.catalog import strings
from builder.model.errors import ContentInvalid
from builder.pipeline import build
from builder.portal.service_worker import (
    PRECACHE_BUDGET,
    WORKER_FILE,
    precache_list_file,
    remove_offline_app,
    write_offline_app,
)
from builder.portal.shared_assets import share_assets
from builder.portal.web_app import MANIFEST_FILE, manifest, portal_colours, write_manifest
from conftest import REPO, new_project

EDITOR = ("admin/",)  # as the pipeline passes it (builder/outputs/admin.py)
PAGE = '<html><head><link rel="stylesheet" href="{up}assets/portal.css"></head><body><p>{text}</p></body></html>'


def write(path: Path, text: str | bytes = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def small_site(root: Path) -> Path:
    """An assembled portal in miniature: kk at the root, ru and en below, shared assets, the rest."""
    for prefix in ("", "ru/", "en/"):
        write(root / prefix / "index.html", PAGE.format(up="../" * prefix.count("/"), text=prefix))
        write(root / prefix / "about" / "index.html", PAGE.format(up="../" * (1 + prefix.count("/")), text="about"))
        write(root / prefix / "404.html", "not found")
        write(root / prefix / "search" / "search_index.json", '{"docs": []}')
        write(root / prefix / "search" / "search_index.js", 'var __index = {"docs": []}')
        write(root / prefix / "culture" / "days" / "schedule.ics", "BEGIN:VCALENDAR")
        write(root / prefix / "sitemap.xml", "<urlset/>")
        write(root / prefix / "sitemap.xml.gz", b"\x1f\x8b")
        write(root / prefix / MANIFEST_FILE, "{}")
    for name in (
        "portal.css",
        "offline.js",
        "icons/icon-192.png",
        "search/worker.js",
        "search/lunr.kk.js",
        "javascripts/bundle.min.js",
        "javascripts/bundle.min.js.map",
        "javascripts/workers/search.min.js",
        "javascripts/lunr/min/lunr.ru.min.js",
        "javascripts/lunr/min/lunr.stemmer.support.min.js",
    ):
        write(root / "assets" / name, name)
    write(root / "downloads" / "print" / "textbook-kk.pdf", b"%PDF" + b"0" * 1000)
    write(root / "admin" / "index.html", "editor")
    write(root / "admin" / "decap-cms.js", "editor")
    return root


def listed(site: Path, lang: str) -> dict:
    return json.loads((site / precache_list_file(lang)).read_text(encoding="utf-8"))


def urls(site: Path, lang: str) -> set[str]:
    return {url for url, _, _ in listed(site, lang)["files"]}


def test_each_language_lists_its_pages_as_requested_and_the_shared_assets_it_uses(tmp_path):
    site = small_site(tmp_path)
    write_offline_app(site, EDITOR)
    assert urls(site, "kk") == {
        "./",
        "about/",
        "404.html",
        "search/search_index.json",
        "culture/days/schedule.ics",
        MANIFEST_FILE,
        "assets/portal.css",
        "assets/offline.js",
        "assets/icons/icon-192.png",
        "assets/search/worker.js",
        "assets/search/lunr.kk.js",
        "assets/javascripts/bundle.min.js",
    }
    ru = urls(site, "ru")
    assert {"ru/", "ru/about/", "ru/search/search_index.json", "ru/manifest.webmanifest"} <= ru
    assert {
        "assets/javascripts/lunr/min/lunr.ru.min.js",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
    } <= ru
    assert "assets/search/lunr.kk.js" not in ru  # another language's stemmer
    assert not [url for url in urls(site, "en") if "lunr/min" in url]
    for lang in ("kk", "ru", "en"):
        found = urls(site, lang)
        assert not [url for url in found if url.endswith((".map", ".gz", "sitemap.xml", "search_index.js"))]
        assert not [url for url in found if url.startswith(("downloads/", "admin/", "assets/javascripts/workers/"))]
        assert not [url for url in found if url.startswith(("sw", "ru/sw", "en/sw"))]
        assert all(not url.startswith(("ru/", "en/")) or url.startswith(f"{lang}/") for url in found)


def test_sizes_and_digests_are_the_files_and_the_worker_carries_the_version(tmp_path):
    import hashlib

    site = small_site(tmp_path)
    version = write_offline_app(site, EDITOR)
    data = listed(site, "ru")
    assert data["version"] == version and data["lang"] == "ru"
    for url, size, digest in data["files"]:
        path = site / unquote(url)
        path = path / "index.html" if url.endswith("/") else path
        assert size == path.stat().st_size and digest == hashlib.sha256(path.read_bytes()).hexdigest()
    assert data["bytes"] == sum(size for _, size, _ in data["files"])
    worker = (site / WORKER_FILE).read_text(encoding="utf-8")
    assert f'const VERSION = "{version}";' in worker
    assert '"ru": "ru/"' in worker and '"admin/"' in worker and '"downloads/"' in worker
    assert "__" + "VERSION__" not in worker and "__LANGUAGES__" not in worker and "__BYPASSED__" not in worker


def test_the_version_changes_with_any_stored_byte_and_only_then(tmp_path):
    site = small_site(tmp_path)
    first = write_offline_app(site, EDITOR)
    assert write_offline_app(site, EDITOR) == first  # the same site, the same worker
    write(site / "downloads" / "print" / "textbook-kk.pdf", b"%PDF changed")  # not stored: no new version
    write(site / "assets" / "javascripts" / "bundle.min.js.map", "changed")
    assert write_offline_app(site, EDITOR) == first
    write(site / "en" / "about" / "index.html", PAGE.format(up="../../", text="changed"))
    assert write_offline_app(site, EDITOR) != first


def test_a_language_over_the_budget_fails_the_build_with_its_code(tmp_path):
    site = small_site(tmp_path)
    write(site / "ru" / "big" / "index.html", "x" * 3000)
    with pytest.raises(ContentInvalid) as failed:
        write_offline_app(site, EDITOR, budget=2500)
    (error,) = [e for e in failed.value.errors if e.path == "content/ru"]
    assert error.code == "portal.offline-budget"
    assert "ru/big/" in error.message and "budget" in error.message
    assert not (site / WORKER_FILE).exists()
    assert write_offline_app(site, EDITOR, budget=PRECACHE_BUDGET)


def test_files_reused_by_hard_links_are_replaced_not_written_through(tmp_path):
    earlier = small_site(tmp_path / "earlier")
    write_offline_app(earlier, EDITOR)
    kept = (earlier / WORKER_FILE).read_text(encoding="utf-8")
    site = small_site(tmp_path / "site")
    os.link(earlier / WORKER_FILE, site / WORKER_FILE)  # as the pipeline reuses an unchanged language
    write(site / "about" / "index.html", "changed")
    write_offline_app(site, EDITOR)
    assert (earlier / WORKER_FILE).read_text(encoding="utf-8") == kept
    assert (site / WORKER_FILE).read_text(encoding="utf-8") != kept


def test_a_site_without_the_worker_has_none_of_its_files(tmp_path):
    site = small_site(tmp_path)
    write_offline_app(site, EDITOR)
    remove_offline_app(site)
    assert not list(site.glob("sw*"))


def test_the_languages_below_the_root_use_the_root_assets_and_the_rewrite_is_idempotent(tmp_path):
    ru = tmp_path / "ru"
    write(ru / "assets" / "portal.css", "x")
    write(ru / "index.html", '<link href="assets/portal.css"><script src="assets/offline.js"></script>')
    deep = '<link href="../../assets/portal.css"><a href="../../about/">about</a>'
    config = (
        '<script id="__config" type="application/json">{"base": "../..", "search": "../../assets/search/worker.js"}'
    )
    write(ru / "culture" / "days" / "index.html", deep + config + "</script>")
    write(ru / "404.html", '<link href="/sub/ru/assets/portal.css"><script src="/sub/ru/assets/b.js"></script>')
    share_assets(ru, "ru")
    assert not (ru / "assets").exists()
    root_page = (ru / "index.html").read_text(encoding="utf-8")
    assert 'href="../assets/portal.css"' in root_page and 'src="../assets/offline.js"' in root_page
    page = (ru / "culture" / "days" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../assets/portal.css"' in page and 'href="../../about/"' in page
    assert '"search": "../../../assets/search/worker.js"' in page and '"base": "../.."' in page
    assert 'href="/sub/assets/portal.css"' in (ru / "404.html").read_text(encoding="utf-8")
    # a preview's partial rebuild: mkdocs copies assets/ again and runs the pass over all pages
    write(ru / "assets" / "portal.css", "x")
    before = {page: page.read_text(encoding="utf-8") for page in ru.rglob("*.html")}
    share_assets(ru, "ru")
    assert {page: page.read_text(encoding="utf-8") for page in ru.rglob("*.html")} == before
    assert not (ru / "assets").exists()


def test_the_default_language_keeps_its_assets(tmp_path):
    write(tmp_path / "assets" / "portal.css", "x")
    write(tmp_path / "index.html", '<link href="assets/portal.css">')
    assert share_assets(tmp_path, "kk") == 0
    assert (tmp_path / "assets" / "portal.css").is_file()


def test_the_manifest_speaks_the_language_and_wears_the_portal_colours(tmp_path):
    theme, background = portal_colours(REPO / "theme" / "assets" / "portal.css")
    assert (theme, background) == ("#00695c", "#ffffff")
    for lang in ("kk", "ru", "en"):
        (tmp_path / lang).mkdir()
        data = json.loads(write_manifest(tmp_path / lang, lang, REPO / "theme" / "assets" / "portal.css").read_text())
        assert data["name"] == strings(lang, "offline")["app_name"] and data["lang"] == lang
        assert data["short_name"] == strings(lang, "offline")["app_short_name"]
        assert data["start_url"] == data["scope"] == "./"
        assert data["theme_color"] == theme
        purposes = {(icon["sizes"], icon["purpose"]) for icon in data["icons"]}
        assert {("192x192", "any"), ("512x512", "any"), ("192x192", "maskable"), ("512x512", "maskable")} <= purposes
        assert any(icon["type"] == "image/svg+xml" for icon in data["icons"])
    assert manifest("ru", theme, background)["icons"][0]["src"].startswith("../assets/icons/")
    assert manifest("kk", theme, background)["icons"][0]["src"].startswith("assets/icons/")


def test_the_committed_icons_are_the_sizes_the_manifest_names():
    from PIL import Image

    for icon in manifest("kk", "#000", "#fff")["icons"]:
        name, sizes = icon["src"].rsplit("/", 1)[1], icon["sizes"]
        path = REPO / "theme" / "assets" / "icons" / name
        assert path.is_file(), name
        if sizes != "any":
            with Image.open(path) as image:
                assert f"{image.width}x{image.height}" == sizes
    with Image.open(REPO / "theme" / "assets" / "icons" / "apple-touch-icon.png") as touch:
        assert touch.size == (180, 180) and touch.mode == "RGB"  # opaque: iOS shows transparency as black


def test_kazakh_strings_are_cyrillic_with_kazakh_letters():
    texts = re.sub(r"\{\w+\}", "", " ".join(strings("kk", "offline").values()))  # placeholders aside
    assert re.search("[әғқңөұүһі]", texts) and not re.search("[a-zA-Z]{3,}", texts.replace("МБ", ""))


# --- the real build ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_built_languages_below_the_root_load_every_asset_from_the_root(built_site):
    for prefix in ("ru", "en"):
        assert not (built_site / prefix / "assets").exists()
    checked = 0
    for page in sorted(built_site.rglob("*.html")):
        relative = page.relative_to(built_site).as_posix()
        if relative.startswith(("admin/", "downloads/")) or relative == "404.html" or relative.endswith("/404.html"):
            continue  # the editor is not ours; 404 pages use addresses from the site's root
        text = page.read_text(encoding="utf-8")
        tree = lxml_html.fromstring(text)
        found = [value for value in tree.xpath("//@src | //@href") if re.match(r"(\.\./)*assets/", value)]
        config = tree.xpath("//script[@id='__config']/text()")
        if config:
            found.append(json.loads(config[0])["search"])
        for value in found:
            target = Path(unquote(urljoin(page.as_uri(), value.split("#")[0].split("?")[0])[len("file://") :]))
            assert target.is_file(), f"{relative}: {value}"
            assert target.is_relative_to(built_site / "assets"), f"{relative}: {value}"
            checked += 1
        assert 'rel="manifest"' in text and 'name="theme-color"' in text and 'rel="apple-touch-icon"' in text
    assert checked > 1000


@pytest.mark.slow
def test_the_built_precache_lists_fit_the_budget_and_name_existing_files(built_site):
    version = None
    for lang in ("kk", "ru", "en"):
        data = listed(built_site, lang)
        version = version or data["version"]
        assert data["version"] == version
        assert 0 < data["bytes"] <= PRECACHE_BUDGET
        for url, size, _ in data["files"]:
            path = built_site / unquote(url)
            assert (path / "index.html" if url.endswith("/") else path).stat().st_size == size
    assert f'"{version}"' in (built_site / WORKER_FILE).read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_published_build_has_the_worker_and_the_preview_build_has_none(tmp_path):
    project = new_project(tmp_path)
    published = build(project, tmp_path / "site", progress=lambda message: None)
    assert (published / WORKER_FILE).is_file()
    assert {url for url in urls(published, "kk") if url.startswith(("admin/", "downloads/"))} == set()
    assert not (published / "ru" / "assets").exists() and (published / "assets" / "offline.js").is_file()
    # what `builder serve` builds: a worker there would keep serving pages from before an edit
    preview = build(project, tmp_path / "preview", progress=lambda message: None, offline_app=False)
    assert not list(preview.glob("sw*")) and (preview / "index.html").is_file()
