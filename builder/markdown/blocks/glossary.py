"""```glossary blocks: the key terms side by side in the three languages, from content/data/glossary.yml."""

from __future__ import annotations

from html import escape

from builder.markdown.blocks.context import context_of
from builder.markdown.blocks.strings import labels
from builder.model.languages import LANGUAGES

KAZAKH_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"


def sort_key(term: str, lang: str):
    """Alphabetical order of the page's language (Kazakh letters sit inside the alphabet, not after я)."""
    word = term.lower()
    if lang == "kk":
        return [KAZAKH_ALPHABET.index(c) if c in KAZAKH_ALPHABET else 100 + ord(c) for c in word]
    return [ord(c) for c in word.replace("ё", "е")]


def format_glossary(source: str, language: str, css_class: str, options: dict, md, **kwargs) -> str:
    context = context_of(md)
    lang, text = context.lang, labels(context.lang)
    terms = sorted(context.data.glossary, key=lambda term: sort_key(term.get(lang, ""), lang))
    order = [lang] + [other.code for other in LANGUAGES if other.code != lang]
    head = "".join(
        f'<th scope="col" lang="{code}">{escape(next(each.name for each in LANGUAGES if each.code == code))}</th>'
        for code in order
    )
    rows = []
    for term in terms:
        names = "".join(
            f'<td lang="{code}">{"<strong>" if code == lang else ""}{escape(term.get(code, ""))}'
            f"{'</strong>' if code == lang else ''}</td>"
            for code in order
        )
        definition = escape(term.get("definition", {}).get(lang, ""))
        rows.append(f'<tr id="{escape(term["id"])}">{names}<td>{definition}</td></tr>')
    return (
        f'<div class="ccd-glossary"><table><thead><tr>{head}<th scope="col">{escape(text["definition"])}</th>'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )
