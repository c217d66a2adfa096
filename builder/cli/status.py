"""`builder status`: per section and language — pages, words, quizzes, drafts, missing translations;
then the translations behind their Kazakh page, with what changed there."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from builder.model.content import Content, Page
from builder.model.languages import LANGUAGE_CODES
from builder.model.translations import (
    SOURCE_LANGUAGE,
    SourceStore,
    TranslationState,
    source_diff,
    translatable_text,
    translation_states,
)

WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?")
MARKUP = re.compile(r"!!!|\?\?\?\+?|\{[^}]*\}|\[([^\]]*)\]\([^)]*\)|<[^>]+>")


def prose_words(page: Page) -> int:
    """Words a reader reads: the body without front matter, code, quiz or data blocks, and link targets."""
    count = 0
    for _, line in page.prose:
        count += len(WORD.findall(MARKUP.sub(r"\1", line)))
    return count


def section_of(path: str) -> str:
    return path.split("/", 1)[0] if "/" in path else "(home)"


@dataclass
class Cell:
    pages: int = 0
    words: int = 0
    quizzes: int = 0
    drafts: int = 0
    missing: list[str] = field(default_factory=list)


def status_table(content: Content) -> dict[str, dict[str, Cell]]:
    table: dict[str, dict[str, Cell]] = defaultdict(lambda: {lang: Cell() for lang in LANGUAGE_CODES})
    every_path = content.all_paths()
    for path in sorted(every_path):
        for lang in LANGUAGE_CODES:
            cell = table[section_of(path)][lang]
            page = content.page(lang, path)
            if page is None:
                cell.missing.append(path)
                continue
            cell.pages += 1
            cell.words += prose_words(page)
            cell.quizzes += len(content.page_quizzes.get((lang, path), []))
            cell.drafts += int(page.draft)
    return dict(sorted(table.items()))


def render_status(content: Content, per_page: bool = False) -> str:
    table = status_table(content)
    header = f"{'section':<14}" + "".join(
        f"│ {lang:<2} pages  words quizzes drafts missing " for lang in LANGUAGE_CODES
    )
    lines = [header, "─" * len(header)]
    totals = {lang: Cell() for lang in LANGUAGE_CODES}
    for section, cells in table.items():
        row = f"{section:<14}"
        for lang in LANGUAGE_CODES:
            cell, total = cells[lang], totals[lang]
            row += f"│    {cell.pages:>5} {cell.words:>6} {cell.quizzes:>7} {cell.drafts:>6} {len(cell.missing):>7} "
            total.pages += cell.pages
            total.words += cell.words
            total.quizzes += cell.quizzes
            total.drafts += cell.drafts
            total.missing += cell.missing
        lines.append(row)
    lines.append("─" * len(header))
    lines.append(
        f"{'total':<14}"
        + "".join(
            f"│    {t.pages:>5} {t.words:>6} {t.quizzes:>7} {t.drafts:>6} {len(t.missing):>7} " for t in totals.values()
        )
    )
    missing = [(lang, path) for lang in LANGUAGE_CODES for cells in table.values() for path in cells[lang].missing]
    if missing:
        lines += ["", "missing translations:"] + [f"  content/{lang}/{path}" for lang, path in missing]
    if per_page:
        lines += ["", f"{'page (words)':<48}" + "".join(f"{lang:>8}" for lang in LANGUAGE_CODES)]
        for path in sorted(content.all_paths()):
            counts = [
                prose_words(content.page(lang, path)) if content.page(lang, path) else 0 for lang in LANGUAGE_CODES
            ]
            lines.append(f"{path:<48}" + "".join(f"{count:>8}" for count in counts))
    return "\n".join(lines)


def render_translations(content: Content, store: SourceStore, root: Path, diff: bool = True) -> str:
    """The translations behind their Kazakh page and, once per Kazakh page and marked state, what changed."""
    states = translation_states(content)
    behind = [state for state in states if state.lag]
    if not behind:
        return f"translations: all {len(states)} up to date with their Kazakh page"

    def shown(path: Path) -> str:
        return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)

    lines = [
        f"translations behind their Kazakh page: {len(behind)} of {len(states)} "
        "(update them, then `builder translations mark PATH`):"
    ]
    groups: dict[tuple[str, str | None], list[TranslationState]] = defaultdict(list)
    for state in behind:
        groups[(state.path, state.marked)].append(state)
    for (path, marked), group in groups.items():
        names = ", ".join(shown(state.source) for state in group)
        original = group[0].original
        if marked is None:
            lines.append(f"  {names}: never marked")
            continue
        lines.append(f"  {names}: {shown(original)} changed since {marked} (now {group[0].current})")
        if not diff:
            continue
        before = store.read(marked)
        if before is None:
            lines.append(f"    (the marked text {shown(store.file(marked))} is not kept: compare by hand)")
            continue
        after = translatable_text(content.page(SOURCE_LANGUAGE, path))
        lines += ["    " + line for line in source_diff(before, after, shown(original))]
    return "\n".join(lines)
