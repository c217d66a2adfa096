"""The data blocks' labels and dates: the `blocks` group of the catalog (builder/model/catalog/)."""

from __future__ import annotations

from builder.model.catalog import long_date as catalog_date
from builder.model.catalog import strings


def labels(lang: str) -> dict[str, str]:
    return strings(lang, "blocks")


def long_date(lang: str, day) -> str:
    return catalog_date(lang, day)


def date_with_weekday(lang: str, day) -> str:
    return catalog_date(lang, day, weekday=True)
