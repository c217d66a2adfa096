"""The print editions: the textbook and the methodological recommendations as one PDF per language.

Each book is the section of content/nav.yml with its name, its pages in navigation order. The pages
are rendered with the portal's own Markdown dialect; interactive quizzes become printed questions;
links between the book's chapters become links inside the PDF, others go to the portal (when its
address is known) or become plain text. WeasyPrint lays the pages out with the print stylesheet in
builder/print/, loading nothing from the network. The list of editions goes to dist/print/print.json,
which the portal's downloads blocks read.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from concurrent.futures import as_completed
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from jinja2 import Environment, FileSystemLoader, select_autoescape
from lxml import html as lxml_html

from builder.markdown.dialect import Dialect, make_markdown
from builder.markdown.language_model import language_model
from builder.markdown.quiz.strings import strings as quiz_strings
from builder.model.books import BOOKS
from builder.model.catalog import strings
from builder.model.content import Content, NavEntry, Page
from builder.model.languages import LANGUAGE_CODES, language
from builder.model.quiz.model import Quiz
from builder.model.quiz.types import QUIZ_TYPES
from builder.outputs.coursebook import relink
from builder.store.cache import BuildCache, link_or_copy
from builder.store.fingerprint import ProjectInputs, combine
from builder.store.workers import Shared, forked_pool

INDEX_FILE = "print.json"
TEMPLATE_DIR = Path(__file__).parent / "print"


@dataclass(frozen=True)
class PrintEdition:
    book: str
    lang: str
    title: str
    file: str  # relative to dist/print/
    size: int  # bytes, as in the other download indexes
    pages: int


@dataclass(frozen=True)
class Chapter:
    path: str  # "textbook/state-policy.md"
    anchor: str  # the chapter's id in the book, "ch3"
    title: str
    body: str  # Markdown
    folder: Path  # the page's folder, for relative image paths


@dataclass(frozen=True)
class EditionJob:
    """Everything one worker process needs to typeset one book in one language."""

    book: str
    lang: str
    title: str
    site_name: str
    year: int
    chapters: tuple[Chapter, ...]
    target: Path
    portal_url: str | None = None

    def listed(self, pages: int) -> PrintEdition:
        """The entry of print.json for the PDF this job wrote."""
        return PrintEdition(self.book, self.lang, self.title, self.target.name, self.target.stat().st_size, pages)


def edition_name(book: str, lang: str) -> str:
    return f"{book}-{lang}.pdf"


def book_paths(nav: list[NavEntry], book: str) -> list[str]:
    """The page paths of the book's nav.yml section, in order (sub-sections flattened)."""

    def flatten(entries: list[NavEntry]) -> list[str]:
        return [path for entry in entries for path in (flatten(entry.children) if entry.is_section else [entry.path])]

    for entry in nav:
        if entry.is_section and entry.path == f"{book}/":
            return flatten(entry.children)
    return []


def edition_year() -> int:
    # SOURCE_DATE_EPOCH pins the date for reproducible builds; otherwise the build date
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return moment.year


@dataclass(frozen=True)
class Typesetting:
    """What every typesetting worker shares: the dialect, each language's model, the folders it may read."""

    dialect: Dialect
    models: dict  # lang -> LanguageModel
    project_root: Path
    content_dir: Path


def edition_jobs(
    content: Content, site_names: dict[str, str], out_dir: Path, portal_url: str | None = None
) -> list[EditionJob]:
    names = site_names
    year = edition_year()
    jobs = []
    for book in BOOKS:
        paths = book_paths(content.nav, book)
        for lang in LANGUAGE_CODES:
            pages: list[Page] = [
                page for path in paths if (page := content.page(lang, path)) is not None and not page.draft
            ]
            if not pages:
                continue
            index = content.page(lang, f"{book}/index.md")
            chapters = tuple(
                Chapter(page.path, f"ch{number}", page.title, page.body, page.source.parent)
                for number, page in enumerate(pages, 1)
            )
            jobs.append(
                EditionJob(
                    book,
                    lang,
                    index.title if index else book,
                    names.get(lang, ""),
                    year,
                    chapters,
                    out_dir / edition_name(book, lang),
                    portal_url,
                )
            )
    return jobs


def edition_key(inputs: ProjectInputs, job: EditionJob) -> str:
    """A book in one language reads its chapters and index page, the configuration and the year."""
    named = inputs.common()
    named.update(inputs.page_hashes(job.lang, [chapter.path for chapter in job.chapters] + [f"{job.book}/index.md"]))
    named.update(book=job.book, year=str(job.year))
    return combine(named)


def build_print_editions(
    content: Content,
    dialect: Dialect,
    site_names: dict[str, str],
    out_dir: Path,
    progress=print,
    portal_url: str | None = None,
    workers: int | None = None,
    cache: BuildCache | None = None,
    inputs: ProjectInputs | None = None,
) -> list[Path]:
    """Typeset every book in every language into out_dir/<book>-<lang>.pdf and list them in print.json.

    With a cache, a book whose inputs are unchanged since an earlier build is taken from it.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    jobs = edition_jobs(content, site_names, out_dir, portal_url)
    made: dict[Path, PrintEdition] = {}
    keys = {job.target: edition_key(inputs, job) for job in jobs} if cache and inputs else {}
    to_typeset = []
    for job in jobs:
        stored = cache.stored("print", keys[job.target], job.target.name) if keys else None
        meta = cache.stored("print", keys[job.target], "pages.txt") if keys else None
        if stored and meta:
            link_or_copy(str(stored), str(job.target))
            pages = int(meta.read_text(encoding="utf-8"))
            made[job.target] = job.listed(pages)
            progress(f"  print: {job.target.name} unchanged")
        else:
            to_typeset.append(job)
    # the longest books first, so that the workers finish at about the same time
    longest_first = sorted(to_typeset, key=lambda job: -sum(len(chapter.body) for chapter in job.chapters))
    workers = workers or max(1, min(2, os.cpu_count() or 1, len(longest_first)))  # WeasyPrint is CPU-bound
    shared = Typesetting(
        dialect, {lang: language_model(content, lang) for lang in LANGUAGE_CODES}, content.root.parent, content.root
    )
    with forked_pool(workers, shared) as pool:
        futures = {pool.submit(typeset_edition, job): job for job in longest_first}
        for future in as_completed(futures):
            job = futures[future]
            pages, seconds = future.result()
            made[job.target] = job.listed(pages)
            if keys:
                cache.store("print", keys[job.target], job.target)
                cache.store_text("print", keys[job.target], "pages.txt", str(pages))
            progress(f"  print: {job.target.name} ({pages} pages, {seconds:.1f} s)")
    if keys:
        cache.keep_only("print", set(keys.values()))
    editions = [made[job.target] for job in jobs]  # in book and language order
    (out_dir / INDEX_FILE).write_text(
        json.dumps([asdict(e) for e in editions], ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return [out_dir / edition.file for edition in editions]


def typeset_edition(job: EditionJob, shared: Typesetting | None = None) -> tuple[int, float]:
    """Render one book to PDF (runs in a worker process); the number of pages and the time taken."""
    from weasyprint import CSS, HTML

    shared = shared or Shared.value
    started = time.perf_counter()
    fetcher = local_files_fetcher(shared.project_root, shared.content_dir, TEMPLATE_DIR)
    document = HTML(
        string=edition_html(job, shared), base_url=str(shared.content_dir / job.lang) + "/", url_fetcher=fetcher
    ).render(stylesheets=[CSS(filename=str(TEMPLATE_DIR / "edition.css"), url_fetcher=fetcher)])
    job.target.parent.mkdir(parents=True, exist_ok=True)
    document.write_pdf(job.target)
    return len(document.pages), time.perf_counter() - started


@dataclass(frozen=True)
class RenderedChapter:
    """A chapter in the portal's HTML, its ids prefixed and its links kept inside the book (or made text)."""

    anchor: str
    title: str
    html: str
    quizzes: dict[str, Quiz]  # by id: the quizzes the chapter's HTML holds as forms
    folder: Path


def rendered_chapters(job: EditionJob, shared: Typesetting) -> list[RenderedChapter]:
    """Every chapter of the book rendered with the portal's dialect (shared by the PDF and EPUB editions)."""
    # printed questions replace the quizzes later, so no reveal and no summary
    md = make_markdown(shared.dialect, job.lang, shared.models[job.lang], reveal=False, summary=False)
    anchors = {chapter.path: chapter.anchor for chapter in job.chapters}
    portal_url = job.portal_url.rstrip("/") + "/" + language(job.lang).url_prefix if job.portal_url else None
    labels = strings(job.lang, "print")
    chapters = []
    for chapter in job.chapters:
        md.reset()
        md.ccd_context = replace(md.ccd_context, page=chapter.path)
        body = md.convert(chapter.body)
        quizzes = {quiz.id: quiz for quiz in getattr(md, "quizzes", [])}
        body = relink(body, chapter.path, anchors, portal_url)
        title = chapter.title
        if chapter.path == f"{job.book}/index.md":
            title = labels["about"]  # the index page's heading is the book's title, already on the cover
        chapters.append(RenderedChapter(chapter.anchor, title, body, quizzes, chapter.folder))
    return chapters


def edition_html(job: EditionJob, shared: Typesetting) -> str:
    """The whole book as one HTML document: title page, contents, chapters."""
    chapters = [
        {
            "anchor": chapter.anchor,
            "title": chapter.title,
            "html": print_ready(chapter.html, chapter.quizzes, job.lang, chapter.folder, chapter.title),
        }
        for chapter in rendered_chapters(job, shared)
    ]
    environment = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=select_autoescape(["html"]))
    return environment.get_template("edition.html").render(
        lang=job.lang,
        title=job.title,
        site_name=job.site_name,
        year=job.year,
        labels=strings(job.lang, "print"),
        chapters=chapters,
    )


def print_ready(
    body: str, quizzes: dict[str, Quiz], lang: str, folder: Path, title: str, exercise: Callable | None = None
) -> str:
    """A chapter's portal HTML made fit for paper: printed questions, no permalinks, no dead links.

    exercise(quiz) gives a quiz's printed HTML (the EPUB numbers and links its exercises); printed_quiz by default.
    """
    if not body.strip():
        return f"<h1>{escape(title)}</h1>"
    root = lxml_html.fragment_fromstring(body, create_parent="div")
    for element in root.xpath(
        '//a[contains(@class, "headerlink")] | //*[contains(@class, "ccd-print-edition")]'
        ' | //*[contains(@class, "ccd-ebook-edition")]'
    ):
        element.drop_tree()
    heading = root.find("h1")
    if heading is None:
        root.insert(0, lxml_html.fragment_fromstring(f"<h1>{escape(title)}</h1>"))
    elif heading.text_content().strip() != title:
        for child in list(heading):
            heading.remove(child)
        heading.text = title
    for form in root.xpath('//form[contains(concat(" ", @class, " "), " ccd-quiz ")]'):
        quiz = quizzes.get(form.get("data-quiz", ""))
        if quiz is not None:
            form.addprevious(lxml_html.fragment_fromstring(exercise(quiz) if exercise else printed_quiz(quiz, lang)))
        form.drop_tree()
    for link in list(root.iter("a")):
        href = link.get("href") or ""
        parts = urlsplit(href)
        if href and not (parts.scheme or parts.netloc or href.startswith("#")):
            link.drop_tag()  # a file of the portal (a calendar, a download): not part of the book
    for image in root.iter("img"):
        source = urlsplit(image.get("src") or "")
        if not (source.scheme or source.netloc) and source.path:
            image.set("src", (folder / unquote(source.path)).resolve().as_uri())
    return "".join(lxml_html.tostring(child, encoding="unicode") for child in root)


def printed_quiz(quiz: Quiz, lang: str) -> str:
    """A quiz as a printed exercise: the question and what to choose from, without the answers."""
    hint, body = QUIZ_TYPES[quiz.type].printed_html(quiz, quiz_strings(lang), strings(lang, "print"))
    return f'<div class="print-quiz"><p class="print-quiz__question">{escape(quiz.question)}{hint}</p>{body}</div>'


def local_files_fetcher(*roots: Path):
    """WeasyPrint's URL fetcher limited to data: URLs and files under roots: nothing from the network."""
    from weasyprint.urls import URLFetcher  # imported in the workers only, so `builder check` stays quick

    class LocalFilesFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme == "file":
                path = Path(url2pathname(parts.path)).resolve()
                if not any(path.is_relative_to(root.resolve()) for root in roots):
                    raise ValueError(f"the print edition loads only the project's files, not {url}")
            elif parts.scheme != "data":
                raise ValueError(f"the print edition loads nothing from the network: {url}")
            return super().fetch(url, headers)

    return LocalFilesFetcher(allowed_protocols=("file", "data"))
