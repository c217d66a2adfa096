"""The whole build: check the content, then render every output aside and swap it into place."""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from builder.checks import check_content
from builder.errors import ContentInvalid
from builder.output import replace_tree, staging_area
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


def build(project: Project, site_dir: Path | None = None, progress=print) -> Path:
    """Check, build the portal aside and swap it into site_dir; returns site_dir."""
    started = time.perf_counter()
    site_dir = (site_dir or project.site_dir).resolve()
    check(project, progress)
    with staging_area(site_dir) as staging:
        progress("building the portal …")
        site = build_portal(project.config_file, staging, progress)
        replace_tree(site, site_dir)
    progress(f"built {site_dir} in {time.perf_counter() - started:.1f} s")
    return site_dir
