"""The model's checks beyond one file: trilingual parity, the navigation, where data blocks go; and
`check_model`, which loads the content and runs every check that needs no Markdown rendering (links
and anchors are checked in builder/markdown/links.py, with the portal's Markdown dialect).
"""

from __future__ import annotations

from pathlib import Path

from builder.model.books import BOOKS
from builder.model.content import Content, NavEntry, load_content
from builder.model.courses import load_courses
from builder.model.data import load_site_data
from builder.model.errors import ErrorReport
from builder.model.event_checks import check_event_dates, check_event_pages, load_academic_calendar
from builder.model.events import EVENT_KINDS, check_events, event_kind
from builder.model.languages import LANGUAGE_CODES
from builder.model.quiz.answer_keys import check_answer_keys
from builder.model.quiz.checks import check_quiz_parity, collect_quizzes
from builder.model.terminology import check_terminology

DATA_BLOCKS = ("schedule", "chart", "glossary", "kb-filter", "downloads", "event")


def check_model(content_dir: Path, report: ErrorReport) -> Content:
    """Load the content and fill in the model (quizzes, data, calendar, courses), reporting every problem."""
    content = load_content(content_dir, report)
    check_parity(content, report)
    check_nav(content, report)
    collect_quizzes(content, report)
    check_quiz_parity(content, report)
    content.data = load_site_data(content_dir, report)
    check_events(content, content.data.places, report)
    content.periods = load_academic_calendar(content.root, report)
    check_event_dates(content, content.periods, report)
    check_event_pages(content, report)
    check_blocks(content, report)
    content.courses = load_courses(content, report)
    check_answer_keys(content, report)
    check_terminology(content, content.data.glossary, report)
    return content


def check_parity(content: Content, report: ErrorReport) -> None:
    every_path = sorted(content.all_paths())
    for path in every_path:
        present = [lang for lang in LANGUAGE_CODES if path in content.pages[lang]]
        for lang in LANGUAGE_CODES:
            if lang in present:
                continue
            where = " and ".join(f"content/{other}/{path}" for other in present)
            verb = "exists" if len(present) == 1 else "exist"
            report.add(
                content.root / lang / path,
                1,
                f"the page is missing in '{lang}': {where} {verb}, so create content/{lang}/{path} "
                f"(every page exists in kk, ru and en), or remove it from the other languages",
                code="parity.missing-page",
            )


def check_nav(content: Content, report: ErrorReport) -> None:
    if content.nav_source is None:
        return
    listed: set[str] = set()
    known = content.all_paths()

    def walk(entries: list[NavEntry], folder: str) -> None:
        for entry in entries:
            if entry.is_section:
                if not entry.path.startswith(folder):
                    report.add(
                        content.nav_source,
                        entry.line,
                        f"section '{entry.path}' must be inside '{folder}' where it is listed",
                        code="nav.section-outside",
                    )
                walk(entry.children, entry.path)
                continue
            if entry.path in listed:
                report.add(
                    content.nav_source,
                    entry.line,
                    f"'{entry.path}' is listed twice; list each page once",
                    code="nav.duplicate",
                )
            listed.add(entry.path)
            if entry.path not in known:
                report.add(
                    content.nav_source,
                    entry.line,
                    f"'{entry.path}' is not a page: no content/<lang>/{entry.path} exists "
                    "(paths are relative to the language folder, e.g. 'about/index.md')",
                    code="nav.unknown-page",
                )

    walk(content.nav, "")
    for lang in LANGUAGE_CODES:
        for path, page in sorted(content.pages[lang].items()):
            if path not in listed and not page.draft:  # a draft is not published, so it needs no menu entry
                report.add(
                    page.source,
                    1,
                    f"the page is not in the navigation: add '- {path}' to content/nav.yml where it belongs",
                    code="nav.unlisted-page",
                )


def check_blocks(content: Content, report: ErrorReport) -> None:
    """Data blocks where they work: a schedule on its section's index page, a chart of known data."""
    sections = {kind.section for kind in EVENT_KINDS}
    for page in content.all_pages():
        for fence in page.fences:
            if fence.name not in DATA_BLOCKS:
                continue
            option, where, name = fence.first_option, fence.line, fence.name
            if name == "schedule":
                section = option.removeprefix("section:").strip().strip("/")
                if section not in sections:
                    report.add(
                        page.source,
                        where,
                        f"a schedule block needs 'section: …', one of: {', '.join(sorted(sections))}",
                        code="block.schedule-section",
                    )
                elif page.path != f"{section}/index.md":
                    report.add(
                        page.source,
                        where,
                        f"the schedule of {section} belongs on {section}/index.md, "
                        "where its links and calendar file point",
                        code="block.schedule-place",
                    )
            elif name == "event":
                if event_kind(page.path) is None:
                    report.add(
                        page.source,
                        where,
                        "an event block shows the schedule fields of a culture day or "
                        "an excursion: it belongs on a page in "
                        f"{' or '.join(kind.section + '/' for kind in EVENT_KINDS)}",
                        code="block.event-place",
                    )
            elif name == "downloads" and option.startswith("book:"):
                book = option.removeprefix("book:").strip()
                if book not in BOOKS:
                    report.add(
                        page.source,
                        where,
                        f"a print edition link takes 'book: …', one of: {', '.join(BOOKS)}",
                        code="block.print-book",
                    )
                elif page.path != f"{book}/index.md":
                    report.add(
                        page.source,
                        where,
                        f"the link to the print edition of {book} belongs on {book}/index.md, where its link points",
                        code="block.print-place",
                    )
            elif name == "downloads" and page.path != "lms/downloads.md":
                report.add(
                    page.source,
                    where,
                    "the downloads table belongs on lms/downloads.md, where its links point",
                    code="block.downloads-place",
                )
            elif name == "chart" and option.removeprefix("data:").strip() != "figures":
                report.add(
                    page.source,
                    where,
                    "a chart block takes 'data: figures' (content/data/figures.yml)",
                    code="block.chart-data",
                )
