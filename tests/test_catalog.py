"""The string catalog: every key in every language, the same placeholders, dates and numbers by Babel."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from builder.model.catalog import catalog, long_date, number
from builder.model.languages import LANGUAGE_CODES

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def keys(lang: str) -> set[tuple[str, str]]:
    return {(group, key) for group, texts in catalog(lang).items() for key in texts}


def test_every_key_exists_in_every_language():
    reference = keys(LANGUAGE_CODES[0])
    assert len(reference) > 100
    for lang in LANGUAGE_CODES[1:]:
        assert keys(lang) == reference, (lang, sorted(keys(lang) ^ reference))


def test_every_text_is_non_empty_and_has_the_same_placeholders_in_every_language():
    for group, key in keys("kk"):
        texts = {lang: catalog(lang)[group][key] for lang in LANGUAGE_CODES}
        assert all(isinstance(text, str) and text for text in texts.values()), (group, key)
        if group == "dates":
            continue  # Babel patterns and the digit-group mark, not sentences
        shapes = {lang: sorted(PLACEHOLDER.findall(text)) for lang, text in texts.items()}
        assert len({tuple(shape) for shape in shapes.values()}) == 1, (group, key, shapes)


def test_no_language_is_a_copy_of_another():
    for group in ("quiz", "blocks", "player", "print"):
        for other in ("ru", "en"):
            same = [key for key, text in catalog("kk")[group].items() if catalog(other)[group][key] == text]
            # a few words are the same in Kazakh and Russian (e.g. "Курс", "Музей", "Театр", "{minutes} мин")
            assert len(same) <= 0.2 * len(catalog("kk")[group]), (group, other, same)


@pytest.mark.parametrize(
    "lang, expected, with_weekday",
    [
        ("kk", "2027 жылғы 18 ақпан", "2027 жылғы 18 ақпан, бейсенбі"),
        ("ru", "18 февраля 2027 г.", "18 февраля 2027 г., четверг"),
        ("en", "18 February 2027", "Thursday, 18 February 2027"),
    ],
)
def test_dates_read_as_readers_know_them(lang, expected, with_weekday):
    day = dt.date(2027, 2, 18)
    assert long_date(lang, day) == expected
    assert long_date(lang, day, weekday=True) == with_weekday


def test_numbers_group_their_digits_per_language():
    assert number(1000, "kk") == "1\u202f000" and number(1000, "ru") == "1\u202f000"
    assert number(12345, "en") == "12,345" and number(42, "kk") == "42"
