"""Content checks beyond one file: trilingual parity, the navigation, internal links and anchors."""
from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from builder.content import Content, NavEntry, Page, load_content
from builder.errors import ErrorReport
from builder.languages import LANGUAGE_CODES
from builder.fingerprint import hash_bytes
from builder.markdown_setup import make_markdown
from builder.print_edition import BOOKS as PRINT_BOOKS
from builder.courses import load_courses
from builder.data import load_site_data
from builder.event_checks import check_event_dates, check_event_pages, load_academic_calendar
from builder.events import EVENT_KINDS, check_events, event_kind
from builder.quiz.answer_keys import check_answer_keys
from builder.quiz.checks import check_quiz_parity, collect_quizzes
from builder.terminology import check_terminology

INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?")
HTML_ID = re.compile(r"\sid=\"([^\"]+)\"")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def check_content(project_root: Path, content_dir: Path, config_file: Path,
                  anchor_cache=None) -> tuple[Content, ErrorReport]:
    """Load and check everything; the report holds every error found.

    anchor_cache (builder.build_cache.AnchorCache) spares converting pages whose text is unchanged.
    """
    report = ErrorReport(project_root)
    content = load_content(content_dir, report)
    check_parity(content, report)
    check_nav(content, report)
    collect_quizzes(content, report)
    check_quiz_parity(content, report)
    content.data = load_site_data(content_dir, report)
    check_events(content, content.data.places, report)
    check_event_dates(content, load_academic_calendar(content.root, report), report)
    check_event_pages(content, report)
    check_blocks(content, report)
    content.courses = load_courses(content, report)
    check_answer_keys(content, report)
    check_terminology(content, content.data.glossary, report)
    check_links(content, config_file, report, anchor_cache)
    return content, report


def check_parity(content: Content, report: ErrorReport) -> None:
    every_path = sorted(set().union(*(content.pages[lang].keys() for lang in LANGUAGE_CODES)))
    for path in every_path:
        present = [lang for lang in LANGUAGE_CODES if path in content.pages[lang]]
        for lang in LANGUAGE_CODES:
            if lang in present:
                continue
            where = " and ".join(f"content/{other}/{path}" for other in present)
            verb = "exists" if len(present) == 1 else "exist"
            report.add(content.root / lang / path, 1,
                       f"the page is missing in '{lang}': {where} {verb}, so create content/{lang}/{path} "
                       f"(every page exists in kk, ru and en), or remove it from the other languages")


def check_nav(content: Content, report: ErrorReport) -> None:
    if content.nav_source is None:
        return
    listed: set[str] = set()
    known = set().union(*(content.pages[lang].keys() for lang in LANGUAGE_CODES))

    def walk(entries: list[NavEntry], folder: str) -> None:
        for entry in entries:
            if entry.is_section:
                if not entry.path.startswith(folder):
                    report.add(content.nav_source, entry.line,
                               f"section '{entry.path}' must be inside '{folder}' where it is listed")
                walk(entry.children, entry.path)
                continue
            if entry.path in listed:
                report.add(content.nav_source, entry.line, f"'{entry.path}' is listed twice; list each page once")
            listed.add(entry.path)
            if entry.path not in known:
                report.add(content.nav_source, entry.line,
                           f"'{entry.path}' is not a page: no content/<lang>/{entry.path} exists "
                           "(paths are relative to the language folder, e.g. 'about/index.md')")

    walk(content.nav, "")
    for lang in LANGUAGE_CODES:
        for path, page in sorted(content.pages[lang].items()):
            if path not in listed and not page.draft:  # a draft is not published, so it needs no menu entry
                report.add(page.source, 1,
                           f"the page is not in the navigation: add '- {path}' to content/nav.yml where it belongs")


def fenced_lines(lines: list[str]):
    """Yield (number, line) of the lines outside fenced code blocks."""
    fence = None
    for number, line in enumerate(lines):
        match = FENCE.match(line)
        if match:
            marker = match.group(1)
            if fence is None:
                fence = marker
                continue
            if marker[0] == fence[0] and len(marker) >= len(fence) and line.strip() == marker:
                fence = None
                continue
        if fence is None:
            yield number, line


def page_links(page: Page) -> list[tuple[int, str]]:
    """(file line, target) of every Markdown link on the page outside code."""
    found = []
    for number, line in fenced_lines(page.body.split("\n")):
        for pattern in (INLINE_LINK, REFERENCE_DEFINITION):
            for match in pattern.finditer(line):
                found.append((page.body_line + number, match.group(1)))
    return found


def page_anchors(page: Page, md) -> set[str]:
    md.reset()
    return set(HTML_ID.findall(md.convert(page.body)))


BLOCK_OPEN = re.compile(r"^\s*(`{3,}|~{3,})\s*(schedule|chart|glossary|kb-filter|downloads|event)\s*$")


def check_blocks(content: Content, report: ErrorReport) -> None:
    """Data blocks where they work: a schedule on its section's index page, a chart of known data."""
    sections = {kind.section for kind in EVENT_KINDS}
    for page in content.all_pages():
        lines = page.body.split("\n")
        for number, line in enumerate(lines):
            match = BLOCK_OPEN.match(line)
            if not match:
                continue
            option = lines[number + 1].strip() if number + 1 < len(lines) else ""
            where = page.body_line + number
            if match.group(2) == "schedule":
                section = option.removeprefix("section:").strip().strip("/")
                if section not in sections:
                    report.add(page.source, where, f"a schedule block needs 'section: …', one of: {', '.join(sorted(sections))}")
                elif page.path != f"{section}/index.md":
                    report.add(page.source, where, f"the schedule of {section} belongs on {section}/index.md, "
                                                   "where its links and calendar file point")
            elif match.group(2) == "event":
                if event_kind(page.path) is None:
                    report.add(page.source, where, "an event block shows the schedule fields of a culture day or "
                                                   "an excursion: it belongs on a page in "
                                                   f"{' or '.join(kind.section + '/' for kind in EVENT_KINDS)}")
            elif match.group(2) == "downloads" and option.startswith("book:"):
                book = option.removeprefix("book:").strip()
                if book not in PRINT_BOOKS:
                    report.add(page.source, where,
                               f"a print edition link takes 'book: …', one of: {', '.join(PRINT_BOOKS)}")
                elif page.path != f"{book}/index.md":
                    report.add(page.source, where, f"the link to the print edition of {book} belongs on "
                                                   f"{book}/index.md, where its link points")
            elif match.group(2) == "downloads" and page.path != "lms/downloads.md":
                report.add(page.source, where, "the downloads table belongs on lms/downloads.md, where its links point")
            elif match.group(2) == "chart" and option.removeprefix("data:").strip() != "figures":
                report.add(page.source, where, "a chart block takes 'data: figures' (content/data/figures.yml)")


def check_links(content: Content, config_file: Path, report: ErrorReport, anchor_cache=None) -> None:
    converters: dict = {}
    anchors: dict[tuple[str, str], set[str]] = {}

    def anchors_of(page: Page) -> set[str]:
        key = (page.lang, page.path)
        if key not in anchors:
            stored_key = hash_bytes(page.lang, page.body) if anchor_cache is not None else None
            found = anchor_cache.get(stored_key) if stored_key else None
            if found is None:
                if page.lang not in converters:
                    converters[page.lang] = make_markdown(config_file, page.lang, content.root)
                found = page_anchors(page, converters[page.lang])
                if stored_key:
                    anchor_cache.put(stored_key, found)
            anchors[key] = found
        return anchors[key]

    for page in content.all_pages():
        for line, target in page_links(page):
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or target.startswith("/"):
                if target.startswith("/"):
                    report.add(page.source, line, f"link '{target}' is absolute; write it relative to this "
                                                  "page, e.g. '../about/index.md', so it works under any sub-path")
                continue
            fragment = unquote(parts.fragment)
            if not parts.path:
                if fragment and fragment not in anchors_of(page):
                    report.add(page.source, line, f"link '{target}': this page has no heading or element with "
                                                  f"id '{fragment}'")
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), unquote(parts.path)))
            if resolved.startswith("../") or resolved == "..":
                report.add(page.source, line, f"link '{target}' leaves the content/{page.lang}/ folder; link to "
                                              "the page in the same language, the switcher finds the others")
                continue
            if not resolved.endswith(".md"):
                asset = content.root / page.lang / resolved
                if not asset.exists():
                    report.add(page.source, line, f"link '{target}' points to a missing file "
                                                  f"content/{page.lang}/{resolved}")
                continue
            linked = content.page(page.lang, resolved)
            if linked is None:
                report.add(page.source, line, f"link '{target}' points to a missing page "
                                              f"content/{page.lang}/{resolved}")
                continue
            if linked.draft and not page.draft:
                report.add(page.source, line, f"link '{target}' points to a draft page, which the portal does "
                                              "not publish; remove the link or publish the page")
            if fragment and linked.readable and fragment not in anchors_of(linked):
                report.add(page.source, line, f"link '{target}': content/{page.lang}/{resolved} has no heading "
                                              f"or element with id '{fragment}'")
