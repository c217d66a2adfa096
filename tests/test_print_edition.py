"""The print editions: six PDFs typeset from the real content, checked through their text, outline and fonts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import html as lxml_html
from pypdf import PdfReader

from builder.markdown.dialect import make_markdown
from builder.markdown.language_model import Downloads, language_model
from builder.markdown.validate import check_content
from builder.model.catalog import strings
from builder.outputs.print_edition import (
    BOOKS,
    Typesetting,
    book_paths,
    edition_html,
    edition_jobs,
    edition_name,
    local_files_fetcher,
)
from conftest import REPO, dialect_of, new_project, settings_of


def print_labels(lang: str) -> dict[str, str]:
    return strings(lang, "print")


LANGS = ("kk", "ru", "en")
EDITIONS = [(book, lang) for book in BOOKS for lang in LANGS]
KAZAKH_LETTERS = "әғқңөұүі"
MIN_PAGES = {"textbook": 50, "methods": 30}


def flat(text: str) -> str:
    return " ".join(text.split())


def squashed(text: str) -> str:
    """Text without spaces and hyphens, so that words hyphenated across lines compare whole."""
    return re.sub(r"[\s\-\u00ad\u2010]+", "", text)


@pytest.fixture(scope="module")
def readers(print_dir) -> dict[tuple[str, str], PdfReader]:
    return {(book, lang): PdfReader(print_dir / edition_name(book, lang)) for book, lang in EDITIONS}


@pytest.fixture(scope="module")
def texts(readers) -> dict[tuple[str, str], list[str]]:
    return {key: [page.extract_text() for page in reader.pages] for key, reader in readers.items()}


def chapter_titles(content, book: str, lang: str) -> list[str]:
    """The titles the contents and the outline should show, in nav.yml order."""
    return [
        print_labels(lang)["about"] if path == f"{book}/index.md" else content.page(lang, path).title
        for path in book_paths(content.nav, book)
    ]


def book_title(content, book: str, lang: str) -> str:
    return content.page(lang, f"{book}/index.md").title


# -- the built PDFs ------------------------------------------------------------------------------------


@pytest.mark.slow  # the PDFs of the real build (built_site), read with pypdf
def test_six_pdfs_are_listed_with_their_size_and_pages(print_dir, readers):
    listed = json.loads((print_dir / "print.json").read_text(encoding="utf-8"))
    assert sorted(p.name for p in print_dir.glob("*.pdf")) == sorted(
        edition_name(book, lang) for book, lang in EDITIONS
    )
    assert [(entry["book"], entry["lang"]) for entry in listed] == EDITIONS
    for entry in listed:
        path = print_dir / entry["file"]
        assert entry["size"] == path.stat().st_size
        assert entry["pages"] == len(readers[entry["book"], entry["lang"]].pages)
        assert entry["pages"] > MIN_PAGES[entry["book"]], entry


@pytest.mark.slow  # the PDFs of the real build (built_site), read with pypdf
@pytest.mark.parametrize("book, lang", EDITIONS)
def test_title_page_and_metadata(content, readers, texts, book, lang):
    title = book_title(content, book, lang)
    cover = flat(texts[book, lang][0])
    assert title in cover
    assert settings_of(REPO / "mkdocs.yml").site_names[lang] in cover
    assert re.search(r"\b20\d\d\b", cover)
    assert texts[book, lang][0].split()[-1] != "1"  # the title page has no page number
    reader = readers[book, lang]
    assert reader.metadata.title == title
    assert reader.trailer["/Root"]["/Lang"] == lang


@pytest.mark.slow  # the PDFs of the real build (built_site), read with pypdf
@pytest.mark.parametrize("book, lang", EDITIONS)
def test_contents_give_the_page_each_chapter_opens_on(content, readers, texts, book, lang):
    reader, pages = readers[book, lang], texts[book, lang]
    titles = chapter_titles(content, book, lang)
    outline = [item for item in reader.outline if not isinstance(item, list)]
    assert [item.title for item in outline] == [print_labels(lang)["contents"], *titles]  # a bookmark per chapter
    opens_on = [reader.get_destination_page_number(item) + 1 for item in outline[1:]]
    contents = flat(" ".join(pages[1 : opens_on[0] - 1]))
    assert contents.startswith(print_labels(lang)["contents"])
    for title, page in zip(titles, opens_on, strict=False):
        # a long title wraps at a space or after a hyphen ("учебно-|воспитательный")
        pattern = re.escape(title).replace(r"\ ", r"\s+").replace(r"\-", r"-\s*")
        listed = re.search(pattern + r"[\s.]*?(\d+)", contents)
        assert listed, f"{title!r} is missing from the contents"
        assert int(listed.group(1)) == page, title
        opening = re.sub(r"-\s+", "-", flat(pages[page - 1]))
        assert opening.startswith(flat(title)), (title, page)  # the chapter opens that page
    assert opens_on == sorted(opens_on)


@pytest.mark.slow  # the PDFs of the real build (built_site), read with pypdf
@pytest.mark.parametrize("book, lang", EDITIONS)
def test_every_page_after_the_title_page_is_numbered(texts, book, lang):
    for number, text in enumerate(texts[book, lang][1:], 2):
        assert text.split()[-1] == str(number), (book, lang, number)


@pytest.mark.slow  # the PDFs of the real build (built_site), read with pypdf
@pytest.mark.parametrize("book", BOOKS)
def test_kazakh_letters_are_set_in_dejavu(readers, texts, book):
    text = "".join(texts[book, "kk"])
    assert not [letter for letter in KAZAKH_LETTERS if letter not in text]
    for book_lang in [(book, lang) for lang in LANGS]:
        fonts = embedded_fonts(readers[book_lang])
        assert fonts and all("DejaVu" in name for name in fonts), (book_lang, fonts)
        assert {"DejaVu-Serif", "DejaVu-Sans"} <= {name.split("+")[-1] for name in fonts}


def embedded_fonts(reader: PdfReader) -> set[str]:
    """The base font names of every page, each checked to be embedded in the file."""
    names = set()
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descendants = [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]
            for described in descendants:
                descriptor = described["/FontDescriptor"].get_object()
                assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            names.add(str(font["/BaseFont"]))
    return names


@pytest.mark.slow  # the PDFs of the real build (built_site), read with pypdf
@pytest.mark.parametrize("book, lang", EDITIONS)
def test_quizzes_are_printed_as_questions_not_code(content, texts, book, lang):
    text = flat(" ".join(texts[book, lang]))
    assert "```" not in text and "type: single" not in text and "options:" not in text
    md = make_markdown(dialect_of(REPO / "mkdocs.yml"), lang, language_model(content, lang))
    questions = []
    for path in book_paths(content.nav, book):
        md.reset()
        md.convert(content.page(lang, path).body)
        questions += [quiz.question for quiz in md.quizzes]
    assert questions
    printed = squashed(text)
    assert not [question for question in questions if squashed(question) not in printed]


@pytest.mark.slow  # the PDFs of the real build (built_site), read with pypdf
@pytest.mark.parametrize("book, lang", EDITIONS)
def test_links_stay_inside_the_book_or_go_to_the_web(readers, book, lang):
    internal = 0
    for page in readers[book, lang].pages:
        for annotation in page.get("/Annots", []) or []:
            action = annotation.get_object().get("/A", {})
            if action.get("/S") == "/URI":
                uri = str(action["/URI"])
                assert uri.startswith(("http://", "https://")) and ".md" not in uri, uri
            else:
                internal += 1
    assert internal > 10  # the contents at least


@pytest.mark.slow  # the PDFs of the real build (built_site), read with pypdf
def test_the_portal_links_every_book_to_its_pdf(built_site, print_dir):
    for lang in LANGS:
        prefix = "" if lang == "kk" else f"{lang}/"
        for book in BOOKS:
            page = built_site / prefix / book / "index.html"
            links = lxml_html.fromstring(page.read_text(encoding="utf-8")).cssselect(".ccd-print-edition a")
            assert len(links) == 1, page
            href = links[0].get("href")
            assert not href.startswith(("/", "http")), href  # relative: the portal also lives under a sub-path
            target = (page.parent / href).resolve()
            assert target.name == edition_name(book, lang)
            assert target.read_bytes() == (print_dir / target.name).read_bytes()
        downloads = built_site / prefix / "lms" / "downloads" / "index.html"
        tree = lxml_html.fromstring(downloads.read_text(encoding="utf-8"))
        listed = [a.get("href") for a in tree.cssselect(".ccd-downloads--print a")]
        assert sorted(Path(href).name for href in listed) == sorted(edition_name(book, lang) for book, lang in EDITIONS)
        assert all((downloads.parent / href).resolve().is_file() for href in listed)


# -- the parts, fast ----------------------------------------------------------------------------------


def test_book_html_has_contents_printed_quizzes_and_no_dead_links(content, tmp_path):
    # a print index as the portal build sees it: the book must not link to its own PDF
    editions = ({"book": "textbook", "lang": "kk", "title": "T", "file": "textbook-kk.pdf", "size": 1, "pages": 1},)
    settings = settings_of(REPO / "mkdocs.yml")
    job = next(
        job
        for job in edition_jobs(content, settings.site_names, tmp_path)
        if (job.book, job.lang) == ("textbook", "kk")
    )
    shared = Typesetting(
        settings.dialect, {"kk": language_model(content, "kk", Downloads(editions=editions))}, REPO, REPO / "content"
    )
    html = edition_html(job, shared)
    tree = lxml_html.fromstring(html)
    assert tree.get("lang") == "kk" and tree.findtext(".//title") == book_title(content, "textbook", "kk")
    assert [a.get("href") for a in tree.cssselect(".toc a")] == [f"#ch{n}" for n in range(1, len(job.chapters) + 1)]
    ids = {element.get("id") for element in tree.iter() if isinstance(element.tag, str) and element.get("id")}
    for link in tree.iter("a"):
        href = link.get("href") or ""
        assert href.startswith("#") and href[1:] in ids, href  # no .md, no portal files, nothing broken
    assert not tree.cssselect("form, input, script, .headerlink, .ccd-print-edition")
    quizzes = sum(chapter.body.count("```quiz") for chapter in job.chapters)
    assert len(tree.cssselect(".print-quiz")) == quizzes > 0
    assert tree.cssselect(".chapter h1")[0].text_content() == print_labels("kk")["about"]


def test_the_typesetter_fetches_nothing_remote_and_nothing_outside_the_project(tmp_path):
    inside = tmp_path / "project" / "figure.svg"
    inside.parent.mkdir()
    inside.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (tmp_path / "secret.txt").write_text("no")
    fetcher = local_files_fetcher(inside.parent)
    assert fetcher.fetch(inside.as_uri()).read().startswith(b"<svg")
    assert fetcher.fetch("data:text/plain,ok").read() == b"ok"
    for refused in ("https://example.org/font.woff2", "http://127.0.0.1/x.css", (tmp_path / "secret.txt").as_uri()):
        with pytest.raises(ValueError):
            fetcher.fetch(refused)


def test_print_edition_links_belong_on_their_book_index(tmp_path):
    project = new_project(tmp_path)
    for lang in LANGS:
        page = project.content_dir / lang / "guide" / "index.md"
        page.write_text(
            page.read_text(encoding="utf-8") + "\n```downloads\nbook: textbook\n```\n"
            "\n```downloads\nbook: novel\n```\n",
            encoding="utf-8",
        )
    _, report = check_content(project.root, project.content_dir, dialect_of(project.config_file))
    messages = [error.message for error in report.sorted() if "guide/index.md" in str(error)]
    assert "the link to the print edition of textbook belongs on textbook/index.md, where its link points" in messages
    assert "a print edition link takes 'book: …', one of: textbook, methods" in messages
