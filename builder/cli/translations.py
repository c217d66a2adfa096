"""`builder translations mark | prune`: record that translations are up to date with their Kazakh page.

Marking writes `translated_from: "<hash>"` into the translation's front matter (every other byte of
the file as it was) and keeps the Kazakh text of that hash in translations/, so that `builder status`
can later show what changed since. Texts no translation refers to any more are removed as it goes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from builder.model.content import Page, load_page
from builder.model.errors import ErrorReport
from builder.model.languages import LANGUAGE_CODES
from builder.model.translations import (
    HASH_LENGTH,
    SOURCE_LANGUAGE,
    STORE_FOLDER,
    TRANSLATED_FROM,
    TRANSLATION_LANGUAGES,
    SourceStore,
    quoted_hash,
    set_front_matter_key,
    translatable_text,
)

REFERENCE = re.compile(rf"^{TRANSLATED_FROM}\s*:\s*[\"']?([0-9a-f]{{{HASH_LENGTH}}})[\"']?\s*$", re.MULTILINE)


class MarkError(Exception):
    """A path that cannot be marked; the message names it."""


@dataclass(frozen=True)
class Translations:
    """The content folder and the store of marked Kazakh texts of one project."""

    root: Path  # the project

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def store(self) -> SourceStore:
        return SourceStore(self.root / STORE_FOLDER)

    def shown(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)

    def page_of(self, given: str, cwd: Path | None = None) -> tuple[str, str]:
        """(language, path inside it) of a page named on the command line, relative to the current
        folder, the project or content/; MarkError naming it otherwise."""
        raw = Path(given)
        candidates = (
            [raw] if raw.is_absolute() else [(cwd or Path.cwd()) / raw, self.root / raw, self.content_dir / raw]
        )
        existing = [path for path in candidates if path.is_file()]
        if not existing:
            raise MarkError(f"{given}: no such file; name a page such as content/ru/about/index.md")
        for found in existing:  # the first inside this project's content/ (the current folder may be elsewhere)
            try:
                parts = found.resolve().relative_to(self.content_dir.resolve()).parts
            except ValueError:
                continue
            if len(parts) >= 2 and parts[0] in LANGUAGE_CODES and parts[-1].endswith(".md"):
                return parts[0], "/".join(parts[1:])
        raise MarkError(
            f"{given}: not a content page; name a page of content/{'|'.join(LANGUAGE_CODES)}/, "
            "e.g. content/ru/about/index.md (a Kazakh page marks both its translations)"
        )

    def read_page(self, lang: str, path: str) -> Page:
        source = self.content_dir / lang / path
        report = ErrorReport(self.root)
        page = load_page(source, lang, path, report)
        if not page.readable:
            problem = report.sorted()[0] if report.sorted() else None
            raise MarkError(f"{self.shown(source)}: cannot be read ({problem}); run `builder check`")
        return page

    def targets(self, given: list[str], cwd: Path | None = None) -> list[str]:
        """The translation paths (language/path) the named pages stand for; every problem at once."""
        targets, problems = [], []
        for name in given:
            try:
                lang, path = self.page_of(name, cwd)
            except MarkError as problem:
                problems.append(str(problem))
                continue
            if lang != SOURCE_LANGUAGE:
                targets.append(f"{lang}/{path}")
                continue
            present = [
                f"{other}/{path}" for other in TRANSLATION_LANGUAGES if (self.content_dir / other / path).is_file()
            ]
            if not present:
                problems.append(f"{name}: this Kazakh page has no translation to mark")
            targets.extend(present)
        if problems:
            raise MarkError("\n".join(problems))
        return list(dict.fromkeys(targets))

    def every_translation(self) -> list[str]:
        """Every Russian and English page that has a Kazakh page."""
        found = []
        for lang in TRANSLATION_LANGUAGES:
            folder = self.content_dir / lang
            for source in sorted(folder.rglob("*.md")) if folder.is_dir() else ():
                path = source.relative_to(folder).as_posix()
                if (self.content_dir / SOURCE_LANGUAGE / path).is_file():
                    found.append(f"{lang}/{path}")
        return found

    def mark(self, target: str) -> str:
        """Mark one translation (language/path) as up to date with its Kazakh page; what was done."""
        lang, path = target.split("/", 1)
        original = self.read_page(SOURCE_LANGUAGE, path)
        digest = self.store.keep(translatable_text(original))
        translation = self.content_dir / lang / path
        self.read_page(lang, path)  # refuse a translation whose front matter is broken
        before = translation.read_bytes().decode("utf-8")
        after = set_front_matter_key(before, TRANSLATED_FROM, quoted_hash(digest))
        if after == before:
            return f"{self.shown(translation)}: already up to date with {digest}"
        translation.write_bytes(after.encode("utf-8"))
        return f"{self.shown(translation)}: marked up to date with {self.shown(original.source)} ({digest})"

    def referenced(self) -> set[str]:
        """The hashes the translations' front matter names (read as text: a page broken now keeps its own)."""
        hashes = set()
        for lang in TRANSLATION_LANGUAGES:
            folder = self.content_dir / lang
            for source in folder.rglob("*.md") if folder.is_dir() else ():
                text = source.read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n")
                hashes.update(REFERENCE.findall(text))
        return hashes

    def prune(self) -> list[str]:
        return [
            f"removed {self.shown(path)}: no translation refers to it" for path in self.store.prune(self.referenced())
        ]


def mark_translations(root: Path, given: list[str], every: bool = False, cwd: Path | None = None) -> list[str]:
    """Mark the named pages (or, with every, all translations) up to date, then tidy the store.

    Raises MarkError, writing nothing, when any named path is not a page that can be marked.
    """
    translations = Translations(root)
    targets = translations.every_translation() if every else translations.targets(given, cwd)
    for target in targets:  # every page readable before any is written
        lang, path = target.split("/", 1)
        translations.read_page(SOURCE_LANGUAGE, path)
        translations.read_page(lang, path)
    done = [translations.mark(target) for target in targets]
    return done + translations.prune()
