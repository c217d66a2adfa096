"""The real content built into a portal: languages, switcher, navigation, offline, atomic output."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from builder.model.content import load_content
from builder.model.errors import ContentInvalid, ErrorReport
from builder.model.languages import LANGUAGES
from builder.pipeline import build
from conftest import REPO, new_project
from offline_scan import scan_site

HTML_LANG = re.compile(r"<html lang=\"([a-z]{2})\"")


def language_of(site: Path, page: Path) -> str:
    first = page.relative_to(site).parts[0]
    return first if first in ("ru", "en") else "kk"


def real_content():
    report = ErrorReport(REPO)
    content = load_content(REPO / "content", report)
    assert not report, report.sorted()
    return content


@pytest.mark.slow  # needs the real site built (built_site)
def test_every_published_page_is_built_in_every_language(built_site):
    content = real_content()
    for lang in LANGUAGES:
        for path in content.published_paths(lang.code):
            url = path[: -len("index.md")] if path.endswith("index.md") else path[:-3] + "/"
            assert (built_site / lang.url_prefix / url / "index.html").is_file(), (lang.code, path)


@pytest.mark.slow  # needs the real site built (built_site)
def test_html_lang_is_right_on_every_page(built_site):
    # the editor's page (/admin/, Decap CMS) speaks the editor's interface language, not a portal language
    pages = [page for page in built_site.rglob("*.html") if page.relative_to(built_site).parts[0] != "admin"]
    assert len(pages) >= 9
    for page in pages:
        match = HTML_LANG.search(page.read_text(encoding="utf-8"))
        assert match, page
        assert match.group(1) == language_of(built_site, page), page


def switcher_links(page: Path) -> dict[str, str]:
    tree = lxml_html.fromstring(page.read_text(encoding="utf-8"))
    return {a.get("hreflang"): a.get("href") for a in tree.cssselect("a.md-select__link")}


@pytest.mark.slow  # needs the real site built (built_site)
def test_switcher_on_a_russian_page_links_to_the_same_page(built_site):
    page = built_site / "ru" / "about" / "index.html"
    links = switcher_links(page)
    assert links == {"kk": "../../about/", "ru": "../../ru/about/", "en": "../../en/about/"}
    for href in links.values():
        assert (page.parent / href / "index.html").resolve().is_file()


@pytest.mark.slow  # needs the real site built (built_site)
def test_switcher_from_every_page_reaches_an_existing_page(built_site):
    for page in built_site.rglob("index.html"):
        if "assets" in page.parts or page.parent == built_site / "search":
            continue
        for lang, href in switcher_links(page).items():
            target = (page.parent / href / "index.html").resolve()
            assert target.is_file(), (page, lang, href)
            assert language_of(built_site, target) == lang


@pytest.mark.slow  # needs the real site built (built_site)
def test_navigation_titles_are_in_the_page_language(built_site):
    content = real_content()
    for lang in LANGUAGES:
        home = (built_site / lang.url_prefix / "index.html").read_text(encoding="utf-8")
        tree = lxml_html.fromstring(home)
        nav_texts = {
            " ".join(a.text_content().split())
            for a in tree.cssselect("nav.md-nav--primary a, nav.md-nav--primary label")
        }
        for path in ("about/index.md", "textbook/index.md"):
            title = content.page(lang.code, path).title
            assert title in nav_texts, (lang.code, title)


@pytest.mark.slow  # needs the real site built (built_site)
def test_interface_labels_are_kazakh_on_kazakh_pages(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    tree = lxml_html.fromstring(home)
    placeholder = tree.cssselect("input.md-search__input")[0].get("placeholder")
    assert placeholder == "Іздеу"
    ru_home = lxml_html.fromstring((built_site / "ru" / "index.html").read_text(encoding="utf-8"))
    assert ru_home.cssselect("input.md-search__input")[0].get("placeholder") == "Поиск"


def test_kazakh_translation_covers_every_material_label():
    import material

    languages = Path(material.__file__).parent / "templates" / "partials" / "languages"
    key_value = re.compile(r"^\s*\"([^\"]+)\":\s*\"((?:[^\"\\]|\\.)*)\"", re.M)
    english = dict(key_value.findall((languages / "en.html").read_text(encoding="utf-8")))
    kazakh = dict(
        key_value.findall((REPO / "theme" / "partials" / "languages" / "kk.html").read_text(encoding="utf-8"))
    )
    assert set(english) - set(kazakh) == set(), "labels missing from theme/partials/languages/kk.html"
    not_words = {"language", "direction"} | {k for k in english if k.startswith("search.config")}
    untranslated = {k for k in english if k not in not_words and re.search(r"[a-z]{3}", kazakh[k])}
    assert untranslated == set(), "labels left in English"
    assert kazakh["language"] == "kk"


@pytest.mark.slow  # needs the real site built (built_site)
def test_nothing_is_loaded_from_another_host(built_site):
    assert scan_site(built_site) == {}


@pytest.mark.slow  # needs the real site built (built_site)
def test_no_script_holds_back_a_portal_page_first_paint(built_site):
    """Scripts are deferred: a phone paints the text before running them (the editor at /admin/ is no
    reading page: Decap renders it all from its script)."""
    blocking = {}
    for page in built_site.rglob("*.html"):
        if page.relative_to(built_site).parts[0] == "admin":
            continue
        tree = lxml_html.parse(str(page)).getroot()
        scripts = tree.xpath("//script[@src][not(@defer)][not(@async)]") if tree is not None else []
        if scripts:
            blocking[page.relative_to(built_site).as_posix()] = [script.get("src") for script in scripts]
    assert blocking == {}
    home = lxml_html.parse(str(built_site / "index.html")).getroot()
    assert any("bundle" in src for src in home.xpath("//script[@defer]/@src")), "Material's bundle is deferred too"


def test_offline_scan_catches_remote_resources(tmp_path):
    (tmp_path / "a.html").write_text(
        '<html><head><link rel="stylesheet" href="https://fonts.googleapis.com/css">'
        '<script src="//cdn.example.org/x.js"></script></head>'
        '<body><img src="http://example.org/a.png"><a href="https://example.org/">'
        "a link is not a load</a></body></html>"
    )
    (tmp_path / "b.css").write_text("@import 'https://example.org/f.css'; a{background:url(//x.org/i.png)}")
    (tmp_path / "c.js").write_text('import("https://unpkg.com/mermaid@11/dist/mermaid.min.js")')
    found = scan_site(tmp_path)
    assert sorted(found) == ["a.html", "b.css", "c.js"]
    assert len(found["a.html"]) == 3 and len(found["b.css"]) == 2


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_broken_content_is_refused_and_the_old_site_stays(tmp_path):
    project = new_project(tmp_path)
    site = build(project, progress=lambda m: None)
    before, dist_before = snapshot(site), snapshot(project.dist_dir)
    (project.content_dir / "ru" / "index.md").write_text("---\ntitle: Главная\nlayout: wide\n---\n# Главная\n")
    with pytest.raises(ContentInvalid) as raised:
        build(project, progress=lambda m: None)
    assert [str(e) for e in raised.value.errors] == [
        "content/ru/index.md:3: unknown front matter key 'layout'; allowed keys are: title, description, draft, "
        "translated_from [front-matter.unknown-key]"
    ]
    assert snapshot(site) == before and snapshot(project.dist_dir) == dist_before
    # no staging folder is left behind; .cache/ keeps the outputs of the last good build
    assert sorted(p.name for p in tmp_path.iterdir()) == [".cache", "content", "dist", "mkdocs.yml", "site", "theme"]


def test_a_failure_while_rendering_leaves_the_old_site(tmp_path, monkeypatch):
    project = new_project(tmp_path)
    site = build(project, progress=lambda m: None)
    before, dist_before = snapshot(site), snapshot(project.dist_dir)

    def half_written(config_file, staging, *arguments, **options):
        (staging / "site").mkdir()
        (staging / "site" / "index.html").write_text("half")
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr("builder.pipeline.build_portal", half_written)
    page = project.content_dir / "en" / "index.md"  # a change, so that the build has work to do
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        build(project, progress=lambda m: None)
    assert snapshot(site) == before and snapshot(project.dist_dir) == dist_before
    # no staging folder is left behind; .cache/ keeps the outputs of the last good build
    assert sorted(p.name for p in tmp_path.iterdir()) == [".cache", "content", "dist", "mkdocs.yml", "site", "theme"]


def test_rebuild_replaces_the_site(tmp_path):
    project = new_project(tmp_path)
    build(project, progress=lambda m: None)
    page = project.content_dir / "en" / "guide" / "index.md"
    page.write_text(page.read_text().replace("peaceful way", "calm and peaceful way"))
    site = build(project, progress=lambda m: None)
    assert "calm and peaceful way" in (site / "en" / "guide" / "index.html").read_text()
