"""The portal stage: mkdocs builds each language in its own process, then one site is assembled.

All mkdocs-specific building lives here and in builder/plugin/, so the portal can move to another
engine without touching the content model or the packages.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from builder.markdown.blocks.downloads import DOWNLOADS_ROOT
from builder.model.languages import LANGUAGES, Language, language
from builder.portal.config import load_site_config
from builder.store.cache import copy_tree
from builder.store.workers import forked_pool


def build_language(
    config_file: str, lang_code: str, out_dir: str, model_file: str, site_url: str = "", dirty: bool = False
) -> str:
    """Build one language as a standalone mkdocs site in out_dir (runs in a worker process).

    model_file: this language's part of the checked model (builder/markdown/language_model.py).
    dirty: rebuild only the pages whose source is newer than their HTML (mkdocs' dirty build), in place.
    """
    from mkdocs.commands.build import build

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    if dirty:  # its warning about stale navigation does not apply: the preview sends only text edits here
        logging.getLogger("mkdocs.commands.build").setLevel(logging.ERROR)
    config = load_site_config(Path(config_file), lang_code, Path(out_dir), site_url, Path(model_file))
    build(config, dirty=dirty)
    return lang_code


def build_portal(
    config_file: Path,
    staging: Path,
    model_files: dict[str, Path],
    site_url: str = "",
    progress=print,
    jobs: int | None = None,
    unchanged_in: Path | None = None,
    unchanged: frozenset[str] = frozenset(),
) -> Path:
    """Build every language in parallel into staging/ and assemble them into staging/site.

    model_files: each language's model file. Languages in `unchanged` are taken from the earlier site
    in `unchanged_in` (hard links) instead.
    """
    parts = {lang.code: staging / f"part-{lang.code}" for lang in LANGUAGES}
    to_build = {code: path for code, path in parts.items() if code not in unchanged}
    for code in unchanged:
        source = language_folder(unchanged_in, language(code))
        copy_tree(source, parts[code], ignore=only_this_language(source))
        progress(f"  portal: language '{code}' unchanged")
    if to_build:
        jobs = jobs or min(len(to_build), os.cpu_count() or 1)
        with forked_pool(jobs) as pool:  # workers stopped with the build (builder/store/workers.py)
            futures = [
                pool.submit(build_language, str(config_file), code, str(path), str(model_files[code]), site_url)
                for code, path in to_build.items()
            ]
            for done, future in enumerate(futures, 1):
                progress(f"  portal: language '{future.result()}' built ({done}/{len(futures)})")
    return assemble(parts, staging / "site")


def language_folder(site: Path, lang: Language) -> Path:
    return site / lang.url_prefix.rstrip("/") if lang.url_prefix else site


def only_this_language(root: Path):
    """A copytree filter: at the site root, leave out the other languages' folders and the downloads."""
    top = {lang.url_prefix.rstrip("/") for lang in LANGUAGES if lang.url_prefix} | {DOWNLOADS_ROOT}

    def ignore(folder: str, names: list[str]) -> set[str]:
        return top & set(names) if Path(folder) == root else set()

    return ignore


def assemble(parts: dict[str, Path], site: Path) -> Path:
    """The default language is the site root; every other language becomes a folder in it."""
    default = next(lang for lang in LANGUAGES if lang.default)
    parts[default.code].rename(site)
    for lang in LANGUAGES:
        if lang.default:
            continue
        target = site / lang.url_prefix.rstrip("/")
        if target.exists():
            raise RuntimeError(f"content/{default.code}/{lang.code}/ clashes with the '{lang.code}' language folder")
        parts[lang.code].rename(target)
    return site
