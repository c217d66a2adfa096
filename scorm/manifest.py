"""imsmanifest.xml for SCORM 1.2 and SCORM 2004 4th edition, from Jinja templates in scorm/templates/."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

VERSIONS = {"1.2": "manifest-1.2.xml", "2004": "manifest-2004.xml"}
SCHEMA_VERSION = {"1.2": "1.2", "2004": "2004 4th Edition"}


@dataclass
class PackageSpec:
    identifier: str  # unique per package, e.g. ccd-textbook-kk-2004
    version: str  # "1.2" or "2004"
    title: str
    description: str
    languages: list[str]  # the languages the package holds
    launch: str  # the SCO's launch page
    pass_mark: int  # percent
    files: list[str] = field(default_factory=list)  # every file of the package but the manifest
    metadata_file: str = "metadata.xml"  # SCORM 1.2: the LOM record, referenced by adlcp:location


@lru_cache(maxsize=1)
def environment() -> Environment:
    """One environment for every package, so each template is compiled once."""
    return Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_metadata(spec: PackageSpec) -> str:
    """SCORM 1.2's title, description and language metadata (IMS LOM 1.2.1), a file of the package.

    Kept out of the manifest because the LOM 1.2.1 schema does not load in libxml2 (its content
    model is not deterministic), and the manifest must validate; SCORM 1.2 allows metadata by
    reference through adlcp:location.
    """
    return environment().get_template("metadata-1.2.xml").render(spec=spec)


def render_manifest(spec: PackageSpec) -> str:
    template = environment().get_template(VERSIONS[spec.version])
    return template.render(
        spec=spec, schemaversion=SCHEMA_VERSION[spec.version], files=sorted(set(spec.files) - {"imsmanifest.xml"})
    )
