"""Shared fixtures: throwaway projects, the real portal built once, a local server, a browser."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import pytest

from builder.audit.server import serve_folder  # noqa: F401 - the tests' static server
from builder.markdown.validate import check_content
from builder.pipeline import Project, build
from builder.portal.config import portal_settings

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


CASE_FILES = ("DELETE", "BASE", "expected.txt")


@functools.cache
def settings_of(config_file: Path):
    """The portal's settings (Markdown dialect, site names) as the pipeline reads them from mkdocs.yml."""
    return portal_settings(Path(config_file))


def dialect_of(config_file: Path):
    return settings_of(Path(config_file)).dialect


def overlay_files(folder: Path, overlay: Path) -> None:
    for source in overlay.rglob("*"):
        if source.is_file() and source.name not in CASE_FILES:
            target = folder / source.relative_to(overlay)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)


def new_project(folder: Path, case: str | None = None, overlays: tuple[str, ...] = ()) -> Project:
    """A project with the real mkdocs.yml and theme, the minimal fixture content, and a case overlaid.

    Overlays (tests/fixtures/overlays/NAME) add whole features, e.g. culture pages. A case folder
    (tests/fixtures/errors/NAME) holds files that replace or add to the content, a BASE file naming
    the overlays it builds on, and optionally a DELETE file listing paths to remove.
    """
    shutil.copy(REPO / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(REPO / "theme", folder / "theme")
    shutil.copytree(FIXTURES / "minimal" / "content", folder / "content")
    case_dir = FIXTURES / "errors" / case if case else None
    if case_dir and (case_dir / "BASE").exists():
        overlays = (*overlays, *(case_dir / "BASE").read_text().split())
    for name in overlays:
        overlay_files(folder, FIXTURES / "overlays" / name)
    if case_dir:
        overlay_files(folder, case_dir)
        deletions = case_dir / "DELETE"
        if deletions.exists():
            for line in deletions.read_text().split():
                (folder / line).unlink()
    return Project(folder)


@pytest.fixture
def project(tmp_path) -> Project:
    return new_project(tmp_path)


@pytest.fixture(scope="session")
def content():
    """The real content/, loaded and checked once for the whole session (read it, do not change it)."""
    content, report = check_content(REPO, REPO / "content", dialect_of(REPO / "mkdocs.yml"))
    assert not report, report.sorted()
    return content


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real content/ built once for the whole session."""
    site = tmp_path_factory.mktemp("real") / "site"
    return build(Project(REPO), site, progress=lambda message: None)


@pytest.fixture(scope="session")
def print_dir(built_site) -> Path:
    """The print editions and e-books of that build (dist/print/ beside its site)."""
    return built_site.parent / "dist" / "print"


@pytest.fixture(scope="session")
def site_url(built_site):
    server = serve_folder(built_site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def playwright():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright):
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
