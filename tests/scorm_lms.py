"""A test LMS: scorm-again (npm) in Chromium, with the package in an iframe, as Moodle runs it."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

from conftest import REPO

SCORM_AGAIN = REPO / "node_modules" / "scorm-again" / "dist"

LMS_PAGE = """<!doctype html>
<html lang="__LANG__"><head><meta charset="utf-8"><title>LMS</title>
<script src="scorm12.js"></script><script src="scorm2004.js"></script></head>
<body><script>
const params = new URLSearchParams(location.search);
const version = params.get("v");
const settings = {autocommit: false, logLevel: 5, lmsCommitUrl: params.get("commit") || false,
                  dataCommitFormat: "json"};
const api = version === "1.2" ? new Scorm12API(settings) : new Scorm2004API(settings);
const saved = params.get("data");
if (saved) api.loadFromJSON(JSON.parse(saved));
if (params.get("learnerLang")) {
  if (version === "1.2") api.cmi.student_preference.language = params.get("learnerLang");
  else api.cmi.learner_preference.language = params.get("learnerLang");
}
window.lms = {api: api, commits: 0, calls: []};
api.on(version === "1.2" ? "LMSCommit" : "Commit", () => { window.lms.commits += 1; });
if (!params.get("noapi")) window[version === "1.2" ? "API" : "API_1484_11"] = api;
if (params.get("window")) {  // Moodle's "New window": the package finds the API through its opener
  const button = document.createElement("button");
  button.textContent = "Enter"; button.id = "enter";
  button.onclick = () => window.open(params.get("launch"), "course");
  document.body.appendChild(button);
} else {
  const frame = document.createElement("iframe");
  frame.title = "course"; frame.src = params.get("launch"); frame.style.width = "1000px"; frame.style.height = "760px";
  document.body.appendChild(frame);
}
</script></body></html>
"""


def install_lms(folder: Path, lms_lang: str = "en") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("scorm12.js", "scorm2004.js"):
        shutil.copy(SCORM_AGAIN / name, folder / name)
    page = folder / f"lms-{lms_lang}.html"
    page.write_text(LMS_PAGE.replace("__LANG__", lms_lang), encoding="utf-8")
    return page


def unpack(package: Path, folder: Path) -> str:
    """Unzip a package; returns the launch href from its manifest."""
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder)
    from lxml import etree

    manifest = etree.parse(str(folder / "imsmanifest.xml"))
    resource = manifest.find(".//{*}resource")
    return resource.get("href")


def cmi(page) -> dict:
    """The LMS's whole data model as JSON."""
    return page.evaluate("() => JSON.parse(JSON.stringify(window.lms.api.cmi))")


def course_frame(page):
    page.wait_for_function(
        "() => document.querySelector('iframe') && document.querySelector('iframe').contentWindow"
        " && document.querySelector('iframe').contentWindow.CCDPlayer"
    )
    return page.frame_locator("iframe")


def launch_url(base: str, lms_page: str, version: str, launch: str, data: dict | None = None, **extra) -> str:
    from urllib.parse import urlencode

    query = {"v": version, "launch": launch, **extra}
    if data is not None:
        query["data"] = json.dumps(data)
    return f"{base}{lms_page}?{urlencode(query)}"
