"""The whole build: check the content, then render every output aside and swap it into place."""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from builder.build_cache import AnchorCache, BuildCache, copy_tree
from builder.checks import check_content
from builder.fingerprint import ProjectInputs, combine, hash_bytes
from builder.languages import LANGUAGE_CODES
from builder.errors import ContentInvalid
from builder.output import replace_tree, staging_area
from builder.banks.export import INDEX_FILE as BANKS_INDEX
from builder.banks.export import build_banks
from builder.blocks.downloads import BANKS_FOLDER, BANKS_INDEX_ENV, DOWNLOADS_FOLDER, PACKAGES_INDEX_ENV, shown_index
from builder.blocks.downloads import PRINT_FOLDER, PRINT_INDEX_ENV
from builder.packages import INDEX_FILE, build_packages
from builder.portal import build_portal
from builder.print_edition import INDEX_FILE as PRINT_INDEX
from builder.print_edition import build_print_editions

CACHE_FOLDER = ".cache/build"


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    @property
    def dist_dir(self) -> Path:
        return self.root / "dist"

    @property
    def theme_dir(self) -> Path:
        return self.root / "theme"

    @classmethod
    def find(cls, start: Path | None = None) -> "Project":
        """The nearest folder upwards that holds mkdocs.yml and content/."""
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / "mkdocs.yml").is_file() and (folder / "content").is_dir():
                return cls(folder)
        raise FileNotFoundError(f"no project (a folder with mkdocs.yml and content/) at or above {here}")


def check(project: Project, progress=print, anchor_cache=None):
    progress("checking content …")
    content, report = check_content(project.root, project.content_dir, project.config_file, anchor_cache)
    pages = sum(1 for _ in content.all_pages())
    if report:
        raise ContentInvalid(report.sorted())
    progress(f"  {pages} pages in {len(content.pages)} languages: no errors")
    return content


def anchor_cache(project: Project, inputs: ProjectInputs) -> AnchorCache:
    """The anchors `check` collected before, valid while the code, configuration and data are the same."""
    return AnchorCache(project.root / CACHE_FOLDER / "anchors.json", combine(inputs.common()))


def portal_key(inputs: ProjectInputs, lang: str, indexes: list[Path]) -> str:
    """One language of the portal reads its own pages, the theme, the shared data and the download lists."""
    named = inputs.common()
    named.update({f"theme/{name}": digest for name, digest in inputs.theme.items()})
    named.update(inputs.page_hashes(lang, inputs.pages.get(lang, {})))
    named.update({f"index/{index.name}": hash_bytes(shown_index(index)) for index in indexes if index.is_file()})
    return combine(named)


def build(project: Project, site_dir: Path | None = None, progress=print, dist_dir: Path | None = None,
          use_cache: bool = True) -> Path:
    """Check, then build the LMS packages, the question banks, the print editions and the portal aside; swap
    them into dist/ and site/.

    Packages and print editions come first: the portal's pages list them, and the portal carries copies
    under downloads/. Nothing is swapped in unless everything was built. Outputs whose inputs have not
    changed since the last build are reused (.cache/build/); with nothing changed nothing is rebuilt.
    """
    started = time.perf_counter()
    site_dir = (site_dir or project.site_dir).resolve()
    dist_dir = (dist_dir or site_dir.parent / "dist").resolve()  # beside the site: site/ and dist/ by default
    site_url = os.environ.get("SITE_URL") or None
    inputs = ProjectInputs(project.root, site_url)
    cache = BuildCache(project.root / CACHE_FOLDER)
    previous = cache.load_state(site_dir) if use_cache else {}
    everything = inputs.everything()
    outputs_intact = (site_dir / "index.html").is_file() and dist_dir.is_dir() and previous.get("dist") == str(dist_dir)
    if previous.get("everything") == everything and outputs_intact:
        progress(f"nothing changed since the last build: {site_dir} and {dist_dir} are up to date "
                 f"({time.perf_counter() - started:.1f} s)")
        return site_dir
    anchors = anchor_cache(project, inputs) if use_cache else None
    content = check(project, progress, anchors)
    if anchors:
        anchors.save()
    with staging_area(site_dir) as site_staging, staging_area(dist_dir) as dist_staging:
        progress("building the LMS packages …")
        dist = dist_staging / "dist"
        build_packages(content, project.config_file, project.theme_dir, dist / "scorm", site_url, progress,
                       cache if use_cache else None, inputs)
        progress("writing the question banks …")
        build_banks(content, dist / "moodle", progress)
        progress("typesetting the print editions …")
        build_print_editions(content, project.config_file, dist / "print", progress, site_url,
                             cache=cache if use_cache else None, inputs=inputs)
        # the download lists the portal's pages read, each named by the environment variable it is passed in
        indexes = {PACKAGES_INDEX_ENV: dist / "scorm" / INDEX_FILE, BANKS_INDEX_ENV: dist / "moodle" / BANKS_INDEX,
                   PRINT_INDEX_ENV: dist / "print" / PRINT_INDEX}
        keys = {lang: portal_key(inputs, lang, list(indexes.values())) for lang in LANGUAGE_CODES}
        unchanged = frozenset(lang for lang, key in keys.items()
                              if outputs_intact and previous.get("portal", {}).get(lang) == key)
        os.environ.update({variable: str(path) for variable, path in indexes.items()})
        try:
            progress("building the portal …")
            site = build_portal(project.config_file, site_staging, progress, unchanged_in=site_dir, unchanged=unchanged)
        finally:
            for variable in indexes:
                os.environ.pop(variable, None)
        copy_tree(dist / "scorm", site / DOWNLOADS_FOLDER)
        copy_tree(dist / "moodle", site / BANKS_FOLDER)
        copy_tree(dist / "print", site / PRINT_FOLDER)
        replace_tree(site, site_dir)
        replace_tree(dist, dist_dir)
    if use_cache:
        cache.save_state(site_dir, {"everything": everything, "portal": keys, "dist": str(dist_dir)})
    progress(f"built {site_dir} and {dist_dir} in {time.perf_counter() - started:.1f} s")
    return site_dir
