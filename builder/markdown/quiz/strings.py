"""The quiz engine's interface strings: the `quiz` group of the catalog (builder/model/catalog/)."""

from __future__ import annotations

from builder.model.catalog import strings as catalog_strings


def strings(lang: str) -> dict[str, str]:
    return catalog_strings(lang, "quiz")
