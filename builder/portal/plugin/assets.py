"""Trim the theme's assets to what the portal uses."""

from __future__ import annotations

import json
import re
from pathlib import Path

import mkdocs

# What the portal's search worker (theme/assets/search/worker.js) loads besides itself and
# lunr.kk.js: lunr from mkdocs' own search plugin (the lunr 2.3.9 Material bundles too), and for
# Russian the Snowball stemmer of lunr-languages that Material ships.
LUNR_SCRIPT = Path(mkdocs.__file__).parent / "contrib" / "search" / "templates" / "search" / "lunr.js"
MATERIAL_LANGUAGE_PACKS = {"ru": {"lunr.stemmer.support.min.js", "lunr.ru.min.js"}}
DOC_COMMENT = re.compile(r"[ \t]*/\*\*.*?\*/[ \t]*\n?", re.S)


def install_search_engine(site_dir: Path) -> int:
    """Put lunr beside the search worker and delete the lunr language packs no language of the portal uses.

    Material ships support for some forty languages with every build; the portal needs two of its
    files. Every language keeps the packs of all languages, so the assets are the same bytes in each
    and the portal serves one shared copy (builder/portal/shared_assets.py). Returns the number of
    files removed.
    """
    engine = site_dir / "assets" / "search"
    if engine.is_dir():
        (engine / "lunr.js").write_text(without_doc_comments(LUNR_SCRIPT.read_text(encoding="utf-8")), encoding="utf-8")
    keep = set().union(*MATERIAL_LANGUAGE_PACKS.values())
    removed = 0
    for script in (site_dir / "assets" / "javascripts" / "lunr").rglob("*.js"):
        if script.name not in keep:
            script.unlink()
            removed += 1
    return removed


def without_doc_comments(script: str) -> str:
    """lunr.js without its documentation comments, its licence banner (the first comment) kept.

    Half the file's bytes are documentation; one comment also cites a script's address, which the
    offline scan rightly cannot tell from a script loaded from another host.
    """
    banner_end = script.index("*/") + 2
    return script[:banner_end] + DOC_COMMENT.sub("", script[banner_end:])


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
