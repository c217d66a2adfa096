"""The built LMS packages: every manifest valid, golden manifests, sizes, reproducible zips, downloads page."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from builder.outputs.packages import package_name
from conftest import REPO, dialect_of
from test_scorm_manifest import schema_for

pytestmark = pytest.mark.slow  # needs the real site built (built_site)

GOLDEN = Path(__file__).parent / "golden"
GOLDEN_PACKAGES = ["textbook-kk-scorm12.zip", "textbook-mul-scorm2004.zip"]


@pytest.fixture(scope="module")
def dist(built_site) -> Path:
    return built_site.parent / "dist" / "scorm"


@pytest.fixture(scope="module")
def packages(dist) -> list[dict]:
    return json.loads((dist / "packages.json").read_text(encoding="utf-8"))


def test_every_course_has_a_package_per_language_and_version_plus_a_multilingual_one(dist, packages):
    from builder.markdown.validate import check_content

    content, _ = check_content(REPO, REPO / "content", dialect_of(REPO / "mkdocs.yml"))
    expected = {
        package_name(course.id, lang, version)
        for course in content.courses
        for lang in ("kk", "ru", "en", "mul")
        for version in ("1.2", "2004")
    }
    assert {p["file"] for p in packages} == expected == {p.name for p in dist.glob("*.zip")}
    assert len(content.courses) >= 1


def test_every_manifest_is_valid_and_lists_every_file(dist):
    for package in sorted(dist.glob("*.zip")):
        version = "1.2" if package.stem.endswith("scorm12") else "2004"
        with zipfile.ZipFile(package) as archive:
            names = archive.namelist()
            manifest = etree.fromstring(archive.read("imsmanifest.xml"))
            schema = schema_for(version)
            assert schema.validate(manifest), (package.name, schema.error_log)
            listed = {f.get("href") for f in manifest.iter("{*}file")}
            assert listed == set(names) - {"imsmanifest.xml"}, package.name
            assert manifest.findtext("{*}metadata/{*}schemaversion") == (
                "1.2" if version == "1.2" else "2004 4th Edition"
            )
            assert len(manifest.findall("{*}organizations/{*}organization")) == 1
            assert len(manifest.findall(".//{*}resource")) == 1
            for name in names:
                assert not name.startswith("/") and ".." not in name.split("/")


def test_packages_are_small(dist):
    for package in dist.glob("*.zip"):
        assert package.stat().st_size < 1_000_000, package.name


@pytest.mark.parametrize("name", GOLDEN_PACKAGES)
def test_golden_manifests(dist, name):
    with zipfile.ZipFile(dist / name) as archive:
        manifest = archive.read("imsmanifest.xml").decode("utf-8")
    golden = GOLDEN / name.replace(".zip", ".imsmanifest.xml")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(manifest, encoding="utf-8")
    assert manifest == golden.read_text(encoding="utf-8"), "manifest changed: review, then UPDATE_GOLDEN=1"


def test_the_same_content_builds_byte_identical_zips(tmp_path, dist):
    again = tmp_path / "dist"
    from builder.markdown.validate import check_content
    from builder.outputs.packages import build_packages

    content, _ = check_content(REPO, REPO / "content", dialect_of(REPO / "mkdocs.yml"))
    build_packages(content, dialect_of(REPO / "mkdocs.yml"), REPO / "theme", again, progress=lambda m: None)
    for package in dist.glob("*.zip"):
        assert (again / package.name).read_bytes() == package.read_bytes(), package.name


def test_downloads_page_lists_every_package_with_a_working_link(built_site, packages):
    for prefix in ("", "ru/", "en/"):
        page = built_site / prefix / "lms" / "downloads" / "index.html"
        tree = lxml_html.fromstring(page.read_text(encoding="utf-8"))
        links = [a.get("href") for a in tree.cssselect(".ccd-downloads a[download]")]
        scorm = [link for link in links if "/downloads/scorm/" in link]
        assert sorted(link.rsplit("/", 1)[1] for link in scorm) == sorted(p["file"] for p in packages)
        for link in links:
            assert (page.parent / link).resolve().is_file(), link
        scorm_table = tree.cssselect(".ccd-downloads")[0]
        rows = [[td.text_content() for td in tr.cssselect("td")] for tr in scorm_table.cssselect("tbody tr")]
        assert {row[1] for row in rows} == {"1.2", "2004"}
