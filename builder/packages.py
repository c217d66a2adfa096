"""The packages stage: every course as SCORM 1.2 and 2004 zips, per language and multilingual.

builder renders the courses (coursebook.py); scorm/ writes the zips. The list of packages goes to
dist/scorm/packages.json, which the portal's downloads page reads.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from builder.content import Content
from builder.coursebook import render_course
from builder.languages import LANGUAGE_CODES
from scorm.package import EngineFiles, write_package

SCORM_VERSIONS = ("1.2", "2004")
MULTILINGUAL = "mul"
INDEX_FILE = "packages.json"


@dataclass(frozen=True)
class PackageInfo:
    course: str
    file: str  # relative to dist/scorm/
    version: str
    language: str  # kk | ru | en | mul
    size: int  # bytes
    title: dict


def package_name(course_id: str, language: str, version: str) -> str:
    return f"{course_id}-{language}-scorm{version.replace('.', '')}.zip"


def build_packages(content: Content, config_file: Path, theme_dir: Path, target: Path,
                   portal_url: str | None = None, progress=print) -> list[PackageInfo]:
    engine = EngineFiles((theme_dir / "assets" / "quiz" / "quiz.js").read_bytes(),
                         (theme_dir / "assets" / "quiz" / "quiz.css").read_bytes())
    target.mkdir(parents=True, exist_ok=True)
    made: list[PackageInfo] = []
    for course in content.courses:
        rendered = {lang: render_course(course, content, config_file, lang, portal_url) for lang in LANGUAGE_CODES}
        sets = [(lang, [rendered[lang]]) for lang in LANGUAGE_CODES] + [(MULTILINGUAL, list(rendered.values()))]
        for version in SCORM_VERSIONS:
            for language, courses in sets:
                name = package_name(course.id, language, version)
                path = write_package(target / name, courses, version, engine)
                made.append(PackageInfo(course.id, name, version, language, path.stat().st_size, dict(course.title)))
        progress(f"  packages: course '{course.id}' ({len(sets) * len(SCORM_VERSIONS)} zips)")
    (target / INDEX_FILE).write_text(json.dumps([asdict(p) for p in made], ensure_ascii=False, indent=1) + "\n",
                                     encoding="utf-8")
    return made
