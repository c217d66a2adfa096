"""Translation freshness: which state of its Kazakh page each Russian and English page translates.

A translation records, in its front matter (`translated_from`), a short hash of the *translatable text*
of its Kazakh page at the time a translator brought it up to date (`builder translations mark`). The
translatable text is what a translator carries over: the front-matter keys that are prose (title,
description, an event's prose fields) and the body, in one canonical form (see `translatable_text`).
Flipping `draft`, changing an event's date (equal in every language anyway, a checked contract) or
re-quoting a YAML value therefore does not make translations lag; every change of wording does.

The marked texts are kept by hash in `translations/` at the project root (outside content/, never
published), so `builder status` shows what changed since in a fresh clone without git history.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from builder.model.content import Content, Page
from builder.model.events import extra_fields
from builder.model.frontmatter import DELIMITER, closing_delimiter
from builder.model.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES

TRANSLATED_FROM = "translated_from"
HASH_LENGTH = 12  # hex digits of SHA-256: 48 bits, no collision among a few thousand page states
HASH_PATTERN = re.compile(rf"^[0-9a-f]{{{HASH_LENGTH}}}$")
SOURCE_LANGUAGE = DEFAULT_LANGUAGE.code
TRANSLATION_LANGUAGES = tuple(lang for lang in LANGUAGE_CODES if lang != SOURCE_LANGUAGE)
STORE_FOLDER = "translations"  # at the project root, beside content/
PROSE_KEYS = ("title", "description")  # translated front-matter keys of every page

# the two ways a translation lags
OUTDATED = "outdated"  # marked, and its Kazakh page has changed since
UNMARKED = "unmarked"  # never marked as up to date


def translatable_text(page: Page) -> str:
    """The canonical text of a page that its translations follow, the input of `source_hash`.

    A front matter of the prose keys the page has (title, description, then an event page's prose
    fields, in that order, as parsed values: quoting does not count), then the body; line ends LF,
    no trailing whitespace on any line, no blank lines at the end, one final newline.
    """
    prose_fields = [name for name, spec in extra_fields(page.path).items() if not spec.neutral]
    keys = [key for key in (*PROSE_KEYS, *prose_fields) if key in page.meta]
    front = [DELIMITER, *(f"{key}: {page.meta[key]}" for key in keys), DELIMITER]
    lines = [line.rstrip() for line in "\n".join([*front, page.body.replace("\r\n", "\n")]).split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def source_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


@dataclass(frozen=True)
class TranslationState:
    """One translation and the state of its Kazakh page."""

    lang: str
    path: str
    source: Path  # the translation's file
    original: Path  # the Kazakh page's file
    marked: str | None  # the hash in its front matter, None if never marked
    current: str  # the hash of the Kazakh page's translatable text now
    line: int  # the line of `translated_from` in the file (1 when absent)

    @property
    def lag(self) -> str | None:
        """None when up to date, else OUTDATED or UNMARKED."""
        if self.marked is None:
            return UNMARKED
        return None if self.marked == self.current else OUTDATED


def marked_hash(page: Page) -> str | None:
    value = page.meta.get(TRANSLATED_FROM)
    return str(value) if value is not None else None


def translation_states(content: Content) -> list[TranslationState]:
    """Every readable Russian and English page that has a readable Kazakh page, in path order."""
    states = []
    for lang in TRANSLATION_LANGUAGES:
        for path, page in sorted(content.pages.get(lang, {}).items()):
            original = content.page(SOURCE_LANGUAGE, path)
            if original is None or not original.readable or not page.readable:
                continue
            states.append(
                TranslationState(
                    lang,
                    path,
                    page.source,
                    original.source,
                    marked_hash(page),
                    source_hash(translatable_text(original)),
                    page.meta_lines.get(TRANSLATED_FROM, 1),
                )
            )
    return states


def lagging(content: Content) -> list[TranslationState]:
    return [state for state in translation_states(content) if state.lag]


class SourceStore:
    """The marked Kazakh texts, one file per hash: translations/<hash>.md."""

    NAME = re.compile(rf"^[0-9a-f]{{{HASH_LENGTH}}}\.md$")

    def __init__(self, folder: Path):
        self.folder = folder

    def file(self, digest: str) -> Path:
        return self.folder / f"{digest}.md"

    def read(self, digest: str) -> str | None:
        path = self.file(digest)
        return path.read_text(encoding="utf-8") if path.is_file() else None

    def keep(self, text: str) -> str:
        """Store a text under its hash (unchanged if already there); its hash."""
        digest = source_hash(text)
        path = self.file(digest)
        if not path.is_file() or path.read_bytes() != text.encode("utf-8"):
            self.folder.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))  # bytes: LF on every system, as hashed
        return digest

    def hashes(self) -> set[str]:
        if not self.folder.is_dir():
            return set()
        return {path.name[: -len(".md")] for path in self.folder.iterdir() if self.NAME.match(path.name)}

    def prune(self, referenced: set[str]) -> list[Path]:
        """Remove the texts no translation refers to any more; the files removed."""
        removed = []
        for digest in sorted(self.hashes() - referenced):
            self.file(digest).unlink()
            removed.append(self.file(digest))
        return removed


def source_diff(before: str, after: str, label: str, context: int = 1) -> list[str]:
    """The changed lines from the marked text to the present one, as a unified diff."""
    return [
        line.rstrip("\n")
        for line in difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            f"{label} (as marked)",
            f"{label} (now)",
            n=context,
        )
    ]


def set_front_matter_key(text: str, key: str, value: str) -> str:
    """The page text with `key: value` in its front matter, every other byte as it was.

    The key's line is replaced in place if present; otherwise it goes after the title (and any
    continuation lines of the title's value), or before the closing '---' when there is no title.
    The new line takes the front matter's line ending (LF or CRLF). Raises ValueError without a
    closed front matter.
    """
    lines = text.split("\n")  # a CRLF file keeps its '\r' at the end of every line
    if not lines or lines[0].lstrip("\ufeff").rstrip() != DELIMITER:
        raise ValueError("the page has no front matter (a first line '---')")
    end = closing_delimiter(lines)
    if end is None:
        raise ValueError("the front matter is not closed (no second '---' line)")
    ending = "\r" if lines[end].endswith("\r") else ""
    entry = f"{key}: {value}{ending}"
    key_line = re.compile(rf"^{re.escape(key)}\s*:")
    for index in range(1, end):
        if key_line.match(lines[index]):
            lines[index] = entry
            return "\n".join(lines)
    position = end
    title = next((i for i in range(1, end) if re.match(r"^title\s*:", lines[i])), None)
    if title is not None:
        position = title + 1
        while position < end and lines[position][:1] in (" ", "\t"):
            position += 1  # the title's value goes on over indented lines
    lines.insert(position, entry)
    return "\n".join(lines)


def quoted_hash(digest: str) -> str:
    """The front-matter value: quoted, so that a hash of digits only stays a string in YAML."""
    return f'"{digest}"'
