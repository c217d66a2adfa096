"""Trim the theme's assets to what the portal uses."""
from __future__ import annotations

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
