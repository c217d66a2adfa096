"""One copy of the theme's assets for the whole portal.

Each language is built as a site of its own and mkdocs gives each its own `assets/` (Material's bundle,
the portal's scripts and styles: about 1 MB). They are the same bytes in every language
(plugin/assets.py keeps the search packs of all languages in each), so the languages below the root
drop theirs and their pages load the root's: one copy to download, to cache and to store offline.

Done where a language's build finishes (finish.py), so a language reused from an earlier site is
already in this form; the rewrite is idempotent (a preview's partial rebuild runs it again over pages
it did not render).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from builder.model.languages import language

ASSETS = "assets"
# src="../../assets/…", href="assets/…": the way up to the language root, then the assets
RELATIVE_ASSET = re.compile(r"""(\s(?:src|href)=["']|"search":\s*")((?:\.\./)*)assets/""")


def share_assets(site_dir: Path, lang: str) -> int:
    """In a language below the portal root: delete its assets/ and point its pages at the root's.

    site_dir is the language's own folder (its pages at the same depths as in the portal). Returns the
    number of pages rewritten; the default language (the root) is left as it is.
    """
    prefix = language(lang).url_prefix
    if not prefix:
        return 0
    shutil.rmtree(site_dir / ASSETS, ignore_errors=True)
    absolute = re.compile(
        r"""(\s(?:src|href)=["']|"search":\s*")(/(?:[^"'/\s]+/)*)""" + re.escape(prefix + ASSETS) + "/"
    )
    levels = prefix.count("/")
    rewritten = 0
    for page in sorted(site_dir.rglob("*.html")):
        depth = len(page.relative_to(site_dir).parts) - 1
        text = page.read_text(encoding="utf-8")
        new = point_at_root_assets(text, depth, levels, absolute)
        if new != text:
            page.write_text(new, encoding="utf-8")
            rewritten += 1
    return rewritten


def point_at_root_assets(text: str, depth: int, levels: int, absolute: re.Pattern) -> str:
    """Asset URLs that climb exactly to the language root (`depth` times `../`) climb `levels` more, to
    the portal root; an absolute one (404 pages, with a site address) loses the language folder. URLs
    already climbing further are left: that is what makes the rewrite idempotent."""

    def relative(match: re.Match) -> str:
        up = match.group(2)
        if up.count("../") != depth:
            return match.group(0)
        return f"{match.group(1)}{up}{'../' * levels}{ASSETS}/"

    text = RELATIVE_ASSET.sub(relative, text)
    return absolute.sub(lambda match: f"{match.group(1)}{match.group(2)}{ASSETS}/", text)
