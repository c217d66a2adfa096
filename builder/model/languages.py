"""The portal's languages: Kazakh is the default and is served at the site root."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # the language's own name, as the switcher shows it
    default: bool = False

    @property
    def url_prefix(self) -> str:
        """Folder of this language in the built site, relative to the site root."""
        return "" if self.default else f"{self.code}/"

    def up_to_portal_root(self, depth: int) -> str:
        """The relative way up from a page `depth` folders deep in this language to the portal root
        (links stay relative, so the portal works under any sub-path and from file://)."""
        return "../" * (depth + self.url_prefix.count("/"))


LANGUAGES: tuple[Language, ...] = (
    Language("kk", "Қазақша", default=True),
    Language("ru", "Русский"),
    Language("en", "English"),
)
LANGUAGE_CODES: tuple[str, ...] = tuple(lang.code for lang in LANGUAGES)
DEFAULT_LANGUAGE: Language = next(lang for lang in LANGUAGES if lang.default)


def language(code: str) -> Language:
    for lang in LANGUAGES:
        if lang.code == code:
            return lang
    raise KeyError(code)
