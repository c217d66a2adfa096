"""```downloads blocks: the tables of LMS files with links — SCORM packages (course, version, language,
size) by default, question banks with `files: moodle`.

Reads the indexes in dist/ of the build in progress (packages and banks are built before the portal);
the files themselves are copied into the portal under downloads/.
"""
from __future__ import annotations

import json
import os
from html import escape
from pathlib import Path

from builder.blocks.context import block_options, context_of
from builder.languages import LANGUAGES, language

PACKAGES_INDEX_ENV = "CCD_PACKAGES_INDEX"
BANKS_INDEX_ENV = "CCD_BANKS_INDEX"
DOWNLOADS_FOLDER = "downloads/scorm"
BANKS_FOLDER = "downloads/moodle"
FILE_HEAD = {"kk": "Файл", "ru": "Файл", "en": "File"}
BANK_HEAD = {
    "kk": ("Курс", "Пішімі", "Тілі", "Көлемі", "Үш тіл бір сұрақта (multilang сүзгісі)"),
    "ru": ("Курс", "Формат", "Язык", "Размер", "Три языка в одном вопросе (фильтр multilang)"),
    "en": ("Course", "Format", "Language", "Size", "Three languages in one question (multilang filter)"),
}
HEAD = {
    "kk": ("Курс", "SCORM нұсқасы", "Тілі", "Көлемі", "Барлық үш тіл (ауыстыруға болады)"),
    "ru": ("Курс", "Версия SCORM", "Язык", "Размер", "Все три языка (с переключением)"),
    "en": ("Course", "SCORM version", "Language", "Size", "All three languages (switchable)"),
}


def size_kib(size: int) -> int:
    return round(size / 1024)


def size_text(size: int, lang: str) -> str:
    unit = {"kk": "КБ", "ru": "КБ", "en": "KB"}[lang]
    return f"{size_kib(size)} {unit}"


def shown_index(index_file: Path) -> str:
    """An index as the downloads tables show it (sizes in whole KB): a page needs rebuilding only if this changes."""
    entries = json.loads(index_file.read_text(encoding="utf-8"))
    return json.dumps([{**entry, "size": size_kib(entry["size"])} for entry in entries], sort_keys=True)


def read_index(variable: str) -> list[dict]:
    index = os.environ.get(variable)
    return json.loads(Path(index).read_text(encoding="utf-8")) if index and Path(index).exists() else []


def format_downloads(source: str, language: str, css_class: str, options: dict, md, **kwargs) -> str:
    lang = context_of(md).lang
    what = str(block_options(source).get("files", "scorm"))
    if what == "moodle":
        return downloads_table(read_index(BANKS_INDEX_ENV), BANK_HEAD[lang], lang, BANKS_FOLDER, "format")
    return downloads_table(read_index(PACKAGES_INDEX_ENV), HEAD[lang], lang, DOWNLOADS_FOLDER, "version")


def downloads_table(packages: list[dict], head: tuple, lang: str, folder: str, second: str) -> str:
    names = {l.code: l.name for l in LANGUAGES}
    # the page sits at lms/downloads/ in its language's folder; the files at the portal root
    depth = "../" * (2 + language(lang).url_prefix.count("/"))
    rows = []
    for package in packages:
        language_name = head[4] if package["language"] == "mul" else names[package["language"]]
        rows.append(f'<tr><td>{escape(package["title"].get(lang, package["course"]))}</td>'
                    f'<td>{escape(package[second])}</td><td>{escape(language_name)}</td>'
                    f'<td>{size_text(package["size"], lang)}</td>'
                    f'<td><a href="{depth}{folder}/{escape(package["file"])}" download>{escape(package["file"])}</a></td></tr>')
    header = "".join(f'<th scope="col">{escape(h)}</th>' for h in head[:4])
    return (f'<div class="ccd-downloads"><table><thead><tr>{header}<th scope="col">{escape(FILE_HEAD[lang])}</th>'
            f'</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')
