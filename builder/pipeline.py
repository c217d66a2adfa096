"""The whole build: check the content, then render every output aside and swap it into place."""
from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from builder.checks import check_content
from builder.errors import ContentInvalid
from builder.output import replace_tree, staging_area
from builder.banks.export import INDEX_FILE as BANKS_INDEX
from builder.banks.export import build_banks
from builder.blocks.downloads import BANKS_FOLDER, BANKS_INDEX_ENV, DOWNLOADS_FOLDER, PACKAGES_INDEX_ENV
from builder.packages import INDEX_FILE, build_packages
from builder.portal import build_portal


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


def check(project: Project, progress=print):
    progress("checking content …")
    content, report = check_content(project.root, project.content_dir, project.config_file)
    pages = sum(1 for _ in content.all_pages())
    if report:
        raise ContentInvalid(report.sorted())
    progress(f"  {pages} pages in {len(content.pages)} languages: no errors")
    return content


def build(project: Project, site_dir: Path | None = None, progress=print, dist_dir: Path | None = None) -> Path:
    """Check, then build the LMS packages, the question banks and the portal aside; swap them into dist/ and site/.

    Packages come first: the portal's downloads page lists them, and the portal carries copies under
    downloads/scorm/. Nothing is swapped in unless everything was built.
    """
    started = time.perf_counter()
    site_dir = (site_dir or project.site_dir).resolve()
    dist_dir = (dist_dir or site_dir.parent / "dist").resolve()  # beside the site: site/ and dist/ by default
    content = check(project, progress)
    with staging_area(site_dir) as site_staging, staging_area(dist_dir) as dist_staging:
        progress("building the LMS packages …")
        dist = dist_staging / "dist"
        build_packages(content, project.config_file, project.theme_dir, dist / "scorm",
                       os.environ.get("SITE_URL") or None, progress)
        progress("writing the question banks …")
        build_banks(content, dist / "moodle", progress)
        os.environ[PACKAGES_INDEX_ENV] = str(dist / "scorm" / INDEX_FILE)
        os.environ[BANKS_INDEX_ENV] = str(dist / "moodle" / BANKS_INDEX)
        try:
            progress("building the portal …")
            site = build_portal(project.config_file, site_staging, progress)
        finally:
            os.environ.pop(PACKAGES_INDEX_ENV, None)
            os.environ.pop(BANKS_INDEX_ENV, None)
        shutil.copytree(dist / "scorm", site / DOWNLOADS_FOLDER)
        shutil.copytree(dist / "moodle", site / BANKS_FOLDER)
        replace_tree(site, site_dir)
        replace_tree(dist, dist_dir)
    progress(f"built {site_dir} and {dist_dir} in {time.perf_counter() - started:.1f} s")
    return site_dir
