"""The data blocks' labels: the `blocks` group of the catalog (builder/model/catalog/)."""

from __future__ import annotations

from builder.model.catalog import strings


def labels(lang: str) -> dict[str, str]:
    return strings(lang, "blocks")
