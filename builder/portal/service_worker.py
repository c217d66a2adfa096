"""The portal offline: its service worker and each language's precache list, written over the assembled site.

One worker for the whole portal (`sw.js` at its root, scope the root, so it works under any sub-path);
one precache list per language (`sw-precache-<lang>.json`) naming what a reader of that language needs
with no connection: its pages as the browser requests them (`about/` for about/index.html), its search
index, its calendars and manifest, and the shared assets it loads — each with its size and SHA-256,
which the worker checks, so a copy never mixes two builds. Left out: source maps, the downloads
(PDFs, packages, e-books: fetched when asked), the editor at /admin/ (its own files, named by the
pipeline), sitemaps, the
search index as a script (file:// reads it) and Material's own search worker (the portal's replaces it).

Written by the pipeline after everything else is in the site (calendars, downloads, the editor), and
every build anew: a language reused from the previous site changes nothing here, and the worker's
version is the digest of all three lists, so any changed byte makes a new version.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from builder.markdown.blocks.downloads import DOWNLOADS_ROOT
from builder.model.errors import ContentError, ContentInvalid
from builder.model.languages import LANGUAGES, Language
from builder.portal.file_scheme import SEARCH_INDEX_SCRIPT
from builder.portal.plugin.assets import MATERIAL_LANGUAGE_PACKS
from builder.portal.shared_assets import ASSETS

WORKER_FILE = "sw.js"
WORKER_TEMPLATE = Path(__file__).with_name("service_worker.js")
PRECACHE_BUDGET = 10_000_000  # bytes per language: 10 MB
# folders at the root the worker leaves to the network and no list names; the pipeline adds the editor's
# (builder/outputs/admin.py OFFLINE_CACHE_EXCLUDED: this layer does not import that one)
ALWAYS_BYPASSED = (f"{DOWNLOADS_ROOT}/",)
LEFT_OUT_SUFFIXES = (".map", ".gz")
LEFT_OUT_NAMES = {"sitemap.xml", SEARCH_INDEX_SCRIPT}  # the index as a script: for file:// only
LUNR_PACKS = f"{ASSETS}/javascripts/lunr/"
MATERIAL_SEARCH_WORKER = f"{ASSETS}/javascripts/workers/"
OWN_STEMMERS = f"{ASSETS}/search/"


def precache_list_file(code: str) -> str:
    return f"sw-precache-{code}.json"


OWN_FILES = {WORKER_FILE} | {precache_list_file(lang.code) for lang in LANGUAGES}


@dataclass(frozen=True)
class PrecacheFile:
    url: str  # relative to the portal root, as the browser requests it
    size: int
    digest: str  # SHA-256, hex


def page_url(path: str) -> str:
    """The address the browser asks for: a folder's index.html by the folder, with its slash."""
    if path == "index.html":
        return "./"
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return quote(path)


def file_entry(site: Path, file: Path) -> PrecacheFile:
    data = file.read_bytes()
    return PrecacheFile(page_url(file.relative_to(site).as_posix()), len(data), hashlib.sha256(data).hexdigest())


def left_out(relative: str) -> bool:
    name = relative.rsplit("/", 1)[-1]
    return name.endswith(LEFT_OUT_SUFFIXES) or name in LEFT_OUT_NAMES


def language_files(site: Path, lang: Language, bypassed: tuple[str, ...] = ALWAYS_BYPASSED) -> list[Path]:
    """The files of the language's own folder (the portal root for the default language, without the
    other languages, the shared assets, the bypassed folders — downloads, the editor — and the worker's
    own files)."""
    root = site / lang.url_prefix if lang.url_prefix else site
    not_here = {other.url_prefix.rstrip("/") for other in LANGUAGES if other.url_prefix}
    not_here |= {ASSETS} | {folder.rstrip("/") for folder in bypassed} | OWN_FILES
    files = []
    for file in sorted(root.rglob("*")):
        relative = file.relative_to(root)
        if not file.is_file() or (lang.default and relative.parts[0] in not_here):
            continue
        if not left_out(relative.as_posix()):
            files.append(file)
    return files


def shared_files(site: Path, lang: Language) -> list[Path]:
    """The shared assets a language loads: all but source maps, Material's unused search worker and the
    stemmers of other languages."""
    packs = MATERIAL_LANGUAGE_PACKS.get(lang.code, set())
    other_stemmers = {f"lunr.{other.code}.js" for other in LANGUAGES}  # the portal's own, e.g. lunr.kk.js
    files = []
    for file in sorted((site / ASSETS).rglob("*")):
        relative = file.relative_to(site).as_posix()
        if not file.is_file() or left_out(relative) or relative.startswith(MATERIAL_SEARCH_WORKER):
            continue
        if relative.startswith(LUNR_PACKS) and file.name not in packs:
            continue
        if relative.startswith(OWN_STEMMERS) and file.name != f"lunr.{lang.code}.js" and file.name in other_stemmers:
            continue
        files.append(file)
    return files


def precache_list(site: Path, lang: Language, bypassed: tuple[str, ...] = ALWAYS_BYPASSED) -> list[PrecacheFile]:
    return [file_entry(site, file) for file in language_files(site, lang, bypassed) + shared_files(site, lang)]


def check_budget(lang: Language, entries: list[PrecacheFile], budget: int) -> None:
    total = sum(entry.size for entry in entries)
    if total <= budget:
        return
    largest = ", ".join(f"{e.url} ({e.size / 1e6:.1f} MB)" for e in sorted(entries, key=lambda e: -e.size)[:3])
    message = (
        f"the offline copy of the portal in '{lang.code}' would be {total / 1e6:.1f} MB, over its budget of "
        f"{budget / 1e6:.0f} MB (builder/portal/service_worker.py, PRECACHE_BUDGET); the largest files: {largest}"
    )
    raise ContentInvalid([ContentError(f"content/{lang.code}", 1, message, "portal.offline-budget")])


def write_offline_app(site: Path, left_out: tuple[str, ...] = (), budget: int = PRECACHE_BUDGET) -> str:
    """Write the worker and every language's precache list into the assembled site; returns the version.

    left_out: folders at the site root ("admin/") never stored, whose requests go to the network as
    without a worker (the downloads always are). ContentInvalid (`portal.offline-budget`) when a
    language's list is over the budget.
    """
    bypassed = tuple(dict.fromkeys(ALWAYS_BYPASSED + left_out))
    lists = {lang.code: precache_list(site, lang, bypassed) for lang in LANGUAGES}
    for lang in LANGUAGES:
        check_budget(lang, lists[lang.code], budget)
    rows = {code: [[e.url, e.size, e.digest] for e in entries] for code, entries in lists.items()}
    version = hashlib.sha256(json.dumps(rows, sort_keys=True).encode("utf-8")).hexdigest()[:16]
    remove_offline_app(site)  # files reused from the previous site are hard links into it: never write through
    for code, entries in rows.items():
        data = {"version": version, "lang": code, "bytes": sum(row[1] for row in entries), "files": entries}
        (site / precache_list_file(code)).write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    worker = (
        WORKER_TEMPLATE.read_text(encoding="utf-8")
        .replace("__VERSION__", version)
        .replace("__LANGUAGES__", json.dumps({lang.code: lang.url_prefix for lang in LANGUAGES}))
        .replace("__BYPASSED__", json.dumps(list(bypassed)))
    )
    (site / WORKER_FILE).write_text(worker, encoding="utf-8")
    return version


def remove_offline_app(site: Path) -> None:
    """A site without the worker (the preview of `builder serve`: a worker would serve stale pages)."""
    for name in OWN_FILES:
        (site / name).unlink(missing_ok=True)
