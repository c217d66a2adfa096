"""```downloads blocks: the tables of files with links — SCORM packages (course, version, language,
size) by default, question banks with `files: moodle`, print editions with `files: print` (the PDFs,
then the EPUB e-books); and with `book: textbook` on a book's index page, the links to that book's PDF
and EPUB in the page's language.

Shows the download lists of the build in progress, handed over in the language model (packages, banks
and print editions are built before the portal); the files themselves are copied into the portal under
downloads/.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from builder.markdown.blocks.context import block_options, context_of
from builder.model.catalog import strings
from builder.model.languages import LANGUAGES, language

DOWNLOADS_ROOT = "downloads"  # at the portal root: every file the portal offers for download
DOWNLOADS_FOLDER = f"{DOWNLOADS_ROOT}/scorm"
BANKS_FOLDER = f"{DOWNLOADS_ROOT}/moodle"
PRINT_FOLDER = f"{DOWNLOADS_ROOT}/print"
HEADS = ("course", "second", "language", "size", "multilingual")  # the columns of the packages and banks tables


def head(lang: str, table: str) -> tuple[str, ...]:
    """The column titles of a downloads table ('packages', 'banks') in the catalog."""
    text = strings(lang, "downloads")
    return tuple(text[f"{table}_{name}"] for name in HEADS)


def size_kib(size: int) -> int:
    return round(size / 1024)


def size_text(size: int, lang: str) -> str:
    return f"{size_kib(size)} {strings(lang, 'downloads')['kilobytes']}"


def shown_index(index_file: Path) -> str:
    """An index as the downloads tables show it (sizes in whole KB): a page needs rebuilding only if this changes."""
    entries = json.loads(index_file.read_text(encoding="utf-8"))
    return json.dumps([{**entry, "size": size_kib(entry["size"])} for entry in entries], sort_keys=True)


def to_portal_root(lang: str, page_depth: int) -> str:
    """The relative way up from a page page_depth folders deep in its language to the portal root."""
    return language(lang).up_to_portal_root(page_depth)


def format_downloads(source: str, language: str, css_class: str, options: dict, md, **kwargs) -> str:
    context = context_of(md)
    lang, downloads = context.lang, context.model.downloads
    options = block_options(source)
    if "book" in options:
        book = str(options["book"])
        return print_edition_link(list(downloads.editions), book, lang) + ebook_link(list(downloads.ebooks), book, lang)
    what = str(options.get("files", "scorm"))
    if what == "print":
        return print_table(list(downloads.editions), lang) + ebook_table(list(downloads.ebooks), lang)
    if what == "moodle":
        return downloads_table(list(downloads.banks), head(lang, "banks"), lang, BANKS_FOLDER, "format")
    return downloads_table(list(downloads.packages), head(lang, "packages"), lang, DOWNLOADS_FOLDER, "version")


def downloads_table(packages: list[dict], head: tuple, lang: str, folder: str, second: str) -> str:
    names = {each.code: each.name for each in LANGUAGES}
    depth = to_portal_root(lang, 2)  # the page is lms/downloads/
    rows = []
    for package in packages:
        language_name = head[4] if package["language"] == "mul" else names[package["language"]]
        rows.append(
            f"<tr><td>{escape(package['title'].get(lang, package['course']))}</td>"
            f"<td>{escape(package[second])}</td><td>{escape(language_name)}</td>"
            f"<td>{size_text(package['size'], lang)}</td>"
            f'<td><a href="{depth}{folder}/{escape(package["file"])}" download>{escape(package["file"])}</a></td></tr>'
        )
    header = "".join(f'<th scope="col">{escape(h)}</th>' for h in head[:4])
    return (
        f'<div class="ccd-downloads"><table><thead><tr>{header}<th scope="col">'
        f"{escape(strings(lang, 'downloads')['file'])}</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def print_table(editions: list[dict], lang: str) -> str:
    """Every print edition; a book is named by its title in the page's language."""
    rows = book_rows(editions, lang, "application/pdf", lambda edition: [str(edition["pages"])])
    text = strings(lang, "downloads")
    columns = (text["print_edition"], text["print_language"], text["print_pages"], text["print_size"], text["file"])
    return listing_table("print", columns, rows)


def book_rows(files: list[dict], lang: str, media_type: str, more_cells=lambda file: ()) -> list[str]:
    """A row per file of a book (PDF or EPUB, on lms/downloads/): its title in the page's language, the
    file's language, more_cells(file) (HTML), its size and the link to it."""
    names = {each.code: each.name for each in LANGUAGES}
    titles = {file["book"]: file["title"] for file in files if file["lang"] == lang}
    depth = to_portal_root(lang, 2)  # the page is lms/downloads/
    rows = []
    for file in files:
        link = f'<a href="{depth}{PRINT_FOLDER}/{escape(file["file"])}" type="{media_type}">{escape(file["file"])}</a>'
        cells = (
            escape(titles.get(file["book"], file["title"])),
            escape(names[file["lang"]]),
            *more_cells(file),
            size_text(file["size"], lang),
            link,
        )
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    return rows


def listing_table(kind: str, columns: tuple[str, ...], rows: list[str]) -> str:
    """A table of files (`ccd-downloads--<kind>`): a header row of the columns, then the rows given."""
    header = "".join(f'<th scope="col">{escape(h)}</th>' for h in columns)
    return (
        f'<div class="ccd-downloads ccd-downloads--{kind}"><table><thead><tr>{header}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def print_edition_link(editions: list[dict], book: str, lang: str) -> str:
    """The link to the book's PDF in this language, from the book's index page (nothing until it is built)."""
    text = strings(lang, "downloads")
    return book_file_link(
        editions,
        book,
        lang,
        "print",
        "application/pdf",
        lambda edition: f"{text['pages'].format(pages=edition['pages'])}, {size_text(edition['size'], lang)}",
    )


def book_file_link(files: list[dict], book: str, lang: str, kind: str, media_type: str, details) -> str:
    """A paragraph (`ccd-<kind>-edition`) linking the book's file in this language from the book's index
    page, with details(file) after the link; nothing while the file is not built."""
    file = next((each for each in files if each["book"] == book and each["lang"] == lang), None)
    if file is None:
        return ""
    depth = to_portal_root(lang, 1)  # the page is <book>/
    label = strings(lang, "downloads")[f"{kind}_link"]
    return (
        f'<p class="ccd-{kind}-edition"><a href="{depth}{PRINT_FOLDER}/{escape(file["file"])}" '
        f'type="{media_type}">{escape(label)}</a> — {escape(details(file))}</p>'
    )


def ebook_table(ebooks: list[dict], lang: str) -> str:
    """Every e-book (EPUB), after the print editions' table (nothing until they are built)."""
    if not ebooks:
        return ""
    rows = book_rows(ebooks, lang, "application/epub+zip")
    text = strings(lang, "downloads")
    columns = (text["print_ebook"], text["print_language"], text["print_size"], text["file"])
    return listing_table("ebook", columns, rows)


def ebook_link(ebooks: list[dict], book: str, lang: str) -> str:
    """The link to the book's EPUB in this language, from the book's index page, below the PDF's."""
    return book_file_link(
        ebooks, book, lang, "ebook", "application/epub+zip", lambda ebook: size_text(ebook["size"], lang)
    )
