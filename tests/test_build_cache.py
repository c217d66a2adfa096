"""Rebuilds reuse what has not changed: packages by the content hash of their inputs, a language of
the portal when none of its inputs changed, and nothing at all when nothing changed."""

from __future__ import annotations

import zipfile

from builder.pipeline import build
from conftest import new_project

SECOND_COURSE = """id: practice
title: {kk: Практикум, ru: Практикум, en: Practice}
description: {kk: Қысқа практикум., ru: Короткий практикум., en: A short practice.}
pass_mark: 50
pages:
  - guide/index.md
graded:
  - guide-1
"""


def built(project, log=None):
    messages = [] if log is None else log
    build(project, project.root / "site", progress=messages.append)
    return messages


def stamps(folder):
    """path -> (inode, modification time): a file rebuilt is a new file; one reused is the same."""
    return {
        path.relative_to(folder).as_posix(): (path.stat().st_ino, path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file()
    }


def changed(before, after):
    return sorted(name for name in after if before.get(name) != after[name])


def project_with_two_courses(tmp_path):
    project = new_project(tmp_path, overlays=("course",))
    (project.content_dir / "courses" / "practice.yml").write_text(SECOND_COURSE, encoding="utf-8")
    return project


def test_nothing_changed_nothing_rebuilt(tmp_path):
    project = project_with_two_courses(tmp_path)
    built(project)
    site_before, dist_before = stamps(project.root / "site"), stamps(project.root / "dist")
    log = built(project)
    assert any("nothing changed" in message for message in log)
    assert stamps(project.root / "site") == site_before and stamps(project.root / "dist") == dist_before


def test_a_changed_page_rebuilds_exactly_the_packages_that_contain_it(tmp_path):
    project = project_with_two_courses(tmp_path)
    built(project)
    before = stamps(project.root / "dist" / "scorm")
    page = project.content_dir / "ru" / "index.md"  # in course 'guide' only
    page.write_text(page.read_text(encoding="utf-8") + "\nНовый абзац о диалоге культур.\n", encoding="utf-8")
    built(project)
    after = stamps(project.root / "dist" / "scorm")
    assert changed(before, after) == [
        "guide-mul-scorm12.zip",
        "guide-mul-scorm2004.zip",
        "guide-ru-scorm12.zip",
        "guide-ru-scorm2004.zip",
        "packages.json",
    ]
    with zipfile.ZipFile(project.root / "dist" / "scorm" / "guide-ru-scorm12.zip") as package:
        assert "Новый абзац о диалоге культур." in package.read("index.html").decode("utf-8")

    before = after
    shared = project.content_dir / "kk" / "guide" / "index.md"  # in both courses
    shared.write_text(
        shared.read_text(encoding="utf-8") + "\nМәдениеттер диалогы туралы жаңа абзац.\n", encoding="utf-8"
    )
    built(project)
    rebuilt = changed(before, stamps(project.root / "dist" / "scorm"))
    assert rebuilt == sorted(
        [
            f"{course}-{lang}-scorm{version}.zip"
            for course in ("guide", "practice")
            for lang in ("kk", "mul")
            for version in ("12", "2004")
        ]
        + ["packages.json"]
    )


def test_a_changed_page_rebuilds_only_its_language_of_the_portal(tmp_path):
    project = project_with_two_courses(tmp_path)
    built(project)
    before = stamps(project.root / "site")
    page = project.content_dir / "en" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA new paragraph on dialogue.\n", encoding="utf-8")
    log = built(project)
    rebuilt = changed(before, stamps(project.root / "site"))
    assert "  portal: language 'kk' unchanged" in log and "  portal: language 'ru' unchanged" in log
    assert "en/index.html" in rebuilt
    # the service worker and its precache lists are written anew over every assembled site: a new version
    assert {"sw.js", "sw-precache-en.json"} <= set(rebuilt)
    assert not [name for name in rebuilt if not name.startswith(("en/", "downloads/", "sw.js", "sw-precache-"))], (
        rebuilt
    )
    assert "A new paragraph on dialogue." in (project.root / "site" / "en" / "index.html").read_text(encoding="utf-8")


def append_comment(file):
    file.write_text(file.read_text(encoding="utf-8") + "\n/* changed */\n", encoding="utf-8")


def test_theme_changes_and_missing_outputs_rebuild_what_reads_them(tmp_path):
    project = project_with_two_courses(tmp_path)
    built(project)
    append_comment(project.root / "theme" / "assets" / "portal.css")  # the portal's, not the packages'
    log = built(project)
    assert not [message for message in log if "portal:" in message and "unchanged" in message]
    assert "  packages: course 'guide' (8 zips, 8 unchanged)" in log
    # one shared copy of the assets, at the root (builder/portal/shared_assets.py)
    assert "/* changed */" in (project.root / "site" / "assets" / "portal.css").read_text(encoding="utf-8")
    append_comment(project.root / "theme" / "assets" / "quiz" / "quiz.css")  # inside every package
    log = built(project)
    assert not [message for message in log if "packages:" in message and "unchanged" in message]
    (project.root / "site" / "index.html").unlink()  # someone cleaned the site: build it again
    log = built(project)
    assert not any("nothing changed" in message for message in log)
    assert (project.root / "site" / "index.html").is_file()
