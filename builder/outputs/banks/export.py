"""The question-banks stage: dist/moodle/<course>.xml (multilang), <course>.<lang>.xml, <course>.<lang>.gift.txt."""

from __future__ import annotations

import json
from pathlib import Path

from builder.model.languages import LANGUAGE_CODES
from builder.outputs.banks.gift import bank_gift
from builder.outputs.banks.moodle_xml import bank_xml

INDEX_FILE = "banks.json"


def build_banks(content, target: Path, progress=print) -> list[dict]:
    target.mkdir(parents=True, exist_ok=True)
    made = []

    def write(name: str, text: str, course, language: str, kind: str) -> None:
        path = target / name
        path.write_text(text, encoding="utf-8")
        made.append(
            {
                "course": course.id,
                "file": name,
                "format": kind,
                "language": language,
                "size": path.stat().st_size,
                "title": dict(course.title),
            }
        )

    for course in content.courses:
        write(f"{course.id}.xml", bank_xml(course, content, None), course, "mul", "Moodle XML")
        for lang in LANGUAGE_CODES:
            write(f"{course.id}.{lang}.xml", bank_xml(course, content, lang), course, lang, "Moodle XML")
            write(f"{course.id}.{lang}.gift.txt", bank_gift(course, content, lang), course, lang, "GIFT")
        progress(f"  question banks: course '{course.id}' (7 files)")
    (target / INDEX_FILE).write_text(json.dumps(made, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return made
