"""Content hashes of a build's inputs: what decides whether a stored output can be reused.

Every key includes the code of the builder and the versions of the libraries it drives, so a new
release of either rebuilds everything; beyond that, each output names exactly the files it reads.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

LIBRARIES = (
    "mkdocs",
    "mkdocs-material",
    "mkdocs-static-i18n",
    "markdown",
    "pymdown-extensions",
    "jinja2",
    "weasyprint",
    "pydyf",
    "pyphen",
    "tinycss2",
    "lxml",
    "icalendar",
    "tzdata",
    "babel",
)
CODE_PACKAGES = ("builder", "scorm")


def hash_bytes(*parts: bytes | str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree_hashes(folder: Path, pattern: str = "**/*") -> dict[str, str]:
    """path relative to folder -> content hash, for every file below folder."""
    if not folder.exists():
        return {}
    return {
        path.relative_to(folder).as_posix(): file_hash(path)
        for path in sorted(folder.glob(pattern))
        if path.is_file() and "__pycache__" not in path.parts
    }


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The builder's own source and the versions of the libraries it uses."""
    here = Path(__file__).resolve().parents[2]  # the folder that holds builder/ and scorm/
    parts = []
    for package in CODE_PACKAGES:
        parts.extend(f"{package}/{name}:{digest}" for name, digest in tree_hashes(here / package).items())
    for library in LIBRARIES:
        try:
            parts.append(f"{library}=={metadata.version(library)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{library}: not installed")
    return hash_bytes(*parts)


def combine(named: dict[str, str]) -> str:
    """One key from named hashes; the names count, so moving a file changes the key."""
    return hash_bytes(*(f"{name}={digest}" for name, digest in sorted(named.items())))


class ProjectInputs:
    """Hashes of every input file of a project, read once per build."""

    def __init__(self, root: Path, site_url: str | None):
        self.root = root
        self.code = code_fingerprint()
        self.config = file_hash(root / "mkdocs.yml")
        self.theme = tree_hashes(root / "theme")
        content = root / "content"
        self.pages = {
            lang.name: tree_hashes(lang)
            for lang in sorted(content.iterdir())
            if lang.is_dir() and lang.name not in ("courses", "data")
        }
        self.shared = {
            name: digest
            for name, digest in tree_hashes(content).items()
            if name.split("/")[0] in ("courses", "data", "nav.yml")
        }
        self.site_url = site_url or ""

    def everything(self) -> str:
        """One key for all the inputs: the common ones, the theme, the courses and every page."""
        named = self.common()
        named.update({f"theme/{name}": digest for name, digest in self.theme.items()})
        named.update({f"content/{name}": digest for name, digest in self.shared.items()})
        for lang, pages in self.pages.items():
            named.update(self.page_hashes(lang, pages))
        return combine(named)

    def common(self) -> dict[str, str]:
        """What every output reads: the code, the configuration, the shared data and the address."""
        named = {"code": self.code, "config": self.config, "site_url": hash_bytes(self.site_url)}
        named.update(
            {f"content/{name}": digest for name, digest in self.shared.items() if not name.startswith("courses/")}
        )
        return named

    def page_hashes(self, lang: str, paths) -> dict[str, str]:
        return {f"content/{lang}/{path}": self.pages.get(lang, {}).get(path, "missing") for path in paths}
