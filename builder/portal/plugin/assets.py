"""Trim the theme's assets to what the portal uses."""

from __future__ import annotations

import json
from pathlib import Path

LUNR_SUPPORT = {"lunr.stemmer.support.min.js", "lunr.multi.min.js"}


def prune_search_languages(site_dir: Path, search_lang: list[str]) -> int:
    """Delete lunr language packs (and their word segmenters) that no search setting asks for.

    Material ships support for some forty languages with every build; each language of this portal
    needs at most one. Returns the number of files removed.
    """
    lunr = site_dir / "assets" / "javascripts" / "lunr"
    keep = LUNR_SUPPORT | {f"lunr.{code}.min.js" for code in search_lang if code != "en"}
    removed = 0
    for script in lunr.rglob("*.js"):
        if script.name not in keep:
            script.unlink()
            removed += 1
    return removed


def compact_search_index(site_dir: Path) -> int:
    """Rewrite the search index as UTF-8 rather than \\u-escaped ASCII; returns the bytes saved.

    mkdocs writes it with json's ASCII escapes, six bytes a Cyrillic letter: the Kazakh and Russian
    indexes shrink to about a third, and every reader's first search downloads it.
    """
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return 0
    before = index.stat().st_size
    write_search_index(index, json.loads(index.read_text(encoding="utf-8")))
    return before - index.stat().st_size


def write_search_index(index: Path, data: dict) -> None:
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
