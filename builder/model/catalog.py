"""Every interface string in one catalog per language (catalog/<lang>.yml), behind one lookup.

Strings are grouped by where they are shown: `quiz` (the quiz engine), `blocks` (data blocks),
`downloads`, `print` (print editions), `player` (the SCORM player); `dates` holds the Babel patterns of
the dates readers see. Dates and numbers are formatted by Babel in the reader's language. Language names
are not here: each language's own name is defined once, in languages.py. Material's own interface
labels for Kazakh stay in Material's format (theme/partials/languages/kk.html), which Material reads.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import yaml
from babel.dates import format_date
from babel.numbers import format_decimal, get_group_symbol

CATALOG_DIR = Path(__file__).parent / "catalog"


@cache
def catalog(lang: str) -> dict[str, dict[str, str]]:
    return yaml.safe_load((CATALOG_DIR / f"{lang}.yml").read_text(encoding="utf-8"))


def strings(lang: str, group: str) -> dict[str, str]:
    """One group of a language's strings, e.g. strings("kk", "quiz")["check"]."""
    return catalog(lang)[group]


def long_date(lang: str, day: dt.date, weekday: bool = False) -> str:
    """A date as readers see it: '2026 жылғы 4 желтоқсан', '4 декабря 2026 г.', '4 December 2026'
    (Babel, with the catalog's patterns; 'weekday' adds the day of the week)."""
    pattern = strings(lang, "dates")["date_with_weekday" if weekday else "date"]
    return format_date(day, pattern, locale=lang)


def number(value: int | float, lang: str) -> str:
    """A number with its digits grouped (Babel), the group mark the portal's typography uses:
    a narrow no-break space in Kazakh and Russian, a comma in English."""
    formatted = format_decimal(value, locale=lang)
    return formatted.replace(get_group_symbol(lang), strings(lang, "dates")["group_separator"])
