"""The packages stage: every course as SCORM 1.2 and 2004 zips, per language and multilingual.

builder renders the courses (coursebook.py); scorm/ writes the zips. The list of packages goes to
dist/scorm/packages.json, which the portal's downloads page reads.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from builder.markdown.dialect import Dialect
from builder.model.catalog import strings
from builder.model.content import Content
from builder.model.languages import LANGUAGE_CODES, LANGUAGES
from builder.outputs.coursebook import render_course
from builder.store.cache import BuildCache, link_or_copy
from builder.store.fingerprint import ProjectInputs, combine
from builder.store.workers import Shared, can_fork, forked_pool
from scorm.package import EngineFiles, PlayerTexts, write_package

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


def engine_files(theme_dir: Path) -> EngineFiles:
    """The portal's quiz engine and the player's texts (the catalog's `player` group, the languages' names)."""
    texts = PlayerTexts(
        {lang: strings(lang, "player") for lang in LANGUAGE_CODES}, {lang.code: lang.name for lang in LANGUAGES}
    )
    return EngineFiles(
        (theme_dir / "assets" / "quiz" / "quiz.js").read_bytes(),
        (theme_dir / "assets" / "quiz" / "quiz.css").read_bytes(),
        texts,
    )


def package_name(course_id: str, language: str, version: str) -> str:
    return f"{course_id}-{language}-scorm{version.replace('.', '')}.zip"


def package_key(inputs: ProjectInputs, course, languages: list[str], version: str) -> str:
    """Everything one package is made from: its course file, its pages in its languages, the engine."""
    named = inputs.common()
    named.update({f"theme/{name}": digest for name, digest in inputs.theme.items() if name.startswith("assets/quiz/")})
    named.update(
        {f"content/{name}": digest for name, digest in inputs.shared.items() if name == f"courses/{course.source.name}"}
    )
    for lang in languages:
        named.update(inputs.page_hashes(lang, course.pages))
    named["version"] = version
    return combine(named)


@dataclass(frozen=True)
class PackagingJob:
    """What every worker shares: handed to each worker once, when it starts (by fork: not pickled,
    the content model is large)."""

    content: Content
    dialect: Dialect
    engine: EngineFiles
    target: Path
    portal_url: str | None
    cache: BuildCache | None
    inputs: ProjectInputs | None


def package_course(index: int, job: PackagingJob | None = None) -> tuple[list[PackageInfo], set[str], str]:
    """All packages of one course: its infos, its cache keys and a progress line."""
    job = job or Shared.value
    course = job.content.courses[index]
    rendered: dict = {}

    def render(lang: str):
        if lang not in rendered:
            rendered[lang] = render_course(course, job.content, job.dialect, lang, job.portal_url)
        return rendered[lang]

    sets = [(lang, [lang]) for lang in LANGUAGE_CODES] + [(MULTILINGUAL, list(LANGUAGE_CODES))]
    made, keys, reused = [], set(), 0
    for version in SCORM_VERSIONS:
        for language, languages in sets:
            name = package_name(course.id, language, version)
            key = package_key(job.inputs, course, languages, version) if job.cache and job.inputs else None
            stored = job.cache.stored("packages", key, name) if key else None
            if stored:
                link_or_copy(str(stored), str(job.target / name))
                reused += 1
            else:
                write_package(job.target / name, [render(lang) for lang in languages], version, job.engine)
                if key:
                    job.cache.store("packages", key, job.target / name)
            if key:
                keys.add(key)
            made.append(
                PackageInfo(course.id, name, version, language, (job.target / name).stat().st_size, dict(course.title))
            )
    total = len(sets) * len(SCORM_VERSIONS)
    return made, keys, f"  packages: course '{course.id}' ({total} zips" + (f", {reused} unchanged)" if reused else ")")


def build_packages(
    content: Content,
    dialect: Dialect,
    theme_dir: Path,
    target: Path,
    portal_url: str | None = None,
    progress=print,
    cache: BuildCache | None = None,
    inputs: ProjectInputs | None = None,
    workers: int | None = None,
) -> list[PackageInfo]:
    """Write every package into target; with a cache, reuse each one whose inputs are unchanged.

    Courses are packaged in parallel worker processes (rendering Markdown is CPU-bound).
    """
    engine = engine_files(theme_dir)
    target.mkdir(parents=True, exist_ok=True)
    job = PackagingJob(content, dialect, engine, target, portal_url, cache, inputs)
    workers = workers or min(os.cpu_count() or 1, len(content.courses))
    made: list[PackageInfo] = []
    keys: set[str] = set()
    if workers > 1 and can_fork():
        with forked_pool(workers, job) as pool:
            results = list(pool.map(package_course, range(len(content.courses))))
    else:
        results = [package_course(index, job) for index in range(len(content.courses))]
    for infos, course_keys, line in results:  # in course order, whichever worker finished first
        made += infos
        keys |= course_keys
        progress(line)
    if cache and inputs:
        cache.keep_only("packages", keys)
    (target / INDEX_FILE).write_text(
        json.dumps([asdict(p) for p in made], ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return made
