"""The content model: every page of every language, loaded and schema-checked."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from builder.model.errors import ErrorReport
from builder.model.events import extra_fields
from builder.model.fences import Fence, scan
from builder.model.frontmatter import FrontMatterError, schema_errors, split_front_matter
from builder.model.languages import LANGUAGE_CODES
from builder.model.yaml_nodes import compose, yaml_error

NAV_FILE = "nav.yml"


@dataclass
class Page:
    lang: str
    path: str  # relative to the language folder, forward slashes: "about/index.md"
    source: Path
    meta: dict
    body: str
    body_line: int  # line of the body's first line in the source file
    readable: bool = True  # False when the file could not be decoded or its front matter parsed
    meta_lines: dict[str, int] = field(default_factory=dict)  # front-matter key -> line in the file

    @property
    def title(self) -> str:
        return str(self.meta.get("title", self.path))

    @cached_property
    def scanned(self) -> tuple[list[Fence], list[tuple[int, str]]]:
        """The page's fenced blocks and the (file line, text) of its prose, found once for every check."""
        return scan(self.body, self.body_line)

    @property
    def fences(self) -> list[Fence]:
        return self.scanned[0]

    @property
    def prose(self) -> list[tuple[int, str]]:
        return self.scanned[1]

    @property
    def draft(self) -> bool:
        return self.meta.get("draft") is True


@dataclass
class NavEntry:
    """One line of content/nav.yml: a page, or a section holding further entries."""

    path: str  # a page path, or the section's folder ("textbook/")
    line: int
    children: list[NavEntry] = field(default_factory=list)

    @property
    def is_section(self) -> bool:
        return self.path.endswith("/")


@dataclass
class Content:
    root: Path  # the content/ folder
    pages: dict[str, dict[str, Page]] = field(default_factory=dict)  # lang -> path -> page
    nav: list[NavEntry] = field(default_factory=list)
    nav_source: Path | None = None
    quizzes: dict[str, dict] = field(default_factory=dict)  # lang -> quiz id -> Quiz (filled by checks)
    page_quizzes: dict[tuple[str, str], list] = field(default_factory=dict)  # (lang, path) -> [Quiz]
    data: object = None  # builder.model.data.SiteData, filled by checks
    courses: list = field(default_factory=list)  # builder.model.courses.Course, filled by checks
    periods: list = field(default_factory=list)  # builder.model.event_checks.Period: the academic year
    frozen: bool = field(default=False, repr=False)

    def __setattr__(self, name, value):
        if getattr(self, "frozen", False):
            raise AttributeError(f"the content model is frozen once checked; '{name}' cannot change")
        super().__setattr__(name, value)

    def freeze(self) -> None:
        """After the checks: every stage reads the same model, none may change it."""
        self.frozen = True

    def page(self, lang: str, path: str) -> Page | None:
        return self.pages.get(lang, {}).get(path)

    def all_pages(self):
        for lang in LANGUAGE_CODES:
            yield from self.pages.get(lang, {}).values()

    def all_paths(self) -> set[str]:
        """Every page path that exists in at least one language."""
        return set().union(*(self.pages.get(lang, {}).keys() for lang in LANGUAGE_CODES))

    def published_paths(self, lang: str) -> set[str]:
        return {p.path for p in self.pages.get(lang, {}).values() if not p.draft}


def read_text(path: Path, report: ErrorReport) -> str | None:
    """Read a UTF-8 file; a file in another encoding is an error at the offending line."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        report.add(
            path,
            line,
            f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); save it as UTF-8",
            code="file.encoding",
        )
        return None
    return text.lstrip("\ufeff").replace("\r\n", "\n")


def load_page(path: Path, lang: str, rel: str, report: ErrorReport) -> Page:
    # An unreadable page is still a page: its error is reported once, not again as a missing
    # translation or as the target of broken links.
    unreadable = Page(lang, rel, path, {}, "", 1, readable=False)
    text = read_text(path, report)
    if text is None:
        return unreadable
    try:
        front = split_front_matter(text)
    except FrontMatterError as exc:
        report.add(path, exc.line, exc.message, code=exc.code)
        return unreadable
    for line, message, code in schema_errors(front, extra_fields(rel), lang):
        report.add(path, line, message, code=code)
    return Page(lang, rel, path, front.values, front.body, front.body_line, meta_lines=front.key_lines)


def load_nav(path: Path, report: ErrorReport) -> list[NavEntry]:
    text = read_text(path, report)
    if text is None:
        return []
    try:
        node = compose(text)
    except yaml.YAMLError as exc:
        line, problem = yaml_error(exc)
        report.add(path, line + 1 if line is not None else 1, f"malformed YAML: {problem}", code="nav.yaml")
        return []

    def entries(seq_node) -> list[NavEntry]:
        if not isinstance(seq_node, yaml.SequenceNode):
            report.add(
                path,
                seq_node.start_mark.line + 1,
                "expected a list of page paths ('- about/index.md') or sections ('- textbook/: [...]')",
                code="nav.not-a-list",
            )
            return []
        result = []
        for item in seq_node.value:
            line = item.start_mark.line + 1
            if isinstance(item, yaml.ScalarNode):
                result.append(NavEntry(str(item.value), line))
            elif isinstance(item, yaml.MappingNode) and len(item.value) == 1:
                key, value = item.value[0]
                folder = str(key.value)
                if not folder.endswith("/"):
                    report.add(
                        path,
                        line,
                        f"a section must be a folder ending in '/', got '{folder}'",
                        code="nav.section-folder",
                    )
                    continue
                result.append(NavEntry(folder, line, entries(value)))
            else:
                report.add(
                    path,
                    line,
                    "a navigation item is a page path or one 'folder/: [pages]' mapping",
                    code="nav.bad-item",
                )
        return result

    return entries(node) if node is not None else []


def load_content(content_dir: Path, report: ErrorReport, languages: tuple[str, ...] = LANGUAGE_CODES) -> Content:
    """Every page of the given languages (all by default) and the navigation."""
    content = Content(content_dir)
    for lang in languages:
        lang_dir = content_dir / lang
        content.pages[lang] = {}
        if not lang_dir.is_dir():
            report.add(
                lang_dir,
                1,
                f"the language folder is missing: create content/{lang}/",
                code="content.language-folder-missing",
            )
            continue
        for source in sorted(lang_dir.rglob("*.md")):
            rel = source.relative_to(lang_dir).as_posix()
            content.pages[lang][rel] = load_page(source, lang, rel, report)
    nav_path = content_dir / NAV_FILE
    if nav_path.exists():
        content.nav_source = nav_path
        content.nav = load_nav(nav_path, report)
    else:
        report.add(
            nav_path,
            1,
            "the navigation file is missing: list the pages in order in content/nav.yml",
            code="nav.missing",
        )
    return content
