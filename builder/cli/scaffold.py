"""`builder new page PATH`: the same new page in kk, ru and en, marked as a draft; the Russian and English
pages start marked as translations of the Kazakh one as written (builder/cli/translations.py)."""

from __future__ import annotations

from pathlib import Path

from builder.cli.translations import Translations
from builder.model.languages import LANGUAGE_CODES
from builder.model.translations import TRANSLATION_LANGUAGES

PLACEHOLDER = {
    "kk": "Бұл бет әлі жазылып жатыр.",
    "ru": "Эта страница ещё пишется.",
    "en": "This page is still being written.",
}


def normalise_page_path(path: str) -> str:
    path = path.strip().strip("/")
    for lang in LANGUAGE_CODES:
        path = path.removeprefix(f"content/{lang}/").removeprefix(f"{lang}/")
    if not path.endswith(".md"):
        path += ".md"
    if ".." in path.split("/") or not path[:-3]:
        raise ValueError(f"'{path}' is not a page path inside the language folders, e.g. 'unity/club.md'")
    return path


def new_page(content_dir: Path, path: str, title: str | None = None) -> list[Path]:
    """Create content/<lang>/PATH in every language; refuse to overwrite any existing one."""
    path = normalise_page_path(path)
    targets = [content_dir / lang / path for lang in LANGUAGE_CODES]
    existing = [t for t in targets if t.exists()]
    if existing:
        raise FileExistsError("already exists: " + ", ".join(str(t) for t in existing) + "; nothing was written")
    heading = title or Path(path).stem.replace("-", " ").capitalize()
    for lang, target in zip(LANGUAGE_CODES, targets, strict=False):
        target.parent.mkdir(parents=True, exist_ok=True)
        front = f'---\ntitle: "{heading}"\ndraft: true\n---\n'
        target.write_text(f"{front}# {heading}\n\n{PLACEHOLDER[lang]}\n", encoding="utf-8")
    translations = Translations(content_dir.parent)
    for lang in TRANSLATION_LANGUAGES:
        translations.mark(f"{lang}/{path}")
    return targets
