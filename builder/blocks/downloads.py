"""```downloads blocks: the table of LMS packages (course, SCORM version, language, size) with links.

Reads dist/scorm/packages.json of the build in progress (the packages are built before the portal);
the files themselves are copied into the portal under downloads/scorm/.
"""
from __future__ import annotations

import json
import os
from html import escape
from pathlib import Path

from builder.blocks.context import context_of
from builder.languages import LANGUAGES

PACKAGES_INDEX_ENV = "CCD_PACKAGES_INDEX"
DOWNLOADS_FOLDER = "downloads/scorm"
HEAD = {
    "kk": ("Курс", "SCORM нұсқасы", "Тілі", "Көлемі", "Барлық үш тіл (ауыстыруға болады)"),
    "ru": ("Курс", "Версия SCORM", "Язык", "Размер", "Все три языка (с переключением)"),
    "en": ("Course", "SCORM version", "Language", "Size", "All three languages (switchable)"),
}


def size_text(size: int, lang: str) -> str:
    unit = {"kk": "КБ", "ru": "КБ", "en": "KB"}[lang]
    return f"{round(size / 1024)} {unit}"


def format_downloads(source: str, language: str, css_class: str, options: dict, md, **kwargs) -> str:
    lang = context_of(md).lang
    index = os.environ.get(PACKAGES_INDEX_ENV)
    packages = json.loads(Path(index).read_text(encoding="utf-8")) if index and Path(index).exists() else []
    head = HEAD[lang]
    names = {l.code: l.name for l in LANGUAGES}
    # the page sits at lms/downloads/ in every language folder; the files at the portal root
    depth = "../../" + ("../" if not next(l for l in LANGUAGES if l.code == lang).default else "")
    rows = []
    for package in packages:
        language_name = head[4] if package["language"] == "mul" else names[package["language"]]
        rows.append(f'<tr><td>{escape(package["title"].get(lang, package["course"]))}</td>'
                    f'<td>{escape(package["version"])}</td><td>{escape(language_name)}</td>'
                    f'<td>{size_text(package["size"], lang)}</td>'
                    f'<td><a href="{depth}{DOWNLOADS_FOLDER}/{escape(package["file"])}" download>'
                    f'{escape(package["file"])}</a></td></tr>')
    return (f'<div class="ccd-downloads"><table><thead><tr>{"".join(f"<th scope=col>{escape(h)}</th>" for h in head[:4])}'
            f'<th scope="col">zip</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>')
