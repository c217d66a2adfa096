"""The e-book editions: the textbook and the methodological recommendations as one EPUB 3 per language.

Made from the same chapters as the print editions (print_edition.rendered_chapters: the portal's
Markdown dialect, links kept inside the book or sent to the portal or made text, print_ready's printed
questions), then written as XHTML: one document per chapter, a navigation document with the contents
and landmarks, a generated SVG cover, and an answers section at the end, each self-check question
linked to its answer and back. Graded questions are printed without answers, as on paper.

The bytes depend on the content only: fixed file order and dates in the zip, `mimetype` first and
stored, an identifier derived from book and language, dcterms:modified from SOURCE_DATE_EPOCH or else
the first day of the edition's year (the year the print editions show). The list of e-books goes to
dist/print/epub.json beside print.json; the portal's downloads blocks read both.
"""

from __future__ import annotations

import io
import json
import mimetypes
import os
import re
import textwrap
import time
import uuid
import zipfile
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from jinja2 import Environment, FileSystemLoader
from lxml import etree
from lxml import html as lxml_html

from builder.markdown.dialect import Dialect
from builder.markdown.language_model import language_model
from builder.markdown.quiz.html import answer_statement
from builder.markdown.quiz.strings import strings as quiz_strings
from builder.model.catalog import strings
from builder.model.content import Content
from builder.model.languages import LANGUAGE_CODES
from builder.model.quiz.model import Quiz
from builder.model.quiz.types import QUIZ_TYPES
from builder.outputs.print_edition import (
    EditionJob,
    RenderedChapter,
    Typesetting,
    edition_jobs,
    edition_key,
    print_ready,
    rendered_chapters,
)
from builder.store.cache import BuildCache, link_or_copy
from builder.store.fingerprint import ProjectInputs, combine, hash_bytes

INDEX_FILE = "epub.json"
TEMPLATE_DIR = Path(__file__).parent / "epub"
MEDIA_TYPE = "application/epub+zip"
XHTML_NS = "http://www.w3.org/1999/xhtml"
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip can hold: the same in every build
IDENTIFIER_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/crossdialogue/portal/books")
# the HTML parser lower-cases names; SVG spells these in camel case
SVG_NAMES = {
    name.lower(): name
    for name in (
        "viewBox",
        "preserveAspectRatio",
        "textLength",
        "lengthAdjust",
        "gradientUnits",
        "gradientTransform",
        "patternUnits",
        "clipPath",
        "linearGradient",
        "radialGradient",
        "foreignObject",
        "textPath",
        "clipPathUnits",
        "markerWidth",
        "markerHeight",
        "refX",
        "refY",
    )
}
REFERENCE_ATTRIBUTES = ("for", "headers", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns")
COVER_COLOURS = ("#00695c", "#004d40", "#ffffff")  # the portal's primary colours (theme/assets/portal.css)


@dataclass(frozen=True)
class EbookEdition:
    book: str
    lang: str
    title: str
    file: str  # relative to dist/print/
    size: int  # bytes


def ebook_name(book: str, lang: str) -> str:
    return f"{book}-{lang}.epub"


def book_identifier(book: str, lang: str) -> str:
    """The same for every build of the book in that language, whatever its content."""
    return f"urn:uuid:{uuid.uuid5(IDENTIFIER_NAMESPACE, f'{book}/{lang}')}"


def modified_stamp(year: int) -> str:
    """dcterms:modified: SOURCE_DATE_EPOCH if set (reproducible builds), else 1 January of the edition's year."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime(year, 1, 1, tzinfo=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def ebook_key(inputs: ProjectInputs, job: EditionJob) -> str:
    """The print edition's inputs, and the courses: which questions are graded decides which answers are shown."""
    named = {"print": edition_key(inputs, job), "modified": modified_stamp(job.year)}
    named.update({f"content/{name}": digest for name, digest in inputs.shared.items() if name.startswith("courses/")})
    return combine(named)


def build_epub_editions(
    content: Content,
    dialect: Dialect,
    site_names: dict[str, str],
    out_dir: Path,
    progress=print,
    portal_url: str | None = None,
    cache: BuildCache | None = None,
    inputs: ProjectInputs | None = None,
) -> list[Path]:
    """Write every book in every language to out_dir/<book>-<lang>.epub and list them in epub.json.

    With a cache, a book whose inputs are unchanged since an earlier build is taken from it.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    jobs = [
        replace(job, target=out_dir / ebook_name(job.book, job.lang))
        for job in edition_jobs(content, site_names, out_dir, portal_url)
    ]
    shared = Typesetting(
        dialect, {lang: language_model(content, lang) for lang in LANGUAGE_CODES}, content.root.parent, content.root
    )
    editions = []
    keys = {job.target: ebook_key(inputs, job) for job in jobs} if cache and inputs else {}
    for job in jobs:
        stored = cache.stored("epub", keys[job.target], job.target.name) if keys else None
        if stored:
            link_or_copy(str(stored), str(job.target))
            progress(f"  e-book: {job.target.name} unchanged")
        else:
            started = time.perf_counter()
            job.target.write_bytes(epub_bytes(job, shared))
            if keys:
                cache.store("epub", keys[job.target], job.target)
            progress(f"  e-book: {job.target.name} ({time.perf_counter() - started:.1f} s)")
        editions.append(EbookEdition(job.book, job.lang, job.title, job.target.name, job.target.stat().st_size))
    if keys:
        cache.keep_only("epub", set(keys.values()))
    (out_dir / INDEX_FILE).write_text(
        json.dumps([asdict(edition) for edition in editions], ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return [job.target for job in jobs]


# -- one book ------------------------------------------------------------------------------------------


@dataclass
class Exercise:
    """A question as the book prints it, and where its answer is (None for a graded question)."""

    quiz: Quiz
    number: int  # in its chapter, as printed
    question_id: str
    answer_id: str | None


@dataclass
class ChapterDocument:
    anchor: str
    title: str
    file: str
    body: str = ""  # XHTML
    sections: list[tuple[str, str]] = field(default_factory=list)  # (id, title) of its h2 headings
    exercises: list[Exercise] = field(default_factory=list)
    has_svg: bool = False


@dataclass(frozen=True)
class Resource:
    name: str  # in the package, relative to the OPF
    media_type: str
    data: bytes
    item_id: str
    properties: str = ""


def epub_bytes(job: EditionJob, shared: Typesetting) -> bytes:
    """The whole EPUB of one book in one language."""
    lang = job.lang
    labels = strings(lang, "ebook")
    assessed = shared.models[lang].assessed
    images: dict[Path, Resource] = {}
    chapters = [
        chapter_document(rendered, lang, assessed, images, shared.project_root)
        for rendered in rendered_chapters(job, shared)
    ]
    answered = [exercise for chapter in chapters for exercise in chapter.exercises if exercise.answer_id]
    environment = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=True, keep_trailing_newline=True)
    context = {
        "lang": lang,
        "title": job.title,
        "site_name": job.site_name,
        "year": job.year,
        "labels": labels,
        "chapters": chapters,
        "answers": bool(answered),
    }
    documents: list[Resource] = [
        Resource("cover.svg", "image/svg+xml", cover_svg(job, labels).encode(), "cover-image", "cover-image"),
        xhtml("cover.xhtml", "cover", environment.get_template("cover.xhtml").render(context)),
        xhtml("nav.xhtml", "nav", environment.get_template("nav.xhtml").render(context), "nav"),
    ]
    for chapter in chapters:
        rendered = environment.get_template("chapter.xhtml").render(context, chapter=chapter)
        documents.append(xhtml(chapter.file, chapter.anchor, rendered, "svg" if chapter.has_svg else ""))
    if answered:
        by_chapter = [
            (chapter, [(each, answer_body(each.quiz, lang)) for each in chapter.exercises if each.answer_id])
            for chapter in chapters
        ]
        answers = [(chapter, items) for chapter, items in by_chapter if items]
        rendered = environment.get_template("answers.xhtml").render(context, groups=answers)
        documents.append(xhtml("answers.xhtml", "answers", rendered))
    style = (TEMPLATE_DIR / "edition.css").read_bytes()
    resources = [*documents, Resource("edition.css", "text/css", style, "css"), *images.values()]
    spine = [resource.item_id for resource in documents if resource.media_type == "application/xhtml+xml"]
    package = environment.get_template("content.opf").render(
        context,
        identifier=book_identifier(job.book, lang),
        modified=modified_stamp(job.year),
        resources=resources,
        spine=spine,
        has_svg=any(chapter.has_svg for chapter in chapters),
        has_images=bool(images),
    )
    container = (TEMPLATE_DIR / "container.xml").read_bytes()
    return zipped(
        [("META-INF/container.xml", container), ("EPUB/content.opf", package.encode())]
        + [(f"EPUB/{resource.name}", resource.data) for resource in resources]
    )


def xhtml(name: str, item_id: str, text: str, properties: str = "") -> Resource:
    etree.fromstring(text.encode())  # well-formed, or the build stops here rather than in a reader
    return Resource(name, "application/xhtml+xml", text.encode(), item_id, properties)


def chapter_document(
    rendered: RenderedChapter, lang: str, assessed: dict, images: dict[Path, Resource], project_root: Path
) -> ChapterDocument:
    """One chapter as the body of its XHTML document: numbered exercises, links between the book's files."""
    chapter = ChapterDocument(rendered.anchor, rendered.title, f"{rendered.anchor}.xhtml")
    labels = strings(lang, "ebook")

    def exercise(quiz: Quiz) -> str:
        number = len(chapter.exercises) + 1
        question_id = f"{rendered.anchor}--question-{number}"
        # "answers--…": relink_inside_book sends it to answers.xhtml, as "ch3--…" goes to ch3.xhtml
        answer_id = None if quiz.id in assessed else f"answers--{rendered.anchor}-{number}"
        chapter.exercises.append(Exercise(quiz, number, question_id, answer_id))
        hint, body = QUIZ_TYPES[quiz.type].printed_html(quiz, quiz_strings(lang), strings(lang, "print"))
        link = (
            f'<p class="exercise__answer"><a href="#{answer_id}">{escape(labels["answer"])}</a></p>'
            if answer_id
            else ""
        )
        return (
            f'<div class="print-quiz exercise" id="{question_id}"><p class="print-quiz__question">'
            f'<span class="exercise__number">{number}.</span> {escape(quiz.question)}{hint}</p>{body}{link}</div>'
        )

    html = print_ready(rendered.html, rendered.quizzes, lang, rendered.folder, rendered.title, exercise)
    root = as_xhtml(html)
    for element in root.iter(f"{{{XHTML_NS}}}a"):
        relink_inside_book(element, rendered.anchor)
    for image in list(root.iter(f"{{{XHTML_NS}}}img")):
        package_image(image, images, project_root)
    chapter.has_svg = next(root.iter(f"{{{SVG_NS}}}svg"), None) is not None
    chapter.sections = [
        (heading.get("id"), " ".join(heading.xpath("string()").split()))
        for heading in root.iter(f"{{{XHTML_NS}}}h2")
        if heading.get("id")
    ]
    chapter.body = inner_xml(root)
    return chapter


def answer_body(quiz: Quiz, lang: str) -> str:
    """The right answer in words, and the explanation, as the portal's no-JavaScript reveal states them."""
    html = answer_statement(quiz, quiz_strings(lang))
    if quiz.explanation:
        html += f'<p class="answer__explanation">{escape(quiz.explanation)}</p>'
    return inner_xml(as_xhtml(html))


def relink_inside_book(link: etree._Element, anchor: str) -> None:
    """relink() made the book one document (#ch3--heading); here each chapter is a file of its own."""
    for attribute in ("target", "rel", "data-page"):
        link.attrib.pop(attribute, None)
    href = link.get("href") or ""
    if not href.startswith("#"):
        return
    target = href[1:]
    chapter = target.split("--", 1)[0]
    if chapter == anchor:
        link.set("href", f"#{safe_id(target)}")
    elif chapter == target:
        link.set("href", f"{chapter}.xhtml")
    else:
        link.set("href", f"{chapter}.xhtml#{safe_id(target)}")


def package_image(image: etree._Element, images: dict[Path, Resource], project_root: Path) -> None:
    """A local image goes into the book; anything else is left as its text alternative."""
    source = urlsplit(image.get("src") or "")
    path = Path(url2pathname(unquote(source.path))).resolve() if source.scheme == "file" else None
    media_type = mimetypes.guess_type(path.name)[0] if path else None
    if path is None or not path.is_file() or not path.is_relative_to(project_root.resolve()) or not media_type:
        replacement = etree.Element(f"{{{XHTML_NS}}}span")
        replacement.text = image.get("alt") or ""
        replacement.tail = image.tail
        image.getparent().replace(image, replacement)
        return
    if path not in images:
        data = path.read_bytes()
        name = f"images/{hash_bytes(data)[:12]}{path.suffix.lower()}"
        images[path] = Resource(name, media_type, data, f"image-{len(images) + 1}")
    image.set("src", images[path].name)
    image.set("alt", image.get("alt") or "")


# -- HTML to XHTML -------------------------------------------------------------------------------------


def safe_id(value: str) -> str:
    """An id XML accepts (no colon, as Python-Markdown's footnotes have): letters, digits, - _ . only."""
    return re.sub(r"[^\w.\-]", "-", value)


def as_xhtml(html: str) -> etree._Element:
    """HTML (as the dialect and print_ready write it) as an XHTML <div>, inline SVG in its own namespace."""
    source = lxml_html.fragment_fromstring(html, create_parent="div")
    root = etree.Element(f"{{{XHTML_NS}}}div", nsmap={None: XHTML_NS})
    copy_children(source, root, XHTML_NS)
    return root


def copy_children(source, target: etree._Element, namespace: str) -> None:
    target.text = source.text
    for child in source:
        if not isinstance(child.tag, str):  # a comment or processing instruction: keep only what follows it
            append_text(target, child.tail)
            continue
        tag = child.tag.lower()
        child_namespace = SVG_NS if tag == "svg" else namespace
        name = SVG_NAMES.get(tag, tag) if child_namespace == SVG_NS else tag
        copied = etree.SubElement(target, f"{{{child_namespace}}}{name}")
        for attribute, value in child.attrib.items():
            qualified = attribute_name(attribute, child_namespace)
            if qualified is None:
                continue
            if attribute == "id":
                value = safe_id(value)
            elif attribute in REFERENCE_ATTRIBUTES:
                value = " ".join(safe_id(reference) for reference in value.split())
            copied.set(qualified, value)
        copy_children(child, copied, child_namespace)
        copied.tail = child.tail


def attribute_name(attribute: str, namespace: str) -> str | None:
    if attribute == "xmlns" or attribute.startswith("xmlns:"):
        return None  # namespaces come from the elements' own
    if attribute == "xlink:href":
        return f"{{{XLINK_NS}}}href"
    if attribute in ("xml:lang", "lang") and namespace == SVG_NS:
        return f"{{{XML_NS}}}lang"
    if ":" in attribute:
        return None
    return SVG_NAMES.get(attribute, attribute) if namespace == SVG_NS else attribute


def append_text(element: etree._Element, text: str | None) -> None:
    if not text:
        return
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def inner_xml(root: etree._Element) -> str:
    """The children of root as XML, for a template whose <html> declares the XHTML namespace already."""
    text = etree.tostring(root, encoding="unicode")
    opening = f'<div xmlns="{XHTML_NS}">'
    if not text.startswith(opening):
        return ""  # an empty <div/>
    return text[len(opening) : -len("</div>")]


# -- the cover and the zip -----------------------------------------------------------------------------


def cover_svg(job: EditionJob, labels: dict[str, str]) -> str:
    """The cover as an SVG image: the portal's name, the book's title, the edition; no fonts, no files."""
    background, band, ink = COVER_COLOURS
    title_lines = textwrap.wrap(job.title, 22, break_long_words=False) or [job.title]
    site_lines = textwrap.wrap(job.site_name, 34, break_long_words=False)
    title_top = 620 - len(title_lines) * 34
    texts = [
        f'<text x="600" y="{230 + 62 * index}" font-size="50" fill="{ink}" text-anchor="middle">{escape(line)}</text>'
        for index, line in enumerate(site_lines)
    ]
    texts += [
        f'<text x="600" y="{title_top + 92 * index}" font-size="78" font-weight="bold" fill="{ink}" '
        f'text-anchor="middle">{escape(line)}</text>'
        for index, line in enumerate(title_lines)
    ]
    texts.append(
        f'<text x="600" y="1560" font-size="46" fill="{ink}" text-anchor="middle">'
        f"{escape(labels['edition'])} · {job.year}</text>"
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="{SVG_NS}" viewBox="0 0 1200 1800" width="1200" height="1800" xml:lang="{job.lang}" '
        f'font-family="sans-serif" role="img" aria-label="{escape(job.title)}">'
        f"<title>{escape(job.title)}</title>"
        f'<rect width="1200" height="1800" fill="{background}"/>'
        f'<rect y="1420" width="1200" height="260" fill="{band}"/>'
        f'<rect x="120" y="330" width="960" height="6" fill="{ink}"/>'
        f"{''.join(texts)}</svg>\n"
    )


def zipped(files: list[tuple[str, bytes]]) -> bytes:
    """The OCF container: `mimetype` first and stored, then the files in the order given, dates fixed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data, method in [("mimetype", MEDIA_TYPE.encode(), zipfile.ZIP_STORED)] + [
            (name, data, zipfile.ZIP_DEFLATED) for name, data in files
        ]:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = method
            info.create_system = 3  # Unix, whatever machine builds it
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=9 if method == zipfile.ZIP_DEFLATED else None)
    return buffer.getvalue()
