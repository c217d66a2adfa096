"""Assemble a course package: the player page, the engine, the runtime, the manifest — one zip."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from scorm.manifest import PackageSpec, environment, render_manifest, render_metadata
from scorm.zipper import write_zip

PLAYER = Path(__file__).parent / "player"


@dataclass(frozen=True)
class PlayerTexts:
    """The player's interface strings per language, and each language's own name (from the builder)."""

    labels: dict  # lang -> {"contents", "previous", "next", "skip", "language", "progress", "score", "standalone"}
    names: dict  # lang -> its own name, e.g. "Қазақша"


@dataclass(frozen=True)
class EngineFiles:
    """The quiz engine of the portal (theme/assets/quiz/) and the player's texts, shared by every package."""

    script: bytes
    stylesheet: bytes
    texts: PlayerTexts


def course_data(courses: list, version: str, texts: PlayerTexts) -> dict:
    """What the runtime needs: every quiz in order, which are graded, how each is reported.

    A rendered course gives each quiz's `interactions` entry (id, type, graded, interaction, pattern,
    description); SCORM 1.2 has no correct-response pattern or description in its data model.
    """
    first = courses[0]
    quizzes = []
    for reported in first.interactions:
        entry = {key: reported[key] for key in ("id", "type", "graded", "interaction")}
        if version == "2004" and entry["graded"]:
            entry["pattern"] = reported["pattern"]
            entry["description"] = reported["description"]
        quizzes.append(entry)
    labels = {course.lang: {"score": texts.labels[course.lang]["score"]} for course in courses}
    return {
        "id": first.id,
        "scorm": version,
        "languages": [c.lang for c in courses],
        "passMark": first.pass_mark,
        "quizzes": quizzes,
        "labels": labels,
    }


def package_entries(courses: list, version: str, engine: EngineFiles) -> dict[str, bytes]:
    """The files of one package holding one course in one or more languages (rendered courses)."""
    languages = [course.lang for course in courses]
    ids = [[quiz["id"] for quiz in course.interactions] for course in courses]
    if any(other != ids[0] for other in ids[1:]):
        raise ValueError(f"course {courses[0].id}: the languages do not hold the same quizzes in the same order")
    page = (
        environment()
        .get_template("player.html")
        .render(
            languages=languages,
            titles={c.lang: c.title for c in courses},
            labels=engine.texts.labels,
            names=engine.texts.names,
            pages={c.lang: c.pages for c in courses},
            course_json=json.dumps(course_data(courses, version, engine.texts), ensure_ascii=False).replace(
                "</", "<\\/"
            ),
        )
    )
    entries = {
        "index.html": page.encode("utf-8"),
        "assets/quiz.js": engine.script,
        "assets/quiz.css": engine.stylesheet,
        "assets/runtime.js": (PLAYER / "runtime.js").read_bytes(),
        "assets/player.js": (PLAYER / "player.js").read_bytes(),
        "assets/player.css": (PLAYER / "player.css").read_bytes(),
    }
    first = courses[0]
    tag = "mul" if len(languages) > 1 else languages[0]
    spec = PackageSpec(
        f"ccd-{first.id}-{tag}-scorm{version.replace('.', '')}",
        version,
        first.title,
        first.description,
        languages,
        "index.html",
        first.pass_mark,
    )
    if version == "1.2":
        entries[spec.metadata_file] = render_metadata(spec).encode("utf-8")
    spec.files = sorted(entries)
    entries["imsmanifest.xml"] = render_manifest(spec).encode("utf-8")
    return entries


def write_package(target: Path, courses: list, version: str, engine: EngineFiles) -> Path:
    return write_zip(target, package_entries(courses, version, engine))
